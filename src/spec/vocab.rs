//! The lists of allowed values a field can name: the ones every workbook
//! shares (forms, team and attendee roles, question kinds) and, through
//! [`Vocabularies`], the ones a guide defines (persona kinds, coproduction
//! levels, configurations, quadrants).

/// A list of allowed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocab {
    /// The guide's persona kinds.
    PersonaKind,
    /// The guide's levels of coproduction.
    CoproductionLevel,
    /// The guide's value configurations.
    Configuration,
    /// The guide's value compass quadrants.
    Quadrant,
    /// The two forms: full and short.
    Form,
    /// Roles on the team (the guide's roles).
    TeamRole,
    /// Roles of the people at a session (the same guide's roles).
    AttendeeRole,
    /// The guide's clusters of improvement opportunity.
    ImprovementCluster,
    /// The guide's statuses of an improvement.
    ImprovementStatus,
    /// Which way a measure should go: higher or lower.
    Direction,
    /// What a measure tracks: outcome, process or balancing (covalue's own
    /// vocabulary, like the value formats, not guide data).
    MeasureKind,
    /// How often a measure is taken: weekly, monthly, quarterly or yearly.
    MeasureFrequency,
    /// Kinds of answers a guide's question takes.
    QuestionKind,
    /// The languages covalue prints pages in.
    Language,
    /// Kinds of a community's session (webinar, in-person meeting, …).
    SessionKind,
    /// Roles of the people at a community session: the guide's roles and
    /// [`COORDINATOR`].
    CommunityRole,
}

/// The kinds of a community's own sessions (`sessions/*.toml` in a network
/// folder): a short list, kept here, with `other` for the rest.
pub const SESSION_KINDS: &[&str] = &["webinar", "in-person", "coaching-call", "workshop", "other"];

/// The role a community session adds to the guide's roles: whoever
/// coordinates the network.
pub const COORDINATOR: &str = "coordinator";

/// The roles of a guide that names none (the built-in guide's `[[role]]`
/// list): one vocabulary for the team roster and for the people at a
/// session. Each is (id, title, whether it is a patient or family partner).
pub const DEFAULT_ROLES: &[(&str, &str, bool)] = &[
    ("team-lead", "Team lead", false),
    ("clinical", "Clinician", false),
    ("nurse", "Nurse", false),
    ("operations", "Operations", false),
    ("finance", "Finance", false),
    ("patient-partner", "Patient partner", true),
    ("family-partner", "Family partner", true),
    ("community-member", "Community member", false),
    ("facilitator", "Facilitator", false),
    ("other", "Other", false),
];
/// The kinds of measure: an outcome measure sits in a quadrant of the value
/// compass; process and balancing measures are tracked beside it.
pub const MEASURE_KINDS: &[&str] = &["outcome", "process", "balancing"];
/// How often a measure can be said to be taken.
pub const MEASURE_FREQUENCIES: &[&str] = &["weekly", "monthly", "quarterly", "yearly"];
/// The forms of the guide.
pub const FORMS: &[&str] = &["full", "short"];

/// The vocabularies that do not depend on a guide (forms, team roles, question kinds).
pub struct BaseVocab;

impl Vocabularies for BaseVocab {
    fn values(&self, vocab: Vocab) -> Vec<String> {
        let list: &[&str] = match vocab {
            Vocab::Form => FORMS,
            Vocab::TeamRole | Vocab::AttendeeRole => {
                return DEFAULT_ROLES.iter().map(|r| r.0.to_string()).collect();
            }
            Vocab::CommunityRole => {
                return DEFAULT_ROLES
                    .iter()
                    .map(|r| r.0)
                    .chain([COORDINATOR])
                    .map(str::to_string)
                    .collect();
            }
            Vocab::SessionKind => SESSION_KINDS,
            Vocab::Direction => &["higher", "lower"],
            Vocab::MeasureKind => MEASURE_KINDS,
            Vocab::MeasureFrequency => MEASURE_FREQUENCIES,
            Vocab::QuestionKind => &[
                "text",
                "personas",
                "process-map",
                "value-compass",
                "walkthrough",
            ],
            Vocab::Language => &["en", "sv", "he", "es", "en-XA"],
            _ => &[],
        };
        list.iter().map(|s| s.to_string()).collect()
    }
}

/// Gives the allowed values of each vocabulary.
pub trait Vocabularies {
    /// The allowed values, in the guide's order.
    fn values(&self, vocab: Vocab) -> Vec<String>;

    /// Whether a value is allowed.
    fn allows(&self, vocab: Vocab, value: &str) -> bool {
        self.values(vocab).iter().any(|v| v == value)
    }
}
