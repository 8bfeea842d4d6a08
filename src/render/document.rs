//! The document engine: what every page covalue prints or serves shares.
//!
//! The page setup (`--paper a4|letter`, `--large-print`, the margins), the
//! running footer (the document's lines at the bottom left, "page N of M" at
//! the bottom right, with CSS counters), the type scale and base style, the
//! language and direction of the text, a `<main>` landmark and the
//! Content-Security-Policy live in one base template
//! (`templates/document.html`) and one stylesheet (`templates/base.css`).
//! A document (render's forms and register, the session pack, the network
//! report, the diff page, the served pages) extends `document.html`, passes
//! a [`Document`] as `document`, and keeps only its own style. Its
//! templates run in an [`environment`] configured once here: values escaped
//! for their language and stripped of control characters, a field the model
//! lacks is an error (`UndefinedBehavior::Strict`), and work and nesting are
//! bounded.

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::model::css_string;
use super::templates::{FUEL, RECURSION_LIMIT, code_span, format_value};
use crate::date::Date;

/// The base template every document extends.
pub const TEMPLATE: &str = include_str!("templates/document.html");
/// The base style every document starts from (a template: paper, large print).
pub const CSS: &str = include_str!("templates/base.css");

/// The Content-Security-Policy every printable document declares: nothing
/// may be loaded or run, whatever the page contains.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The paper size printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The CSS `@page` size.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// The page setup of every verb that prints: `--paper` and `--large-print`,
/// defined once and flattened into each verb's arguments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::Args)]
pub struct PageArgs {
    /// Paper size.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Large print for patient partners: body text at 16 pt, nothing under 14 pt (HTML and PDF).
    #[arg(long)]
    pub large_print: bool,
}

/// The language and direction of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The `lang` attribute: `en`, or `he` / `ar` for a workbook written in
    /// Hebrew or Arabic.
    pub lang: &'static str,
    /// The `dir` attribute: `ltr` or `rtl`.
    pub dir: &'static str,
}

impl Language {
    /// English, left to right: covalue's own words.
    pub const ENGLISH: Language = Language {
        lang: "en",
        dir: "ltr",
    };

    /// The language of a workbook's text: right to left when most of the
    /// letters of `texts` (its title, names, answers) are Hebrew or Arabic.
    /// Each block of text still takes its own direction from its first
    /// letter (`unicode-bidi: plaintext` in base.css), so an English answer
    /// in a Hebrew workbook reads left to right, and the other way round.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Language {
        let (mut hebrew, mut arabic, mut other) = (0usize, 0usize, 0usize);
        for c in texts.into_iter().flat_map(str::chars) {
            match u32::from(c) {
                0x0590..=0x05FF | 0xFB1D..=0xFB4F => hebrew += 1,
                0x0600..=0x06FF
                | 0x0750..=0x077F
                | 0x08A0..=0x08FF
                | 0xFB50..=0xFDFF
                | 0xFE70..=0xFEFF => arabic += 1,
                _ if c.is_alphabetic() => other += 1,
                _ => {}
            }
        }
        match (hebrew + arabic > other, hebrew >= arabic) {
            (false, _) => Language::ENGLISH,
            (true, true) => Language {
                lang: "he",
                dir: "rtl",
            },
            (true, false) => Language {
                lang: "ar",
                dir: "rtl",
            },
        }
    }
}

impl From<crate::i18n::Lang> for Language {
    fn from(lang: crate::i18n::Lang) -> Language {
        Language {
            lang: lang.tag(),
            dir: lang.direction().as_str(),
        }
    }
}

/// The running footer of a printed page: lines at the bottom left (the
/// workbook, what the page is, the commit and the date); "page N of M" is
/// added at the bottom right by base.css.
#[derive(Debug, Clone, Default)]
pub struct Footer {
    lines: Vec<String>,
}

impl Footer {
    /// A footer whose first line is `title`.
    pub fn new(title: &str) -> Footer {
        Footer {
            lines: vec![title.to_string()],
        }
    }

    /// The footer with one more line.
    pub fn line(mut self, line: impl Into<String>) -> Footer {
        self.lines.push(line.into());
        self
    }

    /// The footer with its first line followed by ` · part`.
    pub fn and(mut self, part: &str) -> Footer {
        if part.is_empty() {
            return self;
        }
        match self.lines.first_mut() {
            Some(first) if !first.is_empty() => first.push_str(&format!(" · {part}")),
            Some(first) => first.push_str(part),
            None => self.lines.push(part.to_string()),
        }
        self
    }

    /// The footer as a CSS string for `content:` (safe inside `<style>`).
    pub fn css(&self) -> Value {
        Value::from_safe_string(css_string(&self.lines.join("\n")))
    }
}

/// The footer's line of provenance: `commit 1a2b3c4 · printed 7 December
/// 2026` (without a commit outside git).
pub fn printed(revision: Option<&str>, today: Date) -> String {
    match revision {
        Some(rev) => format!("{rev} · printed {}", crate::date::format(today)),
        None => format!("printed {}", crate::date::format(today)),
    }
}

