//! The shipped examples as a methodologist would sign them: the register,
//! the map, the compass and the answers agree with one another, and each
//! example shows the monthly cycle with session records.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{COMPLETE, HALF_DONE, manifest_dir};
use toml::Value;

/// The day the examples are dated to: nothing in them is overdue on it.
const AS_OF: &str = "2026-12-07";

fn root(name: &str) -> PathBuf {
    manifest_dir().join("examples").join(name)
}

fn population(name: &str) -> PathBuf {
    let pops = root(name).join("populations");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&pops)
        .unwrap_or_else(|e| panic!("{}: {e}", pops.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(dirs.len(), 1, "{name}: one population");
    dirs.remove(0)
}

fn table(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn array<'a>(value: &'a Value, key: &str) -> Vec<&'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    array(value, key)
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn text(value: &Value, key: &str) -> String {
    match value.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Datetime(d)) => d.to_string(),
        Some(Value::Boolean(b)) => b.to_string(),
        _ => String::new(),
    }
}

#[test]
fn every_improvement_names_personas_who_are_on_its_steps() {
    for name in [COMPLETE, HALF_DONE] {
        let pop = population(name);
        let map = table(&pop.join("process-map.toml"));
        let register = table(&pop.join("improvements.toml"));
        for improvement in array(&register, "improvement") {
            let id = text(improvement, "id");
            let steps = strings(improvement, "steps");
            let on_steps: Vec<String> = array(&map, "step")
                .into_iter()
                .filter(|s| steps.contains(&text(s, "id")))
                .flat_map(|s| strings(s, "personas"))
                .collect();
            for persona in strings(improvement, "personas") {
                assert!(
                    on_steps.contains(&persona),
                    "{name}: improvement `{id}` names `{persona}`, who is on none of its steps {steps:?}"
                );
            }
        }
    }
}

#[test]
fn measures_followed_each_month_are_defined_as_monthly() {
    for name in [COMPLETE, HALF_DONE] {
        let compass = table(&population(name).join("value-compass.toml"));
        for measure in array(&compass, "measure") {
            let dates: Vec<String> = array(measure, "value")
                .iter()
                .map(|v| text(v, "date"))
                .collect();
            if dates.len() < 2 {
                continue;
            }
            let words = format!(
                "{} {}",
                text(measure, "definition"),
                text(measure, "data_source")
            )
            .to_lowercase();
            for yearly in [
                "yearly",
                "each autumn",
                "per calendar year",
                "in the calendar year",
            ] {
                assert!(
                    !words.contains(yearly),
                    "{name}: `{}` has {} monthly values but is defined as {yearly:?}: {words}",
                    text(measure, "id"),
                    dates.len()
                );
            }
        }
    }
}

