//! `covalue diff`: what changed between two versions of a workbook, by
//! meaning. The versions are read (`version`), compared population by
//! population into one model (`compare`, `model`), and printed as text,
//! Markdown, HTML or JSON.

pub mod compare;
pub mod driver;
pub mod html;
pub mod markdown;
pub mod model;
mod say;
pub mod text;
pub mod textconv;
pub mod version;
pub mod view;
pub mod words;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::finding::{Code, Finding};
use crate::git::GitError;
use crate::guide::{Form, Guide};
use crate::workbook::{self, Config, Population};
use model::{DiffReport, FieldChange, PopulationState, Summary};
pub use version::{Fetch, Spec, Version};

/// How to print the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For the terminal (coloured on a terminal, unless NO_COLOR is set).
    Text,
    /// A Markdown handout, "What changed since …".
    Md,
    /// A printable HTML page.
    Html,
    /// One JSON document (see docs/diff.md).
    Json,
}

/// Prints a report in a format; `stat` for one line per population.
pub fn write(
    out: &mut dyn std::io::Write,
    report: &DiffReport,
    format: Format,
    stat: bool,
    options: &text::Options,
) -> std::io::Result<()> {
    match format {
        Format::Text if stat => text::write_stat(out, report, options),
        Format::Text => text::write(out, report, options),
        // Markdown quotes the workbook's text as it is: made safe for a
        // terminal as a whole, like the text report.
        Format::Md if stat => markdown::write_stat(
            &mut crate::escape::Terminal(out),
            report,
            &options.catalogue(report),
        ),
        Format::Md => markdown::write(
            &mut crate::escape::Terminal(out),
            report,
            &options.catalogue(report),
        ),
        Format::Html => html::write(out, report, stat, options.page, options.catalogue(report)),
        Format::Json => serde_json::to_string_pretty(report)
            .map_err(std::io::Error::from)
            .and_then(|json| writeln!(out, "{}", crate::escape::json(&json))),
    }
}

/// What to compare.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these populations (all when empty).
    pub populations: Vec<String>,
    /// The language the guide's text is read in, for the handout.
    pub language: Language,
}

/// The language of a report's words and of the guide's text in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Language {
    /// English: the terminal's report, git's, and JSON.
    #[default]
    English,
    /// The newer version's `language` (a handout).
    Workbook,
    /// One chosen with `--lang` (a handout).
    Chosen(crate::i18n::Lang),
}

/// Why two versions could not be compared (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// git could not read a revision.
    #[error(transparent)]
    Git(#[from] GitError),
    /// A folder given as a version holds no workbook.
    #[error("{} holds no workbook (there is no {})", .0.display(), workbook::CONFIG_FILE)]
    NotAWorkbook(PathBuf),
    /// A revision holds no workbook where the working tree has it.
    #[error("`{rev}` has no workbook{}", where_in(prefix))]
    NoWorkbookInRevision {
        /// The revision.
        rev: String,
        /// The workbook's folder in the repository.
        prefix: String,
    },
    /// `--population` names a population neither version has.
    #[error("there is no population `{slug}` in either version")]
    UnknownPopulation {
        /// The slug asked for.
        slug: String,
        /// The populations there are.
        known: Vec<String>,
    },
    /// A folder cannot be read.
    #[error(transparent)]
    Load(workbook::LoadError),
    /// Neither version's guide can be used; the findings say why.
    #[error("the guide cannot be used in either version ({} problem(s) above)", .0.len())]
    Guide(Vec<Finding>),
}

/// Where a revision lacks the workbook: at the top, or in its folder.
fn where_in(prefix: &str) -> String {
    if prefix.is_empty() {
        format!(
            ": there is no {} at the top of the repository",
            workbook::CONFIG_FILE
        )
    } else {
        format!(" in {prefix}: there is no {} there", workbook::CONFIG_FILE)
    }
}

impl crate::diagnose::Diagnose for DiffError {
    fn help(&self) -> Option<String> {
        Some(match self {
            DiffError::Git(err) => return err.help(),
            DiffError::NotAWorkbook(_) => {
                "give the folder that holds covalue.toml, or a git revision such as a tag".into()
            }
            DiffError::NoWorkbookInRevision { .. } => {
                "name a later revision: `git log --oneline -- covalue.toml` lists the commits that have the workbook".into()
            }
            DiffError::UnknownPopulation { known, .. } if known.is_empty() => {
                "neither version has a population yet".into()
            }
            DiffError::UnknownPopulation { known, .. } => {
                format!("the populations are: {}", known.join(", "))
            }
            DiffError::Load(err) => return err.help(),
            DiffError::Guide(_) => "fix the guide file, then compare again".into(),
        })
    }

