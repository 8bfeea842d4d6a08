//! The shape of every structured file of a workbook, written once as data:
//! the checker validates files against it, and `covalue schema` turns it into
//! JSON Schema for editors. Allowed values that the guide defines (persona
//! kinds, coproduction levels, configurations, quadrants) are looked up in the
//! workbook's guide.
//!
//! This file holds the record shapes themselves (every file's keys, their
//! types and what they mean); `spec/vocab.rs` the lists of allowed values,
//! `spec/validate.rs` the checker, `spec/schema.rs` the JSON Schemas and
//! `spec/network.rs` the shapes of a network folder's files.

mod network;
mod schema;
mod validate;
mod vocab;

pub use network::{COMMUNITY_SESSION, NETWORK};

/// Date fields are read with the calendar rule in `date.rs`; it is also
/// reachable here, beside the record shapes that hold dates.
pub use crate::date::parse_date;
pub use schema::{
    SCHEMA_DIR, SCHEMAS, community_session_schema, json_schema, network_schema,
    network_schema_files, schema_files, schema_line,
};
pub use validate::{KeyPath, is_date, quoted, suggest, validate};
pub use vocab::{
    BaseVocab, COORDINATOR, DEFAULT_ROLES, FORMS, MEASURE_FREQUENCIES, MEASURE_KINDS,
    SESSION_KINDS, Vocab, Vocabularies,
};

