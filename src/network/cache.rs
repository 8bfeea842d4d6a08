//! Where a network's cache lives, and how covalue keeps it its own. The
//! cache is in the user's cache folder (`$XDG_CACHE_HOME/covalue`,
//! `~/.cache/covalue`, `~/Library/Caches/covalue`, `%LOCALAPPDATA%\covalue`,
//! or `$COVALUE_CACHE_DIR`), in `networks/<key>`, keyed by the network
//! folder: never inside the network folder, so nothing a clone of the
//! network's repository carries can become cache. covalue makes every
//! folder of it itself (mode 0700), and refuses one that is a link, that
//! belongs to someone else or that others may change. A site's cached
//! repository is checked before git runs in it ([`check_repo`]), and every
//! file read back from the cache is a regular file of bounded size, never a
//! link ([`read_entry`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::read_error::ReadError;
use crate::workbook::layout::is_slug;

/// The variable that names covalue's cache folder instead of the user's.
pub const CACHE_ENV: &str = "COVALUE_CACHE_DIR";
/// The folder, under covalue's cache folder, that holds one folder per network.
pub const NETWORKS_DIR: &str = "networks";
/// Where each site's bare repository, summary and last failure are kept,
/// under the network's folder in the cache.
pub const SITES_DIR: &str = "sites";
/// The file, in the network's folder in the cache, that says which network
/// folder it belongs to (for people looking at the cache).
const ORIGIN_FILE: &str = "network-folder.txt";
/// The largest summary read back from the cache.
pub const MAX_SUMMARY_BYTES: u64 = crate::read_error::MAX_FILE_BYTES;
/// The largest failure note read back from the cache.
pub const MAX_FAILURE_BYTES: u64 = 64 << 10;

/// Why the cache cannot be used (exit 2).
#[derive(Debug, Clone, thiserror::Error)]
pub enum CacheError {
    /// There is no folder to keep a cache in.
    #[error("there is no folder to keep covalue's cache in: {0}")]
    NoPlace(String),
    /// A folder of the cache is not as covalue made it.
    #[error("the cache folder {} {why}", .path.display())]
    Foreign {
        /// The folder.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A folder of the cache cannot be made or read.
    #[error("the cache folder {} cannot be made: {why}", .path.display())]
    Io {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        why: String,
    },
}

impl CacheError {
    /// What to do about it, in plain words.
    pub fn help(&self) -> String {
        match self {
            CacheError::NoPlace(_) => format!(
                "set {CACHE_ENV} to a folder of your own where covalue may keep copies of the sites"
            ),
            CacheError::Foreign { path, .. } => format!(
                "covalue made none of it this way; remove {} (covalue makes it again on the next `covalue network fetch`), or set {CACHE_ENV} to a folder of your own",
                path.display()
            ),
            CacheError::Io { .. } => format!(
                "check that you may write in your cache folder, or set {CACHE_ENV} to a folder of your own"
            ),
        }
    }
}

/// One network's folder in the cache.
#[derive(Debug, Clone)]
pub struct Cache {
    /// `<covalue's cache>/networks/<key>`.
    dir: PathBuf,
}

impl Cache {
    /// The cache of the network in `root`, made (mode 0700) when missing,
    /// with every folder checked.
    pub fn create(root: &Path) -> Result<Cache, CacheError> {
        let base = base()?;
        make_dir_all(&base)?;
        let base = fs::canonicalize(&base).map_err(|e| io_error(&base, &e))?;
        check_dir(&base)?;
        let networks = base.join(NETWORKS_DIR);
        let dir = networks.join(key(root));
        let sites = dir.join(SITES_DIR);
        for folder in [&networks, &dir, &sites] {
            make_dir(folder)?;
            check_dir(folder)?;
        }
        let origin = dir.join(ORIGIN_FILE);
        if fs::symlink_metadata(&origin).is_err() {
            let text = format!(
                "covalue's cache of the network in\n{}\n",
                canonical(root).display()
            );
            // Only a note for people; the cache works without it.
            let _ = crate::fsutil::write_atomic(&origin, text.as_bytes());
        }
        Ok(Cache { dir })
    }

    /// The cache of the network in `root` as it is, to read from: None when
    /// nothing was ever fetched; an error when a folder of it is not as
    /// covalue makes it.
    pub fn open(root: &Path) -> Result<Option<Cache>, CacheError> {
        let base = base()?;
        let Ok(base) = fs::canonicalize(&base) else {
            return Ok(None);
        };
        let dir = base.join(NETWORKS_DIR).join(key(root));
        if fs::symlink_metadata(&dir).is_err() {
            return Ok(None);
        }
        check_dir(&base)?;
        for folder in [&base.join(NETWORKS_DIR), &dir, &dir.join(SITES_DIR)] {
            if fs::symlink_metadata(folder).is_err() {
                return Ok(None);
            }
            check_dir(folder)?;
        }
        Ok(Some(Cache { dir }))
    }

