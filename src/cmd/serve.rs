//! `covalue serve`: the workbook as a local web page, for filling it in
//! together during a session. Parses the arguments, starts the server
//! (`crate::serve`), prints the address and serves until Ctrl-C.

use std::net::IpAddr;
use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome, usage};

/// Arguments of `covalue serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue serve\n  covalue serve --port 8080 --open\n  covalue serve --session sessions/2026-12-03-access.toml\n\nOpen the address it prints (with its token) in a browser; Ctrl-C stops it. See docs/serve.md."
)]
pub struct Args {
    /// The port to listen on (default: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Listen on this address instead of this computer only (loopback); anyone who can reach it and has the token can change the workbook. The address is also printed as a QR code for the room's other devices.
    #[arg(long, value_name = "ADDRESS")]
    pub host: Option<IpAddr>,
    /// Open the address in a browser ($BROWSER if set), through a page only you can read, so the token is on no command line.
    #[arg(long)]
    pub open: bool,
    /// The session record to list saved answers in (default: the next under sessions/, dated today or later, else the latest, as `session pack` takes it).
    #[arg(long, value_name = "FILE")]
    pub session: Option<PathBuf>,
}

/// Serves the workbook until stopped.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = ctx.root()?;
    let session = match &args.session {
        None => None,
        Some(path) => {
            let full = std::fs::canonicalize(ctx.dir.join(path)).map_err(|_| {
                usage(
                    format!("--session {}: no such file", path.display()),
                    "give a session record under sessions/, such as sessions/2026-12-03-access.toml",
                )
            })?;
            let real_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
            let rel = full.strip_prefix(&real_root).map_err(|_| {
                usage(
                    format!("--session {}: not in this workbook", path.display()),
                    "give a session record under the workbook's sessions/ folder",
                )
            })?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            let (sessions, _) = ctx.open()?.sessions();
            if !sessions.iter().any(|s| s.file == rel) {
                return Err(usage(
                    format!(
                        "--session {}: not a session record of this workbook",
                        path.display()
                    ),
                    "give a record under sessions/ that `covalue check` reads, such as one `covalue session new` wrote",
                ));
            }
            Some(rel)
        }
    };
    let options = crate::serve::Options {
        root,
        address: args.host.unwrap_or(IpAddr::from([127, 0, 0, 1])),
        host_given: args.host.is_some(),
        port: args.port,
        session,
        lang: ctx.lang,
    };
    let server = crate::serve::start(&options).map_err(|e| {
        let help = crate::diagnose::Diagnose::help(&e).unwrap_or_default();
        usage(crate::diagnose::message(&e), &help)
    })?;
    if let Some(host) = args.host.filter(|h| !h.is_loopback()) {
        ctx.shell.warn(format_args!(
            "listening on {host}, not only on this computer: anyone who can reach it and has the token can change the workbook"
        ));
    }
    let url = server.url();
    ctx.shell
        .say(format_args!("serving the workbook at {url}"))?;
    if args.host.is_some() {
        // A phone or a second laptop in the room joins by scanning it. Once
        // the address is out, a closed output (`covalue serve | head -1`)
        // does not stop the server: the code is printed as far as it can be.
        if let Some(code) = crate::serve::qr::terminal(&url) {
            let printed = code.lines().try_for_each(|line| ctx.shell.say(line));
            let _ = printed.and_then(|()| {
                ctx.shell.say(
                    "scan the code above to open the address, with its token, on another device",
                )
            });
        }
    }
    if let Some(file) = server.session() {
        ctx.shell
            .note(format_args!("saved answers are listed in {file}"));
    }
    ctx.shell
        .note("press Ctrl-C to stop; every save is already written");
    // The private page that opened the browser stays while serving.
    let _opened = match args.open {
        true => crate::serve::open_browser(&url, &ctx.shell),
        false => None,
    };
    server.run(&ctx.shell);
    Ok(Outcome::Success)
}
