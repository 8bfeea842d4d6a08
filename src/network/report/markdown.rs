//! The network report as Markdown, to print or put on a wiki; everything
//! from a site is escaped for Markdown after the terminal escaper.

use std::io::{self, Write};

use super::text::{Words, clean, counts, list, name, named, named_terms, names_of};
use super::{MeasureItem, Report};

/// A site's Markdown, made safe by the reports' engine (raw HTML as text,
/// only http, https and mailto links, its headings below `base`) and shown
/// visibly where it holds controls or bidi marks; as a quote, so that it
/// reads as the site's own words.
fn own_words(markdown: &str, base: u8) -> String {
    let safe = crate::render::markdown::to_markdown(markdown, base);
    crate::escape::terminal(&safe)
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_learning(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## {}\n", w.t("net-learnt"))?;
    if r.learning.is_empty() {
        let run = w.with(
            "net-no-site-read",
            &[("command", "`covalue network fetch`".into())],
        );
        writeln!(out, "{run}\n")?;
    }
    for a in &r.learning {
        let names: Vec<String> = a.names.iter().map(|n| e(n)).collect();
        writeln!(out, "### {} (`{}`)\n", names.join(" · "), e(&a.population))?;
        for s in &a.sites {
            writeln!(out, "#### {} · {}\n", e(&s.site), e(&s.name))?;
            if s.form == "short" {
                writeln!(out, "*{}*\n", w.t("net-short-form-note"))?;
            }
            if s.assessment.is_empty() {
                writeln!(out, "{}\n", w.t("net-no-step9"))?;
            }
            for q in &s.assessment {
                writeln!(out, "**{}**\n", e(&q.text))?;
                if q.body.is_empty() {
                    let state = w.state(&q.status);
                    let line = w.with("net-not-answered", &[("state", state.into())]);
                    writeln!(out, "{line}\n")?;
                } else {
                    writeln!(out, "{}\n", own_words(&q.body, 4))?;
                }
                if let Some(why) = &q.exemplar {
                    writeln!(
                        out,
                        "{}{}\n",
                        w.t("net-offered-exemplar"),
                        if why.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", e(why))
                        }
                    )?;
                }
            }
            if s.clusters.is_empty() {
                writeln!(
                    out,
                    "{}\n",
                    if s.has_register {
                        w.t("net-register-empty")
                    } else {
                        w.t("net-no-register")
                    }
                )?;
            }
            for c in &s.clusters {
                let heading = w.with(
                    "net-improvements-of",
                    &[("cluster", format!("**{}**", e(&c.name)).into())],
                );
                writeln!(out, "{heading}\n")?;
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
                    w.t("net-col-improvement"),
                    w.t("net-col-status"),
                    w.t("net-col-owner"),
                    w.t("net-col-measure-target"),
                    w.t("net-col-learnt"),
                )?;
                for i in &c.improvements {
                    let status = match (&i.status_name, &i.since) {
                        (Some(n), Some(d)) => w.with(
                            "net-status-since",
                            &[("status", e(n).into()), ("date", w.day(&e(d)).into())],
                        ),
                        (Some(n), None) => e(n),
                        _ => w.t("net-no-status"),
                    };
                    let measures: Vec<String> = i
                        .measures
                        .iter()
                        .map(|m| {
                            let latest = match (&m.latest, &m.latest_date) {
                                (Some(v), Some(d)) => {
                                    format!("{} ({})", w.figure(&e(v)), w.day(&e(d)))
                                }
                                (Some(v), None) => w.figure(&e(v)),
                                _ => w.t("measure-no-value"),
                            };
                            format!(
                                "{}: {latest}{}",
                                e(&m.name),
                                m.target
                                    .as_deref()
                                    .map(|t| format!(
                                        ", {}",
                                        w.with("net-target", &[("target", e(t).into())])
                                    ))
                                    .unwrap_or_default()
                            )
                        })
                        .collect();
                    let learnt = i
                        .learning
                        .as_deref()
                        .map(|l| {
                            let plain = e(&crate::render::markdown::to_plain(l));
                            if i.learning_is_note {
                                format!("{} {plain}", w.t("net-from-its-note"))
                            } else {
                                plain
                            }
                        })
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "| {}{} | {status} | {} | {} | {learnt} |",
                        e(&i.title),
                        if i.exemplar.is_some() {
                            format!(" {}", w.t("net-exemplar-badge"))
                        } else {
                            String::new()
                        },
                        e(i.owner.as_deref().unwrap_or("")),
                        measures.join("<br>"),
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

fn write_exemplars(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## {}\n", w.t("net-exemplars"))?;
    if r.exemplars.is_empty() {
        writeln!(out, "{}\n", w.t("net-none-marked"))?;
    }
    for g in &r.exemplars {
        writeln!(out, "### {}\n", e(&g.title))?;
        for x in &g.items {
            writeln!(
                out,
                "**{} · {}{}** ({})\n",
                e(&x.site),
                e(&x.population),
                x.title
                    .as_deref()
                    .map(|t| format!(": {}", e(t)))
                    .unwrap_or_default(),
                w.with("net-marked-by", &[("who", x.marked_by.into())])
            )?;
            if let Some(why) = &x.reason {
                writeln!(out, "{} *{}*\n", w.t("net-why"), e(why))?;
            }
            if let Some(note) = &x.note {
                writeln!(out, "{} *{}*\n", w.t("net-coordinator-note"), e(note))?;
            }
            if !x.text.is_empty() {
                writeln!(out, "{}\n", own_words(&x.text, 4))?;
            }
        }
    }
    for u in &r.exemplars_unfound {
        writeln!(
            out,
            "- {}",
            w.with("net-not-shown", &[("what", e(u).into())])
        )?;
    }
    if !r.exemplars_unfound.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

fn write_side_by_side(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## {}\n", w.t("net-side-by-side"))?;
    if r.domains.is_empty() {
        writeln!(out, "{}\n", w.t("net-no-domain"))?;
    }
    for d in &r.domains {
        writeln!(out, "### {} (`{}`)\n", e(&d.name), e(&d.id))?;
        if let Some(desc) = &d.description {
            writeln!(out, "{}\n", e(desc))?;
        }
        if d.measures.is_empty() {
            writeln!(out, "{}\n", w.t("net-no-site-measures"))?;
            continue;
        }
        if !d.differ.is_empty() {
            // The sentence in bold up to its colon.
            let said = w.differ(&d.differ);
            match said.split_once(": ") {
                Some((what, rest)) => writeln!(out, "**{what}**: {rest}\n")?,
                None => writeln!(out, "**{said}**\n")?,
            }
        }
        let label = |id: &str| w.t(id).trim_end_matches(':').to_string();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
            w.t("net-col-site"),
            w.t("net-col-measure"),
            label("net-definition"),
            label("net-source"),
            label("net-unit"),
            label("net-frequency"),
            w.t("net-col-latest-values"),
        )?;
        for m in &d.measures {
            let values: Vec<String> = m
                .values
                .iter()
                .rev()
                .map(|v| format!("{} ({})", w.figure(&e(&v.shown)), w.day(&e(&v.date))))
                .collect();
            writeln!(
                out,
                "| {} · {} | {} | {} | {} | {} | {} | {}{} |",
                e(&m.site),
                e(&m.population),
                e(&m.name),
                m.definition
                    .as_deref()
                    .map_or_else(|| w.t("net-not-written"), e),
                m.data_source
                    .as_deref()
                    .map_or_else(|| w.t("net-not-written"), e),
                e(m.unit.as_deref().unwrap_or("")),
                m.frequency
                    .as_deref()
                    .map_or_else(|| w.t("net-not-recorded"), |f| e(&w.frequency(f))),
                if values.is_empty() {
                    w.t("net-none-yet")
                } else {
                    values.join("<br>")
                },
                m.target
                    .as_deref()
                    .map(|t| format!("<br>{}", w.with("net-target", &[("target", e(t).into())])))
                    .unwrap_or_default(),
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The report as Markdown; everything from a site is escaped.
pub fn write_markdown(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let w = &Words::new(r.lang);
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "# {}\n", e(&r.network))?;
    writeln!(
        out,
        "{}\n",
        w.with("net-made", &[("date", w.day(&r.made).into())])
    )?;
    write_learning(out, w, r)?;
    write_exemplars(out, w, r)?;
    write_side_by_side(out, w, r)?;
    writeln!(out, "## {}\n", w.t("net-completeness-steps"))?;
    write!(out, "| {} |", w.t("net-site-population"))?;
    for (i, _) in r.steps.iter().enumerate() {
        write!(out, " {} |", i + 1)?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.steps.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for cell in &c.steps {
            write!(out, " {} |", w.state(cell.state))?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, e(&h.title))?;
    }
    writeln!(out, "\n## {}\n", w.t("net-completeness-short"))?;
    write!(out, "| {} |", w.t("net-site-population"))?;
    for (i, _) in r.short_questions.iter().enumerate() {
        write!(out, " {} |", i + 1)?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.short_questions.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for s in &c.short {
            write!(out, " {} |", w.state(s))?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    for (i, q) in r.short_questions.iter().enumerate() {
        match r.questions.get(q) {
            Some(text) => writeln!(out, "{}. {} (`{}`)", i + 1, e(text), e(q))?,
            None => writeln!(out, "{}. `{}`", i + 1, e(q))?,
        }
    }
    writeln!(out, "\n")?;
    writeln!(out, "## {}\n", w.t("net-sites"))?;
    let head: Vec<String> = [
        "site", "country", "ref", "commit", "date", "workbook", "settled", "open", "deferred",
        "problems",
    ]
    .iter()
    .map(|c| w.t(&format!("net-col-{c}")))
    .collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|---|")?;
    for s in &r.sites {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            e(&s.name),
            e(s.country.as_deref().unwrap_or("")),
            e(&s.reference),
            match (&s.short, &s.failure) {
                (Some(short), _) => e(short),
                (None, Some(f)) => w.with("net-not-fetched-why", &[("why", e(f).into())]),
                (None, None) => w.t("net-not-fetched"),
            },
            w.day(&e(s.date.as_deref().unwrap_or(""))),
            e(s.title.as_deref().unwrap_or("")),
            format_args!("{}/{}", s.settled, s.total),
            s.open,
            s.deferred,
            match s.problems.first() {
                Some(p) => w.with(
                    "net-first-problem",
                    &[
                        ("count", s.problem_count.into()),
                        ("place", e(&p.place).into()),
                        ("message", e(&p.message).into()),
                    ]
                ),
                None => s.problem_count.to_string(),
            }
        )?;
    }
    writeln!(out, "\n## {}\n", w.t("net-populations-by-type"))?;
    for t in &r.population_types {
        writeln!(
            out,
            "### {} (`{}`)\n",
            crate::escape::markdown(&super::text::type_names(t)),
            e(&t.population)
        )?;
        let head: Vec<String> = [
            "site",
            "population",
            "personas",
            "process-map",
            "coproduction",
            "configurations",
            "walked",
        ]
        .iter()
        .map(|c| w.t(&format!("net-col-{c}")))
        .collect();
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for s in &t.sites {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                e(&s.site),
                e(&s.name),
                e(&counts(w, &named_terms(r, &s.personas))),
                s.process_steps.map_or_else(
                    || w.t("net-none"),
                    |n| w.with("net-process-steps", &[("count", n.into())])
                ),
                e(&counts(w, &named_terms(r, &s.coproduction))),
                e(&list(w, &names_of(r, &s.configurations))),
                e(&list(w, &names_of(r, &s.walked)))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## {}\n", w.t("net-by-cluster"))?;
    for c in &r.improvements {
        writeln!(
            out,
            "### {} ({})\n",
            e(&name(r, &c.cluster)),
            e(&counts(w, &named(w, r, &c.by_status)))
        )?;
        for i in &c.items {
            writeln!(
                out,
                "- {}/{}: {} ({})",
                e(&i.site),
                e(&i.population),
                e(&i.title),
                e(&i.status
                    .as_deref()
                    .map_or_else(|| w.t("net-no-status"), |s| name(r, s)))
            )?;
        }
        writeln!(out)?;
    }
    let measure_row = |out: &mut dyn Write, m: &MeasureItem, value: bool| {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            e(&m.site),
            e(&m.population),
            e(&m.name),
            e(m.unit.as_deref().unwrap_or("")),
            if value {
                w.figure(&e(m.latest.as_deref().unwrap_or("")))
            } else {
                String::new()
            },
            w.day(&e(m.latest_date.as_deref().unwrap_or("")))
        )
    };
    let head: Vec<String> = ["site", "population", "measure", "unit", "latest", "date"]
        .iter()
        .map(|c| w.t(&format!("net-col-{c}")))
        .collect();
    let head = format!("| {} |\n|---|---|---|---|---|---|", head.join(" | "));
    writeln!(out, "## {}\n", w.t("net-by-quadrant"))?;
    for q in &r.quadrants {
        writeln!(out, "### {}\n\n{head}", e(&name(r, &q.quadrant)))?;
        for m in &q.measures {
            measure_row(out, m, true)?;
        }
        writeln!(out)?;
    }
    for g in &r.kinds {
        writeln!(out, "## {}\n\n{}\n\n{head}", e(&g.title), e(&g.about))?;
        for m in &g.measures {
            measure_row(out, m, true)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## {}\n\n{head}", w.t("net-unmapped"))?;
    for m in &r.unmapped {
        measure_row(out, m, true)?;
    }
    Ok(())
}
