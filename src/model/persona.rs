//! Personas: named archetypes of the audience ("Marie, 19, Europe, a
//! competitor's unhappy customer") and the deterministic rules that assign
//! customers to them.

use std::collections::BTreeSet;
use std::fmt;

use jiff::civil::Date;

use crate::model::ids::Name;
use crate::model::{Channel, Country, Customer, Handle, Language, PersonaId, Role};
use crate::{ErrorKind, Result};

/// A number in `0..=1`, such as a persona's purchase potential.
///
/// ```
/// use social_crm::Potential;
///
/// assert_eq!(Potential::new("advocacy", 0.8)?.get(), 0.8);
/// assert!(Potential::new("advocacy", f64::NAN).is_err());
/// assert!(Potential::new("advocacy", 1.5).is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "f64", into = "f64"))]
pub struct Potential(f64);

impl Potential {
    /// Checks a value; `what` names it in the error.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUnitInterval`] if the value is NaN or outside
    /// `0..=1`.
    pub fn new(what: &'static str, value: f64) -> Result<Potential> {
        if (0.0..=1.0).contains(&value) {
            Ok(Potential(value))
        } else {
            Err(ErrorKind::InvalidUnitInterval { what, value }.into())
        }
    }

    /// The value, in `0..=1`.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Potential {
    type Error = crate::Error;

    fn try_from(value: f64) -> Result<Potential> {
        Potential::new("potential", value)
    }
}

impl From<Potential> for f64 {
    fn from(p: Potential) -> f64 {
        p.0
    }
}

/// What a persona is worth to the brand, each in `0..=1`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Potentials {
    /// How likely such a person is to buy (again).
    pub purchase: Potential,
    /// How likely they are to speak well of the brand when heard.
    pub advocacy: Potential,
    /// How far their voice carries.
    pub influence: Potential,
}

impl Potentials {
    /// Checks three values in `0..=1`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUnitInterval`] naming the first bad value.
    pub fn new(purchase: f64, advocacy: f64, influence: f64) -> Result<Potentials> {
        Ok(Potentials {
            purchase: Potential::new("purchase potential", purchase)?,
            advocacy: Potential::new("advocacy potential", advocacy)?,
            influence: Potential::new("influence potential", influence)?,
        })
    }
}

/// An inclusive range of ages in years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "(u8, u8)", into = "(u8, u8)"))]
pub struct AgeRange {
    min: u8,
    max: u8,
}

impl AgeRange {
    /// Ages `min..=max`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAgeRange`] if `min > max`.
    pub fn new(min: u8, max: u8) -> Result<AgeRange> {
        if min <= max {
            Ok(AgeRange { min, max })
        } else {
            Err(ErrorKind::InvalidAgeRange { min, max }.into())
        }
    }

    /// Whether `age` is in the range.
    pub fn contains(self, age: u8) -> bool {
        (self.min..=self.max).contains(&age)
    }
}

impl TryFrom<(u8, u8)> for AgeRange {
    type Error = crate::Error;

    fn try_from((min, max): (u8, u8)) -> Result<AgeRange> {
        AgeRange::new(min, max)
    }
}

impl From<AgeRange> for (u8, u8) {
    fn from(r: AgeRange) -> (u8, u8) {
        (r.min, r.max)
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..={}", self.min, self.max)
    }
}

/// The conditions a customer must meet to be given a persona. Every
/// condition that is set must hold; an empty set means "any". A condition on
/// a value the customer does not have (an age rule and no birth year) does not
/// hold.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct PersonaRule {
    /// The customer's age must be in this range.
    pub age: Option<AgeRange>,
    /// The customer must live in one of these countries.
    pub countries: BTreeSet<Country>,
    /// The customer must have at least one of these roles.
    pub roles: BTreeSet<Role>,
    /// The customer must have a handle on at least one of these channels.
    pub channels: BTreeSet<Channel>,
    /// The customer must prefer one of these languages.
    pub languages: BTreeSet<Language>,
}

impl PersonaRule {
    /// A rule that matches everyone; narrow it with the `with_*` methods.
    pub fn any() -> PersonaRule {
        PersonaRule::default()
    }

