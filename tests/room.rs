//! `covalue serve` as the room's editor: a refused save comes back with
//! everything typed, words typed into an open question answer it, two
//! browsers saving different questions of one file both land while the same
//! question conflicts, and the check page carries exactly what
//! `covalue check --format json` reports. The real binary serves a copy of
//! an example workbook; a headless Chromium (driven through the DevTools
//! protocol, as in `tests/serve.rs`) types and saves as a team would.
// The browser is driven over the DevTools pipe, which covalue opens on Unix;
// CI runs these tests on Linux and type-checks Windows without them.
#![cfg(unix)]

#[path = "common/cdp.rs"]
mod cdp;
mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use cdp::{axe, axe_source};
use common::serve::{Served, browser, encode, signed_in, unescape, value};
use common::{COMPLETE, HALF_DONE, TODAY, bin_path, example, read, write};
use serde_json::{Value, json};

const CHAIN: &str = "populations/heart-failure/answers/chain.md";

/// Types into the main form's field (a text field, a text area, or the
/// radio button with that value).
fn fill(b: &mut cdp::Browser, name: &str, value: &str) {
    let v = serde_json::to_string(value).expect("json");
    b.eval(&format!(
        "(() => {{ const f = document.querySelector('form.edit'); \
         const r = f.querySelector('input[type=radio][name={name}][value=' + JSON.stringify({v}) + ']'); \
         if (r) {{ r.checked = true; return; }} \
         f.querySelector('[name={name}]').value = {v}; }})()"
    ));
}

/// What the main form's fields hold now, as the person sees them.
fn fields(b: &mut cdp::Browser) -> Value {
    b.eval(
        "(() => { const f = document.querySelector('form.edit'); \
         const checked = f.querySelector('input[name=status]:checked'); \
         return { status: checked ? checked.value : null, \
                  text: f.querySelector('[name=text]').value, \
                  reason: f.querySelector('[name=reason]').value, \
                  owner: f.querySelector('[name=owner]').value, \
                  until: f.querySelector('[name=until]').value }; })()",
    )
}

fn submit(b: &mut cdp::Browser) {
    b.and_wait("document.querySelector('form.edit button[type=submit]').click()");
}

fn status_of_page(b: &mut cdp::Browser) -> Value {
    // The document's own navigation entry says the HTTP status it came with.
    b.eval("performance.getEntriesByType('navigation')[0].responseStatus")
}

#[test]
fn a_refused_save_comes_back_with_every_field_as_typed() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let before = read(&chain);
    let served = Served::start(tmp.path(), &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/p/heart-failure/q/chain-measures"));

    // A deferral whose text would take another question's heading over.
    let text = "Readmissions, from the hospital.\n\n## Stolen {#chain-coproduction}\n\nMore.";
    fill(&mut b, "status", "deferred");
    fill(&mut b, "reason", "Needs the finance lead");
    fill(&mut b, "owner", "Ola Nordmann");
    fill(&mut b, "until", "2027-01-31");
    fill(&mut b, "text", text);
    submit(&mut b);
    assert_eq!(status_of_page(&mut b), json!(422));
    let page = b.text();
    assert!(
        page.contains("Nothing was saved") && page.contains("chain-coproduction"),
        "{page}"
    );
    assert_eq!(
        fields(&mut b),
        json!({"status": "deferred", "text": text, "reason": "Needs the finance lead",
               "owner": "Ola Nordmann", "until": "2027-01-31"}),
        "every field comes back as typed"
    );
    assert_eq!(read(&chain), before, "nothing was written");

    // Taking the stray heading out and saving again lands, all fields kept.
    fill(&mut b, "text", "Readmissions, from the hospital.");
    submit(&mut b);
    assert_eq!(status_of_page(&mut b), json!(200), "{}", b.text());
    let after = read(&chain);
    assert!(
        after.contains(
            "Deferred: Needs the finance lead\nOwner: Ola Nordmann\nUntil: 2027-01-31\n\nReadmissions, from the hospital.\n"
        ),
        "{after}"
    );
}

