//! Influence scores, stances and the desk's ranking.

use proptest::prelude::*;
use social_crm::influence::{
    rank_customers, score, stance, InfluenceOutcome, InfluenceReport, RankOptions, Signals, Stance,
    Weights,
};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sample::SampleWeek;
use social_crm::sentiment::Analyzer;
use social_crm::{sample, Directory, ErrorKind, Interaction};

/// Ranks the sample week's customers over `(from, now)` with the default
/// analyzer.
fn rank(
    week: &SampleWeek,
    directory: &Directory,
    interactions: &[&Interaction],
    (from, now): (Timestamp, Timestamp),
    options: &RankOptions,
) -> social_crm::Result<InfluenceReport> {
    rank_customers(
        directory,
        interactions,
        &week.brand_handles,
        from,
        now,
        &Analyzer::default(),
        options,
    )
}

proptest! {
    #[test]
    fn the_score_grows_with_followers(
        base in 0.0f64..1e7, more in 0.0f64..1e7,
        following in 0.0f64..1e6, listed in 0.0f64..1e5, shares in 0.0f64..1e4,
    ) {
        let s = |followers| Signals { followers, following, listed, shares_received: shares, ..Signals::default() };
        let w = Weights::default();
        let low = score(&s(base), &w).unwrap();
        let high = score(&s(base + more), &w).unwrap();
        prop_assert!(high.raw >= low.raw - 1e-12);
        prop_assert!(high.score >= low.score - 1e-9);
        prop_assert!((0.0..100.0).contains(&high.score));
        prop_assert!((high.explanation.total() - high.raw).abs() < 1e-9);
    }
}

#[test]
fn bad_signals_are_typed_errors() {
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let err = score(
            &Signals {
                listed: bad,
                ..Signals::default()
            },
            &Weights::default(),
        )
        .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidSignal { what: "listed", .. }),
            "{err}"
        );
    }
}

#[test]
fn a_stance_needs_enough_messages() {
    let now: Timestamp = "2026-11-22T18:00:00Z".parse().unwrap();
    let week = SignedDuration::from_hours(24 * 7);
    assert_eq!(stance([], now, week, 2).stance, Stance::Unknown);
    assert_eq!(stance([(now, -0.9)], now, week, 2).stance, Stance::Unknown);
    let r = stance([(now, 0.8), (now, 0.6), (now, f64::NAN)], now, week, 2);
    assert_eq!((r.stance, r.messages), (Stance::Advocate, 2));
    // Old praise weighs less than fresh complaints.
    let old = now - week * 4;
    let r = stance([(old, 0.9), (old, 0.9), (now, -0.7)], now, week, 2);
    assert_eq!(r.stance, Stance::Detractor);
}

#[test]
fn the_sample_week_ranks_opinion_leaders_first_and_honours_consent() {
    let week = sample::week();
    let directory = week.directory().unwrap();
    let interactions = week.interactions();
    let report = rank(
        &week,
        &directory,
        &interactions,
        (week.start, week.now),
        &RankOptions::default(),
    )
    .unwrap();
    let top: Vec<&str> = report
        .scored()
        .take(5)
        .map(|c| c.customer.as_str())
        .collect();
    for leader in ["c001", "c002"] {
        assert!(top.contains(&leader), "{top:?}");
    }
    // The four customers who refused profiling get no score, as an outcome of its own.
    let refused: Vec<&str> = report
        .outcomes
        .iter()
        .filter_map(|o| match o {
            InfluenceOutcome::ProfilingRefused(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(refused, ["c019", "c041", "c060", "c080"]);
    assert!(report
        .scored()
        .all(|c| !refused.contains(&c.customer.as_str())));
    // Percentiles run from 100 down.
    let first = report.scored().next().unwrap();
    assert_eq!(first.percentile, 100.0);
    assert!(!report.detractors(75.0).is_empty());
    let backwards = rank(
        &week,
        &directory,
        &interactions,
        (week.now, week.start),
        &RankOptions::default(),
    );
    assert!(matches!(
        backwards.unwrap_err().kind(),
        ErrorKind::InvalidWindow { .. }
    ));
}

#[test]
fn options_decay_personalise_and_empty_windows() {
    let week = sample::week();
    let directory = week.directory().unwrap();
    let interactions = week.interactions();
    let options = RankOptions {
        mention_half_life: Some(SignedDuration::from_hours(24)),
        teleport_to_brand: true,
        ..RankOptions::default()
    };
    let report = rank(
        &week,
        &directory,
        &interactions,
        (week.start, week.now),
        &options,
    )
    .unwrap();
    assert!(report.scored().count() > 50);
    // A window with nothing in it: an empty report, not an error.
    let before = week.start - SignedDuration::from_hours(24 * 30);
    let empty = rank(
        &week,
        &directory,
        &interactions,
        (before, before),
        &RankOptions::default(),
    )
    .unwrap();
    assert!(empty.outcomes.is_empty());
}

#[test]
fn rank_options_set_the_stance_and_huge_counts_do_not_overflow() {
    let week = sample::week();
    let directory = week.directory().unwrap();
    let mut owned: Vec<_> = week.interactions().into_iter().cloned().collect();
    for i in &mut owned {
        i.engagement.likes = u64::MAX;
        i.engagement.shares = u64::MAX;
        i.engagement.replies = u64::MAX;
    }
    let interactions: Vec<_> = owned.iter().collect();
    let rank_with = |options: &RankOptions| {
        rank(
            &week,
            &directory,
            &interactions,
            (week.start, week.now),
            options,
        )
        .unwrap()
    };
    let default = rank_with(&RankOptions::default());
    assert!(default.scored().any(|c| c.stance.stance != Stance::Unknown));
    assert!(default.scored().all(|c| c.influence.score.is_finite()));
    // Asking for more messages than anyone wrote leaves every stance unknown.
    let strict = rank_with(&RankOptions {
        min_messages: 1_000,
        ..RankOptions::default()
    });
    assert!(strict.scored().count() > 50);
    assert!(strict.scored().all(|c| c.stance.stance == Stance::Unknown));
}
