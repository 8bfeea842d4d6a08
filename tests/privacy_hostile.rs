//! The privacy check against workbooks that hide identifiers: behind TOML,
//! YAML and Markdown escapes, in files no question reads, in file and folder
//! names, and in US phone formats. Each case runs the real binary on a copy
//! of the complete example and expects one CV030 at the right place.

mod common;

use std::path::Path;

use common::*;

/// The CV030 findings of `covalue check` in `dir` (which must exit 1).
fn privacy_findings(dir: &Path, args: &[&str]) -> Vec<Found> {
    let (run, report) = check_json(dir, args);
    let found = findings(&report);
    let privacy: Vec<Found> = with_code(&found, "CV030").into_iter().cloned().collect();
    if !privacy.is_empty() {
        run.assert_code(1);
    }
    privacy
}

/// Asserts exactly one CV030, at `file` and `line`, whose message names `value`.
fn assert_one_at(found: &[Found], file: &str, line: Option<u64>, value: &str) {
    assert_eq!(found.len(), 1, "expected one CV030: {found:#?}");
    let f = &found[0];
    assert_eq!(f.file.as_deref(), Some(file), "{f:#?}");
    assert_eq!(f.line, line, "{f:#?}");
    assert!(
        f.message.contains(&format!("`{value}`")),
        "the message does not show {value}: {}",
        f.message
    );
}

/// Appends a line to a file of the workbook; returns its line number.
fn append_line(root: &Path, file: &str, line: &str) -> u64 {
    let path = root.join(file);
    let mut text = read(&path);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    write(&path, text);
    line_of(&path, line)
}

const POPULATION: &str = "populations/ms/population.toml";
const ANSWERS: &str = "populations/ms/answers/preparation.md";

// --- escapes and character references ----------------------------------------

#[test]
fn a_unicode_escape_in_a_toml_string_is_decoded() {
    let wb = example(COMPLETE);
    let path = wb.path().join(POPULATION);
    let text = read(&path).replacen(
        "description = \"",
        "description = \"Sara, pnr 19811218\\u002D9876. ",
        1,
    );
    write(&path, text);
    let line = line_of(&path, "pnr 19811218");
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(&found, POPULATION, Some(line), "19811218-9876");
    let f = &found[0];
    assert!(f.message.contains("Swedish personnummer"), "{}", f.message);
    assert!(f.message.contains("19811218\\u002D9876"), "{}", f.message);
    // The column is where the escaped number starts in the raw text.
    let raw_line = read(&path)
        .lines()
        .nth(line as usize - 1)
        .unwrap_or_default()
        .to_string();
    let column = raw_line.find("19811218").map(|c| c as u64 + 1);
    assert_eq!(f.column, column);
}

