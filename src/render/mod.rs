//! `covalue render`'s engine: printable reports of the short form and the
//! full form, and blank worksheets, as HTML (to print or to turn into PDF)
//! or as Markdown.
//!
//! The document is built from templates (`templates`) fed with views of the
//! workbook (`model`); answers are made safe by `markdown` and pictures are
//! drawn by `svg`. Populations are rendered in parallel, each with the same
//! compiled templates, and streamed to the output in order, so that memory
//! stays flat however many populations a workbook has.

pub mod chart;
#[cfg(unix)]
pub mod devtools;
pub mod document;
mod error;
pub mod job;
pub mod markdown;
pub mod model;
pub mod pages;
pub mod pdf;
pub mod svg;
pub mod templates;

use std::borrow::Cow;
use std::io::Write;
use std::sync::mpsc;

use minijinja::Value;
use minijinja::value::Serde;
use rayon::prelude::*;
use serde::Serialize;

use crate::date::Date;
use crate::guide::{Citation, Form, Guide};
use crate::workbook::Population;

pub use document::{CONTENT_SECURITY_POLICY, PageArgs, Paper};
pub use error::RenderError;
pub use templates::{TemplateError, Templates};

/// The text that stands for the populations in a rendered document template.
const BODY_MARKER: &str = "<!--covalue:populations-->";

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// One self-contained HTML file.
    Html,
    /// Markdown for a git forge.
    Markdown,
}

impl Flavor {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Flavor::Html => "html",
            Flavor::Markdown => "md",
        }
    }
}

/// What the document is made from.
#[derive(Debug)]
pub enum Subject<'a> {
    /// Populations of a workbook, with their answers.
    Workbook(Vec<&'a Population>),
    /// Blank worksheets, one per name (an empty name for an unnamed one).
    Blank(Vec<String>),
}

impl Subject<'_> {
    /// How many populations (or worksheets) the document holds.
    pub fn len(&self) -> usize {
        match self {
            Subject::Workbook(p) => p.len(),
            Subject::Blank(n) => n.len(),
        }
    }

    /// Whether the document holds no population.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How to render.
#[derive(Debug, Clone)]
pub struct Options {
    /// The form.
    pub form: Form,
    /// HTML or Markdown.
    pub flavor: Flavor,
    /// The paper size.
    pub paper: Paper,
    /// The report's title (the workbook's, or the guide's for a blank worksheet).
    pub title: String,
    /// The site.
    pub organisation: Option<String>,
    /// The render date.
    pub today: Date,
    /// The commit the workbook is at, as printed (e.g. "commit 1a2b3c4").
    pub revision: Option<String>,
    /// Large print: body text at 16 pt, nothing under 14 pt, pictures to match.
    pub large_print: bool,
    /// The register of improvements handout instead of the form.
    pub register: bool,
    /// The page words, in the report's language.
    pub catalogue: std::sync::Arc<crate::i18n::Catalogue>,
    /// Whether the language was chosen (`language` or `--lang`): the page
    /// then takes its `lang` and `dir`; otherwise they follow the
    /// workbook's text, as before languages were chosen.
    pub language_chosen: bool,
    /// What the run found in the workbook (reading it, or `check`): an
    /// answer with an error or a warning in it counts "with problems".
    pub findings: std::sync::Arc<Vec<crate::finding::Finding>>,
}

/// A population of the table of contents and the completeness summary.
#[derive(Debug, Serialize)]
struct Entry {
    index: usize,
    name: String,
    slug: String,
    anchor: String,
    page: String,
    footer_css: Value,
    counts: crate::workbook::progress::Counts,
    percent: usize,
    steps: Vec<model::StepCounts>,
    /// The named page of each step (full form), whose footer names the step.
    step_pages: Vec<StepPage>,
    has_grid: bool,
    /// Whether the full form prints its register of improvements.
    has_register: bool,
}

/// A step's named page in print: its footer names the population and the step.
#[derive(Debug, Serialize)]
struct StepPage {
    /// The page's name: the step's anchor, a CSS identifier.
    name: String,
    /// Its footer, as a CSS string (safe).
    footer_css: Value,
}

