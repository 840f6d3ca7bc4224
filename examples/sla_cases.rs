//! Business-calendar arithmetic on cases in the SLA oracle's format.
//!
//! Reads JSON lines on stdin, one case each, and prints one answer per line:
//! the due instant in RFC 3339 UTC for `"op": "add"`, the signed business
//! seconds for `"op": "between"`, or `ERROR <reason>`.
//!
//! ```text
//! cargo run --release --example sla_cases < ../shared/data/sla/cases.jsonl > answers.txt
//! ```
//!
//! A case:
//!
//! ```text
//! {"tz": "Europe/Paris",
//!  "week": {"mon": [["09:00", "18:00"]], "sat": [["20:00", "02:00"]]},
//!  "holidays": ["2026-12-25"],
//!  "holiday_mode": "calendar_day",
//!  "op": "add", "start": "2026-03-27T17:00:00+01:00", "seconds": 7200}
//! ```
//!
//! Missing days are closed; `holidays` and `holiday_mode` (`calendar_day`, the
//! default, or `shift_start`) are optional; `"op": "between"` takes `end`
//! instead of `seconds`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde::Deserialize;
use social_crm::jiff::civil::{Date, Weekday};
use social_crm::jiff::tz::TimeZone;
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sla::{BusinessCalendar, HolidayMode, Shift, WeeklySchedule};
use social_crm::{Error, ErrorKind};

#[path = "support/exit.rs"]
mod exit;

/// How far ahead an `add` may look, in years, before giving up: a due time
/// further away than this is an error, not a search without end.
const MAX_YEARS_AHEAD: i16 = 112;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> io::Result<()> {
    let mut input = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut zones = Zones::default();
    let mut line = String::new();
    while input.read_line(&mut line)? > 0 {
        if !line.trim().is_empty() {
            match zones.solve(&line) {
                Ok(answer) => writeln!(out, "{answer}")?,
                Err(e) => writeln!(out, "ERROR {e}")?,
            }
        }
        line.clear();
    }
    out.flush()
}

/// One case as the oracle writes it; other keys (`id`, `kind`) are ignored.
#[derive(Deserialize)]
struct Case<'a> {
    #[serde(borrow)]
    tz: Cow<'a, str>,
    #[serde(borrow, default)]
    week: Week<'a>,
    #[serde(borrow, default)]
    holidays: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    holiday_mode: Option<Cow<'a, str>>,
    #[serde(borrow)]
    op: Cow<'a, str>,
    #[serde(borrow)]
    start: Cow<'a, str>,
    #[serde(borrow)]
    end: Option<Cow<'a, str>>,
    seconds: Option<i64>,
}

fn bad(what: &'static str, value: &str) -> Error {
    ErrorKind::InvalidText {
        what,
        value: value.to_owned(),
        reason: "not understood",
    }
    .into()
}

/// The time zones met so far, by name: a file of cases names a handful.
#[derive(Default)]
pub struct Zones(HashMap<String, TimeZone>);

impl Zones {
    fn get(&mut self, name: &str) -> Result<TimeZone, Error> {
        if let Some(tz) = self.0.get(name) {
            return Ok(tz.clone());
        }
        let tz = social_crm::time::time_zone(name)?;
        self.0.insert(name.to_owned(), tz.clone());
        Ok(tz)
    }

