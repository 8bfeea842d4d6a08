//! The shape of every structured file of a workbook, written once as data:
//! the checker validates files against it, and `covalue schema` turns it into
//! JSON Schema for editors. Allowed values that the guide defines (persona
//! kinds, coproduction levels, configurations, quadrants) are looked up in the
//! workbook's guide.

use crate::finding::{Code, Finding};
use crate::node::{Key, Node, Value};
use crate::source::Source;

/// Date fields are read with the calendar rule in `date.rs`; it is also
/// reachable here, beside the record shapes that hold dates.
pub use crate::date::parse_date;

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
            "The role on the team.",
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
            "quadrant",
            Ty::Enum(Vocab::Quadrant),
            true,
            "The compass quadrant.",
        ),
        f("name", Ty::Str, true, "The measure."),
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
            Ty::Enum(Vocab::ImprovementCluster),
            true,
            "The cluster of opportunity it belongs to.",
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

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word_l, &c.to_lowercase()), c))
        .filter(|(d, c)| {
            *d <= (c.chars().count().max(3) / 3).max(1)
                || c.replace(['_', '-', ' '], "") == word_l.replace(['_', '-', ' '], "")
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Where a value is in a file, such as `step[3].coproduction` (the third
/// step); written out only when a finding needs it. Items of a list are
/// counted from 1, as people count, in every message and in JSON.
#[derive(Debug, Clone, Copy)]
pub enum KeyPath<'a> {
    /// The whole file.
    Root,
    /// A key of a table.
    Key(&'a KeyPath<'a>, &'a str),
    /// An item of a list, by its position counted from 1.
    Item(&'a KeyPath<'a>, usize),
}

impl KeyPath<'_> {
    /// Whether this is the whole file.
    pub fn is_root(&self) -> bool {
        matches!(self, KeyPath::Root)
    }
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPath::Root => Ok(()),
            KeyPath::Key(parent, key) if parent.is_root() => f.write_str(key),
            KeyPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            KeyPath::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// Checks a table against a record's shape; reports every problem.
pub fn validate(
    node: &Node,
    record: &Record,
    vocab: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    let Value::Table(entries) = &node.value else {
        let finding = if path.is_root() {
            Finding::error(Code::CV004, format!("{} should hold keys and values, but it is {}", record.name, node.value.type_name()))
                .at(source, node.span.clone())
                .help(format!("write one `key = value` (TOML) or `key: value` (front matter) per line, with the keys {}", key_list(record)))
        } else {
            Finding::error(
                Code::CV004,
                format!(
                    "`{path}` should be a table, but it is {}",
                    node.value.type_name()
                ),
            )
            .at(source, node.span.clone())
            .help(format!(
                "write it as a table ([{path}]) with the keys {}",
                key_list(record)
            ))
        };
        out.push(finding);
        return;
    };
    for (key, value) in entries {
        let full = KeyPath::Key(path, &key.name);
        match record.fields.iter().find(|f| f.name == key.name) {
            Some(field) => validate_value(value, field, vocab, source, &full, out),
            None => out.push(unknown_key(key, record, source, path)),
        }
    }
    for field in record.fields.iter().filter(|f| f.required) {
        // A misspelt key is reported once, as unknown with its suggestion.
        let misspelt = entries.iter().any(|(k, _)| {
            !record.fields.iter().any(|f| f.name == k.name)
                && suggest(&k.name, record.fields.iter().map(|f| f.name)) == Some(field.name)
        });
        if !misspelt && !entries.iter().any(|(k, _)| k.name == field.name) {
            let what = if path.is_root() {
                format!("`{}` is missing from {}", field.name, record.name)
            } else {
                format!("`{}` is missing in `{path}`", field.name)
            };
            let span = if path.is_root() {
                0..0
            } else {
                node.span.start..node.span.start
            };
            let doc = field.doc.trim_end_matches('.');
            let doc =
                doc.get(..1).map_or(String::new(), str::to_lowercase) + doc.get(1..).unwrap_or("");
            out.push(
                Finding::error(Code::CV006, what)
                    .at(source, span)
                    .help(format!("add `{}` ({doc})", field.name)),
            );
        }
    }
}

fn key_list(record: &Record) -> String {
    record
        .fields
        .iter()
        .map(|f| format!("`{}`", f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_key(key: &Key, record: &Record, source: &Source, path: &KeyPath<'_>) -> Finding {
    let place = if path.is_root() {
        record.name.to_string()
    } else {
        format!("`{path}`")
    };
    let finding = Finding::error(
        Code::CV003,
        format!("unknown key `{}` in {place}", key.name),
    )
    .at(source, key.span.clone());
    match suggest(&key.name, record.fields.iter().map(|f| f.name)) {
        Some(better) => finding.help(format!("did you mean `{better}`?")),
        None => finding.help(format!("the keys allowed here are {}", key_list(record))),
    }
}

fn validate_value(
    node: &Node,
    field: &Field,
    vocab: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    let wrong = |expected: &str| {
        Finding::error(
            Code::CV004,
            format!(
                "`{path}` should be {expected}, but it is {}",
                node.value.type_name()
            ),
        )
        .at(source, node.span.clone())
        .help(format!(
            "{}: write it as {expected}",
            field.doc.trim_end_matches('.')
        ))
    };
    match (field.ty, &node.value) {
        (Ty::Str, Value::Str(_)) => {}
        (Ty::Str, _) => out.push(wrong("a string in quotes")),
        (Ty::Slug, Value::Str(s)) => {
            if !crate::workbook::layout::is_slug(s) {
                out.push(bad_slug(node, source, path, s));
            }
        }
        (Ty::Slug, _) => out.push(wrong("a string in quotes")),
        (Ty::Int { min }, Value::Int(i)) => {
            if *i < min {
                out.push(
                    Finding::error(
                        Code::CV005,
                        format!("`{path}` is {i}; it cannot be less than {min}"),
                    )
                    .at(source, node.span.clone())
                    .help(format!("write a whole number of at least {min}")),
                );
            }
        }
        (Ty::Int { .. }, _) => out.push(wrong("a whole number")),
        (Ty::Number { min, max }, Value::Int(_) | Value::Float(_)) => {
            let v = match node.value {
                Value::Int(i) => i as f64,
                Value::Float(x) => x,
                _ => 0.0,
            };
            if !(v >= min && v <= max) {
                let range = if max.is_finite() {
                    format!("between {min} and {max}")
                } else {
                    format!("at least {min}")
                };
                out.push(
                    Finding::error(Code::CV005, format!("`{path}` is {v}; it must be {range}"))
                        .at(source, node.span.clone())
                        .help(format!("write a number {range}")),
                );
            }
        }
        (Ty::Number { .. }, _) => out.push(wrong("a number (without quotes or units)")),
        (Ty::Bool | Ty::True, Value::Bool(_)) => {}
        (Ty::Bool, _) => out.push(wrong("true or false")),
        (Ty::True, _) => out.push(wrong("true (without quotes)")),
        (Ty::Date, Value::Date(_)) => {}
        (Ty::Date, Value::Str(s)) if is_date(s) => {}
        (Ty::Date, _) => out.push(wrong("a date (YYYY-MM-DD)")),
        (Ty::StrList | Ty::SlugList | Ty::EnumList(_), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = KeyPath::Item(path, i + 1);
                match (&item.value, field.ty) {
                    (Value::Str(s), Ty::SlugList) if !crate::workbook::layout::is_slug(s) => {
                        out.push(bad_slug(item, source, &item_path, s))
                    }
                    (Value::Str(s), Ty::EnumList(v)) => {
                        check_enum(item, s, v, vocab, source, &item_path, out)
                    }
                    (Value::Str(_), _) => {}
                    (other, _) => out.push(
                        Finding::error(
                            Code::CV004,
                            format!(
                                "`{item_path}` should be a string, but it is {}",
                                other.type_name()
                            ),
                        )
                        .at(source, item.span.clone())
                        .help("put each item of the list in quotes"),
                    ),
                }
            }
        }
        (Ty::StrList | Ty::SlugList | Ty::EnumList(_), _) => {
            out.push(wrong("a list of strings, like [\"a\", \"b\"]"))
        }
        (Ty::Enum(v), Value::Str(s)) => check_enum(node, s, v, vocab, source, path, out),
        (Ty::Enum(v), _) => out.push(wrong(&format!("one of {}", quoted(&vocab.values(v))))),
        (Ty::Table(record), Value::Table(_)) => validate(node, record, vocab, source, path, out),
        (Ty::Table(_), _) => out.push(wrong("a table")),
        (Ty::TableArray(record), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                validate(
                    item,
                    record,
                    vocab,
                    source,
                    &KeyPath::Item(path, i + 1),
                    out,
                );
            }
        }
        (Ty::TableArray(_), _) => out.push(wrong(&format!("a list of tables, written [[{path}]]"))),
        (Ty::StrMap, Value::Table(entries)) => {
            for (key, value) in entries {
                if !matches!(value.value, Value::Str(_)) {
                    out.push(
                        Finding::error(
                            Code::CV004,
                            format!(
                                "`{path}.{}` should be a string, but it is {}",
                                key.name,
                                value.value.type_name()
                            ),
                        )
                        .at(source, value.span.clone())
                        .help("write each note as text in quotes"),
                    );
                }
            }
        }
        (Ty::StrMap, _) => out.push(wrong("a table of notes")),
        (Ty::RecordMap(record), Value::Table(entries)) => {
            for (key, value) in entries {
                validate(
                    value,
                    record,
                    vocab,
                    source,
                    &KeyPath::Key(path, &key.name),
                    out,
                );
            }
        }
        (Ty::RecordMap(_), _) => out.push(wrong("a table")),
    }
}

fn check_enum(
    node: &Node,
    value: &str,
    vocab: Vocab,
    vocabs: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    if vocabs.allows(vocab, value) {
        return;
    }
    let allowed = vocabs.values(vocab);
    let hint = match suggest(value, allowed.iter().map(String::as_str)) {
        Some(better) => format!(
            "did you mean \"{better}\"? The allowed values are {}",
            quoted(&allowed)
        ),
        None => format!("use one of {}", quoted(&allowed)),
    };
    out.push(
        Finding::error(
            Code::CV005,
            format!("`{path}` is \"{value}\", which is not one of the allowed values"),
        )
        .at(source, node.span.clone())
        .help(hint),
    );
}

fn bad_slug(node: &Node, source: &Source, path: &KeyPath<'_>, value: &str) -> Finding {
    Finding::error(
        Code::CV005,
        format!("`{path}` is \"{value}\", which is not a valid id"),
    )
    .at(source, node.span.clone())
    .help("ids use lowercase letters, digits and hyphens, for example \"first-visit\"")
}

/// Quotes and joins allowed values for a message.
pub fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a string is a calendar date written YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// `network.toml`: a network of sites, each keeping its workbook in its own
/// git repository (see docs/network.md).
pub static NETWORK: Record = Record {
    name: "network.toml",
    fields: &[
        f(
            "name",
            Ty::Str,
            true,
            "The network's name, printed on its reports.",
        ),
        f(
            "site",
            Ty::TableArray(&NETWORK_SITE),
            false,
            "The sites, each with its workbook's git address.",
        ),
        f(
            "domain",
            Ty::TableArray(&NETWORK_DOMAIN),
            false,
            "Shared measure domains that sites' measures name with `domain = \"…\"`.",
        ),
    ],
};

static NETWORK_SITE: Record = Record {
    name: "site",
    fields: &[
        f(
            "name",
            Ty::Slug,
            true,
            "The site's short name: lowercase letters, digits and hyphens; also the name of its copy in the cache.",
        ),
        f("country", Ty::Str, false, "The site's country."),
        f(
            "address",
            Ty::Str,
            true,
            "The git address of the site's workbook: https://…, ssh://…, user@host:path, git://… or a local path.",
        ),
        f(
            "ref",
            Ty::Str,
            false,
            "The branch, tag or commit to read (default: the repository's default branch).",
        ),
    ],
};

static NETWORK_DOMAIN: Record = Record {
    name: "domain",
    fields: &[
        f(
            "id",
            Ty::Slug,
            true,
            "The domain's id, as a site's measure names it.",
        ),
        f("name", Ty::Str, true, "What the domain measures."),
        f(
            "description",
            Ty::Str,
            false,
            "How sites' measures of this domain are to be read side by side.",
        ),
    ],
};

/// The JSON Schema of `network.toml`.
pub fn network_schema() -> String {
    let schema = json_schema(
        &NETWORK,
        &BaseVocab,
        "network",
        "network.toml: a network of sites and the shared measure domains",
    );
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

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
            "Their role: patient-partner, family-partner, clinical, nurse, operations, finance, community, team-lead, facilitator or other.",
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

/// The JSON Schema (draft-07) of a record, with allowed values from `vocab`.
/// Editors (Even Better TOML, taplo) use it to validate and complete while
/// typing; it is made from the same definitions `covalue check` uses.
pub fn json_schema(
    record: &Record,
    vocab: &dyn Vocabularies,
    title: &str,
    description: &str,
) -> serde_json::Value {
    let mut schema = record_schema(record, vocab);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$schema".into(),
            "http://json-schema.org/draft-07/schema#".into(),
        );
        obj.insert("title".into(), title.into());
        obj.insert("description".into(), description.into());
    }
    schema
}

fn record_schema(record: &Record, vocab: &dyn Vocabularies) -> serde_json::Value {
    let mut properties = serde_json::Map::new();
    for field in record.fields {
        let mut prop = type_schema(field.ty, vocab);
        if let Some(obj) = prop.as_object_mut() {
            obj.insert("description".into(), field.doc.into());
        }
        properties.insert(field.name.into(), prop);
    }
    let required: Vec<&str> = record
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    serde_json::json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn type_schema(ty: Ty, vocab: &dyn Vocabularies) -> serde_json::Value {
    use serde_json::json;
    match ty {
        Ty::Str => json!({ "type": "string" }),
        Ty::Slug => json!({ "type": "string", "pattern": SLUG_PATTERN }),
        Ty::Int { min } => json!({ "type": "integer", "minimum": min }),
        Ty::Number { min, max } if max.is_finite() => {
            json!({ "type": "number", "minimum": min, "maximum": max })
        }
        Ty::Number { min, .. } => json!({ "type": "number", "minimum": min }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::True => json!({ "type": "boolean", "const": true }),
        Ty::Date => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }),
        Ty::StrList => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::SlugList => {
            json!({ "type": "array", "items": { "type": "string", "pattern": SLUG_PATTERN } })
        }
        Ty::Enum(v) => json!({ "type": "string", "enum": vocab.values(v) }),
        Ty::EnumList(v) => {
            json!({ "type": "array", "items": { "type": "string", "enum": vocab.values(v) } })
        }
        Ty::Table(record) => record_schema(record, vocab),
        Ty::TableArray(record) => json!({ "type": "array", "items": record_schema(record, vocab) }),
        Ty::StrMap => json!({ "type": "object", "additionalProperties": { "type": "string" } }),
        Ty::RecordMap(record) => {
            json!({ "type": "object", "additionalProperties": record_schema(record, vocab) })
        }
    }
}

/// Every structured file of a workbook: its schema file name, its record and a description.
pub const SCHEMAS: &[(&str, &Record, &str)] = &[
    (
        "covalue.schema.json",
        &CONFIG,
        "covalue.toml: the workbook's settings",
    ),
    (
        "population.schema.json",
        &POPULATION,
        "population.toml: who the population is",
    ),
    (
        "process-map.schema.json",
        &PROCESS_MAP,
        "process-map.toml: the service in 10 to 15 steps",
    ),
    (
        "value-compass.schema.json",
        &COMPASS,
        "value-compass.toml: the measures of the value compass",
    ),
    (
        "persona.schema.json",
        &PERSONA,
        "the YAML front matter of a persona file",
    ),
    (
        "improvements.schema.json",
        &IMPROVEMENTS,
        "improvements.toml: the register of improvements of a population",
    ),
    (
        "session.schema.json",
        &SESSION,
        "sessions/*.toml: one team session, its people, decisions and actions",
    ),
];

/// Where `init` and `new` put the schemas in a workbook.
pub use crate::workbook::layout::SCHEMA_DIR;

/// The schemas of every structured file for a guide: (file name, JSON text).
pub fn schema_files(vocab: &dyn Vocabularies) -> Vec<(&'static str, String)> {
    SCHEMAS
        .iter()
        .map(|(name, record, description)| {
            let schema = json_schema(
                record,
                vocab,
                name.trim_end_matches(".schema.json"),
                description,
            );
            (
                *name,
                serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n",
            )
        })
        .collect()
}

/// The `#:schema` line that starts a TOML file `depth` folders below the
/// workbook's root, so that editors validate it while typing.
pub fn schema_line(name: &str, depth: usize) -> String {
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{SCHEMA_DIR}/{name}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(
            suggest("coprodution", ["id", "title", "coproduction"]),
            Some("coproduction")
        );
        assert_eq!(suggest("colour", ["id", "title"]), None);
        assert_eq!(
            suggest("shared planning", ["none", "shared-planning"]),
            Some("shared-planning")
        );
    }

    #[test]
    fn the_persona_schema_accepts_only_composite_true() {
        let schema = json_schema(&PERSONA, &BaseVocab, "persona", "");
        let composite = &schema["properties"]["composite"];
        assert_eq!(composite["type"], "boolean");
        assert_eq!(composite["const"], true, "{composite}");
        assert!(
            schema["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|k| k == "composite"))
        );
    }

    #[test]
    fn positions_in_a_path_count_from_one() {
        let text = "[[step]]\nid = \"a\"\ntitle = \"A\"\ncoproduction = \"none\"\n\n[[step]]\nid = \"b\"\ntitle = \"B\"\ncoproduction = \"none\"\nactors = [\"GP\", 3]\npersonas = [\"asa\", \"Not A Slug\"]\n";
        let source = Source::new("process-map.toml", text.to_string());
        let node = crate::node::parse_toml(&source).unwrap_or_else(|f| panic!("{}", f.message));
        let mut out = Vec::new();
        validate(
            &node,
            &PROCESS_MAP,
            &BaseVocab,
            &source,
            &KeyPath::Root,
            &mut out,
        );
        let messages: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        // The second step, its second actor and its second persona.
        for path in ["`step[2].actors[2]`", "`step[2].personas[2]`"] {
            assert!(
                messages.iter().any(|m| m.contains(path)),
                "{path} in {messages:#?}"
            );
        }
        assert!(!messages.iter().any(|m| m.contains("[0]")), "{messages:#?}");
    }

    #[test]
    fn slugs_and_dates() {
        assert!(crate::workbook::layout::is_slug("first-visit"));
        assert!(!crate::workbook::layout::is_slug("First visit"));
        assert!(!crate::workbook::layout::is_slug("a--b"));
        assert!(!crate::workbook::layout::is_slug(".."));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2024-2-29"));
    }
}
