//! Where a guide's wording and limits come from: the citations under
//! `[sources]`, and whether a limit rests on a published source or on the
//! guide's own convention (reports and findings say which), and the mark
//! every document prints next to a question, a step's introduction or a
//! help text ([`Guide::mark`], the one place that decides it).

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
            Text::Question(q) => (&q.source, "draft prompt written for covalue"),
            Text::Help(q) => (&q.help_source, "help text written for covalue"),
            Text::Intro(s) => (&s.intro_source, "introduction written for covalue"),
            Text::Title(s) => (&s.source, "title written for covalue"),
        };
        let published = self.citation(source).is_some_and(|c| c.published);
        let note = if published {
            format!("published wording, {source}")
        } else {
            own.to_string()
        };
        Mark {
            published,
            source: source.clone(),
            note,
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
            .map(|(_, id)| self.citation(id).is_some_and(|c| c.published))
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
    /// published, `draft prompt written for covalue` when it is not.
    pub fn wording_note(&self, question: &super::Question) -> String {
        self.mark(Text::Question(question)).note
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
