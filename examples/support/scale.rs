//! What the scaling examples (`desk_scale`, `directory_scale`) share: each
//! size runs in a process of its own (this example again, with a flag), so
//! that memory freed by one size does not hide what the next one takes.

use std::io::Write;
use std::process::Command;

use social_crm::{Error, ErrorKind};

/// A size given on the command line.
pub fn count(arg: &str) -> Result<usize, Error> {
    arg.parse().map_err(|_| {
        ErrorKind::InvalidText {
            what: "size",
            value: arg.to_owned(),
            reason: "expected a whole number",
        }
        .into()
    })
}

/// The sizes asked for on the command line, or `default` when none is.
pub fn sizes(args: &[String], default: &[usize]) -> Result<Vec<usize>, Error> {
    if args.is_empty() {
        return Ok(default.to_vec());
    }
    args.iter().map(|a| count(a)).collect()
}

/// Runs this example again for one row (`flag n`) and writes what it
/// printed; what it wrote on stderr goes to stderr.
pub fn row(out: &mut impl Write, flag: &str, n: usize) -> std::io::Result<()> {
    let me = std::env::current_exe()?;
    let run = Command::new(me).args([flag, &n.to_string()]).output()?;
    out.write_all(&run.stdout)?;
    if !run.status.success() {
        std::io::stderr().write_all(&run.stderr)?;
    }
    Ok(())
}

/// The process's resident set size in KiB, where `/proc` tells it.
pub fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
