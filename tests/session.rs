//! The session cycle: `covalue session new` writes the next session's
//! record, `check` checks session records, and `covalue import` puts
//! typed-up paper notes back into the answer files by question id.

mod common;

use std::fs;
use std::path::Path;

use common::{check_json, example, findings, git, has_at, run, with_code};

const POP: &str = "populations/heart-failure";

/// The Harbour example in a fresh repository, committed.
fn repo() -> tempfile::TempDir {
    let tmp = example("harbour-heart-failure");
    let home = tmp.path().join(".home");
    fs::create_dir_all(&home).unwrap();
    git(&home, tmp.path(), &["init", "-q"]);
    git(
        &home,
        tmp.path(),
        &["add", "-A", "--", ".", ":(exclude).home"],
    );
    git(&home, tmp.path(), &["commit", "-q", "-m", "session 1"]);
    tmp
}

fn home(dir: &Path) -> std::path::PathBuf {
    dir.join(".home")
}

#[test]
fn a_new_session_proposes_open_steps_records_the_commit_and_is_never_replaced() {
    let tmp = repo();
    let dir = tmp.path();
    let head = git(&home(dir), dir, &["rev-parse", "HEAD"]);
    let out = run(dir, &["session", "new", "--date", "2026-12-03"]);
    out.assert_code(0);
    // What matters first: Harbour's overdue deferral (Step 1), then the step
    // with problems (Step 2), before the open questions of Steps 3 and 4.
    let file = dir.join("sessions/2026-12-03-preparation.toml");
    let text = fs::read_to_string(&file).expect("the record is written");
    assert!(text.contains("date = 2026-12-03"), "{text}");
    assert!(
        text.contains("focus = [\"preparation\", \"population\"]"),
        "{text}"
    );
    assert!(
        text.contains(&format!("revision = \"{}\"", head.trim())),
        "{text}"
    );
    assert!(text.starts_with("#:schema ../schemas/session.schema.json"));
    assert!(dir.join("schemas/session.schema.json").is_file());
    // The new record passes the check.
    let (_, report) = check_json(dir, &[]);
    let found = findings(&report);
    assert!(
        found
            .iter()
            .all(|f| !f.file.as_deref().unwrap_or("").starts_with("sessions/")),
        "{found:?}"
    );
    // Never replaced: a second run stops with exit 2 and leaves the file alone.
    fs::write(&file, "date = 2026-12-03\n# edited by the team\n").unwrap();
    let again = run(dir, &["session", "new", "--date", "2026-12-03"]);
    again.assert_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "date = 2026-12-03\n# edited by the team\n"
    );
    // A step the guide does not have: exit 2, with the closest one.
    let typo = run(dir, &["session", "new", "--focus", "acess"]);
    typo.assert_code(2);
    assert!(
        typo.stderr.contains("did you mean `access`"),
        "{}",
        typo.stderr
    );
}

