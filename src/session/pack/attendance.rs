//! The pack's attendance sheet: the session's expected attendees, each
//! with their role by the guide's title (see
//! [`crate::render::model::team_role`]), then blank rows to write in; and
//! the note above it that lists the roles an attendee can have.

use serde::Serialize;

use crate::guide::Guide;
use crate::i18n::Catalogue;
use crate::workbook::Session;

/// Rows of the attendance sheet, at least.
const ATTENDANCE_ROWS: usize = 12;

/// One row of the attendance sheet.
#[derive(Serialize)]
pub(super) struct Row {
    pub(super) name: String,
    pub(super) role: String,
}

/// The rows of the sheet, and the roles an attendee can have, by their
/// titles, for the note above it.
pub(super) fn sheet(guide: &Guide, words: &Catalogue, session: &Session) -> (Vec<Row>, String) {
    let mut rows: Vec<Row> = session
        .attendees
        .iter()
        .map(|a| Row {
            name: a.name.clone(),
            role: match a.role.trim() {
                "" => String::new(),
                role => crate::render::model::team_role(guide, words, role),
            },
        })
        .collect();
    while rows.len() < ATTENDANCE_ROWS {
        rows.push(Row {
            name: String::new(),
            role: String::new(),
        });
    }
    let roles = guide
        .roles
        .iter()
        .map(|r| crate::render::model::team_role(guide, words, &r.id))
        .collect::<Vec<_>>()
        .join(", ");
    (rows, roles)
}
