//! The pack as Markdown: the same sections as the HTML pack, for a team
//! that keeps its handouts in the workbook or pastes them into notes; the
//! worksheets end it as headings with their `{#id}`s, which `session
//! import` reads back.

use super::*;

/// The pack as Markdown.
pub fn markdown_text(pack: &Pack) -> String {
    use std::fmt::Write;
    let esc = crate::escape::markdown;
    // The page's words, in the pack's language, as plain text.
    let c = &*pack.catalogue;
    let w = |id: &str| c.text(id, &[]);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}\n",
        esc(&c.text(
            "pack-page-title",
            &[
                ("session", pack.date.as_deref().unwrap_or("").into()),
                ("title", pack.title.as_str().into()),
            ],
        ))
    );
    if let Some(t) = &pack.session_title {
        let _ = writeln!(s, "{}\n", esc(t));
    }
    let _ = writeln!(s, "## {}\n", w("pack-agenda"));
    for step in &pack.agenda {
        let _ = writeln!(s, "- **{}**", esc(&step.title));
        for q in &step.questions {
            let note = esc(&q.wording);
            let _ = writeln!(s, "  - {} `{{#{}}}` *({note})*", esc(&q.text), q.id);
        }
    }
    let _ = writeln!(s, "\n## {}\n", w("pack-changes"));
    if let Some(since) = &pack.since {
        let line = c.text("pack-changes-since", &[("since", since.as_str().into())]);
        let _ = writeln!(s, "{}\n", esc(&line));
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
    let _ = writeln!(s, "\n## {}\n", w("pack-open-items"));
    for p in &pack.populations {
        for step in &p.focus {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            if step.items.is_empty() && step.found.is_empty() {
                let _ = writeln!(s, "{}\n", w("pack-step-done"));
                continue;
            }
            for item in &step.items {
                let state = c.text(
                    "pack-item-state",
                    &[
                        ("state", item.state.into()),
                        ("overdue", if item.overdue { "yes" } else { "no" }.into()),
                    ],
                );
                let detail = match item.detail.is_empty() {
                    true => String::new(),
                    false => format!(" ({})", esc(&item.detail)),
                };
                let _ = writeln!(
                    s,
                    "- **{state}:** {}{detail} `{{#{}}}` ({} ____ {} ____)",
                    esc(&item.text),
                    item.id,
                    w("pack-owner"),
                    w("pack-by")
                );
            }
            for f in &step.found {
                let kind = c.text("pack-found", &[("kind", f.kind.into())]);
                let _ = writeln!(s, "- **{kind}:** {}", esc(&f.message));
            }
            s.push('\n');
        }
    }
    if !pack.earlier_actions.is_empty() {
        let _ = writeln!(s, "### {}\n", w("pack-earlier-actions"));
        for a in &pack.earlier_actions {
            let _ = writeln!(
                s,
                "- {} ({}: {}; {}: {}; {}: {})",
                esc(&a.what),
                w("pack-owner"),
                esc(a.owner.as_deref().unwrap_or("–")),
                w("pack-due"),
                a.due.as_deref().unwrap_or("–"),
                w("pack-session-column"),
                a.session
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", w("pack-current-answers"));
    for p in &pack.populations {
        for step in &p.steps {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            for a in &step.answers {
                let _ = writeln!(s, "#### {} `{{#{}}}`\n", esc(&a.text), a.id);
                if a.markdown.trim().is_empty() && a.parts.is_empty() {
                    let state = match a.status {
                        "answered" => "state-answered",
                        "not applicable" => "state-not-applicable",
                        "deferred" => "state-deferred",
                        _ => "state-open",
                    };
                    let _ = writeln!(s, "_{}._\n", w(state));
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
        "## {}\n\n{}\n",
        w("pack-worksheets"),
        w("pack-md-worksheets-note")
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
        "## {}\n\n| {} | {} | {} |\n|---|---|---|",
        w("pack-attendance"),
        w("pack-name"),
        w("pack-role"),
        w("pack-signature")
    );
    for r in &pack.attendance {
        let _ = writeln!(s, "| {} | {} | |", esc(&r.name), esc(&r.role));
    }
    s
}
