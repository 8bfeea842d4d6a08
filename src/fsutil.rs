//! Writing files safely: new files never replace existing ones, and outputs
//! are written to a temporary file first and then renamed into place. The
//! temporary file is registered with [`crate::cleanup`] while it exists, so
//! it is removed on every error and when covalue is interrupted.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cleanup::TempPath;

/// What happened to a file covalue was asked to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// It was written.
    Written(PathBuf),
    /// Something was already there; it was left alone.
    LeftAlone(PathBuf),
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "covalue".into(), |n| n.to_string_lossy().to_string());
    let unique = format!(
        ".{name}.covalue-{}-{}.tmp",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    path.with_file_name(unique)
}

/// Creates a new, empty temporary file beside `path` (and its folder),
/// removed when the returned guard is dropped.
fn create_temp(path: &Path) -> io::Result<(TempPath, fs::File)> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    TempPath::create(temp_path(path), |tmp| {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
    })
}

fn write_temp(path: &Path, content: &[u8]) -> io::Result<TempPath> {
    let (tmp, mut file) = create_temp(path)?;
    file.write_all(content)?;
    file.sync_all()?;
    Ok(tmp)
}

/// Creates a file only when nothing is at `path`; never replaces anything.
pub fn create_new(path: &Path, content: &str) -> io::Result<Created> {
    if path.exists() || path.is_symlink() {
        return Ok(Created::LeftAlone(path.to_path_buf()));
    }
    let tmp = write_temp(path, content.as_bytes())?;
    let linked = fs::hard_link(tmp.path(), path);
    drop(tmp);
    match linked {
        Ok(()) => Ok(Created::Written(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Ok(Created::LeftAlone(path.to_path_buf()))
        }
        Err(_) => {
            // The file system cannot link: fall back to an exclusive create.
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
    write_temp(path, content)?.rename_to(path)
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
    let (tmp, file) = create_temp(path)?;
    let mut out = io::BufWriter::with_capacity(1 << 16, file);
    let value = write(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    tmp.rename_to(path)?;
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
