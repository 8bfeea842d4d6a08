//! `covalue network init`, `add` and `remove`: start a network folder,
//! list a site in it, take one out.

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

/// Arguments of `covalue network remove`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network remove harbour\n  covalue network remove harbour --delete-cache"
)]
pub struct RemoveArgs {
    /// The site's short name, as network.toml lists it.
    name: String,
    /// Also delete the site's copy in covalue's cache [default: keep it, so that adding the site back needs no full fetch].
    #[arg(long)]
    delete_cache: bool,
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
    let cd = match args_dir_shown(&dir, &ctx.dir) {
        Some(shown) => format!("cd {shown}\n  "),
        None => String::new(),
    };
    ctx.shell.say(format_args!(
        "\nNext:\n  {cd}covalue network add SITE ADDRESS      # each site's workbook repository\n  covalue network fetch                 # copy them into covalue's cache\n  covalue network report                # the sites side by side"
    ))?;
    Ok(Outcome::Success)
}

/// The folder to `cd` into after `network init`, as typed relative to
/// where covalue runs (None: it is that folder).
fn args_dir_shown(dir: &std::path::Path, here: &std::path::Path) -> Option<String> {
    let rel = dir.strip_prefix(here).unwrap_or(dir);
    let shown = rel.display().to_string();
    match shown.is_empty() || shown == "." {
        true => None,
        false => Some(crate::escape::terminal(&shown).into_owned()),
    }
}

/// Adds a site at the end of network.toml. A local address that does not
/// exist here is added all the same, with a warning: it may be a folder
/// another coordinator has, or a drive not mounted now; `network fetch`
/// reports the site as failed until it exists.
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
    if let Some(path) = network::local_path(&root, &args.address) {
        if std::fs::metadata(&path).is_err() {
            ctx.shell.warn(format_args!(
                "{} does not exist here ({}); the site is added, but `covalue network fetch` will fail for it until it does. Check the path, or remove the site with `covalue network remove {}`",
                crate::escape::terminal(&args.address),
                crate::escape::terminal(&path.display().to_string()),
                args.name
            ));
        }
    }
    ctx.shell.status(
        "added",
        format_args!("site {}; fetch it with `covalue network fetch`", args.name),
    )?;
    Ok(Outcome::Success)
}

/// Takes a site out of network.toml, byte for byte, and keeps or deletes
/// its copy in the cache.
pub fn remove(args: RemoveArgs, ctx: &Context) -> Result<Outcome, Error> {
    let root = network::discover(&ctx.dir)?;
    let removed = network::remove(&root, &args.name).map_err(edit_error)?;
    let name = crate::escape::terminal(&args.name);
    ctx.shell.status(
        "removed",
        format_args!(
            "site {name} (lines {}-{} of {})",
            removed.lines.0,
            removed.lines.1,
            network::NETWORK_FILE
        ),
    )?;
    // Records of past sessions that name the site: check reports them now.
    let (records, _) = crate::network::sessions::load(&root);
    let naming: Vec<String> = records
        .iter()
        .filter(|s| {
            s.sites
                .iter()
                .chain(s.attendees.iter().filter_map(|a| a.site.as_ref()))
                .chain(s.presented.iter().filter_map(|p| p.site.as_ref()))
                .any(|n| n.name == args.name)
        })
        .map(|s| crate::escape::terminal(&s.file).into_owned())
        .collect();
    if !naming.is_empty() {
        ctx.shell.warn(format_args!(
            "{} community session record(s) name {name}: {}; `covalue check` reports each place (CV057) until it is edited",
            naming.len(),
            naming.join(", ")
        ));
    }
    let cache = super::open_cache(&root)?;
    let entries: Vec<std::path::PathBuf> = match &cache {
        Some(cache) => [
            cache.site_repo(&args.name),
            cache.site_summary_file(&args.name),
            cache.site_failure_file(&args.name),
        ]
        .into_iter()
        .flatten()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect(),
        None => Vec::new(),
    };
    match (entries.is_empty(), args.delete_cache) {
        (true, _) => ctx
            .shell
            .say(format_args!("The cache held no copy of {name}."))?,
        (false, true) => {
            for entry in &entries {
                crate::network::cache::remove_entry(entry).map_err(|source| Error::File {
                    what: format!("cannot delete {}", entry.display()),
                    source,
                    help: "check the cache folder and your permissions",
                })?;
            }
            ctx.shell.status("deleted", format_args!("the cache's copy of {name}"))?;
        }
        (false, false) => ctx.shell.say(format_args!(
            "The cache's copy of {name} is kept in {} (no report reads it now; adding the site back needs no full fetch). Delete {name}.* there when you no longer need it, or remove with --delete-cache.",
            crate::escape::terminal(&entries[0].parent().unwrap_or(&root).display().to_string())
        ))?,
    }
    Ok(Outcome::Success)
}
