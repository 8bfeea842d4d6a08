//! The report's pictures, drawn in Rust as SVG: the process map (steps in
//! order, wrapping into rows) and the value compass (one panel per quadrant).
//! Both read in black-and-white print: levels of coproduction differ by line
//! style and a row of dots, not by colour alone, and each picture carries a
//! legend, a `<title>` and a `<desc>` for screen readers.
//!
//! This file holds what the pictures share (the scale of their text, how
//! text is measured, wrapped and written); each picture has its own file:
//! `svg/process_map.rs` and `svg/compass.rs` (the run charts are in
//! `chart.rs`).

mod compass;
mod process_map;

use crate::escape::html as escape_html;
use std::fmt::Write as _;

pub use compass::compass;
pub use process_map::process_map;

/// Width of every picture, in SVG units; pictures scale to the page.
const WIDTH: f64 = 1000.0;
/// Room around the drawing so that lines on its edge are not cut.
const PAD: f64 = 3.0;

/// A coordinate rounded to a whole unit: pictures are 1000 units wide, so
/// a unit is a fifth of a millimetre on paper, and whole numbers are quick
/// to write and short.
pub(crate) fn px(v: f64) -> i64 {
    if v.is_finite() { v.round() as i64 } else { 0 }
}

/// Breaks text into at most `max_lines` lines of at most `width` characters,
/// ending with an ellipsis when it does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    // Columns, as a terminal counts them: a CJK character is two.
    let count = |s: &str| crate::width::display(s) as f64;
    wrap_measured(text, width.max(4) as f64, &count, max_lines)
}

/// The width of a letter of DejaVu Sans (a wide sans-serif, so that
/// narrower fonts fit too), in ems.
fn letter_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | 'I' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' | '/' | '[' | ']' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' => 0.92,
        'A'..='Z' => 0.72,
        '0'..='9' => 0.64,
        'a'..='z' => 0.6,
        // CJK and other wide characters are a full em; combining marks none.
        c => match crate::width::of_char(c) {
            0 => 0.0,
            2 => 1.0,
            _ => 0.66,
        },
    }
}

/// The estimated width of text set at `size` units, bold or not.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(letter_em).sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// Breaks text into lines that fit `width` units at `size`; at most
/// `max_lines` (then ending with an ellipsis).
pub(crate) fn fit(text: &str, width: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let measure = |s: &str| text_width(s, size, bold);
    wrap_measured(text, width.max(4.0 * size), &measure, max_lines)
}

/// Breaks text into lines no wider than `width` as `measure` counts.
fn wrap_measured(
    text: &str,
    width: f64,
    measure: &dyn Fn(&str) -> f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        // A word longer than a line breaks after a hyphen where it can
        // ("disease-" over "modifying"), on the line's end when it fits
        // there; only a piece without one that fits is cut anywhere.
        while measure(&word) > width {
            let joined = |head: &str| match line.is_empty() {
                true => head.to_string(),
                false => format!("{line} {head}"),
            };
            let at_hyphen = word
                .char_indices()
                .filter(|(i, c)| *c == '-' && i + 1 < word.len())
                .map(|(i, _)| i + 1)
                .filter(|&at| measure(&joined(&word[..at])) <= width)
                .last();
            if let Some(at) = at_hyphen {
                lines.push(joined(&word[..at]));
                line.clear();
                word = word[at..].to_string();
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            let mut head = String::new();
            for c in word.chars() {
                head.push(c);
                if measure(&head) > width {
                    head.pop();
                    break;
                }
            }
            if head.is_empty() {
                head = word.chars().take(1).collect();
            }
            let tail: String = word.chars().skip(head.chars().count()).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
            word = tail;
        }
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word;
        } else {
            line = candidate;
        }
        if lines.len() > max_lines {
            cut = true;
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        cut = true;
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            let mut keep = last.clone();
            while !keep.is_empty() && measure(&format!("{keep}…")) > width {
                keep.pop();
            }
            let keep = match keep.rfind(' ') {
                Some(space) if measure(&keep[..space]) >= width / 3.0 && keep != *last => {
                    keep[..space].to_string()
                }
                _ => keep,
            };
            *last = format!("{}…", keep.trim_end_matches([' ', ',', ';', ':']));
        }
    }
    lines
}

