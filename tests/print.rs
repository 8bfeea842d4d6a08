//! What a printed report looks like on paper, read back from PDFs printed by
//! a real Chromium: the short form of every population on two pages, no
//! heading left alone at the foot of a page, no text smaller than 8 pt,
//! every step title of the process map whole, and contents whose page
//! numbers are the pages the steps start on. Skipped with a reason when no
//! Chromium or poppler-utils is installed, failing under CI=true.
//!
//! Every state of the short form is one population of one workbook (both
//! examples, both again without `short-form.md`, and a population just
//! scaffolded), so that each paper size needs one printing; the documents
//! are printed two at a time.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use common::{copy_dir, manifest_dir};
use covalue::guide::Guide;
use tempfile::TempDir;

/// A description in Hebrew, to be set right to left.
const HEBREW: &str = "מבוגרים החיים עם מחלה כרונית שמטופלים במרפאה שלנו";

/// The name a population is given in the workbook of every state.
const NO_SHORT: &str = " (no short form)";

/// A workbook with one population in each state of the short form: the
/// complete example, the half-done one, both without `short-form.md` (the
/// short form then falls back on the full form), and a new population as
/// `covalue new population` writes it.
fn every_state() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("wb");
    let examples = manifest_dir().join("examples");
    copy_dir(&examples.join("lakeside-ms"), &wb);
    let pops = wb.join("populations");
    copy_dir(
        &examples.join("harbour-heart-failure/populations/heart-failure"),
        &pops.join("heart-failure"),
    );
    for (from, to) in [("ms", "ms-no-short"), ("heart-failure", "hf-no-short")] {
        copy_dir(&pops.join(from), &pops.join(to));
        std::fs::remove_file(pops.join(to).join("answers/short-form.md")).expect("remove");
        let info = pops.join(to).join("population.toml");
        let text = std::fs::read_to_string(&info).expect("population.toml");
        let (head, rest) = text.split_once("name = \"").expect("a name");
        let (name, tail) = rest.split_once('"').expect("a quoted name");
        std::fs::write(&info, format!("{head}name = \"{name}{NO_SHORT}\"{tail}")).expect("rename");
    }
    common::covalue(&wb)
        .args(["new", "population", "new-team", "--name", "A new team"])
        .assert()
        .success();
    // The new team describes its population in Hebrew.
    let info = pops.join("new-team/population.toml");
    let text = std::fs::read_to_string(&info).expect("population.toml");
    assert!(text.contains("description = \"\""), "{text}");
    std::fs::write(
        &info,
        text.replacen(
            "description = \"\"",
            &format!("description = \"{HEBREW}\""),
            1,
        ),
    )
    .expect("description");
    (tmp, wb)
}

/// A printed document, read back one page at a time.
struct Printed {
    what: String,
    /// The text of each page, laid out as printed (`pdftotext -layout`).
    pages: Vec<String>,
    /// The text of each page in the order it was drawn (`pdftotext -raw`):
    /// the lines of a picture's box follow one another.
    raw: Vec<String>,
    /// The height of each word on each page, in points, with the word.
    words: Vec<Vec<(f64, String)>>,
    /// Each word's left and right edges, in points from the page's left.
    edges: Vec<Vec<(f64, f64)>>,
    /// The width of each page, in points.
    widths: Vec<f64>,
}

/// Prints `args` to `pdf` and reads it back.
fn print(wb: &Path, browser: &Path, args: &[&str], pdf: &Path) -> Printed {
    common::covalue(wb)
        .env("COVALUE_BROWSER", browser)
        .env("GIT_CEILING_DIRECTORIES", wb.parent().unwrap_or(wb))
        .args(["render", "-q", "--pdf", "-o"])
        .arg(pdf)
        .args(args)
        .timeout(std::time::Duration::from_secs(300))
        .assert()
        .success();
    let split = |text: String| {
        let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
        if pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.pop();
        }
        pages
    };
    let pages = split(poppler(&["-layout"], pdf));
    let raw = split(poppler(&["-raw"], pdf));
    let bbox = poppler(&["-bbox"], pdf);
    let words = word_heights(&bbox);
    let (edges, widths) = word_edges(&bbox);
    assert_eq!(words.len(), pages.len(), "{args:?}: one word list a page");
    assert_eq!(raw.len(), pages.len(), "{args:?}: one text a page");
    Printed {
        what: args.join(" "),
        pages,
        raw,
        words,
        edges,
        widths,
    }
}

