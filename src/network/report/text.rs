//! The network report as text for a terminal: one line a site, then
//! completeness, populations by type, improvements and measures. Everything
//! a site wrote is shown through the terminal escaper, on one line.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{MeasureItem, Report, SiteEntry};
use crate::i18n::{Arg, Catalogue, Lang};

/// The report's words in its language, as plain text (for the terminal and
/// for Markdown, which escapes what a site wrote before it goes in).
pub(super) struct Words {
    c: Catalogue,
}

impl Words {
    /// The words of `lang`.
    pub(super) fn new(lang: Lang) -> Words {
        Words {
            c: Catalogue::builtin(lang),
        }
    }

    /// The language.
    pub(super) fn lang(&self) -> Lang {
        self.c.lang()
    }

    /// A message without values.
    pub(super) fn t(&self, id: &str) -> String {
        self.c.text(id, &[])
    }

    /// A message with values.
    pub(super) fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.c.text(id, args)
    }

    /// A date as the language writes it.
    pub(super) fn day(&self, text: &str) -> String {
        super::day(self.lang(), text)
    }

    /// A value with its unit, its number the language's way.
    pub(super) fn figure(&self, shown: &str) -> String {
        super::figure(self.lang(), shown)
    }

    /// A state of an answer or a cell of the matrix (`not applicable` or
    /// `not-applicable`).
    pub(super) fn state(&self, state: &str) -> String {
        self.with("net-state", &[("state", state.replace(' ', "-").into())])
    }

    /// A frequency, as the catalogue words it, else as written.
    pub(super) fn frequency(&self, f: &str) -> String {
        super::frequency(&self.c, f)
    }

    /// What differs between the measures of a domain.
    pub(super) fn differ(&self, what: &[&str]) -> String {
        super::differ(&self.c, what)
    }
}

