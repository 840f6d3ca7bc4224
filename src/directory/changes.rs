//! A directory brought up to date id by id: what it holds for some ids
//! ([`Holders`]), taken from one directory and put in place in a copy of
//! it. A desk's changes carry the customers that changed this way, not the
//! whole directory, so that a directory of millions of customers does not
//! make every set of changes as big as itself.

use std::collections::{BTreeMap, BTreeSet};

use super::{Directory, Slot};
use crate::model::{Customer, CustomerId};
use crate::Result;

/// What a directory holds for some ids: the customers holding them, each
/// with every id merged into it, and the ids nobody holds (erased, or
/// never known).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Holders {
    /// Sorted by id.
    #[cfg_attr(feature = "serde", serde(default))]
    customers: Vec<Customer>,
    /// Each id merged into one of `customers` -> that customer's id.
    #[cfg_attr(feature = "serde", serde(default))]
    merged_into: BTreeMap<CustomerId, CustomerId>,
    /// Ids nobody holds.
    #[cfg_attr(feature = "serde", serde(default))]
    gone: BTreeSet<CustomerId>,
}

#[cfg(feature = "serde")]
serialize_struct!(Holders {
    customers if Vec::is_empty,
    merged_into if BTreeMap::is_empty,
    gone if BTreeSet::is_empty,
});

impl Holders {
    /// Every id they speak for.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &CustomerId> {
        self.customers
            .iter()
            .map(|c| &c.id)
            .chain(self.merged_into.keys())
            .chain(&self.gone)
    }

    /// Whether they hold together: each id once, and each merged id merged
    /// into one of the customers.
    fn check(&self) -> std::result::Result<(), String> {
        let mut seen = BTreeSet::new();
        if let Some(twice) = self.ids().find(|id| !seen.insert(*id)) {
            return Err(format!("customer `{twice}` is given twice"));
        }
        let customers: BTreeSet<&CustomerId> = self.customers.iter().map(|c| &c.id).collect();
        match self
            .merged_into
            .iter()
            .find(|(_, k)| !customers.contains(k))
        {
            Some((id, kept)) => Err(format!(
                "`{id}` is merged into `{kept}`, which the changes do not hold"
            )),
            None => Ok(()),
        }
    }
}

impl Directory {
    /// Every id of the customer holding `id` (its own and those merged into
    /// it); none if nobody holds it.
    pub(crate) fn ids_with(&self, id: &str) -> Vec<CustomerId> {
        self.slot_of(id).map_or_else(Vec::new, |slot| {
            self.ids_of_slot(slot).into_iter().cloned().collect()
        })
    }

    /// The slot of the customer holding `id`, if a customer does.
    fn holding(&self, id: &CustomerId) -> Option<(Slot, &Customer)> {
        let slot = self.slot_of(id.as_str())?;
        Some((slot, self.at(slot)?))
    }

