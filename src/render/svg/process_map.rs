//! The process map as a picture: the steps in order, wrapping into rows,
//! each in a box drawn in the style of its level of coproduction (dashed for
//! none, heavier lines and a darker fill for higher levels, a double line for
//! the highest), a star for an opportunity, configuration tags, and a legend.

use std::fmt::Write as _;

use super::{PAD, Scale, WIDTH, fit, px, text_lines};
use crate::escape::html as escape_html;
use crate::guide::Guide;
use crate::workbook::ProcessMap;

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
    size * 0.8 + size * 0.6 * crate::width::display(label) as f64
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
    words: &crate::i18n::Catalogue,
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
        legend_y + process_legend(&mut legend, legend_y, guide, t, words) - 0.6 * t
    } else {
        y - gap_y + PAD
    };

    let mut out = String::with_capacity(4096 + n * 1500);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0} {height}" class="picture process-map" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">"##,
        escape_html(&words.text(
            "map-title",
            &[("name", population.into()), ("steps", n.into())]
        )),
        height = px(height)
    );
    for (i, step) in map.steps.iter().enumerate() {
        let args = [
            ("number", (i + 1).into()),
            ("title", step.title.as_str().into()),
            ("level", styles[i].title.as_str().into()),
        ];
        let id = match step.opportunity.is_some() {
            true => "map-step-opportunity",
            false => "map-step",
        };
        let _ = write!(out, "{} ", escape_html(&words.text(id, &args)));
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
    if words.lang().direction() == crate::i18n::Direction::Rtl {
        out = super::mirror(&out, WIDTH);
    }
    let mut cuts = vec![0.0];
    let mut start = 0.0;
    for (k, top) in row_tops.iter().enumerate().skip(1) {
        let cut = top - gap_y / 2.0;
        let end = row_tops
            .get(k + 1)
            .map_or(height, |next| next - gap_y / 2.0);
        if end - start > BAND {
            cuts.push(cut);
            start = cut;
        }
    }
    match cuts.len() {
        1 => out,
        _ => in_bands(&out, id, &cuts, height),
    }
}

/// The tallest picture printed in one piece, in units: 130 mm on a 180 mm
/// column. A taller map (large print, many steps) prints in bands of rows,
/// each whole on its page.
const BAND: f64 = WIDTH * 130.0 / 180.0;

/// The picture `svg` as several pictures, each showing the band of it
/// between two `cuts` (the last reaches `height`, with the legend): the
/// same drawing seen through windows, each with ids of its own.
fn in_bands(svg: &str, id: &str, cuts: &[f64], height: f64) -> String {
    let Some((open, rest)) = svg.split_once('>') else {
        return svg.to_string();
    };
    let whole = format!(r#"viewBox="0 0 {WIDTH:.0} {}""#, px(height));
    let mut out = String::with_capacity(svg.len() * cuts.len());
    for (k, top) in cuts.iter().enumerate() {
        let bottom = cuts.get(k + 1).copied().unwrap_or(height);
        let part = format!("{id}-part{}", k + 1);
        let tag = open.replace(
            &whole,
            &format!(
                r#"viewBox="0 {} {WIDTH:.0} {}""#,
                px(*top),
                px(bottom - top)
            ),
        );
        out.push_str(&tag.replace(&format!("{id}-"), &format!("{part}-")));
        out.push('>');
        out.push_str(
            &rest
                .replace(&format!("#{id}-"), &format!("#{part}-"))
                .replace(&format!("id=\"{id}-"), &format!("id=\"{part}-")),
        );
    }
    out
}

/// Draws the legend of the process map from `y` with text of size `t`;
/// returns its height.
fn process_legend(
    out: &mut String,
    y: f64,
    guide: &Guide,
    t: f64,
    words: &crate::i18n::Catalogue,
) -> f64 {
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
            sample_w + 0.45 * t + char_w * crate::width::display(&label) as f64,
            item,
        ));
    }
    let opportunity = words.text("map-legend-opportunity", &[]);
    let mut item = String::new();
    star(&mut item, 0.7 * t, -0.2 * t, 0.7 * t);
    let _ = write!(
        item,
        r##"<text x="{}" y="{}" font-size="{}">{}</text>"##,
        px(1.7 * t),
        px(0.2 * t),
        px(t),
        escape_html(&opportunity)
    );
    items.push((
        1.7 * t + char_w * crate::width::display(&opportunity) as f64,
        item,
    ));
    let configuration = words.text("map-legend-configuration", &[]);
    let mut item = String::new();
    let w = tag(&mut item, 0.0, 0.2 * t, "chain", t);
    let _ = write!(
        item,
        r##"<text x="{}" y="{}" font-size="{}">{}</text>"##,
        px(w + 0.45 * t),
        px(0.2 * t),
        px(t),
        escape_html(&configuration)
    );
    items.push((
        w + 0.45 * t + char_w * crate::width::display(&configuration) as f64,
        item,
    ));

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
