//! `covalue schema`: JSON Schema for every structured file of a workbook,
//! made from the same definitions `covalue check` validates with.

use std::path::{Path, PathBuf};

use crate::cmd::{Context, Error, Outcome, file_error};
use crate::guide::Guide;
use crate::spec;

/// Arguments of `covalue schema`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue schema                     # all schemas as one JSON document\n  covalue schema --output schemas    # one file per schema"
)]
pub struct Args {
    /// Write one file per schema into this folder (created when missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Writes the schemas into `dir`, replacing earlier versions written by covalue.
pub fn write_schemas(dir: &Path, guide: &Guide) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, text) in spec::schema_files(guide) {
        let path = dir.join(name);
        crate::fsutil::write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Prints or writes the schemas of the workbook's guide (the built-in one outside a workbook).
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let guide = crate::cmd::guide::current_guide(ctx)?;
    match &args.output {
        Some(dir) => {
            let dir = ctx.dir.join(dir);
            let written = write_schemas(&dir, &guide).map_err(file_error(
                format!("cannot write the schemas into {}", dir.display()),
                "check the folder and your permissions",
            ))?;
            for path in written {
                ctx.shell.status("wrote", path.display())?;
            }
        }
        None => {
            // The workbook's schemas, then a network folder's.
            let all: serde_json::Map<String, serde_json::Value> = spec::schema_files(&guide)
                .into_iter()
                .chain(spec::network_schema_files())
                .map(|(name, text)| {
                    (
                        name.to_string(),
                        serde_json::from_str(&text).unwrap_or_default(),
                    )
                })
                .collect();
            let json = serde_json::Value::Object(all);
            ctx.shell.print(format!("{json:#}\n"))?;
        }
    }
    Ok(Outcome::Success)
}
