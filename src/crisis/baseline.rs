//! What a stream usually looks like at this hour of this day: the seasonal
//! baseline the detector compares each bucket with.
//!
//! Two things are learnt online, each per hour of the week (168 slots) and
//! per hour of the day (24 slots, so that the first week is covered too):
//!
//! - the volume, on the Anscombe scale `sqrt(count + 3/8)`, where Poisson
//!   counts of any size have a spread of about 1/2: a robust, exponentially
//!   weighted location and scale per slot;
//! - the share of negative messages, as exponentially weighted sums of
//!   negatives and totals, shrunk from the hour of the week towards the hour
//!   of the day and the whole stream when a slot has seen few messages, with
//!   one over-dispersion factor for the whole stream.
//!
//! On a stream of volume only, the baseline also keeps the last two buckets
//! it judged, so that the volume of three buckets together can be tested as
//! well as each bucket's (see [`Recent`]).
//!
//! Both are robust to incidents: an observation is clipped to a few scales
//! around the current estimate before it is learnt, so one crisis moves the
//! baseline by a bounded amount and the next weeks are judged against what
//! is usual, not against the crisis. The state has a fixed size whatever the
//! stream's length.

/// Hours in a week: the number of weekly slots.
pub(crate) const WEEK_SLOTS: usize = 168;
/// Hours in a day: the number of daily slots.
pub(crate) const DAY_SLOTS: usize = 24;

/// The smallest scale on the Anscombe scale: the spread of a Poisson count,
/// so that a stream that is always 0 does not make every message an anomaly.
const SCALE_FLOOR: f64 = 0.5;
/// How many scales away from the estimate an observation may pull it.
const CLIP: f64 = 3.0;
/// How many standard deviations above the expected negatives a bucket may
/// pull the share: tighter than for the volume, because sparse hours learn
/// their share from few messages.
const SHARE_CLIP: f64 = 1.5;
/// Mean absolute deviation to standard deviation, for normal noise.
const MAD_TO_SD: f64 = 1.253_314_137_315_500_3;
/// Prior weight, in messages, of the broader share when a slot's is shrunk.
const SHARE_PRIOR: f64 = 20.0;
/// The cap on one bucket's squared share residual when learning the
/// over-dispersion, so that an incident does not inflate it.
const DISPERSION_CAP: f64 = 16.0;

/// How many buckets in a row are tested together (see [`Recent`]).
pub(crate) const RECENT_BUCKETS: usize = 3;

/// The largest weighted sum of messages a restored share may hold (see
/// [`Baseline::is_well_formed`]).
#[cfg(any(feature = "serde", test))]
const MAX_SHARE_SUM: f64 = 1e40;

/// The Anscombe transform of a count: variance about 1/4 for Poisson counts.
pub(crate) fn anscombe(count: f64) -> f64 {
    (count + 0.375).sqrt()
}

/// The count whose Anscombe transform is `y`: the typical count of a slot.
pub(crate) fn from_anscombe(y: f64) -> f64 {
    (y * y - 0.375).max(0.0)
}

/// A robust, exponentially weighted location and scale.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Level {
    /// Observations learnt (saturating).
    pub(crate) seen: u32,
    /// Location.
    pub(crate) mean: f64,
    /// Scale (a standard deviation, from the mean absolute deviation).
    pub(crate) scale: f64,
}

/// Counts one more observation and returns its learning rate: a plain
/// average (1/n) until the slot's memory is reached, then `slowest`.
fn next_rate(seen: &mut u32, slowest: f64) -> f64 {
    *seen = seen.saturating_add(1);
    (1.0 / f64::from(*seen)).max(slowest)
}

impl Level {
    fn learn(&mut self, y: f64, slowest: f64) {
        let rate = next_rate(&mut self.seen, slowest);
        if self.seen == 1 {
            self.mean = y;
            self.scale = SCALE_FLOOR;
            return;
        }
        let reach = CLIP * self.scale.max(SCALE_FLOOR);
        let y = y.clamp(self.mean - reach, self.mean + reach);
        let deviation = (y - self.mean).abs() * MAD_TO_SD;
        self.mean += rate * (y - self.mean);
        self.scale += rate * (deviation - self.scale);
    }

    /// A plain exponentially weighted mean (the scale is not used).
    fn average(&mut self, y: f64, slowest: f64) {
        let rate = next_rate(&mut self.seen, slowest);
        self.mean += rate * (y - self.mean);
    }
}

