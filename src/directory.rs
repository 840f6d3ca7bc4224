//! Identity resolution: from a handle to a customer, and from two records of
//! one person to one customer, with an audit trail.
//!
//! A [`Directory`] indexes every handle of every customer, so "who is
//! `@lea_m`?" is one hash lookup whatever the directory's size. Two records
//! that share a handle (the same email address behind a Twitter account and a
//! Facebook profile) are found by [`Directory::shared_handles`] and joined by
//! [`Directory::merge`], which keeps every handle and every consent decision
//! and reports each field on which the two records disagreed instead of
//! dropping one side silently.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::model::{keyed_map, AudienceStats, Customer, CustomerId, EmailRule, Handle, KeyedMap};
use crate::{ErrorKind, Result};

mod changes;
pub(crate) use changes::Holders;

/// The position of a customer in [`Directory::slots`].
type Slot = u32;

/// Which customers own each handle. Almost every handle has one owner, so
/// the main table holds one slot per handle (a 4-byte value beside the key);
/// the few handles several customers share keep their owners in a second
/// table, and the main one marks them with [`SHARED`].
#[derive(Debug, Clone, Default)]
struct HandleIndex {
    owner: KeyedMap<Handle, Slot>,
    shared: KeyedMap<Handle, Vec<Slot>>,
}

/// The mark, in [`HandleIndex::owner`], of a handle with several owners (no
/// customer has this slot: [`Directory::insert`] stops before it).
const SHARED: Slot = Slot::MAX;

/// Who owns one handle, as [`HandleIndex::get`] finds it.
enum Owners<'a> {
    Nobody,
    One(Slot),
    Several(&'a [Slot]),
}

impl HandleIndex {
    fn with_capacity(handles: usize) -> HandleIndex {
        HandleIndex {
            owner: keyed_map(handles),
            shared: KeyedMap::default(),
        }
    }

    fn clear(&mut self) {
        self.owner.clear();
        self.shared.clear();
    }

    fn get(&self, key: &Handle) -> Owners<'_> {
        match self.owner.get(key) {
            None => Owners::Nobody,
            Some(&SHARED) => self
                .shared
                .get(key)
                .map_or(Owners::Nobody, |slots| Owners::Several(slots)),
            Some(&slot) => Owners::One(slot),
        }
    }

    /// Records that `slot` owns `key` (once).
    fn add(&mut self, key: Handle, slot: Slot) {
        match self.owner.get_mut(&key) {
            None => {
                self.owner.insert(key, slot);
            }
            Some(&mut SHARED) => {
                let slots = self.shared.entry(key).or_default();
                if !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
            Some(first) if *first != slot => {
                let first = std::mem::replace(first, SHARED);
                self.shared.insert(key, vec![first, slot]);
            }
            Some(_) => {}
        }
    }

    /// Records that `slot` no longer owns `key`.
    fn remove(&mut self, key: &Handle, slot: Slot) {
        match self.owner.get(key) {
            Some(&SHARED) => self.edit_shared(key, |slots| slots.retain(|&s| s != slot)),
            Some(&only) if only == slot => {
                self.owner.remove(key);
            }
            _ => {}
        }
    }

    /// Puts `new` in place of `old` among the owners of `key` (once, if
    /// `new` already is one).
    fn replace(&mut self, key: &Handle, old: Slot, new: Slot) {
        match self.owner.get_mut(key) {
            Some(&mut SHARED) => self.edit_shared(key, |slots| {
                slots.retain(|&s| s != old);
                if !slots.contains(&new) {
                    slots.push(new);
                }
            }),
            Some(only) if *only == old => *only = new,
            _ => {}
        }
    }

    /// Changes the owners of a shared handle; one left moves back to the
    /// main table.
    fn edit_shared(&mut self, key: &Handle, edit: impl FnOnce(&mut Vec<Slot>)) {
        let Some(slots) = self.shared.get_mut(key) else {
            return;
        };
        edit(slots);
        match *slots.as_slice() {
            [] => {
                self.shared.remove(key);
                self.owner.remove(key);
            }
            [only] => {
                self.shared.remove(key);
                self.owner.insert(key.clone(), only);
            }
            _ => {}
        }
    }

    /// The handles owned by several customers, with their slots.
    fn shared(&self) -> impl Iterator<Item = (&Handle, &[Slot])> {
        self.shared.iter().map(|(h, s)| (h, s.as_slice()))
    }
}

