//! Where a guide's wording and limits come from: the citations under
//! `[sources]`, and whether a limit rests on a published source or on the
//! guide's own convention (reports and findings say which).

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

impl Guide {
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
        match self.citation(&question.source) {
            Some(c) if c.published => format!("published wording, {}", c.id),
            _ => "draft prompt written for covalue".to_string(),
        }
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
