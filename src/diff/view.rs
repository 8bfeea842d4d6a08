//! The diff report in plain words, once for every human format: headings,
//! items and lines of inline pieces (names, ids, removed and added words).
//! The text, Markdown and HTML printers only style these pieces.

use serde::Serialize;

use super::file_prefix;
use super::model::{
    Area, Change, Completeness, DiffReport, FieldChange, PopulationDiff, PopulationState, Segment,
    Side, SideFinding, StatusChange, VersionSource, Walkthrough, Words,
};
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

    fn text(mut self, s: impl Into<String>) -> Line {
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
    fn extend(mut self, more: Line) -> Line {
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
    /// Which versions were compared, e.g. "session-2 (commit 1a2b3c4) → working tree".
    pub compared: String,
    /// Changes to `covalue.toml`.
    pub workbook: Vec<Item>,
    /// Workbook files that could not be read.
    pub problems: Vec<Problem>,
    /// The populations that changed.
    pub populations: Vec<PopulationView>,
    /// One closing sentence.
    pub summary: String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A list in words: "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn version_label(report: &DiffReport, side: Side) -> String {
    match side {
        Side::Old => report.old.label.clone(),
        Side::New => report.new.label.clone(),
    }
}

fn problem(report: &DiffReport, f: &SideFinding) -> Problem {
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
        version: version_label(report, f.side),
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

/// "field before → after", or "field: …words…".
fn field(f: &FieldChange) -> Line {
    let line = Line::default().code(f.field.clone());
    match &f.words {
        Some(w) => line.text(": ").extend(words(w)),
        None => line
            .text(" ")
            .push(value(&f.before))
            .push(Inline::Arrow)
            .push(value(&f.after)),
    }
}

/// An item for a changed record: one field inline, several as details.
fn record(what: Line, fields: &[FieldChange]) -> Item {
    match fields {
        [only] if only.words.is_none() => Item {
            mark: Mark::Changed,
            line: what.text(": ").extend(field(only)),
            details: Vec::new(),
        },
        _ => Item {
            mark: Mark::Changed,
            line: what,
            details: fields.iter().map(field).collect(),
        },
    }
}

fn status(s: &Option<Status>) -> Line {
    let Some(s) = s else {
        return Line::default().text("not a question of the guide");
    };
    let line = Line::default().push(Inline::Value(s.word().to_string()));
    match s {
        Status::Open | Status::Answered => line,
        Status::NotApplicable { reason } => line.text(format!(": {reason}")),
        Status::Deferred {
            reason,
            owner,
            until,
        } => {
            let mut extra = Vec::new();
            if let Some(owner) = owner {
                extra.push(format!("owner: {owner}"));
            }
            if let Some(until) = until {
                extra.push(format!("until {until}"));
            }
            let line = line.text(format!(": {reason}"));
            if extra.is_empty() {
                line
            } else {
                line.text(format!(" ({})", extra.join(", ")))
            }
        }
    }
}

fn status_change(change: &StatusChange) -> Line {
    Line::default()
        .extend(status(&change.before))
        .push(Inline::Arrow)
        .extend(status(&change.after))
}

fn named(kind: &str, name: &str, id: &str) -> Line {
    Line::default()
        .text(format!("{kind} "))
        .name(name)
        .text(" (")
        .code(id)
        .text(")")
}

/// "Value chain walk-through of Åsa (`asa`)".
fn walkthrough(w: &Walkthrough) -> Line {
    Line::default()
        .text(format!("{} walk-through of ", w.configuration_title))
        .name(&w.name)
        .text(" (")
        .code(&w.persona)
        .text(")")
}

fn item(mark: Mark, line: Line) -> Item {
    Item {
        mark,
        line,
        details: Vec::new(),
    }
}

/// The item of a change.
fn change_item(change: &Change) -> Item {
    match change {
        Change::PopulationChanged { fields } => {
            record(Line::default().text("The population"), fields)
        }
        Change::PersonaAdded { id, name } => item(
            Mark::Added,
            Line::default()
                .text("Added ")
                .extend(named("persona", name, id)),
        ),
        Change::PersonaRemoved { id, name } => item(
            Mark::Removed,
            Line::default()
                .text("Removed ")
                .extend(named("persona", name, id)),
        ),
        Change::PersonaChanged { id, name, fields } => record(named("Persona", name, id), fields),
        Change::ProcessMapChanged { fields } => {
            record(Line::default().text("The map itself"), fields)
        }
        Change::StepAdded {
            id,
            title,
            position,
        } => item(
            Mark::Added,
            Line::default()
                .text("Added ")
                .extend(named("step", title, id))
                .text(format!(" as step {position}")),
        ),
        Change::StepRemoved {
            id,
            title,
            position,
        } => item(
            Mark::Removed,
            Line::default()
                .text("Removed ")
                .extend(named("step", title, id))
                .text(format!(", which was step {position}")),
        ),
        Change::StepMoved {
            id,
            title,
            from,
            to,
        } => item(
            Mark::Moved,
            Line::default()
                .text("Moved ")
                .extend(named("step", title, id))
                .text(format!(" from place {from} to place {to}")),
        ),
        Change::StepChanged { id, title, fields } => record(named("Step", title, id), fields),
        Change::MeasureAdded {
            id,
            name,
            quadrant,
            measure_kind: kind,
        } => item(
            Mark::Added,
            Line::default()
                .text("Added ")
                .extend(named("measure", name, id))
                .text(match kind.as_str() {
                    crate::workbook::records::OUTCOME => format!(" in the {quadrant} quadrant"),
                    kind => format!(", a {kind} measure"),
                }),
        ),
        Change::MeasureRemoved {
            id,
            name,
            quadrant,
            measure_kind: kind,
        } => item(
            Mark::Removed,
            Line::default()
                .text("Removed ")
                .extend(named("measure", name, id))
                .text(match kind.as_str() {
                    crate::workbook::records::OUTCOME => format!(" from the {quadrant} quadrant"),
                    kind => format!(", a {kind} measure"),
                }),
        ),
        Change::MeasureChanged { id, name, fields } => record(named("Measure", name, id), fields),
        Change::ImprovementAdded {
            id,
            title,
            cluster,
            status,
        } => item(
            Mark::Added,
            Line::default()
                .text("Added ")
                .extend(named("improvement", title, id))
                .text(format!(
                    " ({cluster}{})",
                    status
                        .as_deref()
                        .map(|s| format!(", {s}"))
                        .unwrap_or_default()
                )),
        ),
        Change::ImprovementRemoved { id, title } => item(
            Mark::Removed,
            Line::default()
                .text("Removed ")
                .extend(named("improvement", title, id)),
        ),
        Change::ImprovementChanged { id, title, fields } => {
            record(named("Improvement", title, id), fields)
        }
        Change::WalkthroughAdded { entry, text } => Item {
            mark: Mark::Added,
            line: Line::default()
                .text("Added the ")
                .extend(walkthrough(entry)),
            details: vec![words(text)],
        },
        Change::WalkthroughRemoved { entry } => item(
            Mark::Removed,
            Line::default()
                .text("Removed the ")
                .extend(walkthrough(entry)),
        ),
        Change::WalkthroughChanged { entry, text } => Item {
            mark: Mark::Changed,
            line: Line::default().text("The ").extend(walkthrough(entry)),
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
                details.push(status_change(s));
            }
            if let Some(w) = text {
                details.push(words(w));
            }
            Item {
                mark: Mark::Changed,
                line: Line::default()
                    .push(Inline::Question(question_text.clone()))
                    .text(" (")
                    .code(question)
                    .text(")"),
                details,
            }
        }
    }
}

fn groups(p: &PopulationDiff) -> Vec<Group> {
    let mut out = Vec::new();
    for kind in Area::ALL {
        let mut parts: Vec<Part> = Vec::new();
        for change in p.group(kind) {
            let heading = match change {
                Change::AnswerChanged { step_title, .. } => Some(step_title.clone()),
                _ => None,
            };
            let item = change_item(change);
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
                title: kind.title().to_string(),
                parts,
            });
        }
    }
    out
}

