//! Conversations: an ordered thread of interactions and the status events of
//! its life cycle, the input the SLA engine reads.

use std::collections::HashSet;

use jiff::Timestamp;

use crate::error::TransitionFrom;
use crate::model::{
    AgentId, Author, ConversationId, Direction, Handle, Interaction, InteractionId,
};
use crate::{ErrorKind, Result};

word_enum! {
    /// Where a conversation stands in its life cycle.
    ///
    /// The allowed moves are: the first event is `open`; from `open`,
    /// `pending`, `on-hold` or `reopened` a conversation may go to any of
    /// `open`, `pending`, `on-hold`, `solved` or `closed`; from `solved` it
    /// may be `reopened` or `closed`; `closed` is final.
    pub enum ConversationStatus ("conversation status") {
        /// Waiting on the brand.
        Open => "open" | "new",
        /// Waiting on the customer (the brand asked a question).
        Pending => "pending" | "pending-on-customer",
        /// Waiting on a third party (a carrier, the warehouse).
        OnHold => "on-hold" | "hold",
        /// Answered; may still be reopened.
        Solved => "solved" | "resolved",
        /// Final.
        Closed => "closed",
        /// Solved, then opened again: a new resolution cycle starts.
        Reopened => "reopened",
    }
}

impl ConversationStatus {
    /// Whether the conversation is solved or closed: no answer is awaited
    /// and resolution clocks stop.
    ///
    /// ```
    /// use social_crm::ConversationStatus;
    ///
    /// assert!(ConversationStatus::Solved.is_resolved());
    /// assert!(!ConversationStatus::Reopened.is_resolved());
    /// ```
    pub fn is_resolved(self) -> bool {
        matches!(
            self,
            ConversationStatus::Solved | ConversationStatus::Closed
        )
    }

    /// Whether the life cycle allows going from `self` to `next`.
    pub fn can_become(self, next: ConversationStatus) -> bool {
        use ConversationStatus::*;
        match self {
            Open | Pending | OnHold | Reopened => {
                matches!(next, Open | Pending | OnHold | Solved | Closed)
            }
            Solved => matches!(next, Reopened | Closed),
            Closed => false,
        }
    }
}

/// A change of status at an instant, and who made it when known.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[non_exhaustive]
pub struct StatusEvent {
    /// When the status changed.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde_timestamp::deserialize")
    )]
    pub at: Timestamp,
    /// The new status.
    pub status: ConversationStatus,
    /// The agent who changed it; `None` for a change made by the system
    /// (an automation, the desk reopening a conversation the customer wrote
    /// in) or not recorded.
    #[cfg_attr(feature = "serde", serde(default))]
    pub by: Option<AgentId>,
}

#[cfg(feature = "serde")]
serialize_struct!(StatusEvent {
    at as crate::time::serde_timestamp::Stored,
    status,
    by if Option::is_none,
});

impl StatusEvent {
    /// A change to `status` at `at`, by nobody in particular.
    pub fn new(at: Timestamp, status: ConversationStatus) -> StatusEvent {
        StatusEvent {
            at,
            status,
            by: None,
        }
    }

    /// Names the agent who made the change.
    #[must_use]
    pub fn by(mut self, agent: AgentId) -> StatusEvent {
        self.by = Some(agent);
        self
    }
}

