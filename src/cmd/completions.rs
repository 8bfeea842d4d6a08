//! `covalue completions SHELL`: a completion script for the shell, generated
//! from the same argument definitions the command line uses.

use clap::CommandFactory;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::cmd::{Cli, Context, Error, Outcome};
use crate::guide::Guide;

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
    let mut cmd = for_completion(Cli::command());
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "covalue", &mut out);
    ctx.shell.write(&out)?;
    Ok(Outcome::Success)
}

/// The command line as the shells should see it: hidden options left out
/// (clap_complete lists them), possible values whose help the scripts can
/// quote, and the built-in guide's persona kinds for `new persona --kind`.
fn for_completion(cmd: clap::Command) -> clap::Command {
    let mut copy = clap::Command::new(leak(cmd.get_name()))
        .subcommand_required(cmd.is_subcommand_required_set())
        .arg_required_else_help(cmd.is_arg_required_else_help_set());
    if let Some(about) = cmd.get_about() {
        copy = copy.about(about.clone());
    }
    if let Some(version) = cmd.get_version() {
        copy = copy.version(leak(version));
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let arg = quotable_values(arg.clone());
        copy = copy.arg(match (cmd.get_name(), arg.get_id().as_str()) {
            ("persona", "kind") => with_persona_kinds(arg),
            _ => arg,
        });
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        copy = copy.subcommand(for_completion(sub.clone()));
    }
    copy
}

/// The argument with any `"` in the help of its possible values turned into
/// typographic quotes: fish and zsh put that help inside double quotes.
fn quotable_values(arg: clap::Arg) -> clap::Arg {
    let values = arg.get_possible_values();
    if !values
        .iter()
        .any(|v| v.get_help().is_some_and(|h| h.to_string().contains('"')))
    {
        return arg;
    }
    let values: Vec<PossibleValue> = values
        .into_iter()
        .map(
            |v| match v.get_help().map(|h| curly_quotes(&h.to_string())) {
                Some(help) => v.help(help),
                None => v,
            },
        )
        .collect();
    arg.value_parser(PossibleValuesParser::new(values))
}

/// `say "this"` as `say “this”`.
fn curly_quotes(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '\u{201d}' } else { '\u{201c}' }
            }
            c => c,
        })
        .collect()
}

/// `--kind` offering the built-in guide's persona kinds. Only for completion:
/// a workbook's own guide may name others, and `new persona` checks against it.
fn with_persona_kinds(arg: clap::Arg) -> clap::Arg {
    match Guide::builtin() {
        Ok(guide) => {
            let kinds: Vec<PossibleValue> = guide
                .persona_kinds
                .iter()
                .map(|k| PossibleValue::new(leak(&k.id)).help(leak(&k.title)))
                .collect();
            arg.value_parser(PossibleValuesParser::new(kinds))
        }
        Err(_) => arg,
    }
}

/// A name for clap, which takes only `&'static str` without its `string`
/// feature. The script is printed once and the process ends: the few bytes
/// are never freed, by design.
fn leak(text: &str) -> &'static str {
    text.to_string().leak()
}
