//! The one place that talks to `git`: finding the repository a workbook is
//! in, resolving revisions, listing a revision's files and reading their
//! contents. Read-only: nothing is checked out, and the working tree and the
//! index are never touched. Every git command is built by [`command`], which
//! turns off what a repository could make git run.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

/// Where hooks are looked for: nowhere.
const NO_HOOKS: &str = if cfg!(windows) { "NUL" } else { "/dev/null" };

/// Every git command covalue runs, in `dir`. A workbook is someone else's
/// files, so git must only read it, and never run a program that the
/// repository names:
///
/// - `core.hooksPath` points nowhere and `core.fsmonitor` is off: a
///   repository's config can name programs for both, and `git status` runs
///   the fsmonitor one;
/// - `core.untrackedCache` is off and `GIT_OPTIONAL_LOCKS=0`: reading never
///   rewrites the index or takes its lock;
/// - `protocol.allow=never` and `GIT_NO_LAZY_FETCH=1`: covalue never needs
///   the network, and a partial clone must not fetch (or start a transport
///   program) to read a missing object;
/// - `safe.bareRepository=explicit`: a bare repository committed inside a
///   workbook (its `HEAD`, `config` and `objects/` as plain files) is not
///   taken for the workbook's repository, with its config;
/// - no prompt for credentials, and no input.
///
/// The user's own configuration (system and global files, `safe.directory`,
/// `core.quotePath`, object storage settings) is kept: it is theirs, and git
/// may need it to read the repository at all.
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args(["-c", &format!("core.hooksPath={NO_HOOKS}")])
        .args(["-c", "core.fsmonitor=false"])
        .args(["-c", "core.untrackedCache=false"])
        .args(["-c", "protocol.allow=never"])
        .args(["-c", "safe.bareRepository=explicit"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null());
    cmd
}

/// Why git could not give what was asked.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The `git` command is not installed (or not on the PATH).
    #[error("git is not installed, so revisions cannot be read")]
    NotInstalled,
    /// The folder is not inside a git repository.
    #[error("{} is not in a git repository{}", dir.display(), says(detail))]
    NotARepository {
        /// The folder.
        dir: PathBuf,
        /// What git said.
        detail: String,
    },
    /// The revision names no commit.
    #[error("`{rev}` is not a revision of this repository")]
    UnknownRevision {
        /// The revision as given.
        rev: String,
    },
    /// git failed for another reason.
    #[error("git could not {what}: {detail}")]
    Failed {
        /// What covalue asked git to do.
        what: String,
        /// What git said.
        detail: String,
    },
}

/// " (git says: …)", when git said something.
fn says(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" (git says: {detail})")
    }
}

impl crate::diagnose::Diagnose for GitError {
    fn help(&self) -> Option<String> {
        Some(match self {
            GitError::NotInstalled => {
                "install git (https://git-scm.com), or compare two folders: `covalue diff OLD-FOLDER NEW-FOLDER`".into()
            }
            GitError::NotARepository { .. } => {
                "keep the workbook in git (`git init`, then `git add .` and `git commit`), or compare two folders: `covalue diff OLD-FOLDER NEW-FOLDER`".into()
            }
            GitError::UnknownRevision { .. } => {
                "name a tag, a branch or a commit: `git tag` lists the tags (such as session-3), `git log --oneline` the commits".into()
            }
            GitError::Failed { .. } => "run the same git command yourself to see what is wrong".into(),
        })
    }
}

/// What a tree entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A file.
    File,
    /// A symbolic link (its blob holds where it points).
    Link,
    /// A submodule (a commit of another repository).
    Submodule,
    /// A folder (only in listings that do not recurse).
    Tree,
}

/// One file of a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeEntry {
    /// The path, relative to the workbook, with `/` separators.
    pub path: String,
    /// What it is.
    pub kind: EntryKind,
    /// The object id of its content.
    pub oid: String,
}

/// A git repository holding a workbook.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The folder git commands run in (the workbook's root).
    dir: PathBuf,
    /// The workbook's folder relative to the top of the repository: empty, or
    /// ending in `/`.
    prefix: String,
}

/// The first line of what git wrote on stderr.
fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string()
}

fn spawn_error(err: io::Error, what: &str) -> GitError {
    if err.kind() == io::ErrorKind::NotFound {
        GitError::NotInstalled
    } else {
        GitError::Failed {
            what: what.to_string(),
            detail: err.to_string(),
        }
    }
}

impl Repo {
    /// A git command run in the workbook's folder, read-only.
    fn command(&self) -> Command {
        let mut cmd = command(&self.dir);
        // Paths are paths, not patterns.
        cmd.env("GIT_LITERAL_PATHSPECS", "1");
        cmd
    }

