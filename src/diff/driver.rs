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

/// The lines `git-setup` puts in the workbook's `.gitattributes`: every
/// TOML and Markdown file the workbook holds is shown by meaning in `git
/// diff` and merged by meaning ([`crate::merge`]).
pub const ATTRIBUTES: &[&str] = &[
    "covalue.toml diff=covalue merge=covalue",
    "populations/**/*.toml diff=covalue merge=covalue",
    "populations/**/*.md diff=covalue merge=covalue",
    "sessions/*.toml diff=covalue merge=covalue",
];

/// What an earlier `git-setup` wrote: replaced in place by the line that
/// also names the merge driver.
const OLD_SUFFIX: &str = " diff=covalue";
/// What the new lines add to the old ones.
const MERGE_SUFFIX: &str = " merge=covalue";

/// The git setting that names the driver.
pub const DRIVER_KEY: &str = "diff.covalue.command";
/// The driver's arguments after the program.
const DRIVER_ARGS: &str = "diff --git-driver";
/// The git setting that names the textconv filter.
pub const TEXTCONV_KEY: &str = "diff.covalue.textconv";
/// The textconv filter's arguments after the program (git adds the file's path).
const TEXTCONV_ARGS: &str = "diff --git-textconv";
/// The git setting that names the merge driver, and the one that describes it.
pub const MERGE_KEY: &str = "merge.covalue.driver";
/// The git setting that describes the merge driver.
pub const MERGE_NAME_KEY: &str = "merge.covalue.name";
/// That description.
pub const MERGE_NAME: &str = "covalue: workbook files by record, field and answer";

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

/// `text` in single quotes for a POSIX shell.
fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The program the git settings call: this covalue's absolute path (with
/// forward slashes, which git-bash on Windows reads too), when it is known.
pub fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let text = exe.to_str()?.replace('\\', "/");
    // The `\\?\` prefix Windows gives canonical paths means nothing to sh.
    Some(text.strip_prefix("//?/").unwrap_or(&text).to_string())
}

/// A command for a git setting that runs covalue with `args` when it can
/// be run, and does `otherwise` when it cannot: `program` when it is still
/// there, else `covalue` on the PATH, else git's own behaviour. git runs
/// the setting through `sh` (git-bash's on Windows); `name` is `$0`.
fn wrapper(program: Option<&str>, name: &str, args: &str, otherwise: &str) -> String {
    let find = match program {
        Some(p) => format!(
            "c={}; [ -x \"$c\" ] || c=$(command -v covalue) || c=; ",
            // Double quotes read more easily in `git config -l`, where
            // nothing in the path is special to them.
            match p.contains(['"', '$', '`', '\\', '\'']) {
                true => sh_quote(p),
                false => format!("\"{p}\""),
            }
        ),
        None => "c=$(command -v covalue) || c=; ".to_string(),
    };
    let script = format!("{find}if [ -n \"$c\" ]; then exec \"$c\" {args}; fi; {otherwise}");
    format!("sh -c {} {name}", sh_quote(&script))
}

/// The textconv filter's command: covalue's rendering, or the file as it
/// is (git's own diff) when covalue cannot be run.
pub fn textconv_command(program: Option<&str>) -> String {
    wrapper(
        program,
        "covalue-textconv",
        &format!("{TEXTCONV_ARGS} \"$1\""),
        "exec cat -- \"$1\"",
    )
}

/// The external diff's command: covalue's comparison, or git's own line
/// diff of the two files when covalue cannot be run (exit 0 either way,
/// which git needs to go on).
pub fn driver_command(program: Option<&str>) -> String {
    wrapper(
        program,
        "covalue-diff",
        &format!("{DRIVER_ARGS} \"$@\""),
        "git diff --no-index --no-ext-diff --no-textconv -- \"$2\" \"$5\"; exit 0",
    )
}

/// The merge driver's command (git fills in `%O %A %B %L %P %S %X %Y`):
/// covalue's merge by meaning, or git's own line merge when covalue cannot
/// be run.
pub fn merge_command(program: Option<&str>) -> String {
    wrapper(
        program,
        "covalue-merge",
        "merge-driver \"$@\"",
        "exec git merge-file --marker-size=\"$4\" -L \"$7\" -L \"$6\" -L \"$8\" \"$2\" \"$1\" \"$3\"",
    ) + " %O %A %B %L %P %S %X %Y"
}

