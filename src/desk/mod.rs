//! The care desk, in one value: interactions in, and out "who should
//! answer, and with what".
//!
//! A [`Desk`] is built from its configuration ([`DeskConfig`]: time zone,
//! opening hours, SLA policies, the roster of agents with their shifts,
//! personas, reply templates, triage weights, crisis settings) and the
//! customer [`Directory`]. It takes interactions as they arrive, in batches
//! of any size, with "now", and keeps what a desk needs: the conversations,
//! the crisis monitor (the brand and each channel), who holds what. From it:
//!
//! - [`Desk::queue`]: the waiting conversations in priority order, each with
//!   its reasons ([`crate::triage`]), SLA included;
//! - [`Desk::route`]: each to an agent on shift who speaks the customer's
//!   language, or why not yet ([`crate::routing`]);
//! - [`Desk::suggest`]: the reply to send, in the customer's language and
//!   signed by the agent, with the rules of engagement ([`crate::reply`]);
//! - [`Desk::persona_map`]: what each persona thinks, topic by topic.
//!
//! Customers' profiles (influence, stance) are refreshed on demand
//! ([`Desk::refresh_profiles`]), since ranking everybody costs more than
//! taking a message. A customer who refused profiling is never profiled:
//! the types carry that outcome ([`Profile::Refused`]).
//!
//! With the `serde` feature a desk is a plain value: stored and restored,
//! and replaying the same interactions in any batch sizes gives the same
//! desk.
//!
//! ```
//! use social_crm::desk::{Desk, DeskConfig};
//! use social_crm::sample;
//!
//! let week = sample::week();
//! let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
//! let ingested = desk.ingest(week.interactions().into_iter().cloned(), week.now)?;
//! assert!(ingested.alerts.iter().any(|a| a.stream == "all"));
//! assert!(ingested.late.is_empty());
//! desk.refresh_profiles(week.now)?;
//! let queue = desk.queue(week.now)?;
//! let first = &queue[0];
//! println!("{} {:.0}: {}", first.conversation, first.score, first.reasons(3).join(", "));
//! let decisions = desk.route(week.now)?;
//! let suggestion = desk.suggest(&first.conversation, week.now)?;
//! assert!(suggestion.text.contains(" — "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod map;

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

pub use map::{Cell, LeftOut, Period, PersonaMap};

use crate::crisis::{Alert, Monitor, Settings as CrisisSettings, Status, StreamKey, StreamKind};
use crate::directory::{Directory, Resolution};
use crate::error::{Error, ErrorKind, Result};
use crate::influence::{rank_customers, InfluenceOutcome, RankOptions, Stance};
use crate::model::{
    assign_persona, AgentId, Conversation, ConversationId, Customer, CustomerId, Direction, Handle,
    Interaction, InteractionId, Language, Persona, PersonaAssignment,
};
use crate::reply::{advise, Advice, ReplyContext, Templates, Vars};
use crate::routing::{route, Decision, Escalation, Need, Roster, Routing};
use crate::sentiment::Analyzer;
use crate::sla::{evaluate, BusinessCalendar, PolicySet, Priority, TicketContext};
use crate::triage::{triage, Profile, SlaUrgency, TriageWeights, Triaged, Waiting};

/// How long the profiles look back: a week of the conversation.
const PROFILE_WINDOW: SignedDuration = SignedDuration::from_hours(7 * 24);
/// The influence from which a detractor goes to a senior agent.
const SENIOR_INFLUENCE: f64 = 60.0;

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
    /// to date by [`Desk::route`] and [`Desk::ingest`]).
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
        })
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
        Ok(config)
    }
}

/// What the desk knows of a customer's profile, from the last refresh.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
enum Known {
    Scored { influence: f64, detractor: bool },
    Refused,
}

/// What a batch of interactions did.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Ingested {
    /// The crisis alerts raised (or cleared) by the batch and by "now".
    pub alerts: Vec<Alert>,
    /// Customers' messages the crisis monitor could not count because they
    /// are older than the hour it was already filling: they are in their
    /// conversations, only the crisis streams miss them.
    pub late: Vec<InteractionId>,
}

/// A suggested reply.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Desk {
    config: DeskConfig,
    directory: Directory,
    conversations: BTreeMap<ConversationId, Conversation>,
    monitor: Monitor,
    holders: BTreeMap<ConversationId, AgentId>,
    profiles: BTreeMap<CustomerId, Known>,
    #[cfg_attr(feature = "serde", serde(skip))]
    analyzer: Analyzer,
}

