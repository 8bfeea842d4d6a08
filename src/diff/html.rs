//! The diff as a printable HTML page, on the document engine's page
//! (render/document.rs: page setup, running footer, language and
//! direction, `<main>`), with its own template and style
//! (templates/diff.html, templates/diff.css), rendered with autoescape; no
//! script, nothing loaded from the network.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::model::DiffReport;
use super::view;
use crate::i18n::Catalogue;
use crate::render::document::{self, Document, Footer, Language, PageArgs};

/// The page template.
pub const TEMPLATE: &str = include_str!("templates/diff.html");
/// Its style sheet.
pub const CSS: &str = include_str!("templates/diff.css");

/// Renders the report (or, with `stat`, its table of counts) as HTML, in
/// the words of `c`.
pub fn render(
    report: &DiffReport,
    stat: bool,
    page: PageArgs,
    c: Arc<Catalogue>,
) -> Result<String, minijinja::Error> {
    // The names end in .html, so every value is escaped unless marked safe.
    let mut env = document::environment(&[("diff.html", TEMPLATE), ("diff.css", CSS)])?;
    crate::i18n::template::install(&mut env, c.clone());
    let marks: BTreeMap<&str, &str> = [
        ("added", "+"),
        ("removed", "−"),
        ("changed", "~"),
        ("moved", "↕"),
    ]
    .into_iter()
    .collect();
    let view = view::view(report, &c);
    let footer = Footer::new(&view.title).line(c.text(
        "diff-printed",
        &[
            ("compared", view::plain_text(&view.compared).into()),
            ("date", c.lang().date(crate::date::today()).into()),
        ],
    ));
    let doc = Document::new(
        "diff",
        view.title.clone(),
        page,
        &footer,
        match report.lang {
            Some(lang) => Language::from(lang),
            None => Language::of(view.populations.iter().map(|p| p.name.as_str())),
        },
        document::style(&env, Some("diff.css"), page)?,
    );
    env.get_template("diff.html")?.render(context! {
        document => Serde(&doc),
        view => Value::from(Serde(&view)),
        stat => stat,
        stat_rows => Value::from(Serde(view::stat_rows(report, &c))),
        marks => marks,
    })
}

/// Writes the report as HTML, in the words of `c`.
pub fn write(
    out: &mut dyn Write,
    report: &DiffReport,
    stat: bool,
    page: PageArgs,
    c: Arc<Catalogue>,
) -> io::Result<()> {
    let page = render(report, stat, page, c).map_err(io::Error::other)?;
    out.write_all(page.as_bytes())
}
