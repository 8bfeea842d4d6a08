//! Typed-up paper notes back into the workbook: each heading of the notes
//! that ends in a question's `{#id}` (as printed on the worksheets) carries
//! the team's answer, which goes under the same heading of the population's
//! answer file. An open question is filled; an answered one is left alone
//! unless replacing is asked for; an unknown id stops everything.

use std::path::{Path, PathBuf};

use crate::guide::{Guide, QuestionKind, Section};
use crate::scaffold;
use crate::source::{Source, line_ending};
use crate::workbook::answers::{self, Heading, Status, StrayHeading};
use crate::workbook::{Files, layout};

/// One answer in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The question's id.
    pub id: String,
    /// The heading's line in the notes, from 1.
    pub line: usize,
    /// The heading's level (2 for `##`): the level its sub-headings and
    /// persona parts are counted from.
    pub level: usize,
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
        let body = without_generated(under).join("\n");
        let blank = under.iter().take_while(|l| l.is_empty()).count();
        notes.push(Note {
            id: id.clone(),
            line: h.line,
            level: h.level,
            body: body.trim_matches('\n').trim_end().to_string(),
            body_line: h.line + 1 + blank,
        });
        i = end;
    }
    (notes, unknown)
}

/// The line that opens what covalue adds under a question in a handout
/// (`render --format md`): its status, a record's cards and tables, the
/// space to write. Never part of an answer.
pub const GENERATED_OPEN: &str = "<!-- covalue -->";
/// The line that closes it.
pub const GENERATED_CLOSE: &str = "<!-- /covalue -->";

/// Lines with what covalue added to a handout blanked out (kept as empty
/// lines, so that line numbers stay right).
fn without_generated<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut inside = false;
    lines
        .iter()
        .map(|line| {
            let trimmed = line.trim();
            if trimmed == GENERATED_OPEN {
                inside = true;
                ""
            } else if trimmed == GENERATED_CLOSE && inside {
                inside = false;
                ""
            } else if inside {
                ""
            } else {
                line
            }
        })
        .collect()
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
    /// The persona whose part of a walk-through this is (its id and the
    /// name on its heading); None for a whole answer, or a walk-through's
    /// lead text.
    pub part: Option<(String, String)>,
    /// The answer file, relative to the workbook.
    pub file: String,
    /// What happens.
    pub action: Action,
    /// How the question (or the persona's part) stood before: "open",
    /// "answered", "deferred" or "not applicable".
    pub was: &'static str,
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
        let question = guide.question(&note.id).map(|(_, q)| q);
        let heading = question
            .map(|q| answers::heading_text(&q.text))
            .unwrap_or_default();
        let walkthrough = question.is_some_and(|q| q.kind == QuestionKind::Walkthrough);
        let level = current
            .map(|a| a.loc.line)
            .and_then(|line| heading_level(text, line))
            .unwrap_or(2);
        let (lead, parts) = if walkthrough {
            split_parts(note)
        } else {
            (note.body.clone(), Vec::new())
        };
        let lead = shift_headings(&lead, level as isize - note.level as isize);
        let mut new_text = text.clone();
        // The lead (all of a question that is no walk-through): a walk-through
        // note that holds only persona parts leaves the lead as it is.
        if !walkthrough || parts.is_empty() || !lead.trim().is_empty() {
            // A deferral or "not applicable" is the same when it says the
            // same (reason, owner, date), however its lines are written.
            let settled_alike = |status: &Status| {
                matches!(
                    status,
                    Status::Deferred { .. } | Status::NotApplicable { .. }
                ) && answers::read_status(&lead) == *status
            };
            let (was, same) = match current {
                Some(a) if walkthrough => (
                    lead_status(a),
                    same_markdown(&a.body, &lead) || settled_alike(&a.status),
                ),
                Some(a) => (
                    a.status.word(),
                    same_markdown(&a.body, &lead) || settled_alike(&a.status),
                ),
                None => ("open", false),
            };
            let action = decide(&lead, was, same, replace);
            if matches!(action, Action::Fill | Action::Replace) {
                new_text = if walkthrough {
                    put_lead(&new_text, section, &note.id, &heading, &lead)
                } else {
                    put_answer(&new_text, section, &note.id, &heading, &lead)
                };
            }
            plan.steps.push(Step {
                note: note.clone(),
                part: None,
                file: file.clone(),
                action,
                was,
            });
        }
        for part in parts {
            let body = shift_headings(&part.body, level as isize - note.level as isize);
            let existing =
                current.and_then(|a| a.walkthrough.iter().find(|w| w.persona == part.persona));
            let (was, same) = match existing {
                Some(w) if !w.body.trim().is_empty() => ("answered", same_markdown(&w.body, &body)),
                Some(_) => ("open", body.trim().is_empty()),
                None => ("open", false),
            };
            let action = decide(&body, was, same, replace);
            if matches!(action, Action::Fill | Action::Replace) {
                new_text = put_part(
                    &new_text,
                    section,
                    (&note.id, &heading),
                    (&part.persona, &part.heading),
                    &body,
                );
            }
            plan.steps.push(Step {
                note: note.clone(),
                part: Some((part.persona, part.heading)),
                file: file.clone(),
                action,
                was,
            });
        }
        if new_text != texts[at].1 {
            texts[at].1 = new_text;
            texts[at].2 = true;
        }
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
/// has its heading; the answers are split as `check` splits them. For a
/// walk-through, the whole answer: its lead and every persona's part.
pub fn answer_span(text: &str, section: &Section, id: &str) -> Option<AnswerSpan> {
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &answers::in_section(section)).headings;
    let i = heads.iter().position(|h| h.id.as_deref() == Some(id))?;
    Some(span_under(text, &lines, &heads, i, false))
}

