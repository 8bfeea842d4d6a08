//! The records of a population in `covalue serve`: process-map steps,
//! measures of the value compass (with their dated values and run chart),
//! the register of improvements (with each status and its date) and
//! personas; each can be read, edited and added from the browser.
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
use std::path::{Path, PathBuf};

use minijinja::{Value, context};
use serde::Serialize;

use super::Reply;
use super::auth::{field, percent_encode};
use super::edit::{self, EditError, Field};
use super::pages::{Site, error_page, not_found, pop_href, ser, title};
use super::splice;
use crate::finding::Severity;
use crate::node::{self, Node};
use crate::source::ReadError;
use crate::workbook::{Disk, Files, Loader, Population, Workbook, layout};

/// The templates of the record pages.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("record.html", include_str!("templates/record.html")),
    (
        "improvements.html",
        include_str!("templates/improvements.html"),
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
            Kind::Population | Kind::Session => "",
            _ => self.name(),
        }
    }

    /// The file, for the population `slug` (a session's name for a session).
    fn file(self, slug: &str) -> String {
        let name = match self {
            Kind::Session => return format!("{}/{slug}.toml", layout::SESSIONS_DIR),
            Kind::Step => layout::PROCESS_MAP_FILE,
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
                ("quadrant", "Quadrant", One),
                ("name", "Measure", Required),
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
                ("cluster", "Cluster of opportunity", One),
                ("steps", "Steps it concerns", Many),
                ("configurations", "Value configurations", Many),
                ("personas", "Personas it concerns", Many),
                ("owner", "Who leads it", Text),
                ("measures", "Measures that will show it", Many),
                ("note", "Note", Long),
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
            Kind::Population => &[
                ("name", "Name", Required),
                ("description", "Who they are", Long),
                ("setting", "Where care happens", Long),
            ],
        }
    }

    fn anchor(self, slug: &str, id: &str) -> String {
        match self {
            Kind::Population => pop_href(slug),
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
        Shape::Many => "many",
        Shape::One => "one",
        Shape::Maybe => "maybe",
    }
}

/// A value of a field, compared and fingerprinted as plain text (strings
/// unquoted, lists one item a line, numbers as written); None when empty.
type Plain = Option<String>;

fn fp(plain: &Plain) -> String {
    edit::fingerprint(plain.as_deref().unwrap_or("").as_bytes())
}

