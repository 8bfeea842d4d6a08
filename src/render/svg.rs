//! The report's pictures, drawn in Rust as SVG: the process map (steps in
//! order, wrapping into rows) and the value compass (one panel per quadrant).
//! Both read in black-and-white print: levels of coproduction differ by line
//! style and a row of dots, not by colour alone, and each picture carries a
//! legend, a `<title>` and a `<desc>` for screen readers.

use crate::escape::html as escape_html;
use std::fmt::Write as _;

use crate::guide::Guide;
use crate::workbook::{Compass, ProcessMap};

/// Width of every picture, in SVG units; pictures scale to the page.
const WIDTH: f64 = 1000.0;
/// Room around the drawing so that lines on its edge are not cut.
const PAD: f64 = 3.0;

/// A coordinate rounded to a whole unit: pictures are 1000 units wide, so
/// a unit is a fifth of a millimetre on paper, and whole numbers are quick
/// to write and short.
fn px(v: f64) -> i64 {
    if v.is_finite() { v.round() as i64 } else { 0 }
}

/// Breaks text into at most `max_lines` lines of at most `width` characters,
/// ending with an ellipsis when it does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        // A word longer than a line is cut into pieces.
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            let tail: String = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
            word = tail;
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
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
            let keep: String = last.chars().take(width.saturating_sub(1)).collect();
            let keep = match keep.rfind(' ') {
                Some(space)
                    if space >= width / 3 && keep.chars().count() < last.chars().count() =>
                {
                    &keep[..space]
                }
                _ => keep.as_str(),
            };
            *last = format!("{}…", keep.trim_end_matches([' ', ',', ';', ':']));
        }
    }
    lines
}

/// Writes lines of text, one `<tspan>` per line.
fn text_lines(out: &mut String, x: f64, y: f64, step: f64, lines: &[String], attrs: &str) {
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

/// How a level of coproduction is drawn.
struct LevelStyle {
    /// 0 for a level that is not active coproduction; 1.. for active levels, in order.
    rank: usize,
    /// How many active levels the guide has.
    of: usize,
    /// The level's name.
    title: String,
}

fn level_style(guide: &Guide, level: &str) -> LevelStyle {
    let active: Vec<&crate::guide::Term> = guide
        .coproduction_levels
        .iter()
        .filter(|l| l.active)
        .collect();
    let rank = active
        .iter()
        .position(|l| l.id == level)
        .map_or(0, |p| p + 1);
    LevelStyle {
        rank,
        of: active.len(),
        title: crate::guide::Guide::term_title(&guide.coproduction_levels, level).to_string(),
    }
}

/// Fills for active levels, lightest first; grey in black-and-white print.
const FILLS: [&str; 4] = ["#ffffff", "#eef4fa", "#dce9f5", "#c6dbef"];

fn fill_for(rank: usize, of: usize) -> &'static str {
    if rank == 0 || of == 0 {
        return FILLS[0];
    }
    let i = (rank * (FILLS.len() - 1))
        .div_ceil(of)
        .clamp(1, FILLS.len() - 1);
    FILLS[i]
}

/// Draws a box in the style of a level: dashed when there is no active
/// coproduction, heavier lines for higher levels, a double line for the highest.
fn level_box(out: &mut String, x: f64, y: f64, w: f64, h: f64, style: &LevelStyle) {
    if style.rank == 0 {
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#ffffff" stroke="#222" stroke-width="1.6" stroke-dasharray="7 5"/>"##,
            x = px(x),
            y = px(y),
            w = px(w),
            h = px(h)
        );
        return;
    }
    // Tenths of a unit: 1.9, 2.6, 3.3 … for higher levels.
    let tenths = 12 + 7 * style.rank;
    let width = format!("{}.{}", tenths / 10, tenths % 10);
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{}" stroke="#222" stroke-width="{width}"/>"##,
        fill_for(style.rank, style.of),
        x = px(x),
        y = px(y),
        w = px(w),
        h = px(h),
    );
    if style.rank == style.of && style.of > 1 {
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="none" stroke="#222" stroke-width="1"/>"##,
            px(x + 4.0),
            px(y + 4.0),
            px((w - 8.0).max(0.0)),
            px((h - 8.0).max(0.0))
        );
    }
}

