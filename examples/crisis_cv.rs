//! Leave-one-series-out cross-validation of the crisis detector's settings:
//! the score to expect on series the settings were not chosen on.
//!
//! ```text
//! python3 ../shared/tools/crisis-eval/simulate.py /tmp/care-1 --seed 1   # and more seeds
//! cargo run --release --example crisis_cv -- ../shared/data/crisis/nab-realtweets:1.5 /tmp/care-1:0.3 \
//!     --grid watch=4,4.5,5,6 --grid peak_half_life_hours=24,72 --later 1,2,3,4,5,6
//! ```
//!
//! Each folder holds series and their incident windows as the evaluation
//! tools lay them out (`<series>.csv`, `windows.json`); `:LIMIT` after a
//! folder caps its false alarms a week (no cap when not given). Every
//! setting of the grid (`--grid FIELD=V1,V2,...`, one per field of
//! `crisis::Sensitivity`, and `all_clear_after_hours`; the crate's defaults
//! for the fields not named) runs over every series once. Then, for each
//! series in turn, the setting with the best NAB score on all the *other*
//! series (among those within every family's cap there, when caps are
//! given) is scored on the series left out. Folders whose names share
//! everything before their last `-` or digits pool as one family
//! ("care-1", "care-2").
//!
//! `--later D1,D2,...` (days) adds, for every series, the same series
//! started that many days later, with the windows that still start after
//! the scorer's probation: the same incidents met by a detector with a
//! shorter history behind it (its young hours of the week, its record of
//! the week, its recent peaks all differ). They pool as their own family
//! (`nab-realtweets+later`), and a series is never scored with a setting
//! chosen on another start of itself. On the NAB tweet series this is
//! nearer what a series never seen looks like: the detector before the
//! three-bucket test scored 78.7 on the six series, 62.5 on four others in
//! an independent check, and 64.8 on the six started one to six days later
//! (73.3 with the test).
//!
//! `--thin P1,P2,...` adds, for every series, the same series with each
//! message kept with probability P (the n-th value drawn with seed n, so
//! `--thin 0.5,0.5` gives two draws): a smaller brand with the same
//! incidents, whose buckets hold fewer messages each. They pool as the
//! family `<family>+thin`.
//!
//! Printed: each held-out series with the setting chosen without it; per
//! family, the cross-validated NAB standard score (pooled as the scorer
//! pools series), windows found and false alarms a week, beside the same
//! figures for the crate's defaults and for the setting chosen on every
//! series (the one to ship, whose expected score is the cross-validated
//! one, not its own). The NAB standard profile is computed as
//! `score.py` of the evaluation tools computes it (`support/nab.rs`).
//!
//! Last, per family, the incident windows by margin under the crate's
//! defaults: the highest `Evidence::margin` in each window (an alert needs
//! 1), the smallest, the quartiles, how many are under 1.1 and 1.25, and the
//! five closest windows. The scores say which windows were found; the
//! margins say how narrowly.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/nab.rs"]
mod nab;
#[path = "support/series.rs"]
mod series;
#[path = "support/spread.rs"]
mod spread;

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nab::Score;
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use series::{timestamp, Series};
use social_crm::crisis::{Bucket, Sensitivity, Settings};
use social_crm::jiff::SignedDuration;

/// One setting of the grid: the sensitivity, and the calm it takes to clear
/// an episode (a new episode can only be raised after that).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Choice {
    sensitivity: Sensitivity,
    all_clear_after: SignedDuration,
}

impl Default for Choice {
    fn default() -> Choice {
        Choice {
            sensitivity: Sensitivity::default(),
            all_clear_after: SignedDuration::from_hours(2),
        }
    }
}

fn main() -> ExitCode {
    exit::finish(run())
}

/// One series with its windows, as rows.
struct Case {
    family: String,
    folder: String,
    name: String,
    /// How this case was made from the series in its folder.
    probe: Probe,
    series: Series,
    /// Inclusive row ranges of the incident windows, in order.
    windows: Vec<(usize, usize)>,
    limit: f64,
}

