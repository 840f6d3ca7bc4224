//! Everything that happens at a desk, as events: what a webhook service
//! receives and hands to [`Desk::apply`].
//!
//! Delivery is at least once, as webhooks deliver: applying an event a
//! second time changes nothing and is reported as [`Outcome::Duplicate`].
//! Each event is checked before it changes anything, so a refused one
//! ([`Outcome::Rejected`], with its typed error) leaves the desk as it was
//! and never stops the rest of a batch.

use std::fmt;
use std::sync::OnceLock;

use jiff::Timestamp;

use super::board::Changes;
use super::moods::{has_mood, Mood, Thread};
use super::{usual_of, Desk};
use crate::crisis::Alert;
use crate::directory::Resolution;
use crate::error::{Error, ErrorKind, Result};
use crate::influence::Post;
use crate::model::{
    AgentId, AudienceStats, ConversationId, ConversationStatus, Customer, CustomerId,
    Decision as Consented, Direction, Handle, Interaction, Purpose, StatusEvent, Tag,
};
use crate::sla::Priority;

/// One thing that happened at the desk.
///
/// With the `serde` feature an event is a JSON object tagged by `kind`:
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use social_crm::desk::Event;
///
/// let event: Event = serde_json::from_str(
///     r#"{"kind":"status","conversation":"tw-1","status":"solved","at":"2026-11-20T18:00:00Z","by":"a1"}"#,
/// )?;
/// assert_eq!(event.at(), "2026-11-20T18:00:00Z".parse()?);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Event {
    /// A message: inbound from a customer, an outbound reply, or an internal
    /// note. A customer the directory does not know becomes a new customer
    /// (see [`Desk::apply`]).
    Interaction(Interaction),
    /// A conversation changed status. An `open` for a conversation the desk
    /// does not know starts it.
    Status {
        /// The conversation.
        conversation: ConversationId,
        /// Its new status.
        status: ConversationStatus,
        /// When.
        at: Timestamp,
        /// The agent who changed it, if one did.
        #[cfg_attr(feature = "serde", serde(default))]
        by: Option<AgentId>,
    },
    /// A conversation was given to an agent (`Some`), or taken back
    /// (`None`).
    Assignment {
        /// The conversation.
        conversation: ConversationId,
        /// The agent who holds it now, if anyone.
        agent: Option<AgentId>,
        /// When.
        at: Timestamp,
    },
    /// A conversation's priority changed; its SLA targets follow.
    Priority {
        /// The conversation.
        conversation: ConversationId,
        /// The new priority.
        priority: Priority,
        /// When.
        at: Timestamp,
    },
    /// A customer record, new or updated (the whole record: it replaces
    /// the one with the same id, except that consent decisions already
    /// recorded are kept). Customers the desk created for unknown authors
    /// who own one of its handles are merged into it.
    Customer {
        /// The record.
        customer: Customer,
        /// When.
        at: Timestamp,
    },
    /// A customer has one more handle (or new audience figures for one).
    Handle {
        /// The customer.
        customer: CustomerId,
        /// The handle.
        handle: Handle,
        /// Its audience figures.
        #[cfg_attr(feature = "serde", serde(default))]
        stats: AudienceStats,
        /// When.
        at: Timestamp,
    },
    /// Two records are one person: `absorb` is merged into `keep`.
    Merge {
        /// The record kept.
        keep: CustomerId,
        /// The record merged into it.
        absorb: CustomerId,
        /// When.
        at: Timestamp,
    },
    /// A consent decision, by the customer behind a handle.
    Consent {
        /// The handle the customer is known by.
        handle: Handle,
        /// What the decision is about.
        purpose: Purpose,
        /// Which way it went.
        decision: Consented,
        /// Where it was collected; `desk` when not given.
        #[cfg_attr(feature = "serde", serde(default))]
        source: Option<Tag>,
        /// When.
        at: Timestamp,
    },
    /// The customer behind a handle asked to be forgotten.
    Erasure {
        /// The handle the request came from.
        handle: Handle,
        /// When.
        at: Timestamp,
    },
}

impl Event {
    /// When the event happened.
    pub fn at(&self) -> Timestamp {
        match self {
            Event::Interaction(i) => i.at,
            Event::Status { at, .. }
            | Event::Assignment { at, .. }
            | Event::Priority { at, .. }
            | Event::Customer { at, .. }
            | Event::Handle { at, .. }
            | Event::Merge { at, .. }
            | Event::Consent { at, .. }
            | Event::Erasure { at, .. } => *at,
        }
    }

