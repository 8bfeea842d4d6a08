//! How `covalue git-setup` makes git show workbook files by meaning (the
//! attributes, and one of two [`Mode`]s), and git's external diff driver for
//! workbook files: what it does when git calls it (`covalue diff
//! --git-driver`). The other mode, textconv, is in [`super::textconv`].
//!
//! git runs the driver once per changed file, with the file's path and its
//! old and new contents. The driver puts each side in a small workbook held
//! in memory (the working tree's `covalue.toml` and guide, plus that one
//! file; nothing is written to disk) and compares them with `covalue diff`'s
//! own comparison, so a process map shows steps moved and fields changed,
//! and an answer file the words that changed. Files outside a workbook get a
//! plain line diff.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use crate::diff::{self, Spec, text};
use crate::workbook::{self, CONFIG_FILE, Files, MemTree, layout};

/// The lines `git-setup` puts in the workbook's `.gitattributes`.
pub const ATTRIBUTES: &[&str] = &[
    "covalue.toml diff=covalue",
    "populations/**/*.toml diff=covalue",
    "populations/**/*.md diff=covalue",
];

/// The git setting that names the driver.
pub const DRIVER_KEY: &str = "diff.covalue.command";
/// The driver's command line.
pub const DRIVER_COMMAND: &str = "covalue diff --git-driver";
/// The git setting that names the textconv filter.
pub const TEXTCONV_KEY: &str = "diff.covalue.textconv";
/// The textconv filter's command line (git adds the file's path).
pub const TEXTCONV_COMMAND: &str = "covalue diff --git-textconv";

/// The git setting for the line git shows after `@@` in a hunk's header.
pub const FUNCNAME_KEY: &str = "diff.covalue.xfuncname";
/// That line: the nearest record heading (`[step diagnosis-visit]` in the
/// textconv rendering, `[[step]]` in a plain diff) or Markdown heading above
/// the change, instead of whatever line starts with a letter.
pub const FUNCNAME: &str = r"^(\[.+\]|#{1,6} .+)$";

/// How git is to show workbook files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Mode {
    /// git turns each file into lines of meaning and diffs those itself:
    /// honoured by `git diff`, `git log -p`, `git show`, `--word-diff`, and
    /// renames.
    #[default]
    Textconv,
    /// covalue prints its own comparison in place of `git diff`'s (steps
    /// moved, fields changed); `git log -p` needs `--ext-diff`.
    External,
}

impl Mode {
    /// The git setting this mode sets, and its command.
    pub fn setting(self) -> (&'static str, &'static str) {
        match self {
            Mode::Textconv => (TEXTCONV_KEY, TEXTCONV_COMMAND),
            Mode::External => (DRIVER_KEY, DRIVER_COMMAND),
        }
    }

    /// The other mode's setting, which is removed (git prefers an external
    /// diff to a textconv filter when both are set).
    pub fn other_key(self) -> &'static str {
        match self {
            Mode::Textconv => DRIVER_KEY,
            Mode::External => TEXTCONV_KEY,
        }
    }

    /// What `covalue git-setup --print` shows: the attribute lines for the
    /// `.gitattributes` at `attributes`, and the git commands of this mode.
    pub fn script(self, attributes: &Path) -> String {
        let mut text = format!("# {}\n", attributes.display());
        for line in ATTRIBUTES {
            text.push_str(line);
            text.push('\n');
        }
        let (key, command) = self.setting();
        text.push_str(&format!(
            "\ngit config {key} \"{command}\"\ngit config --unset {}\ngit config {FUNCNAME_KEY} '{FUNCNAME}'\n",
            self.other_key()
        ));
        text
    }

    /// Sets this mode in the git config of the repository holding `root`,
    /// removes the other mode's setting, and sets the hunk-header pattern.
    /// Ok(false) when git refuses the setting (outside a repository).
    pub fn configure(self, root: &Path) -> io::Result<bool> {
        let (key, command) = self.setting();
        let git = |args: &[&str]| crate::git::command(root).args(args).status();
        if !git(&["config", key, command])?.success() {
            return Ok(false);
        }
        // git prefers an external diff to a textconv filter: the other mode
        // goes (exit code 5 only says that it was not set). Hunk headers
        // name the record or heading a change is in; not worth stopping
        // for when git refuses.
        let _ = git(&["config", "--unset", self.other_key()]);
        let _ = git(&["config", FUNCNAME_KEY, FUNCNAME]);
        Ok(true)
    }
}

