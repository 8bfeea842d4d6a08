//! The community session pack (`covalue network session pack`) in the
//! network's language: in Swedish (`language` of `network.toml`) and Spanish
//! (`--lang`) its words and dates are those languages'; in the
//! pseudo-language `en-XA` no English word of covalue's own is left on it,
//! only the network's and the sites'; printed in Hebrew, every page runs
//! right to left, footer included, and the attendance sheet keeps the rows
//! to write on that the English sheet has.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::network::{Net, change_site, filled_in, three_sites};
use common::printed::{self, Line, cut_or_overlapping, hebrew, pages, words, words_of_pdf};

/// The three-site network with two community sessions: the first
/// (2026-11-05) filled in after the meeting, the next (2026-12-03, in
/// person) with harbour's new work since; an exemplar marked, and a
/// fourth site added but not fetched yet.
fn two_sessions() -> Net {
    let net = three_sites();
    net.run(&[
        "network",
        "session",
        "new",
        "--date",
        "2026-11-05",
        "--title",
        "Walking",
    ])
    .assert_code(0);
    let rel = "sessions/2026-11-05-webinar.toml";
    net.write(rel, &filled_in(&net.read(rel)));
    change_site(&net, "harbour");
    net.run(&["network", "fetch", "--jobs", "2"]).assert_code(0);
    net.run(&[
        "network",
        "session",
        "new",
        "--date",
        "2026-12-03",
        "--kind",
        "in-person",
    ])
    .assert_code(0);
    // A fourth site, added since and not fetched yet.
    let dir = net.site("northside", common::COMPLETE, |_| {});
    net.run(&["network", "add", "northside", &dir.to_string_lossy()])
        .assert_code(0);
    let toml = net.read("network.toml");
    net.write(
        "network.toml",
        &format!(
            "{toml}\n[[exemplar]]\nsite = \"lakeside\"\nimprovement = \"self-booked-blood-tests\"\nnote = \"Ask them how they won the laboratory over.\"\n"
        ),
    );
    net
}

/// Writes the pack of `session` (the next one when None) with `args`
/// (`--lang` among them or not) to `out` in the network folder; its path.
fn pack(net: &Net, args: &[&str], session: Option<&str>, out: &str) -> PathBuf {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["network", "session", "pack"]);
    all.extend(session);
    all.extend(["-o", out]);
    net.run(&all).assert_code(0);
    net.net().join(out)
}

/// The visible text of an HTML page: what follows its style (not the
/// head's title), no tags, entities read.
fn text_of(html: &str) -> String {
    printed::text_of(html.split("</style>").last().unwrap_or(html))
}

#[test]
fn swedish_and_spanish_packs_speak_their_language() {
    let net = two_sessions();
    // Swedish as the network's language; Spanish for one run.
    let toml = net.read("network.toml");
    net.write("network.toml", &format!("language = \"sv\"\n{toml}"));
    for (lang, args, expected) in [
        (
            "sv",
            &[][..],
            [
                "Fysiskt möte 2026-12-03",
                "Dagordning",
                "Vad som har ändrats på varje enhet",
                "datumet har passerat",
                "Goda exempel",
                "Närvaro",
                "Namnteckning",
                "ännu inte hämtad",
            ],
        ),
        (
            "es",
            &["--lang", "es"][..],
            [
                "Reunión presencial 3/12/2026",
                "Orden del día",
                "Qué cambió en cada sitio",
                "fecha vencida",
                "Ejemplos destacados",
                "Asistencia",
                "Firma",
                "todavía no descargado",
            ],
        ),
    ] {
        let html = std::fs::read_to_string(pack(&net, args, None, &format!("out/{lang}.html")))
            .expect("the pack");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{lang}"
        );
        let text = text_of(&html);
        for words in expected {
            assert!(text.contains(words), "{lang}: no {words:?} in\n{text}");
        }
        let shown = words(&text);
        for english in [
            "agenda",
            "attendance",
            "signature",
            "exemplars",
            "changed",
            "passed",
            "settled",
            "owner",
            "decisions",
            "facilitator",
            "what",
            "since",
            "sites",
        ] {
            assert!(!shown.contains(english), "{lang}: still {english:?}");
        }
    }
    // The roles on the first session's sheet, by the language's names.
    let first = std::fs::read_to_string(pack(
        &net,
        &[],
        Some("2026-11-05-webinar"),
        "out/first-sv.html",
    ))
    .expect("the pack");
    assert!(
        first.contains("<td>Ines</td><td>Samordnare</td>"),
        "the coordinator"
    );
    assert!(
        first.contains("<td>Närståendepartner</td>"),
        "a family partner"
    );
    assert!(text_of(&first).contains("fråga compass-measures"));
}

