//! The session cycle: a session record scaffolded before a team session
//! (`covalue session new`), the facilitator's pack printed from it
//! (`covalue session pack`), and typed-up paper notes merged back into the
//! answer files by question id (`covalue import`).

pub mod import;
pub mod pack;

use std::io;
use std::path::Path;

use crate::date::{self, Date};
use crate::finding::{Code, Kind, Severity};
use crate::fsutil::Created;
use crate::guide::{Form, Guide, QuestionKind};
use crate::scaffold;
use crate::spec;
use crate::workbook::{Workbook, layout};

/// What a new session record says.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The day of the session.
    pub date: Date,
    /// What it is about.
    pub title: Option<String>,
    /// The populations worked on.
    pub populations: Vec<String>,
    /// The steps in focus.
    pub focus: Vec<String>,
    /// Why each step was proposed, when none were named (empty otherwise).
    pub proposed: Vec<Proposal>,
    /// The commit the workbook is at, and whether files differ from it.
    pub revision: Option<(String, bool)>,
}

/// What was asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct Asked<'a> {
    /// The day, as typed (today when None).
    pub date: Option<&'a str>,
    /// The steps in focus (proposed when empty).
    pub focus: Vec<String>,
    /// The populations (all when empty).
    pub populations: Vec<String>,
    /// What it is about.
    pub title: Option<String>,
}

impl NewSession {
    /// The record asked for, checked against the workbook: a real date,
    /// populations and steps that exist; the steps proposed and the commit
    /// filled in. The error is what is wrong and what to do.
    pub fn from_asked(
        workbook: &Workbook<'_>,
        asked: Asked<'_>,
    ) -> Result<NewSession, (String, String)> {
        let date = match asked.date {
            Some(text) => spec::parse_date(text).ok_or_else(|| {
                (
                    format!("--date {text}: not a date"),
                    "write the date as YYYY-MM-DD, for example --date 2026-12-03".to_string(),
                )
            })?,
            None => date::today(),
        };
        if let Some(unknown) =
            workbook.unknown_population(asked.populations.iter().map(String::as_str))
        {
            return Err(unknown);
        }
        let steps: Vec<&str> = workbook
            .guide
            .all_sections()
            .map(|s| s.id.as_str())
            .collect();
        if let Some(step) = asked.focus.iter().find(|f| !steps.contains(&f.as_str())) {
            let hint = match spec::suggest(step, steps.iter().copied()) {
                Some(better) => format!(
                    "did you mean `{better}`? The steps are: {}",
                    steps.join(", ")
                ),
                None => format!("the steps are: {}", steps.join(", ")),
            };
            return Err((format!("the guide has no step `{step}`"), hint));
        }
        let proposed = match asked.focus.is_empty() {
            true => propose_focus(workbook, &asked.populations, date),
            false => Vec::new(),
        };
        let focus = match asked.focus.is_empty() {
            true => proposed.iter().map(|p| p.step.clone()).collect(),
            false => asked.focus,
        };
        Ok(NewSession {
            date,
            title: asked.title,
            populations: match asked.populations.is_empty() {
                true => workbook.slugs.clone(),
                false => asked.populations,
            },
            focus,
            proposed,
            revision: crate::git::revision(&workbook.root).map(|r| (r.commit, r.dirty)),
        })
    }
}

/// How many steps a session takes on when none are named.
pub const PROPOSED_STEPS: usize = 2;

/// A step proposed for a session, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The step's id.
    pub step: String,
    /// Why it matters now, in words (it may quote workbook text: escape it
    /// before a terminal).
    pub why: String,
}

/// The steps a session should take on, what matters first: a deferral or
/// an action that is overdue, then a step with problems, then open
/// questions in the guide's order; at most [`PROPOSED_STEPS`], each with
/// why. Counted against the workbook's own form, for `populations` (all
/// when empty), as of `today`.
pub fn propose_focus(
    workbook: &Workbook<'_>,
    populations: &[String],
    today: Date,
) -> Vec<Proposal> {
    let guide = &workbook.guide;
    let form = workbook.config.form;
    let in_form: Vec<&str> = guide.sections(form).iter().map(|s| s.id.as_str()).collect();
    let report = crate::check::check(
        workbook,
        &crate::check::Options {
            form,
            populations: populations.to_vec(),
            today,
        },
    );
    let mut out: Vec<Proposal> = Vec::new();
    let mut propose = |step: &str, why: String| {
        if out.len() < PROPOSED_STEPS
            && in_form.contains(&step)
            && !out.iter().any(|p| p.step == step)
        {
            out.push(Proposal {
                step: step.to_string(),
                why,
            });
        }
    };
    // Overdue deferrals, then overdue actions (the first step in focus of
    // the session that agreed them).
    for f in report.findings.iter().filter(|f| f.code == Code::CV011) {
        if let Some(step) = f
            .file
            .as_deref()
            .and_then(|file| step_of(guide, form, file))
        {
            propose(&step, f.message.clone());
        }
    }
    let (records, _) = workbook.sessions();
    for session in &records {
        let Some(step) = session
            .focus
            .iter()
            .find(|s| in_form.contains(&s.name.as_str()))
        else {
            continue;
        };
        for action in &session.actions {
            match action.due {
                Some(due) if !action.done && due < today => propose(
                    &step.name,
                    format!(
                        "the action \"{}\" from session {} was due on {}",
                        action.what,
                        session.name,
                        date::format(due)
                    ),
                ),
                _ => {}
            }
        }
    }
    // Steps with problems, in the order check reports them (the guide's).
    for f in report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Problem && f.severity != Severity::Info)
    {
        if let Some(step) = f
            .file
            .as_deref()
            .and_then(|file| step_of(guide, form, file))
        {
            propose(&step, format!("{}: {}", f.code, f.message));
        }
    }
    // Then open questions, in the guide's order.
    // (check counted them: the populations are not read again)
    let summaries = &report.summary;
    for section in guide.sections(form) {
        let mut open: Vec<&str> = Vec::new();
        for step in summaries.iter().flat_map(|s| &s.steps) {
            if step.id == section.id {
                for q in &step.open {
                    if !open.contains(&q.as_str()) {
                        open.push(q);
                    }
                }
            }
        }
        if !open.is_empty() {
            propose(
                &section.id,
                format!(
                    "{} question{} open: {}",
                    open.len(),
                    if open.len() == 1 { "" } else { "s" },
                    open.join(", ")
                ),
            );
        }
    }
    out
}