#[test]
fn a_date_that_is_not_one_is_refused_and_the_status_reason_and_owner_stay() {
    // A browser's date field sends only dates; any other program may not.
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let before = read(&chain);
    let served = Served::start(tmp.path(), &[]);
    let (_, page) = signed_in(&served, "GET", "/p/heart-failure/q/chain-measures", "");
    let body = encode(&[
        ("csrf", &value(&page, "csrf")),
        ("hash", &value(&page, "hash")),
        ("status", "deferred"),
        ("text", "Notes <kept> & all."),
        ("reason", "Needs \"finance\""),
        ("owner", "Ola"),
        ("until", "soon"),
    ]);
    let (status, refused) = signed_in(&served, "POST", "/p/heart-failure/q/chain-measures", &body);
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused.contains("`soon` is not a date: write it as YYYY-MM-DD"),
        "{refused}"
    );
    assert!(
        refused.contains("value=\"deferred\" checked"),
        "the status stays: {refused}"
    );
    assert_eq!(value(&refused, "reason"), "Needs \"finance\"");
    assert_eq!(value(&refused, "owner"), "Ola");
    assert_eq!(value(&refused, "until"), "soon");
    assert!(refused.contains("Notes &lt;kept&gt; &amp; all.</textarea>"));
    assert_eq!(
        value(&refused, "hash"),
        value(&page, "hash"),
        "the form still carries what it was made from"
    );
    assert_eq!(read(&chain), before, "nothing was written");
}

#[test]
fn reopening_an_answered_question_with_its_words_left_in_the_box_is_refused_not_undone() {
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let before = read(&chain);
    let served = Served::start(tmp.path(), &[]);
    let path = "/p/heart-failure/q/chain-processes";
    let (_, page) = signed_in(&served, "GET", path, "");
    assert!(page.contains("value=\"answered\" checked"), "{page}");
    let text = unescape(
        page.split("name=\"text\" rows=\"12\">")
            .nth(1)
            .and_then(|t| t.split("</textarea>").next())
            .expect("the text box"),
    );
    assert!(text.contains("discharge checklist"), "{text}");
    let post = |status: &str, text: &str| {
        let body = encode(&[
            ("csrf", &value(&page, "csrf")),
            ("hash", &value(&page, "hash")),
            ("status", status),
            ("text", text),
        ]);
        signed_in(&served, "POST", path, &body)
    };
    let (status, refused) = post("open", &text);
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused.contains("choose Answered to save it, or empty the box"),
        "{refused}"
    );
    assert!(
        refused.contains("value=\"open\" checked"),
        "the status as chosen"
    );
    assert!(
        refused.contains("discharge checklist"),
        "the words as typed"
    );
    assert_eq!(read(&chain), before, "nothing was written");
    // Emptying the box reopens it.
    let (status, _) = post("open", "");
    assert_eq!(status, 303);
    assert!(!read(&chain).contains("discharge checklist at Bayside"));
}

#[test]
fn words_typed_into_an_open_question_answer_it_and_the_page_says_so() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let served = Served::start(tmp.path(), &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/p/heart-failure/q/chain-coproduction"));
    assert_eq!(
        fields(&mut b)["status"],
        json!("open"),
        "an open question opens as Open"
    );
    let page = b.text();
    assert!(
        page.contains("CV010") && page.contains("`chain-coproduction` is not answered yet"),
        "the question's page says what check says of it: {page}"
    );
    // The status is left as it was: the words are the answer.
    fill(
        &mut b,
        "text",
        "Patients could send their weight from home.",
    );
    submit(&mut b);
    assert_eq!(status_of_page(&mut b), json!(200), "{}", b.text());
    let page = b.text();
    assert!(
        page.contains(
            "Saved chain-coproduction: its text box held an answer, so it is now Answered"
        ),
        "{page}"
    );
    assert!(read(&chain).contains("\nPatients could send their weight from home.\n"));
    let (_, report) = common::check_json(tmp.path(), &[]);
    let open: Vec<_> = common::findings(&report)
        .into_iter()
        .filter(|f| f.code == "CV010" && f.message.contains("chain-coproduction"))
        .collect();
    assert!(open.is_empty(), "check still finds it open: {open:?}");
}

