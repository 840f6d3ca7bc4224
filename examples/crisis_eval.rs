//! Streams every series of a data folder through the crisis detector, with
//! the crate's default settings, and prints one line per alert raised or
//! escalated: `series_name,timestamp,level`.
//!
//! ```text
//! cargo run --release --example crisis_eval -- ../shared/data/crisis/nab-realtweets > alerts.csv
//! python3 ../shared/tools/crisis-eval/score.py ../shared/data/crisis/nab-realtweets alerts.csv
//! ```
//!
//! Each `<series>.csv` holds a header and one row per bucket, in time order:
//! either `timestamp,value` (volume only) or `timestamp,total,negative`.
//! Timestamps are RFC 3339 (`2026-03-09T00:00:00Z`) or `YYYY-MM-DD HH:MM:SS`
//! without a zone, read as UTC. The bucket width is the series' most common
//! step. The timestamp printed is the row's own text, so the scorer matches
//! it exactly.
//!
//! A CSV whose header names other columns is skipped with a warning on
//! standard error. Add `--all` to print the all-clears too (as
//! `all-clear after <level>`), which the scorer must not see.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/series.rs"]
mod series;

use std::error::Error;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use series::Series;
use social_crm::crisis::{AlertKind, Settings};

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut dir = None;
    let mut all = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--all" => all = true,
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(usage()),
        }
    }
    let dir = dir.ok_or_else(usage)?;
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "csv"));
    files.sort();
    if files.is_empty() {
        return Err(format!("no .csv series in {}", dir.display()).into());
    }
    let mut out = String::from("series_name,timestamp,level\n");
    for path in &files {
        let Some(series) = Series::read(path)? else {
            eprintln!(
                "crisis_eval: skipping {}: its header is neither `timestamp,value` nor `timestamp,total,negative`",
                path.display()
            );
            continue;
        };
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a series file name is not UTF-8")?;
        let settings = Settings::new(series.bucket_width()?)?;
        series
            .feed(name, settings, |row, step| {
                for alert in step.alerts {
                    let level = match alert.kind {
                        AlertKind::AllClear if !all => continue,
                        AlertKind::AllClear => format!("all-clear after {}", alert.level),
                        _ => alert.level.to_string(),
                    };
                    out.push_str(&format!("{name},{},{level}\n", series.stamps[row]));
                }
            })
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

fn usage() -> Box<dyn Error> {
    "usage: crisis_eval DATA_DIR [--all]".into()
}
