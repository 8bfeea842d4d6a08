//! The network report in the network's language (`language` in
//! network.toml, or `--lang` for one run): every word of covalue's own from
//! the catalogue, the built-in guide's steps, questions and terms in that
//! language, dates the language's way; in the pseudo-language no English
//! word of covalue's is left; the Hebrew PDF runs right to left on every
//! page, footers included; and a language covalue does not know is a
//! finding of `check` at its place in network.toml.

mod common;

use std::collections::BTreeSet;

use common::learning::{Fixture, fixture_with, read};
use common::printed::{self, hebrew, pages, text_of, without, words, words_under};
use common::{check_json, covalue, findings, manifest_dir, with_code};

/// The report in `format` (`text`, `md`, `html`), with `args` after.
fn report(f: &Fixture, format: &str, args: &[&str]) -> String {
    let mut all = vec!["network", "report", "--format", format];
    all.extend_from_slice(args);
    let run = f.run(&all);
    run.assert_code(0);
    run.stdout
}

#[test]
fn swedish_and_spanish_reports_speak_their_language() {
    let f = fixture_with("language = \"sv\"\n");
    // network.toml's language, in every format.
    let text = report(&f, "text", &[]);
    for said in [
        "Vad enheterna har lärt sig",
        "Goda exempel",
        "Mått sida vid sida",
        "Fullständighet: enheter × steg",
        // The built-in guide in Swedish: a step, a cluster, a status, with
        // the date the Swedish way.
        "Steg 3 · Värdekedja",
        "Förbättringar · Omformning av hälso- och sjukvårdssystemet",
        "Planerad sedan 2026-10-06",
        "Definitioner, källor, mätfrekvenser skiljer sig åt",
        "hur ofta: varje år",
    ] {
        assert!(text.contains(said), "no {said:?} in\n{text}");
    }
    for english in [
        "What the sites learnt",
        "Completeness",
        "Exemplars",
        "since 2026",
        "default branch",
    ] {
        assert!(!text.contains(english), "still {english:?} in\n{text}");
    }
    let md = report(&f, "md", &[]);
    assert!(md.contains("## Vad enheterna har lärt sig"), "{md}");
    assert!(md.contains("| Enhet | Land | Gren/tagg |"), "{md}");
    let html = report(&f, "html", &[]);
    assert!(html.contains("<html lang=\"sv\" dir=\"ltr\">"));
    assert!(html.contains("nätverksrapport"), "the footer");
    assert!(html.contains("Om rapporten"), "About this report");
    let shown = printed::words_of(&html);
    for english in [
        "learnt",
        "exemplars",
        "completeness",
        "settled",
        "revisions",
    ] {
        assert!(!shown.contains(english), "sv: still {english:?}");
    }

    // `--lang` over network.toml's: Spanish, dates day first.
    let text = report(&f, "text", &["--lang", "es"]);
    for said in [
        "Lo que aprendieron los sitios",
        "Completitud: sitios × pasos",
        "Paso 3 · Cadena de valor",
        "Planificada desde el 6/10/2026",
        "Difieren las definiciones, las fuentes, las frecuencias",
        "(31/10/2026)",
    ] {
        assert!(text.contains(said), "no {said:?} in\n{text}");
    }
    assert!(!text.contains("2026-10-06"), "an English date in\n{text}");
    let html = report(&f, "html", &["--lang", "es"]);
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    assert!(html.contains("Acerca de este informe"), "About this report");
}

