//! How fast is personal data found and redacted in what a desk sends out?
//!
//! Four workloads: the sample week's messages (short social texts, most with
//! nothing to redact), one message with a phone and an address, one with
//! ten numbers each said twice, and one long text
//! holding many distinct phone numbers and their repeats, the case where
//! every value found is searched for again across the whole text.
//!
//! When this was written, the message with a phone and an address took
//! 1.8 µs on this machine (39 µs before the search for repeated
//! values stopped building an automaton for one or two values), and the long
//! text ran at 16 MiB/s.
//!
//! Run with `cargo bench --bench privacy`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use social_crm::privacy::redact;
use social_crm::sample;

fn redaction(c: &mut Criterion) {
    let week = sample::week();
    let texts: Vec<String> = week.interactions().iter().map(|i| i.text.clone()).collect();
    let mut group = c.benchmark_group("privacy");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("redact_week", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(redact(text));
            }
        })
    });
    group.finish();

    // One message with a phone and an address (the crate's own example).
    let contact =
        "Rappelez-moi au 06 12 34 56 78 ou écrivez à lea.martin@example.fr, commande 4521873390";
    let mut group = c.benchmark_group("privacy");
    group.throughput(Throughput::Elements(1));
    group.bench_function("redact_message_with_contact", |b| {
        b.iter(|| black_box(redact(black_box(contact))))
    });
    group.finish();

    // One message with ten numbers (a list of contacts), each said twice:
    // past a few values the repeats are searched with one automaton.
    let mut list = String::new();
    for i in 0..10u32 {
        list.push_str(&format!("06 12 34 56 {:02} ", 10 + i));
    }
    let list = format!("{list}et encore {list}");
    let mut group = c.benchmark_group("privacy");
    group.throughput(Throughput::Elements(1));
    group.bench_function("redact_message_with_ten_numbers", |b| {
        b.iter(|| black_box(redact(black_box(&list))))
    });
    group.finish();

    // Made-up numbers in the French national form, each said twice.
    let mut long = String::new();
    for i in 0..2_000u32 {
        let number = format!("06 {:02} {:02} {:02} {:02}", i % 97, i % 89, i % 83, i % 79);
        long.push_str(&format!("appel {i} au {number}, rappel au {number}. "));
    }
    let mut group = c.benchmark_group("privacy");
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("redact_many_numbers", |b| {
        b.iter(|| black_box(redact(&long)))
    });
    group.finish();
}

criterion_group!(benches, redaction);
criterion_main!(benches);
