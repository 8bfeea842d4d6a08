//! Loading a guide: the built-in one (parsed once per run) or a site's file,
//! parsed, checked against its shape and its rules, and built into a
//! [`Guide`], with the defaults for the lists a guide may leave out.

use crate::finding::{Code, Finding};
use crate::node::{self, Node};
use crate::source::Source;
use crate::spec;

use super::rules::{check_rules, range};
use super::shape::GUIDE;
use super::{
    BUILTIN_NAME, BUILTIN_TEXT, Citation, Form, Guide, Question, QuestionKind, Range, Renamed,
    Section, Term, Translation,
};

/// The built-in guide's translations: language, name in diagnostics, text.
/// Each keeps the built-in guide's ids, version and structure.
const TRANSLATIONS: [(&str, &str, &str); 3] = [
    (
        "sv",
        "guide/co-value.sv.toml (built in)",
        include_str!("../../guide/co-value.sv.toml"),
    ),
    (
        "he",
        "guide/co-value.he.toml (built in)",
        include_str!("../../guide/co-value.he.toml"),
    ),
    (
        "es",
        "guide/co-value.es.toml (built in)",
        include_str!("../../guide/co-value.es.toml"),
    ),
];

/// The languages the built-in guide ships in, English first.
pub const BUILTIN_LANGUAGES: [&str; 4] = ["en", "sv", "he", "es"];

/// The text of a built-in guide file by the name it is shown under
/// (its `origin`): the English guide or one of its translations.
pub fn builtin_text(origin: &str) -> Option<&'static str> {
    if origin == BUILTIN_NAME {
        return Some(BUILTIN_TEXT);
    }
    TRANSLATIONS
        .iter()
        .find(|(_, name, _)| *name == origin)
        .map(|(_, _, text)| *text)
}

/// The source of a text the guide does not cite: this guide's own writing.
const DRAFT: &str = "draft";

impl Guide {
    /// The built-in guide in a language: "en" gives [`Guide::builtin`],
    /// "sv", "he" and "es" its draft translations (each parsed once per
    /// run), any other language `None`.
    pub fn builtin_for(lang: &str) -> Option<Result<Guide, Vec<Finding>>> {
        type Cell = std::sync::OnceLock<Result<Guide, Vec<Finding>>>;
        static LOADED: [Cell; 3] = [Cell::new(), Cell::new(), Cell::new()];
        if lang == "en" {
            return Some(Guide::builtin());
        }
        let i = TRANSLATIONS.iter().position(|(l, _, _)| *l == lang)?;
        let (_, name, text) = TRANSLATIONS[i];
        let cell = LOADED.get(i)?;
        Some(
            cell.get_or_init(|| Guide::from_source(&Source::new(name, text.to_string())))
                .clone(),
        )
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

/// Notes, for each translation, whether the source it translates is
/// published (see [`translated_source`]).
fn resolve_translations(
    mut sources: Vec<Citation>,
    translation_of: Option<&str>,
    source: &Source,
) -> Vec<Citation> {
    let published: Vec<bool> = sources
        .iter()
        .map(|c| {
            c.translation.as_ref().is_some_and(|t| {
                translated_source(&sources, &t.of, translation_of, source)
                    .is_some_and(|o| o.published)
            })
        })
        .collect();
    for (c, p) in sources.iter_mut().zip(published) {
        if let Some(t) = c.translation.as_mut() {
            t.of_published = p;
        }
    }
    sources
}

/// The source a translation names: one of the guide's own `sources`, else,
/// for a guide that translates the built-in guide, one of the built-in
/// guide's.
pub(super) fn translated_source(
    sources: &[Citation],
    id: &str,
    translation_of: Option<&str>,
    source: &Source,
) -> Option<Citation> {
    if let Some(c) = sources.iter().find(|c| c.id == id) {
        return Some(c.clone());
    }
    // The built-in guide is never a translation: never ask it of itself.
    if translation_of.is_none() || source.display.to_string_lossy() == BUILTIN_NAME {
        return None;
    }
    let builtin = Guide::builtin().ok()?;
    if Some(builtin.id.as_str()) != translation_of {
        return None;
    }
    builtin.sources.into_iter().find(|c| c.id == id)
}

/// Guide problems are reported under their own code.
fn relabel(mut f: Finding) -> Finding {
    f.code = Code::CV040;
    f.message = format!("guide: {}", f.message);
    f
}

/// The clusters of opportunity when a guide names none: Batalden et al.
/// 2016, "Coproduction of healthcare service".
const DEFAULT_CLUSTERS: &[(&str, &str)] = &[
    ("education", "Education of professionals and the public"),
    ("system-redesign", "Healthcare system redesign"),
    (
        "edges-redesign",
        "Redesign outside and at the edges of the healthcare system",
    ),
    ("measurement", "Measurement of good healthcare service"),
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
            source: None,
            required: false,
            suggested: false,
            active: false,
            partner: false,
        })
        .collect()
}

