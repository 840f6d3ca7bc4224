//! The care desk's week, as its manager would read it on Sunday evening.
//!
//! Runs on the sample data shipped with the crate:
//!
//! ```text
//! cargo run --release --example care_desk
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use social_crm::crisis::{
    AlertKind, Escalation, Evidence, Level, Monitor, Settings, Status, StreamKey, StreamKind,
};
use social_crm::desk::{Desk, DeskConfig, Period};
use social_crm::influence::{rank_customers, CustomerInfluence, InfluenceOutcome, RankOptions};
use social_crm::jiff::civil::Weekday;
use social_crm::jiff::tz::TimeZone;
use social_crm::jiff::{SignedDuration, Timestamp, ToSpan};
use social_crm::reply::{check_reply, DraftContext, Situation};
use social_crm::routing::Routing;
use social_crm::sample::{self, SampleWeek};
use social_crm::sentiment::{Analyzer, Label};
use social_crm::sla::{
    evaluate, Attainment, BusinessCalendar, ClockStatus, Metric, PolicySet, Priority, SlaReport,
    TicketContext, WeeklySchedule,
};
use social_crm::{
    assign_persona, Channel, CustomerId, Direction, Directory, Language, PersonaAssignment,
    Resolution, Role, Visibility,
};

#[path = "support/exit.rs"]
mod exit;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let week = sample::week();
    let mut out = String::new();
    let mut directory = week.directory()?;
    header(&mut out, &week);
    identities(&mut out, &mut directory)?;
    personas(&mut out, &week);
    channels(&mut out, &week);
    days(&mut out, &week);
    mood(&mut out, &week);
    let influence = voices(&mut out, &week, &directory)?;
    crisis(&mut out, &week, &directory, &influence)?;
    service_levels(&mut out, &week, &directory)?;
    agents(&mut out, &week);
    // The desk on Sunday evening: what to answer first, who answers, and
    // with what.
    let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    // Every message and every status change of the week, as the desk's
    // webhooks delivered them.
    let applied = desk.apply_all(week.events(), week.now);
    if let Some((_, e)) = applied.rejected().next() {
        return Err(e.clone().into());
    }
    desk.refresh_profiles(week.now)?;
    queue(&mut out, &week, &mut desk)?;
    replies(&mut out, &week, &desk)?;
    persona_map(&mut out, &desk);
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// A plain text table: a header row, a rule, aligned columns. Columns whose
/// header starts with `>` are right-aligned (numbers).
struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, out: &mut String) {
        let width = |i: usize| {
            self.rows
                .iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .chain([self.headers[i].trim_start_matches('>').chars().count()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.headers.len()).map(width).collect();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::from("  ");
            for (i, cell) in cells.iter().enumerate() {
                let right = self.headers[i].starts_with('>');
                let cell = cell.trim_start_matches('>');
                if right {
                    let _ = write!(text, "{cell:>w$}  ", w = widths[i]);
                } else {
                    let _ = write!(text, "{cell:<w$}  ", w = widths[i]);
                }
            }
            let _ = writeln!(out, "{}", text.trim_end());
        };
        line(&self.headers, out);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        let _ = writeln!(out, "  {}", rule.join("  "));
        for row in &self.rows {
            line(row, out);
        }
    }
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "═".repeat(title.chars().count()));
}

fn local(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%a %d %b %H:%M")
        .to_string()
}

fn header(out: &mut String, week: &SampleWeek) {
    let title = format!(
        "{} care desk: the week of {} to {}",
        week.brand,
        week.start
            .to_zoned_datetime(week.time_zone.clone())
            .strftime("%A %-d %B"),
        week.now
            .to_zoned_datetime(week.time_zone.clone())
            .strftime("%A %-d %B %Y")
    );
    let _ = writeln!(out, "{title}\n{}", "━".repeat(title.chars().count()));
    let interactions = week.interactions();
    let count = |d: Direction| interactions.iter().filter(|i| i.direction == d).count();
    let _ = writeln!(
        out,
        "Report at {} ({}).",
        local(week.now, &week.time_zone),
        week.time_zone.iana_name().unwrap_or("desk time")
    );
    let _ = writeln!(
        out,
        "{} customers, {} agents, {} conversations, {} interactions: {} from customers, {} replies, {} internal notes.",
        week.customers.len(),
        week.agents.len(),
        week.conversations.len(),
        interactions.len(),
        count(Direction::Inbound),
        count(Direction::Outbound),
        count(Direction::Note),
    );
}

