//! The one place that talks to `git`: finding the repository a workbook is
//! in, resolving revisions, listing a revision's files and reading their
//! contents. Read-only: nothing is checked out, and the working tree and the
//! index are never touched. Every git command is built by [`command`], which
//! turns off what a repository could make git run.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
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

/// A git command on the bare repository `git_dir`, named explicitly
/// (`--git-dir` and `GIT_DIR`), with nothing from the environment that
/// could send git to another repository's config, refs or objects.
pub fn bare_command(git_dir: &Path) -> Command {
    let mut cmd = command(git_dir);
    let mut flag = std::ffi::OsString::from("--git-dir=");
    flag.push(git_dir);
    cmd.arg(flag).env("GIT_DIR", git_dir);
    for var in [
        "GIT_COMMON_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE",
        "GIT_CEILING_DIRECTORIES",
        "GIT_CONFIG",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// The transports a network's fetch may use: never `ext::` (which runs a
/// command), `fd::` or a helper a repository names.
pub const FETCH_PROTOCOLS: &str = "file:git:http:https:ssh";

/// The one git command that reaches out: `git fetch` into the bare
/// repository `git_dir` (a network's copy of a site). Everything
/// [`command`] turns off stays off, except that the transports in
/// [`FETCH_PROTOCOLS`] are allowed, and only those (`GIT_ALLOW_PROTOCOL`
/// also binds redirects). git asks for no password (`GIT_TERMINAL_PROMPT=0`);
/// the caller sets a time limit, for an ssh that waits for a host key.
pub fn fetch_command(git_dir: &Path) -> Command {
    let mut cmd = bare_command(git_dir);
    cmd.env("GIT_ALLOW_PROTOCOL", FETCH_PROTOCOLS)
        .env_remove("GIT_NO_LAZY_FETCH");
    for protocol in FETCH_PROTOCOLS.split(':') {
        cmd.args(["-c", &format!("protocol.{protocol}.allow=always")]);
    }
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
    /// The folder git commands run in (the workbook's root), or the bare
    /// repository itself.
    dir: PathBuf,
    /// Whether `dir` is a bare repository named explicitly (`GIT_DIR`).
    bare: bool,
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
        let mut cmd = if self.bare {
            // Named explicitly, so `safe.bareRepository=explicit` allows it.
            bare_command(&self.dir)
        } else {
            command(&self.dir)
        };
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
            bare: false,
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

    /// The repository holding `dir`, with a `git cat-file --batch` on it
    /// ([`Repo::objects`]); both git processes start at once.
    pub fn open_with_objects(dir: &Path) -> Result<(Repo, Objects), GitError> {
        let starting = Repo {
            dir: dir.to_path_buf(),
            prefix: String::new(),
            bare: false,
        }
        .objects();
        // Outside a repository this fails first, and `starting` ends with it.
        let repo = Repo::open(dir)?;
        let mut objects = starting?;
        objects.prefix = repo.prefix.clone();
        Ok((repo, objects))
    }

    /// A bare repository (such as a network's copy of a site's workbook),
    /// named explicitly; the workbook is at the top of its revisions.
    pub fn bare(git_dir: &Path) -> Repo {
        Repo {
            dir: git_dir.to_path_buf(),
            prefix: String::new(),
            bare: true,
        }
    }

    /// The tags and branches that point at `commit`, tags first: how a
    /// page names a revision given as `HEAD~1` or a hash. Empty when there
    /// are none or git cannot say.
    pub fn names(&self, commit: &str) -> Vec<String> {
        let points_at = format!("--points-at={commit}");
        let Ok(out) = self.output(
            &[
                "for-each-ref",
                &points_at,
                "--format=%(refname:short)",
                "refs/tags",
                "refs/heads",
            ],
            "name the revision",
        ) else {
            return Vec::new();
        };
        String::from_utf8_lossy(&out)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The workbook's folder relative to the top of the repository (empty, or ending in `/`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// A `git cat-file --batch` process on the repository, for reading
    /// commits, trees and files by id or by name.
    pub fn objects(&self) -> Result<Objects, GitError> {
        let what = "read the revision";
        let mut child = self
            .command()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_error(e, what))?;
        match (child.stdin.take(), child.stdout.take()) {
            (Some(stdin), Some(stdout)) => Ok(Objects {
                prefix: self.prefix.clone(),
                kept: HashMap::new(),
                child,
                stdin: Some(stdin),
                stdout: BufReader::with_capacity(1 << 16, stdout),
            }),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                Err(GitError::Failed {
                    what: what.into(),
                    detail: "no pipe to git".into(),
                })
            }
        }
    }
}

/// What kind of object git answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// A file's content.
    Blob,
    /// A folder's listing.
    Tree,
    /// A commit.
    Commit,
    /// An annotated tag, or anything else.
    Other,
}

