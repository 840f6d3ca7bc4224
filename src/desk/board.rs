//! The queue as events arrive: for every conversation waiting on the brand,
//! what triage needs of it, worked out when an event touches it rather than
//! each time the queue is read.
//!
//! An [`Entry`] keeps what only events change: the unanswered messages'
//! mood (each message scored once, when it arrives), since when and where
//! the customer waits, their profile, and the SLA clocks as they stood at
//! the conversation's latest instant. Reading the queue at a later "now"
//! only moves the running clocks forward: a clock that runs at that instant
//! keeps running until the next event, which recomputes the entry. A
//! reading at an earlier "now", on another day than the profiles were
//! worked out for, or of a conversation whose entry could not be computed,
//! takes the long way (everything from the conversation itself), so the
//! queue is always what [`Desk::queue`](super::Desk::queue) documents.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::moods::{has_mood, Mood, Thread, Unanswered};
use super::{Calls, Desk};
use crate::model::{
    Channel, Conversation, ConversationId, ConversationStatus, Customer, CustomerId, Direction,
    KeyedMap, Visibility,
};
use crate::sla::{BusinessCalendar, ClockStatus, ConversationSla, Hours, Place};
use crate::triage::{score, Signals, SlaUrgency, Triaged};
use crate::Result;

/// What changed since the entries were last brought up to date.
#[derive(Debug, Default)]
pub(super) struct Changes {
    /// Conversations that received an event.
    pub(super) conversations: BTreeSet<ConversationId>,
    /// Customers whose record, handles or consent changed: their
    /// conversations' context and profile may differ.
    pub(super) customers: BTreeSet<CustomerId>,
    /// Customers who wrote (noted as their messages are taken): their
    /// profile moved, and so may the triage of their other waiting
    /// conversations.
    pub(super) writers: BTreeSet<CustomerId>,
    /// Whether who is behind a handle may have changed (a record, a handle
    /// or a merge): conversations of unknown authors and newcomers are
    /// looked at again.
    pub(super) authors: bool,
    /// Something that reaches every conversation (an erasure rewrites
    /// texts): everything is worked out again.
    pub(super) everything: bool,
}

/// The entries of every conversation waiting on the brand.
#[derive(Debug, Clone, Default)]
pub(super) struct Board {
    entries: Entries,
    /// Waiting conversations whose entry could not be worked out (an SLA
    /// instant outside the calendar): the queue takes the long way for them
    /// and reports the error as it would have.
    unsettled: BTreeSet<ConversationId>,
    /// The desk's date the profiles were worked out for.
    day: Option<Date>,
    /// The influence of each customer with a profiled entry.
    influences: Influences,
}

/// The current influence of each customer who has an entry, by slot: an
/// entry reads its customer's when the queue is read, so that a message
/// which moves a customer's profile moves all their entries at once.
#[derive(Debug, Clone, Default)]
struct Influences {
    of: Vec<f64>,
    slot: KeyedMap<CustomerId, u32>,
}

impl Influences {
    /// The slot of `customer`, now at `influence`.
    fn put(&mut self, customer: &CustomerId, influence: f64) -> u32 {
        match self.slot.get(customer) {
            Some(&slot) => {
                self.of[slot as usize] = influence;
                slot
            }
            None => {
                let slot = u32::try_from(self.of.len()).unwrap_or(u32::MAX);
                if slot < u32::MAX {
                    self.of.push(influence);
                    self.slot.insert(customer.clone(), slot);
                }
                slot
            }
        }
    }

    /// The slot of an entry's customer, if triage reads their influence.
    fn of_entry(&mut self, desk: &Desk, entry: &Entry) -> Option<u32> {
        let customer = entry.customer.as_ref().filter(|_| entry.profiled)?;
        Some(self.put(customer, desk.influence_in_triage(customer)))
    }

    /// Moves the influence of `customer`, if they have a slot.
    fn update(&mut self, customer: &CustomerId, influence: f64) {
        if let Some(&slot) = self.slot.get(customer) {
            self.of[slot as usize] = influence;
        }
    }

    fn get(&self, slot: u32) -> Option<f64> {
        self.of.get(slot as usize).copied()
    }
}

/// The entries, by conversation. They sit side by side in a vector, which
/// the queue reads from end to end; a map finds an entry by id (seeded
/// hashing: ids come from outside, some of them, e-mail references, chosen
/// by whoever writes).
#[derive(Debug, Clone, Default)]
struct Entries {
    all: Vec<(ConversationId, Entry)>,
    at: KeyedMap<ConversationId, usize>,
}

impl Entries {
    fn len(&self) -> usize {
        self.all.len()
    }

    fn iter(&self) -> impl Iterator<Item = (&ConversationId, &Entry)> {
        self.all.iter().map(|(id, entry)| (id, entry))
    }

