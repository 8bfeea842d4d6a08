//! The diff as a Markdown handout, "What changed since session-2", grouped by
//! population, then personas, process map, configurations, value compass
//! and answers; readable on a forge or pasted into meeting notes.

use std::io::{self, Write};

use super::model::DiffReport;
use super::view::{self, Inline, Item, Line, Problem};
use crate::escape::markdown as escape;

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

fn line(line: &Line) -> String {
    line.0
        .iter()
        .map(|piece| match piece {
            Inline::Text(s) | Inline::Value(s) => escape(s),
            Inline::Code(s) => code(s),
            Inline::Name(s) => format!("**{}**", escape(s)),
            Inline::Question(s) => format!("*{}*", escape(s)),
            Inline::Nothing => "(none)".to_string(),
            Inline::Arrow => " → ".to_string(),
            Inline::Removed(s) => format!("~~{}~~", escape(s)),
            Inline::Added(s) => format!("**{}**", escape(s)),
            Inline::Gap => "…".to_string(),
        })
        .collect()
}

fn item(out: &mut dyn Write, item: &Item) -> io::Result<()> {
    writeln!(out, "- {}", line(&item.line))?;
    for detail in &item.details {
        writeln!(out, "  - {}", line(detail))?;
    }
    Ok(())
}

fn problems(out: &mut dyn Write, problems: &[Problem]) -> io::Result<()> {
    for p in problems {
        writeln!(
            out,
            "> **Not compared:** in {}, {}: {}\n",
            escape(&p.version),
            code(&p.place),
            escape(&p.message)
        )?;
    }
    Ok(())
}

/// Writes the report as a Markdown handout.
pub fn write(out: &mut dyn Write, report: &DiffReport) -> io::Result<()> {
    let view = view::view(report);
    writeln!(out, "# {}\n", escape(&view.title))?;
    writeln!(out, "{}\n", escape(&view.compared))?;
    if !view.workbook.is_empty() {
        writeln!(out, "## The workbook ({})\n", code("covalue.toml"))?;
        for i in &view.workbook {
            item(out, i)?;
        }
        writeln!(out)?;
    }
    problems(out, &view.problems)?;
    for pop in &view.populations {
        writeln!(out, "## {} ({})\n", escape(&pop.name), code(&pop.slug))?;
        writeln!(out, "{}\n", line(&pop.summary))?;
        problems(out, &pop.problems)?;
        for group in &pop.groups {
            writeln!(out, "### {}\n", escape(&group.title))?;
            for part in &group.parts {
                if let Some(heading) = &part.heading {
                    writeln!(out, "#### {}\n", escape(heading))?;
                }
                for i in &part.items {
                    item(out, i)?;
                }
                writeln!(out)?;
            }
        }
    }
    writeln!(out, "---\n\n{}", escape(&view.summary))
}

/// Writes one table row per population (`--stat`).
pub fn write_stat(out: &mut dyn Write, report: &DiffReport) -> io::Result<()> {
    let view = view::view(report);
    writeln!(out, "# {}\n", escape(&view.title))?;
    writeln!(out, "{}\n", escape(&view.compared))?;
    let rows = view::stat_rows(report);
    if !rows.is_empty() {
        writeln!(out, "| population | changes | completeness |")?;
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
    writeln!(out, "{}", escape(&view.summary))
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
