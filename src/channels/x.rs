//! X API v2 (feature `x`): tweet lookup, mentions timeline, search and
//! filtered-stream responses.
//!
//! A response holds `data` (one tweet, as the filtered stream sends each
//! line, or a list), `includes.users` (the authors, when the request
//! expanded `author_id`) and perhaps `errors` (tweets that could not be
//! returned). [`parse`] reads one response into a [`Received`]:
//!
//! - each tweet is a public [`Interaction`] from `twitter:id:<author_id>`
//!   (X's user id, which does not change when the username does), in the
//!   conversation `x-<conversation_id>`, at `created_at`, in its `lang`
//!   (`und` and X's own codes such as `qme` give none), with its
//!   `public_metrics` as engagement (likes; retweets and quotes as shares;
//!   replies);
//! - a reply's parent (`referenced_tweets` of type `replied_to`) is in
//!   [`Message::replies_to`]; a retweet is [`Content::Repost`] and a quote
//!   [`Content::Quote`], so that neither is mistaken for the author's own
//!   words;
//! - tweets by the brand's own accounts (the ids the caller passes) are
//!   outbound, from the agent `x-<id>`;
//! - each included user is a [`Person`] with their username as an alias
//!   (`twitter:@name`), their display name, and their public metrics as
//!   [`AudienceStats`];
//! - each entry of `errors` (a deleted or protected tweet) is in
//!   [`Received::skipped`], with its path.
//!
//! ```
//! use social_crm::channels::{x, Content};
//!
//! let body = r#"{"data":[{"id":"1861111111111111111","text":"@cafelia toujours pas de colis 😡",
//!   "author_id":"1456789012345678901","conversation_id":"1861111111111111111",
//!   "created_at":"2026-11-20T17:05:00.000Z","lang":"fr",
//!   "public_metrics":{"retweet_count":2,"reply_count":1,"like_count":14,"quote_count":1}}],
//!   "includes":{"users":[{"id":"1456789012345678901","username":"Nath_Conso","name":"Nathalie",
//!   "public_metrics":{"followers_count":182000,"following_count":950,"tweet_count":8800,"listed_count":310}}]}}"#;
//! let received = x::parse(body.as_bytes(), &[])?;
//! let tweet = &received.messages[0];
//! assert_eq!(tweet.interaction.customer_handle().unwrap().to_string(), "twitter:id:1456789012345678901");
//! assert_eq!(tweet.interaction.engagement.shares, 3);
//! assert_eq!(tweet.content, Content::Text);
//! let nathalie = &received.people[0];
//! assert_eq!(nathalie.aliases[0].to_string(), "twitter:@nath_conso");
//! assert_eq!(nathalie.stats.followers, 182_000);
//! # Ok::<(), social_crm::Error>(())
//! ```

use super::json::{self, At};
use super::{Content, Message, Person, Received, Skipped};
use crate::error::Result;
use crate::model::{
    AgentId, AudienceStats, Channel, ConversationId, Engagement, Handle, Interaction,
    InteractionId, Language, Name,
};

/// Parses one response (or one line of the filtered stream). `brand` holds
/// the X user ids of the brand's own accounts: their tweets are outbound.
///
/// # Errors
///
/// [`ErrorKind::InvalidPayload`](crate::ErrorKind::InvalidPayload), naming
/// the path, for JSON that is malformed or truncated, a response with
/// neither `data` nor `errors`, or a tweet without `id`, `text`,
/// `author_id` or `created_at`, or with one of the wrong type.
pub fn parse(body: &[u8], brand: &[&str]) -> Result<Received> {
    let value = json::parse(body)?;
    let root = At::root(&value);
    if value.get("data").is_none() && value.get("errors").is_none() {
        return root.field("data", |d| d.error("missing"));
    }
    let mut received = Received::default();
    root.optional("data", |data| {
        if data.value.is_array() {
            data.each(|tweet| take_tweet(tweet, brand, &mut received))
        } else {
            take_tweet(data, brand, &mut received)
        }
    })?;
    root.optional("includes", |includes| {
        includes.optional("users", |users| {
            users.each(|user| take_user(user, &mut received))
        })
    })?;
    root.optional("errors", |errors| {
        errors.each(|e| {
            let kind = e
                .optional_text("title")?
                .or(e.optional_text("type")?)
                .unwrap_or_else(|| "error".to_owned());
            received.skipped.push(Skipped {
                path: e.path(),
                kind,
            });
            Ok(())
        })
    })?;
    Ok(received)
}

