//! Time, the crate's way: every instant is a [`jiff::Timestamp`], every
//! civil date a [`jiff::civil::Date`], every zone a [`jiff::tz::TimeZone`].
//!
//! The crate never reads the clock: whatever depends on "now" takes it as an
//! argument, so results are reproducible and tests need no mocking. This
//! module only adds what jiff leaves to its callers: parsing with this
//! crate's [`Error`](crate::Error), and looking a zone up by name with a
//! typed error.

use jiff::fmt::temporal::{DateTimeParser, DateTimePrinter};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::{ErrorKind, Result};

/// Parses an RFC 3339 instant, which must carry its offset
/// (`2026-11-20T18:05:00+01:00` or `...Z`): a civil time alone names no
/// instant.
///
/// # Errors
///
/// [`ErrorKind::InvalidTimestamp`] with jiff's explanation.
///
/// ```
/// use social_crm::time::parse_timestamp;
///
/// let t = parse_timestamp("2026-11-20T18:05:00+01:00")?;
/// assert_eq!(t.to_string(), "2026-11-20T17:05:00Z");
/// assert!(parse_timestamp("2026-11-20 18:05").is_err());
/// assert!(parse_timestamp("2026-13-01T00:00:00Z").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
pub fn parse_timestamp(text: &str) -> Result<Timestamp> {
    text.trim().parse().map_err(|e: jiff::Error| {
        ErrorKind::InvalidTimestamp {
            value: text.to_owned(),
            reason: e.to_string(),
        }
        .into()
    })
}

/// Looks a time zone up by IANA name in the database bundled with the crate
/// (feature `tzdb-bundled`, on by default), with no file-system access.
///
/// # Errors
///
/// [`ErrorKind::UnknownTimeZone`] if the name is not in the database.
///
/// ```
/// let paris = social_crm::time::time_zone("Europe/Paris")?;
/// assert_eq!(paris.iana_name(), Some("Europe/Paris"));
/// assert!(social_crm::time::time_zone("Europe/Pariss").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[cfg(feature = "tzdb-bundled")]
pub fn time_zone(name: &str) -> Result<TimeZone> {
    TimeZone::get(name).map_err(|_| {
        ErrorKind::UnknownTimeZone {
            name: name.to_owned(),
        }
        .into()
    })
}

/// Builds a time zone from a POSIX TZ string such as
/// `CET-1CEST,M3.5.0,M10.5.0/3`, which needs no database.
///
/// # Errors
///
/// [`ErrorKind::UnknownTimeZone`] if the string is not a valid POSIX TZ
/// string.
///
/// [`ErrorKind::UnstorableTimeZone`] if the zone, once stored, would not
/// read back as itself: jiff 1.0 writes an abbreviation quoted in `<>` only
/// when it holds a `+` or a `-`, so `<abc1>3` is stored as `abc13`, another
/// zone. Every stored state of this crate would hold it, so it is refused
/// here rather than misread later.
///
/// ```
/// use social_crm::ErrorKind;
///
/// let err = social_crm::time::posix_time_zone("<abc1>3").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "time zone `abc13` cannot be stored: it reads back as another zone \
///      (an abbreviation with digits, such as `<abc1>`, loses its `<>`)"
/// );
/// assert!(matches!(err.kind(), ErrorKind::UnstorableTimeZone { .. }));
/// assert!(social_crm::time::posix_time_zone("<+03>-3").is_ok());
///
/// let cet = social_crm::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")?;
/// let t: jiff::Timestamp = "2026-07-01T12:00:00Z".parse()?;
/// assert_eq!(cet.to_offset(t).seconds(), 7200);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn posix_time_zone(tz: &str) -> Result<TimeZone> {
    let zone = TimeZone::posix(tz).map_err(|_| -> crate::Error {
        ErrorKind::UnknownTimeZone {
            name: tz.to_owned(),
        }
        .into()
    })?;
    stored_form(&zone)?;
    Ok(zone)
}

/// The text a zone is stored as (an IANA name, a POSIX TZ string or a fixed
/// offset, as jiff writes them), checked to read back as the same zone.
///
/// # Errors
///
/// [`ErrorKind::UnstorableTimeZone`] if jiff cannot write the zone (a system
/// zone with no name) or what it writes reads back as another zone.
pub(crate) fn stored_form(zone: &TimeZone) -> Result<String> {
    static PRINTER: DateTimePrinter = DateTimePrinter::new();
    static PARSER: DateTimeParser = DateTimeParser::new();
    let unstorable = |written: String, reason: String| -> crate::Error {
        ErrorKind::UnstorableTimeZone { written, reason }.into()
    };
    let written = PRINTER
        .time_zone_to_string(zone)
        .map_err(|e| unstorable(String::new(), e.to_string()))?;
    if zone.iana_name().is_some() {
        // A name reads back wherever the database holds it (looking it up
        // here would refuse `UTC` in a build without one).
        return Ok(written);
    }
    match PARSER.parse_time_zone(&written) {
        Ok(back) if back == *zone => Ok(written),
        Ok(_) => Err(unstorable(
            written,
            "it reads back as another zone (an abbreviation with digits, such as \
             `<abc1>`, loses its `<>`)"
                .to_owned(),
        )),
        Err(e) => Err(unstorable(written, format!("it does not read back: {e}"))),
    }
}

/// Serde for a time zone in a stored state: jiff's text form, refused when
/// it would read back as another zone (see [`stored_form`]).
#[cfg(feature = "serde")]
pub(crate) mod serde_zone {
    use jiff::tz::TimeZone;
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(zone: &TimeZone, s: S) -> Result<S::Ok, S::Error> {
        let written = super::stored_form(zone).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&written)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeZone, D::Error> {
        jiff::fmt::serde::tz::required::deserialize(d)
    }
}
