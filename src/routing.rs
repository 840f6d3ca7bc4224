//! Who answers? Each conversation of the queue to an agent on shift who
//! speaks the customer's language, has the channel's skill and room for it;
//! crises, influential detractors and customers who ask for a manager or
//! threaten to leave or to go to law to senior agents; and, when nobody
//! can take it, why and what happens next.
//!
//! [`route`] takes conversations in priority order (the [`triage`] queue) and
//! a [`Roster`] (the agents, their shifts as SLA calendars, their current
//! load). For each it keeps the agents who are on shift, work on the
//! conversation's channel ([`Agent::channels`]), speak the customer's
//! language and, for an escalation, are senior ([`Level::Senior`]), and
//! under capacity. Among them it prefers those with the conversation's topic
//! skills, then the least loaded, then the next in turn after the last one
//! assigned (round robin, in id order): deterministic, so the same input
//! gives the same assignment. Each decision is explained; when nobody can
//! take a conversation the [`Unrouted`] reason says why (nobody on shift,
//! nobody speaks Spanish now, everyone at capacity) and [`NextOnShift`] who
//! could take it next and when.
//!
//! [`triage`]: crate::triage
//!
//! ```
//! use social_crm::routing::{route, Need, Roster, Routing};
//! use social_crm::sla::{BusinessCalendar, WeeklySchedule};
//! use social_crm::{Agent, Channel, Language};
//! use social_crm::jiff::tz::TimeZone;
//!
//! let days = BusinessCalendar::new(TimeZone::UTC, WeeklySchedule::new().every_day("08:00-18:00".parse()?))?;
//! let roster = Roster::new([
//!     Agent::new("a1", "Eric Dupont", 2)?.with_language(Language::FRENCH).with_channel(Channel::Twitter),
//!     Agent::new("a3", "Lucía Fernández", 2)?.with_language(Language::SPANISH).with_channel(Channel::Twitter),
//! ])
//! .with_shifts("a1", days.clone())?
//! .with_shifts("a3", days)?;
//! let needs = [
//!     Need::new("tw-1".parse()?, Channel::Twitter).with_language(Language::SPANISH),
//!     Need::new("tw-2".parse()?, Channel::Twitter).with_language(Language::ENGLISH),
//! ];
//! let mut roster = roster;
//! let decisions = route(&needs, &mut roster, "2026-11-20T10:00:00Z".parse()?)?;
//! assert!(matches!(&decisions[0].routing, Routing::Assigned { agent, .. } if agent.as_str() == "a3"));
//! // Nobody speaks English: queued, with the reason.
//! assert!(matches!(&decisions[1].routing, Routing::Queued { .. }));
//! println!("{}", decisions[1]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::Timestamp;

use crate::error::{Error, ErrorKind, Result};
#[cfg(doc)]
use crate::model::Level;
use crate::model::{Agent, AgentId, Channel, ConversationId, Language, Tag};
use crate::sla::BusinessCalendar;

/// The desk's agents, their shifts and their current load.
///
/// A stored roster is checked when read: its agents may come in any order
/// (they are kept sorted by id), but an agent listed twice, or shifts and
/// loads of an agent who is not listed, are an
/// [`ErrorKind::InvalidState`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RosterFields"))]
pub struct Roster {
    agents: Vec<Agent>,
    shifts: BTreeMap<AgentId, BusinessCalendar>,
    load: BTreeMap<AgentId, u32>,
    last: Option<AgentId>,
}

impl Roster {
    /// A roster of `agents` (sorted by id), with no shifts yet: an agent
    /// without shifts is never on shift.
    pub fn new(agents: impl IntoIterator<Item = Agent>) -> Roster {
        let mut agents: Vec<Agent> = agents.into_iter().collect();
        agents.sort_by(|a, b| a.id.cmp(&b.id));
        agents.dedup_by(|a, b| a.id == b.id);
        Roster {
            agents,
            shifts: BTreeMap::new(),
            load: BTreeMap::new(),
            last: None,
        }
    }

    /// An agent's shifts, as a business calendar (their working hours,
    /// days off, holidays).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownAgent`] if the roster has no such agent.
    pub fn with_shifts(mut self, agent: &str, shifts: BusinessCalendar) -> Result<Roster> {
        let id = self.known(agent)?;
        self.shifts.insert(id, shifts);
        Ok(self)
    }

    /// An agent's current load: the conversations they already hold.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownAgent`] if the roster has no such agent.
    pub fn with_load(mut self, agent: &str, load: u32) -> Result<Roster> {
        let id = self.known(agent)?;
        self.load.insert(id, load);
        Ok(self)
    }

