//! Labels every text of a sentiment corpus, one label per line, for the
//! shared scorer.
//!
//! ```text
//! cargo run --release --example sentiment_eval -- ../shared/data/sentiment/umsab/fr-val.tsv > preds.txt
//! python3 ../shared/tools/sentiment-eval/score.py ../shared/data/sentiment/umsab/fr-val.tsv preds.txt
//! ```
//!
//! The input is a TSV file (or standard input when no path is given) whose
//! header names a `text` column. The language is `--lang xx` when given,
//! otherwise the file name's `en-`, `fr-` or `es-` prefix, otherwise it is
//! detected text by text. Output: `negative`, `neutral` or `positive`, one
//! line per data row, in order.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/language.rs"]
mod file_language;

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use social_crm::sentiment::Analyzer;
use social_crm::Language;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut language: Option<Language> = None;
    let mut path: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            let code = args.next().ok_or("--lang needs a language code")?;
            language = Some(code.parse()?);
        } else {
            path = Some(arg);
        }
    }
    let mut input = String::new();
    match &path {
        Some(p) => {
            input = std::fs::read_to_string(p)?;
            if language.is_none() {
                language = file_language::of_file(p);
            }
        }
        None => {
            io::stdin().lock().read_to_string(&mut input)?;
        }
    }
    let mut lines = input.lines();
    let header = lines.next().ok_or("empty input: expected a header line")?;
    let column = header
        .split('\t')
        .position(|h| h.trim() == "text")
        .ok_or("the header has no `text` column")?;
    let analyzer = Analyzer::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in lines {
        let text = line.split('\t').nth(column).unwrap_or("");
        writeln!(out, "{}", analyzer.score(text, language).label)?;
    }
    out.flush()?;
    let _ = io::stdin().lock().lines();
    Ok(())
}
