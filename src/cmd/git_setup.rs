//! `covalue git-setup`: make `git diff` and `git log -p` show workbook files
//! by meaning, and the two commands git then calls: `covalue diff
//! --git-textconv` (the default mode, [`crate::diff::textconv`]) and `covalue
//! diff --git-driver` (the external diff, [`crate::diff::driver`]); and
//! the merge driver, `covalue merge-driver` ([`crate::merge`]).

use std::path::Path;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::diff::driver::{
    self, ATTRIBUTES_COMMIT_MESSAGE, DriverArgs, MERGE_KEY, MERGE_NAME_KEY, Mode,
};

/// Arguments of `covalue git-setup`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "It adds to the workbook's .gitattributes (creating it when missing):\n  covalue.toml diff=covalue merge=covalue\n  populations/**/*.toml diff=covalue merge=covalue\n  populations/**/*.md diff=covalue merge=covalue\n  sessions/*.toml diff=covalue merge=covalue\n  /GUIDE-FILE diff=covalue merge=covalue   (when covalue.toml names a site's guide)\nand sets, in the repository's own git config, one of:\n  diff.covalue.textconv   covalue diff --git-textconv   (--mode textconv)\n  diff.covalue.command    covalue diff --git-driver     (--mode external)\nremoving the other; diff.covalue.xfuncname, so that hunk headers name the record or\nheading a change is in; and merge.covalue.driver (covalue merge-driver), so that\n`git merge`, `git rebase` and `git cherry-pick` merge records by id and field and\nanswers by question and persona. Each setting calls this covalue by its absolute path\n(or covalue on the PATH), and falls back to git's own diff and merge when neither can\nbe run. docs/ci.md weighs the two modes and shows the merge.\n\nExamples:\n  covalue git-setup --print    # show what it would do\n  covalue git-setup\n  git log -p -- populations/ms/process-map.toml\n  covalue git-setup --mode external\n  git diff session-2 -- populations/ms/process-map.toml\n  git merge other-team-member"
)]
pub struct Args {
    /// Print the lines and the commands instead of changing anything.
    #[arg(long)]
    pub print: bool,
    /// textconv: git diffs covalue's plain-line rendering of each file, in
    /// `git diff`, `git log -p`, `git show` and `--word-diff` alike.
    /// external: covalue's own comparison replaces `git diff`'s output.
    #[arg(long, value_enum, default_value_t = Mode::Textconv)]
    pub mode: Mode,
}

/// Adds the attributes and the git setting, or prints them.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = ctx.root()?;
    let attributes = root.join(".gitattributes");
    let program = driver::program();
    let lines = driver::attribute_lines(&root);
    if args.print {
        ctx.shell
            .print(args.mode.script(&attributes, &lines, program.as_deref()))?;
        return Ok(Outcome::Success);
    }
    let added = driver::add_attributes(&attributes, &lines).map_err(file_error(
        format!("cannot write {}", attributes.display()),
        "check that you may write in the workbook",
    ))?;
    let configured = args
        .mode
        .configure(&root, program.as_deref())
        .map_err(file_error(
            "cannot run git".into(),
            "install git, or set the driver yourself (see `covalue git-setup --print`)",
        ))?;
    if !configured {
        return Err(usage(
            "git could not record the diff driver (is the workbook in a git repository?)",
            "run `git init` first, or set it yourself (see `covalue git-setup --print`)",
        ));
    }
    if added == 0 {
        ctx.shell.status(
            "left alone",
            ".gitattributes (it already has the covalue lines)",
        )?;
    } else {
        ctx.shell.status(
            "added",
            format_args!("{added} line(s) to .gitattributes (new or completed)"),
        )?;
    }
    let (key, _) = args.mode.setting(None);
    ctx.shell.status(
        "set",
        format_args!("git config {key}, {MERGE_KEY} and {MERGE_NAME_KEY}"),
    )?;
    // Which binary git will run, and what happens when it cannot.
    let calls = program.as_deref().unwrap_or("covalue (found on the PATH)");
    ctx.shell.status(
        "calls",
        format_args!(
            "{} (or covalue on the PATH when that is gone; when neither can be run, git diffs and merges by lines as usual)",
            crate::escape::terminal(calls)
        ),
    )?;
    if driver::attributes_uncommitted(&root, &attributes) {
        // The path as the user would type it, from where they are.
        let here = std::env::current_dir().unwrap_or_else(|_| ctx.dir.clone());
        let shown = attributes
            .strip_prefix(&here)
            .unwrap_or(&attributes)
            .display()
            .to_string();
        let shown = if shown.contains([' ', '\'', '"']) {
            format!("\"{shown}\"")
        } else {
            shown
        };
        ctx.shell.say(format_args!(
            "\nNext: commit .gitattributes, so that your next report is not marked \"+ uncommitted changes\":\n  \
             git add {shown} && git commit -m \"{ATTRIBUTES_COMMIT_MESSAGE}\""
        ))?;
    }
    Ok(Outcome::Success)
}

/// Runs as git's external diff driver for one file. Always exits 0, as git expects.
pub fn drive(args: &[String], ctx: &Context) -> Result<Outcome, Error> {
    let Some(args) = DriverArgs::parse(args) else {
        return Err(usage(
            "--git-driver takes the seven (or, for a rename, nine) arguments git gives an external diff program",
            "let git call it: run `covalue git-setup`, then `git diff`",
        ));
    };
    driver::drive(&args, &ctx.dir, &mut ctx.shell.out(), ctx.shell.out_color())?;
    Ok(Outcome::Success)
}

/// Runs as git's textconv filter for one file: prints its meaning as lines.
/// Always exits 0: a file that cannot be rendered is printed as it is.
pub fn textconv(file: &Path, ctx: &Context) -> Result<Outcome, Error> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(ctx.shell.out_raw());
    let written =
        crate::diff::textconv::write(&ctx.dir.join(file), &mut out).and_then(|()| out.flush());
    crate::print::unless_closed_pipe(written)?;
    Ok(Outcome::Success)
}
