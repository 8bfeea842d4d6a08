//! What a printed report looks like on paper, read back from PDFs printed by
//! a real Chromium: the short form of every population at 12 pt on a few
//! pages, no heading left alone at the foot of a page, no text smaller than
//! 8 pt (the footer; 9 pt in the short form's body),
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

use common::printed::Word;
use common::{copy_dir, manifest_dir};
use covalue::guide::Guide;
use covalue::i18n::{Arg, Catalogue, Direction, Lang};
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
    /// The words of the language it is printed in.
    lingo: &'static Lingo,
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
    /// Each word's top, in points from the page's top.
    tops: Vec<Vec<f64>>,
    /// The size of the footer's "page N of M", in points.
    footer_pt: f64,
}

/// The languages every paper check runs in: English, the pseudo-language
/// (accented English, about 40 % longer) and Hebrew (right to left).
const LANGS: [Lang; 3] = [Lang::En, Lang::EnXa, Lang::He];

/// The words a check looks for on a page printed in one language:
/// covalue's own from the language's catalogue, the guide's from its
/// translation (the pseudo-language prints the English guide).
struct Lingo {
    lang: Lang,
    catalogue: Catalogue,
    guide: Guide,
}

/// The words of a language, made once per test run.
fn lingo(lang: Lang) -> &'static Lingo {
    static MADE: std::sync::OnceLock<Vec<Lingo>> = std::sync::OnceLock::new();
    let all = MADE.get_or_init(|| {
        LANGS
            .iter()
            .map(|&lang| Lingo {
                lang,
                catalogue: Catalogue::builtin(lang),
                guide: match lang.guide_tag() {
                    Some(tag) => Guide::builtin_for(tag)
                        .expect("a translated guide")
                        .expect("the translated guide loads"),
                    None => Guide::builtin().expect("guide"),
                },
            })
            .collect()
    });
    all.iter()
        .find(|l| l.lang == lang)
        .expect("a language of LANGS")
}

impl Lingo {
    /// A message of covalue's catalogue, as printed.
    fn t(&self, id: &str) -> String {
        self.t_with(id, &[])
    }

    /// A message with its values.
    fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let text = self
            .catalogue
            .message(id, args)
            .unwrap_or_else(|e| panic!("{}: message {id}: {e}", self.lang));
        normalise(&unmarked(&text))
    }

    /// Whether the language runs right to left.
    fn rtl(&self) -> bool {
        self.lang.direction() == Direction::Rtl
    }

    /// A date as the pages of the language print it.
    fn date(&self, iso: &str) -> String {
        self.lang
            .date(covalue::date::parse_date(iso).expect("a date"))
    }

    /// The words of "page N of M", numbers as "#".
    fn page_pattern(&self) -> Vec<String> {
        self.t_with(
            "page-number",
            &[("page", Arg::Number(1.0)), ("pages", Arg::Number(2.0))],
        )
        .split(' ')
        .map(|w| match w.parse::<u32>() {
            Ok(_) => "#".to_string(),
            Err(_) => w.to_string(),
        })
        .collect()
    }

    /// The word "page" of "page N of M".
    fn page_word(&self) -> String {
        self.page_pattern()
            .into_iter()
            .find(|w| w != "#")
            .expect("a word in page-number")
    }

    /// Whether `text` holds `phrase`, its words' end punctuation aside. A
    /// right-to-left line comes out of pdftotext in the order it is drawn,
    /// its words right to left: there the phrase may be the other way round.
    fn has(&self, text: &str, phrase: &str) -> bool {
        let text = canon(text);
        self.forms(phrase)
            .iter()
            .any(|form| text.contains(&canon(form)))
    }

    /// Whether `text` holds every word of `phrase`, in any order: a phrase
    /// that a right-to-left paragraph may have broken over lines.
    fn has_words(&self, text: &str, phrase: &str) -> bool {
        if self.has(text, phrase) {
            return true;
        }
        let text = canon(text);
        let words: std::collections::BTreeSet<&str> = text.split(' ').collect();
        self.rtl() && canon(phrase).split(' ').all(|w| words.contains(w))
    }

    /// The forms a line of text may take: as printed, and for a
    /// right-to-left language its words in reading order too.
    fn forms(&self, line: &str) -> Vec<String> {
        let line = normalise(&unmarked(line));
        let mut forms = vec![line.clone()];
        if self.rtl() {
            forms.push(line.split(' ').rev().collect::<Vec<_>>().join(" "));
        }
        forms
    }
}

/// A word without the punctuation a right-to-left line moves to its other
/// end (":", ".", "(").
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| c.is_ascii_punctuation() && c != '#' && c != '{' && c != '}')
}

/// Text without the direction marks pdftotext puts around right-to-left
/// runs (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F).
fn unmarked(text: &str) -> String {
    text.chars().filter(|c| !is_mark(*c)).collect()
}

/// Whether a character is a direction mark.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Prints `args` to `pdf` with `render` and reads it back.
fn print(wb: &Path, browser: &Path, lang: Lang, args: &[&str], pdf: &Path) -> Printed {
    let footer_pt = match args.contains(&"--large-print") {
        true => 14.0,
        false => 8.0,
    };
    print_with(wb, browser, lang, &["render"], args, pdf, footer_pt, &[])
}

/// Prints `args` to `pdf` with the verb `verb` in `lang` and reads it back;
/// its footer is set at `footer_pt`.
#[allow(clippy::too_many_arguments)]
fn print_with(
    wb: &Path,
    browser: &Path,
    lang: Lang,
    verb: &[&str],
    args: &[&str],
    pdf: &Path,
    footer_pt: f64,
    env: &[(&str, &Path)],
) -> Printed {
    common::covalue(wb)
        .envs(env.iter().copied())
        .env("COVALUE_BROWSER", browser)
        .env("GIT_CEILING_DIRECTORIES", wb.parent().unwrap_or(wb))
        .args(["--lang", lang.tag()])
        .args(verb)
        .args(["-q", "--pdf", "-o"])
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
    let tops = bbox
        .split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| attr(w, "yMin"))
                .collect()
        })
        .collect();
    assert_eq!(words.len(), pages.len(), "{args:?}: one word list a page");
    assert_eq!(raw.len(), pages.len(), "{args:?}: one text a page");
    Printed {
        what: format!("{} {} {}", lang.tag(), verb.join(" "), args.join(" ")),
        lingo: lingo(lang),
        pages,
        raw,
        words,
        edges,
        widths,
        tops,
        footer_pt,
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
    // The direction marks around a right-to-left run stand between words:
    // a space there keeps "מתוך 2" two words.
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .map(|c| match is_mark(c) {
            true => ' ',
            false => c,
        })
        .collect()
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
/// the workbook's title and the population (in large print the population
/// alone) with "page N of M", over "guide co-value v1.0 · …".
fn body_lines<'a>(page: &'a str, lingo: &Lingo) -> Vec<&'a str> {
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    // The footer starts at the line that holds "page N of M" (every
    // document's footer has it on its first line), else above the guide's line.
    let end = lines
        .iter()
        .rposition(|l| page_number(l, lingo).is_some())
        .or_else(|| {
            lines
                .iter()
                .rposition(|l| l.contains("co-value v") || l.contains("co-value "))
                .filter(|&at| lines.len() - at <= 2)
                .map(|guide| guide.saturating_sub(1))
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// Where a line of a page holds the footer's "page N of M" (in the
/// language's words, either way round): the first and the last word.
fn page_number(line: &str, lingo: &Lingo) -> Option<(usize, usize)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let pattern = lingo.page_pattern();
    let mut patterns = vec![pattern.clone()];
    if lingo.rtl() {
        patterns.push(pattern.iter().rev().cloned().collect());
    }
    let n = pattern.len();
    (0..(words.len() + 1).saturating_sub(n)).find_map(|at| {
        patterns
            .iter()
            .any(|p| {
                p.iter()
                    .zip(&words[at..at + n])
                    .all(|(p, w)| match p.as_str() {
                        "#" => w.parse::<u32>().is_ok(),
                        p => p == *w,
                    })
            })
            .then_some((at, at + n))
    })
}

/// The footer of a page: its last lines, as one line of text, without
/// "page N of M" (which stands beside its first line).
fn footer(page: &str, lingo: &Lingo) -> String {
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    let lines = &lines[lines.len().saturating_sub(5)..];
    let start = lines
        .iter()
        .position(|l| page_number(l, lingo).is_some())
        .unwrap_or(0);
    let text: Vec<String> = lines[start..]
        .iter()
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            match page_number(l, lingo) {
                Some((from, to)) => [&words[..from], &words[to..]].concat().join(" "),
                None => words.join(" "),
            }
        })
        .collect();
    normalise(&text.join(" "))
}