/// The picture `svg` (`width` units wide) mirrored for a language that runs
/// right to left: what flows left to right (the process map's steps, the
/// compass's panels) flows right to left, and each text, turned back so
/// that it reads, starts at its right end (`direction="rtl"`, so a label
/// anchored at its start is right-aligned). A text that starts with a
/// left-to-right letter (a team's English step title) keeps its own
/// direction, anchored at its other end: set right to left, its end's ")"
/// or "," would be drawn at its start. The title and description, which are
/// not drawn, stay as they are.
pub fn mirror(svg: &str, width: f64) -> String {
    let start = match svg.find("</desc>") {
        Some(i) => i + "</desc>".len(),
        None => match svg.find('>') {
            Some(i) => i + 1,
            None => return svg.to_string(),
        },
    };
    let end = svg.rfind("</svg>").unwrap_or(svg.len()).max(start);
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    out.push_str(&svg[..start]);
    out.push_str(&format!(
        r#"<g transform="matrix(-1 0 0 1 {} 0)">"#,
        px(width)
    ));
    let mut rest = &svg[start..end];
    while let Some(i) = rest.find("<text ") {
        let (before, tag) = rest.split_at(i + "<text ".len());
        out.push_str(before);
        let x = tag
            .split_once("x=\"")
            .and_then(|(lead, after)| {
                // Only the text's own x, before its tag closes.
                (!lead.contains('>')).then_some(after)
            })
            .and_then(|after| after.split_once('"'))
            .and_then(|(x, _)| x.parse::<f64>().ok());
        let Some(x) = x else {
            rest = tag;
            continue;
        };
        let head_end = tag.find('>').unwrap_or(tag.len());
        let (head, body) = tag.split_at(head_end);
        let content = body.split("</text>").next().unwrap_or("");
        let (direction, head) = match starts_left_to_right(content) {
            true => ("ltr", other_anchor(head)),
            false => ("rtl", head.to_string()),
        };
        out.push_str(&format!(
            r#"transform="matrix(-1 0 0 1 {} 0)" direction="{direction}" "#,
            px(2.0 * x)
        ));
        out.push_str(&head);
        rest = body;
    }
    out.push_str(rest);
    out.push_str("</g>");
    out.push_str(&svg[end..]);
    out
}

/// Whether the text of an SVG element (tags and entities aside) starts with
/// a left-to-right letter rather than a right-to-left one.
fn starts_left_to_right(content: &str) -> bool {
    let mut inside = false;
    for c in content.chars() {
        match c {
            '<' | '&' => inside = true,
            '>' | ';' if inside => inside = false,
            _ if inside => {}
            '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' => {
                return false;
            }
            c if c.is_alphabetic() => return true,
            _ => {}
        }
    }
    false
}

/// The tag's `text-anchor` for a text set left to right in a mirrored
/// picture: its start where it had its end, and the other way round
/// (`middle` stays).
fn other_anchor(head: &str) -> String {
    if head.contains(r#"text-anchor="middle""#) {
        head.to_string()
    } else if head.contains(r#"text-anchor="end""#) {
        head.replacen(r#"text-anchor="end""#, r#"text-anchor="start""#, 1)
    } else if head.contains(r#"text-anchor="start""#) {
        head.replacen(r#"text-anchor="start""#, r#"text-anchor="end""#, 1)
    } else {
        format!(r#"{head} text-anchor="end""#)
    }
}

/// Writes lines of text, one `<tspan>` per line.
pub(crate) fn text_lines(
    out: &mut String,
    x: f64,
    y: f64,
    step: f64,
    lines: &[String],
    attrs: &str,
) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" {attrs}>"#,
        x = px(x),
        y = px(y)
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { step };
        let _ = write!(
            out,
            r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#,
            escape_html(line),
            x = px(x),
            dy = px(dy)
        );
    }
    out.push_str("</text>");
}

/// How big the pictures' text is. Pictures are drawn [`WIDTH`] units wide
/// and printed across the text column: 180 mm on A4 (the narrower paper), so
/// a unit is 0.51 pt and 16 units print at 8.2 pt. Every size in a picture is
/// a multiple of `text`, the smallest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The smallest text, in units.
    pub text: f64,
    /// Steps of the process map to a row.
    pub columns: usize,
}

