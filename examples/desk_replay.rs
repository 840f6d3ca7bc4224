//! A care desk driven by JSON lines: events in on stdin, what the desk says
//! out on stdout. The interface independent checks drive; keep its format.
//!
//! ```text
//! cargo run --release --example desk_replay < events.jsonl
//! ```
//!
//! Input, one JSON object per line (unknown fields are errors):
//!
//! - `{"kind":"config","zone":"Europe/Paris","open":"08:00-02:00","agents":[{"id":"a1","name":"Eric Dupont","languages":["fr","en"],"channels":["twitter","email"],"capacity":5}]}`
//!   comes first: a desk open every day on that shift (each agent works it),
//!   with the crate's default SLA policies.
//! - `{"kind":"message","id":"m1","conversation":"c1","channel":"twitter","direction":"inbound","author":"@jean","at":"2026-11-20T18:05:00+01:00","text":"...","lang":"fr"}`:
//!   `direction` is `inbound` (the author is a handle on the channel),
//!   `outbound` or `note` (the author is an agent id); `lang` is optional.
//! - `{"kind":"status","conversation":"c1","status":"solved","at":"..."}`,
//!   status one of `open`, `pending`, `on_hold`, `solved`, `closed`,
//!   `reopened`.
//! - `{"kind":"consent","handle":"twitter:@jean","purpose":"profiling","decision":"refused","at":"..."}`.
//! - `{"kind":"erase","handle":"twitter:@jean","at":"..."}`.
//! - `{"kind":"now","at":"..."}`: the events read since the previous `now`
//!   are applied as one batch at that instant (as a service applies what its
//!   webhooks delivered), then one line is printed:
//!   `{"at":"...","waiting":["c3","c1"],"sla":{"c1":{"first_response":"achieved","next_response":"breached","resolution":"paused"}},"outcomes":{"applied":3,"duplicate":0,"late":0,"rejected":1}}`:
//!   the waiting conversations in queue order, each conversation not closed
//!   with the status of its latest clock of each metric (lowercase snake
//!   case), and the outcome counts since the previous `now`.
//! - `{"kind":"snapshot"}` prints `{"snapshot":<the serialized desk>}`;
//!   `{"kind":"restore","snapshot":<...>}` replaces the desk with it. Events
//!   read but not yet applied (no `now` since) belong to the replay, not to
//!   the desk: they wait for the next `now` across a restore, so a snapshot
//!   restored at once changes nothing that follows.
//!
//! A line that cannot be read prints `{"error":"<message>","line":N}` (lines
//! count from 1) and the replay goes on; blank lines are skipped. An event
//! the desk refuses is not an error of the line: it counts as `rejected`.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};
use serde_json::json;
use social_crm::desk::{Counts, Desk, DeskConfig, Event};
use social_crm::jiff::tz::TimeZone;
use social_crm::jiff::Timestamp;
use social_crm::routing::Roster;
use social_crm::sla::{BusinessCalendar, WeeklySchedule};
use social_crm::{
    Agent, AgentId, Channel, ConversationStatus, Decision, Direction, Directory, Handle,
    Interaction, Language, Purpose,
};

