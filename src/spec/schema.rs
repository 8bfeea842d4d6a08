//! The JSON Schemas (draft-07) that `covalue schema`, `init` and `new` write
//! for editors, made from the same records the checker validates with, and
//! the `#:schema` line that points a TOML file at its schema.

use super::{
    BaseVocab, COMMUNITY_SESSION, COMPASS, CONFIG, IMPROVEMENTS, NETWORK, PERSONA, POPULATION,
    PROCESS_MAP, Record, SESSION, Ty, Vocabularies,
};

/// The JSON Schema of `network.toml`.
pub fn network_schema() -> String {
    let schema = json_schema(
        &NETWORK,
        &BaseVocab,
        "network",
        "network.toml: a network of sites and the shared measure domains",
    );
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of a community session record, with the built-in
/// guide's roles (and coordinator).
pub fn community_session_schema() -> String {
    let guide = crate::guide::Guide::builtin();
    let vocab: &dyn Vocabularies = match &guide {
        Ok(guide) => guide,
        Err(_) => &BaseVocab,
    };
    let schema = json_schema(
        &COMMUNITY_SESSION,
        vocab,
        "community-session",
        "sessions/*.toml in a network folder: one community session, its sites, people, what was presented, decisions and actions",
    );
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The schemas of a network folder: (file name, JSON text).
pub fn network_schema_files() -> Vec<(&'static str, String)> {
    vec![
        ("network.schema.json", network_schema()),
        ("community-session.schema.json", community_session_schema()),
    ]
}

/// The JSON Schema (draft-07) of a record, with allowed values from `vocab`.
/// Editors (Even Better TOML, taplo) use it to validate and complete while
/// typing; it is made from the same definitions `covalue check` uses.
pub fn json_schema(
    record: &Record,
    vocab: &dyn Vocabularies,
    title: &str,
    description: &str,
) -> serde_json::Value {
    let mut schema = record_schema(record, vocab);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$schema".into(),
            "http://json-schema.org/draft-07/schema#".into(),
        );
        obj.insert("title".into(), title.into());
        obj.insert("description".into(), description.into());
    }
    schema
}

fn record_schema(record: &Record, vocab: &dyn Vocabularies) -> serde_json::Value {
    let mut properties = serde_json::Map::new();
    for field in record.fields {
        let mut prop = type_schema(field.ty, vocab);
        if let Some(obj) = prop.as_object_mut() {
            obj.insert("description".into(), field.doc.into());
        }
        properties.insert(field.name.into(), prop);
    }
    let required: Vec<&str> = record
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    serde_json::json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn type_schema(ty: Ty, vocab: &dyn Vocabularies) -> serde_json::Value {
    use serde_json::json;
    match ty {
        Ty::Str => json!({ "type": "string" }),
        Ty::Slug => json!({ "type": "string", "pattern": SLUG_PATTERN }),
        Ty::Int { min } => json!({ "type": "integer", "minimum": min }),
        Ty::Number { min, max } if max.is_finite() => {
            json!({ "type": "number", "minimum": min, "maximum": max })
        }
        Ty::Number { min, .. } => json!({ "type": "number", "minimum": min }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::True => json!({ "type": "boolean", "const": true }),
        // The pattern for editors that know no formats; "format" for those
        // that check the calendar too (2026-02-30 is no date).
        Ty::Date => {
            json!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
        }
        Ty::StrList => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::SlugList => {
            json!({ "type": "array", "items": { "type": "string", "pattern": SLUG_PATTERN } })
        }
        Ty::Enum(v) => json!({ "type": "string", "enum": vocab.values(v) }),
        Ty::EnumList(v) => {
            json!({ "type": "array", "items": { "type": "string", "enum": vocab.values(v) } })
        }
        Ty::EnumOneOrList(v) => {
            let one = json!({ "type": "string", "enum": vocab.values(v) });
            json!({ "oneOf": [one, { "type": "array", "items": one, "minItems": 1 }] })
        }
        Ty::Table(record) => record_schema(record, vocab),
        Ty::TableArray(record) => json!({ "type": "array", "items": record_schema(record, vocab) }),
        Ty::StrMap => json!({ "type": "object", "additionalProperties": { "type": "string" } }),
        Ty::RecordMap(record) => {
            json!({ "type": "object", "additionalProperties": record_schema(record, vocab) })
        }
    }
}

/// Every structured file of a workbook: its schema file name, its record and a description.
pub const SCHEMAS: &[(&str, &Record, &str)] = &[
    (
        "covalue.schema.json",
        &CONFIG,
        "covalue.toml: the workbook's settings",
    ),
    (
        "population.schema.json",
        &POPULATION,
        "population.toml: who the population is",
    ),
    (
        "process-map.schema.json",
        &PROCESS_MAP,
        "process-map.toml: the service in 10 to 15 steps",
    ),
    (
        "value-compass.schema.json",
        &COMPASS,
        "value-compass.toml: the measures of the value compass",
    ),
    (
        "persona.schema.json",
        &PERSONA,
        "the YAML front matter of a persona file",
    ),
    (
        "improvements.schema.json",
        &IMPROVEMENTS,
        "improvements.toml: the register of improvements of a population",
    ),
    (
        "session.schema.json",
        &SESSION,
        "sessions/*.toml: one team session, its people, decisions and actions",
    ),
];

/// Where `init` and `new` put the schemas in a workbook.
pub use crate::workbook::layout::SCHEMA_DIR;

/// The schemas of every structured file for a guide: (file name, JSON text).
pub fn schema_files(vocab: &dyn Vocabularies) -> Vec<(&'static str, String)> {
    SCHEMAS
        .iter()
        .map(|(name, record, description)| {
            let schema = json_schema(
                record,
                vocab,
                name.trim_end_matches(".schema.json"),
                description,
            );
            (
                *name,
                serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n",
            )
        })
        .collect()
}

/// The `#:schema` line that starts a TOML file `depth` folders below the
/// workbook's root, so that editors validate it while typing.
pub fn schema_line(name: &str, depth: usize) -> String {
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{SCHEMA_DIR}/{name}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persona_schema_accepts_only_composite_true() {
        let schema = json_schema(&PERSONA, &BaseVocab, "persona", "");
        let composite = &schema["properties"]["composite"];
        assert_eq!(composite["type"], "boolean");
        assert_eq!(composite["const"], true, "{composite}");
        assert!(
            schema["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|k| k == "composite"))
        );
    }
}
