//! `covalue diff`'s handouts in the workbook's language: a workbook with
//! `language = "sv"` compared between two commits gives a Swedish handout
//! (Markdown and HTML), `--lang` another; Hebrew runs right to left with its
//! arrows pointing from the older value to the newer; in the pseudo-language
//! `en-XA` no English word of covalue's own is left; axe finds nothing on
//! the Hebrew and Swedish pages. The terminal's report stays English, as
//! every command-line message does.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{copy_dir, git, manifest_dir};
use tempfile::TempDir;

const POP: &str = "populations/heart-failure";

/// The heart failure example in Swedish (`language = "sv"`), committed and
/// tagged `session-1`, then changed in every way a handout words and
/// tagged `session-2`: a step moved and a step's field changed, a persona
/// and a measure added, an answer reworded, a question deferred with an
/// owner and a date, an improvement's status moved on.
fn two_sessions() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("hf");
    copy_dir(&manifest_dir().join("examples/harbour-heart-failure"), &wb);
    let config = wb.join("covalue.toml");
    let text = std::fs::read_to_string(&config).expect("covalue.toml");
    std::fs::write(&config, format!("{text}language = \"sv\"\n")).expect("covalue.toml");
    let g = |args: &[&str]| git(tmp.path(), &wb, args);
    g(&["init", "-q"]);
    g(&["config", "user.name", "Test"]);
    g(&["config", "user.email", "test@example.invalid"]);
    g(&["config", "commit.gpgsign", "false"]);
    g(&["add", "-A"]);
    g(&["commit", "-q", "-m", "session 1"]);
    g(&["tag", "session-1"]);

    let edit = |rel: &str, f: &dyn Fn(String) -> String| {
        let path = wb.join(POP).join(rel);
        let text = std::fs::read_to_string(&path).expect(rel);
        let changed = f(text.clone());
        assert_ne!(changed, text, "{rel} changed");
        std::fs::write(&path, changed).expect(rel);
    };
    // The first step goes last; another step's level changes.
    edit("process-map.toml", &|text| {
        let mut steps: Vec<&str> = text.split("[[step]]").collect();
        let head = steps.remove(0);
        let first = steps.remove(0);
        let mut out = format!("{head}[[step]]{}", steps.join("[[step]]"));
        out = out.replacen(
            "coproduction = \"none\"",
            "coproduction = \"consultation\"",
            1,
        );
        format!("{}\n\n[[step]]{}", out.trim_end(), first)
    });
    edit("value-compass.toml", &|text| {
        format!(
            "{text}\n[[measure]]\nid = \"weights-logged\"\nkind = \"process\"\nname = \"Dagar med vikt loggad\"\n\
             definition = \"Dagar med loggad vikt av dagar hemma\"\ndata_source = \"Samtalslinjens logg\"\n\
             baseline = \"okänt\"\ntarget = \"80 %\"\n"
        )
    });
    edit("improvements.toml", &|text| {
        text.replacen(
            "state = \"testing\"\ndate = 2026-10-20\n",
            "state = \"testing\"\ndate = 2026-10-20\n\n[[improvement.status]]\nstate = \"adopted\"\ndate = 2026-12-01\n",
            1,
        )
    });
    edit("answers/chain.md", &|text| {
        let text = text.replacen("about 60 %", "about 70 %", 1);
        let mark = "{#chain-coproduction}";
        let start = text.find(mark).expect("chain-coproduction") + mark.len();
        let end = start + text[start..].find("\n## ").expect("a next question");
        format!(
            "{}\n\nDeferred: vi väntar på patientrådet.\nOwner: Åsa Lind\nUntil: 2027-03-31\n{}",
            &text[..start],
            &text[end..]
        )
    });
    let persona = std::fs::read_to_string(wb.join(POP).join("personas/markus.md")).expect("markus");
    std::fs::write(
        wb.join(POP).join("personas/ines.md"),
        persona.replacen("name: Markus", "name: Inés", 1),
    )
    .expect("ines");
    g(&["add", "-A"]);
    g(&["commit", "-q", "-m", "session 2"]);
    g(&["tag", "session-2"]);
    (tmp, wb)
}

