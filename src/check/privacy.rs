//! Privacy: likely personal identifiers anywhere in the workbook (e-mail
//! addresses, phone numbers, national identity numbers, dates of birth),
//! except values a site allows in `covalue.toml` with a reason.
//!
//! A [`Lint`] scans each file the loader reads (as its hook), remembering
//! which; then [`Lint::scan_unread`] walks the whole workbook and scans every
//! other file that holds text, whatever its name (hidden folders included,
//! but not `.git` or the report folder `out/`), and the name of every file
//! and folder. Text is scanned as a report shows it, with escapes and
//! character references decoded and look-alike characters read as one (see
//! [`crate::privacy::scan_file`]); UTF-16 files are decoded first, and
//! binary files (images, PDFs, archives) are left out.

use std::collections::HashSet;
use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::confine::{Jail, REPORT_DIR};
use crate::finding::{Code, Finding};
use crate::privacy::{self, IdentifierKind, Match, Syntax};
use crate::source::Source;
use crate::workbook::layout;

/// The privacy lint of one run of `check`.
#[derive(Debug, Default)]
pub struct Lint {
    /// The allowed values, normalised.
    allowed: Vec<String>,
    /// The files already scanned, as hashes of the names findings give
    /// them: a few bytes each, where a workbook of 1,000 populations has
    /// tens of thousands of files. The keys are random for each run, so no
    /// name can be made to collide with another on purpose.
    scanned: Mutex<HashSet<u64>>,
    keys: RandomState,
}

impl Lint {
    /// A lint that lets the values of a workbook's `[[privacy.allow]]` list through.
    pub fn new(allow: &[(String, String)]) -> Lint {
        Lint {
            allowed: allowed_values(allow),
            ..Lint::default()
        }
    }

