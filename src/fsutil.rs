//! Writing files safely: new files never replace existing ones, and outputs
//! are written to a temporary file first and then renamed into place. The
//! temporary file is registered with [`crate::cleanup`] while it exists, so
//! it is removed on every error and when covalue is interrupted.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::cleanup::TempPath;

/// What happened to a file covalue was asked to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// It was written.
    Written(PathBuf),
    /// Something was already there; it was left alone.
    LeftAlone(PathBuf),
}

/// A temporary file beside its target (so that renaming it is atomic),
/// named `.NAME.covalue-RANDOM.tmp`, registered for clean-up while it exists.
struct Temp {
    file: NamedTempFile,
    registered: TempPath,
}

/// Creates a new, empty temporary file beside `path` (and its folder),
/// removed when dropped.
fn create_temp(path: &Path) -> io::Result<Temp> {
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            fs::create_dir_all(parent)?;
            parent
        }
        None => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "covalue".into(), |n| n.to_string_lossy().to_string());
    remove_stale_temps(dir, &name);
    let mut registered = None;
    let file = tempfile::Builder::new()
        .prefix(&format!(".{name}.covalue-"))
        .suffix(".tmp")
        .make_in(dir, |tmp| {
            // Registered before it exists; created with the usual
            // permissions of a new file, which the output keeps.
            let (guard, file) = TempPath::create(tmp.to_path_buf(), |tmp| {
                fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(tmp)
            })?;
            registered = Some(guard);
            Ok(file)
        })?;
    let registered =
        registered.ok_or_else(|| io::Error::other("the temporary file was not registered"))?;
    Ok(Temp { file, registered })
}

/// How old a temporary file must be before a later save removes it: a save
/// takes milliseconds, so an older one was left by a covalue that was
/// killed, not by one still writing.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files that interrupted saves of `name` left in
/// `dir` (`.NAME.covalue-RANDOM.tmp`, regular files only, older than
/// [`STALE_AFTER`]). Anything that cannot be removed is left for `check`
/// to report.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}{}", crate::workbook::layout::TEMP_INFIX);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if !file_name.starts_with(&prefix) || !crate::workbook::layout::is_temp_file(file_name) {
            continue;
        }
        // Not followed: a link or a folder of that name is not covalue's.
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

impl Temp {
    /// Flushes it to disk and renames it to `path`, replacing what is there
    /// (`replace`) or only when nothing is (AlreadyExists otherwise). A file
    /// that is replaced keeps its permissions (a workbook kept 0600 stays so).
    fn persist(self, path: &Path, replace: bool) -> io::Result<()> {
        let Temp { file, registered } = self;
        if replace {
            if let Ok(meta) = fs::symlink_metadata(path) {
                if meta.is_file() {
                    file.as_file().set_permissions(meta.permissions())?;
                }
            }
        }
        file.as_file().sync_all()?;
        registered.keep(|| {
            let persisted = if replace {
                file.persist(path)
            } else {
                file.persist_noclobber(path)
            };
            persisted.map(drop).map_err(|e| e.error)
        })
    }
}

fn write_temp(path: &Path, content: &[u8]) -> io::Result<Temp> {
    let mut tmp = create_temp(path)?;
    tmp.file.write_all(content)?;
    Ok(tmp)
}

/// Creates a file only when nothing is at `path`; never replaces anything.
pub fn create_new(path: &Path, content: &str) -> io::Result<Created> {
    if path.exists() || path.is_symlink() {
        return Ok(Created::LeftAlone(path.to_path_buf()));
    }
    match write_temp(path, content.as_bytes())?.persist(path, false) {
        Ok(()) => Ok(Created::Written(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Ok(Created::LeftAlone(path.to_path_buf()))
        }
        Err(_) => {
            // The file system can neither rename without replacing nor
            // link: fall back to an exclusive create.
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut f) => {
                    f.write_all(content.as_bytes())?;
                    Ok(Created::Written(path.to_path_buf()))
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    Ok(Created::LeftAlone(path.to_path_buf()))
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// Writes an output file atomically, replacing an earlier output.
pub fn write_atomic(path: &Path, content: &[u8]) -> io::Result<()> {
    write_temp(path, content)?.persist(path, true)
}

/// Writes an output file atomically as it is produced: `write` streams into
/// a temporary file beside `path`, which replaces `path` only when `write`
/// succeeds. On failure the temporary file is removed and `path` is untouched.
pub fn write_atomic_with<T, E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<io::Error>,
{
    // Dropping `tmp` on any error below removes the temporary file.
    let mut tmp = create_temp(path)?;
    let mut out = io::BufWriter::with_capacity(1 << 16, tmp.file.as_file_mut());
    let value = write(&mut out)?;
    out.flush()?;
    drop(out);
    tmp.persist(path, true)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_streamed_write_leaves_the_old_file() {
        let dir = std::env::temp_dir().join(format!("covalue-fsutil-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        let path = dir.join("report.html");
        let _ = fs::write(&path, "old");
        let failed: Result<(), io::Error> = write_atomic_with(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("template failed"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).ok().as_deref(), Some("old"));
        let ok: Result<(), io::Error> = write_atomic_with(&path, |w| w.write_all(b"new"));
        assert!(ok.is_ok());
        assert_eq!(fs::read_to_string(&path).ok().as_deref(), Some("new"));
        let leftovers = fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = fs::remove_dir_all(&dir);
    }
}