/// Exponentially weighted sums of negative and total messages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Share {
    /// Observations learnt (saturating).
    pub(crate) seen: u32,
    /// Weighted negative messages.
    pub(crate) negative: f64,
    /// Weighted messages.
    pub(crate) total: f64,
}

impl Share {
    fn learn(&mut self, negative: f64, total: f64, slowest: f64) {
        let keep = 1.0 - next_rate(&mut self.seen, slowest);
        // Sums, not means: the first observations weigh fully, later ones
        // decay at the slot's rate.
        self.negative = self.negative * keep + negative;
        self.total = self.total * keep + total;
    }

    /// This slot's share, shrunk towards `prior` when it rests on few
    /// messages.
    fn shrunk(&self, prior: f64) -> f64 {
        (self.negative + SHARE_PRIOR * prior) / (self.total + SHARE_PRIOR)
    }
}

/// One bucket judged: its messages, the typical count of its hour and the
/// scale of that hour on the Anscombe scale.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Judged {
    total: f64,
    expected: f64,
    scale: f64,
}

/// The volume of the last [`RECENT_BUCKETS`] buckets together.
///
/// A burst that stays a little above the usual for a quarter of an hour is
/// clearer in the sum of its three 5-minute buckets than in any one of them,
/// on quiet streams most of all, where one bucket holds too few messages
/// for a large z-score. But neighbouring buckets are not independent (a busy
/// five minutes is often followed by another), so the z-score of a sum,
/// computed as if they were, overstates how unusual it is: it is divided by
/// the stream's own inflation, the root of the ratio of the mean squared
/// z-scores of sums and of single buckets, learnt over about a week (each
/// square capped, so that an incident does not inflate it). On the NAB
/// tweet series that inflation is 1.25 to 1.5.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Recent {
    /// The buckets judged before the next one, oldest first: `held` of them.
    before: [Judged; RECENT_BUCKETS - 1],
    held: u8,
    /// Mean squared z-score of single buckets (capped).
    single: Level,
    /// Mean squared z-score of sums (capped).
    summed: Level,
}

impl Recent {
    /// The z-score of the sum of the buckets held and one more, as if they
    /// were independent; `None` until enough buckets in a row are held.
    fn raw_z(&self, bucket: &Judged) -> Option<f64> {
        if usize::from(self.held) < self.before.len() {
            return None;
        }
        let (mut observed, mut typical, mut scale) = (bucket.total, bucket.expected, bucket.scale);
        for b in &self.before {
            observed += b.total;
            typical += b.expected;
            scale += b.scale;
        }
        let scale = scale / RECENT_BUCKETS as f64;
        Some((anscombe(observed) - anscombe(typical)) / scale)
    }

    /// How much the sums' z-scores are inflated: at least 1.
    fn inflation(&self) -> f64 {
        if self.single.mean > 0.0 {
            (self.summed.mean / self.single.mean).sqrt().max(1.0)
        } else {
            1.0
        }
    }

    /// Learns the bucket judged (its own z-score `single`, and `raw`, that
    /// of its sum with the ones held) and keeps it among the last ones.
    fn learn(&mut self, judged: Judged, single: f64, raw: Option<f64>, slowest: f64) {
        if let Some(z) = raw {
            self.single
                .average((single * single).min(DISPERSION_CAP), slowest);
            self.summed.average((z * z).min(DISPERSION_CAP), slowest);
        }
        match self.before.get_mut(usize::from(self.held)) {
            Some(slot) => {
                *slot = judged;
                self.held += 1;
            }
            None => {
                self.before.rotate_left(1);
                if let Some(last) = self.before.last_mut() {
                    *last = judged;
                }
            }
        }
    }

    /// Forgets the buckets held: the next ones do not follow them.
    fn forget(&mut self) {
        self.held = 0;
    }

    #[cfg(any(feature = "serde", test))]
    fn is_well_formed(&self, most: f64) -> bool {
        let judged = |b: &Judged| {
            (0.0..=u64::MAX as f64).contains(&b.total)
                && (0.0..=most * most).contains(&b.expected)
                && (0.0..=most * MAD_TO_SD).contains(&b.scale)
        };
        usize::from(self.held) <= self.before.len()
            && self.before.iter().all(judged)
            && [self.single.mean, self.summed.mean]
                .iter()
                .all(|m| (0.0..=DISPERSION_CAP).contains(m))
    }
}

