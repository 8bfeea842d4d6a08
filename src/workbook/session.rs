//! Session records: one TOML file per team session under `sessions/`, with
//! its date, people, the populations and steps in focus, decisions and
//! actions. `covalue session new` writes them; `check` validates them.
//! A community's own sessions (`sessions/` in a network folder) are the
//! same record with a kind of meeting, the sites present, each attendee's
//! site and what each site presented (`covalue network session new`).

use serde::Serialize;

use crate::date::{Date, parse_date};
use crate::node::Node;
use crate::source::Source;
use crate::workbook::Loc;

/// One person at a session.
#[derive(Debug, Clone, Serialize)]
pub struct Attendee {
    /// Their name or role, as the team records it.
    pub name: String,
    /// Their role (`patient-partner`, `clinical`, …).
    pub role: String,
    /// Their site, at a community session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Named>,
}

/// Something a site presented at a community session.
#[derive(Debug, Clone, Serialize)]
pub struct Presentation {
    /// What was presented.
    pub title: String,
    /// The site that presented.
    pub site: Option<Named>,
    /// The guide's question it was about.
    pub question: Option<String>,
    /// The site's improvement it was about.
    pub improvement: Option<String>,
    /// What the others took from it.
    pub note: Option<String>,
}

/// Something someone will do, by when.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// What will be done.
    pub what: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// By when.
    #[serde(serialize_with = "date_text")]
    pub due: Option<Date>,
    /// Whether it is done.
    pub done: bool,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// A name in a list (a step or a population) with where it is written.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    /// The name.
    pub name: String,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// One session record.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    /// The file, relative to the workbook (`sessions/2026-12-03-access.toml`).
    pub file: String,
    /// The file name without `.toml`, which names the session.
    pub name: String,
    /// The day of the session.
    #[serde(serialize_with = "date_text")]
    pub date: Option<Date>,
    /// What it is about.
    pub title: Option<String>,
    /// Who leads it.
    pub facilitator: Option<String>,
    /// Who writes down the answers.
    pub note_taker: Option<String>,
    /// The populations worked on.
    pub populations: Vec<Named>,
    /// The guide's steps in focus.
    pub focus: Vec<Named>,
    /// The git commit the workbook was at when the session was prepared.
    pub revision: Option<String>,
    /// The people there.
    pub attendees: Vec<Attendee>,
    /// What the team decided.
    pub decisions: Vec<String>,
    /// What someone will do.
    pub actions: Vec<Action>,
    /// The kind of a community session (webinar, in-person, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The sites present at a community session.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Named>,
    /// Each site's fetched commit when a community session was prepared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<(String, String)>,
    /// What sites presented at a community session.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub presented: Vec<Presentation>,
    /// Where the record starts (for findings about it as a whole).
    #[serde(skip)]
    pub loc: Loc,
    /// Where the attendees are listed (or the start of the file).
    #[serde(skip)]
    pub attendees_loc: Loc,
    /// Where the date is written (or the start of the file).
    #[serde(skip)]
    pub date_loc: Loc,
}

fn date_text<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_some(&crate::date::format(*d)),
        None => s.serialize_none(),
    }
}

impl Session {
    /// Reads a session record from its checked TOML.
    pub fn from_node(node: &Node, source: &Source, name: &str) -> Session {
        let at = |n: &Node| Loc::of_span(source, n.span.clone());
        let named = |key: &str| -> Vec<Named> {
            node.array(key)
                .iter()
                .filter_map(|n| match &n.value {
                    crate::node::Value::Str(name) => Some(Named {
                        name: name.clone(),
                        loc: at(n),
                    }),
                    _ => None,
                })
                .collect()
        };
        let start = Loc::of_line(source, 1);
        let site = |n: &Node| {
            n.get("site").and_then(|v| match &v.value {
                crate::node::Value::Str(name) => Some(Named {
                    name: name.clone(),
                    loc: at(v),
                }),
                _ => None,
            })
        };
        Session {
            file: source.file.clone(),
            name: name.to_string(),
            date: node.date("date").and_then(|d| parse_date(&d)),
            title: node.string("title"),
            facilitator: node.string("facilitator"),
            note_taker: node.string("note_taker"),
            populations: named("populations"),
            focus: named("focus"),
            revision: node.string("revision"),
            attendees: node
                .array("attendees")
                .iter()
                .map(|a| Attendee {
                    name: a.string("name").unwrap_or_default(),
                    role: a.string("role").unwrap_or_default(),
                    site: site(a),
                })
                .collect(),
            decisions: node.strings("decisions"),
            actions: node
                .array("actions")
                .iter()
                .map(|a| Action {
                    what: a.string("what").unwrap_or_default(),
                    owner: a.string("owner"),
                    due: a.date("due").and_then(|d| parse_date(&d)),
                    done: a.bool("done").unwrap_or(false),
                    loc: at(a),
                })
                .collect(),
            kind: node.string("kind"),
            sites: named("sites"),
            revisions: node
                .get("revisions")
                .map(|r| {
                    r.entries()
                        .iter()
                        .filter_map(|(k, v)| match &v.value {
                            crate::node::Value::Str(c) => Some((k.name.clone(), c.clone())),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            presented: node
                .array("presented")
                .iter()
                .map(|p| Presentation {
                    title: p.string("title").unwrap_or_default(),
                    site: site(p),
                    question: p.string("question"),
                    improvement: p.string("improvement"),
                    note: p.string("note"),
                })
                .collect(),
            date_loc: node
                .get("date")
                .map_or_else(|| start.clone(), |d| Loc::of_span(source, d.span.clone())),
            attendees_loc: node
                .key("attendees")
                .map_or_else(|| start.clone(), |k| Loc::of_span(source, k.span.clone())),
            loc: start,
        }
    }

    /// Whether a patient or family partner was there.
    pub fn has_partner(&self, guide: &crate::guide::Guide) -> bool {
        self.attendees
            .iter()
            .any(|a| guide.is_partner_role(&a.role))
    }
}