/// "30 → 32 of 40 questions settled; open 8 → 5".
pub fn completeness(c: &Completeness, form: &str) -> String {
    match (&c.before, &c.after) {
        (Some(b), Some(a)) => {
            let mut text = if b.done() == a.done() && b.total == a.total {
                format!(
                    "{} of {} questions settled ({form} form)",
                    a.done(),
                    a.total
                )
            } else if b.total == a.total {
                format!(
                    "{} → {} of {} questions settled ({form} form)",
                    b.done(),
                    a.done(),
                    a.total
                )
            } else {
                format!(
                    "{} of {} → {} of {} questions settled ({form} form)",
                    b.done(),
                    b.total,
                    a.done(),
                    a.total
                )
            };
            for (word, before, after) in [
                ("open", b.open, a.open),
                ("deferred", b.deferred, a.deferred),
            ] {
                if before != after {
                    text.push_str(&format!("; {word} {before} → {after}"));
                }
            }
            text
        }
        (None, Some(c)) | (Some(c), None) => {
            format!(
                "{} of {} questions settled ({form} form)",
                c.done(),
                c.total
            )
        }
        (None, None) => String::new(),
    }
}

fn population(report: &DiffReport, p: &PopulationDiff) -> PopulationView {
    let form = report.form.as_str();
    let holds = p.contents.as_ref().map(|c| {
        and_list(&[
            plural(c.personas, "persona", "personas"),
            plural(c.steps, "process step", "process steps"),
            plural(c.measures, "measure", "measures"),
        ])
    });
    let summary = match p.state {
        PopulationState::Added => format!(
            "New population with {}; {}.",
            holds.unwrap_or_default(),
            completeness(&p.completeness, form)
        ),
        PopulationState::Removed => format!(
            "Removed. It had {}; {}.",
            holds.unwrap_or_default(),
            completeness(&p.completeness, form)
        ),
        PopulationState::Changed => {
            let mut s = completeness(&p.completeness, form);
            if let Some(first) = s.get(..1) {
                s = format!("{}{}.", first.to_uppercase(), s.get(1..).unwrap_or(""));
            }
            s
        }
    };
    PopulationView {
        name: p.name.clone(),
        slug: p.slug.clone(),
        state: p.state,
        summary: Line(vec![Inline::Text(summary)]),
        problems: p.findings.iter().map(|f| problem(report, f)).collect(),
        groups: groups(p),
    }
}