#[test]
fn two_browsers_saving_different_questions_of_one_file_both_land_and_the_same_one_conflicts() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let served = Served::start(tmp.path(), &[]);
    let mut a = cdp::Browser::start(&exe);
    let mut b = cdp::Browser::start(&exe);
    // Both laptops have the value chain open before either saves.
    a.open(&served.entry("/p/heart-failure/q/chain-coproduction"));
    b.open(&served.entry("/p/heart-failure/q/chain-measures"));
    fill(&mut a, "status", "answered");
    fill(&mut a, "text", "Weights sent from home, read by the nurse.");
    submit(&mut a);
    assert_eq!(status_of_page(&mut a), json!(200), "{}", a.text());
    fill(&mut b, "status", "answered");
    fill(&mut b, "text", "Days from discharge to the first visit.");
    submit(&mut b);
    assert_eq!(status_of_page(&mut b), json!(200), "{}", b.text());
    let both = read(&chain);
    assert!(
        both.contains("\nWeights sent from home, read by the nurse.\n")
            && both.contains("\nDays from discharge to the first visit.\n"),
        "both answers land: {both}"
    );

    // Now both open the same question; B saves first, A's save conflicts.
    a.open(&served.url("/p/heart-failure/q/chain-measures"));
    b.open(&served.url("/p/heart-failure/q/chain-measures"));
    fill(&mut b, "text", "Readmissions within 30 days.");
    submit(&mut b);
    assert_eq!(status_of_page(&mut b), json!(200), "{}", b.text());
    let saved = read(&chain);
    fill(&mut a, "text", "Visits kept, from the booking system.");
    submit(&mut a);
    assert_eq!(status_of_page(&mut a), json!(409));
    let theirs = a.eval("document.querySelector('.theirs').textContent");
    assert_eq!(
        theirs,
        json!("Readmissions within 30 days."),
        "on disk now is the other browser's answer"
    );
    let yours = a.eval("document.querySelector('.yours').textContent");
    assert_eq!(yours, json!("Visits kept, from the booking system."));
    assert_eq!(read(&chain), saved, "a conflicting save writes nothing");
    // Saving mine over theirs is a deliberate second step.
    submit(&mut a);
    assert_eq!(status_of_page(&mut a), json!(200), "{}", a.text());
    let last = read(&chain);
    assert!(last.contains("\nVisits kept, from the booking system.\n"));
    assert!(!last.contains("Readmissions within 30 days."));
    assert!(last.contains("\nWeights sent from home, read by the nurse.\n"));
}

/// What the check page lists, item by item, as shown.
fn check_page_items(b: &mut cdp::Browser) -> Value {
    b.eval(
        "[...document.querySelectorAll('ol.findings > li')].map(li => { \
           const t = s => { const e = li.querySelector(s); return e ? e.textContent : null; }; \
           return { code: t('.code'), severity: t('.sev'), kind: t('.kind'), message: t('.message'), \
                    place: t('.place'), help: t('.help') }; })",
    )
}

/// A finding of `check --format json` as the check page should show it.
fn as_shown(f: &Value) -> Value {
    let place = match (f["file"].as_str(), f["line"].as_u64(), f["column"].as_u64()) {
        (Some(file), Some(line), Some(col)) => Some(format!("{file}:{line}:{col}")),
        (Some(file), Some(line), None) => Some(format!("{file}:{line}")),
        (Some(file), None, _) => Some(file.to_string()),
        _ => None,
    };
    json!({
        "code": f["code"], "severity": f["severity"], "kind": f["kind"],
        "message": f["message"], "place": place, "help": f["help"],
    })
}

