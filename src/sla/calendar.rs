//! Business calendars: when the desk is open, in a real time zone, with
//! holidays, per-date overrides and overnight shifts.
//!
//! # Rules
//!
//! - A [`WeeklySchedule`] gives each weekday any number of [`Shift`]s in wall
//!   clock time. A shift whose end is not after its start runs overnight and
//!   ends the next day (`20:00-02:00`); `24:00` is the end of the day;
//!   `00:00-00:00` is a whole day. Overlapping and adjacent shifts merge.
//! - Wall times become instants the way Temporal, `java.time` and jiff do by
//!   default ("compatible"): a time in a spring-forward gap moves forward by
//!   the gap, an ambiguous fall-back time takes the earlier occurrence, and a
//!   shift that vanishes in a gap is dropped. In `Europe/Paris`, a shift
//!   starting at 02:30 on 29 March 2026 starts at 03:30 CEST; on 25 October
//!   2026, 02:30 means the first 02:30 (CEST).
//! - Business time is elapsed time: a `00:00-24:00` day counts 23 hours on
//!   the day clocks spring forward and 25 hours when they fall back.
//! - A holiday closes its whole local calendar day, including the
//!   after-midnight tail of the previous evening's overnight shift
//!   ([`HolidayMode::CalendarDay`], the default); or, with
//!   [`HolidayMode::ShiftStart`], it drops the shifts that start on that date
//!   (their tail into the next day included). A per-date override replaces
//!   the weekly shifts of its date, and wins over a holiday on the same date.
//!
//! # Storing a calendar
//!
//! With the `serde` feature, a [`BusinessCalendar`] is stored as what it was
//! built from and rebuilt, with every check, when read back. The zone is an
//! IANA name (resolved through the bundled database of the `tzdb-bundled`
//! feature), a fixed offset or a POSIX TZ string; the schedule maps weekdays
//! to shifts; `holidays`, `overrides`, `holiday_mode` and `years` are
//! optional.
//!
//! ```
//! # #[cfg(all(feature = "serde", feature = "tzdb-bundled"))] {
//! use social_crm::sla::{BusinessCalendar, HolidayMode};
//!
//! let json = r#"{
//!     "time_zone": "Europe/Paris",
//!     "schedule": { "monday": ["08:00-02:00"], "saturday": ["10:00-18:00"] },
//!     "holidays": ["2026-12-25"],
//!     "overrides": { "2026-12-24": ["08:00-16:00"] },
//!     "holiday_mode": "shift-start"
//! }"#;
//! let desk: BusinessCalendar = serde_json::from_str(json).unwrap();
//! assert_eq!(desk.holiday_mode(), HolidayMode::ShiftStart);
//! assert_eq!(desk.schedule().weekly_seconds(), (18 + 8) * 3600);
//!
//! let stored = serde_json::to_string(&desk).unwrap();
//! assert_eq!(serde_json::from_str::<BusinessCalendar>(&stored).unwrap(), desk);
//!
//! // Bad input is refused with the reason.
//! let err = serde_json::from_str::<BusinessCalendar>(
//!     r#"{"time_zone": "Europe/Paris", "schedule": {"monday": ["25:00-26:00"]}}"#,
//! ).unwrap_err();
//! assert!(err.to_string().contains("25:00"), "{err}");
//! # }
//! ```
//!
//! # Cost
//!
//! Building a calendar computes, once, the exact open time around every time
//! zone transition, holiday and override in its range of years (by default
//! 1900 to 2199); between those, the weekly pattern repeats and is applied
//! by arithmetic. So [`add`](BusinessCalendar::add) and
//! [`between`](BusinessCalendar::between) cost two binary searches whatever
//! the span: adding a year costs about as much as adding an hour.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::{ErrorKind, Result};

const SECOND: i128 = 1_000_000_000;
const DAY_SECONDS: u32 = 86_400;
const WEEK: i128 = 7 * 86_400 * SECOND;
/// Civil nanoseconds from 1970-01-01T00:00 (a Thursday) to the Monday
/// 1970-01-05T00:00, where the weekly pattern's week starts.
const MONDAY_EPOCH: i128 = 4 * 86_400 * SECOND;

/// A wall-clock time of day from `00:00` to `24:00`, to the second.
///
/// ```
/// use social_crm::sla::WallTime;
///
/// let t: WallTime = "08:30".parse()?;
/// assert_eq!(t.seconds(), 8 * 3600 + 30 * 60);
/// assert_eq!("24:00".parse::<WallTime>()?.to_string(), "24:00");
/// assert!("25:00".parse::<WallTime>().is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WallTime(u32);

impl WallTime {
    /// Midnight at the start of the day.
    pub const MIDNIGHT: WallTime = WallTime(0);
    /// `24:00`, the end of the day.
    pub const END_OF_DAY: WallTime = WallTime(DAY_SECONDS);

    /// A time from hours, minutes and seconds.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidWallTime`] unless it lies in `00:00:00..=24:00:00`.
    pub fn new(hour: u32, minute: u32, second: u32) -> Result<WallTime> {
        if minute < 60 && second < 60 && (hour < 24 || (hour == 24 && minute == 0 && second == 0)) {
            Ok(WallTime(hour * 3600 + minute * 60 + second))
        } else {
            Err(ErrorKind::InvalidWallTime {
                value: format!("{hour:02}:{minute:02}:{second:02}"),
            }
            .into())
        }
    }

