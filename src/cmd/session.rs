//! `covalue session new`: the record of the next team session, with the
//! steps in focus (proposed from what is open when none are named) and the
//! git commit the workbook is at; never replaces a record.
//! `covalue session pack`: the facilitator's pack for a session, one
//! document to print.

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::fsutil::Created;
use crate::session;

/// Arguments of `covalue session`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue session new\n  covalue session pack --pdf\n  covalue session pack 2026-12-03-access --format md\n  covalue session new --date 2026-12-03 --focus access --focus chain\n  covalue session new --population ms --title \"Access to care\""
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
    /// Print the facilitator's pack: agenda, what changed, open items, answers, worksheets, attendance.
    Pack {
        /// The session, by its file name (sessions/NAME.toml) [default: the next one].
        #[arg(value_name = "SESSION")]
        session: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = PackFormat::Html)]
        format: PackFormat,
        /// Print to PDF with a headless Chromium (HTML only).
        #[arg(long)]
        pdf: bool,
        /// The browser to print with.
        #[arg(long, value_name = "PATH", requires = "pdf")]
        browser: Option<std::path::PathBuf>,
        /// Where to write the pack [default: out/session-NAME.html, .md or .pdf].
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<std::path::PathBuf>,
    },
}

/// How to print a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PackFormat {
    /// One self-contained HTML page, ready to print.
    Html,
    /// Markdown.
    Md,
}

/// Writes the record, or the pack.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let (date, focus, populations, title) = match args.what {
        What::New {
            date,
            focus,
            populations,
            title,
        } => (date, focus, populations, title),
        What::Pack {
            session,
            format,
            pdf,
            browser,
            output,
        } => return pack(ctx, session.as_deref(), format, pdf, browser, output),
    };
    let workbook = ctx.open()?;
    let asked = session::Asked {
        date: date.as_deref(),
        focus,
        populations,
        title,
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

/// Writes the pack of a session.
fn pack(
    ctx: &Context,
    name: Option<&str>,
    format: PackFormat,
    pdf: bool,
    browser: Option<std::path::PathBuf>,
    output: Option<std::path::PathBuf>,
) -> Result<Outcome, Error> {
    let workbook = ctx.open()?;
    let (sessions, _) = workbook.sessions();
    let Some(session) = session::pack::pick(&sessions, name, crate::date::today()) else {
        let known: Vec<&str> = sessions.iter().map(|s| s.name.as_str()).collect();
        let help = match known.is_empty() {
            true => "no session record can be read: write one with `covalue session new`, or run `covalue check` to see what is wrong with those in sessions/".to_string(),
            false => format!("the sessions are: {} (`covalue check` reports any it cannot read)", known.join(", ")),
        };
        return Err(match name {
            Some(name) => usage(
                format!("there is no usable session `{name}` in sessions/"),
                help,
            ),
            None => usage("the workbook has no usable session record", help),
        });
    };
    let job = session::pack::Job {
        markdown: format == PackFormat::Md,
        pdf,
        browser,
        output: output.map(|o| ctx.dir.join(o)),
    };
    let written = session::pack::write(&workbook, &sessions, session, &job)?;
    ctx.shell.status("wrote", written.display())?;
    Ok(Outcome::Success)
}
