//! The splices that add or take away a whole record of a TOML file (a step,
//! a measure, an improvement), and that set a top-level key of a persona's
//! front matter. Like `edit`, each one changes only the bytes it must: a
//! record is added after the last one, in the way the file already writes
//! its records (`[[step]]` sections, or `step = [{…}, …]` inline); the
//! file's line ending and byte-order mark are kept, and the result is
//! parsed again before anyone may write it.

use super::edit::{
    BOM, EditError, by_hand, deepest_end, end_of_line, front_matter, is_bare_key, is_inline, parse,
    record, reparsed, reparsed_front_matter, splice, start_of_line, toml_string,
};
use std::ops::Range;

use crate::node::{self, Value};

/// A key of a record to write, and its value written as TOML.
pub type Line<'a> = (&'a str, String);

fn key_text(key: &str) -> String {
    if is_bare_key(key) {
        key.to_string()
    } else {
        toml_string(key)
    }
}

/// Adds a record to the array of tables `array`: a `[[array]]` section at
/// the end of the file (with the sub-tables in `subs`, each a
/// `[[array.name]]` section), or, when the file writes the array inline
/// (`step = [{…}]`), one more inline table after its last item.
pub fn append_record(
    text: &str,
    file: &str,
    array: &str,
    lines: &[Line<'_>],
    subs: &[(&str, Vec<Line<'_>>)],
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return append_record(rest, file, array, lines, subs).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let nl = crate::source::line_ending(text);
    let existing = root.get(array);
    let inline_items = existing.and_then(|n| match &n.value {
        // An array of tables spans its first `[[header]]`; an inline list
        // spans `[ … ]`, its items inline tables.
        Value::Array(items)
            if text
                .get(n.span.clone())
                .is_some_and(|t| t.starts_with('[') && !t.starts_with("[["))
                && items.iter().all(|i| n.span.start < i.span.start) =>
        {
            Some((n, items))
        }
        _ => None,
    });
    if let Some((list, items)) = inline_items {
        if !subs.is_empty() {
            return Err(by_hand(array, file, "inline"));
        }
        let fields: Vec<String> = lines
            .iter()
            .map(|(k, v)| format!("{} = {v}", key_text(k)))
            .collect();
        let item = format!("{{ {} }}", fields.join(", "));
        let out = match items.as_slice() {
            [] => {
                let at = list.span.start + 1;
                splice(text, at..at, &item)
            }
            [.., before, last] => {
                // The same separator as between the last two items.
                let gap = text
                    .get(deepest_end(before)..last.span.start)
                    .unwrap_or(", ");
                let at = deepest_end(last);
                splice(text, at..at, &format!("{gap}{item}"))
            }
            [only] => {
                let lead = text.get(list.span.start + 1..only.span.start).unwrap_or("");
                let gap = match lead.rfind('\n') {
                    Some(i) => format!(",{nl}{}", &lead[i + 1..]),
                    None => ", ".to_string(),
                };
                let at = deepest_end(only);
                splice(text, at..at, &format!("{gap}{item}"))
            }
        };
        return reparsed(out, file);
    }
    // After the last record of the array (and everything it holds), so
    // that what follows it stays after it; else at the end of the file.
    let at = match existing.map(|n| &n.value) {
        Some(Value::Array(items)) if !items.is_empty() => {
            end_of_line(text, items.iter().map(deepest_end).max().unwrap_or(0))
        }
        _ => text.len(),
    };
    let mut add = String::new();
    if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
        add.push_str(nl);
    }
    if !text.trim().is_empty() {
        add.push_str(nl);
    }
    add.push_str(&format!("[[{array}]]{nl}"));
    for (k, v) in lines {
        add.push_str(&format!("{} = {v}{nl}", key_text(k)));
    }
    for (sub, sub_lines) in subs {
        add.push_str(&format!("{nl}[[{array}.{sub}]]{nl}"));
        for (k, v) in sub_lines {
            add.push_str(&format!("{} = {v}{nl}", key_text(k)));
        }
    }
    reparsed(splice(text, at..at, &add), file)
}

/// Where a record of `array` is written: each item's bytes (for a
/// `[[array]]` section, from its header line to the end of its last line;
/// for an inline table, its braces), and whether the array is inline.
fn items(text: &str, root: &node::Node, array: &str) -> Option<(Vec<Range<usize>>, bool)> {
    let list = root.get(array)?;
    let Value::Array(items) = &list.value else {
        return None;
    };
    let inline = items.first().is_some_and(|i| is_inline(text, i));
    let ranges = items
        .iter()
        .map(|i| match inline {
            true => i.span.start..deepest_end(i),
            false => start_of_line(text, i.span.start)..end_of_line(text, deepest_end(i)),
        })
        .collect();
    Some((ranges, inline))
}

fn index_of(root: &node::Node, array: &str, id: &str) -> Option<usize> {
    root.array(array)
        .iter()
        .position(|n| n.str("id") == Some(id))
}

/// The bytes of the record `[[array]]` whose id is `id`, as written: what a
/// form to move or remove it remembers.
pub fn record_text(text: &str, file: &str, array: &str, id: &str) -> Option<String> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let root = parse(text, file).ok()?;
    let (ranges, _) = items(text, &root, array)?;
    let at = index_of(&root, array, id)?;
    text.get(ranges.get(at)?.clone()).map(str::to_string)
}

/// The bytes of each item of the array `array` (`[[array]]` sections or
/// an inline list of tables), as written, in order: what a form to remove
/// one of them (a figure, a team member) remembers.
pub fn item_texts(text: &str, file: &str, array: &str) -> Vec<String> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let Ok(root) = parse(text, file) else {
        return Vec::new();
    };
    items(text, &root, array)
        .map(|(ranges, _)| {
            ranges
                .into_iter()
                .filter_map(|r| text.get(r).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Removes the record `[[array]]` whose id is `id`: its section (and the
/// blank line before it), or its inline table and one comma. Comments
/// above it stay.
pub fn remove_record(text: &str, file: &str, array: &str, id: &str) -> Result<String, EditError> {
    remove_where(text, file, array, &format!("{array} `{id}`"), &|root, _| {
        index_of(root, array, id)
    })
}

/// Removes the item of the array `array` whose bytes, as `item_texts`
/// gives them, are `written` (the first such, when two are alike), as
/// `remove_record` removes a record. `what` names it in an error.
pub fn remove_item(
    text: &str,
    file: &str,
    array: &str,
    written: &str,
    what: &str,
) -> Result<String, EditError> {
    remove_where(text, file, array, what, &|_, ranges| {
        let plain = text.strip_prefix(BOM).unwrap_or(text);
        ranges
            .iter()
            .position(|r| plain.get(r.clone()) == Some(written))
    })
}

type Finder<'f> = dyn Fn(&node::Node, &[Range<usize>]) -> Option<usize> + 'f;

fn remove_where(
    text: &str,
    file: &str,
    array: &str,
    what: &str,
    find: &Finder<'_>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return remove_where(rest, file, array, what, find).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let missing = || EditError::Missing {
        file: file.into(),
        what: what.to_string(),
    };
    let (ranges, inline) = items(text, &root, array).ok_or_else(missing)?;
    let at = find(&root, &ranges).ok_or_else(missing)?;
    let this = ranges[at].clone();
    let cut = match inline {
        true => match (ranges.get(at + 1), at.checked_sub(1)) {
            (Some(next), _) => this.start..next.start,
            (None, Some(before)) => ranges[before].end..this.end,
            (None, None) => {
                // The only item: the list becomes empty, `[]`.
                let list = root.get(array).ok_or_else(missing)?;
                list.span.start + 1..list.span.end.saturating_sub(1)
            }
        },
        false => {
            let blank = |r: Range<usize>| text.get(r).is_some_and(|l| l.trim().is_empty());
            let before = start_of_line(text, this.start.saturating_sub(1));
            if this.start > 0 && blank(before..this.start) {
                before..this.end
            } else if this.end < text.len() && blank(this.end..end_of_line(text, this.end)) {
                this.start..end_of_line(text, this.end)
            } else {
                this
            }
        }
    };
    reparsed(splice(text, cut, ""), file)
}

/// Swaps the record `[[array]]` whose id is `id` with the one before it
/// (`up`) or after it; what lies between them stays where it is.
pub fn move_record(
    text: &str,
    file: &str,
    array: &str,
    id: &str,
    up: bool,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return move_record(rest, file, array, id, up).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let missing = || EditError::Missing {
        file: file.into(),
        what: format!("{array} `{id}`"),
    };
    let (ranges, inline) = items(text, &root, array).ok_or_else(missing)?;
    let at = index_of(&root, array, id).ok_or_else(missing)?;
    let other = match up {
        true => at.checked_sub(1),
        false => Some(at + 1).filter(|o| *o < ranges.len()),
    };
    let Some(other) = other else {
        return Ok(text.to_string());
    };
    let (first, second) = (ranges[at.min(other)].clone(), ranges[at.max(other)].clone());
    let nl = crate::source::line_ending(text);
    // A last section without a line break at the end of the file gets one.
    let piece = |r: &Range<usize>| {
        let t = &text[r.clone()];
        match inline || t.ends_with('\n') {
            true => t.to_string(),
            false => format!("{t}{nl}"),
        }
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push_str(&text[..first.start]);
    out.push_str(&piece(&second));
    out.push_str(&text[first.end..second.start]);
    let moved = piece(&first);
    if !inline && second.end == text.len() && !text.ends_with('\n') {
        out.push_str(moved.trim_end_matches(['\r', '\n']));
    } else {
        out.push_str(&moved);
    }
    out.push_str(&text[second.end..]);
    reparsed(out, file)
}

/// Sets `key` of the table `table` of the record `[[array]]` whose id is
/// `id` (a step's `[step.perspectives]`) to `literal`, or removes it
/// (None). A missing table is added: a `[array.table]` section after the
/// record's last line, or `table = { … }` inside an inline record.
pub fn set_sub_field(
    text: &str,
    file: &str,
    array: &str,
    id: &str,
    table: &str,
    key: &str,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_sub_field(rest, file, array, id, table, key, literal)
            .map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let rec = record(&root, array, id).ok_or_else(|| EditError::Missing {
        file: file.into(),
        what: format!("{array} `{id}`"),
    })?;
    let nl = crate::source::line_ending(text);
    let key_written = key_text(key);
    let out = match (rec.get(table).map(|t| (t, &t.value)), literal) {
        (Some((_, Value::Table(_))) | None, None)
            if rec.get(table).and_then(|t| t.get(key)).is_none() =>
        {
            return Ok(text.to_string());
        }
        (Some((t, Value::Table(entries))), literal) => {
            let inline = is_inline(text, t);
            let found = entries.iter().position(|(k, _)| k.name == key);
            match (found, literal) {
                (Some(i), Some(new)) => splice(text, entries[i].1.span.clone(), new),
                (Some(i), None) if inline => {
                    let (k, n) = &entries[i];
                    match (i.checked_sub(1), entries.get(i + 1)) {
                        (Some(b), _) => {
                            splice(text, deepest_end(&entries[b].1)..deepest_end(n), "")
                        }
                        (None, Some((next, _))) => splice(text, k.span.start..next.span.start, ""),
                        (None, None) => splice(text, k.span.start..deepest_end(n), ""),
                    }
                }
                (Some(i), None) => {
                    let (k, n) = &entries[i];
                    splice(
                        text,
                        start_of_line(text, k.span.start)..end_of_line(text, n.span.end),
                        "",
                    )
                }
                (None, Some(new)) if inline => {
                    match entries.iter().map(|(_, n)| deepest_end(n)).max() {
                        Some(at) => splice(text, at..at, &format!(", {key_written} = {new}")),
                        None => {
                            let at = t.span.start + 1;
                            splice(text, at..at, &format!(" {key_written} = {new} "))
                        }
                    }
                }
                (None, Some(new)) => {
                    let last = entries.iter().map(|(_, n)| deepest_end(n)).max();
                    let at = end_of_line(text, last.unwrap_or(t.span.start));
                    let lead = if at == text.len() && !text.ends_with('\n') {
                        nl
                    } else {
                        ""
                    };
                    splice(text, at..at, &format!("{lead}{key_written} = {new}{nl}"))
                }
                (None, None) => return Ok(text.to_string()),
            }
        }
        (Some(_), _) => {
            return Err(by_hand(&format!("{array}.{table}"), file, "table"));
        }
        (None, Some(new)) if is_inline(text, rec) => {
            let at = deepest_end(rec).saturating_sub(1);
            let at = text[..at].trim_end().len();
            splice(
                text,
                at..at,
                &format!(", {} = {{ {key_written} = {new} }}", key_text(table)),
            )
        }
        (None, Some(new)) => {
            let at = end_of_line(text, deepest_end(rec));
            let lead = if at == text.len() && !text.ends_with('\n') {
                nl
            } else {
                ""
            };
            splice(
                text,
                at..at,
                &format!(
                    "{lead}{nl}[{array}.{}]{nl}{key_written} = {new}{nl}",
                    key_text(table)
                ),
            )
        }
        (None, None) => return Ok(text.to_string()),
    };
    reparsed(out, file)
}

/// Whether the record `[[array]]` whose id is `id` is written inline.
pub fn record_is_inline(text: &str, file: &str, array: &str, id: &str) -> bool {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    parse(text, file)
        .ok()
        .and_then(|root| record(&root, array, id).map(|r| is_inline(text, r)))
        .unwrap_or(false)
}

/// Sets a top-level key of a file's YAML front matter (`name:`, `kind:`,
/// `segment:`) to `literal` (a YAML scalar), replacing only its bytes when
/// it is written on one line; a missing key is added just before the
/// closing `---`; `None` removes its line.
pub fn set_front_matter_top(
    text: &str,
    file: &str,
    key: &str,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_front_matter_top(rest, file, key, literal).map(|out| format!("{BOM}{out}"));
    }
    let front = front_matter(text, file)?;
    let nl = crate::source::line_ending(text);
    let existing = front.node.get(key).zip(front.node.key(key));
    let one_line = |n: &node::Node| {
        !n.span.is_empty()
            && !matches!(n.value, Value::Table(_) | Value::Array(_))
            && !text[n.span.clone()].contains('\n')
    };
    let out = match (existing, literal) {
        (Some((n, _)), Some(new)) if one_line(n) => splice(text, n.span.clone(), new),
        (Some((n, k)), None) if one_line(n) => {
            let start = start_of_line(text, k.span.start);
            splice(text, start..end_of_line(text, n.span.end), "")
        }
        (None, None) => return Ok(text.to_string()),
        (None, Some(new)) => {
            let at = start_of_line(text, front.body_start.saturating_sub(1));
            // The closing `---` line: the line that ends just before the body.
            let at = closing_line(text, at);
            splice(text, at..at, &format!("{key}: {new}{nl}"))
        }
        _ => {
            return Err(by_hand(key, file, "line"));
        }
    };
    reparsed_front_matter(out, file)
}

/// The start of the front matter's closing `---` line, at or before `at`.
fn closing_line(text: &str, mut at: usize) -> usize {
    while at > 0 && !text[at..].starts_with("---") {
        at = start_of_line(text, at - 1);
    }
    at
}

/// The text of a new persona file: its front matter (the keys given, in
/// order; `figures` as a map of its own lines) and its story.
pub fn persona_file(top: &[Line<'_>], figures: &[Line<'_>], story: &str) -> String {
    let mut out = String::from("---\n");
    for (k, v) in top {
        out.push_str(&format!("{k}: {v}\n"));
        let last_before_figures =
            *k == "segment" || (!top.iter().any(|(k, _)| *k == "segment") && *k == "kind");
        if last_before_figures && !figures.is_empty() {
            out.push_str("figures:\n");
            for (fk, fv) in figures {
                out.push_str(&format!("  {fk}: {fv}\n"));
            }
        }
    }
    out.push_str("---\n");
    let story = story.replace("\r\n", "\n");
    let story = story.trim();
    if !story.is_empty() {
        out.push('\n');
        out.push_str(story);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_added_after_everything_with_the_files_line_ending() {
        let text =
            "#:schema x\r\n[[step]]\r\nid = \"a\"\r\n\r\n[step.perspectives]\r\nnurse = \"x\"\r\n";
        let out = append_record(
            text,
            "m",
            "step",
            &[("id", "\"b\"".into()), ("title", "\"B\"".into())],
            &[],
        )
        .unwrap();
        assert_eq!(
            out,
            format!("{text}\r\n[[step]]\r\nid = \"b\"\r\ntitle = \"B\"\r\n")
        );
    }

    #[test]
    fn a_section_goes_after_the_last_of_its_kind() {
        let text = "name = \"P\"\n\n[[figure]]\nlabel = \"Age\"\nvalue = \"68\"\n\n[[team]]\nrole = \"clinical\"\n";
        let out = append_record(
            text,
            "p",
            "figure",
            &[("label", "\"Men\"".into()), ("value", "\"57 %\"".into())],
            &[],
        )
        .unwrap();
        assert_eq!(
            out,
            text.replace(
                "value = \"68\"\n",
                "value = \"68\"\n\n[[figure]]\nlabel = \"Men\"\nvalue = \"57 %\"\n"
            )
        );
    }

    #[test]
    fn a_step_moves_and_goes_with_its_sub_tables_and_nothing_else_moves() {
        let text = "#:schema x\n[[step]]\nid = \"a\"\n\n[step.perspectives]\nn = \"1\"\n\n# about b\n[[step]]\nid = \"b\"\n\n[[step]]\nid = \"c\"\n";
        let down = move_record(text, "m", "step", "a", false).unwrap();
        assert_eq!(
            down,
            "#:schema x\n[[step]]\nid = \"b\"\n\n# about b\n[[step]]\nid = \"a\"\n\n[step.perspectives]\nn = \"1\"\n\n[[step]]\nid = \"c\"\n"
        );
        assert_eq!(move_record(&down, "m", "step", "a", true).unwrap(), text);
        assert_eq!(move_record(text, "m", "step", "a", true).unwrap(), text);
        let gone = remove_record(text, "m", "step", "b").unwrap();
        assert_eq!(
            gone,
            "#:schema x\n[[step]]\nid = \"a\"\n\n[step.perspectives]\nn = \"1\"\n\n# about b\n[[step]]\nid = \"c\"\n"
        );
        let inline = "step = [\n  { id = \"a\" },\n  { id = \"b\" },\n]\n";
        assert_eq!(
            move_record(inline, "m", "step", "b", true).unwrap(),
            "step = [\n  { id = \"b\" },\n  { id = \"a\" },\n]\n"
        );
        assert_eq!(
            remove_record(inline, "m", "step", "b").unwrap(),
            "step = [\n  { id = \"a\" },\n]\n"
        );
        assert_eq!(
            remove_record(inline, "m", "step", "a").unwrap(),
            "step = [\n  { id = \"b\" },\n]\n"
        );
    }

    #[test]
    fn a_perspective_is_set_in_place_or_its_table_is_added() {
        let text =
            "[[step]]\nid = \"a\"\n\n[step.perspectives]\nnurse = \"x\"\n\n[[step]]\nid = \"b\"\n";
        let set = |t: &str, id: &str, key: &str, v: Option<&str>| {
            set_sub_field(t, "m", "step", id, "perspectives", key, v).unwrap()
        };
        assert_eq!(
            set(text, "a", "nurse", Some("\"y\"")),
            text.replace("\"x\"", "\"y\"")
        );
        assert_eq!(
            set(text, "a", "person with MS", Some("\"z\"")),
            text.replace(
                "nurse = \"x\"\n",
                "nurse = \"x\"\n\"person with MS\" = \"z\"\n"
            )
        );
        let added = set(text, "b", "nurse", Some("\"w\""));
        assert_eq!(
            added,
            format!("{text}\n[step.perspectives]\nnurse = \"w\"\n")
        );
        assert_eq!(
            set(&added, "b", "nurse", None),
            format!("{text}\n[step.perspectives]\n")
        );
        let inline = "step = [{ id = \"a\", title = \"A\" }]\n";
        let out = set(inline, "a", "nurse", Some("\"v\""));
        assert_eq!(
            out,
            "step = [{ id = \"a\", title = \"A\", perspectives = { nurse = \"v\" } }]\n"
        );
        assert_eq!(
            set(&out, "a", "gp", Some("\"u\"")),
            "step = [{ id = \"a\", title = \"A\", perspectives = { nurse = \"v\", gp = \"u\" } }]\n"
        );
    }

    #[test]
    fn an_inline_list_takes_one_more_inline_table_in_its_own_layout() {
        let text = "step = [\n  { id = \"a\" },\n  { id = \"b\" },\n]\n";
        let out = append_record(text, "m", "step", &[("id", "\"c\"".into())], &[]).unwrap();
        assert_eq!(
            out,
            "step = [\n  { id = \"a\" },\n  { id = \"b\" },\n  { id = \"c\" },\n]\n"
        );
        let text = "step = [{ id = \"a\" }]\n";
        let out = append_record(text, "m", "step", &[("id", "\"c\"".into())], &[]).unwrap();
        assert_eq!(out, "step = [{ id = \"a\" }, { id = \"c\" }]\n");
        assert!(record_is_inline(text, "m", "step", "a"));
    }

    #[test]
    fn an_inline_step_takes_and_gives_up_a_field() {
        use super::super::edit::{Field, set_toml_field};
        let text = "step = [{ id = \"a\", title = \"A\" }]\n";
        let f = Field {
            array: "step",
            id: "a",
            key: "opportunity",
        };
        let out = set_toml_field(text, "m", f, Some("\"Ask\"")).unwrap();
        assert_eq!(
            out,
            "step = [{ id = \"a\", title = \"A\", opportunity = \"Ask\" }]\n"
        );
        assert_eq!(set_toml_field(&out, "m", f, None).unwrap(), text);
    }

    #[test]
    fn a_top_level_key_of_front_matter_is_replaced_or_added() {
        let text = "---\nname: \"A\"\nkind: patient\nfigures:\n  share_percent: 2\n---\n\nStory.\n";
        let out = set_front_matter_top(text, "p", "kind", Some("carer")).unwrap();
        assert_eq!(out, text.replace("kind: patient", "kind: carer"));
        let out = set_front_matter_top(text, "p", "segment", Some("\"Old\"")).unwrap();
        assert_eq!(
            out,
            text.replace(
                "  share_percent: 2\n",
                "  share_percent: 2\nsegment: \"Old\"\n"
            )
        );
    }
}
