//! Answer files that try to swallow or take over other answers, and files
//! left with git's merge-conflict markers: an unclosed code fence hides no
//! later answer from `check`, `render`, the session pack or `import`; text
//! for one question that carries another question's heading is refused;
//! notes with a byte-order mark lose no answer; and a conflict marker is an
//! error at its line in every kind of file, which `render` and
//! `session pack` refuse to print.

mod common;

use std::fs;
use std::path::Path;

use common::{COMPLETE, check_json, example, findings, has_at, read, run, tree, with_code, write};

const CHAIN: &str = "populations/ms/answers/chain.md";

/// A session record of the Lakeside example that puts the value chain on the agenda.
fn add_session(dir: &Path) {
    write(
        &dir.join("sessions/2026-12-03-chain.toml"),
        "date = 2026-12-03\nfocus = [\"chain\"]\n",
    );
}

/// Phrases from the three answers after the first of Lakeside's chain.md.
const LATER_ANSWERS: [&str; 3] = [
    "Åsa {#asa}",
    "Today people already do much of the chain's work alone",
    "We chose three measures for the chain",
];

/// The open questions `check --open` reports, by id.
fn open_questions(dir: &Path) -> Vec<String> {
    let (_, report) = check_json(dir, &["--open"]);
    with_code(&findings(&report), "CV010")
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn an_unclosed_code_fence_hides_no_later_answer_and_is_reported_at_its_line() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    add_session(dir);
    let file = dir.join(CHAIN);
    let text = read(&file);
    let (first, rest) = text
        .split_once("{#chain-processes}\n\n")
        .expect("Lakeside answers chain-processes");
    // Line 5: the first line of the first answer, a fence never closed.
    write(
        &file,
        format!("{first}{{#chain-processes}}\n\n```text\n{rest}"),
    );
    assert_eq!(read(&file).lines().nth(4), Some("```text"));

    let (out, report) = check_json(dir, &[]);
    out.assert_code(0);
    let found = findings(&report);
    assert!(has_at(&found, "CV046", CHAIN, Some(5)), "{found:?}");
    let fence = with_code(&found, "CV046");
    assert_eq!(fence.len(), 1, "{found:?}");
    assert_eq!(
        (fence[0].severity.as_str(), fence[0].column),
        ("warning", Some(1))
    );
    assert!(
        fence[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("3 backticks"),
        "{fence:?}"
    );
    assert!(open_questions(dir).is_empty(), "{:?}", open_questions(dir));
    assert_eq!(report["summary"][0]["open"].as_u64(), Some(0));

    // The report and the pack of a session on the chain show the three
    // later answers.
    let report_md = dir.join("out/report.md");
    run(dir, &["render", "--format", "md", "-o", "out/report.md"]).assert_code(0);
    let pack_md = dir.join("out/pack.md");
    run(
        dir,
        &[
            "session",
            "pack",
            "2026-11-03-logic",
            "--format",
            "md",
            "-o",
            "out/pack.md",
        ],
    )
    .assert_code(0);
    let (report_md, pack_md) = (read(&report_md), read(&pack_md));
    for phrase in &LATER_ANSWERS[1..] {
        assert!(report_md.contains(phrase), "the report lost {phrase:?}");
        assert!(pack_md.contains(phrase), "the pack lost {phrase:?}");
    }
    assert!(
        report_md.contains("Åsa"),
        "the report lost Åsa's walk-through"
    );

    // An import into the question after the fence goes under its heading:
    // no second heading is added at the end of the file.
    write(
        &dir.join("notes.md"),
        "## {#chain-measures}\n\nA new list of measures.\n",
    );
    run(dir, &["import", "notes.md", "--replace"]).assert_code(0);
    let after = read(&file);
    assert_eq!(after.matches("{#chain-measures}").count(), 1, "{after}");
    assert!(after.contains("A new list of measures."));
    assert!(!after.contains(LATER_ANSWERS[2]), "the old answer stayed");
    for phrase in &LATER_ANSWERS[..2] {
        assert!(after.contains(phrase), "the import removed {phrase:?}");
    }
}

#[test]
fn import_refuses_text_with_another_questions_heading_and_changes_nothing() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    let before = tree(&dir.join("populations"));
    // A note for one question whose deeper heading carries another's id,
    // even inside a code fence.
    for (name, notes, line) in [
        (
            "deeper.md",
            "# Notes\n\n## {#chain-measures}\n\nOur measures.\n\n### Taken over {#chain-processes}\n\nNothing is standard.\n",
            7,
        ),
        (
            "fenced.md",
            "# Notes\n\n# {#chain-measures}\n\n```\n## Taken over {#chain-processes}\n```\n",
            6,
        ),
    ] {
        write(&dir.join(name), notes);
        let out = run(dir, &["import", name, "--replace"]);
        out.assert_code(2);
        assert!(
            out.stderr.contains("## Taken over {#chain-processes}")
                && out.stderr.contains(&format!("line {line} of {name}"))
                && out.stderr.contains("nothing was imported"),
            "{name}: {}",
            out.stderr
        );
        assert_eq!(tree(&dir.join("populations")), before, "{name}");
    }
}

