//! What changed in the process map: steps matched by id, added, removed,
//! changed field by field, and moved (the steps that did not keep their
//! order, found with a longest common subsequence).

use std::collections::HashSet;

use similar::{Algorithm, DiffOp};

use super::{Fields, Matched, list, match_by_id, non_empty, union};
use crate::diff::model::{Change, FieldChange};
use crate::workbook::ProcessMap;
use crate::workbook::records::ProcessStep;

fn step_fields(o: &ProcessStep, n: &ProcessStep) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.prose("title", Some(&o.title), Some(&n.title));
    f.value("actors", list(&o.actors), list(&n.actors));
    f.value(
        "coproduction",
        non_empty(Some(&o.coproduction)).map(str::to_string),
        non_empty(Some(&n.coproduction)).map(str::to_string),
    );
    f.prose(
        "opportunity",
        o.opportunity.as_deref(),
        n.opportunity.as_deref(),
    );
    f.value(
        "configurations",
        list(&o.configurations),
        list(&n.configurations),
    );
    let slugs = |s: &ProcessStep| {
        list(
            &s.personas
                .iter()
                .map(|p| p.slug.clone())
                .collect::<Vec<_>>(),
        )
    };
    f.value("personas", slugs(o), slugs(n));
    let keys = union(
        o.perspectives.iter().map(|(k, _)| k.as_str()),
        n.perspectives.iter().map(|(k, _)| k.as_str()),
    );
    for key in keys {
        let note = |s: &'_ ProcessStep| {
            s.perspectives
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        f.prose(
            format!("perspectives.{key}"),
            note(o).as_deref(),
            note(n).as_deref(),
        );
    }
    f.0
}

/// Above this many cells the exact table is not built (Myers is used instead).
const LCS_CELLS: usize = 250_000;

/// The ids of `old` and `new` (both in both, each once) that keep their
/// order relative to each other: a longest common subsequence. Among the
/// longest, the one keeping most ids at the same place wins, so swapping
/// two steps moves those two, not the ones between them. The others moved.
fn kept_in_order<'a>(old: &[&'a str], new: &[&'a str]) -> HashSet<&'a str> {
    let (n, m) = (old.len(), new.len());
    if n.saturating_mul(m) > LCS_CELLS {
        let mut kept = HashSet::new();
        for op in similar::capture_diff_slices(Algorithm::Myers, old, new) {
            if let DiffOp::Equal { old_index, len, .. } = op {
                kept.extend(old.iter().skip(old_index).take(len).copied());
            }
        }
        return kept;
    }
    // best[i][j]: (length, ids at the same place) of the best common
    // subsequence of old[i..] and new[j..].
    let width = m + 1;
    let mut best = vec![(0usize, 0usize); (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = best[(i + 1) * width + j].max(best[i * width + j + 1]);
            best[i * width + j] = if old[i] == new[j] {
                let (len, same) = best[(i + 1) * width + j + 1];
                skip.max((len + 1, same + usize::from(i == j)))
            } else {
                skip
            };
        }
    }
    let mut kept = HashSet::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[i * width + j];
        if old[i] == new[j] {
            let (len, same) = best[(i + 1) * width + j + 1];
            if here == (len + 1, same + usize::from(i == j)) {
                kept.insert(old[i]);
                i += 1;
                j += 1;
                continue;
            }
        }
        if best[(i + 1) * width + j] == here {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}

pub(super) fn process_map(
    old: Option<&ProcessMap>,
    new: Option<&ProcessMap>,
    out: &mut Vec<Change>,
) {
    let no_steps: &[ProcessStep] = &[];
    let (o_steps, n_steps) = (
        old.map_or(no_steps, |m| &m.steps),
        new.map_or(no_steps, |m| &m.steps),
    );
    let mut f = Fields::default();
    f.value(
        "perspectives",
        old.and_then(|m| list(&m.perspectives)),
        new.and_then(|m| list(&m.perspectives)),
    );
    if !f.0.is_empty() {
        out.push(Change::ProcessMapChanged { fields: f.0 });
    }
    let matched = match_by_id(o_steps, n_steps, |s| &s.id);
    // The steps in both versions, in the newer order and in the older one.
    let both: Vec<(usize, &str)> = matched
        .iter()
        .filter_map(|m| match m {
            Matched::Both((i, s), _) => Some((*i, s.id.as_str())),
            _ => None,
        })
        .collect();
    let new_common: Vec<&str> = both.iter().map(|(_, id)| *id).collect();
    let mut old_common = both.clone();
    old_common.sort_unstable();
    let old_common: Vec<&str> = old_common.into_iter().map(|(_, id)| id).collect();
    let kept = kept_in_order(&old_common, &new_common);
    for m in matched {
        match m {
            Matched::Removed(i, s) => out.push(Change::StepRemoved {
                id: s.id.clone(),
                title: s.title.clone(),
                position: i + 1,
            }),
            Matched::Added(j, s) => out.push(Change::StepAdded {
                id: s.id.clone(),
                title: s.title.clone(),
                position: j + 1,
            }),
            Matched::Both((i, before), (j, s)) => {
                if !kept.contains(s.id.as_str()) {
                    out.push(Change::StepMoved {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        from: i + 1,
                        to: j + 1,
                    });
                }
                let fields = step_fields(before, s);
                if !fields.is_empty() {
                    out.push(Change::StepChanged {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        fields,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(old: &[&str], new: &[&str]) -> Vec<String> {
        let kept = kept_in_order(old, new);
        let mut ids: Vec<String> = new
            .iter()
            .filter(|id| !kept.contains(*id))
            .map(|s| s.to_string())
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_swap_moves_the_two_swapped_steps() {
        assert_eq!(
            moved(&["a", "b", "c", "d"], &["c", "b", "a", "d"]),
            ["a", "c"]
        );
    }

    #[test]
    fn one_step_taken_elsewhere_is_the_only_move() {
        assert_eq!(
            moved(&["a", "b", "c", "d", "e"], &["b", "c", "d", "a", "e"]),
            ["a"]
        );
        assert!(moved(&["a", "b", "c"], &["a", "b", "c"]).is_empty());
        assert_eq!(moved(&["a", "b"], &["b", "a"]).len(), 1);
    }
}