/// "1 population changed, 1 added; 14 changes", or "no changes".
pub fn summary(report: &DiffReport) -> String {
    let s = &report.summary;
    let between = format!("{} and {}", report.old.shown(), report.new.shown());
    if !s.changed {
        return format!("No changes between {between}.");
    }
    let mut parts = Vec::new();
    for (n, word) in [
        (s.populations_changed, "changed"),
        (s.populations_added, "added"),
        (s.populations_removed, "removed"),
    ] {
        if n > 0 {
            parts.push(format!("{} {word}", plural(n, "population", "populations")));
        }
    }
    if !report.workbook.is_empty() {
        parts.push("covalue.toml changed".to_string());
    }
    if parts.is_empty() {
        parts.push("files could not be read".to_string());
    }
    format!(
        "{} between {between}: {}.",
        plural(s.changes, "change", "changes"),
        and_list(&parts)
    )
}

/// A version's label with its commit, e.g. "session-2 (commit 1a2b3c4)".
fn described(info: &super::model::VersionInfo) -> String {
    let shown = info.shown();
    match (&info.source, &info.commit) {
        (VersionSource::Revision, Some(commit)) => {
            let short = commit.get(..7).unwrap_or(commit);
            match shown.contains(short) {
                true => shown,
                false => format!("{shown} (commit {short})"),
            }
        }
        _ => shown,
    }
}

/// The report in words.
pub fn view(report: &DiffReport) -> View {
    let title = match report.new.source {
        VersionSource::WorkingTree => format!("What changed since {}", report.old.shown()),
        _ => format!(
            "What changed from {} to {}",
            report.old.shown(),
            report.new.shown()
        ),
    };
    View {
        old: report.old.label.clone(),
        new: report.new.label.clone(),
        title,
        compared: format!("{} → {}", described(&report.old), described(&report.new)),
        workbook: report
            .workbook
            .iter()
            .map(|f| Item {
                mark: Mark::Changed,
                line: field(f),
                details: Vec::new(),
            })
            .collect(),
        problems: report.findings.iter().map(|f| problem(report, f)).collect(),
        populations: report
            .populations
            .iter()
            .map(|p| population(report, p))
            .collect(),
        summary: summary(report),
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
pub fn stat_rows(report: &DiffReport) -> Vec<StatRow> {
    report
        .populations
        .iter()
        .map(|p| {
            let s = &p.stat;
            let changes = match p.state {
                PopulationState::Added => "new population".to_string(),
                PopulationState::Removed => "removed".to_string(),
                PopulationState::Changed => {
                    let parts: Vec<String> =
                        [
                            (s.added, "added", "added"),
                            (s.removed, "removed", "removed"),
                            (s.changed, "changed", "changed"),
                            (s.moved, "moved", "moved"),
                            (s.answers, "answer", "answers"),
                        ]
                        .iter()
                        .filter(|(n, _, _)| *n > 0)
                        .map(|(n, one, many)| plural(*n, one, many))
                        .chain((!p.findings.is_empty()).then(|| {
                            plural(p.findings.len(), "unreadable file", "unreadable files")
                        }))
                        .collect();
                    parts.join(", ")
                }
            };
            StatRow {
                slug: p.slug.clone(),
                state: p.state,
                changes,
                completeness: completeness(&p.completeness, report.form.as_str()),
            }
        })
        .collect()
}
