//! The crisis detector on the shared, labelled series: each set's NAB
//! standard score must not fall more than 2 points below what the crate
//! reached when this test was written, every incident must still be found,
//! and the care desk must keep to its false-alarm budget. `CRISIS_DATA`
//! names the folder (CI sets it to `../shared/data/crisis`); without it the
//! test says so and passes.
//!
//! The score is NAB's rule as `score.py` in the evaluation tools computes
//! it (probation, windows, scaled sigmoid, standard costs, null-detector
//! normalisation), re-implemented here so that the test needs no Python.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use social_crm::crisis::{AlertKind, Bucket, Detector, Settings};
use social_crm::jiff::{civil::DateTime, tz::TimeZone, SignedDuration, Timestamp};

/// Set, NAB standard score reached, windows, and the largest false alarms
/// per week allowed (None: no budget for this set).
const FLOORS: &[(&str, f64, usize, Option<f64>)] = &[
    ("nab-realtweets", 78.73, 21, None),
    ("synthetic-fr-care", 97.57, 9, Some(0.3)),
];

const TP_WEIGHT: f64 = 1.0;
const FP_WEIGHT: f64 = 0.11;
const FN_WEIGHT: f64 = 1.0;

fn timestamp(text: &str) -> Timestamp {
    text.parse::<Timestamp>().unwrap_or_else(|_| {
        let civil: DateTime = text.parse().expect("a timestamp");
        civil.to_zoned_datetime(TimeZone::UTC).unwrap().timestamp()
    })
}

fn scaled_sigmoid(x: f64) -> f64 {
    if x > 3.0 {
        -1.0
    } else {
        2.0 / (1.0 + (5.0 * x).exp()) - 1.0
    }
}

/// One series' share of the score.
#[derive(Default)]
struct Tally {
    raw: f64,
    null: f64,
    perfect: f64,
    windows: usize,
    detected: usize,
    false_alarms: usize,
    weeks_outside: f64,
}

/// Streams one series and scores its alerts (raised and escalated).
fn run_series(path: &Path, windows: &[(Timestamp, Timestamp)]) -> Tally {
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
    let n = times.len();
    let probation = ((0.15 * n as f64).floor()).min(750.0) as usize;
    let wins: Vec<(usize, usize)> = windows
        .iter()
        .filter_map(|&(a, b)| {
            let lo = times.partition_point(|t| *t < a);
            let hi = times.partition_point(|t| *t <= b).checked_sub(1)?;
            (lo <= hi).then_some((lo, hi))
        })
        .collect();
    let in_window = |i: usize| wins.iter().position(|&(lo, hi)| lo <= i && i <= hi);
    let mut first_in: BTreeMap<usize, usize> = BTreeMap::new();
    let mut false_alarms = Vec::new();
    for &i in alerts.iter().filter(|&&i| i >= probation) {
        match in_window(i) {
            Some(k) => {
                first_in.entry(k).or_insert(i);
            }
            None => false_alarms.push(i),
        }
    }
    let mut t = Tally::default();
    let max_tp = scaled_sigmoid(-1.0);
    for (k, &(lo, hi)) in wins.iter().enumerate() {
        if hi < probation {
            continue;
        }
        t.windows += 1;
        t.null -= FN_WEIGHT;
        t.raw += match first_in.get(&k) {
            Some(&first) => {
                t.detected += 1;
                let pos = -((hi - first + 1) as f64) / (hi - lo + 1) as f64;
                (scaled_sigmoid(pos) * TP_WEIGHT / max_tp).max(-FN_WEIGHT)
            }
            None => -FN_WEIGHT,
        };
    }
    t.perfect = TP_WEIGHT * wins.len() as f64;
    for &i in &false_alarms {
        // The last window that ended before the alarm discounts it.
        match wins.iter().rev().find(|&&(_, hi)| hi < i) {
            None => t.raw -= FP_WEIGHT,
            Some(&(lo, hi)) => {
                let width = (hi - lo + 1) as f64;
                t.raw += scaled_sigmoid((i - hi) as f64 / (width - 1.0).max(1.0)) * FP_WEIGHT;
            }
        }
    }
    t.false_alarms = false_alarms.len();
    let outside = (probation..n).filter(|&i| in_window(i).is_none()).count();
    t.weeks_outside = outside as f64 * width.as_secs_f64() / (7.0 * 86_400.0);
    t
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
        let mut total = Tally::default();
        for (series, spans) in &all {
            let spans: Vec<(Timestamp, Timestamp)> = spans
                .iter()
                .map(|(a, b)| (timestamp(a), timestamp(b)))
                .collect();
            let t = run_series(&folder.join(format!("{series}.csv")), &spans);
            total.raw += t.raw;
            total.null += t.null;
            total.perfect += t.perfect;
            total.windows += t.windows;
            total.detected += t.detected;
            total.false_alarms += t.false_alarms;
            total.weeks_outside += t.weeks_outside;
        }
        let score = 100.0 * (total.raw - total.null) / (total.perfect - total.null);
        let per_week = total.false_alarms as f64 / total.weeks_outside;
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