/// Draws the level as a row of dots, filled up to its rank.
fn level_dots(out: &mut String, right: f64, y: f64, style: &LevelStyle) {
    for k in (1..=style.of).rev() {
        let cx = right - (style.of - k) as f64 * 13.0;
        let fill = if k <= style.rank { "#222" } else { "#ffffff" };
        let _ = write!(
            out,
            r##"<circle cx="{cx}" cy="{y}" r="4.5" fill="{fill}" stroke="#222" stroke-width="1.2"/>"##,
            cx = px(cx),
            y = px(y)
        );
    }
}

/// A five-pointed star: the mark of an opportunity.
fn star(out: &mut String, cx: f64, cy: f64, r: f64) {
    let mut points = String::new();
    for i in 0..10 {
        let radius = if i % 2 == 0 { r } else { r * 0.45 };
        let angle = std::f64::consts::PI / 5.0 * f64::from(i) - std::f64::consts::FRAC_PI_2;
        let _ = write!(
            points,
            "{},{} ",
            px(cx + radius * angle.cos()),
            px(cy + radius * angle.sin())
        );
    }
    let _ = write!(
        out,
        r##"<polygon points="{}" fill="#222"/>"##,
        points.trim_end()
    );
}

/// A configuration tag; returns its width.
fn tag(out: &mut String, x: f64, y: f64, label: &str) -> f64 {
    let w = 10.0 + 6.2 * label.chars().count() as f64;
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{}" width="{w}" height="16" rx="8" fill="#ffffff" stroke="#222" stroke-width="0.9"/><text x="{}" y="{}" font-size="10.5" text-anchor="middle">{}</text>"##,
        px(y - 12.0),
        px(x + w / 2.0),
        px(y),
        escape_html(label),
        x = px(x),
        w = px(w)
    );
    w
}

const COLS: usize = 4;
const GAP_X: f64 = 34.0;
const BOX_H: f64 = 150.0;
const GAP_Y: f64 = 40.0;

