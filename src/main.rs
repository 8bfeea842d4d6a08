//! The `covalue` binary: parses arguments, runs the command, and turns the
//! result into an exit code (0 success, 1 findings, 2 usage or environment;
//! 128 + the signal when interrupted, after removing temporary files).

use std::process::ExitCode;

use clap::Parser;
use covalue::cmd::{self, Cli, Outcome};

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
    match cmd::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            if let Some(guide) = err.downcast_ref::<cmd::GuideError>() {
                let mut stderr = anstream::stderr().lock();
                let _ = covalue::print::findings(&mut stderr, &guide.0, "");
            }
            let style = anstyle::AnsiColor::Red
                .on_default()
                .effects(anstyle::Effects::BOLD);
            anstream::eprintln!("{style}error{style:#}: {err}");
            ExitCode::from(2)
        }
    }
}

/// Output cut short by a closed pipe (`covalue guide | head`) is not an error.
/// Commands whose exit code means something (check, diff) catch it
/// themselves, with [`covalue::print::unless_closed_pipe`], and keep their code.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
