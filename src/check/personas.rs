//! The people of a population's workbook: the persona kinds the guide
//! requires or suggests, `composite: true`, and a team roster with a patient
//! or family partner (the guide is for coproducing teams).

use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::workbook::Population;

/// Checks the personas of a population.
pub fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let dir = format!("{}/personas", population.dir);
    for kind in &guide.persona_kinds {
        let has = population.personas.iter().any(|p| p.kind == kind.id);
        if has {
            continue;
        }
        if kind.required {
            out.push(
                Finding::error(
                    Code::CV020,
                    format!(
                        "{} has no persona of kind `{}` ({})",
                        population.dir,
                        kind.id,
                        kind.title.to_lowercase()
                    ),
                )
                .in_file(&dir)
                .help(format!(
                    "add one: covalue new persona {} SLUG --name NAME --kind {}",
                    population.slug, kind.id
                )),
            );
        } else if kind.suggested {
            out.push(
                Finding::info(
                    Code::CV021,
                    format!(
                        "{} has no persona of kind `{}`; the guide says one is often helpful",
                        population.dir, kind.id
                    ),
                )
                .in_file(&dir)
                .help(format!(
                    "consider adding one: covalue new persona {} SLUG --name NAME --kind {}",
                    population.slug, kind.id
                )),
            );
        }
    }
    team_partner(guide, population, out);
    for persona in &population.personas {
        match persona.composite {
            Some(true) => {}
            Some(false) => out.push(
                persona
                    .loc
                    .finding(Finding::error(Code::CV022, format!("the persona `{}` is marked `composite: false`", persona.slug)))
                    .help("personas must be composites of several people, never a real patient; rewrite it as a composite and set `composite: true`"),
            ),
            None => {} // reported as a missing required key when the file is read
        }
    }
}

/// Warns when the population's team roster names no patient or family
/// partner, unless the guide switches the warning off
/// (`[team] require_partner = false`). A population without a roster is
/// not warned about: the roster is optional.
fn team_partner(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let Some(info) = &population.info else {
        return;
    };
    if !guide.require_partner
        || info.team.is_empty()
        || info.team.iter().any(|m| guide.is_partner_role(&m.role))
    {
        return;
    }
    out.push(
        Finding::warning(
            Code::CV028,
            format!(
                "the team for {} has no patient or family partner",
                population.dir
            ),
        )
        .in_file(format!("{}/population.toml", population.dir))
        .help(format!(
            "the guide is for teams in which patients and family members work as partners: invite one and add a [[team]] entry with role = {}",
            guide.partner_roles()
        )),
    );
}
