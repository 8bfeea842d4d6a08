//! Unresolved git merge conflicts: the `<<<<<<<`, `|||||||`, `=======` and
//! `>>>>>>>` lines git leaves in a file when two changes met. In Markdown
//! they would read as headings and quotes, in TOML as a bare syntax error;
//! covalue names them as what they are, in every file it reads.

use crate::finding::{Code, Finding};
use crate::source::Source;

/// How long each marker is: seven characters.
const OPENS: &str = "<<<<<<<";
const BASE: &str = "|||||||";
const MIDDLE: &str = "=======";
const CLOSES: &str = ">>>>>>>";

/// Whether `line` is the marker `marker`, alone or followed by a space
/// and a name (`<<<<<<< HEAD`, `>>>>>>> their-branch`).
fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// One conflict: the lines of its markers, from 1.
struct Conflict {
    lines: Vec<usize>,
}

/// The merge conflicts of a file, one error each, at its first marker.
/// `<<<<<<<` and `>>>>>>>` count wherever they start a line; `=======`
/// and `|||||||` only between them (a lone `=======` may be a Markdown
/// heading's underline).
pub fn findings(source: &Source) -> Vec<Finding> {
    // Most files have no marker at all: look for their first characters only.
    let bytes = source.text.as_bytes();
    if memchr::memmem::find(bytes, OPENS.as_bytes()).is_none()
        && memchr::memmem::find(bytes, CLOSES.as_bytes()).is_none()
    {
        return Vec::new();
    }
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut open: Option<Conflict> = None;
    for line in 1..=source.line_count() {
        let text = source.line_text(line);
        if is_marker(text, OPENS) {
            conflicts.extend(open.take());
            open = Some(Conflict { lines: vec![line] });
        } else if is_marker(text, CLOSES) {
            let mut conflict = open.take().unwrap_or(Conflict { lines: Vec::new() });
            conflict.lines.push(line);
            conflicts.push(conflict);
        } else if let Some(conflict) = &mut open {
            if text == MIDDLE || is_marker(text, BASE) {
                conflict.lines.push(line);
            }
        }
    }
    conflicts.extend(open);
    conflicts.iter().map(|c| finding(source, c)).collect()
}

/// The error for one conflict.
fn finding(source: &Source, conflict: &Conflict) -> Finding {
    let first = conflict.lines.first().copied().unwrap_or(1);
    let lines = match conflict.lines.as_slice() {
        [_] => format!("line {first}"),
        [rest @ .., last] => format!(
            "lines {} and {last}",
            rest.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        [] => format!("line {first}"),
    };
    Finding::error(
        Code::CV045,
        format!(
            "an unresolved merge conflict: git left these markers ({lines}) when two changes met"
        ),
    )
    .at_line(source, first, 1)
    .help(
        "keep the right version of the lines between `<<<<<<<` and `>>>>>>>` (or combine them), then delete the marker lines `<<<<<<<`, `=======` and `>>>>>>>`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<usize> {
        findings(&Source::new("f.md", text.to_string()))
            .iter()
            .filter_map(|f| f.line)
            .collect()
    }

    #[test]
    fn a_conflict_is_found_at_its_first_marker() {
        let text = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> other\nb\n";
        assert_eq!(lines_of(text), vec![2]);
        let found = findings(&Source::new("f.md", text.to_string()));
        assert!(
            found[0].message.contains("lines 2, 4, 6 and 8"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_setext_underline_is_no_conflict_but_a_stray_marker_is() {
        assert!(lines_of("Title\n=======\n\ntext\n").is_empty());
        assert!(lines_of("<<<<<<<<< not one\n>>>>>>>>\n").is_empty());
        assert_eq!(lines_of("a\n>>>>>>> theirs\n"), vec![2]);
        assert_eq!(lines_of("<<<<<<< HEAD\r\nours\r\n"), vec![1]);
    }
}
