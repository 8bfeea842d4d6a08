//! `covalue man [DIR]`: man pages for covalue and each sub-command, generated
//! from the argument definitions.

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cmd::{Cli, Context, Error, Outcome, file_error};

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

/// Every page: (file name, roff text).
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let mut pages = Vec::new();
    let mut text = Vec::new();
    clap_mangen::Man::new(root.clone()).render(&mut text)?;
    pages.push(("covalue.1".to_string(), text));
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("covalue-{}", sub.get_name());
        let cmd = sub
            .clone()
            .display_name(name.clone())
            .bin_name(name.clone());
        let mut text = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut text)?;
        pages.push((format!("{name}.1"), text));
    }
    Ok(pages)
}

/// Writes or prints the pages.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let pages = pages()?;
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