/// `covalue ARGS diff session-1 session-2 MORE` in `wb`: its output.
fn diff(wb: &Path, before: &[&str], after: &[&str]) -> String {
    let out = common::covalue(wb)
        .env("COVALUE_TODAY", "2026-12-07")
        .env("GIT_CEILING_DIRECTORIES", wb.parent().unwrap_or(wb))
        .args(before)
        .args(["diff", "session-1", "session-2"])
        .args(after)
        .output()
        .expect("covalue diff");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_swedish_workbook_gets_a_swedish_handout() {
    let (_tmp, wb) = two_sessions();
    let html = diff(&wb, &[], &["--format", "html"]);
    assert!(html.contains("<html lang=\"sv\" dir=\"ltr\">"), "{html}");
    let md = diff(&wb, &[], &["--format", "md"]);
    for page in [&html, &md] {
        for swedish in [
            "Vad som ändrats från",
            "Flyttade steget",
            "från plats 1 till plats",
            "La till personan",
            "La till måttet",
            "ett processmått",
            "Förbättringen",
            // The guide's text in the workbook's language, and its status words.
            "Steg 3 · Värdekedja",
            "Öppen",
            "Uppskjuten",
            "ansvarig: Åsa Lind, till 2027-03-31",
            "frågor klara (fullständigt formulär)",
            "ändringar mellan",
        ] {
            assert!(page.contains(swedish), "no {swedish:?}:\n{page}");
        }
        for english in [
            "What changed",
            "Moved step",
            "Added",
            "questions settled",
            "Step 3",
        ] {
            assert!(!page.contains(english), "still {english:?}:\n{page}");
        }
    }
    // The printing date in the footer, in the language's form.
    assert!(html.contains("utskriven 2026-12-07"), "{html}");
    // The team's words keep their own direction; ids run left to right.
    assert!(
        html.contains("<strong dir=\"auto\">Inés</strong>"),
        "{html}"
    );
    assert!(html.contains("<code dir=\"ltr\">ines</code>"), "{html}");
}

#[test]
fn lang_gives_the_handout_another_language_with_its_dates() {
    let (_tmp, wb) = two_sessions();
    // (The page escapes "/" in the team's and covalue's words alike.)
    let html = diff(&wb, &["--lang", "es"], &["--format", "html"]).replace("&#x2f;", "/");
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
    for spanish in [
        "Qué cambió de",
        "Se movió el paso",
        "Se agregó la persona",
        "una medida de proceso",
        "Paso 3 · Cadena de valor",
        "Abierta",
        "Aplazada",
        "responsable: Åsa Lind, hasta el 31/3/2027",
        // In the running footer (a CSS string, "/" escaped).
        "impreso el 7\\2f 12\\2f 2026",
    ] {
        assert!(html.contains(spanish), "no {spanish:?}:\n{html}");
    }
    let stat = diff(&wb, &["--lang", "es"], &["--format", "md", "--stat"]);
    assert!(stat.contains("| Población | Cambios | Avance |"), "{stat}");
    assert!(stat.contains("1 movido, 2 respuestas"), "{stat}");
}

#[test]
fn a_hebrew_handout_runs_right_to_left_with_ids_and_dates_left_to_right() {
    let (_tmp, wb) = two_sessions();
    let html = diff(&wb, &["--lang", "he"], &["--format", "html"]);
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("הועבר השלב"), "{html}");
    // Before and after: the older value stands at the right, so the arrow
    // points left, to the newer.
    assert!(html.contains("<span class=\"arrow\"> ← </span>"), "{html}");
    assert!(!html.contains("→"), "{html}");
    // Dates in the Hebrew order, versions' names and ids isolated.
    assert!(html.contains("עד 31.3.2027"), "{html}");
    assert!(html.contains("<bdi>session-1</bdi>"), "{html}");
    assert!(
        html.contains("(<code dir=\"ltr\">weights-logged</code>)"),
        "{html}"
    );
}

#[test]
fn the_terminal_report_stays_english_in_a_swedish_workbook() {
    let (_tmp, wb) = two_sessions();
    let text = diff(&wb, &[], &[]);
    assert!(text.contains("Moved step"), "{text}");
    assert!(!text.contains("Flyttade"), "{text}");
}

/// Text without what lies between `open` and `close`.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once(close)
            .map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    kept
}

/// The plain-letter words of a text (three letters or more).
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// The words covalue itself puts on an HTML page: outside its style, and
/// outside the pieces that quote the workbook or the guide (names, ids,
/// values, the team's changed words, questions, step titles).
fn own_words_of_html(html: &str) -> BTreeSet<String> {
    let mut page = without(html, "<style>", "</style>");
    for (open, close) in [
        ("<strong", "</strong>"),
        ("<code", "</code>"),
        ("<em", "</em>"),
        ("<h4", "</h4>"),
        ("<bdi", "</bdi>"),
        ("<ins", "</ins>"),
        ("<del", "</del>"),
        ("<span class=\"value\"", "</span>"),
        ("<title>", "</title>"),
        ("<", ">"),
    ] {
        page = without(&page, open, close);
    }
    words(&page.replace("&#x27;", "'"))
}