    /// Runs git and returns its standard output.
    fn output(&self, args: &[&str], what: &str) -> Result<Vec<u8>, (GitError, Vec<u8>)> {
        let out = self
            .command()
            .args(args)
            .output()
            .map_err(|e| (spawn_error(e, what), Vec::new()))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            let detail = first_line(&out.stderr);
            Err((
                GitError::Failed {
                    what: what.to_string(),
                    detail,
                },
                out.stderr,
            ))
        }
    }

    /// The repository holding the folder `dir` (a workbook's root).
    pub fn open(dir: &Path) -> Result<Repo, GitError> {
        let mut repo = Repo {
            dir: dir.to_path_buf(),
            prefix: String::new(),
        };
        let out = repo
            .output(
                &["rev-parse", "--show-toplevel", "--show-prefix"],
                "find the repository",
            )
            .map_err(|(err, stderr)| match err {
                GitError::Failed { .. } => GitError::NotARepository {
                    dir: dir.to_path_buf(),
                    detail: first_line(&stderr),
                },
                other => other,
            })?;
        let text = String::from_utf8_lossy(&out);
        let mut lines = text.lines();
        let _top = lines.next().unwrap_or("");
        let prefix = lines.next().unwrap_or("").trim_end_matches('\n');
        repo.prefix = if prefix.is_empty() || prefix.ends_with('/') {
            prefix.to_string()
        } else {
            format!("{prefix}/")
        };
        Ok(repo)
    }

    /// The workbook's folder relative to the top of the repository (empty, or ending in `/`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The commit a revision names (a tag, a branch, `HEAD~2`, an id).
    pub fn resolve(&self, rev: &str) -> Result<String, GitError> {
        let unknown = || GitError::UnknownRevision {
            rev: rev.to_string(),
        };
        if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
            return Err(unknown());
        }
        let spec = format!("{rev}^{{commit}}");
        match self.output(
            &["rev-parse", "--verify", "--quiet", &spec],
            "resolve the revision",
        ) {
            Ok(out) => {
                let oid = String::from_utf8_lossy(&out).trim().to_string();
                if oid.is_empty() || !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
                    Err(unknown())
                } else {
                    Ok(oid)
                }
            }
            Err((GitError::Failed { .. }, _)) => Err(unknown()),
            Err((other, _)) => Err(other),
        }
    }

    /// The entries of a commit under `paths` (relative to the workbook; a
    /// path ending in `/` names a folder's entries): every file below them
    /// with `recursive`, else only the entries themselves, folders included.
    pub fn ls_tree_paths(
        &self,
        commit: &str,
        paths: &[String],
        recursive: bool,
    ) -> Result<Vec<TreeEntry>, GitError> {
        if paths.is_empty() {
            return Ok(Vec::new());
        }
        let mut args = vec!["ls-tree", "-z", "--full-tree"];
        if recursive {
            args.push("-r");
        }
        args.push(commit);
        args.push("--");
        // The workbook's own folder is named by its prefix (nothing at the top).
        let specs: Vec<String> = paths
            .iter()
            .map(|p| format!("{}{p}", self.prefix))
            .filter(|p| !p.is_empty())
            .collect();
        if specs.is_empty() {
            args.pop();
        }
        args.extend(specs.iter().map(String::as_str));
        let out = self
            .output(&args, "list the files of the revision")
            .map_err(|(e, _)| e)?;
        Ok(parse_ls_tree(&out, &self.prefix))
    }

    /// The contents of blobs, read in one `git cat-file --batch` process.
    /// Each id is read once, however often it is asked for.
    pub fn read_blobs<'a>(
        &self,
        oids: impl IntoIterator<Item = &'a str>,
    ) -> Result<HashMap<String, Arc<[u8]>>, GitError> {
        let mut wanted: Vec<String> = oids.into_iter().map(str::to_string).collect();
        wanted.sort();
        wanted.dedup();
        let mut blobs = HashMap::with_capacity(wanted.len());
        if wanted.is_empty() {
            return Ok(blobs);
        }
        let what = "read the files of the revision";
        let failed = |detail: String| GitError::Failed {
            what: what.to_string(),
            detail,
        };
        let mut child = self
            .command()
            .args(["cat-file", "--batch", "--buffer"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_error(e, what))?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed("no pipe to git".into()));
        };
        let mut request = Vec::with_capacity(wanted.len() * 41);
        for oid in &wanted {
            request.extend_from_slice(oid.as_bytes());
            request.push(b'\n');
        }
        // Write on a thread while this one reads, so neither pipe fills up.
        let writer = std::thread::spawn(move || stdin.write_all(&request));
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let read = read_batch(&mut reader, wanted.len(), &mut blobs);
        drop(reader);
        let wrote = writer.join();
        let status = child.wait_with_output();
        read.map_err(|e| failed(e.to_string()))?;
        match wrote {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(failed(e.to_string())),
            Err(_) => return Err(failed("the writer stopped".into())),
        }
        match status {
            Ok(out) if out.status.success() => Ok(blobs),
            Ok(out) => Err(failed(first_line(&out.stderr))),
            Err(e) => Err(failed(e.to_string())),
        }
    }
}

