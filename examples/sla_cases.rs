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

use std::io::{self, BufRead, BufWriter, Write};

use serde_json::Value;
use social_crm::jiff::civil::{Date, Weekday};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sla::{BusinessCalendar, HolidayMode, Shift, WeeklySchedule};
use social_crm::{Error, ErrorKind};

/// How far ahead an `add` may look, in years, before giving up: a due time
/// further away than this is an error, not a search without end.
const MAX_YEARS_AHEAD: i16 = 112;

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match answer(&line) {
            Ok(text) => writeln!(out, "{text}")?,
            Err(e) => writeln!(out, "ERROR {e}")?,
        }
    }
    out.flush()
}

fn bad(what: &'static str, value: &str) -> Error {
    ErrorKind::InvalidText {
        what,
        value: value.to_owned(),
        reason: "not understood",
    }
    .into()
}

fn text<'a>(case: &'a Value, key: &'static str) -> Result<&'a str, Error> {
    case.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| bad(key, "missing or not a string"))
}

/// The answer line for one case (without the `ERROR ` prefix on failure).
pub fn answer(line: &str) -> Result<String, Error> {
    let case: Value = serde_json::from_str(line).map_err(|e| bad("json", &e.to_string()))?;
    let tz = social_crm::time::time_zone(text(&case, "tz")?)?;
    let schedule = week(&case)?;
    let mut holidays = Vec::new();
    if let Some(list) = case.get("holidays").and_then(Value::as_array) {
        for h in list {
            let h = h.as_str().ok_or_else(|| bad("holiday", &h.to_string()))?;
            holidays.push(h.parse::<Date>().map_err(|_| bad("holiday", h))?);
        }
    }
    // The oracle writes `calendar_day` and `shift_start`; the crate's names
    // read the same with `_` for `-`.
    let mode = match case.get("holiday_mode").and_then(Value::as_str) {
        None => HolidayMode::default(),
        Some(name) => name.parse::<HolidayMode>()?,
    };
    let start = social_crm::time::parse_timestamp(text(&case, "start")?)?;
    let calendar = |first: i16, last: i16| {
        BusinessCalendar::builder(tz.clone(), schedule.clone())
            .holidays(holidays.iter().copied())
            .holiday_mode(mode)
            .years(first, last)
            .build()
    };
    let year = |t: Timestamp| t.to_zoned_datetime(tz.clone()).year();
    match text(&case, "op")? {
        "between" => {
            let end = social_crm::time::parse_timestamp(text(&case, "end")?)?;
            let first = year(start.min(end)) - 1;
            let last = year(start.max(end)) + 1;
            let seconds = calendar(first, last)?.between(start, end)?;
            Ok(format_seconds(seconds))
        }
        "add" => {
            let seconds = case
                .get("seconds")
                .and_then(Value::as_i64)
                .ok_or_else(|| bad("seconds", "missing or not a whole number"))?;
            let amount = SignedDuration::from_secs(seconds);
            // A calendar over a few years answers almost every case; widen
            // it only when the due time lies further ahead.
            let mut ahead = 1;
            loop {
                let y = year(start);
                match calendar(y - 1, y.saturating_add(ahead))?.add(start, amount) {
                    Err(e)
                        if matches!(e.kind(), ErrorKind::OutOfRange { .. })
                            && ahead < MAX_YEARS_AHEAD =>
                    {
                        ahead = (ahead * 4).min(MAX_YEARS_AHEAD);
                    }
                    result => return Ok(result?.to_string()),
                }
            }
        }
        other => Err(bad("op", other)),
    }
}

fn week(case: &Value) -> Result<WeeklySchedule, Error> {
    let mut schedule = WeeklySchedule::new();
    let Some(days) = case.get("week").and_then(Value::as_object) else {
        return Ok(schedule);
    };
    for (key, spans) in days {
        let day = match key.to_lowercase().get(..3) {
            Some("mon") => Weekday::Monday,
            Some("tue") => Weekday::Tuesday,
            Some("wed") => Weekday::Wednesday,
            Some("thu") => Weekday::Thursday,
            Some("fri") => Weekday::Friday,
            Some("sat") => Weekday::Saturday,
            Some("sun") => Weekday::Sunday,
            _ => return Err(bad("day", key)),
        };
        for span in spans.as_array().into_iter().flatten() {
            let pair = span.as_array().map(Vec::as_slice).unwrap_or_default();
            let [Value::String(a), Value::String(b)] = pair else {
                return Err(bad("shift", &span.to_string()));
            };
            schedule.add(day, Shift::parse(a, b)?);
        }
    }
    Ok(schedule)
}

/// Whole seconds as an integer; otherwise seconds with their fraction.
fn format_seconds(d: SignedDuration) -> String {
    if d.subsec_nanos() == 0 {
        d.as_secs().to_string()
    } else {
        format!("{}", d.as_secs_f64())
    }
}
