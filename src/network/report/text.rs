//! The network report as text for a terminal: one line a site, then
//! completeness, populations by type, improvements and measures. Everything
//! a site wrote is shown through the terminal escaper, on one line.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{MeasureItem, Report, SiteEntry};

/// Text from a site, made safe for a terminal and kept on one line: what
/// [`crate::escape::terminal`] shows visibly instead of obeying, and line
/// breaks and tabs as spaces.
pub(super) fn clean(text: &str) -> String {
    crate::escape::terminal(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn short_mark(state: &str) -> &'static str {
    match state {
        "settled" => "S",
        "open" => "o",
        "deferred" => "d",
        "not-applicable" => "-",
        "problems" => "!",
        "not-its-form" => "·",
        _ => " ",
    }
}

pub(super) fn counts(map: &BTreeMap<String, usize>) -> String {
    if map.is_empty() {
        return "none".into();
    }
    map.iter()
        .map(|(k, v)| format!("{} {v}", clean(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items
            .iter()
            .map(|i| clean(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn site_line(s: &SiteEntry) -> String {
    let country = s
        .country
        .as_deref()
        .map(|c| format!(" ({})", clean(c)))
        .unwrap_or_default();
    match &s.short {
        None => format!(
            "{}{country}: not fetched ({}){}",
            s.name,
            clean(&s.reference),
            s.failure
                .as_deref()
                .map(|f| format!(": {}", clean(f)))
                .unwrap_or_default()
        ),
        Some(short) => format!(
            "{}{country}: {} at {short}, {} · {} · {}/{} settled{}, {} open, {} deferred, {}",
            s.name,
            clean(&s.reference),
            s.date.as_deref().unwrap_or("date unknown"),
            clean(s.title.as_deref().unwrap_or("")),
            s.settled,
            s.total,
            if s.form.as_deref() == Some("short") {
                " (short form)"
            } else {
                ""
            },
            s.open,
            s.deferred,
            match s.problem_count {
                0 => "no problems".to_string(),
                1 => "1 problem".to_string(),
                n => format!("{n} problems"),
            }
        ),
    }
}

/// The guide's name of a term (a cluster, status, quadrant…), or its id
/// when the guide has no such term.
pub(super) fn name(r: &Report, id: &str) -> String {
    r.names.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// Counts by term, named as the guide names the terms.
pub(super) fn named(r: &Report, map: &BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    map.iter()
        .map(|(k, v)| {
            let shown = if k == "none" {
                "no status yet".to_string()
            } else {
                name(r, k)
            };
            (shown, *v)
        })
        .collect()
}

/// The names the sites give a population type, each once.
pub(super) fn type_names(t: &super::PopulationType) -> String {
    let mut names: Vec<String> = Vec::new();
    for s in &t.sites {
        let n = clean(&s.name);
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" · ")
}

/// Counts by term, with the guide's names for the terms.
pub(super) fn named_terms(r: &Report, map: &BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    map.iter().map(|(k, v)| (name(r, k), *v)).collect()
}

/// A list of terms, with the guide's names.
pub(super) fn names_of(r: &Report, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| name(r, id)).collect()
}

/// A site's Markdown as plain text for a terminal, wrapped at `WIDTH`
/// columns under `indent`.
fn wrapped(out: &mut dyn Write, markdown: &str, indent: &str) -> io::Result<()> {
    const WIDTH: usize = 96;
    let plain = clean(&crate::render::markdown::to_plain(markdown));
    let mut line = String::new();
    for word in plain.split_whitespace() {
        if !line.is_empty()
            && crate::width::display(&line) + 1 + crate::width::display(word) > WIDTH
        {
            writeln!(out, "{indent}{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn write_learning(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(out, "\nWhat the sites learnt")?;
    if r.learning.is_empty() {
        writeln!(
            out,
            "  no site has been read yet: run `covalue network fetch`"
        )?;
    }
    for a in &r.learning {
        let names: Vec<String> = a.names.iter().map(|n| clean(n)).collect();
        writeln!(out, "\n  {} ({})", names.join(" · "), clean(&a.population))?;
        for s in &a.sites {
            writeln!(out, "\n    {} · {}", s.site, clean(&s.name))?;
            if s.form == "short" {
                writeln!(
                    out,
                    "      (short form, which has no Step 9: its answer to the short-form question that asks about value)"
                )?;
            }
            if s.assessment.is_empty() {
                writeln!(out, "      no answer of Step 9 in the revision read")?;
            }
            for q in &s.assessment {
                writeln!(out, "      {}", clean(&q.text))?;
                if q.body.is_empty() {
                    writeln!(out, "        not answered yet ({})", q.status)?;
                } else {
                    wrapped(out, &q.body, "        ")?;
                }
                if let Some(why) = &q.exemplar {
                    writeln!(out, "        ★ offered as an exemplar{}", reason(why))?;
                }
            }
            if s.clusters.is_empty() {
                writeln!(
                    out,
                    "      {}",
                    if s.has_register {
                        "its register of improvements is empty"
                    } else {
                        "it keeps no register of improvements yet"
                    }
                )?;
            }
            for c in &s.clusters {
                writeln!(out, "      Improvements · {}", clean(&c.name))?;
                for i in &c.improvements {
                    writeln!(
                        out,
                        "        {}{}",
                        clean(&i.title),
                        if i.exemplar.is_some() {
                            " ★ exemplar"
                        } else {
                            ""
                        }
                    )?;
                    let status = match (&i.status_name, &i.since) {
                        (Some(n), Some(d)) => format!("{} since {}", clean(n), clean(d)),
                        (Some(n), None) => clean(n),
                        _ => "no status yet".into(),
                    };
                    let history = if i.history.len() > 1 {
                        format!(" ({})", clean(&i.history.join(" → ")))
                    } else {
                        String::new()
                    };
                    let owner = i
                        .owner
                        .as_deref()
                        .map(|o| format!(" · led by {}", clean(o)))
                        .unwrap_or_default();
                    writeln!(out, "          {status}{history}{owner}")?;
                    for m in &i.measures {
                        let latest = match (&m.latest, &m.latest_date) {
                            (Some(v), Some(d)) => format!("{} ({})", clean(v), clean(d)),
                            (Some(v), None) => clean(v),
                            _ => "no value yet".into(),
                        };
                        let target = m
                            .target
                            .as_deref()
                            .map(|t| format!(", target {}", clean(t)))
                            .unwrap_or_default();
                        writeln!(out, "          {}: {latest}{target}", clean(&m.name))?;
                    }
                    if let Some(l) = &i.learning {
                        writeln!(
                            out,
                            "          {}",
                            if i.learning_is_note {
                                "from its note:"
                            } else {
                                "learnt:"
                            }
                        )?;
                        wrapped(out, l, "            ")?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn reason(why: &str) -> String {
    if why.is_empty() {
        String::new()
    } else {
        format!(": {}", clean(why))
    }
}

fn write_exemplars(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(out, "\nExemplars")?;
    if r.exemplars.is_empty() {
        writeln!(out, "  none marked yet")?;
    }
    for g in &r.exemplars {
        writeln!(out, "\n  {}", clean(&g.title))?;
        for e in &g.items {
            writeln!(
                out,
                "    {}/{}{} (marked by {})",
                e.site,
                clean(&e.population),
                e.title
                    .as_deref()
                    .map(|t| format!(": {}", clean(t)))
                    .unwrap_or_default(),
                if e.marked_by == "site" {
                    "the site"
                } else {
                    "the coordinator"
                }
            )?;
            if let Some(why) = &e.reason {
                writeln!(out, "      why, in the site's words: {}", clean(why))?;
            }
            if let Some(note) = &e.note {
                writeln!(out, "      the coordinator's note: {}", clean(note))?;
            }
            if !e.text.is_empty() {
                wrapped(out, &e.text, "      ")?;
            }
        }
    }
    for u in &r.exemplars_unfound {
        writeln!(out, "  not shown: {}", clean(u))?;
    }
    Ok(())
}

fn write_side_by_side(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(out, "\nMeasures side by side")?;
    if r.domains.is_empty() {
        writeln!(
            out,
            "  none: the network names no shared measure domain yet"
        )?;
    }
    for d in &r.domains {
        writeln!(out, "\n  {} ({})", clean(&d.name), clean(&d.id))?;
        if d.measures.is_empty() {
            writeln!(out, "    no site measures it yet")?;
        } else if !d.differ.is_empty() {
            let mut what = d.differ.join(", ");
            if let Some(first) = what.get(..1) {
                what = first.to_uppercase() + &what[1..];
            }
            writeln!(
                out,
                "    {what} differ: a place to start toward a core measure set"
            )?;
        }
        for m in &d.measures {
            writeln!(
                out,
                "    {}/{}  {}",
                m.site,
                clean(&m.population),
                clean(&m.name)
            )?;
            let or_not =
                |t: &Option<String>, missing: &str| t.as_deref().map_or(missing.to_string(), clean);
            writeln!(
                out,
                "      definition: {}",
                or_not(&m.definition, "not written")
            )?;
            writeln!(
                out,
                "      source: {} · unit: {} · frequency: {}",
                or_not(&m.data_source, "not written"),
                or_not(&m.unit, "none"),
                or_not(&m.frequency, "not recorded")
            )?;
            let values: Vec<String> = m
                .values
                .iter()
                .rev()
                .map(|v| format!("{} ({})", clean(&v.shown), clean(&v.date)))
                .collect();
            writeln!(
                out,
                "      latest: {}{}",
                if values.is_empty() {
                    "none yet".to_string()
                } else {
                    values.join(", ")
                },
                m.target
                    .as_deref()
                    .map(|t| format!(" · target {}", clean(t)))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

fn measure_line(m: &MeasureItem, value: bool) -> String {
    let latest = match (&m.latest, value) {
        (Some(v), true) => format!(
            " = {} ({})",
            clean(v),
            m.latest_date.as_deref().unwrap_or("")
        ),
        _ => String::new(),
    };
    format!(
        "{}/{}  {}{}{latest}",
        m.site,
        clean(&m.population),
        clean(&m.name),
        m.unit
            .as_deref()
            .map(|u| format!(" [{}]", clean(u)))
            .unwrap_or_default()
    )
}

/// The report as text, for a terminal.
pub fn write_text(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let fetched = r.sites.iter().filter(|s| s.commit.is_some()).count();
    writeln!(
        out,
        "Network: {} · {} site(s), {fetched} read from the cache · {}",
        clean(&r.network),
        r.sites.len(),
        r.made
    )?;
    write_learning(out, r)?;
    write_exemplars(out, r)?;
    write_side_by_side(out, r)?;
    let width = r
        .completeness
        .iter()
        .map(|c| crate::width::display(&format!("{}/{}", c.site, clean(&c.population))))
        .max()
        .unwrap_or(4);
    writeln!(
        out,
        "\nCompleteness: sites × steps (S settled, o open, - not applicable, ! problems, · short-form site)"
    )?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "  {:>2} {}", i + 1, clean(&h.title))?;
    }
    let header: String = (1..=r.steps.len()).map(|i| format!("{i:>3}")).collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .steps
            .iter()
            .map(|cell| format!("{:>3}", short_mark(cell.state)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {} {row}", crate::width::pad(&who, width))?;
    }
    writeln!(out, "\nCompleteness: sites × the short form's questions")?;
    for (i, q) in r.short_questions.iter().enumerate() {
        writeln!(out, "  {:>2} {}", i + 1, clean(q))?;
    }
    let header: String = (1..=r.short_questions.len())
        .map(|i| format!("{i:>3}"))
        .collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .short
            .iter()
            .map(|s| format!("{:>3}", short_mark(s)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {} {row}", crate::width::pad(&who, width))?;
    }
    writeln!(out, "\nSites (the revision each is read at)")?;
    for s in &r.sites {
        writeln!(out, "  {}", site_line(s))?;
        if let (Some(_), Some(f)) = (&s.commit, &s.failure) {
            writeln!(
                out,
                "      the last fetch failed, so this is an older revision: {}",
                clean(f)
            )?;
        }
        for p in &s.problems {
            writeln!(
                out,
                "      {} {}: {}",
                p.code,
                clean(&p.place),
                clean(&p.message)
            )?;
        }
    }
    writeln!(out, "\nPopulations by type")?;
    for t in &r.population_types {
        writeln!(
            out,
            "  {} ({}, {} site(s))",
            type_names(t),
            clean(&t.population),
            t.sites.len()
        )?;
        for s in &t.sites {
            writeln!(
                out,
                "    {}: {} · personas {} · process map {} · coproduction {} · configurations {} · walked through {}",
                s.site,
                clean(&s.name),
                counts(&named_terms(r, &s.personas)),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                counts(&named_terms(r, &s.coproduction)),
                list(&names_of(r, &s.configurations)),
                list(&names_of(r, &s.walked)),
            )?;
        }
    }
    writeln!(out, "\nImprovements by cluster: how many at each status")?;
    if r.improvements.is_empty() {
        writeln!(out, "  none: no site keeps a register of improvements yet")?;
    }
    for c in &r.improvements {
        writeln!(
            out,
            "  {}: {}",
            clean(&name(r, &c.cluster)),
            counts(&named(r, &c.by_status))
        )?;
        for i in &c.items {
            writeln!(
                out,
                "    {}/{}  {} [{}]",
                i.site,
                clean(&i.population),
                clean(&i.title),
                clean(
                    &i.status
                        .as_deref()
                        .map_or("no status yet".into(), |s| name(r, s))
                )
            )?;
        }
    }
    writeln!(out, "\nMeasures by compass quadrant")?;
    for q in &r.quadrants {
        writeln!(
            out,
            "  {} ({})",
            clean(&name(r, &q.quadrant)),
            q.measures.len()
        )?;
        for m in &q.measures {
            writeln!(out, "    {}", measure_line(m, true))?;
        }
    }
    for g in &r.kinds {
        writeln!(out, "\n{} ({})", clean(&g.title), g.measures.len())?;
        writeln!(out, "  {}", clean(&g.about))?;
        for m in &g.measures {
            writeln!(out, "    {}", measure_line(m, true))?;
        }
    }
    writeln!(out, "\nMeasures mapped to no shared domain")?;
    if r.unmapped.is_empty() {
        writeln!(out, "  none")?;
    }
    for m in &r.unmapped {
        let why = match (&m.domain, m.unknown_domain) {
            (Some(d), true) => format!(" (its domain `{}` is not one of the network's)", clean(d)),
            _ => String::new(),
        };
        writeln!(out, "    {}{why}", measure_line(m, true))?;
    }
    Ok(())
}
