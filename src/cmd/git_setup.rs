//! `covalue git-setup`: make `git diff` show workbook files by meaning, and
//! `covalue diff --git-driver`, the external diff driver git then calls
//! (both in [`crate::diff::driver`]).

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::diff::driver::{
    self, ATTRIBUTES, ATTRIBUTES_COMMIT_MESSAGE, DRIVER_COMMAND, DRIVER_KEY, DriverArgs,
};

/// Arguments of `covalue git-setup`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "It adds to the workbook's .gitattributes (creating it when missing):\n  covalue.toml diff=covalue\n  populations/**/*.toml diff=covalue\n  populations/**/*.md diff=covalue\nand sets, in the repository's own git config:\n  git config diff.covalue.command \"covalue diff --git-driver\"\n\nExamples:\n  covalue git-setup --print    # show what it would do\n  covalue git-setup\n  git diff session-2 -- populations/ms/process-map.toml"
)]
pub struct Args {
    /// Print the lines and the command instead of changing anything.
    #[arg(long)]
    pub print: bool,
}

/// Adds the attributes and the git setting, or prints them.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = ctx.root()?;
    let attributes = root.join(".gitattributes");
    if args.print {
        let mut text = format!("# {}\n", attributes.display());
        for line in ATTRIBUTES {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str(&format!("\ngit config {DRIVER_KEY} \"{DRIVER_COMMAND}\"\n"));
        ctx.shell.print(text)?;
        return Ok(Outcome::Success);
    }
    let added = driver::add_attributes(&attributes).map_err(file_error(
        format!("cannot write {}", attributes.display()),
        "check that you may write in the workbook",
    ))?;
    let status = crate::git::command(&root)
        .args(["config", DRIVER_KEY, DRIVER_COMMAND])
        .status()
        .map_err(file_error(
            "cannot run git".into(),
            "install git, or set the driver yourself (see `covalue git-setup --print`)",
        ))?;
    if !status.success() {
        return Err(usage(
            "git could not record the diff driver (is the workbook in a git repository?)",
            "run `git init` first, or set it yourself: git config diff.covalue.command \"covalue diff --git-driver\"",
        ));
    }
    if added == 0 {
        ctx.shell.status(
            "left alone",
            ".gitattributes (it already has the covalue lines)",
        )?;
    } else {
        ctx.shell
            .status("added", format_args!("{added} line(s) to .gitattributes"))?;
    }
    ctx.shell.status(
        "set",
        format_args!("git config {DRIVER_KEY} \"{DRIVER_COMMAND}\""),
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