fn poppler(args: &[&str], pdf: &Path) -> String {
    let out = StdCommand::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success(), "pdftotext {args:?} {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A number attribute of a tag of `pdftotext -bbox` output (0 when absent).
fn attr(tag: &str, name: &str) -> f64 {
    tag.split(&format!("{name}=\""))
        .nth(1)
        .and_then(|v| v.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// The words of `pdftotext -bbox` output, page by page, with their heights.
fn word_heights(xhtml: &str) -> Vec<Vec<(f64, String)>> {
    let mut pages = Vec::new();
    for page in xhtml.split("<page ").skip(1) {
        let mut words = Vec::new();
        for word in page.split("<word ").skip(1) {
            let Some((tag, rest)) = word.split_once('>') else {
                continue;
            };
            let text = rest.split("</word>").next().unwrap_or("").to_string();
            words.push((attr(tag, "yMax") - attr(tag, "yMin"), text));
        }
        pages.push(words);
    }
    pages
}

/// The left and right edges of the words of `pdftotext -bbox` output, page
/// by page, and the width of each page.
fn word_edges(xhtml: &str) -> (Vec<Vec<(f64, f64)>>, Vec<f64>) {
    let mut pages = Vec::new();
    let mut widths = Vec::new();
    for page in xhtml.split("<page ").skip(1) {
        widths.push(attr(page.split('>').next().unwrap_or(""), "width"));
        pages.push(
            page.split("<word ")
                .skip(1)
                .map(|w| (attr(w, "xMin"), attr(w, "xMax")))
                .collect(),
        );
    }
    (pages, widths)
}

/// Runs of whitespace as one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body of a page: its lines above the footer. The footer is two lines,
/// the workbook's title (and "page N of M") over "guide co-value v1.0 · …".
fn body_lines(page: &str) -> Vec<&str> {
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    let end = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("guide co-value v"))
        .map_or(lines.len(), |guide| guide.saturating_sub(1));
    lines[..end].to_vec()
}

/// The footer of a page: its last lines, as one line of text, without
/// "page N of M" (which stands beside its first line).
fn footer(page: &str) -> String {
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    let lines = &lines[lines.len().saturating_sub(5)..];
    let start = lines
        .iter()
        .position(|l| l.contains(" page ") || l.trim_start().starts_with("page "))
        .unwrap_or(0);
    let text: Vec<String> = lines[start..]
        .iter()
        .map(|l| match l.rfind(" page ") {
            Some(at) if l[at..].contains(" of ") => l[..at].to_string(),
            _ => l.to_string(),
        })
        .collect();
    normalise(&text.join(" "))
}

/// What the reports print as headings: the guide's steps (with their
/// introductions) and questions, and the titles of the report's own
/// sections.
fn headings() -> (Vec<String>, Vec<String>) {
    let guide = Guide::builtin().expect("guide");
    let mut long: Vec<String> = Vec::new();
    let mut short: Vec<String> = [
        "Personas",
        "Process map",
        "The six questions",
        "★ Opportunities to improve",
        "Personas across the value configurations",
        "Open items",
        "Contents",
        "Completeness",
    ]
    .map(str::to_string)
    .to_vec();
    // The grid's introduction follows its heading.
    long.push(
        "How each persona meets each configuration, shortened from the walk-throughs above."
            .to_string(),
    );
    for section in guide.all_sections() {
        short.push(section.heading());
        // A step's introduction follows its heading: alone at the foot of a
        // page, it leaves the heading without its first question.
        if !section.intro.trim().is_empty() {
            long.push(normalise(&section.intro));
        }
        for q in &section.questions {
            long.push(normalise(&q.text));
        }
    }
    (long, short)
}

/// Tags printed beside a question: its id and its state.
fn strip_tags(line: &str) -> (String, bool) {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut had_id = false;
    // A leading question number ("3.2", "4").
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        words.remove(0);
    }
    while let Some(last) = words.last() {
        let tag = matches!(
            *last,
            "OPEN"
                | "Open"
                | "ANSWERED"
                | "Answered"
                | "Deferred"
                | "applicable"
                | "overdue"
                | "prompt"
        ) || (last.starts_with("{#") && last.ends_with('}'));
        if !tag {
            break;
        }
        had_id |= last.starts_with("{#");
        words.pop();
        if matches!(words.last(), Some(&"Not") | Some(&"draft")) {
            words.pop();
        }
    }
    (words.join(" "), had_id)
}

/// Whether a page's last line is (the end of) a heading, or the line of
/// tags under a question's heading: what a reader should never find alone
/// at the foot of a page.
fn is_heading(line: &str, full: bool, long: &[String], short: &[String]) -> bool {
    let (text, had_id) = strip_tags(line);
    if text.is_empty() {
        return had_id;
    }
    // In the full form a question's heading never holds its id (that is on
    // the line under it); a line ending in an id is a table's cell. In the
    // short form, the id ends the question's heading.
    if had_id {
        return !full && long.iter().any(|h| h.ends_with(&text));
    }
    short.contains(&text)
        || (text.split(' ').count() >= 3 && long.iter().any(|h| h.ends_with(&text)))
}

/// Asserts no page of `doc` ends with a heading. In the full form, the
/// questions are on the pages of the steps (whose footers name the step);
/// the other pages hold tables that list questions (open items), so there
/// only the report's own headings (and the grid's introduction) count.
fn assert_no_stranded_headings(doc: &Printed, full: bool) {
    let (long, short) = headings();
    let grid_intro = long
        .iter()
        .filter(|h| h.starts_with("How each persona meets"))
        .cloned()
        .collect::<Vec<_>>();
    for (i, page) in doc.pages.iter().enumerate() {
        if i + 1 == doc.pages.len() {
            continue;
        }
        let questions = !full || footer(page).contains(" Step ");
        let body = body_lines(page);
        let Some(last) = body.last() else { continue };
        let stranded = if questions {
            is_heading(last, full, &long, &short)
        } else {
            let (text, had_id) = strip_tags(last);
            !had_id && (short.contains(&text) || grid_intro.iter().any(|h| h.ends_with(&text)))
        };
        assert!(
            !stranded,
            "{}: page {} ends with a heading: {:?}",
            doc.what,
            i + 1,
            last.trim()
        );
    }
}

/// The height of a word set at 1 pt. A word's box is as tall as the font's
/// ascent and descent, a fixed multiple of its size; the page number of the
/// footer ("page N of M") is set at 8 pt (10 pt in large print).
fn per_point(doc: &Printed) -> f64 {
    let footer = if doc.what.contains("--large-print") {
        10.0
    } else {
        8.0
    };
    let words = doc.words.first().expect("a page");
    let at = words
        .iter()
        .rposition(|(_, w)| w == "page")
        .expect("page N of M in the footer");
    words[at].0 / footer
}

/// The size of the commonest word of `doc`, in points: the body text.
fn body_type(doc: &Printed) -> f64 {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for (h, _) in doc.words.iter().flatten() {
        *counts.entry((h * 100.0).round() as i64).or_default() += 1;
    }
    let commonest = counts
        .iter()
        .max_by_key(|(_, n)| **n)
        .map_or(0.0, |(h, _)| *h as f64 / 100.0);
    commonest / per_point(doc)
}

/// The smallest word of `doc`: its size in points, the word, its page.
fn smallest_type(doc: &Printed) -> (f64, String, usize) {
    let per_point = per_point(doc);
    let mut smallest = (f64::MAX, String::new(), 0);
    for (page, words) in doc.words.iter().enumerate() {
        for (h, word) in words {
            let size = h / per_point;
            if size < smallest.0 {
                smallest = (size, word.clone(), page + 1);
            }
        }
    }
    smallest
}

/// The population each page belongs to, from its footer.
fn population_of<'a>(page: &str, names: &'a [String]) -> Option<&'a String> {
    let footer = footer(page);
    // Longest first: "X (no short form)" before "X".
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort_by_key(|n| std::cmp::Reverse(n.len()));
    sorted
        .into_iter()
        .find(|n| footer.contains(&format!("· {n}")))
}

