//! `covalue serve` and the records of a population, driven from one
//! headless Chromium as a team would: a step, a persona, a measure value and
//! an improvement are added, an improvement's status changes with its date,
//! a step written as an inline table takes a new field, a refused save comes
//! back with everything typed, and two people changing one step meet a
//! conflict only when they changed the same field. Each file is compared
//! byte for byte with what it should be.
// The browser is driven over the DevTools pipe, which covalue opens on Unix;
// CI runs these tests on Linux and type-checks Windows without them.
#![cfg(unix)]

#[path = "common/cdp.rs"]
mod cdp;
mod common;

use std::process::Command;

use common::serve::{Served, browser, encode, signed_in};
use common::{HALF_DONE, TODAY, bin_path, example, read, write};
use serde_json::json;

const POP: &str = "populations/heart-failure";

/// Types into a text field or text area, or picks a radio button or an
/// option of a list, as a person would.
fn fill(b: &mut cdp::Browser, name: &str, value: &str) {
    let v = serde_json::to_string(value).expect("json");
    let found = b.eval(&format!(
        "(() => {{ const r = document.querySelector('input[type=radio][name=\"{name}\"][value=' + JSON.stringify({v}) + ']'); \
         if (r) {{ r.checked = true; return true; }} \
         const f = document.querySelector('[name=\"{name}\"]'); if (!f) return false; f.value = {v}; return f.value === {v}; }})()"
    ));
    assert_eq!(found, json!(true), "no field {name} taking {value:?}");
}

/// Ticks (or unticks) a box.
fn tick(b: &mut cdp::Browser, name: &str, value: &str, on: bool) {
    let found = b.eval(&format!(
        "(() => {{ const c = document.querySelector('input[type=checkbox][name=\"{name}\"][value=\"{value}\"]'); \
         if (!c) return false; c.checked = {on}; return true; }})()"
    ));
    assert_eq!(found, json!(true), "no box {name}={value}");
}

/// What a field holds now, as the page shows it.
fn shown(b: &mut cdp::Browser, name: &str) -> String {
    b.eval(&format!(
        "(() => {{ const r = document.querySelector('input[type=radio][name=\"{name}\"]:checked'); if (r) return r.value; \
         return document.querySelector('[name=\"{name}\"]').value; }})()"
    ))
    .as_str()
    .unwrap_or_default()
    .to_string()
}

fn submit(b: &mut cdp::Browser) {
    b.and_wait("document.querySelector('form.edit').submit()");
}

fn go(b: &mut cdp::Browser, path: &str) {
    b.and_wait(&format!("location.href = {}", json!(path)));
}

/// The status of the page shown, as the browser saw it.
fn status(b: &mut cdp::Browser) -> u64 {
    b.eval("performance.getEntriesByType('navigation')[0].responseStatus")
        .as_u64()
        .unwrap_or_default()
}

/// `text` with `add` inserted after the first `after`.
fn inserted(text: &str, after: &str, add: &str) -> String {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} is not in the example any more"))
        + after.len();
    format!("{}{add}{}", &text[..at], &text[at..])
}

