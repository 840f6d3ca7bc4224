//! The timeline behind a [`BusinessCalendar`](super::BusinessCalendar): the
//! weekly pattern, and one table per local year, computed the first time an
//! instant in that year is used.
//!
//! A year is a list of pieces. Most of it follows the weekly pattern at one
//! UTC offset, so its business time is arithmetic on the pattern
//! ([`Kind::Periodic`]); around every change of offset, holiday and override
//! (two days of margin each side) the open intervals are computed exactly,
//! one by one ([`Kind::Exact`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use super::{HolidayMode, Shift, WeeklySchedule, DAY_SECONDS, SECOND};

const DAY: i128 = 86_400 * SECOND;
pub(super) const WEEK: i128 = 7 * DAY;
/// Civil nanoseconds from 1970-01-01T00:00 (a Thursday) to the Monday
/// 1970-01-05T00:00, where the weekly pattern's week starts.
const MONDAY_EPOCH: i128 = 4 * 86_400 * SECOND;
/// More than any UTC offset jiff allows (±25:59:59), in nanoseconds.
const MAX_OFFSET: i128 = 26 * 3600 * SECOND;
/// How far around a year its table looks for what changes its days.
const MARGIN: i128 = 3 * 86_400 * SECOND + MAX_OFFSET;

/// Civil nanoseconds from 1970-01-01T00:00 to the midnight that starts
/// `date`: the wall clock read as if it were UTC.
fn civil(date: Date) -> i128 {
    const EPOCH: Date = jiff::civil::date(1970, 1, 1);
    date.duration_since(EPOCH).as_nanos()
}

/// The local date of a civil instant (nanoseconds, as [`civil`]), clamped
/// to the dates jiff holds.
fn local_date(civil: i128) -> Date {
    let clamped = civil.clamp(
        Timestamp::MIN.as_nanosecond(),
        Timestamp::MAX.as_nanosecond(),
    );
    Timestamp::from_nanosecond(clamped).map_or(Date::MIN, |t| Offset::UTC.to_datetime(t).date())
}

/// `n` days after `d` (before it when negative), clamped to the dates jiff
/// holds: a calendar's years are checked when it is built, and the margins
/// around its first and last days may pass the ends of jiff's range.
pub(super) fn days(d: Date, n: i64) -> Date {
    d.checked_add(SignedDuration::from_hours(24 * n))
        .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
}

/// A zone's offsets over one year and its margins, read once from jiff: a
/// year turns every shift edge near a change of offset into an instant, and
/// this table of the few changes around it answers with arithmetic where
/// jiff would search the zone's rules each time. [`Offsets::instant`] is
/// checked against [`TimeZone::to_timestamp`] by this module's tests.
struct Offsets {
    /// The offset in force before the first change (nanoseconds).
    initial: i128,
    /// `(instant, offset from then on)`, in order (UTC nanoseconds).
    changes: Vec<(i128, i128)>,
}

