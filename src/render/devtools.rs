//! A small client of Chromium's DevTools protocol over a pipe. The browser
//! is started with `--remote-debugging-pipe`: it reads NUL-terminated JSON
//! commands on its descriptor 3 and writes replies and events on descriptor
//! 4. No port is opened, so no other program on this computer can drive it.
//! Enough to wait for the page it opened to load, run a line of JavaScript
//! in it, print it to PDF and take a screenshot: `pdf.rs` prints with it, and
//! the browser tests drive `covalue serve` with it.
//!
//! The browser is a [`Child`]: it runs in a process group of its own, which
//! is killed when the client is dropped or covalue is interrupted. Every
//! wait ends at one deadline given at the start.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cleanup::Child;

/// The longest message read from the browser (a PDF comes in chunks of
/// [`CHUNK`]; nothing else is near this).
const MAX_MESSAGE: usize = 64 << 20;

/// How much of a PDF is asked for at a time.
const CHUNK: usize = 4 << 20;

/// How often a loading page is asked whether it has loaded.
const POLL: Duration = Duration::from_millis(20);
/// How long a page may refuse every question before it is given up for another.
const REATTACH_AFTER: Duration = Duration::from_secs(5);
/// What a question not answered within [`PATIENCE`] is refused with.
const NO_ANSWER: &str = "no answer";
/// How long one question about a page that is loading may go unanswered.
const PATIENCE: Duration = Duration::from_secs(2);

/// Why talking to the browser failed.
#[derive(Debug, thiserror::Error)]
pub enum DevtoolsError {
    /// The browser ended, or closed its end of the pipe.
    #[error("the browser stopped before it answered")]
    Closed,
    /// The deadline passed.
    #[error("the browser did not answer in time")]
    TimedOut,
    /// The browser answered a command with an error.
    #[error("the browser could not {what}: {message}")]
    Refused {
        /// What was asked, in words ("open the report").
        what: String,
        /// What the browser said.
        message: String,
    },
    /// The pipe could not be made or written.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A headless Chromium driven over its DevTools pipe, with at most one page.
pub struct Devtools {
    child: Child,
    to: std::fs::File,
    from: Receiver<Value>,
    next: u64,
    session: Option<String>,
    deadline: Instant,
    /// While waiting for a page: how long one question may go unanswered
    /// before it counts as refused (a page the browser dropped never answers).
    patience: Option<Duration>,
}

/// A pipe whose two ends are closed on exec: (read, write).
#[cfg(not(target_os = "macos"))]
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two descriptors it is given, which are then
    // owned here and nowhere else.
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok((OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])))
    }
}

/// A pipe whose two ends are closed on exec: (read, write). macOS has no
/// pipe2, so close-on-exec is set just after (a program started by another
/// thread in that instant could inherit the ends).
#[cfg(target_os = "macos")]
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe fills the two descriptors it is given, which are then
    // owned here and nowhere else; fcntl only sets their flags.
    unsafe {
        if libc::pipe(fds.as_mut_ptr()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let ends = (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]));
        for fd in fds {
            if libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(ends)
    }
}

