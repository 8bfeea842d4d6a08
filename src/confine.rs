//! The one door for paths that come from a workbook. A workbook is untrusted
//! input (teams run covalue on partners' branches), so every file covalue
//! reads on a workbook's behalf is resolved here: links are followed, the
//! result must stay inside the workbook's folder, and it must be a regular
//! file no larger than [`MAX_FILE_BYTES`]. Devices, FIFOs and sockets are
//! never opened for reading, and a file that grows while it is read is cut
//! off at the limit.
//!
//! Names that a workbook supplies for covalue to *build* paths with (the
//! guide, the templates folder, population and persona slugs) go through
//! [`relative_name`] first, so that no workbook text is ever joined onto a
//! filesystem path unchecked.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use crate::read_error::{MAX_FILE_BYTES, ReadError};

/// A folder that reads may not leave: a workbook's root, or a site's
/// templates folder inside it.
#[derive(Debug, Clone)]
pub struct Jail {
    /// The folder, with every link resolved.
    root: PathBuf,
}

impl Jail {
    /// A jail at `root`, which must exist.
    pub fn new(root: &Path) -> io::Result<Jail> {
        Ok(Jail {
            root: fs::canonicalize(root)?,
        })
    }

    /// A jail at `root`; when `root` cannot be resolved, a jail that nothing
    /// resolves into (every read is then refused as outside).
    pub fn at(root: &Path) -> Jail {
        Jail::new(root).unwrap_or_else(|_| Jail {
            root: std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()),
        })
    }

    /// The folder, with every link resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `path` really is, when that is inside the jail.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let real = match fs::canonicalize(path) {
            Ok(real) => real,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                // A dangling link is "missing"; but if the path itself climbs
                // out of the jail, say so rather than whether it exists.
                return Err(self.outside_by_name(path).unwrap_or(ReadError::Missing));
            }
            Err(err) => return Err(ReadError::Io(err)),
        };
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(ReadError::Outside(real))
        }
    }

    /// Whether a path that does not exist would lie outside the jail: its
    /// `..` parts are applied, and the longest part of it that exists is
    /// resolved.
    fn outside_by_name(&self, path: &Path) -> Option<ReadError> {
        let normal = lexical(&std::path::absolute(path).ok()?);
        let mut existing = normal.as_path();
        let mut rest = Vec::new();
        let real = loop {
            if let Ok(real) = fs::canonicalize(existing) {
                break real;
            }
            rest.push(existing.file_name()?);
            existing = existing.parent()?;
        };
        let mut full = real;
        full.extend(rest.iter().rev());
        (!full.starts_with(&self.root)).then_some(ReadError::Outside(full))
    }

    /// Whether `path` resolves to a place inside the jail.
    pub fn contains(&self, path: &Path) -> bool {
        self.resolve(path).is_ok()
    }

    /// The bytes of the regular file at `path`, confined to the jail.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let real = self.resolve(path)?;
        read_regular_file(&real)
    }

    /// Where a new file at `path` would really be created, when that is
    /// inside the jail: the folders on the way are resolved (links included)
    /// before anything is created, so a link in the workbook cannot send a
    /// new file elsewhere.
    pub fn write_path(&self, path: &Path) -> io::Result<PathBuf> {
        let absolute = std::path::absolute(path)?;
        let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
            return Err(io::Error::other(format!(
                "{} is not a file name",
                path.display()
            )));
        };
        let target = resolve_dir(parent)
            .map_err(|why| io::Error::other(why.to_string()))?
            .join(name);
        if target.starts_with(&self.root) {
            Ok(target)
        } else {
            Err(io::Error::other(format!(
                "{} would be written outside the workbook (to {}), through a link or `..`",
                path.display(),
                target.display()
            )))
        }
    }

    /// The names in the folder at `path`, confined to the jail.
    pub fn list_dir(&self, path: &Path) -> io::Result<Vec<String>> {
        let real = self.resolve(path).map_err(|e| match e {
            ReadError::Io(err) => err,
            ReadError::Missing => io::Error::from(io::ErrorKind::NotFound),
            other => io::Error::other(other.describe()),
        })?;
        Ok(fs::read_dir(real)?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect())
    }
}

/// The bytes of the regular file at `path` (a file covalue was handed by
/// git or the user, not a workbook name): no devices, FIFOs or sockets, at
/// most [`MAX_FILE_BYTES`], and no link in the last part of the path.
pub fn read_regular_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_capped(path, MAX_FILE_BYTES)
}

