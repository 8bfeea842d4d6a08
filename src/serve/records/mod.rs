//! The records of a workbook in `covalue serve`: process-map steps,
//! measures of the value compass (with their dated values and run chart),
//! the register of improvements (with each status and its date), personas,
//! the population itself (with its figures and team) and session records
//! (with attendees and actions); each can be read, edited and added from
//! the browser, and a step, measure or improvement moved or removed. What
//! each kind holds is here (`Kind`); the pages are in `page.rs`, the saves
//! in `save.rs`, the fields' values in `values.rs`.
//!
//! Every save is a splice (`edit`, `splice`): only the bytes of what
//! changed. A save carries a fingerprint of each field as the form showed
//! it, so a teammate's change to another field, or another record, is kept
//! and is no conflict; a change to the same field is a 409 that shows both
//! versions beside the form, with what was typed kept. A result that the
//! workbook loader (the one `check` uses) reads with a new error is refused
//! with that error, and the form comes back as it was typed. Files are read
//! and written through the workbook's jail, atomically.

use std::collections::BTreeMap;

use serde::Serialize;

use super::auth::percent_encode;
use super::pages::pop_href;
use crate::workbook::layout;

mod additions;
mod page;
mod save;
mod values;

/// The templates of the record pages.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("record.html", include_str!("../templates/record.html")),
    (
        "improvements.html",
        include_str!("../templates/improvements.html"),
    ),
];

/// What kind of record a page edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Step,
    Measure,
    Improvement,
    Persona,
    /// The population itself (`population.toml`): one per population.
    Population,
    /// A session record (`sessions/NAME.toml`), named by its file.
    Session,
    /// The process map's own keys (`process-map.toml`): its perspectives.
    Map,
}

/// How a field is typed in and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One line of text; empty leaves the key out.
    Text,
    /// Text that may run over lines.
    Long,
    /// Text that may not be empty.
    Required,
    /// Names separated by commas (a list of strings).
    Commas,
    /// One item a line (a list of strings).
    Lines,
    /// Boxes to tick (a list of ids).
    Many,
    /// Boxes to tick, at least one: written as one string when one is
    /// ticked, as a list when several are (an improvement's clusters).
    Several,
    /// One of a list (required unless `Maybe`).
    One,
    /// One of a list, or none.
    Maybe,
    /// A number.
    Number,
}

/// One field of a record: its key, label and shape.
type Spec = (&'static str, &'static str, Shape);

impl Kind {
    pub(super) fn parse(segment: &str) -> Option<Kind> {
        Some(match segment {
            "step" => Kind::Step,
            "measure" => Kind::Measure,
            "improvement" => Kind::Improvement,
            "persona" => Kind::Persona,
            // The population's own page is `/p/POP/about`.
            _ => return None,
        })
    }

