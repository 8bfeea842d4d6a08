//! `covalue serve` refuses in the workbook's language: a form too large, a
//! form that never finishes arriving, a method it does not serve and a
//! value a form may not hold each come back as a page in Swedish or Hebrew,
//! with `lang` and `dir`, and nothing is written. A request refused before
//! it showed the token is answered in the language the server started in.
//! And a question saved as it was is not listed as answered in the
//! session record.
// The raw sockets and the server's process group are Unix-only in CI.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::serve::{Served, answer_of, connect, encode, http, unescape, value};
use common::{HALF_DONE, TODAY, example, read, tree, write};
use tempfile::TempDir;

/// A copy of the example whose `covalue.toml` says `language = LANG`.
fn workbook_in(lang: &str) -> TempDir {
    let tmp = example(HALF_DONE);
    set_language(tmp.path(), lang);
    tmp
}

fn set_language(root: &Path, lang: &str) {
    let config = root.join("covalue.toml");
    let text = read(&config);
    let text = match text.find("\nlanguage = ") {
        Some(_) => text
            .lines()
            .map(|l| match l.starts_with("language = ") {
                true => format!("language = \"{lang}\""),
                false => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        None => text.replacen(
            "\nguide = ",
            &format!("\nlanguage = \"{lang}\"\nguide = "),
            1,
        ),
    };
    write(&config, text);
}

/// How a language's refusal pages must look: the `<html>` element's
/// `lang` and `dir`.
struct Speaks {
    lang: &'static str,
    dir: &'static str,
}

const SV: Speaks = Speaks {
    lang: "sv",
    dir: "ltr",
};
const HE: Speaks = Speaks {
    lang: "he",
    dir: "rtl",
};
const ES: Speaks = Speaks {
    lang: "es",
    dir: "ltr",
};

/// Asserts that `page` (an answer's whole text, head and body) is an HTML
/// page in `speaks`'s language saying `words`, and not `english`.
fn assert_page(page: &str, speaks: &Speaks, words: &str, english: &str) {
    let at = page
        .find("<html")
        .unwrap_or_else(|| panic!("no page: {page}"));
    let tag = &page[at..at + page[at..].find('>').expect("end of <html>")];
    assert!(
        tag.contains(&format!("lang=\"{}\"", speaks.lang))
            && tag.contains(&format!("dir=\"{}\"", speaks.dir)),
        "{tag} is not lang={} dir={}",
        speaks.lang,
        speaks.dir
    );
    let text = unescape(page);
    assert!(
        text.contains(words),
        "the {} page does not say {words:?}:\n{text}",
        speaks.lang
    );
    assert!(
        !text.contains(english),
        "the {} page still says {english:?}",
        speaks.lang
    );
}

/// Sends `bytes` as they are and reads the answer.
fn raw(served: &Served, bytes: &str) -> (u16, String) {
    let mut stream = connect(served);
    stream.write_all(bytes.as_bytes()).expect("send");
    answer_of(&mut stream)
}

/// The head of a form sent with the cookie, announcing `length` bytes.
fn post_head(served: &Served, path: &str, length: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n",
        served.host,
        served.cookie()
    )
}

/// A form too large, a method not served, and values a form may not hold,
/// in `speaks`'s language; nothing is written.
fn refusals_in(speaks: &Speaks, words: [&str; 5]) {
    let [too_large, method, not_a_date, not_a_number, taken_over] = words;
    let tmp = workbook_in(speaks.lang);
    let before = tree(tmp.path());
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let question = "/p/heart-failure/q/chain-measures";

    // 5 MiB announced: refused from the head, before a byte of the body.
    let (status, page) = raw(&served, &post_head(&served, question, 5 << 20));
    assert_eq!(status, 413, "{page}");
    assert_page(&page, speaks, too_large, "This form is too large");

    let r = http(&served, "DELETE", question, &[("Cookie", &c)], "");
    assert_eq!(r.status, 405, "{}", r.body);
    assert_eq!(r.header("allow"), Some("GET, HEAD, POST"));
    assert_eq!(
        r.header("content-type"),
        Some("text/html; charset=utf-8"),
        "a page, not a line of English text"
    );
    assert_page(&r.body, speaks, method, "only GET and POST");

    // An answer put off until a date that is not one.
    let form = http(&served, "GET", question, &[("Cookie", &c)], "");
    let body = encode(&[
        ("csrf", &value(&form.body, "csrf")),
        ("hash", &value(&form.body, "hash")),
        ("was", &value(&form.body, "was")),
        ("status", "deferred"),
        ("reason", "Needs the data team"),
        ("until", "soon"),
    ]);
    let r = http(&served, "POST", question, &[("Cookie", &c)], &body);
    assert_eq!(r.status, 422, "{}", r.body);
    assert_page(&r.body, speaks, not_a_date, "is not a date");

    // An answer holding another question's heading.
    let body = encode(&[
        ("csrf", &value(&form.body, "csrf")),
        ("hash", &value(&form.body, "hash")),
        ("was", &value(&form.body, "was")),
        ("status", "answered"),
        ("text", "Ours.\n\n## Taken {#chain-processes}\n\nTheirs."),
    ]);
    let r = http(&served, "POST", question, &[("Cookie", &c)], &body);
    assert_eq!(r.status, 422, "{}", r.body);
    assert_page(&r.body, speaks, taken_over, "would take over");

    // A new measure whose target is not a number: the field is named in
    // the page's words.
    let new = "/p/heart-failure/new/measure";
    let form = http(&served, "GET", new, &[("Cookie", &c)], "");
    assert_eq!(form.status, 200, "{}", form.body);
    let body = encode(&[
        ("csrf", &value(&form.body, "csrf")),
        ("name", "Readmissions"),
        ("target_value", "lots"),
    ]);
    let r = http(&served, "POST", new, &[("Cookie", &c)], &body);
    assert_eq!(r.status, 422, "{}", r.body);
    assert_page(&r.body, speaks, not_a_number, "is not a number");

    assert!(
        before == tree(tmp.path()),
        "a refused request changed a file"
    );
}

#[test]
fn refusals_and_form_errors_speak_swedish() {
    refusals_in(
        &SV,
        [
            "Formuläret är för stort",
            "Den här servern visar bara sidor och sparar formulär",
            "`soon` är inte ett datum",
            "Målet som tal: `lots` är inte ett tal",
            "är en rubrik med id för frågan `chain-processes`",
        ],
    );
}

#[test]
fn refusals_and_form_errors_speak_hebrew() {
    refusals_in(
        &HE,
        [
            "הטופס הזה גדול מדי",
            "השרת הזה רק מציג עמודים ושומר טפסים",
            "`soon` אינו תאריך",
            "היעד כמספר: `lots` אינו מספר",
            "היא כותרת עם המזהה של השאלה `chain-processes`",
        ],
    );
}

#[test]
fn refusals_and_form_errors_speak_spanish() {
    refusals_in(
        &ES,
        [
            "Este formulario es demasiado grande",
            "Este servidor solo muestra páginas y guarda formularios",
            "`soon` no es una fecha",
            "Meta como número: `lots` no es un número",
            "es un título con el identificador de la pregunta `chain-processes`",
        ],
    );
}

/// A form that never finishes arriving is refused when its time is up
/// (the server's own limit, ten seconds), in each workbook's language; the
/// two servers wait at the same time.
#[test]
fn a_form_that_never_arrives_is_refused_in_the_workbooks_language() {
    let cases = [
        (SV, "Formuläret kom inte fram i tid"),
        (HE, "הטופס לא הגיע בזמן"),
    ];
    let started = Instant::now();
    let waiting: Vec<_> = cases
        .into_iter()
        .map(|(speaks, words)| {
            std::thread::spawn(move || {
                let tmp = workbook_in(speaks.lang);
                let before = tree(tmp.path());
                let served = Served::start(tmp.path(), &[]);
                let mut slow = connect(&served);
                let head = post_head(&served, "/p/heart-failure/q/chain-measures", 100);
                slow.write_all(format!("{head}csrf=").as_bytes())
                    .expect("send");
                let (status, page) = answer_of(&mut slow);
                assert_eq!(status, 408, "{page}");
                assert_page(&page, &speaks, words, "did not arrive in time");
                assert!(before == tree(tmp.path()), "a file changed");
            })
        })
        .collect();
    for w in waiting {
        w.join().expect("a language's server");
    }
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the half-sent forms were waited for {:?}",
        started.elapsed()
    );
}