/// What the baseline expects of one bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Expected {
    /// Location on the Anscombe scale.
    pub(crate) mean: f64,
    /// Scale on the Anscombe scale (at least the Poisson floor).
    pub(crate) scale: f64,
    /// The share of negative messages expected (0 < share < 1).
    pub(crate) share: f64,
    /// The over-dispersion of negatives around that share (at least 1).
    pub(crate) dispersion: f64,
}

impl Expected {
    /// How unusual a volume is: the robust z-score of its Anscombe value.
    pub(crate) fn volume_z(&self, total: f64) -> f64 {
        (anscombe(total) - self.mean) / self.scale
    }

    /// How unusual a count of negatives is against the negatives usual at
    /// this hour (the typical volume times the usual share), on the volume's
    /// Anscombe scale.
    pub(crate) fn negative_z(&self, negative: f64) -> f64 {
        (anscombe(negative) - anscombe(self.usual_negative())) / self.scale
    }

    /// The negatives usual at this hour: the typical volume times the usual
    /// share.
    pub(crate) fn usual_negative(&self) -> f64 {
        from_anscombe(self.mean) * self.share
    }

    /// How unusual the negatives are given the total: a binomial z-score,
    /// widened by the stream's over-dispersion. Zero for an empty bucket.
    pub(crate) fn share_z(&self, negative: f64, total: f64) -> f64 {
        if total <= 0.0 {
            return 0.0;
        }
        let variance = total * self.share * (1.0 - self.share) * self.dispersion;
        (negative - total * self.share) / variance.sqrt()
    }
}

/// The seasonal baseline of one stream.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Baseline {
    /// Buckets per hour (at least 1): a slot is known once it has seen this
    /// many buckets.
    per_hour: u32,
    week: Vec<Level>,
    day: Vec<Level>,
    share_week: Vec<Share>,
    share_day: Vec<Share>,
    share_all: Share,
    dispersion: Level,
    /// The last buckets judged, for the volume of several together.
    #[cfg_attr(feature = "serde", serde(default))]
    recent: Recent,
}

impl Baseline {
    pub(crate) fn new(per_hour: u32) -> Baseline {
        Baseline {
            per_hour: per_hour.max(1),
            week: vec![Level::default(); WEEK_SLOTS],
            day: vec![Level::default(); DAY_SLOTS],
            share_week: vec![Share::default(); WEEK_SLOTS],
            share_day: vec![Share::default(); DAY_SLOTS],
            share_all: Share::default(),
            dispersion: Level::default(),
            recent: Recent::default(),
        }
    }

    /// Buckets per hour, as built.
    #[cfg(feature = "serde")]
    pub(crate) fn per_hour(&self) -> u32 {
        self.per_hour
    }

    #[cfg(any(feature = "serde", test))]
    /// Whether a restored baseline has the shape this code builds and
    /// values it could have learnt: finite is not enough, since a mean of
    /// `1e200` squares to infinity when the next bucket is judged.
    pub(crate) fn is_well_formed(&self) -> bool {
        // A level learns Anscombe values of counts up to `u64::MAX`, and a
        // scale from deviations between two of them.
        let most = anscombe(u64::MAX as f64);
        let level = |l: &Level| {
            (0.0..=most).contains(&l.mean) && (0.0..=most * MAD_TO_SD).contains(&l.scale)
        };
        // Weighted sums of counts up to `u64::MAX`, each weighing at most
        // one, decaying at no less than the slowest rate: far below 1e40
        // for any `per_hour`.
        let sums = |s: &Share| {
            (0.0..=MAX_SHARE_SUM).contains(&s.total) && (0.0..=s.total).contains(&s.negative)
        };
        let dispersion = (0.0..=DISPERSION_CAP).contains(&self.dispersion.mean);
        self.per_hour >= 1
            && self.week.len() == WEEK_SLOTS
            && self.day.len() == DAY_SLOTS
            && self.share_week.len() == WEEK_SLOTS
            && self.share_day.len() == DAY_SLOTS
            && self.week.iter().chain(&self.day).all(level)
            && dispersion
            && self.share_week.iter().chain(&self.share_day).all(sums)
            && sums(&self.share_all)
            && self.recent.is_well_formed(most)
    }

    /// Learning rates: a weekly slot remembers about four weeks, a daily
    /// slot and the whole-stream figures about one week.
    fn rates(&self) -> (f64, f64, f64) {
        let per_hour = f64::from(self.per_hour);
        (
            1.0 / (4.0 * per_hour),
            1.0 / (7.0 * per_hour),
            1.0 / (7.0 * 24.0 * per_hour),
        )
    }

