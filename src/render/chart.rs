//! Run charts of the measures tracked over time, drawn in Rust as SVG like
//! the other pictures: the values in time order joined by a line, the
//! median as a dashed line, the target as a dotted one, each labelled in
//! words, so that the chart reads in black and white at print size. Drawn
//! [`WIDTH`] units wide and printed at most 180 mm wide, so that the text
//! is never smaller than 8 pt (see `svg::Scale`).

use std::fmt::Write;

use crate::escape;
use crate::render::svg::{Scale, px};
use crate::workbook::Measure;

/// The drawing's width, in units.
const WIDTH: f64 = 1000.0;

/// The median of values (sorted copy).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 0 {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// The run chart of a measure, or None when it has fewer than two dated
/// values, labelled in English.
pub fn run_chart(id: &str, m: &Measure, scale: Scale) -> Option<String> {
    run_chart_in(
        id,
        m,
        scale,
        &crate::i18n::Catalogue::builtin(crate::i18n::Lang::En),
    )
}

/// The run chart of a measure labelled in the catalogue's language, or None
/// when it has fewer than two dated values. Time runs left to right in
/// every language, as on the charts a team already reads.
pub fn run_chart_in(
    id: &str,
    m: &Measure,
    scale: Scale,
    words: &crate::i18n::Catalogue,
) -> Option<String> {
    let lang = words.lang();
    let say = |id: &str, value: String| escape::html(&words.text(id, &[("value", value.into())]));
    let mut points: Vec<(crate::date::Date, f64)> = m
        .values
        .iter()
        .filter_map(|v| Some((v.day()?, v.value)))
        .filter(|(_, v)| v.is_finite())
        .collect();
    if points.len() < 2 {
        return None;
    }
    points.sort_by_key(|(d, _)| *d);
    let t = scale.text;
    let left = 5.5 * t;
    // The measure's name over as many lines as it takes (up to three), so
    // that a long name is never cut at the picture's edge; the chart moves
    // down by the lines it adds.
    let title = super::svg::fit(&m.name, WIDTH - left, 1.15 * t, true, 3);
    let added = 1.35 * t * title.len().saturating_sub(1) as f64;
    let (right, top, bottom) = (9.0 * t, 4.2 * t + added, 3.4 * t);
    let plot_h = 14.0 * t;
    let height = top + plot_h + bottom;
    let plot_w = WIDTH - left - right;
    let values: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
    let med = median(&values)?;
    let target = m.target_value.filter(|v| v.is_finite());
    let mut lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if let Some(tv) = target {
        lo = lo.min(tv);
        hi = hi.max(tv);
    }
    let pad = if hi > lo {
        (hi - lo) * 0.12
    } else {
        hi.abs().max(1.0) * 0.1
    };
    let (lo, hi) = (lo - pad, hi + pad);
    let first = points[0].0;
    let span_days = (points[points.len() - 1].0 - first).get_days().max(1) as f64;
    let x = |d: crate::date::Date| left + plot_w * ((d - first).get_days() as f64 / span_days);
    let y = |v: f64| top + plot_h * (1.0 - (v - lo) / (hi - lo));
    let unit = m.unit.as_deref().map(escape::html);
    let show = |v: f64| escape::html(&m.show(v));
    // Beside a line, a long unit does not fit: the line under the title says it.
    let short_unit = m.unit.as_deref().is_none_or(|u| u.chars().count() <= 5);
    let label_text = |v: f64| match short_unit {
        true => m.show(v),
        false => short_number(v),
    };
    let mut out = String::new();
    let better = match m.direction.as_deref() {
        Some("higher") => escape::html(&words.text("chart-higher-better", &[])),
        Some("lower") => escape::html(&words.text("chart-lower-better", &[])),
        _ => String::new(),
    };
    let subtitle: Vec<String> = unit
        .iter()
        .cloned()
        .chain((!better.is_empty()).then(|| better.clone()))
        .collect();
    let list: Vec<String> = points
        .iter()
        .map(|(d, v)| format!("{}: {}", lang.date(*d), show(*v)))
        .collect();
    // Time runs left to right in every language; the labels' anchors are
    // set for that, so a right-to-left page must not turn them round
    // (a value label anchored at its end would run out of the picture).
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" direction="ltr" class="picture run-chart" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{values}; {median}{target}.</desc>"##,
        w = WIDTH,
        h = height,
        title = say("chart-title", m.name.clone()),
        values = list.join(", "),
        median = say("chart-median", m.show(med)),
        target = target
            .map(|v| format!(", {}", say("chart-target", m.show(v))))
            .unwrap_or_default(),
    );
    super::svg::text_lines(
        &mut out,
        left,
        1.5 * t,
        1.35 * t,
        &title,
        &format!(
            r##"font-size="{}" font-weight="700" fill="#1b1b1b""##,
            px(1.15 * t)
        ),
    );
    let _ = write!(
        out,
        r##"<text x="{x}" y="{y2}" font-size="{s2}" fill="#333">{sub}</text>"##,
        x = px(left),
        y2 = px(2.9 * t + added),
        s2 = px(t),
        sub = subtitle.join(" · "),
    );
    // Frame and three value labels.
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="none" stroke="#9a9a9a" stroke-width="1.2"/>"##,
        x = px(left),
        y = px(top),
        w = px(plot_w),
        h = px(plot_h)
    );
    for v in [lo + pad, (lo + hi) / 2.0, hi - pad] {
        let _ = write!(
            out,
            r##"<line x1="{x1}" y1="{yy}" x2="{x2}" y2="{yy}" stroke="#d5d5d5" stroke-width="1"/><text x="{tx}" y="{ty}" font-size="{s}" text-anchor="end" fill="#333">{label}</text>"##,
            x1 = px(left),
            x2 = px(left + plot_w),
            yy = px(y(v)),
            tx = px(left - 0.4 * t),
            ty = px(y(v) + 0.35 * t),
            s = px(t),
            label = escape::html(&short_number(v)),
        );
    }
    // Dates: the first, the last, and one between when there are several.
    let mut ticks = vec![points[0].0, points[points.len() - 1].0];
    if points.len() >= 5 {
        ticks.insert(1, points[points.len() / 2].0);
    }
    for (k, d) in ticks.iter().enumerate() {
        let anchor = match k {
            0 => "start",
            _ if k == ticks.len() - 1 => "end",
            _ => "middle",
        };
        let _ = write!(
            out,
            r##"<text x="{x}" y="{y}" font-size="{s}" text-anchor="{anchor}" fill="#333">{day}</text>"##,
            day = escape::html(&lang.date(*d)),
            x = px(x(*d)),
            y = px(top + plot_h + 1.5 * t),
            s = px(t),
        );
    }
    // Median (dashed) and target (dotted, heavier), labelled at the right,
    // the labels kept apart when the lines are close.
    let line = |v: f64, label_y: f64, text: String, dash: &str, weight: f64, out: &mut String| {
        let _ = write!(
            out,
            r##"<line x1="{x1}" y1="{yy}" x2="{x2}" y2="{yy}" stroke="#1b1b1b" stroke-width="{weight}" stroke-dasharray="{dash}"/><text x="{tx}" y="{ty}" font-size="{s}" fill="#1b1b1b">{text}</text>"##,
            x1 = px(left),
            x2 = px(left + plot_w),
            yy = px(y(v)),
            tx = px(left + plot_w + 0.5 * t),
            ty = px(label_y + 0.35 * t),
            s = px(t),
        );
    };
    let med_y = y(med);
    line(
        med,
        med_y,
        say("chart-median", label_text(med)),
        "12 7",
        1.6,
        &mut out,
    );
    if let Some(tv) = target {
        let ty = y(tv);
        let label_y = match (ty - med_y).abs() < 1.2 * t {
            true if ty <= med_y => med_y - 1.2 * t,
            true => med_y + 1.2 * t,
            false => ty,
        };
        line(
            tv,
            label_y,
            say("chart-target", label_text(tv)),
            "3 6",
            3.0,
            &mut out,
        );
    }
    // The values, joined in time order.
    let path: Vec<String> = points
        .iter()
        .map(|(d, v)| format!("{},{}", px(x(*d)), px(y(*v))))
        .collect();
    let _ = write!(
        out,
        r##"<polyline points="{}" fill="none" stroke="#1b1b1b" stroke-width="2.2"/>"##,
        path.join(" ")
    );
    for (d, v) in &points {
        let _ = write!(
            out,
            r##"<circle cx="{cx}" cy="{cy}" r="{r}" fill="#1b1b1b"/>"##,
            cx = px(x(*d)),
            cy = px(y(*v)),
            r = px(0.32 * t),
        );
    }
    out.push_str("</svg>");
    Some(out)
}

