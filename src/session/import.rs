//! Typed-up paper notes back into the workbook: each heading of the notes
//! that ends in a question's `{#id}` (as printed on the worksheets) carries
//! the team's answer, which goes under the same heading of the population's
//! answer file. An open question is filled; an answered one is left alone
//! unless replacing is asked for; an unknown id stops everything.

use std::path::{Path, PathBuf};

use crate::guide::{Guide, Section};
use crate::scaffold;
use crate::source::Source;
use crate::workbook::answers::{self, Heading, Status, StrayHeading};
use crate::workbook::{Files, layout};

/// One answer in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The question's id.
    pub id: String,
    /// The heading's line in the notes, from 1.
    pub line: usize,
    /// What is written under the heading (sub-headings included).
    pub body: String,
    /// The line in the notes where `body` begins.
    pub body_line: usize,
}

/// A heading id of the notes that is no question of the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    /// The id.
    pub id: String,
    /// Its line in the notes.
    pub line: usize,
    /// The closest question id.
    pub suggestion: Option<String>,
}

/// Reads the notes: every heading whose id is a question of the guide,
/// with what stands under it up to the next heading of the same or a
/// higher level (a question's heading ends an open code fence, as in an
/// answer file). Headings with other ids at the top of a note are unknown.
/// A byte-order mark at the start (some editors write one) is skipped.
pub fn parse(text: &str, guide: &Guide) -> (Vec<Note>, Vec<UnknownId>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let is_question = |id: &str| guide.question(id).is_some();
    let heads = answers::outline(lines.iter().copied(), &is_question).headings;
    let (mut notes, mut unknown) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < heads.len() {
        let h = &heads[i];
        let Some(id) = &h.id else {
            i += 1;
            continue;
        };
        if guide.question(id).is_none() {
            let ids = guide
                .all_sections()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()));
            unknown.push(UnknownId {
                id: id.clone(),
                line: h.line,
                suggestion: crate::spec::suggest(id, ids).map(str::to_string),
            });
            i += 1;
            continue;
        }
        let end = next_at_or_above(&heads, i);
        let end_line = heads.get(end).map_or(lines.len() + 1, |n| n.line);
        let under = &lines[h.line..end_line - 1];
        let body = under.join("\n");
        let blank = under.iter().take_while(|l| l.is_empty()).count();
        notes.push(Note {
            id: id.clone(),
            line: h.line,
            body: body.trim_matches('\n').trim_end().to_string(),
            body_line: h.line + 1 + blank,
        });
        i = end;
    }
    (notes, unknown)
}

/// The headings inside the notes' answers that carry a question id of the
/// guide (a deeper heading under another question's note), each with the
/// note it stands in and its line in the notes: imported, it would take the
/// place of that question's own heading.
pub fn stray_headings(notes: &[Note], guide: &Guide) -> Vec<(String, StrayHeading)> {
    let is_question = |id: &str| guide.question(id).is_some();
    let mut found = Vec::new();
    for note in notes {
        let skipped = note.body_line.saturating_sub(1);
        for mut stray in answers::stray_headings(&note.body, &is_question) {
            stray.line += skipped;
            found.push((note.id.clone(), stray));
        }
    }
    found
}

/// The index of the first heading after `i` at the level of heading `i` or above.
fn next_at_or_above(heads: &[Heading], i: usize) -> usize {
    let mut end = i + 1;
    while end < heads.len() && heads[end].level > heads[i].level {
        end += 1;
    }
    end
}

/// What an import does with one note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// An open question gets the answer.
    Fill,
    /// An answered question gets the new answer (replacing was asked for).
    Replace,
    /// The answer is already there, word for word.
    Same,
    /// The question is answered and replacing was not asked for.
    LeaveOut,
    /// Nothing is written under the heading in the notes.
    Empty,
}

/// One note, and where it goes.
#[derive(Debug, Clone)]
pub struct Step {
    /// The note.
    pub note: Note,
    /// The answer file, relative to the workbook.
    pub file: String,
    /// What happens.
    pub action: Action,
}

/// What an import will do, and the new text of each file it changes.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Each note, in the order of the notes.
    pub steps: Vec<Step>,
    /// The files to write, relative to the workbook, with their new text.
    pub writes: Vec<(String, String)>,
}