    /// Requires an age in `range`.
    #[must_use]
    pub fn with_age(mut self, range: AgeRange) -> PersonaRule {
        self.age = Some(range);
        self
    }

    /// Requires one of `countries`.
    #[must_use]
    pub fn with_countries(mut self, countries: impl IntoIterator<Item = Country>) -> PersonaRule {
        self.countries.extend(countries);
        self
    }

    /// Requires one of `roles`.
    #[must_use]
    pub fn with_roles(mut self, roles: impl IntoIterator<Item = Role>) -> PersonaRule {
        self.roles.extend(roles);
        self
    }

    /// Requires a handle on one of `channels`.
    #[must_use]
    pub fn with_channels(mut self, channels: impl IntoIterator<Item = Channel>) -> PersonaRule {
        self.channels.extend(channels);
        self
    }

    /// Requires one of `languages`.
    #[must_use]
    pub fn with_languages(mut self, languages: impl IntoIterator<Item = Language>) -> PersonaRule {
        self.languages.extend(languages);
        self
    }

    /// Checks every condition against `customer` on `today`, in a fixed
    /// order (age, country, role, channel, language).
    pub fn check(&self, customer: &Customer, today: Date) -> Vec<Criterion> {
        let mut out = Vec::new();
        if let Some(range) = self.age {
            let age = customer.age_on(today);
            out.push(Criterion {
                condition: Condition::Age(range),
                met: age.is_some_and(|a| range.contains(a)),
                observed: age.map_or_else(|| "unknown age".to_owned(), |a| format!("age {a}")),
            });
        }
        if !self.countries.is_empty() {
            out.push(Criterion {
                condition: Condition::Country,
                met: customer
                    .country
                    .is_some_and(|c| self.countries.contains(&c)),
                observed: customer
                    .country
                    .map_or_else(|| "unknown country".to_owned(), |c| c.to_string()),
            });
        }
        if !self.roles.is_empty() {
            out.push(Criterion {
                condition: Condition::Role,
                met: customer.roles.iter().any(|r| self.roles.contains(r)),
                observed: list(customer.roles.iter(), "no role"),
            });
        }
        if !self.channels.is_empty() {
            let channels: BTreeSet<Channel> =
                customer.handles.keys().map(Handle::channel).collect();
            out.push(Criterion {
                condition: Condition::Channel,
                met: channels.iter().any(|c| self.channels.contains(c)),
                observed: list(channels.iter(), "no handle"),
            });
        }
        if !self.languages.is_empty() {
            out.push(Criterion {
                condition: Condition::Language,
                met: customer
                    .language
                    .is_some_and(|l| self.languages.contains(&l)),
                observed: customer
                    .language
                    .map_or_else(|| "unknown language".to_owned(), |l| l.to_string()),
            });
        }
        out
    }
}

fn list<T: fmt::Display>(items: impl Iterator<Item = T>, empty: &str) -> String {
    let words: Vec<String> = items.map(|i| i.to_string()).collect();
    if words.is_empty() {
        empty.to_owned()
    } else {
        words.join(", ")
    }
}

/// Which condition of a [`PersonaRule`] a [`Criterion`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Condition {
    /// The age range.
    Age(AgeRange),
    /// The countries.
    Country,
    /// The roles.
    Role,
    /// The channels.
    Channel,
    /// The languages.
    Language,
}

/// One condition of a rule, checked against one customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    /// The condition.
    pub condition: Condition,
    /// Whether the customer meets it.
    pub met: bool,
    /// What the customer has, as the check saw it (`age 34`, `FR`, ...).
    pub observed: String,
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.met { "met" } else { "not met" };
        match self.condition {
            Condition::Age(range) => write!(f, "age in {range}: {mark} ({})", self.observed),
            Condition::Country => write!(f, "country: {mark} ({})", self.observed),
            Condition::Role => write!(f, "role: {mark} ({})", self.observed),
            Condition::Channel => write!(f, "channel: {mark} ({})", self.observed),
            Condition::Language => write!(f, "language: {mark} ({})", self.observed),
        }
    }
}