impl Desk {
    /// A desk with no conversation yet. The crisis monitor's buckets start
    /// at the first interaction's hour.
    pub fn new(config: DeskConfig, directory: Directory) -> Desk {
        Desk {
            monitor: desk_monitor(&config, Timestamp::UNIX_EPOCH),
            config,
            directory,
            conversations: BTreeMap::new(),
            holders: BTreeMap::new(),
            profiles: BTreeMap::new(),
            analyzer: Analyzer::default(),
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
        self.conversations.get(id)
    }

    /// Every conversation, by id.
    pub fn conversations(&self) -> impl Iterator<Item = &Conversation> {
        self.conversations.values()
    }

    /// The crisis monitor.
    pub fn monitor(&self) -> &Monitor {
        &self.monitor
    }

    /// Takes a batch of interactions and "now": each goes into its
    /// conversation (in time order within it), and customers' messages into
    /// the crisis monitor. Returns the crisis alerts raised, and the messages
    /// that arrived too late for the monitor.
    ///
    /// A message older than the hour the monitor is already filling (an
    /// e-mail fetched late, a batch out of order across conversations) is
    /// kept in its conversation, for the SLA and the queue, but cannot be
    /// counted in an hour already judged: it is listed in
    /// [`Ingested::late`], never dropped silently.
    ///
    /// # Errors
    ///
    /// As [`Conversation::push`] (a message out of order in its
    /// conversation, repeated, or after it was closed): the interactions
    /// before the refused one are kept, the refused one changes nothing, and
    /// the error names it.
    pub fn ingest(
        &mut self,
        interactions: impl IntoIterator<Item = Interaction>,
        now: Timestamp,
    ) -> Result<Ingested> {
        let mut alerts = Vec::new();
        let mut late = Vec::new();
        for interaction in interactions {
            // Everything that can refuse the message is asked before
            // anything changes: its conversation first, then the crisis
            // monitor, which counts it in all its streams or in none. A
            // refused message is not kept, so a retry is not a duplicate.
            match self.conversations.get(&interaction.conversation) {
                Some(conversation) => conversation.check(&interaction)?,
                None => Conversation::new(interaction.conversation.clone()).check(&interaction)?,
            }
            if self.conversations.is_empty() && self.monitor.streams().next().is_none() {
                self.start_monitor(interaction.at)?;
            }
            if interaction.direction == Direction::Inbound {
                let sentiment = self.analyzer.score(&interaction.text, interaction.language);
                let influence = self.influence_of(&interaction);
                // A message the monitor refuses for its order is late: kept
                // in its conversation, not counted in the streams.
                match self.monitor.observe(&interaction, &sentiment, influence) {
                    Ok(raised) => alerts.extend(raised),
                    Err(e) if matches!(e.kind(), ErrorKind::InvalidBucket { .. }) => {
                        late.push(interaction.id.clone());
                    }
                    Err(e) => return Err(e),
                }
            }
            let conversation = self
                .conversations
                .entry(interaction.conversation.clone())
                .or_insert_with(|| Conversation::new(interaction.conversation.clone()));
            conversation.push(interaction)?;
        }
        alerts.extend(self.monitor.advance(now)?);
        // A conversation the desk answered or closed is no longer held.
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
            }
        }
        Ok(Ingested { alerts, late })
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

    fn customer_of(&self, interaction: &Interaction) -> Option<&Customer> {
        match self.directory.resolve(interaction.customer_handle()?) {
            Resolution::Customer(c) => Some(c),
            _ => None,
        }
    }

    fn influence_of(&self, interaction: &Interaction) -> Option<f64> {
        let customer = self.customer_of(interaction)?;
        match self.profiles.get(&customer.id)? {
            Known::Scored { influence, .. } => Some(*influence),
            Known::Refused => None,
        }
    }

