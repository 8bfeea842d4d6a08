//! Where the loader reads a workbook's files from: the disk, or a tree of
//! files held in memory (a git revision, as `covalue diff` reads it).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Component, Path};
use std::sync::Arc;

use crate::confine::Jail;
use crate::read_error::ReadError;

/// A source of workbook files. Paths are the ones the loader builds by
/// joining the workbook's root with relative names.
pub trait Files: Sync {
    /// The bytes of a file.
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError>;
    /// The names of the entries of a folder, in no particular order.
    fn list_dir(&self, path: &Path) -> io::Result<Vec<String>>;
    /// Whether a folder is at `path` (following links).
    fn is_dir(&self, path: &Path) -> bool;
    /// Whether a file or folder is at `path` (following links).
    fn exists(&self, path: &Path) -> bool;
    /// Whether `path` is a symbolic link (which may lead nowhere).
    fn is_symlink(&self, _path: &Path) -> bool {
        false
    }
}

/// The workbook as it is on disk. Every read goes through the workbook's
/// [`Jail`]: links are followed only while they stay inside the workbook, and
/// only regular files of bounded size are read.
#[derive(Debug, Clone)]
pub struct Disk {
    jail: Jail,
}

impl Disk {
    /// The workbook whose root folder is `root`.
    pub fn at(root: &Path) -> Disk {
        Disk {
            jail: Jail::at(root),
        }
    }

    /// The jail every read goes through.
    pub fn jail(&self) -> &Jail {
        &self.jail
    }
}

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        self.jail.read(path)
    }

    fn list_dir(&self, path: &Path) -> io::Result<Vec<String>> {
        self.jail.list_dir(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }

    fn is_symlink(&self, path: &Path) -> bool {
        path.is_symlink()
    }
}

/// A file of a [`MemTree`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum MemFile {
    /// Its bytes, shared between files with the same content.
    Bytes(Arc<[u8]>),
    /// Something that cannot be read as a file, and why.
    Unreadable(String),
    /// A file larger than covalue reads, by its size in bytes (not read).
    TooLarge(u64),
}

/// A tree of files held in memory, keyed by `/`-separated paths relative to
/// its root; folders are implied by the files in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemTree {
    files: BTreeMap<String, MemFile>,
    /// Every folder (the root is `""`), with the names of its entries.
    dirs: BTreeMap<String, BTreeSet<String>>,
}

/// The `/`-separated key of a path: `.` and a leading root are dropped, `..`
/// goes up (never above the root).
fn key(path: &Path) -> String {
    lookup_key(path).into_owned()
}

/// [`key`], borrowed from the path when it is one already (most are).
fn lookup_key(path: &Path) -> Cow<'_, str> {
    if let Some(text) = path.to_str() {
        let plain = |part: &str| !part.is_empty() && part != "." && part != "..";
        if text.is_empty() || (!text.contains('\\') && text.split('/').all(plain)) {
            return Cow::Borrowed(text);
        }
    }
    Cow::Owned(key_by_parts(path))
}

/// [`key`], a component at a time.
fn key_by_parts(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().to_string()),
            Component::ParentDir => {
                parts.pop();
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    parts.join("/")
}

impl MemTree {
    /// An empty tree.
    pub fn new() -> MemTree {
        MemTree::default()
    }

    /// Records `key` in its folder, and each folder in its parent.
    fn add_parents(&mut self, key: &str) {
        let mut child = key;
        while !child.is_empty() {
            let (parent, name) = child.rsplit_once('/').unwrap_or(("", child));
            let entries = match self.dirs.get_mut(parent) {
                Some(entries) => entries,
                None => self.dirs.entry(parent.to_string()).or_default(),
            };
            if entries.contains(name) || !entries.insert(name.to_string()) {
                return;
            }
            child = parent;
        }
        self.dirs.entry(String::new()).or_default();
    }

    /// Adds a file with its bytes.
    pub fn insert(&mut self, path: &str, bytes: Arc<[u8]>) {
        let key = key(Path::new(path));
        self.add_parents(&key);
        self.files.insert(key, MemFile::Bytes(bytes));
    }

    /// Adds something that stands where a file could be but cannot be read
    /// (a link, a submodule), with the reason shown to the user.
    pub fn insert_unreadable(&mut self, path: &str, why: impl Into<String>) {
        let key = key(Path::new(path));
        self.add_parents(&key);
        self.files.insert(key, MemFile::Unreadable(why.into()));
    }