/// A thread of interactions with its status history, always in time order.
///
/// Build one incrementally with [`push`](Conversation::push) and
/// [`push_status`](Conversation::push_status), which refuse anything earlier
/// than what is already recorded, or all at once with
/// [`from_parts`](Conversation::from_parts), which sorts its input by time
/// (keeping the given order among equal instants) and then checks it the same
/// way. Nothing is ever silently reordered or dropped: input that cannot be
/// placed is an error.
///
/// ```
/// use social_crm::{AgentId, Channel, Conversation, ConversationStatus, Handle, Interaction};
///
/// let conv_id = "conv-1".parse()?;
/// let lea = Handle::new(Channel::Twitter, "@lea_m")?;
/// let mut conv = Conversation::new(conv_id);
/// conv.push_status("2026-11-20T17:42:00Z".parse()?, ConversationStatus::Open)?;
/// conv.push(Interaction::inbound(
///     "i1".parse()?, "conv-1".parse()?, lea, "2026-11-20T17:42:00Z".parse()?,
///     "Toujours pas reçu ma commande",
/// ))?;
/// conv.push(
///     Interaction::outbound(
///         "i2".parse()?, "conv-1".parse()?, Channel::Twitter, AgentId::new("eric")?,
///         "2026-11-20T17:55:00Z".parse()?, "Bonjour Léa, je regarde tout de suite. Eric",
///     )
///     .in_reply_to("i1".parse()?),
/// )?;
/// assert!(!conv.is_waiting_on_brand());
///
/// // Something earlier than the last message is refused, not misplaced.
/// let late = Interaction::inbound(
///     "i0".parse()?, "conv-1".parse()?, Handle::new(Channel::Twitter, "@lea_m")?,
///     "2026-11-20T17:00:00Z".parse()?, "?",
/// );
/// assert!(conv.push(late).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ConversationParts"))]
pub struct Conversation {
    id: ConversationId,
    interactions: Vec<Interaction>,
    events: Vec<StatusEvent>,
    /// The interactions' ids once the thread is longer than
    /// [`SCANNED`], so that checking a new one costs one probe however long
    /// the thread (derived from `interactions`); shorter threads are
    /// scanned, and most threads are short.
    #[cfg_attr(feature = "serde", serde(skip))]
    // Boxed: 8 bytes in every conversation rather than 48, and only long
    // threads have one.
    #[allow(clippy::box_collection)]
    ids: Option<Box<HashSet<InteractionId>>>,
}

/// Threads up to this many interactions find an id by reading them.
const SCANNED: usize = 32;

/// The serialised form of a conversation, checked again on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct ConversationParts {
    id: ConversationId,
    interactions: Vec<Interaction>,
    events: Vec<StatusEvent>,
}

#[cfg(feature = "serde")]
impl TryFrom<ConversationParts> for Conversation {
    type Error = crate::Error;

    fn try_from(parts: ConversationParts) -> Result<Conversation> {
        Conversation::from_parts(parts.id, parts.interactions, parts.events)
    }
}

impl Conversation {
    /// An empty conversation.
    pub fn new(id: ConversationId) -> Conversation {
        Conversation {
            id,
            interactions: Vec::new(),
            events: Vec::new(),
            ids: None,
        }
    }

    /// A conversation from interactions and status events in any order.
    ///
    /// Both lists are sorted by time (a stable sort: equal instants keep the
    /// order given) and then checked one by one as by [`push`](Self::push)
    /// and [`push_status`](Self::push_status). The conversation keeps the
    /// two vectors it is given, shrunk to their length (a restore reads
    /// every thread this way).
    ///
    /// # Errors
    ///
    /// Any error of `push` or `push_status`: an interaction of another
    /// conversation, a repeated id, a reply to a message that is not earlier
    /// in the thread, a direction that disagrees with the author, an
    /// interaction after the conversation was closed, or a status change the
    /// life cycle does not allow.
    pub fn from_parts(
        id: ConversationId,
        mut interactions: Vec<Interaction>,
        mut events: Vec<StatusEvent>,
    ) -> Result<Conversation> {
        interactions.sort_by_key(|i| i.at);
        events.sort_by_key(|e| e.at);
        // Each is checked against those before it, where it already is.
        for k in 0..events.len() {
            check_status(&id, events[..k].last(), &[], &events[k])?;
        }
        let closed_at = closed_at(&events);
        let mut ids = None;
        for k in 0..interactions.len() {
            let (before, rest) = interactions.split_at_mut(k);
            let earlier = Earlier {
                id: &id,
                interactions: before,
                ids: ids.as_deref(),
                closed_at,
            };
            earlier.check(&rest[0])?;
            earlier.share(&mut rest[0]);
            index(&mut ids, before, &rest[0]);
        }
        // A list read from a format that does not give its length first
        // grew as it was read.
        interactions.shrink_to_fit();
        events.shrink_to_fit();
        Ok(Conversation {
            id,
            interactions,
            events,
            ids,
        })
    }

