//! The community's own meetings and the network verbs a coordinator
//! expects: a three-site network made from local repositories, its
//! community session records (`sessions/*.toml` in the network folder)
//! checked by `covalue check`, `network session new` and `network session
//! pack`; `network remove` byte for byte, `network add`'s warning for a
//! local path that does not exist, and `network init`'s "Next:" lines.
//! Hostile records (paths, control characters, huge files) fail safely.

mod common;

use std::path::Path;

use common::network::{Net, change_site, empty_network, filled_in, three_sites};
use tempfile::TempDir;

#[test]
fn init_ends_with_what_to_do_next() {
    let net = Net {
        tmp: TempDir::new().expect("temporary folder"),
    };
    let run = net.run_in(net.path(), &["network", "init", "cop", "--name", "CoP"]);
    run.assert_code(0);
    let next = run
        .stdout
        .split("Next:")
        .nth(1)
        .unwrap_or_else(|| panic!("no Next: in\n{}", run.stdout));
    assert!(next.contains("cd cop"), "{next}");
    for verb in [
        "covalue network add",
        "covalue network fetch",
        "covalue network report",
    ] {
        assert!(next.contains(verb), "{verb} missing from\n{next}");
    }
}

#[test]
fn add_warns_of_a_local_path_that_does_not_exist_and_still_adds_it() {
    let net = empty_network();
    let run = net.run(&["network", "add", "ghost", "../no-such-workbook"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("../no-such-workbook does not exist here"),
        "{}",
        run.stderr
    );
    assert!(net.read("network.toml").contains("name = \"ghost\""));
    // A remote address and a local one that exists: no warning.
    let dir = net.site("real", common::COMPLETE, |_| {});
    let quiet = net.run(&["network", "add", "real", &dir.to_string_lossy()]);
    quiet.assert_code(0);
    let remote = net.run(&["network", "add", "far", "https://git.example.org/x.git"]);
    remote.assert_code(0);
    for run in [&quiet, &remote] {
        assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    }
    let file = net.run(&["network", "add", "gone", "file:///no/such/repo.git"]);
    assert!(
        file.stderr.contains("does not exist here"),
        "{}",
        file.stderr
    );
}

/// A network.toml as a coordinator keeps it: comments, odd spacing, CRLF
/// in places, a multi-line string.
const HAND_WRITTEN: &str = "#:schema ./schemas/network.schema.json\n\
# Our community of practice.\n\
name = \"Test CoP\"\n\
\n\
# Lakeside joined first.\n\
[[site]]\n\
name = \"lakeside\"   # the big one\n\
address = \"../sites/lakeside\"\n\
\n\
[[site]]\n\
name  = \"harbour\"\n\
country = \"\"\"\n\
US\"\"\"\n\
address = \"../sites/harbour\" # ask Ola for access\n\
# Riverside keeps the short form.\r\n\
[[site]]\r\n\
name = \"riverside\"\r\n\
address = \"../sites/riverside\"\r\n\
\n\
[[domain]]\n\
id = \"walking\"\n\
name = \"Walking\"\n";

#[test]
fn remove_takes_out_only_the_sites_table_byte_for_byte() {
    let net = empty_network();
    net.write("network.toml", HAND_WRITTEN);
    let run = net.run(&["network", "remove", "harbour"]);
    run.assert_code(0);
    assert!(run.stdout.contains("removed"), "{}", run.stdout);
    let expected = HAND_WRITTEN.replace(
        "\n[[site]]\nname  = \"harbour\"\ncountry = \"\"\"\nUS\"\"\"\naddress = \"../sites/harbour\" # ask Ola for access\n",
        "",
    );
    assert_ne!(expected, HAND_WRITTEN);
    assert_eq!(net.read("network.toml"), expected);
    // The last site, with CRLF lines, and then the first one.
    net.run(&["network", "remove", "riverside"]).assert_code(0);
    let expected = expected.replace(
        "[[site]]\r\nname = \"riverside\"\r\naddress = \"../sites/riverside\"\r\n",
        "",
    );
    assert_eq!(net.read("network.toml"), expected);
    net.run(&["network", "remove", "lakeside"]).assert_code(0);
    let expected = expected.replace(
        "[[site]]\nname = \"lakeside\"   # the big one\naddress = \"../sites/lakeside\"\n",
        "",
    );
    assert_eq!(net.read("network.toml"), expected);
    assert!(expected.contains("# Lakeside joined first."));
    assert!(expected.contains("# Riverside keeps the short form."));
    net.run(&["check"]).assert_code(0);
}

#[test]
fn remove_of_an_unknown_site_changes_nothing_and_names_the_sites() {
    let net = empty_network();
    net.write("network.toml", HAND_WRITTEN);
    let run = net.run(&["network", "remove", "harbor"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("there is no site `harbor`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `harbour`"),
        "{}",
        run.stderr
    );
    assert_eq!(net.read("network.toml"), HAND_WRITTEN);
    // A name that is no slug never reaches the cache.
    let run = net.run(&["network", "remove", "../lakeside"]);
    run.assert_code(2);
    assert_eq!(net.read("network.toml"), HAND_WRITTEN);
}

#[test]
fn remove_says_which_session_records_still_name_the_site() {
    let net = empty_network();
    net.write("network.toml", HAND_WRITTEN);
    net.write(
        "sessions/2026-11-05-webinar.toml",
        "date = 2026-11-05\nsites = [\"lakeside\", \"harbour\"]\n",
    );
    net.run(&["check"]).assert_code(0);
    let run = net.run(&["network", "remove", "harbour"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("sessions/2026-11-05-webinar.toml") && run.stderr.contains("CV057"),
        "{}",
        run.stderr
    );
    let check = net.run(&["check"]);
    check.assert_code(1);
    assert!(check.stdout.contains("error[CV057]"), "{}", check.stdout);
}

#[test]
fn remove_keeps_the_cache_copy_unless_asked_to_delete_it() {
    let net = three_sites();
    let sites = std::fs::read_dir(net.cache().join("networks"))
        .expect("the cache has a networks folder")
        .map(|e| e.expect("entry").path().join("sites"))
        .next()
        .expect("one network");
    assert!(sites.join("harbour.git").is_dir());
    let run = net.run(&["network", "remove", "harbour"]);
    run.assert_code(0);
    assert!(run.stdout.contains("is kept"), "{}", run.stdout);
    assert!(sites.join("harbour.git").is_dir());
    let status = net.run(&["network", "status"]);
    assert!(!status.stdout.contains("harbour"), "{}", status.stdout);
    let run = net.run(&["network", "remove", "riverside", "--delete-cache"]);
    run.assert_code(0);
    assert!(!sites.join("riverside.git").exists());
    assert!(!sites.join("riverside.json").exists());
    assert!(sites.join("lakeside.git").is_dir());
}

#[test]
fn the_community_session_cycle_new_check_pack() {
    let net = three_sites();
    // The first session: nothing earlier to compare with.
    let first = net.run(&[
        "network",
        "session",
        "new",
        "--date",
        "2026-11-05",
        "--title",
        "Walking",
    ]);
    first.assert_code(0);
    assert!(
        first
            .stdout
            .contains("wrote        sessions/2026-11-05-webinar.toml"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("Next:"), "{}", first.stdout);
    for site in ["lakeside", "harbour", "riverside"] {
        assert!(
            first
                .stdout
                .contains(&format!("  {site}: no earlier session")),
            "{}",
            first.stdout
        );
    }
    net.run(&["check"]).assert_code(0);
    let rel = "sessions/2026-11-05-webinar.toml";
    net.write(rel, &filled_in(&net.read(rel)));
    // The action due on 2026-11-10 is overdue on 2026-11-26 (the tests'
    // today): progress, which does not fail the check.
    let check = net.run(&["check"]);
    check.assert_code(0);
    assert!(
        check.stdout.contains("Send the walking test protocol"),
        "{}",
        check.stdout
    );
    let json = net.run(&["check", "--format", "json"]).json();
    let found = common::findings(&json);
    assert!(common::has_at(
        &found,
        "CV033",
        rel,
        Some(common::line_of(&net.net().join(rel), "Send the walking") - 1)
    ));
    assert_eq!(found.len(), 1, "{json:#}");
    // Harbour works on; the next session's agenda says so, and puts the
    // overdue action first.
    change_site(&net, "harbour");
    net.run(&["network", "fetch", "--jobs", "2"]).assert_code(0);
    let second = net.run(&[
        "network",
        "session",
        "new",
        "--date",
        "2026-12-03",
        "--kind",
        "in-person",
    ]);
    second.assert_code(0);
    let agenda = second.stdout.clone();
    let overdue = agenda.find("overdue action \"Send the walking test protocol\"");
    let open = agenda.find("open action \"Share the relapse plan\"");
    assert!(
        overdue.is_some() && open.is_some() && overdue < open,
        "{agenda}"
    );
    assert!(
        agenda.contains("  harbour: new work since 2026-11-05"),
        "{agenda}"
    );
    assert!(
        agenda.contains("  lakeside: nothing new since 2026-11-05"),
        "{agenda}"
    );
    assert!(
        net.net()
            .join("sessions/2026-12-03-in-person.toml")
            .is_file()
    );
    // A record is never replaced.
    let again = net.run(&[
        "network",
        "session",
        "new",
        "--date",
        "2026-12-03",
        "--kind",
        "in-person",
    ]);
    again.assert_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    net.run(&["check"]).assert_code(0);

    // The pack of the next session (the first dated today or later).
    let pack = net.run(&["network", "session", "pack"]);
    pack.assert_code(0);
    let html = net.read("out/community-2026-12-03-in-person.html");
    for expected in [
        "In-person meeting 2026-12-03",
        "What changed at each site",
        "Send the walking test protocol",
        "date passed",
        "Attendance",
        "Exemplars",
    ] {
        assert!(html.contains(expected), "{expected} missing from the pack");
    }
    // One attendance row per site, with room to write.
    for site in ["lakeside", "harbour", "riverside"] {
        assert!(
            html.contains(&format!(
                "<tr><td></td><td></td><td>{site}</td><td></td></tr>"
            )),
            "no attendance row for {site}"
        );
    }
    assert!(!html.contains("<script"), "the pack has no script");
    // The first session's pack shows what was presented there.
    net.run(&["network", "session", "pack", "2026-11-05-webinar"])
        .assert_code(0);
    let first_pack = net.read("out/community-2026-11-05-webinar.html");
    assert!(
        first_pack.contains("Our walking measure"),
        "no presentation"
    );
    assert!(first_pack.contains("question compass-measures"));
    // People by their roles' names, not ids.
    assert!(
        first_pack.contains("<td>Ines</td><td>Coordinator</td>"),
        "no coordinator"
    );
    assert!(
        !first_pack.contains(">family-partner<"),
        "a role id in the pack"
    );

    let Some(browser) = common::print_browser() else {
        return;
    };
    let browser = browser.to_string_lossy().into_owned();
    let print = |extra: &[&str], file: &str| {
        let mut args = vec![
            "network",
            "session",
            "pack",
            "--pdf",
            "--browser",
            &browser,
            "-o",
            file,
        ];
        args.extend_from_slice(extra);
        net.run(&args).assert_code(0);
        net.net().join(file)
    };
    let a4 = print(&[], "out/a4.pdf");
    let letter = print(&["--paper", "letter"], "out/letter.pdf");
    let large = print(&["--large-print"], "out/large.pdf");
    let info = |pdf: &Path| {
        let out = std::process::Command::new("pdfinfo")
            .arg(pdf)
            .output()
            .expect("pdfinfo");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(info(&a4).contains("(A4)"), "A4: {}", info(&a4));
    assert!(
        info(&letter).contains("(letter)"),
        "Letter: {}",
        info(&letter)
    );
    let text = |pdf: &Path, args: &[&str]| {
        let out = std::process::Command::new("pdftotext")
            .args(args)
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let pages: Vec<String> = text(&a4, &["-layout"])
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    // The attendance sheet starts a page of its own; every page has its footer.
    assert!(
        pages
            .iter()
            .any(|p| p.trim_start().starts_with("Attendance")),
        "no page starts with the attendance sheet"
    );
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("page {} of {n}", i + 1)),
            "page {} has no footer:\n{page}",
            i + 1
        );
    }
    // Large print: the body's words are taller.
    let median = |pdf: &Path| {
        let xhtml = text(pdf, &["-bbox"]);
        let mut heights: Vec<f64> = xhtml
            .split("<word ")
            .skip(1)
            .filter_map(|w| {
                let num = |name: &str| -> Option<f64> {
                    let at = w.find(&format!("{name}=\""))? + name.len() + 2;
                    w[at..].split('"').next()?.parse().ok()
                };
                Some(num("yMax")? - num("yMin")?)
            })
            .collect();
        heights.sort_by(f64::total_cmp);
        heights[heights.len() / 2]
    };
    let (normal, big) = (median(&a4), median(&large));
    assert!(big > normal * 1.3, "large print {big} vs {normal}");
}

#[test]
fn community_sessions_are_checked_in_every_format() {
    let net = three_sites();
    let rel = "sessions/2026-11-05-webinar.toml";
    net.write(
        rel,
        "date = 2026-11-04\n\
kind = \"webnar\"\n\
sites = [\"lakeside\", \"harbor\"]\n\n\
[[attendees]]\nname = \"Ines\"\nrole = \"coordinater\"\n\n\
[[attendees]]\nname = \"Sara\"\nrole = \"patient-partner\"\nsite = \"ghost\"\n\n\
[[actions]]\nwhat = \"Send slides\"\ndue = 2026-11-01\n",
    );
    let path = net.net().join(rel);
    let json = net.run(&["check", "--format", "json"]);
    json.assert_code(1);
    let found = common::findings(&json.json());
    let at = |needle: &str| Some(common::line_of(&path, needle));
    for (code, line) in [
        ("CV057", at("\"harbor\"")),
        ("CV057", at("site = \"ghost\"")),
        ("CV059", at("site = \"ghost\"")),
        ("CV005", at("coordinater")),
        ("CV005", at("webnar")),
        ("CV058", at("date = 2026-11-04")),
        ("CV033", at("[[actions]]")),
    ] {
        assert!(
            common::has_at(&found, code, rel, line),
            "{code} at line {line:?} missing: {found:#?}"
        );
    }
    let text = net.run(&["check"]);
    text.assert_code(1);
    assert!(
        text.stdout.contains("error[CV057]") && text.stdout.contains(&format!("{rel}:3:22")),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("did you mean \"coordinator\""),
        "{}",
        text.stdout
    );
    for format in ["github", "gitlab", "sarif"] {
        let run = net.run(&["check", "--format", format]);
        run.assert_code(1);
        assert!(
            run.stdout.contains("CV057") && run.stdout.contains("2026-11-05-webinar.toml"),
            "{format}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn hostile_community_records_fail_safely() {
    let net = three_sites();
    // Control characters and bidi marks are shown, not obeyed.
    net.write(
        "sessions/2026-11-05-webinar.toml",
        "date = 2026-11-05\ntitle = \"T\\u001b]0;owned\\u0007\"\n\n\
[[actions]]\nwhat = \"Clear \\u001b[2J the \\u202Escreen\"\ndue = 2026-11-10\n",
    );
    let check = net.run(&["check"]);
    assert!(!check.stdout.contains('\u{1b}'), "{}", check.stdout);
    assert!(!check.stdout.contains('\u{202e}'), "{}", check.stdout);
    assert!(check.stdout.contains("Clear"), "{}", check.stdout);
    let new = net.run(&["network", "session", "new", "--date", "2026-12-03"]);
    new.assert_code(0);
    assert!(new.stdout.contains("Clear"), "{}", new.stdout);
    assert!(!new.stdout.contains('\u{1b}') && !new.stdout.contains('\u{202e}'));
    net.run(&["network", "session", "pack", "2026-11-05-webinar"])
        .assert_code(0);
    let html = net.read("out/community-2026-11-05-webinar.html");
    assert!(!html.contains('\u{1b}'), "escape in the pack");
    // A record linked to a file outside the network folder is not read.
    let outside = net.path().join("secret.toml");
    std::fs::write(&outside, "date = 2026-11-01\ntitle = \"SECRET\"\n").expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&outside, net.net().join("sessions/2026-11-01-webinar.toml"))
            .expect("link");
        let run = net.run(&["check"]);
        run.assert_code(1);
        assert!(run.stdout.contains("CV001"), "{}", run.stdout);
        let pack = net.run(&["network", "session", "pack", "2026-11-01-webinar"]);
        pack.assert_code(2);
        assert!(!pack.stdout.contains("SECRET") && !pack.stderr.contains("SECRET"));
        std::fs::remove_file(net.net().join("sessions/2026-11-01-webinar.toml")).expect("rm");
    }
    // A huge record is refused by its size, not read.
    let huge = net.net().join("sessions/2026-11-02-webinar.toml");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(40 * 1024 * 1024).expect("grow");
    let run = net.run(&["check"]);
    run.assert_code(1);
    assert!(run.stdout.contains("CV001"), "{}", run.stdout);
    std::fs::remove_file(&huge).expect("rm");
    // The pack is never written over network.toml.
    let before = net.read("network.toml");
    let run = net.run(&["network", "session", "pack", "-o", "network.toml"]);
    run.assert_code(2);
    assert_eq!(net.read("network.toml"), before);
    // A bad --date or --kind writes nothing.
    for args in [["--date", "2026-02-30"], ["--kind", "party"]] {
        let mut all = vec!["network", "session", "new"];
        all.extend(args);
        net.run(&all).assert_code(2);
    }
    let records = std::fs::read_dir(net.net().join("sessions"))
        .expect("sessions")
        .count();
    assert_eq!(records, 2);
}

#[test]
fn every_network_verb_ends_its_help_with_examples() {
    let net = empty_network();
    for verb in [
        &["network"][..],
        &["network", "init"],
        &["network", "add"],
        &["network", "remove"],
        &["network", "fetch"],
        &["network", "report"],
        &["network", "status"],
        &["network", "session"],
        &["network", "session", "new"],
        &["network", "session", "pack"],
    ] {
        let mut args = verb.to_vec();
        args.push("--help");
        let run = net.run(&args);
        run.assert_code(0);
        let last = run.stdout.trim_end().lines().last().unwrap_or("");
        assert!(
            run.stdout.contains("Examples:")
                && last
                    .trim_start()
                    .starts_with(&format!("covalue {}", verb.join(" "))),
            "`covalue {}` --help should end with examples:\n{}",
            verb.join(" "),
            run.stdout
        );
    }
}

#[test]
fn the_schema_of_a_community_session_is_written_and_printed() {
    let net = empty_network();
    let schema: serde_json::Value =
        serde_json::from_str(&net.read("schemas/community-session.schema.json")).expect("JSON");
    let roles = &schema["properties"]["attendees"]["items"]["properties"]["role"]["enum"];
    assert!(
        roles
            .as_array()
            .is_some_and(|r| r.iter().any(|v| v == "coordinator")
                && r.iter().any(|v| v == "patient-partner")),
        "{roles}"
    );
    let kinds = &schema["properties"]["kind"]["enum"];
    assert!(
        kinds
            .as_array()
            .is_some_and(|k| k.iter().any(|v| v == "webinar"))
    );
    let all = net.run(&["schema"]).json();
    assert_eq!(all["community-session.schema.json"], schema);
}
