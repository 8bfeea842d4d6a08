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
        "{}/{}  {}  {}{}{latest}",
        m.site,
        clean(&m.population),
        clean(&m.id),
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
    writeln!(out, "\nPopulations by type")?;
    for t in &r.population_types {
        writeln!(
            out,
            "  {} ({} site(s))",
            clean(&t.population),
            t.sites.len()
        )?;
        for s in &t.sites {
            writeln!(
                out,
                "    {}: {} · personas {} · process map {} · coproduction {} · configurations {} · walked through {}",
                s.site,
                clean(&s.name),
                counts(&s.personas),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                counts(&s.coproduction),
                list(&s.configurations),
                list(&s.walked),
            )?;
        }
    }
    writeln!(out, "\nImprovements by cluster and status")?;
    if r.improvements.is_empty() {
        writeln!(out, "  none: no site keeps a register of improvements yet")?;
    }
    for c in &r.improvements {
        writeln!(out, "  {}: {}", clean(&c.cluster), counts(&c.by_status))?;
        for i in &c.items {
            writeln!(
                out,
                "    {}/{}  {}  {} [{}]",
                i.site,
                clean(&i.population),
                clean(&i.id),
                clean(&i.title),
                clean(i.status.as_deref().unwrap_or("no status"))
            )?;
        }
    }
    writeln!(out, "\nMeasures by compass quadrant")?;
    for q in &r.quadrants {
        writeln!(out, "  {} ({})", clean(&q.quadrant), q.measures.len())?;
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
    writeln!(out, "\nMeasures by shared domain")?;
    if r.domains.is_empty() {
        writeln!(out, "  none: network.toml lists no [[domain]]")?;
    }
    for d in &r.domains {
        let units = match (d.units_agree, &d.unit) {
            (_, _) if d.measures.is_empty() => "no site measures it yet".to_string(),
            (true, Some(u)) => format!("unit {}", clean(u)),
            (true, None) => "no unit".to_string(),
            (false, _) => "units differ: latest values not shown side by side".to_string(),
        };
        writeln!(out, "  {}: {} ({units})", clean(&d.id), clean(&d.name))?;
        for m in &d.measures {
            writeln!(out, "    {}", measure_line(m, d.units_agree))?;
        }
    }
    writeln!(out, "\nMeasures mapped to no shared domain")?;
    if r.unmapped.is_empty() {
        writeln!(out, "  none")?;
    }
    for m in &r.unmapped {
        let why = match (&m.domain, m.unknown_domain) {
            (Some(d), true) => format!(" (names `{}`, which network.toml does not list)", clean(d)),
            _ => String::new(),
        };
        writeln!(out, "    {}{why}", measure_line(m, true))?;
    }
    Ok(())
}
