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

/// Serde for the instants a desk stores by the million (its messages',
/// statuses' and posts'): jiff's RFC 3339 text in human-readable formats
/// (JSON), and in the others (postcard, bincode) the seconds and
/// nanoseconds since the Unix epoch, which read back without parsing text:
/// parsing them was a tenth of reading a desk in postcard.
#[cfg(feature = "serde")]
pub(crate) mod serde_timestamp {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// An instant in its stored form, for `serialize_struct!`.
    pub(crate) struct Stored<'a>(pub(crate) &'a Timestamp);

    impl Serialize for Stored<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            if s.is_human_readable() {
                self.0.serialize(s)
            } else {
                (self.0.as_second(), self.0.subsec_nanosecond()).serialize(s)
            }
        }
    }

    /// Reads an instant in the form [`Stored`] writes in the same format.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        if d.is_human_readable() {
            Timestamp::deserialize(d)
        } else {
            let (second, nanosecond) = <(i64, i32)>::deserialize(d)?;
            Timestamp::new(second, nanosecond).map_err(serde::de::Error::custom)
        }
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

#[cfg(all(test, feature = "serde"))]
mod tests {
    use jiff::Timestamp;

    /// A struct with one instant in its stored form, as the models have.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct At {
        #[serde(deserialize_with = "super::serde_timestamp::deserialize")]
        at: Timestamp,
    }

    serialize_struct!(At {
        at as super::serde_timestamp::Stored,
    });

    proptest::proptest! {
        /// Any instant jiff can hold reads back as itself, from JSON (as
        /// text) and from postcard (as seconds and nanoseconds), before
        /// the epoch too.
        #[test]
        fn instants_read_back_from_text_and_binary_forms(
            second in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
            nanosecond in -999_999_999..1_000_000_000i32,
        ) {
            let at = Timestamp::new(second, nanosecond)
                .or_else(|_| Timestamp::new(second, 0))
                .unwrap();
            let value = At { at };
            let json = serde_json::to_string(&value).unwrap();
            proptest::prop_assert_eq!(&json, &format!("{{\"at\":\"{at}\"}}"));
            proptest::prop_assert_eq!(serde_json::from_str::<At>(&json).unwrap(), At { at });
            let binary = postcard::to_stdvec(&value).unwrap();
            proptest::prop_assert!(binary.len() <= 15, "two varints, not text: {:?}", binary);
            proptest::prop_assert_eq!(postcard::from_bytes::<At>(&binary).unwrap(), At { at });
        }
    }

    #[test]
    fn a_binary_instant_out_of_range_is_an_error() {
        let binary = postcard::to_stdvec(&(i64::MAX, 0i32)).unwrap();
        let error = postcard::from_bytes::<At>(&binary).unwrap_err();
        assert!(matches!(error, postcard::Error::SerdeDeCustom), "{error:?}");
    }
}
