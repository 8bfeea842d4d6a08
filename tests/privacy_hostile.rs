//! The privacy check against workbooks that hide identifiers: behind TOML,
//! YAML and Markdown escapes, behind look-alike characters (Unicode dashes
//! and spaces, invisible characters, full-width forms, digits of other
//! scripts), in link paths, in files no question reads (whatever their name,
//! in UTF-16, in hidden folders), in file and folder names, and in US phone
//! formats. Each case runs the real binary on a copy of the complete example
//! and expects one CV030 at the right place.

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

/// Asserts one CV030 on `line` of `file`, at `column` (in characters), whose
/// message names `value` as the scanner read it.
fn assert_at(found: &[Found], file: &str, line: u64, column: u64, value: &str) {
    let here: Vec<&Found> = found
        .iter()
        .filter(|f| f.file.as_deref() == Some(file) && f.line == Some(line))
        .collect();
    assert_eq!(
        here.len(),
        1,
        "expected one CV030 on {file}:{line}: {found:#?}"
    );
    assert_eq!(
        here[0].column,
        Some(column),
        "{file}:{line}: {:#?}",
        here[0]
    );
    assert!(
        here[0].message.contains(&format!("`{value}`")),
        "{file}:{line}: the message does not show {value}: {}",
        here[0].message
    );
}

/// The 1-based column (in characters) where `needle` starts on `line` of `path`.
fn column_of(path: &Path, line: u64, needle: &str) -> u64 {
    let text = read(path);
    let line = text.lines().nth(line as usize - 1).unwrap_or_default();
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on line {line:?}"));
    line[..at].chars().count() as u64 + 1
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

// --- look-alike characters ------------------------------------------------------

#[test]
fn a_personnummer_written_with_any_unicode_dash_is_found() {
    let wb = example(COMPLETE);
    let dashes = [
        '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}', '\u{2212}', '\u{fe63}', '\u{ff0d}',
    ];
    let lines: Vec<u64> = dashes
        .iter()
        .map(|d| {
            append_line(
                wb.path(),
                ANSWERS,
                &format!("Journal: pnr 19811218{d}9876."),
            )
        })
        .collect();
    // A soft hyphen is invisible: the reader sees the twelve digits run together.
    let soft = append_line(wb.path(), ANSWERS, "Journal: pnr 19811218\u{ad}9876.");
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), dashes.len() + 1, "{found:#?}");
    for (dash, line) in dashes.iter().zip(lines) {
        assert_at(&found, ANSWERS, line, 14, "19811218-9876");
        let written = format!("19811218{}9876", dash.escape_unicode());
        assert!(
            found
                .iter()
                .any(|f| f.line == Some(line) && f.message.contains(&written)),
            "the message should say how {dash:?} was written: {found:#?}"
        );
    }
    assert_at(&found, ANSWERS, soft, 14, "198112189876");
}

#[test]
fn numbers_spaced_with_no_break_and_thin_spaces_are_found() {
    let wb = example(COMPLETE);
    let phone = append_line(
        wb.path(),
        ANSWERS,
        "Ring 070\u{a0}123\u{2009}45\u{202f}67 today.",
    );
    let nhs = append_line(wb.path(), ANSWERS, "NHS\u{2007}943\u{2009}476\u{200a}5919.");
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_at(&found, ANSWERS, phone, 6, "070 123 45 67");
    assert_at(&found, ANSWERS, nhs, 5, "943 476 5919");
}

#[test]
fn invisible_characters_inside_an_identifier_are_ignored() {
    let wb = example(COMPLETE);
    let cases = [
        (
            "pnr 1981\u{200b}1218-98\u{2060}76 (zero-width space, word joiner)",
            "19811218-9876",
            5,
        ),
        ("mobil 0701\u{200c}23\u{200d}45\u{feff}67", "0701234567", 7),
        ("pnr \u{200f}19811218\u{202e}-9876", "19811218-9876", 6),
        ("mail anna\u{ad}@exam\u{200b}ple.org", "anna@example.org", 6),
    ];
    let lines: Vec<u64> = cases
        .iter()
        .map(|(text, _, _)| append_line(wb.path(), ANSWERS, text))
        .collect();
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), cases.len(), "{found:#?}");
    for ((_, value, column), line) in cases.iter().zip(lines) {
        assert_at(&found, ANSWERS, line, *column, value);
    }
    // The message spells out the invisible characters instead of printing them.
    let bidi = found.iter().find(|f| f.message.contains("\\u{202e}"));
    assert!(
        bidi.is_some_and(|f| !f.message.contains('\u{202e}')),
        "{found:#?}"
    );
}

