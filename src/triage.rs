//! Who first? A priority score for every conversation waiting on the desk,
//! with the reasons, and the queue they make.
//!
//! Each [`Waiting`] conversation is scored from what the desk knows: how
//! negative and intense the customer's unanswered messages are, how much
//! the customer matters (influence and audience, only when they accept
//! profiling: see [`Profile`]), whether the conversation is public, how much
//! of its SLA target is used or whether it is breached, the customer's value
//! (roles, persona potentials) and whether a crisis is active on its topic.
//! Each signal is a figure in `0..=1` times its [`TriageWeights`] weight;
//! the default weights add up to 100, so a score reads as points out of 100,
//! and its [`Explanation`] lists every signal's points.
//!
//! [`triage`] orders the queue: highest score first, ties to the oldest
//! waiting, then by conversation id, so the same input always gives the same
//! queue.
//!
//! ```
//! use social_crm::triage::{triage, Profile, SlaUrgency, TriageWeights, Waiting};
//! use social_crm::Visibility;
//!
//! let calm = Waiting::new("tw-1".parse()?, "2026-11-20T17:00:00Z".parse()?)
//!     .with_mood(0.1, 0.2);
//! let storm = Waiting::new("fb-4".parse()?, "2026-11-20T17:20:00Z".parse()?)
//!     .with_mood(0.9, 0.9)
//!     .with_visibility(Visibility::Public)
//!     .with_profile(Profile::profiled(72.0, 182_000))
//!     .with_sla(SlaUrgency::new(0.8, false))
//!     .in_crisis(true);
//! let queue = triage(vec![calm, storm], &TriageWeights::default())?;
//! assert_eq!(queue[0].conversation.as_str(), "fb-4");
//! assert!(queue[0].score > 70.0);
//! println!("{}", queue[0].explanation);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeSet;

use jiff::Timestamp;

use crate::error::{Error, ErrorKind, Result};
use crate::explain::{Contribution, Explanation, Factor};
use crate::model::{ConversationId, Potentials, Role, Visibility};
use crate::sla::{ClockStatus, ConversationSla};

/// What the desk may use of a customer to rank their conversation. A
/// customer who refused profiling is [`Profile::Refused`]: no influence, no
/// audience, no persona, and the type says so.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Profile {
    /// Profiling accepted.
    Profiled {
        /// Influence, 0 to 100 (see [`crate::influence`]).
        influence: f64,
        /// Followers across the customer's handles.
        followers: u64,
        /// Their persona's potentials, if a persona was assigned.
        potentials: Option<Potentials>,
    },
    /// The customer refused profiling.
    Refused,
    /// Nothing known (an unknown author).
    Unknown,
}

impl Profile {
    /// A profiled customer with this influence and audience, no persona.
    pub fn profiled(influence: f64, followers: u64) -> Profile {
        Profile::Profiled {
            influence,
            followers,
            potentials: None,
        }
    }
}

/// How urgent a conversation's SLA is.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SlaUrgency {
    /// The share of the most urgent running target already used (1 or more
    /// once breached).
    pub used: f64,
    /// Whether any target is breached.
    pub breached: bool,
}

impl SlaUrgency {
    /// An urgency from its figures (`used` is clamped to `0..=1` when
    /// scored; NaN counts as 0).
    pub fn new(used: f64, breached: bool) -> SlaUrgency {
        SlaUrgency { used, breached }
    }

    /// The urgency of a conversation's SLA picture: the running clock that
    /// has used the largest share of its target.
    pub fn of(sla: &ConversationSla) -> SlaUrgency {
        let used = sla
            .clocks
            .iter()
            .filter(|c| c.stopped.is_none() && c.status != ClockStatus::Paused)
            .map(|c| {
                let target = c.target.within().as_secs_f64();
                if target > 0.0 {
                    c.elapsed.as_secs_f64() / target
                } else {
                    1.0
                }
            })
            .fold(0.0, f64::max);
        SlaUrgency {
            used,
            breached: sla.is_breached(),
        }
    }
}

/// A conversation waiting for the desk, with what triage needs to know.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Waiting {
    /// The conversation.
    pub conversation: ConversationId,
    /// Since when it waits: its oldest unanswered customer message.
    pub since: Timestamp,
    /// How negative the unanswered messages are, `0..=1` (the most
    /// negative one's negated compound score).
    pub negativity: f64,
    /// How intense that message is, `0..=1`.
    pub intensity: f64,
    /// What may be used of the customer.
    pub profile: Profile,
    /// The customer's roles (a journalist, a reseller, a client).
    pub roles: BTreeSet<Role>,
    /// Where the conversation is.
    pub visibility: Visibility,
    /// Its SLA urgency, if a policy applies.
    pub sla: Option<SlaUrgency>,
    /// Whether a crisis is active on its topic or channel.
    pub crisis: bool,
}

