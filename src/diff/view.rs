//! The diff report in plain words, once for every human format: headings,
//! items and lines of inline pieces (names, ids, removed and added words).
//! The text, Markdown and HTML printers only style these pieces.

use serde::Serialize;

use super::file_prefix;
use super::model::{
    Area, Change, Completeness, DiffReport, FieldChange, PopulationDiff, PopulationState, Segment,
    Side, SideFinding, StatusChange, VersionSource, Walkthrough, Words,
};
use super::say::Val;
pub use super::say::{Say, plain_text};
use crate::i18n::{Catalogue, Lang};
use crate::workbook::Status;

/// A piece of a line.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "t", content = "v", rename_all = "lowercase")]
pub enum Inline {
    /// Plain words.
    Text(String),
    /// An id or a field name, shown as code.
    Code(String),
    /// A name (of a persona, a step, a population), shown strong.
    Name(String),
    /// A question's wording, shown in italics.
    Question(String),
    /// A value before or after a change.
    Value(String),
    /// A missing value: "(none)".
    Nothing,
    /// The arrow between before and after.
    Arrow,
    /// Words removed.
    Removed(String),
    /// Words added.
    Added(String),
    /// Unchanged words left out: "…".
    Gap,
    /// A name put into a sentence (a version, a commit): plain text,
    /// isolated from the words around it on a page.
    Plain(String),
}

/// A line of inline pieces.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
#[serde(transparent)]
pub struct Line(pub Vec<Inline>);

impl Line {
    /// Whether the line shows nothing.
    pub fn is_blank(&self) -> bool {
        self.0
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()))
    }

    pub(super) fn text(mut self, s: impl Into<String>) -> Line {
        self.0.push(Inline::Text(s.into()));
        self
    }
    fn code(mut self, s: impl Into<String>) -> Line {
        self.0.push(Inline::Code(s.into()));
        self
    }
    fn name(mut self, s: impl Into<String>) -> Line {
        self.0.push(Inline::Name(s.into()));
        self
    }
    fn push(mut self, inline: Inline) -> Line {
        self.0.push(inline);
        self
    }
    pub(super) fn extend(mut self, more: Line) -> Line {
        self.0.extend(more.0);
        self
    }
}

/// What kind of change an item is, for its mark or colour.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Something new.
    Added,
    /// Something gone.
    Removed,
    /// Something changed.
    Changed,
    /// A step that moved.
    Moved,
}

/// One change, in words.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Its kind.
    pub mark: Mark,
    /// What changed.
    pub line: Line,
    /// Details: one line per field, or the words of a text.
    pub details: Vec<Line>,
}

/// A run of items under an optional sub-heading (the guide's step, for answers).
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// The sub-heading.
    pub heading: Option<String>,
    /// The items.
    pub items: Vec<Item>,
}

/// A group of changes of one population, such as "Personas".
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The heading.
    pub title: String,
    /// The parts.
    pub parts: Vec<Part>,
}

/// A file that could not be read on one side.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The version, e.g. "session-2".
    pub version: String,
    /// The file and place, e.g. `populations/ms/process-map.toml:3:5`.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// The finding itself, for the terminal printer.
    #[serde(skip)]
    pub finding: SideFinding,
}

/// One population, in words.
#[derive(Debug, Clone, Serialize)]
pub struct PopulationView {
    /// The population's name.
    pub name: String,
    /// Its slug.
    pub slug: String,
    /// Added, removed or changed.
    pub state: PopulationState,
    /// A sentence on what it holds or how complete it is.
    pub summary: Line,
    /// Files that could not be read; their content is not compared.
    pub problems: Vec<Problem>,
    /// The changes, by group.
    pub groups: Vec<Group>,
}

/// The whole report, in words.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// The older version's label.
    pub old: String,
    /// The newer version's label.
    pub new: String,
    /// "What changed since session-2".
    pub title: String,
    /// The title as pieces, its versions' names isolated.
    pub heading: Line,
    /// Which versions were compared, e.g. "session-2 (commit 1a2b3c4) → working tree".
    pub compared: Line,
    /// Changes to `covalue.toml`.
    pub workbook: Vec<Item>,
    /// Workbook files that could not be read.
    pub problems: Vec<Problem>,
    /// The populations that changed.
    pub populations: Vec<PopulationView>,
    /// One closing sentence.
    pub summary: Line,
}