    /// The agents, by id.
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// One agent.
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        // Sorted by id when built.
        self.agents
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.agents[i])
    }

    /// The conversations an agent holds.
    pub fn load(&self, agent: &str) -> u32 {
        self.load.get(agent).copied().unwrap_or(0)
    }

    /// Whether an agent is on shift at `at`.
    ///
    /// # Errors
    ///
    /// As [`BusinessCalendar::is_open`].
    pub fn on_shift(&self, agent: &str, at: Timestamp) -> Result<bool> {
        match self.shifts.get(agent) {
            Some(calendar) => calendar.is_open(at),
            None => Ok(false),
        }
    }

    /// Records that `agent` took one more conversation.
    pub(crate) fn hold(&mut self, agent: &AgentId) {
        let n = self.load.entry(agent.clone()).or_insert(0);
        *n = n.saturating_add(1);
    }

    /// Records that a conversation held by `agent` was closed or handed
    /// over: one less in their load.
    pub fn release(&mut self, agent: &str) {
        if let Some(n) = self.load.get_mut(agent) {
            *n = n.saturating_sub(1);
        }
    }

    fn known(&self, agent: &str) -> Result<AgentId> {
        self.agent(agent).map(|a| a.id.clone()).ok_or_else(|| {
            Error::from(ErrorKind::UnknownAgent {
                id: agent.to_owned(),
            })
        })
    }
}

/// What a stored [`Roster`] holds, checked when read: `Roster::agent`
/// binary-searches the agents by id, so they are sorted here, and every
/// id the roster refers to must be one of them.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RosterFields {
    agents: Vec<Agent>,
    shifts: BTreeMap<AgentId, BusinessCalendar>,
    load: BTreeMap<AgentId, u32>,
    last: Option<AgentId>,
}

#[cfg(feature = "serde")]
impl TryFrom<RosterFields> for Roster {
    type Error = Error;

    fn try_from(f: RosterFields) -> Result<Roster> {
        let invalid = |reason: String| crate::error::invalid_state("roster", reason);
        let mut agents = f.agents;
        agents.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(pair) = agents.windows(2).find(|w| w[0].id == w[1].id) {
            return invalid(format!("agent `{}` is listed twice", pair[0].id));
        }
        let listed = |id: &AgentId| agents.binary_search_by(|a| a.id.cmp(id)).is_ok();
        let referred = f.shifts.keys().chain(f.load.keys()).chain(f.last.as_ref());
        for id in referred {
            if !listed(id) {
                return invalid(format!(
                    "agent `{id}` has shifts, a load or a turn but is not listed"
                ));
            }
        }
        Ok(Roster {
            agents,
            shifts: f.shifts,
            load: f.load,
            last: f.last,
        })
    }
}

/// Why a conversation must go to a senior agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Escalation {
    /// A crisis is active on its topic.
    Crisis,
    /// An influential customer who speaks against the brand.
    InfluentialDetractor,
    /// The customer asked for a manager, or threatened to leave or to go
    /// to law ([`Sentiment::escalates`](crate::sentiment::Sentiment::escalates)).
    ByCustomer,
}

/// What a conversation needs from whoever answers it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Need {
    /// The conversation.
    pub conversation: ConversationId,
    /// The customer's language, when known.
    pub language: Option<Language>,
    /// Its channel: the agent must work on it.
    pub channel: Channel,
    /// Its topics: agents with these skills are preferred.
    pub topics: BTreeSet<Tag>,
    /// Whether it goes to a senior agent, and why.
    pub escalation: Option<Escalation>,
}

impl Need {
    /// A conversation on `channel`, language unknown, no topic, no
    /// escalation.
    pub fn new(conversation: ConversationId, channel: Channel) -> Need {
        Need {
            conversation,
            language: None,
            channel,
            topics: BTreeSet::new(),
            escalation: None,
        }
    }

    /// The customer's language.
    pub fn with_language(mut self, language: Language) -> Need {
        self.language = Some(language);
        self
    }

    /// Its topics.
    pub fn with_topics(mut self, topics: impl IntoIterator<Item = Tag>) -> Need {
        self.topics.extend(topics);
        self
    }

    /// An escalation to a senior agent.
    pub fn escalated(mut self, why: Escalation) -> Need {
        self.escalation = Some(why);
        self
    }
}