/// The largest object covalue reads from git: the same limit as a file on
/// disk ([`crate::read_error::MAX_FILE_BYTES`]). A larger one is drained from
/// git's answer in small pieces, never kept, and marked too large.
pub const MAX_OBJECT_BYTES: u64 = crate::read_error::MAX_FILE_BYTES;

/// One object read from git.
#[derive(Debug, Clone)]
pub struct Object {
    /// Its id (hexadecimal).
    pub oid: String,
    /// What it is.
    pub kind: ObjectKind,
    /// Its size in bytes, as git says.
    pub size: u64,
    /// Its content; empty when it is larger than [`MAX_OBJECT_BYTES`].
    pub data: Arc<[u8]>,
}

impl Object {
    /// Its size, when it is larger than covalue reads (its content was not kept).
    pub fn too_large(&self) -> Option<u64> {
        (self.size > MAX_OBJECT_BYTES).then_some(self.size)
    }
}

/// A file's content read from git: its bytes, or only its size when it is
/// larger than covalue reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    /// The bytes.
    Bytes(Arc<[u8]>),
    /// Its size in bytes; the content was not read.
    TooLarge(u64),
}

/// A running `git cat-file --batch`: any number of objects read, by id or
/// by a name such as `v1^{commit}`, in one process. The process ends when
/// this is dropped.
pub struct Objects {
    prefix: String,
    /// Objects read so far, by id.
    kept: HashMap<String, Object>,
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    stdout: BufReader<std::process::ChildStdout>,
}