/// Reads `count` answers of `git cat-file --batch`.
fn read_batch(
    reader: &mut impl BufRead,
    count: usize,
    blobs: &mut HashMap<String, Arc<[u8]>>,
) -> io::Result<()> {
    let mut header = Vec::new();
    for _ in 0..count {
        header.clear();
        if reader.read_until(b'\n', &mut header)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "git stopped before sending every file",
            ));
        }
        let line = String::from_utf8_lossy(&header);
        let mut parts = line.trim_end().split(' ');
        let oid = parts.next().unwrap_or("").to_string();
        let kind = parts.next().unwrap_or("");
        if kind == "missing" || kind == "ambiguous" {
            continue;
        }
        let size: usize = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| io::Error::other(format!("unexpected answer from git: {line}")))?;
        let mut content = vec![0; size];
        reader.read_exact(&mut content)?;
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        if kind == "blob" {
            blobs.insert(oid, Arc::from(content));
        }
    }
    Ok(())
}

/// Parses `git ls-tree -r -z` output, keeping the entries under `prefix`.
fn parse_ls_tree(out: &[u8], prefix: &str) -> Vec<TreeEntry> {
    out.split(|b| *b == 0)
        .filter_map(|record| {
            let tab = record.iter().position(|b| *b == b'\t')?;
            let meta = std::str::from_utf8(record.get(..tab)?).ok()?;
            let path = String::from_utf8_lossy(record.get(tab + 1..)?).to_string();
            let mut fields = meta.split(' ');
            let mode = fields.next()?;
            let kind = fields.next()?;
            let oid = fields.next()?.to_string();
            let kind = match (mode, kind) {
                ("120000", _) => EntryKind::Link,
                (_, "commit") => EntryKind::Submodule,
                (_, "blob") => EntryKind::File,
                (_, "tree") => EntryKind::Tree,
                _ => return None,
            };
            let path = path.strip_prefix(prefix)?.to_string();
            (!path.is_empty()).then_some(TreeEntry { path, kind, oid })
        })
        .collect()
}

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
fn git_output(dir: &Path, args: &[&str]) -> Option<String> {
    let output = command(dir)
        .args(args)
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
    let short = git_output(dir, &["rev-parse", "--short", "HEAD"])?
        .trim()
        .to_string();
    if short.is_empty() {
        return None;
    }
    let status = git_output(
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
    fn ls_tree_output_is_parsed_under_the_prefix() {
        let out = [
            &b"100644 blob aaaa\tbook/covalue.toml"[..],
            b"120000 blob bbbb\tbook/populations/ms/link.md",
            b"160000 commit cccc\tbook/vendor",
            b"100644 blob dddd\tother/x.md",
            b"100644 blob eeee\tbook/J\xc3\xb6nk\xc3\xb6ping.md",
        ]
        .join(&0u8);
        let entries = parse_ls_tree(&out, "book/");
        let paths: Vec<(&str, EntryKind)> =
            entries.iter().map(|e| (e.path.as_str(), e.kind)).collect();
        assert_eq!(
            paths,
            [
                ("covalue.toml", EntryKind::File),
                ("populations/ms/link.md", EntryKind::Link),
                ("vendor", EntryKind::Submodule),
                ("Jönköping.md", EntryKind::File),
            ]
        );
    }

    #[test]
    fn batch_answers_are_read_and_missing_ones_skipped() {
        let answer = b"aaaa blob 5\nhello\nbbbb missing\ncccc blob 0\n\n";
        let mut blobs = HashMap::new();
        let read = read_batch(&mut &answer[..], 3, &mut blobs);
        assert!(read.is_ok());
        assert_eq!(
            blobs.get("aaaa").map(|b| b.to_vec()),
            Some(b"hello".to_vec())
        );
        assert_eq!(blobs.get("cccc").map(|b| b.len()), Some(0));
        assert!(!blobs.contains_key("bbbb"));
        let short = b"aaaa blob 5\nhel";
        assert!(read_batch(&mut &short[..], 1, &mut HashMap::new()).is_err());
    }

    #[test]
    fn a_folder_outside_any_repository_has_no_revision() {
        let dir = std::env::temp_dir().join(format!("covalue-git-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // The system temp folder is not in a repository on any sane machine.
        if git_output(&dir, &["rev-parse", "--git-dir"]).is_none() {
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
