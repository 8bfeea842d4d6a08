//! The report templates: minijinja templates and CSS kept as files under
//! `src/render/templates/`, embedded in the binary, and overridable by a
//! site's templates folder (a file of the same name replaces the built-in
//! one). HTML templates escape every value for HTML, Markdown templates
//! escape it for Markdown; only values the renderer made safe pass as they are.

use std::fmt;
use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, Value};

use crate::render::markdown::escape_markdown;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("short.html", include_str!("templates/short.html")),
    ("full.html", include_str!("templates/full.html")),
    (
        "short-population.html",
        include_str!("templates/short-population.html"),
    ),
    (
        "full-population.html",
        include_str!("templates/full-population.html"),
    ),
    ("style.css", include_str!("templates/style.css")),
    ("macros.md", include_str!("templates/macros.md")),
    ("short.md", include_str!("templates/short.md")),
    ("full.md", include_str!("templates/full.md")),
    (
        "short-population.md",
        include_str!("templates/short-population.md"),
    ),
    (
        "full-population.md",
        include_str!("templates/full-population.md"),
    ),
];

/// The escaping used for Markdown templates.
const MARKDOWN: AutoEscape = AutoEscape::Custom(std::borrow::Cow::Borrowed("markdown"));

/// A template that cannot be used.
#[derive(Debug)]
pub struct TemplateError {
    /// The template's name.
    pub name: String,
    /// Where it came from: the built-in set or a site's file.
    pub file: Option<PathBuf>,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(
                f,
                "the report template {} cannot be used: {}",
                file.display(),
                self.message
            ),
            None => write!(
                f,
                "the built-in report template {} failed: {}",
                self.name, self.message
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

impl TemplateError {
    /// What the user can do about it.
    pub fn help(&self) -> String {
        match &self.file {
            Some(file) => format!(
                "fix {}, or move it out of the templates folder to use the built-in {}",
                file.display(),
                self.name
            ),
            None => "this is a bug in covalue; please report it with the command you ran".into(),
        }
    }
}

/// The loaded templates, compiled once and shared by every population.
pub struct Templates {
    env: Environment<'static>,
    /// The site's files that replace built-in templates.
    overrides: Vec<(String, PathBuf)>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates")
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

/// Writes a value, escaped for the template's output format.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if *state.auto_escape() == MARKDOWN {
        if value.is_safe() {
            return out.write_str(&value.to_string()).map_err(Into::into);
        }
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        return out
            .write_str(&escape_markdown(&value.to_string()))
            .map_err(Into::into);
    }
    minijinja::escape_formatter(out, state, value)
}

fn auto_escape(name: &str) -> AutoEscape {
    match name.rsplit('.').next() {
        Some("html" | "htm" | "svg" | "xml") => AutoEscape::Html,
        Some("md") => MARKDOWN,
        _ => AutoEscape::None,
    }
}

/// Whether a name may be read from a site's templates folder: a plain file
/// name, never a path out of the folder.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Templates {
    /// The built-in templates, with the files of `dir` (when given) replacing
    /// those of the same name.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        let mut syntax = SyntaxConfig::builder();
        syntax.trim_blocks(true).lstrip_blocks(true);
        if let Ok(syntax) = syntax.build() {
            env.set_syntax(syntax);
        }
        env.set_auto_escape_callback(auto_escape);
        env.set_formatter(format_value);
        env.add_filter("code", |text: String| {
            Value::from_safe_string(code_span(&text))
        });
        let mut overrides = Vec::new();
        for (name, builtin) in BUILTIN {
            let site = dir.map(|d| d.join(name)).filter(|p| p.is_file());
            let source = match &site {
                Some(path) => std::fs::read_to_string(path).map_err(|e| TemplateError {
                    name: (*name).to_string(),
                    file: Some(path.clone()),
                    message: e.to_string(),
                })?,
                None => (*builtin).to_string(),
            };
            env.add_template_owned(*name, source)
                .map_err(|e| TemplateError {
                    name: (*name).to_string(),
                    file: site.clone(),
                    message: describe(&e),
                })?;
            if let Some(path) = site {
                overrides.push(((*name).to_string(), path));
            }
        }
        // Other files of the site's folder can be included by its templates.
        if let Some(dir) = dir {
            let dir = dir.to_path_buf();
            env.set_loader(move |name| {
                if !plain_name(name) {
                    return Ok(None);
                }
                match std::fs::read_to_string(dir.join(name)) {
                    Ok(text) => Ok(Some(text)),
                    Err(_) => Ok(None),
                }
            });
        }
        Ok(Templates { env, overrides })
    }

    /// The site's files that replace built-in templates, by name.
    pub fn overrides(&self) -> &[(String, PathBuf)] {
        &self.overrides
    }

    /// Renders a template with a context.
    pub fn render(&self, name: &str, context: Value) -> Result<String, TemplateError> {
        let error = |e: minijinja::Error| TemplateError {
            name: name.to_string(),
            file: self
                .overrides
                .iter()
                .find(|(n, _)| Some(n.as_str()) == e.name().or(Some(name)))
                .map(|(_, p)| p.clone()),
            message: describe(&e),
        };
        self.env
            .get_template(name)
            .map_err(error)?
            .render(context)
            .map_err(error)
    }
}

/// A Markdown code span showing `text` as written, whatever it contains.
pub fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A minijinja error in one line, with the line it is on.
fn describe(e: &minijinja::Error) -> String {
    let mut text = e.kind().to_string();
    if let Some(detail) = e.detail() {
        text = format!("{text}: {detail}");
    }
    if let (Some(name), Some(line)) = (e.name(), e.line()) {
        text = format!("{text} ({name}, line {line})");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    #[test]
    fn every_builtin_template_compiles() {
        assert!(Templates::load(None).is_ok());
    }

    #[test]
    fn html_is_escaped_and_markdown_too() {
        let mut env = Environment::new();
        env.set_auto_escape_callback(auto_escape);
        env.set_formatter(format_value);
        let _ = env.add_template("a.html", "{{ x }}|{{ y }}");
        let _ = env.add_template("a.md", "{{ x }}|{{ y }}");
        let ctx = context! { x => "<b>*x*</b>", y => Value::from_safe_string("<i>".into()) };
        let html = env
            .get_template("a.html")
            .and_then(|t| t.render(&ctx))
            .unwrap_or_default();
        assert_eq!(html, "&lt;b&gt;*x*&lt;&#x2f;b&gt;|<i>");
        let md = env
            .get_template("a.md")
            .and_then(|t| t.render(&ctx))
            .unwrap_or_default();
        assert_eq!(md, "\\<b\\>\\*x\\*\\</b\\>|<i>");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("{#a}"), "`{#a}`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }

    #[test]
    fn site_names_cannot_leave_the_folder() {
        assert!(plain_name("header.html"));
        assert!(!plain_name("../secret.html"));
        assert!(!plain_name("/etc/passwd"));
        assert!(!plain_name(".hidden"));
    }
}
