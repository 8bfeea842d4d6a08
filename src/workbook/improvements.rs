//! A population's register of improvements, `improvements.toml`: each
//! improvement with the steps, configurations, personas and measures it
//! concerns, its cluster of opportunity, owner and status over time; and the
//! process-map opportunities the team decided not to take up.

use serde::Serialize;

use crate::date::{Date, parse_date};
use crate::node::{Node, Value};
use crate::source::Source;
use crate::workbook::Loc;

/// A name in a list with where it is written.
#[derive(Debug, Clone, Serialize)]
pub struct Ref {
    /// The name (an id or a slug).
    pub name: String,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// A status an improvement reached, and when.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChange {
    /// The status (`testing`, …).
    pub state: String,
    /// When, YYYY-MM-DD as written.
    pub date: String,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

impl StatusChange {
    /// The date, when it is a real one.
    pub fn day(&self) -> Option<Date> {
        parse_date(&self.date)
    }
}

/// One improvement.
#[derive(Debug, Clone, Serialize)]
pub struct Improvement {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its clusters of opportunity (`cluster = "…"` or a list), in the
    /// order written.
    pub clusters: Vec<String>,
    /// The process-map steps it concerns.
    pub steps: Vec<Ref>,
    /// The value configurations it concerns.
    pub configurations: Vec<String>,
    /// The personas it concerns.
    pub personas: Vec<Ref>,
    /// Who leads it.
    pub owner: Option<String>,
    /// The measures that will show whether it is an improvement.
    pub measures: Vec<Ref>,
    /// Anything else.
    pub note: Option<String>,
    /// What the team learnt from it, in its own words (Markdown).
    pub learning: Option<String>,
    /// Why other sites could learn from it, when the team marks it as an
    /// exemplar for a network.
    pub exemplar: Option<String>,
    /// Its statuses over time, as written.
    pub status: Vec<StatusChange>,
    /// Where its id is written.
    #[serde(skip)]
    pub loc: Loc,
}

impl Improvement {
    /// Whether it names this cluster of opportunity.
    pub fn in_cluster(&self, id: &str) -> bool {
        self.clusters.iter().any(|c| c == id)
    }

    /// Its status now (the last one written), if any.
    pub fn current(&self) -> Option<&StatusChange> {
        self.status.last()
    }
}

/// An opportunity of the process map that is not taken up.
#[derive(Debug, Clone, Serialize)]
pub struct NotTakenUp {
    /// The step.
    pub step: Ref,
    /// Why not.
    pub reason: String,
}

/// `improvements.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Improvements {
    /// The file, relative to the workbook.
    pub file: String,
    /// The improvements, in file order.
    pub improvements: Vec<Improvement>,
    /// The opportunities not taken up.
    pub not_taken_up: Vec<NotTakenUp>,
}

/// The strings of a list with where each is written.
fn refs(node: &Node, key: &str, source: &Source) -> Vec<Ref> {
    node.array(key)
        .iter()
        .filter_map(|n| match &n.value {
            Value::Str(s) => Some(Ref {
                name: s.clone(),
                loc: Loc::of_span(source, n.span.clone()),
            }),
            _ => None,
        })
        .collect()
}

impl Improvements {
    /// Builds the register from its checked tree.
    pub fn from_node(node: &Node, source: &Source) -> Improvements {
        let at = |n: &Node, key: &str| {
            Loc::of_span(
                source,
                n.get(key).map_or(n.span.clone(), |k| k.span.clone()),
            )
        };
        Improvements {
            file: source.file.clone(),
            improvements: node
                .array("improvement")
                .iter()
                .map(|i| Improvement {
                    id: i.string("id").unwrap_or_default(),
                    title: i.string("title").unwrap_or_default(),
                    clusters: match i.string("cluster") {
                        Some(one) => vec![one],
                        None => i.strings("cluster"),
                    },
                    steps: refs(i, "steps", source),
                    configurations: i.strings("configurations"),
                    personas: refs(i, "personas", source),
                    owner: i.string("owner"),
                    measures: refs(i, "measures", source),
                    note: i.string("note"),
                    learning: i.string("learning"),
                    exemplar: i.string("exemplar"),
                    status: i
                        .array("status")
                        .iter()
                        .map(|s| StatusChange {
                            state: s.string("state").unwrap_or_default(),
                            date: s.date("date").unwrap_or_default(),
                            loc: at(s, "date"),
                        })
                        .collect(),
                    loc: at(i, "id"),
                })
                .collect(),
            not_taken_up: node
                .array("not_taken_up")
                .iter()
                .map(|n| NotTakenUp {
                    step: Ref {
                        name: n.string("step").unwrap_or_default(),
                        loc: at(n, "step"),
                    },
                    reason: n.string("reason").unwrap_or_default(),
                })
                .collect(),
        }
    }
}