/// Lakeside's own perspectives say that people do the work of safety
/// monitoring and ongoing therapy alone: those steps are no active
/// coproduction, each with an opportunity, and Step 8 says so.
#[test]
fn steps_the_team_describes_as_done_alone_are_not_coded_as_active() {
    let pop = population(COMPLETE);
    let map = table(&pop.join("process-map.toml"));
    let alone = [
        "no reminder or plan from us",
        "only hear about it when something goes wrong",
    ];
    let mut found = 0;
    for step in array(&map, "step") {
        let views: Vec<String> = step
            .get("perspectives")
            .and_then(Value::as_table)
            .map(|t| {
                t.values()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if views.iter().any(|v| alone.iter().any(|a| v.contains(a))) {
            found += 1;
            let id = text(step, "id");
            assert_eq!(text(step, "coproduction"), "none", "step `{id}`");
            assert!(!text(step, "opportunity").is_empty(), "step `{id}`");
        }
    }
    assert_eq!(found, 2, "safety monitoring and ongoing therapy");
    let logic = fs::read_to_string(pop.join("answers/logic.md")).unwrap_or_default();
    assert!(
        logic.contains("we now code both steps as no active coproduction"),
        "{logic}"
    );
}

/// What the answers plan for later is not in the register as already
/// tested or adopted.
#[test]
fn lakeside_answers_and_register_tell_one_timeline() {
    let pop = population(COMPLETE);
    let register = table(&pop.join("improvements.toml"));
    let state_since = |id: &str| -> Vec<(String, String)> {
        array(&register, "improvement")
            .into_iter()
            .filter(|i| text(i, "id") == id)
            .flat_map(|i| array(i, "status"))
            .map(|s| (text(s, "state"), text(s, "date")))
            .collect()
    };
    let started = |id: &str| {
        state_since(id)
            .into_iter()
            .filter(|(state, _)| state == "testing" || state == "adopted")
            .map(|(_, date)| date)
            .min()
    };
    let next = fs::read_to_string(pop.join("answers/assessment.md")).unwrap_or_default();
    // Reminders: tested from February 2027, so not before.
    assert!(next.contains("from February 2027"), "{next}");
    assert!(
        started("self-booked-blood-tests").is_none_or(|d| d.as_str() >= "2027-02-01"),
        "{:?}",
        state_since("self-booked-blood-tests")
    );
    // The shared care plan's template is agreed by June 2027.
    assert!(next.contains("by June 2027"), "{next}");
    assert!(started("shared-care-plan").is_none_or(|d| d.as_str() >= "2027-06-01"));
    // Infusions at Norrsjö wait for 2028: no improvement in test names them.
    assert!(next.contains("Norrsjö outreach clinic are on the list for 2028"));
    for improvement in array(&register, "improvement") {
        let id = text(improvement, "id");
        if started(&id).is_some() {
            assert!(
                !text(improvement, "title").contains("Norrsjö"),
                "`{id}` is tested at Norrsjö before 2028"
            );
        }
    }
    // The fatigue course is one of the first offers still to come.
    let network = fs::read_to_string(pop.join("answers/network.md")).unwrap_or_default();
    assert!(network.contains("The first three offers will be"));
    assert_eq!(started("fatigue-course"), None);
}

fn sessions(name: &str) -> Vec<(String, Value)> {
    let dir = root(name).join("sessions");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| (p.display().to_string(), table(p)))
        .collect()
}

#[test]
fn both_examples_show_the_monthly_cycle_in_session_records() {
    for (name, at_least) in [(COMPLETE, 3), (HALF_DONE, 2)] {
        let records = sessions(name);
        assert!(
            records.len() >= at_least,
            "{name}: {} records",
            records.len()
        );
        let (mut done, mut open) = (0, 0);
        for (file, record) in &records {
            assert!(
                text(record, "date").as_str() <= AS_OF,
                "{file}: a past session"
            );
            let roles: Vec<String> = array(record, "attendees")
                .iter()
                .map(|a| text(a, "role"))
                .collect();
            assert!(
                roles
                    .iter()
                    .any(|r| r == "patient-partner" || r == "family-partner"),
                "{file}: no patient or family partner among {roles:?}"
            );
            assert!(
                !strings(record, "focus").is_empty(),
                "{file}: no step in focus"
            );
            assert!(
                !strings(record, "decisions").is_empty(),
                "{file}: no decision"
            );
            for action in array(record, "actions") {
                assert!(
                    !text(action, "owner").is_empty(),
                    "{file}: an action without owner"
                );
                let due = text(action, "due");
                assert!(!due.is_empty(), "{file}: an action without a date");
                if text(action, "done") == "true" {
                    done += 1;
                } else {
                    open += 1;
                    assert!(
                        due.as_str() >= AS_OF,
                        "{file}: an open action overdue ({due})"
                    );
                }
            }
        }
        assert!(done >= 2 && open == 1, "{name}: {done} done, {open} open");

        // `check` has nothing to say about the records, and the pack of
        // the latest session lists the open action.
        let tmp = common::example(name);
        let out = common::covalue(tmp.path())
            .env("COVALUE_TODAY", AS_OF)
            .args(["check", "--format", "json"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
        let about_sessions: Vec<&serde_json::Value> = report["findings"]
            .as_array()
            .map(|f| f.iter().collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .filter(|f| {
                f["file"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("sessions/"))
            })
            .collect();
        assert!(about_sessions.is_empty(), "{name}: {about_sessions:?}");
        let pack = common::covalue(tmp.path())
            .env("COVALUE_TODAY", AS_OF)
            .args(["session", "pack", "--format", "md", "-o", "out/pack.md"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pack.status.code(), Some(0), "{name}");
        let pack = fs::read_to_string(tmp.path().join("out/pack.md")).unwrap_or_default();
        let open_part = pack
            .split_once("Actions still open from earlier sessions")
            .map(|(_, rest)| rest)
            .unwrap_or("");
        assert!(
            open_part.contains("Due: 2027-"),
            "{name}: the pack lists no open action:\n{pack}"
        );
    }
}

/// The complete example passes `check` with nothing but its real
/// progress; the half-done one has the problems its README names.
#[test]
fn the_complete_example_has_no_problem_and_the_half_done_one_its_own() {
    let tmp = common::example(COMPLETE);
    let out = common::covalue(tmp.path())
        .env("COVALUE_TODAY", AS_OF)
        .args(["check", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .map(|f| f.iter().filter(|f| f["kind"] != "progress").collect())
        .unwrap_or_default();
    assert!(problems.is_empty(), "{problems:?}");

    let readme = fs::read_to_string(root(HALF_DONE).join("README.md")).unwrap_or_default();
    let tmp = common::example(HALF_DONE);
    let out = common::covalue(tmp.path())
        .env("COVALUE_TODAY", AS_OF)
        .args(["check", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    for finding in report["findings"].as_array().into_iter().flatten() {
        if finding["kind"] == "progress" {
            continue;
        }
        let code = finding["code"].as_str().unwrap_or("");
        assert!(
            readme.contains(&format!("**{code}**")),
            "the README does not name {code}: {finding}"
        );
    }
}
