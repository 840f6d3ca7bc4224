//! What changed in a desk since a revision: enough to bring a copy stored
//! at that revision up to date, so that a service persists a big desk every
//! minute by writing what changed rather than the whole desk.
//!
//! A desk counts the calls that changed one of its conversations (a
//! message, a status, an assignment or priority change, who holds it, an
//! erasure that rewrote it), its customers (a record, a handle, a consent
//! decision, a merge, an erasure, a newcomer), its profiles (a refresh, a
//! profile forgotten) or its list of erasures: its revision. Each
//! conversation, each customer id, each profile and each erasure remembers
//! the revision of its last change. The changes since a revision are those
//! conversations, whole, with who holds them and their assignments and
//! priorities; the customers that changed, with every id merged into them,
//! the ids nobody holds any more, and the customer events and newcomer
//! marks of those ids; the profiles that changed (all of them after a
//! refresh; of a profile moved by new messages, its figures and those
//! messages); the erasures applied since; and the rest of the desk whole:
//! configuration (the roster's loads change with every assignment) and
//! crisis monitor. Beside the conversations of a desk of the sample week's
//! shape that rest is small (`examples/desk_scale` prints both).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use jiff::Timestamp;

use super::profiles::ProfileChanges;
use super::{Desk, DeskConfig, Erasure, Handling, Thread};
use crate::crisis::Monitor;
use crate::directory::Holders;
use crate::error::{ErrorKind, Result};
use crate::model::{AgentId, Conversation, CustomerId, Handle};

/// What changed in a [`Desk`] from one revision to another
/// ([`Desk::changes_since`]), to bring a desk stored at the first up to
/// the second ([`Desk::apply_changes`]).
///
/// The conversations that changed (a message, a status, an assignment or
/// priority change, who holds it, an erasure that rewrote it) are in it
/// whole, with who holds them and their assignments and priorities; so are
/// the customers that changed (a record, a handle, a consent decision, a
/// merge, an erasure, a newcomer), each with the ids merged into it, and
/// the ids nobody holds any more; the profiles that changed (all of them
/// after a refresh; of one moved by its customer's messages, its figures
/// and those messages); and the erasures applied since. The rest of the
/// desk is in it whole: configuration (the roster's loads move with every
/// assignment) and crisis monitor. Beside the conversations of a desk of
/// the sample week's shape that rest is small (`examples/desk_scale`
/// prints the size of a set of changes), and a directory of millions of
/// customers adds only the customers that changed.
///
/// With the `serde` feature it stores and reads back as the desk does, and
/// is checked when applied as a stored desk is checked when read.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DeskChanges {
    since: u64,
    until: u64,
    rest: Rest,
    conversations: Vec<Changed>,
}

/// Everything of a desk but its conversations and who holds them.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Rest {
    config: DeskConfig,
    customers: CustomerChanges,
    monitor: Monitor,
    profiles: ProfileChanges,
    next_newcomer: u64,
    /// How many erasures the desk had at the revision the changes start
    /// from: they are never undone, so the changes carry the later ones.
    erasures_before: usize,
    erasures: Vec<Erasure>,
}

/// What the desk holds now for the customer ids that changed: their
/// directory entries, and of those ids the records applied and the
/// newcomer marks (an id without is one that has none now).
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CustomerChanges {
    directory: Holders,
    #[cfg_attr(feature = "serde", serde(default))]
    records: BTreeMap<CustomerId, Vec<(Timestamp, Option<Handle>)>>,
    #[cfg_attr(feature = "serde", serde(default))]
    released: BTreeMap<CustomerId, Vec<Handle>>,
    #[cfg_attr(feature = "serde", serde(default))]
    provisional: BTreeSet<CustomerId>,
}

#[cfg(feature = "serde")]
serialize_struct!(CustomerChanges {
    directory,
    records if BTreeMap::is_empty,
    released if BTreeMap::is_empty,
    provisional if BTreeSet::is_empty,
});

