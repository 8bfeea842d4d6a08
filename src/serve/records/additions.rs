//! What a form adds under a record: a measure's value, an improvement's
//! status, a population's figure or team member, a session's attendee or
//! action; and which of those listed items a page changes or removes.

use super::Kind;
use crate::serve::auth::field;
use crate::serve::edit::{self, EditError};
use crate::serve::splice;
use crate::serve::words::t;
use crate::workbook::layout;

/// A value the form gives that cannot be added, said in the page's language.
fn bad(id: &str, value: &str) -> EditError {
    EditError::BadValue(t(id, &[("value", value.into())]))
}

/// A figure (label and value) and a team member (role and name) to add
/// to `population.toml`, from the form.
pub(super) type Addition = (&'static str, Vec<splice::Line<'static>>);

pub(super) fn population_additions(form: &[(String, String)]) -> Result<Vec<Addition>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let mut out = Vec::new();
    let (label, value) = (get("figure_label"), get("figure_value"));
    match (label.is_empty(), value.is_empty()) {
        (true, true) => {}
        (false, false) => out.push((
            "figure",
            vec![
                ("label", edit::toml_string(&label)),
                ("value", edit::toml_string(&value)),
            ],
        )),
        _ => {
            return Err(bad("http-figure-needs-both", ""));
        }
    }
    let (role, name) = (get("team_role"), get("team_name"));
    if !role.is_empty() {
        if !layout::is_slug(&role) {
            return Err(bad("http-not-a-role", &role));
        }
        let mut lines = vec![("role", edit::toml_string(&role))];
        if !name.is_empty() {
            lines.push(("name", edit::toml_string(&name)));
        }
        out.push(("team", lines));
    } else if !name.is_empty() {
        return Err(bad("http-team-role", ""));
    }
    Ok(out)
}

/// An attendee (name and role) and an action (what, who, by when) to add
/// to a session record, from the form.
pub(super) fn session_additions(form: &[(String, String)]) -> Result<Vec<Addition>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let mut out = Vec::new();
    let (name, role) = (get("attendee_name"), get("attendee_role"));
    match (name.is_empty(), role.is_empty()) {
        (true, true) => {}
        (false, false) if layout::is_slug(&role) => out.push((
            "attendees",
            vec![
                ("name", edit::toml_string(&name)),
                ("role", edit::toml_string(&role)),
            ],
        )),
        _ => {
            return Err(bad("http-attendee-needs", ""));
        }
    }
    let (what, owner, due) = (get("action_what"), get("action_owner"), get("action_due"));
    if !what.is_empty() {
        let mut lines = vec![("what", edit::toml_string(&what))];
        if !owner.is_empty() {
            lines.push(("owner", edit::toml_string(&owner)));
        }
        if !due.is_empty() {
            if crate::spec::parse_date(&due).is_none() {
                return Err(bad("http-not-a-date", &due));
            }
            lines.push(("due", due));
        }
        out.push(("actions", lines));
    } else if !owner.is_empty() || !due.is_empty() {
        return Err(bad("http-action-what", ""));
    }
    Ok(out)
}

/// A new measure value (date, value, note) or improvement status (state,
/// date) from the form, checked; None when the form adds none.
pub(super) fn sub_record(
    kind: Kind,
    form: &[(String, String)],
) -> Result<Option<Vec<splice::Line<'static>>>, EditError> {
    let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
    let date = get("date");
    let check_date = || match crate::spec::parse_date(&date) {
        Some(_) => Ok(()),
        None => Err(bad("http-not-a-date", &date)),
    };
    match kind {
        Kind::Measure => {
            let value = get("value");
            if value.is_empty() {
                return Ok(None);
            }
            check_date()?;
            if value.parse::<f64>().map_or(true, |n| !n.is_finite())
                || value.starts_with(['+', '.'])
                || value.ends_with('.')
            {
                return Err(bad("http-value-not-number", &value));
            }
            let mut lines = vec![("date", date.clone()), ("value", value)];
            let note = get("note");
            if !note.is_empty() {
                lines.push(("note", edit::toml_string(&note)));
            }
            Ok(Some(lines))
        }
        Kind::Improvement => {
            let state = get("state");
            if state.is_empty() {
                return Ok(None);
            }
            if !state.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                return Err(bad("http-not-a-state", &state));
            }
            check_date()?;
            Ok(Some(vec![
                ("state", edit::toml_string(&state)),
                ("date", date.clone()),
            ]))
        }
        _ => Ok(None),
    }
}

/// The lists of a record whose items can be removed from its page: the
/// array, the name of the box ticked to remove one (its value is the
/// fingerprint of the item as written), and what an item is called.
pub(super) fn removable(kind: Kind) -> &'static [(&'static str, &'static str, &'static str)] {
    match kind {
        Kind::Population => &[
            ("figure", "remove_figure", "figure"),
            ("team", "remove_team", "team member"),
        ],
        Kind::Session => &[
            ("attendees", "remove_attendee", "attendee"),
            ("actions", "remove_action", "action"),
        ],
        _ => &[],
    }
}

/// The fields of listed items that can be changed in place from a
/// record's page: the array, the key, and whether it may not be empty.
pub(super) fn editable(kind: Kind) -> &'static [(&'static str, &'static str, bool)] {
    match kind {
        Kind::Population => &[
            ("figure", "label", true),
            ("figure", "value", true),
            ("team", "name", false),
        ],
        _ => &[],
    }
}

/// The values a form gives a name (a box ticked several times).
pub(super) fn field_values<'f>(
    form: &'f [(String, String)],
    name: &'f str,
) -> impl Iterator<Item = &'f str> {
    form.iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
