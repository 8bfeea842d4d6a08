//! The network report as one self-contained HTML page, on the document
//! engine's page (render/document.rs: page setup, running footer, language
//! and direction, `<main>`), with its own template and style, escaped by the
//! template engine, with no script. Sites, populations, quadrants, clusters
//! and the guide's other terms are shown by name, their ids as small text.

use std::collections::BTreeMap;

use minijinja::context;
use minijinja::value::{Serde, Value};

use super::Report;
use crate::render::document::{self, Document, Footer, Language, PageArgs};

/// The report's HTML template and style, embedded at build time.
const TEMPLATE: &str = include_str!("../templates/report.html");
const CSS: &str = include_str!("../templates/report.css");

/// The work the report's template may do: a network of many sites makes a
/// long page (the default is sized for one population of a report).
const FUEL: u64 = 50_000_000;

/// The report as one self-contained HTML page: escaped by the template
/// engine, with a Content-Security-Policy that allows no script and no
/// network load.
pub fn html(r: &Report, page: PageArgs) -> Result<String, minijinja::Error> {
    let mut env = document::environment(&[("report.html", TEMPLATE), ("report.css", CSS)])?;
    env.set_fuel(Some(FUEL));
    // A site's Markdown (its Step 9 answers, what it learnt, its exemplars)
    // through the reports' engine: safe HTML, raw HTML shown as text, only
    // http, https and mailto links.
    env.add_filter("markdown", |text: String| {
        Value::from_safe_string(crate::render::markdown::to_html(&text, 4))
    });
    // Each site's populations by folder name, to show their names.
    let populations: BTreeMap<String, String> = r
        .completeness
        .iter()
        .map(|c| (format!("{}/{}", c.site, c.population), c.name.clone()))
        .collect();
    let texts = std::iter::once(r.network.as_str())
        .chain(r.sites.iter().map(|s| s.name.as_str()))
        .chain(r.completeness.iter().map(|c| c.name.as_str()));
    let footer = Footer::new(&r.network)
        .and("network report")
        .line(format!("made {} from the revisions listed in it", r.made));
    let doc = Document::new(
        "network",
        format!("{} · network report", r.network),
        page,
        &footer,
        Language::of(texts),
        document::style(&env, Some("report.css"), page)?,
    );
    env.get_template("report.html")?.render(context! {
        document => Serde(&doc),
        r => Serde(r),
        populations => populations,
        names => Serde(&r.names),
        short => Serde(&r.questions),
    })
}