/// Works out where each note goes in `population`, reading its answer files
/// from `files` (under `root`); a missing answer file is started from the
/// guide, as `covalue new population` would.
pub fn plan(
    files: &dyn Files,
    root: &Path,
    guide: &Guide,
    population: &str,
    notes: &[Note],
    replace: bool,
) -> Plan {
    let mut plan = Plan::default();
    // The text of each answer file as the import leaves it, in the order first met.
    let mut texts: Vec<(String, String, bool)> = Vec::new();
    for note in notes {
        let Some((section, _)) = guide.question(&note.id) else {
            continue;
        };
        let file = format!(
            "{}/{}",
            layout::population_dir(population),
            section.answer_file()
        );
        let at = match texts.iter().position(|(f, _, _)| *f == file) {
            Some(at) => at,
            None => {
                let path: PathBuf = root.join(&file);
                let text = files
                    .read(&path)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .unwrap_or_else(|| scaffold::answer_file_text(guide, section));
                texts.push((file.clone(), text, false));
                texts.len() - 1
            }
        };
        let text = &texts[at].1;
        let source = Source::new(&file, text.clone());
        let mut ignored = Vec::new();
        let parsed = answers::parse(&source, section, &mut ignored);
        let current = parsed.answer(&note.id);
        let action = if note.body.trim().is_empty() {
            Action::Empty
        } else {
            match current {
                Some(a) if a.body.trim() == answers::strip_comments(&note.body).trim() => {
                    Action::Same
                }
                Some(a) if a.status == Status::Open => Action::Fill,
                None => Action::Fill,
                Some(_) if replace => Action::Replace,
                Some(_) => Action::LeaveOut,
            }
        };
        if matches!(action, Action::Fill | Action::Replace) {
            let heading = guide
                .question(&note.id)
                .map(|(_, q)| answers::heading_text(&q.text))
                .unwrap_or_default();
            texts[at].1 = put_answer(text, section, &note.id, &heading, &note.body);
            texts[at].2 = true;
        }
        plan.steps.push(Step {
            note: note.clone(),
            file,
            action,
        });
    }
    plan.writes = texts
        .into_iter()
        .filter(|(_, _, changed)| *changed)
        .map(|(file, text, _)| (file, text))
        .collect();
    plan
}

/// Where the answer to question `id` is written in an answer file: from
/// after its heading and scaffolded prompt (an HTML comment right under the
/// heading) to the next heading of the same or a higher level, or the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerSpan {
    /// The first byte of the answer (the start of a line).
    pub start: usize,
    /// The byte after it: the start of the next heading's line, or the end.
    pub end: usize,
    /// Whether a heading follows.
    pub has_next: bool,
}

/// The span of the answer to `id`, a question of `section`, when the file
/// has its heading; the answers are split as `check` splits them.
pub fn answer_span(text: &str, section: &Section, id: &str) -> Option<AnswerSpan> {
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &answers::in_section(section)).headings;
    let i = heads.iter().position(|h| h.id.as_deref() == Some(id))?;
    // The byte offset where each line starts (and the end of the text).
    let mut starts = Vec::with_capacity(lines.len() + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    let line_start = |index: usize| starts.get(index).copied().unwrap_or(text.len());
    let h = &heads[i];
    let end = next_at_or_above(&heads, i);
    let end_line = heads.get(end).map_or(lines.len() + 1, |n| n.line);
    // Keep the prompt: blank lines and one HTML comment right under the heading.
    let mut keep = h.line;
    while keep < end_line - 1 && lines[keep].trim().is_empty() {
        keep += 1;
    }
    if keep < end_line - 1 && lines[keep].trim_start().starts_with("<!--") {
        while keep < end_line - 1 && !lines[keep].contains("-->") {
            keep += 1;
        }
        keep = (keep + 1).min(end_line - 1);
    } else {
        keep = h.line;
    }
    let has_next = end_line <= lines.len();
    Some(AnswerSpan {
        start: line_start(keep),
        end: if has_next {
            line_start(end_line - 1)
        } else {
            text.len()
        },
        has_next,
    })
}

/// The answer to `id` as written (sub-headings, comments and all), without
/// the blank lines around it; None when the file has no such heading.
pub fn raw_answer<'t>(text: &'t str, section: &Section, id: &str) -> Option<&'t str> {
    answer_span(text, section, id)
        .map(|s| text[s.start..s.end].trim_matches(['\n', '\r']).trim_end())
}

