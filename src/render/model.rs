//! What the templates see: a view of the document and of each population,
//! built from the workbook and the guide. Text from the workbook stays plain
//! text here (templates escape it); answers and narratives are Markdown made
//! safe by `render::markdown`, and pictures are SVG drawn by `render::svg`.
//! Those two are the only values marked safe.

use minijinja::Value;
use serde::Serialize;

use crate::guide::{Form, Guide, Question, QuestionKind, Section};
use crate::render::{Flavor, markdown, svg};
use crate::workbook::progress::{self, Counts};
use crate::workbook::{Answer, Compass, Persona, Population, ProcessMap, Status};

/// A label and a value, such as a demographic figure.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// A persona, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PersonaView {
    /// Its slug.
    pub slug: String,
    /// An id for links, unique in the document.
    pub anchor: String,
    /// Its name.
    pub name: String,
    /// Its kind's id, e.g. `patient`.
    pub kind: String,
    /// Its kind's title, e.g. "Person-sometimes-known-as-patient".
    pub kind_title: String,
    /// The segment it stands for.
    pub segment: Option<String>,
    /// The segment's figures.
    pub figures: Vec<Pair>,
    /// The narrative (safe HTML or Markdown); in the full form only.
    pub body: Option<Value>,
    /// The file it is kept in.
    pub file: String,
}

/// One step of the process map, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Its number, from 1.
    pub number: usize,
    /// Its id.
    pub id: String,
    /// What happens.
    pub title: String,
    /// Who takes part, joined.
    pub actors: String,
    /// The level of coproduction's id.
    pub level_id: String,
    /// The level's name.
    pub level: String,
    /// Whether the level is active coproduction.
    pub active: bool,
    /// The improvement opportunity.
    pub opportunity: Option<String>,
    /// The configurations' names, joined.
    pub configurations: String,
    /// The personas' names, joined.
    pub personas: String,
    /// One note per perspective of the map, in the map's order ("" when none).
    pub notes: Vec<String>,
}

/// The process map, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessMapView {
    /// The picture (HTML only).
    pub svg: Option<Value>,
    /// The perspectives the map is drawn from.
    pub perspectives: Vec<String>,
    /// The steps, in order.
    pub steps: Vec<StepView>,
}

/// A measure of the value compass, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// Its id.
    pub id: String,
    /// The measure.
    pub name: String,
    /// Its operational definition.
    pub definition: Option<String>,
    /// Where the data come from.
    pub data_source: Option<String>,
    /// The value today.
    pub baseline: Option<String>,
    /// The value aimed for.
    pub target: Option<String>,
}

/// A quadrant of the compass with its measures.
#[derive(Debug, Clone, Serialize)]
pub struct QuadrantView {
    /// The quadrant's id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Its measures, in file order.
    pub measures: Vec<MeasureView>,
}

/// The value compass, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct CompassView {
    /// The picture (HTML only).
    pub svg: Option<Value>,
    /// The quadrants, in guide order (and "other" for unknown quadrants).
    pub quadrants: Vec<QuadrantView>,
}

/// One persona's part of a walk-through.
#[derive(Debug, Clone, Serialize)]
pub struct WalkView {
    /// The persona's name (or the sub-heading when the persona is unknown).
    pub persona: String,
    /// The persona's slug.
    pub slug: String,
    /// What was written (safe HTML or Markdown).
    pub body: Option<Value>,
}

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
}

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
    pub published: bool,
    /// Guidance on a good answer.
    pub help: Option<String>,
    /// `answered`, `open`, `not-applicable`, `deferred` or `blank`.
    pub state: &'static str,
    /// The state in words, e.g. "Not applicable".
    pub state_label: &'static str,
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
    /// An id for links, unique in the document.
    pub anchor: String,
    /// Its questions.
    pub questions: Vec<QuestionView>,
    /// The answer file.
    pub file: String,
}

/// The persona × configuration grid.
#[derive(Debug, Clone, Serialize)]
pub struct GridView {
    /// The configurations' names, one per column.
    pub columns: Vec<String>,
    /// One row per persona.
    pub rows: Vec<GridRow>,
}

