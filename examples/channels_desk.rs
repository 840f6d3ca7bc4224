//! A desk fed from the platforms as they deliver: one payload of each kind
//! (WhatsApp, a Facebook Page comment, Instagram, Messenger, X, e-mail),
//! each webhook's signature checked first, then the queue and the replies.
//!
//! ```text
//! cargo run --release --example channels_desk --features whatsapp,meta,x,email,signatures
//! ```
//!
//! The payloads are the crate's test fixtures (`tests/fixtures/`), written
//! from each platform's documented shapes.

use std::io::{self, Write};
use std::process::ExitCode;

use social_crm::channels::signature::{meta_signature, verify_meta};
use social_crm::channels::{email, meta, whatsapp, x, Person, Received};
use social_crm::desk::{Desk, DeskConfig, Event, Outcome};
use social_crm::{sample, AudienceStats, Customer, Resolution};

#[path = "support/exit.rs"]
mod exit;

/// An adapter of the `channels` module.
type Adapter = fn(&[u8]) -> social_crm::Result<Received>;

/// The app secret the platforms would sign with (the caller's, in real
/// life: from its configuration, never from the crate).
const APP_SECRET: &[u8] = b"demo-app-secret";

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = io::stdout().lock();
    let week = sample::week();
    let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    let webhooks: [(&str, &str, Adapter); 4] = [
        (
            "WhatsApp",
            include_str!("../tests/fixtures/whatsapp/messages.json"),
            whatsapp::parse,
        ),
        (
            "Facebook feed",
            include_str!("../tests/fixtures/meta/page_feed.json"),
            meta::parse,
        ),
        (
            "Instagram",
            include_str!("../tests/fixtures/meta/instagram.json"),
            meta::parse,
        ),
        (
            "Messenger",
            include_str!("../tests/fixtures/meta/messenger.json"),
            meta::parse,
        ),
    ];
    let mut payloads: Vec<(&str, Received)> = Vec::new();
    for (name, body, parse) in webhooks {
        // What the platform sent in `X-Hub-Signature-256`, checked before
        // anything is read.
        let header = meta_signature(APP_SECRET, body.as_bytes());
        verify_meta(APP_SECRET, body.as_bytes(), &header)?;
        payloads.push((name, parse(body.as_bytes())?));
    }
    let tweets = include_str!("../tests/fixtures/x/mentions.json");
    payloads.push(("X", x::parse(tweets.as_bytes(), &["998877665544332211"])?));
    let mail = include_str!("../tests/fixtures/email/double_debit.eml");
    payloads.push((
        "e-mail",
        email::parse(mail.as_bytes(), &["service@cafelia.example"])?,
    ));

    // Oldest payload first, as they would have arrived.
    payloads.sort_by_key(|(_, r)| r.messages.iter().map(|m| m.interaction.at).min());
    writeln!(
        out,
        "{:<14} {:>8} {:>6} {:>7} {:>9} {:>4} {:>8} {:>7}",
        "payload", "messages", "people", "applied", "duplicate", "late", "rejected", "skipped"
    )?;
    let mut now = week.now;
    for (name, received) in &payloads {
        now = received
            .messages
            .iter()
            .map(|m| m.interaction.at)
            .max()
            .unwrap_or(now);
        // The people the platform names become customer records (keyed on
        // their stable handle, their usernames as more handles), so that
        // replies greet them by name.
        let mut events = Vec::new();
        for person in &received.people {
            // Someone the directory already knows keeps their record.
            let known = !matches!(
                desk.directory().resolve(&person.handle),
                Resolution::Unknown
            ) || person
                .aliases
                .iter()
                .any(|a| !matches!(desk.directory().resolve(a), Resolution::Unknown));
            if known {
                continue;
            }
            if let Some(record) = record_of(person)? {
                events.push(Event::Customer {
                    customer: record,
                    at: now,
                });
            }
        }
        let people = events.len();
        events.extend(received.events());
        let applied = desk.apply_all(events, now);
        let counts = applied.counts();
        writeln!(
            out,
            "{name:<14} {:>8} {people:>6} {:>7} {:>9} {:>4} {:>8} {:>7}",
            received.messages.len(),
            counts.applied,
            counts.duplicate,
            counts.late,
            counts.rejected,
            received.skipped.len() + received.to_fetch.len()
        )?;
        for outcome in &applied.outcomes {
            if let Outcome::Rejected(e) = outcome {
                writeln!(out, "  refused: {e}")?;
            }
        }
    }

    writeln!(out, "\nWaiting at {now}, most urgent first:")?;
    for t in desk.queue(now)?.iter().take(8) {
        writeln!(
            out,
            "  {:<26} {:>3.0}  {}",
            t.conversation.as_str(),
            t.score,
            t.reasons(2).join(", ")
        )?;
        // A channel nobody on the roster works on is said, not guessed.
        match desk.suggest(&t.conversation, now) {
            Ok(suggestion) => writeln!(out, "  {:<26}      → {}", "", suggestion.text)?,
            Err(e) => writeln!(out, "  {:<26}      ✗ {e}", "")?,
        }
    }
    Ok(())
}

/// A customer record for someone a platform named, if they have a name.
fn record_of(person: &Person) -> social_crm::Result<Option<Customer>> {
    let Some(name) = &person.name else {
        return Ok(None);
    };
    // `twitter:id:145...` gives the id `twitter-id-145...`.
    let id = person.handle.to_string().replace([':', '@'], "-");
    let mut record = Customer::new(&id, name)?.with_handle(person.handle.clone(), person.stats);
    for alias in &person.aliases {
        record = record.with_handle(alias.clone(), AudienceStats::default());
    }
    Ok(Some(record))
}
