//! Session records: the steps and populations they name exist, actions past
//! due are reported as progress, and a session is warned about when no
//! patient or family partner was there (unless the guide switches it off).
//! A community's own session records (in a network folder) are checked
//! with the same rule for actions, and for the sites they name (CV057),
//! their dates (CV058) and whether the sites present and the people and
//! presentations agree (CV059).

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
        overdue_actions(session, today, out);
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

/// Reports the actions of a session past their `due` date and not done
/// (CV033, progress).
fn overdue_actions(session: &Session, today: Date, out: &mut Vec<Finding>) {
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
                .help(
                    "when it is done, add done = true; or agree a new due date at the next session",
                ),
        );
    }
}

/// Checks a network's community session records against the sites of
/// `network.toml` (`sites`), as of `today`.
pub fn check_community(sites: &[&str], sessions: &[Session], today: Date, out: &mut Vec<Finding>) {
    for session in sessions {
        let named = session
            .sites
            .iter()
            .chain(session.attendees.iter().filter_map(|a| a.site.as_ref()))
            .chain(session.presented.iter().filter_map(|p| p.site.as_ref()));
        for site in named {
            if sites.contains(&site.name.as_str()) {
                continue;
            }
            let finding = site.loc.finding(Finding::error(
                Code::CV057,
                format!(
                    "session {} names the site `{}`, which network.toml does not list",
                    session.name, site.name
                ),
            ));
            let hint = match sites.is_empty() {
                true => {
                    "the network has no sites yet: add one with `covalue network add`".to_string()
                }
                false => format!("the sites are: {}", sites.join(", ")),
            };
            out.push(match spec::suggest(&site.name, sites.iter().copied()) {
                Some(better) => finding.help(format!("did you mean `{better}`? {hint}")),
                None => finding.help(hint),
            });
        }
        dates(session, out);
        present(session, out);
        overdue_actions(session, today, out);
    }
}

/// CV058: the file name's date and `date` differ, or an action falls due
/// before the session that agreed it.
fn dates(session: &Session, out: &mut Vec<Finding>) {
    let Some(day) = session.date else { return };
    let named = session.name.get(..10).and_then(crate::date::parse_date);
    if let Some(named) = named.filter(|n| *n != day) {
        out.push(
            session
                .date_loc
                .finding(Finding::warning(
                    Code::CV058,
                    format!(
                        "session {} is dated {} inside, but its file name says {}",
                        session.name,
                        date::format(day),
                        date::format(named)
                    ),
                ))
                .help("correct `date`, or rename the file so that both say the day of the session"),
        );
    }
    for action in &session.actions {
        match action.due {
            Some(due) if due < day => out.push(
                action
                    .loc
                    .finding(Finding::warning(
                        Code::CV058,
                        format!(
                            "the action \"{}\" is due on {}, before session {} that agreed it ({})",
                            action.what,
                            date::format(due),
                            session.name,
                            date::format(day)
                        ),
                    ))
                    .help("check the year and month of `due`"),
            ),
            _ => {}
        }
    }
}

/// CV059: a site whose people came, or that presented, is not among the
/// sites present (when the session lists them).
fn present(session: &Session, out: &mut Vec<Finding>) {
    if session.sites.is_empty() {
        return;
    }
    let listed = |name: &str| session.sites.iter().any(|s| s.name == name);
    let mut told: Vec<&str> = Vec::new();
    let people = session
        .attendees
        .iter()
        .filter_map(|a| Some((a.site.as_ref()?, "someone from")));
    let talks = session
        .presented
        .iter()
        .filter_map(|p| Some((p.site.as_ref()?, "a presentation by")));
    for (site, what) in people.chain(talks) {
        if listed(&site.name) || told.contains(&site.name.as_str()) {
            continue;
        }
        told.push(&site.name);
        out.push(
            site.loc
                .finding(Finding::warning(
                    Code::CV059,
                    format!(
                        "session {} records {what} `{}`, but `sites` does not list it as present",
                        session.name, site.name
                    ),
                ))
                .help(format!(
                    "add \"{}\" to `sites`, or correct the site's name here",
                    site.name
                )),
        );
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
