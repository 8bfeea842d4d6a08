//! The network report for learning: a three-site network made from local
//! repositories (a complete site with a learning, exemplars and a shared
//! measure, a short-form site, and a site with problems whose Step 9 answer
//! is hostile), read in every format. The learning comes first, in the
//! sites' own words and by name; exemplars are gathered; measures of a
//! shared domain stand side by side with what differs flagged; the
//! completeness matrix follows on a page of its own; nothing a site wrote
//! runs, loads or drives the terminal.

mod common;

use common::learning::{fixture, read, write};

/// Where `needle` first is in `text`, failing with the text when it is not.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in\n{text}"))
}

#[test]
fn the_learning_comes_first_in_every_format_by_name_and_safely() {
    let f = fixture();

    // An exemplar that names no site is reported, and the report goes on.
    let text = f.run(&["network", "report"]);
    text.assert_code(0);
    assert!(text.stderr.contains("CV066"), "{}", text.stderr);
    // `check` in the network folder says where.
    let check = f.run(&["check"]);
    check.assert_code(1);
    assert!(
        check.stdout.contains("CV066") && check.stdout.contains("network.toml:"),
        "{}{}",
        check.stdout,
        check.stderr
    );
    let out = &text.stdout;
    // Learning first; the matrix after it; the sites' details after that.
    assert!(at(out, "What the sites learnt") < at(out, "Exemplars"));
    assert!(at(out, "Exemplars") < at(out, "Measures side by side"));
    assert!(at(out, "Measures side by side") < at(out, "Completeness: sites × steps"));
    assert!(at(out, "Completeness: sites × steps") < at(out, "Sites (the revision"));
    // Step 9 in the site's words; improvements by the guide's names, with
    // status, dates, owner, measure against target and what it learnt.
    at(
        out,
        "Value for people with MS is created mostly outside our visits",
    );
    at(out, "Improvements · Healthcare system redesign");
    at(out, "Planned since 2026-10-06");
    at(out, "led by Unit manager with the laboratory lead");
    at(out, "target 75 %");
    at(
        out,
        "people booked when they could choose the health centre",
    );
    at(out, "from its note:");
    assert!(!out.contains("Improvements · system-redesign"), "{out}");
    // The short-form site: its leadership answer, said to be the short form's.
    at(out, "short form, which has no Step 9");
    at(
        out,
        "Until now leaders have developed the shop and the chain",
    );
    // Exemplars, with the site's reason and the coordinator's note.
    at(out, "why, in the site's words: a plan with names and dates");
    at(
        out,
        "why, in the site's words: Ask us how the laboratory came on board.",
    );
    at(
        out,
        "the coordinator's note: A nurse line others could copy.",
    );
    // Measures side by side: both sites' definitions, and what differs.
    at(out, "Health as people report it (reported-health)");
    at(out, "Definitions, sources, frequencies differ");
    at(out, "frequency: yearly");
    at(out, "frequency: quarterly");
    // The hostile answer is shown, not obeyed.
    at(out, "Value is lost at discharge.");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(!out.contains('\u{202e}'), "{out:?}");
    at(out, "\\u{202e}");

    let md = f.run(&["network", "report", "--format", "md"]).stdout;
    assert!(at(&md, "## What the sites learnt") < at(&md, "## Exemplars"));
    assert!(at(&md, "## Measures side by side") < at(&md, "## Completeness: sites × steps"));
    assert!(at(&md, "## Completeness: sites × steps") < at(&md, "## Sites"));
    at(
        &md,
        "> Value for people with MS is created mostly outside our visits",
    );
    at(&md, "Improvements · **Healthcare system redesign**");
    at(&md, "**Definitions, sources, frequencies differ**");
    at(&md, "Value is lost at discharge.");
    // Raw HTML is escaped (`\<script\>` reads as text); nothing else is.
    let unescaped = md.replace("\\<", "");
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "](javascript:",
        "\u{1b}",
        "\u{202e}",
    ] {
        assert!(
            !unescaped.contains(bad),
            "`{bad}` in the Markdown report:\n{}",
            md.lines()
                .filter(|l| l.contains(bad))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    let html = f.run(&["network", "report", "--format", "html"]).stdout;
    assert!(at(&html, "What the sites learnt") < at(&html, "class=\"completeness-page\""));
    assert!(at(&html, "class=\"completeness-page\"") < at(&html, "<h2>Sites</h2>"));
    // The site's Markdown rendered: its emphasis, in its own words.
    at(
        &html,
        "<strong>people booked when they could choose</strong>",
    );
    at(&html, "Value is lost at discharge.");
    at(&html, "Definitions, sources, frequencies differ");
    // The coordinator's note in its own direction.
    at(
        &html,
        "note: <span dir=\"auto\">A nurse line others could copy.</span>",
    );
    for bad in ["<script", "<img", "<iframe", "javascript:", "\u{1b}"] {
        assert!(!html.contains(bad), "`{bad}` in the HTML report");
    }
    // Shown as text instead.
    at(&html, "&lt;script&gt;");

    let json = f.run(&["network", "report", "--format", "json"]).json();
    let area = &json["learning"][0];
    assert_eq!(area["population"], "ms");
    let lakeside = &area["sites"][0];
    assert_eq!(lakeside["site"], "lakeside");
    assert_eq!(lakeside["assessment"].as_array().map(Vec::len), Some(4));
    let redesign = lakeside["clusters"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["cluster"] == "system-redesign"))
        .expect("the system redesign cluster");
    assert_eq!(redesign["name"], "Healthcare system redesign");
    let first = &redesign["improvements"][0];
    assert_eq!(first["status_name"], "Planned");
    assert_eq!(first["learning_is_note"], false);
    assert_eq!(
        first["measures"][0]["target"],
        "No serious event found only after a late test, by end of 2027"
    );
    let short = &area["sites"][1];
    assert_eq!(short["form"], "short");
    assert_eq!(short["assessment"][0]["question"], "short-leadership");
    let exemplars = json["exemplars"].as_array().expect("exemplars");
    assert_eq!(exemplars[0]["kind"], "question");
    assert_eq!(exemplars[0]["id"], "assessment-next-steps");
    assert_eq!(exemplars[0]["items"][0]["marked_by"], "site");
    let harbour = exemplars
        .iter()
        .flat_map(|g| g["items"].as_array().into_iter().flatten())
        .find(|i| i["site"] == "harbour")
        .expect("the coordinator's exemplar");
    assert_eq!(harbour["marked_by"], "coordinator");
    let domain = &json["domains"][0];
    assert_eq!(domain["measures"].as_array().map(Vec::len), Some(2));
    assert!(
        domain["differ"]
            .as_array()
            .is_some_and(|d| d.contains(&"definitions".into())),
        "{domain}"
    );
    assert!(domain["measures"][0]["definition"].is_string(), "{domain}");
}

