//! `covalue network report` and `covalue network status`: the sites side
//! by side, and who is behind, from the cache only.

use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome};
use crate::network::{report, status};

/// Arguments of `covalue network report`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network report\n  covalue network report --format html -o out/network.html\n  covalue network report --pdf --paper letter"
)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = report::Format::Text)]
    format: report::Format,
    /// Print the HTML report to PDF with a headless Chromium.
    #[arg(long)]
    pdf: bool,
    /// The browser to print with.
    #[arg(long, value_name = "PATH", requires = "pdf")]
    browser: Option<PathBuf>,
    /// Write to this file [default: standard output; out/network-report.pdf with --pdf].
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    page: crate::render::PageArgs,
}

/// Arguments of `covalue network status`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network status\n  covalue network status --format json"
)]
pub struct StatusArgs {
    /// Output format: a line per site, or one JSON object.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    format: StatusFormat,
    /// The same as `--format json`.
    #[arg(long, hide = true, conflicts_with = "format")]
    json: bool,
}

/// How `network status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// One line per site.
    Text,
    /// One JSON object (docs/network.md).
    Json,
}

/// Prints or writes the report.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let (root, net) = super::open(ctx)?;
    let today = crate::date::format(crate::date::today());
    let cache = super::open_cache(&root)?;
    let lang = net.lang(ctx.lang);
    let built = report::build(&net, &report::load(&net, cache.as_ref()), today, lang);
    let browser = match args.pdf {
        true => Some(
            crate::render::pdf::find_browser(
                args.browser.as_deref(),
                std::env::var_os(crate::render::pdf::BROWSER_ENV),
            )
            .map_err(crate::render::RenderError::from)?,
        ),
        false => None,
    };
    let bytes = report::bytes(&built, args.format, browser.as_deref(), args.page)?;
    if args.output.is_none() && !args.pdf {
        ctx.shell.write(&bytes)?;
        return Ok(Outcome::Success);
    }
    let out = args
        .output
        .map_or_else(|| root.join("out/network-report.pdf"), |o| ctx.dir.join(o));
    report::write_file(&root, &out, &bytes)?;
    ctx.shell.status("wrote", out.display())?;
    Ok(Outcome::Success)
}

/// One line per site.
pub fn status(args: StatusArgs, ctx: &Context) -> Result<Outcome, Error> {
    let (root, net) = super::open(ctx)?;
    let cache = super::open_cache(&root)?;
    let lines = status::status(&net, cache.as_ref());
    let mut out = ctx.shell.out();
    // A reader that stops early (`| head -c1`) is no error.
    crate::print::unless_closed_pipe(match (args.format, args.json) {
        (StatusFormat::Json, _) | (_, true) => status::write_json(&mut out, &lines),
        (StatusFormat::Text, false) => status::write_text(&mut out, &lines),
    })?;
    Ok(Outcome::Success)
}
