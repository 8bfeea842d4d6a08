//! `network report`: the sites side by side, from the cache alone (no
//! network access, no git): completeness of steps and short-form
//! questions, populations of the same type across sites, improvement
//! registers by cluster and status, measures by compass quadrant and by
//! shared domain, and the revision each site is read at. One model
//! ([`Report`]), printed as text, Markdown, HTML (a template of its own,
//! escaped, no script) or JSON (docs/network.md).
//!
//! This file holds the model, how it is built from the cache and how a
//! format is chosen and written; the text, Markdown and HTML outputs are in
//! `report/text.rs`, `report/markdown.rs` and `report/html.rs`.

use crate::i18n::{Catalogue, Lang};
use crate::workbook::records::{MEASURE_KINDS, OUTCOME, is_outcome_kind};
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

mod html;
mod learning;
mod markdown;
mod text;

pub use learning::{
    ExemplarGroup, ExemplarItem, ImprovementLearning, LearningArea, LearningCluster,
    MeasureProgress, SiteLearning,
};

pub use html::html;
pub use markdown::write_markdown;
pub use text::write_text;

use super::Network;
use super::cache::Cache;
use super::fetch::{self, FromCache};
use super::summary::{MeasureFacts, State};

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The language of the report's words (`--lang`, else network.toml's
    /// `language`, else English).
    #[serde(skip)]
    pub lang: Lang,
    /// Whether the built-in guide's texts are a translation: "reviewed" or
    /// "unreviewed", or none when they are in the guide's own language.
    #[serde(skip)]
    pub guide_translation: Option<&'static str>,
    /// The network's name.
    pub network: String,
    /// The day the report was made, YYYY-MM-DD (each output writes it the
    /// language's way).
    pub made: String,
    /// What the sites learnt, per population type: Step 9 in their own
    /// words, improvements by cluster and what they learnt from them.
    pub learning: Vec<LearningArea>,
    /// Exemplars by question, then by cluster of improvements.
    pub exemplars: Vec<ExemplarGroup>,
    /// The coordinator's exemplars that name nothing the report can show.
    pub exemplars_unfound: Vec<String>,
    /// The names of the guide's terms (clusters, statuses, quadrants,
    /// configurations, persona kinds, coproduction levels), by id.
    pub names: BTreeMap<String, String>,
    /// The questions of the guide, by id (the built-in guide, then the
    /// sites' own where theirs differ), for legends and exemplars.
    pub questions: BTreeMap<String, String>,
    /// Every site, in network.toml's order.
    pub sites: Vec<SiteEntry>,
    /// The steps of the full form, as the sites' guides name them.
    pub steps: Vec<Heading>,
    /// The short form's questions.
    pub short_questions: Vec<String>,
    /// One row per population of each site read.
    pub completeness: Vec<CompletenessRow>,
    /// Populations of the same type (folder name) across sites.
    pub population_types: Vec<PopulationType>,
    /// Improvements by cluster.
    pub improvements: Vec<Cluster>,
    /// Outcome measures by compass quadrant.
    pub quadrants: Vec<Quadrant>,
    /// Process and balancing measures, a group for each kind that has any.
    pub kinds: Vec<KindGroup>,
    /// Measures by shared domain.
    pub domains: Vec<DomainRow>,
    /// Measures that name no domain of the network.
    pub unmapped: Vec<MeasureItem>,
}

/// A step's id and heading.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// The id.
    pub id: String,
    /// The heading.
    pub title: String,
}

/// A site and the revision the report reads.
#[derive(Debug, Clone, Serialize)]
pub struct SiteEntry {
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: Option<String>,
    /// The ref read.
    #[serde(rename = "ref")]
    pub reference: String,
    /// `ok`, `problems` or `not-fetched`.
    pub status: &'static str,
    /// The form the site keeps (`full` or `short`), which its counts are
    /// against; none when not fetched.
    pub form: Option<String>,
    /// Why the last fetch failed, when it did.
    pub failure: Option<String>,
    /// The commit read.
    pub commit: Option<String>,
    /// Its first seven characters.
    pub short: Option<String>,
    /// The commit's date.
    pub date: Option<String>,
    /// The workbook's title.
    pub title: Option<String>,
    /// Problems `check` found.
    pub problem_count: usize,
    /// The first problems, `file:line:col` and message.
    pub problems: Vec<ProblemLine>,
    /// Settled questions.
    pub settled: usize,
    /// Open questions.
    pub open: usize,
    /// Questions put off.
    pub deferred: usize,
    /// All questions.
    pub total: usize,
}

