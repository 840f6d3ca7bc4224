//! Reading the evaluation folders' series (shared by `crisis_eval` and
//! `crisis_cv`): one CSV per series, `timestamp,value` (volume only) or
//! `timestamp,total,negative`, timestamps RFC 3339 or a civil date and time
//! read as UTC.

use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::path::Path;

use social_crm::crisis::{AlertKind, Bucket, Detector, Settings, Step};
use social_crm::jiff::{civil::DateTime, tz::TimeZone, SignedDuration, Timestamp};

/// One CSV series: the buckets, and each row's timestamp as written.
pub struct Series {
    /// Each row's timestamp as written.
    pub stamps: Vec<String>,
    /// Each row's bucket.
    pub buckets: Vec<Bucket>,
}

impl Series {
    /// The series in `path`, or `None` when its header names other columns
    /// (a file that is not a series).
    pub fn read(path: &Path) -> Result<Option<Series>, Box<dyn Error>> {
        let text = fs::read_to_string(path)?;
        let mut lines = text.lines();
        let header = lines.next().ok_or("empty file")?;
        let columns: Vec<&str> = header.split(',').map(str::trim).collect();
        let with_negative = match columns.as_slice() {
            [_, "value"] => false,
            [_, "total", "negative"] => true,
            _ => return Ok(None),
        };
        let mut series = Series {
            stamps: Vec::new(),
            buckets: Vec::new(),
        };
        for (i, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let at = |e: &dyn std::fmt::Display| format!("{}: row {}: {e}", path.display(), i + 2);
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if fields.len() != columns.len() {
                return Err(at(&format!("expected {} fields", columns.len())).into());
            }
            let start = timestamp(fields[0]).map_err(|e| at(&e))?;
            let number = |s: &str| s.parse::<f64>().map_err(|e| at(&e));
            let negative = if with_negative {
                Some(number(fields[2])?)
            } else {
                None
            };
            let bucket =
                Bucket::from_f64(start, number(fields[1])?, negative).map_err(|e| at(&e))?;
            series.stamps.push(fields[0].to_owned());
            series.buckets.push(bucket);
        }
        Ok(Some(series))
    }

    /// Feeds every row to a detector with `settings`, in order, and hands
    /// each row's step to `each`. An error names the row (as a line of the
    /// file: the header is line 1).
    pub fn feed(
        &self,
        name: &str,
        settings: Settings,
        mut each: impl FnMut(usize, Step),
    ) -> Result<(), Box<dyn Error>> {
        let mut detector = Detector::new(name, settings);
        for (row, bucket) in self.buckets.iter().enumerate() {
            let step = detector
                .push(*bucket)
                .map_err(|e| format!("row {}: {e}", row + 2))?;
            each(row, step);
        }
        Ok(())
    }

    /// The rows at which a detector with `settings` raises or escalates
    /// (what `crisis_eval` prints; all-clears left out).
    #[allow(dead_code)] // crisis_eval prints each alert itself
    pub fn alert_rows(&self, name: &str, settings: Settings) -> Result<Vec<usize>, Box<dyn Error>> {
        let mut rows = Vec::new();
        self.feed(name, settings, |row, step| {
            if step.alerts.iter().any(|a| a.kind != AlertKind::AllClear) {
                rows.push(row);
            }
        })?;
        Ok(rows)
    }

    /// Each row's margin under a detector with `settings`: how far past
    /// the stream's bar the row stood (`Evidence::margin`; an alert needs
    /// 1), `None` while the detector was learning.
    #[allow(dead_code)] // crisis_eval prints alerts only
    pub fn margins(
        &self,
        name: &str,
        settings: Settings,
    ) -> Result<Vec<Option<f64>>, Box<dyn Error>> {
        let mut margins = Vec::with_capacity(self.buckets.len());
        self.feed(name, settings, |_, step| {
            margins.push(step.evidence.map(|e| e.margin()));
        })?;
        Ok(margins)
    }

    /// The most common step between consecutive buckets.
    pub fn bucket_width(&self) -> Result<SignedDuration, Box<dyn Error>> {
        let mut counts: HashMap<SignedDuration, usize> = HashMap::new();
        for pair in self.buckets.windows(2) {
            *counts
                .entry(pair[1].start().duration_since(pair[0].start()))
                .or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(step, n)| (n, std::cmp::Reverse(step)))
            .map(|(step, _)| step)
            .ok_or_else(|| "a series needs at least two rows to know its bucket width".into())
    }
}

/// RFC 3339, or a civil date and time read as UTC.
pub fn timestamp(text: &str) -> Result<Timestamp, Box<dyn Error>> {
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(t);
    }
    let civil: DateTime = text.parse()?;
    Ok(civil.to_zoned_datetime(TimeZone::UTC)?.timestamp())
}