/// How a case was made from a series.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Probe {
    /// The series as given.
    AsGiven,
    /// Started this many days after its first bucket.
    Later(u32),
    /// Each message kept with this probability, drawn with this seed.
    Thinned(f64, u64),
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut folders: Vec<(PathBuf, f64)> = Vec::new();
    let mut grid: Vec<(String, Vec<String>)> = Vec::new();
    let mut later: Vec<u32> = Vec::new();
    let mut thin: Vec<f64> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--thin" {
            let fractions = args.next().ok_or("--thin needs P1,P2,... (0 < P < 1)")?;
            for p in fractions.split(',') {
                let p: f64 = p.parse().map_err(|e| format!("--thin `{p}`: {e}"))?;
                if !(p > 0.0 && p < 1.0) {
                    return Err(format!("--thin `{p}`: a fraction between 0 and 1").into());
                }
                thin.push(p);
            }
        } else if arg == "--later" {
            let days = args.next().ok_or("--later needs D1,D2,... (days)")?;
            for d in days.split(',') {
                later.push(d.parse().map_err(|e| format!("--later `{d}`: {e}"))?);
            }
        } else if arg == "--grid" {
            let spec = args.next().ok_or("--grid needs FIELD=V1,V2,...")?;
            let (field, values) = spec.split_once('=').ok_or("--grid needs FIELD=V1,V2,...")?;
            grid.push((
                field.to_owned(),
                values.split(',').map(str::to_owned).collect(),
            ));
        } else {
            let (path, limit) = match arg.rsplit_once(':') {
                Some((p, l)) if l.parse::<f64>().is_ok() => (p.to_owned(), l.parse()?),
                _ => (arg, f64::INFINITY),
            };
            folders.push((PathBuf::from(path), limit));
        }
    }
    if folders.is_empty() {
        return Err(
            "usage: crisis_cv DIR[:MAX_FA_PER_WEEK]... [--grid FIELD=V1,V2,...] [--later D1,D2,...] \
             [--thin P1,P2,...]"
                .into(),
        );
    }
    let mut cases = Vec::new();
    for (dir, limit) in &folders {
        cases.extend(read_cases(dir, *limit)?);
    }
    let started_later = later
        .iter()
        .filter(|&&days| days > 0)
        .flat_map(|&days| cases.iter().filter_map(move |c| c.started_later(days)))
        .collect::<Vec<_>>();
    let thinned = thin
        .iter()
        .zip(1..)
        .flat_map(|(&p, seed)| cases.iter().map(move |c| c.thinned(p, seed)))
        .collect::<Result<Vec<_>, _>>()?;
    cases.extend(started_later);
    cases.extend(thinned);
    let settings = expand(&grid)?;
    eprintln!(
        "{} settings x {} series ({} buckets)",
        settings.len(),
        cases.len(),
        cases.iter().map(|c| c.series.buckets.len()).sum::<usize>()
    );
    // scores[setting][case]
    let mut scores = Vec::with_capacity(settings.len());
    for (_, choice) in &settings {
        let row = cases
            .iter()
            .map(|case| Ok(score(case, &alerts(case, *choice)?)))
            .collect::<Result<Vec<_>, Box<dyn Error>>>()?;
        scores.push(row);
    }
    let default = settings.iter().position(|(_, s)| *s == Choice::default());

    let all: Vec<usize> = (0..cases.len()).collect();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{:<36} {:<44} {:>5} {:>7} {:>7}",
        "held-out series", "chosen without it", "NAB", "found", "fa/week"
    )?;
    let mut held_out = vec![Score::default(); cases.len()];
    for (k, case) in cases.iter().enumerate() {
        // Not the series itself, nor any other start of it.
        let others: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&j| !cases[j].same_series(case))
            .collect();
        let chosen = choose(&cases, &scores, &others);
        let s = scores[chosen][k];
        held_out[k] = s;
        writeln!(
            out,
            "{:<36} {:<44} {:>5.1} {:>3}/{:<3} {:>7.2}",
            case.label(),
            settings[chosen].0,
            s.nab(),
            s.detected,
            s.windows,
            s.per_week()
        )?;
    }
    let everywhere = choose(&cases, &scores, &all);
    writeln!(out)?;
    writeln!(out, "chosen on every series: {}", settings[everywhere].0)?;
    writeln!(out)?;
    writeln!(out, "family                      cross-validated            defaults                   chosen on all (seen)")?;
    let families: BTreeMap<&str, Vec<usize>> =
        cases
            .iter()
            .enumerate()
            .fold(BTreeMap::new(), |mut m, (k, c)| {
                m.entry(c.family.as_str()).or_insert_with(Vec::new).push(k);
                m
            });
    for (family, members) in &families {
        let pooled = |pick: &dyn Fn(usize) -> Score| {
            members
                .iter()
                .map(|&k| pick(k))
                .fold(Score::default(), Score::add)
        };
        let cv = pooled(&|k| held_out[k]);
        let per_series: Vec<f64> = members.iter().map(|&k| held_out[k].nab()).collect();
        let (_, sd, min, max) = spread::summary(&per_series);
        let shown = |s: Score| {
            format!(
                "{:>5.1} {:>3}/{:<3} {:>5.2}/wk",
                s.nab(),
                s.detected,
                s.windows,
                s.per_week()
            )
        };
        let defaults = default.map_or("(not in the grid)".to_owned(), |d| {
            shown(pooled(&|k| scores[d][k]))
        });
        writeln!(
            out,
            "{family:<27} {}  {defaults:<26} {}",
            shown(cv),
            shown(pooled(&|k| scores[everywhere][k]))
        )?;
        writeln!(
            out,
            "{:<27} per series: sd {:.1}, range {:.1}..{:.1}",
            "", sd, min, max
        )?;
    }
    writeln!(out)?;
    print_margins(&mut out, &cases, &families)?;
    Ok(())
}

