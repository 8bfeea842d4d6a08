//! `covalue init`, `covalue new` and `covalue guide`, run as a user would run
//! them: in temporary folders, checking what lands on disk, what is left
//! alone, what is said, and the exit code.

mod common;

use std::path::Path;

use common::*;

// --- init ------------------------------------------------------------------

#[test]
fn init_in_an_empty_folder_creates_the_workbook() {
    let tmp = empty_dir();
    let run = run(tmp.path(), &["init", "--title", "MS care at Lakeside"]);
    run.assert_code(0);
    for file in ["covalue.toml", "README.md", ".gitignore"] {
        assert!(tmp.path().join(file).is_file(), "{file} was not created");
        assert!(
            run.stdout.contains(&format!("created      {file}")),
            "init does not say it created {file}:\n{}",
            run.stdout
        );
    }
    let config = read(&tmp.path().join("covalue.toml"));
    assert!(
        config.contains("title = \"MS care at Lakeside\""),
        "{config}"
    );
    assert!(read(&tmp.path().join(".gitignore")).contains("out/"));
}

#[test]
fn init_names_the_workbook_after_its_folder_when_no_title_is_given() {
    let tmp = empty_dir();
    run(tmp.path(), &["init", "ms-workbook"]).assert_code(0);
    let config = read(&tmp.path().join("ms-workbook/covalue.toml"));
    assert!(config.contains("ms-workbook"), "{config}");
}

#[test]
fn a_new_workbook_checks_clean_apart_from_having_no_population() {
    let tmp = empty_dir();
    run(
        tmp.path(),
        &["init", "--organisation", "Harbour \"Community\" Health"],
    )
    .assert_code(0);
    let (run, report) = check_json(tmp.path(), &[]);
    let found = findings(&report);
    let codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["CV007"], "{found:#?}");
    assert_eq!(found[0].severity, "warning");
    run.assert_code(0);
}

#[test]
fn init_twice_changes_nothing_and_says_what_it_left_alone() {
    let tmp = empty_dir();
    run(tmp.path(), &["init", "--title", "First title"]).assert_code(0);
    let before = tree(tmp.path());
    let second = run(tmp.path(), &["init", "--title", "Another title"]);
    second.assert_code(0);
    assert_eq!(tree(tmp.path()), before, "init changed the workbook");
    for file in ["covalue.toml", "README.md", ".gitignore"] {
        assert!(
            second
                .stdout
                .contains(&format!("left alone   {file} (already there)")),
            "init does not say it left {file} alone:\n{}",
            second.stdout
        );
    }
    assert!(!second.stdout.contains("created "), "{}", second.stdout);
}

#[test]
fn init_leaves_files_already_in_the_folder_untouched() {
    let tmp = empty_dir();
    write(
        &tmp.path().join("notes.txt"),
        "Minutes of the first session\n",
    );
    write(
        &tmp.path().join("README.md"),
        "# Our own readme\r\n\r\nDo not replace.\r\n",
    );
    let before = tree(tmp.path());
    let run = run(tmp.path(), &["init"]);
    run.assert_code(0);
    let after = tree(tmp.path());
    for file in ["notes.txt", "README.md"] {
        let key = Path::new(file).to_path_buf();
        assert_eq!(after.get(&key), before.get(&key), "init changed {file}");
    }
    assert!(
        run.stdout
            .contains("left alone   README.md (already there)"),
        "{}",
        run.stdout
    );
    assert!(tmp.path().join("covalue.toml").is_file());
}

#[test]
fn init_refuses_a_file_as_its_folder() {
    let tmp = empty_dir();
    write(&tmp.path().join("taken"), "a file\n");
    let run = run(tmp.path(), &["init", "taken"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("is a file, not a folder"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&tmp.path().join("taken")), "a file\n");
}

// --- new -------------------------------------------------------------------

const BAD_SLUGS: &[&str] = &["Heart Failure", "../x", "", "a/b", "nul"];

/// A workbook inside `tmp/wb`, so that a slug escaping it would show in `tmp`.
fn nested_workbook() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = empty_dir();
    let wb = tmp.path().join("wb");
    run(tmp.path(), &["init", "wb"]).assert_code(0);
    (tmp, wb)
}

