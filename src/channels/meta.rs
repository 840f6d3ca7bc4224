//! Meta webhooks (feature `meta`): Facebook Page feed changes, Instagram
//! comments and mentions, Messenger and Instagram direct messages.
//!
//! A webhook body is an object `page` or `instagram` whose `entry[]` hold
//! `changes[]` (the feed, comments, mentions) and `messaging[]` (direct
//! messages). [`parse`] reads one body into a [`Received`]:
//!
//! - **Facebook feed** (`field: "feed"`): a post or comment added by
//!   someone is a public inbound message from `facebook:id:<their id>` in the
//!   conversation `fb-<post id>`; a comment's parent (`parent_id`, when it
//!   is not the post) is in [`Message::replies_to`]. Edits and removals
//!   (`verb: "edited"`, `"remove"`, `"hide"`, `"unhide"`) are
//!   [`Change`]s of the message they touch. The page's own posts and
//!   comments (`from.id` is the page) are outbound, from the agent
//!   `page-<page id>`. Reactions, likes and shares are skipped, by path.
//! - **Instagram comments** (`field: "comments"`, `"live_comments"`): public
//!   inbound messages from `instagram:id:<their id>`, with their username
//!   as an alias, in `ig-<media id>`. **Mentions** (`field: "mentions"`)
//!   carry only ids: they are [`Fetch`]es for the service to look up.
//! - **Direct messages** (`messaging[]` with a `message`): private, on
//!   Messenger (`messenger:id:<page-scoped id>`, conversation
//!   `ms-<id>`) or Instagram (`instagram:id:<id>`, conversation
//!   `igdm-<id>`); the page's own replies (`is_echo`) are outbound, from
//!   `page-<page id>`. Attachments are [`Content::Media`]; a reply's target
//!   (`reply_to.mid`) is in [`Message::replies_to`]. Reads, deliveries,
//!   postbacks and reactions are skipped, by path.
//! - A comment or post whose author was deleted (no `from`) keeps its place
//!   with [`Author::Erased`] as its author.
//!
//! Platform ids are kept as they are (page-scoped ids too), so identity
//! keys on what does not change when a username does.
//!
//! ```
//! use social_crm::channels::meta;
//! use social_crm::Visibility;
//!
//! let body = r#"{"object":"page","entry":[{"id":"1200","time":1763660700,"changes":[{"field":"feed","value":{
//!   "item":"comment","verb":"add","post_id":"1200_77","comment_id":"77_9001","parent_id":"1200_77",
//!   "from":{"id":"7391205546132","name":"Jean Dupont"},"message":"Colis jamais arrivé !","created_time":1763660700}}]}]}"#;
//! let received = meta::parse(body.as_bytes())?;
//! let comment = &received.messages[0].interaction;
//! assert_eq!(comment.customer_handle().unwrap().to_string(), "facebook:id:7391205546132");
//! assert_eq!(comment.conversation.as_str(), "fb-1200_77");
//! assert_eq!(comment.visibility, Visibility::Public);
//! assert_eq!(received.people[0].name.as_deref(), Some("Jean Dupont"));
//! # Ok::<(), social_crm::Error>(())
//! ```

use jiff::Timestamp;

use super::json::{self, At};
use super::{Change, ChangeKind, Content, Fetch, Message, Person, Received, Skipped};
use crate::error::Result;
use crate::model::{
    AgentId, AudienceStats, Author, Channel, ConversationId, Direction, Handle, Interaction,
    InteractionId, Name, Visibility,
};

/// Which platform a body is from.
#[derive(Clone, Copy, PartialEq)]
enum Platform {
    Facebook,
    Instagram,
}

/// Parses one webhook body.
///
/// # Errors
///
/// [`ErrorKind::InvalidPayload`](crate::ErrorKind::InvalidPayload), naming
/// the path, for JSON that is malformed or truncated, an `object` that is
/// neither `page` nor `instagram`, or a field the shape requires that is
/// missing or of the wrong type.
pub fn parse(body: &[u8]) -> Result<Received> {
    let value = json::parse(body)?;
    let root = At::root(&value);
    let object = root.text("object")?;
    let platform = match object.as_str() {
        "page" => Platform::Facebook,
        "instagram" => Platform::Instagram,
        other => {
            return root.field("object", |o| {
                o.error(format!("`{other}` is neither `page` nor `instagram`"))
            })
        }
    };
    let mut received = Received::default();
    root.field("entry", |entries| {
        entries.each(|entry| {
            let owner = entry.text("id")?;
            let time = entry.optional("time", instant)?;
            entry.optional("changes", |changes| {
                changes.each(|change| take_change(change, platform, &owner, time, &mut received))
            })?;
            entry.optional("messaging", |events| {
                events.each(|event| take_messaging(event, platform, &owner, &mut received))
            })?;
            Ok(())
        })
    })?;
    Ok(received)
}

