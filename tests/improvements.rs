//! The register of improvements and measures over time: `check` rules,
//! `covalue new improvement`, and `diff` of statuses and new values.

mod common;

use std::fs;

use common::{check_json, example, findings, git, has_at, line_of, run, with_code};

const POP: &str = "populations/ms";

#[test]
fn the_complete_example_has_a_register_that_passes_the_check() {
    let tmp = example("lakeside-ms");
    let (_, report) = check_json(tmp.path(), &[]);
    let found = findings(&report);
    for code in ["CV035", "CV036", "CV037", "CV038"] {
        assert!(with_code(&found, code).is_empty(), "{code}: {found:?}");
    }
    let register = fs::read_to_string(tmp.path().join(POP).join("improvements.toml")).unwrap();
    assert!(register.matches("[[improvement]]").count() >= 5);
    let clusters: std::collections::BTreeSet<&str> = register
        .lines()
        .filter_map(|l| l.strip_prefix("cluster = "))
        .collect();
    assert!(clusters.len() >= 3, "{clusters:?}");
}

#[test]
fn check_reports_unknown_names_dates_out_of_order_untaken_opportunities_and_stale_measures() {
    let tmp = example("lakeside-ms");
    let dir = tmp.path();
    let register = dir.join(POP).join("improvements.toml");
    let text = fs::read_to_string(&register)
        .unwrap()
        .replace(
            "steps = [\"treatment-choice\"]",
            "steps = [\"treatment-choise\"]",
        )
        .replace(
            "personas = [\"goran\"]",
            "personas = [\"goran\", \"nobody\"]",
        )
        .replace(
            "state = \"adopted\"\ndate = 2026-06-30",
            "state = \"adopted\"\ndate = 2026-01-01",
        )
        .replace(
            "state = \"planned\"\ndate = 2026-10-05",
            "state = \"planned\"\ndate = 2027-10-05",
        )
        .replace(
            "[[not_taken_up]]\nstep = \"first-symptoms\"",
            "[[not_taken_up]]\nstep = \"first-symptom\"",
        );
    fs::write(&register, &text).unwrap();
    let compass = dir.join(POP).join("value-compass.toml");
    let values = fs::read_to_string(&compass).unwrap().replace(
        "date = 2026-03-31\nvalue = 59",
        "date = 2026-01-01\nvalue = 59",
    );
    fs::write(&compass, &values).unwrap();

    let (run, report) = check_json(dir, &[]);
    run.assert_code(1);
    let found = findings(&report);
    let file = format!("{POP}/improvements.toml");
    let line = |needle: &str| Some(line_of(&register, needle));
    assert!(
        has_at(&found, "CV035", &file, line("\"treatment-choise\"")),
        "{found:?}"
    );
    assert!(
        has_at(&found, "CV035", &file, line("\"nobody\"")),
        "{found:?}"
    );
    assert!(
        has_at(&found, "CV035", &file, line("step = \"first-symptom\"")),
        "{found:?}"
    );
    let typo = with_code(&found, "CV035")
        .into_iter()
        .find(|f| f.message.contains("treatment-choise"))
        .unwrap();
    assert!(
        typo.help
            .as_deref()
            .unwrap_or("")
            .contains("treatment-choice")
    );
    // A status back in time, one in the future, and values out of order.
    let dates = with_code(&found, "CV036");
    assert!(dates.iter().any(|f| f.message.contains("out of order") && f.file.as_deref() == Some(file.as_str())), "{dates:?}");
    assert!(
        dates.iter().any(|f| f.message.contains("2027-10-05")),
        "{dates:?}"
    );
    assert!(
        dates
            .iter()
            .any(|f| f.message.contains("involved-in-decisions")),
        "{dates:?}"
    );
    // The opportunities at first-symptoms (declined under a misspelt name)
    // and treatment-choice (taken up under a misspelt name) are open again.
    let open = with_code(&found, "CV037");
    assert_eq!(open.len(), 2, "{open:?}");
    assert!(open.iter().any(|f| f.message.contains("`first-symptoms`")));
    assert!(
        open.iter()
            .any(|f| f.message.contains("`treatment-choice`"))
    );
    assert!(open.iter().all(|f| f.severity == "info"));

    // Months later, the measures with values are due a new one (progress).
    let late = common::covalue(dir)
        .env("COVALUE_TODAY", "2027-03-01")
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&late.stdout).unwrap();
    let due: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "CV038")
        .collect();
    assert_eq!(due.len(), 3, "{due:?}");
    assert!(due.iter().all(|f| f["kind"] == "progress"));
}

