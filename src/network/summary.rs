//! What one site's workbook holds, summed up for the network: its revision,
//! what `check` says of it, and per population the completeness of every
//! step and short-form question, personas by kind, the process map's length
//! and coproduction levels, the configurations it uses and walks through,
//! its improvements and its measures. Made once per fetched revision and
//! kept in the cache as JSON, so a report over many sites reads small
//! files, not every workbook again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::check;
use crate::finding::{Finding, Kind, Severity};
use crate::guide::{Form, QuestionKind};
use crate::workbook::{Population, Status, Workbook};

/// The shape of the cached summaries; a cache of another shape is made again.
pub const FORMAT: u32 = 4;

/// The form of a summary written before sites kept their own form.
fn full_form() -> String {
    Form::Full.as_str().to_string()
}

/// At most this many problems are kept per site (the count is kept whole).
const KEPT_PROBLEMS: usize = 50;

/// At most this many characters of an answer a site wrote are kept (the
/// rest is cut, with a mark that says so): enough for a page of the
/// report, never a site's whole file.
pub const KEPT_ANSWER: usize = 4_000;

/// At most this many characters of an improvement's note or learning, or a
/// question's wording, are kept.
pub const KEPT_NOTE: usize = 1_500;

/// At most this many characters of a measure's definition, source, target,
/// or of an exemplar's reason, are kept.
pub const KEPT_SHORT: usize = 500;

/// At most this many answers per population are kept as exemplars, and
/// this many latest values per measure.
pub const KEPT_EXEMPLARS: usize = 20;
/// See [`KEPT_EXEMPLARS`].
pub const KEPT_VALUES: usize = 6;

/// The short-form questions that speak to what Step 9 (value assessment and
/// next steps) asks: the short form has no step of its own for it, and its
/// leadership question asks how need is matched to configuration "at best
/// value".
pub const SHORT_FOR_ASSESSMENT: [&str; 1] = ["short-leadership"];

/// The section of the guide whose answers lead the network's learning.
pub const ASSESSMENT: &str = "assessment";

/// `text` cut to at most `max` characters (on a character boundary), with
/// a mark that says it was cut.
pub fn bounded(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => format!("{} … (cut: longer in the site's file)", &text[..cut]),
    }
}

/// One site's workbook at one revision.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteSummary {
    /// [`FORMAT`].
    pub format: u32,
    /// The commit read.
    pub commit: String,
    /// The ref it was read from, as network.toml names it.
    pub reference: String,
    /// The commit's date, YYYY-MM-DD (committer date, in its own time zone).
    pub date: Option<String>,
    /// The commit's time, seconds since 1970.
    pub time: Option<i64>,
    /// The workbook's title.
    pub title: String,
    /// The workbook's organisation.
    pub organisation: Option<String>,
    /// The guide it answers (`builtin`, a version, or a site's file).
    pub guide: String,
    /// The form the site keeps (`full` or `short`), which its questions
    /// are counted against.
    #[serde(default = "full_form")]
    pub form: String,
    /// How many problems (errors) `check` found.
    pub problem_count: usize,
    /// The first problems, with their places.
    pub problems: Vec<Problem>,
    /// How many warnings `check` found.
    pub warnings: usize,
    /// Questions of the full form settled (answered or not applicable).
    pub settled: usize,
    /// Open questions (neither answered, nor not applicable, nor deferred).
    pub open: usize,
    /// Questions put off, with a reason (counted apart, as `check` counts them).
    #[serde(default)]
    pub deferred: usize,
    /// All questions.
    pub total: usize,
    /// Each population.
    pub populations: Vec<PopulationFacts>,
}

/// A problem `check` found, with its place in the site's workbook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    /// Its code, e.g. CV004.
    pub code: String,
    /// The file, relative to the workbook.
    pub file: Option<String>,
    /// Its line.
    pub line: Option<usize>,
    /// Its column.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// `file:line:col`, as far as known.
    pub fn place(&self) -> String {
        match (&self.file, self.line, self.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
            (Some(f), Some(l), None) => format!("{f}:{l}"),
            (Some(f), None, _) => f.clone(),
            _ => String::new(),
        }
    }
}

/// The state of a step, or of a question, in the completeness matrix.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Every question answered or not applicable.
    Settled,
    /// Some question open.
    Open,
    /// Nothing open, but some question put off.
    Deferred,
    /// Every question marked not applicable.
    NotApplicable,
    /// Answered, but against the guide's rules.
    Problems,
}

impl State {
    /// How the matrix shows it.
    pub fn label(self) -> &'static str {
        match self {
            State::Settled => "settled",
            State::Open => "open",
            State::Deferred => "deferred",
            State::NotApplicable => "n/a",
            State::Problems => "problems",
        }
    }
}