#[test]
fn check_reports_sessions_that_name_what_does_not_exist_overdue_actions_and_no_partner() {
    let tmp = example("harbour-heart-failure");
    let dir = tmp.path();
    fs::create_dir_all(dir.join("sessions")).unwrap();
    fs::write(
        dir.join("sessions/2026-11-05-population.toml"),
        r#"date = 2026-11-05
populations = ["heart-failur"]
focus = ["population", "acess"]
decisions = ["Start a nurse phone line"]

[[attendees]]
name = "Ines"
role = "facilitator"

[[attendees]]
name = "Dr B"
role = "clinical"

[[actions]]
what = "Ask finance for the cost per admission"
owner = "Ola"
due = 2026-01-10

[[actions]]
what = "Book the room"
due = 2026-01-01
done = true
"#,
    )
    .unwrap();
    let (run, report) = check_json(dir, &[]);
    let found = findings(&report);
    let file = "sessions/2026-11-05-population.toml";
    assert!(has_at(&found, "CV032", file, Some(2)), "{found:?}");
    assert!(has_at(&found, "CV032", file, Some(3)), "{found:?}");
    assert!(has_at(&found, "CV034", file, Some(6)), "{found:?}");
    // One action is past due and not done; the one done is not reported.
    let overdue = with_code(&found, "CV033");
    assert_eq!(overdue.len(), 1, "{found:?}");
    assert!(overdue[0].message.contains("Ask finance"));
    // Unknown names are errors: the check fails.
    run.assert_code(1);
    // With the names right and a partner there, only the overdue action is
    // left, and it is progress: the check passes at the default level.
    let fixed = fs::read_to_string(dir.join(file))
        .unwrap()
        .replace("heart-failur\"", "heart-failure\"")
        .replace("\"acess\"", "\"access\"")
        .replace("role = \"clinical\"", "role = \"patient-partner\"");
    fs::write(dir.join(file), fixed).unwrap();
    let (run, report) = check_json(dir, &[]);
    let found = findings(&report);
    assert!(
        found.iter().all(|f| f.code != "CV032" && f.code != "CV034"),
        "{found:?}"
    );
    assert_eq!(with_code(&found, "CV033").len(), 1);
    drop(run);
    let overdue = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "CV033")
        .unwrap();
    assert_eq!(overdue["kind"], "progress", "{overdue}");
    // People see it too, with its place, without --open.
    let human = common::run(dir, &["check"]);
    assert!(
        human
            .stdout
            .contains(&format!("{file}:14: the action \"Ask finance")),
        "{}",
        human.stdout
    );
}