/// The bytes of a file covalue keeps for itself (a network's cache): the
/// regular file at `path` itself, never a link (a link there is refused,
/// not followed), a device, a FIFO or a socket, and at most `max` bytes.
pub fn read_own_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(ReadError::NotAFile("a link")),
        Ok(_) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(err) => return Err(ReadError::Io(err)),
    }
    read_capped(path, max)
}

/// [`read_regular_file`] with a limit of `max` bytes.
fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(err) => return Err(ReadError::Io(err)),
    };
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = open_no_follow(path)?;
    // The file may have been swapped between the checks and the open.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in plain words.
fn special_kind(meta: &fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    if meta.is_dir() {
        return Some("a folder");
    }
    Some("not a regular file")
}

/// Opens a file for reading without following a link in its last part and
/// without waiting on a FIFO that was put in its place.
#[cfg(unix)]
fn open_no_follow(path: &Path) -> Result<fs::File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = fs::OpenOptions::new();
    options
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    options.open(path).map_err(ReadError::Io)
}

/// Opens a file for reading without following a symbolic link or a junction
/// in its last part: the reparse point itself is opened, and refused as a
/// link. (Other reparse points, such as OneDrive's files kept online, are
/// read as the files they stand for.) Windows has no FIFOs in folders.
#[cfg(windows)]
fn open_no_follow(path: &Path) -> Result<fs::File, ReadError> {
    use std::os::windows::fs::OpenOptionsExt;
    use windows_sys::Win32::Storage::FileSystem::FILE_FLAG_OPEN_REPARSE_POINT;
    let mut options = fs::OpenOptions::new();
    options
        .read(true)
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
    let file = options.open(path).map_err(ReadError::Io)?;
    if windows::is_link(&file).map_err(ReadError::Io)? {
        return Err(ReadError::NotAFile("a link"));
    }
    Ok(file)
}

#[cfg(not(any(unix, windows)))]
fn open_no_follow(path: &Path) -> Result<fs::File, ReadError> {
    fs::File::open(path).map_err(ReadError::Io)
}

/// What Windows says of an open file that the standard library does not.
#[cfg(windows)]
mod windows {
    use std::io;
    use std::os::windows::io::AsRawHandle;

    use windows_sys::Win32::Foundation::HANDLE;
    use windows_sys::Win32::Storage::FileSystem::{
        FILE_ATTRIBUTE_REPARSE_POINT, FILE_ATTRIBUTE_TAG_INFO, FileAttributeTagInfo,
        GetFileInformationByHandleEx,
    };

    /// The bit of a reparse tag that marks a name surrogate: a symbolic
    /// link, a junction (mount point), or another entry that stands for a
    /// different place (as `std`'s `is_symlink` counts them).
    const NAME_SURROGATE: u32 = 0x2000_0000;

    /// Whether `file` (opened with `FILE_FLAG_OPEN_REPARSE_POINT`) is a link
    /// or a junction rather than what it points to.
    pub(super) fn is_link(file: &std::fs::File) -> io::Result<bool> {
        let mut info = FILE_ATTRIBUTE_TAG_INFO {
            FileAttributes: 0,
            ReparseTag: 0,
        };
        // SAFETY: the handle is open for the call; `info` is the structure
        // this information class fills, with its size.
        let ok = unsafe {
            GetFileInformationByHandleEx(
                file.as_raw_handle() as HANDLE,
                FileAttributeTagInfo,
                (&raw mut info).cast(),
                u32::try_from(std::mem::size_of_val(&info)).unwrap_or(u32::MAX),
            )
        };
        if ok == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(info.FileAttributes & FILE_ATTRIBUTE_REPARSE_POINT != 0
            && info.ReparseTag & NAME_SURROGATE != 0)
    }
}

/// Why a name from a workbook cannot be used to build a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadName {
    /// It is empty.
    Empty,
    /// It starts at the root of the file system (or a drive).
    Absolute,
    /// It climbs out with `..`.
    Climbs,
}

impl std::fmt::Display for BadName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BadName::Empty => "it is empty",
            BadName::Absolute => "it is an absolute path, outside the workbook",
            BadName::Climbs => "it climbs out of the workbook with `..`",
        })
    }
}

/// Checks a relative name that a workbook gives (a guide file, a templates
/// folder): no root, no drive, no `..`. Links inside it are resolved and
/// confined later, by [`Jail`].
pub fn relative_name(name: &str) -> Result<PathBuf, BadName> {
    if name.trim().is_empty() {
        return Err(BadName::Empty);
    }
    let path = Path::new(name);
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => return Err(BadName::Climbs),
            Component::RootDir | Component::Prefix(_) => return Err(BadName::Absolute),
        }
    }
    if out.as_os_str().is_empty() {
        return Err(BadName::Empty);
    }
    Ok(out)
}