#[test]
fn new_improvement_adds_to_the_register_and_never_loses_what_is_there() {
    let tmp = example("harbour-heart-failure");
    let dir = tmp.path();
    let register = dir.join("populations/heart-failure/improvements.toml");
    let before = fs::read_to_string(&register).unwrap();
    run(
        dir,
        &[
            "new",
            "improvement",
            "heart-failure",
            "home-visit",
            "--title",
            "A home visit \"soon\" after discharge",
            "--step",
            "home-health",
            "--cluster",
            "edges-redesign",
        ],
    )
    .assert_code(0);
    let after = fs::read_to_string(&register).unwrap();
    assert!(
        after.starts_with(before.trim_end()),
        "the register's text changed"
    );
    assert!(after.contains("id = \"home-visit\""));
    let (_, report) = check_json(dir, &[]);
    let found = findings(&report);
    assert!(
        found
            .iter()
            .all(|f| f.file.as_deref() != Some("populations/heart-failure/improvements.toml")),
        "{found:?}"
    );
    // The same id twice, a step the map lacks, a cluster the guide lacks: exit 2, nothing written.
    for args in [
        vec!["home-visit", "--title", "x"],
        vec!["other", "--title", "x", "--step", "home-helth"],
        vec!["other", "--title", "x", "--cluster", "marketing"],
    ] {
        let mut all = vec!["new", "improvement", "heart-failure"];
        all.extend(args);
        let out = run(dir, &all);
        out.assert_code(2);
        assert_eq!(fs::read_to_string(&register).unwrap(), after);
    }
    // A population with no register yet gets one.
    fs::remove_file(&register).unwrap();
    run(
        dir,
        &[
            "new",
            "improvement",
            "heart-failure",
            "first",
            "--title",
            "First",
        ],
    )
    .assert_code(0);
    let fresh = fs::read_to_string(&register).unwrap();
    assert!(fresh.starts_with("#:schema ../../schemas/improvements.schema.json"));
}

