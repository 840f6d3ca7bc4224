//! How often language detection is right on labelled files: the figures
//! the `sentiment::detect_language` docs quote.
//!
//! ```text
//! cargo run --release --example language_eval -- ../shared/data/sentiment/umsab/*.tsv
//! cargo run --release --no-default-features --example language_eval -- ../shared/data/sentiment/umsab/*.tsv
//! ```
//!
//! Each file is a TSV file whose header names a `text` column, in the
//! language its name starts with (`fr-train.tsv` is French). Prints, per
//! file and in all, how many texts were detected in that language, in
//! another one, and not at all; `--wrong` also lists the texts missed.
//! The second command measures the function words alone (without the
//! `whatlang` feature).

#[path = "support/exit.rs"]
mod exit;
#[path = "support/language.rs"]
mod file_language;

use std::error::Error;
use std::io::{self, Write};
use std::process::ExitCode;

use social_crm::sentiment::detect_language;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut out = io::stdout().lock();
    let mut list_wrong = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--wrong" => list_wrong = true,
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return Err("usage: language_eval [--wrong] xx-NAME.tsv...".into());
    }
    let (mut right, mut wrong, mut unknown) = (0usize, 0usize, 0usize);
    for path in &files {
        let language = file_language::of_file(path).ok_or_else(|| {
            format!("{path}: the file name must start with a language code and `-`")
        })?;
        let input = std::fs::read_to_string(path)?;
        let mut lines = input.lines();
        let header = lines.next().ok_or_else(|| format!("{path}: empty file"))?;
        let column = header
            .split('\t')
            .position(|h| h.trim() == "text")
            .ok_or_else(|| format!("{path}: the header has no `text` column"))?;
        let (mut r, mut w, mut u) = (0usize, 0usize, 0usize);
        for line in lines {
            let text = line.split('\t').nth(column).unwrap_or("");
            match detect_language(text) {
                Some(g) if g.language == language => r += 1,
                guess => {
                    match guess {
                        Some(_) => w += 1,
                        None => u += 1,
                    }
                    if list_wrong {
                        let said = guess.map_or("unknown".to_owned(), |g| g.language.to_string());
                        writeln!(out, "  {said}: {text}")?;
                    }
                }
            }
        }
        writeln!(
            out,
            "{path}: {r} of {} right, {w} wrong, {u} unknown",
            r + w + u
        )?;
        (right, wrong, unknown) = (right + r, wrong + w, unknown + u);
    }
    let total = right + wrong + unknown;
    writeln!(
        out,
        "all: {right} of {total} right ({:.2} %), {wrong} wrong, {unknown} unknown",
        100.0 * right as f64 / total.max(1) as f64
    )?;
    Ok(())
}
