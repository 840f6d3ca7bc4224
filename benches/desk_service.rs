//! What does the desk cost as a service runs it?
//!
//! - `apply/1m_events`: one million events of the sample week's shape
//!   (its messages and status changes, the week repeated under distinct
//!   conversation and message ids, in time order) applied to an empty desk
//!   in batches of 1,000, "now" at each batch's last event.
//! - `apply/1m_events_queue_kept`: the same after a first reading of the
//!   queue, so that each batch also brings the queue's entries up to date.
//! - `queue/100k_waiting`: `Desk::queue` on a desk holding 100,000
//!   conversations that wait for an answer (the sample's waiting ones,
//!   repeated): sentiment, profiles, SLA and triage, all through the desk.
//! - `snapshot/100k` and `snapshot/restore_100k`: a desk of 100,000
//!   conversations of the sample's shape to JSON and back (`serde_json`);
//!   `snapshot/postcard_100k` and `snapshot/postcard_restore_100k`: the
//!   same in postcard, a binary serde format.
//! - `profiles/refresh_100k`: `Desk::refresh_profiles` on that desk, all of
//!   it in the week's window (influence and stance of every author, from
//!   the moods kept when the messages arrived).
//! - `changes/write_100k` and `changes/apply_100k`: after one more copy of
//!   the week (445 events, 100 new conversations) on that desk, what
//!   changed since its snapshot, worked out and written to JSON; and read
//!   and applied to the restored snapshot (`Desk::changes_since`,
//!   `Desk::apply_changes`).
//! - `changes/write_1m_customers` and `changes/apply_1m_customers`: on the
//!   sample week's desk whose directory holds 1,000,000 more customers (two
//!   handles each), after one customer record and one newcomer's message,
//!   what changed, worked out and written; and read and applied to a copy.
//!   The directory goes customer by customer, so neither grows with it.
//!
//! Run with `cargo bench --bench desk_service`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use social_crm::desk::{Desk, DeskConfig, Event};
use social_crm::sample::{self, SampleWeek};
use social_crm::ConversationId;

fn empty_desk(week: &SampleWeek) -> Desk {
    Desk::new(
        DeskConfig::sample(week).expect("sample config"),
        week.directory().expect("sample directory"),
    )
}

fn fed(week: &SampleWeek, events: Vec<Event>) -> Desk {
    let mut desk = empty_desk(week);
    for batch in events.chunks(1_000) {
        let now = batch.last().map_or(week.now, Event::at);
        desk.apply_all(batch.to_vec(), now);
    }
    desk.apply_all(Vec::new(), week.now);
    desk
}