impl Devtools {
    /// Starts `command` (a Chromium with its arguments) with
    /// `--remote-debugging-pipe` added; every later wait ends at `deadline`.
    pub fn start(command: &mut Command, deadline: Instant) -> std::io::Result<Devtools> {
        let (to_read, to_write) = pipe()?;
        let (from_read, from_write) = pipe()?;
        let (child_in, child_out) = (to_read.as_raw_fd(), from_write.as_raw_fd());
        command.arg("--remote-debugging-pipe");
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork
        // and exec, on descriptors that stay open until after the spawn.
        unsafe {
            command.pre_exec(move || {
                // Out of the way first: either end may itself be 3 or 4, and
                // dup2 onto the same number would keep close-on-exec.
                let a = libc::fcntl(child_in, libc::F_DUPFD_CLOEXEC, 10);
                let b = libc::fcntl(child_out, libc::F_DUPFD_CLOEXEC, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = Child::spawn(command)?;
        // The browser's ends, now that it has its copies.
        drop((to_read, from_write));
        let (send, from) = sync_channel(64);
        std::thread::Builder::new()
            .name("covalue-devtools".into())
            .spawn(move || read_messages(std::fs::File::from(from_read), &send))?;
        Ok(Devtools {
            child,
            to: std::fs::File::from(to_write),
            from,
            next: 0,
            session: None,
            deadline,
            patience: None,
        })
    }

    /// Sends a command (to the page, once one is open) and waits for its
    /// result; `what` says in words what it does, for an error.
    pub fn call(
        &mut self,
        method: &str,
        params: Value,
        what: &str,
    ) -> Result<Value, DevtoolsError> {
        self.next += 1;
        let id = self.next;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        if self.to.write_all(&bytes).is_err() {
            return Err(DevtoolsError::Closed);
        }
        let asked = Instant::now();
        loop {
            let mut reply = self.receive(asked)?;
            if reply["id"].as_u64() == Some(id) {
                if let Some(error) = reply.get("error") {
                    return Err(DevtoolsError::Refused {
                        what: what.to_string(),
                        message: error["message"].as_str().unwrap_or("no reason").to_string(),
                    });
                }
                return Ok(reply["result"].take());
            }
            // An event, or the answer to a command given up on: not needed.
        }
    }

    /// Waits until the browser's page shows `url`, loaded: the page the
    /// browser opened itself, which was given `url` on its command line (and
    /// may have loaded it already). covalue never navigates the page itself,
    /// so no second load can race with the first.
    pub fn wait_for_page(&mut self, url: &str) -> Result<(), DevtoolsError> {
        if self.session.is_none() {
            self.attach()?;
        }
        // Since when every question was refused: a page the browser
        // replaced as it started (its first tab) refuses every question, or
        // never answers; after a while, attach anew.
        let mut refused_since: Option<Instant> = None;
        loop {
            if refused_since.is_some_and(|t| t.elapsed() >= REATTACH_AFTER) {
                refused_since = None;
                self.session = None;
                self.attach()?;
            }
            self.patience = Some(PATIENCE);
            let asked = self.eval("[location.href, document.readyState]");
            self.patience = None;
            match asked {
                Ok(here) if here[0] == url && here[1] == "complete" => return Ok(()),
                Ok(here)
                    if here[0]
                        .as_str()
                        .is_some_and(|h| h.starts_with("chrome-error:")) =>
                {
                    return Err(DevtoolsError::Refused {
                        what: "open the report".to_string(),
                        message: "it shows an error page instead".to_string(),
                    });
                }
                // Still loading, or between two documents.
                Ok(_) => refused_since = None,
                Err(DevtoolsError::Refused { .. }) => {
                    refused_since.get_or_insert_with(Instant::now);
                }
                Err(e) => return Err(e),
            }
            if Instant::now() >= self.deadline {
                return Err(DevtoolsError::TimedOut);
            }
            std::thread::sleep(POLL);
        }
    }

    /// Asks the browser something about its pages, asking again when no
    /// answer comes within [`PATIENCE`]: a browser still starting may not
    /// have read the first question. A late answer to an earlier asking is
    /// passed over by its id.
    fn call_patiently(
        &mut self,
        method: &str,
        params: Value,
        what: &str,
    ) -> Result<Value, DevtoolsError> {
        loop {
            self.patience = Some(PATIENCE);
            let answer = self.call(method, params.clone(), what);
            self.patience = None;
            match answer {
                Err(DevtoolsError::Refused { message, .. })
                    if message == NO_ANSWER && Instant::now() < self.deadline => {}
                other => return other,
            }
        }
    }

    /// Attaches to the browser's first page, or to a new one.
    fn attach(&mut self) -> Result<(), DevtoolsError> {
        let what = "open a page";
        let targets = self.call_patiently("Target.getTargets", json!({}), what)?;
        let first = targets["targetInfos"]
            .as_array()
            .and_then(|all| all.iter().find(|t| t["type"] == "page"))
            .and_then(|t| t["targetId"].as_str())
            .map(str::to_string);
        let id = match first {
            Some(id) => id,
            None => {
                let made = self.call_patiently(
                    "Target.createTarget",
                    json!({"url": "about:blank"}),
                    what,
                )?;
                string(&made["targetId"], what)?
            }
        };
        let attached = self.call_patiently(
            "Target.attachToTarget",
            json!({"targetId": id, "flatten": true}),
            what,
        )?;
        self.session = Some(string(&attached["sessionId"], what)?);
        Ok(())
    }

    /// Runs a JavaScript expression in the page and returns its value. The
    /// page's Content-Security-Policy forbids the page's own scripts, not
    /// this.
    pub fn eval(&mut self, expression: &str) -> Result<Value, DevtoolsError> {
        let what = "change the report";
        let mut result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
            what,
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            return Err(DevtoolsError::Refused {
                what: what.to_string(),
                message: details["exception"]["description"]
                    .as_str()
                    .or_else(|| details["text"].as_str())
                    .unwrap_or("an exception")
                    .to_string(),
            });
        }
        Ok(result["result"]["value"].take())
    }

    /// Prints the page to PDF as `--print-to-pdf` does: the page's own size
    /// and margins, backgrounds, no header or footer of the browser's own,
    /// and (when `tagged`) the structure that screen readers follow, which
    /// a draft to be thrown away can do without.
    pub fn print_to_pdf(&mut self, tagged: bool) -> Result<Vec<u8>, DevtoolsError> {
        let what = "print the report";
        let printed = self.call(
            "Page.printToPDF",
            json!({
                "printBackground": true,
                "preferCSSPageSize": true,
                "displayHeaderFooter": false,
                "generateTaggedPDF": tagged,
                "transferMode": "ReturnAsStream",
            }),
            what,
        )?;
        let stream = string(&printed["stream"], what)?;
        let mut pdf = Vec::new();
        loop {
            let chunk = self.call("IO.read", json!({"handle": stream, "size": CHUNK}), what)?;
            let data = chunk["data"].as_str().unwrap_or_default();
            if chunk["base64Encoded"].as_bool() == Some(true) {
                if !base64_decode(data, &mut pdf) {
                    return Err(unexpected(what));
                }
            } else {
                pdf.extend_from_slice(data.as_bytes());
            }
            if chunk["eof"].as_bool() != Some(false) {
                break;
            }
        }
        self.call("IO.close", json!({"handle": stream}), what)?;
        Ok(pdf)
    }

    /// A PNG of the page as it is shown.
    pub fn screenshot(&mut self) -> Result<Vec<u8>, DevtoolsError> {
        let what = "take a screenshot";
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}), what)?;
        let mut png = Vec::new();
        match base64_decode(&string(&shot["data"], what)?, &mut png) {
            true => Ok(png),
            false => Err(unexpected(what)),
        }
    }