/// How close each window came to passing unseen under the crate's
/// defaults: its best margin (the highest `Evidence::margin` of its rows;
/// an alert needs 1). A window found only just on these series is one that
/// a slightly different series misses, which the scores above do not show.
fn print_margins(
    out: &mut impl Write,
    cases: &[Case],
    families: &BTreeMap<&str, Vec<usize>>,
) -> Result<(), Box<dyn Error>> {
    writeln!(out, "windows by margin under the defaults (the highest margin in the window; an alert needs 1):")?;
    for (family, members) in families {
        let mut windows: Vec<(f64, String)> = Vec::new();
        for &k in members {
            let case = &cases[k];
            let settings = Settings::new(case.series.bucket_width()?)?;
            let margins = case.series.margins(&case.name, settings)?;
            for &(start, end) in &case.windows {
                let best = margins
                    .get(start..=end)
                    .unwrap_or_default()
                    .iter()
                    .flatten()
                    .fold(0.0f64, |m, &v| m.max(v));
                windows.push((
                    best,
                    format!("{} {}", case.label(), case.series.stamps[start]),
                ));
            }
        }
        if windows.is_empty() {
            continue;
        }
        windows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let values: Vec<f64> = windows.iter().map(|w| w.0).collect();
        let quantile = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
        writeln!(
            out,
            "{family:<27} {} windows: smallest {:.2}, quartiles {:.2} / {:.2} / {:.2}; under 1.1: {}, under 1.25: {}",
            values.len(),
            values[0],
            quantile(0.25),
            quantile(0.5),
            quantile(0.75),
            values.iter().filter(|&&v| v < 1.1).count(),
            values.iter().filter(|&&v| v < 1.25).count()
        )?;
        for (margin, window) in windows.iter().take(5) {
            writeln!(out, "{:<27} {margin:>5.2}  {window}", "")?;
        }
    }
    Ok(())
}

