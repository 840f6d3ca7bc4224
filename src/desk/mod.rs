//! The care desk, in one value: events in, and out "who should answer,
//! and with what".
//!
//! A [`Desk`] is built from its configuration ([`DeskConfig`]: time zone,
//! opening hours, SLA policies, the roster of agents with their shifts,
//! personas, reply templates, triage weights, crisis settings) and the
//! customer [`Directory`]. It takes [`Event`]s as a webhook service receives
//! them, in batches of any size, with "now" ([`Desk::apply_all`]):
//! messages, status changes, assignments, priorities, customer records and
//! merges, consent decisions and erasure requests, each with its
//! [`Outcome`] (applied, duplicate, late or rejected, never half-applied).
//! It keeps what a desk needs: the conversations, the crisis monitor (the
//! brand and each channel), who holds what. From it:
//!
//! - [`Desk::queue`]: the conversations waiting on the brand (never a
//!   solved, closed, pending or on-hold one) in priority order, each with
//!   its reasons ([`crate::triage`]), SLA included;
//! - [`Desk::sla`]: a conversation's SLA clocks, reading its real status;
//! - [`Desk::route`]: each to an agent on shift who speaks the customer's
//!   language, or why not yet ([`crate::routing`]);
//! - [`Desk::suggest`]: the reply to send, in the customer's language, with
//!   a due time that names the day when it is not today, signed by the agent
//!   routing chooses, with the rules of engagement ([`crate::reply`]);
//! - [`Desk::persona_map`]: what each persona thinks, topic by topic.
//!
//! Customers' profiles (influence, stance) are ranked on demand
//! ([`Desk::refresh_profiles`]: everybody, the mention graph included), and
//! each customer message brings its writer's profile up to date at once:
//! their activity, the reactions they drew and their stance over the week up
//! to that message, the graph's figures (mentions received, reach) from the
//! last refresh. A customer who turns angry is an influential detractor from
//! that message on, not from the next refresh. A customer who refused
//! profiling is never profiled: the types carry that outcome
//! ([`Profile::Refused`]).
//!
//! With the `serde` feature a desk is a plain value: stored and restored
//! (and checked when read), and replaying the same events in any batch sizes
//! gives the same desk (but for its [revision](Desk::revision), which counts
//! calls). Every answer it gives is serializable too, and any serde format
//! will do: JSON for a desk people read, a binary one such as postcard for
//! a big desk (45 % of the bytes, a third to a half of the time to read,
//! about a third of the time to write; see below). Empty fields are left out of
//! JSON and written in binary formats, which read a struct's fields by
//! position; there the words of the crate's enums are stored as their
//! position in `ALL`, and a new value is only ever added last. Read a
//! stored JSON desk from a `String` (the file read to a string, then
//! `serde_json::from_str`): the text is checked as UTF-8 once, where
//! `serde_json::from_slice` checks every string again (a sixth more time
//! on the sample week's desks).
//!
//! # What it costs
//!
//! The desk keeps what it worked out: each customer message's mood is
//! scored once, when it arrives, and kept beside its conversation for the
//! queue, the profile refresh and the persona map; each waiting
//! conversation's triage inputs and SLA clocks are brought up to date by
//! the events that touch it, so reading the queue only moves the running
//! clocks forward and sorts; each customer's profile keeps their messages
//! of the week (time, mood, reactions): 80 of the 1,219 bytes per
//! conversation at a million below, where the sample's 80 customers write
//! every message of the week's million conversations.
//! Measured on a 2-core machine with the sample
//! week's shape (`cargo run --release --example desk_scale` prints the
//! curve from 1,000 to 1,000,000 conversations; `cargo bench --bench
//! desk_service` the precise figures at 100,000):
//!
//! | conversations | apply an event | memory | snapshot (JSON) | restore |
//! |---|---|---|---|---|
//! | 10,000 | 0.8 to 1.0 µs | 1.8 KB each | 18 to 21 ms, 9.7 MB | 26 to 30 ms |
//! | 100,000 | 0.7 to 1.0 µs | 1.34 KB each | 0.15 to 0.17 s, 96 MB | 0.30 s |
//! | 1,000,000 | 0.71 to 0.79 µs | 1.22 KB each | 1.4 to 1.7 s, 960 MB | 2.9 to 11.5 s |
//!
//! Reading the queue costs 0.18 µs per waiting conversation at 10,000
//! waiting, 0.32 to 0.37 µs at 100,000 and 0.39 to 0.40 µs at 1,000,000.
//! A profile refresh over a week of 100,000 conversations takes 43 ms
//! (`profiles/refresh_100k`), 0.9 s at 1,000,000. Dropping a desk takes
//! 3, 23 and 228 ms at ten thousand, a hundred thousand and a million
//! conversations. Restores at a million vary from run to run of the same
//! code on a virtual machine (the range above): the process asks the
//! kernel for 1.2 GB of fresh memory, and zeroing those pages alone took
//! from about a fifth to half of the time. In a process that
//! already has the memory (a second restore after the first desk is
//! dropped) a million conversations are read in 2.4 to 2.8 s. That is the
//! floor of this format more than of the checks: reading the same JSON
//! into plain strings with no checks costs as much, and into borrowed
//! strings with no text and no checks 1.6 s (with parsing the timestamps,
//! 2.2 s).
//!
//! A binary serde format does not have that floor: no text to scan for
//! quotes and escapes, no field names, and the instants of messages,
//! statuses and posts, the words of enums and the languages written as
//! integers rather than text. In postcard the desk of a million
//! conversations is 432 MB (960 MB of JSON), written in 27 to 35 % and
//! read back in 32 to 51 % of JSON's time, measured side by side on
//! a day this machine ran about twice as slow as for the table above
//! (`sla_cases` 29.8 to 33.5 ms against 15 ms):
//!
//! | conversations | JSON: write, read | postcard: write, read |
//! |---|---|---|
//! | 10,000 (`desk_scale`, "again") | 29 ms, 56 ms | 10 ms, 23 ms |
//! | 100,000 (`cargo bench --bench desk_service -- snapshot/`) | 248 ms, 444 ms | 87 ms, 227 ms |
//! | 1,000,000, memory reused (`desk_scale`, "again") | 2.2 s, 4.8 s | 0.60 s, 1.52 s |
//! | 1,000,000, a process of its own | | 0.69 to 0.82 s, 1.76 to 1.79 s |
//!
//! The last line is a process that only reads the snapshot file and the
//! desk (then writes it), three runs; a fourth read took 4.3 s, 2.9 s of it
//! in the kernel handing out fresh memory. That is what varies on a virtual
//! machine: in `desk_scale`'s process, which holds the built desk, its
//! events and the JSON snapshot besides, writing the postcard snapshot into
//! a new buffer took 4.7 s and the first JSON restore 11.8 s. So store a
//! big desk in a binary format, write it through a buffered writer rather
//! than into one large buffer, and persist it by its changes (below).
//!
//! A service need not write the whole desk every minute: it stores the desk
//! once, then what changed since ([`Desk::changes_since`]: the
//! conversations that changed, whole, the profiles that moved, the
//! customers that changed, and the rest of the desk), and a restarted
//! service reads the desk and brings it up to date
//! ([`Desk::apply_changes`]). On the desk of 1,000,000 conversations, the
//! changes after one more copy of the week (445 events, 100 new
//! conversations, the profile of everyone who wrote moved) took 0.1 s to
//! work out and write (0.30 MB of JSON) and 30 ms to read and apply
//! (`desk_scale`); at 100,000, 9 ms and 5 ms. On the slower day of the
//! postcard table above, three runs at a million gave 74 to 175 ms and 35
//! to 445 ms: in `desk_scale`'s process, which holds several copies of the
//! desk, fresh memory is what varies. The directory goes
//! customer by customer: those a record, a handle, a consent decision, a
//! merge, an erasure or a newcomer changed, with their records, the
//! handles a record took from them and their newcomer marks, so that a
//! directory of millions of customers does not
//! make every set of changes as big as itself. The rest of the desk
//! (configuration, crisis monitor) is written whole each time: small
//! beside the conversations.
//! A restarted service still reads the whole snapshot first: split a desk
//! before that restore takes longer than a restart may.
//!
//! # Beyond one process
//!
//! A desk's state falls in four kinds, and each says how a desk too big for
//! one process is split:
//!
//! - **Per conversation**: its messages and statuses, its assignments and
//!   priority changes, who holds it, its queue entry and SLA clocks. Nothing
//!   here reads another conversation.
//! - **Per customer**: the directory record, handles, merges, consent,
//!   erasures, and the profile (influence and stance) a refresh gives. A
//!   customer's conversations need it for their SLA policy (roles,
//!   language), their triage (profile, value) and their replies.
//! - **Per stream**: the crisis monitor counts every customer message of
//!   the brand and of each channel, hour by hour, and its detector reads
//!   those series. A stream must see all of the brand's messages.
//! - **Per roster**: who is on shift and how loaded each agent is, which
//!   routing reads and changes.
//!
//! So:
//!
//! 1. **By brand** first: brands share nothing, and each gets desks of its
//!    own, in processes of their own.
//! 2. **By queue** when the teams are separate: a French desk and a Spanish
//!    desk, or social and e-mail, each with its roster, fed by a router that
//!    reads the channel and language of each message.
//! 3. **By customer hash** within one queue: the front door resolves the
//!    author (a shared handle → shard table, filled as newcomers are made)
//!    and sends every event of a customer's conversations, records and
//!    consent to the same shard, so per-conversation and per-customer state
//!    stay together. Hashing conversations alone would scatter a customer's
//!    conversations, and every customer event would have to reach every
//!    shard. A merge of two customers on different shards moves the
//!    absorbed one's conversations (their events replayed on the keeper's
//!    shard); an erasure is sent to every shard, as a handle may have
//!    reached several before it was resolved.
//! 4. **Streams are combined, not split**: each shard forwards the customer
//!    messages it accepts (time, channel, author handle, tags, no text) to
//!    one monitor process, which runs a [`crate::crisis::Monitor`] over the
//!    whole brand and sends its alerts back; the shards mark conversations
//!    of an alerting stream as in crisis. Hourly counts add up, so the
//!    monitor may take per-shard counts instead of messages, at the price
//!    of the drivers (who posts most) it reports. Profiles are combined the
//!    same way: the who-mentions-whom graph spans every shard, so influence
//!    is ranked centrally ([`crate::influence`]) and the scores sent back.
//! 5. **The queue is merged**: each shard reads its queue already in order,
//!    and the desk-wide queue is a k-way merge on (score, since, id), the
//!    order every shard uses. Routing takes the head of the merged queue,
//!    with one roster owned by one process.
//!
//! What a service would run that on: one process per shard, one core each,
//! sized to a few hundred thousand conversations (under a second to restore
//! a JSON snapshot); a log partitioned by the shard key (Kafka, Redpanda or
//! NATS JetStream, which keep the order within a key that the desk's
//! duplicate and out-of-order rules rely on); one monitor process and one
//! routing process per brand; snapshots written per shard, every minute,
//! with the log's offset beside them, so that a restarted shard restores
//! its snapshot and replays the log from that offset (a second delivery is
//! a duplicate, never applied twice).
//!
//! ```
//! use social_crm::desk::{Desk, DeskConfig};
//! use social_crm::sample;
//!
//! let week = sample::week();
//! let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
//! let applied = desk.apply_all(week.events(), week.now);
//! assert!(applied.alerts.iter().any(|a| a.stream == "all"));
//! assert_eq!(applied.counts().rejected, 0);
//! desk.refresh_profiles(week.now)?;
//! let queue = desk.queue(week.now)?;
//! let first = &queue[0];
//! println!("{} {:.0}: {}", first.conversation, first.score, first.reasons(3).join(", "));
//! let decisions = desk.route(week.now)?;
//! let suggestion = desk.suggest(&first.conversation, week.now)?;
//! assert!(suggestion.text.contains(" — "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod board;
mod changes;
mod event;
mod map;
mod moods;
mod profiles;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;
use std::sync::OnceLock;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use moods::{has_mood, Mood, Thread, Unanswered};
use profiles::{Known, Profiles, PROFILE_WINDOW};