fn apply(c: &mut Criterion) {
    let week = sample::week();
    let per_week = week.events().len();
    let events = week.events_copied(0..1_000_000_usize.div_ceil(per_week), |_| true);
    let events = events[..1_000_000].to_vec();
    let mut group = c.benchmark_group("apply");
    group.sample_size(10);
    group.throughput(Throughput::Elements(events.len() as u64));
    // Batches of 1,000, "now" at each batch's last event; how many
    // outcomes came back.
    let feed = |desk: &mut Desk, events: Vec<Event>| -> usize {
        let mut n = 0;
        let mut events = events.into_iter().peekable();
        while events.peek().is_some() {
            let batch: Vec<Event> = events.by_ref().take(1_000).collect();
            let now = batch.last().map_or(week.now, Event::at);
            n += desk.apply_all(batch, now).outcomes.len();
        }
        n
    };
    group.bench_function("1m_events", |b| {
        b.iter_batched(
            || (empty_desk(&week), events.clone()),
            |(mut desk, events)| {
                let n = feed(&mut desk, events);
                black_box((desk, n))
            },
            BatchSize::PerIteration,
        )
    });
    // The same with the queue read once first: from then on every batch
    // brings the entries of the conversations it touched up to date.
    group.bench_function("1m_events_queue_kept", |b| {
        b.iter_batched(
            || {
                let desk = empty_desk(&week);
                desk.queue(week.now).expect("queue");
                (desk, events.clone())
            },
            |(mut desk, events)| {
                let n = feed(&mut desk, events);
                black_box((desk, n))
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn queue(c: &mut Criterion) {
    let week = sample::week();
    // The conversations the week leaves waiting, repeated to 100,000.
    let sample_desk = fed(&week, week.events());
    let waiting: Vec<ConversationId> = sample_desk
        .queue(week.now)
        .expect("queue")
        .into_iter()
        .map(|t| t.conversation)
        .collect();
    let copies = 100_000_usize.div_ceil(waiting.len());
    let mut desk = fed(
        &week,
        week.events_copied(0..copies, |id| waiting.contains(id)),
    );
    desk.refresh_profiles(week.now).expect("profiles");
    let n = desk.queue(week.now).expect("queue").len();
    assert!(n >= 100_000, "{n} waiting");
    let mut group = c.benchmark_group("queue");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("100k_waiting", |b| {
        b.iter(|| black_box(desk.queue(week.now).expect("queue")))
    });
    group.finish();
}

fn snapshot(c: &mut Criterion) {
    let week = sample::week();
    let copies = 100_000_usize.div_ceil(week.conversations.len());
    let desk = fed(&week, week.events_copied(0..copies, |_| true));
    let n = desk.conversations().count();
    let stored = serde_json::to_string(&desk).expect("serializes");
    println!(
        "snapshot of {n} conversations: {} bytes ({} per conversation)",
        stored.len(),
        stored.len() / n
    );
    let mut group = c.benchmark_group("snapshot");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("100k", |b| {
        b.iter(|| black_box(serde_json::to_string(&desk).expect("serializes")))
    });
    group.bench_function("restore_100k", |b| {
        b.iter(|| black_box(serde_json::from_str::<Desk>(&stored).expect("reads back")))
    });
    let binary = postcard::to_stdvec(&desk).expect("serializes");
    println!(
        "in postcard: {} bytes ({} per conversation)",
        binary.len(),
        binary.len() / n
    );
    group.bench_function("postcard_100k", |b| {
        b.iter(|| black_box(postcard::to_stdvec(&desk).expect("serializes")))
    });
    group.bench_function("postcard_restore_100k", |b| {
        b.iter(|| black_box(postcard::from_bytes::<Desk>(&binary).expect("reads back")))
    });
    group.finish();

    // One more copy of the week, persisted by what changed.
    let restored: Desk = serde_json::from_str(&stored).expect("reads back");
    let mut later = desk.clone();
    for batch in week
        .events_copied(copies..copies + 1, |_| true)
        .chunks(1_000)
    {
        let now = batch.last().map_or(week.now, Event::at);
        later.apply_all(batch.to_vec(), now);
    }
    let write = || {
        let changes = later
            .changes_since(restored.revision())
            .expect("changes since the snapshot");
        serde_json::to_string(&changes).expect("serializes")
    };
    let written = write();
    println!("changes after 445 events: {} bytes", written.len());
    let mut group = c.benchmark_group("changes");
    group.sample_size(10);
    group.bench_function("write_100k", |b| b.iter(|| black_box(write())));
    group.bench_function("apply_100k", |b| {
        b.iter_batched(
            || restored.clone(),
            |mut desk| {
                let changes = serde_json::from_str(&written).expect("reads back");
                desk.apply_changes(changes).expect("applies");
                desk
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();

    let mut desk = desk;
    let mut group = c.benchmark_group("profiles");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("refresh_100k", |b| {
        b.iter(|| desk.refresh_profiles(week.now).expect("profiles"))
    });
    group.finish();
}

fn customers(c: &mut Criterion) {
    use social_crm::{AudienceStats, Channel, Customer, Handle, Interaction};
    let week = sample::week();
    let mut directory = week.directory().expect("sample directory");
    for i in 0..1_000_000 {
        let customer = Customer::new(&format!("s{i}"), "Synthetic Customer")
            .and_then(|c| {
                Ok(c.with_handle(
                    Handle::new(Channel::Twitter, &format!("@user{i}"))?,
                    AudienceStats::default(),
                )
                .with_handle(
                    Handle::new(Channel::Email, &format!("user{i}@example.com"))?,
                    AudienceStats::default(),
                ))
            })
            .expect("a customer");
        directory.insert(customer).expect("a new id");
    }
    let mut desk = Desk::new(DeskConfig::sample(&week).expect("sample config"), directory);
    desk.apply_all(week.events(), week.now);
    let copy = desk.clone();
    let renamed = Customer::new("s7", "Renamed Customer")
        .and_then(|c| {
            Ok(c.with_handle(
                Handle::new(Channel::Twitter, "@user7")?,
                AudienceStats::default(),
            ))
        })
        .expect("a customer");
    let newcomer = Handle::new(Channel::Twitter, "@someone_new").expect("a handle");
    desk.apply_all(
        vec![
            Event::Customer {
                customer: renamed,
                at: week.now,
            },
            Event::Interaction(Interaction::inbound(
                "z1".parse().expect("an id"),
                "tw-z1".parse().expect("an id"),
                newcomer,
                week.now,
                "Bonjour, ma commande n'est pas arrivée",
            )),
        ],
        week.now,
    );
    let write = || {
        let changes = desk
            .changes_since(copy.revision())
            .expect("changes since the copy");
        serde_json::to_string(&changes).expect("serializes")
    };
    let written = write();
    println!(
        "changes after a record and a newcomer, 1,000,000 more customers: {} bytes",
        written.len()
    );
    let mut group = c.benchmark_group("changes");
    group.sample_size(10);
    group.bench_function("write_1m_customers", |b| b.iter(|| black_box(write())));
    group.bench_function("apply_1m_customers", |b| {
        b.iter_batched(
            || copy.clone(),
            |mut copy| {
                let changes = serde_json::from_str(&written).expect("reads back");
                copy.apply_changes(changes).expect("applies");
                copy
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, apply, queue, snapshot, customers);
criterion_main!(benches);