/// A line's words without the punctuation at their ends: how a line and a
/// heading are compared (a right-to-left line moves its end's "?" or ":"
/// to its other end).
fn canon(text: &str) -> String {
    text.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two texts have the same words, in any order.
fn same_words(a: &str, b: &str) -> bool {
    let sorted = |t: &str| {
        let mut w: Vec<String> = canon(t).split(' ').map(str::to_string).collect();
        w.sort();
        w
    };
    sorted(a) == sorted(b)
}

/// The words of `text` that hold a Latin letter (a team's English), as
/// [`canon`] has them: the Hebrew words around them left out.
fn latin(text: &str) -> String {
    canon(text)
        .split(' ')
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the reports print as headings: the guide's steps (with their
/// introductions) and questions, and the titles of the report's own
/// sections, in the page's language, each as [`canon`] has it.
fn headings(lingo: &Lingo) -> (Vec<String>, Vec<String>) {
    let guide = &lingo.guide;
    let mut long: Vec<String> = Vec::new();
    let mut short: Vec<String> = [
        "personas",
        "process-map",
        "six-questions",
        "grid-title",
        "open-items",
        "contents",
        "completeness",
        "form-register",
    ]
    .iter()
    .map(|id| lingo.t(id))
    .collect();
    short.push(format!("★ {}", lingo.t("opportunities")));
    // The grid's introduction follows its heading.
    long.push(lingo.t("grid-intro"));
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
    let canon_all = |v: Vec<String>| v.iter().map(|h| canon(h)).collect();
    (canon_all(long), canon_all(short))
}

/// Tags printed beside a question: its id and its state. Returns the line
/// without them, and whether it had an id.
fn strip_tags(line: &str, lingo: &Lingo) -> (String, bool) {
    let mut words: Vec<String> = canon(line).split(' ').map(str::to_string).collect();
    words.retain(|w| !w.is_empty());
    let mut had_id = false;
    // A leading question number ("3.2", "4").
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        words.remove(0);
    }
    // The state words, in capitals too (an open question's tag), and the
    // end of each alone (the tag broken over two lines).
    let mut tags: Vec<Vec<String>> = Vec::new();
    for id in [
        "state-open",
        "state-answered",
        "state-deferred",
        "state-not-applicable",
        "pill-overdue",
        "pill-draft",
    ] {
        let text = canon(&lingo.t(id));
        for form in [text.clone(), text.to_uppercase()] {
            let all: Vec<String> = form.split(' ').map(str::to_string).collect();
            for k in 0..all.len() {
                tags.push(all[k..].to_vec());
            }
        }
    }
    tags.sort_by_key(|t| std::cmp::Reverse(t.len()));
    loop {
        if words
            .last()
            .is_some_and(|w| w.starts_with("{#") && w.ends_with('}'))
        {
            had_id = true;
            words.pop();
            continue;
        }
        let Some(tag) = tags.iter().find(|t| words.ends_with(t)) else {
            break;
        };
        words.truncate(words.len() - tag.len());
    }
    (words.join(" "), had_id)
}

/// Whether a page's last line is (the end of) a heading, or the line of
/// tags under a question's heading: what a reader should never find alone
/// at the foot of a page.
fn is_heading(line: &str, full: bool, long: &[String], short: &[String], lingo: &Lingo) -> bool {
    lingo.forms(line).iter().any(|form| {
        let (text, had_id) = strip_tags(form, lingo);
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
    })
}

/// Asserts no page of `doc` ends with a heading. In the full form, the
/// questions are on the pages of the steps (whose footers name the step);
/// the other pages hold tables that list questions (open items), so there
/// only the report's own headings (and the grid's introduction) count.
fn assert_no_stranded_headings(doc: &Printed, full: bool) {
    let lingo = doc.lingo;
    let (long, short) = headings(lingo);
    let grid_intro = canon(&lingo.t("grid-intro"));
    for (i, page) in doc.pages.iter().enumerate() {
        if i + 1 == doc.pages.len() {
            continue;
        }
        let footer = footer(page, lingo);
        let questions = !full
            || lingo
                .guide
                .steps
                .iter()
                .any(|s| s.number > 0 && lingo.has_words(&footer, &s.heading()));
        let body = body_lines(page, lingo);
        let Some(last) = body.last() else { continue };
        let stranded = if questions {
            is_heading(last, full, &long, &short, lingo)
        } else {
            lingo.forms(last).iter().any(|form| {
                let (text, had_id) = strip_tags(form, lingo);
                !had_id
                    && !text.is_empty()
                    && (short.contains(&text) || grid_intro.ends_with(&text))
            })
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
    let footer = doc.footer_pt;
    let words = doc.words.first().expect("a page");
    let page = doc.lingo.page_word();
    let at = words
        .iter()
        .rposition(|(_, w)| *w == page || w.chars().rev().eq(page.chars()))
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

/// The least size a word set at `pt` measures. A Hebrew word in bold (a
/// status pill) comes in a font whose box is about 1.3 % shorter than the
/// footer's for the same size.
fn least_size(lingo: &Lingo, pt: f64) -> f64 {
    match lingo.rtl() {
        true => pt - 0.15,
        false => pt - 0.05,
    }
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
fn population_of<'a>(page: &str, names: &'a [String], lingo: &Lingo) -> Option<&'a String> {
    let footer = footer(page, lingo);
    // Longest first: "X (no short form)" before "X".
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort_by_key(|n| std::cmp::Reverse(n.len()));
    sorted
        .into_iter()
        .find(|n| lingo.has(&footer, &format!("· {n}")))
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

/// The ★ opportunities of each population's process map, by population.
fn opportunities(wb: &Path) -> BTreeMap<String, Vec<String>> {
    let workbook = covalue::workbook::Workbook::open(covalue::workbook::Loader::disk(wb))
        .expect("the workbook loads");
    workbook
        .populations(&[])
        .iter()
        .map(|p| {
            let found = p
                .process_map
                .as_ref()
                .map(|m| {
                    m.steps
                        .iter()
                        .filter_map(|s| s.opportunity.clone())
                        .collect()
                })
                .unwrap_or_default();
            (p.name().to_string(), found)
        })
        .collect()
}

fn check_short_form(doc: &Printed, wb: &Path, pdf: &Path) {
    let lingo = doc.lingo;
    let pops = populations(wb);
    let names: Vec<String> = pops.iter().map(|(n, _)| n.clone()).collect();
    let mut pages: BTreeMap<&String, Vec<usize>> = BTreeMap::new();
    for (i, page) in doc.pages.iter().enumerate() {
        let pop = population_of(page, &names, lingo)
            .unwrap_or_else(|| panic!("{}: page {} names no population", doc.what, i + 1));
        pages.entry(pop).or_default().push(i);
    }
    let opportunities = opportunities(wb);
    for (name, titles) in &pops {
        let on = pages.get(name).cloned().unwrap_or_default();
        eprintln!("{}: {name:?} on {} pages", doc.what, on.len());
        // The complete example on four pages or fewer; a new team's six
        // open questions each take most of a page.
        let most = if name.ends_with("sclerosis") { 4 } else { 8 };
        assert!(
            (1..=most).contains(&on.len()),
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
        // "6 of 6 answered": its last word.
        let answered = lingo.t_with(
            "n-of-answered",
            &[("answered", Arg::Number(1.0)), ("total", Arg::Number(2.0))],
        );
        let answered = answered
            .split(' ')
            .rfind(|w| w.parse::<u32>().is_err())
            .unwrap_or("");
        assert!(
            lingo.has(&text, answered),
            "{}: {name}: the status line",
            doc.what
        );
        for title in titles {
            assert!(
                lingo.has(&text, title),
                "{}: the short form of {name:?} shows the step title {title:?} whole",
                doc.what
            );
        }
        // Each ★ opportunity whole, on one page, the list's heading on the
        // page of its first item.
        let wanted = opportunities.get(name).cloned().unwrap_or_default();
        for (k, opportunity) in wanted.iter().enumerate() {
            let whole = normalise(opportunity);
            let page = on
                .iter()
                .find(|&&i| {
                    // In Hebrew the item's "★ Step N ·" stands at the right
                    // of its first line: pdftotext gives it after that
                    // line's English words.
                    lingo.has(&doc.raw[i], &whole)
                        || (lingo.rtl() && latin(&doc.raw[i]).contains(&latin(&whole)))
                })
                .unwrap_or_else(|| {
                    panic!(
                        "{}: {name:?}'s opportunity {} is cut or split over pages: {whole:?}",
                        doc.what,
                        k + 1
                    )
                });
            if k == 0 {
                assert!(
                    lingo.has(&doc.raw[*page], &lingo.t("opportunities")),
                    "{}: {name:?}'s opportunities start on page {} without their heading",
                    doc.what,
                    page + 1
                );
            }
        }
    }
    // An open question on a filled short form: ruled over 90 mm or to the
    // foot of its page, at 8 mm or more, in one piece.
    let (rooms, problems) = measure_rooms(doc, pdf, 0, doc.pages.len());
    let problems: Vec<&String> = problems
        .iter()
        .filter(|p| !p.ends_with("ruled lines above its first question"))
        .collect();
    assert!(problems.is_empty(), "{}: {problems:#?}", doc.what);
    let open: Vec<&Room> = rooms.iter().filter(|r| r.ruled > 0.0).collect();
    let least = open.iter().map(|r| r.ruled).fold(f64::MAX, f64::min);
    let pitch = open.iter().map(|r| r.pitch).fold(f64::MAX, f64::min);
    eprintln!(
        "{}: {} open questions ruled, the least {least:.0} mm at {pitch:.1} mm",
        doc.what,
        open.len()
    );
    // The new team's six, and the half-done example's open ones.
    assert!(
        open.len() >= 7,
        "{}: {} open questions",
        doc.what,
        open.len()
    );
    for room in &open {
        assert!(
            room.ruled >= 89.5 || (room.to_foot && room.ruled >= 30.0),
            "{}: {{#{}}} has {:.0} mm to write in",
            doc.what,
            room.id,
            room.ruled
        );
        assert!(
            room.pitch >= 7.95,
            "{}: {{#{}}} ruled at {:.1} mm",
            doc.what,
            room.id,
            room.pitch
        );
    }
    // The Hebrew description is set right to left: against the right edge
    // of the text (the rightmost word above the footer), its first word
    // rightmost.
    let page = doc
        .pages
        .iter()
        .position(|p| footer(p, lingo).contains("A new team"))
        .expect("the new team's page");
    // The description's words (pdftotext may give a Hebrew word in the
    // order its letters are drawn).
    let described: Vec<String> = HEBREW.split(' ').map(str::to_string).collect();
    let hebrew: Vec<usize> = doc.words[page]
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| {
            described.contains(w) || described.contains(&w.chars().rev().collect::<String>())
        })
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
    let page_word = lingo.page_word();
    let footer_top = doc.words[page]
        .iter()
        .rposition(|(_, w)| *w == page_word || w.chars().rev().eq(page_word.chars()))
        .map_or(f64::MAX, |i| doc.tops[page][i]);
    // The right edge of the body text (the process map's picture may take
    // the page's whole width).
    let body_height = body_type(doc) * per_point(doc);
    let column = doc.words[page]
        .iter()
        .zip(&doc.edges[page])
        .zip(&doc.tops[page])
        .filter(|(((h, _), _), top)| **top < footer_top - 5.0 && (h - body_height).abs() < 0.3)
        .map(|((_, (_, r)), _)| *r)
        .fold(0.0, f64::max);
    // (On a Hebrew page its words are also covalue's own, all set so.)
    assert!(
        lingo.rtl() || (right > column - 4.0 && left > width / 3.0),
        "{}: the Hebrew description runs from {left:.0} to {right:.0} pt of {width:.0} (text to {column:.0})",
        doc.what
    );
    assert_no_stranded_headings(doc, false);
    let body = body_type(doc);
    let (size, word, page) = smallest_type(doc);
    let (chars, _, ems) = longest_line(doc);
    eprintln!(
        "{}: {} pages, body {body:.1} pt, smallest {size:.1} pt ({word:?}), longest line {chars} characters, {ems:.1} ems",
        doc.what,
        doc.pages.len()
    );
    assert!(body >= 11.95, "{}: body text at {body:.1} pt", doc.what);
    assert!(
        size >= least_size(lingo, 8.0),
        "{}: {word:?} on page {page} is set at {size:.1} pt",
        doc.what
    );
    assert_measure(doc);
}

/// The contents' page numbers and the pages the steps start on agree.
fn check_contents(doc: &Printed) {
    let lingo = doc.lingo;
    let steps: Vec<String> = lingo
        .guide
        .steps
        .iter()
        .map(|s| canon(&s.heading()))
        .collect();
    let title = canon(&lingo.t("contents"));
    let contents = doc
        .pages
        .iter()
        .find(|p| {
            p.lines()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| lingo.forms(l).iter().any(|f| canon(f).starts_with(&title)))
        })
        .unwrap_or_else(|| panic!("{}: a contents page", doc.what));
    let mut listed = Vec::new();
    for line in contents.lines() {
        if lingo.rtl() {
            // "4 שלב · 1 הכנה": the page, then the heading's words in the
            // order pdftotext gives them.
            let words: Vec<String> = canon(line).split(' ').map(str::to_string).collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            let (page, rest) = match (first.parse::<usize>(), last.parse::<usize>()) {
                (Ok(p), _) => (p, words[1..].join(" ")),
                (_, Ok(p)) => (p, words[..words.len() - 1].join(" ")),
                _ => continue,
            };
            if let Some(step) = steps.iter().find(|s| same_words(s, &rest)) {
                listed.push((step.clone(), page));
            }
            continue;
        }
        for form in lingo.forms(line) {
            let line = canon(&form);
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
        let footer = footer(page, lingo);
        let Some(step) = steps.iter().find(|s| lingo.has_words(&footer, s)) else {
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
    let documents: Vec<(&str, Vec<&str>)> = vec![
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
        (
            "register-letter-large",
            vec![
                "--form",
                "register",
                "-p",
                "ms",
                "--paper",
                "letter",
                "--large-print",
            ],
        ),
    ];
    // Each document once in each language.
    let jobs: Vec<(Lang, &str, &Vec<&str>)> = documents
        .iter()
        .flat_map(|(name, args)| LANGS.iter().map(move |&lang| (lang, *name, args)))
        .collect();
    // Two printings at a time, each starting a browser.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let printed: BTreeMap<String, Printed> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some((lang, name, args)) = jobs.get(i) else {
                            break done;
                        };
                        let pdf = out.join(format!("{lang}-{name}.pdf"));
                        done.push((
                            format!("{lang}-{name}"),
                            print(&wb, &browser, *lang, args, &pdf),
                        ));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("printing"))
            .collect()
    });
    let known = data_words(&wb);
    for lang in LANGS {
        let doc = |name: &str| &printed[&format!("{lang}-{name}")];
        let pdf = |name: &str| out.join(format!("{lang}-{name}.pdf"));
        for (name, _) in &documents {
            assert_whole_and_their_way(doc(name), &pdf(name), &known);
        }
        check_reports(lang, &doc, &pdf, &wb);
    }
}

/// The checks of the reports printed in one language: `doc` gives each
/// document by its name, `pdf` its file.
fn check_reports<'a>(
    lang: Lang,
    doc: &dyn Fn(&str) -> &'a Printed,
    pdf: &dyn Fn(&str) -> PathBuf,
    wb: &Path,
) {
    let lingo = lingo(lang);
    for paper in ["short-a4", "short-letter"] {
        check_short_form(doc(paper), wb, &pdf(paper));
    }
    for name in ["full-a4", "full-letter", "blank-full-a4"] {
        let doc = doc(name);
        assert_no_stranded_headings(doc, true);
        check_contents(doc);
        let (size, word, page) = smallest_type(doc);
        assert!(
            size >= least_size(lingo, 8.0),
            "{}: {word:?} on page {page} is set at {size:.1} pt",
            doc.what
        );
    }
    // Large print: body text at 16 pt or more, nothing under 14 pt (the
    // footer), the pictures' text included.
    let large = doc("large-a4");
    let what = &large.what;
    let body = body_type(large);
    assert!(body >= 15.95, "{what}: body text at {body:.1} pt");
    let (size, word, page) = smallest_type(large);
    assert!(
        size >= least_size(lingo, 14.0),
        "{what}: {word:?} on page {page} is set at {size:.1} pt"
    );
    assert_no_stranded_headings(large, false);
    // The process map's step titles whole, a long word broken only after
    // its hyphen ("disease-" over "modifying", never "modifyin" over "g").
    let text = normalise(&large.raw.join("\n").replace("-\n", "-"));
    let (_, titles) = populations(wb)
        .into_iter()
        .find(|(name, _)| name == "People living with multiple sclerosis")
        .expect("the MS population");
    for title in titles {
        assert!(
            text.contains(&normalise(&title)),
            "{what}: the map's step {title:?} is not whole"
        );
    }
    // Its footer on two lines (the population beside "page N of M", then the
    // date), the date whole.
    let printed = lingo.t_with(
        "printed-lower",
        &[("date", Arg::Text(lingo.date(common::TODAY)))],
    );
    for (i, page) in large.pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        let at = lines
            .iter()
            .rposition(|l| page_number(l, lingo).is_some())
            .unwrap_or(0);
        let footer = &lines[at..];
        assert!(
            footer.len() <= 2 && footer[0].contains("People living with multiple sclerosis"),
            "{what}: page {} has a footer of {} lines: {footer:?}",
            i + 1,
            footer.len()
        );
        assert!(
            footer.iter().any(|l| lingo.has_words(l, &printed)),
            "{what}: page {}'s footer breaks its date: {footer:?}",
            i + 1
        );
    }

    // The register handout: the improvements by cluster with the latest
    // values of their measures, on a few pages, at 8 pt or more.
    let register = doc("register-a4");
    let what = &register.what;
    assert!(
        register.pages.len() <= 3,
        "{what}: {} pages",
        register.pages.len()
    );
    let all = normalise(&register.raw.join(" "));
    for text in [
        lingo.t("form-register"),
        "{#relapse-plan}".to_string(),
        lingo.date("2026-06-30"),
    ] {
        assert!(lingo.has(&all, &text), "{what} lacks {text:?}");
    }
    if !lingo.rtl() {
        // The latest value of a measure, its date and its target, in the
        // language's words.
        let latest = format!(
            "{} {}",
            lingo.t_with(
                "measure-latest",
                &[
                    ("value", Arg::Text("67 %".into())),
                    ("date", Arg::Text(lingo.date("2026-10-31"))),
                ],
            ),
            lingo.t_with("measure-target", &[("target", Arg::Text("75 %".into()))]),
        );
        assert!(all.contains(&latest), "{what} lacks {latest:?}");
    }
    let (size, word, page) = smallest_type(register);
    assert!(
        size >= least_size(lingo, 8.0),
        "{what}: {word:?} on page {page} is set at {size:.1} pt"
    );
    // The register in large print: 16 pt, nothing under 14 pt, its heading
    // never alone at the foot of a page.
    let register = doc("register-letter-large");
    let what = &register.what;
    let body = body_type(register);
    let (size, word, page) = smallest_type(register);
    eprintln!(
        "{what}: {} pages, body {body:.1} pt, smallest {size:.1} pt",
        register.pages.len()
    );
    assert!(body >= 15.95, "{what}: body text at {body:.1} pt");
    assert!(
        size >= least_size(lingo, 14.0),
        "{what}: {word:?} on page {page} is set at {size:.1} pt"
    );
    assert_no_stranded_headings(register, false);
    // Its columns break words only at a hyphen (or hyphenate them), never
    // mid-word ("Rehabilitatio n").
    let words: std::collections::BTreeSet<String> = register
        .raw
        .iter()
        .flat_map(|p| {
            p.replace("-\n", "-")
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for word in ["Rehabilitation", "management", "Occupational", "therapist"] {
        assert!(words.contains(word), "{what}: {word:?} is broken");
    }
    check_register_flow(register, pdf("register-letter-large").as_path());
    // The full form's contents list the register of improvements.
    let full = doc("full-a4");
    let title = canon(&lingo.t("contents"));
    let contents = full
        .pages
        .iter()
        .find(|p| {
            p.lines()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| lingo.forms(l).iter().any(|f| canon(f).starts_with(&title)))
        })
        .map(|p| normalise(p))
        .unwrap_or_default();
    assert!(
        lingo.has(&contents, &lingo.t("form-register")),
        "{}: the contents lack the register: {contents}",
        full.what
    );
    // The full form draws a run chart for each measure with values: its
    // caption starts with the words before the chart's name.
    let caption = lingo.t_with(
        "chart-caption",
        &[
            ("name", Arg::Text("\u{1}".into())),
            ("count", Arg::Number(1.0)),
            ("latest", Arg::Text("\u{1}".into())),
        ],
    );
    let run_chart = canon(caption.split('\u{1}').next().unwrap_or(""));
    let charts = full
        .pages
        .iter()
        .map(|p| {
            p.lines()
                .filter(|l| lingo.forms(l).iter().any(|f| canon(f).contains(&run_chart)))
                .count()
        })
        .sum::<usize>();
    assert!(charts >= 3, "{}: {charts} run charts", full.what);

    // Blank worksheets: every question ruled over 90 mm (or to the foot of
    // its page) at 8 mm or more, in lines of 3:1 or more, never split over
    // two pages, no label run over by a line.
    for name in ["blank-full-a4", "blank-short-letter"] {
        let doc = doc(name);
        let what = &doc.what;
        let (rooms, problems) = measure_rooms(doc, &pdf(name), 0, doc.pages.len());
        assert!(problems.is_empty(), "{what}: {problems:#?}");
        let least = rooms
            .iter()
            .filter(|r| r.id != "population-people")
            .map(|r| r.ruled)
            .fold(f64::MAX, f64::min);
        eprintln!(
            "{what}: {} pages, {} questions, the least ruled {least:.0} mm",
            doc.pages.len(),
            rooms.len()
        );
        assert!(
            rooms.len() >= 6,
            "{what}: {} questions measured",
            rooms.len()
        );
        for room in rooms.iter().filter(|r| r.id != "population-people") {
            assert!(
                room.ruled >= 89.5 || (room.to_foot && room.ruled >= 30.0),
                "{what}: {{#{}}} has {:.0} mm to write in",
                room.id,
                room.ruled
            );
            assert!(
                room.pitch >= 7.95,
                "{what}: {{#{}}} ruled at {:.1} mm",
                room.id,
                room.pitch
            );
            assert!(
                room.contrast >= 3.0,
                "{what}: {{#{}}}'s lines at {:.1}:1",
                room.id,
                room.contrast
            );
        }
    }
    let blank = doc("blank-short-letter");
    assert_no_stranded_headings(blank, false);
    for id in ["{#short-people}", "{#short-leadership}"] {
        assert!(
            // (pdftotext may set a Hebrew page's closing brace apart.)
            blank
                .pages
                .iter()
                .any(|p| p.contains(id) || p.contains(id.trim_end_matches('}'))),
            "{}: the blank short form labels {id}",
            blank.what
        );
    }
}

/// The large-print register flows: its first page holds an improvement
/// (not its headings alone), and no page but the last is mostly empty.
fn check_register_flow(register: &Printed, pdf: &Path) {
    let what = &register.what;
    let first = normalise(&register.raw[0]);
    assert!(
        first.contains("{#"),
        "{what}: its first page holds no improvement: {first}"
    );
    let (words, heights) = word_boxes(pdf);
    let page = register.lingo.page_word();
    for (i, page_words) in words.iter().enumerate().take(words.len() - 1) {
        // The lowest word above the footer.
        let footer_top = page_words
            .iter()
            .filter(|w| w.text == page || w.text.chars().rev().eq(page.chars()))
            .map(|w| w.y0)
            .fold(f64::MAX, f64::min);
        let lowest = page_words
            .iter()
            .filter(|w| w.y1 < footer_top - 2.0)
            .map(|w| w.y1)
            .fold(0.0, f64::max);
        let filled = lowest / heights[i];
        assert!(
            filled > 0.5,
            "{what}: page {} is filled to {:.0} % of its height",
            i + 1,
            filled * 100.0
        );
    }
}

#[test]
fn a_stranded_heading_is_recognised() {
    let en = lingo(Lang::En);
    let (long, short) = headings(en);
    let full = true;
    let heading = |line: &str, full: bool| is_heading(line, full, &long, &short, en);
    assert!(heading("Step 3 · Value chain", full));
    assert!(heading("   {#chain-processes}  ANSWERED", full));
    assert!(heading("        Not applicable {#chain-measures}", false));
    assert!(!heading("the person and the team agree on a plan.", full));
    // The end of a short-form question, with its tag and id.
    assert!(heading("     population? OPEN {#short-network}", false));
    assert!(!heading("     population? OPEN {#short-network}", true));
    assert!(heading("Open items", false));
    let page = "a\n\nb\nT · P     page 1 of 2\n  guide co-value v1.0 · printed 2026-05-01\n\n";
    assert_eq!(body_lines(page, en), vec!["a", "b"]);
    assert_eq!(
        footer(page, en),
        "T · P guide co-value v1.0 · printed 2026-05-01"
    );
    // A session pack's footer: no guide line, "page N of M" on its first line.
    let page = "a\nb\nCare at X · session 2026-12-07     page 9 of 14\ncommit fbb3b2e · printed 2026-12-07\n";
    assert_eq!(body_lines(page, en), vec!["a", "b"]);

    // Hebrew comes out of pdftotext in the order it is drawn: a line's
    // words right to left, its end's "?" at its start.
    let he = lingo(Lang::He);
    let (long, short) = headings(he);
    let drawn = |text: &str| text.split(' ').rev().collect::<Vec<_>>().join(" ");
    let step = he.guide.steps[2].heading();
    assert!(is_heading(&drawn(&step), full, &long, &short, he));
    assert!(!is_heading(
        &drawn("טקסט של הצוות שאינו כותרת"),
        full,
        &long,
        &short,
        he
    ));
    let open = he.t("state-open");
    let question = &he.guide.short_form.questions[0].text;
    let end: Vec<&str> = question.split(' ').collect();
    let end = end[end.len() - 3..].join(" ");
    assert!(is_heading(
        &format!("{{#short-x}} {open} {}", drawn(&end)),
        false,
        &long,
        &short,
        he
    ));
    let number = drawn(&he.t_with(
        "page-number",
        &[("page", Arg::Number(9.0)), ("pages", Arg::Number(14.0))],
    ));
    let page = format!("a\nb\n{number}     T · P\nco-value v1.0\n");
    assert_eq!(body_lines(&page, he), vec!["a", "b"]);
    assert_eq!(footer(&page, he), "T · P co-value v1.0");
}

/// A horizontal line printed on a page, as a thin filled box (how Chromium
/// prints a border or a rule): its left and right edges and its height on
/// the page, in points from the top left, and its grey (0 black, 1 white).
#[derive(Debug, Clone, Copy)]
struct Rule {
    x0: f64,
    x1: f64,
    y: f64,
    grey: f64,
}

/// The horizontal lines of each page of `pdf` (`pdftocairo -svg`).
fn rules_of(pdf: &Path) -> Vec<Vec<Rule>> {
    let svg = pdf.with_extension("svg");
    let out = StdCommand::new("pdftocairo")
        .arg("-svg")
        .arg(pdf)
        .arg(&svg)
        .output()
        .expect("pdftocairo");
    assert!(out.status.success(), "pdftocairo -svg {}", pdf.display());
    let text = std::fs::read_to_string(&svg).expect("the svg");
    let _ = std::fs::remove_file(&svg);
    let mut pages = Vec::new();
    for page in text.split("<page>").skip(1) {
        let mut rules = Vec::new();
        for path in page.split("<path ").skip(1) {
            let tag = path.split('>').next().unwrap_or("");
            if tag.contains("transform") || !tag.contains("fill-opacity:1") {
                continue;
            }
            let Some(grey) = tag
                .split("fill:rgb(")
                .nth(1)
                .and_then(|c| c.split('%').next())
                .and_then(|c| c.parse::<f64>().ok())
            else {
                continue;
            };
            let Some(d) = tag.split(" d=\"").nth(1).and_then(|d| d.split('"').next()) else {
                continue;
            };
            // A box: M x0 y0 L x1 y0 L x1 y1 L x0 y1 Z.
            let n: Vec<f64> = d
                .split(|c: char| c.is_ascii_alphabetic() || c.is_whitespace())
                .filter_map(|t| t.parse().ok())
                .collect();
            if n.len() < 8 {
                continue;
            }
            let (x0, y0, x1, y1) = (n[0], n[1], n[2], n[5]);
            let thick = (y1 - y0).abs();
            if n[3] == y0 && thick > 0.2 && thick <= 1.6 && x1 - x0 > 20.0 {
                rules.push(Rule {
                    x0,
                    x1,
                    y: y0.min(y1),
                    grey: grey / 100.0,
                });
            }
        }
        // The borders of a table's cells in a row make one line.
        rules.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        let mut merged: Vec<Rule> = Vec::new();
        for r in rules {
            match merged.last_mut() {
                Some(m) if (m.y - r.y).abs() < 0.6 && r.x0 - m.x1 < 3.0 => {
                    m.x1 = m.x1.max(r.x1);
                    m.grey = m.grey.min(r.grey);
                }
                _ => merged.push(r),
            }
        }
        pages.push(merged);
    }
    pages
}

/// The contrast of a grey line on white paper (WCAG's formula).
fn contrast(grey: f64) -> f64 {
    let l = if grey <= 0.03928 {
        grey / 12.92
    } else {
        ((grey + 0.055) / 1.055).powf(2.4)
    };
    1.05 / (l + 0.05)
}

/// Points in millimetres.
fn mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// The words of `pdftotext -bbox` output, page by page, with their boxes.
fn word_boxes(pdf: &Path) -> (Vec<Vec<Word>>, Vec<f64>) {
    let xhtml = poppler(&["-bbox"], pdf);
    let mut pages = Vec::new();
    let mut heights = Vec::new();
    for page in xhtml.split("<page ").skip(1) {
        heights.push(attr(page.split('>').next().unwrap_or(""), "height"));
        let mut words = Vec::new();
        for word in page.split("<word ").skip(1) {
            let Some((tag, rest)) = word.split_once('>') else {
                continue;
            };
            words.push(Word {
                text: rest.split("</word>").next().unwrap_or("").to_string(),
                x0: attr(tag, "xMin"),
                x1: attr(tag, "xMax"),
                y0: attr(tag, "yMin"),
                y1: attr(tag, "yMax"),
            });
        }
        pages.push(words);
    }
    (pages, heights)
}

/// The rooms to write of a printed worksheet: for each question (by its
/// id in the margin), the ruled space under it in millimetres, the pitch
/// of its lines, and their contrast; with the problems met on the way (a
/// ruled area split over two pages, a label run over by a line).
struct Room {
    id: String,
    /// Ruled height, in mm, summed over its areas (persona slots).
    ruled: f64,
    /// Whether its last area reaches the foot of its page.
    to_foot: bool,
    /// The smallest pitch of its lines, in mm.
    pitch: f64,
    /// The lowest contrast of its lines.
    contrast: f64,
}

/// Measures the worksheets of a printed pack or blank form: the pages from
/// `start` to `end` (excluded), counted from 0; question ids are those of the guide, persona ids count with
/// the question above them. Lines narrower than 60 % of the page's text
/// width (the fields of a persona card) are not ruled space.
fn measure_rooms(doc: &Printed, pdf: &Path, start: usize, end: usize) -> (Vec<Room>, Vec<String>) {
    let guide = Guide::builtin().expect("guide");
    let questions: Vec<String> = guide
        .all_sections()
        .flat_map(|s| &s.questions)
        .map(|q| q.id.clone())
        .collect();
    let rules = rules_of(pdf);
    let (words, heights) = word_boxes(pdf);
    let mut rooms: Vec<Room> = Vec::new();
    let mut problems = Vec::new();
    for page in start..end {
        let width = doc.widths[page];
        let height = heights[page];
        // The foot of the text: 20 mm or more above the paper's edge.
        let foot = height - 48.0;
        // Ids in the margin: a word that starts with "{#", joined with the
        // next when the id was broken at a hyphen.
        let mut ids: Vec<(String, f64)> = Vec::new();
        let page_words = &words[page];
        for w in page_words.iter().filter(|w| w.text.starts_with("{#")) {
            let mut id = w.text.clone();
            if !id.ends_with('}') {
                // Its end, on the next line of the margin.
                if let Some(end) = page_words.iter().find(|e| {
                    e.text.ends_with('}') && e.x1 > w.x0 && e.y0 > w.y0 + 1.0 && e.y0 < w.y1 + 12.0
                }) {
                    id.push_str(&end.text);
                }
            }
            ids.push((
                id.trim_start_matches("{#")
                    .trim_end_matches('}')
                    .to_string(),
                w.y0,
            ));
        }
        let wide: Vec<&Rule> = rules[page]
            .iter()
            .filter(|r| r.x1 - r.x0 > 0.6 * (width - 85.0))
            .collect();
        // Lines above the first id of a page: a write-on area split over
        // two pages (or one without its question).
        let first_id = ids.first().map_or(foot, |(_, y)| *y);
        let first_text = page_words.first().map_or(foot, |w| w.y0);
        // A blank table's rows may go on over pages under its repeated
        // head ("#", "Step" …): each row is whole.
        let repeated_head = page_words.first().is_some_and(|w| w.text == "#");
        if page > start
            && !repeated_head
            && wide
                .iter()
                .any(|r| r.y < first_id && r.y < first_text + 2.0)
        {
            problems.push(format!(
                "page {}: ruled lines above its first question",
                page + 1
            ));
        }
        // No line runs through a word.
        for w in page_words {
            for r in &rules[page] {
                if r.y > w.y0 + 1.5 && r.y < w.y1 - 1.5 && r.x0 < w.x1 && r.x1 > w.x0 {
                    problems.push(format!(
                        "page {}: a line runs through {:?}",
                        page + 1,
                        w.text
                    ));
                }
            }
        }
        for (k, (id, y)) in ids.iter().enumerate() {
            let below = ids.get(k + 1).map_or(foot + 30.0, |(_, y)| *y);
            // The lines under this id, in groups of even pitch.
            // Two borders a hair apart (a table's head and first row) are one line.
            let mut lines: Vec<f64> = wide
                .iter()
                .filter(|r| r.y > *y && r.y < below)
                .map(|r| r.y)
                .collect();
            lines.dedup_by(|b, a| *b - *a < 3.0);
            let mut ruled = 0.0;
            let mut pitch = f64::MAX;
            let mut last_y = None;
            let mut group: Vec<f64> = Vec::new();
            let flush = |group: &mut Vec<f64>, ruled: &mut f64, pitch: &mut f64| {
                if group.len() >= 2 {
                    // The pitch is the median step (a stray rule under the
                    // lines, such as a border, does not count); the first
                    // line is a pitch below the top of its area.
                    let mut steps: Vec<f64> = group.windows(2).map(|w| w[1] - w[0]).collect();
                    steps.sort_by(f64::total_cmp);
                    let p = steps[steps.len() / 2];
                    *ruled += mm(group[group.len() - 1] - group[0] + p);
                    *pitch = pitch.min(mm(p));
                }
                group.clear();
            };
            for &ly in &lines {
                if let Some(prev) = last_y
                    && ly - prev > 60.0
                {
                    flush(&mut group, &mut ruled, &mut pitch);
                }
                group.push(ly);
                last_y = Some(ly);
            }
            flush(&mut group, &mut ruled, &mut pitch);
            // The contrast of most of its lines (a light border under them
            // is no line to write on).
            let mut contrasts: Vec<f64> = wide
                .iter()
                .filter(|r| r.y > *y && r.y < below)
                .map(|r| contrast(r.grey))
                .collect();
            contrasts.sort_by(f64::total_cmp);
            let lowest = contrasts
                .get(contrasts.len() / 2)
                .copied()
                .unwrap_or(f64::MAX);
            let to_foot =
                lines.last().is_some_and(|l| *l > foot - 60.0) && ids.get(k + 1).is_none();
            let again = rooms.last().is_some_and(|r| r.id == *id);
            if questions.contains(id) && !again {
                rooms.push(Room {
                    id: id.clone(),
                    ruled,
                    to_foot,
                    pitch,
                    contrast: lowest,
                });
            } else if let Some(room) = rooms.last_mut() {
                // A persona's slot of the walk-through above.
                room.ruled += ruled;
                room.to_foot |= to_foot;
                room.pitch = room.pitch.min(pitch);
                room.contrast = room.contrast.min(lowest);
            }
        }
    }
    (rooms, problems)
}

/// The longest line of body text of `doc`, in characters: words set at
/// the body's size, the margin's ids left out; and the widest, in ems of
/// the body's size.
fn longest_line(doc: &Printed) -> (usize, String, f64) {
    let body = body_type(doc) * per_point(doc);
    let mut longest = (0, String::new(), 0.0);
    for (page, words) in doc.words.iter().enumerate() {
        let mut lines: BTreeMap<i64, Vec<(f64, f64, &str)>> = BTreeMap::new();
        for (k, (h, w)) in words.iter().enumerate() {
            if (h - body).abs() > 0.3 || w.starts_with("{#") {
                continue;
            }
            let (x0, x1) = doc.edges[page][k];
            let y = doc.tops[page][k];
            lines
                .entry((y * 2.0).round() as i64)
                .or_default()
                .push((x0, x1, w));
        }
        for (_, mut line) in lines {
            line.sort_by(|a, b| a.0.total_cmp(&b.0));
            let text = line
                .iter()
                .map(|(_, _, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            let text = text
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let n = text.chars().count();
            if n > longest.0 {
                (longest.0, longest.1) = (n, text);
            }
            let left = line.iter().map(|w| w.0).fold(f64::MAX, f64::min);
            let right = line.iter().map(|w| w.1).fold(0.0, f64::max);
            longest.2 = f64::max(longest.2, (right - left) / body);
        }
    }
    longest
}

/// Lines of about 75 characters: counted in English, where the measure was
/// set (78 or fewer); in another language, whose letters are narrower or
/// wider, held to the same width: 39.5 ems of the body's size or less (the
/// short form's 165 mm at 12 pt, the pack's 36 em).
fn assert_measure(doc: &Printed) {
    let (chars, line, ems) = longest_line(doc);
    let what = &doc.what;
    if doc.lingo.lang == Lang::En {
        assert!(
            chars <= 78,
            "{what}: a line of {chars} characters: {line:?}"
        );
    }
    assert!(ems <= 39.5, "{what}: a line {ems:.1} ems wide");
}

/// A workbook of each example with a session record: Steps 1 and 2 for
/// Lakeside, Steps 3 (a walk-through) and 2 for Harbour.
fn with_sessions() -> (TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let examples = manifest_dir().join("examples");
    let ms = tmp.path().join("ms");
    let hf = tmp.path().join("hf");
    copy_dir(&examples.join("lakeside-ms"), &ms);
    copy_dir(&examples.join("harbour-heart-failure"), &hf);
    for (wb, focus) in [
        (&ms, "[\"preparation\", \"population\"]"),
        (&hf, "[\"chain\", \"population\"]"),
    ] {
        std::fs::create_dir_all(wb.join("sessions")).expect("sessions");
        std::fs::write(
            wb.join("sessions/2026-12-10-team.toml"),
            format!("date = 2026-12-10\ntitle = \"Who we serve\"\nfocus = {focus}\n"),
        )
        .expect("session record");
    }
    (tmp, ms, hf)
}

#[test]
fn printed_packs_read_at_12_pt_and_give_each_question_room_to_write() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let (tmp, ms, hf) = with_sessions();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let packs: Vec<(&str, &Path, Vec<&str>)> = vec![
        ("ms-a4", &ms, vec![]),
        ("hf-a4-large", &hf, vec!["--large-print"]),
        (
            "ms-letter-large",
            &ms,
            vec!["--paper", "letter", "--large-print"],
        ),
        ("hf-letter", &hf, vec!["--paper", "letter"]),
    ];
    // Each pack once in each language.
    let jobs: Vec<(Lang, &str, &Path, &Vec<&str>)> = packs
        .iter()
        .flat_map(|(name, wb, args)| LANGS.iter().map(move |&lang| (lang, *name, *wb, args)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let printed: Vec<(Printed, PathBuf, &Path)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some((lang, name, wb, args)) = jobs.get(i) else {
                            break done;
                        };
                        let pdf = out.join(format!("{lang}-{name}.pdf"));
                        let large = args.contains(&"--large-print");
                        let mut all = vec!["2026-12-10-team"];
                        all.extend(args.iter());
                        let footer = if large { 14.0 } else { 9.5 };
                        let doc = print_with(
                            wb,
                            &browser,
                            *lang,
                            &["session", "pack"],
                            &all,
                            &pdf,
                            footer,
                            &[],
                        );
                        done.push((doc, pdf, *wb));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("printing"))
            .collect()
    });
    // The pack prints what `check` reports in `check`'s own words, which
    // stay English (as every command-line message does).
    let known: std::collections::BTreeSet<String> = [&ms, &hf]
        .into_iter()
        .flat_map(|wb| {
            let (_, report) = common::check_json(wb, &[]);
            let said: String = common::findings(&report)
                .iter()
                .map(|f| format!("{} {}", f.message, f.help.clone().unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(" ");
            data_words(wb).into_iter().chain(ascii_words(&said))
        })
        .collect();
    for (doc, pdf, wb) in &printed {
        assert_whole_and_their_way(doc, pdf, &known);
        check_pack(doc, pdf, wb);
    }
}

/// The page of `doc` whose text starts with `title` (in its language), the
/// first or the last of them.
fn page_starting(doc: &Printed, title: &str, last: bool) -> Option<usize> {
    let title = canon(title);
    let starts = |p: &String| {
        p.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| {
            doc.lingo
                .forms(l)
                .iter()
                .any(|f| canon(f).starts_with(&title))
        })
    };
    match last {
        true => doc.pages.iter().rposition(starts),
        false => doc.pages.iter().position(starts),
    }
}

/// The checks of a session pack printed in one language.
fn check_pack(doc: &Printed, pdf: &Path, wb: &Path) {
    let lingo = doc.lingo;
    let name = &doc.what;
    let large = doc.what.contains("--large-print");
    let (body_min, small_min, pitch_min) = match large {
        true => (15.95, 13.95, 9.95),
        false => (11.95, 8.95, 7.95),
    };
    let body = body_type(doc);
    let (size, word, page) = smallest_type(doc);
    let (chars, _, ems) = longest_line(doc);
    eprintln!(
        "{name}: {} pages, body {body:.1} pt, smallest {size:.1} pt ({word:?}), longest line {chars} characters, {ems:.1} ems",
        doc.pages.len()
    );
    assert!(body >= body_min, "{name}: body text at {body:.1} pt");
    assert!(
        size >= small_min,
        "{name}: {word:?} on page {page} is set at {size:.1} pt"
    );
    assert_measure(doc);
    // Every question of the worksheets: ruled over 90 mm or to the foot
    // of its page, at 8 mm (10 mm) or more, lines of 3:1 or more; no
    // area split over two pages; no label run over by a line.
    let first = page_starting(doc, &lingo.t("pack-worksheets"), false)
        .unwrap_or_else(|| panic!("{name}: the worksheets"));
    let end = page_starting(doc, &lingo.t("pack-attendance"), true).unwrap_or(doc.pages.len());
    let (rooms, problems) = measure_rooms(doc, pdf, first, end);
    assert!(problems.is_empty(), "{name}: {problems:#?}");
    // Steps 1 and 2, or 2 and 3: ten questions.
    assert_eq!(rooms.len(), 10, "{name}: the questions measured");
    let least = rooms
        .iter()
        .filter(|r| r.id != "population-people")
        .map(|r| r.ruled)
        .fold(f64::MAX, f64::min);
    eprintln!(
        "{name}: {} questions, the least ruled {least:.0} mm",
        rooms.len()
    );
    for room in &rooms {
        if room.id == "population-people" {
            continue; // persona cards, measured by their boxes
        }
        assert!(
            room.ruled >= 89.5 || (room.to_foot && room.ruled >= 30.0),
            "{name}: {{#{}}} has {:.0} mm to write in",
            room.id,
            room.ruled
        );
        assert!(
            room.pitch >= pitch_min,
            "{name}: {{#{}}} ruled at {:.1} mm",
            room.id,
            room.pitch
        );
        assert!(
            room.contrast >= 3.0,
            "{name}: {{#{}}}'s lines at {:.1}:1",
            room.id,
            room.contrast
        );
    }
    // The map's picture with its legend and caption, on one page: the
    // caption's words after the number of steps.
    let caption = lingo.t_with(
        "process-caption",
        &[
            ("name", Arg::Text("\u{1}".into())),
            ("steps", Arg::Text("\u{1}".into())),
        ],
    );
    let caption: String = caption
        .rsplit('\u{1}')
        .next()
        .unwrap_or("")
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let map = doc
        .raw
        .iter()
        .position(|p| lingo.has_words(p, &caption))
        .unwrap_or_else(|| panic!("{name}: no caption of the process map ({caption:?})"));
    assert!(
        lingo.has_words(&doc.raw[map], &lingo.t("map-legend-opportunity")),
        "{name}: the map's legend is not with its caption"
    );
    // The map's question and the first band of its picture on one page.
    let first_step = populations(wb)
        .into_iter()
        .next()
        .and_then(|(_, titles)| titles.into_iter().next())
        .expect("a process map");
    let answers = doc
        .raw
        .iter()
        .position(|p| lingo.has(p, &lingo.t("pack-current-answers")))
        .expect("the current answers");
    let (_, question) = lingo
        .guide
        .question("population-process")
        .expect("the map's question");
    // Its last words: they end its heading.
    let ending: Vec<&str> = question.text.split(' ').collect();
    let ending = ending[ending.len().saturating_sub(4)..].join(" ");
    let asked = (answers..doc.raw.len())
        .find(|&i| lingo.has_words(&doc.raw[i], &ending))
        .unwrap_or_else(|| panic!("{name}: the map's question among the answers"));
    assert!(
        normalise(&doc.raw[asked]).contains(&normalise(&first_step)),
        "{name}: the map's question on page {} without its picture",
        asked + 1
    );
    // The agenda and the open items list the steps' questions as
    // items, not headings: only the pack's own section titles count
    // here (the worksheets are checked question by question below).
    assert_no_stranded_headings(doc, true);
    // No worksheet page ends in (part of) a question: each question
    // stands whole above its room to write.
    let texts: Vec<String> = lingo
        .guide
        .all_sections()
        .flat_map(|s| &s.questions)
        .map(|q| canon(&q.text))
        .collect();
    for (i, page) in doc.pages.iter().enumerate().skip(first) {
        let Some(last) = body_lines(page, lingo).last().copied() else {
            continue;
        };
        for form in lingo.forms(last) {
            let last = strip_tags(&form, lingo).0;
            let cut = last.split(' ').count() >= 3 && texts.iter().any(|t| t.contains(&last));
            assert!(!cut, "{name}: page {} ends in a question: {last:?}", i + 1);
        }
    }
}

/// A network of three sites made from the MS example (complete, half done,
/// and one more), each a local bare repository, whose measures map to three
/// shared domains; fetched into a cache inside the temporary folder.
fn network() -> (TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let home = tmp.path();
    let cache = home.join("cache");
    for site in ["complete", "half", "other"] {
        let work = home.join("work").join(site);
        copy_dir(&manifest_dir().join("examples/lakeside-ms"), &work);
        let compass = work.join("populations/ms/value-compass.toml");
        let text = std::fs::read_to_string(&compass).expect("value compass");
        let mapped: String = text
            .lines()
            .map(|l| match l.strip_prefix("quadrant = ") {
                Some(q) => format!("{l}\ndomain = \"{}-shared\"\n", q.trim_matches('"')),
                None => format!("{l}\n"),
            })
            .collect();
        std::fs::write(&compass, mapped).expect("domains");
        if site == "half" {
            for step in ["access", "assessment", "logic", "interdependence"] {
                let file = work.join(format!("populations/ms/answers/{step}.md"));
                let kept: String = std::fs::read_to_string(&file)
                    .expect("answers")
                    .lines()
                    .filter(|l| l.starts_with('#'))
                    .map(|l| format!("{l}\n\n"))
                    .collect();
                std::fs::write(&file, kept).expect("open again");
            }
        }
        common::git(home, &work, &["init", "-q", "-b", "main"]);
        common::git(home, &work, &["add", "-A"]);
        common::git(home, &work, &["commit", "-q", "-m", "workbook"]);
        let bare = home.join("sites").join(format!("{site}.git"));
        common::git(
            home,
            home,
            &[
                "clone",
                "-q",
                "--bare",
                &work.to_string_lossy(),
                &bare.to_string_lossy(),
            ],
        );
    }
    common::covalue(home)
        .args(["network", "init", "net", "--name", "Community of practice"])
        .assert()
        .success();
    let net = home.join("net");
    for site in ["complete", "half", "other"] {
        common::covalue(&net)
            .args(["network", "add", site, &format!("../sites/{site}.git")])
            .assert()
            .success();
    }
    let toml = net.join("network.toml");
    let mut text = std::fs::read_to_string(&toml).expect("network.toml");
    for (id, name) in [
        ("functional-shared", "Walking and daily life"),
        ("clinical-shared", "Relapses and disability"),
        ("satisfaction-shared", "Experience of care"),
    ] {
        text.push_str(&format!("\n[[domain]]\nid = \"{id}\"\nname = \"{name}\"\n"));
    }
    std::fs::write(&toml, text).expect("domains");
    common::covalue(&net)
        .env("COVALUE_CACHE_DIR", &cache)
        .args(["network", "fetch"])
        .assert()
        .success();
    (tmp, net, cache)
}

/// The marks of the completeness matrix, one a state.
const MARKS: [&str; 5] = ["✓", "○", "◔", "–", "✗"];

#[test]
fn the_network_report_prints_readable_and_in_grey() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let (tmp, net, cache) = network();
    let jobs: Vec<(&str, Vec<&str>)> = vec![
        ("network-a4", vec![]),
        (
            "network-letter-large",
            vec!["--paper", "letter", "--large-print"],
        ),
    ];
    let printed: Vec<(&str, Printed)> = std::thread::scope(|scope| {
        let workers: Vec<_> = jobs
            .iter()
            .map(|(name, args)| {
                let (net, cache, browser) = (&net, &cache, &browser);
                let pdf = tmp.path().join(format!("{name}.pdf"));
                scope.spawn(move || {
                    let large = args.contains(&"--large-print");
                    let footer = if large { 14.0 } else { 8.0 };
                    let env = [("COVALUE_CACHE_DIR", cache.as_path())];
                    let doc = print_with(
                        net,
                        browser,
                        Lang::En,
                        &["network", "report"],
                        args,
                        &pdf,
                        footer,
                        &env,
                    );
                    (*name, doc)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("printing"))
            .collect()
    });
    for (name, doc) in &printed {
        let large = doc.what.contains("--large-print");
        // The smallest is a site's id, set in a monospace font whose box
        // is a little shorter than the footer's for the same size.
        let (body_min, small_min) = if large { (15.95, 13.85) } else { (10.45, 7.85) };
        let body = body_type(doc);
        let (size, word, page) = smallest_type(doc);
        eprintln!(
            "{name}: {} pages, body {body:.1} pt, smallest {size:.1} pt ({word:?})",
            doc.pages.len()
        );
        assert!(body >= body_min, "{name}: body text at {body:.1} pt");
        assert!(
            size >= small_min,
            "{name}: {word:?} on page {page} is set at {size:.1} pt"
        );
        // No section's heading (or a cluster's heading with its count)
        // alone at the foot of a page.
        let headings = [
            "Sites",
            "Completeness: sites × steps",
            "Completeness: sites × short-form questions",
            "Populations by type",
            "Improvements by cluster and status",
            "Measures by compass quadrant",
            "Measures by shared domain",
            "Measures mapped to no shared domain",
        ];
        for (i, page) in doc.pages.iter().enumerate().take(doc.pages.len() - 1) {
            let Some(last) = body_lines(page, lingo(Lang::En))
                .last()
                .map(|l| normalise(l))
            else {
                continue;
            };
            // A cluster's count, under its heading: "adopted 3 · idea 3".
            let count = last.split(" · ").all(|part| {
                part.rsplit_once(' ').is_some_and(|(status, n)| {
                    ["idea", "planned", "testing", "adopted", "abandoned"]
                        .contains(&status.to_lowercase().as_str())
                        && n.parse::<u32>().is_ok()
                })
            });
            assert!(
                !headings.contains(&last.as_str()) && !count,
                "{name}: page {} ends with a heading: {last:?}",
                i + 1
            );
        }
        // No table row broken over two pages: the text of each cell of the
        // report's tables (as the HTML report has it) whole on one page.
        let html = common::covalue(&net)
            .env("COVALUE_CACHE_DIR", &cache)
            .args(["network", "report", "--format", "html"])
            .output()
            .expect("covalue");
        let html = String::from_utf8_lossy(&html.stdout);
        let texts: Vec<String> = html
            .split("<td")
            .skip(1)
            .filter_map(|c| c.split_once('>').and_then(|(_, c)| c.split("</td>").next()))
            .map(|c| {
                let mut plain = String::new();
                let mut inside = false;
                for ch in c.chars() {
                    match ch {
                        '<' => inside = true,
                        '>' => {
                            inside = false;
                            plain.push(' ');
                        }
                        _ if !inside => plain.push(ch),
                        _ => {}
                    }
                }
                normalise(
                    &plain
                        .replace("&amp;", "&")
                        .replace("&#x27;", "'")
                        .replace("&quot;", "\""),
                )
            })
            .filter(|t| t.split(' ').count() >= 6)
            .collect();
        assert!(texts.len() >= 10, "{name}: {} cells of text", texts.len());
        // A line broken after a hyphen joins the next.
        let pages: Vec<String> = doc
            .raw
            .iter()
            .map(|p| normalise(&p.replace("-\n", "-")))
            .collect();
        for text in &texts {
            assert!(
                pages.iter().any(|p| p.contains(text.as_str())),
                "{name}: a table cell broken over two pages: {text:?}"
            );
        }
        // The steps matrix read in grey: every cell carries its state's
        // mark before its count, and the half-done site shows marks other
        // than settled.
        let all = doc.raw.join("\n");
        let matrix = all
            .split("Site · population")
            .nth(1)
            .and_then(|m| m.split("settled").next())
            .unwrap_or_else(|| panic!("{name}: no completeness matrix"));
        let words: Vec<&str> = matrix.split_whitespace().collect();
        let mut seen = std::collections::BTreeSet::new();
        let mut cells = 0;
        for (k, w) in words.iter().enumerate() {
            let is_count = w
                .split_once('/')
                .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok());
            if !is_count {
                continue;
            }
            cells += 1;
            let mark = k.checked_sub(1).map(|p| words[p]).unwrap_or("");
            assert!(
                MARKS.contains(&mark),
                "{name}: a cell of the matrix without its mark: {mark:?} {w}"
            );
            seen.insert(mark);
        }
        assert_eq!(cells, 27, "{name}: three sites by nine steps");
        assert!(
            seen.len() >= 3,
            "{name}: the matrix shows the marks {seen:?}"
        );
        // Its key names each mark.
        for mark in MARKS {
            assert!(
                doc.raw.iter().any(|p| p.contains(&format!("{mark} "))),
                "{name}: the key lacks {mark}"
            );
        }
    }
}

/// The words of `text` made of ASCII letters (two or more), lowercased.
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Every word written in the workbook's files and the built-in guide: the
/// text on a page that is not covalue's own.
fn data_words(wb: &Path) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    let mut stack = vec![wb.to_path_buf(), manifest_dir().join("guide")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("out") {
                    stack.push(path);
                }
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                words.extend(ascii_words(&text));
            }
        }
    }
    words
}