/// The same for a Markdown page: outside its names, ids, questions,
/// changed words and step titles.
fn own_words_of_markdown(md: &str) -> BTreeSet<String> {
    let mut page: String = md
        .lines()
        .filter(|l| !l.starts_with("#### ") && !l.starts_with("## "))
        .collect::<Vec<_>>()
        .join("\n");
    for mark in ["**", "~~", "`", "*"] {
        page = without(&page, mark, mark);
    }
    words(&page)
}

/// Every word of the files under `dir`, and of their names (a persona's id).
fn words_under(dir: &Path, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        out.extend(words(&entry.file_name().to_string_lossy()));
        if path.is_dir() {
            words_under(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.extend(words(&text));
        }
    }
}

#[test]
fn a_pseudo_language_handout_has_no_english_word_of_covalues_own() {
    let (_tmp, wb) = two_sessions();
    // What may stay English: the workbook's own words (the team's answers
    // in the changed lines, its values and versions' names).
    let mut allowed = BTreeSet::new();
    words_under(&wb.join("populations"), &mut allowed);
    allowed.extend(words("session"));
    // The English handout's own words, so that the check cannot pass by
    // finding nothing to look for.
    let english = diff(&wb, &["--lang", "en"], &["--format", "html"]);
    let own = own_words_of_html(&english);
    for word in ["changed", "moved", "added", "measure", "between", "settled"] {
        assert!(
            own.contains(word),
            "the English handout's own words: {own:?}"
        );
    }
    let html = diff(&wb, &["--lang", "en-XA"], &["--format", "html"]);
    assert!(html.contains("<html lang=\"en-XA\" dir=\"ltr\">"));
    let md = diff(&wb, &["--lang", "en-XA"], &["--format", "md"]);
    let mut left: Vec<String> = Vec::new();
    for (format, shown) in [
        ("html", own_words_of_html(&html)),
        ("md", own_words_of_markdown(&md)),
    ] {
        left.extend(shown.difference(&allowed).map(|w| format!("{format}: {w}")));
    }
    assert!(
        left.is_empty(),
        "English words of covalue's own on the en-XA handout: {left:?}\n{html}\n{md}"
    );
}

// The browser is driven over the DevTools pipe, which covalue opens on
// Unix; this test opens pages and runs axe, not every helper there.
#[cfg(unix)]
#[path = "common/cdp.rs"]
#[allow(dead_code)]
mod cdp;

/// axe finds nothing on the handout in Hebrew and in Swedish.
#[cfg(unix)]
#[test]
fn axe_finds_nothing_on_the_hebrew_and_swedish_handouts() {
    let Some(exe) = common::serve::browser() else {
        return;
    };
    let Some(source) = cdp::axe_source() else {
        return;
    };
    let (_tmp, wb) = two_sessions();
    let mut b = cdp::Browser::start(&exe);
    let mut found = Vec::new();
    for lang in ["he", "sv"] {
        let page = wb.join(format!("changes-{lang}.html"));
        let html = diff(&wb, &["--lang", lang], &["--format", "html"]);
        std::fs::write(&page, html).expect("write the handout");
        b.open(&format!("file://{}", page.display()));
        let dir = b.eval("getComputedStyle(document.querySelector('main h3')).direction");
        let want = if lang == "he" { "rtl" } else { "ltr" };
        assert_eq!(dir, serde_json::json!(want), "{lang}: headings run {want}");
        for v in cdp::axe(&mut b, &source) {
            found.push(format!("{lang}: {v}"));
        }
    }
    assert!(found.is_empty(), "axe finds:\n{}", found.join("\n"));
}

#[test]
fn a_site_words_the_handout_its_own_way_and_cannot_add_markup() {
    let (_tmp, wb) = two_sessions();
    std::fs::create_dir_all(wb.join("guide")).expect("guide folder");
    std::fs::write(
        wb.join("guide/messages.sv.ftl"),
        "diff-title-between = Förändringar { $old }–{ $new }\n\
         diff-persona = <script>alert(1)</script> { $name } ({ $id })\n",
    )
    .expect("site wording");
    let html = diff(&wb, &[], &["--format", "html"]);
    assert!(
        html.contains("<h1>Förändringar <bdi>session-1</bdi>–<bdi>session-2</bdi></h1>"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains(
            "&lt;script&gt;alert(1)&lt;&#x2f;script&gt; <strong dir=\"auto\">Inés</strong>"
        ),
        "{html}"
    );
}