#[test]
fn a_team_adds_and_edits_every_kind_of_record_in_the_browser_byte_for_byte() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let map_file = root.join(POP).join("process-map.toml");
    let compass_file = root.join(POP).join("value-compass.toml");
    let register_file = root.join(POP).join("improvements.toml");
    let map = read(&map_file);
    let compass = read(&compass_file);
    let register = read(&register_file);
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));

    // A new step, added at the end of the map as its other steps are written.
    go(&mut b, "/p/heart-failure/new/step");
    fill(&mut b, "id", "cardiac-rehab");
    fill(&mut b, "title", "Cardiac rehabilitation classes");
    fill(&mut b, "actors", "patient, physiotherapist");
    fill(&mut b, "coproduction", "shared-planning");
    tick(&mut b, "configurations", "shop", true);
    tick(&mut b, "personas", "dolores", true);
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    assert!(b.text().contains("Cardiac rehabilitation classes"));
    let map = format!(
        "{map}\n[[step]]\nid = \"cardiac-rehab\"\ntitle = \"Cardiac rehabilitation classes\"\nactors = [\"patient\", \"physiotherapist\"]\ncoproduction = \"shared-planning\"\nconfigurations = [\"shop\"]\npersonas = [\"dolores\"]\n"
    );
    assert_eq!(read(&map_file), map);

    // The new step moves up before the last one, and is removed again.
    go(&mut b, "/p/heart-failure/step/cardiac-rehab");
    b.and_wait("document.querySelector('form.arrange button[value=up]').click()");
    let home = map
        .find("[[step]]\nid = \"home-health\"")
        .expect("last step");
    let rehab = map
        .find("[[step]]\nid = \"cardiac-rehab\"")
        .expect("new step");
    let moved = format!(
        "{}{}\n{}",
        &map[..home],
        &map[rehab..],
        &map[home..rehab - 1]
    );
    assert_eq!(read(&map_file), moved);
    go(&mut b, "/p/heart-failure/step/cardiac-rehab");
    b.eval("document.querySelector('form.remove input[name=sure]').checked = true");
    b.and_wait("document.querySelector('form.remove button').click()");
    let map = map[..map
        .find("\n[[step]]\nid = \"cardiac-rehab\"")
        .expect("added")]
        .to_string();
    assert_eq!(read(&map_file), map, "back as it was");

    // A new persona, in a file of its own named from the name.
    go(&mut b, "/p/heart-failure/new/persona");
    fill(&mut b, "name", "Rosa");
    fill(&mut b, "kind", "patient");
    fill(&mut b, "segment", "Newly diagnosed, speaks Portuguese");
    fill(&mut b, "share_percent", "10");
    fill(&mut b, "currency", "USD");
    fill(&mut b, "story", "Rosa is 49 and drives a school bus.");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    assert_eq!(
        read(&root.join(POP).join("personas/rosa.md")),
        "---\nname: \"Rosa\"\nkind: patient\nsegment: \"Newly diagnosed, speaks Portuguese\"\nfigures:\n  share_percent: 10\n  currency: \"USD\"\ncomposite: true\n---\n\nRosa is 49 and drives a school bus.\n"
    );

    // A measure shows its values with their unit and its run chart, and takes a value.
    go(&mut b, "/p/heart-failure/measure/readmission-30-day");
    let page = b.text();
    assert!(page.contains("19 %"), "values with their unit: {page}");
    assert!(!page.contains("19.0"), "{page}");
    assert_eq!(
        b.eval("document.querySelectorAll('figure.run-chart svg').length"),
        json!(1),
        "the report's run chart"
    );
    if std::env::var_os("COVALUE_SCREENSHOTS").is_some() {
        // For docs/serve.md (not compared: it shows the page).
        let dir = common::manifest_dir().join("docs/serve");
        b.screenshot(&dir.join("measure.png"));
    }
    fill(&mut b, "date", "2026-11-30");
    fill(&mut b, "value", "21");
    submit(&mut b);
    let compass = inserted(
        &compass,
        "date = 2026-10-31\nvalue = 19\n",
        "\n[[measure.value]]\ndate = 2026-11-30\nvalue = 21\n",
    );
    assert_eq!(read(&compass_file), compass);

    // A refused save comes back with everything typed, and writes nothing.
    go(&mut b, "/p/heart-failure/measure/readmission-30-day");
    let typed = [
        ("baseline", "24 % (2025, corrected)"),
        (
            "definition",
            "Share of heart failure admissions followed by another within 30 days.",
        ),
        ("target_value", "eighteen"),
        ("direction", "higher"),
        ("date", "2026-12-31"),
        ("value", "20"),
        ("note", "After the call line"),
    ];
    for (name, value) in typed {
        fill(&mut b, name, value);
    }
    submit(&mut b);
    assert_eq!(status(&mut b), 422);
    assert!(
        b.text().contains("`eighteen` is not a number"),
        "{}",
        b.text()
    );
    for (name, value) in typed {
        assert_eq!(shown(&mut b, name), value, "{name} is kept");
    }
    assert_eq!(read(&compass_file), compass, "nothing was written");

    // A new improvement, with its first status and date.
    go(&mut b, "/p/heart-failure/new/improvement");
    fill(&mut b, "id", "scale-at-discharge");
    fill(&mut b, "title", "A scale and a weight diary at discharge");
    tick(&mut b, "cluster", "system-redesign", true);
    tick(&mut b, "steps", "discharge", true);
    tick(&mut b, "personas", "markus", true);
    fill(&mut b, "owner", "Case manager");
    tick(&mut b, "measures", "readmission-30-day", true);
    assert_eq!(
        shown(&mut b, "state"),
        "idea",
        "a new one starts as the guide's first status"
    );
    fill(&mut b, "date", "2026-12-01");
    submit(&mut b);
    assert_eq!(
        b.eval("location.pathname"),
        json!("/p/heart-failure/improvements")
    );
    let register = format!(
        "{register}\n[[improvement]]\nid = \"scale-at-discharge\"\ntitle = \"A scale and a weight diary at discharge\"\ncluster = \"system-redesign\"\nsteps = [\"discharge\"]\npersonas = [\"markus\"]\nowner = \"Case manager\"\nmeasures = [\"readmission-30-day\"]\n\n[[improvement.status]]\nstate = \"idea\"\ndate = 2026-12-01\n"
    );
    assert_eq!(read(&register_file), register);

    // An improvement's status changes, with its date.
    go(&mut b, "/p/heart-failure/improvement/weight-call-line");
    fill(&mut b, "state", "adopted");
    fill(&mut b, "date", "2026-12-02");
    submit(&mut b);
    let register = inserted(
        &register,
        "state = \"testing\"\ndate = 2026-10-20\n",
        "\n[[improvement.status]]\nstate = \"adopted\"\ndate = 2026-12-02\n",
    );
    assert_eq!(read(&register_file), register);
    let row = b.eval("document.querySelector('#improvement-weight-call-line').innerText");
    let row = row.as_str().unwrap_or_default();
    assert!(
        row.contains("Adopted") && row.contains("2026-12-02"),
        "{row}"
    );

    // The population: its setting, a new figure and a new team member, each
    // after the last of its kind.
    let about_file = root.join(POP).join("population.toml");
    let about = read(&about_file);
    go(&mut b, "/p/heart-failure/about");
    fill(
        &mut b,
        "setting",
        "Community health center with three sites",
    );
    fill(&mut b, "figure_label", "Living alone");
    fill(&mut b, "figure_value", "31 %");
    fill(&mut b, "team_role", "patient-partner");
    fill(&mut b, "team_name", "Two patients and a daughter");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    let setting_at = about.find("setting = ").expect("setting");
    let setting_end = setting_at + about[setting_at..].find('\n').expect("line");
    let mut expected = about.clone();
    expected.replace_range(
        setting_at..setting_end,
        "setting = \"Community health center with three sites\"",
    );
    let expected = inserted(
        &expected,
        "value = \"23 % (2025)\"\n",
        "\n[[figure]]\nlabel = \"Living alone\"\nvalue = \"31 %\"\n",
    );
    let expected = inserted(
        &expected,
        "name = \"Quality improvement specialist\"\n",
        "\n[[team]]\nrole = \"patient-partner\"\nname = \"Two patients and a daughter\"\n",
    );
    assert_eq!(read(&about_file), expected);

    // Two people on one step: another field changed meanwhile is kept...
    go(&mut b, "/p/heart-failure/step/discharge");
    let theirs = map.replace(
        "title = \"Hospital discharge with new medicines and a scale\"",
        "title = \"Hospital discharge\"",
    );
    write(&map_file, &theirs);
    fill(&mut b, "opportunity", "Teach-back of the medicines");
    submit(&mut b);
    let expected = theirs.replace(
        "configurations = [\"chain\", \"access\"]\npersonas = [\"markus\"]\n\n[[step]]\nid = \"post-discharge-visit\"",
        "configurations = [\"chain\", \"access\"]\npersonas = [\"markus\"]\nopportunity = \"Teach-back of the medicines\"\n\n[[step]]\nid = \"post-discharge-visit\"",
    );
    assert_eq!(read(&map_file), expected, "both changes land");
    // ...and the same field is a conflict showing both, with what was typed kept.
    go(&mut b, "/p/heart-failure/step/discharge");
    let theirs = expected.replace("Teach-back of the medicines", "Pharmacist call at home");
    write(&map_file, &theirs);
    fill(&mut b, "opportunity", "Teach-back with the family");
    fill(&mut b, "title", "Discharge home");
    submit(&mut b);
    assert_eq!(status(&mut b), 409);
    let page = b.text();
    assert!(page.contains("Pharmacist call at home"), "theirs: {page}");
    assert_eq!(shown(&mut b, "opportunity"), "Teach-back with the family");
    assert_eq!(shown(&mut b, "title"), "Discharge home");
    assert_eq!(read(&map_file), theirs, "nothing was written");
    submit(&mut b);
    let map = theirs
        .replace("Pharmacist call at home", "Teach-back with the family")
        .replace(
            "title = \"Hospital discharge\"",
            "title = \"Discharge home\"",
        );
    assert_eq!(read(&map_file), map, "saving again keeps mine");

    // A map written with inline tables: a step takes a new field, and a new
    // step is one more inline table.
    let inline = "#:schema ../../schemas/process-map.schema.json\r\nstep = [\r\n  { id = \"symptoms-and-diagnosis\", title = \"Symptoms and diagnosis\", coproduction = \"none\" },\r\n  { id = \"discharge\", title = \"Discharge\", coproduction = \"civil-discourse\", personas = [\"markus\"] },\r\n]\r\n";
    write(&map_file, inline);
    go(&mut b, "/p/heart-failure/step/discharge");
    fill(&mut b, "opportunity", "A phone call after two days");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    let inline = inline.replace(
        "personas = [\"markus\"] }",
        "personas = [\"markus\"], opportunity = \"A phone call after two days\" }",
    );
    assert_eq!(read(&map_file), inline);
    go(&mut b, "/p/heart-failure/new/step");
    fill(&mut b, "id", "home-visit");
    fill(&mut b, "title", "Home visit");
    fill(&mut b, "coproduction", "none");
    submit(&mut b);
    let inline = inline.replace(
        "\r\n]\r\n",
        "\r\n  { id = \"home-visit\", title = \"Home visit\", coproduction = \"none\" },\r\n]\r\n",
    );
    assert_eq!(read(&map_file), inline);

    // A session record: decisions, an attendee with a role, an action.
    let session_file = root.join("sessions/2026-11-26-access.toml");
    let session = "#:schema ../schemas/session.schema.json\ndate = 2026-11-26\ntitle = \"Access\"\npopulations = [\"heart-failure\"]\n\n# What the team decided, one line each.\ndecisions = []\n\n[[attendees]]\nname = \"Ola\"\nrole = \"nurse\"\n";
    std::fs::create_dir_all(root.join("sessions")).expect("sessions");
    write(&session_file, session);
    go(&mut b, "/session/2026-11-26-access");
    fill(
        &mut b,
        "decisions",
        "Start the call line\n\nAsk patients about scales\n",
    );
    fill(&mut b, "attendee_name", "Sam");
    fill(&mut b, "attendee_role", "patient-partner");
    fill(&mut b, "action_what", "Draft the leaflet");
    fill(&mut b, "action_owner", "Ola");
    fill(&mut b, "action_due", "2026-12-15");
    submit(&mut b);
    assert_eq!(
        b.eval("location.pathname"),
        json!("/session/2026-11-26-access")
    );
    let session = session.replace(
        "decisions = []",
        "decisions = [\"Start the call line\", \"Ask patients about scales\"]",
    ) + "\n[[attendees]]\nname = \"Sam\"\nrole = \"patient-partner\"\n\n[[actions]]\nwhat = \"Draft the leaflet\"\nowner = \"Ola\"\ndue = 2026-12-15\n";
    assert_eq!(read(&session_file), session);
    let page = b.text();
    assert!(
        page.contains("Sam") && page.contains("Draft the leaflet"),
        "{page}"
    );

    // A step's note for one perspective changes alone, while a teammate
    // changes another perspective's note of the same step.
    let complete = example(common::COMPLETE);
    let ms_map = complete.path().join("populations/ms/process-map.toml");
    let ms_served = Served::start(complete.path(), &[]);
    b.open(&ms_served.entry("/"));
    go(&mut b, "/p/ms/step/first-symptoms");
    let theirs = read(&ms_map).replacen("We rarely see this phase;", "We never see this phase;", 1);
    write(&ms_map, &theirs);
    fill(&mut b, "perspective.pharmacist", "Asked about eye drops.");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/ms"));
    let expected = theirs.replacen(
        "\"Not involved; sometimes sees people buying painkillers or eye drops for symptoms they have not yet had examined.\"",
        "\"Asked about eye drops.\"",
        1,
    );
    assert_ne!(expected, theirs);
    assert_eq!(read(&ms_map), expected);

    // What was saved, `check` reads without a new error.
    let check = Command::new(bin_path())
        .current_dir(root)
        .args(["check", "--format", "json"])
        .env("COVALUE_TODAY", TODAY)
        .output()
        .expect("run check");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(!report.contains("CV002"), "{report}");
}

