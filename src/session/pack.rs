//! The facilitator's pack for a session, in one document: a cover with the
//! agenda, what changed since the last session, the open items of the
//! steps in focus (and actions still open from earlier sessions), the
//! current answers of those steps, blank worksheets for them with their
//! `{#id}`s, and an attendance sheet. HTML (printable, or printed to PDF
//! with the same browser route as `render`) or Markdown. Answers are
//! Markdown rendered safely (`render::markdown`); the page has no script
//! and loads nothing.

use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use crate::date::{self, Date};
use crate::diff::{self, Spec};
use crate::finding::{Code, Finding, Kind};
use crate::guide::{Form, QuestionKind, Section};
use crate::i18n::{Catalogue, Lang};
use crate::render::document::{self, Document, Footer, Language, PageArgs};
use crate::render::markdown;
use crate::render::svg::Scale;
use crate::workbook::{Population, Session, Status, Workbook};

mod attendance;
mod text;
pub use text::markdown_text;

/// The page template.
const TEMPLATE: &str = include_str!("templates/pack.html");
/// Its style sheet.
const CSS: &str = include_str!("templates/pack.css");

/// The session a pack is for: the one named, else the next one (the first
/// dated today or later), else the latest.
pub fn pick<'a>(sessions: &'a [Session], name: Option<&str>, today: Date) -> Option<&'a Session> {
    match name {
        Some(name) => {
            let name = name.trim_end_matches(".toml");
            let name = name.rsplit('/').next().unwrap_or(name);
            sessions.iter().find(|s| s.name == name)
        }
        None => sessions
            .iter()
            .find(|s| s.date.is_some_and(|d| d >= today))
            .or_else(|| sessions.last()),
    }
}

/// The session before `session` with a recorded commit.
fn previous<'a>(sessions: &'a [Session], session: &Session) -> Option<&'a Session> {
    sessions
        .iter()
        .filter(|s| s.revision.is_some())
        .rfind(|s| is_before(s, session))
}

/// Whether record `s` is of a session held before `session`.
fn is_before(s: &Session, session: &Session) -> bool {
    s.name != session.name
        && match (s.date, session.date) {
            (Some(a), Some(b)) => a < b,
            _ => s.name < session.name,
        }
}

#[derive(Serialize)]
struct Question {
    id: String,
    text: String,
    help: Option<String>,
    /// Where its wording comes from: published (with its source) or draft.
    wording: String,
}

impl Question {
    fn of(guide: &crate::guide::Guide, c: &Catalogue, q: &crate::guide::Question) -> Question {
        Question {
            id: q.id.clone(),
            text: q.text.clone(),
            help: q.help.clone(),
            wording: crate::render::model::mark_words(guide, c, crate::guide::Text::Question(q)),
        }
    }
}

#[derive(Serialize)]
struct Step {
    id: String,
    title: String,
    questions: Vec<Question>,
}

#[derive(Serialize)]
struct AnswerView {
    id: String,
    text: String,
    status: &'static str,
    html: String,
    markdown: String,
    /// A walk-through's persona parts, each under the persona's name.
    parts: Vec<PartView>,
}

/// One persona's part of a walk-through.
#[derive(Serialize)]
struct PartView {
    name: String,
    slug: String,
    html: String,
    markdown: String,
}

#[derive(Serialize)]
struct PopStep {
    title: String,
    open: Vec<Question>,
    answers: Vec<AnswerView>,
}

#[derive(Serialize)]
struct Chart {
    name: String,
    latest: String,
    svg: String,
    /// On the first chart of a kind of measure, when the population has
    /// process or balancing measures: the kind's heading and what it is.
    group: Option<(String, String)>,
}

/// Something `check` reports for a step in focus (or for the sessions),
/// in its own words.
#[derive(Serialize)]
struct FoundView {
    /// `CV012`.
    code: String,
    /// "problem" or "to do".
    kind: &'static str,
    message: String,
}

