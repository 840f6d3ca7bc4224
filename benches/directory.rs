//! How fast is "who is this?" on a large audience, and what does merging two
//! records cost?
//!
//! The directory holds 1,000,000 customers, each with a Twitter handle and an
//! email address (2,000,000 handles indexed). The claims measured here:
//!
//! - `resolve` of a handle is one hash lookup plus one index: its cost does
//!   not grow with the directory's size beyond what memory latency adds
//!   (compare `resolve/hit` at 10,000 and 1,000,000);
//! - `merge` of two records touches only those two records and their
//!   handles.
//!
//! Run with `cargo bench --bench directory`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use social_crm::{AudienceStats, Channel, Customer, Directory, Handle};

const PROBES: usize = 1 << 16;

fn customer(i: usize) -> Customer {
    let stats = AudienceStats {
        followers: (i as u64 * 7919) % 100_000,
        following: 300,
        ..AudienceStats::default()
    };
    Customer::new(&format!("c{i}"), "Benchmark Customer")
        .expect("valid id")
        .with_handle(twitter(i), stats)
        .with_handle(email(i), AudienceStats::default())
}

fn twitter(i: usize) -> Handle {
    Handle::new(Channel::Twitter, &format!("@user{i}")).expect("valid handle")
}

fn email(i: usize) -> Handle {
    Handle::new(Channel::Email, &format!("user{i}@example.com")).expect("valid handle")
}

fn directory(n: usize) -> Directory {
    let mut d = Directory::with_capacity(n);
    for i in 0..n {
        d.insert(customer(i)).expect("unique ids");
    }
    d
}

fn lookups(c: &mut Criterion) {
    let mut group = c.benchmark_group("resolve");
    for n in [10_000usize, 1_000_000] {
        let d = directory(n);
        // 65,536 handles spread over the whole directory, built before
        // timing: at 1,000,000 customers the probes do not fit in the CPU
        // caches, so the figure includes the memory latency a service sees.
        let probes: Vec<Handle> = (0..PROBES).map(|k| twitter((k * 7919) % n)).collect();
        let misses: Vec<Handle> = (0..PROBES).map(|k| twitter(n + k)).collect();
        let mut k = 0;
        group.bench_with_input(BenchmarkId::new("hit", n), &n, |b, _| {
            b.iter(|| {
                k = (k + 1) % probes.len();
                black_box(d.resolve(&probes[k]))
            })
        });
        group.bench_with_input(BenchmarkId::new("miss", n), &n, |b, _| {
            b.iter(|| {
                k = (k + 1) % misses.len();
                black_box(d.resolve(&misses[k]))
            })
        });
        group.bench_with_input(BenchmarkId::new("get_by_id", n), &n, |b, _| {
            let ids: Vec<String> = (0..PROBES)
                .map(|k| format!("c{}", (k * 7919) % n))
                .collect();
            b.iter(|| {
                k = (k + 1) % ids.len();
                black_box(d.get(&ids[k]))
            })
        });
    }
    group.finish();
}

fn merges(c: &mut Criterion) {
    let n = 1_000_000;
    let mut d = directory(n);
    let mut next = n;
    // Each iteration merges a fresh pair of records that share an email
    // address into the million-customer directory; inserting the pair is
    // setup and is not timed.
    c.bench_function("merge/pair_in_1m", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let (a, z) = (next, next + 1);
                next += 2;
                d.insert(customer(a)).expect("unique");
                d.insert(
                    Customer::new(&format!("c{z}"), "Same Person")
                        .expect("valid")
                        .with_handle(twitter(z), AudienceStats::default())
                        .with_handle(email(a), AudienceStats::default()),
                )
                .expect("unique");
                let (keep, absorb) = (format!("c{a}"), format!("c{z}"));
                let start = Instant::now();
                black_box(d.merge(&keep, &absorb).expect("both present"));
                timed += start.elapsed();
            }
            timed
        })
    });
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    let customers: Vec<Customer> = (0..1_000_000).map(customer).collect();
    group.bench_function("insert_1m", |b| {
        b.iter_batched(
            || customers.clone(),
            |customers| {
                let mut d = Directory::with_capacity(customers.len());
                for c in customers {
                    d.insert(c).expect("unique ids");
                }
                d
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, lookups, merges, build);
criterion_main!(benches);
