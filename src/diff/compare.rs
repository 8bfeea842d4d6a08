//! Comparing two versions of a population by meaning: personas, process
//! steps, measures, questions and walk-through entries are matched by their
//! stable ids, never by position; records are compared field by field and
//! texts word by word. Files that could not be read on either side are left
//! out of the comparison (and reported as findings).
//!
//! This file compares a whole population and holds what every record kind
//! shares (matching by id, collecting changed fields); each kind has its
//! own file under `compare/`: `population.rs`, `personas.rs`,
//! `process_map.rs`, `compass.rs`, `improvements.rs` and `answers.rs`.

mod answers;
mod compass;
mod improvements;
mod personas;
mod population;
mod process_map;

use std::collections::{BTreeMap, BTreeSet};

use answers::answers;
use compass::compass;
use improvements::improvements;
use personas::personas;
use population::population_info;
use process_map::process_map;

use super::model::{
    Completeness, Contents, FieldChange, PopulationDiff, PopulationState, Side, SideFinding, Stat,
};
use super::words;
use crate::finding::{self, Finding};
use crate::guide::{Form, Guide};
use crate::workbook::Population;
use crate::workbook::layout::{COMPASS_FILE, IMPROVEMENTS_FILE, POPULATION_FILE, PROCESS_MAP_FILE};
use crate::workbook::progress::Counts;

/// Texts with more words than this get a word-level change instead of "before → after".
const PROSE_WORDS: usize = 8;

/// One version of a population, with the guide it is read against.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    /// The guide of that version of the workbook.
    pub guide: &'a Guide,
    /// The population.
    pub population: &'a Population,
}

/// The findings `keep` selects that are on one side only, labelled with
/// their side; the same problem on both sides is no change.
pub fn side_findings(
    old: &[Finding],
    new: &[Finding],
    keep: impl Fn(&Finding) -> bool,
) -> Vec<SideFinding> {
    let pick = |mine: &[Finding], theirs: &[Finding], side: Side| -> Vec<SideFinding> {
        let mut found: Vec<Finding> = mine
            .iter()
            .filter(|f| keep(f) && !theirs.contains(f))
            .cloned()
            .collect();
        finding::sort(&mut found);
        found
            .into_iter()
            .map(|finding| SideFinding { side, finding })
            .collect()
    };
    let mut all = pick(old, new, Side::Old);
    all.extend(pick(new, old, Side::New));
    all
}

/// Files (or folders) that could not be read on either side.
struct Broken(BTreeSet<String>);

impl Broken {
    fn of(old: &[Finding], new: &[Finding]) -> Broken {
        Broken(
            old.iter()
                .chain(new)
                .filter(|f| f.is_unreadable())
                .filter_map(|f| f.file.clone())
                .collect(),
        )
    }

