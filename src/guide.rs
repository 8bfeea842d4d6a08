//! The guide: the steps and questions of the full form, the short form, and
//! the lists and limits the checks read. Loaded from TOML data, either the
//! built-in guide embedded at build time or a site's adapted guide file.

pub mod print;

use serde::Serialize;

use crate::finding::{Code, Finding};
use crate::node::{self, Node};
use crate::source::Source;
use crate::spec::{self, Record, Ty, Vocab, Vocabularies, f};

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

/// Where a question's wording comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// Its id, named by questions.
    pub id: String,
    /// The reference, as printed.
    pub citation: String,
    /// Whether the wording is published (true) or a draft written for covalue.
    pub published: bool,
}

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
    /// The id of the citation of the step's title.
    pub source: String,
    /// Its questions, in order.
    pub questions: Vec<Question>,
}

impl Section {
    /// The answer file of this section, relative to the population folder.
    pub fn answer_file(&self) -> String {
        format!("answers/{}.md", self.id)
    }

    /// A heading for the section, such as "Step 3 · Value chain".
    pub fn heading(&self) -> String {
        if self.number == 0 {
            self.title.clone()
        } else {
            format!("Step {} · {}", self.number, self.title)
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
    /// Persona kinds: at least one persona of this kind is required.
    pub required: bool,
    /// Persona kinds: a persona of this kind is suggested.
    pub suggested: bool,
    /// Coproduction levels: whether this level counts as active coproduction.
    pub active: bool,
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
    /// Where it was loaded from (for reports).
    #[serde(skip)]
    pub origin: String,
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
            Vocab::Form
            | Vocab::TeamRole
            | Vocab::AttendeeRole
            | Vocab::QuestionKind
            | Vocab::Direction => {
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
            Vocab::Form
            | Vocab::TeamRole
            | Vocab::AttendeeRole
            | Vocab::QuestionKind
            | Vocab::Direction => spec::BaseVocab.values(vocab),
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

    /// A citation by id.
    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.sources.iter().find(|c| c.id == id)
    }

    /// A term's title, or the id itself when the guide does not know it.
    pub fn term_title<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.title.as_str())
    }

    /// Whether a limit comes from a published source (`Some(true)`), from a
    /// convention of this guide (`Some(false)`), or the guide does not say
    /// (`None`). `key` is the limit's key under `[limits]`, such as
    /// `compass_measures`.
    pub fn limit_is_published(&self, key: &str) -> Option<bool> {
        self.limit_sources
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| self.citation(id).is_some_and(|c| c.published))
    }

    /// How a limit is described to the team: "the published guide asks for"
    /// when its source is published, "this guide's convention is" when it
    /// is not, "the guide suggests" when the guide does not say.
    pub fn limit_basis(&self, key: &str) -> &'static str {
        match self.limit_is_published(key) {
            Some(true) => "the published guide asks for",
            Some(false) => "this guide's convention is",
            None => "the guide suggests",
        }
    }

    /// Whether a coproduction level counts as active.
    pub fn is_active(&self, level: &str) -> bool {
        self.coproduction_levels
            .iter()
            .any(|l| l.id == level && l.active)
    }

    /// The built-in guide, parsed once per run.
    pub fn builtin() -> Result<Guide, Vec<Finding>> {
        static BUILTIN: std::sync::OnceLock<Result<Guide, Vec<Finding>>> =
            std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Guide::from_source(&Source::new(BUILTIN_NAME, BUILTIN_TEXT.to_string()))
            })
            .clone()
    }

    /// Parses and validates a guide.
    pub fn from_source(source: &Source) -> Result<Guide, Vec<Finding>> {
        let node = node::parse_toml(source).map_err(|f| vec![relabel(*f)])?;
        let mut findings = Vec::new();
        spec::validate(
            &node,
            &GUIDE,
            &spec::BaseVocab,
            source,
            &spec::KeyPath::Root,
            &mut findings,
        );
        let guide = build(&node, source);
        check_rules(&guide, &node, source, &mut findings);
        if findings.is_empty() {
            Ok(guide)
        } else {
            Err(findings.into_iter().map(relabel).collect())
        }
    }
}