impl Objects {
    /// The commit a revision names (a tag, a branch, `HEAD~2`, an id).
    pub fn resolve(&mut self, rev: &str) -> Result<String, GitError> {
        let unknown = || GitError::UnknownRevision {
            rev: rev.to_string(),
        };
        if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n', '\r']) {
            return Err(unknown());
        }
        match self.read(&[format!("{rev}^{{commit}}")])?.pop().flatten() {
            Some(object) if object.kind == ObjectKind::Commit => Ok(object.oid),
            _ => Err(unknown()),
        }
    }

    /// The entries of the workbook's folder in a commit, a folder's own
    /// entries listed too when `expand` says yes to its path (relative to
    /// the workbook), and so on down; None when the commit has no such
    /// folder.
    pub fn list(
        &mut self,
        commit: &str,
        expand: impl Fn(&str) -> bool,
    ) -> Result<Option<Vec<TreeEntry>>, GitError> {
        let top = match self.prefix.trim_end_matches('/') {
            "" => format!("{commit}^{{tree}}"),
            prefix => format!("{commit}:{prefix}"),
        };
        let Some(root) = self.read(&[top])?.pop().flatten() else {
            return Ok(None);
        };
        if root.kind != ObjectKind::Tree {
            return Ok(None);
        }
        Ok(Some(
            self.list_trees(vec![(String::new(), root.oid)], expand)?,
        ))
    }

    /// The entries of trees given by folder path and id: files and
    /// folders, the folders `expand` says yes to listed in turn, a level at
    /// a time (one request to git per level).
    pub fn list_trees(
        &mut self,
        mut level: Vec<(String, String)>,
        expand: impl Fn(&str) -> bool,
    ) -> Result<Vec<TreeEntry>, GitError> {
        let mut entries = Vec::new();
        while !level.is_empty() {
            let names: Vec<String> = level.iter().map(|(_, oid)| oid.clone()).collect();
            let trees = self.read(&names)?;
            let mut next = Vec::new();
            for ((dir, _), tree) in level.iter().zip(trees) {
                let Some(tree) = tree.filter(|t| t.kind == ObjectKind::Tree) else {
                    continue;
                };
                for entry in parse_tree(&tree.data, dir) {
                    if entry.kind == EntryKind::Tree && expand(&entry.path) {
                        next.push((entry.path.clone(), entry.oid.clone()));
                    }
                    entries.push(entry);
                }
            }
            level = next;
        }
        Ok(entries)
    }

    /// The contents of blobs, each id read once however often it is asked
    /// for; a blob larger than [`MAX_OBJECT_BYTES`] by its size only.
    pub fn read_blobs<'a>(
        &mut self,
        oids: impl IntoIterator<Item = &'a str>,
    ) -> Result<HashMap<String, Blob>, GitError> {
        let wanted: Vec<String> = oids.into_iter().map(str::to_string).collect();
        let objects = self.read(&wanted)?;
        Ok(wanted
            .into_iter()
            .zip(objects)
            .filter_map(|(oid, object)| {
                let object = object.filter(|o| o.kind == ObjectKind::Blob)?;
                let blob = match object.too_large() {
                    Some(size) => Blob::TooLarge(size),
                    None => Blob::Bytes(object.data),
                };
                Some((oid, blob))
            })
            .collect())
    }

    /// Reads objects by name, in order; None for a name git does not know.
    /// A name asked for twice is read once (git does not keep what it read).
    pub fn read(&mut self, names: &[String]) -> Result<Vec<Option<Object>>, GitError> {
        let mut unique: Vec<&str> = names.iter().map(String::as_str).collect();
        unique.sort_unstable();
        unique.dedup();
        if unique.len() == names.len() {
            return self.read_unique(names);
        }
        let unique: Vec<String> = unique.into_iter().map(str::to_string).collect();
        let objects = self.read_unique(&unique)?;
        Ok(names
            .iter()
            .map(|name| {
                let at = unique.binary_search(name).ok()?;
                objects.get(at).cloned().flatten()
            })
            .collect())
    }

    /// Reads objects by name, each name once, in order. Objects named by
    /// their id are kept, and not asked of git again.
    fn read_unique(&mut self, names: &[String]) -> Result<Vec<Option<Object>>, GitError> {
        let missing: Vec<String> = names
            .iter()
            .filter(|name| !self.kept.contains_key(name.as_str()))
            .cloned()
            .collect();
        if missing.is_empty() {
            return Ok(names.iter().map(|n| self.kept.get(n).cloned()).collect());
        }
        let read = self.request(&missing)?;
        let mut fresh: HashMap<&str, Object> = HashMap::new();
        for (name, object) in missing.iter().zip(read) {
            let Some(object) = object else { continue };
            if *name == object.oid {
                self.kept.insert(name.clone(), object);
            } else {
                fresh.insert(name, object);
            }
        }
        Ok(names
            .iter()
            .map(|n| self.kept.get(n).or_else(|| fresh.get(n.as_str())).cloned())
            .collect())
    }

    /// Asks git for objects by name, in order.
    fn request(&mut self, names: &[String]) -> Result<Vec<Option<Object>>, GitError> {
        let mut request = Vec::with_capacity(names.len() * 42);
        for name in names {
            request.extend_from_slice(name.as_bytes());
            request.push(b'\n');
        }
        let Some(stdin) = self.stdin.as_mut() else {
            return Err(self.failed("git stopped".into()));
        };
        let reader = &mut self.stdout;
        // A long request is written on a thread while this one reads, so
        // that neither pipe fills up; a short one fits in the pipe.
        let (read, wrote) = if request.len() < 16 * 1024 {
            let wrote = stdin.write_all(&request).and_then(|()| stdin.flush());
            (read_objects(reader, names.len()), wrote)
        } else {
            std::thread::scope(|scope| {
                let writer =
                    scope.spawn(move || stdin.write_all(&request).and_then(|()| stdin.flush()));
                let read = read_objects(reader, names.len());
                let wrote = writer
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("the writer stopped")));
                (read, wrote)
            })
        };
        match (read, wrote) {
            (Ok(objects), Ok(())) => Ok(objects),
            (Err(e), _) | (_, Err(e)) => Err(self.failed(e.to_string())),
        }
    }

    /// What went wrong, with what git said on stderr when it stopped.
    fn failed(&mut self, detail: String) -> GitError {
        self.stdin = None;
        let _ = self.child.kill();
        let mut said = Vec::new();
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = io::Read::read_to_end(&mut stderr, &mut said);
        }
        let _ = self.child.wait();
        let said = first_line(&said);
        GitError::Failed {
            what: "read the revision".into(),
            detail: if said.is_empty() { detail } else { said },
        }
    }
}

