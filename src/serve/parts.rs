//! A walk-through's persona parts on a question's page of `covalue serve`:
//! one block per persona of the population (in their order, then any part
//! whose id names no persona), each showing the part under the name every
//! verb gives it (`Population::part_name`) with a form for that part alone.
//! Saving a part writes only that part (`session::import::put_part`); its
//! form carries the fingerprint of the part as it was loaded, so a save
//! conflicts only when that same part changed on disk.

use super::words::t;
use minijinja::Value;
use serde::Serialize;

use super::Reply;
use super::auth::{field, percent_encode};
use super::edit;
use super::pages::{Site, error_page, not_found, pop_href};
use crate::guide::{Form, QuestionKind, Section};
use crate::session::import;
use crate::workbook::{Population, answers, layout};

/// One persona's part of a walk-through, as its block on the page shows it.
#[derive(Debug, Serialize)]
pub(super) struct PartView {
    /// The persona's id, as in `{#id}`.
    pub(super) id: String,
    /// The name it is shown under.
    pub(super) name: String,
    /// A note when no persona of the population has the part's id.
    note: Option<String>,
    /// The part as the reports print it (safe HTML), when it holds text.
    shown: Option<Value>,
    /// The text box: the part as written (comments and sub-headings kept).
    text: String,
    /// The fingerprint of the part as loaded.
    hash: String,
    /// Where its form is posted.
    action: String,
    /// Why the last save of this part was refused, if it was.
    problem: Option<String>,
}

/// Text typed into a part's box that was refused, to show again with why.
pub(super) struct Refused<'a> {
    pub(super) persona: &'a str,
    pub(super) text: &'a str,
    pub(super) why: String,
}

/// The fingerprint a part's form carries: of the part as written, or of
/// nothing when the file has no heading for it yet.
fn part_hash(raw: Option<&str>) -> String {
    edit::fingerprint(raw.unwrap_or("").as_bytes())
}

/// The persona ids and names whose parts a walk-through's page shows: the
/// population's personas in their order, then each part written for an id
/// that names no persona (under its own heading).
fn part_names(pop: &Population, answer: Option<&answers::Answer>) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = pop
        .personas
        .iter()
        .map(|p| (p.slug.clone(), p.name.clone(), true))
        .collect();
    for part in answer.map_or(&[][..], |a| &a.walkthrough[..]) {
        if !out.iter().any(|(id, _, _)| *id == part.persona) {
            out.push((part.persona.clone(), pop.part_name(part).to_string(), false));
        }
    }
    out
}

/// Why text holding a heading with a question's id is not saved under
/// `question`, and what to do, in the page's language.
pub(super) fn stray_problem(stray: &answers::StrayHeading, question: &str) -> String {
    let id = match stray.id == question {
        true => "http-stray-own",
        false => "http-stray-other",
    };
    t(
        id,
        &[
            ("line", stray.line.into()),
            ("heading", stray.heading.as_str().into()),
            ("id", stray.id.as_str().into()),
            ("mark", format!("{{#{}}}", stray.id).into()),
        ],
    )
}

/// What a part's text (or a walk-through's lead) may not hold: a heading
/// with a question's id (it would take that question over), a code block
/// left open (it would hide the parts after it), or a heading at the level
/// of the parts or above (it would end the part and start another
/// persona's, or another question). Sub-headings one level down or more
/// stay allowed.
pub(super) fn part_problem(
    text: &str,
    level: usize,
    question: &str,
    is_question: &dyn Fn(&str) -> bool,
) -> Option<String> {
    if let Some(stray) = answers::stray_headings(text, is_question).first() {
        return Some(stray_problem(stray, question));
    }
    let lines: Vec<&str> = text.lines().collect();
    let outline = answers::outline(lines.iter().copied(), &|_: &str| false);
    if let Some(fence) = outline.open_fences.first() {
        // Left open, it would hide the parts after this one.
        let line = lines.get(fence.line - 1).map_or("", |l| l.trim());
        return Some(t(
            "http-part-open-fence",
            &[("line", fence.line.into()), ("text", line.into())],
        ));
    }
    let high = outline.headings.iter().find(|h| h.level <= level)?;
    let line = lines.get(high.line - 1).map_or("", |l| l.trim());
    Some(t(
        "http-part-high-heading",
        &[
            ("line", high.line.into()),
            ("text", line.into()),
            ("marks", "#".repeat(level + 1).into()),
        ],
    ))
}