/// One step of one population.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepState {
    /// The step's id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// Its state.
    pub state: State,
    /// Questions settled.
    pub settled: usize,
    /// Questions in all.
    pub total: usize,
}

/// One short-form question of one population.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionState {
    /// The question's id.
    pub id: String,
    /// Its state.
    pub state: State,
}

/// An improvement of a site's register.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImprovementFacts {
    /// Its id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its clusters of opportunity (a summary written before an
    /// improvement could name several holds one string, `cluster`).
    #[serde(alias = "cluster", deserialize_with = "one_or_many")]
    pub clusters: Vec<String>,
    /// Its current status (None: no status yet).
    pub status: Option<String>,
    /// Its statuses over time, oldest first.
    #[serde(default)]
    pub history: Vec<StatusFacts>,
    /// Who leads it.
    #[serde(default)]
    pub owner: Option<String>,
    /// Its note (bounded).
    #[serde(default)]
    pub note: Option<String>,
    /// What the team learnt from it (bounded Markdown).
    #[serde(default)]
    pub learning: Option<String>,
    /// Why others could learn from it, when the site marks it as an
    /// exemplar (bounded; empty when no reason is given).
    #[serde(default)]
    pub exemplar: Option<String>,
    /// The ids of the measures that will show whether it is an improvement.
    #[serde(default)]
    pub measures: Vec<String>,
}

/// A status an improvement reached, and when.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusFacts {
    /// The status.
    pub state: String,
    /// When, as written.
    pub date: String,
}

/// A site's answer to a question, as it wrote it (bounded Markdown).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AnswerFacts {
    /// The section (a step's id, or `short-form`).
    pub section: String,
    /// The question's id.
    pub question: String,
    /// The question, as the site's guide words it (bounded).
    pub text: String,
    /// Its answer, in Markdown (bounded; empty when open).
    pub body: String,
    /// `answered`, `open`, `not applicable` or `deferred`.
    pub status: String,
    /// Why others could learn from it, when the site marks it as an
    /// exemplar (bounded; empty when no reason is given).
    pub exemplar: Option<String>,
}

/// One dated value of a measure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ValueFacts {
    /// When, as written.
    pub date: String,
    /// The value with its unit, as people write it.
    pub shown: String,
}

/// A measure of a site's compass.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MeasureFacts {
    /// Its id.
    pub id: String,
    /// The measure.
    pub name: String,
    /// What it tracks: outcome, process or balancing (outcome in a
    /// summary written before measures had kinds).
    #[serde(default = "outcome")]
    pub kind: String,
    /// Its quadrant (outcome measures).
    pub quadrant: String,
    /// How often it is taken, when the site says.
    #[serde(default)]
    pub frequency: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// The shared domain it names.
    pub domain: Option<String>,
    /// Its latest value's date.
    pub latest_date: Option<String>,
    /// Its latest value.
    pub latest_value: Option<f64>,
    /// Its latest value with its unit, as people write it.
    pub latest_shown: Option<String>,
    /// Its operational definition (bounded).
    #[serde(default)]
    pub definition: Option<String>,
    /// Where its data come from (bounded).
    #[serde(default)]
    pub data_source: Option<String>,
    /// The value aimed for, as written (bounded).
    #[serde(default)]
    pub target: Option<String>,
    /// The value aimed for, with its unit.
    #[serde(default)]
    pub target_shown: Option<String>,
    /// Its latest values, newest last (at most [`KEPT_VALUES`]).
    #[serde(default)]
    pub values: Vec<ValueFacts>,
}

/// What one population of a site holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PopulationFacts {
    /// The folder's name.
    pub slug: String,
    /// The population's name.
    pub name: String,
    /// The full form's steps.
    pub steps: Vec<StepState>,
    /// The short form's questions.
    pub short: Vec<QuestionState>,
    /// Personas, counted by kind.
    pub personas: BTreeMap<String, usize>,
    /// The process map's number of steps (None: no map).
    pub process_steps: Option<usize>,
    /// Process steps, counted by coproduction level.
    pub coproduction: BTreeMap<String, usize>,
    /// The value configurations its process steps belong to.
    pub configurations: Vec<String>,
    /// The configurations its personas are walked through (answered walk-throughs).
    pub walked: Vec<String>,
    /// Its improvements (None: no register).
    pub improvements: Option<Vec<ImprovementFacts>>,
    /// Its measures (None: no compass).
    pub measures: Option<Vec<MeasureFacts>>,
    /// Its answers to Step 9 (value assessment and next steps), or, for a
    /// short-form site, to the short-form questions that speak to the same
    /// ([`SHORT_FOR_ASSESSMENT`]).
    #[serde(default)]
    pub assessment: Vec<AnswerFacts>,
    /// The answers its team marks as exemplars (at most [`KEPT_EXEMPLARS`]).
    #[serde(default)]
    pub exemplars: Vec<AnswerFacts>,
}

