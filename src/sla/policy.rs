//! SLA policies: what the brand promises, for which conversations.
//!
//! A [`PolicySet`] is an ordered list of [`Policy`]s; the first whose
//! [`Condition`]s all hold applies to a conversation, as in Zendesk. A policy
//! gives [`Target`]s per [`Metric`], optionally per [`Priority`].

use std::collections::BTreeSet;
use std::fmt;

use jiff::SignedDuration;

use crate::model::{
    Channel, Conversation, ConversationStatus, Customer, Direction, Language, PersonaId, Role, Tag,
    Visibility,
};
use crate::{ErrorKind, Result};

word_enum! {
    /// What an SLA measures.
    #[non_exhaustive]
    pub enum Metric ("sla metric") {
        /// From the customer's first message to the brand's first reply.
        FirstResponse => "first-response" | "first-reply",
        /// From the oldest customer message left unanswered after a brand
        /// reply to the next reply.
        NextResponse => "next-response" | "next-reply",
        /// Between two brand replies while the conversation is unresolved.
        PeriodicUpdate => "periodic-update",
        /// From the first customer message (or a reopening) to solved.
        Resolution => "resolution",
    }
}

word_enum! {
    /// How urgent a conversation is.
    pub enum Priority ("priority") {
        /// Drop everything.
        Urgent => "urgent",
        /// Before the normal queue.
        High => "high",
        /// The default.
        Normal => "normal",
        /// When time allows.
        Low => "low",
    }
}

word_enum! {
    /// Which clock a target counts in.
    pub enum Hours ("kind of hours") {
        /// Only the open time of the desk's business calendar.
        Business => "business",
        /// Every hour of the day, every day.
        Calendar => "calendar",
    }
}

/// One promise: how long, in which hours, when to warn, and which statuses
/// stop the clock.
///
/// ```
/// use social_crm::sla::{Hours, Target};
/// use social_crm::ConversationStatus;
/// use social_crm::jiff::SignedDuration;
///
/// let target = Target::new(SignedDuration::from_hours(8), Hours::Business)?
///     .warn_at(0.5)?
///     .paused_by([ConversationStatus::Pending]);
/// assert_eq!(target.warning_share(), 0.5);
/// assert!(Target::new(SignedDuration::ZERO, Hours::Business).is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "TargetFields"))]
pub struct Target {
    within: SignedDuration,
    hours: Hours,
    warn_at: f64,
    paused_by: BTreeSet<ConversationStatus>,
}

impl Target {
    /// The share of the target at which a running clock warns by default.
    pub const DEFAULT_WARNING: f64 = 0.75;

    /// A target of `within`, counted in `hours`, warning at 75 %, never
    /// paused.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTarget`] unless `within` is positive.
    pub fn new(within: SignedDuration, hours: Hours) -> Result<Target> {
        if !within.is_positive() {
            return Err(ErrorKind::InvalidTarget {
                reason: format!("the target must be positive, not `{within}`"),
            }
            .into());
        }
        Ok(Target {
            within,
            hours,
            warn_at: Target::DEFAULT_WARNING,
            paused_by: BTreeSet::new(),
        })
    }

    /// Warn once this share of the target is used.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUnitInterval`] unless `share` is in `0..=1`.
    pub fn warn_at(mut self, share: f64) -> Result<Target> {
        if !(0.0..=1.0).contains(&share) {
            return Err(ErrorKind::InvalidUnitInterval {
                what: "warning share",
                value: share,
            }
            .into());
        }
        self.warn_at = share;
        Ok(self)
    }

    /// The clock stops while the conversation is in one of these statuses
    /// (for example `pending` on the customer, `on-hold` on a carrier).
    #[must_use]
    pub fn paused_by(mut self, statuses: impl IntoIterator<Item = ConversationStatus>) -> Target {
        self.paused_by.extend(statuses);
        self
    }

    /// How long the promise gives.
    pub fn within(&self) -> SignedDuration {
        self.within
    }

