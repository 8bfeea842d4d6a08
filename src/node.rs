//! A small tree of values with their positions, read from TOML or from YAML
//! front matter, so that every record can be checked field by field and every
//! problem pointed at its line and column.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::finding::{Code, Finding};
use crate::source::Source;

/// A value with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it is in its source.
    pub span: Range<usize>,
}

/// A key of a table, with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's name.
    pub name: String,
    /// Where it is in its source.
    pub span: Range<usize>,
}

/// The kinds of values a record can hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string.
    Str(String),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// true or false.
    Bool(bool),
    /// A date or date-time, as written.
    Date(String),
    /// A list.
    Array(Vec<Node>),
    /// A table, keys in the order of the source.
    Table(Vec<(Key, Node)>),
}

impl Value {
    /// The name of the type, as a user would say it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Bool(_) => "true or false",
            // TOML's date-times and times are read as written: say which.
            Value::Date(d) if d.contains(':') && d.contains('-') => "a date and time",
            Value::Date(d) if d.contains(':') => "a time",
            Value::Date(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        }
    }
}

impl Node {
    /// The entries of a table (empty for anything else).
    pub fn entries(&self) -> &[(Key, Node)] {
        match &self.value {
            Value::Table(entries) => entries,
            _ => &[],
        }
    }

