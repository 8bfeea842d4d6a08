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

/// Text as words only: Markdown punctuation and line breaks aside.
fn words(text: &str) -> String {
    text.chars()
        .map(|c| if "*_`#>[](){}|\\".contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The paragraphs of every written answer of a step's answer file (the
/// lead and each persona's part), with the persona names of the parts.
fn paragraphs_of(file: &Path) -> Vec<String> {
    let text = read(file);
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let block = block.trim();
        let skip = block.is_empty()
            || block.starts_with('#')
            || block.starts_with("<!--")
            || block.starts_with("Deferred:")
            || block.starts_with("Not applicable:");
        if !skip {
            out.push(words(block));
        }
    }
    out
}

#[test]
fn a_pack_focused_on_a_step_carries_every_answer_the_full_form_prints_for_it() {
    for (example_name, pop, steps) in [
        (
            "lakeside-ms",
            "ms",
            &["chain", "shop", "network", "access"][..],
        ),
        (HALF_DONE, "heart-failure", &["chain", "population"][..]),
    ] {
        let wb = example(example_name);
        let root = wb.path();
        for (i, step) in steps.iter().enumerate() {
            let date = format!("2026-12-{:02}", 10 + i);
            let made = run(
                root,
                &["session", "new", "--date", &date, "--focus", step, "-q"],
            );
            assert_eq!(made.code, Some(0), "{}", made.stderr);
            let session = std::fs::read_dir(root.join("sessions"))
                .expect("sessions/")
                .filter_map(|e| {
                    e.ok()?
                        .path()
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                })
                .find(|name| name.starts_with(&date))
                .expect("the new session's record");
            let pack = run(root, &["session", "pack", &session, "--format", "md", "-q"]);
            assert_eq!(pack.code, Some(0), "{}", pack.stderr);
            let out = std::fs::read_dir(root.join("out"))
                .expect("out/")
                .map(|e| e.expect("entry").path())
                .find(|p| {
                    p.to_string_lossy().contains(&session)
                        && p.extension().is_some_and(|e| e == "md")
                })
                .expect("the pack in Markdown");
            let pack_words = words(&read(&out));
            let file = root.join(format!("populations/{pop}/answers/{step}.md"));
            let full = run(root, &["render", "--form", "full", "--format", "md", "-q"]);
            assert_eq!(full.code, Some(0), "{}", full.stderr);
            let full_words = words(&read(&root.join("out/full.md")));
            for paragraph in paragraphs_of(&file) {
                if !full_words.contains(&paragraph) {
                    continue; // not printed by the full form either
                }
                assert!(
                    pack_words.contains(&paragraph),
                    "{example_name}: the pack for {step} leaves out what the full form prints:\n{paragraph}"
                );
            }
            // Each persona's part is under the persona's name.
            if *step == "chain" && pop == "ms" {
                assert!(
                    pack_words.contains("Åsa asa Åsa meets the chain"),
                    "{pack_words}"
                );
            }
        }
    }
}

#[test]
fn the_full_form_in_markdown_typed_back_changes_no_answer() {
    for example_name in ["lakeside-ms", HALF_DONE] {
        let wb = example(example_name);
        let root = wb.path();
        let before = common::tree(&root.join("populations"));
        let made = run(root, &["render", "--form", "full", "--format", "md", "-q"]);
        assert_eq!(made.code, Some(0), "{}", made.stderr);
        let handout = read(&root.join("out/full.md"));
        // The handout names each question and persona part by id, as a
        // worksheet does, and marks what covalue added.
        assert!(handout.contains("{#chain-walkthrough}\n"), "{handout}");
        assert!(handout.contains("<!-- covalue -->"));
        write(&root.join("notes.md"), &handout);
        let back = run(root, &["import", "notes.md", "--replace"]);
        assert_eq!(back.code, Some(0), "{}{}", back.stdout, back.stderr);
        assert!(back.stdout.contains("unchanged"), "{}", back.stdout);
        for word in ["filled", "replaced", "left out"] {
            assert!(
                !back.stdout.contains(word),
                "{example_name}: {}",
                back.stdout
            );
        }
        assert!(
            common::tree(&root.join("populations")) == before,
            "{example_name}: an answer file changed"
        );
    }
}
