//! The one value that owns what covalue says on the terminal, in the manner
//! of cargo's `Shell`: status lines, warnings, notes, errors with their help,
//! progress bars, `--quiet` and colour. Commands print only through it; the
//! reports they write go to [`Shell::out`].

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use anstream::{AutoStream, ColorChoice};

use crate::diagnose::{self, Diagnose};
use crate::escape;
use crate::palette;

/// What covalue prints besides its reports, and how.
#[derive(Debug, Clone)]
pub struct Shell {
    quiet: bool,
}

impl Shell {
    /// A shell for `--quiet` and `--color`: `Auto` leaves colour to the
    /// terminal and NO_COLOR; `Always` and `Never` hold for every stream.
    pub fn new(quiet: bool, color: ColorChoice) -> Shell {
        if color != ColorChoice::Auto {
            color.write_global();
        }
        Shell { quiet }
    }

    /// Whether to print less: no status lines, warnings, progress or summaries.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Whether what goes to standard output is coloured.
    pub fn out_color(&self) -> bool {
        anstream::stdout().current_choice() != ColorChoice::Never
    }

    /// Standard output, for reports; colour codes are dropped where colour is off.
    pub fn out(&self) -> AutoStream<io::StdoutLock<'static>> {
        anstream::stdout().lock()
    }

    /// Standard output as it is, for Markdown, HTML, JSON and roff: nothing
    /// is stripped, whatever the colour choice. Buffer it for many writes.
    pub fn out_raw(&self) -> io::StdoutLock<'static> {
        io::stdout().lock()
    }

    /// Standard error, for findings that explain an error.
    pub fn err(&self) -> AutoStream<io::StderrLock<'static>> {
        anstream::stderr().lock()
    }

    /// Writes text to standard output, quiet or not (a report, the guide),
    /// made safe for a terminal: a site's guide or a workbook's text is
    /// shown, never obeyed ([`escape::terminal`]).
    pub fn print(&self, text: impl AsRef<str>) -> io::Result<()> {
        self.out()
            .write_all(escape::terminal(text.as_ref()).as_bytes())
    }

    /// Writes bytes to standard output as they are, quiet or not (man pages,
    /// completion scripts): nothing is stripped, whatever the colour choice.
    pub fn write(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = self.out_raw();
        out.write_all(bytes)?;
        out.flush()
    }

    /// A line on standard output, unless quiet ("Next: …", "wrote …").
    /// Whatever it quotes from a workbook is shown, never obeyed, by the
    /// terminal ([`escape::terminal`]).
    pub fn say(&self, line: impl Display) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let line = line.to_string();
        writeln!(self.out(), "{}", escape::terminal(&line))
    }

    /// A status line on standard output, unless quiet: the verb in a column
    /// of its own, then what it was done to ("created      covalue.toml").
    pub fn status(&self, verb: &str, text: impl Display) -> io::Result<()> {
        self.say(format_args!("{verb:<12} {text}"))
    }

    /// `warning: …` on standard error, unless quiet.
    pub fn warn(&self, text: impl Display) {
        if !self.quiet {
            self.label(palette::WARNING, "warning", &text, None);
        }
    }

    /// `note: …` on standard error, unless quiet.
    pub fn note(&self, text: impl Display) {
        if !self.quiet {
            self.label(palette::NOTE, "note", &text, None);
        }
    }

    /// `error: …` and its `help: …` line on standard error, quiet or not.
    pub fn error(&self, message: impl Display, help: Option<&str>) {
        self.label(palette::ERROR, "error", &message, help);
    }

    /// Prints an error as the user should read it: the findings that explain
    /// it, then `error: …` with its sources, then `help: …`. Returns its exit code.
    pub fn diagnose(&self, err: &dyn Diagnose) -> u8 {
        if !err.findings().is_empty() {
            let _ = crate::print::findings(&mut self.err(), err.findings(), "");
        }
        self.error(diagnose::message(err), err.help().as_deref());
        err.exit_code()
    }

    fn label(&self, style: anstyle::Style, label: &str, text: &dyn Display, help: Option<&str>) {
        let mut err = self.err();
        let text = text.to_string();
        // Standard error gone: nowhere left to say it.
        let _ = writeln!(err, "{style}{label}{style:#}: {}", escape::terminal(&text));
        if let Some(help) = help {
            let _ = writeln!(err, "  help: {}", escape::terminal(help));
        }
    }

    /// A progress bar of `len` steps on standard error, shown only on a
    /// terminal and when not quiet; `unit` names what is counted.
    pub fn progress(&self, len: usize, unit: &str, message: &str) -> Progress {
        if self.quiet || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(u64::try_from(len).unwrap_or(u64::MAX));
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{msg:>10}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{eta}} left)"
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_string());
        Progress(Some(bar))
    }
}

/// A progress bar, or nothing when none is shown. Cleared when dropped.
#[derive(Debug)]
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// No bar at all.
    pub fn hidden() -> Progress {
        Progress(None)
    }

    /// One more step done.
    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// What is being done now ("printing to PDF").
    pub fn set_message(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_string());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