/// Finds the records that share a handle and merges them, so the rest of
/// the report sees one customer per person.
fn identities(out: &mut String, directory: &mut Directory) -> Result<(), social_crm::Error> {
    section(out, "Who is who: one person, two records");
    let shared = directory.shared_handles();
    if shared.is_empty() {
        let _ = writeln!(out, "  No handle is shared by two customers.");
        return Ok(());
    }
    for candidate in shared {
        let names: Vec<String> = candidate
            .owners
            .iter()
            .filter_map(|id| directory.get(id.as_str()))
            .map(|c| format!("{} ({})", c.display_name, c.id))
            .collect();
        let _ = writeln!(
            out,
            "  {} is shared by {}.",
            candidate.handle,
            names.join(" and ")
        );
        let [keep, absorb] = candidate.owners.as_slice() else {
            continue;
        };
        let report = directory.merge(keep.as_str(), absorb.as_str())?;
        let merged = directory.get(keep.as_str()).ok_or_else(|| {
            social_crm::Error::from(social_crm::ErrorKind::UnknownCustomer {
                id: keep.to_string(),
            })
        })?;
        let _ = writeln!(
            out,
            "  Merged {} into {}: {} handles now ({} added), {} consent records.",
            report.absorbed.id,
            report.kept,
            merged.handles.len(),
            report.handles_added.len(),
            merged.consent.records().len(),
        );
        for conflict in &report.conflicts {
            let _ = writeln!(out, "    conflict, to check by hand: {conflict}");
        }
        for &purpose in social_crm::Purpose::ALL {
            let _ = writeln!(
                out,
                "    {purpose:<10} consent after the merge: {}",
                merged.consent.status(purpose)
            );
        }
    }
    Ok(())
}

fn personas(out: &mut String, week: &SampleWeek) {
    section(out, "Customers by persona");
    let today = week.now.to_zoned_datetime(week.time_zone.clone()).date();
    let mut groups: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
    for customer in &week.customers {
        let assignment = assign_persona(customer, &week.personas, today);
        let key = match &assignment {
            PersonaAssignment::Matched { persona, .. } => {
                let rank = week
                    .personas
                    .iter()
                    .position(|p| p.id == persona.id)
                    .unwrap_or(0);
                (rank, persona.name.to_string())
            }
            PersonaAssignment::ProfilingRefused => (
                week.personas.len() + 1,
                "not profiled (consent refused)".to_owned(),
            ),
            _ => (week.personas.len(), "no persona".to_owned()),
        };
        groups
            .entry(key)
            .or_default()
            .push(customer.display_name.to_string());
    }
    let mut table = Table::new(&["persona", ">customers", "for example"]);
    for ((_, name), members) in &groups {
        let examples: Vec<&str> = members.iter().take(3).map(String::as_str).collect();
        table.row(vec![
            name.clone(),
            members.len().to_string(),
            examples.join(", "),
        ]);
    }
    table.render(out);
}

fn language_name(language: Option<Language>) -> &'static str {
    match language {
        Some(Language::FRENCH) => "fr",
        Some(Language::ENGLISH) => "en",
        Some(Language::SPANISH) => "es",
        Some(_) => "other",
        None => "unknown",
    }
}

fn channels(out: &mut String, week: &SampleWeek) {
    section(out, "Conversations per channel and language");
    let mut counts: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut public: BTreeMap<String, usize> = BTreeMap::new();
    for conversation in &week.conversations {
        let Some(first) = conversation.first() else {
            continue;
        };
        let channel = first.channel.to_string();
        *counts
            .entry(channel.clone())
            .or_default()
            .entry(language_name(first.language))
            .or_default() += 1;
        if first.visibility == Visibility::Public {
            *public.entry(channel).or_default() += 1;
        }
    }
    let languages = ["fr", "en", "es"];
    let mut table = Table::new(&["channel", ">fr", ">en", ">es", ">total", ">public"]);
    let mut rows: Vec<(&String, &BTreeMap<&str, usize>)> = counts.iter().collect();
    rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.values().sum::<usize>()));
    let mut totals = [0usize; 5];
    for (channel, by_language) in rows {
        let mut row = vec![channel.clone()];
        for (i, l) in languages.iter().enumerate() {
            let n = by_language.get(l).copied().unwrap_or(0);
            totals[i] += n;
            row.push(n.to_string());
        }
        let total: usize = by_language.values().sum();
        let public = public.get(channel).copied().unwrap_or(0);
        totals[3] += total;
        totals[4] += public;
        row.push(total.to_string());
        row.push(public.to_string());
        table.row(row);
    }
    let mut total_row = vec!["all channels".to_owned()];
    total_row.extend(totals.iter().map(ToString::to_string));
    table.row(total_row);
    table.render(out);
}