impl Offsets {
    /// The changes of `tz` between two instants (UTC nanoseconds, clamped
    /// to what jiff holds).
    fn read(tz: &TimeZone, from: i128, to: i128) -> Offsets {
        let ns = |offset: Offset| i128::from(offset.seconds()) * SECOND;
        let from = Timestamp::from_nanosecond(from).unwrap_or(if from < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        let mut changes = Vec::new();
        for transition in tz.following(from) {
            let t = transition.timestamp().as_nanosecond();
            if t > to {
                break;
            }
            changes.push((t, ns(transition.offset())));
        }
        Offsets {
            initial: ns(tz.to_offset(from)),
            changes,
        }
    }

    /// The offset in force at instant `t`.
    fn at(&self, t: i128) -> i128 {
        match self.changes.partition_point(|&(c, _)| c <= t) {
            0 => self.initial,
            i => self.changes[i - 1].1,
        }
    }

    /// The instant of civil time `c`, resolved as jiff's
    /// [`TimeZone::to_timestamp`] does ("compatible"): a time in a gap moves
    /// forward by the gap, an ambiguous time takes the earlier instant.
    fn instant(&self, c: i128) -> i128 {
        // Only the changes within the largest offset of `c` can matter;
        // most of the time there are none.
        let lo = self.changes.partition_point(|&(t, _)| t < c - MAX_OFFSET);
        let hi = self.changes.partition_point(|&(t, _)| t <= c + MAX_OFFSET);
        let mut offset = match lo {
            0 => self.initial,
            _ => self.changes[lo - 1].1,
        };
        // The stretches of one offset around `c`, in order: the first whose
        // offset maps `c` inside it gives the earlier instant.
        for &(t, next) in &self.changes[lo..hi] {
            let candidate = c - offset;
            // Before the change: `c` exists at this offset. At or after it
            // but before the change at the next offset: `c` is in the gap
            // the change opens, moved forward by the gap, which is `c` read
            // at the offset before it.
            if candidate < t || c - next < t {
                return candidate;
            }
            offset = next;
        }
        c - offset
    }

    /// The instant of a local wall time (`seconds` may pass midnight).
    fn wall(&self, date: Date, seconds: u32) -> i128 {
        self.instant(civil(date) + i128::from(seconds) * SECOND)
    }
}

/// The weekly schedule as merged civil intervals in nanoseconds from Monday
/// 00:00, with the open time before each.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    week: Vec<(i128, i128)>,
    /// `before[i]`: open time of the week before `week[i]` starts.
    before: Vec<i128>,
    /// Open time in a week.
    pub(super) total: i128,
}

impl Pattern {
    pub(super) fn new(schedule: &WeeklySchedule) -> Pattern {
        let week = schedule.civil_week();
        let mut before = Vec::with_capacity(week.len());
        let mut total = 0;
        for (a, z) in &week {
            before.push(total);
            total += z - a;
        }
        Pattern {
            week,
            before,
            total,
        }
    }

    /// Business time from the Monday epoch to civil instant `c`
    /// (nanoseconds from the Monday epoch).
    fn business(&self, c: i128) -> i128 {
        let (weeks, r) = div_rem_euclid(c, WEEK);
        let i = self.week.partition_point(|&(a, _)| a < r);
        let partial = match i.checked_sub(1) {
            None => 0,
            Some(j) => self.before[j] + r.min(self.week[j].1) - self.week[j].0,
        };
        weeks * self.total + partial
    }

    /// The earliest civil instant (from the Monday epoch) at which the
    /// business time reaches `v`, for `v > 0` and a pattern with open time.
    fn inverse(&self, v: i128) -> i128 {
        let (weeks, _) = div_rem_euclid(v - 1, self.total);
        let r = v - weeks * self.total;
        let i = self
            .before
            .partition_point(|&before| before < r)
            .saturating_sub(1);
        weeks * WEEK + self.week[i].0 + (r - self.before[i])
    }

    /// The interval of the week holding or following week offset `r`.
    fn at_or_after(&self, r: i128) -> Option<(i128, i128)> {
        let j = self.week.partition_point(|&(_, b)| b <= r);
        self.week.get(j).copied()
    }
}

/// `n.div_euclid(d)` and `n.rem_euclid(d)` for `d > 0`, in 64 bits when they
/// suffice (every instant within about 290 years of 1970): 128-bit division
/// is a library call several times slower.
fn div_rem_euclid(n: i128, d: i128) -> (i128, i128) {
    match (i64::try_from(n), i64::try_from(d)) {
        (Ok(n), Ok(d)) => (i128::from(n.div_euclid(d)), i128::from(n.rem_euclid(d))),
        _ => (n.div_euclid(d), n.rem_euclid(d)),
    }
}