impl Drop for Objects {
    fn drop(&mut self) {
        // Closing its input ends `git cat-file`.
        self.stdin = None;
        let _ = self.child.wait();
    }
}

/// Reads `count` answers of `git cat-file --batch`, in order. An object
/// larger than [`MAX_OBJECT_BYTES`] is read through and dropped a piece at
/// a time (git says the size first), so that memory stays bounded.
fn read_objects(reader: &mut impl BufRead, count: usize) -> io::Result<Vec<Option<Object>>> {
    let mut objects = Vec::with_capacity(count);
    let mut header = Vec::new();
    for _ in 0..count {
        header.clear();
        if reader.read_until(b'\n', &mut header)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "git stopped before sending every object",
            ));
        }
        let line = String::from_utf8_lossy(&header);
        let line = line.trim_end();
        if line.ends_with(" missing") || line.ends_with(" ambiguous") {
            objects.push(None);
            continue;
        }
        let unexpected = || io::Error::other(format!("unexpected answer from git: {line}"));
        let mut parts = line.split(' ');
        let (Some(oid), Some(kind), Some(size), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(unexpected());
        };
        let size: u64 = size.parse().map_err(|_| unexpected())?;
        let data = if size > MAX_OBJECT_BYTES {
            let drained = io::copy(&mut reader.by_ref().take(size), &mut io::sink())?;
            if drained != size {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "git stopped in the middle of an object",
                ));
            }
            Vec::new()
        } else {
            let mut data = vec![0; usize::try_from(size).map_err(|_| unexpected())?];
            reader.read_exact(&mut data)?;
            data
        };
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        let kind = match kind {
            "blob" => ObjectKind::Blob,
            "tree" => ObjectKind::Tree,
            "commit" => ObjectKind::Commit,
            _ => ObjectKind::Other,
        };
        objects.push(Some(Object {
            oid: oid.to_string(),
            kind,
            size,
            data: Arc::from(data),
        }));
    }
    Ok(objects)
}

