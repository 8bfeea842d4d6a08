//! The editor schemas in a workbook's `schemas/` folder: a note (CV048) for
//! each one that differs from what `covalue schema --output schemas` would
//! write for the workbook's guide (after the guide changed, or covalue), so
//! that editors do not go on checking against old allowed values. Only the
//! files covalue writes are compared, through the workbook's jail; a
//! workbook without a `schemas/` folder gets no note.

use std::path::Path;

use crate::confine::Jail;
use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::workbook::layout::SCHEMA_DIR;

/// The notes for the schemas under `root` that are missing from a
/// `schemas/` folder or differ from the guide's.
pub fn stale(root: &Path, guide: &Guide) -> Vec<Finding> {
    let jail = Jail::at(root);
    let dir = root.join(SCHEMA_DIR);
    if !jail.contains(&dir) || !dir.is_dir() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (name, expected) in crate::spec::schema_files(guide) {
        let file = format!("{SCHEMA_DIR}/{name}");
        let same = match jail.read(&dir.join(name)) {
            // Line endings and a BOM are an editor's, not a difference.
            Ok(bytes) => normal(&String::from_utf8_lossy(&bytes)) == normal(&expected),
            // Missing, or unreadable (a link outside, a device): not the
            // schema covalue would write.
            Err(_) => false,
        };
        if !same {
            found.push(
                Finding::info(
                    Code::CV048,
                    format!("`{file}` is not the schema this workbook's guide gives"),
                )
                .in_file(&file)
                .help(
                    "run `covalue schema --output schemas` in the workbook to write it \
                     again, so that editors check against the guide's allowed values",
                ),
            );
        }
    }
    found
}

/// Text with `\n` line ends and no BOM or trailing blank lines.
fn normal(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .trim_end()
        .to_string()
}