fn problem(w: &Say, report: &DiffReport, f: &SideFinding) -> Problem {
    let info = match f.side {
        Side::Old => &report.old,
        Side::New => &report.new,
    };
    let file = f.finding.file.clone().unwrap_or_default();
    let place = match (f.finding.line, f.finding.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file,
    };
    Problem {
        // As given on the command line ("HEAD"), or "working tree" in the page's words.
        version: match info.source {
            VersionSource::WorkingTree => w.shown(info),
            _ => info.label.clone(),
        },
        place: format!("{}{place}", file_prefix(info, "")),
        message: f.finding.message.clone(),
        finding: f.clone(),
    }
}

/// The words of a text change as inline pieces.
pub fn words(words: &Words) -> Line {
    let mut line = Line::default();
    for (i, segment) in words.0.iter().enumerate() {
        if i > 0 {
            line.0.push(Inline::Text(" ".into()));
        }
        // Answers and narratives are Markdown: their words are shown
        // without emphasis markup, which a word-level change cuts apart.
        let plain = crate::render::markdown::plain_words;
        line.0.push(match segment {
            Segment::Same { text } => Inline::Text(plain(text)),
            Segment::Removed { text } => Inline::Removed(plain(text)),
            Segment::Added { text } => Inline::Added(plain(text)),
            Segment::Gap { .. } => Inline::Gap,
        });
    }
    line
}

fn value(v: &Option<String>) -> Inline {
    match v {
        Some(v) => Inline::Value(v.clone()),
        None => Inline::Nothing,
    }
}

/// "before → after": in the order written; the arrow is the language's.
fn before_after(before: Line, after: Line) -> Line {
    before.push(Inline::Arrow).extend(after)
}

/// "field before → after", or "field: …words…".
fn field(w: &Say, f: &FieldChange) -> Line {
    let name = Line::default().code(f.field.clone());
    match &f.words {
        Some(text) => w.line(
            "diff-field-words",
            vec![("field", name.into()), ("words", words(text).into())],
        ),
        None => w.line(
            "diff-field-value",
            vec![
                ("field", name.into()),
                (
                    "change",
                    before_after(
                        Line::default().push(value(&f.before)),
                        Line::default().push(value(&f.after)),
                    )
                    .into(),
                ),
            ],
        ),
    }
}

/// An item for a changed record: one field inline, several as details.
fn record(w: &Say, what: Line, fields: &[FieldChange]) -> Item {
    match fields {
        [only] if only.words.is_none() => Item {
            mark: Mark::Changed,
            line: w.line(
                "diff-record-field",
                vec![("what", what.into()), ("field", field(w, only).into())],
            ),
            details: Vec::new(),
        },
        _ => Item {
            mark: Mark::Changed,
            line: what,
            details: fields.iter().map(|f| field(w, f)).collect(),
        },
    }
}

/// A status in words: "Deferred: waiting for the audit (owner: Ana, until 2027-01-31)".
fn status(w: &Say, lang: Lang, s: &Option<Status>) -> Line {
    let Some(s) = s else {
        return w.line("diff-not-in-guide", vec![]);
    };
    let word = |id: &str| Inline::Value(w.text(id, vec![]));
    match s {
        Status::Open => Line::default().push(word("state-open")),
        Status::Answered => Line::default().push(word("state-answered")),
        Status::NotApplicable { reason } => w.line(
            "diff-status-reason",
            vec![
                ("status", word("state-not-applicable").into()),
                ("reason", reason.as_str().into()),
            ],
        ),
        Status::Deferred {
            reason,
            owner,
            until,
        } => {
            let mut extra = Vec::new();
            if let Some(owner) = owner {
                extra.push(w.text("detail-owner", vec![("owner", owner.as_str().into())]));
            }
            if let Some(until) = until {
                let date = crate::date::parse_date(until).map_or(until.clone(), |d| lang.date(d));
                extra.push(w.text("detail-until", vec![("date", date.into())]));
            }
            let status = word("state-deferred");
            let reason = reason.as_str();
            match extra.is_empty() {
                true => w.line(
                    "diff-status-reason",
                    vec![("status", status.into()), ("reason", reason.into())],
                ),
                false => w.line(
                    "diff-status-deferred",
                    vec![
                        ("status", status.into()),
                        ("reason", reason.into()),
                        ("details", extra.join(", ").into()),
                    ],
                ),
            }
        }
    }
}

