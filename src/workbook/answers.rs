//! Reading the Markdown answer files: each question is a heading ending in
//! `{#question-id}`; the answer is what stands under it. Found by id, never by
//! position. Line-based and fast: no full Markdown parse is needed to know
//! what is answered.

use serde::Serialize;

use crate::finding::{Code, Finding};
use crate::guide::{QuestionKind, Renamed, Section};
use crate::source::Source;
use crate::spec;
use crate::workbook::Loc;
use crate::workbook::status_words::{self, Mark};

pub use super::comments::{comments, strip_comments, unclosed_comment};

/// Whether and how a question is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Status {
    /// Nothing written yet (or only the scaffolded prompt).
    Open,
    /// Answered.
    Answered,
    /// Marked not applicable, with a reason.
    NotApplicable {
        /// Why it does not apply.
        reason: String,
    },
    /// Put off, with a reason, and perhaps an owner and a date.
    Deferred {
        /// Why it was put off.
        reason: String,
        /// Who will answer it.
        owner: Option<String>,
        /// By when, YYYY-MM-DD.
        until: Option<String>,
    },
}

impl Status {
    /// A short word for the status.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Answered => "answered",
            Status::NotApplicable { .. } => "not applicable",
            Status::Deferred { .. } => "deferred",
        }
    }
}

/// One persona's part of a walk-through.
#[derive(Debug, Clone, Serialize)]
pub struct WalkEntry {
    /// The persona's slug, from `{#slug}`.
    pub persona: String,
    /// The sub-heading's text.
    pub heading: String,
    /// The Markdown under it (HTML comments removed).
    pub body: String,
    /// Where the sub-heading is.
    #[serde(skip)]
    pub loc: Loc,
}

/// The answer to one question, as written.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The question's id.
    pub question: String,
    /// The heading's text, without the id.
    pub heading: String,
    /// The Markdown answer (HTML comments removed; walk-through entries apart).
    pub body: String,
    /// Whether it is answered.
    pub status: Status,
    /// For walk-throughs: one entry per persona.
    pub walkthrough: Vec<WalkEntry>,
    /// The HTML comments under the heading, before any persona's part (the
    /// scaffolded prompt, unless someone wrote their own), as written.
    #[serde(skip)]
    pub prompts: Vec<String>,
    /// Why other sites could learn from it, when the team marks it as an
    /// exemplar with a `<!-- exemplar: why -->` comment under its heading
    /// (empty when no reason is given).
    pub exemplar: Option<String>,
    /// Where the heading is.
    #[serde(skip)]
    pub loc: Loc,
}

/// One answer file.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerFile {
    /// The section (step id or `short-form`).
    pub section: String,
    /// The file, relative to the workbook.
    pub file: String,
    /// Answers found, in file order.
    pub answers: Vec<Answer>,
    /// Headings without `{#id}` that read like a question of this file
    /// that has no heading.
    #[serde(skip)]
    pub lost_ids: Vec<LostId>,
}

impl AnswerFile {
    /// The answer to a question, if the file has its heading.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }

    /// The heading that reads like `question` but has no `{#id}`, if the
    /// question has no heading of its own.
    pub fn lost_id(&self, question: &str) -> Option<&LostId> {
        self.lost_ids.iter().find(|l| l.question == question)
    }
}

/// A heading that reads like one of the file's questions but has no `{#id}`,
/// so covalue cannot know that it answers that question: most often the id
/// was deleted while the heading was edited.
#[derive(Debug, Clone)]
pub struct LostId {
    /// The id of the question it reads like.
    pub question: String,
    /// The heading as it would be with its id put back, such as
    /// `## What does the team hope to learn? {#preparation-aim}`.
    pub fixed: String,
    /// Where the heading is.
    pub loc: Loc,
}

impl LostId {
    /// The finding that the question has no heading, pointing at this
    /// heading, with the heading as it should be.
    pub fn finding(&self) -> Finding {
        self.loc
            .finding(Finding::warning(
                Code::CV031,
                format!(
                    "question `{0}` has no heading: this heading reads like it but has lost its `{{#{0}}}`",
                    self.question
                ),
            ))
            .help(format!("did you mean `{}`?", self.fixed))
    }
}