    /// Scans one file the loader read, and remembers it (the loader's hook).
    pub fn scan_source(&self, source: &Source, out: &mut Vec<Finding>) {
        let key = self.keys.hash_one(source.file.as_str());
        let first_time = self
            .scanned
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key);
        if first_time {
            scan_source(source, &self.allowed, out);
        }
    }

    /// Walks the whole workbook at `root` and scans what the loader did not
    /// read (see [`Lint::scan_population`] and
    /// [`Lint::scan_outside_populations`]); when `populations` is not empty,
    /// only those population folders are walked.
    pub fn scan_unread(&self, root: &Path, populations: &[String]) -> Vec<Finding> {
        let mut findings = self.scan_outside_populations(root, populations);
        let slugs = walked_populations(root, populations);
        let scan = |slug: &String| self.scan_population(root, slug);
        // One population is scanned on this thread: starting the pool would
        // cost more than it saves.
        let inside: Vec<Vec<Finding>> = if slugs.len() < 2 {
            slugs.iter().map(scan).filter(|f| !f.is_empty()).collect()
        } else {
            slugs
                .par_iter()
                .map(scan)
                .filter(|f| !f.is_empty())
                .collect()
        };
        findings.extend(inside.into_iter().flatten());
        findings
    }

    /// Scans what the loader did not read inside `populations/SLUG`: every
    /// file that holds text, whatever its name, and the name of every file
    /// and folder in it. Call it once the population is loaded, so that the
    /// files the loader read are known.
    pub fn scan_population(&self, root: &Path, slug: &str) -> Vec<Finding> {
        let dir = root.join(layout::population_dir(slug));
        // walkdir always follows a link given as the folder to walk: never
        // give it one (the loader reports and confines linked folders).
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Vec::new();
        }
        let mut findings = self.walk(root, &dir, |_| false);
        for f in &mut findings {
            f.population = Some(slug.to_string());
        }
        findings
    }

    /// Scans what the loader did not read outside the population folders:
    /// every text file and the name of every file and folder, the names of
    /// the population folders that are walked (all, or those in
    /// `populations` when it is not empty) included.
    pub fn scan_outside_populations(&self, root: &Path, populations: &[String]) -> Vec<Finding> {
        let (mut findings, mut to_read) = (Vec::new(), Vec::new());
        // The population folders' own names; what is inside them is walked
        // by scan_population.
        let mut population_folders = Vec::new();
        let walk = walkdir::WalkDir::new(root)
            .follow_links(false)
            .min_depth(1)
            .into_iter()
            .filter_entry(|entry| {
                if !is_population_folder(entry) {
                    return !skipped_folder(entry);
                }
                let slug = entry.file_name().to_string_lossy().into_owned();
                if is_walked(&slug, populations) {
                    population_folders.push(slug);
                }
                false
            });
        self.scan_entries(root, walk, &mut to_read, &mut findings);
        for slug in population_folders {
            self.scan_path(
                &layout::population_dir(&slug),
                &slug,
                "folder",
                &mut findings,
            );
        }
        self.scan_files(root, &to_read, &mut findings);
        for f in &mut findings {
            f.population = f
                .file
                .as_deref()
                .and_then(layout::population_in)
                .map(str::to_string);
        }
        findings
    }

    /// Walks `dir` (inside `root`), never following a link, and scans the
    /// names and the unread text files met, leaving out folders `skip` names.
    fn walk(
        &self,
        root: &Path,
        dir: &Path,
        skip: impl FnMut(&walkdir::DirEntry) -> bool,
    ) -> Vec<Finding> {
        let mut skip = skip;
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(false)
            .min_depth(1)
            .into_iter()
            .filter_entry(|entry| !skipped_folder(entry) && !skip(entry));
        let (mut findings, mut to_read) = (Vec::new(), Vec::new());
        self.scan_entries(root, walk, &mut to_read, &mut findings);
        self.scan_files(root, &to_read, &mut findings);
        findings
    }

    /// Scans the name of each entry, and lists the files the loader did not
    /// read (by their names relative to `root`).
    fn scan_entries(
        &self,
        root: &Path,
        entries: impl Iterator<Item = walkdir::Result<walkdir::DirEntry>>,
        to_read: &mut Vec<String>,
        findings: &mut Vec<Finding>,
    ) {
        for entry in entries.flatten() {
            let Some(display) = relative(root, entry.path()) else {
                continue;
            };
            let is_file = entry.file_type().is_file();
            let kind = if entry.file_type().is_dir() {
                "folder"
            } else {
                "file"
            };
            let name = entry.file_name().to_string_lossy();
            self.scan_path(&display, &name, kind, findings);
            if is_file && name != GIT_DIR && !self.was_scanned(&display) {
                to_read.push(display);
            }
        }
    }

    fn was_scanned(&self, display: &str) -> bool {
        let key = self.keys.hash_one(display);
        self.scanned
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&key)
    }

    /// Reads each file (named relative to `root`) through the workbook's
    /// jail, which refuses links out, devices, FIFOs and files over 32 MiB,
    /// and scans it when it holds text (see [`text_of`]).
    fn scan_files(&self, root: &Path, files: &[String], findings: &mut Vec<Finding>) {
        if files.is_empty() {
            return;
        }
        let Ok(jail) = Jail::new(root) else {
            return;
        };
        for display in files {
            let Ok(bytes) = jail.read(&root.join(display)) else {
                continue;
            };
            let Some(text) = text_of(bytes) else {
                continue;
            };
            scan_source(&Source::new(display, text), &self.allowed, findings);
        }
    }

    /// Scans the last part of a path: the name of a file or folder.
    fn scan_path(&self, display: &str, name: &str, kind: &str, out: &mut Vec<Finding>) {
        for m in privacy::scan_name(name) {
            if self.allowed.contains(&privacy::normalise(&m.text)) {
                continue;
            }
            out.push(
                Finding::error(
                    Code::CV030,
                    format!(
                        "the name of this {kind} looks like it holds {}: `{}`",
                        m.kind.label(),
                        m.text
                    ),
                )
                .in_file(display)
                .help(format!(
                    "rename the {kind}: names travel with every copy of the workbook and stay in git history"
                )),
            );
        }
    }
}

/// git's own folder (or, in a linked worktree, the file naming it).
const GIT_DIR: &str = ".git";

/// How far into a file to look for a NUL byte that makes it binary (as git does).
const BINARY_SNIFF_BYTES: usize = 8 << 10;

/// Folders the walk does not enter: `.git`, and the report folder at the
/// root (`out/`, which holds what `covalue render` wrote from the files that
/// are scanned, and which the `.gitignore` covalue writes keeps out of git).
/// Other hidden folders (`.drafts`, `.github`) are walked like any other.
fn skipped_folder(entry: &walkdir::DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let name = entry.file_name();
    name == GIT_DIR || (entry.depth() == 1 && name == REPORT_DIR)
}

/// The text a file holds, or `None` for a binary file. UTF-16 with a
/// byte-order mark (or without one, when every other byte of its start is
/// NUL) is decoded; a file with a NUL byte in its first 8 KiB, or a PDF, is
/// binary; bytes that are not UTF-8 are read as U+FFFD.
fn text_of(bytes: Vec<u8>) -> Option<String> {
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(&bytes);
    if let Some(big_endian) = utf16_order(head) {
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return Some(
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text),
        );
    }
    if memchr::memchr(0, head).is_some() || head.starts_with(b"%PDF-") {
        return None;
    }
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Whether the start of a file is UTF-16, and in which byte order
/// (`Some(true)` for big-endian): a byte-order mark, or ASCII text with a
/// NUL byte beside every character.
fn utf16_order(head: &[u8]) -> Option<bool> {
    match head {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    if head.len() < 16 {
        return None;
    }
    let pairs = head.chunks_exact(2);
    let high_nul = pairs.clone().filter(|p| p[0] != 0 && p[1] == 0).count();
    let low_nul = pairs.clone().filter(|p| p[0] == 0 && p[1] != 0).count();
    let all = pairs.len();
    // Nearly every character of a text in a Latin script is ASCII.
    let mostly = |n: usize| n * 4 >= all * 3;
    if mostly(high_nul) && low_nul == 0 {
        Some(false)
    } else if mostly(low_nul) && high_nul == 0 {
        Some(true)
    } else {
        None
    }
}

/// A folder (not a link) right inside the root's `populations` folder.
fn is_population_folder(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 2
        && entry.file_type().is_dir()
        && !entry.file_name().to_string_lossy().starts_with('.')
        && entry
            .path()
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|p| p == layout::POPULATIONS_DIR)
}