/// A step in focus, as the open items show it for one population: the
/// questions still open or deferred, and what `check` reports for it.
#[derive(Serialize)]
struct FocusStep {
    title: String,
    items: Vec<crate::render::model::OpenItem>,
    found: Vec<FoundView>,
    /// Its questions: answered, with problems, not applicable, deferred, open.
    counts: crate::workbook::progress::Counts,
}

/// A slot of a worksheet: a persona's part of a walk-through.
#[derive(Serialize)]
struct Slot {
    name: String,
    slug: String,
}

/// A question of a worksheet, with what it asks the team to fill in.
#[derive(Serialize)]
struct SheetQuestion {
    id: String,
    number: String,
    text: String,
    help: Option<String>,
    /// Where the help text comes from, in words (this guide's own writing).
    help_note: String,
    /// `text`, `personas`, `process-map`, `value-compass` or `walkthrough`.
    kind: &'static str,
    /// One slot a persona, for a walk-through.
    slots: Vec<Slot>,
}

/// A step of a worksheet.
#[derive(Serialize)]
struct SheetStep {
    title: String,
    questions: Vec<SheetQuestion>,
}

#[derive(Serialize)]
struct PopView {
    slug: String,
    name: String,
    steps: Vec<PopStep>,
    /// The population as the full form prints it, its steps cut to those
    /// in focus: figures, team, personas, process map, answers.
    view: crate::render::model::PopulationView,
    /// Whether a step in focus asks for the personas, the process map, the
    /// value compass.
    asks: Asks,
    focus: Vec<FocusStep>,
    worksheets: Vec<SheetStep>,
    charts: Vec<Chart>,
    /// The merge conflicts met in the population's files.
    #[serde(skip)]
    conflicts: Vec<crate::finding::Finding>,
}

/// What the steps in focus ask for beyond text.
#[derive(Serialize, Default, Clone, Copy)]
struct Asks {
    personas: bool,
    process_map: bool,
    compass: bool,
}

#[derive(Serialize)]
struct ActionView {
    what: String,
    owner: Option<String>,
    due: Option<String>,
    session: String,
}

/// What a pack shows, ready for a template.
#[derive(Serialize)]
pub struct Pack {
    title: String,
    organisation: Option<String>,
    name: String,
    date: Option<String>,
    session_title: Option<String>,
    facilitator: Option<String>,
    note_taker: Option<String>,
    agenda: Vec<Step>,
    since: Option<String>,
    changes_html: Option<String>,
    changes_md: Option<String>,
    no_changes_because: Option<String>,
    populations: Vec<PopView>,
    earlier_actions: Vec<ActionView>,
    /// What `check` reports about the session records (an action past due).
    session_found: Vec<FoundView>,
    attendance: Vec<attendance::Row>,
    /// The roles an attendee can have, by the guide's titles, for the note
    /// above the attendance sheet.
    roles: String,
    /// The footer's line of provenance: the commit and the date printed.
    printed: String,
    /// The words of the pack's language.
    #[serde(skip)]
    catalogue: std::sync::Arc<Catalogue>,
    /// Whether a language was chosen (`--lang` or the workbook's
    /// `language`); else the page's direction is judged from its names.
    #[serde(skip)]
    language_chosen: bool,
}

/// The pictures' scale of a pack: their smallest text at 9.2 pt (14.3 pt
/// in large print), as nothing a partner reads may be smaller than 9 pt
/// (14 pt).
fn picture_scale(page: PageArgs) -> Scale {
    match page.large_print {
        true => Scale {
            text: 28.0,
            columns: 2,
        },
        false => Scale {
            text: 18.0,
            columns: 4,
        },
    }
}

/// A finding as the pack shows it.
fn found_view(f: &Finding) -> FoundView {
    FoundView {
        code: f.code.as_str().to_string(),
        kind: match f.kind {
            Kind::Problem => "problem",
            Kind::Progress => "to do",
        },
        // On paper, without the code marks of a terminal: the words alone.
        // Its help (how to fix the file) is for whoever edits the workbook.
        message: f.message.replace('`', ""),
    }
}