/// The type a field must have.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Any string.
    Str,
    /// A slug: lowercase letters, digits and hyphens.
    Slug,
    /// A whole number at least this.
    Int {
        /// The smallest allowed value.
        min: i64,
    },
    /// A number between these.
    Number {
        /// The smallest allowed value.
        min: f64,
        /// The largest allowed value.
        max: f64,
    },
    /// true or false.
    Bool,
    /// true, and nothing else (JSON Schema `const: true`). The checker
    /// reads it as true or false; the check that owns the field reports
    /// `false` in its own words (a persona's `composite`: CV022).
    True,
    /// A date, YYYY-MM-DD.
    Date,
    /// A list of strings.
    StrList,
    /// A list of slugs.
    SlugList,
    /// One of a list of values.
    Enum(Vocab),
    /// A list of values from a list.
    EnumList(Vocab),
    /// One value from a list, or a list of them (an improvement's
    /// `cluster`: one string in older files, a list where it touches several).
    EnumOneOrList(Vocab),
    /// A table of a given shape.
    Table(&'static Record),
    /// A list of tables of a given shape (`[[name]]`).
    TableArray(&'static Record),
    /// A table whose keys are free and whose values are strings.
    StrMap,
    /// A table whose keys are free and whose values are tables of a given shape.
    RecordMap(&'static Record),
}

/// One key of a record.
#[derive(Debug)]
pub struct Field {
    /// The key.
    pub name: &'static str,
    /// What it must hold.
    pub ty: Ty,
    /// Whether it must be there.
    pub required: bool,
    /// What it means, for users and for JSON Schema.
    pub doc: &'static str,
}

/// The shape of a table.
#[derive(Debug)]
pub struct Record {
    /// The record's name, as a user would say it.
    pub name: &'static str,
    /// Its keys.
    pub fields: &'static [Field],
}

/// A field of a record, written short for the tables of records.
pub const fn f(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required,
        doc,
    }
}

/// `covalue.toml`.
pub static CONFIG: Record = Record {
    name: "covalue.toml",
    fields: &[
        f(
            "title",
            Ty::Str,
            true,
            "The workbook's title, printed on every report.",
        ),
        f("organisation", Ty::Str, false, "The site or health system."),
        f(
            "guide",
            Ty::Str,
            false,
            "\"builtin\", \"builtin@VERSION\", or a path to a site's guide file relative to covalue.toml.",
        ),
        f(
            "form",
            Ty::Enum(Vocab::Form),
            false,
            "The form checked and rendered by default: full or short.",
        ),
        f(
            "templates",
            Ty::Str,
            false,
            "A folder of report templates that override the built-in ones.",
        ),
        f(
            "language",
            Ty::Enum(Vocab::Language),
            false,
            "The language of printed and served pages: en, sv, he or es (default en; en-XA is a test pseudo-language). The built-in guide is used in that language.",
        ),
        f(
            "privacy",
            Ty::Table(&PRIVACY),
            false,
            "Settings of the privacy check.",
        ),
    ],
};

static PRIVACY: Record = Record {
    name: "privacy",
    fields: &[f(
        "allow",
        Ty::TableArray(&PRIVACY_ALLOW),
        false,
        "Values the privacy check accepts, each with a reason.",
    )],
};

static PRIVACY_ALLOW: Record = Record {
    name: "privacy.allow",
    fields: &[
        f(
            "value",
            Ty::Str,
            true,
            "The exact value to accept, e.g. the clinic's public phone number.",
        ),
        f(
            "reason",
            Ty::Str,
            true,
            "Why this value may stay in the workbook.",
        ),
    ],
};

/// `population.toml`.
pub static POPULATION: Record = Record {
    name: "population.toml",
    fields: &[
        f("name", Ty::Str, true, "The population's name."),
        f(
            "description",
            Ty::Str,
            true,
            "Who they are, in a sentence or two.",
        ),
        f("setting", Ty::Str, false, "Where care happens."),
        f(
            "size",
            Ty::Table(&SIZE),
            false,
            "How many people the population counts.",
        ),
        f(
            "figure",
            Ty::TableArray(&FIGURE),
            false,
            "Demographic figures.",
        ),
        f(
            "team",
            Ty::TableArray(&TEAM),
            false,
            "The improvement team, by role.",
        ),
    ],
};

static SIZE: Record = Record {
    name: "size",
    fields: &[
        f("people", Ty::Int { min: 0 }, false, "How many people."),
        f("as_of", Ty::Str, false, "When they were counted."),
        f("note", Ty::Str, false, "Where the number comes from."),
    ],
};

static FIGURE: Record = Record {
    name: "figure",
    fields: &[
        f("label", Ty::Str, true, "What the figure describes."),
        f("value", Ty::Str, true, "The figure, with its unit."),
    ],
};

static TEAM: Record = Record {
    name: "team",
    fields: &[
        f(
            "role",
            Ty::Enum(Vocab::TeamRole),
            true,
            "The role on the team, one of the guide's roles.",
        ),
        f(
            "name",
            Ty::Str,
            false,
            "A name or a description of the role.",
        ),
    ],
};

/// The front matter of a persona file.
pub static PERSONA: Record = Record {
    name: "the persona's front matter",
    fields: &[
        f("name", Ty::Str, true, "The persona's name."),
        f(
            "kind",
            Ty::Enum(Vocab::PersonaKind),
            true,
            "Who this is: one of the guide's persona kinds.",
        ),
        f(
            "segment",
            Ty::Str,
            false,
            "The population segment this persona stands for.",
        ),
        f(
            "figures",
            Ty::Table(&PERSONA_FIGURES),
            false,
            "Figures of the segment.",
        ),
        f(
            "composite",
            Ty::True,
            true,
            "Must be true: personas are composites, never real people.",
        ),
    ],
};

static PERSONA_FIGURES: Record = Record {
    name: "figures",
    fields: &[
        f(
            "share_percent",
            Ty::Number {
                min: 0.0,
                max: 100.0,
            },
            false,
            "Share of the population in this segment, in percent.",
        ),
        f(
            "contacts_per_year",
            Ty::Number {
                min: 0.0,
                max: f64::INFINITY,
            },
            false,
            "Contacts with care per year.",
        ),
        f(
            "annual_cost",
            Ty::Number {
                min: 0.0,
                max: f64::INFINITY,
            },
            false,
            "Cost per person per year.",
        ),
        f("currency", Ty::Str, false, "Currency of annual_cost."),
    ],
};

/// `process-map.toml`.
pub static PROCESS_MAP: Record = Record {
    name: "process-map.toml",
    fields: &[
        f(
            "perspectives",
            Ty::StrList,
            false,
            "The perspectives the map is drawn from.",
        ),
        f(
            "step",
            Ty::TableArray(&PROCESS_STEP),
            false,
            "The steps of the service, in order.",
        ),
    ],
};

/// One `[[step]]` of a process map.
pub static PROCESS_STEP: Record = Record {
    name: "step",
    fields: &[
        f(
            "id",
            Ty::Slug,
            true,
            "A stable id; never reuse one for a different step.",
        ),
        f("title", Ty::Str, true, "What happens at this step."),
        f("actors", Ty::StrList, false, "Who takes part."),
        f(
            "coproduction",
            Ty::Enum(Vocab::CoproductionLevel),
            true,
            "The level of coproduction today.",
        ),
        f(
            "opportunity",
            Ty::Str,
            false,
            "An improvement opportunity at this step.",
        ),
        f(
            "configurations",
            Ty::EnumList(Vocab::Configuration),
            false,
            "The value configurations the step belongs to.",
        ),
        f(
            "personas",
            Ty::SlugList,
            false,
            "Slugs of the personas this step concerns.",
        ),
        f("perspectives", Ty::StrMap, false, "A note per perspective."),
    ],
};

/// `value-compass.toml`.
pub static COMPASS: Record = Record {
    name: "value-compass.toml",
    fields: &[f(
        "measure",
        Ty::TableArray(&MEASURE),
        false,
        "The measures of the value compass.",
    )],
};

/// One `[[measure]]` of the value compass.
pub static MEASURE: Record = Record {
    name: "measure",
    fields: &[
        f("id", Ty::Slug, true, "A stable id."),
        f(
            "kind",
            Ty::Enum(Vocab::MeasureKind),
            false,
            "What it tracks: outcome (the default, a measure of the value compass in its quadrant), process (how the work is done, such as safety tests taken on time) or balancing (what could get worse, such as days without medicine).",
        ),
        f(
            "quadrant",
            Ty::Enum(Vocab::Quadrant),
            false,
            "The compass quadrant of an outcome measure (required for outcome measures; process and balancing measures take none, checked as CV053).",
        ),
        f("name", Ty::Str, true, "The measure."),
        f(
            "frequency",
            Ty::Enum(Vocab::MeasureFrequency),
            false,
            "How often it is taken: weekly, monthly, quarterly or yearly (its values are checked against it, CV052).",
        ),
        f(
            "definition",
            Ty::Str,
            false,
            "The operational definition: who is counted, how, over what period. Every measure needs one (checked as CV026).",
        ),
        f("data_source", Ty::Str, false, "Where the data come from."),
        f("baseline", Ty::Str, false, "The value today, in words."),
        f("target", Ty::Str, false, "The value aimed for, in words."),
        f(
            "unit",
            Ty::Str,
            false,
            "The unit of the values, such as % or days.",
        ),
        f(
            "direction",
            Ty::Enum(Vocab::Direction),
            false,
            "Which way is better: higher or lower.",
        ),
        f(
            "target_value",
            Ty::Number {
                min: f64::MIN,
                max: f64::MAX,
            },
            false,
            "The value aimed for, as a number in the measure's unit (drawn as the target line of its run chart).",
        ),
        f(
            "value",
            Ty::TableArray(&MEASURE_VALUE),
            false,
            "The values measured over time, oldest first; the first is the baseline.",
        ),
        f(
            "domain",
            Ty::Slug,
            false,
            "The shared measure domain of a network of sites this measure belongs to (an id from the network's network.toml), so that sites measuring the same thing are compared side by side.",
        ),
    ],
};

static MEASURE_VALUE: Record = Record {
    name: "value",
    fields: &[
        f(
            "date",
            Ty::Date,
            true,
            "When it was measured (or the end of the period), YYYY-MM-DD.",
        ),
        f(
            "value",
            Ty::Number {
                min: f64::MIN,
                max: f64::MAX,
            },
            true,
            "The value, a number in the measure's unit.",
        ),
        f("note", Ty::Str, false, "Anything that explains the value."),
        f(
            "source",
            Ty::Str,
            false,
            "Where this value comes from, if not the measure's data source.",
        ),
    ],
};

/// A population's register of improvements, `improvements.toml`.
pub static IMPROVEMENTS: Record = Record {
    name: "improvements.toml",
    fields: &[
        f(
            "improvement",
            Ty::TableArray(&IMPROVEMENT),
            false,
            "The improvements the team takes up.",
        ),
        f(
            "not_taken_up",
            Ty::TableArray(&NOT_TAKEN_UP),
            false,
            "Opportunities on the process map the team decided not to take up, each with a reason.",
        ),
    ],
};

static IMPROVEMENT: Record = Record {
    name: "improvement",
    fields: &[
        f("id", Ty::Slug, true, "A stable id."),
        f("title", Ty::Str, true, "The improvement, in a few words."),
        f(
            "cluster",
            Ty::EnumOneOrList(Vocab::ImprovementCluster),
            true,
            "The cluster of opportunity it belongs to, or a list of them when it touches several.",
        ),
        f(
            "steps",
            Ty::SlugList,
            false,
            "The process-map steps it concerns (their ids).",
        ),
        f(
            "configurations",
            Ty::EnumList(Vocab::Configuration),
            false,
            "The value configurations it concerns.",
        ),
        f(
            "personas",
            Ty::SlugList,
            false,
            "The personas it concerns (their file names).",
        ),
        f("owner", Ty::Str, false, "Who leads it."),
        f(
            "measures",
            Ty::SlugList,
            false,
            "The value-compass measures that will show whether it is an improvement (their ids).",
        ),
        f("note", Ty::Str, false, "Anything else."),
        f(
            "learning",
            Ty::Str,
            false,
            "What the team learnt from it, in its own words (Markdown); the network report shows it beside the improvement.",
        ),
        f(
            "exemplar",
            Ty::Str,
            false,
            "Why other sites of a network could learn from it: marks it as an exemplar in the network report.",
        ),
        f(
            "status",
            Ty::TableArray(&STATUS_CHANGE),
            false,
            "Its status over time, oldest first; the last is the status now.",
        ),
    ],
};

static STATUS_CHANGE: Record = Record {
    name: "status",
    fields: &[
        f(
            "state",
            Ty::Enum(Vocab::ImprovementStatus),
            true,
            "idea, planned, testing, adopted or abandoned (the guide's statuses).",
        ),
        f("date", Ty::Date, true, "When it changed, YYYY-MM-DD."),
    ],
};

static NOT_TAKEN_UP: Record = Record {
    name: "not_taken_up",
    fields: &[
        f(
            "step",
            Ty::Slug,
            true,
            "The process-map step whose opportunity is not taken up.",
        ),
        f("reason", Ty::Str, true, "Why not."),
    ],
};

/// A session record, `sessions/YYYY-MM-DD-name.toml`.
pub static SESSION: Record = Record {
    name: "session",
    fields: &[
        f(
            "date",
            Ty::Date,
            true,
            "The day of the session, YYYY-MM-DD.",
        ),
        f(
            "title",
            Ty::Str,
            false,
            "What the session is about, in a few words.",
        ),
        f("facilitator", Ty::Str, false, "Who leads the session."),
        f(
            "note_taker",
            Ty::Str,
            false,
            "Who writes down the team's answers.",
        ),
        f(
            "populations",
            Ty::SlugList,
            false,
            "The populations the session works on (their folder names).",
        ),
        f(
            "focus",
            Ty::SlugList,
            false,
            "The guide's steps in focus (step ids, as `covalue guide` lists them).",
        ),
        f(
            "revision",
            Ty::Str,
            false,
            "The git commit the workbook was at when the session was prepared (written by `covalue session new`).",
        ),
        f(
            "attendees",
            Ty::TableArray(&ATTENDEE),
            false,
            "The people at the session, each with a role.",
        ),
        f("decisions", Ty::StrList, false, "What the team decided."),
        f(
            "answered",
            Ty::StrList,
            false,
            "The questions answered at the session (question ids; `covalue serve` adds each one it saves).",
        ),
        f(
            "actions",
            Ty::TableArray(&ACTION),
            false,
            "What someone will do, by when.",
        ),
    ],
};

static ATTENDEE: Record = Record {
    name: "attendees",
    fields: &[
        f(
            "name",
            Ty::Str,
            true,
            "The person's name or role, as the team records it.",
        ),
        f(
            "role",
            Ty::Enum(Vocab::AttendeeRole),
            true,
            "Their role, one of the guide's roles (the same list as the team roster's).",
        ),
    ],
};

static ACTION: Record = Record {
    name: "actions",
    fields: &[
        f("what", Ty::Str, true, "What will be done."),
        f("owner", Ty::Str, false, "Who will do it."),
        f("due", Ty::Date, false, "By when, YYYY-MM-DD."),
        f("done", Ty::Bool, false, "Whether it is done."),
    ],
};
