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
use crate::guide::Section;
use crate::render::document::{self, Document, Footer, Language, PageArgs};
use crate::render::markdown;
use crate::workbook::{Session, Status, Workbook};

/// The page template.
const TEMPLATE: &str = include_str!("templates/pack.html");
/// Its style sheet.
const CSS: &str = include_str!("templates/pack.css");
/// Rows of the attendance sheet, at least.
const ATTENDANCE_ROWS: usize = 12;

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
        .filter(|s| s.name != session.name && s.revision.is_some())
        .rfind(|s| match (s.date, session.date) {
            (Some(a), Some(b)) => a < b,
            _ => s.name < session.name,
        })
}

#[derive(Serialize)]
struct Question {
    id: String,
    text: String,
    help: Option<String>,
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
}

#[derive(Serialize)]
struct PopView {
    slug: String,
    name: String,
    steps: Vec<PopStep>,
    charts: Vec<Chart>,
    /// The merge conflicts met in the population's files.
    #[serde(skip)]
    conflicts: Vec<crate::finding::Finding>,
}

#[derive(Serialize)]
struct ActionView {
    what: String,
    owner: Option<String>,
    due: Option<String>,
    session: String,
}

#[derive(Serialize)]
struct Row {
    name: String,
    role: String,
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
    attendance: Vec<Row>,
    /// The footer's line of provenance: the commit and the date printed.
    printed: String,
}

