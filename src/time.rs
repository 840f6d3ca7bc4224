//! Time, the crate's way: every instant is a [`jiff::Timestamp`], every
//! civil date a [`jiff::civil::Date`], every zone a [`jiff::tz::TimeZone`].
//!
//! The crate never reads the clock: whatever depends on "now" takes it as an
//! argument, so results are reproducible and tests need no mocking. This
//! module only adds what jiff leaves to its callers: parsing with this
//! crate's [`Error`](crate::Error), and looking a zone up by name with a
//! typed error.

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
/// ```
/// let cet = social_crm::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")?;
/// let t: jiff::Timestamp = "2026-07-01T12:00:00Z".parse()?;
/// assert_eq!(cet.to_offset(t).seconds(), 7200);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn posix_time_zone(tz: &str) -> Result<TimeZone> {
    TimeZone::posix(tz).map_err(|_| {
        ErrorKind::UnknownTimeZone {
            name: tz.to_owned(),
        }
        .into()
    })
}