    /// The value of a key of a table.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// The key of a table entry, with its span.
    pub fn key(&self, key: &str) -> Option<&Key> {
        self.entries()
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k)
    }

    /// A string value of a key.
    pub fn str(&self, key: &str) -> Option<&str> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// A string value of a key, owned.
    pub fn string(&self, key: &str) -> Option<String> {
        self.str(key).map(str::to_string)
    }

    /// A whole number value of a key.
    pub fn int(&self, key: &str) -> Option<i64> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// A number (whole or not) value of a key.
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Int(i)) => Some(*i as f64),
            Some(Value::Float(f)) => Some(*f),
            _ => None,
        }
    }

    /// A boolean value of a key.
    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// A date value of a key (a TOML date or a string), as written.
    pub fn date(&self, key: &str) -> Option<String> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Date(d)) | Some(Value::Str(d)) => Some(d.clone()),
            _ => None,
        }
    }

    /// The items of a list value of a key.
    pub fn array(&self, key: &str) -> &[Node] {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Array(items)) => items,
            _ => &[],
        }
    }

    /// The string items of a list value of a key (others are skipped).
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.array(key)
            .iter()
            .filter_map(|n| match &n.value {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }

    /// The string entries of a table value of a key, in source order.
    pub fn string_map(&self, key: &str) -> Vec<(String, String)> {
        self.get(key)
            .map(|t| {
                t.entries()
                    .iter()
                    .filter_map(|(k, v)| match &v.value {
                        Value::Str(s) => Some((k.name.clone(), s.clone())),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Parses a TOML document into a tree; a syntax error becomes a finding.
pub fn parse_toml(source: &Source) -> Result<Node, Box<Finding>> {
    match DeTable::parse(&source.text) {
        Ok(table) => {
            let span = table.span();
            let mut bad = None;
            let value = Value::Table(convert_table(table.into_inner(), &mut bad));
            // The parser checks numbers only lexically: `0x` or a number
            // beyond 64 bits gets here, and must not pass as text.
            if let Some((span, text)) = bad {
                return Err(Box::new(
                    Finding::error(Code::CV002, format!("this TOML file cannot be read: `{text}` is not a number covalue can read"))
                        .at(source, span)
                        .help("write a whole number of at most 19 digits (or 0x…, 0o…, 0b… with digits after the prefix), or put text in quotes"),
                ));
            }
            Ok(Node { value, span })
        }
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim().trim_end_matches('.').to_string();
            Err(Box::new(
                Finding::error(Code::CV002, format!("this TOML file cannot be read: {message}"))
                    .at(source, span)
                    .help("fix the syntax at this place; `covalue explain CV002` shows common TOML mistakes"),
            ))
        }
    }
}

/// The first number the parser let through that is not one: where, and as written.
type BadNumber = Option<(Range<usize>, String)>;

fn convert_table(table: DeTable<'_>, bad: &mut BadNumber) -> Vec<(Key, Node)> {
    let mut entries: Vec<(Key, Node)> = table
        .into_iter()
        .map(|(k, v)| {
            let key = Key {
                name: k.get_ref().to_string(),
                span: k.span(),
            };
            let span = v.span();
            (
                key,
                Node {
                    value: convert_value(v.into_inner(), span.clone(), bad),
                    span,
                },
            )
        })
        .collect();
    entries.sort_by_key(|(k, _)| k.span.start);
    entries
}

fn convert_value(value: DeValue<'_>, span: Range<usize>, bad: &mut BadNumber) -> Value {
    match value {
        DeValue::String(s) => Value::Str(s.into_owned()),
        // as_str is the digits without the radix prefix, ready for from_str_radix.
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(v) => Value::Int(v),
            Err(_) => {
                bad.get_or_insert((span, i.to_string()));
                Value::Str(i.to_string())
            }
        },
        DeValue::Float(f) => match f.as_str().replace('_', "").parse() {
            Ok(v) => Value::Float(v),
            Err(_) => {
                bad.get_or_insert((span, f.as_str().to_string()));
                Value::Float(f64::NAN)
            }
        },
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Date(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| {
                    let span = v.span();
                    Node {
                        value: convert_value(v.into_inner(), span.clone(), bad),
                        span,
                    }
                })
                .collect(),
        ),
        DeValue::Table(t) => Value::Table(convert_table(t, bad)),
    }
}

/// YAML front matter found at the top of a Markdown file.
#[derive(Debug)]
pub struct FrontMatter {
    /// The parsed fields (an empty table when there is no front matter).
    pub node: Node,
    /// Where the Markdown body starts (byte offset).
    pub body_start: usize,
    /// Whether the file had front matter at all.
    pub present: bool,
}

/// Splits and parses the YAML front matter of a Markdown file.
pub fn parse_front_matter(source: &Source) -> Result<FrontMatter, Box<Finding>> {
    let text = &source.text;
    let empty = |body_start| FrontMatter {
        node: Node {
            value: Value::Table(Vec::new()),
            span: 0..0,
        },
        body_start,
        present: false,
    };
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(empty(0));
    }
    let mut offset = first_line_end;
    let mut close = None;
    for line in text[first_line_end..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = close else {
        return Err(boxed(
            Finding::error(
                Code::CV002,
                "the front matter that starts on line 1 is never closed",
            )
            .at_line(source, 1, 1)
            .help("end the front matter with a line of three hyphens `---` before the text"),
        ));
    };
    let yaml = &text[first_line_end..yaml_end];
    if yaml.trim().is_empty() {
        return Ok(FrontMatter {
            node: Node {
                value: Value::Table(Vec::new()),
                span: first_line_end..yaml_end,
            },
            body_start,
            present: true,
        });
    }
    if let Some(node) = simple_yaml(yaml, first_line_end) {
        return Ok(FrontMatter {
            node,
            body_start,
            present: true,
        });
    }
    if let Some(problem) = yaml_limits(yaml) {
        return Err(boxed(
            Finding::error(
                Code::CV002,
                format!("the front matter cannot be read: {problem}"),
            )
            .at_line(source, source.pos(first_line_end).line, 1)
            .help("front matter holds a few `key: value` lines (name, kind, segment, figures); move long text below the closing `---`"),
        ));
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(err) => {
            let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = err.to_string();
            let message = message
                .split(" at line")
                .next()
                .unwrap_or(&message)
                .to_string();
            let file_line = source.pos(first_line_end).line + line.saturating_sub(1);
            return Err(boxed(Finding::error(
                Code::CV002,
                format!("the front matter cannot be read: {message}"),
            )
            .at_line(source, file_line, column)
            .help(
                "front matter is YAML: one `key: value` per line; put text with a colon in quotes",
            )));
        }
    };
    let mut locator = YamlLocator {
        source,
        offset: first_line_end,
        end: yaml_end,
    };
    let node = match value {
        serde_yaml::Value::Null => Node {
            value: Value::Table(Vec::new()),
            span: first_line_end..yaml_end,
        },
        other => locator.convert(other, first_line_end, yaml_end),
    };
    Ok(FrontMatter {
        node,
        body_start,
        present: true,
    })
}

/// Reads the plain subset of YAML that front matter nearly always is:
/// `key: value` lines, and `key:` followed by indented `key: value` lines,
/// with plain or simply quoted scalars and `#` comment lines. It gives exact
/// positions and is much faster than the full YAML parser; for anything
/// else (flow collections, block scalars, escapes, anchors, tabs, repeated
/// keys…) it returns None and the YAML parser reads the text.
/// The most front matter covalue hands to the YAML parser (a persona's is a
/// few hundred bytes).
const MAX_YAML_BYTES: usize = 256 << 10;

/// The deepest nesting of lists and maps written inline (`[[…]]`, `- - x`)
/// that front matter may have; a persona's figures need two.
const MAX_YAML_NESTING: usize = 32;

/// Why front matter is too big or too deeply nested to parse, if it is: the
/// YAML parser slows down badly on thousands of nested levels, so a
/// workbook from elsewhere could otherwise stall covalue.
fn yaml_limits(yaml: &str) -> Option<String> {
    if yaml.len() > MAX_YAML_BYTES {
        return Some(format!(
            "it is {} KiB, more than the {} KiB covalue reads",
            yaml.len().div_ceil(1024),
            MAX_YAML_BYTES >> 10
        ));
    }
    let mut deepest = 0usize;
    for line in yaml.lines() {
        // Block lists opened on one line: `- - - x`.
        let mut rest = line.trim_start();
        let mut depth = 0usize;
        while let Some(after) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('?')) {
            if !(after.is_empty() || after.starts_with([' ', '\t'])) {
                break;
            }
            depth += 1;
            rest = after.trim_start();
        }
        deepest = deepest.max(depth);
    }
    // Flow collections, outside quoted strings.
    let (mut flow, mut quote) = (0usize, None);
    for c in yaml.chars() {
        match (quote, c) {
            // A quote left open ends with its line here: a stray apostrophe
            // must not hide the brackets after it.
            (_, '\n') => quote = None,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => {
                flow += 1;
                deepest = deepest.max(flow);
            }
            (None, ']' | '}') => flow = flow.saturating_sub(1),
            _ => {}
        }
        if deepest > MAX_YAML_NESTING {
            break;
        }
    }
    (deepest > MAX_YAML_NESTING)
        .then(|| format!("it nests lists or maps more than {MAX_YAML_NESTING} levels deep"))
}

fn simple_yaml(text: &str, offset: usize) -> Option<Node> {
    type Table = Vec<(Key, Node)>;
    fn has(table: &Table, key: &str) -> bool {
        table.iter().any(|(k, _)| k.name == key)
    }
    let mut top: Table = Vec::new();
    // The key of an open nested table, where its value starts, its indent, and its entries.
    let mut nested: Option<(Key, usize, usize, Table)> = None;
    let close = |nested: Option<(Key, usize, usize, Table)>, top: &mut Table, end: usize| {
        if let Some((key, start, _, entries)) = nested {
            let value = if entries.is_empty() {
                Value::Str(String::new())
            } else {
                Value::Table(entries)
            };
            top.push((
                key,
                Node {
                    value,
                    span: start..end,
                },
            ));
        }
    };
    let mut pos = offset;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let body = content.trim_start_matches(' ');
        if body.trim_end().is_empty() || body.starts_with('#') {
            continue;
        }
        if content.contains('\t') {
            return None;
        }
        let indent = content.len() - body.len();
        let (key, rest) = body.split_once(':')?;
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        let raw = rest.trim();
        let key_at = start + indent;
        let value_at = key_at + key.len() + 1 + (rest.len() - rest.trim_start().len());
        let key = Key {
            name: key.to_string(),
            span: key_at..key_at + key.len(),
        };
        let node = |raw: &str| {
            scalar(raw).map(|value| Node {
                value,
                span: value_at..value_at + raw.len(),
            })
        };
        if indent == 0 {
            close(nested.take(), &mut top, start);
            if has(&top, &key.name) {
                return None;
            }
            if raw.is_empty() {
                nested = Some((key, value_at, 0, Vec::new()));
            } else {
                top.push((key, node(raw)?));
            }
            continue;
        }
        let (_, _, nested_indent, entries) = nested.as_mut()?;
        if *nested_indent == 0 {
            *nested_indent = indent;
        }
        if indent != *nested_indent || raw.is_empty() || has(entries, &key.name) {
            return None;
        }
        entries.push((key, node(raw)?));
    }
    close(nested.take(), &mut top, pos);
    Some(Node {
        value: Value::Table(top),
        span: offset..pos,
    })
}

/// A plain or simply double-quoted YAML scalar, typed as YAML 1.2's core
/// schema types it; None for anything the full parser should read.
fn scalar(raw: &str) -> Option<Value> {
    if let Some(inner) = raw.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\'])).then(|| Value::Str(inner.to_string()));
    }
    let first = raw.chars().next()?;
    if "'[]{}|>&*!%@`,?#".contains(first)
        || raw.starts_with("- ")
        || raw == "-"
        || raw.contains(": ")
        || raw.contains(" #")
    {
        return None;
    }
    Some(match raw {
        "~" | "null" | "Null" | "NULL" => Value::Str(String::new()),
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                Value::Int(raw.parse().ok()?)
            } else if looks_like_float(digits) {
                Value::Float(raw.parse().ok()?)
            } else if digits.starts_with('.')
                || digits.starts_with("0x")
                || digits.starts_with("0o")
            {
                return None;
            } else {
                Value::Str(raw.to_string())
            }
        }
    })
}