/// Text from a site, made safe for a terminal and kept on one line: what
/// [`crate::escape::terminal`] shows visibly instead of obeying, and line
/// breaks and tabs as spaces.
pub(super) fn clean(text: &str) -> String {
    crate::escape::terminal(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn short_mark(state: &str) -> &'static str {
    match state {
        "settled" => "S",
        "open" => "o",
        "deferred" => "d",
        "not-applicable" => "-",
        "problems" => "!",
        "not-its-form" => "·",
        _ => " ",
    }
}

pub(super) fn counts(w: &Words, map: &BTreeMap<String, usize>) -> String {
    if map.is_empty() {
        return w.t("net-none");
    }
    map.iter()
        .map(|(k, v)| format!("{} {v}", clean(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn list(w: &Words, items: &[String]) -> String {
    if items.is_empty() {
        w.t("net-none")
    } else {
        items
            .iter()
            .map(|i| clean(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn site_line(w: &Words, s: &SiteEntry) -> String {
    let country = s
        .country
        .as_deref()
        .map(|c| format!(" ({})", clean(c)))
        .unwrap_or_default();
    match &s.short {
        None => format!(
            "{}{country}: {} ({}){}",
            s.name,
            w.t("net-not-fetched"),
            clean(&s.reference),
            s.failure
                .as_deref()
                .map(|f| format!(": {}", clean(f)))
                .unwrap_or_default()
        ),
        Some(short) => format!(
            "{}{country}: {}, {} · {} · {}, {}",
            s.name,
            w.with(
                "net-read-at",
                &[
                    ("ref", clean(&s.reference).into()),
                    ("commit", short.as_str().into())
                ]
            ),
            s.date
                .as_deref()
                .map_or_else(|| w.t("net-date-unknown"), |d| w.day(d)),
            clean(s.title.as_deref().unwrap_or("")),
            w.with(
                "net-site-counts",
                &[
                    ("settled", s.settled.into()),
                    ("total", s.total.into()),
                    (
                        "short",
                        if s.form.as_deref() == Some("short") {
                            format!(" ({})", w.t("net-short-form-site"))
                        } else {
                            String::new()
                        }
                        .into()
                    ),
                    ("open", s.open.into()),
                    ("deferred", s.deferred.into()),
                ]
            ),
            w.with("net-problem-count", &[("count", s.problem_count.into())]),
        ),
    }
}

/// The guide's name of a term (a cluster, status, quadrant…), or its id
/// when the guide has no such term.
pub(super) fn name(r: &Report, id: &str) -> String {
    r.names.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// Counts by term, named as the guide names the terms.
pub(super) fn named(
    w: &Words,
    r: &Report,
    map: &BTreeMap<String, usize>,
) -> BTreeMap<String, usize> {
    map.iter()
        .map(|(k, v)| {
            let shown = if k == "none" {
                w.t("net-no-status")
            } else {
                name(r, k)
            };
            (shown, *v)
        })
        .collect()
}

/// The names the sites give a population type, each once.
pub(super) fn type_names(t: &super::PopulationType) -> String {
    let mut names: Vec<String> = Vec::new();
    for s in &t.sites {
        let n = clean(&s.name);
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" · ")
}

/// Counts by term, with the guide's names for the terms.
pub(super) fn named_terms(r: &Report, map: &BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    map.iter().map(|(k, v)| (name(r, k), *v)).collect()
}

/// A list of terms, with the guide's names.
pub(super) fn names_of(r: &Report, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| name(r, id)).collect()
}

/// A site's Markdown as plain text for a terminal, wrapped at `WIDTH`
/// columns under `indent`.
fn wrapped(out: &mut dyn Write, markdown: &str, indent: &str) -> io::Result<()> {
    const WIDTH: usize = 96;
    let plain = clean(&crate::render::markdown::to_plain(markdown));
    let mut line = String::new();
    for word in plain.split_whitespace() {
        if !line.is_empty()
            && crate::width::display(&line) + 1 + crate::width::display(word) > WIDTH
        {
            writeln!(out, "{indent}{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn write_learning(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    writeln!(out, "\n{}", w.t("net-learnt"))?;
    if r.learning.is_empty() {
        let run = w.with(
            "net-no-site-read",
            &[("command", "`covalue network fetch`".into())],
        );
        writeln!(out, "  {run}")?;
    }
    for a in &r.learning {
        let names: Vec<String> = a.names.iter().map(|n| clean(n)).collect();
        writeln!(out, "\n  {} ({})", names.join(" · "), clean(&a.population))?;
        for s in &a.sites {
            writeln!(out, "\n    {} · {}", s.site, clean(&s.name))?;
            if s.form == "short" {
                writeln!(out, "      ({})", w.t("net-short-form-note"))?;
            }
            if s.assessment.is_empty() {
                writeln!(out, "      {}", w.t("net-no-step9"))?;
            }
            for q in &s.assessment {
                writeln!(out, "      {}", clean(&q.text))?;
                if q.body.is_empty() {
                    let state = w.state(&q.status);
                    let line = w.with("net-not-answered", &[("state", state.into())]);
                    writeln!(out, "        {line}")?;
                } else {
                    wrapped(out, &q.body, "        ")?;
                }
                if let Some(why) = &q.exemplar {
                    writeln!(
                        out,
                        "        {}{}",
                        w.t("net-offered-exemplar"),
                        reason(why)
                    )?;
                }
            }
            if s.clusters.is_empty() {
                writeln!(
                    out,
                    "      {}",
                    if s.has_register {
                        w.t("net-register-empty")
                    } else {
                        w.t("net-no-register")
                    }
                )?;
            }
            for c in &s.clusters {
                let heading = w.with("net-improvements-of", &[("cluster", clean(&c.name).into())]);
                writeln!(out, "      {heading}")?;
                for i in &c.improvements {
                    writeln!(
                        out,
                        "        {}{}",
                        clean(&i.title),
                        if i.exemplar.is_some() {
                            format!(" {}", w.t("net-exemplar-badge"))
                        } else {
                            String::new()
                        }
                    )?;
                    let status = match (&i.status_name, &i.since) {
                        (Some(n), Some(d)) => w.with(
                            "net-status-since",
                            &[
                                ("status", clean(n).into()),
                                ("date", w.day(&clean(d)).into()),
                            ],
                        ),
                        (Some(n), None) => clean(n),
                        _ => w.t("net-no-status"),
                    };
                    let history = if i.history.len() > 1 {
                        format!(" ({})", clean(&i.history.join(" → ")))
                    } else {
                        String::new()
                    };
                    let owner = i
                        .owner
                        .as_deref()
                        .map(|o| {
                            format!(" · {}", w.with("net-led-by", &[("owner", clean(o).into())]))
                        })
                        .unwrap_or_default();
                    writeln!(out, "          {status}{history}{owner}")?;
                    for m in &i.measures {
                        let latest = match (&m.latest, &m.latest_date) {
                            (Some(v), Some(d)) => {
                                format!("{} ({})", w.figure(&clean(v)), w.day(&clean(d)))
                            }
                            (Some(v), None) => w.figure(&clean(v)),
                            _ => w.t("measure-no-value"),
                        };
                        let target = m
                            .target
                            .as_deref()
                            .map(|t| {
                                format!(
                                    ", {}",
                                    w.with("net-target", &[("target", clean(t).into())])
                                )
                            })
                            .unwrap_or_default();
                        writeln!(out, "          {}: {latest}{target}", clean(&m.name))?;
                    }
                    if let Some(l) = &i.learning {
                        writeln!(
                            out,
                            "          {}",
                            if i.learning_is_note {
                                w.t("net-learnt-from-note")
                            } else {
                                w.t("net-learnt-label")
                            }
                        )?;
                        wrapped(out, l, "            ")?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn reason(why: &str) -> String {
    if why.is_empty() {
        String::new()
    } else {
        format!(": {}", clean(why))
    }
}

fn write_exemplars(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    writeln!(out, "\n{}", w.t("net-exemplars"))?;
    if r.exemplars.is_empty() {
        writeln!(out, "  {}", w.t("net-none-marked"))?;
    }
    for g in &r.exemplars {
        writeln!(out, "\n  {}", clean(&g.title))?;
        for e in &g.items {
            writeln!(
                out,
                "    {}/{}{} ({})",
                e.site,
                clean(&e.population),
                e.title
                    .as_deref()
                    .map(|t| format!(": {}", clean(t)))
                    .unwrap_or_default(),
                w.with("net-marked-by", &[("who", e.marked_by.into())])
            )?;
            if let Some(why) = &e.reason {
                writeln!(out, "      {} {}", lower_first(&w.t("net-why")), clean(why))?;
            }
            if let Some(note) = &e.note {
                let label = lower_first(&w.t("net-coordinator-note"));
                writeln!(out, "      {label} {}", clean(note))?;
            }
            if !e.text.is_empty() {
                wrapped(out, &e.text, "      ")?;
            }
        }
    }
    for u in &r.exemplars_unfound {
        let line = w.with("net-not-shown", &[("what", clean(u).into())]);
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn write_side_by_side(out: &mut dyn Write, w: &Words, r: &Report) -> io::Result<()> {
    writeln!(out, "\n{}", w.t("net-side-by-side"))?;
    if r.domains.is_empty() {
        writeln!(out, "  {}", w.t("net-no-domain"))?;
    }
    for d in &r.domains {
        writeln!(out, "\n  {} ({})", clean(&d.name), clean(&d.id))?;
        if d.measures.is_empty() {
            writeln!(out, "    {}", w.t("net-no-site-measures"))?;
        } else if !d.differ.is_empty() {
            writeln!(out, "    {}", w.differ(&d.differ))?;
        }
        for m in &d.measures {
            writeln!(
                out,
                "    {}/{}  {}",
                m.site,
                clean(&m.population),
                clean(&m.name)
            )?;
            let or_not =
                |t: &Option<String>, missing: &str| t.as_deref().map_or(w.t(missing), clean);
            // The labels as the page has them, lower case after the indent.
            let label = |id: &str| lower_first(&w.t(id));
            writeln!(
                out,
                "      {} {}",
                label("net-definition"),
                or_not(&m.definition, "net-not-written")
            )?;
            writeln!(
                out,
                "      {} {} · {} {} · {} {}",
                label("net-source"),
                or_not(&m.data_source, "net-not-written"),
                label("net-unit"),
                or_not(&m.unit, "net-none"),
                label("net-frequency"),
                m.frequency
                    .as_deref()
                    .map_or_else(|| w.t("net-not-recorded"), |f| clean(&w.frequency(f))),
            )?;
            let values: Vec<String> = m
                .values
                .iter()
                .rev()
                .map(|v| {
                    format!(
                        "{} ({})",
                        w.figure(&clean(&v.shown)),
                        w.day(&clean(&v.date))
                    )
                })
                .collect();
            writeln!(
                out,
                "      {} {}{}",
                label("net-latest"),
                if values.is_empty() {
                    w.t("net-none-yet")
                } else {
                    values.join(", ")
                },
                m.target
                    .as_deref()
                    .map(|t| format!(
                        " · {}",
                        w.with("net-target", &[("target", clean(t).into())])
                    ))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

/// `text` with its first letter in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn measure_line(w: &Words, m: &MeasureItem, value: bool) -> String {
    let latest = match (&m.latest, value) {
        (Some(v), true) => format!(
            " = {} ({})",
            w.figure(&clean(v)),
            w.day(m.latest_date.as_deref().unwrap_or(""))
        ),
        _ => String::new(),
    };
    format!(
        "{}/{}  {}{}{latest}",
        m.site,
        clean(&m.population),
        clean(&m.name),
        m.unit
            .as_deref()
            .map(|u| format!(" [{}]", clean(u)))
            .unwrap_or_default()
    )
}

/// The report as text, for a terminal.
pub fn write_text(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let w = &Words::new(r.lang);
    let fetched = r.sites.iter().filter(|s| s.commit.is_some()).count();
    let heading = w.with(
        "net-text-heading",
        &[
            ("network", clean(&r.network).into()),
            ("sites", r.sites.len().into()),
            ("read", fetched.into()),
            ("date", w.day(&r.made).into()),
        ],
    );
    writeln!(out, "{heading}")?;
    write_learning(out, w, r)?;
    write_exemplars(out, w, r)?;
    write_side_by_side(out, w, r)?;
    let width = r
        .completeness
        .iter()
        .map(|c| crate::width::display(&format!("{}/{}", c.site, clean(&c.population))))
        .max()
        .unwrap_or(4);
    writeln!(
        out,
        "\n{} ({})",
        w.t("net-completeness-steps"),
        w.t("net-text-legend")
    )?;
    for (i, h) in r.steps.iter().enumerate() {
        writeln!(out, "  {:>2} {}", i + 1, clean(&h.title))?;
    }
    let header: String = (1..=r.steps.len()).map(|i| format!("{i:>3}")).collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .steps
            .iter()
            .map(|cell| format!("{:>3}", short_mark(cell.state)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {} {row}", crate::width::pad(&who, width))?;
    }
    writeln!(out, "\n{}", w.t("net-short-questions-text"))?;
    for (i, q) in r.short_questions.iter().enumerate() {
        match r.questions.get(q) {
            Some(text) => writeln!(out, "  {:>2} {} ({})", i + 1, clean(text), clean(q))?,
            None => writeln!(out, "  {:>2} {}", i + 1, clean(q))?,
        }
    }
    let header: String = (1..=r.short_questions.len())
        .map(|i| format!("{i:>3}"))
        .collect();
    writeln!(out, "  {:width$} {header}", "")?;
    for c in &r.completeness {
        let row: String = c
            .short
            .iter()
            .map(|s| format!("{:>3}", short_mark(s)))
            .collect();
        let who = format!("{}/{}", c.site, clean(&c.population));
        writeln!(out, "  {} {row}", crate::width::pad(&who, width))?;
    }
    writeln!(out, "\n{}", w.t("net-sites-text"))?;
    for s in &r.sites {
        writeln!(out, "  {}", site_line(w, s))?;
        if let (Some(_), Some(f)) = (&s.commit, &s.failure) {
            let line = w.with("net-fetch-failed", &[("why", clean(f).into())]);
            writeln!(out, "      {line}")?;
        }
        for p in &s.problems {
            writeln!(
                out,
                "      {} {}: {}",
                p.code,
                clean(&p.place),
                clean(&p.message)
            )?;
        }
    }
    writeln!(out, "\n{}", w.t("net-populations-by-type"))?;
    for t in &r.population_types {
        let line = w.with(
            "net-type-sites",
            &[
                ("name", type_names(t).into()),
                ("population", clean(&t.population).into()),
                ("count", t.sites.len().into()),
            ],
        );
        writeln!(out, "  {line}")?;
        for s in &t.sites {
            writeln!(
                out,
                "    {}: {} · {} {} · {} {} · {} {} · {} {} · {} {}",
                s.site,
                clean(&s.name),
                w.t("net-personas-text"),
                counts(w, &named_terms(r, &s.personas)),
                w.t("net-process-map-text"),
                s.process_steps.map_or_else(
                    || w.t("net-none"),
                    |n| w.with("net-process-steps", &[("count", n.into())])
                ),
                w.t("net-coproduction-text"),
                counts(w, &named_terms(r, &s.coproduction)),
                w.t("net-configurations-text"),
                list(w, &names_of(r, &s.configurations)),
                w.t("net-walked-text"),
                list(w, &names_of(r, &s.walked)),
            )?;
        }
    }
    writeln!(out, "\n{}", w.t("net-by-cluster"))?;
    if r.improvements.is_empty() {
        writeln!(out, "  {}", w.t("net-no-register-anywhere"))?;
    }
    for c in &r.improvements {
        writeln!(
            out,
            "  {}: {}",
            clean(&name(r, &c.cluster)),
            counts(w, &named(w, r, &c.by_status))
        )?;
        for i in &c.items {
            writeln!(
                out,
                "    {}/{}  {} [{}]",
                i.site,
                clean(&i.population),
                clean(&i.title),
                clean(
                    &i.status
                        .as_deref()
                        .map_or_else(|| w.t("net-no-status"), |s| name(r, s))
                )
            )?;
        }
    }
    writeln!(out, "\n{}", w.t("net-by-quadrant"))?;
    for q in &r.quadrants {
        writeln!(
            out,
            "  {} ({})",
            clean(&name(r, &q.quadrant)),
            q.measures.len()
        )?;
        for m in &q.measures {
            writeln!(out, "    {}", measure_line(w, m, true))?;
        }
    }
    for g in &r.kinds {
        writeln!(out, "\n{} ({})", clean(&g.title), g.measures.len())?;
        writeln!(out, "  {}", clean(&g.about))?;
        for m in &g.measures {
            writeln!(out, "    {}", measure_line(w, m, true))?;
        }
    }
    writeln!(out, "\n{}", w.t("net-unmapped"))?;
    if r.unmapped.is_empty() {
        writeln!(out, "  {}", w.t("net-none"))?;
    }
    for m in &r.unmapped {
        let why = match (&m.domain, m.unknown_domain) {
            (Some(d), true) => format!(
                " ({})",
                w.with(
                    "net-unknown-domain",
                    &[("domain", format!("`{}`", clean(d)).into())]
                )
            ),
            _ => String::new(),
        };
        writeln!(out, "    {}{why}", measure_line(w, m, true))?;
    }
    Ok(())
}
