//! `covalue session new`: the record of the next team session, with the
//! steps in focus (proposed from what is open when none are named) and the
//! git commit the workbook is at. Never replaces a record.

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::fsutil::Created;
use crate::session::{self, NewSession};

/// Arguments of `covalue session`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue session new\n  covalue session new --date 2026-12-03 --focus access --focus chain\n  covalue session new --population ms --title \"Access to care\""
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
    New {
        /// The day of the session, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A step in focus (repeatable) [default: the first steps with open questions].
        #[arg(long, value_name = "STEP")]
        focus: Vec<String>,
        /// A population the session works on (repeatable) [default: all].
        #[arg(long = "population", short = 'p', value_name = "SLUG")]
        populations: Vec<String>,
        /// What the session is about, in a few words.
        #[arg(long)]
        title: Option<String>,
    },
}

/// Writes the record.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let What::New {
        date,
        focus,
        populations,
        title,
    } = args.what;
    let workbook = ctx.open()?;
    let date = match date {
        Some(text) => crate::spec::parse_date(&text).ok_or_else(|| {
            usage(
                format!("--date {text}: not a date"),
                "write the date as YYYY-MM-DD, for example --date 2026-12-03",
            )
        })?,
        None => crate::date::today(),
    };
    for slug in &populations {
        if !workbook.slugs.contains(slug) {
            return Err(usage(
                format!("there is no population `{slug}`"),
                format!("the populations are: {}", workbook.slugs.join(", ")),
            ));
        }
    }
    let steps: Vec<&str> = workbook
        .guide
        .all_sections()
        .map(|s| s.id.as_str())
        .collect();
    for step in &focus {
        if !steps.contains(&step.as_str()) {
            let hint = match crate::spec::suggest(step, steps.iter().copied()) {
                Some(better) => format!(
                    "did you mean `{better}`? The steps are: {}",
                    steps.join(", ")
                ),
                None => format!("the steps are: {}", steps.join(", ")),
            };
            return Err(usage(format!("the guide has no step `{step}`"), hint));
        }
    }
    let focus = match focus.is_empty() {
        true => session::propose_focus(&workbook, &populations),
        false => focus,
    };
    let new = NewSession {
        date,
        title,
        populations: match populations.is_empty() {
            true => workbook.slugs.clone(),
            false => populations,
        },
        focus,
        revision: crate::git::revision(&workbook.root).map(|r| (r.commit, r.dirty)),
    };
    let created = session::create(&workbook.root, &workbook.guide, &new).map_err(file_error(
        format!("cannot write {}", session::file_name(&new)),
        "check that you may write in the workbook",
    ))?;
    match created {
        Created::Written(_) => {
            ctx.shell.status("wrote", session::file_name(&new))?;
            if new.focus.is_empty() {
                ctx.shell
                    .say("No step has an open question: name the steps with --focus.")?;
            } else {
                ctx.shell
                    .say(format_args!("In focus: {}", new.focus.join(", ")))?;
            }
            Ok(Outcome::Success)
        }
        Created::LeftAlone(_) => Err(usage(
            format!("{} already exists", session::file_name(&new)),
            "covalue never replaces a session record: edit it, or give another --date or first --focus",
        )),
    }
}