fn status_change(w: &Say, lang: Lang, change: &StatusChange) -> Line {
    before_after(
        status(w, lang, &change.before),
        status(w, lang, &change.after),
    )
}

fn name(name: &str) -> Val {
    Line::default().name(name).into()
}

fn id(id: &str) -> Val {
    Line::default().code(id).into()
}

/// "Value chain walk-through of Åsa (`asa`)", as the message `id` words it.
fn walkthrough(w: &Say, change: &str, entry: &Walkthrough) -> Line {
    w.line(
        "diff-walkthrough",
        vec![
            ("change", change.into()),
            ("configuration", entry.configuration_title.as_str().into()),
            ("name", name(&entry.name)),
            ("id", id(&entry.persona)),
        ],
    )
}

fn item(mark: Mark, line: Line) -> Item {
    Item {
        mark,
        line,
        details: Vec::new(),
    }
}

/// "added", "removed", "moved" or "changed": the kind of a change, for a
/// message's selector.
fn kind(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "added",
        Mark::Removed => "removed",
        Mark::Changed => "changed",
        Mark::Moved => "moved",
    }
}

/// A record's line: "Added persona **Åsa** (`asa`)", worded by `message`.
fn named(w: &Say, message: &str, mark: Mark, who: &str, what: &str) -> Line {
    w.line(
        message,
        vec![
            ("change", kind(mark).into()),
            ("name", name(who)),
            ("id", id(what)),
        ],
    )
}

/// A step's line: added as step 3, removed from step 3, moved from 2 to 4.
fn step(w: &Say, mark: Mark, title: &str, step: &str, (from, to): (usize, usize)) -> Line {
    w.line(
        "diff-step",
        vec![
            ("change", kind(mark).into()),
            ("name", name(title)),
            ("id", id(step)),
            ("from", from.into()),
            ("to", to.into()),
        ],
    )
}

/// A measure's line: its quadrant, or the kind of measure it is.
fn measure(w: &Say, mark: Mark, m: (&str, &str), quadrant: &str, measure_kind: &str) -> Line {
    w.line(
        "diff-measure",
        vec![
            ("change", kind(mark).into()),
            ("name", name(m.1)),
            ("id", id(m.0)),
            ("quadrant", quadrant.into()),
            ("kind", measure_kind.into()),
        ],
    )
}

