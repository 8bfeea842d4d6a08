//! `covalue check`: completeness and validity of a workbook against its guide.
//! Each concern has its own module; every rule reads its limits and lists
//! from the guide, so a site's adapted guide is checked by the same code.

mod compass;
mod completeness;
mod configurations;
mod consistency;
mod guide_version;
mod improvements;
mod options;
mod personas;
pub mod privacy;
mod process_map;
mod schemas;
mod sessions;

use std::path::Path;

use serde::Serialize;

pub use options::{FailOn, Only};

use crate::date::Date;
use crate::finding::{self, Code, Finding};
use crate::guide::{Form, Guide};
pub use crate::workbook::progress::{Counts, PopulationSummary, StepSummary, summarise};
use crate::workbook::{Population, Workbook};

/// What to check.
#[derive(Debug, Clone)]
pub struct Options {
    /// The form to check.
    pub form: Form,
    /// Only these populations (all when empty).
    pub populations: Vec<String>,
    /// Today, for deferral dates.
    pub today: Date,
}

/// What a check found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The form checked.
    pub form: Form,
    /// Every finding, in the guide's order (see [`Finding::sort_key`]).
    pub findings: Vec<Finding>,
    /// Completeness per population.
    pub summary: Vec<PopulationSummary>,
}

/// The report on a workbook whose guide cannot be used: the guide's
/// problems, and what the privacy lint finds in the files (none of the
/// populations can be read against a broken guide).
pub fn guide_unusable(root: &Path, mut findings: Vec<Finding>) -> Report {
    let mut ignored = Vec::new();
    let config = crate::workbook::Loader::disk(root).config(&mut ignored);
    let lint = privacy::Lint::new(&config.privacy_allow);
    findings.extend(lint.scan_unread(root, &[]));
    finding::sort(&mut findings);
    Report {
        form: Form::Full,
        findings,
        summary: Vec::new(),
    }
}

/// Checks a workbook on disk with the privacy lint over every file read,
/// then over the files no part of the check read and every file and folder
/// name (`privacy::Lint::scan_unread`); findings sorted.
pub fn check_on_disk(root: &Path, workbook: Workbook<'_>, options: &Options) -> Report {
    let lint = crate::check::privacy::Lint::new(&workbook.config.privacy_allow);
    let hook =
        |source: &crate::source::Source, out: &mut Vec<Finding>| lint.scan_source(source, out);
    let workbook = workbook.with_hook(&hook);
    let mut report = check(&workbook, options);
    report
        .findings
        .extend(schemas::stale(root, &workbook.guide));
    report.findings.extend(crate::i18n::site::check(root));
    report
        .findings
        .extend(lint.scan_unread(root, &options.populations));
    finding::sort(&mut report.findings);
    report
}

/// The report of a network folder: its `network.toml` and its community
/// session records (`sessions/*.toml`), as of `today`.
pub fn check_network(root: &Path, today: Date) -> Result<Report, crate::network::NetworkError> {
    let (network, mut findings) = crate::network::read(root)?;
    let (records, read) = crate::network::sessions::load(root);
    findings.extend(read);
    if let Some(network) = &network {
        let sites: Vec<&str> = network.sites.iter().map(|s| s.name.as_str()).collect();
        sessions::check_community(&sites, &records, today, &mut findings);
    }
    finding::sort(&mut findings);
    Ok(Report {
        form: Form::Full,
        findings,
        summary: Vec::new(),
    })
}

