//! The network report as one self-contained HTML page, on the document
//! engine's page (render/document.rs: page setup, running footer, language
//! and direction, `<main>`), with its own template and style, escaped by the
//! template engine, with no script. Sites, populations, quadrants, clusters
//! and the guide's other terms are shown by name, their ids as small text.

use std::collections::BTreeMap;

use minijinja::context;
use minijinja::value::{Serde, Value};

use std::sync::Arc;

use super::Report;
use crate::i18n::{Catalogue, Lang};
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
    let about = crate::render::templates::BUILTIN
        .iter()
        .find(|(n, _)| *n == "about-language.html")
        .map_or("", |(_, text)| text);
    let mut env = document::environment(&[
        ("report.html", TEMPLATE),
        ("report.css", CSS),
        ("about-language.html", about),
    ])?;
    env.set_fuel(Some(FUEL));
    let c = Arc::new(Catalogue::builtin(r.lang));
    crate::i18n::template::install(&mut env, c.clone());
    // A site's Markdown (its Step 9 answers, what it learnt, its exemplars)
    // through the reports' engine: safe HTML, raw HTML shown as text, only
    // http, https and mailto links.
    env.add_filter("markdown", |text: String| {
        Value::from_safe_string(crate::render::markdown::to_html(&text, 4))
    });
    // A value covalue wrote with its unit (`2.5 %`), its number the
    // language's way.
    let lang = r.lang;
    env.add_filter("figure", move |text: String| super::figure(lang, &text));
    // Each site's populations by folder name, to show their names.
    let populations: BTreeMap<String, String> = r
        .completeness
        .iter()
        .map(|c| (format!("{}/{}", c.site, c.population), c.name.clone()))
        .collect();
    let texts = std::iter::once(r.network.as_str())
        .chain(r.sites.iter().map(|s| s.name.as_str()))
        .chain(r.completeness.iter().map(|c| c.name.as_str()));
    let made = super::day(r.lang, &r.made);
    let footer = Footer::new(&r.network)
        .and(&c.text("net-footer-kind", &[]))
        .line(c.text("net-footer-made", &[("date", made.as_str().into())]));
    let doc = Document::new(
        "network",
        c.text("net-page-title", &[("network", r.network.as_str().into())]),
        page,
        &footer,
        // An English report takes its direction from the sites' names, as
        // it always has; a report in another language, from the language.
        match r.lang {
            Lang::En => Language::of(texts),
            other => Language::from(other),
        },
        document::style(&env, Some("report.css"), page)?,
    );
    env.get_template("report.html")?.render(context! {
        document => Serde(&doc),
        r => Serde(r),
        populations => populations,
        names => Serde(&r.names),
        short => Serde(&r.questions),
        frequencies => super::frequencies(&c),
        differ => r.domains.iter().map(|d| (d.id.clone(), super::differ(&c, &d.differ))).collect::<BTreeMap<_, _>>(),
        about => !r.lang.is_english(),
        doc => context! {
            translated => !r.lang.is_english(),
            guide_translation => r.guide_translation,
        },
    })
}
