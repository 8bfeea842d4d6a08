//! The edits `covalue serve` makes to workbook files, each one a splice:
//! only the bytes of the value that changed are replaced (or one line is
//! added), so comments, key order, blank lines, line endings and the
//! `#:schema` line stay as they were. Every result is parsed again before
//! it may be written; a splice that would leave a file unreadable is refused.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use crate::node::{self, Node, Value};
use crate::source::Source;

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The file cannot be read as TOML (or front matter) now.
    #[error("{file} cannot be read as it is on disk, so covalue will not change it: {why}")]
    Unreadable {
        /// The file.
        file: String,
        /// What the parser said.
        why: String,
    },
    /// The record to change is not in the file.
    #[error("{file} has no {what}")]
    Missing {
        /// The file.
        file: String,
        /// What is missing, e.g. "step `triage`".
        what: String,
    },
    /// The edit would leave a file that cannot be read; nothing is written.
    #[error("the change would leave {file} unreadable ({why}); nothing was written")]
    WouldBreak {
        /// The file.
        file: String,
        /// What the parser said.
        why: String,
    },
    /// A value given in the form is not what the field takes.
    #[error("{0}")]
    BadValue(String),
}

impl EditError {
    /// What went wrong, in the language of the page being made (the
    /// `Display` form is English, for the terminal and the tests).
    pub(crate) fn in_words(&self) -> String {
        use crate::serve::words::t;
        match self {
            EditError::Unreadable { file, why } => t(
                "http-edit-unreadable",
                &[("file", file.as_str().into()), ("why", why.as_str().into())],
            ),
            EditError::Missing { file, what } => t(
                "http-edit-missing",
                &[
                    ("file", file.as_str().into()),
                    ("what", what.as_str().into()),
                ],
            ),
            EditError::WouldBreak { file, why } => t(
                "http-edit-would-break",
                &[("file", file.as_str().into()), ("why", why.as_str().into())],
            ),
            EditError::BadValue(said) => said.clone(),
        }
    }
}

/// A value written in a way a form cannot change (`why`: `list`,
/// `inline`, `line` or `table`), said in the page's language.
pub(super) fn by_hand(what: &str, file: &str, why: &str) -> EditError {
    EditError::BadValue(crate::serve::words::t(
        "http-edit-by-hand",
        &[
            ("what", what.into()),
            ("file", file.into()),
            ("why", why.into()),
        ],
    ))
}

/// A byte-order mark, which some editors write at the start of a file: the
/// parsers skip it (`Source`), so every splice is made after it and puts it back.
pub(super) const BOM: char = '\u{feff}';

/// A short fingerprint of a file's bytes, carried by every edit form: a save
/// whose fingerprint is not the file's any more is a conflict.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}-{}", hasher.finish(), bytes.len())
}

/// The byte offset just after the end of the line holding `offset`.
pub(super) fn end_of_line(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

/// The byte offset of the start of the line holding `offset`.
pub(super) fn start_of_line(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

pub(super) fn parse(text: &str, file: &str) -> Result<Node, String> {
    node::parse_toml(&Source::new(file, text.to_string())).map_err(|f| f.message.clone())
}

/// A TOML value for a form's text: a basic string, escaped.
pub fn toml_string(text: &str) -> String {
    crate::scaffold::toml_string(text)
}

/// A TOML list of strings, on one line.
pub fn toml_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| toml_string(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Where a field of a record is: the table `[[array]]` whose `id` is `id`
/// (or the top-level table when `array` is empty), and the key.
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    /// The array of tables, e.g. `step` or `measure` ("" for the top level).
    pub array: &'a str,
    /// The record's id.
    pub id: &'a str,
    /// The key.
    pub key: &'a str,
}

/// The record `[[array]]` (or `array = [{…}]`) whose `id` is `id`, or the
/// top-level table when `array` is empty.
pub(super) fn record<'n>(root: &'n Node, array: &str, id: &str) -> Option<&'n Node> {
    if array.is_empty() {
        return Some(root);
    }
    root.array(array).iter().find(|n| n.str("id") == Some(id))
}

