//! Fidelity to the published method: the team roster warning and the switch
//! that turns it off, the optional value compass, the guide's note that its
//! step titles are a reconstruction, its conventions labelled as such, and a
//! site guide written before these keys existed still loading.

mod common;

use std::path::Path;

use common::*;

const MS: &str = "populations/ms";

/// The built-in guide's text, for site guides made from it.
fn builtin_guide() -> String {
    read(&manifest_dir().join("guide/co-value.toml"))
}

/// Points the workbook at a site guide with this text.
fn use_site_guide(root: &Path, text: &str) {
    write(&root.join("guide/site.toml"), text);
    let config = read(&root.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"guide/site.toml\"");
    assert!(config.contains("guide/site.toml"), "{config}");
    write(&root.join("covalue.toml"), config);
}

/// Removes the patient partner from the example's team roster.
fn drop_partner(root: &Path) {
    let path = root.join(MS).join("population.toml");
    let text = read(&path);
    let without = text.replace("role = \"patient-partner\"", "role = \"clinical\"");
    assert_ne!(text, without, "the example has no patient partner to drop");
    write(&path, without);
}

// --- the team roster ---------------------------------------------------------

#[test]
fn the_complete_example_has_a_patient_partner_and_no_roster_warning() {
    let wb = example(COMPLETE);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        with_code(&findings(&report), "CV028").is_empty(),
        "{report:#}"
    );
}

#[test]
fn a_roster_without_a_patient_or_family_partner_is_warned_about() {
    let wb = example(COMPLETE);
    drop_partner(wb.path());
    let (run, report) = check_json(wb.path(), &[]);
    // A warning, not an error: the default --fail-on error still passes.
    run.assert_code(0);
    let found = findings(&report);
    let roster = with_code(&found, "CV028");
    assert_eq!(roster.len(), 1, "{found:#?}");
    assert_eq!(roster[0].severity, "warning");
    assert_eq!(
        roster[0].file.as_deref(),
        Some("populations/ms/population.toml")
    );
    assert!(roster[0].message.contains("no patient or family partner"));
    assert!(
        roster[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("role = \"patient-partner\"")),
        "{:?}",
        roster[0].help
    );
    // With --fail-on warning it fails.
    run_fail_on_warning(wb.path());
}

fn run_fail_on_warning(dir: &Path) {
    run(dir, &["check", "--fail-on", "warning"]).assert_code(1);
}

#[test]
fn the_half_done_example_is_warned_that_it_has_no_partner_yet() {
    let wb = example(HALF_DONE);
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    assert_eq!(with_code(&found, "CV028").len(), 1);
    // Its 8-step map is measured against the published guidance, quoted.
    let steps = with_code(&found, "CV012");
    assert_eq!(steps.len(), 1, "{found:#?}");
    assert!(
        steps[0]
            .message
            .ends_with("the published guide says \"Use 10–15 steps to describe the process\""),
        "{}",
        steps[0].message
    );
}

#[test]
fn a_population_with_no_roster_at_all_is_not_warned_about() {
    let wb = example(COMPLETE);
    let path = wb.path().join(MS).join("population.toml");
    let text = read(&path);
    let cut = text.find("[[team]]").expect("the example has a roster");
    write(&path, &text[..cut]);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        with_code(&findings(&report), "CV028").is_empty(),
        "{report:#}"
    );
}

#[test]
fn a_site_guide_can_switch_the_roster_warning_off() {
    let wb = example(COMPLETE);
    drop_partner(wb.path());
    let guide = builtin_guide().replace("require_partner = true", "require_partner = false");
    assert!(guide.contains("require_partner = false"));
    use_site_guide(wb.path(), &guide);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        with_code(&findings(&report), "CV028").is_empty(),
        "{report:#}"
    );
}

// --- the value compass is optional ------------------------------------------

#[test]
fn a_missing_value_compass_is_a_note_and_the_question_is_answered_in_words() {
    let wb = example(COMPLETE);
    std::fs::remove_file(wb.path().join(MS).join("value-compass.toml")).expect("remove compass");
    // A team without a compass has no measures for its register to name.
    std::fs::remove_file(wb.path().join(MS).join("improvements.toml")).expect("remove register");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    let note = with_code(&found, "CV029");
    assert_eq!(note.len(), 1, "{found:#?}");
    assert_eq!(note[0].severity, "info");
    assert!(note[0].message.contains("can sometimes help"));
    // population-value is answered in words, so nothing is open.
    assert!(with_code(&found, "CV010").is_empty(), "{found:#?}");
    assert_eq!(report["summary"][0]["open"], 0, "{report:#}");
}