/// The series of one folder with their windows.
fn read_cases(dir: &Path, limit: f64) -> Result<Vec<Case>, Box<dyn Error>> {
    let text = fs::read_to_string(dir.join("windows.json"))
        .map_err(|e| format!("{}: {e}", dir.join("windows.json").display()))?;
    let windows: BTreeMap<String, Vec<(String, String)>> = serde_json::from_str(&text)?;
    let folder = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("a folder name is not UTF-8")?;
    let family = folder
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['-', '_'])
        .to_owned();
    let mut cases = Vec::new();
    for (name, spans) in windows {
        let path = dir.join(format!("{name}.csv"));
        let series =
            Series::read(&path)?.ok_or_else(|| format!("{}: not a series", path.display()))?;
        let times: Vec<_> = series.buckets.iter().map(|b| b.start()).collect();
        let spans = spans
            .iter()
            .map(|(start, end)| Ok((timestamp(start)?, timestamp(end)?)))
            .collect::<Result<Vec<_>, Box<dyn Error>>>()?;
        let rows = nab::window_rows(&times, &spans);
        cases.push(Case {
            family: family.clone(),
            folder: folder.to_owned(),
            name,
            probe: Probe::AsGiven,
            series,
            windows: rows,
            limit,
        });
    }
    Ok(cases)
}

impl Case {
    /// The folder and series, and how the case was made from it.
    fn label(&self) -> String {
        match self.probe {
            Probe::AsGiven => format!("{}/{}", self.folder, self.name),
            Probe::Later(days) => format!("{}/{} +{days}d", self.folder, self.name),
            Probe::Thinned(p, seed) => format!("{}/{} x{p}#{seed}", self.folder, self.name),
        }
    }

    fn same_series(&self, other: &Case) -> bool {
        self.folder == other.folder && self.name == other.name
    }

    /// The series started `days` later, with the windows that start after
    /// the scorer's probation of what is left; `None` when nothing is left
    /// to score.
    fn started_later(&self, days: u32) -> Option<Case> {
        let first = self.series.buckets.first()?.start();
        let start = first
            .checked_add(SignedDuration::from_hours(24 * i64::from(days)))
            .ok()?;
        let cut = self
            .series
            .buckets
            .iter()
            .position(|b| b.start() >= start)?;
        let rows = self.series.buckets.len() - cut;
        let probation = nab::probation(rows);
        let windows: Vec<(usize, usize)> = self
            .windows
            .iter()
            .filter(|&&(lo, _)| lo >= cut + probation)
            .map(|&(lo, hi)| (lo - cut, hi - cut))
            .collect();
        if windows.is_empty() {
            return None;
        }
        let series = Series {
            stamps: self.series.stamps[cut..].to_vec(),
            buckets: self.series.buckets[cut..].to_vec(),
        };
        Some(self.probed("later", Probe::Later(days), series, windows))
    }