    /// The network's folder in the cache.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder holding the sites' repositories and summaries.
    pub fn sites_dir(&self) -> PathBuf {
        self.dir.join(SITES_DIR)
    }

    /// A file or folder of a site in the cache; None for a name that is not
    /// a slug (it never becomes a path).
    fn site_path(&self, name: &str, ending: &str) -> Option<PathBuf> {
        is_slug(name).then(|| self.sites_dir().join(format!("{name}{ending}")))
    }

    /// The bare repository of a site.
    pub fn site_repo(&self, name: &str) -> Option<PathBuf> {
        self.site_path(name, ".git")
    }

    /// The summary of a site's last read revision.
    pub fn site_summary_file(&self, name: &str) -> Option<PathBuf> {
        self.site_path(name, ".json")
    }

    /// The file that keeps why a site's last fetch failed.
    pub fn site_failure_file(&self, name: &str) -> Option<PathBuf> {
        self.site_path(name, ".failed")
    }
}

/// covalue's cache folder: `$COVALUE_CACHE_DIR`, or `covalue` in the
/// user's cache folder.
pub fn base() -> Result<PathBuf, CacheError> {
    if let Some(dir) = std::env::var_os(CACHE_ENV).filter(|d| !d.is_empty()) {
        return std::path::absolute(PathBuf::from(dir))
            .map_err(|e| CacheError::NoPlace(format!("{CACHE_ENV} cannot be used: {e}")));
    }
    user_cache_dir().map(|dir| dir.join("covalue"))
}

/// An absolute folder named by an environment variable.
fn absolute_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// The user's cache folder, as the system's conventions name it.
fn user_cache_dir() -> Result<PathBuf, CacheError> {
    let found = if cfg!(windows) {
        absolute_env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        absolute_env("HOME").map(|home| home.join("Library/Caches"))
    } else {
        absolute_env("XDG_CACHE_HOME").or_else(|| absolute_env("HOME").map(|h| h.join(".cache")))
    };
    found.ok_or_else(|| {
        CacheError::NoPlace(if cfg!(windows) {
            "LOCALAPPDATA is not set".into()
        } else {
            "HOME is not set".into()
        })
    })
}

/// The network folder with every link resolved (as it is named when it cannot be).
fn canonical(root: &Path) -> PathBuf {
    fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf())
}

/// The name of a network's folder in the cache: a readable slug of the
/// network folder's name and a stable hash of its full, resolved path, so
/// that two networks never share a cache and one always finds its own.
pub fn key(root: &Path) -> String {
    let path = canonical(root);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "network" } else { slug };
    format!("{slug}-{:016x}", fnv1a(path.as_os_str().as_encoded_bytes()))
}

/// FNV-1a, 64 bits: small, and the same on every platform and version.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn io_error(path: &Path, e: &io::Error) -> CacheError {
    CacheError::Io {
        path: path.to_path_buf(),
        why: e.to_string(),
    }
}

/// Makes a folder and the ones above it that are missing, each only for
/// the user (0700).
fn make_dir_all(dir: &Path) -> Result<(), CacheError> {
    // Only Unix sets a mode; elsewhere the user's profile keeps it private.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| io_error(dir, &e))
}

/// Makes one folder (0700) when nothing is there.
fn make_dir(dir: &Path) -> Result<(), CacheError> {
    if fs::symlink_metadata(dir).is_ok() {
        return Ok(());
    }
    // Only Unix sets a mode; elsewhere the user's profile keeps it private.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_error(dir, &e)),
    }
}

/// Why a folder of the cache is not as covalue makes it, if it is not:
/// a link, not a folder, someone else's, or open to changes by others.
fn foreign_dir(meta: &fs::Metadata) -> Option<String> {
    if meta.file_type().is_symlink() {
        return Some("is a link".into());
    }
    if !meta.is_dir() {
        return Some("is not a folder".into());
    }
    foreign_owner(meta)
}

/// Why an entry is not the user's own, if it is not (Unix: its owner and mode).
#[cfg(unix)]
fn foreign_owner(meta: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        return Some(format!(
            "belongs to another user (user id {}, yours is {me})",
            meta.uid()
        ));
    }
    if !meta.file_type().is_symlink() && meta.mode() & 0o022 != 0 {
        return Some(format!(
            "may be changed by other users (mode {:o})",
            meta.mode() & 0o777
        ));
    }
    None
}

