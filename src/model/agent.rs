//! Agents: the people who answer, what they speak and what they know.

use std::collections::BTreeSet;

use crate::model::ids::check_name;
use crate::model::{AgentId, Language, Tag};
#[cfg(doc)]
use crate::ErrorKind;
use crate::Result;

/// A care-desk agent.
///
/// Skills are tags such as `twitter`, `billing`, `delivery` or `crisis`;
/// teams are tags such as `social-fr`. The capacity is how many conversations
/// the agent can hold at once (0 means not taking conversations).
///
/// ```
/// use social_crm::{Agent, Language};
///
/// let eric = Agent::new("a1", "Eric Dupont", 6)?
///     .with_language(Language::FRENCH)
///     .with_language(Language::ENGLISH)
///     .with_skill("twitter".parse()?)
///     .with_team("social-fr".parse()?);
/// assert_eq!(eric.first_name(), "Eric");
/// assert!(eric.speaks(Language::ENGLISH));
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
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::model::ids::deserialize_name")
    )]
    pub name: String,
    /// Languages the agent answers in.
    #[cfg_attr(feature = "serde", serde(default))]
    pub languages: BTreeSet<Language>,
    /// What the agent is trained for: channels, topics, escalation.
    #[cfg_attr(feature = "serde", serde(default))]
    pub skills: BTreeSet<Tag>,
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
        check_name("agent name", name)?;
        Ok(Agent {
            id,
            name: name.to_owned(),
            languages: BTreeSet::new(),
            skills: BTreeSet::new(),
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

    /// Whether the agent has the skill named `skill`.
    pub fn has_skill(&self, skill: &str) -> bool {
        self.skills.iter().any(|s| s.as_str() == skill)
    }

    /// The first word of the name, for a friendly signature.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}
