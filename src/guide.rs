//! The guide: the steps and questions of the full form, the short form, and
//! the lists and limits the checks read. Loaded from TOML data, either the
//! built-in guide embedded at build time or a site's adapted guide file.
//!
//! This file holds the guide's model and what readers ask of it;
//! `guide/load.rs` loads and builds it, `guide/shape.rs` is the shape of a
//! guide file, `guide/rules.rs` the rules beyond that shape,
//! `guide/provenance.rs` its citations and where its limits come from,
//! `guide/history.rs` the built-in texts of every released version, and
//! `guide/print.rs` prints its questions.

mod history;
mod load;
pub mod print;
mod provenance;
mod rules;
mod shape;

use serde::Serialize;

use crate::finding::Finding;
use crate::spec::{self, Vocab, Vocabularies};

/// The built-in guide's text.
pub const BUILTIN_TEXT: &str = include_str!("../guide/co-value.toml");
/// The name the built-in guide is shown under in diagnostics.
pub const BUILTIN_NAME: &str = "guide/co-value.toml (built in)";

/// The two forms of the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Every step of the learning cycle with its questions.
    Full,
    /// The six questions of the short form.
    Short,
}

impl Form {
    /// The form's name in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Full => "full",
            Form::Short => "short",
        }
    }

    /// Reads a form's name.
    pub fn parse(s: &str) -> Option<Form> {
        match s {
            "full" => Some(Form::Full),
            "short" => Some(Form::Short),
            _ => None,
        }
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Free text under the question's heading.
    Text,
    /// Answered by the persona files.
    Personas,
    /// Answered by the process map.
    ProcessMap,
    /// Answered by the value compass.
    ValueCompass,
    /// One sub-section per persona, walking it through a configuration.
    Walkthrough,
}

impl QuestionKind {
    const ALL: [(&'static str, QuestionKind); 5] = [
        ("text", QuestionKind::Text),
        ("personas", QuestionKind::Personas),
        ("process-map", QuestionKind::ProcessMap),
        ("value-compass", QuestionKind::ValueCompass),
        ("walkthrough", QuestionKind::Walkthrough),
    ];

    /// The kind's name in the guide file.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("text", |(n, _)| n)
    }

    fn parse(s: &str) -> Option<QuestionKind> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// Whether a record, not prose, answers the question.
    pub fn is_record(self) -> bool {
        matches!(
            self,
            QuestionKind::Personas | QuestionKind::ProcessMap | QuestionKind::ValueCompass
        )
    }
}

pub use history::BUILTIN_TEXTS;
pub use load::{BUILTIN_LANGUAGES, builtin_text};
pub use provenance::{Citation, Mark, Text};
pub use provenance::{Translation, language_name};

/// A question of the guide.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// Stable id; answers are found by it.
    pub id: String,
    /// The question's wording.
    pub text: String,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The id of its citation.
    pub source: String,
    /// Guidance on what a good answer holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The id of the help text's citation (`draft`, this guide's own
    /// writing, unless the guide says otherwise).
    pub help_source: String,
    /// For walk-throughs: the configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration: Option<String>,
    /// For short-form questions: the full-form step it summarises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summarises: Option<String>,
    /// For questions of a record kind: the record is optional and the
    /// question is answered in words under its heading (the built-in guide's
    /// `population-value`, whose value compass "sometimes" helps).
    pub record_optional: bool,
    /// The forms it belongs to.
    pub forms: Vec<Form>,
}

impl Question {
    /// How the question is answered: its kind, except that a record kind
    /// whose record is optional is answered in words, like a text question.
    pub fn answer_kind(&self) -> QuestionKind {
        if self.record_optional && self.kind.is_record() {
            QuestionKind::Text
        } else {
            self.kind
        }
    }
}

/// A group of questions answered in one file: a step of the full form, or the short form.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The step's id (`short-form` for the short form); also the answer file's name.
    pub id: String,
    /// The step's number in the learning cycle (0 for the short form).
    pub number: u32,
    /// Its title.
    pub title: String,
    /// An introduction for the team.
    pub intro: String,
    /// The id of the citation of the step's title (the title only).
    pub source: String,
    /// The id of the introduction's citation (`draft`, this guide's own
    /// writing, unless the guide says otherwise).
    pub intro_source: String,
    /// "Step 3", in the guide's language (from the message catalogue);
    /// empty for the short form.
    #[serde(skip)]
    pub step_label: String,
    /// Its questions, in order.
    pub questions: Vec<Question>,
}

