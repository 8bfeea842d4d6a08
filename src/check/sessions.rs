//! Session records: the steps and populations they name exist, actions past
//! due are reported as progress, and a session is warned about when no
//! patient or family partner was there (unless the guide switches it off).

use crate::date::{self, Date};
use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::spec;
use crate::workbook::Session;

/// Checks the session records of a workbook with the populations `slugs`.
pub fn check(
    guide: &Guide,
    slugs: &[String],
    sessions: &[Session],
    today: Date,
    out: &mut Vec<Finding>,
) {
    let steps: Vec<&str> = guide.all_sections().map(|s| s.id.as_str()).collect();
    for session in sessions {
        for step in &session.focus {
            if !steps.contains(&step.name.as_str()) {
                out.push(unknown(
                    &step.loc,
                    "step",
                    &step.name,
                    &steps,
                    "`covalue guide` lists the steps",
                ));
            }
        }
        let pops: Vec<&str> = slugs.iter().map(String::as_str).collect();
        for population in &session.populations {
            if !pops.contains(&population.name.as_str()) {
                out.push(unknown(
                    &population.loc,
                    "population",
                    &population.name,
                    &pops,
                    "The populations are the folders under populations/",
                ));
            }
        }
        for action in &session.actions {
            let Some(due) = action.due else { continue };
            if action.done || due >= today {
                continue;
            }
            let who = action
                .owner
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default();
            out.push(
                action
                    .loc
                    .finding(Finding::warning(
                        Code::CV033,
                        format!(
                            "the action \"{}\"{who} from session {} was due on {}",
                            action.what,
                            session.name,
                            date::format(due)
                        ),
                    ))
                    .help("when it is done, add done = true; or agree a new due date at the next session"),
            );
        }
        if guide.require_partner && !session.attendees.is_empty() && !session.has_partner(guide) {
            out.push(
                session
                    .attendees_loc
                    .finding(Finding::warning(
                        Code::CV034,
                        format!("no patient or family partner at session {}", session.name),
                    ))
                    .help(format!(
                        "record the partner who came with role = {}; roles are {}",
                        guide.partner_roles(),
                        guide.role_list()
                    )),
            );
        }
    }
}

/// A step or population the guide or workbook does not have.
fn unknown(
    loc: &crate::workbook::Loc,
    what: &str,
    name: &str,
    known: &[&str],
    hint: &str,
) -> Finding {
    let finding = loc.finding(Finding::error(
        Code::CV032,
        format!("the session names the {what} `{name}`, which does not exist"),
    ));
    match spec::suggest(name, known.iter().copied()) {
        Some(better) => finding.help(format!("did you mean `{better}`? {hint}")),
        None => finding.help(hint.to_string()),
    }
}
