//! The session pack in the page languages: printed in Hebrew, every page
//! runs right to left (its lines start at the right, its footer's lines at
//! the bottom right with "page N of M" at the bottom left, the questions'
//! `{#id}`s kept left to right); in the pseudo-language `en-XA` no English
//! word of covalue's own is left on it, only the workbook's and the
//! guide's; in Swedish and Spanish its words are those languages'.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::printed::{
    Line, cut_or_overlapping, hebrew, pages, without, words, words_of, words_of_pdf, words_under,
};
use common::{copy_dir, manifest_dir};
use tempfile::TempDir;

/// The heart failure example with a session record for steps 2 and 3.
fn with_session() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("hf");
    copy_dir(&manifest_dir().join("examples/harbour-heart-failure"), &wb);
    std::fs::create_dir_all(wb.join("sessions")).expect("sessions");
    std::fs::write(
        wb.join("sessions/2026-12-10-team.toml"),
        "date = 2026-12-10\ntitle = \"Who we serve\"\nfocus = [\"chain\", \"population\"]\n",
    )
    .expect("session record");
    (tmp, wb)
}

/// `covalue --lang LANG session pack ARGS` in `wb`.
fn pack(wb: &Path, lang: &str, args: &[&str]) {
    common::covalue(wb)
        .env("COVALUE_TODAY", "2026-12-07")
        .env("GIT_CEILING_DIRECTORIES", wb.parent().unwrap_or(wb))
        .args(["--lang", lang, "session", "pack"])
        .args(args)
        .assert()
        .success();
}