/// The facts of one population.
fn population_facts(
    workbook: &Workbook<'_>,
    population: &Population,
    findings: &[Finding],
) -> PopulationFacts {
    let guide = &workbook.guide;
    let full = check::summarise(guide, population, Form::Full, findings);
    let steps = full
        .steps
        .iter()
        .map(|s| StepState {
            id: s.id.clone(),
            title: s.title.clone(),
            state: state_of(&s.counts),
            settled: s.counts.done(),
            total: s.counts.total,
        })
        .collect();
    let short_summary = check::summarise(guide, population, Form::Short, findings);
    let mut short = Vec::new();
    for section in guide.sections(Form::Short) {
        for q in &section.questions {
            let problems = short_summary
                .steps
                .iter()
                .any(|s| s.with_problems.contains(&q.id));
            let state = match population.status(section, q) {
                _ if problems => State::Problems,
                Status::Answered => State::Settled,
                Status::NotApplicable { .. } => State::NotApplicable,
                Status::Open => State::Open,
                Status::Deferred { .. } => State::Deferred,
            };
            short.push(QuestionState {
                id: q.id.clone(),
                state,
            });
        }
    }
    let mut walked = Vec::new();
    for section in guide.sections(Form::Full) {
        for q in section
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Walkthrough)
        {
            if population.status(section, q) == Status::Answered {
                if let Some(c) = &q.configuration {
                    if !walked.contains(c) {
                        walked.push(c.clone());
                    }
                }
            }
        }
    }
    let mut personas = BTreeMap::new();
    for p in &population.personas {
        let kind = if p.kind.is_empty() {
            "unknown"
        } else {
            &p.kind
        };
        *personas.entry(kind.to_string()).or_insert(0) += 1;
    }
    let mut coproduction = BTreeMap::new();
    let mut configurations: Vec<String> = Vec::new();
    if let Some(map) = &population.process_map {
        for step in &map.steps {
            let level = if step.coproduction.is_empty() {
                "unknown"
            } else {
                &step.coproduction
            };
            *coproduction.entry(level.to_string()).or_insert(0) += 1;
            for c in &step.configurations {
                if !configurations.contains(c) {
                    configurations.push(c.clone());
                }
            }
        }
    }
    let short_form = workbook.config.form == Form::Short;
    let mut assessment = Vec::new();
    let mut exemplars = Vec::new();
    for section in guide.sections(workbook.config.form) {
        for q in &section.questions {
            let leads = if short_form {
                SHORT_FOR_ASSESSMENT.contains(&q.id.as_str())
            } else {
                section.id == ASSESSMENT
            };
            let answer = population.answer(&section.id, &q.id);
            let marked = answer.is_some_and(|a| a.exemplar.is_some());
            let kept_as_exemplar = marked && exemplars.len() < KEPT_EXEMPLARS;
            if !(leads || kept_as_exemplar) {
                continue;
            }
            let facts = AnswerFacts {
                section: section.id.clone(),
                question: q.id.clone(),
                text: bounded(&q.text, KEPT_NOTE),
                body: answer
                    .filter(|_| population.status(section, q) == Status::Answered)
                    .map(|a| bounded(&a.body, KEPT_ANSWER))
                    .unwrap_or_default(),
                status: population.status(section, q).word().to_string(),
                exemplar: answer
                    .and_then(|a| a.exemplar.as_deref())
                    .map(|e| bounded(e, KEPT_SHORT)),
            };
            if kept_as_exemplar {
                exemplars.push(facts.clone());
            }
            if leads {
                assessment.push(facts);
            }
        }
    }
    PopulationFacts {
        assessment,
        exemplars,
        slug: population.slug.clone(),
        name: population.name().to_string(),
        steps,
        short,
        personas,
        process_steps: population.process_map.as_ref().map(|m| m.steps.len()),
        coproduction,
        configurations,
        walked,
        improvements: population.improvements.as_ref().map(|r| {
            r.improvements
                .iter()
                .map(|i| ImprovementFacts {
                    id: i.id.clone(),
                    title: i.title.clone(),
                    clusters: i.clusters.clone(),
                    status: i.current().map(|s| s.state.clone()),
                    history: i
                        .status
                        .iter()
                        .map(|s| StatusFacts {
                            state: bounded(&s.state, KEPT_SHORT),
                            date: bounded(&s.date, 40),
                        })
                        .collect(),
                    owner: i.owner.as_deref().map(|o| bounded(o, KEPT_SHORT)),
                    note: i.note.as_deref().map(|n| bounded(n, KEPT_NOTE)),
                    learning: i.learning.as_deref().map(|n| bounded(n, KEPT_NOTE)),
                    exemplar: i.exemplar.as_deref().map(|n| bounded(n, KEPT_SHORT)),
                    measures: i.measures.iter().map(|m| m.name.clone()).collect(),
                })
                .collect()
        }),
        measures: population.compass.as_ref().map(|c| {
            c.measures
                .iter()
                .map(|m| {
                    let latest = m.latest().filter(|v| v.value.is_finite());
                    MeasureFacts {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        kind: m.kind.clone(),
                        quadrant: m.quadrant.clone(),
                        frequency: m.frequency.clone(),
                        unit: m.unit.clone(),
                        domain: m.domain.clone(),
                        latest_date: latest.map(|v| v.date.clone()),
                        latest_value: latest.map(|v| v.value),
                        latest_shown: latest.map(|v| m.show(v.value)),
                        definition: m.definition.as_deref().map(|t| bounded(t, KEPT_SHORT)),
                        data_source: m.data_source.as_deref().map(|t| bounded(t, KEPT_SHORT)),
                        target: m.target.as_deref().map(|t| bounded(t, KEPT_SHORT)),
                        target_shown: m.target_value.filter(|v| v.is_finite()).map(|v| m.show(v)),
                        values: {
                            let kept: Vec<_> =
                                m.values.iter().filter(|v| v.value.is_finite()).collect();
                            kept[kept.len().saturating_sub(KEPT_VALUES)..]
                                .iter()
                                .map(|v| ValueFacts {
                                    date: bounded(&v.date, 40),
                                    shown: m.show(v.value),
                                })
                                .collect()
                        },
                    }
                })
                .collect()
        }),
    }
}

