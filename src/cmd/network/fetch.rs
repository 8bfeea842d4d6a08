//! `covalue network fetch`: every site's repository copied into the cache,
//! several at a time; a site that fails is named and the others go on.

use std::time::Duration;

use crate::cmd::{Context, Error, Outcome};
use crate::network::fetch;

/// Arguments of `covalue network fetch`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network fetch\n  covalue network fetch --jobs 2 --timeout 600"
)]
pub struct Args {
    /// Sites fetched at a time.
    #[arg(long, short = 'j', default_value_t = 8)]
    jobs: usize,
    /// Seconds one site may take before it is given up.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    timeout: u64,
}

/// Fetches every site; exit 1 when fetching any failed (a site fetched
/// whose workbook has problems is told, and does not fail the fetch).
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let (root, net) = super::open(ctx)?;
    if std::fs::symlink_metadata(root.join(crate::network::CACHE_DIR)).is_ok() {
        ctx.shell.note(format_args!(
            "{}/ in the network folder is not used (the cache is in your cache folder, see docs/network.md); you may delete it",
            crate::network::CACHE_DIR
        ));
    }
    let progress = ctx.shell.progress(net.sites.len(), "sites", "fetching");
    let options = fetch::Options {
        jobs: args.jobs,
        timeout: Duration::from_secs(args.timeout),
    };
    let results =
        fetch::fetch_all(&net, &options, &|_| progress.inc()).map_err(super::cache_error)?;
    drop(progress);
    for r in &results {
        for note in &r.notes {
            ctx.shell.warn(format_args!("site {}: {note}", r.site));
        }
        match r.line() {
            Ok((verb, text)) => ctx.shell.status(verb, text)?,
            Err(text) => ctx.shell.error(text, None),
        }
    }
    let failed = results.iter().filter(|r| r.failed()).count();
    let with_problems = results.iter().filter(|r| r.problems() > 0).count();
    ctx.shell.say(format_args!(
        "{} site(s), {failed} failed, {with_problems} with problems in their workbook",
        results.len()
    ))?;
    Ok(if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
