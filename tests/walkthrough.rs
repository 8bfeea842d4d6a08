//! A persona walked through a value configuration is the method's unit of
//! work: `import` takes one persona's part at a time, fills or replaces only
//! the parts the notes name, and never touches another persona's part; a
//! deferred question is deferred to every verb.

mod common;

use std::path::Path;

use common::{HALF_DONE, check_json, example, read, run, write};

const CHAIN: &str = "populations/heart-failure/answers/chain.md";

/// Markus's part of the chain walk-through, as the example has it.
fn markus_part(text: &str) -> String {
    let start = text
        .find("### Markus {#markus}")
        .expect("the example walks Markus");
    let rest = &text[start..];
    let end = rest[1..].find("\n#").map_or(rest.len(), |i| i + 1);
    rest[..end].to_string()
}

fn import(dir: &Path, notes: &str, extra: &[&str]) -> common::Run {
    write(&dir.join("notes.md"), notes);
    let mut args = vec!["import", "notes.md"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

#[test]
fn one_personas_part_is_added_beside_the_others() {
    let wb = example(HALF_DONE);
    let before = read(&wb.path().join(CHAIN));
    let done = import(
        wb.path(),
        "## Walk each persona {#chain-walkthrough}\n\n### Dolores {#dolores}\n\nDolores meets the chain at her monthly clinic visit.\n",
        &[],
    );
    assert_eq!(done.code, Some(0), "{}{}", done.stdout, done.stderr);
    assert!(
        done.stdout.contains("Dolores's part {#dolores}"),
        "{}",
        done.stdout
    );
    let after = read(&wb.path().join(CHAIN));
    assert_eq!(
        markus_part(&after),
        markus_part(&before),
        "Markus's part changed"
    );
    let dolores = after
        .find("### Dolores {#dolores}")
        .expect("Dolores's part is there");
    assert!(dolores > after.find("### Markus {#markus}").unwrap_or(usize::MAX));
    assert!(after.contains("Dolores meets the chain at her monthly clinic visit."));
    // Still one heading for the question, and check reads both parts.
    assert_eq!(after.matches("{#chain-walkthrough}").count(), 1);
    let (_, report) = check_json(wb.path(), &[]);
    let text = report.to_string();
    assert!(!text.contains("walk-through heading"), "{text}");
}

#[test]
fn replace_changes_only_the_parts_the_notes_name() {
    let wb = example(HALF_DONE);
    let notes = "## Walk each persona {#chain-walkthrough}\n\n### Dolores {#dolores}\n\nFirst words for Dolores.\n";
    assert_eq!(import(wb.path(), notes, &[]).code, Some(0));
    let before = read(&wb.path().join(CHAIN));

    // Markus's part is answered: left out without --replace, file untouched.
    let markus = "## Walk each persona {#chain-walkthrough}\n\n### Markus {#markus}\n\nMarkus now weighs himself every morning.\n";
    let left = import(wb.path(), markus, &[]);
    assert_eq!(left.code, Some(1), "{}", left.stdout);
    assert!(left.stdout.contains("already answered"), "{}", left.stdout);
    assert_eq!(read(&wb.path().join(CHAIN)), before);

    // With --replace, Markus's part only: Dolores's stays byte for byte.
    let replaced = import(wb.path(), markus, &["--replace"]);
    assert_eq!(replaced.code, Some(0), "{}", replaced.stderr);
    let after = read(&wb.path().join(CHAIN));
    assert!(after.contains("Markus now weighs himself every morning."));
    assert!(!after.contains("Markus meets our chain after every admission"));
    let dolores = |t: &str| t[t.find("### Dolores").unwrap_or(0)..].to_string();
    assert_eq!(dolores(&after), dolores(&before));
}

#[test]
fn notes_typed_at_other_heading_levels_go_to_the_files_levels() {
    let wb = example(HALF_DONE);
    let notes = "#### 3.2 Walk each persona {#chain-walkthrough}\n\n##### Dolores {#dolores}\n\nDolores keeps a diary.\n\n###### What she asked\n\nAbout salt.\n";
    let done = import(wb.path(), notes, &[]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let after = read(&wb.path().join(CHAIN));
    assert!(after.contains("### Dolores {#dolores}"), "{after}");
    assert!(after.contains("#### What she asked"), "{after}");
}

#[test]
fn the_same_answer_written_out_differently_is_unchanged() {
    let wb = example(HALF_DONE);
    let before = read(&wb.path().join(CHAIN));
    // Markus's part as the file has it, with its lines joined and wrapped anew.
    let part = markus_part(&before);
    let body: Vec<&str> = part.lines().skip(1).collect();
    let joined = body.join(" ");
    let notes = format!(
        "## Walk {{#chain-walkthrough}}\n\n### Markus {{#markus}}\n\n{}\n",
        joined.trim()
    );
    let same = import(wb.path(), &notes, &[]);
    assert_eq!(same.code, Some(0), "{}", same.stdout);
    assert!(same.stdout.contains("unchanged"), "{}", same.stdout);
    assert_eq!(read(&wb.path().join(CHAIN)), before);
}

#[test]
fn a_deferred_question_is_deferred_to_import_too() {
    let wb = example(HALF_DONE);
    let file = wb
        .path()
        .join("populations/heart-failure/answers/population.md");
    let before = read(&file);
    assert!(before.contains("Deferred: our analyst"));
    let left = import(
        wb.path(),
        "## Payment {#population-payment}\n\nThe accountable care contract pays for follow-up calls.\n",
        &[],
    );
    assert_eq!(left.code, Some(1), "{}", left.stdout);
    assert!(left.stdout.contains("already deferred"), "{}", left.stdout);
    assert_eq!(read(&file), before);
}