#[test]
fn a_pseudo_language_report_has_no_english_word_of_covalues_own() {
    let f = fixture_with("");
    // What may stay English: what the sites and the coordinator wrote, the
    // guide's own words (en-XA prints the English guide), and what `check`
    // says of a site's workbook (command-line messages stay English).
    let mut allowed = BTreeSet::new();
    words_under(&f.path().join("work"), &mut allowed);
    allowed.extend(words(&read(&f.net().join("network.toml"))));
    words_under(&manifest_dir().join("guide"), &mut allowed);
    let problems = |html: &str| without(html, "<ul class=\"problems\"", "</ul>");
    let catalogue = read(&manifest_dir().join("i18n/en/network.ftl"));
    let messages: Vec<&str> = catalogue
        .lines()
        .filter(|l| l.starts_with("net-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, m)| m))
        .filter(|m| !m.contains('{') && m.contains(' '))
        .collect();
    assert!(messages.len() > 20, "{messages:?}");
    for format in ["html", "md", "text"] {
        let (english, pseudo) = (
            report(&f, format, &["--lang", "en"]),
            report(&f, format, &["--lang", "en-XA"]),
        );
        let (english, pseudo) = match format {
            "html" => (text_of(&problems(&english)), text_of(&problems(&pseudo))),
            // The problems' lines: `CV006 file:line:col: message`.
            _ => {
                let keep = |t: &str| {
                    t.lines()
                        .filter(|l| !l.trim_start().starts_with("CV0"))
                        .filter(|l| !l.contains("(first: ") && !l.contains("(ƒ"))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                (keep(&english), keep(&pseudo))
            }
        };
        // The English report's own words (those of en-XA are all
        // accented), so that the check cannot pass by finding nothing.
        let own: BTreeSet<String> = words(&english).difference(&allowed).cloned().collect();
        assert!(
            own.len() >= 5,
            "{format}: the English report's own words: {own:?}"
        );
        let mut left: Vec<String> = words(&pseudo).intersection(&own).cloned().collect();
        left.extend(
            messages
                .iter()
                .filter(|m| pseudo.contains(*m))
                .map(|m| m.to_string()),
        );
        assert!(
            left.is_empty(),
            "{format}: English words of covalue's own in en-XA: {left:?}"
        );
    }
}

#[test]
fn a_hebrew_report_runs_right_to_left_on_every_page_footers_included() {
    let Some(_) = common::print_browser() else {
        return;
    };
    let f = fixture_with("language = \"he\"\n");
    let html = report(&f, "html", &[]);
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));
    let pdf = f.path().join("report-he.pdf");
    f.run(&["network", "report", "--pdf", "-o", &pdf.to_string_lossy()])
        .assert_code(0);
    let pages = pages(&pdf);
    assert!(pages.len() > 5, "{} pages", pages.len());
    let mut problems = Vec::new();
    let mut hebrew_lines = 0;
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let foot = page.height - 60.0;
        let (footer, body): (Vec<_>, Vec<_>) = page.lines.iter().partition(|l| l.y0 > foot);
        // "עמוד N מתוך M" at the bottom left, "… · דוח רשת" at the bottom
        // right (pdftotext gives Hebrew words in the order their letters
        // are drawn: "עמוד" as "דומע", "רשת" as "תשר").
        let counter = footer
            .iter()
            .find(|l| l.words.iter().any(|w| w.contains("דומע")));
        match counter {
            Some(l) if l.x1 < page.width / 2.0 => {}
            Some(l) => problems.push(format!("page {n}: the page number at x {:.0}", l.x0)),
            None => problems.push(format!("page {n}: no Hebrew page number")),
        }
        let kind = footer
            .iter()
            .find(|l| l.words.iter().any(|w| w.contains("תשר")));
        match kind {
            Some(l) if l.x0 > page.width / 2.0 => {}
            Some(l) => problems.push(format!("page {n}: the footer's line at x {:.0}", l.x0)),
            None => problems.push(format!("page {n}: no footer line naming the report")),
        }
        // Each line of covalue's Hebrew (headings, notes, legends: words
        // without Latin letters; a table row or a line holding a site's
        // English words is its own mix) starts at the right: none stands
        // at the left margin, short, with room to its right.
        // A table's row is cut into its cells, each judged on its own.
        let margin = body.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        let measure = body.iter().map(|l| l.x1).fold(0.0, f64::max) - margin;
        for (x0, x1, words) in body.iter().flat_map(|l| l.pieces(8.0)) {
            let latin = words
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()));
            if words.len() >= 2 && words.iter().any(|w| hebrew(w)) && !latin {
                hebrew_lines += 1;
                let (left, right) = (x0, page.width - x1);
                let short = x1 - x0 < measure * 0.7;
                if left < margin + 2.0 && right > left + 1.0 && short {
                    problems.push(format!(
                        "page {n}: {:?} starts at the left margin, {right:.0} pt from the right",
                        words.join(" ")
                    ));
                }
            }
        }
        // Nothing runs off the page (a wide table would, to the left).
        for l in &page.lines {
            if l.x0 < 1.0 || l.x1 > page.width - 1.0 {
                problems.push(format!(
                    "page {n}: {:?} runs off the page",
                    l.words.join(" ")
                ));
            }
        }
    }
    // The ids read left to right, braces outside.
    let text: String = pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| l.words.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("{#short-leadership}"), "{text}");
    assert!(hebrew_lines > 50, "{hebrew_lines} lines of Hebrew");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn printed_in_every_language_the_report_keeps_its_type_size() {
    let Some(_) = common::print_browser() else {
        return;
    };
    // A table wider than the page (a Swedish compound in a narrow column, a
    // long path) makes the browser shrink every page: the body's text at
    // 10.5 pt against the footer's 8 pt is the ratio 1.31.
    let f = fixture_with("");
    for lang in ["sv", "es", "en-XA"] {
        let pdf = f.path().join(format!("report-{lang}.pdf"));
        f.run(&[
            "network",
            "report",
            "--lang",
            lang,
            "--pdf",
            "-o",
            &pdf.to_string_lossy(),
        ])
        .assert_code(0);
        // The browser shrinks every page alike: the first, all prose, says.
        let heights = printed::type_heights(&pdf);
        let (footer, body) = heights.first().copied().unwrap_or_default();
        let ratio = body / footer;
        assert!(
            ratio > 1.29,
            "{lang}: body text at {:.1} pt (shrunk to fit a wide table)",
            8.0 * ratio
        );
    }
}

#[test]
fn a_language_covalue_does_not_know_is_a_finding_at_its_place() {
    let tmp = common::empty_dir();
    covalue(tmp.path())
        .args(["network", "init", "net", "--name", "Red de práctica"])
        .assert()
        .success();
    let net = tmp.path().join("net");
    let toml = net.join("network.toml");
    let text = read(&toml);
    common::learning::write(&toml, &format!("language = \"fr\"\n{text}"));
    let (run, json) = check_json(&net, &[]);
    run.assert_code(1);
    let found = findings(&json);
    let cv005 = with_code(&found, "CV005");
    assert!(
        cv005
            .iter()
            .any(|f| f.file.as_deref() == Some("network.toml")
                && f.line == Some(1)
                && f.column == Some(12)),
        "{found:#?}"
    );
    // The report is refused until it is fixed, and says where.
    let report = common::run(&net, &["network", "report"]);
    report.assert_code(2);
    assert!(
        report.stderr.contains("CV005") && report.stderr.contains("network.toml:1:12"),
        "{}",
        report.stderr
    );
}
