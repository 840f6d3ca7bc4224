//! How does a desk's cost grow with its work? Builds desks of 1,000 to
//! 1,000,000 conversations of the sample week's shape and prints, for each,
//! the time to apply its events, the memory it holds (on Linux), the time
//! to read its queue, and the time and size of a snapshot and a restore in
//! JSON; then, for one more copy of the week's events, the time and size of
//! the changes since the snapshot and the time to bring the restored desk
//! up to date with them (what a service persisting every minute does); then
//! the time and size of a snapshot in postcard, a binary serde format, and
//! the time to restore the desk again from JSON and from postcard, each into
//! the memory the restore before gave back, and to write it again into the
//! buffer its first snapshot took. Then desks of 10,000 to
//! 1,000,000 conversations that all wait on the brand (the week's waiting
//! ones, repeated), and the time to read their queue.
//!
//! ```text
//! cargo run --release --example desk_scale
//! cargo run --release --example desk_scale -- 1000 10000   # chosen sizes
//! ```
//!
//! Each size runs in a process of its own, so that memory freed by one does
//! not hide what the next one takes. The criterion benchmarks
//! (`cargo bench --bench desk_service`) give the precise figures at 100,000.

#[path = "support/exit.rs"]
mod exit;
#[path = "support/scale.rs"]
mod scale;

use std::hint::black_box;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use scale::{count, resident_kib, row, sizes};
use social_crm::desk::{Desk, DeskConfig, Event};
use social_crm::sample::{self, SampleWeek};
use social_crm::Error;

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn main() -> ExitCode {
    exit::finish(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = args.as_slice() {
        if flag == "--one" {
            return one(count(n)?);
        }
        if flag == "--waiting" {
            return waiting(count(n)?);
        }
    }
    let sizes = sizes(&args, &SIZES)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{:>13} {:>9} {:>10} {:>13} {:>12} {:>14} {:>12} {:>13} {:>12} {:>10} {:>10} {:>12} {:>10} {:>13} {:>12} {:>18} {:>10} {:>15} {:>10}",
        "conversations",
        "waiting",
        "events",
        "apply/event",
        "memory/conv",
        "queue/waiting",
        "snapshot",
        "snapshot size",
        "restore",
        "drop",
        "changes",
        "changes size",
        "catch up",
        "postcard snap",
        "postcard size",
        "again: JSON write",
        "read",
        "postcard write",
        "read"
    )?;
    for &n in &sizes {
        row(&mut stdout, "--one", n)?;
    }
    writeln!(stdout)?;
    writeln!(
        stdout,
        "{:>13} {:>14} {:>14}",
        "waiting", "queue", "queue/waiting"
    )?;
    for n in sizes.into_iter().filter(|&n| n >= 10_000) {
        row(&mut stdout, "--waiting", n)?;
    }
    Ok(())
}

/// One row of the second table: a desk of about `n` conversations that all
/// wait on the brand, and the time to read its queue (best of three, after
/// a first reading that lays the entries out).
fn waiting(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let week = sample::week();
    let mut sample_desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    sample_desk.apply_all(week.events(), week.now);
    let ids: Vec<_> = sample_desk
        .queue(week.now)?
        .into_iter()
        .map(|t| t.conversation)
        .collect();
    let copies = n.div_ceil(ids.len()).max(1);
    let mut desk = Desk::new(DeskConfig::sample(&week)?, week.directory()?);
    for first in (0..copies).step_by(1_000) {
        let events = week.events_copied(first..(first + 1_000).min(copies), |id| ids.contains(id));
        for batch in events.chunks(1_000) {
            let now = batch.last().map_or(week.now, Event::at);
            desk.apply_all(batch.to_vec(), now);
        }
    }
    desk.refresh_profiles(week.now)?;
    let waiting = desk.queue(week.now)?.len();
    let queue = fastest_queue(&desk, week.now)?;
    writeln!(
        std::io::stdout().lock(),
        "{waiting:>13} {:>11.1} ms {:>11.2} µs",
        queue.as_secs_f64() * 1e3,
        queue.as_secs_f64() * 1e6 / waiting.max(1) as f64
    )?;
    Ok(())
}

