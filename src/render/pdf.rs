//! Printing a report to PDF with a locally installed Chromium, Chrome or
//! Edge, run headless in a fresh profile with networking features off. The
//! browser is the one given with `--browser`, else `COVALUE_BROWSER`, else
//! the first of the usual names found on PATH, else the first installed in
//! the usual places of Windows (Program Files) or macOS (Applications). The
//! report, the profile and the PDF live in a private temporary folder that
//! is removed however printing ends.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use std::collections::HashMap;

use super::pages;
#[cfg(not(unix))]
use crate::cleanup::Child;
use crate::cleanup::{TempPath, private_file};

/// The environment variable naming the browser to print with.
pub const BROWSER_ENV: &str = "COVALUE_BROWSER";

/// The names a Chromium, Chrome or Edge is found under on PATH, in order
/// (on Windows, with `.exe` added).
pub const BROWSER_NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
];

/// Where Chrome, Edge and Chromium are installed on Windows, under each of
/// the folders that the environment variables name (Program Files, its
/// 32-bit twin, and the user's own programs).
const WINDOWS_BROWSERS: &[&str] = &[
    r"Google\Chrome\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
    r"Chromium\Application\chrome.exe",
];
const WINDOWS_FOLDERS: &[&str] = &["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"];

/// The app bundles of Chrome, Chromium and Edge on macOS, in /Applications
/// and then in the user's own Applications folder.
const MACOS_BROWSERS: &[&str] = &[
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

/// How long a browser may take to print before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(180);

/// Why a PDF could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No browser was found.
    #[error("no Chromium, Chrome or Edge found to print the PDF (looked for {} on PATH{})", BROWSER_NAMES.join(", "), installed_places())]
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

/// Where else a browser was looked for on this system, for the message.
fn installed_places() -> &'static str {
    match std::env::consts::OS {
        "windows" => " and under Program Files and the user's programs",
        "macos" => " and in the Applications folders",
        _ => "",
    }
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
                "{}, or name a browser with --browser PATH or {BROWSER_ENV}=PATH; or write HTML and print it from any browser",
                match std::env::consts::OS {
                    "windows" => "install Microsoft Edge or Google Chrome",
                    "macos" => "install Google Chrome, Chromium or Microsoft Edge in Applications",
                    _ => "install Chromium (on Debian or Ubuntu: `apt-get install chromium`)",
                }
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
/// environment variable, else the usual names on PATH, else the usual
/// places this system installs browsers in.
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
    search_path(BROWSER_NAMES)
        .or_else(|| {
            installed_browsers(std::env::consts::OS, |name| std::env::var_os(name))
                .into_iter()
                .find(|path| path.is_file())
        })
        .ok_or(PdfError::NoBrowser)
}

/// Where `os` (as [`std::env::consts::OS`] names it) installs Chromium-family
/// browsers outside PATH, in the order they are tried; `env` reads an
/// environment variable. Empty on Linux, where PATH is enough.
pub fn installed_browsers(os: &str, env: impl Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let folders: Vec<PathBuf> = match os {
        "windows" => WINDOWS_FOLDERS
            .iter()
            .filter_map(|name| env(name))
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
            .collect(),
        "macos" => std::iter::once(PathBuf::from("/Applications"))
            .chain(
                env("HOME")
                    .filter(|home| !home.is_empty())
                    .map(|home| PathBuf::from(home).join("Applications")),
            )
            .collect(),
        _ => Vec::new(),
    };
    let browsers = if os == "windows" {
        WINDOWS_BROWSERS
    } else {
        MACOS_BROWSERS
    };
    // Each browser in every folder before the next browser.
    browsers
        .iter()
        .flat_map(|browser| {
            folders.iter().map(move |dir| {
                let mut path = dir.clone();
                // One part at a time, so that the path is Windows' own there.
                path.extend(browser.split(['\\', '/']));
                path
            })
        })
        .collect()
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

/// The arguments every printing gives the browser: headless, a fresh
/// profile in `profile`, no network features, no extensions. (Not
/// `--no-pdf-header-footer`: it belongs to `--print-to-pdf`, and with it a
/// page opened over the DevTools pipe never answers.)
fn browser_command(browser: &Path, profile: &Path, log: std::fs::File) -> Command {
    let mut profile_arg = OsString::from("--user-data-dir=");
    profile_arg.push(profile);
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
        ])
        .arg(profile_arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log));
    command
}

