//! The pack for a community session, one document to print for the room:
//! a cover with the agenda, what changed at each site since the last
//! session (from the sites' fetched revisions in the cache), what is to be
//! presented, exemplars, the actions still open, and an attendance sheet
//! with room to write. HTML on the document engine's page (page setup,
//! footer, large print, language), printed to PDF by the same route as the
//! team's pack and the reports; every value escaped, no script. Every word
//! of covalue's own comes from the catalogue in the network's language
//! (`--lang`, else `language` of `network.toml`, else English).

use std::sync::Arc;

use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use super::Network;
use super::sessions::{self, Agenda};
use super::status::SiteStatus;
use crate::i18n::{Catalogue, Lang};
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

/// An answer or improvement the coordinator marks as an exemplar for the
/// others (`[[exemplars]]` of `network.toml`).
#[derive(Serialize)]
struct Exemplar {
    site: String,
    /// What it is, in words: "question X", "improvement Y".
    about: String,
    /// Why others could learn from it, in the coordinator's words.
    note: String,
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
    /// The session's date (YYYY-MM-DD; the template writes it in the
    /// page's language).
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
    /// The roles one may write on the attendance sheet, in words.
    roles: String,
    sites: Vec<String>,
    /// The footer's line of when the pack was made.
    made: String,
    /// The words of the pack's language.
    #[serde(skip)]
    catalogue: Arc<Catalogue>,
    /// Whether a language was chosen (`--lang` or `language` of
    /// `network.toml`); else the page's direction is judged from its names.
    #[serde(skip)]
    language_chosen: bool,
}

/// The words for a kind of session, in the pack's language.
fn kind_words(kind: Option<&str>, c: &Catalogue) -> String {
    let id = match kind {
        Some("webinar") => "cpack-kind-webinar",
        Some("in-person") => "cpack-kind-in-person",
        Some("coaching-call") => "cpack-kind-coaching-call",
        Some("workshop") => "cpack-kind-workshop",
        Some("other") | None => "cpack-kind-other",
        // A kind the record's check refuses: shown as written.
        Some(other) => return other.to_string(),
    };
    c.text(id, &[])
}

/// What a presentation or an exemplar is about: "question X, improvement Y".
fn about(question: Option<&str>, improvement: Option<&str>, c: &Catalogue) -> String {
    match (question, improvement) {
        (Some(q), Some(i)) => c.text(
            "cpack-about-both",
            &[("question", q.into()), ("improvement", i.into())],
        ),
        (Some(q), None) => c.text("cpack-about-question", &[("question", q.into())]),
        (None, Some(i)) => c.text("cpack-about-improvement", &[("improvement", i.into())]),
        (None, None) => String::new(),
    }
}

/// A role's name in the pack's language: "Coordinator", else as every page
/// names a role (the site wording, the built-in guide's title in the pack's
/// language, the catalogue's name, the id).
fn role_name(id: &str, guide: Option<&crate::guide::Guide>, c: &Catalogue) -> String {
    if id == crate::spec::COORDINATOR {
        return c.text("cpack-role-coordinator", &[]);
    }
    match guide {
        Some(guide) => crate::render::model::team_role(guide, c, id),
        None => id.to_string(),
    }
}

fn build(
    net: &Network,
    sessions: &[Session],
    session: &Session,
    statuses: &[SiteStatus],
    lang: Option<Lang>,
) -> Pack {
    let language_chosen = lang.is_some() || net.language.is_some();
    let lang = net.lang(lang);
    let catalogue = Arc::new(Catalogue::builtin(lang));
    let c = &*catalogue;
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
    // Roles by the built-in guide's titles in the pack's language, and
    // "Coordinator".
    let guide =
        crate::guide::Guide::builtin_for(c.lang().guide_tag().unwrap_or("en")).and_then(Result::ok);
    let roles = guide
        .iter()
        .flat_map(|g| g.roles.iter())
        .map(|r| role_name(&r.id, guide.as_ref(), c))
        .chain(std::iter::once(c.text("cpack-role-coordinator", &[])))
        .collect::<Vec<_>>()
        .join(", ");
    let mut attendance: Vec<Row> = session
        .attendees
        .iter()
        .map(|a| Row {
            name: a.name.clone(),
            role: role_name(&a.role, guide.as_ref(), c),
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
        kind: kind_words(session.kind.as_deref(), c),
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
                about: about(p.question.as_deref(), p.improvement.as_deref(), c),
                note: p.note.clone().unwrap_or_default(),
            })
            .collect(),
        exemplars: net
            .exemplars
            .iter()
            .map(|e| Exemplar {
                site: e.site.clone(),
                about: about(e.question.as_deref(), e.improvement.as_deref(), c),
                note: e.note.clone().unwrap_or_default(),
            })
            .collect(),
        decisions: session.decisions.clone(),
        actions,
        attendance,
        roles,
        sites: net.sites.iter().map(|s| s.name.clone()).collect(),
        made: c.text(
            "cpack-made",
            &[("date", lang.date(crate::date::today()).into())],
        ),
        catalogue: catalogue.clone(),
        language_chosen,
    }
}

/// The pack as one self-contained HTML page.
fn html(pack: &Pack, page: PageArgs) -> Result<String, minijinja::Error> {
    let mut env = document::environment(&[
        ("community-pack.html", TEMPLATE),
        ("community-pack.css", CSS),
    ])?;
    crate::i18n::template::install(&mut env, pack.catalogue.clone());
    let c = &pack.catalogue;
    let lang = c.lang();
    let when = match pack.date.as_deref().and_then(crate::date::parse_date) {
        Some(day) => lang.date(day),
        None => pack.name.clone(),
    };
    let footer = Footer::new(&pack.network)
        .and(&c.text(
            "cpack-footer-session",
            &[
                ("kind", pack.kind.as_str().into()),
                ("date", when.as_str().into()),
            ],
        ))
        .line(pack.made.clone());
    let texts = std::iter::once(pack.network.as_str()).chain(pack.title.as_deref());
    let doc = Document::new(
        "community-pack",
        c.text(
            "cpack-page-title",
            &[
                ("kind", pack.kind.as_str().into()),
                ("date", when.as_str().into()),
                ("network", pack.network.as_str().into()),
            ],
        ),
        page,
        &footer,
        match pack.language_chosen {
            true => Language::from(lang),
            false => Language::of(texts),
        },
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
    /// `--lang`: the pack's language, over `language` of `network.toml`.
    pub lang: Option<Lang>,
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
    let pack = build(net, sessions, session, statuses, job.lang);
    let text = html(&pack, job.page)
        .map_err(|e| crate::session::pack::template_error("community-pack.html", &e))?;
    output.write(text)
}
