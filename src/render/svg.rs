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
pub(crate) fn px(v: f64) -> i64 {
    if v.is_finite() { v.round() as i64 } else { 0 }
}

/// Breaks text into at most `max_lines` lines of at most `width` characters,
/// ending with an ellipsis when it does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let count = |s: &str| s.chars().count() as f64;
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
        _ => 0.66,
    }
}

/// The estimated width of text set at `size` units, bold or not.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(letter_em).sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// Breaks text into lines that fit `width` units at `size`; at most
/// `max_lines` (then ending with an ellipsis).
fn fit(text: &str, width: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
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
        // A word longer than a line is cut into pieces.
        while measure(&word) > width {
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
    /// Large print: nothing smaller than 12 pt, three steps to a row.
    pub const LARGE: Scale = Scale {
        text: 24.0,
        columns: 3,
    };
}

/// A configuration tag of text size `size`; returns its width.
fn tag(out: &mut String, x: f64, y: f64, label: &str, size: f64) -> f64 {
    let w = tag_width(label, size);
    let h = size * 1.35;
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{}" width="{w}" height="{}" rx="{}" fill="#ffffff" stroke="#222" stroke-width="0.9"/><text x="{}" y="{}" font-size="{}" text-anchor="middle">{}</text>"##,
        px(y - h + size * 0.32),
        px(h),
        px(h / 2.0),
        px(x + w / 2.0),
        px(y),
        px(size),
        escape_html(label),
        x = px(x),
        w = px(w)
    );
    w
}

fn tag_width(label: &str, size: f64) -> f64 {
    size * 0.8 + size * 0.6 * label.chars().count() as f64
}

const GAP_X: f64 = 20.0;

/// A step laid out in its box: the lines of each part and the box's height.
struct StepBox {
    level: Vec<String>,
    title: Vec<String>,
    actors: Vec<String>,
    /// Rows of configuration tags.
    tags: Vec<Vec<String>>,
    height: f64,
}

/// Room around the text in a step's box, in units of the smallest text.
const BOX_PAD: f64 = 0.5;
/// The size of a step's title, in units of the smallest text.
const TITLE: f64 = 1.06;

/// Lays out one step in a box `box_w` wide; the actors only when `actors`.
fn step_box(
    step: &crate::workbook::ProcessStep,
    style: &LevelStyle,
    box_w: f64,
    t: f64,
    actors: bool,
) -> StepBox {
    let pad = BOX_PAD * t;
    let inner = box_w - 2.0 * pad;
    let level = fit(&style.title, inner - 1.8 * t, t, false, usize::MAX);
    let title = fit(&step.title, inner, TITLE * t, true, usize::MAX);
    let actors = if actors && !step.actors.is_empty() {
        fit(&step.actors.join(", "), inner, t, false, 2)
    } else {
        Vec::new()
    };
    let mut tags: Vec<Vec<String>> = Vec::new();
    let mut used = 0.0;
    // Room for the star on the last row of tags.
    let room = inner - 1.7 * t;
    for c in &step.configurations {
        let w = tag_width(c, t) + 0.25 * t;
        match tags.last_mut() {
            Some(row) if used + w <= room => {
                row.push(c.clone());
                used += w;
            }
            _ => {
                tags.push(vec![c.clone()]);
                used = w;
            }
        }
    }
    let tag_rows = tags.len().max(usize::from(step.opportunity.is_some()));
    let height = pad
        + (level.len() as f64 * 1.2 * t).max(1.4 * t)
        + 0.45 * t
        + title.len() as f64 * 1.25 * TITLE * t
        + if actors.is_empty() {
            0.0
        } else {
            0.25 * t + actors.len() as f64 * 1.2 * t
        }
        + 0.3 * t
        + tag_rows as f64 * 1.6 * t
        + pad;
    StepBox {
        level,
        title,
        actors,
        tags,
        height,
    }
}