/// The error of a browser that printed nothing, with its last lines.
fn failed(browser: &Path, log: &Path, why: Option<String>) -> PdfError {
    let said = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = said.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut detail: Vec<String> = lines[lines.len().saturating_sub(5)..]
        .iter()
        .map(|l| format!("    {l}"))
        .collect();
    detail.extend(why.map(|why| format!("    ({why})")));
    PdfError::Failed {
        browser: browser.to_path_buf(),
        detail: detail.join("\n"),
    }
}

/// Prints the HTML report `html` to PDF with `browser`; returns the PDF. A
/// report with a contents list gets its page numbers (see [`pages`]). The
/// browser runs in a process group of its own, and it and everything it
/// started are killed when printing ends, fails or is interrupted.
pub fn print(browser: &Path, report: &[u8]) -> Result<Vec<u8>, PdfError> {
    let numbered = pages::has_contents(report);
    let html = match (numbered, std::str::from_utf8(report)) {
        // A placeholder as wide as a number keeps the first printing's
        // pages the same as the last one's.
        (true, Ok(text)) => pages::fill(text, &HashMap::new(), "0").into_bytes(),
        (true, Err(_)) => {
            return Err(PdfError::Io(std::io::Error::other(
                "the report is not UTF-8",
            )));
        }
        (false, _) => report.to_vec(),
    };
    let temp = temp_dir()?;
    let page = temp.path().join("report.html");
    let log = temp.path().join("browser.log");
    private_file(&page)?.write_all(&html)?;
    let profile = temp.path().join("profile");
    #[cfg(unix)]
    let printed = print_over_pipe(
        browser_command(browser, &profile, private_file(&log)?),
        &page,
        numbered,
    );
    #[cfg(not(unix))]
    let printed = print_from_command_line(browser, &profile, &log, &page, report, numbered);
    match printed {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        Ok(_) => Err(failed(browser, &log, None)),
        Err(Printing::Start(e)) => Err(PdfError::Start(browser.to_path_buf(), e)),
        Err(Printing::TimedOut) => Err(PdfError::TimedOut(browser.to_path_buf())),
        Err(Printing::Io(e)) => Err(PdfError::Io(e)),
        Err(Printing::Failed(why)) => Err(failed(browser, &log, why)),
    }
}

/// Why one way of printing failed, before it is said with the browser's name.
enum Printing {
    Start(std::io::Error),
    TimedOut,
    Io(std::io::Error),
    Failed(Option<String>),
}

/// Prints with one browser over its DevTools pipe: the report is loaded once
/// and printed; when it has contents, their numbers are set in the loaded
/// page and it is printed again (see [`pages::number_contents`]).
#[cfg(unix)]
fn print_over_pipe(mut command: Command, page: &Path, numbered: bool) -> Result<Vec<u8>, Printing> {
    use super::devtools::{Devtools, DevtoolsError};
    let deadline = Instant::now() + TIMEOUT;
    let url = file_url(page);
    // The browser loads the report while it starts.
    command.arg(&url);
    let mut browser = Devtools::start(&mut command, deadline).map_err(Printing::Start)?;
    let mut print = || -> Result<Vec<u8>, DevtoolsError> {
        browser.wait_for_page(&url)?;
        if !numbered {
            return browser.print_to_pdf(true);
        }
        // Only read for where each step begins: no need to be tagged.
        let first = browser.print_to_pdf(false)?;
        pages::number_contents(first, |numbers| {
            browser.eval(&pages::set_numbers_script(numbers))?;
            browser.print_to_pdf(true)
        })
    };
    print().map_err(|e| match e {
        DevtoolsError::TimedOut => Printing::TimedOut,
        DevtoolsError::Io(e) => Printing::Io(e),
        DevtoolsError::Closed => Printing::Failed(None),
        e @ DevtoolsError::Refused { .. } => Printing::Failed(Some(e.to_string())),
    })
}

