//! A language's message catalogue: the built-in `i18n/LANG.ftl`, with a
//! site's own wording (`messages.LANG.ftl`) over it, formatted by Project
//! Fluent (plural rules, variables, selectors).
//!
//! Bidirectional isolation: every value put into a message (a name, a
//! number, a date) is isolated from the words around it, so that a Hebrew
//! sentence holding an English name or a number keeps its order. In HTML
//! that is a `<bdi>` element (`<bdi dir="ltr">` for numbers, dates and other
//! values without letters); Fluent's own isolating marks (U+2068, U+2069)
//! are turned off, since a PDF's text and a copied line would carry them.
//! Plain text and Markdown get no marks: their reader's software orders
//! them by the paragraph's direction.

use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use super::Lang;

/// Opens a value put into a message (private-use marks, removed from
/// every input first, so they cannot be forged).
const OPEN: char = '\u{E000}';
/// Closes a value put into a message.
const CLOSE: char = '\u{E001}';
/// Opens the number of a piece of HTML given as it is (`Arg::Html`).
const SAFE_OPEN: char = '\u{E002}';
/// Closes it.
const SAFE_CLOSE: char = '\u{E003}';

/// Whether a character is one of the marks covalue uses inside a message,
/// or one of the bidirectional isolates: removed from every input.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{E003}' | '\u{2066}'..='\u{2069}')
}

/// Text without covalue's marks.
pub(crate) fn unmarked(text: &str) -> String {
    text.chars().filter(|c| !is_mark(*c)).collect()
}

/// A value given to a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, escaped where it is printed.
    Text(String),
    /// A number: selects the plural form, and is written the language's way.
    Number(f64),
    /// A piece of HTML already made safe, put in as it is in HTML output
    /// (and as text in plain output).
    Html(String),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Number(n)
    }
}

/// A message that cannot be made: templates are strict, so this fails the
/// page rather than printing a gap.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    /// No message has this id.
    #[error("there is no message \"{id}\" in the {lang} catalogue")]
    Missing {
        /// The id asked for.
        id: String,
        /// The language.
        lang: Lang,
    },
    /// The message uses a value that was not given.
    #[error("the message \"{id}\" ({lang}) uses ${variable}, which is not given to it")]
    Variable {
        /// The message.
        id: String,
        /// The language.
        lang: Lang,
        /// The variable.
        variable: String,
    },
    /// Anything else Fluent reports (a reference to a missing message, a
    /// selector without a default).
    #[error("the message \"{id}\" ({lang}) cannot be made: {detail}")]
    Other {
        /// The message.
        id: String,
        /// The language.
        lang: Lang,
        /// Fluent's words.
        detail: String,
    },
}

/// How a message is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text (also Markdown, which escapes it afterwards).
    Text,
    /// HTML: escaped, with each value in a `<bdi>`.
    Html,
    /// Markdown: escaped so that it shows as written; pieces given as
    /// [`Arg::Html`] (a code span) are put in as they are.
    Markdown,
}

/// The messages of one language.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// Whether a site's wording is laid over the built-in messages.
    site: bool,
    /// With a site's wording: covalue's own catalogue, used for a site's
    /// message that cannot be made (`check` reports it).
    fallback: Option<Box<Catalogue>>,
    /// The ids of the messages the site words its own way.
    site_ids: Vec<String>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .field("site", &self.site)
            .finish_non_exhaustive()
    }
}

/// Writes values with covalue's marks around them, numbers the language's way.
fn format_point<M>(value: &FluentValue, _: &M) -> Option<String> {
    mark(value, false)
}

/// As [`format_point`], with a decimal comma.
fn format_comma<M>(value: &FluentValue, _: &M) -> Option<String> {
    mark(value, true)
}

fn mark(value: &FluentValue, comma: bool) -> Option<String> {
    let text = match value {
        FluentValue::String(s) => s.to_string(),
        FluentValue::Number(n) => {
            let text = n.as_string().into_owned();
            if comma { text.replace('.', ",") } else { text }
        }
        _ => return None,
    };
    Some(format!("{OPEN}{text}{CLOSE}"))
}

