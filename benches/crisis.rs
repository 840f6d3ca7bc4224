//! What does the crisis detector cost per bucket?
//!
//! Claims measured here (target: at least 10 million buckets per second per
//! core, and a state whose size does not depend on the stream's length):
//!
//! - one stream fed a year of 5-minute buckets (105,120 buckets, with
//!   negatives), cycle in Europe/Paris;
//! - the same year with volume only;
//! - 10,000 streams fed one day each (2,880,000 buckets), the detectors
//!   built fresh as a service would after a restart with no saved state.
//!
//! Run with `cargo bench --bench crisis`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use social_crm::crisis::{Bucket, Detector, Settings};
use social_crm::jiff::{SignedDuration, Timestamp};

const WIDTH: SignedDuration = SignedDuration::from_mins(5);

/// A year (or `n` buckets) of a desk's traffic: a daily cycle, counts from
/// a cheap deterministic generator, about a quarter negative.
fn buckets(n: usize, seed: u64, with_negative: bool) -> Vec<Bucket> {
    let start: Timestamp = "2026-01-05T00:00:00Z".parse().expect("timestamp");
    let mut state = seed.max(1);
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut at = start;
    (0..n)
        .map(|i| {
            let hour = (i / 12) % 24;
            let base = if (8..22).contains(&hour) { 40 } else { 6 };
            let total = base + next() % 9;
            let bucket = Bucket::new(at, total);
            at = at.checked_add(WIDTH).expect("in range");
            if with_negative {
                bucket
                    .with_negative(total / 4 + next() % 3)
                    .expect("negatives <= total")
            } else {
                bucket
            }
        })
        .collect()
}

fn settings() -> Settings {
    Settings::new(WIDTH)
        .expect("5-minute buckets")
        .with_time_zone(social_crm::time::time_zone("Europe/Paris").expect("bundled zone"))
}

fn one_stream_a_year(c: &mut Criterion) {
    let mut group = c.benchmark_group("crisis/one stream, a year of 5-minute buckets");
    for (name, with_negative) in [("with negatives", true), ("volume only", false)] {
        let year = buckets(365 * 288, 7, with_negative);
        group.throughput(Throughput::Elements(year.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched(
                || Detector::new("brand", settings()),
                |mut detector| {
                    for bucket in &year {
                        black_box(detector.push(*bucket).expect("in order"));
                    }
                    detector
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn ten_thousand_streams_a_day(c: &mut Criterion) {
    let mut group = c.benchmark_group("crisis/10,000 streams, a day each");
    group.sample_size(10);
    let day: Vec<Vec<Bucket>> = (0..16).map(|s| buckets(288, s + 1, true)).collect();
    let streams = 10_000;
    group.throughput(Throughput::Elements((streams * 288) as u64));
    group.bench_function("with negatives", |b| {
        b.iter(|| {
            let mut alerts = 0;
            for s in 0..streams {
                let mut detector = Detector::new("stream", settings());
                for bucket in &day[s % day.len()] {
                    alerts += detector.push(*bucket).expect("in order").alerts.len();
                }
                black_box(&detector);
            }
            alerts
        })
    });
    group.finish();
}

criterion_group!(benches, one_stream_a_year, ten_thousand_streams_a_day);
criterion_main!(benches);
