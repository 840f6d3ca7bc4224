//! A desk persisted by its changes: a copy stored once and brought up to
//! date by what changed since (`Desk::changes_since`, `Desk::apply_changes`)
//! is the desk, whatever the batches, routings, profile refreshes, customer
//! events and erasures in between.
#![cfg(all(feature = "serde", feature = "tzdb-bundled"))]

use proptest::prelude::*;
use social_crm::desk::{Desk, DeskChanges, DeskConfig, Event};
use social_crm::sample::{self, SampleWeek};
use social_crm::sla::Priority;
use social_crm::{
    AudienceStats, Channel, ConversationId, Customer, Decision, ErrorKind, Handle, Interaction,
    Purpose, Resolution,
};

fn desk(week: &SampleWeek) -> Desk {
    Desk::new(DeskConfig::sample(week).unwrap(), week.directory().unwrap())
}

/// The desk after the sample week.
fn week_desk(week: &SampleWeek) -> Desk {
    let mut live = desk(week);
    live.apply_all(week.events(), week.now);
    live
}

/// The desk after the first half of the week's events, and the second half.
fn first_half(week: &SampleWeek) -> (Desk, Vec<Event>) {
    let mut live = desk(week);
    let mut events = week.events();
    let later = events.split_off(events.len() / 2);
    live.apply_all(events, week.now);
    (live, later)
}

/// Written and read back, as a service stores it.
fn stored<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

/// Written and read back in postcard, a binary format that reads a
/// struct's fields by position, not by name.
fn in_postcard<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    postcard::from_bytes(&postcard::to_stdvec(value).unwrap()).unwrap()
}

fn json(desk: &Desk) -> serde_json::Value {
    json_of(desk)
}

fn json_of<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap()
}

/// The week's events, then one of every other kind at its end: a new
/// customer's message, an assignment, a priority change, a consent
/// decision, a customer record and a handle, a merge, and the erasure of a
/// customer the week's conversations name.
fn events(week: &SampleWeek) -> Vec<Event> {
    let now = week.now;
    let c: ConversationId = "tw-062".parse().unwrap();
    let lea = Handle::new(Channel::Twitter, "@lea_nouvelle").unwrap();
    let erased = week
        .interactions()
        .iter()
        .filter_map(|i| i.customer_handle())
        .find(|h| {
            matches!(
                week.directory().unwrap().resolve(h),
                Resolution::Customer(_)
            )
        })
        .unwrap()
        .clone();
    let mut all = week.events();
    all.extend([
        Event::Interaction(Interaction::inbound(
            "x1".parse().unwrap(),
            "tw-new".parse().unwrap(),
            lea.clone(),
            now,
            "Bonjour, ma commande n'est pas arrivée",
        )),
        Event::Assignment {
            conversation: c.clone(),
            agent: Some("a6".parse().unwrap()),
            at: now,
        },
        Event::Priority {
            conversation: c,
            priority: Priority::Urgent,
            at: now,
        },
        Event::Consent {
            handle: lea.clone(),
            purpose: Purpose::Marketing,
            decision: Decision::Refused,
            source: None,
            at: now,
        },
        Event::Customer {
            customer: Customer::new("c900", "Léa Nouvelle")
                .unwrap()
                .with_handle(lea, AudienceStats::default()),
            at: now,
        },
        Event::Handle {
            customer: "c900".parse().unwrap(),
            handle: Handle::new(Channel::Email, "lea@example.org").unwrap(),
            stats: AudienceStats::default(),
            at: now,
        },
        Event::Merge {
            keep: "c001".parse().unwrap(),
            absorb: "c900".parse().unwrap(),
            at: now,
        },
        Event::Erasure {
            handle: erased,
            at: now,
        },
    ]);
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// Stored once, then brought up to date by its changes at any points,
    /// a desk reads back exactly as the desk that took every call.
    #[test]
    fn a_stored_desk_brought_up_to_date_is_the_desk(
        batch in 20usize..200,
        routed in proptest::collection::vec(any::<bool>(), 8),
        caught_up in proptest::collection::vec(any::<bool>(), 8),
    ) {
        let week = sample::week();
        let events = events(&week);
        let mut live = desk(&week);
        let mut copy: Desk = stored(&live);
        let batches: Vec<&[Event]> = events.chunks(batch).collect();
        for (k, chunk) in batches.iter().enumerate() {
            let now = chunk.iter().map(Event::at).max().unwrap();
            live.apply_all(chunk.to_vec(), now);
            if routed[k % routed.len()] {
                live.route(now).unwrap();
            }
            let last = k + 1 == batches.len();
            if last {
                live.refresh_profiles(now).unwrap();
            }
            if caught_up[k % caught_up.len()] || last {
                let changes: DeskChanges = stored(&live.changes_since(copy.revision()).unwrap());
                prop_assert_eq!(changes.until(), live.revision());
                copy.apply_changes(changes).unwrap();
                prop_assert_eq!(json(&copy), json(&live));
                prop_assert_eq!(copy.queue(now).unwrap(), live.queue(now).unwrap());
            }
        }
    }
}