    /// What the event is, in words, for errors ("interaction `m1`").
    fn what(&self) -> String {
        match self {
            Event::Interaction(i) => format!("interaction `{}`", i.id),
            Event::Status { conversation, .. } => format!("status of `{conversation}`"),
            Event::Assignment { conversation, .. } => format!("assignment of `{conversation}`"),
            Event::Priority { conversation, .. } => format!("priority of `{conversation}`"),
            Event::Customer { customer, .. } => format!("customer `{}`", customer.id),
            Event::Handle { customer, .. } => format!("handle of `{customer}`"),
            Event::Merge { absorb, keep, .. } => format!("merge of `{absorb}` into `{keep}`"),
            Event::Consent { .. } => "consent decision".to_owned(),
            Event::Erasure { .. } => "erasure request".to_owned(),
        }
    }
}

impl From<Interaction> for Event {
    fn from(interaction: Interaction) -> Event {
        Event::Interaction(interaction)
    }
}

/// What became of one event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// The desk took it.
    Applied,
    /// The desk already had it: nothing changed.
    Duplicate,
    /// A customer message older than the hour the crisis monitor was
    /// already filling: it is in its conversation (queue, SLA), but the
    /// crisis streams could not count it.
    Late,
    /// Refused, with why; nothing changed.
    Rejected(Error),
}

impl Outcome {
    /// The outcome's name: `applied`, `duplicate`, `late` or `rejected`.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Applied => "applied",
            Outcome::Duplicate => "duplicate",
            Outcome::Late => "late",
            Outcome::Rejected(_) => "rejected",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Rejected(e) => write!(f, "rejected: {e}"),
            other => f.write_str(other.name()),
        }
    }
}

/// Serialised as `"applied"`, `"duplicate"`, `"late"`, or
/// `{"rejected": "<the error's message>"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Outcome::Rejected(e) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("rejected", &e.to_string())?;
                map.end()
            }
            other => s.serialize_str(other.name()),
        }
    }
}

/// How many events had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Counts {
    /// Taken.
    pub applied: u64,
    /// Already there.
    pub duplicate: u64,
    /// Kept, too late for the crisis streams.
    pub late: u64,
    /// Refused.
    pub rejected: u64,
}

impl Counts {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        let n = match outcome {
            Outcome::Applied => &mut self.applied,
            Outcome::Duplicate => &mut self.duplicate,
            Outcome::Late => &mut self.late,
            Outcome::Rejected(_) => &mut self.rejected,
        };
        *n = n.saturating_add(1);
    }
}

/// What a batch of events did: one outcome per event, in order, and the
/// crisis alerts raised (or cleared) by the batch and by "now".
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Applied {
    /// One per event, in the order given.
    pub outcomes: Vec<Outcome>,
    /// Crisis alerts.
    pub alerts: Vec<Alert>,
    /// Why the crisis monitor could not move on to "now", if it could not
    /// (an instant past the end of its grid); the events are applied all
    /// the same.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::error::serialize_message")
    )]
    pub monitor_error: Option<Error>,
}

impl Applied {
    /// How many events had each outcome.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for outcome in &self.outcomes {
            counts.add(outcome);
        }
        counts
    }

    /// The events refused, by position in the batch, with why.
    pub fn rejected(&self) -> impl Iterator<Item = (usize, &Error)> {
        self.outcomes
            .iter()
            .enumerate()
            .filter_map(|(i, o)| match o {
                Outcome::Rejected(e) => Some((i, e)),
                _ => None,
            })
    }
}

/// The text put in place of an erased customer's name in other messages.
pub const ERASED: &str = "[erased]";

/// That an erasure happened, and what it took: the desk keeps this, never
/// who asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Erasure {
    /// When the request was applied.
    pub at: Timestamp,
    /// Whether a customer record was removed.
    pub record: bool,
    /// How many of their messages lost their author and text.
    pub messages: u64,
}

impl Desk {
    /// Applies one event at `now` (see [`Desk::apply_all`]).
    pub fn apply(&mut self, event: Event, now: Timestamp) -> Applied {
        self.apply_all([event], now)
    }

