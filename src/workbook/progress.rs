//! How far a population has come with the guide: for each step of a form,
//! how many questions are answered, not applicable, deferred or open. The
//! check's completeness table, the reports' summaries and the diff's
//! "before → after" all count with this one definition.

use serde::Serialize;

use crate::guide::{Form, Guide};
use crate::workbook::{Population, Status};

/// Counts of question states.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Answered.
    pub answered: usize,
    /// Marked not applicable.
    pub not_applicable: usize,
    /// Deferred.
    pub deferred: usize,
    /// Still open.
    pub open: usize,
    /// All questions.
    pub total: usize,
}

impl Counts {
    /// Adds one question's status.
    pub fn add(&mut self, status: &Status) {
        match status {
            Status::Answered => self.answered += 1,
            Status::NotApplicable { .. } => self.not_applicable += 1,
            Status::Deferred { .. } => self.deferred += 1,
            Status::Open => self.open += 1,
        }
        self.total += 1;
    }

    /// Questions settled (answered or not applicable), out of the total.
    pub fn done(&self) -> usize {
        self.answered + self.not_applicable
    }
}

/// Completeness of one step (or the short form) of one population.
#[derive(Debug, Clone, Serialize)]
pub struct StepSummary {
    /// The step's id.
    pub id: String,
    /// Its heading, e.g. "Step 3 · Value chain".
    pub title: String,
    /// Its counts.
    #[serde(flatten)]
    pub counts: Counts,
}

/// Completeness of one population.
#[derive(Debug, Clone, Serialize)]
pub struct PopulationSummary {
    /// The population's slug.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// The totals.
    #[serde(flatten)]
    pub counts: Counts,
    /// Per step.
    pub steps: Vec<StepSummary>,
}

/// Completeness of a population for a form.
pub fn summarise(guide: &Guide, population: &Population, form: Form) -> PopulationSummary {
    let mut total = Counts::default();
    let steps = guide
        .sections(form)
        .into_iter()
        .map(|section| {
            let mut counts = Counts::default();
            for q in &section.questions {
                let status = population.status(section, q);
                counts.add(&status);
                total.add(&status);
            }
            StepSummary {
                id: section.id.clone(),
                title: section.heading(),
                counts,
            }
        })
        .collect();
    PopulationSummary {
        slug: population.slug.clone(),
        name: population.name().to_string(),
        counts: total,
        steps,
    }
}
