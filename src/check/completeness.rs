//! Every question of the form is answered, not applicable or deferred with a
//! reason; deferrals whose date has passed are flagged.

use crate::check::Options;
use crate::date::parse_date;
use crate::finding::{Code, Finding};
use crate::guide::{Guide, QuestionKind};
use crate::workbook::{Population, Status};

/// Reports open questions and overdue deferrals.
pub fn check(guide: &Guide, population: &Population, options: &Options, out: &mut Vec<Finding>) {
    for (step, section) in guide.sections(options.form).into_iter().enumerate() {
        let step = step + 1;
        let file = format!("{}/{}", population.dir, section.answer_file());
        let file_present = population.answer_file(&section.id).is_some();
        // A file that is there but cannot be read is reported as such (CV001), not as "not started".
        let unreadable = !file_present
            && population
                .findings
                .iter()
                .any(|f| f.file.as_deref() == Some(file.as_str()));
        let mut missing_headings = Vec::new();
        let mut first_missing = None;
        for (index, question) in section.questions.iter().enumerate() {
            let written = population.answer(&section.id, &question.id);
            match population.status(section, question) {
                Status::Answered | Status::NotApplicable { .. } => {}
                Status::Open => {
                    if written.is_none() && !question.answer_kind().is_record() {
                        // A heading that lost its `{#id}`: point at it.
                        if let Some(lost) = population
                            .answer_file(&section.id)
                            .and_then(|f| f.lost_id(&question.id))
                        {
                            out.push(lost.finding());
                            continue;
                        }
                        missing_headings.push(question.id.as_str());
                        first_missing.get_or_insert(index);
                        continue;
                    }
                    let what = match question.answer_kind() {
                        QuestionKind::Personas if !population.personas.is_empty() => format!(
                            "question `{}` is open: the personas hold only their starting prompt ({})",
                            question.id,
                            population
                                .personas
                                .iter()
                                .map(|p| p.slug.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        QuestionKind::Personas => format!(
                            "question `{}` is open: {} has no persona yet",
                            question.id, population.dir
                        ),
                        QuestionKind::ProcessMap | QuestionKind::ValueCompass
                            if population.cannot_read(record_name(question.answer_kind())) =>
                        {
                            format!(
                                "question `{}` is open: {}/{} cannot be read",
                                question.id,
                                population.dir,
                                record_name(question.answer_kind())
                            )
                        }
                        QuestionKind::ProcessMap if population.process_map.is_some() => format!(
                            "question `{}` is open: the process map has no step yet",
                            question.id
                        ),
                        QuestionKind::ProcessMap => format!(
                            "question `{}` is open: there is no process map yet",
                            question.id
                        ),
                        QuestionKind::ValueCompass => format!(
                            "question `{}` is open: the value compass has no measure yet",
                            question.id
                        ),
                        _ => format!("question `{}` is not answered yet", question.id),
                    };
                    let help = match question.answer_kind() {
                        kind @ (QuestionKind::ProcessMap | QuestionKind::ValueCompass)
                            if population.cannot_read(record_name(kind)) =>
                        {
                            format!("fix {}/{} first: its error is reported with it", population.dir, record_name(kind))
                        }
                        QuestionKind::Personas if !population.personas.is_empty() => format!("write each persona's story under its front matter, in {}/personas/", population.dir),
                        QuestionKind::Personas => "add a persona with `covalue new persona`".to_string(),
                        QuestionKind::ProcessMap => format!("describe the service in {}/process-map.toml", population.dir),
                        QuestionKind::ValueCompass => format!("add measures to {}/value-compass.toml", population.dir),
                        _ => "write the answer under the heading, or start it with `Not applicable:` or `Deferred:` and a reason".to_string(),
                    };
                    let finding = Finding::error(Code::CV010, what).help(help);
                    let mut finding = match written {
                        Some(a) => a.loc.finding(finding),
                        None => finding.in_file(&population.dir),
                    };
                    finding.place = (step, index);
                    out.push(finding);
                }
                Status::Deferred {
                    until: Some(until), ..
                } => {
                    if parse_date(&until).is_some_and(|d| d < options.today) {
                        let finding = Finding::warning(Code::CV011, format!("question `{}` was deferred until {until}, which has passed", question.id))
                            .help("answer it, or defer it again with a new `Until:` date agreed with its owner");
                        let mut finding = match written {
                            Some(a) => a.loc.finding(finding),
                            None => finding.in_file(&file),
                        };
                        finding.place = (step, index);
                        out.push(finding);
                    }
                }
                Status::Deferred { .. } => {}
            }
        }
        if unreadable {
            continue;
        }
        let place = (step, first_missing.unwrap_or(0));
        if !file_present && !missing_headings.is_empty() {
            out.push(
                Finding::error(
                    Code::CV010,
                    format!("{} is not started: {} question(s) open ({})", section.heading(), missing_headings.len(), missing_headings.join(", ")),
                )
                .in_file(&file)
                .help(format!("create {file} with a heading per question; `covalue new population {}` writes the missing files", population.slug))
                .placed(place),
            );
        } else if !missing_headings.is_empty() {
            out.push(
                Finding::error(
                    Code::CV010,
                    format!(
                        "{} question(s) of {} have no heading in this file: {}",
                        missing_headings.len(),
                        section.heading(),
                        missing_headings.join(", ")
                    ),
                )
                .in_file(&file)
                .help("add a heading ending in `{#question-id}` for each, then the answer under it")
                .placed(place),
            );
        }
    }
}

/// The name of the record file that answers a question of this kind.
fn record_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::ValueCompass => crate::workbook::layout::COMPASS_FILE,
        _ => crate::workbook::layout::PROCESS_MAP_FILE,
    }
}
