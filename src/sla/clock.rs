//! SLA clocks: for one conversation at "now", each promise's state.
//!
//! # Rules
//!
//! - **First response** runs from the customer's first message to the
//!   brand's first reply after it (internal notes are not replies), or to
//!   the conversation being solved or closed without a reply. Brand
//!   messages sent before any customer message (proactive outreach) start no
//!   clock.
//! - **Next response** runs from the oldest customer message left
//!   unanswered after a brand reply to the next reply (or solved): every
//!   customer message that arrives while nothing is waiting restarts it. A
//!   message on a solved conversation that does not reopen it starts no
//!   clock.
//! - **Periodic update** runs from each brand reply left while the
//!   conversation is unresolved to the next reply, or to solved.
//! - **Resolution** runs from the customer's first message to the first
//!   `solved` (or `closed`) after it; each `reopened` starts a new cycle.
//! - A clock stands still while the conversation is in a status its target
//!   is [paused by](super::Target::paused_by).
//! - Only events at or before "now" are seen: evaluating at an earlier
//!   "now" gives the state as it was then.
//!
//! The [`Conversation`] model already refuses events out of order and
//! messages after a conversation was closed, so evaluation itself fails only
//! when a business calendar cannot answer (an instant outside its years).

use std::fmt;

use jiff::{SignedDuration, Timestamp};

use super::policy::{friendly, Hours, Metric, PolicySet, Target, TicketContext};
use super::BusinessCalendar;
use crate::model::{AgentId, Conversation, ConversationId, ConversationStatus, Direction};
use crate::Result;

word_enum! {
    /// Where one SLA clock stands.
    #[non_exhaustive]
    pub enum ClockStatus ("clock status") {
        /// Stopped within the target.
        Achieved => "achieved" | "met",
        /// Running, less than the warning share used.
        InProgress => "in-progress",
        /// Running, past the warning share.
        Warning => "warning",
        /// Past the target, running or stopped late.
        Breached => "breached",
        /// Standing still (pending on the customer, on hold), not breached.
        Paused => "paused",
    }
}

/// One measurement of one metric: a first response, one next response, one
/// resolution cycle.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MetricClock {
    /// What is measured.
    pub metric: Metric,
    /// The promise.
    pub target: Target,
    /// When the clock started.
    pub started: Timestamp,
    /// When it stopped (the reply, the solve), if it did by "now".
    pub stopped: Option<Timestamp>,
    /// Where it stands.
    pub status: ClockStatus,
    /// Time counted so far, in the target's hours, pauses excluded.
    pub elapsed: SignedDuration,
    /// Time left: negative once breached.
    pub remaining: SignedDuration,
    /// When the target is (or was) used up: for a running clock, its
    /// deadline if nothing pauses it; `None` while it is paused, and for a
    /// clock that stopped within its target.
    pub due: Option<Timestamp>,
    /// When it was breached, if it was.
    pub breached_at: Option<Timestamp>,
    /// By how much it is (or was) over the target.
    pub breached_by: Option<SignedDuration>,
    /// Wall-clock time from start to stop (or to "now"), pauses included.
    pub calendar_elapsed: SignedDuration,
}

impl fmt::Display for MetricClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} of {}",
            self.metric,
            self.status,
            friendly(self.elapsed),
            self.target
        )?;
        match (self.status, self.due, self.breached_by) {
            (ClockStatus::Breached, _, Some(by)) => write!(f, ", over by {}", friendly(by)),
            (ClockStatus::Achieved, ..) => Ok(()),
            (_, Some(due), _) => write!(f, ", due {due}"),
            _ => Ok(()),
        }
    }
}

/// A conversation's SLA picture at "now".
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ConversationSla {
    /// The conversation.
    pub conversation: ConversationId,
    /// What it was judged as.
    pub context: TicketContext,
    /// The policy that applied, if any did.
    pub policy: Option<String>,
    /// The agent who replied first, if one did.
    pub agent: Option<AgentId>,
    /// Every clock, in order of start.
    pub clocks: Vec<MetricClock>,
}

impl ConversationSla {
    /// The clock that falls due next among those running (not paused).
    pub fn next_due(&self) -> Option<&MetricClock> {
        self.clocks
            .iter()
            .filter(|c| c.stopped.is_none() && c.due.is_some())
            .min_by_key(|c| c.due)
    }

    /// Whether any clock is breached.
    pub fn is_breached(&self) -> bool {
        self.clocks
            .iter()
            .any(|c| c.status == ClockStatus::Breached)
    }
}

