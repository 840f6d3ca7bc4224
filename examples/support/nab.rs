//! NAB's standard score of one series' alerts, as `score.py` in the
//! evaluation tools computes it (probation of min(15 %, 750) rows, a window
//! scored by its earliest alert on a scaled sigmoid, false alarms weighed by
//! their distance to the previous window, null-detector normalisation),
//! re-implemented so that Rust code needs no Python. Shared by
//! `examples/crisis_cv.rs` and `tests/crisis_corpora.rs`.

use social_crm::jiff::Timestamp;

const TP_WEIGHT: f64 = 1.0;
const FP_WEIGHT: f64 = 0.11;
const FN_WEIGHT: f64 = 1.0;

/// What alerts earned on one series or, added up, on several.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub raw: f64,
    pub null: f64,
    pub perfect: f64,
    pub windows: usize,
    pub detected: usize,
    pub false_alarms: usize,
    /// Scored time outside windows, in weeks.
    pub weeks_out: f64,
}

impl Score {
    /// Two series' scores pooled, as the scorer pools them.
    pub fn add(self, o: Score) -> Score {
        Score {
            raw: self.raw + o.raw,
            null: self.null + o.null,
            perfect: self.perfect + o.perfect,
            windows: self.windows + o.windows,
            detected: self.detected + o.detected,
            false_alarms: self.false_alarms + o.false_alarms,
            weeks_out: self.weeks_out + o.weeks_out,
        }
    }

    /// The normalised score: 0 never alerts, 100 is perfect.
    pub fn nab(&self) -> f64 {
        if self.perfect == self.null {
            return 0.0;
        }
        100.0 * (self.raw - self.null) / (self.perfect - self.null)
    }

    /// False alarms per week of scored time outside windows.
    pub fn per_week(&self) -> f64 {
        if self.weeks_out > 0.0 {
            self.false_alarms as f64 / self.weeks_out
        } else {
            0.0
        }
    }
}

/// The inclusive row ranges of windows given by their first and last
/// instants, over rows starting at `times` (sorted); empty ones left out.
pub fn window_rows(times: &[Timestamp], spans: &[(Timestamp, Timestamp)]) -> Vec<(usize, usize)> {
    let mut rows: Vec<(usize, usize)> = spans
        .iter()
        .filter_map(|&(start, end)| {
            let lo = times.partition_point(|&t| t < start);
            let hi = times.partition_point(|&t| t <= end).checked_sub(1)?;
            (lo <= hi).then_some((lo, hi))
        })
        .collect();
    rows.sort_unstable();
    rows
}

/// The scorer's S(x): 1 at the start of a window, falling to -1.
fn sigmoid(x: f64) -> f64 {
    if x > 3.0 {
        -1.0
    } else {
        2.0 / (1.0 + (5.0 * x).exp()) - 1.0
    }
}

/// The first rows of a series of `rows` that the scorer ignores, alerts
/// and windows alike: min(15 %, 750).
pub fn probation(rows: usize) -> usize {
    ((0.15 * rows as f64).floor()).min(750.0) as usize
}

/// The standard profile's score of `alerts` (rows, sorted) on a series of
/// `rows` buckets of `bucket_secs` seconds with `windows` (sorted).
pub fn score(rows: usize, bucket_secs: f64, windows: &[(usize, usize)], alerts: &[usize]) -> Score {
    let probation = probation(rows);
    let window_of = |i: usize| windows.iter().position(|&(lo, hi)| lo <= i && i <= hi);
    let mut first: Vec<Option<usize>> = vec![None; windows.len()];
    let mut false_alarms = Vec::new();
    for &i in alerts.iter().filter(|&&i| i >= probation) {
        match window_of(i) {
            Some(k) => {
                first[k].get_or_insert(i);
            }
            None => false_alarms.push(i),
        }
    }
    let max_tp = sigmoid(-1.0);
    let mut s = Score {
        perfect: TP_WEIGHT * windows.len() as f64,
        false_alarms: false_alarms.len(),
        ..Score::default()
    };
    for (k, &(lo, hi)) in windows.iter().enumerate() {
        if hi < probation {
            continue;
        }
        s.windows += 1;
        s.null -= FN_WEIGHT;
        s.raw += match first[k] {
            Some(i) => {
                s.detected += 1;
                let position = -((hi - i + 1) as f64) / (hi - lo + 1) as f64;
                (sigmoid(position) * TP_WEIGHT / max_tp).max(-FN_WEIGHT)
            }
            None => -FN_WEIGHT,
        };
    }
    for &i in &false_alarms {
        // The last window that ended before the alarm discounts it.
        s.raw += match windows.iter().rev().find(|&&(_, hi)| hi < i) {
            None => -FP_WEIGHT,
            Some(&(lo, hi)) => {
                let width = (hi - lo + 1) as f64;
                sigmoid((i - hi) as f64 / (width - 1.0).max(1.0)) * FP_WEIGHT
            }
        };
    }
    let outside = (probation..rows)
        .filter(|&i| window_of(i).is_none())
        .count();
    s.weeks_out = outside as f64 * bucket_secs / (7.0 * 86_400.0);
    s
}