#[test]
fn diff_reports_status_changes_and_new_values() {
    let tmp = example("lakeside-ms");
    let dir = tmp.path();
    let home = tmp.path().join(".home");
    fs::create_dir_all(&home).unwrap();
    git(&home, dir, &["init", "-q"]);
    git(&home, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&home, dir, &["commit", "-q", "-m", "v1"]);
    let compass = dir.join(POP).join("value-compass.toml");
    let text = fs::read_to_string(&compass).unwrap().replace(
        "date = 2026-10-31\nvalue = 67\n",
        "date = 2026-10-31\nvalue = 67\n\n[[measure.value]]\ndate = 2026-11-20\nvalue = 70\n",
    );
    fs::write(&compass, text).unwrap();
    let register = dir.join(POP).join("improvements.toml");
    let text = fs::read_to_string(&register).unwrap().replace(
        "state = \"testing\"\ndate = 2026-03-01\n",
        "state = \"testing\"\ndate = 2026-03-01\n\n[[improvement.status]]\nstate = \"adopted\"\ndate = 2026-11-20\n",
    );
    fs::write(&register, text).unwrap();
    let out = run(dir, &["diff"]);
    out.assert_code(1);
    assert!(
        out.stdout
            .contains("(decision-aid): status testing → adopted"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("13 values (1 new), latest 70 % on 2026-11-20 (target 75 %)"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_register_handout_and_the_full_form_show_the_register_and_run_charts_safely() {
    let tmp = example("lakeside-ms");
    let dir = tmp.path();
    let register = dir.join(POP).join("improvements.toml");
    let text = fs::read_to_string(&register).unwrap().replace(
        "title = \"A written decision aid for choosing a therapy, sent home before the visit\"",
        "title = \"<script>alert(1)</script> decision aid\"",
    );
    fs::write(&register, text).unwrap();
    run(
        dir,
        &["render", "--form", "register", "-o", "out/register.html"],
    )
    .assert_code(0);
    let html = fs::read_to_string(dir.join("out/register.html")).unwrap();
    assert!(
        !html.to_lowercase().contains("<script"),
        "a title ran as a script"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)"),
        "the title is shown as text"
    );
    for text in [
        "Register of improvements",
        "Education of professionals and the public",
        "Healthcare system redesign",
        "{#relapse-plan}",
        "Opportunities not taken up",
        // Counts and names are isolated from the words around them (<bdi>).
        "<bdi dir=\"ltr\">1</bdi> <bdi>adopted</bdi>",
    ] {
        assert!(html.contains(text), "the register lacks {text:?}");
    }
    run(
        dir,
        &[
            "render",
            "--form",
            "register",
            "--format",
            "md",
            "-o",
            "out/register.md",
        ],
    )
    .assert_code(0);
    let md = fs::read_to_string(dir.join("out/register.md")).unwrap();
    assert!(md.contains("| Improvement | Status | Steps | Owner | Measures, latest value |"));
    assert!(md.contains("67 % on 2026-10-31 (target 75 %)"), "{md}");
    // --blank has no register.
    run(dir, &["render", "--form", "register", "--blank"]).assert_code(2);
    // The full form: the register section, and one run chart per measure with values.
    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_code(0);
    let full = fs::read_to_string(dir.join("out/full.html")).unwrap();
    assert_eq!(full.matches("class=\"picture run-chart\"").count(), 3);
    assert!(full.contains("Register of improvements"));
    assert!(
        full.contains("median 61.5 %"),
        "the median of the decisions measure"
    );
}

#[test]
fn a_run_chart_is_drawn_the_same_way_each_time() {
    // The half-done example's readmission measure: four monthly values and a target.
    let root = common::manifest_dir().join("examples/harbour-heart-failure");
    let loader = covalue::workbook::Loader::disk(&root);
    let guide = covalue::guide::Guide::builtin().expect("the built-in guide");
    let population = loader.population("heart-failure", &guide);
    let measure = population
        .compass
        .iter()
        .flat_map(|c| &c.measures)
        .find(|m| m.id == "readmission-30-day")
        .expect("the measure");
    let svg = covalue::render::chart::run_chart("c", measure, covalue::render::svg::Scale::NORMAL)
        .expect("a chart");
    insta::assert_snapshot!("run_chart_readmissions", svg.replace("><", ">\n<"));
}

#[test]
fn a_register_that_cannot_be_read_is_one_error_not_every_opportunity() {
    let tmp = example("lakeside-ms");
    let dir = tmp.path();
    let register = dir.join(POP).join("improvements.toml");
    let text =
        fs::read_to_string(&register)
            .unwrap()
            .replacen("date = 2026-01-20", "date = 2026-01-2", 1);
    fs::write(&register, text).unwrap();
    let (run, report) = check_json(dir, &[]);
    run.assert_code(1);
    let found = findings(&report);
    let file = format!("{POP}/improvements.toml");
    assert!(
        has_at(
            &found,
            "CV002",
            &file,
            Some(line_of(&register, "2026-01-2"))
        ),
        "{found:?}"
    );
    assert!(with_code(&found, "CV037").is_empty(), "{found:?}");
}

/// A process map or compass that cannot be read is its own error; the
/// register's names of steps and measures are not each reported as missing.
#[test]
fn a_broken_process_map_or_compass_is_one_error_not_every_name_in_the_register() {
    for file in ["process-map.toml", "value-compass.toml"] {
        let tmp = example("lakeside-ms");
        let path = tmp.path().join(POP).join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\nbroken = 3 3\n")).unwrap();
        let (run, report) = check_json(tmp.path(), &[]);
        run.assert_code(1);
        let found = findings(&report);
        let rel = format!("{POP}/{file}");
        let line = Some(line_of(&path, "broken = 3 3"));
        assert!(has_at(&found, "CV002", &rel, line), "{file}: {found:?}");
        assert!(with_code(&found, "CV035").is_empty(), "{file}: {found:?}");
    }
}