#[test]
fn a_summary_of_an_older_shape_is_read_again_not_trusted() {
    let f = fixture();
    let networks = f.path().join("cache/networks");
    let folder = std::fs::read_dir(&networks)
        .expect("networks")
        .next()
        .expect("one network")
        .expect("entry")
        .path();
    let summary = folder.join("sites/lakeside.json");
    let mut old: serde_json::Value = serde_json::from_str(&read(&summary)).expect("json");
    old["format"] = 3.into();
    old["title"] = "STALE".into();
    old["populations"][0]["assessment"] = serde_json::json!([]);
    write(&summary, &old.to_string());
    let out = f.run(&["network", "report"]).stdout;
    assert!(!out.contains("STALE"), "{out}");
    at(
        &out,
        "Value for people with MS is created mostly outside our visits",
    );
}

#[test]
fn printed_the_completeness_matrix_is_one_page_of_its_own() {
    if common::print_browser().is_none() {
        return;
    }
    let f = fixture();
    let pdf = f.path().join("report.pdf");
    f.run(&["network", "report", "--pdf", "-o", &pdf.to_string_lossy()])
        .assert_code(0);
    let pages = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo");
    let pages: usize = String::from_utf8_lossy(&pages.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let page = |n: usize| {
        let out = std::process::Command::new("pdftotext")
            .args(["-f", &n.to_string(), "-l", &n.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let matrix = (1..=pages)
        .find(|&n| page(n).contains("Completeness: sites × steps"))
        .expect("a page with the matrix");
    let text = page(matrix);
    assert!(matrix > 1, "the matrix is not after the learning");
    assert!(
        text.contains("Completeness: sites × short-form questions"),
        "{text}"
    );
    assert!(!text.contains("What the sites learnt"), "{text}");
    assert!(!text.contains("Measures side by side"), "{text}");
    assert!(page(matrix + 1).contains("Sites"), "{}", page(matrix + 1));
}
