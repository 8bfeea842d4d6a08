//! `covalue diff`: what changed between two versions of a workbook, by
//! meaning. Reads folders, or git revisions without checking anything out;
//! writes nothing. Exit 0 when nothing changed, 1 when something did.

use std::io::{BufWriter, Write};

use crate::cmd::{Context, Error, Outcome};
use crate::diff::{self, Format, Spec, text};

/// Arguments of `covalue diff`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "OLD and NEW are each a folder holding a workbook, or a git revision (a tag such as \
session-3, a branch, a commit, HEAD~2). With no argument, the last commit is compared with the \
working tree; with one, that revision is compared with the working tree.\n\n\
Examples:\n  covalue diff\n  covalue diff session-2\n  covalue diff session-2 session-3 --format md > changes.md\n  covalue diff session-2 --format html --paper letter > changes.html\n  covalue diff ../copy-from-site-b . --stat"
)]
pub struct Args {
    /// The older version: a folder or a git revision [default: HEAD].
    #[arg(value_name = "OLD")]
    pub old: Option<String>,
    /// The newer version: a folder or a git revision [default: the working tree].
    #[arg(value_name = "NEW")]
    pub new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Compare only this population (repeatable).
    #[arg(long = "population", short = 'p', value_name = "SLUG")]
    pub populations: Vec<String>,
    /// One line per population with counts, instead of every change.
    #[arg(long)]
    pub stat: bool,
    /// Paper size and large print (HTML).
    #[command(flatten)]
    pub page: crate::render::PageArgs,
    /// Run as git's external diff driver (set up by `covalue git-setup`):
    /// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH SIMILARITY].
    #[arg(long, num_args = 7..=9, value_name = "ARG", hide = true, conflicts_with_all = ["old", "new", "stat", "populations"])]
    pub git_driver: Option<Vec<String>>,
    /// Run as git's textconv filter (set up by `covalue git-setup --mode
    /// textconv`): print FILE's meaning as plain lines.
    #[arg(long, value_name = "FILE", hide = true, conflicts_with_all = ["old", "new", "stat", "populations", "git_driver"])]
    pub git_textconv: Option<std::path::PathBuf>,
}

/// Reads a version argument: a folder when one is there, else a revision.
fn spec(arg: &str, ctx: &Context) -> Result<Spec, Error> {
    let path = ctx.dir.join(arg);
    if path.is_dir() {
        let root = std::path::absolute(&path).unwrap_or(path);
        return Ok(Spec::Folder {
            root,
            label: arg.to_string(),
        });
    }
    Ok(Spec::Revision {
        rev: arg.to_string(),
        root: ctx.root()?,
    })
}

/// Compares the two versions and prints what changed.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    if let Some(driver) = &args.git_driver {
        return crate::cmd::git_setup::drive(driver, ctx);
    }
    if let Some(file) = &args.git_textconv {
        return crate::cmd::git_setup::textconv(file, ctx);
    }
    let old = match &args.old {
        Some(arg) => spec(arg, ctx)?,
        None => Spec::Revision {
            rev: "HEAD".into(),
            root: ctx.root()?,
        },
    };
    let new = match &args.new {
        Some(arg) => spec(arg, ctx)?,
        None => Spec::WorkingTree(ctx.root()?),
    };
    let working_tree_prefix = match (&old, &new) {
        (_, Spec::WorkingTree(root)) | (Spec::WorkingTree(root), _) => ctx.prefix(root),
        _ => String::new(),
    };
    // The handouts speak the workbook's language (or --lang's), the guide's
    // text included; the terminal's report and JSON stay English.
    let language = match (args.format, ctx.lang) {
        (Format::Text | Format::Json, _) => diff::Language::English,
        (_, Some(lang)) => diff::Language::Chosen(lang),
        (_, None) => diff::Language::Workbook,
    };
    let options = diff::Options {
        populations: args.populations,
        language,
    };
    let report = diff::diff(&old, &new, &options)?;
    // A site's own wording of the handout, from the newer version's folder
    // (or the working tree, for two revisions).
    let site_root = match &new {
        Spec::Folder { root, .. } | Spec::WorkingTree(root) => Some(root.clone()),
        _ => ctx.root().ok(),
    };
    let catalogue =
        crate::i18n::site::catalogue(site_root.as_deref(), report.lang.unwrap_or_default());
    let options = text::Options {
        color: ctx.shell.out_color(),
        working_tree_prefix,
        quiet: ctx.shell.is_quiet(),
        page: args.page,
        catalogue: Some(std::sync::Arc::new(catalogue)),
    };
    // Text goes through the shell's colour handling; the others are files.
    let written = match args.format {
        Format::Text => {
            let mut out = ctx.shell.out();
            diff::write(&mut out, &report, args.format, args.stat, &options)
                .and_then(|()| out.flush())
        }
        _ => {
            let mut out = BufWriter::new(ctx.shell.out_raw());
            diff::write(&mut out, &report, args.format, args.stat, &options)
                .and_then(|()| out.flush())
        }
    };
    // A reader that stops early (`covalue diff | head`) does not change the
    // exit code: writing stops, and diff still says whether anything changed.
    crate::print::unless_closed_pipe(written)?;
    Ok(if report.changed() {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
