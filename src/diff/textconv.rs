//! git's textconv filter for workbook files (`covalue diff --git-textconv
//! FILE`, set up by `covalue git-setup --mode textconv`): one file's meaning
//! as plain lines, which git then compares with its own line diff.
//!
//! The rendering is stable and line-oriented, so that a change of meaning is
//! a changed line and a change of layout is none:
//!
//! - TOML records (and a persona's front matter): one `key: value` line per
//!   field, in the file's order; a list one `- item` line per item; each
//!   record of a list of tables (a step, a measure) a block headed by its id,
//!   such as `[step diagnosis-visit]`. Comments, quoting, inline or dotted
//!   tables and the `#:schema` line make no difference.
//! - Markdown (answers, a persona's story): headings as written, the prompts
//!   in `<!-- … -->` left out, and each paragraph or list item re-flowed into
//!   one sentence per line, so re-wrapping a paragraph changes nothing and a
//!   changed sentence is one changed line.
//!
//! Nothing here can fail: a file that cannot be read as a workbook file (not
//! UTF-8, TOML that does not parse, any other kind of file) is printed as it
//! is. The one file git names is the only thing read, as a regular file of
//! bounded size ([`crate::confine::read_regular_file`]); no workbook, guide or
//! setting is looked up, so a hostile file can make covalue read nothing else.

use std::io::{self, Write};
use std::path::Path;

use crate::escape;
use crate::node::{self, Key, Node, Value};
use crate::source::Source;
use crate::workbook::answers::{ends_an_abbreviation, strip_comments};

/// Writes the meaning of the file at `path` to `out`: the rendering when the
/// file is a workbook file that parses, else its bytes as they are, or one
/// line saying why it cannot be read at all.
pub fn write(path: &Path, out: &mut dyn Write) -> io::Result<()> {
    let bytes = match crate::confine::read_regular_file(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return writeln!(out, "(covalue cannot read this file: {})", err.describe());
        }
    };
    // git names its temporary copies `XXXXXX_name.toml`: the suffix is kept.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match render(&name, &bytes) {
        Some(text) => out.write_all(text.as_bytes()),
        None => out.write_all(&bytes),
    }
}

/// The rendering of a file named `name` holding `bytes`; None when it is not
/// a workbook file that parses (the caller then shows the bytes).
pub fn render(name: &str, bytes: &[u8]) -> Option<String> {
    let source = Source::from_bytes(bytes.to_vec(), name).ok()?;
    let mut out = Lines::default();
    if name.ends_with(".toml") {
        let node = node::parse_toml(&source).ok()?;
        out.table(&node, "", "");
    } else if name.ends_with(".md") {
        let front = node::parse_front_matter(&source).ok()?;
        if front.present {
            out.table(&front.node, "", "");
            out.line("---".into());
        }
        out.markdown(source.text.get(front.body_start..).unwrap_or(""));
    } else {
        return None;
    }
    Some(out.finish())
}

/// The lines being written, with at most one blank line in a row.
#[derive(Default)]
struct Lines {
    text: String,
    blank: bool,
}

impl Lines {
    fn line(&mut self, line: String) {
        if self.blank && !self.text.is_empty() {
            self.text.push('\n');
        }
        self.blank = false;
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.blank = true;
    }

    fn finish(self) -> String {
        self.text
    }

    /// A table's entries, in the order of the source. `path` names the table
    /// (`size.`, empty for the file itself); `indent` is for a record's fields.
    fn table(&mut self, node: &Node, path: &str, indent: &str) {
        let Value::Table(entries) = &node.value else {
            self.line(format!("{indent}{path}{}", scalar(&node.value, indent)));
            return;
        };
        for (key, value) in entries {
            self.entry(key, value, path, indent);
        }
    }

    fn entry(&mut self, key: &Key, value: &Node, path: &str, indent: &str) {
        let name = format!("{path}{}", clean(&key.name));
        match &value.value {
            Value::Table(_) => self.table(value, &format!("{name}."), indent),
            Value::Array(items) if !items.is_empty() && items.iter().all(is_table) => {
                for (i, item) in items.iter().enumerate() {
                    let (shown, heading) = label(item, i);
                    self.blank();
                    self.line(format!("{indent}[{name} {heading}]"));
                    self.record(item, shown, &format!("{indent}  "));
                }
                self.blank();
            }
            Value::Array(items) if items.is_empty() => self.line(format!("{indent}{name}: (none)")),
            Value::Array(items) => {
                self.line(format!("{indent}{name}:"));
                for item in items {
                    match &item.value {
                        Value::Table(_) | Value::Array(_) => {
                            self.line(format!("{indent}  -"));
                            self.table(item, "", &format!("{indent}    "));
                        }
                        other => self.line(format!("{indent}  - {}", scalar(other, indent))),
                    }
                }
            }
            other => self.line(format!("{indent}{name}: {}", scalar(other, indent))),
        }
    }

    /// A record of a list of tables: its fields, less the one its heading
    /// shows (`shown`).
    fn record(&mut self, node: &Node, shown: Option<&str>, indent: &str) {
        if let Value::Table(entries) = &node.value {
            for (key, value) in entries {
                if Some(key.name.as_str()) != shown {
                    self.entry(key, value, "", indent);
                }
            }
        }
    }