fn terms(node: &Node, key: &str) -> Vec<Term> {
    node.array(key)
        .iter()
        .map(|t| Term {
            id: t.string("id").unwrap_or_default(),
            title: t.string("title").unwrap_or_default(),
            description: t.string("description").unwrap_or_default(),
            source: t.string("source"),
            required: t.bool("required").unwrap_or(false),
            suggested: t.bool("suggested").unwrap_or(false),
            active: t.bool("active").unwrap_or(false),
            partner: t.bool("partner").unwrap_or(false),
        })
        .collect()
}

/// The guide's roles, then the built-in ones it does not name: a site's
/// guide extends the list and never loses a role a workbook may use. A
/// built-in role the guide does not name has no title here: pages word it
/// in their own language (the catalogue's `role-*` message), not in English.
fn roles(node: &Node) -> Vec<Term> {
    let mut roles = terms(node, "role");
    for (id, _, partner) in crate::spec::DEFAULT_ROLES {
        if !roles.iter().any(|r| r.id == *id) {
            roles.push(Term {
                id: id.to_string(),
                title: String::new(),
                description: String::new(),
                source: None,
                required: false,
                suggested: false,
                active: false,
                partner: *partner,
            });
        }
    }
    roles
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
            help_source: q.string("help_source").unwrap_or_else(|| DRAFT.to_string()),
            configuration: q.string("configuration"),
            summarises: q.string("summarises"),
            record_optional: q.bool("record_optional").unwrap_or(false),
            forms: vec![form],
        })
        .collect()
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
                    translation: v.string("translation_of").map(|of| Translation {
                        of,
                        language: v.string("language").unwrap_or_default(),
                        by: v.string("translated_by"),
                        on: v.date("translated_on"),
                        reviewed: v.bool("reviewed").unwrap_or(false),
                        of_published: false,
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    let translation_of = meta.and_then(|m| m.string("translation_of"));
    let sources = resolve_translations(sources, translation_of.as_deref(), source);
    // "Step N" in the guide's own language: the words of the catalogue
    // covalue prints its pages with (English for a language it lacks).
    let words = crate::i18n::Catalogue::builtin(
        meta.and_then(|m| m.string("language"))
            .and_then(|l| crate::i18n::Lang::parse(&l).ok())
            .unwrap_or(crate::i18n::Lang::En),
    );
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
            intro_source: s
                .string("intro_source")
                .unwrap_or_else(|| DRAFT.to_string()),
            questions: questions(s, Form::Full),
            step_label: s
                .int("number")
                .map(|n| words.text("step-n", &[("number", n.into())]))
                .unwrap_or_default(),
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
        intro_source: short
            .and_then(|s| s.string("intro_source"))
            .unwrap_or_else(|| DRAFT.to_string()),
        questions: short.map(|s| questions(s, Form::Short)).unwrap_or_default(),
        step_label: String::new(),
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
        limit_quotes: node
            .get("limits")
            .map(|l| {
                l.entries()
                    .iter()
                    .filter_map(|(k, v)| Some((k.name.clone(), v.string("quote")?)))
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
        translation_of,
        language: meta.and_then(|m| m.string("language")),
        roles: roles(node),
        persona_kinds: terms(node, "persona_kind"),
        coproduction_levels: terms(node, "coproduction_level"),
        configurations: terms(node, "configuration"),
        quadrants: terms(node, "quadrant"),
        steps,
        short_form,
        renamed: node
            .array("renamed")
            .iter()
            .map(|r| Renamed {
                from: r.string("from").unwrap_or_default(),
                to: r.string("to").unwrap_or_default(),
                since: r.string("since").unwrap_or_default(),
            })
            .collect(),
        origin: source.display.display().to_string(),
    }
}