    fn values_mut(&mut self) -> impl Iterator<Item = &mut Entry> {
        self.all.iter_mut().map(|(_, entry)| entry)
    }

    fn insert(&mut self, id: ConversationId, entry: Entry) {
        match self.at.get(&id) {
            Some(&k) => self.all[k].1 = entry,
            None => {
                self.at.insert(id.clone(), self.all.len());
                self.all.push((id, entry));
            }
        }
    }

    fn remove(&mut self, id: &ConversationId) -> Option<Entry> {
        let k = self.at.remove(id)?;
        let (_, entry) = self.all.swap_remove(k);
        // The last entry took the removed one's place.
        if let Some((moved, _)) = self.all.get(k) {
            self.at.insert(moved.clone(), k);
        }
        Some(entry)
    }
}

/// One waiting conversation, as triage needs it.
#[derive(Debug, Clone)]
struct Entry {
    /// Index of the first unanswered customer message.
    first: usize,
    /// The interactions scored so far: `first..scored`.
    scored: usize,
    /// What those say together: the most negative, and whether one calls
    /// for a senior agent.
    unanswered: Unanswered,
    since: Timestamp,
    visibility: Visibility,
    /// Triage's figures but for the SLA and the crisis, which move with
    /// time.
    signals: Signals,
    /// The channel of the conversation's first interaction, whose crisis
    /// stream counts.
    channel: Option<Channel>,
    customer: Option<CustomerId>,
    /// Whether triage reads the customer's influence (they have a record
    /// and did not refuse profiling), and where it is kept.
    profiled: bool,
    influence: Option<u32>,
    /// The desk's date the profile was worked out for (persona rules read
    /// ages).
    day: Date,
    clocks: Clocks,
}

/// The most clocks that run at once: a first or next response, a periodic
/// update and a resolution cycle.
const RUNNING: usize = 4;

/// The SLA clocks at `as_of`, the conversation's latest instant: those that
/// stopped or stand paused no longer move; the running ones move with time.
/// They are kept inline: the queue reads every entry, one after the other.
#[derive(Debug, Clone)]
struct Clocks {
    as_of: Timestamp,
    /// `as_of` in the desk calendar's business time, when a running clock
    /// counts business hours.
    place: Option<Place>,
    running: [Running; RUNNING],
    /// How many of `running` run.
    count: usize,
    /// The largest share used of a paused, breached clock.
    used: f64,
    /// Whether a clock that no longer moves is breached.
    breached: bool,
}

#[derive(Debug, Clone, Copy)]
struct Running {
    elapsed: SignedDuration,
    within: SignedDuration,
    hours: Hours,
}

/// The share of a target used, as [`SlaUrgency::of`] reckons it.
fn share(elapsed: SignedDuration, within: SignedDuration) -> f64 {
    let target = within.as_secs_f64();
    if target > 0.0 {
        elapsed.as_secs_f64() / target
    } else {
        1.0
    }
}

impl Clocks {
    /// The clocks of an evaluation at `as_of`, when the conversation's
    /// status is `status`.
    /// # Errors
    ///
    /// [`crate::ErrorKind::TooLarge`] if more clocks run than an entry
    /// keeps; as [`BusinessCalendar::place`].
    fn of(
        sla: &ConversationSla,
        status: Option<ConversationStatus>,
        as_of: Timestamp,
        calendar: &BusinessCalendar,
    ) -> Result<Clocks> {
        let idle = Running {
            elapsed: SignedDuration::ZERO,
            within: SignedDuration::ZERO,
            hours: Hours::Calendar,
        };
        let mut clocks = Clocks {
            as_of,
            place: None,
            running: [idle; RUNNING],
            count: 0,
            used: 0.0,
            breached: false,
        };
        for clock in &sla.clocks {
            let paused = status.is_some_and(|s| clock.target.pausing_statuses().contains(&s));
            if clock.stopped.is_none() && !paused {
                let slot = clocks.running.get_mut(clocks.count).ok_or_else(|| {
                    crate::Error::from(crate::ErrorKind::TooLarge {
                        what: "running SLA clocks of one conversation",
                        size: sla.clocks.len() as u64,
                        limit: RUNNING as u64,
                    })
                })?;
                *slot = Running {
                    elapsed: clock.elapsed,
                    within: clock.target.within(),
                    hours: clock.target.hours(),
                };
                clocks.count += 1;
                continue;
            }
            clocks.breached |= clock.status == ClockStatus::Breached;
            if clock.stopped.is_none() && clock.status != ClockStatus::Paused {
                clocks.used = clocks.used.max(share(clock.elapsed, clock.target.within()));
            }
        }
        let business = clocks.running[..clocks.count]
            .iter()
            .any(|c| c.hours == Hours::Business);
        if business {
            clocks.place = Some(calendar.place(as_of)?);
        }
        Ok(clocks)
    }

