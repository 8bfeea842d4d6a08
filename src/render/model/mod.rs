//! What the templates see: a view of the document and of each population,
//! built from the workbook and the guide. Text from the workbook stays plain
//! text here (templates escape it); answers and narratives are Markdown made
//! safe by `render::markdown`, and pictures are SVG drawn by `render::svg`.
//! Those two are the only values marked safe.

mod answers;
mod blank;
mod compass;
mod personas;
mod process_map;
pub mod register;
mod short_form;
mod summary;
mod text;
mod walkthroughs;

use minijinja::Value;
use serde::Serialize;

use crate::guide::{Form, Guide};
use crate::render::{Flavor, markdown};
use crate::workbook::Population;
use crate::workbook::progress::Counts;

pub use answers::{QuestionView, SectionView};
pub use compass::{CompassView, MeasureView, QuadrantView};
pub use personas::{GridRow, GridView, PersonaView};
pub use process_map::{ProcessMapView, StepView};
pub use short_form::{Derived, DerivedItem};
pub use summary::{OpenItem, StepCounts, team_role};
pub use text::{css_string, id_part, number, paper_help};
pub use walkthroughs::WalkView;

use summary::percent;

/// A label and a value, such as a demographic figure.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
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
    /// The tick boxes of a blank card's kind: the kind's title on a page
    /// not in English (`label`), with its id (`value`) to type back.
    pub kind_choices: Vec<Pair>,
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
    /// The register of improvements, when there is one.
    pub register: Option<register::RegisterView>,
    /// Empty rows of the measures table: as many as the guide allows (blank worksheets).
    pub blank_measures: usize,
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
    /// How big the pictures' text is.
    pub scale: crate::render::svg::Scale,
    /// The page words, in the page's language.
    pub catalogue: std::sync::Arc<crate::i18n::Catalogue>,
    /// The findings the page's run has (reading the workbook, or `check`),
    /// from which answers count "with problems" (none: every answer counts
    /// as written).
    pub findings: std::sync::Arc<Vec<crate::finding::Finding>>,
}

/// Heading levels the answers sit under: a question is a level-4 heading.
const QUESTION_LEVEL: u8 = 4;

impl Builder<'_> {
    /// The tick boxes of a blank card's kind: the ids on an English page
    /// (short, and what `kind` takes), the guide's titles in another
    /// language, each with its id.
    pub(crate) fn kind_choices(&self) -> Vec<Pair> {
        let english = self.catalogue.lang().is_english();
        self.guide
            .persona_kinds
            .iter()
            .map(|k| Pair {
                label: if english || k.title.trim().is_empty() {
                    k.id.clone()
                } else {
                    k.title.clone()
                },
                value: k.id.clone(),
            })
            .collect()
    }

    fn rich(&self, markdown: &str, heading_base: u8) -> Option<Value> {
        if markdown.trim().is_empty() {
            return None;
        }
        let text = match self.flavor {
            // The team's words run in their own direction, whatever the
            // page's: an English answer on a Hebrew page (or the reverse)
            // keeps its lists and punctuation where its language puts them.
            Flavor::Html => format!(
                "<div dir=\"auto\">{}</div>",
                markdown::to_html(markdown, heading_base)
            ),
            Flavor::Markdown => markdown::to_markdown(markdown, heading_base),
        };
        Some(Value::from_safe_string(text))
    }

    /// The print footer of a population's pages, as a CSS string (safe).
    pub fn footer(&self, population: &str) -> Value {
        let first = self.footer_first(population);
        Value::from_safe_string(css_string(&format!("{first}\n{}", self.footer_line)))
    }

    /// The print footer of the pages of a step: the population's footer with
    /// the step's heading on a line of its own, as a CSS string (safe).
    pub fn step_footer(&self, population: &str, step: &str) -> Value {
        let first = self.footer_first(population);
        Value::from_safe_string(css_string(&format!(
            "{first}\n{step}\n{}",
            self.footer_line
        )))
    }

    /// Where a text of the guide comes from, in the page's language (see
    /// [`mark_words`]).
    pub fn mark_words(&self, text: crate::guide::Text<'_>) -> String {
        mark_words(self.guide, &self.catalogue, text)
    }

    /// A message of the page's language, as plain text.
    pub fn words(&self, id: &str) -> String {
        self.catalogue.text(id, &[])
    }

    /// A message of the page's language with values, as plain text.
    pub fn words_with(&self, id: &str, args: &[(&str, crate::i18n::Arg)]) -> String {
        self.catalogue.text(id, args)
    }

    /// A date written in a workbook (`2027-01-15`) as the page's language
    /// writes it; text that is not a date stays as it is.
    pub fn date_text(&self, text: &str) -> String {
        match crate::date::parse_date(text) {
            Some(date) => self.catalogue.lang().date(date),
            None => text.to_string(),
        }
    }

    /// A figure as the page's language writes it (`96,000` in English,
    /// `96 000` in Swedish).
    pub fn number(&self, value: f64) -> String {
        self.catalogue.lang().localize_number(&text::number(value))
    }

    /// The footer's first line: the workbook's title and the population.
    /// In large print (14 pt, where the title and the population together
    /// would wrap over two lines or more) the population alone.
    fn footer_first(&self, population: &str) -> String {
        match (
            population.is_empty(),
            self.scale == crate::render::svg::Scale::LARGE,
        ) {
            (true, _) => self.footer_title.clone(),
            (false, true) => population.to_string(),
            (false, false) => format!("{} · {population}", self.footer_title),
        }
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
                    label: team_role(self.guide, &self.catalogue, &t.role),
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
            kind_choices: self.kind_choices(),
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
            register: self.register(pop),
            blank_measures: 0,
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
}

/// Where a text of the guide comes from, in `catalogue`'s language: the
/// published wording with its source, a translation of it (reviewed or
/// not), or this guide's own writing. [`Guide::mark`] decides; this only
/// words it, for every page that prints the mark (reports, pack, `serve`).
pub fn mark_words(
    guide: &Guide,
    catalogue: &crate::i18n::Catalogue,
    text: crate::guide::Text<'_>,
) -> String {
    use crate::guide::Text;
    let mark = guide.mark(text);
    let own = match text {
        Text::Question(_) => "mark-own-question",
        Text::Help(_) => "mark-own-help",
        Text::Intro(_) => "mark-own-intro",
        Text::Title(_) => "mark-own-title",
    };
    let translation = guide
        .citation(&mark.source)
        .and_then(|c| c.translation.as_ref());
    match translation {
        Some(t) => {
            let state = if t.reviewed { "reviewed" } else { "unreviewed" };
            if t.of_published {
                catalogue.text(
                    "mark-translation-published",
                    &[("state", state.into()), ("source", t.of.as_str().into())],
                )
            } else {
                catalogue.text("mark-translation-own", &[("state", state.into())])
            }
        }
        None if mark.published => {
            catalogue.text("mark-published", &[("source", mark.source.into())])
        }
        None => catalogue.text(own, &[]),
    }
}