/// The customers of a brand, indexed by id and by every handle.
///
/// ```
/// use social_crm::{AudienceStats, Channel, Customer, Directory, Handle, Resolution};
///
/// let mut directory = Directory::new();
/// let email = Handle::new(Channel::Email, "julie.bernard@exemple.fr")?;
/// directory.insert(
///     Customer::new("c1", "Julie Bernard")?
///         .with_handle(Handle::new(Channel::Twitter, "@juju_b")?, AudienceStats::default())
///         .with_handle(email.clone(), AudienceStats::default()),
/// )?;
/// directory.insert(
///     Customer::new("c2", "J. Bernard")?
///         .with_handle(Handle::new(Channel::Facebook, "julie.bernard.33")?, AudienceStats::default())
///         .with_handle(Handle::new(Channel::Email, "julie.bernard@EXEMPLE.FR")?, AudienceStats::default()),
/// )?;
///
/// // The same address, spelt differently, is one handle owned twice.
/// assert!(matches!(directory.resolve(&email), Resolution::Ambiguous(_)));
/// assert_eq!(directory.shared_handles().len(), 1);
///
/// let report = directory.merge("c1", "c2")?;
/// assert_eq!(report.conflicts.len(), 1); // the display names differ
/// let julie = directory.get("c2").unwrap(); // the old id still resolves
/// assert_eq!(julie.id.as_str(), "c1");
/// assert_eq!(julie.handles.len(), 3);
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Every customer ever inserted, by slot; `None` once merged into
    /// another. Boxed, so a slot is one pointer wide.
    slots: Vec<Option<Box<Customer>>>,
    /// The slot of every customer, found by the hash of its id, which is
    /// read from the record: the index holds 4 bytes a customer, not a copy
    /// of the id.
    ids: HashTable<Slot>,
    /// Every id merged into another customer -> the slot of the customer
    /// that holds it now.
    merged: KeyedMap<CustomerId, Slot>,
    /// The seed ids are hashed with (see `KeyedMap` for why seeded).
    seed: foldhash::quality::RandomState,
    /// Every handle -> the slots of its owners: a lookup is one hash probe.
    by_handle: HandleIndex,
    /// Slot -> the ids merged into it, to keep `merged` flat through chains
    /// of merges.
    absorbed: KeyedMap<Slot, Vec<CustomerId>>,
    /// How many slots hold a customer.
    live: usize,
    /// When two e-mail addresses are one.
    email_rule: EmailRule,
}

/// The answer to "who is behind this handle?".
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Resolution<'d> {
    /// Nobody in the directory has this handle.
    Unknown,
    /// Exactly one customer has it.
    Customer(&'d Customer),
    /// Several customers have it: probably one person recorded twice, a case
    /// for [`Directory::merge`]. Sorted by id.
    Ambiguous(Vec<&'d Customer>),
}

impl<'d> Resolution<'d> {
    /// The customer, when exactly one was found.
    pub fn customer(&self) -> Option<&'d Customer> {
        match self {
            Resolution::Customer(c) => Some(c),
            _ => None,
        }
    }
}

/// A handle owned by more than one customer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SharedHandle {
    /// The handle.
    pub handle: Handle,
    /// Its owners, sorted by id.
    pub owners: Vec<CustomerId>,
}

/// A field of [`Customer`] on which two merged records disagreed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Field {
    /// The display name.
    DisplayName,
    /// The preferred language.
    Language,
    /// The country.
    Country,
    /// The region.
    Region,
    /// The birth year.
    BirthYear,
    /// The audience figures of a handle both records had.
    AudienceStats(Handle),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::DisplayName => f.write_str("display name"),
            Field::Language => f.write_str("language"),
            Field::Country => f.write_str("country"),
            Field::Region => f.write_str("region"),
            Field::BirthYear => f.write_str("birth year"),
            Field::AudienceStats(h) => write!(f, "audience of {h}"),
        }
    }
}

/// Two values of one field: the one kept, and the absorbed record's.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldConflict {
    /// The field.
    pub field: Field,
    /// The kept record's value, which stays.
    pub kept: String,
    /// The absorbed record's value, which is not applied (it stays readable
    /// in [`MergeReport::absorbed`]).
    pub other: String,
}