#[test]
fn notes_go_back_by_id_answered_ones_are_left_alone_and_unknown_ids_stop_everything() {
    let tmp = repo();
    let dir = tmp.path();
    let short = dir.join(POP).join("answers/short-form.md");
    let short_before = fs::read(&short).unwrap();
    let notes = "# Notes, 3 December\n\n\
## How is the chain coproduced? {#chain-coproduction}\n\n\
Patients weigh themselves daily and call the nurse line when weight rises.\n\n\
## {#access-systems}\n\nPrimary care, pharmacies and home care.\n\n\
### Who connects them\n\nThe district nurse.\n\n\
## {#interdependence-links}\n\nThe nurse line links the chain and the shop.\n\n\
## Who are the people? {#short-people}\n\nA new text that must not replace the old one.\n";
    fs::write(dir.join("notes.md"), notes).unwrap();

    // An unknown id: exit 2, the closest id named, nothing written.
    fs::write(
        dir.join("bad.md"),
        format!("{notes}\n## Typo {{#chain-coprodution}}\n\nx\n"),
    )
    .unwrap();
    let before = common::tree(&dir.join("populations"));
    let bad = run(dir, &["import", "bad.md"]);
    bad.assert_code(2);
    assert!(
        bad.stderr.contains("{#chain-coproduction}"),
        "{}",
        bad.stderr
    );
    assert_eq!(common::tree(&dir.join("populations")), before);

    // --dry-run writes nothing either.
    let dry = run(dir, &["import", "notes.md", "--dry-run"]);
    dry.assert_code(1);
    assert_eq!(common::tree(&dir.join("populations")), before);

    let open_questions =
        |report: &serde_json::Value| report["summary"][0]["open"].as_u64().unwrap();
    let (_, report) = check_json(dir, &[]);
    let open_before = open_questions(&report);

    // The import: three answers in, the answered one left out (exit 1).
    let out = run(dir, &["import", "notes.md"]);
    out.assert_code(1);
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("--replace"), "{said}");
    assert_eq!(
        fs::read(&short).unwrap(),
        short_before,
        "an answered question was changed"
    );
    let chain = fs::read_to_string(dir.join(POP).join("answers/chain.md")).unwrap();
    assert!(chain.contains("call the nurse line when weight rises"));
    // access.md did not exist: it is started from the guide, then filled.
    let access = fs::read_to_string(dir.join(POP).join("answers/access.md")).unwrap();
    assert!(access.starts_with("# Step 6"), "{access}");
    assert!(access.contains("{#access-walkthrough}"));
    assert!(access.contains("### Who connects them\n\nThe district nurse."));

    // check sees the three answers; diff reports them.
    let (_, report) = check_json(dir, &["--open"]);
    assert_eq!(open_questions(&report), open_before - 3);
    for id in [
        "chain-coproduction",
        "access-systems",
        "interdependence-links",
    ] {
        assert!(
            !findings(&report)
                .iter()
                .any(|f| f.code == "CV010" && f.message.contains(&format!("`{id}`"))),
            "{id} is still open"
        );
    }
    let diff = run(dir, &["diff", "--format", "json"]);
    diff.assert_code(1);
    let changed = diff.stdout.matches("\"question\"").count();
    assert!(changed >= 3, "{}", diff.stdout);

    // With --replace the answered one is replaced; a second import changes nothing.
    run(dir, &["import", "notes.md", "--replace"]).assert_code(0);
    assert!(
        fs::read_to_string(&short)
            .unwrap()
            .contains("A new text that must not")
    );
    let settled = common::tree(&dir.join("populations"));
    run(dir, &["import", "notes.md"]).assert_code(0);
    assert_eq!(common::tree(&dir.join("populations")), settled);
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_whole_cycle_pack_import_commit_and_the_next_pack_shows_what_changed() {
    let tmp = repo();
    let dir = tmp.path();
    let h = home(dir);
    run(
        dir,
        &[
            "session",
            "new",
            "--date",
            "2026-11-20",
            "--focus",
            "chain",
            "--focus",
            "access",
        ],
    )
    .assert_code(0);
    git(&h, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&h, dir, &["commit", "-q", "-m", "prepare session 2"]);

    // The pack of session 2: one HTML page, no script, the agenda and the
    // open items of the steps in focus, worksheets with ids, attendance.
    run(dir, &["session", "pack", "2026-11-20-chain"]).assert_code(0);
    let html = fs::read_to_string(dir.join("out/session-2026-11-20-chain.html")).unwrap();
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("Content-Security-Policy"));
    for text in [
        "Agenda",
        "Step 3 · Value chain",
        "Step 6 · Access",
        "Open items",
        "{#access-systems}",
        "Owner <span class=\"blank-line\">",
        "Attendance",
    ] {
        assert!(html.contains(text), "the pack lacks {text}");
    }

    // Session 2's notes, typed up, go back in.
    fs::write(
        dir.join("sessions/2026-11-20-chain.md"),
        "## {#chain-coproduction}\n\nPatients weigh themselves daily and call the nurse line.\n\n\
## {#access-systems}\n\nPrimary care and community pharmacies.\n\n\
## {#access-dependence}\n\nWithout home care, people come back to hospital.\n",
    )
    .unwrap();
    run(dir, &["import", "sessions/2026-11-20-chain.md"]).assert_code(0);
    git(&h, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&h, dir, &["commit", "-q", "-m", "session 2"]);

    // The next session's pack shows those answers under what changed.
    run(
        dir,
        &["session", "new", "--date", "2026-12-18", "--focus", "shop"],
    )
    .assert_code(0);
    run(dir, &["session", "pack", "--format", "md"]).assert_code(0);
    let md = fs::read_to_string(dir.join("out/session-2026-12-18-shop.md")).unwrap();
    let changes = md
        .split("## What changed since the last session")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or("");
    assert!(
        changes.contains("Since the last session (2026-11-20, commit "),
        "{changes}"
    );
    for answer in [
        "call the nurse line",
        "community pharmacies",
        "come back to hospital",
    ] {
        assert!(
            changes.contains(answer),
            "what changed lacks {answer}:\n{changes}"
        );
    }

    // And it prints in a real browser.
    let Some(_) = common::print_browser() else {
        return;
    };
    run(dir, &["session", "pack", "--pdf"]).assert_code(0);
    let text = pdf_text(&dir.join("out/session-2026-12-18-shop.pdf"));
    assert!(
        text.contains("What changed since the last session"),
        "{text}"
    );
    assert!(text.contains("{#shop-problems}"), "{text}");
    assert!(text.contains("call the nurse line"), "{text}");
}