/// The heading a question gets in a new answer file: the whole question when
/// it is short or one sentence, else its first sentence (of at least a few
/// words). A sentence never ends inside an abbreviation such as "e.g.",
/// "i.e.", "etc.", "vs." or "Dr.", nor inside a number such as "1.5".
pub fn heading_text(question: &str) -> String {
    const SHORT_ENOUGH: usize = 110;
    let text = question.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SHORT_ENOUGH {
        return text;
    }
    match first_sentence_end(&text) {
        Some(end) if end < text.len() => text[..end].to_string(),
        _ => text,
    }
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "e.g", "i.e", "etc", "vs", "cf", "viz", "al", "approx", "ca", "incl", "resp", "dr", "mr",
    "mrs", "ms", "prof", "st", "no", "nr", "fig", "vol", "jr", "sr", "dept",
];

/// The byte offset just after the first sentence of `text` (its full stop,
/// question or exclamation mark, and any closing quotes or brackets) that is
/// at least 20 bytes long; None when there is no such end before the text's own.
fn first_sentence_end(text: &str) -> Option<usize> {
    // A first sentence longer than this makes no heading anyway; looking no
    // further keeps a guide of odd text (a long run of full stops) quick.
    const LOOKED_AT: usize = 1000;
    let mut cut = text.len().min(LOOKED_AT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') || i < 20 {
            continue;
        }
        if c == '.' && ends_an_abbreviation(&text[..i]) {
            continue;
        }
        let after = &text[i + c.len_utf8()..];
        let closing = after
            .char_indices()
            .find(|(_, ch)| !matches!(ch, '’' | '”' | '"' | '\'' | ')' | ']'))
            .map_or(after.len(), |(k, _)| k);
        let end = i + c.len_utf8() + closing;
        let rest = &text[end..];
        let Some(next) = rest.strip_prefix(' ').and_then(|r| r.chars().next()) else {
            continue;
        };
        if next.is_uppercase() || next.is_ascii_digit() || matches!(next, '‘' | '“' | '"' | '(')
        {
            return Some(end);
        }
    }
    None
}

/// Whether the word just before a full stop (letters, digits and inner
/// full stops) is an abbreviation or an initial.
pub(crate) fn ends_an_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = before[start..].to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.contains('.')
        || (letters == 1 && word.chars().count() == 1)
        || ABBREVIATIONS.contains(&word.as_str())
}

/// Heading or question text reduced to lower-case words, for comparing.
fn words_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a heading's text reads like a question: the same words, the
/// question's first words (a shortened heading), or nearly the same text.
fn resembles(heading: &str, question: &str) -> bool {
    let h = words_key(heading);
    let q = words_key(question);
    if h.is_empty() || q.is_empty() {
        return false;
    }
    if h == q {
        return true;
    }
    if h.split(' ').count() >= 4 && q.starts_with(&h) && q[h.len()..].starts_with(' ') {
        return true;
    }
    // Edit distance only where it is cheap and means something.
    if h.len() > 2 * q.len() + 40 || h.len() < 12 {
        return false;
    }
    let first = words_key(&heading_text(question));
    strsim::normalized_levenshtein(&h, &q) >= 0.8
        || strsim::normalized_levenshtein(&h, &first) >= 0.8
}

/// A heading of a Markdown file.
pub struct Heading {
    /// Its line, from 1.
    pub line: usize,
    /// 1 for `#`, 2 for `##`, …
    pub level: usize,
    /// Its text, without the id.
    pub text: String,
    /// The id in `{#id}` at its end.
    pub id: Option<String>,
}

/// A code fence (```` ``` ```` or `~~~`) that is never closed: it runs into
/// the next question's heading or to the end of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenFence {
    /// Its line, from 1.
    pub line: usize,
    /// Its column, from 1 (after any indent).
    pub column: usize,
}

/// The headings of a Markdown file, and its fences left open.
pub struct Outline {
    /// The ATX headings outside fenced code, and every question heading.
    pub headings: Vec<Heading>,
    /// The fences a question heading or the end of the file had to close.
    pub open_fences: Vec<OpenFence>,
}

/// An opening code fence: its character, its length and its indent.
fn fence_open(line: &str) -> Option<(u8, usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = rest.bytes().take_while(|b| *b == c).count();
    // A backtick fence's info string holds no backtick (CommonMark).
    (n >= 3 && !(c == b'`' && rest[n..].contains('`'))).then_some((c, n, indent))
}

/// Whether `line` closes a fence of `n` characters `c`.
fn fence_closes(line: &str, c: u8, n: usize) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let run = rest.bytes().take_while(|b| *b == c).count();
    run >= n && rest[run..].trim().is_empty()
}