/// The step of the form a finding's file belongs to: an answer file by its
/// name, and the records by the step whose question they answer.
fn step_of(guide: &Guide, form: Form, file: &str) -> Option<String> {
    let parts: Vec<&str> = file.split('/').collect();
    let kind = match parts.as_slice() {
        [layout::POPULATIONS_DIR, _, "answers", name] => {
            let id = name.strip_suffix(".md")?;
            return guide
                .sections(form)
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.id.clone());
        }
        [layout::POPULATIONS_DIR, _, "process-map.toml"] => QuestionKind::ProcessMap,
        [layout::POPULATIONS_DIR, _, "value-compass.toml"] => QuestionKind::ValueCompass,
        [layout::POPULATIONS_DIR, _, "personas", _] => QuestionKind::Personas,
        _ => return None,
    };
    guide
        .sections(form)
        .iter()
        .find(|s| s.questions.iter().any(|q| q.answer_kind() == kind))
        .map(|s| s.id.clone())
}

/// The file name of a session: its date, then the first step in focus (or
/// `session`), as `sessions/2026-12-03-access.toml`.
pub fn file_name(session: &NewSession) -> String {
    let topic = session.focus.first().map_or("session", String::as_str);
    format!(
        "{}/{}-{topic}.toml",
        layout::SESSIONS_DIR,
        date::format(session.date)
    )
}

/// The text of a new session record.
pub fn record_text(guide: &Guide, session: &NewSession) -> String {
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|i| scaffold::toml_string(i)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut s = spec::schema_line("session.schema.json", 1);
    let words = scaffold::own_words(guide);
    s.push_str(&scaffold::comment_lines(words, "wb-session-about", &[]));
    s.push_str(&format!("date = {}\n", date::format(session.date)));
    if let Some(title) = &session.title {
        s.push_str(&format!("title = {}\n", scaffold::toml_string(title)));
    }
    s.push_str("facilitator = \"\"\nnote_taker = \"\"\n");
    s.push_str(&format!("populations = {}\n", list(&session.populations)));
    s.push_str(&format!("focus = {}\n", list(&session.focus)));
    match &session.revision {
        Some((commit, dirty)) => {
            if *dirty {
                s.push_str(&scaffold::comment_lines(words, "wb-session-dirty", &[]));
            }
            s.push_str(&format!("revision = {}\n", scaffold::toml_string(commit)));
        }
        None => s.push_str(&format!(
            "# revision: {}\n",
            words.text("wb-session-no-git", &[])
        )),
    }
    // Plain keys come before the first table: an attendee uncommented
    // below must not take `decisions` as one of its own keys.
    s.push('\n');
    s.push_str(&scaffold::comment_lines(words, "wb-session-decisions", &[]));
    s.push_str("decisions = []\n\n");
    s.push_str(&scaffold::comment_lines(
        words,
        "wb-session-attendees",
        &[("roles", guide.role_list().into())],
    ));
    s.push_str("# [[attendees]]\n# name = \"\"\n# role = \"patient-partner\"\n\n");
    s.push_str(&scaffold::comment_lines(words, "wb-session-actions", &[]));
    s.push_str("# [[actions]]\n# what = \"\"\n# owner = \"\"\n# due = YYYY-MM-DD\n");
    s
}

/// Writes a new session record, and the JSON Schemas its `#:schema` line
/// names where they are missing; never replaces a record (`LeftAlone` then).
pub fn create(root: &Path, guide: &Guide, session: &NewSession) -> io::Result<Created> {
    scaffold::write_schemas(root, guide)?;
    scaffold::create_inside(
        root,
        &root.join(file_name(session)),
        &record_text(guide, session),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_record_reads_back_as_a_session() {
        let session = NewSession {
            date: jiff::civil::date(2026, 12, 3),
            title: Some("Access \"and\" chain".into()),
            populations: vec!["ms".into()],
            focus: vec!["access".into(), "chain".into()],
            proposed: Vec::new(),
            revision: Some(("abc123".into(), true)),
        };
        assert_eq!(file_name(&session), "sessions/2026-12-03-access.toml");
        let text = record_text(
            &Guide::builtin().expect("the built-in guide loads"),
            &session,
        );
        let source = crate::source::Source::new("sessions/x.toml", text);
        let node = crate::node::parse_toml(&source).expect("the record parses");
        let mut findings = Vec::new();
        spec::validate(
            &node,
            &spec::SESSION,
            &spec::BaseVocab,
            &source,
            &spec::KeyPath::Root,
            &mut findings,
        );
        assert!(findings.is_empty(), "{findings:?}");
        let read = crate::workbook::Session::from_node(&node, &source, "x");
        assert_eq!(read.title.as_deref(), Some("Access \"and\" chain"));
        assert_eq!(read.focus.len(), 2);
        assert_eq!(read.revision.as_deref(), Some("abc123"));
        assert_eq!(read.date, Some(session.date));
    }
}