    /// Which hours count.
    pub fn hours(&self) -> Hours {
        self.hours
    }

    /// The share of the target at which to warn.
    pub fn warning_share(&self) -> f64 {
        self.warn_at
    }

    /// The statuses that pause the clock.
    pub fn pausing_statuses(&self) -> &BTreeSet<ConversationStatus> {
        &self.paused_by
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} hours)", friendly(self.within), self.hours)
    }
}

/// `1h 30m`, `45m`, `2d 4h`: a duration as a desk writes it.
pub(crate) fn friendly(d: SignedDuration) -> String {
    let sign = if d.is_negative() { "-" } else { "" };
    let total = d.as_secs().unsigned_abs();
    let (days, hours, minutes, seconds) = (
        total / 86_400,
        total % 86_400 / 3600,
        total % 3600 / 60,
        total % 60,
    );
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes}m"));
    }
    if seconds > 0 || parts.is_empty() {
        parts.push(format!("{seconds}s"));
    }
    format!("{sign}{}", parts.join(" "))
}

/// What a conversation is, for choosing its policy.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TicketContext {
    /// Its priority.
    pub priority: Priority,
    /// The channel it started on.
    pub channel: Option<Channel>,
    /// Whether it started in public.
    pub visibility: Option<Visibility>,
    /// The customer's roles.
    pub roles: BTreeSet<Role>,
    /// The customer's persona, if assigned.
    pub persona: Option<PersonaId>,
    /// The conversation's language (of its first message, else the
    /// customer's).
    pub language: Option<Language>,
    /// Every tag of its interactions.
    pub tags: BTreeSet<Tag>,
}

impl TicketContext {
    /// The context of a conversation with the given priority, from its first
    /// customer message and (if known) the customer.
    pub fn of(
        conversation: &Conversation,
        customer: Option<&Customer>,
        priority: Priority,
    ) -> TicketContext {
        let first = conversation
            .interactions()
            .iter()
            .find(|i| i.direction == Direction::Inbound)
            .or_else(|| conversation.first());
        TicketContext {
            priority,
            channel: first.map(|i| i.channel.clone()),
            visibility: first.map(|i| i.visibility),
            roles: customer.map(|c| c.roles.clone()).unwrap_or_default(),
            persona: None,
            language: first
                .and_then(|i| i.language)
                .or(customer.and_then(|c| c.language)),
            tags: conversation
                .interactions()
                .iter()
                .flat_map(|i| i.tags.iter().cloned())
                .collect(),
        }
    }

    /// Sets the persona.
    #[must_use]
    pub fn with_persona(mut self, persona: PersonaId) -> TicketContext {
        self.persona = Some(persona);
        self
    }
}

/// A condition on a [`TicketContext`]. A set condition holds when the
/// context's value is one of the set.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Condition {
    /// The priority is one of these.
    Priority(BTreeSet<Priority>),
    /// The channel is one of these.
    Channel(BTreeSet<Channel>),
    /// The conversation started in public (or in private).
    Visibility(Visibility),
    /// The customer has one of these roles.
    Role(BTreeSet<Role>),
    /// The customer's persona is one of these.
    Persona(BTreeSet<PersonaId>),
    /// The language is one of these.
    Language(BTreeSet<Language>),
    /// The conversation carries one of these tags.
    Tag(BTreeSet<Tag>),
}

impl Condition {
    /// Whether the condition holds for `ctx`.
    pub fn holds(&self, ctx: &TicketContext) -> bool {
        match self {
            Condition::Priority(set) => set.contains(&ctx.priority),
            Condition::Channel(set) => ctx.channel.as_ref().is_some_and(|c| set.contains(c)),
            Condition::Visibility(v) => ctx.visibility == Some(*v),
            Condition::Role(set) => ctx.roles.iter().any(|r| set.contains(r)),
            Condition::Persona(set) => ctx.persona.as_ref().is_some_and(|p| set.contains(p)),
            Condition::Language(set) => ctx.language.is_some_and(|l| set.contains(&l)),
            Condition::Tag(set) => ctx.tags.iter().any(|t| set.contains(t)),
        }
    }
}