/// `1.5`, `.5`, `2.`, `1e3`, `1.5E-2` (the sign already taken off).
fn looks_like_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok && (mantissa.contains('.') || exponent.is_some())
}

/// Finds the lines of YAML keys, since the YAML parser gives values without positions.
fn boxed(finding: Finding) -> Box<Finding> {
    Box::new(finding)
}

struct YamlLocator<'a> {
    source: &'a Source,
    offset: usize,
    end: usize,
}

impl YamlLocator<'_> {
    fn convert(&mut self, value: serde_yaml::Value, start: usize, end: usize) -> Node {
        let span = start..end;
        let value = match value {
            serde_yaml::Value::Null => Value::Str(String::new()),
            serde_yaml::Value::Bool(b) => Value::Bool(b),
            serde_yaml::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_yaml::Value::String(s) => Value::Str(s),
            serde_yaml::Value::Sequence(items) => Value::Array(
                items
                    .into_iter()
                    .map(|v| self.convert(v, start, end))
                    .collect(),
            ),
            serde_yaml::Value::Mapping(map) => {
                let mut entries = Vec::new();
                let mut cursor = start;
                for (k, v) in map {
                    let name = match k {
                        serde_yaml::Value::String(s) => s,
                        serde_yaml::Value::Number(n) => n.to_string(),
                        serde_yaml::Value::Bool(b) => b.to_string(),
                        _ => "?".to_string(),
                    };
                    let key_span = self.find_key(&name, cursor, end).unwrap_or(cursor..cursor);
                    cursor = key_span.end.min(end);
                    let nested = matches!(
                        v,
                        serde_yaml::Value::Mapping(_) | serde_yaml::Value::Sequence(_)
                    );
                    let value_end = if nested {
                        end
                    } else {
                        self.line_end(key_span.start).min(end)
                    };
                    let mut node = self.convert(v, key_span.end, value_end.max(key_span.end));
                    if !nested {
                        // Point at the value itself, not at the colon or a comment.
                        node.span = self.value_span(key_span.end, value_end.max(key_span.end));
                    }
                    entries.push((
                        Key {
                            name,
                            span: key_span,
                        },
                        node,
                    ));
                }
                Value::Table(entries)
            }
            serde_yaml::Value::Tagged(tagged) => {
                return self.convert(tagged.value, start, end);
            }
        };
        Node { value, span }
    }

    /// The span of `key:` from `from` on: at the start of a line (after
    /// indentation and list dashes), or inside a flow map after `{` or `,`;
    /// the key plain or in quotes, with or without spaces before the colon.
    fn find_key(&self, key: &str, from: usize, end: usize) -> Option<Range<usize>> {
        let base = self.offset.max(from);
        let text = self.source.text.get(base..end.min(self.end))?;
        let candidates = [key.to_string(), format!("\"{key}\""), format!("'{key}'")];
        let key_at = |at: usize| -> Option<Range<usize>> {
            let rest = &text[at..];
            candidates.iter().find_map(|c| {
                let after = rest.strip_prefix(c.as_str())?;
                after
                    .trim_start_matches([' ', '\t'])
                    .starts_with(':')
                    .then(|| base + at..base + at + c.len())
            })
        };
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '\t', '-']).trim_start();
            let indent = line.len() - trimmed.len();
            if !trimmed.starts_with('#') {
                if let Some(span) = key_at(pos + indent) {
                    return Some(span);
                }
                // Inside a flow map: `{name: Per, kind: carer}`.
                for (i, c) in line.char_indices() {
                    if c == '{' || c == ',' {
                        let after = &line[i + 1..];
                        let skip = after.len() - after.trim_start().len();
                        if let Some(span) = key_at(pos + i + 1 + skip) {
                            return Some(span);
                        }
                    }
                }
            }
            pos += line.len();
        }
        None
    }

    /// The span of a scalar value written after its key (`key_end`): past
    /// the colon, an anchor or a tag; a quoted value to its closing quote; a
    /// plain one to the end of its line, a comment (` #`), or in a flow map
    /// the `,` or `}` that ends it.
    fn value_span(&self, key_end: usize, end: usize) -> Range<usize> {
        let Some(text) = self.source.text.get(key_end..end.max(key_end)) else {
            return key_end..end;
        };
        let flow = self.source.text[..key_end]
            .trim_end_matches(|c: char| c != '{' && c != ',' && c != '\n')
            .ends_with(['{', ',']);
        let mut at = text.len() - text.trim_start_matches([' ', '\t']).len();
        if text[at..].starts_with(':') {
            at += 1;
        }
        loop {
            at += text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
            if text[at..].starts_with(['&', '!']) {
                at += text[at..]
                    .find([' ', '\t', '\n'])
                    .unwrap_or(text.len() - at);
            } else {
                break;
            }
        }
        let rest = &text[at..];
        let len = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => closing_quote(rest, q),
            _ => {
                let mut stop = rest.find('\n').unwrap_or(rest.len());
                if let Some(i) = rest[..stop].find(" #") {
                    stop = i;
                }
                if flow {
                    if let Some(i) = rest[..stop].find([',', '}']) {
                        stop = i;
                    }
                }
                rest[..stop].trim_end().len()
            }
        };
        let start = key_end + at;
        start..(start + len).min(end.max(start))
    }

    fn line_end(&self, from: usize) -> usize {
        self.source
            .text
            .get(from..)
            .and_then(|t| t.find('\n'))
            .map_or(self.source.text.len(), |i| from + i)
    }
}