/// The commit message `git-setup` suggests for its `.gitattributes`.
pub const ATTRIBUTES_COMMIT_MESSAGE: &str = "Show workbook files by meaning in git diff";

/// Whether the `.gitattributes` at `path` differs from the last commit (new,
/// changed or not yet added), so that the next report would be marked
/// "+ uncommitted changes". False when git cannot tell.
pub fn attributes_uncommitted(root: &Path, path: &Path) -> bool {
    crate::git::command(root)
        .args(["status", "--porcelain", "--"])
        .arg(path)
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.is_empty())
}

/// Adds the [`ATTRIBUTES`] lines `.gitattributes` lacks at `path` (creating
/// it when missing); what the file had stays as it was. Returns how many
/// lines were added.
pub fn add_attributes(path: &Path) -> io::Result<usize> {
    let existing = std::fs::read_to_string(path).unwrap_or_default();
    let missing: Vec<&str> = ATTRIBUTES
        .iter()
        .copied()
        .filter(|l| !existing.lines().any(|e| e.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(0);
    }
    let mut text = existing.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if existing.is_empty() {
        text.push_str("# Show workbook files by meaning in `git diff` (covalue git-setup).\n");
    }
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    crate::fsutil::write_atomic(path, text.as_bytes())?;
    Ok(missing.len())
}

/// The arguments git gives an external diff driver: seven, or nine for a
/// rename or copy (the new path and a similarity line follow).
pub struct DriverArgs<'a> {
    path: &'a str,
    old: &'a str,
    new: &'a str,
    /// The file modes (`100644`, `100755`; `.` for a side that does not exist).
    modes: (&'a str, &'a str),
    /// The new path, for a rename or copy.
    new_path: Option<&'a str>,
}