/// A metric's target, for one priority or for all.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TargetRule {
    /// The metric.
    pub metric: Metric,
    /// The priority it is for; `None` for every priority without its own.
    pub priority: Option<Priority>,
    /// The target.
    pub target: Target,
}

/// A named SLA policy: when it applies, and what it promises.
///
/// ```
/// use social_crm::sla::{Condition, Hours, Metric, Policy, Priority, Target};
/// use social_crm::{Channel, Visibility};
/// use social_crm::jiff::SignedDuration;
///
/// let public_social = Policy::new("public social")?
///     .when(Condition::Visibility(Visibility::Public))
///     .target(Metric::FirstResponse, None, Target::new(SignedDuration::from_hours(1), Hours::Business)?)
///     .target(
///         Metric::FirstResponse,
///         Some(Priority::Urgent),
///         Target::new(SignedDuration::from_mins(15), Hours::Calendar)?,
///     );
/// let urgent = public_social.target_for(Metric::FirstResponse, Priority::Urgent).unwrap();
/// assert_eq!(urgent.within(), SignedDuration::from_mins(15));
/// let normal = public_social.target_for(Metric::FirstResponse, Priority::Normal).unwrap();
/// assert_eq!(normal.within(), SignedDuration::from_hours(1));
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PolicyFields"))]
pub struct Policy {
    name: String,
    conditions: Vec<Condition>,
    targets: Vec<TargetRule>,
}

impl Policy {
    /// A policy with no condition (it applies to everything) and no target.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidText`] for a blank name.
    pub fn new(name: &str) -> Result<Policy> {
        crate::model::ids::check_name("policy name", name)?;
        Ok(Policy {
            name: name.to_owned(),
            conditions: Vec::new(),
            targets: Vec::new(),
        })
    }

    /// Adds a condition; all must hold for the policy to apply.
    #[must_use]
    pub fn when(mut self, condition: Condition) -> Policy {
        self.conditions.push(condition);
        self
    }

    /// Adds (or replaces) the target of `metric` for `priority` (`None`:
    /// every priority without a target of its own).
    #[must_use]
    pub fn target(mut self, metric: Metric, priority: Option<Priority>, target: Target) -> Policy {
        self.targets
            .retain(|r| !(r.metric == metric && r.priority == priority));
        self.targets.push(TargetRule {
            metric,
            priority,
            target,
        });
        self
    }

    /// The policy's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its conditions.
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    /// Whether every condition holds for `ctx`.
    pub fn applies_to(&self, ctx: &TicketContext) -> bool {
        self.conditions.iter().all(|c| c.holds(ctx))
    }

    /// The target of `metric` at `priority`: the priority's own, else the
    /// one for every priority.
    pub fn target_for(&self, metric: Metric, priority: Priority) -> Option<&Target> {
        let rule = |p: Option<Priority>| {
            self.targets
                .iter()
                .find(|r| r.metric == metric && r.priority == p)
        };
        rule(Some(priority))
            .or_else(|| rule(None))
            .map(|r| &r.target)
    }

    /// The metrics this policy has a target for.
    pub fn metrics(&self) -> BTreeSet<Metric> {
        self.targets.iter().map(|r| r.metric).collect()
    }
}

/// A target as stored, checked by [`Target::new`] and [`Target::warn_at`]
/// on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFields {
    within: SignedDuration,
    hours: Hours,
    warn_at: f64,
    #[serde(default)]
    paused_by: BTreeSet<ConversationStatus>,
}

#[cfg(feature = "serde")]
impl TryFrom<TargetFields> for Target {
    type Error = crate::Error;

    fn try_from(f: TargetFields) -> Result<Target> {
        Ok(Target::new(f.within, f.hours)?
            .warn_at(f.warn_at)?
            .paused_by(f.paused_by))
    }
}