/// An instant as Meta writes it: seconds, or milliseconds (in `messaging`
/// and some `time` fields), as a number or a string; or an ISO 8601 date
/// (`2026-11-20T17:45:00+0000`).
fn instant(at: At<'_>) -> Result<Timestamp> {
    if at.value.as_str().is_some_and(|text| text.contains('T')) {
        return at.instant();
    }
    let Some(n) = at.integer() else {
        return at.error("expected a time in seconds or milliseconds");
    };
    // Milliseconds past the year 5138 in seconds are milliseconds.
    let t = if n.abs() >= 100_000_000_000 {
        Timestamp::from_millisecond(n)
    } else {
        Timestamp::from_second(n)
    };
    t.or_else(|_| at.error("a time outside the years jiff supports"))
}

/// A platform id as a handle on `channel`.
fn platform_handle(at: At<'_>, channel: Channel) -> Result<Handle> {
    at.check(Handle::new(channel, &format!("id:{}", at.id_text())))
}

fn conversation(at: At<'_>, prefix: &str, id: &str) -> Result<ConversationId> {
    at.check(ConversationId::new(&format!("{prefix}-{id}")))
}

fn interaction_id(at: At<'_>) -> Result<InteractionId> {
    at.check(InteractionId::new(at.str()?))
}

fn page_agent(at: At<'_>, owner: &str) -> Result<AgentId> {
    at.check(AgentId::new(&format!("page-{owner}")))
}

fn take_change(
    change: At<'_>,
    platform: Platform,
    owner: &str,
    time: Option<Timestamp>,
    received: &mut Received,
) -> Result<()> {
    let field = change.text("field")?;
    match (platform, field.as_str()) {
        (Platform::Facebook, "feed") => change.field("value", |v| feed(v, owner, time, received)),
        (Platform::Instagram, "comments" | "live_comments") => {
            change.field("value", |v| instagram_comment(v, owner, time, received))
        }
        (Platform::Instagram, "mentions") => change.field("value", |v| {
            let id = v
                .optional_text("comment_id")?
                .or(v.optional_text("media_id")?);
            let Some(id) = id else {
                return v.error("a mention names a `comment_id` or a `media_id`");
            };
            received.to_fetch.push(Fetch {
                path: change.path(),
                kind: "mention".to_owned(),
                id,
            });
            Ok(())
        }),
        _ => {
            received.skipped.push(Skipped {
                path: change.path(),
                kind: field,
            });
            Ok(())
        }
    }
}

fn feed(v: At<'_>, owner: &str, time: Option<Timestamp>, received: &mut Received) -> Result<()> {
    let item = v.text("item")?;
    let verb = v.text("verb")?;
    if !matches!(
        item.as_str(),
        "comment" | "post" | "status" | "photo" | "video"
    ) {
        received.skipped.push(Skipped {
            path: v.path(),
            kind: format!("{item}:{verb}"),
        });
        return Ok(());
    }
    let id = match v.optional("comment_id", interaction_id)? {
        Some(id) => id,
        None => v.field("post_id", interaction_id)?,
    };
    let at = match v.optional("created_time", instant)?.or(time) {
        Some(at) => at,
        None => return v.field("created_time", |c| c.error("missing")),
    };
    let kind = match verb.as_str() {
        "add" => None,
        "edited" | "edit" => Some(ChangeKind::Edited {
            text: v.optional_text("message")?.unwrap_or_default(),
        }),
        "remove" | "delete" => Some(ChangeKind::Removed),
        "hide" => Some(ChangeKind::Hidden),
        "unhide" => Some(ChangeKind::Unhidden),
        other => {
            received.skipped.push(Skipped {
                path: v.path(),
                kind: format!("{item}:{other}"),
            });
            return Ok(());
        }
    };
    if let Some(kind) = kind {
        received.changes.push(Change {
            message: id,
            kind,
            at,
        });
        return Ok(());
    }
    let post = v.text("post_id")?;
    let conversation = v.field("post_id", |p| conversation(p, "fb", &post))?;
    let text = v.optional_text("message")?.unwrap_or_default();
    let author = v.optional("from", |from| {
        author(from, owner, Channel::Facebook, received)
    })?;
    let parent = v.optional("parent_id", interaction_id)?;
    let replies_to = parent.filter(|p| p.as_str() != post);
    public(
        id,
        conversation,
        Channel::Facebook,
        author,
        at,
        &text,
        replies_to,
        received,
    );
    Ok(())
}

fn instagram_comment(
    v: At<'_>,
    owner: &str,
    time: Option<Timestamp>,
    received: &mut Received,
) -> Result<()> {
    let id = v.field("id", interaction_id)?;
    let media = v.field("media", |m| m.text("id"))?;
    let conversation = v.field("media", |m| conversation(m, "ig", &media))?;
    let text = v.optional_text("text")?.unwrap_or_default();
    let at = match v.optional("timestamp", instant)?.or(time) {
        Some(at) => at,
        None => return v.field("timestamp", |t| t.error("missing")),
    };
    let author = v.optional("from", |from| {
        author(from, owner, Channel::Instagram, received)
    })?;
    let replies_to = v.optional("parent_id", interaction_id)?;
    public(
        id,
        conversation,
        Channel::Instagram,
        author,
        at,
        &text,
        replies_to,
        received,
    );
    Ok(())
}

