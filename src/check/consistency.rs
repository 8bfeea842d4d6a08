//! A record that does not contradict itself: an improvement's personas are
//! on its steps (CV049), an adopted improvement has a value of one of its
//! measures since it started (CV050), the shares of the population the
//! personas stand for add up to no more than 100 % (CV051), and a measure's
//! values come about as often as its stated frequency (CV052). Each is a
//! warning: the team decides which of the two records is right.

use crate::date::{self, Date};
use crate::finding::{Code, Finding};
use crate::workbook::Population;
use crate::workbook::improvements::Improvement;
use crate::workbook::records::Measure;

/// How far the shares may go over 100 % before it is said: rounding each
/// share to a whole number can add up to 100.5 or so.
const SHARE_SLACK: f64 = 0.5;

/// Checks that the records of a population agree with each other.
pub fn check(population: &Population, out: &mut Vec<Finding>) {
    if let Some(register) = &population.improvements {
        for imp in &register.improvements {
            personas_on_steps(population, imp, out);
            adopted_with_values(population, imp, out);
        }
    }
    shares(population, out);
    if let Some(compass) = &population.compass {
        for m in &compass.measures {
            frequency(m, out);
        }
    }
}

/// An improvement and its title, as a message names it.
fn named(imp: &Improvement) -> String {
    match imp.title.trim() {
        "" => format!("the improvement `{}`", imp.id),
        title => format!("the improvement \"{title}\" (`{}`)", imp.id),
    }
}

/// CV049. The rule: a persona is on a step when the step's `personas` in
/// the process map names it. The improvement is judged only when at least
/// one of its steps names personas (a map that names none on its steps
/// says nothing about who is on them), and only for steps and personas
/// that exist (CV035 reports the others).
fn personas_on_steps(population: &Population, imp: &Improvement, out: &mut Vec<Finding>) {
    let Some(map) = &population.process_map else {
        return;
    };
    let steps: Vec<_> = imp
        .steps
        .iter()
        .filter_map(|r| map.steps.iter().find(|s| s.id == r.name))
        .collect();
    if steps.iter().all(|s| s.personas.is_empty()) {
        return;
    }
    for p in &imp.personas {
        let Some(persona) = population.persona(&p.name) else {
            continue;
        };
        if steps
            .iter()
            .any(|s| s.personas.iter().any(|r| r.slug == p.name))
        {
            continue;
        }
        let titles: Vec<String> = steps
            .iter()
            .map(|s| match s.title.trim() {
                "" => format!("`{}`", s.id),
                t => format!("\"{t}\""),
            })
            .collect();
        out.push(
            p.loc
                .finding(Finding::warning(
                    Code::CV049,
                    format!(
                        "{} names the persona {} (`{}`), who is on none of its steps ({})",
                        named(imp),
                        persona.name,
                        persona.slug,
                        titles.join(", ")
                    ),
                ))
                .help(format!(
                    "if the improvement is for {}, add `{}` to the `personas` of the step it changes in process-map.toml; otherwise remove the persona from the improvement",
                    persona.name, persona.slug
                )),
        );
    }
}

/// CV050. An improvement whose status now is `adopted`, with no value of
/// any of its measures dated on or after its first status.
fn adopted_with_values(population: &Population, imp: &Improvement, out: &mut Vec<Finding>) {
    let Some(now) = imp.current() else {
        return;
    };
    if now.state != "adopted" {
        return;
    }
    let Some(started) = imp.status.first().and_then(|s| s.day()) else {
        return;
    };
    let measures: Vec<&Measure> = imp
        .measures
        .iter()
        .filter_map(|r| {
            population
                .compass
                .as_ref()?
                .measures
                .iter()
                .find(|m| m.id == r.name)
        })
        .collect();
    let measured = measures.iter().any(|m| {
        m.values
            .iter()
            .any(|v| v.day().is_some_and(|d| d >= started))
    });
    if measured {
        return;
    }
    let since = date::format(started);
    let (message, help) = if measures.is_empty() && imp.measures.is_empty() {
        (
            format!(
                "{} is adopted, but names no measure that shows it is an improvement",
                named(imp)
            ),
            "name the measures that show it in `measures = [\"…\"]`, and record their values since it started".to_string(),
        )
    } else if measures.is_empty() {
        // Its measures do not exist: CV035 says so.
        return;
    } else {
        let names: Vec<String> = measures.iter().map(|m| format!("\"{}\"", m.name)).collect();
        (
            format!(
                "{} is adopted, but none of its measures ({}) has a value since it started on {since}",
                named(imp),
                names.join(", ")
            ),
            format!(
                "add the values measured since {since} as [[measure.value]] in value-compass.toml, or set its status back to testing until they show the change"
            ),
        )
    };
    out.push(
        now.loc
            .finding(Finding::warning(Code::CV050, message))
            .help(help),
    );
}

