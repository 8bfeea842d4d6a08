//! Faithful to the method: one vocabulary of roles, in the guide, for the
//! team roster and the people at a session (a family partner or a community
//! member is a team member; a patient or family partner is a partner), and
//! a site's guide that adds roles of its own.

mod common;

use std::path::Path;

use common::*;

const COMPLETE: &str = "lakeside-ms";
const ROSTER: &str = "populations/ms/population.toml";

/// Replaces the role of the roster's patient partner.
fn partner_becomes(root: &Path, role: &str) {
    let path = root.join(ROSTER);
    let text = read(&path);
    let changed = text.replace("role = \"patient-partner\"", &format!("role = \"{role}\""));
    assert_ne!(text, changed, "the example has no patient partner");
    write(&path, changed);
}

/// Adds a `[[team]]` entry to the roster.
fn add_member(root: &Path, role: &str) {
    let path = root.join(ROSTER);
    let text = read(&path);
    write(
        &path,
        format!("{text}\n[[team]]\nrole = \"{role}\"\nname = \"Someone\"\n"),
    );
}

/// Writes a session record whose only attendees have these roles.
fn session_with(root: &Path, roles: &[&str]) -> &'static str {
    let file = "sessions/2026-11-05-population.toml";
    let mut text = String::from(
        "date = 2026-11-05\npopulations = [\"ms\"]\nfocus = [\"population\"]\ndecisions = []\n",
    );
    for (i, role) in roles.iter().enumerate() {
        text.push_str(&format!(
            "\n[[attendees]]\nname = \"Person {i}\"\nrole = \"{role}\"\n"
        ));
    }
    write(&root.join(file), text);
    file
}

/// Points the workbook at a copy of the built-in guide with this text added.
fn site_guide_adding(root: &Path, extra: &str) {
    let guide = read(&manifest_dir().join("guide/co-value.toml"));
    write(&root.join("guide/site.toml"), format!("{guide}\n{extra}"));
    let config = read(&root.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"guide/site.toml\"");
    assert!(config.contains("guide/site.toml"), "{config}");
    write(&root.join("covalue.toml"), config);
}

#[test]
fn a_family_partner_on_the_team_is_a_partner() {
    let wb = example(COMPLETE);
    partner_becomes(wb.path(), "family-partner");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    assert!(with_code(&found, "CV028").is_empty(), "{found:#?}");
    assert!(with_code(&found, "CV005").is_empty(), "{found:#?}");
}

#[test]
fn community_members_and_nurses_are_team_members() {
    let wb = example(COMPLETE);
    add_member(wb.path(), "community-member");
    add_member(wb.path(), "nurse");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    assert!(
        with_code(&findings(&report), "CV005").is_empty(),
        "{report:#}"
    );
}

