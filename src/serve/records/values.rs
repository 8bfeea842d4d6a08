//! The values of a record's fields as plain text: read from a file's
//! tree, taken from a form (checked), written as TOML or YAML, and merged
//! field by field with what is on disk through their fingerprints.

use std::collections::BTreeMap;

use super::{Choice, FIGURES, Kind, Shape, Spec};
use crate::node::{self, Node};
use crate::serve::auth::field;
use crate::serve::edit;
use crate::serve::words::t;
use crate::workbook::{Population, layout};

/// A value of a field, compared and fingerprinted as plain text (strings
/// unquoted, lists one item a line, numbers as written); None when empty.
pub(super) type Plain = Option<String>;

pub(super) fn fp(plain: &Plain) -> String {
    edit::fingerprint(plain.as_deref().unwrap_or("").as_bytes())
}

/// The plain value of a node of a TOML or YAML tree, as written in `text`.
pub(super) fn plain_of(text: &str, node: Option<&Node>) -> Plain {
    let node = node?;
    let plain = match &node.value {
        node::Value::Str(s) => s.trim().to_string(),
        node::Value::Array(items) => items
            .iter()
            .filter_map(|i| match &i.value {
                node::Value::Str(s) => Some(s.clone()),
                _ => text.get(i.span.clone()).map(str::to_string),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => text.get(node.span.clone()).unwrap_or("").trim().to_string(),
    };
    (!plain.is_empty()).then_some(plain)
}

/// The plain value a form gives a field of a `kind` of record, checked
/// (what is wrong is said in the page's language); the list fields keep
/// the order on disk when they hold the same names.
pub(super) fn plain_of_form(
    form: &[(String, String)],
    kind: Kind,
    spec: Spec,
    choices: &[Choice],
    current: &Plain,
) -> Result<Plain, String> {
    let (key, _, shape) = spec;
    let wrong = |id: &str, value: &str| {
        t(
            id,
            &[("field", kind.label(key).into()), ("value", value.into())],
        )
    };
    let typed = field(form, key).unwrap_or("").replace("\r\n", "\n");
    let typed = typed.trim();
    let is_choice = |v: &str| choices.iter().any(|c| c.id == v);
    let plain = match shape {
        Shape::Text | Shape::Long => typed.to_string(),
        Shape::Lines => typed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        Shape::Required if typed.is_empty() => {
            return Err(wrong("http-field-empty", ""));
        }
        Shape::Required => typed.to_string(),
        Shape::Number if typed.is_empty() => String::new(),
        Shape::Number => match typed.parse::<f64>() {
            Ok(n) if n.is_finite() && !typed.starts_with(['+', '.']) && !typed.ends_with('.') => {
                typed.to_string()
            }
            _ => return Err(wrong("http-field-not-number", typed)),
        },
        Shape::One | Shape::Maybe if typed.is_empty() && shape == Shape::Maybe => String::new(),
        Shape::One | Shape::Maybe if !is_choice(typed) => {
            return Err(wrong("http-field-choose-one", typed));
        }
        Shape::One | Shape::Maybe => typed.to_string(),
        Shape::Commas => {
            let items: Vec<&str> = typed
                .split([',', '\n'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            // A name holding a comma stays one while the text is unchanged.
            match current {
                Some(c) if c.split('\n').collect::<Vec<_>>().join(", ") == typed => c.clone(),
                _ => items.join("\n"),
            }
        }
        Shape::Several if field(form, key).is_none_or(|v| v.trim().is_empty()) => {
            return Err(wrong("http-field-tick-one", ""));
        }
        Shape::Many | Shape::Several => {
            let mut ticked: Vec<String> = form
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            // A name on disk that is not in the list (a persona since
            // renamed) may stay; `check` says what is wrong with it.
            let on_disk = |v: &str| {
                current
                    .as_deref()
                    .is_some_and(|c| c.split('\n').any(|x| x == v))
            };
            if let Some(bad) = ticked.iter().find(|v| !is_choice(v) && !on_disk(v)) {
                return Err(wrong("http-field-not-in-list", bad));
            }
            if let Some(c) = current {
                let mut on_disk: Vec<&str> = c.split('\n').collect();
                let mut asked: Vec<&str> = ticked.iter().map(String::as_str).collect();
                on_disk.sort_unstable();
                asked.sort_unstable();
                if on_disk == asked {
                    ticked = c.split('\n').map(str::to_string).collect();
                }
            }
            ticked.join("\n")
        }
    };
    Ok((!plain.is_empty()).then_some(plain))
}

/// A plain value written as TOML.
pub(super) fn toml_literal(shape: Shape, plain: &str) -> String {
    match shape {
        Shape::Several if !plain.contains('\n') => edit::toml_string(plain),
        Shape::Commas | Shape::Many | Shape::Several | Shape::Lines => {
            let items: Vec<String> = plain.split('\n').map(str::to_string).collect();
            edit::toml_list(&items)
        }
        Shape::Number => plain.to_string(),
        _ => edit::toml_string(plain),
    }
}

/// A plain value written as YAML (front matter of a persona).
pub(super) fn yaml_literal(shape: Shape, plain: &str) -> String {
    match shape {
        Shape::Number => plain.to_string(),
        // The guide's ids are slugs: written bare, as people write them.
        Shape::One if layout::is_slug(plain) => plain.to_string(),
        _ => serde_json::to_string(plain).unwrap_or_else(|_| "\"\"".into()),
    }
}

/// What a save found: the fields to write, or those changed on both sides.
pub(super) struct Merge {
    pub(super) writes: Vec<(Spec, Plain)>,
    pub(super) clashes: BTreeMap<&'static str, Plain>,
    /// Fields changed on disk that the form left as it showed them.
    pub(super) theirs_kept: BTreeMap<&'static str, Plain>,
}

/// Compares each field's value in the form with the one on disk, through
/// the fingerprint the form was made with (`fp.KEY`).
pub(super) fn merge(
    wanted: Vec<(Spec, Plain)>,
    on_disk: &dyn Fn(&str) -> Plain,
    form: &[(String, String)],
) -> Merge {
    let mut m = Merge {
        writes: Vec::new(),
        clashes: BTreeMap::new(),
        theirs_kept: BTreeMap::new(),
    };
    for (spec, new) in wanted {
        let current = on_disk(spec.0);
        match decide(&current, &new, field(form, &format!("fp.{}", spec.0))) {
            Decision::Write => m.writes.push((spec, new)),
            Decision::TheirsKept => {
                m.theirs_kept.insert(spec.0, current);
            }
            Decision::Clash => {
                m.clashes.insert(spec.0, current);
            }
            Decision::Nothing => {}
        }
    }
    m
}

/// What a save does with one field.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Decision {
    /// Write the form's value.
    Write,
    /// Nothing to do: the same on both sides.
    Nothing,
    /// Changed on disk since, left as it was in the form: keep theirs.
    TheirsKept,
    /// Changed on disk since and in the form: a conflict.
    Clash,
}

/// Compares a field's value on disk (`current`) and in the form (`new`)
/// through the fingerprint of what the form showed (`seen`; a form without
/// one writes what changed).
pub(super) fn decide(current: &Plain, new: &Plain, seen: Option<&str>) -> Decision {
    match seen {
        Some(seen) if seen != fp(current) => {
            if new == current {
                Decision::Nothing
            } else if fp(new) == seen {
                Decision::TheirsKept
            } else {
                Decision::Clash
            }
        }
        _ if new != current => Decision::Write,
        _ => Decision::Nothing,
    }
}

/// The perspectives a step has a note for: the map's own list, then any
/// other the step's `perspectives` table names. None for other records.
pub(super) fn note_names(pop: &Population, kind: Kind, node: &Node) -> Vec<String> {
    if kind != Kind::Step {
        return Vec::new();
    }
    let mut names: Vec<String> = pop
        .process_map
        .as_ref()
        .map(|m| m.perspectives.clone())
        .unwrap_or_default();
    if let Some(node::Value::Table(entries)) = node.get("perspectives").map(|t| &t.value) {
        for (k, _) in entries {
            if !names.contains(&k.name) {
                names.push(k.name.clone());
            }
        }
    }
    names
}

/// A step's note for a perspective, as on disk.
pub(super) fn note_on_disk(text: &str, node: &Node, name: &str) -> Plain {
    plain_of(text, node.get("perspectives").and_then(|t| t.get(name)))
}

/// The choices of a list, with the names a record holds that are not in
/// it (shown ticked, so that saving the form as it is keeps them).
pub(super) fn with_unknown(mut choices: Vec<Choice>, shape: Shape, held: Plain) -> Vec<Choice> {
    if matches!(shape, Shape::Many | Shape::Several) {
        for name in held
            .iter()
            .flat_map(|h| h.split('\n'))
            .filter(|n| !n.is_empty())
        {
            if !choices.iter().any(|c| c.id == name) {
                choices.push(Choice {
                    id: name.to_string(),
                    title: t("http-not-in-workbook", &[("name", name.into())]),
                });
            }
        }
    }
    choices
}

/// The plain value of a field of a record on disk.
pub(super) fn disk_plain(kind: Kind, text: &str, node: &Node, key: &str) -> Plain {
    if kind == Kind::Persona && FIGURES.contains(&key) {
        return plain_of(text, node.get("figures").and_then(|f| f.get(key)));
    }
    if let (Kind::Population, Some(sub)) = (kind, key.strip_prefix("size.")) {
        return plain_of(text, node.get("size").and_then(|s| s.get(sub)));
    }
    plain_of(text, node.get(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn another_field_changed_meanwhile_is_kept_and_the_same_field_is_a_conflict() {
        let title: Spec = ("title", "Title", Shape::Required);
        let owner: Spec = ("owner", "Owner", Shape::Text);
        let seen_title = fp(&Some("Old".into()));
        let seen_owner = fp(&Some("Ann".into()));
        // On disk: the owner changed to Bo since the form was made.
        let disk = |k: &str| match k {
            "title" => Some("Old".to_string()),
            _ => Some("Bo".to_string()),
        };
        let f = form(&[("fp.title", &seen_title), ("fp.owner", &seen_owner)]);
        // The form changes the title and leaves the owner: theirs is kept.
        let m = merge(
            vec![(title, Some("New".into())), (owner, Some("Ann".into()))],
            &disk,
            &f,
        );
        assert_eq!(m.writes.len(), 1);
        assert!(m.clashes.is_empty());
        assert_eq!(m.theirs_kept.get("owner"), Some(&Some("Bo".into())));
        // The form changes the owner too: a conflict on the owner alone.
        let m = merge(
            vec![(title, Some("New".into())), (owner, Some("Cy".into()))],
            &disk,
            &f,
        );
        assert_eq!(m.clashes.keys().copied().collect::<Vec<_>>(), vec!["owner"]);
    }

    #[test]
    fn a_list_keeps_its_order_and_a_bad_number_is_refused() {
        let spec: Spec = ("configurations", "Value configurations", Shape::Many);
        let choices = vec![
            Choice {
                id: "shop".into(),
                title: "Shop".into(),
            },
            Choice {
                id: "chain".into(),
                title: "Chain".into(),
            },
        ];
        let f = form(&[("configurations", "chain"), ("configurations", "shop")]);
        let current = Some("shop\nchain".to_string());
        assert_eq!(
            plain_of_form(&f, Kind::Step, spec, &choices, &current).unwrap(),
            current
        );
        let spec: Spec = ("target_value", "Target", Shape::Number);
        let number = |typed: &str| {
            plain_of_form(
                &form(&[("target_value", typed)]),
                Kind::Measure,
                spec,
                &[],
                &None,
            )
        };
        assert!(number("lots").is_err_and(|why| why.contains("`lots` is not a number")));
        assert_eq!(number(" 18 ").unwrap(), Some("18".into()));
    }
}