fn days(out: &mut String, week: &SampleWeek) {
    section(out, "Messages per day");
    let mut table = Table::new(&["day", ">from customers", ">replies", ">public", "  "]);
    for day in Weekday::Monday.cycle_forward().take(7) {
        let of_day: Vec<_> = week
            .interactions()
            .into_iter()
            .filter(|i| i.at.to_zoned_datetime(week.time_zone.clone()).weekday() == day)
            .collect();
        let inbound = of_day
            .iter()
            .filter(|i| i.direction == Direction::Inbound)
            .count();
        let replies = of_day
            .iter()
            .filter(|i| i.direction == Direction::Outbound)
            .count();
        let public = of_day
            .iter()
            .filter(|i| i.direction == Direction::Inbound && i.visibility == Visibility::Public)
            .count();
        table.row(vec![
            format!("{day:?}"),
            inbound.to_string(),
            replies.to_string(),
            public.to_string(),
            "▇".repeat(inbound.div_ceil(2)),
        ]);
    }
    table.render(out);
}

/// How customers felt: per channel and language, the most negative
/// messages with their reasons, and the share of negative messages a day.
fn mood(out: &mut String, week: &SampleWeek) {
    section(out, "The week's mood");
    let analyzer = Analyzer::default();
    let inbound: Vec<_> = week
        .interactions()
        .into_iter()
        .filter(|i| i.direction == Direction::Inbound)
        .map(|i| (i, analyzer.score(&i.text, i.language)))
        .collect();
    let mut cells: BTreeMap<(String, &'static str), (usize, usize, usize, f64)> = BTreeMap::new();
    for (i, s) in &inbound {
        let cell = cells
            .entry((i.channel.to_string(), language_name(i.language)))
            .or_default();
        match s.label {
            Label::Negative => cell.0 += 1,
            Label::Neutral => cell.1 += 1,
            Label::Positive => cell.2 += 1,
        }
        cell.3 += s.compound;
    }
    let mut table = Table::new(&[
        "channel",
        "language",
        ">messages",
        ">negative",
        ">neutral",
        ">positive",
        ">mean score",
    ]);
    for ((channel, language), (neg, neu, pos, sum)) in &cells {
        let n = neg + neu + pos;
        table.row(vec![
            channel.clone(),
            (*language).to_owned(),
            n.to_string(),
            format!("{:.0}%", 100.0 * *neg as f64 / n as f64),
            format!("{:.0}%", 100.0 * *neu as f64 / n as f64),
            format!("{:.0}%", 100.0 * *pos as f64 / n as f64),
            format!("{:+.2}", sum / n as f64),
        ]);
    }
    table.render(out);

    let _ = writeln!(out, "\nThe five most negative messages, and why:");
    let mut worst: Vec<_> = inbound.iter().collect();
    worst.sort_by(|a, b| a.1.compound.total_cmp(&b.1.compound));
    for (i, s) in worst.iter().take(5) {
        let (_, why) = analyzer.explain(&i.text, i.language);
        let _ = writeln!(
            out,
            "  {:+.2}  {} {} ({})\n        “{}”",
            s.compound,
            local(i.at, &week.time_zone),
            i.channel,
            i.author,
            excerpt(&i.text, 90)
        );
        for c in why.contributions.iter().take(6) {
            let _ = writeln!(out, "        {c}");
        }
    }

    let _ = writeln!(out, "\nShare of negative messages per day:");
    let mut table = Table::new(&["day", ">messages", ">negative", "  "]);
    for day in Weekday::Monday.cycle_forward().take(7) {
        let of_day: Vec<_> = inbound
            .iter()
            .filter(|(i, _)| i.at.to_zoned_datetime(week.time_zone.clone()).weekday() == day)
            .collect();
        let negative = of_day
            .iter()
            .filter(|(_, s)| s.label == Label::Negative)
            .count();
        let share = if of_day.is_empty() {
            0.0
        } else {
            negative as f64 / of_day.len() as f64
        };
        table.row(vec![
            format!("{day:?}"),
            of_day.len().to_string(),
            format!("{:.0}%", 100.0 * share),
            "▇".repeat((share * 30.0).round() as usize),
        ]);
    }
    table.render(out);
}

/// Who matters this week, on whose side, and whom to answer first.
fn voices(
    out: &mut String,
    week: &SampleWeek,
    directory: &Directory,
) -> Result<BTreeMap<CustomerId, f64>, social_crm::Error> {
    section(out, "Who matters");
    let interactions = week.interactions();
    let report = rank_customers(
        directory,
        &interactions,
        &week.brand_handles,
        week.start,
        week.now,
        &Analyzer::default(),
        &RankOptions::default(),
    )?;
    let name = |id: &social_crm::CustomerId| {
        directory
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |c| c.display_name.to_string())
    };
    let reasons = |c: &CustomerInfluence| {
        let mut parts: Vec<_> = c.influence.explanation.contributions.iter().collect();
        parts.sort_by(|a, b| b.value.total_cmp(&a.value));
        parts
            .iter()
            .take(3)
            .map(|p| {
                format!(
                    "{} {:+.1}",
                    p.factor.to_string().trim_start_matches("rule "),
                    p.value
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut table = Table::new(&[
        "voice",
        ">score",
        ">pct",
        "stance",
        ">msgs",
        "strongest reasons",
    ]);
    for c in report.scored().take(10) {
        table.row(vec![
            name(&c.customer),
            format!("{:.0}", c.influence.score),
            format!("{:.0}", c.percentile),
            c.stance.stance.to_string(),
            c.stance.messages.to_string(),
            reasons(c),
        ]);
    }
    table.render(out);
    let people = |out: &mut String, title: &str, list: Vec<&CustomerInfluence>| {
        let _ = writeln!(out, "\n{title}");
        if list.is_empty() {
            let _ = writeln!(out, "  none this week");
        }
        for c in list {
            let _ = writeln!(
                out,
                "  {:<20} influence {:>2.0}, mean sentiment {:+.2} over {} messages",
                name(&c.customer),
                c.influence.score,
                c.stance.mean,
                c.stance.messages
            );
        }
    };
    people(
        out,
        "Influential detractors to answer first:",
        report.detractors(75.0),
    );
    people(
        out,
        "Ambassadors to invite to the next preview:",
        report.advocates(0.0).into_iter().take(5).collect(),
    );
    let refused = report
        .outcomes
        .iter()
        .filter(|o| matches!(o, InfluenceOutcome::ProfilingRefused(_)))
        .count();
    let _ = writeln!(
        out,
        "\n{refused} customers refused profiling: not scored, no stance."
    );
    Ok(report
        .scored()
        .map(|c| (c.customer.clone(), c.influence.score))
        .collect())
}

/// The Friday-evening crisis as the detector saw it, hour by hour.
fn crisis(
    out: &mut String,
    week: &SampleWeek,
    directory: &Directory,
    influence: &BTreeMap<CustomerId, f64>,
) -> Result<(), social_crm::Error> {
    section(out, "Crisis watch");
    // A small desk (about forty messages a day) is watched in one-hour
    // buckets, on the civil hours of Paris.
    let chain = Escalation::new()
        .at(Level::Watch, ["Hugo Lefèvre (desk lead)"])
        .at(Level::Warning, ["customer care manager"])
        .at(Level::Crisis, ["communication director", "CEO office"]);
    let settings = Settings::new(SignedDuration::from_hours(1))?
        .with_time_zone(week.time_zone.clone())
        .with_escalation(chain);
    let s = *settings.sensitivity();
    // The brand as a whole, and each channel on its own.
    let mut monitor = Monitor::new(settings, week.start, [StreamKind::All, StreamKind::Channel]);
    let analyzer = Analyzer::default();
    let mut alerts = Vec::new();
    // Friday evening hour by hour, as the brand-wide stream saw it: the
    // monitor is advanced to each hour's end to read the detector then.
    let friday_evening = hours_from(week, 4, 17, 7);
    let mut evening = Vec::new();
    let mut next = 0;
    for i in week.interactions() {
        while let Some(&(start, end)) = friday_evening.get(next) {
            if end > i.at {
                break;
            }
            alerts.extend(monitor.advance(end)?);
            evening.push(hour_seen(&monitor, start));
            next += 1;
        }
        let author_influence = i
            .customer_handle()
            .and_then(|h| match directory.resolve(h) {
                Resolution::Customer(c) => influence.get(&c.id).copied(),
                _ => None,
            });
        let sentiment = analyzer.score(&i.text, i.language);
        alerts.extend(monitor.observe(i, &sentiment, author_influence)?);
    }
    alerts.extend(monitor.advance(week.now)?);
    alerts.sort_by_key(|a| (a.at(), a.stream != "all"));
    if alerts.is_empty() {
        let _ = writeln!(out, "Nothing unusual all week.");
        return Ok(());
    }
    let hour = |t: Timestamp| local(t, &week.time_zone);
    let mut table = Table::new(&[
        "hour",
        "stream",
        "alert",
        ">messages",
        ">usual",
        ">negative",
        ">expected",
        ">score",
        "tell",
    ]);
    for a in &alerts {
        let e = &a.evidence;
        let what = match a.kind {
            AlertKind::Raised => format!("{} raised", a.level),
            AlertKind::Escalated { from } => format!("{from} -> {}", a.level),
            AlertKind::AllClear => format!("all-clear ({} over)", a.level),
            _ => a.to_string(),
        };
        table.row(vec![
            hour(a.at()),
            a.stream.clone(),
            what,
            format!(">{}", e.observed),
            format!(">{:.0}", e.expected),
            format!(">{}", e.negative.unwrap_or(0)),
            format!(">{:.1}", e.expected_negative.unwrap_or(0.0)),
            format!(">{:.1}", e.score),
            a.escalate_to.join(", "),
        ]);
    }
    table.render(out);
    let _ = writeln!(
        out,
        "(One-hour buckets: an alert at 19:00 was decided when the 19:00-20:00 hour closed.)"
    );
    let _ = writeln!(
        out,
        "\nFriday evening on the brand-wide stream, hour by hour (a watch needs a score or \
         accumulated evidence at the stream's bar: at least {} and {}, raised to the stream's \
         recent peaks and its record of the week; once alarming, {} and {} times the usual \
         negatives make it a warning and a crisis):",
        s.watch, s.build, s.warning_ratio, s.crisis_ratio,
    );
    let mut hours = Table::new(&[
        "hour",
        ">messages",
        ">negative",
        ">expected negative",
        ">share z",
        ">score",
        ">accumulated",
        ">bar (score / accumulated)",
        "status after the hour",
    ]);
    for (start, evidence, status) in &evening {
        let mut row = vec![hour(*start)];
        match evidence {
            Some(e) => row.extend([
                format!(">{}", e.observed),
                format!(">{}", e.negative.unwrap_or(0)),
                format!(">{:.1}", e.expected_negative.unwrap_or(0.0)),
                format!(">{:.1}", e.share_z.unwrap_or(0.0)),
                format!(">{:.1}", e.score),
                format!(">{:.1}", e.accumulated),
                format!(">{:.1} / {:.1}", e.score_bar, e.accumulated_bar),
            ]),
            None => row.extend(std::iter::repeat_n(">-".to_owned(), 7)),
        }
        row.push(match status {
            Status::Alerting(level) => format!("{level}"),
            Status::Normal => "normal".to_owned(),
            Status::Learning => "learning".to_owned(),
            _ => format!("{status:?}"),
        });
        hours.row(row);
    }
    hours.render(out);
    // Say how the episode began: a small desk's hours are few messages, so
    // a flood of complaints is many times the usual at once.
    let first_alarm = evening
        .iter()
        .find(|(_, _, status)| matches!(status, Status::Alerting(_)));
    if let Some((start, Some(e), Status::Alerting(level))) = first_alarm {
        if *level > Level::Watch {
            let _ = writeln!(
                out,
                "The episode opened at {} at the {level} level: no watch or warning came first, \
                 since {} negatives are {:.0}x the usual.",
                hour(*start),
                e.negative.unwrap_or(0),
                e.ratio,
            );
        }
    }
    for a in alerts
        .iter()
        .filter(|a| a.kind == AlertKind::Raised && a.stream == "all")
    {
        let e = &a.evidence;
        let _ = writeln!(
            out,
            "\nWhy, at {}: {} messages where {:.0} is usual, {} of them negative ({:.0}x the usual \
             negatives, share z {:.1}).",
            hour(a.at()),
            e.observed,
            e.expected,
            e.negative.unwrap_or(0),
            e.ratio,
            e.share_z.unwrap_or(0.0),
        );
        let _ = writeln!(out, "Driving it:");
        let name = |h: &social_crm::Handle| match directory.resolve(h) {
            Resolution::Customer(c) => c.display_name.to_string(),
            _ => h.to_string(),
        };
        let mut drivers = Table::new(&[
            "author",
            ">influence",
            ">messages",
            ">negative",
            "heaviest message",
        ]);
        for author in &a.drivers.authors {
            let message = a
                .drivers
                .messages
                .iter()
                .find(|m| m.author == author.author)
                .and_then(|m| {
                    week.interactions()
                        .into_iter()
                        .find(|i| i.id == m.interaction)
                })
                .map_or_else(String::new, |i| excerpt(&i.text, 60));
            drivers.row(vec![
                name(&author.author),
                author
                    .influence
                    .map_or_else(|| ">-".to_owned(), |v| format!(">{v:.0}")),
                format!(">{}", author.messages),
                format!(">{}", author.negative),
                message,
            ]);
        }
        drivers.render(out);
    }
    Ok(())
}

/// `count` one-hour spans from `hour`:00 on the week's day `day` (0 is
/// Monday), in the desk's zone.
fn hours_from(week: &SampleWeek, day: i64, hour: i64, count: i64) -> Vec<(Timestamp, Timestamp)> {
    let monday = week.start.to_zoned_datetime(week.time_zone.clone());
    (0..count)
        .filter_map(|k| {
            let start = monday.checked_add((day * 24 + hour + k).hours()).ok()?;
            let end = start.checked_add(1.hours()).ok()?;
            Some((start.timestamp(), end.timestamp()))
        })
        .collect()
}

/// What the brand-wide stream's detector says once the hour from `start`
/// has closed.
fn hour_seen(monitor: &Monitor, start: Timestamp) -> (Timestamp, Option<Evidence>, Status) {
    let Some(watcher) = monitor.stream(&StreamKey::All) else {
        return (start, None, Status::Learning);
    };
    let detector = watcher.detector();
    let evidence = detector.last_evidence().copied().filter(|e| e.at == start);
    (start, evidence, detector.status())
}

/// The desk's promises: its calendar, what is running, what was broken,
/// and how the week went.
fn service_levels(
    out: &mut String,
    week: &SampleWeek,
    directory: &Directory,
) -> Result<(), social_crm::Error> {
    section(out, "Service levels");
    let desk = BusinessCalendar::new(
        week.time_zone.clone(),
        WeeklySchedule::new().every_day("08:00-02:00".parse()?),
    )?;
    let policies = PolicySet::care_desk_default()?;
    let _ = writeln!(
        out,
        "Desk calendar: every day 08:00-02:00 ({}), {} open hours a week. {}.",
        week.time_zone.iana_name().unwrap_or("desk time"),
        desk.schedule().weekly_seconds() / 3600,
        if desk.is_open(week.now)? {
            let close = desk.next_close(week.now)?;
            close.map_or_else(
                || "Open now".to_owned(),
                |c| format!("Open now, until {}", local(c, &week.time_zone)),
            )
        } else {
            format!(
                "Closed now, opens {}",
                local(desk.next_open(week.now)?, &week.time_zone)
            )
        }
    );
    for policy in policies.policies() {
        let first = policy
            .target_for(Metric::FirstResponse, Priority::Normal)
            .map_or_else(|| "-".to_owned(), ToString::to_string);
        let _ = writeln!(
            out,
            "  policy {:<28} first response within {first}",
            policy.name()
        );
    }

    let mut evaluated = Vec::new();
    for conversation in &week.conversations {
        let customer = conversation
            .customer_handles()
            .first()
            .and_then(|h| directory.resolve(h).customer());
        // Journalists and opinion leaders are answered first.
        let priority = match customer {
            Some(c)
                if c.roles.contains(&Role::Journalist)
                    || c.roles.contains(&Role::OpinionLeader) =>
            {
                Priority::High
            }
            _ => Priority::Normal,
        };
        let ctx = TicketContext::of(conversation, customer, priority);
        evaluated.push((
            conversation,
            customer,
            evaluate(conversation, &ctx, &policies, &desk, week.now)?,
        ));
    }

    let _ = writeln!(out, "\nOpen conversations, soonest due first:");
    let mut running: Vec<_> = evaluated
        .iter()
        .filter_map(|(conversation, customer, sla)| {
            let clock = sla
                .clocks
                .iter()
                .filter(|c| c.stopped.is_none())
                .min_by_key(|c| (c.status != ClockStatus::Breached, c.due))?;
            Some((conversation, customer, clock))
        })
        .collect();
    running.sort_by_key(|(_, _, clock)| (clock.status != ClockStatus::Breached, clock.due));
    let mut table = Table::new(&[
        "conversation",
        "customer",
        "metric",
        "status",
        "due",
        "over by / left",
    ]);
    for (conversation, customer, clock) in running {
        let left = clock.breached_by.map_or_else(
            || friendly(clock.remaining),
            |by| format!("over {}", friendly(by)),
        );
        table.row(vec![
            conversation.id().to_string(),
            customer.map_or_else(|| "unknown".to_owned(), |c| c.display_name.to_string()),
            clock.metric.to_string(),
            clock.status.to_string(),
            clock
                .due
                .map_or_else(|| "paused".to_owned(), |d| local(d, &week.time_zone)),
            left,
        ]);
    }
    table.render(out);

    let _ = writeln!(out, "\nThe week's worst breaches:");
    let mut breaches: Vec<_> = evaluated
        .iter()
        .flat_map(|(conversation, customer, sla)| {
            sla.clocks
                .iter()
                .filter(|c| c.status == ClockStatus::Breached)
                .map(move |c| (conversation, customer, c))
        })
        .collect();
    breaches.sort_by_key(|(_, _, c)| std::cmp::Reverse(c.breached_by));
    let mut table = Table::new(&[
        "conversation",
        "customer",
        "metric",
        "breached at",
        ">over by",
    ]);
    for (conversation, customer, clock) in breaches.iter().take(8) {
        table.row(vec![
            conversation.id().to_string(),
            customer.map_or_else(|| "unknown".to_owned(), |c| c.display_name.to_string()),
            clock.metric.to_string(),
            clock
                .breached_at
                .map_or_else(|| "-".to_owned(), |t| local(t, &week.time_zone)),
            clock.breached_by.map_or_else(String::new, friendly),
        ]);
    }
    table.render(out);

    let report = SlaReport::new(
        &evaluated
            .into_iter()
            .map(|(_, _, sla)| sla)
            .collect::<Vec<_>>(),
    );
    let metrics: Vec<Metric> = report.overall.keys().copied().collect();
    let mut headers = vec!["".to_owned()];
    headers.extend(metrics.iter().map(|m| format!(">{m}")));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let percent = |row: Option<&BTreeMap<Metric, Attainment>>, m: &Metric| {
        row.and_then(|r| r.get(m))
            .and_then(Attainment::percent_met)
            .map_or_else(|| "-".to_owned(), |p| format!("{p:.0}%"))
    };
    let _ = writeln!(out, "\nAttainment (share of decided clocks met):");
    let mut table = Table::new(&header_refs);
    let mut row = vec!["all".to_owned()];
    row.extend(metrics.iter().map(|m| percent(Some(&report.overall), m)));
    table.row(row);
    for (title, breakdown) in [
        ("channel", &report.by_channel),
        ("priority", &report.by_priority),
        ("language", &report.by_language),
    ] {
        for (key, counts) in breakdown {
            let mut row = vec![format!("{title} {key}")];
            row.extend(metrics.iter().map(|m| percent(Some(counts), m)));
            table.row(row);
        }
    }
    table.render(out);
    for (name, t) in [
        ("First response", &report.first_response),
        ("Resolution", &report.resolution),
    ] {
        let _ = writeln!(
            out,
            "{name}: median {} (90th percentile {}) in business hours, {} ({}) on the wall clock.",
            friendly(t.median),
            friendly(t.p90),
            friendly(t.median_calendar),
            friendly(t.p90_calendar),
        );
    }
    Ok(())
}

/// `1h 30m`: a duration as a desk writes it.
fn friendly(d: SignedDuration) -> String {
    let minutes = d.as_secs().unsigned_abs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let sign = if d.is_negative() { "-" } else { "" };
    match (days, hours) {
        (0, 0) => format!("{sign}{minutes}m"),
        (0, h) => format!("{sign}{h}h {minutes:02}m"),
        (d, h) => format!("{sign}{d}d {h}h {minutes:02}m"),
    }
}

fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

fn agents(out: &mut String, week: &SampleWeek) {
    section(out, "Agents");
    let interactions = week.interactions();
    let mut table = Table::new(&[
        "agent",
        "languages",
        ">replies",
        ">notes",
        "channels answered",
        "skills",
    ]);
    for agent in &week.agents {
        let mine: Vec<_> = interactions
            .iter()
            .filter(|i| i.agent() == Some(&agent.id))
            .collect();
        let mut channels: Vec<&Channel> = mine.iter().map(|i| &i.channel).collect();
        channels.sort();
        channels.dedup();
        let languages: Vec<String> = agent.languages.iter().map(ToString::to_string).collect();
        let skills: Vec<&str> = agent.skills.iter().map(|s| s.as_str()).collect();
        let channels: Vec<String> = channels.iter().map(ToString::to_string).collect();
        table.row(vec![
            agent.name.to_string(),
            languages.join(" "),
            mine.iter()
                .filter(|i| i.direction == Direction::Outbound)
                .count()
                .to_string(),
            mine.iter()
                .filter(|i| i.direction == Direction::Note)
                .count()
                .to_string(),
            channels.join(", "),
            excerpt(&skills.join(", "), 40),
        ]);
    }
    table.render(out);
    // What the desk's policies promise that nobody on the roster serves.
    if let Ok(config) = DeskConfig::sample(week) {
        let gaps = config.gaps();
        if !gaps.is_empty() {
            let _ = writeln!(
                out,
                "\nThe roster cannot keep every promise of the policies:"
            );
            for gap in gaps {
                let _ = writeln!(out, "  - {gap}");
            }
        }
    }
}

/// The waiting conversations, most urgent first, and who takes each.
fn queue(out: &mut String, week: &SampleWeek, desk: &mut Desk) -> Result<(), social_crm::Error> {
    section(out, "The queue, Sunday 18:00");
    let queue = desk.queue(week.now)?;
    let decisions = desk.route(week.now)?;
    let _ = writeln!(
        out,
        "{} conversations wait for an answer (solved, closed, pending and on-hold ones do not). The first fifteen, and who takes them:\n",
        queue.len()
    );
    let mut table = Table::new(&[
        ">#",
        "conversation",
        "customer",
        "lang",
        ">score",
        "why first",
        "who answers",
    ]);
    for (rank, (t, d)) in queue.iter().zip(&decisions).take(15).enumerate() {
        let conversation = desk
            .conversation(&t.conversation)
            .expect("queued conversations exist");
        let first = conversation
            .interactions()
            .iter()
            .find(|i| i.direction == Direction::Inbound);
        let customer = first
            .and_then(|i| i.customer_handle())
            .map_or_else(String::new, |h| match desk.directory().resolve(h) {
                Resolution::Customer(c) => c.display_name.to_string(),
                _ => h.to_string(),
            });
        let who = match &d.routing {
            Routing::Assigned { agent, .. } => desk
                .config()
                .roster
                .agent(agent.as_str())
                .map_or_else(|| agent.to_string(), |a| a.name.to_string()),
            Routing::Queued { why, .. } => format!("queued: {why}"),
            _ => String::new(),
        };
        table.row(vec![
            format!(">{}", rank + 1),
            t.conversation.to_string(),
            customer,
            language_code(first.and_then(|i| i.language)),
            format!(">{:.0}", t.score),
            t.reasons(3).join(", "),
            who,
        ]);
    }
    table.render(out);
    let queued = decisions.iter().filter(|d| d.agent().is_none()).count();
    let _ = writeln!(
        out,
        "\n{} assigned, {queued} queued. Scores are points out of 100: negativity, intensity, \
         influence, audience, public channel, SLA used, breach, customer value, crisis.",
        decisions.len() - queued
    );
    Ok(())
}

fn language_code(language: Option<Language>) -> String {
    language.map_or_else(|| "-".to_owned(), |l| l.to_string())
}

/// Three suggested replies for three situations, and a draft the rules
/// reject.
fn replies(out: &mut String, week: &SampleWeek, desk: &Desk) -> Result<(), social_crm::Error> {
    section(out, "What to answer");
    // The first of the queue whose situations differ: what the agents
    // will send in the next minutes.
    let mut shown: Vec<Situation> = Vec::new();
    for t in desk.queue(week.now)? {
        if shown.len() == 3 {
            break;
        }
        let Some(conversation) = desk.conversation(&t.conversation) else {
            continue;
        };
        let s = desk.suggest(conversation.id(), week.now)?;
        if shown.contains(&s.advice.situation) {
            continue;
        }
        shown.push(s.advice.situation);
        let message = conversation
            .interactions()
            .iter()
            .rev()
            .find(|i| i.direction == Direction::Inbound)
            .expect("has a customer message");
        let _ = writeln!(
            out,
            "\n{} ({}, {}): “{}”",
            conversation.id(),
            s.advice.situation,
            s.advice.reason,
            excerpt(&message.text, 90)
        );
        let guidance: Vec<String> = s.advice.guidance.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "  rules: {}", guidance.join(", "));
        let _ = writeln!(out, "  reply: {}", s.text);
        if let Some(next) = s.advice.follow_up {
            let _ = writeln!(out, "  then:  {next}");
        }
    }
    // A draft written in a hurry, checked before it goes out.
    let eric = desk
        .config()
        .roster
        .agent("a1")
        .expect("Eric is on the roster");
    let draft = "Si vous continuez, nous allons supprimer votre commentaire. Appelez le 01 45 67 89 01. Le service client";
    let issues = check_reply(
        draft,
        &DraftContext::new(eric, Visibility::Public, Some(Language::FRENCH)),
    );
    let _ = writeln!(out, "\nA draft checked before it goes out: “{draft}”");
    for issue in &issues {
        let _ = writeln!(out, "  ✗ {issue}");
    }
    Ok(())
}

/// What each persona thought of the brand and its topics, day by day.
fn persona_map(out: &mut String, desk: &Desk) {
    section(out, "What the personas think");
    let map = desk.persona_map(Period::Day);
    let days = map.periods();
    let mut headers = vec!["persona".to_owned()];
    headers.extend(days.iter().map(|d| format!(">{}", d.strftime("%a"))));
    headers.push(">week".to_owned());
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = Table::new(&header_refs);
    let cell = |c: Option<&social_crm::desk::Cell>| match c {
        Some(c) if c.messages() > 0 => format!(">{:+.2} ({})", c.mean(), c.messages()),
        _ => ">·".to_owned(),
    };
    for persona in map.personas() {
        let mut row = vec![persona.to_owned()];
        row.extend(days.iter().map(|d| cell(map.cell(persona, None, *d))));
        row.push(cell(Some(&map.total(persona, None))));
        table.row(row);
    }
    let _ = writeln!(out, "Mean sentiment (messages), every topic:\n");
    table.render(out);
    let topics = ["delivery", "cafeliagate", "billing", "product", "question"];
    let mut headers = vec!["persona".to_owned()];
    headers.extend(topics.iter().map(|t| format!(">{t}")));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = Table::new(&header_refs);
    for persona in map.personas() {
        let mut row = vec![persona.to_owned()];
        row.extend(
            topics
                .iter()
                .map(|t| cell(Some(&map.total(persona, Some(t))))),
        );
        table.row(row);
    }
    let _ = writeln!(out, "\nBy topic, over the week:\n");
    table.render(out);
    let left = map.left_out();
    let _ = writeln!(
        out,
        "\nLeft out: {} messages from customers who refused profiling, {} from customers no persona fits, {} from unknown authors.",
        left.refused, left.no_persona, left.unknown_author
    );
}