impl Mode {
    /// The git setting this mode sets, and its command, calling `program`.
    pub fn setting(self, program: Option<&str>) -> (&'static str, String) {
        match self {
            Mode::Textconv => (TEXTCONV_KEY, textconv_command(program)),
            Mode::External => (DRIVER_KEY, driver_command(program)),
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

    /// What `covalue git-setup --print` shows: the attribute `lines` for the
    /// `.gitattributes` at `attributes`, and the git commands of this mode,
    /// calling `program`.
    pub fn script(self, attributes: &Path, lines: &[String], program: Option<&str>) -> String {
        let mut text = format!("# {}\n", attributes.display());
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
        let (key, command) = self.setting(program);
        text.push_str(&format!(
            "\ngit config {key} {}\ngit config --unset {}\ngit config {FUNCNAME_KEY} '{FUNCNAME}'\ngit config {MERGE_NAME_KEY} {}\ngit config {MERGE_KEY} {}\n",
            sh_quote(&command),
            self.other_key(),
            sh_quote(MERGE_NAME),
            sh_quote(&merge_command(program)),
        ));
        text
    }

    /// Sets this mode and the merge driver in the git config of the
    /// repository holding `root`, calling `program`; removes the other
    /// mode's setting, and sets the hunk-header pattern. Ok(false) when git
    /// refuses the setting (outside a repository).
    pub fn configure(self, root: &Path, program: Option<&str>) -> io::Result<bool> {
        let (key, command) = self.setting(program);
        let git = |args: &[&str]| crate::git::command(root).args(args).status();
        if !git(&["config", key, &command])?.success() {
            return Ok(false);
        }
        if !git(&["config", MERGE_KEY, &merge_command(program)])?.success() {
            return Ok(false);
        }
        // git prefers an external diff to a textconv filter: the other mode
        // goes (exit code 5 only says that it was not set). Hunk headers
        // name the record or heading a change is in; not worth stopping
        // for when git refuses.
        let _ = git(&["config", "--unset", self.other_key()]);
        let _ = git(&["config", FUNCNAME_KEY, FUNCNAME]);
        let _ = git(&["config", MERGE_NAME_KEY, MERGE_NAME]);
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

/// The attribute lines for the workbook at `root`: [`ATTRIBUTES`], and a
/// line for the site's own guide when `covalue.toml` names one (only a
/// plain relative name, which git reads as it is: letters, digits, `.`,
/// `_`, `-` and `/`; the guide is the site's, so a name that would need
/// quoting is left out rather than guessed at).
pub fn attribute_lines(root: &Path) -> Vec<String> {
    let mut lines: Vec<String> = ATTRIBUTES.iter().map(|l| l.to_string()).collect();
    let mut ignored = Vec::new();
    let guide = workbook::Loader::disk(root).config(&mut ignored).guide;
    let plain = |name: &str| {
        name.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'))
    };
    if !guide.starts_with("builtin") {
        if let Ok(name) = crate::confine::relative_name(&guide) {
            let name = name.to_string_lossy().replace('\\', "/");
            if plain(&name) && !name.starts_with('-') {
                lines.push(format!("/{name} diff=covalue merge=covalue"));
            }
        }
    }
    lines
}

/// Adds the attribute `lines` `.gitattributes` lacks at `path` (creating
/// it when missing); a line an earlier `git-setup` wrote without the merge
/// driver is completed where it stands, and everything else stays as it
/// was. Returns how many lines were added or completed.
pub fn add_attributes(path: &Path, lines: &[String]) -> io::Result<usize> {
    let existing = std::fs::read_to_string(path).unwrap_or_default();
    let mut text = String::with_capacity(existing.len() + 200);
    let mut changed = 0;
    for line in existing.split_inclusive('\n') {
        let bare = line.trim();
        let completed = ATTRIBUTES.iter().find(|new| {
            new.strip_suffix(MERGE_SUFFIX)
                .is_some_and(|old| old == bare && old.ends_with(OLD_SUFFIX))
        });
        match completed {
            Some(new) => {
                let end = &line[line.trim_end().len()..];
                text.push_str(&line[..line.len() - line.trim_start().len()]);
                text.push_str(new);
                text.push_str(end);
                changed += 1;
            }
            None => text.push_str(line),
        }
    }
    let missing: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !text.lines().any(|e| e.trim() == *l))
        .collect();
    if missing.is_empty() && changed == 0 {
        return Ok(0);
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if existing.is_empty() {
        text.push_str(
            "# Show workbook files by meaning in `git diff`, and merge them by meaning (covalue git-setup).\n",
        );
    }
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    crate::fsutil::write_atomic(path, text.as_bytes())?;
    Ok(missing.len() + changed)
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
                    catalogue: None,
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