/// The example slug a message offers: the text after `for example "`.
fn offered_example(message: &str) -> String {
    let start = message
        .find("for example \"")
        .unwrap_or_else(|| panic!("the message shows no example: {message}"))
        + "for example \"".len();
    message[start..].split('"').next().unwrap_or("").to_string()
}

#[test]
fn new_population_refuses_bad_slugs_with_a_valid_example() {
    let (tmp, wb) = nested_workbook();
    let before = tree(tmp.path());
    for slug in BAD_SLUGS {
        let run = run(&wb, &["new", "population", slug]);
        run.assert_code(2);
        let example = offered_example(&run.stderr);
        assert!(
            is_slug(&example),
            "for {slug:?} the example {example:?} is not a valid slug"
        );
        assert_eq!(tree(tmp.path()), before, "{slug:?} wrote something");
    }
    let run = run(&wb, &["new", "population", "Heart Failure"]);
    assert_eq!(offered_example(&run.stderr), "heart-failure");
}

#[test]
fn new_persona_refuses_bad_slugs_with_a_valid_example() {
    let (tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let before = tree(tmp.path());
    for slug in BAD_SLUGS {
        let run = run(
            &wb,
            &[
                "new", "persona", "hf", slug, "--name", "Sara", "--kind", "patient",
            ],
        );
        run.assert_code(2);
        let example = offered_example(&run.stderr);
        assert!(is_slug(&example), "for {slug:?}: {example:?}");
        assert_eq!(tree(tmp.path()), before, "{slug:?} wrote something");
    }
}

#[test]
fn new_persona_refuses_a_kind_the_guide_does_not_have() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let run = run(
        &wb,
        &[
            "new", "persona", "hf", "sara", "--name", "Sara", "--kind", "doctor",
        ],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("\"doctor\" is not a persona kind"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("patient, professional, family, carer"),
        "the message does not list the kinds: {}",
        run.stderr
    );
    assert!(!wb.join("populations/hf/personas/sara.md").exists());
}

#[test]
fn new_persona_refuses_a_population_that_does_not_exist() {
    let (_tmp, wb) = nested_workbook();
    let run = run(
        &wb,
        &[
            "new", "persona", "ms", "sara", "--name", "Sara", "--kind", "patient",
        ],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("there is no population `ms`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("covalue new population ms"),
        "{}",
        run.stderr
    );
    assert!(
        !wb.join("populations/ms").exists(),
        "the population was created"
    );
}

#[test]
fn new_population_never_overwrites_a_file() {
    let (_tmp, wb) = nested_workbook();
    let chain = wb.join("populations/hf/answers/chain.md");
    let ours = "# Our notes\r\n\r\nWritten by hand before `covalue new`.\r\n";
    write(&chain, ours);
    let run = run(&wb, &["new", "population", "hf", "--name", "Heart failure"]);
    run.assert_code(0);
    assert_eq!(std::fs::read(&chain).expect("read"), ours.as_bytes());
    assert!(
        run.stdout
            .contains("left alone   populations/hf/answers/chain.md (already there)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("created      populations/hf/answers/shop.md")
    );
}

#[test]
fn new_population_twice_changes_nothing() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let before = tree(&wb);
    let again = run(&wb, &["new", "population", "hf", "--name", "Other name"]);
    again.assert_code(0);
    assert_eq!(tree(&wb), before);
    assert!(!again.stdout.contains("created "), "{}", again.stdout);
}

#[test]
fn new_persona_never_overwrites_a_file() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let persona = wb.join("populations/hf/personas/sara.md");
    let ours = "---\nname: Sara\nkind: patient\ncomposite: true\n---\n\nOur own text.\n";
    write(&persona, ours);
    let run = run(
        &wb,
        &[
            "new", "persona", "hf", "sara", "--name", "Other", "--kind", "carer",
        ],
    );
    run.assert_code(0);
    assert_eq!(read(&persona), ours);
    assert!(
        run.stdout
            .contains("left alone   populations/hf/personas/sara.md (already there)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_freshly_scaffolded_population_is_open_not_broken() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf", "--name", "Heart failure"]).assert_code(0);
    run(
        &wb,
        &[
            "new",
            "persona",
            "hf",
            "sara",
            "--name",
            "Sara \"S\": Berg",
            "--kind",
            "patient",
        ],
    )
    .assert_code(0);
    // Open questions are progress, not problems: a fresh population passes,
    // and lists where to start.
    let (run, report) = check_json(&wb, &[]);
    run.assert_code(0);
    let found = findings(&report);
    assert!(!with_code(&found, "CV010").is_empty(), "{found:#?}");
    let broken: Vec<&Found> = found
        .iter()
        .filter(|f| {
            [
                "CV001", "CV002", "CV003", "CV004", "CV005", "CV006", "CV030",
            ]
            .contains(&f.code.as_str())
        })
        .collect();
    assert!(
        broken.is_empty(),
        "a scaffolded workbook is reported as broken: {broken:#?}"
    );
}

#[test]
fn scaffold_and_check_round_trip_leaves_every_question_open() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let guide = run(&wb, &["guide", "--form", "full", "--format", "json"]).json();
    let ids: Vec<String> = guide["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["questions"].as_array().expect("questions").iter())
        .map(|q| q["id"].as_str().expect("id").to_string())
        .collect();
    assert!(ids.len() > 30, "the guide has only {} questions", ids.len());

    let (_run, report) = check_json(&wb, &[]);
    let summary = &report["summary"][0];
    assert_eq!(summary["slug"], "hf");
    assert_eq!(summary["total"].as_u64(), Some(ids.len() as u64));
    assert_eq!(summary["open"], summary["total"], "{summary:#}");
    assert_eq!(summary["answered"], 0);
    for step in summary["steps"].as_array().expect("steps") {
        assert_eq!(step["open"], step["total"], "{step:#}");
    }
    let found = findings(&report);
    for id in &ids {
        let named = found
            .iter()
            .any(|f| f.code == "CV010" && f.message.contains(&format!("`{id}`")));
        assert!(named, "no CV010 names question {id}");
    }
}

#[test]
fn new_population_in_a_workbook_with_schemas_says_so_once() {
    let (_tmp, wb) = nested_workbook();
    let first = run(&wb, &["new", "population", "hf"]);
    first.assert_code(0);
    let schemas: Vec<&str> = first
        .stdout
        .lines()
        .filter(|l| l.contains("schemas"))
        .collect();
    assert_eq!(
        schemas,
        ["left alone   schemas/ (7 files already there)"],
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("created      populations/hf/population.toml"),
        "{}",
        first.stdout
    );
    // A file of the team's own that is left alone is still named.
    let again = run(&wb, &["new", "population", "hf"]);
    assert!(
        again
            .stdout
            .contains("left alone   populations/hf/population.toml (already there)"),
        "{}",
        again.stdout
    );
    assert_eq!(
        again.stdout.matches("schemas").count(),
        1,
        "{}",
        again.stdout
    );
}

/// Every question of the built-in guide (id, text).
fn guide_texts(dir: &Path) -> Vec<(String, String)> {
    let guide = run(dir, &["guide", "--format", "json"]).json();
    guide["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["questions"].as_array().cloned().unwrap_or_default())
        .map(|q| {
            (
                q["id"].as_str().expect("id").to_string(),
                normalise(q["text"].as_str().expect("text")),
            )
        })
        .collect()
}

/// The heading text (without `##` and `{#id}`) of each question in the
/// answer files of a population.
fn scaffolded_headings(population: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(population.join("answers")).expect("answers folder") {
        let text = read(&entry.expect("entry").path());
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("## ") else {
                continue;
            };
            let (heading, id) = rest.rsplit_once(" {#").expect("a heading with an id");
            out.push((id.trim_end_matches('}').to_string(), heading.to_string()));
        }
    }
    out
}

#[test]
fn scaffolded_headings_are_whole_questions_or_whole_first_sentences() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let questions = guide_texts(&wb);
    let headings = scaffolded_headings(&wb.join("populations/hf"));
    assert_eq!(headings.len(), questions.len(), "{headings:#?}");
    for (id, heading) in &headings {
        let (_, text) = questions
            .iter()
            .find(|(q, _)| q == id)
            .unwrap_or_else(|| panic!("{id} is not a question of the guide"));
        assert!(
            text.starts_with(heading.as_str()),
            "{id}: the heading is not the question's beginning: {heading}"
        );
        if heading == text {
            continue;
        }
        // Shortened: a whole sentence, ended where a sentence ends.
        let next = text[heading.len()..].chars().nth(1);
        assert!(
            text[heading.len()..].starts_with(' ') && next.is_some_and(char::is_uppercase),
            "{id}: the heading stops inside a sentence: {heading}"
        );
        assert!(
            heading.ends_with(['?', '.', '!', '’']),
            "{id}: the heading stops mid-sentence: {heading}"
        );
        for abbreviation in ["e.g.", "i.e.", "etc.", "vs.", "Dr."] {
            assert!(
                !heading.ends_with(abbreviation),
                "{id}: the heading ends inside \"{abbreviation}\": {heading}"
            );
        }
    }
    let payment = headings
        .iter()
        .find(|(id, _)| id == "population-payment")
        .map(|(_, h)| h.as_str());
    assert_eq!(
        payment,
        Some(
            "Are there any current ‘macro’ payment issues—e.g. soon-to-be-enacted reforms—that will bear on an understanding of this particular population in this local setting?"
        )
    );
}

