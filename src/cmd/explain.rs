//! `covalue explain CODE`: the documentation of a finding code, from the
//! registry ([`Code`]) and docs/findings.md ([`crate::finding::docs`]).

use crate::cmd::{Context, Error, Outcome, usage};
use crate::finding::Code;
use crate::finding::docs::{did_you_mean, explanation};

/// Arguments of `covalue explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  covalue explain CV012\n  covalue explain cv030")]
pub struct Args {
    /// A finding code, such as CV012.
    pub code: String,
}

/// Prints the explanation.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let text = Code::parse(&args.code)
        .map(|code| explanation(code).unwrap_or_else(|| format!("{code}: {}\n", code.title())));
    match text {
        Some(text) => {
            ctx.shell.print(text)?;
            Ok(Outcome::Success)
        }
        None => {
            let list = Code::ALL
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let help = match did_you_mean(&args.code) {
                Some(code) => format!("did you mean {code}? The codes are {list}"),
                None => format!("the codes are {list}"),
            };
            Err(usage(
                format!("there is no finding code \"{}\"", args.code),
                help,
            ))
        }
    }
}
