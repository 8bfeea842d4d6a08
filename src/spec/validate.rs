//! Checking a parsed file against its record's shape: unknown keys (with a
//! "did you mean"), missing keys, wrong types, ids that are not slugs, dates
//! that are not on the calendar and values outside a vocabulary. Every
//! problem becomes a finding at the value's position, named by its
//! [`KeyPath`].

use crate::finding::{Code, Finding};
use crate::node::{Key, Node, Value};
use crate::source::Source;

use super::{Field, Record, Ty, Vocab, Vocabularies, parse_date};

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word_l, &c.to_lowercase()), c))
        .filter(|(d, c)| {
            *d <= (c.chars().count().max(3) / 3).max(1)
                || c.replace(['_', '-', ' '], "") == word_l.replace(['_', '-', ' '], "")
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Where a value is in a file, such as `step[3].coproduction` (the third
/// step); written out only when a finding needs it. Items of a list are
/// counted from 1, as people count, in every message and in JSON.
#[derive(Debug, Clone, Copy)]
pub enum KeyPath<'a> {
    /// The whole file.
    Root,
    /// A key of a table.
    Key(&'a KeyPath<'a>, &'a str),
    /// An item of a list, by its position counted from 1.
    Item(&'a KeyPath<'a>, usize),
}

impl KeyPath<'_> {
    /// Whether this is the whole file.
    pub fn is_root(&self) -> bool {
        matches!(self, KeyPath::Root)
    }
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPath::Root => Ok(()),
            KeyPath::Key(parent, key) if parent.is_root() => f.write_str(key),
            KeyPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            KeyPath::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// Checks a table against a record's shape; reports every problem.
pub fn validate(
    node: &Node,
    record: &Record,
    vocab: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    let Value::Table(entries) = &node.value else {
        let finding = if path.is_root() {
            Finding::error(Code::CV004, format!("{} should hold keys and values, but it is {}", record.name, node.value.type_name()))
                .at(source, node.span.clone())
                .help(format!("write one `key = value` (TOML) or `key: value` (front matter) per line, with the keys {}", key_list(record)))
        } else {
            Finding::error(
                Code::CV004,
                format!(
                    "`{path}` should be a table, but it is {}",
                    node.value.type_name()
                ),
            )
            .at(source, node.span.clone())
            .help(format!(
                "write it as a table ([{path}]) with the keys {}",
                key_list(record)
            ))
        };
        out.push(finding);
        return;
    };
    for (key, value) in entries {
        let full = KeyPath::Key(path, &key.name);
        match record.fields.iter().find(|f| f.name == key.name) {
            Some(field) => validate_value(value, field, vocab, source, &full, out),
            None => out.push(unknown_key(key, record, source, path)),
        }
    }
    for field in record.fields.iter().filter(|f| f.required) {
        // A misspelt key is reported once, as unknown with its suggestion.
        let misspelt = entries.iter().any(|(k, _)| {
            !record.fields.iter().any(|f| f.name == k.name)
                && suggest(&k.name, record.fields.iter().map(|f| f.name)) == Some(field.name)
        });
        if !misspelt && !entries.iter().any(|(k, _)| k.name == field.name) {
            let what = if path.is_root() {
                format!("`{}` is missing from {}", field.name, record.name)
            } else {
                format!("`{}` is missing in `{path}`", field.name)
            };
            let span = if path.is_root() {
                0..0
            } else {
                node.span.start..node.span.start
            };
            let doc = field.doc.trim_end_matches('.');
            let doc =
                doc.get(..1).map_or(String::new(), str::to_lowercase) + doc.get(1..).unwrap_or("");
            out.push(
                Finding::error(Code::CV006, what)
                    .at(source, span)
                    .help(format!("add `{}` ({doc})", field.name)),
            );
        }
    }
}

fn key_list(record: &Record) -> String {
    record
        .fields
        .iter()
        .map(|f| format!("`{}`", f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_key(key: &Key, record: &Record, source: &Source, path: &KeyPath<'_>) -> Finding {
    let place = if path.is_root() {
        record.name.to_string()
    } else {
        format!("`{path}`")
    };
    let finding = Finding::error(
        Code::CV003,
        format!("unknown key `{}` in {place}", key.name),
    )
    .at(source, key.span.clone());
    match suggest(&key.name, record.fields.iter().map(|f| f.name)) {
        Some(better) => finding.help(format!("did you mean `{better}`?")),
        None => finding.help(format!("the keys allowed here are {}", key_list(record))),
    }
}

fn validate_value(
    node: &Node,
    field: &Field,
    vocab: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    let wrong = |expected: &str| {
        Finding::error(
            Code::CV004,
            format!(
                "`{path}` should be {expected}, but it is {}",
                node.value.type_name()
            ),
        )
        .at(source, node.span.clone())
        .help(format!(
            "{}: write it as {expected}",
            field.doc.trim_end_matches('.')
        ))
    };
    match (field.ty, &node.value) {
        (Ty::Str, Value::Str(_)) => {}
        (Ty::Str, _) => out.push(wrong("a string in quotes")),
        (Ty::Slug, Value::Str(s)) => {
            if !crate::workbook::layout::is_slug(s) {
                out.push(bad_slug(node, source, path, s));
            }
        }
        (Ty::Slug, _) => out.push(wrong("a string in quotes")),
        (Ty::Int { min }, Value::Int(i)) => {
            if *i < min {
                out.push(
                    Finding::error(
                        Code::CV005,
                        format!("`{path}` is {i}; it cannot be less than {min}"),
                    )
                    .at(source, node.span.clone())
                    .help(format!("write a whole number of at least {min}")),
                );
            }
        }
        (Ty::Int { .. }, _) => out.push(wrong("a whole number")),
        (Ty::Number { min, max }, Value::Int(_) | Value::Float(_)) => {
            let v = match node.value {
                Value::Int(i) => i as f64,
                Value::Float(x) => x,
                _ => 0.0,
            };
            if !(v >= min && v <= max) {
                let range = if max.is_finite() {
                    format!("between {min} and {max}")
                } else {
                    format!("at least {min}")
                };
                out.push(
                    Finding::error(Code::CV005, format!("`{path}` is {v}; it must be {range}"))
                        .at(source, node.span.clone())
                        .help(format!("write a number {range}")),
                );
            }
        }
        (Ty::Number { .. }, _) => out.push(wrong("a number (without quotes or units)")),
        (Ty::Bool | Ty::True, Value::Bool(_)) => {}
        (Ty::Bool, _) => out.push(wrong("true or false")),
        (Ty::True, _) => out.push(wrong("true (without quotes)")),
        // A date-time or a bare time is not a date: said here, at its
        // place, instead of dropped when the record is read.
        (Ty::Date, Value::Date(d)) if is_date(d) => {}
        (Ty::Date, Value::Str(s)) if is_date(s) => {}
        (Ty::Date, _) => out.push(wrong("a date (YYYY-MM-DD)")),
        (Ty::StrList | Ty::SlugList | Ty::EnumList(_), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = KeyPath::Item(path, i + 1);
                match (&item.value, field.ty) {
                    (Value::Str(s), Ty::SlugList) if !crate::workbook::layout::is_slug(s) => {
                        out.push(bad_slug(item, source, &item_path, s))
                    }
                    (Value::Str(s), Ty::EnumList(v)) => {
                        check_enum(item, s, v, vocab, source, &item_path, out)
                    }
                    (Value::Str(_), _) => {}
                    (other, _) => out.push(
                        Finding::error(
                            Code::CV004,
                            format!(
                                "`{item_path}` should be a string, but it is {}",
                                other.type_name()
                            ),
                        )
                        .at(source, item.span.clone())
                        .help("put each item of the list in quotes"),
                    ),
                }
            }
        }
        (Ty::StrList | Ty::SlugList | Ty::EnumList(_), _) => {
            out.push(wrong("a list of strings, like [\"a\", \"b\"]"))
        }
        (Ty::Enum(v) | Ty::EnumOneOrList(v), Value::Str(s)) => {
            check_enum(node, s, v, vocab, source, path, out)
        }
        (Ty::EnumOneOrList(v), Value::Array(items)) => {
            if items.is_empty() {
                out.push(wrong(&format!(
                    "one of {}, or a list of them",
                    quoted(&vocab.values(v))
                )));
            }
            for (i, item) in items.iter().enumerate() {
                let item_path = KeyPath::Item(path, i + 1);
                match &item.value {
                    Value::Str(s) => check_enum(item, s, v, vocab, source, &item_path, out),
                    other => out.push(
                        Finding::error(
                            Code::CV004,
                            format!(
                                "`{item_path}` should be a string, but it is {}",
                                other.type_name()
                            ),
                        )
                        .at(source, item.span.clone())
                        .help("put each item of the list in quotes"),
                    ),
                }
            }
        }
        (Ty::EnumOneOrList(v), _) => out.push(wrong(&format!(
            "one of {}, or a list of them",
            quoted(&vocab.values(v))
        ))),
        (Ty::Enum(v), _) => out.push(wrong(&format!("one of {}", quoted(&vocab.values(v))))),
        (Ty::Table(record), Value::Table(_)) => validate(node, record, vocab, source, path, out),
        (Ty::Table(_), _) => out.push(wrong("a table")),
        (Ty::TableArray(record), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                validate(
                    item,
                    record,
                    vocab,
                    source,
                    &KeyPath::Item(path, i + 1),
                    out,
                );
            }
        }
        (Ty::TableArray(_), _) => out.push(wrong(&format!("a list of tables, written [[{path}]]"))),
        (Ty::StrMap, Value::Table(entries)) => {
            for (key, value) in entries {
                if !matches!(value.value, Value::Str(_)) {
                    out.push(
                        Finding::error(
                            Code::CV004,
                            format!(
                                "`{path}.{}` should be a string, but it is {}",
                                key.name,
                                value.value.type_name()
                            ),
                        )
                        .at(source, value.span.clone())
                        .help("write each note as text in quotes"),
                    );
                }
            }
        }
        (Ty::StrMap, _) => out.push(wrong("a table of notes")),
        (Ty::RecordMap(record), Value::Table(entries)) => {
            for (key, value) in entries {
                validate(
                    value,
                    record,
                    vocab,
                    source,
                    &KeyPath::Key(path, &key.name),
                    out,
                );
            }
        }
        (Ty::RecordMap(_), _) => out.push(wrong("a table")),
    }
}

fn check_enum(
    node: &Node,
    value: &str,
    vocab: Vocab,
    vocabs: &dyn Vocabularies,
    source: &Source,
    path: &KeyPath<'_>,
    out: &mut Vec<Finding>,
) {
    if vocabs.allows(vocab, value) {
        return;
    }
    let allowed = vocabs.values(vocab);
    let hint = match suggest(value, allowed.iter().map(String::as_str)) {
        Some(better) => format!(
            "did you mean \"{better}\"? The allowed values are {}",
            quoted(&allowed)
        ),
        None => format!("use one of {}", quoted(&allowed)),
    };
    out.push(
        Finding::error(
            Code::CV005,
            format!("`{path}` is \"{value}\", which is not one of the allowed values"),
        )
        .at(source, node.span.clone())
        .help(hint),
    );
}

fn bad_slug(node: &Node, source: &Source, path: &KeyPath<'_>, value: &str) -> Finding {
    Finding::error(
        Code::CV005,
        format!("`{path}` is \"{value}\", which is not a valid id"),
    )
    .at(source, node.span.clone())
    .help("ids use lowercase letters, digits and hyphens, for example \"first-visit\"")
}

/// Quotes and joins allowed values for a message.
pub fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a string is a calendar date written YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{BaseVocab, PROCESS_MAP};

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(
            suggest("coprodution", ["id", "title", "coproduction"]),
            Some("coproduction")
        );
        assert_eq!(suggest("colour", ["id", "title"]), None);
        assert_eq!(
            suggest("shared planning", ["none", "shared-planning"]),
            Some("shared-planning")
        );
    }

    #[test]
    fn positions_in_a_path_count_from_one() {
        let text = "[[step]]\nid = \"a\"\ntitle = \"A\"\ncoproduction = \"none\"\n\n[[step]]\nid = \"b\"\ntitle = \"B\"\ncoproduction = \"none\"\nactors = [\"GP\", 3]\npersonas = [\"asa\", \"Not A Slug\"]\n";
        let source = Source::new("process-map.toml", text.to_string());
        let node = crate::node::parse_toml(&source).unwrap_or_else(|f| panic!("{}", f.message));
        let mut out = Vec::new();
        validate(
            &node,
            &PROCESS_MAP,
            &BaseVocab,
            &source,
            &KeyPath::Root,
            &mut out,
        );
        let messages: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        // The second step, its second actor and its second persona.
        for path in ["`step[2].actors[2]`", "`step[2].personas[2]`"] {
            assert!(
                messages.iter().any(|m| m.contains(path)),
                "{path} in {messages:#?}"
            );
        }
        assert!(!messages.iter().any(|m| m.contains("[0]")), "{messages:#?}");
    }

    #[test]
    fn slugs_and_dates() {
        assert!(crate::workbook::layout::is_slug("first-visit"));
        assert!(!crate::workbook::layout::is_slug("First visit"));
        assert!(!crate::workbook::layout::is_slug("a--b"));
        assert!(!crate::workbook::layout::is_slug(".."));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2024-2-29"));
    }
}