#[test]
fn a_pack_of_hostile_text_runs_no_script_and_loads_nothing() {
    let tmp = example("harbour-heart-failure");
    let dir = tmp.path();
    fs::create_dir_all(dir.join("sessions")).unwrap();
    fs::write(
        dir.join("sessions/2026-12-01-chain.toml"),
        r#"date = 2026-12-01
title = "<script>alert(1)</script>"
facilitator = "<img src=x onerror=alert(1)>"
focus = ["chain"]
decisions = []

[[attendees]]
name = "</td><script>alert(2)</script>"
role = "patient-partner"

[[actions]]
what = "<iframe src='https://example.com'></iframe>"
due = 2026-01-01
"#,
    )
    .unwrap();
    fs::write(
        dir.join("sessions/2026-12-09-shop.toml"),
        "date = 2026-12-09\nfocus = [\"shop\"]\n",
    )
    .unwrap();
    let answers = dir.join(POP).join("answers/chain.md");
    let text = fs::read_to_string(&answers).unwrap().replace(
        "{#chain-measures}\n",
        "{#chain-measures}\n\n<script>alert(3)</script> [x](javascript:alert(4)) ![y](https://example.com/t.png)\n",
    );
    fs::write(&answers, text).unwrap();
    for session in ["2026-12-01-chain", "2026-12-09-shop"] {
        run(dir, &["session", "pack", session]).assert_code(0);
        let html = fs::read_to_string(dir.join(format!("out/session-{session}.html"))).unwrap();
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "<img",
            "<iframe",
            "href=\"javascript",
            "src=\"http",
            "src='http",
        ] {
            assert!(!lower.contains(bad), "{session}: the pack contains {bad}");
        }
    }
}

#[test]
fn a_pack_has_page_setup_footers_page_numbers_and_sets_hebrew_right_to_left() {
    let tmp = repo();
    let dir = tmp.path();
    let h = home(dir);
    let config = fs::read_to_string(dir.join("covalue.toml")).unwrap();
    let config = config.replace(
        "title = \"Heart failure care at Harbour Community Health\"",
        "title = \"טיפול באי ספיקת לב במרכז הבריאות\"",
    );
    let config = config.replace(
        "organisation = \"Harbour Community Health\"",
        "organisation = \"מרכז הבריאות נמל\"",
    );
    fs::write(dir.join("covalue.toml"), config).unwrap();
    run(
        dir,
        &["session", "new", "--date", "2026-11-02", "--focus", "chain"],
    )
    .assert_code(0);
    git(&h, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&h, dir, &["commit", "-q", "-m", "session 2"]);
    fs::write(
        dir.join("notes.md"),
        "## {#chain-coproduction}\n\n- **בית המרקחת** מביא *תרופות* הביתה.\n",
    )
    .unwrap();
    run(dir, &["import", "notes.md"]).assert_code(0);
    git(&h, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&h, dir, &["commit", "-q", "-m", "notes"]);
    run(
        dir,
        &["session", "new", "--date", "2026-12-18", "--focus", "shop"],
    )
    .assert_code(0);

    run(
        dir,
        &["session", "pack", "--paper", "letter", "--large-print"],
    )
    .assert_code(0);
    let html = fs::read_to_string(dir.join("out/session-2026-12-18-shop.html")).unwrap();
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("size: letter;"));
    assert!(html.contains("large-print"));
    assert!(html.contains("<main>"));
    assert!(html.contains("\"page \" counter(page) \" of \" counter(pages)"));
    assert!(page_text(&html).contains("Since the last session (2026-11-02, commit "));
    let changes = html.split("class=\"changes\"").nth(1).unwrap_or("");
    assert!(changes.contains("בית המרקחת מביא תרופות"), "{changes}");
    assert!(!html.contains("**"), "raw Markdown in the pack");
    let full = git(&h, dir, &["rev-parse", "HEAD~1"]);
    assert!(
        !html.contains(full.trim()),
        "the pack prints a whole commit id"
    );

    let Some(_) = common::print_browser() else {
        return;
    };
    run(dir, &["session", "pack", "--pdf"]).assert_code(0);
    let text = pdf_text(&dir.join("out/session-2026-12-18-shop.pdf"));
    assert!(text.contains("page 1 of "), "{text}");
    assert!(text.contains("session 2026-12-18"), "{text}");
}

