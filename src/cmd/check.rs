//! `covalue check`: completeness and validity against the guide. Writes nothing.

use crate::check::{self, FailOn, Only};
use crate::cmd::{Context, Error, Outcome};
use crate::guide::Form;
use crate::print::{self, Format};

/// Arguments of `covalue check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue check\n  covalue check --verbose\n  covalue check --form short --population ms\n  covalue check --form short --fail-on open\n  covalue check --format json --fail-on warning\n  covalue check --only privacy"
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
    #[arg(long = "verbose", short = 'v', alias = "open")]
    pub open: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Report only these findings: `privacy`, likely personal identifiers (CV030).
    #[arg(long, value_enum, value_name = "PART")]
    pub only: Option<Only>,
}

/// Checks the workbook and prints what it found.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = match (ctx.root(), crate::network::discover(&ctx.dir)) {
        (Ok(root), _) => root,
        // A network folder: check network.toml and its session records.
        (Err(_), Ok(network)) => return check_network(&network, &args, ctx),
        (Err(e), Err(_)) => return Err(e),
    };
    let prefix = ctx.prefix(&root);
    let mut stdout = ctx.shell.out();
    let human = human(&root, &prefix, &args, ctx);
    // covalue.toml is read once, here; the privacy lint scans it with the
    // other files no population read (Lint::scan_unread).
    let workbook = match crate::workbook::Workbook::open(crate::workbook::Loader::disk(&root)) {
        Ok(w) => w,
        Err(crate::workbook::LoadError::Guide(findings)) => {
            // A broken guide is a finding of the workbook: report it, with
            // what the privacy lint finds in the files left unread, and stop.
            let mut report = check::guide_unusable(&root, findings);
            report.keep_only(args.only);
            print::write(&mut stdout, &report, args.format, &human)?;
            return Ok(Outcome::Findings);
        }
        Err(other) => return Err(other.into()),
    };
    let asked = args.populations.iter().map(String::as_str);
    if let Some((message, help)) = workbook.unknown_population(asked) {
        return Err(crate::cmd::usage(message, help));
    }
    let options = check::Options {
        form: args.form.unwrap_or(workbook.config.form),
        populations: args.populations,
        today: crate::date::today(),
    };
    let mut report = check::check_on_disk(&root, workbook, &options);
    report.keep_only(args.only);
    print::write(&mut stdout, &report, args.format, &human)?;
    Ok(outcome(&report, args.fail_on))
}

/// Checks a network folder: network.toml and the community's session records.
fn check_network(root: &std::path::Path, args: &Args, ctx: &Context) -> Result<Outcome, Error> {
    let report = check::check_network(root, crate::date::today())?;
    let prefix = ctx.prefix(root);
    print::write(
        &mut ctx.shell.out(),
        &report,
        args.format,
        &human(root, &prefix, args, ctx),
    )?;
    Ok(outcome(&report, args.fail_on))
}

/// How the report is printed for people.
fn human<'a>(
    root: &'a std::path::Path,
    prefix: &'a str,
    args: &Args,
    ctx: &Context,
) -> print::Human<'a> {
    print::Human {
        root,
        prefix,
        open: args.open,
        quiet: ctx.shell.is_quiet(),
    }
}

/// Exit 1 when a finding fails the run (`--fail-on`).
fn outcome(report: &check::Report, fail_on: FailOn) -> Outcome {
    match report.fails(fail_on) {
        true => Outcome::Findings,
        false => Outcome::Success,
    }
}
