//! Social customer relationship management, as a pure library: typed models of
//! customers, their handles on every channel, consent, personas, interactions
//! and conversations, for the care desks that answer brands' customers on
//! social networks and everywhere else.
//!
//! `social-crm` does no I/O, reads no clock and starts no thread. The caller
//! passes data and "now"; the crate returns typed answers. The same input
//! always gives the same output, so what it computes can be replayed, tested
//! and explained.
//!
//! # A first look
//!
//! The crate ships one week of a fictional brand's care desk
//! ([`sample::week`]): 80 customers, 6 agents, about 280 interactions in
//! French, English and Spanish, and a crisis on Friday evening. Given an
//! incoming message, who is this, and what do we know of them?
//!
//! ```
//! use social_crm::{assign_persona, sample, Channel, Handle, Interaction, Purpose, Resolution};
//!
//! let week = sample::week();
//! let directory = week.directory()?;
//!
//! // A tweet arrives from an account we know, spelt its own way.
//! let tweet = Interaction::inbound(
//!     "i9001".parse()?,
//!     "tw-900".parse()?,
//!     Handle::new(Channel::Twitter, "@Nath_Conso")?,
//!     "2026-11-22T18:05:00+01:00".parse()?,
//!     "@cafelia merci pour le suivi des délais cette semaine 👍",
//! );
//!
//! // Who is this? One hash lookup, whatever the directory's size.
//! let Resolution::Customer(nathalie) = directory.resolve(tweet.customer_handle().unwrap()) else {
//!     panic!("known customer");
//! };
//! assert_eq!(nathalie.display_name, "Nathalie Girard");
//! assert_eq!(nathalie.total_followers(), 182_000);
//!
//! // May we profile her, and which persona is she?
//! assert!(!nathalie.consent.is_refused(Purpose::Profiling));
//! let today = week.now.to_zoned_datetime(week.time_zone.clone()).date();
//! let persona = assign_persona(nathalie, &week.personas, today);
//! assert_eq!(persona.persona().unwrap().id.as_str(), "voices");
//!
//! // How long do we have? The desk is open 08:00-02:00 every day in Paris,
//! // and a public tweet gets a first answer within one business hour.
//! use social_crm::sla::{BusinessCalendar, PolicySet, WeeklySchedule};
//! use social_crm::jiff::SignedDuration;
//! let desk = BusinessCalendar::new(
//!     week.time_zone.clone(),
//!     WeeklySchedule::new().every_day("08:00-02:00".parse()?),
//! )?;
//! let due = desk.add(tweet.at, SignedDuration::from_hours(1))?;
//! assert_eq!(due.to_string(), "2026-11-22T18:05:00Z");
//! # let _ = PolicySet::care_desk_default()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Run `cargo run --release --example care_desk` for the whole week as a
//! desk manager would read it.
//!
//! # Modules
//!
//! | module | answers |
//! |---|---|
//! | [`model`] | the vocabulary: [`Customer`], [`Handle`], [`Channel`], [`Consent`], [`Persona`], [`Interaction`], [`Conversation`], [`Agent`] |
//! | [`directory`] | who is this? Handles to customers, and two records of one person merged into one ([`Directory`]) |
//! | [`sentiment`] | how do they feel? Explained lexicon-and-rules scores for French, English and Spanish |
//! | [`explain`] | the one shape every explained score shares |
//! | [`influence`] | how much do they matter, and on whose side? Explained influence scores, PageRank on the mention graph, stances, the desk's ranking |
//! | [`sla`] | how long do we have? Business calendars in real time zones, SLA policies, clocks and attainment reports |
//! | [`crisis`] | is something building? A streaming detector with a seasonal baseline, explained alerts, escalation and the all-clear |
//! | [`desk`] | all of it in one value: interactions in; the queue, who answers, the reply and the persona sentiment maps out |
//! | [`triage`] | who first? An explained priority per waiting conversation, and the queue |
//! | [`routing`] | who answers? Agents on shift, in the customer's language, with the skills and the room, or why not yet |
//! | [`reply`] | with what? Templates per situation and language, the rules of engagement, a check of drafts |
//! | [`privacy`] | personal data found and redacted before text leaves the desk |
//! | [`time`] | instants, zones and parsing, all through [`jiff`] |
//! | [`sample`] | a week of a care desk to learn, test and demonstrate with |
//! | [`error`] | the one [`Error`] type and its [`ErrorKind`] |
//!
//! Most services start from the top: a [`desk::Desk`] takes interactions as
//! they arrive and answers "who should answer, and with what".
//!
//! # Time
//!
//! Every instant is a [`jiff::Timestamp`]: an absolute point in time, printed
//! in RFC 3339 (`2026-11-20T17:05:00Z`). Civil ("local", "wall clock") dates
//! and times are [`jiff::civil`] values, which name no instant until a
//! [`jiff::tz::TimeZone`] is given. The crate writes no date arithmetic or
//! time-zone code of its own.
//!
//! With the default `tzdb-bundled` feature, zones resolve by IANA name from a
//! database compiled into the binary ([`time::time_zone`]), with no file-system
//! access. Without it, build a zone yourself from a POSIX TZ string
//! ([`time::posix_time_zone`]), TZif bytes ([`jiff::tz::TimeZone::tzif`]) or
//! a fixed offset. `jiff` is a public dependency, re-exported as
//! [`social_crm::jiff`](jiff), so you never need to match its version.
//!
//! # API themes
//!
//! - **Checked on the way in.** Values that can be wrong are checked when
//!   they are made (`CustomerId::new`, `Handle::new`, `Language::new`...),
//!   including when deserialised, and a model always holds valid data.
//!   Failures are an [`Error`] whose [`kind`](Error::kind) can be matched
//!   and whose message names the value and what was expected.
//! - **Never silently altered.** Input that cannot be placed (an interaction
//!   earlier than the last one, a reply to an unknown message, a merge with
//!   conflicting fields) is refused or reported, never reordered or dropped.
//!   Handles are stored in a documented normal form, so two spellings of one
//!   account are one handle.
//! - **Text forms.** Types a user stores or prints have `Display` and
//!   `FromStr` that round-trip, and (feature `serde`) a serde form that is the
//!   same text.
//! - **Consent is a type, not a flag.** Profiling a customer who refused it
//!   yields a distinct outcome ([`PersonaAssignment::ProfilingRefused`]) that
//!   no caller can mistake for "no match".
//!
//! # Crate features
//!
//! | feature | default | enables |
//! |---|---|---|
//! | `serde` | yes | `Serialize`/`Deserialize` for every model, with validation on the way in (instants through jiff's serde support); stored states read back from binary serde formats such as postcard as from JSON |
//! | `tzdb-bundled` | yes | jiff's bundled IANA time-zone database, so `Europe/Paris` resolves without I/O |
//! | `whatlang` | yes | the [whatlang](https://docs.rs/whatlang) trigram detector, asked when the crate's own function-word detector is unsure (99.7 % right instead of 98.5 % on the shared tweets) |
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85, the version `jiff` needs. The MSRV is raised only in minor
//! releases.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
mod macros;

pub mod channels;
pub mod crisis;
pub mod desk;
pub mod directory;
pub mod error;
pub mod explain;
pub mod influence;
pub mod model;
pub mod privacy;
pub mod reply;
pub mod routing;
pub mod sample;
pub mod sentiment;
pub mod sla;
pub mod time;
pub mod triage;

pub use jiff;

/// The README's code, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use directory::{Directory, MergeReport, Resolution};
pub use error::{Error, ErrorKind, Result};
pub use model::*;
