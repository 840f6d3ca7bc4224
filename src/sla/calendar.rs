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
//! Building a calendar checks it and stops there (about 0.3 µs, whatever its
//! range of years). Each local year is laid out the first time an instant in
//! it is used (1 to 3 µs): the exact open time around every time zone
//! transition, holiday and override of that year, read from a table of the
//! zone's offsets; between those, the weekly pattern repeats and is applied
//! by arithmetic. So [`add`](BusinessCalendar::add) and
//! [`between`](BusinessCalendar::between) cost a few binary searches within
//! a year, and across many years one more over the years' running totals
//! (computed for every year the first time a span needs them): adding a
//! year costs about as much as adding an hour. A calendar is `Send + Sync`;
//! its years are computed once, whichever thread asks first.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::{ErrorKind, Result};

mod year;

use year::{days, merge, Pattern, Rules, Year, WEEK};

const SECOND: i128 = 1_000_000_000;
const DAY_SECONDS: u32 = 86_400;

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
        // Read byte by byte: calendars are built from schedules read as
        // text, and a file of them parses thousands of these.
        let mut fields = [0u32; 3];
        let (mut field, mut digits) = (0, 0);
        for &b in s.as_bytes() {
            match b {
                b'0'..=b'9' if digits < 2 => {
                    fields[field] = fields[field] * 10 + u32::from(b - b'0');
                    digits += 1;
                }
                b':' if digits > 0 && field < 2 => (field, digits) = (field + 1, 0),
                _ => return Err(bad()),
            }
        }
        if field == 0 || digits == 0 {
            return Err(bad());
        }
        let [h, m, sec] = fields;
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
    /// Every day's shifts, Monday's first, each day's in the order given:
    /// one allocation for the week, which calendars clone with their spec.
    shifts: Vec<Shift>,
    /// `ends[d]`: where day `d`'s shifts end in `shifts` (Monday is 0).
    ends: [usize; 7],
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
        let day = usize::from(day.to_monday_zero_offset().unsigned_abs());
        self.shifts.insert(self.ends[day], shift);
        for end in &mut self.ends[day..] {
            *end += 1;
        }
    }

    /// Adds a shift on every day of the week.
    #[must_use]
    pub fn every_day(self, shift: Shift) -> WeeklySchedule {
        self.on_days(7, shift)
    }

    /// Adds a shift from Monday to Friday.
    #[must_use]
    pub fn monday_to_friday(self, shift: Shift) -> WeeklySchedule {
        self.on_days(5, shift)
    }

    /// Adds a shift on the first `days` days of the week.
    fn on_days(mut self, days: usize, shift: Shift) -> WeeklySchedule {
        for day in Weekday::Monday.cycle_forward().take(days) {
            self.add(day, shift);
        }
        self
    }

    /// The shifts of one weekday, as given.
    pub fn shifts(&self, day: Weekday) -> &[Shift] {
        self.day(usize::from(day.to_monday_zero_offset().unsigned_abs()))
    }

    /// The shifts of day `d` (Monday is 0).
    fn day(&self, d: usize) -> &[Shift] {
        let start = d.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.shifts[start..self.ends[d]]
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
        // A shift past Sunday midnight is two intervals.
        let mut raw = Vec::with_capacity(self.shifts.len() + 1);
        for day in 0..7 {
            for shift in self.day(day) {
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
        merge(&mut raw);
        raw
    }
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
    /// A year costs nothing until an instant in it is used.
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
    pattern: Pattern,
    /// The first instant covered, UTC nanoseconds.
    start: i128,
    /// The end of the last year covered (exclusive).
    end: i128,
    /// One table per local year, computed the first time an instant in it
    /// is used: building costs the same whatever the years, and a desk
    /// pays only for the years its conversations live in.
    years: Vec<OnceLock<Box<Year>>>,
    /// `before[i]`: business time from the first instant to year `i`'s
    /// (`years.len() + 1` entries), computed for every year the first time
    /// an answer spans more than [`NEAR_YEARS`].
    before: OnceLock<Vec<i128>>,
}

/// An instant of a calendar as business time: its year and the business
/// time from that year's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    year: usize,
    within: i128,
}

