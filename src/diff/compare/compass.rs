//! What changed in the value compass: measures matched by id, added,
//! removed, or changed field by field, with their values summed up in a few
//! words.

use super::{Fields, Matched, match_by_id};
use crate::diff::model::{Change, FieldChange};
use crate::workbook::{Compass, Measure};

pub(super) fn compass(old: Option<&Compass>, new: Option<&Compass>, out: &mut Vec<Change>) {
    let none: &[Measure] = &[];
    let (o, n) = (
        old.map_or(none, |c| &c.measures),
        new.map_or(none, |c| &c.measures),
    );
    for matched in match_by_id(o, n, |m| &m.id) {
        match matched {
            Matched::Removed(_, m) => out.push(Change::MeasureRemoved {
                id: m.id.clone(),
                name: m.name.clone(),
                quadrant: m.quadrant.clone(),
                measure_kind: m.kind.clone(),
            }),
            Matched::Added(_, m) => out.push(Change::MeasureAdded {
                id: m.id.clone(),
                name: m.name.clone(),
                quadrant: m.quadrant.clone(),
                measure_kind: m.kind.clone(),
            }),
            Matched::Both((_, before), (_, m)) => {
                let fields = measure_fields(before, m);
                if !fields.is_empty() {
                    out.push(Change::MeasureChanged {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        fields,
                    });
                }
            }
        }
    }
}

fn measure_fields(o: &Measure, n: &Measure) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.value("kind", Some(o.kind.clone()), Some(n.kind.clone()));
    f.value(
        "quadrant",
        Some(o.quadrant.clone()),
        Some(n.quadrant.clone()),
    );
    f.prose("name", Some(&o.name), Some(&n.name));
    f.prose(
        "definition",
        o.definition.as_deref(),
        n.definition.as_deref(),
    );
    f.prose(
        "data_source",
        o.data_source.as_deref(),
        n.data_source.as_deref(),
    );
    f.value("frequency", o.frequency.clone(), n.frequency.clone());
    f.value("baseline", o.baseline.clone(), n.baseline.clone());
    f.value("target", o.target.clone(), n.target.clone());
    f.value("unit", o.unit.clone(), n.unit.clone());
    f.value("direction", o.direction.clone(), n.direction.clone());
    f.value("domain", o.domain.clone(), n.domain.clone());
    f.value(
        "target_value",
        o.target_value.map(|v| o.show(v)),
        n.target_value.map(|v| n.show(v)),
    );
    let same_values = o.values.len() == n.values.len()
        && o.values
            .iter()
            .zip(&n.values)
            .all(|(a, b)| a.date == b.date && a.value.to_bits() == b.value.to_bits());
    if !same_values {
        f.value(
            "values",
            values_summary(o, None),
            values_summary(n, Some(o)),
        );
    }
    f.0
}

/// A measure's values in a few words: "13 values (1 new), latest 70 % on
/// 2026-11-30 (target 75 %)"; None when it has none.
fn values_summary(m: &Measure, before: Option<&Measure>) -> Option<String> {
    let latest = m.latest()?;
    let new = before.map(|b| {
        m.values
            .iter()
            .filter(|v| {
                !b.values
                    .iter()
                    .any(|o| o.date == v.date && o.value.to_bits() == v.value.to_bits())
            })
            .count()
    });
    let count = match new {
        Some(n) if n > 0 => format!("{} values ({n} new)", m.values.len()),
        _ => format!("{} values", m.values.len()),
    };
    let target = m
        .target_value
        .map(|t| format!(" (target {})", m.show(t)))
        .unwrap_or_default();
    Some(format!(
        "{count}, latest {} on {}{target}",
        m.show(latest.value),
        latest.date
    ))
}
