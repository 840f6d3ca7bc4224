//! Interactions: one message, call, post or note, with who said it, where,
//! when, to whom it replies and how far it went.

use std::fmt;

use jiff::Timestamp;

use crate::model::{AgentId, Channel, ConversationId, Handle, InteractionId, Language, Tag, Tags};

word_enum! {
    /// Who an interaction goes from and to.
    pub enum Direction ("direction") {
        /// From a customer to the brand.
        Inbound => "inbound" | "in",
        /// From the brand to a customer.
        Outbound => "outbound" | "out",
        /// An internal note between agents; the customer never sees it.
        Note => "note" | "internal" | "internal-note",
    }
}

word_enum! {
    /// Who can see an interaction.
    pub enum Visibility ("visibility") {
        /// Anyone: a tweet, a wall post, a review.
        Public => "public",
        /// Only the customer and the brand: a DM, an email, a call.
        Private => "private",
    }
}

/// Who wrote an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Author {
    /// A customer, by the handle they wrote from.
    Customer(Handle),
    /// One of the brand's agents.
    Agent(AgentId),
    /// A customer whose personal data was erased at their request: the
    /// message stays in its thread, without its author or its text.
    Erased,
}

impl fmt::Display for Author {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Author::Customer(handle) => fmt::Display::fmt(handle, f),
            Author::Agent(agent) => write!(f, "agent:{agent}"),
            Author::Erased => f.write_str("(erased)"),
        }
    }
}

/// How far an interaction went: the reactions it drew.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Engagement {
    /// Likes, favourites, reactions.
    pub likes: u64,
    /// Shares, retweets, reposts.
    pub shares: u64,
    /// Replies and comments.
    pub replies: u64,
}

impl Engagement {
    /// Whether it drew no reaction at all (the stored form then leaves it
    /// out).
    pub fn is_none(&self) -> bool {
        *self == Engagement::default()
    }
}

/// One message, call, post or internal note.
///
/// Make one with [`Interaction::inbound`], [`Interaction::outbound`] or
/// [`Interaction::note`], which set the direction, author and default
/// visibility consistently, then add details with the `with_*` methods.
///
/// ```
/// use social_crm::{Channel, Handle, Interaction, Language, Visibility};
///
/// let tweet = Interaction::inbound(
///     "i1".parse()?,
///     "conv-1".parse()?,
///     Handle::new(Channel::Twitter, "@lea_m")?,
///     "2026-11-20T17:42:00+01:00".parse()?,
///     "Toujours pas reçu ma commande, 3 semaines d'attente...",
/// )
/// .with_language(Language::FRENCH)
/// .with_tag("delivery".parse()?);
/// assert_eq!(tweet.channel, Channel::Twitter);
/// assert_eq!(tweet.visibility, Visibility::Public);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[non_exhaustive]
pub struct Interaction {
    /// Stable identifier.
    pub id: InteractionId,
    /// The conversation (thread) it belongs to.
    pub conversation: ConversationId,
    /// Where it happened.
    pub channel: Channel,
    /// Inbound, outbound or internal note.
    pub direction: Direction,
    /// Who wrote it.
    pub author: Author,
    /// When it was sent (or the call started).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde_timestamp::deserialize")
    )]
    pub at: Timestamp,
    /// What was said, exactly as received.
    pub text: String,
    /// The language, when known (given by the channel or detected).
    #[cfg_attr(feature = "serde", serde(default))]
    pub language: Option<Language>,
    /// The interaction this one answers.
    #[cfg_attr(feature = "serde", serde(default))]
    pub in_reply_to: Option<InteractionId>,
    /// Who can see it.
    pub visibility: Visibility,
    /// Reactions it drew.
    #[cfg_attr(feature = "serde", serde(default))]
    pub engagement: Engagement,
    /// Topics, products, campaigns.
    #[cfg_attr(feature = "serde", serde(default))]
    pub tags: Tags,
}