    /// Seconds since midnight, `0..=86400`.
    pub fn seconds(self) -> u32 {
        self.0
    }
}

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 % 3600 / 60, self.0 % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

/// Parses `HH:MM` or `HH:MM:SS`.
impl FromStr for WallTime {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<WallTime> {
        let bad = || -> crate::Error {
            ErrorKind::InvalidWallTime {
                value: s.to_owned(),
            }
            .into()
        };
        let mut parts = s.split(':');
        let mut field = |required: bool| -> Result<u32> {
            match parts.next() {
                Some(p) if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map_err(|_| bad())
                }
                None if !required => Ok(0),
                _ => Err(bad()),
            }
        };
        let (h, m, sec) = (field(true)?, field(true)?, field(false)?);
        if parts.next().is_some() {
            return Err(bad());
        }
        WallTime::new(h, m, sec).map_err(|_| bad())
    }
}

serde_via_str!(WallTime, "a wall-clock time such as `08:30` or `24:00`");

/// An opening on one day: from a start to an end wall time. An end that is
/// not after the start means the shift runs overnight into the next day;
/// `00:00-00:00` is a whole day.
///
/// ```
/// use social_crm::sla::Shift;
///
/// let evening: Shift = "20:00-02:00".parse()?;
/// assert!(evening.is_overnight());
/// assert_eq!(evening.duration_seconds(), 6 * 3600);
/// assert_eq!("00:00-00:00".parse::<Shift>()?.duration_seconds(), 86_400);
/// assert!("24:00-02:00".parse::<Shift>().is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shift {
    start: WallTime,
    end: WallTime,
}

impl Shift {
    /// A shift from `start` to `end`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidShift`] if it starts at `24:00`.
    pub fn new(start: WallTime, end: WallTime) -> Result<Shift> {
        if start == WallTime::END_OF_DAY {
            return Err(ErrorKind::InvalidShift {
                value: format!("{start}-{end}"),
                reason: "a shift cannot start at 24:00",
            }
            .into());
        }
        Ok(Shift { start, end })
    }

    /// A shift from two wall times written `HH:MM[:SS]`.
    ///
    /// # Errors
    ///
    /// As [`WallTime`]'s parser and [`Shift::new`].
    pub fn parse(start: &str, end: &str) -> Result<Shift> {
        Shift::new(start.parse()?, end.parse()?)
    }

    /// When it starts.
    pub fn start(self) -> WallTime {
        self.start
    }

    /// When it ends (on the next day if [`is_overnight`](Self::is_overnight)).
    pub fn end(self) -> WallTime {
        self.end
    }

    /// Whether it ends on the next day.
    pub fn is_overnight(self) -> bool {
        self.end <= self.start
    }

    /// Its length in wall-clock seconds (elapsed time differs on DST days).
    pub fn duration_seconds(self) -> u32 {
        let (s, e) = self.span();
        e - s
    }

    /// Start and end as seconds from the start of its day, the end after the
    /// start and at most a day later.
    fn span(self) -> (u32, u32) {
        let (s, e) = (self.start.0, self.end.0);
        if e <= s {
            (s, e + DAY_SECONDS)
        } else {
            (s, e)
        }
    }
}

impl fmt::Display for Shift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// Parses `HH:MM-HH:MM` (seconds optional).
impl FromStr for Shift {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Shift> {
        match s.split_once('-') {
            Some((a, b)) => Shift::parse(a.trim(), b.trim()),
            None => Err(ErrorKind::InvalidShift {
                value: s.to_owned(),
                reason: "expected `HH:MM-HH:MM`",
            }
            .into()),
        }
    }
}

serde_via_str!(Shift, "a shift such as `08:00-02:00`");

/// Which shifts each weekday has.
///
/// ```
/// use social_crm::sla::{Shift, WeeklySchedule};
/// use social_crm::jiff::civil::Weekday;
///
/// // The care desk: 7 days a week, 08:00 to 02:00 the next morning.
/// let desk = WeeklySchedule::new().every_day("08:00-02:00".parse()?);
/// assert_eq!(desk.shifts(Weekday::Sunday).len(), 1);
/// assert_eq!(desk.weekly_seconds(), 7 * 18 * 3600);
///
/// let office = WeeklySchedule::new()
///     .monday_to_friday("09:00-12:30".parse()?)
///     .monday_to_friday("13:30-18:00".parse()?);
/// assert!(office.shifts(Weekday::Saturday).is_empty());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklySchedule {
    /// Monday first.
    days: [Vec<Shift>; 7],
}

impl WeeklySchedule {
    /// No shift on any day.
    pub fn new() -> WeeklySchedule {
        WeeklySchedule::default()
    }

    /// Open all the time.
    pub fn always_open() -> WeeklySchedule {
        WeeklySchedule::new().every_day(Shift {
            start: WallTime::MIDNIGHT,
            end: WallTime::MIDNIGHT,
        })
    }

