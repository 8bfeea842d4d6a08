//! What changed in `population.toml`: its name, description, setting,
//! size, figures and team, field by field.

use super::{Fields, list, non_empty, union};
use crate::diff::model::Change;
use crate::workbook::records::PopulationInfo;

pub(super) fn population_info(
    old: Option<&PopulationInfo>,
    new: Option<&PopulationInfo>,
    out: &mut Vec<Change>,
) {
    let empty = PopulationInfo::default();
    let (o, n) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let mut f = Fields::default();
    f.value(
        "name",
        non_empty(Some(&o.name)).map(str::to_string),
        non_empty(Some(&n.name)).map(str::to_string),
    );
    f.prose("description", Some(&o.description), Some(&n.description));
    f.prose("setting", o.setting.as_deref(), n.setting.as_deref());
    let (os, ns) = (
        o.size.clone().unwrap_or_default(),
        n.size.clone().unwrap_or_default(),
    );
    f.value(
        "size.people",
        os.people.map(|p| p.to_string()),
        ns.people.map(|p| p.to_string()),
    );
    f.value("size.as_of", os.as_of, ns.as_of);
    f.prose("size.note", os.note.as_deref(), ns.note.as_deref());
    let labels = union(
        o.figures.iter().map(|(l, _)| l.as_str()),
        n.figures.iter().map(|(l, _)| l.as_str()),
    );
    for label in labels {
        let value = |figures: &[(String, String)]| {
            figures
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())
        };
        f.value(
            format!("figure.{label}"),
            value(&o.figures),
            value(&n.figures),
        );
    }
    let team = |info: &PopulationInfo| {
        list(
            &info
                .team
                .iter()
                .map(|t| match &t.name {
                    Some(name) => format!("{} ({name})", t.role),
                    None => t.role.clone(),
                })
                .collect::<Vec<_>>(),
        )
    };
    f.value("team", team(o), team(n));
    if !f.0.is_empty() {
        out.push(Change::PopulationChanged { fields: f.0 });
    }
}
