//! Reading the Markdown answer files: each question is a heading ending in
//! `{#question-id}`; the answer is what stands under it. Found by id, never by
//! position. Line-based and fast: no full Markdown parse is needed to know
//! what is answered.

use serde::Serialize;

use crate::finding::{Code, Finding};
use crate::guide::{QuestionKind, Section};
use crate::source::Source;
use crate::spec;
use crate::workbook::Loc;

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
}

impl AnswerFile {
    /// The answer to a question, if the file has its heading.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }
}

struct Heading {
    line: usize,
    level: usize,
    text: String,
    id: Option<String>,
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

/// Removes HTML comments (the scaffolded prompts) from Markdown.
pub fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the status of an answer's text.
fn status_of(body: &str, loc: &Loc, findings: &mut Vec<Finding>, label: &str) -> Status {
    let text = body.trim();
    if text.is_empty() {
        return Status::Open;
    }
    let paragraph: Vec<&str> = text.lines().take_while(|l| !l.trim().is_empty()).collect();
    let first = paragraph
        .first()
        .copied()
        .unwrap_or("")
        .trim()
        .trim_start_matches(['*', '_', '>', ' ']);
    let lower = first.to_lowercase();
    let marker = |prefix: &str| -> Option<String> {
        lower.starts_with(prefix).then(|| {
            first[prefix.len()..]
                .trim_start_matches(['*', '_'])
                .trim()
                .to_string()
        })
    };
    if let Some(reason) = marker("not applicable:") {
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
    if let Some(reason) = marker("deferred:") {
        let mut owner = None;
        let mut until = None;
        for line in paragraph.iter().skip(1) {
            let line = line.trim().trim_start_matches(['*', '_', '>', ' ']);
            let l = line.to_lowercase();
            if l.starts_with("owner:") {
                owner = Some(line[6..].trim_start_matches(['*', '_']).trim().to_string());
            } else if l.starts_with("until:") {
                let value = line[6..].trim_start_matches(['*', '_']).trim().to_string();
                if spec::parse_date(&value).is_none() {
                    findings.push(
                        loc.finding(Finding::error(
                            Code::CV018,
                            format!("{label}: `Until: {value}` is not a date"),
                        ))
                        .help("write the date as YYYY-MM-DD, for example `Until: 2027-01-31`"),
                    );
                } else {
                    until = Some(value);
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

/// Parses an answer file against its section of the guide.
pub fn parse(source: &Source, section: &Section, findings: &mut Vec<Finding>) -> AnswerFile {
    let file = source.file.clone();
    let mut headings = Vec::new();
    let mut fence: Option<String> = None;
    for i in 0..source.line_count() {
        let line = source.line_text(i + 1);
        // Only a line that starts with `#`, a space or a fence can matter here.
        if !matches!(
            line.as_bytes().first(),
            Some(b'#' | b' ' | b'`' | b'~' | b'\t')
        ) && fence.is_none()
        {
            continue;
        }
        let trimmed = line.trim_start();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str()) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(trimmed[..3].to_string());
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
    let line_count = source.line_count();
    // The text of lines from+1 ..= to (1-based), without HTML comments.
    let body_between = |from: usize, to: usize| -> String {
        let start = source.line_start(from.min(line_count) + 1);
        let end = source.line_start(to.min(line_count).max(from) + 1);
        let raw = source.text.get(start..end.max(start)).unwrap_or("");
        let body = strip_comments(raw);
        let body = if body.contains('\r') {
            body.replace("\r\n", "\n")
        } else {
            body
        };
        body.trim_matches(['\n', '\r']).trim_end().to_string()
    };
    let mut answers: Vec<Answer> = Vec::new();
    let mut i = 0;
    while i < headings.len() {
        let h = &headings[i];
        let Some(id) = h.id.clone() else {
            i += 1;
            continue;
        };
        let loc = Loc::of_line(source, h.line);
        let Some(question) = section.questions.iter().find(|q| q.id == id) else {
            if h.level >= 2 {
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
        if answers.iter().any(|a| a.question == id) {
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
                    body: body_between(sub.line, next - 1),
                    loc: sub_loc,
                });
            }
        } else {
            body_end_line = end_line;
        }
        let body = body_between(h.line, body_end_line - 1);
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
            loc,
        });
        i = end;
    }
    AnswerFile {
        section: section.id.clone(),
        file,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{Form, Question};

    fn section() -> Section {
        let q = |id: &str, kind| Question {
            id: id.into(),
            text: id.into(),
            kind,
            source: "draft".into(),
            help: None,
            configuration: None,
            summarises: None,
            forms: vec![Form::Full],
        };
        Section {
            id: "chain".into(),
            number: 3,
            title: "Value chain".into(),
            intro: String::new(),
            source: "draft".into(),
            questions: vec![
                q("a", QuestionKind::Text),
                q("b", QuestionKind::Text),
                q("c", QuestionKind::Text),
                q("w", QuestionKind::Walkthrough),
            ],
        }
    }

    #[test]
    fn statuses_and_walkthroughs_are_read() {
        let text = "# Step\n\n## A {#a}\n\n<!-- prompt -->\n\n## B? {#b}\n\nDeferred: need data\nOwner: Kim\nUntil: 2027-01-31\n\n## C {#c}\n\nNot applicable: no chain here\n\n## W {#w}\n\n### Sara {#sara}\n\nShe meets the chain.\n\n```\n## not a heading {#x}\n```\n";
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
    fn unknown_ids_are_reported_with_a_suggestion() {
        let src = Source::new("answers/chain.md", "## X {#w2}\ntext\n".to_string());
        let mut findings = Vec::new();
        parse(&src, &section(), &mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::CV017);
    }
}