/// Why nobody can take a conversation now.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Unrouted {
    /// No agent is on shift.
    NobodyOnShift,
    /// Nobody on shift works on this channel.
    NoChannelSkill(Channel),
    /// Nobody on shift (on this channel) speaks the customer's language.
    NobodySpeaks(Language),
    /// The conversation needs a senior agent, and none is on shift.
    NoSeniorOnShift,
    /// Everyone who could take it holds as many conversations as they can.
    AllAtCapacity,
}

impl fmt::Display for Unrouted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unrouted::NobodyOnShift => f.write_str("nobody is on shift"),
            Unrouted::NoChannelSkill(c) => write!(f, "nobody on shift works on {c}"),
            Unrouted::NobodySpeaks(l) => write!(f, "nobody on shift speaks {}", l.name()),
            Unrouted::NoSeniorOnShift => f.write_str("no senior agent is on shift"),
            Unrouted::AllAtCapacity => f.write_str("everyone who could take it is at capacity"),
        }
    }
}

/// Who could take a queued conversation next, and when their shift starts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NextOnShift {
    /// The agent.
    pub agent: AgentId,
    /// When their next shift starts.
    pub at: Timestamp,
}

/// What happens to a conversation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Routing {
    /// Given to an agent.
    Assigned {
        /// The agent.
        agent: AgentId,
        /// Why them, in words.
        reasons: Vec<String>,
    },
    /// Nobody can take it now: it stays in the queue.
    Queued {
        /// Why.
        why: Unrouted,
        /// Who could take it next and when, if someone's shift is coming
        /// (none when the agents who could are on shift but full).
        next: Option<NextOnShift>,
    },
}

/// One conversation's routing.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Decision {
    /// The conversation.
    pub conversation: ConversationId,
    /// What happens to it.
    pub routing: Routing,
}

impl Decision {
    /// A conversation an agent already holds.
    pub(crate) fn held(conversation: ConversationId, agent: AgentId) -> Decision {
        Decision {
            conversation,
            routing: Routing::Assigned {
                agent,
                reasons: vec!["already holds it".to_owned()],
            },
        }
    }

