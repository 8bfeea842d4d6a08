//! The command line: global options and one module per sub-command, each with
//! its arguments and an `execute`.

pub mod check;
pub mod completions;
pub mod diff;
mod error;
pub mod explain;
pub mod git_setup;
pub mod guide;
pub mod import;
pub mod init;
pub mod man;
pub mod merge_driver;
pub mod network;
pub mod new;
pub mod render;
pub mod schema;
pub mod serve;
pub mod session;
pub mod upgrade;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

pub use error::{Error, Outcome, file_error, usage};

use crate::shell::Shell;
use crate::workbook::{self, Workbook};

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
    /// The language of the pages printed or served (en, sv, he, es), over the workbook's `language`; command-line messages stay English.
    #[arg(long, global = true, value_name = "LANG", value_parser = crate::i18n::parse_arg)]
    pub lang: Option<crate::i18n::Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new workbook.
    Init(init::Args),
    /// Add a population, a persona or an improvement, stubbed from the guide.
    New(new::Args),
    /// Check the workbook against its guide: what is open, what is wrong.
    Check(check::Args),
    /// Show what changed between two versions of the workbook, by meaning.
    Diff(diff::Args),
    /// Print the short form, the full form or blank worksheets (HTML, Markdown or PDF).
    Render(render::Args),
    /// Write the record of the next team session.
    Session(session::Args),
    /// Put typed-up paper notes back into the answer files, by question id.
    Import(import::Args),
    /// Serve the workbook as a local web page, to fill it in together.
    Serve(serve::Args),
    /// Print the guide's questions, without a workbook.
    Guide(guide::Args),
    /// Move the workbook to the guide's version, keeping every answer.
    Upgrade(upgrade::Args),
    /// Explain a finding code, such as CV012.
    Explain(explain::Args),
    /// Make `git diff` show workbook files by meaning.
    GitSetup(git_setup::Args),
    /// Write JSON Schema for the workbook's files, for editors.
    Schema(schema::Args),
    /// Roll up many sites' workbooks, each in its own git repository.
    Network(network::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
    /// Print or write man pages.
    Man(man::Args),
    /// git's merge driver for workbook files (set up by `covalue git-setup`).
    #[command(hide = true)]
    MergeDriver(merge_driver::Args),
}

/// What every command can use.
#[derive(Debug, Clone)]
pub struct Context {
    /// Where covalue runs (after -C).
    pub dir: PathBuf,
    /// The `-C` given, as given, for commands covalue suggests.
    pub chdir: Option<PathBuf>,
    /// Where everything but reports is printed; knows `--quiet` and colour.
    pub shell: Shell,
    /// `--lang`: the language of pages, over the workbook's.
    pub lang: Option<crate::i18n::Lang>,
}

impl Context {
    /// Finds the workbook root from the start folder.
    pub fn root(&self) -> Result<PathBuf, Error> {
        Ok(workbook::discover(&self.dir)?)
    }

    /// Finds and opens the workbook (its settings, guide and population names).
    pub fn open(&self) -> Result<Workbook<'static>, Error> {
        let root = self.root()?;
        Ok(Workbook::open_in(workbook::Loader::disk(&root), self.lang)?)
    }

    /// How to show paths of workbook files: relative to where covalue was
    /// started, with the system's separator (`\` on Windows).
    pub fn prefix(&self, root: &Path) -> String {
        let sep = std::path::MAIN_SEPARATOR;
        let cwd = std::env::current_dir().unwrap_or_default();
        if let Ok(rel) = root.strip_prefix(&cwd) {
            return if rel.as_os_str().is_empty() {
                String::new()
            } else {
                format!("{}{sep}", rel.display())
            };
        }
        // Started inside the workbook: point back up to its root.
        if let Ok(inner) = cwd.strip_prefix(root) {
            return format!("..{sep}").repeat(inner.components().count());
        }
        format!("{}{sep}", root.display())
    }
}

impl Cli {
    /// The shell for this command line's `--quiet` and `--color`.
    pub fn shell(&self) -> Shell {
        let color = match self.color {
            Color::Auto => anstream::ColorChoice::Auto,
            Color::Always => anstream::ColorChoice::Always,
            Color::Never => anstream::ColorChoice::Never,
        };
        Shell::new(self.quiet, color)
    }
}

/// Runs a parsed command line, printing through `shell`.
pub fn run(cli: Cli, shell: &Shell) -> Result<Outcome, Error> {
    let cwd = std::env::current_dir().map_err(file_error(
        "cannot read the current folder".into(),
        "run covalue from a folder that exists",
    ))?;
    let dir = match &cli.chdir {
        Some(d) if d.is_absolute() => d.clone(),
        Some(d) => cwd.join(d),
        None => cwd,
    };
    if cli.chdir.is_some() && !dir.is_dir() {
        return Err(usage(
            format!("-C {}: no such folder", dir.display()),
            "give -C a folder that exists",
        ));
    }
    let ctx = Context {
        dir,
        chdir: cli.chdir.clone(),
        shell: shell.clone(),
        lang: cli.lang,
    };
    match cli.command {
        Command::Init(args) => init::execute(args, &ctx),
        Command::New(args) => new::execute(args, &ctx),
        Command::Check(args) => check::execute(args, &ctx),
        Command::Diff(args) => diff::execute(args, &ctx),
        Command::Render(args) => render::execute(args, &ctx),
        Command::Session(args) => session::execute(args, &ctx),
        Command::Import(args) => import::execute(args, &ctx),
        Command::Serve(args) => serve::execute(args, &ctx),
        Command::Guide(args) => guide::execute(args, &ctx),
        Command::Upgrade(args) => upgrade::execute(args, &ctx),
        Command::Explain(args) => explain::execute(args, &ctx),
        Command::GitSetup(args) => git_setup::execute(args, &ctx),
        Command::Schema(args) => schema::execute(args, &ctx),
        Command::Network(args) => network::execute(args, &ctx),
        Command::Completions(args) => completions::execute(args, &ctx),
        Command::Man(args) => man::execute(args, &ctx),
        Command::MergeDriver(args) => merge_driver::execute(args, &ctx),
    }
}