/// The item of a change.
fn change_item(w: &Say, lang: Lang, change: &Change) -> Item {
    use Mark::{Added, Changed, Moved, Removed};
    match change {
        Change::PopulationChanged { fields } => {
            record(w, w.line("diff-the-population", vec![]), fields)
        }
        Change::PersonaAdded { id, name } => item(Added, named(w, "diff-persona", Added, name, id)),
        Change::PersonaRemoved { id, name } => {
            item(Removed, named(w, "diff-persona", Removed, name, id))
        }
        Change::PersonaChanged { id, name, fields } => {
            record(w, named(w, "diff-persona", Changed, name, id), fields)
        }
        Change::ProcessMapChanged { fields } => record(w, w.line("diff-the-map", vec![]), fields),
        Change::StepAdded {
            id,
            title,
            position,
        } => item(Added, step(w, Added, title, id, (0, *position))),
        Change::StepRemoved {
            id,
            title,
            position,
        } => item(Removed, step(w, Removed, title, id, (*position, 0))),
        Change::StepMoved {
            id,
            title,
            from,
            to,
        } => item(Moved, step(w, Moved, title, id, (*from, *to))),
        Change::StepChanged { id, title, fields } => {
            record(w, step(w, Changed, title, id, (0, 0)), fields)
        }
        Change::MeasureAdded {
            id,
            name,
            quadrant,
            measure_kind,
        } => item(Added, measure(w, Added, (id, name), quadrant, measure_kind)),
        Change::MeasureRemoved {
            id,
            name,
            quadrant,
            measure_kind,
        } => item(
            Removed,
            measure(w, Removed, (id, name), quadrant, measure_kind),
        ),
        Change::MeasureChanged { id, name, fields } => {
            record(w, measure(w, Changed, (id, name), "", ""), fields)
        }
        Change::ImprovementAdded {
            id,
            title,
            cluster,
            status,
        } => {
            let about = match status {
                Some(status) => w.text(
                    "diff-cluster-status",
                    vec![
                        ("cluster", cluster.as_str().into()),
                        ("status", status.as_str().into()),
                    ],
                ),
                None => cluster.clone(),
            };
            item(
                Added,
                w.line(
                    "diff-improvement-added",
                    vec![
                        ("name", name(title)),
                        ("id", self::id(id)),
                        ("about", about.into()),
                    ],
                ),
            )
        }
        Change::ImprovementRemoved { id, title } => {
            item(Removed, named(w, "diff-improvement", Removed, title, id))
        }
        Change::ImprovementChanged { id, title, fields } => {
            record(w, named(w, "diff-improvement", Changed, title, id), fields)
        }
        Change::WalkthroughAdded { entry, text } => Item {
            mark: Added,
            line: walkthrough(w, "added", entry),
            details: vec![words(text)],
        },
        Change::WalkthroughRemoved { entry } => item(Removed, walkthrough(w, "removed", entry)),
        Change::WalkthroughChanged { entry, text } => Item {
            mark: Changed,
            line: walkthrough(w, "changed", entry),
            details: vec![words(text)],
        },
        Change::AnswerChanged {
            question,
            question_text,
            status,
            text,
            ..
        } => {
            let mut details = Vec::new();
            if let Some(s) = status {
                details.push(status_change(w, lang, s));
            }
            if let Some(t) = text {
                details.push(words(t));
            }
            Item {
                mark: Changed,
                line: w.line(
                    "diff-answer",
                    vec![
                        ("question", Inline::Question(question_text.clone()).into()),
                        ("id", self::id(question)),
                    ],
                ),
                details,
            }
        }
    }
}

/// The heading of a group of changes.
fn area_title(w: &Say, area: Area) -> String {
    let id = match area {
        Area::Population => "population",
        Area::Personas => "personas",
        Area::ProcessMap => "process-map",
        Area::Configurations => "configurations",
        Area::ValueCompass => "value-compass",
        Area::Improvements => "improvements",
        Area::Answers => "answers",
    };
    w.text("diff-area", vec![("area", id.into())])
}

fn groups(w: &Say, lang: Lang, p: &PopulationDiff) -> Vec<Group> {
    let mut out = Vec::new();
    for kind in Area::ALL {
        let mut parts: Vec<Part> = Vec::new();
        for change in p.group(kind) {
            let heading = match change {
                Change::AnswerChanged { step_title, .. } => Some(step_title.clone()),
                _ => None,
            };
            let item = change_item(w, lang, change);
            match parts.last_mut() {
                Some(last) if last.heading == heading => last.items.push(item),
                _ => parts.push(Part {
                    heading,
                    items: vec![item],
                }),
            }
        }
        if !parts.is_empty() {
            out.push(Group {
                title: area_title(w, kind),
                parts,
            });
        }
    }
    out
}