    /// Markdown: headings, fenced blocks and table rows as written; each
    /// paragraph and list item one sentence per line.
    fn markdown(&mut self, body: &str) {
        let body = strip_comments(body);
        let mut block = Block::default();
        let mut fence: Option<&str> = None;
        for raw in body.lines() {
            let line = raw.trim_end();
            let trimmed = line.trim_start();
            if let Some(f) = fence {
                self.line(clean(line));
                if trimmed.starts_with(f) {
                    fence = None;
                    self.blank();
                }
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                self.flush(&mut block);
                self.blank();
                fence = trimmed.get(..3);
                self.line(clean(line));
                continue;
            }
            if trimmed.is_empty() {
                self.flush(&mut block);
                self.blank();
            } else if is_heading(line) {
                self.flush(&mut block);
                self.blank();
                self.line(clean(&words(trimmed)));
                self.blank();
            } else if trimmed.starts_with('|') {
                self.flush(&mut block);
                self.line(clean(trimmed));
            } else if let Some(marker) = item_marker(trimmed) {
                self.flush(&mut block);
                block.marker = marker.to_string();
                block.text = trimmed[marker.len()..].to_string();
            } else if starts_a_line(trimmed) {
                self.flush(&mut block);
                block.text = trimmed.to_string();
            } else {
                if !block.text.is_empty() {
                    block.text.push(' ');
                }
                block.text.push_str(trimmed);
            }
        }
        self.flush(&mut block);
    }

    /// Writes a paragraph or list item, one sentence per line.
    fn flush(&mut self, block: &mut Block) {
        let text = words(&block.text);
        if !text.is_empty() {
            let hang = " ".repeat(block.marker.chars().count());
            let mut first = true;
            for sentence in sentences(&text) {
                let lead = if first { &block.marker } else { &hang };
                self.line(clean(&format!("{lead}{sentence}")));
                first = false;
            }
        }
        *block = Block::default();
    }
}

/// A paragraph or list item being gathered.
#[derive(Default)]
struct Block {
    /// The list marker and its space (`- `, `1. `), or nothing.
    marker: String,
    text: String,
}

fn is_table(node: &Node) -> bool {
    matches!(node.value, Value::Table(_))
}

/// What names a record of a list of tables in its heading: its `id`, else a
/// `label` or `name` (with the field that says it), else its position,
/// counted from 1.
fn label(node: &Node, index: usize) -> (Option<&'static str>, String) {
    ["id", "label", "name"]
        .into_iter()
        .find_map(|k| {
            let text = clean(&words(node.str(k)?));
            (!text.is_empty()).then_some((Some(k), text))
        })
        .unwrap_or_else(|| (None, format!("#{}", index + 1)))
}

/// A value that is not a table or list; the lines of a text after the first
/// are indented under it.
fn scalar(value: &Value, indent: &str) -> String {
    match value {
        Value::Str(s) => {
            let lines: Vec<String> = s.trim_end().lines().map(clean).collect();
            lines.join(&format!("\n{indent}    "))
        }
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => clean(d),
        Value::Array(_) | Value::Table(_) => String::new(),
    }
}

/// Text made safe for the terminal ([`escape::terminal`]), so that a file
/// cannot send the terminal instructions through `git diff`.
fn clean(text: &str) -> String {
    escape::terminal(text).into_owned()
}

