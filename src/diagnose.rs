//! What every error of covalue gives the person who meets it: a message
//! (its `Display`, followed by the messages of its sources), what to do
//! about it, the findings that explain it, and the exit code.
//!
//! Each layer has one error type (`workbook::LoadError`, `diff::DiffError`,
//! `render::RenderError`, `git::GitError`, …) and implements [`Diagnose`]
//! once; the binary prints any of them the same way, through the
//! [`Shell`](crate::shell::Shell).

use std::error::Error;

use crate::finding::Finding;

/// An error written for the user: message, help, findings, exit code.
pub trait Diagnose: Error {
    /// What to do about it, in plain words (none when nothing helps).
    fn help(&self) -> Option<String>;

    /// Findings that explain the error, printed before it (a broken guide's).
    fn findings(&self) -> &[Finding] {
        &[]
    }

    /// The exit code: 2, a usage or environment error, unless said otherwise.
    fn exit_code(&self) -> u8 {
        2
    }
}

/// The error's message followed by its sources' messages, joined by `: `
/// ("cannot write out/full.html: Permission denied (os error 13)").
pub fn message(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let part = cause.to_string();
        // A wrapper may already say what its source says; say it once.
        if !text.ends_with(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = cause.source();
    }
    text
}

/// Whether the error, or one of its sources, is a reader that closed its
/// end of the pipe (`covalue guide | head`).
pub fn is_closed_pipe(err: &(dyn Error + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(e) = next {
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        next = e.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot write report.html")]
    struct Write(#[source] std::io::Error);

    #[test]
    fn the_message_names_each_source_once() {
        let err = Write(std::io::Error::other("disk full"));
        assert_eq!(message(&err), "cannot write report.html: disk full");
    }

    #[test]
    fn a_closed_pipe_is_found_behind_a_wrapper() {
        let err = Write(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(is_closed_pipe(&err));
        let err = Write(std::io::Error::other("disk full"));
        assert!(!is_closed_pipe(&err));
    }
}