    /// Ranks every customer seen in the last week (influence and stance
    /// toward the brand), for triage, routing and the crisis drivers.
    ///
    /// # Errors
    ///
    /// As [`rank_customers`].
    pub fn refresh_profiles(&mut self, now: Timestamp) -> Result<()> {
        let from = now.checked_sub(PROFILE_WINDOW).unwrap_or(now);
        let interactions: Vec<&Interaction> = self
            .conversations
            .values()
            .flat_map(|c| c.interactions())
            .filter(|i| i.at >= from && i.at <= now)
            .collect();
        let report = rank_customers(
            &self.directory,
            &interactions,
            &self.config.brand_handles,
            from,
            now,
            &self.analyzer,
            &RankOptions::default(),
        )?;
        self.profiles = report
            .outcomes
            .iter()
            .map(|o| match o {
                InfluenceOutcome::Scored(c) => (
                    c.customer.clone(),
                    Known::Scored {
                        influence: c.influence.score,
                        detractor: c.stance.stance == Stance::Detractor,
                    },
                ),
                InfluenceOutcome::ProfilingRefused(id) => (id.clone(), Known::Refused),
            })
            .collect();
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
        match self.profiles.get(&customer.id) {
            Some(Known::Scored { influence, .. }) => Profile::Profiled {
                influence: *influence,
                followers: customer.total_followers(),
                potentials,
            },
            Some(Known::Refused) => Profile::Refused,
            None => Profile::Profiled {
                influence: 0.0,
                followers: customer.total_followers(),
                potentials,
            },
        }
    }

    /// The desk's date at `now`.
    fn today(&self, now: Timestamp) -> jiff::civil::Date {
        now.to_zoned_datetime(self.config.time_zone.clone()).date()
    }

    /// Whether a crisis is active on the brand or the conversation's
    /// channel.
    fn crisis_on(&self, conversation: &Conversation) -> bool {
        let alerting = |key: &StreamKey| {
            self.monitor
                .stream(key)
                .is_some_and(|w| matches!(w.detector().status(), Status::Alerting(_)))
        };
        alerting(&StreamKey::All)
            || conversation
                .first()
                .is_some_and(|i| alerting(&StreamKey::Channel(i.channel.clone())))
    }

    /// The waiting conversations, most urgent first, each with its reasons.
    ///
    /// # Errors
    ///
    /// As [`evaluate`] and [`triage`].
    pub fn queue(&self, now: Timestamp) -> Result<Vec<Triaged>> {
        let waiting = self.waiting(now)?.into_iter().map(|(w, _)| w).collect();
        triage(waiting, &self.config.weights)
    }

    /// The waiting conversations' triage inputs, each with whether its
    /// unanswered messages complain (the most negative one is labelled
    /// negative): sentiment is scored once for the queue and the routing.
    fn waiting(&self, now: Timestamp) -> Result<Vec<(Waiting, bool)>> {
        let today = self.today(now);
        let mut waiting = Vec::new();
        for conversation in self.conversations.values() {
            if !conversation.is_waiting_on_brand() {
                continue;
            }
            let unanswered = unanswered(conversation);
            let Some(first) = unanswered.first().copied() else {
                continue;
            };
            let customer = self.customer_of(first);
            let worst = unanswered
                .iter()
                .map(|i| self.analyzer.score(&i.text, i.language))
                .min_by(|a, b| a.compound.total_cmp(&b.compound));
            let sla = self.sla(conversation, customer, now)?;
            let mut item = Waiting::new(conversation.id().clone(), first.at)
                .with_profile(self.profile(customer, today))
                .with_sla(SlaUrgency::of(&sla))
                .in_crisis(self.crisis_on(conversation))
                .with_visibility(first.visibility);
            if let Some(s) = worst {
                item = item.with_mood((-s.compound).max(0.0), s.intensity);
            }
            if let Some(c) = customer {
                item = item.with_roles(c.roles.clone());
            }
            let complaining = worst.is_some_and(|s| s.label == crate::sentiment::Label::Negative);
            waiting.push((item, complaining));
        }
        Ok(waiting)
    }

