//! A workbook TOML file cut into keyed parts for merging: the settings
//! before the first table, then one part per record (`[[step]]` by its
//! `id`, `[[improvement]]` by its `id`, a plain `[table]` by its name),
//! each made of its header, its fields by key and its sub-tables
//! (`[step.perspectives]` by name, `[[improvement.status]]` by its first
//! field).
//! Comments and blank lines go with the line they stand above. Cutting
//! never changes a byte: the parts put together are the file.

use super::tree::{Part, unique_keys};

/// Why a file could not be cut into parts (the merge then falls back to
/// lines).
#[derive(Debug)]
pub struct Unparsable;

/// One line or a multi-line value, classified.
enum Unit {
    /// A blank or comment-only line.
    Trivia(String),
    /// A table header: its path and whether it is `[[…]]`.
    Header {
        path: Vec<String>,
        array: bool,
        text: String,
    },
    /// `key = value`, perhaps over several lines: its dotted key.
    Field { key: String, text: String },
}

/// How many lines one value may run over before the file counts as not
/// readable here.
const MAX_VALUE_LINES: usize = 2000;

/// How many times its own length a file may be parsed over while finding
/// where multi-line values end: a real file needs about twice, a hostile
/// one (thousands of long arrays) is merged by lines instead.
const PARSE_BUDGET: usize = 16;

/// Cuts `text` into parts; Err when it is not TOML covalue can cut.
pub fn parts(text: &str) -> Result<Vec<Part>, Unparsable> {
    if text.parse::<toml::Table>().is_err() {
        return Err(Unparsable);
    }
    let units = units(text)?;
    Ok(group(units))
}

/// The lines of `text` as units.
fn units(text: &str) -> Result<Vec<Unit>, Unparsable> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut budget = PARSE_BUDGET * text.len() + (1 << 20);
    let mut parses = |value: &str| -> Result<bool, Unparsable> {
        budget = budget.checked_sub(value.len()).ok_or(Unparsable)?;
        Ok(value
            .trim_start_matches('\u{feff}')
            .parse::<toml::Table>()
            .is_ok())
    };
    let mut units = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if units.len() > super::MAX_PARTS {
            return Err(Unparsable);
        }
        let line = lines[i];
        let bare = line.trim_start_matches('\u{feff}').trim();
        if bare.is_empty() || bare.starts_with('#') {
            units.push(Unit::Trivia(line.to_string()));
            i += 1;
        } else if bare.starts_with('[') {
            let (path, array) = header(bare).ok_or(Unparsable)?;
            units.push(Unit::Header {
                path,
                array,
                text: line.to_string(),
            });
            i += 1;
        } else {
            // A field: as many lines as its value needs to parse.
            let mut end = i + 1;
            let mut value = line.to_string();
            while !parses(&value)? {
                if end >= lines.len() || end - i > MAX_VALUE_LINES {
                    return Err(Unparsable);
                }
                value.push_str(lines[end]);
                end += 1;
            }
            let table: toml::Table = value
                .trim_start_matches('\u{feff}')
                .parse()
                .map_err(|_| Unparsable)?;
            units.push(Unit::Field {
                key: dotted_key(&table),
                text: value,
            });
            i = end;
        }
    }
    Ok(units)
}

/// The dotted key of a one-field table (`a.b` for `a.b = 1`).
fn dotted_key(table: &toml::Table) -> String {
    let mut key = Vec::new();
    let mut at = table;
    while let Some((name, value)) = at.iter().next() {
        key.push(name.clone());
        match value {
            toml::Value::Table(inner) if inner.len() == 1 => at = inner,
            _ => break,
        }
    }
    key.join(".")
}

/// The path of a header line and whether it is an array of tables.
fn header(line: &str) -> Option<(Vec<String>, bool)> {
    let table: toml::Table = line.parse().ok()?;
    let mut path = Vec::new();
    let mut at = &table;
    loop {
        let (name, value) = at.iter().next()?;
        path.push(name.clone());
        match value {
            toml::Value::Table(inner) if inner.is_empty() => return Some((path, false)),
            toml::Value::Table(inner) => at = inner,
            toml::Value::Array(items) => match items.first()? {
                toml::Value::Table(inner) if inner.is_empty() => return Some((path, true)),
                toml::Value::Table(inner) => at = inner,
                _ => return None,
            },
            _ => return None,
        }
    }
}

/// A table being gathered: its header (with the trivia above it) and its
/// fields.
struct Table {
    path: Vec<String>,
    array: bool,
    head: String,
    fields: Vec<Part>,
}