/// One stretch of a year's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// First instant (UTC nanoseconds); the piece ends where the next starts.
    start: i128,
    /// Business nanoseconds from the year's first instant to `start`.
    cum: i128,
    /// The same at the piece's end.
    cum_end: i128,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The weekly pattern at a constant UTC offset: civil = UTC + offset.
    Periodic {
        offset: i128,
        /// The pattern's cumulative business time at the piece's start.
        at_start: i128,
    },
    /// Exact open intervals, `exact[first..last]`.
    Exact { first: usize, last: usize },
}

/// What a year's table is computed from.
pub(super) struct Rules<'a> {
    pub(super) tz: &'a TimeZone,
    pub(super) schedule: &'a WeeklySchedule,
    pub(super) pattern: &'a Pattern,
    pub(super) holidays: &'a BTreeSet<Date>,
    pub(super) overrides: &'a BTreeMap<Date, Vec<Shift>>,
    pub(super) mode: HolidayMode,
}

/// An open interval of an exact piece (UTC nanoseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Open {
    start: i128,
    end: i128,
    /// Business time from the year's start to `start`.
    before: i128,
}

impl Open {
    /// Business time from the year's start to `end`.
    fn after(&self) -> i128 {
        self.before + self.end - self.start
    }
}

/// One local year of the calendar: from its first midnight to the next
/// year's, in pieces.
#[derive(Debug, Clone)]
pub(super) struct Year {
    /// First instant (UTC nanoseconds).
    pub(super) start: i128,
    /// The next year's first instant.
    pub(super) end: i128,
    pieces: Vec<Piece>,
    /// The open intervals of the exact pieces, in order.
    exact: Vec<Open>,
}

impl Year {
    /// The table of the local dates `first_day..end_day` (a year).
    pub(super) fn compute(rules: &Rules<'_>, first_day: Date, end_day: Date) -> Year {
        let offsets = Offsets::read(rules.tz, civil(first_day) - MARGIN, civil(end_day) + MARGIN);
        let mut year = Year {
            start: offsets.wall(first_day, 0),
            end: offsets.wall(end_day, 0),
            pieces: Vec::new(),
            exact: Vec::new(),
        };
        let (near_first, near_end) = (days(first_day, -3), days(end_day, 3));

        // Every change of offset, from the day before the first local date
        // it touches (a shift starting two days before ends before that
        // date's midnight) to the day after the last.
        // Capacities below are the usual sizes: a year has a couple of
        // offset changes and a few holidays, a window a few days of shifts.
        let mut windows: Vec<(Date, Date)> = Vec::with_capacity(offsets.changes.len() + 16);
        for &(t, after) in &offsets.changes {
            let before = offsets.at(t - 1);
            let (on_before, on_after) = (local_date(t - 1 + before), local_date(t + after));
            windows.push((
                days(on_before.min(on_after), -1),
                days(on_before.max(on_after), 1),
            ));
        }
        for &h in rules.holidays.range(near_first..=near_end) {
            if rules.overrides.contains_key(&h) {
                continue;
            }
            let last = match rules.mode {
                HolidayMode::CalendarDay => 1,
                HolidayMode::ShiftStart => 2,
            };
            windows.push((days(h, -1), days(h, last)));
        }
        for &d in rules.overrides.range(near_first..=near_end).map(|(d, _)| d) {
            windows.push((days(d, -1), days(d, 2)));
        }
        windows.sort_unstable();
        let last_day = days(end_day, -1);
        let mut merged: Vec<(Date, Date)> = Vec::with_capacity(windows.len());
        for (a, z) in windows {
            let (a, z) = (a.max(first_day), z.min(last_day));
            if a > z {
                continue;
            }
            match merged.last_mut() {
                Some(last) if a <= days(last.1, 1) => last.1 = last.1.max(z),
                _ => merged.push((a, z)),
            }
        }

        year.pieces.reserve(2 * merged.len() + 1);
        let mut cursor = first_day;
        for (a, z) in merged {
            if cursor < a {
                year.push_periodic(rules, &offsets, offsets.wall(cursor, 0), offsets.wall(a, 0));
            }
            year.push_exact(rules, &offsets, a, z);
            cursor = days(z, 1);
        }
        if cursor < end_day {
            let from = offsets.wall(cursor, 0);
            year.push_periodic(rules, &offsets, from, year.end);
        }
        year
    }

