//! The diff as a printable HTML page: a self-contained template with its
//! own print CSS (templates/diff.html, templates/diff.css), rendered with
//! autoescape; no script, nothing loaded from the network.

use std::collections::BTreeMap;
use std::io::{self, Write};

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};

use super::model::DiffReport;
use super::view;

/// The page template.
pub const TEMPLATE: &str = include_str!("templates/diff.html");
/// Its style sheet.
pub const CSS: &str = include_str!("templates/diff.css");

/// Renders the report (or, with `stat`, its table of counts) as HTML.
pub fn render(report: &DiffReport, stat: bool) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_formatter(crate::render::templates::format_value);
    // The name ends in .html, so every value is escaped unless marked safe.
    env.add_template("diff.html", TEMPLATE)?;
    let marks: BTreeMap<&str, &str> = [
        ("added", "+"),
        ("removed", "−"),
        ("changed", "~"),
        ("moved", "↕"),
    ]
    .into_iter()
    .collect();
    env.get_template("diff.html")?.render(context! {
        view => Value::from(Serde(view::view(report))),
        stat => stat,
        stat_rows => Value::from(Serde(view::stat_rows(report))),
        marks => marks,
        css => CSS,
    })
}

/// Writes the report as HTML.
pub fn write(out: &mut dyn Write, report: &DiffReport, stat: bool) -> io::Result<()> {
    let page = render(report, stat).map_err(io::Error::other)?;
    out.write_all(page.as_bytes())
}