fn id(at: At<'_>) -> Result<InteractionId> {
    at.check(InteractionId::new(at.str()?))
}

fn count(metrics: At<'_>, name: &str) -> Result<u64> {
    Ok(metrics
        .optional(name, |n| match n.value.as_u64() {
            Some(v) => Ok(v),
            None => n.error("expected a count"),
        })?
        .unwrap_or(0))
}

fn take_tweet(tweet: At<'_>, brand: &[&str], received: &mut Received) -> Result<()> {
    let tweet_id = tweet.field("id", id)?;
    let text = tweet.text("text")?;
    let author_id = tweet.text("author_id")?;
    let at = tweet.field("created_at", |c| c.instant())?;
    let thread = tweet
        .optional_text("conversation_id")?
        .unwrap_or_else(|| tweet_id.to_string());
    let conversation = tweet.field("id", |i| {
        i.check(ConversationId::new(&format!("x-{thread}")))
    })?;
    let mut interaction = if brand.contains(&author_id.as_str()) {
        let agent = tweet.field("author_id", |a| {
            a.check(AgentId::new(&format!("x-{author_id}")))
        })?;
        Interaction::outbound(tweet_id, conversation, Channel::Twitter, agent, at, &text)
    } else {
        let handle = tweet.field("author_id", |a| {
            a.check(Handle::new(Channel::Twitter, &format!("id:{author_id}")))
        })?;
        Interaction::inbound(tweet_id, conversation, handle, at, &text)
    };
    // X's own codes (`qme`, `qht`, `zxx`, `und`) name no language.
    if let Some(lang) = tweet.optional_text("lang")? {
        interaction.language = Language::from_tag(&lang).ok().flatten();
    }
    tweet.optional("public_metrics", |m| {
        interaction.engagement = Engagement {
            likes: count(m, "like_count")?,
            shares: count(m, "retweet_count")?.saturating_add(count(m, "quote_count")?),
            replies: count(m, "reply_count")?,
        };
        Ok(())
    })?;
    let mut content = Content::Text;
    let mut replies_to = None;
    tweet.optional("referenced_tweets", |refs| {
        refs.each(|r| {
            let of = r.field("id", id)?;
            match r.text("type")?.as_str() {
                "replied_to" => replies_to = Some(of),
                "retweeted" => content = Content::Repost { of },
                "quoted" => {
                    if content == Content::Text {
                        content = Content::Quote { of };
                    }
                }
                other => received.skipped.push(Skipped {
                    path: r.path(),
                    kind: format!("referenced_tweet:{other}"),
                }),
            }
            Ok(())
        })
    })?;
    received.messages.push(Message {
        interaction,
        content,
        replies_to,
    });
    Ok(())
}

fn take_user(user: At<'_>, received: &mut Received) -> Result<()> {
    let user_id = user.text("id")?;
    let handle = user.field("id", |i| {
        i.check(Handle::new(Channel::Twitter, &format!("id:{user_id}")))
    })?;
    let alias = user.optional("username", |u| {
        u.check(Handle::new(Channel::Twitter, u.str()?))
    })?;
    let name = user.optional_text("name")?.and_then(|n| Name::new(&n).ok());
    let mut stats = AudienceStats::default();
    user.optional("public_metrics", |m| {
        stats.followers = count(m, "followers_count")?;
        stats.following = count(m, "following_count")?;
        stats.posts = count(m, "tweet_count")?;
        stats.listed = count(m, "listed_count")?;
        Ok(())
    })?;
    stats.created = user.optional("created_at", |c| c.instant())?;
    received.people.push(Person {
        handle,
        aliases: alias.into_iter().collect(),
        name,
        stats,
    });
    Ok(())
}
