//! How far a population has come with the guide: for each step of a form,
//! how many questions are answered, answered with problems, not applicable,
//! deferred or open. A question is settled only when the team wrote
//! something that stands: a persona holding only its scaffolded prompt does
//! not answer "who are the people", and an answer in which `check` (or
//! reading the file) finds an error or a warning, such as a likely personal
//! identifier, a conflict marker or a comment never closed, is answered
//! with problems, not settled. A process map outside the guide's step limits
//! is answered: the count is guidance, a warning (CV012) about the map's
//! record, not about an answer. The check's completeness table, the
//! reports' summaries, the pack, `serve` and the diff's "before → after" all
//! count with this one definition, each from the findings its run has.

use serde::Serialize;

use crate::finding::{Code, Finding, Kind, Severity};
use crate::guide::{Form, Guide, Question, Section};
use crate::workbook::{Population, Status};

/// Counts of question states.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Answered.
    pub answered: usize,
    /// Answered, but `check` finds an error or a warning in what was
    /// written under the question's heading: not settled.
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

/// Completeness of a population for a form. `findings` are those the
/// caller's run already has (`check`'s, or what reading the workbook found):
/// an answered question with an error or a warning inside its answer is
/// counted with problems (see [`answered_with_problems`]). Findings of other
/// populations may be among them: only those in this population's answer
/// files count.
pub fn summarise(
    guide: &Guide,
    population: &Population,
    form: Form,
    findings: &[Finding],
) -> PopulationSummary {
    let problems = Problems::of(population, findings);
    let mut total = Counts::default();
    let steps = guide
        .sections(form)
        .into_iter()
        .map(|section| {
            let mut counts = Counts::default();
            let (mut open, mut with_problems) = (Vec::new(), Vec::new());
            for q in &section.questions {
                let status = population.status(section, q);
                if status == Status::Answered && problems.holds(section, q) {
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

/// The answers of a population in which a finding is located: an error or a
/// warning (a problem, not progress still to make) whose file is one of the
/// population's answer files and whose line falls under the answer's
/// heading, before the next question's heading (as `check` places its
/// findings, and `serve` shows them at the question).
pub struct Problems<'p> {
    /// (section id, question id) of each answer with a problem in it.
    at: Vec<(&'p str, &'p str)>,
}

impl<'p> Problems<'p> {
    /// The answers of `population` that `findings` point into.
    pub fn of(population: &'p Population, findings: &[Finding]) -> Problems<'p> {
        let mut at = Vec::new();
        for f in findings.iter().filter(|f| counts_against_answer(f)) {
            let (Some(file), Some(line)) = (f.file.as_deref(), f.line) else {
                continue;
            };
            let Some(answers) = population.answers.iter().find(|a| a.file == file) else {
                continue;
            };
            // Answers are in file order: the last heading at or before the line.
            let after = answers.answers.partition_point(|a| a.loc.line <= line);
            if let Some(answer) = after.checked_sub(1).and_then(|k| answers.answers.get(k)) {
                let key = (answers.section.as_str(), answer.question.as_str());
                if !at.contains(&key) {
                    at.push(key);
                }
            }
        }
        Problems { at }
    }

    /// Whether the answer to `question` of `section` holds a problem.
    pub fn holds(&self, section: &Section, question: &Question) -> bool {
        self.at
            .iter()
            .any(|(s, q)| *s == section.id && *q == question.id)
    }
}

/// Whether a finding speaks against the answer it is located in: an error
/// or a warning about the workbook being wrong. Progress still to make (a
/// persona not walked through yet) and suggestions do not; nor do the
/// findings about a heading the guide does not read (an unknown, renamed,
/// kept or lost question id), which start text of their own rather than
/// belong to the answer above them.
fn counts_against_answer(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
        && f.kind == Kind::Problem
        && !matches!(
            f.code,
            Code::CV017 | Code::CV031 | Code::CV055 | Code::CV056
        )
}

/// Whether the answer to an answered question of `section` holds an error
/// or a warning among `findings` (see [`Problems`]). To ask of many
/// questions, make [`Problems::of`] once.
pub fn answered_with_problems(
    population: &Population,
    section: &Section,
    question: &Question,
    findings: &[Finding],
) -> bool {
    Problems::of(population, findings).holds(section, question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    /// Step 1 of the built-in guide, answered in a file whose questions'
    /// headings are at lines 3 (preparation-team) and 7 (preparation-aim).
    fn answered() -> (Guide, Population) {
        let guide = Guide::builtin().expect("the built-in guide");
        let file = "populations/hf/answers/preparation.md";
        let text = "# Step 1\n\n## Team {#preparation-team}\n\nA nurse and a patient.\n\n\
                    ## Aim {#preparation-aim}\n\nFewer readmissions.\n\n## Stray {#nothing-here}\n\nText.\n";
        let section = guide
            .sections(Form::Full)
            .into_iter()
            .find(|s| s.id == "preparation")
            .expect("Step 1")
            .clone();
        let mut read = Vec::new();
        let answers = crate::workbook::answers::parse(
            &Source::new(file, text.to_string()),
            &section,
            &mut read,
        );
        let population = Population {
            slug: "hf".into(),
            dir: "populations/hf".into(),
            info: None,
            personas: Vec::new(),
            process_map: None,
            compass: None,
            answers: vec![answers],
            improvements: None,
            findings: read,
        };
        (guide, population)
    }

    fn at(finding: Finding, file: &str, line: usize) -> Finding {
        let mut f = finding.in_file(file);
        f.line = Some(line);
        f
    }

    #[test]
    fn a_problem_counts_against_the_answer_whose_heading_it_falls_under() {
        let (guide, population) = answered();
        let file = "populations/hf/answers/preparation.md";
        let count = |findings: &[Finding]| {
            summarise(&guide, &population, Form::Full, findings).steps[0]
                .with_problems
                .clone()
        };
        assert!(count(&[]).is_empty());
        // An error in the aim's answer; a warning on the team's heading.
        let aim = at(Finding::error(Code::CV030, "an e-mail"), file, 9);
        let team = at(Finding::warning(Code::CV046, "never closed"), file, 3);
        assert_eq!(count(std::slice::from_ref(&aim)), ["preparation-aim"]);
        assert_eq!(count(&[team, aim]), ["preparation-team", "preparation-aim"]);
        // None of these speaks against an answer: a suggestion, progress
        // still to make, the heading of a question the guide does not
        // have (CV017, below the aim), a line above every question, and
        // another file.
        let none = [
            at(Finding::info(Code::CV021, "a suggestion"), file, 9),
            at(Finding::warning(Code::CV023, "not walked through"), file, 9),
            at(Finding::warning(Code::CV017, "unknown id"), file, 11),
            at(Finding::error(Code::CV030, "in the introduction"), file, 1),
            at(
                Finding::error(Code::CV030, "elsewhere"),
                "populations/hf/answers/chain.md",
                9,
            ),
        ];
        assert!(count(&none).is_empty(), "{:?}", count(&none));
        let summary = summarise(&guide, &population, Form::Full, &none);
        assert_eq!(summary.counts.answered, 2);
    }
}