impl Waiting {
    /// A private conversation waiting since `since`, nothing else known.
    pub fn new(conversation: ConversationId, since: Timestamp) -> Waiting {
        Waiting {
            conversation,
            since,
            negativity: 0.0,
            intensity: 0.0,
            profile: Profile::Unknown,
            roles: BTreeSet::new(),
            visibility: Visibility::Private,
            sla: None,
            crisis: false,
        }
    }

    /// The mood of the unanswered messages.
    pub fn with_mood(mut self, negativity: f64, intensity: f64) -> Waiting {
        self.negativity = negativity;
        self.intensity = intensity;
        self
    }

    /// The customer's profile.
    pub fn with_profile(mut self, profile: Profile) -> Waiting {
        self.profile = profile;
        self
    }

    /// The customer's roles.
    pub fn with_roles(mut self, roles: BTreeSet<Role>) -> Waiting {
        self.roles = roles;
        self
    }

    /// Where the conversation is.
    pub fn with_visibility(mut self, visibility: Visibility) -> Waiting {
        self.visibility = visibility;
        self
    }

    /// Its SLA urgency.
    pub fn with_sla(mut self, sla: SlaUrgency) -> Waiting {
        self.sla = Some(sla);
        self
    }

    /// Whether a crisis is active on its topic.
    pub fn in_crisis(mut self, crisis: bool) -> Waiting {
        self.crisis = crisis;
        self
    }
}

/// How much each signal weighs, in points for a signal at full strength.
/// The defaults add up to 100.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TriageWeights {
    /// The most negative unanswered message (its negated compound score).
    pub negativity: f64,
    /// That message's intensity.
    pub intensity: f64,
    /// The customer's influence (0 to 100, scaled to 0..1).
    pub influence: f64,
    /// The customer's audience: log10 of followers, 10 million = 1.
    pub audience: f64,
    /// A public conversation.
    pub public: f64,
    /// The share of the SLA target used.
    pub sla: f64,
    /// A breached SLA.
    pub breach: f64,
    /// The customer's value: roles and persona potentials.
    pub value: f64,
    /// An active crisis on the conversation's topic.
    pub crisis: f64,
}

impl Default for TriageWeights {
    fn default() -> TriageWeights {
        TriageWeights {
            negativity: 20.0,
            intensity: 10.0,
            influence: 15.0,
            audience: 5.0,
            public: 10.0,
            sla: 15.0,
            breach: 10.0,
            value: 5.0,
            crisis: 10.0,
        }
    }
}

impl TriageWeights {
    /// Checks that every weight is a finite number of zero or more.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] naming the first bad weight.
    pub fn check(&self) -> Result<()> {
        let weights = [
            ("negativity weight", self.negativity),
            ("intensity weight", self.intensity),
            ("influence weight", self.influence),
            ("audience weight", self.audience),
            ("public weight", self.public),
            ("sla weight", self.sla),
            ("breach weight", self.breach),
            ("value weight", self.value),
            ("crisis weight", self.crisis),
        ];
        match weights.iter().find(|(_, w)| !(w.is_finite() && *w >= 0.0)) {
            Some(&(what, value)) => Err(Error::from(ErrorKind::InvalidConfig {
                what,
                value: value.to_string(),
            })),
            None => Ok(()),
        }
    }
}

/// A conversation's place in the queue.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Triaged {
    /// The conversation.
    pub conversation: ConversationId,
    /// Since when it waits.
    pub since: Timestamp,
    /// Its priority: the sum of its contributions.
    pub score: f64,
    /// Each signal's points, largest first, with the raw figure as base.
    pub explanation: Explanation,
}

impl Triaged {
    /// The `n` signals that weigh most, as `signal +points`.
    pub fn reasons(&self, n: usize) -> Vec<String> {
        self.explanation
            .contributions
            .iter()
            .filter(|c| c.value > 0.0)
            .take(n)
            .map(|c| match &c.factor {
                Factor::Rule { id } => format!("{id} +{:.0}", c.value),
                other => format!("{other} +{:.0}", c.value),
            })
            .collect()
    }
}

/// A figure as a signal strength: clamped to `0..=1`, NaN as 0.
fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// What a role is worth to the desk, `0..=1`.
fn role_value(role: Role) -> f64 {
    match role {
        Role::Journalist | Role::OpinionLeader => 1.0,
        Role::Blogger => 0.8,
        Role::Reseller => 0.7,
        Role::Fan => 0.6,
        Role::Client | Role::CompetitorCustomer => 0.5,
        Role::Prospect => 0.4,
        Role::Employee => 0.2,
    }
}

/// One conversation's priority, explained (weights as given: see
/// [`TriageWeights::check`]).
pub fn score(waiting: &Waiting, weights: &TriageWeights) -> Triaged {
    Signals::of(waiting).explain(waiting.conversation.clone(), waiting.since, weights)
}

/// A [`Waiting`]'s figures as its score reads them, each in `0..=1`: what
/// the desk keeps of a conversation between events, the SLA urgency and the
/// crisis flag set when the queue is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Signals {
    negativity: f64,
    intensity: f64,
    influence: f64,
    audience: f64,
    public: bool,
    value: f64,
    refused: bool,
    pub(crate) sla: Option<SlaUrgency>,
    pub(crate) crisis: bool,
}

