//! What every command says besides its report, run as a user would: status
//! lines and warnings, silenced by `--quiet`; errors in rustc's shape
//! (`error: …` then `help: …`), never silenced; reports, never silenced.

mod common;

use common::*;

/// The config line that names a templates folder the workbook does not have.
const MISSING_TEMPLATES: &str = "templates = \"no-such-templates\"\n";

fn with_missing_templates(root: &std::path::Path) {
    let config = root.join("covalue.toml");
    write(&config, format!("{MISSING_TEMPLATES}{}", read(&config)));
}

#[test]
fn status_lines_and_warnings_are_printed_without_quiet() {
    let wb = example(COMPLETE);
    with_missing_templates(wb.path());
    let run = run(wb.path(), &["render", "--form", "short"]);
    run.assert_code(0);
    assert!(run.stdout.starts_with("wrote "), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("warning: covalue.toml names the templates folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn quiet_silences_status_lines_and_warnings_of_every_command() {
    let tmp = empty_dir();
    let commands: &[&[&str]] = &[
        &["-q", "init", "wb"],
        &["-q", "-C", "wb", "new", "population", "ms"],
        &["-q", "-C", "wb", "schema", "-o", "schemas-out"],
        &["-q", "-C", "wb", "man", "man-out"],
    ];
    for args in commands {
        let run = run(tmp.path(), args);
        run.assert_code(0);
        assert_eq!(run.stdout, "", "{args:?} printed with --quiet");
        assert_eq!(run.stderr, "", "{args:?} printed with --quiet");
    }
    let root = tmp.path().join("wb");
    with_missing_templates(&root);
    let run = run(&root, &["-q", "render", "--blank"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "", "render printed with --quiet");
    assert_eq!(run.stderr, "", "render warned with --quiet");
}

#[test]
fn quiet_keeps_errors_with_their_help_and_the_reports() {
    let tmp = empty_dir();
    let failed = run(tmp.path(), &["-q", "render", "--form", "short"]);
    failed.assert_code(2);
    assert!(
        failed.stderr.starts_with("error: no workbook here"),
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains("\n  help: "), "{}", failed.stderr);

    let guide = run(tmp.path(), &["-q", "guide", "--form", "short"]);
    guide.assert_code(0);
    assert!(guide.stdout.contains("version"), "{}", guide.stdout);
}

#[test]
fn an_error_with_a_cause_names_both_then_the_help() {
    let tmp = empty_dir();
    write(&tmp.path().join("taken"), "a file, not a folder");
    let run = run(tmp.path(), &["man", "taken/pages"]);
    run.assert_code(2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    // "error: cannot create …/taken/pages: Not a directory (os error 20)"
    assert!(
        lines[0].starts_with("error: cannot create "),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("taken/pages: "), "{}", lines[0]);
    assert_eq!(lines[1], "  help: check the path and your permissions");
}