/// Sets one field of a TOML record to `literal` (a TOML value, already
/// written as TOML), or removes its line when `literal` is None. Returns
/// the new text, parsed again; the rest of the file is left byte for byte.
pub fn set_toml_field(
    text: &str,
    file: &str,
    field: Field<'_>,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_toml_field(rest, file, field, literal).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let what = || match field.array {
        "" => "top-level table".to_string(),
        a => format!("{a} `{}`", field.id),
    };
    let table = record(&root, field.array, field.id).ok_or_else(|| EditError::Missing {
        file: file.into(),
        what: what(),
    })?;
    let top = field.array.is_empty();
    set_in_table(text, file, table, top, field.key, literal, &what())
}

/// Sets one field of the item at `index` (from 0) of the array of tables
/// `array` (a session's `[[actions]]`, which have no id), as
/// `set_toml_field` does.
pub fn set_item_field(
    text: &str,
    file: &str,
    array: &str,
    index: usize,
    key: &str,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_item_field(rest, file, array, index, key, literal)
            .map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let what = format!("{array} number {}", index + 1);
    let table = root
        .array(array)
        .get(index)
        .ok_or_else(|| EditError::Missing {
            file: file.into(),
            what: what.clone(),
        })?;
    set_in_table(text, file, table, false, key, literal, &what)
}

/// Sets `key` of the top-level table `[table]` (a population's `[size]`),
/// as `set_toml_field` does; a table that is not there yet is added at the
/// end of the file when there is a value to write.
pub fn set_table_field(
    text: &str,
    file: &str,
    table: &str,
    key: &str,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_table_field(rest, file, table, key, literal).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    match (root.get(table), literal) {
        (Some(node), _) => {
            set_in_table(text, file, node, false, key, literal, &format!("[{table}]"))
        }
        (None, None) => Ok(text.to_string()),
        (None, Some(new)) => {
            let nl = crate::source::line_ending(text);
            let lead = match text.is_empty() || text.ends_with('\n') {
                true => "",
                false => nl,
            };
            let header = if is_bare_key(table) {
                table.to_string()
            } else {
                toml_string(table)
            };
            let key = if is_bare_key(key) {
                key.to_string()
            } else {
                toml_string(key)
            };
            let out = format!("{text}{lead}{nl}[{header}]{nl}{key} = {new}{nl}");
            reparsed(out, file)
        }
    }
}

