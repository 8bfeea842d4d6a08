//! git's merge driver for workbook files (`covalue merge-driver`, set up by
//! `covalue git-setup`): two people's changes to one file are merged by
//! meaning instead of by lines. A TOML file is merged record by record (by
//! `id`) and field by field ([`toml`]), a Markdown file answer by answer (by
//! question id) and persona part by persona part ([`markdown`]); the merge
//! itself is in [`tree`]. Where both sides changed one field or one answer,
//! that field or answer alone is merged by lines, and what still meets is
//! left between conflict markers, which `check` reports (CV045) at their line.
//!
//! The three files are git's temporary copies; each is read as a regular
//! file of bounded size, and only the ours-file is written. A file that is
//! not UTF-8, is too large, or does not parse on any side is merged by
//! git's own line merge (`git merge-file`), so no side is ever lost.

pub mod markdown;
pub mod toml;
pub mod tree;

use std::io;
use std::path::Path;
use std::process::Stdio;

use tree::{LeafMerge, Part};

/// The names git gives the three versions in conflict markers, and the
/// markers' length.
#[derive(Debug, Clone)]
pub struct Labels {
    /// The common ancestor's name (`%S`).
    pub base: String,
    /// Our side's name (`%X`, such as `HEAD`).
    pub ours: String,
    /// Their side's name (`%Y`, such as the branch merged in).
    pub theirs: String,
    /// How many characters a marker has (`%L`, 7 unless a
    /// `conflict-marker-size` attribute says otherwise).
    pub marker_size: usize,
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            base: "base".into(),
            ours: "ours".into(),
            theirs: "theirs".into(),
            marker_size: 7,
        }
    }
}

/// How the file was merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// By meaning: records and fields, answers and persona parts.
    ByMeaning,
    /// By lines, with `git merge-file` (the file is not one covalue can read
    /// on every side).
    ByLines,
}

/// What a merge did: how, and how many conflicts it left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    /// How the file was merged.
    pub how: How,
    /// The number of conflicts left in the file (0: clean).
    pub conflicts: usize,
}

/// The kind of workbook file, from the name git gives (`%P`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Toml,
    Markdown,
    Other,
}

fn kind(path: &str) -> Kind {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".toml") {
        Kind::Toml
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Kind::Markdown
    } else {
        Kind::Other
    }
}

/// Merges git's three versions of the file named `path`: `base`, `ours` and
/// `theirs` are the temporary files git hands over; the result replaces
/// `ours`. Err only when neither covalue nor `git merge-file` could write
/// a result.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: &str,
    labels: &Labels,
) -> io::Result<Merged> {
    if let Some((text, conflicts)) = by_meaning(base, ours, theirs, path, labels) {
        crate::fsutil::write_atomic(ours, text.as_bytes())?;
        return Ok(Merged {
            how: How::ByMeaning,
            conflicts,
        });
    }
    let conflicts = git_merge_file(base, ours, theirs, labels, false)?.1;
    Ok(Merged {
        how: How::ByLines,
        conflicts,
    })
}

/// The merge by meaning and its number of conflicts; None when the file
/// is not one covalue merges by meaning.
fn by_meaning(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: &str,
    labels: &Labels,
) -> Option<(String, usize)> {
    let kind = kind(path);
    if kind == Kind::Other {
        return None;
    }
    let read = |p: &Path| -> Option<String> {
        let bytes = crate::confine::read_regular_file(p).ok()?;
        String::from_utf8(bytes).ok()
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let cut = |text: &str| -> Option<Vec<Part>> {
        let parts = match kind {
            Kind::Toml => toml::parts(text).ok()?,
            Kind::Markdown => markdown::parts(text),
            Kind::Other => return None,
        };
        // Never lose a byte: the parts must put the file back together.
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        (joined == text).then_some(parts)
    };
    let (bp, op, tp) = (cut(&b)?, cut(&o)?, cut(&t)?);
    if [&bp, &op, &tp].iter().any(|parts| too_many(parts)) {
        return None;
    }
    let leaf = LineMerge {
        labels,
        toml: kind == Kind::Toml,
        merged: std::cell::Cell::new(0),
    };
    let (text, conflicts) = tree::merge_file(&bp, &op, &tp, &leaf);
    // A clean TOML merge must still be TOML (two fields that only make
    // sense apart); if not, git's line merge shows the user both sides.
    if conflicts == 0 && kind == Kind::Toml && text.parse::<::toml::Table>().is_err() {
        return None;
    }
    Some((text, conflicts))
}

/// The most parts one level of a file may have (a process map has tens of
/// steps): a file with more is merged by lines, which bounds the work a
/// hostile file makes.
pub(crate) const MAX_PARTS: usize = 10_000;

/// Whether `parts`, or the parts of any one of them, are more than
/// [`MAX_PARTS`].
fn too_many(parts: &[Part]) -> bool {
    parts.len() > MAX_PARTS || parts.iter().any(|p| too_many(&p.children))
}

/// The most fields or answers merged by lines (one `git merge-file` each);
/// past them, a value both sides changed is left as one conflict.
const MAX_LINE_MERGES: usize = 100;

/// Merges one field or answer by lines, with `git merge-file`.
struct LineMerge<'a> {
    labels: &'a Labels,
    /// Whether the file is TOML, where a list of values is merged by value.
    toml: bool,
    /// How many values were merged by lines so far.
    merged: std::cell::Cell<usize>,
}

