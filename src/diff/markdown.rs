//! The diff as a Markdown handout, "What changed since session-2", grouped by
//! population, then personas, process map, configurations, value compass
//! and answers; readable on a forge or pasted into meeting notes.

use std::io::{self, Write};

use super::model::DiffReport;
use super::view::{self, Inline, Item, Line, Problem};
use crate::escape::markdown as escape;
use crate::i18n::{Arg, Catalogue, Markup};

/// A code span that holds any text, backticks included.
fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let mut fence = String::from("`");
    while text.contains(fence.as_str()) {
        fence.push('`');
    }
    if fence.len() > 1 || text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

fn line(c: &Catalogue, line: &Line) -> String {
    line.0
        .iter()
        .map(|piece| match piece {
            Inline::Text(s) | Inline::Value(s) => escape(s),
            Inline::Code(s) => code(s),
            Inline::Name(s) => format!("**{}**", escape(s)),
            Inline::Question(s) => format!("*{}*", escape(s)),
            Inline::Nothing => escape(&c.text("diff-none", &[])),
            Inline::Arrow => format!(" {} ", c.text("diff-arrow", &[])),
            Inline::Removed(s) => format!("~~{}~~", escape(s)),
            Inline::Added(s) => format!("**{}**", escape(s)),
            Inline::Gap => "…".to_string(),
            Inline::Plain(s) => escape(s),
        })
        .collect()
}

fn item(c: &Catalogue, out: &mut dyn Write, item: &Item) -> io::Result<()> {
    writeln!(out, "- {}", line(c, &item.line))?;
    for detail in &item.details {
        writeln!(out, "  - {}", line(c, detail))?;
    }
    Ok(())
}

fn problems(c: &Catalogue, out: &mut dyn Write, problems: &[Problem]) -> io::Result<()> {
    for p in problems {
        // The place is a code span, put in as it is; the rest escaped.
        let said = c.format(
            "diff-not-compared",
            &[
                ("version", Arg::Text(p.version.clone())),
                ("place", Arg::Html(code(&p.place))),
                ("message", Arg::Text(p.message.clone())),
            ],
            Markup::Markdown,
        );
        writeln!(
            out,
            "> **{}** {}\n",
            escape(&c.text("diff-not-compared-label", &[])),
            said.unwrap_or_else(|_| code(&p.place)),
        )?;
    }
    Ok(())
}

/// Writes the report as a Markdown handout, in the words of `c`.
pub fn write(out: &mut dyn Write, report: &DiffReport, c: &Catalogue) -> io::Result<()> {
    let view = view::view(report, c);
    writeln!(out, "# {}\n", escape(&view.title))?;
    writeln!(out, "{}\n", line(c, &view.compared))?;
    if !view.workbook.is_empty() {
        let file = Arg::Html(code(crate::workbook::CONFIG_FILE));
        let heading = c
            .format("diff-workbook", &[("file", file)], Markup::Markdown)
            .unwrap_or_else(|_| code(crate::workbook::CONFIG_FILE));
        writeln!(out, "## {heading}\n")?;
        for i in &view.workbook {
            item(c, out, i)?;
        }
        writeln!(out)?;
    }
    problems(c, out, &view.problems)?;
    for pop in &view.populations {
        writeln!(out, "## {} ({})\n", escape(&pop.name), code(&pop.slug))?;
        writeln!(out, "{}\n", line(c, &pop.summary))?;
        problems(c, out, &pop.problems)?;
        for group in &pop.groups {
            writeln!(out, "### {}\n", escape(&group.title))?;
            for part in &group.parts {
                if let Some(heading) = &part.heading {
                    writeln!(out, "#### {}\n", escape(heading))?;
                }
                for i in &part.items {
                    item(c, out, i)?;
                }
                writeln!(out)?;
            }
        }
    }
    writeln!(out, "---\n\n{}", line(c, &view.summary))
}

/// Writes one table row per population (`--stat`), in the words of `c`.
pub fn write_stat(out: &mut dyn Write, report: &DiffReport, c: &Catalogue) -> io::Result<()> {
    let view = view::view(report, c);
    writeln!(out, "# {}\n", escape(&view.title))?;
    writeln!(out, "{}\n", line(c, &view.compared))?;
    let rows = view::stat_rows(report, c);
    if !rows.is_empty() {
        let col = |id: &str| escape(&c.text(id, &[]));
        writeln!(
            out,
            "| {} | {} | {} |",
            col("diff-col-population"),
            col("diff-col-changes"),
            col("diff-col-completeness")
        )?;
        writeln!(out, "|---|---|---|")?;
        for row in rows {
            writeln!(
                out,
                "| {} | {} | {} |",
                code(&row.slug),
                escape(&row.changes),
                escape(&row.completeness)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", line(c, &view.summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(escape("<script>*x*"), "\\<script\\>\\*x\\*");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("ms"), "`ms`");
    }
}
