//! `covalue session`: the team's session cycle. `session new` writes the
//! record of the next session (`new.rs`); `session pack` prints the
//! facilitator's pack (`pack.rs`).

mod new;
mod pack;

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome};

/// Arguments of `covalue session`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue session new\n  covalue session pack --pdf\n  covalue session pack --paper letter --large-print --pdf\n  covalue session pack 2026-12-03-access --format md\n  covalue session new --date 2026-12-03 --focus access --focus chain\n  covalue session new --population ms --title \"Access to care\""
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub what: What,
}

/// What `covalue session` does.
#[derive(Debug, Subcommand)]
pub enum What {
    /// Write the record of the next session under sessions/.
    New(new::Args),
    /// Print the facilitator's pack: agenda, what changed, open items, answers, worksheets, attendance.
    Pack(pack::Args),
}

/// Writes the record, or the pack.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    match args.what {
        What::New(args) => new::execute(args, ctx),
        What::Pack(args) => pack::execute(args, ctx),
    }
}