impl Catalogue {
    /// The built-in catalogue of a language.
    pub fn builtin(lang: Lang) -> Catalogue {
        let locale: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(if lang.decimal_comma() {
            format_comma
        } else {
            format_point
        }));
        if lang == Lang::EnXa {
            bundle.set_transform(Some(super::pseudo::transform));
        }
        // The built-in catalogues are checked by the tests: every entry
        // parses. Were one not to, the entries that do still load.
        let resource = match FluentResource::try_new(unmarked(lang.catalogue_source())) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        bundle.add_resource_overriding(resource);
        Catalogue {
            lang,
            bundle,
            site: false,
            fallback: None,
            site_ids: Vec::new(),
        }
    }

    /// Lays a site's wording over the built-in messages: each message of
    /// `source` replaces the built-in one of the same id. Entries that do
    /// not parse are left out (`check` reports them).
    pub fn with_site(mut self, source: &str) -> Catalogue {
        let resource = match FluentResource::try_new(unmarked(source)) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        if self.fallback.is_none() {
            self.fallback = Some(Box::new(Catalogue::builtin(self.lang)));
        }
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                self.site_ids.push(m.id.name.to_string());
            }
        }
        self.bundle.add_resource_overriding(resource);
        self.site = true;
        self
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether a site's wording is laid over the built-in messages.
    pub fn has_site_wording(&self) -> bool {
        self.site
    }

    /// Whether the site words this message its own way (its
    /// `messages.LANG.ftl` has it).
    pub fn is_site_wording(&self, id: &str) -> bool {
        self.site_ids.iter().any(|s| s == id)
    }

    /// Whether the catalogue has a message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message as plain text.
    pub fn message(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, MessageError> {
        self.format(id, args, Markup::Text)
    }

    /// A message as plain text for code that builds page text itself (a
    /// picture's label, a footer). The built-in catalogues are complete
    /// (the tests check it); a site's message that cannot be made, which
    /// `check` reports, shows as its id in brackets rather than stop a page.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.message(id, args).unwrap_or_else(|_| format!("[{id}]"))
    }

    /// A message as HTML: its words escaped, each value in a `<bdi>`.
    pub fn html(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, MessageError> {
        self.format(id, args, Markup::Html)
    }

    /// A message in `markup`.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, Arg)],
        markup: Markup,
    ) -> Result<String, MessageError> {
        match (self.format_here(id, args, markup), &self.fallback) {
            (Err(_), Some(builtin)) if builtin.has(id) => builtin.format(id, args, markup),
            (result, _) => result,
        }
    }

    fn format_here(
        &self,
        id: &str,
        args: &[(&str, Arg)],
        markup: Markup,
    ) -> Result<String, MessageError> {
        let missing = || MessageError::Missing {
            id: id.to_string(),
            lang: self.lang,
        };
        let message = self.bundle.get_message(id).ok_or_else(missing)?;
        let pattern = message.value().ok_or_else(missing)?;
        let mut fluent_args = FluentArgs::new();
        let mut safe = Vec::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(unmarked(text)),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Html(html) => {
                    safe.push(unmarked(html));
                    FluentValue::from(format!("{SAFE_OPEN}{}{SAFE_CLOSE}", safe.len() - 1))
                }
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if let Some(error) = errors.into_iter().next() {
            return Err(self.error(id, error));
        }
        // Fluent passes the whole message through the formatter too, which
        // marks it as one value: that outer pair is not a value's.
        let text = text
            .strip_prefix(OPEN)
            .and_then(|t| t.strip_suffix(CLOSE))
            .unwrap_or(&text);
        Ok(finish(text, &safe, markup))
    }

    fn error(&self, id: &str, error: FluentError) -> MessageError {
        match error {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id: variable,
            })) => MessageError::Variable {
                id: id.to_string(),
                lang: self.lang,
                variable,
            },
            other => MessageError::Other {
                id: id.to_string(),
                lang: self.lang,
                detail: other.to_string(),
            },
        }
    }
}

