//! k-fold cross-validation of the sentiment scorer on labelled files: the
//! figure to expect on texts the crate was never shown, with its spread.
//!
//! ```text
//! cargo run --release --example sentiment_cv -- ../shared/data/sentiment/umsab/fr-train.tsv ../shared/data/sentiment/umsab/fr-val.tsv
//! ```
//!
//! The files (`label<TAB>text[<TAB>...]`, one header line, labels
//! `negative`, `neutral`, `positive`) are pooled and cut into folds by
//! line number (`--folds K`, 5 by default; line `i` goes to fold `i mod K`).
//! The language is taken from the first file's name (`fr-train.tsv` is
//! French) unless `--lang` gives it.
//!
//! Two figures per fold, macro-F1 over the three labels:
//! - `default`: the crate's settings as they ship, on the fold;
//! - `fitted`: the label thresholds chosen on the other folds (a grid of
//!   negative and positive cuts on the compound score, the pair with the
//!   best macro-F1 there), then applied to the fold. When `fitted` is not
//!   above `default` by more than the spread, the shipped thresholds are
//!   not fitted to these texts more than the folds can tell.
//!
//! Then the mean, the standard deviation across folds and the range, as
//! `mean=<value>` lines a script can read.
//!
//! `--grid FIELD=V1,V2,...` (repeatable; fields `negation`, `window`,
//! `capitals`, `question` and `contrast`, whose values are pairs of weights
//! before and after, `contrast=0.5:1.5,0.3:1.7`; the defaults for the fields
//! not named) adds a third figure per fold, `chosen`:
//! the scorer's setting with the best macro-F1 on the other folds (with the
//! shipped thresholds), applied to the fold. That is what a change of those
//! weights can be expected to gain on texts it was not chosen on; the
//! setting each fold chose is printed beside it.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/language.rs"]
mod file_language;
#[path = "support/spread.rs"]
mod spread;

use std::error::Error;
use std::fs;
use std::io::{self, Write};
use std::process::ExitCode;

use social_crm::sentiment::{Analyzer, Label, SentimentConfig};
use social_crm::Language;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut files = Vec::new();
    let mut folds = 5usize;
    let mut language: Option<Language> = None;
    let mut grid: Vec<(String, Vec<String>)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--folds" => {
                folds = args.next().ok_or("--folds needs a number")?.parse()?;
            }
            "--grid" => {
                let spec = args.next().ok_or("--grid needs FIELD=V1,V2,...")?;
                let (field, values) = spec.split_once('=').ok_or("--grid needs FIELD=V1,V2,...")?;
                grid.push((
                    field.to_owned(),
                    values.split(',').map(str::to_owned).collect(),
                ));
            }
            "--lang" => language = Some(args.next().ok_or("--lang needs a code")?.parse()?),
            _ => files.push(arg),
        }
    }
    if files.is_empty() || folds < 2 {
        return Err(
            "usage: sentiment_cv [--folds K>=2] [--lang CODE] [--grid FIELD=V1,V2,...] FILE.tsv..."
                .into(),
        );
    }
    if language.is_none() {
        language = file_language::of_file(&files[0]);
    }

    let analyzer = Analyzer::default();
    let settings = expand(&grid)?;
    let mut texts: Vec<String> = Vec::new();
    let mut rows: Vec<(Label, Label, f64)> = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let mut lines = text.lines();
        let header = lines.next().ok_or_else(|| format!("{path}: empty"))?;
        let column = |name: &str| header.split('\t').position(|h| h.trim() == name);
        let (Some(label_at), Some(text_at)) = (column("label"), column("text")) else {
            return Err(format!("{path}: the header needs `label` and `text` columns").into());
        };
        for (n, line) in lines.enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let gold: Label = fields
                .get(label_at)
                .ok_or_else(|| format!("{path}: line {}: no label", n + 2))?
                .parse()?;
            let text = fields.get(text_at).copied().unwrap_or("");
            let s = analyzer.score(text, language);
            rows.push((gold, s.label, s.compound));
            texts.push(text.to_owned());
        }
    }
    if rows.len() < folds {
        return Err(format!("{} texts cannot make {folds} folds", rows.len()).into());
    }

    // Every setting of the grid labels every text once (without a grid,
    // the labels above are all there is).
    let grid_settings = if grid.is_empty() {
        &[][..]
    } else {
        &settings[..]
    };
    let labelled: Vec<Vec<Label>> = grid_settings
        .iter()
        .map(|(_, config)| {
            let analyzer = Analyzer::new(*config)?;
            Ok(texts
                .iter()
                .map(|t| analyzer.score(t, language).label)
                .collect())
        })
        .collect::<Result<_, social_crm::Error>>()?;

    let mut out = io::stdout().lock();
    write!(out, "fold  texts  default  fitted")?;
    if grid.is_empty() {
        writeln!(out, "  cuts (negative, positive)")?;
    } else {
        writeln!(out, "  chosen  cuts (negative, positive)  setting")?;
    }
    let (mut shipped, mut fitted, mut chosen) = (Vec::new(), Vec::new(), Vec::new());
    for fold in 0..folds {
        let held: Vec<usize> = (0..rows.len()).filter(|i| i % folds == fold).collect();
        let rest: Vec<usize> = (0..rows.len()).filter(|i| i % folds != fold).collect();
        let default = macro_f1(held.iter().map(|&i| (rows[i].0, rows[i].1)));
        let cuts = best_cuts(&rows, &rest);
        let tuned = macro_f1(held.iter().map(|&i| (rows[i].0, cut(rows[i].2, cuts))));
        write!(
            out,
            "{fold:>4} {:>6} {default:>8.3} {tuned:>7.3}",
            held.len()
        )?;
        let pick = (!grid.is_empty()).then(|| best_setting(&labelled, &rows, &rest));
        if let Some(k) = pick {
            let picked = macro_f1(held.iter().map(|&i| (rows[i].0, labelled[k][i])));
            write!(out, " {picked:>7.3}")?;
            chosen.push(picked);
        }
        write!(out, "  ({:+.2}, {:+.2})", cuts.0, cuts.1)?;
        if let Some(k) = pick {
            write!(out, "  {}", settings[k].0)?;
        }
        writeln!(out)?;
        shipped.push(default);
        fitted.push(tuned);
    }
    let mut figures = vec![("default", &shipped), ("fitted", &fitted)];
    if !grid.is_empty() {
        figures.push(("chosen", &chosen));
    }
    for (name, scores) in figures {
        let (mean, sd, min, max) = spread::summary(scores);
        writeln!(
            out,
            "{name}: mean={mean:.3} sd={sd:.3} range={min:.3}..{max:.3}"
        )?;
    }
    Ok(())
}

