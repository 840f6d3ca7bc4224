//! Persona sentiment maps: what each persona thinks of the brand, overall
//! and topic by topic, period by period, with the messages behind each cell.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::directory::{Directory, Resolution};
use crate::model::{
    assign_persona, Customer, Direction, Interaction, InteractionId, Persona, PersonaAssignment,
};
use crate::sentiment::{Analyzer, Label};

word_enum! {
    /// The periods a map is cut in.
    pub enum Period ("map period") {
        /// Calendar days, in the map's time zone.
        Day => "day",
        /// ISO weeks (Monday to Sunday), in the map's time zone.
        Week => "week",
    }
}

/// What one persona said about one topic (or the brand overall) in one
/// period.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Cell {
    /// Positive messages.
    pub positive: u32,
    /// Neutral messages.
    pub neutral: u32,
    /// Negative messages.
    pub negative: u32,
    /// The sum of their compound scores (see [`Cell::mean`]).
    pub compound_sum: f64,
    /// The messages behind the cell, in time order.
    pub interactions: Vec<InteractionId>,
}

impl Cell {
    /// How many messages: positive, neutral and negative together.
    pub fn messages(&self) -> u32 {
        self.positive
            .saturating_add(self.neutral)
            .saturating_add(self.negative)
    }

    /// The mean compound score, `-1..=1` (0 for an empty cell).
    pub fn mean(&self) -> f64 {
        match self.messages() {
            0 => 0.0,
            n => self.compound_sum / f64::from(n),
        }
    }

    /// The share of negative messages, `0..=1`.
    pub fn negative_share(&self) -> f64 {
        match self.messages() {
            0 => 0.0,
            n => f64::from(self.negative) / f64::from(n),
        }
    }

    fn add(&mut self, id: &InteractionId, label: Label, compound: f64) {
        match label {
            Label::Positive => self.positive = self.positive.saturating_add(1),
            Label::Neutral => self.neutral = self.neutral.saturating_add(1),
            Label::Negative => self.negative = self.negative.saturating_add(1),
        }
        self.compound_sum += compound;
        self.interactions.push(id.clone());
    }

    fn merge(&mut self, other: &Cell) {
        self.positive = self.positive.saturating_add(other.positive);
        self.neutral = self.neutral.saturating_add(other.neutral);
        self.negative = self.negative.saturating_add(other.negative);
        self.compound_sum += other.compound_sum;
        self.interactions.extend(other.interactions.iter().cloned());
    }
}

/// Each persona's sentiment toward the brand, overall and per tag, period
/// by period.
///
/// Only customers' messages count, and only from customers the directory
/// knows who accept profiling: a customer who refused it has no persona,
/// so no message of theirs is in any cell ([`PersonaMap::left_out`] counts
/// them, by reason).
///
/// ```
/// use social_crm::desk::{PersonaMap, Period};
/// use social_crm::sentiment::Analyzer;
/// use social_crm::sample;
///
/// let week = sample::week();
/// let directory = week.directory()?;
/// let map = PersonaMap::build(
///     &week.interactions(),
///     &directory,
///     &week.personas,
///     &Analyzer::default(),
///     &week.time_zone,
///     Period::Week,
/// );
/// // What do the "voices" think of our delivery this week?
/// let monday = "2026-11-16".parse()?;
/// let cell = map.cell("voices", Some("delivery"), monday).unwrap();
/// assert!(cell.messages() > 0 && cell.mean() < 0.0);
/// assert!(map.left_out().refused > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PersonaMap {
    period: Option<Period>,
    /// Cells by (persona, topic, period start), sorted.
    cells: Vec<Entry>,
    left_out: LeftOut,
}

/// One cell and where it sits.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Entry {
    persona: String,
    topic: Option<String>,
    start: Date,
    cell: Cell,
}

/// Messages a map leaves out, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LeftOut {
    /// From customers who refused profiling.
    pub refused: u32,
    /// From customers no persona's rule fits.
    pub no_persona: u32,
    /// From authors the directory does not know (or knows twice).
    pub unknown_author: u32,
}