/// The folder, inside a workbook, that reports go to.
pub use crate::workbook::layout::REPORT_DIR;

/// Why covalue will not write a report where it was asked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputRefusal {
    /// The path names a folder, not a file.
    Folder,
    /// The path has no file name (it ends in `..` or `/`).
    NoFileName,
    /// A link stands at the path, or on the way to it, and covalue does not
    /// write through links it did not create.
    Link(PathBuf),
    /// Something other than a regular file is there (a device, a FIFO, …).
    Special(&'static str),
    /// The path is inside the workbook but not in its report folder.
    InsideWorkbook,
    /// The report folder is a link that leads out of the workbook.
    ReportDirLeaves(PathBuf),
}

impl std::fmt::Display for OutputRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputRefusal::Folder => f.write_str("it is a folder"),
            OutputRefusal::NoFileName => f.write_str("it does not end in a file name"),
            OutputRefusal::Link(at) => write!(
                f,
                "{} is a link, and covalue does not write reports through links",
                at.display()
            ),
            OutputRefusal::Special(kind) => write!(f, "it is {kind}, not a file"),
            OutputRefusal::InsideWorkbook => write!(
                f,
                "it is inside the workbook, where covalue writes reports only into the {REPORT_DIR}/ folder"
            ),
            OutputRefusal::ReportDirLeaves(to) => write!(
                f,
                "the workbook's {REPORT_DIR}/ folder is a link that leads outside the workbook (to {})",
                to.display()
            ),
        }
    }
}

/// Applies `.` and `..` to an absolute path without looking at the disk.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Resolves an absolute folder path the way the system will when covalue
/// creates what is missing of it: each part that exists is resolved (links
/// included) before a following `..` is applied; parts that do not exist yet
/// will be created as real folders.
fn resolve_dir(path: &Path) -> Result<PathBuf, OutputRefusal> {
    let mut cur = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                cur.pop();
            }
            Component::CurDir => {}
            Component::Normal(part) => {
                cur.push(part);
                match fs::canonicalize(&cur) {
                    Ok(real) => cur = real,
                    Err(_) if cur.is_symlink() => return Err(OutputRefusal::Link(cur)),
                    Err(_) => {}
                }
            }
            other => cur.push(other),
        }
    }
    Ok(cur)
}

