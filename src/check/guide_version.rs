//! Prompts from another version of the guide: an answer file whose
//! scaffolded prompt (the comment `covalue new` writes under a question) is
//! the one an older or newer built-in guide wrote is noted once (CV054),
//! naming the version and `covalue upgrade`. A prompt of this version in
//! any language the built-in guide ships is not noted, nor a comment the
//! team wrote themselves.

use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::scaffold;
use crate::workbook::Population;

/// Notes each answer file of `population` holding a prompt of another
/// version of the built-in guide.
pub(super) fn check(guide: &Guide, population: &Population, out: &mut Vec<Finding>) {
    let texts = Guide::builtin_texts();
    // Only a workbook that answers the built-in guide (any version of it).
    if !texts.iter().any(|g| g.id == guide.id) {
        return;
    }
    for file in &population.answers {
        let mut older: Option<(&str, &crate::workbook::Answer)> = None;
        let mut count = 0;
        for answer in &file.answers {
            let Some((_, question)) = guide.question(&answer.question) else {
                continue;
            };
            for found in &answer.prompts {
                if matches(guide, question, found) {
                    continue;
                }
                let this_version = |g: &&Guide| g.id == guide.id && g.version == guide.version;
                if texts
                    .iter()
                    .filter(this_version)
                    .any(|g| matches(g, question, found))
                {
                    continue;
                }
                let other = texts
                    .iter()
                    .filter(|g| g.id == guide.id && g.version != guide.version)
                    .find(|g| matches(g, question, found));
                if let Some(other) = other {
                    count += 1;
                    older.get_or_insert((other.version.as_str(), answer));
                }
            }
        }
        let Some((version, first)) = older else {
            continue;
        };
        let more = match count {
            1 => String::new(),
            n => format!(" (and {} more in this file)", n - 1),
        };
        out.push(
            first
                .loc
                .finding(Finding::info(
                    Code::CV054,
                    format!(
                        "the prompt under `{{#{}}}` was written by version {version} of the guide{more}; this workbook answers version {}",
                        first.question, guide.version
                    ),
                ))
                .help(format!(
                    "run `covalue upgrade` to refresh the prompts to version {} (typed answers stay as they are); `covalue upgrade --dry-run` shows what it would change",
                    guide.version
                )),
        );
    }
}

/// Whether `found` (a comment's inside) is a prompt `guide` scaffolds
/// under its question of the same id.
fn matches(guide: &Guide, question: &crate::guide::Question, found: &str) -> bool {
    guide
        .question(&question.id)
        .is_some_and(|(_, q)| scaffold::is_prompt(found, guide, q))
}