    /// The agent it was given to, if any.
    pub fn agent(&self) -> Option<&AgentId> {
        match &self.routing {
            Routing::Assigned { agent, .. } => Some(agent),
            Routing::Queued { .. } => None,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.routing {
            Routing::Assigned { agent, reasons } => {
                write!(
                    f,
                    "{} -> {agent}: {}",
                    self.conversation,
                    reasons.join(", ")
                )
            }
            Routing::Queued { why, next } => {
                write!(f, "{} queued: {why}", self.conversation)?;
                match next {
                    Some(n) => write!(f, "; next: {} at {}", n.agent, n.at),
                    None => f.write_str("; waits for an agent to free up"),
                }
            }
        }
    }
}

/// Routes conversations, in the order given (most urgent first), to the
/// roster's agents at `now`, updating their load.
///
/// # Errors
///
/// As [`BusinessCalendar::is_open`] and [`BusinessCalendar::next_open`]
/// (an instant outside the calendars' years).
pub fn route(needs: &[Need], roster: &mut Roster, now: Timestamp) -> Result<Vec<Decision>> {
    // Who is on shift does not change within one call.
    // As positions in the roster's agents, which no call below reorders.
    let mut on_shift = Vec::new();
    for (i, agent) in roster.agents.iter().enumerate() {
        if agent.capacity > 0 && roster.on_shift(agent.id.as_str(), now)? {
            on_shift.push(i);
        }
    }
    let mut decisions = Vec::with_capacity(needs.len());
    for need in needs {
        let routing = route_one(need, roster, &on_shift, now)?;
        if let Routing::Assigned { agent, .. } = &routing {
            *roster.load.entry(agent.clone()).or_insert(0) += 1;
            roster.last = Some(agent.clone());
        }
        decisions.push(Decision {
            conversation: need.conversation.clone(),
            routing,
        });
    }
    Ok(decisions)
}

/// Who [`route`] would give one conversation to at `now`, without giving
/// it: the roster is not changed.
pub(crate) fn choose(need: &Need, roster: &Roster, now: Timestamp) -> Result<Routing> {
    let mut on_shift = Vec::new();
    for (i, agent) in roster.agents.iter().enumerate() {
        if agent.capacity > 0 && roster.on_shift(agent.id.as_str(), now)? {
            on_shift.push(i);
        }
    }
    route_one(need, roster, &on_shift, now)
}

/// A test an agent passes or not.
type AgentFilter<'a> = dyn Fn(&Agent) -> bool + 'a;

fn route_one(need: &Need, roster: &Roster, on_shift: &[usize], now: Timestamp) -> Result<Routing> {
    let agent = |&i: &usize| &roster.agents[i];
    let skilled = |a: &Agent| a.works_on(&need.channel);
    let speaks = |a: &Agent| need.language.is_none_or(|l| a.speaks(l));
    let senior_enough = |a: &Agent| need.escalation.is_none() || a.is_senior();
    // Each filter, in the order a desk manager would explain it.
    let steps: [(&AgentFilter, Unrouted); 3] = [
        (&skilled, Unrouted::NoChannelSkill(need.channel.clone())),
        (
            &|a: &Agent| skilled(a) && speaks(a),
            Unrouted::NobodySpeaks(need.language.unwrap_or(Language::ENGLISH)),
        ),
        (
            &|a: &Agent| skilled(a) && speaks(a) && senior_enough(a),
            Unrouted::NoSeniorOnShift,
        ),
    ];
    if on_shift.is_empty() {
        let next = next_on_shift(roster, now, |_| true)?;
        return Ok(Routing::Queued {
            why: Unrouted::NobodyOnShift,
            next,
        });
    }
    let mut fit: Vec<&Agent> = on_shift.iter().map(agent).collect();
    for (keep, why) in steps {
        fit.retain(|a| keep(a));
        if fit.is_empty() {
            let next = next_on_shift(roster, now, keep)?;
            return Ok(Routing::Queued { why, next });
        }
    }
    let free: Vec<&Agent> = fit
        .iter()
        .copied()
        .filter(|a| roster.load(a.id.as_str()) < a.capacity)
        .collect();
    if free.is_empty() {
        return Ok(Routing::Queued {
            why: Unrouted::AllAtCapacity,
            next: None,
        });
    }
    // Round robin: agents after the last one assigned come first.
    let turn = |a: &Agent| match &roster.last {
        Some(last) if a.id > *last => 0u8,
        Some(_) => 1,
        None => 0,
    };
    let topics = |a: &Agent| need.topics.iter().filter(|t| a.skills.contains(*t)).count();
    let chosen = free
        .iter()
        .copied()
        .min_by(|a, b| {
            topics(b)
                .cmp(&topics(a))
                .then(roster.load(a.id.as_str()).cmp(&roster.load(b.id.as_str())))
                .then(turn(a).cmp(&turn(b)))
                .then(a.id.cmp(&b.id))
        })
        .expect("free is not empty");
    let mut reasons = vec![format!("on shift, works on {}", need.channel)];
    if let Some(l) = need.language {
        reasons.push(format!("speaks {}", l.name()));
    }
    if let Some(why) = need.escalation {
        reasons.push(match why {
            Escalation::Crisis => "senior, for a crisis".to_owned(),
            Escalation::InfluentialDetractor => "senior, for an influential detractor".to_owned(),
            Escalation::ByCustomer => "senior, as the customer asked or threatened".to_owned(),
        });
    }
    let matched: Vec<&str> = need
        .topics
        .iter()
        .filter(|t| chosen.skills.contains(*t))
        .map(Tag::as_str)
        .collect();
    if !matched.is_empty() {
        reasons.push(format!("knows {}", matched.join(", ")));
    }
    reasons.push(format!(
        "load {}/{}",
        roster.load(chosen.id.as_str()),
        chosen.capacity
    ));
    Ok(Routing::Assigned {
        agent: chosen.id.clone(),
        reasons,
    })
}

/// The agent meeting `keep` whose next shift starts first after `now`.
fn next_on_shift(
    roster: &Roster,
    now: Timestamp,
    keep: impl Fn(&Agent) -> bool,
) -> Result<Option<NextOnShift>> {
    let mut best: Option<NextOnShift> = None;
    for agent in roster.agents.iter().filter(|a| a.capacity > 0 && keep(a)) {
        let Some(calendar) = roster.shifts.get(&agent.id) else {
            continue;
        };
        // A calendar with no open time at all has no next shift.
        let at = match calendar.next_open(now) {
            Ok(at) => at,
            Err(e) if matches!(e.kind(), ErrorKind::NoOpenTime) => continue,
            Err(e) => return Err(e),
        };
        // Someone already on shift (but filtered out for capacity) starts
        // "now"; the next shift is what is wanted here.
        let at = if at <= now {
            match calendar.next_close(now)? {
                Some(close) => calendar.next_open(close)?,
                None => continue,
            }
        } else {
            at
        };
        if best
            .as_ref()
            .is_none_or(|b| (at, &agent.id) < (b.at, &b.agent))
        {
            best = Some(NextOnShift {
                agent: agent.id.clone(),
                at,
            });
        }
    }
    Ok(best)
}
