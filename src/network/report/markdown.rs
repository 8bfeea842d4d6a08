//! The network report as Markdown, to print or put on a wiki; everything
//! from a site is escaped for Markdown after the terminal escaper.

use std::io::{self, Write};

use super::text::{clean, counts, list};
use super::{MeasureItem, Report};

/// The report as Markdown; everything from a site is escaped.
pub fn write_markdown(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let e = |t: &str| crate::escape::markdown(&clean(t));
    writeln!(out, "# {}\n", e(&r.network))?;
    writeln!(out, "Made {} from the sites' revisions below.\n", r.made)?;
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
    writeln!(out, "\n## Completeness: sites × steps\n")?;
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
    for q in &r.short_questions {
        write!(out, " {} |", e(q))?;
    }
    writeln!(out, "\n|---|{}", "---|".repeat(r.short_questions.len()))?;
    for c in &r.completeness {
        write!(out, "| {}/{} |", e(&c.site), e(&c.population))?;
        for s in &c.short {
            write!(out, " {s} |")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "\n## Populations by type\n")?;
    for t in &r.population_types {
        writeln!(out, "### {}\n", e(&t.population))?;
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
                e(&counts(&s.personas)),
                s.process_steps
                    .map_or("none".to_string(), |n| format!("{n} steps")),
                e(&counts(&s.coproduction)),
                e(&list(&s.configurations)),
                e(&list(&s.walked))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Improvements by cluster and status\n")?;
    for c in &r.improvements {
        writeln!(
            out,
            "### {} ({})\n",
            e(&c.cluster),
            e(&counts(&c.by_status))
        )?;
        for i in &c.items {
            writeln!(
                out,
                "- {}/{} {}: {} ({})",
                e(&i.site),
                e(&i.population),
                e(&i.id),
                e(&i.title),
                e(i.status.as_deref().unwrap_or("no status"))
            )?;
        }
        writeln!(out)?;
    }
    let measure_row = |out: &mut dyn Write, m: &MeasureItem, value: bool| {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            e(&m.site),
            e(&m.population),
            e(&m.id),
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
    let head = "| Site | Population | Id | Measure | Unit | Latest | Date |\n|---|---|---|---|---|---|---|";
    writeln!(out, "## Measures by compass quadrant\n")?;
    for q in &r.quadrants {
        writeln!(out, "### {}\n\n{head}", e(&q.quadrant))?;
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
    writeln!(out, "## Measures by shared domain\n")?;
    for d in &r.domains {
        let note = if d.units_agree {
            ""
        } else {
            " (units differ: values not compared)"
        };
        writeln!(out, "### {}: {}{note}\n\n{head}", e(&d.id), e(&d.name))?;
        for m in &d.measures {
            measure_row(out, m, d.units_agree)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Measures mapped to no shared domain\n\n{head}")?;
    for m in &r.unmapped {
        measure_row(out, m, true)?;
    }
    Ok(())
}
