//! The two versions `covalue diff` compares: a folder on disk, the working
//! tree, or a git revision read into memory. Also tells cheaply which
//! population folders hold the same files on both sides, so that only the
//! others are read from git and parsed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::DiffError;
use super::model::{VersionInfo, VersionSource};
use crate::git::{Blob, EntryKind, Objects, Repo, TreeEntry};
use crate::workbook::layout::{POPULATIONS_DIR as POPULATIONS, population_of};
use crate::workbook::{CONFIG_FILE, Disk, Files, MemTree};

/// A version as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// The workbook's files as they are now (the workbook covalue runs in).
    WorkingTree(PathBuf),
    /// A folder holding a workbook.
    Folder {
        /// The workbook's root.
        root: PathBuf,
        /// The folder as given, for labels.
        label: String,
    },
    /// A workbook held in memory (one file of a change, as git's diff
    /// driver hands it over, with the workbook's settings and guide).
    Tree {
        /// The files.
        tree: Arc<MemTree>,
        /// How it is named in output.
        label: String,
    },
    /// A git revision of the repository holding `root`.
    Revision {
        /// The revision as given.
        rev: String,
        /// The root of the workbook whose repository it names.
        root: PathBuf,
    },
}

/// Where a version's files are.
enum Store {
    /// On disk, under the root (reads confined to it).
    Disk(Disk),
    /// In memory, never on disk.
    Mem(Arc<MemTree>),
    /// In a git revision: the files listed so far, each population
    /// folder's tree id, and the files read so far.
    Git {
        /// The `git cat-file` process, shared by two revisions of one
        /// repository so that what they have in common is read once.
        objects: Arc<Mutex<Objects>>,
        /// Files outside the population folders, and the files of the
        /// populations listed so far.
        entries: BTreeMap<String, TreeEntry>,
        /// Each population folder's tree id, by slug.
        populations: BTreeMap<String, String>,
        /// The populations whose files are in `entries`.
        listed: BTreeSet<String>,
        /// The ids already read into `tree`.
        read: BTreeSet<String>,
        tree: MemTree,
    },
}

/// Which files of a revision to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// Every file.
    Everything,
    /// The files outside the population folders (`covalue.toml`, a site's
    /// guide); the populations are read with [`Version::fetch_apart`].
    OutsidePopulations,
}

/// A version of the workbook, ready to be loaded.
pub struct Version {
    /// How it is named in output.
    pub info: VersionInfo,
    /// The root to load from (empty for a revision).
    pub root: PathBuf,
    store: Store,
}

pub use crate::workbook::layout::population_dir;

impl Version {
    /// Opens a version: checks that it holds a workbook and, for a
    /// revision, lists its files.
    pub fn open(spec: &Spec) -> Result<Version, DiffError> {
        match spec {
            Spec::WorkingTree(root) => Ok(Version {
                info: VersionInfo {
                    label: "working tree".into(),
                    source: VersionSource::WorkingTree,
                    commit: None,
                    name: None,
                },
                root: root.clone(),
                store: Store::Disk(Disk::at(root)),
            }),
            Spec::Folder { root, label } => {
                if !root.join(CONFIG_FILE).is_file() {
                    return Err(DiffError::NotAWorkbook(root.clone()));
                }
                Ok(Version {
                    info: VersionInfo {
                        label: label.clone(),
                        source: VersionSource::Folder,
                        commit: None,
                        name: None,
                    },
                    root: root.clone(),
                    store: Store::Disk(Disk::at(root)),
                })
            }
            Spec::Tree { tree, label } => {
                if !tree.exists(Path::new(CONFIG_FILE)) {
                    return Err(DiffError::NotAWorkbook(PathBuf::from(label)));
                }
                Ok(Version {
                    info: VersionInfo {
                        label: label.clone(),
                        source: VersionSource::Folder,
                        commit: None,
                        name: None,
                    },
                    root: PathBuf::new(),
                    store: Store::Mem(Arc::clone(tree)),
                })
            }
            Spec::Revision { rev, root } => {
                let (repo, objects) = Repo::open_with_objects(root)?;
                let objects = Arc::new(Mutex::new(objects));
                Version::revision(&repo, objects, rev)
            }
        }
    }