/// Whether the population folder `slug` is walked: all are, unless some are asked for.
fn is_walked(slug: &str, populations: &[String]) -> bool {
    populations.is_empty() || populations.iter().any(|p| p == slug)
}

/// The population folders to walk, sorted (folders only, never links).
fn walked_populations(root: &Path, populations: &[String]) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join(layout::POPULATIONS_DIR)) else {
        return Vec::new();
    };
    let mut slugs: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|slug| !slug.starts_with('.') && is_walked(slug, populations))
        .collect();
    slugs.sort();
    slugs
}

/// A path inside the workbook as findings show it: relative, with `/`.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?.to_string_lossy();
    let rel = if cfg!(windows) {
        rel.replace('\\', "/")
    } else {
        rel.into_owned()
    };
    (!rel.is_empty()).then_some(rel)
}

/// Scans one file, as a reader sees it (escapes decoded), and reports each
/// likely identifier not on the allow list at the place it is written.
pub fn scan_source(source: &Source, allowed: &[String], out: &mut Vec<Finding>) {
    let syntax = Syntax::of_file(&source.file);
    for m in privacy::scan_file(&source.text, syntax) {
        if allowed.iter().any(|a| *a == privacy::normalise(&m.text)) {
            continue;
        }
        out.push(
            Finding::error(Code::CV030, message(source, &m))
                .at(source, m.start..m.end)
                .help(help(m.kind)),
        );
    }
}

fn message(source: &Source, m: &Match) -> String {
    let strength = if m.checksum_valid {
        " (its check digit is valid)"
    } else {
        ""
    };
    let written = source.text.get(m.start..m.end).unwrap_or(&m.text);
    let escaped = if written == m.text {
        String::new()
    } else if written.contains('\n') {
        " (written differently, across lines)".to_string()
    } else {
        format!(" (written as `{}`)", visible(written))
    };
    format!(
        "this looks like {}{strength}: `{}`{escaped}",
        m.kind.label(),
        m.text
    )
}

/// Text as written, with what cannot be told apart from ASCII or cannot be
/// seen at all (dashes, spaces, invisible and control characters) shown as
/// `\u{…}`, so that the message says how an identifier was disguised.
fn visible(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    for c in written.chars() {
        if privacy::is_look_alike(c) || crate::escape::is_unsafe_for_terminal(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

fn help(kind: IdentifierKind) -> &'static str {
    match kind {
        IdentifierKind::DateOfBirth => {
            "personas are composites: give an age or a decade instead of a date of birth"
        }
        IdentifierKind::Email | IdentifierKind::Phone => {
            "remove it; if it is public (the clinic's switchboard, say), allow it in covalue.toml under [[privacy.allow]] with a reason"
        }
        _ => {
            "remove it now and from git history: workbooks travel between sites and a real identity number must never be in one"
        }
    }
}

/// The normalised allowed values of a workbook's configuration.
pub fn allowed_values(allow: &[(String, String)]) -> Vec<String> {
    allow
        .iter()
        .map(|(value, _)| privacy::normalise(value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        bom.then_some(0xFEFF)
            .into_iter()
            .chain(text.encode_utf16())
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn text_is_told_from_binary() {
        let text = "Ring Åsa på 070-123 45 67.\r\n";
        for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            assert_eq!(
                text_of(utf16(text, big_endian, bom)).as_deref(),
                Some(text),
                "big endian {big_endian}, mark {bom}"
            );
        }
        assert_eq!(text_of(b"plain\n".to_vec()).as_deref(), Some("plain\n"));
        assert_eq!(
            text_of(b"bad \xff byte".to_vec()).as_deref(),
            Some("bad \u{fffd} byte")
        );
        assert_eq!(text_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR 070".to_vec()), None);
        assert_eq!(text_of(b"%PDF-1.7\n070-123 45 67".to_vec()), None);
        // Bytes that only look like UTF-16 here and there stay binary.
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(utf16_order(&noise), None);
    }
}