/// A formatted message with its marks turned into markup.
fn finish(text: &str, safe: &[String], markup: Markup) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find([OPEN, SAFE_OPEN]) {
        push_text(&mut out, &rest[..start], markup);
        let opener = rest[start..].chars().next().unwrap_or(OPEN);
        let after = &rest[start + opener.len_utf8()..];
        let closer = if opener == OPEN { CLOSE } else { SAFE_CLOSE };
        let (inner, next) = match after.find(closer) {
            Some(end) => (&after[..end], &after[end + closer.len_utf8()..]),
            None => (after, ""),
        };
        if opener == SAFE_OPEN {
            let piece = inner
                .parse::<usize>()
                .ok()
                .and_then(|i| safe.get(i))
                .map_or("", String::as_str);
            out.push_str(piece);
        } else {
            push_value(&mut out, inner, safe, markup);
        }
        rest = next;
    }
    push_text(&mut out, rest, markup);
    out
}

/// A value put into a message, isolated in HTML.
fn push_value(out: &mut String, inner: &str, safe: &[String], markup: Markup) {
    match markup {
        Markup::Text | Markup::Markdown => out.push_str(&finish(inner, safe, markup)),
        Markup::Html => {
            // A value without letters (a number, a date, an id of digits)
            // runs left to right whatever the page's direction.
            let plain = finish(inner, safe, Markup::Text);
            if plain.chars().any(char::is_alphabetic) {
                out.push_str("<bdi>");
            } else {
                out.push_str("<bdi dir=\"ltr\">");
            }
            out.push_str(&finish(inner, safe, markup));
            out.push_str("</bdi>");
        }
    }
}

fn push_text(out: &mut String, text: &str, markup: Markup) {
    match markup {
        Markup::Text => out.push_str(text),
        Markup::Html => out.push_str(&crate::escape::html(text)),
        Markup::Markdown => out.push_str(&crate::escape::markdown(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(lang: Lang, ftl: &str) -> Catalogue {
        Catalogue::builtin(lang).with_site(ftl)
    }

    #[test]
    fn values_are_isolated_in_html_and_plain_in_text() {
        let c = catalogue(Lang::He, "x = שלום { $name }, { $n } פעמים\n");
        let args = [("name", Arg::from("Ana <b>")), ("n", Arg::from(3usize))];
        assert_eq!(
            c.html("x", &args).as_deref(),
            Ok("שלום <bdi>Ana &lt;b&gt;</bdi>, <bdi dir=\"ltr\">3</bdi> פעמים")
        );
        assert_eq!(
            c.message("x", &args).as_deref(),
            Ok("שלום Ana <b>, 3 פעמים")
        );
    }

    #[test]
    fn a_missing_message_or_variable_is_an_error() {
        let c = catalogue(Lang::En, "x = Hello { $name }\n");
        assert!(matches!(
            c.message("nope", &[]),
            Err(MessageError::Missing { .. })
        ));
        assert!(matches!(
            c.message("x", &[]),
            Err(MessageError::Variable { ref variable, .. }) if variable == "name"
        ));
    }

    #[test]
    fn numbers_take_the_decimal_comma_and_select_plurals() {
        let c = catalogue(
            Lang::Sv,
            "n = { $n ->\n    [one] { $n } fråga\n   *[other] { $n } frågor\n}\n",
        );
        assert_eq!(
            c.message("n", &[("n", Arg::from(1usize))]).as_deref(),
            Ok("1 fråga")
        );
        assert_eq!(
            c.message("n", &[("n", Arg::from(2.5))]).as_deref(),
            Ok("2,5 frågor")
        );
    }

    #[test]
    fn forged_marks_and_site_html_are_escaped() {
        let c = catalogue(Lang::En, "x = <script>{ \"<i>\" }\u{E002}0\u{E003}\n");
        let html = c
            .html("x", &[("v", Arg::Html("<b>ok</b>".into()))])
            .unwrap_or_default();
        assert!(
            !html.contains("<script>") && !html.contains("<i>") && !html.contains("<b>"),
            "{html}"
        );
        let c = catalogue(Lang::En, "y = [{ $v }]\n");
        assert_eq!(
            c.html("y", &[("v", Arg::Html("<b>ok</b>".into()))])
                .as_deref(),
            Ok("[<bdi><b>ok</b></bdi>]")
        );
    }
}
