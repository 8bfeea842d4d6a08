//! Reading a text file of a workbook or guide: UTF-8 checks, byte-order marks,
//! and turning byte offsets into line and column numbers for diagnostics.

use std::path::PathBuf;

/// Why a file could not be read; [`Source::from_bytes`] returns it, so it is
/// reachable here too.
pub use crate::read_error::ReadError;

/// A text file as read from disk, with what is needed to point into it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path shown to the user (relative to the workbook when possible).
    pub display: PathBuf,
    /// The same path as text with `/` separators, as findings show it.
    pub file: String,
    /// The text, without a leading byte-order mark.
    pub text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

impl Source {
    /// Builds a source from text already in memory.
    pub fn new(display: impl Into<PathBuf>, text: String) -> Source {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        // Room for lines of about 40 bytes, so that most files need no more.
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let display = display.into();
        let file = display.display().to_string().replace('\\', "/");
        Source {
            display,
            file,
            text,
            line_starts,
        }
    }

    /// Builds a source from raw bytes, checking that they are UTF-8.
    pub fn from_bytes(bytes: Vec<u8>, display: impl Into<PathBuf>) -> Result<Source, ReadError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(display, text)),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let before = String::from_utf8_lossy(&bytes[..valid]);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                Err(ReadError::NotUtf8 { line, column })
            }
        }
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Pos {
            line: line + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// The line ending a file uses: CRLF when its first line ends so. New
/// lines written into a file take it, so that a save changes no other line.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = Source::new("x", "ab\nJönköping = 1\n".to_string());
        assert_eq!(src.pos(0), Pos { line: 1, column: 1 });
        let off = src.text.find('=').unwrap_or(0);
        assert_eq!(
            src.pos(off),
            Pos {
                line: 2,
                column: 11
            }
        );
        assert_eq!(src.line_text(2), "Jönköping = 1");
    }

    #[test]
    fn bom_is_dropped_and_bad_utf8_is_located() {
        let src = Source::new("x", "\u{feff}a".to_string());
        assert_eq!(src.text, "a");
        let err = Source::from_bytes(b"ok\nab\xffc".to_vec(), "x");
        assert!(matches!(
            err,
            Err(ReadError::NotUtf8 { line: 2, column: 3 })
        ));
    }
}
