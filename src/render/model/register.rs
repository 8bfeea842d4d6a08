//! The register of improvements as printed: improvements grouped by
//! cluster of opportunity, each with its status, steps, owner and the
//! latest values of its measures; and the opportunities not taken up.

use serde::Serialize;

use super::Builder;
use crate::workbook::Population;

/// A measure named by an improvement, with its latest value.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureLine {
    /// Its name (its id when the compass lacks it).
    pub name: String,
    /// The latest value with its unit ("70 %"), or None without values.
    pub latest: Option<String>,
    /// Its date.
    pub date: Option<String>,
    /// The target, with its unit.
    pub target: Option<String>,
}

/// One improvement, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct ImprovementView {
    /// Its id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its status now, by the guide's title ("Testing").
    pub status: Option<String>,
    /// Since when.
    pub since: Option<String>,
    /// The process-map steps, by title.
    pub steps: Vec<String>,
    /// Who leads it.
    pub owner: Option<String>,
    /// Its measures.
    pub measures: Vec<MeasureLine>,
    /// Anything else.
    pub note: Option<String>,
    /// The other clusters it is in, by title (it is listed under each).
    pub also: Vec<String>,
}

/// A cluster with its improvements.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterView {
    /// The cluster's title.
    pub title: String,
    /// What it is, as the guide says.
    pub description: Option<String>,
    /// Where the title and description are quoted from, as a reader sees
    /// it ("published wording, batalden2016"); None for the guide's own.
    pub wording: Option<String>,
    /// Its improvements, in the guide's order of statuses.
    pub improvements: Vec<ImprovementView>,
}

/// An opportunity not taken up.
#[derive(Debug, Clone, Serialize)]
pub struct DeclinedView {
    /// The step, by title.
    pub step: String,
    /// Why not.
    pub reason: String,
}

/// The register, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterView {
    /// The clusters that have improvements, in the guide's order.
    pub clusters: Vec<ClusterView>,
    /// Opportunities not taken up.
    pub declined: Vec<DeclinedView>,
    /// How many improvements, by status title, in the guide's order.
    pub by_status: Vec<(String, usize)>,
}

impl Builder<'_> {
    pub(super) fn register(&self, pop: &Population) -> Option<RegisterView> {
        let register = pop.improvements.as_ref()?;
        let step_title = |id: &str| {
            pop.process_map
                .as_ref()
                .and_then(|m| m.steps.iter().find(|s| s.id == id))
                .map_or_else(|| id.to_string(), |s| s.title.clone())
        };
        let status_title = |id: &str| {
            self.guide
                .improvement_statuses
                .iter()
                .find(|s| s.id == id)
                .map_or_else(|| id.to_string(), |s| s.title.clone())
        };
        let status_rank = |id: Option<&str>| {
            id.and_then(|id| {
                self.guide
                    .improvement_statuses
                    .iter()
                    .position(|s| s.id == id)
            })
            .unwrap_or(usize::MAX)
        };
        let cluster_title = |id: &str| {
            self.guide
                .improvement_clusters
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.title.clone())
        };
        let view =
            |i: &crate::workbook::improvements::Improvement, shown_in: &str| ImprovementView {
                also: i
                    .clusters
                    .iter()
                    .filter(|c| *c != shown_in)
                    .map(|c| cluster_title(c))
                    .collect(),
                id: i.id.clone(),
                title: i.title.clone(),
                status: i.current().map(|s| status_title(&s.state)),
                since: i.current().map(|s| s.date.clone()),
                steps: i.steps.iter().map(|s| step_title(&s.name)).collect(),
                owner: i.owner.clone().filter(|o| !o.trim().is_empty()),
                measures: i
                    .measures
                    .iter()
                    .map(|r| {
                        let m = pop
                            .compass
                            .as_ref()
                            .and_then(|c| c.measures.iter().find(|m| m.id == r.name));
                        MeasureLine {
                            name: m.map_or_else(|| r.name.clone(), |m| m.name.clone()),
                            latest: m.and_then(|m| Some(m.show(m.latest()?.value))),
                            date: m.and_then(|m| Some(m.latest()?.date.clone())),
                            target: m.and_then(|m| Some(m.show(m.target_value?))),
                        }
                    })
                    .collect(),
                note: i.note.clone(),
            };
        let mut clusters = Vec::new();
        for cluster in &self.guide.improvement_clusters {
            let mut items: Vec<&crate::workbook::improvements::Improvement> = register
                .improvements
                .iter()
                .filter(|i| i.in_cluster(&cluster.id))
                .collect();
            if items.is_empty() {
                continue;
            }
            items.sort_by_key(|i| status_rank(i.current().map(|s| s.state.as_str())));
            clusters.push(ClusterView {
                title: cluster.title.clone(),
                description: Some(cluster.description.clone()).filter(|d| !d.trim().is_empty()),
                wording: cluster
                    .source
                    .as_deref()
                    .and_then(|s| self.guide.citation(s))
                    .map(|c| match c.published {
                        true => format!("published wording, {}", c.id),
                        false => format!("wording of {}", c.id),
                    }),
                improvements: items.into_iter().map(|i| view(i, &cluster.id)).collect(),
            });
        }
        let by_status = self
            .guide
            .improvement_statuses
            .iter()
            .map(|s| {
                let n = register
                    .improvements
                    .iter()
                    .filter(|i| i.current().is_some_and(|c| c.state == s.id))
                    .count();
                (s.title.clone(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        Some(RegisterView {
            clusters,
            declined: register
                .not_taken_up
                .iter()
                .map(|n| DeclinedView {
                    step: step_title(&n.step.name),
                    reason: n.reason.clone(),
                })
                .collect(),
            by_status,
        })
    }
}