    /// What is expected in hour `hour_of_week` (0 = Monday 00:00-01:00), or
    /// `None` while neither that hour of the week nor that hour of the day
    /// has been seen for a full hour.
    pub(crate) fn expected(&self, hour_of_week: usize) -> Option<Expected> {
        let hour_of_day = hour_of_week % DAY_SLOTS;
        let weekly = &self.week[hour_of_week];
        let daily = &self.day[hour_of_day];
        let known = |l: &Level| l.seen >= self.per_hour;
        // The same hour of the week knows the cycle best once it has a week
        // behind it; until then the same hour of the day stands in. (Shrinking
        // the weekly slot towards the daily one instead was measured: it
        // blurs weekdays into weekends and lost 2 of the 21 NAB incidents.)
        let level = if known(weekly) {
            weekly
        } else if known(daily) {
            daily
        } else {
            return None;
        };
        let overall = self.share_all.shrunk(0.25);
        let share = self.share_week[hour_of_week]
            .shrunk(self.share_day[hour_of_day].shrunk(overall))
            .clamp(0.005, 0.995);
        let dispersion = if self.dispersion.seen == 0 {
            1.0
        } else {
            self.dispersion.mean.max(1.0)
        };
        Some(Expected {
            mean: level.mean,
            scale: level.scale.max(SCALE_FLOOR),
            share,
            dispersion,
        })
    }

    /// How unusual the volume of the last [`RECENT_BUCKETS`] buckets is
    /// together, the one judged now (`total` messages with `expected`)
    /// included: the z-score of their sum over the stream's inflation of
    /// such z-scores (see [`Recent`]). `None` until that many buckets in a
    /// row have been judged, and while the inflation rests on less than an
    /// hour of them. The bucket then joins the last ones.
    pub(crate) fn judge_recent(&mut self, total: f64, expected: &Expected) -> Option<f64> {
        let (_, _, week) = self.rates();
        let recent = &mut self.recent;
        let known = recent.summed.seen >= self.per_hour;
        let judged = Judged {
            total,
            expected: from_anscombe(expected.mean),
            scale: expected.scale,
        };
        let raw = recent.raw_z(&judged);
        let z = raw.filter(|_| known).map(|z| z / recent.inflation());
        recent.learn(judged, expected.volume_z(total), raw, week);
        z
    }

    /// Forgets the last buckets judged: the next one does not follow them
    /// (a break in the stream, or a bucket not judged).
    pub(crate) fn forget_recent(&mut self) {
        self.recent.forget();
    }

    /// Learns one bucket (`negative` when known), robustly; `expected` is
    /// what was expected of it, if anything.
    pub(crate) fn learn(
        &mut self,
        hour_of_week: usize,
        total: f64,
        negative: Option<f64>,
        expected: Option<&Expected>,
    ) {
        let (week_rate, day_rate, all_rate) = self.rates();
        let hour_of_day = hour_of_week % DAY_SLOTS;
        let y = anscombe(total);
        self.week[hour_of_week].learn(y, week_rate);
        self.day[hour_of_day].learn(y, day_rate);
        let Some(negative) = negative else { return };
        // An incident's negatives are learnt only up to a few standard
        // deviations above what was expected, like the volume.
        let (negative, total) = match expected {
            Some(e) if total > 0.0 => {
                let sd = (total * e.share * (1.0 - e.share) * e.dispersion).sqrt();
                let z = (negative - total * e.share) / sd;
                self.dispersion
                    .average((z * z * e.dispersion).min(DISPERSION_CAP), all_rate);
                // A surge weighs no more than a busy ordinary bucket in the
                // share, with its negatives scaled down alike.
                let negative = negative.min(total * e.share + SHARE_CLIP * sd);
                let busy = from_anscombe(e.mean + CLIP * e.scale);
                if total > busy {
                    scaled_down(negative, total, busy)
                } else {
                    (negative, total)
                }
            }
            _ => (negative, total),
        };
        self.share_week[hour_of_week].learn(negative, total, week_rate);
        self.share_day[hour_of_day].learn(negative, total, day_rate);
        self.share_all.learn(negative, total, all_rate);
    }
}