#[path = "support/exit.rs"]
mod exit;

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum Line {
    Config {
        zone: String,
        open: String,
        agents: Vec<AgentLine>,
    },
    Message {
        id: String,
        conversation: String,
        channel: String,
        direction: String,
        author: String,
        at: Timestamp,
        text: String,
        #[serde(default)]
        lang: Option<String>,
    },
    Status {
        conversation: String,
        status: String,
        at: Timestamp,
    },
    Consent {
        handle: String,
        purpose: String,
        decision: String,
        at: Timestamp,
    },
    Erase {
        handle: String,
        at: Timestamp,
    },
    Now {
        at: Timestamp,
    },
    Snapshot {},
    Restore {
        snapshot: Box<Desk>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentLine {
    id: String,
    name: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    channels: Vec<String>,
    capacity: u32,
}

/// The replay: the desk once configured, the events waiting for the next
/// `now`, and the outcomes counted since the previous one.
#[derive(Default)]
struct Replay {
    desk: Option<Desk>,
    inbox: Vec<Event>,
    counts: Counts,
}

type Failure = Box<dyn std::error::Error>;

impl Replay {
    /// Handles one line; returns what to print, if anything.
    fn line(&mut self, text: &str) -> Result<Option<String>, Failure> {
        let line: Line = serde_json::from_str(text)?;
        if let Line::Config { zone, open, agents } = line {
            if self.desk.is_some() {
                return Err("the desk is already configured: `config` comes once, first".into());
            }
            self.desk = Some(configure(&zone, &open, agents)?);
            return Ok(None);
        }
        let Some(desk) = self.desk.as_mut() else {
            return Err("the first line must be the desk's `config`".into());
        };
        match line {
            Line::Config { .. } => unreachable!("handled above"),
            Line::Now { at } => {
                let applied = desk.apply_all(std::mem::take(&mut self.inbox), at);
                for outcome in &applied.outcomes {
                    self.counts.add(outcome);
                }
                let report = report(desk, at, std::mem::take(&mut self.counts))?;
                return Ok(Some(report));
            }
            Line::Snapshot {} => {
                let desk = serde_json::to_string(desk)?;
                return Ok(Some(format!("{{\"snapshot\":{desk}}}")));
            }
            Line::Restore { snapshot } => *desk = *snapshot,
            event => self.inbox.push(event_of(event)?),
        }
        Ok(None)
    }
}

/// The desk a `config` line describes.
fn configure(zone: &str, open: &str, agents: Vec<AgentLine>) -> Result<Desk, Failure> {
    let zone = TimeZone::get(zone).map_err(|e| format!("time zone `{zone}`: {e}"))?;
    let hours =
        BusinessCalendar::new(zone.clone(), WeeklySchedule::new().every_day(open.parse()?))?;
    let mut built = Vec::new();
    for a in agents {
        let mut agent = Agent::new(&a.id, &a.name, a.capacity)?;
        for l in &a.languages {
            agent = agent.with_language(Language::new(l)?);
        }
        for c in &a.channels {
            agent = agent.with_channel(c.parse()?);
        }
        built.push(agent);
    }
    let ids: Vec<String> = built.iter().map(|a| a.id.to_string()).collect();
    let mut roster = Roster::new(built);
    for id in ids {
        roster = roster.with_shifts(&id, hours.clone())?;
    }
    Ok(Desk::new(
        DeskConfig::new(zone, hours, roster)?,
        Directory::new(),
    ))
}

/// The event a line describes.
fn event_of(line: Line) -> Result<Event, Failure> {
    Ok(match line {
        Line::Message {
            id,
            conversation,
            channel,
            direction,
            author,
            at,
            text,
            lang,
        } => {
            let channel: Channel = channel.parse()?;
            let (id, conversation) = (id.parse()?, conversation.parse()?);
            let mut message = match direction.parse::<Direction>()? {
                Direction::Inbound => Interaction::inbound(
                    id,
                    conversation,
                    Handle::new(channel, &author)?,
                    at,
                    &text,
                ),
                Direction::Outbound => Interaction::outbound(
                    id,
                    conversation,
                    channel,
                    AgentId::new(&author)?,
                    at,
                    &text,
                ),
                Direction::Note => {
                    Interaction::note(id, conversation, channel, AgentId::new(&author)?, at, &text)
                }
            };
            if let Some(lang) = lang {
                message = message.with_language(Language::new(&lang)?);
            }
            Event::Interaction(message)
        }
        Line::Status {
            conversation,
            status,
            at,
        } => Event::Status {
            conversation: conversation.parse()?,
            status: status.parse::<ConversationStatus>()?,
            at,
            by: None,
        },
        Line::Consent {
            handle,
            purpose,
            decision,
            at,
        } => Event::Consent {
            handle: handle.parse()?,
            purpose: purpose.parse::<Purpose>()?,
            decision: decision.parse::<Decision>()?,
            source: None,
            at,
        },
        Line::Erase { handle, at } => Event::Erasure {
            handle: handle.parse()?,
            at,
        },
        _ => return Err("not an event".into()),
    })
}

/// What a `now` line prints, its fields in this order.
#[derive(Serialize)]
struct Report {
    at: String,
    waiting: Vec<String>,
    sla: BTreeMap<String, BTreeMap<String, String>>,
    outcomes: Counts,
}

/// What a `now` line prints.
fn report(desk: &Desk, at: Timestamp, counts: Counts) -> Result<String, Failure> {
    let waiting: Vec<String> = desk
        .queue(at)?
        .iter()
        .map(|t| t.conversation.to_string())
        .collect();
    let mut sla = BTreeMap::new();
    for conversation in desk.conversations() {
        if conversation.status() == Some(ConversationStatus::Closed) {
            continue;
        }
        // The latest clock of each metric: clocks come in order of start.
        let mut latest = BTreeMap::new();
        for clock in desk.sla(conversation.id(), at)?.clocks {
            latest.insert(snake(clock.metric.as_str()), snake(clock.status.as_str()));
        }
        sla.insert(conversation.id().to_string(), latest);
    }
    Ok(serde_json::to_string(&Report {
        at: at.to_string(),
        waiting,
        sla,
        outcomes: counts,
    })?)
}

fn snake(word: &str) -> String {
    word.replace('-', "_")
}

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> io::Result<()> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut replay = Replay::default();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match replay.line(&line) {
            Ok(Some(value)) => writeln!(out, "{value}")?,
            Ok(None) => {}
            Err(e) => writeln!(out, "{}", json!({ "error": e.to_string(), "line": n + 1 }))?,
        }
    }
    out.flush()
}
