//! The catalogue in templates: every template of the one document engine
//! (reports, the session pack, served pages) writes its words as
//! `{{ t("id", name=value) }}`, its dates as `{{ day | date }}` and its
//! numbers as `{{ n | number }}`.
//!
//! The catalogue a template uses is the value `i18n` of its context, or else
//! the environment's global of that name ([`install`]); an environment
//! configured by `render::document::configure` starts with English.

use std::sync::{Arc, OnceLock};

use minijinja::value::{Kwargs, Object, Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};

use super::catalogue::Markup;
use super::{Arg, Catalogue, Lang};

/// The name the catalogue goes by in a template's context.
pub const NAME: &str = "i18n";

impl Object for Catalogue {}

/// English, the catalogue of an environment nobody set one for.
fn english() -> Arc<Catalogue> {
    static ENGLISH: OnceLock<Arc<Catalogue>> = OnceLock::new();
    ENGLISH
        .get_or_init(|| Arc::new(Catalogue::builtin(Lang::En)))
        .clone()
}

/// Registers `t`, `date` and `number` in an environment, with English as its
/// catalogue until [`install`] sets another.
pub fn register(env: &mut Environment<'_>) {
    env.add_global(NAME, Value::from_dyn_object(english()));
    env.add_function("t", t);
    env.add_function("ta", ta);
    env.add_function("footer_box", footer_box);
    env.add_function("counter_box", counter_box);
    env.add_function("page_counter", page_counter);
    env.add_filter("date", date);
    env.add_filter("number", number);
}

/// Sets the catalogue every template of `env` uses (unless a render's
/// context gives its own `i18n`).
pub fn install(env: &mut Environment<'_>, catalogue: Arc<Catalogue>) {
    env.add_global(NAME, Value::from_dyn_object(catalogue));
}

/// The catalogue as a value for a template's context.
pub fn value(catalogue: Arc<Catalogue>) -> Value {
    Value::from_dyn_object(catalogue)
}

/// The catalogue a template uses.
fn catalogue(state: &State) -> Arc<Catalogue> {
    state
        .lookup(NAME)
        .and_then(|v| v.downcast_object::<Catalogue>())
        .unwrap_or_else(english)
}

/// `t("id", name=value, …)`: a message of the catalogue, escaped for the
/// template's language; a missing message or variable fails the template.
fn t(state: &State, id: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let catalogue = catalogue(state);
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        args.push((name, to_arg(&value)));
    }
    let markup = match state.auto_escape() {
        AutoEscape::Html => Markup::Html,
        AutoEscape::Custom(name) if name == "markdown" => Markup::Markdown,
        _ => Markup::Text,
    };
    let text = catalogue
        .format(id, &args, markup)
        .map_err(|e| Error::new(ErrorKind::UndefinedError, e.to_string()))?;
    Ok(match markup {
        Markup::Html | Markup::Markdown => Value::from_safe_string(text),
        Markup::Text => Value::from(text),
    })
}

/// The page margin box of the running footer's lines: the bottom corner
/// where lines start (bottom left, or bottom right in Hebrew).
fn footer_box(state: &State) -> Value {
    Value::from_safe_string(match rtl(state) {
        true => "bottom-right".into(),
        false => "bottom-left".into(),
    })
}

/// The page margin box of "page N of M": the other bottom corner.
fn counter_box(state: &State) -> Value {
    Value::from_safe_string(match rtl(state) {
        true => "bottom-left".into(),
        false => "bottom-right".into(),
    })
}

/// Whether the page's language runs right to left.
fn rtl(state: &State) -> bool {
    catalogue(state).lang().direction() == super::Direction::Rtl
}

/// "page N of M" as a CSS `content` value, with the page counters in
/// place of the message's `$page` and `$pages`.
fn page_counter(state: &State) -> Result<Value, Error> {
    const PAGE: char = '\u{E010}';
    const PAGES: char = '\u{E011}';
    let text = catalogue(state)
        .message(
            "page-number",
            &[
                ("page", Arg::Text(PAGE.to_string())),
                ("pages", Arg::Text(PAGES.to_string())),
            ],
        )
        .map_err(|e| Error::new(ErrorKind::UndefinedError, e.to_string()))?;
    let mut css = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        let counter = match c {
            PAGE => "counter(page)",
            PAGES => "counter(pages)",
            _ => {
                piece.push(c);
                continue;
            }
        };
        if !piece.is_empty() {
            css.push(crate::render::model::css_string(&piece).to_string());
            piece.clear();
        }
        css.push(counter.to_string());
    }
    if !piece.is_empty() || css.is_empty() {
        css.push(crate::render::model::css_string(&piece).to_string());
    }
    Ok(Value::from_safe_string(css.join(" ")))
}

/// `ta("id", name=value, …)`: a message as plain text, for an attribute
/// (`aria-label`, `title`), where markup has no place; escaped as any value.
fn ta(state: &State, id: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let catalogue = catalogue(state);
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        args.push((name, to_arg(&value)));
    }
    let text = catalogue
        .format(id, &args, Markup::Text)
        .map_err(|e| Error::new(ErrorKind::UndefinedError, e.to_string()))?;
    Ok(Value::from(text))
}

/// A template's value as a message's value.
fn to_arg(value: &Value) -> Arg {
    match value.kind() {
        ValueKind::Number => match f64::try_from(value.clone()) {
            Ok(n) => Arg::Number(n),
            Err(_) => Arg::Text(value.to_string()),
        },
        _ if value.is_safe() => Arg::Html(value.to_string()),
        ValueKind::Undefined | ValueKind::None => Arg::Text(String::new()),
        _ => Arg::Text(value.to_string()),
    }
}

/// `{{ "2026-12-07" | date }}`: a date as the page's language writes it; a
/// text that is not a date is left as it is.
fn date(state: &State, value: Value) -> Value {
    let text = value.to_string();
    match crate::date::parse_date(&text) {
        Some(day) => Value::from(catalogue(state).lang().date(day)),
        None => value,
    }
}

/// `{{ 2.5 | number }}`: a number as the page's language writes it.
fn number(state: &State, value: Value) -> Value {
    match f64::try_from(value.clone()) {
        Ok(n) if value.kind() == ValueKind::Number => {
            Value::from(catalogue(state).lang().number(n))
        }
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(env: &Environment<'_>, name: &str) -> String {
        env.get_template(name)
            .and_then(|t| t.render(minijinja::context! { who => "Ana", d => "2026-12-07" }))
            .unwrap_or_else(|e| format!("ERROR {e}"))
    }

    #[test]
    fn templates_speak_the_installed_language() {
        let mut env = Environment::new();
        crate::render::document::configure(&mut env);
        let _ = env.add_template(
            "a.html",
            "{{ t(\"test-greeting\", name=who) }} {{ d | date }} {{ 2.5 | number }}",
        );
        let _ = env.add_template("b.html", "{{ t(\"no-such-message\") }}");
        let sv = Catalogue::builtin(Lang::Sv).with_site("test-greeting = Hej { $name }\n");
        install(&mut env, Arc::new(sv));
        assert_eq!(render(&env, "a.html"), "Hej <bdi>Ana</bdi> 2026-12-07 2,5");
        assert!(render(&env, "b.html").starts_with("ERROR"));
    }
}
