//! Files left with git's merge-conflict markers: a conflict marker is an
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
