//! The diff model: what changed between two versions of a workbook, by
//! meaning. Computed once by `compare`, then printed by each format; its
//! JSON form is documented in docs/diff.md and kept stable.

use serde::Serialize;

use crate::finding::Finding;
use crate::guide::Form;
use crate::workbook::Status;
use crate::workbook::progress::Counts;

/// The version of the JSON format; raised only when a field changes meaning or goes.
pub const FORMAT_VERSION: u32 = 1;

/// What changed between two versions of a workbook.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// The version of this JSON format.
    pub format_version: u32,
    /// The older version.
    pub old: VersionInfo,
    /// The newer version.
    pub new: VersionInfo,
    /// The form completeness is counted for (the newer version's form).
    pub form: Form,
    /// Changes to `covalue.toml`.
    pub workbook: Vec<FieldChange>,
    /// Files outside the populations that could not be read on one side.
    pub findings: Vec<SideFinding>,
    /// The populations that were added, removed or changed, by slug.
    pub populations: Vec<PopulationDiff>,
    /// Counts over the whole report.
    pub summary: Summary,
    /// The language the guide's text (step titles, questions) was read in,
    /// and the handout's: chosen by `--lang` or the newer version's
    /// `language`; None when neither chose one (English, the page's
    /// direction judged from its names).
    #[serde(skip)]
    pub lang: Option<crate::i18n::Lang>,
}

impl DiffReport {
    /// Whether anything changed.
    pub fn changed(&self) -> bool {
        self.summary.changed
    }
}

/// Where a version was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionSource {
    /// A git revision (tag, branch, commit).
    Revision,
    /// A folder on disk.
    Folder,
    /// The workbook's files as they are now.
    WorkingTree,
}

/// One of the two versions compared.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    /// How it is named in output: the revision as given, the folder, or "working tree".
    pub label: String,
    /// Where it was read from.
    pub source: VersionSource,
    /// For a revision: the commit's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// For a revision given as `HEAD~1`, `HEAD` or a hash: a tag or branch
    /// that points at it, the name pages show instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Whether a revision was given as `HEAD`, `HEAD~1`, `@^` or a hash (of
/// `commit`) rather than by a name a reader knows (a tag, a branch).
pub fn is_relative_revision(rev: &str, commit: &str) -> bool {
    rev == "HEAD"
        || rev == "@"
        || rev.starts_with("HEAD~")
        || rev.starts_with("HEAD^")
        || rev.starts_with("@~")
        || rev.starts_with("@^")
        || (rev.len() >= 7 && commit.starts_with(rev))
}

impl VersionInfo {
    /// How a page names this version: a tag or branch for `HEAD~1` or a
    /// hash, else "the last commit (1a2b3c4)" or "commit 1a2b3c4"; a name
    /// as given, a folder, or "working tree" as it is.
    pub fn shown(&self) -> String {
        let Some(commit) = &self.commit else {
            return self.label.clone();
        };
        if !is_relative_revision(&self.label, commit) {
            return self.label.clone();
        }
        let short = commit.get(..7).unwrap_or(commit);
        match (&self.name, self.label.as_str()) {
            (Some(name), _) => name.clone(),
            (None, "HEAD" | "@") => format!("the last commit ({short})"),
            (None, _) => format!("commit {short}"),
        }
    }
}

/// Which of the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The older version.
    Old,
    /// The newer version.
    New,
}

/// A problem met while reading one side: a file that cannot be read or parsed.
#[derive(Debug, Clone, Serialize)]
pub struct SideFinding {
    /// The side the file belongs to.
    pub side: Side,
    /// The finding, its file relative to the workbook.
    #[serde(flatten)]
    pub finding: Finding,
}

/// Counts over the whole report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Whether anything changed (the exit code is 1 when it did).
    pub changed: bool,
    /// Populations only in the newer version.
    pub populations_added: usize,
    /// Populations only in the older version.
    pub populations_removed: usize,
    /// Populations in both, with changes.
    pub populations_changed: usize,
    /// Populations in both, without changes.
    pub populations_unchanged: usize,
    /// Changes in all populations, workbook changes and findings included.
    pub changes: usize,
}

/// Whether a population was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PopulationState {
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
    /// In both, with changes.
    Changed,
}

/// What a population holds, for one that was added or removed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Contents {
    /// Personas.
    pub personas: usize,
    /// Steps of the process map.
    pub steps: usize,
    /// Measures of the value compass.
    pub measures: usize,
}