#[test]
fn a_community_member_alone_is_not_a_partner() {
    let wb = example(COMPLETE);
    partner_becomes(wb.path(), "community-member");
    let (_run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let roster = with_code(&found, "CV028");
    assert_eq!(roster.len(), 1, "{found:#?}");
    let help = roster[0].help.clone().unwrap_or_default();
    assert!(
        help.contains("\"patient-partner\" or \"family-partner\""),
        "{help}"
    );
}

#[test]
fn a_role_outside_the_guide_is_named_with_the_roles_it_has() {
    let wb = example(COMPLETE);
    add_member(wb.path(), "chef");
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    let bad = with_code(&found, "CV005");
    assert_eq!(bad.len(), 1, "{found:#?}");
    assert_eq!(bad[0].file.as_deref(), Some(ROSTER));
    let text = format!(
        "{} {}",
        bad[0].message,
        bad[0].help.clone().unwrap_or_default()
    );
    assert!(text.contains("chef"), "{text}");
    assert!(text.contains("family-partner"), "{text}");
    assert!(text.contains("community-member"), "{text}");
}

#[test]
fn session_attendees_take_the_same_roles_as_the_team() {
    let wb = example(COMPLETE);
    // A family partner at a session is a partner; a community member is welcome.
    let file = session_with(wb.path(), &["family-partner", "community-member"]);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    assert!(
        found.iter().all(|f| f.code != "CV034" && f.code != "CV005"),
        "{found:#?}"
    );
    // The attendee list no longer has roles of its own the roster lacks.
    session_with(wb.path(), &["community", "clinical"]);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    let found = findings(&report);
    assert!(has_at(&found, "CV005", file, Some(8)), "{found:#?}");
    assert_eq!(with_code(&found, "CV034").len(), 1, "{found:#?}");
}

#[test]
fn a_site_guide_adds_roles_and_may_name_a_partner_role() {
    let wb = example(COMPLETE);
    partner_becomes(wb.path(), "peer-supporter");
    add_member(wb.path(), "interpreter");
    // With the built-in guide both roles are unknown.
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(1);
    assert_eq!(
        with_code(&findings(&report), "CV005").len(),
        2,
        "{report:#}"
    );
    // The site's guide names them; a peer supporter is a partner there, and
    // the built-in roles are still there.
    site_guide_adding(
        wb.path(),
        "[[role]]\nid = \"peer-supporter\"\ntitle = \"Peer supporter\"\npartner = true\n\n\
         [[role]]\nid = \"interpreter\"\ntitle = \"Interpreter\"\n",
    );
    session_with(wb.path(), &["interpreter", "family-partner"]);
    let (run, report) = check_json(wb.path(), &[]);
    run.assert_code(0);
    let found = findings(&report);
    assert!(
        found
            .iter()
            .all(|f| !["CV005", "CV028", "CV034"].contains(&f.code.as_str())),
        "{found:#?}"
    );
}

// --- what a new session takes on -------------------------------------------

const HALF_DONE: &str = "harbour-heart-failure";

#[test]
fn session_new_proposes_an_overdue_deferral_and_a_step_with_problems_first_and_says_why() {
    let wb = example(HALF_DONE);
    let run = run(wb.path(), &["session", "new", "--date", "2026-12-10"]);
    run.assert_code(0);
    // Step 1 has nothing open but a deferral that has passed; Step 2 has
    // problems. Guide order alone would have proposed Steps 3 and 4.
    assert!(
        run.stdout.contains("In focus: preparation, population"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "  preparation: question `preparation-coproduction` was deferred until 2026-10-01, which has passed"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  population: CV"), "{}", run.stdout);
    let record = read(&wb.path().join("sessions/2026-12-10-preparation.toml"));
    assert!(
        record.contains("focus = [\"preparation\", \"population\"]"),
        "{record}"
    );
}

#[test]
fn session_new_proposes_the_step_of_an_overdue_action_and_escapes_its_words() {
    let wb = example(COMPLETE);
    write(
        &wb.path().join("sessions/2026-11-05-shop.toml"),
        "date = 2026-11-05\npopulations = [\"ms\"]\nfocus = [\"shop\"]\ndecisions = []\n\n\
         [[attendees]]\nname = \"Pia\"\nrole = \"patient-partner\"\n\n\
         [[actions]]\nwhat = \"Ask\\u001b[2J the pharmacy\"\ndue = 2026-11-20\n",
    );
    let run = run(wb.path(), &["session", "new", "--date", "2026-12-10"]);
    run.assert_code(0);
    assert!(run.stdout.contains("In focus: shop"), "{}", run.stdout);
    assert!(
        run.stdout.contains("  shop: the action \"Ask")
            && run
                .stdout
                .contains("from session 2026-11-05-shop was due on 2026-11-20"),
        "{}",
        run.stdout
    );
    // The escape character is shown, not obeyed.
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    // Once it is done, nothing is overdue and nothing is open.
    let path = wb.path().join("sessions/2026-11-05-shop.toml");
    write(&path, read(&path) + "done = true\n");
    let run = common::run(wb.path(), &["session", "new", "--date", "2026-12-11"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("Nothing is overdue, has problems or is open"),
        "{}",
        run.stdout
    );
}

// --- provenance where it is read ---------------------------------------------

#[test]
fn the_session_pack_marks_published_questions_with_their_source_and_drafts() {
    let wb = example(HALF_DONE);
    write(
        &wb.path().join("sessions/2026-12-10-population.toml"),
        "date = 2026-12-10\npopulations = [\"heart-failure\"]\nfocus = [\"preparation\", \"population\"]\ndecisions = []\n",
    );
    for format in ["md", "html"] {
        let run = run(
            wb.path(),
            &[
                "session",
                "pack",
                "2026-12-10-population",
                "--format",
                format,
            ],
        );
        run.assert_code(0);
        let out = read(
            &wb.path()
                .join(format!("out/session-2026-12-10-population.{format}")),
        );
        // Step 2's questions are published; Step 1's are drafts.
        let line_of = |id: &str| {
            let mark = format!("{{#{id}}}");
            out.lines()
                .find(|l| {
                    l.contains(&mark)
                        && (l.contains("published wording") || l.contains("draft prompt"))
                })
                .unwrap_or_else(|| panic!("no agenda line for {id}:\n{out}"))
                .to_string()
        };
        assert!(
            line_of("population-process").contains("published wording, oliver2021"),
            "{format}: {}",
            line_of("population-process")
        );
        assert!(
            line_of("preparation-team").contains("draft prompt written for covalue"),
            "{format}: {}",
            line_of("preparation-team")
        );
    }
}
