//! Invariants of the models and the directory, checked on random input.

use std::collections::BTreeSet;

use proptest::prelude::*;
use social_crm::jiff::Timestamp;
use social_crm::{
    AudienceStats, Channel, Consent, ConsentRecord, ConsentStatus, Customer, Decision, Directory,
    Handle, OtherChannel, Purpose, Role, Tag,
};

/// Any channel: one of the named ones, or an `Other` with a random name.
fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        proptest::sample::select(Channel::NAMED.to_vec()),
        "[A-Za-z][A-Za-z0-9 _.-]{0,30}".prop_filter_map("a named channel's spelling", |name| {
            OtherChannel::new(&name).ok().map(Channel::Other)
        }),
    ]
}

/// Raw handle text, mostly plausible, sometimes anything at all.
fn raw_handle() -> impl Strategy<Value = String> {
    prop_oneof![
        "@?[A-Za-z0-9_.]{1,20}",
        "[a-zA-Z0-9.]{1,10}@[A-Za-z0-9-]{1,8}\\.[A-Za-z]{2,4}",
        "(\\+|00)?[0-9 .()-]{3,20}",
        "(https?://)?(www\\.)?(x|twitter|instagram)\\.com/[A-Za-z0-9_]{1,16}/?",
        "\\PC{0,40}",
        any::<String>(),
    ]
}

fn instant() -> impl Strategy<Value = Timestamp> {
    // 2020-01-01 .. 2030-01-01, on whole minutes so ties happen.
    (0i64..5_259_600).prop_map(|m| Timestamp::from_second(1_577_836_800 + m * 60).unwrap())
}

fn tag() -> impl Strategy<Value = Tag> {
    proptest::sample::select(vec!["web-form", "phone-call", "cookie-banner", "store"])
        .prop_map(|t| Tag::new(t).unwrap())
}

fn consent_record() -> impl Strategy<Value = ConsentRecord> {
    (
        instant(),
        proptest::sample::select(Purpose::ALL.to_vec()),
        proptest::sample::select(Decision::ALL.to_vec()),
        tag(),
    )
        .prop_map(|(at, purpose, decision, source)| ConsentRecord {
            at,
            purpose,
            decision,
            source,
        })
}

fn consent() -> impl Strategy<Value = Consent> {
    proptest::collection::vec(consent_record(), 0..8).prop_map(Consent::from)
}

fn stats() -> impl Strategy<Value = AudienceStats> {
    (
        any::<u64>(),
        any::<u64>(),
        any::<u64>(),
        any::<u64>(),
        proptest::option::of(instant()),
    )
        .prop_map(
            |(followers, following, listed, posts, created)| AudienceStats {
                followers,
                following,
                listed,
                posts,
                created,
            },
        )
}

/// A customer whose handles come from a small pool, so two random customers
/// often share one.
fn customer(id: &'static str) -> impl Strategy<Value = Customer> {
    let pool: Vec<Handle> = (0..6)
        .map(|i| Handle::new(Channel::Twitter, &format!("@user{i}")).unwrap())
        .chain([Handle::new(Channel::Email, "shared@example.com").unwrap()])
        .collect();
    (
        "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
        proptest::option::of(proptest::sample::select(vec!["fr", "en", "es", "pt"])),
        proptest::option::of(1900i64..=2100),
        proptest::collection::btree_set(proptest::sample::select(Role::ALL.to_vec()), 0..3),
        proptest::collection::btree_map(proptest::sample::select(pool), stats(), 0..4),
        consent(),
    )
        .prop_map(move |(name, language, birth, roles, handles, consent)| {
            let mut c = Customer::new(id, &name).unwrap().with_consent(consent);
            c.language = language.map(|l| l.parse().unwrap());
            c.birth_year = birth.map(|y| social_crm::BirthYear::new(y).unwrap());
            c.roles = roles;
            c.handles = handles.into_iter().collect();
            c
        })
}

/// The current state of `purpose` over a set of records, computed directly:
/// the latest record wins, a refusal wins a tie.
fn expected_status(records: &[&ConsentRecord], purpose: Purpose) -> Option<Decision> {
    records
        .iter()
        .filter(|r| r.purpose == purpose)
        .max_by_key(|r| (r.at, r.decision == Decision::Refused))
        .map(|r| r.decision)
}

fn decision(status: &ConsentStatus) -> Option<Decision> {
    match status {
        ConsentStatus::Granted(_) => Some(Decision::Granted),
        ConsentStatus::Refused(_) => Some(Decision::Refused),
        _ => None,
    }
}