    /// Routes the queue: each waiting conversation not yet held goes to an
    /// agent, or stays queued with the reason. Assignments are kept until
    /// the conversation is answered or closed.
    ///
    /// # Errors
    ///
    /// As [`Desk::queue`] and [`route`].
    pub fn route(&mut self, now: Timestamp) -> Result<Vec<Decision>> {
        let waiting = self.waiting(now)?;
        let complaining: BTreeMap<ConversationId, bool> = waiting
            .iter()
            .map(|(w, c)| (w.conversation.clone(), *c))
            .collect();
        let queue = triage(
            waiting.into_iter().map(|(w, _)| w).collect(),
            &self.config.weights,
        )?;
        let mut needs = Vec::new();
        let mut held = Vec::new();
        for t in &queue {
            if let Some(agent) = self.holders.get(&t.conversation) {
                held.push(Decision::held(t.conversation.clone(), agent.clone()));
                continue;
            }
            let Some(conversation) = self.conversations.get(&t.conversation) else {
                continue;
            };
            let first = conversation.first();
            let customer = conversation
                .interactions()
                .iter()
                .find(|i| i.direction == Direction::Inbound)
                .and_then(|i| self.customer_of(i));
            let Some(channel) = first.map(|i| i.channel.clone()) else {
                continue;
            };
            let mut need = Need::new(t.conversation.clone(), channel).with_topics(
                conversation
                    .interactions()
                    .iter()
                    .flat_map(|i| i.tags.iter().cloned()),
            );
            if let Some(l) = conversation_language(conversation, customer) {
                need = need.with_language(l);
            }
            // An influential customer who speaks against the brand, by their
            // stance or by the messages waiting, goes to a senior agent.
            let complaining = complaining.get(&t.conversation).copied().unwrap_or(false);
            let detractor = customer.and_then(|c| self.profiles.get(&c.id)).is_some_and(|k| {
                matches!(k, Known::Scored { influence, detractor } if *influence >= SENIOR_INFLUENCE && (*detractor || complaining))
            });
            if self.crisis_on(conversation) {
                need = need.escalated(Escalation::Crisis);
            } else if detractor {
                need = need.escalated(Escalation::InfluentialDetractor);
            }
            needs.push(need);
        }
        let decisions = route(&needs, &mut self.config.roster, now)?;
        for d in &decisions {
            if let Routing::Assigned { agent, .. } = &d.routing {
                self.holders.insert(d.conversation.clone(), agent.clone());
            }
        }
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
        let customer = self.customer_of(message);
        let sentiment = self.analyzer.score(&message.text, message.language);
        let language = conversation_language(conversation, customer).unwrap_or(Language::FRENCH);
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
        let agent = self
            .holders
            .get(id)
            .and_then(|a| self.config.roster.agent(a.as_str()))
            .or_else(|| {
                self.config
                    .roster
                    .agents()
                    .iter()
                    .find(|a| a.speaks(advice.language))
            })
            .or_else(|| self.config.roster.agents().first())
            .ok_or_else(|| {
                Error::from(ErrorKind::UnknownAgent {
                    id: "(none on the roster)".to_owned(),
                })
            })?;
        let name = customer.map_or_else(|| message.author.to_string(), |c| c.display_name.to_string());
        let due = self.due_text(conversation, customer, now)?;
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

    /// A conversation's SLA picture at `now`, under the desk's policies and
    /// hours (normal priority).
    fn sla(
        &self,
        conversation: &Conversation,
        customer: Option<&Customer>,
        now: Timestamp,
    ) -> Result<crate::sla::ConversationSla> {
        let context = TicketContext::of(conversation, customer, Priority::Normal);
        evaluate(
            conversation,
            &context,
            &self.config.policies,
            &self.config.calendar,
            now,
        )
    }

    /// When the desk promises an answer: the next SLA due time, in the
    /// desk's zone, else in an hour.
    fn due_text(
        &self,
        conversation: &Conversation,
        customer: Option<&Customer>,
        now: Timestamp,
    ) -> Result<String> {
        let due = self
            .sla(conversation, customer, now)?
            .next_due()
            .and_then(|c| c.due)
            .filter(|d| *d > now)
            .unwrap_or_else(|| {
                now.checked_add(SignedDuration::from_hours(1))
                    .unwrap_or(now)
            });
        Ok(due
            .to_zoned_datetime(self.config.time_zone.clone())
            .strftime("%H:%M")
            .to_string())
    }

    /// What each persona thinks of the brand and each topic, period by
    /// period, from every customer message the desk has seen.
    pub fn persona_map(&self, period: Period) -> PersonaMap {
        let interactions: Vec<&Interaction> = self
            .conversations
            .values()
            .flat_map(|c| c.interactions())
            .collect();
        PersonaMap::build(
            &interactions,
            &self.directory,
            &self.config.personas,
            &self.analyzer,
            &self.config.time_zone,
            period,
        )
    }
}

/// The customer's messages since the desk's last reply, oldest first.
fn unanswered(conversation: &Conversation) -> Vec<&Interaction> {
    let messages = conversation.interactions();
    let after = messages
        .iter()
        .rposition(|i| i.direction == Direction::Outbound)
        .map_or(0, |p| p + 1);
    messages[after..]
        .iter()
        .filter(|i| i.direction == Direction::Inbound)
        .collect()
}

/// The language to answer in: the conversation's first customer message's,
/// else the customer's.
fn conversation_language(
    conversation: &Conversation,
    customer: Option<&Customer>,
) -> Option<Language> {
    conversation
        .interactions()
        .iter()
        .find(|i| i.direction == Direction::Inbound)
        .and_then(|i| i.language)
        .or_else(|| customer.and_then(|c| c.language))
}