/// The value of a hidden field of a page.
fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = page.find(&key).unwrap_or_else(|| panic!("no {name}")) + key.len();
    page[at..at + page[at..].find('"').expect("end")].to_string()
}

#[test]
fn hostile_records_typed_into_serve_are_refused_or_written_as_plain_values() {
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("rosa.md");
    write(&secret, "---\nname: Eve\nkind: patient\n---\nMine.\n");
    std::os::unix::fs::symlink(&secret, root.join(POP).join("personas/rosa.md")).expect("link");
    let map_file = root.join(POP).join("process-map.toml");
    let compass_file = root.join(POP).join("value-compass.toml");
    let map = read(&map_file);
    let compass = read(&compass_file);
    let served = Served::start(root, &[]);
    let page = signed_in(&served, "GET", "/p/heart-failure/new/persona", "").1;
    let csrf = hidden(&page, "csrf");
    let post = |path: &str, fields: &[(&str, &str)]| {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        signed_in(&served, "POST", path, &encode(&all))
    };

    // A persona's id that climbs out, or names a link out of the workbook.
    for id in ["../../../../escape", "con", "rosa"] {
        let (status, body) = post(
            "/p/heart-failure/new/persona",
            &[
                ("id", id),
                ("name", "Eve"),
                ("kind", "patient"),
                ("story", "Typed story."),
            ],
        );
        assert_eq!(status, 422, "{id}: {body}");
        assert!(body.contains("Nothing was saved"), "{id}: {body}");
        assert!(
            body.contains("Typed story."),
            "{id}: the story typed is kept"
        );
    }
    assert_eq!(read(&secret), "---\nname: Eve\nkind: patient\n---\nMine.\n");
    assert!(!root.join("escape.md").exists() && !root.parent().unwrap().join("escape.md").exists());

    // Text that would close the string and start a record of its own stays text.
    let title = "Home\"\n[[step]]\nid = \"evil\"";
    let (status, body) = post(
        "/p/heart-failure/new/step",
        &[("id", "home"), ("title", title), ("coproduction", "none")],
    );
    assert_eq!(status, 303, "{body}");
    let map = format!(
        "{map}\n[[step]]\nid = \"home\"\ntitle = \"Home\\\"\\n[[step]]\\nid = \\\"evil\\\"\"\ncoproduction = \"none\"\n"
    );
    assert_eq!(read(&map_file), map);

    // A name in YAML that would end the front matter stays one value.
    let (status, body) = post(
        "/p/heart-failure/new/persona",
        &[
            ("name", "Ada\n---\nkind: admin"),
            ("id", "ada"),
            ("kind", "patient"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    assert!(
        read(&root.join(POP).join("personas/ada.md"))
            .starts_with("---\nname: \"Ada\\n---\\nkind: admin\"\nkind: patient\n")
    );

    // A number TOML cannot read, and a level the guide does not have.
    let page = signed_in(
        &served,
        "GET",
        "/p/heart-failure/measure/readmission-30-day",
        "",
    )
    .1;
    let fp = hidden(&page, "fp.target_value");
    let (status, body) = post(
        "/p/heart-failure/measure/readmission-30-day",
        &[
            ("quadrant", "clinical"),
            ("name", "Readmissions"),
            ("target_value", "007"),
            ("fp.target_value", &fp),
        ],
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Nothing was saved") && body.contains("value=\"007\""),
        "{body}"
    );
    let (status, body) = post(
        "/p/heart-failure/step/discharge",
        &[("title", "Discharge"), ("coproduction", "take-over")],
    );
    assert_eq!(status, 422, "{body}");
    assert_eq!(read(&compass_file), compass);
    assert_eq!(read(&map_file), map);

    // Removing a step needs the box ticked, and the step as the page showed it.
    let page = signed_in(&served, "GET", "/p/heart-failure/step/discharge", "").1;
    let fp = hidden(&page, "fp.record");
    let (status, body) = post(
        "/p/heart-failure/step/discharge/order",
        &[("fp.record", &fp), ("do", "remove")],
    );
    assert_eq!(status, 422, "{body}");
    let (status, _) = post(
        "/p/heart-failure/step/discharge/order",
        &[("fp.record", "stale"), ("do", "remove"), ("sure", "yes")],
    );
    assert_eq!(status, 409);
    assert_eq!(read(&map_file), map);

    // A status the guide does not have gets past the form's own checks; the
    // workbook loader, as `check` reads the file, refuses it.
    let register = read(&root.join(POP).join("improvements.toml"));
    let (status, body) = post(
        "/p/heart-failure/new/improvement",
        &[
            ("id", "call-line"),
            ("title", "A call line"),
            ("cluster", "system-redesign"),
            ("state", "bogus"),
            ("date", "2026-12-01"),
        ],
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("improvements.toml:42:9")
            && body.contains("not one of the allowed values")
            && body.contains("value=\"A call line\""),
        "the place, and the typed title kept: {body}"
    );
    assert_eq!(read(&root.join(POP).join("improvements.toml")), register);

    // A record that is not there.
    let (status, _) = post(
        "/p/heart-failure/step/gone",
        &[("title", "Gone"), ("coproduction", "none")],
    );
    assert_eq!(status, 409);
    let (status, _) = signed_in(
        &served,
        "GET",
        "/p/heart-failure/step/..%2F..%2Fcovalue",
        "",
    );
    assert_eq!(status, 404);
    assert_eq!(read(&map_file), map);
}

/// Ticks the box `name` in the row of a list whose first cell reads `first`.
fn tick_row(b: &mut cdp::Browser, name: &str, first: &str) {
    let found = b.eval(&format!(
        "(() => {{ const c = [...document.querySelectorAll('input[type=checkbox][name=\"{name}\"]')] \
           .find(c => {{ const cell = c.closest('tr').cells[0]; const i = cell.querySelector('input[type=text]'); \
             return (i ? i.value : cell.textContent) === {}; }}); \
         if (!c) return false; c.checked = true; return true; }})()",
        json!(first)
    ));
    assert_eq!(found, json!(true), "no box {name} in the row of {first:?}");
}

#[test]
fn figures_team_members_attendees_and_actions_are_removed_and_actions_marked_done_byte_for_byte() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let about_file = root.join(POP).join("population.toml");
    let about = read(&about_file);
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));

    // A figure and a team member go; nothing else of the file changes.
    go(&mut b, "/p/heart-failure/about");
    tick_row(&mut b, "remove_figure", "Men");
    // The row shows the role by the guide's title.
    tick_row(&mut b, "remove_team", "Finance");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    let men = "[[figure]]\nlabel = \"Men\"\nvalue = \"57 %\"\n\n";
    let finance = "[[team]]\nrole = \"finance\"\nname = \"Revenue cycle and value-based contracts analyst\"\n\n";
    assert!(about.contains(men) && about.contains(finance));
    let about = about.replacen(men, "", 1).replacen(finance, "", 1);
    assert_eq!(read(&about_file), about);

    // A figure changed on disk after the page was opened is not removed:
    // the save is refused, says why, and what was typed stays.
    go(&mut b, "/p/heart-failure/about");
    tick_row(&mut b, "remove_figure", "Median age");
    fill(&mut b, "figure_label", "Living alone");
    let changed = about.replace("\"68 years\"", "\"69 years\"");
    write(&about_file, &changed);
    submit(&mut b);
    assert_eq!(status(&mut b), 422, "{}", b.text());
    assert!(
        b.text().contains("someone changed or removed it meanwhile"),
        "{}",
        b.text()
    );
    assert_eq!(shown(&mut b, "figure_label"), "Living alone");
    assert_eq!(read(&about_file), changed, "nothing was written");

    // A session record: one of two attendees and its only action go.
    let session_file = root.join("sessions/2026-11-26-access.toml");
    let session = "date = 2026-11-26\r\ntitle = \"Access\"\r\npopulations = [\"heart-failure\"]\r\n\r\n[[attendees]]\r\nname = \"Ola\"\r\nrole = \"nurse\"\r\n\r\n[[attendees]]\r\nname = \"Sam\"\r\nrole = \"patient-partner\"\r\n\r\n[[actions]]\r\nwhat = \"Draft the leaflet\"\r\nowner = \"Ola\"\r\n";
    std::fs::create_dir_all(root.join("sessions")).expect("sessions");
    write(&session_file, session);
    go(&mut b, "/session/2026-11-26-access");
    tick_row(&mut b, "remove_attendee", "Ola");
    tick_row(&mut b, "remove_action", "Draft the leaflet");
    submit(&mut b);
    assert_eq!(
        b.eval("location.pathname"),
        json!("/session/2026-11-26-access"),
        "{}",
        b.text()
    );
    assert_eq!(
        read(&session_file),
        "date = 2026-11-26\r\ntitle = \"Access\"\r\npopulations = [\"heart-failure\"]\r\n\r\n[[attendees]]\r\nname = \"Sam\"\r\nrole = \"patient-partner\"\r\n"
    );

    // An action is marked done: one line is added to it, nothing else.
    let session = "date = 2026-11-26\ntitle = \"Access\"\n\nactions = [\n  { what = \"Call the pharmacy\", owner = \"Ola\" },\n]\n\n[[attendees]]\nname = \"Sam\"\nrole = \"nurse\"\n";
    write(&session_file, session);
    go(&mut b, "/session/2026-11-26-access");
    tick_row(&mut b, "done_action", "Call the pharmacy");
    submit(&mut b);
    assert_eq!(
        read(&session_file),
        session.replace("owner = \"Ola\" }", "owner = \"Ola\", done = true }")
    );
    let shown_done = b.eval(
        "[...document.querySelectorAll('table.edit-list tr')].find(r => r.cells[0].textContent === 'Call the pharmacy').cells[3].textContent",
    );
    assert_eq!(shown_done, json!("yes"));
}