/// The named pages of a population's steps.
fn step_pages(
    builder: &model::Builder<'_>,
    population: &str,
    steps: &[model::StepCounts],
) -> Vec<StepPage> {
    steps
        .iter()
        .map(|s| StepPage {
            name: s.anchor.clone(),
            footer_css: builder.step_footer(population, &s.heading),
        })
        .collect()
}

/// The document as the document templates see it.
#[derive(Debug, Serialize)]
struct DocumentView<'a> {
    form: &'static str,
    form_title: String,
    blank: bool,
    title: &'a str,
    organisation: Option<&'a str>,
    guide_title: &'a str,
    guide_version: &'a str,
    date: String,
    revision: Option<&'a str>,
    paper: &'static str,
    /// Large print (`--large-print`).
    large_print: bool,
    csp: &'static str,
    css: Value,
    footer_css: Value,
    populations: Vec<Entry>,
    totals: crate::workbook::progress::Counts,
    percent: usize,
    short_title: &'a str,
    short_intro: &'a str,
    sources: Vec<&'a Citation>,
    short_sources: Vec<&'a Citation>,
    short_drafts: bool,
    has_drafts: bool,
    /// Whether step introductions or help texts are this guide's own writing.
    has_own_texts: bool,
    /// Where the steps' titles and order come from (the built-in guide: a
    /// reconstruction), printed with the sources of full-form reports.
    /// In the team's words: without the sentence that names a file.
    steps_note: Option<String>,
    /// Whether covalue's own words on the page are a translation.
    translated: bool,
    /// Whether the guide's text is a translation: "reviewed" or
    /// "unreviewed", or none when it is in the guide's own language.
    guide_translation: Option<&'static str>,
    body: Value,
}

/// Something noticed while rendering that the user should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A site's document template leaves out the populations.
    NoPopulationsInTemplate(String),
    /// A site's layout leaves out the Content-Security-Policy.
    NoContentSecurityPolicy(String),
}

/// The builder of population views for a document.
fn builder<'a>(guide: &'a Guide, options: &Options) -> model::Builder<'a> {
    // In large print (14 pt) the commit is left out, so that the line fits
    // on one line and the date is never broken at a hyphen.
    let words = &options.catalogue;
    let mut parts = vec![words.text(
        "footer-guide",
        &[
            ("guide", guide.id.as_str().into()),
            ("version", guide.version.as_str().into()),
        ],
    )];
    if let Some(rev) = options.revision.as_ref().filter(|_| !options.large_print) {
        parts.push(rev.clone());
    }
    parts.push(words.text(
        "printed-lower",
        &[("date", words.lang().date(options.today).into())],
    ));
    let footer_line = parts.join(" · ");
    model::Builder {
        guide,
        form: options.form,
        flavor: options.flavor,
        today: options.today,
        footer_title: options.title.clone(),
        footer_line,
        scale: if options.large_print {
            svg::Scale::LARGE
        } else {
            svg::Scale::NORMAL
        },
        catalogue: options.catalogue.clone(),
        findings: options.findings.clone(),
    }
}

/// The entries of the contents and the summary: names and counts only, the
/// heavy parts of each population are built later, in parallel.
fn entries(builder: &model::Builder<'_>, subject: &Subject<'_>) -> Vec<Entry> {
    match subject {
        Subject::Workbook(pops) => pops
            .iter()
            .enumerate()
            .map(|(i, p)| entry(builder, i + 1, p))
            .collect(),
        Subject::Blank(names) => names
            .iter()
            .enumerate()
            .map(|(i, name)| blank_entry(builder, i + 1, name))
            .collect(),
    }
}

/// Whether a question's wording is not published.
fn is_draft(guide: &Guide, question: &crate::guide::Question) -> bool {
    !guide.mark(crate::guide::Text::Question(question)).published
}

/// Whether a form has a step introduction or a help text that is this
/// guide's own writing ("About this report" says so).
fn has_own_texts(guide: &Guide) -> bool {
    use crate::guide::Text;
    guide.all_sections().any(|s| {
        (!s.intro.trim().is_empty() && !guide.mark(Text::Intro(s)).published)
            || s.questions
                .iter()
                .any(|q| q.help.is_some() && !guide.mark(Text::Help(q)).published)
    })
}