    /// Adds a shift on one weekday.
    #[must_use]
    pub fn with(mut self, day: Weekday, shift: Shift) -> WeeklySchedule {
        self.add(day, shift);
        self
    }

    /// Adds a shift on one weekday, in place.
    pub fn add(&mut self, day: Weekday, shift: Shift) {
        self.days[day.to_monday_zero_offset() as usize].push(shift);
    }

    /// Adds a shift on every day of the week.
    #[must_use]
    pub fn every_day(mut self, shift: Shift) -> WeeklySchedule {
        for day in &mut self.days {
            day.push(shift);
        }
        self
    }

    /// Adds a shift from Monday to Friday.
    #[must_use]
    pub fn monday_to_friday(mut self, shift: Shift) -> WeeklySchedule {
        for day in &mut self.days[..5] {
            day.push(shift);
        }
        self
    }

    /// The shifts of one weekday, as given.
    pub fn shifts(&self, day: Weekday) -> &[Shift] {
        &self.days[day.to_monday_zero_offset() as usize]
    }

    /// Open seconds in a week of wall-clock time, overlaps counted once.
    pub fn weekly_seconds(&self) -> u64 {
        let week = self.civil_week();
        let total: i128 = week.iter().map(|(a, b)| b - a).sum();
        u64::try_from(total / SECOND).unwrap_or(0)
    }

    /// The week's open time as merged civil intervals in nanoseconds from
    /// Monday 00:00, within one week (shifts running past Sunday midnight wrap
    /// to Monday).
    fn civil_week(&self) -> Vec<(i128, i128)> {
        let mut raw = Vec::new();
        for (day, shifts) in self.days.iter().enumerate() {
            for shift in shifts {
                let (s, e) = shift.span();
                let base = day as i128 * 86_400;
                let (a, b) = (
                    (base + i128::from(s)) * SECOND,
                    (base + i128::from(e)) * SECOND,
                );
                if b <= WEEK {
                    raw.push((a, b));
                } else {
                    raw.push((a, WEEK));
                    raw.push((0, b - WEEK));
                }
            }
        }
        merge(raw)
    }
}

/// Sorts intervals and merges those that overlap or touch.
fn merge(mut raw: Vec<(i128, i128)>) -> Vec<(i128, i128)> {
    raw.retain(|(a, b)| b > a);
    raw.sort_unstable();
    let mut out: Vec<(i128, i128)> = Vec::with_capacity(raw.len());
    for (a, b) in raw {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

word_enum! {
    /// How holidays close a calendar. Written `calendar-day` or `shift-start`.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum HolidayMode ("holiday mode") {
        /// The whole local calendar day is closed, including the after-midnight
        /// tail of the previous evening's overnight shift.
        #[default]
        CalendarDay => "calendar-day",
        /// The shifts that start on the holiday are dropped (with their tail
        /// into the next day); the previous evening's tail is kept.
        ShiftStart => "shift-start",
    }
}

/// The range of local years a calendar covers by default.
pub const DEFAULT_YEARS: (i16, i16) = (1900, 2199);

/// Builds a [`BusinessCalendar`]: a zone and a weekly schedule, plus holidays
/// and per-date overrides.
#[derive(Debug, Clone)]
pub struct CalendarBuilder {
    tz: TimeZone,
    week: WeeklySchedule,
    holidays: BTreeSet<Date>,
    overrides: BTreeMap<Date, Vec<Shift>>,
    mode: HolidayMode,
    years: (i16, i16),
}

impl CalendarBuilder {
    /// Adds holidays (local dates).
    #[must_use]
    pub fn holidays(mut self, dates: impl IntoIterator<Item = Date>) -> CalendarBuilder {
        self.holidays.extend(dates);
        self
    }

    /// Replaces the weekly shifts of one date: a special opening on a
    /// Sunday, shorter hours on 24 December, or no shift at all. An override
    /// wins over a holiday on the same date.
    #[must_use]
    pub fn override_date(mut self, date: Date, shifts: Vec<Shift>) -> CalendarBuilder {
        self.overrides.insert(date, shifts);
        self
    }

    /// How holidays close the calendar (default [`HolidayMode::CalendarDay`]).
    #[must_use]
    pub fn holiday_mode(mut self, mode: HolidayMode) -> CalendarBuilder {
        self.mode = mode;
        self
    }

    /// The local years the calendar covers, both included (default 1900 to
    /// 2199, at most [`BusinessCalendar::MAX_YEARS`]). Instants outside are
    /// refused with [`ErrorKind::OutOfRange`].
    /// Building costs time in proportion to the number of time zone
    /// transitions, holidays and overrides in the range.
    #[must_use]
    pub fn years(mut self, first: i16, last: i16) -> CalendarBuilder {
        self.years = (first, last);
        self
    }

    /// Computes the calendar.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] if the years are reversed or outside what
    /// jiff can represent; [`ErrorKind::TooLarge`] for more than
    /// [`BusinessCalendar::MAX_YEARS`] years;
    /// [`ErrorKind::UnstorableTimeZone`] for a zone that would be stored as
    /// another (see [`time::posix_time_zone`](crate::time::posix_time_zone)).
    pub fn build(self) -> Result<BusinessCalendar> {
        BusinessCalendar::compute(self)
    }
}

/// `n` days after `d` (before it when negative).
fn days(d: Date, n: i64) -> Result<Date> {
    d.checked_add(jiff::Span::new().days(n)).map_err(|_| {
        ErrorKind::OutOfRange {
            what: format!("`{d}` plus {n} days"),
        }
        .into()
    })
}

/// One stretch of the calendar's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// First instant (UTC nanoseconds); the piece ends where the next starts.
    start: i128,
    /// Business nanoseconds from the calendar's first instant to `start`.
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
    /// Exact open intervals, `exact[first..last]`, computed with jiff.
    Exact { first: usize, last: usize },
}