#[test]
fn full_width_forms_and_digits_of_other_scripts_are_found() {
    let wb = example(COMPLETE);
    let cases = [
        (
            "Skriv till anna＠example.org i dag.",
            "anna@example.org",
            12,
        ),
        ("pnr １９８１１２１８－９８７６", "19811218-9876", 5),
        ("هاتف ٠٧٠-١٢٣ ٤٥ ٦٧", "070-123 45 67", 6),
        ("पंजीकरण 19811218-९८७६", "19811218-9876", 9),
        ("mobil ۰۷۰۱۲۳۴۵۶۷", "0701234567", 7),
    ];
    let lines: Vec<u64> = cases
        .iter()
        .map(|(text, _, _)| append_line(wb.path(), ANSWERS, text))
        .collect();
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), cases.len(), "{found:#?}");
    for ((_, value, column), line) in cases.iter().zip(lines) {
        assert_at(&found, ANSWERS, line, *column, value);
    }
}

#[test]
fn look_alikes_in_toml_strings_and_names_are_found() {
    let wb = example(COMPLETE);
    let path = wb.path().join(POPULATION);
    let text = read(&path).replacen(
        "description = \"",
        "description = \"Sara, pnr 19811218\u{2212}9876. ",
        1,
    );
    write(&path, text);
    let line = line_of(&path, "pnr 19811218");
    let column = column_of(&path, line, "19811218");
    clone_population(wb.path(), "ms", "ms\u{2011}19811218\u{2011}9876");
    let found = privacy_findings(wb.path(), &[]);
    assert_at(&found, POPULATION, line, column, "19811218-9876");
    assert!(
        found.iter().any(|f| f.file.as_deref()
            == Some("populations/ms\u{2011}19811218\u{2011}9876")
            && f.message.contains("`19811218-9876`")),
        "{found:#?}"
    );
}

#[test]
fn the_same_identifiers_written_plainly_are_still_found() {
    let wb = example(COMPLETE);
    let plain = [
        ("pnr 19811218-9876", "19811218-9876"),
        ("Ring 070 123 45 67", "070 123 45 67"),
        ("NHS 943 476 5919", "943 476 5919"),
        ("anna@example.org", "anna@example.org"),
        ("Jönköping, ring 036-555 01 00", "036-555 01 00"),
        ("[x](https://x.org/?pnr=19811218-9876)", "19811218-9876"),
    ];
    let lines: Vec<u64> = plain
        .iter()
        .map(|(text, _)| append_line(wb.path(), ANSWERS, text))
        .collect();
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), plain.len(), "{found:#?}");
    for ((text, value), line) in plain.iter().zip(lines) {
        let column = text
            .find(value)
            .map_or(0, |at| text[..at].chars().count() as u64 + 1);
        assert_at(&found, ANSWERS, line, column, value);
    }
}

#[test]
fn millions_of_disguised_characters_still_give_exact_places() {
    // 8 MiB of no-break spaces and a page of `&#64;`, then the identifiers.
    let wb = example(COMPLETE);
    let mut text = "\u{a0}".repeat(4 << 20);
    text.push('\n');
    text.push_str(&"&#64;".repeat(100_000));
    text.push_str("\nRing 070\u{a0}123\u{2009}45 67 or anna&#64;example.org.\n");
    let file = "populations/ms/answers/padding.md";
    write(&wb.path().join(file), &text);
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(has_at(&found, "CV030", file, Some(3)), "{found:#?}");
    let columns: Vec<Option<u64>> = found.iter().map(|f| f.column).collect();
    assert_eq!(columns, [Some(6), Some(23)], "{found:#?}");
}

// --- link paths ------------------------------------------------------------------

#[test]
fn identifiers_in_link_paths_are_found() {
    let wb = example(COMPLETE);
    let cases = [
        (
            "See [the record](https://x.org/19811218-9876).",
            "19811218-9876",
        ),
        (
            "Notes in [here](notes/p/070-123-45-67.md).",
            "070-123-45-67",
        ),
        ("Write <mailto:anna%40example.org>.", "anna@example.org"),
        (
            "Also https://x.org/p/943%20476%205919 by hand.",
            "943 476 5919",
        ),
        ("[record]: https://x.org/u/19811218%2D9876", "19811218-9876"),
    ];
    let lines: Vec<u64> = cases
        .iter()
        .map(|(text, _)| append_line(wb.path(), ANSWERS, text))
        .collect();
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), cases.len(), "{found:#?}");
    let path = wb.path().join(ANSWERS);
    for ((text, value), line) in cases.iter().zip(lines) {
        let raw = match *value {
            "anna@example.org" => "anna%40",
            "943 476 5919" => "943%20",
            _ => &value[..6],
        };
        assert_at(&found, ANSWERS, line, column_of(&path, line, raw), value);
        assert!(text.contains(raw));
    }
}