/// The document as the document templates see it.
fn document<'a>(
    guide: &'a Guide,
    options: &'a Options,
    builder: &model::Builder<'_>,
    populations: Vec<Entry>,
    css: String,
    blank: bool,
) -> DocumentView<'a> {
    let mut totals = crate::workbook::progress::Counts::default();
    for e in &populations {
        totals.answered += e.counts.answered;
        totals.with_problems += e.counts.with_problems;
        totals.not_applicable += e.counts.not_applicable;
        totals.deferred += e.counts.deferred;
        totals.open += e.counts.open;
        totals.total += e.counts.total;
    }
    let short = &guide.short_form;
    DocumentView {
        form: match options.register {
            true => "register",
            false => options.form.as_str(),
        },
        form_title: options.catalogue.text(
            match (options.register, options.form) {
                (true, _) => "form-register",
                (false, Form::Short) => "form-short",
                (false, Form::Full) => "form-full",
            },
            &[],
        ),
        blank,
        title: &options.title,
        organisation: options.organisation.as_deref(),
        guide_title: &guide.title,
        guide_version: &guide.version,
        date: crate::date::format(options.today),
        revision: options.revision.as_deref(),
        paper: options.paper.css(),
        large_print: options.large_print,
        csp: CONTENT_SECURITY_POLICY,
        css: Value::from_safe_string(css),
        footer_css: builder.document_footer(),
        percent: (totals.done() * 100).checked_div(totals.total).unwrap_or(0),
        totals,
        populations,
        short_title: &short.title,
        short_intro: &short.intro,
        sources: guide.sources.iter().collect(),
        short_sources: guide
            .sources
            .iter()
            .filter(|c| c.published && short.questions.iter().any(|q| q.source == c.id))
            .collect(),
        short_drafts: short.questions.iter().any(|q| is_draft(guide, q)),
        has_drafts: guide
            .all_sections()
            .flat_map(|s| &s.questions)
            .any(|q| is_draft(guide, q)),
        has_own_texts: has_own_texts(guide),
        steps_note: guide.steps_note.as_deref().and_then(model::paper_help),
        translated: !options.catalogue.lang().is_english(),
        guide_translation: guide_translation(guide),
        body: Value::from_safe_string(BODY_MARKER.to_string()),
    }
}

/// Whether the guide's text is a translation, and whether a site reviewed
/// it: "reviewed", "unreviewed", or `None` for a guide in its own language.
///
/// A translated guide (`[guide] translation_of`) carries a `reviewed` flag
/// on each translated source: "reviewed" when every one is, "unreviewed"
/// when any is not, `None` for a guide in its own language. This is the
/// one place to read that flag.
pub(crate) fn guide_translation(guide: &Guide) -> Option<&'static str> {
    guide.translation_of.as_ref()?;
    let unreviewed = guide
        .sources
        .iter()
        .filter_map(|c| c.translation.as_ref())
        .any(|t| !t.reviewed);
    Some(if unreviewed { "unreviewed" } else { "reviewed" })
}

/// What the document engine's page needs of a report: its kind, language
/// (from the workbook's title, site and population names), page setup and
/// the footer of pages outside any population.
fn engine_document(options: &Options, doc: &DocumentView<'_>) -> document::Document {
    let texts = [doc.title, doc.organisation.unwrap_or("")]
        .into_iter()
        .chain(doc.populations.iter().map(|p| p.name.as_str()));
    let mut engine = document::Document::new(
        &format!("form-{}", doc.form),
        format!("{}: {}", doc.title, doc.form_title.to_lowercase()),
        PageArgs {
            paper: options.paper,
            large_print: options.large_print,
        },
        &document::Footer::default(),
        match options.language_chosen {
            true => document::Language::from(options.catalogue.lang()),
            false => document::Language::of(texts),
        },
        String::new(),
    );
    engine.css = doc.css.clone();
    engine.footer = doc.footer_css.clone();
    engine
}