/// A row of the grid.
#[derive(Debug, Clone, Serialize)]
pub struct GridRow {
    /// The persona's name.
    pub persona: String,
    /// For each configuration, how the persona meets it, shortened ("" when not written).
    pub cells: Vec<String>,
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

/// A population, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PopulationView {
    /// Its position, from 1.
    pub index: usize,
    /// Its slug ("" on a blank worksheet).
    pub slug: String,
    /// An id for links, unique in the document.
    pub anchor: String,
    /// The name of its named page (for the print footer).
    pub page: String,
    /// Whether this is a blank worksheet.
    pub blank: bool,
    /// Its name ("" on an unnamed blank worksheet).
    pub name: String,
    /// Who they are.
    pub description: String,
    /// Where care happens.
    pub setting: Option<String>,
    /// How many people, e.g. "1,180 people (2026)".
    pub size: Option<String>,
    /// Where the number comes from.
    pub size_note: Option<String>,
    /// Demographic figures.
    pub figures: Vec<Pair>,
    /// The team: role and name.
    pub team: Vec<Pair>,
    /// The personas.
    pub personas: Vec<PersonaView>,
    /// Empty persona cards to print (blank worksheets).
    pub blank_personas: usize,
    /// The ids of the guide's persona kinds, for blank cards.
    pub persona_kinds: Vec<String>,
    /// The process map, when there is one.
    pub process_map: Option<ProcessMapView>,
    /// Empty rows of the process-map table (blank worksheets).
    pub blank_steps: usize,
    /// The coproduction levels of the guide: id and name.
    pub levels: Vec<Pair>,
    /// The configurations of the guide: id and name.
    pub configurations: Vec<Pair>,
    /// The value compass, when there is one.
    pub compass: Option<CompassView>,
    /// A blank compass to fill in (blank worksheets).
    pub blank_compass: Option<Value>,
    /// The steps (full form) or the short form, with questions and answers.
    pub sections: Vec<SectionView>,
    /// The persona × configuration grid (full form).
    pub grid: Option<GridView>,
    /// Questions still open or deferred (full form).
    pub open_items: Vec<OpenItem>,
    /// Completeness per step.
    pub steps_summary: Vec<StepCounts>,
    /// Completeness in total.
    pub counts: Counts,
    /// Settled in percent.
    pub percent: usize,
    /// The print footer of its pages, as a CSS string (safe).
    pub footer_css: Value,
}

/// Settled questions in percent, rounded down.
fn percent(c: &Counts) -> usize {
    (c.done() * 100).checked_div(c.total).unwrap_or(0)
}

/// Turns text into something usable in an HTML id.
pub fn id_part(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    out.truncate(40);
    out
}

/// A number for print: thousands separated, at most two decimals.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let fraction = ((rounded - whole).abs() * 100.0).round() as u64;
    let digits = format!("{}", whole.abs() as u64);
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match fraction {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// Escapes text as a CSS string literal, with quotes; safe inside `<style>`.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | ':' | '-' | '(' | ')' | '+') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// Builds views of populations for one document.
pub struct Builder<'a> {
    /// The guide the workbook answers.
    pub guide: &'a Guide,
    /// The form printed.
    pub form: Form,
    /// HTML or Markdown.
    pub flavor: Flavor,
    /// Today, for overdue deferrals.
    pub today: crate::date::Date,
    /// The footer's first part (workbook title) and last line (guide, commit, date).
    pub footer_title: String,
    /// The footer's second line.
    pub footer_line: String,
}

/// How many characters of a walk-through a grid cell shows.
const GRID_CELL: usize = 230;

/// Heading levels the answers sit under: a question is a level-4 heading.
const QUESTION_LEVEL: u8 = 4;

