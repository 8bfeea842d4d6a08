//! The one place covalue talks to `git`: read-only questions about the
//! repository a workbook is kept in. When git is not installed or the folder
//! is not in a repository, the answers are simply absent.

use std::path::Path;
use std::process::{Command, Stdio};

/// The commit a workbook's files were taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The short hash of `HEAD`.
    pub short: String,
    /// Whether files of the workbook differ from that commit (changed,
    /// staged or new files; reports under `out/` do not count).
    pub dirty: bool,
}

impl Revision {
    /// How a report prints it, e.g. `commit 1a2b3c4 + uncommitted changes`.
    pub fn describe(&self) -> String {
        if self.dirty {
            format!("commit {} + uncommitted changes", self.short)
        } else {
            format!("commit {}", self.short)
        }
    }
}

/// Runs a read-only git command in `dir`; its standard output when it succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        // Never take locks or refresh the index: reading must not change anything.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The commit the workbook in `dir` is at, or None outside a repository,
/// before the first commit, or when git is not installed.
pub fn revision(dir: &Path) -> Option<Revision> {
    let short = git(dir, &["rev-parse", "--short", "HEAD"])?
        .trim()
        .to_string();
    if short.is_empty() {
        return None;
    }
    let status = git(
        dir,
        &[
            "status",
            "--porcelain",
            "--untracked-files=normal",
            "--",
            ".",
            ":(exclude)out",
        ],
    );
    Some(Revision {
        short,
        dirty: status.is_some_and(|s| !s.trim().is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_outside_any_repository_has_no_revision() {
        let dir = std::env::temp_dir().join(format!("covalue-git-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // The system temp folder is not in a repository on any sane machine.
        if git(&dir, &["rev-parse", "--git-dir"]).is_none() {
            assert_eq!(revision(&dir), None);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_revision_says_when_it_has_changes() {
        let clean = Revision {
            short: "1a2b3c4".into(),
            dirty: false,
        };
        assert_eq!(clean.describe(), "commit 1a2b3c4");
        let dirty = Revision {
            dirty: true,
            ..clean
        };
        assert_eq!(dirty.describe(), "commit 1a2b3c4 + uncommitted changes");
    }
}
