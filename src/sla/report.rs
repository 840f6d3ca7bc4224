//! Attainment reports over many conversations.

use std::collections::BTreeMap;
use std::fmt;

use jiff::SignedDuration;

use super::clock::{ClockStatus, ConversationSla, MetricClock};
use super::policy::{friendly, Metric};

/// How many clocks of one kind met their target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Attainment {
    /// Stopped within the target.
    pub achieved: usize,
    /// Over the target (stopped late or still running).
    pub breached: usize,
    /// Still running within the target (including warnings and pauses).
    pub open: usize,
}

impl Attainment {
    fn count(&mut self, clock: &MetricClock) {
        match clock.status {
            ClockStatus::Achieved => self.achieved += 1,
            ClockStatus::Breached => self.breached += 1,
            _ => self.open += 1,
        }
    }

    /// The share met, in percent, of the clocks that are decided (achieved
    /// or breached); `None` when none is.
    pub fn percent_met(&self) -> Option<f64> {
        let decided = self.achieved + self.breached;
        (decided > 0).then(|| 100.0 * self.achieved as f64 / decided as f64)
    }
}

impl fmt::Display for Attainment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.percent_met() {
            Some(p) => write!(
                f,
                "{p:.1}% met ({} of {})",
                self.achieved,
                self.achieved + self.breached
            ),
            None => f.write_str("nothing decided yet"),
        }?;
        if self.open > 0 {
            write!(f, ", {} open", self.open)?;
        }
        Ok(())
    }
}

/// Median and 90th percentile of stopped clocks' times (nearest rank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TimeStats {
    /// How many stopped clocks.
    pub count: usize,
    /// Median time in the target's hours, pauses excluded.
    pub median: SignedDuration,
    /// 90th percentile of the same.
    pub p90: SignedDuration,
    /// Median wall-clock time.
    pub median_calendar: SignedDuration,
    /// 90th percentile wall-clock time.
    pub p90_calendar: SignedDuration,
}

impl TimeStats {
    fn of<'a>(clocks: impl Iterator<Item = &'a MetricClock>) -> TimeStats {
        let stopped: Vec<&MetricClock> = clocks.filter(|c| c.stopped.is_some()).collect();
        let mut counted: Vec<SignedDuration> = stopped.iter().map(|c| c.elapsed).collect();
        let mut wall: Vec<SignedDuration> = stopped.iter().map(|c| c.calendar_elapsed).collect();
        counted.sort();
        wall.sort();
        TimeStats {
            count: stopped.len(),
            median: rank(&counted, 50),
            p90: rank(&counted, 90),
            median_calendar: rank(&wall, 50),
            p90_calendar: rank(&wall, 90),
        }
    }
}

/// The nearest-rank percentile of sorted values (zero when there are none).
fn rank(sorted: &[SignedDuration], percent: usize) -> SignedDuration {
    if sorted.is_empty() {
        return SignedDuration::ZERO;
    }
    let k = (percent * sorted.len())
        .div_ceil(100)
        .clamp(1, sorted.len());
    sorted[k - 1]
}

/// Attainment per metric, overall and broken down by channel, priority,
/// agent and language, with response and resolution times.
///
/// ```
/// use social_crm::sla::{
///     evaluate, BusinessCalendar, PolicySet, Priority, SlaReport, TicketContext, WeeklySchedule,
/// };
/// use social_crm::sla::Metric;
/// use social_crm::sample;
///
/// let week = sample::week();
/// let desk = BusinessCalendar::new(week.time_zone.clone(), WeeklySchedule::new().every_day("08:00-02:00".parse()?))?;
/// let policies = PolicySet::care_desk_default()?;
/// let mut evaluated = Vec::new();
/// for conversation in &week.conversations {
///     let ctx = TicketContext::of(conversation, None, Priority::Normal);
///     evaluated.push(evaluate(conversation, &ctx, &policies, &desk, week.now)?);
/// }
/// let report = SlaReport::new(&evaluated);
/// let first = report.overall[&Metric::FirstResponse];
/// assert!(first.achieved > first.breached);
/// println!("{report}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SlaReport {
    /// How many conversations were evaluated.
    pub conversations: usize,
    /// Per metric.
    pub overall: BTreeMap<Metric, Attainment>,
    /// Per channel, then metric.
    pub by_channel: BTreeMap<String, BTreeMap<Metric, Attainment>>,
    /// Per priority, then metric.
    pub by_priority: BTreeMap<String, BTreeMap<Metric, Attainment>>,
    /// Per agent (who replied first), then metric.
    pub by_agent: BTreeMap<String, BTreeMap<Metric, Attainment>>,
    /// Per language, then metric.
    pub by_language: BTreeMap<String, BTreeMap<Metric, Attainment>>,
    /// First-response times.
    pub first_response: TimeStats,
    /// Resolution times (per cycle).
    pub resolution: TimeStats,
}