#[test]
fn a_persona_is_removed_with_a_ticked_box_and_never_while_a_step_or_improvement_names_it() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let personas = root.join(POP).join("personas");
    let rosa = personas.join("rosa.md");
    write(
        &rosa,
        "---\nname: Rosa\nkind: patient\ncomposite: true\n---\n\nRosa drives a bus.\n",
    );
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    let remove = |b: &mut cdp::Browser| {
        b.eval("document.querySelector('form.remove input[name=sure]').checked = true");
        b.and_wait("document.querySelector('form.remove button').click()");
    };

    // Markus is named by steps and an improvement: he stays, and the page
    // says which name him.
    let before = common::tree(root);
    go(&mut b, "/p/heart-failure/persona/markus");
    remove(&mut b);
    assert_eq!(status(&mut b), 422, "{}", b.text());
    let said = b.text();
    assert!(
        said.contains("Nothing was removed: step `")
            && said.contains("improvement `")
            && said.contains("still name this persona"),
        "{said}"
    );
    assert_eq!(common::tree(root), before, "nothing changed");

    // Rosa, changed on disk after her page was opened, stays too.
    go(&mut b, "/p/heart-failure/persona/rosa");
    let changed =
        "---\nname: Rosa\nkind: patient\ncomposite: true\n---\n\nRosa drives a school bus.\n";
    write(&rosa, changed);
    remove(&mut b);
    assert_eq!(status(&mut b), 409, "{}", b.text());
    assert_eq!(read(&rosa), changed);

    // Named by nothing and as the page showed her: her file goes, nothing else.
    go(&mut b, "/p/heart-failure/persona/rosa");
    let before = common::tree(root);
    remove(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    assert!(!rosa.exists(), "the persona's file is removed");
    let mut expected = before;
    let gone = expected.remove(std::path::Path::new(&format!("{POP}/personas/rosa.md")));
    assert!(
        gone.is_some(),
        "the tree lists the file by its place in the workbook"
    );
    let after = common::tree(root);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (path, (bytes, _)) in &expected {
        assert_eq!(&after[path].0, bytes, "{} changed", path.display());
    }
    assert!(!b.text().contains("Rosa"), "{}", b.text());
}

