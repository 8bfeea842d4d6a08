//! What the sites learnt, for the report's first sections: per population
//! type, each site's Step 9 answer (value assessment and next steps) in its
//! own words and its improvements by cluster, with their status, dates,
//! owner, latest measure against target and what the team says it learnt;
//! then the exemplars the sites and the coordinator marked, gathered by
//! question and by cluster. Built from the cached summaries; everything in
//! it is a site's text, bounded there ([`super::super::summary`]) and
//! escaped by each output.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::Network;
use super::super::fetch::FromCache;
use super::super::summary::{AnswerFacts, ImprovementFacts, MeasureFacts, PopulationFacts};

/// The learning of one population type (populations of the same folder
/// name across sites, such as `ms`).
#[derive(Debug, Clone, Serialize)]
pub struct LearningArea {
    /// The folder name shared by the sites.
    pub population: String,
    /// The names the sites give it, each once, in site order.
    pub names: Vec<String>,
    /// One entry per site's population of this type.
    pub sites: Vec<SiteLearning>,
}

/// What one site's population says it learnt.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLearning {
    /// The site.
    pub site: String,
    /// The population's folder name.
    pub population: String,
    /// The population's name at that site.
    pub name: String,
    /// The form the site keeps (`full` or `short`).
    pub form: String,
    /// Its Step 9 answers, or, for a short-form site, its answers to the
    /// short-form questions that speak to the same.
    pub assessment: Vec<AnswerFacts>,
    /// Whether its register of improvements exists.
    pub has_register: bool,
    /// Its improvements, by cluster, in the guide's order of clusters.
    pub clusters: Vec<LearningCluster>,
}

/// A site's improvements of one cluster.
#[derive(Debug, Clone, Serialize)]
pub struct LearningCluster {
    /// The cluster's id.
    pub cluster: String,
    /// Its name, as the guide gives it.
    pub name: String,
    /// The improvements.
    pub improvements: Vec<ImprovementLearning>,
}

/// One improvement and what the site learnt from it.
#[derive(Debug, Clone, Serialize)]
pub struct ImprovementLearning {
    /// Its id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its current status's id (None: no status yet).
    pub status: Option<String>,
    /// Its current status's name, as the guide gives it.
    pub status_name: Option<String>,
    /// Since when it has had that status.
    pub since: Option<String>,
    /// Its statuses over time, `name date`, oldest first.
    pub history: Vec<String>,
    /// Who leads it.
    pub owner: Option<String>,
    /// What the team learnt (its `learning`, else its `note`; Markdown).
    pub learning: Option<String>,
    /// Whether [`ImprovementLearning::learning`] is its note (the register
    /// has no `learning` for it).
    pub learning_is_note: bool,
    /// The measures that show it, with their latest value against target.
    pub measures: Vec<MeasureProgress>,
    /// Why others could learn from it, when the site marks it an exemplar.
    pub exemplar: Option<String>,
}

/// A measure an improvement names, its latest value against its target.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureProgress {
    /// Its id.
    pub id: String,
    /// Its name (its id when the compass has no such measure).
    pub name: String,
    /// Its latest value with its unit.
    pub latest: Option<String>,
    /// That value's date.
    pub latest_date: Option<String>,
    /// Its target, with its unit (or as written).
    pub target: Option<String>,
}

/// Exemplars gathered under one question, or one cluster of improvements.
#[derive(Debug, Clone, Serialize)]
pub struct ExemplarGroup {
    /// `question` or `cluster`.
    pub kind: &'static str,
    /// The question's or the cluster's id.
    pub id: String,
    /// The question, or the cluster's name.
    pub title: String,
    /// The exemplars.
    pub items: Vec<ExemplarItem>,
}

/// One exemplar, in the site's own words.
#[derive(Debug, Clone, Serialize)]
pub struct ExemplarItem {
    /// The site.
    pub site: String,
    /// The population's folder name.
    pub population: String,
    /// Who marked it: `site` or `coordinator` (the site's own mark wins
    /// when both did; the coordinator's note is kept).
    pub marked_by: &'static str,
    /// The improvement's id and title (None for an answer).
    pub improvement: Option<String>,
    /// The improvement's title.
    pub title: Option<String>,
    /// Why the site marked it (its own words).
    pub reason: Option<String>,
    /// The coordinator's note.
    pub note: Option<String>,
    /// The site's own words: the answer, or the improvement's learning or note (Markdown).
    pub text: String,
}

