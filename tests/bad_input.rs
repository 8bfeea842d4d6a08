//! Input a workbook should never have, and that covalue must survive: the
//! toml-test corpus of invalid (and valid) TOML in place of every TOML file,
//! bytes that are not UTF-8, empty files, a huge answer, links that loop,
//! files nobody may read, folders and files in each other's places, and
//! names and text beyond ASCII. Never a panic; a finding that says where.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::*;

/// The populations' record files that are TOML.
const TOML_RECORDS: [&str; 3] = ["population.toml", "process-map.toml", "value-compass.toml"];

/// A fast, bare run of `covalue check --format json` for loops over the corpus.
fn quick_check(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(bin_path())
        .current_dir(dir)
        .env("COVALUE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("covalue could not be started");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The files named by the findings of a report.
fn named_files(report: &serde_json::Value) -> BTreeSet<String> {
    findings(report)
        .into_iter()
        .filter_map(|f| f.file)
        .collect()
}

// --- the toml-test corpus ------------------------------------------------------

/// Puts each file in turn in place of the `covalue.toml` of a workbook that
/// has nothing else, runs `covalue check`, and says what went wrong with each
/// run: a panic, an exit code other than 1, or no finding in covalue.toml.
/// Two workers, one workbook each.
fn failures_as_config(files: &[TomlDoc]) -> Vec<String> {
    let halves: Vec<&[TomlDoc]> = files.chunks(files.len().div_ceil(2)).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = halves
            .iter()
            .map(|part| {
                scope.spawn(move || {
                    let wb = empty_dir();
                    let mut failures = Vec::new();
                    for file in *part {
                        std::fs::write(wb.path().join("covalue.toml"), &file.bytes).expect("write");
                        let run = quick_check(wb.path(), &[]);
                        if let Some(problem) = config_problem(&run) {
                            failures.push(format!("{}: {problem}", file.name));
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    })
}

/// What is wrong with a run on a broken covalue.toml, if anything.
fn config_problem(run: &Run) -> Option<String> {
    if run.stderr.contains("panicked") || run.code != Some(1) {
        return Some(format!("exit {:?}, expected 1\n{}", run.code, run.stderr));
    }
    match serde_json::from_str::<serde_json::Value>(&run.stdout) {
        Ok(report) if named_files(&report).contains("covalue.toml") => None,
        Ok(_) => Some("no finding names covalue.toml".to_string()),
        Err(e) => Some(format!("the output is not JSON: {e}")),
    }
}

#[test]
fn invalid_toml_as_covalue_toml_is_reported_in_that_file() {
    let files = toml_corpus("invalid");
    let failures = failures_as_config(&files);
    assert!(
        failures.is_empty(),
        "{} of {} files:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// A workbook with one population per corpus file, the file standing in for
/// `record` in each; returns the workbook and the population slugs.
fn population_per_file(files: &[TomlDoc], records: &[&str]) -> (tempfile::TempDir, Vec<String>) {
    let wb = empty_dir();
    write(&wb.path().join("covalue.toml"), CONFIG);
    let mut slugs = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let slug = format!("p{i:04}");
        for record in records {
            write(
                &wb.path().join("populations").join(&slug).join(record),
                &file.bytes,
            );
        }
        slugs.push(slug);
    }
    (wb, slugs)
}

#[test]
fn invalid_toml_as_a_population_record_is_reported_in_that_file() {
    let files = toml_corpus("invalid");
    for record in TOML_RECORDS {
        let (wb, slugs) = population_per_file(&files, &[record]);
        let before = tree(wb.path());
        // The short form keeps the report small: load findings are in every form.
        let run = quick_check(wb.path(), &["--form", "short"]);
        run.assert_no_panic(record);
        run.assert_code(1);
        let named = named_files(&run.json());
        let missing: Vec<String> = slugs
            .iter()
            .zip(&files)
            .filter(|(slug, _)| !named.contains(&format!("populations/{slug}/{record}")))
            .map(|(slug, file)| format!("{slug} ({})", file.name))
            .collect();
        assert!(
            missing.is_empty(),
            "as {record}, no finding names the file for:\n{}",
            missing.join("\n")
        );
        assert_eq!(tree(wb.path()), before, "check changed the workbook");
    }
}

#[test]
fn numbers_the_parser_lets_through_are_not_taken_for_text() {
    // The TOML parser accepts these lexically; they are still not numbers,
    // and must not pass as a title.
    let wb = empty_dir();
    for value in [
        "0b",
        "0x",
        "0o",
        "9223372036854775808",
        "-9223372036854775809",
    ] {
        write(
            &wb.path().join("covalue.toml"),
            format!("# a comment\ntitle = {value}\n"),
        );
        let run = quick_check(wb.path(), &[]);
        run.assert_no_panic(value).assert_code(1);
        let found = findings(&run.json());
        assert!(
            has_at(&found, "CV002", "covalue.toml", Some(2)),
            "`title = {value}`: {found:#?}"
        );
    }
}

#[test]
fn numbers_in_hex_octal_and_binary_are_numbers() {
    let wb = example(COMPLETE);
    let info = wb.path().join("populations/ms/population.toml");
    let text = read(&info);
    let people = text
        .lines()
        .find(|l| l.starts_with("people = "))
        .expect("a size")
        .to_string();
    for value in ["0x5AA", "0x5", "0o7", "0b1", "1_450"] {
        write(
            &info,
            text.replacen(&people, &format!("people = {value}"), 1),
        );
        let (run, report) = check_json(wb.path(), &[]);
        assert!(findings(&report).is_empty(), "people = {value}: {report:#}");
        run.assert_code(0);
    }
}

#[test]
fn valid_toml_as_a_population_record_never_panics_and_is_not_a_syntax_error() {
    let files = toml_corpus("valid");
    let (wb, _slugs) = population_per_file(&files, &TOML_RECORDS);
    // The full form, so that the process map and compass checks see every
    // odd shape; the GitHub format keeps thousands of findings cheap to read.
    let out = Command::new(bin_path())
        .current_dir(wb.path())
        .env("COVALUE_TODAY", TODAY)
        .args(["check", "--format", "github"])
        .output()
        .expect("covalue could not be started");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{:?} {stderr}",
        out.status
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let syntax: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("title=covalue CV001::") || l.contains("title=covalue CV002::"))
        .collect();
    assert!(
        syntax.is_empty(),
        "valid TOML reported as unreadable:\n{}",
        syntax.join("\n")
    );
}

// --- encodings and sizes --------------------------------------------------------

/// The complete example with a population per case, each a copy of `ms`.
fn clones(cases: &[&str]) -> tempfile::TempDir {
    let wb = example(COMPLETE);
    for case in cases {
        clone_population(wb.path(), "ms", case);
    }
    wb
}

/// The record files of a population that each case breaks.
const RECORD_CASES: [(&str, &str); 6] = [
    ("case-population", "population.toml"),
    ("case-map", "process-map.toml"),
    ("case-compass", "value-compass.toml"),
    ("case-persona", "personas/asa.md"),
    ("case-answer", "answers/chain.md"),
    ("case-short", "answers/short-form.md"),
];

#[test]
fn a_file_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    // "Jönköping" saved as Latin-1 by an old editor: the ö of Jönk is fine,
    // the second ö is the byte 0xF6.
    let latin1 = b"# Saved by an old editor\nname = \"J\xc3\xb6nk\xf6ping\"\n";
    let cases: Vec<&str> = RECORD_CASES.iter().map(|(c, _)| *c).collect();
    let wb = clones(&cases);
    for (case, file) in RECORD_CASES {
        write(&wb.path().join("populations").join(case).join(file), latin1);
    }
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    for (case, file) in RECORD_CASES {
        let rel = format!("populations/{case}/{file}");
        let f = found
            .iter()
            .find(|f| f.code == "CV001" && f.file.as_deref() == Some(&rel[..]))
            .unwrap_or_else(|| panic!("no CV001 for {rel}: {found:#?}"));
        assert_eq!((f.line, f.column), (Some(2), Some(13)), "{rel}");
        assert!(f.message.contains("is not UTF-8 text"), "{}", f.message);
    }
    // The untouched population is still checked as usual.
    assert!(found.iter().all(|f| {
        !f.file
            .as_deref()
            .is_some_and(|p| p.starts_with("populations/ms/"))
    }));

    write(&wb.path().join("covalue.toml"), latin1);
    let (run, report) = check_json(wb.path(), &["-p", "ms"]);
    run.assert_code(1);
    assert!(has_at(&findings(&report), "CV001", "covalue.toml", Some(2)));
}

#[test]
fn empty_files_are_open_or_missing_keys_never_a_crash() {
    let cases: Vec<&str> = RECORD_CASES.iter().map(|(c, _)| *c).collect();
    let wb = clones(&cases);
    for (case, file) in RECORD_CASES {
        write(&wb.path().join("populations").join(case).join(file), "");
    }
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let about = |case: &str, code: &str, text: &str| {
        assert!(
            found.iter().any(|f| f.code == code
                && f.file
                    .as_deref()
                    .is_some_and(|p| p.starts_with(&format!("populations/{case}/")))
                && f.message.contains(text)),
            "{case}: no {code} saying {text:?}: {found:#?}"
        );
    };
    about(
        "case-population",
        "CV006",
        "`name` is missing from population.toml",
    );
    about("case-population", "CV006", "`description` is missing");
    about("case-map", "CV010", "`population-process` is open");
    // The value compass is optional: population-value is answered in words,
    // and an empty compass is a note.
    about("case-compass", "CV029", "has no value compass yet");
    about(
        "case-persona",
        "CV006",
        "the persona asa has no front matter",
    );
    about("case-answer", "CV010", "chain-processes, chain-walkthrough");
    // The short form's file is checked with the short form.
    let (_run, short) = check_json(wb.path(), &["--form", "short", "-p", "case-short"]);
    let found_short = findings(&short);
    assert!(
        found_short.iter().any(|f| f.code == "CV010"
            && f.file.as_deref() == Some("populations/case-short/answers/short-form.md")
            && f.message.contains("short-people")),
        "{found_short:#?}"
    );

    write(&wb.path().join("covalue.toml"), "");
    let (run, report) = check_json(wb.path(), &["-p", "ms"]);
    run.assert_code(1);
    let found = findings(&report);
    assert!(
        found.iter().any(|f| f.code == "CV006"
            && f.file.as_deref() == Some("covalue.toml")
            && f.message.contains("`title`")),
        "{found:#?}"
    );
}

#[test]
fn a_ten_megabyte_answer_is_read_to_the_end() {
    let wb = example(COMPLETE);
    let file = wb.path().join("populations/ms/answers/logic.md");
    let mut text = read(&file);
    let line = "The team talked at length about what relieving and enabling mean for people living with MS, and wrote it all down. ";
    let mut body = String::with_capacity(10 * 1024 * 1024 + 2 * line.len());
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(line);
        body.push_str(line);
        body.push('\n');
    }
    text.push_str(&body);
    // A problem at the very end shows that the whole file was read.
    text.push_str("\nWrite to the team at ms-team@example.se.\n");
    write(&file, &text);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let last = u64::try_from(text.lines().count()).expect("lines");
    assert!(
        has_at(
            &found,
            "CV030",
            "populations/ms/answers/logic.md",
            Some(last)
        ),
        "{found:#?}"
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

// --- links, permissions, and things in the wrong place -------------------------

#[cfg(unix)]
#[test]
fn a_link_to_itself_is_reported_not_followed() {
    let wb = example(COMPLETE);
    let personas = wb.path().join("populations/ms/personas");
    std::os::unix::fs::symlink("loop.md", personas.join("loop.md")).expect("symlink");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let f = found
        .iter()
        .find(|f| f.file.as_deref() == Some("populations/ms/personas/loop.md"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(f.code, "CV001");
    assert!(f.message.contains("cannot be read"), "{}", f.message);
}

#[cfg(unix)]
#[test]
fn folder_links_that_loop_are_not_followed() {
    let wb = example(COMPLETE);
    let pop = wb.path().join("populations/ms");
    std::os::unix::fs::symlink(".", pop.join("personas/again")).expect("symlink");
    std::os::unix::fs::symlink("../answers", pop.join("answers/again")).expect("symlink");
    std::os::unix::fs::symlink(".", wb.path().join("populations/again")).expect("symlink");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let ms = report["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .find(|s| s["slug"] == "ms")
        .expect("ms is still checked")
        .clone();
    // Everything is settled or deferred: the example defers one question.
    assert_eq!(ms["open"], 0, "{ms:#}");
    assert_eq!(ms["deferred"], 1, "{ms:#}");
    let found = findings(&report);
    for link in [
        "populations/ms/personas/again",
        "populations/ms/answers/again",
    ] {
        assert!(has_at(&found, "CV008", link, None), "{link}: {found:#?}");
    }
}

#[cfg(unix)]
#[test]
fn a_personas_folder_that_links_to_itself_is_reported() {
    let wb = example(COMPLETE);
    let pop = wb.path().join("populations/ms");
    std::fs::remove_dir_all(pop.join("personas")).expect("remove");
    std::os::unix::fs::symlink("personas", pop.join("personas")).expect("symlink");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    assert!(
        has_at(&found, "CV001", "populations/ms/personas", None),
        "the looping personas folder is not reported: {found:#?}"
    );
}

/// Whether this process can read a file it may not read (as root can).
#[cfg(unix)]
fn reads_anything(path: &Path) -> bool {
    std::fs::read(path).is_ok() || std::fs::read_dir(path).is_ok()
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let wb = example(COMPLETE);
    let file = wb.path().join("populations/ms/process-map.toml");
    let persona = wb.path().join("populations/ms/personas/per.md");
    for f in [&file, &persona] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let (run, report) = check_json(wb.path(), &[]);
    if reads_anything(&file) {
        skip_note(
            "an_unreadable_file_is_reported: running as root, who may read any file; \
             only checked that covalue does not panic",
        );
        run.assert_code(0);
    } else {
        run.assert_code(1);
        let found = findings(&report);
        for rel in [
            "populations/ms/process-map.toml",
            "populations/ms/personas/per.md",
        ] {
            assert!(
                found.iter().any(|f| f.code == "CV001"
                    && f.file.as_deref() == Some(rel)
                    && f.message.contains("cannot be read")),
                "{rel}: {found:#?}"
            );
        }
    }
    for f in [&file, &persona] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let wb = example(COMPLETE);
    let personas = wb.path().join("populations/ms/personas");
    std::fs::set_permissions(&personas, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let (run, report) = check_json(wb.path(), &[]);
    if reads_anything(&personas) {
        skip_note(
            "an_unreadable_folder_is_reported: running as root, who may read any folder; \
             only checked that covalue does not panic",
        );
        run.assert_code(0);
    } else {
        run.assert_code(1);
        assert!(
            has_at(&findings(&report), "CV001", "populations/ms/personas", None),
            "{report:#}"
        );
    }
    std::fs::set_permissions(&personas, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn a_folder_where_a_file_should_be_is_reported() {
    let cases: Vec<&str> = RECORD_CASES.iter().map(|(c, _)| *c).collect();
    let wb = clones(&cases);
    for (case, file) in RECORD_CASES {
        let path = wb.path().join("populations").join(case).join(file);
        std::fs::remove_file(&path).expect("remove");
        write(&path.join("inside.txt"), "a file in a folder\n");
    }
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    for (case, file) in RECORD_CASES {
        let rel = format!("populations/{case}/{file}");
        assert!(
            found.iter().any(|f| f.code == "CV001"
                && f.file.as_deref() == Some(&rel[..])
                && f.message.contains("is a folder")),
            "{rel}: {found:#?}"
        );
    }

    let config = wb.path().join("covalue.toml");
    std::fs::remove_file(&config).expect("remove");
    std::fs::create_dir(&config).expect("mkdir");
    let (run, report) = check_json(wb.path(), &["-p", "ms"]);
    run.assert_code(1);
    assert!(
        has_at(&findings(&report), "CV001", "covalue.toml", None),
        "{report:#}"
    );
}

#[test]
fn a_file_where_a_folder_should_be_is_reported() {
    let wb = clones(&["case-personas", "case-answers"]);
    for (case, folder) in [("case-personas", "personas"), ("case-answers", "answers")] {
        let path = wb.path().join("populations").join(case).join(folder);
        std::fs::remove_dir_all(&path).expect("remove");
        write(&path, "a file\n");
    }
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    for rel in [
        "populations/case-personas/personas",
        "populations/case-answers/answers",
    ] {
        assert!(
            found.iter().any(|f| f.code == "CV008"
                && f.file.as_deref() == Some(rel)
                && f.message.contains("should be a folder")),
            "{rel}: {found:#?}"
        );
    }

    let populations = wb.path().join("populations");
    std::fs::remove_dir_all(&populations).expect("remove");
    write(&populations, "a file\n");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    assert!(
        has_at(&findings(&report), "CV008", "populations", None),
        "{report:#}"
    );
}

// --- names and text beyond ASCII ------------------------------------------------

#[test]
fn a_population_folder_named_jonkoping_is_a_warning_not_a_crash() {
    let wb = example(COMPLETE);
    clone_population(wb.path(), "ms", "jönköping");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "CV009");
    assert_eq!(found[0].severity, "warning");
    assert_eq!(found[0].file.as_deref(), Some("populations/jönköping"));
    let slugs: Vec<&str> = report["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .filter_map(|s| s["slug"].as_str())
        .collect();
    assert_eq!(slugs, ["jönköping", "ms"]);
    let human = run_human(wb.path());
    assert!(human.contains("populations/jönköping"), "{human}");
}

fn run_human(dir: &Path) -> String {
    let run = run(dir, &["check"]);
    run.assert_no_panic("check");
    run.stdout
}

#[test]
fn hebrew_names_and_answers_pass() {
    let wb = example(COMPLETE);
    let pop = wb.path().join("populations/ms");
    let persona = pop.join("personas/asa.md");
    let text = read(&persona);
    let first_name = text
        .lines()
        .find(|l| l.starts_with("name:"))
        .expect("a name line")
        .to_string();
    write(&persona, text.replacen(&first_name, "name: \"דנה כהן\"", 1));
    let info = pop.join("population.toml");
    let text = read(&info);
    let name_line = text
        .lines()
        .find(|l| l.starts_with("name = "))
        .expect("a name")
        .to_string();
    write(
        &info,
        text.replacen(&name_line, "name = \"אנשים החיים עם טרשת נפוצה\"", 1),
    );
    let answers = pop.join("answers/preparation.md");
    let mut text = read(&answers);
    text.push_str(
        "\nהצוות נפגש פעם בחודש, \u{200f}ביום שלישי\u{200f}, ומעדכן את חוברת העבודה יחד.\n",
    );
    write(&answers, text);

    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"][0]["name"], "אנשים החיים עם טרשת נפוצה");
    let human = run_human(wb.path());
    assert!(
        human.contains("אנשים החיים עם טרשת נפוצה (ms): 35 of 36"),
        "{human}"
    );
}

#[test]
fn a_finding_on_a_line_of_hebrew_points_at_the_right_column() {
    let wb = example(COMPLETE);
    let map = wb.path().join("populations/ms/process-map.toml");
    let text = read(&map);
    let at = text.find("[[step]]").expect("a step");
    let step_end = at + text[at..].find("\n\n").expect("end of the step");
    let changed = format!(
        "{}\n\"הערה\" = \"שלב ראשון\"{}",
        &text[..step_end],
        &text[step_end..]
    );
    write(&map, &changed);
    let line = line_of(&map, "הערה");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let unknown = with_code(&found, "CV003");
    assert_eq!(unknown.len(), 1, "{found:#?}");
    assert_eq!(unknown[0].line, Some(line));
    assert_eq!(unknown[0].column, Some(1));
    let human = run_human(wb.path());
    // The snippet shows the line, and the carets sit under the key's six characters.
    let snippet = format!("{line} | \"הערה\" = \"שלב ראשון\"\n   | ^^^^^^\n");
    assert!(human.contains(&snippet), "{human}");
}