/// Evaluates a conversation against the first policy of `policies` that
/// applies to `context`, at `now`.
///
/// # Errors
///
/// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) if an instant is
/// outside the years `calendar` covers.
///
/// ```
/// use social_crm::sample;
/// use social_crm::sla::{
///     evaluate, BusinessCalendar, ClockStatus, Metric, PolicySet, Priority, TicketContext,
///     WeeklySchedule,
/// };
///
/// let week = sample::week();
/// let desk = BusinessCalendar::new(
///     week.time_zone.clone(),
///     WeeklySchedule::new().every_day("08:00-02:00".parse()?),
/// )?;
/// let policies = PolicySet::care_desk_default()?;
/// let conversation = week.conversations.iter().find(|c| c.id().as_str() == "tw-062").unwrap();
/// let ctx = TicketContext::of(conversation, week.customer("c012"), Priority::Normal);
/// let sla = evaluate(conversation, &ctx, &policies, &desk, week.now)?;
/// let first = &sla.clocks[0];
/// assert_eq!(first.metric, Metric::FirstResponse);
/// // Marie tweeted at 16:20; at 18:00 she has waited 1h40 for a 1h promise.
/// assert_eq!(first.status, ClockStatus::Breached);
/// assert_eq!(first.breached_by, Some(social_crm::jiff::SignedDuration::from_mins(40)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate(
    conversation: &Conversation,
    context: &TicketContext,
    policies: &PolicySet,
    calendar: &BusinessCalendar,
    now: Timestamp,
) -> Result<ConversationSla> {
    let policy = policies.select(context);
    let messages: Vec<_> = conversation
        .interactions()
        .iter()
        .filter(|i| i.at <= now && i.direction != Direction::Note)
        .collect();
    // Status events are kept in time order.
    let all = conversation.events();
    let events = &all[..all.partition_point(|e| e.at <= now)];
    let agent = messages
        .iter()
        .find(|i| i.direction == Direction::Outbound)
        .and_then(|i| i.agent().cloned());
    let mut out = ConversationSla {
        conversation: conversation.id().clone(),
        context: context.clone(),
        policy: policy.map(|p| p.name().to_owned()),
        agent,
        clocks: Vec::new(),
    };
    let Some(policy) = policy else {
        return Ok(out);
    };
    let timeline = Timeline {
        events,
        calendar,
        now,
    };
    let mut spans: Vec<(Metric, Timestamp, Option<Timestamp>)> = Vec::new();
    let first_inbound = messages
        .iter()
        .position(|i| i.direction == Direction::Inbound);
    if let Some(first) = first_inbound {
        let start = messages[first].at;
        // A response clock stops at the reply, or when the conversation is
        // solved or closed without one.
        let answered = |since: Timestamp, reply: Option<Timestamp>| {
            earliest(reply, timeline.resolved_after(since))
        };
        let reply = messages[first..]
            .iter()
            .find(|i| i.direction == Direction::Outbound)
            .map(|i| i.at);
        spans.push((Metric::FirstResponse, start, answered(start, reply)));

        // Next responses: after the first reply, each customer message that
        // finds nothing waiting starts a clock; the next reply stops it.
        let mut waiting: Option<Timestamp> = None;
        let mut answered_once = false;
        for message in &messages[first..] {
            match message.direction {
                Direction::Outbound => {
                    if let Some(since) = waiting.take() {
                        if answered_once {
                            spans.push((
                                Metric::NextResponse,
                                since,
                                answered(since, Some(message.at)),
                            ));
                        }
                    }
                    answered_once = true;
                }
                _ => {
                    // A message on a solved conversation that does not
                    // reopen it expects no answer.
                    let resolved = timeline.resolved_at(message.at);
                    if waiting.is_none() && !resolved {
                        waiting = Some(message.at);
                    }
                }
            }
        }
        if let (Some(since), true) = (waiting, answered_once) {
            spans.push((Metric::NextResponse, since, answered(since, None)));
        }

        // Periodic updates: from each reply left while unresolved to the
        // next reply or the solve.
        for (k, message) in messages.iter().enumerate() {
            if message.direction != Direction::Outbound {
                continue;
            }
            if timeline.resolved_at(message.at) {
                continue;
            }
            let next_reply = messages[k + 1..]
                .iter()
                .find(|m| m.direction == Direction::Outbound)
                .map(|m| m.at);
            spans.push((
                Metric::PeriodicUpdate,
                message.at,
                answered(message.at, next_reply),
            ));
        }

        // Resolution cycles: from the first message, then from each reopen.
        spans.push((Metric::Resolution, start, timeline.resolved_after(start)));
        for event in events
            .iter()
            .filter(|e| e.status == ConversationStatus::Reopened)
        {
            spans.push((
                Metric::Resolution,
                event.at,
                timeline.resolved_after(event.at),
            ));
        }
    }
    for (metric, start, stop) in spans {
        if let Some(target) = policy.target_for(metric, context.priority) {
            out.clocks
                .push(timeline.measure(metric, target, start, stop)?);
        }
    }
    out.clocks.sort_by_key(|c| (c.started, c.metric));
    Ok(out)
}