/// The guide's names of clusters and statuses, by id.
pub struct Names<'a> {
    /// Terms by id.
    pub terms: &'a BTreeMap<String, String>,
    /// The order of the guide's clusters.
    pub clusters: &'a [String],
    /// The report's words, in its language.
    pub words: &'a crate::i18n::Catalogue,
}

impl Names<'_> {
    fn name(&self, id: &str) -> String {
        self.terms
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// A date as the report's language writes it (text that is not a date
    /// as it is).
    fn day(&self, text: &str) -> String {
        crate::date::parse_date(text)
            .map_or_else(|| text.to_string(), |d| self.words.lang().date(d))
    }
}

/// The learning section: one area per population type, in the order the
/// sites list them.
pub fn areas(network: &Network, cached: &[FromCache], names: &Names) -> Vec<LearningArea> {
    let mut areas: Vec<LearningArea> = Vec::new();
    for (site, kept) in network.sites.iter().zip(cached) {
        let Some(summary) = &kept.summary else {
            continue;
        };
        for p in &summary.populations {
            let entry = site_learning(&site.name, &summary.form, p, names);
            match areas.iter_mut().find(|a| a.population == p.slug) {
                Some(area) => {
                    if !area.names.contains(&p.name) {
                        area.names.push(p.name.clone());
                    }
                    area.sites.push(entry);
                }
                None => areas.push(LearningArea {
                    population: p.slug.clone(),
                    names: vec![p.name.clone()],
                    sites: vec![entry],
                }),
            }
        }
    }
    areas
}

fn site_learning(site: &str, form: &str, p: &PopulationFacts, names: &Names) -> SiteLearning {
    let mut clusters: Vec<LearningCluster> = Vec::new();
    for i in p.improvements.iter().flatten() {
        let item = improvement(i, p.measures.as_deref().unwrap_or(&[]), names);
        // An improvement in several clusters is shown under each.
        for cluster in &i.clusters {
            match clusters.iter_mut().find(|c| &c.cluster == cluster) {
                Some(c) => c.improvements.push(item.clone()),
                None => clusters.push(LearningCluster {
                    cluster: cluster.clone(),
                    name: names.name(cluster),
                    improvements: vec![item.clone()],
                }),
            }
        }
    }
    // The guide's order of clusters; a site's own clusters after them.
    clusters.sort_by_key(|c| {
        names
            .clusters
            .iter()
            .position(|id| id == &c.cluster)
            .unwrap_or(usize::MAX)
    });
    SiteLearning {
        site: site.to_string(),
        population: p.slug.clone(),
        name: p.name.clone(),
        form: form.to_string(),
        assessment: p.assessment.clone(),
        has_register: p.improvements.is_some(),
        clusters,
    }
}

fn improvement(
    i: &ImprovementFacts,
    measures: &[MeasureFacts],
    names: &Names,
) -> ImprovementLearning {
    let learning = i.learning.clone().filter(|l| !l.trim().is_empty());
    let learning_is_note = learning.is_none() && i.note.is_some();
    ImprovementLearning {
        id: i.id.clone(),
        title: i.title.clone(),
        status: i.status.clone(),
        status_name: i.status.as_deref().map(|s| names.name(s)),
        since: i.history.last().map(|s| s.date.clone()),
        history: i
            .history
            .iter()
            .map(|s| format!("{} {}", names.name(&s.state), names.day(&s.date)))
            .collect(),
        owner: i.owner.clone(),
        learning: learning.or_else(|| i.note.clone()),
        learning_is_note,
        measures: i
            .measures
            .iter()
            .map(|id| match measures.iter().find(|m| &m.id == id) {
                Some(m) => MeasureProgress {
                    id: id.clone(),
                    name: m.name.clone(),
                    latest: m.latest_shown.clone(),
                    latest_date: m.latest_date.clone(),
                    target: m.target_shown.clone().or_else(|| m.target.clone()),
                },
                None => MeasureProgress {
                    id: id.clone(),
                    name: id.clone(),
                    latest: None,
                    latest_date: None,
                    target: None,
                },
            })
            .collect(),
        exemplar: i.exemplar.clone(),
    }
}

