//! How big and how fast is a directory of N customers? Builds one from
//! synthetic customers (a Twitter handle and an email address each) and
//! prints the build time, the lookup rate and, on Linux, the process's
//! resident memory.
//!
//! ```text
//! cargo run --release --example directory_scale -- 1000000
//! ```
//!
//! Criterion's `cargo bench --bench directory` gives the precise per-lookup
//! and per-merge figures; this example answers the sizing question.

use std::hint::black_box;
use std::time::Instant;

use social_crm::{AudienceStats, Channel, Customer, Directory, Handle};

fn main() -> Result<(), social_crm::Error> {
    let n: usize = match std::env::args().nth(1) {
        Some(arg) => arg.parse().map_err(|_| {
            social_crm::Error::from(social_crm::ErrorKind::InvalidText {
                what: "customer count",
                value: arg.clone(),
                reason: "expected a whole number",
            })
        })?,
        None => 1_000_000,
    };
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

    let probes: Vec<Handle> = (0..100_000)
        .map(|k| Handle::new(Channel::Twitter, &format!("@user{}", (k * 7919) % n.max(1))))
        .collect::<Result<_, _>>()?;
    let start = Instant::now();
    let mut found = 0usize;
    for probe in &probes {
        found += usize::from(black_box(directory.resolve(probe)).customer().is_some());
    }
    let lookups = start.elapsed();

    println!("customers            {n}");
    println!("handles indexed      {}", 2 * n);
    println!("build                {:.2} s", built.as_secs_f64());
    println!(
        "lookups              {:.1} M/s ({found} of {} found)",
        probes.len() as f64 / lookups.as_secs_f64() / 1e6,
        probes.len()
    );
    if let (Some(before), Some(after)) = (before, after) {
        let bytes = (after.saturating_sub(before)) * 1024;
        println!(
            "resident memory      {:.0} MiB ({} bytes per customer)",
            bytes as f64 / (1024.0 * 1024.0),
            bytes / n.max(1) as u64
        );
    }
    Ok(())
}

/// The process's resident set size in KiB, where `/proc` tells it.
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