proptest! {
    #[test]
    fn handle_normalisation_is_idempotent(c in channel(), raw in raw_handle()) {
        if let Ok(once) = Handle::new(c.clone(), &raw) {
            let twice = Handle::new(c, once.value()).unwrap();
            prop_assert_eq!(&twice, &once);
            // And the text form parses back to the same handle.
            prop_assert_eq!(once.to_string().parse::<Handle>().unwrap(), once);
        }
    }

    #[test]
    fn handle_constructors_never_panic(c in channel(), raw in any::<String>()) {
        let _ = Handle::new(c.clone(), &raw);
        let _ = Handle::with_region(c, &raw, Some("FR".parse().unwrap()));
    }

    #[test]
    fn channel_text_round_trips(c in channel()) {
        prop_assert_eq!(c.to_string().parse::<Channel>().unwrap(), c);
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = s.parse::<Channel>();
        let _ = s.parse::<Handle>();
        let _ = s.parse::<social_crm::Language>();
        let _ = s.parse::<social_crm::Country>();
        let _ = s.parse::<Role>();
        let _ = s.parse::<social_crm::ConversationStatus>();
        let _ = Tag::new(&s);
        let _ = social_crm::CustomerId::new(&s);
        let _ = social_crm::time::parse_timestamp(&s);
    }

    #[test]
    fn merge_keeps_every_handle_and_the_latest_consent(a in customer("a"), b in customer("b")) {
        let mut directory = Directory::new();
        directory.insert(a.clone()).unwrap();
        directory.insert(b.clone()).unwrap();
        let report = directory.merge("a", "b").unwrap();
        prop_assert_eq!(&report.absorbed, &b);
        let merged = directory.get("b").unwrap();
        prop_assert_eq!(merged.id.as_str(), "a");
        prop_assert_eq!(directory.len(), 1);

        let handles: BTreeSet<&Handle> = a.handles.keys().chain(b.handles.keys()).collect();
        prop_assert_eq!(merged.handles.keys().collect::<BTreeSet<_>>(), handles.clone());
        for handle in handles {
            prop_assert_eq!(directory.resolve(handle).customer().map(|c| c.id.as_str()), Some("a"));
        }

        let records: Vec<&ConsentRecord> =
            a.consent.records().iter().chain(b.consent.records()).collect();
        for &purpose in Purpose::ALL {
            prop_assert_eq!(
                decision(&merged.consent.status(purpose)),
                expected_status(&records, purpose)
            );
        }
        // No refusal is ever lost from the history.
        let refusals = records.iter().filter(|r| r.decision == Decision::Refused);
        for refusal in refusals {
            prop_assert!(merged.consent.records().contains(refusal));
        }
        // Every field in which the two disagreed is reported, none silently dropped.
        if a.display_name != b.display_name {
            prop_assert!(report.conflicts.iter().any(|c| c.field == social_crm::directory::Field::DisplayName));
        }
    }

    #[test]
    fn merge_is_order_independent_for_handles_roles_and_consent(a in customer("a"), b in customer("b")) {
        let merged = |keep: &str, absorb: &str| {
            let mut d = Directory::new();
            d.insert(a.clone()).unwrap();
            d.insert(b.clone()).unwrap();
            d.merge(keep, absorb).unwrap();
            let c = d.get(keep).unwrap().clone();
            (c.handles.keys().cloned().collect::<Vec<_>>(), c.roles, c.consent)
        };
        prop_assert_eq!(merged("a", "b"), merged("b", "a"));
    }

    #[test]
    fn merging_the_same_pair_twice_is_refused_and_changes_nothing(a in customer("a"), b in customer("b")) {
        let mut d = Directory::new();
        d.insert(a).unwrap();
        d.insert(b).unwrap();
        d.merge("a", "b").unwrap();
        let before = d.clone();
        prop_assert!(d.merge("a", "b").is_err());
        prop_assert_eq!(d, before);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn random_customers_round_trip_through_serde(c in customer("c")) {
        let json = serde_json::to_string(&c).unwrap();
        prop_assert_eq!(serde_json::from_str::<Customer>(&json).unwrap(), c);
    }

    #[test]
    fn consent_is_the_same_whatever_the_order_records_arrive(records in proptest::collection::vec(consent_record(), 0..10)) {
        let forward = Consent::from(records.clone());
        let mut reversed = records;
        reversed.reverse();
        prop_assert_eq!(forward, Consent::from(reversed));
    }
}

#[test]
fn shared_handles_list_every_owner_once() {
    let shared = Handle::new(Channel::Email, "x@example.com").unwrap();
    let mut d = Directory::new();
    for id in ["c3", "c1", "c2"] {
        d.insert(
            Customer::new(id, "X")
                .unwrap()
                .with_handle(shared.clone(), AudienceStats::default()),
        )
        .unwrap();
    }
    let found = d.shared_handles();
    assert_eq!(found.len(), 1);
    let owners: Vec<&str> = found[0].owners.iter().map(|o| o.as_str()).collect();
    assert_eq!(owners, ["c1", "c2", "c3"]);
    d.merge("c1", "c2").unwrap();
    d.merge("c3", "c1").unwrap();
    // A chain of merges still resolves every old id to the last survivor.
    for id in ["c1", "c2", "c3"] {
        assert_eq!(d.get(id).unwrap().id.as_str(), "c3");
    }
    assert!(d.shared_handles().is_empty());
}

/// One change to a directory, for the model test below.
#[derive(Debug, Clone)]
enum DirectoryOp {
    Insert(u8, Vec<u8>),
    Upsert(u8, Vec<u8>),
    AddHandle(u8, u8),
    Merge(u8, u8),
    Erase(u8),
}

fn directory_op() -> impl Strategy<Value = DirectoryOp> {
    let id = 0u8..5;
    let handles = proptest::collection::vec(0u8..6, 0..3);
    prop_oneof![
        (id.clone(), handles.clone()).prop_map(|(i, h)| DirectoryOp::Insert(i, h)),
        (id.clone(), handles).prop_map(|(i, h)| DirectoryOp::Upsert(i, h)),
        (id.clone(), 0u8..6).prop_map(|(i, h)| DirectoryOp::AddHandle(i, h)),
        (id.clone(), id.clone()).prop_map(|(a, b)| DirectoryOp::Merge(a, b)),
        id.prop_map(DirectoryOp::Erase),
    ]
}

proptest! {
    /// Whatever the inserts, updates, new handles, merges and erasures,
    /// resolving a handle names exactly the customers whose records hold it,
    /// `shared_handles` lists exactly the handles several of them hold, and
    /// every id leads to the customer that holds it now (its own record, or
    /// the one it was merged into), or nowhere once erased.
    #[test]
    fn the_handle_index_always_agrees_with_the_records(
        ops in proptest::collection::vec(directory_op(), 0..30),
    ) {
        let handle = |h: u8| Handle::new(Channel::Email, &format!("p{h}@example.com")).unwrap();
        let record = |i: u8, hs: &[u8]| {
            hs.iter().fold(Customer::new(&format!("c{i}"), "X").unwrap(), |c, &h| {
                c.with_handle(handle(h), AudienceStats::default())
            })
        };
        let mut d = Directory::new();
        // id -> the id of the customer holding it now.
        let mut holder: std::collections::BTreeMap<u8, u8> = std::collections::BTreeMap::new();
        for op in ops {
            match op {
                DirectoryOp::Insert(i, _) => {
                    holder.entry(i).or_insert(i);
                }
                DirectoryOp::Upsert(i, _) => {
                    holder.entry(i).or_insert(i);
                }
                DirectoryOp::AddHandle(..) => {}
                DirectoryOp::Merge(a, b) => {
                    if let (Some(&keep), Some(&gone)) = (holder.get(&a), holder.get(&b)) {
                        for h in holder.values_mut().filter(|h| **h == gone) {
                            *h = keep;
                        }
                    }
                }
                DirectoryOp::Erase(i) => {
                    if let Some(&gone) = holder.get(&i) {
                        holder.retain(|_, h| *h != gone);
                    }
                }
            }
            let _ = match op {
                DirectoryOp::Insert(i, hs) => d.insert(record(i, &hs)).map(drop),
                DirectoryOp::Upsert(i, hs) => d.upsert(record(i, &hs)).map(drop),
                DirectoryOp::AddHandle(i, h) => {
                    d.add_handle(&format!("c{i}"), handle(h), AudienceStats::default())
                }
                DirectoryOp::Merge(a, b) => d.merge(&format!("c{a}"), &format!("c{b}")).map(drop),
                DirectoryOp::Erase(i) => d.erase(&format!("c{i}")).map(drop),
            };
            for h in 0..6 {
                let h = handle(h);
                let mut holders: Vec<&str> = d
                    .iter()
                    .filter(|c| c.handles.contains(&h))
                    .map(|c| c.id.as_str())
                    .collect();
                holders.sort_unstable();
                let resolved: Vec<&str> = match d.resolve(&h) {
                    social_crm::Resolution::Unknown => Vec::new(),
                    social_crm::Resolution::Customer(c) => vec![c.id.as_str()],
                    social_crm::Resolution::Ambiguous(cs) => cs.iter().map(|c| c.id.as_str()).collect(),
                    _ => unreachable!("no other resolution"),
                };
                prop_assert_eq!(&resolved, &holders, "{}", h);
                let listed = d.shared_handles().iter().any(|s| s.handle == h);
                prop_assert_eq!(listed, holders.len() > 1, "{}", h);
            }
            for i in 0..5u8 {
                let found = d.get(&format!("c{i}")).map(|c| c.id.to_string());
                prop_assert_eq!(found, holder.get(&i).map(|h| format!("c{h}")), "c{}", i);
            }
            let live: std::collections::BTreeSet<&u8> = holder.values().collect();
            prop_assert_eq!(d.len(), live.len());
        }
    }
}
