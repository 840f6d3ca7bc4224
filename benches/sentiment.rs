//! How many short social texts per second does the scorer handle?
//!
//! The corpus is the sample week's messages (French, English and Spanish
//! tweets, wall posts, forum posts, emails and call summaries), scored one by
//! one (language detected, and given) and as a batch (languages detected),
//! and its tweets alone, one by one and as a batch with their languages;
//! `explain` is measured too, since it builds the full explanation. The target is 1,000,000 texts
//! a second on one core; VADER (Python) does 27,900 a second on English
//! tweets on the steering machine.
//!
//! Each thread remembers what the words it met resolve to, so after the
//! first iteration this measures a warm scorer, as a service sees it. A
//! first pass over texts never seen (5,517 UMSAB tweets, lexicons parsed
//! on the way) ran at about 60 % of the warm speed when this was written.
//!
//! Run with `cargo bench --bench sentiment`; the `sentiment_adversarial`
//! group scores long texts built to make the rules look around many words.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use social_crm::sample;
use social_crm::sentiment::Analyzer;
use social_crm::Language;

fn scoring(c: &mut Criterion) {
    let week = sample::week();
    let texts: Vec<(String, Option<social_crm::Language>)> = week
        .interactions()
        .iter()
        .map(|i| (i.text.clone(), i.language))
        .collect();
    let analyzer = Analyzer::default();
    // Parse the lexicons before timing.
    black_box(analyzer.score("warm up", None));
    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("score_detect_language", |b| {
        b.iter(|| {
            for (text, _) in &texts {
                black_box(analyzer.score(text, None));
            }
        })
    });
    group.bench_function("score_language_given", |b| {
        b.iter(|| {
            for (text, language) in &texts {
                black_box(analyzer.score(text, *language));
            }
        })
    });
    group.finish();

    // The figure is for tweets: the week's Twitter messages alone.
    let tweets: Vec<(String, Option<social_crm::Language>)> = week
        .interactions()
        .iter()
        .filter(|i| i.channel == social_crm::Channel::Twitter)
        .map(|i| (i.text.clone(), i.language))
        .collect();
    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Elements(tweets.len() as u64));
    group.bench_function("tweets_language_given", |b| {
        b.iter(|| {
            for (text, language) in &tweets {
                black_box(analyzer.score(text, *language));
            }
        })
    });
    group.bench_function("tweets_batch_language_given", |b| {
        b.iter(|| black_box(analyzer.score_batch_with_languages(&tweets)))
    });
    group.finish();

    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Elements(texts.len() as u64));
    let only_texts: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    group.bench_function("score_batch", |b| {
        b.iter(|| black_box(analyzer.score_batch(&only_texts)))
    });
    group.bench_function("explain", |b| {
        b.iter(|| {
            for (text, language) in &texts {
                black_box(analyzer.explain(text, *language));
            }
        })
    });
    group.finish();
}

/// Long texts that repeat a word which makes a rule look around it (a
/// problem, a loss, a polite request, a negative word in a question, a
/// negation far from the word it might reach, a refusal that thanks):
/// each look must stay local, so a text of 200,000 bytes costs about
/// 200,000 bytes of work. When these looks were quadratic, 2 MB of
/// "problème " took 275 s and 1 MB of "lost " 301 s; now 0.46 s and
/// 0.25 s (release build, this machine); 480 KB of "No, thanks. " took
/// 676 ms when each refusal looked for its thanks from the first word, 17
/// ms by binary search. 960 KB of "Love how it broke again " took 3.2 s
/// when each love looked for the complaint after it through every item of
/// the text, and 520 KB of "Can't wait for the outage " 1.1 s; the last
/// complaint of a sentence is now found once per sentence (0.14 s for
/// both, with three other such texts of 520 KB).
fn adversarial(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    black_box(analyzer.score("warm up", None));
    let mut group = c.benchmark_group("sentiment_adversarial");
    group.sample_size(10);
    for (name, unit, end, language) in [
        ("problems", "problème ", "?", Language::FRENCH),
        ("losses", "lost ", "?", Language::ENGLISH),
        ("requests", "merci de me ", "?", Language::FRENCH),
        ("question", "bad ", "?", Language::ENGLISH),
        ("negations", "no ", "good", Language::ENGLISH),
        ("refusals", "No, thanks. ", "", Language::ENGLISH),
        ("loves", "Love how it broke again ", "", Language::ENGLISH),
        (
            "looking_forward",
            "Can't wait for the outage ",
            "",
            Language::ENGLISH,
        ),
    ] {
        let text = format!("{}{end}", unit.repeat(200_000 / unit.len()));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(analyzer.score(&text, Some(language))))
        });
    }
    group.finish();
}

criterion_group!(benches, scoring, adversarial);
criterion_main!(benches);
