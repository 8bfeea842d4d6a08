//! The short form's fallback: for an open short-form question, the answers
//! of the full-form step it summarises.

use minijinja::Value;
use serde::Serialize;

use super::walkthroughs::WalkView;
use super::{Builder, QUESTION_LEVEL};
use crate::guide::Question;
use crate::workbook::{Population, Status};

/// An answer taken from the full form for an open short-form question.
#[derive(Debug, Clone, Serialize)]
pub struct DerivedItem {
    /// The full-form question's id.
    pub id: String,
    /// Its wording.
    pub text: String,
    /// The answer (safe HTML or Markdown).
    pub body: Option<Value>,
    /// Walk-through entries, when it is a walk-through.
    pub walkthrough: Vec<WalkView>,
    /// The answer's first paragraph as plain text, shortened (for print,
    /// where the short form keeps to two pages).
    pub excerpt: String,
}

/// The full-form answers a short-form question is derived from.
#[derive(Debug, Clone, Serialize)]
pub struct Derived {
    /// The step's heading, e.g. "Step 3 · Value chain".
    pub heading: String,
    /// The step's id.
    pub step: String,
    /// The answered questions of the step.
    pub items: Vec<DerivedItem>,
    /// How many answered questions of the step print only in the full form.
    pub more: usize,
}

/// The longest excerpt of a full-form answer printed on the short form.
const EXCERPT_CHARS: usize = 160;

/// The first paragraph of an answer, or of its first walk-through entry
/// (with the persona's name), shortened.
fn excerpt(answer: &crate::workbook::Answer, persona: Option<&str>) -> String {
    let mut text = crate::render::markdown::first_paragraph(&answer.body);
    // A paragraph that leads into a list ("… we do not run:") goes on into it.
    if text.ends_with(':') {
        text = crate::render::markdown::to_plain(&answer.body);
    }
    let text = if text.is_empty() {
        answer
            .walkthrough
            .iter()
            .map(|w| (w, crate::render::markdown::first_paragraph(&w.body)))
            .find(|(_, t)| !t.is_empty())
            .map(|(w, t)| format!("{}: {t}", persona.unwrap_or(&w.heading)))
            .unwrap_or_default()
    } else {
        text
    };
    crate::render::markdown::shorten_to_sentence(&text, EXCERPT_CHARS)
}

impl Builder<'_> {
    /// The step a short-form question summarises, with what is answered there.
    pub(super) fn derived(&self, pop: &Population, question: &Question) -> Option<Derived> {
        let step = self
            .guide
            .steps
            .iter()
            .find(|s| Some(&s.id) == question.summarises.as_ref())?;
        let items: Vec<DerivedItem> = step
            .questions
            .iter()
            .filter_map(|q| {
                let answer = pop.answer(&step.id, &q.id)?;
                if answer.status != Status::Answered {
                    return None;
                }
                let body = self.rich(&answer.body, QUESTION_LEVEL + 1);
                let walkthrough = self.walk(Some(pop), answer, QUESTION_LEVEL + 1);
                let persona = walkthrough.first().map(|w| w.persona.as_str());
                let excerpt = excerpt(answer, persona);
                (body.is_some() || !walkthrough.is_empty()).then(|| DerivedItem {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    body,
                    walkthrough,
                    excerpt,
                })
            })
            .collect();
        (!items.is_empty()).then(|| Derived {
            heading: step.heading(),
            step: step.id.clone(),
            more: items.len() - 1,
            items,
        })
    }
}
