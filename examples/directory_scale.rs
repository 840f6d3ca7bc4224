//! How big and how fast is a directory of N customers? Builds directories
//! of synthetic customers (a Twitter handle and an email address each) and
//! prints, for each size, the build time, the memory per customer (on
//! Linux), and the time to resolve a handle beside the same lookups in a
//! bare `FxHashMap<String, u32>` of the same keys.
//!
//! ```text
//! cargo run --release --example directory_scale                # 100k and 1M
//! cargo run --release --example directory_scale -- 10000000    # chosen sizes
//! ```
//!
//! Each size runs in a process of its own, so that memory freed by one does
//! not hide what the next one takes. Criterion's `cargo bench --bench
//! directory` gives the precise per-lookup and per-merge figures.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/scale.rs"]
mod scale;

use std::hint::black_box;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use rustc_hash::FxHashMap;
use scale::{count, resident_kib, row, sizes};
use social_crm::{AudienceStats, Channel, Customer, Directory, Handle};

const SIZES: [usize; 2] = [100_000, 1_000_000];

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = args.as_slice() {
        if flag == "--one" {
            return one(count(n)?);
        }
    }
    let sizes = sizes(&args, &SIZES)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{:>10} {:>9} {:>14} {:>13} {:>13} {:>7}",
        "customers", "build", "memory/cust", "resolve", "FxHashMap", "ratio"
    )?;
    for n in sizes {
        row(&mut stdout, "--one", n)?;
    }
    Ok(())
}

/// One row: a directory of `n` customers.
fn one(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let before = resident_kib();
    let start = Instant::now();
    let mut directory = Directory::with_capacity(n);
    for i in 0..n {
        directory.insert(
            Customer::new(&format!("c{i}"), "Synthetic Customer")?
                .with_handle(
                    Handle::new(Channel::Twitter, &format!("@user{i}"))?,
                    AudienceStats::default(),
                )
                .with_handle(
                    Handle::new(Channel::Email, &format!("user{i}@example.com"))?,
                    AudienceStats::default(),
                ),
        )?;
    }
    let built = start.elapsed();
    let after = resident_kib();

    // The same probes through the directory and through a bare map of the
    // handles' text forms, best of three rounds each. The map holds every
    // handle the directory holds (two a customer): a map of the probed
    // channel's handles alone would be half the size, and fit the caches
    // better than the directory's index can.
    let picks: Vec<usize> = (0..200_000).map(|k| (k * 7919) % n.max(1)).collect();
    let probes: Vec<Handle> = picks
        .iter()
        .map(|i| Handle::new(Channel::Twitter, &format!("@user{i}")))
        .collect::<Result<_, _>>()?;
    let bare: FxHashMap<String, u32> = (0..n)
        .flat_map(|i| {
            [
                (format!("twitter:@user{i}"), i as u32),
                (format!("email:user{i}@example.com"), i as u32),
            ]
        })
        .collect();
    let keys: Vec<String> = probes.iter().map(Handle::to_string).collect();
    let mut resolve = f64::MAX;
    let mut baseline = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let found = probes
            .iter()
            .filter(|p| black_box(directory.resolve(p)).customer().is_some())
            .count();
        resolve = resolve.min(start.elapsed().as_nanos() as f64 / probes.len() as f64);
        assert_eq!(found, probes.len(), "every probe is a customer's handle");
        let start = Instant::now();
        let found = keys
            .iter()
            .filter(|k| black_box(bare.get(k.as_str())).is_some())
            .count();
        baseline = baseline.min(start.elapsed().as_nanos() as f64 / keys.len() as f64);
        assert_eq!(found, keys.len());
    }
    let memory = match (before, after) {
        (Some(a), Some(b)) => format!("{} B", b.saturating_sub(a) * 1024 / n.max(1) as u64),
        _ => "n/a".to_owned(),
    };
    writeln!(
        std::io::stdout().lock(),
        "{n:>10} {:>7.2} s {memory:>14} {resolve:>10.0} ns {baseline:>10.0} ns {:>6.2}x",
        built.as_secs_f64(),
        resolve / baseline,
    )?;
    Ok(())
}
