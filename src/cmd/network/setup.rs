//! `covalue network init` and `covalue network add`: start a network
//! folder, list a site in it.

use std::path::PathBuf;

use super::edit_error;
use crate::cmd::{Context, Error, Outcome};
use crate::network;

/// Arguments of `covalue network init`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network init cop --name \"CO-VALUE community of practice\"\n  covalue network init --name \"Nordic MS sites\""
)]
pub struct InitArgs {
    /// The folder [default: here].
    dir: Option<PathBuf>,
    /// The network's name.
    #[arg(long)]
    name: String,
}

/// Arguments of `covalue network add`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network add lakeside https://git.example.org/lakeside/workbook.git --ref main --country SE\n  covalue network add harbour ../harbour-workbook"
)]
pub struct AddArgs {
    /// The site's short name (lowercase letters, digits and hyphens).
    name: String,
    /// The git address: https://…, ssh://…, user@host:path or a local path.
    address: String,
    /// The branch, tag or commit to read [default: the default branch].
    #[arg(long = "ref", value_name = "REF")]
    reference: Option<String>,
    /// The site's country.
    #[arg(long)]
    country: Option<String>,
}

/// Starts a network folder; files already there are left as they are.
pub fn init(args: InitArgs, ctx: &Context) -> Result<Outcome, Error> {
    let dir = ctx.dir.join(args.dir.unwrap_or_default());
    let started = network::init(&dir, &args.name).map_err(edit_error)?;
    for file in &started.written {
        ctx.shell.status("wrote", file)?;
    }
    for file in &started.left {
        ctx.shell
            .note(format_args!("{file} is already there; left as it is"));
    }
    Ok(Outcome::Success)
}

/// Adds a site at the end of network.toml.
pub fn add(args: AddArgs, ctx: &Context) -> Result<Outcome, Error> {
    let root = network::discover(&ctx.dir)?;
    network::add(
        &root,
        &args.name,
        &args.address,
        args.reference.as_deref(),
        args.country.as_deref(),
    )
    .map_err(edit_error)?;
    ctx.shell.status(
        "added",
        format_args!("site {}; fetch it with `covalue network fetch`", args.name),
    )?;
    Ok(Outcome::Success)
}