/// Whether a word is Hebrew.
fn is_hebrew(word: &str) -> bool {
    word.chars().any(|c| ('\u{0590}'..='\u{05FF}').contains(&c))
}

/// Words of a page whose boxes overlap, or that reach into the paper's edge.
fn crowded(words: &[Word], width: f64) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, a) in words.iter().enumerate() {
        if a.x0 < 14.0 || a.x1 > width - 14.0 {
            problems.push(format!("{:?} reaches the paper's edge", a.text));
        }
        for b in &words[i + 1..] {
            let across = a.x1.min(b.x1) - a.x0.max(b.x0);
            let down = a.y1.min(b.y1) - a.y0.max(b.y0);
            if across > 1.5 && down > 1.5 {
                problems.push(format!("{:?} overlaps {:?}", a.text, b.text));
            }
        }
    }
    problems
}

/// The checks of the pages of a document printed in the pseudo-language
/// or Hebrew: no word overlaps another or reaches into the paper's edge; in
/// the pseudo-language, no English word of covalue's own (not in `known`,
/// the workbook's and the guide's words); in Hebrew, lines that start at
/// the right and a footer that runs right to left.
fn assert_whole_and_their_way(
    doc: &Printed,
    pdf: &Path,
    known: &std::collections::BTreeSet<String>,
) {
    let lang = doc.lingo.lang;
    if lang == Lang::En {
        return;
    }
    let name = &doc.what;
    let (pages, heights) = word_boxes(pdf);
    assert!(!pages.is_empty(), "{name}: no page");
    let page_word = doc.lingo.page_word();
    let (mut hebrew_lines, mut flush_right, mut flush_left) = (0usize, 0usize, 0usize);
    for (p, words) in pages.iter().enumerate() {
        let width = doc.widths.get(p).copied().unwrap_or(595.0);
        let height = heights.get(p).copied().unwrap_or(842.0);
        let problems = crowded(words, width);
        assert!(problems.is_empty(), "{name}, page {}: {problems:#?}", p + 1);
        if lang == Lang::EnXa {
            // A word covalue prints that is not accented is a word not
            // taken from the catalogue.
            let english: Vec<String> = words
                .iter()
                .flat_map(|w| {
                    let text = w
                        .text
                        .replace("&apos;", "'")
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
                    ascii_words(&text)
                })
                .filter(|w| !known.contains(w))
                .collect();
            assert!(
                english.is_empty(),
                "{name}, page {}: English words not in the catalogue: {english:?}",
                p + 1
            );
        }
        if lang == Lang::He {
            // The footer sits in the bottom margin, under the body: from
            // the top of its "page N of M".
            let is_page =
                |w: &Word| w.text == page_word || w.text.chars().rev().eq(page_word.chars());
            let foot = words
                .iter()
                .filter(|w| is_page(w))
                .map(|w| w.y0 - 1.0)
                .fold(height - 19.0 * 72.0 / 25.4, f64::min);
            // Lines of Hebrew words alone (headings, covalue's labels)
            // start at the right edge of the text column, as they would
            // not if they ran left to right: more of them there than
            // hugging its left edge.
            let body = || words.iter().filter(|w| w.y1 < foot);
            let left = body().map(|w| w.x0).fold(f64::MAX, f64::min);
            let right = body().map(|w| w.x1).fold(0.0, f64::max);
            let mut lines: BTreeMap<i64, Vec<&Word>> = BTreeMap::new();
            for w in body() {
                lines
                    .entry((w.y0 * 2.0).round() as i64)
                    .or_default()
                    .push(w);
            }
            for line in lines.values() {
                if !line.iter().all(|w| is_hebrew(&w.text)) {
                    continue;
                }
                let x0 = line.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
                let x1 = line.iter().map(|w| w.x1).fold(0.0, f64::max);
                hebrew_lines += 1;
                flush_right += usize::from(x1 > right - 12.0);
                // (A table's last column sits at the left in Hebrew: a
                // line there may start anywhere in the column.)
                flush_left += usize::from(x0 < left + 3.0 && x1 < (left + right) / 2.0);
            }
            let footer: Vec<&Word> = words.iter().filter(|w| w.y0 > foot).collect();
            let number = footer.iter().find(|w| is_page(w));
            assert!(
                number.is_some_and(|w| w.x1 < width / 2.0),
                "{name}, page {}: the page number is not at the bottom left: {:?}",
                p + 1,
                footer.iter().map(|w| &w.text).collect::<Vec<_>>()
            );
            let lines_right = footer
                .iter()
                .filter(|w| !is_page(w))
                .map(|w| w.x1)
                .fold(0.0, f64::max);
            assert!(
                lines_right > right - 6.0,
                "{name}, page {}: the footer's lines do not start at the bottom right",
                p + 1
            );
        }
    }
    if lang == Lang::He {
        assert!(
            flush_right > 0 && flush_right > flush_left,
            "{name}: of {hebrew_lines} Hebrew lines, {flush_right} start at the right edge of the text and {flush_left} hug its left edge"
        );
    }
}