#[test]
fn a_persona_that_is_a_link_out_of_the_workbook_is_not_removed_nor_what_it_points_to() {
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("eve.md");
    write(&secret, "---\nname: Eve\nkind: patient\n---\nMine.\n");
    let link = root.join(POP).join("personas/eve.md");
    std::os::unix::fs::symlink(&secret, &link).expect("link");
    let served = Served::start(root, &[]);
    let page = signed_in(&served, "GET", "/p/heart-failure/persona/markus", "").1;
    let body = encode(&[
        ("csrf", &hidden(&page, "csrf")),
        ("fp.record", &hidden(&page, "fp.record")),
        ("sure", "yes"),
        ("do", "remove"),
    ]);
    let (status, said) = signed_in(&served, "POST", "/p/heart-failure/persona/eve/order", &body);
    assert_eq!(status, 404, "{said}");
    assert!(secret.exists() && link.exists(), "nothing is deleted");
    assert_eq!(read(&secret), "---\nname: Eve\nkind: patient\n---\nMine.\n");
}

#[test]
fn the_populations_size_is_changed_in_place_refused_when_not_a_whole_number_and_added_when_missing()
{
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let about_file = root.join(POP).join("population.toml");
    let about = read(&about_file);
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));

    go(&mut b, "/p/heart-failure/about");
    assert_eq!(shown(&mut b, "size.people"), "640");
    fill(&mut b, "size.people", "655");
    fill(&mut b, "size.as_of", "2027");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    let about = about.replacen("people = 640", "people = 655", 1).replacen(
        "as_of = \"2026\"",
        "as_of = \"2027\"",
        1,
    );
    assert_eq!(read(&about_file), about);

    // Not a whole number: refused, with what was typed kept.
    go(&mut b, "/p/heart-failure/about");
    fill(&mut b, "size.people", "655.5");
    fill(&mut b, "size.note", "From the registry");
    submit(&mut b);
    assert_eq!(status(&mut b), 422, "{}", b.text());
    assert!(b.text().contains("whole number"), "{}", b.text());
    assert_eq!(shown(&mut b, "size.people"), "655.5");
    assert_eq!(shown(&mut b, "size.note"), "From the registry");
    assert_eq!(read(&about_file), about, "nothing was written");

    // A population without `[size]` gets one at the end of its file.
    let start = about.find("[size]").expect("size");
    let end = start + about[start..].find("\n\n").expect("end of size") + 2;
    let without = format!("{}{}", &about[..start], &about[end..]);
    write(&about_file, &without);
    go(&mut b, "/p/heart-failure/about");
    assert_eq!(shown(&mut b, "size.people"), "");
    fill(&mut b, "size.people", "12");
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/heart-failure"));
    assert_eq!(
        read(&about_file),
        format!("{without}\n[size]\npeople = 12\n")
    );
}

