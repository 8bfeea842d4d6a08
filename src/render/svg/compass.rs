//! The value compass as a picture: one panel per quadrant, two to a row,
//! around a centre mark; each measure with its latest value against its
//! target (or baseline → target), and ruled lines on a blank worksheet.

use std::fmt::Write as _;

use super::{PAD, Scale, WIDTH, fit, px, text_lines};
use crate::escape::html as escape_html;
use crate::guide::Guide;
use crate::workbook::Compass;

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
    words: &crate::i18n::Catalogue,
) -> String {
    let t = scale.text;
    let say = |id: &str| words.text(id, &[]);
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
                        .filter(|m| m.is_outcome() && m.quadrant == q.id)
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
            .filter(|m| m.is_outcome() && !guide.quadrants.iter().any(|q| q.id == m.quadrant))
            .map(entry)
            .collect();
        if !other.is_empty() {
            panels.push(Panel {
                title: say("quadrant-other"),
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
        escape_html(&say("compass-title-blank"))
    } else {
        escape_html(&words.text("compass-title", &[("name", population.into())]))
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
                escape_html(&say("compass-space-to-write"))
            } else if p.entries.is_empty() {
                escape_html(&say("compass-no-measure"))
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
            compass_panel(&mut out, x, y, &layout, panel, blank, words);
        }
        y += h + row_gap;
    }
    let r = (centre_gap / 2.0 + 2.6 * t).min(3.6 * t);
    let _ = write!(
        out,
        r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="#ffffff" stroke="#222" stroke-width="1.6"/><text x="{cx}" y="{}" font-size="{}" font-weight="700" text-anchor="middle">{}</text><text x="{cx}" y="{}" font-size="{}" text-anchor="middle"><tspan x="{cx}" dy="0">{}</tspan><tspan x="{cx}" dy="{}">{}</tspan></text>"##,
        px(r),
        px(cy - 0.5 * t),
        px(1.1 * t),
        escape_html(&say("compass-centre-1")),
        px(cy + 0.7 * t),
        px(t),
        escape_html(&say("compass-centre-2")),
        px(1.1 * t),
        escape_html(&say("compass-centre-3")),
        cx = px(cx),
        cy = px(cy)
    );
    out.push_str("</svg>");
    match words.lang().direction() {
        crate::i18n::Direction::Rtl => super::mirror(&out, WIDTH),
        crate::i18n::Direction::Ltr => out,
    }
}

/// Sizes of a compass panel.
struct PanelLayout {
    w: f64,
    h: f64,
    t: f64,
    title_w: f64,
    name_w: f64,
}

fn compass_panel(
    out: &mut String,
    x: f64,
    y: f64,
    l: &PanelLayout,
    panel: &Panel,
    blank: bool,
    words: &crate::i18n::Catalogue,
) {
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
            &[words.text("compass-no-measure-panel", &[])],
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
                &[words.text(
                    "compass-more",
                    &[("count", (panel.entries.len() - PANEL_MEASURES).into())],
                )],
                &format!(r##"font-size="{}" font-style="italic""##, px(t)),
            );
        }
    }
    out.push_str("</g>");
}
