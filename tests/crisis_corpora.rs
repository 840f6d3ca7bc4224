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
#[path = "../examples/support/series.rs"]
mod series;

use std::collections::BTreeMap;
use std::path::Path;

use nab::Score;
use series::{timestamp, Series};
use social_crm::crisis::Settings;
use social_crm::jiff::Timestamp;

/// Set, NAB standard score reached, windows, and the largest false alarms
/// per week allowed (None: no budget for this set).
const FLOORS: &[(&str, f64, usize, Option<f64>)] = &[
    ("nab-realtweets", 78.84, 21, None),
    ("synthetic-fr-care", 97.57, 9, Some(0.3)),
];

/// Streams one series and scores its alerts (raised and escalated).
fn run_series(path: &Path, windows: &[(Timestamp, Timestamp)]) -> Score {
    let series = Series::read(path).unwrap().expect("a series file");
    let width = series.bucket_width().unwrap();
    let alerts = series
        .alert_rows("series", Settings::new(width).unwrap())
        .unwrap();
    let times: Vec<Timestamp> = series.buckets.iter().map(|b| b.start()).collect();
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
                .map(|(a, b)| (timestamp(a).unwrap(), timestamp(b).unwrap()))
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
