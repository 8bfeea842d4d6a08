//! `covalue serve`: the real binary serving a copy of an example workbook.
//! Plain HTTP requests show what is refused (no token, a wrong `Host`, a
//! form without its CSRF token) and what every page carries (a strict
//! Content-Security-Policy); a headless Chromium, driven through the
//! DevTools protocol, answers, defers and edits as a team would, and the
//! files on disk are compared byte for byte afterwards.

// The browser is driven over the DevTools pipe, which covalue opens on Unix;
// CI runs these tests on Linux and type-checks Windows without them.
#![cfg(unix)]

#[path = "common/cdp.rs"]
mod cdp;
mod common;

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::serve::{Served, answer_of, browser, connect, encode, http, unescape};
use common::{HALF_DONE, TODAY, example, read, tree, write};

const POPULATION: &str = "populations/heart-failure";
const CHAIN: &str = "populations/heart-failure/answers/chain.md";
const MAP: &str = "populations/heart-failure/process-map.toml";

/// The value of a hidden field of a page's form.
fn hidden(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no field {name} in {page}"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').expect("end of value")].to_string()
}

#[test]
fn requests_without_the_token_the_right_host_or_the_form_token_are_refused() {
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let before = tree(tmp.path());

    let no_token = http(&served, "GET", "/", &[], "");
    assert_eq!(no_token.status, 403);
    assert!(no_token.body.contains("needs the address with its token"));
    let wrong_token = http(&served, "GET", "/?token=00", &[], "");
    assert_eq!(wrong_token.status, 403);

    let first = http(
        &served,
        "GET",
        &format!("/p/heart-failure?token={}", served.token),
        &[],
        "",
    );
    assert_eq!(first.status, 303);
    assert_eq!(first.header("location"), Some("/p/heart-failure"));
    let set = first.header("set-cookie").expect("a cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );

    let c = served.cookie();
    let page = http(&served, "GET", "/p/heart-failure", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Heart failure"), "{}", page.body);
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("script-src"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));

    // DNS rebinding: a page elsewhere reaching 127.0.0.1 under its own name.
    let rebound = http(
        &served,
        "GET",
        &format!("/?token={}", served.token),
        &[("Host", "evil.example:80"), ("Cookie", &c)],
        "",
    );
    assert_eq!(rebound.status, 403);

    // A form posted from elsewhere has the cookie (were it sent) but not the form token.
    let form = http(
        &served,
        "GET",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        "",
    );
    let hash = hidden(&form.body, "hash");
    let forged = encode(&[("hash", &hash), ("status", "answered"), ("text", "forged")]);
    let post = http(
        &served,
        "POST",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        &forged,
    );
    assert_eq!(post.status, 403);
    let wrong = encode(&[
        ("csrf", "0"),
        ("hash", &hash),
        ("status", "answered"),
        ("text", "forged"),
    ]);
    let post = http(
        &served,
        "POST",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        &wrong,
    );
    assert_eq!(post.status, 403);
    let no_cookie = encode(&[
        ("csrf", &hidden(&form.body, "csrf")),
        ("hash", &hash),
        ("status", "answered"),
        ("text", "forged"),
    ]);
    let post = http(
        &served,
        "POST",
        "/p/heart-failure/q/chain-measures",
        &[],
        &no_cookie,
    );
    assert_eq!(post.status, 403);

    assert!(
        before == tree(tmp.path()),
        "a refused request changed a file"
    );
}

#[test]
fn in_session_mode_steps_in_focus_come_first_and_saved_answers_are_listed() {
    let tmp = example(HALF_DONE);
    let record = tmp.path().join(format!("sessions/{TODAY}-chain.toml"));
    let original = format!(
        "#:schema ../schemas/session.schema.json\n# prepared by hand\ndate = {TODAY}\npopulations = [\"heart-failure\"]\nfocus = [\"chain\"]\n\n[[attendees]]\nname = \"Sara\"\nrole = \"patient-partner\"\n"
    );
    write(&record, &original);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let page = http(&served, "GET", "/p/heart-failure", &[("Cookie", &c)], "");
    let chain = page.body.find("Step 3 · Value chain").expect("step 3");
    let preparation = page.body.find("Step 1 · Preparation").expect("step 1");
    assert!(chain < preparation, "the step in focus comes first");

    let form = http(
        &served,
        "GET",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        "",
    );
    let body = encode(&[
        ("csrf", &hidden(&form.body, "csrf")),
        ("hash", &hidden(&form.body, "hash")),
        ("status", "answered"),
        ("text", "Days to the first visit after discharge."),
    ]);
    let saved = http(
        &served,
        "POST",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        &body,
    );
    assert_eq!(saved.status, 303);
    assert_eq!(
        read(&record),
        original.replace(
            "focus = [\"chain\"]\n",
            "focus = [\"chain\"]\nanswered = [\"chain-measures\"]\n"
        )
    );
    let check = common::covalue(tmp.path())
        .arg("check")
        .output()
        .expect("check");
    assert!(
        !String::from_utf8_lossy(&check.stdout).contains("sessions/"),
        "the session record with `answered` is still valid: {}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// Sets a form field in the page (a text field, a text area, or the radio
/// button with that value) through the DevTools protocol.
fn fill(b: &mut cdp::Browser, name: &str, value: &str) {
    let v = serde_json::to_string(value).expect("json");
    b.eval(&format!(
        "(() => {{ const r = document.querySelector('input[type=radio][name={name}][value=' + JSON.stringify({v}) + ']'); \
         if (r) {{ r.checked = true; return; }} \
         document.querySelector('[name={name}]').value = {v}; }})()"
    ));
}

fn submit(b: &mut cdp::Browser) {
    b.and_wait("document.querySelector('form.edit').submit()");
}

#[test]
fn a_team_answers_defers_and_edits_a_step_in_the_browser_and_only_that_changes() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let before = tree(root);
    let chain = read(&root.join(CHAIN));
    let map = read(&root.join(MAP));
    // The example's latest session record, where the saved answers are listed.
    let record = root.join("sessions/2026-10-20-chain.toml");
    let record_text = read(&record);
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);

    b.open(&served.url(&format!("/?token={}", served.token)));
    assert_eq!(
        b.eval("location.search"),
        serde_json::json!(""),
        "the token leaves the address bar"
    );
    let home = b.text();
    assert!(
        home.contains("Heart failure care at Harbour Community Health"),
        "{home}"
    );

    // Answer an open question, with a script in it.
    b.and_wait("location.href = '/p/heart-failure/s/chain'");
    assert!(b.text().contains("Open"));
    b.and_wait("location.href = '/p/heart-failure/q/chain-coproduction'");
    let answer = "Patients could weigh themselves <script>window.pwned = 1</script> and **send** the numbers.";
    fill(&mut b, "status", "answered");
    fill(&mut b, "text", answer);
    submit(&mut b);
    let page = b.text();
    assert!(page.contains("Saved chain-coproduction"), "{page}");
    assert!(
        page.contains("<script>window.pwned = 1</script>"),
        "the script shows as text: {page}"
    );
    assert_eq!(
        b.eval("window.pwned === undefined"),
        serde_json::json!(true)
    );
    assert_eq!(
        b.eval("document.querySelectorAll('main script').length"),
        serde_json::json!(0)
    );
    assert_eq!(
        b.eval("document.querySelector('#q-chain-coproduction strong').textContent"),
        serde_json::json!("send")
    );

    // Defer another, with owner and date.
    b.and_wait("location.href = '/p/heart-failure/q/chain-measures'");
    fill(&mut b, "status", "deferred");
    fill(&mut b, "reason", "We need the finance lead");
    fill(&mut b, "owner", "Ola");
    fill(&mut b, "until", "2027-01-31");
    submit(&mut b);
    let page = b.text();
    assert!(
        page.contains("Deferred") && page.contains("owner: Ola"),
        "{page}"
    );

    // Change a step's level of coproduction.
    b.and_wait("location.href = '/p/heart-failure/step/routine-visits'");
    fill(&mut b, "coproduction", "shared-planning");
    submit(&mut b);
    assert!(b.eval("location.pathname") == serde_json::json!("/p/heart-failure"));

    // On disk: the changed parts and nothing else.
    let prompt_end = |text: &str, id: &str| {
        let at = text.find(&format!("{{#{id}}}")).expect("heading");
        at + text[at..].find("-->\n").expect("prompt") + 4
    };
    let mut expected = chain.clone();
    let end = prompt_end(&expected, "chain-measures");
    expected.insert_str(
        end,
        "\nDeferred: We need the finance lead\nOwner: Ola\nUntil: 2027-01-31\n",
    );
    let end = prompt_end(&expected, "chain-coproduction");
    expected.insert_str(end, &format!("\n{answer}\n"));
    assert_eq!(read(&root.join(CHAIN)), expected);
    let at = map.find("id = \"routine-visits\"").expect("step");
    let level = at + map[at..].find("coproduction = \"none\"").expect("level");
    let mut expected_map = map.clone();
    expected_map.replace_range(level..level + 21, "coproduction = \"shared-planning\"");
    assert_eq!(read(&root.join(MAP)), expected_map);
    assert_eq!(
        read(&record),
        record_text.replace(
            "answered = [\"chain-processes\", \"chain-walkthrough\"]",
            "answered = [\"chain-processes\", \"chain-walkthrough\", \"chain-coproduction\", \"chain-measures\"]"
        ),
        "the session record lists the two saved answers"
    );
    let after = tree(root);
    for (path, (bytes, _)) in &before {
        if path.ends_with("chain.md")
            || path.ends_with("process-map.toml")
            || path.ends_with("2026-10-20-chain.toml")
        {
            continue;
        }
        assert!(
            after.get(path).is_some_and(|(b, _)| b == bytes),
            "{} changed",
            path.display()
        );
    }
    assert_eq!(
        before.len(),
        after.len(),
        "no file was added or left behind"
    );
}

#[test]
fn a_save_after_the_file_changed_on_disk_is_refused_with_both_versions() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let served = Served::start(root, &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.url(&format!(
        "/p/heart-failure/q/chain-measures?token={}",
        served.token
    )));
    fill(&mut b, "status", "answered");
    fill(&mut b, "text", "Our words from the room.");
    // Meanwhile a teammate's `git pull` changes the file.
    let theirs = read(&root.join(CHAIN)).replace(
        "would come from. -->\n",
        "would come from. -->\n\nReadmissions within 30 days, from the hospital.\n",
    );
    assert_ne!(
        theirs,
        read(&root.join(CHAIN)),
        "the example's prompt moved"
    );
    write(&root.join(CHAIN), &theirs);
    submit(&mut b);
    let page = b.text();
    assert!(page.contains("Not saved"), "{page}");
    assert!(
        page.contains("Readmissions within 30 days, from the hospital."),
        "theirs: {page}"
    );
    assert!(page.contains("Our words from the room."), "yours: {page}");
    assert_eq!(read(&root.join(CHAIN)), theirs, "nothing was written");
    let shots = std::env::var_os("COVALUE_SCREENSHOTS").is_some();
    if shots {
        b.screenshot(&docs_serve().join("conflict.png"));
    }

    // Saving theirs over ours is a deliberate second step.
    submit(&mut b);
    assert!(read(&root.join(CHAIN)).contains("Our words from the room."));
    if shots {
        screenshots(&served, &mut b);
    }
}