/// When a desk is open: a weekly schedule in a time zone, with holidays and
/// per-date overrides, and the business-time arithmetic SLAs need.
///
/// ```
/// use social_crm::sla::{BusinessCalendar, WeeklySchedule};
/// use social_crm::jiff::{civil::date, SignedDuration, Timestamp};
///
/// // `social_crm::time::time_zone("Europe/Paris")` with the bundled
/// // database; the same rules as a POSIX TZ string need no database at all.
/// let paris = social_crm::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")?;
/// let office = WeeklySchedule::new().monday_to_friday("09:00-18:00".parse()?);
/// let calendar = BusinessCalendar::builder(paris, office)
///     .holidays([date(2026, 12, 25)])
///     .build()?;
///
/// // Friday 17:00 plus two business hours: one on Friday, one on Monday,
/// // after the switch to summer time.
/// let friday: Timestamp = "2026-03-27T17:00:00+01:00".parse()?;
/// let due = calendar.add(friday, SignedDuration::from_hours(2))?;
/// assert_eq!(due.to_string(), "2026-03-30T08:00:00Z");
/// assert_eq!(calendar.between(friday, due)?, SignedDuration::from_hours(2));
///
/// // Christmas is closed.
/// let eve: Timestamp = "2026-12-24T17:00:00+01:00".parse()?;
/// let due = calendar.add(eve, SignedDuration::from_hours(2))?;
/// assert_eq!(due.to_string(), "2026-12-28T09:00:00Z");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    /// What the calendar was built from.
    spec: CalendarBuilder,
    /// The weekly pattern: merged civil intervals from Monday 00:00.
    week: Vec<(i128, i128)>,
    /// `week_before[i]`: open time of the week before `week[i]` starts.
    week_before: Vec<i128>,
    week_total: i128,
    pieces: Vec<Piece>,
    exact: Vec<(i128, i128)>,
    /// `exact_before[k]`: cumulative business time at `exact[k].0`.
    exact_before: Vec<i128>,
    /// `exact_after[k]`: cumulative business time at `exact[k].1`.
    exact_after: Vec<i128>,
    /// The last instant covered (exclusive), UTC nanoseconds.
    end: i128,
}

impl PartialEq for BusinessCalendar {
    /// Equal when built from the same zone, schedule, holidays, overrides,
    /// mode and years.
    fn eq(&self, other: &BusinessCalendar) -> bool {
        let (a, b) = (&self.spec, &other.spec);
        a.tz == b.tz
            && a.week == b.week
            && a.holidays == b.holidays
            && a.overrides == b.overrides
            && a.mode == b.mode
            && a.years == b.years
    }
}

impl BusinessCalendar {
    /// A builder for a calendar in `tz` following `schedule`.
    pub fn builder(tz: TimeZone, schedule: WeeklySchedule) -> CalendarBuilder {
        CalendarBuilder {
            tz,
            week: schedule,
            holidays: BTreeSet::new(),
            overrides: BTreeMap::new(),
            mode: HolidayMode::default(),
            years: DEFAULT_YEARS,
        }
    }

    /// A calendar with no holidays or overrides.
    ///
    /// # Errors
    ///
    /// As [`CalendarBuilder::build`].
    pub fn new(tz: TimeZone, schedule: WeeklySchedule) -> Result<BusinessCalendar> {
        BusinessCalendar::builder(tz, schedule).build()
    }

    /// Open all the time in UTC: business time is plain elapsed time.
    ///
    /// # Errors
    ///
    /// None in practice.
    pub fn always_open() -> Result<BusinessCalendar> {
        BusinessCalendar::new(TimeZone::UTC, WeeklySchedule::always_open())
    }

    /// The calendar's time zone.
    pub fn time_zone(&self) -> &TimeZone {
        &self.spec.tz
    }

    /// The weekly schedule.
    pub fn schedule(&self) -> &WeeklySchedule {
        &self.spec.week
    }

    /// The holidays.
    pub fn holidays(&self) -> &BTreeSet<Date> {
        &self.spec.holidays
    }

    /// The per-date overrides.
    pub fn overrides(&self) -> &BTreeMap<Date, Vec<Shift>> {
        &self.spec.overrides
    }

    /// How holidays close the calendar.
    pub fn holiday_mode(&self) -> HolidayMode {
        self.spec.mode
    }