    /// What the directory holds for `ids`.
    pub(crate) fn holders<'a>(&self, ids: impl IntoIterator<Item = &'a CustomerId>) -> Holders {
        let mut held = BTreeMap::new();
        let mut holders = Holders::default();
        for id in ids {
            match self.holding(id) {
                Some((slot, customer)) => {
                    held.insert(slot, customer);
                }
                None => {
                    holders.gone.insert(id.clone());
                }
            }
        }
        for (slot, customer) in held {
            for merged in self.absorbed.get(&slot).into_iter().flatten() {
                holders
                    .merged_into
                    .insert(merged.clone(), customer.id.clone());
            }
            holders.customers.push(customer.clone());
        }
        holders.customers.sort_by(|a, b| a.id.cmp(&b.id));
        holders
    }

    /// Puts `holders` in place of what the directory holds for their ids,
    /// and returns what it held for them (put back, it gives the directory
    /// as it was). A customer who stays keeps its place.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidState`](crate::ErrorKind::InvalidState) if the
    /// holders do not hold together, or if a customer holding one of their
    /// ids here also holds an id they do not speak for (it would be lost);
    /// [`ErrorKind::DirectoryFull`](crate::ErrorKind::DirectoryFull) past
    /// 2³² − 1 places. The directory is unchanged on error.
    pub(crate) fn put_holders(&mut self, holders: Holders) -> Result<Holders> {
        if let Err(reason) = holders.check() {
            return crate::error::invalid_state("directory changes", reason);
        }
        let spoken: BTreeSet<&CustomerId> = holders.ids().collect();
        // Every customer holding one of the ids here is replaced.
        let replaced: BTreeSet<Slot> = spoken
            .iter()
            .filter_map(|id| Some(self.holding(id)?.0))
            .collect();
        for &slot in &replaced {
            if let Some(lost) = self
                .ids_of_slot(slot)
                .into_iter()
                .find(|id| !spoken.contains(id))
            {
                return crate::error::invalid_state(
                    "directory changes",
                    format!("they do not say what became of customer `{lost}`"),
                );
            }
        }
        let given: BTreeSet<CustomerId> = holders.customers.iter().map(|c| c.id.clone()).collect();
        let staying = replaced
            .iter()
            .filter(|&&s| self.at(s).is_some_and(|c| given.contains(&c.id)))
            .count();
        let arriving = given.len() - staying;
        if self.slots.len().saturating_add(arriving) > Slot::MAX as usize {
            return Err(crate::ErrorKind::DirectoryFull.into());
        }
        let before = self.holders(spoken.iter().copied());

        // Take the replaced customers out; those who stay keep their place,
        // and their record until the new one takes it (the id index reads
        // ids from the records when it grows).
        let mut places: BTreeMap<CustomerId, Slot> = BTreeMap::new();
        for slot in replaced {
            let Some(customer) = self.at(slot) else {
                continue;
            };
            let (id, handles) = (
                customer.id.clone(),
                customer.handles.keys().cloned().collect::<Vec<_>>(),
            );
            for handle in &handles {
                self.unindex(handle, slot);
            }
            for merged in self.absorbed.remove(&slot).unwrap_or_default() {
                self.merged.remove(&merged);
            }
            if given.contains(&id) {
                places.insert(id, slot);
            } else {
                self.slots[slot as usize] = None;
                self.forget_id(&id, slot);
                self.live -= 1;
            }
        }
        for customer in holders.customers {
            match places.get(&customer.id) {
                Some(&slot) => {
                    for handle in customer.handles.keys() {
                        self.index(handle, slot);
                    }
                    self.slots[slot as usize] = Some(Box::new(customer));
                }
                // Checked above: the id is free and there is room.
                None => self.insert(customer)?,
            }
        }
        for (merged, kept) in holders.merged_into {
            if let Some(slot) = self.slot_of(kept.as_str()) {
                self.absorbed.entry(slot).or_default().push(merged.clone());
                self.merged.insert(merged, slot);
            }
        }
        Ok(before)
    }

    /// The ids of the customer in `slot`: its own and those merged into it.
    fn ids_of_slot(&self, slot: Slot) -> Vec<&CustomerId> {
        let own = self.at(slot).map(|c| &c.id);
        own.into_iter()
            .chain(self.absorbed.get(&slot).into_iter().flatten())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AudienceStats, Channel, Handle};
    use crate::Resolution;
    use proptest::prelude::*;

    /// One change a desk makes to its directory, on customers `c0..c7`
    /// and handles `@h0..@h5` (so that handles get shared).
    #[derive(Debug, Clone)]
    enum Op {
        Upsert(u8, u8, bool),
        Merge(u8, u8),
        Erase(u8),
        AddHandle(u8, u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..8, 0u8..6, any::<bool>()).prop_map(|(c, h, n)| Op::Upsert(c, h, n)),
            (0u8..8, 0u8..8).prop_map(|(a, b)| Op::Merge(a, b)),
            (0u8..8).prop_map(Op::Erase),
            (0u8..8, 0u8..6).prop_map(|(c, h)| Op::AddHandle(c, h)),
        ]
    }

    fn id(c: u8) -> CustomerId {
        format!("c{c}").parse().unwrap()
    }

    fn handle(h: u8) -> Handle {
        Handle::new(Channel::Twitter, &format!("@h{h}")).unwrap()
    }

    /// Applies `op` as a desk does, and returns the ids it touched (found
    /// before the change, as `Desk::customer_ids`).
    fn apply(directory: &mut Directory, op: &Op) -> Vec<CustomerId> {
        let ids: Vec<CustomerId> = match op {
            Op::Upsert(c, ..) | Op::Erase(c) | Op::AddHandle(c, _) => vec![id(*c)],
            Op::Merge(a, b) => vec![id(*a), id(*b)],
        };
        let mut touched = ids.clone();
        for i in &ids {
            touched.extend(directory.ids_with(i.as_str()));
        }
        // Refused changes (a merged id upserted, a self-merge...) change
        // nothing; they are touched all the same, as a desk may.
        let _ = match op {
            Op::Upsert(c, h, named) => {
                let name = if *named { "Named" } else { "Other" };
                let customer = Customer::new(&format!("c{c}"), name)
                    .unwrap()
                    .with_handle(handle(*h), AudienceStats::default());
                directory.upsert(customer).map(|_| ())
            }
            Op::Merge(a, b) => directory
                .merge(id(*a).as_str(), id(*b).as_str())
                .map(|_| ()),
            Op::Erase(c) => directory.erase(id(*c).as_str()).map(|_| ()),
            Op::AddHandle(c, h) => {
                directory.add_handle(id(*c).as_str(), handle(*h), AudienceStats::default())
            }
        };
        touched
    }

    /// Whom every handle and every id leads to.
    fn answers(directory: &Directory) -> Vec<(Vec<CustomerId>, Option<CustomerId>)> {
        (0..6)
            .map(|h| match directory.resolve(&handle(h)) {
                Resolution::Customer(c) => vec![c.id.clone()],
                Resolution::Ambiguous(cs) => cs.iter().map(|c| c.id.clone()).collect(),
                _ => Vec::new(),
            })
            .zip((0..8).map(|c| directory.canonical_id(id(c).as_str()).cloned()))
            .collect()
    }

    proptest! {
        /// A copy given what the directory holds for the ids its changes
        /// touched is the directory; what the copy held, put back, gives
        /// the copy as it was.
        #[test]
        fn a_copy_given_the_touched_ids_is_the_directory(
            before in proptest::collection::vec(op(), 0..12),
            after in proptest::collection::vec(op(), 0..12),
        ) {
            let mut live = Directory::new();
            for op in &before {
                apply(&mut live, op);
            }
            let mut copy = live.clone();
            let original = copy.clone();
            let mut touched = BTreeSet::new();
            for op in &after {
                touched.extend(apply(&mut live, op));
            }
            let undo = copy.put_holders(live.holders(&touched)).unwrap();
            prop_assert_eq!(&copy, &live);
            prop_assert_eq!(copy.len(), live.len());
            prop_assert_eq!(answers(&copy), answers(&live));
            copy.put_holders(undo).unwrap();
            prop_assert_eq!(&copy, &original);
            prop_assert_eq!(answers(&copy), answers(&original));
        }

        /// Holders that leave out an id of a customer they replace are
        /// refused, and the directory is unchanged.
        #[test]
        fn holders_that_lose_an_id_are_refused(ops in proptest::collection::vec(op(), 1..16)) {
            let mut live = Directory::new();
            for op in &ops {
                apply(&mut live, op);
            }
            let held: Vec<CustomerId> = (0..8).map(id).filter(|i| live.ids_with(i.as_str()).len() > 1).collect();
            if let Some(merged) = held.first() {
                // The customer alone, without the ids merged into it.
                let mut holders = live.holders([merged]);
                holders.merged_into.clear();
                let before = live.clone();
                prop_assert!(live.put_holders(holders).is_err());
                prop_assert_eq!(&live, &before);
                prop_assert_eq!(answers(&live), answers(&before));
            }
        }
    }
}
