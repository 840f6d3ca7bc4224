//! SLA clocks and reports on hand-built conversations.

use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sla::{
    evaluate, BusinessCalendar, ClockStatus, Condition, Hours, Metric, Policy, PolicySet, Priority,
    SlaReport, Target, TicketContext, WeeklySchedule,
};
use social_crm::{
    AgentId, Channel, Conversation, ConversationStatus, Handle, Interaction, Visibility,
};

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Office hours in UTC, Monday to Friday 09:00-17:00.
fn office() -> BusinessCalendar {
    BusinessCalendar::builder(
        social_crm::jiff::tz::TimeZone::UTC,
        WeeklySchedule::new().monday_to_friday("09:00-17:00".parse().unwrap()),
    )
    .years(2025, 2028)
    .build()
    .unwrap()
}

fn hours(h: i64) -> Target {
    Target::new(SignedDuration::from_hours(h), Hours::Business).unwrap()
}

fn policies() -> PolicySet {
    PolicySet::new().then(
        Policy::new("test")
            .unwrap()
            .target(Metric::FirstResponse, None, hours(2))
            .target(Metric::NextResponse, None, hours(2))
            .target(
                Metric::Resolution,
                None,
                hours(16).paused_by([ConversationStatus::Pending, ConversationStatus::OnHold]),
            ),
    )
}

/// A thread from `(minute offsets are wall clock) who, at, status-after`.
struct Thread {
    conv: Conversation,
    n: usize,
}

impl Thread {
    fn new() -> Thread {
        Thread {
            conv: Conversation::new("c".parse().unwrap()),
            n: 0,
        }
    }

    fn customer(mut self, at: &str) -> Thread {
        self.n += 1;
        let at = ts(at);
        self.conv
            .push(Interaction::inbound(
                format!("i{}", self.n).parse().unwrap(),
                "c".parse().unwrap(),
                Handle::new(Channel::Email, "ana@example.com").unwrap(),
                at,
                "help",
            ))
            .unwrap();
        self
    }

    fn agent(mut self, at: &str) -> Thread {
        self.n += 1;
        self.conv
            .push(Interaction::outbound(
                format!("i{}", self.n).parse().unwrap(),
                "c".parse().unwrap(),
                Channel::Email,
                AgentId::new("eric").unwrap(),
                ts(at),
                "hello",
            ))
            .unwrap();
        self
    }

    fn status(mut self, at: &str, status: ConversationStatus) -> Thread {
        self.conv.push_status(ts(at), status).unwrap();
        self
    }

    fn clocks(&self, now: &str) -> Vec<social_crm::sla::MetricClock> {
        let ctx = TicketContext::of(&self.conv, None, Priority::Normal);
        evaluate(&self.conv, &ctx, &policies(), &office(), ts(now))
            .unwrap()
            .clocks
    }
}

fn find(
    clocks: &[social_crm::sla::MetricClock],
    metric: Metric,
) -> Vec<&social_crm::sla::MetricClock> {
    clocks.iter().filter(|c| c.metric == metric).collect()
}

#[test]
fn first_response_runs_in_business_hours_and_warns_then_breaches() {
    use ConversationStatus::*;
    // Friday 16:00: one business hour on Friday, the rest from Monday 09:00.
    let thread = Thread::new()
        .status("2026-11-20T16:00:00Z", Open)
        .customer("2026-11-20T16:00:00Z");
    let at = |now| find(&thread.clocks(now), Metric::FirstResponse)[0].clone();
    let friday = at("2026-11-20T16:30:00Z");
    assert_eq!(friday.status, ClockStatus::InProgress);
    assert_eq!(friday.due, Some(ts("2026-11-23T10:00:00Z")));
    assert_eq!(friday.remaining, SignedDuration::from_mins(90));
    assert_eq!(at("2026-11-22T12:00:00Z").status, ClockStatus::InProgress); // the weekend counts nothing
    assert_eq!(at("2026-11-23T09:31:00Z").status, ClockStatus::Warning);
    let late = at("2026-11-23T10:15:00Z");
    assert_eq!(late.status, ClockStatus::Breached);
    assert_eq!(late.breached_at, Some(ts("2026-11-23T10:00:00Z")));
    assert_eq!(late.breached_by, Some(SignedDuration::from_mins(15)));
}