/// One conversation as it is now, with who holds it and what was done
/// with it.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Changed {
    conversation: Conversation,
    #[cfg_attr(feature = "serde", serde(default))]
    holder: Option<AgentId>,
    #[cfg_attr(feature = "serde", serde(default))]
    handling: Option<Handling>,
}

#[cfg(feature = "serde")]
serialize_struct!(Changed {
    conversation,
    holder if Option::is_none,
    handling if Option::is_none,
});

/// A desk's count of the calls that changed one of its conversations, its
/// customers or its profiles, with what a call under way and a restore
/// leave behind.
/// Stored as its count.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Revision {
    /// How many calls changed a conversation, a customer, the profiles or
    /// the erasures.
    at: u64,
    /// Whether the call under way changed something (marked with the next
    /// revision).
    marked: bool,
    /// The revision the desk was made, restored or brought up to date at:
    /// what changed before is not known.
    known_since: u64,
}

impl Revision {
    /// The revision of a desk restored at `at`.
    pub(super) fn restored(at: u64) -> Revision {
        Revision {
            at,
            marked: false,
            known_since: at,
        }
    }

    /// Records that a conversation changed in the call under way: it takes
    /// the next revision.
    pub(super) fn mark(&mut self, thread: &mut Thread) {
        thread.mark(self.next());
    }

    /// Records that the call under way changed something: the revision it
    /// takes.
    pub(super) fn next(&mut self) -> u64 {
        self.marked = true;
        self.at.saturating_add(1)
    }

