//! The rules a guide must follow beyond its shape: limits whose minimum is
//! not above their maximum, ids used once, sources that are under
//! `[sources]`, walk-throughs that name a configuration, and short-form
//! questions that summarise a real step, and translations that name what
//! they translate and their language.

use crate::finding::{Code, Finding};
use crate::node::Node;
use crate::source::Source;

use super::{Guide, Range};

/// The rules a guide must follow beyond its shape.
pub(super) fn check_rules(guide: &Guide, node: &Node, source: &Source, out: &mut Vec<Finding>) {
    check_translations(guide, node, source, out);
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
        "improvement_cluster",
        "improvement_status",
        "role",
    ] {
        for term in node.array(list) {
            let (Some(src), Some(src_node)) = (term.str("source"), term.get("source")) else {
                continue;
            };
            if guide.citation(src).is_none() {
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!("a {list} names the source `{src}`, which is not in [sources]"),
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
        "role",
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
    // intro_source and help_source, when given, name a source too.
    let texts = node
        .array("step")
        .iter()
        .chain(node.get("short_form"))
        .map(|s| (s, "intro_source"))
        .chain(all_questions.iter().map(|q| (*q, "help_source")));
    for (item, key) in texts {
        if let (Some(src), Some(at)) = (item.str(key), item.get(key)) {
            if guide.citation(src).is_none() {
                out.push(
                    Finding::error(Code::CV040, format!("{key} `{src}` is not in [sources]"))
                        .at(source, at.span.clone())
                        .help("add it under [sources] or name one that is there"),
                );
            }
        }
    }
    renames(guide, node, source, out);
}

/// A `[[renamed]]` entry carries answers to a question of this guide, from
/// an id that is no longer one.
fn renames(guide: &Guide, node: &Node, source: &Source, out: &mut Vec<Finding>) {
    for r in node.array("renamed") {
        let (Some(from), Some(to)) = (r.str("from"), r.str("to")) else {
            continue;
        };
        let at = |k: &str| r.get(k).map_or(r.span.clone(), |n| n.span.clone());
        if guide.question(to).is_none() {
            out.push(
                Finding::error(
                    Code::CV040,
                    format!("[[renamed]] carries `{from}` to `{to}`, which is not a question of the guide"),
                )
                .at(source, at("to"))
                .help("name the question's id in this version of the guide"),
            );
        }
        if guide.question(from).is_some() {
            out.push(
                Finding::error(
                    Code::CV040,
                    format!("[[renamed]] renames `{from}`, which is still a question of the guide"),
                )
                .at(source, at("from"))
                .help("a renamed id is one this version no longer has; remove the entry or the question"),
            );
        }
    }
}

/// A translated guide names its language; a translation source names a
/// source it translates (of this guide, or of the original guide), which is
/// not itself a translation, and its language; the other translation keys
/// go only with `translation_of`.
fn check_translations(guide: &Guide, node: &Node, source: &Source, out: &mut Vec<Finding>) {
    if let Some(meta) = node.get("guide") {
        if meta.get("translation_of").is_some() && meta.get("language").is_none() {
            out.push(
                Finding::error(
                    Code::CV040,
                    "the guide says it is a translation but not into which language",
                )
                .at(
                    source,
                    meta.get("translation_of")
                        .map_or(meta.span.clone(), |n| n.span.clone()),
                )
                .help("add language = \"sv\" (or the code of its language) under [guide]"),
            );
        }
        language_code(meta, source, out);
    }
    let Some(sources) = node.get("sources") else {
        return;
    };
    for (key, entry) in sources.entries() {
        let id = &key.name;
        let Some(of) = entry.str("translation_of") else {
            if let Some(k) = ["language", "translated_by", "translated_on", "reviewed"]
                .into_iter()
                .find(|k| entry.get(k).is_some())
            {
                out.push(
                    Finding::error(
                        Code::CV040,
                        format!("source `{id}` has {k} but does not say what it is a translation of"),
                    )
                    .at(source, entry.get(k).map_or(entry.span.clone(), |n| n.span.clone()))
                    .help("add translation_of = \"ID\" naming the source it translates, or remove the translation keys"),
                );
            }
            continue;
        };
        let span = entry
            .get("translation_of")
            .map_or(entry.span.clone(), |n| n.span.clone());
        match super::load::translated_source(
            &guide.sources,
            of,
            guide.translation_of.as_deref(),
            source,
        ) {
            None => out.push(
                Finding::error(
                    Code::CV040,
                    format!("source `{id}` is a translation of `{of}`, which is not a source of this guide or of the guide it translates"),
                )
                .at(source, span)
                .help("name a source under [sources], or the original guide's under [guide] translation_of"),
            ),
            Some(c) if c.id == *id || c.translation.is_some() => out.push(
                Finding::error(
                    Code::CV040,
                    format!("source `{id}` is a translation of `{of}`, which is itself a translation"),
                )
                .at(source, span)
                .help("name the original source that was translated"),
            ),
            Some(_) => {}
        }
        if entry.get("language").is_none() {
            out.push(
                Finding::error(
                    Code::CV040,
                    format!("source `{id}` is a translation but does not say into which language"),
                )
                .at(source, entry.span.clone())
                .help("add language = \"sv\" (or the code of its language)"),
            );
        }
        language_code(entry, source, out);
    }
}

/// A language code such as `sv`, `he`, `es` or `pt-BR`: two or three
/// letters, then optional parts of letters and digits after hyphens.
fn language_code(table: &Node, source: &Source, out: &mut Vec<Finding>) {
    let Some(code) = table.str("language") else {
        return;
    };
    let mut parts = code.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    let rest_ok = parts
        .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !(first_ok && rest_ok) {
        out.push(
            Finding::error(
                Code::CV040,
                format!("language `{code}` is not a language code"),
            )
            .at(
                source,
                table
                    .get("language")
                    .map_or(table.span.clone(), |n| n.span.clone()),
            )
            .help("write the language's two-letter code in lower case, such as sv, he or es"),
        );
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

/// A range under `[limits]` as the guide wrote it (0 for a bound it leaves
/// out); loading reads the limits with it too.
pub(super) fn range(node: &Node, key: &str) -> Range {
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