/// Sets `key` of `table` (a node of `text`, without its byte-order mark;
/// `top` when it is the file's top-level table).
fn set_in_table(
    text: &str,
    file: &str,
    table: &Node,
    top: bool,
    key: &str,
    literal: Option<&str>,
    what: &str,
) -> Result<String, EditError> {
    let what = || what.to_string();
    let Value::Table(entries) = &table.value else {
        return Err(EditError::Missing {
            file: file.into(),
            what: what(),
        });
    };
    let existing = entries.iter().position(|(k, _)| k.name == key);
    let inline = is_inline(text, table);
    let out = match (existing.map(|i| (i, &entries[i])), literal) {
        (Some((_, (_, node))), Some(new)) => splice(text, node.span.clone(), new),
        // `{ id = "a", title = "A" }`: the key and its comma go, nothing else.
        (Some((i, (key, node))), None) if inline => {
            let end = deepest_end(node);
            match (i.checked_sub(1), entries.get(i + 1)) {
                (Some(before), _) => splice(text, deepest_end(&entries[before].1)..end, ""),
                (None, Some((next, _))) => splice(text, key.span.start..next.span.start, ""),
                (None, None) => splice(text, key.span.start..end, ""),
            }
        }
        (None, Some(new)) if inline => {
            let key = if is_bare_key(key) {
                key.to_string()
            } else {
                toml_string(key)
            };
            match entries.iter().map(|(_, n)| deepest_end(n)).max() {
                Some(at) => splice(text, at..at, &format!(", {key} = {new}")),
                None => {
                    let at = table.span.start + 1;
                    splice(text, at..at, &format!(" {key} = {new} "))
                }
            }
        }
        (Some((_, (key, node))), None) => {
            // Remove the whole line when it holds only this key and value.
            let start = start_of_line(text, key.span.start);
            let end = end_of_line(text, node.span.end);
            let before = &text[start..key.span.start];
            let after = text[node.span.end..end].trim();
            if before.trim().is_empty() && (after.is_empty() || after.starts_with('#')) {
                splice(text, start..end, "")
            } else {
                splice(text, node.span.clone(), "\"\"")
            }
        }
        (None, None) => return Ok(text.to_string()),
        (None, Some(new)) => {
            // After the last plain `key = value` of the record: sub-tables
            // (`[step.perspectives]`) come after it.
            let last = entries
                .iter()
                .filter(|(_, n)| !is_table_like(n))
                .map(|(_, n)| n.span.end)
                .max();
            let last = match (last, top) {
                (Some(last), _) => last,
                // A file of tables only (`[[step]]`): the first key goes
                // after its leading comments, before the first table.
                (None, true) => {
                    let at = first_content_line(text);
                    let nl = crate::source::line_ending(text);
                    let key = if is_bare_key(key) {
                        key.to_string()
                    } else {
                        toml_string(key)
                    };
                    let blank = if text[at..].starts_with(['\r', '\n']) || at == text.len() {
                        ""
                    } else {
                        nl
                    };
                    return reparsed(
                        splice(text, at..at, &format!("{key} = {new}{nl}{blank}")),
                        file,
                    );
                }
                (None, false) => {
                    return Err(EditError::Missing {
                        file: file.into(),
                        what: what(),
                    });
                }
            };
            let at = end_of_line(text, last);
            let nl = crate::source::line_ending(text);
            let lead = if at == text.len() && !text.ends_with('\n') {
                nl
            } else {
                ""
            };
            let key = if is_bare_key(key) {
                key.to_string()
            } else {
                toml_string(key)
            };
            splice(text, at..at, &format!("{lead}{key} = {new}{nl}"))
        }
    };
    reparsed(out, file)
}

/// Adds a table `[[array.sub]]` with the given `key = value` lines at the end
/// of the record `[[array]]` whose id is `id` (after everything it holds).
pub fn append_subtable(
    text: &str,
    file: &str,
    array: &str,
    id: &str,
    sub: &str,
    lines: &[(&str, String)],
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return append_subtable(rest, file, array, id, sub, lines).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let table = record(&root, array, id).ok_or_else(|| EditError::Missing {
        file: file.into(),
        what: format!("{array} `{id}`"),
    })?;
    let last = deepest_end(table);
    let at = end_of_line(text, last);
    let nl = crate::source::line_ending(text);
    let mut add = String::new();
    if at == text.len() && !text.ends_with('\n') {
        add.push_str(nl);
    }
    add.push_str(nl);
    add.push_str(&format!("[[{array}.{sub}]]{nl}"));
    for (k, v) in lines {
        add.push_str(&format!("{k} = {v}{nl}"));
    }
    reparsed(splice(text, at..at, &add), file)
}