#[cfg(not(unix))]
fn foreign_owner(_meta: &fs::Metadata) -> Option<String> {
    None
}

/// Refuses a folder of the cache that is not as covalue makes it.
fn check_dir(dir: &Path) -> Result<(), CacheError> {
    let meta = fs::symlink_metadata(dir).map_err(|e| io_error(dir, &e))?;
    match foreign_dir(&meta) {
        Some(why) => Err(CacheError::Foreign {
            path: dir.to_path_buf(),
            why,
        }),
        None => Ok(()),
    }
}

/// Why a file of the cache (a summary, a failure note) is not one covalue
/// wrote, if it is not: a link, not a regular file, or someone else's.
pub fn foreign_file(path: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(path).ok()?;
    if meta.file_type().is_symlink() {
        return Some("it is a link".into());
    }
    if !meta.is_file() {
        return Some("it is not a regular file".into());
    }
    foreign_owner(&meta).map(|why| format!("it {why}"))
}

/// The bytes of a file of the cache: None when it is missing; an error
/// saying why when it is not one covalue wrote (a link, a device, a FIFO,
/// someone else's) or is larger than `max` bytes. Never follows a link,
/// never waits on a FIFO.
pub fn read_entry(path: &Path, max: u64) -> Result<Option<Vec<u8>>, String> {
    if let Some(why) = foreign_file(path) {
        return Err(why);
    }
    match crate::confine::read_own_file(path, max) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Missing) => Ok(None),
        Err(ReadError::TooLarge(size)) => Err(format!(
            "it is {size} bytes, more than the {max} covalue reads"
        )),
        Err(other) => Err(other.describe()),
    }
}

/// Files git reads from a repository's own folder that could send it
/// elsewhere: to another repository's config and refs (`commondir`), to a
/// work tree (`gitdir`), or to other objects (`alternates`, `grafts`).
const REDIRECTS: [&str; 5] = [
    "commondir",
    "gitdir",
    "objects/info/alternates",
    "objects/info/http-alternates",
    "info/grafts",
];

/// Why a site's cached repository is not one covalue made, if it is not:
/// the folder is a link or someone else's; it holds a file that sends git
/// elsewhere ([`REDIRECTS`]); or anything in it is a link, a device, a
/// FIFO or someone else's. Checked before every fetch and every read.
pub fn check_repo(dir: &Path) -> Result<(), String> {
    let meta = fs::symlink_metadata(dir).map_err(|e| e.to_string())?;
    if let Some(why) = foreign_dir(&meta) {
        return Err(format!("the folder {why}"));
    }
    for name in REDIRECTS {
        if fs::symlink_metadata(dir.join(name)).is_ok() {
            return Err(format!("it holds `{name}`, which would send git elsewhere"));
        }
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let entry = entry.map_err(|e| e.to_string())?;
        let shown = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .display()
            .to_string();
        let meta = entry.metadata().map_err(|e| e.to_string())?;
        if meta.file_type().is_symlink() {
            return Err(format!("`{shown}` is a link"));
        }
        if !meta.is_dir() && !meta.is_file() {
            return Err(format!("`{shown}` is not a file or a folder"));
        }
        if let Some(why) = foreign_owner(&meta) {
            return Err(format!("`{shown}` {why}"));
        }
    }
    Ok(())
}

/// Removes an entry of the cache: a site's repository, summary or failure
/// note, or whatever stands in its place, never following a link.
pub fn remove_entry(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(dir),
        Ok(_) => fs::remove_file(dir),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes a folder for a site's repository, only for the user (0700).
pub fn make_repo_dir(dir: &Path) -> io::Result<()> {
    // Only Unix sets a mode; elsewhere the user's profile keeps it private.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_readable_and_distinct() {
        let a = key(Path::new("/nowhere/Jönköping CoP"));
        assert_eq!(a, key(Path::new("/nowhere/Jönköping CoP")));
        assert!(a.starts_with("j-nk-ping-cop-"), "{a}");
        assert_ne!(a, key(Path::new("/elsewhere/Jönköping CoP")));
        assert!(key(Path::new("/")).starts_with("network-"));
        // The same on every machine and version: FNV-1a of the path.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn site_names_never_leave_the_cache() {
        let cache = Cache {
            dir: PathBuf::from("/cache/networks/net-1"),
        };
        assert_eq!(cache.site_repo("../x"), None);
        assert_eq!(cache.site_repo("a/b"), None);
        assert_eq!(
            cache.site_repo("lakeside"),
            Some(PathBuf::from("/cache/networks/net-1/sites/lakeside.git"))
        );
    }
}