    /// Applies a batch of events at `now`, in order, and returns one
    /// outcome per event and the crisis alerts.
    ///
    /// - An event dated after `now` by more than
    ///   [`DeskConfig::future_tolerance`](super::DeskConfig::future_tolerance)
    ///   is rejected ([`ErrorKind::FromTheFuture`]) before anything sees it,
    ///   the crisis monitor included.
    /// - An event the desk already has is a [`Outcome::Duplicate`]: the
    ///   same interaction id in its conversation; a status already in force,
    ///   or recorded at that instant; an assignment, priority change or
    ///   customer record already applied at that instant; a handle the
    ///   customer has with those figures, or added at that instant; two
    ///   records already merged; a consent record already kept, by the
    ///   handle's owner or, for a handle nobody owns, by a customer a later
    ///   record took the handle from; an erasure with nothing left to erase.
    ///   A record of a customer the directory does not hold, or a consent
    ///   decision for a handle nobody owns, dated at or before the
    ///   last erasure, is taken as a second delivery of what that erasure
    ///   removed (a duplicate), so that an erased customer never comes
    ///   back through a webhook's retry. An erasure delivered again erases
    ///   what the handle sent since. An assignment or priority
    ///   change older than the last one applied is rejected
    ///   ([`ErrorKind::OutOfOrder`]).
    /// - A status change on a conversation that began with a message and
    ///   has no status yet finds it open since that message.
    /// - A message out of order within its conversation, after it was
    ///   closed, or replying to a message not in it, is rejected with the
    ///   error of [`crate::Conversation::push`]; a status change the life
    ///   cycle does not allow, with that of
    ///   [`crate::Conversation::record_status`].
    /// - A customer message whose author the directory does not know makes
    ///   a new customer, `new-1`, `new-2`..., named after the handle, so
    ///   their next message resolves; a [`Event::Customer`] owning that
    ///   handle later absorbs it. A customer message on a conversation that
    ///   was pending or on hold reopens it (status `open` at the message's
    ///   time, by nobody), as help desks do: the customer answered.
    /// - A customer message older than the hour the crisis monitor is
    ///   filling is [`Outcome::Late`]: kept in its conversation, not counted
    ///   in the streams.
    ///
    /// ```
    /// use social_crm::desk::{Desk, DeskConfig, Event, Outcome};
    /// use social_crm::{ConversationStatus, sample};
    ///
    /// let week = sample::week();
    /// let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    /// let events: Vec<Event> = week.interactions().into_iter().cloned().map(Event::from).collect();
    /// let first = desk.apply_all(events.clone(), week.now);
    /// assert_eq!(first.counts().applied as usize, events.len());
    /// // Delivered again: nothing changes.
    /// let again = desk.apply_all(events, week.now);
    /// assert!(again.outcomes.iter().all(|o| *o == Outcome::Duplicate));
    ///
    /// let solved = Event::Status {
    ///     conversation: "tw-062".parse()?,
    ///     status: ConversationStatus::Solved,
    ///     at: week.now,
    ///     by: Some("a1".parse()?),
    /// };
    /// assert_eq!(desk.apply(solved, week.now).outcomes, [Outcome::Applied]);
    /// assert!(desk.queue(week.now)?.iter().all(|t| t.conversation.as_str() != "tw-062"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_all(
        &mut self,
        events: impl IntoIterator<Item = Event>,
        now: Timestamp,
    ) -> Applied {
        let mut applied = Applied::default();
        let mut changes = Changes::default();
        // Only a desk whose queue was read keeps its entries.
        let kept = self.board.get().is_some();
        for event in events {
            if kept {
                self.note_change(&event, &mut changes);
            }
            let outcome = match self.apply_one(event, now, &mut applied.alerts, &mut changes) {
                Ok(outcome) => outcome,
                Err(e) => Outcome::Rejected(e),
            };
            applied.outcomes.push(outcome);
        }
        // Even with no change, a new day's batch works the profiles out
        // again (persona rules read ages).
        if let Some(mut board) = self.board.take() {
            board.update(self, &changes, now);
            self.board = OnceLock::from(board);
        }
        // Time passes for the monitor even when no message came; a "now"
        // before its grid's hour changes nothing.
        match self.monitor.advance(now) {
            Ok(alerts) => applied.alerts.extend(alerts),
            Err(e) if matches!(e.kind(), ErrorKind::InvalidBucket { .. }) => {}
            Err(e) => applied.monitor_error = Some(e),
        }
        self.release_finished();
        self.revision.settle();
        applied
    }

    /// What an event may change of the queue (noted before it applies: an
    /// erasure's handle resolves only before).
    fn note_change(&self, event: &Event, changes: &mut Changes) {
        // A handle a record gave up, which nobody holds now: a message or a
        // consent decision for it makes a newcomer, who writes the handle's
        // earlier messages too (such handles are few: most newcomers wrote
        // nothing before). The given-up handles are looked at first: a desk
        // seldom has any, and then no message pays for a lookup.
        let given_up = |handle: &Handle| {
            self.released.values().any(|taken| taken.contains(handle))
                && matches!(self.directory.resolve(handle), Resolution::Unknown)
        };
        // Everyone holding a handle: a record that takes a handle leaves
        // its holder sharing it (their messages now have no known author),
        // and one that drops it leaves the other holder alone with it.
        let holders = |handle: &Handle| match self.directory.resolve(handle) {
            Resolution::Customer(c) => vec![c.id.clone()],
            Resolution::Ambiguous(all) => all.into_iter().map(|c| c.id.clone()).collect(),
            Resolution::Unknown => Vec::new(),
        };
        // A customer by the id an event names, and by the one their record
        // goes by now: an id merged into another record names that record
        // ("new-1", a newcomer merged into the customer record that took
        // their handle, then merged on).
        let named = |id: &CustomerId, changes: &mut Changes| {
            changes.customers.insert(id.clone());
            changes
                .customers
                .extend(self.directory.canonical_id(id.as_str()).cloned());
        };
        match event {
            Event::Interaction(i) => {
                changes.conversations.insert(i.conversation.clone());
                changes.authors |= i.customer_handle().is_some_and(given_up);
            }
            Event::Status { conversation, .. } | Event::Priority { conversation, .. } => {
                changes.conversations.insert(conversation.clone());
            }
            // Who holds a conversation is not what ranks it.
            Event::Assignment { .. } => {}
            Event::Customer { customer, .. } => {
                changes.customers.insert(customer.id.clone());
                let before = self.directory.get(customer.id.as_str());
                for handle in customer
                    .handles
                    .keys()
                    .chain(before.into_iter().flat_map(|c| c.handles.keys()))
                {
                    changes.customers.extend(holders(handle));
                }
                changes.authors = true;
            }
            Event::Handle {
                customer, handle, ..
            } => {
                named(customer, changes);
                changes.customers.extend(holders(handle));
                changes.authors = true;
            }
            Event::Merge { keep, absorb, .. } => {
                named(keep, changes);
                named(absorb, changes);
                changes.authors = true;
            }
            // A decision for a shared handle is rejected: its holders are
            // reached for nothing, as rarely.
            Event::Consent { handle, .. } => {
                changes.customers.extend(holders(handle));
                changes.authors |= given_up(handle);
            }
            Event::Erasure { .. } => changes.everything = true,
        }
    }

    /// Applies one event; a customer message's writer is noted in
    /// `changes` (their profile moved).
    fn apply_one(
        &mut self,
        event: Event,
        now: Timestamp,
        alerts: &mut Vec<Alert>,
        changes: &mut Changes,
    ) -> Result<Outcome> {
        let tolerance = self.config.future_tolerance;
        let latest = now.checked_add(tolerance).unwrap_or(Timestamp::MAX);
        if event.at() > latest {
            return Err(ErrorKind::FromTheFuture {
                what: event.what(),
                at: event.at(),
                now,
                tolerance,
            }
            .into());
        }
        match event {
            Event::Interaction(i) => self.take_interaction(i, alerts, changes),
            Event::Status {
                conversation,
                status,
                at,
                by,
            } => self.take_status(conversation, StatusEvent { at, status, by }),
            Event::Assignment {
                conversation,
                agent,
                at,
            } => self.take_assignment(&conversation, agent, at),
            Event::Priority {
                conversation,
                priority,
                at,
            } => self.take_priority(conversation, priority, at),
            Event::Customer { customer, at } => self.take_customer(customer, at),
            Event::Handle {
                customer,
                handle,
                stats,
                at,
            } => self.take_handle(&customer, handle, stats, at),
            Event::Merge { keep, absorb, .. } => self.take_merge(&keep, &absorb),
            Event::Consent {
                handle,
                purpose,
                decision,
                source,
                at,
            } => {
                let source = match source {
                    Some(tag) => tag,
                    None => Tag::new("desk")?,
                };
                self.take_consent(&handle, purpose, decision, at, source)
            }
            Event::Erasure { handle, at } => self.take_erasure(&handle, at),
        }
    }

    fn known_conversation(&self, id: &ConversationId) -> Result<()> {
        if self.conversations.contains_key(id) {
            Ok(())
        } else {
            Err(ErrorKind::UnknownConversation { id: id.to_string() }.into())
        }
    }

    fn take_interaction(
        &mut self,
        interaction: Interaction,
        alerts: &mut Vec<Alert>,
        changes: &mut Changes,
    ) -> Result<Outcome> {
        // Everything that can refuse the message is asked before anything
        // changes: its conversation, the directory, then the crisis monitor,
        // which counts it in all its streams or in none.
        let existing = self.conversations.get(&interaction.conversation);
        if existing.is_some_and(|c| c.contains(&interaction.id)) {
            return Ok(Outcome::Duplicate);
        }
        let reopen = match existing {
            Some(conversation) => {
                conversation.check(&interaction)?;
                let parked = conversation.events().last().filter(|e| {
                    matches!(
                        e.status,
                        ConversationStatus::Pending | ConversationStatus::OnHold
                    ) && e.at <= interaction.at
                });
                interaction.direction == Direction::Inbound && parked.is_some()
            }
            None => {
                crate::model::Conversation::new(interaction.conversation.clone())
                    .check(&interaction)?;
                false
            }
        };
        // The author, resolved once: a newcomer to make, or the writer whose
        // usual language and influence a customer message is read with.
        let author = interaction
            .customer_handle()
            .map(|handle| (handle, self.directory.resolve(handle)));
        let (newcomer, writer) = match &author {
            Some((handle, Resolution::Unknown)) => (Some(self.newcomer(handle)?), None),
            Some((_, Resolution::Customer(c))) => (None, Some(*c)),
            _ => (None, None),
        };
        // Whose profile the message moves: a customer's, sent to the brand.
        let profiled = match (&newcomer, writer) {
            _ if interaction.direction != Direction::Inbound => None,
            (Some((_, c)), _) | (None, Some(c)) => Some(c.id.clone()),
            (None, None) => None,
        };
        let read = has_mood(&interaction).then(|| {
            let usual = usual_of(&interaction, writer);
            let influence = writer.and_then(|c| self.influence_of(c));
            (self.read(&interaction, usual), usual, influence)
        });
        if self.conversations.is_empty() && self.monitor.streams().next().is_none() {
            self.start_monitor(interaction.at)?;
        }
        let mut outcome = Outcome::Applied;
        let mut mood = None;
        if let Some((sentiment, usual, influence)) = read {
            mood = Some((Mood::of(&sentiment), usual));
            match self.monitor.observe(&interaction, &sentiment, influence) {
                Ok(raised) => alerts.extend(raised),
                Err(e) if matches!(e.kind(), ErrorKind::InvalidBucket { .. }) => {
                    outcome = Outcome::Late;
                }
                Err(e) => return Err(e),
            }
        }
        if let Some(newcomer) = newcomer {
            self.welcome(newcomer)?;
        }
        let post = profiled.map(|writer| {
            let post = Post {
                at: interaction.at,
                mood: mood.map(|(m, _)| m.compound),
                engagement: interaction.engagement,
            };
            (writer, post)
        });
        let conversation = self
            .conversations
            .entry(interaction.conversation.clone())
            .or_insert_with(|| {
                Thread::new(crate::model::Conversation::new(
                    interaction.conversation.clone(),
                ))
            });
        if reopen {
            conversation
                .record_status(StatusEvent::new(interaction.at, ConversationStatus::Open))?;
        }
        conversation.push(interaction)?;
        if let Some((mood, usual)) = mood {
            let last = conversation.interactions().len() - 1;
            conversation.keep(last, mood, usual);
        }
        self.revision.mark(conversation);
        if let Some((writer, post)) = post {
            self.note_post(&writer, post);
            changes.writers.insert(writer);
        }
        Ok(outcome)
    }

    /// The customer the desk makes for an author it does not know: the
    /// next free `new-N` id, named after the handle.
    fn newcomer(&self, handle: &Handle) -> Result<(u64, Customer)> {
        let mut n = self.next_newcomer.max(1);
        loop {
            let id = format!("new-{n}");
            if self.directory.canonical_id(&id).is_none() {
                // Named as the handle reads on its channel (`@jean`).
                let written = handle.to_string();
                let name = written.split_once(':').map_or(written.as_str(), |(_, h)| h);
                let customer =
                    Customer::new(&id, name)?.with_handle(handle.clone(), AudienceStats::default());
                return Ok((n, customer));
            }
            n = n.checked_add(1).ok_or(ErrorKind::DirectoryFull)?;
        }
    }

    /// Every id of the customers holding `ids` (their own and those merged
    /// into them), and `ids` themselves: what a change to those customers
    /// touches, found before the change (a merge or an erasure takes ids
    /// away).
    fn customer_ids(&self, ids: &[&CustomerId]) -> Vec<CustomerId> {
        let mut all: Vec<CustomerId> = ids.iter().map(|&id| id.clone()).collect();
        for id in ids {
            all.extend(self.directory.ids_with(id.as_str()));
        }
        all
    }

    /// Records that the call under way changed these customer ids: their
    /// directory entries, records and newcomer marks go in the next set of
    /// changes. Called once the change is made: a refused call changes
    /// nothing, not even the revision.
    fn mark_customers(&mut self, ids: Vec<CustomerId>) {
        let revision = self.revision.next();
        for id in ids {
            self.customers_changed.insert(id, revision);
        }
    }

    /// Puts a newcomer in the directory.
    fn welcome(&mut self, (n, customer): (u64, Customer)) -> Result<CustomerId> {
        let id = customer.id.clone();
        self.directory.insert(customer)?;
        self.mark_customers(vec![id.clone()]);
        self.provisional.insert(id.clone());
        self.next_newcomer = n.saturating_add(1);
        Ok(id)
    }

    fn take_status(&mut self, id: ConversationId, event: StatusEvent) -> Result<Outcome> {
        let Some(conversation) = self.conversations.get_mut(&id) else {
            if event.status != ConversationStatus::Open {
                return Err(ErrorKind::UnknownConversation { id: id.to_string() }.into());
            }
            let mut conversation = Thread::new(crate::model::Conversation::new(id.clone()));
            conversation.record_status(event)?;
            self.revision.mark(&mut conversation);
            self.conversations.insert(id, conversation);
            return Ok(Outcome::Applied);
        };
        let recorded = conversation
            .events()
            .iter()
            .any(|e| e.at == event.at && e.status == event.status);
        if recorded || conversation.status() == Some(event.status) {
            return Ok(Outcome::Duplicate);
        }
        let resolved = event.status.is_resolved();
        match conversation.first().map(|i| i.at) {
            // A conversation that began with a message was open from it.
            Some(opened)
                if conversation.events().is_empty() && event.status != ConversationStatus::Open =>
            {
                let mut next = conversation.clone();
                next.record_status(StatusEvent::new(
                    opened.min(event.at),
                    ConversationStatus::Open,
                ))?;
                next.record_status(event)?;
                *conversation = next;
            }
            _ => conversation.record_status(event)?,
        }
        self.revision.mark(conversation);
        if resolved {
            if let Some(agent) = self.holders.remove(&id) {
                self.config.roster.release(agent.as_str());
            }
        }
        Ok(Outcome::Applied)
    }

    fn take_assignment(
        &mut self,
        id: &ConversationId,
        agent: Option<AgentId>,
        at: Timestamp,
    ) -> Result<Outcome> {
        self.known_conversation(id)?;
        let history = self
            .handling
            .get(id)
            .map(|h| h.assignments.as_slice())
            .unwrap_or(&[]);
        if history.iter().any(|(t, a)| *t == at && *a == agent) {
            return Ok(Outcome::Duplicate);
        }
        if let Some((last, _)) = history.last().filter(|(t, _)| *t > at) {
            return Err(out_of_order("assignment", id, at, *last));
        }
        if let Some(a) = &agent {
            if self.config.roster.agent(a.as_str()).is_none() {
                return Err(ErrorKind::UnknownAgent { id: a.to_string() }.into());
            }
        }
        if self.holders.get(id) != agent.as_ref() {
            if let Some(old) = self.holders.remove(id) {
                self.config.roster.release(old.as_str());
            }
            if let Some(a) = &agent {
                self.config.roster.hold(a);
                self.holders.insert(id.clone(), a.clone());
            }
        }
        self.handling
            .entry(id.clone())
            .or_default()
            .assignments
            .push((at, agent));
        self.touch(id);
        Ok(Outcome::Applied)
    }

    fn take_priority(
        &mut self,
        id: ConversationId,
        priority: Priority,
        at: Timestamp,
    ) -> Result<Outcome> {
        self.known_conversation(&id)?;
        let history = self
            .handling
            .get(&id)
            .map(|h| h.priorities.as_slice())
            .unwrap_or(&[]);
        if history.contains(&(at, priority)) {
            return Ok(Outcome::Duplicate);
        }
        if let Some((last, _)) = history.last().filter(|(t, _)| *t > at) {
            return Err(out_of_order("priority change", &id, at, *last));
        }
        self.touch(&id);
        self.handling
            .entry(id)
            .or_default()
            .priorities
            .push((at, priority));
        Ok(Outcome::Applied)
    }

    fn take_customer(&mut self, mut customer: Customer, at: Timestamp) -> Result<Outcome> {
        let known = self.directory.get(customer.id.as_str());
        // The same record as before (not one merged into it).
        let previous = known.filter(|k| k.id == customer.id);
        // Consent decisions are history: a record from elsewhere adds its
        // own, it never takes one (a refusal above all) away.
        if let Some(previous) = previous {
            customer.consent.absorb(&previous.consent);
        }
        if known == Some(&customer)
            || self.written(&customer.id, at, None)
            || (known.is_none() && self.erased_since(at))
        {
            return Ok(Outcome::Duplicate);
        }
        // Newcomers who own one of its handles are this customer: found
        // before the upsert, merged after it.
        let mut absorbed: Vec<CustomerId> = Vec::new();
        for handle in customer.handles.keys() {
            let owners = match self.directory.resolve(handle) {
                Resolution::Customer(c) => vec![c],
                Resolution::Ambiguous(cs) => cs,
                _ => Vec::new(),
            };
            for c in owners {
                if c.id != customer.id
                    && self.provisional.contains(&c.id)
                    && !absorbed.contains(&c.id)
                {
                    absorbed.push(c.id.clone());
                }
            }
        }
        // The handles this record takes from the customer: a consent
        // decision taken through one of them stays theirs.
        let released: Vec<Handle> = previous
            .map(|k| {
                k.handles
                    .keys()
                    .filter(|h| customer.handles.get(h).is_none())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let keep = customer.id.clone();
        let ids: Vec<&CustomerId> = std::iter::once(&keep).chain(&absorbed).collect();
        let touched = self.customer_ids(&ids);
        self.directory.upsert(customer)?;
        if !released.is_empty() {
            let theirs = self.released.entry(keep.clone()).or_default();
            for handle in released {
                if !theirs.contains(&handle) {
                    theirs.push(handle);
                }
            }
        }
        self.mark_customers(touched);
        self.records
            .entry(keep.clone())
            .or_default()
            .push((at, None));
        self.provisional.remove(&keep);
        for id in absorbed {
            self.directory.merge(keep.as_str(), id.as_str())?;
            self.provisional.remove(&id);
            self.forget_profile(&id);
        }
        Ok(Outcome::Applied)
    }

    /// Whether an erasure was applied at or after `at`: a new customer
    /// record or consent decision from before it may be a second delivery
    /// for the customer it removed, and would bring them back.
    fn erased_since(&self, at: Timestamp) -> bool {
        self.erasures.last().is_some_and(|e| e.at >= at)
    }

    /// Whether this write (a record, or a handle) was applied to the
    /// customer at `at`.
    fn written(&self, id: &CustomerId, at: Timestamp, handle: Option<&Handle>) -> bool {
        self.records
            .get(id)
            .is_some_and(|w| w.iter().any(|(t, h)| *t == at && h.as_ref() == handle))
    }

    fn take_handle(
        &mut self,
        id: &CustomerId,
        handle: Handle,
        stats: AudienceStats,
        at: Timestamp,
    ) -> Result<Outcome> {
        let customer = self
            .directory
            .get(id.as_str())
            .ok_or_else(|| Error::from(ErrorKind::UnknownCustomer { id: id.to_string() }))?;
        if customer.handles.get(&handle) == Some(&stats) || self.written(id, at, Some(&handle)) {
            return Ok(Outcome::Duplicate);
        }
        let touched = self.customer_ids(&[id]);
        self.directory
            .add_handle(id.as_str(), handle.clone(), stats)?;
        self.mark_customers(touched);
        self.records
            .entry(id.clone())
            .or_default()
            .push((at, Some(handle)));
        Ok(Outcome::Applied)
    }

    fn take_merge(&mut self, keep: &CustomerId, absorb: &CustomerId) -> Result<Outcome> {
        let kept = self.directory.canonical_id(keep.as_str()).cloned();
        let absorbed = self.directory.canonical_id(absorb.as_str()).cloned();
        if kept.is_some() && kept == absorbed {
            return Ok(Outcome::Duplicate);
        }
        let touched = self.customer_ids(&[keep, absorb]);
        let report = self.directory.merge(keep.as_str(), absorb.as_str())?;
        self.mark_customers(touched);
        self.forget_profile(&report.absorbed.id);
        self.provisional.remove(&report.absorbed.id);
        Ok(Outcome::Applied)
    }

    /// The customer behind a handle, made if the directory does not know
    /// them (as for a message).
    fn customer_behind(&mut self, handle: &Handle) -> Result<CustomerId> {
        match self.directory.resolve(handle) {
            Resolution::Customer(c) => Ok(c.id.clone()),
            Resolution::Ambiguous(cs) => Err(ambiguous(handle, &cs)),
            _ => {
                let newcomer = self.newcomer(handle)?;
                self.welcome(newcomer)
            }
        }
    }

    fn take_consent(
        &mut self,
        handle: &Handle,
        purpose: Purpose,
        decision: Consented,
        at: Timestamp,
        source: Tag,
    ) -> Result<Outcome> {
        let taken = |c: &Customer| {
            c.consent.records().iter().any(|r| {
                r.at == at && r.purpose == purpose && r.decision == decision && r.source == source
            })
        };
        match self.directory.resolve(handle) {
            Resolution::Customer(c) if taken(c) => return Ok(Outcome::Duplicate),
            // Nobody owns the handle now: a customer record may have taken
            // it from the customer who has this decision.
            Resolution::Unknown => {
                let taken_by_one_it_left = self
                    .released
                    .iter()
                    .filter(|(_, handles)| handles.contains(handle))
                    .filter_map(|(id, _)| self.directory.get(id.as_str()))
                    .any(taken);
                if taken_by_one_it_left {
                    return Ok(Outcome::Duplicate);
                }
            }
            _ => {}
        }
        // A decision for a handle nobody owns, dated before the last
        // erasure, may be a second delivery for the customer it erased:
        // taking it would bring their handle back.
        if self.erased_since(at) && matches!(self.directory.resolve(handle), Resolution::Unknown) {
            return Ok(Outcome::Duplicate);
        }
        let id = self.customer_behind(handle)?;
        let Some(mut customer) = self.directory.get(id.as_str()).cloned() else {
            return Err(ErrorKind::UnknownCustomer { id: id.to_string() }.into());
        };
        customer.consent.record(purpose, decision, at, source);
        if customer.refused_profiling() {
            self.forget_profile(&customer.id);
        }
        let touched = self.customer_ids(&[&id]);
        self.directory.upsert(customer)?;
        self.mark_customers(touched);
        Ok(Outcome::Applied)
    }

    fn take_erasure(&mut self, handle: &Handle, at: Timestamp) -> Result<Outcome> {
        let customer = match self.directory.resolve(handle) {
            Resolution::Customer(c) => Some(c.id.clone()),
            Resolution::Ambiguous(cs) => return Err(ambiguous(handle, &cs)),
            _ => None,
        };
        let (handles, names) = match &customer {
            Some(id) => {
                // Every id that led to them: their own and those merged in.
                let touched = self.customer_ids(&[id]);
                let c = self.directory.erase(id.as_str())?;
                self.forget_profile(id);
                for led in &touched {
                    self.records.remove(led);
                    self.released.remove(led);
                }
                self.mark_customers(touched);
                self.provisional.remove(id);
                let mut handles: Vec<Handle> = c.handles.keys().cloned().collect();
                if !handles.contains(handle) {
                    handles.push(handle.clone());
                }
                (handles, vec![c.display_name.to_string()])
            }
            None => (vec![handle.clone()], Vec::new()),
        };
        // A record may have taken one of these handles from someone else:
        // the desk forgets it there too.
        let mut released_by: Vec<CustomerId> = Vec::new();
        self.released.retain(|id, taken| {
            let before = taken.len();
            taken.retain(|h| !handles.contains(h));
            if taken.len() < before {
                released_by.push(id.clone());
            }
            !taken.is_empty()
        });
        let forgot_released = !released_by.is_empty();
        if forgot_released {
            self.mark_customers(released_by);
        }
        let theirs = |h: &Handle| handles.contains(h);
        let scrub = Scrub::new(&handles, &names);
        let mut messages = 0u64;
        for conversation in self.conversations.values_mut() {
            let (n, rewritten) = conversation.erase(theirs, |text| scrub.apply(text));
            messages = messages.saturating_add(n as u64);
            if n + rewritten > 0 {
                self.revision.mark(conversation);
            }
            // Texts may have been rewritten (theirs emptied, their name
            // taken out of others'): the moods are scored again when next
            // needed.
            conversation.forget_moods();
        }
        let forgot = self.monitor.forget_authors(&theirs);
        if customer.is_none() && messages == 0 && !forgot && !forgot_released {
            return Ok(Outcome::Duplicate);
        }
        self.erasures.push(Erasure {
            at,
            record: customer.is_some(),
            messages,
        });
        let revision = self.revision.next();
        self.erasures_changed.push(revision);
        Ok(Outcome::Applied)
    }
}

fn out_of_order(what: &'static str, id: &ConversationId, at: Timestamp, last: Timestamp) -> Error {
    ErrorKind::OutOfOrder {
        what,
        id: id.to_string(),
        at,
        last,
    }
    .into()
}

fn ambiguous(handle: &Handle, owners: &[&Customer]) -> Error {
    ErrorKind::AmbiguousHandle {
        handle: handle.to_string(),
        owners: owners.iter().map(|c| c.id.to_string()).collect(),
    }
    .into()
}

/// Takes an erased customer's name and handles out of other messages
/// (replies that greet them, notes that name them): whole words, any case.
struct Scrub(Option<regex::Regex>, Vec<String>);

impl Scrub {
    fn new(handles: &[Handle], names: &[String]) -> Scrub {
        let mut words: Vec<String> = Vec::new();
        for name in names {
            words.push(name.clone());
            // Replies greet by first name.
            if let Some(first) = name.split_whitespace().next() {
                if first.chars().count() > 1 {
                    words.push(first.to_owned());
                }
            }
        }
        for handle in handles {
            words.push(handle.value().to_owned());
        }
        // Longest first, so a full name goes before its first word.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        words.retain(|w| !w.trim().is_empty());
        // A word boundary only where the word itself starts or ends with a
        // word character (`+33...` has none before it).
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let alternatives: Vec<String> = words
            .iter()
            .map(|w| {
                let start = if is_word(w.chars().next()) { r"\b" } else { "" };
                let end = if is_word(w.chars().last()) { r"\b" } else { "" };
                format!("{start}{}{end}", regex::escape(w))
            })
            .collect();
        if alternatives.is_empty() {
            return Scrub(None, words);
        }
        let pattern = format!("(?i)@?(?:{})", alternatives.join("|"));
        Scrub(regex::Regex::new(&pattern).ok(), words)
    }

    /// The text with the words replaced, if it held any.
    fn apply(&self, text: &str) -> Option<String> {
        match &self.0 {
            Some(re) => re
                .is_match(text)
                .then(|| re.replace_all(text, ERASED).into_owned()),
            // Names too long for a pattern: replaced as they are written.
            None => self.1.iter().any(|w| text.contains(w.as_str())).then(|| {
                self.1
                    .iter()
                    .fold(text.to_owned(), |t, w| t.replace(w.as_str(), ERASED))
            }),
        }
    }
}