/// A refusal to a request that showed the token follows the workbook's
/// language as it is now; one to a request that did not (a request line
/// no browser sends) is in the language the server started in, and reads
/// nothing of the workbook.
#[test]
fn a_refusal_follows_the_workbook_once_the_token_is_shown() {
    let tmp = workbook_in("he");
    let served = Served::start(tmp.path(), &[]);
    set_language(tmp.path(), "sv");
    let (status, page) = raw(
        &served,
        &post_head(&served, "/p/heart-failure/q/chain-measures", 5 << 20),
    );
    assert_eq!(status, 413, "{page}");
    assert_page(&page, &SV, "Formuläret är för stort", "הטופס הזה גדול מדי");
    let (status, page) = raw(&served, "GET  / HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400, "{page}");
    assert_page(&page, &HE, "זו אינה בקשה שדפדפן שולח", "ser inte ut som");
}

/// The code a second device joins by is named for screen readers in the
/// workbook's language too.
#[test]
fn the_join_code_is_named_in_the_workbooks_language() {
    let tmp = workbook_in("sv");
    // The code follows the address on standard output: it is read to its
    // end, as a terminal would.
    let mut child = std::process::Command::new(common::bin_path())
        .current_dir(tmp.path())
        .args(["serve", "--port", "0", "--host", "127.0.0.1"])
        .env("COVALUE_TODAY", TODAY)
        .env_remove("BROWSER")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start covalue serve");
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).expect("the address");
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    let url = line.trim().rsplit(' ').next().unwrap_or("").to_string();
    let (host, token) = url
        .strip_prefix("http://")
        .and_then(|r| r.split_once("/?token="))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let served = Served {
        child,
        host: host.to_string(),
        token: token.to_string(),
    };
    let home = http(&served, "GET", "/", &[("Cookie", &served.cookie())], "");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(
        home.body
            .contains("aria-label=\"QR-kod med den här sidans adress och åtkomstnyckel\""),
        "{}",
        home.body
    );
}

