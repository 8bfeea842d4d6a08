//! Moving a workbook to the version of the guide it answers: what changes
//! in each answer file (prompts refreshed, new questions added, renamed ids
//! carried, answers of dropped questions kept and marked) and in
//! `covalue.toml` (a pinned `builtin@VERSION`). Everything here works on
//! text; `cmd/upgrade.rs` reads, refuses, prints and writes.
//!
//! What a person typed is never changed: only headings and the HTML comments
//! some version of the guide scaffolded are rewritten, and text is inserted
//! between answers, never inside one.

use crate::guide::{Guide, Question, Section};
use crate::scaffold;
use crate::workbook::answers::{self, KEPT_MARK};

/// One change to a file, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What was (or would be) done, such as "refreshed the prompt under {#chain-walkthrough}".
    pub what: String,
    /// Whether the team should look at it (an answer kept for a dropped
    /// question, a renamed id not carried): `upgrade` then exits 1.
    pub attention: bool,
}

impl Change {
    fn done(what: String) -> Change {
        Change {
            what,
            attention: false,
        }
    }

    fn attention(what: String) -> Change {
        Change {
            what,
            attention: true,
        }
    }
}

/// A file's text split from what must come back on writing: its byte order
/// mark and its line endings.
#[derive(Debug, Clone)]
pub struct Text {
    /// The text, LF line endings, without a byte order mark.
    pub body: String,
    bom: bool,
    crlf: bool,
}

impl Text {
    /// Reads a file's text.
    pub fn read(raw: &str) -> Text {
        let (bom, rest) = match raw.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        // CRLF throughout comes back as CRLF; a file of mixed endings is
        // edited as it is, so that no line someone typed changes its ending.
        let crlf =
            rest.contains("\r\n") && rest.matches("\r\n").count() == rest.matches('\n').count();
        Text {
            body: if crlf {
                rest.replace("\r\n", "\n")
            } else {
                rest.to_string()
            },
            bom,
            crlf,
        }
    }

    /// `body` as the file holds it: its byte order mark and line endings back.
    pub fn write(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&body.replace('\n', "\r\n"));
        } else {
            out.push_str(body);
        }
        out
    }
}

/// The question id a renamed id ends up as in `guide` (following a chain
/// of renames), or `None` when `id` is not renamed.
fn renamed_to(guide: &Guide, id: &str) -> Option<(String, String)> {
    let mut at = id.to_string();
    let mut since = String::new();
    for _ in 0..guide.renamed.len() {
        match guide.renamed.iter().find(|r| r.from == at) {
            Some(r) => {
                at = r.to.clone();
                since = r.since.clone();
            }
            None => break,
        }
    }
    (at != id).then_some((at, since))
}

/// The ids a question had in the guide's earlier versions (its own first).
fn former_ids(guide: &Guide, id: &str) -> Vec<String> {
    let mut ids = vec![id.to_string()];
    let mut k = 0;
    while k < ids.len() && ids.len() <= guide.renamed.len() + 1 {
        let at = ids[k].clone();
        for r in guide.renamed.iter().filter(|r| r.to == at) {
            if !ids.contains(&r.from) {
                ids.push(r.from.clone());
            }
        }
        k += 1;
    }
    ids
}

/// Whether a comment's inside is a prompt that any version of the built-in
/// guide (or `guide` itself) scaffolded for this question, under any id it
/// had.
fn is_any_prompt(guide: &Guide, q: &Question, found: &str) -> bool {
    let ids = former_ids(guide, &q.id);
    std::iter::once(guide)
        .chain(Guide::builtin_texts())
        .any(|g| {
            ids.iter().any(|id| {
                g.question(id)
                    .is_some_and(|(_, old)| scaffold::is_prompt(found, g, old))
            })
        })
}

/// Whether a heading's text is the one some version of the guide scaffolded
/// for this question.
fn is_any_heading(guide: &Guide, q: &Question, text: &str) -> bool {
    let ids = former_ids(guide, &q.id);
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(text);
    std::iter::once(guide)
        .chain(Guide::builtin_texts())
        .any(|g| {
            ids.iter().any(|id| {
                g.question(id)
                    .is_some_and(|(_, old)| words(&scaffold::short_text(&old.text)) == text)
            })
        })
}

/// Whether an id was a question of some version of the built-in guide.
fn was_a_question(id: &str) -> bool {
    Guide::builtin_texts()
        .iter()
        .any(|g| g.question(id).is_some())
}

