//! The crisis detector on the shared, labelled series: each set's NAB
//! standard score must not fall more than 2 points below what the crate
//! reached when this test was written, every incident must still be found,
//! and the care desk must keep to its false-alarm budget. `CRISIS_DATA`
//! names the folder (CI sets it to `../shared/data/crisis`); without it the
//! test says so and passes.
//!
//! The score is NAB's rule as `score.py` in the evaluation tools computes
//! it, re-implemented in `examples/support/nab.rs` (shared with
//! `crisis_cv`) so that the test needs no Python.

#[path = "../examples/support/nab.rs"]
mod nab;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use nab::Score;
use social_crm::crisis::{AlertKind, Bucket, Detector, Settings};
use social_crm::jiff::{civil::DateTime, tz::TimeZone, SignedDuration, Timestamp};

/// Set, NAB standard score reached, windows, and the largest false alarms
/// per week allowed (None: no budget for this set).
const FLOORS: &[(&str, f64, usize, Option<f64>)] = &[
    ("nab-realtweets", 78.73, 21, None),
    ("synthetic-fr-care", 97.57, 9, Some(0.3)),
];

fn timestamp(text: &str) -> Timestamp {
    text.parse::<Timestamp>().unwrap_or_else(|_| {
        let civil: DateTime = text.parse().expect("a timestamp");
        civil.to_zoned_datetime(TimeZone::UTC).unwrap().timestamp()
    })
}

/// Streams one series and scores its alerts (raised and escalated).
fn run_series(path: &Path, windows: &[(Timestamp, Timestamp)]) -> Score {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let columns = lines.next().unwrap().split(',').count();
    let mut times = Vec::new();
    let mut buckets = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let at = timestamp(f[0]);
        let total: f64 = f[1].parse().unwrap();
        let negative = (columns == 3).then(|| f[2].parse::<f64>().unwrap());
        times.push(at);
        buckets.push(Bucket::from_f64(at, total, negative).unwrap());
    }
    let width: SignedDuration = times[1].duration_since(times[0]);
    let mut detector = Detector::new("series", Settings::new(width).unwrap());
    let mut alerts = BTreeSet::new();
    for (i, bucket) in buckets.iter().enumerate() {
        let step = detector.push(*bucket).unwrap();
        if step.alerts.iter().any(|a| a.kind != AlertKind::AllClear) {
            alerts.insert(i);
        }
    }
    let alerts: Vec<usize> = alerts.into_iter().collect();
    nab::score(
        times.len(),
        width.as_secs_f64(),
        &nab::window_rows(&times, windows),
        &alerts,
    )
}

#[test]
#[cfg_attr(
    not(crisis_data),
    ignore = "needs the labelled crisis series: set CRISIS_DATA to ../shared/data/crisis"
)]
fn scores_hold_on_the_labelled_series() {
    let Some(dir) = std::env::var_os("CRISIS_DATA") else {
        panic!(
            "{} is not set: run without it, this test is ignored",
            "CRISIS_DATA"
        );
    };
    let mut failures = Vec::new();
    for &(set, reached, windows, budget) in FLOORS {
        let folder = Path::new(&dir).join(set);
        let listing = std::fs::read_to_string(folder.join("windows.json")).unwrap_or_else(|e| {
            panic!(
                "CRISIS_DATA is set but {} has no windows.json: {e}",
                folder.display()
            )
        });
        let all: BTreeMap<String, Vec<(String, String)>> = serde_json::from_str(&listing).unwrap();
        assert!(!all.is_empty(), "{} lists no series", folder.display());
        let mut total = Score::default();
        for (series, spans) in &all {
            let spans: Vec<(Timestamp, Timestamp)> = spans
                .iter()
                .map(|(a, b)| (timestamp(a), timestamp(b)))
                .collect();
            total = total.add(run_series(&folder.join(format!("{series}.csv")), &spans));
        }
        let (score, per_week) = (total.nab(), total.per_week());
        eprintln!(
            "{set}: NAB {score:.2}, {}/{} windows, {per_week:.2} false alarms a week",
            total.detected, total.windows
        );
        if score < reached - 2.0 {
            failures.push(format!("{set}: NAB score {score:.2} < {reached} - 2"));
        }
        if total.windows != windows || total.detected != windows {
            failures.push(format!(
                "{set}: {} of {} windows found, expected all {windows}",
                total.detected, total.windows
            ));
        }
        if budget.is_some_and(|b| per_week > b) {
            failures.push(format!("{set}: {per_week:.2} false alarms a week"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