    /// The local years covered, both included.
    pub fn years(&self) -> (i16, i16) {
        self.spec.years
    }

    /// The most years one calendar covers: building costs time and memory
    /// in proportion to its years, and a year range is often read from
    /// configuration a caller does not control.
    pub const MAX_YEARS: u16 = 1000;

    fn compute(b: CalendarBuilder) -> Result<BusinessCalendar> {
        // A calendar is a stored state: a zone stored as another would move
        // every shift once read back.
        crate::time::stored_form(&b.tz)?;
        let (y0, y1) = b.years;
        let out_of_range = || -> crate::Error {
            ErrorKind::OutOfRange {
                what: format!("calendar years `{y0}..={y1}`"),
            }
            .into()
        };
        if y0 > y1 {
            return Err(out_of_range());
        }
        let span = u64::from(y0.abs_diff(y1)) + 1;
        if span > u64::from(BusinessCalendar::MAX_YEARS) {
            return Err(ErrorKind::TooLarge {
                what: "calendar's year range",
                size: span,
                limit: u64::from(BusinessCalendar::MAX_YEARS),
            }
            .into());
        }
        let first_day = Date::new(y0, 1, 1).map_err(|_| out_of_range())?;
        let end_day = Date::new(y1.checked_add(1).ok_or_else(out_of_range)?, 1, 1)
            .map_err(|_| out_of_range())?;
        let week = b.week.civil_week();
        let mut week_before = Vec::with_capacity(week.len());
        let mut total = 0;
        for (a, z) in &week {
            week_before.push(total);
            total += z - a;
        }
        let mut calendar = BusinessCalendar {
            spec: b,
            week,
            week_before,
            week_total: total,
            pieces: Vec::new(),
            exact: Vec::new(),
            exact_before: Vec::new(),
            exact_after: Vec::new(),
            end: 0,
        };
        calendar.lay_out(first_day, end_day)?;
        Ok(calendar)
    }

    /// The instant of a local wall time (`seconds` may pass midnight),
    /// resolved the "compatible" way.
    fn wall(&self, date: Date, seconds: u32) -> Result<i128> {
        let civil = date
            .to_datetime(Time::midnight())
            .checked_add(SignedDuration::from_secs(i64::from(seconds)))
            .and_then(|dt| self.spec.tz.to_timestamp(dt))
            .map_err(|_| ErrorKind::OutOfRange {
                what: format!("local time {seconds} s after `{date}`"),
            })?;
        Ok(civil.as_nanosecond())
    }

    /// Splits the years into periodic stretches and exact windows around
    /// every transition, holiday and override.
    fn lay_out(&mut self, first_day: Date, end_day: Date) -> Result<()> {
        let start = self.wall(first_day, 0)?;
        let end = self.wall(end_day, 0)?;
        let mut windows: Vec<(Date, Date)> = Vec::new();

        // Every change of offset, with two days of margin each side.
        let from =
            Timestamp::from_nanosecond(start - 3 * 86_400 * SECOND).unwrap_or(Timestamp::MIN);
        for transition in self.spec.tz.following(from) {
            let t = transition.timestamp();
            if t.as_nanosecond() > end + 3 * 86_400 * SECOND {
                break;
            }
            let before = self
                .spec
                .tz
                .to_datetime(t.checked_sub(SignedDuration::from_nanos(1)).unwrap_or(t))
                .date();
            let after = self.spec.tz.to_datetime(t).date();
            windows.push((days(before.min(after), -2)?, days(before.max(after), 2)?));
        }
        for &h in &self.spec.holidays {
            if self.spec.overrides.contains_key(&h) {
                continue;
            }
            let last = match self.spec.mode {
                HolidayMode::CalendarDay => 1,
                HolidayMode::ShiftStart => 2,
            };
            windows.push((days(h, -1)?, days(h, last)?));
        }
        for &d in self.spec.overrides.keys() {
            windows.push((days(d, -1)?, days(d, 2)?));
        }
        windows.sort_unstable();
        let mut merged: Vec<(Date, Date)> = Vec::new();
        for (a, z) in windows {
            let a = a.max(first_day);
            let z = z.min(days(end_day, -1)?);
            if a > z {
                continue;
            }
            match merged.last_mut() {
                Some(last) if a <= days(last.1, 1)? => last.1 = last.1.max(z),
                _ => merged.push((a, z)),
            }
        }

        let mut cursor = first_day;
        for (a, z) in merged {
            if cursor < a {
                self.push_periodic(self.wall(cursor, 0)?, self.wall(a, 0)?);
            }
            self.push_exact(a, z)?;
            cursor = days(z, 1)?;
        }
        if cursor < end_day {
            self.push_periodic(self.wall(cursor, 0)?, end);
        }
        self.end = end;
        Ok(())
    }

    /// Adds a stretch that follows the weekly pattern at one offset.
    fn push_periodic(&mut self, start: i128, end: i128) {
        let cum = self.pieces.last().map_or(0, |p| p.cum_end);
        let offset = Timestamp::from_nanosecond(start)
            .map(|t| i128::from(self.spec.tz.to_offset(t).seconds()) * SECOND)
            .unwrap_or(0);
        let at_start = self.pattern(start + offset - MONDAY_EPOCH);
        let at_end = self.pattern(end + offset - MONDAY_EPOCH);
        let cum_end = cum + at_end - at_start;
        self.pieces.push(Piece {
            start,
            cum,
            cum_end,
            kind: Kind::Periodic { offset, at_start },
        });
    }