#[test]
fn a_heading_that_lost_its_id_is_pointed_at_with_the_fix() {
    let (_tmp, wb) = nested_workbook();
    run(&wb, &["new", "population", "hf"]).assert_code(0);
    let file = wb.join("populations/hf/answers/preparation.md");
    let text = read(&file);
    let heading = "## What does the team hope to learn or change for this population by working through the guide?";
    let with_id = format!("{heading} {{#preparation-aim}}");
    assert!(text.contains(&with_id), "{text}");
    // Deleted in an editor, and an answer written under it.
    write(&file, text.replace(&with_id, &format!("{heading}  ")));
    let line = line_of(&file, "What does the team hope");
    let (_run, report) = check_json(&wb, &[]);
    let found = findings(&report);
    let rel = "populations/hf/answers/preparation.md";
    let at: Vec<&Found> = found
        .iter()
        .filter(|f| f.message.contains("preparation-aim"))
        .collect();
    assert_eq!(at.len(), 1, "{at:#?}");
    assert_eq!(at[0].code, "CV031");
    assert_eq!(
        (at[0].file.as_deref(), at[0].line, at[0].column),
        (Some(rel), Some(line), Some(1))
    );
    assert_eq!(
        at[0].help.as_deref(),
        Some(format!("did you mean `{with_id}`?").as_str())
    );
    assert!(
        !found.iter().any(|f| f.message.contains("have no heading")),
        "{found:#?}"
    );
    // A lost id is a problem, shown in full by a plain `covalue check`.
    let human = run(&wb, &["check"]);
    assert!(
        human.stdout.contains("warning[CV031]") && human.stdout.contains(&with_id),
        "{}",
        human.stdout
    );
    // The same with the heading shortened and its question mark gone.
    write(
        &file,
        text.replace(&with_id, "## What does the team hope to learn or change"),
    );
    let (_run, report) = check_json(&wb, &[]);
    let found = findings(&report);
    assert!(
        found.iter().any(|f| f.code == "CV031"
            && f.line == Some(line)
            && f.help.as_deref()
                == Some("did you mean `## What does the team hope to learn or change {#preparation-aim}`?")),
        "{found:#?}"
    );
}