/// A number for an axis label: no more than two decimals.
fn short_number(v: f64) -> String {
    if (v - v.round()).abs() < 0.005 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::records::MeasureValue;

    fn measure(values: &[(&str, f64)]) -> Measure {
        Measure {
            id: "m".into(),
            kind: "outcome".into(),
            quadrant: "clinical".into(),
            frequency: None,
            name: "Readmissions <b>&</b>".into(),
            definition: None,
            data_source: None,
            baseline: None,
            target: None,
            unit: Some("%".into()),
            direction: Some("lower".into()),
            target_value: Some(10.0),
            domain: None,
            values: values
                .iter()
                .map(|(d, v)| MeasureValue {
                    date: d.to_string(),
                    value: *v,
                    note: None,
                    source: None,
                    loc: Default::default(),
                })
                .collect(),
            loc: Default::default(),
        }
    }

    #[test]
    fn a_run_chart_shows_points_median_and_target_in_words() {
        let m = measure(&[
            ("2026-01-31", 20.0),
            ("2026-02-28", 16.0),
            ("2026-03-31", 14.0),
        ]);
        let svg = run_chart("c1", &m, Scale::NORMAL).expect("a chart");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("median 16 %"), "{svg}");
        assert!(svg.contains("target 10 %"), "{svg}");
        assert!(svg.contains("lower is better"));
        // Workbook text is escaped.
        assert!(svg.contains("Readmissions &lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
        // Nothing smaller than the scale's smallest text.
        for size in svg.split("font-size=\"").skip(1) {
            let n: f64 = size.split('"').next().unwrap().parse().unwrap();
            assert!(n >= Scale::NORMAL.text, "{n}");
        }
        // One value makes no chart.
        assert!(run_chart("c2", &measure(&[("2026-01-31", 1.0)]), Scale::NORMAL).is_none());
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[5.0]), Some(5.0));
        assert_eq!(median(&[]), None);
    }
}