/// A problem of a site's workbook.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemLine {
    /// Its code.
    pub code: String,
    /// `file:line:col`.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

/// One cell of the completeness matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// `settled`, `open`, `not-applicable`, `problems`, `missing` (the
    /// site's guide has no such step) or `not-its-form` (the site keeps the
    /// short form, so the full form's steps are not counted against it).
    pub state: &'static str,
    /// Questions settled.
    pub settled: usize,
    /// Questions in all.
    pub total: usize,
}

/// One population's row of the completeness matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CompletenessRow {
    /// The site.
    pub site: String,
    /// The population's folder name.
    pub population: String,
    /// Its name.
    pub name: String,
    /// One cell per step of [`Report::steps`].
    pub steps: Vec<Cell>,
    /// One state per short-form question of [`Report::short_questions`].
    pub short: Vec<&'static str>,
}

/// A population type across sites.
#[derive(Debug, Clone, Serialize)]
pub struct PopulationType {
    /// The folder name shared by the sites.
    pub population: String,
    /// One row per site.
    pub sites: Vec<TypeRow>,
}

/// One site's population of a type.
#[derive(Debug, Clone, Serialize)]
pub struct TypeRow {
    /// The site.
    pub site: String,
    /// The population's name at that site.
    pub name: String,
    /// Personas by kind.
    pub personas: BTreeMap<String, usize>,
    /// The process map's length.
    pub process_steps: Option<usize>,
    /// Steps by coproduction level.
    pub coproduction: BTreeMap<String, usize>,
    /// Configurations used by the process steps.
    pub configurations: Vec<String>,
    /// Configurations the personas are walked through.
    pub walked: Vec<String>,
}

/// Improvements of one cluster.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    /// The cluster.
    pub cluster: String,
    /// How many have each status (`none` when no status is written).
    pub by_status: BTreeMap<String, usize>,
    /// The improvements.
    pub items: Vec<ImprovementItem>,
}

/// One improvement of a site.
#[derive(Debug, Clone, Serialize)]
pub struct ImprovementItem {
    /// The site.
    pub site: String,
    /// The population.
    pub population: String,
    /// Its id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its current status.
    pub status: Option<String>,
}

/// Measures of one quadrant.
#[derive(Debug, Clone, Serialize)]
pub struct Quadrant {
    /// The quadrant.
    pub quadrant: String,
    /// Its measures.
    pub measures: Vec<MeasureItem>,
}

/// Measures of one kind other than outcome (process, balancing).
#[derive(Debug, Clone, Serialize)]
pub struct KindGroup {
    /// The kind: `process` or `balancing`.
    pub kind: String,
    /// Its heading, such as "Process measures".
    pub title: String,
    /// A sentence saying what the kind is.
    pub about: String,
    /// Its measures.
    pub measures: Vec<MeasureItem>,
}

/// Measures of one shared domain.
#[derive(Debug, Clone, Serialize)]
pub struct DomainRow {
    /// The domain's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How to read it.
    pub description: Option<String>,
    /// Whether every measure has the same unit (their latest values are
    /// shown side by side only then).
    pub units_agree: bool,
    /// The unit they share.
    pub unit: Option<String>,
    /// What differs between the sites' measures, to talk about toward a
    /// core measure set: `definitions`, `units`, `sources`, `frequencies`
    /// (only among the measures that say).
    pub differ: Vec<&'static str>,
    /// The measures.
    pub measures: Vec<MeasureItem>,
}

/// A site's measure.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureItem {
    /// The site.
    pub site: String,
    /// The population.
    pub population: String,
    /// Its id.
    pub id: String,
    /// The measure.
    pub name: String,
    /// What it tracks: outcome, process or balancing.
    pub kind: String,
    /// Its quadrant (outcome measures).
    pub quadrant: String,
    /// How often it is taken, when the site says.
    pub frequency: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// The domain it names.
    pub domain: Option<String>,
    /// Whether it names a domain the network does not list.
    pub unknown_domain: bool,
    /// Its latest value, with its unit.
    pub latest: Option<String>,
    /// Its latest value's date.
    pub latest_date: Option<String>,
    /// Its operational definition.
    pub definition: Option<String>,
    /// Where its data come from.
    pub data_source: Option<String>,
    /// Its target, with its unit (or as written).
    pub target: Option<String>,
    /// Its latest values with their dates, newest last.
    pub values: Vec<super::summary::ValueFacts>,
}