    /// The urgency at `now`, not before `as_of`.
    fn at(&self, now: &mut Now<'_>) -> Result<SlaUrgency> {
        let mut used = self.used;
        let mut breached = self.breached;
        let mut business = None;
        for clock in &self.running[..self.count] {
            let more = match (clock.hours, business) {
                (Hours::Business, Some(d)) => d,
                (Hours::Business, None) => {
                    let d = match self.place {
                        Some(place) => now.calendar.between_places(place, now.place()?),
                        None => now.calendar.between(self.as_of, now.at)?,
                    };
                    *business.insert(d)
                }
                (Hours::Calendar, _) => now.at.duration_since(self.as_of),
            };
            let elapsed = clock.elapsed + more;
            used = used.max(share(elapsed, clock.within));
            breached |= !(clock.within - elapsed).is_positive();
        }
        Ok(SlaUrgency::new(used, breached))
    }
}

/// "Now" for a whole queue, with its place in the desk calendar's business
/// time worked out once.
struct Now<'c> {
    at: Timestamp,
    calendar: &'c BusinessCalendar,
    place: Option<Place>,
}

impl Now<'_> {
    fn place(&mut self) -> Result<Place> {
        match self.place {
            Some(place) => Ok(place),
            None => Ok(*self.place.insert(self.calendar.place(self.at)?)),
        }
    }
}

/// The conversation's latest instant: its last interaction or status.
fn latest(conversation: &Conversation) -> Option<Timestamp> {
    let message = conversation.interactions().iter().map(|i| i.at).max();
    let status = conversation.events().last().map(|e| e.at);
    message.max(status)
}

/// Index of the first customer message since the desk's last reply.
pub(super) fn first_unanswered(conversation: &Conversation) -> Option<usize> {
    let messages = conversation.interactions();
    let after = messages
        .iter()
        .rposition(|i| i.direction == Direction::Outbound)
        .map_or(0, |p| p + 1);
    messages[after..]
        .iter()
        .position(|i| i.direction == Direction::Inbound)
        .map(|k| after + k)
}

impl Board {
    /// The entries of every waiting conversation, for a queue read at `now`.
    pub(super) fn build(desk: &Desk, now: Timestamp) -> Board {
        let mut board = Board {
            day: Some(desk.today(now)),
            ..Board::default()
        };
        for conversation in desk.conversations.values() {
            board.settle(desk, conversation, now, false);
        }
        board
    }

    /// Brings the entries up to date after events applied at `now`.
    pub(super) fn update(&mut self, desk: &Desk, changes: &Changes, now: Timestamp) {
        let today = desk.today(now);
        if changes.everything {
            *self = Board::build(desk, now);
            return;
        }
        let touched: BTreeSet<&ConversationId> = changes.conversations.iter().collect();
        // A message moves its writer's influence, read by the queue from
        // one place for all their entries.
        for writer in &changes.writers {
            self.influences
                .update(writer, desk.influence_in_triage(writer));
        }
        // A customer's record may change the language their messages are
        // read in: their entries score their messages again.
        let mut rescored: BTreeSet<&ConversationId> = BTreeSet::new();
        if !changes.customers.is_empty() || changes.authors {
            let provisional = &desk.provisional;
            for (id, entry) in self.entries.iter() {
                let reached = match &entry.customer {
                    Some(c) => {
                        changes.customers.contains(c)
                            || (changes.authors && provisional.contains(c))
                    }
                    None => changes.authors,
                };
                if reached {
                    rescored.insert(id);
                }
            }
            if changes.authors {
                rescored.extend(self.unsettled.iter());
            }
        }
        let touched: Vec<(ConversationId, bool)> = touched
            .iter()
            .filter(|id| !rescored.contains(*id))
            .map(|&id| (id.clone(), true))
            .chain(rescored.iter().map(|&id| (id.clone(), false)))
            .collect();
        for (id, reuse) in touched {
            match desk.conversations.get(&id) {
                Some(conversation) => self.settle(desk, conversation, now, reuse),
                None => {
                    self.entries.remove(&id);
                    self.unsettled.remove(&id);
                }
            }
        }
        if self.day != Some(today) {
            // A new day: persona rules may read new ages.
            self.refresh_profiles(desk, today);
        }
    }

    /// Works the profiles out again (after a profile refresh, or on a new
    /// day).
    pub(super) fn refresh_profiles(&mut self, desk: &Desk, today: Date) {
        for entry in self.entries.values_mut() {
            let customer = entry
                .customer
                .as_ref()
                .and_then(|c| desk.directory.get(c.as_str()));
            entry.signals = signals(
                desk,
                customer,
                today,
                entry.visibility,
                entry.unanswered.worst,
            );
            entry.day = today;
        }
        for (customer, &slot) in &self.influences.slot {
            self.influences.of[slot as usize] = desk.influence_in_triage(customer);
        }
        self.day = Some(today);
    }