/// Guide problems are reported under their own code.
fn relabel(mut f: Finding) -> Finding {
    f.code = Code::CV040;
    f.message = format!("guide: {}", f.message);
    f
}

static GUIDE: Record = Record {
    name: "guide file",
    fields: &[
        f(
            "guide",
            Ty::Table(&GUIDE_META),
            true,
            "The guide's id, title and version.",
        ),
        f(
            "sources",
            Ty::RecordMap(&CITATION),
            true,
            "Citations, by id.",
        ),
        f(
            "limits",
            Ty::Table(&LIMITS),
            true,
            "Limits the checks enforce.",
        ),
        f(
            "persona_kind",
            Ty::TableArray(&TERM),
            true,
            "Persona kinds.",
        ),
        f(
            "coproduction_level",
            Ty::TableArray(&TERM),
            true,
            "Levels of coproduction.",
        ),
        f(
            "configuration",
            Ty::TableArray(&TERM),
            true,
            "Value configurations.",
        ),
        f(
            "quadrant",
            Ty::TableArray(&TERM),
            true,
            "Value compass quadrants.",
        ),
        f(
            "step",
            Ty::TableArray(&STEP),
            true,
            "The steps of the full form.",
        ),
        f(
            "short_form",
            Ty::Table(&SHORT_FORM),
            true,
            "The short form.",
        ),
        f(
            "team",
            Ty::Table(&TEAM),
            false,
            "What the checks ask of the team roster.",
        ),
        f(
            "improvement_cluster",
            Ty::TableArray(&TERM),
            false,
            "The clusters of opportunity an improvement belongs to (default: the four of Batalden et al. 2016).",
        ),
        f(
            "improvement_status",
            Ty::TableArray(&TERM),
            false,
            "The statuses an improvement goes through, in order (default: idea, planned, testing, adopted, abandoned).",
        ),
        f(
            "measures",
            Ty::Table(&MEASURES),
            false,
            "What the checks ask of measures tracked over time.",
        ),
    ],
};

static MEASURES: Record = Record {
    name: "measures",
    fields: &[f(
        "due_after_days",
        Ty::Int { min: 1 },
        false,
        "A measure with no value for longer than this is reported as due (default 62, about two months).",
    )],
};

/// The clusters of opportunity when a guide names none: Batalden et al.
/// 2016, "Coproduction of healthcare service".
const DEFAULT_CLUSTERS: &[(&str, &str)] = &[
    ("education", "Education of professionals and the public"),
    ("system-redesign", "Health care system redesign"),
    (
        "edges-redesign",
        "Redesign outside and at the edges of the health care system",
    ),
    ("measurement", "Measurement of good health care service"),
];

/// The statuses of an improvement when a guide names none.
const DEFAULT_STATUSES: &[(&str, &str)] = &[
    ("idea", "Idea"),
    ("planned", "Planned"),
    ("testing", "Testing"),
    ("adopted", "Adopted"),
    ("abandoned", "Abandoned"),
];

/// The terms of a list, or the defaults when the guide has none.
fn terms_or(node: &Node, key: &str, defaults: &[(&str, &str)]) -> Vec<Term> {
    let terms = terms(node, key);
    if !terms.is_empty() {
        return terms;
    }
    defaults
        .iter()
        .map(|(id, title)| Term {
            id: id.to_string(),
            title: title.to_string(),
            description: String::new(),
            required: false,
            suggested: false,
            active: false,
        })
        .collect()
}

static TEAM: Record = Record {
    name: "team",
    fields: &[f(
        "require_partner",
        Ty::Bool,
        false,
        "Warn when a team roster has no patient or family partner (default true).",
    )],
};

static GUIDE_META: Record = Record {
    name: "guide",
    fields: &[
        f("id", Ty::Slug, true, "The guide's id."),
        f("title", Ty::Str, true, "The guide's title."),
        f("version", Ty::Str, true, "The guide's version."),
        f("description", Ty::Str, false, "What the guide is."),
        f(
            "steps_note",
            Ty::Str,
            false,
            "Where the steps' titles and order come from, printed with the sources.",
        ),
    ],
};

static CITATION: Record = Record {
    name: "source",
    fields: &[
        f("citation", Ty::Str, true, "The reference."),
        f(
            "published",
            Ty::Bool,
            true,
            "Whether the wording is published.",
        ),
    ],
};

