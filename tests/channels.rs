//! Platform payloads in: fixtures written from each platform's documented
//! shapes (never copied from a third party), edge cases included, and
//! malformed input as typed errors that name the path.
#![cfg(feature = "whatsapp")]

use social_crm::channels::{whatsapp, Content, Delivery};
use social_crm::{Channel, Direction, ErrorKind, Handle, Visibility};

const MESSAGES: &str = include_str!("fixtures/whatsapp/messages.json");
const STATUSES: &str = include_str!("fixtures/whatsapp/statuses.json");

#[test]
fn whatsapp_messages_of_every_kind() {
    let received = whatsapp::parse(MESSAGES.as_bytes()).unwrap();
    let kinds: Vec<String> = received
        .messages
        .iter()
        .map(|m| match &m.content {
            Content::Media { kind, .. } => kind.clone(),
            other => format!("{other:?}")
                .split([' ', '{'])
                .next()
                .unwrap()
                .to_lowercase(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "text", "text", "image", "audio", "sticker", "location", "reaction", "choice",
            "choice", "contacts", "text"
        ]
    );
    // The order is skipped, with where it was.
    assert_eq!(received.skipped.len(), 1);
    assert_eq!(received.skipped[0].kind, "order");
    assert_eq!(
        received.skipped[0].path,
        "entry[0].changes[0].value.messages[10]"
    );
    let first = &received.messages[0].interaction;
    assert_eq!(first.direction, Direction::Inbound);
    assert_eq!(first.visibility, Visibility::Private);
    assert_eq!(first.channel, Channel::WhatsApp);
    assert_eq!(first.at.to_string(), "2025-11-20T17:45:00Z");
    assert!(first.text.contains("😡😡"));
    // Right-to-left text is kept as sent.
    assert_eq!(
        received.messages[1].interaction.text,
        "مرحبا، طلبي لم يصل بعد 📦"
    );
    assert_eq!(
        received.messages[1].interaction.customer_handle().unwrap(),
        &Handle::new(Channel::WhatsApp, "+212612345678").unwrap()
    );
    // A media's caption is its text; a voice note has none but is a voice note.
    assert_eq!(
        received.messages[2].interaction.text,
        "Le carton est arrivé écrasé"
    );
    assert_eq!(received.messages[3].interaction.text, "");
    assert!(
        matches!(&received.messages[3].content, Content::Media { kind, id: Some(_) } if kind == "audio")
    );
    assert_eq!(
        received.messages[5].interaction.text,
        "Tienda Cafélia Sol, Puerta del Sol 1, Madrid"
    );
    assert!(
        matches!(&received.messages[6].content, Content::Reaction { to, emoji } if to.as_str() == "wamid.BRAND1" && emoji == "👎")
    );
    assert_eq!(received.messages[7].interaction.text, "Être remboursée");
    // A reply to a message the desk never saw keeps the link aside.
    let reply = received.messages.last().unwrap();
    assert_eq!(
        reply.replies_to.as_ref().unwrap().as_str(),
        "wamid.NEVER-SEEN"
    );
    assert_eq!(reply.interaction.in_reply_to, None);
    // Contacts: a blank profile name is no name.
    assert_eq!(received.people.len(), 3);
    assert_eq!(received.people[1].name.as_deref(), Some("يوسف"));
    assert_eq!(received.people[2].name, None);
}

#[test]
fn whatsapp_statuses_and_unknown_fields() {
    let received = whatsapp::parse(STATUSES.as_bytes()).unwrap();
    let states: Vec<Delivery> = received.statuses.iter().map(|s| s.state).collect();
    assert_eq!(
        states,
        [
            Delivery::Sent,
            Delivery::Delivered,
            Delivery::Read,
            Delivery::Failed
        ]
    );
    assert_eq!(
        received.statuses[3].errors,
        ["131047: Re-engagement message"]
    );
    let skipped: Vec<(&str, &str)> = received
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("entry[0].changes[0].value.statuses[4]", "status:deleted"),
            ("entry[0].changes[1]", "message_template_status_update"),
        ]
    );
}

#[test]
fn whatsapp_messages_feed_a_desk() {
    use social_crm::desk::{Desk, DeskConfig, Outcome};
    let week = social_crm::sample::week();
    let mut desk = Desk::new(
        DeskConfig::sample(&week).unwrap(),
        week.directory().unwrap(),
    );
    let received = whatsapp::parse(MESSAGES.as_bytes()).unwrap();
    let now = received.messages.last().unwrap().interaction.at;
    let applied = desk.apply_all(received.events(), now);
    assert!(
        applied
            .outcomes
            .iter()
            .all(|o| matches!(o, Outcome::Applied | Outcome::Late)),
        "{:?}",
        applied.outcomes
    );
    assert_eq!(
        desk.conversation(&"wa-33612345678".parse().unwrap())
            .unwrap()
            .interactions()
            .len(),
        5
    );
    // Delivered twice, as webhooks do: nothing new.
    let again = desk.apply_all(received.events(), now);
    assert!(again.outcomes.iter().all(|o| *o == Outcome::Duplicate));
}

#[test]
fn malformed_whatsapp_payloads_name_the_path() {
    let cases: [(&str, &str); 7] = [
        ("", "$"),
        (&MESSAGES[..MESSAGES.len() / 2], "$"),
        (r#"{"object":"page","entry":[]}"#, "object"),
        (r#"{"object":"whatsapp_business_account"}"#, "entry"),
        (
            r#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"type":"text","text":{"body":"x"},"id":"w1","timestamp":"1"}]}}]}]}"#,
            "entry[0].changes[0].value.messages[0].from",
        ),
        (
            r#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"33612345678","type":"text","text":{"body":"x"},"id":"w1","timestamp":"soon"}]}}]}]}"#,
            "entry[0].changes[0].value.messages[0].timestamp",
        ),
        (
            r#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"contacts":[{"wa_id":"not a number"}]}}]}]}"#,
            "entry[0].changes[0].value.contacts[0].wa_id",
        ),
    ];
    for (body, path) in cases {
        let err = whatsapp::parse(body.as_bytes()).unwrap_err();
        match err.kind() {
            ErrorKind::InvalidPayload { path: p, .. } => assert_eq!(p, path, "{err}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_ten_thousand_message_batch() {
    let received =
        whatsapp::parse(social_crm::sample::whatsapp_webhook(10_000).as_bytes()).unwrap();
    assert_eq!(received.messages.len(), 10_000);
    assert!(received.skipped.is_empty());
}