/// One row: a desk of about `n` conversations.
fn one(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let week = sample::week();
    let copies = n.div_ceil(week.conversations.len()).max(1);
    let before = resident_kib();
    let (desk, events, apply) = build(&week, copies)?;
    let held = resident_kib();
    let conversations = desk.conversations().count();

    // The first reading lays the entries out; later ones read them.
    let first = desk.queue(week.now)?.len();
    let queue = fastest_queue(&desk, week.now)?;

    let start = Instant::now();
    let stored = serde_json::to_vec(&desk)?;
    let snapshot = start.elapsed();
    let start = Instant::now();
    // Read as a service reads a file into a `String`: the UTF-8 check once
    // over the whole snapshot, then no check per string (15 % less than
    // `from_slice`, which checks each string).
    let mut back: Desk = serde_json::from_str(std::str::from_utf8(&stored)?)?;
    let restore = start.elapsed();

    // The same desk in postcard, a binary serde format (no text to scan, no
    // field names, the instants as integers).
    let start = Instant::now();
    let binary = postcard::to_stdvec(&desk)?;
    let binary_snapshot = start.elapsed();

    // One more copy of the week arrives; the service writes what changed
    // since the snapshot, and a restarted one reads the snapshot, then that.
    let mut desk = desk;
    for batch in week
        .events_copied(copies..copies + 1, |_| true)
        .chunks(1_000)
    {
        let now = batch.last().map_or(week.now, Event::at);
        desk.apply_all(batch.to_vec(), now);
    }
    let start = Instant::now();
    let changes = serde_json::to_vec(&desk.changes_since(back.revision())?)?;
    let written = start.elapsed();
    let start = Instant::now();
    back.apply_changes(serde_json::from_str(std::str::from_utf8(&changes)?)?)?;
    let caught_up = start.elapsed();
    let start = Instant::now();
    drop(back);
    let dropped = start.elapsed();

    // Again in each form, in memory the process already has, so that
    // neither pays for memory it never had (on a virtual machine that can
    // cost more than the work): read into what the restore before gave
    // back, then write the desk into the buffer its first snapshot took.
    let (json_size, binary_size) = (stored.len(), binary.len());
    let (mut stored, mut binary) = (stored, binary);
    let start = Instant::now();
    let again: Desk = serde_json::from_str(std::str::from_utf8(&stored)?)?;
    let json_again = start.elapsed();
    drop(again);
    stored.clear();
    let start = Instant::now();
    serde_json::to_writer(&mut stored, &desk)?;
    let json_write_again = start.elapsed();
    let start = Instant::now();
    let again: Desk = postcard::from_bytes(&binary)?;
    let binary_restore = start.elapsed();
    drop(again);
    binary.clear();
    let start = Instant::now();
    let binary = postcard::to_extend(&desk, binary)?;
    let binary_write_again = start.elapsed();
    drop((stored, binary));

    let memory = match (before, held) {
        (Some(a), Some(b)) => format!("{} B", (b.saturating_sub(a)) * 1024 / conversations as u64),
        _ => "n/a".to_owned(),
    };
    writeln!(
        std::io::stdout().lock(),
        "{:>13} {:>9} {:>10} {:>10.0} ns {:>12} {:>11.2} µs {:>9.0} ms {:>10.1} MB {:>9.0} ms {:>7.0} ms {:>7.0} ms {:>9.2} MB {:>7.0} ms {:>10.0} ms {:>9.1} MB {:>15.0} ms {:>7.0} ms {:>12.0} ms {:>7.0} ms",
        conversations,
        first,
        events,
        apply.as_nanos() as f64 / events as f64,
        memory,
        queue.as_secs_f64() * 1e6 / first.max(1) as f64,
        snapshot.as_secs_f64() * 1e3,
        json_size as f64 / 1e6,
        restore.as_secs_f64() * 1e3,
        dropped.as_secs_f64() * 1e3,
        written.as_secs_f64() * 1e3,
        changes.len() as f64 / 1e6,
        caught_up.as_secs_f64() * 1e3,
        binary_snapshot.as_secs_f64() * 1e3,
        binary_size as f64 / 1e6,
        json_write_again.as_secs_f64() * 1e3,
        json_again.as_secs_f64() * 1e3,
        binary_write_again.as_secs_f64() * 1e3,
        binary_restore.as_secs_f64() * 1e3,
    )?;
    Ok(())
}

/// The desk of `copies` copies of the week, fed in batches of 1,000 events
/// with "now" at each batch's last; the events are made a week's copies at a
/// time, so that they never all sit in memory beside the desk. Returns the
/// desk, how many events it took and how long applying them took.
fn build(week: &SampleWeek, copies: usize) -> Result<(Desk, usize, Duration), Error> {
    let mut desk = Desk::new(DeskConfig::sample(week)?, week.directory()?);
    let (mut events, mut took) = (0, Duration::ZERO);
    // A group of copies replays the week from its start: later groups'
    // messages are older than the crisis monitor's hour, and are kept in
    // their conversations as late ones.
    let group = 100;
    for first in (0..copies).step_by(group) {
        let copied = week.events_copied(first..(first + group).min(copies), |_| true);
        events += copied.len();
        let start = Instant::now();
        let mut copied = copied.into_iter().peekable();
        while copied.peek().is_some() {
            let batch: Vec<Event> = copied.by_ref().take(1_000).collect();
            let now = batch.last().map_or(week.now, Event::at);
            desk.apply_all(batch, now);
        }
        took += start.elapsed();
    }
    desk.apply_all(Vec::new(), week.now);
    Ok((desk, events, took))
}

/// The fastest of three readings of the queue (the board laid out already).
fn fastest_queue(desk: &Desk, now: social_crm::jiff::Timestamp) -> Result<Duration, Error> {
    let mut fastest = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        black_box(desk.queue(now)?);
        fastest = fastest.min(start.elapsed());
    }
    Ok(fastest)
}
