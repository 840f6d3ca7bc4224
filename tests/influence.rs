//! Influence scores, stances and the desk's ranking.

use proptest::prelude::*;
use social_crm::influence::{
    rank_customers, score, stance, InfluenceOutcome, RankOptions, Signals, Stance, Weights,
};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sentiment::Analyzer;
use social_crm::{sample, ErrorKind};

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
    let report = rank_customers(
        &directory,
        &interactions,
        &week.brand_handles,
        week.start,
        week.now,
        &Analyzer::default(),
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
    let backwards = rank_customers(
        &directory,
        &interactions,
        &week.brand_handles,
        week.now,
        week.start,
        &Analyzer::default(),
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
    let analyzer = Analyzer::default();
    let options = RankOptions {
        mention_half_life: Some(SignedDuration::from_hours(24)),
        teleport_to_brand: true,
        ..RankOptions::default()
    };
    let report = rank_customers(
        &directory,
        &interactions,
        &week.brand_handles,
        week.start,
        week.now,
        &analyzer,
        &options,
    )
    .unwrap();
    assert!(report.scored().count() > 50);
    // A window with nothing in it: an empty report, not an error.
    let before = week.start - SignedDuration::from_hours(24 * 30);
    let empty = rank_customers(
        &directory,
        &interactions,
        &week.brand_handles,
        before,
        before,
        &analyzer,
        &RankOptions::default(),
    )
    .unwrap();
    assert!(empty.outcomes.is_empty());
}