/// The ATX headings of Markdown lines, leaving out fenced code. The rule
/// that keeps one answer from swallowing the next: a heading whose `{#id}`
/// is a question id (`is_question`) is a heading even inside a fence, and
/// closes it; such a fence, and one still open at the end, is reported.
/// A byte-order mark before the first line is ignored.
pub fn outline<'a>(
    lines: impl Iterator<Item = &'a str>,
    is_question: &dyn Fn(&str) -> bool,
) -> Outline {
    let mut headings = Vec::new();
    let mut open_fences = Vec::new();
    // The open fence: its character, length and where it opened.
    let mut fence: Option<(u8, usize, OpenFence)> = None;
    for (i, line) in lines.enumerate() {
        let line = match i {
            0 => line.strip_prefix('\u{feff}').unwrap_or(line),
            _ => line,
        };
        // Only a line that starts with `#`, a space or a fence can matter here.
        if !matches!(
            line.as_bytes().first(),
            Some(b'#' | b' ' | b'`' | b'~' | b'\t')
        ) && fence.is_none()
        {
            continue;
        }
        if let Some((c, n, at)) = fence {
            if fence_closes(line, c, n) {
                fence = None;
                continue;
            }
            match heading(line) {
                Some((level, text, Some(id))) if is_question(&id) => {
                    open_fences.push(at);
                    fence = None;
                    headings.push(Heading {
                        line: i + 1,
                        level,
                        text,
                        id: Some(id),
                    });
                }
                _ => {}
            }
            continue;
        }
        if let Some((c, n, indent)) = fence_open(line) {
            let at = OpenFence {
                line: i + 1,
                column: indent + 1,
            };
            fence = Some((c, n, at));
            continue;
        }
        if let Some((level, text, id)) = heading(line) {
            headings.push(Heading {
                line: i + 1,
                level,
                text,
                id,
            });
        }
    }
    if let Some((_, _, at)) = fence {
        open_fences.push(at);
    }
    Outline {
        headings,
        open_fences,
    }
}

/// A heading in text meant for one question that would take the place of
/// a question's own heading: the text cannot be saved under its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayHeading {
    /// Its line in the text, from 1.
    pub line: usize,
    /// The heading as written.
    pub heading: String,
    /// The question id it carries.
    pub id: String,
}

impl StrayHeading {
    /// Why text holding this heading is not written under `question`, in
    /// plain words, naming the heading (`where_` says where the line is,
    /// such as "line 4 of the notes").
    pub fn refusal(&self, question: &str, where_: &str) -> String {
        let whose = match self.id == question {
            true => "its own question's id, so the question would have two headings".to_string(),
            false => format!(
                "the id of question `{}`, whose answer it would take over",
                self.id
            ),
        };
        format!(
            "the answer to `{question}` holds a heading, `{}` ({where_}), with {whose}",
            self.heading
        )
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        format!(
            "remove `{{#{}}}` from that heading (or the heading itself); to answer question `{}`, give it its own heading at the level of the others",
            self.id, self.id
        )
    }
}

/// The headings of `text` (an answer about to be written under its
/// question, by `import` or `serve`) that carry a question id
/// (`is_question`): written under another question they would end that
/// answer and overwrite or double the question they name, fence or not.
/// A walk-through's `### Name {#persona}` parts carry persona slugs, which
/// are no question ids, and stay allowed.
pub fn stray_headings(text: &str, is_question: &dyn Fn(&str) -> bool) -> Vec<StrayHeading> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (_, _, id) = heading(line)?;
            let id = id.filter(|id| is_question(id))?;
            Some(StrayHeading {
                line: i + 1,
                heading: line.trim().to_string(),
                id,
            })
        })
        .collect()
}

/// Whether `id` is a question of `section`: the headings that start an
/// answer in its answer file.
pub fn in_section(section: &Section) -> impl Fn(&str) -> bool + '_ {
    |id: &str| section.questions.iter().any(|q| q.id == id)
}

