//! How an example ends: its error on stderr under its name and exit status 1,
//! except a closed stdout. A reader that stopped early (`| head`) closes the
//! pipe: that is the reader's choice, not a failure, so the example stops
//! quietly with success.

use std::error::Error;
use std::io;
use std::process::ExitCode;

/// The exit status for `result`, after reporting its error if it has one.
pub fn finish<E: Into<Box<dyn Error>>>(result: Result<(), E>) -> ExitCode {
    match result.map_err(Into::into) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if closed_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            // Cargo names the example; a test that includes one as a module
            // (tests/sla_oracle.rs) compiles this without a binary name.
            eprintln!(
                "{}: {e}",
                option_env!("CARGO_BIN_NAME").unwrap_or("example")
            );
            ExitCode::FAILURE
        }
    }
}

fn closed_pipe(e: &(dyn Error + 'static)) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