/// Renders a document and streams it to `out`. `progress` is called once per
/// population rendered, from any thread.
pub fn render(
    templates: &Templates,
    guide: &Guide,
    subject: &Subject<'_>,
    options: &Options,
    out: &mut dyn Write,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<Notice>, RenderError> {
    let ext = options.flavor.extension();
    let form = match options.register {
        true => "register",
        false => options.form.as_str(),
    };
    let blank = matches!(subject, Subject::Blank(_));
    let i18n = crate::i18n::template::value(options.catalogue.clone());
    let builder = builder(guide, options);
    let css = match options.flavor {
        Flavor::Html => {
            let ctx = minijinja::context! { paper => options.paper.css(), form => form, blank => blank, large => options.large_print, i18n => i18n.clone(), dir => options.catalogue.lang().direction().as_str() };
            let mut css = templates.render("base.css", ctx.clone())?;
            css.push('\n');
            css.push_str(&templates.render("style.css", ctx)?);
            css
        }
        Flavor::Markdown => String::new(),
    };
    let doc = document(
        guide,
        options,
        &builder,
        entries(&builder, subject),
        css,
        blank,
    );
    let doc_value = Value::from(Serde(&doc));
    let engine = engine_document(options, &doc);
    let document_name = format!("{form}.{ext}");
    let page = templates.render(
        &document_name,
        minijinja::context! { doc => doc_value.clone(), document => Value::from(Serde(&engine)), i18n => i18n.clone() },
    )?;
    let mut notices = Vec::new();
    if options.flavor == Flavor::Html && !page.contains("Content-Security-Policy") {
        notices.push(Notice::NoContentSecurityPolicy(document_name.clone()));
    }
    let (head, tail) = match page.split_once(BODY_MARKER) {
        Some(parts) => parts,
        None => {
            if !subject.is_empty() {
                notices.push(Notice::NoPopulationsInTemplate(document_name));
            }
            (page.as_str(), "")
        }
    };
    let flavor = options.flavor;
    out.write_all(tidy(flavor, head, Part::Head).as_bytes())?;
    if page.contains(BODY_MARKER) {
        let population_template = format!("{form}-population.{ext}");
        render_populations(
            templates,
            &builder,
            subject,
            &population_template,
            &doc_value,
            out,
            progress,
        )?;
    }
    out.write_all(tidy(flavor, tail, Part::Tail).as_bytes())?;
    out.flush()?;
    Ok(notices)
}

/// Where a piece of the document goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Population,
    Tail,
}

/// Markdown output keeps one blank line between blocks, whatever the
/// templates' whitespace; HTML is written as it is.
fn tidy(flavor: Flavor, text: &str, part: Part) -> std::borrow::Cow<'_, str> {
    if flavor == Flavor::Html {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut fence: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str()) {
                fence = None;
            }
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(trimmed.chars().take(3).collect());
        }
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    match part {
        Part::Head | Part::Population => out.push('\n'),
        Part::Tail => {}
    }
    std::borrow::Cow::Owned(out)
}

/// The entry of a blank worksheet: the guide's steps, nothing counted.
fn blank_entry(builder: &model::Builder<'_>, index: usize, name: &str) -> Entry {
    let steps = match builder.form {
        Form::Full => builder
            .guide
            .steps
            .iter()
            .map(|s| model::StepCounts {
                heading: s.heading(),
                anchor: format!("p{index}-step-{}", model::id_part(&s.id)),
                counts: crate::workbook::progress::Counts::default(),
                percent: 0,
            })
            .collect(),
        Form::Short => Vec::new(),
    };
    let blank_label = builder.words("blank-worksheet");
    let label = if name.is_empty() { &blank_label } else { name };
    Entry {
        index,
        step_pages: step_pages(builder, label, &steps),
        name: name.to_string(),
        slug: String::new(),
        anchor: format!("p{index}-blank"),
        page: format!("p{index}"),
        footer_css: builder.footer(label),
        counts: crate::workbook::progress::Counts::default(),
        percent: 0,
        steps,
        has_grid: false,
        has_register: false,
    }
}

