//! Where a guide's wording and limits come from: the citations under
//! `[sources]`, and whether a limit rests on a published source or on the
//! guide's own convention (reports and findings say which), which sources
//! are translations of another (a translated guide's wording is never shown
//! as the published wording itself), and the mark every document prints
//! next to a question, a step's introduction or a help text
//! ([`Guide::mark`], the one place that decides it).

use serde::Serialize;

use super::Guide;

/// Where a question's wording comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// Its id, named by questions.
    pub id: String,
    /// The reference, as printed.
    pub citation: String,
    /// Whether the wording is published (true) or a draft written for covalue.
    pub published: bool,
    /// For a translation: what it translates, into which language, by whom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<Translation>,
}

/// A source that is a translation of another source (`translation_of`).
#[derive(Debug, Clone, Serialize)]
pub struct Translation {
    /// The id of the source it translates.
    #[serde(rename = "translation_of")]
    pub of: String,
    /// Its language, such as `sv`.
    pub language: String,
    /// Who translated it.
    #[serde(rename = "translated_by", skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When, YYYY-MM-DD.
    #[serde(rename = "translated_on", skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// Whether a site has reviewed it.
    pub reviewed: bool,
    /// Whether the source it translates is published (read when the guide
    /// is loaded, from this guide's sources or the original guide's).
    #[serde(rename = "original_published")]
    pub of_published: bool,
}

impl Translation {
    /// "unreviewed Swedish translation", "reviewed Hebrew translation", or
    /// "published Spanish translation" when the translation itself is published.
    fn kind(&self, published: bool) -> String {
        let state = if published {
            "published"
        } else if self.reviewed {
            "reviewed"
        } else {
            "unreviewed"
        };
        format!("{state} {} translation", language_name(&self.language))
    }
}

/// A language's English name, for notes printed beside a question (the
/// code itself for a language covalue does not know).
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "sv" => "Swedish",
        "he" => "Hebrew",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "no" | "nb" => "Norwegian",
        "da" => "Danish",
        "fi" => "Finnish",
        "de" => "German",
        "fr" => "French",
        "ar" => "Arabic",
        other => other,
    }
}

impl Citation {
    /// Whether this source is published, or translates a published source:
    /// what a limit rests on (the number of steps is the published one,
    /// whatever the language of its quote).
    pub fn rests_on_published(&self) -> bool {
        self.published || self.translation.as_ref().is_some_and(|t| t.of_published)
    }
}

/// A text of the guide whose provenance a reader is shown.
#[derive(Debug, Clone, Copy)]
pub enum Text<'a> {
    /// A question's wording.
    Question(&'a super::Question),
    /// A question's help text.
    Help(&'a super::Question),
    /// A step's (or the short form's) introduction.
    Intro(&'a super::Section),
    /// A step's title.
    Title(&'a super::Section),
}

/// Where a text comes from, as a reader sees it next to the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Whether the text is published wording.
    pub published: bool,
    /// The id of its citation in `[sources]`.
    pub source: String,
    /// The words printed next to it, such as `published wording, oliver2021`
    /// or `draft prompt written for covalue`.
    pub note: String,
}

impl Guide {
    /// Where a text comes from: published wording with its source, or this
    /// guide's own writing (a draft prompt, an introduction or a help text
    /// written for covalue). Every document that prints a question, an
    /// introduction or a help text takes its mark from here.
    pub fn mark(&self, text: Text<'_>) -> Mark {
        let (source, own) = match text {
            Text::Question(q) => (
                &q.source,
                (
                    "draft prompt written for covalue",
                    "a draft prompt written for covalue",
                ),
            ),
            Text::Help(q) => (
                &q.help_source,
                (
                    "help text written for covalue",
                    "a help text written for covalue",
                ),
            ),
            Text::Intro(s) => (
                &s.intro_source,
                (
                    "introduction written for covalue",
                    "an introduction written for covalue",
                ),
            ),
            Text::Title(s) => (
                &s.source,
                ("title written for covalue", "a title written for covalue"),
            ),
        };
        // A translation is never the published wording itself, even when
        // the translation's own citation says it is published.
        let published = self
            .citation(source)
            .is_some_and(|c| c.published && c.translation.is_none());
        Mark {
            published,
            source: source.clone(),
            note: self.note_for(source, own),
        }
    }

    /// The note for a text whose source is `id`; `own` is how this guide's
    /// own writing is named, alone and with its article.
    fn note_for(&self, id: &str, own: (&str, &str)) -> String {
        match self.citation(id) {
            Some(Citation {
                translation: Some(t),
                published,
                ..
            }) if t.of_published => {
                format!("{} of the published wording ({})", t.kind(*published), t.of)
            }
            Some(Citation {
                translation: Some(t),
                published,
                ..
            }) => format!("{} of {}", t.kind(*published), own.1),
            Some(c) if c.published => format!("published wording, {}", c.id),
            _ => own.0.to_string(),
        }
    }

    /// A citation by id.
    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.sources.iter().find(|c| c.id == id)
    }

    /// Whether a limit comes from a published source (`Some(true)`), from a
    /// convention of this guide (`Some(false)`), or the guide does not say
    /// (`None`). `key` is the limit's key under `[limits]`, such as
    /// `compass_measures`.
    pub fn limit_is_published(&self, key: &str) -> Option<bool> {
        self.limit_sources
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| self.citation(id).is_some_and(Citation::rests_on_published))
    }

    /// The source's own words for a limit, when the guide quotes them.
    pub fn limit_quote(&self, key: &str) -> Option<&str> {
        self.limit_quotes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, q)| q.as_str())
    }

    /// Where a question's wording comes from, as a reader sees it next to
    /// the question: `published wording, oliver2021` when its source is
    /// published, `draft prompt written for covalue` when it is not, and for
    /// a translation `unreviewed Swedish translation of the published
    /// wording (oliver2021)` or `unreviewed Swedish translation of a draft
    /// prompt written for covalue`.
    pub fn wording_note(&self, question: &super::Question) -> String {
        self.mark(Text::Question(question)).note
    }

    /// Where a question's wording whose source is `id` comes from, as
    /// [`Guide::wording_note`] words it.
    pub fn source_note(&self, id: &str) -> String {
        self.note_for(
            id,
            (
                "draft prompt written for covalue",
                "a draft prompt written for covalue",
            ),
        )
    }

    /// For a translated guide, one line that says so: "Unreviewed Swedish
    /// translation of the guide co-value (version 1.0)." `None` for a guide
    /// in its own language.
    pub fn translation_note(&self) -> Option<String> {
        let of = self.translation_of.as_deref()?;
        let language = self.language.as_deref().unwrap_or("?");
        let any_unreviewed = self
            .sources
            .iter()
            .filter_map(|c| c.translation.as_ref())
            .any(|t| !t.reviewed);
        let state = if any_unreviewed {
            "an unreviewed draft until a site marks it reviewed"
        } else {
            "reviewed"
        };
        Some(format!(
            "{} translation of the guide `{of}` (version {}); {state}.",
            language_name(language),
            self.version
        ))
    }

    /// How a limit is described to the team: "the published guide asks for"
    /// when its source is published, "this guide's convention is" when it
    /// is not, "the guide suggests" when the guide does not say.
    pub fn limit_basis(&self, key: &str) -> &'static str {
        match self.limit_is_published(key) {
            Some(true) => "the published guide asks for",
            Some(false) => "this guide's convention is",
            None => "the guide suggests",
        }
    }
}