    fn findings(&self) -> &[Finding] {
        match self {
            DiffError::Guide(findings) => findings,
            DiffError::Load(err) => err.findings(),
            _ => &[],
        }
    }
}

/// What is read of a version outside its populations.
struct Head {
    config: Config,
    guide: Option<Guide>,
    slugs: Vec<String>,
    findings: Vec<Finding>,
}

/// The language a version's guide is read in.
fn lang_of(config: &Config, language: Language) -> Option<crate::i18n::Lang> {
    match language {
        Language::English => None,
        Language::Workbook => config.language.as_ref().map(|_| config.lang()),
        Language::Chosen(lang) => Some(lang),
    }
}

fn head(version: &Version, language: Language) -> Result<Head, DiffError> {
    let files = version.files();
    let mut findings = Vec::new();
    let loader = workbook::Loader::new(files, &version.root);
    let config = loader.config(&mut findings);
    let lang = lang_of(&config, language).unwrap_or_default();
    let guide = match loader.guide_in(&config.guide, lang) {
        Ok(guide) => Some(guide),
        Err(problems) => {
            findings.extend(problems);
            None
        }
    };
    let slugs = loader
        .population_slugs(&mut findings)
        .map_err(DiffError::Load)?;
    Ok(Head {
        config,
        guide,
        slugs,
        findings,
    })
}

fn config_changes(old: &Config, new: &Config) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut field = |name: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            out.push(FieldChange {
                field: name.into(),
                before,
                after,
                words: None,
            });
        }
    };
    field("title", Some(old.title.clone()), Some(new.title.clone()));
    field(
        "organisation",
        old.organisation.clone(),
        new.organisation.clone(),
    );
    field("guide", Some(old.guide.clone()), Some(new.guide.clone()));
    field(
        "form",
        Some(old.form.as_str().into()),
        Some(new.form.as_str().into()),
    );
    field("templates", old.templates.clone(), new.templates.clone());
    out
}

/// What happens to one population.
enum Plan {
    Added,
    Removed,
    Compare,
}