/// The text with `body` under the heading `{#id}`: the scaffolded prompt
/// (an HTML comment right under the heading) is kept, what followed it is
/// replaced. Without such a heading, one is added at the end. Everything
/// else stays byte for byte (line endings included); new lines take the
/// file's line ending. An empty `body` leaves the question open.
pub fn put_answer(text: &str, section: &Section, id: &str, heading: &str, body: &str) -> String {
    let nl = match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    };
    let body_lines: Vec<&str> = body.trim_end().lines().collect();
    let body = body_lines.join(nl);
    let Some(span) = answer_span(text, section, id) else {
        let mut out = text.trim_end().to_string();
        out.push_str(&format!("{nl}{nl}## {heading} {{#{id}}}{nl}"));
        if !body.is_empty() {
            out.push_str(&format!("{nl}{body}{nl}"));
        }
        return out;
    };
    let mut out = text[..span.start].to_string();
    if !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !body.is_empty() {
        out.push_str(nl);
        out.push_str(&body);
        out.push_str(nl);
    }
    if span.has_next {
        out.push_str(nl);
        out.push_str(&text[span.end..]);
    }
    out
}

/// The population notes go to: the one named, else the population of the
/// session whose record has the notes' name (when it names one), else the
/// workbook's only population. The error is what is wrong and what to do.
pub fn population(
    workbook: &crate::workbook::Workbook<'_>,
    named: Option<&str>,
    notes: &Path,
) -> Result<String, (String, String)> {
    let known = || format!("the populations are: {}", workbook.slugs.join(", "));
    if let Some(p) = named {
        return match workbook.unknown_population([p]) {
            Some(unknown) => Err(unknown),
            None => Ok(p.to_string()),
        };
    }
    let stem = notes.file_stem().map(|s| s.to_string_lossy().into_owned());
    let (sessions, _) = workbook.sessions();
    if let Some(session) = sessions.iter().find(|s| Some(&s.name) == stem.as_ref()) {
        if let [only] = session.populations.as_slice() {
            return Ok(only.name.clone());
        }
    }
    match workbook.slugs.as_slice() {
        [only] => Ok(only.clone()),
        [] => Err((
            "the workbook has no population yet".into(),
            "create one with `covalue new population SLUG --name \"Name\"`".into(),
        )),
        _ => Err((
            "the workbook has several populations: say which one the notes are about".into(),
            format!("add --population SLUG; {}", known()),
        )),
    }
}

/// Writes an answer file atomically, inside the workbook (through its jail),
/// creating its folder when it is missing.
pub fn write(root: &Path, file: &str, text: &str) -> std::io::Result<()> {
    let target = crate::confine::Jail::new(root)?.write_path(&root.join(file))?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::fsutil::write_atomic(&target, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in guide's section of `access-systems`.
    fn section() -> Section {
        let guide = Guide::builtin().ok();
        match guide.as_ref().and_then(|g| g.question("access-systems")) {
            Some((section, _)) => section.clone(),
            None => panic!("the built-in guide asks `access-systems`"),
        }
    }

    const FILE: &str = "# Access\n\n## Which systems? {#access-systems}\n\n<!-- Think of\nprimary care. -->\n\n## What does it cost? {#access-costs}\n\nWe pay for transport.\n";

    #[test]
    fn an_answer_goes_under_its_heading_and_keeps_the_prompt() {
        let out = put_answer(
            FILE,
            &section(),
            "access-systems",
            "Which systems?",
            "Primary care and pharmacies.",
        );
        assert_eq!(
            out,
            "# Access\n\n## Which systems? {#access-systems}\n\n<!-- Think of\nprimary care. -->\n\nPrimary care and pharmacies.\n\n## What does it cost? {#access-costs}\n\nWe pay for transport.\n"
        );
        let replaced = put_answer(
            FILE,
            &section(),
            "access-costs",
            "What does it cost?",
            "Nothing.",
        );
        assert!(
            replaced.ends_with("## What does it cost? {#access-costs}\n\nNothing.\n"),
            "{replaced}"
        );
        let added = put_answer(FILE, &section(), "access-new", "New?", "Yes.");
        assert!(
            added.ends_with("We pay for transport.\n\n## New? {#access-new}\n\nYes.\n"),
            "{added}"
        );
    }

    #[test]
    fn crlf_and_the_rest_of_the_file_are_kept() {
        let crlf = FILE.replace('\n', "\r\n");
        let out = put_answer(
            &crlf,
            &section(),
            "access-systems",
            "Which systems?",
            "A\nB",
        );
        let want = put_answer(FILE, &section(), "access-systems", "Which systems?", "A\nB")
            .replace('\n', "\r\n");
        assert_eq!(out, want);
        let open = put_answer(FILE, &section(), "access-costs", "What does it cost?", "");
        assert!(
            open.ends_with("## What does it cost? {#access-costs}\n"),
            "{open}"
        );
        let open = put_answer(FILE, &section(), "access-systems", "Which systems?", "");
        assert!(
            open.contains("primary care. -->\n\n## What does it cost?"),
            "{open}"
        );
    }
}
