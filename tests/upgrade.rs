//! Guide versions in a workbook: `check` notes a prompt scaffolded by
//! another version of the built-in guide (CV054), an answer `upgrade` kept
//! for a question the guide dropped (CV055) and an answer under a renamed id
//! (CV056); `covalue upgrade` moves a workbook to the guide's version,
//! refreshing prompts and never touching what the team typed.

mod common;

use std::path::Path;

use common::{HALF_DONE, check_json, example, findings, manifest_dir, read, run, with_code, write};

const HF: &str = "populations/heart-failure/answers";

#[test]
fn the_half_done_example_is_noted_for_its_prompt_from_version_1_0() {
    let wb = example(HALF_DONE);
    let (_, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let notes = with_code(&found, "CV054");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].file.as_deref(), Some(&*format!("{HF}/shop.md")));
    assert!(
        notes[0].message.contains("version 1.0"),
        "{}",
        notes[0].message
    );
    assert!(notes[0].message.contains("shop-walkthrough"));
    assert_eq!(notes[0].severity, "info");
}

#[test]
fn a_fresh_workbook_and_a_comment_the_team_wrote_are_not_noted() {
    let tmp = common::empty_dir();
    run(tmp.path(), &["init", "--title", "T"]).assert_code(0);
    run(tmp.path(), &["new", "population", "hf"]).assert_code(0);
    let chain = tmp.path().join("populations/hf/answers/chain.md");
    let text = read(&chain).replacen(
        "<!--",
        "<!-- our own note: ask Sara about the clinic -->\n\n<!--",
        1,
    );
    write(&chain, text);
    let (_, report) = check_json(tmp.path(), &[]);
    assert!(with_code(&findings(&report), "CV054").is_empty());
}

/// A workbook scaffolded from the built-in guide's 1.0 text, kept in
/// `guide/history/`, pinned to it with `guide = "builtin@1.0"`.
fn workbook_from_1_0() -> tempfile::TempDir {
    let tmp = common::empty_dir();
    let dir = tmp.path();
    run(dir, &["init", "--title", "Jönköping"]).assert_code(0);
    std::fs::copy(
        manifest_dir().join("guide/history/co-value-1.0.toml"),
        dir.join("old-guide.toml"),
    )
    .expect("copy the 1.0 text");
    set_guide(dir, "old-guide.toml");
    run(dir, &["new", "population", "hf"]).assert_code(0);
    std::fs::remove_file(dir.join("old-guide.toml")).expect("remove");
    set_guide(dir, "builtin@1.0");
    tmp
}

fn set_guide(dir: &Path, guide: &str) {
    let config = dir.join("covalue.toml");
    let text: String = read(&config)
        .lines()
        .map(|l| {
            if l.starts_with("guide =") {
                format!("guide = \"{guide}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    write(&config, text);
}

#[test]
fn a_workbook_pinned_to_1_0_is_told_to_upgrade() {
    let wb = workbook_from_1_0();
    let check = run(wb.path(), &["check"]);
    check.assert_code(1);
    assert!(check.stdout.contains("covalue upgrade") || check.stderr.contains("covalue upgrade"));
}
