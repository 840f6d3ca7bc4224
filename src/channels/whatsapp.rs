//! WhatsApp Cloud API webhooks (feature `whatsapp`).
//!
//! A webhook `POST` body is an object `whatsapp_business_account` whose
//! `entry[].changes[]` carry, under `field: "messages"`, the messages
//! customers sent, the contacts who sent them, and the statuses of the
//! messages the brand sent. [`parse`] turns one body into a [`Received`]:
//!
//! - each message is an inbound [`Interaction`] from the customer's number
//!   in E.164 (`wa_id` `33612345678` is `whatsapp:+33612345678`), in the
//!   conversation `wa-<wa_id>` (a WhatsApp chat is one thread), private, at
//!   the message's `timestamp`; its id is the platform's (`wamid...`);
//! - the message's words are its text (the body, a media's caption, a
//!   button's title, a place's name and address, a reaction's emoji); what
//!   it carried is its [`Content`], so an image without caption is recorded
//!   as an image, not as an empty text;
//! - the message it answers (`context.id`) is in [`Message::replies_to`],
//!   not in the interaction's `in_reply_to`: it is often a message the desk
//!   never saw (a notification sent by another system);
//! - each contact is a [`Person`] with their profile name;
//! - each status (`sent`, `delivered`, `read`, `failed`) of a brand message
//!   is a [`DeliveryStatus`], with the platform's error titles;
//! - other `field`s, message types and status values the adapter does not
//!   know are listed in [`Received::skipped`] with their path.
//!
//! ```
//! use social_crm::channels::{whatsapp, Content};
//! use social_crm::{Channel, Direction};
//!
//! let body = r#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
//!   "messaging_product":"whatsapp",
//!   "metadata":{"display_phone_number":"33100000000","phone_number_id":"42"},
//!   "contacts":[{"profile":{"name":"Léa Martin"},"wa_id":"33612345678"}],
//!   "messages":[{"from":"33612345678","id":"wamid.A1","timestamp":"1763660700","type":"text",
//!                "text":{"body":"Toujours pas reçu ma commande 😡"}}]}}]}]}"#;
//! let received = whatsapp::parse(body.as_bytes())?;
//! let message = &received.messages[0];
//! assert_eq!(message.interaction.customer_handle().unwrap().to_string(), "whatsapp:+33612345678");
//! assert_eq!(message.interaction.conversation.as_str(), "wa-33612345678");
//! assert_eq!(message.content, Content::Text);
//! assert_eq!(received.people[0].name.as_deref(), Some("Léa Martin"));
//! # Ok::<(), social_crm::Error>(())
//! ```

use super::json::{self, At};
use super::{Content, Delivery, DeliveryStatus, Message, Person, Received, Skipped};
use crate::error::Result;
use crate::model::{
    AudienceStats, Channel, ConversationId, Handle, Interaction, InteractionId, Name,
};

/// The media kinds a message may carry, each with whether it has a
/// caption.
const MEDIA: [(&str, bool); 5] = [
    ("image", true),
    ("video", true),
    ("document", true),
    ("audio", false),
    ("sticker", false),
];

/// Parses one webhook body.
///
/// # Errors
///
/// [`ErrorKind::InvalidPayload`](crate::ErrorKind::InvalidPayload), naming
/// the path, for JSON that is malformed or truncated, an `object` that is
/// not `whatsapp_business_account`, or a field the shape requires that is
/// missing or of the wrong type (a message without `from`, a timestamp
/// that is not seconds, a number that is not a phone number).
pub fn parse(body: &[u8]) -> Result<Received> {
    let value = json::parse(body)?;
    let root = At::root(&value);
    let object = root.text("object")?;
    if object != "whatsapp_business_account" {
        return root.field("object", |o| {
            o.error(format!("`{object}` is not `whatsapp_business_account`"))
        });
    }
    let mut received = Received::default();
    root.field("entry", |entries| {
        entries.each(|entry| {
            entry.field("changes", |changes| {
                changes.each(|change| {
                    let field = change.text("field")?;
                    if field == "messages" {
                        change.field("value", |value| take_value(value, &mut received))
                    } else {
                        received.skipped.push(Skipped {
                            path: change.path(),
                            kind: field,
                        });
                        Ok(())
                    }
                })
            })
        })
    })?;
    Ok(received)
}

/// A `wa_id` (digits, no `+`) as a WhatsApp handle.
fn number(at: At<'_>) -> Result<Handle> {
    let digits = at.str()?;
    at.check(Handle::new(Channel::WhatsApp, &format!("+{digits}")))
}