    /// Adds a stretch that follows the weekly pattern at one offset.
    fn push_periodic(&mut self, rules: &Rules<'_>, offsets: &Offsets, start: i128, end: i128) {
        let cum = self.total();
        let offset = offsets.at(start);
        let at_start = rules.pattern.business(start + offset - MONDAY_EPOCH);
        let at_end = rules.pattern.business(end + offset - MONDAY_EPOCH);
        self.pieces.push(Piece {
            start,
            cum,
            cum_end: cum + at_end - at_start,
            kind: Kind::Periodic { offset, at_start },
        });
    }

    /// Adds a stretch of local dates `a..=z` whose open intervals are
    /// computed one by one.
    fn push_exact(&mut self, rules: &Rules<'_>, offsets: &Offsets, a: Date, z: Date) {
        let lo = offsets.wall(a, 0);
        let after = days(z, 1);
        let hi = offsets.wall(after, 0);
        let cum = self.total();
        let mut raw = Vec::with_capacity(16);
        // The day before may run overnight into the window.
        let mut day = days(a, -1);
        let mut midnight = civil(day);
        while day <= z {
            let overridden = rules.overrides.get(&day);
            let dropped = rules.mode == HolidayMode::ShiftStart
                && overridden.is_none()
                && rules.holidays.contains(&day);
            if !dropped {
                let shifts = overridden
                    .map(Vec::as_slice)
                    .unwrap_or_else(|| rules.schedule.shifts(day.weekday()));
                for shift in shifts {
                    let (s, e) = shift.span();
                    let at =
                        |seconds: u32| offsets.instant(midnight + i128::from(seconds) * SECOND);
                    raw.push((at(s), at(e)));
                }
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
            midnight += DAY;
        }
        merge(&mut raw);
        let mut open = raw;
        if rules.mode == HolidayMode::CalendarDay {
            for &h in rules.holidays.range(days(a, -1)..=after) {
                if !rules.overrides.contains_key(&h) {
                    let closed = (offsets.wall(h, 0), offsets.wall(h, DAY_SECONDS));
                    open = subtract(open, closed);
                }
            }
        }
        let first = self.exact.len();
        self.exact.reserve(open.len());
        let mut running = cum;
        for (x, y) in open {
            let (x, y) = (x.max(lo), y.min(hi));
            if y > x {
                self.exact.push(Open {
                    start: x,
                    end: y,
                    before: running,
                });
                running += y - x;
            }
        }
        self.pieces.push(Piece {
            start: lo,
            cum,
            cum_end: running,
            kind: Kind::Exact {
                first,
                last: self.exact.len(),
            },
        });
    }

    /// Open time in the year.
    pub(super) fn total(&self) -> i128 {
        self.pieces.last().map_or(0, |p| p.cum_end)
    }

    fn piece_at(&self, t: i128) -> usize {
        self.pieces
            .partition_point(|p| p.start <= t)
            .saturating_sub(1)
    }

    fn piece_end(&self, i: usize) -> i128 {
        self.pieces.get(i + 1).map_or(self.end, |p| p.start)
    }

    /// Business time from the year's start to `t`, an instant of the year.
    pub(super) fn business(&self, pattern: &Pattern, t: i128) -> i128 {
        let Some(piece) = self.pieces.get(self.piece_at(t)) else {
            return 0;
        };
        match piece.kind {
            Kind::Periodic { offset, at_start } => {
                piece.cum + pattern.business(t + offset - MONDAY_EPOCH) - at_start
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact[first..last].partition_point(|o| o.start < t);
                match k.checked_sub(1).filter(|&j| j >= first) {
                    None => piece.cum,
                    Some(j) => {
                        let o = self.exact[j];
                        o.before + t.min(o.end) - o.start
                    }
                }
            }
        }
    }

    /// The earliest instant at which the year's business time reaches
    /// `target`, for `0 < target <= self.total()`.
    pub(super) fn instant_at(&self, pattern: &Pattern, target: i128) -> Option<i128> {
        let piece = self
            .pieces
            .get(self.pieces.partition_point(|p| p.cum_end < target))?;
        Some(match piece.kind {
            Kind::Periodic { offset, at_start } => {
                pattern.inverse(target - piece.cum + at_start) + MONDAY_EPOCH - offset
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact[first..last].partition_point(|o| o.after() < target);
                let o = self.exact.get(k)?;
                o.start + (target - o.before)
            }
        })
    }

    /// Whether the desk is open at `t`, an instant of the year.
    pub(super) fn is_open(&self, pattern: &Pattern, t: i128) -> bool {
        let Some(piece) = self.pieces.get(self.piece_at(t)) else {
            return false;
        };
        match piece.kind {
            Kind::Periodic { offset, .. } => {
                let (_, r) = div_rem_euclid(t + offset - MONDAY_EPOCH, WEEK);
                pattern.at_or_after(r).is_some_and(|(a, _)| a <= r)
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact[first..last].partition_point(|o| o.end <= t);
                k < last && self.exact[k].start <= t
            }
        }
    }

    /// The first open instant at or after `t` within the year.
    pub(super) fn next_open(&self, pattern: &Pattern, t: i128) -> Option<i128> {
        let mut now = t;
        for i in self.piece_at(t)..self.pieces.len() {
            let end = self.piece_end(i);
            let found = match self.pieces[i].kind {
                Kind::Periodic { offset, .. } => {
                    let c = now + offset - MONDAY_EPOCH;
                    let (_, r) = div_rem_euclid(c, WEEK);
                    let civil = match pattern.at_or_after(r) {
                        Some((a, _)) => Some(c - r + a.max(r)),
                        None => pattern.week.first().map(|&(a, _)| c - r + WEEK + a),
                    };
                    civil.map(|civil| civil + MONDAY_EPOCH - offset)
                }
                Kind::Exact { first, last } => {
                    let k = first + self.exact[first..last].partition_point(|o| o.end <= now);
                    (k < last).then(|| self.exact[k].start.max(now))
                }
            };
            match found {
                Some(x) if x < end => return Some(x),
                _ => now = end,
            }
        }
        None
    }

    /// Where the opening holding `t` (an open instant of the year) ends, or
    /// the end of its piece, whichever comes first.
    pub(super) fn close_after(&self, pattern: &Pattern, t: i128) -> i128 {
        let i = self.piece_at(t);
        let end = self.piece_end(i);
        let close = match self.pieces.get(i).map(|p| p.kind) {
            // Open all week: it closes where the piece ends, if at all.
            Some(Kind::Periodic { .. }) if pattern.total == WEEK => end,
            Some(Kind::Periodic { offset, .. }) => {
                let c = t + offset - MONDAY_EPOCH;
                let (_, r) = div_rem_euclid(c, WEEK);
                let b = pattern.at_or_after(r).map_or(r, |(_, b)| b);
                c - r + b + MONDAY_EPOCH - offset
            }
            Some(Kind::Exact { first, last }) => {
                let k = first + self.exact[first..last].partition_point(|o| o.end <= t);
                self.exact.get(k).filter(|_| k < last).map_or(t, |o| o.end)
            }
            None => t,
        };
        close.min(end)
    }

    /// Whether an opening of the year ends after `t`.
    pub(super) fn open_after(&self, t: i128) -> bool {
        self.exact.iter().any(|o| o.end > t)
    }
}

/// Sorts intervals and merges, in place, those that overlap or touch.
pub(super) fn merge(intervals: &mut Vec<(i128, i128)>) {
    intervals.retain(|(a, b)| b > a);
    intervals.sort_unstable();
    let mut kept = 0;
    for i in 0..intervals.len() {
        let (a, b) = intervals[i];
        if kept > 0 && a <= intervals[kept - 1].1 {
            intervals[kept - 1].1 = intervals[kept - 1].1.max(b);
        } else {
            intervals[kept] = (a, b);
            kept += 1;
        }
    }
    intervals.truncate(kept);
}

/// Removes `[c0, c1)` from sorted, disjoint intervals.
fn subtract(intervals: Vec<(i128, i128)>, (c0, c1): (i128, i128)) -> Vec<(i128, i128)> {
    let mut out = Vec::with_capacity(intervals.len() + 1);
    for (a, b) in intervals {
        if c1 <= a || c0 >= b {
            out.push((a, b));
            continue;
        }
        if a < c0 {
            out.push((a, c0));
        }
        if c1 < b {
            out.push((c1, b));
        }
    }
    out
}

#[cfg(all(test, feature = "tzdb-bundled"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ZONES: &[&str] = &[
        "Europe/Paris",
        "America/New_York",
        "Australia/Lord_Howe",
        "Africa/Casablanca",
        "Pacific/Apia",
        "America/Santiago",
        "Asia/Kolkata",
        "Europe/Dublin",
    ];

    /// Every wall time within two hours of every change of offset, every
    /// ten minutes, in zones with gaps, folds, half-hour changes and a
    /// skipped day, from 1890 to 2100: resolved as jiff does.
    #[test]
    fn offsets_resolve_wall_times_near_changes_as_jiff_does() {
        let mut checked = 0;
        for zone in ZONES {
            let tz = crate::time::time_zone(zone).unwrap();
            for year in (1890i16..2100).step_by(3) {
                let first = Date::new(year, 1, 1).unwrap();
                let end = Date::new(year + 1, 1, 1).unwrap();
                let offsets = Offsets::read(&tz, civil(first) - MARGIN, civil(end) + MARGIN);
                for &(t, after) in &offsets.changes {
                    let wall = t + offsets.at(t - 1).min(after);
                    for step in -12..=24 {
                        let c = wall + i128::from(step) * 600 * SECOND;
                        let date = local_date(c);
                        let seconds = u32::try_from((c - civil(date)) / SECOND).unwrap();
                        let dt = date
                            .to_datetime(jiff::civil::Time::midnight())
                            .checked_add(SignedDuration::from_secs(i64::from(seconds)))
                            .unwrap();
                        let expected = tz.to_timestamp(dt).unwrap().as_nanosecond();
                        assert_eq!(offsets.wall(date, seconds), expected, "{zone} {dt}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The table resolves every wall time as jiff does, gaps and folds
        /// included.
        #[test]
        fn offsets_resolve_wall_times_as_jiff_does(
            zone in proptest::sample::select(ZONES.to_vec()),
            year in 1890i16..2100,
            day in 0i64..366,
            seconds in 0u32..2 * 86_400,
        ) {
            let tz = crate::time::time_zone(zone).unwrap();
            let first = Date::new(year, 1, 1).unwrap();
            let end = Date::new(year + 1, 1, 1).unwrap();
            let offsets = Offsets::read(&tz, civil(first) - MARGIN, civil(end) + MARGIN);
            let date = days(first, day);
            let wall = date
                .to_datetime(jiff::civil::Time::midnight())
                .checked_add(SignedDuration::from_secs(i64::from(seconds)))
                .unwrap();
            let expected = tz.to_timestamp(wall).unwrap().as_nanosecond();
            prop_assert_eq!(offsets.wall(date, seconds), expected, "{} {}", zone, wall);
        }
    }
}
