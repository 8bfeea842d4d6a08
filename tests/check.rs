//! `covalue check` on the example workbooks and on variants of them: what a
//! facilitator sees, where it points, the JSON and GitHub formats, the
//! options, the privacy check, and that it never writes anything.

mod common;

use std::path::Path;

use common::*;

const HF: &str = "populations/heart-failure";

/// Rewrites every text file of a workbook.
fn rewrite_text_files(root: &Path, change: &dyn Fn(&str) -> String) {
    for (rel, _) in tree(root) {
        let path = root.join(&rel);
        if path.is_file() && rel.extension().is_some_and(|e| e == "md" || e == "toml") {
            let text = read(&path);
            write(&path, change(&text));
        }
    }
}

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

fn bom(text: &str) -> String {
    format!("\u{feff}{text}")
}

// --- the examples -----------------------------------------------------------

#[test]
fn the_complete_example_passes() {
    let wb = example(COMPLETE);
    let run = run(wb.path(), &["check"]);
    run.assert_code(0);
    assert!(
        run.stdout.ends_with("check: no problems found\n"),
        "{}",
        run.stdout
    );
    // One question is deferred (network-measures), so 35 of 36 are settled;
    // a deferral is progress, not a problem.
    assert!(
        run.stdout
            .contains("(ms): 35 of 36 questions settled, full form")
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn the_complete_example_with_crlf_line_endings_still_passes() {
    let wb = example(COMPLETE);
    rewrite_text_files(wb.path(), &crlf);
    let persona = read(&wb.path().join("populations/ms/personas/asa.md"));
    assert!(persona.starts_with("---\r\n"), "the file was not converted");
    let run = run(wb.path(), &["check"]);
    run.assert_code(0);
    assert!(
        run.stdout.ends_with("check: no problems found\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_complete_example_with_a_byte_order_mark_on_every_file_still_passes() {
    let wb = example(COMPLETE);
    rewrite_text_files(wb.path(), &bom);
    let run = run(wb.path(), &["check"]);
    run.assert_code(0);
    assert!(
        run.stdout.ends_with("check: no problems found\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_complete_example_with_a_byte_order_mark_and_crlf_still_passes() {
    let wb = example(COMPLETE);
    rewrite_text_files(wb.path(), &|t| bom(&crlf(t)));
    run(wb.path(), &["check"]).assert_code(0);
}

#[test]
fn the_half_done_example_fails_with_what_a_facilitator_expects() {
    let wb = example(HALF_DONE);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let pop = wb.path().join(HF);
    let at = |code: &str, file: &str, needle: Option<&str>| -> Found {
        let rel = format!("{HF}/{file}");
        let line = needle.map(|n| line_of(&pop.join(file), n));
        found
            .iter()
            .find(|f| f.code == code && f.file.as_deref() == Some(&rel) && f.line == line)
            .unwrap_or_else(|| panic!("no {code} at {rel}:{line:?} in {found:#?}"))
            .clone()
    };

    let steps = at(
        "CV012",
        "process-map.toml",
        Some("id = \"symptoms-and-diagnosis\""),
    );
    // The step count is the published guidance: a warning that quotes it.
    assert_eq!(steps.severity, "warning");
    assert!(steps.message.contains("has 8 steps"), "{}", steps.message);
    assert!(
        steps
            .message
            .contains("\"Use 10–15 steps to describe the process\""),
        "{}",
        steps.message
    );

    let marcus = at("CV016", "process-map.toml", Some("personas = [\"marcus\"]"));
    assert!(marcus.message.contains("`marcus`"), "{}", marcus.message);
    assert_eq!(marcus.help.as_deref(), Some("did you mean `markus`?"));
    assert_eq!(marcus.column, Some(13));

    let definition = at(
        "CV026",
        "value-compass.toml",
        Some("id = \"readmission-30-day\""),
    );
    assert_eq!(definition.severity, "error");
    assert!(definition.message.contains("readmission-30-day"));

    let overdue = at(
        "CV011",
        "answers/preparation.md",
        Some("{#preparation-coproduction}"),
    );
    assert_eq!(overdue.severity, "warning");
    assert!(
        overdue.message.contains("2026-10-01"),
        "{}",
        overdue.message
    );

    let composite = at("CV006", "personas/dolores.md", Some("---"));
    assert!(
        composite.message.contains("`composite`"),
        "{}",
        composite.message
    );

    let walk = at("CV023", "answers/chain.md", Some("{#chain-walkthrough}"));
    assert_eq!(walk.severity, "warning");
    assert!(walk.message.contains("dolores missing"), "{}", walk.message);

    let open = at("CV010", "answers/chain.md", Some("{#chain-coproduction}"));
    assert!(
        open.message.contains("`chain-coproduction`"),
        "{}",
        open.message
    );
    let not_started = at("CV010", "answers/access.md", None);
    assert!(
        not_started.message.contains("not started"),
        "{}",
        not_started.message
    );

    // Things a facilitator would not agree with are absent.
    for code in ["CV001", "CV002", "CV003", "CV004", "CV005", "CV030"] {
        assert!(
            with_code(&found, code).is_empty(),
            "unexpected {code}: {found:#?}"
        );
    }
    // Every finding is a problem or progress: open questions, walk-throughs
    // and deferrals are progress.
    for f in report["findings"].as_array().expect("findings") {
        let code = f["code"].as_str().unwrap_or("");
        let progress = ["CV010", "CV011", "CV020", "CV021", "CV023", "CV029"].contains(&code);
        assert_eq!(
            f["kind"],
            if progress { "progress" } else { "problem" },
            "{f:#}"
        );
    }
}

#[test]
fn the_half_done_example_as_a_facilitator_sees_it() {
    let wb = example(HALF_DONE);
    let run = run(wb.path(), &["check"]);
    run.assert_code(1);
    insta::assert_snapshot!("half_done_human", run.stdout);
}

#[test]
fn the_deferral_is_not_overdue_before_its_date() {
    let wb = example(HALF_DONE);
    let out = covalue(wb.path())
        .env("COVALUE_TODAY", "2026-09-30")
        .args(["check", "--format", "json"])
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(with_code(&findings(&report), "CV011").is_empty());
}

// --- formats ----------------------------------------------------------------

#[test]
fn json_is_one_document_with_findings_and_summary() {
    let wb = example(HALF_DONE);
    let (_run, report) = check_json(wb.path(), &[]);
    assert_eq!(report["form"], "full");
    let list = report["findings"].as_array().expect("findings");
    assert!(!list.is_empty());
    for f in list {
        for key in [
            "code", "severity", "message", "file", "line", "column", "help",
        ] {
            assert!(f.get(key).is_some(), "a finding has no `{key}`: {f:#}");
        }
        assert!(
            ["error", "warning", "info"].contains(&f["severity"].as_str().unwrap_or("")),
            "{f:#}"
        );
        assert!(f["code"].as_str().is_some_and(|c| c.starts_with("CV")));
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let summary = report["summary"].as_array().expect("summary");
    assert_eq!(summary.len(), 1);
    let s = &summary[0];
    assert_eq!(s["slug"], "heart-failure");
    let n = |v: &serde_json::Value, k: &str| {
        v[k].as_u64()
            .unwrap_or_else(|| panic!("`{k}` is not a count: {v:#}"))
    };
    assert_eq!(
        n(s, "answered")
            + n(s, "with_problems")
            + n(s, "not_applicable")
            + n(s, "deferred")
            + n(s, "open"),
        n(s, "total")
    );
    // The 8-step process map answers its question (with a warning).
    assert_eq!(n(s, "with_problems"), 0);
    let steps = s["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 9);
    for key in [
        "answered",
        "with_problems",
        "not_applicable",
        "deferred",
        "open",
        "total",
    ] {
        let sum: u64 = steps.iter().map(|st| n(st, key)).sum();
        assert_eq!(sum, n(s, key), "steps do not add up to the total for {key}");
    }
    assert!(n(s, "open") > 0 && n(s, "deferred") > 0);

    // The same counts as the human tally: problems by severity, then the
    // questions open.
    let human = run(wb.path(), &["check"]);
    let count = |sev: &str| {
        list.iter()
            .filter(|f| f["severity"] == sev && f["kind"] == "problem")
            .count()
    };
    let notes = match count("info") {
        0 => String::new(),
        1 => ", 1 note".to_string(),
        k => format!(", {k} notes"),
    };
    let tally = format!(
        "check: {} errors, {} warnings{notes}; {} questions open",
        count("error"),
        count("warning"),
        n(s, "open")
    );
    assert!(
        human.stdout.contains(&format!("{tally} (")),
        "{}\n{tally}",
        human.stdout
    );
}

#[test]
fn json_of_the_short_form() {
    let wb = example(HALF_DONE);
    let (run, _report) = check_json(wb.path(), &["--form", "short"]);
    run.assert_code(1);
    // The document exactly as printed, keys in their printed order.
    insta::assert_snapshot!("half_done_short_json", run.stdout);
}

#[test]
fn github_format_prints_workflow_annotations() {
    let wb = example(HALF_DONE);
    let run = run(wb.path(), &["check", "--format", "github"]);
    run.assert_code(1);
    let line = line_of(
        &wb.path().join(HF).join("process-map.toml"),
        "symptoms-and-diagnosis",
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with(&format!(
            "::warning file={HF}/process-map.toml,line={line},"
        )) && l.contains("::the process map has 8 steps")),
        "{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=") && l.contains("CV024"))
    );
    // Progress is a notice, never an error: an open question, a walk-through
    // not written.
    for code in ["CV010", "CV023"] {
        assert!(
            lines
                .iter()
                .filter(|l| l.contains(&format!("title=covalue {code}::")))
                .all(|l| l.starts_with("::notice ")),
            "{}",
            run.stdout
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::notice file=") && l.contains("CV021"))
    );
    let (last, annotations) = lines.split_last().expect("output");
    assert!(last.starts_with("check: "), "{last}");
    for l in annotations {
        assert!(l.starts_with("::"), "not an annotation: {l}");
        assert!(!l.contains('\n'));
    }
}

#[test]
fn no_color_means_no_escape_codes() {
    let wb = example(HALF_DONE);
    let forced = covalue(wb.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .arg("check")
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'),
        "forced colour shows no escape codes, so this test could not fail"
    );
    for format in ["human", "json", "github"] {
        let out = covalue(wb.path())
            .env("NO_COLOR", "1")
            .env("CLICOLOR_FORCE", "1")
            .args(["check", "--format", format])
            .output()
            .expect("run");
        assert!(
            !out.stdout.contains(&0x1b),
            "{format}: escape codes on stdout"
        );
        assert!(
            !out.stderr.contains(&0x1b),
            "{format}: escape codes on stderr"
        );
    }
}

#[test]
fn paths_are_shown_from_where_covalue_was_started() {
    let wb = example(HALF_DONE);
    let (parent, name) = parent_and_name(wb.path());
    let run = run(parent, &["-C", &name, "check"]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains(&format!("--> {name}/{HF}/process-map.toml:34:13")),
        "{}",
        run.stdout
    );
}

#[test]
fn check_finds_the_workbook_from_a_folder_inside_it() {
    let wb = example(HALF_DONE);
    let (run, report) = check_json(&wb.path().join(HF).join("answers"), &[]);
    run.assert_code(1);
    assert_eq!(report["summary"][0]["slug"], "heart-failure");
}

#[test]
fn quiet_leaves_out_the_summary() {
    let wb = example(HALF_DONE);
    let run = run(wb.path(), &["-q", "check"]);
    run.assert_code(1);
    assert!(run.stdout.contains("error[CV016]"));
    assert!(!run.stdout.contains("questions settled"), "{}", run.stdout);
}

// --- options ----------------------------------------------------------------

#[test]
fn form_short_checks_only_the_six_short_form_questions() {
    let wb = example(HALF_DONE);
    let (run, report) = check_json(wb.path(), &["--form", "short"]);
    run.assert_code(1);
    assert_eq!(report["form"], "short");
    let s = &report["summary"][0];
    assert_eq!(s["total"], 6);
    assert_eq!(s["answered"], 2);
    assert_eq!(s["steps"].as_array().map(Vec::len), Some(1));
    assert_eq!(s["steps"][0]["id"], "short-form");
    let found = findings(&report);
    let open: Vec<&Found> = with_code(&found, "CV010");
    assert_eq!(open.len(), 4, "{found:#?}");
    assert!(
        open.iter()
            .all(|f| f.file.as_deref() == Some(&format!("{HF}/answers/short-form.md")[..]))
    );
    for full_form_only in ["CV012", "CV016", "CV023", "CV026"] {
        assert!(
            with_code(&found, full_form_only).is_empty(),
            "{full_form_only}"
        );
    }
}

#[test]
fn the_form_defaults_to_the_workbooks_form() {
    let wb = example(HALF_DONE);
    let config = wb.path().join("covalue.toml");
    write(
        &config,
        read(&config).replace("form = \"full\"", "form = \"short\""),
    );
    let (_run, report) = check_json(wb.path(), &[]);
    assert_eq!(report["form"], "short");
    let (_run, report) = check_json(wb.path(), &["--form", "full"]);
    assert_eq!(report["form"], "full");
    assert_eq!(report["summary"][0]["total"], 36);
}

/// The complete example with the half-done population added to it.
fn two_populations() -> tempfile::TempDir {
    let wb = example(COMPLETE);
    copy_dir(
        &manifest_dir().join("examples").join(HALF_DONE).join(HF),
        &wb.path().join(HF),
    );
    wb
}

#[test]
fn population_checks_only_the_populations_named() {
    let wb = two_populations();
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    assert_eq!(report["summary"].as_array().map(Vec::len), Some(2));

    let (run, report) = check_json(wb.path(), &["--population", "ms"]);
    run.assert_code(0);
    let summary = report["summary"].as_array().expect("summary");
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0]["slug"], "ms");
    assert!(findings(&report).is_empty(), "{report:#}");

    let (run, report) = check_json(wb.path(), &["-p", "heart-failure"]);
    run.assert_code(1);
    assert_eq!(report["summary"][0]["slug"], "heart-failure");
    assert!(
        findings(&report)
            .iter()
            .all(|f| f.file.as_deref().is_some_and(|p| p.starts_with(HF)))
    );

    let (_run, report) = check_json(wb.path(), &["-p", "ms", "-p", "heart-failure"]);
    assert_eq!(report["summary"].as_array().map(Vec::len), Some(2));
}

#[test]
fn an_unknown_population_is_reported_with_the_ones_there_are() {
    let wb = two_populations();
    for format in ["human", "json"] {
        let run = run(
            wb.path(),
            &["check", "--population", "heart", "--format", format],
        );
        run.assert_code(2);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert!(
            run.stderr.contains("there is no population `heart`"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("the populations are: heart-failure, ms"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn fail_on_warning_fails_on_warnings() {
    let wb = example(COMPLETE);
    write(&wb.path().join("populations/ms/notes.txt"), "our notes\n");
    let run_default = run(wb.path(), &["check"]);
    run_default.assert_code(0);
    assert!(
        run_default.stdout.contains("warning[CV008]"),
        "{}",
        run_default.stdout
    );
    assert!(run_default.stdout.ends_with("check: 1 warning\n"));
    run(wb.path(), &["check", "--fail-on", "warning"]).assert_code(1);
    run(wb.path(), &["check", "--fail-on", "error"]).assert_code(0);
}

#[test]
fn fail_on_warning_passes_a_clean_workbook() {
    let wb = example(COMPLETE);
    run(wb.path(), &["check", "--fail-on", "warning"]).assert_code(0);
}

#[test]
fn bad_option_values_are_usage_errors() {
    let wb = example(COMPLETE);
    for args in [
        vec!["check", "--form", "medium"],
        vec!["check", "--format", "xml"],
        vec!["check", "--fail-on", "info"],
    ] {
        let run = run(wb.path(), &args);
        run.assert_code(2);
        assert!(run.stdout.is_empty());
    }
}

// --- writes nothing ----------------------------------------------------------

#[test]
fn check_writes_nothing() {
    for name in [COMPLETE, HALF_DONE] {
        let wb = example(name);
        let before = tree(wb.path());
        for args in [
            vec!["check"],
            vec!["check", "--format", "json"],
            vec!["check", "--format", "github"],
            vec!["check", "--form", "short", "--fail-on", "warning"],
            vec!["-q", "check", "-p", "nope"],
        ] {
            run(wb.path(), &args).assert_no_panic(name);
        }
        assert_eq!(
            tree(wb.path()),
            before,
            "{name}: check changed the workbook"
        );
    }
}

// --- privacy ----------------------------------------------------------------

const IDENTIFIERS: [(&str, &str); 5] = [
    (
        "Write to anna.berg@example.se after the session.",
        "an email address",
    ),
    ("Her mobile is 070-123 45 67.", "a phone number"),
    (
        "Journal note for pnr 811218-9876.",
        "a Swedish personnummer",
    ),
    ("Referral with NHS number 943 476 5919.", "a UK NHS number"),
    ("Åsa was born 1987-03-14 in Jönköping.", "a date of birth"),
];

/// The complete example with an identifier on each of five lines at the end
/// of the preparation answers; returns the file and the first line used.
fn workbook_with_identifiers() -> (tempfile::TempDir, u64) {
    let wb = example(COMPLETE);
    let file = wb.path().join("populations/ms/answers/preparation.md");
    let mut text = read(&file);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let first = text.lines().count() as u64 + 2;
    text.push('\n');
    for (line, _) in IDENTIFIERS {
        text.push_str(line);
        text.push('\n');
    }
    write(&file, text);
    (wb, first)
}

#[test]
fn privacy_finds_identifiers_at_their_lines() {
    let (wb, first) = workbook_with_identifiers();
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let privacy = with_code(&found, "CV030");
    assert_eq!(privacy.len(), IDENTIFIERS.len(), "{found:#?}");
    for (i, (_, label)) in IDENTIFIERS.iter().enumerate() {
        let line = first + i as u64;
        let f = privacy
            .iter()
            .find(|f| f.line == Some(line))
            .unwrap_or_else(|| panic!("no CV030 on line {line}: {privacy:#?}"));
        assert_eq!(
            f.file.as_deref(),
            Some("populations/ms/answers/preparation.md")
        );
        assert_eq!(f.severity, "error");
        assert!(
            f.message.contains(label),
            "{} does not say {label}",
            f.message
        );
    }
    let strong: Vec<&&Found> = privacy
        .iter()
        .filter(|f| f.message.contains("(its check digit is valid)"))
        .collect();
    assert_eq!(strong.len(), 2, "personnummer and NHS number: {privacy:#?}");
}

#[test]
fn an_allow_entry_silences_one_identifier() {
    let (wb, first) = workbook_with_identifiers();
    let config = wb.path().join("covalue.toml");
    let mut text = read(&config);
    text.push_str(
        "\n[[privacy.allow]]\nvalue = \"070-123 45 67\"\nreason = \"The MS nurses' shared mobile, printed on every leaflet\"\n",
    );
    write(&config, text);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let privacy = with_code(&found, "CV030");
    assert_eq!(privacy.len(), IDENTIFIERS.len() - 1, "{privacy:#?}");
    assert!(privacy.iter().all(|f| f.line != Some(first + 1)));
    assert!(privacy.iter().all(|f| !f.message.contains("phone")));
}

// --- explain ------------------------------------------------------------------

#[test]
fn explain_prints_the_section_of_a_code() {
    let tmp = empty_dir();
    let run = run(tmp.path(), &["explain", "CV012"]);
    run.assert_code(0);
    assert!(
        run.stdout.starts_with(
            "CV012: the process map has fewer or more steps than the guide suggests\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Use 10–15 steps to describe the process")
    );
    assert!(run.stdout.contains("Fix: with too few"));
    assert!(!run.stdout.contains("CV013"), "the next section leaked in");
    let lower = common::run(tmp.path(), &["explain", "cv012"]);
    assert_eq!(lower.stdout, run.stdout);
}

#[test]
fn explain_knows_every_documented_code() {
    let tmp = empty_dir();
    let unknown = run(tmp.path(), &["explain", "CV999"]);
    unknown.assert_code(2);
    assert!(
        unknown
            .stderr
            .contains("there is no finding code \"CV999\"")
    );
    let list = unknown
        .stderr
        .split("the codes are ")
        .nth(1)
        .expect("the message lists the codes");
    let codes: Vec<&str> = list.split(", ").map(str::trim).collect();
    assert!(codes.len() >= 29, "{codes:?}");
    for code in codes {
        let run = run(tmp.path(), &["explain", code]);
        run.assert_code(0);
        assert!(
            run.stdout.starts_with(&format!("{code}: ")),
            "{code}: {}",
            run.stdout
        );
    }
}

#[test]
fn every_code_check_reports_is_explained() {
    let wb = example(HALF_DONE);
    let (_run, report) = check_json(wb.path(), &[]);
    let tmp = empty_dir();
    for f in findings(&report) {
        run(tmp.path(), &["explain", &f.code]).assert_code(0);
    }
}

// --- missing pieces ------------------------------------------------------------

#[test]
fn a_missing_population_toml_is_a_missing_required_file() {
    let wb = example(COMPLETE);
    std::fs::remove_file(wb.path().join("populations/ms/population.toml")).expect("remove");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].code, "CV007",
        "docs/findings.md: CV007 is a missing required file"
    );
    assert_eq!(
        found[0].file.as_deref(),
        Some("populations/ms/population.toml")
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("covalue new population"))
    );
}

#[test]
fn every_json_field_is_documented_in_docs_check_md() {
    let docs = read(&manifest_dir().join("docs/check.md"));
    let wb = example(HALF_DONE);
    let (_run, report) = check_json(wb.path(), &[]);
    let mut fields = Vec::new();
    for key in report.as_object().expect("an object").keys() {
        fields.push(format!("`{key}`"));
    }
    for (list, item) in [
        ("findings", &report["findings"][0]),
        ("summary", &report["summary"][0]),
        ("summary[].steps", &report["summary"][0]["steps"][0]),
    ] {
        for key in item.as_object().expect("an object").keys() {
            fields.push(format!("`{list}[].{key}`"));
        }
    }
    let step_counts = "`summary[].steps[].answered`, `with_problems`, `not_applicable`, `deferred`, `open`, `total`";
    assert!(docs.contains(step_counts));
    for field in fields {
        let counted = [
            "answered",
            "with_problems",
            "not_applicable",
            "deferred",
            "open",
            "total",
        ]
        .iter()
        .any(|c| field == format!("`summary[].steps[].{c}`"));
        assert!(
            counted || docs.contains(&field),
            "{field} is not in docs/check.md"
        );
    }
}

/// The question a record answers says why it is open: the record cannot
/// be read, has nothing in it yet, or is not there.
#[test]
fn an_open_record_question_says_why_it_is_open() {
    let messages_of = |root: &Path, code: &str| -> Vec<String> {
        let (_run, report) = check_json(root, &[]);
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["code"] == code)
            .filter_map(|f| f["message"].as_str().map(str::to_string))
            .collect()
    };
    let messages = |root: &Path| messages_of(root, "CV010");
    let open = |messages: &[String], question: &str| -> String {
        messages
            .iter()
            .find(|m| m.contains(&format!("`{question}`")))
            .cloned()
            .unwrap_or_else(|| panic!("{question} is not open: {messages:#?}"))
    };
    let wb = example(COMPLETE);
    let ms = "populations/ms";
    let map = wb.path().join(ms).join("process-map.toml");
    let compass = wb.path().join(ms).join("value-compass.toml");
    std::fs::write(&map, "perspectives = [\"patient\"\n").unwrap();
    std::fs::write(&compass, "[[measure]\nid = 1\n").unwrap();
    let found = messages(wb.path());
    let process = open(&found, "population-process");
    assert!(
        process.ends_with(&format!("{ms}/process-map.toml cannot be read")),
        "{process}"
    );
    // The built-in guide makes the compass optional: a compass that cannot
    // be read is its own error, with no suggestion that there is none yet.
    let suggestions = messages_of(wb.path(), "CV029");
    assert!(suggestions.is_empty(), "{suggestions:#?}");
    std::fs::write(&compass, "").unwrap();
    let suggestions = messages_of(wb.path(), "CV029");
    assert!(
        suggestions
            .iter()
            .any(|m| m.contains("has no value compass yet")),
        "{suggestions:#?}"
    );

    std::fs::write(&map, "perspectives = [\"patient\"]\n").unwrap();
    let process = open(&messages(wb.path()), "population-process");
    assert!(
        process.ends_with("the process map has no step yet"),
        "{process}"
    );

    std::fs::remove_file(&map).unwrap();
    let process = open(&messages(wb.path()), "population-process");
    assert!(
        process.ends_with("there is no process map yet"),
        "{process}"
    );
}