#[test]
fn a_pseudo_language_pack_has_no_english_word_of_covalues_own() {
    let net = two_sessions();
    let html = |session: &str, lang: &str| {
        let out = format!("out/{session}-{lang}.html");
        std::fs::read_to_string(pack(&net, &["--lang", lang], Some(session), &out))
            .expect("the pack")
    };
    // What may stay English: what the records and network.toml say (not
    // their comments), the sites' names, and the command to run.
    let mut allowed = BTreeSet::new();
    let records = std::fs::read_dir(net.net().join("sessions")).expect("sessions");
    for path in records
        .flatten()
        .map(|e| e.path())
        .chain([net.net().join("network.toml")])
    {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let values = text.lines().filter(|l| !l.trim_start().starts_with('#'));
        allowed.extend(values.flat_map(|l| words(l.split(" #").next().unwrap_or(""))));
    }
    allowed.extend(words(
        "lakeside harbour riverside northside covalue network fetch",
    ));
    // The guide's role titles: guide text, which en-XA leaves English as it
    // leaves the guide's questions.
    let guide = std::fs::read_to_string(common::manifest_dir().join("guide/co-value.toml"))
        .expect("the built-in guide");
    let mut in_role = false;
    for line in guide.lines().map(str::trim) {
        if line.starts_with('[') {
            in_role = line == "[[role]]";
        } else if let Some(title) = line.strip_prefix("title = ").filter(|_| in_role) {
            allowed.extend(words(title.trim_matches('"')));
        }
    }
    let mut left = Vec::new();
    let mut own_seen = BTreeSet::new();
    for session in ["2026-11-05-webinar", "2026-12-03-in-person"] {
        let xa = html(session, "en-XA");
        assert!(xa.contains("<html lang=\"en-XA\" dir=\"ltr\">"));
        // The English pack's own words (those of en-XA are all accented),
        // so that the check cannot pass by finding nothing to look for.
        let own: BTreeSet<String> = words(&text_of(&html(session, "en")))
            .difference(&allowed)
            .cloned()
            .collect();
        let shown = words(&text_of(&xa));
        left.extend(shown.intersection(&own).map(|w| format!("{session}: {w}")));
        own_seen.extend(own);
    }
    assert!(
        own_seen.len() >= 40,
        "the English pack's own words: {own_seen:?}"
    );
    assert!(
        left.is_empty(),
        "English words of covalue's own on the en-XA pack: {left:?}"
    );
}

/// Prints the pack of the first session (the one with people, a
/// presentation and actions) to PDF in `lang`.
fn print(net: &Net, browser: &str, lang: &str) -> PathBuf {
    let out = format!("out/first-{lang}.pdf");
    net.run(&[
        "--lang",
        lang,
        "network",
        "session",
        "pack",
        "2026-11-05-webinar",
        "--pdf",
        "--browser",
        browser,
        "-o",
        &out,
    ])
    .assert_code(0);
    net.net().join(out)
}

