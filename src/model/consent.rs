//! Consent: what a customer allowed, refused, when, and where they said it.

use std::fmt;

use jiff::Timestamp;

use crate::model::Tag;

word_enum! {
    /// What a consent decision is about.
    #[non_exhaustive]
    pub enum Purpose ("consent purpose") {
        /// Being contacted by the brand at all (answers, follow-ups).
        Contact => "contact",
        /// Being profiled: personas, influence scores, stances, sentiment maps.
        Profiling => "profiling" | "analytics" | "profiling/analytics",
        /// Receiving marketing.
        Marketing => "marketing",
    }
}

word_enum! {
    /// A customer's decision on one purpose.
    pub enum Decision ("consent decision") {
        /// The customer agreed.
        Granted => "granted" | "yes" | "opt-in",
        /// The customer said no.
        Refused => "refused" | "no" | "opt-out",
    }
}

/// One decision, as recorded: what, which way, when and where it was said.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConsentRecord {
    /// When the decision was made. Records sort by time first.
    pub at: Timestamp,
    /// What the decision is about.
    pub purpose: Purpose,
    /// Which way it went.
    pub decision: Decision,
    /// Where it was collected (`web-form`, `phone-call`, `cookie-banner`).
    pub source: Tag,
}

/// A purpose's current state: the latest decision, or none yet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConsentStatus {
    /// The latest decision granted the purpose.
    Granted(ConsentRecord),
    /// The latest decision refused the purpose.
    Refused(ConsentRecord),
    /// No decision was ever recorded for the purpose.
    Unknown,
}

impl ConsentStatus {
    /// Whether the customer refused, the one state every feature must honour.
    pub fn is_refused(&self) -> bool {
        matches!(self, ConsentStatus::Refused(_))
    }
}

impl fmt::Display for ConsentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConsentStatus::Granted(r) => write!(f, "granted at {} via {}", r.at, r.source),
            ConsentStatus::Refused(r) => write!(f, "refused at {} via {}", r.at, r.source),
            ConsentStatus::Unknown => f.write_str("unknown"),
        }
    }
}

/// A customer's consent history over every purpose.
///
/// Every decision is kept, sorted by time; nothing is ever overwritten, so a
/// refusal stays on record even after a later grant. The current state of a
/// purpose is its latest decision; two decisions at the same instant resolve
/// to the refusal.
///
/// ```
/// use social_crm::{Consent, ConsentStatus, Decision, Purpose, Tag};
///
/// let mut consent = Consent::default();
/// let at = "2026-11-02T10:00:00Z".parse()?;
/// consent.record(Purpose::Profiling, Decision::Refused, at, Tag::new("web-form")?);
/// assert!(consent.status(Purpose::Profiling).is_refused());
/// assert_eq!(consent.status(Purpose::Marketing), ConsentStatus::Unknown);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(from = "Vec<ConsentRecord>", into = "Vec<ConsentRecord>")
)]
pub struct Consent {
    /// Sorted by (time, purpose, decision, source), without duplicates. A
    /// boxed slice, two words in every customer record: decisions are few
    /// and rarely added.
    records: Box<[ConsentRecord]>,
}

impl Consent {
    /// Records a decision. Recording the same decision twice keeps one copy.
    pub fn record(&mut self, purpose: Purpose, decision: Decision, at: Timestamp, source: Tag) {
        self.insert(ConsentRecord {
            at,
            purpose,
            decision,
            source,
        });
    }

    fn insert(&mut self, record: ConsentRecord) {
        self.edit(|records| add(records, record));
    }

    /// Changes the records as a vector.
    fn edit(&mut self, change: impl FnOnce(&mut Vec<ConsentRecord>)) {
        let mut records = std::mem::take(&mut self.records).into_vec();
        change(&mut records);
        self.records = records.into_boxed_slice();
    }

    /// The current state of one purpose.
    pub fn status(&self, purpose: Purpose) -> ConsentStatus {
        // Records are sorted by time and, at equal times, `Granted` sorts
        // before `Refused`, so the last record of the purpose is the latest
        // decision with refusals winning ties.
        match self.records.iter().rev().find(|r| r.purpose == purpose) {
            Some(r) if r.decision == Decision::Refused => ConsentStatus::Refused(r.clone()),
            Some(r) => ConsentStatus::Granted(r.clone()),
            None => ConsentStatus::Unknown,
        }
    }

    /// Whether the customer's current decision on `purpose` is a refusal.
    pub fn is_refused(&self, purpose: Purpose) -> bool {
        self.status(purpose).is_refused()
    }

    /// Every decision ever recorded, oldest first.
    pub fn records(&self) -> &[ConsentRecord] {
        &self.records
    }

    /// Adds every record of `other` (the union of both histories). The
    /// result does not depend on which side absorbs which.
    pub fn absorb(&mut self, other: &Consent) {
        self.edit(|records| {
            for record in other.records.iter() {
                add(records, record.clone());
            }
        });
    }
}

/// Adds a record to sorted records, once.
fn add(records: &mut Vec<ConsentRecord>, record: ConsentRecord) {
    if let Err(pos) = records.binary_search(&record) {
        records.insert(pos, record);
    }
}

impl From<Vec<ConsentRecord>> for Consent {
    fn from(records: Vec<ConsentRecord>) -> Consent {
        let mut consent = Consent::default();
        consent.edit(|sorted| {
            for record in records {
                add(sorted, record);
            }
        });
        consent
    }
}

impl From<Consent> for Vec<ConsentRecord> {
    fn from(consent: Consent) -> Vec<ConsentRecord> {
        consent.records.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn src() -> Tag {
        Tag::new("web-form").unwrap()
    }

    #[test]
    fn latest_decision_wins_and_ties_go_to_refusal() {
        let mut c = Consent::default();
        c.record(
            Purpose::Marketing,
            Decision::Refused,
            at("2026-01-01T00:00:00Z"),
            src(),
        );
        c.record(
            Purpose::Marketing,
            Decision::Granted,
            at("2026-02-01T00:00:00Z"),
            src(),
        );
        assert!(matches!(
            c.status(Purpose::Marketing),
            ConsentStatus::Granted(_)
        ));
        c.record(
            Purpose::Marketing,
            Decision::Refused,
            at("2026-02-01T00:00:00Z"),
            src(),
        );
        assert!(c.is_refused(Purpose::Marketing));
        assert_eq!(c.records().len(), 3);
    }

    #[test]
    fn absorb_is_a_union_in_either_order() {
        let mut a = Consent::default();
        a.record(
            Purpose::Profiling,
            Decision::Refused,
            at("2026-01-01T00:00:00Z"),
            src(),
        );
        let mut b = Consent::default();
        b.record(
            Purpose::Contact,
            Decision::Granted,
            at("2025-01-01T00:00:00Z"),
            src(),
        );
        b.record(
            Purpose::Profiling,
            Decision::Refused,
            at("2026-01-01T00:00:00Z"),
            src(),
        );
        let mut ab = a.clone();
        ab.absorb(&b);
        let mut ba = b.clone();
        ba.absorb(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.records().len(), 2);
    }
}