#[test]
fn replies_stop_clocks_and_later_messages_start_next_response() {
    use ConversationStatus::*;
    let thread = Thread::new()
        .status("2026-11-16T09:00:00Z", Open)
        .customer("2026-11-16T09:00:00Z")
        .agent("2026-11-16T10:00:00Z")
        .customer("2026-11-16T11:00:00Z")
        .customer("2026-11-16T11:30:00Z") // still the same wait
        .agent("2026-11-16T14:00:00Z")
        .status("2026-11-16T14:00:00Z", Solved);
    let clocks = thread.clocks("2026-11-17T09:00:00Z");
    let first = find(&clocks, Metric::FirstResponse);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].status, ClockStatus::Achieved);
    assert_eq!(first[0].elapsed, SignedDuration::from_hours(1));
    let next = find(&clocks, Metric::NextResponse);
    assert_eq!(
        next.len(),
        1,
        "the second message joins the wait of the first"
    );
    assert_eq!(next[0].started, ts("2026-11-16T11:00:00Z"));
    assert_eq!(next[0].status, ClockStatus::Breached);
    assert_eq!(next[0].breached_by, Some(SignedDuration::from_hours(1)));
    let resolution = find(&clocks, Metric::Resolution);
    assert_eq!(resolution[0].status, ClockStatus::Achieved);
    assert_eq!(resolution[0].elapsed, SignedDuration::from_hours(5));
}

#[test]
fn pending_pauses_resolution_by_exactly_its_business_time() {
    use ConversationStatus::*;
    let base = Thread::new()
        .status("2026-11-16T09:00:00Z", Open)
        .customer("2026-11-16T09:00:00Z")
        .agent("2026-11-16T10:00:00Z");
    let unpaused = find(&base.clocks("2026-11-16T12:00:00Z"), Metric::Resolution)[0].clone();
    let paused = base
        .status("2026-11-16T10:00:00Z", Pending)
        .customer("2026-11-17T11:00:00Z")
        .status("2026-11-17T11:00:00Z", Open);
    let while_pending = find(&paused.clocks("2026-11-16T15:00:00Z"), Metric::Resolution)[0].clone();
    assert_eq!(while_pending.status, ClockStatus::Paused);
    assert_eq!(while_pending.due, None);
    assert_eq!(while_pending.elapsed, SignedDuration::from_hours(1));
    let resumed = find(&paused.clocks("2026-11-17T12:00:00Z"), Metric::Resolution)[0].clone();
    // Pending from Monday 10:00 to Tuesday 11:00 is 9 business hours: the
    // deadline moves by exactly that.
    let pause = office()
        .between(ts("2026-11-16T10:00:00Z"), ts("2026-11-17T11:00:00Z"))
        .unwrap();
    assert_eq!(pause, SignedDuration::from_hours(9));
    assert_eq!(
        resumed.due,
        Some(office().add(unpaused.due.unwrap(), pause).unwrap())
    );
    assert_eq!(resumed.elapsed, SignedDuration::from_hours(2));
    assert_eq!(resumed.status, ClockStatus::InProgress);
}

#[test]
fn reopening_starts_a_new_resolution_cycle() {
    use ConversationStatus::*;
    let thread = Thread::new()
        .status("2026-11-16T09:00:00Z", Open)
        .customer("2026-11-16T09:00:00Z")
        .agent("2026-11-16T09:30:00Z")
        .status("2026-11-16T09:30:00Z", Solved)
        .status("2026-11-18T09:00:00Z", Reopened)
        .customer("2026-11-18T09:00:00Z");
    let clocks = thread.clocks("2026-11-18T12:00:00Z");
    let cycles = find(&clocks, Metric::Resolution);
    assert_eq!(cycles.len(), 2);
    assert_eq!(cycles[0].status, ClockStatus::Achieved);
    assert_eq!(cycles[1].started, ts("2026-11-18T09:00:00Z"));
    assert_eq!(cycles[1].elapsed, SignedDuration::from_hours(3));
    // The message that reopened it waits for an answer.
    assert_eq!(
        find(&clocks, Metric::NextResponse)[0].status,
        ClockStatus::Breached
    );
}

