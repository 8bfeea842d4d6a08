//! A small tree of values with their positions, read from TOML or from YAML
//! front matter, so that every record can be checked field by field and every
//! problem pointed at its line and column.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::finding::Finding;
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
            Ok(Node {
                value: Value::Table(convert_table(table.into_inner())),
                span,
            })
        }
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim().trim_end_matches('.').to_string();
            Err(Box::new(
                Finding::error("CV002", format!("this TOML file cannot be read: {message}"))
                    .at(source, span)
                    .help("fix the syntax at this place; `covalue explain CV002` shows common TOML mistakes"),
            ))
        }
    }
}

fn convert_table(table: DeTable<'_>) -> Vec<(Key, Node)> {
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
                    value: convert_value(v.into_inner()),
                    span,
                },
            )
        })
        .collect();
    entries.sort_by_key(|(k, _)| k.span.start);
    entries
}

fn convert_value(value: DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => Value::Str(s.into_owned()),
        DeValue::Integer(i) => {
            let text = i.as_str().replace('_', "");
            let digits = text.trim_start_matches(['+', '-']);
            let negative = text.starts_with('-');
            let parsed = match i.radix() {
                10 => text.parse::<i64>().ok(),
                radix => i64::from_str_radix(digits.get(2..).unwrap_or(""), radix)
                    .ok()
                    .map(|v| if negative { -v } else { v }),
            };
            match parsed {
                Some(v) => Value::Int(v),
                None => Value::Str(text),
            }
        }
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Date(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| {
                    let span = v.span();
                    Node {
                        value: convert_value(v.into_inner()),
                        span,
                    }
                })
                .collect(),
        ),
        DeValue::Table(t) => Value::Table(convert_table(t)),
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
                "CV002",
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
                "CV002",
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
                    let node = self.convert(v, key_span.end, value_end.max(key_span.end));
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

    /// The span of `key:` at the start of a line (after indentation) from `from` on.
    fn find_key(&self, key: &str, from: usize, end: usize) -> Option<Range<usize>> {
        let text = self
            .source
            .text
            .get(self.offset.max(from)..end.min(self.end))?;
        let base = self.offset.max(from);
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '\t', '-']).trim_start();
            let indent = line.len() - trimmed.len();
            for candidate in [key.to_string(), format!("\"{key}\""), format!("'{key}'")] {
                if let Some(rest) = trimmed.strip_prefix(candidate.as_str()) {
                    if rest.trim_start().starts_with(':') {
                        let s = base + pos + indent;
                        return Some(s..s + candidate.len());
                    }
                }
            }
            pos += line.len();
        }
        None
    }

    fn line_end(&self, from: usize) -> usize {
        self.source
            .text
            .get(from..)
            .and_then(|t| t.find('\n'))
            .map_or(self.source.text.len(), |i| from + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(err, Some(("CV002", Some(2))));
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