/// What the questions of `sections` ask for beyond text.
fn asks(sections: &[&Section]) -> Asks {
    let kinds: Vec<QuestionKind> = sections
        .iter()
        .flat_map(|s| &s.questions)
        .map(|q| q.kind)
        .collect();
    Asks {
        personas: kinds.contains(&QuestionKind::Personas),
        process_map: kinds.contains(&QuestionKind::ProcessMap),
        compass: kinds.contains(&QuestionKind::ValueCompass),
    }
}

/// Gathers the pack of `session`, its pictures drawn for `page`.
pub fn build(
    workbook: &Workbook<'_>,
    sessions: &[Session],
    session: &Session,
    page: PageArgs,
    lang: Option<Lang>,
) -> Pack {
    let language_chosen = lang.is_some() || workbook.config.language.is_some();
    let lang = lang.unwrap_or(workbook.config.lang());
    // covalue's words, with the site's own wording over them.
    let catalogue = std::sync::Arc::new(crate::i18n::site::catalogue(Some(&workbook.root), lang));
    let c = &*catalogue;
    let guide = &workbook.guide;
    let focus: Vec<&Section> = session
        .focus
        .iter()
        .filter_map(|f| guide.all_sections().find(|s| s.id == f.name))
        .collect();
    let agenda = focus
        .iter()
        .map(|s| Step {
            id: s.id.clone(),
            title: s.heading(),
            questions: s
                .questions
                .iter()
                .map(|q| Question::of(guide, c, q))
                .collect(),
        })
        .collect();
    let slugs: Vec<String> = match session.populations.is_empty() {
        true => workbook.slugs.clone(),
        false => session
            .populations
            .iter()
            .map(|p| p.name.clone())
            .filter(|p| workbook.slugs.contains(p))
            .collect(),
    };
    // What `check` reports, once, for the populations of the session: the
    // open items show its findings for the steps in focus, as they are.
    let today = date::today();
    let report = crate::check::check(
        workbook,
        &crate::check::Options {
            form: Form::Full,
            populations: slugs.clone(),
            today,
        },
    );
    let form_sections = guide.sections(Form::Full);
    // The place (1-based, in the full form) of each step in focus.
    let places: Vec<(usize, &Section)> = focus
        .iter()
        .filter_map(|f| {
            let i = form_sections.iter().position(|s| s.id == f.id)?;
            Some((i + 1, *f))
        })
        .collect();
    let builder = crate::render::model::Builder {
        guide,
        form: Form::Full,
        flavor: crate::render::Flavor::Html,
        today,
        footer_title: workbook.config.title.clone(),
        footer_line: String::new(),
        scale: picture_scale(page),
        catalogue: catalogue.clone(),
        findings: std::sync::Arc::new(report.findings.clone()),
    };
    let asked = asks(&focus);
    let focus_ids: Vec<&str> = focus.iter().map(|s| s.id.as_str()).collect();
    let populations = workbook.map_populations(&slugs, |population| {
        let index = workbook
            .slugs
            .iter()
            .position(|s| *s == population.slug)
            .map_or(1, |i| i + 1);
        let mut view = builder.population(index, &population);
        view.sections.retain(|s| focus_ids.contains(&s.id.as_str()));
        // In the agenda's order.
        view.sections
            .sort_by_key(|s| focus_ids.iter().position(|f| *f == s.id));
        // The blank persona cards and map table of the worksheets.
        view.blank_personas = population.personas.len().clamp(2, 4);
        view.blank_steps = guide.process_steps.max.max(1);
        let found = |section: usize| -> Vec<FoundView> {
            report
                .findings
                .iter()
                .filter(|f| f.population.as_deref() == Some(population.slug.as_str()))
                .filter(|f| f.place.0 == section)
                // Open questions and overdue deferrals are the items above.
                .filter(|f| !matches!(f.code, Code::CV010 | Code::CV011))
                .map(found_view)
                .collect()
        };
        let focus_steps = places
            .iter()
            .map(|(place, section)| {
                let title = section.heading();
                FocusStep {
                    items: view
                        .open_items
                        .iter()
                        .filter(|i| i.step == title)
                        .cloned()
                        .collect(),
                    found: found(*place),
                    counts: view
                        .steps_summary
                        .iter()
                        .find(|s| s.heading == title)
                        .map(|s| s.counts.clone())
                        .unwrap_or_default(),
                    title,
                }
            })
            .collect();
        let worksheets = view
            .sections
            .iter()
            .map(|s| SheetStep {
                title: s.heading.clone(),
                questions: s
                    .questions
                    .iter()
                    .map(|q| SheetQuestion {
                        id: q.id.clone(),
                        number: q.number.clone(),
                        text: q.text.clone(),
                        help: q.help.clone(),
                        help_note: q.help_note.clone(),
                        kind: q.kind,
                        slots: match q.kind {
                            "walkthrough" => population
                                .personas
                                .iter()
                                .map(|p| Slot {
                                    name: p.name.clone(),
                                    slug: p.slug.clone(),
                                })
                                .collect(),
                            _ => Vec::new(),
                        },
                    })
                    .collect(),
            })
            .collect();
        PopView {
            charts: charts(&population, picture_scale(page)),
            conflicts: population
                .findings
                .iter()
                .filter(|f| f.code == Code::CV045)
                .cloned()
                .collect(),
            slug: population.slug.clone(),
            name: population.name().to_string(),
            steps: steps(guide, c, &focus, &population),
            view,
            asks: asked,
            focus: focus_steps,
            worksheets,
        }
    });
    let session_found = report
        .findings
        .iter()
        .filter(|f| {
            f.file
                .as_deref()
                .is_some_and(|file| file.starts_with("sessions/"))
        })
        .filter(|f| f.code == Code::CV033 || f.kind == Kind::Progress)
        .map(found_view)
        .collect();
    let earlier_actions = sessions
        .iter()
        .filter(|s| s.name != session.name)
        .filter(|s| match (s.date, session.date) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        })
        .flat_map(|s| {
            s.actions.iter().filter(|a| !a.done).map(|a| ActionView {
                what: a.what.clone(),
                owner: a.owner.clone(),
                due: a.due.map(|d| lang.date(d)),
                session: s.name.clone(),
            })
        })
        .collect();
    // What changed: from the last session's commit (or this one's, when it
    // is the first) to the files as they are now.
    let since_session = previous(sessions, session).or(session.revision.as_ref().map(|_| session));
    let (mut since, mut changes_html, mut changes_md, mut no_changes_because) =
        (None, None, None, None);
    match since_session.and_then(|s| Some((s, s.revision.clone()?))) {
        Some((from, rev)) => {
            let old = Spec::Revision {
                rev: rev.clone(),
                root: workbook.root.clone(),
            };
            let new = Spec::WorkingTree(workbook.root.clone());
            let options = diff::Options {
                populations: slugs.clone(),
                language: diff::Language::Chosen(lang),
            };
            let commit = document::short_commit(&rev);
            let when = match from.date {
                Some(day) => lang.date(day),
                None => from.name.clone(),
            };
            since = Some(match from.name == session.name {
                true => c.text("pack-since-own-commit", &[("commit", commit.into())]),
                false => c.text(
                    "pack-since-last-session",
                    &[("session", when.into()), ("commit", commit.into())],
                ),
            });
            match diff::diff(&old, &new, &options) {
                Ok(report) if report.changed() => {
                    let mut md = Vec::new();
                    if diff::markdown::write(&mut md, &report, c).is_ok() {
                        let md = String::from_utf8_lossy(&md);
                        // Its title, its line of versions and its closing
                        // count (which names the commits) are the section's own.
                        let body = md.splitn(3, "\n\n").nth(2).unwrap_or(&md);
                        let body = body.rsplit_once("\n---\n").map_or(body, |(b, _)| b);
                        changes_html = Some(markdown::to_html(body, 1));
                        changes_md = Some(markdown::to_markdown(body, 1));
                    }
                }
                // The first session, nothing changed since its record: there
                // is nothing earlier to compare with, said plainly.
                Ok(_) if from.name == session.name => {
                    since = None;
                    no_changes_because = Some(c.text("pack-first-session", &[]));
                }
                Ok(_) => no_changes_because = Some(c.text("pack-nothing-changed", &[])),
                Err(err) => {
                    no_changes_because = Some(c.text(
                        "pack-changes-unshown",
                        &[("reason", err.to_string().into())],
                    ))
                }
            }
        }
        None if !sessions.iter().any(|s| is_before(s, session)) => {
            no_changes_because = Some(c.text("pack-first-session", &[]))
        }
        None => no_changes_because = Some(c.text("pack-no-commit", &[])),
    }
    let (attendance, roles) = attendance::sheet(guide, c, session);
    Pack {
        title: workbook.config.title.clone(),
        organisation: workbook.config.organisation.clone(),
        name: session.name.clone(),
        date: session.date.map(|d| lang.date(d)),
        session_title: session.title.clone(),
        facilitator: session.facilitator.clone().filter(|s| !s.is_empty()),
        note_taker: session.note_taker.clone().filter(|s| !s.is_empty()),
        agenda,
        since,
        changes_html,
        changes_md,
        no_changes_because,
        populations,
        earlier_actions,
        session_found,
        attendance,
        roles,
        printed: {
            let today = lang.date(date::today());
            match crate::git::revision(&workbook.root) {
                Some(rev) => c.text(
                    "pack-printed-at",
                    &[("revision", rev.describe().into()), ("date", today.into())],
                ),
                None => c.text("pack-printed", &[("date", today.into())]),
            }
        },
        catalogue: catalogue.clone(),
        language_chosen,
    }
}

