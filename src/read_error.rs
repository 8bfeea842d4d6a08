//! Why a file could not be read, and the largest file covalue reads. The
//! confined reads from a workbook (`confine.rs`), the files of a git revision
//! (`git.rs`, `workbook/files.rs`), the network's cache and text decoding
//! (`source.rs`) all answer with one [`ReadError`], so that every caller says
//! the same thing for the same problem.

use std::io;
use std::path::PathBuf;

/// The largest file covalue reads from a workbook (32 MiB). A real answer
/// file is a few kilobytes; anything near this is a mistake or an attack.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The file is not there.
    Missing,
    /// A folder stands where a file should be.
    IsFolder,
    /// The operating system refused (permissions, a loop of links, …).
    Io(io::Error),
    /// The path, or a link on it, leads outside the workbook (to this place).
    Outside(PathBuf),
    /// Something other than a regular file is there (a device, a FIFO, …).
    NotAFile(&'static str),
    /// The file is larger than covalue reads (its size in bytes).
    TooLarge(u64),
    /// The bytes are not UTF-8; the position of the first bad byte.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
}

impl ReadError {
    /// Why the file cannot be read, in plain words (no location).
    pub fn describe(&self) -> String {
        match self {
            ReadError::Missing => "it is missing".into(),
            ReadError::IsFolder => "it is a folder".into(),
            ReadError::Io(e) => e.to_string(),
            ReadError::Outside(to) => format!(
                "it leads outside the workbook (to {}), and covalue reads only files inside it",
                to.display()
            ),
            ReadError::NotAFile(kind) => format!("it is {kind}, not a file"),
            ReadError::TooLarge(bytes) => format!(
                "it is {} MiB, larger than the {} MiB covalue reads",
                bytes.div_ceil(1 << 20),
                MAX_FILE_BYTES >> 20
            ),
            ReadError::NotUtf8 { line, column } => {
                format!("it is not UTF-8 text (line {line}, column {column})")
            }
        }
    }
}
