//! The guide's questions as `covalue guide` prints them, without a workbook:
//! plain text for the terminal, Markdown to print or put on a wiki, and JSON
//! for other tools.

use std::fmt::Write as _;

use crate::guide::{Form, Guide, Section};

/// The guide's questions of `forms` as plain text, with its sources.
pub fn text(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("{} (version {})\n\n", guide.title, guide.version);
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(
                s,
                "{}\n{}",
                section.heading(),
                "=".repeat(section.heading().chars().count())
            );
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {}\n   [{}] {}",
                    i + 1,
                    q.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    s.push_str("Sources:\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "  [{}] {}",
            c.id,
            c.citation.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    s
}

/// The guide's questions of `forms` as Markdown, with its sources.
pub fn markdown(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("# {}\n\nVersion {}.\n\n", guide.title, guide.version);
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(s, "## {}\n", section.heading());
            if !section.intro.is_empty() {
                let _ = writeln!(s, "{}\n", section.intro.trim());
            }
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {} `{}` *({})*",
                    i + 1,
                    q.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    s.push_str("## Sources\n\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "- **{}**: {}",
            c.id,
            c.citation.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    s
}

/// The guide's questions of `forms` as one JSON document.
pub fn json(guide: &Guide, forms: &[Form]) -> String {
    let sections: Vec<&Section> = forms.iter().flat_map(|f| guide.sections(*f)).collect();
    let value = serde_json::json!({
        "id": guide.id, "title": guide.title, "version": guide.version,
        "sources": guide.sources, "sections": sections,
    });
    format!("{value:#}\n")
}

fn source_note(guide: &Guide, id: &str) -> &'static str {
    match guide.citation(id) {
        Some(c) if c.published => "published wording",
        _ => "draft prompt",
    }
}
