//! Who is more influential, A or B? One number per PeerIndex pair.
//!
//! ```text
//! cargo run --release --example influence_pairs < ../shared/data/influence/peerindex-dev.csv > preds.txt
//! python3 ../shared/tools/influence-eval/auc.py ../shared/data/influence/peerindex-dev.csv preds.txt
//! ```
//!
//! Reads a PeerIndex CSV on standard input (header `Choice,A_follower_count,
//! ...`) and prints, for each data row, the crate's influence score of A
//! minus that of B (raw scale, default weights): positive when A looks more
//! influential. Only the documented columns are read: followers, following,
//! listed, mentions and retweets received, and posts.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use social_crm::influence::{score, Signals, Weights};

#[path = "support/exit.rs"]
mod exit;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let header = lines
        .next()
        .ok_or("empty input: expected a header line")??;
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    let column = |name: &str| {
        columns
            .iter()
            .position(|c| *c == name)
            .ok_or_else(|| format!("no `{name}` column in the header"))
    };
    let side = |p: &str| -> Result<[usize; 6], String> {
        Ok([
            column(&format!("{p}_follower_count"))?,
            column(&format!("{p}_following_count"))?,
            column(&format!("{p}_listed_count"))?,
            column(&format!("{p}_mentions_received"))?,
            column(&format!("{p}_retweets_received"))?,
            column(&format!("{p}_posts"))?,
        ])
    };
    let (a, b) = (side("A")?, side("B")?);
    let weights = Weights::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in lines.enumerate() {
        let line = line?;
        let fields: Vec<&str> = line.split(',').collect();
        let signals = |idx: &[usize; 6]| -> Result<Signals, String> {
            let get = |i: usize| -> Result<f64, String> {
                fields
                    .get(i)
                    .and_then(|v| v.trim().parse().ok())
                    .ok_or_else(|| format!("row {}: column {} is not a number", n + 2, i + 1))
            };
            Ok(Signals {
                followers: get(idx[0])?,
                following: get(idx[1])?,
                listed: get(idx[2])?,
                mentions_received: get(idx[3])?,
                shares_received: get(idx[4])?,
                posts_per_day: get(idx[5])?,
                ..Signals::default()
            })
        };
        let diff = score(&signals(&a)?, &weights)?.raw - score(&signals(&b)?, &weights)?.raw;
        writeln!(out, "{diff}")?;
    }
    out.flush()?;
    Ok(())
}