pub use changes::DeskChanges;
use changes::Revision;
pub use event::{Applied, Counts, Erasure, Event, Outcome, ERASED};
pub use map::{Cell, LeftOut, Period, PersonaMap};

use crate::crisis::{Monitor, Settings as CrisisSettings, Status, StreamKey, StreamKind};
use crate::directory::{Directory, Resolution};
use crate::error::{Error, ErrorKind, Result};
use crate::influence::{rank_customers_scored, InfluenceOutcome, Post, RankOptions};
use crate::model::{
    assign_persona, Agent, AgentId, Channel, Conversation, ConversationId, Customer, CustomerId,
    Direction, Handle, Interaction, KeyedMap, Language, Persona, PersonaAssignment,
};
use crate::reply::{advise, Advice, ReplyContext, Templates, Vars};
use crate::routing::{route, Decision, Escalation, Need, Roster, Routing};
use crate::sentiment::Analyzer;
use crate::sla::{evaluate, BusinessCalendar, ConversationSla, PolicySet, Priority, TicketContext};
use crate::triage::{Profile, SlaUrgency, TriageWeights, Triaged, Waiting};

/// The influence from which a detractor goes to a senior agent.
const SENIOR_INFLUENCE: f64 = 60.0;

/// What a waiting conversation's unanswered messages call for, besides
/// their place in the queue.
#[derive(Debug, Clone, Copy, Default)]
struct Calls {
    /// The most negative of them is labelled negative.
    complaining: bool,
    /// One of them calls for a senior agent
    /// ([`Sentiment::escalates`](crate::sentiment::Sentiment::escalates)).
    escalating: bool,
}

/// How far after "now" an event may be dated, by default.
pub const DEFAULT_FUTURE_TOLERANCE: SignedDuration = SignedDuration::from_mins(5);

