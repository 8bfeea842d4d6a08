//! `covalue check`: completeness and validity against the guide. Writes nothing.

use clap::ValueEnum;

use crate::check::{self, privacy};
use crate::cmd::{Context, Error, Outcome};
use crate::finding::{Finding, Severity};
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

/// What makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Problems that are errors.
    Error,
    /// Problems that are errors or warnings.
    Warning,
    /// Problems that are errors or warnings, and anything still open: an
    /// open question, a deferral due, a walk-through not written.
    Open,
}

impl FailOn {
    /// Whether a finding makes the run fail.
    pub fn fails(self, f: &Finding) -> bool {
        match self {
            FailOn::Error => f.is_problem() && f.severity == Severity::Error,
            FailOn::Warning => f.is_problem() && f.severity <= Severity::Warning,
            FailOn::Open => f.severity <= Severity::Warning,
        }
    }
}

/// A part of the check to report on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    /// The privacy check: likely personal identifiers (CV030).
    Privacy,
}

impl Only {
    /// Whether a finding belongs to this part of the check.
    pub fn keeps(self, f: &Finding) -> bool {
        match self {
            Only::Privacy => f.code == crate::finding::Code::CV030,
        }
    }
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
    let root = ctx.root()?;
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
        Err(crate::workbook::LoadError::Guide(mut findings)) => {
            // A broken guide is a finding of the workbook: report it, with
            // what the privacy lint finds in the files left unread, and stop.
            let mut ignored = Vec::new();
            let config = crate::workbook::Loader::disk(&root).config(&mut ignored);
            let lint = privacy::Lint::new(&config.privacy_allow);
            findings.extend(lint.scan_unread(&root, &[]));
            crate::finding::sort(&mut findings);
            let mut report = check::Report {
                form: Form::Full,
                findings,
                summary: Vec::new(),
            };
            keep_only(&mut report, args.only);
            write(&mut stdout, &report, args.format, &human)?;
            return Ok(Outcome::Findings);
        }
        Err(other) => return Err(other.into()),
    };
    let lint = privacy::Lint::new(&workbook.config.privacy_allow);
    let hook = |source: &crate::source::Source, out: &mut Vec<crate::finding::Finding>| {
        lint.scan_source(source, out)
    };
    let workbook = workbook.with_hook(&hook);
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
    let mut report = check::check(&workbook, &options);
    // The files no part of the check read, and every file and folder name.
    report
        .findings
        .extend(lint.scan_unread(&root, &options.populations));
    crate::finding::sort(&mut report.findings);
    keep_only(&mut report, args.only);
    write(&mut stdout, &report, args.format, &human)?;
    Ok(if report.findings.iter().any(|f| args.fail_on.fails(f)) {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// With `--only`, drops the findings of the other parts and the
/// completeness summary (it counts questions, not the part asked for).
fn keep_only(report: &mut check::Report, only: Option<Only>) {
    if let Some(only) = only {
        report.findings.retain(|f| only.keeps(f));
        report.summary.clear();
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
