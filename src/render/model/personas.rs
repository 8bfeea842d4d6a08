//! The personas as printed, and the persona × configuration grid built from
//! the walk-throughs.

use minijinja::Value;
use serde::Serialize;

use super::answers::{QuestionView, SectionView};
use super::{Builder, Pair, QUESTION_LEVEL, id_part};
use crate::guide::{Guide, QuestionKind};
use crate::render::{Flavor, markdown};
use crate::workbook::{Persona, Population};

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

/// How many characters of a walk-through a grid cell shows.
const GRID_CELL: usize = 230;

impl Builder<'_> {
    pub(super) fn persona(&self, index: usize, p: &Persona, full: bool) -> PersonaView {
        let mut figures = Vec::new();
        if let Some(share) = p.figures.share_percent {
            figures.push(Pair {
                label: self.words("figure-share"),
                value: self.words_with("percent", &[("percent", self.number(share).into())]),
            });
        }
        if let Some(contacts) = p.figures.contacts_per_year {
            figures.push(Pair {
                label: self.words("figure-contacts"),
                value: self.number(contacts),
            });
        }
        if let Some(cost) = p.figures.annual_cost {
            let value = match &p.figures.currency {
                Some(c) => format!("{} {c}", self.number(cost)),
                None => self.number(cost),
            };
            figures.push(Pair {
                label: self.words("figure-cost"),
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

    /// The persona × configuration grid, from the walk-throughs as printed
    /// in `sections` (so each entry's Markdown is read only once).
    pub(super) fn grid(&self, pop: &Population, sections: &[SectionView]) -> GridView {
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
                                markdown::shorten_to_sentence(&text, GRID_CELL)
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
}
