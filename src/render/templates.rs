//! The report templates: minijinja templates and CSS kept as files under
//! `src/render/templates/`, embedded in the binary, and overridable by a
//! site's templates folder (a file of the same name replaces the built-in
//! one). HTML templates escape every value for HTML, Markdown templates
//! escape it for Markdown; only values the renderer made safe pass as they are.

use std::fmt;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, Value};

use crate::confine::Jail;
use crate::read_error::ReadError;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("document.html", super::document::TEMPLATE),
    ("base.css", super::document::CSS),
    ("layout.html", include_str!("templates/layout.html")),
    ("macros.html", include_str!("templates/macros.html")),
    (
        "about-language.html",
        include_str!("templates/about-language.html"),
    ),
    (
        "about-language.md",
        include_str!("templates/about-language.md"),
    ),
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
    ("register.html", include_str!("templates/register.html")),
    (
        "register-population.html",
        include_str!("templates/register-population.html"),
    ),
    ("style.css", include_str!("templates/style.css")),
    ("macros.md", include_str!("templates/macros.md")),
    ("short.md", include_str!("templates/short.md")),
    ("full.md", include_str!("templates/full.md")),
    ("register.md", include_str!("templates/register.md")),
    (
        "register-population.md",
        include_str!("templates/register-population.md"),
    ),
    (
        "short-population.md",
        include_str!("templates/short-population.md"),
    ),
    (
        "full-population.md",
        include_str!("templates/full-population.md"),
    ),
];

/// The work one template may do in one render call, in minijinja's fuel: about
/// one unit per instruction and per 64 bytes of text made or written. Each
/// population is its own call, and so is the document around them. Measured
/// on the synthetic benchmark (`tests/bench/synth-workbook.sh 1000`): a
/// population of the full form takes about 11,000, the full form's document
/// for 1,000 populations (contents and summary) about 240,000, the short
/// form's 23,000. So 2,000,000 leaves eight times the room the document of
/// 1,000 populations needs, and a page of a hundred times the usual size;
/// while a runaway loop stops within milliseconds and a template can make at
/// most about 128 MB of text in one call.
pub const FUEL: u64 = 2_000_000;

/// How deep templates may nest includes, macros, loops and blocks. The
/// built-in templates need less than a tenth of this; a macro that calls
/// itself stops here, long before the stack runs out.
pub const RECURSION_LIMIT: usize = 200;

/// The escaping used for Markdown templates.
const MARKDOWN: AutoEscape = AutoEscape::Custom(std::borrow::Cow::Borrowed("markdown"));

/// A template that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe())]
pub struct TemplateError {
    /// The template's name.
    pub name: String,
    /// Where it came from: the built-in set or a site's file.
    pub file: Option<PathBuf>,
    /// What went wrong.
    pub message: String,
    /// Whether it ran into a limit (fuel or nesting) rather than a mistake.
    pub limit: bool,
}

impl TemplateError {
    fn describe(&self) -> String {
        match &self.file {
            Some(file) => format!(
                "the report template {} cannot be used: {}",
                file.display(),
                self.message
            ),
            None => format!(
                "the built-in report template {} failed: {}",
                self.name, self.message
            ),
        }
    }
}

impl crate::diagnose::Diagnose for TemplateError {
    fn help(&self) -> Option<String> {
        Some(match &self.file {
            Some(file) if self.limit => format!(
                "a template may do only as much work as a report needs (loops over what the workbook holds, not long-running ones); fix {}, or move it out of the templates folder",
                file.display()
            ),
            Some(file) => format!(
                "fix {}, or move it out of the templates folder to use the built-in {}",
                file.display(),
                self.name
            ),
            None if self.limit => "the report is larger than one report may be; print fewer populations at a time with --population".into(),
            None => "this is a bug in covalue; please report it with the command you ran".into(),
        })
    }
}

/// The loaded templates, compiled once and shared by every population.
pub struct Templates {
    env: Environment<'static>,
    /// The site's files that replace built-in templates.
    overrides: Vec<(String, PathBuf)>,
    /// The site's templates folder, for naming the file of an error.
    dir: Option<PathBuf>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates")
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

/// Writes a value, escaped for the template's output format.
/// How every template of covalue writes a value: escaped for its language,
/// and with no control characters (a workbook's escape sequences, C1
/// controls), which no page or handout should carry.
pub fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if let Some(text) = value.as_str() {
        if let std::borrow::Cow::Owned(clean) = crate::escape::without_controls(text) {
            let clean = if value.is_safe() {
                Value::from_safe_string(clean)
            } else {
                Value::from(clean)
            };
            return format_value(out, state, &clean);
        }
    }
    if *state.auto_escape() == MARKDOWN {
        if value.is_safe() {
            return out.write_str(&value.to_string()).map_err(Into::into);
        }
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        return out
            .write_str(&crate::escape::markdown(value.to_string().trim()))
            .map_err(Into::into);
    }
    minijinja::escape_formatter(out, state, value)
}