    /// The path segment and the array of tables.
    fn name(self) -> &'static str {
        match self {
            Kind::Step => "step",
            Kind::Measure => "measure",
            Kind::Improvement => "improvement",
            Kind::Persona => "persona",
            Kind::Population => "population",
            Kind::Session => "session",
            Kind::Map => "map",
        }
    }

    /// Whether its records are kept in order in one list, where they can
    /// be moved and removed.
    fn arranged(self) -> bool {
        matches!(self, Kind::Step | Kind::Measure | Kind::Improvement)
    }

    /// The array of tables its records are in ("" for the top level).
    fn array(self) -> &'static str {
        match self {
            Kind::Population | Kind::Session | Kind::Map => "",
            _ => self.name(),
        }
    }

    /// The file, for the population `slug` (a session's name for a session).
    fn file(self, slug: &str) -> String {
        let name = match self {
            Kind::Session => return format!("{}/{slug}.toml", layout::SESSIONS_DIR),
            Kind::Step | Kind::Map => layout::PROCESS_MAP_FILE,
            Kind::Measure => layout::COMPASS_FILE,
            Kind::Improvement => layout::IMPROVEMENTS_FILE,
            Kind::Persona => layout::PERSONAS_DIR,
            Kind::Population => layout::POPULATION_FILE,
        };
        format!("{}/{name}", layout::population_dir(slug))
    }

    /// The fields, in the order a new record writes them.
    fn fields(self) -> &'static [Spec] {
        use Shape::*;
        match self {
            Kind::Step => &[
                ("title", "Title", Required),
                ("actors", "Who takes part (separated by commas)", Commas),
                ("coproduction", "Level of coproduction", One),
                ("opportunity", "Opportunity to improve", Long),
                ("configurations", "Value configurations", Many),
                ("personas", "Personas it concerns", Many),
            ],
            Kind::Measure => &[
                ("name", "Measure", Required),
                ("kind", "Kind of measure (outcome when left empty)", Maybe),
                ("quadrant", "Quadrant (outcome measures only)", Maybe),
                ("frequency", "How often it is taken", Maybe),
                ("definition", "Definition", Long),
                ("data_source", "Where the data come from", Text),
                ("baseline", "Baseline", Text),
                ("target", "Target", Text),
                ("unit", "Unit", Text),
                ("direction", "Which way is better", Maybe),
                ("target_value", "Target as a number", Number),
            ],
            Kind::Improvement => &[
                ("title", "Title", Required),
                ("cluster", "Clusters of opportunity (one or more)", Several),
                ("steps", "Steps it concerns", Many),
                ("configurations", "Value configurations", Many),
                ("personas", "Personas it concerns", Many),
                ("owner", "Who leads it", Text),
                ("measures", "Measures that will show it", Many),
                ("note", "Note", Long),
                ("learning", "What the team learnt from it", Long),
                (
                    "exemplar",
                    "Why other sites could learn from it (marks it an exemplar)",
                    Text,
                ),
            ],
            Kind::Persona => &[
                ("name", "Name", Required),
                ("kind", "Kind", One),
                ("segment", "Segment it stands for", Text),
                ("share_percent", "Share of the population (%)", Number),
                ("contacts_per_year", "Contacts per year", Number),
                ("annual_cost", "Cost per year", Number),
                ("currency", "Currency of the cost", Text),
                ("story", "Story (Markdown)", Long),
            ],
            Kind::Session => &[
                ("title", "What the session is about", Text),
                ("facilitator", "Who leads it", Text),
                ("note_taker", "Who writes down the answers", Text),
                ("decisions", "What the team decided (one a line)", Lines),
            ],
            Kind::Map => &[(
                "perspectives",
                "Perspectives the map is drawn from (one a line)",
                Lines,
            )],
            Kind::Population => &[
                ("name", "Name", Required),
                ("description", "Who they are", Long),
                ("setting", "Where care happens", Long),
                ("size.people", "How many people (a whole number)", Number),
                ("size.as_of", "Counted when", Text),
                ("size.note", "How they were counted", Text),
            ],
        }
    }

    /// The id of a field's label in the catalogue.
    fn label_id(self, key: &str) -> String {
        format!(
            "serve-field-{}-{}",
            self.name(),
            key.replace(['.', '_'], "-")
        )
    }

    /// A field's label in the page's language, for what a save says of it.
    fn label(self, key: &str) -> String {
        crate::serve::words::t(&self.label_id(key), &[])
    }

    fn anchor(self, slug: &str, id: &str) -> String {
        match self {
            Kind::Population | Kind::Map => pop_href(slug),
            Kind::Session => format!("/session/{}", percent_encode(slug)),
            Kind::Improvement => format!(
                "{}/improvements#improvement-{}",
                pop_href(slug),
                percent_encode(id)
            ),
            _ => format!("{}#{}-{}", pop_href(slug), self.name(), percent_encode(id)),
        }
    }
}

/// Keys a persona keeps under `figures:`.
const FIGURES: &[&str] = &[
    "share_percent",
    "contacts_per_year",
    "annual_cost",
    "currency",
];

/// One choice of a list field.
#[derive(Debug, Clone, Serialize)]
struct Choice {
    id: String,
    title: String,
}

/// A field as the page shows it.
#[derive(Debug, Clone, Default, Serialize)]
struct Shown {
    key: &'static str,
    label: &'static str,
    shape: &'static str,
    value: String,
    values: Vec<String>,
    choices: Vec<Choice>,
    /// The fingerprint of the field as the form was made from it.
    fp: String,
    /// In a conflict: the value on disk now.
    theirs: Option<String>,
}

fn shape_name(shape: Shape) -> &'static str {
    match shape {
        Shape::Text | Shape::Number => "text",
        Shape::Required => "required",
        Shape::Long | Shape::Lines => "long",
        Shape::Commas => "text",
        Shape::Many | Shape::Several => "many",
        Shape::One => "one",
        Shape::Maybe => "maybe",
    }
}

/// A page's state: the fields as shown, the problem, the conflict.
#[derive(Default)]
struct State {
    fields: Vec<Shown>,
    problem: Option<String>,
    conflict: bool,
    /// A step's perspectives changed on both sides: what is on disk now.
    note_clashes: BTreeMap<String, Option<String>>,
    /// A step's perspectives changed on disk only: what is on disk now.
    note_theirs: BTreeMap<String, Option<String>>,
}

/// The name of a form field holding a step's note for a perspective.
fn note_field(perspective: &str) -> String {
    format!("perspective.{perspective}")
}

#[cfg(test)]
mod label_tests {
    use super::*;

    /// Every field of every record form has its label in the catalogue
    /// (the form cannot be shown without it).
    #[test]
    fn every_record_field_has_its_label_in_the_catalogue() {
        let catalogue = crate::i18n::Catalogue::builtin(crate::i18n::Lang::En);
        let mut missing = Vec::new();
        for kind in [
            Kind::Step,
            Kind::Measure,
            Kind::Improvement,
            Kind::Persona,
            Kind::Population,
            Kind::Session,
            Kind::Map,
        ] {
            for (key, _, _) in kind.fields() {
                let id = kind.label_id(key);
                if !catalogue.has(&id) {
                    missing.push(id);
                }
            }
        }
        assert!(missing.is_empty(), "no message for {missing:?}");
    }
}