/// The run chart of each measure of the population's compass with values:
/// outcome measures first, then process and balancing measures, each kind
/// under its heading when there is more than one kind.
fn charts(population: &Population, scale: Scale) -> Vec<Chart> {
    let measures: &[crate::workbook::Measure] =
        population.compass.as_ref().map_or(&[], |c| &c.measures);
    let kinds = crate::workbook::records::MEASURE_KINDS;
    let mixed = measures.iter().any(|m| !m.is_outcome());
    let mut charts: Vec<Chart> = Vec::new();
    for &(kind, title, about) in kinds {
        let first = charts.len();
        charts.extend(
            measures
                .iter()
                .filter(|m| m.kind == kind)
                .filter_map(|m| chart(population, m, scale)),
        );
        if mixed && let Some(c) = charts.get_mut(first) {
            c.group = Some((title.to_string(), about.to_string()));
        }
    }
    charts
}

/// The run chart of one measure, with two values or more.
fn chart(population: &Population, m: &crate::workbook::Measure, scale: Scale) -> Option<Chart> {
    let svg =
        crate::render::chart::run_chart(&format!("{}-run-{}", population.slug, m.id), m, scale)?;
    let latest = m.latest()?;
    Some(Chart {
        name: m.name.clone(),
        latest: format!(
            "{} values, latest {} on {}{}",
            m.values.len(),
            m.show(latest.value),
            latest.date,
            m.target_value
                .map(|t| format!("; target {}", m.show(t)))
                .unwrap_or_default()
        ),
        svg,
        group: None,
    })
}