/// "30 → 32 of 40 questions settled (full form); open 8 → 5".
pub fn completeness(w: &Say, c: &Completeness, form: &str) -> String {
    match (&c.before, &c.after) {
        (Some(b), Some(a)) => {
            let mut text = if b.done() == a.done() && b.total == a.total {
                settled(w, a.done(), a.total, form)
            } else if b.total == a.total {
                w.text(
                    "diff-settled-change",
                    vec![
                        ("before", b.done().into()),
                        ("after", a.done().into()),
                        ("total", a.total.into()),
                        ("form", form.into()),
                    ],
                )
            } else {
                w.text(
                    "diff-settled-change-total",
                    vec![
                        ("before", b.done().into()),
                        ("before_total", b.total.into()),
                        ("after", a.done().into()),
                        ("total", a.total.into()),
                        ("form", form.into()),
                    ],
                )
            };
            for (state, before, after) in [
                ("open", b.open, a.open),
                ("deferred", b.deferred, a.deferred),
            ] {
                if before != after {
                    let more = w.text(
                        "diff-settled-more",
                        vec![
                            ("state", state.into()),
                            ("before", before.into()),
                            ("after", after.into()),
                        ],
                    );
                    text = w.text(
                        "diff-and-more",
                        vec![("first", text.into()), ("more", more.into())],
                    );
                }
            }
            text
        }
        (None, Some(c)) | (Some(c), None) => settled(w, c.done(), c.total, form),
        (None, None) => String::new(),
    }
}

fn settled(w: &Say, done: usize, total: usize, form: &str) -> String {
    w.text(
        "diff-settled",
        vec![
            ("done", done.into()),
            ("total", total.into()),
            ("form", form.into()),
        ],
    )
}

fn population(w: &Say, lang: Lang, report: &DiffReport, p: &PopulationDiff) -> PopulationView {
    let form = report.form.as_str();
    let settled = completeness(w, &p.completeness, form);
    let contents = p.contents.clone().unwrap_or_default();
    let holds = |id: &str| {
        w.text(
            id,
            vec![
                ("personas", contents.personas.into()),
                ("steps", contents.steps.into()),
                ("measures", contents.measures.into()),
                ("settled", settled.as_str().into()),
            ],
        )
    };
    let summary = match p.state {
        PopulationState::Added => holds("diff-population-added"),
        PopulationState::Removed => holds("diff-population-removed"),
        PopulationState::Changed if settled.is_empty() => String::new(),
        PopulationState::Changed => w.text(
            "diff-population-changed",
            vec![("settled", settled.as_str().into())],
        ),
    };
    PopulationView {
        name: p.name.clone(),
        slug: p.slug.clone(),
        state: p.state,
        summary: Line(vec![Inline::Text(summary)]),
        problems: p.findings.iter().map(|f| problem(w, report, f)).collect(),
        groups: groups(w, lang, p),
    }
}

/// "14 changes between session-2 and working tree: 1 population changed
/// and 1 added", or "No changes between …".
pub fn summary(w: &Say, report: &DiffReport) -> Line {
    let s = &report.summary;
    let (old, new) = (w.version(&report.old), w.version(&report.new));
    if !s.changed {
        return w.line(
            "diff-summary-none",
            vec![("old", old.into()), ("new", new.into())],
        );
    }
    let mut parts = Vec::new();
    for (n, state) in [
        (s.populations_changed, "changed"),
        (s.populations_added, "added"),
        (s.populations_removed, "removed"),
    ] {
        if n > 0 {
            parts.push(w.text(
                "diff-summary-populations",
                vec![("count", n.into()), ("state", state.into())],
            ));
        }
    }
    if !report.workbook.is_empty() {
        parts.push(w.text(
            "diff-summary-workbook",
            vec![("file", crate::workbook::CONFIG_FILE.into())],
        ));
    }
    if parts.is_empty() {
        parts.push(w.text("diff-summary-unreadable", vec![]));
    }
    w.line(
        "diff-summary",
        vec![
            ("changes", s.changes.into()),
            ("old", old.into()),
            ("new", new.into()),
            ("what", w.and_list(&parts).into()),
        ],
    )
}

/// A version's label with its commit, e.g. "session-2 (commit 1a2b3c4)".
fn described(w: &Say, info: &super::model::VersionInfo) -> Line {
    let shown = w.version(info);
    match (&info.source, &info.commit) {
        (VersionSource::Revision, Some(commit)) => {
            let short = commit.get(..7).unwrap_or(commit);
            match plain_text(&shown).contains(short) {
                true => shown,
                false => w.line(
                    "diff-version-commit",
                    vec![
                        ("version", shown.into()),
                        ("commit", Inline::Plain(short.to_string()).into()),
                    ],
                ),
            }
        }
        _ => shown,
    }
}