/// Runs of white space made one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences of a paragraph (whose white space is already single
/// spaces), in one pass over its words: a sentence ends at a word ending in
/// `.`, `?` or `!` (and any closing quotes or brackets) that is not an
/// abbreviation or initial ("e.g.", "Dr.", "J."), when the next word starts
/// like a sentence and the sentence is at least 20 bytes long.
fn sentences(text: &str) -> Vec<&str> {
    const CLOSING: &[char] = &['’', '”', '"', '\'', ')', ']'];
    let mut out = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        let end = offset + word.len();
        offset = end + 1;
        let bare = word.trim_end_matches(CLOSING);
        let ends = match bare.chars().last() {
            Some('?' | '!') => true,
            Some('.') => !ends_an_abbreviation(&bare[..bare.len() - 1]),
            _ => false,
        };
        let next_starts = words
            .peek()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '‘' | '“' | '"' | '(')
            });
        if ends && next_starts && end - start >= 20 {
            out.push(&text[start..end]);
            start = offset;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whether a line is an ATX heading (`#` to `######`, then a space or nothing).
fn is_heading(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.trim_start_matches(' ');
    let level = rest.bytes().take_while(|b| *b == b'#').count();
    indent <= 3 && (1..=6).contains(&level) && {
        let after = &rest[level..];
        after.is_empty() || after.starts_with([' ', '\t'])
    }
}

/// The marker of a list item or quote that starts `line` (`- `, `* `, `+ `,
/// `1. `, `1) `, `> `), with its space.
fn item_marker(line: &str) -> Option<&str> {
    for m in ["- ", "* ", "+ ", "> "] {
        if line.starts_with(m) {
            return Some(&line[..2]);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits < 10 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then(|| &line[..digits + 2])
}

/// Whether a line starts a line of its own in a deferred answer (`Owner:`,
/// `Until:`, or their words in another language: `Ansvarig:`, `Hasta:`),
/// which an editor's wrapping does not join to the line before.
fn starts_a_line(line: &str) -> bool {
    use crate::workbook::status_words::{Mark, starts};
    let line = line.trim_start_matches(['*', '_']);
    starts(line, Mark::Owner) || starts(line, Mark::Until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(name: &str, text: &str) -> String {
        render(name, text.as_bytes()).unwrap_or_else(|| panic!("{name} does not render"))
    }

    #[test]
    fn records_become_one_line_per_field_under_their_id() {
        let a = show(
            "x_process-map.toml",
            "#:schema x\nperspectives = [\"a\", \"b\"]\n\n[[step]]\nid = \"s1\"\ntitle = \"One\"\nconfigurations = [\"shop\"]\n[step.perspectives]\na = \"Seen\"\n",
        );
        assert_eq!(
            a,
            "perspectives:\n  - a\n  - b\n\n[step s1]\n  title: One\n  configurations:\n    - shop\n  perspectives.a: Seen\n"
        );
        // Layout alone changes nothing.
        let b = show(
            "y_process-map.toml",
            "perspectives = [ 'a',\n 'b' ] # who\n[[step]]\ntitle = 'One'\nid = 's1'\nconfigurations = ['shop']\nperspectives = { a = 'Seen' }\n",
        );
        assert_eq!(
            b.replace("  title: One\n", ""),
            a.replace("  title: One\n", "")
        );
    }

    #[test]
    fn records_without_an_id_are_headed_by_their_label_or_position() {
        let text = show(
            "population.toml",
            "[[figure]]\nlabel = \"Women\"\nvalue = \"71 %\"\n\n[[team]]\nrole = \"clinical\"\n",
        );
        assert_eq!(
            text,
            "[figure Women]\n  value: 71 %\n\n[team #1]\n  role: clinical\n"
        );
    }

    #[test]
    fn paragraphs_are_one_sentence_per_line_whatever_the_wrapping() {
        let a = show(
            "a.md",
            "# Step 1 · Shop\n\n## Who? {#q}\n\n<!-- prompt -->\nWe see about twenty people a week. Most come\nby car, e.g. from Norrsjö.\n\n- first item that wraps\n  onto a second line\n\nDeferred: waiting\nOwner: Karin\n",
        );
        assert_eq!(
            a,
            "# Step 1 · Shop\n\n## Who? {#q}\n\nWe see about twenty people a week.\nMost come by car, e.g. from Norrsjö.\n\n- first item that wraps onto a second line\n\nDeferred: waiting\nOwner: Karin\n"
        );
    }

    #[test]
    fn a_deferrals_owner_and_date_keep_their_lines_in_every_language() {
        let a = show(
            "a.md",
            "## Vem? {#q}\n\nUppskjuten: vi väntar på siffrorna\nAnsvarig: Karin\nTill: 2027-01-31\n",
        );
        assert_eq!(
            a,
            "## Vem? {#q}\n\nUppskjuten: vi väntar på siffrorna\nAnsvarig: Karin\nTill: 2027-01-31\n"
        );
        let b = show(
            "b.md",
            "## ¿Quién? {#q}\n\nAplazada: esperamos\nResponsable: Ana\nHasta: 31/1/2027\n",
        );
        assert!(b.contains("\nResponsable: Ana\nHasta: 31/1/2027\n"), "{b}");
    }

    #[test]
    fn front_matter_fields_come_before_the_story() {
        let text = show(
            "p.md",
            "---\nname: Åsa\nfigures:\n  share_percent: 21\ncomposite: true\n---\n\nÅsa is 34.\n",
        );
        assert_eq!(
            text,
            "name: Åsa\nfigures.share_percent: 21\ncomposite: true\n---\n\nÅsa is 34.\n"
        );
    }

    #[test]
    fn what_does_not_parse_is_not_rendered() {
        assert_eq!(render("a.toml", b"step = [\n"), None);
        assert_eq!(render("a.md", b"---\nname: [\n"), None);
        assert_eq!(render("a.toml", b"\xff\xfe"), None);
        assert_eq!(render("a.txt", b"x = 1\n"), None);
    }

    #[test]
    fn sentences_end_where_people_would_say_they_do() {
        assert_eq!(
            sentences(
                "We met Dr. Ek and J. Berg (e.g. on Mondays). Then 3 visits? Yes! Short. Ok."
            ),
            vec![
                "We met Dr. Ek and J. Berg (e.g. on Mondays).",
                "Then 3 visits? Yes! Short.",
                "Ok."
            ]
        );
        // One long word of full stops takes one pass, not one per stop.
        let dots = format!("{} end.", "a.".repeat(500_000));
        assert_eq!(sentences(&dots), vec![dots.as_str()]);
    }

    #[test]
    fn control_characters_are_escaped() {
        let text = show("a.toml", "name = \"\\u001b[31mred\"\n");
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.contains("␛[31mred"), "{text:?}");
    }
}
