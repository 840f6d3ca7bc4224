//! Each customer message's mood, scored once: when the message arrives (the
//! crisis monitor needs it then), and read back by the queue, the profile
//! refresh and the persona map instead of scoring the text again.
//!
//! A mood depends on the text and on the language it is read in. A message
//! that names its language keeps its mood; one that does not is read in its
//! writer's usual language when its own is unclear, so its mood is kept with
//! the usual language it was scored under and is scored again when the
//! writer's record (or a merge) changes that language. An erasure rewrites
//! texts, and forgets every mood.
//!
//! The moods are derived state, kept beside each conversation (where an
//! event that touches the conversation finds them at no extra lookup): a
//! snapshot does not carry them, and a restored desk scores each message
//! when it is first needed, keeping the mood where the desk may change (a
//! profile refresh, a new message).

use std::ops::{Deref, DerefMut};

use super::Calls;
use crate::model::{room_for_one, Conversation, Direction, Interaction, Language};
use crate::sentiment::{Label, Sentiment};

/// What triage, the monitor and the stance read of a message's sentiment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Mood {
    /// The compound score, `-1..=1`.
    pub(super) compound: f64,
    /// How strongly it is felt, `0..=1`.
    pub(super) intensity: f64,
    /// Positive, neutral or negative.
    pub(super) label: Label,
    /// It calls for a senior agent ([`Sentiment::escalates`]).
    pub(super) escalates: bool,
}

impl Mood {
    pub(super) fn of(sentiment: &Sentiment) -> Mood {
        Mood {
            compound: sentiment.compound,
            intensity: sentiment.intensity,
            label: sentiment.label,
            escalates: sentiment.escalates,
        }
    }

    /// Whether it is labelled negative.
    pub(super) fn negative(&self) -> bool {
        self.label == Label::Negative
    }
}

/// A conversation's unanswered messages as triage and routing read them:
/// the most negative mood (the first of equals) and whether any of them
/// calls for a senior agent.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Unanswered {
    /// The most negative mood, if any message has one.
    pub(super) worst: Option<Mood>,
    /// Whether one of them escalates.
    pub(super) escalating: bool,
}

impl Unanswered {
    /// Takes one more message's mood into account.
    pub(super) fn add(&mut self, mood: Mood) {
        self.escalating |= mood.escalates;
        if self
            .worst
            .is_none_or(|w| mood.compound.total_cmp(&w.compound).is_lt())
        {
            self.worst = Some(mood);
        }
    }

    /// What they call for.
    pub(super) fn calls(&self) -> Calls {
        Calls {
            complaining: self.worst.is_some_and(|m| m.negative()),
            escalating: self.escalating,
        }
    }
}

/// A mood with the writer's usual language it was read with.
#[derive(Debug, Clone, Copy)]
struct Kept {
    mood: Mood,
    usual: Option<Language>,
}

/// A conversation and the kept moods of its messages: one slot per
/// interaction in the thread's order (`None` for the desk's own messages
/// and for those not scored yet). Threads only grow at their end, so a slot
/// stays with its message. It reads as its conversation.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(super) struct Thread {
    conversation: Conversation,
    #[cfg_attr(feature = "serde", serde(skip))]
    moods: Vec<Option<Kept>>,
    /// The desk's revision when the conversation (or who holds it, or its
    /// assignments and priorities) last changed; 0 when restored (see
    /// [`super::Desk::changes_since`]). Not stored.
    #[cfg_attr(feature = "serde", serde(skip))]
    changed: u64,
}

impl Thread {
    pub(super) fn new(conversation: Conversation) -> Thread {
        Thread {
            conversation,
            moods: Vec::new(),
            changed: 0,
        }
    }

    /// The revision of its last change.
    pub(super) fn changed(&self) -> u64 {
        self.changed
    }

    /// Records that it changed at `revision`.
    pub(super) fn mark(&mut self, revision: u64) {
        self.changed = revision;
    }

    /// The kept mood of the `index`-th interaction, if it was read with the
    /// language the message would be read with now.
    pub(super) fn mood(&self, index: usize, usual: Option<Language>) -> Option<Mood> {
        let message = self.conversation.interactions().get(index)?;
        let kept = (*self.moods.get(index)?)?;
        (message.language.is_some() || kept.usual == usual).then_some(kept.mood)
    }

    /// Keeps the mood of the `index`-th interaction.
    pub(super) fn keep(&mut self, index: usize, mood: Mood, usual: Option<Language>) {
        while self.moods.len() <= index {
            room_for_one(&mut self.moods);
            self.moods.push(None);
        }
        self.moods[index] = Some(Kept { mood, usual });
    }

    /// Forgets the kept moods (texts were rewritten).
    pub(super) fn forget_moods(&mut self) {
        self.moods = Vec::new();
    }
}

impl Deref for Thread {
    type Target = Conversation;

    fn deref(&self) -> &Conversation {
        &self.conversation
    }
}

impl DerefMut for Thread {
    fn deref_mut(&mut self) -> &mut Conversation {
        &mut self.conversation
    }
}

/// Whether a message has a mood: the customer's messages do, the desk's
/// replies and notes do not.
pub(super) fn has_mood(message: &Interaction) -> bool {
    message.direction == Direction::Inbound
}
