//! Findings as a user meets them: `covalue explain` shows a code's whole
//! section of docs/findings.md, and the snippet under a finding puts its
//! caret under the right character of lines with Hebrew points, CJK and
//! emoji. (That every registered code is documented, and nothing else, is a
//! unit test of `finding::docs`.)

mod common;

use common::*;

#[test]
fn explain_cv010_shows_its_section_up_to_the_fix() {
    let tmp = empty_dir();
    let run = run(tmp.path(), &["explain", "CV010"]);
    run.assert_code(0);
    assert!(
        run.stdout.starts_with("CV010: a question is open\n"),
        "{}",
        run.stdout
    );
    // The example holds a `## …` heading in a code block; the section goes on
    // past it to the fix and its examples.
    assert!(run.stdout.contains("Example:"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Fix: write the answer under the heading"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Until: 2027-01-31"), "{}", run.stdout);
    assert!(!run.stdout.contains("CV011"), "the next section leaked in");
}

#[test]
fn explain_suggests_the_code_meant() {
    let tmp = empty_dir();
    for typed in ["12", "cv12", "CV0122"] {
        let run = run(tmp.path(), &["explain", typed]);
        run.assert_code(2);
        assert!(
            run.stderr.contains("did you mean CV012?"),
            "{typed}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("CV040"),
            "the list of codes: {}",
            run.stderr
        );
    }
}

/// Terminal columns of a character, for the characters these tests use:
/// CJK and emoji take two, combining marks none.
fn columns(c: char) -> usize {
    match c {
        '\u{300}'..='\u{36F}' | '\u{591}'..='\u{5C7}' => 0,
        '\u{4E00}'..='\u{9FFF}' | '\u{1F300}'..='\u{1FAFF}' => 2,
        _ => 1,
    }
}

/// Adds `line` to the ms population's population.toml, checks, and returns
/// the text before the caret and the marked text of the CV002 the line causes.
fn caret_on(line: &str) -> (String, String) {
    let wb = example(COMPLETE);
    let path = wb.path().join("populations/ms/population.toml");
    let mut text = read(&path);
    text.push_str(line);
    text.push('\n');
    write(&path, &text);
    let line_no = line_of(&path, line);

    let (_, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let syntax = with_code(&found, "CV002");
    assert_eq!(syntax.len(), 1, "{found:#?}");
    assert_eq!(syntax[0].line, Some(line_no), "{found:#?}");
    let column = syntax[0].column.unwrap_or(0) as usize;
    assert!(column > 1, "{found:#?}");

    let human = run(wb.path(), &["check"]).stdout;
    let shown = format!("{line_no} | {line}");
    let lines: Vec<&str> = human.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == shown)
        .unwrap_or_else(|| panic!("the line is shown as it is:\n{human}"));
    let carets = lines.get(at + 1).copied().unwrap_or_default();
    let gutter = shown.find("| ").unwrap_or(0) + 2;
    let first = carets.find('^').unwrap_or_else(|| panic!("{human}"));
    let before: String = line.chars().take(column - 1).collect();
    let width: usize = before.chars().map(columns).sum();
    assert_eq!(
        first - gutter,
        width,
        "the caret is not under character {column}:\n{human}"
    );
    (before, line.chars().skip(column - 1).collect())
}

#[test]
fn the_caret_sits_under_its_character_after_hebrew_with_points() {
    // שָׁלוֹם: four letters and three points that take no column of their own.
    let (before, at) =
        caret_on("motto = \"\u{5E9}\u{5B8}\u{5C1}\u{5DC}\u{5D5}\u{5B9}\u{5DD}\" oops");
    assert!(before.contains('\u{5DD}'), "{before:?} {at:?}");
}

#[test]
fn the_caret_sits_under_its_character_after_cjk_and_emoji() {
    let (before, at) = caret_on("motto = \"患者 🙂 e\u{301}\" oops");
    assert!(before.contains('🙂'), "{before:?} {at:?}");
}
