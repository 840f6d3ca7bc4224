//! Bad input gets a typed error that names what was wrong; nothing panics.
//! Every message is pinned here, so a change to one is a visible decision.

use social_crm::time::parse_timestamp;
use social_crm::{
    AgeRange, Agent, BirthYear, Channel, Conversation, ConversationStatus, Country, Customer,
    CustomerId, Directory, ErrorKind, Handle, Interaction, Language, Persona, PersonaRule,
    Potential, Potentials, Tag,
};

fn message<T: std::fmt::Debug>(result: social_crm::Result<T>) -> String {
    result.unwrap_err().to_string()
}

#[test]
fn empty_and_malformed_ids() {
    assert_eq!(
        message(CustomerId::new("")),
        "invalid customer id ``: must not be empty"
    );
    assert_eq!(
        message(Customer::new("", "Ana")),
        "invalid customer id ``: must not be empty"
    );
    assert_eq!(
        message(Agent::new("a 1 ", "Eric", 3)),
        "invalid agent id `a 1 `: must not start or end with white space"
    );
    assert_eq!(
        message("\n".parse::<social_crm::ConversationId>()),
        "invalid conversation id `\n`: must not start or end with white space"
    );
    assert!(matches!(
        CustomerId::new(&"x".repeat(129)).unwrap_err().kind(),
        ErrorKind::InvalidId {
            what: "customer id",
            ..
        }
    ));
}

#[test]
fn malformed_handles() {
    let cases: &[(Channel, &str, &str)] = &[
        (Channel::Twitter, "", "invalid twitter handle ``: must not be empty"),
        (Channel::Twitter, "@", "invalid twitter handle `@`: must be 1 to 15 characters long without `@`"),
        (Channel::Twitter, "@jean-luc", "invalid twitter handle `@jean-luc`: `-` is not allowed: use letters, digits or `_`"),
        (Channel::Instagram, "@a!", "invalid instagram handle `@a!`: `!` is not allowed: use letters, digits or `.`, `_`"),
        (Channel::Email, "julie.example.com", "invalid email handle `julie.example.com`: expected `name@domain`"),
        (Channel::Email, "julie@example", "invalid email handle `julie@example`: `example` is not a domain name such as `example.com`"),
        (Channel::Phone, "06 12 AB", "invalid phone handle `06 12 AB`: `A` is not allowed in a phone number"),
        (Channel::Phone, "+0 612", "invalid phone handle `+0 612`: an international number has 7 to 15 digits after `+` and no leading 0"),
        (Channel::Blog, "my blog", "invalid blog handle `my blog`: an address must not contain white space"),
        (Channel::Forum, "a\u{0}b", "invalid forum handle `a\u{0}b`: must not contain control characters"),
    ];
    for (channel, raw, expected) in cases {
        let err = Handle::new(channel.clone(), raw).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidHandle { .. }));
        assert_eq!(err.to_string(), *expected);
    }
    assert_eq!(
        message("nath_conso".parse::<Handle>()),
        "invalid handle `nath_conso`: expected `channel:handle`, such as `twitter:@name`"
    );
    let mastodon = Channel::Other(social_crm::OtherChannel::new("mastodon").unwrap());
    assert_eq!(
        message(Handle::new(mastodon, &"x".repeat(257))),
        format!(
            "invalid mastodon handle `{}… (257 bytes)`: must be at most 256 bytes long",
            "x".repeat(80)
        )
    );
}

#[test]
fn malformed_languages_and_countries() {
    for bad in ["", "french", "f", "fr-", "xx", "12", "und"] {
        let err = bad.parse::<Language>().unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "invalid language `{bad}`: expected an ISO 639-1 code or a BCP 47 tag such as `fr`, `en-GB` or `es-419`"
            )
        );
    }
    assert!(matches!(
        Country::new("FRA").unwrap_err().kind(),
        ErrorKind::InvalidCountry { .. }
    ));
}

#[test]
fn malformed_timestamps() {
    for bad in [
        "",
        "yesterday",
        "2026-11-20",
        "2026-11-20T18:05:00",
        "2026-02-30T10:00:00Z",
        "2026-11-20T25:00:00Z",
    ] {
        let err = parse_timestamp(bad).unwrap_err();
        let ErrorKind::InvalidTimestamp { value, reason } = err.kind() else {
            panic!("{bad}: {err}");
        };
        assert_eq!(value, bad);
        assert!(!reason.is_empty());
        assert!(err
            .to_string()
            .starts_with(&format!("invalid timestamp `{bad}`: ")));
    }
}

#[test]
fn out_of_range_numbers() {
    for year in [i64::MIN, -1, 0, 1899, 2101, i64::MAX] {
        assert_eq!(
            message(BirthYear::new(year)),
            format!("birth year `{year}` is out of range `1900..=2100`")
        );
    }
    assert_eq!(
        message(Potential::new("purchase potential", f64::NAN)),
        "purchase potential is `NaN`, must be a number in `0..=1`"
    );
    assert_eq!(
        message(Potentials::new(0.5, -0.1, 0.5)),
        "advocacy potential is `-0.1`, must be a number in `0..=1`"
    );
    assert!(Potential::new("x", f64::INFINITY).is_err());
    assert_eq!(
        message(AgeRange::new(40, 20)),
        "invalid age range `40..=20`: the minimum exceeds the maximum"
    );
}