/// The guide's names by id, its clusters in order, and its questions.
type Terms = (BTreeMap<String, String>, Vec<String>, Vec<(String, String)>);

/// The built-in guide in `lang` (its draft translation; English for
/// English and en-XA, or when a translation cannot be read).
fn builtin_guide(lang: Lang) -> Option<crate::guide::Guide> {
    lang.guide_tag()
        .and_then(crate::guide::Guide::builtin_for)
        .and_then(Result::ok)
        .or_else(|| crate::guide::Guide::builtin().ok())
}

/// The names of the built-in guide's terms (persona kinds, coproduction
/// levels, configurations, quadrants, improvement clusters and statuses) by
/// id, the order of its clusters, and its questions (steps and short form)
/// by id; a site's own guide may name others, which are shown by id.
fn terms(guide: Option<&crate::guide::Guide>) -> Terms {
    let Some(guide) = guide else {
        return Default::default();
    };
    let names = [
        &guide.persona_kinds,
        &guide.coproduction_levels,
        &guide.configurations,
        &guide.quadrants,
        &guide.improvement_clusters,
        &guide.improvement_statuses,
    ]
    .into_iter()
    .flatten()
    .map(|t| (t.id.clone(), t.title.clone()))
    .collect();
    let clusters = guide
        .improvement_clusters
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let questions = guide
        .steps
        .iter()
        .chain(std::iter::once(&guide.short_form))
        .flat_map(|s| &s.questions)
        .map(|q| (q.id.clone(), q.text.clone()))
        .collect();
    (names, clusters, questions)
}

/// What the cache holds of a site, with the built-in guide's texts (step
/// headings, questions) in the report's language when the site answers the
/// built-in guide; a site's own guide stays as the site has it.
fn in_guide_language(kept: &FromCache, guide: Option<&crate::guide::Guide>) -> FromCache {
    let mut kept = kept.clone();
    let (Some(summary), Some(guide)) = (kept.summary.as_mut(), guide) else {
        return kept;
    };
    if summary.guide != "builtin" && !summary.guide.starts_with("builtin@") {
        return kept;
    }
    let question = |id: &str| {
        guide
            .all_sections()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == id)
            .map(|q| q.text.clone())
    };
    for p in &mut summary.populations {
        for s in &mut p.steps {
            if let Some(section) = guide.steps.iter().find(|g| g.id == s.id) {
                s.title = section.heading();
            }
        }
        for a in p.assessment.iter_mut().chain(p.exemplars.iter_mut()) {
            if let Some(text) = question(&a.question) {
                a.text = text;
            }
        }
    }
    kept
}

/// Reads what the cache holds of every site (`cache` None: nothing was
/// ever fetched).
pub fn load(network: &Network, cache: Option<&Cache>) -> Vec<FromCache> {
    use rayon::prelude::*;
    network
        .sites
        .par_iter()
        .map(|site| fetch::from_cache(cache, site))
        .collect()
}

fn state_name(state: State) -> &'static str {
    match state {
        State::Settled => "settled",
        State::Open => "open",
        State::Deferred => "deferred",
        State::NotApplicable => "not-applicable",
        State::Problems => "problems",
    }
}