    /// Opens two versions; two revisions of one repository share one git
    /// process, which reads what they have in common once.
    pub fn open_both(old: &Spec, new: &Spec) -> Result<(Version, Version), DiffError> {
        if let (
            Spec::Revision { rev: a, root },
            Spec::Revision {
                rev: b,
                root: root_b,
            },
        ) = (old, new)
        {
            if root == root_b {
                let (repo, objects) = Repo::open_with_objects(root)?;
                let objects = Arc::new(Mutex::new(objects));
                // One git process; each side lists its files while the
                // other waits for git.
                let (old, new) = rayon::join(
                    || Version::revision(&repo, Arc::clone(&objects), a),
                    || Version::revision(&repo, Arc::clone(&objects), b),
                );
                return Ok((old?, new?));
            }
        }
        let (old, new) = rayon::join(|| Version::open(old), || Version::open(new));
        Ok((old?, new?))
    }

    /// A revision of a repository opened by the caller (a network's bare
    /// copy of a site's workbook), with a git process of its own.
    pub fn of_repo(repo: &Repo, rev: &str) -> Result<Version, DiffError> {
        let objects = Arc::new(Mutex::new(repo.objects()?));
        Version::revision(repo, objects, rev)
    }

    /// A revision: its files outside the populations listed, and each
    /// population folder's tree id.
    fn revision(repo: &Repo, shared: Arc<Mutex<Objects>>, rev: &str) -> Result<Version, DiffError> {
        let mut objects = lock(&shared);
        let commit = objects.resolve(rev)?;
        let no_workbook = || DiffError::NoWorkbookInRevision {
            rev: rev.to_string(),
            prefix: repo.prefix().to_string(),
        };
        // Everything outside the population folders, and the tree id
        // of each population folder; their files are listed only
        // when needed.
        let listing = objects
            .list(&commit, |path| population_slug(path).is_none())?
            .ok_or_else(no_workbook)?;
        drop(objects);
        let mut entries = BTreeMap::new();
        let mut populations = BTreeMap::new();
        for entry in listing {
            match (entry.kind, population_slug(&entry.path)) {
                (EntryKind::Tree, Some(slug)) => {
                    populations.insert(slug.to_string(), entry.oid);
                }
                (EntryKind::Tree, None) => {}
                _ => {
                    entries.insert(entry.path.clone(), entry);
                }
            }
        }
        if !entries.contains_key(CONFIG_FILE) {
            return Err(no_workbook());
        }
        let mut tree = MemTree::new();
        for slug in populations.keys() {
            tree.insert_dir(&population_dir(slug));
        }
        let name = match super::model::is_relative_revision(rev, &commit) {
            true => repo.names(&commit).into_iter().next(),
            false => None,
        };
        Ok(Version {
            info: VersionInfo {
                label: rev.to_string(),
                source: VersionSource::Revision,
                commit: Some(commit),
                name,
            },
            root: PathBuf::new(),
            store: Store::Git {
                objects: shared,
                entries,
                populations,
                listed: BTreeSet::new(),
                read: BTreeSet::new(),
                tree,
            },
        })
    }

    /// Where the loader reads this version's files.
    pub fn files(&self) -> &dyn Files {
        match &self.store {
            Store::Disk(disk) => disk,
            Store::Mem(tree) => tree.as_ref(),
            Store::Git { tree, .. } => tree,
        }
    }

    /// Whether this version is a git revision.
    pub fn is_revision(&self) -> bool {
        matches!(self.store, Store::Git { .. })
    }