/// The earlier of two optional instants.
fn earliest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The status history of a conversation up to "now", and the calendar.
struct Timeline<'a> {
    events: &'a [crate::model::StatusEvent],
    calendar: &'a BusinessCalendar,
    now: Timestamp,
}

impl Timeline<'_> {
    fn status_at(&self, t: Timestamp) -> Option<ConversationStatus> {
        let n = self.events.partition_point(|e| e.at <= t);
        n.checked_sub(1).map(|i| self.events[i].status)
    }

    /// Whether the conversation is solved or closed at `t`.
    fn resolved_at(&self, t: Timestamp) -> bool {
        self.status_at(t)
            .is_some_and(ConversationStatus::is_resolved)
    }

    /// The first solve (or close) at or after `t`.
    fn resolved_after(&self, t: Timestamp) -> Option<Timestamp> {
        self.events
            .iter()
            .find(|e| e.at >= t && e.status.is_resolved())
            .map(|e| e.at)
    }

    /// The stretches of `[start, end)` during which a clock with `target`
    /// runs; the last is open-ended (`None`) when still running at `end`
    /// and the clock has not stopped.
    fn running(
        &self,
        target: &Target,
        start: Timestamp,
        end: Timestamp,
        stopped: bool,
    ) -> Vec<(Timestamp, Option<Timestamp>)> {
        let paused = |s: Option<ConversationStatus>| {
            s.is_some_and(|s| target.pausing_statuses().contains(&s))
        };
        let mut out = Vec::new();
        let mut run_from = (!paused(self.status_at(start))).then_some(start);
        for event in self.events.iter().filter(|e| e.at > start && e.at < end) {
            match (run_from, paused(Some(event.status))) {
                (Some(from), true) => {
                    out.push((from, Some(event.at)));
                    run_from = None;
                }
                (None, false) => run_from = Some(event.at),
                _ => {}
            }
        }
        if let Some(from) = run_from {
            out.push((from, if stopped { Some(end) } else { None }));
        }
        out
    }

    fn length(&self, hours: Hours, a: Timestamp, b: Timestamp) -> Result<SignedDuration> {
        match hours {
            Hours::Business => self.calendar.between(a, b),
            Hours::Calendar => Ok(b.duration_since(a)),
        }
    }

    fn advance(&self, hours: Hours, from: Timestamp, by: SignedDuration) -> Result<Timestamp> {
        match hours {
            Hours::Business => self.calendar.add(from, by),
            Hours::Calendar => from.checked_add(by).map_err(|_| {
                crate::ErrorKind::OutOfRange {
                    what: format!("`{from}` plus {by}"),
                }
                .into()
            }),
        }
    }

    fn measure(
        &self,
        metric: Metric,
        target: &Target,
        started: Timestamp,
        stopped: Option<Timestamp>,
    ) -> Result<MetricClock> {
        let end = stopped.unwrap_or(self.now).max(started);
        let stretches = self.running(target, started, end, stopped.is_some());
        let hours = target.hours();
        let mut elapsed = SignedDuration::ZERO;
        let mut due = None;
        let mut left = target.within();
        for &(a, b) in &stretches {
            let counted_to = b.unwrap_or(end).min(end);
            let length = self.length(hours, a, counted_to)?;
            if due.is_none() {
                // Where the target runs out, projecting an open stretch.
                let available = match b {
                    Some(b) => Some(self.length(hours, a, b)?),
                    None => None,
                };
                match available {
                    Some(len) if len < left => left -= len,
                    _ => due = Some(self.advance(hours, a, left)?),
                }
            }
            elapsed += length;
        }
        let remaining = target.within() - elapsed;
        let paused_now = stopped.is_none()
            && self
                .status_at(end)
                .is_some_and(|s| target.pausing_statuses().contains(&s));
        let breached = match stopped {
            Some(_) => remaining.is_negative(),
            None => !remaining.is_positive(),
        };
        let status = if breached {
            ClockStatus::Breached
        } else if stopped.is_some() {
            ClockStatus::Achieved
        } else if paused_now {
            ClockStatus::Paused
        } else if elapsed.as_secs_f64() >= target.warning_share() * target.within().as_secs_f64() {
            ClockStatus::Warning
        } else {
            ClockStatus::InProgress
        };
        Ok(MetricClock {
            metric,
            target: target.clone(),
            started,
            stopped,
            status,
            elapsed,
            remaining,
            due,
            breached_at: if breached { due } else { None },
            breached_by: breached.then(|| -remaining),
            calendar_elapsed: end.duration_since(started),
        })
    }
}