#[test]
fn toml_literal_strings_and_comments_are_read_as_written() {
    // TOML keeps backslashes in literal strings and comments as they are, so
    // a report shows `\u002D` there, not a hyphen: nothing to report.
    let wb = example(COMPLETE);
    let path = wb.path().join(POPULATION);
    let text: String = read(&path)
        .lines()
        .map(|l| {
            if l.starts_with("description = ") {
                "description = 'Form 19811218\\u002D9876, in a literal string'".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(&path, text);
    append_line(wb.path(), POPULATION, "# 19811218\\u002D9876 in a comment");
    assert!(read(&path).contains("'Form 19811218\\u002D9876"));
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
}

#[test]
fn an_html_reference_for_at_in_markdown_is_decoded() {
    let wb = example(COMPLETE);
    let line = append_line(
        wb.path(),
        ANSWERS,
        "Write to anna&#64;example.org after the session.",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(&found, ANSWERS, Some(line), "anna@example.org");
    assert_eq!(found[0].column, Some(10));
}

#[test]
fn an_html_reference_for_a_hyphen_in_markdown_is_decoded() {
    let wb = example(COMPLETE);
    let line = append_line(
        wb.path(),
        ANSWERS,
        "Journal note for pnr 19811218&#45;9876.",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(&found, ANSWERS, Some(line), "19811218-9876");
    assert_eq!(found[0].column, Some(22));
}

#[test]
fn named_references_and_backslash_escapes_in_markdown_are_decoded() {
    let wb = example(COMPLETE);
    let first = append_line(
        wb.path(),
        ANSWERS,
        "Mail anna&commat;example&period;org or call &lpar;555&rpar;&nbsp;123&hyphen;4567.",
    );
    let second = append_line(wb.path(), ANSWERS, "pnr 811218\\-9876");
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(has_at(&found, "CV030", ANSWERS, Some(first)));
    assert!(
        found
            .iter()
            .any(|f| f.message.contains("`anna@example.org`"))
    );
    assert!(found.iter().any(|f| f.message.contains("`(555) 123-4567`")));
    let f = found.iter().find(|f| f.line == Some(second));
    assert!(
        f.is_some_and(|f| f.message.contains("`811218-9876`")),
        "{found:#?}"
    );
}

#[test]
fn a_yaml_escape_in_persona_front_matter_is_decoded() {
    let wb = example(COMPLETE);
    let file = "populations/ms/personas/asa.md";
    let path = wb.path().join(file);
    let text = read(&path).replacen("segment: \"", "segment: \"pnr 19811218\\x2D9876, ", 1);
    write(&path, text);
    let line = line_of(&path, "pnr 19811218");
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(&found, file, Some(line), "19811218-9876");
}

// --- files no question reads ---------------------------------------------------

#[test]
fn a_population_readme_is_scanned() {
    let wb = example(COMPLETE);
    let file = "populations/ms/README.md";
    write(
        &wb.path().join(file),
        "# MS\n\nAsk Anna on 070-123 45 67.\n",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(&found, file, Some(3), "070-123 45 67");
}

#[test]
fn markdown_that_no_question_reads_is_scanned() {
    let wb = example(COMPLETE);
    let notes = "populations/ms/answers/notes.md";
    write(
        &wb.path().join(notes),
        "Met Anna (anna@example.org) today.\n",
    );
    let minutes = "meetings/2026-03-14.md";
    write(
        &wb.path().join(minutes),
        "# Minutes\n\nPer was born 14 March 1987.\n",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(has_at(&found, "CV030", notes, Some(1)), "{found:#?}");
    assert!(has_at(&found, "CV030", minutes, Some(3)), "{found:#?}");
}

#[test]
fn other_text_files_are_scanned_with_their_escapes() {
    let wb = example(COMPLETE);
    let files = [
        (
            "data/contacts.csv",
            "name,phone\nAnna,+46 70 123 45 67\n",
            2,
        ),
        ("data/notes.txt", "\nSSN 123-45-6789\n", 2),
        ("data/extra.yaml", "a: 1\nb: \"811218\\x2D9876\"\n", 2),
        (
            "data/extra.json",
            "{\n  \"mail\": \"anna\\u0040example.org\"\n}\n",
            2,
        ),
        (
            "populations/ms/extra.toml",
            "x = 1\ny = \"811218\\u002d9876\"\n",
            2,
        ),
    ];
    for (file, text, _) in files {
        write(&wb.path().join(file), text);
    }
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), files.len(), "{found:#?}");
    for (file, _, line) in files {
        assert!(
            has_at(&found, "CV030", file, Some(line)),
            "{file}: {found:#?}"
        );
    }
}

#[test]
fn a_file_the_loader_reads_is_reported_once() {
    let wb = example(COMPLETE);
    let line = append_line(wb.path(), ANSWERS, "Her mobile is 070-123 45 67.");
    append_line(
        wb.path(),
        "covalue.toml",
        "# the switchboard: 036-555 01 00",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(has_at(&found, "CV030", ANSWERS, Some(line)));
    assert!(
        found
            .iter()
            .any(|f| f.file.as_deref() == Some("covalue.toml"))
    );
}

// --- names of files and folders ----------------------------------------------

#[test]
fn an_identifier_in_a_file_name_is_reported_at_the_path() {
    let wb = example(COMPLETE);
    let personas = wb.path().join("populations/ms/personas");
    let text = read(&personas.join("asa.md"));
    write(&personas.join("19811218-9876.md"), text);
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(
        &found,
        "populations/ms/personas/19811218-9876.md",
        None,
        "19811218-9876",
    );
    assert!(
        found[0].message.contains("name of this file"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_identifier_in_a_folder_name_is_reported_at_the_path() {
    let wb = example(COMPLETE);
    clone_population(wb.path(), "ms", "ms-19811218-9876");
    let found = privacy_findings(wb.path(), &[]);
    assert_one_at(
        &found,
        "populations/ms-19811218-9876",
        None,
        "19811218-9876",
    );
    assert!(
        found[0].message.contains("name of this folder"),
        "{}",
        found[0].message
    );
}

// --- US phone numbers --------------------------------------------------------

#[test]
fn us_phone_numbers_in_every_common_format_are_found() {
    let wb = example(COMPLETE);
    let numbers = [
        "(555) 123-4567",
        "(555)123-4567",
        "555-123-4567",
        "555.123.4567",
        "+1 555 123 4567",
    ];
    let lines: Vec<u64> = numbers
        .iter()
        .map(|n| {
            append_line(
                wb.path(),
                ANSWERS,
                &format!("Call the family on {n} today."),
            )
        })
        .collect();
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), numbers.len(), "{found:#?}");
    for (number, line) in numbers.iter().zip(lines) {
        let f = found.iter().find(|f| f.line == Some(line));
        assert!(
            f.is_some_and(|f| f.message.contains(&format!("phone number: `{number}`"))),
            "{number} on line {line}: {found:#?}"
        );
    }
}

#[test]
fn years_measures_and_page_ranges_are_not_phones() {
    let wb = example(COMPLETE);
    append_line(
        wb.path(),
        ANSWERS,
        "In 2019&ndash;2023 (n&nbsp;=&nbsp;1450) EDSS fell 0.5; see pp. 1093\\-1102 and MSIS&#45;29.",
    );
    append_line(
        wb.path(),
        ANSWERS,
        "Budget SEK 1&nbsp;450&nbsp;000, 12.5&percnt; of 360 000 residents.",
    );
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
}

// --- what is left alone ------------------------------------------------------

#[test]
fn the_examples_stay_clean() {
    for name in [COMPLETE, HALF_DONE] {
        let wb = example(name);
        assert_eq!(privacy_findings(wb.path(), &[]), vec![], "{name}");
    }
}

#[test]
fn hidden_folders_and_the_report_folder_are_not_scanned() {
    let wb = example(COMPLETE);
    write(&wb.path().join(".git/notes.md"), "anna@example.org\n");
    write(
        &wb.path().join(".drafts/anna@example.org.md"),
        "070-123 45 67\n",
    );
    write(&wb.path().join("out/report.md"), "anna@example.org\n");
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
}

#[cfg(unix)]
#[test]
fn links_are_never_followed_by_the_walk() {
    let outside = empty_dir();
    write(&outside.path().join("secret.md"), "Anna, 070-123 45 67\n");
    write(
        &outside.path().join("dir/secret.md"),
        "Anna, 070-123 45 67\n",
    );
    let wb = example(COMPLETE);
    std::os::unix::fs::symlink(outside.path().join("secret.md"), wb.path().join("notes.md"))
        .expect("link to a file");
    std::os::unix::fs::symlink(outside.path().join("dir"), wb.path().join("more"))
        .expect("link to a folder");
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
}

#[test]
fn only_the_populations_asked_for_are_walked() {
    let wb = example(COMPLETE);
    clone_population(wb.path(), "ms", "other");
    write(
        &wb.path().join("populations/other/README.md"),
        "070-123 45 67\n",
    );
    write(
        &wb.path().join("populations/ms/README.md"),
        "036-555 01 00\n",
    );
    let found = privacy_findings(wb.path(), &["--population", "ms"]);
    assert_one_at(&found, "populations/ms/README.md", Some(1), "036-555 01 00");
}

// --- the allow list ----------------------------------------------------------

#[test]
fn the_allow_list_covers_decoded_text_unread_files_and_names() {
    let wb = example(COMPLETE);
    append_line(
        wb.path(),
        ANSWERS,
        "Switchboard &lpar;555&rpar; 123&#45;4567.",
    );
    write(
        &wb.path().join("populations/ms/README.md"),
        "Also (555) 123-4567.\n",
    );
    write(
        &wb.path()
            .join("populations/ms/answers/call-555-123-4567.md"),
        "x\n",
    );
    write(&wb.path().join("notes.txt"), "anna@example.org\n");
    let before = privacy_findings(wb.path(), &[]);
    assert_eq!(before.len(), 4, "{before:#?}");
    let config = wb.path().join("covalue.toml");
    let mut text = read(&config);
    text.push_str(
        "\n[[privacy.allow]]\nvalue = \"555-123-4567\"\nreason = \"The clinic's public switchboard\"\n",
    );
    write(&config, text);
    let after = privacy_findings(wb.path(), &[]);
    assert_one_at(&after, "notes.txt", Some(1), "anna@example.org");
}