impl Signals {
    pub(crate) fn of(waiting: &Waiting) -> Signals {
        Signals {
            sla: waiting.sla,
            crisis: waiting.crisis,
            ..Signals::new(
                (waiting.negativity, waiting.intensity),
                &waiting.profile,
                &waiting.roles,
                waiting.visibility,
            )
        }
    }

    /// The same figures with a profile's influence (0 to 100) in place of
    /// the one they were worked out with.
    pub(crate) fn with_influence(self, influence: f64) -> Signals {
        Signals {
            influence: unit(influence / 100.0),
            ..self
        }
    }

    /// The figures of a mood (negativity, intensity), a profile, roles and
    /// a visibility; no SLA, no crisis.
    pub(crate) fn new(
        (negativity, intensity): (f64, f64),
        profile: &Profile,
        roles: &BTreeSet<Role>,
        visibility: Visibility,
    ) -> Signals {
        let (influence, audience, potentials) = match profile {
            Profile::Profiled {
                influence,
                followers,
                potentials,
            } => (
                unit(influence / 100.0),
                unit(((*followers as f64) + 1.0).log10() / 7.0),
                *potentials,
            ),
            Profile::Refused | Profile::Unknown => (0.0, 0.0, None),
        };
        let roles = roles.iter().map(|r| role_value(*r)).fold(0.0, f64::max);
        let negativity = unit(negativity);
        Signals {
            negativity,
            intensity: unit(intensity) * f64::from(u8::from(negativity > 0.0)),
            influence,
            audience,
            public: visibility == Visibility::Public,
            value: potentials.map_or(roles, |p| roles.max(p.purchase.get())),
            refused: matches!(profile, Profile::Refused),
            sla: None,
            crisis: false,
        }
    }

    /// The signals that count, largest first (in signal order among
    /// equals): `(name, strength, points)`.
    fn parts(&self, weights: &TriageWeights) -> ([(&'static str, f64, f64); 9], usize) {
        let flag = |on: bool| f64::from(u8::from(on));
        let signals: [(&'static str, f64, f64); 9] = [
            ("negativity", self.negativity, weights.negativity),
            ("intensity", self.intensity, weights.intensity),
            ("influence", self.influence, weights.influence),
            ("audience", self.audience, weights.audience),
            ("public", flag(self.public), weights.public),
            ("sla", self.sla.map_or(0.0, |s| unit(s.used)), weights.sla),
            (
                "breach",
                flag(self.sla.is_some_and(|s| s.breached)),
                weights.breach,
            ),
            ("value", self.value, weights.value),
            ("crisis", flag(self.crisis), weights.crisis),
        ];
        let mut parts = [("", 0.0, 0.0); 9];
        let mut n = 0;
        for (id, strength, weight) in signals {
            let points = strength * weight;
            if points != 0.0 {
                parts[n] = (id, strength, points);
                n += 1;
            }
        }
        parts[..n].sort_by(|a, b| b.2.total_cmp(&a.2));
        (parts, n)
    }

    /// The conversation's place in the queue, explained.
    pub(crate) fn explain(
        &self,
        conversation: ConversationId,
        since: Timestamp,
        weights: &TriageWeights,
    ) -> Triaged {
        let (parts, n) = self.parts(weights);
        let mut explanation = Explanation {
            contributions: parts[..n]
                .iter()
                .map(|&(id, base, value)| Contribution {
                    factor: Factor::Rule { id },
                    span: None,
                    base,
                    modifiers: Vec::new(),
                    value,
                })
                .collect(),
            notes: Vec::new(),
        };
        if self.refused {
            explanation
                .notes
                .push("profiling refused: no influence, audience or persona used".to_owned());
        }
        Triaged {
            conversation,
            since,
            score: explanation.total(),
            explanation,
        }
    }
}

/// The queue: every waiting conversation scored, highest first, ties to the
/// oldest waiting, then by conversation id.
///
/// # Errors
///
/// [`ErrorKind::InvalidConfig`] for a weight that is negative or not finite.
pub fn triage(waiting: Vec<Waiting>, weights: &TriageWeights) -> Result<Vec<Triaged>> {
    weights.check()?;
    let mut queue: Vec<Triaged> = waiting.iter().map(|w| score(w, weights)).collect();
    queue.sort_by(|a, b| {
        in_queue_order(
            (a.score, a.since, &a.conversation),
            (b.score, b.since, &b.conversation),
        )
    });
    Ok(queue)
}

/// The queue's order of two conversations by `(score, since, id)`: highest
/// score first, ties to the oldest waiting, then by conversation id.
pub(crate) fn in_queue_order(
    a: (f64, Timestamp, &ConversationId),
    b: (f64, Timestamp, &ConversationId),
) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0)
        .then(a.1.cmp(&b.1))
        .then_with(|| a.2.cmp(b.2))
}