impl fmt::Display for FieldConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: kept `{}`, not `{}`",
            self.field, self.kept, self.other
        )
    }
}

/// What [`Directory::merge`] did.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MergeReport {
    /// The id that remains.
    pub kept: CustomerId,
    /// The absorbed record, exactly as it was before the merge: the audit
    /// trail, so nothing of it is lost even where the kept record won.
    pub absorbed: Customer,
    /// Handles the kept customer gained.
    pub handles_added: Vec<Handle>,
    /// Fields the kept customer lacked and took from the absorbed record.
    pub filled: Vec<Field>,
    /// Fields on which both records had different values (the kept value
    /// stays).
    pub conflicts: Vec<FieldConflict>,
    /// Consent records the kept customer gained.
    pub consent_records_added: usize,
}

impl Directory {
    /// An empty directory.
    pub fn new() -> Directory {
        Directory::default()
    }

    /// The directory resolving e-mail addresses by `rule` (the default is
    /// [`EmailRule::CaseInsensitive`]); the handles already indexed are
    /// indexed again under it.
    ///
    /// ```
    /// use social_crm::{AudienceStats, Channel, Customer, Directory, EmailRule, Handle, Resolution};
    ///
    /// let mut directory = Directory::new().with_email_rule(EmailRule::Canonical);
    /// let lea = Handle::new(Channel::Email, "lea.martin@gmail.com")?;
    /// directory.insert(Customer::new("c1", "Léa Martin")?.with_handle(lea, AudienceStats::default()))?;
    /// let tagged = Handle::new(Channel::Email, "Lea.Martin+promo@gmail.com")?;
    /// assert!(matches!(directory.resolve(&tagged), Resolution::Customer(c) if c.id.as_str() == "c1"));
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    #[must_use]
    pub fn with_email_rule(mut self, rule: EmailRule) -> Directory {
        self.email_rule = rule;
        self.by_handle.clear();
        let handles: Vec<(Handle, Slot)> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(slot, c)| Some((slot, c.as_deref()?)))
            .flat_map(|(slot, c)| c.handles.keys().map(move |h| (h.clone(), slot as Slot)))
            .collect();
        for (handle, slot) in handles {
            self.index(&handle, slot);
        }
        self
    }

    /// The rule e-mail addresses are resolved by.
    pub fn email_rule(&self) -> EmailRule {
        self.email_rule
    }

    /// An empty directory with room for `customers` customers.
    pub fn with_capacity(customers: usize) -> Directory {
        Directory {
            slots: Vec::with_capacity(customers),
            ids: HashTable::with_capacity(customers),
            // Most customers have a couple of handles.
            by_handle: HandleIndex::with_capacity(customers.saturating_mul(2)),
            ..Directory::default()
        }
    }

    /// How many customers the directory holds (absorbed records not counted).
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether the directory holds no customer.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Every customer, in order of insertion.
    pub fn iter(&self) -> impl Iterator<Item = &Customer> {
        self.slots.iter().filter_map(|slot| slot.as_deref())
    }

    /// Every customer, sorted by id (for reports and stable output).
    pub fn sorted(&self) -> Vec<&Customer> {
        let mut all: Vec<&Customer> = self.iter().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }

    /// Adds a customer and indexes its handles.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::DuplicateCustomer`] if the id is taken, including by a
    /// record that was merged into another; [`ErrorKind::DirectoryFull`]
    /// past 2³² − 1 customers.
    pub fn insert(&mut self, customer: Customer) -> Result<()> {
        if self.slot_of(customer.id.as_str()).is_some() {
            return Err(ErrorKind::DuplicateCustomer {
                id: customer.id.to_string(),
            }
            .into());
        }
        let slot = Slot::try_from(self.slots.len())
            .ok()
            .filter(|&s| s < Slot::MAX)
            .ok_or(ErrorKind::DirectoryFull)?;
        for handle in customer.handles.keys() {
            self.index(handle, slot);
        }
        let hash = self.seed.hash_one(customer.id.as_str());
        self.slots.push(Some(Box::new(customer)));
        let (slots, seed) = (&self.slots, &self.seed);
        self.ids
            .insert_unique(hash, slot, |&s| id_hash(seed, slots, s));
        self.live += 1;
        Ok(())
    }

    /// Adds a customer, or replaces the record with the same id (an update
    /// from the caller's CRM): the handle index follows the new record.
    /// Returns the record replaced, if any.
    ///
    /// ```
    /// use social_crm::{AudienceStats, Channel, Customer, Directory, Handle, Resolution};
    ///
    /// let mut directory = Directory::new();
    /// let old = Handle::new(Channel::Twitter, "@lea_m")?;
    /// let new = Handle::new(Channel::Twitter, "@lea_martin")?;
    /// directory.upsert(Customer::new("c1", "Léa")?.with_handle(old.clone(), AudienceStats::default()))?;
    /// let replaced = directory.upsert(
    ///     Customer::new("c1", "Léa Martin")?.with_handle(new.clone(), AudienceStats::default()),
    /// )?;
    /// assert_eq!(replaced.unwrap().display_name, "Léa");
    /// assert_eq!(directory.resolve(&old), Resolution::Unknown);
    /// assert!(matches!(directory.resolve(&new), Resolution::Customer(c) if c.display_name == "Léa Martin"));
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::MergedCustomer`] if the id was merged into another
    /// customer (update that one); as [`Directory::insert`] for a new id.
    /// The directory is unchanged on error.
    pub fn upsert(&mut self, customer: Customer) -> Result<Option<Customer>> {
        let Some(slot) = self.slot_of(customer.id.as_str()) else {
            self.insert(customer)?;
            return Ok(None);
        };
        let Some(Some(old)) = self.slots.get(slot as usize) else {
            return Err(ErrorKind::UnknownCustomer {
                id: customer.id.to_string(),
            }
            .into());
        };
        if old.id != customer.id {
            return Err(ErrorKind::MergedCustomer {
                id: customer.id.to_string(),
                into: old.id.to_string(),
            }
            .into());
        }
        let old_handles: Vec<Handle> = old.handles.keys().cloned().collect();
        for handle in &old_handles {
            self.unindex(handle, slot);
        }
        for handle in customer.handles.keys() {
            self.index(handle, slot);
        }
        let old = self.slots[slot as usize].replace(Box::new(customer));
        Ok(old.map(|b| *b))
    }

    /// Removes a customer for good (an erasure request): the record, its
    /// handles in the index, and every id that led to it, its own and those
    /// merged into it. Returns the record removed.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownCustomer`] if no customer has this id; the
    /// directory is unchanged.
    pub fn erase(&mut self, id: &str) -> Result<Customer> {
        let slot = self.require(id)?;
        let Some(customer) = self.slots.get_mut(slot as usize).and_then(Option::take) else {
            return Err(ErrorKind::UnknownCustomer { id: id.to_owned() }.into());
        };
        for handle in customer.handles.keys() {
            self.unindex(handle, slot);
        }
        self.forget_id(&customer.id, slot);
        for merged in self.absorbed.remove(&slot).unwrap_or_default() {
            self.merged.remove(&merged);
        }
        self.live -= 1;
        Ok(*customer)
    }

    /// Records that the customer in `slot` no longer owns `handle`.
    fn unindex(&mut self, handle: &Handle, slot: Slot) {
        self.by_handle.remove(&self.email_rule.key(handle), slot);
    }

    /// Records that the customer in `slot` owns `handle`.
    fn index(&mut self, handle: &Handle, slot: Slot) {
        self.by_handle.add(self.email_rule.key(handle), slot);
    }

    /// The slot of the customer that holds `id`: its own, or that of the
    /// customer it was merged into.
    fn slot_of(&self, id: &str) -> Option<Slot> {
        let own = self.ids.find(self.seed.hash_one(id), |&s| {
            self.at(s).is_some_and(|c| c.id.as_str() == id)
        });
        own.or_else(|| self.merged.get(id)).copied()
    }

    /// Takes the id of the customer that was in `slot` out of the id index
    /// (once a merge or an erasure took the record away).
    fn forget_id(&mut self, id: &CustomerId, slot: Slot) {
        if let Ok(entry) = self
            .ids
            .find_entry(self.seed.hash_one(id.as_str()), |&s| s == slot)
        {
            entry.remove();
        }
    }

    fn at(&self, slot: Slot) -> Option<&Customer> {
        self.slots.get(slot as usize)?.as_deref()
    }

    /// The id a customer is now known by: itself, or the id of the customer
    /// it was merged into.
    pub fn canonical_id(&self, id: &str) -> Option<&CustomerId> {
        self.get(id).map(|c| &c.id)
    }

    /// The customer with this id, following merges.
    pub fn get(&self, id: &str) -> Option<&Customer> {
        self.at(self.slot_of(id)?)
    }

    /// Who is behind a handle: one hash lookup. Expected O(1).
    pub fn resolve(&self, handle: &Handle) -> Resolution<'_> {
        let found = match self.email_rule {
            // The common case costs no key.
            EmailRule::CaseInsensitive => self.by_handle.get(handle),
            rule => self.by_handle.get(&rule.key(handle)),
        };
        match found {
            Owners::Nobody => Resolution::Unknown,
            Owners::One(slot) => match self.at(slot) {
                Some(c) => Resolution::Customer(c),
                None => Resolution::Unknown,
            },
            Owners::Several(slots) => {
                let mut found: Vec<&Customer> = slots.iter().filter_map(|&s| self.at(s)).collect();
                found.sort_by(|a, b| a.id.cmp(&b.id));
                Resolution::Ambiguous(found)
            }
        }
    }

    /// Every handle owned by more than one customer, sorted by handle.
    pub fn shared_handles(&self) -> Vec<SharedHandle> {
        let mut shared: Vec<SharedHandle> = self
            .by_handle
            .shared()
            .map(|(handle, slots)| {
                let mut owners: Vec<CustomerId> = slots
                    .iter()
                    .filter_map(|&s| Some(self.at(s)?.id.clone()))
                    .collect();
                owners.sort();
                SharedHandle {
                    handle: handle.clone(),
                    owners,
                }
            })
            .collect();
        shared.sort_by(|a, b| a.handle.cmp(&b.handle));
        shared
    }

    /// Gives a customer one more handle (or new figures for one it has).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownCustomer`] if no customer has this id.
    pub fn add_handle(&mut self, id: &str, handle: Handle, stats: AudienceStats) -> Result<()> {
        let slot = self.require(id)?;
        self.index(&handle, slot);
        if let Some(Some(customer)) = self.slots.get_mut(slot as usize) {
            customer.handles.insert(handle, stats);
        }
        Ok(())
    }

    /// Links the handles a platform gives for one person: `handle` (the
    /// stable one, a platform id) and its `aliases` (usernames, which
    /// change). Whichever of them the directory already knows names the
    /// customer; the others are added to that customer, so the directory
    /// resolves any of them from then on. `stats` become the figures of
    /// `handle`. A handle another customer owns is not taken from them.
    /// Returns the customer's id, or `None` when the directory knows none
    /// of the handles (or they name several customers: merge them first).
    ///
    /// An old username stays a handle of the customer: once renamed, it
    /// may be taken by someone else, and resolves to both (see
    /// [`Directory::shared_handles`]).
    ///
    /// ```
    /// use social_crm::{AudienceStats, Channel, Customer, Directory, Handle, Resolution};
    ///
    /// let mut directory = Directory::new();
    /// let name = Handle::new(Channel::Twitter, "@nath_conso")?;
    /// directory.insert(Customer::new("c1", "Nathalie")?.with_handle(name.clone(), AudienceStats::default()))?;
    /// // X now gives her id beside her username.
    /// let id = Handle::new(Channel::Twitter, "id:1456789012345678901")?;
    /// let stats = AudienceStats { followers: 182_000, ..AudienceStats::default() };
    /// assert_eq!(directory.link(&id, &[name], stats)?.unwrap().as_str(), "c1");
    /// // She renames her account: her id still resolves.
    /// let renamed = Handle::new(Channel::Twitter, "@nath_2")?;
    /// directory.link(&id, &[renamed.clone()], stats)?;
    /// assert!(matches!(directory.resolve(&renamed), Resolution::Customer(c) if c.id.as_str() == "c1"));
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// None in practice: the customer found exists.
    pub fn link(
        &mut self,
        handle: &Handle,
        aliases: &[Handle],
        stats: AudienceStats,
    ) -> Result<Option<CustomerId>> {
        let mut owners: Vec<CustomerId> = Vec::new();
        for h in std::iter::once(handle).chain(aliases) {
            match self.resolve(h) {
                Resolution::Customer(c) if !owners.contains(&c.id) => owners.push(c.id.clone()),
                Resolution::Ambiguous(_) => return Ok(None),
                _ => {}
            }
        }
        let [owner] = owners.as_slice() else {
            return Ok(None);
        };
        let owner = owner.clone();
        self.add_handle(owner.as_str(), handle.clone(), stats)?;
        for alias in aliases {
            if matches!(self.resolve(alias), Resolution::Unknown) {
                self.add_handle(owner.as_str(), alias.clone(), AudienceStats::default())?;
            }
        }
        Ok(Some(owner))
    }

    fn require(&self, id: &str) -> Result<Slot> {
        self.slot_of(id)
            .filter(|&s| self.at(s).is_some())
            .ok_or_else(|| ErrorKind::UnknownCustomer { id: id.to_owned() }.into())
    }

    /// Merges the customer `absorb` into the customer `keep`.
    ///
    /// The kept customer gains every handle, role and consent record of the
    /// absorbed one; its current consent per purpose is then the most recent
    /// decision of either (a refusal wins a tie, and no refusal is ever
    /// erased from the history). A field the kept customer lacks is taken
    /// from the absorbed one; a field both have with different values keeps
    /// the kept value and is listed in [`MergeReport::conflicts`]. The
    /// absorbed id keeps resolving, to the kept customer.
    ///
    /// Merging is order-independent for handles, roles and consent: merging
    /// `a` into `b` or `b` into `a` gives the same handles, roles and consent.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownCustomer`] if either id is unknown;
    /// [`ErrorKind::SelfMerge`] if both name the same customer (including
    /// after an earlier merge). The directory is unchanged on error.
    pub fn merge(&mut self, keep: &str, absorb: &str) -> Result<MergeReport> {
        let keep_slot = self.require(keep)?;
        let absorb_slot = self.require(absorb)?;
        if keep_slot == absorb_slot {
            return Err(ErrorKind::SelfMerge {
                id: self
                    .canonical_id(keep)
                    .map_or(keep, |id| id.as_str())
                    .to_owned(),
            }
            .into());
        }
        // `require` found both slots full a moment ago.
        let Some(absorbed) = self
            .slots
            .get_mut(absorb_slot as usize)
            .and_then(Option::take)
        else {
            return Err(ErrorKind::UnknownCustomer {
                id: absorb.to_owned(),
            }
            .into());
        };
        let Some(Some(kept)) = self.slots.get_mut(keep_slot as usize) else {
            self.slots[absorb_slot as usize] = Some(absorbed);
            return Err(ErrorKind::UnknownCustomer {
                id: keep.to_owned(),
            }
            .into());
        };
        self.live -= 1;

        let mut fields = Reconcile::default();
        if kept.display_name != absorbed.display_name {
            fields.conflict(
                Field::DisplayName,
                &kept.display_name,
                &absorbed.display_name,
            );
        }
        fields.optional(Field::Language, &mut kept.language, &absorbed.language);
        fields.optional(Field::Country, &mut kept.country, &absorbed.country);
        fields.optional(Field::Region, &mut kept.region, &absorbed.region);
        fields.optional(Field::BirthYear, &mut kept.birth_year, &absorbed.birth_year);

        let mut handles_added = Vec::new();
        for (handle, stats) in &absorbed.handles {
            match kept.handles.get(handle) {
                Some(mine) if mine != stats => fields.conflict(
                    Field::AudienceStats(handle.clone()),
                    &format!("{mine:?}"),
                    &format!("{stats:?}"),
                ),
                Some(_) => {}
                None => {
                    kept.handles.insert(handle.clone(), *stats);
                    handles_added.push(handle.clone());
                }
            }
        }
        kept.roles.extend(absorbed.roles.iter().copied());
        let before = kept.consent.records().len();
        kept.consent.absorb(&absorbed.consent);
        let consent_records_added = kept.consent.records().len() - before;
        let kept_id = kept.id.clone();

        for handle in absorbed.handles.keys() {
            self.by_handle
                .replace(&self.email_rule.key(handle), absorb_slot, keep_slot);
        }
        self.forget_id(&absorbed.id, absorb_slot);
        let mut moved = self.absorbed.remove(&absorb_slot).unwrap_or_default();
        moved.push(absorbed.id.clone());
        for id in &moved {
            self.merged.insert(id.clone(), keep_slot);
        }
        self.absorbed.entry(keep_slot).or_default().extend(moved);

        Ok(MergeReport {
            kept: kept_id,
            absorbed: *absorbed,
            handles_added,
            filled: fields.filled,
            conflicts: fields.conflicts,
            consent_records_added,
        })
    }

    /// Every merged id with the id of the customer now holding it, sorted.
    pub fn merged_ids(&self) -> Vec<(&CustomerId, &CustomerId)> {
        let mut merged: Vec<(&CustomerId, &CustomerId)> = self
            .absorbed
            .iter()
            .filter_map(|(&slot, ids)| Some((self.at(slot)?, ids)))
            .flat_map(|(kept, ids)| ids.iter().map(move |id| (id, &kept.id)))
            .collect();
        merged.sort();
        merged
    }
}