/// Draws the process map: numbered steps in order, four to a row.
pub fn process_map(id: &str, population: &str, map: &ProcessMap, guide: &Guide) -> String {
    let n = map.steps.len();
    let rows = n.div_ceil(COLS).max(1);
    let box_w = (WIDTH - 2.0 * PAD - GAP_X * (COLS as f64 - 1.0)) / COLS as f64;
    let legend_y = PAD + rows as f64 * (BOX_H + GAP_Y) - GAP_Y + 30.0;
    let mut legend = String::new();
    let legend_h = process_legend(&mut legend, legend_y, guide);
    let height = legend_y + legend_h;

    let mut out = String::with_capacity(4096 + n * 1500);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height:.0}" class="picture process-map" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">Process map of {}: {n} steps</title><desc id="{id}-desc">"##,
        escape_html(population)
    );
    for (i, step) in map.steps.iter().enumerate() {
        let style = level_style(guide, &step.coproduction);
        let _ = write!(
            out,
            "Step {}: {}. Coproduction: {}.{} ",
            i + 1,
            escape_html(&step.title),
            escape_html(&style.title),
            if step.opportunity.is_some() {
                " Opportunity for improvement."
            } else {
                ""
            }
        );
    }
    let _ = write!(
        out,
        r##"</desc><defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker></defs>"##
    );

    for (i, step) in map.steps.iter().enumerate() {
        let row = i / COLS;
        let col = i % COLS;
        let x = PAD + col as f64 * (box_w + GAP_X);
        let y = PAD + row as f64 * (BOX_H + GAP_Y);
        let style = level_style(guide, &step.coproduction);
        out.push_str("<g>");
        level_box(&mut out, x, y, box_w, BOX_H, &style);
        // Number, level name and dots.
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="12" fill="#222"/><text x="{}" y="{}" font-size="12" font-weight="700" fill="#ffffff" text-anchor="middle">{}</text>"##,
            px(x + 20.0),
            px(y + 21.0),
            px(x + 20.0),
            px(y + 25.5),
            i + 1
        );
        let level_name = wrap(&style.title, 18, 1);
        text_lines(
            &mut out,
            x + 38.0,
            y + 25.0,
            0.0,
            &level_name,
            r##"font-size="11" font-style="italic""##,
        );
        level_dots(&mut out, x + box_w - 14.0, y + 21.0, &style);
        // Title and actors.
        let title = wrap(&step.title, 23, 3);
        text_lines(
            &mut out,
            x + 12.0,
            y + 51.0,
            16.5,
            &title,
            r##"font-size="13.5" font-weight="700""##,
        );
        if !step.actors.is_empty() {
            let actors = wrap(&step.actors.join(", "), 33, 2);
            text_lines(
                &mut out,
                x + 12.0,
                y + 103.0,
                13.0,
                &actors,
                r##"font-size="10.5" fill="#333""##,
            );
        }
        // Configurations and the opportunity mark.
        let mut tx = x + 10.0;
        for c in &step.configurations {
            let label = c.as_str();
            if tx + 10.0 + 6.2 * label.chars().count() as f64 > x + box_w - 30.0 {
                break;
            }
            tx += tag(&mut out, tx, y + BOX_H - 12.0, label) + 4.0;
        }
        if step.opportunity.is_some() {
            star(&mut out, x + box_w - 17.0, y + BOX_H - 18.0, 10.0);
        }
        out.push_str("</g>");
        // Arrow to the next step.
        if i + 1 < n {
            if col + 1 < COLS {
                let _ = write!(
                    out,
                    r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#222" stroke-width="1.6" marker-end="url(#{id}-arrow)"/>"##,
                    px(x + box_w + 3.0),
                    px(y + BOX_H / 2.0),
                    px(x + box_w + GAP_X - 3.0),
                    px(y + BOX_H / 2.0)
                );
            } else {
                let mid = y + BOX_H + GAP_Y / 2.0;
                let _ = write!(
                    out,
                    r##"<polyline points="{},{} {},{mid} {},{mid} {},{}" fill="none" stroke="#222" stroke-width="1.6" marker-end="url(#{id}-arrow)"/>"##,
                    px(x + box_w / 2.0),
                    px(y + BOX_H + 2.0),
                    px(x + box_w / 2.0),
                    px(PAD + box_w / 2.0),
                    px(PAD + box_w / 2.0),
                    px(y + BOX_H + GAP_Y - 3.0),
                    mid = px(mid)
                );
            }
        }
    }
    out.push_str(&legend);
    out.push_str("</svg>");
    out
}

