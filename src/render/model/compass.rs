//! The value compass as printed: its outcome measures, grouped by
//! quadrant, and its picture; then the process and balancing measures, each
//! kind in its own group with a sentence saying what it is.

use minijinja::Value;
use serde::Serialize;

use super::Builder;
use crate::render::{Flavor, svg};
use crate::workbook::Compass;
use crate::workbook::records::MEASURE_KINDS;

/// A measure of the value compass, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// Its id.
    pub id: String,
    /// The measure.
    pub name: String,
    /// Its operational definition.
    pub definition: Option<String>,
    /// Where the data come from.
    pub data_source: Option<String>,
    /// The value today.
    pub baseline: Option<String>,
    /// The value aimed for.
    pub target: Option<String>,
    /// The latest value with its date, such as "70 % on 2026-11-20".
    pub latest: Option<String>,
    /// How many values there are.
    pub count: usize,
    /// The value aimed for, as a number with its unit.
    pub target_value: Option<String>,
    /// How often it is taken (`monthly`, …), when the team says.
    pub frequency: Option<String>,
    /// The run chart (HTML only, with two values or more).
    pub chart: Option<Value>,
}

/// A quadrant of the compass with its measures.
#[derive(Debug, Clone, Serialize)]
pub struct QuadrantView {
    /// The quadrant's id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Its measures, in file order.
    pub measures: Vec<MeasureView>,
}

/// The value compass, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct CompassView {
    /// The picture (HTML only).
    pub svg: Option<Value>,
    /// The quadrants, in guide order (and "other" for unknown quadrants),
    /// with the outcome measures.
    pub quadrants: Vec<QuadrantView>,
    /// The process and balancing measures, a group for each kind that has
    /// measures.
    pub kinds: Vec<KindView>,
}

/// The measures of one kind other than outcome.
#[derive(Debug, Clone, Serialize)]
pub struct KindView {
    /// The kind's id: `process` or `balancing`.
    pub id: String,
    /// Its heading, such as "Process measures".
    pub title: String,
    /// A sentence saying what the kind is.
    pub about: String,
    /// Its measures, in file order.
    pub measures: Vec<MeasureView>,
}

/// The groups of measures other than outcome measures, for every kind that
/// has measures, in the order of [`MEASURE_KINDS`].
pub fn kind_groups<'a, T>(
    measures: &'a [crate::workbook::Measure],
    mut view: impl FnMut(&'a crate::workbook::Measure) -> T,
) -> Vec<(&'static str, &'static str, &'static str, Vec<T>)> {
    MEASURE_KINDS
        .iter()
        .filter(|(id, _, _)| *id != crate::workbook::records::OUTCOME)
        .filter_map(|&(id, title, about)| {
            let items: Vec<T> = measures
                .iter()
                .filter(|m| m.kind == id)
                .map(&mut view)
                .collect();
            (!items.is_empty()).then_some((id, title, about, items))
        })
        .collect()
}

impl Builder<'_> {
    pub(super) fn compass(&self, index: usize, name: &str, compass: &Compass) -> CompassView {
        let measure = |m: &crate::workbook::Measure| MeasureView {
            id: m.id.clone(),
            name: m.name.clone(),
            definition: m.definition.clone(),
            data_source: m.data_source.clone(),
            baseline: m.baseline.clone(),
            target: m.target.clone(),
            latest: m.latest().map(|v| {
                self.words_with(
                    "measure-latest",
                    &[
                        ("value", m.show(v.value).into()),
                        ("date", self.date_text(&v.date).into()),
                    ],
                )
            }),
            count: m.values.len(),
            target_value: m.target_value.map(|v| m.show(v)),
            // In the page's language when covalue knows the frequency; a
            // frequency it does not know (reported by `check`) as written.
            frequency: m.frequency.as_ref().map(|f| {
                if crate::spec::MEASURE_FREQUENCIES.contains(&f.as_str()) {
                    self.words(&format!("frequency-{f}"))
                } else {
                    f.clone()
                }
            }),
            chart: match self.flavor {
                Flavor::Html => crate::render::chart::run_chart_in(
                    &format!("p{index}-run-{}", m.id),
                    m,
                    self.scale,
                    &self.catalogue,
                )
                .map(Value::from_safe_string),
                Flavor::Markdown => None,
            },
        };
        let mut quadrants: Vec<QuadrantView> = self
            .guide
            .quadrants
            .iter()
            .map(|q| QuadrantView {
                id: q.id.clone(),
                title: q.title.clone(),
                measures: compass
                    .measures
                    .iter()
                    .filter(|m| m.is_outcome() && m.quadrant == q.id)
                    .map(measure)
                    .collect(),
            })
            .collect();
        let other: Vec<MeasureView> = compass
            .measures
            .iter()
            .filter(|m| m.is_outcome() && !self.guide.quadrants.iter().any(|q| q.id == m.quadrant))
            .map(measure)
            .collect();
        if !other.is_empty() {
            quadrants.push(QuadrantView {
                id: "other".into(),
                title: self.words("quadrant-other"),
                measures: other,
            });
        }
        let svg = match self.flavor {
            Flavor::Html if !compass.measures.is_empty() => {
                Some(Value::from_safe_string(svg::compass(
                    &format!("p{index}-compass"),
                    name,
                    Some(compass),
                    self.guide,
                    self.scale,
                    &self.catalogue,
                )))
            }
            _ => None,
        };
        let kinds = kind_groups(&compass.measures, measure)
            .into_iter()
            .map(|(id, _, _, measures)| KindView {
                id: id.to_string(),
                title: self.words(&format!("measure-kind-{id}")),
                about: self.words(&format!("measure-kind-{id}-about")),
                measures,
            })
            .collect();
        CompassView {
            svg,
            quadrants,
            kinds,
        }
    }
}
