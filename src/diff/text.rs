//! The diff for the terminal: one block per population, changes marked
//! `+` added, `-` removed, `~` changed, `↕` moved. Coloured on a terminal
//! only; without colour, changed words are bracketed `[-old-]{+new+}`.

use std::io::{self, Write};

use anstyle::{Effects, Style};

use super::file_prefix;
use super::model::{DiffReport, Side};
use super::view::{self, Inline, Item, Line, Mark, Problem, View};
use crate::palette::{ADDED, CHANGED, CODE, DIM, EMPHASIS, PLAIN, REMOVED};
use crate::{escape, print};

/// How to print.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Whether to colour (decided from the terminal and NO_COLOR by the caller).
    pub color: bool,
    /// Put before workbook paths of the working tree (the workbook's folder
    /// as seen from where covalue was started).
    pub working_tree_prefix: String,
    /// Print less: no closing summary line.
    pub quiet: bool,
    /// The page setup of the HTML page (`--paper`, `--large-print`).
    pub page: crate::render::PageArgs,
    /// The words of the Markdown and HTML handouts: the report's language,
    /// with a site's wording (built from the report's language when None).
    /// The terminal's report is English, as every command-line message is.
    pub catalogue: Option<std::sync::Arc<crate::i18n::Catalogue>>,
}

impl Options {
    /// The words of a handout of `report`.
    pub fn catalogue(&self, report: &DiffReport) -> std::sync::Arc<crate::i18n::Catalogue> {
        match &self.catalogue {
            Some(c) => c.clone(),
            None => std::sync::Arc::new(crate::i18n::Catalogue::builtin(
                report.lang.unwrap_or_default(),
            )),
        }
    }
}

/// The words of the terminal's report: English.
fn english() -> crate::i18n::Catalogue {
    crate::i18n::Catalogue::builtin(crate::i18n::Lang::En)
}

/// Writes a report: its text, which quotes the workbook, through the one
/// terminal sanitiser; its colour codes beside it.
struct Printer<'a> {
    out: escape::Terminal<'a>,
    color: bool,
}