    /// Works out the entry of one conversation after events at `now`,
    /// keeping the moods already scored when `reuse` allows.
    fn settle(&mut self, desk: &Desk, conversation: &Thread, now: Timestamp, reuse: bool) {
        let id = conversation.id();
        // The old entry goes whatever comes next: a conversation no longer
        // waiting has none (kept, a conversation solved while its author's
        // record changed stayed in the queue).
        let previous = self.entries.remove(id).filter(|_| reuse);
        self.unsettled.remove(id);
        if !conversation.is_waiting_on_brand() {
            return;
        }
        let Some(first) = first_unanswered(conversation) else {
            return;
        };
        match Entry::of(desk, conversation, first, previous, now) {
            Ok(mut entry) => {
                entry.influence = self.influences.of_entry(desk, &entry);
                self.entries.insert(id.clone(), entry);
            }
            Err(_) => {
                self.unsettled.insert(id.clone());
            }
        }
    }

    /// The queue at `now`, each conversation with what its unanswered
    /// messages call for.
    pub(super) fn queue(&self, desk: &Desk, now: Timestamp) -> Result<(Vec<Triaged>, Vec<Calls>)> {
        let weights = &desk.config.weights;
        weights.check()?;
        let today = desk.today(now);
        let mut at = Now {
            at: now,
            calendar: &desk.config.calendar,
            place: None,
        };
        let mut crisis = Crisis::new(desk);
        // Each conversation explained once, with whether it complains; then
        // put in the queue's order where it stands, so that a reading of a
        // large queue writes its items once (fresh memory costs more than
        // moving them).
        let capacity = self.entries.len() + self.unsettled.len();
        let mut queue: Vec<Triaged> = Vec::with_capacity(capacity);
        let mut calls: Vec<Calls> = Vec::with_capacity(capacity);
        let the_long_way =
            |id: &ConversationId, queue: &mut Vec<Triaged>, calls: &mut Vec<Calls>| -> Result<()> {
                if let Some((waiting, call)) = desk.waiting_item_of(id, now)? {
                    queue.push(score(&waiting, weights));
                    calls.push(call);
                }
                Ok(())
            };
        for (id, entry) in self.entries.iter() {
            if entry.clocks.as_of > now || entry.day != today {
                the_long_way(id, &mut queue, &mut calls)?;
                continue;
            }
            let mut signals = entry.signals;
            if let Some(influence) = entry.influence.and_then(|k| self.influences.get(k)) {
                signals = signals.with_influence(influence);
            }
            signals.sla = Some(entry.clocks.at(&mut at)?);
            signals.crisis = crisis.on(entry.channel.as_ref());
            queue.push(signals.explain(id.clone(), entry.since, weights));
            calls.push(entry.unanswered.calls());
        }
        for id in &self.unsettled {
            the_long_way(id, &mut queue, &mut calls)?;
        }
        // The order is found on small keys, the first bytes of the ids
        // settling most ties without reading the ids.
        let mut keys: Vec<Key> = queue
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let mut prefix = [0; 16];
                let bytes = t.conversation.as_str().as_bytes();
                let n = bytes.len().min(16);
                prefix[..n].copy_from_slice(&bytes[..n]);
                Key {
                    score: t.score,
                    since: t.since,
                    prefix: u128::from_be_bytes(prefix),
                    at: k,
                }
            })
            .collect();
        // The order of `in_queue_order`, with the prefix before the id.
        keys.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.since.cmp(&b.since))
                .then(a.prefix.cmp(&b.prefix))
                .then_with(|| queue[a.at].conversation.cmp(&queue[b.at].conversation))
        });
        let mut order: Vec<usize> = keys.into_iter().map(|key| key.at).collect();
        permute(&mut queue, &mut calls, &mut order);
        Ok((queue, calls))
    }
}

/// Puts the item at `order[k]` in place `k`, for every `k`, in both lists:
/// each cycle of the permutation is followed once, swapping along it.
/// `order` is used up (every place ends pointing at itself).
fn permute<T, F>(items: &mut [T], flags: &mut [F], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut place = start;
        while order[place] != start {
            let from = order[place];
            items.swap(place, from);
            flags.swap(place, from);
            order[place] = place;
            place = from;
        }
        order[place] = place;
    }
}

/// Where a conversation goes in the queue: its score, since when it
/// waits, then its id (the first sixteen bytes as a number, ordered as the
/// bytes are, then the whole id), and its place among the items.
struct Key {
    score: f64,
    since: Timestamp,
    prefix: u128,
    at: usize,
}