impl PersonaMap {
    /// The map of `interactions` (customers' messages only) for `personas`,
    /// cut in periods of `period` in `time_zone`. Personas are assigned on
    /// each message's own day.
    pub fn build(
        interactions: &[&Interaction],
        directory: &Directory,
        personas: &[Persona],
        analyzer: &Analyzer,
        time_zone: &TimeZone,
        period: Period,
    ) -> PersonaMap {
        let mood = |_: usize, i: &Interaction, writer: &Customer| {
            let s = analyzer.score_with_usual_language(&i.text, i.language, writer.language);
            (s.label, s.compound)
        };
        PersonaMap::build_scored(interactions, directory, personas, &mood, time_zone, period)
    }

    /// [`PersonaMap::build`] with the sentiment of each customer message
    /// given by `mood` (its place in `interactions`, the message, its
    /// writer): the desk passes the moods it kept.
    pub(super) fn build_scored(
        interactions: &[&Interaction],
        directory: &Directory,
        personas: &[Persona],
        mood: &dyn Fn(usize, &Interaction, &Customer) -> (Label, f64),
        time_zone: &TimeZone,
        period: Period,
    ) -> PersonaMap {
        let mut cells: BTreeMap<(String, Option<String>, Date), Cell> = BTreeMap::new();
        let mut left_out = LeftOut::default();
        for (k, &i) in interactions
            .iter()
            .enumerate()
            .filter(|(_, i)| i.direction == Direction::Inbound)
        {
            let Some(handle) = i.customer_handle() else {
                continue;
            };
            let Resolution::Customer(customer) = directory.resolve(handle) else {
                left_out.unknown_author = left_out.unknown_author.saturating_add(1);
                continue;
            };
            let day = i.at.to_zoned_datetime(time_zone.clone()).date();
            let persona = match assign_persona(customer, personas, day) {
                PersonaAssignment::Matched { persona, .. } => persona,
                PersonaAssignment::ProfilingRefused => {
                    left_out.refused = left_out.refused.saturating_add(1);
                    continue;
                }
                _ => {
                    left_out.no_persona = left_out.no_persona.saturating_add(1);
                    continue;
                }
            };
            let start = match period {
                Period::Day => day,
                Period::Week => {
                    let back = i16::from(day.weekday().to_monday_zero_offset());
                    day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
                }
            };
            let (label, compound) = mood(k, i, customer);
            let id = persona.id.as_str().to_owned();
            let topics =
                std::iter::once(None).chain(i.tags.iter().map(|t| Some(t.as_str().to_owned())));
            for topic in topics {
                cells
                    .entry((id.clone(), topic, start))
                    .or_default()
                    .add(&i.id, label, compound);
            }
        }
        PersonaMap {
            period: Some(period),
            cells: cells
                .into_iter()
                .map(|((persona, topic, start), cell)| Entry {
                    persona,
                    topic,
                    start,
                    cell,
                })
                .collect(),
            left_out,
        }
    }

    /// The period the map is cut in.
    pub fn period(&self) -> Option<Period> {
        self.period
    }

    /// One cell: a persona's messages on a topic (`None`: all of them) in
    /// the period starting on `start`.
    pub fn cell(&self, persona: &str, topic: Option<&str>, start: Date) -> Option<&Cell> {
        self.cells
            .binary_search_by(|e| {
                (e.persona.as_str(), e.topic.as_deref(), e.start).cmp(&(persona, topic, start))
            })
            .ok()
            .map(|i| &self.cells[i].cell)
    }

    /// A persona's messages on a topic (`None`: all) over every period.
    pub fn total(&self, persona: &str, topic: Option<&str>) -> Cell {
        let mut total = Cell::default();
        for e in self
            .cells
            .iter()
            .filter(|e| e.persona == persona && e.topic.as_deref() == topic)
        {
            total.merge(&e.cell);
        }
        total
    }

    /// The personas with at least one message, in order.
    pub fn personas(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.cells.iter().map(|e| e.persona.as_str()).collect();
        set.into_iter().collect()
    }

    /// The topics (tags) with at least one message, in order.
    pub fn topics(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .cells
            .iter()
            .filter_map(|e| e.topic.as_deref())
            .collect();
        set.into_iter().collect()
    }

    /// The first days of the periods with at least one message, in order.
    pub fn periods(&self) -> Vec<Date> {
        let set: BTreeSet<Date> = self.cells.iter().map(|e| e.start).collect();
        set.into_iter().collect()
    }

    /// Messages left out, by reason.
    pub fn left_out(&self) -> LeftOut {
        self.left_out
    }
}