/// A conversation of the week solved at its end.
/// A binary format reads back what JSON does: the desk (its conversations
/// with replies, statuses by agents, assignments, priorities, holders,
/// scored profiles, records, newcomers and erasures) and its changes. JSON
/// still leaves out what is empty.
#[test]
fn a_desk_and_its_changes_read_back_from_a_binary_format() {
    let week = sample::week();
    let events = events(&week);
    let (first, rest) = events.split_at(events.len() / 2);
    let mut live = desk(&week);
    let now = first.iter().map(Event::at).max().unwrap();
    live.apply_all(first.to_vec(), now);
    live.route(now).unwrap();
    live.refresh_profiles(now).unwrap();
    let mut copy: Desk = in_postcard(&live);
    assert_eq!(json(&copy), json(&live));

    live.apply_all(rest.to_vec(), week.now);
    live.route(week.now).unwrap();
    live.refresh_profiles(week.now).unwrap();
    let changes = live.changes_since(copy.revision()).unwrap();
    copy.apply_changes(in_postcard(&changes)).unwrap();
    assert_eq!(json(&copy), json(&live));
    assert_eq!(json(&in_postcard(&live)), json(&live));

    let text = serde_json::to_string(&live).unwrap();
    for empty in [
        "\"in_reply_to\":null",
        "\"tags\":[]",
        "\"by\":null",
        "\"posts\":[]",
    ] {
        assert!(!text.contains(empty), "{empty} written in JSON");
    }
    assert!(text.contains("\"in_reply_to\":\""), "the desk has replies");
}

fn solved(week: &SampleWeek) -> Event {
    Event::Status {
        conversation: "tw-062".parse().unwrap(),
        status: social_crm::ConversationStatus::Solved,
        at: week.now,
        by: Some("a1".parse().unwrap()),
    }
}

#[test]
fn only_what_changed_is_in_the_changes() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let revision = live.revision();
    assert_eq!(live.changes_since(revision).unwrap().conversations(), 0);
    let status = solved(&week);
    live.apply(status.clone(), week.now);
    assert_eq!(live.changes_since(revision).unwrap().conversations(), 1);
    // A second delivery changes nothing, not even the revision.
    let again = live.revision();
    live.apply(status, week.now);
    assert_eq!(live.revision(), again);
    assert_eq!(live.changes_since(again).unwrap().conversations(), 0);
}

#[test]
fn changes_are_only_given_and_taken_from_a_known_revision() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let at = live.revision();
    let ahead = live.changes_since(at + 1).unwrap_err();
    assert!(matches!(ahead.kind(), ErrorKind::RevisionMismatch { from, .. } if *from == at + 1));

    // A restored desk does not know what changed before it was stored.
    let mut copy: Desk = stored(&live);
    assert!(copy.changes_since(0).is_err());
    assert!(copy.changes_since(at).is_ok());

    // Changes apply to the revision they start from, once.
    live.apply(solved(&week), week.now);
    assert_eq!(live.revision(), at + 1);
    let changes = live.changes_since(at).unwrap();
    copy.apply_changes(changes.clone()).unwrap();
    let twice = copy.apply_changes(changes.clone()).unwrap_err();
    assert!(matches!(twice.kind(), ErrorKind::RevisionMismatch { .. }));
    assert_eq!(json(&copy), json(&live));

    // Stored changes that end before they start are refused.
    let mut backwards = serde_json::to_value(&changes).unwrap();
    backwards["until"] = serde_json::json!(at - 1);
    let backwards: DeskChanges = serde_json::from_value(backwards).unwrap();
    let mut older: Desk = stored(&week_desk(&week));
    let error = older.apply_changes(backwards).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::RevisionMismatch { .. }),
        "{error}"
    );
}