impl Entry {
    fn of(
        desk: &Desk,
        conversation: &Thread,
        first: usize,
        previous: Option<Entry>,
        now: Timestamp,
    ) -> Result<Entry> {
        let messages = conversation.interactions();
        // The moods scored before, when the same messages still wait.
        let (mut unanswered, start) = match previous {
            Some(p) if p.first == first && p.scored <= messages.len() => (p.unanswered, p.scored),
            _ => (Unanswered::default(), first),
        };
        for (k, message) in messages.iter().enumerate().skip(start) {
            if !has_mood(message) {
                continue;
            }
            unanswered.add(desk.mood_at(conversation, k));
        }
        let opener = &messages[first];
        let customer = desk.customer_of(opener);
        let as_of = latest(conversation).map_or(now, |t| t.max(now));
        let sla = desk.sla_of(conversation, customer, as_of)?;
        let status = conversation.events().last().map(|e| e.status);
        let today = desk.today(now);
        Ok(Entry {
            first,
            scored: messages.len(),
            unanswered,
            since: opener.at,
            visibility: opener.visibility,
            signals: signals(desk, customer, today, opener.visibility, unanswered.worst),
            channel: conversation.first().map(|i| i.channel.clone()),
            customer: customer.map(|c| c.id.clone()),
            profiled: customer.is_some_and(|c| !c.refused_profiling()),
            influence: None,
            day: today,
            clocks: Clocks::of(&sla, status, as_of, &desk.config.calendar)?,
        })
    }
}

/// Triage's figures of a waiting conversation but for the SLA and the
/// crisis.
fn signals(
    desk: &Desk,
    customer: Option<&Customer>,
    today: Date,
    visibility: Visibility,
    worst: Option<Mood>,
) -> Signals {
    let mood = worst.map_or((0.0, 0.0), |m| ((-m.compound).max(0.0), m.intensity));
    let roles = customer.map(|c| &c.roles);
    Signals::new(
        mood,
        &desk.profile(customer, today),
        roles.unwrap_or(&BTreeSet::new()),
        visibility,
    )
}

/// Whether a crisis is active on the brand or a channel, read once per
/// channel for a whole queue.
struct Crisis<'d> {
    desk: &'d Desk,
    all: bool,
    channels: Vec<(Channel, bool)>,
}

impl<'d> Crisis<'d> {
    fn new(desk: &'d Desk) -> Crisis<'d> {
        Crisis {
            desk,
            all: desk.alerting(&crate::crisis::StreamKey::All),
            channels: Vec::new(),
        }
    }

    fn on(&mut self, channel: Option<&Channel>) -> bool {
        let Some(channel) = channel else {
            return self.all;
        };
        if self.all {
            return true;
        }
        if let Some((_, on)) = self.channels.iter().find(|(c, _)| c == channel) {
            return *on;
        }
        let on = self
            .desk
            .alerting(&crate::crisis::StreamKey::Channel(channel.clone()));
        self.channels.push((channel.clone(), on));
        on
    }
}

#[cfg(all(test, feature = "tzdb-bundled"))]
mod tests {
    use super::*;
    use crate::desk::{DeskConfig, Event};
    use crate::model::{Decision as Consented, Purpose};
    use crate::triage::{triage, Triaged};

    /// The queue worked out from the conversations alone, as it was before
    /// the board.
    fn the_long_way(desk: &Desk, now: Timestamp) -> Vec<Triaged> {
        let waiting = desk
            .conversations
            .values()
            .filter_map(|c| desk.waiting_item(c, now).unwrap())
            .map(|(w, _)| w)
            .collect();
        triage(waiting, &desk.config.weights).unwrap()
    }

    fn check(desk: &Desk, now: Timestamp) {
        // The long way reads the kept moods too: each must be the mood the
        // message has now, in the language it would be read in now.
        for conversation in desk.conversations.values() {
            for (k, message) in conversation.interactions().iter().enumerate() {
                if has_mood(message) {
                    let fresh = Mood::of(&desk.mood_of(message));
                    assert_eq!(desk.mood_at(conversation, k), fresh, "{}", message.id);
                }
            }
        }
        for later in [-3_600, 0, 600, 3 * 3_600, 86_400, 3 * 86_400] {
            let at = now + SignedDuration::from_secs(later);
            assert_eq!(desk.queue(at).unwrap(), the_long_way(desk, at), "at {at}");
        }
    }

