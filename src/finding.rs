//! One finding type for everything covalue reports about a workbook: problems
//! found by `check`, files `diff` could not read, and warnings of `render`.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::source::Source;

mod code;
pub mod docs;
pub use code::{Code, UnknownCode};

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

/// Whether a finding is a problem to fix or a step still to take.
///
/// The guide is a resource a team works through over months: an open
/// question is where the team is, not a mistake it made. Problems (the
/// workbook is wrong or inconsistent) print in full and fail the run;
/// progress (a question open, a walk-through not written, a deferral due)
/// prints as a line per step and fails only with `--fail-on open`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The workbook is wrong or inconsistent: fix it.
    Problem,
    /// Work still to do: where the team is with the guide.
    Progress,
}

impl Kind {
    /// The lowercase word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Problem => "problem",
            Kind::Progress => "progress",
        }
    }
}

/// Where a finding belongs in the guide, for printing in the guide's order:
/// the step (1-based, in the order of the form; 0 for the population's own
/// file) and the question within it. Findings no step owns come after.
pub type Place = (usize, usize);

/// The place of a finding that no step of the guide owns.
pub const UNPLACED: Place = (usize::MAX, 0);

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something covalue noticed, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable code such as `CV012`, explained by `covalue explain CV012`;
    /// written as a string (`"CV012"`) in JSON.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// A problem to fix, or progress still to make (from its code).
    pub kind: Kind,
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
    /// Where it belongs in the guide (see [`Place`]).
    #[serde(skip)]
    pub place: Place,
}

impl Finding {
    /// Whether the finding says its file could not be read or parsed at
    /// all (nothing in it is known, as opposed to a wrong value in it), or
    /// holds a merge conflict (which of its two versions holds is not known).
    pub fn is_unreadable(&self) -> bool {
        matches!(self.code, Code::CV001 | Code::CV002 | Code::CV045)
    }

    /// A finding with no location yet.
    pub fn new(code: Code, severity: Severity, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity,
            kind: code.kind(),
            message: message.into(),
            file: None,
            line: None,
            column: None,
            help: None,
            population: None,
            snippet: None,
            width: 0,
            place: UNPLACED,
        }
    }

    /// An error finding.
    pub fn error(code: Code, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Error, message)
    }

    /// A warning finding.
    pub fn warning(code: Code, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Warning, message)
    }

    /// An info finding.
    pub fn info(code: Code, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Info, message)
    }

    /// Points the finding at a file as a whole.
    pub fn in_file(mut self, file: impl fmt::Display) -> Finding {
        self.file = Some(file.to_string().replace('\\', "/"));
        self
    }

    /// Points the finding at a byte range of a source.
    pub fn at(self, source: &Source, span: Range<usize>) -> Finding {
        Loc::of_span(source, span).finding(self)
    }

    /// Points the finding at a 1-based line and column of a source.
    pub fn at_line(self, source: &Source, line: usize, column: usize) -> Finding {
        let mut loc = Loc::of_line(source, line);
        loc.column = column.max(1);
        loc.width = loc
            .snippet
            .chars()
            .count()
            .saturating_sub(loc.column - 1)
            .max(1);
        loc.finding(self)
    }

    /// Adds what to do about it.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Places the finding at a step and question of the guide.
    pub fn placed(mut self, place: Place) -> Finding {
        self.place = place;
        self
    }

    /// Marks the population the finding belongs to.
    pub fn population(mut self, slug: &str) -> Finding {
        self.population = Some(slug.to_string());
        self
    }

    /// Whether it is a problem (not progress).
    pub fn is_problem(&self) -> bool {
        self.kind == Kind::Problem
    }

    /// The population the finding is about: the one it is marked with, else
    /// the folder under `populations/` its file is in.
    pub fn population_slug(&self) -> Option<&str> {
        if let Some(slug) = &self.population {
            return Some(slug);
        }
        crate::workbook::layout::population_in(self.file.as_deref()?)
    }

    /// The order findings are printed in: the workbook's own first, then
    /// each population's in the guide's order (step, question), then by
    /// file, line and column.
    #[allow(clippy::type_complexity)]
    pub fn sort_key(
        &self,
    ) -> (
        Option<&str>,
        Place,
        Option<&str>,
        usize,
        usize,
        Severity,
        Code,
    ) {
        (
            self.population_slug(),
            self.place,
            self.file.as_deref(),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            self.code,
        )
    }
}

/// Sorts findings in the guide's order (see [`Finding::sort_key`]), and
/// drops exact repeats.
pub fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    findings.dedup();
}

/// A place in a file, kept with an item so findings can point at it later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loc {
    /// The file, relative to the workbook.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The text of the line.
    pub snippet: String,
    /// How many characters to underline.
    pub width: usize,
}

impl Loc {
    /// The place of a byte range of a source.
    pub fn of_span(source: &Source, span: Range<usize>) -> Loc {
        let start = source.pos(span.start);
        let end = source.pos(span.end.max(span.start));
        let snippet = source.line_text(start.line);
        let width = if end.line == start.line {
            end.column.saturating_sub(start.column)
        } else {
            0
        };
        let width = if width == 0 {
            snippet
                .chars()
                .count()
                .saturating_sub(start.column - 1)
                .max(1)
        } else {
            width
        };
        Loc {
            file: source.file.clone(),
            line: start.line,
            column: start.column,
            snippet: snippet.to_string(),
            width,
        }
    }

    /// The first line of a source that holds more than comments, for
    /// findings about the file as a whole.
    pub fn of_content(source: &Source) -> Loc {
        let line = (1..=source.line_count())
            .find(|&l| {
                let t = source.line_text(l).trim();
                !t.is_empty() && !t.starts_with('#')
            })
            .unwrap_or(1);
        Loc::of_line(source, line)
    }

    /// The place of a whole line of a source.
    pub fn of_line(source: &Source, line: usize) -> Loc {
        let snippet = source.line_text(line).to_string();
        let width = snippet.chars().count().max(1);
        Loc {
            file: source.file.clone(),
            line,
            column: 1,
            snippet,
            width,
        }
    }

    /// Points a finding at this place.
    pub fn finding(&self, mut finding: Finding) -> Finding {
        finding.file = Some(self.file.clone());
        if self.line > 0 {
            finding.line = Some(self.line);
            finding.column = Some(self.column);
            finding.snippet = Some(self.snippet.clone());
            finding.width = self.width;
        }
        finding
    }
}