impl Printer<'_> {
    fn paint(&mut self, style: Style, text: &str) -> io::Result<()> {
        if self.color {
            write!(self.out.raw(), "{style}")?;
            self.out.write_all(text.as_bytes())?;
            write!(self.out.raw(), "{style:#}")
        } else {
            self.out.write_all(text.as_bytes())
        }
    }

    fn line(&mut self, line: &Line) -> io::Result<()> {
        for piece in &line.0 {
            match piece {
                Inline::Text(s) | Inline::Question(s) | Inline::Value(s) | Inline::Plain(s) => {
                    self.paint(PLAIN, s)?
                }
                Inline::Code(s) => self.paint(CODE, s)?,
                Inline::Name(s) => self.paint(EMPHASIS, s)?,
                Inline::Nothing => self.paint(DIM, "(none)")?,
                Inline::Arrow => self.paint(PLAIN, " → ")?,
                Inline::Gap => self.paint(DIM, "…")?,
                Inline::Removed(s) if self.color => self.paint(
                    REMOVED.effects(Effects::UNDERLINE | Effects::STRIKETHROUGH),
                    s,
                )?,
                Inline::Added(s) if self.color => {
                    self.paint(ADDED.effects(Effects::UNDERLINE), s)?
                }
                Inline::Removed(s) => write!(self.out, "[-{s}-]")?,
                Inline::Added(s) => write!(self.out, "{{+{s}+}}")?,
            }
        }
        Ok(())
    }

    fn item(&mut self, item: &Item, indent: &str) -> io::Result<()> {
        let (mark, style) = match item.mark {
            Mark::Added => ("+", ADDED),
            Mark::Removed => ("-", REMOVED),
            Mark::Changed => ("~", CHANGED),
            Mark::Moved => ("↕", CHANGED),
        };
        write!(self.out, "{indent}")?;
        self.paint(style, mark)?;
        write!(self.out, " ")?;
        self.line(&item.line)?;
        writeln!(self.out)?;
        for detail in &item.details {
            write!(self.out, "{indent}    ")?;
            self.line(detail)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn problems(
        &mut self,
        problems: &[Problem],
        report: &DiffReport,
        options: &Options,
    ) -> io::Result<()> {
        for p in problems {
            let info = match p.finding.side {
                Side::Old => &report.old,
                Side::New => &report.new,
            };
            let prefix = file_prefix(info, &options.working_tree_prefix);
            writeln!(self.out, "  In {}, this file is not compared:", p.version)?;
            // Made safe for the terminal by the printer of findings.
            print::finding(self.out.raw(), &p.finding.finding, &prefix)?;
        }
        Ok(())
    }
}

/// Writes the report for the terminal.
pub fn write(out: &mut dyn Write, report: &DiffReport, options: &Options) -> io::Result<()> {
    let view: View = view::view(report, &english());
    let mut p = Printer {
        out: escape::Terminal(out),
        color: options.color,
    };
    if report.changed() {
        p.paint(EMPHASIS, &view::plain_text(&view.compared))?;
        writeln!(p.out)?;
        writeln!(p.out)?;
    }
    if !view.workbook.is_empty() {
        p.paint(EMPHASIS, "covalue.toml")?;
        writeln!(p.out)?;
        for item in &view.workbook {
            p.item(item, "  ")?;
        }
        writeln!(p.out)?;
    }
    p.problems(&view.problems, report, options)?;
    for pop in &view.populations {
        p.paint(EMPHASIS, &pop.name)?;
        write!(p.out, " (")?;
        p.paint(CODE, &pop.slug)?;
        writeln!(p.out, ")")?;
        if !pop.summary.is_blank() {
            write!(p.out, "  ")?;
            p.line(&pop.summary)?;
            writeln!(p.out)?;
        }
        p.problems(&pop.problems, report, options)?;
        for group in &pop.groups {
            write!(p.out, "  ")?;
            p.paint(EMPHASIS, &group.title)?;
            writeln!(p.out)?;
            for part in &group.parts {
                let indent = match &part.heading {
                    Some(heading) => {
                        writeln!(p.out, "    {heading}")?;
                        "      "
                    }
                    None => "    ",
                };
                for item in &part.items {
                    p.item(item, indent)?;
                }
            }
        }
        writeln!(p.out)?;
    }
    if !options.quiet {
        p.paint(EMPHASIS, &view::plain_text(&view.summary))?;
        writeln!(p.out)?;
    }
    Ok(())
}

/// Writes one line per population with counts (`--stat`).
pub fn write_stat(out: &mut dyn Write, report: &DiffReport, options: &Options) -> io::Result<()> {
    let english = english();
    let rows = view::stat_rows(report, &english);
    let mut p = Printer {
        out: escape::Terminal(out),
        color: options.color,
    };
    let slug_width = rows
        .iter()
        .map(|r| crate::width::display(&r.slug))
        .max()
        .unwrap_or(0);
    let change_width = rows
        .iter()
        .map(|r| crate::width::display(&r.changes))
        .max()
        .unwrap_or(0);
    for row in &rows {
        let style = match row.state {
            super::model::PopulationState::Added => ADDED,
            super::model::PopulationState::Removed => REMOVED,
            super::model::PopulationState::Changed => PLAIN,
        };
        p.paint(CODE, &crate::width::pad(&row.slug, slug_width))?;
        write!(p.out, "  ")?;
        p.paint(style, &crate::width::pad(&row.changes, change_width))?;
        writeln!(p.out, "  {}", row.completeness)?;
    }
    if !options.quiet {
        p.paint(
            EMPHASIS,
            &view::plain_text(&view::summary(&view::Say::new(&english), report)),
        )?;
        writeln!(p.out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_bracketed_without_colour() {
        let line = Line(vec![
            Inline::Text("the ".into()),
            Inline::Removed("six".into()),
            Inline::Text(" ".into()),
            Inline::Added("twelve".into()),
            Inline::Text(" month".into()),
        ]);
        let mut out = Vec::new();
        let mut p = Printer {
            out: crate::escape::Terminal(&mut out),
            color: false,
        };
        assert!(p.line(&line).is_ok());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "the [-six-] {+twelve+} month"
        );
    }
}
