//! Every model round-trips through serde (here JSON), and what comes back in
//! is checked as strictly as what is built in code.
#![cfg(feature = "serde")]

use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use social_crm::{
    sample, Channel, Conversation, Customer, Directory, Handle, OtherChannel, Persona,
};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(&back, value, "{json}");
}

#[test]
fn every_model_of_the_sample_week_round_trips() {
    let week = sample::week();
    for customer in &week.customers {
        round_trip(customer);
        round_trip(&customer.consent);
        for handle in customer.handles.keys() {
            round_trip(handle);
            round_trip(&handle.channel());
        }
    }
    for agent in &week.agents {
        round_trip(agent);
    }
    for persona in &week.personas {
        round_trip::<Persona>(persona);
    }
    for conversation in &week.conversations {
        round_trip::<Conversation>(conversation);
        for interaction in conversation.interactions() {
            round_trip(interaction);
        }
    }
    let mut directory = week.directory().unwrap();
    directory.merge("c067", "c068").unwrap();
    round_trip::<Directory>(&directory);
    let back: Directory =
        serde_json::from_str(&serde_json::to_string(&directory).unwrap()).unwrap();
    assert_eq!(back.get("c068").unwrap().id.as_str(), "c067");
}

#[test]
fn the_serde_form_is_the_text_form() {
    let handle = Handle::new(Channel::Twitter, "@Nath_Conso").unwrap();
    assert_eq!(
        serde_json::to_string(&handle).unwrap(),
        r#""twitter:@nath_conso""#
    );
    assert_eq!(
        serde_json::to_string(&Channel::LiveChat).unwrap(),
        r#""live-chat""#
    );
    let customer = Customer::new("c1", "Ana").unwrap();
    assert_eq!(
        serde_json::to_string(&customer).unwrap(),
        r#"{"id":"c1","display_name":"Ana","language":null,"country":null,"region":null,"birth_year":null,"roles":[],"handles":{},"consent":[]}"#
    );
}

#[test]
fn an_interaction_stores_only_what_it_has() {
    let bare = social_crm::Interaction::inbound(
        "i1".parse().unwrap(),
        "conv-1".parse().unwrap(),
        Handle::new(Channel::Email, "ana@example.com").unwrap(),
        "2026-11-20T17:42:00Z".parse().unwrap(),
        "Bonjour",
    );
    let json = serde_json::to_string(&bare).unwrap();
    assert_eq!(
        json,
        r#"{"id":"i1","conversation":"conv-1","channel":"email","direction":"inbound","author":{"customer":"email:ana@example.com"},"at":"2026-11-20T17:42:00Z","text":"Bonjour","visibility":"private"}"#
    );
    // The form with every field written out, as earlier versions stored it,
    // reads back the same.
    let full = r#"{"id":"i1","conversation":"conv-1","channel":"email","direction":"inbound","author":{"customer":"email:ana@example.com"},"at":"2026-11-20T17:42:00Z","text":"Bonjour","language":null,"in_reply_to":null,"visibility":"private","engagement":{"likes":0,"shares":0,"replies":0},"tags":[]}"#;
    assert_eq!(
        serde_json::from_str::<social_crm::Interaction>(full).unwrap(),
        bare
    );
    let rich = bare
        .with_language(social_crm::Language::FRENCH)
        .with_engagement(social_crm::Engagement {
            likes: 1,
            ..Default::default()
        })
        .with_tag("billing".parse().unwrap());
    round_trip(&rich);
    let json = serde_json::to_string(&rich).unwrap();
    assert!(json.contains(r#""language":"fr""#), "{json}");
    assert!(json.contains(r#""engagement":{"likes":1,"shares":0,"replies":0}"#));
    assert!(json.contains(r#""tags":["billing"]"#));
}

#[test]
fn invalid_input_is_refused_on_the_way_in() {
    let bad = [
        (
            r#"{"id":"","display_name":"Ana"}"#,
            "invalid customer id ``: must not be empty",
        ),
        (
            r#"{"id":"c1","display_name":"  "}"#,
            "invalid name `  `: must not be blank",
        ),
        (
            r#"{"id":"c1","display_name":"Ana","language":"xx"}"#,
            "invalid language `xx`",
        ),
        (
            r#"{"id":"c1","display_name":"Ana","birth_year":1066}"#,
            "birth year `1066` is out of range",
        ),
        (
            r#"{"id":"c1","display_name":"Ana","handles":{"twitter:@a b":{}}}"#,
            "invalid twitter handle `@a b`",
        ),
        (
            r#"{"id":"c1","display_name":"Ana","handles":{"twitter:@ab":{"followers":-5}}}"#,
            "invalid value: integer `-5`",
        ),
        (
            r#"{"id":"c1","display_name":"Ana","roles":["vip"]}"#,
            "unknown role `vip`",
        ),
    ];
    for (json, expected) in bad {
        let err = serde_json::from_str::<Customer>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{json}: {err}");
    }
    let unordered = r#"{"id":"c","interactions":[],"events":[
        {"at":"2026-11-20T10:00:00Z","status":"solved"},
        {"at":"2026-11-20T09:00:00Z","status":"open"},
        {"at":"2026-11-20T11:00:00Z","status":"pending"}]}"#;
    let err = serde_json::from_str::<Conversation>(unordered)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("cannot go from `solved` to `pending`"),
        "{err}"
    );
    assert!(serde_json::from_str::<social_crm::Potentials>(
        r#"{"purchase":1.5,"advocacy":0,"influence":0}"#
    )
    .is_err());
}

proptest! {
    #[test]
    fn any_channel_round_trips(name in "[a-z][a-z0-9-]{0,20}") {
        let channel = match OtherChannel::new(&name) {
            Ok(other) => Channel::Other(other),
            Err(_) => name.parse::<Channel>().unwrap(),
        };
        round_trip(&channel);
    }

    #[test]
    fn any_handle_round_trips(raw in "@?[A-Za-z0-9_]{1,15}", i in 0usize..Channel::NAMED.len()) {
        if let Ok(handle) = Handle::new(Channel::NAMED[i].clone(), &raw) {
            round_trip(&handle);
        }
    }
}

#[test]
fn sla_policies_round_trip_and_are_checked_on_the_way_in() {
    use social_crm::sla::{Policy, PolicySet, Target};
    let policies = PolicySet::care_desk_default().unwrap();
    round_trip(&policies);
    let target = r#"{"within":"PT1H","hours":"business","warn_at":0.75}"#;
    assert!(serde_json::from_str::<Target>(target).is_ok());
    for (json, expected) in [
        (
            r#"{"within":"PT0S","hours":"business","warn_at":0.75}"#,
            "must be positive",
        ),
        (
            r#"{"within":"-PT1H","hours":"business","warn_at":0.75}"#,
            "must be positive",
        ),
        (
            r#"{"within":"PT1H","hours":"business","warn_at":1.5}"#,
            "warning share",
        ),
    ] {
        let err = serde_json::from_str::<Target>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{json}: {err}");
    }
    let rule = format!(r#"{{"metric":"first-response","priority":null,"target":{target}}}"#);
    let twice = format!(r#"{{"name":"p","targets":[{rule},{rule}]}}"#);
    let err = serde_json::from_str::<Policy>(&twice)
        .unwrap_err()
        .to_string();
    assert!(err.contains("two first-response targets"), "{err}");
    let blank = r#"{"name":"  ","conditions":[],"targets":[]}"#;
    let err = serde_json::from_str::<Policy>(blank)
        .unwrap_err()
        .to_string();
    assert!(err.contains("blank"), "{err}");
}
