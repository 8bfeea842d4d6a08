//! `covalue completions SHELL`: a completion script for the shell, generated
//! from the same argument definitions the command line uses.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cmd::{Cli, Context, Error, Outcome};

/// Arguments of `covalue completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue completions bash > ~/.local/share/bash-completion/completions/covalue\n  covalue completions zsh > ~/.zfunc/_covalue\n  covalue completions fish > ~/.config/fish/completions/covalue.fish"
)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "covalue", &mut out);
    ctx.shell.write(&out)?;
    Ok(Outcome::Success)
}