    /// The thread as checking a new message reads it.
    fn earlier(&self) -> Earlier<'_> {
        Earlier {
            id: &self.id,
            interactions: &self.interactions,
            ids: self.ids.as_deref(),
            closed_at: self.closed_at(),
        }
    }

    /// Appends an interaction, which must not be earlier than the last one.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::WrongConversation`], [`ErrorKind::DuplicateInteraction`],
    /// [`ErrorKind::OutOfOrder`], [`ErrorKind::AuthorMismatch`],
    /// [`ErrorKind::ReplyTargetMissing`] or [`ErrorKind::ConversationClosed`];
    /// the conversation is unchanged.
    pub fn push(&mut self, mut interaction: Interaction) -> Result<()> {
        let earlier = self.earlier();
        earlier.check(&interaction)?;
        earlier.share(&mut interaction);
        index(&mut self.ids, &self.interactions, &interaction);
        super::room_for_one(&mut self.interactions);
        self.interactions.push(interaction);
        Ok(())
    }

    /// What [`Conversation::push`] would say of `new`, without pushing it.
    pub(crate) fn check(&self, new: &Interaction) -> Result<()> {
        self.earlier().check(new)
    }

    /// Records a status change, which must not be earlier than the last one
    /// and must be allowed by the life cycle (see [`ConversationStatus`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfOrder`] or [`ErrorKind::InvalidTransition`]; the
    /// conversation is unchanged. Closing before an interaction already
    /// recorded is [`ErrorKind::ConversationClosed`].
    pub fn push_status(&mut self, at: Timestamp, status: ConversationStatus) -> Result<()> {
        self.record_status(StatusEvent::new(at, status))
    }

    /// Records a status change with who made it, as
    /// [`push_status`](Self::push_status).
    ///
    /// # Errors
    ///
    /// As [`push_status`](Self::push_status); the conversation is unchanged.
    pub fn record_status(&mut self, event: StatusEvent) -> Result<()> {
        check_status(&self.id, self.events.last(), &self.interactions, &event)?;
        if event.status.is_resolved() {
            // A solved or closed thread seldom grows again: give back what
            // its growth reserved.
            self.interactions.shrink_to_fit();
        }
        super::room_for_one(&mut self.events);
        self.events.push(event);
        Ok(())
    }

    /// Whether an interaction with this id is in the thread.
    pub fn contains(&self, id: &InteractionId) -> bool {
        contains(&self.interactions, self.ids.as_deref(), id)
    }

    /// Erases what a customer wrote: each of their messages keeps its place,
    /// time, channel and tags, but loses its author (now [`Author::Erased`])
    /// and its text; `scrub` rewrites every other message's text (to take
    /// out their name). Returns how many messages were theirs, and how many
    /// others were rewritten.
    pub(crate) fn erase(
        &mut self,
        theirs: impl Fn(&Handle) -> bool,
        scrub: impl Fn(&str) -> Option<String>,
    ) -> (usize, usize) {
        let (mut erased, mut rewritten) = (0, 0);
        for i in &mut self.interactions {
            if i.customer_handle().is_some_and(&theirs) {
                i.author = Author::Erased;
                i.text.clear();
                erased += 1;
            } else if let Some(text) = scrub(&i.text) {
                i.text = text;
                rewritten += 1;
            }
        }
        (erased, rewritten)
    }

    /// The conversation's id.
    pub fn id(&self) -> &ConversationId {
        &self.id
    }

    /// The interactions, oldest first.
    pub fn interactions(&self) -> &[Interaction] {
        &self.interactions
    }

    /// The status events, oldest first.
    pub fn events(&self) -> &[StatusEvent] {
        &self.events
    }

    /// The current status (the last event's), if any event was recorded.
    pub fn status(&self) -> Option<ConversationStatus> {
        self.events.last().map(|e| e.status)
    }

    /// The status in force at `t`: that of the last event at or before `t`.
    pub fn status_at(&self, t: Timestamp) -> Option<ConversationStatus> {
        let n = self.events.partition_point(|e| e.at <= t);
        n.checked_sub(1).map(|i| self.events[i].status)
    }

    /// When the conversation was closed, if it was.
    pub fn closed_at(&self) -> Option<Timestamp> {
        closed_at(&self.events)
    }

    /// The first interaction, whose channel is where the conversation began.
    pub fn first(&self) -> Option<&Interaction> {
        self.interactions.first()
    }

    /// The customer handles that wrote in this conversation, in order of
    /// first appearance.
    pub fn customer_handles(&self) -> Vec<&Handle> {
        let mut seen = HashSet::new();
        self.interactions
            .iter()
            .filter_map(Interaction::customer_handle)
            .filter(|h| seen.insert(*h))
            .collect()
    }

    /// The customer's last message when it still awaits an answer: the
    /// conversation is neither solved nor closed, no outbound reply came
    /// after that message (internal notes do not count as replies), and, if
    /// the conversation was put pending (on the customer) or on hold (on a
    /// third party), the message came after that.
    pub fn awaiting_reply(&self) -> Option<&Interaction> {
        use ConversationStatus::{OnHold, Pending};
        let last = self.events.last();
        if last.is_some_and(|e| e.status.is_resolved()) {
            return None;
        }
        let parked_at = last
            .filter(|e| matches!(e.status, Pending | OnHold))
            .map(|e| e.at);
        self.interactions
            .iter()
            .rev()
            .find(|i| i.direction != Direction::Note)
            .filter(|i| i.direction == Direction::Inbound)
            .filter(|i| parked_at.is_none_or(|at| i.at > at))
    }

    /// Whether a customer message awaits an answer (see
    /// [`awaiting_reply`](Self::awaiting_reply)).
    pub fn is_waiting_on_brand(&self) -> bool {
        self.awaiting_reply().is_some()
    }
}

