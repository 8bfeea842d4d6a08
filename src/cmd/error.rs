//! How a command ends: its outcome (exit 0 or 1), or the error that stopped
//! it (exit 2), with the help line and findings to print.

use crate::diagnose::Diagnose;
use crate::diff::DiffError;
use crate::finding::Finding;
use crate::guide::GuideError;
use crate::render::RenderError;
use crate::workbook::LoadError;

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: done, nothing to report.
    Success,
    /// Exit 1: findings at or above the fail level, or differences.
    Findings,
}

/// Why a command could not do its work: an error of a layer below, or a
/// usage or environment error of the command itself (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The workbook cannot be found or read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The guide cannot be used.
    #[error(transparent)]
    Guide(#[from] GuideError),
    /// Two versions cannot be compared.
    #[error(transparent)]
    Diff(#[from] DiffError),
    /// A report cannot be made or written.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The network file cannot be found, read or used.
    #[error(transparent)]
    Network(#[from] crate::network::NetworkError),
    /// The arguments, or the place covalue runs in, do not allow it.
    #[error("{message}")]
    Usage {
        /// What is wrong.
        message: String,
        /// What to do.
        help: String,
    },
    /// A file or folder cannot be made, written or read.
    #[error("{what}")]
    File {
        /// What covalue tried ("cannot write covalue.toml").
        what: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
        /// What to do.
        help: &'static str,
    },
    /// Standard output cannot be written (a closed pipe ends quietly).
    #[error("cannot write to standard output")]
    Output(#[from] std::io::Error),
}

impl Diagnose for Error {
    fn help(&self) -> Option<String> {
        match self {
            Error::Load(err) => err.help(),
            Error::Guide(err) => err.help(),
            Error::Diff(err) => err.help(),
            Error::Render(err) => err.help(),
            Error::Network(err) => err.help(),
            Error::Usage { help, .. } => Some(help.clone()),
            Error::File { help, .. } => Some((*help).to_string()),
            Error::Output(_) => None,
        }
    }

    fn findings(&self) -> &[Finding] {
        match self {
            Error::Load(err) => err.findings(),
            Error::Guide(err) => err.findings(),
            Error::Diff(err) => err.findings(),
            Error::Render(err) => err.findings(),
            Error::Network(err) => err.findings(),
            _ => &[],
        }
    }
}

/// A usage or environment error with a help line.
pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Error {
    Error::Usage {
        message: message.into(),
        help: help.into(),
    }
}

/// A file or folder that cannot be made, written or read: `what` was tried.
pub fn file_error(what: String, help: &'static str) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::File { what, source, help }
}