/// The plain value of a node of a TOML or YAML tree, as written in `text`.
fn plain_of(text: &str, node: Option<&Node>) -> Plain {
    let node = node?;
    let plain = match &node.value {
        node::Value::Str(s) => s.trim().to_string(),
        node::Value::Array(items) => items
            .iter()
            .filter_map(|i| match &i.value {
                node::Value::Str(s) => Some(s.clone()),
                _ => text.get(i.span.clone()).map(str::to_string),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => text.get(node.span.clone()).unwrap_or("").trim().to_string(),
    };
    (!plain.is_empty()).then_some(plain)
}

/// The plain value a form gives a field, checked; the list fields keep
/// the order on disk when they hold the same names.
fn plain_of_form(
    form: &[(String, String)],
    spec: Spec,
    choices: &[Choice],
    current: &Plain,
) -> Result<Plain, String> {
    let (key, label, shape) = spec;
    let typed = field(form, key).unwrap_or("").replace("\r\n", "\n");
    let typed = typed.trim();
    let is_choice = |v: &str| choices.iter().any(|c| c.id == v);
    let plain = match shape {
        Shape::Text | Shape::Long => typed.to_string(),
        Shape::Lines => typed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        Shape::Required if typed.is_empty() => {
            return Err(format!(
                "write the {}: it may not be empty",
                label.to_lowercase()
            ));
        }
        Shape::Required => typed.to_string(),
        Shape::Number if typed.is_empty() => String::new(),
        Shape::Number => match typed.parse::<f64>() {
            Ok(n) if n.is_finite() && !typed.starts_with(['+', '.']) && !typed.ends_with('.') => {
                typed.to_string()
            }
            _ => {
                return Err(format!(
                    "{label}: `{typed}` is not a number; write digits, such as 21 or 3.5"
                ));
            }
        },
        Shape::One | Shape::Maybe if typed.is_empty() && shape == Shape::Maybe => String::new(),
        Shape::One | Shape::Maybe if !is_choice(typed) => {
            return Err(format!("{label}: choose one of the list"));
        }
        Shape::One | Shape::Maybe => typed.to_string(),
        Shape::Commas => {
            let items: Vec<&str> = typed
                .split([',', '\n'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            // A name holding a comma stays one while the text is unchanged.
            match current {
                Some(c) if c.split('\n').collect::<Vec<_>>().join(", ") == typed => c.clone(),
                _ => items.join("\n"),
            }
        }
        Shape::Many => {
            let mut ticked: Vec<String> = form
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            // A name on disk that is not in the list (a persona since
            // renamed) may stay; `check` says what is wrong with it.
            let on_disk = |v: &str| {
                current
                    .as_deref()
                    .is_some_and(|c| c.split('\n').any(|x| x == v))
            };
            if let Some(bad) = ticked.iter().find(|v| !is_choice(v) && !on_disk(v)) {
                return Err(format!("{label}: `{bad}` is not one of the list"));
            }
            if let Some(c) = current {
                let mut on_disk: Vec<&str> = c.split('\n').collect();
                let mut asked: Vec<&str> = ticked.iter().map(String::as_str).collect();
                on_disk.sort_unstable();
                asked.sort_unstable();
                if on_disk == asked {
                    ticked = c.split('\n').map(str::to_string).collect();
                }
            }
            ticked.join("\n")
        }
    };
    Ok((!plain.is_empty()).then_some(plain))
}

/// A plain value written as TOML.
fn toml_literal(shape: Shape, plain: &str) -> String {
    match shape {
        Shape::Commas | Shape::Many | Shape::Lines => {
            let items: Vec<String> = plain.split('\n').map(str::to_string).collect();
            edit::toml_list(&items)
        }
        Shape::Number => plain.to_string(),
        _ => edit::toml_string(plain),
    }
}

/// A plain value written as YAML (front matter of a persona).
fn yaml_literal(shape: Shape, plain: &str) -> String {
    match shape {
        Shape::Number => plain.to_string(),
        // The guide's ids are slugs: written bare, as people write them.
        Shape::One if layout::is_slug(plain) => plain.to_string(),
        _ => serde_json::to_string(plain).unwrap_or_else(|_| "\"\"".into()),
    }
}

/// What a save found: the fields to write, or those changed on both sides.
struct Merge {
    writes: Vec<(Spec, Plain)>,
    clashes: BTreeMap<&'static str, Plain>,
    /// Fields changed on disk that the form left as it showed them.
    theirs_kept: BTreeMap<&'static str, Plain>,
}

/// Compares each field's value in the form with the one on disk, through
/// the fingerprint the form was made with (`fp.KEY`).
fn merge(
    wanted: Vec<(Spec, Plain)>,
    on_disk: &dyn Fn(&str) -> Plain,
    form: &[(String, String)],
) -> Merge {
    let mut m = Merge {
        writes: Vec::new(),
        clashes: BTreeMap::new(),
        theirs_kept: BTreeMap::new(),
    };
    for (spec, new) in wanted {
        let current = on_disk(spec.0);
        let seen = field(form, &format!("fp.{}", spec.0));
        match seen {
            Some(seen) if seen != fp(&current) => {
                if new == current {
                    continue;
                }
                if fp(&new) == seen {
                    m.theirs_kept.insert(spec.0, current);
                } else {
                    m.clashes.insert(spec.0, current);
                }
            }
            _ if new != current => m.writes.push((spec, new)),
            _ => {}
        }
    }
    m
}

/// The workbook's files with one file's text replaced (or added): what
/// the loader would read after a save.
struct WithFile {
    disk: Disk,
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Files for WithFile {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        match path == self.path {
            true => Ok(self.bytes.clone()),
            false => self.disk.read(path),
        }
    }

    fn list_dir(&self, path: &Path) -> std::io::Result<Vec<String>> {
        let mut names = self.disk.list_dir(path)?;
        if self.path.parent() == Some(path) {
            if let Some(name) = self.path.file_name().and_then(|n| n.to_str()) {
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
        }
        Ok(names)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.disk.is_dir(path)
    }

    fn exists(&self, path: &Path) -> bool {
        path == self.path || self.disk.exists(path)
    }

    fn is_symlink(&self, path: &Path) -> bool {
        self.disk.is_symlink(path)
    }
}

/// A page's state: the fields as shown, the problem, the conflict.
struct State {
    fields: Vec<Shown>,
    problem: Option<String>,
    conflict: bool,
}

impl Site {
    /// Errors the loader finds in `file` with `text` in it that it does
    /// not find now: the first, said with its place, or None.
    fn loader_refuses(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        file: &str,
        text: &str,
    ) -> Option<String> {
        let errors = |p: &Population| -> Vec<crate::finding::Finding> {
            p.findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.file.as_deref() == Some(file))
                .cloned()
                .collect()
        };
        let before = errors(pop);
        let files = WithFile {
            disk: Disk::at(&self.root),
            path: self.root.join(file),
            bytes: text.as_bytes().to_vec(),
        };
        let loader = Loader::new(&files, &self.root);
        let after = match file.starts_with(layout::SESSIONS_DIR) {
            true => {
                let mut findings = Vec::new();
                loader.sessions(&wb.guide, &mut findings);
                Population {
                    findings,
                    ..pop.clone()
                }
            }
            false => loader.population(&pop.slug, &wb.guide),
        };
        let new = errors(&after)
            .into_iter()
            .find(|e| !before.iter().any(|b| b.message == e.message))?;
        let (message, help) = (new.message, new.help);
        let place = match (new.line, new.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_string(),
        };
        let help = help.map(|h| format!(" ({h})")).unwrap_or_default();
        Some(format!(
            "Nothing was saved: the file would read wrong at {place}: {message}{help}."
        ))
    }

    /// What a record belongs to: its population, or, for a session
    /// record, a population standing in for the session (named by it,
    /// holding nothing but the findings on its file).
    fn subject(&self, wb: &Workbook<'_>, kind: Kind, slug: &str) -> Result<Population, Reply> {
        if kind != Kind::Session {
            return self.population_of(wb, slug);
        }
        let (sessions, findings) = wb.sessions();
        let session = sessions
            .into_iter()
            .find(|s| s.name == slug)
            .ok_or_else(not_found)?;
        Ok(Population {
            slug: session.name,
            dir: layout::SESSIONS_DIR.to_string(),
            info: None,
            personas: Vec::new(),
            process_map: None,
            compass: None,
            answers: Vec::new(),
            improvements: None,
            findings: findings
                .into_iter()
                .filter(|f| f.file.as_deref() == Some(session.file.as_str()))
                .collect(),
        })
    }

    /// The choices of a list field.
    fn choices(&self, wb: &Workbook<'_>, pop: &Population, kind: Kind, key: &str) -> Vec<Choice> {
        let terms = |list: &[crate::guide::Term]| {
            list.iter()
                .map(|t| Choice {
                    id: t.id.clone(),
                    title: t.title.clone(),
                })
                .collect()
        };
        let g = &wb.guide;
        match (kind, key) {
            (_, "coproduction") => terms(&g.coproduction_levels),
            (_, "configurations") => terms(&g.configurations),
            (_, "quadrant") => terms(&g.quadrants),
            (_, "cluster") => terms(&g.improvement_clusters),
            (_, "state") => terms(&g.improvement_statuses),
            (Kind::Population | Kind::Session, "role") => {
                let vocab = match kind {
                    Kind::Session => crate::spec::Vocab::AttendeeRole,
                    _ => crate::spec::Vocab::TeamRole,
                };
                crate::spec::Vocabularies::values(g, vocab)
                    .into_iter()
                    .map(|r| Choice {
                        title: r.replace('-', " "),
                        id: r,
                    })
                    .collect()
            }
            (Kind::Persona, "kind") => terms(&g.persona_kinds),
            (_, "direction") => ["higher", "lower"]
                .iter()
                .map(|d| Choice {
                    id: d.to_string(),
                    title: format!("{d} is better"),
                })
                .collect(),
            (_, "personas") => pop
                .personas
                .iter()
                .map(|p| Choice {
                    id: p.slug.clone(),
                    title: p.name.clone(),
                })
                .collect(),
            (_, "steps") => pop
                .process_map
                .iter()
                .flat_map(|m| &m.steps)
                .map(|s| Choice {
                    id: s.id.clone(),
                    title: s.title.clone(),
                })
                .collect(),
            (_, "measures") => pop
                .compass
                .iter()
                .flat_map(|c| &c.measures)
                .map(|m| Choice {
                    id: m.id.clone(),
                    title: m.name.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The fields of a record as on disk (`plain`), or empty for a new one.
    fn shown(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        plain: &dyn Fn(&str) -> Plain,
    ) -> Vec<Shown> {
        kind.fields()
            .iter()
            .map(|&(key, label, shape)| {
                let value = plain(key);
                Shown {
                    key,
                    label,
                    shape: shape_name(shape),
                    fp: fp(&value),
                    values: value
                        .iter()
                        .flat_map(|v| v.split('\n'))
                        .map(str::to_string)
                        .collect(),
                    value: match shape {
                        Shape::Commas => value
                            .as_deref()
                            .unwrap_or("")
                            .split('\n')
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => value.unwrap_or_default(),
                    },
                    choices: with_unknown(self.choices(wb, pop, kind, key), shape, plain(key)),
                    theirs: None,
                }
            })
            .collect()
    }

    /// The fields as the form sent them (what was typed, kept on a refusal).
    fn typed(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        form: &[(String, String)],
    ) -> Vec<Shown> {
        kind.fields()
            .iter()
            .map(|&(key, label, shape)| Shown {
                key,
                label,
                shape: shape_name(shape),
                value: field(form, key).unwrap_or("").to_string(),
                values: form
                    .iter()
                    .filter(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .collect(),
                choices: with_unknown(
                    self.choices(wb, pop, kind, key),
                    shape,
                    Some(
                        form.iter()
                            .filter(|(k, _)| k == key)
                            .map(|(_, v)| v.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                ),
                fp: field(form, &format!("fp.{key}")).unwrap_or("").to_string(),
                theirs: None,
            })
            .collect()
    }

    /// A record's page: `id` None for a new one.
    #[allow(clippy::too_many_arguments)]
    fn record_page(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        id: Option<&str>,
        state: State,
        form: &[(String, String)],
        csrf: &str,
        status: u16,
    ) -> Reply {
        let slug = pop.slug.as_str();
        let file = match (kind, id) {
            (Kind::Persona, Some(id)) => {
                pop.persona(id).map(|p| p.file.clone()).unwrap_or_default()
            }
            (Kind::Persona, None) => format!("{}/…", kind.file(slug)),
            _ => kind.file(slug),
        };
        let bytes = self.read(&file).ok().flatten();
        let hash = bytes.as_deref().map(edit::fingerprint).unwrap_or_default();
        // What the forms to move or remove a record remember of it.
        let record_fp = match (kind.arranged(), id, &bytes) {
            (true, Some(id), Some(b)) => {
                splice::record_text(&String::from_utf8_lossy(b), &file, kind.array(), id)
                    .map(|t| edit::fingerprint(t.as_bytes()))
            }
            _ => None,
        };
        let typed =
            |k: &str, default: String| field(form, k).map(str::to_string).unwrap_or(default);
        let today = crate::date::format(crate::date::today());
        let mut extra = match kind {
            Kind::Measure => context! { values => Vec::<Value>::new(), unit => "", chart => () },
            _ => context! {},
        };
        if let (Kind::Measure, Some(id)) = (kind, id) {
            if let Some(m) = pop
                .compass
                .iter()
                .flat_map(|c| &c.measures)
                .find(|m| m.id == id)
            {
                let values: Vec<Value> = m
                    .values
                    .iter()
                    .map(|v| context! { date => v.date.clone(), value => m.show(v.value), note => v.note.clone().unwrap_or_default() })
                    .collect();
                let chart = crate::render::chart::run_chart(
                    &format!("chart-{id}"),
                    m,
                    crate::render::svg::Scale::NORMAL,
                );
                extra = context! {
                    values => values, unit => m.unit.clone().unwrap_or_default(),
                    chart => chart.map(Value::from_safe_string),
                };
            }
        }
        if kind == Kind::Improvement {
            let history: Vec<Value> = id
                .and_then(|id| pop.improvements.as_ref()?.improvements.iter().find(|i| i.id == id))
                .map(|i| {
                    i.status
                        .iter()
                        .map(|s| context! { state => wb.guide.improvement_statuses.iter().find(|t| t.id == s.state).map_or(s.state.clone(), |t| t.title.clone()), date => s.date.clone() })
                        .collect()
                })
                .unwrap_or_default();
            extra = context! { history => history, states => ser(&self.choices(wb, pop, kind, "state")) };
        }
        if kind == Kind::Session {
            let session = wb.sessions().0.into_iter().find(|s| s.name == slug);
            let (attendees, actions) = session.map_or((Vec::new(), Vec::new()), |s| {
                let actions: Vec<Value> = s
                    .actions
                    .iter()
                    .map(|a| context! { what => a.what.clone(), owner => a.owner.clone().unwrap_or_default(), due => a.due.map(crate::date::format).unwrap_or_default(), done => a.done })
                    .collect();
                (s.attendees.iter().map(ser).collect::<Vec<_>>(), actions)
            });
            extra = context! {
                attendees => attendees, actions => actions,
                roles => ser(&self.choices(wb, pop, kind, "role")),
            };
        }
        if kind == Kind::Population {
            let info = pop.info.clone().unwrap_or_default();
            let figures: Vec<Value> = info
                .figures
                .iter()
                .map(|(label, value)| context! { label => label, value => value })
                .collect();
            extra = context! {
                figures => figures, team => ser(&info.team),
                roles => ser(&self.choices(wb, pop, kind, "role")),
            };
        }
        let heading = match (kind, id) {
            (Kind::Step, None) => "A new step".to_string(),
            (Kind::Measure, None) => "A new measure".to_string(),
            (Kind::Improvement, None) => "A new improvement".to_string(),
            (Kind::Persona, None) => "A new persona".to_string(),
            (Kind::Persona, Some(id)) => pop.persona(id).map_or(id.to_string(), |p| p.name.clone()),
            (Kind::Population, _) => format!("About {}", pop.name()),
            (Kind::Session, _) => format!("Session {slug}"),
            (_, Some(id)) => state
                .fields
                .iter()
                .find(|f| f.key == "title" || f.key == "name")
                .map_or(id.to_string(), |f| f.value.clone()),
        };
        let action = match id {
            _ if kind == Kind::Population => format!("{}/about", pop_href(slug)),
            _ if kind == Kind::Session => kind.anchor(slug, ""),
            Some(id) => format!("{}/{}/{}", pop_href(slug), kind.name(), percent_encode(id)),
            None => format!("{}/new/{}", pop_href(slug), kind.name()),
        };
        let back = match id {
            _ if kind == Kind::Session => "/".to_string(),
            Some(id) => kind.anchor(slug, id),
            None if kind == Kind::Improvement => format!("{}/improvements", pop_href(slug)),
            None => pop_href(slug),
        };
        self.page(
            status,
            "record.html",
            context! {
                title => title(wb),
                pop => match kind {
                    Kind::Session => context! { name => "", slug => "", href => "" },
                    _ => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                },
                kind => kind.name(), editing => id.is_some(), heading => heading,
                fields => ser(&state.fields), problem => state.problem, conflict => state.conflict,
                new_id => typed("id", String::new()),
                value => context! { date => typed("date", today.clone()), value => typed("value", String::new()), note => typed("note", String::new()),
                    state => typed("state", String::new()),
                    figure_label => typed("figure_label", String::new()), figure_value => typed("figure_value", String::new()),
                    team_role => typed("team_role", String::new()), team_name => typed("team_name", String::new()),
                    attendee_name => typed("attendee_name", String::new()), attendee_role => typed("attendee_role", String::new()),
                    action_what => typed("action_what", String::new()), action_owner => typed("action_owner", String::new()),
                    action_due => typed("action_due", String::new()), composite => id.is_none() && (form.is_empty() || field(form, "composite").is_some()) },
                extra => extra,
                file => file, hash => hash, csrf => csrf, action => action, back => back,
                record_fp => record_fp,
            },
        )
    }

    /// GET of a record's page, or of an empty one (`id` None).
    pub(super) fn record(&self, slug: &str, kind: Kind, id: Option<&str>, csrf: &str) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let fields = match id {
            None => self.shown(wb, &pop, kind, &|_| None),
            Some(id) => {
                let Some((text, node)) = or_reply!(self.on_disk(&pop, kind, id)) else {
                    return not_found();
                };
                self.shown(wb, &pop, kind, &|k| disk_plain(kind, &text, &node, k))
            }
        };
        let state = State {
            fields,
            problem: None,
            conflict: false,
        };
        self.record_page(wb, &pop, kind, id, state, &[], csrf, 200)
    }

    /// A record's file and tree as on disk: a TOML record, or a persona's
    /// front matter (its body is the story). None when there is no such record.
    fn on_disk(
        &self,
        pop: &Population,
        kind: Kind,
        id: &str,
    ) -> Result<Option<(String, Node)>, Reply> {
        let file = match kind {
            Kind::Persona => match pop.persona(id) {
                Some(p) => p.file.clone(),
                None => return Ok(None),
            },
            _ => kind.file(&pop.slug),
        };
        let Some(bytes) = self.read(&file)? else {
            return Ok(None);
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let source = crate::source::Source::new(&file, text.clone());
        if kind == Kind::Persona {
            let Ok(front) = node::parse_front_matter(&source) else {
                return Ok(None);
            };
            let story = text
                .get(front.body_start..)
                .unwrap_or("")
                .trim()
                .to_string();
            let mut node = front.node;
            if let node::Value::Table(entries) = &mut node.value {
                // The story as one more field, for the form.
                entries.push((
                    node::Key {
                        name: "story".into(),
                        span: 0..0,
                    },
                    Node {
                        value: node::Value::Str(story),
                        span: 0..0,
                    },
                ));
            }
            return Ok(Some((text, node)));
        }
        let Ok(root) = node::parse_toml(&source) else {
            return Ok(None);
        };
        Ok(edit::record(&root, kind.array(), id)
            .cloned()
            .map(|n| (text, n)))
    }

    /// POST of a record's page: the fields, merged with what is on disk.
    pub(super) fn save_record(
        &self,
        slug: &str,
        kind: Kind,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let refuse = |why: String, status: u16| {
            let state = State {
                fields: self.typed(wb, &pop, kind, form),
                problem: Some(why),
                conflict: false,
            };
            self.record_page(wb, &pop, kind, Some(id), state, form, csrf, status)
        };
        if kind == Kind::Persona && pop.persona(id).is_none() {
            // Not a persona of the workbook (a link out of it is none).
            return not_found();
        }
        let Some((text, node)) = or_reply!(self.on_disk(&pop, kind, id)) else {
            return refuse(
                format!(
                    "Nothing was saved: the {} `{id}` is not in the workbook any more (someone removed it or changed its id). Copy what you typed, then add it again.",
                    kind.name()
                ),
                409,
            );
        };
        let on_disk = |k: &str| disk_plain(kind, &text, &node, k);
        let mut wanted = Vec::new();
        for &spec in kind.fields() {
            let choices = self.choices(wb, &pop, kind, spec.0);
            match plain_of_form(form, spec, &choices, &on_disk(spec.0)) {
                Ok(p) => wanted.push((spec, p)),
                Err(why) => return refuse(format!("Nothing was saved: {why}."), 422),
            }
        }
        let merged = merge(wanted, &on_disk, form);
        if !merged.clashes.is_empty() {
            let mut fields = self.typed(wb, &pop, kind, form);
            for f in &mut fields {
                if let Some(theirs) = merged.clashes.get(f.key) {
                    f.theirs = Some(theirs.clone().unwrap_or_default().replace('\n', ", "));
                    f.fp = fp(theirs);
                }
                if let Some(theirs) = merged.theirs_kept.get(f.key) {
                    f.value = theirs.clone().unwrap_or_default();
                    f.values = theirs
                        .iter()
                        .flat_map(|v| v.split('\n'))
                        .map(str::to_string)
                        .collect();
                    f.fp = fp(theirs);
                }
            }
            let names: Vec<&str> = kind
                .fields()
                .iter()
                .filter(|s| merged.clashes.contains_key(s.0))
                .map(|s| s.1)
                .collect();
            let state = State {
                fields,
                problem: Some(format!(
                    "Not saved: someone changed {} of this {} while you were writing. Both versions are shown at each field; yours is still in the form. Save again to keep yours.",
                    names.join(", "),
                    kind.name()
                )),
                conflict: true,
            };
            return self.record_page(wb, &pop, kind, Some(id), state, form, csrf, 409);
        }
        let file = match kind {
            Kind::Persona => pop.persona(id).map(|p| p.file.clone()).unwrap_or_default(),
            _ => kind.file(slug),
        };
        let new = match self.apply(kind, id, &file, &text, &merged.writes, form) {
            Ok(new) => new,
            Err(e) => return refuse(format!("Nothing was saved: {e}."), 422),
        };
        self.finish(
            wb,
            &pop,
            &file,
            &text,
            &new,
            &kind.anchor(slug, id),
            &refuse,
        )
    }

    /// Checks a new text with the loader, writes it, and sends the browser on.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        file: &str,
        old: &str,
        new: &str,
        back: &str,
        refuse: &dyn Fn(String, u16) -> Reply,
    ) -> Reply {
        let mut reply = Reply::redirect(back);
        if new == old {
            return reply;
        }
        if let Some(why) = self.loader_refuses(wb, pop, file, new) {
            return refuse(why, 422);
        }
        if let Err(r) = self.write(file, new) {
            return r;
        }
        reply.written.push(file.to_string());
        reply
    }

    /// The splices of a save: the fields, then a new value or status.
    fn apply(
        &self,
        kind: Kind,
        id: &str,
        file: &str,
        text: &str,
        writes: &[(Spec, Plain)],
        form: &[(String, String)],
    ) -> Result<String, EditError> {
        let mut text = text.to_string();
        for ((key, _, shape), plain) in writes {
            text = match kind {
                Kind::Persona if *key == "story" => {
                    edit::set_body(&text, file, plain.as_deref().unwrap_or(""))?
                }
                Kind::Persona if FIGURES.contains(key) => {
                    let literal = plain.as_deref().map(|p| yaml_literal(*shape, p));
                    edit::set_front_matter_field(&text, file, "figures", key, literal.as_deref())?
                }
                Kind::Persona => {
                    let literal = plain.as_deref().map(|p| yaml_literal(*shape, p));
                    splice::set_front_matter_top(&text, file, key, literal.as_deref())?
                }
                _ => {
                    let f = Field {
                        array: kind.array(),
                        id,
                        key,
                    };
                    let literal = plain.as_deref().map(|p| toml_literal(*shape, p));
                    edit::set_toml_field(&text, file, f, literal.as_deref())?
                }
            };
        }
        if kind == Kind::Session {
            for (array, lines) in session_additions(form)? {
                text = splice::append_record(&text, file, array, &lines, &[])?;
            }
        }
        if kind == Kind::Population {
            for (array, lines) in population_additions(form)? {
                text = splice::append_record(&text, file, array, &lines, &[])?;
            }
        }
        if let Some(lines) = sub_record(kind, form)? {
            let sub = if kind == Kind::Measure {
                "value"
            } else {
                "status"
            };
            if splice::record_is_inline(&text, file, kind.name(), id) {
                return Err(EditError::BadValue(format!(
                    "this {} is written inline in {file}; add its {sub} in an editor",
                    kind.name()
                )));
            }
            text = edit::append_subtable(&text, file, kind.name(), id, sub, &lines)?;
        }
        Ok(text)
    }

    /// POST of a record's order form: moves it up or down in its file, or
    /// removes it, when it is still as the page showed it.
    pub(super) fn arrange(
        &self,
        slug: &str,
        kind: Kind,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        if !kind.arranged() {
            return not_found();
        }
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let file = kind.file(slug);
        let refuse = |why: String, status: u16| {
            let fields = match self.on_disk(&pop, kind, id) {
                Ok(Some((text, node))) => {
                    self.shown(wb, &pop, kind, &|k| disk_plain(kind, &text, &node, k))
                }
                _ => self.shown(wb, &pop, kind, &|_| None),
            };
            let state = State {
                fields,
                problem: Some(why),
                conflict: false,
            };
            self.record_page(wb, &pop, kind, Some(id), state, &[], csrf, status)
        };
        let text = match self.read(&file) {
            Ok(Some(b)) => String::from_utf8_lossy(&b).into_owned(),
            Ok(None) => return not_found(),
            Err(r) => return r,
        };
        let Some(now) = splice::record_text(&text, &file, kind.array(), id) else {
            return error_page(
                409,
                &format!("The {} `{id}` is not in {file} any more", kind.name()),
                "Someone removed it or changed its id meanwhile. Go back to the population's page.",
            );
        };
        if field(form, "fp.record") != Some(edit::fingerprint(now.as_bytes()).as_str()) {
            return refuse(
                format!(
                    "Nothing was moved or removed: someone changed this {} since the page was opened. Here it is as it is now; try again.",
                    kind.name()
                ),
                409,
            );
        }
        let (new, back) = match field(form, "do") {
            Some("up") | Some("down") => (
                splice::move_record(
                    &text,
                    &file,
                    kind.array(),
                    id,
                    field(form, "do") == Some("up"),
                ),
                kind.anchor(slug, id),
            ),
            Some("remove") if field(form, "sure") == Some("yes") => (
                splice::remove_record(&text, &file, kind.array(), id),
                match kind {
                    Kind::Improvement => format!("{}/improvements", pop_href(slug)),
                    _ => pop_href(slug),
                },
            ),
            Some("remove") => {
                return refuse(
                    format!(
                        "Nothing was removed: tick the box to say you mean to remove this {}.",
                        kind.name()
                    ),
                    422,
                );
            }
            // No button named: nothing asked, nothing done.
            _ => return Reply::redirect(&kind.anchor(slug, id)),
        };
        let new = match new {
            Ok(t) => t,
            Err(e) => return refuse(format!("Nothing was changed: {e}."), 422),
        };
        self.finish(wb, &pop, &file, &text, &new, &back, &refuse)
    }

    /// GET of the register of improvements.
    pub(super) fn improvements(&self, slug: &str) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let status_title = |id: &str| {
            wb.guide
                .improvement_statuses
                .iter()
                .find(|t| t.id == id)
                .map_or(id.to_string(), |t| t.title.clone())
        };
        let items: Vec<Value> = pop
            .improvements
            .iter()
            .flat_map(|r| &r.improvements)
            .map(|i| {
                context! {
                    id => i.id.clone(), title => i.title.clone(), owner => i.owner.clone().unwrap_or_default(),
                    cluster => wb.guide.improvement_clusters.iter().find(|c| c.id == i.cluster).map_or(i.cluster.clone(), |c| c.title.clone()),
                    state => i.current().map(|s| status_title(&s.state)).unwrap_or_default(),
                    date => i.current().map(|s| s.date.clone()).unwrap_or_default(),
                    href => format!("{}/improvement/{}", pop_href(slug), percent_encode(&i.id)),
                }
            })
            .collect();
        self.page(
            200,
            "improvements.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                items => items, file => kind_file(Kind::Improvement, slug),
            },
        )
    }

    /// POST of a new record.
    pub(super) fn add_record(
        &self,
        slug: &str,
        kind: Kind,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let refuse = |why: String, status: u16| {
            let state = State {
                fields: self.typed(wb, &pop, kind, form),
                problem: Some(why),
                conflict: false,
            };
            self.record_page(wb, &pop, kind, None, state, form, csrf, status)
        };
        let mut plains = Vec::new();
        for &spec in kind.fields() {
            let choices = self.choices(wb, &pop, kind, spec.0);
            match plain_of_form(form, spec, &choices, &None) {
                Ok(p) => plains.push((spec, p)),
                Err(why) => return refuse(format!("Nothing was saved: {why}."), 422),
            }
        }
        let typed_id = field(form, "id").unwrap_or("").trim().to_string();
        let id = match typed_id.is_empty() {
            true => layout::suggest_slug(
                plains
                    .iter()
                    .find_map(|(s, p)| (s.2 == Shape::Required).then_some(p.clone()).flatten())
                    .as_deref()
                    .unwrap_or(""),
            ),
            false => typed_id,
        };
        if let Err(why) = layout::check_slug(kind.name(), &id) {
            return refuse(format!("Nothing was saved: {why}."), 422);
        }
        let taken = match kind {
            Kind::Persona => pop.persona(&id).is_some(),
            _ => {
                self.choices(wb, &pop, kind, &format!("{}s", kind.name()))
                    .iter()
                    .any(|c| c.id == id)
                    || (kind == Kind::Improvement
                        && pop
                            .improvements
                            .iter()
                            .flat_map(|r| &r.improvements)
                            .any(|i| i.id == id))
            }
        };
        if taken {
            return refuse(
                format!(
                    "Nothing was saved: there is already a {} `{id}`; give this one another id.",
                    kind.name()
                ),
                422,
            );
        }
        if kind == Kind::Persona {
            return self.add_persona(wb, &pop, &id, &plains, form, &refuse);
        }
        let file = kind.file(slug);
        let old = match self.read(&file) {
            Ok(Some(b)) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(_) => {
                    return refuse(
                        format!(
                            "Nothing was saved: {file} is not UTF-8 text; fix it in an editor."
                        ),
                        422,
                    );
                }
            },
            Ok(None) if kind == Kind::Improvement => String::new(),
            Ok(None) => {
                return refuse(
                    format!(
                        "Nothing was saved: there is no {file}; create the population's files with `covalue new population`."
                    ),
                    422,
                );
            }
            Err(r) => return r,
        };
        let base = match old.is_empty() {
            true => crate::scaffold::improvements_header(),
            false => old.clone(),
        };
        let mut lines: Vec<splice::Line<'_>> = vec![("id", edit::toml_string(&id))];
        for ((key, _, shape), plain) in &plains {
            if let Some(p) = plain {
                lines.push((key, toml_literal(*shape, p)));
            }
        }
        let subs = match sub_record(kind, form) {
            Ok(Some(sub)) => vec![(
                if kind == Kind::Measure {
                    "value"
                } else {
                    "status"
                },
                sub,
            )],
            Ok(None) => Vec::new(),
            Err(e) => return refuse(format!("Nothing was saved: {e}."), 422),
        };
        let new = match splice::append_record(&base, &file, kind.name(), &lines, &subs) {
            Ok(t) => t,
            Err(e) => return refuse(format!("Nothing was saved: {e}."), 422),
        };
        self.finish(
            wb,
            &pop,
            &file,
            &old,
            &new,
            &kind.anchor(slug, &id),
            &refuse,
        )
    }

    fn add_persona(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        id: &str,
        plains: &[(Spec, Plain)],
        form: &[(String, String)],
        refuse: &dyn Fn(String, u16) -> Reply,
    ) -> Reply {
        let file = format!("{}/{id}.md", Kind::Persona.file(&pop.slug));
        // A file the loader did not take (a link out of the workbook, a
        // file it cannot read) is not written over, nor through.
        if !matches!(self.read(&file), Ok(None)) {
            return refuse(
                format!(
                    "Nothing was saved: there is already a file {file}; give this persona another id."
                ),
                422,
            );
        }
        let mut top = Vec::new();
        let mut figures = Vec::new();
        let mut story = String::new();
        for ((key, _, shape), plain) in plains {
            let Some(p) = plain else { continue };
            match *key {
                "story" => story = p.clone(),
                k if FIGURES.contains(&k) => figures.push((*key, yaml_literal(*shape, p))),
                _ => top.push((*key, yaml_literal(*shape, p))),
            }
        }
        top.push((
            "composite",
            (field(form, "composite").is_some()).to_string(),
        ));
        let text = splice::persona_file(&top, &figures, &story);
        let back = Kind::Persona.anchor(&pop.slug, id);
        self.finish(wb, pop, &file, "", &text, &back, refuse)
    }
}

/// The choices of a list, with the names a record holds that are not in
/// it (shown ticked, so that saving the form as it is keeps them).
fn with_unknown(mut choices: Vec<Choice>, shape: Shape, held: Plain) -> Vec<Choice> {
    if shape == Shape::Many {
        for name in held
            .iter()
            .flat_map(|h| h.split('\n'))
            .filter(|n| !n.is_empty())
        {
            if !choices.iter().any(|c| c.id == name) {
                choices.push(Choice {
                    id: name.to_string(),
                    title: format!("{name} (not in the workbook)"),
                });
            }
        }
    }
    choices
}

fn kind_file(kind: Kind, slug: &str) -> String {
    kind.file(slug)
}

/// The plain value of a field of a record on disk.
fn disk_plain(kind: Kind, text: &str, node: &Node, key: &str) -> Plain {
    if kind == Kind::Persona && FIGURES.contains(&key) {
        return plain_of(text, node.get("figures").and_then(|f| f.get(key)));
    }
    plain_of(text, node.get(key))
}

/// A figure (label and value) and a team member (role and name) to add
/// to `population.toml`, from the form.
type Addition = (&'static str, Vec<splice::Line<'static>>);

fn population_additions(form: &[(String, String)]) -> Result<Vec<Addition>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let mut out = Vec::new();
    let (label, value) = (get("figure_label"), get("figure_value"));
    match (label.is_empty(), value.is_empty()) {
        (true, true) => {}
        (false, false) => out.push((
            "figure",
            vec![
                ("label", edit::toml_string(&label)),
                ("value", edit::toml_string(&value)),
            ],
        )),
        _ => {
            return Err(EditError::BadValue(
                "a figure needs both a label and a value".into(),
            ));
        }
    }
    let (role, name) = (get("team_role"), get("team_name"));
    if !role.is_empty() {
        if !layout::is_slug(&role) {
            return Err(EditError::BadValue(format!("`{role}` is not a role")));
        }
        let mut lines = vec![("role", edit::toml_string(&role))];
        if !name.is_empty() {
            lines.push(("name", edit::toml_string(&name)));
        }
        out.push(("team", lines));
    } else if !name.is_empty() {
        return Err(EditError::BadValue("choose the team member's role".into()));
    }
    Ok(out)
}

/// An attendee (name and role) and an action (what, who, by when) to add
/// to a session record, from the form.
fn session_additions(form: &[(String, String)]) -> Result<Vec<Addition>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let mut out = Vec::new();
    let (name, role) = (get("attendee_name"), get("attendee_role"));
    match (name.is_empty(), role.is_empty()) {
        (true, true) => {}
        (false, false) if layout::is_slug(&role) => out.push((
            "attendees",
            vec![
                ("name", edit::toml_string(&name)),
                ("role", edit::toml_string(&role)),
            ],
        )),
        _ => {
            return Err(EditError::BadValue(
                "an attendee needs a name (or a description) and a role".into(),
            ));
        }
    }
    let (what, owner, due) = (get("action_what"), get("action_owner"), get("action_due"));
    if !what.is_empty() {
        let mut lines = vec![("what", edit::toml_string(&what))];
        if !owner.is_empty() {
            lines.push(("owner", edit::toml_string(&owner)));
        }
        if !due.is_empty() {
            if crate::spec::parse_date(&due).is_none() {
                return Err(EditError::BadValue(format!(
                    "`{due}` is not a date: write it as YYYY-MM-DD"
                )));
            }
            lines.push(("due", due));
        }
        out.push(("actions", lines));
    } else if !owner.is_empty() || !due.is_empty() {
        return Err(EditError::BadValue("say what the action is".into()));
    }
    Ok(out)
}

/// A new measure value (date, value, note) or improvement status (state,
/// date) from the form, checked; None when the form adds none.
fn sub_record(
    kind: Kind,
    form: &[(String, String)],
) -> Result<Option<Vec<splice::Line<'static>>>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let date = get("date");
    let check_date = || match crate::spec::parse_date(&date) {
        Some(_) => Ok(()),
        None => Err(EditError::BadValue(format!(
            "`{date}` is not a date: write it as YYYY-MM-DD"
        ))),
    };
    match kind {
        Kind::Measure => {
            let value = get("value");
            if value.is_empty() {
                return Ok(None);
            }
            check_date()?;
            if value.parse::<f64>().map_or(true, |n| !n.is_finite())
                || value.starts_with(['+', '.'])
                || value.ends_with('.')
            {
                return Err(EditError::BadValue(format!(
                    "`{value}` is not a number: write digits, such as 58 or 2.4"
                )));
            }
            let mut lines = vec![("date", date.clone()), ("value", value)];
            let note = get("note");
            if !note.is_empty() {
                lines.push(("note", edit::toml_string(&note)));
            }
            Ok(Some(lines))
        }
        Kind::Improvement => {
            let state = get("state");
            if state.is_empty() {
                return Ok(None);
            }
            if !state.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                return Err(EditError::BadValue(format!(
                    "`{state}` is not a status of the guide"
                )));
            }
            check_date()?;
            Ok(Some(vec![
                ("state", edit::toml_string(&state)),
                ("date", date.clone()),
            ]))
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn another_field_changed_meanwhile_is_kept_and_the_same_field_is_a_conflict() {
        let title: Spec = ("title", "Title", Shape::Required);
        let owner: Spec = ("owner", "Owner", Shape::Text);
        let seen_title = fp(&Some("Old".into()));
        let seen_owner = fp(&Some("Ann".into()));
        // On disk: the owner changed to Bo since the form was made.
        let disk = |k: &str| match k {
            "title" => Some("Old".to_string()),
            _ => Some("Bo".to_string()),
        };
        let f = form(&[("fp.title", &seen_title), ("fp.owner", &seen_owner)]);
        // The form changes the title and leaves the owner: theirs is kept.
        let m = merge(
            vec![(title, Some("New".into())), (owner, Some("Ann".into()))],
            &disk,
            &f,
        );
        assert_eq!(m.writes.len(), 1);
        assert!(m.clashes.is_empty());
        assert_eq!(m.theirs_kept.get("owner"), Some(&Some("Bo".into())));
        // The form changes the owner too: a conflict on the owner alone.
        let m = merge(
            vec![(title, Some("New".into())), (owner, Some("Cy".into()))],
            &disk,
            &f,
        );
        assert_eq!(m.clashes.keys().copied().collect::<Vec<_>>(), vec!["owner"]);
    }

    #[test]
    fn a_list_keeps_its_order_and_a_bad_number_is_refused() {
        let spec: Spec = ("configurations", "Value configurations", Shape::Many);
        let choices = vec![
            Choice {
                id: "shop".into(),
                title: "Shop".into(),
            },
            Choice {
                id: "chain".into(),
                title: "Chain".into(),
            },
        ];
        let f = form(&[("configurations", "chain"), ("configurations", "shop")]);
        let current = Some("shop\nchain".to_string());
        assert_eq!(
            plain_of_form(&f, spec, &choices, &current).unwrap(),
            current
        );
        let spec: Spec = ("target_value", "Target", Shape::Number);
        assert!(plain_of_form(&form(&[("target_value", "lots")]), spec, &[], &None).is_err());
        assert_eq!(
            plain_of_form(&form(&[("target_value", " 18 ")]), spec, &[], &None).unwrap(),
            Some("18".into())
        );
    }
}
