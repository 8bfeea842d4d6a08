//! `covalue man [DIR]`: prints the man pages, or writes them into a folder.

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cmd::{Cli, Context, Error, Outcome, file_error};
use crate::manpages;

/// Arguments of `covalue man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue man | man -l -\n  covalue man ~/.local/share/man/man1"
)]
pub struct Args {
    /// Write covalue.1 and one page per sub-command (covalue-check.1, …) into this folder.
    /// Without it, the pages are printed one after the other.
    pub dir: Option<PathBuf>,
}

/// Writes or prints the pages.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let pages = manpages::pages(Cli::command())?;
    match &args.dir {
        Some(dir) => {
            let dir = ctx.dir.join(dir);
            std::fs::create_dir_all(&dir).map_err(file_error(
                format!("cannot create {}", dir.display()),
                "check the path and your permissions",
            ))?;
            for (name, text) in &pages {
                let path = dir.join(name);
                crate::fsutil::write_atomic(&path, text).map_err(file_error(
                    format!("cannot write {}", path.display()),
                    "check your permissions",
                ))?;
                ctx.shell.status("wrote", path.display())?;
            }
        }
        None => {
            for (_, text) in &pages {
                ctx.shell.write(text)?;
            }
        }
    }
    Ok(Outcome::Success)
}