/// The hash of the id of the customer in `slot` (to place it when the id
/// index grows).
fn id_hash(
    seed: &foldhash::quality::RandomState,
    slots: &[Option<Box<Customer>>],
    slot: Slot,
) -> u64 {
    slots
        .get(slot as usize)
        .and_then(Option::as_deref)
        .map_or(0, |c| seed.hash_one(c.id.as_str()))
}

/// The fields a merge filled in and those on which the records disagreed.
#[derive(Default)]
struct Reconcile {
    filled: Vec<Field>,
    conflicts: Vec<FieldConflict>,
}

impl Reconcile {
    fn conflict(&mut self, field: Field, kept: &dyn fmt::Display, other: &dyn fmt::Display) {
        self.conflicts.push(FieldConflict {
            field,
            kept: kept.to_string(),
            other: other.to_string(),
        });
    }

    /// Fills `kept` from `other` when it is empty; records a conflict when
    /// both are set and differ.
    fn optional<T: Clone + PartialEq + fmt::Display>(
        &mut self,
        field: Field,
        kept: &mut Option<T>,
        other: &Option<T>,
    ) {
        match (kept.as_ref(), other) {
            (None, Some(o)) => {
                *kept = Some(o.clone());
                self.filled.push(field);
            }
            (Some(k), Some(o)) if k != o => self.conflict(field, k, o),
            _ => {}
        }
    }
}