/// Checks a workbook opened with [`Workbook::open`], reading its populations
/// one at a time (each is dropped once checked). Findings met while reading
/// (syntax, shape, privacy, when the workbook's loader has a hook that scans)
/// are included.
pub fn check(workbook: &Workbook<'_>, options: &Options) -> Report {
    let mut findings = workbook.findings.clone();
    if workbook.config.title.trim().is_empty()
        && !findings
            .iter()
            .any(|f| f.file.as_deref() == Some("covalue.toml"))
    {
        findings.push(
            Finding::warning(Code::CV006, "the workbook has no title")
                .in_file("covalue.toml")
                .help("add title = \"…\" to covalue.toml; it is printed on every report"),
        );
    }
    if workbook.slugs.is_empty() {
        findings.push(
            Finding::warning(Code::CV007, "the workbook has no population yet")
                .in_file(crate::workbook::layout::POPULATIONS_DIR)
                .help("create one with `covalue new population SLUG --name \"Name\"`"),
        );
    }
    for name in &options.populations {
        if !workbook.slugs.contains(name) {
            findings.push(
                Finding::error(Code::CV007, format!("there is no population `{name}`"))
                    .in_file(crate::workbook::layout::POPULATIONS_DIR)
                    .help(format!(
                        "the populations are: {}",
                        workbook.slugs.join(", ")
                    )),
            );
        }
    }
    let guide = &workbook.guide;
    let (records, mut read) = workbook.sessions();
    sessions::check(guide, &workbook.slugs, &records, options.today, &mut read);
    findings.extend(read);
    let checked = workbook.map_populations(&options.populations, |population| {
        let mut found = population.findings.clone();
        check_population(guide, &population, options, &mut found);
        for f in &mut found {
            f.population = Some(population.slug.clone());
            if f.place == finding::UNPLACED {
                f.place = place(guide, options.form, &population, f);
            }
        }
        let summary = summarise(guide, &population, options.form, &found);
        (found, summary)
    });
    let mut summary = Vec::with_capacity(checked.len());
    for (found, s) in checked {
        findings.extend(found);
        summary.push(s);
    }
    finding::sort(&mut findings);
    Report {
        form: options.form,
        findings,
        summary,
    }
}

/// Where a finding of a population belongs in the guide: the step and
/// question whose file (or part of a file) it points into. The population's
/// own file comes before the steps; files no step owns come after them.
fn place(guide: &Guide, form: Form, population: &Population, f: &Finding) -> finding::Place {
    use crate::guide::QuestionKind;
    use crate::workbook::layout;
    let Some(file) = f.file.as_deref() else {
        return finding::UNPLACED;
    };
    let Some(rel) = file
        .strip_prefix(population.dir.as_str())
        .and_then(|r| r.strip_prefix('/'))
    else {
        return finding::UNPLACED;
    };
    if rel == layout::POPULATION_FILE {
        return (0, 0);
    }
    let sections = guide.sections(form);
    let record = if rel == layout::PROCESS_MAP_FILE {
        Some(QuestionKind::ProcessMap)
    } else if rel == layout::COMPASS_FILE {
        Some(QuestionKind::ValueCompass)
    } else if rel == layout::PERSONAS_DIR || rel.starts_with(&format!("{}/", layout::PERSONAS_DIR))
    {
        Some(QuestionKind::Personas)
    } else {
        None
    };
    if let Some(kind) = record {
        return sections
            .iter()
            .enumerate()
            .find_map(|(i, s)| {
                let q = s.questions.iter().position(|q| q.kind == kind)?;
                Some((i + 1, q))
            })
            .unwrap_or(finding::UNPLACED);
    }
    let Some((i, section)) = sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.answer_file() == rel)
    else {
        return finding::UNPLACED;
    };
    // The question whose heading is the last one at or before the line
    // (answers are in file order: a binary search keeps a file of
    // thousands of headings and findings quick).
    let question = f
        .line
        .zip(population.answer_file(&section.id))
        .and_then(|(line, answers)| {
            let after = answers.answers.partition_point(|a| a.loc.line <= line);
            after.checked_sub(1).and_then(|k| answers.answers.get(k))
        })
        .and_then(|a| section.questions.iter().position(|q| q.id == a.question))
        .unwrap_or(0);
    (i + 1, question)
}

fn check_population(
    guide: &Guide,
    population: &Population,
    options: &Options,
    out: &mut Vec<Finding>,
) {
    if population.info.is_none()
        && !out.iter().any(|f| {
            f.file
                .as_deref()
                .is_some_and(|p| p.ends_with("population.toml"))
        })
    {
        out.push(
            Finding::error(Code::CV007, format!("{}/population.toml is missing", population.dir))
                .in_file(format!("{}/population.toml", population.dir))
                .help("create it with name and description; `covalue new population` writes a starting version"),
        );
    }
    completeness::check(guide, population, options, out);
    guide_version::check(guide, population, out);
    if options.form == Form::Full {
        personas::check(guide, population, out);
        process_map::check(guide, population, out);
        configurations::check(guide, population, out);
        compass::check(guide, population, out);
        improvements::check(guide, population, options.today, out);
        consistency::check(population, out);
    }
}
