//! One time bucket of a stream: how many messages, and how many of them
//! negative.

use jiff::Timestamp;

use crate::error::{Error, ErrorKind, Result};

/// The messages of one stream in one time bucket: a total and, when the
/// caller knows it, how many were negative.
///
/// The counts are whole numbers and `negative <= total` always holds: the
/// constructors check it, so a detector never sees an impossible bucket.
///
/// ```
/// use social_crm::crisis::Bucket;
///
/// let at = "2026-11-20T17:15:00Z".parse()?;
/// let bucket = Bucket::new(at, 42).with_negative(30)?;
/// assert_eq!(bucket.negative_share(), Some(30.0 / 42.0));
///
/// // Counts that arrive as floating-point numbers are checked too.
/// assert!(Bucket::from_f64(at, f64::NAN, None).is_err());
/// assert!(Bucket::from_f64(at, 3.0, Some(4.0)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "BucketFields"))]
pub struct Bucket {
    start: Timestamp,
    total: u64,
    negative: Option<u64>,
}

impl Bucket {
    /// A bucket starting at `start` with `total` messages, negatives unknown.
    pub fn new(start: Timestamp, total: u64) -> Bucket {
        Bucket {
            start,
            total,
            negative: None,
        }
    }

    /// The same bucket with `negative` of its messages negative.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidCount`] when `negative` exceeds the total.
    pub fn with_negative(self, negative: u64) -> Result<Bucket> {
        if negative > self.total {
            return Err(Error::from(ErrorKind::InvalidCount {
                what: "negative messages",
                value: negative.to_string(),
                reason: format!("more than the bucket's {} messages", self.total),
            }));
        }
        Ok(Bucket {
            negative: Some(negative),
            ..self
        })
    }

    /// A bucket from counts held as floating-point numbers (a CSV column, a
    /// metrics store), checked: each must be a finite whole number from 0
    /// to 2^53, and `negative` at most `total`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidCount`] naming the count and what was wrong.
    pub fn from_f64(start: Timestamp, total: f64, negative: Option<f64>) -> Result<Bucket> {
        let bucket = Bucket::new(start, whole("messages", total)?);
        match negative {
            Some(negative) => bucket.with_negative(whole("negative messages", negative)?),
            None => Ok(bucket),
        }
    }

    /// When the bucket starts.
    pub fn start(&self) -> Timestamp {
        self.start
    }

    /// How many messages the bucket holds.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// How many of them are negative, when known.
    pub fn negative(&self) -> Option<u64> {
        self.negative
    }

    /// The share of negative messages, when known and the bucket is not
    /// empty.
    pub fn negative_share(&self) -> Option<f64> {
        match self.negative {
            Some(negative) if self.total > 0 => Some(negative as f64 / self.total as f64),
            _ => None,
        }
    }
}

/// The largest count a bucket accepts from a floating-point number: every
/// whole number up to it is exact in an `f64`.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

fn whole(what: &'static str, value: f64) -> Result<u64> {
    let reason = if value.is_nan() {
        "not a number"
    } else if value < 0.0 {
        "negative"
    } else if value > MAX_EXACT {
        "too large (over 2^53)"
    } else if value.fract() != 0.0 {
        "not a whole number"
    } else {
        // Finite, whole and in 0..=2^53: the conversion is exact.
        return Ok(value as u64);
    };
    Err(Error::from(ErrorKind::InvalidCount {
        what,
        value: value.to_string(),
        reason: reason.to_owned(),
    }))
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BucketFields {
    start: Timestamp,
    total: u64,
    #[serde(default)]
    negative: Option<u64>,
}

#[cfg(feature = "serde")]
impl TryFrom<BucketFields> for Bucket {
    type Error = Error;

    fn try_from(fields: BucketFields) -> Result<Bucket> {
        let bucket = Bucket::new(fields.start, fields.total);
        match fields.negative {
            Some(negative) => bucket.with_negative(negative),
            None => Ok(bucket),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Timestamp {
        "2026-11-20T17:15:00Z".parse().unwrap()
    }

    #[test]
    fn counts_from_floats_are_checked() {
        for bad in [f64::NAN, -1.0, 0.5, f64::INFINITY, 1e300] {
            assert!(Bucket::from_f64(at(), bad, None).is_err(), "{bad}");
            assert!(Bucket::from_f64(at(), 10.0, Some(bad)).is_err(), "{bad}");
        }
        let b = Bucket::from_f64(at(), 10.0, Some(10.0)).unwrap();
        assert_eq!((b.total(), b.negative()), (10, Some(10)));
        assert_eq!(Bucket::new(at(), 0).negative_share(), None);
    }

    #[test]
    fn negatives_never_exceed_the_total() {
        let err = Bucket::new(at(), 3).with_negative(4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid negative messages count `4`: more than the bucket's 3 messages"
        );
    }
}