/// Builds the report from the network and its sites' summaries.
pub fn build(network: &Network, cached: &[FromCache], made: String, lang: Lang) -> Report {
    let words = Catalogue::builtin(lang);
    let guide = builtin_guide(lang);
    let cached: Vec<FromCache> = cached
        .iter()
        .map(|c| in_guide_language(c, guide.as_ref()))
        .collect();
    let cached = cached.as_slice();
    // The ref a site is read at, "default branch" in the report's words.
    let shown_ref = |site: &super::Site| match &site.reference {
        Some(r) => r.clone(),
        None => words.text("net-default-branch", &[]),
    };
    let (names, cluster_order, mut guide_questions) = terms(guide.as_ref());
    // A site's own guide may word or add questions: the ones the summaries
    // carry, where the built-in guide has none of that id.
    for summary in cached.iter().filter_map(|c| c.summary.as_ref()) {
        for p in &summary.populations {
            for a in p.assessment.iter().chain(&p.exemplars) {
                if !guide_questions.iter().any(|(id, _)| id == &a.question) {
                    guide_questions.push((a.question.clone(), a.text.clone()));
                }
            }
        }
    }
    let order = learning::Names {
        terms: &names,
        clusters: &cluster_order,
        words: &words,
    };
    let learning = learning::areas(network, cached, &order);
    let (exemplars, exemplars_unfound) =
        learning::exemplars(network, cached, &order, &guide_questions);
    let mut steps: Vec<Heading> = Vec::new();
    let mut short_questions: Vec<String> = Vec::new();
    for summary in cached.iter().filter_map(|c| c.summary.as_ref()) {
        for p in &summary.populations {
            for s in &p.steps {
                if !steps.iter().any(|h| h.id == s.id) {
                    steps.push(Heading {
                        id: s.id.clone(),
                        title: s.title.clone(),
                    });
                }
            }
            for q in &p.short {
                if !short_questions.contains(&q.id) {
                    short_questions.push(q.id.clone());
                }
            }
        }
    }
    let mut sites = Vec::new();
    let mut completeness = Vec::new();
    let mut types: BTreeMap<String, Vec<TypeRow>> = BTreeMap::new();
    let mut clusters: BTreeMap<String, Cluster> = BTreeMap::new();
    let mut all_measures: Vec<(MeasureItem, Option<f64>)> = Vec::new();
    for (site, kept) in network.sites.iter().zip(cached) {
        let Some(summary) = &kept.summary else {
            sites.push(SiteEntry {
                name: site.name.clone(),
                country: site.country.clone(),
                reference: shown_ref(site),
                status: "not-fetched",
                failure: kept.failure.clone(),
                commit: None,
                short: None,
                date: None,
                title: None,
                form: None,
                problem_count: 0,
                problems: Vec::new(),
                settled: 0,
                open: 0,
                deferred: 0,
                total: 0,
            });
            continue;
        };
        sites.push(SiteEntry {
            name: site.name.clone(),
            country: site.country.clone(),
            reference: shown_ref(site),
            status: if summary.problem_count > 0 {
                "problems"
            } else {
                "ok"
            },
            failure: kept.failure.clone(),
            commit: Some(summary.commit.clone()),
            short: Some(summary.commit.chars().take(7).collect()),
            date: summary.date.clone(),
            title: Some(summary.title.clone()),
            form: Some(summary.form.clone()),
            problem_count: summary.problem_count,
            problems: summary
                .problems
                .iter()
                .take(5)
                .map(|p| ProblemLine {
                    code: p.code.clone(),
                    place: p.place(),
                    message: p.message.clone(),
                })
                .collect(),
            settled: summary.settled,
            open: summary.open,
            deferred: summary.deferred,
            total: summary.total,
        });
        let short_form = summary.form == crate::guide::Form::Short.as_str();
        for p in &summary.populations {
            completeness.push(CompletenessRow {
                site: site.name.clone(),
                population: p.slug.clone(),
                name: p.name.clone(),
                steps: steps
                    .iter()
                    .map(|h| match p.steps.iter().find(|s| s.id == h.id) {
                        // A short-form site is counted against its own form.
                        _ if short_form => Cell {
                            state: "not-its-form",
                            settled: 0,
                            total: 0,
                        },
                        Some(s) => Cell {
                            state: state_name(s.state),
                            settled: s.settled,
                            total: s.total,
                        },
                        None => Cell {
                            state: "missing",
                            settled: 0,
                            total: 0,
                        },
                    })
                    .collect(),
                short: short_questions
                    .iter()
                    .map(|id| {
                        p.short
                            .iter()
                            .find(|q| &q.id == id)
                            .map_or("missing", |q| state_name(q.state))
                    })
                    .collect(),
            });
            types.entry(p.slug.clone()).or_default().push(TypeRow {
                site: site.name.clone(),
                name: p.name.clone(),
                personas: p.personas.clone(),
                process_steps: p.process_steps,
                coproduction: p.coproduction.clone(),
                configurations: p.configurations.clone(),
                walked: p.walked.clone(),
            });
            // An improvement that touches several clusters counts in each.
            for i in p.improvements.iter().flatten() {
                for id in &i.clusters {
                    let cluster = clusters.entry(id.clone()).or_insert_with(|| Cluster {
                        cluster: id.clone(),
                        by_status: BTreeMap::new(),
                        items: Vec::new(),
                    });
                    let status = i.status.clone().unwrap_or_else(|| "none".into());
                    *cluster.by_status.entry(status).or_insert(0) += 1;
                    cluster.items.push(ImprovementItem {
                        site: site.name.clone(),
                        population: p.slug.clone(),
                        id: i.id.clone(),
                        title: i.title.clone(),
                        status: i.status.clone(),
                    });
                }
            }
            for m in p.measures.iter().flatten() {
                all_measures.push((
                    measure_item(network, &site.name, &p.slug, m),
                    m.latest_value,
                ));
            }
        }
    }
    let mut quadrants: Vec<Quadrant> = Vec::new();
    for (m, _) in all_measures
        .iter()
        .filter(|(m, _)| is_outcome_kind(&m.kind))
    {
        match quadrants.iter_mut().find(|q| q.quadrant == m.quadrant) {
            Some(q) => q.measures.push(m.clone()),
            None => quadrants.push(Quadrant {
                quadrant: m.quadrant.clone(),
                measures: vec![m.clone()],
            }),
        }
    }
    let kinds = MEASURE_KINDS
        .iter()
        .filter(|(id, _, _)| *id != OUTCOME)
        .filter_map(|&(id, english_title, english_about)| {
            let measures: Vec<MeasureItem> = all_measures
                .iter()
                .filter(|(m, _)| m.kind == id)
                .map(|(m, _)| m.clone())
                .collect();
            // The catalogue's words for the kind, else the English ones.
            let word = |key: String, english: &str| match words.has(&key) {
                true => words.text(&key, &[]),
                false => english.to_string(),
            };
            (!measures.is_empty()).then(|| KindGroup {
                kind: id.to_string(),
                title: word(format!("measure-kind-{id}"), english_title),
                about: word(format!("measure-kind-{id}-about"), english_about),
                measures,
            })
        })
        .collect();
    let domains = network
        .domains
        .iter()
        .map(|d| {
            let measures: Vec<MeasureItem> = all_measures
                .iter()
                .filter(|(m, _)| m.domain.as_deref() == Some(d.id.as_str()))
                .map(|(m, _)| m.clone())
                .collect();
            let first = measures.first().map(|m| m.unit.clone());
            let units_agree = measures.iter().all(|m| Some(&m.unit) == first.as_ref());
            let differs = |field: fn(&MeasureItem) -> Option<&String>| {
                let mut said = measures.iter().filter_map(field).map(|t| normalised(t));
                let first = said.next();
                first.is_some_and(|f| said.any(|t| t != f))
            };
            let mut differ = Vec::new();
            if differs(|m| m.definition.as_ref()) {
                differ.push("definitions");
            }
            if !units_agree {
                differ.push("units");
            }
            if differs(|m| m.data_source.as_ref()) {
                differ.push("sources");
            }
            if differs(|m| m.frequency.as_ref()) {
                differ.push("frequencies");
            }
            DomainRow {
                id: d.id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                differ,
                units_agree,
                unit: if units_agree { first.flatten() } else { None },
                measures,
            }
        })
        .collect();
    let unmapped = all_measures
        .iter()
        .filter(|(m, _)| m.domain.is_none() || m.unknown_domain)
        .map(|(m, _)| m.clone())
        .collect();
    Report {
        lang,
        guide_translation: guide.as_ref().and_then(crate::render::guide_translation),
        network: network.name.clone(),
        made,
        learning,
        exemplars,
        exemplars_unfound,
        names,
        questions: guide_questions.into_iter().collect(),
        sites,
        steps,
        short_questions,
        completeness,
        population_types: types
            .into_iter()
            .map(|(population, sites)| PopulationType { population, sites })
            .collect(),
        improvements: clusters.into_values().collect(),
        quadrants,
        kinds,
        domains,
        unmapped,
    }
}

