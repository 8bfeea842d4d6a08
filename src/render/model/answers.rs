//! The steps of the full form or the short form, with each question's
//! answer, state and notes, as printed.

use minijinja::Value;
use serde::Serialize;

use super::short_form::Derived;
use super::walkthroughs::WalkView;
use super::{Builder, QUESTION_LEVEL, id_part};
use crate::guide::{Form, Question, QuestionKind, Section, Text};
use crate::workbook::{Population, Status};

/// A question with its answer, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    /// Its id, printed beside it so notes can be typed back in the right place.
    pub id: String,
    /// Its number in the form, e.g. "3.2", or "4" in the short form.
    pub number: String,
    /// Its wording.
    pub text: String,
    /// `text`, `personas`, `process-map`, `value-compass` or `walkthrough`.
    pub kind: &'static str,
    /// Whether the wording is published (false: a draft written for covalue).
    /// Whether it is a translation of published wording (printed as a
    /// translation, never as the published wording or a draft).
    pub translated: bool,
    pub published: bool,
    /// Where the wording comes from, in words: `published wording, SOURCE`
    /// or `draft prompt written for covalue`.
    pub wording: String,
    /// Guidance on a good answer.
    pub help: Option<String>,
    /// Where the help text comes from, in words (this guide's own writing).
    pub help_note: String,
    /// `answered`, `open`, `not-applicable`, `deferred` or `blank`.
    pub state: &'static str,
    /// The state in words, e.g. "Not applicable".
    pub state_label: String,
    /// The answer or notes (safe HTML or Markdown).
    pub body: Option<Value>,
    /// Why it is not applicable or deferred.
    pub reason: Option<String>,
    /// Who will answer a deferred question.
    pub owner: Option<String>,
    /// By when, YYYY-MM-DD.
    pub until: Option<String>,
    /// Whether that date has passed.
    pub overdue: bool,
    /// Walk-through entries, one per persona.
    pub walkthrough: Vec<WalkView>,
    /// For an open short-form question: what the full form says.
    pub derived: Option<Derived>,
    /// How many ruled lines to leave for writing by hand.
    pub lines: usize,
    /// The answer file it is written in, relative to the population.
    pub file: String,
    /// An id for links, unique in the document.
    pub anchor: String,
}

/// A step of the full form or the short form, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// The step's id.
    pub id: String,
    /// Its number (0 for the short form).
    pub number: u32,
    /// Its heading, e.g. "Step 3 · Value chain".
    pub heading: String,
    /// Its title.
    pub title: String,
    /// Its introduction.
    pub intro: String,
    /// Where the introduction comes from, in words (this guide's own writing).
    pub intro_note: String,
    /// An id for links, unique in the document.
    pub anchor: String,
    /// Its questions.
    pub questions: Vec<QuestionView>,
    /// The answer file.
    pub file: String,
}

impl Builder<'_> {
    pub(super) fn question(
        &self,
        index: usize,
        section: &Section,
        position: usize,
        question: &Question,
        pop: Option<&Population>,
    ) -> QuestionView {
        let number = if section.number == 0 {
            format!("{}", position + 1)
        } else {
            format!("{}.{}", section.number, position + 1)
        };
        let mark = self.guide.mark(Text::Question(question));
        // A question to write on gets 90 mm or more: eleven lines at 8.2 mm
        // (10 mm in large print), on the filled short form as on a blank one.
        let lines = match (self.form, question.kind) {
            (Form::Short, _) => 11,
            (Form::Full, QuestionKind::Walkthrough) => 6,
            (Form::Full, k) if k.is_record() => 3,
            (Form::Full, _) => 11,
        };
        let mut view = QuestionView {
            id: question.id.clone(),
            number,
            text: question.text.clone(),
            kind: question.kind.as_str(),
            published: mark.published,
            translated: self
                .guide
                .citation(&mark.source)
                .and_then(|c| c.translation.as_ref())
                .is_some_and(|t| t.of_published),
            wording: self.mark_words(Text::Question(question)),
            help: question.help.as_deref().and_then(super::text::paper_help),
            help_note: self.mark_words(Text::Help(question)),
            state: "blank",
            state_label: self.words("state-blank"),
            body: None,
            reason: None,
            owner: None,
            until: None,
            overdue: false,
            walkthrough: Vec::new(),
            derived: None,
            lines,
            file: section.answer_file(),
            anchor: format!("p{index}-q-{}", id_part(&question.id)),
        };
        let Some(pop) = pop else {
            return view;
        };
        let written = pop.answer(&section.id, &question.id);
        let status = pop.status(section, question);
        match &status {
            Status::Answered => {
                view.state = "answered";
                view.state_label = self.words("state-answered");
                if let Some(a) = written {
                    view.body = self.rich(&a.body, QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
            Status::Open => {
                view.state = "open";
                view.state_label = self.words("state-open");
                if self.form == Form::Short {
                    view.derived = self.derived(pop, question);
                }
                // Notes under a record question's heading are printed even when
                // the record is still empty.
                if let Some(a) = written {
                    view.body = self.rich(&a.body, QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
            Status::NotApplicable { reason } => {
                view.state = "not-applicable";
                view.state_label = self.words("state-not-applicable");
                view.reason = Some(reason.clone());
                if let Some(a) = written {
                    view.body = self.rich(after_status(&a.body), QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
            Status::Deferred {
                reason,
                owner,
                until,
            } => {
                view.state = "deferred";
                view.state_label = self.words("state-deferred");
                view.reason = Some(reason.clone());
                view.owner = owner.clone();
                view.until = until.clone();
                view.overdue = until
                    .as_deref()
                    .and_then(crate::date::parse_date)
                    .is_some_and(|d| d < self.today);
                if let Some(a) = written {
                    view.body = self.rich(after_status(&a.body), QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
        }
        view
    }

    pub(super) fn sections(&self, index: usize, pop: Option<&Population>) -> Vec<SectionView> {
        self.guide
            .sections(self.form)
            .into_iter()
            .map(|section| SectionView {
                id: section.id.clone(),
                number: section.number,
                heading: section.heading(),
                title: section.title.clone(),
                intro: section.intro.clone(),
                intro_note: self.mark_words(Text::Intro(section)),
                anchor: format!("p{index}-step-{}", id_part(&section.id)),
                questions: section
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| self.question(index, section, i, q, pop))
                    .collect(),
                file: section.answer_file(),
            })
            .collect()
    }
}

/// The answer after its status paragraph (`Deferred: …`, `Owner: …`).
fn after_status(body: &str) -> &str {
    let body = body.trim_start();
    match body.find("\n\n") {
        Some(end) => &body[end..],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_after_a_deferral_is_kept() {
        assert_eq!(after_status("Deferred: x\nOwner: y\n\nMore."), "\n\nMore.");
        assert_eq!(after_status("Deferred: x"), "");
    }
}