// --- outside a workbook -----------------------------------------------------

#[test]
fn commands_outside_a_workbook_say_there_is_no_workbook_here() {
    let tmp = empty_dir();
    for args in [
        vec!["check"],
        vec!["new", "population", "hf"],
        vec![
            "new", "persona", "hf", "sara", "--name", "Sara", "--kind", "patient",
        ],
    ] {
        let run = run(tmp.path(), &args);
        run.assert_code(2);
        assert!(
            run.stderr.contains("no workbook here"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("covalue init"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    assert_eq!(tree(tmp.path()).len(), 0, "something was written");
}

#[test]
fn the_no_workbook_message_names_the_folder() {
    let tmp = empty_dir();
    let run = run(tmp.path(), &["check"]);
    insta::assert_snapshot!(redact(&run.stderr, tmp.path()), @r"
    error: no workbook here: there is no covalue.toml in [TEMP] or any folder above it
      help: run covalue inside a workbook, use `-C FOLDER`, or start one with `covalue init`
    ");
}

#[test]
fn dash_c_to_a_missing_folder_is_a_usage_error() {
    let tmp = empty_dir();
    for command in ["check", "guide", "init"] {
        let run = run(tmp.path(), &["-C", "no-such-folder", command]);
        run.assert_code(2);
        assert!(
            run.stderr.contains("no such folder"),
            "{command}: {}",
            run.stderr
        );
    }
    assert!(!tmp.path().join("no-such-folder").exists());
}

#[test]
fn dash_c_runs_in_the_named_folder() {
    let wb = example(COMPLETE);
    let (parent, name) = parent_and_name(wb.path());
    let run = run(parent, &["-C", &name, "check"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("check: no problems found"),
        "{}",
        run.stdout
    );
}

// --- guide ------------------------------------------------------------------

#[test]
fn guide_prints_the_built_in_guide_in_every_format() {
    let tmp = empty_dir();
    let text = run(tmp.path(), &["guide"]);
    text.assert_code(0);
    assert!(text.stdout.contains("Step 2 · Population and context"));
    assert!(text.stdout.contains("[short-people] published wording"));
    assert!(text.stdout.contains("draft prompt"));

    let md = run(tmp.path(), &["guide", "--format", "md"]);
    md.assert_code(0);
    assert!(md.stdout.starts_with("# "), "{}", md.stdout);
    assert!(md.stdout.contains("## Short form"));

    let json = run(tmp.path(), &["guide", "--format", "json"]);
    json.assert_code(0);
    let guide = json.json();
    let ids: Vec<&str> = guide["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 10, "{ids:?}");
    assert_eq!(ids[1], "population");
    assert_eq!(ids[9], "short-form");

    let toml = run(tmp.path(), &["guide", "--format", "toml"]);
    toml.assert_code(0);
    assert_eq!(
        toml.stdout,
        read(&manifest_dir().join("guide/co-value.toml")),
        "--format toml is not the built-in guide file"
    );
}

#[test]
fn guide_form_short_prints_only_the_short_form() {
    let tmp = empty_dir();
    let guide = run(
        tmp.path(),
        &["guide", "--form", "short", "--format", "json"],
    )
    .json();
    let sections = guide["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0]["id"], "short-form");
    assert_eq!(sections[0]["questions"].as_array().map(Vec::len), Some(6));
}

/// The complete example, answering a copy of the built-in guide kept in
/// `my-guide.toml`.
fn workbook_with_custom_guide() -> tempfile::TempDir {
    let wb = example(COMPLETE);
    let guide = run(wb.path(), &["guide", "--format", "toml"]);
    guide.assert_code(0);
    write(&wb.path().join("my-guide.toml"), &guide.stdout);
    let config = read(&wb.path().join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"my-guide.toml\"");
    write(&wb.path().join("covalue.toml"), config);
    wb
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} is not in {}", path.display());
    write(path, text.replacen(from, to, 1));
}

#[test]
fn a_copy_of_the_built_in_guide_works_as_a_custom_guide() {
    let wb = workbook_with_custom_guide();
    let run = run(wb.path(), &["check"]);
    run.assert_code(0);
    assert!(run.stdout.contains("no problems found"), "{}", run.stdout);
}

#[test]
fn a_custom_guide_with_a_syntax_error_is_reported_at_its_line() {
    let wb = workbook_with_custom_guide();
    let guide = wb.path().join("my-guide.toml");
    edit(
        &guide,
        "title = \"Population and context\"",
        "title = \"Population and context",
    );
    let line = line_of(&guide, "title = \"Population and context");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    assert!(
        has_at(&found, "CV040", "my-guide.toml", Some(line)),
        "no CV040 at my-guide.toml:{line}: {found:#?}"
    );
    let human = common::run(wb.path(), &["check"]);
    human.assert_code(1);
    assert!(
        human.stdout.contains(&format!("--> my-guide.toml:{line}:")),
        "{}",
        human.stdout
    );
}

#[test]
fn a_custom_guide_naming_an_unknown_source_is_reported_at_its_line() {
    let wb = workbook_with_custom_guide();
    let guide = wb.path().join("my-guide.toml");
    let text = read(&guide);
    let question = text
        .find("id = \"population-process\"")
        .expect("the question is in the guide");
    let at = question
        + text[question..]
            .find("source = \"oliver2021\"")
            .expect("its source");
    let line = text[..at].lines().count() as u64 + 1;
    write(
        &guide,
        format!(
            "{}source = \"nowhere\"{}",
            &text[..at],
            &text[at + "source = \"oliver2021\"".len()..]
        ),
    );
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    assert!(
        has_at(&found, "CV040", "my-guide.toml", Some(line)),
        "no CV040 at my-guide.toml:{line}: {found:#?}"
    );
    assert!(
        found.iter().any(|f| f.message.contains("`nowhere`")),
        "{found:#?}"
    );
}

#[test]
fn a_broken_custom_guide_as_a_facilitator_sees_it() {
    let wb = workbook_with_custom_guide();
    edit(
        &wb.path().join("my-guide.toml"),
        "title = \"Population and context\"",
        "title = \"Population and context",
    );
    // Started elsewhere, with -C: paths are shown in full.
    let elsewhere = empty_dir();
    let dir = wb.path().display().to_string();
    let run = run(elsewhere.path(), &["-C", &dir, "check"]);
    run.assert_code(1);
    insta::assert_snapshot!("broken_guide_human", redact(&run.stdout, wb.path()));
}

#[test]
fn guide_inside_a_workbook_with_a_broken_guide_reports_each_problem_once() {
    let wb = workbook_with_custom_guide();
    edit(
        &wb.path().join("my-guide.toml"),
        "title = \"Population and context\"",
        "title = \"Population and context",
    );
    let run = run(wb.path(), &["guide"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr.matches("error[CV040]").count(),
        1,
        "the problem is not reported exactly once:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("the workbook's guide cannot be used"));
}

// --- the published wording --------------------------------------------------

/// Step 2's six questions as published (Oliver, Forcino, Batalden 2021).
const STEP_2: [&str; 6] = [
    "Who are the people in this population? Both demographic descriptive data and a more detailed qualitative, representative, named ‘persona’ that helps bring the population ‘to life.’ Sometimes even more than a single persona is helpful, including a similar way of describing persons-sometimes-known-as-professionals.",
    "What is a ‘bird’s eye’ view of the process flow of service for them? Use 10–15 steps to describe the process, including notation of areas of currently active coproduction and areas that might reflect possible opportunities for improving the services.",
    "How is ‘value’ currently thought about in your system and population? Think from the perspective of the person-sometimes-known-as-patient. How is this measured? Sometimes the use of a ‘value-compass’ conceptual model can help elucidate the idea.",
    "Are there any already-identifiable ‘opportunity spaces’, ‘capabilities’, or ‘interest’ for coproduction in the ‘as is’ system? What are they? Where are they? Who gets access to the opportunity spaces?",
    "Are there any current ‘macro’ payment issues—e.g. soon-to-be-enacted reforms—that will bear on an understanding of this particular population in this local setting?",
    "Are there any special technologic or device-related issues that may ‘bear’ on the creation of current or future service for this population?",
];

/// The short form's six questions as published.
const SHORT_FORM: [&str; 6] = [
    "Who are the people in this population of patients and how do they interact with professionals?",
    "How do linked-processes (standardized) work to meet the needs of this population?",
    "What ‘custom’ work occurs to meet the particular needs of individual members of this population?",
    "How are networks of relevant people used to meet the emerging needs of this population?",
    "What systems outside of the usual specialized work systems are ‘accessed’ (obviating the need for local infrastructure investment) regularly to meet the needs of this population?",
    "How do leaders develop the full spectrum of system configurations and facilitate the ongoing match between ‘patient’ need and best system configuration to meet that need at best value?",
];

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The question texts of a section of `covalue guide --format json`.
fn guide_questions(section: &str) -> Vec<String> {
    let tmp = empty_dir();
    let guide = run(tmp.path(), &["guide", "--format", "json"]).json();
    let section = guide["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == section)
        .unwrap_or_else(|| panic!("the guide has no section {section}"))
        .clone();
    section["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| normalise(q["text"].as_str().expect("text")))
        .collect()
}

/// The numbered, quoted questions of a part of the paper: each line
/// `N. ‘…’` with its number and outer quotes taken off.
fn paper_questions(part: &str) -> Vec<String> {
    part.lines()
        .map(str::trim)
        .filter_map(|line| {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = line[digits..].strip_prefix(". ")?;
            if digits == 0 {
                return None;
            }
            let inner = rest.strip_prefix('‘')?;
            // The closing quote is the last ’ (a full stop may follow it).
            let close = inner.rfind('’')?;
            let text = format!("{}{}", &inner[..close], &inner[close + '’'.len_utf8()..]);
            Some(normalise(&text))
        })
        .collect()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("the excerpt no longer says {start:?}"));
    let rest = &text[from..];
    let to = rest
        .find(end)
        .unwrap_or_else(|| panic!("the excerpt no longer says {end:?}"));
    &rest[..to]
}

#[test]
fn published_questions_match_the_copy_kept_in_this_test() {
    let expected = |list: &[&str]| list.iter().map(|q| normalise(q)).collect::<Vec<_>>();
    assert_eq!(guide_questions("population"), expected(&STEP_2));
    assert_eq!(guide_questions("short-form"), expected(&SHORT_FORM));
}

/// The excerpt of the paper kept beside the tests, with its citation.
const EXCERPT: &str = "tests/data/oliver2021-questions.txt";

#[test]
fn published_questions_match_the_paper_word_for_word() {
    let text = read(&manifest_dir().join(EXCERPT));
    assert!(
        text.contains("Oliver BJ, Forcino RC, Batalden PB."),
        "{EXCERPT} lost its citation"
    );
    let step_2 = paper_questions(between(
        &text,
        "the section on Step 2",
        "briefer draft set of questions",
    ));
    let short = paper_questions(between(
        &text,
        "briefer draft set of questions",
        "Focus groups",
    ));
    assert_eq!(step_2.len(), 6, "{step_2:#?}");
    assert_eq!(short.len(), 6, "{short:#?}");
    assert_eq!(guide_questions("population"), step_2);
    assert_eq!(guide_questions("short-form"), short);
    // The copy kept in this test is the paper's wording too.
    let kept: Vec<String> = STEP_2
        .iter()
        .chain(&SHORT_FORM)
        .map(|q| normalise(q))
        .collect();
    let published = [step_2, short].concat();
    assert_eq!(kept, published);
    // Every question the guide says is the paper's wording is in the paper.
    let tmp = empty_dir();
    let guide = run(tmp.path(), &["guide", "--format", "json"]).json();
    let claimed: Vec<String> = guide["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["questions"].as_array().cloned().unwrap_or_default())
        .filter(|q| q["source"] == "oliver2021")
        .map(|q| normalise(q["text"].as_str().expect("text")))
        .collect();
    assert_eq!(claimed.len(), published.len(), "{claimed:#?}");
    for question in &claimed {
        assert!(
            published.contains(question),
            "marked oliver2021 but not in the paper: {question}"
        );
    }
}