/// The length of a quoted YAML scalar at the start of `text`, quotes
/// included: `"…"` with `\"` escapes, `'…'` with `''` for a quote; all of
/// `text` when it is never closed.
fn closing_quote(text: &str, quote: char) -> usize {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote && quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return i + c.len_utf8(),
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of a tree, without positions.
    fn plain(node: &Node) -> String {
        match &node.value {
            Value::Table(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}={}", k.name, plain(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Value::Array(items) => format!(
                "[{}]",
                items.iter().map(plain).collect::<Vec<_>>().join(",")
            ),
            other => format!("{other:?}"),
        }
    }

    /// What the full YAML parser makes of a front matter.
    fn full_parser(yaml: &str) -> Option<String> {
        let source = Source::new("p.md", yaml.to_string());
        let value: serde_yaml::Value = serde_yaml::from_str(yaml).ok()?;
        let mut locator = YamlLocator {
            source: &source,
            offset: 0,
            end: yaml.len(),
        };
        Some(match value {
            serde_yaml::Value::Null => "{}".to_string(),
            other => plain(&locator.convert(other, 0, yaml.len())),
        })
    }

    #[test]
    fn the_fast_front_matter_reader_agrees_with_the_yaml_parser() {
        let cases = [
            "name: Sara\nkind: patient\ncomposite: true\n",
            "name: \"Sara: the one\"\nkind: patient\n",
            "name: Åsa Lind\nsegment: Recently diagnosed, working age\n# a comment\nfigures:\n  share_percent: 21\n  contacts_per_year: 11.5\n  annual_cost: 96000\n  currency: SEK\ncomposite: true\n",
            "a: 1e3\nb: -7\nc: +3\nd: .5\ne: 2.\nf: ~\ng: null\nh: True\ni: FALSE\nj: yes\nk: 2026-11-26\nl: 1.5E-2\n",
            "empty:\nnext: x\n",
            "figures:\n    share_percent: 21\n    currency: SEK\n",
            "name: 'single'\n",
            "tags: [a, b]\n",
            "text: |\n  block\n",
            "name: a # comment\n",
            "name: Sara\nname: Anna\n",
            "name:\tSara\n",
            "list:\n  - a\n  - b\n",
            "a: 0x1F\nb: 0o17\nc: .inf\n",
            "name: \"esc\\\"aped\"\n",
            "url: http://example.org/x\n",
            "time: 12:30\n",
        ];
        for yaml in cases {
            let fast = simple_yaml(yaml, 0).map(|n| plain(&n));
            if let Some(fast) = fast {
                assert_eq!(Some(fast), full_parser(yaml), "{yaml:?}");
            }
        }
        // Every persona of the examples reads the same both ways, and fast.
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut seen = 0;
        for workbook in std::fs::read_dir(&examples).into_iter().flatten().flatten() {
            for population in std::fs::read_dir(workbook.path().join("populations"))
                .into_iter()
                .flatten()
                .flatten()
            {
                for persona in std::fs::read_dir(population.path().join("personas"))
                    .into_iter()
                    .flatten()
                    .flatten()
                {
                    let text = std::fs::read_to_string(persona.path()).unwrap_or_default();
                    let yaml = text.split("---\n").nth(1).unwrap_or("");
                    let fast = simple_yaml(yaml, 0).map(|n| plain(&n));
                    assert!(fast.is_some(), "{}", persona.path().display());
                    assert_eq!(fast, full_parser(yaml), "{}", persona.path().display());
                    seen += 1;
                }
            }
        }
        assert!(seen >= 7, "{seen} example personas");
        // The common shapes are read by the fast reader, not left to the parser.
        assert!(simple_yaml(cases[0], 0).is_some());
        assert!(simple_yaml(cases[2], 0).is_some());
        assert!(simple_yaml(cases[7], 0).is_none());
    }

    #[test]
    fn toml_keys_keep_source_order_and_spans() {
        let src = Source::new("a.toml", "b = 1\na = \"x\"\n[t]\nc = [1, 2]\n".to_string());
        let node = parse_toml(&src).unwrap_or_else(|f| panic!("{f:?}"));
        let names: Vec<_> = node
            .entries()
            .iter()
            .map(|(k, _)| k.name.as_str())
            .collect();
        assert_eq!(names, ["b", "a", "t"]);
        let key = node.key("a").map(|k| src.pos(k.span.start));
        assert_eq!(key.map(|p| p.line), Some(2));
    }

    #[test]
    fn toml_syntax_error_points_at_line() {
        let src = Source::new("a.toml", "a = 1\nb = \n".to_string());
        let err = parse_toml(&src).err().map(|f| (f.code, f.line));
        assert_eq!(err, Some((Code::CV002, Some(2))));
    }

    #[test]
    fn integers_in_every_radix_are_numbers() {
        let src = Source::new(
            "a.toml",
            "a = 0xFF\nb = 0o17\nc = 0b101\nd = 1_000\n".to_string(),
        );
        let node = parse_toml(&src).unwrap_or_else(|f| panic!("{f:?}"));
        let ints: Vec<_> = ["a", "b", "c", "d"].iter().map(|k| node.int(k)).collect();
        assert_eq!(ints, [Some(255), Some(15), Some(5), Some(1000)]);
    }

    #[test]
    fn numbers_the_parser_lets_through_are_syntax_errors() {
        for text in ["a = 1\nb = 0x\n", "a = 1\nb = 9223372036854775808\n"] {
            let src = Source::new("a.toml", text.to_string());
            let err = parse_toml(&src).err().map(|f| (f.code, f.line, f.column));
            assert_eq!(err, Some((Code::CV002, Some(2), Some(5))), "{text}");
        }
    }

    #[test]
    fn front_matter_keys_are_located() {
        let src = Source::new(
            "p.md",
            "---\nname: Sara\nfigures:\n  share_percent: 22\n---\nBody\n".to_string(),
        );
        let fm = parse_front_matter(&src).unwrap_or_else(|f| panic!("{f:?}"));
        assert!(fm.present);
        assert_eq!(&src.text[fm.body_start..], "Body\n");
        let figures = fm.node.get("figures");
        let share = figures
            .and_then(|f| f.key("share_percent"))
            .map(|k| src.pos(k.span.start).line);
        assert_eq!(share, Some(4));
        assert_eq!(fm.node.str("name"), Some("Sara"));
    }
}