#[test]
fn a_value_compass_without_words_leaves_the_question_open() {
    let wb = example(COMPLETE);
    let answers = wb.path().join(MS).join("answers/population.md");
    let text = read(&answers);
    let start = text.find("{#population-value}").expect("heading");
    let end = text.find("## Are there any already").expect("next heading");
    let line_end = start + text[start..].find('\n').expect("end of heading");
    write(
        &answers,
        format!("{}\n\n{}", &text[..line_end], &text[end..]),
    );
    // An open question is progress, not a problem: only the findings are asserted.
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let open = with_code(&found, "CV010");
    assert_eq!(open.len(), 1, "{found:#?}");
    assert!(open[0].message.contains("population-value"));
    assert!(
        open[0].message.contains("not answered yet"),
        "{}",
        open[0].message
    );
    // The compass is there, so no note about it.
    assert!(with_code(&found, "CV029").is_empty());
}

#[test]
fn compass_limits_are_labelled_as_this_guides_conventions() {
    let wb = example(COMPLETE);
    let compass = wb.path().join(MS).join("value-compass.toml");
    let text = read(&compass);
    // Keep the first two measures only, both functional.
    let third = text
        .match_indices("[[measure]]")
        .nth(2)
        .map(|(i, _)| i)
        .expect("three measures");
    write(&compass, &text[..third]);
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let few = with_code(&found, "CV025");
    assert_eq!(few.len(), 1, "{found:#?}");
    assert!(
        few[0]
            .message
            .contains("this guide's convention is 4 to 12"),
        "{}",
        few[0].message
    );
    let quadrants = with_code(&found, "CV024");
    assert_eq!(quadrants.len(), 3, "{found:#?}");
    assert!(
        quadrants
            .iter()
            .all(|f| f.message.contains("this guide's convention"))
    );
}

#[test]
fn a_site_guide_can_drop_the_one_measure_per_quadrant_convention() {
    let wb = example(COMPLETE);
    let compass = wb.path().join(MS).join("value-compass.toml");
    let text = read(&compass);
    let fifth = text
        .match_indices("[[measure]]")
        .nth(4)
        .map(|(i, _)| i)
        .expect("five measures");
    // Functional and clinical measures only: two quadrants left empty.
    write(&compass, &text[..fifth]);
    let guide = builtin_guide().replace(
        "compass_per_quadrant = { min = 1, source = \"convention\" }",
        "compass_per_quadrant = { min = 0 }",
    );
    assert!(guide.contains("compass_per_quadrant = { min = 0 }"));
    use_site_guide(wb.path(), &guide);
    let (_run, report) = check_json(wb.path(), &[]);
    assert!(
        with_code(&findings(&report), "CV024").is_empty(),
        "{report:#}"
    );
}

// --- guides written before these keys ---------------------------------------

/// The built-in guide without the keys added for fidelity to the method.
fn guide_without_new_keys() -> String {
    let mut text = builtin_guide();
    for (from, to) in [
        (
            ", source = \"oliver2021\", quote = \"Use 10–15 steps to describe the process\" }",
            " }",
        ),
        (", source = \"convention\" }", " }"),
        ("compass_per_quadrant = { min = 1 }\n", ""),
        ("[team]\nrequire_partner = true\n", ""),
        ("record_optional = true\n", ""),
    ] {
        assert!(text.contains(from), "{from:?}");
        text = text.replace(from, to);
    }
    let note = text.find("steps_note = \"\"\"").expect("steps_note");
    let end = note + text[note..].find("\"\"\"\n\n").expect("end of note") + 5;
    text.replace_range(note..end, "");
    text
}

#[test]
fn a_site_guide_without_the_new_keys_still_loads_with_the_old_rules() {
    let wb = example(COMPLETE);
    use_site_guide(wb.path(), &guide_without_new_keys());
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        findings(&report).iter().all(|f| f.code != "CV040"),
        "{report:#}"
    );
    // Without record_optional, the compass answers population-value again.
    std::fs::remove_file(wb.path().join(MS).join("value-compass.toml")).expect("remove compass");
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    assert!(
        with_code(&found, "CV010")
            .iter()
            .any(|f| f.message.contains("population-value")),
        "{found:#?}"
    );
    assert!(with_code(&found, "CV029").is_empty());
    // The partner warning is on by default.
    drop_partner(wb.path());
    let (_run, report) = check_json(wb.path(), &[]);
    assert_eq!(with_code(&findings(&report), "CV028").len(), 1);
}