/// Where a report asked for at `out` will really be written, or why it may
/// not be. Inside the workbook at `root`, reports go only into its real
/// [`REPORT_DIR`] folder; outside it, wherever the user points, but never
/// onto a link, a folder, a device or another special file. The returned
/// path has every link on the way resolved, so writing to it cannot be
/// redirected by a link in the workbook.
pub fn report_target(out: &Path, root: Option<&Path>) -> Result<PathBuf, OutputRefusal> {
    // `out/` names a folder: the trailing separator is gone once the path
    // is split into parts, so look at it first.
    let raw = out.as_os_str().to_string_lossy();
    if raw.ends_with('/') || raw.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(OutputRefusal::NoFileName);
    }
    let absolute = std::path::absolute(out).map_err(|_| OutputRefusal::NoFileName)?;
    let name = match absolute.components().next_back() {
        Some(Component::Normal(name)) => name.to_os_string(),
        _ => return Err(OutputRefusal::NoFileName),
    };
    let parent = absolute.parent().ok_or(OutputRefusal::NoFileName)?;
    let target = resolve_dir(parent)?.join(&name);
    match fs::symlink_metadata(&target) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(OutputRefusal::Link(target));
        }
        Ok(meta) if meta.is_dir() => return Err(OutputRefusal::Folder),
        Ok(meta) => {
            if let Some(kind) = special_kind(&meta) {
                return Err(OutputRefusal::Special(kind));
            }
        }
        Err(_) => {}
    }
    let Some(root) = root else {
        return Ok(target);
    };
    let lexical_root = std::path::absolute(root)
        .map(|r| lexical(&r))
        .unwrap_or_default();
    let real_root = fs::canonicalize(root).unwrap_or_else(|_| lexical_root.clone());
    let named_inside = lexical(&absolute).starts_with(&lexical_root);
    let really_inside = target.starts_with(&real_root);
    if !named_inside && !really_inside {
        return Ok(target);
    }
    let report_dir = root.join(REPORT_DIR);
    if let Ok(real) = fs::canonicalize(&report_dir) {
        if !real.starts_with(&real_root) {
            return Err(OutputRefusal::ReportDirLeaves(real));
        }
    }
    let real_report_dir = real_root.join(REPORT_DIR);
    if target != real_report_dir && target.starts_with(&real_report_dir) {
        Ok(target)
    } else {
        Err(OutputRefusal::InsideWorkbook)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_a_workbook_stay_relative() {
        assert_eq!(
            relative_name("guide/site.toml"),
            Ok(PathBuf::from("guide/site.toml"))
        );
        assert_eq!(
            relative_name("./guide.toml"),
            Ok(PathBuf::from("guide.toml"))
        );
        assert_eq!(relative_name("/etc/passwd"), Err(BadName::Absolute));
        assert_eq!(relative_name("a/../../x"), Err(BadName::Climbs));
        assert_eq!(relative_name(""), Err(BadName::Empty));
        assert_eq!(relative_name("."), Err(BadName::Empty));
    }

    #[cfg(unix)]
    #[test]
    fn a_jail_reads_inside_and_refuses_links_out_devices_and_fifos() {
        use std::os::unix::fs::symlink;
        let dir = std::env::temp_dir().join(format!("covalue-confine-{}", std::process::id()));
        let root = dir.join("wb");
        let _ = fs::create_dir_all(root.join("sub"));
        let _ = fs::write(dir.join("secret.txt"), "secret");
        let _ = fs::write(root.join("sub/a.md"), "inside");
        let _ = symlink("sub/a.md", root.join("ok.md"));
        let _ = symlink("../secret.txt", root.join("out.md"));
        let _ = symlink("/dev/zero", root.join("zero.md"));
        let jail = Jail::at(&root);
        assert_eq!(
            jail.read(&root.join("ok.md")).ok(),
            Some(b"inside".to_vec())
        );
        assert!(matches!(
            jail.read(&root.join("out.md")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            jail.read(&root.join("zero.md")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            jail.read(&root.join("sub/../../secret.txt")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            jail.read(&root.join("../nothing")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            jail.read(&root.join("nothing.md")),
            Err(ReadError::Missing)
        ));
        assert!(matches!(
            jail.read(&root.join("sub")),
            Err(ReadError::IsFolder)
        ));
        let fifo = root.join("pipe.md");
        if let Ok(c) = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()) {
            // SAFETY: mkfifo reads a valid NUL-terminated path.
            unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
            assert!(matches!(jail.read(&fifo), Err(ReadError::NotAFile(_))));
        }
        assert!(jail.list_dir(&root.join("sub")).is_ok());
        let _ = symlink("..", root.join("up"));
        assert!(jail.list_dir(&root.join("up")).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}

#[cfg(all(test, unix))]
mod output_tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn reports_go_into_the_real_report_folder_or_outside() {
        let dir = std::env::temp_dir().join(format!("covalue-out-{}", std::process::id()));
        let root = dir.join("wb");
        let _ = fs::create_dir_all(root.join("populations/ms/answers"));
        let _ = fs::write(root.join("covalue.toml"), "");
        let ok = |p: &str| report_target(&root.join(p), Some(&root));
        assert!(ok("out/short.html").is_ok());
        assert!(ok("out/new/deeper/short.html").is_ok());
        assert_eq!(ok("out"), Err(OutputRefusal::InsideWorkbook));
        assert_eq!(
            report_target(Path::new("out/"), Some(&root)),
            Err(OutputRefusal::NoFileName)
        );
        assert_eq!(ok("handout.html"), Err(OutputRefusal::InsideWorkbook));
        assert_eq!(
            ok("out/new/../../covalue.toml"),
            Err(OutputRefusal::InsideWorkbook)
        );
        assert_eq!(
            ok("out/new/../../populations/ms/answers/chain.md"),
            Err(OutputRefusal::InsideWorkbook)
        );
        assert_eq!(ok(".git/config"), Err(OutputRefusal::InsideWorkbook));
        assert!(report_target(&dir.join("elsewhere.html"), Some(&root)).is_ok());
        assert!(report_target(&root.join("../elsewhere.html"), Some(&root)).is_ok());
        assert!(matches!(
            report_target(Path::new("/dev/null"), None),
            Err(OutputRefusal::Special(_))
        ));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_report_folder_that_links_out_is_refused() {
        let dir = std::env::temp_dir().join(format!("covalue-outlink-{}", std::process::id()));
        let root = dir.join("wb");
        let _ = fs::create_dir_all(&root);
        let _ = fs::create_dir_all(dir.join("victim"));
        let _ = symlink("../victim", root.join("out"));
        assert!(matches!(
            report_target(&root.join("out/short.html"), Some(&root)),
            Err(OutputRefusal::ReportDirLeaves(_))
        ));
        let _ = symlink("../victim/x", dir.join("wb-link.html"));
        assert!(matches!(
            report_target(&dir.join("wb-link.html"), None),
            Err(OutputRefusal::Link(_))
        ));
        let _ = fs::remove_dir_all(&dir);
    }
}