/// A word longer than a line, with no place to break it (no space, hyphen
/// or slash), as a team may paste one: 91 letters.
const LONG_WORD: &str =
    "LakesideRegionalMSCentrePatientInformationNewlyDiagnosedRelapsingRemittingMultipleSclerosis";

#[test]
fn a_teams_long_word_wraps_inside_the_page_in_every_language() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &wb);
    let pop = wb.join("populations/ms");
    // In a persona's card and in a short-form answer.
    let asa = pop.join("personas/asa.md");
    let text = std::fs::read_to_string(&asa).expect("persona");
    let text = text.replacen(
        "segment: \"Recently diagnosed (under five years), relapsing MS\"",
        &format!("segment: \"See {LONG_WORD}\""),
        1,
    );
    assert!(text.contains(LONG_WORD), "the persona's segment");
    std::fs::write(&asa, text).expect("persona");
    let answers = pop.join("answers/short-form.md");
    let text = std::fs::read_to_string(&answers).expect("short form");
    let text = text.replacen(
        "About 1,180 adults with MS,",
        &format!("About 1,180 adults with MS ({LONG_WORD}),"),
        1,
    );
    assert!(text.contains(LONG_WORD), "the answer");
    std::fs::write(&answers, text).expect("short form");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let printed: Vec<(Printed, PathBuf)> = std::thread::scope(|scope| {
        let workers: Vec<_> = [Lang::En, Lang::He]
            .into_iter()
            .map(|lang| {
                let (wb, out, browser) = (&wb, &out, &browser);
                scope.spawn(move || {
                    let pdf = out.join(format!("{lang}-short.pdf"));
                    let args = ["--form", "short", "-p", "ms"];
                    (print(wb, browser, lang, &args, &pdf), pdf)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("printing"))
            .collect()
    });
    for (doc, pdf) in &printed {
        // Not shrunk to fit: the body at its size.
        let body = body_type(doc);
        assert!(body >= 11.95, "{}: body text at {body:.1} pt", doc.what);
        let (pages, _) = word_boxes(pdf);
        for (p, words) in pages.iter().enumerate() {
            let width = doc.widths[p];
            for w in words {
                assert!(
                    w.x0 >= 14.0 && w.x1 <= width - 14.0,
                    "{}, page {}: {:?} reaches the paper's edge",
                    doc.what,
                    p + 1,
                    w.text
                );
            }
        }
        // The word is printed whole, over lines.
        let text: String = doc.raw.join("").split_whitespace().collect();
        assert!(
            text.matches(LONG_WORD).count() >= 2,
            "{}: the long word is not printed whole twice",
            doc.what
        );
    }
}
