//! Comparing two versions of a population by meaning: personas, process
//! steps, measures, questions and walk-through entries are matched by their
//! stable ids, never by position; records are compared field by field and
//! texts word by word. Files that could not be read on either side are left
//! out of the comparison (and reported as findings).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use similar::{Algorithm, DiffOp};

use super::model::{
    Change, Completeness, Contents, FieldChange, PopulationDiff, PopulationState, Side,
    SideFinding, Stat, StatusChange, Walkthrough,
};
use super::words;
use crate::finding::{self, Finding};
use crate::guide::{Form, Guide, QuestionKind, Section};
use crate::workbook::answers::WalkEntry;
use crate::workbook::layout::{
    COMPASS_FILE, IMPROVEMENTS_FILE, PERSONAS_DIR, POPULATION_FILE, PROCESS_MAP_FILE,
};
use crate::workbook::progress::Counts;
use crate::workbook::records::{Figures, PopulationInfo, ProcessStep};
use crate::workbook::{Compass, Measure, Persona, Population, ProcessMap};

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
    crate::workbook::progress::summarise(v.guide, v.population, form).counts
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

fn population_info(
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

fn personas(o: &Population, n: &Population, broken: &Broken, out: &mut Vec<Change>) {
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

fn process_map(old: Option<&ProcessMap>, new: Option<&ProcessMap>, out: &mut Vec<Change>) {
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

fn measure_fields(o: &Measure, n: &Measure) -> Vec<FieldChange> {
    let mut f = Fields::default();
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
    f.value("cluster", Some(o.cluster.clone()), Some(n.cluster.clone()));
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
    f.0
}

fn improvements(
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
                cluster: i.cluster.clone(),
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

fn compass(old: Option<&Compass>, new: Option<&Compass>, out: &mut Vec<Change>) {
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
            }),
            Matched::Added(_, m) => out.push(Change::MeasureAdded {
                id: m.id.clone(),
                name: m.name.clone(),
                quadrant: m.quadrant.clone(),
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

/// The text of an answer that counts as an answer: none while it is open,
/// deferred or not applicable (the status says why).
fn answer_text<'a>(status: Option<&crate::workbook::Status>, body: Option<&'a str>) -> &'a str {
    match status {
        Some(crate::workbook::Status::Answered) => body.unwrap_or(""),
        _ => "",
    }
}

fn answers(
    old: Reading<'_>,
    new: Reading<'_>,
    broken: &Broken,
    passed_over: &dyn Fn(&str) -> bool,
    out: &mut Vec<Change>,
) {
    let (o, n) = (old.population, new.population);
    let mut walkthroughs = Vec::new();
    let section_ids = union(
        new.guide.all_sections().map(|s| s.id.as_str()),
        old.guide.all_sections().map(|s| s.id.as_str()),
    );
    for id in section_ids {
        if passed_over(id) {
            continue;
        }
        let (old_sec, new_sec) = (old.guide.section(id), new.guide.section(id));
        let Some(heading) = new_sec.or(old_sec).map(Section::heading) else {
            continue;
        };
        if broken.contains(&format!("{}/answers/{id}.md", n.dir)) {
            continue;
        }
        let question_ids = union(
            new_sec
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str())),
            old_sec
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str())),
        );
        for qid in question_ids {
            let (old_q, new_q) = (question_of(old_sec, qid), question_of(new_sec, qid));
            let Some((_, question)) = new_q.or(old_q) else {
                continue;
            };
            // A question answered by a record whose file cannot be read is
            // not compared: its status would only say the file broke.
            let record = match question.kind {
                QuestionKind::Personas => Some(format!("{}/{PERSONAS_DIR}", n.dir)),
                QuestionKind::ProcessMap => Some(format!("{}/{PROCESS_MAP_FILE}", n.dir)),
                QuestionKind::ValueCompass => Some(format!("{}/{COMPASS_FILE}", n.dir)),
                QuestionKind::Text | QuestionKind::Walkthrough => None,
            };
            if record.is_some_and(|r| broken.contains_or_holds(&r)) {
                continue;
            }
            let old_status = old_q.map(|(s, q)| o.status(s, q));
            let new_status = new_q.map(|(s, q)| n.status(s, q));
            let (old_answer, new_answer) = (o.answer(id, qid), n.answer(id, qid));
            if question.kind == QuestionKind::Walkthrough {
                let configuration = question.configuration.as_deref().unwrap_or(id);
                let of = Walkthrough {
                    step: id.to_string(),
                    configuration: configuration.to_string(),
                    configuration_title: Guide::term_title(
                        &new.guide.configurations,
                        configuration,
                    )
                    .to_string(),
                    persona: String::new(),
                    name: String::new(),
                };
                walkthrough(
                    &of,
                    old_answer.map_or(&[][..], |a| &a.walkthrough),
                    new_answer.map_or(&[][..], |a| &a.walkthrough),
                    &mut walkthroughs,
                );
            }
            let text = if new_status == Some(crate::workbook::Status::Answered) {
                words::diff(
                    answer_text(old_status.as_ref(), old_answer.map(|a| a.body.as_str())),
                    answer_text(new_status.as_ref(), new_answer.map(|a| a.body.as_str())),
                )
            } else {
                None
            };
            let status = (old_status != new_status).then_some(StatusChange {
                before: old_status,
                after: new_status,
            });
            if status.is_some() || text.is_some() {
                out.push(Change::AnswerChanged {
                    step: id.to_string(),
                    step_title: heading.clone(),
                    question: qid.to_string(),
                    question_text: question.text.clone(),
                    status,
                    text,
                });
            }
        }
    }
    out.extend(walkthroughs);
}

fn question_of<'a>(
    section: Option<&'a Section>,
    id: &str,
) -> Option<(&'a Section, &'a crate::guide::Question)> {
    section.and_then(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
}

/// The walk-through entries of one configuration, matched by persona.
fn walkthrough(of: &Walkthrough, old: &[WalkEntry], new: &[WalkEntry], out: &mut Vec<Change>) {
    // An entry with nothing under its heading is no walk-through yet.
    let written = |entries: &[WalkEntry]| -> Vec<WalkEntry> {
        entries
            .iter()
            .filter(|e| !e.body.trim().is_empty())
            .cloned()
            .collect()
    };
    let (old, new) = (written(old), written(new));
    let entry = |e: &WalkEntry| Walkthrough {
        persona: e.persona.clone(),
        name: match e.heading.trim() {
            "" => e.persona.clone(),
            heading => heading.to_string(),
        },
        ..of.clone()
    };
    for matched in match_by_id(&old, &new, |e| &e.persona) {
        match matched {
            Matched::Added(_, after) => out.push(Change::WalkthroughAdded {
                entry: entry(after),
                text: words::added(&after.body),
            }),
            Matched::Removed(_, before) => out.push(Change::WalkthroughRemoved {
                entry: entry(before),
            }),
            Matched::Both((_, before), (_, after)) => {
                if let Some(text) = words::diff(&before.body, &after.body) {
                    out.push(Change::WalkthroughChanged {
                        entry: entry(after),
                        text,
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