/// The entry of a population of the workbook.
fn entry(builder: &model::Builder<'_>, index: usize, pop: &Population) -> Entry {
    let summary =
        crate::workbook::progress::summarise(builder.guide, pop, builder.form, &builder.findings);
    let steps: Vec<model::StepCounts> = summary
        .steps
        .into_iter()
        .map(|s| model::StepCounts {
            anchor: format!("p{index}-step-{}", model::id_part(&s.id)),
            heading: s.title,
            percent: (s.counts.done() * 100)
                .checked_div(s.counts.total)
                .unwrap_or(0),
            counts: s.counts,
        })
        .collect();
    let name = pop.name().to_string();
    Entry {
        index,
        slug: pop.slug.clone(),
        anchor: format!("p{index}-{}", model::id_part(&pop.slug)),
        page: format!("p{index}"),
        footer_css: builder.footer(&name),
        percent: (summary.counts.done() * 100)
            .checked_div(summary.counts.total)
            .unwrap_or(0),
        counts: summary.counts,
        step_pages: if builder.form == Form::Full {
            step_pages(builder, &name, &steps)
        } else {
            Vec::new()
        },
        steps,
        has_grid: builder.form == Form::Full && !pop.personas.is_empty(),
        has_register: builder.form == Form::Full && pop.improvements.is_some(),
        name,
    }
}

/// How many populations per thread are rendered together before they are
/// written: enough to keep every core busy, few enough that memory stays flat.
const BATCH_PER_THREAD: usize = 64;

/// Renders every population with the population template on all cores and
/// writes them in order. Populations are rendered a batch at a time (a few
/// per thread); a batch is written while the next one is rendered, and no
/// further, so memory stays flat however many populations a workbook has.
fn render_populations(
    templates: &Templates,
    builder: &model::Builder<'_>,
    subject: &Subject<'_>,
    template: &str,
    doc: &Value,
    out: &mut dyn Write,
    progress: &(dyn Fn() + Sync),
) -> Result<(), RenderError> {
    let i18n = crate::i18n::template::value(builder.catalogue.clone());
    let render_one = |i: usize| -> Result<String, TemplateError> {
        let view = match subject {
            Subject::Workbook(pops) => match pops.get(i) {
                Some(p) => builder.population(i + 1, p),
                None => return Ok(String::new()),
            },
            Subject::Blank(names) => builder.blank(i + 1, names.get(i).map_or("", String::as_str)),
        };
        let text = templates.render(
            template,
            minijinja::context! { doc => doc.clone(), pop => Value::from(Serde(&view)), i18n => i18n.clone() },
        )?;
        progress();
        let tidied = match tidy(builder.flavor, &text, Part::Population) {
            Cow::Owned(tidied) => Some(tidied),
            Cow::Borrowed(_) => None,
        };
        Ok(tidied.unwrap_or(text))
    };
    let count = subject.len();
    let batch = rayon::current_num_threads().max(1) * BATCH_PER_THREAD;
    // One batch is written here while the next one is rendered; the
    // channel holds no more than that one batch.
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Vec<Result<String, TemplateError>>>(0);
        scope.spawn(move || {
            for start in (0..count).step_by(batch) {
                let texts = (start..count.min(start + batch))
                    .into_par_iter()
                    .map(render_one)
                    .collect();
                // The writer stopped (on an error): render no more.
                if tx.send(texts).is_err() {
                    break;
                }
            }
        });
        for texts in rx {
            for text in texts {
                out.write_all(text?.as_bytes())?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_one_blank_line_between_blocks_but_not_in_code() {
        let text = "# Title\n\n\n\nText  \nmore\n\n\n```\na\n\n\nb\n```\n\n\n- x\n";
        assert_eq!(
            tidy(Flavor::Markdown, text, Part::Tail),
            "# Title\n\nText  \nmore\n\n```\na\n\n\nb\n```\n\n- x\n"
        );
        assert_eq!(tidy(Flavor::Html, "a\n\n\nb", Part::Tail), "a\n\n\nb");
    }
}