#[test]
fn notes_that_start_with_a_byte_order_mark_keep_their_first_answer() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    let file = dir.join(CHAIN);
    write(
        &dir.join("notes.md"),
        "\u{feff}## {#chain-measures}\r\n\r\nMeasured from the notes.\r\n\r\n## {#chain-coproduction}\r\n\r\nShared planning.\r\n",
    );
    let out = run(dir, &["import", "notes.md", "--replace"]);
    out.assert_code(0);
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("{#chain-measures}"), "{said}");
    let text = read(&file);
    assert!(text.contains("Measured from the notes."), "{text}");
    assert!(text.contains("Shared planning."), "{text}");
    assert_eq!(text.matches("{#chain-measures}").count(), 1);
}

/// Git's markers around two versions of a line.
fn conflict(ours: &str, theirs: &str) -> String {
    format!("<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> kim/edits\n")
}

/// Puts a conflict in `file` just after the first line holding `after`;
/// the line of its `<<<<<<<`.
fn put_conflict(dir: &Path, file: &str, after: &str, ours: &str, theirs: &str) -> u64 {
    let path = dir.join(file);
    let text = read(&path);
    let mut out = String::new();
    let mut at = None;
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if at.is_none() && line.contains(after) {
            out.push_str(&conflict(ours, theirs));
            at = Some(i as u64 + 2);
        }
    }
    write(&path, out);
    at.unwrap_or_else(|| panic!("no {after:?} in {file}"))
}

#[test]
fn a_merge_conflict_is_an_error_at_its_line_in_every_kind_of_file() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    add_session(dir);
    let persona = "populations/ms/personas/asa.md";
    let map = "populations/ms/process-map.toml";
    let session = "sessions/2026-12-03-chain.toml";
    let places = [
        (
            put_conflict(
                dir,
                CHAIN,
                "{#chain-measures}",
                "Three measures.",
                "Four measures.",
            ),
            CHAIN,
        ),
        (
            put_conflict(dir, persona, "kind:", "composite: true", "composite: false"),
            persona,
        ),
        (
            put_conflict(
                dir,
                map,
                "id = \"first-symptoms\"",
                "title = \"A\"",
                "title = \"B\"",
            ),
            map,
        ),
        (
            put_conflict(
                dir,
                "covalue.toml",
                "title",
                "form = \"full\"",
                "form = \"short\"",
            ),
            "covalue.toml",
        ),
        (
            put_conflict(dir, session, "date", "title = \"x\"", "title = \"y\""),
            session,
        ),
    ];
    let (out, report) = check_json(dir, &[]);
    out.assert_code(1);
    let found = findings(&report);
    for (line, file) in places {
        assert!(
            has_at(&found, "CV045", file, Some(line)),
            "{file}:{line}: {found:?}"
        );
        // In TOML and YAML the conflict is reported instead of a bare syntax error.
        assert!(
            !found
                .iter()
                .any(|f| f.code == "CV002" && f.file.as_deref() == Some(file)),
            "{file}: {found:?}"
        );
    }
    let chain = with_code(&found, "CV045")
        .into_iter()
        .find(|f| f.file.as_deref() == Some(CHAIN))
        .expect("the answer file's conflict");
    assert!(
        chain.message.contains("unresolved merge conflict"),
        "{chain:?}"
    );
    assert!(
        chain
            .help
            .as_deref()
            .unwrap_or("")
            .contains("delete the marker lines")
    );

    // People see it too, at the file's line.
    let human = run(dir, &["check"]);
    human.assert_code(1);
    assert!(
        human.stdout.contains("error[CV045]") || human.stderr.contains("error[CV045]"),
        "{}{}",
        human.stdout,
        human.stderr
    );

    // Nothing is printed while a conflict remains.
    let before = tree(dir);
    for args in [
        &["render"][..],
        &["render", "--format", "md"][..],
        &["render", "--form", "short", "-o", "out/short.html"][..],
        &["session", "pack"][..],
        &["session", "pack", "--format", "md", "-o", "out/pack.md"][..],
    ] {
        let out = run(dir, args);
        out.assert_code(2);
        assert!(
            out.stderr.contains("merge conflict"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("CV045"), "{args:?}: {}", out.stderr);
    }
    assert!(before == tree(dir), "a refused report wrote a file");
    assert!(!dir.join("out").exists());
}