#[test]
fn the_check_page_shows_exactly_what_check_reports_for_both_examples() {
    let Some(exe) = browser() else { return };
    let mut b = cdp::Browser::start(&exe);
    for name in [HALF_DONE, COMPLETE] {
        let tmp = example(name);
        let (_, report) = common::check_json(tmp.path(), &[]);
        let served = Served::start(tmp.path(), &[]);
        b.open(&served.entry("/check"));
        let expected: Vec<Value> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(as_shown)
            .collect();
        assert_eq!(
            check_page_items(&mut b),
            json!(expected),
            "{name}: the check page and `check --format json`"
        );
        let rows = b.eval(
            "[...document.querySelectorAll('table.progress tbody tr')].map(tr => \
               [tr.dataset.slug, ...[...tr.querySelectorAll('td')].map(td => Number(td.textContent))])",
        );
        let expected: Vec<Value> = report["summary"]
            .as_array()
            .expect("summary")
            .iter()
            .map(|s| {
                json!([
                    s["slug"],
                    s["answered"],
                    s["with_problems"],
                    s["not_applicable"],
                    s["deferred"],
                    s["open"],
                    s["total"]
                ])
            })
            .collect();
        assert_eq!(rows, json!(expected), "{name}: the progress");
        // Each finding at a question links to that question's page, which
        // shows it too.
        let at = b.eval(
            "[...document.querySelectorAll('ol.findings > li')].filter(li => li.querySelector('a.at')) \
               .map(li => [li.querySelector('a.at').getAttribute('href'), li.querySelector('.message').textContent])",
        );
        let at = at.as_array().expect("list").clone();
        if name == HALF_DONE {
            assert!(
                at.len() >= 5,
                "the half-done example has findings at its questions: {at:?}"
            );
        }
        for pair in at.iter().take(6) {
            let (href, message) = (
                pair[0].as_str().unwrap_or(""),
                pair[1].as_str().unwrap_or(""),
            );
            b.open(&served.url(href));
            let shown = b.eval(
                "[...document.querySelectorAll('ul.findings .message')].map(e => e.textContent)",
            );
            assert!(
                shown
                    .as_array()
                    .is_some_and(|s| s.iter().any(|m| m == message)),
                "{href} shows {message:?}: {shown}"
            );
        }
    }
}

#[test]
fn the_check_page_of_a_workbook_whose_guide_is_broken_says_what_check_says() {
    let tmp = example(COMPLETE);
    let root = tmp.path();
    let guide = common::run(root, &["guide", "--format", "toml"]);
    guide.assert_code(0);
    let broken = guide.stdout.replacen(
        "title = \"Population and context\"",
        "title = \"Population and context",
        1,
    );
    assert_ne!(broken, guide.stdout, "the guide's title moved");
    write(&root.join("my-guide.toml"), &broken);
    let config = read(&root.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"my-guide.toml\"");
    write(&root.join("covalue.toml"), config);
    let (_, report) = common::check_json(root, &[]);
    let findings = report["findings"].as_array().expect("findings").clone();
    assert!(
        findings.iter().any(|f| f["file"] == json!("my-guide.toml")),
        "check reports the guide: {report}"
    );
    let served = Served::start(root, &[]);
    let (status, page) = signed_in(&served, "GET", "/check", "");
    assert_eq!(status, 200, "{page}");
    assert_in_order(&page, &findings);
}

/// Every message and place of `findings` is on the page, in their order.
fn assert_in_order(page: &str, findings: &[Value]) {
    let mut from = 0;
    for f in findings {
        let shown = as_shown(f);
        for part in [&shown["message"], &shown["place"]] {
            let Some(text) = part.as_str() else { continue };
            let text = escaped(text);
            let at = page[from..]
                .find(&text)
                .unwrap_or_else(|| panic!("{text} missing or out of order in {page}"));
            from += at;
        }
    }
}

#[test]
fn a_workbook_on_the_short_form_is_checked_on_the_short_form_as_check_does() {
    let tmp = example(HALF_DONE);
    let config = tmp.path().join("covalue.toml");
    write(
        &config,
        read(&config).replace("form = \"full\"", "form = \"short\""),
    );
    let (_, report) = common::check_json(tmp.path(), &[]);
    assert_eq!(report["form"], json!("short"));
    let findings = report["findings"].as_array().expect("findings").clone();
    let served = Served::start(tmp.path(), &[]);
    let (status, page) = signed_in(&served, "GET", "/check", "");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("(short form)"), "{page}");
    assert_in_order(&page, &findings);
    assert_eq!(
        page.matches("<li class=").count(),
        findings.len(),
        "no finding more than check's"
    );
    // The population's page still counts every step.
    let (status, population) = signed_in(&served, "GET", "/p/heart-failure", "");
    assert_eq!(status, 200, "{population}");
    assert!(
        population.contains("Step 9 · Value assessment"),
        "{population}"
    );
}

