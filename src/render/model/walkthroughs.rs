//! Walk-throughs of the value configurations: each persona's part of one,
//! as printed.

use minijinja::Value;
use serde::Serialize;

use super::Builder;
use crate::workbook::{Answer, Population};

/// One persona's part of a walk-through.
#[derive(Debug, Clone, Serialize)]
pub struct WalkView {
    /// The persona's name (or the sub-heading when the persona is unknown).
    pub persona: String,
    /// The persona's slug.
    pub slug: String,
    /// What was written (safe HTML or Markdown).
    pub body: Option<Value>,
}

impl Builder<'_> {
    pub(super) fn walk(
        &self,
        pop: Option<&Population>,
        answer: &Answer,
        base: u8,
    ) -> Vec<WalkView> {
        answer
            .walkthrough
            .iter()
            .filter(|w| !w.body.trim().is_empty())
            .map(|w| WalkView {
                persona: pop
                    .and_then(|p| p.persona(&w.persona))
                    .map_or_else(|| w.heading.clone(), |p| p.name.clone()),
                slug: w.persona.clone(),
                body: self.rich(&w.body, base + 1),
            })
            .collect()
    }
}