    /// The profiles a refresh keeps are those of every message scored
    /// afresh.
    fn check_profiles(desk: &Desk, now: Timestamp) {
        let from = now - super::super::PROFILE_WINDOW;
        let interactions: Vec<&crate::Interaction> = desk
            .conversations
            .values()
            .flat_map(|c| c.interactions())
            .collect();
        let fresh = crate::influence::rank_customers(
            &desk.directory,
            &interactions,
            &desk.config.brand_handles,
            from,
            now,
            &crate::sentiment::Analyzer::default(),
            &crate::influence::RankOptions::default(),
        )
        .unwrap();
        let mut detractors = 0;
        for outcome in &fresh.outcomes {
            if let crate::influence::InfluenceOutcome::Scored(c) = outcome {
                let detractor = c.stance.stance == crate::influence::Stance::Detractor;
                detractors += usize::from(detractor);
                match desk.profiles.get(&c.customer) {
                    Some(super::super::Known::Scored(kept)) => {
                        assert_eq!(
                            (kept.influence, kept.detractor),
                            (c.influence.score, detractor),
                            "{}",
                            c.customer
                        );
                    }
                    other => panic!("{}: {other:?}", c.customer),
                }
            }
        }
        assert!(detractors > 0, "the sample week has detractors");
        assert_eq!(desk.profiles.iter().count(), fresh.outcomes.len());
    }

    /// The sample week's desk, every event applied.
    fn sample_desk() -> (crate::sample::SampleWeek, Desk) {
        let week = crate::sample::week();
        let mut desk = Desk::new(
            DeskConfig::sample(&week).unwrap(),
            week.directory().unwrap(),
        );
        desk.apply_all(week.events(), week.now);
        (week, desk)
    }

    /// The first queued conversation whose writer the directory knows, and
    /// their record (the queue is read, so the desk keeps its board).
    fn first_known_writer(desk: &Desk, now: Timestamp) -> (ConversationId, Customer) {
        desk.queue(now)
            .unwrap()
            .iter()
            .find_map(|t| {
                let thread = &desk.conversations[&t.conversation];
                let writer = desk.customer_of_conversation(thread)?.clone();
                Some((t.conversation.clone(), writer))
            })
            .unwrap()
    }

    /// A customer writing in a conversation someone else opened moves
    /// their own profile: their other waiting conversations, which no event
    /// touched, are read with it.
    #[test]
    fn a_message_moves_its_writers_other_entries() {
        let (week, mut desk) = sample_desk();
        let queue = desk.queue(week.now).unwrap();
        let opener = |id: &ConversationId| {
            let thread = &desk.conversations[id];
            let customer = desk.customer_of_conversation(thread).map(|c| c.id.clone());
            let handle = thread.first().and_then(|i| i.customer_handle().cloned());
            (customer, handle)
        };
        let openers: Vec<_> = queue.iter().map(|t| opener(&t.conversation)).collect();
        // A conversation of X, and one of somebody else.
        let (x, other) = (0..queue.len())
            .find_map(|a| {
                let b = (0..queue.len())
                    .find(|&b| openers[b].0.is_some() && openers[b].0 != openers[a].0)?;
                (openers[a].0.is_some() && openers[a].1.is_some()).then_some((a, b))
            })
            .unwrap();
        let handle = openers[x].1.clone().unwrap();
        let message = crate::Interaction::inbound(
            "elsewhere-1".parse().unwrap(),
            queue[other].conversation.clone(),
            handle,
            week.now,
            "Still nothing, this is unacceptable",
        );
        desk.apply(Event::Interaction(message), week.now);
        check(&desk, week.now);
    }

    /// A new record that takes a writer's handle leaves the handle shared:
    /// their waiting conversations lose their known author (no profile,
    /// no roles), though no event touched them; and the record that gives
    /// it up again gives it back (found by the `desk` fuzz target: the
    /// restored desk queued differently).
    #[test]
    fn a_record_that_takes_or_drops_a_writers_handle_moves_their_entries() {
        let (week, mut desk) = sample_desk();
        let (conversation, _) = first_known_writer(&desk, week.now);
        let handle = desk.conversations[&conversation]
            .first()
            .and_then(|i| i.customer_handle().cloned())
            .unwrap();
        let twin = Customer::new("c-twin", "Twin").unwrap();
        desk.apply(
            Event::Customer {
                customer: twin.clone().with_handle(handle.clone(), Default::default()),
                at: week.now,
            },
            week.now,
        );
        assert!(desk.directory.resolve(&handle).customer().is_none());
        check(&desk, week.now);
        let later = week.now + SignedDuration::from_mins(1);
        desk.apply(
            Event::Customer {
                customer: twin,
                at: later,
            },
            later,
        );
        assert!(desk.directory.resolve(&handle).customer().is_some());
        check(&desk, later);
    }