/// Everything a desk is configured with.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DeskConfig {
    /// The desk's time zone (days, weeks, the crisis cycle).
    #[cfg_attr(feature = "serde", serde(with = "crate::time::serde_zone"))]
    pub time_zone: TimeZone,
    /// The desk's opening hours, for the SLA clocks.
    pub calendar: BusinessCalendar,
    /// SLA policies, first match wins.
    pub policies: PolicySet,
    /// The agents, their shifts, and the conversations each holds (kept up
    /// to date by [`Desk::route`] and [`Desk::apply_all`]).
    pub roster: Roster,
    /// Personas, in the order they are tried.
    pub personas: Vec<Persona>,
    /// Reply templates.
    pub templates: Templates,
    /// Triage weights.
    pub weights: TriageWeights,
    /// Crisis detection settings (buckets, zone, escalation chain).
    pub crisis: CrisisSettings,
    /// The brand's own handles (mentions of them make the stance).
    pub brand_handles: Vec<Handle>,
    /// How far after "now" an event may be dated and still be taken (the
    /// clocks of the platforms and of the service differ a little); later
    /// ones are refused. Five minutes by default.
    #[cfg_attr(feature = "serde", serde(default = "default_future_tolerance"))]
    pub future_tolerance: SignedDuration,
    /// The language to answer in when neither the conversation nor the
    /// customer says, nor their messages tell.
    #[cfg_attr(feature = "serde", serde(default = "default_language"))]
    pub default_language: Language,
}

impl DeskConfig {
    /// A configuration with the default policies, templates and weights,
    /// one-hour crisis buckets in the desk's zone, and no personas or brand
    /// handles.
    ///
    /// # Errors
    ///
    /// As [`PolicySet::care_desk_default`].
    pub fn new(
        time_zone: TimeZone,
        calendar: BusinessCalendar,
        roster: Roster,
    ) -> Result<DeskConfig> {
        Ok(DeskConfig {
            crisis: CrisisSettings::new(SignedDuration::from_hours(1))?
                .with_time_zone(time_zone.clone()),
            time_zone,
            calendar,
            policies: PolicySet::care_desk_default()?,
            roster,
            personas: Vec::new(),
            templates: Templates::builtin(),
            weights: TriageWeights::default(),
            brand_handles: Vec::new(),
            future_tolerance: DEFAULT_FUTURE_TOLERANCE,
            default_language: Language::ENGLISH,
        })
    }