#[cfg(feature = "serde")]
serialize_struct!(Interaction {
    id,
    conversation,
    channel,
    direction,
    author,
    at as crate::time::serde_timestamp::Stored,
    text,
    language if Option::is_none,
    in_reply_to if Option::is_none,
    visibility,
    engagement if Engagement::is_none,
    tags if Tags::is_empty,
});

impl Interaction {
    /// A message from a customer, on the channel of their handle, visible as
    /// that channel's messages are by default.
    pub fn inbound(
        id: InteractionId,
        conversation: ConversationId,
        from: Handle,
        at: Timestamp,
        text: &str,
    ) -> Interaction {
        let channel = from.channel().clone();
        Interaction::new(
            id,
            conversation,
            channel,
            Direction::Inbound,
            Author::Customer(from),
            at,
            text,
        )
    }

    /// A message from an agent to the customer on `channel`.
    pub fn outbound(
        id: InteractionId,
        conversation: ConversationId,
        channel: Channel,
        agent: AgentId,
        at: Timestamp,
        text: &str,
    ) -> Interaction {
        Interaction::new(
            id,
            conversation,
            channel,
            Direction::Outbound,
            Author::Agent(agent),
            at,
            text,
        )
    }

    /// An internal note by an agent; always private.
    pub fn note(
        id: InteractionId,
        conversation: ConversationId,
        channel: Channel,
        agent: AgentId,
        at: Timestamp,
        text: &str,
    ) -> Interaction {
        Interaction::new(
            id,
            conversation,
            channel,
            Direction::Note,
            Author::Agent(agent),
            at,
            text,
        )
    }

    pub(crate) fn new(
        id: InteractionId,
        conversation: ConversationId,
        channel: Channel,
        direction: Direction,
        author: Author,
        at: Timestamp,
        text: &str,
    ) -> Interaction {
        let visibility = if direction != Direction::Note && channel.is_public_by_default() {
            Visibility::Public
        } else {
            Visibility::Private
        };
        Interaction {
            id,
            conversation,
            channel,
            direction,
            author,
            at,
            text: text.to_owned(),
            language: None,
            in_reply_to: None,
            visibility,
            engagement: Engagement::default(),
            tags: Tags::new(),
        }
    }

    /// Sets the language.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Interaction {
        self.language = Some(language);
        self
    }

    /// Marks this interaction as an answer to `id`.
    #[must_use]
    pub fn in_reply_to(mut self, id: InteractionId) -> Interaction {
        self.in_reply_to = Some(id);
        self
    }

    /// Overrides the visibility (a Twitter DM is private; a note stays
    /// private whatever is asked).
    #[must_use]
    pub fn with_visibility(mut self, visibility: Visibility) -> Interaction {
        if self.direction != Direction::Note {
            self.visibility = visibility;
        }
        self
    }

    /// Sets the engagement counts.
    #[must_use]
    pub fn with_engagement(mut self, engagement: Engagement) -> Interaction {
        self.engagement = engagement;
        self
    }

    /// Adds a tag.
    #[must_use]
    pub fn with_tag(mut self, tag: Tag) -> Interaction {
        self.tags.insert(tag);
        self
    }

    /// The customer's handle, for an inbound interaction.
    pub fn customer_handle(&self) -> Option<&Handle> {
        match &self.author {
            Author::Customer(handle) => Some(handle),
            Author::Agent(_) | Author::Erased => None,
        }
    }

    /// The agent, for an outbound interaction or a note.
    pub fn agent(&self) -> Option<&AgentId> {
        match &self.author {
            Author::Agent(agent) => Some(agent),
            Author::Customer(_) | Author::Erased => None,
        }
    }

    /// Whether the direction agrees with the author: inbound messages come
    /// from customers, outbound ones and notes from agents. The constructors
    /// always agree; a deserialised or edited value may not, and
    /// [`Conversation`](crate::Conversation) refuses those.
    pub fn is_consistent(&self) -> bool {
        matches!(
            (&self.direction, &self.author),
            (Direction::Inbound, Author::Customer(_) | Author::Erased)
                | (Direction::Outbound | Direction::Note, Author::Agent(_))
        )
    }
}