/// The span of what stands under heading `i`: from after the heading and
/// its scaffolded prompt to the next heading of the same or a higher level
/// (or, with `lead_only`, to its first sub-heading one level down, where a
/// walk-through's persona parts begin).
fn span_under(
    text: &str,
    lines: &[&str],
    heads: &[Heading],
    i: usize,
    lead_only: bool,
) -> AnswerSpan {
    // The byte offset where each line starts (and the end of the text).
    let mut starts = Vec::with_capacity(lines.len() + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    let line_start = |index: usize| starts.get(index).copied().unwrap_or(text.len());
    let h = &heads[i];
    let mut end = next_at_or_above(heads, i);
    if lead_only {
        if let Some(sub) = (i + 1..end).find(|&k| heads[k].level == h.level + 1) {
            end = sub;
        }
    }
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
    AnswerSpan {
        start: line_start(keep),
        end: if has_next {
            line_start(end_line - 1)
        } else {
            text.len()
        },
        has_next,
    }
}

/// Where one part of a walk-through stands in an answer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartPlace {
    /// The persona's part is there: what stands under its heading.
    Found(AnswerSpan),
    /// It is not: a new part goes at this byte (the end of the question's
    /// answer), with its heading at this level.
    Missing { at: usize, level: usize },
}

/// Where the part of `persona` in the walk-through `id` stands; None when
/// the file has no heading for the question.
fn part_place(text: &str, section: &Section, id: &str, persona: &str) -> Option<PartPlace> {
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &answers::in_section(section)).headings;
    let i = heads.iter().position(|h| h.id.as_deref() == Some(id))?;
    let end = next_at_or_above(&heads, i);
    let level = heads[i].level + 1;
    let part =
        (i + 1..end).find(|&k| heads[k].level == level && heads[k].id.as_deref() == Some(persona));
    Some(match part {
        Some(k) => PartPlace::Found(span_under(text, &lines, &heads, k, false)),
        None => PartPlace::Missing {
            at: span_under(text, &lines, &heads, i, false).end,
            level,
        },
    })
}

/// The answer to `id` as written (sub-headings, comments and all), without
/// the blank lines around it; None when the file has no such heading.
pub fn raw_answer<'t>(text: &'t str, section: &Section, id: &str) -> Option<&'t str> {
    answer_span(text, section, id)
        .map(|s| text[s.start..s.end].trim_matches(['\n', '\r']).trim_end())
}

/// The lead of the walk-through `id` as written (before its first persona
/// part, comments and all), without the blank lines around it; None when
/// the file has no heading for the question.
pub fn raw_lead<'t>(text: &'t str, section: &Section, id: &str) -> Option<&'t str> {
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &answers::in_section(section)).headings;
    let i = heads.iter().position(|h| h.id.as_deref() == Some(id))?;
    let s = span_under(text, &lines, &heads, i, true);
    Some(text[s.start..s.end].trim_matches(['\n', '\r']).trim_end())
}