/// Gathers the pack of `session`.
pub fn build(workbook: &Workbook<'_>, sessions: &[Session], session: &Session) -> Pack {
    let guide = &workbook.guide;
    let focus: Vec<&Section> = session
        .focus
        .iter()
        .filter_map(|f| guide.all_sections().find(|s| s.id == f.name))
        .collect();
    let question = |q: &crate::guide::Question| Question {
        id: q.id.clone(),
        text: q.text.clone(),
        help: q.help.clone(),
    };
    let agenda = focus
        .iter()
        .map(|s| Step {
            id: s.id.clone(),
            title: s.heading(),
            questions: s.questions.iter().map(question).collect(),
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
    let populations = workbook.map_populations(&slugs, |population| PopView {
        charts: population
            .compass
            .iter()
            .flat_map(|c| &c.measures)
            .filter_map(|m| {
                let svg = crate::render::chart::run_chart(
                    &format!("{}-run-{}", population.slug, m.id),
                    m,
                    crate::render::svg::Scale::NORMAL,
                )?;
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
                })
            })
            .collect(),
        conflicts: population
            .findings
            .iter()
            .filter(|f| f.code == crate::finding::Code::CV045)
            .cloned()
            .collect(),
        slug: population.slug.clone(),
        name: population.name().to_string(),
        steps: focus
            .iter()
            .map(|section| {
                let mut open = Vec::new();
                let mut answers = Vec::new();
                for q in &section.questions {
                    let status = population.status(section, q);
                    if status == Status::Open {
                        open.push(question(q));
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
            .collect(),
    });
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
                due: a.due.map(date::format),
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
            };
            let commit = document::short_commit(&rev);
            since = Some(match (from.name == session.name, from.date) {
                (true, _) => format!("the commit this session's record was made at ({commit})"),
                (false, Some(date)) => {
                    format!("the last session ({}, commit {commit})", date::format(date))
                }
                (false, None) => format!("the last session ({}, commit {commit})", from.name),
            });
            match diff::diff(&old, &new, &options) {
                Ok(report) if report.changed() => {
                    let mut md = Vec::new();
                    if diff::markdown::write(&mut md, &report).is_ok() {
                        let md = String::from_utf8_lossy(&md);
                        // Its title, its line of versions and its closing
                        // count (which names the commits) are the section's own.
                        let body = md.splitn(3, "\n\n").nth(2).unwrap_or(&md);
                        let body = body.rsplit_once("\n---\n").map_or(body, |(b, _)| b);
                        changes_html = Some(markdown::to_html(body, 1));
                        changes_md = Some(markdown::to_markdown(body, 1));
                    }
                }
                Ok(_) => no_changes_because = Some("Nothing has changed since then.".to_string()),
                Err(err) => {
                    no_changes_because = Some(format!("The changes cannot be shown: {err}."))
                }
            }
        }
        None => {
            no_changes_because = Some(
                "No earlier session records a commit, so there is nothing to compare with yet."
                    .to_string(),
            )
        }
    }
    let mut attendance: Vec<Row> = session
        .attendees
        .iter()
        .map(|a| Row {
            name: a.name.clone(),
            role: a.role.clone(),
        })
        .collect();
    while attendance.len() < ATTENDANCE_ROWS {
        attendance.push(Row {
            name: String::new(),
            role: String::new(),
        });
    }
    Pack {
        title: workbook.config.title.clone(),
        organisation: workbook.config.organisation.clone(),
        name: session.name.clone(),
        date: session.date.map(date::format),
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
        attendance,
        printed: document::printed(
            crate::git::revision(&workbook.root)
                .map(|r| r.describe())
                .as_deref(),
            date::today(),
        ),
    }
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
    let env = document::environment(&[("pack.html", TEMPLATE), ("pack.css", CSS)])?;
    let when = pack.date.as_deref().unwrap_or(&pack.name);
    let footer = Footer::new(&pack.title)
        .and(&format!("session {when}"))
        .line(pack.printed.clone());
    let doc = Document::new(
        "pack",
        format!("Session {when} · {}", pack.title),
        page,
        &footer,
        Language::of(texts(pack)),
        document::style(&env, Some("pack.css"), page)?,
    );
    env.get_template("pack.html")?.render(context! {
        document => Serde(&doc),
        pack => Serde(pack),
    })
}

/// A status word with a capital ("Open", "Deferred").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The pack as Markdown.
pub fn markdown_text(pack: &Pack) -> String {
    use std::fmt::Write;
    let esc = crate::escape::markdown;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Session {} · {}\n",
        pack.date.as_deref().unwrap_or(""),
        esc(&pack.title)
    );
    if let Some(t) = &pack.session_title {
        let _ = writeln!(s, "{}\n", esc(t));
    }
    let _ = writeln!(s, "## Agenda\n");
    for step in &pack.agenda {
        let _ = writeln!(s, "- **{}**", esc(&step.title));
        for q in &step.questions {
            let _ = writeln!(s, "  - {} `{{#{}}}`", esc(&q.text), q.id);
        }
    }
    let _ = writeln!(s, "\n## What changed since the last session\n");
    if let Some(since) = &pack.since {
        let _ = writeln!(s, "Since {}.\n", esc(since));
    }
    match (&pack.changes_md, &pack.no_changes_because) {
        (Some(md), _) => {
            s.push_str(md.trim_end());
            s.push('\n');
        }
        (None, Some(why)) => {
            let _ = writeln!(s, "{why}");
        }
        _ => {}
    }
    let _ = writeln!(s, "\n## Open items\n");
    for p in &pack.populations {
        for step in &p.steps {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            if step.open.is_empty() {
                let _ = writeln!(s, "Nothing open.\n");
            }
            for q in &step.open {
                let _ = writeln!(s, "- {} `{{#{}}}` (owner ____ by ____)", esc(&q.text), q.id);
            }
            s.push('\n');
        }
    }
    if !pack.earlier_actions.is_empty() {
        let _ = writeln!(s, "### Actions still open from earlier sessions\n");
        for a in &pack.earlier_actions {
            let _ = writeln!(
                s,
                "- {} ({}, due {}; session {})",
                esc(&a.what),
                esc(a.owner.as_deref().unwrap_or("no owner")),
                a.due.as_deref().unwrap_or("no date"),
                a.session
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Current answers\n");
    for p in &pack.populations {
        for step in &p.steps {
            let _ = writeln!(s, "### {} · {}\n", esc(&p.name), esc(&step.title));
            for a in &step.answers {
                let _ = writeln!(s, "#### {} `{{#{}}}`\n", esc(&a.text), a.id);
                if a.markdown.trim().is_empty() && a.parts.is_empty() {
                    let _ = writeln!(s, "_{}._\n", capitalised(a.status));
                } else if !a.markdown.trim().is_empty() {
                    let _ = writeln!(s, "{}\n", a.markdown.trim_end());
                }
                for part in &a.parts {
                    let _ = writeln!(s, "##### {} `{{#{}}}`\n", esc(&part.name), part.slug);
                    let _ = writeln!(s, "{}\n", part.markdown.trim_end());
                }
            }
        }
    }
    let _ = writeln!(
        s,
        "## Attendance\n\n| name | role | signature |\n|---|---|---|"
    );
    for r in &pack.attendance {
        let _ = writeln!(s, "| {} | {} | |", esc(&r.name), esc(&r.role));
    }
    s
}

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
    use crate::render::{RenderError, pdf as print};
    if job.pdf && job.markdown {
        return Err(RenderError::PdfOfMarkdown);
    }
    let ext = match (job.pdf, job.markdown) {
        (true, _) => "pdf",
        (false, true) => "md",
        (false, false) => "html",
    };
    let default = file_name(session, ext);
    let out = job.output.clone().unwrap_or_else(|| {
        workbook
            .root
            .join(crate::confine::REPORT_DIR)
            .join(&default)
    });
    let shown = out.display().to_string();
    let target = crate::confine::report_target(&out, Some(&workbook.root)).map_err(|why| {
        RenderError::Refused {
            path: shown.clone(),
            why,
            default: default.clone(),
        }
    })?;
    let browser = match job.pdf {
        true => Some(print::find_browser(
            job.browser.as_deref(),
            std::env::var_os(print::BROWSER_ENV),
        )?),
        false => None,
    };
    let built = build(workbook, sessions, session);
    let conflicts = built.populations.iter().flat_map(|p| &p.conflicts);
    if let Some(conflicts) = RenderError::conflicts(workbook.findings.iter().chain(conflicts)) {
        return Err(conflicts);
    }
    let text = match job.markdown {
        true => markdown_text(&built),
        false => html(&built, job.page).map_err(|e| crate::render::templates::TemplateError {
            name: "pack.html".into(),
            file: None,
            message: e.to_string(),
            limit: false,
        })?,
    };
    let bytes = match &browser {
        Some(browser) => print::print(browser, text.as_bytes())?,
        None => text.into_bytes(),
    };
    let failed = |source| RenderError::Write {
        path: shown.clone(),
        source,
    };
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    crate::fsutil::write_atomic(&target, &bytes).map_err(failed)?;
    Ok(out)
}