impl Builder<'_> {
    fn rich(&self, markdown: &str, heading_base: u8) -> Option<Value> {
        if markdown.trim().is_empty() {
            return None;
        }
        let text = match self.flavor {
            Flavor::Html => markdown::to_html(markdown, heading_base),
            Flavor::Markdown => markdown::to_markdown(markdown, heading_base),
        };
        Some(Value::from_safe_string(text))
    }

    /// The print footer of a population's pages, as a CSS string (safe).
    pub fn footer(&self, population: &str) -> Value {
        let first = if population.is_empty() {
            self.footer_title.clone()
        } else {
            format!("{} · {population}", self.footer_title)
        };
        Value::from_safe_string(css_string(&format!("{first}\n{}", self.footer_line)))
    }

    /// The footer of pages outside any population, as a CSS string (safe).
    pub fn document_footer(&self) -> Value {
        self.footer("")
    }

    fn pairs(terms: &[crate::guide::Term]) -> Vec<Pair> {
        terms
            .iter()
            .map(|t| Pair {
                label: t.id.clone(),
                value: t.title.clone(),
            })
            .collect()
    }

    fn persona(&self, index: usize, p: &Persona, full: bool) -> PersonaView {
        let mut figures = Vec::new();
        if let Some(share) = p.figures.share_percent {
            figures.push(Pair {
                label: "Share of population".into(),
                value: format!("{} %", number(share)),
            });
        }
        if let Some(contacts) = p.figures.contacts_per_year {
            figures.push(Pair {
                label: "Contacts per year".into(),
                value: number(contacts),
            });
        }
        if let Some(cost) = p.figures.annual_cost {
            let value = match &p.figures.currency {
                Some(c) => format!("{} {c}", number(cost)),
                None => number(cost),
            };
            figures.push(Pair {
                label: "Annual cost".into(),
                value,
            });
        }
        PersonaView {
            slug: p.slug.clone(),
            anchor: format!("p{index}-persona-{}", id_part(&p.slug)),
            name: p.name.clone(),
            kind: p.kind.clone(),
            kind_title: Guide::term_title(&self.guide.persona_kinds, &p.kind).to_string(),
            segment: p.segment.clone(),
            figures,
            body: if full {
                self.rich(&p.body, QUESTION_LEVEL + 1)
            } else {
                None
            },
            file: p.file.clone(),
        }
    }

    fn process_map(
        &self,
        index: usize,
        name: &str,
        map: &ProcessMap,
        pop: &Population,
    ) -> ProcessMapView {
        let svg = match self.flavor {
            Flavor::Html if !map.steps.is_empty() => Some(Value::from_safe_string(
                svg::process_map(&format!("p{index}-map"), name, map, self.guide),
            )),
            _ => None,
        };
        let steps = map
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepView {
                number: i + 1,
                id: s.id.clone(),
                title: s.title.clone(),
                actors: s.actors.join(", "),
                level_id: s.coproduction.clone(),
                level: Guide::term_title(&self.guide.coproduction_levels, &s.coproduction)
                    .to_string(),
                active: self.guide.is_active(&s.coproduction),
                opportunity: s.opportunity.clone(),
                configurations: s
                    .configurations
                    .iter()
                    .map(|c| Guide::term_title(&self.guide.configurations, c))
                    .collect::<Vec<_>>()
                    .join(", "),
                personas: s
                    .personas
                    .iter()
                    .map(|r| {
                        pop.persona(&r.slug)
                            .map_or(r.slug.as_str(), |p| p.name.as_str())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                notes: map
                    .perspectives
                    .iter()
                    .map(|view| {
                        s.perspectives
                            .iter()
                            .find(|(k, _)| k == view)
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect();
        ProcessMapView {
            svg,
            perspectives: map.perspectives.clone(),
            steps,
        }
    }

    fn compass(&self, index: usize, name: &str, compass: &Compass) -> CompassView {
        let measure = |m: &crate::workbook::Measure| MeasureView {
            id: m.id.clone(),
            name: m.name.clone(),
            definition: m.definition.clone(),
            data_source: m.data_source.clone(),
            baseline: m.baseline.clone(),
            target: m.target.clone(),
        };
        let mut quadrants: Vec<QuadrantView> = self
            .guide
            .quadrants
            .iter()
            .map(|q| QuadrantView {
                id: q.id.clone(),
                title: q.title.clone(),
                measures: compass
                    .measures
                    .iter()
                    .filter(|m| m.quadrant == q.id)
                    .map(measure)
                    .collect(),
            })
            .collect();
        let other: Vec<MeasureView> = compass
            .measures
            .iter()
            .filter(|m| !self.guide.quadrants.iter().any(|q| q.id == m.quadrant))
            .map(measure)
            .collect();
        if !other.is_empty() {
            quadrants.push(QuadrantView {
                id: "other".into(),
                title: "Other (quadrant not in the guide)".into(),
                measures: other,
            });
        }
        let svg = match self.flavor {
            Flavor::Html if !compass.measures.is_empty() => {
                Some(Value::from_safe_string(svg::compass(
                    &format!("p{index}-compass"),
                    name,
                    Some(compass),
                    self.guide,
                )))
            }
            _ => None,
        };
        CompassView { svg, quadrants }
    }

    fn walk(&self, pop: Option<&Population>, answer: &Answer, base: u8) -> Vec<WalkView> {
        answer
            .walkthrough
            .iter()
            .filter(|w| !w.body.trim().is_empty())
            .map(|w| WalkView {
                persona: pop
                    .and_then(|p| p.persona(&w.persona))
                    .map_or_else(|| w.heading.clone(), |p| p.name.clone()),
                slug: w.persona.clone(),
                body: self.rich(&w.body, base + 1),
            })
            .collect()
    }

    /// The step a short-form question summarises, with what is answered there.
    fn derived(&self, pop: &Population, question: &Question) -> Option<Derived> {
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
                (body.is_some() || !walkthrough.is_empty()).then(|| DerivedItem {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    body,
                    walkthrough,
                })
            })
            .collect();
        (!items.is_empty()).then(|| Derived {
            heading: step.heading(),
            step: step.id.clone(),
            items,
        })
    }

    fn question(
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
        let published = self
            .guide
            .citation(&question.source)
            .is_some_and(|c| c.published);
        let lines = match (self.form, question.kind) {
            (Form::Short, _) => 7,
            (Form::Full, QuestionKind::Walkthrough) => 4,
            (Form::Full, k) if k.is_record() => 3,
            (Form::Full, _) if pop.is_none() => 6,
            (Form::Full, _) => 8,
        };
        let mut view = QuestionView {
            id: question.id.clone(),
            number,
            text: question.text.clone(),
            kind: question.kind.as_str(),
            published,
            help: question.help.clone(),
            state: "blank",
            state_label: "To answer",
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
                view.state_label = "Answered";
                if let Some(a) = written {
                    view.body = self.rich(&a.body, QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
            Status::Open => {
                view.state = "open";
                view.state_label = "Open";
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
                view.state_label = "Not applicable";
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
                view.state_label = "Deferred";
                view.reason = Some(reason.clone());
                view.owner = owner.clone();
                view.until = until.clone();
                view.overdue = until
                    .as_deref()
                    .and_then(crate::spec::parse_date)
                    .is_some_and(|d| d < self.today);
                if let Some(a) = written {
                    view.body = self.rich(after_status(&a.body), QUESTION_LEVEL);
                    view.walkthrough = self.walk(Some(pop), a, QUESTION_LEVEL);
                }
            }
        }
        view
    }

    fn sections(&self, index: usize, pop: Option<&Population>) -> Vec<SectionView> {
        self.guide
            .sections(self.form)
            .into_iter()
            .map(|section| SectionView {
                id: section.id.clone(),
                number: section.number,
                heading: section.heading(),
                title: section.title.clone(),
                intro: section.intro.clone(),
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

    /// The persona × configuration grid, from the walk-throughs as printed
    /// in `sections` (so each entry's Markdown is read only once).
    fn grid(&self, pop: &Population, sections: &[SectionView]) -> GridView {
        let walkthrough_of = |configuration: &str| -> Option<&QuestionView> {
            let (step, question) = self.guide.steps.iter().find_map(|s| {
                s.questions
                    .iter()
                    .find(|q| {
                        q.kind == QuestionKind::Walkthrough
                            && q.configuration.as_deref() == Some(configuration)
                    })
                    .map(|q| (s, q))
            })?;
            sections
                .iter()
                .find(|s| s.id == step.id)?
                .questions
                .iter()
                .find(|q| q.id == question.id)
        };
        let columns: Vec<(String, Option<&QuestionView>)> = self
            .guide
            .configurations
            .iter()
            .map(|c| (c.title.clone(), walkthrough_of(&c.id)))
            .collect();
        let rows = pop
            .personas
            .iter()
            .map(|persona| GridRow {
                persona: persona.name.clone(),
                cells: columns
                    .iter()
                    .map(|(_, q)| {
                        q.and_then(|q| q.walkthrough.iter().find(|w| w.slug == persona.slug))
                            .and_then(|w| w.body.as_ref())
                            .and_then(Value::as_str)
                            .map(|body| {
                                let text = match self.flavor {
                                    Flavor::Html => markdown::html_text(body, GRID_CELL),
                                    Flavor::Markdown => markdown::to_plain(body),
                                };
                                markdown::shorten(&text, GRID_CELL)
                            })
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect();
        GridView {
            columns: columns.into_iter().map(|(title, _)| title).collect(),
            rows,
        }
    }

    fn open_items(&self, sections: &[SectionView]) -> Vec<OpenItem> {
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
                            detail.push(format!("owner: {owner}"));
                        }
                        if let Some(until) = &q.until {
                            detail.push(format!("until {until}"));
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

    fn summary(&self, index: usize, pop: &Population) -> (Vec<StepCounts>, Counts) {
        let summary = progress::summarise(self.guide, pop, self.form);
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

    /// The view of a population of the workbook.
    pub fn population(&self, index: usize, pop: &Population) -> PopulationView {
        let full = self.form == Form::Full;
        let info = pop.info.clone().unwrap_or_default();
        let name = pop.name().to_string();
        let sections = self.sections(index, Some(pop));
        let open_items = if full {
            self.open_items(&sections)
        } else {
            Vec::new()
        };
        let (steps_summary, counts) = self.summary(index, pop);
        let size = info.size.as_ref().and_then(|s| {
            s.people.map(|n| match &s.as_of {
                Some(when) => format!("{} people ({when})", number(n as f64)),
                None => format!("{} people", number(n as f64)),
            })
        });
        PopulationView {
            index,
            slug: pop.slug.clone(),
            anchor: format!("p{index}-{}", id_part(&pop.slug)),
            page: format!("p{index}"),
            blank: false,
            description: info.description.clone(),
            setting: info.setting.clone(),
            size,
            size_note: info.size.as_ref().and_then(|s| s.note.clone()),
            figures: info
                .figures
                .iter()
                .map(|(label, value)| Pair {
                    label: label.clone(),
                    value: value.clone(),
                })
                .collect(),
            team: info
                .team
                .iter()
                .map(|t| Pair {
                    label: team_role(&t.role),
                    value: t.name.clone().unwrap_or_default(),
                })
                .collect(),
            personas: pop
                .personas
                .iter()
                .map(|p| self.persona(index, p, full))
                .collect(),
            blank_personas: 0,
            persona_kinds: self
                .guide
                .persona_kinds
                .iter()
                .map(|k| k.id.clone())
                .collect(),
            process_map: pop
                .process_map
                .as_ref()
                .filter(|m| !m.steps.is_empty())
                .map(|m| self.process_map(index, &name, m, pop)),
            blank_steps: 0,
            levels: Self::pairs(&self.guide.coproduction_levels),
            configurations: Self::pairs(&self.guide.configurations),
            compass: pop
                .compass
                .as_ref()
                .filter(|c| !c.measures.is_empty())
                .map(|c| self.compass(index, &name, c)),
            blank_compass: None,
            grid: (full && !pop.personas.is_empty()).then(|| self.grid(pop, &sections)),
            open_items,
            percent: percent(&counts),
            steps_summary,
            counts,
            footer_css: self.footer(&name),
            sections,
            name,
        }
    }

    /// The view of a blank worksheet, for a population named `name` (or unnamed).
    pub fn blank(&self, index: usize, name: &str) -> PopulationView {
        let full = self.form == Form::Full;
        let blank_compass = match self.flavor {
            Flavor::Html => Some(Value::from_safe_string(svg::compass(
                &format!("p{index}-compass"),
                name,
                None,
                self.guide,
            ))),
            Flavor::Markdown => None,
        };
        PopulationView {
            index,
            slug: String::new(),
            anchor: format!("p{index}-blank"),
            page: format!("p{index}"),
            blank: true,
            name: name.to_string(),
            description: String::new(),
            setting: None,
            size: None,
            size_note: None,
            figures: Vec::new(),
            team: Vec::new(),
            personas: Vec::new(),
            blank_personas: if full { 4 } else { 3 },
            persona_kinds: self
                .guide
                .persona_kinds
                .iter()
                .map(|k| k.id.clone())
                .collect(),
            process_map: None,
            blank_steps: self.guide.process_steps.max.max(1),
            levels: Self::pairs(&self.guide.coproduction_levels),
            configurations: Self::pairs(&self.guide.configurations),
            compass: None,
            blank_compass,
            sections: self.sections(index, None),
            grid: None,
            open_items: Vec::new(),
            steps_summary: Vec::new(),
            counts: Counts::default(),
            percent: 0,
            footer_css: self.footer(if name.is_empty() {
                "blank worksheet"
            } else {
                name
            }),
        }
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

/// A team role's name.
pub fn team_role(role: &str) -> String {
    match role {
        "team-lead" => "Team lead",
        "clinical" => "Clinical",
        "operations" => "Operations",
        "finance" => "Finance",
        "patient-partner" => "Patient partner",
        "facilitator" => "Facilitator",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(96000.0), "96,000");
        assert_eq!(number(1180.0), "1,180");
        assert_eq!(number(21.0), "21");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1234567.891), "1,234,567.89");
        assert_eq!(number(-3.0), "-3");
    }

    #[test]
    fn css_strings_cannot_escape_their_quotes_or_the_style_element() {
        let s = css_string("a\"b</style><script>\\\n");
        assert!(!s[1..s.len() - 1].contains('"'));
        assert!(!s.contains('<'));
        assert!(!s.contains('\n'));
        assert_eq!(css_string("Åsa"), "\"\\c5 sa\"");
    }

    #[test]
    fn ids_are_plain() {
        assert_eq!(id_part("Åsa <x>"), "-sa--x-");
    }

    #[test]
    fn the_text_after_a_deferral_is_kept() {
        assert_eq!(after_status("Deferred: x\nOwner: y\n\nMore."), "\n\nMore.");
        assert_eq!(after_status("Deferred: x"), "");
    }
}