impl LeafMerge for LineMerge<'_> {
    fn merge(&self, base: &str, ours: &str, theirs: &str) -> (String, usize) {
        if let Some(list) = self
            .toml
            .then(|| toml::merge_list(base, ours, theirs))
            .flatten()
        {
            return (list, 0);
        }
        self.merged.set(self.merged.get() + 1);
        if self.merged.get() > MAX_LINE_MERGES {
            return (self.conflict(ours, theirs), 1);
        }
        merge_texts(base, ours, theirs, self.labels)
            .unwrap_or_else(|_| (self.conflict(ours, theirs), 1))
    }

    fn conflict(&self, ours: &str, theirs: &str) -> String {
        let crlf = ours.contains("\r\n") || theirs.contains("\r\n");
        let nl = if crlf { "\r\n" } else { "\n" };
        let marker = |c: char| c.to_string().repeat(self.labels.marker_size);
        let mut text = format!("{} {}{nl}", marker('<'), self.labels.ours);
        for side in [ours, theirs] {
            text.push_str(side);
            if !side.is_empty() && !side.ends_with('\n') {
                text.push_str(nl);
            }
            if side == ours {
                text.push_str(&marker('='));
                text.push_str(nl);
            }
        }
        text.push_str(&format!("{} {}{nl}", marker('>'), self.labels.theirs));
        text
    }
}

/// Three texts merged by `git merge-file`, through temporary files.
fn merge_texts(
    base: &str,
    ours: &str,
    theirs: &str,
    labels: &Labels,
) -> io::Result<(String, usize)> {
    let dir = tempfile::tempdir()?;
    let (b, o, t) = (
        dir.path().join("base"),
        dir.path().join("ours"),
        dir.path().join("theirs"),
    );
    std::fs::write(&b, base)?;
    std::fs::write(&o, ours)?;
    std::fs::write(&t, theirs)?;
    let (bytes, conflicts) = git_merge_file(&b, &o, &t, labels, true)?;
    let text =
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok((text, conflicts))
}