impl<'a> DriverArgs<'a> {
    /// Reads `path old-file old-hex old-mode new-file new-hex new-mode`,
    /// followed by `new-path similarity` for a rename or copy.
    pub fn parse(args: &'a [String]) -> Option<DriverArgs<'a>> {
        match args {
            [path, old, _, old_mode, new, _, new_mode] => Some(DriverArgs {
                path,
                old,
                new,
                modes: (old_mode, new_mode),
                new_path: None,
            }),
            [path, old, _, old_mode, new, _, new_mode, new_path, _] => Some(DriverArgs {
                path,
                old,
                new,
                modes: (old_mode, new_mode),
                new_path: Some(new_path),
            }),
            _ => None,
        }
    }
}

/// One side of the change as git hands it over: a file git wrote (or
/// `/dev/null` for a side that does not exist). Read as a regular file of
/// bounded size; anything else counts as empty.
fn read_side(file: &str) -> Vec<u8> {
    if file == "/dev/null" {
        Vec::new()
    } else {
        crate::confine::read_regular_file(Path::new(file)).unwrap_or_default()
    }
}

/// A one-file workbook held in memory: the real workbook's settings and
/// guide, plus `rel` holding `bytes`. Nothing is written to disk, and the
/// workbook's own files are read only through its jail.
fn side(root: &Path, rel: &Path, bytes: Option<&[u8]>) -> MemTree {
    let disk = workbook::Disk::at(root);
    let mut tree = MemTree::new();
    let mut ignored = Vec::new();
    let config = workbook::Loader::disk(root).config(&mut ignored);
    if let Ok(text) = disk.read(&root.join(CONFIG_FILE)) {
        tree.insert(CONFIG_FILE, Arc::from(text));
    }
    if !config.guide.starts_with("builtin") {
        if let Ok(name) = crate::confine::relative_name(&config.guide) {
            if let Ok(text) = disk.read(&root.join(&name)) {
                tree.insert(&name.to_string_lossy(), Arc::from(text));
            }
        }
    }
    // The population folder is there on both sides, so only the file differs.
    if let Some(slug) = rel
        .strip_prefix(layout::POPULATIONS_DIR)
        .ok()
        .and_then(|r| r.components().next())
    {
        tree.insert_dir(&layout::population_dir(&slug.as_os_str().to_string_lossy()));
    }
    if let Some(bytes) = bytes {
        if rel != Path::new(CONFIG_FILE) {
            tree.insert(&rel.to_string_lossy(), Arc::from(bytes));
        }
    }
    tree
}

/// Runs as git's external diff driver for one file, started in `dir`:
/// writes the change to `out`, coloured when `color` says so.
pub fn drive(
    args: &DriverArgs<'_>,
    dir: &Path,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    // File names and contents are the repository's: shown, never obeyed.
    let mut out = crate::escape::Terminal(out);
    let (old, new) = (read_side(args.old), read_side(args.new));
    let new_path = args.new_path.unwrap_or(args.path);
    if new_path != args.path {
        writeln!(out, "renamed or copied: a/{} → b/{new_path}", args.path)?;
    }
    // A mode change (`chmod +x`) in git's own words; git prints no header
    // for an external diff.
    let (old_mode, new_mode) = args.modes;
    if old_mode != new_mode && old_mode != "." && new_mode != "." {
        writeln!(out, "{new_path}: old mode {old_mode}, new mode {new_mode}")?;
    }
    if old == new && (new_path != args.path || old_mode != new_mode) {
        return Ok(());
    }
    let full = dir.join(new_path);
    let root = full.parent().and_then(|p| workbook::discover(p).ok());
    let rel = root
        .as_ref()
        .and_then(|r| full.strip_prefix(r).ok().map(Path::to_path_buf));
    let semantic = matches!(&rel, Some(r) if r.starts_with(layout::POPULATIONS_DIR) || r == Path::new(CONFIG_FILE));
    if let (true, Some(root), Some(rel)) = (semantic, &root, &rel) {
        if rel != Path::new(CONFIG_FILE) {
            let a = side(
                root,
                rel,
                (args.old != "/dev/null").then_some(old.as_slice()),
            );
            let b = side(
                root,
                rel,
                (args.new != "/dev/null").then_some(new.as_slice()),
            );
            let specs = (
                Spec::Tree {
                    tree: Arc::new(a),
                    label: format!("a/{}", args.path),
                },
                Spec::Tree {
                    tree: Arc::new(b),
                    label: format!("b/{new_path}"),
                },
            );
            let report = diff::diff(&specs.0, &specs.1, &diff::Options::default())
                // A side that does not parse: the plain line diff shows what
                // the user is fixing.
                .ok()
                .filter(|r| {
                    r.findings.is_empty() && r.populations.iter().all(|p| p.findings.is_empty())
                });
            if let Some(mut report) = report {
                // A one-file workbook says nothing true about completeness.
                for p in &mut report.populations {
                    p.completeness = Default::default();
                }
                writeln!(out, "covalue diff {new_path}")?;
                let options = text::Options {
                    color,
                    working_tree_prefix: String::new(),
                    quiet: true,
                    page: Default::default(),
                };
                // The diff printer makes its own text safe and adds colour.
                return text::write(out.raw(), &report, &options);
            }
        }
    }
    // Anything else: a plain line diff.
    let (old, new) = (String::from_utf8_lossy(&old), String::from_utf8_lossy(&new));
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .header(&format!("a/{}", args.path), &format!("b/{new_path}"))
    )
}