/// The question headings of a text (level 2, with an id), as (line index
/// from 0, level, heading text, id); ids of `section`'s questions and any
/// other id are read alike.
fn headings(body: &str, section: &Section) -> Vec<(usize, usize, String, String)> {
    let lines: Vec<&str> = body.split('\n').collect();
    answers::outline(lines.iter().copied(), &answers::in_section(section))
        .headings
        .into_iter()
        .filter_map(|h| Some((h.line - 1, h.level, h.text, h.id?)))
        .collect()
}

/// The byte offset where line `i` (from 0) starts.
fn line_start(body: &str, i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    body.match_indices('\n')
        .nth(i - 1)
        .map_or(body.len(), |(k, _)| k + 1)
}

/// Upgrades one answer file's text (LF, no byte order mark) to `guide`'s
/// version of `section`. Returns the new text and what changed, in order.
pub fn answer_file(body: &str, section: &Section, guide: &Guide) -> (String, Vec<Change>) {
    let mut text = body.to_string();
    let mut changes = Vec::new();
    let level = 2;

    // 1. Renamed ids, carried when the new id has no heading yet.
    for (line, lvl, _, id) in headings(&text, section) {
        if lvl != level || section.questions.iter().any(|q| q.id == id) {
            continue;
        }
        let Some((to, since)) = renamed_to(guide, &id) else {
            continue;
        };
        let here = section.questions.iter().any(|q| q.id == to);
        let taken = headings(&text, section).iter().any(|h| h.3 == to);
        if !here || taken {
            let why = if here {
                format!("{{#{to}}} has a heading already")
            } else {
                format!("{{#{to}}} is a question of another step")
            };
            changes.push(Change::attention(format!(
                "left {{#{id}}} as it is: version {since} renamed it {{#{to}}}, but {why}; move the answer by hand"
            )));
            continue;
        }
        let start = line_start(&text, line);
        let end = text[start..].find('\n').map_or(text.len(), |k| start + k);
        let old = format!("{{#{id}}}");
        if let Some(at) = text[start..end].rfind(&old) {
            let at = start + at;
            text.replace_range(at..at + old.len(), &format!("{{#{to}}}"));
            changes.push(Change::done(format!(
                "carried {{#{id}}} to {{#{to}}} (renamed in version {since}); its answer is unchanged"
            )));
        }
    }

    // 2. Headings and prompts some version scaffolded, refreshed, from the
    // last question up so that earlier offsets stay right.
    let found = headings(&text, section);
    let mut refreshed_here = Vec::new();
    for (k, (line, lvl, heading, id)) in found.iter().enumerate().rev() {
        let Some(q) = section.questions.iter().find(|q| q.id == *id) else {
            continue;
        };
        if *lvl != level {
            continue;
        }
        // The prompt: comments between the heading and the next heading.
        let from = line_start(&text, line + 1);
        let to = found
            .get(k + 1)
            .map_or(text.len(), |next| line_start(&text, next.0));
        let region = text[from..to.max(from)].to_string();
        let new_heading = scaffold::short_text(&q.text);
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        // A heading some version scaffolded is refreshed below; the prompt
        // repeats the whole question under a heading that does not.
        let refresh_heading =
            words(heading) != words(&new_heading) && is_any_heading(guide, q, heading);
        let shown = if refresh_heading {
            &new_heading
        } else {
            heading
        };
        let new_prompt = scaffold::prompt_under(guide, q, shown);
        let mut refreshed = false;
        for (at, inner) in answers::comments(&region).into_iter().rev() {
            // A prompt of this version, in whatever shape, stays.
            if scaffold::is_prompt(&inner, guide, q) || !is_any_prompt(guide, q, &inner) {
                continue;
            }
            let Some(prompt) = &new_prompt else { continue };
            let start = from + at;
            let end = start + 4 + inner.len() + 3;
            text.replace_range(start..end, prompt);
            refreshed = true;
        }
        if refreshed {
            refreshed_here.push(Change::done(format!(
                "refreshed the prompt under {{#{id}}}"
            )));
        }
        if refresh_heading {
            let start = line_start(&text, *line);
            let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
            text.replace_range(
                start..end,
                &format!("{} {new_heading} {{#{id}}}", "#".repeat(*lvl)),
            );
            refreshed_here.push(Change::done(format!("refreshed the heading of {{#{id}}}")));
        }
    }
    // Said in the file's order.
    changes.extend(refreshed_here.into_iter().rev());

    // 3. Answers of questions this version does not have: kept, marked.
    let found = headings(&text, section);
    for (k, (line, lvl, _, id)) in found.iter().enumerate().rev() {
        if *lvl != level
            || guide.question(id).is_some()
            || renamed_to(guide, id).is_some()
            || !was_a_question(id)
        {
            continue;
        }
        let next = found.get(k + 1).map_or(usize::MAX, |n| n.0);
        let marked = text
            .split('\n')
            .enumerate()
            .skip(line + 1)
            .take_while(|(i, _)| *i < next)
            .map(|(_, l)| l.trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with(&format!("<!-- {KEPT_MARK}")));
        if marked {
            continue;
        }
        let at = line_start(&text, line + 1);
        let mark = format!(
            "\n<!-- {KEPT_MARK}: version {} of the guide has no question `{id}`; move what still matters under a question of this step, then delete this heading and its answer -->\n",
            guide.version
        );
        // After the heading's own line (which may be the file's last).
        if at > text.len() || !text[..at].ends_with('\n') {
            text.push('\n');
            let end = text.len();
            text.insert_str(end, mark.trim_start_matches('\n'));
        } else {
            text.insert_str(at, &mark);
        }
        changes.push(Change::attention(format!(
            "kept the answer under {{#{id}}}, a question version {} does not have, and marked it (CV055)",
            guide.version
        )));
    }

    // 4. Questions this version added, each before the next question of the
    // guide that has a heading, or at the end.
    for (i, q) in section.questions.iter().enumerate() {
        let found = headings(&text, section);
        if found.iter().any(|h| h.3 == q.id) {
            continue;
        }
        let next = section.questions[i + 1..]
            .iter()
            .find_map(|later| found.iter().find(|h| h.3 == later.id));
        let block = scaffold::question_text(guide, q);
        match next {
            Some((line, _, _, next_id)) => {
                let at = line_start(&text, *line);
                text.insert_str(at, &block);
                changes.push(Change::done(format!(
                    "added {{#{}}} before {{#{next_id}}}",
                    q.id
                )));
            }
            None => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                if !text.is_empty() && !text.ends_with("\n\n") {
                    text.push('\n');
                }
                text.push_str(&block);
                changes.push(Change::done(format!("added {{#{}}} at the end", q.id)));
            }
        }
    }
    (text, changes)
}

