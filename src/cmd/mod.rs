//! The command line: global options and one module per sub-command, each with
//! its arguments and an `execute`.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod git_setup;
pub mod guide;
pub mod init;
pub mod man;
pub mod new;
pub mod render;
pub mod schema;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::workbook::{self, LoadError, Workbook};

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: done, nothing to report.
    Success,
    /// Exit 1: findings at or above the fail level, or differences.
    Findings,
}

/// An error with what to do about it; exit code 2.
#[derive(Debug)]
pub struct UserError {
    /// What went wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
}

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UserError {}

/// Makes a usage or environment error with a help line.
pub fn user_error(message: impl Into<String>, help: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UserError {
        message: message.into(),
        help: Some(help.into()),
    })
}

/// Writes text to standard output; colour codes are dropped where colour is off.
pub fn say(text: impl AsRef<str>) -> std::io::Result<()> {
    use std::io::Write;
    anstream::stdout()
        .lock()
        .write_all(text.as_ref().as_bytes())
}

/// Writes a line to standard output.
pub fn say_line(text: impl AsRef<str>) -> std::io::Result<()> {
    say(format!("{}\n", text.as_ref()))
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (built-in guide: CO-VALUE ",
    env!("COVALUE_GUIDE_VERSION"),
    ")"
);

/// Keep a healthcare coproduction value self-assessment as plain text in git.
#[derive(Debug, Parser)]
#[command(
    name = "covalue",
    version = LONG_VERSION,
    about = "Keep a coproduction value self-assessment (the CO-VALUE guide) as plain text in git",
    long_about = "covalue scaffolds, checks, compares and prints workbooks of the CO-VALUE \
coproduction value self-assessment guide: one folder per population, with personas, a \
process map, the value compass and the answers to the guide's questions.",
    after_help = "Exit codes: 0 success, 1 findings or differences, 2 usage or environment error.\n\
Examples:\n  covalue init my-workbook --title \"MS care at Lakeside\"\n  covalue check\n  covalue -C examples/lakeside-ms check --form short"
)]
pub struct Cli {
    /// Run as if covalue was started in DIR.
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub chdir: Option<PathBuf>,
    /// When to use colour: auto, always or never (NO_COLOR is respected).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// Print less: no progress bars and no summaries.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new workbook.
    Init(init::Args),
    /// Add a population or a persona, stubbed from the guide.
    New(new::Args),
    /// Check the workbook against its guide: what is open, what is wrong.
    Check(check::Args),
    /// Show what changed between two versions of the workbook, by meaning.
    Diff(diff::Args),
    /// Print the short form, the full form or blank worksheets (HTML, Markdown or PDF).
    Render(render::Args),
    /// Print the guide's questions, without a workbook.
    Guide(guide::Args),
    /// Explain a finding code, such as CV012.
    Explain(explain::Args),
    /// Make `git diff` show workbook files by meaning.
    GitSetup(git_setup::Args),
    /// Write JSON Schema for the workbook's files, for editors.
    Schema(schema::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
    /// Print or write man pages.
    Man(man::Args),
}

/// What every command can use.
#[derive(Debug, Clone)]
pub struct Context {
    /// Where covalue runs (after -C).
    pub dir: PathBuf,
    /// Print less.
    pub quiet: bool,
}

impl Context {
    /// Finds the workbook root from the start folder.
    pub fn root(&self) -> anyhow::Result<PathBuf> {
        workbook::discover(&self.dir).map_err(load_error)
    }

    /// Finds and loads the workbook.
    pub fn load(&self, hook: Option<workbook::SourceHook<'_>>) -> anyhow::Result<Workbook> {
        let root = self.root()?;
        Workbook::load(&root, hook).map_err(load_error)
    }

    /// How to show paths of workbook files: relative to where covalue was started.
    pub fn prefix(&self, root: &Path) -> String {
        let cwd = std::env::current_dir().unwrap_or_default();
        if let Ok(rel) = root.strip_prefix(&cwd) {
            return if rel.as_os_str().is_empty() {
                String::new()
            } else {
                format!("{}/", rel.display())
            };
        }
        // Started inside the workbook: point back up to its root.
        if let Ok(inner) = cwd.strip_prefix(root) {
            return "../".repeat(inner.components().count());
        }
        format!("{}/", root.display())
    }
}

fn load_error(err: LoadError) -> anyhow::Error {
    match err {
        LoadError::Guide(findings) => anyhow::Error::new(GuideError(findings)),
        other => anyhow::anyhow!(other.to_string()),
    }
}

/// The workbook's guide cannot be used; its findings say why.
#[derive(Debug)]
pub struct GuideError(pub Vec<crate::finding::Finding>);

impl std::fmt::Display for GuideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the workbook's guide cannot be used ({} problem(s) above)",
            self.0.len()
        )
    }
}

impl std::error::Error for GuideError {}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.color {
        Color::Always => anstream::ColorChoice::Always.write_global(),
        Color::Never => anstream::ColorChoice::Never.write_global(),
        Color::Auto => {}
    }
    let cwd = std::env::current_dir().map_err(|e| {
        user_error(
            format!("cannot read the current folder: {e}"),
            "run covalue from a folder that exists",
        )
    })?;
    let dir = match &cli.chdir {
        Some(d) if d.is_absolute() => d.clone(),
        Some(d) => cwd.join(d),
        None => cwd,
    };
    if cli.chdir.is_some() && !dir.is_dir() {
        return Err(user_error(
            format!("-C {}: no such folder", dir.display()),
            "give -C a folder that exists",
        ));
    }
    let ctx = Context {
        dir,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Init(args) => init::execute(args, &ctx),
        Command::New(args) => new::execute(args, &ctx),
        Command::Check(args) => check::execute(args, &ctx),
        Command::Diff(args) => diff::execute(args, &ctx),
        Command::Render(args) => render::execute(args, &ctx),
        Command::Guide(args) => guide::execute(args, &ctx),
        Command::Explain(args) => explain::execute(args),
        Command::GitSetup(args) => git_setup::execute(args, &ctx),
        Command::Schema(args) => schema::execute(args, &ctx),
        Command::Completions(args) => completions::execute(args),
        Command::Man(args) => man::execute(args, &ctx),
    }
}