/// Questions settled before and after (answered or not applicable), by `check`'s counting.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Completeness {
    /// In the older version (none when the population is new).
    pub before: Option<Counts>,
    /// In the newer version (none when the population was removed).
    pub after: Option<Counts>,
}

/// How many items changed, for `--stat`.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Stat {
    /// Personas, steps, measures and walk-through entries added.
    pub added: usize,
    /// … removed.
    pub removed: usize,
    /// … and records changed.
    pub changed: usize,
    /// Steps moved.
    pub moved: usize,
    /// Answers changed (text or status).
    pub answers: usize,
}

/// What changed in one population.
#[derive(Debug, Clone, Serialize)]
pub struct PopulationDiff {
    /// The folder's name.
    pub slug: String,
    /// The population's name (in the newer version when it has one).
    pub name: String,
    /// Added, removed or changed.
    pub state: PopulationState,
    /// For an added or removed population: what it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contents: Option<Contents>,
    /// The changes, in the order of the sections of [`Area`].
    pub changes: Vec<Change>,
    /// Completeness before and after.
    pub completeness: Completeness,
    /// Counts of the changes.
    pub stat: Stat,
    /// Files of this population that could not be read or parsed on one side;
    /// what is in them is not compared.
    pub findings: Vec<SideFinding>,
}

impl PopulationDiff {
    /// The changes of one group, in order.
    pub fn group(&self, group: Area) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.group() == group)
    }
}

/// A field of a record that changed. Values are shown as text; lists are
/// joined with ", ". `None` means the field was not there.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldChange {
    /// The field, e.g. `coproduction` or `perspectives.neurologist`.
    pub field: String,
    /// Its value before.
    pub before: Option<String>,
    /// Its value after.
    pub after: Option<String>,
    /// For prose fields present on both sides: the change word by word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
}

/// A piece of a word-level change of a text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Segment {
    /// Words in both versions.
    Same {
        /// The words.
        text: String,
    },
    /// Words only in the older version.
    Removed {
        /// The words.
        text: String,
    },
    /// Words only in the newer version.
    Added {
        /// The words.
        text: String,
    },
    /// Unchanged words left out (shown as "…").
    Gap {
        /// How many words were left out.
        words: usize,
    },
}

/// A word-level change of a text: the changed words with a few words of
/// context around them; whitespace is normalised (re-wrapping is no change).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Words(pub Vec<Segment>);

/// A question's status before and after (none: not a question of the guide on that side).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatusChange {
    /// Before.
    pub before: Option<Status>,
    /// After.
    pub after: Option<Status>,
}

/// The sections a population's changes are grouped in, in print order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// `population.toml`.
    Population,
    /// The personas.
    Personas,
    /// The process map.
    ProcessMap,
    /// Walk-throughs of the value configurations.
    Configurations,
    /// The value compass.
    ValueCompass,
    /// The register of improvements.
    Improvements,
    /// Answers to the guide's questions.
    Answers,
}

impl Area {
    /// Every group, in print order.
    pub const ALL: [Area; 7] = [
        Area::Population,
        Area::Personas,
        Area::ProcessMap,
        Area::Configurations,
        Area::ValueCompass,
        Area::Improvements,
        Area::Answers,
    ];

    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Area::Population => "Population",
            Area::Personas => "Personas",
            Area::ProcessMap => "Process map",
            Area::Configurations => "Value configurations",
            Area::ValueCompass => "Value compass",
            Area::Improvements => "Improvements",
            Area::Answers => "Answers",
        }
    }
}

/// One persona's walk-through of one value configuration.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Walkthrough {
    /// The guide step holding the walk-through, e.g. `chain`.
    pub step: String,
    /// The configuration's id, e.g. `chain`.
    pub configuration: String,
    /// Its title in the guide, e.g. "Value chain".
    pub configuration_title: String,
    /// The persona's slug.
    pub persona: String,
    /// The persona's name, as written in the walk-through's heading.
    pub name: String,
}