/// The report in words, in the language of `c`.
pub fn view(report: &DiffReport, c: &Catalogue) -> View {
    let w = &Say::new(c);
    let lang = c.lang();
    let (old, new) = (w.version(&report.old), w.version(&report.new));
    let heading = match report.new.source {
        VersionSource::WorkingTree => w.line("diff-title-since", vec![("old", old.into())]),
        _ => w.line(
            "diff-title-between",
            vec![("old", old.into()), ("new", new.into())],
        ),
    };
    View {
        old: report.old.label.clone(),
        new: report.new.label.clone(),
        title: plain_text(&heading),
        heading,
        compared: w.line(
            "diff-compared",
            vec![
                ("old", described(w, &report.old).into()),
                ("new", described(w, &report.new).into()),
            ],
        ),
        workbook: report
            .workbook
            .iter()
            .map(|f| Item {
                mark: Mark::Changed,
                line: field(w, f),
                details: Vec::new(),
            })
            .collect(),
        problems: report
            .findings
            .iter()
            .map(|f| problem(w, report, f))
            .collect(),
        populations: report
            .populations
            .iter()
            .map(|p| population(w, lang, report, p))
            .collect(),
        summary: summary(w, report),
    }
}

/// One row of `--stat`.
#[derive(Debug, Clone, Serialize)]
pub struct StatRow {
    /// The population's slug.
    pub slug: String,
    /// Added, removed or changed.
    pub state: PopulationState,
    /// "2 added, 1 moved, 5 answers".
    pub changes: String,
    /// "30 → 32 of 40 settled".
    pub completeness: String,
}

