//! The process map: 10 to 15 steps (the guide's guidance, a warning), unique
//! ids, active coproduction and improvement opportunities, and personas that
//! exist.

use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::workbook::Population;

/// Checks the process map of a population.
pub fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let Some(map) = &population.process_map else {
        return;
    };
    let limits = guide.process_steps;
    let n = map.steps.len();
    // An empty map is an open question (CV010), not a wrong count. The
    // count is guidance ("Use 10–15 steps"): a warning that quotes it.
    if n > 0 && (n < limits.min || n > limits.max) {
        let advice = if n < limits.min {
            "add the missing steps: think of how the person first notices a need, reaches care, and lives with it between contacts"
        } else {
            "merge steps into a bird's-eye view; detail belongs in the answers"
        };
        let at = map.steps.first().map_or(map.loc.clone(), |s| s.loc.clone());
        out.push(
            at.finding(Finding::warning(
                Code::CV012,
                format!(
                    "the process map has {n} step{}; {}",
                    if n == 1 { "" } else { "s" },
                    step_guidance(guide)
                ),
            ))
            .help(advice),
        );
    }
    // A set, so that a map of any length is checked in time that grows with it.
    let mut seen: std::collections::HashSet<&str> =
        std::collections::HashSet::with_capacity(map.steps.len());
    for step in &map.steps {
        if !step.id.is_empty() && !seen.insert(step.id.as_str()) {
            out.push(
                step.loc
                    .finding(Finding::error(
                        Code::CV013,
                        format!("the step id `{}` is used twice", step.id),
                    ))
                    .help("give each step its own id; ids are how versions are compared"),
            );
        }
        for r in &step.personas {
            if population.persona(&r.slug).is_none() {
                let help = match crate::spec::suggest(
                    &r.slug,
                    population.personas.iter().map(|p| p.slug.as_str()),
                ) {
                    Some(better) => format!("did you mean `{better}`?"),
                    None => persona_list(population),
                };
                out.push(
                    r.loc
                        .finding(Finding::error(
                            Code::CV016,
                            format!(
                                "step `{}` names the persona `{}`, which does not exist",
                                step.id, r.slug
                            ),
                        ))
                        .help(help),
                );
            }
        }
    }
    if n > 0 && !map.steps.iter().any(|s| guide.is_active(&s.coproduction)) {
        out.push(
            map.loc
                .finding(Finding::warning(Code::CV014, "no step of the process map has active coproduction"))
                .help("mark where people already work with professionals: civil discourse, shared planning or shared execution"),
        );
    }
    if n > 0 && !map.steps.iter().any(|s| s.opportunity.is_some()) {
        out.push(
            map.loc
                .finding(Finding::warning(
                    Code::CV015,
                    "no step of the process map notes an improvement opportunity",
                ))
                .help("add `opportunity = \"…\"` to the steps where coproduction could grow"),
        );
    }
}

/// The personas of a population, for a help line.
pub fn persona_list(population: &Population) -> String {
    if population.personas.is_empty() {
        "this population has no persona yet".to_string()
    } else {
        format!(
            "the personas are: {}",
            population
                .personas
                .iter()
                .map(|p| p.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// The guide's guidance on the number of steps, in its source's words when
/// the guide quotes them: `the published guide says "Use 10–15 steps to
/// describe the process"`.
fn step_guidance(guide: &Guide) -> String {
    let limits = guide.process_steps;
    let published = guide.limit_is_published("process_steps");
    match (guide.limit_quote("process_steps"), published) {
        (Some(quote), Some(true)) => format!("the published guide says \"{quote}\""),
        (Some(quote), _) => format!("the guide says \"{quote}\""),
        (None, Some(true)) => format!(
            "the published guide suggests {} to {}",
            limits.min, limits.max
        ),
        (None, Some(false)) => format!(
            "this guide's convention is {} to {}",
            limits.min, limits.max
        ),
        (None, None) => format!("the guide suggests {} to {}", limits.min, limits.max),
    }
}