    /// Whether the file or folder, or anything in it, could not be read.
    fn contains_or_holds(&self, path: &str) -> bool {
        self.contains(path)
            || self.0.iter().any(|b| {
                b.strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
    }

    /// Whether the file, or a folder holding it, could not be read.
    fn contains(&self, file: &str) -> bool {
        self.0.iter().any(|b| {
            file == b
                || file
                    .strip_prefix(b.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }
}

fn completeness(v: Reading<'_>, form: Form) -> Counts {
    // What reading the version found: a diff runs no check.
    crate::workbook::progress::summarise(v.guide, v.population, form, &v.population.findings).counts
}

fn contents(p: &Population) -> Contents {
    Contents {
        personas: p.personas.len(),
        steps: p.process_map.as_ref().map_or(0, |m| m.steps.len()),
        measures: p.compass.as_ref().map_or(0, |c| c.measures.len()),
    }
}

/// A population only in the newer version.
pub fn added(new: Reading<'_>, form: Form) -> PopulationDiff {
    PopulationDiff {
        slug: new.population.slug.clone(),
        name: new.population.name().to_string(),
        state: PopulationState::Added,
        contents: Some(contents(new.population)),
        changes: Vec::new(),
        completeness: Completeness {
            before: None,
            after: Some(completeness(new, form)),
        },
        stat: Stat::default(),
        findings: side_findings(&[], &new.population.findings, Finding::is_unreadable),
    }
}

/// A population only in the older version.
pub fn removed(old: Reading<'_>, form: Form) -> PopulationDiff {
    PopulationDiff {
        slug: old.population.slug.clone(),
        name: old.population.name().to_string(),
        state: PopulationState::Removed,
        contents: Some(contents(old.population)),
        changes: Vec::new(),
        completeness: Completeness {
            before: Some(completeness(old, form)),
            after: None,
        },
        stat: Stat::default(),
        findings: side_findings(&old.population.findings, &[], Finding::is_unreadable),
    }
}

/// What changed in a population present in both versions; None when nothing did.
/// `same` names the files (as findings show them) that are the same bytes
/// on both sides, read with the same guide: what is made of them alone
/// cannot have changed, so they are not compared.
pub fn changed(
    old: Reading<'_>,
    new: Reading<'_>,
    form: Form,
    same: &BTreeSet<String>,
) -> Option<PopulationDiff> {
    let (o, n) = (old.population, new.population);
    let broken = Broken::of(&o.findings, &n.findings);
    let dir = &n.dir;
    let compared = |file: &str| {
        let path = format!("{dir}/{file}");
        !broken.contains(&path) && !same.contains(&path)
    };
    let mut changes = Vec::new();
    if compared(POPULATION_FILE) {
        population_info(o.info.as_ref(), n.info.as_ref(), &mut changes);
    }
    let same_personas = o.personas.len() == n.personas.len()
        && o.personas
            .iter()
            .chain(&n.personas)
            .all(|p| same.contains(&p.file));
    if !same_personas {
        personas(o, n, &broken, &mut changes);
    }
    if compared(PROCESS_MAP_FILE) {
        process_map(o.process_map.as_ref(), n.process_map.as_ref(), &mut changes);
    }
    if compared(COMPASS_FILE) {
        compass(o.compass.as_ref(), n.compass.as_ref(), &mut changes);
    }
    if compared(IMPROVEMENTS_FILE) {
        improvements(
            o.improvements.as_ref(),
            n.improvements.as_ref(),
            &mut changes,
        );
    }
    // An answer's status also depends on the records (a question answered
    // by the process map is settled when the map has steps): an answer
    // file is passed over only when those are the same too.
    let same_records = same_personas
        && same.contains(&format!("{dir}/{PROCESS_MAP_FILE}"))
        && same.contains(&format!("{dir}/{COMPASS_FILE}"));
    let passed_over = |section: &str| {
        same_records && {
            match (answer_file(o, section), answer_file(n, section)) {
                (Some(a), Some(_)) => same.contains(a),
                (None, None) => true,
                _ => false,
            }
        }
    };
    answers(old, new, &broken, &passed_over, &mut changes);
    // Print order: grouped, and in each group in the order found.
    changes.sort_by_key(|c| {
        super::model::Area::ALL
            .iter()
            .position(|g| *g == c.group())
            .unwrap_or(usize::MAX)
    });
    let findings = side_findings(&o.findings, &n.findings, Finding::is_unreadable);
    if changes.is_empty() && findings.is_empty() {
        return None;
    }
    let mut stat = Stat::default();
    for change in &changes {
        change.count(&mut stat);
    }
    Some(PopulationDiff {
        slug: n.slug.clone(),
        name: n.name().to_string(),
        state: PopulationState::Changed,
        contents: None,
        changes,
        completeness: Completeness {
            before: Some(completeness(old, form)),
            after: Some(completeness(new, form)),
        },
        stat,
        findings,
    })
}

/// Collects the changed fields of a record.
#[derive(Default)]
struct Fields(Vec<FieldChange>);

/// A number as a person would write it: no `.0` on whole numbers.
fn number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A list as text; None when empty.
fn list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(", "))
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl Fields {
    /// A short value: "before → after".
    fn value(&mut self, field: impl Into<String>, before: Option<String>, after: Option<String>) {
        let written = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        let (before, after) = (written(before), written(after));
        if before != after {
            self.0.push(FieldChange {
                field: field.into(),
                before,
                after,
                words: None,
            });
        }
    }

    /// A text: compared by its words; long texts get a word-level change.
    fn prose(&mut self, field: impl Into<String>, before: Option<&str>, after: Option<&str>) {
        let (before, after) = (non_empty(before), non_empty(after));
        let words = match (before, after) {
            (None, None) => return,
            (Some(b), Some(a)) if words::same(b, a) => return,
            (Some(b), Some(a))
                if b.split_whitespace().count() > PROSE_WORDS
                    || a.split_whitespace().count() > PROSE_WORDS =>
            {
                words::diff(b, a)
            }
            _ => None,
        };
        self.0.push(FieldChange {
            field: field.into(),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
            words,
        });
    }
}

/// Ids in the order of `first`, then those only in `second`, each once.
fn union<'a>(
    first: impl IntoIterator<Item = &'a str>,
    second: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    first
        .into_iter()
        .chain(second)
        .filter(|id| seen.insert(*id))
        .collect()
}

/// An item matched by id across the two versions, with its place (from 0).
enum Matched<'a, T> {
    /// Only in the older version.
    Removed(usize, &'a T),
    /// Only in the newer version.
    Added(usize, &'a T),
    /// In both: before and after.
    Both((usize, &'a T), (usize, &'a T)),
}

/// The answer file of a section, as findings show it.
fn answer_file<'p>(population: &'p Population, section: &str) -> Option<&'p str> {
    let file = population.answers.iter().find(|a| a.section == section)?;
    Some(&file.file)
}

/// Items matched by id: those removed, in the older order, then the newer
/// version's items in order. Of two items with the same id the first is
/// used (`check` reports the repeat).
fn match_by_id<'a, T>(old: &'a [T], new: &'a [T], id: impl Fn(&T) -> &str) -> Vec<Matched<'a, T>> {
    let first = |items: &'a [T]| {
        let mut map: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            map.entry(id(item)).or_insert(i);
        }
        map
    };
    let (old_first, new_first) = (first(old), first(new));
    let is_first = |map: &BTreeMap<&str, usize>, i: usize, item: &T| map.get(id(item)) == Some(&i);
    let mut out = Vec::new();
    for (i, item) in old.iter().enumerate() {
        if is_first(&old_first, i, item) && !new_first.contains_key(id(item)) {
            out.push(Matched::Removed(i, item));
        }
    }
    for (j, item) in new.iter().enumerate() {
        if !is_first(&new_first, j, item) {
            continue;
        }
        out.push(
            match old_first
                .get(id(item))
                .and_then(|&i| old.get(i).map(|o| (i, o)))
            {
                Some(before) => Matched::Both(before, (j, item)),
                None => Matched::Added(j, item),
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_matched_by_id_and_a_repeated_id_counts_once() {
        let old = ["a", "b", "b", "c"];
        let new = ["c", "d", "a", "d"];
        let shown: Vec<String> = match_by_id(&old, &new, |s| s)
            .into_iter()
            .map(|m| match m {
                Matched::Removed(i, s) => format!("-{s}@{i}"),
                Matched::Added(j, s) => format!("+{s}@{j}"),
                Matched::Both((i, s), (j, _)) => format!("{s}@{i}->{j}"),
            })
            .collect();
        assert_eq!(shown, ["-b@1", "c@3->0", "+d@1", "a@0->2"]);
    }
}
