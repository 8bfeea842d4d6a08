//! `covalue network session`: the community's own sessions. `new` writes
//! the record of the next one, after proposing its agenda; `pack` prints
//! the pack for the room. The work is in `network/sessions.rs` and
//! `network/pack.rs`.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::fsutil::Created;
use crate::network::{pack, sessions, status};

/// Arguments of `covalue network session`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network session new --date 2026-12-10 --kind webinar --title \"Walking measures\"\n  covalue network session pack --pdf\n  covalue network session pack 2026-12-10-webinar --paper letter --large-print --pdf"
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub what: What,
}

/// What `covalue network session` does.
#[derive(Debug, Subcommand)]
pub enum What {
    /// Write the record of the next community session under sessions/, with its agenda.
    New(NewArgs),
    /// Print the pack for a community session: agenda, what changed at each site, actions, attendance.
    Pack(PackArgs),
}

/// Arguments of `covalue network session new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network session new\n  covalue network session new --date 2026-12-10 --kind webinar --title \"Walking measures\"\n  covalue network session new --kind in-person --date 2027-03-02"
)]
pub struct NewArgs {
    /// The day of the session, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The kind of meeting: webinar, in-person, coaching-call, workshop or other [default: webinar].
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// What the session is about, in a few words.
    #[arg(long)]
    title: Option<String>,
}

/// Arguments of `covalue network session pack`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network session pack\n  covalue network session pack --pdf --paper letter --large-print\n  covalue --lang sv network session pack --pdf\n  covalue network session pack 2026-12-10-webinar -o out/december.html"
)]
pub struct PackArgs {
    /// The session, by its file name (sessions/NAME.toml) [default: the next one].
    #[arg(value_name = "SESSION")]
    session: Option<String>,
    /// Print to PDF with a headless Chromium.
    #[arg(long)]
    pdf: bool,
    /// The browser to print with.
    #[arg(long, value_name = "PATH", requires = "pdf")]
    browser: Option<PathBuf>,
    /// Where to write the pack [default: out/community-NAME.html or .pdf].
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    page: crate::render::PageArgs,
}

/// Writes the record, or the pack.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    match args.what {
        What::New(args) => new(args, ctx),
        What::Pack(args) => print_pack(args, ctx),
    }
}

/// Writes the record of a new community session and prints its agenda.
fn new(args: NewArgs, ctx: &Context) -> Result<Outcome, Error> {
    let (root, net) = super::open(ctx)?;
    let cache = super::open_cache(&root)?;
    let statuses = status::status(&net, cache.as_ref());
    let asked = sessions::NewCommunitySession::from_asked(
        args.date.as_deref(),
        args.kind.as_deref(),
        args.title,
        &statuses,
    )
    .map_err(|(message, help)| usage(message, help))?;
    let (records, problems) = sessions::load(&root);
    unreadable_records(&problems, ctx);
    let file = asked.file_name();
    let created = sessions::create(&root, &net, &asked).map_err(file_error(
        format!("cannot write {file}"),
        "check that you may write in the network folder",
    ))?;
    if let Created::LeftAlone(_) = created {
        return Err(usage(
            format!("{file} already exists"),
            "covalue never replaces a session record: edit it, or give another --date or --kind",
        ));
    }
    ctx.shell.status("wrote", &file)?;
    let agenda = sessions::agenda(&records, &statuses, asked.date, "");
    let t = |s: &str| crate::escape::terminal(s).into_owned();
    ctx.shell.say("Agenda:")?;
    match agenda.actions.is_empty() {
        true => ctx
            .shell
            .say("  No action of an earlier session is open.")?,
        false => {
            for a in &agenda.actions {
                ctx.shell.say(format_args!(
                    "  {} action \"{}\"{}{} (session {})",
                    if a.overdue { "overdue" } else { "open" },
                    t(&a.what),
                    a.owner
                        .as_deref()
                        .map(|o| format!(", {}", t(o)))
                        .unwrap_or_default(),
                    a.due
                        .as_deref()
                        .map(|d| format!(", due {d}"))
                        .unwrap_or_default(),
                    t(&a.session)
                ))?;
            }
        }
    }
    for site in &agenda.sites {
        ctx.shell
            .say(format_args!("  {}: {}", t(&site.site), t(&site.english())))?;
    }
    ctx.shell.say(format_args!(
        "\nNext: fill in who came and what was presented in {file}; print the pack with `covalue network session pack`"
    ))?;
    Ok(Outcome::Success)
}

/// Writes the pack of a community session.
fn print_pack(args: PackArgs, ctx: &Context) -> Result<Outcome, Error> {
    let (root, net) = super::open(ctx)?;
    let (records, findings) = sessions::load(&root);
    if let Some(conflicts) = crate::render::RenderError::conflicts(findings.iter()) {
        return Err(conflicts.into());
    }
    unreadable_records(&findings, ctx);
    let name = args.session.as_deref();
    let Some(session) = crate::session::pack::pick(&records, name, crate::date::today()) else {
        let known: Vec<String> = records
            .iter()
            .map(|s| crate::escape::terminal(&s.name).into_owned())
            .collect();
        let help = match known.is_empty() {
            true => "no community session record can be read: write one with `covalue network session new`, or run `covalue check` to see what is wrong with those in sessions/".to_string(),
            false => format!("the sessions are: {} (`covalue check` reports any it cannot read)", known.join(", ")),
        };
        return Err(match name {
            Some(name) => usage(
                format!(
                    "there is no usable community session `{}` in sessions/",
                    crate::escape::terminal(name)
                ),
                help,
            ),
            None => usage("the network has no usable community session record", help),
        });
    };
    let cache = super::open_cache(&root)?;
    let statuses = status::status(&net, cache.as_ref());
    let job = pack::Job {
        pdf: args.pdf,
        browser: args.browser,
        output: args.output.map(|o| ctx.dir.join(o)),
        page: args.page,
        lang: ctx.lang,
    };
    let written = pack::write(&root, &net, &records, session, &statuses, &job)?;
    ctx.shell.status(
        "wrote",
        crate::escape::terminal(&written.display().to_string()),
    )?;
    Ok(Outcome::Success)
}

/// Warns, once, that some session records have errors (they may be left
/// out of the agenda or the pack); `check` says which and where.
fn unreadable_records(findings: &[crate::finding::Finding], ctx: &Context) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == crate::finding::Severity::Error)
        .count();
    if errors > 0 {
        ctx.shell.warn(format_args!(
            "the session records have {errors} error(s), and a record that cannot be read is left out; `covalue check` shows where"
        ));
    }
}
