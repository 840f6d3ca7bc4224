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

use social_crm::sentiment::{Analyzer, Label};
use social_crm::Language;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut files = Vec::new();
    let mut folds = 5usize;
    let mut language: Option<Language> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--folds" => {
                folds = args.next().ok_or("--folds needs a number")?.parse()?;
            }
            "--lang" => language = Some(args.next().ok_or("--lang needs a code")?.parse()?),
            _ => files.push(arg),
        }
    }
    if files.is_empty() || folds < 2 {
        return Err("usage: sentiment_cv [--folds K>=2] [--lang CODE] FILE.tsv...".into());
    }
    if language.is_none() {
        language = file_language::of_file(&files[0]);
    }

    let analyzer = Analyzer::default();
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
            let s = analyzer.score(fields.get(text_at).copied().unwrap_or(""), language);
            rows.push((gold, s.label, s.compound));
        }
    }
    if rows.len() < folds {
        return Err(format!("{} texts cannot make {folds} folds", rows.len()).into());
    }

    let mut out = io::stdout().lock();
    writeln!(
        out,
        "fold  texts  default  fitted  cuts (negative, positive)"
    )?;
    let (mut shipped, mut fitted) = (Vec::new(), Vec::new());
    for fold in 0..folds {
        let held: Vec<usize> = (0..rows.len()).filter(|i| i % folds == fold).collect();
        let rest: Vec<usize> = (0..rows.len()).filter(|i| i % folds != fold).collect();
        let default = macro_f1(held.iter().map(|&i| (rows[i].0, rows[i].1)));
        let cuts = best_cuts(&rows, &rest);
        let tuned = macro_f1(held.iter().map(|&i| (rows[i].0, cut(rows[i].2, cuts))));
        writeln!(
            out,
            "{fold:>4} {:>6} {default:>8.3} {tuned:>7.3}  ({:+.2}, {:+.2})",
            held.len(),
            cuts.0,
            cuts.1
        )?;
        shipped.push(default);
        fitted.push(tuned);
    }
    for (name, scores) in [("default", &shipped), ("fitted", &fitted)] {
        let (mean, sd, min, max) = spread::summary(scores);
        writeln!(
            out,
            "{name}: mean={mean:.3} sd={sd:.3} range={min:.3}..{max:.3}"
        )?;
    }
    Ok(())
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
