//! The pack as Markdown: the same sections as the HTML pack, for a team
//! that keeps its handouts in the workbook or pastes them into notes; the
//! worksheets end it as headings with their `{#id}`s, which `session
//! import` reads back.

use super::*;

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The pack as Markdown.
pub fn markdown_text(pack: &Pack) -> String {
    use std::fmt::Write;
    let esc = crate::escape::markdown;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Session {} · {}\n",
        pack.date.as_deref().unwrap_or(""),
        esc(&pack.title)
    );
    if let Some(t) = &pack.session_title {
        let _ = writeln!(s, "{}\n", esc(t));
    }
    let _ = writeln!(s, "## Agenda\n");
    for step in &pack.agenda {
        let _ = writeln!(s, "- **{}**", esc(&step.title));
        for q in &step.questions {
            let note = esc(&q.wording);
            let _ = writeln!(s, "  - {} `{{#{}}}` *({note})*", esc(&q.text), q.id);
        }
    }
    let _ = writeln!(s, "\n## What changed since the last session\n");
    if let Some(since) = &pack.since {
        let _ = writeln!(s, "Since {}.\n", esc(since));
    }
    match (&pack.changes_md, &pack.no_changes_because) {
        (Some(md), _) => {
            s.push_str(md.trim_end());
            s.push('\n');
        }
        (None, Some(why)) => {
            let _ = writeln!(s, "{why}");
        }
        _ => {}
    }
    let _ = writeln!(s, "\n## Open items\n");
    for p in &pack.populations {
        for step in &p.focus {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            if step.items.is_empty() && step.found.is_empty() {
                let _ = writeln!(
                    s,
                    "Every question of this step is answered or not applicable, and the check reports nothing for it.\n"
                );
                continue;
            }
            for item in &step.items {
                let state = match (item.state, item.overdue) {
                    ("deferred", true) => "Deferred, date passed",
                    ("deferred", false) => "Deferred",
                    _ => "Open",
                };
                let detail = match item.detail.is_empty() {
                    true => String::new(),
                    false => format!(" ({})", esc(&item.detail)),
                };
                let _ = writeln!(
                    s,
                    "- **{state}:** {}{detail} `{{#{}}}` (owner ____ by ____)",
                    esc(&item.text),
                    item.id
                );
            }
            for f in &step.found {
                let kind = match f.kind {
                    "problem" => "Problem",
                    _ => "To do",
                };
                let _ = writeln!(s, "- **{kind}:** {}", esc(&f.message));
            }
            s.push('\n');
        }
    }
    if !pack.earlier_actions.is_empty() {
        let _ = writeln!(s, "### Actions still open from earlier sessions\n");
        for a in &pack.earlier_actions {
            let _ = writeln!(
                s,
                "- {} ({}, due {}; session {})",
                esc(&a.what),
                esc(a.owner.as_deref().unwrap_or("no owner")),
                a.due.as_deref().unwrap_or("no date"),
                a.session
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Current answers\n");
    for p in &pack.populations {
        for step in &p.steps {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            for a in &step.answers {
                let _ = writeln!(s, "#### {} `{{#{}}}`\n", esc(&a.text), a.id);
                if a.markdown.trim().is_empty() && a.parts.is_empty() {
                    let _ = writeln!(s, "_{}._\n", capitalised(a.status));
                } else if !a.markdown.trim().is_empty() {
                    let _ = writeln!(s, "{}\n", a.markdown.trim_end());
                }
                for part in &a.parts {
                    let _ = writeln!(s, "##### {} `{{#{}}}`\n", esc(&part.name), part.slug);
                    let _ = writeln!(s, "{}\n", part.markdown.trim_end());
                }
            }
        }
    }
    let _ = writeln!(
        s,
        "## Worksheets\n\nType the team's answers under each heading, keeping its `{{#id}}`: `covalue import` puts each one in its place, and each persona's part of a walk-through under the persona.\n"
    );
    for p in &pack.populations {
        for step in &p.worksheets {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            for q in &step.questions {
                let _ = writeln!(s, "#### {} {{#{}}}\n", esc(&q.text), q.id);
                for slot in &q.slots {
                    let _ = writeln!(s, "##### {} {{#{}}}\n", esc(&slot.name), slot.slug);
                }
            }
        }
    }
    let _ = writeln!(
        s,
        "## Attendance\n\n| name | role | signature |\n|---|---|---|"
    );
    for r in &pack.attendance {
        let _ = writeln!(s, "| {} | {} | |", esc(&r.name), esc(&r.role));
    }
    s
}