/// Changes (as JSON) that `desk` refuses as an invalid state, leaving it as
/// `before`.
fn assert_refused(desk: &mut Desk, changes: serde_json::Value, before: &serde_json::Value) {
    let bad: DeskChanges = serde_json::from_value(changes).unwrap();
    let error = desk.apply_changes(bad).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::InvalidState { .. }),
        "{error}"
    );
    assert_eq!(json(desk), *before);
}

#[test]
fn changes_that_do_not_hold_together_leave_the_desk_as_it_was() {
    let week = sample::week();
    let (mut live, later) = first_half(&week);
    let mut copy: Desk = stored(&live);
    let before = json(&copy);
    live.apply_all(later, week.now);
    live.route(week.now).unwrap();
    let mut changes = json_of(&live.changes_since(copy.revision()).unwrap());
    // A conversation held by somebody who is not on the roster.
    let conversations = changes["conversations"].as_array_mut().unwrap();
    assert!(conversations.len() > 1);
    conversations[1]["holder"] = serde_json::json!("nobody");
    assert_refused(&mut copy, changes, &before);
}

/// Changes that take an agent off the roster while they still hold a
/// conversation the changes do not carry are refused, and leave the desk as
/// it was.
#[test]
fn changes_that_take_a_holder_off_the_roster_are_refused() {
    let week = sample::week();
    let (mut live, later) = first_half(&week);
    live.route(week.now).unwrap();
    let mut copy: Desk = stored(&live);
    let before = json(&copy);
    live.apply_all(later, week.now);
    let mut changes = json_of(&live.changes_since(copy.revision()).unwrap());
    let changed: Vec<String> = changes["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["conversation"]["id"].as_str().unwrap().to_owned())
        .collect();
    let holder = copy
        .conversations()
        .filter(|c| !changed.iter().any(|id| id == c.id().as_str()))
        .find_map(|c| copy.holder(c.id()))
        .expect("an unchanged conversation with a holder")
        .to_string();
    // The changes as they are apply; without that agent they do not.
    let roster = &mut changes["rest"]["config"]["roster"];
    roster["agents"]
        .as_array_mut()
        .unwrap()
        .retain(|agent| agent["id"] != holder.as_str());
    for map in ["shifts", "load"] {
        if let Some(map) = roster[map].as_object_mut() {
            map.remove(&holder);
        }
    }
    if roster["last"] == holder.as_str() {
        roster["last"] = serde_json::Value::Null;
    }
    assert_refused(&mut copy, changes, &before);
    copy.apply_changes(live.changes_since(copy.revision()).unwrap())
        .unwrap();
    assert_eq!(json(&copy), json(&live));
}

/// Profiles move with every customer message; the changes carry those that
/// moved and those forgotten (a refusal to be profiled, a merge), and a
/// refresh's all of them.
#[test]
fn the_changes_carry_the_profiles_that_changed() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let mut copy: Desk = stored(&live);
    let authors: Vec<Handle> = week
        .interactions()
        .iter()
        .filter_map(|i| i.customer_handle().cloned())
        .collect();
    let refusing = authors[0].clone();
    // A writer other than the refusing one and the one kept.
    let absorbed = authors
        .iter()
        .rev()
        .find_map(|h| match live.directory().resolve(h) {
            Resolution::Customer(c) if c.id.as_str() != "c001" && *h != refusing => {
                Some(c.id.clone())
            }
            _ => None,
        })
        .unwrap();
    let now = week.now;
    let mut catch_up = |live: &mut Desk, events: Vec<Event>| {
        live.apply_all(events, now);
        let changes: DeskChanges = stored(&live.changes_since(copy.revision()).unwrap());
        copy.apply_changes(changes).unwrap();
        assert_eq!(json(&copy), json(live));
    };
    catch_up(
        &mut live,
        vec![Event::Interaction(Interaction::inbound(
            "x2".parse().unwrap(),
            "tw-new2".parse().unwrap(),
            refusing.clone(),
            now,
            "Toujours rien reçu, c'est inadmissible",
        ))],
    );
    catch_up(
        &mut live,
        vec![Event::Consent {
            handle: refusing,
            purpose: Purpose::Profiling,
            decision: Decision::Refused,
            source: None,
            at: now,
        }],
    );
    catch_up(
        &mut live,
        vec![Event::Merge {
            keep: "c001".parse().unwrap(),
            absorb: absorbed,
            at: now,
        }],
    );
    live.refresh_profiles(now).unwrap();
    catch_up(&mut live, vec![]);
}