/// The part of `persona` in the walk-through `id` as written (its own
/// sub-headings, comments and all), without the blank lines around it;
/// None when the file has no heading for that part.
pub fn raw_part<'t>(text: &'t str, section: &Section, id: &str, persona: &str) -> Option<&'t str> {
    match part_place(text, section, id, persona)? {
        PartPlace::Found(s) => Some(text[s.start..s.end].trim_matches(['\n', '\r']).trim_end()),
        PartPlace::Missing { .. } => None,
    }
}

/// The heading level of the persona parts of the walk-through `id`: one
/// below its heading, or 3 when the file has no heading for it yet (the
/// heading is then added as `##`).
pub fn part_level(text: &str, section: &Section, id: &str) -> usize {
    let heads = answers::outline(text.lines(), &answers::in_section(section)).headings;
    heads
        .iter()
        .find(|h| h.id.as_deref() == Some(id))
        .map_or(3, |h| h.level + 1)
}

/// What an import does with `body` for a question (or a persona's part)
/// that stands as `was`, the same text or not.
fn decide(body: &str, was: &str, same: bool, replace: bool) -> Action {
    if body.trim().is_empty() {
        Action::Empty
    } else if same {
        Action::Same
    } else if was == "open" {
        Action::Fill
    } else if replace {
        Action::Replace
    } else {
        Action::LeaveOut
    }
}

/// How a walk-through's lead text stands: a deferral or "not applicable"
/// is written there; otherwise it is answered when it holds text.
fn lead_status(answer: &answers::Answer) -> &'static str {
    match &answer.status {
        Status::Deferred { .. } | Status::NotApplicable { .. } => answer.status.word(),
        _ if answer.body.trim().is_empty() => "open",
        _ => "answered",
    }
}

/// Whether two answers say the same: the same Markdown once comments are
/// taken out and both are written out alike (list markers, emphasis,
/// line breaks), so that an answer printed by `render --format md` and
/// typed back is the same answer.
pub fn same_markdown(a: &str, b: &str) -> bool {
    let (a, b) = (answers::strip_comments(a), answers::strip_comments(b));
    if a.trim() == b.trim() {
        return true;
    }
    crate::render::markdown::canonical(&a) == crate::render::markdown::canonical(&b)
}

/// The level of the heading on `line` (from 1) of `text`.
fn heading_level(text: &str, line: usize) -> Option<usize> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let n = l.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&n).then_some(n)
}

/// One persona's part of a walk-through in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePart {
    /// The persona's id, from `{#id}`.
    pub persona: String,
    /// The heading's text (the persona's name).
    pub heading: String,
    /// What stands under it.
    pub body: String,
}

/// A walk-through note split into its lead text and its persona parts:
/// the headings one level below the note's heading that end in `{#id}`.
pub fn split_parts(note: &Note) -> (String, Vec<NotePart>) {
    let lines: Vec<&str> = note.body.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &|_: &str| false).headings;
    let part_heads: Vec<&Heading> = heads
        .iter()
        .filter(|h| h.level == note.level + 1 && h.id.is_some())
        .collect();
    let Some(first) = part_heads.first() else {
        return (note.body.clone(), Vec::new());
    };
    let lead = lines[..first.line - 1].join("\n");
    let parts = part_heads
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let end = part_heads.get(k + 1).map_or(lines.len(), |n| n.line - 1);
            NotePart {
                persona: h.id.clone().unwrap_or_default(),
                heading: h.text.clone(),
                body: lines[h.line..end]
                    .join("\n")
                    .trim_matches('\n')
                    .trim_end()
                    .to_string(),
            }
        })
        .collect();
    (lead.trim_matches('\n').trim_end().to_string(), parts)
}

/// Markdown with its headings moved `by` levels (outside code fences),
/// kept between 1 and 6: notes written under a `####` heading go under a
/// `##` one as the answer file has it.
fn shift_headings(text: &str, by: isize) -> String {
    if by == 0 {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &|_: &str| false).headings;
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for h in heads {
        let Some(line) = out.get_mut(h.line - 1) else {
            continue;
        };
        let rest = line.trim_start_matches('#').to_string();
        let level = (h.level as isize + by).clamp(1, 6) as usize;
        *line = format!("{}{rest}", "#".repeat(level));
    }
    out.join("\n")
}

/// `body` with the file's line endings, trailing blank lines cut.
fn with_endings(body: &str, nl: &str) -> String {
    body.trim_end().lines().collect::<Vec<_>>().join(nl)
}

