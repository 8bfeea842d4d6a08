//! Value configurations: each walk-through names only personas that exist,
//! and each persona is walked through every configuration.

use crate::check::process_map::persona_list;
use crate::finding::{Code, Finding};
use crate::guide::{Guide, QuestionKind};
use crate::workbook::{Population, Status};

/// Checks the walk-throughs of a population.
pub fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    for section in &guide.steps {
        for question in section
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Walkthrough)
        {
            let Some(answer) = population.answer(&section.id, &question.id) else {
                continue;
            };
            if matches!(answer.status, Status::NotApplicable { .. }) {
                continue;
            }
            for entry in &answer.walkthrough {
                if population.persona(&entry.persona).is_none() {
                    let help = match crate::spec::suggest(
                        &entry.persona,
                        population.personas.iter().map(|p| p.slug.as_str()),
                    ) {
                        Some(better) => format!("did you mean `{{#{better}}}`?"),
                        None => persona_list(population),
                    };
                    out.push(
                        entry
                            .loc
                            .finding(Finding::error(
                                Code::CV027,
                                format!(
                                    "the walk-through names the persona `{}`, which does not exist",
                                    entry.persona
                                ),
                            ))
                            .help(help),
                    );
                }
            }
            if answer.status != Status::Answered {
                continue;
            }
            let configuration = question.configuration.as_deref().unwrap_or("");
            let title = Guide::term_title(&guide.configurations, configuration).to_lowercase();
            let missing: Vec<&str> = population
                .personas
                .iter()
                .filter(|p| {
                    !answer
                        .walkthrough
                        .iter()
                        .any(|w| w.persona == p.slug && !w.body.trim().is_empty())
                })
                .map(|p| p.slug.as_str())
                .collect();
            if !missing.is_empty() {
                out.push(
                    answer
                        .loc
                        .finding(Finding::warning(
                            Code::CV023,
                            format!("not every persona is walked through the {title}: {} missing", missing.join(", ")),
                        ))
                        .help(format!("add a sub-heading `### Name {{#slug}}` for each, saying how that person meets the {title}")),
                );
            }
        }
    }
}