/// What checking a new message reads of a conversation: its id, the
/// messages before it (with their ids once the thread is long) and when it
/// was closed. [`Conversation::from_parts`] checks a thread in place
/// through it.
struct Earlier<'a> {
    id: &'a ConversationId,
    interactions: &'a [Interaction],
    ids: Option<&'a HashSet<InteractionId>>,
    closed_at: Option<Timestamp>,
}

impl Earlier<'_> {
    /// What [`Conversation::push`] says of `new`.
    fn check(&self, new: &Interaction) -> Result<()> {
        // The thread's id is written out only for an error.
        let conversation = || self.id.to_string();
        if new.conversation != *self.id {
            return Err(ErrorKind::WrongConversation {
                interaction: new.id.to_string(),
                expected: conversation(),
                found: new.conversation.to_string(),
            }
            .into());
        }
        if !new.is_consistent() {
            return Err(ErrorKind::AuthorMismatch {
                id: new.id.to_string(),
                direction: new.direction,
                author: new.author.to_string(),
            }
            .into());
        }
        if let Some(last) = self.interactions.last() {
            if new.at < last.at {
                return Err(ErrorKind::OutOfOrder {
                    what: "interaction",
                    id: new.id.to_string(),
                    at: new.at,
                    last: last.at,
                }
                .into());
            }
        }
        if contains(self.interactions, self.ids, &new.id) {
            return Err(ErrorKind::DuplicateInteraction {
                id: new.id.to_string(),
                conversation: conversation(),
            }
            .into());
        }
        if let Some(target) = &new.in_reply_to {
            if !contains(self.interactions, self.ids, target) {
                return Err(ErrorKind::ReplyTargetMissing {
                    id: new.id.to_string(),
                    in_reply_to: target.to_string(),
                    conversation: conversation(),
                }
                .into());
            }
        }
        if let Some(closed_at) = self.closed_at {
            if new.at > closed_at {
                return Err(ErrorKind::ConversationClosed {
                    id: new.id.to_string(),
                    conversation: conversation(),
                    at: new.at,
                    closed_at,
                }
                .into());
            }
        }
        Ok(())
    }

    /// Makes `new` share what the thread already holds rather than keep it
    /// twice: its id, the message replied to, an author who wrote before,
    /// the tags of the message before (most threads are a few messages
    /// between one customer and the desk, on one subject).
    fn share(&self, new: &mut Interaction) {
        new.conversation = self.id.clone();
        // Only the last few are read, so that a long thread costs no more.
        let recent = || self.interactions.iter().rev().take(SCANNED);
        if let Some(target) = &new.in_reply_to {
            if let Some(earlier) = recent().find(|i| i.id == *target) {
                new.in_reply_to = Some(earlier.id.clone());
            }
        }
        if let Author::Customer(handle) = &new.author {
            let same = recent().find_map(|i| match &i.author {
                Author::Customer(h) if h == handle => Some(h.clone()),
                _ => None,
            });
            if let Some(same) = same {
                new.author = Author::Customer(same);
            }
        }
        // A thread's messages mostly carry the same few tags.
        if let Some(previous) = self.interactions.last() {
            for tag in &previous.tags {
                new.tags.share(tag);
            }
        }
    }
}

