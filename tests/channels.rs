//! Platform payloads in: fixtures written from each platform's documented
//! shapes (never copied from a third party), edge cases included, and
//! malformed input as typed errors that name the path.
#![cfg(all(
    feature = "whatsapp",
    feature = "meta",
    feature = "x",
    feature = "email"
))]

use social_crm::channels::{email, meta, whatsapp, x, ChangeKind, Content, Delivery};
use social_crm::{Channel, Direction, ErrorKind, Handle, Visibility};

const MESSAGES: &str = include_str!("fixtures/whatsapp/messages.json");
const STATUSES: &str = include_str!("fixtures/whatsapp/statuses.json");
const PAGE_FEED: &str = include_str!("fixtures/meta/page_feed.json");
const INSTAGRAM: &str = include_str!("fixtures/meta/instagram.json");
const MESSENGER: &str = include_str!("fixtures/meta/messenger.json");
const X_MENTIONS: &str = include_str!("fixtures/x/mentions.json");
const X_STREAM_LINE: &str = include_str!("fixtures/x/stream_line.json");
const DOUBLE_DEBIT: &str = include_str!("fixtures/email/double_debit.eml");
const BRAND_REPLY: &str = include_str!("fixtures/email/brand_reply.eml");
const THANKS_REPLY: &str = include_str!("fixtures/email/thanks_reply.eml");
const HTML_ONLY: &str = include_str!("fixtures/email/html_only.eml");
/// The brand's mailbox in the fixtures.
const SERVICE: &str = "service@cafelia.example";
/// The brand's X account in the fixtures.
const BRAND: &str = "998877665544332211";

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
    let received = whatsapp::parse(MESSAGES.as_bytes()).unwrap();
    let mut desk = feed_a_desk([received.clone()]);
    assert_eq!(
        desk.conversation(&"wa-33612345678".parse().unwrap())
            .unwrap()
            .interactions()
            .len(),
        5
    );
    // Delivered twice, as webhooks do: nothing new.
    let now = received.messages.last().unwrap().interaction.at;
    let again = desk.apply_all(received.events(), now);
    assert!(again
        .outcomes
        .iter()
        .all(|o| *o == social_crm::desk::Outcome::Duplicate));
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
    assert_paths(whatsapp::parse, &cases);
}

#[test]
fn a_ten_thousand_message_batch() {
    let received =
        whatsapp::parse(social_crm::sample::whatsapp_webhook(10_000).as_bytes()).unwrap();
    assert_eq!(received.messages.len(), 10_000);
    assert!(received.skipped.is_empty());
}

#[test]
fn facebook_feed_comments_replies_edits_and_removals() {
    let received = meta::parse(PAGE_FEED.as_bytes()).unwrap();
    let ids: Vec<&str> = received
        .messages
        .iter()
        .map(|m| m.interaction.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "5550001_9001",
            "5550001_9002",
            "5550001_9003",
            "5550001_9005"
        ]
    );
    let first = &received.messages[0].interaction;
    assert_eq!(
        first.customer_handle().unwrap().to_string(),
        "facebook:id:7391205546132"
    );
    assert_eq!(first.visibility, Visibility::Public);
    assert_eq!(
        received.messages[0].replies_to, None,
        "a comment on the post answers nobody"
    );
    // The page's own comment is the brand's reply.
    let page = &received.messages[1];
    assert_eq!(page.interaction.direction, Direction::Outbound);
    assert_eq!(
        page.interaction.agent().unwrap().as_str(),
        "page-104857600123"
    );
    assert_eq!(page.replies_to.as_ref().unwrap().as_str(), "5550001_9001");
    // Right to left, kept as written.
    assert_eq!(received.messages[2].interaction.text, "גם אצלי אותו דבר 🙄");
    // A deleted author: the comment stays, without an author.
    let orphan = &received.messages[3].interaction;
    assert_eq!(orphan.author, social_crm::Author::Erased);
    assert_eq!(orphan.direction, Direction::Inbound);
    let changes: Vec<(&str, &ChangeKind)> = received
        .changes
        .iter()
        .map(|c| (c.message.as_str(), &c.kind))
        .collect();
    assert_eq!(changes.len(), 3);
    assert!(
        matches!(changes[0], ("5550001_9001", ChangeKind::Edited { text }) if text.contains("Merci à Eric"))
    );
    assert_eq!(changes[1], ("5550001_9003", &ChangeKind::Removed));
    assert_eq!(changes[2], ("5550001_9004", &ChangeKind::Hidden));
    let skipped: Vec<&str> = received.skipped.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(skipped, ["reaction:add", "ratings"]);
    assert_eq!(received.people.len(), 2);
}

