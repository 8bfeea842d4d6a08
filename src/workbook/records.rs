//! The structured records of a population: the population itself, personas,
//! the process map and the value compass, built from their checked trees.

use serde::Serialize;

use crate::node::Node;
use crate::source::Source;
use crate::workbook::Loc;

/// How many people a population counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Size {
    /// The number of people.
    pub people: Option<i64>,
    /// When they were counted.
    pub as_of: Option<String>,
    /// Where the number comes from.
    pub note: Option<String>,
}

/// A member of the improvement team.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TeamMember {
    /// The role, e.g. `patient-partner`.
    pub role: String,
    /// A name or description.
    pub name: Option<String>,
}

/// `population.toml`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PopulationInfo {
    /// The population's name.
    pub name: String,
    /// Who they are.
    pub description: String,
    /// Where care happens.
    pub setting: Option<String>,
    /// How many people.
    pub size: Option<Size>,
    /// Demographic figures, label and value.
    pub figures: Vec<(String, String)>,
    /// The team.
    pub team: Vec<TeamMember>,
}

impl PopulationInfo {
    /// Builds the record from its checked tree.
    pub fn from_node(node: &Node) -> PopulationInfo {
        PopulationInfo {
            name: node.string("name").unwrap_or_default(),
            description: node.string("description").unwrap_or_default(),
            setting: node.string("setting"),
            size: node.get("size").map(|s| Size {
                people: s.int("people"),
                as_of: s.string("as_of"),
                note: s.string("note"),
            }),
            figures: node
                .array("figure")
                .iter()
                .filter_map(|f| Some((f.string("label")?, f.string("value")?)))
                .collect(),
            team: node
                .array("team")
                .iter()
                .filter_map(|t| {
                    Some(TeamMember {
                        role: t.string("role")?,
                        name: t.string("name"),
                    })
                })
                .collect(),
        }
    }
}

/// Figures of the segment a persona stands for.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Figures {
    /// Share of the population, in percent.
    pub share_percent: Option<f64>,
    /// Contacts with care per year.
    pub contacts_per_year: Option<f64>,
    /// Cost per person per year.
    pub annual_cost: Option<f64>,
    /// Currency of the cost.
    pub currency: Option<String>,
}

/// A persona.
#[derive(Debug, Clone, Serialize)]
pub struct Persona {
    /// The slug (file name without `.md`).
    pub slug: String,
    /// The file, relative to the workbook.
    pub file: String,
    /// The persona's name.
    pub name: String,
    /// Its kind, e.g. `patient`.
    pub kind: String,
    /// The segment it stands for.
    pub segment: Option<String>,
    /// Figures of the segment.
    pub figures: Figures,
    /// Whether it is marked composite (None when the key is missing).
    pub composite: Option<bool>,
    /// The narrative, Markdown.
    pub body: String,
    /// Where the front matter starts.
    #[serde(skip)]
    pub loc: Loc,
}

impl Persona {
    /// Builds a persona from its front matter and body.
    pub fn from_parts(slug: &str, file: &str, node: &Node, body: &str, loc: Loc) -> Persona {
        let figures = node.get("figures");
        let num = |k: &str| figures.and_then(|f| f.number(k));
        Persona {
            slug: slug.to_string(),
            file: file.to_string(),
            name: node.string("name").unwrap_or_else(|| slug.to_string()),
            kind: node.string("kind").unwrap_or_default(),
            segment: node.string("segment"),
            figures: Figures {
                share_percent: num("share_percent"),
                contacts_per_year: num("contacts_per_year"),
                annual_cost: num("annual_cost"),
                currency: figures.and_then(|f| f.string("currency")),
            },
            composite: node.bool("composite"),
            body: crate::workbook::answers::strip_comments(body)
                .trim()
                .to_string(),
            loc,
        }
    }
}

