//! `covalue init`: start a new workbook.

use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::fsutil::Created;
use crate::guide::{Guide, GuideError};
use crate::scaffold;

/// Arguments of `covalue init`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue init\n  covalue init ms-workbook --title \"MS care at Lakeside\" --organisation \"Lakeside Health\""
)]
pub struct Args {
    /// The folder to create the workbook in (default: the current folder).
    pub dir: Option<PathBuf>,
    /// The workbook's title.
    #[arg(long)]
    pub title: Option<String>,
    /// The site or health system.
    #[arg(long)]
    pub organisation: Option<String>,
    /// The language of printed and served pages: en, sv, he or es (command-line messages stay English).
    #[arg(long, value_name = "LANG", value_parser = crate::i18n::parse_arg)]
    pub language: Option<crate::i18n::Lang>,
}

/// Creates the workbook's files, leaving existing ones alone.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let dir = match &args.dir {
        Some(d) => ctx.dir.join(d),
        None => ctx.dir.clone(),
    };
    if dir.exists() && !dir.is_dir() {
        return Err(usage(
            format!("{} is a file, not a folder", dir.display()),
            "give init a folder (it is created when missing)",
        ));
    }
    std::fs::create_dir_all(&dir).map_err(file_error(
        format!("cannot create {}", dir.display()),
        "check the path and your permissions",
    ))?;
    let title = args.title.clone().unwrap_or_else(|| {
        let name = std::path::absolute(&dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().to_string()))
            .unwrap_or_default();
        scaffold::default_title(&name, args.language.unwrap_or_default())
    });
    let guide = Guide::builtin().map_err(GuideError)?;
    let created = scaffold::init(
        &dir,
        &title,
        args.organisation.as_deref(),
        args.language,
        &guide,
    )
    .map_err(file_error(
        format!("cannot write in {}", dir.display()),
        "check that you may write in this folder",
    ))?;
    report(&created, &dir, ctx)?;
    ctx.shell
        .say("\nNext: covalue new population SLUG --name \"Population name\"")?;
    Ok(Outcome::Success)
}

/// Prints what was created and what was left alone. The JSON Schemas left
/// alone are summed up in one line: they are covalue's files, not the team's.
pub fn report(created: &[Created], base: &std::path::Path, ctx: &Context) -> std::io::Result<()> {
    let schemas = base.join(crate::spec::SCHEMA_DIR);
    let is_schema_left_alone =
        |c: &Created| matches!(c, Created::LeftAlone(p) if p.starts_with(&schemas));
    let schemas_left_alone = created.iter().filter(|c| is_schema_left_alone(c)).count();
    let mut schemas_said = false;
    for c in created {
        match c {
            Created::Written(p) => ctx
                .shell
                .status("created", p.strip_prefix(base).unwrap_or(p).display())?,
            Created::LeftAlone(_) if schemas_left_alone > 1 && is_schema_left_alone(c) => {
                if !schemas_said {
                    schemas_said = true;
                    ctx.shell.status(
                        "left alone",
                        format_args!(
                            "{}/ ({schemas_left_alone} files already there)",
                            crate::spec::SCHEMA_DIR
                        ),
                    )?;
                }
            }
            Created::LeftAlone(p) => ctx.shell.status(
                "left alone",
                format_args!(
                    "{} (already there)",
                    p.strip_prefix(base).unwrap_or(p).display()
                ),
            )?,
        }
    }
    Ok(())
}
