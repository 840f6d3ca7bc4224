//! What does the desk's triage cost?
//!
//! Claims measured here: triage of 100,000 waiting conversations, SLA
//! included, in under one second on one core (`triage/100k_waiting_with_sla`);
//! and what one suggested reply costs (`suggest/sample_waiting`: every
//! waiting conversation of the sample week, nobody holding it yet, so that
//! the signer is the agent routing would choose given what its messages
//! say). The conversations are the
//! sample week's waiting ones, repeated under distinct ids; for each, the
//! timed part evaluates the SLA (default care-desk policies on the 7/7
//! 08:00-02:00 desk calendar), builds its triage inputs and the queue is
//! sorted. Sentiment and profiles are computed once, before timing, as the
//! desk keeps them.
//!
//! Run with `cargo bench --bench desk`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use social_crm::desk::{Desk, DeskConfig};
use social_crm::sample;
use social_crm::sentiment::Analyzer;
use social_crm::sla::{
    evaluate, BusinessCalendar, PolicySet, Priority, TicketContext, WeeklySchedule,
};
use social_crm::triage::{triage, Profile, SlaUrgency, TriageWeights, Waiting};
use social_crm::{Conversation, ConversationId, Direction};

fn triage_100k(c: &mut Criterion) {
    let week = sample::week();
    let calendar = BusinessCalendar::new(
        week.time_zone.clone(),
        WeeklySchedule::new().every_day("08:00-02:00".parse().expect("shift")),
    )
    .expect("valid calendar");
    let policies = PolicySet::care_desk_default().expect("valid policies");
    let analyzer = Analyzer::default();
    let waiting: Vec<&Conversation> = week
        .conversations
        .iter()
        .filter(|c| c.is_waiting_on_brand())
        .collect();
    // Per sample conversation: its context, mood, start and visibility.
    struct Prepared<'a> {
        conversation: &'a Conversation,
        context: TicketContext,
        mood: (f64, f64),
        since: social_crm::jiff::Timestamp,
        visibility: social_crm::Visibility,
    }
    let prepared: Vec<Prepared> = waiting
        .iter()
        .map(|c| {
            let last = c.awaiting_reply().expect("waiting");
            let s = analyzer.score(&last.text, last.language);
            let first = c
                .interactions()
                .iter()
                .find(|i| i.direction == Direction::Inbound)
                .expect("a customer message");
            Prepared {
                conversation: c,
                context: TicketContext::of(c, None, Priority::Normal),
                mood: ((-s.compound).max(0.0), s.intensity),
                since: last.at,
                visibility: first.visibility,
            }
        })
        .collect();
    let n = 100_000;
    let ids: Vec<ConversationId> = (0..n)
        .map(|k| format!("c{k:06}").parse().expect("id"))
        .collect();
    let profile = Profile::profiled(40.0, 12_000);
    let weights = TriageWeights::default();
    let mut group = c.benchmark_group("triage");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("100k_waiting_with_sla", |b| {
        b.iter(|| {
            let mut items = Vec::with_capacity(n);
            for (k, id) in ids.iter().enumerate() {
                let p = &prepared[k % prepared.len()];
                let sla = evaluate(p.conversation, &p.context, &policies, &calendar, week.now)
                    .expect("in range");
                items.push(
                    Waiting::new(id.clone(), p.since)
                        .with_mood(p.mood.0, p.mood.1)
                        .with_visibility(p.visibility)
                        .with_profile(profile.clone())
                        .with_sla(SlaUrgency::of(&sla)),
                );
            }
            black_box(triage(items, &weights).expect("valid weights"))
        })
    });
    group.finish();
}

fn suggest(c: &mut Criterion) {
    let week = sample::week();
    let mut desk = Desk::new(
        DeskConfig::sample(&week).expect("sample config"),
        week.directory().expect("sample directory"),
    );
    desk.apply_all(week.events(), week.now);
    let waiting: Vec<ConversationId> = desk
        .queue(week.now)
        .expect("the sample's queue")
        .into_iter()
        .map(|t| t.conversation)
        .collect();
    let mut group = c.benchmark_group("suggest");
    group.throughput(Throughput::Elements(waiting.len() as u64));
    group.bench_function("sample_waiting", |b| {
        b.iter(|| {
            for id in &waiting {
                black_box(desk.suggest(id, week.now).expect("a suggestion"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, triage_100k, suggest);
criterion_main!(benches);
