//! Agents: the people who answer, what they speak and what they know.

use std::collections::BTreeSet;

use crate::model::ids::Name;
use crate::model::{AgentId, Channel, Language, Tag};
#[cfg(doc)]
use crate::ErrorKind;
use crate::Result;

word_enum! {
    /// How senior an agent is: crises, influential detractors and customers
    /// who ask for a manager go to senior agents.
    #[derive(Default)]
    pub enum Level ("agent level") {
        /// Answers the everyday queue.
        #[default]
        Standard => "standard" | "agent",
        /// Also takes escalations: crises, influential detractors,
        /// customers whose messages call for a senior (a manager asked for,
        /// a threat, a harm reported).
        Senior => "senior" | "lead",
    }
}

/// A care-desk agent.
///
/// The channels are those the agent works on (routing gives an agent only
/// conversations on them); skills are topic tags such as `billing`,
/// `delivery` or `press`; teams are tags such as `social-fr`. The capacity is
/// how many conversations the agent can hold at once (0 means not taking
/// conversations).
///
/// ```
/// use social_crm::{Agent, Channel, Language, Level};
///
/// let eric = Agent::new("a1", "Eric Dupont", 6)?
///     .with_language(Language::FRENCH)
///     .with_language(Language::ENGLISH)
///     .with_channel(Channel::Twitter)
///     .with_skill("delivery".parse()?)
///     .with_level(Level::Senior)
///     .with_team("social-fr".parse()?);
/// assert_eq!(eric.first_name(), "Eric");
/// assert!(eric.speaks(Language::ENGLISH));
/// assert!(eric.works_on(&Channel::Twitter) && !eric.works_on(&Channel::Email));
/// assert!(eric.is_senior());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Agent {
    /// Stable identifier.
    pub id: AgentId,
    /// The agent's own name, as they sign replies ("Eric Dupont", never
    /// "Service Client").
    pub name: Name,
    /// Languages the agent answers in.
    #[cfg_attr(feature = "serde", serde(default))]
    pub languages: BTreeSet<Language>,
    /// The channels the agent works on.
    #[cfg_attr(feature = "serde", serde(default))]
    pub channels: BTreeSet<Channel>,
    /// Topics the agent knows: `billing`, `delivery`, `press`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub skills: BTreeSet<Tag>,
    /// How senior the agent is.
    #[cfg_attr(feature = "serde", serde(default))]
    pub level: Level,
    /// Teams the agent belongs to.
    #[cfg_attr(feature = "serde", serde(default))]
    pub teams: BTreeSet<Tag>,
    /// Conversations the agent can hold at once.
    pub capacity: u32,
}

impl Agent {
    /// An agent with a name and a capacity.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidId`] for a bad id, [`ErrorKind::InvalidText`] for a
    /// blank name.
    pub fn new(id: &str, name: &str, capacity: u32) -> Result<Agent> {
        let id = AgentId::new(id)?;
        let name = Name::checked("agent name", name)?;
        Ok(Agent {
            id,
            name,
            languages: BTreeSet::new(),
            channels: BTreeSet::new(),
            skills: BTreeSet::new(),
            level: Level::Standard,
            teams: BTreeSet::new(),
            capacity,
        })
    }

    /// Adds a language.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Agent {
        self.languages.insert(language);
        self
    }

    /// Adds a channel the agent works on.
    #[must_use]
    pub fn with_channel(mut self, channel: Channel) -> Agent {
        self.channels.insert(channel);
        self
    }

    /// Sets the level.
    #[must_use]
    pub fn with_level(mut self, level: Level) -> Agent {
        self.level = level;
        self
    }

    /// Adds a skill.
    #[must_use]
    pub fn with_skill(mut self, skill: Tag) -> Agent {
        self.skills.insert(skill);
        self
    }

    /// Adds a team.
    #[must_use]
    pub fn with_team(mut self, team: Tag) -> Agent {
        self.teams.insert(team);
        self
    }

    /// Whether the agent answers in `language`.
    pub fn speaks(&self, language: Language) -> bool {
        self.languages.contains(&language)
    }

    /// Whether the agent works on `channel`.
    pub fn works_on(&self, channel: &Channel) -> bool {
        self.channels.contains(channel)
    }

    /// Whether the agent takes escalations.
    pub fn is_senior(&self) -> bool {
        self.level == Level::Senior
    }

    /// Whether the agent has the skill named `skill`.
    pub fn has_skill(&self, skill: &str) -> bool {
        self.skills.iter().any(|s| s.as_str() == skill)
    }

    /// The first word of the name, for a friendly signature.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}