/// CV051. The personas' shares of the population, each segment counted
/// once (personas that name the same segment stand for the same people:
/// their largest share counts), add up to more than 100 %.
fn shares(population: &Population, out: &mut Vec<Finding>) {
    // (segment key, share, persona names)
    let mut segments: Vec<(String, f64, Vec<String>)> = Vec::new();
    for p in &population.personas {
        let Some(share) = p.figures.share_percent.filter(|s| s.is_finite()) else {
            continue;
        };
        let key = p
            .segment
            .as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("\u{0}{}", p.slug));
        let shown = format!("{} ({})", p.name, percent(share));
        match segments.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, s, names)) => {
                *s = s.max(share);
                names.push(shown);
            }
            None => segments.push((key, share, vec![shown])),
        }
    }
    let total: f64 = segments.iter().map(|(_, s, _)| s).sum();
    if total <= 100.0 + SHARE_SLACK {
        return;
    }
    let names: Vec<String> = segments.iter().flat_map(|(_, _, n)| n.clone()).collect();
    let Some(first) = population
        .personas
        .iter()
        .find(|p| p.figures.share_percent.is_some())
    else {
        return;
    };
    out.push(
        first
            .loc
            .finding(Finding::warning(
                Code::CV051,
                format!(
                    "the personas' shares of {} add up to {}, more than the whole population: {}",
                    population.name(),
                    percent(total),
                    names.join(", ")
                ),
            ))
            .help("each persona's `share_percent` is the share of the population its segment stands for; correct the shares, or give personas who stand for the same people the same `segment`"),
    );
}

fn percent(value: f64) -> String {
    let n = format!("{value:.1}");
    format!("{} %", n.trim_end_matches('0').trim_end_matches('.'))
}

/// CV052. The usual time between a measure's values (the median of the
/// intervals between dated values, in date order) lies outside half to one
/// and a half times its stated frequency: monthly values every 15 to 45
/// days are monthly; one late or early value is not a contradiction.
fn frequency(m: &Measure, out: &mut Vec<Finding>) {
    let (Some(stated), Some(period)) = (m.frequency.as_deref(), m.frequency_days()) else {
        return;
    };
    let mut days: Vec<Date> = m.values.iter().filter_map(|v| v.day()).collect();
    days.sort();
    days.dedup();
    let mut gaps: Vec<i64> = days
        .windows(2)
        .map(|w| (w[1] - w[0]).get_days() as i64)
        .collect();
    if gaps.is_empty() {
        return;
    }
    gaps.sort_unstable();
    let median = gaps[gaps.len() / 2];
    let (low, high) = (period / 2, period + period / 2);
    if (low..=high).contains(&median) {
        return;
    }
    let how = if median < low { "more" } else { "less" };
    let intervals = match gaps.len() {
        1 => "between its two values".to_string(),
        n => format!("the middle of {n} intervals"),
    };
    out.push(
        m.loc
            .finding(Finding::warning(
                Code::CV052,
                format!(
                    "the measure \"{}\" (`{}`) is {stated}, but its values come {how} often: about every {median} days ({intervals})",
                    m.name, m.id
                ),
            ))
            .help(format!(
                "{stated} means a value every {low} to {high} days; correct `frequency` to how the measure is really taken, or keep one value per period"
            )),
    );
}
