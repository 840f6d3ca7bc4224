//! PageRank of an edge list, one `node<TAB>score` line per node.
//!
//! ```text
//! cargo run --release --example pagerank_edges < ../shared/data/influence/higgs-mention.edges > ranks.tsv
//! python3 ../shared/tools/influence-eval/compare_pagerank.py ranks.tsv
//! ```
//!
//! Input (standard input, or the file named as the first argument): one edge
//! a line, `source target [weight]`, separated by white space; node ids are
//! any words; the weight defaults to 1; lines starting with `#` are skipped.
//! Output: every node with its score (damping 0.85, weighted, self-loops
//! kept, dangling nodes spread uniformly, L1 tolerance 1e-12), best first,
//! ties by node id.

use std::collections::HashMap;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use social_crm::influence::{pagerank, Graph, PageRankConfig};

#[path = "support/exit.rs"]
mod exit;

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    match std::env::args().nth(1) {
        Some(path) => input = std::fs::read_to_string(path)?,
        None => {
            io::stdin().lock().read_to_string(&mut input)?;
        }
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut edges = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
            return Err(format!("line {}: expected `source target [weight]`", n + 1).into());
        };
        let weight: f64 = match fields.next() {
            Some(w) => w
                .parse()
                .map_err(|_| format!("line {}: weight `{w}` is not a number", n + 1))?,
            None => 1.0,
        };
        let u = node(a, &mut ids, &mut names);
        let v = node(b, &mut ids, &mut names);
        edges.push((u, v, weight));
    }
    let graph = Graph::from_edges(names.len(), &edges)?;
    let ranks = pagerank(&graph, &PageRankConfig::new())?;
    if !ranks.converged {
        eprintln!(
            "warning: not converged after {} sweeps (residual {:e})",
            ranks.iterations, ranks.residual
        );
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&x, &y| {
        ranks.scores[y]
            .total_cmp(&ranks.scores[x])
            .then_with(|| names[x].cmp(names[y]))
    });
    let mut out = BufWriter::new(io::stdout().lock());
    for i in order {
        writeln!(out, "{}\t{:.15e}", names[i], ranks.scores[i])?;
    }
    out.flush()?;
    Ok(())
}

/// The dense id of a node name, given on first sight.
fn node<'a>(name: &'a str, ids: &mut HashMap<&'a str, u32>, names: &mut Vec<&'a str>) -> u32 {
    *ids.entry(name).or_insert_with(|| {
        names.push(name);
        (names.len() - 1) as u32
    })
}