impl Section {
    /// The answer file of this section, relative to the population folder.
    pub fn answer_file(&self) -> String {
        format!("answers/{}.md", self.id)
    }

    /// A heading for the section, such as "Step 3 · Value chain" (in the
    /// guide's language: "Steg 3 · Värdekedja").
    pub fn heading(&self) -> String {
        if self.number == 0 {
            self.title.clone()
        } else {
            format!("{} · {}", self.step_label, self.title)
        }
    }
}

/// An entry of one of the guide's lists (kinds, levels, configurations, quadrants).
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// Stable id, used in workbook files.
    pub id: String,
    /// Its name.
    pub title: String,
    /// What it means.
    pub description: String,
    /// The id in `[sources]` its title and description are quoted from
    /// (the clusters of opportunity: `batalden2016`); None for the guide's
    /// own wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Persona kinds: at least one persona of this kind is required.
    pub required: bool,
    /// Persona kinds: a persona of this kind is suggested.
    pub suggested: bool,
    /// Coproduction levels: whether this level counts as active coproduction.
    pub active: bool,
    /// Roles: whether this role is a patient or family partner.
    pub partner: bool,
}

/// An inclusive range the checks enforce.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Range {
    /// Smallest allowed.
    pub min: usize,
    /// Largest allowed.
    pub max: usize,
}

/// A guide, as loaded.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    /// The guide's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its version.
    pub version: String,
    /// A description.
    pub description: String,
    /// Where its wording comes from.
    pub sources: Vec<Citation>,
    /// Limits on the number of process steps.
    pub process_steps: Range,
    /// Limits on the number of compass measures.
    pub compass_measures: Range,
    /// The fewest measures each compass quadrant should have (`max` unused).
    pub compass_per_quadrant: Range,
    /// Where each limit comes from: the limit's key under `[limits]` and the
    /// id of its source (a published source, or `convention` for this
    /// guide's own convention). Limits whose source the guide does not name
    /// are left out.
    pub limit_sources: Vec<(String, String)>,
    /// The source's own words for a limit, by the limit's key under
    /// `[limits]` (the built-in guide quotes "Use 10–15 steps to describe
    /// the process"); limits with no quote are left out.
    pub limit_quotes: Vec<(String, String)>,
    /// Whether a team roster without a patient or family partner is warned about.
    pub require_partner: bool,
    /// The clusters an improvement belongs to (the built-in ones when the
    /// guide names none).
    pub improvement_clusters: Vec<Term>,
    /// The statuses an improvement goes through (the built-in ones when the
    /// guide names none).
    pub improvement_statuses: Vec<Term>,
    /// After how many days without a new value a measure is reported as due.
    pub measure_due_days: i64,
    /// A note on where the guide's steps come from, printed with its sources
    /// (the built-in guide says its step titles and order are a reconstruction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps_note: Option<String>,
    /// For a translated guide: the id of the guide it translates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_of: Option<String>,
    /// The language of the guide's text, when the guide says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The roles of the team roster and of the people at a session: the
    /// guide's `[[role]]` list, then the built-in roles it does not name
    /// (with no title: see [`Guide::role_title`]).
    pub roles: Vec<Term>,
    /// Persona kinds.
    pub persona_kinds: Vec<Term>,
    /// Levels of coproduction.
    pub coproduction_levels: Vec<Term>,
    /// Value configurations.
    pub configurations: Vec<Term>,
    /// Value compass quadrants.
    pub quadrants: Vec<Term>,
    /// The full form's steps.
    pub steps: Vec<Section>,
    /// The short form.
    pub short_form: Section,
    /// Question ids this version renamed, for `covalue upgrade`.
    pub renamed: Vec<Renamed>,
    /// Where it was loaded from (for reports).
    #[serde(skip)]
    pub origin: String,
}

/// A question id that a version of the guide renamed: answers under the
/// old id are carried to the new one by `covalue upgrade`.
#[derive(Debug, Clone, Serialize)]
pub struct Renamed {
    /// The old id.
    pub from: String,
    /// The new id.
    pub to: String,
    /// The guide version that renamed it.
    pub since: String,
}

