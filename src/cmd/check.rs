//! `covalue check`: completeness and validity against the guide. Writes nothing.

use clap::ValueEnum;

use crate::check::{self, FailOn, Only};
use crate::cmd::{Context, Error, Outcome};
use crate::guide::Form;
use crate::print;

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people, in the shape of compiler diagnostics.
    Human,
    /// One JSON document (see docs/check.md).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
}

/// Arguments of `covalue check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue check\n  covalue check --open\n  covalue check --form short --population ms\n  covalue check --form short --fail-on open\n  covalue check --format json --fail-on warning\n  covalue check --only privacy"
)]
pub struct Args {
    /// The form to check (default: the workbook's form, else full).
    #[arg(long, value_enum)]
    pub form: Option<Form>,
    /// Check only this population (repeatable).
    #[arg(long = "population", short = 'p', value_name = "SLUG")]
    pub populations: Vec<String>,
    /// Exit 1 on problems of this severity or worse; `open` also on open questions.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// List every open question with its file and line, not one line per step.
    #[arg(long, short = 'v')]
    pub open: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Report only these findings: `privacy`, likely personal identifiers (CV030).
    #[arg(long, value_enum, value_name = "PART")]
    pub only: Option<Only>,
}

/// Checks the workbook and prints what it found.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = match (ctx.root(), crate::network::discover(&ctx.dir)) {
        (Ok(root), _) => root,
        // A network folder: check its network.toml.
        (Err(_), Ok(network)) => return check_network(&network, &args, ctx),
        (Err(e), Err(_)) => return Err(e),
    };
    let prefix = ctx.prefix(&root);
    let mut stdout = ctx.shell.out();
    let human = print::Human {
        prefix: &prefix,
        open: args.open,
        quiet: ctx.shell.is_quiet(),
    };
    // covalue.toml is read once, here; the privacy lint scans it with the
    // other files no population read (Lint::scan_unread).
    let workbook = match crate::workbook::Workbook::open(crate::workbook::Loader::disk(&root)) {
        Ok(w) => w,
        Err(crate::workbook::LoadError::Guide(findings)) => {
            // A broken guide is a finding of the workbook: report it, with
            // what the privacy lint finds in the files left unread, and stop.
            let mut report = check::guide_unusable(&root, findings);
            report.keep_only(args.only);
            write(&mut stdout, &report, args.format, &human)?;
            return Ok(Outcome::Findings);
        }
        Err(other) => return Err(other.into()),
    };
    if let Some(unknown) = args
        .populations
        .iter()
        .find(|p| !workbook.slugs.contains(p))
    {
        return Err(crate::cmd::usage(
            format!("there is no population `{unknown}`"),
            if workbook.slugs.is_empty() {
                "the workbook has no population yet; create one with `covalue new population SLUG --name \"Name\"`".to_string()
            } else {
                format!("the populations are: {}", workbook.slugs.join(", "))
            },
        ));
    }
    let options = check::Options {
        form: args.form.unwrap_or(workbook.config.form),
        populations: args.populations,
        today: crate::date::today(),
    };
    let mut report = check::check_on_disk(&root, workbook, &options);
    report.keep_only(args.only);
    write(&mut stdout, &report, args.format, &human)?;
    Ok(outcome(&report, args.fail_on))
}

/// Checks the network.toml of a network folder.
fn check_network(root: &std::path::Path, args: &Args, ctx: &Context) -> Result<Outcome, Error> {
    let report = check::check_network(root)?;
    let prefix = ctx.prefix(root);
    let human = print::Human {
        prefix: &prefix,
        open: args.open,
        quiet: ctx.shell.is_quiet(),
    };
    write(&mut ctx.shell.out(), &report, args.format, &human)?;
    Ok(outcome(&report, args.fail_on))
}

/// Exit 1 when a finding fails the run (`--fail-on`).
fn outcome(report: &check::Report, fail_on: FailOn) -> Outcome {
    match report.findings.iter().any(|f| fail_on.fails(f)) {
        true => Outcome::Findings,
        false => Outcome::Success,
    }
}

fn write(
    out: &mut dyn std::io::Write,
    report: &check::Report,
    format: Format,
    human: &print::Human<'_>,
) -> std::io::Result<()> {
    // A reader that stops early (`covalue check | head -1`) does not change
    // the exit code: writing stops, and check still says what it found.
    print::unless_closed_pipe(match format {
        Format::Human => print::report(out, report, human),
        Format::Json => print::report_json(out, report),
        Format::Github => print::report_github(out, report, human.prefix),
    })?;
    Ok(())
}