/// One change in a population, typed by kind.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// Fields of `population.toml` changed.
    PopulationChanged {
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// A persona was added.
    PersonaAdded {
        /// Its slug.
        id: String,
        /// Its name.
        name: String,
    },
    /// A persona was removed.
    PersonaRemoved {
        /// Its slug.
        id: String,
        /// Its name.
        name: String,
    },
    /// Fields of a persona changed (its narrative is the field `narrative`).
    PersonaChanged {
        /// Its slug.
        id: String,
        /// Its name.
        name: String,
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// Fields of the process map itself changed (its perspectives).
    ProcessMapChanged {
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// A step was added.
    StepAdded {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Its place in the newer map, from 1.
        position: usize,
    },
    /// A step was removed.
    StepRemoved {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Its place in the older map, from 1.
        position: usize,
    },
    /// A step moved: its place relative to the other steps changed.
    StepMoved {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Its place in the older map, from 1.
        from: usize,
        /// Its place in the newer map, from 1.
        to: usize,
    },
    /// Fields of a step changed.
    StepChanged {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// A measure was added.
    MeasureAdded {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// Its quadrant (outcome measures).
        quadrant: String,
        /// What it tracks: outcome, process or balancing.
        measure_kind: String,
    },
    /// A measure was removed.
    MeasureRemoved {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// Its quadrant (outcome measures).
        quadrant: String,
        /// What it tracks: outcome, process or balancing.
        measure_kind: String,
    },
    /// Fields of a measure changed.
    MeasureChanged {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// An improvement was added to the register.
    ImprovementAdded {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Its clusters of opportunity, joined with commas.
        cluster: String,
        /// Its status now.
        status: Option<String>,
    },
    /// An improvement was removed from the register.
    ImprovementRemoved {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
    },
    /// Fields of an improvement changed (its status is the field `status`).
    ImprovementChanged {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// The fields.
        fields: Vec<FieldChange>,
    },
    /// A persona was walked through a configuration.
    WalkthroughAdded {
        /// Which walk-through.
        #[serde(flatten)]
        entry: Walkthrough,
        /// What was written.
        text: Words,
    },
    /// A persona's walk-through entry was removed.
    WalkthroughRemoved {
        /// Which walk-through.
        #[serde(flatten)]
        entry: Walkthrough,
    },
    /// A persona's walk-through entry was reworded.
    WalkthroughChanged {
        /// Which walk-through.
        #[serde(flatten)]
        entry: Walkthrough,
        /// The change, word by word.
        text: Words,
    },
    /// An answer changed: its status, its text, or both.
    AnswerChanged {
        /// The guide step (or `short-form`).
        step: String,
        /// The step's heading, e.g. "Step 3 · Value chain".
        step_title: String,
        /// The question's id.
        question: String,
        /// The question's wording in the guide.
        question_text: String,
        /// The status before and after, when it changed.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<StatusChange>,
        /// The answer's text word by word, when it changed and is an answer now.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<Words>,
    },
}

impl Change {
    /// The group the change is printed in.
    pub fn group(&self) -> Area {
        match self {
            Change::PopulationChanged { .. } => Area::Population,
            Change::PersonaAdded { .. }
            | Change::PersonaRemoved { .. }
            | Change::PersonaChanged { .. } => Area::Personas,
            Change::ProcessMapChanged { .. }
            | Change::StepAdded { .. }
            | Change::StepRemoved { .. }
            | Change::StepMoved { .. }
            | Change::StepChanged { .. } => Area::ProcessMap,
            Change::WalkthroughAdded { .. }
            | Change::WalkthroughRemoved { .. }
            | Change::WalkthroughChanged { .. } => Area::Configurations,
            Change::MeasureAdded { .. }
            | Change::MeasureRemoved { .. }
            | Change::MeasureChanged { .. } => Area::ValueCompass,
            Change::ImprovementAdded { .. }
            | Change::ImprovementRemoved { .. }
            | Change::ImprovementChanged { .. } => Area::Improvements,
            Change::AnswerChanged { .. } => Area::Answers,
        }
    }

    /// Counts the change into a stat.
    pub fn count(&self, stat: &mut Stat) {
        match self {
            Change::PersonaAdded { .. }
            | Change::StepAdded { .. }
            | Change::MeasureAdded { .. }
            | Change::ImprovementAdded { .. }
            | Change::WalkthroughAdded { .. } => stat.added += 1,
            Change::PersonaRemoved { .. }
            | Change::StepRemoved { .. }
            | Change::MeasureRemoved { .. }
            | Change::ImprovementRemoved { .. }
            | Change::WalkthroughRemoved { .. } => stat.removed += 1,
            Change::PopulationChanged { .. }
            | Change::PersonaChanged { .. }
            | Change::ProcessMapChanged { .. }
            | Change::StepChanged { .. }
            | Change::MeasureChanged { .. }
            | Change::ImprovementChanged { .. }
            | Change::WalkthroughChanged { .. } => stat.changed += 1,
            Change::StepMoved { .. } => stat.moved += 1,
            Change::AnswerChanged { .. } => stat.answers += 1,
        }
    }
}
