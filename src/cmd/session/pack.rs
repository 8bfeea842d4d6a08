//! `covalue session pack`: the facilitator's pack for a session, one
//! document to print.

use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome, usage};
use crate::session;

/// Arguments of `covalue session pack`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue session pack\n  covalue session pack --pdf --paper letter --large-print\n  covalue session pack 2026-12-03-access --format md -o pack.md"
)]
pub struct Args {
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
    browser: Option<PathBuf>,
    /// Where to write the pack [default: out/session-NAME.html, .md or .pdf].
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    page: crate::render::PageArgs,
}

/// How to print a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PackFormat {
    /// One self-contained HTML page, ready to print.
    Html,
    /// Markdown.
    Md,
}

/// Writes the pack of a session.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let workbook = ctx.open()?;
    // The privacy lint sees every file the pack reads, as in `check`: a
    // likely identifier in an answer is an item of its step and counts that
    // answer "with problems".
    let lint = crate::check::privacy::Lint::new(&workbook.config.privacy_allow);
    let hook = |source: &crate::source::Source, out: &mut Vec<crate::finding::Finding>| {
        lint.scan_source(source, out)
    };
    let workbook = workbook.with_hook(&hook);
    let (sessions, findings) = workbook.sessions();
    // A session record or covalue.toml that holds a merge conflict stops
    // the pack; the populations' files are looked at as they are read.
    let conflicts = workbook.findings.iter().chain(&findings);
    if let Some(conflicts) = crate::render::RenderError::conflicts(conflicts) {
        return Err(conflicts.into());
    }
    let name = args.session.as_deref();
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
        markdown: args.format == PackFormat::Md,
        pdf: args.pdf,
        browser: args.browser,
        output: args.output.map(|o| ctx.dir.join(o)),
        page: args.page,
        lang: ctx.lang,
    };
    let written = session::pack::write(&workbook, &sessions, session, &job)?;
    ctx.shell.status("wrote", written.display())?;
    Ok(Outcome::Success)
}
