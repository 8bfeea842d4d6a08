//! `covalue session new`: the record of the next team session, with the
//! steps in focus (proposed from what is open when none are named) and the
//! git commit the workbook is at; never replaces a record.

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::fsutil::Created;
use crate::session;

/// Arguments of `covalue session new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue session new\n  covalue session new --date 2026-12-03 --focus access --focus chain\n  covalue session new --population ms --title \"Access to care\""
)]
pub struct Args {
    /// The day of the session, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// A step in focus (repeatable) [default: what matters first: overdue deferrals and actions, steps with problems, then open questions].
    #[arg(long, value_name = "STEP")]
    focus: Vec<String>,
    /// A population the session works on (repeatable) [default: all].
    #[arg(long = "population", short = 'p', value_name = "SLUG")]
    populations: Vec<String>,
    /// What the session is about, in a few words.
    #[arg(long)]
    title: Option<String>,
}

/// Writes the record.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let workbook = ctx.open()?;
    let asked = session::Asked {
        date: args.date.as_deref(),
        focus: args.focus,
        populations: args.populations,
        title: args.title,
    };
    let new = session::NewSession::from_asked(&workbook, asked)
        .map_err(|(message, help)| usage(message, help))?;
    let created = session::create(&workbook.root, &workbook.guide, &new).map_err(file_error(
        format!("cannot write {}", session::file_name(&new)),
        "check that you may write in the workbook",
    ))?;
    match created {
        Created::Written(_) => {
            ctx.shell.status("wrote", session::file_name(&new))?;
            if new.focus.is_empty() {
                ctx.shell.say(
                    "Nothing is overdue, has problems or is open: name the steps with --focus.",
                )?;
            } else {
                ctx.shell
                    .say(format_args!("In focus: {}", new.focus.join(", ")))?;
                // Why each proposed step matters now; the reasons may quote
                // the workbook, so they are escaped for the terminal.
                for p in &new.proposed {
                    ctx.shell.say(format_args!(
                        "  {}: {}",
                        crate::escape::terminal(&p.step),
                        crate::escape::terminal(&p.why)
                    ))?;
                }
            }
            Ok(Outcome::Success)
        }
        Created::LeftAlone(_) => Err(usage(
            format!("{} already exists", session::file_name(&new)),
            "covalue never replaces a session record: edit it, or give another --date or first --focus",
        )),
    }
}