/// A policy as stored, checked on the way in: a name that is not blank, and
/// at most one target per metric and priority.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFields {
    name: String,
    #[serde(default)]
    conditions: Vec<Condition>,
    #[serde(default)]
    targets: Vec<TargetRule>,
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyFields> for Policy {
    type Error = crate::Error;

    fn try_from(f: PolicyFields) -> Result<Policy> {
        let mut policy = Policy::new(&f.name)?;
        policy.conditions = f.conditions;
        for rule in f.targets {
            if policy
                .targets
                .iter()
                .any(|r| (r.metric, r.priority) == (rule.metric, rule.priority))
            {
                let priority = rule
                    .priority
                    .map_or("every priority".to_owned(), |p| p.to_string());
                return Err(ErrorKind::InvalidTarget {
                    reason: format!(
                        "policy `{}` has two {} targets for {priority}",
                        f.name, rule.metric
                    ),
                }
                .into());
            }
            policy.targets.push(rule);
        }
        Ok(policy)
    }
}

/// Policies in order: the first that applies wins.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PolicySet {
    policies: Vec<Policy>,
}

impl PolicySet {
    /// No policy.
    pub fn new() -> PolicySet {
        PolicySet::default()
    }

    /// Appends a policy (tried after those already there).
    #[must_use]
    pub fn then(mut self, policy: Policy) -> PolicySet {
        self.policies.push(policy);
        self
    }

    /// The first policy that applies to `ctx`.
    pub fn select(&self, ctx: &TicketContext) -> Option<&Policy> {
        self.policies.iter().find(|p| p.applies_to(ctx))
    }

    /// The policies, in order.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// A sensible starting point for a social care desk: public social
    /// messages answered within 1 business hour (15 calendar minutes when
    /// urgent), private social messages and chats within 2, emails and
    /// forms within 8, next responses within the same, periodic updates
    /// every 24 business hours, and resolution within 3 business days,
    /// paused while pending on the customer or on hold. Warnings at 75 %.
    ///
    /// # Errors
    ///
    /// None in practice: the values are valid.
    pub fn care_desk_default() -> Result<PolicySet> {
        use ConversationStatus::{OnHold, Pending};
        let hours = |h: i64| Target::new(SignedDuration::from_hours(h), Hours::Business);
        let resolution = hours(3 * 18)?.paused_by([Pending, OnHold]);
        let update = hours(24)?.paused_by([Pending, OnHold]);
        let public = Policy::new("public social")?
            .when(Condition::Visibility(Visibility::Public))
            .target(Metric::FirstResponse, None, hours(1)?)
            .target(
                Metric::FirstResponse,
                Some(Priority::Urgent),
                Target::new(SignedDuration::from_mins(15), Hours::Calendar)?,
            )
            .target(Metric::NextResponse, None, hours(1)?)
            .target(Metric::PeriodicUpdate, None, update.clone())
            .target(Metric::Resolution, None, resolution.clone());
        let direct_fast = Policy::new("private messages and chat")?
            .when(Condition::Channel(
                [
                    Channel::Twitter,
                    Channel::Facebook,
                    Channel::Instagram,
                    Channel::WhatsApp,
                    Channel::LiveChat,
                    Channel::Sms,
                    Channel::Phone,
                ]
                .into_iter()
                .collect(),
            ))
            .target(Metric::FirstResponse, None, hours(2)?)
            .target(Metric::NextResponse, None, hours(2)?)
            .target(Metric::PeriodicUpdate, None, update.clone())
            .target(Metric::Resolution, None, resolution.clone());
        let everything_else = Policy::new("email, forms and the rest")?
            .target(Metric::FirstResponse, None, hours(8)?)
            .target(Metric::FirstResponse, Some(Priority::Urgent), hours(2)?)
            .target(Metric::NextResponse, None, hours(8)?)
            .target(Metric::PeriodicUpdate, None, update)
            .target(Metric::Resolution, None, resolution);
        Ok(PolicySet::new()
            .then(public)
            .then(direct_fast)
            .then(everything_else))
    }
}
