//! The network report as one self-contained HTML page: its own template and
//! style, escaped by the template engine, with no script.

use super::Report;

/// The report's HTML template and style, embedded at build time.
const TEMPLATE: &str = include_str!("../templates/report.html");
const CSS: &str = include_str!("../templates/report.css");

/// The report as one self-contained HTML page: escaped by the template
/// engine, with a Content-Security-Policy that allows no script and no
/// network load.
pub fn html(r: &Report) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_formatter(crate::render::templates::format_value);
    env.set_fuel(Some(50_000_000));
    env.add_template("report.html", TEMPLATE)?;
    env.get_template("report.html")?
        .render(minijinja::context! { r => minijinja::value::Serde(r), css => CSS })
}
