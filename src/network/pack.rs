//! The pack for a community session, one document to print for the room:
//! a cover with the agenda, what changed at each site since the last
//! session (from the sites' fetched revisions in the cache), what is to be
//! presented, exemplars, the actions still open, and an attendance sheet
//! with room to write. HTML on the document engine's page (page setup,
//! footer, large print, language), printed to PDF by the same route as the
//! team's pack and the reports; every value escaped, no script.

use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use super::Network;
use super::sessions::{self, Agenda};
use super::status::SiteStatus;
use crate::render::RenderError;
use crate::render::document::{self, Document, Footer, Language, PageArgs};
use crate::workbook::Session;

/// The page template and its style.
const TEMPLATE: &str = include_str!("templates/community-pack.html");
const CSS: &str = include_str!("templates/community-pack.css");
/// Blank rows of the attendance sheet, besides one per expected person.
const BLANK_ROWS: usize = 6;

/// Something a site presents, as the pack shows it.
#[derive(Serialize)]
struct Talk {
    site: String,
    title: String,
    about: String,
    note: String,
}

/// An answer or improvement marked as an exemplar for others. None are
/// marked yet: when `network.toml` gains exemplars, the report's model
/// fills this list and the pack shows them by question.
#[derive(Serialize)]
struct Exemplar {
    site: String,
    question: String,
    title: String,
}

/// One row of the attendance sheet.
#[derive(Serialize)]
struct Row {
    name: String,
    role: String,
    site: String,
}

/// What the pack shows.
#[derive(Serialize)]
struct Pack {
    network: String,
    name: String,
    date: Option<String>,
    kind: String,
    title: Option<String>,
    facilitator: Option<String>,
    note_taker: Option<String>,
    agenda: Agenda,
    talks: Vec<Talk>,
    exemplars: Vec<Exemplar>,
    decisions: Vec<String>,
    actions: Vec<sessions::OpenAction>,
    attendance: Vec<Row>,
    sites: Vec<String>,
    made: String,
}

/// The words for a kind of session.
fn kind_words(kind: Option<&str>) -> String {
    match kind {
        Some("webinar") => "Webinar",
        Some("in-person") => "In-person meeting",
        Some("coaching-call") => "Coaching call",
        Some("workshop") => "Workshop",
        Some("other") | None => "Community session",
        Some(other) => other,
    }
    .to_string()
}

fn build(net: &Network, sessions: &[Session], session: &Session, statuses: &[SiteStatus]) -> Pack {
    let day = session.date.unwrap_or_else(crate::date::today);
    let agenda = sessions::agenda(sessions, statuses, day, &session.name);
    // This session's own actions are listed with the earlier ones.
    let mut actions = agenda.actions.clone();
    actions.extend(
        session
            .actions
            .iter()
            .filter(|a| !a.done)
            .map(|a| sessions::OpenAction {
                session: session.name.clone(),
                what: a.what.clone(),
                owner: a.owner.clone(),
                due: a.due.map(crate::date::format),
                overdue: a.due.is_some_and(|d| d < crate::date::today()),
            }),
    );
    // Roles by the built-in guide's names (and "Coordinator").
    let roles: Vec<(String, String)> = crate::guide::Guide::builtin()
        .map(|g| {
            g.roles
                .iter()
                .map(|r| (r.id.clone(), r.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    let role_name = |id: &str| match roles.iter().find(|(r, _)| r == id) {
        Some((_, title)) => title.clone(),
        None if id == crate::spec::COORDINATOR => "Coordinator".to_string(),
        None => id.to_string(),
    };
    let mut attendance: Vec<Row> = session
        .attendees
        .iter()
        .map(|a| Row {
            name: a.name.clone(),
            role: role_name(&a.role),
            site: a.site.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
        })
        .collect();
    // A row for each site no one is expected from yet, then blank rows.
    for site in &net.sites {
        if !attendance.iter().any(|r| r.site == site.name) {
            attendance.push(Row {
                name: String::new(),
                role: String::new(),
                site: site.name.clone(),
            });
        }
    }
    attendance.extend((0..BLANK_ROWS).map(|_| Row {
        name: String::new(),
        role: String::new(),
        site: String::new(),
    }));
    Pack {
        network: net.name.clone(),
        name: session.name.clone(),
        date: session.date.map(crate::date::format),
        kind: kind_words(session.kind.as_deref()),
        title: session.title.clone(),
        facilitator: session.facilitator.clone().filter(|f| !f.is_empty()),
        note_taker: session.note_taker.clone().filter(|f| !f.is_empty()),
        agenda,
        talks: session
            .presented
            .iter()
            .map(|p| Talk {
                site: p.site.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
                title: p.title.clone(),
                about: match (&p.question, &p.improvement) {
                    (Some(q), Some(i)) => format!("question {q}, improvement {i}"),
                    (Some(q), None) => format!("question {q}"),
                    (None, Some(i)) => format!("improvement {i}"),
                    (None, None) => String::new(),
                },
                note: p.note.clone().unwrap_or_default(),
            })
            .collect(),
        exemplars: Vec::new(),
        decisions: session.decisions.clone(),
        actions,
        attendance,
        sites: net.sites.iter().map(|s| s.name.clone()).collect(),
        made: crate::date::format(crate::date::today()),
    }
}

/// The pack as one self-contained HTML page.
fn html(pack: &Pack, page: PageArgs) -> Result<String, minijinja::Error> {
    let env = document::environment(&[
        ("community-pack.html", TEMPLATE),
        ("community-pack.css", CSS),
    ])?;
    let when = pack.date.as_deref().unwrap_or(&pack.name);
    let footer = Footer::new(&pack.network)
        .and(&format!("{} {when}", pack.kind.to_lowercase()))
        .line(format!("made {} from the revisions fetched", pack.made));
    let texts = std::iter::once(pack.network.as_str()).chain(pack.title.as_deref());
    let doc = Document::new(
        "community-pack",
        format!("{} {when} · {}", pack.kind, pack.network),
        page,
        &footer,
        Language::of(texts),
        document::style(&env, Some("community-pack.css"), page)?,
    );
    env.get_template("community-pack.html")?
        .render(context! { document => Serde(&doc), pack => Serde(pack) })
}

/// How to write a pack.
#[derive(Debug, Clone, Default)]
pub struct Job {
    /// Print the HTML to PDF.
    pub pdf: bool,
    /// The browser to print with (else `$COVALUE_BROWSER`, then PATH).
    pub browser: Option<std::path::PathBuf>,
    /// Where to write (else `out/community-NAME.EXT` in the network folder).
    pub output: Option<std::path::PathBuf>,
    /// Paper size and large print.
    pub page: PageArgs,
}

/// Makes the pack of `session` and writes it atomically into the network
/// folder's `out/` or where `job` says (never onto a link, a folder or
/// elsewhere in the network folder); the path written.
pub fn write(
    root: &std::path::Path,
    net: &Network,
    sessions: &[Session],
    session: &Session,
    statuses: &[SiteStatus],
    job: &Job,
) -> Result<std::path::PathBuf, RenderError> {
    let ext = if job.pdf { "pdf" } else { "html" };
    let default = format!("community-{}.{ext}", session.name);
    let output = crate::session::pack::Output::prepare(
        job.output.as_deref(),
        root,
        default,
        job.pdf.then_some(job.browser.as_deref()),
    )?;
    let pack = build(net, sessions, session, statuses);
    let text = html(&pack, job.page)
        .map_err(|e| crate::session::pack::template_error("community-pack.html", &e))?;
    output.write(text)
}