static LIMITS: Record = Record {
    name: "limits",
    fields: &[
        f(
            "process_steps",
            Ty::Table(&MIN_MAX),
            true,
            "How many process steps.",
        ),
        f(
            "compass_measures",
            Ty::Table(&MIN_MAX),
            true,
            "How many compass measures.",
        ),
        f(
            "compass_per_quadrant",
            Ty::Table(&MIN_ONLY),
            false,
            "The fewest measures in each compass quadrant (default 1).",
        ),
    ],
};

static MIN_MAX: Record = Record {
    name: "limit",
    fields: &[
        f("min", Ty::Int { min: 0 }, true, "Smallest allowed."),
        f("max", Ty::Int { min: 0 }, true, "Largest allowed."),
        f(
            "source",
            Ty::Str,
            false,
            "The id in [sources] the limit comes from.",
        ),
    ],
};

static MIN_ONLY: Record = Record {
    name: "limit",
    fields: &[
        f("min", Ty::Int { min: 0 }, true, "Smallest allowed."),
        f(
            "source",
            Ty::Str,
            false,
            "The id in [sources] the limit comes from.",
        ),
    ],
};

static TERM: Record = Record {
    name: "term",
    fields: &[
        f("id", Ty::Slug, true, "Stable id."),
        f("title", Ty::Str, true, "Name."),
        f("description", Ty::Str, false, "What it means."),
        f(
            "required",
            Ty::Bool,
            false,
            "At least one persona of this kind is required.",
        ),
        f(
            "suggested",
            Ty::Bool,
            false,
            "A persona of this kind is suggested.",
        ),
        f(
            "active",
            Ty::Bool,
            false,
            "This level counts as active coproduction.",
        ),
    ],
};

static STEP: Record = Record {
    name: "step",
    fields: &[
        f("id", Ty::Slug, true, "Stable id; names the answer file."),
        f("number", Ty::Int { min: 1 }, true, "The step's number."),
        f("title", Ty::Str, true, "The step's title."),
        f("intro", Ty::Str, false, "An introduction."),
        f("source", Ty::Str, true, "The id of the title's citation."),
        f(
            "question",
            Ty::TableArray(&QUESTION),
            true,
            "The step's questions.",
        ),
    ],
};

static SHORT_FORM: Record = Record {
    name: "short_form",
    fields: &[
        f("title", Ty::Str, true, "The short form's title."),
        f("intro", Ty::Str, false, "An introduction."),
        f(
            "question",
            Ty::TableArray(&QUESTION),
            true,
            "The short form's questions.",
        ),
    ],
};

static QUESTION: Record = Record {
    name: "question",
    fields: &[
        f("id", Ty::Slug, true, "Stable id; answers are found by it."),
        f("text", Ty::Str, true, "The question."),
        f(
            "kind",
            Ty::Enum(Vocab::QuestionKind),
            true,
            "What kind of answer it takes.",
        ),
        f(
            "source",
            Ty::Str,
            true,
            "The id of its citation in [sources].",
        ),
        f("help", Ty::Str, false, "Guidance on a good answer."),
        f(
            "configuration",
            Ty::Str,
            false,
            "For walk-throughs: the configuration.",
        ),
        f(
            "summarises",
            Ty::Str,
            false,
            "For short-form questions: the step it summarises.",
        ),
        f(
            "record_optional",
            Ty::Bool,
            false,
            "For personas, process-map and value-compass questions: the record is optional and the question is answered in words.",
        ),
    ],
};

fn terms(node: &Node, key: &str) -> Vec<Term> {
    node.array(key)
        .iter()
        .map(|t| Term {
            id: t.string("id").unwrap_or_default(),
            title: t.string("title").unwrap_or_default(),
            description: t.string("description").unwrap_or_default(),
            required: t.bool("required").unwrap_or(false),
            suggested: t.bool("suggested").unwrap_or(false),
            active: t.bool("active").unwrap_or(false),
        })
        .collect()
}