/// The changes carry the customers that changed, id by id, not the whole
/// directory: a newcomer, their record absorbing them, a merge, a handle
/// given under a merged id, the erasure of a customer holding merged ids.
#[test]
fn the_changes_carry_the_customers_that_changed() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let mut copy: Desk = stored(&live);
    let now = week.now;
    let lea = Handle::new(Channel::Twitter, "@lea_nouvelle").unwrap();
    let kept = live.directory().get("c001").unwrap().clone();
    let erased = kept.handles.keys().next().unwrap().clone();
    // Applies the events, checks how many customers and ids nobody holds
    // the changes carry, and brings the copy up to date with them.
    let mut catch_up = |live: &mut Desk, events: Vec<Event>, customers: usize, gone: usize| {
        live.apply_all(events, now);
        let changes = live.changes_since(copy.revision()).unwrap();
        let written = serde_json::to_value(&changes).unwrap();
        let count = |what: &str| {
            written["rest"]["customers"]["directory"][what]
                .as_array()
                .map_or(0, Vec::len)
        };
        assert_eq!(
            (count("customers"), count("gone")),
            (customers, gone),
            "{written}"
        );
        copy.apply_changes(stored(&changes)).unwrap();
        assert_eq!(json(&copy), json(live));
    };
    let message = |id: &str, text: &str| {
        Event::Interaction(Interaction::inbound(
            id.parse().unwrap(),
            "tw-new3".parse().unwrap(),
            lea.clone(),
            now,
            text,
        ))
    };
    // A newcomer, then their record from the CRM, which absorbs them.
    catch_up(
        &mut live,
        vec![message("x3", "Ma commande n'est pas arrivée")],
        1,
        0,
    );
    let record = Customer::new("c900", "Léa Nouvelle")
        .unwrap()
        .with_handle(lea.clone(), AudienceStats::default());
    catch_up(
        &mut live,
        vec![Event::Customer {
            customer: record,
            at: now,
        }],
        1,
        0,
    );
    let merge = Event::Merge {
        keep: kept.id.clone(),
        absorb: "c900".parse().unwrap(),
        at: now,
    };
    catch_up(&mut live, vec![merge], 1, 0);
    let handle = Event::Handle {
        customer: "c900".parse().unwrap(),
        handle: Handle::new(Channel::Email, "lea@example.org").unwrap(),
        stats: AudienceStats::default(),
        at: now,
    };
    catch_up(&mut live, vec![handle], 1, 0);
    catch_up(&mut live, vec![message("x4", "Merci, c'est réglé")], 0, 0);
    let erasure = Event::Erasure {
        handle: erased,
        at: now,
    };
    // c001, and the two ids merged into it.
    catch_up(&mut live, vec![erasure], 0, 3);
    // Nothing of them stays, not the events applied under a merged id.
    let records = json(&live)["records"].clone();
    for id in [kept.id.as_str(), "c900"] {
        assert!(records.get(id).is_none(), "{records}");
    }
}

