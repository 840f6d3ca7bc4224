//! What do business-time arithmetic and SLA evaluation cost?
//!
//! Claims measured here, on an office calendar in Europe/Paris (Monday to
//! Friday 09:00-12:30 and 13:30-18:00) with the French public holidays of
//! 2026-2028:
//!
//! - `add` of 1 hour, 1 week and 1 year: the cost does not grow with the
//!   span (whole weeks are arithmetic; transitions and holidays are found by
//!   binary search), targeting at least 5 million adds per second per core
//!   for targets up to a week, and the 1-year add within 2x of the 1-hour;
//! - `between` over a month;
//! - evaluating 100,000 conversations shaped like the sample week's against
//!   the default care-desk policies on the 7/7 08:00-02:00 desk calendar.
//!
//! Run with `cargo bench --bench sla`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use social_crm::jiff::civil::date;
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sla::{
    evaluate, BusinessCalendar, PolicySet, Priority, TicketContext, WeeklySchedule,
};
use social_crm::Conversation;
use social_crm::{sample, time};

fn office() -> BusinessCalendar {
    let holidays = (2026..=2028).flat_map(|y| {
        [
            (1, 1),
            (5, 1),
            (5, 8),
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ]
        .map(|(m, d)| date(y, m, d))
    });
    BusinessCalendar::builder(
        social_crm::time::time_zone("Europe/Paris").expect("bundled zone"),
        WeeklySchedule::new()
            .monday_to_friday("09:00-12:30".parse().expect("shift"))
            .monday_to_friday("13:30-18:00".parse().expect("shift")),
    )
    .holidays(holidays)
    .build()
    .expect("valid calendar")
}

/// 4,096 start instants spread over 2026, built before timing.
fn starts() -> Vec<Timestamp> {
    (0..4096)
        .map(|k| Timestamp::from_second(1_767_225_600 + k * 7_699).expect("in range"))
        .collect()
}

fn arithmetic(c: &mut Criterion) {
    let calendar = office();
    let starts = starts();
    let mut group = c.benchmark_group("calendar");
    group.throughput(Throughput::Elements(1));
    for (name, amount) in [
        ("add_1h", SignedDuration::from_hours(1)),
        ("add_1w", SignedDuration::from_hours(40)),
        ("add_1y", SignedDuration::from_hours(40 * 52)),
    ] {
        let mut k = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                k = (k + 1) % starts.len();
                black_box(calendar.add(starts[k], amount))
            })
        });
    }
    let month = SignedDuration::from_hours(24 * 30);
    let mut k = 0;
    group.bench_function("between_1_month", |b| {
        b.iter(|| {
            k = (k + 1) % starts.len();
            black_box(calendar.between(starts[k], starts[k] + month))
        })
    });
    group.finish();

    let mut build = c.benchmark_group("calendar_build");
    build.sample_size(20);
    build.bench_function("office_paris_1900_2199", |b| b.iter(|| black_box(office())));
    // What `examples/sla_cases` does for every case: a calendar over three
    // years, then one answer (the year it needs is laid out then).
    let paris = time::time_zone("Europe/Paris").unwrap();
    let week = WeeklySchedule::new().monday_to_friday("09:00-18:00".parse().unwrap());
    let friday: Timestamp = "2026-03-27T16:00:00Z".parse().unwrap();
    build.bench_function("office_paris_3_years", |b| {
        b.iter(|| {
            BusinessCalendar::builder(paris.clone(), week.clone())
                .years(2025, 2027)
                .build()
        })
    });
    build.bench_function("office_paris_3_years_then_add_4h", |b| {
        b.iter(|| {
            let calendar = BusinessCalendar::builder(paris.clone(), week.clone())
                .years(2025, 2027)
                .build()
                .unwrap();
            calendar.add(friday, SignedDuration::from_hours(4))
        })
    });
    build.bench_function("office_paris_1900_2199_then_add_4h", |b| {
        b.iter(|| office().add(friday, SignedDuration::from_hours(4)))
    });
    // Every year laid out: what a calendar costs once a span of centuries
    // has been asked for.
    build.bench_function("office_paris_1900_2199_every_year", |b| {
        b.iter(|| {
            let calendar = office();
            calendar.between(
                "1900-01-02T00:00:00Z".parse().unwrap(),
                "2199-12-30T00:00:00Z".parse().unwrap(),
            )
        })
    });
    build.finish();
}

fn evaluation(c: &mut Criterion) {
    let week = sample::week();
    let desk = BusinessCalendar::new(
        week.time_zone.clone(),
        WeeklySchedule::new().every_day("08:00-02:00".parse().expect("shift")),
    )
    .expect("valid calendar");
    let policies = PolicySet::care_desk_default().expect("valid policies");
    // 100,000 conversations: the sample week's, repeated.
    let conversations: Vec<&Conversation> =
        week.conversations.iter().cycle().take(100_000).collect();
    let contexts: Vec<TicketContext> = conversations
        .iter()
        .map(|c| TicketContext::of(c, None, Priority::Normal))
        .collect();
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10);
    group.throughput(Throughput::Elements(conversations.len() as u64));
    group.bench_function("100k_conversations", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut breached = 0usize;
                for (conversation, ctx) in conversations.iter().zip(&contexts) {
                    let sla =
                        evaluate(conversation, ctx, &policies, &desk, week.now).expect("in range");
                    breached += usize::from(sla.is_breached());
                }
                breached
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, arithmetic, evaluation);
criterion_main!(benches);