/// The steps in focus of a population with their answers (the Markdown pack).
fn steps(
    guide: &crate::guide::Guide,
    c: &Catalogue,
    focus: &[&Section],
    population: &Population,
) -> Vec<PopStep> {
    focus
        .iter()
        .map(|section| {
            let mut open = Vec::new();
            let mut answers = Vec::new();
            for q in &section.questions {
                let status = population.status(section, q);
                if status == Status::Open {
                    open.push(Question::of(guide, c, q));
                }
                let answer = population.answer(&section.id, &q.id);
                let body = answer.map(|a| a.body.clone()).unwrap_or_default();
                let parts = answer
                    .map(|a| {
                        population
                            .written_parts(a)
                            .map(|w| PartView {
                                name: population.part_name(w).to_string(),
                                slug: w.persona.clone(),
                                html: markdown::to_html(&w.body, 5),
                                markdown: markdown::to_markdown(&w.body, 5),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                answers.push(AnswerView {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    status: status.word(),
                    html: markdown::to_html(&body, 4),
                    markdown: markdown::to_markdown(&body, 4),
                    parts,
                });
            }
            PopStep {
                title: section.heading(),
                open,
                answers,
            }
        })
        .collect()
}

/// The texts the pack's language is judged by: the names the workbook
/// gives itself, its session and its populations (as `render` judges a
/// report's).
fn texts(pack: &Pack) -> impl Iterator<Item = &str> {
    [
        pack.title.as_str(),
        pack.organisation.as_deref().unwrap_or(""),
        pack.session_title.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .chain(pack.populations.iter().map(|p| p.name.as_str()))
}

/// The pack as one self-contained HTML page, on the document engine's page
/// (page setup, running footer, language and direction, `<main>`).
pub fn html(pack: &Pack, page: PageArgs) -> Result<String, minijinja::Error> {
    // The names end in .html: every value is escaped unless marked safe
    // (only Markdown rendered by `render::markdown`, which is sanitised).
    let mut env = document::environment(&[
        ("pack.html", TEMPLATE),
        ("pack.css", CSS),
        ("macros.html", builtin("macros.html")),
        ("style.css", builtin("style.css")),
    ])?;
    crate::i18n::template::install(&mut env, pack.catalogue.clone());
    let c = &pack.catalogue;
    let when = pack.date.as_deref().unwrap_or(&pack.name);
    let footer = Footer::new(&pack.title)
        .and(&c.text("pack-footer-session", &[("session", when.into())]))
        .line(pack.printed.clone());
    let doc = Document::new(
        "pack",
        c.text(
            "pack-page-title",
            &[
                ("session", when.into()),
                ("title", pack.title.as_str().into()),
            ],
        ),
        page,
        &footer,
        match pack.language_chosen {
            true => Language::from(c.lang()),
            false => Language::of(texts(pack)),
        },
        {
            // The reports' style (cards, the map, pills, ruled lines), then
            // the pack's own.
            let mut css = document::style(&env, Some("style.css"), page)?;
            let ctx = context! { paper => page.paper.css(), large => page.large_print };
            css.push('\n');
            css.push_str(&env.get_template("pack.css")?.render(ctx)?);
            css
        },
    );
    env.get_template("pack.html")?.render(context! {
        document => Serde(&doc),
        pack => Serde(pack),
    })
}

/// A built-in report template by name (the pack prints with the reports'
/// macros and style; "" for a name there is not).
fn builtin(name: &str) -> &'static str {
    crate::render::templates::BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

/// A status word with a capital ("Open", "Deferred").
/// The default file name of a pack, in the report folder.
pub fn file_name(session: &Session, ext: &str) -> String {
    format!("session-{}.{ext}", session.name)
}

/// How to write a pack.
#[derive(Debug, Clone, Default)]
pub struct Job {
    /// Markdown instead of HTML.
    pub markdown: bool,
    /// Print the HTML to PDF.
    pub pdf: bool,
    /// The browser to print with (else `$COVALUE_BROWSER`, then PATH).
    pub browser: Option<std::path::PathBuf>,
    /// Where to write (else `out/session-NAME.EXT` in the workbook).
    pub output: Option<std::path::PathBuf>,
    /// Paper size and large print.
    pub page: PageArgs,
    /// `--lang`: the pack's language, over the workbook's.
    pub lang: Option<Lang>,
}

/// Makes the pack of `session` and writes it atomically, into the
/// workbook's report folder or where `job` says (never onto a link, a
/// folder or elsewhere in the workbook); the path written.
pub fn write(
    workbook: &Workbook<'_>,
    sessions: &[Session],
    session: &Session,
    job: &Job,
) -> Result<std::path::PathBuf, crate::render::RenderError> {
    use crate::render::RenderError;
    if job.pdf && job.markdown {
        return Err(RenderError::PdfOfMarkdown);
    }
    let ext = match (job.pdf, job.markdown) {
        (true, _) => "pdf",
        (false, true) => "md",
        (false, false) => "html",
    };
    let default = file_name(session, ext);
    let output = Output::prepare(
        job.output.as_deref(),
        &workbook.root,
        default,
        job.pdf.then_some(job.browser.as_deref()),
    )?;
    let built = build(workbook, sessions, session, job.page, job.lang);
    let conflicts = built.populations.iter().flat_map(|p| &p.conflicts);
    if let Some(conflicts) = RenderError::conflicts(workbook.findings.iter().chain(conflicts)) {
        return Err(conflicts);
    }
    let text = match job.markdown {
        true => markdown_text(&built),
        false => html(&built, job.page).map_err(|e| template_error("pack.html", &e))?,
    };
    output.write(text)
}

/// A built-in pack template that failed, as the render layer reports it.
pub(crate) fn template_error(
    name: &str,
    e: &minijinja::Error,
) -> crate::render::templates::TemplateError {
    crate::render::templates::TemplateError {
        name: name.into(),
        file: None,
        message: e.to_string(),
        limit: false,
    }
}

/// Where a pack goes (the team's or the community's): the path asked for
/// or the report folder's default, checked by the report rule (never onto a
/// link, a folder or elsewhere in the folder), and the browser that prints
/// it to PDF when one is asked for.
pub(crate) struct Output {
    out: std::path::PathBuf,
    shown: String,
    target: std::path::PathBuf,
    browser: Option<std::path::PathBuf>,
}

impl Output {
    /// `pdf` is `Some(the --browser given)` for a PDF, `None` for a page.
    pub(crate) fn prepare(
        asked: Option<&std::path::Path>,
        root: &std::path::Path,
        default: String,
        pdf: Option<Option<&std::path::Path>>,
    ) -> Result<Output, crate::render::RenderError> {
        use crate::render::{RenderError, pdf as print};
        let out = asked.map_or_else(
            || root.join(crate::confine::REPORT_DIR).join(&default),
            std::path::Path::to_path_buf,
        );
        let shown = out.display().to_string();
        let target = crate::confine::report_target(&out, Some(root)).map_err(|why| {
            RenderError::Refused {
                path: shown.clone(),
                why,
                default,
            }
        })?;
        let browser = match pdf {
            Some(chosen) => Some(print::find_browser(
                chosen,
                std::env::var_os(print::BROWSER_ENV),
            )?),
            None => None,
        };
        Ok(Output {
            out,
            shown,
            target,
            browser,
        })
    }

    /// Prints `text` to PDF when asked, and writes it atomically; the path
    /// written, as asked for.
    pub(crate) fn write(
        self,
        text: String,
    ) -> Result<std::path::PathBuf, crate::render::RenderError> {
        use crate::render::{RenderError, pdf as print};
        let bytes = match &self.browser {
            Some(browser) => print::print(browser, text.as_bytes())?,
            None => text.into_bytes(),
        };
        let failed = |source| RenderError::Write {
            path: self.shown.clone(),
            source,
        };
        if let Some(dir) = self.target.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        crate::fsutil::write_atomic(&self.target, &bytes).map_err(failed)?;
        Ok(self.out)
    }
}
