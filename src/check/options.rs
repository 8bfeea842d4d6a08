//! What the caller asks of a check beyond the form: which findings make it
//! fail, and which part of it to report on its own.

use clap::ValueEnum;

use super::Report;
use crate::finding::{Code, Finding, Severity};

/// What makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Problems that are errors.
    Error,
    /// Problems that are errors or warnings.
    Warning,
    /// Problems that are errors or warnings, and anything still open: an
    /// open question, a deferral due, a walk-through not written.
    Open,
}

impl FailOn {
    /// Whether a finding makes the run fail.
    pub fn fails(self, f: &Finding) -> bool {
        match self {
            FailOn::Error => f.is_problem() && f.severity == Severity::Error,
            FailOn::Warning => f.is_problem() && f.severity <= Severity::Warning,
            FailOn::Open => f.severity <= Severity::Warning,
        }
    }
}

/// A part of the check to report on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    /// The privacy check: likely personal identifiers (CV030).
    Privacy,
}

impl Only {
    /// Whether a finding belongs to this part of the check.
    pub fn keeps(self, f: &Finding) -> bool {
        match self {
            Only::Privacy => f.code == Code::CV030,
        }
    }
}

impl Report {
    /// Whether a finding fails the run (`--fail-on`): exit code 1.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.findings.iter().any(|f| fail_on.fails(f))
    }

    /// With `--only`, drops the findings of the other parts and the
    /// completeness summary (it counts questions, not the part asked for).
    pub fn keep_only(&mut self, only: Option<Only>) {
        if let Some(only) = only {
            self.findings.retain(|f| only.keeps(f));
            self.summary.clear();
        }
    }
}