/// Who wrote a post or comment (`from`): the page itself (outbound, from
/// `page-<id>`), or someone, recorded with their name or username.
fn author(from: At<'_>, owner: &str, channel: Channel, received: &mut Received) -> Result<Author> {
    let from_id = from.field("id", |i| Ok(i.id_text()))?;
    if from_id == owner {
        return Ok(Author::Agent(from.field("id", |i| page_agent(i, owner))?));
    }
    let handle = from.field("id", |i| platform_handle(i, channel.clone()))?;
    let name = from.optional_text("name")?.and_then(|n| Name::new(&n).ok());
    let alias = from.optional("username", |u| {
        u.check(Handle::new(channel.clone(), u.str()?))
    })?;
    received.people.push(Person {
        handle: handle.clone(),
        aliases: alias.into_iter().collect(),
        name,
        stats: AudienceStats::default(),
    });
    Ok(Author::Customer(handle))
}

/// Records a public post or comment.
#[allow(clippy::too_many_arguments)]
fn public(
    id: InteractionId,
    conversation: ConversationId,
    channel: Channel,
    author: Option<Author>,
    at: Timestamp,
    text: &str,
    replies_to: Option<InteractionId>,
    received: &mut Received,
) {
    let interaction = message(
        id,
        conversation,
        channel,
        author,
        at,
        text,
        Visibility::Public,
    );
    received.messages.push(Message {
        interaction,
        content: Content::Text,
        replies_to,
    });
}

fn take_messaging(
    event: At<'_>,
    platform: Platform,
    owner: &str,
    received: &mut Received,
) -> Result<()> {
    if event.value.get("message").is_none() {
        let kind = [
            "read", "delivery", "postback", "reaction", "referral", "optin",
        ]
        .into_iter()
        .find(|k| event.value.get(*k).is_some())
        .unwrap_or("messaging");
        received.skipped.push(Skipped {
            path: event.path(),
            kind: kind.to_owned(),
        });
        return Ok(());
    }
    let (channel, prefix) = match platform {
        Platform::Facebook => (Channel::Messenger, "ms"),
        Platform::Instagram => (Channel::Instagram, "igdm"),
    };
    let at = event.field("timestamp", instant)?;
    event.field("message", |m| {
        let echo = m
            .optional("is_echo", |e| Ok(e.value.as_bool() == Some(true)))?
            .unwrap_or(false);
        // The customer is the sender, or the recipient of the page's echo.
        let side = if echo { "recipient" } else { "sender" };
        let customer = event.field(side, |s| s.text("id"))?;
        let handle = event.field(side, |s| {
            s.field("id", |i| platform_handle(i, channel.clone()))
        })?;
        let conversation = event.field(side, |s| conversation(s, prefix, &customer))?;
        let id = m.field("mid", interaction_id)?;
        let text = m.optional_text("text")?.unwrap_or_default();
        let mut content = Content::Text;
        m.optional("attachments", |list| {
            list.each(|a| {
                let kind = a.text("type")?;
                if text.is_empty() && matches!(content, Content::Text) {
                    content = Content::Media { kind, id: None };
                }
                Ok(())
            })
        })?;
        let replies_to = m
            .optional("reply_to", |r| r.optional("mid", interaction_id))?
            .flatten();
        let author = if echo {
            Author::Agent(event.field("sender", |s| page_agent(s, owner))?)
        } else {
            received.people.push(Person {
                handle: handle.clone(),
                aliases: Vec::new(),
                name: None,
                stats: AudienceStats::default(),
            });
            Author::Customer(handle)
        };
        let interaction = message(
            id,
            conversation,
            channel.clone(),
            Some(author),
            at,
            &text,
            Visibility::Private,
        );
        received.messages.push(Message {
            interaction,
            content,
            replies_to,
        });
        Ok(())
    })
}

/// An interaction whose direction follows its author: a customer's and a
/// deleted author's are inbound, the page's outbound.
fn message(
    id: InteractionId,
    conversation: ConversationId,
    channel: Channel,
    author: Option<Author>,
    at: Timestamp,
    text: &str,
    visibility: Visibility,
) -> Interaction {
    let author = author.unwrap_or(Author::Erased);
    let direction = match author {
        Author::Agent(_) => Direction::Outbound,
        Author::Customer(_) | Author::Erased => Direction::Inbound,
    };
    let mut interaction = Interaction::new(id, conversation, channel, direction, author, at, text);
    interaction.visibility = visibility;
    interaction
}
