//! What changed among the personas: matched by slug, added, removed, or
//! changed field by field (a persona whose file cannot be read on one side
//! is neither added nor removed).

use super::{Broken, Fields, Matched, match_by_id, number};
use crate::diff::model::{Change, FieldChange};
use crate::workbook::layout::PERSONAS_DIR;
use crate::workbook::records::Figures;
use crate::workbook::{Persona, Population};

fn persona_fields(o: &Persona, n: &Persona) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.value("name", Some(o.name.clone()), Some(n.name.clone()));
    f.value("kind", Some(o.kind.clone()), Some(n.kind.clone()));
    f.prose("segment", o.segment.as_deref(), n.segment.as_deref());
    let figures = |name: &str, pick: fn(&Figures) -> Option<f64>| {
        (
            format!("figures.{name}"),
            pick(&o.figures).map(number),
            pick(&n.figures).map(number),
        )
    };
    for (field, before, after) in [
        figures("share_percent", |x| x.share_percent),
        figures("contacts_per_year", |x| x.contacts_per_year),
        figures("annual_cost", |x| x.annual_cost),
    ] {
        f.value(field, before, after);
    }
    f.value(
        "figures.currency",
        o.figures.currency.clone(),
        n.figures.currency.clone(),
    );
    f.value(
        "composite",
        o.composite.map(|c| c.to_string()),
        n.composite.map(|c| c.to_string()),
    );
    f.prose("narrative", Some(&o.body), Some(&n.body));
    f.0
}

pub(super) fn personas(o: &Population, n: &Population, broken: &Broken, out: &mut Vec<Change>) {
    // A persona whose file cannot be read on one side is neither added nor removed.
    let readable =
        |p: &Persona| !broken.contains(&format!("{}/{PERSONAS_DIR}/{}.md", n.dir, p.slug));
    for matched in match_by_id(&o.personas, &n.personas, |p| &p.slug) {
        match matched {
            Matched::Removed(_, p) if readable(p) => out.push(Change::PersonaRemoved {
                id: p.slug.clone(),
                name: p.name.clone(),
            }),
            Matched::Added(_, p) if readable(p) => out.push(Change::PersonaAdded {
                id: p.slug.clone(),
                name: p.name.clone(),
            }),
            Matched::Removed(..) | Matched::Added(..) => {}
            Matched::Both((_, before), (_, p)) => {
                let fields = persona_fields(before, p);
                if !fields.is_empty() {
                    out.push(Change::PersonaChanged {
                        id: p.slug.clone(),
                        name: p.name.clone(),
                        fields,
                    });
                }
            }
        }
    }
}
