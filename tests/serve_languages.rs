//! `covalue serve` in the workbook's language: every served page (the
//! lists, the forms, the records, the check page, the error pages) speaks
//! Swedish or Hebrew, carries `lang` and `dir`, runs right to left in
//! Hebrew, and axe finds nothing on it. A representative page of each kind
//! is opened, to keep the run short.
// The browser is driven over the DevTools pipe, which covalue opens on Unix.
#![cfg(unix)]

#[path = "common/cdp.rs"]
mod cdp;
mod common;

use std::path::PathBuf;

use cdp::{axe, axe_source};
use common::serve::{Served, browser, signed_in};
use common::{HALF_DONE, example, read, write};
use serde_json::json;

/// One page of each kind the server shows: home, check, a population, a
/// part of its form, a question, a step, a persona, a measure, the
/// improvements and a new one, the population's description, the map's
/// perspectives, and a page that does not exist.
const PAGES: &[&str] = &[
    "/",
    "/check",
    "/p/heart-failure",
    "/p/heart-failure/s/chain",
    "/p/heart-failure/q/chain-measures",
    "/p/heart-failure/improvements",
    "/p/heart-failure/new/improvement",
    "/p/heart-failure/new/persona",
    "/p/heart-failure/about",
    "/p/heart-failure/map",
    "/no-such-page",
];

/// The first link of the population's page to a record of `kind`.
fn first_record(b: &mut cdp::Browser, kind: &str) -> String {
    let found = b.eval(&format!(
        "(() => {{ const a = document.querySelector('a[href^=\"/p/heart-failure/{kind}/\"]'); return a ? a.getAttribute('href') : ''; }})()"
    ));
    let href = found.as_str().unwrap_or("").to_string();
    assert!(!href.is_empty(), "the population's page links a {kind}");
    href
}

/// Serves the example in `lang` and checks every kind of page: its
/// `lang` and `dir`, words from the catalogue (`words`: what must show
/// somewhere on the pages, `not`: English that must not), and axe.
fn served_in(lang: &str, dir: &str, words: &[&str], not: &[&str]) {
    let Some(exe) = browser() else { return };
    let Some(source) = axe_source() else { return };
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &["--lang", lang]);
    let mut b = cdp::Browser::start(&exe);
    b.open(&served.entry("/p/heart-failure"));
    let mut pages: Vec<String> = PAGES.iter().map(|p| p.to_string()).collect();
    for kind in ["step", "persona", "measure"] {
        pages.push(first_record(&mut b, kind));
    }
    let mut found = Vec::new();
    let mut all_text = String::new();
    for page in &pages {
        b.open(&served.url(page));
        let html = b.eval("[document.documentElement.lang, document.documentElement.dir]");
        assert_eq!(html, json!([lang, dir]), "{page}: lang and dir");
        // The page runs in its direction throughout: the body's text too.
        let body = b.eval("getComputedStyle(document.querySelector('main')).direction");
        assert_eq!(body, json!(dir), "{page}: the main text runs {dir}");
        let text = b.text();
        for english in not {
            assert!(
                !text.contains(english),
                "{page} still says {english:?} in {lang}:\n{text}"
            );
        }
        all_text.push_str(&text);
        if let Some(dir) = std::env::var_os("COVALUE_SCREENSHOTS").map(PathBuf::from) {
            let name = format!("{lang}{}", page.replace('/', "_"));
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            b.screenshot(&dir.join(format!("{name}.png")));
        }
        for v in axe(&mut b, &source) {
            found.push(format!("{page} ({lang}): {v}"));
        }
    }
    for word in words {
        assert!(all_text.contains(word), "no page says {word:?} in {lang}");
    }
    // The plain error page has the stylesheets and the workbook's name.
    b.open(&served.url("/no-such-page"));
    let styled = b.eval("document.styleSheets.length");
    assert!(styled.as_i64().is_some_and(|n| n >= 2), "{styled}");
    let top = b.eval("document.querySelector('header.topbar a.home').textContent");
    assert_eq!(
        top,
        json!("Heart failure care at Harbour Community Health"),
        "the top bar names the workbook"
    );
    // A refused save (422) and a save that met another's change (409).
    let chain = tmp
        .path()
        .join("populations/heart-failure/answers/chain.md");
    b.open(&served.url("/p/heart-failure/q/chain-measures"));
    b.and_wait(
        "(() => { const f = document.querySelector('form.edit'); \
         f.querySelector('input[name=status][value=\"not-applicable\"]').checked = true; \
         f.querySelector('button[type=submit]').click(); })()",
    );
    for v in axe(&mut b, &source) {
        found.push(format!("a refused save ({lang}): {v}"));
    }
    b.open(&served.url("/p/heart-failure/q/chain-measures"));
    write(
        &chain,
        read(&chain).replace(
            "would come from. -->\n",
            "would come from. -->\n\nTheirs.\n",
        ),
    );
    b.and_wait(
        "(() => { const f = document.querySelector('form.edit'); \
         f.querySelector('[name=text]').value = 'Ours.'; \
         f.querySelector('button[type=submit]').click(); })()",
    );
    let status = b.eval("performance.getEntriesByType('navigation')[0].responseStatus");
    assert_eq!(status, json!(409));
    let html = b.eval("[document.documentElement.lang, document.documentElement.dir]");
    assert_eq!(html, json!([lang, dir]), "the conflict page");
    for v in axe(&mut b, &source) {
        found.push(format!("a conflict ({lang}): {v}"));
    }
    assert!(found.is_empty(), "axe finds:\n{}", found.join("\n"));
}