/// Spans of up to this many years add up the years one by one; longer ones
/// use the running totals of every year (computed once).
const NEAR_YEARS: usize = 4;

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

    /// The most years one calendar covers: the years used cost time and
    /// memory, and a year range is often read from configuration a caller
    /// does not control.
    pub const MAX_YEARS: u16 = 1000;

    fn compute(b: CalendarBuilder) -> Result<BusinessCalendar> {
        // A calendar is a stored state: a zone stored as another would move
        // every shift once read back.
        // A named zone is stored as its name and always reads back.
        if b.tz.iana_name().is_none() {
            crate::time::stored_form(&b.tz)?;
        }
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
        // Both ends must be instants jiff holds: every answer lies between.
        let midnight = |day: Date| {
            b.tz.to_timestamp(day.to_datetime(jiff::civil::Time::midnight()))
                .map(Timestamp::as_nanosecond)
                .map_err(|_| out_of_range())
        };
        let (start, end) = (midnight(first_day)?, midnight(end_day)?);
        Ok(BusinessCalendar {
            pattern: Pattern::new(&b.week),
            spec: b,
            start,
            end,
            years: (0..span).map(|_| OnceLock::new()).collect(),
            before: OnceLock::new(),
        })
    }

    /// The table of year `i` (counted from the first), computed on first use.
    fn year(&self, i: usize) -> &Year {
        self.years[i].get_or_init(|| {
            let spec = &self.spec;
            // The build checked that every year of the range has its 1 January.
            let first = |i: usize| {
                i16::try_from(i)
                    .ok()
                    .and_then(|i| spec.years.0.checked_add(i))
                    .and_then(|y| Date::new(y, 1, 1).ok())
                    .unwrap_or(Date::MAX)
            };
            let rules = Rules {
                tz: &spec.tz,
                schedule: &spec.week,
                pattern: &self.pattern,
                holidays: &spec.holidays,
                overrides: &spec.overrides,
                mode: spec.mode,
            };
            Box::new(Year::compute(&rules, first(i), first(i + 1)))
        })
    }

    /// The year holding `t`, an instant of the calendar.
    fn year_of(&self, t: i128) -> usize {
        let last = self.years.len() - 1;
        // The local year is the UTC one or a neighbour.
        let utc = Timestamp::from_nanosecond(t).map_or(0, |t| {
            i32::from(jiff::tz::Offset::UTC.to_datetime(t).year()) - i32::from(self.spec.years.0)
        });
        let mut i = usize::try_from(utc).unwrap_or(0).min(last);
        while i > 0 && t < self.year(i).start {
            i -= 1;
        }
        while i < last && t >= self.year(i).end {
            i += 1;
        }
        i
    }

    /// The year of `t` and the business time from that year's start to `t`.
    fn position(&self, t: i128) -> (usize, i128) {
        let i = self.year_of(t);
        (i, self.year(i).business(&self.pattern, t))
    }

    /// Business time from year `from`'s start to year `to`'s, `from <= to`.
    fn across(&self, from: usize, to: usize) -> i128 {
        if to - from <= NEAR_YEARS {
            (from..to).map(|i| self.year(i).total()).sum()
        } else {
            let before = self.before();
            before[to] - before[from]
        }
    }

    fn before(&self) -> &[i128] {
        self.before.get_or_init(|| {
            let mut running = 0;
            let mut before = Vec::with_capacity(self.years.len() + 1);
            before.push(0);
            for i in 0..self.years.len() {
                running += self.year(i).total();
                before.push(running);
            }
            before
        })
    }

    /// The last year that can hold an opening: any year when the weekly
    /// pattern opens, else the year after the last override (its overnight
    /// tail).
    fn last_open_year(&self) -> Option<usize> {
        if self.pattern.total > 0 {
            return Some(self.years.len() - 1);
        }
        let (&last, _) = self.spec.overrides.last_key_value()?;
        let i = i32::from(last.year()) + 1 - i32::from(self.spec.years.0);
        Some(usize::try_from(i).unwrap_or(0).min(self.years.len() - 1))
    }

    fn check(&self, t: Timestamp) -> Result<i128> {
        let ns = t.as_nanosecond();
        if ns < self.start || ns >= self.end {
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

    /// Business time between two instants: positive when `end` is after
    /// `start`, negative when before.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] if an instant is outside the calendar's
    /// years.
    pub fn between(&self, start: Timestamp, end: Timestamp) -> Result<SignedDuration> {
        Ok(self.between_places(self.place(start)?, self.place(end)?))
    }

    /// Where an instant stands in business time, for callers that measure
    /// from one instant many times (the desk's queue reads every clock at
    /// one "now").
    pub(crate) fn place(&self, t: Timestamp) -> Result<Place> {
        let (year, within) = self.position(self.check(t)?);
        Ok(Place { year, within })
    }

    /// [`BusinessCalendar::between`] of two places.
    pub(crate) fn between_places(&self, start: Place, end: Place) -> SignedDuration {
        let years = if start.year <= end.year {
            self.across(start.year, end.year)
        } else {
            -self.across(end.year, start.year)
        };
        duration(years + end.within - start.within)
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
        let (mut i, from) = self.position(s);
        // Business time from year `i`'s start to the answer.
        let mut target = from + amount.as_nanos();
        let mut walked = 0;
        loop {
            let year = self.year(i);
            if target <= year.total() {
                return match year.instant_at(&self.pattern, target) {
                    Some(t) => timestamp(t),
                    None => Err(self.beyond(start)),
                };
            }
            if i + 1 == self.years.len() {
                return Err(self.beyond(start));
            }
            if walked < NEAR_YEARS {
                target -= year.total();
                i += 1;
                walked += 1;
            } else {
                // Far ahead: jump to the answer's year by the running totals.
                let before = self.before();
                let goal = before[i] + target;
                let k = before.partition_point(|&b| b < goal).saturating_sub(1);
                if k >= self.years.len() {
                    return Err(self.beyond(start));
                }
                target = goal - before[k];
                i = k;
            }
        }
    }

    /// The error for "nothing more within the calendar".
    fn beyond(&self, from: Timestamp) -> crate::Error {
        let t = from.as_nanosecond();
        let opens = self.last_open_year().is_some_and(|last| {
            self.pattern.total > 0 || (self.year_of(t)..=last).any(|i| self.year(i).open_after(t))
        });
        if opens {
            ErrorKind::OutOfRange {
                what: format!(
                    "an answer after `{from}` for a calendar covering the years `{}..={}`",
                    self.spec.years.0, self.spec.years.1
                ),
            }
            .into()
        } else {
            ErrorKind::NoOpenTime.into()
        }
    }

    /// Whether the desk is open at `t`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] outside the calendar's years.
    pub fn is_open(&self, t: Timestamp) -> Result<bool> {
        let t = self.check(t)?;
        Ok(self.open_at(t))
    }

    fn open_at(&self, t: i128) -> bool {
        self.year(self.year_of(t)).is_open(&self.pattern, t)
    }

    /// The first open instant at or after `t` (`t` itself when open).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoOpenTime`] if the calendar never opens again;
    /// [`ErrorKind::OutOfRange`] if that is beyond its years.
    pub fn next_open(&self, t: Timestamp) -> Result<Timestamp> {
        let mut now = self.check(t)?;
        let mut i = self.year_of(now);
        let last = self.last_open_year().unwrap_or(0);
        loop {
            if let Some(open) = self.year(i).next_open(&self.pattern, now) {
                return timestamp(open);
            }
            if i >= last {
                return Err(self.beyond(t));
            }
            i += 1;
            now = self.year(i).start;
        }
    }

    /// The end of the opening that contains the first open instant at or
    /// after `t`: when the desk next closes. `None` if it stays open to the
    /// end of the calendar's years.
    ///
    /// # Errors
    ///
    /// As [`next_open`](Self::next_open).
    pub fn next_close(&self, t: Timestamp) -> Result<Option<Timestamp>> {
        let open = self.next_open(t)?;
        let mut now = open.as_nanosecond();
        if self.pattern.total == WEEK {
            // Open all week: only a holiday or an override can close it.
            let from = days(self.spec.tz.to_datetime(open).date(), -1);
            if self.spec.holidays.range(from..).next().is_none()
                && self.spec.overrides.range(from..).next().is_none()
            {
                return Ok(None);
            }
        }
        loop {
            let close = self.year(self.year_of(now)).close_after(&self.pattern, now);
            if close >= self.end {
                return Ok(None);
            }
            if close <= now || !self.open_at(close) {
                return timestamp(close).map(Some);
            }
            now = close;
        }
    }
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
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ScheduleForm {
        #[serde(default)]
        monday: Vec<Shift>,
        #[serde(default)]
        tuesday: Vec<Shift>,
        #[serde(default)]
        wednesday: Vec<Shift>,
        #[serde(default)]
        thursday: Vec<Shift>,
        #[serde(default)]
        friday: Vec<Shift>,
        #[serde(default)]
        saturday: Vec<Shift>,
        #[serde(default)]
        sunday: Vec<Shift>,
    }

    serialize_struct!(ScheduleForm {
        monday if Vec::is_empty,
        tuesday if Vec::is_empty,
        wednesday if Vec::is_empty,
        thursday if Vec::is_empty,
        friday if Vec::is_empty,
        saturday if Vec::is_empty,
        sunday if Vec::is_empty,
    });

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

    struct CalendarRef<'c> {
        time_zone: Zone<'c>,
        schedule: &'c WeeklySchedule,
        holidays: &'c BTreeSet<Date>,
        overrides: &'c BTreeMap<Date, Vec<Shift>>,
        holiday_mode: HolidayMode,
        years: (i16, i16),
    }

    serialize_struct!(CalendarRef<'c> {
        time_zone,
        schedule,
        holidays if BTreeSet::is_empty,
        overrides if BTreeMap::is_empty,
        holiday_mode if is_default_mode,
        years if is_default_years,
    });

    /// A zone in its stored form (`crate::time::serde_zone`).
    struct Zone<'c>(&'c TimeZone);

    impl Serialize for Zone<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            crate::time::serde_zone::serialize(self.0, s)
        }
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
                time_zone: Zone(&spec.tz),
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