fn take_value(value: At<'_>, received: &mut Received) -> Result<()> {
    value.optional("contacts", |contacts| {
        contacts.each(|contact| {
            let handle = contact.field("wa_id", number)?;
            let name = contact.optional("profile", |p| p.optional_text("name"))?;
            // A blank profile name is no name.
            let name = name.flatten().and_then(|n| Name::new(&n).ok());
            received.people.push(Person {
                handle,
                aliases: Vec::new(),
                name,
                stats: AudienceStats::default(),
            });
            Ok(())
        })
    })?;
    value.optional("messages", |messages| {
        messages.each(|message| take_message(message, received))
    })?;
    value.optional("statuses", |statuses| {
        statuses.each(|status| take_status(status, received))
    })?;
    // Errors the platform reports about the whole change.
    if value.value.get("errors").is_some() {
        received.skipped.push(Skipped {
            path: format!("{}.errors", value.path()),
            kind: "errors".to_owned(),
        });
    }
    Ok(())
}

fn take_message(message: At<'_>, received: &mut Received) -> Result<()> {
    let kind = message.text("type")?;
    let (text, content) = match kind.as_str() {
        "text" => (message.field("text", |t| t.text("body"))?, Content::Text),
        media if MEDIA.iter().any(|(m, _)| *m == media) => {
            let captioned = MEDIA.iter().any(|(m, c)| *m == media && *c);
            message.field(media, |m| {
                let caption = if captioned {
                    m.optional_text("caption")?
                } else {
                    None
                };
                Ok((
                    caption.unwrap_or_default(),
                    Content::Media {
                        kind: media.to_owned(),
                        id: m.optional_text("id")?,
                    },
                ))
            })?
        }
        "location" => message.field("location", |l| {
            let words: Vec<String> = [l.optional_text("name")?, l.optional_text("address")?]
                .into_iter()
                .flatten()
                .collect();
            Ok((words.join(", "), Content::Location))
        })?,
        "contacts" => message.field("contacts", |_| Ok((String::new(), Content::Contacts)))?,
        "reaction" => message.field("reaction", |r| {
            let to = r.field("message_id", |id| id.check(InteractionId::new(id.str()?)))?;
            let emoji = r.optional_text("emoji")?.unwrap_or_default();
            Ok((emoji.clone(), Content::Reaction { to, emoji }))
        })?,
        "interactive" => message.field("interactive", |i| {
            let reply = i.text("type")?;
            let title = i.field(&reply, |r| r.text("title"))?;
            Ok((title, Content::Choice))
        })?,
        "button" => (
            message.field("button", |b| b.text("text"))?,
            Content::Choice,
        ),
        other => {
            received.skipped.push(Skipped {
                path: message.path(),
                kind: other.to_owned(),
            });
            return Ok(());
        }
    };
    // A WhatsApp chat is one thread per customer number.
    let (from, conversation) = message.field("from", |f| {
        let conversation = f.check(ConversationId::new(&format!("wa-{}", f.str()?)))?;
        Ok((number(f)?, conversation))
    })?;
    let id = message.field("id", |id| id.check(InteractionId::new(id.str()?)))?;
    let at = message.field("timestamp", |t| t.unix_seconds())?;
    let replies_to = message.optional("context", |c| {
        c.optional("id", |id| id.check(InteractionId::new(id.str()?)))
    })?;
    received.messages.push(Message {
        interaction: Interaction::inbound(id, conversation, from, at, &text),
        content,
        replies_to: replies_to.flatten(),
    });
    Ok(())
}

fn take_status(status: At<'_>, received: &mut Received) -> Result<()> {
    let state = status.text("status")?;
    let Ok(state) = state.parse::<Delivery>() else {
        received.skipped.push(Skipped {
            path: status.path(),
            kind: format!("status:{state}"),
        });
        return Ok(());
    };
    let mut errors = Vec::new();
    status.optional("errors", |list| {
        list.each(|e| {
            let code = e.optional("code", |c| Ok(c.value.to_string()))?;
            let title = e.optional_text("title")?;
            errors.push(match (code, title) {
                (Some(code), Some(title)) => format!("{code}: {title}"),
                (Some(code), None) => code,
                (None, Some(title)) => title,
                (None, None) => "unknown error".to_owned(),
            });
            Ok(())
        })
    })?;
    received.statuses.push(DeliveryStatus {
        message: status.field("id", |id| id.check(InteractionId::new(id.str()?)))?,
        recipient: status.field("recipient_id", number)?,
        state,
        at: status.field("timestamp", |t| t.unix_seconds())?,
        errors,
    });
    Ok(())
}