    /// What the policies promise that the roster cannot deliver: each
    /// channel or language a policy names that no agent works on or speaks.
    /// Check it when the configuration is built: a conversation there would
    /// wait for nobody.
    ///
    /// ```
    /// use social_crm::desk::{DeskConfig, Gap};
    /// use social_crm::{sample, Channel};
    ///
    /// let config = DeskConfig::sample(&sample::week())?;
    /// // The default policies promise WhatsApp answers; nobody works on it.
    /// assert!(config.gaps().iter().any(|g| matches!(g, Gap::Channel { channel: Channel::WhatsApp, .. })));
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    pub fn gaps(&self) -> Vec<Gap> {
        use crate::sla::Condition;
        let agents = self.roster.agents();
        let mut gaps = BTreeSet::new();
        for policy in self.policies.policies() {
            for condition in policy.conditions() {
                match condition {
                    Condition::Channel(channels) => {
                        for channel in channels {
                            if !agents.iter().any(|a| a.works_on(channel)) {
                                gaps.insert(Gap::Channel {
                                    policy: policy.name().to_owned(),
                                    channel: channel.clone(),
                                });
                            }
                        }
                    }
                    Condition::Language(languages) => {
                        for &language in languages {
                            if !agents.iter().any(|a| a.speaks(language)) {
                                gaps.insert(Gap::Language {
                                    policy: policy.name().to_owned(),
                                    language,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        gaps.into_iter().collect()
    }

    /// The sample week's desk (see [`crate::sample`]): open 08:00-02:00
    /// every day in Paris, its six agents on their shifts, its personas and
    /// brand handles.
    ///
    /// # Errors
    ///
    /// None in practice; the `Result` carries the checks of the parts.
    pub fn sample(week: &crate::sample::SampleWeek) -> Result<DeskConfig> {
        use crate::sla::WeeklySchedule;
        let zone = week.time_zone.clone();
        let calendar = |shift: &str| -> Result<BusinessCalendar> {
            BusinessCalendar::new(
                zone.clone(),
                WeeklySchedule::new().every_day(shift.parse()?),
            )
        };
        // Two shifts cover the desk's 18 hours; the lead works the evening.
        let shifts = [
            ("a1", "08:00-16:00"),
            ("a2", "08:00-16:00"),
            ("a3", "10:00-18:00"),
            ("a4", "16:00-02:00"),
            ("a5", "16:00-02:00"),
            ("a6", "12:00-22:00"),
        ];
        let mut roster = Roster::new(week.agents.iter().cloned());
        for (agent, shift) in shifts {
            roster = roster.with_shifts(agent, calendar(shift)?)?;
        }
        let mut config = DeskConfig::new(zone.clone(), calendar("08:00-02:00")?, roster)?;
        config.personas = week.personas.clone();
        config.brand_handles = week.brand_handles.clone();
        config.default_language = Language::FRENCH;
        Ok(config)
    }
}

/// Something the desk's policies promise that its roster cannot deliver.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Gap {
    /// A policy names a channel no agent works on.
    Channel {
        /// The policy.
        policy: String,
        /// The channel.
        channel: Channel,
    },
    /// A policy names a language no agent speaks.
    Language {
        /// The policy.
        policy: String,
        /// The language.
        language: Language,
    },
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Gap::Channel { policy, channel } => {
                write!(
                    f,
                    "policy `{policy}` covers {channel}, but no agent works on it"
                )
            }
            Gap::Language { policy, language } => write!(
                f,
                "policy `{policy}` covers {}, but no agent speaks it",
                language.name()
            ),
        }
    }
}

#[cfg(feature = "serde")]
fn default_future_tolerance() -> SignedDuration {
    DEFAULT_FUTURE_TOLERANCE
}

#[cfg(feature = "serde")]
fn default_language() -> Language {
    Language::ENGLISH
}

/// What was done with a conversation besides its messages and statuses:
/// every assignment and priority change applied, oldest first, so that a
/// second delivery of any of them is known as one.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
struct Handling {
    #[cfg_attr(feature = "serde", serde(default))]
    assignments: Vec<(Timestamp, Option<AgentId>)>,
    #[cfg_attr(feature = "serde", serde(default))]
    priorities: Vec<(Timestamp, Priority)>,
}

#[cfg(feature = "serde")]
serialize_struct!(Handling {
    assignments if Vec::is_empty,
    priorities if Vec::is_empty,
});

impl Handling {
    fn is_in_order(&self) -> bool {
        self.assignments.windows(2).all(|w| w[0].0 <= w[1].0)
            && self.priorities.windows(2).all(|w| w[0].0 <= w[1].0)
    }
}

/// A suggested reply.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Suggestion {
    /// The conversation.
    pub conversation: ConversationId,
    /// The agent who should send it.
    pub agent: AgentId,
    /// What the rules advise.
    pub advice: Advice,
    /// The rendered text, signed by the agent.
    pub text: String,
}

/// The desk's crisis monitor: the whole brand and each channel, on a grid
/// from `start`.
fn desk_monitor(config: &DeskConfig, start: Timestamp) -> Monitor {
    Monitor::new(
        config.crisis.clone(),
        start,
        [StreamKind::All, StreamKind::Channel],
    )
}

/// The care desk: configuration and state, in one value.
///
/// A stored desk is checked when read, as every stored type inside it is:
/// profiles with influences outside 0 to 100, holders or priorities of
/// conversations the desk does not have, holders who are not on the roster,
/// a conversation stored under another id, or newcomers the directory does
/// not hold are an [`ErrorKind::InvalidState`], and a conversation stored
/// twice an error of the format, so no restored desk can make a later call
/// panic, reach a state that no longer reads back, or lose what it was
/// given.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DeskFields"))]
pub struct Desk {
    config: DeskConfig,
    directory: Directory,
    conversations: BTreeMap<ConversationId, Thread>,
    monitor: Monitor,
    holders: BTreeMap<ConversationId, AgentId>,
    profiles: Profiles,
    /// Each conversation's assignments and priority changes, as applied.
    handling: BTreeMap<ConversationId, Handling>,
    /// The customer events applied to each record: when, and the handle
    /// for a new handle (`None` for the whole record).
    records: BTreeMap<CustomerId, Vec<(Timestamp, Option<Handle>)>>,
    /// The handles a customer record took from each customer (a record
    /// that no longer lists them): a consent decision taken through one of
    /// them and delivered again stays that customer's, though nobody owns
    /// the handle now.
    released: BTreeMap<CustomerId, Vec<Handle>>,
    /// Customers the desk made for authors it did not know.
    provisional: BTreeSet<CustomerId>,
    /// The number of the next `new-N` customer.
    next_newcomer: u64,
    erasures: Vec<Erasure>,
    /// How many calls changed a conversation, a customer, the profiles or
    /// the erasures (see [`Desk::changes_since`]).
    revision: Revision,
    /// The revision of the last change of each customer id's directory
    /// entry, records or newcomer mark, since the desk was made, restored
    /// or brought up to date (see [`Desk::changes_since`]).
    #[cfg_attr(feature = "serde", serde(skip))]
    customers_changed: KeyedMap<CustomerId, u64>,
    /// The revisions of the last `erasures` (those applied since the desk
    /// was made, restored or brought up to date), oldest first.
    #[cfg_attr(feature = "serde", serde(skip))]
    erasures_changed: Vec<u64>,
    #[cfg_attr(feature = "serde", serde(skip))]
    analyzer: Analyzer,
    /// The queue's inputs, kept as events arrive; worked out from the
    /// conversations the first time the queue is read.
    #[cfg_attr(feature = "serde", serde(skip))]
    board: OnceLock<board::Board>,
}

impl Desk {
    /// Checks what a stored desk holds (see [`Desk`]).
    #[cfg(feature = "serde")]
    fn check(&self) -> Result<()> {
        for (id, conversation) in &self.conversations {
            if conversation.id() != id {
                return crate::error::invalid_state(
                    "desk",
                    format!("conversation `{}` is stored as `{id}`", conversation.id()),
                );
            }
        }
        self.check_links()
    }

    /// Checks what refers to something else: holders, assignments and
    /// newcomers (all that `check` checks but each conversation's id; a
    /// profile is checked when read, on its own).
    fn check_links(&self) -> Result<()> {
        let invalid = |reason: String| crate::error::invalid_state("desk", reason);
        for (id, agent) in &self.holders {
            if !self.conversations.contains_key(id) {
                return invalid(format!(
                    "`{agent}` holds `{id}`, which the desk does not have"
                ));
            }
            if self.config.roster.agent(agent.as_str()).is_none() {
                return invalid(format!(
                    "`{id}` is held by `{agent}`, who is not on the roster"
                ));
            }
        }
        for (id, handling) in &self.handling {
            if !self.conversations.contains_key(id) {
                return invalid(format!(
                    "`{id}` has assignments or priorities but the desk does not have it"
                ));
            }
            if !handling.is_in_order() {
                return invalid(format!(
                    "the assignments or priorities of `{id}` are out of order"
                ));
            }
        }
        if let Some(id) = self
            .provisional
            .iter()
            .find(|id| self.directory.get(id.as_str()).is_none_or(|c| c.id != **id))
        {
            return invalid(format!("newcomer `{id}` is not in the directory"));
        }
        Ok(())
    }

    /// A desk with no conversation yet. The crisis monitor's buckets start
    /// at the first interaction's hour.
    pub fn new(config: DeskConfig, directory: Directory) -> Desk {
        Desk {
            monitor: desk_monitor(&config, Timestamp::UNIX_EPOCH),
            config,
            directory,
            conversations: BTreeMap::new(),
            holders: BTreeMap::new(),
            profiles: Profiles::default(),
            handling: BTreeMap::new(),
            records: BTreeMap::new(),
            released: BTreeMap::new(),
            provisional: BTreeSet::new(),
            next_newcomer: 1,
            erasures: Vec::new(),
            revision: Revision::default(),
            customers_changed: KeyedMap::default(),
            erasures_changed: Vec::new(),
            analyzer: Analyzer::default(),
            board: OnceLock::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &DeskConfig {
        &self.config
    }

    /// The customer directory.
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    /// One conversation.
    pub fn conversation(&self, id: &ConversationId) -> Option<&Conversation> {
        self.conversations.get(id).map(Deref::deref)
    }

    /// Every conversation, by id.
    pub fn conversations(&self) -> impl Iterator<Item = &Conversation> {
        self.conversations.values().map(Deref::deref)
    }

    /// The crisis monitor.
    pub fn monitor(&self) -> &Monitor {
        &self.monitor
    }

    /// Lets go of the conversations the desk answered, solved or closed:
    /// their agents have one less in their load.
    fn release_finished(&mut self) {
        let finished: Vec<ConversationId> = self
            .holders
            .keys()
            .filter(|id| {
                self.conversations
                    .get(*id)
                    .is_none_or(|c| !c.is_waiting_on_brand())
            })
            .cloned()
            .collect();
        for id in finished {
            if let Some(agent) = self.holders.remove(&id) {
                self.config.roster.release(agent.as_str());
                self.touch(&id);
            }
        }
    }

    /// Records that a conversation (or who holds it, or its assignments and
    /// priorities) changed: it takes the next revision.
    fn touch(&mut self, id: &ConversationId) {
        if let Some(thread) = self.conversations.get_mut(id) {
            self.revision.mark(thread);
        }
    }

    /// A conversation's priority: normal unless an event changed it.
    pub fn priority_of(&self, conversation: &ConversationId) -> Priority {
        self.handling
            .get(conversation)
            .and_then(|h| h.priorities.last())
            .map_or(Priority::Normal, |(_, p)| *p)
    }

    /// The erasures applied, oldest first: when, and what each took (never
    /// who asked).
    pub fn erasures(&self) -> &[Erasure] {
        &self.erasures
    }

    /// The monitor's grid starts on the hour of the first interaction, in
    /// the desk's zone.
    fn start_monitor(&mut self, first: Timestamp) -> Result<()> {
        let zoned = first.to_zoned_datetime(self.config.time_zone.clone());
        let hour = zoned
            .with()
            .minute(0)
            .second(0)
            .subsec_nanosecond(0)
            .build()
            .map_err(|_| {
                Error::from(ErrorKind::OutOfRange {
                    what: format!("the hour of `{first}`"),
                })
            })?;
        self.monitor = desk_monitor(&self.config, hour.timestamp());
        Ok(())
    }

    /// A customer's message scored in its language: the channel's, else
    /// the one its text shows clearly, else the customer's recorded one
    /// (short messages often say too little to tell).
    pub(crate) fn mood_of(&self, message: &Interaction) -> crate::sentiment::Sentiment {
        self.read(message, self.usual_language(message))
    }

    /// The language a message without one of its own falls back on: its
    /// writer's recorded one (`None` when the message names its own).
    fn usual_language(&self, message: &Interaction) -> Option<Language> {
        match message.language {
            // No need to resolve the writer.
            Some(_) => None,
            None => usual_of(message, self.customer_of(message)),
        }
    }

    fn read(&self, message: &Interaction, usual: Option<Language>) -> crate::sentiment::Sentiment {
        self.analyzer
            .score_with_usual_language(&message.text, message.language, usual)
    }

    /// The mood of the `index`-th interaction of a conversation, a
    /// customer's message: as kept when it was scored, else scored now.
    fn mood_at(&self, thread: &Thread, index: usize) -> Mood {
        let message = &thread.interactions()[index];
        let usual = self.usual_language(message);
        thread
            .mood(index, usual)
            .unwrap_or_else(|| Mood::of(&self.read(message, usual)))
    }

    fn customer_of(&self, interaction: &Interaction) -> Option<&Customer> {
        match self.directory.resolve(interaction.customer_handle()?) {
            Resolution::Customer(c) => Some(c),
            _ => None,
        }
    }

    /// A customer's influence, unless they refused profiling or have no
    /// profile yet.
    fn influence_of(&self, customer: &Customer) -> Option<f64> {
        self.profiles.influence(&customer.id)
    }

    /// Brings the profile of `writer` up to date with a message they sent
    /// (see the `profiles` module).
    fn note_post(&mut self, writer: &CustomerId, post: Post) {
        if let Some(customer) = self.directory.get(writer.as_str()) {
            self.profiles.note(customer, post, self.revision.next());
        }
    }

    /// Forgets a customer's profile (merged, erased, or refusing profiling).
    fn forget_profile(&mut self, id: &CustomerId) {
        self.profiles.forget(id, self.revision.next());
    }

    /// Ranks every customer seen in the last week (influence and stance
    /// toward the brand), for triage, routing and the crisis drivers. Between
    /// refreshes, each customer message updates its writer's profile: to what
    /// a refresh at that message would give them, but for the mention graph,
    /// which a refresh alone reads (a writer it has not ranked has no reach
    /// yet). A refresh counts as a change (see [`Desk::revision`]).
    ///
    /// # Errors
    ///
    /// As [`rank_customers`](crate::influence::rank_customers).
    pub fn refresh_profiles(&mut self, now: Timestamp) -> Result<()> {
        let from = now.checked_sub(PROFILE_WINDOW).unwrap_or(now);
        // Each message is scored once: the window's moods are those kept
        // when the messages arrived; any missing (a restored desk's, or a
        // writer's whose language changed) are scored here and kept below.
        let mut scored = Vec::new();
        let mut interactions: Vec<&Interaction> = Vec::new();
        let mut compounds: Vec<f64> = Vec::new();
        for thread in self
            .conversations
            .values()
            .filter(|t| in_window(t, from, now))
        {
            for (k, message) in thread.interactions().iter().enumerate() {
                if message.at < from || message.at > now {
                    continue;
                }
                interactions.push(message);
                // Only customer messages are asked for their mood.
                if !has_mood(message) {
                    compounds.push(f64::NAN);
                    continue;
                }
                let usual = self.usual_language(message);
                let mood = thread.mood(k, usual).unwrap_or_else(|| {
                    let mood = Mood::of(&self.read(message, usual));
                    scored.push((thread.id().clone(), k, mood, usual));
                    mood
                });
                compounds.push(mood.compound);
            }
        }
        let options = RankOptions::default();
        let ranked = rank_customers_scored(
            &self.directory,
            &interactions,
            &self.config.brand_handles,
            (from, now),
            &|k: usize, _: &Interaction, _: &Customer| compounds[k],
            &options,
        );
        for (id, k, mood, usual) in scored {
            if let Some(thread) = self.conversations.get_mut(&id) {
                thread.keep(k, mood, usual);
            }
        }
        let mut ranked = ranked?;
        let revision = self.revision.next();
        let known = ranked
            .report
            .outcomes
            .iter()
            .map(|o| match o {
                InfluenceOutcome::Scored(c) => {
                    let posts = ranked.posts.remove(&c.customer).unwrap_or_default();
                    (
                        c.customer.clone(),
                        Known::ranked(c, posts, revision, &options),
                    )
                }
                InfluenceOutcome::ProfilingRefused(id) => (id.clone(), Known::Refused),
            })
            .collect();
        self.profiles.replace(known, revision);
        self.revision.settle();
        if let Some(mut board) = self.board.take() {
            board.refresh_profiles(self, self.today(now));
            self.board = OnceLock::from(board);
        }
        Ok(())
    }

    /// What triage may use of a customer on `today` (the desk's date).
    fn profile(&self, customer: Option<&Customer>, today: jiff::civil::Date) -> Profile {
        let Some(customer) = customer else {
            return Profile::Unknown;
        };
        if customer.refused_profiling() {
            return Profile::Refused;
        }
        let potentials = match assign_persona(customer, &self.config.personas, today) {
            PersonaAssignment::Matched { persona, .. } => Some(persona.potentials),
            _ => None,
        };
        Profile::Profiled {
            influence: self.influence_in_triage(&customer.id),
            followers: customer.total_followers(),
            potentials,
        }
    }

    /// The influence triage reads for a customer who did not refuse
    /// profiling: their profile's, or none yet (none either when they
    /// refused when last ranked and consent now: the record says).
    fn influence_in_triage(&self, customer: &CustomerId) -> f64 {
        self.profiles.influence(customer).unwrap_or(0.0)
    }

    /// The desk's date at `now`.
    fn today(&self, now: Timestamp) -> jiff::civil::Date {
        now.to_zoned_datetime(self.config.time_zone.clone()).date()
    }

    /// Whether a crisis is active on the brand or the conversation's
    /// channel.
    fn crisis_on(&self, conversation: &Conversation) -> bool {
        self.alerting(&StreamKey::All)
            || conversation
                .first()
                .is_some_and(|i| self.alerting(&StreamKey::Channel(i.channel.clone())))
    }

    /// Whether a crisis stream is alerting.
    fn alerting(&self, key: &StreamKey) -> bool {
        self.monitor
            .stream(key)
            .is_some_and(|w| matches!(w.detector().status(), Status::Alerting(_)))
    }

    /// The waiting conversations, most urgent first, each with its reasons
    /// (as [`crate::triage::triage`] orders them).
    ///
    /// The first reading works out an entry per waiting conversation; from
    /// then on each batch of events brings up to date the entries it
    /// touched, and a reading moves their SLA clocks forward and sorts
    /// (see the module's "What it costs").
    ///
    /// # Errors
    ///
    /// As [`evaluate`] and [`crate::triage::triage`].
    pub fn queue(&self, now: Timestamp) -> Result<Vec<Triaged>> {
        Ok(self.ranked(now)?.0)
    }

    /// The queue, each conversation with what its unanswered messages call
    /// for, from the entries kept as events arrive.
    fn ranked(&self, now: Timestamp) -> Result<(Vec<Triaged>, Vec<Calls>)> {
        self.board
            .get_or_init(|| board::Board::build(self, now))
            .queue(self, now)
    }

    /// [`Desk::waiting_item`] by id.
    fn waiting_item_of(
        &self,
        id: &ConversationId,
        now: Timestamp,
    ) -> Result<Option<(Waiting, Calls)>> {
        match self.conversations.get(id) {
            Some(conversation) => self.waiting_item(conversation, now),
            None => Ok(None),
        }
    }

    /// What the messages at `unanswered` say together.
    fn said(&self, conversation: &Thread, unanswered: &[usize]) -> Unanswered {
        let mut said = Unanswered::default();
        for &k in unanswered {
            said.add(self.mood_at(conversation, k));
        }
        said
    }

    /// One conversation's triage input worked out from the conversation
    /// itself, `None` unless it waits on the brand.
    fn waiting_item(
        &self,
        conversation: &Thread,
        now: Timestamp,
    ) -> Result<Option<(Waiting, Calls)>> {
        let today = self.today(now);
        if !conversation.is_waiting_on_brand() {
            return Ok(None);
        }
        let unanswered = unanswered(conversation);
        let Some(&opener) = unanswered.first() else {
            return Ok(None);
        };
        let first = &conversation.interactions()[opener];
        let customer = self.customer_of(first);
        let said = self.said(conversation, &unanswered);
        let sla = self.sla_of(conversation, customer, now)?;
        let mut item = Waiting::new(conversation.id().clone(), first.at)
            .with_profile(self.profile(customer, today))
            .with_sla(SlaUrgency::of(&sla))
            .in_crisis(self.crisis_on(conversation))
            .with_visibility(first.visibility);
        if let Some(s) = said.worst {
            item = item.with_mood((-s.compound).max(0.0), s.intensity);
        }
        if let Some(c) = customer {
            item = item.with_roles(c.roles.clone());
        }
        Ok(Some((item, said.calls())))
    }

    /// Routes the queue: each waiting conversation not yet held goes to an
    /// agent, or stays queued with the reason. Assignments are kept until
    /// the conversation is answered or closed.
    ///
    /// # Errors
    ///
    /// As [`Desk::queue`] and [`route`].
    pub fn route(&mut self, now: Timestamp) -> Result<Vec<Decision>> {
        let (queue, calls) = self.ranked(now)?;
        let mut needs = Vec::new();
        let mut held = Vec::new();
        for (t, &calls) in queue.iter().zip(&calls) {
            if let Some(agent) = self.holders.get(&t.conversation) {
                held.push(Decision::held(t.conversation.clone(), agent.clone()));
                continue;
            }
            let Some(need) = self.need_of(&t.conversation, calls) else {
                continue;
            };
            needs.push(need);
        }
        let decisions = route(&needs, &mut self.config.roster, now)?;
        for d in &decisions {
            if let Routing::Assigned { agent, .. } = &d.routing {
                self.holders.insert(d.conversation.clone(), agent.clone());
                self.touch(&d.conversation);
            }
        }
        self.revision.settle();
        // The queue's order, held ones included.
        let mut by_id: BTreeMap<ConversationId, Decision> = decisions
            .into_iter()
            .chain(held)
            .map(|d| (d.conversation.clone(), d))
            .collect();
        Ok(queue
            .iter()
            .filter_map(|t| by_id.remove(&t.conversation))
            .collect())
    }

    /// What a conversation needs from whoever answers it: its channel, its
    /// language, its topics, and a senior agent in a crisis, for an
    /// influential customer who speaks against the brand (by their stance,
    /// or by complaining messages waiting), or when a waiting message asks
    /// for a senior agent
    /// ([`Sentiment::escalates`](crate::sentiment::Sentiment::escalates)).
    fn need_of(&self, id: &ConversationId, calls: Calls) -> Option<Need> {
        let conversation = self.conversations.get(id)?;
        let channel = conversation.first()?.channel.clone();
        let customer = self.customer_of_conversation(conversation);
        let mut need = Need::new(id.clone(), channel)
            .with_topics(
                conversation
                    .interactions()
                    .iter()
                    .flat_map(|i| i.tags.iter().cloned()),
            )
            .with_language(self.language_of(conversation, customer));
        let detractor = customer.and_then(|c| self.profiles.get(&c.id)).is_some_and(|k| {
            matches!(k, Known::Scored(s) if s.influence >= SENIOR_INFLUENCE && (s.detractor || calls.complaining))
        });
        if self.crisis_on(conversation) {
            need = need.escalated(Escalation::Crisis);
        } else if detractor {
            need = need.escalated(Escalation::InfluentialDetractor);
        } else if calls.escalating {
            need = need.escalated(Escalation::ByCustomer);
        }
        Some(need)
    }

    /// The customer of a conversation: the author of its first customer
    /// message, when the directory knows them.
    fn customer_of_conversation(&self, conversation: &Conversation) -> Option<&Customer> {
        conversation
            .interactions()
            .iter()
            .find(|i| i.direction == Direction::Inbound)
            .and_then(|i| self.customer_of(i))
    }

    /// The language to answer a conversation in: the language its customer
    /// messages carry, else the customer's preferred one, else the one their
    /// messages are detected in, else the desk's default.
    fn language_of(&self, conversation: &Conversation, customer: Option<&Customer>) -> Language {
        let inbound = || {
            conversation
                .interactions()
                .iter()
                .filter(|i| i.direction == Direction::Inbound)
        };
        inbound()
            .find_map(|i| i.language)
            .or_else(|| customer.and_then(|c| c.language))
            .or_else(|| {
                let text: Vec<&str> = inbound().map(|i| i.text.as_str()).collect();
                crate::sentiment::detect_language(&text.join("\n")).map(|g| g.language)
            })
            .unwrap_or(self.config.default_language)
    }

    /// Who holds a conversation, if anyone.
    pub fn holder(&self, conversation: &ConversationId) -> Option<&AgentId> {
        self.holders.get(conversation)
    }

    /// The reply to send in a conversation: the situation and rules of
    /// engagement, and the text rendered in the customer's language and
    /// signed by the agent who holds it (or, if nobody does yet, the first
    /// agent of the roster who speaks the language).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownConversation`] for an unknown id; a template error
    /// ([`ErrorKind::MissingVariables`]) if a template needs values the desk
    /// does not have; as [`Desk::queue`] for the due time.
    pub fn suggest(&self, id: &ConversationId, now: Timestamp) -> Result<Suggestion> {
        let conversation = self
            .conversations
            .get(id)
            .ok_or_else(|| Error::from(ErrorKind::UnknownConversation { id: id.to_string() }))?;
        let message = conversation
            .awaiting_reply()
            .or_else(|| {
                conversation
                    .interactions()
                    .iter()
                    .rev()
                    .find(|i| i.direction == Direction::Inbound)
            })
            .ok_or_else(|| Error::from(ErrorKind::UnknownConversation { id: id.to_string() }))?;
        // The customer addressed: the author of the message answered, else
        // (an author who deleted their account) the conversation's.
        let customer = self
            .customer_of(message)
            .or_else(|| self.customer_of_conversation(conversation));
        let sentiment = self.mood_of(message);
        let language = self.language_of(conversation, self.customer_of_conversation(conversation));
        let (potentials, influence) = match self.profile(customer, self.today(now)) {
            Profile::Profiled {
                influence,
                potentials,
                ..
            } => (potentials, Some(influence)),
            _ => (None, None),
        };
        let context = ReplyContext::new(message.visibility, sentiment)
            .with_language(language)
            .asking(message.text.contains('?'))
            .in_crisis(self.crisis_on(conversation))
            .profiled(potentials, influence);
        let advice = advise(&context);
        let agent = self.signer(id, advice.language, now)?;
        let name = customer.map_or_else(
            || message.author.to_string(),
            |c| c.display_name.to_string(),
        );
        let due = self.due_text(conversation, customer, advice.language, now)?;
        let vars = Vars::for_reply(&name, agent).set("due", due);
        let template = self
            .config
            .templates
            .get(advice.situation, advice.language)
            .ok_or_else(|| {
                Error::from(ErrorKind::MissingVariables {
                    template: format!("{}/{}", advice.situation, advice.language),
                    missing: vec!["(no template)".to_owned()],
                })
            })?;
        Ok(Suggestion {
            conversation: id.clone(),
            agent: agent.id.clone(),
            text: template.render(&vars)?,
            advice,
        })
    }

    /// Who signs a reply: the agent who holds the conversation, else the
    /// one routing would choose now (on shift, on the channel, speaking the
    /// language, senior when the waiting messages call for one), else the
    /// one whose shift comes next, else anyone on the roster who works on
    /// the channel, speaking the language if one does.
    fn signer(&self, id: &ConversationId, language: Language, now: Timestamp) -> Result<&Agent> {
        let roster = &self.config.roster;
        if let Some(agent) = self.holders.get(id).and_then(|a| roster.agent(a.as_str())) {
            return Ok(agent);
        }
        let calls = match self.conversations.get(id) {
            Some(c) if c.is_waiting_on_brand() => self.said(c, &unanswered(c)).calls(),
            _ => Calls::default(),
        };
        let need = self
            .need_of(id, calls)
            .ok_or_else(|| Error::from(ErrorKind::UnknownConversation { id: id.to_string() }))?;
        let chosen = match crate::routing::choose(&need, roster, now)? {
            Routing::Assigned { agent, .. } => Some(agent),
            Routing::Queued { next, .. } => next.map(|n| n.agent),
        };
        if let Some(agent) = chosen.and_then(|a| roster.agent(a.as_str())) {
            return Ok(agent);
        }
        let on_channel = || roster.agents().iter().filter(|a| a.works_on(&need.channel));
        on_channel()
            .find(|a| a.speaks(language))
            .or_else(|| on_channel().next())
            .ok_or_else(|| {
                ErrorKind::NoAgentForChannel {
                    conversation: id.to_string(),
                    channel: need.channel.to_string(),
                }
                .into()
            })
    }

    /// A conversation's SLA clocks at `now`, under the desk's policies,
    /// hours and the conversation's priority, reading its real status: a
    /// solved or closed conversation's clocks are stopped, pending and on
    /// hold pause the clocks the policy says, reopening starts a new
    /// resolution cycle.
    ///
    /// ```
    /// use social_crm::desk::{Desk, DeskConfig, Event};
    /// use social_crm::sla::{ClockStatus, Metric};
    /// use social_crm::sample;
    ///
    /// let week = sample::week();
    /// let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    /// desk.apply_all(week.events(), week.now);
    /// let sla = desk.sla(&"tw-062".parse()?, week.now)?;
    /// let first = sla.clocks.iter().find(|c| c.metric == Metric::FirstResponse).unwrap();
    /// assert_eq!(first.status, ClockStatus::Breached);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownConversation`] for an unknown id; as [`evaluate`].
    pub fn sla(&self, id: &ConversationId, now: Timestamp) -> Result<ConversationSla> {
        let conversation = self
            .conversations
            .get(id)
            .ok_or_else(|| Error::from(ErrorKind::UnknownConversation { id: id.to_string() }))?;
        self.sla_of(
            conversation,
            self.customer_of_conversation(conversation),
            now,
        )
    }

    fn sla_of(
        &self,
        conversation: &Conversation,
        customer: Option<&Customer>,
        now: Timestamp,
    ) -> Result<ConversationSla> {
        let priority = self.priority_of(conversation.id());
        let context = TicketContext::of(conversation, customer, priority);
        evaluate(
            conversation,
            &context,
            &self.config.policies,
            &self.config.calendar,
            now,
        )
    }

    /// When the desk promises an answer: the next SLA due time, else in an
    /// hour, in the desk's zone and in words of `language` (see
    /// [`due_phrase`]).
    fn due_text(
        &self,
        conversation: &Conversation,
        customer: Option<&Customer>,
        language: Language,
        now: Timestamp,
    ) -> Result<String> {
        let due = self
            .sla_of(conversation, customer, now)?
            .next_due()
            .and_then(|c| c.due)
            .filter(|d| *d > now)
            .unwrap_or_else(|| {
                now.checked_add(SignedDuration::from_hours(1))
                    .unwrap_or(now)
            });
        let zone = &self.config.time_zone;
        Ok(due_phrase(
            &due.to_zoned_datetime(zone.clone()),
            self.today(now),
            language,
        ))
    }

    /// What each persona thinks of the brand and each topic, period by
    /// period, from every customer message the desk has seen.
    pub fn persona_map(&self, period: Period) -> PersonaMap {
        // The map reads customer messages only, each with its mood.
        let mut interactions: Vec<&Interaction> = Vec::new();
        let mut moods: Vec<Mood> = Vec::new();
        for conversation in self.conversations.values() {
            for (k, message) in conversation.interactions().iter().enumerate() {
                if has_mood(message) {
                    interactions.push(message);
                    moods.push(self.mood_at(conversation, k));
                }
            }
        }
        let mood = |k: usize, _: &Interaction, _: &Customer| (moods[k].label, moods[k].compound);
        PersonaMap::build_scored(
            &interactions,
            &self.directory,
            &self.config.personas,
            &mood,
            &self.config.time_zone,
            period,
        )
    }
}

/// What a stored [`Desk`] holds, checked when read.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DeskFields {
    config: DeskConfig,
    directory: Directory,
    #[serde(deserialize_with = "conversations_in_order")]
    conversations: BTreeMap<ConversationId, Thread>,
    monitor: Monitor,
    holders: BTreeMap<ConversationId, AgentId>,
    profiles: Profiles,
    #[serde(default)]
    handling: BTreeMap<ConversationId, Handling>,
    #[serde(default)]
    records: BTreeMap<CustomerId, Vec<(Timestamp, Option<Handle>)>>,
    #[serde(default)]
    released: BTreeMap<CustomerId, Vec<Handle>>,
    #[serde(default)]
    provisional: BTreeSet<CustomerId>,
    #[serde(default = "first_newcomer")]
    next_newcomer: u64,
    #[serde(default)]
    erasures: Vec<Erasure>,
    #[serde(default)]
    revision: u64,
}

/// Reads the stored conversations into a list, then the map: a desk is
/// stored in the map's order, and a map built from a sorted list fills its
/// nodes where one built key by key leaves about half of each empty
/// (restoring a million conversations took 5 % less time, and dropping
/// them a third of it). A conversation stored twice is refused, not
/// overwritten.
#[cfg(feature = "serde")]
fn conversations_in_order<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<ConversationId, Thread>, D::Error> {
    struct Conversations;
    impl<'de> serde::de::Visitor<'de> for Conversations {
        type Value = BTreeMap<ConversationId, Thread>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map of conversations by id")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut all: Vec<(ConversationId, Thread)> =
                Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
            // Ids in strictly increasing order (as stored) cannot repeat.
            let mut in_order = true;
            while let Some((id, thread)) = map.next_entry::<ConversationId, Thread>()? {
                in_order &= all.last().is_none_or(|(last, _)| *last < id);
                all.push((id, thread));
            }
            if !in_order {
                all.sort_by(|a, b| a.0.cmp(&b.0));
                if let Some(twice) = all.windows(2).find(|w| w[0].0 == w[1].0) {
                    return Err(serde::de::Error::custom(format!(
                        "conversation `{}` is stored twice",
                        twice[0].0
                    )));
                }
            }
            // The map's own sort is one pass over a sorted list.
            Ok(all.into_iter().collect())
        }
    }
    d.deserialize_map(Conversations)
}

#[cfg(feature = "serde")]
fn first_newcomer() -> u64 {
    1
}

#[cfg(feature = "serde")]
impl TryFrom<DeskFields> for Desk {
    type Error = Error;

    fn try_from(f: DeskFields) -> Result<Desk> {
        let desk = Desk {
            config: f.config,
            directory: f.directory,
            conversations: f.conversations,
            monitor: f.monitor,
            holders: f.holders,
            profiles: f.profiles,
            handling: f.handling,
            records: f.records,
            released: f.released,
            provisional: f.provisional,
            next_newcomer: f.next_newcomer,
            erasures: f.erasures,
            revision: Revision::restored(f.revision),
            customers_changed: KeyedMap::default(),
            erasures_changed: Vec::new(),
            analyzer: Analyzer::default(),
            board: OnceLock::new(),
        };
        desk.check()?;
        Ok(desk)
    }
}

/// The language a message without one of its own falls back on: its
/// writer's recorded one (`None` when the message names its own).
fn usual_of(message: &Interaction, writer: Option<&Customer>) -> Option<Language> {
    match message.language {
        Some(_) => None,
        None => writer.and_then(|c| c.language),
    }
}

/// Whether a thread may have messages sent in `[from, to]`: its messages
/// are in time order, so one whose last is before `from` or whose first is
/// after `to` has none (a year's desk is mostly such threads).
fn in_window(thread: &Conversation, from: Timestamp, to: Timestamp) -> bool {
    let messages = thread.interactions();
    messages.first().is_some_and(|m| m.at <= to) && messages.last().is_some_and(|m| m.at >= from)
}

/// The places of the customer's messages since the desk's last reply,
/// oldest first.
fn unanswered(conversation: &Conversation) -> Vec<usize> {
    let messages = conversation.interactions();
    let first = board::first_unanswered(conversation).unwrap_or(messages.len());
    (first..messages.len())
        .filter(|&k| messages[k].direction == Direction::Inbound)
        .collect()
}

/// A due time as a customer reads it after "before": the time alone when it
/// is today, with "tomorrow" or the weekday within the week, with the date
/// beyond ("avant demain 11:40", "by Mon 09:00", "antes de mañana 11:40").
/// Languages without their own words get the English ones.
///
/// ```
/// use social_crm::desk::due_phrase;
/// use social_crm::jiff::{civil::date, tz::TimeZone};
/// use social_crm::Language;
///
/// let today = date(2026, 11, 20); // a Friday
/// let due = date(2026, 11, 21).at(11, 40, 0, 0).to_zoned_datetime(TimeZone::UTC)?;
/// assert_eq!(due_phrase(&due, today, Language::FRENCH), "demain 11:40");
/// let monday = date(2026, 11, 23).at(9, 0, 0, 0).to_zoned_datetime(TimeZone::UTC)?;
/// assert_eq!(due_phrase(&monday, today, Language::ENGLISH), "Mon 09:00");
/// assert_eq!(due_phrase(&monday, today, Language::SPANISH), "el lunes a las 09:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn due_phrase(
    due: &jiff::ZonedDateTime,
    today: jiff::civil::Date,
    language: Language,
) -> String {
    const FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const ES: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let time = due.strftime("%H:%M").to_string();
    let day = due.date();
    let weekday = usize::from(day.weekday().to_monday_zero_offset().unsigned_abs());
    let days_ahead = (day - today).get_days();
    let (fr, es) = (language == Language::FRENCH, language == Language::SPANISH);
    match days_ahead {
        i32::MIN..=0 => time,
        1 if fr => format!("demain {time}"),
        1 if es => format!("mañana a las {time}"),
        1 => format!("tomorrow {time}"),
        2..=6 if fr => format!("{} {time}", FR[weekday]),
        2..=6 if es => format!("el {} a las {time}", ES[weekday]),
        2..=6 => format!("{} {time}", EN[weekday]),
        _ if fr => format!("{} {} {time}", FR[weekday], day.strftime("%d/%m")),
        _ if es => format!("el {} {} a las {time}", ES[weekday], day.strftime("%d/%m")),
        _ => format!("{} {} {time}", EN[weekday], day.strftime("%d %b")),
    }
}