/// Compares two versions of a workbook.
pub fn diff(old: &Spec, new: &Spec, options: &Options) -> Result<DiffReport, DiffError> {
    let (mut old_v, mut new_v) = Version::open_both(old, new)?;
    // Two revisions: read only what lies outside the populations for now.
    // A revision against a folder: read everything, to compare bytes.
    let both_revisions = old_v.is_revision() && new_v.is_revision();
    let first = if both_revisions {
        Fetch::OutsidePopulations
    } else {
        Fetch::Everything
    };
    fetch_both(&mut old_v, &mut new_v, &first)?;
    let (old_h, new_h) = rayon::join(
        || head(&old_v, options.language),
        || head(&new_v, options.language),
    );
    let (old_h, new_h) = (old_h?, new_h?);

    // A version whose guide cannot be used is read with the other's guide
    // (and its problems reported); when neither can be used, stop.
    let (old_guide, new_guide) = match (&old_h.guide, &new_h.guide) {
        (Some(o), Some(n)) => (o.clone(), n.clone()),
        (Some(o), None) => (o.clone(), o.clone()),
        (None, Some(n)) => (n.clone(), n.clone()),
        (None, None) => {
            let mut problems: Vec<Finding> = old_h.findings.clone();
            problems.extend(new_h.findings.iter().cloned());
            problems.retain(|f| f.code == Code::CV040 || f.is_unreadable());
            crate::finding::sort(&mut problems);
            return Err(DiffError::Guide(problems));
        }
    };
    let form = new_h.config.form;
    let same_guide = old_h.config.guide == new_h.config.guide
        && (old_h.config.guide.starts_with("builtin")
            || version::same_file(&old_v, &new_v, Path::new(&new_h.config.guide)));

    let all_slugs: BTreeSet<&str> = old_h
        .slugs
        .iter()
        .chain(&new_h.slugs)
        .map(String::as_str)
        .collect();
    for slug in &options.populations {
        if !all_slugs.contains(slug.as_str()) {
            return Err(DiffError::UnknownPopulation {
                slug: slug.clone(),
                known: all_slugs.iter().map(|s| s.to_string()).collect(),
            });
        }
    }
    let mut plans: Vec<(String, Plan)> = Vec::new();
    let mut in_both: usize = 0;
    for slug in all_slugs {
        if !options.populations.is_empty() && !options.populations.iter().any(|p| p == slug) {
            continue;
        }
        let in_old = old_h
            .slugs
            .binary_search_by(|s| s.as_str().cmp(slug))
            .is_ok();
        let in_new = new_h
            .slugs
            .binary_search_by(|s| s.as_str().cmp(slug))
            .is_ok();
        let plan = match (in_old, in_new) {
            (true, false) => Plan::Removed,
            (false, true) => Plan::Added,
            _ => {
                in_both += 1;
                // Two revisions: git's ids tell cheaply what is the same.
                if both_revisions && same_guide && version::same_population(&old_v, &new_v, slug) {
                    continue;
                }
                Plan::Compare
            }
        };
        plans.push((slug.to_string(), plan));
    }
    let guides = (&old_guide, &new_guide);
    let populations = if both_revisions {
        // Two revisions: the populations are read from git a few at a
        // time, each batch loaded and compared while git reads the next.
        compare_streamed(&plans, (&mut old_v, &mut new_v), guides, form, same_guide)?
    } else {
        // A folder's files are compared byte for byte as the populations
        // are loaded, on all cores.
        let same = |slug: &str| same_guide && version::same_population(&old_v, &new_v, slug);
        let sides = (side_of(&old_v), side_of(&new_v));
        compare_all(&plans, sides, guides, form, &same, same_guide)
    };
    let workbook = config_changes(&old_h.config, &new_h.config);
    // Outside the populations: unreadable files, and a guide that cannot be used.
    let findings = compare::side_findings(&old_h.findings, &new_h.findings, |f| {
        f.is_unreadable() || f.code == Code::CV040
    });
    let mut summary = Summary::default();
    for p in &populations {
        match p.state {
            PopulationState::Added => summary.populations_added += 1,
            PopulationState::Removed => summary.populations_removed += 1,
            PopulationState::Changed => summary.populations_changed += 1,
        }
        summary.changes += p.changes.len() + p.findings.len();
        if p.state != PopulationState::Changed {
            summary.changes += 1;
        }
    }
    summary.populations_unchanged = in_both.saturating_sub(summary.populations_changed);
    summary.changes += workbook.len() + findings.len();
    summary.changed = summary.changes > 0;
    let (old_info, new_info) = (old_v.info.clone(), new_v.info.clone());
    // The listings and files read from git (thousands of small values for
    // a large workbook) are freed, and git waited for, on a thread of their
    // own while the report is written; here when no thread can be started.
    let _ = std::thread::Builder::new()
        .name("covalue-free".into())
        .spawn(move || drop((old_v, new_v)));
    Ok(DiffReport {
        format_version: model::FORMAT_VERSION,
        old: old_info,
        new: new_info,
        form,
        workbook,
        findings,
        populations,
        summary,
        lang: lang_of(&new_h.config, options.language),
    })
}

/// Reads from git what both versions need (two revisions of one
/// repository share one git process, so one after the other).
fn fetch_both(old: &mut Version, new: &mut Version, what: &Fetch) -> Result<(), DiffError> {
    old.fetch(what)?;
    new.fetch(what)
}

/// Where one side's files are read from.
#[derive(Clone, Copy)]
struct Side<'a> {
    files: &'a dyn workbook::Files,
    root: &'a Path,
}

fn side_of(version: &Version) -> Side<'_> {
    Side {
        files: version.files(),
        root: &version.root,
    }
}

/// The batches in which git reads the planned populations while the ones
/// before are compared: the first small, so that comparing starts early,
/// then twice as large each time up to an eighth of all (at most 64), so
/// that each batch is a handful of requests to git.
fn batches(plans: &[(String, Plan)]) -> Vec<&[(String, Plan)]> {
    let largest = (plans.len() / 8).clamp(4, 64);
    let (mut size, mut rest, mut out) = (2, plans, Vec::new());
    while !rest.is_empty() {
        let (batch, after) = rest.split_at(size.min(rest.len()));
        out.push(batch);
        rest = after;
        size = (size * 2).min(largest);
    }
    out
}