/// A commit as a page shows it: its first seven characters.
pub fn short_commit(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

/// What the base template needs of a document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// What the document is (`pack`, `network`, `diff`, `form-full`, …), its
    /// body's class.
    pub kind: String,
    /// The page's title.
    pub title: String,
    /// `lang` of the page.
    pub lang: &'static str,
    /// `dir` of the page.
    pub dir: &'static str,
    /// The Content-Security-Policy.
    pub csp: &'static str,
    /// The style: base.css, then the document's own (safe).
    pub css: Value,
    /// The running footer, as a CSS string (safe).
    pub footer: Value,
    /// The paper size, as CSS.
    pub paper: &'static str,
    /// Large print.
    pub large_print: bool,
}

impl Document {
    /// A document of `kind` titled `title`, with its style already made
    /// (see [`style`]).
    pub fn new(
        kind: &str,
        title: String,
        page: PageArgs,
        footer: &Footer,
        language: Language,
        css: String,
    ) -> Document {
        Document {
            kind: kind.to_string(),
            title,
            lang: language.lang,
            dir: language.dir,
            csp: CONTENT_SECURITY_POLICY,
            css: Value::from_safe_string(css),
            footer: footer.css(),
            paper: page.paper.css(),
            large_print: page.large_print,
        }
    }
}

/// Sets up an environment the way every document's templates run: HTML and
/// Markdown escaped by file name, control characters stripped from every
/// value, a field the model lacks is an error, and work and nesting bounded.
pub fn configure(env: &mut Environment<'_>) {
    let mut syntax = SyntaxConfig::builder();
    syntax.trim_blocks(true).lstrip_blocks(true);
    if let Ok(syntax) = syntax.build() {
        env.set_syntax(syntax);
    }
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(RECURSION_LIMIT);
    env.set_auto_escape_callback(super::templates::auto_escape);
    env.set_formatter(format_value);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("code", |text: String| {
        Value::from_safe_string(code_span(&text))
    });
    crate::i18n::template::register(env);
}

/// An environment for a built-in document: configured as every document's
/// is, holding the base template and style and the document's own
/// `templates` (name, text).
pub fn environment(
    templates: &[(&'static str, &'static str)],
) -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    configure(&mut env);
    env.add_template("document.html", TEMPLATE)?;
    env.add_template("base.css", CSS)?;
    for (name, text) in templates {
        env.add_template(name, text)?;
    }
    Ok(env)
}

/// The style of a document: base.css for `page`, then the document's own
/// style template `own` (when given), both rendered from `env`.
pub fn style(
    env: &Environment<'_>,
    own: Option<&str>,
    page: PageArgs,
) -> Result<String, minijinja::Error> {
    let ctx = minijinja::context! { paper => page.paper.css(), large => page.large_print };
    let mut css = env.get_template("base.css")?.render(&ctx)?;
    if let Some(own) = own {
        css.push('\n');
        css.push_str(&env.get_template(own)?.render(&ctx)?);
    }
    Ok(css)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_and_arabic_workbooks_read_right_to_left() {
        assert_eq!(Language::of(["Heart failure care"]), Language::ENGLISH);
        assert_eq!(Language::of(["טיפול באי ספיקת לב", "MS"]).dir, "rtl");
        assert_eq!(Language::of(["טיפול באי ספיקת לב"]).lang, "he");
        assert_eq!(Language::of(["رعاية قصور القلب"]).lang, "ar");
        assert_eq!(Language::of(["Heart failure care", "טיפול"]).dir, "ltr");
        assert_eq!(Language::of([]), Language::ENGLISH);
    }

    #[test]
    fn footers_are_css_strings_of_their_lines() {
        let f = Footer::new("Book").and("Pack").line("printed 1 May");
        assert_eq!(f.css().to_string(), "\"Book \\b7  Pack\\a printed 1 May\"");
    }

    #[test]
    fn every_document_gets_the_page_setup_footer_and_landmark() {
        let env = environment(&[(
            "x.html",
            "{% extends \"document.html\" %}{% block content %}<p>{{ t }}</p>{% endblock %}",
        )])
        .unwrap_or_else(|e| panic!("{e}"));
        let page = PageArgs {
            paper: Paper::Letter,
            large_print: true,
        };
        let css = style(&env, None, page).unwrap_or_default();
        let doc = Document::new(
            "x",
            "T".into(),
            page,
            &Footer::new("Book"),
            Language::of(["שלום"]),
            css,
        );
        let html = env
            .get_template("x.html")
            .and_then(|t| t.render(minijinja::context! { document => minijinja::value::Serde(&doc), t => "<script>" }))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"), "{html}");
        assert!(html.contains("size: letter;"));
        assert!(html.contains("counter(page)"));
        assert!(html.contains("content: \"Book\""));
        assert!(html.contains("large-print"));
        assert!(html.contains("<main>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn a_field_the_model_lacks_is_an_error() {
        let env = environment(&[("y.html", "{{ missing }}")]).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            env.get_template("y.html")
                .and_then(|t| t.render(()))
                .is_err()
        );
    }
}
