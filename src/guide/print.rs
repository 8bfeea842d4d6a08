//! The guide's questions as `covalue guide` prints them, without a workbook:
//! plain text for the terminal, Markdown to print or put on a wiki, and JSON
//! for other tools.

use std::fmt::Write as _;

use crate::guide::{Citation, Form, Guide, Question, Section, Text};

/// The guide's questions of `forms` as plain text, with its sources.
pub fn text(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("{} (version {})\n\n", guide.title, guide.version);
    if let Some(note) = guide.translation_note() {
        let _ = writeln!(s, "{note}\n");
    }
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(
                s,
                "{}\n{}",
                section.heading(),
                "=".repeat(crate::width::display(&section.heading()))
            );
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {}\n   [{}] {}",
                    i + 1,
                    one_line(&q.text),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    if let Some(note) = steps_note(guide, forms) {
        let _ = writeln!(s, "About the steps: {}\n", one_line(note));
    }
    s.push_str("Limits:\n");
    for line in limit_lines(guide) {
        let _ = writeln!(s, "  {line}");
    }
    s.push_str("\nSources:\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "  [{}] {}{}",
            c.id,
            one_line(&c.citation),
            translation_line(c)
        );
    }
    s
}

/// The note on where the steps come from, when the full form is printed.
fn steps_note<'a>(guide: &'a Guide, forms: &[Form]) -> Option<&'a String> {
    guide
        .steps_note
        .as_ref()
        .filter(|_| forms.contains(&Form::Full))
}

/// The guide's questions of `forms` as Markdown, with its sources.
pub fn markdown(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("# {}\n\nVersion {}.\n\n", guide.title, guide.version);
    if let Some(note) = guide.translation_note() {
        let _ = writeln!(s, "{note}\n");
    }
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(s, "## {}\n", section.heading());
            if !section.intro.is_empty() {
                let mark = guide.mark(Text::Intro(section));
                let _ = writeln!(s, "{} *({})*\n", section.intro.trim(), mark.note);
            }
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {} `{}` *({})*",
                    i + 1,
                    one_line(&q.text),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    if let Some(note) = steps_note(guide, forms) {
        let _ = writeln!(s, "## About the steps\n\n{}\n", one_line(note));
    }
    s.push_str("## Limits\n\n");
    for line in limit_lines(guide) {
        let _ = writeln!(s, "- {line}");
    }
    s.push_str("\n## Sources\n\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "- **{}**: {}{}",
            c.id,
            one_line(&c.citation),
            translation_line(c)
        );
    }
    s
}

/// The guide's questions of `forms` as one JSON document.
pub fn json(guide: &Guide, forms: &[Form]) -> String {
    /// The version of the JSON's shape (its `format_version`).
    const JSON_FORMAT_VERSION: u32 = 2;
    let sections: Vec<serde_json::Value> = forms
        .iter()
        .flat_map(|f| guide.sections(*f))
        .map(|s| section_json(guide, s))
        .collect();
    let mut value = serde_json::json!({
        "format_version": JSON_FORMAT_VERSION,
        "id": guide.id, "title": guide.title, "version": guide.version,
        "steps_note": guide.steps_note, "limits": limit_lines(guide),
        "sources": guide.sources, "sections": sections,
    });
    // A translated guide says so; a guide in its own language is unchanged.
    if let (Some(of), Some(map)) = (&guide.translation_of, value.as_object_mut()) {
        map.insert("translation_of".into(), of.clone().into());
        map.insert("language".into(), guide.language.clone().into());
        map.insert("translation_note".into(), guide.translation_note().into());
    }
    format!("{value:#}\n")
}

/// A section in the JSON: its title, introduction and each question's
/// wording and help, each text with its own source beside it (a step's
/// title, not its introduction, carries the step's `source`).
fn section_json(guide: &Guide, section: &Section) -> serde_json::Value {
    let question = |q: &Question| {
        let mut v = serde_json::json!({
            "id": q.id, "kind": q.kind, "forms": q.forms,
            "record_optional": q.record_optional,
            "text": q.text, "source": guide.mark(Text::Question(q)).source,
        });
        let extra = [
            ("help", q.help.clone()),
            (
                "help_source",
                q.help.as_ref().map(|_| guide.mark(Text::Help(q)).source),
            ),
            ("configuration", q.configuration.clone()),
            ("summarises", q.summarises.clone()),
        ];
        if let Some(map) = v.as_object_mut() {
            for (key, value) in extra {
                if let Some(value) = value {
                    map.insert(key.to_string(), value.into());
                }
            }
        }
        v
    };
    let title_source = match section.number {
        // The short form's title is not cited on its own.
        0 => None,
        _ => Some(guide.mark(Text::Title(section)).source),
    };
    serde_json::json!({
        "id": section.id, "number": section.number, "file": section.answer_file(),
        "title": section.title, "title_source": title_source,
        "intro": section.intro, "intro_source": guide.mark(Text::Intro(section)).source,
        "questions": section.questions.iter().map(question).collect::<Vec<_>>(),
    })
}

/// Text as one line, its whitespace collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The limits the checks apply, each with where it comes from: "published"
/// (with its source) or "this guide's convention".
pub fn limit_lines(guide: &Guide) -> Vec<String> {
    let basis = |key: &str| {
        let id = guide
            .limit_sources
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| id.as_str());
        match id.map(|id| (id, guide.citation(id))) {
            Some((id, Some(c))) if c.published => format!("published: {id}"),
            Some((id, Some(c))) if c.rests_on_published() => format!(
                "published: {}, in translation {id}",
                c.translation.as_ref().map_or(id, |t| t.of.as_str())
            ),
            Some(_) => "this guide's convention; a site guide may change it".to_string(),
            None => "set by this guide".to_string(),
        }
    };
    let mut lines = vec![
        format!(
            "process map: {} to {} steps ({})",
            guide.process_steps.min,
            guide.process_steps.max,
            basis("process_steps")
        ),
        format!(
            "value compass, when the team keeps one: {} to {} measures ({})",
            guide.compass_measures.min,
            guide.compass_measures.max,
            basis("compass_measures")
        ),
    ];
    if guide.compass_per_quadrant.min > 0 {
        lines.push(format!(
            "value compass: at least {} measure(s) in each quadrant ({})",
            guide.compass_per_quadrant.min,
            basis("compass_per_quadrant")
        ));
    }
    lines
}

/// A question's source, short: "published wording", "draft prompt", or for
/// a translation what it translates ("unreviewed Swedish translation of the
/// published wording (oliver2021)").
fn source_note(guide: &Guide, id: &str) -> String {
    match guide.citation(id) {
        Some(c) if c.translation.is_some() => guide.source_note(id),
        Some(c) if c.published => "published wording".to_string(),
        _ => "draft prompt".to_string(),
    }
}

/// For a translation source, what it translates and by whom, after its citation.
fn translation_line(c: &Citation) -> String {
    let Some(t) = &c.translation else {
        return String::new();
    };
    let mut s = format!(
        " ({} of {}",
        if t.reviewed {
            "reviewed translation"
        } else {
            "unreviewed translation"
        },
        t.of
    );
    if let Some(by) = &t.by {
        let _ = write!(s, ", by {}", one_line(by));
    }
    if let Some(on) = &t.on {
        let _ = write!(s, ", {on}");
    }
    s.push(')');
    s
}