impl Site {
    /// The persona blocks of a walk-through question's page (empty for
    /// any other question).
    pub(super) fn part_views(
        &self,
        guide: &crate::guide::Guide,
        pop: &Population,
        section: &Section,
        question: &crate::guide::Question,
        text: &str,
        refused: Option<&Refused<'_>>,
    ) -> Vec<PartView> {
        if question.kind != QuestionKind::Walkthrough {
            return Vec::new();
        }
        let answer = pop.answer(&section.id, &question.id);
        // The parts as the reports print them: the same model, the same names.
        let form = if section.number == 0 {
            Form::Short
        } else {
            Form::Full
        };
        let view = super::pages::builder(guide, form).population(1, pop);
        let printed = view
            .sections
            .iter()
            .find(|s| s.id == section.id)
            .and_then(|s| s.questions.iter().find(|q| q.id == question.id))
            .map(|q| q.walkthrough.clone())
            .unwrap_or_default();
        let slug = &pop.slug;
        part_names(pop, answer)
            .into_iter()
            .map(|(id, name, known)| {
                let raw = import::raw_part(text, section, &question.id, &id);
                let kept = refused.filter(|r| r.persona == id);
                PartView {
                    note: (!known)
                        .then(|| t("http-part-unknown-persona", &[("id", id.as_str().into())])),
                    shown: printed
                        .iter()
                        .find(|w| w.slug == id)
                        .and_then(|w| w.body.clone()),
                    text: kept
                        .map_or_else(|| raw.unwrap_or("").to_string(), |r| r.text.to_string()),
                    hash: part_hash(raw),
                    action: format!(
                        "{}/q/{}/part/{}",
                        pop_href(slug),
                        percent_encode(&question.id),
                        percent_encode(&id)
                    ),
                    problem: kept.map(|r| r.why.clone()),
                    id,
                    name,
                }
            })
            .collect()
    }

    /// Saves one persona's part of a walk-through, and nothing else.
    pub(super) fn save_part(
        &self,
        slug: &str,
        id: &str,
        persona: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let Some((section, question)) = wb.guide.question(id) else {
            return not_found();
        };
        if question.kind != QuestionKind::Walkthrough {
            return not_found();
        }
        let answer = pop.answer(&section.id, id);
        let Some((_, name, _)) = part_names(&pop, answer)
            .into_iter()
            .find(|(p, _, _)| p == persona)
        else {
            return not_found();
        };
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let current = or_reply!(self.read(&file));
        let Ok(text) = String::from_utf8(current.clone().unwrap_or_default()) else {
            return error_page(
                422,
                &t("http-not-text", &[("file", file.as_str().into())]),
                &t("http-fix-in-editor", &[]),
            );
        };
        let typed = field(form, "text").unwrap_or("").replace("\r\n", "\n");
        let body = typed.trim_matches('\n').trim_end();
        let level = import::part_level(&text, section, id);
        let is_question = |q: &str| wb.guide.question(q).is_some();
        if let Some(why) = part_problem(body, level, id, &is_question) {
            let refused = Refused {
                persona,
                text: &typed,
                why,
            };
            return self.question_page(slug, id, csrf, None, Some(&refused));
        }
        let raw = import::raw_part(&text, section, id, persona);
        if part_hash(raw) != field(form, "hash").unwrap_or("") {
            let what = t(
                "serve-conflict-part",
                &[
                    ("persona", name.as_str().into()),
                    ("question", question.text.as_str().into()),
                ],
            );
            let theirs = raw.unwrap_or("").to_string();
            let bytes = theirs.as_bytes().to_vec();
            return self.conflict(slug, &file, &what, &theirs, body, form, &bytes, csrf);
        }
        let mut written = Vec::new();
        let unchanged = raw.unwrap_or("").replace("\r\n", "\n") == body;
        if !unchanged {
            let text = match current {
                Some(_) => text,
                None => crate::scaffold::answer_file_text(&wb.guide, section),
            };
            let heading = answers::heading_text(&question.text);
            let new = import::put_part(&text, section, (id, &heading), (persona, &name), body);
            if new != text {
                or_reply!(self.write(&file, &new));
                written.push(file.clone());
            }
        }
        let mut target = format!(
            "{}/q/{}?saved={}",
            pop_href(slug),
            percent_encode(id),
            percent_encode(persona)
        );
        // A part saved as it was answered nothing in this session.
        let changed = !written.is_empty();
        if !body.is_empty() && changed {
            if let Some((record, wrote)) = or_reply!(self.record_in_session(wb, id)) {
                target.push_str(&format!("&session={}", percent_encode(&record)));
                if wrote {
                    written.push(record);
                }
            }
        }
        target.push_str(&format!("#part-{}", percent_encode(persona)));
        let mut reply = Reply::redirect(&target);
        reply.written = written;
        reply
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_may_hold_deeper_headings_but_not_another_part_or_question() {
        let none = |_: &str| false;
        assert_eq!(
            part_problem("Text.\n\n#### What she asked\n\nSalt.", 3, "q", &none),
            None
        );
        let other = part_problem("Text.\n\n### Markus {#markus}\n\nHis.", 3, "q", &none)
            .expect("a part heading is refused");
        assert!(
            other.contains("line 3") && other.contains("####"),
            "{other}"
        );
        let question = |q: &str| q == "chain-measures";
        let taken = part_problem("## Taken {#chain-measures}", 3, "q", &question)
            .expect("a question heading is refused");
        assert!(taken.contains("chain-measures"), "{taken}");
        let open = part_problem("Text.\n\n```\ncode", 3, "q", &none)
            .expect("an open code block is refused");
        assert!(
            open.contains("line 3") && open.contains("never closed"),
            "{open}"
        );
        assert_eq!(part_problem("```\n### In code\n```", 3, "q", &none), None);
    }
}
