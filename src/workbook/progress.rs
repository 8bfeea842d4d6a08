//! How far a population has come with the guide: for each step of a form,
//! how many questions are answered, answered with problems, not applicable,
//! deferred or open. A question is settled only when the team wrote
//! something that stands: a persona holding only its scaffolded prompt does
//! not answer "who are the people". A process map outside the guide's step
//! limits is answered: the count is guidance, a warning (CV012). The
//! check's completeness table, the reports' summaries and the diff's
//! "before → after" all count with this one definition.

use serde::Serialize;

use crate::guide::{Form, Guide, Question};
use crate::workbook::{Population, Status};

/// Counts of question states.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Answered.
    pub answered: usize,
    /// Answered, but what was written breaks one of the guide's rules (a
    /// process map outside its step limits): not settled.
    pub with_problems: usize,
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

    /// Adds a question that is answered, with problems.
    pub fn add_with_problems(&mut self) {
        self.with_problems += 1;
        self.total += 1;
    }

    /// Adds another count to this one.
    pub fn merge(&mut self, other: &Counts) {
        self.answered += other.answered;
        self.with_problems += other.with_problems;
        self.not_applicable += other.not_applicable;
        self.deferred += other.deferred;
        self.open += other.open;
        self.total += other.total;
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
    /// The ids of its open questions, in the guide's order.
    #[serde(skip)]
    pub open: Vec<String>,
    /// The ids of its questions answered with problems.
    #[serde(skip)]
    pub with_problems: Vec<String>,
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
            let (mut open, mut with_problems) = (Vec::new(), Vec::new());
            for q in &section.questions {
                let status = population.status(section, q);
                if status == Status::Answered && answered_with_problems(guide, population, q) {
                    counts.add_with_problems();
                    with_problems.push(q.id.clone());
                    continue;
                }
                if status == Status::Open {
                    open.push(q.id.clone());
                }
                counts.add(&status);
            }
            total.merge(&counts);
            StepSummary {
                id: section.id.clone(),
                title: section.heading(),
                counts,
                open,
                with_problems,
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

/// Whether an answered question's record breaks one of the guide's rules
/// that make it unfit to count as settled. None does today: the number of
/// process steps is the published guide's guidance ("Use 10–15 steps"), so
/// a map outside it is answered and `check` warns (CV012). The count of
/// questions answered with problems stays, for a rule that needs it.
pub fn answered_with_problems(
    _guide: &Guide,
    _population: &Population,
    _question: &Question,
) -> bool {
    false
}
