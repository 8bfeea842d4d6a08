//! The two versions `covalue diff` compares: a folder on disk, the working
//! tree, or a git revision read into memory. Also tells cheaply which
//! population folders hold the same files on both sides, so that only the
//! others are read from git and parsed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::DiffError;
use super::model::{VersionInfo, VersionSource};
use crate::git::{EntryKind, Repo, TreeEntry};
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
    /// In a git revision: every file's entry, and the files read so far.
    Git {
        repo: Repo,
        entries: BTreeMap<String, TreeEntry>,
        tree: MemTree,
    },
}

/// Which files of a revision to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// Every file.
    Everything,
    /// The files outside the population folders (`covalue.toml`, a site's guide).
    OutsidePopulations,
    /// The files of these populations.
    Populations(BTreeSet<String>),
}

/// A version of the workbook, ready to be loaded.
pub struct Version {
    /// How it is named in output.
    pub info: VersionInfo,
    /// The root to load from (empty for a revision).
    pub root: PathBuf,
    store: Store,
}

/// The folder of a population, relative to the workbook.
pub fn population_dir(slug: &str) -> String {
    format!("populations/{slug}")
}

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
                    },
                    root: PathBuf::new(),
                    store: Store::Mem(Arc::clone(tree)),
                })
            }
            Spec::Revision { rev, root } => {
                let repo = Repo::open(root)?;
                let commit = repo.resolve(rev)?;
                let entries: BTreeMap<String, TreeEntry> = repo
                    .ls_tree(&commit)?
                    .into_iter()
                    .map(|e| (e.path.clone(), e))
                    .collect();
                if !entries.contains_key(CONFIG_FILE) {
                    return Err(DiffError::NoWorkbookInRevision {
                        rev: rev.clone(),
                        prefix: repo.prefix().to_string(),
                    });
                }
                let slugs: BTreeSet<&str> =
                    entries.keys().filter_map(|p| population_of(p)).collect();
                let mut tree = MemTree::new();
                for slug in slugs {
                    tree.insert_dir(&population_dir(slug));
                }
                Ok(Version {
                    info: VersionInfo {
                        label: rev.clone(),
                        source: VersionSource::Revision,
                        commit: Some(commit),
                    },
                    root: PathBuf::new(),
                    store: Store::Git {
                        repo,
                        entries,
                        tree,
                    },
                })
            }
        }
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
        let Store::Git {
            repo,
            entries,
            tree,
        } = &mut self.store
        else {
            return Ok(());
        };
        let wanted: Vec<&TreeEntry> = entries
            .values()
            .filter(|e| match (population_of(&e.path), what) {
                (_, Fetch::Everything) | (None, Fetch::OutsidePopulations) => true,
                (Some(slug), Fetch::Populations(slugs)) => slugs.contains(slug),
                (Some(_), Fetch::OutsidePopulations) | (None, Fetch::Populations(_)) => false,
            })
            .collect();
        let blobs = repo.read_blobs(
            wanted
                .iter()
                .filter(|e| e.kind == EntryKind::File)
                .map(|e| e.oid.as_str()),
        )?;
        for entry in wanted {
            match entry.kind {
                EntryKind::File => match blobs.get(&entry.oid) {
                    Some(bytes) => tree.insert(&entry.path, Arc::clone(bytes)),
                    None => tree.insert_unreadable(&entry.path, "git has no such file"),
                },
                EntryKind::Link => tree.insert_unreadable(
                    &entry.path,
                    "it is a symbolic link, and links are not followed in a revision",
                ),
                EntryKind::Submodule => {
                    tree.insert_unreadable(&entry.path, "it is a git submodule")
                }
            }
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

    /// The git entries of a population folder, relative to the folder.
    fn population_entries(&self, slug: &str) -> Option<Vec<(&str, EntryKind, &str)>> {
        let Store::Git { entries, .. } = &self.store else {
            return None;
        };
        let prefix = format!("{}/", population_dir(slug));
        Some(
            entries
                .range(prefix.clone()..)
                .take_while(|(path, _)| path.starts_with(&prefix))
                .map(|(path, e)| (path.as_str(), e.kind, e.oid.as_str()))
                .collect(),
        )
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

/// The population a workbook path belongs to (`populations/<slug>/…`).
fn population_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("populations/")?;
    let (slug, inner) = rest.split_once('/')?;
    (!inner.is_empty()).then_some(slug)
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
    if let (Some(a), Some(b)) = (old.population_entries(slug), new.population_entries(slug)) {
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