/// The serialised form of a directory: customers sorted by id and the merge
/// redirects. The handle index is rebuilt on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct DirectoryData {
    customers: Vec<Customer>,
    #[serde(default)]
    merged_into: std::collections::BTreeMap<CustomerId, CustomerId>,
    #[serde(default)]
    email_rule: EmailRule,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Directory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        DirectoryData {
            customers: self.sorted().into_iter().cloned().collect(),
            merged_into: self
                .merged_ids()
                .into_iter()
                .map(|(a, k)| (a.clone(), k.clone()))
                .collect(),
            email_rule: self.email_rule,
        }
        .serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Directory {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let data = DirectoryData::deserialize(d)?;
        Directory::from_parts(data.customers, data.merged_into, data.email_rule)
            .map_err(D::Error::custom)
    }
}

impl Directory {
    /// Rebuilds a directory from its customers and merge redirects.
    #[cfg(feature = "serde")]
    fn from_parts(
        customers: Vec<Customer>,
        merged_into: std::collections::BTreeMap<CustomerId, CustomerId>,
        email_rule: EmailRule,
    ) -> Result<Directory> {
        let mut directory = Directory::with_capacity(customers.len()).with_email_rule(email_rule);
        for customer in customers {
            directory.insert(customer)?;
        }
        for (absorbed, kept) in merged_into {
            let Some(slot) = directory.slot_of(kept.as_str()) else {
                return Err(ErrorKind::UnknownCustomer {
                    id: kept.to_string(),
                }
                .into());
            };
            if directory.slot_of(absorbed.as_str()).is_some() {
                return Err(ErrorKind::DuplicateCustomer {
                    id: absorbed.to_string(),
                }
                .into());
            }
            directory
                .absorbed
                .entry(slot)
                .or_default()
                .push(absorbed.clone());
            directory.merged.insert(absorbed, slot);
        }
        Ok(directory)
    }
}

impl PartialEq for Directory {
    /// Two directories are equal when they hold the same customers and the
    /// same merged ids (the order of insertion and the index do not count).
    fn eq(&self, other: &Directory) -> bool {
        self.sorted() == other.sorted()
            && self.merged_ids() == other.merged_ids()
            && self.email_rule == other.email_rule
    }
}