fn measure_item(network: &Network, site: &str, population: &str, m: &MeasureFacts) -> MeasureItem {
    MeasureItem {
        site: site.to_string(),
        population: population.to_string(),
        id: m.id.clone(),
        name: m.name.clone(),
        kind: m.kind.clone(),
        quadrant: m.quadrant.clone(),
        frequency: m.frequency.clone(),
        unit: m.unit.clone(),
        domain: m.domain.clone(),
        unknown_domain: m
            .domain
            .as_ref()
            .is_some_and(|d| !network.domains.iter().any(|n| &n.id == d)),
        latest: m.latest_shown.clone(),
        latest_date: m.latest_date.clone(),
        definition: m.definition.clone(),
        data_source: m.data_source.clone(),
        target: m.target_shown.clone().or_else(|| m.target.clone()),
        values: m.values.clone(),
    }
}

/// A date as `lang` writes it; a text that is not a date as it is.
pub(crate) fn day(lang: Lang, text: &str) -> String {
    crate::date::parse_date(text).map_or_else(|| text.to_string(), |d| lang.date(d))
}

/// A value covalue wrote with its unit (`2.5 %`, `96000 mg`), its number in
/// `lang`'s way (`2,5 %` in Swedish and Spanish); the unit as written.
pub(crate) fn figure(lang: Lang, shown: &str) -> String {
    if !matches!(lang, Lang::Sv | Lang::Es) {
        return shown.to_string();
    }
    let end = shown
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(shown.len());
    let (number, rest) = shown.split_at(end);
    match number.parse::<f64>() {
        Ok(n) if !number.is_empty() => format!("{}{rest}", lang.number(n)),
        _ => shown.to_string(),
    }
}