fn docs_serve() -> PathBuf {
    let dir = common::manifest_dir().join("docs/serve");
    std::fs::create_dir_all(&dir).expect("docs/serve");
    dir
}

/// The screenshots of docs/serve.md, made with `COVALUE_SCREENSHOTS=1 cargo
/// test --test serve a_save_after` (they are not compared: they show the pages).
fn screenshots(served: &Served, b: &mut cdp::Browser) {
    let dir = docs_serve();
    for (path, name) in [
        ("/", "populations"),
        ("/p/heart-failure", "population"),
        ("/p/heart-failure/s/short-form", "short-form"),
        ("/p/heart-failure/s/chain", "step"),
        ("/p/heart-failure/q/chain-coproduction", "question"),
        ("/p/heart-failure/step/routine-visits", "process-step"),
    ] {
        b.open(&served.url(path));
        b.screenshot(&dir.join(format!("{name}.png")));
    }
}

/// The links of a page that start with `prefix`, without their `#…` (a
/// browser never sends it).
fn links(page: &str, prefix: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|link| {
            let link = unescape(link);
            link.split('#').next().unwrap_or_default().to_string()
        })
        .filter(|l| l.starts_with(prefix))
        .collect()
}

/// What a browser would send back for a form left as it is.
fn form_as_is(page: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for part in page.split("<input").skip(1) {
        let tag = &part[..part.find('>').expect("end of input")];
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            tag.find(&key).map(|at| {
                let rest = &tag[at + key.len()..];
                unescape(&rest[..rest.find('"').expect("end of attribute")])
            })
        };
        let Some(name) = attr("name") else { continue };
        let choice = tag.contains("type=\"radio\"") || tag.contains("type=\"checkbox\"");
        if choice && !tag.contains(" checked") {
            continue;
        }
        fields.push((name, attr("value").unwrap_or_default()));
    }
    for part in page.split("<textarea").skip(1) {
        let open = part.find('>').expect("end of textarea tag");
        let name_at = part.find("name=\"").expect("textarea name") + 6;
        let name = &part[name_at..name_at + part[name_at..].find('"').expect("name end")];
        let body = &part[open + 1..part.find("</textarea>").expect("end of textarea")];
        fields.push((name.to_string(), unescape(body)));
    }
    fields
}

