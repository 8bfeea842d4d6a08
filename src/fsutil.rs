//! Writing files safely: new files never replace existing ones, and outputs
//! are written to a temporary file first and then renamed into place.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

fn write_temp(path: &Path, content: &[u8]) -> io::Result<PathBuf> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let tmp = temp_path(path);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
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
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
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
    let tmp = write_temp(path, content)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}