fn questions(node: &Node, form: Form) -> Vec<Question> {
    node.array("question")
        .iter()
        .map(|q| Question {
            id: q.string("id").unwrap_or_default(),
            text: q.string("text").unwrap_or_default(),
            kind: q
                .str("kind")
                .and_then(QuestionKind::parse)
                .unwrap_or(QuestionKind::Text),
            source: q.string("source").unwrap_or_default(),
            help: q.string("help"),
            configuration: q.string("configuration"),
            summarises: q.string("summarises"),
            record_optional: q.bool("record_optional").unwrap_or(false),
            forms: vec![form],
        })
        .collect()
}

fn range(node: &Node, key: &str) -> Range {
    let r = node.get("limits").and_then(|l| l.get(key));
    let get = |k: &str| {
        r.and_then(|r| r.int(k))
            .map_or(0, |v| usize::try_from(v).unwrap_or(0))
    };
    Range {
        min: get("min"),
        max: get("max"),
    }
}

/// `[limits] compass_per_quadrant`; one measure per quadrant when the guide
/// does not say (the rule covalue has always applied).
fn per_quadrant(node: &Node) -> Range {
    match node
        .get("limits")
        .and_then(|l| l.get("compass_per_quadrant"))
    {
        Some(r) => Range {
            min: r.int("min").map_or(0, |v| usize::try_from(v).unwrap_or(0)),
            max: usize::MAX,
        },
        None => Range {
            min: 1,
            max: usize::MAX,
        },
    }
}