#[test]
fn instagram_comments_mentions_and_direct_messages() {
    let received = meta::parse(INSTAGRAM.as_bytes()).unwrap();
    assert_eq!(received.messages.len(), 5);
    let comment = &received.messages[0];
    assert_eq!(
        comment.interaction.conversation.as_str(),
        "ig-18012345678901234"
    );
    assert_eq!(
        comment.interaction.customer_handle().unwrap().to_string(),
        "instagram:id:17841455555555555"
    );
    let lea = &received.people[0];
    assert_eq!(lea.aliases[0].to_string(), "instagram:@lea.martin_");
    // A comment without its own time takes the entry's.
    assert_eq!(
        received.messages[1].interaction.at.as_second(),
        1_763_660_900
    );
    assert_eq!(
        received.messages[1].replies_to.as_ref().unwrap().as_str(),
        "17865432109876543"
    );
    // The mention only names ids: for the service to fetch.
    assert_eq!(received.to_fetch.len(), 1);
    assert_eq!(received.to_fetch[0].id, "17899999999999999");
    // Direct messages are private, in a thread of their own.
    let dm = &received.messages[2].interaction;
    assert_eq!(dm.visibility, Visibility::Private);
    assert_eq!(dm.conversation.as_str(), "igdm-17841455555555555");
    assert!(
        matches!(&received.messages[3].content, Content::Media { kind, .. } if kind == "image")
    );
    let echo = &received.messages[4];
    assert_eq!(echo.interaction.direction, Direction::Outbound);
    assert_eq!(
        echo.interaction.conversation.as_str(),
        "igdm-17841455555555555"
    );
    let skipped: Vec<&str> = received.skipped.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(skipped, ["story_insights", "read"]);
}

#[test]
fn messenger_messages_are_private_and_never_facebook_posts() {
    let received = meta::parse(MESSENGER.as_bytes()).unwrap();
    assert_eq!(received.messages.len(), 2);
    let dm = &received.messages[0].interaction;
    assert_eq!(dm.channel, Channel::Messenger);
    assert_eq!(dm.visibility, Visibility::Private);
    assert_eq!(
        dm.customer_handle().unwrap().to_string(),
        "messenger:id:6532109876543210"
    );
    assert_eq!(dm.at.as_millisecond(), 1_763_661_000_456);
    assert_eq!(
        received.messages[1].interaction.direction,
        Direction::Outbound
    );
    assert_eq!(received.skipped[0].kind, "postback");
}

#[test]
fn meta_payloads_feed_a_desk() {
    let bodies = [PAGE_FEED, INSTAGRAM, MESSENGER];
    feed_a_desk(bodies.iter().map(|b| meta::parse(b.as_bytes()).unwrap()));
}