    /// A merge named by an id its writer was merged under before moves
    /// their entries (found by the `desk` fuzz target: a newcomer's id,
    /// once that newcomer was merged into a customer record, merged that
    /// record into another customer; the kept queue still scored the
    /// conversation with the first record).
    #[test]
    fn a_merge_named_by_an_old_id_moves_the_writers_entries() {
        let (week, mut desk) = sample_desk();
        let writer = first_known_writer(&desk, week.now).1.id;
        let other = |desk: &Desk, not: &[&CustomerId]| {
            desk.directory
                .sorted()
                .into_iter()
                .map(|c| c.id.clone())
                .find(|id| !not.contains(&id))
                .unwrap()
        };
        // An old id of the writer: a record merged into theirs.
        let old = other(&desk, &[&writer]);
        let merge = |keep: &CustomerId, absorb: &CustomerId| Event::Merge {
            keep: keep.clone(),
            absorb: absorb.clone(),
            at: week.now,
        };
        desk.apply(merge(&writer, &old), week.now);
        check(&desk, week.now);
        // The writer's record, merged into another under that old id.
        let keep = other(&desk, &[&writer, &old]);
        desk.apply(merge(&keep, &old), week.now);
        assert_eq!(desk.directory.canonical_id(writer.as_str()), Some(&keep));
        check(&desk, week.now);
    }

    /// Sample desk whose queue was read, with a waiting message by a handle
    /// nobody holds any more: a record took it (and the newcomer its
    /// message made), then an update of the record gave it up. Returns the
    /// desk, the handle and the time of the last event.
    fn message_of_a_released_handle() -> (Desk, crate::Handle, Timestamp) {
        let (week, mut desk) = sample_desk();
        desk.queue(week.now).unwrap();
        let handle = crate::Handle::new(Channel::Twitter, "@just_arrived").unwrap();
        let message = crate::Interaction::inbound(
            "arrival-1".parse().unwrap(),
            "arrival".parse().unwrap(),
            handle.clone(),
            week.now,
            "Still nothing, this is unacceptable",
        );
        desk.apply(Event::Interaction(message), week.now);
        let record = Customer::new("c-arrival", "Arrival").unwrap();
        let holding = record
            .clone()
            .with_handle(handle.clone(), Default::default());
        let mut at = week.now;
        for (customer, minutes) in [(holding, 1), (record, 2)] {
            at = week.now + SignedDuration::from_mins(minutes);
            desk.apply(Event::Customer { customer, at }, at);
        }
        assert!(desk.directory.resolve(&handle).customer().is_none());
        (desk, handle, at)
    }

    /// A consent decision for a handle nobody holds makes its holder a
    /// newcomer, who becomes the author of the handle's waiting messages
    /// (found by the `desk` fuzz target: the kept queue still scored the
    /// conversation as written by nobody known, a desk read back from
    /// storage with the newcomer's influence).
    #[test]
    fn a_consent_that_brings_a_newcomer_moves_their_entries() {
        let (mut desk, handle, at) = message_of_a_released_handle();
        let at = at + SignedDuration::from_mins(1);
        desk.apply(
            Event::Consent {
                handle: handle.clone(),
                purpose: Purpose::Contact,
                decision: Consented::Granted,
                source: None,
                at,
            },
            at,
        );
        assert!(desk.directory.resolve(&handle).customer().is_some());
        desk.refresh_profiles(at).unwrap();
        check(&desk, at);
    }

    /// So does a new message by that handle, elsewhere: its newcomer
    /// writes the first one too.
    #[test]
    fn a_message_that_brings_a_newcomer_moves_their_entries() {
        let (mut desk, handle, at) = message_of_a_released_handle();
        let at = at + SignedDuration::from_mins(1);
        let message = crate::Interaction::inbound(
            "arrival-2".parse().unwrap(),
            "arrival-again".parse().unwrap(),
            handle.clone(),
            at,
            "Hello? Anyone?",
        );
        desk.apply(Event::Interaction(message), at);
        assert!(desk.directory.resolve(&handle).customer().is_some());
        check(&desk, at);
        desk.refresh_profiles(at).unwrap();
        check(&desk, at);
    }

    /// A conversation solved in the batch that also changes its writer's
    /// record leaves the queue (found by the `desk` fuzz target: it stayed,
    /// and the restored desk queued differently).
    #[test]
    fn a_conversation_solved_as_its_writers_record_changes_leaves_the_queue() {
        let (week, mut desk) = sample_desk();
        let (conversation, mut writer) = first_known_writer(&desk, week.now);
        writer.roles.insert(crate::Role::Journalist);
        desk.apply_all(
            [
                Event::Status {
                    conversation: conversation.clone(),
                    status: crate::ConversationStatus::Solved,
                    at: week.now,
                    by: None,
                },
                Event::Customer {
                    customer: writer,
                    at: week.now,
                },
            ],
            week.now,
        );
        let queue = desk.queue(week.now).unwrap();
        assert!(queue.iter().all(|t| t.conversation != conversation));
        check(&desk, week.now);
    }