// ---------------------------------------------------------------------------
// The session record lists what the room answered, not what it looked at.

/// What a browser sends back for the first form of `page` holding a field
/// called `field`, left as it is.
fn form_as_is(page: &str, field: &str) -> Vec<(String, String)> {
    for form in page.split("<form").skip(1) {
        let form = &form[..form.find("</form>").expect("end of form")];
        let mut fields = Vec::new();
        for part in form.split("<input").skip(1) {
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
        for part in form.split("<textarea").skip(1) {
            let open = part.find('>').expect("end of textarea tag");
            let at = part.find("name=\"").expect("textarea name") + 6;
            let name = &part[at..at + part[at..].find('"').expect("name end")];
            let body = &part[open + 1..part.find("</textarea>").expect("end of textarea")];
            fields.push((name.to_string(), unescape(body)));
        }
        if fields.iter().any(|(k, _)| k == field) {
            return fields;
        }
    }
    panic!("no form with {field} in {page}");
}

fn encoded(fields: &[(String, String)]) -> String {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    encode(&pairs)
}

#[test]
fn a_question_saved_unchanged_is_not_listed_as_answered_in_the_session() {
    let tmp = example(HALF_DONE);
    let record = tmp.path().join(format!("sessions/{TODAY}-chain.toml"));
    let original =
        format!("date = {TODAY}\npopulations = [\"heart-failure\"]\nfocus = [\"chain\"]\n");
    write(&record, &original);
    let chain = tmp
        .path()
        .join("populations/heart-failure/answers/chain.md");
    let answers = read(&chain);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();

    // An answered question, saved as the page shows it.
    let path = "/p/heart-failure/q/chain-processes";
    let page = http(&served, "GET", path, &[("Cookie", &c)], "");
    let fields = form_as_is(&page.body, "status");
    assert!(
        fields.contains(&("status".into(), "answered".into())),
        "{fields:?}"
    );
    let saved = http(&served, "POST", path, &[("Cookie", &c)], &encoded(&fields));
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(
        !saved.header("location").unwrap_or("").contains("session="),
        "the page says the unchanged answer was listed: {:?}",
        saved.header("location")
    );

    // A persona's part of a walk-through, saved as it is.
    let walk = "/p/heart-failure/q/chain-walkthrough";
    let page = http(&served, "GET", walk, &[("Cookie", &c)], "");
    let start = page.body.find("id=\"part-markus\"").expect("Markus's part");
    let part = form_as_is(&page.body[start..], "text");
    let saved = http(
        &served,
        "POST",
        &format!("{walk}/part/markus"),
        &[("Cookie", &c)],
        &encoded(&part),
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(read(&chain), answers, "nothing changed, nothing is written");
    assert_eq!(
        read(&record),
        original,
        "saves that changed nothing are not listed as answered"
    );

    // The same question with its words changed is answered in this session.
    let page = http(&served, "GET", path, &[("Cookie", &c)], "");
    let mut fields = form_as_is(&page.body, "status");
    for (k, v) in &mut fields {
        if k == "text" {
            v.push_str("\n\nChecked again with the ward in December.");
        }
    }
    let saved = http(&served, "POST", path, &[("Cookie", &c)], &encoded(&fields));
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        read(&record),
        original.replace(
            "focus = [\"chain\"]\n",
            "focus = [\"chain\"]\nanswered = [\"chain-processes\"]\n"
        )
    );
}
