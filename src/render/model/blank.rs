//! Blank worksheets: a population's pages with nothing filled in, to print
//! and write on by hand.

use minijinja::Value;

use super::{Builder, PopulationView};
use crate::guide::Form;
use crate::render::{Flavor, svg};
use crate::workbook::progress::Counts;

impl Builder<'_> {
    /// The view of a blank worksheet, for a population named `name` (or unnamed).
    pub fn blank(&self, index: usize, name: &str) -> PopulationView {
        let full = self.form == Form::Full;
        let blank_compass = match self.flavor {
            Flavor::Html => Some(Value::from_safe_string(svg::compass(
                &format!("p{index}-compass"),
                name,
                None,
                self.guide,
                self.scale,
                &self.catalogue,
            ))),
            Flavor::Markdown => None,
        };
        PopulationView {
            index,
            slug: String::new(),
            anchor: format!("p{index}-blank"),
            page: format!("p{index}"),
            blank: true,
            name: name.to_string(),
            description: String::new(),
            setting: None,
            size: None,
            size_note: None,
            figures: Vec::new(),
            team: Vec::new(),
            personas: Vec::new(),
            blank_personas: if full { 4 } else { 3 },
            persona_kinds: self
                .guide
                .persona_kinds
                .iter()
                .map(|k| k.id.clone())
                .collect(),
            kind_choices: self.kind_choices(),
            process_map: None,
            blank_steps: self.guide.process_steps.max.max(1),
            levels: Self::pairs(&self.guide.coproduction_levels),
            configurations: Self::pairs(&self.guide.configurations),
            compass: None,
            register: None,
            blank_measures: self.guide.compass_measures.max.clamp(1, 30),
            blank_compass,
            sections: self.sections(index, None),
            grid: None,
            open_items: Vec::new(),
            steps_summary: Vec::new(),
            counts: Counts::default(),
            percent: 0,
            footer_css: self.footer(&if name.is_empty() {
                self.words("blank-worksheet")
            } else {
                name.to_string()
            }),
        }
    }
}