/// Draws the legend of the process map from `y`; returns its height.
fn process_legend(out: &mut String, y: f64, guide: &Guide) -> f64 {
    let mut items: Vec<(f64, String)> = Vec::new();
    let sample_w = 46.0;
    for level in &guide.coproduction_levels {
        let style = level_style(guide, &level.id);
        let mut item = String::new();
        level_box(&mut item, 0.0, -14.0, sample_w, 24.0, &style);
        if style.rank > 0 {
            level_dots(&mut item, sample_w - 9.0, -2.0, &style);
        }
        let label = if style.rank == 0 {
            format!("{} (no active coproduction)", level.title)
        } else {
            level.title.clone()
        };
        let _ = write!(
            item,
            r##"<text x="{}" y="3" font-size="12">{}</text>"##,
            px(sample_w + 7.0),
            escape_html(&label)
        );
        items.push((sample_w + 7.0 + 6.6 * label.chars().count() as f64, item));
    }
    let mut item = String::new();
    star(&mut item, 10.0, -2.0, 10.0);
    item.push_str(r##"<text x="27" y="3" font-size="12">opportunity to improve</text>"##);
    items.push((27.0 + 6.6 * 22.0, item));
    let mut item = String::new();
    let w = tag(&mut item, 0.0, 4.0, "chain");
    let _ = write!(
        item,
        r##"<text x="{}" y="3" font-size="12">value configuration</text>"##,
        px(w + 7.0)
    );
    items.push((w + 7.0 + 6.6 * 19.0, item));

    let mut x = PAD;
    let mut line_y = y;
    let mut lines = 1.0;
    for (w, item) in items {
        if x > PAD && x + w > WIDTH - PAD {
            x = PAD;
            line_y += 30.0;
            lines += 1.0;
        }
        let _ = write!(
            out,
            r#"<g transform="translate({x},{line_y})">{item}</g>"#,
            x = px(x),
            line_y = px(line_y)
        );
        x += w + 26.0;
    }
    lines * 30.0
}

/// One panel of the compass: a quadrant and its measure names.
struct Panel {
    title: String,
    entries: Vec<String>,
}

/// Draws the value compass: one panel per quadrant, two to a row, around a
/// centre mark. With no compass (a blank worksheet) each panel has ruled lines.
pub fn compass(id: &str, population: &str, compass: Option<&Compass>, guide: &Guide) -> String {
    let blank = compass.is_none();
    let mut panels: Vec<Panel> = guide
        .quadrants
        .iter()
        .map(|q| Panel {
            title: q.title.clone(),
            entries: compass
                .map(|c| {
                    c.measures
                        .iter()
                        .filter(|m| m.quadrant == q.id)
                        .map(|m| m.name.clone())
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    if let Some(c) = compass {
        let other: Vec<String> = c
            .measures
            .iter()
            .filter(|m| !guide.quadrants.iter().any(|q| q.id == m.quadrant))
            .map(|m| m.name.clone())
            .collect();
        if !other.is_empty() {
            panels.push(Panel {
                title: "Other (quadrant not in the guide)".to_string(),
                entries: other,
            });
        }
    }
    let panel_w = 428.0;
    let centre_gap = WIDTH - 2.0 * PAD - 2.0 * panel_w;
    let row_gap = 36.0;
    let max_entries = 6;
    // Height of each row: the taller of its two panels.
    let panel_lines = |p: &Panel| -> usize {
        if blank {
            return 10;
        }
        let shown: usize = p
            .entries
            .iter()
            .take(max_entries)
            .map(|e| wrap(e, 58, 2).len())
            .sum();
        shown.max(1) + usize::from(p.entries.len() > max_entries)
    };
    let rows: Vec<f64> = panels
        .chunks(2)
        .map(|pair| {
            let lines = pair.iter().map(panel_lines).max().unwrap_or(1);
            (58.0 + lines as f64 * 18.0 + 14.0).max(130.0)
        })
        .collect();
    let height: f64 =
        2.0 * PAD + rows.iter().sum::<f64>() + row_gap * (rows.len().max(1) - 1) as f64;

    let mut out = String::with_capacity(4096);
    let what = if blank {
        "Blank value compass".to_string()
    } else {
        format!("Value compass of {}", escape_html(population))
    };
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height:.0}" class="picture compass" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{what}</title><desc id="{id}-desc">"##
    );
    for p in &panels {
        let _ = write!(
            out,
            "{}: {}. ",
            escape_html(&p.title),
            if blank {
                "space to write measures".to_string()
            } else if p.entries.is_empty() {
                "no measure yet".to_string()
            } else {
                escape_html(&p.entries.join("; "))
            }
        );
    }
    out.push_str("</desc>");
    // The axes and the centre mark.
    let cx = WIDTH / 2.0;
    let cy = PAD + rows.first().copied().unwrap_or(height) + row_gap / 2.0;
    let cy = if rows.len() > 1 { cy } else { height / 2.0 };
    let _ = write!(
        out,
        r##"<line x1="{cx}" y1="0" x2="{cx}" y2="{height}" stroke="#888" stroke-width="1.2"/>"##,
        cx = px(cx),
        height = px(height)
    );
    if rows.len() > 1 {
        let _ = write!(
            out,
            r##"<line x1="0" y1="{cy}" x2="{WIDTH}" y2="{cy}" stroke="#888" stroke-width="1.2"/>"##,
            cy = px(cy),
            WIDTH = px(WIDTH)
        );
    }
    let mut y = PAD;
    for (r, pair) in panels.chunks(2).enumerate() {
        let h = rows.get(r).copied().unwrap_or(130.0);
        for (c, panel) in pair.iter().enumerate() {
            let x = PAD + c as f64 * (panel_w + centre_gap);
            compass_panel(&mut out, x, y, panel_w, h, panel, blank);
        }
        y += h + row_gap;
    }
    let _ = write!(
        out,
        r##"<circle cx="{cx}" cy="{cy}" r="48" fill="#ffffff" stroke="#222" stroke-width="1.6"/><text x="{cx}" y="{}" font-size="14" font-weight="700" text-anchor="middle">Value</text><text x="{cx}" y="{}" font-size="10.5" text-anchor="middle">for the person</text>"##,
        px(cy - 2.0),
        px(cy + 13.0),
        cx = px(cx),
        cy = px(cy)
    );
    out.push_str("</svg>");
    out
}

fn compass_panel(out: &mut String, x: f64, y: f64, w: f64, h: f64, panel: &Panel, blank: bool) {
    let _ = write!(
        out,
        r##"<g><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="#ffffff" stroke="#222" stroke-width="1.4"/>"##,
        x = px(x),
        y = px(y),
        w = px(w),
        h = px(h)
    );
    let title = wrap(&panel.title, 46, 1);
    text_lines(
        out,
        x + 14.0,
        y + 28.0,
        0.0,
        &title,
        r##"font-size="16" font-weight="700""##,
    );
    let _ = write!(
        out,
        r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#222" stroke-width="0.8"/>"##,
        px(x + 14.0),
        px(y + 38.0),
        px(x + w - 14.0),
        px(y + 38.0)
    );
    let mut ly = y + 60.0;
    if blank {
        let mut rule = y + 72.0;
        while rule < y + h - 8.0 {
            let _ = write!(
                out,
                r##"<line x1="{}" y1="{rule}" x2="{}" y2="{rule}" stroke="#999" stroke-width="0.8"/>"##,
                px(x + 14.0),
                px(x + w - 14.0),
                rule = px(rule)
            );
            rule += 36.0;
        }
    } else if panel.entries.is_empty() {
        text_lines(
            out,
            x + 14.0,
            ly,
            0.0,
            &["No measure yet".to_string()],
            r##"font-size="13" font-style="italic" fill="#444""##,
        );
    } else {
        for entry in panel.entries.iter().take(6) {
            let lines = wrap(entry, 58, 2);
            let _ = write!(
                out,
                r##"<rect x="{}" y="{}" width="7" height="7" fill="#222"/>"##,
                px(x + 14.0),
                px(ly - 8.0)
            );
            text_lines(out, x + 28.0, ly, 18.0, &lines, r##"font-size="13""##);
            ly += 18.0 * lines.len() as f64;
        }
        if panel.entries.len() > 6 {
            text_lines(
                out,
                x + 28.0,
                ly,
                0.0,
                &[format!(
                    "and {} more (see the table)",
                    panel.entries.len() - 6
                )],
                r##"font-size="12" font-style="italic""##,
            );
        }
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<b a=\"1\">&'"),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape_html("a\u{1}b"), "ab");
    }
}
