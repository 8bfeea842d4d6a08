//! The diff as a printable HTML page, on the document engine's page
//! (render/document.rs: page setup, running footer, language and
//! direction, `<main>`), with its own template and style
//! (templates/diff.html, templates/diff.css), rendered with autoescape; no
//! script, nothing loaded from the network.

use std::collections::BTreeMap;
use std::io::{self, Write};

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::model::DiffReport;
use super::view;
use crate::render::document::{self, Document, Footer, Language, PageArgs};

/// The page template.
pub const TEMPLATE: &str = include_str!("templates/diff.html");
/// Its style sheet.
pub const CSS: &str = include_str!("templates/diff.css");

/// Renders the report (or, with `stat`, its table of counts) as HTML.
pub fn render(report: &DiffReport, stat: bool, page: PageArgs) -> Result<String, minijinja::Error> {
    // The names end in .html, so every value is escaped unless marked safe.
    let env = document::environment(&[("diff.html", TEMPLATE), ("diff.css", CSS)])?;
    let marks: BTreeMap<&str, &str> = [
        ("added", "+"),
        ("removed", "−"),
        ("changed", "~"),
        ("moved", "↕"),
    ]
    .into_iter()
    .collect();
    let view = view::view(report);
    let footer = Footer::new(&view.title).line(format!(
        "{} · printed {}",
        view.compared,
        crate::date::format(crate::date::today())
    ));
    let doc = Document::new(
        "diff",
        view.title.clone(),
        page,
        &footer,
        Language::of(view.populations.iter().map(|p| p.name.as_str())),
        document::style(&env, Some("diff.css"), page)?,
    );
    env.get_template("diff.html")?.render(context! {
        document => Serde(&doc),
        view => Value::from(Serde(&view)),
        stat => stat,
        stat_rows => Value::from(Serde(view::stat_rows(report))),
        marks => marks,
    })
}

/// Writes the report as HTML.
pub fn write(
    out: &mut dyn Write,
    report: &DiffReport,
    stat: bool,
    page: PageArgs,
) -> io::Result<()> {
    let page = render(report, stat, page).map_err(io::Error::other)?;
    out.write_all(page.as_bytes())
}