    /// Reads from git the files asked for; nothing for a folder.
    pub fn fetch(&mut self, what: &Fetch) -> Result<(), DiffError> {
        self.fetch_into(what)
    }

    /// Reads from git the files of these populations into a tree of their
    /// own (a folder for each that this revision has), so that they can be
    /// loaded while the next ones are read; None for a folder. What is
    /// listed and read goes straight into that tree, not into the
    /// version's own listing: each population is read apart once.
    pub fn fetch_apart(&mut self, slugs: BTreeSet<String>) -> Result<Option<MemTree>, DiffError> {
        let Store::Git {
            objects,
            populations,
            ..
        } = &self.store
        else {
            return Ok(None);
        };
        let mut apart = MemTree::new();
        let trees: Vec<(String, String)> = slugs
            .iter()
            .filter_map(|slug| Some((population_dir(slug), populations.get(slug)?.clone())))
            .collect();
        for (dir, _) in &trees {
            apart.insert_dir(dir);
        }
        let mut objects = lock(objects);
        let listing = objects.list_trees(trees, |_| true)?;
        let blobs = file_blobs(&mut objects, &listing)?;
        drop(objects);
        // Folders are implied by their files, as in the version's own tree.
        for entry in listing.iter().filter(|e| e.kind != EntryKind::Tree) {
            add_entry(&mut apart, entry, &blobs);
        }
        Ok(Some(apart))
    }

    /// Reads the files asked for into the version's own tree.
    fn fetch_into(&mut self, what: &Fetch) -> Result<(), DiffError> {
        let Store::Git {
            objects,
            entries,
            populations,
            listed,
            read,
            tree,
        } = &mut self.store
        else {
            return Ok(());
        };
        let mut objects = lock(objects);
        // List the files of the populations asked for, in one git call.
        let to_list: Vec<String> = match what {
            Fetch::OutsidePopulations => Vec::new(),
            Fetch::Everything => populations.keys().cloned().collect(),
        };
        let to_list: Vec<String> = to_list
            .into_iter()
            .filter(|s| !listed.contains(s))
            .collect();
        if !to_list.is_empty() {
            let trees = to_list
                .iter()
                .filter_map(|slug| Some((population_dir(slug), populations.get(slug)?.clone())))
                .collect();
            for e in objects.list_trees(trees, |_| true)? {
                if e.kind != EntryKind::Tree {
                    entries.insert(e.path.clone(), e);
                }
            }
            listed.extend(to_list);
        }
        let wanted: Vec<&TreeEntry> = entries
            .values()
            .filter(|e| !read.contains(&e.path))
            .filter(|e| *what == Fetch::Everything || population_of(&e.path).is_none())
            .collect();
        let blobs = file_blobs(&mut objects, wanted.iter().copied())?;
        for entry in wanted {
            read.insert(entry.path.clone());
            add_entry(tree, entry, &blobs);
        }
        Ok(())
    }

    /// The files of a population folder with their content, relative to the
    /// folder and sorted; None when one cannot be read.
    fn population_files(&self, slug: &str) -> Option<Vec<(String, Content<'_>)>> {
        let dir = population_dir(slug);
        let disk = match &self.store {
            Store::Git { tree, .. } => return tree_files(tree, &dir),
            Store::Mem(tree) => return tree_files(tree, &dir),
            Store::Disk(disk) => disk,
        };
        {
            let base = self.root.join(&dir);
            let mut files = Vec::new();
            // Links are not followed here: each file is read through the
            // workbook's jail, which follows a link only while it stays inside.
            for entry in walkdir::WalkDir::new(&base).follow_links(false) {
                let entry = entry.ok()?;
                if entry.file_type().is_dir() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&base).ok()?;
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                // A link to a folder, or anything unreadable: compare by loading.
                let bytes = disk.read(entry.path()).ok()?;
                files.push((format!("/{rel}"), Content::Owned(bytes)));
            }
            files.sort_by(|a, b| a.0.cmp(&b.0));
            Some(files)
        }
    }

    /// The git tree id of a population folder, for a revision.
    fn population_tree(&self, slug: &str) -> Option<&str> {
        let Store::Git { populations, .. } = &self.store else {
            return None;
        };
        populations.get(slug).map(String::as_str)
    }
}