/// The state of a step from its counts.
fn state_of(counts: &check::Counts) -> State {
    if counts.with_problems > 0 {
        State::Problems
    } else if counts.total > 0 && counts.not_applicable == counts.total {
        State::NotApplicable
    } else if counts.done() == counts.total {
        State::Settled
    } else if counts.open == 0 {
        State::Deferred
    } else {
        State::Open
    }
}

/// Sums up a workbook opened from a site's revision: `check`'s findings and
/// completeness against the site's own form and guide (counted by
/// `workbook::progress`, as `check` counts), then each population's facts.
pub fn summarise(workbook: &Workbook<'_>, commit: &str, reference: &str) -> SiteSummary {
    let options = check::Options {
        form: workbook.config.form,
        populations: Vec::new(),
        today: crate::date::today(),
    };
    let report = check::check(workbook, &options);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.kind == Kind::Problem)
        .collect();
    let problems = errors
        .iter()
        .take(KEPT_PROBLEMS)
        .map(|f| Problem {
            code: f.code.to_string(),
            file: f.file.clone(),
            line: f.line,
            column: f.column,
            message: f.message.clone(),
        })
        .collect();
    let mut counts = check::Counts::default();
    for s in &report.summary {
        counts.merge(&s.counts);
    }
    let populations =
        workbook.map_populations(&[], |p| population_facts(workbook, &p, &report.findings));
    SiteSummary {
        format: FORMAT,
        commit: commit.to_string(),
        reference: reference.to_string(),
        date: None,
        time: None,
        title: workbook.config.title.clone(),
        organisation: workbook.config.organisation.clone(),
        guide: workbook.config.guide.clone(),
        form: workbook.config.form.as_str().to_string(),
        problem_count: errors.len(),
        problems,
        warnings: report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning && f.kind == Kind::Problem)
            .count(),
        settled: counts.done(),
        open: counts.open,
        deferred: counts.deferred,
        total: counts.total,
        populations,
    }
}

fn outcome() -> String {
    crate::workbook::records::OUTCOME.to_string()
}

/// Reads one string or a list of strings as a list.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_written_before_several_clusters_and_measure_kinds_is_still_read() {
        let old: ImprovementFacts = serde_json::from_str(
            r#"{"id": "a", "title": "A", "cluster": "education", "status": null}"#,
        )
        .expect("an old improvement");
        assert_eq!(old.clusters, ["education"]);
        let new: ImprovementFacts = serde_json::from_str(
            r#"{"id": "a", "title": "A", "clusters": ["education", "measurement"], "status": null}"#,
        )
        .expect("a new improvement");
        assert_eq!(new.clusters, ["education", "measurement"]);
        let measure: MeasureFacts = serde_json::from_str(
            r#"{"id": "m", "name": "M", "quadrant": "clinical", "unit": null, "domain": null,
                "latest_date": null, "latest_value": null, "latest_shown": null}"#,
        )
        .expect("an old measure");
        assert_eq!(measure.kind, "outcome");
        assert_eq!(measure.frequency, None);
    }
}