    /// The answer to one case.
    pub fn solve(&mut self, line: &str) -> Result<Answer, Error> {
        let case: Case<'_> = serde_json::from_str(line).map_err(|e| bad("case", &e.to_string()))?;
        let tz = self.get(&case.tz)?;
        let schedule = week(&case.week)?;
        let holidays = case
            .holidays
            .iter()
            .map(|h| h.parse::<Date>().map_err(|_| bad("holiday", h)))
            .collect::<Result<Vec<Date>, Error>>()?;
        // The oracle writes `calendar_day` and `shift_start`; the crate's names
        // read the same with `_` for `-`.
        let mode = match &case.holiday_mode {
            None => HolidayMode::default(),
            Some(name) => name.parse::<HolidayMode>()?,
        };
        let start = social_crm::time::parse_timestamp(&case.start)?;
        let year = |t: Timestamp| tz.to_datetime(t).year();
        let builder = BusinessCalendar::builder(tz.clone(), schedule)
            .holidays(holidays)
            .holiday_mode(mode);
        match &*case.op {
            "between" => {
                let end = case.end.as_deref().ok_or_else(|| bad("end", "missing"))?;
                let end = social_crm::time::parse_timestamp(end)?;
                let first = year(start.min(end)) - 1;
                let last = year(start.max(end)) + 1;
                let calendar = builder.years(first, last).build()?;
                Ok(Answer::Seconds(calendar.between(start, end)?))
            }
            "add" => {
                let seconds = case
                    .seconds
                    .ok_or_else(|| bad("seconds", "missing or not a whole number"))?;
                let amount = SignedDuration::from_secs(seconds);
                // A calendar over a few years answers almost every case; widen
                // it only when the due time lies further ahead.
                let mut ahead = 1;
                loop {
                    let y = year(start);
                    let years = (y - 1, y.saturating_add(ahead));
                    let calendar = builder.clone().years(years.0, years.1).build()?;
                    match calendar.add(start, amount) {
                        Err(e)
                            if matches!(e.kind(), ErrorKind::OutOfRange { .. })
                                && ahead < MAX_YEARS_AHEAD =>
                        {
                            ahead = (ahead * 4).min(MAX_YEARS_AHEAD);
                        }
                        result => return Ok(Answer::Due(result?)),
                    }
                }
            }
            other => Err(bad("op", other)),
        }
    }
}

/// The answer line for one case, on its own (see [`Zones::solve`]).
pub fn answer(line: &str) -> Result<String, Error> {
    Zones::default()
        .solve(line)
        .map(|answer| answer.to_string())
}

/// What a case asks for, printed as the oracle does.
pub enum Answer {
    /// The due instant of an `add`, in RFC 3339 UTC.
    Due(Timestamp),
    /// The business time of a `between`: whole seconds as an integer,
    /// otherwise seconds with their fraction.
    Seconds(SignedDuration),
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Answer::Due(t) => write!(f, "{t}"),
            Answer::Seconds(d) if d.subsec_nanos() == 0 => write!(f, "{}", d.as_secs()),
            Answer::Seconds(d) => write!(f, "{}", d.as_secs_f64()),
        }
    }
}

/// The `week` object's entries in order: a day's name and its shifts.
#[derive(Default)]
struct Week<'a>(Vec<(Text<'a>, Vec<Span<'a>>)>);

/// A shift as the oracle writes it: `["20:00", "02:00"]`.
type Span<'a> = (Text<'a>, Text<'a>);

/// A string of the line, borrowed unless it has escapes: a bare `Cow`
/// inside a tuple or a map is always copied.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Week<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Week<'a>, D::Error> {
        struct Entries<'a>(std::marker::PhantomData<Week<'a>>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Entries<'a> {
            type Value = Week<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from day names to shifts")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Week<'a>, M::Error> {
                let mut days = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    days.push(entry);
                }
                Ok(Week(days))
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

fn week(days: &Week<'_>) -> Result<WeeklySchedule, Error> {
    const NAMES: [(&str, Weekday); 7] = [
        ("mon", Weekday::Monday),
        ("tue", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thu", Weekday::Thursday),
        ("fri", Weekday::Friday),
        ("sat", Weekday::Saturday),
        ("sun", Weekday::Sunday),
    ];
    let mut schedule = WeeklySchedule::new();
    for (key, spans) in &days.0 {
        let day = NAMES
            .iter()
            .find(|(name, _)| key.0.get(..3).is_some_and(|k| k.eq_ignore_ascii_case(name)))
            .map(|&(_, day)| day)
            .ok_or_else(|| bad("day", &key.0))?;
        for (a, b) in spans {
            schedule.add(day, Shift::parse(&a.0, &b.0)?);
        }
    }
    Ok(schedule)
}
