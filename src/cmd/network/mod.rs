//! `covalue network`: a community of practice's sites side by side. `init`
//! starts a network folder, `add` lists a site and `remove` takes one out
//! (`setup.rs`), `fetch` copies every site's repository into the cache
//! (`fetch.rs`), `report` lays them side by side from the cache and
//! `status` says who is behind (`report.rs`); `session` keeps the
//! community's own meetings (`session.rs`). The work is in `network/`.

mod fetch;
mod report;
mod session;
mod setup;

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, usage};
use crate::network::cache::{Cache, CacheError};
use crate::network::{self, EditError, Network};

/// Arguments of `covalue network`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network init cop --name \"CO-VALUE community of practice\"\n  covalue network add lakeside https://git.example.org/lakeside/workbook.git --ref main --country SE\n  covalue network remove harbour\n  covalue network fetch\n  covalue network report --format html -o out/network.html\n  covalue network report --pdf --paper letter\n  covalue network status\n  covalue network session new --kind webinar --title \"Walking measures\"\n  covalue network session pack --pdf"
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub what: What,
}

/// What `covalue network` does.
#[derive(Debug, Subcommand)]
pub enum What {
    /// Start a network folder: network.toml, its schema and a .gitignore for the cache.
    Init(setup::InitArgs),
    /// Add a site: its short name and the git address of its workbook.
    Add(setup::AddArgs),
    /// Take a site out of network.toml (byte for byte; comments and other sites stay).
    Remove(setup::RemoveArgs),
    /// Fetch every site's repository into covalue's cache (in your cache folder), several at a time.
    Fetch(fetch::Args),
    /// Lay the sites side by side, from the cache (no network access).
    Report(report::Args),
    /// One line per site: revision fetched, its age, what check says.
    Status(report::StatusArgs),
    /// The community's own sessions: write the next one's record, print its pack.
    Session(session::Args),
}

/// Runs a `covalue network` sub-command.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    match args.what {
        What::Init(args) => setup::init(args, ctx),
        What::Add(args) => setup::add(args, ctx),
        What::Remove(args) => setup::remove(args, ctx),
        What::Fetch(args) => fetch::execute(args, ctx),
        What::Report(args) => report::execute(args, ctx),
        What::Status(args) => report::status(args, ctx),
        What::Session(args) => session::execute(args, ctx),
    }
}

/// The network folder above the current one, read, with any problems of
/// network.toml printed.
fn open(ctx: &Context) -> Result<(std::path::PathBuf, Network), Error> {
    let root = network::discover(&ctx.dir)?;
    let (net, findings) = network::open(&root)?;
    if !findings.is_empty() {
        crate::print::findings(&mut ctx.shell.err(), &findings, &ctx.prefix(&root))?;
    }
    Ok((root, net))
}

/// The network's cache as it is, to read from (None: nothing fetched yet).
fn open_cache(root: &std::path::Path) -> Result<Option<Cache>, Error> {
    Cache::open(root).map_err(cache_error)
}

/// A cache that cannot be used, for the user (exit 2).
fn cache_error(e: CacheError) -> Error {
    let help = e.help();
    usage(e.to_string(), help)
}

/// An error of `network init` or `network add`, for the user.
fn edit_error(e: EditError) -> Error {
    match e {
        EditError::Refused(message, help) => usage(message, help),
        EditError::Io(what, source) => Error::File {
            what: format!("cannot write {what}"),
            source,
            help: "check the folder and your permissions",
        },
    }
}