    /// Adds a stretch of local dates `a..=z` whose open intervals are
    /// computed exactly.
    fn push_exact(&mut self, a: Date, z: Date) -> Result<()> {
        let lo = self.wall(a, 0)?;
        let after = days(z, 1)?;
        let hi = self.wall(after, 0)?;
        let cum = self.pieces.last().map_or(0, |p| p.cum_end);
        let mut raw = Vec::new();
        let mut day = a.yesterday().unwrap_or(a);
        while day <= z {
            let overridden = self.spec.overrides.get(&day);
            let dropped = self.spec.mode == HolidayMode::ShiftStart
                && overridden.is_none()
                && self.spec.holidays.contains(&day);
            if !dropped {
                let shifts = overridden
                    .map(Vec::as_slice)
                    .unwrap_or_else(|| self.spec.week.shifts(day.weekday()));
                for shift in shifts {
                    let (s, e) = shift.span();
                    raw.push((self.wall(day, s)?, self.wall(day, e)?));
                }
            }
            day = days(day, 1)?;
        }
        let mut open = merge(raw);
        if self.spec.mode == HolidayMode::CalendarDay {
            let cuts: Vec<Date> = self
                .spec
                .holidays
                .range(a.yesterday().unwrap_or(a)..=after)
                .filter(|h| !self.spec.overrides.contains_key(h))
                .copied()
                .collect();
            for h in cuts {
                open = subtract(open, (self.wall(h, 0)?, self.wall(h, DAY_SECONDS)?));
            }
        }
        let first = self.exact.len();
        let mut running = cum;
        for (x, y) in open {
            let (x, y) = (x.max(lo), y.min(hi));
            if y > x {
                self.exact.push((x, y));
                self.exact_before.push(running);
                running += y - x;
                self.exact_after.push(running);
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
        Ok(())
    }

    /// The weekly pattern's business time from the Monday epoch to civil
    /// instant `c` (nanoseconds from the Monday epoch).
    fn pattern(&self, c: i128) -> i128 {
        let weeks = c.div_euclid(WEEK);
        let r = c.rem_euclid(WEEK);
        let i = self.week.partition_point(|&(a, _)| a < r);
        let partial = match i.checked_sub(1) {
            None => 0,
            Some(j) => self.week_before[j] + r.min(self.week[j].1) - self.week[j].0,
        };
        weeks * self.week_total + partial
    }

    /// The earliest civil instant (from the Monday epoch) at which the
    /// weekly pattern's business time reaches `v`, for `v > 0`.
    fn pattern_inverse(&self, v: i128) -> i128 {
        let weeks = (v - 1).div_euclid(self.week_total);
        let r = v - weeks * self.week_total;
        let i = self
            .week_before
            .partition_point(|&before| before < r)
            .saturating_sub(1);
        let (a, _) = self.week[i];
        weeks * WEEK + a + (r - self.week_before[i])
    }

    fn piece_at(&self, t: i128) -> usize {
        self.pieces
            .partition_point(|p| p.start <= t)
            .saturating_sub(1)
    }

    fn piece_end(&self, i: usize) -> i128 {
        self.pieces.get(i + 1).map_or(self.end, |p| p.start)
    }

    /// Business time from the calendar's first instant to `t`.
    fn business_in(&self, piece: &Piece, t: i128) -> i128 {
        match piece.kind {
            Kind::Periodic { offset, at_start } => {
                piece.cum + self.pattern(t + offset - MONDAY_EPOCH) - at_start
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact[first..last].partition_point(|&(a, _)| a < t);
                if k == first {
                    piece.cum
                } else {
                    let (a, b) = self.exact[k - 1];
                    self.exact_before[k - 1] + t.min(b) - a
                }
            }
        }
    }

    fn check(&self, t: Timestamp) -> Result<i128> {
        let ns = t.as_nanosecond();
        let first = self.pieces.first().map_or(self.end, |p| p.start);
        if ns < first || ns >= self.end {
            return Err(ErrorKind::OutOfRange {
                what: format!(
                    "instant `{t}` for a calendar covering the years `{}..={}`",
                    self.spec.years.0, self.spec.years.1
                ),
            }
            .into());
        }
        Ok(ns)
    }

    fn cumulative(&self, t: i128) -> i128 {
        let i = self.piece_at(t);
        self.business_in(&self.pieces[i], t)
    }

    /// Business time between two instants: positive when `end` is after
    /// `start`, negative when before.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] if an instant is outside the calendar's
    /// years.
    pub fn between(&self, start: Timestamp, end: Timestamp) -> Result<SignedDuration> {
        let a = self.check(start)?;
        let b = self.check(end)?;
        Ok(duration(self.cumulative(b) - self.cumulative(a)))
    }

    /// The instant at which `amount` of business time has passed since
    /// `start`: the earliest instant with exactly that much open time since
    /// `start`, so a target used up at closing time returns the closing
    /// instant. Adding zero rolls forward to the first open instant.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NegativeDuration`] for a negative amount;
    /// [`ErrorKind::NoOpenTime`] if the calendar never opens again;
    /// [`ErrorKind::OutOfRange`] if `start` or the answer falls outside the
    /// calendar's years.
    pub fn add(&self, start: Timestamp, amount: SignedDuration) -> Result<Timestamp> {
        let s = self.check(start)?;
        if amount.is_negative() {
            return Err(ErrorKind::NegativeDuration {
                value: amount.to_string(),
            }
            .into());
        }
        if amount.is_zero() {
            return self.next_open(start);
        }
        let target = self.cumulative(s) + amount.as_nanos();
        let i = self.pieces.partition_point(|p| p.cum_end < target);
        let Some(piece) = self.pieces.get(i) else {
            return Err(self.beyond(start));
        };
        let t = match piece.kind {
            Kind::Periodic { offset, at_start } => {
                self.pattern_inverse(target - piece.cum + at_start) + MONDAY_EPOCH - offset
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact_after[first..last].partition_point(|&c| c < target);
                self.exact[k].0 + (target - self.exact_before[k])
            }
        };
        timestamp(t)
    }

    /// The error for "nothing more within the calendar".
    fn beyond(&self, from: Timestamp) -> crate::Error {
        if self.week_total == 0 && self.exact.iter().all(|&(_, b)| b <= from.as_nanosecond()) {
            ErrorKind::NoOpenTime.into()
        } else {
            ErrorKind::OutOfRange {
                what: format!(
                    "an answer after `{from}` for a calendar covering the years `{}..={}`",
                    self.spec.years.0, self.spec.years.1
                ),
            }
            .into()
        }
    }

    /// Whether the desk is open at `t`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] outside the calendar's years.
    pub fn is_open(&self, t: Timestamp) -> Result<bool> {
        let ns = self.check(t)?;
        Ok(self.open_at(ns))
    }

    fn open_at(&self, t: i128) -> bool {
        let piece = &self.pieces[self.piece_at(t)];
        match piece.kind {
            Kind::Periodic { offset, .. } => {
                let r = (t + offset - MONDAY_EPOCH).rem_euclid(WEEK);
                let i = self.week.partition_point(|&(_, b)| b <= r);
                self.week.get(i).is_some_and(|&(a, _)| a <= r)
            }
            Kind::Exact { first, last } => {
                let k = first + self.exact[first..last].partition_point(|&(_, b)| b <= t);
                k < last && self.exact[k].0 <= t
            }
        }
    }

    /// The first open instant at or after `t` (`t` itself when open).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoOpenTime`] if the calendar never opens again;
    /// [`ErrorKind::OutOfRange`] if that is beyond its years.
    pub fn next_open(&self, t: Timestamp) -> Result<Timestamp> {
        let mut now = self.check(t)?;
        let mut i = self.piece_at(now);
        while i < self.pieces.len() {
            let end = self.piece_end(i);
            let found = match self.pieces[i].kind {
                Kind::Periodic { offset, .. } if !self.week.is_empty() => {
                    let c = now + offset - MONDAY_EPOCH;
                    let r = c.rem_euclid(WEEK);
                    let j = self.week.partition_point(|&(_, b)| b <= r);
                    let civil = match self.week.get(j) {
                        Some(&(a, _)) => c - r + a.max(r),
                        None => c - r + WEEK + self.week[0].0,
                    };
                    Some(civil + MONDAY_EPOCH - offset)
                }
                Kind::Periodic { .. } => None,
                Kind::Exact { first, last } => {
                    let k = first + self.exact[first..last].partition_point(|&(_, b)| b <= now);
                    (k < last).then(|| self.exact[k].0.max(now))
                }
            };
            match found {
                Some(x) if x < end => return timestamp(x),
                _ => {
                    now = end;
                    i += 1;
                }
            }
        }
        Err(self.beyond(t))
    }

    /// The end of the opening that contains the first open instant at or
    /// after `t`: when the desk next closes. `None` if it stays open to the
    /// end of the calendar's years.
    ///
    /// # Errors
    ///
    /// As [`next_open`](Self::next_open).
    pub fn next_close(&self, t: Timestamp) -> Result<Option<Timestamp>> {
        let mut now = self.next_open(t)?.as_nanosecond();
        let mut i = self.piece_at(now);
        while i < self.pieces.len() {
            let end = self.piece_end(i);
            let close = match self.pieces[i].kind {
                Kind::Periodic { offset, .. } => {
                    if self.week_total == WEEK {
                        end
                    } else {
                        let c = now + offset - MONDAY_EPOCH;
                        let r = c.rem_euclid(WEEK);
                        let j = self.week.partition_point(|&(_, b)| b <= r);
                        c - r + self.week.get(j).map_or(r, |&(_, b)| b) + MONDAY_EPOCH - offset
                    }
                }
                Kind::Exact { first, last } => {
                    let k = first + self.exact[first..last].partition_point(|&(_, b)| b <= now);
                    self.exact
                        .get(k)
                        .filter(|_| k < last)
                        .map_or(now, |&(_, b)| b)
                }
            };
            let close = close.min(end);
            if close >= self.end {
                return Ok(None);
            }
            if self.open_at(close) {
                now = close;
                i = self.piece_at(now);
                continue;
            }
            return timestamp(close).map(Some);
        }
        Ok(None)
    }
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

fn duration(ns: i128) -> SignedDuration {
    let secs = ns.div_euclid(SECOND);
    let nanos = ns.rem_euclid(SECOND);
    // Business time within the calendar's years fits in i64 seconds.
    SignedDuration::new(
        i64::try_from(secs).unwrap_or(if secs < 0 { i64::MIN } else { i64::MAX }),
        nanos as i32,
    )
}

fn timestamp(ns: i128) -> Result<Timestamp> {
    Timestamp::from_nanosecond(ns).map_err(|_| {
        ErrorKind::OutOfRange {
            what: format!("{ns} nanoseconds from the Unix epoch"),
        }
        .into()
    })
}

/// The serde forms: a schedule is a map from weekday to shifts, and a
/// calendar is what it was built from (zone, schedule, holidays, overrides,
/// holiday mode, years), rebuilt and checked on the way in.
#[cfg(feature = "serde")]
mod serde_form {
    use std::collections::{BTreeMap, BTreeSet};

    use jiff::civil::{Date, Weekday};
    use jiff::tz::TimeZone;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{BusinessCalendar, HolidayMode, Shift, WeeklySchedule, DEFAULT_YEARS};

    /// Days without shifts are left out; unknown day names are refused.
    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ScheduleForm {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        monday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        tuesday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        wednesday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        thursday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        friday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        saturday: Vec<Shift>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sunday: Vec<Shift>,
    }

    impl ScheduleForm {
        fn days(&mut self) -> [&mut Vec<Shift>; 7] {
            [
                &mut self.monday,
                &mut self.tuesday,
                &mut self.wednesday,
                &mut self.thursday,
                &mut self.friday,
                &mut self.saturday,
                &mut self.sunday,
            ]
        }
    }

    impl Serialize for WeeklySchedule {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut form = ScheduleForm {
                monday: Vec::new(),
                tuesday: Vec::new(),
                wednesday: Vec::new(),
                thursday: Vec::new(),
                friday: Vec::new(),
                saturday: Vec::new(),
                sunday: Vec::new(),
            };
            for (slot, day) in form.days().into_iter().zip(Weekday::Monday.cycle_forward()) {
                slot.extend_from_slice(self.shifts(day));
            }
            form.serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for WeeklySchedule {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<WeeklySchedule, D::Error> {
            let mut form = ScheduleForm::deserialize(d)?;
            let mut week = WeeklySchedule::new();
            for (slot, day) in form.days().into_iter().zip(Weekday::Monday.cycle_forward()) {
                for shift in slot.drain(..) {
                    week.add(day, shift);
                }
            }
            Ok(week)
        }
    }

    fn default_years() -> (i16, i16) {
        DEFAULT_YEARS
    }

    fn is_default_years(years: &(i16, i16)) -> bool {
        *years == DEFAULT_YEARS
    }

    fn is_default_mode(mode: &HolidayMode) -> bool {
        *mode == HolidayMode::default()
    }

    #[derive(Serialize)]
    struct CalendarRef<'c> {
        #[serde(with = "crate::time::serde_zone")]
        time_zone: &'c TimeZone,
        schedule: &'c WeeklySchedule,
        #[serde(skip_serializing_if = "BTreeSet::is_empty")]
        holidays: &'c BTreeSet<Date>,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        overrides: &'c BTreeMap<Date, Vec<Shift>>,
        #[serde(skip_serializing_if = "is_default_mode")]
        holiday_mode: HolidayMode,
        #[serde(skip_serializing_if = "is_default_years")]
        years: (i16, i16),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CalendarForm {
        #[serde(with = "crate::time::serde_zone")]
        time_zone: TimeZone,
        schedule: WeeklySchedule,
        #[serde(default)]
        holidays: Vec<Date>,
        #[serde(default)]
        overrides: BTreeMap<Date, Vec<Shift>>,
        #[serde(default)]
        holiday_mode: HolidayMode,
        #[serde(default = "default_years")]
        years: (i16, i16),
    }

    impl Serialize for BusinessCalendar {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let spec = &self.spec;
            CalendarRef {
                time_zone: &spec.tz,
                schedule: &spec.week,
                holidays: &spec.holidays,
                overrides: &spec.overrides,
                holiday_mode: spec.mode,
                years: spec.years,
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for BusinessCalendar {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<BusinessCalendar, D::Error> {
            let form = CalendarForm::deserialize(d)?;
            let mut builder = BusinessCalendar::builder(form.time_zone, form.schedule)
                .holidays(form.holidays)
                .holiday_mode(form.holiday_mode)
                .years(form.years.0, form.years.1);
            for (date, shifts) in form.overrides {
                builder = builder.override_date(date, shifts);
            }
            builder.build().map_err(serde::de::Error::custom)
        }
    }
}