/// `git merge-file` on three files: with `print`, the result is returned;
/// without, it replaces `ours`. Returns the result printed and the number
/// of conflicts.
fn git_merge_file(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    labels: &Labels,
    print: bool,
) -> io::Result<(Vec<u8>, usize)> {
    let dir = ours.parent().unwrap_or(Path::new("."));
    let mut cmd = crate::git::command(dir);
    cmd.arg("merge-file")
        .arg(format!("--marker-size={}", labels.marker_size))
        .args(["-L", &labels.ours, "-L", &labels.base, "-L", &labels.theirs]);
    if print {
        cmd.arg("-p");
    }
    let out = cmd
        .arg("--")
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .stderr(Stdio::null())
        .output()?;
    // git merge-file exits with the number of conflicts, or a negative
    // number (255 and so on) when it fails.
    match out.status.code() {
        Some(n @ 0..=127) => Ok((out.stdout, usize::try_from(n).unwrap_or(1))),
        _ => Err(io::Error::other("git merge-file failed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Markers;
    impl LeafMerge for Markers {
        fn merge(&self, _: &str, ours: &str, theirs: &str) -> (String, usize) {
            (self.conflict(ours, theirs), 1)
        }
        fn conflict(&self, ours: &str, theirs: &str) -> String {
            format!("<<<\n{ours}===\n{theirs}>>>\n")
        }
    }

    fn merged(base: &str, ours: &str, theirs: &str) -> (String, usize) {
        let cut = |t: &str| toml::parts(t).unwrap_or_default();
        tree::merge_file(&cut(base), &cut(ours), &cut(theirs), &Markers)
    }

    const BASE: &str = "# c\n[[step]]\nid = \"a\"\ntitle = \"A\"\nactors = [\"x\"]\n\n[[step]]\nid = \"b\"\ntitle = \"B\"\n";

    #[test]
    fn different_fields_of_one_record_merge_cleanly() {
        let ours = BASE.replace("title = \"A\"", "title = \"A2\"");
        let theirs = BASE.replace("actors = [\"x\"]", "actors = [\"x\", \"y\"]");
        let (text, n) = merged(BASE, &ours, &theirs);
        assert_eq!(n, 0);
        assert_eq!(
            text,
            BASE.replace("title = \"A\"", "title = \"A2\"")
                .replace("actors = [\"x\"]", "actors = [\"x\", \"y\"]")
        );
    }

    #[test]
    fn records_added_at_the_end_by_both_are_kept_in_one_order() {
        let ours = format!("{BASE}\n[[step]]\nid = \"z\"\n");
        let theirs = format!("{BASE}\n[[step]]\nid = \"c\"\n");
        let (one, n) = merged(BASE, &ours, &theirs);
        let (other, m) = merged(BASE, &theirs, &ours);
        assert_eq!((n, m), (0, 0));
        assert_eq!(one, other);
        assert_eq!(
            one,
            format!("{BASE}\n[[step]]\nid = \"c\"\n\n[[step]]\nid = \"z\"\n")
        );
    }

    #[test]
    fn a_record_deleted_on_one_side_and_changed_on_the_other_is_one_conflict() {
        let ours = BASE.replace("\n[[step]]\nid = \"b\"\ntitle = \"B\"\n", "");
        let theirs = BASE.replace("title = \"B\"", "title = \"B2\"");
        let (text, n) = merged(BASE, &ours, &theirs);
        assert_eq!(n, 1);
        assert_eq!(
            text,
            format!("{ours}<<<\n===\n\n[[step]]\nid = \"b\"\ntitle = \"B2\"\n>>>\n")
        );
        // Deleted on one side, untouched on the other: gone.
        let (text, n) = merged(BASE, &ours, BASE);
        assert_eq!((text.as_str(), n), (ours.as_str(), 0));
    }

    #[test]
    fn one_field_changed_by_both_is_the_only_conflict() {
        let ours = BASE.replace("title = \"B\"", "title = \"B1\"");
        let theirs = BASE
            .replace("title = \"B\"", "title = \"B2\"")
            .replace("title = \"A\"", "title = \"A2\"");
        let (text, n) = merged(BASE, &ours, &theirs);
        assert_eq!(n, 1);
        assert!(text.contains("title = \"A2\"\n"), "{text}");
        assert!(
            text.ends_with("id = \"b\"\n<<<\ntitle = \"B1\"\n===\ntitle = \"B2\"\n>>>\n"),
            "{text}"
        );
    }

    /// `text` with a few lines changed, dropped or doubled, chosen by `seed`.
    fn mutated(text: &str, mut seed: u64) -> String {
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
        for _ in 0..3 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let Some(at) = usize::try_from(seed >> 33)
                .ok()
                .map(|n| n % lines.len().max(1))
            else {
                continue;
            };
            match (seed >> 20) % 4 {
                _ if lines.is_empty() => {}
                0 => {
                    lines.remove(at);
                }
                1 => {
                    let line = lines[at].clone();
                    lines.insert(at, line);
                }
                2 => lines[at] = format!("# note {seed}\n"),
                _ => lines[at] = lines[at].replace('e', "E"),
            }
        }
        lines.concat()
    }

    #[test]
    fn one_sided_changes_come_through_as_they_are_and_nothing_panics() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/lakeside-ms/populations/ms");
        let mut files = vec![
            examples.join("process-map.toml"),
            examples.join("improvements.toml"),
            examples.join("answers/access.md"),
            examples.join("personas/asa.md"),
        ];
        files.retain(|f| f.is_file());
        assert_eq!(files.len(), 4);
        for file in files {
            let base = std::fs::read_to_string(&file).unwrap_or_default();
            let is_toml = file.extension().is_some_and(|e| e == "toml");
            let cut = |t: &str| -> Option<Vec<Part>> {
                match is_toml {
                    true => toml::parts(t).ok(),
                    false => Some(markdown::parts(t)),
                }
            };
            for seed in 0..50u64 {
                let ours = mutated(&base, seed);
                let theirs = mutated(&base, seed + 1000);
                let (Some(b), Some(o), Some(t)) = (cut(&base), cut(&ours), cut(&theirs)) else {
                    continue;
                };
                assert_eq!(tree::merge_file(&b, &o, &b, &Markers).0, ours, "{seed}");
                assert_eq!(tree::merge_file(&b, &b, &t, &Markers).0, theirs, "{seed}");
                assert_eq!(tree::merge_file(&b, &o, &o, &Markers).0, ours, "{seed}");
                // Both sides at once: no panic, and every line either side
                // added is there.
                let (both, _) = tree::merge_file(&b, &o, &t, &Markers);
                for side in [&ours, &theirs] {
                    for line in side.lines().filter(|l| l.starts_with("# note")) {
                        assert!(both.contains(line), "{seed}: {line}");
                    }
                }
            }
        }
    }
}
