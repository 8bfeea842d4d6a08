//! The shapes of a network folder's files: `network.toml` and the
//! community's session records (`sessions/*.toml`), beside the team's.

use super::{ACTION, Record, Ty, Vocab, f};

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
            "language",
            Ty::Enum(Vocab::Language),
            false,
            "The language of the network's report and community session packs: en, sv, he or es (default en). `--lang` chooses another for one run.",
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
        f(
            "exemplar",
            Ty::TableArray(&NETWORK_EXEMPLAR),
            false,
            "Answers or improvements of a site the coordinator marks as exemplars for the others.",
        ),
    ],
};

static NETWORK_EXEMPLAR: Record = Record {
    name: "exemplar",
    fields: &[
        f("site", Ty::Slug, true, "The site, as `[[site]]` names it."),
        f(
            "population",
            Ty::Slug,
            false,
            "The population's folder name, when the site has more than one.",
        ),
        f(
            "question",
            Ty::Slug,
            false,
            "The id of the question whose answer is the exemplar (or give `improvement`).",
        ),
        f(
            "improvement",
            Ty::Slug,
            false,
            "The id of the improvement that is the exemplar (or give `question`).",
        ),
        f(
            "note",
            Ty::Str,
            false,
            "Why others could learn from it, in the coordinator's words.",
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

/// A community session record, `sessions/YYYY-MM-DD-KIND.toml` in a
/// network folder: the team session's record, with the sites and kind
/// of meeting, each attendee's site, and what each site presented.
pub static COMMUNITY_SESSION: Record = Record {
    name: "community session",
    fields: &[
        f(
            "date",
            Ty::Date,
            true,
            "The day of the session, YYYY-MM-DD.",
        ),
        f(
            "kind",
            Ty::Enum(Vocab::SessionKind),
            false,
            "What kind of meeting: webinar, in-person, coaching-call, workshop or other.",
        ),
        f(
            "title",
            Ty::Str,
            false,
            "What the session is about, in a few words.",
        ),
        f("facilitator", Ty::Str, false, "Who leads the session."),
        f("note_taker", Ty::Str, false, "Who takes the notes."),
        f(
            "sites",
            Ty::SlugList,
            false,
            "The sites present (their names in network.toml).",
        ),
        f(
            "revisions",
            Ty::StrMap,
            false,
            "Each site's fetched commit when the session was prepared (written by `covalue network session new`).",
        ),
        f(
            "attendees",
            Ty::TableArray(&COMMUNITY_ATTENDEE),
            false,
            "The people at the session, each with a role and, for a site's people, their site.",
        ),
        f(
            "presented",
            Ty::TableArray(&PRESENTATION),
            false,
            "What was presented: by which site, about which question or improvement.",
        ),
        f(
            "decisions",
            Ty::StrList,
            false,
            "What the community decided.",
        ),
        f(
            "actions",
            Ty::TableArray(&ACTION),
            false,
            "What someone will do, by when.",
        ),
    ],
};

static COMMUNITY_ATTENDEE: Record = Record {
    name: "attendees",
    fields: &[
        f("name", Ty::Str, true, "The person's name or role."),
        f(
            "role",
            Ty::Enum(Vocab::CommunityRole),
            true,
            "Their role: one of the guide's roles, or coordinator.",
        ),
        f(
            "site",
            Ty::Slug,
            false,
            "Their site (its name in network.toml); none for the network's own people.",
        ),
    ],
};

static PRESENTATION: Record = Record {
    name: "presented",
    fields: &[
        f(
            "title",
            Ty::Str,
            true,
            "What was presented, in a few words.",
        ),
        f(
            "site",
            Ty::Slug,
            false,
            "The site that presented (its name in network.toml).",
        ),
        f(
            "question",
            Ty::Str,
            false,
            "The guide's question it was about (its id, as `covalue guide` lists them).",
        ),
        f(
            "improvement",
            Ty::Str,
            false,
            "The site's improvement it was about (its id in the site's register).",
        ),
        f("note", Ty::Str, false, "What the others took from it."),
    ],
};