/// Text as the templates escape it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// The tops of the lines a banner's text is laid out on.
fn lines_of(b: &mut cdp::Browser, selector: &str) -> Value {
    b.eval(&format!(
        "(() => {{ const e = document.querySelector('{selector}'); if (!e) return null; \
           const r = document.createRange(); r.selectNodeContents(e); \
           return [...new Set([...r.getClientRects()].map(x => Math.round(x.top)))].length; }})()"
    ))
}

#[test]
fn in_session_mode_the_banner_names_the_newest_record_on_one_line() {
    let Some(exe) = browser() else { return };
    let tmp = example(HALF_DONE);
    // Weeks before the day the test runs on: the newest record all the same.
    write(
        &tmp.path().join("sessions/2026-11-02-chain.toml"),
        "#:schema ../schemas/session.schema.json\ndate = 2026-11-02\ntitle = \"Value chain\"\npopulations = [\"heart-failure\"]\nfocus = [\"chain\"]\n",
    );
    let served = Served::start(tmp.path(), &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/p/heart-failure"));
    let banner = b.eval("document.querySelector('p.session').textContent");
    assert_eq!(
        banner,
        json!("Session 2026-11-02-chain: steps in focus come first.")
    );
    assert_eq!(
        lines_of(&mut b, "p.session"),
        json!(1),
        "one line at 1280 px"
    );
    b.open(&served.url("/"));
    let text = b.text();
    assert!(
        text.contains("Saved answers are listed in sessions/2026-11-02-chain.toml."),
        "{text}"
    );
    // The long banner of the home page may wrap as text does, but
    // "Session", its name and the colon after it stay on one line.
    let head = b.eval(
        "(() => { const e = document.querySelector('p.session'); const r = document.createRange(); \
           const after = e.querySelector('strong').nextSibling; r.setStart(e, 0); r.setEnd(after, 1); \
           return [...new Set([...r.getClientRects()].map(x => Math.round(x.top)))].length; })()",
    );
    assert_eq!(head, json!(1), "\"Session\" and its name on one line");
}

/// Decodes a QR code from greyscale pixels, `width` to a row.
fn decode_qr(width: usize, pixels: &[u8]) -> String {
    let height = pixels.len() / width.max(1);
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the code decodes").1
}

/// The QR code printed on the terminal: blocks are light modules (light
/// text on a dark terminal), each character two modules high. Scaled up
/// four times, as a camera would see it.
fn terminal_pixels(lines: &[String]) -> (usize, Vec<u8>) {
    const SCALE: usize = 4;
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut rows: Vec<Vec<bool>> = Vec::new();
    for line in lines {
        let mut top = vec![false; width];
        let mut bottom = vec![false; width];
        for (x, c) in line.chars().enumerate() {
            let (t, b) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            top[x] = t;
            bottom[x] = b;
        }
        rows.push(top);
        rows.push(bottom);
    }
    let mut pixels = Vec::new();
    for row in &rows {
        for _ in 0..SCALE {
            for &light in row {
                pixels.extend(std::iter::repeat_n(if light { 255 } else { 0 }, SCALE));
            }
        }
    }
    (width * SCALE, pixels)
}

#[test]
fn with_host_the_address_is_a_qr_code_on_the_terminal_and_the_home_page() {
    let tmp = example(HALF_DONE);
    let mut child = Command::new(bin_path())
        .current_dir(tmp.path())
        .args(["serve", "--port", "0", "--host", "127.0.0.1"])
        .env("COVALUE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start covalue serve");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut read_line = || {
        let mut line = String::new();
        out.read_line(&mut line).expect("a line");
        line.trim_end_matches('\n').to_string()
    };
    let first = read_line();
    let url = first
        .strip_prefix("serving the workbook at ")
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    let mut code = Vec::new();
    loop {
        let line = read_line();
        if line.starts_with("scan the code above") {
            break;
        }
        assert!(code.len() < 100, "no end to the code: {code:?}");
        code.push(line);
    }
    let (width, pixels) = terminal_pixels(&code);
    assert_eq!(decode_qr(width, &pixels), url, "the terminal's code");
    let (host, token) = url
        .strip_prefix("http://")
        .and_then(|u| u.split_once("/?token="))
        .expect("address with token");
    assert_eq!(token.len(), 64, "the token is as strong as ever");
    let served = Served {
        child,
        host: host.to_string(),
        token: token.to_string(),
    };

    let Some(exe) = browser() else { return };
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    // The code as the browser draws it, read back from a canvas.
    let drawn = b.eval(
        "new Promise((done, fail) => { \
           const svg = document.querySelector('figure.join svg'); \
           const box = svg.getBoundingClientRect(); \
           const img = new Image(); \
           img.onload = () => { const c = document.createElement('canvas'); \
             c.width = Math.round(box.width); c.height = Math.round(box.height); \
             const g = c.getContext('2d'); g.drawImage(img, 0, 0, c.width, c.height); \
             const d = g.getImageData(0, 0, c.width, c.height).data; const grey = []; \
             for (let i = 0; i < d.length; i += 4) grey.push(d[i]); \
             done({ width: c.width, grey }); }; \
           img.onerror = () => fail('the code does not draw'); \
           img.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg)); })",
    );
    let width = drawn["width"].as_u64().expect("width") as usize;
    let grey: Vec<u8> = drawn["grey"]
        .as_array()
        .expect("pixels")
        .iter()
        .map(|v| v.as_u64().unwrap_or(0) as u8)
        .collect();
    assert!(
        width >= 200,
        "large enough to scan from across a table: {width}"
    );
    assert_eq!(decode_qr(width, &grey), url, "the home page's code");
    assert_eq!(
        b.eval("document.querySelectorAll('script').length"),
        json!(0)
    );
}

#[test]
fn without_host_no_code_is_printed_or_shown() {
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let (status, home) = signed_in(&served, "GET", "/", "");
    assert_eq!(status, 200);
    assert!(!home.contains("<svg role=\"img\""), "{home}");
    assert!(
        !home.contains(&served.token),
        "the page never shows the token"
    );
}

/// Sets the page's width: a projector's 1280 px, or a phone's 390 px.
fn width(b: &mut cdp::Browser, px: u32) {
    let phone = px < 600;
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": px, "height": if phone { 844 } else { 800 }, "deviceScaleFactor": 1, "mobile": phone}),
    );
}