/// The git process, even if a thread that held it stopped.
fn lock(objects: &Mutex<Objects>) -> MutexGuard<'_, Objects> {
    objects.lock().unwrap_or_else(|e| e.into_inner())
}

/// The contents of the files among `entries`, by blob id.
fn file_blobs<'e>(
    objects: &mut Objects,
    entries: impl IntoIterator<Item = &'e TreeEntry>,
) -> Result<HashMap<String, Blob>, DiffError> {
    let files = entries.into_iter().filter(|e| e.kind == EntryKind::File);
    Ok(objects.read_blobs(files.map(|e| e.oid.as_str()))?)
}

/// Puts an entry of a git tree into a tree in memory: a file with its
/// bytes, a folder, or something that cannot be read as a file.
fn add_entry(tree: &mut MemTree, entry: &TreeEntry, blobs: &HashMap<String, Blob>) {
    match entry.kind {
        EntryKind::File => match blobs.get(&entry.oid) {
            Some(Blob::Bytes(bytes)) => tree.insert(&entry.path, Arc::clone(bytes)),
            Some(Blob::TooLarge(size)) => tree.insert_too_large(&entry.path, *size),
            None => tree.insert_unreadable(&entry.path, "git has no such file"),
        },
        EntryKind::Link => tree.insert_unreadable(
            &entry.path,
            "it is a symbolic link, and links are not followed in a revision",
        ),
        EntryKind::Submodule => tree.insert_unreadable(&entry.path, "it is a git submodule"),
        EntryKind::Tree => tree.insert_dir(&entry.path),
    }
}

/// The files under `dir` of a tree in memory, relative to `dir`.
fn tree_files<'a>(tree: &'a MemTree, dir: &str) -> Option<Vec<(String, Content<'a>)>> {
    tree.files_under(dir)
        .map(|(path, bytes)| {
            let rel = path.strip_prefix(dir)?.to_string();
            Some((rel, Content::Borrowed(bytes?)))
        })
        .collect()
}

/// The slug of a population folder's own path (`populations/<slug>`).
fn population_slug(path: &str) -> Option<&str> {
    let slug = path.strip_prefix(POPULATIONS)?.strip_prefix('/')?;
    (!slug.is_empty() && !slug.contains('/')).then_some(slug)
}

/// A file's bytes, read for a comparison.
enum Content<'a> {
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
}

impl Content<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Content::Borrowed(b) => b,
            Content::Owned(b) => b,
        }
    }
}

/// Whether a population folder holds the same files, byte for byte, in
/// both versions. Two revisions are compared by git's object ids without
/// reading anything; otherwise the revision's files must have been fetched.
pub fn same_population(old: &Version, new: &Version, slug: &str) -> bool {
    if let (Some(a), Some(b)) = (old.population_tree(slug), new.population_tree(slug)) {
        return a == b;
    }
    match (old.population_files(slug), new.population_files(slug)) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(&b)
                    .all(|((pa, ca), (pb, cb))| pa == pb && ca.bytes() == cb.bytes())
        }
        _ => false,
    }
}

/// Whether the same file holds the same bytes in both versions (both missing counts as same).
pub fn same_file(old: &Version, new: &Version, path: &Path) -> bool {
    let read = |v: &Version| v.files().read(&v.root.join(path)).ok();
    read(old) == read(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_belong_to_their_population() {
        assert_eq!(population_of("populations/ms/answers/chain.md"), Some("ms"));
        assert_eq!(population_of("populations/README.md"), None);
        assert_eq!(population_of("covalue.toml"), None);
    }
}