    /// Adds a file that is larger than covalue reads, by its size: reading
    /// it is [`ReadError::TooLarge`], as for such a file on disk.
    pub fn insert_too_large(&mut self, path: &str, size: u64) {
        let key = key(Path::new(path));
        self.add_parents(&key);
        self.files.insert(key, MemFile::TooLarge(size));
    }

    /// Adds an empty folder.
    pub fn insert_dir(&mut self, path: &str) {
        let key = key(Path::new(path));
        self.add_parents(&key);
        self.dirs.entry(key).or_default();
    }

    /// The files under a folder (all of them for `""`), with their paths.
    pub fn files_under<'a>(
        &'a self,
        dir: &str,
    ) -> impl Iterator<Item = (&'a str, Option<&'a [u8]>)> {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        self.files
            .range(prefix.clone()..)
            .take_while(move |(k, _)| k.starts_with(&prefix))
            .map(|(k, f)| {
                let bytes = match f {
                    MemFile::Bytes(b) => Some(&b[..]),
                    MemFile::Unreadable(_) | MemFile::TooLarge(_) => None,
                };
                (k.as_str(), bytes)
            })
    }
}

impl Files for MemTree {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let key = lookup_key(path);
        match self.files.get(key.as_ref()) {
            Some(MemFile::Bytes(bytes)) => Ok(bytes.to_vec()),
            Some(MemFile::Unreadable(why)) => Err(ReadError::Io(io::Error::other(why.clone()))),
            Some(MemFile::TooLarge(size)) => Err(ReadError::TooLarge(*size)),
            None if self.dirs.contains_key(key.as_ref()) => Err(ReadError::IsFolder),
            None => Err(ReadError::Missing),
        }
    }

    fn list_dir(&self, path: &Path) -> io::Result<Vec<String>> {
        match self.dirs.get(lookup_key(path).as_ref()) {
            Some(entries) => Ok(entries.iter().cloned().collect()),
            None => Err(io::Error::from(io::ErrorKind::NotFound)),
        }
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.dirs.contains_key(lookup_key(path).as_ref())
    }

    fn exists(&self, path: &Path) -> bool {
        let key = lookup_key(path);
        self.dirs.contains_key(key.as_ref()) || self.files.contains_key(key.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_are_their_own_keys() {
        for path in [
            "",
            "covalue.toml",
            "populations/ms/answers/chain.md",
            "./populations//ms/",
            "/populations/ms",
            "populations/../covalue.toml",
            "populations/./ms",
            "a\\b/c",
            "..",
            "J\u{f6}nk\u{f6}ping/x.md",
        ] {
            assert_eq!(
                key(Path::new(path)),
                key_by_parts(Path::new(path)),
                "{path}"
            );
        }
    }

    #[test]
    fn a_tree_in_memory_reads_like_a_folder() {
        let mut tree = MemTree::new();
        tree.insert("covalue.toml", Arc::from(&b"title = \"x\"\n"[..]));
        tree.insert("populations/ms/population.toml", Arc::from(&b"name"[..]));
        tree.insert_unreadable("populations/ms/link.md", "a link");
        tree.insert_dir("populations/empty");
        tree.insert_too_large("populations/ms/big.md", 400 << 20);
        assert!(matches!(
            tree.read(Path::new("populations/ms/big.md")),
            Err(ReadError::TooLarge(size)) if size == 400 << 20
        ));
        assert_eq!(
            tree.read(Path::new("covalue.toml")).ok(),
            Some(b"title = \"x\"\n".to_vec())
        );
        assert!(matches!(
            tree.read(Path::new("populations")),
            Err(ReadError::IsFolder)
        ));
        assert!(matches!(
            tree.read(Path::new("nothing.toml")),
            Err(ReadError::Missing)
        ));
        assert!(matches!(
            tree.read(Path::new("populations/ms/link.md")),
            Err(ReadError::Io(_))
        ));
        assert_eq!(
            tree.list_dir(Path::new("populations")).ok(),
            Some(vec!["empty".to_string(), "ms".to_string()])
        );
        assert_eq!(
            tree.list_dir(Path::new("")).ok(),
            Some(vec!["covalue.toml".to_string(), "populations".to_string()])
        );
        assert!(tree.is_dir(Path::new("populations/ms")));
        assert!(!tree.is_dir(Path::new("covalue.toml")));
        assert!(tree.exists(Path::new("./populations/../covalue.toml")));
        assert!(tree.list_dir(Path::new("covalue.toml")).is_err());
        let under: Vec<&str> = tree.files_under("populations/ms").map(|(p, _)| p).collect();
        assert_eq!(
            under,
            [
                "populations/ms/big.md",
                "populations/ms/link.md",
                "populations/ms/population.toml"
            ]
        );
    }
}
