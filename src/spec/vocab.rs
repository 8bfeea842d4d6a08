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
    /// Roles on the team.
    TeamRole,
    /// Roles of the people at a session.
    AttendeeRole,
    /// The guide's clusters of improvement opportunity.
    ImprovementCluster,
    /// The guide's statuses of an improvement.
    ImprovementStatus,
    /// Which way a measure should go: higher or lower.
    Direction,
    /// Kinds of answers a guide's question takes.
    QuestionKind,
}

/// Roles a team member can have.
pub const TEAM_ROLES: &[&str] = &[
    "team-lead",
    "clinical",
    "operations",
    "finance",
    "patient-partner",
    "facilitator",
];
/// Roles of the people at a session: the team's roles, and the others who
/// come to a session.
pub const ATTENDEE_ROLES: &[&str] = &[
    "patient-partner",
    "family-partner",
    "clinical",
    "nurse",
    "operations",
    "finance",
    "community",
    "team-lead",
    "facilitator",
    "other",
];
/// The roles that bring the experience of living with the condition or of
/// caring for someone who does.
pub const PARTNER_ROLES: &[&str] = &["patient-partner", "family-partner"];
/// The forms of the guide.
pub const FORMS: &[&str] = &["full", "short"];

/// The vocabularies that do not depend on a guide (forms, team roles, question kinds).
pub struct BaseVocab;

impl Vocabularies for BaseVocab {
    fn values(&self, vocab: Vocab) -> Vec<String> {
        let list: &[&str] = match vocab {
            Vocab::Form => FORMS,
            Vocab::TeamRole => TEAM_ROLES,
            Vocab::AttendeeRole => ATTENDEE_ROLES,
            Vocab::Direction => &["higher", "lower"],
            Vocab::QuestionKind => &[
                "text",
                "personas",
                "process-map",
                "value-compass",
                "walkthrough",
            ],
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
