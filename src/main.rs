//! The `covalue` binary: parses arguments, runs the command, and turns the
//! result into an exit code (0 success, 1 findings, 2 usage or environment;
//! 128 + the signal when interrupted, after removing temporary files).

use std::process::ExitCode;

use clap::Parser;
use covalue::cmd::{self, Cli, Outcome};

/// mimalloc: loading populations on all cores allocates many small values,
/// which glibc's allocator serialises between threads.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    // Ctrl-C, SIGTERM and SIGHUP remove temporary files and stop the browser
    // before exiting. Without the handler they would still stop covalue.
    let _ = covalue::cleanup::handle_signals();
    let shell = cli.shell();
    match cmd::run(cli, &shell) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        // Output cut short by a closed pipe (`covalue guide | head`) is not an
        // error. Commands whose exit code means something (check, diff) catch
        // it themselves, with `covalue::print::unless_closed_pipe`, and keep their code.
        Err(err) if covalue::diagnose::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => ExitCode::from(shell.diagnose(&err)),
    }
}