    /// Stops the browser and everything it started (also done when dropped).
    pub fn stop(&mut self) {
        self.child.kill();
    }

    /// The next message, by the deadline.
    fn receive(&mut self, asked: Instant) -> Result<Value, DevtoolsError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        let (left, impatient) = match self.patience {
            Some(p) => {
                let mine = (asked + p).saturating_duration_since(Instant::now());
                (left.min(mine), mine < left)
            }
            None => (left, false),
        };
        match self.from.recv_timeout(left) {
            Ok(message) => Ok(message),
            Err(RecvTimeoutError::Timeout) if impatient => Err(DevtoolsError::Refused {
                what: "wait for the page".to_string(),
                message: NO_ANSWER.to_string(),
            }),
            Err(RecvTimeoutError::Timeout) => Err(DevtoolsError::TimedOut),
            Err(RecvTimeoutError::Disconnected) => Err(DevtoolsError::Closed),
        }
    }
}

/// Reads NUL-terminated JSON messages until the browser closes its end, a
/// message is too long, or the client is gone.
fn read_messages(from: std::fs::File, send: &SyncSender<Value>) {
    let mut reader = BufReader::with_capacity(1 << 16, from);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let read = (&mut reader)
            .take(MAX_MESSAGE as u64 + 1)
            .read_until(0, &mut buf);
        match read {
            Ok(0) | Err(_) => return,
            Ok(_) if buf.last() != Some(&0) => return,
            Ok(_) => {}
        }
        buf.pop();
        if let Ok(message) = serde_json::from_slice::<Value>(&buf) {
            if send.send(message).is_err() {
                return;
            }
        }
    }
}

/// The string at `value`, or the error of an answer not understood.
fn string(value: &Value, what: &str) -> Result<String, DevtoolsError> {
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| unexpected(what))
}

fn unexpected(what: &str) -> DevtoolsError {
    DevtoolsError::Refused {
        what: what.to_string(),
        message: "its answer was not understood".to_string(),
    }
}

/// Decodes standard base64 onto `out`; false if `text` is not base64.
pub fn base64_decode(text: &str, out: &mut Vec<u8>) -> bool {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    out.reserve(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.trim_end_matches('=').bytes() {
        let Some(v) = value(c) else {
            return false;
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        let decode = |text: &str| {
            let mut out = Vec::new();
            base64_decode(text, &mut out).then_some(out)
        };
        assert_eq!(decode("JVBERi0xLjQ=").as_deref(), Some(&b"%PDF-1.4"[..]));
        assert_eq!(decode("YWJj").as_deref(), Some(&b"abc"[..]));
        assert_eq!(decode("YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode("").as_deref(), Some(&b""[..]));
        assert_eq!(decode("YW*j"), None);
    }

    #[test]
    fn a_program_that_speaks_no_devtools_is_reported_as_stopped() {
        let mut command = Command::new("true");
        let deadline = Instant::now() + std::time::Duration::from_secs(20);
        let Ok(mut devtools) = Devtools::start(&mut command, deadline) else {
            return; // no `true` on this machine
        };
        assert!(matches!(
            devtools.wait_for_page("about:blank"),
            Err(DevtoolsError::Closed)
        ));
    }

    #[test]
    fn a_program_that_never_answers_runs_out_of_time() {
        let mut command = Command::new("sh");
        command.args(["-c", "sleep 30"]);
        let deadline = Instant::now() + std::time::Duration::from_millis(200);
        let Ok(mut devtools) = Devtools::start(&mut command, deadline) else {
            return; // no `sh` on this machine
        };
        let started = Instant::now();
        assert!(matches!(
            devtools.wait_for_page("about:blank"),
            Err(DevtoolsError::TimedOut)
        ));
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}