    /// Ends a call: the next revision if it changed something.
    pub(super) fn settle(&mut self) {
        if std::mem::take(&mut self.marked) {
            self.at = self.at.saturating_add(1);
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Revision {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u64(self.at)
    }
}

impl DeskChanges {
    /// The revision the changes start from.
    pub fn since(&self) -> u64 {
        self.since
    }

    /// The revision they bring a desk to.
    pub fn until(&self) -> u64 {
        self.until
    }

    /// How many conversations changed.
    pub fn conversations(&self) -> usize {
        self.conversations.len()
    }
}

impl Desk {
    /// How many calls changed one of its conversations, its customers, its
    /// profiles or its erasures: each [`Desk::apply_all`] (or
    /// [`Desk::apply`]) and [`Desk::route`] that did counts one, and each
    /// [`Desk::refresh_profiles`]; a batch of duplicates does not. A stored
    /// desk keeps it. What else changes (the configuration, the crisis
    /// monitor) is in every set of changes, whatever the revisions.
    pub fn revision(&self) -> u64 {
        self.revision.at
    }

    /// What changed since `revision`: the conversations that changed, whole,
    /// and the rest of the desk (see [`DeskChanges`]). Applied to a copy of
    /// the desk stored at `revision`, they make it this desk.
    ///
    /// ```
    /// use social_crm::desk::{Desk, DeskConfig};
    /// use social_crm::sample;
    ///
    /// let week = sample::week();
    /// let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    /// let mut events = week.events();
    /// let later = events.split_off(100);
    /// desk.apply_all(events, week.now);
    /// let mut stored = desk.clone(); // a snapshot, written once
    ///
    /// desk.apply_all(later, week.now);
    /// let changes = desk.changes_since(stored.revision())?;
    /// assert!(changes.conversations() < desk.conversations().count());
    /// stored.apply_changes(changes)?; // the snapshot brought up to date
    /// assert_eq!(stored.queue(week.now)?, desk.queue(week.now)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::RevisionMismatch`] if `revision` is after the desk's,
    /// or before the revision the desk was made, restored or last brought
    /// up to date at (what changed before that is not known: store the
    /// whole desk).
    pub fn changes_since(&self, revision: u64) -> Result<DeskChanges> {
        if revision > self.revision.at {
            return Err(mismatch(
                revision,
                format!("the desk is at revision {}", self.revision.at),
            ));
        }
        if revision < self.revision.known_since {
            return Err(mismatch(
                revision,
                format!(
                    "the desk knows what changed since revision {} only",
                    self.revision.known_since
                ),
            ));
        }
        let conversations = self
            .conversations
            .values()
            .filter(|t| t.changed() > revision)
            .map(|t| {
                let id = t.id();
                Changed {
                    conversation: Conversation::clone(t),
                    holder: self.holders.get(id).cloned(),
                    handling: self.handling.get(id).cloned(),
                }
            })
            .collect();
        // The erasures applied before the desk was made, restored or brought
        // up to date have no revision: all are before `revision`.
        let known = self.erasures.len() - self.erasures_changed.len();
        let erasures_before = known
            + self
                .erasures_changed
                .partition_point(|&changed| changed <= revision);
        Ok(DeskChanges {
            since: revision,
            until: self.revision.at,
            rest: Rest {
                config: self.config.clone(),
                customers: self.customers_since(revision),
                monitor: self.monitor.clone(),
                profiles: self.profiles.since(revision),
                next_newcomer: self.next_newcomer,
                erasures_before,
                erasures: self.erasures[erasures_before..].to_vec(),
            },
            conversations,
        })
    }

    /// Brings the desk from revision [`DeskChanges::since`] to
    /// [`DeskChanges::until`] (see [`Desk::changes_since`]). The changed
    /// conversations' moods are scored again when next needed, as a
    /// restored desk's are.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::RevisionMismatch`] if the desk is not at the revision
    /// the changes start from, or they end before it; [`ErrorKind::InvalidState`] if the desk they
    /// make does not hold together as a stored desk must (see [`Desk`]).
    /// The desk is unchanged on error.
    pub fn apply_changes(&mut self, changes: DeskChanges) -> Result<()> {
        if changes.since != self.revision.at {
            return Err(mismatch(
                changes.since,
                format!("the desk is at revision {}", self.revision.at),
            ));
        }
        if changes.until < changes.since {
            return Err(mismatch(
                changes.since,
                format!("they end before they start, at revision {}", changes.until),
            ));
        }
        let mut rest = changes.rest;
        if rest.erasures_before != self.erasures.len() {
            return Err(mismatch(
                changes.since,
                format!(
                    "they follow {} erasures and the desk has {}",
                    rest.erasures_before,
                    self.erasures.len()
                ),
            ));
        }
        // Erasures are added, once nothing else can refuse.
        let erasures = std::mem::take(&mut rest.erasures);
        // The profiles are changes to the desk's own: checked first, applied
        // last, once nothing else can refuse.
        let profiles = std::mem::take(&mut rest.profiles);
        if let Err(reason) = self.profiles.check(&profiles) {
            return crate::error::invalid_state("desk", reason);
        }
        // The customers too are changes, put in place of what the desk
        // holds for their ids.
        let customers = self.put_customers(std::mem::take(&mut rest.customers))?;
        let rest = self.swap_rest(rest);
        let mut before = Vec::with_capacity(changes.conversations.len());
        for changed in changes.conversations {
            let id = changed.conversation.id().clone();
            let thread = self
                .conversations
                .insert(id.clone(), Thread::new(changed.conversation));
            let holder = put(&mut self.holders, &id, changed.holder);
            let handling = put(&mut self.handling, &id, changed.handling);
            before.push((id, thread, holder, handling));
        }
        // The changed conversations were put under their own ids.
        if let Err(e) = self.check_links() {
            // Put back what was there, newest first.
            for (id, thread, holder, handling) in before.into_iter().rev() {
                match thread {
                    Some(thread) => self.conversations.insert(id.clone(), thread),
                    None => self.conversations.remove(&id),
                };
                put(&mut self.holders, &id, holder);
                put(&mut self.handling, &id, handling);
            }
            self.swap_rest(rest);
            self.put_customers(customers)?;
            return Err(e);
        }
        self.profiles.apply(profiles);
        self.erasures.extend(erasures);
        self.revision = Revision::restored(changes.until);
        self.customers_changed.clear();
        self.erasures_changed.clear();
        self.board = OnceLock::new();
        Ok(())
    }

    /// What the desk holds now for the customer ids changed after
    /// `revision`.
    fn customers_since(&self, revision: u64) -> CustomerChanges {
        let ids: BTreeSet<&CustomerId> = self
            .customers_changed
            .iter()
            .filter(|(_, &changed)| changed > revision)
            .map(|(id, _)| id)
            .collect();
        let directory = self.directory.holders(ids.iter().copied());
        // Every id the directory's changes speak for, those merged into a
        // changed customer too: a copy puts the records of each in place,
        // so the changes carry them all (a write kept under a merged id,
        // "new-1" after a record took the newcomer over, would be lost in
        // the copy when only the record changed).
        let ids: Vec<&CustomerId> = directory.ids().collect();
        CustomerChanges {
            records: ids
                .iter()
                .filter_map(|&id| Some((id.clone(), self.records.get(id)?.clone())))
                .collect(),
            released: ids
                .iter()
                .filter_map(|&id| Some((id.clone(), self.released.get(id)?.clone())))
                .collect(),
            provisional: ids
                .iter()
                .filter(|&&id| self.provisional.contains(id))
                .map(|&id| id.clone())
                .collect(),
            directory,
        }
    }

    /// Puts `changes` in place of what the desk holds for their ids, and
    /// returns what it held (put back, it gives the desk as it was).
    ///
    /// # Errors
    ///
    /// As [`Directory::put_holders`](crate::directory::Directory), or
    /// [`ErrorKind::InvalidState`] if records or newcomer marks are given
    /// for ids the changes do not speak for. The desk is unchanged on
    /// error.
    fn put_customers(&mut self, changes: CustomerChanges) -> Result<CustomerChanges> {
        let ids: BTreeSet<CustomerId> = changes.directory.ids().cloned().collect();
        let stray = changes
            .records
            .keys()
            .chain(changes.released.keys())
            .chain(&changes.provisional)
            .find(|id| !ids.contains(*id));
        if let Some(id) = stray {
            return crate::error::invalid_state(
                "desk changes",
                format!(
                    "customer `{id}` has records or a newcomer mark but no directory entry in them"
                ),
            );
        }
        let directory = self.directory.put_holders(changes.directory)?;
        let (mut records, mut released) = (changes.records, changes.released);
        let mut before = CustomerChanges {
            directory,
            ..CustomerChanges::default()
        };
        for id in ids {
            if let Some(old) = put(&mut self.records, &id, records.remove(&id)) {
                before.records.insert(id.clone(), old);
            }
            if let Some(old) = put(&mut self.released, &id, released.remove(&id)) {
                before.released.insert(id.clone(), old);
            }
            let was_newcomer = if changes.provisional.contains(&id) {
                !self.provisional.insert(id.clone())
            } else {
                self.provisional.remove(&id)
            };
            if was_newcomer {
                before.provisional.insert(id);
            }
        }
        Ok(before)
    }

    /// Puts `rest` in place of the desk's, and returns what was there.
    fn swap_rest(&mut self, rest: Rest) -> Rest {
        Rest {
            config: std::mem::replace(&mut self.config, rest.config),
            monitor: std::mem::replace(&mut self.monitor, rest.monitor),
            // Applied apart: they are changes, not a replacement.
            customers: CustomerChanges::default(),
            profiles: ProfileChanges::default(),
            next_newcomer: std::mem::replace(&mut self.next_newcomer, rest.next_newcomer),
            // Added apart, once the changes cannot be refused.
            erasures_before: self.erasures.len(),
            erasures: Vec::new(),
        }
    }
}

/// Sets or removes the value of `id`; returns the one it had.
fn put<K: Ord + Clone, V>(map: &mut BTreeMap<K, V>, id: &K, value: Option<V>) -> Option<V> {
    match value {
        Some(value) => map.insert(id.clone(), value),
        None => map.remove(id),
    }
}

fn mismatch(from: u64, reason: String) -> crate::Error {
    ErrorKind::RevisionMismatch { from, reason }.into()
}
