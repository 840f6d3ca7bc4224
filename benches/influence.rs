//! How fast is PageRank on real and large mention graphs?
//!
//! - `higgs`: the Higgs Twitter mention graph (116,408 people, 150,818
//!   weighted edges), read from `$INFLUENCE_DATA/higgs-mention.edges`
//!   (default `../shared/data/influence`); skipped when the file is absent.
//!   Graph building is not timed. Reference: python-igraph's PRPACK solver
//!   takes 0.021 s on it on the steering machine, networkx 0.53 s.
//! - `higgs_warm`: the same after a "day" of 1,500 new mentions, started
//!   from the previous scores.
//! - `generated_10m`: a generated graph of 1,000,000 people and 10,000,000
//!   mentions whose targets follow a heavy-tailed popularity.
//! - `influence_score/100k_people`: scoring 100,000 people's signals.
//!
//! Run with `cargo bench --bench influence`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use social_crm::influence::{pagerank, score, Graph, PageRankConfig, Signals, Weights};

/// `(source, target, weight)`.
type Edge = (u32, u32, f64);

fn higgs_edges() -> Option<(usize, Vec<Edge>)> {
    let dir =
        std::env::var("INFLUENCE_DATA").unwrap_or_else(|_| "../shared/data/influence".to_owned());
    let text = std::fs::read_to_string(format!("{dir}/higgs-mention.edges")).ok()?;
    let mut ids = std::collections::HashMap::new();
    let mut edges = Vec::new();
    for line in text.lines() {
        let mut f = line.split_whitespace();
        let (a, b, w) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
        let next = ids.len() as u32;
        let u = *ids.entry(a.to_owned()).or_insert(next);
        let next = ids.len() as u32;
        let v = *ids.entry(b.to_owned()).or_insert(next);
        edges.push((u, v, w));
    }
    Some((ids.len(), edges))
}

/// A small deterministic generator (xorshift), so the graph is the same on
/// every run without a dependency.
fn generated(n: u32, m: usize) -> Vec<Edge> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..m)
        .map(|_| {
            let from = (next() % n as u64) as u32;
            // Popularity: the square of a uniform draw favours low ids.
            let r = (next() % 1_000_000) as f64 / 1_000_000.0;
            let to = ((r * r * r) * n as f64) as u32 % n;
            (from, to, 1.0 + (next() % 3) as f64)
        })
        .collect()
}

fn ranking(c: &mut Criterion) {
    let mut group = c.benchmark_group("pagerank");
    group.sample_size(20);
    if let Some((n, edges)) = higgs_edges() {
        let graph = Graph::from_edges(n, &edges).expect("valid graph");
        group.bench_function("higgs", |b| {
            b.iter(|| black_box(pagerank(&graph, &PageRankConfig::new()).expect("valid")))
        });
        let before = pagerank(&graph, &PageRankConfig::new()).expect("valid");
        let mut day = edges.clone();
        day.extend(generated(n as u32, 1_500));
        let after = Graph::from_edges(n, &day).expect("valid graph");
        group.bench_function("higgs_warm", |b| {
            b.iter(|| {
                black_box(
                    pagerank(
                        &after,
                        &PageRankConfig::new().warm_start(before.scores.clone()),
                    )
                    .expect("valid"),
                )
            })
        });
        group.bench_function("higgs_cold_after_a_day", |b| {
            b.iter(|| black_box(pagerank(&after, &PageRankConfig::new()).expect("valid")))
        });
    }
    group.finish();

    let mut large = c.benchmark_group("pagerank_large");
    large.sample_size(10);
    let edges = generated(1_000_000, 10_000_000);
    let graph = Graph::from_edges(1_000_000, &edges).expect("valid graph");
    drop(edges);
    large.bench_function("generated_10m", |b| {
        b.iter(|| black_box(pagerank(&graph, &PageRankConfig::new()).expect("valid")))
    });
    large.finish();
}

/// Scoring 100,000 people's signals (the weighted log sum and its
/// explanation).
fn scoring(c: &mut Criterion) {
    let people: Vec<Signals> = generated(1_000_000, 100_000)
        .into_iter()
        .map(|(a, b, w)| Signals {
            followers: f64::from(a),
            following: f64::from(b % 5_000),
            listed: f64::from(a % 2_000),
            posts_per_day: w,
            mentions_received: f64::from(b % 300),
            shares_received: f64::from(a % 700),
            engagement_per_post: w * 3.0,
            reach: 1.0 + w,
            account_age_days: f64::from(a % 4_000),
        })
        .collect();
    let weights = Weights::default();
    let mut group = c.benchmark_group("influence_score");
    group.throughput(criterion::Throughput::Elements(people.len() as u64));
    group.bench_function("100k_people", |b| {
        b.iter(|| {
            people
                .iter()
                .map(|s| score(s, &weights).expect("valid").score)
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, ranking, scoring);
criterion_main!(benches);