/// Adds `new`'s id to the ids of a thread holding `before`, once the thread
/// is long enough to keep them (then every earlier id goes in first).
#[allow(clippy::box_collection)]
fn index(ids: &mut Option<Box<HashSet<InteractionId>>>, before: &[Interaction], new: &Interaction) {
    if before.len() >= SCANNED {
        ids.get_or_insert_with(|| Box::new(before.iter().map(|i| i.id.clone()).collect()))
            .insert(new.id.clone());
    }
}

/// Whether `interactions` (whose ids are `ids` in a long thread) hold `id`.
fn contains(
    interactions: &[Interaction],
    ids: Option<&HashSet<InteractionId>>,
    id: &InteractionId,
) -> bool {
    match ids {
        Some(ids) => ids.contains(id),
        None => interactions.iter().any(|i| i.id == *id),
    }
}

/// When the status events close the conversation, if they do.
fn closed_at(events: &[StatusEvent]) -> Option<Timestamp> {
    events
        .iter()
        .find(|e| e.status == ConversationStatus::Closed)
        .map(|e| e.at)
}

/// What [`Conversation::record_status`] says of `event` after `last`, in
/// conversation `id` holding `interactions`.
fn check_status(
    id: &ConversationId,
    last: Option<&StatusEvent>,
    interactions: &[Interaction],
    event: &StatusEvent,
) -> Result<()> {
    let StatusEvent { at, status, .. } = *event;
    let from = match last {
        Some(last) if at < last.at => {
            return Err(ErrorKind::OutOfOrder {
                what: "status event",
                id: id.to_string(),
                at,
                last: last.at,
            }
            .into());
        }
        Some(last) => TransitionFrom::Status(last.status),
        None => TransitionFrom::Nothing,
    };
    let allowed = match from {
        TransitionFrom::Nothing => status == ConversationStatus::Open,
        TransitionFrom::Status(s) => s.can_become(status),
    };
    if !allowed {
        return Err(ErrorKind::InvalidTransition {
            conversation: id.to_string(),
            from,
            to: status,
            at,
        }
        .into());
    }
    if status == ConversationStatus::Closed {
        if let Some(after) = interactions.iter().find(|i| i.at > at) {
            return Err(ErrorKind::ConversationClosed {
                id: after.id.to_string(),
                conversation: id.to_string(),
                at: after.at,
                closed_at: at,
            }
            .into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgentId, Channel};

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn msg(id: &str, at: &str) -> Interaction {
        Interaction::inbound(
            id.parse().unwrap(),
            "c".parse().unwrap(),
            Handle::new(Channel::Twitter, "@lea").unwrap(),
            ts(at),
            "hello",
        )
    }

    fn reply(id: &str, at: &str, to: &str) -> Interaction {
        Interaction::outbound(
            id.parse().unwrap(),
            "c".parse().unwrap(),
            Channel::Twitter,
            AgentId::new("eric").unwrap(),
            ts(at),
            "hi",
        )
        .in_reply_to(to.parse().unwrap())
    }

    #[test]
    fn long_threads_find_ids_as_short_ones_do() {
        let mut conv = Conversation::new("c".parse().unwrap());
        for k in 0..(2 * SCANNED + 3) {
            let at = format!("2026-11-20T10:{:02}:{:02}Z", k / 60, k % 60);
            let message = if k % 2 == 0 {
                msg(&format!("m{k}"), &at)
            } else {
                reply(&format!("m{k}"), &at, &format!("m{}", k - 1))
            };
            conv.push(message).unwrap();
            // Every id so far, from the scanned thread to the indexed one.
            assert!(conv.contains(&format!("m{k}").parse().unwrap()));
            assert!(!conv.contains(&format!("m{}", k + 1).parse().unwrap()));
            let again = msg(&format!("m{}", k / 2), &at);
            assert!(matches!(
                conv.push(again).unwrap_err().kind(),
                ErrorKind::DuplicateInteraction { .. }
            ));
        }
        let stray = reply("late", "2026-11-20T11:59:00Z", "nowhere");
        assert!(matches!(
            conv.push(stray).unwrap_err().kind(),
            ErrorKind::ReplyTargetMissing { .. }
        ));
        // Restored from its parts, it is the same thread.
        let back = Conversation::from_parts(
            conv.id().clone(),
            conv.interactions().to_vec(),
            conv.events().to_vec(),
        )
        .unwrap();
        assert_eq!(back, conv);
    }

    proptest::proptest! {
        /// Reading a thread from its parts (checked in place) says what
        /// pushing its parts one by one, in time order, says: the same
        /// conversation or the same error, short threads and long.
        #[test]
        fn from_parts_is_pushing_in_time_order(
            messages in proptest::collection::vec((0u8..3, 0u8..40, 0u8..64), 0..44),
            statuses in proptest::collection::vec((0u8..50, 0u8..6), 0..3),
        ) {
            let at = |minute: u8| format!("2026-11-20T10:{minute:02}:00Z");
            let interactions: Vec<Interaction> = messages
                .iter()
                .enumerate()
                .map(|(k, &(jitter, kind, to))| {
                    // Mostly in time order, with ties and a few out of it.
                    let minute = u8::try_from(k).unwrap() + jitter;
                    let id = match kind {
                        21 if k > 0 => format!("m{}", usize::from(to) % k),
                        _ => format!("m{k}"),
                    };
                    match kind {
                        // A reply to a message drawn earlier, or to none.
                        0..=9 => {
                            let to = match k {
                                0 => "m999".to_owned(),
                                _ => format!("m{}", usize::from(to) % k),
                            };
                            reply(&id, &at(minute), &to)
                        }
                        10 => {
                            let mut stray = msg(&id, &at(minute));
                            stray.conversation = "d".parse().unwrap();
                            stray
                        }
                        _ => msg(&id, &at(minute)),
                    }
                })
                .collect();
            // Opened first, then whatever was drawn.
            let events: Vec<StatusEvent> = [(0, 0)]
                .iter()
                .chain(&statuses)
                .map(|&(minute, status)| {
                    let status = [
                        ConversationStatus::Open,
                        ConversationStatus::Pending,
                        ConversationStatus::OnHold,
                        ConversationStatus::Solved,
                        ConversationStatus::Reopened,
                        ConversationStatus::Closed,
                    ][usize::from(status)];
                    StatusEvent::new(ts(&at(minute)), status)
                })
                .collect();
            let pushed = {
                let (mut interactions, mut events) = (interactions.clone(), events.clone());
                interactions.sort_by_key(|i| i.at);
                events.sort_by_key(|e| e.at);
                let mut conv = Conversation::new("c".parse().unwrap());
                events
                    .into_iter()
                    .try_for_each(|e| conv.record_status(e))
                    .and_then(|()| interactions.into_iter().try_for_each(|i| conv.push(i)))
                    .map(|()| conv)
            };
            let read = Conversation::from_parts("c".parse().unwrap(), interactions, events);
            match (read, pushed) {
                (Ok(read), Ok(pushed)) => proptest::prop_assert_eq!(read, pushed),
                (Err(read), Err(pushed)) => {
                    proptest::prop_assert_eq!(read.to_string(), pushed.to_string())
                }
                (read, pushed) => proptest::prop_assert!(false, "{read:?} against {pushed:?}"),
            }
        }
    }

    #[test]
    fn from_parts_sorts_and_keeps_equal_instants_in_given_order() {
        let conv = Conversation::from_parts(
            "c".parse().unwrap(),
            vec![
                reply("r", "2026-01-01T10:05:00Z", "a"),
                msg("a", "2026-01-01T10:00:00Z"),
                msg("b", "2026-01-01T10:05:00Z"),
            ],
            vec![],
        )
        .unwrap();
        let ids: Vec<&str> = conv.interactions().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "r", "b"]);
        assert!(conv.is_waiting_on_brand());
    }

    #[test]
    fn replies_must_follow_their_target() {
        let err = Conversation::from_parts(
            "c".parse().unwrap(),
            vec![
                reply("r", "2026-01-01T09:00:00Z", "a"),
                msg("a", "2026-01-01T10:00:00Z"),
            ],
            vec![],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "interaction `r` replies to `a`, which is not an earlier message of conversation `c`"
        );
    }

    #[test]
    fn pushes_refuse_what_cannot_be_placed() {
        let mut conv = Conversation::new("c".parse().unwrap());
        conv.push(msg("a", "2026-01-01T10:00:00Z")).unwrap();
        let err = conv.push(msg("b", "2026-01-01T09:00:00Z")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "interaction `b` at `2026-01-01T09:00:00Z` is earlier than the last one recorded at `2026-01-01T10:00:00Z`"
        );
        assert!(matches!(
            conv.push(msg("a", "2026-01-01T11:00:00Z"))
                .unwrap_err()
                .kind(),
            ErrorKind::DuplicateInteraction { .. }
        ));
        let mut other = msg("z", "2026-01-01T11:00:00Z");
        other.conversation = "d".parse().unwrap();
        assert!(matches!(
            conv.push(other).unwrap_err().kind(),
            ErrorKind::WrongConversation { .. }
        ));
        let mut forged = msg("f", "2026-01-01T11:00:00Z");
        forged.direction = Direction::Outbound;
        assert!(matches!(
            conv.push(forged).unwrap_err().kind(),
            ErrorKind::AuthorMismatch { .. }
        ));
        assert_eq!(conv.interactions().len(), 1);
    }

    #[test]
    fn long_threads_build_in_one_pass() {
        let messages: Vec<Interaction> = (0..50_000)
            .map(|k| msg(&format!("m{k}"), "2026-01-01T10:00:00Z"))
            .collect();
        let conv = Conversation::from_parts("c".parse().unwrap(), messages, vec![]).unwrap();
        assert_eq!(conv.interactions().len(), 50_000);
    }

    #[test]
    fn life_cycle_is_enforced() {
        use ConversationStatus::*;
        let mut conv = Conversation::new("c".parse().unwrap());
        assert!(conv
            .push_status(ts("2026-01-01T10:00:00Z"), Pending)
            .is_err());
        conv.push_status(ts("2026-01-01T10:00:00Z"), Open).unwrap();
        conv.push_status(ts("2026-01-01T11:00:00Z"), Solved)
            .unwrap();
        let err = conv
            .push_status(ts("2026-01-01T12:00:00Z"), Pending)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "conversation `c` cannot go from `solved` to `pending` at `2026-01-01T12:00:00Z`"
        );
        conv.push_status(ts("2026-01-01T12:00:00Z"), Reopened)
            .unwrap();
        conv.push_status(ts("2026-01-01T13:00:00Z"), Closed)
            .unwrap();
        assert!(conv
            .push_status(ts("2026-01-01T14:00:00Z"), Reopened)
            .is_err());
        assert_eq!(conv.status_at(ts("2026-01-01T11:30:00Z")), Some(Solved));
        assert_eq!(conv.status_at(ts("2026-01-01T09:00:00Z")), None);
        assert!(matches!(
            conv.push(msg("late", "2026-01-01T15:00:00Z"))
                .unwrap_err()
                .kind(),
            ErrorKind::ConversationClosed { .. }
        ));
    }
}