#[test]
fn a_hebrew_pack_runs_right_to_left_on_every_page_footers_included() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let net = two_sessions();
    let pdf = print(&net, &browser.to_string_lossy(), "he");
    let pages = pages(&pdf);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let width = page.width;
        // The footer: below the body, in the bottom margin.
        let foot = page.height - 60.0;
        let (footer, body): (Vec<&Line>, Vec<&Line>) = page.lines.iter().partition(|l| l.y0 > foot);
        // "עמוד N מתוך M" at the bottom left; the footer's lines ("הופק
        // ב־…", the session) at the bottom right.
        match footer.iter().find(|l| l.words.iter().any(|w| w == "דומע")) {
            Some(l) if l.x1 < width / 2.0 => {}
            Some(l) => problems.push(format!("page {n}: the page number at x {:.0}", l.x0)),
            None => problems.push(format!("page {n}: no Hebrew page number")),
        }
        for (word, what) in [("קפוה", "made"), ("רניבוו", "the session")] {
            match footer.iter().find(|l| l.words.iter().any(|w| w == word)) {
                Some(l) if l.x0 > width / 2.0 => {}
                Some(l) => problems.push(format!(
                    "page {n}: the footer's line of {what} at x {:.0}",
                    l.x0
                )),
                None => problems.push(format!("page {n}: no footer line of {what}")),
            }
        }
        // Each line of Hebrew words starts at the right: none stands at
        // the left margin with room to its right.
        let margin = body.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        for l in &body {
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
    // The headings stand at the right margin.
    for heading in ["רדס", "תוחכונ", "תומישמ"] {
        let line = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(move |l| (p.width, l)))
            .find(|(_, l)| l.words.last().is_some_and(|w| w == heading));
        match line {
            Some((width, l)) if width - l.x1 < 50.0 => {}
            Some((_, l)) => problems.push(format!("{heading:?} ends at x {:.0}", l.x1)),
            None => problems.push(format!("no heading {heading:?}")),
        }
    }
    // The tables' columns run from the right: the site or the name
    // first, the problems or the signature last.
    let x_of = |word: &str| {
        pages
            .iter()
            .flat_map(|p| p.lines.iter())
            .find(|l| l.words.len() == 1 && l.words[0] == word)
            .map(|l| l.x0)
    };
    for (first, last) in [("רתא", "תויעב"), ("םש", "המיתח")] {
        match (x_of(first), x_of(last)) {
            (Some(a), Some(b)) if a > b => {}
            (a, b) => problems.push(format!(
                "the column {first:?} at {a:?}, the column {last:?} at {b:?}"
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The horizontal rules of each page of `pdf` (`pdftocairo -svg`): thin
/// filled boxes, a row's cell borders joined into one; their tops and
/// widths, in points from the top left.
fn rules(pdf: &Path) -> Vec<Vec<(f64, f64)>> {
    let svg = pdf.with_extension("svg");
    let out = Command::new("pdftocairo")
        .arg("-svg")
        .arg(pdf)
        .arg(&svg)
        .output()
        .expect("pdftocairo");
    assert!(out.status.success(), "pdftocairo -svg");
    let text = std::fs::read_to_string(&svg).expect("the svg");
    let mut pages = Vec::new();
    for page in text.split("<page>").skip(1) {
        // (top, left, right) of each rule.
        let mut found: Vec<(f64, f64, f64)> = page
            .split("<path ")
            .skip(1)
            .filter_map(|path| {
                let tag = path.split('>').next()?;
                if tag.contains("transform") || !tag.contains("fill:rgb(") {
                    return None;
                }
                let d = tag.split(" d=\"").nth(1)?.split('"').next()?;
                let n: Vec<f64> = d
                    .split(|c: char| c.is_ascii_alphabetic() || c.is_whitespace())
                    .filter_map(|t| t.parse().ok())
                    .collect();
                let [x0, y0, x1, y1_, _, y1, ..] = n[..] else {
                    return None;
                };
                let thick = (y1 - y0).abs();
                (y1_ == y0 && thick > 0.2 && thick <= 1.6 && x1 - x0 > 20.0).then_some((
                    y0.min(y1),
                    x0,
                    x1,
                ))
            })
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut merged: Vec<(f64, f64, f64)> = Vec::new();
        for r in found {
            match merged.last_mut() {
                Some(m) if (m.0 - r.0).abs() < 0.6 && r.1 - m.2 < 3.0 => m.2 = m.2.max(r.2),
                _ => merged.push(r),
            }
        }
        pages.push(merged.into_iter().map(|(y, x0, x1)| (y, x1 - x0)).collect());
    }
    pages
}

/// The heights of the attendance sheet's rows, in mm: the gaps between the
/// full-width rules of the page headed "Attendance" (`heading`, as
/// pdftotext gives it).
fn attendance_rows(pdf: &Path, heading: &str) -> Vec<f64> {
    let pages = pages(pdf);
    let at = pages
        .iter()
        .position(|p| p.has(heading))
        .unwrap_or_else(|| panic!("no page headed {heading:?}"));
    let rules = rules(pdf);
    let page = &rules[at];
    let widest = page.iter().map(|r| r.1).fold(0.0, f64::max);
    let full: Vec<f64> = page
        .iter()
        .filter(|r| r.1 > widest * 0.9)
        .map(|r| r.0)
        .collect();
    full.windows(2)
        .map(|w| (w[1] - w[0]) * 25.4 / 72.0)
        // A cell's top and bottom border drawn apart are not a row.
        .filter(|mm| *mm > 2.0)
        .collect()
}

#[test]
fn the_hebrew_attendance_sheet_keeps_its_rows_to_write_on() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let net = two_sessions();
    let browser = browser.to_string_lossy().into_owned();
    let english = attendance_rows(&print(&net, &browser, "en"), "Attendance");
    let hebrew = attendance_rows(&print(&net, &browser, "he"), "תוחכונ");
    // The header, two people, riverside and lakeside, and six blank rows
    // (harbour's row is the family partner's).
    assert!(english.len() >= 10, "English rows: {english:?}");
    assert_eq!(hebrew.len(), english.len(), "{hebrew:?} / {english:?}");
    // The rows below the header: each 10 mm, as in English.
    let least = hebrew[1..].iter().copied().fold(f64::MAX, f64::min);
    let least_en = english[1..].iter().copied().fold(f64::MAX, f64::min);
    assert!(
        least >= 9.5 && least >= least_en - 0.3,
        "Hebrew rows at least {least:.1} mm, English {least_en:.1} mm: {hebrew:?}"
    );
}

#[test]
fn in_large_print_the_sites_names_stay_whole_in_hebrew_and_pseudo_english() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let net = two_sessions();
    let browser = browser.to_string_lossy().into_owned();
    // A word of the heading of what changed at each site, as pdftotext
    // gives it (the agenda on the first page says it too).
    for (lang, heading) in [("he", "הנתשה"), ("en-XA", "ççĥááñĝééð")] {
        let out = format!("out/large-{lang}.pdf");
        net.run(&[
            "--lang",
            lang,
            "network",
            "session",
            "pack",
            "--pdf",
            "--browser",
            &browser,
            "--large-print",
            "--paper",
            "letter",
            "-o",
            &out,
        ])
        .assert_code(0);
        let pages = pages(&net.net().join(&out));
        let page = pages
            .iter()
            .skip(1)
            .find(|p| p.has(heading))
            .unwrap_or_else(|| panic!("{lang}: no page headed {heading:?}"));
        for site in ["lakeside", "harbour", "riverside"] {
            assert!(page.has(site), "{lang}: {site} is not whole");
        }
    }
}

#[test]
fn a_hostile_exemplar_note_is_shown_as_text_in_every_language() {
    let net = two_sessions();
    let toml = net.read("network.toml");
    net.write(
        "network.toml",
        &toml.replace(
            "note = \"Ask them how they won the laboratory over.\"",
            "note = \"<script>alert(1)</script> {{ 7 * 7 }} \\u202Eevil \\u001b[2J won\"",
        ),
    );
    for lang in ["en", "sv", "he", "es", "en-XA"] {
        let out = format!("out/hostile-{lang}.html");
        let html =
            std::fs::read_to_string(pack(&net, &["--lang", lang], None, &out)).expect("the pack");
        assert!(html.contains("&lt;script&gt;alert(1)"), "{lang}: the note");
        assert!(!html.contains("<script"), "{lang}: a script");
        assert!(html.contains("{{ 7 * 7 }}"), "{lang}: a template ran");
        assert!(
            !html.contains('\u{202e}') && !html.contains('\u{1b}'),
            "{lang}: a control character"
        );
    }
}

#[test]
fn pseudo_language_and_hebrew_packs_print_with_no_text_cut_or_overlapping() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let net = two_sessions();
    let browser = browser.to_string_lossy().into_owned();
    let mut problems = Vec::new();
    for lang in ["en-XA", "he"] {
        for (paper, large) in [("a4", false), ("letter", true)] {
            let out = format!("out/cut-{lang}-{paper}.pdf");
            let mut args = vec![
                "--lang",
                lang,
                "network",
                "session",
                "pack",
                "2026-11-05-webinar",
                "--pdf",
                "--browser",
                &browser,
                "--paper",
                paper,
                "-o",
                &out,
            ];
            if large {
                args.push("--large-print");
            }
            net.run(&args).assert_code(0);
            let at = format!("{lang} {paper}{}", if large { " large" } else { "" });
            let pages = words_of_pdf(&net.net().join(&out));
            problems.extend(
                cut_or_overlapping(&pages)
                    .into_iter()
                    .map(|p| format!("{at}, {p}")),
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