#[test]
fn a_personas_composite_mark_is_changed_in_place_and_a_change_meanwhile_is_a_conflict() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let markus_file = root.join(POP).join("personas/markus.md");
    let markus = read(&markus_file);
    assert!(markus.contains("\ncomposite: true\n"));
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    let composite = |b: &mut cdp::Browser, on: bool| {
        b.eval(&format!(
            "document.querySelector('form.edit input[name=composite]').checked = {on}"
        ));
    };

    go(&mut b, "/p/heart-failure/persona/markus");
    composite(&mut b, false);
    submit(&mut b);
    assert_eq!(status(&mut b), 200, "{}", b.text());
    let unmarked = markus.replacen("\ncomposite: true\n", "\ncomposite: false\n", 1);
    assert_eq!(read(&markus_file), unmarked, "one value changes");

    // Marked again from a page opened before someone marked it on disk:
    // both want it marked, so nothing to do and no conflict.
    go(&mut b, "/p/heart-failure/persona/markus");
    write(&markus_file, &markus);
    composite(&mut b, true);
    submit(&mut b);
    assert_eq!(status(&mut b), 200, "{}", b.text());
    assert_eq!(read(&markus_file), markus);

    // Left unmarked as the page showed it while someone marked it on disk:
    // their mark is kept, and what was typed elsewhere is saved.
    write(&markus_file, &unmarked);
    go(&mut b, "/p/heart-failure/persona/markus");
    write(&markus_file, &markus);
    fill(&mut b, "segment", "Typed in the room");
    submit(&mut b);
    assert_eq!(status(&mut b), 200, "{}", b.text());
    let segment = "segment: \"Reduced ejection fraction, lives alone, frequent admissions\"";
    let typed = markus.replacen(segment, "segment: \"Typed in the room\"", 1);
    assert_eq!(read(&markus_file), typed);

    // Marked from a page that showed no mark, while someone wrote
    // `composite: false`: a conflict; nothing is written, the typed stays.
    let without = typed.replacen("\ncomposite: true\n", "\n", 1);
    write(&markus_file, &without);
    go(&mut b, "/p/heart-failure/persona/markus");
    let theirs = typed.replacen("\ncomposite: true\n", "\ncomposite: false\n", 1);
    write(&markus_file, &theirs);
    composite(&mut b, true);
    fill(&mut b, "segment", "Typed again");
    submit(&mut b);
    assert_eq!(status(&mut b), 409, "{}", b.text());
    assert!(b.text().contains("whether this persona is a composite"));
    assert_eq!(shown(&mut b, "segment"), "Typed again");
    assert_eq!(read(&markus_file), theirs, "nothing was written");
}