/// A form's fields, as a browser sends them.
type Fields = Vec<(String, String)>;

/// Each form of a page: where it is posted (None: the page's own address)
/// and what a browser would send for it left as it is.
fn forms_as_is(page: &str) -> Vec<(Option<String>, Fields)> {
    page.split("<form")
        .skip(1)
        .map(|part| {
            let form = &part[..part.find("</form>").expect("end of form")];
            let tag = &form[..form.find('>').expect("end of form tag")];
            let action = tag.find("action=\"").map(|at| {
                let rest = &tag[at + 8..];
                unescape(&rest[..rest.find('"').expect("end of action")])
            });
            (action, form_as_is(form))
        })
        .collect()
}

#[test]
fn saving_every_form_as_it_is_changes_no_byte() {
    for name in [HALF_DONE, common::COMPLETE] {
        let tmp = example(name);
        // Without session records: in session mode every save is listed in
        // the record, which is what a save is for there.
        std::fs::remove_dir_all(tmp.path().join("sessions")).expect("sessions");
        let before = tree(tmp.path());
        let served = Served::start(tmp.path(), &[]);
        let c = served.cookie();
        let get = |path: &str| {
            let r = http(&served, "GET", path, &[("Cookie", &c)], "");
            assert_eq!(r.status, 200, "{path}: {}", r.body);
            r.body
        };
        let home = get("/");
        let mut forms = Vec::new();
        for pop in links(&home, "/p/") {
            let page = get(&pop);
            for section in links(&page, &format!("{pop}/s/")) {
                for link in links(&get(&section), &format!("{pop}/q/")) {
                    if !forms.contains(&link) {
                        forms.push(link);
                    }
                }
            }
            forms.extend(links(&page, &format!("{pop}/step/")));
            forms.extend(links(&page, &format!("{pop}/persona/")));
            forms.extend(links(&page, &format!("{pop}/measure/")));
            let register = get(&format!("{pop}/improvements"));
            forms.extend(links(&register, &format!("{pop}/improvement/")));
            forms.push(format!("{pop}/about"));
        }
        assert!(forms.len() > 20, "{name}: only {forms:?}");
        let mut parts = 0;
        for path in &forms {
            // A walk-through's page has a form for its lead and one per persona.
            for (action, fields) in forms_as_is(&get(path)) {
                let to = action.unwrap_or_else(|| path.clone());
                parts += usize::from(to.contains("/part/"));
                let pairs: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let r = http(&served, "POST", &to, &[("Cookie", &c)], &encode(&pairs));
                assert_eq!(r.status, 303, "{name} {to}: {}", r.body);
            }
        }
        assert!(parts >= 4, "{name}: only {parts} persona parts saved");
        let after = tree(tmp.path());
        for (path, (bytes, _)) in &before {
            let now = &after.get(path).expect("still there").0;
            if now != bytes {
                let (was, is) = (String::from_utf8_lossy(bytes), String::from_utf8_lossy(now));
                let first = was.lines().zip(is.lines()).find(|(a, b)| a != b);
                panic!(
                    "{name}: saving the forms unchanged changed {}: {first:?}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn ctrl_c_stops_the_server_and_leaves_nothing_behind() {
    let tmp = example(HALF_DONE);
    let before = tree(tmp.path());
    let mut served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    assert_eq!(http(&served, "GET", "/", &[("Cookie", &c)], "").status, 200);
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(served.child.id() as i32, libc::SIGINT) };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while served.child.try_wait().expect("wait").is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "still serving after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let after = tree(tmp.path());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
}

#[test]
fn all_addresses_at_once_are_refused() {
    let tmp = example(HALF_DONE);
    let out = common::covalue(tmp.path())
        .args(["serve", "--port", "0", "--host", "0.0.0.0"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not on all of them") && err.contains("--host"),
        "{err}"
    );
}

#[test]
fn a_linked_persona_is_written_where_it_is_and_a_link_out_is_neither_shown_nor_written() {
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let personas = root.join(POPULATION).join("personas");
    // Markus kept once under shared/, linked from the population.
    std::fs::create_dir_all(root.join("shared")).expect("shared");
    std::fs::rename(personas.join("markus.md"), root.join("shared/markus.md")).expect("move");
    std::os::unix::fs::symlink("../../../shared/markus.md", personas.join("markus.md"))
        .expect("link");
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("eve.md");
    write(&secret, "---\nname: Eve\nkind: patient\n---\nSecret.\n");
    std::os::unix::fs::symlink(&secret, personas.join("eve.md")).expect("link out");

    let served = Served::start(root, &[]);
    let c = served.cookie();
    let out = http(
        &served,
        "GET",
        "/p/heart-failure/persona/eve",
        &[("Cookie", &c)],
        "",
    );
    assert_eq!(out.status, 404);
    assert!(!out.body.contains("Secret"));

    let page = http(
        &served,
        "GET",
        "/p/heart-failure/persona/markus",
        &[("Cookie", &c)],
        "",
    );
    assert_eq!(page.status, 200, "{}", page.body);
    let mut fields = form_as_is(&page.body);
    for (k, v) in &mut fields {
        if k == "contacts_per_year" {
            *v = "12".into();
        }
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = http(
        &served,
        "POST",
        "/p/heart-failure/persona/markus",
        &[("Cookie", &c)],
        &encode(&pairs),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let forged = encode(&[
        ("csrf", &hidden(&page.body, "csrf")),
        ("hash", &hidden(&page.body, "hash")),
        ("story", "Overwritten."),
    ]);
    let r = http(
        &served,
        "POST",
        "/p/heart-failure/persona/eve",
        &[("Cookie", &c)],
        &forged,
    );
    assert_eq!(r.status, 404);

    assert!(
        std::fs::symlink_metadata(personas.join("markus.md"))
            .expect("link")
            .is_symlink()
    );
    assert!(read(&root.join("shared/markus.md")).contains("contacts_per_year: 12"));
    assert_eq!(
        read(&secret),
        "---\nname: Eve\nkind: patient\n---\nSecret.\n"
    );
}

#[test]
fn hostile_text_in_the_workbook_runs_nothing_on_any_page() {
    let tmp = example(HALF_DONE);
    let root = tmp.path();
    let evil = "<script>alert(1)</script>\\\"><img src=x onerror=alert(2)>";
    let map = root.join(MAP);
    write(
        &map,
        read(&map).replace(
            "title = \"Routine primary care visits and lab work\"",
            &format!("title = \"{evil}\""),
        ),
    );
    let markus = root.join(POPULATION).join("personas/markus.md");
    write(
        &markus,
        read(&markus).replace("name: Markus", "name: \"<script>alert(3)</script>\""),
    );
    let chain = root.join(CHAIN);
    write(&chain, read(&chain).replace(
        "The main standard processes",
        "<script>alert(4)</script> <img src=x onerror=alert(5)> [see](javascript:alert(6)) The main standard processes",
    ));
    let served = Served::start(root, &[]);
    let c = served.cookie();
    let get = |path: &str| http(&served, "GET", path, &[("Cookie", &c)], "");
    let mut pages = vec!["/".to_string(), "/check".to_string()];
    let home = get("/").body;
    for pop in links(&home, "/p/") {
        let page = get(&pop).body;
        pages.push(pop.clone());
        for prefix in ["/s/", "/q/", "/step/", "/persona/", "/measure/"] {
            pages.extend(links(&page, &format!("{pop}{prefix}")));
        }
        for section in links(&page, &format!("{pop}/s/")) {
            pages.extend(links(&get(&section).body, &format!("{pop}/q/")));
        }
        pages.push(format!("/print/{}/full", pop.trim_start_matches("/p/")));
    }
    assert!(pages.len() > 20);
    let mut seen_title = false;
    for path in &pages {
        let r = get(path);
        assert_eq!(r.status, 200, "{path}");
        let body = r.body.to_lowercase();
        assert!(!body.contains("<script"), "{path} holds a script");
        // An attribute broken out of would show as a real element here.
        assert!(
            !body.contains("<img"),
            "{path} holds an image from the text"
        );
        assert!(
            !body.contains("href=\"javascript:"),
            "{path} holds a javascript: link"
        );

        assert!(r.header("content-security-policy").is_some(), "{path}");
        seen_title |= r
            .body
            .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;");
    }
    assert!(seen_title, "the hostile step title shows, as text");
}

#[test]
fn the_newest_session_record_is_written_to_whatever_its_date_and_another_when_named() {
    let tmp = example(HALF_DONE);
    // Only the records this test writes.
    std::fs::remove_dir_all(tmp.path().join("sessions")).expect("sessions");
    std::fs::create_dir(tmp.path().join("sessions")).expect("sessions");
    let older = tmp.path().join("sessions/2026-09-01-preparation.toml");
    let older_text = "date = 2026-09-01\nfocus = [\"preparation\"]\n";
    write(&older, older_text);
    // The newest record is weeks old: `serve --help` says it is taken all the same.
    let record = tmp.path().join("sessions/2026-10-01-chain.toml");
    let original = "date = 2026-10-01\nfocus = [\"chain\"]\nanswered = [\"chain-processes\"]\n";
    write(&record, original);
    let save = |served: &Served, text: &str| {
        let c = served.cookie();
        let form = http(
            served,
            "GET",
            "/p/heart-failure/q/chain-measures",
            &[("Cookie", &c)],
            "",
        );
        let body = encode(&[
            ("csrf", &hidden(&form.body, "csrf")),
            ("hash", &hidden(&form.body, "hash")),
            ("status", "answered"),
            ("text", text),
        ]);
        let r = http(
            served,
            "POST",
            "/p/heart-failure/q/chain-measures",
            &[("Cookie", &c)],
            &body,
        );
        assert_eq!(r.status, 303, "{}", r.body);
    };
    {
        let served = Served::start(tmp.path(), &[]);
        let c = served.cookie();
        let home = http(&served, "GET", "/", &[("Cookie", &c)], "");
        assert!(
            common::serve::unescape(&common::serve::without_isolation(&home.body))
                .contains("Saved answers are listed in sessions/2026-10-01-chain.toml"),
            "{}",
            home.body
        );
        save(&served, "First words.");
    }
    assert_eq!(
        read(&record),
        original.replace(
            "[\"chain-processes\"]",
            "[\"chain-processes\", \"chain-measures\"]"
        ),
        "the newest record lists the saved answer"
    );
    assert_eq!(read(&older), older_text, "an older record is left alone");
    let served = Served::start(
        tmp.path(),
        &["--session", "sessions/2026-09-01-preparation.toml"],
    );
    save(&served, "Second words.");
    assert_eq!(
        read(&older),
        "date = 2026-09-01\nfocus = [\"preparation\"]\nanswered = [\"chain-measures\"]\n",
        "a record named with --session is the one written to"
    );
    let bad = common::covalue(tmp.path())
        .args(["serve", "--session", "covalue.toml"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

/// The served check page reports what `covalue check` reports, the privacy
/// lint included: a personal identity number typed into the workbook shows.
#[test]
fn the_check_page_shows_a_personal_identifier_as_check_does() {
    let tmp = example(HALF_DONE);
    let file = tmp.path().join(POPULATION).join("population.toml");
    let text = read(&file).replacen(
        "description = \"Adults",
        "description = \"Sara, pnr 19811218-9876. Adults",
        1,
    );
    write(&file, &text);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let page = http(&served, "GET", "/check", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("CV030"), "{}", page.body);
}

// ---------------------------------------------------------------------------
// Hostile clients: what anyone who can reach the port may try, with or
// without the token. The server must keep serving everyone else, within
// bounded time and memory, and write nothing it was not asked to.

/// Sends a request's head, then its body from another thread (the server
/// may refuse before reading it), and reads the answer.
fn exchange(served: &Served, head: &str, body: Vec<u8>) -> (u16, String) {
    let mut stream = connect(served);
    stream.write_all(head.as_bytes()).expect("send the head");
    let mut writer = stream.try_clone().expect("clone");
    let sending = std::thread::spawn(move || {
        // The server may close the connection before the body is in.
        let _ = writer.write_all(&body);
    });
    let answer = answer_of(&mut stream);
    drop(stream);
    let _ = sending.join();
    answer
}

/// The resident memory of a process, in KiB (Linux).
fn resident_kib(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Standard error of the server, into a file outside the workbook.
fn log_to(file: &Path) -> impl FnOnce(&mut Command) {
    let file = std::fs::File::create(file).expect("log file");
    move |command: &mut Command| {
        command.stderr(Stdio::from(file));
    }
}

/// Starts the server allowed only `files` open files, its standard error
/// into `log`.
fn start_with_files(dir: &Path, files: u64, log: &Path) -> Served {
    use std::os::unix::process::CommandExt;
    let to_log = log_to(log);
    Served::start_with(dir, &[], |command| {
        to_log(command);
        // SAFETY: setrlimit(2) is async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: files,
                    rlim_max: files,
                };
                match libc::setrlimit(libc::RLIMIT_NOFILE, &limit) {
                    0 => Ok(()),
                    _ => Err(std::io::Error::last_os_error()),
                }
            });
        }
    })
}

#[test]
fn hundreds_of_idle_connections_neither_stop_nor_block_the_server() {
    let tmp = example(HALF_DONE);
    let logs = tempfile::tempdir().expect("logs");
    let log = logs.path().join("serve.log");
    // A small allowance of open files, as on many desktops: the
    // connections below would run out of them.
    let served = start_with_files(tmp.path(), 128, &log);
    let address: std::net::SocketAddr = served.host.parse().expect("address");
    let mut idle = Vec::new();
    for _ in 0..600 {
        if let Ok(stream) = TcpStream::connect_timeout(&address, Duration::from_secs(2)) {
            idle.push(stream);
        }
    }
    assert!(idle.len() > 500, "only {} connections opened", idle.len());

    let c = served.cookie();
    let started = std::time::Instant::now();
    let page = http(&served, "GET", "/", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "the page waited {:?} behind idle connections",
        started.elapsed()
    );
    drop(idle);
    let mut served = served;
    assert!(
        served.child.try_wait().expect("wait").is_none(),
        "the server stopped"
    );
    assert_eq!(
        http(&served, "GET", "/check", &[("Cookie", &c)], "").status,
        200
    );
    let said = read(&log);
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn running_out_of_open_files_is_said_on_the_terminal_and_serving_goes_on() {
    let tmp = example(HALF_DONE);
    let logs = tempfile::tempdir().expect("logs");
    let log = logs.path().join("serve.log");
    // So few open files that idle connections use them all up.
    let mut served = start_with_files(tmp.path(), 12, &log);
    let address: std::net::SocketAddr = served.host.parse().expect("address");
    let idle: Vec<TcpStream> = (0..40)
        .filter_map(|_| TcpStream::connect_timeout(&address, Duration::from_secs(2)).ok())
        .collect();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !read(&log).contains("Too many open files") {
        assert!(
            std::time::Instant::now() < deadline,
            "running out of open files was not said: {}",
            read(&log)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(idle);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        served.child.try_wait().expect("wait").is_none(),
        "the server stopped"
    );
    let c = served.cookie();
    let page = http(&served, "GET", "/", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200, "{}", page.body);
    let said = read(&log);
    assert!(said.contains("still serving"), "{said}");
    assert!(said.contains("Too many open files"), "{said}");
}

#[test]
fn an_endless_header_line_is_refused_with_431_in_bounded_memory() {
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let pid = served.child.id();
    let before = resident_kib(pid);
    let mut stream = connect(&served);
    let mut writer = stream.try_clone().expect("clone");
    let head = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Long: ", served.host);
    let sending = std::thread::spawn(move || {
        let mut sent = 0usize;
        if writer.write_all(head.as_bytes()).is_err() {
            return sent;
        }
        let chunk = vec![b'a'; 64 << 10];
        // 256 MiB at most; the server should stop reading long before.
        while sent < 256 << 20 {
            match writer.write(&chunk) {
                Ok(n) => sent += n,
                Err(_) => break,
            }
        }
        sent
    });
    let (status, text) = answer_of(&mut stream);
    assert_eq!(status, 431, "{text}");
    assert!(text.contains("headers are too large"), "{text}");
    drop(stream);
    let sent = sending.join().expect("writer");
    assert!(
        sent < 64 << 20,
        "the connection took {} MiB of one header line",
        sent >> 20
    );
    if let (Some(before), Some(after)) = (before, resident_kib(pid)) {
        assert!(
            after < before + (32 << 10),
            "the server grew from {before} KiB to {after} KiB"
        );
    }
    let c = served.cookie();
    assert_eq!(http(&served, "GET", "/", &[("Cookie", &c)], "").status, 200);
}

#[test]
fn a_pipelining_client_that_never_reads_does_not_block_another() {
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let mut stuck = connect(&served);
    let one = format!(
        "GET /print/heart-failure/full HTTP/1.1\r\nHost: {}\r\nCookie: {c}\r\n\r\n",
        served.host
    );
    // Thousands of requests in one go, and never a byte read.
    let _flooding = std::thread::spawn(move || {
        for _ in 0..5000 {
            if stuck.write_all(one.as_bytes()).is_err() {
                break;
            }
        }
        stuck
    });
    std::thread::sleep(Duration::from_millis(500));
    let started = std::time::Instant::now();
    let page = http(&served, "GET", "/", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "another client waited {:?}",
        started.elapsed()
    );
}

#[test]
fn a_form_that_never_arrives_blocks_no_one_and_times_out() {
    let tmp = example(HALF_DONE);
    let before = tree(tmp.path());
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let mut slow = connect(&served);
    slow.write_all(
        format!(
            "POST /p/heart-failure/q/chain-measures HTTP/1.1\r\nHost: {}\r\nCookie: {c}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ncsrf=",
            served.host
        )
        .as_bytes(),
    )
    .expect("send");
    let sent = std::time::Instant::now();
    let page = http(&served, "GET", "/", &[("Cookie", &c)], "");
    assert_eq!(page.status, 200);
    assert!(
        sent.elapsed() < Duration::from_secs(5),
        "another client waited {:?}",
        sent.elapsed()
    );
    let (status, text) = answer_of(&mut slow);
    assert_eq!(status, 408, "{text}");
    assert!(text.contains("did not arrive in time"), "{text}");
    assert!(
        sent.elapsed() < Duration::from_secs(30),
        "the half-sent form was waited for {:?}",
        sent.elapsed()
    );
    assert!(before == tree(tmp.path()), "a file changed");
}

#[test]
fn a_form_too_large_or_sent_in_chunks_is_refused_and_nothing_is_written() {
    let tmp = example(HALF_DONE);
    let before = tree(tmp.path());
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let path = "/p/heart-failure/q/chain-measures";
    let page = http(&served, "GET", path, &[("Cookie", &c)], "");
    let big = "x".repeat(5 << 20);
    let form = encode(&[
        ("csrf", &hidden(&page.body, "csrf")),
        ("hash", &hidden(&page.body, "hash")),
        ("status", "answered"),
        ("text", &big),
    ]);
    let head = |framing: &str| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: {c}\r\nContent-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n",
            served.host
        )
    };

    let (status, text) = exchange(
        &served,
        &head(&format!("Content-Length: {}", form.len())),
        form.clone().into_bytes(),
    );
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("too large"), "{text}");

    let mut chunked = Vec::new();
    for piece in form.as_bytes().chunks(64 << 10) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let (status, text) = exchange(&served, &head("Transfer-Encoding: chunked"), chunked);
    assert_eq!(status, 411, "{text}");
    assert!(text.contains("sent in pieces"), "{text}");

    assert!(before == tree(tmp.path()), "a refused form changed a file");
}

#[test]
fn large_forms_sent_at_once_take_bounded_memory() {
    let tmp = example(HALF_DONE);
    let before = tree(tmp.path());
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let head = format!(
        "POST /p/heart-failure/q/chain-measures HTTP/1.1\r\nHost: {}\r\nCookie: {c}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        served.host,
        4 << 20
    );
    // Eight forms of 4 MiB announced, and coming slowly: 32 MiB in waiting.
    let mut waiting = Vec::new();
    for _ in 0..8 {
        let mut stream = connect(&served);
        stream.write_all(head.as_bytes()).expect("send");
        waiting.push(stream);
    }
    std::thread::sleep(Duration::from_millis(500));
    let started = std::time::Instant::now();
    let (status, text) = exchange(&served, &head, Vec::new());
    assert_eq!(status, 503, "{text}");
    assert!(text.contains("busy"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(http(&served, "GET", "/", &[("Cookie", &c)], "").status, 200);
    drop(waiting);
    assert!(before == tree(tmp.path()), "a file changed");
}

#[test]
fn the_cookie_is_named_with_the_port_so_two_servers_keep_their_own() {
    let tmp = example(HALF_DONE);
    let one = Served::start(tmp.path(), &[]);
    let two = Served::start(tmp.path(), &[]);
    let set = |served: &Served| {
        let r = http(served, "GET", &format!("/?token={}", served.token), &[], "");
        assert_eq!(r.status, 303);
        r.header("set-cookie").expect("a cookie").to_string()
    };
    let (first, second) = (set(&one), set(&two));
    assert!(
        first.starts_with(&format!("covalue-token-{}=", one.port())),
        "{first}"
    );
    assert!(
        second.starts_with(&format!("covalue-token-{}=", two.port())),
        "{second}"
    );
    // The token under another server's name is not this server's cookie.
    let elsewhere = format!("covalue-token-{}={}", two.port(), one.token);
    let r = http(&one, "GET", "/", &[("Cookie", &elsewhere)], "");
    assert_eq!(r.status, 403);
    // Both cookies in one header, as a browser sends them for 127.0.0.1.
    let both = format!("{}; {}", two.cookie(), one.cookie());
    assert_eq!(http(&one, "GET", "/", &[("Cookie", &both)], "").status, 200);
    assert_eq!(http(&two, "GET", "/", &[("Cookie", &both)], "").status, 200);
}

#[test]
fn a_redirect_never_leaves_the_server() {
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    for target in [
        "//evil.example/",
        "/\\evil.example/",
        "http://evil.example/",
    ] {
        let r = http(
            &served,
            "GET",
            &format!("{target}?token={}", served.token),
            &[],
            "",
        );
        assert_eq!(r.status, 303, "{target}");
        assert_eq!(r.header("location"), Some("/"), "{target}");
    }
    let r = http(
        &served,
        "GET",
        &format!("/p/heart-failure?x=1&token={}", served.token),
        &[],
        "",
    );
    assert_eq!(r.header("location"), Some("/p/heart-failure?x=1"));
}

#[test]
fn an_error_page_names_no_place_outside_the_workbook_and_the_terminal_shows_it_safely() {
    let tmp = example(HALF_DONE);
    let outside = tempfile::tempdir().expect("outside");
    // A file name that would retitle the terminal, were it printed as it is.
    let target = outside.path().join("\u{1b}]0;pwned\u{7}.md");
    write(&target, "# Secret\n");
    let chain = tmp.path().join(CHAIN);
    std::fs::remove_file(&chain).expect("remove");
    std::os::unix::fs::symlink(&target, &chain).expect("link out");
    let logs = tempfile::tempdir().expect("logs");
    let log = logs.path().join("serve.log");
    let served = Served::start_with(tmp.path(), &[], log_to(&log));
    let c = served.cookie();
    let page = http(
        &served,
        "GET",
        "/p/heart-failure/q/chain-measures",
        &[("Cookie", &c)],
        "",
    );
    assert_eq!(page.status, 500, "{}", page.body);
    let unescaped = page.body.replace("&#x2f;", "/");
    assert!(
        unescaped.contains("populations/heart-failure/answers/chain.md"),
        "{unescaped}"
    );
    for place in [outside.path(), tmp.path()] {
        let place = place.to_string_lossy();
        assert!(!unescaped.contains(&*place), "{place} in {unescaped}");
    }
    assert!(!unescaped.contains("/tmp"), "{unescaped}");
    let said = read(&log);
    assert!(said.contains("leads outside the workbook"), "{said}");
    assert!(said.contains("␛]0;pwned␇"), "shown, not obeyed: {said}");
    assert!(!said.contains('\u{1b}'), "{said:?}");
}

#[test]
fn open_gives_the_browser_a_private_file_and_never_the_token() {
    let tmp = example(HALF_DONE);
    let bin = tempfile::tempdir().expect("bin");
    let record = bin.path().join("args.txt");
    let script = bin.path().join("browser.sh");
    write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}.part' && mv '{0}.part' '{0}'\n",
            record.display()
        ),
    );
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut served = Served::start_with(tmp.path(), &["--open"], |command| {
        command.env("BROWSER", &script);
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !record.exists() {
        assert!(std::time::Instant::now() < deadline, "$BROWSER was not run");
        std::thread::sleep(Duration::from_millis(50));
    }
    let args = read(&record);
    assert!(!args.contains(&served.token), "the token is in {args}");
    let url = args.trim();
    let file = PathBuf::from(
        url.strip_prefix("file://")
            .unwrap_or_else(|| panic!("not a file URL: {url}")),
    );
    let mode = |path: &Path| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&file), 0o600);
    let folder = file.parent().expect("folder").to_path_buf();
    assert_eq!(mode(&folder), 0o700);
    let page = read(&file);
    assert!(page.contains(&served.token), "{page}");
    assert!(page.contains("http-equiv=\"refresh\""), "{page}");

    // Stopped with Ctrl-C, the server takes its page away.
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(served.child.id() as i32, libc::SIGINT) };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while served.child.try_wait().expect("wait").is_none() {
        assert!(std::time::Instant::now() < deadline, "still serving");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!folder.exists(), "{} was left behind", folder.display());
}

#[test]
fn a_saved_answer_may_not_carry_another_questions_heading_nor_double_its_own() {
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    // The first answer opens a code fence it never closes.
    let text = read(&chain).replacen("{#chain-processes}\n\n", "{#chain-processes}\n\n```\n", 1);
    write(&chain, &text);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let save = |answer: &str| {
        let form = http(
            &served,
            "GET",
            "/p/heart-failure/q/chain-measures",
            &[("Cookie", &c)],
            "",
        );
        let body = encode(&[
            ("csrf", &hidden(&form.body, "csrf")),
            ("hash", &hidden(&form.body, "hash")),
            ("status", "answered"),
            ("text", answer),
        ]);
        http(
            &served,
            "POST",
            "/p/heart-failure/q/chain-measures",
            &[("Cookie", &c)],
            &body,
        )
    };
    let before = read(&chain);
    for hostile in [
        "Our measures.\n\n## Taken over {#chain-processes}\n\nNothing is standard.",
        "```\n## Taken over {#chain-processes}\n```",
    ] {
        let refused = save(hostile);
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.contains("## Taken over {#chain-processes}")
                && refused.body.contains("Nothing was saved"),
            "{}",
            refused.body
        );
        assert_eq!(read(&chain), before, "a refused save changed the file");
    }
    // A plain answer goes under its heading, past the open fence: no
    // second heading at the end.
    let saved = save("Days from discharge to the first visit.");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let after = read(&chain);
    assert_eq!(after.matches("{#chain-measures}").count(), 1, "{after}");
    assert!(after.contains("Days from discharge to the first visit."));
}

#[test]
fn a_record_that_starts_with_a_byte_order_mark_is_edited_in_place() {
    let tmp = example(HALF_DONE);
    let map = tmp.path().join(MAP);
    let original = format!("\u{feff}{}", read(&map));
    write(&map, &original);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let path = "/p/heart-failure/step/symptoms-and-diagnosis";
    let page = http(&served, "GET", path, &[("Cookie", &c)], "");
    assert_eq!(page.status, 200, "{}", page.body);
    let old = "Symptoms, first visit and diagnosis (echocardiogram, BNP)";
    let fields: Vec<(String, String)> = form_as_is(&page.body)
        .into_iter()
        .map(|(k, v)| match k.as_str() {
            "title" => (k, "Symptoms and diagnosis".to_string()),
            _ => (k, v),
        })
        .collect();
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = http(&served, "POST", path, &[("Cookie", &c)], &encode(&pairs));
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        read(&map),
        original.replacen(old, "Symptoms and diagnosis", 1),
        "only the title changed, the mark stayed"
    );
}

/// Text as words only: tags, Markdown punctuation and line breaks aside.
fn words(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    unescape(&plain)
        .chars()
        .map(|c| if "*_`#>[](){}|\\".contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const WALKTHROUGHS: [(&str, &str); 4] = [
    ("chain-walkthrough", "chain"),
    ("shop-walkthrough", "shop"),
    ("network-walkthrough", "network"),
    ("access-walkthrough", "access"),
];

/// The lines of `text` from the one holding `{#id}` to the next heading
/// of level `up_to` or above.
fn under(text: &str, id: &str, up_to: usize) -> Vec<String> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.contains(&format!("{{#{id}}}")));
    let Some(first) = lines.next() else {
        return Vec::new();
    };
    let ends = |l: &str| {
        let n = l.bytes().take_while(|b| *b == b'#').count();
        (1..=up_to).contains(&n) && l[n..].starts_with(' ')
    };
    std::iter::once(first)
        .chain(lines.take_while(|l| !ends(l)))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_walkthroughs_pages_show_every_persona_name_and_part_the_full_form_prints() {
    for (example_name, pop) in [(common::COMPLETE, "ms"), (HALF_DONE, "heart-failure")] {
        let tmp = example(example_name);
        let root = tmp.path();
        let full = common::run(root, &["render", "--form", "full", "--format", "md", "-q"]);
        assert_eq!(full.code, Some(0), "{}", full.stderr);
        let printed = read(&root.join("out/full.md"));
        let full_words = words(&printed);
        let served = Served::start(root, &[]);
        let c = served.cookie();
        let mut seen = 0;
        for (id, step) in WALKTHROUGHS {
            let mut pages = Vec::new();
            for path in [format!("/p/{pop}/q/{id}"), format!("/p/{pop}/s/{step}")] {
                let page = http(&served, "GET", &path, &[("Cookie", &c)], "");
                assert_eq!(page.status, 200, "{path}: {}", page.body);
                pages.push((path, unescape(&page.body), words(&page.body)));
            }
            // The names the full form prints the parts under (`##### Name`).
            let names: Vec<String> = under(&printed, id, 4)
                .iter()
                .filter_map(|l| l.strip_prefix("##### "))
                // The heading ends in the persona's `{#id}`, as in the answer files.
                .map(|n| n.split(" {#").next().unwrap_or(n).trim().to_string())
                .collect();
            // Each paragraph of the parts as written that the full form prints.
            let file =
                std::fs::read_to_string(root.join(format!("populations/{pop}/answers/{step}.md")))
                    .unwrap_or_default();
            let answer = under(&file, id, 2).join("\n");
            let paragraphs: Vec<String> = answer
                .split("\n\n")
                .map(str::trim)
                .filter(|b| !b.is_empty() && !b.starts_with('#') && !b.starts_with("<!--"))
                .map(words)
                .filter(|p| full_words.contains(p.as_str()))
                .collect();
            for (path, html, page) in &pages {
                for name in &names {
                    // The name as a heading of its own, not only in the text.
                    assert!(
                        html.contains(&format!(">{name}</")),
                        "{example_name} {path}: no part under {name}"
                    );
                }
                for paragraph in &paragraphs {
                    assert!(
                        page.contains(paragraph.as_str()),
                        "{example_name} {path} leaves out what the full form prints:\n{paragraph}"
                    );
                }
            }
            seen += names.len();
        }
        assert!(seen >= 1, "{example_name}: no walk-through part printed");
        if example_name == common::COMPLETE {
            assert!(seen >= 20, "{example_name}: only {seen} parts");
        }
    }
}

/// The hidden `hash` of the form of one persona's part on a question page.
fn part_hash(page: &str, persona: &str) -> String {
    let at = page
        .find(&format!("id=\"part-{persona}\""))
        .unwrap_or_else(|| panic!("no part for {persona} in {page}"));
    hidden(&page[at..], "hash")
}

#[test]
fn two_people_edit_two_personas_parts_from_pages_loaded_at_once_and_both_are_kept() {
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let path = "/p/heart-failure/q/chain-walkthrough";
    // Three browsers open the same walk-through before anyone saves.
    let pages: Vec<String> = (0..3)
        .map(|_| http(&served, "GET", path, &[("Cookie", &c)], "").body)
        .collect();
    let save = |page: &str, persona: &str, text: &str| {
        let body = encode(&[
            ("csrf", &hidden(page, "csrf")),
            ("hash", &part_hash(page, persona)),
            ("text", text),
        ]);
        http(
            &served,
            "POST",
            &format!("{path}/part/{persona}"),
            &[("Cookie", &c)],
            &body,
        )
    };
    let before = read(&chain);
    let dolores = save(
        &pages[0],
        "dolores",
        "Dolores meets the chain at her monthly clinic visit.",
    );
    assert_eq!(dolores.status, 303, "{}", dolores.body);
    let markus = save(
        &pages[1],
        "markus",
        "Markus now weighs himself every morning.\r\n\r\n#### What he asked\r\n\r\nAbout salt.",
    );
    assert_eq!(markus.status, 303, "{}", markus.body);
    let after = read(&chain);
    assert!(
        after.contains(
            "### Dolores {#dolores}\n\nDolores meets the chain at her monthly clinic visit.\n"
        ),
        "{after}"
    );
    assert!(after.contains("### Markus {#markus}\n\nMarkus now weighs himself every morning.\n\n#### What he asked\n\nAbout salt.\n"), "{after}");
    assert!(!after.contains("Markus meets our chain after every admission"));
    // Everything outside the walk-through is as it was.
    let outside = |t: &str| {
        let start = t.find("{#chain-walkthrough}").expect("the walk-through");
        let end = t.find("{#chain-coproduction}").expect("the next question");
        format!(
            "{}{}",
            &t[..start],
            &t[t[..end].rfind('\n').unwrap_or(end)..]
        )
    };
    assert_eq!(outside(&after), outside(&before));

    // The page comes back with the part saved under the persona's name.
    let back = dolores.header("location").expect("back to the page");
    assert!(back.starts_with(&format!("{path}?saved=dolores")), "{back}");
    let back = back.split('#').next().unwrap_or_default();
    let shown = http(&served, "GET", back, &[("Cookie", &c)], "");
    assert!(
        common::serve::without_isolation(&shown.body).contains("Saved Dolores"),
        "{}",
        shown.body
    );
    assert!(
        words(&shown.body).contains("Dolores Dolores meets the chain at her monthly clinic visit.")
    );

    // A third person changing Markus's part from the old page is a conflict:
    // that same part changed. Nothing is written.
    let late = save(&pages[2], "markus", "Old words over new ones.");
    assert_eq!(late.status, 409, "{}", late.body);
    assert!(
        late.body
            .contains("Markus now weighs himself every morning."),
        "theirs: {}",
        late.body
    );
    assert!(
        late.body.contains("Old words over new ones."),
        "yours: {}",
        late.body
    );
    assert_eq!(read(&chain), after, "a conflicting save changed the file");
    // Saving theirs over ours is a deliberate second step, for that part only.
    let again = encode(&[
        ("csrf", &hidden(&late.body, "csrf")),
        ("hash", &hidden(&late.body, "hash")),
        ("text", &hidden(&late.body, "text")),
    ]);
    let over = http(
        &served,
        "POST",
        &format!("{path}/part/markus"),
        &[("Cookie", &c)],
        &again,
    );
    assert_eq!(over.status, 303, "{}", over.body);
    let last = read(&chain);
    assert!(
        last.contains("### Markus {#markus}\n\nOld words over new ones.\n"),
        "{last}"
    );
    assert!(last.contains("Dolores meets the chain at her monthly clinic visit."));
}

#[test]
fn a_persona_part_may_not_start_another_part_or_question_and_a_stray_id_is_shown_apart() {
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    // A part for an id that names no persona, with a hostile heading.
    let text = read(&chain).replace(
        "\n## Where in the chain",
        "\n### Oskar <b>the</b> neighbour {#oskar}\n\nOskar drives Markus to the clinic.\n\n## Where in the chain",
    );
    write(&chain, &text);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let path = "/p/heart-failure/q/chain-walkthrough";
    let page = http(&served, "GET", path, &[("Cookie", &c)], "").body;
    assert!(
        page.contains("No persona of this population has the id `oskar`"),
        "{page}"
    );
    assert!(
        page.contains("Oskar &lt;b&gt;the&lt;&#x2f;b&gt;"),
        "the name is escaped: {page}"
    );
    assert!(!page.contains("<b>the</b>"), "{page}");
    let save = |persona: &str, text: &str| {
        let page = http(&served, "GET", path, &[("Cookie", &c)], "").body;
        let hash = page
            .find(&format!("id=\"part-{persona}\""))
            .map_or_else(|| hidden(&page, "hash"), |_| part_hash(&page, persona));
        let body = encode(&[
            ("csrf", &hidden(&page, "csrf")),
            ("hash", &hash),
            ("text", text),
        ]);
        http(
            &served,
            "POST",
            &format!("{path}/part/{persona}"),
            &[("Cookie", &c)],
            &body,
        )
    };
    for (persona, hostile, named) in [
        (
            "dolores",
            "Her words.\n\n### Markus {#markus}\n\nTaken over.",
            "### Markus {#markus}",
        ),
        (
            "dolores",
            "Her words.\n\n## Taken over {#chain-measures}",
            "## Taken over {#chain-measures}",
        ),
        (
            "markus",
            "His words.\n\n## A new question",
            "## A new question",
        ),
        (
            "markus",
            "His words.\n\n```\nA new question, never closed",
            "never closed",
        ),
    ] {
        let refused = save(persona, hostile);
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            unescape(&refused.body).contains(named) && refused.body.contains("Nothing was saved"),
            "{}",
            refused.body
        );
        assert!(
            refused.body.contains("Taken over") || refused.body.contains("A new question"),
            "the typed text is kept: {}",
            refused.body
        );
        assert_eq!(read(&chain), text, "a refused save changed the file");
    }
    // The lead may not start a persona's part either: each has its own box.
    let page = http(&served, "GET", path, &[("Cookie", &c)], "").body;
    let lead = encode(&[
        ("csrf", &hidden(&page, "csrf")),
        ("hash", &hidden(&page, "hash")),
        ("status", "answered"),
        (
            "text",
            "Our lead.\n\n### Dolores {#dolores}\n\nA second Dolores.",
        ),
    ]);
    let refused = http(&served, "POST", path, &[("Cookie", &c)], &lead);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(read(&chain), text);
    // No such persona nor part: nothing to save.
    let nobody = save("nobody", "Words.");
    assert_eq!(nobody.status, 404, "{}", nobody.body);
    assert_eq!(read(&chain), text);
    // The stray part is edited where it stands, and only it.
    let saved = save("oskar", "Oskar drives Markus to every visit.");
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        read(&chain),
        text.replace(
            "Oskar drives Markus to the clinic.",
            "Oskar drives Markus to every visit."
        )
    );
}

/// `covalue serve --host … | head -1`: once the address is printed, a
/// closed output (the QR code that follows has nowhere to go) does not stop
/// the server.
#[test]
fn a_closed_output_after_the_address_does_not_stop_the_server() {
    let tmp = example(HALF_DONE);
    let served = Served::start_with(tmp.path(), &["--host", "127.0.0.1"], |_| {});
    // `start_with` read the address line and dropped the rest of the
    // output: the pipe is closed while the code is printed.
    std::thread::sleep(Duration::from_millis(700));
    let (status, page) = common::serve::signed_in(&served, "GET", "/", "");
    assert_eq!(status, 200, "the server stopped: {page}");
}
