//! Dates where a date is required, and the workbook's editor schemas:
//! a date-time or a bare time is CV004 at its place, the JSON Schemas check
//! the calendar (`"format": "date"`), and `check` notes schemas that are
//! out of date (CV048).

mod common;

use common::*;
use serde_json::Value;

const COMPASS: &str = "populations/ms/value-compass.toml";

#[test]
fn a_date_time_or_a_bare_time_where_a_date_is_required_is_cv004_at_its_place() {
    for (written, said) in [
        ("2025-11-30T09:00:00", "a date and time"),
        ("2025-11-30 09:00:00Z", "a date and time"),
        ("09:00:00", "a time"),
    ] {
        let wb = example("lakeside-ms");
        let path = wb.path().join(COMPASS);
        let text = read(&path).replacen("date = 2025-11-30", &format!("date = {written}"), 1);
        write(&path, &text);
        let line = line_of(&path, &format!("date = {written}"));
        let (run, report) = check_json(wb.path(), &[]);
        run.assert_code(1);
        let found = findings(&report);
        let cv004: Vec<_> = with_code(&found, "CV004");
        assert_eq!(cv004.len(), 1, "{written}: {found:?}");
        let f = cv004[0];
        assert_eq!(f.file.as_deref(), Some(COMPASS));
        assert_eq!(f.line, Some(line));
        assert_eq!(f.column, Some(8), "{written}: at the value");
        assert!(
            f.message.contains("should be a date (YYYY-MM-DD)") && f.message.contains(said),
            "{written}: {}",
            f.message
        );
    }
}

/// The schema `covalue schema` writes for a record, as JSON.
fn schema(dir: &std::path::Path, name: &str) -> Value {
    let all = run(dir, &["schema"]).json();
    all[name].clone()
}

#[test]
fn the_schemas_check_dates_on_the_calendar() {
    let wb = example("lakeside-ms");
    let session = schema(wb.path(), "session.schema.json");
    assert_eq!(session["properties"]["date"]["format"], "date", "{session}");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&session)
        .expect("the schema compiles");
    let with_date = |date: &str| serde_json::json!({ "date": date, "title": "Session" });
    assert!(validator.is_valid(&with_date("2026-02-28")));
    // Matches the pattern, but is no day: an editor now says so, as check does.
    assert!(!validator.is_valid(&with_date("2026-02-30")));
    assert!(!validator.is_valid(&with_date("2026-13-01")));
}

#[test]
fn check_notes_schemas_that_differ_from_what_covalue_schema_writes() {
    let wb = example("lakeside-ms");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        with_code(&findings(&report), "CV048").is_empty(),
        "the example's schemas are current"
    );

    // The site changes its guide's allowed values; schemas/ stays as it was.
    let stale = wb.path().join("schemas/process-map.schema.json");
    let text = read(&stale).replacen("\"shared-planning\",", "", 1);
    assert_ne!(text, read(&stale), "the schema names shared-planning");
    write(&stale, &text);
    // Line endings an editor changed are no difference.
    let crlf = wb.path().join("schemas/persona.schema.json");
    write(&crlf, read(&crlf).replace('\n', "\r\n"));
    std::fs::remove_file(wb.path().join("schemas/session.schema.json")).expect("remove");

    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    let notes: Vec<_> = with_code(&found, "CV048");
    let files: Vec<_> = notes.iter().filter_map(|f| f.file.as_deref()).collect();
    assert_eq!(
        files,
        [
            "schemas/process-map.schema.json",
            "schemas/session.schema.json"
        ],
        "{notes:?}"
    );
    assert!(notes.iter().all(|f| {
        f.severity == "info"
            && f.help
                .as_deref()
                .is_some_and(|h| h.contains("covalue schema --output schemas"))
    }));
    // `--fail-on warning` does not fail on it; the fix it names clears it.
    run_ok(wb.path(), &["check", "--fail-on", "warning"]);
    run_ok(wb.path(), &["schema", "--output", "schemas"]);
    let (_, report) = check_json(wb.path(), &[]);
    assert!(with_code(&findings(&report), "CV048").is_empty());
}

#[test]
#[cfg(unix)]
fn a_schemas_folder_that_leads_outside_is_not_read() {
    let wb = example("lakeside-ms");
    let outside = empty_dir();
    copy_dir(&wb.path().join("schemas"), outside.path());
    // Stale, so that a note would show it had been read.
    write(&outside.path().join("session.schema.json"), "{}\n");
    std::fs::remove_dir_all(wb.path().join("schemas")).expect("remove");
    std::os::unix::fs::symlink(outside.path(), wb.path().join("schemas")).expect("link");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_no_panic("check");
    assert!(with_code(&findings(&report), "CV048").is_empty());
}

fn run_ok(dir: &std::path::Path, args: &[&str]) {
    run(dir, args).assert_code(0);
}