/// The catalogue's word for each frequency of measure it names.
pub(crate) fn frequencies(c: &Catalogue) -> BTreeMap<String, String> {
    ["weekly", "monthly", "quarterly", "yearly"]
        .into_iter()
        .filter(|f| c.has(&format!("frequency-{f}")))
        .map(|f| (f.to_string(), c.text(&format!("frequency-{f}"), &[])))
        .collect()
}

/// A frequency as the catalogue words it, else as the site wrote it.
pub(crate) fn frequency(c: &Catalogue, f: &str) -> String {
    let key = format!("frequency-{f}");
    match c.has(&key) {
        true => c.text(&key, &[]),
        false => f.to_string(),
    }
}

/// "Definitions, sources differ: …": what differs between the sites'
/// measures of a domain, in the catalogue's words.
pub(crate) fn differ(c: &Catalogue, what: &[&str]) -> String {
    let words: Vec<String> = what
        .iter()
        .map(|w| c.text("net-differ-word", &[("what", (*w).into())]))
        .collect();
    let said = c.text("net-differ", &[("what", words.join(", ").into())]);
    // A sentence that opens with the list opens with a capital.
    let mut chars = said.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => said,
    }
}

/// Text as compared between sites: case, spacing and a final full stop
/// aside, so that only a real difference of wording is flagged.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// The report as JSON (docs/network.md).
pub fn write_json(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    // A site's text may hold controls the serializer leaves raw.
    let versioned = crate::print::Versioned {
        format_version: FORMAT_VERSION,
        document: r,
    };
    let json = serde_json::to_string_pretty(&versioned).map_err(io::Error::other)?;
    writeln!(out, "{}", crate::escape::json(&json))
}

/// The version of the JSON report's shape (its `format_version`).
pub const FORMAT_VERSION: u32 = 1;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, for a terminal.
    Text,
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
    /// JSON (docs/network.md).
    Json,
}

/// The report in a format, as bytes; PDF when `browser` is given (from the HTML).
pub fn bytes(
    r: &Report,
    format: Format,
    browser: Option<&std::path::Path>,
    page: crate::render::PageArgs,
) -> Result<Vec<u8>, crate::render::RenderError> {
    let template_error = |e: minijinja::Error| crate::render::templates::TemplateError {
        name: "report.html".into(),
        file: None,
        message: e.to_string(),
        limit: false,
    };
    if let Some(browser) = browser {
        let page = html(r, page).map_err(template_error)?;
        return Ok(crate::render::pdf::print(browser, page.as_bytes())?);
    }
    let mut out = Vec::new();
    match format {
        Format::Text => write_text(&mut out, r),
        Format::Md => write_markdown(&mut out, r),
        Format::Json => write_json(&mut out, r),
        Format::Html => {
            out = html(r, page).map_err(template_error)?.into_bytes();
            Ok(())
        }
    }
    .map_err(|source| crate::render::RenderError::Write {
        path: "the report".into(),
        source,
    })?;
    Ok(out)
}

/// Writes the report atomically to `out`, never inside the network folder
/// other than its `out/` (network.toml and the cache stay as they are).
pub fn write_file(
    root: &std::path::Path,
    out: &std::path::Path,
    bytes: &[u8],
) -> Result<(), crate::render::RenderError> {
    use crate::render::RenderError;
    let shown = out.display().to_string();
    let target =
        crate::confine::report_target(out, Some(root)).map_err(|why| RenderError::Refused {
            path: shown.clone(),
            why,
            default: "network-report.pdf".into(),
        })?;
    let failed = |source| RenderError::Write {
        path: shown.clone(),
        source,
    };
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    crate::fsutil::write_atomic(&target, bytes).map_err(failed)
}