impl Vocabularies for Guide {
    fn allows(&self, vocab: Vocab, value: &str) -> bool {
        let terms = match vocab {
            Vocab::PersonaKind => &self.persona_kinds,
            Vocab::CoproductionLevel => &self.coproduction_levels,
            Vocab::Configuration => &self.configurations,
            Vocab::Quadrant => &self.quadrants,
            Vocab::ImprovementCluster => &self.improvement_clusters,
            Vocab::ImprovementStatus => &self.improvement_statuses,
            Vocab::TeamRole | Vocab::AttendeeRole => &self.roles,
            Vocab::CommunityRole => {
                return value == spec::COORDINATOR || self.roles.iter().any(|t| t.id == value);
            }
            Vocab::Form
            | Vocab::QuestionKind
            | Vocab::Direction
            | Vocab::SessionKind
            | Vocab::Language
            | Vocab::MeasureKind
            | Vocab::MeasureFrequency => {
                return spec::BaseVocab.allows(vocab, value);
            }
        };
        terms.iter().any(|t| t.id == value)
    }

    fn values(&self, vocab: Vocab) -> Vec<String> {
        let ids = |terms: &[Term]| terms.iter().map(|t| t.id.clone()).collect();
        match vocab {
            Vocab::PersonaKind => ids(&self.persona_kinds),
            Vocab::CoproductionLevel => ids(&self.coproduction_levels),
            Vocab::Configuration => ids(&self.configurations),
            Vocab::Quadrant => ids(&self.quadrants),
            Vocab::ImprovementCluster => ids(&self.improvement_clusters),
            Vocab::ImprovementStatus => ids(&self.improvement_statuses),
            Vocab::TeamRole | Vocab::AttendeeRole => ids(&self.roles),
            Vocab::CommunityRole => {
                let mut roles: Vec<String> = ids(&self.roles);
                roles.push(spec::COORDINATOR.to_string());
                roles
            }
            Vocab::Form
            | Vocab::QuestionKind
            | Vocab::Direction
            | Vocab::SessionKind
            | Vocab::Language
            | Vocab::MeasureKind
            | Vocab::MeasureFrequency => spec::BaseVocab.values(vocab),
        }
    }
}

/// A guide that cannot be used; its findings say why (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("the workbook's guide cannot be used ({} problem(s) above)", .0.len())]
pub struct GuideError(pub Vec<Finding>);

impl crate::diagnose::Diagnose for GuideError {
    fn help(&self) -> Option<String> {
        // Each finding printed above has its own help line.
        None
    }

    fn findings(&self) -> &[Finding] {
        &self.0
    }
}

impl Guide {
    /// The sections of a form, in order.
    pub fn sections(&self, form: Form) -> Vec<&Section> {
        match form {
            Form::Full => self.steps.iter().collect(),
            Form::Short => vec![&self.short_form],
        }
    }

    /// Every section, full form first.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        self.steps.iter().chain(std::iter::once(&self.short_form))
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.all_sections().find(|s| s.id == id)
    }

    /// A question by id, with its section.
    pub fn question(&self, id: &str) -> Option<(&Section, &Question)> {
        self.all_sections()
            .find_map(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
    }

    /// A term's title, or the id itself when the guide does not know it.
    pub fn term_title<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.title.as_str())
    }

    /// The title the guide gives a role, in the guide's language; None for
    /// a role the guide does not name (a built-in role it leaves out, or
    /// one it does not have), which pages word from their catalogue.
    pub fn role_title(&self, role: &str) -> Option<&str> {
        self.roles
            .iter()
            .find(|r| r.id == role)
            .map(|r| r.title.trim())
            .filter(|t| !t.is_empty())
    }

    /// Whether a role is a patient or family partner's.
    pub fn is_partner_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.id == role && r.partner)
    }

    /// The guide's roles, by id, for a help line.
    pub fn role_list(&self) -> String {
        let ids: Vec<&str> = self.roles.iter().map(|r| r.id.as_str()).collect();
        ids.join(", ")
    }

    /// The ids of the partner roles, for a help line.
    pub fn partner_roles(&self) -> String {
        let ids: Vec<String> = self
            .roles
            .iter()
            .filter(|r| r.partner)
            .map(|r| format!("\"{}\"", r.id))
            .collect();
        ids.join(" or ")
    }

    /// Whether a coproduction level counts as active.
    pub fn is_active(&self, level: &str) -> bool {
        self.coproduction_levels
            .iter()
            .any(|l| l.id == level && l.active)
    }
}
