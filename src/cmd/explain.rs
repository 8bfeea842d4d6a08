//! `covalue explain CODE`: the documentation of a finding code, from docs/findings.md.

use crate::cmd::{Outcome, user_error};

/// The finding codes' documentation, embedded at build time.
pub const FINDINGS_DOC: &str = include_str!("../../docs/findings.md");

/// Arguments of `covalue explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  covalue explain CV012\n  covalue explain cv030")]
pub struct Args {
    /// A finding code, such as CV012.
    pub code: String,
}

/// The section of docs/findings.md about a code.
pub fn explanation(code: &str) -> Option<String> {
    let code = code.trim().to_uppercase();
    let mut lines = FINDINGS_DOC.lines().skip_while(|l| {
        !(l.starts_with("## ")
            && l[3..].starts_with(&code)
            && l[3..]
                .get(code.len()..code.len() + 1)
                .is_none_or(|c| !c.chars().all(|c| c.is_ascii_digit())))
    });
    let first = lines.next()?;
    let rest: Vec<&str> = lines.take_while(|l| !l.starts_with("## ")).collect();
    Some(format!(
        "{}\n{}\n",
        first.trim_start_matches("## "),
        rest.join("\n").trim_end()
    ))
}

/// All documented codes.
pub fn codes() -> Vec<String> {
    FINDINGS_DOC
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split(':').next())
        .filter(|c| c.starts_with("CV"))
        .map(str::to_string)
        .collect()
}

/// Prints the explanation.
pub fn execute(args: Args) -> anyhow::Result<Outcome> {
    match explanation(&args.code) {
        Some(text) => {
            crate::cmd::say(text)?;
            Ok(Outcome::Success)
        }
        None => Err(user_error(
            format!("there is no finding code \"{}\"", args.code),
            format!("the codes are {}", codes().join(", ")),
        )),
    }
}
