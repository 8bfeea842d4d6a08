//! One finding type for everything covalue reports about a workbook: problems
//! found by `check`, files `diff` could not read, and warnings of `render`.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::source::Source;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: the workbook is wrong or incomplete.
    Error,
    /// Worth fixing before the next session.
    Warning,
    /// A suggestion.
    Info,
}

impl Severity {
    /// The lowercase word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something covalue noticed, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable code such as `CV012`, explained by `covalue explain CV012`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// The file concerned, relative to the workbook, with `/` separators.
    pub file: Option<String>,
    /// 1-based line, when the finding points into the file.
    pub line: Option<usize>,
    /// 1-based column (characters).
    pub column: Option<usize>,
    /// What to do about it.
    pub help: Option<String>,
    /// The population the finding belongs to, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    /// The text of the line concerned, for showing a snippet.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// How many characters of the snippet to underline.
    #[serde(skip)]
    pub width: usize,
}

impl Finding {
    /// A finding with no location yet.
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            help: None,
            population: None,
            snippet: None,
            width: 0,
        }
    }

    /// An error finding.
    pub fn error(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Error, message)
    }

    /// A warning finding.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Warning, message)
    }

    /// An info finding.
    pub fn info(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Info, message)
    }

    /// Points the finding at a file as a whole.
    pub fn in_file(mut self, file: impl fmt::Display) -> Finding {
        self.file = Some(file.to_string().replace('\\', "/"));
        self
    }

    /// Points the finding at a byte range of a source.
    pub fn at(mut self, source: &Source, span: Range<usize>) -> Finding {
        let start = source.pos(span.start);
        let line_text = source.line_text(start.line);
        let end = source.pos(span.end.max(span.start));
        let width = if end.line == start.line {
            end.column.saturating_sub(start.column)
        } else {
            0
        };
        let width = if width == 0 {
            line_text
                .chars()
                .count()
                .saturating_sub(start.column - 1)
                .max(1)
        } else {
            width
        };
        self.file = Some(source.file.clone());
        self.line = Some(start.line);
        self.column = Some(start.column);
        self.snippet = Some(line_text.to_string());
        self.width = width;
        self
    }

    /// Points the finding at a 1-based line and column of a source.
    pub fn at_line(mut self, source: &Source, line: usize, column: usize) -> Finding {
        let line_text = source.line_text(line);
        self.file = Some(source.file.clone());
        self.line = Some(line);
        self.column = Some(column.max(1));
        self.snippet = Some(line_text.to_string());
        self.width = line_text
            .chars()
            .count()
            .saturating_sub(column.max(1) - 1)
            .max(1);
        self
    }

    /// Adds what to do about it.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Marks the population the finding belongs to.
    pub fn population(mut self, slug: &str) -> Finding {
        self.population = Some(slug.to_string());
        self
    }

    /// The order findings are printed in: by file, then line, then column.
    pub fn sort_key(&self) -> (Option<&str>, usize, usize, Severity, &'static str) {
        (
            self.file.as_deref(),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            self.code,
        )
    }
}

/// Sorts findings by file and position, and drops exact repeats.
pub fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    findings.dedup();
}