/// A reference to a persona from a process step, with where it is written.
#[derive(Debug, Clone, Serialize)]
pub struct PersonaRef {
    /// The slug named.
    pub slug: String,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// One step of the process map.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessStep {
    /// Stable id.
    pub id: String,
    /// What happens.
    pub title: String,
    /// Who takes part.
    pub actors: Vec<String>,
    /// The level of coproduction today.
    pub coproduction: String,
    /// An improvement opportunity.
    pub opportunity: Option<String>,
    /// Configurations it belongs to.
    pub configurations: Vec<String>,
    /// Personas it concerns.
    pub personas: Vec<PersonaRef>,
    /// A note per perspective.
    pub perspectives: Vec<(String, String)>,
    /// Where the step's id is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// `process-map.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessMap {
    /// The file, relative to the workbook.
    pub file: String,
    /// The perspectives the map is drawn from.
    pub perspectives: Vec<String>,
    /// The steps, in order.
    pub steps: Vec<ProcessStep>,
    /// Where the file starts.
    #[serde(skip)]
    pub loc: Loc,
}

impl ProcessMap {
    /// Builds the process map from its checked tree.
    pub fn from_node(node: &Node, source: &Source) -> ProcessMap {
        let file = source.file.clone();
        let steps = node
            .array("step")
            .iter()
            .map(|s| {
                let id_span = s.get("id").map_or(s.span.clone(), |n| n.span.clone());
                ProcessStep {
                    id: s.string("id").unwrap_or_default(),
                    title: s.string("title").unwrap_or_default(),
                    actors: s.strings("actors"),
                    coproduction: s.string("coproduction").unwrap_or_default(),
                    opportunity: s.string("opportunity").filter(|o| !o.trim().is_empty()),
                    configurations: s.strings("configurations"),
                    personas: s
                        .array("personas")
                        .iter()
                        .filter_map(|p| match &p.value {
                            crate::node::Value::Str(slug) => Some(PersonaRef {
                                slug: slug.clone(),
                                loc: Loc::of_span(source, p.span.clone()),
                            }),
                            _ => None,
                        })
                        .collect(),
                    perspectives: s.string_map("perspectives"),
                    loc: Loc::of_span(source, id_span),
                }
            })
            .collect();
        ProcessMap {
            file,
            perspectives: node.strings("perspectives"),
            steps,
            loc: Loc::of_content(source),
        }
    }
}

/// A measure of the value compass.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// Stable id.
    pub id: String,
    /// What it tracks: `outcome` (the default), `process` or `balancing`.
    pub kind: String,
    /// Its quadrant (outcome measures; empty when none is written).
    pub quadrant: String,
    /// How often it is taken: `weekly`, `monthly`, `quarterly`, `yearly`.
    pub frequency: Option<String>,
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
    /// The unit of its values.
    pub unit: Option<String>,
    /// Which way is better: `higher` or `lower`.
    pub direction: Option<String>,
    /// The value aimed for, as a number.
    pub target_value: Option<f64>,
    /// The values over time, as written (oldest first).
    pub values: Vec<MeasureValue>,
    /// The shared measure domain of a network it belongs to.
    pub domain: Option<String>,
    /// Where its id is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// One dated value of a measure.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureValue {
    /// When, YYYY-MM-DD as written.
    pub date: String,
    /// The value.
    pub value: f64,
    /// What explains it.
    pub note: Option<String>,
    /// Where it comes from.
    pub source: Option<String>,
    /// Where its date is written.
    #[serde(skip)]
    pub loc: Loc,
}

impl MeasureValue {
    /// The date, when it is a real one.
    pub fn day(&self) -> Option<crate::date::Date> {
        crate::date::parse_date(&self.date)
    }
}

/// The kind of a measure of the value compass, the default.
pub const OUTCOME: &str = "outcome";

/// Whether a measure of this kind is an outcome measure: `outcome`, and a
/// kind covalue does not know (reported as CV005), so that the measure is
/// still shown in its quadrant.
pub fn is_outcome_kind(kind: &str) -> bool {
    kind == OUTCOME || !MEASURE_KINDS.iter().any(|(id, _, _)| *id == kind)
}