/// The exemplars the sites marked (in their answers and registers) and the
/// coordinator marked (`[[exemplar]]` in network.toml), gathered by question
/// (in the guide's order) and then by cluster. A coordinator's exemplar that
/// names nothing the site's summary holds is listed in `unfound`.
pub fn exemplars(
    network: &Network,
    cached: &[FromCache],
    names: &Names,
    questions: &[(String, String)],
) -> (Vec<ExemplarGroup>, Vec<String>) {
    let mut groups: Vec<ExemplarGroup> = Vec::new();
    let mut push = |kind: &'static str, id: &str, title: String, item: ExemplarItem| match groups
        .iter_mut()
        .find(|g| g.kind == kind && g.id == id)
    {
        Some(g) => g.items.push(item),
        None => groups.push(ExemplarGroup {
            kind,
            id: id.to_string(),
            title,
            items: vec![item],
        }),
    };
    let mut unfound = Vec::new();
    let marks: Vec<_> = network.exemplars.iter().collect();
    let mut used = vec![false; marks.len()];
    for (site, kept) in network.sites.iter().zip(cached) {
        let Some(summary) = &kept.summary else {
            continue;
        };
        let coordinator = |population: &str, question: Option<&str>, improvement: Option<&str>| {
            marks.iter().position(|m| {
                m.site == site.name
                    && m.population.as_deref().is_none_or(|p| p == population)
                    && m.question.as_deref() == question
                    && m.improvement.as_deref() == improvement
            })
        };
        for p in &summary.populations {
            // Answers: the site's marks, then the coordinator's.
            let mut answers: Vec<(&AnswerFacts, Option<usize>, bool)> = p
                .exemplars
                .iter()
                .map(|a| (a, coordinator(&p.slug, Some(&a.question), None), true))
                .collect();
            for a in p.assessment.iter() {
                if let Some(k) = coordinator(&p.slug, Some(&a.question), None) {
                    if !answers.iter().any(|(b, _, _)| b.question == a.question) {
                        answers.push((a, Some(k), false));
                    }
                }
            }
            for (a, mark, by_site) in answers {
                if let Some(k) = mark {
                    used[k] = true;
                }
                let title = questions
                    .iter()
                    .find(|(id, _)| id == &a.question)
                    .map_or_else(|| a.text.clone(), |(_, t)| t.clone());
                push(
                    "question",
                    &a.question,
                    title,
                    ExemplarItem {
                        site: site.name.clone(),
                        population: p.slug.clone(),
                        marked_by: if by_site { "site" } else { "coordinator" },
                        improvement: None,
                        title: None,
                        reason: a.exemplar.clone().filter(|r| !r.is_empty()),
                        note: mark.and_then(|k| marks[k].note.clone()),
                        text: a.body.clone(),
                    },
                );
            }
            for i in p.improvements.iter().flatten() {
                let mark = coordinator(&p.slug, None, Some(&i.id));
                if i.exemplar.is_none() && mark.is_none() {
                    continue;
                }
                if let Some(k) = mark {
                    used[k] = true;
                }
                // Gathered under its first cluster (the others are named
                // with it in the learning section).
                let first = i.clusters.first().cloned().unwrap_or_default();
                push(
                    "cluster",
                    &first,
                    names.name(&first),
                    ExemplarItem {
                        site: site.name.clone(),
                        population: p.slug.clone(),
                        marked_by: if i.exemplar.is_some() {
                            "site"
                        } else {
                            "coordinator"
                        },
                        improvement: Some(i.id.clone()),
                        title: Some(i.title.clone()),
                        reason: i.exemplar.clone().filter(|r| !r.is_empty()),
                        note: mark.and_then(|k| marks[k].note.clone()),
                        text: i
                            .learning
                            .clone()
                            .or_else(|| i.note.clone())
                            .unwrap_or_default(),
                    },
                );
            }
        }
    }
    for (m, used) in marks.iter().zip(used) {
        if used {
            continue;
        }
        let read = network
            .sites
            .iter()
            .zip(cached)
            .any(|(s, c)| s.name == m.site && c.summary.is_some());
        let site = ("site", m.site.as_str().into());
        let (id, what) = match (&m.question, &m.improvement) {
            (Some(q), _) => ("net-unfound-answer", ("question", format!("`{q}`").into())),
            (_, Some(i)) => (
                "net-unfound-improvement",
                ("improvement", format!("`{i}`").into()),
            ),
            _ => continue,
        };
        let id = if read {
            id.to_string()
        } else {
            format!("{id}-unread")
        };
        unfound.push(names.words.text(&id, &[site, what]));
    }
    // Questions in the guide's order, then clusters in the guide's order.
    groups.sort_by_key(|g| match g.kind {
        "question" => (
            0,
            questions
                .iter()
                .position(|(id, _)| id == &g.id)
                .unwrap_or(usize::MAX),
        ),
        _ => (
            1,
            names
                .clusters
                .iter()
                .position(|id| id == &g.id)
                .unwrap_or(usize::MAX),
        ),
    });
    (groups, unfound)
}
