//! `covalue check`: completeness and validity of a workbook against its guide.
//! Each concern has its own module; every rule reads its limits and lists
//! from the guide, so a site's adapted guide is checked by the same code.

mod compass;
mod completeness;
mod configurations;
mod personas;
pub mod privacy;
mod process_map;

use serde::Serialize;

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
    /// Every finding, sorted by file and line.
    pub findings: Vec<Finding>,
    /// Completeness per population.
    pub summary: Vec<PopulationSummary>,
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
    let checked = workbook.map_populations(&options.populations, |population| {
        let mut found = population.findings.clone();
        check_population(guide, &population, options, &mut found);
        for f in &mut found {
            f.population = Some(population.slug.clone());
        }
        (found, summarise(guide, &population, options.form))
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
    if options.form == Form::Full {
        personas::check(guide, population, out);
        process_map::check(guide, population, out);
        configurations::check(guide, population, out);
        compass::check(guide, population, out);
    }
}