/// The text of an HTML page without its tags, its spaces run together.
fn page_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_pack_for_steps_1_and_2_holds_the_population_personas_map_and_every_finding_of_its_steps() {
    let tmp = repo();
    let dir = tmp.path();
    run(
        dir,
        &[
            "session",
            "new",
            "--date",
            "2026-12-03",
            "--focus",
            "preparation",
            "--focus",
            "population",
        ],
    )
    .assert_code(0);
    run(dir, &["session", "pack", "2026-12-03-preparation"]).assert_code(0);
    let html = fs::read_to_string(dir.join("out/session-2026-12-03-preparation.html")).unwrap();
    let text = page_text(&html);
    let part = |from: &str, to: &str| -> String {
        let start = html
            .find(from)
            .unwrap_or_else(|| panic!("the pack lacks {from}"));
        let rest = &html[start..];
        page_text(&rest[..rest.find(to).unwrap_or(rest.len())])
    };
    // The population's figures and team, the personas as cards, the map
    // as a picture and a table.
    let answers = part("class=\"answers\"", "class=\"measures\"");
    for shown in [
        "Adults living with heart failure",
        "The team",
        "Dolores",
        "Markus",
        "The steps of the process map",
    ] {
        assert!(answers.contains(shown), "current answers lack {shown:?}");
    }
    assert!(html.contains("class=\"card\""), "no persona card");
    assert!(html.contains("<svg"), "no picture of the process map");
    // Open items: the deferral is in its step, and so is every problem and
    // piece of progress `check` reports for Step 2 (an 8-step map, CV012).
    let open = part("class=\"open\"", "class=\"answers\"");
    assert!(open.contains("Deferred"), "{open}");
    assert!(open.contains("{#population-payment}"), "{open}");
    assert!(
        open.contains("the process map has 8 steps"),
        "CV012 is not among the open items: {open}"
    );
    assert!(
        !open.contains("Nothing open in this step"),
        "a deferred step says nothing is open: {open}"
    );
    let (_, report) = check_json(dir, &[]);
    for f in findings(&report) {
        let in_step_2 = f.file.as_deref().is_some_and(|file| {
            file.ends_with("process-map.toml")
                || file.ends_with("value-compass.toml")
                || file.contains("/personas/")
        });
        if in_step_2 {
            // In check's words, without a terminal's code marks.
            assert!(
                open.contains(&f.message.replace('`', "")),
                "the open items lack {:?} ({})",
                f.message,
                f.code
            );
        }
    }
    // The first pack spends no page on "nothing has changed".
    assert!(!html.contains("class=\"changes\""), "a page of no changes");
    assert!(
        text.contains(
            "This is the team's first session: there is nothing earlier to compare with."
        ),
        "{text}"
    );
    assert!(!text.contains("Nothing has changed since then."), "{text}");
    assert!(
        !text.contains("this session's record was made at"),
        "{text}"
    );
    // Worksheets: blank persona cards and a blank map table; ids in the margin.
    let sheets = part("class=\"worksheets\"", "class=\"attendance\"");
    assert!(sheets.contains("Segment of the population"), "{sheets}");
    assert!(sheets.contains("Mark an opportunity with ★"), "{sheets}");
    assert!(html.contains("<span class=\"margin-id\">{#preparation-aim}</span>"));
    // No file names or TOML on paper.
    for file in [
        "population.toml",
        "process-map.toml",
        "[[team]]",
        "docs/guide.md",
    ] {
        assert!(!text.contains(file), "the pack names {file}");
    }
}