fn build(node: &Node, source: &Source) -> Guide {
    let meta = node.get("guide");
    let meta_str = |k: &str| meta.and_then(|m| m.string(k)).unwrap_or_default();
    let sources = node
        .get("sources")
        .map(|s| {
            s.entries()
                .iter()
                .map(|(k, v)| Citation {
                    id: k.name.clone(),
                    citation: v.string("citation").unwrap_or_default(),
                    published: v.bool("published").unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default();
    let steps = node
        .array("step")
        .iter()
        .map(|s| Section {
            id: s.string("id").unwrap_or_default(),
            number: s
                .int("number")
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            title: s.string("title").unwrap_or_default(),
            intro: s.string("intro").unwrap_or_default(),
            source: s.string("source").unwrap_or_default(),
            questions: questions(s, Form::Full),
        })
        .collect();
    let short = node.get("short_form");
    let short_form = Section {
        id: "short-form".to_string(),
        number: 0,
        title: short
            .and_then(|s| s.string("title"))
            .unwrap_or_else(|| "Short form".to_string()),
        intro: short.and_then(|s| s.string("intro")).unwrap_or_default(),
        source: String::new(),
        questions: short.map(|s| questions(s, Form::Short)).unwrap_or_default(),
    };
    Guide {
        id: meta_str("id"),
        title: meta_str("title"),
        version: meta_str("version"),
        description: meta_str("description"),
        sources,
        process_steps: range(node, "process_steps"),
        compass_measures: range(node, "compass_measures"),
        compass_per_quadrant: per_quadrant(node),
        limit_sources: node
            .get("limits")
            .map(|l| {
                l.entries()
                    .iter()
                    .filter_map(|(k, v)| Some((k.name.clone(), v.string("source")?)))
                    .collect()
            })
            .unwrap_or_default(),
        require_partner: node
            .get("team")
            .and_then(|t| t.bool("require_partner"))
            .unwrap_or(true),
        improvement_clusters: terms_or(node, "improvement_cluster", DEFAULT_CLUSTERS),
        improvement_statuses: terms_or(node, "improvement_status", DEFAULT_STATUSES),
        measure_due_days: node
            .get("measures")
            .and_then(|m| m.int("due_after_days"))
            .unwrap_or(62),
        steps_note: meta.and_then(|m| m.string("steps_note")),
        persona_kinds: terms(node, "persona_kind"),
        coproduction_levels: terms(node, "coproduction_level"),
        configurations: terms(node, "configuration"),
        quadrants: terms(node, "quadrant"),
        steps,
        short_form,
        origin: source.display.display().to_string(),
    }
}

/// The rules a guide must follow beyond its shape.
fn check_rules(guide: &Guide, node: &Node, source: &Source, out: &mut Vec<Finding>) {
    for key in ["process_steps", "compass_measures"] {
        let r = range(node, key);
        if r.min > r.max {
            let span = node
                .get("limits")
                .and_then(|l| l.get(key))
                .map_or(0..0, |n| n.span.clone());
            out.push(
                Finding::error(
                    Code::CV040,
                    format!("limits.{key} has min {} above max {}", r.min, r.max),
                )
                .at(source, span)
                .help("make min no larger than max"),
            );
        }
    }
    for key in ["process_steps", "compass_measures", "compass_per_quadrant"] {
        let Some(limit) = node.get("limits").and_then(|l| l.get(key)) else {
            continue;
        };
        if let (Some(src), Some(src_node)) = (limit.str("source"), limit.get("source")) {
            if guide.citation(src).is_none() {
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!("limits.{key} names the source `{src}`, which is not in [sources]"),
                    )
                    .at(source, src_node.span.clone())
                    .help("add it under [sources] or name one that is there"),
                );
            }
        }
    }
    for list in [
        "persona_kind",
        "coproduction_level",
        "configuration",
        "quadrant",
        "step",
        "improvement_cluster",
        "improvement_status",
    ] {
        unique_ids(node.array(list), list, source, out);
    }
    let all_questions: Vec<&Node> = node
        .array("step")
        .iter()
        .flat_map(|s| s.array("question"))
        .chain(
            node.get("short_form")
                .map(|s| s.array("question"))
                .unwrap_or(&[]),
        )
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for q in &all_questions {
        let Some(id) = q.str("id") else { continue };
        let span = q.get("id").map_or(q.span.clone(), |n| n.span.clone());
        if seen.contains(&id) {
            out.push(
                Finding::error(Code::CV040, format!("question id `{id}` is used twice"))
                    .at(source, span.clone())
                    .help("give every question its own id"),
            );
        }
        seen.push(id);
        if let Some(src) = q.str("source") {
            if guide.citation(src).is_none() {
                let span = q.get("source").map_or(span.clone(), |n| n.span.clone());
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!(
                            "question `{id}` names the source `{src}`, which is not in [sources]"
                        ),
                    )
                    .at(source, span)
                    .help("add it under [sources] or name one that is there"),
                );
            }
        }
        if q.str("kind") == Some("walkthrough") {
            match q.str("configuration") {
                Some(c) if guide.configurations.iter().any(|t| t.id == c) => {}
                Some(c) => out.push(
                    Finding::error(Code::CV040, format!("question `{id}` walks through `{c}`, which is not a configuration of the guide"))
                        .at(source, q.get("configuration").map_or(span.clone(), |n| n.span.clone()))
                        .help("name one of the [[configuration]] ids"),
                ),
                None => out.push(
                    Finding::error(Code::CV040, format!("walk-through question `{id}` does not name its configuration"))
                        .at(source, span.clone())
                        .help("add configuration = \"chain\" (or shop, network, access)"),
                ),
            }
        }
    }
    for q in node
        .get("short_form")
        .map(|s| s.array("question"))
        .unwrap_or(&[])
    {
        if let Some(step) = q.str("summarises") {
            if !guide.steps.iter().any(|s| s.id == step) {
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!("a short-form question summarises `{step}`, which is not a step"),
                    )
                    .at(
                        source,
                        q.get("summarises")
                            .map_or(q.span.clone(), |n| n.span.clone()),
                    )
                    .help("name the id of a [[step]]"),
                );
            }
        }
    }
    for s in node.array("step") {
        if let Some(src) = s.str("source") {
            if guide.citation(src).is_none() {
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!("step source `{src}` is not in [sources]"),
                    )
                    .at(
                        source,
                        s.get("source").map_or(s.span.clone(), |n| n.span.clone()),
                    )
                    .help("add it under [sources] or name one that is there"),
                );
            }
        }
    }
}

fn unique_ids(items: &[Node], list: &str, source: &Source, out: &mut Vec<Finding>) {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if let Some(id) = item.str("id") {
            if seen.contains(&id) {
                out.push(
                    Finding::error(Code::CV040, format!("[[{list}]] id `{id}` is used twice"))
                        .at(
                            source,
                            item.get("id").map_or(item.span.clone(), |n| n.span.clone()),
                        )
                        .help("give each entry its own id"),
                );
            }
            seen.push(id);
        }
    }
}