#[test]
fn events_after_now_are_not_seen() {
    use ConversationStatus::*;
    let thread = Thread::new()
        .status("2026-11-16T09:00:00Z", Open)
        .customer("2026-11-16T09:00:00Z")
        .agent("2026-11-16T12:00:00Z");
    let before = find(
        &thread.clocks("2026-11-16T10:00:00Z"),
        Metric::FirstResponse,
    )[0]
    .clone();
    assert_eq!(before.stopped, None);
    assert_eq!(before.status, ClockStatus::InProgress);
    let after = find(
        &thread.clocks("2026-11-16T13:00:00Z"),
        Metric::FirstResponse,
    )[0]
    .clone();
    assert_eq!(after.stopped, Some(ts("2026-11-16T12:00:00Z")));
    assert_eq!(after.status, ClockStatus::Breached);
}

#[test]
fn the_first_policy_that_applies_wins_and_priorities_pick_targets() {
    let thread = Thread::new().customer("2026-11-16T09:00:00Z");
    let urgent_public = Policy::new("public")
        .unwrap()
        .when(Condition::Visibility(Visibility::Public))
        .target(Metric::FirstResponse, None, hours(1));
    let email = Policy::new("email")
        .unwrap()
        .when(Condition::Channel([Channel::Email].into_iter().collect()))
        .target(Metric::FirstResponse, None, hours(8))
        .target(
            Metric::FirstResponse,
            Some(Priority::Urgent),
            Target::new(SignedDuration::from_mins(30), Hours::Calendar).unwrap(),
        );
    let set = PolicySet::new().then(urgent_public).then(email);
    let ctx = TicketContext::of(&thread.conv, None, Priority::Urgent);
    let sla = evaluate(
        &thread.conv,
        &ctx,
        &set,
        &office(),
        ts("2026-11-16T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(sla.policy.as_deref(), Some("email"));
    let first = &sla.clocks[0];
    assert_eq!(first.target.hours(), Hours::Calendar);
    assert_eq!(first.status, ClockStatus::Breached);
    assert_eq!(first.breached_by, Some(SignedDuration::from_mins(30)));

    let nothing = PolicySet::new();
    let sla = evaluate(
        &thread.conv,
        &ctx,
        &nothing,
        &office(),
        ts("2026-11-16T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(sla.policy, None);
    assert!(sla.clocks.is_empty());
}

#[test]
fn reports_count_met_breached_and_open_with_nearest_rank_percentiles() {
    use ConversationStatus::*;
    let answered_after = |minutes: u32| {
        Thread::new()
            .status("2026-11-16T09:00:00Z", Open)
            .customer("2026-11-16T09:00:00Z")
            .agent(&format!(
                "2026-11-16T{:02}:{:02}:00Z",
                9 + minutes / 60,
                minutes % 60
            ))
    };
    let mut evaluated = Vec::new();
    for minutes in [10, 20, 30, 40, 50, 60, 70, 80, 90, 150] {
        let t = answered_after(minutes);
        let ctx = TicketContext::of(&t.conv, None, Priority::Normal);
        evaluated.push(
            evaluate(
                &t.conv,
                &ctx,
                &policies(),
                &office(),
                ts("2026-11-16T17:00:00Z"),
            )
            .unwrap(),
        );
    }
    let report = SlaReport::new(&evaluated);
    let first = report.overall[&Metric::FirstResponse];
    assert_eq!((first.achieved, first.breached, first.open), (9, 1, 0));
    assert_eq!(first.percent_met(), Some(90.0));
    assert_eq!(report.first_response.count, 10);
    assert_eq!(report.first_response.median, SignedDuration::from_mins(50));
    assert_eq!(report.first_response.p90, SignedDuration::from_mins(90));
    assert_eq!(report.by_channel["email"][&Metric::FirstResponse], first);
    assert_eq!(report.by_agent["eric"][&Metric::FirstResponse], first);
    let text = report.to_string();
    assert!(
        text.contains("first-response   90.0% met (9 of 10)"),
        "{text}"
    );
}