impl Table {
    /// The table as a part, keyed by its name, and for an array of tables
    /// by its `id` (or, without one, by its first field).
    fn into_part(self, subtables: Vec<Part>) -> Part {
        let name = self.path.join(".");
        let key = if self.array {
            let id = self
                .fields
                .iter()
                .find(|f| f.key == "id")
                .and_then(|f| f.text.parse::<toml::Table>().ok())
                .and_then(|t| t.get("id").map(|v| v.to_string()));
            match id {
                Some(id) => format!("[[{name}]] {id}"),
                // No id (a status of an improvement, an action of a
                // session): found by its first field (`state`, `what`),
                // so two added at the end are both kept and a change to
                // another field of one merges field by field.
                None => {
                    let first = self.fields.first().and_then(|f| {
                        let table = f.text.parse::<toml::Table>().ok()?;
                        let (_, value) = table.iter().next()?;
                        Some(format!("{} = {value}", f.key))
                    });
                    format!("[[{name}]] {}", first.unwrap_or_default())
                }
            }
        } else {
            format!("[{name}]")
        };
        let mut children = vec![Part::leaf("@head", self.head)];
        children.extend(self.fields);
        children.extend(subtables);
        unique_keys(&mut children);
        Part::branch(key, children)
    }
}

/// How much of the comments and blank lines above a file's first table
/// belong to the file: everything before the last run of blank lines (the
/// comments right above the table, with no blank line between, are the
/// table's).
fn file_comments(trivia: &str) -> usize {
    let lines: Vec<&str> = trivia.split_inclusive('\n').collect();
    let Some(last_blank) = lines.iter().rposition(|l| l.trim().is_empty()) else {
        return 0;
    };
    let first_blank = lines[..last_blank]
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    lines[..first_blank].iter().map(|l| l.len()).sum()
}

/// Groups units into the file's parts.
fn group(units: Vec<Unit>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut preamble: Vec<Part> = Vec::new();
    // The record being gathered, and its sub-table being gathered.
    let mut record: Option<(Table, Vec<Part>)> = None;
    let mut sub: Option<Table> = None;
    let mut trivia = String::new();

    let close_sub = |record: &mut Option<(Table, Vec<Part>)>, sub: &mut Option<Table>| {
        if let (Some((_, subs)), Some(table)) = (record.as_mut(), sub.take()) {
            subs.push(table.into_part(Vec::new()));
        }
    };

    for unit in units {
        match unit {
            Unit::Trivia(line) => trivia.push_str(&line),
            Unit::Field { key, text } => {
                let field = Part::leaf(key, std::mem::take(&mut trivia) + &text);
                if let Some(table) = sub.as_mut() {
                    table.fields.push(field);
                } else if let Some((table, _)) = record.as_mut() {
                    table.fields.push(field);
                } else {
                    preamble.push(field);
                }
            }
            Unit::Header { path, array, text } => {
                if record.is_none() {
                    // Above the first table: the file's own comments (up to
                    // the last blank line) are the file's, not the first
                    // record's, so two sides that each start a file with
                    // a different first record share them.
                    let top = file_comments(&trivia);
                    if top > 0 {
                        preamble.push(Part::leaf("@top", trivia[..top].to_string()));
                        trivia.drain(..top);
                    }
                }
                let head = std::mem::take(&mut trivia) + &text;
                let table = Table {
                    path,
                    array,
                    head,
                    fields: Vec::new(),
                };
                let inside = record.as_ref().is_some_and(|(r, _)| {
                    table.path.len() > r.path.len() && table.path.starts_with(&r.path)
                });
                close_sub(&mut record, &mut sub);
                if inside {
                    sub = Some(table);
                } else {
                    if let Some((done, subs)) = record.take() {
                        parts.push(done.into_part(subs));
                    }
                    record = Some((table, Vec::new()));
                }
            }
        }
    }
    close_sub(&mut record, &mut sub);
    if let Some((table, mut subs)) = record.take() {
        if !trivia.is_empty() {
            subs.push(Part::leaf("@tail", std::mem::take(&mut trivia)));
        }
        parts.push(table.into_part(subs));
    }
    if !trivia.is_empty() {
        preamble.push(Part::leaf("@tail", trivia));
    }
    if !preamble.is_empty() {
        unique_keys(&mut preamble);
        parts.insert(0, Part::branch("@settings", preamble));
    }
    unique_keys(&mut parts);
    parts
}

/// A field holding a list of plain values (`personas = ["asa", "lena"]`),
/// split into the comments above it, its key as written, its values as
/// TOML writes them, and its layout.
struct List {
    trivia: String,
    key: String,
    items: Vec<String>,
    /// The indent of each item on its own line, or None for one line.
    indent: Option<String>,
    newline: &'static str,
}

impl List {
    /// Reads `text` (a field as cut by [`parts`]); None unless it is a list
    /// of plain values written exactly as [`List::write`] writes it, so
    /// that writing it back loses nothing (no comment inside, no odd
    /// spacing).
    fn read(text: &str) -> Option<List> {
        let start = text
            .split_inclusive('\n')
            .take_while(|l| {
                let bare = l.trim();
                bare.is_empty() || bare.starts_with('#')
            })
            .map(str::len)
            .sum::<usize>();
        let (trivia, field) = text.split_at(start);
        let table: toml::Table = field.parse().ok()?;
        let (_, toml::Value::Array(values)) = table.iter().next()? else {
            return None;
        };
        let items = values
            .iter()
            .map(|v| match v {
                toml::Value::Array(_) | toml::Value::Table(_) => None,
                plain => Some(plain.to_string()),
            })
            .collect::<Option<Vec<String>>>()?;
        let key = field.split(" = [").next()?.to_string();
        let newline = if field.contains("\r\n") { "\r\n" } else { "\n" };
        let indent = field
            .split_inclusive('\n')
            .nth(1)
            .map(|l| l[..l.len() - l.trim_start().len()].to_string());
        let list = List {
            trivia: trivia.to_string(),
            key,
            items,
            indent: indent.filter(|_| {
                field.trim_end().ends_with("\n]") || field.trim_end().ends_with("\r\n]")
            }),
            newline,
        };
        (list.write_items(&list.items) == field).then_some(list)
    }