    /// The series with each message kept with probability `p`, drawn with
    /// `seed` (negatives and the other messages thinned apart, so the
    /// share of negatives stays what it was on average).
    fn thinned(&self, p: f64, seed: u64) -> Result<Case, Box<dyn Error>> {
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
        let mut keep = |n: u64| (0..n).filter(|_| rng.random_bool(p)).count() as u64;
        let buckets = self
            .series
            .buckets
            .iter()
            .map(|b| match b.negative() {
                None => Ok(Bucket::new(b.start(), keep(b.total()))),
                Some(n) => {
                    let negative = keep(n);
                    let others = keep(b.total() - n);
                    Bucket::new(b.start(), negative + others).with_negative(negative)
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let series = Series {
            stamps: self.series.stamps.clone(),
            buckets,
        };
        Ok(self.probed(
            "thin",
            Probe::Thinned(p, seed),
            series,
            self.windows.clone(),
        ))
    }

    /// A case made from this one by `probe`, in the family of this one's
    /// with `+suffix`.
    fn probed(
        &self,
        suffix: &str,
        probe: Probe,
        series: Series,
        windows: Vec<(usize, usize)>,
    ) -> Case {
        Case {
            family: format!("{}+{suffix}", self.family),
            folder: self.folder.clone(),
            name: self.name.clone(),
            probe,
            series,
            windows,
            limit: self.limit,
        }
    }
}

/// Every combination of the grid's values, named, over the defaults.
fn expand(grid: &[(String, Vec<String>)]) -> Result<Vec<(String, Choice)>, Box<dyn Error>> {
    let mut settings = vec![(String::new(), Choice::default())];
    for (field, values) in grid {
        let mut next = Vec::new();
        for (name, base) in &settings {
            for value in values {
                let mut s = *base;
                set(&mut s, field, value)?;
                let name = if name.is_empty() {
                    format!("{field}={value}")
                } else {
                    format!("{name} {field}={value}")
                };
                next.push((name, s));
            }
        }
        settings = next;
    }
    if grid.is_empty() {
        settings[0].0 = "defaults".to_owned();
    }
    Ok(settings)
}

fn set(choice: &mut Choice, field: &str, value: &str) -> Result<(), Box<dyn Error>> {
    let number = || value.parse::<f64>();
    let s = &mut choice.sensitivity;
    match field {
        "all_clear_after_hours" => {
            choice.all_clear_after = SignedDuration::try_from_secs_f64(number()? * 3600.0)?;
        }
        "watch" => s.watch = number()?,
        "warning" => s.warning = number()?,
        "crisis" => s.crisis = number()?,
        "drift" => s.drift = number()?,
        "build" => s.build = number()?,
        "calm" => s.calm = number()?,
        "warning_ratio" => s.warning_ratio = number()?,
        "crisis_ratio" => s.crisis_ratio = number()?,
        "peak_half_life_hours" => s.peak_half_life_hours = number()?,
        _ => return Err(format!("no sensitivity field `{field}`").into()),
    }
    Ok(())
}

/// The rows at which the detector raises or escalates, as `crisis_eval`
/// prints them.
fn alerts(case: &Case, choice: Choice) -> Result<Vec<usize>, Box<dyn Error>> {
    let settings = Settings::new(case.series.bucket_width()?)?
        .with_sensitivity(choice.sensitivity)?
        .with_all_clear_after(choice.all_clear_after)?;
    case.series.alert_rows(&case.name, settings)
}

/// NAB's standard score of `alerts` on one case.
fn score(case: &Case, alerts: &[usize]) -> Score {
    let width = case
        .series
        .bucket_width()
        .map_or(300.0, |w| w.as_secs_f64());
    nab::score(case.series.buckets.len(), width, &case.windows, alerts)
}

/// The setting with the best pooled score on `on` among those within every
/// family's false-alarm cap there (the best score if none is).
fn choose(cases: &[Case], scores: &[Vec<Score>], on: &[usize]) -> usize {
    let within = |row: &[Score]| {
        let mut families: BTreeMap<&str, (Score, f64)> = BTreeMap::new();
        for &k in on {
            let entry = families
                .entry(cases[k].family.as_str())
                .or_insert((Score::default(), cases[k].limit));
            entry.0 = entry.0.add(row[k]);
        }
        families.values().all(|(s, limit)| s.per_week() <= *limit)
    };
    let pooled = |row: &[Score]| {
        on.iter()
            .map(|&k| row[k])
            .fold(Score::default(), Score::add)
            .nab()
    };
    let best = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates.fold(None, |best: Option<(usize, f64)>, i| {
            let v = pooled(&scores[i]);
            match best {
                Some((_, b)) if b >= v => best,
                _ => Some((i, v)),
            }
        })
    };
    best(&mut (0..scores.len()).filter(|&i| within(&scores[i])))
        .or_else(|| best(&mut (0..scores.len())))
        .map_or(0, |(i, _)| i)
}
