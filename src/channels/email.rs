//! E-mail (feature `email`): RFC 5322 / MIME messages, parsed by the
//! `mail-parser` crate.
//!
//! [`parse`] reads one message into a [`Received`] holding one
//! [`Message`]:
//!
//! - the author is the `From` mailbox's address (its display name, RFC 2047
//!   encoded words decoded, is the [`Person`]'s name); a message from one of
//!   the brand's addresses is outbound, from the agent `mail-<local part>`;
//! - the message id is `Message-ID`; the conversation is `em-<root>`, the
//!   root being the first of `References`, else `In-Reply-To`, else the
//!   message itself, so a whole thread is one conversation; `In-Reply-To`
//!   is in [`Message::replies_to`];
//! - the text is the plain-text part (HTML converted to text only when there
//!   is none), with the quoted history taken out ([`strip_quoted`]): what
//!   is scored is what the customer wrote this time;
//! - the instant is the `Date` header.
//!
//! ```
//! use social_crm::channels::email;
//!
//! let raw = "From: =?UTF-8?Q?L=C3=A9a_Martin?= <Lea.Martin@example.org>\r\n\
//! To: service@cafelia.example\r\n\
//! Subject: Commande 4521\r\n\
//! Message-ID: <reply-2@example.org>\r\n\
//! In-Reply-To: <ticket-1@cafelia.example>\r\n\
//! References: <first-0@example.org> <ticket-1@cafelia.example>\r\n\
//! Date: Fri, 20 Nov 2026 18:05:00 +0100\r\n\
//! Content-Type: text/plain; charset=utf-8\r\n\
//! \r\n\
//! Toujours rien reçu, merci de me rembourser.\r\n\
//! \r\n\
//! Le 20/11/2026 à 17:40, Service client a écrit :\r\n\
//! > Bonjour, votre colis arrive demain.\r\n";
//! let received = email::parse(raw.as_bytes(), &["service@cafelia.example"])?;
//! let message = &received.messages[0];
//! assert_eq!(message.interaction.customer_handle().unwrap().value(), "lea.martin@example.org");
//! assert_eq!(message.interaction.conversation.as_str(), "em-first-0@example.org");
//! assert_eq!(message.interaction.text, "Toujours rien reçu, merci de me rembourser.");
//! assert_eq!(received.people[0].name.as_deref(), Some("Léa Martin"));
//! # Ok::<(), social_crm::Error>(())
//! ```

use jiff::Timestamp;
use mail_parser::MessageParser;

use super::{Content, Message, Person, Received};
use crate::error::{ErrorKind, Result};
use crate::model::{
    AgentId, AudienceStats, Channel, ConversationId, Handle, Interaction, InteractionId, Name,
};

fn invalid(path: &str, reason: impl Into<String>) -> crate::Error {
    ErrorKind::InvalidPayload {
        path: path.to_owned(),
        reason: reason.into(),
    }
    .into()
}

/// A message id without its angle brackets, as an id of the crate.
fn message_id(header: &str, raw: &str) -> Result<InteractionId> {
    let id = raw.trim().trim_start_matches('<').trim_end_matches('>');
    InteractionId::new(id).map_err(|e| invalid(header, e.to_string()))
}

/// Parses one message. `brand` holds the brand's own addresses: messages
/// from them are outbound.
///
/// # Errors
///
/// [`ErrorKind::InvalidPayload`], naming the header (`$` for the whole
/// message), for bytes that are not a message, or a message without a
/// usable `From`, `Message-ID` or `Date`.
pub fn parse(raw: &[u8], brand: &[&str]) -> Result<Received> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| invalid("$", "not an RFC 5322 message"))?;
    let from = message
        .from()
        .and_then(|list| list.first())
        .ok_or_else(|| invalid("From", "missing"))?;
    let address = from
        .address()
        .ok_or_else(|| invalid("From", "no address"))?;
    let handle =
        Handle::new(Channel::Email, address).map_err(|e| invalid("From", e.to_string()))?;
    let id = message_id(
        "Message-ID",
        message
            .message_id()
            .ok_or_else(|| invalid("Message-ID", "missing"))?,
    )?;
    let at = message
        .date()
        .map(|d| d.to_timestamp())
        .ok_or_else(|| invalid("Date", "missing or not a date"))?;
    let at = Timestamp::from_second(at).map_err(|e| invalid("Date", e.to_string()))?;
    let first = |value: &mail_parser::HeaderValue<'_>| -> Option<String> {
        value.as_text_list()?.first().map(|id| id.to_string())
    };
    let replies_to = match first(message.in_reply_to()) {
        Some(parent) => Some(message_id("In-Reply-To", &parent)?),
        None => None,
    };
    let root = match first(message.references()) {
        Some(first) => message_id("References", &first)?,
        None => replies_to.clone().unwrap_or_else(|| id.clone()),
    };
    let conversation = ConversationId::new(&format!("em-{root}"))
        .map_err(|e| invalid("References", e.to_string()))?;
    let body = message.body_text(0).unwrap_or_default();
    let text = strip_quoted(&body);
    let brand_address = brand
        .iter()
        .any(|b| Handle::new(Channel::Email, b).is_ok_and(|h| h == handle));
    let mut received = Received::default();
    let interaction = if brand_address {
        let local = handle.value().split('@').next().unwrap_or("brand");
        let agent =
            AgentId::new(&format!("mail-{local}")).map_err(|e| invalid("From", e.to_string()))?;
        Interaction::outbound(id, conversation, Channel::Email, agent, at, &text)
    } else {
        received.people.push(Person {
            handle: handle.clone(),
            aliases: Vec::new(),
            name: from.name().and_then(|n| Name::new(n).ok()),
            stats: AudienceStats::default(),
        });
        Interaction::inbound(id, conversation, handle, at, &text)
    };
    received.messages.push(Message {
        interaction,
        content: Content::Text,
        replies_to,
    });
    Ok(received)
}

/// The lines that open the quoted history of a reply, in the languages the
/// desk serves, as mail clients write them.
fn opens_history(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    let attribution = (lower.starts_with("on ") && lower.ends_with("wrote:"))
        || (lower.starts_with("le ")
            && (lower.ends_with("a écrit :") || lower.ends_with("a écrit:")))
        || (lower.starts_with("el ") && lower.ends_with("escribió:"));
    attribution
        || lower.starts_with("-----original message-----")
        || lower.starts_with("-----message d'origine-----")
        || lower.starts_with("-----mensaje original-----")
        || lower.starts_with("________________________________")
}

/// What the customer wrote this time: the text up to the quoted history
/// (an attribution line such as "On ... wrote:", "Le ... a écrit :", "El
/// ... escribió:", an "Original Message" rule) or the signature delimiter
/// (`-- `, or `--` as clients that trim lines write it), without the lines
/// quoted with `>`, trimmed.
///
/// ```
/// use social_crm::channels::email::strip_quoted;
///
/// let text = "Merci, c'est réglé !\n\n-- \nLéa\n";
/// assert_eq!(strip_quoted(text), "Merci, c'est réglé !");
/// let text = "Yes please.\n> Shall we refund you?\n";
/// assert_eq!(strip_quoted(text), "Yes please.");
/// ```
pub fn strip_quoted(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        // The delimiter is `-- `; many clients lose its space.
        if opens_history(line) || line.trim_end() == "--" {
            break;
        }
        if line.trim_start().starts_with('>') {
            continue;
        }
        kept.push(line.trim_end());
    }
    kept.join("\n").trim().to_owned()
}
