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

/// Every file of the tree, by path, with its bytes.
fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::tree(dir)
        .into_iter()
        .map(|(p, (bytes, _))| (p, bytes))
        .collect()
}

/// A file's lines that are neither a heading nor a comment: what a person
/// typed (or a blank line).
fn typed(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split('\n')
        .filter(|l| !l.starts_with('#') && !l.trim_start().starts_with("<!--"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_workbook_from_1_0_is_upgraded_and_typed_answers_keep_every_byte() {
    let wb = workbook_from_1_0();
    let dir = wb.path();
    let answers = dir.join("populations/hf/answers");
    // Answers typed under a prompt of 1.0, one file with CRLF and a BOM.
    let prep = answers.join("preparation.md");
    let text = read(&prep).replacen(
        "{#preparation-team}\n\n",
        "{#preparation-team}\n\nSara (patient partner), Jönköping clinic nurse, and Dr Lind.  \nMeets monthly.\n\n",
        1,
    );
    write(&prep, text);
    let population = answers.join("population.md");
    let crlf = format!(
        "\u{feff}{}",
        read(&population)
            .replacen(
                "{#population-process}\n\n",
                "{#population-process}\n\nסדר הטיפול: referral, first visit.\n\n",
                1
            )
            .replace('\n', "\r\n")
    );
    write(&population, &crlf);

    // --dry-run prints what would change and writes nothing.
    let before = files(dir);
    let dry = run(dir, &["upgrade", "--dry-run"]);
    dry.assert_code(0);
    assert_eq!(files(dir), before, "--dry-run wrote something");
    assert!(dry.stdout.contains("populations/hf/answers/preparation.md\n  - refreshed the prompt under {#preparation-team}"), "{}", dry.stdout);
    assert!(
        dry.stdout
            .contains("covalue.toml\n  - guide = \"builtin@1.0\" is now \"builtin@1.1\"")
    );
    assert!(dry.stdout.contains("nothing written"));

    let done = run(dir, &["upgrade"]);
    done.assert_code(0);
    // The same lines, file by file, as the dry run said.
    let lines = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("file"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&dry.stdout), lines(&done.stdout));
    assert!(read(&dir.join("covalue.toml")).contains("guide = \"builtin@1.1\""));

    // Only headings and comments changed; what was typed is there, byte for byte.
    let now = files(dir);
    assert_eq!(before.len(), now.len(), "no file added or removed");
    for ((path, old), (_, new)) in before.iter().zip(now.iter()) {
        if path.extension().is_some_and(|e| e == "md") {
            assert_eq!(typed(old), typed(new), "{}", path.display());
        }
    }
    let after = std::fs::read(&population).expect("population.md");
    assert!(after.starts_with("\u{feff}".as_bytes()), "the BOM is kept");
    let after = String::from_utf8(after).expect("UTF-8");
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "CRLF kept"
    );
    assert!(after.contains("סדר הטיפול: referral, first visit.\r\n"));
    assert!(read(&prep).contains("Jönköping clinic nurse, and Dr Lind.  \nMeets monthly.\n"));

    // The workbook now answers 1.1, with no prompt of 1.0 left, and a second
    // run has nothing to do.
    let (_, report) = check_json(dir, &[]);
    let found = findings(&report);
    assert!(with_code(&found, "CV054").is_empty(), "{found:#?}");
    assert!(with_code(&found, "CV040").is_empty(), "{found:#?}");
    let again = run(dir, &["upgrade"]);
    again.assert_code(0);
    assert!(
        again.stdout.contains("nothing to change"),
        "{}",
        again.stdout
    );
}

/// A site's guide, version 1.2: `chain-processes` renamed `chain-steps`,
/// `chain-coproduction` dropped, `chain-handoffs` added.
fn site_guide_1_2() -> String {
    let text = std::fs::read_to_string(manifest_dir().join("guide/co-value.toml")).expect("guide");
    let start = text
        .find("[[step.question]]\nid = \"chain-coproduction\"")
        .expect("chain-coproduction");
    let end = start
        + text[start..]
            .find("[[step.question]]\nid = \"chain-measures\"")
            .expect("chain-measures");
    let added = "[[step.question]]\nid = \"chain-handoffs\"\ntext = \"Where are people handed from one team to the next?\"\nkind = \"text\"\nsource = \"draft\"\n\n";
    let mut text = format!("{}{added}{}", &text[..start], &text[end..]);
    text = text.replacen("id = \"chain-processes\"", "id = \"chain-steps\"", 1);
    text = text.replacen("version = \"1.1\"", "version = \"1.2\"", 1);
    text.push_str(
        "\n[[renamed]]\nfrom = \"chain-processes\"\nto = \"chain-steps\"\nsince = \"1.2\"\n",
    );
    text
}

#[test]
fn a_renamed_id_is_carried_a_dropped_question_kept_and_a_new_one_added() {
    let tmp = common::empty_dir();
    let dir = tmp.path();
    run(dir, &["init", "--title", "T"]).assert_code(0);
    run(dir, &["new", "population", "hf"]).assert_code(0);
    let chain = dir.join("populations/hf/answers/chain.md");
    let text = read(&chain)
        .replacen(
            "{#chain-processes}\n\n",
            "{#chain-processes}\n\nReferral, infusion, follow-up.\n\n",
            1,
        )
        .replacen(
            "{#chain-coproduction}\n\n",
            "{#chain-coproduction}\n\nPeople choose the infusion day.\n\n",
            1,
        );
    write(&chain, &text);
    write(&dir.join("site.toml"), site_guide_1_2());
    set_guide(dir, "site.toml");

    // Before: the answer under the old id is not read, and check says why.
    let (_, report) = check_json(dir, &[]);
    let found = findings(&report);
    let renamed = with_code(&found, "CV056");
    assert_eq!(renamed.len(), 1, "{found:#?}");
    assert!(renamed[0].message.contains("`chain-steps`"));

    let done = run(dir, &["upgrade"]);
    // An answer kept for a dropped question is for the team to look at.
    done.assert_code(1);
    assert!(
        done.stdout
            .contains("carried {#chain-processes} to {#chain-steps}"),
        "{}",
        done.stdout
    );
    assert!(
        done.stdout
            .contains("! kept the answer under {#chain-coproduction}")
    );
    assert!(
        done.stdout
            .contains("added {#chain-handoffs} before {#chain-measures}")
    );
    let after = read(&chain);
    assert!(after.contains("{#chain-steps}\n\n"));
    assert!(after.contains("Referral, infusion, follow-up.\n"));
    assert!(after.contains("{#chain-coproduction}\n\n<!-- covalue upgrade: kept"));
    assert!(
        after.contains("People choose the infusion day.\n"),
        "never deleted"
    );
    let handoffs = after.find("{#chain-handoffs}").expect("new question");
    assert!(handoffs < after.find("{#chain-measures}").expect("measures"));
    // The site guide is no built-in pin: covalue.toml is left alone.
    assert!(read(&dir.join("covalue.toml")).contains("guide = \"site.toml\""));

    let (_, report) = check_json(dir, &[]);
    let found = findings(&report);
    assert!(with_code(&found, "CV056").is_empty(), "{found:#?}");
    assert!(with_code(&found, "CV017").is_empty(), "{found:#?}");
    let kept = with_code(&found, "CV055");
    assert_eq!(kept.len(), 1, "{found:#?}");
    assert_eq!(kept[0].severity, "info");
    // A second run marks nothing twice.
    let again = run(dir, &["upgrade"]);
    again.assert_code(0);
    assert_eq!(read(&chain), after);
}

#[test]
fn merge_conflict_markers_refuse_the_upgrade_and_nothing_is_written() {
    let wb = workbook_from_1_0();
    let dir = wb.path();
    let shop = dir.join("populations/hf/answers/shop.md");
    let text = format!(
        "{}\n<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> other\n",
        read(&shop)
    );
    write(&shop, text);
    let before = files(dir);
    let refused = run(dir, &["upgrade"]);
    refused.assert_code(2);
    assert!(
        refused.stderr.contains("populations/hf/answers/shop.md"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("merge-conflict"));
    assert!(refused.stderr.contains("nothing was written"));
    assert_eq!(files(dir), before);
}

#[cfg(unix)]
#[test]
fn an_answer_file_linked_outside_the_workbook_is_neither_read_nor_written() {
    let outside = common::empty_dir();
    let secret = outside.path().join("shop.md");
    write(
        &secret,
        "## Walk each persona {#shop-walkthrough}\n\n<!-- x -->\n",
    );
    let wb = workbook_from_1_0();
    let dir = wb.path();
    let shop = dir.join("populations/hf/answers/shop.md");
    std::fs::remove_file(&shop).expect("remove");
    std::os::unix::fs::symlink(&secret, &shop).expect("link");
    let before = files(dir);
    let refused = run(dir, &["upgrade"]);
    refused.assert_code(2);
    assert!(refused.stderr.contains("shop.md"), "{}", refused.stderr);
    assert_eq!(files(dir), before);
    assert_eq!(
        read(&secret),
        "## Walk each persona {#shop-walkthrough}\n\n<!-- x -->\n"
    );
}
