//! `covalue check` as a team meets it in a session: problems first and in
//! full, progress as one line per step, open questions that do not fail the
//! run (unless `--fail-on open`), findings in the guide's order, and counts
//! that settle a question only when the team wrote something that stands.

mod common;

use std::path::Path;

use common::*;

const HF: &str = "populations/heart-failure";

/// A workbook as a new team makes it: `init`, `new population`, `new persona`.
fn fresh() -> tempfile::TempDir {
    let wb = empty_dir();
    run(wb.path(), &["init"]).assert_code(0);
    run(
        wb.path(),
        &[
            "new",
            "population",
            "heart",
            "--name",
            "Living with heart failure",
        ],
    )
    .assert_code(0);
    run(
        wb.path(),
        &[
            "new", "persona", "heart", "anna", "--name", "Anna", "--kind", "patient",
        ],
    )
    .assert_code(0);
    wb
}

fn open_question(report: &serde_json::Value, id: &str) -> bool {
    findings(report)
        .iter()
        .any(|f| f.code == "CV010" && f.message.contains(&format!("`{id}`")))
}

#[test]
fn a_fresh_workbook_passes_and_says_where_to_start_in_a_screenful() {
    let wb = fresh();
    let run = run(wb.path(), &["check"]);
    run.assert_code(0);
    let lines = run.stdout.lines().count();
    assert!(lines <= 25, "{lines} lines:\n{}", run.stdout);
    assert!(!run.stdout.contains("error"), "{}", run.stdout);
    let first_step = run
        .stdout
        .lines()
        .position(|l| l.starts_with("  Step 1 · Preparation: 4 of 4 open: preparation-"));
    assert!(first_step.is_some(), "{}", run.stdout);
    assert!(
        run.stdout.lines().last().is_some_and(|l| l
            .starts_with("check: no problems found; 36 questions open")
            && l.contains("covalue check --verbose")),
        "{}",
        run.stdout
    );
}

#[test]
fn open_lists_every_open_question_with_its_line() {
    let wb = fresh();
    let run = run(wb.path(), &["check", "--open"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("open[CV010]: question `preparation-team` is not answered yet"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(" --> populations/heart/answers/preparation.md:"),
        "{}",
        run.stdout
    );
    let short = common::run(wb.path(), &["check", "-v"]);
    assert_eq!(short.stdout, run.stdout);
}

#[test]
fn fail_on_open_fails_on_any_open_question() {
    let wb = fresh();
    run(wb.path(), &["check", "--fail-on", "open"]).assert_code(1);
    run(
        wb.path(),
        &["check", "--fail-on", "open", "--form", "short"],
    )
    .assert_code(1);
    run(wb.path(), &["check", "--form", "short"]).assert_code(0);
    let complete = example(COMPLETE);
    run(complete.path(), &["check", "--fail-on", "open"]).assert_code(0);
}

#[test]
fn the_half_done_example_prints_its_problems_before_any_progress() {
    let wb = example(HALF_DONE);
    let run = run(wb.path(), &["check"]);
    run.assert_code(1);
    let out = &run.stdout;
    let first_progress = out
        .find("  Step 1 · Preparation:")
        .unwrap_or_else(|| panic!("no progress line:\n{out}"));
    for problem in ["warning[CV012]", "error[CV016]", "error[CV026]"] {
        let at = out
            .find(problem)
            .unwrap_or_else(|| panic!("no {problem}:\n{out}"));
        assert!(at < first_progress, "{problem} after progress:\n{out}");
    }
    assert!(!out.contains("error[CV010]"), "{out}");
    assert!(
        out.contains("  Step 3 · Value chain: 2 of 4 open: chain-coproduction, chain-measures"),
        "{out}"
    );
}

#[test]
fn findings_come_in_the_guides_order() {
    let wb = example(HALF_DONE);
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let index = |code: &str, file: &str| {
        found
            .iter()
            .position(|f| f.code == code && f.file.as_deref() == Some(&format!("{HF}/{file}")))
            .unwrap_or_else(|| panic!("no {code} in {file}: {found:#?}"))
    };
    // Step 1's answers before Step 3's, though `chain.md` sorts before
    // `preparation.md`; Step 6 (access) before Step 9 (assessment).
    assert!(index("CV011", "answers/preparation.md") < index("CV023", "answers/chain.md"));
    assert!(index("CV010", "answers/access.md") < index("CV010", "answers/assessment.md"));
    // The process map (Step 2) before Step 3's answers.
    assert!(index("CV012", "process-map.toml") < index("CV023", "answers/chain.md"));
}

#[test]
fn a_persona_holding_only_its_placeholder_does_not_settle_the_people_question() {
    let wb = fresh();
    let (_run, report) = check_json(wb.path(), &[]);
    assert!(open_question(&report, "population-people"), "{report:#}");
    let persona = wb.path().join("populations/heart/personas/anna.md");
    let text = read(&persona);
    write(
        &persona,
        format!("{text}\nAnna is 74 and lives alone; her daughter visits on Sundays.\n"),
    );
    let (_run, report) = check_json(wb.path(), &[]);
    assert!(!open_question(&report, "population-people"), "{report:#}");
}

/// The complete example with its process map cut to its first `steps` steps.
fn complete_with_steps(steps: usize) -> tempfile::TempDir {
    let wb = example(COMPLETE);
    let path = wb.path().join("populations/ms/process-map.toml");
    let text = read(&path);
    let cut = text
        .match_indices("[[step]]")
        .nth(steps)
        .map_or(text.len(), |(i, _)| i);
    write(&path, &text[..cut]);
    // The register names steps that are cut: it is not what this is about.
    std::fs::remove_file(wb.path().join("populations/ms/improvements.toml")).ok();
    wb
}

#[test]
fn a_nine_step_map_is_answered_with_a_warning_that_quotes_the_guidance() {
    let wb = complete_with_steps(9);
    let (run, report) = check_json(wb.path(), &[]);
    // "Use 10–15 steps" is guidance: a warning, not a failed check.
    run.assert_code(0);
    let found = findings(&report);
    assert!(has_at(
        &found,
        "CV012",
        "populations/ms/process-map.toml",
        Some(line_of(
            &wb.path().join("populations/ms/process-map.toml"),
            "id = "
        ))
    ));
    let steps = with_code(&found, "CV012");
    assert_eq!(steps[0].severity, "warning");
    assert!(
        steps[0].message.contains(
            "has 9 steps; the published guide says \"Use 10–15 steps to describe the process\""
        ),
        "{}",
        steps[0].message
    );
    let s = &report["summary"][0];
    assert_eq!(s["with_problems"], 0, "{s:#}");
    assert_eq!(s["open"], 0, "{s:#}");
    let human = run_human(wb.path());
    assert!(
        human.contains("warning[CV012]") && !human.contains("answered, with problems"),
        "{human}"
    );
    // It counts the same as ten steps do; --fail-on warning still fails it.
    let (run, ten) = check_json(complete_with_steps(10).path(), &[]);
    run.assert_code(0);
    assert_eq!(ten["summary"][0]["answered"], s["answered"]);
    assert!(with_code(&findings(&ten), "CV012").is_empty());
    common::run(wb.path(), &["check", "--fail-on", "warning"]).assert_code(1);
}

fn run_human(dir: &Path) -> String {
    run(dir, &["check"]).stdout.clone()
}
