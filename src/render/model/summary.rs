//! The population summary: completeness per step and in total, the
//! questions still to settle, and team roles in words.

use serde::Serialize;

use super::answers::SectionView;
use super::{Builder, id_part};
use crate::render::markdown;
use crate::workbook::Population;
use crate::workbook::progress::{self, Counts};

/// Completeness of one step.
#[derive(Debug, Clone, Serialize)]
pub struct StepCounts {
    /// The step's heading.
    pub heading: String,
    /// A link to it.
    pub anchor: String,
    /// Its counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Settled (answered or not applicable) in percent, rounded down.
    pub percent: usize,
}

/// A question still to settle.
#[derive(Debug, Clone, Serialize)]
pub struct OpenItem {
    /// The step's heading.
    pub step: String,
    /// The question's id.
    pub id: String,
    /// Its number.
    pub number: String,
    /// Its wording, shortened.
    pub text: String,
    /// `open` or `deferred`.
    pub state: &'static str,
    /// Who, by when, and why (deferred only).
    pub detail: String,
    /// Whether a deferral's date has passed.
    pub overdue: bool,
    /// A link to the question.
    pub anchor: String,
}

/// Settled questions in percent, rounded down.
pub(super) fn percent(c: &Counts) -> usize {
    (c.done() * 100).checked_div(c.total).unwrap_or(0)
}

impl Builder<'_> {
    pub(super) fn open_items(&self, sections: &[SectionView]) -> Vec<OpenItem> {
        sections
            .iter()
            .flat_map(|s| {
                s.questions
                    .iter()
                    .filter(|q| matches!(q.state, "open" | "deferred"))
                    .map(|q| {
                        let mut detail = Vec::new();
                        if let Some(reason) = &q.reason {
                            detail.push(reason.clone());
                        }
                        if let Some(owner) = &q.owner {
                            detail.push(
                                self.words_with(
                                    "detail-owner",
                                    &[("owner", owner.as_str().into())],
                                ),
                            );
                        }
                        if let Some(until) = &q.until {
                            detail.push(self.words_with(
                                "detail-until",
                                &[("date", self.date_text(until).into())],
                            ));
                        }
                        OpenItem {
                            step: s.heading.clone(),
                            id: q.id.clone(),
                            number: q.number.clone(),
                            text: markdown::shorten(&q.text, 150),
                            state: q.state,
                            detail: detail.join(" · "),
                            overdue: q.overdue,
                            anchor: q.anchor.clone(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    pub(super) fn summary(&self, index: usize, pop: &Population) -> (Vec<StepCounts>, Counts) {
        let summary = progress::summarise(self.guide, pop, self.form, &self.findings);
        let steps = summary
            .steps
            .into_iter()
            .map(|s| StepCounts {
                anchor: format!("p{index}-step-{}", id_part(&s.id)),
                heading: s.title,
                percent: percent(&s.counts),
                counts: s.counts,
            })
            .collect();
        (steps, summary.counts)
    }
}

/// A role's name on a page (the team roster, a session's attendance, the
/// choices of a form): the site's own wording of `role-ROLE` for the page's
/// language (`messages.LANG.ftl`) where it has one, else the guide's title
/// for the role in the guide's language (so a site that replaces the guide
/// sees its own roles, and the built-in guide's translations their titles),
/// else the catalogue's `role-ROLE`, else the id as written.
pub fn team_role(
    guide: &crate::guide::Guide,
    catalogue: &crate::i18n::Catalogue,
    role: &str,
) -> String {
    let id = format!("role-{role}");
    if catalogue.is_site_wording(&id) {
        return catalogue.text(&id, &[]);
    }
    match (guide.role_title(role), catalogue.has(&id)) {
        (Some(title), _) => title.to_string(),
        (None, true) => catalogue.text(&id, &[]),
        (None, false) => role.to_string(),
    }
}