/// Compares the planned populations of two revisions: a thread reads each
/// batch from git into trees of its own while the batch before is loaded
/// and compared on all cores, so reading and parsing overlap.
fn compare_streamed(
    plans: &[(String, Plan)],
    (old, new): (&mut Version, &mut Version),
    guides: (&Guide, &Guide),
    form: Form,
    same_guide: bool,
) -> Result<Vec<model::PopulationDiff>, DiffError> {
    let batches = batches(plans);
    let batches = &batches;
    std::thread::scope(|scope| {
        let (sender, batches_read) = std::sync::mpsc::sync_channel(2);
        let reader = scope.spawn(move || -> Result<(), DiffError> {
            for (i, batch) in batches.iter().enumerate() {
                let slugs: BTreeSet<String> = batch.iter().map(|(s, _)| s.clone()).collect();
                let old_tree = old.fetch_apart(slugs.clone())?.unwrap_or_default();
                let new_tree = new.fetch_apart(slugs)?.unwrap_or_default();
                if sender.send((i, old_tree, new_tree)).is_err() {
                    break;
                }
            }
            Ok(())
        });
        let root = Path::new("");
        // Each batch is taken up as soon as a core is free, not when the
        // one before is done; the batches are put back in order after.
        let mut compared: Vec<(usize, Vec<model::PopulationDiff>)> = batches_read
            .into_iter()
            .par_bridge()
            .map(|(i, old_tree, new_tree)| {
                let sides = (
                    Side {
                        files: &old_tree,
                        root,
                    },
                    Side {
                        files: &new_tree,
                        root,
                    },
                );
                let batch = compare_all(batches[i], sides, guides, form, &|_| false, same_guide);
                (i, batch)
            })
            .collect();
        compared.sort_unstable_by_key(|(i, _)| *i);
        let out = compared.into_iter().flat_map(|(_, batch)| batch).collect();
        match reader.join() {
            Ok(result) => result.map(|()| out),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Loads and compares the planned populations on all cores, keeping their
/// order. A population for which `same` says its files are the same bytes
/// on both sides is not parsed. With `same_guide`, a file that is the same
/// on both sides is parsed once.
fn compare_all(
    plans: &[(String, Plan)],
    (old, new): (Side<'_>, Side<'_>),
    guides: (&Guide, &Guide),
    form: Form,
    same: &(dyn Fn(&str) -> bool + Sync),
    same_guide: bool,
) -> Vec<model::PopulationDiff> {
    let one = |(slug, plan): &(String, Plan)| -> Option<model::PopulationDiff> {
        let memo = workbook::loader::Memo::default();
        // A register of improvements that is the same on both sides has no
        // changes, and nothing else in the diff needs it: it is not read.
        let same_register = matches!(plan, Plan::Compare) && same_guide && {
            let register = Path::new(&workbook::layout::population_dir(slug))
                .join(workbook::layout::IMPROVEMENTS_FILE);
            let read = |side: Side<'_>| side.files.read(&side.root.join(&register)).ok();
            read(old).is_some_and(|bytes| Some(bytes) == read(new))
        };
        let load = |side: Side<'_>, guide: &Guide| -> Population {
            let mut loader = workbook::Loader::new(side.files, side.root);
            if same_register {
                loader = loader.without_register();
            }
            match same_guide {
                true => loader.with_memo(&memo).population(slug, guide),
                false => loader.population(slug, guide),
            }
        };
        let side = |guide, population| compare::Reading { guide, population };
        match plan {
            Plan::Added => {
                let p = load(new, guides.1);
                Some(compare::added(side(guides.1, &p), form))
            }
            Plan::Removed => {
                let p = load(old, guides.0);
                Some(compare::removed(side(guides.0, &p), form))
            }
            Plan::Compare if same(slug) => None,
            Plan::Compare => {
                let (o, n) = (load(old, guides.0), load(new, guides.1));
                let same = memo.same_files();
                compare::changed(side(guides.0, &o), side(guides.1, &n), form, &same)
            }
        }
    };
    plans.par_iter().filter_map(one).collect()
}

/// How a version's files are shown before a path: `REV:` for a revision,
/// the folder for a folder.
pub fn file_prefix(info: &model::VersionInfo, working_tree: &str) -> String {
    match info.source {
        model::VersionSource::Revision => format!("{}:", info.label),
        model::VersionSource::Folder => format!("{}/", info.label.trim_end_matches('/')),
        model::VersionSource::WorkingTree => working_tree.to_string(),
    }
}