/// Draws the process map: numbered steps in order, `scale.columns` to a row;
/// each row as tall as its tallest step, so that titles wrap and are never
/// cut. The full form (`full`) writes the actors in each box and draws a
/// legend; the short form, short of room, leaves the actors to the full
/// form's table, and needs no legend: each box names its level, and the
/// opportunities are listed under the map.
pub fn process_map(
    id: &str,
    population: &str,
    map: &ProcessMap,
    guide: &Guide,
    scale: Scale,
    full: bool,
) -> String {
    let t = scale.text;
    let actors = full;
    let cols = scale.columns.max(1);
    let n = map.steps.len();
    let box_w = (WIDTH - 2.0 * PAD - GAP_X * (cols as f64 - 1.0)) / cols as f64;
    let gap_y = 1.9 * t;
    let styles: Vec<LevelStyle> = map
        .steps
        .iter()
        .map(|s| level_style(guide, &s.coproduction))
        .collect();
    let boxes: Vec<StepBox> = map
        .steps
        .iter()
        .zip(&styles)
        .map(|(s, style)| step_box(s, style, box_w, t, actors))
        .collect();
    let row_heights: Vec<f64> = boxes
        .chunks(cols)
        .map(|row| row.iter().map(|b| b.height).fold(0.0, f64::max))
        .collect();
    let mut row_tops = Vec::with_capacity(row_heights.len());
    let mut y = PAD;
    for h in &row_heights {
        row_tops.push(y);
        y += h + gap_y;
    }
    let mut legend = String::new();
    let height = if full {
        let legend_y = y - gap_y + 1.8 * t;
        legend_y + process_legend(&mut legend, legend_y, guide, t) - 0.6 * t
    } else {
        y - gap_y + PAD
    };

    let mut out = String::with_capacity(4096 + n * 1500);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height}" class="picture process-map" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">Process map of {}: {n} steps</title><desc id="{id}-desc">"##,
        escape_html(population),
        height = px(height)
    );
    for (i, step) in map.steps.iter().enumerate() {
        let _ = write!(
            out,
            "Step {}: {}. Coproduction: {}.{} ",
            i + 1,
            escape_html(&step.title),
            escape_html(&styles[i].title),
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

    let pad = BOX_PAD * t;
    for (i, (step, b)) in map.steps.iter().zip(&boxes).enumerate() {
        let row = i / cols;
        let col = i % cols;
        let x = PAD + col as f64 * (box_w + GAP_X);
        let y = row_tops.get(row).copied().unwrap_or(PAD);
        let box_h = row_heights.get(row).copied().unwrap_or(b.height);
        let style = &styles[i];
        out.push_str("<g>");
        level_box(&mut out, x, y, box_w, box_h, style);
        // Number and level name.
        let r = 0.7 * t;
        let cy = y + pad + r;
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#222"/><text x="{}" y="{}" font-size="{}" font-weight="700" fill="#ffffff" text-anchor="middle">{}</text>"##,
            px(x + pad + r),
            px(cy),
            px(r),
            px(x + pad + r),
            px(cy + 0.36 * t),
            px(t),
            i + 1
        );
        text_lines(
            &mut out,
            x + pad + 2.0 * r + 0.35 * t,
            cy + 0.36 * t,
            1.2 * t,
            &b.level,
            &format!(r##"font-size="{}" font-style="italic""##, px(t)),
        );
        // Title and actors.
        let mut ly = y + pad + (b.level.len() as f64 * 1.2 * t).max(1.4 * t) + 0.45 * t + TITLE * t;
        text_lines(
            &mut out,
            x + pad,
            ly,
            1.25 * TITLE * t,
            &b.title,
            &format!(r##"font-size="{}" font-weight="700""##, px(TITLE * t)),
        );
        ly += (b.title.len() as f64 - 1.0) * 1.25 * TITLE * t + 0.25 * t + 1.2 * t;
        text_lines(
            &mut out,
            x + pad,
            ly,
            1.2 * t,
            &b.actors,
            &format!(r##"font-size="{}" fill="#333""##, px(t)),
        );
        // Configurations and the opportunity mark, at the foot of the box.
        let rows = b.tags.len().max(1);
        let mut ty = y + box_h - pad - (rows as f64 - 1.0) * 1.6 * t - 0.3 * t;
        for tags in &b.tags {
            let mut tx = x + pad;
            for c in tags {
                tx += tag(&mut out, tx, ty, c, t) + 0.25 * t;
            }
            ty += 1.6 * t;
        }
        if step.opportunity.is_some() {
            star(
                &mut out,
                x + box_w - pad - 0.6 * t,
                y + box_h - pad - 0.6 * t,
                0.75 * t,
            );
        }
        out.push_str("</g>");
        // Arrow to the next step.
        if i + 1 < n {
            if col + 1 < cols {
                let mid = y + box_h / 2.0;
                let _ = write!(
                    out,
                    r##"<line x1="{}" y1="{mid}" x2="{}" y2="{mid}" stroke="#222" stroke-width="1.6" marker-end="url(#{id}-arrow)"/>"##,
                    px(x + box_w + 3.0),
                    px(x + box_w + GAP_X - 3.0),
                    mid = px(mid)
                );
            } else {
                let mid = y + box_h + gap_y / 2.0;
                let _ = write!(
                    out,
                    r##"<polyline points="{},{} {},{mid} {},{mid} {},{}" fill="none" stroke="#222" stroke-width="1.6" marker-end="url(#{id}-arrow)"/>"##,
                    px(x + box_w / 2.0),
                    px(y + box_h + 2.0),
                    px(x + box_w / 2.0),
                    px(PAD + box_w / 2.0),
                    px(PAD + box_w / 2.0),
                    px(y + box_h + gap_y - 3.0),
                    mid = px(mid)
                );
            }
        }
    }
    out.push_str(&legend);
    out.push_str("</svg>");
    out
}

/// Draws the legend of the process map from `y` with text of size `t`;
/// returns its height.
fn process_legend(out: &mut String, y: f64, guide: &Guide, t: f64) -> f64 {
    let mut items: Vec<(f64, String)> = Vec::new();
    let sample_w = 3.2 * t;
    let char_w = 0.6 * t;
    for level in &guide.coproduction_levels {
        let style = level_style(guide, &level.id);
        let mut item = String::new();
        level_box(&mut item, 0.0, -1.1 * t, sample_w, 1.6 * t, &style);
        let label = level.title.clone();
        let _ = write!(
            item,
            r##"<text x="{}" y="{}" font-size="{}">{}</text>"##,
            px(sample_w + 0.45 * t),
            px(0.2 * t),
            px(t),
            escape_html(&label)
        );
        items.push((
            sample_w + 0.45 * t + char_w * label.chars().count() as f64,
            item,
        ));
    }
    let mut item = String::new();
    star(&mut item, 0.7 * t, -0.2 * t, 0.7 * t);
    let _ = write!(
        item,
        r##"<text x="{}" y="{}" font-size="{}">opportunity to improve</text>"##,
        px(1.7 * t),
        px(0.2 * t),
        px(t)
    );
    items.push((1.7 * t + char_w * 22.0, item));
    let mut item = String::new();
    let w = tag(&mut item, 0.0, 0.2 * t, "chain", t);
    let _ = write!(
        item,
        r##"<text x="{}" y="{}" font-size="{}">value configuration</text>"##,
        px(w + 0.45 * t),
        px(0.2 * t),
        px(t)
    );
    items.push((w + 0.45 * t + char_w * 19.0, item));

    let line_h = 2.0 * t;
    let mut x = PAD;
    let mut line_y = y;
    let mut lines = 1.0;
    for (w, item) in items {
        if x > PAD && x + w > WIDTH - PAD {
            x = PAD;
            line_y += line_h;
            lines += 1.0;
        }
        let _ = write!(
            out,
            r#"<g transform="translate({x},{line_y})">{item}</g>"#,
            x = px(x),
            line_y = px(line_y)
        );
        x += w + 1.6 * t;
    }
    lines * line_h
}

/// A measure in a panel of the compass: its name and, when known, where it
/// stands and where it should go.
struct Entry {
    name: String,
    values: Option<String>,
}

/// One panel of the compass: a quadrant and its measures.
struct Panel {
    title: String,
    entries: Vec<Entry>,
}

/// Lines for a measure's baseline → target in a panel (the table has them whole).
const VALUE_LINES: usize = 2;

/// Measures shown in a panel; more are counted ("and 2 more").
const PANEL_MEASURES: usize = 6;

/// "baseline → target", "baseline → ?" or "? → target", when one is known.
/// What the compass says of a measure: its latest value against its target
/// when it is tracked over time, else its baseline → target as written.
fn values(m: &crate::workbook::Measure) -> Option<String> {
    if let Some(latest) = m.latest() {
        let target = match (m.target_value, m.target.as_deref()) {
            (Some(v), _) => m.show(v),
            (None, Some(t)) => t.to_string(),
            (None, None) => "?".to_string(),
        };
        return Some(format!(
            "latest {} ({}) → target {target}",
            m.show(latest.value),
            latest.date
        ));
    }
    match (m.baseline.as_deref(), m.target.as_deref()) {
        (None, None) => None,
        (b, t) => Some(format!("{} → {}", b.unwrap_or("?"), t.unwrap_or("?"))),
    }
}

/// Draws the value compass: one panel per quadrant, two to a row, around a
/// centre mark, each measure with its latest value → target (or its
/// baseline → target when it has no dated values). With no compass (a
/// blank worksheet) each panel has ruled lines.
pub fn compass(
    id: &str,
    population: &str,
    compass: Option<&Compass>,
    guide: &Guide,
    scale: Scale,
) -> String {
    let t = scale.text;
    let blank = compass.is_none();
    let entry = |m: &crate::workbook::Measure| Entry {
        name: m.name.clone(),
        values: values(m),
    };
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
                        .map(entry)
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    if let Some(c) = compass {
        let other: Vec<Entry> = c
            .measures
            .iter()
            .filter(|m| !guide.quadrants.iter().any(|q| q.id == m.quadrant))
            .map(entry)
            .collect();
        if !other.is_empty() {
            panels.push(Panel {
                title: "Other (quadrant not in the guide)".to_string(),
                entries: other,
            });
        }
    }
    let panel_w = 436.0;
    let centre_gap = WIDTH - 2.0 * PAD - 2.0 * panel_w;
    let row_gap = 2.2 * t;
    let inner = panel_w - 1.75 * t - 0.9 * t;
    let name_w = inner;
    let title_size = 1.2 * t;
    let title_w = panel_w - 1.8 * t;
    let line_h = 1.25 * t;
    let head = |p: &Panel| {
        fit(&p.title, title_w, title_size, true, usize::MAX).len() as f64 * 1.25 * title_size
    };
    // Height of each row: the taller of its two panels.
    let panel_h = |p: &Panel| -> f64 {
        let body = if blank {
            // Room to write: eight ruled lines.
            8.0 * 2.3 * t
        } else {
            let lines: usize = p
                .entries
                .iter()
                .take(PANEL_MEASURES)
                .map(|e| {
                    fit(&e.name, name_w, t, false, 3).len()
                        + e.values
                            .as_deref()
                            .map_or(0, |v| fit(v, name_w, t, false, VALUE_LINES).len())
                })
                .sum();
            (lines.max(1) + usize::from(p.entries.len() > PANEL_MEASURES)) as f64 * line_h
                + p.entries.len().min(PANEL_MEASURES) as f64 * 0.4 * t
        };
        0.9 * t + head(p) + 0.9 * t + body + 0.9 * t
    };
    let rows: Vec<f64> = panels
        .chunks(2)
        .map(|pair| pair.iter().map(panel_h).fold(6.0 * t, f64::max))
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
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height:.0}" class="picture compass" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{what}</title><desc id="{id}-desc">"##,
        height = px(height)
    );
    for p in &panels {
        let names: Vec<String> = p
            .entries
            .iter()
            .map(|e| match &e.values {
                Some(v) => format!("{} ({v})", e.name),
                None => e.name.clone(),
            })
            .collect();
        let _ = write!(
            out,
            "{}: {}. ",
            escape_html(&p.title),
            if blank {
                "space to write measures".to_string()
            } else if p.entries.is_empty() {
                "no measure yet".to_string()
            } else {
                escape_html(&names.join("; "))
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
        let h = rows.get(r).copied().unwrap_or(6.0 * t);
        for (c, panel) in pair.iter().enumerate() {
            let x = PAD + c as f64 * (panel_w + centre_gap);
            let layout = PanelLayout {
                w: panel_w,
                h,
                t,
                title_w,
                name_w,
            };
            compass_panel(&mut out, x, y, &layout, panel, blank);
        }
        y += h + row_gap;
    }
    let r = (centre_gap / 2.0 + 2.6 * t).min(3.6 * t);
    let _ = write!(
        out,
        r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="#ffffff" stroke="#222" stroke-width="1.6"/><text x="{cx}" y="{}" font-size="{}" font-weight="700" text-anchor="middle">Value</text><text x="{cx}" y="{}" font-size="{}" text-anchor="middle"><tspan x="{cx}" dy="0">for the</tspan><tspan x="{cx}" dy="{}">person</tspan></text>"##,
        px(r),
        px(cy - 0.5 * t),
        px(1.1 * t),
        px(cy + 0.7 * t),
        px(t),
        px(1.1 * t),
        cx = px(cx),
        cy = px(cy)
    );
    out.push_str("</svg>");
    out
}

/// Sizes of a compass panel.
struct PanelLayout {
    w: f64,
    h: f64,
    t: f64,
    title_w: f64,
    name_w: f64,
}

fn compass_panel(out: &mut String, x: f64, y: f64, l: &PanelLayout, panel: &Panel, blank: bool) {
    let t = l.t;
    let _ = write!(
        out,
        r##"<g><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="#ffffff" stroke="#222" stroke-width="1.4"/>"##,
        x = px(x),
        y = px(y),
        w = px(l.w),
        h = px(l.h)
    );
    let title_size = 1.2 * t;
    let title = fit(&panel.title, l.title_w, title_size, true, usize::MAX);
    text_lines(
        out,
        x + 0.9 * t,
        y + 0.9 * t + title_size,
        1.25 * title_size,
        &title,
        &format!(r##"font-size="{}" font-weight="700""##, px(title_size)),
    );
    let rule_y = y + 0.9 * t + title.len() as f64 * 1.25 * title_size + 0.3 * t;
    let _ = write!(
        out,
        r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#222" stroke-width="0.8"/>"##,
        px(x + 0.9 * t),
        px(rule_y),
        px(x + l.w - 0.9 * t),
        px(rule_y)
    );
    let mut ly = rule_y + 0.6 * t + t;
    if blank {
        let mut rule = rule_y + 2.3 * t;
        while rule < y + l.h - 0.5 * t {
            let _ = write!(
                out,
                r##"<line x1="{}" y1="{rule}" x2="{}" y2="{rule}" stroke="#999" stroke-width="0.8"/>"##,
                px(x + 0.9 * t),
                px(x + l.w - 0.9 * t),
                rule = px(rule)
            );
            rule += 2.3 * t;
        }
    } else if panel.entries.is_empty() {
        text_lines(
            out,
            x + 0.9 * t,
            ly,
            0.0,
            &["No measure yet".to_string()],
            &format!(r##"font-size="{}" font-style="italic" fill="#444""##, px(t)),
        );
    } else {
        let line_h = 1.25 * t;
        for entry in panel.entries.iter().take(PANEL_MEASURES) {
            let lines = fit(&entry.name, l.name_w, t, false, 3);
            let _ = write!(
                out,
                r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#222"/>"##,
                px(x + 0.9 * t),
                px(ly - 0.55 * t),
                px(0.45 * t),
                px(0.45 * t)
            );
            text_lines(
                out,
                x + 1.75 * t,
                ly,
                line_h,
                &lines,
                &format!(r##"font-size="{}""##, px(t)),
            );
            ly += line_h * lines.len() as f64;
            if let Some(v) = &entry.values {
                let v = fit(v, l.name_w, t, false, VALUE_LINES);
                text_lines(
                    out,
                    x + 1.75 * t,
                    ly,
                    line_h,
                    &v,
                    &format!(r##"font-size="{}" font-style="italic" fill="#333""##, px(t)),
                );
                ly += line_h * v.len() as f64;
            }
            ly += 0.4 * t;
        }
        if panel.entries.len() > PANEL_MEASURES {
            text_lines(
                out,
                x + 1.75 * t,
                ly,
                0.0,
                &[format!(
                    "and {} more (see the table)",
                    panel.entries.len() - PANEL_MEASURES
                )],
                &format!(r##"font-size="{}" font-style="italic""##, px(t)),
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
