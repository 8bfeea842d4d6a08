//! `covalue upgrade`: moves a workbook to the version of the guide it
//! answers. Reads every answer file of every population and `covalue.toml`,
//! refuses (writing nothing) when one holds merge-conflict markers or cannot
//! be read, then writes each changed file whole, inside the workbook, and
//! prints what it did file by file. `--dry-run` prints the same and writes
//! nothing.

use std::path::Path;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::confine::Jail;
use crate::guide::{Guide, GuideError};
use crate::source::Source;
use crate::upgrade::{self, Change, Text};
use crate::workbook::{CONFIG_FILE, Loader, conflict, layout};

/// Arguments of `covalue upgrade`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Refreshes the prompts an earlier version of the guide scaffolded, adds the questions the new version added, carries ids the guide lists as renamed, and updates a pinned guide = \"builtin@VERSION\". Typed answers are never changed or deleted; an answer whose question the guide dropped is kept and marked.\n\nExit codes: 0 done (or nothing to do); 1 done, but an answer was kept for a dropped question or a renamed id could not be carried (look at it); 2 refused (merge conflict, unreadable file or guide), nothing written. See docs/guide.md.\n\nExamples:\n  covalue upgrade --dry-run     # what would change, file by file; writes nothing\n  covalue upgrade               # do it\n  covalue -C my-workbook upgrade"
)]
pub struct Args {
    /// Print what would change, file by file, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// One file to write: its path in the workbook, its new text, what changed.
struct Planned {
    rel: String,
    text: String,
    changes: Vec<Change>,
}

/// Upgrades the workbook, or says what it would do.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = ctx.root()?;
    let loader = Loader::disk(&root);
    let mut read_findings = Vec::new();
    let config = loader.config(&mut read_findings);
    let jail = Jail::new(&root).map_err(file_error(
        format!("cannot open the workbook at {}", root.display()),
        "check the folder and your permissions",
    ))?;
    let config_text = read_text(&jail, &root, CONFIG_FILE)?;
    if let Some(f) = read_findings
        .iter()
        .find(|f| f.file.as_deref() == Some(CONFIG_FILE))
    {
        return Err(refusal(
            format!("{CONFIG_FILE} cannot be read: {}", f.message),
            "fix it (`covalue check` shows where), then run `covalue upgrade` again",
        ));
    }
    let builtin_pin = config.guide == "builtin" || config.guide.starts_with("builtin@");
    let guide = if builtin_pin {
        // In the workbook's language, as `covalue new` scaffolded it: a
        // Swedish workbook's headings and prompts are refreshed in Swedish.
        let builtin = Guide::builtin().map_err(GuideError)?;
        match config.lang().guide_tag().and_then(Guide::builtin_for) {
            Some(Ok(translated)) if translated.version == builtin.version => translated,
            _ => builtin,
        }
    } else {
        loader.guide(&config.guide).map_err(GuideError)?
    };

    let mut plan: Vec<Planned> = Vec::new();
    let mut slug_findings = Vec::new();
    let slugs = loader.population_slugs(&mut slug_findings)?;
    let sections: Vec<&crate::guide::Section> = guide.all_sections().collect();
    for slug in &slugs {
        for section in &sections {
            let rel = format!("{}/{}", layout::population_dir(slug), section.answer_file());
            // A step the population has no file for is left to `covalue new
            // population`, which writes what is missing.
            if !root.join(&rel).is_file() {
                continue;
            }
            let raw = read_text(&jail, &root, &rel)?;
            let text = Text::read(&raw);
            let (body, changes) = upgrade::answer_file(&text.body, section, &guide);
            if !changes.is_empty() {
                plan.push(Planned {
                    text: text.write(&body),
                    changes,
                    rel,
                });
            }
        }
    }
    if builtin_pin {
        let text = Text::read(&config_text);
        if let Some((body, change)) = upgrade::config(&text.body, &guide.version) {
            plan.push(Planned {
                rel: CONFIG_FILE.to_string(),
                text: text.write(&body),
                changes: vec![change],
            });
        }
    }

    print_plan(ctx, &plan)?;
    let attention = plan.iter().flat_map(|p| &p.changes).any(|c| c.attention);
    let summary = match (plan.len(), args.dry_run) {
        (0, _) => format!(
            "the workbook is at version {} of the guide: nothing to change",
            guide.version
        ),
        (n, true) => format!(
            "dry run: {n} file{} would change to version {} of the guide; nothing written",
            plural(n),
            guide.version
        ),
        (n, false) => format!(
            "upgraded {n} file{} to version {} of the guide",
            plural(n),
            guide.version
        ),
    };
    if !args.dry_run {
        for p in &plan {
            write(&root, &p.rel, &p.text).map_err(file_error(
                format!("cannot write {}", p.rel),
                "check the file and your permissions; files listed before it were written",
            ))?;
        }
    }
    ctx.shell.say(summary)?;
    Ok(if attention {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints each file with what changed in it.
fn print_plan(ctx: &Context, plan: &[Planned]) -> Result<(), Error> {
    let mut out = String::new();
    for p in plan {
        out.push_str(&p.rel);
        out.push('\n');
        for c in &p.changes {
            out.push_str(if c.attention { "  ! " } else { "  - " });
            out.push_str(&c.what);
            out.push('\n');
        }
    }
    ctx.shell.print(out)?;
    Ok(())
}

/// A workbook file's text, read inside the workbook; refused when it is
/// not UTF-8 or holds merge-conflict markers.
fn read_text(jail: &Jail, root: &Path, rel: &str) -> Result<String, Error> {
    let bytes = jail.read(&root.join(rel)).map_err(|e| {
        refusal(
            format!("{rel} cannot be read: {}", e.describe()),
            "fix or restore the file, then run `covalue upgrade` again; nothing was written",
        )
    })?;
    // The text as it is, byte order mark included (`Source` drops it).
    let raw = String::from_utf8(bytes.clone()).unwrap_or_default();
    let source = Source::from_bytes(bytes, rel).map_err(|e| {
        refusal(
            format!("{rel} cannot be read: {}", e.describe()),
            "save it as UTF-8 text, then run `covalue upgrade` again; nothing was written",
        )
    })?;
    if let Some(f) = conflict::findings(&source).first() {
        let at = f.line.map_or(String::new(), |l| format!(":{l}"));
        return Err(refusal(
            format!("{rel}{at} holds merge-conflict markers (<<<<<<<, =======, >>>>>>>)"),
            "resolve the conflict first (keep what is right, delete the markers), then run `covalue upgrade` again; nothing was written",
        ));
    }
    Ok(raw)
}

fn refusal(message: String, help: &str) -> Error {
    usage(format!("upgrade refused: {message}"), help)
}

/// Writes a file atomically, inside the workbook (through its jail).
fn write(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let target = Jail::new(root)?.write_path(&root.join(rel))?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::fsutil::write_atomic(&target, text.as_bytes())
}