    #[test]
    fn the_kept_queue_is_the_queue_worked_out_from_scratch() {
        let week = crate::sample::week();
        for batch in [1, 9, 64] {
            let mut desk = Desk::new(
                DeskConfig::sample(&week).unwrap(),
                week.directory().unwrap(),
            );
            let mut events = week.events();
            // Half the messages come without a language, so that some are
            // read in their author's recorded one.
            for (k, event) in events.iter_mut().enumerate() {
                if let (Event::Interaction(i), 0) = (event, k % 2) {
                    i.language = None;
                }
            }
            // Customer events among the messages: a record that changes
            // roles (the SLA policy may follow) and language (the messages
            // are read again), a refusal of profiling, an erasure.
            let directory = week.directory().unwrap();
            let authors: Vec<_> = week
                .interactions()
                .into_iter()
                .filter_map(|i| i.customer_handle().cloned())
                .collect();
            let owner = |k: usize| match directory.resolve(&authors[k]) {
                crate::directory::Resolution::Customer(c) => c.clone(),
                _ => panic!("the sample's authors are known"),
            };
            let mut promoted = owner(0);
            promoted.roles.insert(crate::Role::Journalist);
            promoted.language = match promoted.language {
                Some(crate::Language::ENGLISH) => Some(crate::Language::FRENCH),
                _ => Some(crate::Language::ENGLISH),
            };
            let middle = events[events.len() / 2].at();
            let late = events[events.len() * 3 / 4].at();
            // A word English and French both read, each with its own weight,
            // with no language given: its mood follows the record.
            let early = events[events.len() / 4].at();
            events.push(Event::Interaction(crate::Interaction::inbound(
                "unclear-1".parse().unwrap(),
                "unclear".parse().unwrap(),
                authors[0].clone(),
                early,
                "terrible",
            )));
            events.push(Event::Customer {
                customer: promoted,
                at: middle,
            });
            events.push(Event::Consent {
                handle: authors[5].clone(),
                purpose: Purpose::Profiling,
                decision: Consented::Refused,
                source: None,
                at: middle,
            });
            events.push(Event::Erasure {
                handle: authors[11].clone(),
                at: late,
            });
            events.sort_by_key(Event::at);
            // The first reading builds the board; later ones keep it.
            for chunk in events.chunks(batch) {
                let now = chunk.last().unwrap().at();
                desk.apply_all(chunk.to_vec(), now);
                check(&desk, now);
            }
            // A refresh days later reads only the threads with messages in
            // its week, and finds the same profiles as reading them all.
            let later = week.now + SignedDuration::from_hours(24 * 4);
            desk.refresh_profiles(later).unwrap();
            check_profiles(&desk, later);
            desk.refresh_profiles(week.now).unwrap();
            check_profiles(&desk, week.now);
            // Every customer message of the week now has its mood kept,
            // read in the language it would be read in now.
            for thread in desk.conversations.values() {
                for (k, message) in thread.interactions().iter().enumerate() {
                    let usual = desk.usual_language(message);
                    assert_eq!(thread.mood(k, usual).is_some(), has_mood(message));
                }
            }
            check(&desk, week.now);
            // More messages on waiting conversations, one by one: each is
            // scored once, and the most negative still leads.
            let waiting: Vec<ConversationId> = desk
                .queue(week.now)
                .unwrap()
                .into_iter()
                .take(4)
                .map(|t| t.conversation)
                .collect();
            let texts = [
                "Thanks a lot, that is great news!",
                "This is terrible, still broken and nobody answers.",
                "ok",
            ];
            for (k, text) in texts.iter().enumerate() {
                for id in &waiting {
                    let conversation = &desk.conversations[id];
                    let author = conversation.interactions()[0]
                        .customer_handle()
                        .unwrap()
                        .clone();
                    let at = week.now + SignedDuration::from_mins(k as i64 + 1);
                    let message = crate::Interaction::inbound(
                        format!("{id}-more-{k}").parse().unwrap(),
                        id.clone(),
                        author,
                        at,
                        text,
                    );
                    desk.apply(Event::Interaction(message), at);
                    check(&desk, at);
                }
            }
        }
    }
}

#[cfg(test)]
mod permute_tests {
    use proptest::prelude::*;

    proptest! {
        /// Placing by cycles is gathering: place `k` gets the item at
        /// `order[k]`, in both lists.
        #[test]
        fn permute_puts_each_item_where_the_order_says(
            order in (0usize..80).prop_flat_map(|n| Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        ) {
            let items: Vec<usize> = (0..order.len()).map(|k| k * 10).collect();
            let flags: Vec<bool> = (0..order.len()).map(|k| k % 3 == 0).collect();
            let gathered: Vec<usize> = order.iter().map(|&k| items[k]).collect();
            let gathered_flags: Vec<bool> = order.iter().map(|&k| flags[k]).collect();
            let (mut items, mut flags, mut order) = (items, flags, order);
            super::permute(&mut items, &mut flags, &mut order);
            prop_assert_eq!(items, gathered);
            prop_assert_eq!(flags, gathered_flags);
        }
    }
}