/// Splits a Markdown line into a heading, if it is one (ATX headings only).
fn heading(line: &str) -> Option<(usize, String, Option<String>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.trim_start_matches(' ');
    let level = rest.bytes().take_while(|b| *b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let after = &rest[level..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let mut text = after.trim().trim_end_matches('#').trim_end().to_string();
    if text.is_empty() && after.trim().starts_with('#') {
        text = after.trim().to_string();
    }
    let mut id = None;
    if text.ends_with('}') {
        if let Some(open) = text.rfind("{#") {
            let inner = text[open + 2..text.len() - 1].trim().to_string();
            id = Some(inner.split_whitespace().next().unwrap_or("").to_string());
            text = text[..open].trim_end().to_string();
        }
    }
    Some((level, text, id))
}

/// The warning that an HTML comment is never closed and hides the rest of
/// an answer (or of a persona's part), at its `<!--`.
fn open_comment_finding(source: &Source, offset: usize) -> Finding {
    let pos = source.pos(offset);
    Finding::warning(
        Code::CV046,
        "the HTML comment that opens here is never closed, so the rest of this answer is hidden",
    )
    .at_line(source, pos.line, pos.column)
    .help("close it with `-->` where the comment should end, or delete the `<!--`")
}

/// Reads the status of an answer's text.
/// A line without the Markdown hard break at its end, if any.
fn without_hard_break(line: &str) -> &str {
    let line = line.trim_end();
    let lower = line.to_ascii_lowercase();
    for mark in ["\\", "<br>", "<br/>", "<br />"] {
        if lower.ends_with(mark) {
            return line[..line.len() - mark.len()].trim_end();
        }
    }
    line
}

/// How an answer's text stands, as `check` reads it: open, answered, not
/// applicable or deferred (with reason, owner and date).
pub fn read_status(body: &str) -> Status {
    let mut ignored = Vec::new();
    status_of(body, &Loc::default(), &mut ignored, "the answer")
}

fn status_of(body: &str, loc: &Loc, findings: &mut Vec<Finding>, label: &str) -> Status {
    let text = body.trim();
    if text.is_empty() {
        return Status::Open;
    }
    // A line may end in a Markdown hard break (`\`, `<br>`), as a handout
    // printed by `render --format md` writes a deferral's lines.
    let paragraph: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(without_hard_break)
        .collect();
    let first = paragraph
        .first()
        .copied()
        .unwrap_or("")
        .trim()
        .trim_start_matches(['*', '_', '>', ' ']);
    // The marks may be written in any language covalue prints
    // (`status_words`): a Swedish handout's `Uppskjuten:` reads back as
    // `Deferred:`.
    let marker = |mark: Mark| -> Option<String> {
        status_words::strip(first, mark)
            .map(|(rest, _)| rest.trim_start_matches(['*', '_']).trim().to_string())
    };
    // A line of the paragraph without the emphasis or quote it may open with.
    let bare = |l: &str| {
        l.trim()
            .trim_start_matches(['*', '_', '>', ' '])
            .to_string()
    };
    // A reason may wrap onto the next lines of its paragraph (an editor that
    // wraps at 80 columns); they belong to it, except `Owner:` and `Until:`.
    let wrapped = |reason: String| -> String {
        let more: Vec<&str> = paragraph
            .iter()
            .skip(1)
            .map(|l| l.trim())
            .filter(|l| {
                let l = bare(l);
                !status_words::starts(&l, Mark::Owner) && !status_words::starts(&l, Mark::Until)
            })
            .collect();
        if more.is_empty() {
            reason
        } else {
            format!("{reason} {}", more.join(" ")).trim().to_string()
        }
    };
    if let Some(reason) = marker(Mark::NotApplicable).map(wrapped) {
        if reason.is_empty() {
            findings.push(
                loc.finding(Finding::error(
                    Code::CV018,
                    format!("{label} is marked not applicable without a reason"),
                ))
                .help("write the reason after `Not applicable:` on the same line"),
            );
            return Status::Open;
        }
        return Status::NotApplicable { reason };
    }
    if let Some(reason) = marker(Mark::Deferred).map(wrapped) {
        let mut owner = None;
        let mut until = None;
        for line in paragraph.iter().skip(1) {
            let line = bare(line);
            let value_after = |rest: &str| rest.trim_start_matches(['*', '_']).trim().to_string();
            if let Some((rest, _)) = status_words::strip(&line, Mark::Owner) {
                owner = Some(value_after(rest));
            } else if let Some((rest, form)) = status_words::strip(&line, Mark::Until) {
                let value = value_after(rest);
                match status_words::until_date(&value, form) {
                    Some(date) => until = Some(date),
                    None => findings.push(
                        loc.finding(Finding::error(
                            Code::CV018,
                            format!("{label}: `Until: {value}` is not a date"),
                        ))
                        .help("write the date as YYYY-MM-DD, for example `Until: 2027-01-31`"),
                    ),
                }
            }
        }
        if reason.is_empty() {
            findings.push(
                loc.finding(Finding::error(
                    Code::CV018,
                    format!("{label} is deferred without a reason"),
                ))
                .help("write the reason after `Deferred:` on the same line"),
            );
            return Status::Open;
        }
        return Status::Deferred {
            reason,
            owner,
            until,
        };
    }
    Status::Answered
}

/// The warning that a code fence is never closed.
fn open_fence_finding(source: &Source, fence: OpenFence) -> Finding {
    let line = source.line_text(fence.line).trim();
    let tildes = line.starts_with('~');
    let count = line.chars().take_while(|c| *c == '`' || *c == '~').count();
    let what = match tildes {
        true => "tildes (~)",
        false => "backticks (`)",
    };
    Finding::warning(
        Code::CV046,
        "the code block that opens here is never closed, so it runs on to the next question",
    )
    .at_line(source, fence.line, fence.column)
    .help(format!(
        "close it with a line of {count} {what} where the code ends, before the next question's heading"
    ))
}

/// The words that open the comment `covalue upgrade` writes under the
/// heading of an answer whose question the guide no longer has.
pub const KEPT_MARK: &str = "covalue upgrade: kept";

/// Parses an answer file against its section of the guide.
pub fn parse(source: &Source, section: &Section, findings: &mut Vec<Finding>) -> AnswerFile {
    parse_with(source, section, &[], findings)
}

/// Parses an answer file against its section of the guide, knowing the
/// question ids the guide renamed (an answer under an old id is CV056).
pub fn parse_with(
    source: &Source,
    section: &Section,
    renamed: &[Renamed],
    findings: &mut Vec<Finding>,
) -> AnswerFile {
    let file = source.file.clone();
    let Outline {
        headings,
        open_fences,
    } = outline(
        (1..=source.line_count()).map(|i| source.line_text(i)),
        &in_section(section),
    );
    for fence in open_fences {
        findings.push(open_fence_finding(source, fence));
    }
    let line_count = source.line_count();
    // The text of lines from+1 ..= to (1-based), without HTML comments; a
    // comment never closed there is reported.
    let body_between = |from: usize, to: usize, findings: &mut Vec<Finding>| -> String {
        let start = source.line_start(from.min(line_count) + 1);
        let end = source.line_start(to.min(line_count).max(from) + 1);
        let raw = source.text.get(start..end.max(start)).unwrap_or("");
        if let Some(open) = unclosed_comment(raw) {
            findings.push(open_comment_finding(source, start + open));
        }
        let body = strip_comments(raw);
        let body = if body.contains('\r') {
            body.replace("\r\n", "\n")
        } else {
            body
        };
        body.trim_matches(['\n', '\r']).trim_end().to_string()
    };
    let mut answers: Vec<Answer> = Vec::new();
    // The questions met so far: a file of many headings stays quick to read.
    let mut seen = std::collections::HashSet::new();
    let mut i = 0;
    while i < headings.len() {
        let h = &headings[i];
        let Some(id) = h.id.clone() else {
            i += 1;
            continue;
        };
        let loc = Loc::of_line(source, h.line);
        let Some(question) = section.questions.iter().find(|q| q.id == id) else {
            let next_line = headings.get(i + 1).map_or(line_count + 1, |n| n.line);
            let kept = (h.line + 1..next_line)
                .map(|l| source.line_text(l).trim())
                .find(|l| !l.is_empty())
                .is_some_and(|l| l.starts_with(&format!("<!-- {KEPT_MARK}")));
            if h.level >= 2 && kept {
                findings.push(
                    loc.finding(Finding::info(
                        Code::CV055,
                        format!(
                            "the answer under `{{#{id}}}` was kept by `covalue upgrade`: this version of the guide has no question `{id}`"
                        ),
                    ))
                    .help("move what still matters under a question of this step, then delete the heading and its answer; until then it is printed nowhere"),
                );
            } else if let Some(to) = renamed.iter().find(|r| r.from == id) {
                findings.push(
                    loc.finding(Finding::warning(
                        Code::CV056,
                        format!(
                            "question `{id}` was renamed `{}` in version {} of the guide, so this answer is not read",
                            to.to, to.since
                        ),
                    ))
                    .help("run `covalue upgrade` to carry the answer to the new id (`covalue upgrade --dry-run` shows what it would change)"),
                );
            } else if h.level >= 2 {
                let help = match spec::suggest(&id, section.questions.iter().map(|q| q.id.as_str()))
                {
                    Some(better) => format!(
                        "did you mean `{{#{better}}}`? Question ids in this file are listed by `covalue guide`"
                    ),
                    None => format!(
                        "this file answers {}; its question ids are {}",
                        section.heading(),
                        section
                            .questions
                            .iter()
                            .map(|q| format!("`{}`", q.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                findings.push(
                    loc.finding(Finding::warning(
                        Code::CV017,
                        format!(
                            "the heading `{{#{id}}}` is not a question of {}",
                            section.heading()
                        ),
                    ))
                    .help(help),
                );
            }
            i += 1;
            continue;
        };
        if !seen.insert(id.clone()) {
            findings.push(
                loc.finding(Finding::error(
                    Code::CV019,
                    format!("question `{id}` has two headings in this file"),
                ))
                .help("merge the two answers under one heading"),
            );
        }
        // The answer runs to the next heading of the same or a higher level.
        let mut end = i + 1;
        while end < headings.len() && headings[end].level > h.level {
            end += 1;
        }
        let end_line = headings.get(end).map_or(line_count + 1, |n| n.line);
        let mut walkthrough = Vec::new();
        let body_end_line;
        if question.kind == QuestionKind::Walkthrough {
            let subs: Vec<&Heading> = headings[i + 1..end]
                .iter()
                .filter(|s| s.level == h.level + 1)
                .collect();
            body_end_line = subs.first().map_or(end_line, |s| s.line);
            for (k, sub) in subs.iter().enumerate() {
                let next = subs.get(k + 1).map_or(end_line, |n| n.line);
                let sub_loc = Loc::of_line(source, sub.line);
                let Some(persona) = sub.id.clone() else {
                    findings.push(
                        sub_loc
                            .finding(Finding::warning(Code::CV027, format!("the walk-through heading \"{}\" does not say which persona it is", sub.text)))
                            .help("end the heading with the persona's slug in braces, for example `### Sara {#sara}`"),
                    );
                    continue;
                };
                walkthrough.push(WalkEntry {
                    persona,
                    heading: sub.text.clone(),
                    body: body_between(sub.line, next - 1, findings),
                    loc: sub_loc,
                });
            }
        } else {
            body_end_line = end_line;
        }
        let body = body_between(h.line, body_end_line - 1, findings);
        let (prompts, exemplar) = {
            let start = source.line_start(h.line.min(line_count) + 1);
            let end = source.line_start((body_end_line - 1).min(line_count).max(h.line) + 1);
            let raw = source.text.get(start..end.max(start)).unwrap_or("");
            let found: Vec<String> = comments(raw).into_iter().map(|(_, c)| c).collect();
            let exemplar = found
                .iter()
                .find_map(|c| super::comments::exemplar_reason(c));
            (found, exemplar)
        };
        let label = format!("question `{id}`");
        let mut status = status_of(&body, &loc, findings, &label);
        if status == Status::Open && walkthrough.iter().any(|w| !w.body.trim().is_empty()) {
            status = Status::Answered;
        }
        answers.push(Answer {
            question: id,
            heading: h.text.clone(),
            body,
            status,
            walkthrough,
            prompts,
            exemplar,
            loc,
        });
        i = end;
    }
    let lost_ids = lost_ids(source, section, &headings, &answers);
    AnswerFile {
        section: section.id.clone(),
        file,
        answers,
        lost_ids,
    }
}

/// The headings without `{#id}` that read like a question of the section
/// that has no heading of its own; each heading and each question once.
/// Only the first few hundred such headings are compared, so that a file of
/// thousands of headings stays quick to read.
fn lost_ids(
    source: &Source,
    section: &Section,
    headings: &[Heading],
    answers: &[Answer],
) -> Vec<LostId> {
    const COMPARED: usize = 300;
    let candidates: Vec<(usize, &Heading)> = headings
        .iter()
        .enumerate()
        .filter(|(_, h)| h.id.is_none() && h.level >= 2)
        .take(COMPARED)
        .collect();
    let mut lost: Vec<LostId> = Vec::new();
    let mut taken = Vec::new();
    for question in &section.questions {
        if candidates.is_empty() {
            break;
        }
        if answers.iter().any(|a| a.question == question.id) {
            continue;
        }
        let found = candidates
            .iter()
            .copied()
            .find(|(k, h)| !taken.contains(k) && resembles(&h.text, &question.text));
        if let Some((k, h)) = found {
            taken.push(k);
            lost.push(LostId {
                question: question.id.clone(),
                fixed: format!("{} {} {{#{}}}", "#".repeat(h.level), h.text, question.id),
                loc: Loc::of_line(source, h.line),
            });
        }
    }
    lost.sort_by_key(|l| l.loc.line);
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_of_full_stops_is_read_quickly() {
        let text = format!("Which measures {}", ".".repeat(400_000));
        let started = std::time::Instant::now();
        assert_eq!(heading_text(&text).len(), text.len());
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
    use crate::guide::Guide;

    #[test]
    fn a_comment_never_closed_is_found_where_it_opens() {
        assert_eq!(unclosed_comment("a <!-- x --> b"), None);
        assert_eq!(unclosed_comment("a <!-- x --> b <!-- y"), Some(15));
        assert_eq!(unclosed_comment("<!-- a <!-- b -->"), None);
        assert_eq!(unclosed_comment("--> <!--"), Some(4));
        let text = "## A {#a}\n\nSeen. <!-- hidden\n\n## B {#b}\n\n<!-- prompt -->\n";
        let src = Source::new("answers/chain.md", text.to_string());
        let mut findings = Vec::new();
        let file = parse(&src, &section(), &mut findings);
        let at: Vec<_> = findings
            .iter()
            .map(|f| (f.code, f.line, f.column))
            .collect();
        assert_eq!(at, vec![(Code::CV046, Some(3), Some(7))]);
        assert_eq!(
            file.answer("b").map(|a| a.status.clone()),
            Some(Status::Open)
        );
    }

    #[test]
    fn comments_are_found_with_where_they_open() {
        assert_eq!(
            comments("a <!-- x --> b <!--y-->c <!-- open"),
            vec![(2, " x ".to_string()), (15, "y".to_string())]
        );
        assert_eq!(
            comments("Jönköping <!-- ö -->"),
            vec![(12, " ö ".to_string())]
        );
    }

    #[test]
    fn comments_are_taken_out_of_an_answer() {
        assert_eq!(strip_comments("a <!-- x --> b <!--y-->c"), "a  b c");
        assert_eq!(strip_comments("Jönköping <!-- ö -->é"), "Jönköping é");
        assert_eq!(strip_comments("kept <!-- never closed"), "kept ");
        assert_eq!(strip_comments("no comment -->"), "no comment -->");
    }

    /// The built-in guide's chain step with four plain questions, `a`, `b`,
    /// `c` and the walk-through `w`, made from its own questions so that a
    /// new field of a question needs no change here.
    fn section() -> Section {
        let guide = Guide::builtin().ok();
        let Some(mut section) = guide.as_ref().and_then(|g| g.section("chain")).cloned() else {
            panic!("the built-in guide has a chain step");
        };
        let Some(template) = section.questions.first().cloned() else {
            panic!("the chain step has questions");
        };
        let q = |id: &str, kind| {
            let mut q = template.clone();
            q.id = id.into();
            q.text = id.into();
            q.kind = kind;
            q.help = None;
            q.configuration = None;
            q
        };
        section.questions = vec![
            q("a", QuestionKind::Text),
            q("b", QuestionKind::Text),
            q("c", QuestionKind::Text),
            q("w", QuestionKind::Walkthrough),
        ];
        section
    }

    #[test]
    fn statuses_and_walkthroughs_are_read() {
        let text = "# Step\n\n## A {#a}\n\n<!-- prompt -->\n\n## B? {#b}\n\nDeferred: need\ndata\nOwner: Kim\nUntil: 2027-01-31\n\n## C {#c}\n\nNot applicable: no chain\nhere\n\n## W {#w}\n\n### Sara {#sara}\n\nShe meets the chain.\n\n```\n## not a heading {#x}\n```\n";
        let src = Source::new("answers/chain.md", text.to_string());
        let mut findings = Vec::new();
        let file = parse(&src, &section(), &mut findings);
        assert!(findings.is_empty(), "{findings:?}");
        let status = |id: &str| file.answer(id).map(|a| a.status.clone());
        assert_eq!(status("a"), Some(Status::Open));
        assert_eq!(
            status("b"),
            Some(Status::Deferred {
                reason: "need data".into(),
                owner: Some("Kim".into()),
                until: Some("2027-01-31".into())
            })
        );
        assert_eq!(
            status("c"),
            Some(Status::NotApplicable {
                reason: "no chain here".into()
            })
        );
        assert_eq!(status("w"), Some(Status::Answered));
        let walk = file.answer("w").map(|a| a.walkthrough.len());
        assert_eq!(walk, Some(1));
    }

    #[test]
    fn headings_never_end_inside_an_abbreviation_or_a_number() {
        let payment = "Are there any current ‘macro’ payment issues—e.g. soon-to-be-enacted reforms—that will bear on an understanding of this particular population in this local setting?";
        assert_eq!(heading_text(payment), payment);
        let long = "Which people, i.e. patients, families and carers, see Dr. Berg vs. the nurse, etc. every 1.5 months at the clinic in the town? Name them. Then say how often they come and why, with as many words as it takes.";
        assert_eq!(
            heading_text(long),
            "Which people, i.e. patients, families and carers, see Dr. Berg vs. the nurse, etc. every 1.5 months at the clinic in the town?"
        );
        let quoted = "How is ‘value’ thought about in ‘the system.’ Think from the perspective of the person-sometimes-known-as-patient, and then from that of the professional.";
        assert_eq!(
            heading_text(quoted),
            "How is ‘value’ thought about in ‘the system.’"
        );
        assert_eq!(heading_text("  Short?\n  Yes. "), "Short? Yes.");
    }

    #[test]
    fn a_heading_that_lost_its_id_is_found_by_its_text() {
        let mut section = section();
        section.questions[1].text = "What does the team hope to learn or change for this population by working through the guide?".into();
        section.questions[2].text = "Are there any current ‘macro’ payment issues—e.g. soon-to-be-enacted reforms—that will bear on this population?".into();
        let text = "# Step\n\n## A {#a}\n\n## What does the team hope to learn or change for this population by working through the guide\n\nTo learn.\n\n### Are there any current ‘macro’ payment issues—e.g.\n\n## Something else entirely\n";
        let src = Source::new("answers/chain.md", text.to_string());
        let mut findings = Vec::new();
        let file = parse(&src, &section, &mut findings);
        assert!(findings.is_empty(), "{findings:?}");
        let b = file.lost_id("b").map(|l| (l.loc.line, l.fixed.clone()));
        assert_eq!(
            b,
            Some((5, "## What does the team hope to learn or change for this population by working through the guide {#b}".to_string()))
        );
        let c = file.lost_id("c").map(|l| (l.loc.line, l.fixed.clone()));
        assert_eq!(
            c,
            Some((
                9,
                "### Are there any current ‘macro’ payment issues—e.g. {#c}".to_string()
            ))
        );
        assert!(file.lost_id("a").is_none() && file.lost_id("w").is_none());
        let finding = file.lost_id("b").map(LostId::finding);
        assert_eq!(finding.map(|f| f.code), Some(Code::CV031));
    }

    #[test]
    fn a_question_heading_ends_an_open_fence_and_the_fence_is_reported() {
        let text = "# Step\n\n## A {#a}\n\n  ~~~~ text\n## x {#x}\n~~~\n## B {#b}\n\nBee.\n\n## C {#c}\n\n```\nopen to the end\n";
        let src = Source::new("answers/chain.md", text.to_string());
        let mut findings = Vec::new();
        let file = parse(&src, &section(), &mut findings);
        let at: Vec<_> = findings
            .iter()
            .map(|f| (f.code, f.line, f.column))
            .collect();
        assert_eq!(
            at,
            vec![
                (Code::CV046, Some(5), Some(3)),
                (Code::CV046, Some(14), Some(1))
            ]
        );
        assert_eq!(
            file.answer("a").map(|a| a.body.as_str()),
            Some("  ~~~~ text\n## x {#x}\n~~~")
        );
        assert_eq!(file.answer("b").map(|a| a.body.as_str()), Some("Bee."));
        assert!(file.answer("c").is_some());
        // A closed fence hides a heading that is no question, as before.
        let closed = outline(["```", "## B {#b}", "```", "# T"].into_iter(), &|id| {
            id == "a"
        });
        assert_eq!(closed.headings.len(), 1);
        assert!(closed.open_fences.is_empty());
    }

    #[test]
    fn headings_with_a_question_id_are_found_in_text_for_one_question() {
        let is_question = |id: &str| matches!(id, "a" | "b");
        let text = "x\n### Sara {#sara}\n```\n## Over {#b}\n```\n# {#a}\n";
        let found: Vec<_> = stray_headings(text, &is_question)
            .into_iter()
            .map(|s| (s.line, s.heading, s.id))
            .collect();
        assert_eq!(
            found,
            vec![
                (4, "## Over {#b}".to_string(), "b".to_string()),
                (6, "# {#a}".to_string(), "a".to_string())
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_hides_no_first_heading() {
        let is_question = |id: &str| id == "a";
        let bom = outline(["\u{feff}## A {#a}"].into_iter(), &is_question);
        assert_eq!(
            bom.headings.first().and_then(|h| h.id.clone()),
            Some("a".into())
        );
    }

    #[test]
    fn unknown_ids_are_reported_with_a_suggestion() {
        let src = Source::new("answers/chain.md", "## X {#w2}\ntext\n".to_string());
        let mut findings = Vec::new();
        parse(&src, &section(), &mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::CV017);
    }
}