/// The rows of `--stat`.
pub fn stat_rows(report: &DiffReport, c: &Catalogue) -> Vec<StatRow> {
    let w = &Say::new(c);
    report
        .populations
        .iter()
        .map(|p| {
            let s = &p.stat;
            let changes = match p.state {
                PopulationState::Added => w.text("diff-stat-new", vec![]),
                PopulationState::Removed => w.text("diff-stat-removed", vec![]),
                PopulationState::Changed => {
                    let parts: Vec<String> = [
                        (s.added, "added"),
                        (s.removed, "removed"),
                        (s.changed, "changed"),
                        (s.moved, "moved"),
                        (s.answers, "answers"),
                        (p.findings.len(), "unreadable"),
                    ]
                    .into_iter()
                    .filter(|(n, _)| *n > 0)
                    .map(|(n, what)| {
                        w.text(
                            "diff-stat-count",
                            vec![("count", n.into()), ("what", what.into())],
                        )
                    })
                    .collect();
                    parts.join(", ")
                }
            };
            StatRow {
                slug: p.slug.clone(),
                state: p.state,
                changes,
                completeness: completeness(w, &p.completeness, report.form.as_str()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::model::{Contents, Stat, Summary, VersionInfo, Words as Text};
    use crate::guide::Form;
    use crate::i18n::Lang;
    use crate::workbook::progress::Counts;

    fn field(name: &str, before: Option<&str>, after: Option<&str>) -> FieldChange {
        FieldChange {
            field: name.into(),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
            words: None,
        }
    }

    fn walk() -> Walkthrough {
        Walkthrough {
            step: "chain".into(),
            configuration: "chain".into(),
            configuration_title: "Value chain".into(),
            persona: "asa".into(),
            name: "Åsa".into(),
        }
    }

    /// A report with every kind of change, of a population added, one
    /// removed and one changed.
    fn report() -> DiffReport {
        let text = crate::diff::words::diff("a b c", "a x c").unwrap_or_default();
        let (id, name) = ("x".to_string(), "X".to_string());
        let changes = vec![
            Change::PopulationChanged {
                fields: vec![field("name", Some("A"), Some("B"))],
            },
            Change::PersonaAdded {
                id: id.clone(),
                name: name.clone(),
            },
            Change::PersonaRemoved {
                id: id.clone(),
                name: name.clone(),
            },
            Change::PersonaChanged {
                id: id.clone(),
                name: name.clone(),
                fields: vec![
                    field("kind", None, Some("patient")),
                    field("segment", Some("a"), None),
                ],
            },
            Change::ProcessMapChanged {
                fields: vec![field("perspectives", Some("a"), Some("b"))],
            },
            Change::StepAdded {
                id: id.clone(),
                title: name.clone(),
                position: 3,
            },
            Change::StepRemoved {
                id: id.clone(),
                title: name.clone(),
                position: 2,
            },
            Change::StepMoved {
                id: id.clone(),
                title: name.clone(),
                from: 1,
                to: 4,
            },
            Change::StepChanged {
                id: id.clone(),
                title: name.clone(),
                fields: vec![field("coproduction", Some("none"), Some("consultation"))],
            },
            Change::MeasureAdded {
                id: id.clone(),
                name: name.clone(),
                quadrant: "clinical".into(),
                measure_kind: "outcome".into(),
            },
            Change::MeasureRemoved {
                id: id.clone(),
                name: name.clone(),
                quadrant: String::new(),
                measure_kind: "balancing".into(),
            },
            Change::MeasureChanged {
                id: id.clone(),
                name: name.clone(),
                fields: vec![field("target", Some("1"), Some("2"))],
            },
            Change::ImprovementAdded {
                id: id.clone(),
                title: name.clone(),
                cluster: "system-redesign".into(),
                status: Some("idea".into()),
            },
            Change::ImprovementRemoved {
                id: id.clone(),
                title: name.clone(),
            },
            Change::ImprovementChanged {
                id,
                title: name,
                fields: vec![field("status", Some("idea"), Some("testing"))],
            },
            Change::WalkthroughAdded {
                entry: walk(),
                text: text.clone(),
            },
            Change::WalkthroughRemoved { entry: walk() },
            Change::WalkthroughChanged {
                entry: walk(),
                text: text.clone(),
            },
            Change::AnswerChanged {
                step: "chain".into(),
                step_title: "Step 3 · Value chain".into(),
                question: "chain-processes".into(),
                question_text: "Which parts?".into(),
                status: Some(StatusChange {
                    before: None,
                    after: Some(Status::Deferred {
                        reason: "later".into(),
                        owner: Some("Ana".into()),
                        until: Some("2027-03-31".into()),
                    }),
                }),
                text: Some(Text::default()),
            },
            Change::AnswerChanged {
                step: "chain".into(),
                step_title: "Step 3 · Value chain".into(),
                question: "chain-measures".into(),
                question_text: "Which measures?".into(),
                status: Some(StatusChange {
                    before: Some(Status::NotApplicable {
                        reason: "no".into(),
                    }),
                    after: Some(Status::Open),
                }),
                text: None,
            },
        ];
        let counts = |done: usize| Counts {
            answered: done,
            open: 10 - done,
            total: 10,
            ..Counts::default()
        };
        let population = |slug: &str, state, changes: Vec<Change>| PopulationDiff {
            slug: slug.into(),
            name: slug.to_uppercase(),
            state,
            contents: (state != PopulationState::Changed).then_some(Contents {
                personas: 1,
                steps: 2,
                measures: 0,
            }),
            changes,
            completeness: Completeness {
                before: (state != PopulationState::Added).then(|| counts(3)),
                after: (state != PopulationState::Removed).then(|| counts(5)),
            },
            stat: Stat {
                added: 1,
                removed: 2,
                changed: 1,
                moved: 1,
                answers: 1,
            },
            findings: Vec::new(),
        };
        let version = |label: &str, source, commit: Option<&str>| VersionInfo {
            label: label.into(),
            source,
            commit: commit.map(str::to_string),
            name: None,
        };
        DiffReport {
            format_version: 1,
            old: version(
                "HEAD",
                VersionSource::Revision,
                Some("1a2b3c4d5e6f7a8b9c0d"),
            ),
            new: version("working tree", VersionSource::WorkingTree, None),
            form: Form::Full,
            workbook: vec![field("title", Some("A"), Some("B"))],
            findings: Vec::new(),
            populations: vec![
                population("new", PopulationState::Added, Vec::new()),
                population("gone", PopulationState::Removed, Vec::new()),
                population("ms", PopulationState::Changed, changes),
            ],
            summary: Summary {
                changed: true,
                populations_added: 1,
                populations_removed: 1,
                populations_changed: 1,
                populations_unchanged: 0,
                changes: 23,
            },
            lang: None,
        }
    }

    /// A line as text, its arrows shown.
    fn plain_text(line: &Line) -> String {
        line.0
            .iter()
            .map(|piece| match piece {
                Inline::Arrow => " → ".to_string(),
                other => super::plain_text(&Line(vec![other.clone()])),
            })
            .collect()
    }

    /// Everything a view says, as text.
    fn said(view: &View, rows: &[StatRow]) -> String {
        let mut out = vec![view.title.clone(), plain_text(&view.compared)];
        for p in &view.populations {
            out.push(plain_text(&p.summary));
            for g in &p.groups {
                out.push(g.title.clone());
                for item in g.parts.iter().flat_map(|part| &part.items) {
                    out.push(plain_text(&item.line));
                    out.extend(item.details.iter().map(plain_text));
                }
            }
        }
        out.extend(view.workbook.iter().map(|i| plain_text(&i.line)));
        out.push(plain_text(&view.summary));
        for row in rows {
            out.push(format!("{} {}", row.changes, row.completeness));
        }
        out.join("\n")
    }

    #[test]
    fn every_change_is_worded_in_every_language() {
        let report = report();
        for lang in Lang::ALL {
            let c = Catalogue::builtin(lang);
            let text = said(&view(&report, &c), &stat_rows(&report, &c));
            // A message that cannot be made shows as its id in brackets.
            assert!(!text.contains("[diff-"), "{lang}:\n{text}");
            assert!(!text.contains("[state-"), "{lang}:\n{text}");
            assert!(!text.contains("[detail-"), "{lang}:\n{text}");
            assert!(
                !text.contains(crate::diff::say::SLOT_OPEN),
                "{lang}:\n{text}"
            );
            assert!(
                text.contains("Åsa") && text.contains("chain-measures"),
                "{lang}"
            );
        }
        let english = said(
            &view(&report, &Catalogue::builtin(Lang::En)),
            &stat_rows(&report, &Catalogue::builtin(Lang::En)),
        );
        for sentence in [
            "What changed since the last commit (1a2b3c4)",
            "the last commit (1a2b3c4) → working tree",
            "New population with 1 persona, 2 process steps and 0 measures; 5 of 10 questions settled (full form).",
            "Removed. It had 1 persona",
            "Moved step X (x) from place 1 to place 4",
            "Removed step X (x), which was step 2",
            "Added step X (x) as step 3",
            "Added measure X (x) in the clinical quadrant",
            "Removed measure X (x), a balancing measure",
            "Added improvement X (x) (system-redesign, idea)",
            "Added the Value chain walk-through of Åsa (asa)",
            "not a question of the guide → Deferred: later (owner: Ana, until 2027-03-31)",
            "Not applicable: no → Open",
            "23 changes between the last commit (1a2b3c4) and working tree: 1 population changed, 1 population added, 1 population removed and covalue.toml changed.",
        ] {
            assert!(english.contains(sentence), "no {sentence:?} in:\n{english}");
        }
        let swedish = said(
            &view(&report, &Catalogue::builtin(Lang::Sv)),
            &stat_rows(&report, &Catalogue::builtin(Lang::Sv)),
        );
        assert!(
            swedish.contains("La till genomgången av Value chain för Åsa (asa)"),
            "{swedish}"
        );
    }

    #[test]
    fn a_team_text_cannot_forge_a_slot() {
        let c = Catalogue::builtin(Lang::En);
        let w = Say::new(&c);
        let line = w.line(
            "diff-answer",
            vec![("question", "\u{E020}0\u{E021}".into()), ("id", id("q"))],
        );
        // The marks are taken out: what is left is the team's "0", not
        // slot 0 (the id) a second time.
        assert_eq!(plain_text(&line), "0 (q)");
    }
}
