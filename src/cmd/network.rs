//! `covalue network`: a community of practice's sites side by side. `init`
//! starts a network folder, `add` lists a site, `fetch` copies every site's
//! repository into the cache, `report` lays them side by side from the
//! cache, `status` says who is behind. The work is in `network/`.

use std::path::PathBuf;
use std::time::Duration;

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, usage};
use crate::network::{self, EditError, fetch, report, status};

/// Arguments of `covalue network`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue network init cop --name \"CO-VALUE community of practice\"\n  covalue network add lakeside https://git.example.org/lakeside/workbook.git --ref main --country SE\n  covalue network fetch\n  covalue network report --format html -o out/network.html\n  covalue network status"
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
    Init {
        /// The folder [default: here].
        dir: Option<PathBuf>,
        /// The network's name.
        #[arg(long)]
        name: String,
    },
    /// Add a site: its short name and the git address of its workbook.
    Add {
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
    },
    /// Fetch every site's repository into the cache (.covalue/), several at a time.
    Fetch {
        /// Sites fetched at a time.
        #[arg(long, short = 'j', default_value_t = 8)]
        jobs: usize,
        /// Seconds one site may take before it is given up.
        #[arg(long, default_value_t = 300, value_name = "SECONDS")]
        timeout: u64,
    },
    /// Lay the sites side by side, from the cache (no network access).
    Report {
        /// Output format.
        #[arg(long, value_enum, default_value_t = report::Format::Text)]
        format: report::Format,
        /// Print the HTML report to PDF with a headless Chromium.
        #[arg(long)]
        pdf: bool,
        /// The browser to print with.
        #[arg(long, value_name = "PATH", requires = "pdf")]
        browser: Option<PathBuf>,
        /// Write to this file [default: standard output; out/network-report.pdf with --pdf].
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// One line per site: revision fetched, its age, what check says.
    Status {
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `covalue network` sub-command.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    if let What::Init { dir, name } = &args.what {
        let dir = ctx.dir.join(dir.clone().unwrap_or_default());
        let started = network::init(&dir, name).map_err(edit_error)?;
        for file in &started.written {
            ctx.shell.status("wrote", file)?;
        }
        for file in &started.left {
            ctx.shell
                .note(format_args!("{file} is already there; left as it is"));
        }
        return Ok(Outcome::Success);
    }
    let root = network::discover(&ctx.dir)?;
    if let What::Add {
        name,
        address,
        reference,
        country,
    } = &args.what
    {
        network::add(
            &root,
            name,
            address,
            reference.as_deref(),
            country.as_deref(),
        )
        .map_err(edit_error)?;
        ctx.shell.status(
            "added",
            format_args!("site {name}; fetch it with `covalue network fetch`"),
        )?;
        return Ok(Outcome::Success);
    }
    let (net, findings) = network::open(&root)?;
    if !findings.is_empty() {
        crate::print::findings(&mut ctx.shell.err(), &findings, &ctx.prefix(&root))?;
    }
    match args.what {
        What::Fetch { jobs, timeout } => {
            let progress = ctx.shell.progress(net.sites.len(), "sites", "fetching");
            let options = fetch::Options {
                jobs,
                timeout: Duration::from_secs(timeout),
            };
            let results = fetch::fetch_all(&net, &options, &|_| progress.inc()).map_err(|e| {
                usage(
                    format!("the cache cannot be used: {e}"),
                    "check that you may write in the network folder",
                )
            })?;
            drop(progress);
            for r in &results {
                match r.line() {
                    Ok((verb, text)) => ctx.shell.status(verb, text)?,
                    Err(text) => ctx.shell.error(text, None),
                }
            }
            let failed = results.iter().filter(|r| r.failed()).count();
            ctx.shell
                .say(format_args!("{} site(s), {failed} failed", results.len()))?;
            Ok(if failed > 0 {
                Outcome::Findings
            } else {
                Outcome::Success
            })
        }
        What::Report {
            format,
            pdf,
            browser,
            output,
        } => {
            let today = crate::date::format(crate::date::today());
            let built = report::build(&net, &report::load(&net), today);
            let browser = match pdf {
                true => Some(
                    crate::render::pdf::find_browser(
                        browser.as_deref(),
                        std::env::var_os(crate::render::pdf::BROWSER_ENV),
                    )
                    .map_err(crate::render::RenderError::from)?,
                ),
                false => None,
            };
            let bytes = report::bytes(&built, format, browser.as_deref())?;
            if output.is_none() && !pdf {
                ctx.shell.write(&bytes)?;
                return Ok(Outcome::Success);
            }
            let out =
                output.map_or_else(|| root.join("out/network-report.pdf"), |o| ctx.dir.join(o));
            report::write_file(&root, &out, &bytes)?;
            ctx.shell.status("wrote", out.display())?;
            Ok(Outcome::Success)
        }
        What::Status { json } => {
            let lines = status::status(&net);
            let mut out = ctx.shell.out();
            match json {
                true => status::write_json(&mut out, &lines)?,
                false => status::write_text(&mut out, &lines)?,
            }
            Ok(Outcome::Success)
        }
        What::Init { .. } | What::Add { .. } => Ok(Outcome::Success),
    }
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