#[test]
fn served_pages_in_swedish_pass_axe_and_say_no_english_word_of_covalues() {
    served_in(
        "sv",
        "ltr",
        &[
            "Kontroll",
            "Patientgrupper",
            "Spara",
            "Lägg till en förbättring",
            "Sidan finns inte",
        ],
        &[
            "Save mine over theirs",
            "Add an improvement",
            "Writes to ",
            "There is no such page",
        ],
    );
}

#[test]
fn served_pages_in_hebrew_run_right_to_left_and_pass_axe() {
    served_in(
        "he",
        "rtl",
        &["בדיקה", "אוכלוסיות", "שמירה", "הוספת שיפור", "אין עמוד כזה"],
        &[
            "Save mine over theirs",
            "Add an improvement",
            "Writes to ",
            "There is no such page",
        ],
    );
}

#[test]
fn served_pages_in_spanish_pass_axe_and_say_no_english_word_of_covalues() {
    served_in(
        "es",
        "ltr",
        &[
            "Revisión",
            "Poblaciones",
            "Guardar",
            "Agregar una mejora",
            "Esa página no existe",
        ],
        &[
            "Save mine over theirs",
            "Add an improvement",
            "Writes to ",
            "There is no such page",
        ],
    );
}

#[test]
fn the_workbooks_language_chooses_the_served_pages_language() {
    let tmp = example(HALF_DONE);
    let config = tmp.path().join("covalue.toml");
    write(&config, format!("language = \"es\"\n{}", read(&config)));
    let served = Served::start(tmp.path(), &[]);
    let (status, home) = signed_in(&served, "GET", "/", "");
    assert_eq!(status, 200);
    assert!(home.contains("<html lang=\"es\" dir=\"ltr\">"), "{home}");
    assert!(home.contains("Poblaciones"), "{home}");
    let (status, missing) = signed_in(&served, "GET", "/nowhere", "");
    assert_eq!(status, 404);
    assert!(missing.contains("Esa página no existe"), "{missing}");
    // A refusal before any page (no token) speaks the language too.
    let refused = common::serve::http(&served, "GET", "/", &[], "");
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("clave de acceso"), "{}", refused.body);
}