    /// The field with `items` in this list's layout.
    fn write_items(&self, items: &[String]) -> String {
        let nl = self.newline;
        match &self.indent {
            Some(indent) if !items.is_empty() => {
                let lines: String = items.iter().map(|i| format!("{indent}{i},{nl}")).collect();
                format!("{} = [{nl}{lines}]{nl}", self.key)
            }
            _ => format!("{} = [{}]{nl}", self.key, items.join(", ")),
        }
    }
}

/// Merges a list of plain values both sides changed: what the base had and
/// either side removed goes, what either side added is kept (ours' new
/// values and theirs', the run whose first value sorts first before the
/// other), in ours' layout. None when the field is not such a list on every
/// side, or the comments above it differ.
pub fn merge_list(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let (o, t) = (List::read(ours)?, List::read(theirs)?);
    let b = match base.is_empty() {
        true => None,
        false => Some(List::read(base)?),
    };
    let b_items: &[String] = b.as_ref().map_or(&[], |b| &b.items);
    if o.trivia != t.trivia || o.key != t.key || b.as_ref().is_some_and(|b| b.key != o.key) {
        return None;
    }
    let kept = |item: &String, other: &[String]| !b_items.contains(item) || other.contains(item);
    let mut items: Vec<String> = o
        .items
        .iter()
        .filter(|i| b_items.contains(i) && kept(i, &t.items))
        .cloned()
        .collect();
    let added = |side: &List| -> Vec<String> {
        side.items
            .iter()
            .filter(|i| !b_items.contains(i))
            .cloned()
            .collect()
    };
    let ours_new = added(&o);
    let theirs_new: Vec<String> = added(&t)
        .into_iter()
        .filter(|i| !ours_new.contains(i))
        .collect();
    let (first, second) = match (ours_new.first(), theirs_new.first()) {
        (Some(a), Some(b)) if b < a => (theirs_new, ours_new),
        _ => (ours_new, theirs_new),
    };
    items.extend(first);
    items.extend(second);
    Some(o.trivia.clone() + &o.write_items(&items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_put_together_are_the_file() {
        let text = "#:schema x\r\nperspectives = [\r\n  \"a\",\r\n]\r\n\r\n[[step]]\r\nid = \"s1\"\r\ntitle = \"T\"\r\n\r\n[step.perspectives]\r\na = \"x\"\r\n\r\n[[step]]\r\n# c\r\nid = \"s2\"\r\n";
        let parts = parts(text).unwrap_or_default();
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        let keys: Vec<&str> = parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["@settings", "[[step]] \"s1\"", "[[step]] \"s2\""]);
        // The file's own comments are not the first record's.
        let register = "#:schema x\n# The register.\n\n[[improvement]]\nid = \"a\"\n";
        let cut = super::parts(register).unwrap_or_default();
        assert_eq!(cut[0].text, "#:schema x\n# The register.\n");
        assert_eq!(cut[1].text, "\n[[improvement]]\nid = \"a\"\n");
        let fields: Vec<&str> = parts[1].children.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(fields, ["@head", "id", "title", "[step.perspectives]"]);
    }

    #[test]
    fn lists_keep_what_each_side_added_in_their_own_layout() {
        let merged = merge_list(
            "personas = [\"asa\", \"per\"]\n",
            "personas = [\"asa\", \"per\", \"lena\"]\n",
            "personas = [\"asa\", \"goran\"]\n",
        );
        assert_eq!(
            merged.as_deref(),
            Some("personas = [\"asa\", \"goran\", \"lena\"]\n")
        );
        let base = "# Decided\ndecisions = [\n  \"a\",\n]\n";
        let merged = merge_list(
            base,
            &base.replace("]", "  \"c\",\n]"),
            &base.replace("]", "  \"b\",\n]"),
        );
        assert_eq!(
            merged.as_deref(),
            Some("# Decided\ndecisions = [\n  \"a\",\n  \"b\",\n  \"c\",\n]\n")
        );
        // A comment inside the list, or a list of tables: not merged here.
        assert!(merge_list("a = [1]\n", "a = [ # x\n1, 2]\n", "a = [1, 3]\n").is_none());
        assert!(merge_list("a = []\n", "a = [{x = 1}]\n", "a = [{x = 2}]\n").is_none());
    }

    #[test]
    fn text_that_is_not_toml_is_refused() {
        assert!(parts("[[step]\nid = 1\n").is_err());
        assert!(parts("a = \"\"\"\nnever closed\n").is_err());
    }
}
