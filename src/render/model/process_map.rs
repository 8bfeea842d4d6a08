//! The process map as printed: its steps, with one note per perspective, and
//! its picture.

use minijinja::Value;
use serde::Serialize;

use super::Builder;
use crate::guide::Guide;
use crate::render::{Flavor, svg};
use crate::workbook::{Population, ProcessMap};

/// One step of the process map, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Its number, from 1.
    pub number: usize,
    /// Its id.
    pub id: String,
    /// What happens.
    pub title: String,
    /// Who takes part, joined.
    pub actors: String,
    /// The level of coproduction's id.
    pub level_id: String,
    /// The level's name.
    pub level: String,
    /// Whether the level is active coproduction.
    pub active: bool,
    /// The improvement opportunity.
    pub opportunity: Option<String>,
    /// The opportunity on one printed line (the short form's list), cut with
    /// an ellipsis when longer.
    pub opportunity_brief: Option<String>,
    /// The configurations' names, joined.
    pub configurations: String,
    /// The personas' names, joined.
    pub personas: String,
    /// One note per perspective of the map, in the map's order ("" when none).
    pub notes: Vec<String>,
}

/// The process map, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessMapView {
    /// The picture (HTML only).
    pub svg: Option<Value>,
    /// The perspectives the map is drawn from.
    pub perspectives: Vec<String>,
    /// The steps, in order.
    pub steps: Vec<StepView>,
}

/// The longest opportunity printed whole in the short form's list: one line
/// of A4 at 9 pt after "★ Step 12 ·".
const OPPORTUNITY_BRIEF: usize = 96;

impl Builder<'_> {
    pub(super) fn process_map(
        &self,
        index: usize,
        name: &str,
        map: &ProcessMap,
        pop: &Population,
    ) -> ProcessMapView {
        let svg = match self.flavor {
            Flavor::Html if !map.steps.is_empty() => {
                Some(Value::from_safe_string(svg::process_map(
                    &format!("p{index}-map"),
                    name,
                    map,
                    self.guide,
                    self.scale,
                    self.form == crate::guide::Form::Full,
                    &self.catalogue,
                )))
            }
            _ => None,
        };
        let steps = map
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepView {
                number: i + 1,
                id: s.id.clone(),
                title: s.title.clone(),
                actors: s.actors.join(", "),
                level_id: s.coproduction.clone(),
                level: Guide::term_title(&self.guide.coproduction_levels, &s.coproduction)
                    .to_string(),
                active: self.guide.is_active(&s.coproduction),
                opportunity: s.opportunity.clone(),
                opportunity_brief: s
                    .opportunity
                    .as_deref()
                    .map(|o| crate::render::markdown::shorten(o, OPPORTUNITY_BRIEF)),
                configurations: s
                    .configurations
                    .iter()
                    .map(|c| Guide::term_title(&self.guide.configurations, c))
                    .collect::<Vec<_>>()
                    .join(", "),
                personas: s
                    .personas
                    .iter()
                    .map(|r| {
                        pop.persona(&r.slug)
                            .map_or(r.slug.as_str(), |p| p.name.as_str())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                notes: map
                    .perspectives
                    .iter()
                    .map(|view| {
                        s.perspectives
                            .iter()
                            .find(|(k, _)| k == view)
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect();
        ProcessMapView {
            svg,
            perspectives: map.perspectives.clone(),
            steps,
        }
    }
}
