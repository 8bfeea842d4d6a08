//! Reading what a printed or HTML page shows: the lines of each page of a
//! PDF with their positions (`pdftotext -bbox-layout`), and the plain words
//! of an HTML page or of a folder's files, for tests that a page speaks its
//! language and runs in its direction.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Whether a word holds a Hebrew letter.
pub fn hebrew(word: &str) -> bool {
    word.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
}

/// A number attribute of a tag of `pdftotext -bbox-layout` output.
fn attr(tag: &str, name: &str) -> f64 {
    tag.split(&format!("{name}=\""))
        .nth(1)
        .and_then(|v| v.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// A line of a printed page: its edges, its top, and its words.
pub struct Line {
    /// Its left edge, in points.
    pub x0: f64,
    /// Its right edge.
    pub x1: f64,
    /// Its top.
    pub y0: f64,
    /// Its words, in the order their letters are drawn.
    pub words: Vec<String>,
    /// Each word's left and right edge.
    pub boxes: Vec<(f64, f64)>,
}

impl Line {
    /// The line cut where words stand apart (more than `gap` points): a
    /// table's row gives one piece per cell. Each piece: its left and right
    /// edge, and its words.
    pub fn pieces(&self, gap: f64) -> Vec<(f64, f64, Vec<String>)> {
        let mut order: Vec<usize> = (0..self.boxes.len().min(self.words.len())).collect();
        order.sort_by(|a, b| self.boxes[*a].0.total_cmp(&self.boxes[*b].0));
        let mut pieces: Vec<(f64, f64, Vec<String>)> = Vec::new();
        for i in order {
            let (x0, x1) = self.boxes[i];
            match pieces.last_mut() {
                Some(last) if x0 - last.1 <= gap => {
                    last.1 = last.1.max(x1);
                    last.2.push(self.words[i].clone());
                }
                _ => pieces.push((x0, x1, vec![self.words[i].clone()])),
            }
        }
        pieces
    }
}

/// A printed page: its width and height, and its lines.
pub struct Page {
    /// Its width, in points.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Its lines.
    pub lines: Vec<Line>,
}

impl Page {
    /// Whether a line of the page holds `word`.
    pub fn has(&self, word: &str) -> bool {
        self.lines.iter().any(|l| l.words.iter().any(|w| w == word))
    }
}

/// What `pdftotext FLAG pdf -` prints (its XHTML of word boxes).
fn pdftotext(pdf: &Path, flag: &str) -> String {
    let out = Command::new("pdftotext")
        .arg(flag)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success(), "pdftotext {flag} {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The pages of `pdf`.
pub fn pages(pdf: &Path) -> Vec<Page> {
    let xhtml = pdftotext(pdf, "-bbox-layout");
    xhtml
        .split("<page ")
        .skip(1)
        .map(|page| {
            let head = page.split('>').next().unwrap_or("");
            let lines = page
                .split("<line ")
                .skip(1)
                .map(|line| {
                    let tag = line.split('>').next().unwrap_or("");
                    let (words, boxes) = line
                        .split("<word ")
                        .skip(1)
                        .filter_map(|w| w.split_once('>'))
                        .map(|(tag, rest)| {
                            (
                                rest.split("</word>").next().unwrap_or("").to_string(),
                                (attr(tag, "xMin"), attr(tag, "xMax")),
                            )
                        })
                        .unzip();
                    Line {
                        x0: attr(tag, "xMin"),
                        x1: attr(tag, "xMax"),
                        y0: attr(tag, "yMin"),
                        words,
                        boxes,
                    }
                })
                .collect();
            Page {
                width: attr(head, "width"),
                height: attr(head, "height"),
                lines,
            }
        })
        .collect()
}

/// Text without what lies between `open` and `close`.
pub fn without(text: &str, open: &str, close: &str) -> String {
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

/// An HTML page's text, outside its style and its pictures, with its tags
/// as spaces.
pub fn text_of(html: &str) -> String {
    let html = without(&without(html, "<style>", "</style>"), "<svg", "</svg>");
    let mut plain = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The words of an HTML page's text.
pub fn words_of(html: &str) -> BTreeSet<String> {
    words(&text_of(html))
}

/// The plain-letter words of a text (three letters or more), in lower case.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Every word of the files under `dir`.
pub fn words_under(dir: &Path, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            words_under(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.extend(words(&text));
        }
    }
}

/// For each page of `pdf`: the height of the running footer's words and the
/// most common height of the body's words (`pdftotext -bbox`), in points.
/// Their ratio is the ratio of the type sizes, whatever the browser scaled.
pub fn type_heights(pdf: &Path) -> Vec<(f64, f64)> {
    let xhtml = pdftotext(pdf, "-bbox");
    xhtml
        .split("<page ")
        .skip(1)
        .map(|page| {
            let height = attr(page.split('>').next().unwrap_or(""), "height");
            let (mut footer, mut body) = (Vec::new(), std::collections::BTreeMap::new());
            for word in page.split("<word ").skip(1) {
                let tag = word.split('>').next().unwrap_or("");
                let (y0, y1) = (attr(tag, "yMin"), attr(tag, "yMax"));
                if y0 > height - 60.0 {
                    footer.push(y1 - y0);
                } else {
                    // In hundredths of a point, to count equal heights.
                    *body.entry(((y1 - y0) * 100.0).round() as i64).or_insert(0) += 1;
                }
            }
            let footer = footer.iter().copied().fold(0.0, f64::max);
            let body = body
                .iter()
                .max_by_key(|(_, n)| **n)
                .map_or(0.0, |(h, _)| *h as f64 / 100.0);
            (footer, body)
        })
        .collect()
}

/// A word of a printed page with its box, in points from the top left.
#[derive(Debug, Clone)]
pub struct Word {
    /// Its text.
    pub text: String,
    /// Its left edge.
    pub x0: f64,
    /// Its right edge.
    pub x1: f64,
    /// Its top.
    pub y0: f64,
    /// Its bottom.
    pub y1: f64,
}

/// The words of each page of `pdf` (`pdftotext -bbox`), with the page's width.
pub fn words_of_pdf(pdf: &Path) -> Vec<(f64, Vec<Word>)> {
    let xhtml = pdftotext(pdf, "-bbox");
    xhtml
        .split("<page ")
        .skip(1)
        .map(|page| {
            let head = page.split('>').next().unwrap_or("");
            let words = page
                .split("<word ")
                .skip(1)
                .filter_map(|w| w.split_once('>'))
                .map(|(tag, rest)| Word {
                    text: rest.split("</word>").next().unwrap_or("").to_string(),
                    x0: attr(tag, "xMin"),
                    x1: attr(tag, "xMax"),
                    y0: attr(tag, "yMin"),
                    y1: attr(tag, "yMax"),
                })
                .collect();
            (attr(head, "width"), words)
        })
        .collect()
}

/// Words that run to the paper's edge or are drawn over each other, page by
/// page ("page N: …").
pub fn cut_or_overlapping(pages: &[(f64, Vec<Word>)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, (width, words)) in pages.iter().enumerate() {
        let n = i + 1;
        for (a, w) in words.iter().enumerate() {
            // Nothing runs off the paper's edge (a 5 mm margin at least).
            if w.x0 < 14.0 || w.x1 > width - 14.0 {
                problems.push(format!(
                    "page {n}: {:?} runs to the edge ({:.0}–{:.0} pt)",
                    w.text, w.x0, w.x1
                ));
            }
            // No two words drawn over each other (by more than a sliver:
            // accents and kerning touch).
            for v in &words[a + 1..] {
                let dx = w.x1.min(v.x1) - w.x0.max(v.x0);
                let dy = w.y1.min(v.y1) - w.y0.max(v.y0);
                let small = (w.y1 - w.y0).min(v.y1 - v.y0);
                if dx > 2.0 && dy > small * 0.4 {
                    problems.push(format!("page {n}: {:?} and {:?} overlap", w.text, v.text));
                }
            }
        }
    }
    problems
}