pub(crate) fn auto_escape(name: &str) -> AutoEscape {
    match name.rsplit('.').next() {
        Some("html" | "htm" | "svg" | "xml") => AutoEscape::Html,
        Some("md") => MARKDOWN,
        _ => AutoEscape::None,
    }
}

/// The text of a file of the site's templates folder, read through the
/// folder's jail; `None` when there is no such file. The error says why a
/// file that is there cannot be used.
fn site_file(jail: &Jail, path: &Path) -> Result<Option<String>, String> {
    let bytes = match jail.read(path) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => return Ok(None),
        Err(ReadError::Outside(to)) => {
            return Err(format!(
                "it leads outside the templates folder (to {}), and covalue reads templates only from inside it",
                to.display()
            ));
        }
        Err(other) => return Err(other.describe()),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(_) => Err("it is not UTF-8 text".into()),
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
    /// those of the same name. Every file of `dir` is read through a
    /// [`Jail`]: a link that leads out of the folder, a folder, a device or
    /// a FIFO is refused, never followed.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        super::document::configure(&mut env);
        let jail = match dir {
            Some(dir) => Some(Jail::new(dir).map_err(|e| TemplateError {
                name: String::new(),
                file: Some(dir.to_path_buf()),
                message: e.to_string(),
                limit: false,
            })?),
            None => None,
        };
        let mut overrides = Vec::new();
        for (name, builtin) in BUILTIN {
            let site = match (dir, &jail) {
                (Some(dir), Some(jail)) => {
                    let path = dir.join(name);
                    site_file(jail, &path)
                        .map_err(|message| TemplateError {
                            name: (*name).to_string(),
                            file: Some(path.clone()),
                            message,
                            limit: false,
                        })?
                        .map(|text| (path, text))
                }
                _ => None,
            };
            let source = match &site {
                Some((_, text)) => text.clone(),
                None => (*builtin).to_string(),
            };
            let path = site.map(|(path, _)| path);
            env.add_template_owned(*name, source)
                .map_err(|e| TemplateError {
                    name: (*name).to_string(),
                    file: path.clone(),
                    message: describe(&e),
                    limit: false,
                })?;
            if let Some(path) = path {
                overrides.push(((*name).to_string(), path));
            }
        }
        // Other files of the site's folder can be included by its templates.
        if let (Some(dir), Some(jail)) = (dir, jail) {
            let dir = dir.to_path_buf();
            env.set_loader(move |name| {
                if !plain_name(name) {
                    return Ok(None);
                }
                site_file(&jail, &dir.join(name)).map_err(|message| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot include {name}: {message}"),
                    )
                })
            });
        }
        Ok(Templates {
            env,
            overrides,
            dir: dir.map(Path::to_path_buf),
        })
    }

    /// The site's files that replace built-in templates, by name.
    pub fn overrides(&self) -> &[(String, PathBuf)] {
        &self.overrides
    }

    /// Renders a template with a context. A template that runs out of fuel
    /// or nests too deep is an error naming the file it happened in.
    pub fn render(&self, name: &str, context: Value) -> Result<String, TemplateError> {
        let error = |e: minijinja::Error| {
            let failed = e.name().unwrap_or(name);
            TemplateError {
                name: failed.to_string(),
                file: self.site_path(failed),
                message: describe(&e),
                limit: is_limit(&e),
            }
        };
        self.env
            .get_template(name)
            .map_err(error)?
            .render(context)
            .map_err(error)
    }

    /// The site's file a template came from, if it is not built in.
    fn site_path(&self, name: &str) -> Option<PathBuf> {
        if let Some((_, path)) = self.overrides.iter().find(|(n, _)| n == name) {
            return Some(path.clone());
        }
        let builtin = BUILTIN.iter().any(|(n, _)| *n == name);
        match &self.dir {
            Some(dir) if !builtin && plain_name(name) => Some(dir.join(name)),
            _ => None,
        }
    }
}

/// Whether an error is a limit reached (fuel, nesting) rather than a mistake.
fn is_limit(e: &minijinja::Error) -> bool {
    e.kind() == minijinja::ErrorKind::OutOfFuel
        || e.detail().is_some_and(|d| d.contains("recursion limit"))
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
    if e.kind() == minijinja::ErrorKind::OutOfFuel {
        text = format!(
            "it was stopped after doing more work than a report needs ({FUEL} steps): a loop runs too long, or text grows too large"
        );
    } else if is_limit(e) {
        text = format!(
            "it was stopped after nesting includes, macros or loops more than {RECURSION_LIMIT} deep"
        );
    }
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