/// The text with `body` in `span` (the rest byte for byte).
fn put_in_span(text: &str, span: AnswerSpan, body: &str) -> String {
    let nl = line_ending(text);
    let body = with_endings(body, nl);
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

/// The text with `body` as the lead of the walk-through `id` (before its
/// persona parts, which stay as they are); the question's heading is added
/// at the end when the file lacks it.
pub fn put_lead(text: &str, section: &Section, id: &str, heading: &str, body: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let heads = answers::outline(lines.iter().copied(), &answers::in_section(section)).headings;
    match heads.iter().position(|h| h.id.as_deref() == Some(id)) {
        Some(i) => put_in_span(text, span_under(text, &lines, &heads, i, true), body),
        None => put_answer(text, section, id, heading, body),
    }
}

/// The text with `body` as the part of `persona` (its id and heading) in
/// the walk-through `question` (its id and heading text): the part is
/// filled or replaced where it stands, or added after the question's other
/// parts; every other persona's part stays byte for byte.
pub fn put_part(
    text: &str,
    section: &Section,
    question: (&str, &str),
    persona: (&str, &str),
    body: &str,
) -> String {
    let (id, heading) = question;
    let text = match part_place(text, section, id, persona.0) {
        Some(_) => text.to_string(),
        None => put_answer(text, section, id, heading, ""),
    };
    let nl = line_ending(&text);
    match part_place(&text, section, id, persona.0) {
        Some(PartPlace::Found(span)) => put_in_span(&text, span, body),
        Some(PartPlace::Missing { at, level }) => {
            let mut out = text[..at].trim_end_matches(['\n', '\r']).to_string();
            out.push_str(&format!(
                "{nl}{nl}{} {} {{#{}}}{nl}",
                "#".repeat(level),
                persona.1.trim(),
                persona.0
            ));
            let body = with_endings(body, nl);
            if !body.is_empty() {
                out.push_str(&format!("{nl}{body}{nl}"));
            }
            if at < text.len() {
                out.push_str(nl);
                out.push_str(&text[at..]);
            }
            out
        }
        // The heading was just added.
        None => text,
    }
}

/// The text with `body` under the heading `{#id}`: the scaffolded prompt
/// (an HTML comment right under the heading) is kept, what followed it is
/// replaced. Without such a heading, one is added at the end. Everything
/// else stays byte for byte (line endings included); new lines take the
/// file's line ending. An empty `body` leaves the question open.
pub fn put_answer(text: &str, section: &Section, id: &str, heading: &str, body: &str) -> String {
    let Some(span) = answer_span(text, section, id) else {
        let nl = line_ending(text);
        let body = with_endings(body, nl);
        let mut out = text.trim_end().to_string();
        out.push_str(&format!("{nl}{nl}## {heading} {{#{id}}}{nl}"));
        if !body.is_empty() {
            out.push_str(&format!("{nl}{body}{nl}"));
        }
        return out;
    };
    put_in_span(text, span, body)
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
    #[test]
    fn a_walkthroughs_lead_and_parts_are_read_as_written_one_at_a_time() {
        let guide = Guide::builtin().ok();
        let Some((section, _)) = guide
            .as_ref()
            .and_then(|g| g.question("access-walkthrough"))
        else {
            panic!("the built-in guide asks `access-walkthrough`");
        };
        let text = "## Walk {#access-walkthrough}\r\n\r\nThe lead.\r\n\r\n### Sara {#sara}\r\n\r\nHer part <!-- a note -->.\r\n\r\n#### Asked\r\n\r\nSalt.\r\n\r\n### Ola {#ola}\r\n\r\nHis part.\r\n\r\n## Next {#access-systems}\r\n";
        let id = "access-walkthrough";
        assert_eq!(raw_lead(text, section, id), Some("The lead."));
        assert_eq!(
            raw_part(text, section, id, "sara"),
            Some("Her part <!-- a note -->.\r\n\r\n#### Asked\r\n\r\nSalt.")
        );
        assert_eq!(raw_part(text, section, id, "ola"), Some("His part."));
        assert_eq!(raw_part(text, section, id, "per"), None);
        assert_eq!(raw_part(text, section, "access-systems", "sara"), None);
        assert_eq!(part_level(text, section, id), 3);
        // What put_part writes, raw_part reads back; the other part stays.
        let out = put_part(text, section, (id, "Walk"), ("sara", "Sara"), "New words.");
        assert_eq!(raw_part(&out, section, id, "sara"), Some("New words."));
        assert_eq!(raw_part(&out, section, id, "ola"), Some("His part."));
        assert_eq!(raw_lead(&out, section, id), Some("The lead."));
    }
}
