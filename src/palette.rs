//! The colours covalue prints with, in one place: the diagnostics (error,
//! warning, note, help), the gutter of snippets, and the marks of a diff.
//! Every printer takes its styles from here; none defines its own.

use anstyle::{AnsiColor, Effects, Style};

use crate::finding::Severity;

/// `error`: red and bold.
pub const ERROR: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
/// `warning`: yellow and bold.
pub const WARNING: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);
/// `info` and `note`: cyan and bold.
pub const NOTE: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
/// `help`, headings and names: bold.
pub const EMPHASIS: Style = Style::new().effects(Effects::BOLD);
/// The `-->`, `|` and line numbers beside a snippet: blue and bold.
pub const GUTTER: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);
/// What is there but says little, such as "(none)": dimmed.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);
/// Added in a diff: green.
pub const ADDED: Style = AnsiColor::Green.on_default();
/// Removed in a diff: red.
pub const REMOVED: Style = AnsiColor::Red.on_default();
/// Changed or moved in a diff, and questions still open: yellow.
pub const CHANGED: Style = AnsiColor::Yellow.on_default();
/// Codes, slugs and file names: cyan.
pub const CODE: Style = AnsiColor::Cyan.on_default();
/// No style at all.
pub const PLAIN: Style = Style::new();

/// The style of a finding's severity.
pub fn severity(severity: Severity) -> Style {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Info => NOTE,
    }
}
