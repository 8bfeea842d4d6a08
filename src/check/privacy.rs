//! Privacy: likely personal identifiers anywhere in the workbook (e-mail
//! addresses, phone numbers, national identity numbers, dates of birth),
//! except values a site allows in `covalue.toml` with a reason.

use crate::finding::Finding;
use crate::privacy::{self, IdentifierKind};
use crate::source::Source;

/// Scans one file and reports each likely identifier not on the allow list.
pub fn scan_source(source: &Source, allowed: &[String], out: &mut Vec<Finding>) {
    for m in privacy::scan(&source.text) {
        if allowed.iter().any(|a| *a == privacy::normalise(&m.text)) {
            continue;
        }
        let strength = if m.checksum_valid {
            " (its check digit is valid)"
        } else {
            ""
        };
        let message = format!("this looks like {}{strength}: `{}`", m.kind.label(), m.text);
        let help = match m.kind {
            IdentifierKind::DateOfBirth => {
                "personas are composites: give an age or a decade instead of a date of birth"
            }
            IdentifierKind::Email | IdentifierKind::Phone => {
                "remove it; if it is public (the clinic's switchboard, say), allow it in covalue.toml under [[privacy.allow]] with a reason"
            }
            _ => {
                "remove it now and from git history: workbooks travel between sites and a real identity number must never be in one"
            }
        };
        out.push(
            Finding::error("CV030", message)
                .at(source, m.start..m.end)
                .help(help),
        );
    }
}

/// The normalised allowed values of a workbook's configuration.
pub fn allowed_values(allow: &[(String, String)]) -> Vec<String> {
    allow
        .iter()
        .map(|(value, _)| privacy::normalise(value))
        .collect()
}