/// Every combination of the grid's values (the defaults for the fields not
/// named), each with its name: `negation=-0.74 window=3`, or `defaults`.
pub fn expand(
    grid: &[(String, Vec<String>)],
) -> Result<Vec<(String, SentimentConfig)>, Box<dyn Error>> {
    let mut settings = vec![(String::new(), SentimentConfig::new())];
    for (field, values) in grid {
        let mut next = Vec::new();
        for (name, config) in &settings {
            for v in values {
                let bad = |e: &dyn std::fmt::Display| format!("--grid {field}={v}: {e}");
                let number = || v.parse::<f64>().map_err(|e| bad(&e));
                let config = match field.as_str() {
                    "negation" => config.negation(number()?),
                    "window" => config.negation_window(v.parse().map_err(|e| bad(&e))?),
                    "capitals" => config.capitals(number()?),
                    "contrast" => {
                        let (before, after) = contrast(v).map_err(|e| bad(&e))?;
                        config.contrast(before, after)
                    }
                    "question" => config.question(number()?),
                    _ => return Err(bad(&"no such field").into()),
                };
                next.push((format!("{name} {field}={v}"), config));
            }
        }
        settings = next;
    }
    Ok(settings
        .into_iter()
        .map(|(name, config)| match name.trim() {
            "" => ("defaults".to_owned(), config),
            n => (n.to_owned(), config),
        })
        .collect())
}

/// A `contrast` value of the grid: the weights before and after, `0.5:1.5`.
fn contrast(value: &str) -> Result<(f64, f64), Box<dyn Error>> {
    let (before, after) = value
        .split_once(':')
        .ok_or("--grid contrast=BEFORE:AFTER,...")?;
    Ok((before.parse()?, after.parse()?))
}

/// The setting (an index into `labelled`) with the best macro-F1 on
/// `rows[at]`: the first best in grid order, so the choice is reproducible.
pub fn best_setting(labelled: &[Vec<Label>], rows: &[(Label, Label, f64)], at: &[usize]) -> usize {
    let mut best = (f64::MIN, 0);
    for (k, labels) in labelled.iter().enumerate() {
        let f1 = macro_f1(at.iter().map(|&i| (rows[i].0, labels[i])));
        if f1 > best.0 {
            best = (f1, k);
        }
    }
    best.1
}

/// The label of a compound score under (negative, positive) cuts, as the
/// analyzer applies its own.
fn cut(compound: f64, (negative, positive): (f64, f64)) -> Label {
    if compound >= positive {
        Label::Positive
    } else if compound <= negative {
        Label::Negative
    } else {
        Label::Neutral
    }
}

/// The cuts with the best macro-F1 on `rows[at]`, from a grid of steps of
/// 0.02 (the first best in grid order, so the choice is reproducible).
fn best_cuts(rows: &[(Label, Label, f64)], at: &[usize]) -> (f64, f64) {
    let grid = |from: i32, to: i32| (from..=to).map(|k| f64::from(k) * 0.02);
    let mut best = (f64::MIN, (0.0, 0.0));
    for negative in grid(-30, 5) {
        for positive in grid(-5, 30).filter(|&p| p > negative) {
            let f1 = macro_f1(
                at.iter()
                    .map(|&i| (rows[i].0, cut(rows[i].2, (negative, positive)))),
            );
            if f1 > best.0 {
                best = (f1, (negative, positive));
            }
        }
    }
    best.1
}

/// Macro-F1 over the three labels of (gold, predicted) pairs; a label
/// neither gold nor predicted anywhere counts as F1 0, as in the scorer.
fn macro_f1(pairs: impl Iterator<Item = (Label, Label)>) -> f64 {
    let labels = [Label::Negative, Label::Neutral, Label::Positive];
    let mut counts = [[0usize; 3]; 3];
    let index = |l: Label| labels.iter().position(|&x| x == l).unwrap_or(1);
    for (gold, predicted) in pairs {
        counts[index(gold)][index(predicted)] += 1;
    }
    let f1 = |k: usize| {
        let tp = counts[k][k] as f64;
        let predicted: usize = (0..3).map(|g| counts[g][k]).sum();
        let gold: usize = counts[k].iter().sum();
        if predicted + gold == 0 {
            0.0
        } else {
            2.0 * tp / (predicted + gold) as f64
        }
    };
    (0..3).map(f1).sum::<f64>() / 3.0
}