/// Adds `item` (a TOML literal) at the end of the top-level list `key`, or
/// adds `key = [item]` after the last top-level `key = value` line when
/// there is no such list.
pub fn append_to_list(text: &str, file: &str, key: &str, item: &str) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return append_to_list(rest, file, key, item).map(|out| format!("{BOM}{out}"));
    }
    let root = parse(text, file).map_err(|why| EditError::Unreadable {
        file: file.into(),
        why,
    })?;
    let Value::Table(entries) = &root.value else {
        return Err(EditError::Missing {
            file: file.into(),
            what: "top-level table".into(),
        });
    };
    let out = match entries.iter().find(|(k, _)| k.name == key) {
        Some((_, node)) => {
            let Value::Array(items) = &node.value else {
                return Err(by_hand(key, file, "list"));
            };
            let close = node.span.end.saturating_sub(1);
            if text.as_bytes().get(close) != Some(&b']') {
                return Err(by_hand(key, file, "list"));
            }
            match items.last() {
                Some(last) => splice(text, last.span.end..last.span.end, &format!(", {item}")),
                None => splice(text, close..close, item),
            }
        }
        None => {
            let last = entries
                .iter()
                .filter(|(_, n)| !is_table_like(n))
                .map(|(_, n)| n.span.end)
                .max();
            let nl = crate::source::line_ending(text);
            let at = match last {
                Some(end) => end_of_line(text, end),
                None => first_content_line(text),
            };
            let lead = if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
                nl
            } else {
                ""
            };
            splice(text, at..at, &format!("{lead}{key} = [{item}]{nl}"))
        }
    };
    reparsed(out, file)
}

/// Where a new first key goes: after the leading comment lines (`#:schema`).
fn first_content_line(text: &str) -> usize {
    let mut at = 0;
    while at < text.len() && text[at..].starts_with('#') {
        at = end_of_line(text, at);
    }
    at
}

pub(super) fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether a table is written inline, `{ key = value, … }`.
pub(super) fn is_inline(text: &str, table: &Node) -> bool {
    let start = text.get(table.span.clone()).unwrap_or("");
    start.starts_with('{')
}

/// Tables and arrays of tables: written as their own `[header]` sections.
fn is_table_like(node: &Node) -> bool {
    match &node.value {
        Value::Table(_) => true,
        Value::Array(items) => {
            !items.is_empty() && items.iter().all(|n| matches!(n.value, Value::Table(_)))
        }
        _ => false,
    }
}

/// The furthest byte any value inside `node` reaches.
pub(super) fn deepest_end(node: &Node) -> usize {
    let inner = match &node.value {
        Value::Table(entries) => entries.iter().map(|(_, n)| deepest_end(n)).max(),
        Value::Array(items) => items.iter().map(deepest_end).max(),
        _ => None,
    };
    inner.unwrap_or(0).max(node.span.end)
}

pub(super) fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

/// The front matter of `text` as it is now, to be edited: refused when it
/// cannot be read or the file has none.
pub(super) fn front_matter(text: &str, file: &str) -> Result<node::FrontMatter, EditError> {
    let source = Source::new(file, text.to_string());
    let front = node::parse_front_matter(&source).map_err(|f| EditError::Unreadable {
        file: file.into(),
        why: f.message.clone(),
    })?;
    if !front.present {
        return Err(EditError::Missing {
            file: file.into(),
            what: "front matter".into(),
        });
    }
    Ok(front)
}

/// `out` if its front matter still parses, else why the edit would break it.
pub(super) fn reparsed_front_matter(out: String, file: &str) -> Result<String, EditError> {
    let check = Source::new(file, out.clone());
    match node::parse_front_matter(&check) {
        Ok(_) => Ok(out),
        Err(f) => Err(EditError::WouldBreak {
            file: file.into(),
            why: f.message.clone(),
        }),
    }
}

/// `out` if it still parses as TOML, else why the edit would break it.
pub(super) fn reparsed(out: String, file: &str) -> Result<String, EditError> {
    match parse(&out, file) {
        Ok(_) => Ok(out),
        Err(why) => Err(EditError::WouldBreak {
            file: file.into(),
            why,
        }),
    }
}

/// How an answer's status is chosen in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerForm {
    /// `answered`, `open`, `not-applicable` or `deferred`.
    pub status: String,
    /// The answer (or notes kept under a status line), Markdown.
    pub text: String,
    /// Why it is not applicable or deferred.
    pub reason: String,
    /// Who will answer a deferred question.
    pub owner: String,
    /// By when, YYYY-MM-DD.
    pub until: String,
}

