//! The shape of a guide file, written as `spec` records: the checker
//! validates a guide against [`GUIDE`] before it is built, so that a site's
//! guide with a wrong key or type is reported at its line.

use crate::spec::{Record, Ty, Vocab, f};

/// A guide file.
pub(super) static GUIDE: Record = Record {
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
            "role",
            Ty::TableArray(&TERM),
            false,
            "Roles of the team roster and of the people at a session; a role with partner = true is a patient or family partner (the built-in roles are always there).",
        ),
        f(
            "measures",
            Ty::Table(&MEASURES),
            false,
            "What the checks ask of measures tracked over time.",
        ),
        f(
            "renamed",
            Ty::TableArray(&RENAMED),
            false,
            "Question ids a version of the guide renamed; `covalue upgrade` carries answers from the old id to the new one.",
        ),
    ],
};

static RENAMED: Record = Record {
    name: "renamed",
    fields: &[
        f("from", Ty::Slug, true, "The old question id."),
        f("to", Ty::Slug, true, "The new question id."),
        f("since", Ty::Str, true, "The guide version that renamed it."),
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
        f(
            "translation_of",
            Ty::Slug,
            false,
            "For a translated guide: the id of the guide it translates (the built-in guide is co-value).",
        ),
        f(
            "language",
            Ty::Str,
            false,
            "The language of the guide's text, such as sv, he or es (required with translation_of).",
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
        f(
            "translation_of",
            Ty::Str,
            false,
            "For a translation: the id of the source it translates, in this guide or the original guide.",
        ),
        f(
            "language",
            Ty::Str,
            false,
            "For a translation: its language, such as sv, he or es.",
        ),
        f(
            "translated_by",
            Ty::Str,
            false,
            "For a translation: who translated it.",
        ),
        f(
            "translated_on",
            Ty::Date,
            false,
            "For a translation: when, YYYY-MM-DD.",
        ),
        f(
            "reviewed",
            Ty::Bool,
            false,
            "For a translation: whether the site has reviewed it (default false).",
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
        f(
            "quote",
            Ty::Str,
            false,
            "The source's own words for the limit, quoted when a count is outside it.",
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
            "source",
            Ty::Str,
            false,
            "The id in [sources] the title and description are quoted from, word for word.",
        ),
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
        f(
            "partner",
            Ty::Bool,
            false,
            "This role is a patient or family partner's.",
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
        f(
            "source",
            Ty::Str,
            true,
            "The id of the title's citation (the title only).",
        ),
        f(
            "intro_source",
            Ty::Str,
            false,
            "The id of the introduction's citation (default \"draft\": this guide's own writing).",
        ),
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
            "intro_source",
            Ty::Str,
            false,
            "The id of the introduction's citation (default \"draft\": this guide's own writing).",
        ),
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
            "help_source",
            Ty::Str,
            false,
            "The id of the help text's citation (default \"draft\": this guide's own writing).",
        ),
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