/// `covalue.toml` with a pinned `guide = "builtin@OLD"` moved to `version`,
/// and what changed; `None` when it pins no other built-in version.
pub fn config(body: &str, version: &str) -> Option<(String, Change)> {
    let mut out = String::with_capacity(body.len());
    let mut change = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let is_guide = trimmed
            .strip_prefix("guide")
            .is_some_and(|r| r.trim_start().starts_with('='));
        if change.is_none() && is_guide {
            if let Some(start) = line.find("\"builtin@") {
                let rest = &line[start + 1..];
                if let Some(end) = rest.find('"') {
                    let old = &rest["builtin@".len()..end];
                    if old != version {
                        out.push_str(&line[..start]);
                        out.push_str(&format!("\"builtin@{version}\""));
                        out.push_str(&rest[end + 1..]);
                        change = Some(Change::done(format!(
                            "guide = \"builtin@{old}\" is now \"builtin@{version}\""
                        )));
                        continue;
                    }
                }
            }
        }
        out.push_str(line);
    }
    change.map(|c| (out, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_version_moves_and_the_rest_of_the_line_stays() {
        let (text, change) =
            config("title = \"T\"\nguide = \"builtin@1.0\"  # pinned\n", "1.1").expect("pinned");
        assert_eq!(text, "title = \"T\"\nguide = \"builtin@1.1\"  # pinned\n");
        assert!(change.what.contains("builtin@1.1"));
        assert!(config("guide = \"builtin\"\n", "1.1").is_none());
        assert!(config("guide = \"builtin@1.1\"\n", "1.1").is_none());
    }

    #[test]
    fn line_endings_and_the_byte_order_mark_come_back() {
        let t = Text::read("\u{feff}a\r\nb\r\n");
        assert_eq!(t.body, "a\nb\n");
        assert_eq!(t.write("a\nc\n"), "\u{feff}a\r\nc\r\n");
        let mixed = Text::read("a\r\nb\n");
        assert_eq!(mixed.write(&mixed.body), "a\r\nb\n");
    }
}