impl AnswerForm {
    /// Settles the status the way the room means it: words typed into the
    /// box of a question left Open (or with no status chosen) make it
    /// answered. Returns whether the status changed that way, so the page
    /// can say so.
    pub fn settle(&mut self) -> bool {
        let open = matches!(self.status.trim(), "" | "open");
        if open && has_words(&self.text.replace("\r\n", "\n")) {
            self.status = "answered".into();
            return true;
        }
        if self.status.trim().is_empty() {
            self.status = "open".into();
        }
        false
    }
}

/// The fingerprint a question's form carries: of its answer as written
/// (a walk-through's lead only), or of nothing when the file has no
/// heading for it yet. A save conflicts only when that question changed on
/// disk since its form was made, not when another question of the file did.
pub fn question_fingerprint(raw: Option<&str>) -> String {
    fingerprint(raw.unwrap_or("").as_bytes())
}

/// The Markdown that goes under a question's heading for what the form says
/// (the status line `Not applicable: …` or `Deferred: …`, as
/// docs/format.md describes, then the text).
pub fn answer_body(form: &AnswerForm) -> Result<String, EditError> {
    // What is wrong, in the page's language.
    let bad = |id: &str, args: &[(&str, crate::i18n::Arg)]| {
        EditError::BadValue(crate::serve::words::t(id, args))
    };
    let text = form.text.replace("\r\n", "\n");
    let text = text.trim_matches('\n').trim_end();
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reason = one_line(&form.reason);
    // The marks in the workbook's language, as its pages print them (any
    // language's marks read back the same; the date stays YYYY-MM-DD).
    let lang = crate::serve::words::catalogue().lang();
    let mark = |m| crate::workbook::status_words::word(m, lang);
    use crate::workbook::status_words::Mark;
    let head = match form.status.as_str() {
        "answered" if text.trim().is_empty() => {
            return Err(bad("http-answer-needs-text", &[]));
        }
        "answered" => String::new(),
        "open" => String::new(),
        "not-applicable" if reason.is_empty() => {
            return Err(bad("http-na-needs-reason", &[]));
        }
        "not-applicable" => format!("{} {reason}", mark(Mark::NotApplicable)),
        "deferred" if reason.is_empty() => {
            return Err(bad("http-deferred-needs-reason", &[]));
        }
        "deferred" => {
            let mut head = format!("{} {reason}", mark(Mark::Deferred));
            let owner = one_line(&form.owner);
            if !owner.is_empty() {
                head.push_str(&format!("\n{} {owner}", mark(Mark::Owner)));
            }
            let until = form.until.trim();
            if !until.is_empty() {
                if crate::spec::parse_date(until).is_none() {
                    return Err(bad("http-not-a-date", &[("value", until.into())]));
                }
                head.push_str(&format!("\n{} {until}", mark(Mark::Until)));
            }
            head
        }
        other => return Err(bad("http-unknown-status", &[("status", other.into())])),
    };
    if form.status == "open" {
        // An open question keeps its scaffolding (sub-headings, prompts);
        // words of an answer would make it answered.
        if has_words(text) {
            return Err(bad("http-open-with-text", &[]));
        }
        return Ok(text.to_string());
    }
    Ok(match (head.is_empty(), text.trim().is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => head,
        (false, false) => format!("{head}\n\n{text}"),
    })
}

/// The form's fields for an answer as written: the status as the parser
/// reads it, and the text as written under the heading (`raw`: sub-headings
/// and comments kept, so that saving it unchanged changes nothing), without
/// the status paragraph of a question that is not applicable or deferred.
pub fn answer_form(answer: Option<&crate::workbook::answers::Answer>, raw: &str) -> AnswerForm {
    use crate::workbook::answers::Status;
    let raw = raw.replace("\r\n", "\n");
    let after_status = || match raw.trim().find("\n\n") {
        Some(i) => raw.trim()[i..].trim_matches('\n').to_string(),
        None => String::new(),
    };
    let status = answer.map_or(&Status::Open, |a| &a.status);
    match status {
        Status::Open => AnswerForm {
            status: "open".into(),
            text: raw.trim_matches('\n').to_string(),
            ..AnswerForm::default()
        },
        Status::Answered => AnswerForm {
            status: "answered".into(),
            text: raw.trim_matches('\n').to_string(),
            ..AnswerForm::default()
        },
        Status::NotApplicable { reason } => AnswerForm {
            status: "not-applicable".into(),
            reason: reason.clone(),
            text: after_status(),
            ..AnswerForm::default()
        },
        Status::Deferred {
            reason,
            owner,
            until,
        } => AnswerForm {
            status: "deferred".into(),
            reason: reason.clone(),
            owner: owner.clone().unwrap_or_default(),
            until: until.clone().unwrap_or_default(),
            text: after_status(),
        },
    }
}