impl SlaReport {
    /// Builds the report.
    pub fn new(evaluated: &[ConversationSla]) -> SlaReport {
        let mut report = SlaReport {
            conversations: evaluated.len(),
            ..SlaReport::default()
        };
        for sla in evaluated {
            let ctx = &sla.context;
            let keys = [
                ctx.channel
                    .as_ref()
                    .map_or_else(|| "unknown".to_owned(), ToString::to_string),
                ctx.priority.to_string(),
                sla.agent
                    .as_ref()
                    .map_or_else(|| "nobody yet".to_owned(), ToString::to_string),
                ctx.language
                    .map_or_else(|| "unknown".to_owned(), |l| l.to_string()),
            ];
            for clock in &sla.clocks {
                report.overall.entry(clock.metric).or_default().count(clock);
                let tables = [
                    &mut report.by_channel,
                    &mut report.by_priority,
                    &mut report.by_agent,
                    &mut report.by_language,
                ];
                for (table, key) in tables.into_iter().zip(&keys) {
                    table
                        .entry(key.clone())
                        .or_default()
                        .entry(clock.metric)
                        .or_default()
                        .count(clock);
                }
            }
        }
        let all = || evaluated.iter().flat_map(|s| s.clocks.iter());
        report.first_response = TimeStats::of(all().filter(|c| c.metric == Metric::FirstResponse));
        report.resolution = TimeStats::of(all().filter(|c| c.metric == Metric::Resolution));
        report
    }
}

impl fmt::Display for SlaReport {
    /// A plain-text report: attainment per metric, then per dimension.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let metrics: Vec<Metric> = self.overall.keys().copied().collect();
        let cell = |a: Option<&Attainment>| match a.and_then(Attainment::percent_met) {
            Some(p) => format!("{p:5.1}%"),
            None => "     -".to_owned(),
        };
        writeln!(
            f,
            "SLA attainment over {} conversations",
            self.conversations
        )?;
        for (metric, a) in &self.overall {
            writeln!(f, "  {metric:<16} {a}")?;
        }
        for (title, table) in [
            ("channel", &self.by_channel),
            ("priority", &self.by_priority),
            ("agent", &self.by_agent),
            ("language", &self.by_language),
        ] {
            write!(f, "\n  {title:<12}")?;
            for m in &metrics {
                write!(f, " {:>16}", m.as_str())?;
            }
            writeln!(f)?;
            for (key, row) in table {
                write!(f, "  {key:<12}")?;
                for m in &metrics {
                    write!(f, " {:>16}", cell(row.get(m)))?;
                }
                writeln!(f)?;
            }
        }
        for (name, t) in [
            ("first response", &self.first_response),
            ("resolution", &self.resolution),
        ] {
            writeln!(
                f,
                "\n  {name}: median {} (p90 {}) in target hours, {} (p90 {}) on the wall clock, over {} stopped clocks",
                friendly(t.median),
                friendly(t.p90),
                friendly(t.median_calendar),
                friendly(t.p90_calendar),
                t.count
            )?;
        }
        Ok(())
    }
}
