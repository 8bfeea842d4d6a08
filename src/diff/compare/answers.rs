//! What changed in the answers: for each question of either guide, its
//! status and its text word by word, and the walk-through entries matched by
//! persona. Answers whose file, or whose record, cannot be read are left out.

use super::{Broken, Matched, Reading, match_by_id, union};
use crate::diff::model::{Change, StatusChange, Walkthrough};
use crate::diff::words;
use crate::guide::{Guide, QuestionKind, Section};
use crate::workbook::answers::WalkEntry;
use crate::workbook::layout::{COMPASS_FILE, PERSONAS_DIR, PROCESS_MAP_FILE};

/// The text of an answer that counts as an answer: none while it is open,
/// deferred or not applicable (the status says why).
fn answer_text<'a>(status: Option<&crate::workbook::Status>, body: Option<&'a str>) -> &'a str {
    match status {
        Some(crate::workbook::Status::Answered) => body.unwrap_or(""),
        _ => "",
    }
}

pub(super) fn answers(
    old: Reading<'_>,
    new: Reading<'_>,
    broken: &Broken,
    passed_over: &dyn Fn(&str) -> bool,
    out: &mut Vec<Change>,
) {
    let (o, n) = (old.population, new.population);
    let mut walkthroughs = Vec::new();
    let section_ids = union(
        new.guide.all_sections().map(|s| s.id.as_str()),
        old.guide.all_sections().map(|s| s.id.as_str()),
    );
    for id in section_ids {
        if passed_over(id) {
            continue;
        }
        let (old_sec, new_sec) = (old.guide.section(id), new.guide.section(id));
        let Some(heading) = new_sec.or(old_sec).map(Section::heading) else {
            continue;
        };
        if broken.contains(&format!("{}/answers/{id}.md", n.dir)) {
            continue;
        }
        let question_ids = union(
            new_sec
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str())),
            old_sec
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str())),
        );
        for qid in question_ids {
            let (old_q, new_q) = (question_of(old_sec, qid), question_of(new_sec, qid));
            let Some((_, question)) = new_q.or(old_q) else {
                continue;
            };
            // A question answered by a record whose file cannot be read is
            // not compared: its status would only say the file broke.
            let record = match question.kind {
                QuestionKind::Personas => Some(format!("{}/{PERSONAS_DIR}", n.dir)),
                QuestionKind::ProcessMap => Some(format!("{}/{PROCESS_MAP_FILE}", n.dir)),
                QuestionKind::ValueCompass => Some(format!("{}/{COMPASS_FILE}", n.dir)),
                QuestionKind::Text | QuestionKind::Walkthrough => None,
            };
            if record.is_some_and(|r| broken.contains_or_holds(&r)) {
                continue;
            }
            let old_status = old_q.map(|(s, q)| o.status(s, q));
            let new_status = new_q.map(|(s, q)| n.status(s, q));
            let (old_answer, new_answer) = (o.answer(id, qid), n.answer(id, qid));
            if question.kind == QuestionKind::Walkthrough {
                let configuration = question.configuration.as_deref().unwrap_or(id);
                let of = Walkthrough {
                    step: id.to_string(),
                    configuration: configuration.to_string(),
                    configuration_title: Guide::term_title(
                        &new.guide.configurations,
                        configuration,
                    )
                    .to_string(),
                    persona: String::new(),
                    name: String::new(),
                };
                walkthrough(
                    &of,
                    old_answer.map_or(&[][..], |a| &a.walkthrough),
                    new_answer.map_or(&[][..], |a| &a.walkthrough),
                    &mut walkthroughs,
                );
            }
            let text = if new_status == Some(crate::workbook::Status::Answered) {
                words::diff(
                    answer_text(old_status.as_ref(), old_answer.map(|a| a.body.as_str())),
                    answer_text(new_status.as_ref(), new_answer.map(|a| a.body.as_str())),
                )
            } else {
                None
            };
            let status = (old_status != new_status).then_some(StatusChange {
                before: old_status,
                after: new_status,
            });
            if status.is_some() || text.is_some() {
                out.push(Change::AnswerChanged {
                    step: id.to_string(),
                    step_title: heading.clone(),
                    question: qid.to_string(),
                    question_text: question.text.clone(),
                    status,
                    text,
                });
            }
        }
    }
    out.extend(walkthroughs);
}

fn question_of<'a>(
    section: Option<&'a Section>,
    id: &str,
) -> Option<(&'a Section, &'a crate::guide::Question)> {
    section.and_then(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
}

/// The walk-through entries of one configuration, matched by persona.
fn walkthrough(of: &Walkthrough, old: &[WalkEntry], new: &[WalkEntry], out: &mut Vec<Change>) {
    // An entry with nothing under its heading is no walk-through yet.
    let written = |entries: &[WalkEntry]| -> Vec<WalkEntry> {
        entries
            .iter()
            .filter(|e| !e.body.trim().is_empty())
            .cloned()
            .collect()
    };
    let (old, new) = (written(old), written(new));
    let entry = |e: &WalkEntry| Walkthrough {
        persona: e.persona.clone(),
        name: match e.heading.trim() {
            "" => e.persona.clone(),
            heading => heading.to_string(),
        },
        ..of.clone()
    };
    for matched in match_by_id(&old, &new, |e| &e.persona) {
        match matched {
            Matched::Added(_, after) => out.push(Change::WalkthroughAdded {
                entry: entry(after),
                text: words::added(&after.body),
            }),
            Matched::Removed(_, before) => out.push(Change::WalkthroughRemoved {
                entry: entry(before),
            }),
            Matched::Both((_, before), (_, after)) => {
                if let Some(text) = words::diff(&before.body, &after.body) {
                    out.push(Change::WalkthroughChanged {
                        entry: entry(after),
                        text,
                    });
                }
            }
        }
    }
}
