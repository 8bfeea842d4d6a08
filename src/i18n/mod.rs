//! The languages of the pages covalue prints and serves: English, Swedish,
//! Hebrew and Spanish, and the pseudo-language `en-XA` (English with accents
//! and longer words, for finding cut or overlapping text).
//!
//! Every word covalue itself puts on a page comes from a message catalogue
//! (`i18n/LANG/*.ftl`, Project Fluent's format, embedded at build time), read
//! through a [`Catalogue`]; templates call it as `t("id", name=value)`
//! (see [`template`]). Dates and numbers take the language's form here.
//! Command-line messages stay English.

mod catalogue;
mod pseudo;
pub mod site;

pub mod template;

use std::fmt;

pub use catalogue::{Arg, Catalogue, Markup, MessageError};

use crate::date::Date;

/// A language covalue prints in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Swedish.
    Sv,
    /// Hebrew, right to left.
    He,
    /// Spanish.
    Es,
    /// Pseudo-English: accented and about 40 % longer, made from English.
    EnXa,
}

/// Text direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of a `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language name covalue does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("covalue does not print in the language \"{0}\"; it knows {list}", list = Lang::list())]
pub struct UnknownLanguage(pub String);

impl Lang {
    /// Every language, pseudo-language last.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Sv, Lang::He, Lang::Es, Lang::EnXa];

    /// The real languages (with a catalogue file of their own).
    pub const REAL: [Lang; 4] = [Lang::En, Lang::Sv, Lang::He, Lang::Es];

    /// The language's tag, as in `lang="…"` and `covalue.toml`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
            Lang::He => "he",
            Lang::Es => "es",
            Lang::EnXa => "en-XA",
        }
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sv => "svenska",
            Lang::He => "עברית",
            Lang::Es => "español",
            Lang::EnXa => "pseudo-English",
        }
    }

    /// The languages, for a message: `en (English), sv (svenska), …`.
    pub fn list() -> String {
        Lang::ALL
            .iter()
            .map(|l| format!("{} ({})", l.tag(), l.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A language from its tag, case-insensitively (`sv`, `sv-SE`, `he-IL`,
    /// `es-419`, `en-XA`).
    pub fn parse(tag: &str) -> Result<Lang, UnknownLanguage> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        if lower == "en-xa" {
            return Ok(Lang::EnXa);
        }
        let primary = lower.split('-').next().unwrap_or("");
        match primary {
            "en" => Ok(Lang::En),
            "sv" => Ok(Lang::Sv),
            // "iw" is Hebrew's old code, still sent by some systems.
            "he" | "iw" => Ok(Lang::He),
            "es" => Ok(Lang::Es),
            _ => Err(UnknownLanguage(tag.to_string())),
        }
    }

    /// The direction of the language's text.
    pub fn direction(self) -> Direction {
        match self {
            Lang::He => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Whether the language is English (or made from it).
    pub fn is_english(self) -> bool {
        matches!(self, Lang::En | Lang::EnXa)
    }

    /// The tag of the built-in guide's translation to use: `None` for English.
    pub fn guide_tag(self) -> Option<&'static str> {
        match self {
            Lang::En | Lang::EnXa => None,
            other => Some(other.tag()),
        }
    }

    /// The text of the built-in catalogue of the language (en-XA: English's).
    /// Every `i18n/LANG/*.ftl` file of it, joined in file-name order.
    pub fn catalogue_source(self) -> &'static str {
        match self {
            Lang::En | Lang::EnXa => catalogue_text("en"),
            other => catalogue_text(other.tag()),
        }
    }

    /// A calendar date as the language writes it: English as covalue always has,
    /// `2026-12-07` (Swedish), `7.12.2026` (Hebrew), `7/12/2026` (Spanish).
    pub fn date(self, date: Date) -> String {
        let (y, m, d) = (date.year(), date.month(), date.day());
        match self {
            Lang::En => crate::date::format(date),
            Lang::EnXa => pseudo::transform(&crate::date::format(date)).into_owned(),
            Lang::Sv => format!("{y:04}-{m:02}-{d:02}"),
            Lang::He => format!("{d}.{m}.{y}"),
            Lang::Es => format!("{d}/{m}/{y}"),
        }
    }

    /// A number as the language writes it: a decimal comma in Swedish and
    /// Spanish, a point in English and Hebrew; a minus sign, not a hyphen,
    /// in Swedish.
    pub fn number(self, value: f64) -> String {
        let text = plain_number(value);
        match self {
            Lang::Sv => text.replace('.', ",").replace('-', "\u{2212}"),
            Lang::Es => text.replace('.', ","),
            Lang::En | Lang::He | Lang::EnXa => text,
        }
    }

    /// A number written the English way (`96,000.5`, as covalue's own
    /// figures are made) in the language's way: `96 000,5` in Swedish and
    /// Spanish (a no-break space between thousands), unchanged otherwise.
    pub fn localize_number(self, english: &str) -> String {
        if !self.decimal_comma() {
            return english.to_string();
        }
        english
            .chars()
            .map(|c| match c {
                ',' => '\u{a0}',
                '.' => ',',
                other => other,
            })
            .collect()
    }

    /// Whether the language uses a decimal comma.
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Sv | Lang::Es)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLanguage;
    fn from_str(s: &str) -> Result<Lang, UnknownLanguage> {
        Lang::parse(s)
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// A number without needless digits: `3`, `2.5`, `0.333`.
fn plain_number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// A `clap` parser for `--lang` and `--language`: an unknown language is a
/// usage error (exit 2) that lists the languages.
pub fn parse_arg(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_regions_and_any_case() {
        assert_eq!(Lang::parse("sv-SE"), Ok(Lang::Sv));
        assert_eq!(Lang::parse("HE"), Ok(Lang::He));
        assert_eq!(Lang::parse("es_419"), Ok(Lang::Es));
        assert_eq!(Lang::parse("en-xa"), Ok(Lang::EnXa));
        assert!(Lang::parse("fr").is_err());
        assert!(Lang::parse("").is_err());
    }

    #[test]
    fn dates_and_numbers_take_the_language_form() {
        let d = jiff::civil::date(2026, 12, 7);
        assert_eq!(Lang::En.date(d), crate::date::format(d));
        assert_eq!(Lang::Sv.date(d), "2026-12-07");
        assert_eq!(Lang::He.date(d), "7.12.2026");
        assert_eq!(Lang::Es.date(d), "7/12/2026");
        assert_eq!(Lang::Sv.number(2.5), "2,5");
        assert_eq!(Lang::Es.number(0.25), "0,25");
        assert_eq!(Lang::He.number(2.5), "2.5");
        assert_eq!(Lang::En.number(12.0), "12");
    }
}