/// The form's fields for a walk-through's lead text (`raw`, as written
/// before the first persona's part): as [`answer_form`], except that a
/// question answered by its parts alone shows its lead as open (empty),
/// so that saving the lead unchanged changes nothing.
pub fn lead_form(answer: Option<&crate::workbook::answers::Answer>, raw: &str) -> AnswerForm {
    let mut form = answer_form(answer, raw);
    if form.status == "answered" && !has_words(raw) {
        form.status = "open".into();
    }
    form
}

/// Whether Markdown says anything beyond headings and comments (an open
/// question's scaffolding).
pub fn has_words(text: &str) -> bool {
    crate::workbook::answers::strip_comments(text)
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Replaces the Markdown body of a file with YAML front matter (a
/// persona's story), keeping the front matter byte for byte.
pub fn set_body(text: &str, file: &str, body: &str) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_body(rest, file, body).map(|out| format!("{BOM}{out}"));
    }
    let source = Source::new(file, text.to_string());
    let front = node::parse_front_matter(&source).map_err(|f| EditError::Unreadable {
        file: file.into(),
        why: f.message.clone(),
    })?;
    let nl = crate::source::line_ending(text);
    let body = body.replace("\r\n", "\n");
    let body = body.trim_matches('\n').trim_end();
    let mut out = text[..front.body_start].to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !body.is_empty() {
        if front.present {
            out.push_str(nl);
        }
        out.push_str(&body.lines().collect::<Vec<_>>().join(nl));
        out.push_str(nl);
    }
    Ok(out)
}

/// Sets a value in a map of the YAML front matter (`figures: share_percent:`)
/// to `literal` (a YAML scalar), replacing only its bytes when it is written
/// on one line; a missing key is added under the map.
pub fn set_front_matter_field(
    text: &str,
    file: &str,
    map: &str,
    key: &str,
    literal: Option<&str>,
) -> Result<String, EditError> {
    if let Some(rest) = text.strip_prefix(BOM) {
        return set_front_matter_field(rest, file, map, key, literal)
            .map(|out| format!("{BOM}{out}"));
    }
    let front = front_matter(text, file)?;
    let nl = crate::source::line_ending(text);
    let parent = front.node.get(map);
    let existing = parent.and_then(|p| p.get(key).map(|n| (p.key(key), n)));
    let out = match (existing, literal) {
        (Some((_, node)), Some(new)) if !node.span.is_empty() => {
            splice(text, node.span.clone(), new)
        }
        (Some((Some(k), _)), None) => {
            let start = start_of_line(text, k.span.start);
            splice(text, start..end_of_line(text, k.span.start), "")
        }
        (None, None) => return Ok(text.to_string()),
        (None, Some(new)) => match parent.and_then(|p| front.node.key(map).map(|k| (p, k))) {
            Some((p, k)) => {
                let indent = match &p.value {
                    Value::Table(entries) => entries
                        .first()
                        .map(|(k, _)| k.span.start - start_of_line(text, k.span.start))
                        .unwrap_or(2),
                    _ => {
                        return Err(by_hand(map, file, "table"));
                    }
                };
                let end = match &p.value {
                    Value::Table(entries) if !entries.is_empty() => end_of_line(
                        text,
                        entries
                            .iter()
                            .map(|(k, n)| deepest_end(n).max(k.span.end))
                            .max()
                            .unwrap_or(k.span.end),
                    ),
                    _ => end_of_line(text, k.span.end),
                };
                splice(
                    text,
                    end..end,
                    &format!("{}{key}: {new}{nl}", " ".repeat(indent)),
                )
            }
            None => {
                // Just before the closing `---` line.
                let at = start_of_line(text, front.body_start.saturating_sub(1));
                splice(text, at..at, &format!("{map}:{nl}  {key}: {new}{nl}"))
            }
        },
        _ => {
            return Err(by_hand(&format!("{map}.{key}"), file, "line"));
        }
    };
    reparsed_front_matter(out, file)
}