#[test]
fn the_pack_is_refused_for_a_conflict_in_a_population_alone() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    add_session(dir);
    let line = put_conflict(dir, CHAIN, "{#chain-measures}", "Three.", "Four.");
    let out = run(dir, &["session", "pack", "--format", "md"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains(&format!("{CHAIN}:{line}")),
        "{}",
        out.stderr
    );
    assert!(!dir.join("out").exists());
    // Resolved, the pack is written.
    let text = read(&dir.join(CHAIN)).replace(&conflict("Three.", "Four."), "Four.\n");
    fs::write(dir.join(CHAIN), text).expect("write");
    run(dir, &["session", "pack", "--format", "md"]).assert_code(0);
}

#[test]
fn a_setext_underline_is_no_conflict() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    let file = dir.join(CHAIN);
    let text = read(&file).replace(
        "We chose three measures for the chain",
        "Measures\n=======\n\nWe chose three measures for the chain",
    );
    write(&file, text);
    let (out, report) = check_json(dir, &[]);
    out.assert_code(0);
    assert!(with_code(&findings(&report), "CV045").is_empty());
}

#[test]
fn a_comment_never_closed_is_reported_where_it_opens() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    let file = dir.join(CHAIN);
    let text = read(&file).replacen(
        "Today people already do much",
        "Today <!-- people already do much",
        1,
    );
    write(&file, text);
    let line = common::line_of(&file, "Today <!--");
    let (out, report) = check_json(dir, &[]);
    out.assert_no_panic("check");
    let found = findings(&report);
    let open = with_code(&found, "CV046");
    assert_eq!(open.len(), 1, "{found:?}");
    assert_eq!(
        (open[0].file.as_deref(), open[0].line, open[0].column),
        (Some(CHAIN), Some(line), Some(7))
    );
    // The answers after it are still read.
    assert!(open_questions(dir).is_empty(), "{:?}", open_questions(dir));
}

#[test]
fn a_merge_conflict_in_a_sites_guide_is_named_and_nothing_is_printed() {
    let tmp = example(COMPLETE);
    let dir = tmp.path();
    let guide = common::manifest_dir().join("guide/co-value.toml");
    write(
        &dir.join("guide/site.toml"),
        fs::read(guide).expect("the built-in guide"),
    );
    let config = read(&dir.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"guide/site.toml\"");
    write(&dir.join("covalue.toml"), config);
    run(dir, &["check"]).assert_code(0);
    let line = put_conflict(
        dir,
        "guide/site.toml",
        "title",
        "version = \"2\"",
        "version = \"3\"",
    );
    let (out, report) = check_json(dir, &[]);
    out.assert_code(1);
    let found = findings(&report);
    assert!(
        has_at(&found, "CV045", "guide/site.toml", Some(line)),
        "{found:?}"
    );
    let render = run(dir, &["render"]);
    render.assert_code(2);
    assert!(render.stderr.contains("CV045"), "{}", render.stderr);
    assert!(!dir.join("out").exists());
}
