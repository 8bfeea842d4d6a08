//! The register of improvements and measures over time: what an
//! improvement names exists, statuses and values are dated in order and not
//! in the future, every opportunity on the process map is in the register
//! or marked as not taken up (progress), and a measure whose last value is
//! older than the guide allows is due a new one (progress).

use crate::date::{self, Date};
use crate::finding::{Code, Finding};
use crate::guide::Guide;
use crate::spec;
use crate::workbook::Population;
use crate::workbook::improvements::Ref;

/// Checks the register and the measures' values of a population.
pub fn check(guide: &Guide, population: &Population, today: Date, out: &mut Vec<Finding>) {
    register(population, today, out);
    opportunities(population, out);
    values(guide, population, today, out);
}

fn register(population: &Population, today: Date, out: &mut Vec<Finding>) {
    let Some(register) = &population.improvements else {
        return;
    };
    // None when the record cannot be read: its own finding says why, and
    // every name in it would otherwise be reported as missing too.
    let steps: Option<Vec<&str>> = population
        .process_map
        .as_ref()
        .map(|m| m.steps.iter().map(|s| s.id.as_str()).collect());
    let personas: Vec<&str> = population
        .personas
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    let measures: Option<Vec<&str>> = population
        .compass
        .as_ref()
        .map(|c| c.measures.iter().map(|m| m.id.as_str()).collect());
    let mut seen: Vec<&str> = Vec::new();
    for imp in &register.improvements {
        if seen.contains(&imp.id.as_str()) {
            out.push(
                imp.loc
                    .finding(Finding::error(
                        Code::CV013,
                        format!("the improvement id `{}` is used twice", imp.id),
                    ))
                    .help("give each improvement its own id; other files name it by that id"),
            );
        }
        seen.push(&imp.id);
        let who = format!("the improvement `{}`", imp.id);
        unknown(
            &who,
            "step",
            &imp.steps,
            steps.as_deref(),
            "the process map's step ids",
            out,
        );
        unknown(
            &who,
            "persona",
            &imp.personas,
            Some(&personas),
            "the persona file names",
            out,
        );
        unknown(
            &who,
            "measure",
            &imp.measures,
            measures.as_deref(),
            "the value compass's measure ids",
            out,
        );
        dated(
            &who,
            imp.status
                .iter()
                .map(|s| (s.date.as_str(), s.day(), &s.loc)),
            today,
            "status changes",
            out,
        );
    }
    for n in &register.not_taken_up {
        unknown(
            "an opportunity not taken up",
            "step",
            std::slice::from_ref(&n.step),
            steps.as_deref(),
            "the process map's step ids",
            out,
        );
    }
}

/// Reports the names in `refs` that are not in `known`; nothing when what
/// they name cannot be read (None).
fn unknown(
    who: &str,
    what: &str,
    refs: &[Ref],
    known: Option<&[&str]>,
    hint: &str,
    out: &mut Vec<Finding>,
) {
    let Some(known) = known else {
        return;
    };
    for r in refs {
        if known.contains(&r.name.as_str()) {
            continue;
        }
        let finding = r.loc.finding(Finding::error(
            Code::CV035,
            format!("{who} names the {what} `{}`, which does not exist", r.name),
        ));
        out.push(match spec::suggest(&r.name, known.iter().copied()) {
            Some(better) => finding.help(format!("did you mean `{better}`? Use {hint}")),
            None if known.is_empty() => finding.help(format!("there are none yet; use {hint}")),
            None => finding.help(format!("use {hint}: {}", known.join(", "))),
        });
    }
}

/// Reports dates that go back in time, or lie after today.
fn dated<'a>(
    who: &str,
    dates: impl Iterator<Item = (&'a str, Option<Date>, &'a crate::workbook::Loc)>,
    today: Date,
    what: &str,
    out: &mut Vec<Finding>,
) {
    let mut last: Option<Date> = None;
    for (text, day, loc) in dates {
        let Some(day) = day else {
            // Not a real date: the shape check has said so.
            continue;
        };
        if day > today {
            out.push(
                loc.finding(Finding::error(
                    Code::CV036,
                    format!(
                        "{who} has {what} dated {text}, after today ({})",
                        date::format(today)
                    ),
                ))
                .help("record what has happened; a plan goes in the note"),
            );
        } else if last.is_some_and(|l| day < l) {
            out.push(
                loc.finding(Finding::error(
                    Code::CV036,
                    format!(
                        "{who} has {what} out of order: {text} comes after {}",
                        last.map(date::format).unwrap_or_default()
                    ),
                ))
                .help("list them oldest first, each with its own date"),
            );
        }
        last = Some(last.map_or(day, |l| l.max(day)));
    }
}

fn opportunities(population: &Population, out: &mut Vec<Finding>) {
    let Some(map) = &population.process_map else {
        return;
    };
    // A register that cannot be read is reported as such: which
    // opportunities it takes up is not known.
    let register_file = format!(
        "{}/{}",
        population.dir,
        crate::workbook::layout::IMPROVEMENTS_FILE
    );
    if population
        .findings
        .iter()
        .any(|f| f.is_unreadable() && f.file.as_deref() == Some(register_file.as_str()))
    {
        return;
    }
    let register = population.improvements.as_ref();
    for step in map.steps.iter().filter(|s| s.opportunity.is_some()) {
        let taken = register.is_some_and(|r| {
            r.improvements
                .iter()
                .any(|i| i.steps.iter().any(|s| s.name == step.id))
                || r.not_taken_up.iter().any(|n| n.step.name == step.id)
        });
        if !taken {
            out.push(
                step.loc
                    .finding(Finding::info(
                        Code::CV037,
                        format!(
                            "the opportunity at step `{}` is not in the register of improvements yet",
                            step.id
                        ),
                    ))
                    .help(format!(
                        "add it to {}/improvements.toml (`covalue new improvement {} SLUG --title …`), or list it under [[not_taken_up]] with a reason",
                        population.dir, population.slug
                    )),
            );
        }
    }
}

fn values(guide: &Guide, population: &Population, today: Date, out: &mut Vec<Finding>) {
    let Some(compass) = &population.compass else {
        return;
    };
    for m in &compass.measures {
        let who = format!("the measure `{}`", m.id);
        dated(
            &who,
            m.values.iter().map(|v| (v.date.as_str(), v.day(), &v.loc)),
            today,
            "values",
            out,
        );
        let Some(latest) = m.values.iter().filter_map(|v| v.day()).max() else {
            continue;
        };
        let age = (today - latest).get_days() as i64;
        if latest <= today && age > guide.measure_due_days {
            out.push(
                m.loc
                    .finding(Finding::warning(
                        Code::CV038,
                        format!(
                            "the measure `{}` has no value since {} ({age} days)",
                            m.id,
                            date::format(latest)
                        ),
                    ))
                    .help(format!(
                        "add its latest value as a [[measure.value]] with date and value; the guide asks for one at least every {} days",
                        guide.measure_due_days
                    )),
            );
        }
    }
}
