//! What changed in the register of improvements: improvements matched by
//! id, added, removed, or changed field by field (status, cluster, owner,
//! what they name).

use super::{Fields, Matched, list, match_by_id};
use crate::diff::model::{Change, FieldChange};

fn improvement_fields(
    o: &crate::workbook::improvements::Improvement,
    n: &crate::workbook::improvements::Improvement,
) -> Vec<FieldChange> {
    let names = |refs: &[crate::workbook::improvements::Ref]| {
        refs.iter().map(|r| r.name.clone()).collect::<Vec<_>>()
    };
    let mut f = Fields::default();
    f.value(
        "status",
        o.current().map(|s| s.state.clone()),
        n.current().map(|s| s.state.clone()),
    );
    f.prose("title", Some(&o.title), Some(&n.title));
    f.value("cluster", list(&o.clusters), list(&n.clusters));
    f.value("owner", o.owner.clone(), n.owner.clone());
    f.value("steps", list(&names(&o.steps)), list(&names(&n.steps)));
    f.value(
        "personas",
        list(&names(&o.personas)),
        list(&names(&n.personas)),
    );
    f.value(
        "measures",
        list(&names(&o.measures)),
        list(&names(&n.measures)),
    );
    f.value(
        "configurations",
        list(&o.configurations),
        list(&n.configurations),
    );
    f.prose("note", o.note.as_deref(), n.note.as_deref());
    f.prose("learning", o.learning.as_deref(), n.learning.as_deref());
    f.prose("exemplar", o.exemplar.as_deref(), n.exemplar.as_deref());
    f.0
}

pub(super) fn improvements(
    old: Option<&crate::workbook::improvements::Improvements>,
    new: Option<&crate::workbook::improvements::Improvements>,
    out: &mut Vec<Change>,
) {
    let none: &[crate::workbook::improvements::Improvement] = &[];
    let (o, n) = (
        old.map_or(none, |r| &r.improvements),
        new.map_or(none, |r| &r.improvements),
    );
    for matched in match_by_id(o, n, |i| &i.id) {
        match matched {
            Matched::Removed(_, i) => out.push(Change::ImprovementRemoved {
                id: i.id.clone(),
                title: i.title.clone(),
            }),
            Matched::Added(_, i) => out.push(Change::ImprovementAdded {
                id: i.id.clone(),
                title: i.title.clone(),
                cluster: i.clusters.join(", "),
                status: i.current().map(|s| s.state.clone()),
            }),
            Matched::Both((_, before), (_, i)) => {
                let fields = improvement_fields(before, i);
                if !fields.is_empty() {
                    out.push(Change::ImprovementChanged {
                        id: i.id.clone(),
                        title: i.title.clone(),
                        fields,
                    });
                }
            }
        }
    }
}
