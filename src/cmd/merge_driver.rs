//! `covalue merge-driver`: git's merge driver for workbook files, set up by
//! `covalue git-setup` (`merge.covalue.driver`). git calls it with the three
//! versions of a file both sides changed; the merge is [`crate::merge`].

use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome, file_error};
use crate::merge::{self, How, Labels};

/// Arguments of `covalue merge-driver`, in the order of git's placeholders:
/// `%O %A %B %L %P %S %X %Y`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "git runs it (after `covalue git-setup`) when both sides of a merge, rebase or \
cherry-pick changed one workbook file. It merges TOML records by id and field, and Markdown \
answers by question id and persona part; where both sides changed one field or answer, that \
part alone gets conflict markers, which `covalue check` reports. The result replaces OURS. \
Exit 0: merged cleanly; 1: conflicts left.\n\n\
Examples:\n  git config merge.covalue.driver \"covalue merge-driver %O %A %B %L %P %S %X %Y\"\n  \
covalue merge-driver base.toml ours.toml theirs.toml 7 populations/ms/process-map.toml"
)]
pub struct Args {
    /// The common ancestor's version (git's %O).
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Our version (%A); the result is written here.
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Their version (%B).
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// The length of conflict markers (%L).
    #[arg(value_name = "MARKER-SIZE")]
    pub marker_size: Option<String>,
    /// The file's path in the repository (%P), which says how to read it.
    #[arg(value_name = "PATH")]
    pub path: Option<String>,
    /// The names of the base, ours and theirs in conflict markers (%S %X %Y).
    #[arg(value_name = "LABEL", num_args = 0..=3)]
    pub labels: Vec<String>,
}

/// Merges the three versions into OURS: exit 0 when clean, 1 with conflicts.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let mut labels = Labels::default();
    // An old git leaves a placeholder it does not know as it is.
    let given = |s: &String| !s.is_empty() && !s.starts_with('%');
    if let Some(n) = args.marker_size.as_deref().and_then(|s| s.parse().ok()) {
        labels.marker_size = usize::clamp(n, 7, 64);
    }
    let path = args.path.clone().filter(given).unwrap_or_default();
    for (slot, label) in [&mut labels.base, &mut labels.ours, &mut labels.theirs]
        .into_iter()
        .zip(&args.labels)
    {
        if given(label) {
            *slot = label.clone();
        }
    }
    let at = |p: &PathBuf| {
        if p.is_absolute() {
            p.clone()
        } else {
            ctx.dir.join(p)
        }
    };
    let merged = merge::merge(
        &at(&args.base),
        &at(&args.ours),
        &at(&args.theirs),
        &path,
        &labels,
    )
    .map_err(file_error(
        format!("cannot merge {path}"),
        "merge the file by hand; git keeps both versions (`git checkout --ours` / `--theirs`)",
    ))?;
    if merged.conflicts > 0 {
        let how = match merged.how {
            How::ByMeaning => "in the fields or answers both sides changed",
            How::ByLines => "by lines, as the file could not be read by meaning",
        };
        ctx.shell.warn(format_args!(
            "{}: {} conflict(s) left {how}; `covalue check` shows where",
            crate::escape::terminal(&path),
            merged.conflicts
        ));
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Success)
}