/// The changes for a customer carry what the desk keeps under every id
/// merged into it. Found by the desk fuzzer: a handle given to a
/// newcomer's id after a record took the newcomer over is written under
/// that id; an erasure of a handle the record had let go marked the record
/// alone, and the copy, putting the record's ids in place, lost the write.
#[test]
fn the_changes_carry_what_is_kept_under_a_merged_id() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let mut copy: Desk = stored(&live);
    let now = week.now;
    let jean = Handle::new(Channel::Twitter, "@jean_inconnu").unwrap();
    let other = Handle::new(Channel::Twitter, "@jean_autre").unwrap();
    let own = Handle::new(Channel::Twitter, "@jean_dupont").unwrap();
    let at = |mins: i64| {
        now.checked_sub(social_crm::jiff::SignedDuration::from_mins(mins))
            .unwrap()
    };
    let mut catch_up = |live: &mut Desk, event: Event| {
        let outcomes = live.apply_all(vec![event], now).outcomes;
        assert!(
            matches!(outcomes.as_slice(), [social_crm::desk::Outcome::Applied]),
            "{outcomes:?}"
        );
        let changes = live.changes_since(copy.revision()).unwrap();
        copy.apply_changes(stored(&changes)).unwrap();
        assert_eq!(json(&copy), json(live));
    };
    let record = |handles: &[&Handle], mins: i64| {
        let mut customer = Customer::new("c950", "Jean Dupont").unwrap();
        for handle in handles {
            customer = customer.with_handle((*handle).clone(), AudienceStats::default());
        }
        Event::Customer {
            customer,
            at: at(mins),
        }
    };
    // A consent decision from a handle nobody owns makes a newcomer; a
    // record takes the handle, and the newcomer with it.
    catch_up(
        &mut live,
        Event::Consent {
            handle: jean.clone(),
            purpose: Purpose::Profiling,
            decision: Decision::Refused,
            source: None,
            at: at(50),
        },
    );
    let newcomer = live
        .directory()
        .resolve(&jean)
        .customer()
        .unwrap()
        .id
        .clone();
    catch_up(&mut live, record(&[&jean, &own], 40));
    // A handle for the newcomer's id goes to the record; the record lets
    // both handles go; one of them is erased.
    catch_up(
        &mut live,
        Event::Handle {
            customer: newcomer,
            handle: other,
            stats: AudienceStats::default(),
            at: at(30),
        },
    );
    catch_up(&mut live, record(&[&own], 20));
    catch_up(
        &mut live,
        Event::Erasure {
            handle: jean,
            at: at(10),
        },
    );
}

/// Erasures are never undone: the changes carry those applied since their
/// revision, and a copy that does not have the ones before is refused.
#[test]
fn the_changes_carry_the_erasures_applied_since() {
    let week = sample::week();
    let mut live = week_desk(&week);
    let erase = |handle: &Handle| Event::Erasure {
        handle: handle.clone(),
        at: week.now,
    };
    let authors: Vec<Handle> = week
        .interactions()
        .iter()
        .filter_map(|i| i.customer_handle().cloned())
        .collect();
    let mut copy: Desk = stored(&live);
    let without = copy.clone();

    live.apply(erase(&authors[0]), week.now);
    let first = live.revision();
    let changes = stored(&live.changes_since(copy.revision()).unwrap());
    assert_eq!(
        json_of(&changes)["rest"]["erasures"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    copy.apply_changes(changes).unwrap();

    let other = authors.iter().find(|h| **h != authors[0]).unwrap();
    live.apply(erase(other), week.now);
    assert_eq!(live.erasures().len(), 2);
    let changes: DeskChanges = stored(&live.changes_since(first).unwrap());
    let carried = json_of(&changes)["rest"].clone();
    assert_eq!(carried["erasures_before"], 1);
    assert_eq!(carried["erasures"].as_array().unwrap().len(), 1);
    // None since the last one.
    let none = live.changes_since(live.revision()).unwrap();
    assert_eq!(
        json_of(&none)["rest"]["erasures"].as_array().unwrap().len(),
        0
    );

    // A copy at that revision whose stored form lost the first erasure.
    let mut lost = json(&copy);
    lost["erasures"] = serde_json::json!([]);
    let mut lost: Desk = serde_json::from_value(lost).unwrap();
    let refused = lost.apply_changes(changes.clone()).unwrap_err();
    assert!(
        matches!(refused.kind(), ErrorKind::RevisionMismatch { .. }),
        "{refused}"
    );
    assert!(lost.erasures().is_empty());

    copy.apply_changes(changes).unwrap();
    assert_eq!(json(&copy), json(&live));
    // And a copy stored before both catches up in one step.
    let mut older = without;
    older
        .apply_changes(stored(&live.changes_since(older.revision()).unwrap()))
        .unwrap();
    assert_eq!(older.erasures(), live.erasures());
}