#[test]
fn a_limit_naming_an_unknown_source_is_a_guide_error() {
    let wb = example(COMPLETE);
    let guide = builtin_guide().replace(
        "compass_measures = { min = 4, max = 12, source = \"convention\" }",
        "compass_measures = { min = 4, max = 12, source = \"custom\" }",
    );
    use_site_guide(wb.path(), &guide);
    let run = run(wb.path(), &["check"]);
    assert_ne!(run.code, Some(0), "an unusable guide fails the check");
    assert!(
        run.stdout
            .contains("error[CV040]: guide: limits.compass_measures names the source `custom`"),
        "{}",
        run.stdout
    );
}

// --- what `covalue guide` prints --------------------------------------------

#[test]
fn the_guide_says_its_step_titles_are_a_reconstruction() {
    let dir = empty_dir();
    for format in ["text", "md"] {
        let run = run(dir.path(), &["guide", "--format", format]);
        run.assert_code(0);
        assert!(
            run.stdout
                .contains("The titles and order of the nine steps are this guide's reconstruction"),
            "{format}: {}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("process map: 10 to 15 steps (published: oliver2021)")
        );
        assert!(
            run.stdout
                .contains("4 to 12 measures (this guide's convention; a site guide may change it)")
        );
        assert!(
            run.stdout.contains("BMJ Open 2020;10:e037578"),
            "the protocol is cited"
        );
    }
    let json = run(dir.path(), &["guide", "--format", "json"]).json();
    assert!(
        json["steps_note"]
            .as_str()
            .is_some_and(|n| n.contains("reconstruction")),
        "{json:#}"
    );
    // The short form is published word for word: no note about the steps.
    let short = run(dir.path(), &["guide", "--form", "short"]);
    short.assert_code(0);
    assert!(!short.stdout.contains("reconstruction"), "{}", short.stdout);
}

// --- the wording of the built-in guide ----------------------------------------

#[test]
fn no_active_coproduction_never_says_care_is_done_to_the_person() {
    // What `covalue guide --format toml` prints, to start a site guide from.
    let dir = empty_dir();
    let printed = run(dir.path(), &["guide", "--format", "toml"]);
    printed.assert_code(0);
    assert_eq!(printed.stdout, builtin_guide());
    let guide = printed.stdout;
    let none = guide
        .split("[[coproduction_level]]")
        .nth(1)
        .expect("the first level");
    assert!(none.contains("id = \"none\""));
    assert!(none.contains("title = \"No active coproduction\""));
    assert!(!none.contains("done for or to"), "{none}");
    assert!(!none.contains("done to"), "{none}");
}

#[test]
fn every_walk_through_asks_under_what_conditions() {
    let guide = builtin_guide();
    let walkthroughs: Vec<&str> = guide
        .split("[[step.question]]")
        .filter(|q| q.contains("kind = \"walkthrough\""))
        .collect();
    assert_eq!(walkthroughs.len(), 4);
    for q in walkthroughs {
        assert!(q.contains("under what conditions"), "{q}");
    }
}

#[test]
fn step_two_names_the_community_of_practice_for_its_title() {
    let guide = builtin_guide();
    let step2 = guide
        .split("[[step]]")
        .find(|s| s.contains("id = \"population\"\nnumber = 2"))
        .expect("step 2");
    assert!(step2.contains("source = \"icohn-cop\""), "{step2}");
}

#[test]
fn guide_as_toml_prints_the_site_guide_from_a_subfolder_and_with_c() {
    let tmp = example(COMPLETE);
    let root = tmp.path();
    let site = builtin_guide().replacen("version = \"", "version = \"site-", 1);
    use_site_guide(root, &site);
    let inner = root.join("populations/ms/answers");
    for (dir, args) in [
        (inner.as_path(), vec!["guide", "--format", "toml"]),
        (
            root.parent().expect("parent"),
            vec!["-C", "", "guide", "--format", "toml"],
        ),
    ] {
        let mut args: Vec<String> = args.into_iter().map(str::to_string).collect();
        if let Some(c) = args.iter().position(|a| a.is_empty()) {
            args[c] = root.display().to_string();
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(dir, &args);
        out.assert_code(0);
        assert!(
            out.stdout.contains("version = \"site-"),
            "the site's guide, not the built-in one:\n{}",
            &out.stdout[..out.stdout.len().min(400)]
        );
    }
}
