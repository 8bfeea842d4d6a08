//! `network report`: the sites side by side, from the cache alone (no
//! network access, no git): completeness of steps and short-form
//! questions, populations of the same type across sites, improvement
//! registers by cluster and status, measures by compass quadrant and by
//! shared domain, and the revision each site is read at. One model
//! ([`Report`]), printed as text, Markdown, HTML (a template of its own,
//! escaped, no script) or JSON (docs/network.md).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Network;
use super::cache::Cache;
use super::fetch::{self, FromCache};
use super::summary::{MeasureFacts, State};

/// The report's HTML template and style, embedded at build time.
const TEMPLATE: &str = include_str!("templates/report.html");
const CSS: &str = include_str!("templates/report.css");

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The network's name.
    pub network: String,
    /// The day the report was made.
    pub made: String,
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
    /// Measures by compass quadrant.
    pub quadrants: Vec<Quadrant>,
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
    /// `settled`, `open`, `not-applicable`, `problems`, or `missing` (the
    /// site's guide has no such step).
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
    /// Its quadrant.
    pub quadrant: String,
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
        State::NotApplicable => "not-applicable",
        State::Problems => "problems",
    }
}

/// Builds the report from the network and its sites' summaries.
pub fn build(network: &Network, cached: &[FromCache], made: String) -> Report {
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
                reference: site.shown_ref().to_string(),
                status: "not-fetched",
                failure: kept.failure.clone(),
                commit: None,
                short: None,
                date: None,
                title: None,
                problem_count: 0,
                problems: Vec::new(),
                settled: 0,
                open: 0,
                total: 0,
            });
            continue;
        };
        sites.push(SiteEntry {
            name: site.name.clone(),
            country: site.country.clone(),
            reference: site.shown_ref().to_string(),
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
            total: summary.total,
        });
        for p in &summary.populations {
            completeness.push(CompletenessRow {
                site: site.name.clone(),
                population: p.slug.clone(),
                name: p.name.clone(),
                steps: steps
                    .iter()
                    .map(|h| match p.steps.iter().find(|s| s.id == h.id) {
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
            for i in p.improvements.iter().flatten() {
                let cluster = clusters
                    .entry(i.cluster.clone())
                    .or_insert_with(|| Cluster {
                        cluster: i.cluster.clone(),
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
            for m in p.measures.iter().flatten() {
                all_measures.push((
                    measure_item(network, &site.name, &p.slug, m),
                    m.latest_value,
                ));
            }
        }
    }
    let mut quadrants: Vec<Quadrant> = Vec::new();
    for (m, _) in &all_measures {
        match quadrants.iter_mut().find(|q| q.quadrant == m.quadrant) {
            Some(q) => q.measures.push(m.clone()),
            None => quadrants.push(Quadrant {
                quadrant: m.quadrant.clone(),
                measures: vec![m.clone()],
            }),
        }
    }
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
            DomainRow {
                id: d.id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
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
        network: network.name.clone(),
        made,
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
        quadrant: m.quadrant.clone(),
        unit: m.unit.clone(),
        domain: m.domain.clone(),
        unknown_domain: m
            .domain
            .as_ref()
            .is_some_and(|d| !network.domains.iter().any(|n| &n.id == d)),
        latest: m.latest_shown.clone(),
        latest_date: m.latest_date.clone(),
    }
}

/// Text from a site, made safe for a terminal and kept on one line: what
/// [`crate::escape::terminal`] shows visibly instead of obeying, and line
/// breaks and tabs as spaces.
fn clean(text: &str) -> String {
    crate::escape::terminal(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn short_mark(state: &str) -> &'static str {
    match state {
        "settled" => "S",
        "open" => "o",
        "not-applicable" => "-",
        "problems" => "!",
        _ => " ",
    }
}

fn counts(map: &BTreeMap<String, usize>) -> String {
    if map.is_empty() {
        return "none".into();
    }
    map.iter()
        .map(|(k, v)| format!("{} {v}", clean(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items
            .iter()
            .map(|i| clean(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn site_line(s: &SiteEntry) -> String {
    let country = s
        .country
        .as_deref()
        .map(|c| format!(" ({})", clean(c)))
        .unwrap_or_default();
    match &s.short {
        None => format!(
            "{}{country}: not fetched ({}){}",
            s.name,
            clean(&s.reference),
            s.failure
                .as_deref()
                .map(|f| format!(": {}", clean(f)))
                .unwrap_or_default()
        ),
        Some(short) => format!(
            "{}{country}: {} at {short}, {} · {} · {}/{} settled, {} open, {}",
            s.name,
            clean(&s.reference),
            s.date.as_deref().unwrap_or("date unknown"),
            clean(s.title.as_deref().unwrap_or("")),
            s.settled,
            s.total,
            s.open,
            match s.problem_count {
                0 => "no problems".to_string(),
                1 => "1 problem".to_string(),
                n => format!("{n} problems"),
            }
        ),
    }
}

fn measure_line(m: &MeasureItem, value: bool) -> String {
    let latest = match (&m.latest, value) {
        (Some(v), true) => format!(
            " = {} ({})",
            clean(v),
            m.latest_date.as_deref().unwrap_or("")
        ),
        _ => String::new(),
    };
    format!(
        "{}/{}  {}  {}{}{latest}",
        m.site,
        clean(&m.population),
        clean(&m.id),
        clean(&m.name),
        m.unit
            .as_deref()
            .map(|u| format!(" [{}]", clean(u)))
            .unwrap_or_default()
    )
}

/// The report as text, for a terminal.
pub fn write_text(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let fetched = r.sites.iter().filter(|s| s.commit.is_some()).count();
    writeln!(
        out,
        "Network: {} · {} site(s), {fetched} read from the cache · {}",
        clean(&r.network),
        r.sites.len(),
        r.made
    )?;
    writeln!(out, "\nSites (the revision each is read at)")?;
    for s in &r.sites {
        writeln!(out, "  {}", site_line(s))?;
        if let (Some(_), Some(f)) = (&s.commit, &s.failure) {
            writeln!(
                out,
                "      the last fetch failed, so this is an older revision: {}",
                clean(f)
            )?;
        }
        for p in &s.problems {
            writeln!(
                out,
                "      {} {}: {}",
                p.code,
                clean(&p.place),
                clean(&p.message)
            )?;
        }
    }
    let width = r
        .completeness
        .iter()
        .map(|c| c.site.len() + c.population.chars().count() + 1)
        .max()
        .unwrap_or(4);
    writeln!(
        out,
        "\nCompleteness: sites × steps (S settled, o open, - not applicable, ! problems)"
    )?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "  {:>2} {}", i + 1, clean(&h.title))?;
    }
    let header: String = (1..=r.steps.len()).map(|i| format!("{i:>3}")).collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .steps
            .iter()
            .map(|cell| format!("{:>3}", short_mark(cell.state)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {who:width$} {row}")?;
    }
    writeln!(out, "\nCompleteness: sites × the short form's questions")?;
    for (i, q) in r.short_questions.iter().enumerate() {
        writeln!(out, "  {:>2} {}", i + 1, clean(q))?;
    }
    let header: String = (1..=r.short_questions.len())
        .map(|i| format!("{i:>3}"))
        .collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .short
            .iter()
            .map(|s| format!("{:>3}", short_mark(s)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {who:width$} {row}")?;
    }
    writeln!(out, "\nPopulations by type")?;
    for t in &r.population_types {
        writeln!(
            out,
            "  {} ({} site(s))",
            clean(&t.population),
            t.sites.len()
        )?;
        for s in &t.sites {
            writeln!(
                out,
                "    {}: {} · personas {} · process map {} · coproduction {} · configurations {} · walked through {}",
                s.site,
                clean(&s.name),
                counts(&s.personas),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                counts(&s.coproduction),
                list(&s.configurations),
                list(&s.walked),
            )?;
        }
    }
    writeln!(out, "\nImprovements by cluster and status")?;
    if r.improvements.is_empty() {
        writeln!(out, "  none: no site keeps a register of improvements yet")?;
    }
    for c in &r.improvements {
        writeln!(out, "  {}: {}", clean(&c.cluster), counts(&c.by_status))?;
        for i in &c.items {
            writeln!(
                out,
                "    {}/{}  {}  {} [{}]",
                i.site,
                clean(&i.population),
                clean(&i.id),
                clean(&i.title),
                clean(i.status.as_deref().unwrap_or("no status"))
            )?;
        }
    }
    writeln!(out, "\nMeasures by compass quadrant")?;
    for q in &r.quadrants {
        writeln!(out, "  {} ({})", clean(&q.quadrant), q.measures.len())?;
        for m in &q.measures {
            writeln!(out, "    {}", measure_line(m, true))?;
        }
    }
    writeln!(out, "\nMeasures by shared domain")?;
    if r.domains.is_empty() {
        writeln!(out, "  none: network.toml lists no [[domain]]")?;
    }
    for d in &r.domains {
        let units = match (d.units_agree, &d.unit) {
            (_, _) if d.measures.is_empty() => "no site measures it yet".to_string(),
            (true, Some(u)) => format!("unit {}", clean(u)),
            (true, None) => "no unit".to_string(),
            (false, _) => "units differ: latest values not shown side by side".to_string(),
        };
        writeln!(out, "  {}: {} ({units})", clean(&d.id), clean(&d.name))?;
        for m in &d.measures {
            writeln!(out, "    {}", measure_line(m, d.units_agree))?;
        }
    }
    writeln!(out, "\nMeasures mapped to no shared domain")?;
    if r.unmapped.is_empty() {
        writeln!(out, "  none")?;
    }
    for m in &r.unmapped {
        let why = match (&m.domain, m.unknown_domain) {
            (Some(d), true) => format!(" (names `{}`, which network.toml does not list)", clean(d)),
            _ => String::new(),
        };
        writeln!(out, "    {}{why}", measure_line(m, true))?;
    }
    Ok(())
}

/// The report as Markdown; everything from a site is escaped.
pub fn write_markdown(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "# {}\n", e(&r.network))?;
    writeln!(out, "Made {} from the sites' revisions below.\n", r.made)?;
    writeln!(out, "## Sites\n")?;
    writeln!(
        out,
        "| Site | Country | Ref | Commit | Date | Workbook | Settled | Open | Problems |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
    for s in &r.sites {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            e(&s.name),
            e(s.country.as_deref().unwrap_or("")),
            e(&s.reference),
            match (&s.short, &s.failure) {
                (Some(short), _) => e(short),
                (None, Some(f)) => format!("not fetched: {}", e(f)),
                (None, None) => "not fetched".to_string(),
            },
            e(s.date.as_deref().unwrap_or("")),
            e(s.title.as_deref().unwrap_or("")),
            format_args!("{}/{}", s.settled, s.total),
            s.open,
            match s.problems.first() {
                Some(p) => format!(
                    "{} (first: {} {})",
                    s.problem_count,
                    e(&p.place),
                    e(&p.message)
                ),
                None => s.problem_count.to_string(),
            }
        )?;
    }
    writeln!(out, "\n## Completeness: sites × steps\n")?;
    write!(out, "| Site / population |")?;
    for (i, _) in r.steps.iter().enumerate() {
        write!(out, " {} |", i + 1)?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.steps.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for cell in &c.steps {
            write!(out, " {} |", cell.state)?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, e(&h.title))?;
    }
    writeln!(out, "\n## Completeness: sites × short-form questions\n")?;
    write!(out, "| Site / population |")?;
    for q in &r.short_questions {
        write!(out, " {} |", e(q))?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.short_questions.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for s in &c.short {
            write!(out, " {s} |")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "\n## Populations by type\n")?;
    for t in &r.population_types {
        writeln!(out, "### {}\n", e(&t.population))?;
        writeln!(
            out,
            "| Site | Population | Personas | Process map | Coproduction | Configurations | Walked through |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for s in &t.sites {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                e(&s.site),
                e(&s.name),
                e(&counts(&s.personas)),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                e(&counts(&s.coproduction)),
                e(&list(&s.configurations)),
                e(&list(&s.walked))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Improvements by cluster and status\n")?;
    for c in &r.improvements {
        writeln!(
            out,
            "### {} ({})\n",
            e(&c.cluster),
            e(&counts(&c.by_status))
        )?;
        for i in &c.items {
            writeln!(
                out,
                "- {}/{} {}: {} ({})",
                e(&i.site),
                e(&i.population),
                e(&i.id),
                e(&i.title),
                e(i.status.as_deref().unwrap_or("no status"))
            )?;
        }
        writeln!(out)?;
    }
    let measure_row = |out: &mut dyn Write, m: &MeasureItem, value: bool| {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            e(&m.site),
            e(&m.population),
            e(&m.id),
            e(&m.name),
            e(m.unit.as_deref().unwrap_or("")),
            if value {
                e(m.latest.as_deref().unwrap_or(""))
            } else {
                String::new()
            },
            e(m.latest_date.as_deref().unwrap_or(""))
        )
    };
    let head = "| Site | Population | Id | Measure | Unit | Latest | Date |\n|---|---|---|---|---|---|---|";
    writeln!(out, "## Measures by compass quadrant\n")?;
    for q in &r.quadrants {
        writeln!(out, "### {}\n\n{head}", e(&q.quadrant))?;
        for m in &q.measures {
            measure_row(out, m, true)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Measures by shared domain\n")?;
    for d in &r.domains {
        let note = if d.units_agree {
            ""
        } else {
            " (units differ: values not compared)"
        };
        writeln!(out, "### {}: {}{note}\n\n{head}", e(&d.id), e(&d.name))?;
        for m in &d.measures {
            measure_row(out, m, d.units_agree)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Measures mapped to no shared domain\n\n{head}")?;
    for m in &r.unmapped {
        measure_row(out, m, true)?;
    }
    Ok(())
}

/// The report as one self-contained HTML page: escaped by the template
/// engine, with a Content-Security-Policy that allows no script and no
/// network load.
pub fn html(r: &Report) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_formatter(crate::render::templates::format_value);
    env.set_fuel(Some(50_000_000));
    env.add_template("report.html", TEMPLATE)?;
    env.get_template("report.html")?
        .render(minijinja::context! { r => minijinja::value::Serde(r), css => CSS })
}

/// The report as JSON (docs/network.md).
pub fn write_json(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, r).map_err(io::Error::other)?;
    writeln!(out)
}

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
) -> Result<Vec<u8>, crate::render::RenderError> {
    let template_error = |e: minijinja::Error| crate::render::templates::TemplateError {
        name: "report.html".into(),
        file: None,
        message: e.to_string(),
        limit: false,
    };
    if let Some(browser) = browser {
        let page = html(r).map_err(template_error)?;
        return Ok(crate::render::pdf::print(browser, page.as_bytes())?);
    }
    let mut out = Vec::new();
    match format {
        Format::Text => write_text(&mut out, r),
        Format::Md => write_markdown(&mut out, r),
        Format::Json => write_json(&mut out, r),
        Format::Html => {
            out = html(r).map_err(template_error)?.into_bytes();
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