#[test]
fn the_maps_perspectives_are_changed_in_place_and_added_when_missing() {
    let Some(exe) = browser() else { return };
    let complete = example(common::COMPLETE);
    let ms_map = complete.path().join("populations/ms/process-map.toml");
    let before = read(&ms_map);
    let served = Served::start(complete.path(), &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    go(&mut b, "/p/ms");
    b.and_wait("[...document.querySelectorAll('a')].find(a => a.textContent === \"the process map's perspectives\").click()");
    assert_eq!(b.eval("location.pathname"), json!("/p/ms/map"));
    assert_eq!(
        shown(&mut b, "perspectives"),
        "person with MS\nneurologist\npharmacist"
    );
    fill(
        &mut b,
        "perspectives",
        "person with MS\nneurologist\nMS nurse\n",
    );
    submit(&mut b);
    assert_eq!(b.eval("location.pathname"), json!("/p/ms"));
    assert_eq!(
        read(&ms_map),
        before.replacen(
            "perspectives = [\"person with MS\", \"neurologist\", \"pharmacist\"]",
            "perspectives = [\"person with MS\", \"neurologist\", \"MS nurse\"]",
            1
        )
    );
    drop(served);

    // A map without the list gets it.
    let tmp = example(HALF_DONE);
    let map_file = tmp.path().join(POP).join("process-map.toml");
    let map = read(&map_file);
    let served = Served::start(tmp.path(), &[]);
    b.open(&served.entry("/p/heart-failure/map"));
    assert_eq!(shown(&mut b, "perspectives"), "");
    fill(&mut b, "perspectives", "patient\nnurse");
    submit(&mut b);
    assert_eq!(
        b.eval("location.pathname"),
        json!("/p/heart-failure"),
        "{}",
        b.text()
    );
    // One line, after the file's leading comments and before its first step.
    assert_eq!(
        read(&map_file),
        inserted(
            &map,
            "what happens between visits at home.\n",
            "perspectives = [\"patient\", \"nurse\"]\n"
        )
    );
}

#[test]
fn a_figure_and_a_team_members_name_are_changed_in_place_and_an_untouched_row_is_no_conflict() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let about_file = root.join(POP).join("population.toml");
    let about = read(&about_file);
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    // The text box of a list's row whose first box (or cell) reads `first`.
    let row_box = |b: &mut cdp::Browser, prefix: &str, first: &str, value: &str| {
        let found = b.eval(&format!(
            "(() => {{ const i = [...document.querySelectorAll('input[type=text][name^=\"{prefix}\"]')] \
               .find(i => {{ const cell = i.closest('tr').cells[0]; const t = cell.querySelector('input[type=text]'); \
                 return (t ? t.value : cell.textContent) === {}; }}); \
             if (!i) return false; i.value = {}; return true; }})()",
            json!(first),
            json!(value)
        ));
        assert_eq!(
            found,
            json!(true),
            "no {prefix} box in the row of {first:?}"
        );
    };

    go(&mut b, "/p/heart-failure/about");
    row_box(&mut b, "figure.value.", "Men", "58 %");
    row_box(
        &mut b,
        "team.name.",
        "Finance",
        "Value-based contracts analyst",
    );
    // Meanwhile a teammate changes another figure: no conflict, theirs stays.
    let theirs = about.replacen("\"68 years\"", "\"69 years\"", 1);
    write(&about_file, &theirs);
    submit(&mut b);
    assert_eq!(
        b.eval("location.pathname"),
        json!("/p/heart-failure"),
        "{}",
        b.text()
    );
    let expected = theirs
        .replacen("value = \"57 %\"", "value = \"58 %\"", 1)
        .replacen(
            "name = \"Revenue cycle and value-based contracts analyst\"",
            "name = \"Value-based contracts analyst\"",
            1,
        );
    assert_eq!(read(&about_file), expected);

    // The same figure changed meanwhile: refused, typed kept, nothing written.
    go(&mut b, "/p/heart-failure/about");
    row_box(&mut b, "figure.value.", "Men", "59 %");
    let changed = expected.replacen("value = \"58 %\"", "value = \"60 %\"", 1);
    write(&about_file, &changed);
    submit(&mut b);
    assert_eq!(status(&mut b), 422, "{}", b.text());
    assert!(b.text().contains("someone changed or removed it meanwhile"));
    assert_eq!(read(&about_file), changed, "nothing was written");
    let kept = b.eval("[...document.querySelectorAll('input[name^=\"figure.value.\"]')].some(i => i.value === '59 %')");
    assert_eq!(kept, json!(true), "what was typed stays");

    // A figure's label may not be emptied.
    go(&mut b, "/p/heart-failure/about");
    row_box(&mut b, "figure.label.", "Men", "");
    submit(&mut b);
    assert_eq!(status(&mut b), 422, "{}", b.text());
    assert!(
        b.text().contains("a figure needs its label"),
        "{}",
        b.text()
    );
    assert_eq!(read(&about_file), changed);
}