/// The text of an answer file with `body` under the question `id`, through
/// the same splice `covalue import` uses.
pub fn put_answer(
    text: &str,
    section: &crate::guide::Section,
    id: &str,
    heading: &str,
    body: &str,
) -> String {
    crate::session::import::put_answer(text, section, id, heading, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "#:schema ../../schemas/process-map.schema.json\n# the map\n\n[[step]]\nid = \"a\"\ntitle = \"First\" # keep me\ncoproduction = \"none\"\n\n[step.perspectives]\nnurse = \"x\"\n\n[[step]]\nid = \"b\"\ntitle = \"Second\"\n";

    #[test]
    fn a_field_is_replaced_in_place_and_nothing_else_moves() {
        let f = Field {
            array: "step",
            id: "a",
            key: "coproduction",
        };
        let out = set_toml_field(MAP, "m", f, Some("\"shared-planning\"")).unwrap();
        assert_eq!(
            out,
            MAP.replace(
                "coproduction = \"none\"",
                "coproduction = \"shared-planning\""
            )
        );
        let f = Field { key: "title", ..f };
        let out = set_toml_field(MAP, "m", f, Some(&toml_string("Un \"deux\""))).unwrap();
        assert!(
            out.contains("title = \"Un \\\"deux\\\"\" # keep me\n"),
            "{out}"
        );
    }

    #[test]
    fn a_byte_order_mark_moves_no_splice() {
        let f = Field {
            array: "step",
            id: "a",
            key: "coproduction",
        };
        let bom = format!("\u{feff}{MAP}");
        let out = set_toml_field(&bom, "m", f, Some("\"shared-planning\"")).unwrap();
        let want = set_toml_field(MAP, "m", f, Some("\"shared-planning\"")).unwrap();
        assert_eq!(out, format!("\u{feff}{want}"));
        let persona = "\u{feff}---\nname: Sara\n---\n\nOld story.\n";
        let out = set_body(persona, "p.md", "New story.").unwrap();
        assert_eq!(out, "\u{feff}---\nname: Sara\n---\n\nNew story.\n");
    }

    #[test]
    fn a_missing_field_is_added_before_the_sub_tables() {
        let f = Field {
            array: "step",
            id: "a",
            key: "opportunity",
        };
        let out = set_toml_field(MAP, "m", f, Some("\"Ask\"")).unwrap();
        assert_eq!(
            out,
            MAP.replace(
                "coproduction = \"none\"\n",
                "coproduction = \"none\"\nopportunity = \"Ask\"\n"
            )
        );
        let f = Field { id: "b", ..f };
        let out = set_toml_field(MAP, "m", f, Some("\"Later\"")).unwrap();
        assert!(out.ends_with("title = \"Second\"\nopportunity = \"Later\"\n"));
        let removed = set_toml_field(&out, "m", f, None).unwrap();
        assert_eq!(removed, MAP);
    }

    #[test]
    fn a_broken_literal_is_refused() {
        let f = Field {
            array: "step",
            id: "a",
            key: "title",
        };
        let err = set_toml_field(MAP, "m", f, Some("\"open")).unwrap_err();
        assert!(matches!(err, EditError::WouldBreak { .. }));
    }

    #[test]
    fn a_list_grows_in_place_or_is_added() {
        let text =
            "#:schema x\ndate = 2026-12-03\nfocus = [\"access\"]\n\n[[attendees]]\nname = \"A\"\n";
        let out = append_to_list(text, "s", "answered", "\"q1\"").unwrap();
        assert_eq!(
            out,
            text.replace(
                "focus = [\"access\"]\n",
                "focus = [\"access\"]\nanswered = [\"q1\"]\n"
            )
        );
        let out2 = append_to_list(&out, "s", "answered", "\"q2\"").unwrap();
        assert!(out2.contains("answered = [\"q1\", \"q2\"]\n"));
    }

    #[test]
    fn a_value_is_added_at_the_end_of_its_measure() {
        let text = "[[measure]]\nid = \"m\"\n\n[[measure.value]]\ndate = 2026-01-01\nvalue = 3\n\n[[measure]]\nid = \"n\"\n";
        let out = append_subtable(
            text,
            "c",
            "measure",
            "m",
            "value",
            &[("date", "2026-02-01".into()), ("value", "4".into())],
        )
        .unwrap();
        assert_eq!(
            out,
            text.replace(
                "value = 3\n",
                "value = 3\n\n[[measure.value]]\ndate = 2026-02-01\nvalue = 4\n"
            )
        );
    }

    #[test]
    fn words_in_an_open_question_answer_it_and_scaffolding_keeps_it_open() {
        let mut typed = AnswerForm {
            status: "open".into(),
            text: "### Who\r\n\r\nThe nurse.".into(),
            ..AnswerForm::default()
        };
        assert!(typed.settle());
        assert_eq!(typed.status, "answered");
        let mut scaffold = AnswerForm {
            status: String::new(),
            text: "### Who\n\n<!-- a prompt -->".into(),
            ..AnswerForm::default()
        };
        assert!(!scaffold.settle());
        assert_eq!(scaffold.status, "open");
        let mut deferred = AnswerForm {
            status: "deferred".into(),
            text: "Notes.".into(),
            ..AnswerForm::default()
        };
        assert!(!deferred.settle());
        assert_eq!(deferred.status, "deferred");
    }

    #[test]
    fn statuses_are_written_as_the_format_says() {
        let form = AnswerForm {
            status: "deferred".into(),
            reason: "Needs finance".into(),
            owner: "Ola".into(),
            until: "2027-01-31".into(),
            text: String::new(),
        };
        assert_eq!(
            answer_body(&form).unwrap(),
            "Deferred: Needs finance\nOwner: Ola\nUntil: 2027-01-31"
        );
        // In a Swedish workbook, in the words its pages print (which read
        // back as the same deferral); the date stays YYYY-MM-DD.
        let sv = crate::serve::words::Speaking {
            catalogue: std::sync::Arc::new(crate::i18n::Catalogue::builtin(crate::i18n::Lang::Sv)),
            title: "Hjärtsvikt".into(),
        };
        let swedish = crate::serve::words::during(sv, || answer_body(&form));
        assert_eq!(
            swedish.unwrap(),
            "Uppskjuten: Needs finance\nAnsvarig: Ola\nTill: 2027-01-31"
        );
        let bad = AnswerForm {
            until: "soon".into(),
            ..form
        };
        assert!(answer_body(&bad).is_err());
    }

    #[test]
    fn a_persona_story_and_figure_change_alone() {
        let text =
            "---\nname: A\nfigures:\n  share_percent: 21\n  currency: SEK\n---\n\nOld story.\n";
        let out = set_body(text, "p", "New story.").unwrap();
        assert_eq!(out, text.replace("Old story.", "New story."));
        let out =
            set_front_matter_field(text, "p", "figures", "share_percent", Some("30")).unwrap();
        assert_eq!(out, text.replace("21", "30"));
        let out =
            set_front_matter_field(text, "p", "figures", "annual_cost", Some("1000")).unwrap();
        assert!(
            out.contains("  currency: SEK\n  annual_cost: 1000\n---"),
            "{out}"
        );
    }
}