impl Scale {
    /// Ordinary print: nothing smaller than 8 pt.
    pub const NORMAL: Scale = Scale {
        text: 16.0,
        columns: 4,
    };
    /// Large print: nothing smaller than 14 pt, three steps to a row.
    pub const LARGE: Scale = Scale {
        text: 28.0,
        columns: 3,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_breaks_at_its_hyphen_not_mid_word() {
        let count = |s: &str| s.chars().count() as f64;
        let lines = wrap_measured("Choosing a disease-modifying therapy", 12.0, &count, 9);
        assert_eq!(lines, ["Choosing a", "disease-", "modifying", "therapy"]);
        let lines = wrap_measured("a self-injected-therapy plan", 17.0, &count, 9);
        assert_eq!(lines, ["a self-injected-", "therapy plan"]);
        // A piece without a hyphen longer than a line is still cut.
        let lines = wrap_measured("Rehabilitation", 8.0, &count, 9);
        assert_eq!(lines, ["Rehabili", "tation"]);
    }

    #[test]
    fn wrapping_fits_and_marks_what_was_cut() {
        assert_eq!(wrap("one two three", 7, 3), vec!["one two", "three"]);
        assert_eq!(wrap("one two three four", 7, 1), vec!["one…"]);
        assert_eq!(wrap("one two three four", 9, 2), vec!["one two", "three…"]);
        assert_eq!(wrap("", 7, 2), Vec::<String>::new());
        assert_eq!(wrap("abcdefghij", 4, 3), vec!["abcd", "efgh", "ij"]);
        assert!(wrap("Åsa Åsa Åsa", 3, 1)[0].ends_with('…'));
    }

    #[test]
    fn wide_characters_are_measured_as_wide() {
        // Four CJK characters take as much room as about seven Latin letters.
        assert!(text_width("患者の声", 10.0, false) >= 40.0);
        assert!(text_width("患者の声", 10.0, false) > text_width("abcd", 10.0, false) * 1.5);
        // A combining accent adds nothing.
        assert_eq!(
            text_width("e\u{301}", 10.0, false),
            text_width("e", 10.0, false)
        );
        // Wrapped by columns: a CJK title breaks into lines that fit.
        for line in wrap("患者の声を聞く準備", 8, 3) {
            assert!(crate::width::display(&line) <= 8, "{line}");
        }
    }

    #[test]
    fn a_mirrored_english_text_keeps_its_direction_and_its_side() {
        let svg = concat!(
            r#"<svg viewBox="0 0 100 10"><desc>d</desc>"#,
            r#"<text x="10" y="5" text-anchor="middle">Symptoms (BNP)</text>"#,
            r#"<text x="20" y="5">Stable MS</text>"#,
            r#"<text x="30" y="5"><tspan>אין הפקה</tspan></text>"#,
            r#"<text x="40" y="5" text-anchor="end">&#39;3</text></svg>"#,
        );
        let mirrored = mirror(svg, 100.0);
        let texts: Vec<&str> = mirrored.split("<text ").skip(1).collect();
        assert!(texts[0].contains(r#"direction="ltr""#) && texts[0].contains("middle"));
        assert!(
            texts[1].contains(r#"direction="ltr""#) && texts[1].contains(r#"text-anchor="end""#)
        );
        assert!(texts[2].contains(r#"direction="rtl""#) && !texts[2].contains("text-anchor"));
        // No letter: the page's direction.
        assert!(
            texts[3].contains(r#"direction="rtl""#) && texts[3].contains(r#"text-anchor="end""#)
        );
        assert!(mirrored.contains("Symptoms (BNP)</text>"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<b a=\"1\">&'"),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape_html("a\u{1}b"), "ab");
    }
}