#[test]
fn malformed_meta_payloads_name_the_path() {
    let cases: [(&str, &str); 5] = [
        (&PAGE_FEED[..PAGE_FEED.len() - 10], "$"),
        (r#"{"object":"user","entry":[]}"#, "object"),
        (
            r#"{"object":"page","entry":[{"changes":[]}]}"#,
            "entry[0].id",
        ),
        (
            r#"{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","created_time":1}}]}]}"#,
            "entry[0].changes[0].value.post_id",
        ),
        (
            r#"{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"5"},"timestamp":"later","message":{"mid":"m1","text":"x"}}]}]}"#,
            "entry[0].messaging[0].timestamp",
        ),
    ];
    assert_paths(meta::parse, &cases);
}

/// Each body is refused with an error at its path.
fn assert_paths(
    parse: fn(&[u8]) -> social_crm::Result<social_crm::channels::Received>,
    cases: &[(&str, &str)],
) {
    for (body, path) in cases {
        let err = parse(body.as_bytes()).unwrap_err();
        match err.kind() {
            ErrorKind::InvalidPayload { path: p, .. } => assert_eq!(p, path, "{err}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn x_tweets_replies_quotes_and_retweets_told_apart() {
    let received = x::parse(X_MENTIONS.as_bytes(), &[BRAND]).unwrap();
    assert_eq!(received.messages.len(), 7);
    let first = &received.messages[0];
    assert_eq!(
        first.interaction.customer_handle().unwrap().to_string(),
        "twitter:id:1456789012345678901"
    );
    assert_eq!(
        first.interaction.conversation.as_str(),
        "x-1861111111111111111"
    );
    assert_eq!(
        first.interaction.language,
        Some(social_crm::Language::FRENCH)
    );
    assert_eq!(first.interaction.engagement.shares, 14);
    // The brand's reply is outbound, threaded under the tweet it answers.
    let reply = &received.messages[1];
    assert_eq!(reply.interaction.direction, Direction::Outbound);
    assert_eq!(
        reply.interaction.agent().unwrap().as_str(),
        "x-998877665544332211"
    );
    assert_eq!(
        reply.replies_to.as_ref().unwrap().as_str(),
        "1861111111111111111"
    );
    assert_eq!(
        reply.interaction.conversation,
        first.interaction.conversation
    );
    assert!(
        matches!(&received.messages[2].content, Content::Quote { of } if of.as_str() == "1861111111111111111")
    );
    assert!(
        matches!(&received.messages[3].content, Content::Repost { of } if of.as_str() == "1861111111111111111")
    );
    // A reply to a tweet the response does not hold keeps the link aside.
    let orphan = &received.messages[4];
    assert_eq!(
        orphan.replies_to.as_ref().unwrap().as_str(),
        "1860000000000000000"
    );
    assert_eq!(orphan.interaction.text, "@cafelia وين طلبي؟ 📦📦");
    // X's `qme` and `und` name no language.
    assert_eq!(received.messages[5].interaction.language, None);
    assert_eq!(received.messages[6].interaction.language, None);
    // Authors: the id is the handle, the username an alias, the metrics the audience.
    let nath = &received.people[0];
    assert_eq!(nath.aliases[0].to_string(), "twitter:@nath_conso");
    assert_eq!(nath.stats.followers, 182_000);
    assert_eq!(
        nath.stats.created.unwrap().to_string(),
        "2011-03-02T10:00:00Z"
    );
    assert_eq!(received.skipped[0].kind, "Not Found Error");
    assert_eq!(received.skipped[0].path, "errors[0]");
}

#[test]
fn an_x_username_change_keeps_the_customer() {
    use social_crm::{AudienceStats, Customer, Directory, Resolution};
    let before = x::parse(X_MENTIONS.as_bytes(), &[BRAND]).unwrap();
    let after = x::parse(X_STREAM_LINE.as_bytes(), &[BRAND]).unwrap();
    let nath = &before.people[0];
    let mut directory = Directory::new();
    let mut customer = Customer::new("c001", "Nathalie Girard")
        .unwrap()
        .with_handle(nath.handle.clone(), nath.stats);
    for alias in &nath.aliases {
        customer = customer.with_handle(alias.clone(), AudienceStats::default());
    }
    directory.insert(customer).unwrap();
    // She renamed her account: her tweets still carry the same id.
    let tweet = &after.messages[0].interaction;
    assert!(
        matches!(directory.resolve(tweet.customer_handle().unwrap()), Resolution::Customer(c) if c.id.as_str() == "c001")
    );
    assert_eq!(
        after.people[0].aliases[0].to_string(),
        "twitter:@nath_conso_2"
    );
}

#[test]
fn x_payloads_feed_a_desk() {
    feed_a_desk([x::parse(X_MENTIONS.as_bytes(), &[BRAND]).unwrap()]);
}

#[test]
fn malformed_x_payloads_name_the_path() {
    let cases: [(&str, &str); 5] = [
        (&X_MENTIONS[..100], "$"),
        (r#"{"meta":{}}"#, "data"),
        (
            r#"{"data":[{"id":"1","text":"x","created_at":"2026-11-20T17:05:00Z"}]}"#,
            "data[0].author_id",
        ),
        (
            r#"{"data":{"id":"1","text":"x","author_id":"5","created_at":"yesterday"}}"#,
            "data.created_at",
        ),
        (
            r#"{"data":[],"includes":{"users":[{"id":"5","username":"not a name"}]}}"#,
            "includes.users[0].username",
        ),
    ];
    assert_paths(|body| x::parse(body, &[BRAND]), &cases);
}

/// Each payload's messages go into the sample desk, at their latest
/// instant: every one is taken. Returns the desk.
fn feed_a_desk(
    payloads: impl IntoIterator<Item = social_crm::channels::Received>,
) -> social_crm::desk::Desk {
    use social_crm::desk::{Desk, DeskConfig, Outcome};
    let week = social_crm::sample::week();
    let mut desk = Desk::new(
        DeskConfig::sample(&week).unwrap(),
        week.directory().unwrap(),
    );
    for received in payloads {
        let now = received
            .messages
            .iter()
            .map(|m| m.interaction.at)
            .max()
            .unwrap();
        let applied = desk.apply_all(received.events(), now);
        assert!(
            applied
                .outcomes
                .iter()
                .all(|o| matches!(o, Outcome::Applied | Outcome::Late)),
            "{:?}",
            applied.outcomes
        );
    }
    desk
}

#[test]
fn an_email_thread_is_one_conversation_with_what_was_written_this_time() {
    let parse = |raw: &str| email::parse(raw.as_bytes(), &[SERVICE]).unwrap();
    let first = parse(DOUBLE_DEBIT);
    let reply = parse(BRAND_REPLY);
    let thanks = parse(THANKS_REPLY);
    let m = &first.messages[0].interaction;
    // RFC 2047 name decoded; the address folded as the directory keys it.
    assert_eq!(first.people[0].name.as_deref(), Some("Antoine Leroy"));
    assert_eq!(
        m.customer_handle().unwrap().value(),
        "antoine.leroy@example.com"
    );
    // The text part, not the HTML; the signature left out.
    assert_eq!(
        m.text,
        "Bonjour, j’ai été débité deux fois de 39,90 € pour ma commande 4521.\nMerci de me rembourser 🙏"
    );
    assert_eq!(m.at.to_string(), "2026-11-16T08:12:00Z");
    // The brand's reply is outbound; the thread is one conversation.
    let r = &reply.messages[0];
    assert_eq!(r.interaction.direction, Direction::Outbound);
    assert_eq!(r.interaction.agent().unwrap().as_str(), "mail-service");
    assert_eq!(
        r.replies_to.as_ref().unwrap().as_str(),
        "a1b2c3@mail.example.com"
    );
    let t = &thanks.messages[0].interaction;
    assert_eq!(t.conversation, m.conversation);
    assert_eq!(r.interaction.conversation, m.conversation);
    // The quoted history is not what the customer wrote this time.
    assert_eq!(t.text, "Merci, bien reçu !");
    // Same customer, spelt another way.
    assert_eq!(t.customer_handle(), m.customer_handle());
    // HTML alone is read as text.
    let html = parse(HTML_ONLY);
    assert!(
        html.messages[0].interaction.text.contains("no ha llegado"),
        "{}",
        html.messages[0].interaction.text
    );
    assert!(!html.messages[0].interaction.text.contains('<'));
}

#[test]
fn an_email_thread_feeds_a_desk() {
    let bodies = [DOUBLE_DEBIT, BRAND_REPLY, THANKS_REPLY];
    feed_a_desk(
        bodies
            .iter()
            .map(|raw| email::parse(raw.as_bytes(), &[SERVICE]).unwrap()),
    );
}

#[test]
fn malformed_emails_name_the_header() {
    let without = |header: &str| {
        DOUBLE_DEBIT
            .lines()
            .filter(|l| !l.starts_with(header))
            .collect::<Vec<_>>()
            .join("\r\n")
    };
    let cases = [
        (without("Message-ID"), "Message-ID"),
        (without("From"), "From"),
        (without("Date"), "Date"),
        (String::new(), "$"),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(b, p)| (b.as_str(), *p)).collect();
    assert_paths(|raw| email::parse(raw, &[SERVICE]), &cases);
}