#[test]
fn paths_and_fractions_that_hold_no_identifier_stay_clean() {
    let wb = example(COMPLETE);
    append_line(
        wb.path(),
        ANSWERS,
        "See [the trial](https://doi.org/10.1093/brain/awz123), [p. 12](https://x.org/2019/03/14/report.pdf) and 3/4 of 1/2.",
    );
    append_line(
        wb.path(),
        ANSWERS,
        "In 2019\u{2013}2023 (n\u{a0}=\u{a0}1\u{202f}450) EDSS fell 0\u{2219}5, \u{2212}12\u{a0}%.",
    );
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
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
fn files_of_any_name_are_scanned() {
    let wb = example(COMPLETE);
    let files = [
        (
            "populations/ms/answers/notes.html",
            "<p>\nMail anna&#64;example.org\n</p>\n",
            2,
            6,
        ),
        (
            "data/contacts.tsv",
            "name\tphone\nAnna\t070-123 45 67\n",
            2,
            6,
        ),
        ("populations/ms/NOTES", "\n\nborn 14 March 1987\n", 3, 6),
        (".drafts/persona.md", "# Draft\npnr 19811218-9876\n", 2, 5),
        (".github/CODEOWNERS", "* anna@example.org\n", 1, 3),
        ("populations/ms/.scratch", "SSN 123-45-6789\n", 1, 5),
    ];
    for (file, text, _, _) in files {
        write(&wb.path().join(file), text);
    }
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), files.len(), "{found:#?}");
    for (file, _, line, column) in files {
        let f = found.iter().find(|f| f.file.as_deref() == Some(file));
        assert!(
            f.is_some_and(|f| f.line == Some(line) && f.column == Some(column)),
            "{file}:{line}:{column}: {found:#?}"
        );
    }
}

#[test]
fn repository_addresses_in_git_and_ci_files_are_not_e_mail_addresses() {
    let wb = example(COMPLETE);
    write(
        &wb.path().join(".gitmodules"),
        "[submodule \"guide\"]\n\tpath = guide\n\turl = git@github.com:org/guide.git\n",
    );
    write(
        &wb.path().join(".github/workflows/check.yml"),
        "steps:\n  - uses: actions/checkout@v4\n  - run: git clone ssh://git@gitlab.example.org/team/wb\n",
    );
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
    let line = append_line(
        wb.path(),
        ".github/workflows/check.yml",
        "# ask anna@example.org",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_at(
        &found,
        ".github/workflows/check.yml",
        line,
        7,
        "anna@example.org",
    );
}

#[test]
fn utf16_files_are_decoded_before_the_scan() {
    let wb = example(COMPLETE);
    let text = "Anteckningar från Jönköping\r\nRing 070-123 45 67 i morgon.\r\n";
    let utf16 = |big_endian: bool, bom: bool| -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for unit in units {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let files = [
        ("data/notes-le.txt", utf16(false, true)),
        ("data/notes-be.txt", utf16(true, true)),
        ("data/notes-nobom.txt", utf16(false, false)),
    ];
    for (file, bytes) in &files {
        write(&wb.path().join(file), bytes);
    }
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), files.len(), "{found:#?}");
    for (file, _) in &files {
        assert_at(&found, file, 2, 6, "070-123 45 67");
    }
}

#[test]
fn binary_files_are_not_scanned() {
    let wb = example(COMPLETE);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(b" 070-123 45 67 anna@example.org 19811218-9876");
    write(&wb.path().join("populations/ms/photo.txt"), &png);
    write(
        &wb.path().join("docs/handout.pdf"),
        "%PDF-1.7\n(070-123 45 67 anna@example.org)\n",
    );
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
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
fn git_and_the_report_folder_are_not_scanned_but_other_hidden_folders_are() {
    let wb = example(COMPLETE);
    write(&wb.path().join(".git/notes.md"), "anna@example.org\n");
    write(&wb.path().join(".git/anna@example.org"), "x\n");
    write(&wb.path().join("out/report.md"), "anna@example.org\n");
    write(&wb.path().join("out/report.html"), "<p>070-123 45 67</p>\n");
    assert_eq!(privacy_findings(wb.path(), &[]), vec![]);
    write(
        &wb.path().join(".drafts/anna@example.org.md"),
        "070-123 45 67\n",
    );
    let found = privacy_findings(wb.path(), &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(has_at(&found, "CV030", ".drafts/anna@example.org.md", None));
    assert!(has_at(
        &found,
        "CV030",
        ".drafts/anna@example.org.md",
        Some(1)
    ));
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