/// An object id in hexadecimal.
fn hex(id: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(id.len() * 2);
    for b in id {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// The entries of a tree object (`<mode> <name>\0<id>` each, the id 20
/// bytes, or 32 in a SHA-256 repository), with paths under `dir`.
fn parse_tree(data: &[u8], dir: &str) -> Vec<TreeEntry> {
    // The id length: the one that makes the entries end where the data does.
    let lines_up = |len: usize| {
        let mut rest = data;
        while !rest.is_empty() {
            let Some(nul) = rest.iter().position(|b| *b == 0) else {
                return false;
            };
            let Some(after) = rest.get(nul + 1 + len..) else {
                return false;
            };
            rest = after;
        }
        true
    };
    let len = if lines_up(20) { 20 } else { 32 };
    let mut entries = Vec::new();
    let mut rest = data;
    while let Some(nul) = rest.iter().position(|b| *b == 0) {
        let head = &rest[..nul];
        let Some(id) = rest.get(nul + 1..nul + 1 + len) else {
            break;
        };
        rest = &rest[nul + 1 + len..];
        let Some(space) = head.iter().position(|b| *b == b' ') else {
            continue;
        };
        let (mode, name) = (&head[..space], &head[space + 1..]);
        let kind = match mode {
            b"120000" => EntryKind::Link,
            b"160000" => EntryKind::Submodule,
            b"40000" | b"040000" => EntryKind::Tree,
            _ => EntryKind::File,
        };
        let name = String::from_utf8_lossy(name);
        let path = if dir.is_empty() {
            name.into_owned()
        } else {
            format!("{dir}/{name}")
        };
        let oid = hex(id);
        entries.push(TreeEntry { path, kind, oid });
    }
    entries
}

/// The commit a workbook's files were taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The full id of `HEAD`.
    pub commit: String,
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
    let ids = git_output(dir, &["rev-parse", "HEAD", "--short", "HEAD"])?;
    let mut ids = ids.lines().map(str::trim);
    let (commit, short) = (ids.next()?.to_string(), ids.next()?.to_string());
    if commit.is_empty() || short.is_empty() {
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
        commit,
        short,
        dirty: status.is_some_and(|s| !s.trim().is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_objects_are_parsed_under_their_folder() {
        let mut data = Vec::new();
        for (mode, name, b) in [
            (&b"100644"[..], &b"covalue.toml"[..], 0xaa),
            (b"120000", b"link.md", 0xbb),
            (b"160000", b"vendor", 0xcc),
            (b"40000", b"populations", 0xdd),
            (b"100755", b"J\xc3\xb6nk\xc3\xb6ping.md", 0xee),
        ] {
            data.extend_from_slice(mode);
            data.push(b' ');
            data.extend_from_slice(name);
            data.push(0);
            data.extend_from_slice(&[b; 20]);
        }
        let entries = parse_tree(&data, "book");
        let paths: Vec<(&str, EntryKind)> =
            entries.iter().map(|e| (e.path.as_str(), e.kind)).collect();
        assert_eq!(
            paths,
            [
                ("book/covalue.toml", EntryKind::File),
                ("book/link.md", EntryKind::Link),
                ("book/vendor", EntryKind::Submodule),
                ("book/populations", EntryKind::Tree),
                ("book/Jönköping.md", EntryKind::File),
            ]
        );
        assert_eq!(entries[0].oid, "aa".repeat(20));
        // SHA-256 ids are 32 bytes.
        let mut long = b"100644 a.md\0".to_vec();
        long.extend_from_slice(&[0x11; 32]);
        let entries = parse_tree(&long, "");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].oid, "11".repeat(32));
    }

    #[test]
    fn batch_answers_are_read_and_missing_ones_are_none() {
        let answer = b"aaaa blob 5\nhello\nv9^{commit} missing\ncccc tree 0\n\n";
        let objects = read_objects(&mut &answer[..], 3).expect("three answers");
        assert_eq!(
            objects[0].as_ref().map(|o| o.data.to_vec()),
            Some(b"hello".to_vec())
        );
        assert!(objects[1].is_none());
        assert_eq!(objects[2].as_ref().map(|o| o.kind), Some(ObjectKind::Tree));
        let short = b"aaaa blob 5\nhel";
        assert!(read_objects(&mut &short[..], 1).is_err());
    }

    #[test]
    fn an_object_larger_than_the_limit_is_drained_not_kept() {
        let size = MAX_OBJECT_BYTES + 1;
        let mut answer = format!("bbbb blob {size}\n").into_bytes();
        answer.resize(answer.len() + usize::try_from(size).unwrap_or(0), b'x');
        answer.extend_from_slice(b"\ncccc blob 2\nok\n");
        let objects = read_objects(&mut &answer[..], 2).expect("two answers");
        let big = objects[0].as_ref().expect("the large blob");
        assert_eq!(big.too_large(), Some(size));
        assert!(big.data.is_empty());
        // The answer after it is read where it starts.
        assert_eq!(
            objects[1].as_ref().map(|o| o.data.to_vec()),
            Some(b"ok".to_vec())
        );
        let cut = format!("bbbb blob {size}\nxx").into_bytes();
        assert!(read_objects(&mut &cut[..], 1).is_err());
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
            commit: "1a2b3c4d".repeat(5),
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