/// Prints with `--print-to-pdf`, a browser per printing (where the DevTools
/// pipe is not available): a report with contents is printed again, with
/// their numbers written into the HTML.
#[cfg(not(unix))]
fn print_from_command_line(
    browser: &Path,
    profile: &Path,
    log: &Path,
    page: &Path,
    html: &[u8],
    numbered: bool,
) -> Result<Vec<u8>, Printing> {
    let text = String::from_utf8_lossy(html).into_owned();
    let pdf = page.with_extension("pdf");
    let print = |html: &[u8]| -> Result<Vec<u8>, Printing> {
        std::fs::write(page, html).map_err(Printing::Io)?;
        let _ = std::fs::remove_file(&pdf);
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(Printing::Io)?;
        let mut print_arg = OsString::from("--print-to-pdf=");
        print_arg.push(&pdf);
        let mut command = browser_command(browser, profile, log);
        command
            .arg("--no-pdf-header-footer")
            .arg(print_arg)
            .arg(file_url(page));
        let mut child = Child::spawn(&mut command).map_err(Printing::Start)?;
        let started = Instant::now();
        while child.try_wait().map_err(Printing::Io)?.is_none() {
            if started.elapsed() > TIMEOUT {
                child.kill();
                return Err(Printing::TimedOut);
            }
            std::thread::sleep(Duration::from_millis(40));
        }
        std::fs::read(&pdf).map_err(|_| Printing::Failed(None))
    };
    if !numbered {
        return print(html);
    }
    let first = print(pages::fill(&text, &HashMap::new(), "0").as_bytes())?;
    pages::number_contents(first, |numbers| {
        let numbers = numbers.cloned().unwrap_or_default();
        print(pages::fill(&text, &numbers, "").as_bytes())
    })
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
    fn windows_browsers_are_looked_for_under_program_files() {
        let env = |name: &str| match name {
            "ProgramFiles" => Some(OsString::from(r"C:\Program Files")),
            "ProgramFiles(x86)" => Some(OsString::from(r"C:\Program Files (x86)")),
            _ => None,
        };
        let found = installed_browsers("windows", env);
        let chrome: PathBuf = [
            r"C:\Program Files",
            "Google",
            "Chrome",
            "Application",
            "chrome.exe",
        ]
        .iter()
        .collect();
        let edge_x86: PathBuf = [
            r"C:\Program Files (x86)",
            "Microsoft",
            "Edge",
            "Application",
            "msedge.exe",
        ]
        .iter()
        .collect();
        assert_eq!(found.first(), Some(&chrome), "{found:?}");
        assert!(found.contains(&edge_x86), "{found:?}");
        // LOCALAPPDATA is not set here: nothing is looked for under it.
        assert_eq!(found.len(), 2 * WINDOWS_BROWSERS.len(), "{found:?}");
    }

    #[test]
    fn macos_browsers_are_looked_for_as_app_bundles() {
        let env = |name: &str| (name == "HOME").then(|| OsString::from("/Users/åsa"));
        let found = installed_browsers("macos", env);
        assert_eq!(
            found.first().map(PathBuf::as_path),
            Some(Path::new(
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
            ))
        );
        assert!(found.contains(&PathBuf::from(
            "/Users/åsa/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"
        )));
        assert!(installed_browsers("linux", env).is_empty());
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