#[test]
fn blank_names_and_tags() {
    assert_eq!(
        message(Customer::new("c1", " ")),
        "invalid display name ` `: must not be blank"
    );
    assert_eq!(
        message(Agent::new("a1", "", 1)),
        "invalid agent name ``: must not be blank"
    );
    assert_eq!(
        message(Persona::new(
            "p",
            "",
            PersonaRule::any(),
            Potentials::default()
        )),
        "invalid persona name ``: must not be blank"
    );
    assert_eq!(
        message(Tag::new("a,b")),
        "invalid tag `a,b`: must not contain `,`"
    );
}

#[test]
fn directory_misuse() {
    let mut d = Directory::new();
    d.insert(Customer::new("c1", "Ana").unwrap()).unwrap();
    assert_eq!(
        message(d.insert(Customer::new("c1", "Bob").unwrap())),
        "customer `c1` is already in the directory"
    );
    assert_eq!(
        message(d.merge("c1", "c9")),
        "no customer `c9` in the directory"
    );
    assert_eq!(
        message(d.merge("c1", "c1")),
        "cannot merge customer `c1` into itself"
    );
    d.insert(Customer::new("c2", "Ana").unwrap()).unwrap();
    d.merge("c1", "c2").unwrap();
    // The absorbed id is taken for good, and resolves to the kept customer.
    assert_eq!(
        message(d.insert(Customer::new("c2", "Ana").unwrap())),
        "customer `c2` is already in the directory"
    );
    assert_eq!(
        message(d.merge("c2", "c1")),
        "cannot merge customer `c1` into itself"
    );
}

#[test]
fn events_out_of_order_or_out_of_place() {
    let at = |s: &str| s.parse().unwrap();
    let mut conv = Conversation::new("conv".parse().unwrap());
    conv.push_status(at("2026-11-20T10:00:00Z"), ConversationStatus::Open)
        .unwrap();
    assert_eq!(
        message(conv.push_status(at("2026-11-20T09:00:00Z"), ConversationStatus::Solved)),
        "status event `conv` at `2026-11-20T09:00:00Z` is earlier than the last one recorded at `2026-11-20T10:00:00Z`"
    );
    conv.push_status(at("2026-11-20T11:00:00Z"), ConversationStatus::Closed)
        .unwrap();
    let late = Interaction::inbound(
        "i1".parse().unwrap(),
        "conv".parse().unwrap(),
        Handle::new(Channel::Twitter, "@lea").unwrap(),
        at("2026-11-20T12:00:00Z"),
        "hello?",
    );
    assert_eq!(
        message(conv.push(late)),
        "interaction `i1` at `2026-11-20T12:00:00Z` comes after conversation `conv` was closed at `2026-11-20T11:00:00Z`"
    );
    let forged = Interaction::inbound(
        "i2".parse().unwrap(),
        "conv".parse().unwrap(),
        Handle::new(Channel::Twitter, "@lea").unwrap(),
        at("2026-11-20T10:30:00Z"),
        "hello",
    );
    let mut forged = forged;
    forged.direction = social_crm::Direction::Note;
    assert_eq!(
        message(conv.push(forged)),
        "interaction `i2` is note but written by `twitter:@lea`: inbound messages come from customers, outbound ones and notes from agents"
    );
}

#[test]
fn odd_text_is_never_a_panic() {
    let odd = [
        String::new(),
        " ".repeat(10_000),
        "\u{301}\u{301}\u{301}".to_owned(),
        "\u{202e}txet\u{200d}\u{200d}".to_owned(),
        "👩🏽‍💻".repeat(1000),
        "a".repeat(1 << 20),
    ];
    for text in &odd {
        for channel in Channel::NAMED {
            let _ = Handle::new(channel, text);
        }
        let _ = Customer::new("c", text);
        let _ = Tag::new(text);
        let _ = parse_timestamp(text);
        let _ = text.parse::<Channel>();
    }
}

#[test]
fn desk_misuse() {
    use social_crm::crisis::Bucket;
    use social_crm::reply::{Situation, Template};
    use social_crm::routing::Roster;
    let at: social_crm::jiff::Timestamp = "2026-11-20T17:00:00Z".parse().unwrap();
    assert_eq!(
        message(Bucket::from_f64(at, 2.5, None)),
        "invalid messages count `2.5`: not a whole number"
    );
    assert_eq!(
        message(Template::new(
            Situation::Angry,
            Language::FRENCH,
            "Bonjour {nom"
        )),
        "invalid template `angry/fr`: the placeholder at byte 8 is not closed"
    );
    assert_eq!(
        message(Roster::new([]).with_load("a9", 1)),
        "no agent `a9` on the roster"
    );
}