#[test]
fn a_walk_through_filled_in_on_the_worksheet_goes_back_under_each_persona() {
    let tmp = repo();
    let dir = tmp.path();
    run(
        dir,
        &["session", "new", "--date", "2026-12-03", "--focus", "chain"],
    )
    .assert_code(0);
    // The printed worksheet gives each persona a slot under its name.
    run(dir, &["session", "pack"]).assert_code(0);
    let html = fs::read_to_string(dir.join("out/session-2026-12-03-chain.html")).unwrap();
    let sheets = html.split("class=\"worksheets\"").nth(1).unwrap_or("");
    for slot in ["{#dolores}</span>Dolores", "{#markus}</span>Markus"] {
        assert!(sheets.contains(slot), "no worksheet slot {slot}");
    }
    // Its Markdown worksheets, filled in as the note-taker types them up.
    run(
        dir,
        &["session", "pack", "--format", "md", "-o", "out/pack.md"],
    )
    .assert_code(0);
    let md = fs::read_to_string(dir.join("out/pack.md")).unwrap();
    let sheet = md
        .split("## Worksheets")
        .nth(1)
        .and_then(|s| s.split("\n## Attendance").next())
        .expect("the pack's worksheets");
    assert!(sheet.contains("##### Dolores {#dolores}"), "{sheet}");
    let notes = sheet
        .replace(
            "##### Dolores {#dolores}\n",
            "##### Dolores {#dolores}\n\nDolores would rather phone in her weight than come in.\n",
        )
        .replace(
            "{#chain-coproduction}\n",
            "{#chain-coproduction}\n\nPeople could book their own blood tests.\n",
        );
    fs::write(dir.join("sessions/2026-12-03-chain.md"), notes).unwrap();
    run(dir, &["import", "sessions/2026-12-03-chain.md"]).assert_code(0);
    let chain = fs::read_to_string(dir.join(POP).join("answers/chain.md")).unwrap();
    let dolores = chain
        .split("{#dolores}")
        .nth(1)
        .expect("Dolores's part of the walk-through");
    assert!(
        dolores
            .split("\n## ")
            .next()
            .unwrap_or("")
            .contains("phone in her weight"),
        "{chain}"
    );
    assert!(chain.contains("book their own blood tests"), "{chain}");
    // Dolores is walked through the chain now.
    let (_, report) = check_json(dir, &[]);
    assert!(
        !findings(&report)
            .iter()
            .any(|f| f.message.contains("dolores missing")),
        "{report}"
    );
}

#[test]
fn an_attendee_uncommented_in_a_new_record_keeps_the_decisions_and_the_pack_knows_earlier_sessions()
{
    let tmp = repo();
    let dir = tmp.path();
    run(dir, &["session", "new", "--date", "2026-12-03"]).assert_code(0);
    let file = dir.join("sessions/2026-12-03-preparation.toml");
    let text = fs::read_to_string(&file).unwrap();
    // What a team does with the record: uncomment an attendee, type a decision.
    let filled = text
        .replace(
            "# [[attendees]]\n# name = \"\"\n# role = \"patient-partner\"",
            "[[attendees]]\nname = \"Rosa\"\nrole = \"patient-partner\"",
        )
        .replace(
            "decisions = []",
            "decisions = [\"Call the partners before each session\"]",
        );
    assert_ne!(
        filled, text,
        "the record has an attendee block to uncomment"
    );
    fs::write(&file, &filled).unwrap();
    let (_, report) = check_json(dir, &[]);
    let in_record: Vec<_> = findings(&report)
        .into_iter()
        .filter(|f| f.file.as_deref() == Some("sessions/2026-12-03-preparation.toml"))
        .collect();
    assert!(in_record.is_empty(), "{in_record:?}");

    // Harbour ships two records written outside git (no commit): the second
    // one's pack says there is no commit to compare with, not that it is
    // the team's first session.
    run(
        dir,
        &["session", "pack", "2026-10-20-chain", "--format", "md"],
    )
    .assert_code(0);
    let md = fs::read_to_string(dir.join("out/session-2026-10-20-chain.md")).unwrap();
    assert!(md.contains("No earlier session records a commit"), "{md}");
    assert!(!md.contains("first session"), "{md}");
}