/// The names of the populations, and the step titles of each process map.
fn populations(wb: &Path) -> Vec<(String, Vec<String>)> {
    let workbook = covalue::workbook::Workbook::open(covalue::workbook::Loader::disk(wb))
        .expect("the workbook loads");
    workbook
        .populations(&[])
        .iter()
        .map(|p| {
            let titles = p
                .process_map
                .as_ref()
                .map(|m| m.steps.iter().map(|s| s.title.clone()).collect())
                .unwrap_or_default();
            (p.name().to_string(), titles)
        })
        .collect()
}

fn check_short_form(doc: &Printed, wb: &Path) {
    let pops = populations(wb);
    let names: Vec<String> = pops.iter().map(|(n, _)| n.clone()).collect();
    let mut pages: BTreeMap<&String, Vec<usize>> = BTreeMap::new();
    for (i, page) in doc.pages.iter().enumerate() {
        let pop = population_of(page, &names)
            .unwrap_or_else(|| panic!("{}: page {} names no population", doc.what, i + 1));
        pages.entry(pop).or_default().push(i);
    }
    for (name, titles) in &pops {
        let on = pages.get(name).cloned().unwrap_or_default();
        assert!(
            (1..=2).contains(&on.len()),
            "{}: the short form of {name:?} prints on {} pages",
            doc.what,
            on.len()
        );
        let text = normalise(
            &on.iter()
                .map(|&i| doc.raw[i].as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        assert!(text.contains(" answered · "), "{name}: the status line");
        for title in titles {
            assert!(
                text.contains(&normalise(title)),
                "{}: the short form of {name:?} shows the step title {title:?} whole",
                doc.what
            );
        }
    }
    // The Hebrew description is set right to left: against the right
    // margin, its first word rightmost.
    let page = doc
        .pages
        .iter()
        .position(|p| footer(p).contains("A new team"))
        .expect("the new team's page");
    let hebrew: Vec<usize> = doc.words[page]
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| w.chars().any(|c| ('\u{5d0}'..='\u{5ea}').contains(&c)))
        .map(|(i, _)| i)
        .collect();
    assert!(!hebrew.is_empty(), "{}: the Hebrew description", doc.what);
    let right = hebrew
        .iter()
        .map(|&i| doc.edges[page][i].1)
        .fold(0.0, f64::max);
    let left = hebrew
        .iter()
        .map(|&i| doc.edges[page][i].0)
        .fold(f64::MAX, f64::min);
    let width = doc.widths[page];
    // 15 mm margins: 42.5 pt.
    assert!(
        right > width - 46.0 && left > width / 3.0,
        "{}: the Hebrew description runs from {left:.0} to {right:.0} pt of {width:.0}",
        doc.what
    );
    assert_no_stranded_headings(doc, false);
    let body = body_type(doc);
    assert!(body >= 9.95, "{}: body text at {body:.1} pt", doc.what);
    let (size, word, page) = smallest_type(doc);
    assert!(
        size >= 7.95,
        "{}: {word:?} on page {page} is set at {size:.1} pt",
        doc.what
    );
}

/// The contents' page numbers and the pages the steps start on agree.
fn check_contents(doc: &Printed) {
    let guide = Guide::builtin().expect("guide");
    let steps: Vec<String> = guide.steps.iter().map(|s| s.heading()).collect();
    let contents = doc
        .pages
        .iter()
        .find(|p| p.trim_start().starts_with("Contents"))
        .expect("a contents page");
    let mut listed = Vec::new();
    for line in contents.lines() {
        let line = normalise(line);
        let Some((title, page)) = line.rsplit_once(' ') else {
            continue;
        };
        if steps.iter().any(|s| s == title) {
            let page: usize = page
                .parse()
                .unwrap_or_else(|_| panic!("{}: no page number for {title:?}", doc.what));
            listed.push((title.to_string(), page));
        }
    }
    assert!(
        listed.len() >= steps.len(),
        "{}: contents {listed:?}",
        doc.what
    );
    // The footer names the step of each page: a step starts where its name
    // first appears there.
    let mut starts = Vec::new();
    let mut previous = String::new();
    for (i, page) in doc.pages.iter().enumerate() {
        let footer = footer(page);
        let Some(step) = steps.iter().find(|s| footer.contains(s.as_str())) else {
            previous.clear();
            continue;
        };
        if *step != previous {
            starts.push((step.clone(), i + 1));
        }
        previous = step.clone();
    }
    assert_eq!(listed, starts, "{}: contents against the pages", doc.what);
}

#[test]
fn printed_reports_keep_to_their_pages_and_read_at_8_pt() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let (tmp, wb) = every_state();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    // Longest first, so that two at a time finish together.
    let jobs: Vec<(&str, Vec<&str>)> = vec![
        ("full-a4", vec!["--form", "full", "-p", "ms"]),
        (
            "full-letter",
            vec!["--form", "full", "-p", "heart-failure", "--paper", "letter"],
        ),
        ("blank-full-a4", vec!["--form", "full", "--blank"]),
        ("short-a4", vec!["--form", "short", "--paper", "a4"]),
        ("short-letter", vec!["--form", "short", "--paper", "letter"]),
        (
            "large-a4",
            vec!["--form", "short", "-p", "ms", "--large-print"],
        ),
        (
            "blank-short-letter",
            vec!["--form", "short", "--blank", "--paper", "letter"],
        ),
        ("register-a4", vec!["--form", "register", "-p", "ms"]),
    ];
    // Two printings at a time, each starting a browser.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let printed: BTreeMap<&str, Printed> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some((name, args)) = jobs.get(i) else {
                            break done;
                        };
                        let pdf = out.join(format!("{name}.pdf"));
                        done.push((*name, print(&wb, &browser, args, &pdf)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("printing"))
            .collect()
    });

    for paper in ["short-a4", "short-letter"] {
        check_short_form(&printed[paper], &wb);
    }
    for name in ["full-a4", "full-letter", "blank-full-a4"] {
        let doc = &printed[name];
        assert_no_stranded_headings(doc, true);
        check_contents(doc);
        let (size, word, page) = smallest_type(doc);
        assert!(
            size >= 7.95,
            "{name}: {word:?} on page {page} is set at {size:.1} pt"
        );
    }
    // Large print: body text at 12 pt or more, nothing under 10 pt (the
    // footer), the pictures' text included.
    let large = &printed["large-a4"];
    let body = body_type(large);
    assert!(body >= 11.95, "large print: body text at {body:.1} pt");
    let (size, word, page) = smallest_type(large);
    assert!(
        size >= 9.95,
        "large print: {word:?} on page {page} is set at {size:.1} pt"
    );
    assert_no_stranded_headings(large, false);

    // The register handout: the improvements by cluster with the latest
    // values of their measures, on a few pages, at 8 pt or more.
    let register = &printed["register-a4"];
    assert!(
        register.pages.len() <= 3,
        "register: {} pages",
        register.pages.len()
    );
    let all = register
        .raw
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for text in [
        "Register of improvements",
        "Education of professionals",
        "{#relapse-plan}",
        "2026-06-30",
        "67 % on 2026-10-31 (target 75 %)",
    ] {
        assert!(all.contains(text), "the register lacks {text:?}");
    }
    let (size, word, page) = smallest_type(register);
    assert!(
        size >= 7.95,
        "register: {word:?} on page {page} is set at {size:.1} pt"
    );
    // The full form draws a run chart for each measure with values.
    let full = printed["full-a4"].pages.join("\n");
    assert!(
        full.matches("Run chart:").count() >= 3,
        "the full form lacks run charts"
    );

    let blank = &printed["blank-short-letter"];
    assert_no_stranded_headings(blank, false);
    for id in ["{#short-people}", "{#short-leadership}"] {
        assert!(
            blank.pages.iter().any(|p| p.contains(id)),
            "the blank short form labels {id}"
        );
    }
}

#[test]
fn a_stranded_heading_is_recognised() {
    let (long, short) = headings();
    let full = true;
    assert!(is_heading("Step 3 · Value chain", full, &long, &short));
    assert!(is_heading(
        "   {#chain-processes}  ANSWERED",
        full,
        &long,
        &short
    ));
    assert!(is_heading(
        "        Not applicable {#chain-measures}",
        false,
        &long,
        &short
    ));
    assert!(!is_heading(
        "the person and the team agree on a plan.",
        full,
        &long,
        &short
    ));
    // The end of a short-form question, with its tag and id.
    assert!(is_heading(
        "     population? OPEN {#short-network}",
        false,
        &long,
        &short
    ));
    assert!(!is_heading(
        "     population? OPEN {#short-network}",
        true,
        &long,
        &short
    ));
    let page = "a\n\nb\nT · P     page 1 of 2\n  guide co-value v1.0 · printed 2026-05-01\n\n";
    assert_eq!(body_lines(page), vec!["a", "b"]);
}
