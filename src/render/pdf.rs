//! Printing a report to PDF with a locally installed Chromium or Chrome, run
//! headless in a fresh profile with networking features off. The browser is
//! the one given with `--browser`, else `COVALUE_BROWSER`, else the first of
//! the usual names found on PATH. The report, the profile and the PDF live in
//! a private temporary folder that is removed however printing ends.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cleanup::{Child, TempPath};

/// The environment variable naming the browser to print with.
pub const BROWSER_ENV: &str = "COVALUE_BROWSER";

/// The names a Chromium or Chrome is found under on PATH, in order.
pub const BROWSER_NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long a browser may take to print before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(180);

/// Why a PDF could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No browser was found.
    #[error("no Chromium or Chrome found to print the PDF (looked for {} on PATH)", BROWSER_NAMES.join(", "))]
    NoBrowser,
    /// The browser named with `--browser` or the environment is not there.
    #[error("the browser {} does not exist", .0.display())]
    BrowserMissing(PathBuf),
    /// The browser could not be started.
    #[error("cannot start {}", .0.display())]
    Start(PathBuf, #[source] std::io::Error),
    /// The browser ran but wrote no PDF.
    #[error("{} did not print a PDF{}", browser.display(), said(detail))]
    Failed {
        /// The browser.
        browser: PathBuf,
        /// The last lines it printed.
        detail: String,
    },
    /// The browser took too long and was stopped.
    #[error("{} took more than {} seconds to print and was stopped", .0.display(), TIMEOUT.as_secs())]
    TimedOut(PathBuf),
    /// Reading or writing a file failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// "; it said: …" with the browser's last lines, when it said something.
fn said(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!("; it said:\n{detail}")
    }
}

impl crate::diagnose::Diagnose for PdfError {
    fn help(&self) -> Option<String> {
        Some(match self {
            PdfError::NoBrowser => format!(
                "install Chromium (on Debian or Ubuntu: `apt-get install chromium`), or name a browser with --browser PATH or {BROWSER_ENV}=PATH; or write HTML and print it from any browser"
            ),
            PdfError::BrowserMissing(_) => {
                format!("give --browser (or {BROWSER_ENV}) the path of a Chromium or Chrome")
            }
            PdfError::Start(..) | PdfError::Failed { .. } | PdfError::TimedOut(_) => {
                "check that the browser runs (`chromium --version`), or write HTML and print it from any browser".to_string()
            }
            PdfError::Io(_) => "check that the output folder exists and you may write in it".to_string(),
        })
    }
}

/// Finds the browser to print with: `explicit` (from `--browser`), else the
/// environment variable, else the usual names on PATH.
pub fn find_browser(explicit: Option<&Path>, env: Option<OsString>) -> Result<PathBuf, PdfError> {
    let named = explicit
        .map(Path::to_path_buf)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from));
    if let Some(path) = named {
        if path.components().count() == 1 && !path.exists() {
            // A bare name: look it up on PATH.
            return search_path(&[path.to_string_lossy().as_ref()])
                .ok_or(PdfError::BrowserMissing(path));
        }
        return if path.is_file() {
            Ok(path)
        } else {
            Err(PdfError::BrowserMissing(path))
        };
    }
    search_path(BROWSER_NAMES).ok_or(PdfError::NoBrowser)
}

/// The first of `names` found as an executable file on PATH.
fn search_path(names: &[&str]) -> Option<PathBuf> {
    names.iter().find_map(|name| which::which(name).ok())
}

/// A `file://` URL for an absolute path.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                url.push(char::from(b));
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// A new folder under the system temporary folder, readable by this user
/// only (it holds the report), removed when dropped or when covalue is
/// interrupted.
fn temp_dir() -> std::io::Result<TempPath> {
    crate::cleanup::private_dir("covalue-pdf")
}

/// Prints the HTML document `html` to PDF with `browser`; returns the PDF.
/// The browser runs in a process group of its own, and it and everything it
/// started are killed when printing ends, fails or is interrupted.
pub fn print(browser: &Path, html: &[u8]) -> Result<Vec<u8>, PdfError> {
    let temp = temp_dir()?;
    let page = temp.path().join("report.html");
    let pdf = temp.path().join("report.pdf");
    let profile = temp.path().join("profile");
    let log = temp.path().join("browser.log");
    crate::cleanup::private_file(&page)?.write_all(html)?;
    let log_file = crate::cleanup::private_file(&log)?;
    let mut print_arg = OsString::from("--print-to-pdf=");
    print_arg.push(&pdf);
    let mut profile_arg = OsString::from("--user-data-dir=");
    profile_arg.push(&profile);
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-pdf-header-footer",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
        ])
        .arg(profile_arg)
        .arg(print_arg)
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log_file));
    let mut child =
        Child::spawn(&mut command).map_err(|e| PdfError::Start(browser.to_path_buf(), e))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            child.kill();
            return Err(PdfError::TimedOut(browser.to_path_buf()));
        }
        std::thread::sleep(Duration::from_millis(40));
    };
    match std::fs::read(&pdf) {
        Ok(bytes) if status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => {
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            let lines: Vec<&str> = said.lines().filter(|l| !l.trim().is_empty()).collect();
            let detail = lines[lines.len().saturating_sub(5)..]
                .iter()
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n");
            Err(PdfError::Failed {
                browser: browser.to_path_buf(),
                detail,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/Åsa#1.html")),
            "file:///tmp/a%20b/%C3%85sa%231.html"
        );
    }

    #[test]
    fn a_named_browser_that_is_missing_is_reported() {
        let missing = Path::new("/nowhere/chromium-that-is-not-here");
        assert!(matches!(
            find_browser(Some(missing), None),
            Err(PdfError::BrowserMissing(_))
        ));
        assert!(matches!(
            find_browser(None, Some(OsString::from("/nowhere/chrome"))),
            Err(PdfError::BrowserMissing(_))
        ));
    }
}
