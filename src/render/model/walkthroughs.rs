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
        let parts: Vec<&crate::workbook::answers::WalkEntry> = match pop {
            Some(p) => p.written_parts(answer).collect(),
            None => answer
                .walkthrough
                .iter()
                .filter(|w| !w.body.trim().is_empty())
                .collect(),
        };
        parts
            .into_iter()
            .map(|w| WalkView {
                persona: pop
                    .map_or(w.heading.as_str(), |p| p.part_name(w))
                    .to_string(),
                slug: w.persona.clone(),
                body: self.rich(&w.body, base + 1),
            })
            .collect()
    }
}
