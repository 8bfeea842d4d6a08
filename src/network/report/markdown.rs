//! The network report as Markdown, to print or put on a wiki; everything
//! from a site is escaped for Markdown after the terminal escaper.

use std::io::{self, Write};

use super::text::{clean, counts, list, name, named, named_terms, names_of};
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

fn write_learning(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## What the sites learnt\n")?;
    if r.learning.is_empty() {
        writeln!(
            out,
            "No site has been read yet: run `covalue network fetch`.\n"
        )?;
    }
    for a in &r.learning {
        let names: Vec<String> = a.names.iter().map(|n| e(n)).collect();
        writeln!(out, "### {} (`{}`)\n", names.join(" · "), e(&a.population))?;
        for s in &a.sites {
            writeln!(out, "#### {} · {}\n", e(&s.site), e(&s.name))?;
            if s.form == "short" {
                writeln!(
                    out,
                    "*This site keeps the short form, which has no Step 9: shown is its answer to the short-form question that asks about value.*\n"
                )?;
            }
            if s.assessment.is_empty() {
                writeln!(out, "No answer of Step 9 in the revision read.\n")?;
            }
            for q in &s.assessment {
                writeln!(out, "**{}**\n", e(&q.text))?;
                if q.body.is_empty() {
                    writeln!(out, "Not answered yet ({}).\n", q.status)?;
                } else {
                    writeln!(out, "{}\n", own_words(&q.body, 4))?;
                }
                if let Some(why) = &q.exemplar {
                    writeln!(
                        out,
                        "★ Offered as an exemplar{}\n",
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
                        "Its register of improvements is empty."
                    } else {
                        "It keeps no register of improvements yet."
                    }
                )?;
            }
            for c in &s.clusters {
                writeln!(out, "Improvements · **{}**\n", e(&c.name))?;
                writeln!(
                    out,
                    "| Improvement | Status | Owner | Measure: latest against target | What they learnt |\n|---|---|---|---|---|"
                )?;
                for i in &c.improvements {
                    let status = match (&i.status_name, &i.since) {
                        (Some(n), Some(d)) => format!("{} since {}", e(n), e(d)),
                        (Some(n), None) => e(n),
                        _ => "no status yet".into(),
                    };
                    let measures: Vec<String> = i
                        .measures
                        .iter()
                        .map(|m| {
                            let latest = match (&m.latest, &m.latest_date) {
                                (Some(v), Some(d)) => format!("{} ({})", e(v), e(d)),
                                (Some(v), None) => e(v),
                                _ => "no value yet".into(),
                            };
                            format!(
                                "{}: {latest}{}",
                                e(&m.name),
                                m.target
                                    .as_deref()
                                    .map(|t| format!(", target {}", e(t)))
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
                                format!("(from its note) {plain}")
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
                            " ★ exemplar"
                        } else {
                            ""
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

fn write_exemplars(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## Exemplars\n")?;
    if r.exemplars.is_empty() {
        writeln!(out, "None marked yet.\n")?;
    }
    for g in &r.exemplars {
        writeln!(out, "### {}\n", e(&g.title))?;
        for x in &g.items {
            writeln!(
                out,
                "**{} · {}{}** (marked by {})\n",
                e(&x.site),
                e(&x.population),
                x.title
                    .as_deref()
                    .map(|t| format!(": {}", e(t)))
                    .unwrap_or_default(),
                if x.marked_by == "site" {
                    "the site"
                } else {
                    "the coordinator"
                }
            )?;
            if let Some(why) = &x.reason {
                writeln!(out, "Why, in the site's words: *{}*\n", e(why))?;
            }
            if let Some(note) = &x.note {
                writeln!(out, "The coordinator's note: *{}*\n", e(note))?;
            }
            if !x.text.is_empty() {
                writeln!(out, "{}\n", own_words(&x.text, 4))?;
            }
        }
    }
    for u in &r.exemplars_unfound {
        writeln!(out, "- Not shown: {}", e(u))?;
    }
    if !r.exemplars_unfound.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

fn write_side_by_side(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "## Measures side by side\n")?;
    if r.domains.is_empty() {
        writeln!(out, "The network names no shared measure domain yet.\n")?;
    }
    for d in &r.domains {
        writeln!(out, "### {} (`{}`)\n", e(&d.name), e(&d.id))?;
        if let Some(desc) = &d.description {
            writeln!(out, "{}\n", e(desc))?;
        }
        if d.measures.is_empty() {
            writeln!(out, "No site measures it yet.\n")?;
            continue;
        }
        if !d.differ.is_empty() {
            let what = d.differ.join(", ");
            let what = what
                .get(..1)
                .map_or(what.clone(), |f| f.to_uppercase() + &what[1..]);
            writeln!(
                out,
                "**{what} differ**: a place to start the conversation toward a core measure set.\n"
            )?;
        }
        writeln!(
            out,
            "| Site | Measure | Definition | Source | Unit | Frequency | Latest values |\n|---|---|---|---|---|---|---|"
        )?;
        for m in &d.measures {
            let values: Vec<String> = m
                .values
                .iter()
                .rev()
                .map(|v| format!("{} ({})", e(&v.shown), e(&v.date)))
                .collect();
            writeln!(
                out,
                "| {} · {} | {} | {} | {} | {} | {} | {}{} |",
                e(&m.site),
                e(&m.population),
                e(&m.name),
                e(m.definition.as_deref().unwrap_or("not written")),
                e(m.data_source.as_deref().unwrap_or("not written")),
                e(m.unit.as_deref().unwrap_or("")),
                e(m.frequency.as_deref().unwrap_or("not recorded")),
                if values.is_empty() {
                    "none yet".to_string()
                } else {
                    values.join("<br>")
                },
                m.target
                    .as_deref()
                    .map(|t| format!("<br>target {}", e(t)))
                    .unwrap_or_default(),
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The report as Markdown; everything from a site is escaped.
pub fn write_markdown(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "# {}\n", e(&r.network))?;
    writeln!(
        out,
        "Made {} from the sites' revisions listed at the end.\n",
        r.made
    )?;
    write_learning(out, r)?;
    write_exemplars(out, r)?;
    write_side_by_side(out, r)?;
    writeln!(out, "## Completeness: sites × steps\n")?;
    write!(out, "| Site / population |")?;
    for (i, _) in r.steps.iter().enumerate() {
        write!(out, " {} |", i + 1)?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.steps.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for cell in &c.steps {
            write!(out, " {} |", cell.state)?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, e(&h.title))?;
    }
    writeln!(out, "\n## Completeness: sites × short-form questions\n")?;
    write!(out, "| Site / population |")?;
    for (i, _) in r.short_questions.iter().enumerate() {
        write!(out, " {} |", i + 1)?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.short_questions.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for s in &c.short {
            write!(out, " {s} |")?;
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
    writeln!(out, "## Sites\n")?;
    writeln!(
        out,
        "| Site | Country | Ref | Commit | Date | Workbook | Settled | Open | Deferred | Problems |"
    )?;
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
                (None, Some(f)) => format!("not fetched: {}", e(f)),
                (None, None) => "not fetched".to_string(),
            },
            e(s.date.as_deref().unwrap_or("")),
            e(s.title.as_deref().unwrap_or("")),
            format_args!("{}/{}", s.settled, s.total),
            s.open,
            s.deferred,
            match s.problems.first() {
                Some(p) => format!(
                    "{} (first: {} {})",
                    s.problem_count,
                    e(&p.place),
                    e(&p.message)
                ),
                None => s.problem_count.to_string(),
            }
        )?;
    }
    writeln!(out, "\n## Populations by type\n")?;
    for t in &r.population_types {
        writeln!(
            out,
            "### {} (`{}`)\n",
            crate::escape::markdown(&super::text::type_names(t)),
            e(&t.population)
        )?;
        writeln!(
            out,
            "| Site | Population | Personas | Process map | Coproduction | Configurations | Walked through |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for s in &t.sites {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                e(&s.site),
                e(&s.name),
                e(&counts(&named_terms(r, &s.personas))),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                e(&counts(&named_terms(r, &s.coproduction))),
                e(&list(&names_of(r, &s.configurations))),
                e(&list(&names_of(r, &s.walked)))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Improvements by cluster: how many at each status\n")?;
    for c in &r.improvements {
        writeln!(
            out,
            "### {} ({})\n",
            e(&name(r, &c.cluster)),
            e(&counts(&named(r, &c.by_status)))
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
                    .map_or("no status yet".into(), |s| name(r, s)))
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
                e(m.latest.as_deref().unwrap_or(""))
            } else {
                String::new()
            },
            e(m.latest_date.as_deref().unwrap_or(""))
        )
    };
    let head = "| Site | Population | Measure | Unit | Latest | Date |\n|---|---|---|---|---|---|";
    writeln!(out, "## Measures by compass quadrant\n")?;
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
    writeln!(out, "## Measures mapped to no shared domain\n\n{head}")?;
    for m in &r.unmapped {
        measure_row(out, m, true)?;
    }
    Ok(())
}
