//! The value compass: measures in every quadrant, within the guide's limits,
//! each with an operational definition and a unique id.

use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::workbook::Population;

/// Checks the value compass of a population.
pub fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let Some(compass) = &population.compass else {
        return;
    };
    let n = compass.measures.len();
    let limits = guide.compass_measures;
    if n > 0 && (n < limits.min || n > limits.max) {
        out.push(
            compass
                .loc
                .finding(Finding::warning(
                    Code::CV025,
                    format!(
                        "the value compass has {n} measure(s); the guide suggests {} to {}",
                        limits.min, limits.max
                    ),
                ))
                .help(if n < limits.min {
                    "add measures until each quadrant has at least one"
                } else {
                    "keep the measures the team will really follow"
                }),
        );
    }
    if n > 0 {
        for quadrant in &guide.quadrants {
            if !compass.measures.iter().any(|m| m.quadrant == quadrant.id) {
                out.push(
                    compass
                        .loc
                        .finding(Finding::warning(
                            Code::CV024,
                            format!(
                                "the value compass has no measure of {}",
                                quadrant.title.to_lowercase()
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
