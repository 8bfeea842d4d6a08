//! The value compass: measures in every quadrant, within the guide's limits,
//! each with an operational definition and a unique id. Where the guide
//! makes the compass optional (the published Step 2 says it "sometimes"
//! helps), a population without one gets a suggestion, not a problem.

use crate::finding::{Code, Finding};
use crate::guide::{Form, Guide, QuestionKind};
use crate::workbook::Population;

/// Checks the value compass of a population.
pub fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let empty = population
        .compass
        .as_ref()
        .is_none_or(|c| c.measures.is_empty());
    // A compass that cannot be read has its own error, not this suggestion.
    let unreadable = population.cannot_read(crate::workbook::layout::COMPASS_FILE);
    if empty && !unreadable && compass_is_optional(guide) {
        out.push(
            Finding::info(
                Code::CV029,
                format!(
                    "{} has no value compass yet; the guide says a value compass can sometimes help",
                    population.dir
                ),
            )
            .in_file(format!(
                "{}/{}",
                population.dir,
                crate::workbook::layout::COMPASS_FILE
            ))
            .help("nothing is required: answer `population-value` in words; if the team wants a compass, add measures to value-compass.toml"),
        );
    }
    let Some(compass) = &population.compass else {
        return;
    };
    kinds(guide, compass, out);
    // The compass's limits count its outcome measures; process and
    // balancing measures are tracked beside it.
    let n = compass.measures.iter().filter(|m| m.is_outcome()).count();
    let limits = guide.compass_measures;
    if n > 0 && (n < limits.min || n > limits.max) {
        out.push(
            compass
                .loc
                .finding(Finding::warning(
                    Code::CV025,
                    format!(
                        "the value compass has {n} measure(s); {} {} to {}",
                        guide.limit_basis("compass_measures"),
                        limits.min,
                        limits.max
                    ),
                ))
                .help(if n < limits.min {
                    "add measures until each quadrant has at least one"
                } else {
                    "keep the measures the team will really follow"
                }),
        );
    }
    let per_quadrant = guide.compass_per_quadrant.min;
    if n > 0 && per_quadrant > 0 {
        for quadrant in &guide.quadrants {
            let count = compass
                .measures
                .iter()
                .filter(|m| m.is_outcome() && m.quadrant == quadrant.id)
                .count();
            if count < per_quadrant {
                let what = if count == 0 {
                    "no measure".to_string()
                } else {
                    format!("only {count} measure(s)")
                };
                out.push(
                    compass
                        .loc
                        .finding(Finding::warning(
                            Code::CV024,
                            format!(
                                "the value compass has {what} of {}; {} at least {per_quadrant} per quadrant",
                                quadrant.title.to_lowercase(),
                                guide.limit_basis("compass_per_quadrant")
                            ),
                        ))
                        .help(format!(
                            "add a [[measure]] with quadrant = \"{}\"",
                            quadrant.id
                        )),
                );
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for m in &compass.measures {
        if !m.id.is_empty() && seen.contains(&m.id.as_str()) {
            out.push(
                m.loc
                    .finding(Finding::error(
                        Code::CV013,
                        format!("the measure id `{}` is used twice", m.id),
                    ))
                    .help("give each measure its own id"),
            );
        }
        seen.push(&m.id);
        if m.definition.is_none() {
            out.push(
                m.loc
                    .finding(Finding::error(Code::CV026, format!("the measure `{}` has no operational definition", m.id)))
                    .help("add `definition = \"…\"`: who is counted, how it is measured, and over what period"),
            );
        }
    }
}

/// Whether the guide's full form has a value-compass question whose compass
/// is optional, so that the question is answered in words.
fn compass_is_optional(guide: &Guide) -> bool {
    guide.sections(Form::Full).iter().any(|s| {
        s.questions
            .iter()
            .any(|q| q.kind == QuestionKind::ValueCompass && q.record_optional)
    })
}

/// CV053: an outcome measure needs its quadrant (an error: it cannot be
/// placed on the compass); a process or balancing measure takes none (a
/// warning: the quadrant is not used).
fn kinds(guide: &Guide, compass: &crate::workbook::Compass, out: &mut Vec<Finding>) {
    for m in &compass.measures {
        let has_quadrant = !m.quadrant.trim().is_empty();
        if m.is_outcome() && !has_quadrant {
            let ids: Vec<&str> = guide.quadrants.iter().map(|q| q.id.as_str()).collect();
            out.push(
                m.loc
                    .finding(Finding::error(
                        Code::CV053,
                        format!(
                            "the outcome measure \"{}\" (`{}`) has no quadrant, so it cannot be placed on the value compass",
                            m.name, m.id
                        ),
                    ))
                    .help(format!(
                        "add `quadrant = \"…\"` (one of {}), or, if it tracks how the work is done or what could get worse, write `kind = \"process\"` or `kind = \"balancing\"`",
                        ids.join(", ")
                    )),
            );
        } else if !m.is_outcome() && has_quadrant {
            out.push(
                m.loc
                    .finding(Finding::warning(
                        Code::CV053,
                        format!(
                            "the {} measure \"{}\" (`{}`) has a quadrant, `{}`; only outcome measures sit on the value compass, so it is shown with the {} measures",
                            m.kind, m.name, m.id, m.quadrant, m.kind
                        ),
                    ))
                    .help("remove the `quadrant` line, or, if it measures a result that matters to the people served, write `kind = \"outcome\"` (or leave `kind` out)"),
            );
        }
    }
}