/// Each kind of measure with its title and what it is, in the words the
/// reports print above its group.
pub const MEASURE_KINDS: &[(&str, &str, &str)] = &[
    (
        "outcome",
        "Outcome measures",
        "Outcome measures show the results that matter to the people served, in the four quadrants of the value compass.",
    ),
    (
        "process",
        "Process measures",
        "Process measures show whether the work is done as planned, such as safety tests taken on time.",
    ),
    (
        "balancing",
        "Balancing measures",
        "Balancing measures watch for what could get worse elsewhere as a result of the change, such as days without medicine.",
    ),
];

/// Each kind of measure with the title a form's list shows.
pub const MEASURE_KIND_TITLES: &[(&str, &str)] = &[
    ("outcome", "outcome (in a quadrant of the value compass)"),
    ("process", "process (how the work is done)"),
    ("balancing", "balancing (what could get worse)"),
];

impl Measure {
    /// Whether it is an outcome measure, shown in its compass quadrant.
    pub fn is_outcome(&self) -> bool {
        is_outcome_kind(&self.kind)
    }

    /// The number of days between two values its frequency stands for.
    pub fn frequency_days(&self) -> Option<i64> {
        frequency_days(self.frequency.as_deref()?)
    }

    /// The latest value, if any.
    pub fn latest(&self) -> Option<&MeasureValue> {
        self.values.last()
    }

    /// A value with its unit, as people write it: `14 %`, `3 days`.
    pub fn show(&self, value: f64) -> String {
        let n = if value.fract() == 0.0 && value.abs() < 1e15 {
            format!("{}", value as i64)
        } else {
            format!("{value:.2}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        };
        match self.unit.as_deref() {
            Some("%") => format!("{n} %"),
            Some(unit) if !unit.is_empty() => format!("{n} {unit}"),
            _ => n,
        }
    }
}

/// `value-compass.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Compass {
    /// The file, relative to the workbook.
    pub file: String,
    /// The measures, in file order.
    pub measures: Vec<Measure>,
    /// Where the file starts.
    #[serde(skip)]
    pub loc: Loc,
}

impl Compass {
    /// Builds the compass from its checked tree.
    pub fn from_node(node: &Node, source: &Source) -> Compass {
        let measures = node
            .array("measure")
            .iter()
            .map(|m| Measure {
                id: m.string("id").unwrap_or_default(),
                kind: m.string("kind").unwrap_or_else(|| OUTCOME.to_string()),
                quadrant: m.string("quadrant").unwrap_or_default(),
                frequency: m.string("frequency"),
                name: m.string("name").unwrap_or_default(),
                definition: m.string("definition").filter(|d| !d.trim().is_empty()),
                data_source: m.string("data_source"),
                baseline: m.string("baseline"),
                target: m.string("target"),
                unit: m.string("unit"),
                direction: m.string("direction"),
                target_value: m.number("target_value"),
                domain: m.string("domain"),
                values: m
                    .array("value")
                    .iter()
                    .map(|v| MeasureValue {
                        date: v.date("date").unwrap_or_default(),
                        value: v.number("value").unwrap_or(f64::NAN),
                        note: v.string("note"),
                        source: v.string("source"),
                        loc: Loc::of_span(
                            source,
                            v.get("date").map_or(v.span.clone(), |n| n.span.clone()),
                        ),
                    })
                    .collect(),
                loc: Loc::of_span(
                    source,
                    m.get("id").map_or(m.span.clone(), |n| n.span.clone()),
                ),
            })
            .collect();
        Compass {
            file: source.file.clone(),
            measures,
            loc: Loc::of_content(source),
        }
    }
}

/// The number of days a frequency stands for: a week, a month of 30 days, a
/// quarter of 91 and a year of 365.
pub fn frequency_days(frequency: &str) -> Option<i64> {
    match frequency {
        "weekly" => Some(7),
        "monthly" => Some(30),
        "quarterly" => Some(91),
        "yearly" => Some(365),
        _ => None,
    }
}