/// The pages of a served workbook: home, check, each population, each
/// part of its forms, each question, step, persona and measure page, and
/// the printed forms.
fn every_page(b: &mut cdp::Browser, served: &Served) -> Vec<String> {
    let links = |b: &mut cdp::Browser| -> Vec<String> {
        b.eval("[...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href').split('#')[0])")
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let mut pages = vec!["/".to_string(), "/check".to_string()];
    let mut i = 0;
    while i < pages.len() {
        let page = pages[i].clone();
        i += 1;
        // Questions are not followed further: their links lead back.
        if page.contains("/q/") || page.starts_with("/print/") {
            continue;
        }
        b.open(&served.url(&page));
        for link in links(b) {
            if !link.is_empty() && !pages.contains(&link) {
                pages.push(link);
            }
        }
    }
    pages
}

#[test]
fn axe_finds_nothing_on_any_served_page_on_a_projector_or_a_phone() {
    let Some(exe) = browser() else { return };
    let Some(source) = axe_source() else { return };
    let shots = std::env::var_os("COVALUE_SCREENSHOTS").map(PathBuf::from);
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/"));
    let pages = every_page(&mut b, &served);
    for kind in [
        "/p/",
        "/s/",
        "/q/",
        "/step/",
        "/persona/",
        "/measure/",
        "/print/",
        "/about",
        "/map",
    ] {
        assert!(
            pages.iter().any(|p| p.contains(kind)),
            "no {kind} page among {pages:?}"
        );
    }
    let mut found = Vec::new();
    for px in [1280, 390] {
        width(&mut b, px);
        for page in &pages {
            b.open(&served.url(page));
            for v in axe(&mut b, &source) {
                found.push(format!("{page} at {px} px: {v}"));
            }
            if px == 390 {
                // Nothing runs off the side of a phone: wide tables and the
                // map scroll in their own boxes.
                let overflow = b.eval("document.documentElement.scrollWidth - window.innerWidth");
                assert!(
                    overflow.as_i64().is_some_and(|o| o <= 0),
                    "{page} is wider than a phone by {overflow} px"
                );
            }
            if px == 390 && page == "/p/heart-failure" {
                // Each table keeps its columns: one wider than the phone
                // scrolls in its own box, its Edit buttons in reach there.
                let tables = b.eval(
                    "[...document.querySelectorAll('main table')].map(t => ({ \
                       wide: t.scrollWidth > t.clientWidth, \
                       scrolls: getComputedStyle(t).overflowX === 'auto', \
                       columns: t.rows[0].cells.length, \
                       edits: t.querySelectorAll('a.button').length, \
                       rows: t.tBodies[0].rows.length }))",
                );
                let tables = tables.as_array().expect("tables").clone();
                assert!(tables.len() >= 3, "{tables:?}");
                for t in &tables {
                    assert!(
                        t["wide"] == json!(false) || t["scrolls"] == json!(true),
                        "{t}"
                    );
                }
                assert!(
                    tables.iter().any(|t| t["wide"] == json!(true)),
                    "the steps' table is wider than a phone and scrolls: {tables:?}"
                );
                assert!(
                    tables
                        .iter()
                        .filter(|t| t["edits"] != json!(0))
                        .all(|t| t["edits"] == t["rows"]),
                    "every row keeps its Edit button: {tables:?}"
                );
                // The process map keeps a legible size and scrolls sideways.
                let map = b.eval(
                    "(() => { const f = document.querySelector('figure.map-picture'); \
                       return [f.querySelector('svg').getBoundingClientRect().width, getComputedStyle(f).overflowX, f.tabIndex]; })()",
                );
                assert!(map[0].as_f64().is_some_and(|w| w >= 700.0), "{map}");
                assert_eq!(map[1], json!("auto"));
                assert_eq!(map[2], json!(0), "reached with the keyboard too");
            }
            if let Some(dir) = &shots {
                let name = page.trim_matches('/').replace('/', "_");
                let name = if name.is_empty() { "home".into() } else { name };
                std::fs::create_dir_all(dir).expect("screenshot folder");
                b.screenshot(&dir.join(format!("{name}-{px}.png")));
            }
        }
    }
    // The pages a save can come back with: refused (422) and in conflict (409).
    let chain = tmp.path().join(CHAIN);
    for px in [1280, 390] {
        width(&mut b, px);
        b.open(&served.url("/p/heart-failure/q/chain-measures"));
        fill(&mut b, "status", "not-applicable");
        submit(&mut b);
        assert_eq!(status_of_page(&mut b), json!(422));
        for v in axe(&mut b, &source) {
            found.push(format!("a refused save at {px} px: {v}"));
        }
        b.open(&served.url("/p/heart-failure/q/chain-measures"));
        fill(&mut b, "text", &format!("Ours at {px}."));
        write(
            &chain,
            read(&chain).replace(
                "would come from. -->\n",
                &format!("would come from. -->\n\nTheirs at {px}.\n"),
            ),
        );
        submit(&mut b);
        assert_eq!(status_of_page(&mut b), json!(409));
        for v in axe(&mut b, &source) {
            found.push(format!("a conflict at {px} px: {v}"));
        }
        let overflow = b.eval("document.documentElement.scrollWidth - window.innerWidth");
        assert!(
            overflow.as_i64().is_some_and(|o| o <= 0),
            "the conflict page is wider than the screen by {overflow} px"
        );
    }
    assert!(found.is_empty(), "axe finds:\n{}", found.join("\n"));
}

#[test]
fn session_mode_takes_the_record_session_pack_takes_whatever_its_date() {
    let tmp = example(HALF_DONE);
    let sessions = tmp.path().join("sessions");
    let record = |date: &str| {
        let path = sessions.join(format!("{date}-chain.toml"));
        write(&path, format!("date = {date}\nfocus = [\"chain\"]\n"));
        path
    };
    let banner = |served: &Served| {
        let (_, home) = signed_in(served, "GET", "/", "");
        let home = common::serve::without_isolation(&home);
        home.split("Saved answers are listed in ")
            .nth(1)
            .and_then(|rest| rest.split('.').next())
            .map(unescape)
            .unwrap_or_default()
    };
    // Only records of past sessions: the latest of them.
    record("2026-09-01");
    record("2026-11-02");
    let served = Served::start(tmp.path(), &[]);
    assert_eq!(banner(&served), "sessions/2026-11-02-chain");
    // A record for next week's session: the next one is taken.
    record("2026-12-10");
    assert_eq!(banner(&served), "sessions/2026-12-10-chain");
    // Today's record (made while serving) comes before next week's.
    record(TODAY);
    assert_eq!(banner(&served), format!("sessions/{TODAY}-chain"));
}

#[test]
fn words_typed_into_a_question_open_when_loaded_but_answered_meanwhile_are_a_conflict_not_a_refusal()
 {
    let tmp = example(HALF_DONE);
    let chain = tmp.path().join(CHAIN);
    let served = Served::start(tmp.path(), &[]);
    let path = "/p/heart-failure/q/chain-measures";
    // Two pages opened while the question is open.
    let (_, first) = signed_in(&served, "GET", path, "");
    let (_, second) = signed_in(&served, "GET", path, "");
    let post = |page: &str, text: &str| {
        let body = encode(&[
            ("csrf", &value(page, "csrf")),
            ("hash", &value(page, "hash")),
            ("was", &value(page, "was")),
            ("status", "open"),
            ("text", text),
        ]);
        signed_in(&served, "POST", path, &body)
    };
    let (status, _) = post(&first, "Readmissions within 30 days.");
    assert_eq!(status, 303);
    // The second page still says Open: its words are an answer, and the
    // question changed meanwhile, so both versions are shown.
    let (status, conflict) = post(&second, "Visits kept.");
    assert_eq!(status, 409, "{conflict}");
    // The heading names the question that changed, not only its file.
    let conflict = common::serve::without_isolation(&conflict);
    let heading = conflict
        .split("<h1>")
        .nth(1)
        .and_then(|h| h.split("</h1>").next())
        .unwrap_or("");
    assert!(
        heading.starts_with(
            "Not saved: the answer to “Which measures would show that the chain creates value"
        ),
        "{heading}"
    );
    assert!(!heading.contains("chain.md"), "{heading}");
    assert!(
        conflict.contains("Readmissions within 30 days."),
        "{conflict}"
    );
    assert!(conflict.contains("Visits kept."), "{conflict}");
    // Saving mine over theirs lands, answered.
    let again = encode(&[
        ("csrf", &value(&conflict, "csrf")),
        ("hash", &value(&conflict, "hash")),
        ("was", &value(&conflict, "was")),
        ("status", &value(&conflict, "status")),
        ("text", &value(&conflict, "text")),
    ]);
    let (status, page) = signed_in(&served, "POST", path, &again);
    assert_eq!(status, 303, "{page}");
    let text = read(&chain);
    assert!(
        text.contains("\nVisits kept.\n") && !text.contains("Readmissions within"),
        "{text}"
    );
}

/// The numbers in the "N errors, M warnings" of a page.
fn error_and_warning_counts(page: &str) -> (String, String) {
    let page = common::serve::without_isolation(page);
    let line = page
        .split("class=\"checkline")
        .nth(1)
        .and_then(|l| l.split("</p>").next())
        .unwrap_or("");
    let number_before = |word: &str| -> String {
        let head = line.split(word).next().unwrap_or("").trim_end();
        head.chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .chars()
            .rev()
            .collect()
    };
    (number_before(" error"), number_before(" warning"))
}

#[test]
fn the_home_page_counts_errors_on_the_form_the_check_page_uses() {
    let tmp = example(HALF_DONE);
    // This workbook checks the short form: fewer errors than the full form.
    let config = tmp.path().join("covalue.toml");
    write(
        &config,
        read(&config).replace("form = \"full\"", "form = \"short\""),
    );
    let served = Served::start(tmp.path(), &[]);
    let (status, home) = signed_in(&served, "GET", "/", "");
    assert_eq!(status, 200, "{home}");
    let (status, check) = signed_in(&served, "GET", "/check", "");
    assert_eq!(status, 200, "{check}");
    let (errors, warnings) = error_and_warning_counts(&check);
    assert!(!errors.is_empty() && errors != "0", "{check}");
    assert_eq!(
        error_and_warning_counts(&home),
        (errors, warnings),
        "{home}"
    );
}