#[test]
fn a_hebrew_pack_runs_right_to_left_on_every_page_footers_included() {
    let Some(_) = common::print_browser() else {
        return;
    };
    let (_tmp, wb) = with_session();
    let pdf = wb.join("out/pack-he.pdf");
    pack(&wb, "he", &["--pdf", "-o", "out/pack-he.pdf"]);
    let pages = pages(&pdf);
    assert!(pages.len() > 5, "{} pages", pages.len());
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let width = page.width;
        // The footer: below the body, in the bottom margin.
        let foot = page.height - 60.0;
        let (footer, body): (Vec<&Line>, Vec<&Line>) = page.lines.iter().partition(|l| l.y0 > foot);
        // "עמוד N מתוך M" at the bottom left, the footer's lines at the
        // bottom right (pdftotext gives Hebrew words in the order their
        // letters are drawn: "עמוד" as "דומע").
        let counter = footer
            .iter()
            .find(|l| l.words.iter().any(|w| w.contains("דומע")));
        match counter {
            Some(l) if l.x1 < width / 2.0 => {}
            Some(l) => problems.push(format!("page {n}: the page number at x {:.0}", l.x0)),
            None => problems.push(format!("page {n}: no Hebrew page number")),
        }
        let session = footer
            .iter()
            .find(|l| l.words.iter().any(|w| w.contains("שגפמ")));
        match session {
            // Its line starts at the right margin (a Hebrew line runs
            // leftwards from there, as far as it is long).
            Some(l) if l.x1 > width - 50.0 && l.x0 > width * 0.2 => {}
            Some(l) => problems.push(format!(
                "page {n}: the footer's line from x {:.0} to {:.0}",
                l.x0, l.x1
            )),
            None => problems.push(format!("page {n}: no footer line naming the session")),
        }
        // Each line of Hebrew words starts at the right: none stands at
        // the left margin with room to its right (the pictures' labels,
        // set inside them, are neither).
        let margin = body.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        for l in &body {
            // A sentence or a heading: a table's one-word cell may stand
            // at the left, as its last column.
            if l.words.len() >= 2 && l.words.first().is_some_and(|w| hebrew(w)) {
                let (left, right) = (l.x0, width - l.x1);
                if left < margin + 2.0 && right > left + 1.0 {
                    problems.push(format!(
                        "page {n}: {:?} starts at the left margin, {right:.0} pt from the right",
                        l.words.join(" ")
                    ));
                }
            }
        }
    }
    // The questions' marks read left to right, braces outside: {#id}.
    let text: String = pages
        .iter()
        .flat_map(|page| &page.lines)
        .flat_map(|l| l.words.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("{#chain-measures}"), "{text}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_pseudo_language_pack_has_no_english_word_of_covalues_own() {
    let (_tmp, wb) = with_session();
    // What may stay English: the workbook's own words, the guide's (its
    // questions, help and wording notes), and what the reports' shared
    // macros print (the persona cards, the status boxes), which the
    // reports convert on their own. Read before any pack is written into
    // the workbook, so that the pack's own words are not counted as the
    // workbook's.
    let mut allowed = BTreeSet::new();
    words_under(&wb, &mut allowed);
    words_under(&manifest_dir().join("guide"), &mut allowed);
    let macros = manifest_dir().join("src/render/templates/macros.html");
    allowed.extend(words(&std::fs::read_to_string(macros).unwrap_or_default()));
    words_under(&manifest_dir().join("src/guide"), &mut allowed);
    // And what `check` finds, shown in the open items: findings are
    // command-line text, English on every page.
    let (_, report) = common::check_json(&wb, &[]);
    for f in common::findings(&report) {
        allowed.extend(words(&f.message));
        allowed.extend(words(f.help.as_deref().unwrap_or("")));
    }
    pack(&wb, "en-XA", &["-o", "out/pack.html"]);
    let html = std::fs::read_to_string(wb.join("out/pack.html")).expect("pack");
    assert!(html.contains("<html lang=\"en-XA\" dir=\"ltr\">"));
    // The English pack's own words (those of en-XA are all accented), so
    // that the check cannot pass by finding nothing to look for.
    pack(&wb, "en", &["-o", "out/pack-en.html"]);
    let english = std::fs::read_to_string(wb.join("out/pack-en.html")).expect("pack");
    let own: BTreeSet<String> = words_of(&english).difference(&allowed).cloned().collect();
    assert!(own.len() >= 5, "the English pack's own words: {own:?}");
    let shown = words_of(&html);
    let mut left: Vec<String> = shown.intersection(&own).cloned().collect();
    // And no message of the pack's, as English prints it.
    let catalogue =
        std::fs::read_to_string(manifest_dir().join("i18n/en/pages.ftl")).expect("en/pages.ftl");
    let text = without(&without(&html, "<style>", "</style>"), "<svg", "</svg>");
    let messages: Vec<&str> = catalogue
        .lines()
        .filter(|l| l.starts_with("pack-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, m)| m))
        // Sentences and headings of two words or more (one word is
        // looked for among the words above).
        .filter(|m| !m.contains('{') && m.contains(' '))
        .collect();
    assert!(messages.len() > 15, "{messages:?}");
    left.extend(
        messages
            .iter()
            .filter(|m| text.contains(*m))
            .map(|m| m.to_string()),
    );
    assert!(
        left.is_empty(),
        "English words of covalue's own on the en-XA pack: {left:?}"
    );
}

#[test]
fn swedish_and_spanish_packs_speak_their_language() {
    let (_tmp, wb) = with_session();
    for (lang, words) in [
        // The page's words, and the guide's own text in the same language
        // (`--lang` picks the built-in guide's translation too).
        (
            "sv",
            ["Dagordning", "Arbetsblad", "Närvaro", "Steg 3 · Värdekedja"],
        ),
        (
            "es",
            [
                "Orden del día",
                "Hojas de trabajo",
                "Asistencia",
                "Paso 3 · Cadena de valor",
            ],
        ),
    ] {
        let out = format!("out/pack-{lang}.html");
        pack(&wb, lang, &["-o", &out]);
        let html = std::fs::read_to_string(wb.join(&out)).expect("pack");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{lang}"
        );
        for word in words {
            assert!(html.contains(word), "{lang}: no {word:?}");
        }
        let shown = words_of(&html);
        for english in ["worksheets", "attendance", "signature"] {
            assert!(!shown.contains(english), "{lang}: still {english:?}");
        }
    }
}

#[test]
fn pseudo_language_and_hebrew_packs_print_with_no_text_cut_or_overlapping() {
    let Some(_) = common::print_browser() else {
        return;
    };
    let (_tmp, wb) = with_session();
    let mut problems = Vec::new();
    for lang in ["en-XA", "he"] {
        let out = format!("out/pack-{lang}.pdf");
        pack(&wb, lang, &["--pdf", "-o", &out]);
        let pages = words_of_pdf(&wb.join(&out));
        assert!(pages.len() > 5, "{lang}: {} pages", pages.len());
        problems.extend(
            cut_or_overlapping(&pages)
                .into_iter()
                .map(|p| format!("{lang}: {p}")),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Markdown pack speaks the pack's language too, headings and table
/// included; its worksheets keep the `{#id}` headings `session import` reads.
#[test]
fn the_markdown_pack_speaks_its_language() {
    let (_tmp, wb) = with_session();
    pack(&wb, "sv", &["--format", "md", "-o", "out/pack-sv.md"]);
    let md = std::fs::read_to_string(wb.join("out/pack-sv.md")).expect("pack");
    for heading in [
        "## Dagordning",
        "## Öppna punkter",
        "## Nuvarande svar",
        "## Arbetsblad",
        "## Närvaro",
    ] {
        assert!(md.contains(heading), "no {heading:?} in\n{md}");
    }
    for english in [
        "## Agenda",
        "## Open items",
        "## Current answers",
        "## Worksheets",
        "## Attendance",
        "| name | role | signature |",
    ] {
        assert!(!md.contains(english), "still {english:?}");
    }
    assert!(
        md.contains("{#chain-processes}"),
        "the worksheets keep their ids"
    );
}
