//! Channels in, as the platforms deliver them: pure adapters from a
//! platform's payload (bytes in, no I/O, no clock) to the crate's typed
//! values, each behind its own cargo feature.
//!
//! | feature | module | payloads |
//! |---|---|---|
//! | `whatsapp` | [`whatsapp`] | WhatsApp Cloud API webhooks: messages of every kind, delivery statuses, contacts |
//! | `meta` | [`meta`] | Facebook Page feed changes (posts, comments, replies, edits, removals), Instagram comments and mentions, Messenger and Instagram direct messages |
//! | `x` | [`x`] | X API v2 tweet lookup, mentions, search and filtered-stream responses: tweets, replies, quotes and retweets told apart, authors with their public metrics |
//! | `email` | [`email`] | RFC 5322 / MIME messages: the sender's address and name, threads by `Message-ID`, `In-Reply-To` and `References`, the text part preferred, quoted history taken out |
//! | `signatures` | [`signature`] | `X-Hub-Signature-256` (Meta, WhatsApp) and X's CRC and signature, checked with the app secret the caller passes |
//!
//! Every adapter returns a [`Received`]: the messages as [`Interaction`]s
//! (each with what kind of content it carried), the people who wrote them
//! with what the platform says of them, the delivery statuses of the
//! brand's own messages, and what it skipped, by path in the payload. A
//! malformed or truncated payload is an [`ErrorKind::InvalidPayload`] that
//! names the path that was wrong (`entry[0].changes[1].value.messages[0].timestamp`);
//! an event kind the adapter does not know is listed in
//! [`Received::skipped`], never dropped silently. Nothing panics, whatever
//! the bytes (each adapter has a fuzz target).
//!
//! [`ErrorKind::InvalidPayload`]: crate::ErrorKind::InvalidPayload

#[cfg(feature = "email")]
pub mod email;
#[cfg(any(feature = "whatsapp", feature = "meta", feature = "x"))]
mod json;
#[cfg(feature = "meta")]
pub mod meta;
#[cfg(feature = "signatures")]
pub mod signature;
#[cfg(feature = "whatsapp")]
pub mod whatsapp;
#[cfg(feature = "x")]
pub mod x;

use jiff::Timestamp;

use crate::model::{AudienceStats, Handle, Interaction, InteractionId, Name};

/// What one payload held.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Received {
    /// The messages, in the payload's order.
    pub messages: Vec<Message>,
    /// The people the payload names, with what the platform says of them.
    pub people: Vec<Person>,
    /// Delivery statuses of messages the brand sent.
    pub statuses: Vec<DeliveryStatus>,
    /// Edits, removals and hidings of messages.
    pub changes: Vec<Change>,
    /// What the payload only names by id, for the service to fetch from
    /// the platform (an Instagram mention).
    pub to_fetch: Vec<Fetch>,
    /// What the adapter did not take, and where it was.
    pub skipped: Vec<Skipped>,
}

impl Received {
    /// The messages as desk events, in order.
    pub fn events(&self) -> Vec<crate::desk::Event> {
        self.messages
            .iter()
            .map(|m| crate::desk::Event::Interaction(m.interaction.clone()))
            .collect()
    }
}

/// One message and what it carried.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Message {
    /// The message as the desk takes it: its text is what can be read (the
    /// body, or a media's caption; empty for a message without words).
    pub interaction: Interaction,
    /// What kind of content it was.
    pub content: Content,
    /// The platform's id of the message it answers, when it says: often a
    /// message the desk never saw, so it is not the interaction's
    /// `in_reply_to`.
    pub replies_to: Option<InteractionId>,
}

/// What kind of content a message carried.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Content {
    /// Words.
    Text,
    /// An image, a video, a voice note, a document or a sticker; the
    /// platform's media id, to fetch it.
    Media {
        /// `image`, `video`, `audio`, `document`, `sticker`.
        kind: String,
        /// The platform's id of the media.
        id: Option<String>,
    },
    /// A place.
    Location,
    /// Contact cards.
    Contacts,
    /// An emoji reaction to another message.
    Reaction {
        /// The message reacted to.
        to: InteractionId,
        /// The emoji (empty when a reaction is taken back).
        emoji: String,
    },
    /// A tap on a button or a list of the brand's message; the text is the
    /// option's title.
    Choice,
    /// A repost (a retweet) of another message: not its author's words.
    Repost {
        /// The message reposted.
        of: InteractionId,
    },
    /// A quote of another message, with the author's own words.
    Quote {
        /// The message quoted.
        of: InteractionId,
    },
}

/// Someone a payload names: the handle they are known by, other handles of
/// theirs it gives (a username beside a platform id), their name and
/// audience as the platform says.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Person {
    /// The handle their messages carry.
    pub handle: Handle,
    /// Other handles of theirs (changeable usernames).
    pub aliases: Vec<Handle>,
    /// Their name as shown on the platform.
    pub name: Option<Name>,
    /// Their audience, when the platform gives it.
    pub stats: AudienceStats,
}

/// Where a message the brand sent stands.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DeliveryStatus {
    /// The message.
    pub message: InteractionId,
    /// Who it was sent to.
    pub recipient: Handle,
    /// Its state.
    pub state: Delivery,
    /// When it got there.
    pub at: Timestamp,
    /// Why it failed, when it did (the platform's codes and titles).
    pub errors: Vec<String>,
}

word_enum! {
    /// A sent message's state.
    #[non_exhaustive]
    pub enum Delivery ("delivery state") {
        /// Accepted by the platform.
        Sent => "sent",
        /// On the customer's device.
        Delivered => "delivered",
        /// Read by the customer.
        Read => "read",
        /// Not delivered.
        Failed => "failed",
    }
}

/// Something a payload held that the adapter did not take.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Skipped {
    /// Where it was (`entry[0].changes[0]`).
    pub path: String,
    /// What it was, as the platform names it (`message_template_status_update`).
    pub kind: String,
}

/// A message edited, removed or hidden on the platform.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Change {
    /// The message.
    pub message: InteractionId,
    /// What happened to it.
    pub kind: ChangeKind,
    /// When.
    pub at: Timestamp,
}

/// What happened to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ChangeKind {
    /// Its author changed its words.
    Edited {
        /// The new words.
        text: String,
    },
    /// Its author (or the platform) removed it.
    Removed,
    /// The page hid it.
    Hidden,
    /// The page showed it again.
    Unhidden,
}

/// Something a payload only names by id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Fetch {
    /// Where it was.
    pub path: String,
    /// What it is (`mention`).
    pub kind: String,
    /// The platform's id to fetch.
    pub id: String,
}