/// `negative` of `total` messages as the same share of `busy` messages.
/// The share first: a ratio of at most one keeps the negatives within
/// `busy` once rounded, which `negative * busy / total` does not (3 of 3
/// scaled to 0.1 gives 0.10000000000000002), and a stored share whose
/// negatives pass its total is refused when read back.
fn scaled_down(negative: f64, total: f64, busy: f64) -> (f64, f64) {
    (busy * (negative / total), busy)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A surge scaled down to a busy bucket keeps its negatives within
    /// its total once rounded (found by the `crisis` fuzz target: the
    /// baseline no longer read back).
    #[test]
    fn a_surge_scaled_down_keeps_its_negatives_within_its_total() {
        for total in 1..2_000 {
            let total = f64::from(total) * 1.37;
            for busy in [0.1, 0.3, 1.7, 12.9, 1e6 / 7.0] {
                for negative in [total, total * 0.999, total / 3.0] {
                    let (n, b) = scaled_down(negative, total, busy);
                    assert!(n <= b, "{negative} of {total} scaled to {busy}: {n}");
                }
            }
        }
    }

    #[test]
    fn a_quiet_stream_is_learnt_and_an_incident_barely_moves_it() {
        let mut b = Baseline::new(4);
        for _ in 0..(4 * 24 * 14) {
            for h in 0..WEEK_SLOTS {
                let e = b.expected(h);
                b.learn(h, 100.0, Some(25.0), e.as_ref());
            }
        }
        let before = b.expected(10).unwrap();
        assert!((from_anscombe(before.mean) - 100.0).abs() < 1.0);
        assert!((before.share - 0.25).abs() < 0.01);
        for _ in 0..8 {
            let e = b.expected(10);
            b.learn(10, 1000.0, Some(900.0), e.as_ref());
        }
        let after = b.expected(10).unwrap();
        assert!(after.volume_z(100.0).abs() < 1.0, "{after:?}");
        assert!(after.share_z(25.0, 100.0).abs() < 1.0, "{after:?}");
    }

    /// Sums of independent buckets are judged as such; a stream whose
    /// buckets come in runs (each count held for three buckets) learns
    /// that its sums of three vary more: a sum spans one run (nine times
    /// one bucket's variance) or parts of two (five times), against three
    /// times for independent buckets, so the inflation is about
    /// `sqrt(19 / 9)`, 1.45.
    #[test]
    fn the_inflation_of_sums_is_learnt_from_the_stream() {
        let inflation = |runs: bool| {
            let mut b = Baseline::new(4);
            let mut state = 0x9e37_79b9_7f4a_7c15u64;
            let mut count = 100.0;
            for i in 0..(4 * 24 * 28) {
                if !runs || i % 3 == 0 {
                    // xorshift: uniform noise of about 10 around 100.
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    count = (83 + state % 35) as f64;
                }
                let hour = (i / 4) % WEEK_SLOTS;
                let e = b.expected(hour);
                if let Some(e) = &e {
                    b.judge_recent(count, e);
                }
                b.learn(hour, count, None, e.as_ref());
            }
            b.recent.inflation()
        };
        let (independent, in_runs) = (inflation(false), inflation(true));
        assert!(independent < 1.2, "{independent}");
        assert!(in_runs > 1.35 && in_runs < 1.55, "{in_runs}");
    }

    #[test]
    fn nothing_is_expected_before_an_hour_is_seen() {
        let mut b = Baseline::new(12);
        assert!(b.expected(0).is_none());
        for _ in 0..11 {
            b.learn(0, 3.0, None, None);
        }
        assert!(b.expected(0).is_none());
        b.learn(0, 3.0, None, None);
        assert!(b.expected(0).is_some());
        // The same hour of another day is judged from the daily slot.
        assert!(b.expected(24).is_some());
        assert!(b.is_well_formed());
    }

    #[test]
    fn a_restored_level_out_of_reach_is_not_well_formed() {
        // Regression (fuzzing, #17): a mean of 1e200 is finite, but its
        // square is not.
        let mut b = Baseline::new(1);
        b.week[3].mean = 1e200;
        assert!(!b.is_well_formed());
        let mut b = Baseline::new(1);
        b.share_all.total = 1e300;
        assert!(!b.is_well_formed());
        let mut b = Baseline::new(1);
        b.recent.before[0].total = f64::NAN;
        assert!(!b.is_well_formed());
        let mut b = Baseline::new(1);
        b.recent.summed.mean = 2.0 * DISPERSION_CAP;
        assert!(!b.is_well_formed());
        let mut b = Baseline::new(1);
        b.learn(0, u64::MAX as f64, Some(u64::MAX as f64), None);
        b.learn(0, 0.0, Some(0.0), None);
        assert!(b.is_well_formed());
    }
}
