//! `covalue render`: print the short form, the full form or blank worksheets
//! as one self-contained HTML file, as Markdown, or as PDF through a local
//! Chromium. Writes one file, atomically, and never a workbook source file.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::cmd::{Context, Error, Outcome};
use crate::guide::Form;
use crate::render::job::{self, Job};
use crate::render::{Flavor, PageArgs};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One self-contained HTML file, ready to print (or to turn into PDF with --pdf).
    Html,
    /// Markdown that reads well on a git forge.
    Md,
}

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// The six questions of the short form.
    Short,
    /// Every step of the full form.
    Full,
    /// The register of improvements: by cluster and status, with the latest values of their measures.
    Register,
}

/// Arguments of `covalue render`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue render --form short\n  covalue render --form register --pdf\n  covalue render --form full --pdf\n  covalue render --form short --blank --paper letter\n  covalue render --form short --large-print --pdf\n  covalue render --form full --format md -o report.md\n  covalue render --form short --format md -o - | less\n\nThe report is written to out/ in the workbook unless -o says otherwise; see docs/render.md."
)]
pub struct Args {
    /// The form to print (default: the workbook's form, else full), or the register of improvements.
    #[arg(long, value_enum)]
    pub form: Option<What>,
    /// Print blank worksheets to fill in by hand; works without a workbook.
    #[arg(long)]
    pub blank: bool,
    /// Print only this population (repeatable); with --blank, a name to print on the worksheet.
    #[arg(long = "population", short = 'p', value_name = "SLUG")]
    pub populations: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Paper size and large print.
    #[command(flatten)]
    pub page: PageArgs,
    /// Where to write the report (default: out/<form>.<ext> in the workbook); `-` for standard output.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Print to PDF with a local Chromium or Chrome.
    #[arg(long)]
    pub pdf: bool,
    /// The Chromium or Chrome to print with (default: $COVALUE_BROWSER, then PATH).
    #[arg(long, value_name = "PATH", requires = "pdf")]
    pub browser: Option<PathBuf>,
}

/// Prints the report.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    if args.form == Some(What::Register) && args.blank {
        return Err(crate::cmd::usage(
            "--blank prints worksheets of a form; the register has none",
            "use --form short --blank or --form full --blank",
        ));
    }
    let job = Job {
        dir: ctx.dir.clone(),
        form: match args.form {
            Some(What::Short) => Some(Form::Short),
            Some(What::Full | What::Register) => Some(Form::Full),
            None => None,
        },
        register: args.form == Some(What::Register),
        blank: args.blank,
        populations: args.populations,
        flavor: match args.format {
            Format::Html => Flavor::Html,
            Format::Md => Flavor::Markdown,
        },
        paper: args.page.paper,
        output: args.output,
        pdf: args.pdf,
        browser: args.browser,
        large_print: args.page.large_print,
        lang: ctx.lang,
    };
    let written = job::run(&job, &ctx.shell)?;
    if written.path == job::STDOUT {
        // The report is what standard output holds: nothing else is said there.
        return Ok(Outcome::Success);
    }
    let what = match args.form {
        Some(What::Register) => "register of improvements".to_string(),
        _ => format!("{} form", written.form.as_str()),
    };
    ctx.shell.say(format_args!(
        "wrote {} ({what}, {})",
        written.path, written.contents
    ))?;
    Ok(Outcome::Success)
}