/// A named archetype of the audience, with the rule that defines it and what
/// it is worth.
///
/// ```
/// use social_crm::{AgeRange, Country, Persona, PersonaRule, Potentials, Role};
///
/// let john = Persona::new(
///     "john",
///     "John, 34, USA, regular customer",
///     PersonaRule::any()
///         .with_age(AgeRange::new(25, 45)?)
///         .with_countries([Country::new("US")?])
///         .with_roles([Role::Client]),
///     Potentials::new(0.7, 0.5, 0.2)?,
/// )?;
/// assert_eq!(john.name, "John, 34, USA, regular customer");
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Persona {
    /// Stable identifier.
    pub id: PersonaId,
    /// The name the desk uses ("Marie, 19, Europe, a competitor's unhappy
    /// customer").
    pub name: Name,
    /// Who belongs to it.
    pub rule: PersonaRule,
    /// What such a customer is worth.
    pub potentials: Potentials,
}

impl Persona {
    /// A persona.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidId`] for a bad id, [`ErrorKind::InvalidText`] for a
    /// blank name.
    pub fn new(id: &str, name: &str, rule: PersonaRule, potentials: Potentials) -> Result<Persona> {
        let id = PersonaId::new(id)?;
        let name = Name::checked("persona name", name)?;
        Ok(Persona {
            id,
            name,
            rule,
            potentials,
        })
    }
}

/// The outcome of [`assign_persona`]: a persona, none, or not allowed.
///
/// Profiling a customer who refused it is not a "no match": it is its own
/// outcome, so no caller can mistake one for the other.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PersonaAssignment<'p> {
    /// The first persona, in the order given, whose rule the customer meets.
    Matched {
        /// The persona.
        persona: &'p Persona,
        /// Its conditions, all met, with what the customer had.
        criteria: Vec<Criterion>,
    },
    /// No persona's rule holds. For each persona, in order, its conditions
    /// with which were not met.
    NoMatch {
        /// Every persona tried, with the outcome of each condition.
        tried: Vec<(&'p Persona, Vec<Criterion>)>,
    },
    /// The customer refused profiling: no persona is assigned.
    ProfilingRefused,
}

impl PersonaAssignment<'_> {
    /// The persona, if one matched.
    pub fn persona(&self) -> Option<&Persona> {
        match self {
            PersonaAssignment::Matched { persona, .. } => Some(persona),
            _ => None,
        }
    }
}

impl fmt::Display for PersonaAssignment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PersonaAssignment::Matched { persona, criteria } => {
                write!(f, "{}", persona.name)?;
                for c in criteria {
                    write!(f, "\n  {c}")?;
                }
                Ok(())
            }
            PersonaAssignment::NoMatch { tried } => {
                f.write_str("no persona")?;
                for (persona, criteria) in tried {
                    let failed: Vec<String> = criteria
                        .iter()
                        .filter(|c| !c.met)
                        .map(ToString::to_string)
                        .collect();
                    write!(f, "\n  {}: {}", persona.name, failed.join("; "))?;
                }
                Ok(())
            }
            PersonaAssignment::ProfilingRefused => f.write_str("not profiled: consent refused"),
        }
    }
}

/// Gives `customer` the first persona of `personas` whose rule they meet on
/// `today` (ages are reckoned in `today`'s year).
///
/// Deterministic: the same customer, personas and date always give the same
/// answer, and the answer says which conditions were met.
///
/// ```
/// use social_crm::{assign_persona, sample};
///
/// let week = sample::week();
/// let today = week.now.to_zoned_datetime(week.time_zone.clone()).date();
/// let marie = week.customer("c012").unwrap();
/// let assignment = assign_persona(marie, &week.personas, today);
/// assert_eq!(assignment.persona().map(|p| p.id.as_str()), Some("marie"));
/// ```
pub fn assign_persona<'p>(
    customer: &Customer,
    personas: &'p [Persona],
    today: Date,
) -> PersonaAssignment<'p> {
    if customer.refused_profiling() {
        return PersonaAssignment::ProfilingRefused;
    }
    let mut tried = Vec::with_capacity(personas.len());
    for persona in personas {
        let criteria = persona.rule.check(customer, today);
        if criteria.iter().all(|c| c.met) {
            return PersonaAssignment::Matched { persona, criteria };
        }
        tried.push((persona, criteria));
    }
    PersonaAssignment::NoMatch { tried }
}
