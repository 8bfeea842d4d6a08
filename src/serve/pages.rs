//! The pages of `covalue serve`: the populations, a population, a step or
//! the short form, the check, the printed report, and the stylesheets; the
//! routing of GET and POST; and what every page needs (the templates,
//! embedded at build time, the workbook read afresh through the usual
//! loader on each request, reading and writing files through the
//! workbook's jail). Pages are built from the same views as the reports
//! (`render::model`). The forms are in `forms.rs`.

use std::path::{Path, PathBuf};

use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::Reply;
use super::auth::{field, percent_encode};
use super::records::Kind;
use crate::confine::Jail;
use crate::finding::{Finding, Severity};
use crate::guide::{Form, Guide};
use crate::render::{self, Flavor, Paper};
use crate::source::ReadError;
use crate::workbook::{self, Loader, Population, Workbook, layout};

const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("index.html", include_str!("templates/index.html")),
    ("population.html", include_str!("templates/population.html")),
    ("section.html", include_str!("templates/section.html")),
    ("question.html", include_str!("templates/question.html")),
    ("conflict.html", include_str!("templates/conflict.html")),
    ("check.html", include_str!("templates/check.html")),
    ("plain.html", include_str!("templates/plain.html")),
];

/// The serve stylesheet, after the report's.
const SERVE_CSS: &str = include_str!("templates/serve.css");

/// The templates, with HTML escaping everywhere; a field a template names
/// that the page lacks is an error (`UndefinedBehavior::Strict`), as in every
/// document's templates.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("urlencode", |text: String| percent_encode(&text));
    let _ = env.add_template("document.html", render::document::TEMPLATE);
    for (name, text) in TEMPLATES.iter().chain(super::records::TEMPLATES) {
        // The templates are ours and tested; one that does not compile shows as an error page.
        let _ = env.add_template(name, text);
    }
    env
}

/// The document engine's part of a served page: its language and direction,
/// judged from the page's title (the workbook's).
fn served(title: &str) -> Value {
    let doc = render::document::Document::new(
        "serve",
        title.to_string(),
        render::PageArgs::default(),
        &render::document::Footer::new(title),
        render::document::Language::of([title]),
        String::new(),
    );
    Value::from(minijinja::value::Serde(&doc))
}

/// A page with a title and one line of help (refusals, errors).
pub(crate) fn plain_page(title: &str, help: &str) -> String {
    environment()
        .get_template("plain.html")
        .and_then(|t| {
            t.render(context! {
                document => served(title),
                page => context! { title => title },
                title => title,
                help => help,
                css => false,
            })
        })
        .unwrap_or_else(|_| {
            format!(
                "{} {}",
                crate::escape::html(title),
                crate::escape::html(help)
            )
        })
}

/// The workbook served, and the templates.
pub(crate) struct Site {
    pub(super) root: PathBuf,
    session: Option<String>,
    env: Environment<'static>,
}

/// What one request sees of the workbook.
pub(super) struct Loaded {
    pub(super) workbook: Workbook<'static>,
}

/// A problem of `check`, as shown.
#[derive(Debug, Serialize)]
struct Problem {
    code: String,
    severity: &'static str,
    message: String,
    place: String,
    help: Option<String>,
}

fn problem(f: &Finding) -> Problem {
    let place = match (&f.file, f.line) {
        (Some(file), Some(line)) => format!("{file}:{line}"),
        (Some(file), None) => file.clone(),
        _ => String::new(),
    };
    Problem {
        code: format!("{:?}", f.code),
        severity: match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "note",
        },
        message: f.message.clone(),
        place,
        help: f.help.clone(),
    }
}

impl Site {
    pub(crate) fn new(root: PathBuf, session: Option<String>) -> Site {
        Site {
            root,
            session,
            env: environment(),
        }
    }

    pub(crate) fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }

    pub(super) fn load(&self) -> Result<Loaded, Reply> {
        Workbook::open(Loader::disk(&self.root))
            .map(|workbook| Loaded { workbook })
            .map_err(|e| {
                error_page(
                    500,
                    "The workbook cannot be read",
                    &crate::diagnose::message(&e),
                )
            })
    }

    pub(super) fn page(&self, status: u16, name: &str, ctx: Value) -> Reply {
        let title = ctx
            .get_attr("title")
            .ok()
            .and_then(|t| t.as_str().map(str::to_string))
            .unwrap_or_default();
        let base = context! { document => served(&title), page => ctx, css => true };
        match self.env.get_template(name).and_then(|t| t.render(base)) {
            Ok(html) => Reply::html(status, html),
            Err(e) => error_page(500, "This page cannot be shown", &e.to_string()),
        }
    }

    pub(super) fn read(&self, file: &str) -> Result<Option<Vec<u8>>, Reply> {
        let jail = Jail::new(&self.root)
            .map_err(|e| error_page(500, "The workbook cannot be read", &e.to_string()))?;
        match jail.read(&self.root.join(file)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ReadError::Missing) => Ok(None),
            Err(e) => Err(error_page(
                500,
                &format!("{file} cannot be read"),
                &e.describe(),
            )),
        }
    }

    /// Writes a workbook file atomically, inside the workbook: an existing
    /// file where it really is (a link inside the workbook stays a link),
    /// a new one through the jail's write path.
    pub(super) fn write(&self, file: &str, text: &str) -> Result<(), Reply> {
        let failed = |why: String| error_page(500, &format!("{file} cannot be written"), &why);
        let jail = Jail::new(&self.root).map_err(|e| failed(e.to_string()))?;
        match jail.resolve(&self.root.join(file)) {
            Ok(real) if real.is_file() => crate::fsutil::write_atomic(&real, text.as_bytes())
                .map_err(|e| failed(e.to_string())),
            Ok(_) => Err(failed("it is not a regular file".into())),
            Err(ReadError::Missing) => crate::session::import::write(&self.root, file, text)
                .map_err(|e| failed(e.to_string())),
            Err(e) => Err(failed(e.describe())),
        }
    }

    /// The session record in use: the one named, else the newest.
    pub(super) fn session_record(&self, workbook: &Workbook<'_>) -> Option<workbook::Session> {
        let (mut sessions, _) = workbook.sessions();
        match &self.session {
            Some(file) => sessions.into_iter().find(|s| &s.file == file),
            // Without --session: the newest record, when it is today's
            // (an old session's record is not written to).
            None => {
                sessions.sort_by(|a, b| (a.date, &a.name).cmp(&(b.date, &b.name)));
                sessions
                    .pop()
                    .filter(|s| s.date == Some(crate::date::today()))
            }
        }
    }

    /// Answers a GET.
    pub(crate) fn get(&self, path: &[&str], query: &[(String, String)], csrf: &str) -> Reply {
        match path {
            ["static", "style.css"] => Reply::css(report_css()),
            ["static", "serve.css"] => Reply::css(SERVE_CSS.to_string()),
            [] => self.index(),
            ["check"] => self.check_page(),
            ["p", pop] => self.population(pop),
            ["p", pop, "s", section] => self.section(pop, section, query),
            ["p", pop, "q", question] => {
                self.question_page(pop, question, csrf, field(query, "saved"), None)
            }
            ["p", pop, "improvements"] => self.improvements(pop),
            ["p", pop, "about"] => self.record(pop, Kind::Population, Some(""), csrf),
            ["session", name] => self.record(name, Kind::Session, Some(""), csrf),
            ["p", pop, "new", kind] => match Kind::parse(kind) {
                Some(kind) => self.record(pop, kind, None, csrf),
                None => not_found(),
            },
            ["p", pop, kind, id] => match Kind::parse(kind) {
                Some(kind) => self.record(pop, kind, Some(id), csrf),
                None => not_found(),
            },
            ["print", pop, form] => self.print(pop, form),
            _ => not_found(),
        }
    }

    /// Answers a POST (the CSRF token is already checked).
    pub(crate) fn post(&self, path: &[&str], form: &[(String, String)], csrf: &str) -> Reply {
        match path {
            ["p", pop, "q", question] => self.save_answer(pop, question, form, csrf),
            ["p", pop, "q", question, "part", persona] => {
                self.save_part(pop, question, persona, form, csrf)
            }
            ["p", pop, "about"] => self.save_record(pop, Kind::Population, "", form, csrf),
            ["session", name] => self.save_record(name, Kind::Session, "", form, csrf),
            ["p", pop, kind, id, "order"] => match Kind::parse(kind) {
                Some(kind) => self.arrange(pop, kind, id, form, csrf),
                None => not_found(),
            },
            ["p", pop, "new", kind] => match Kind::parse(kind) {
                Some(kind) => self.add_record(pop, kind, form, csrf),
                None => not_found(),
            },
            ["p", pop, kind, id] => match Kind::parse(kind) {
                Some(kind) => self.save_record(pop, kind, id, form, csrf),
                None => not_found(),
            },
            _ => not_found(),
        }
    }

    fn index(&self) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let report = check_report(&self.root, Vec::new());
        let populations: Vec<Value> = report
            .summary
            .iter()
            .map(|s| {
                context! {
                    slug => s.slug.clone(), href => pop_href(&s.slug), name => s.name.clone(), counts => ser(&s.counts),
                    percent => (s.counts.done() * 100).checked_div(s.counts.total).unwrap_or(0),
                }
            })
            .collect();
        let session = self.session_record(wb);
        self.page(
            200,
            "index.html",
            context! {
                title => title(wb), guide => format!("{} v{}", wb.guide.title, wb.guide.version),
                populations => populations,
                errors => count(&report.findings, Severity::Error),
                warnings => count(&report.findings, Severity::Warning),
                open => report.summary.iter().map(|s| s.counts.open).sum::<usize>(),
                session => session.map(|s| ser(&s)),
            },
        )
    }

    fn check_page(&self) -> Reply {
        let loaded = or_reply!(self.load());
        let report = check_report(&self.root, Vec::new());
        let problems = problems(&report, |_| true);
        self.page(
            200,
            "check.html",
            context! { title => title(&loaded.workbook), problems => ser(&problems) },
        )
    }

    pub(super) fn population_of(&self, wb: &Workbook<'_>, slug: &str) -> Result<Population, Reply> {
        if !wb.slugs.iter().any(|s| s == slug) {
            return Err(not_found());
        }
        wb.populations(&[slug.to_string()])
            .into_iter()
            .next()
            .ok_or_else(not_found)
    }

    fn population(&self, slug: &str) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let full = builder(&wb.guide, Form::Full).population(1, &pop);
        let report = check_report(&self.root, vec![slug.to_string()]);
        let problems = problems(&report, |_| true);
        let session = self.session_record(wb);
        let focus: Vec<String> = session
            .as_ref()
            .map(|s| s.focus.iter().map(|n| n.name.clone()).collect())
            .unwrap_or_default();
        // The short form first, then the steps: those in focus first.
        let mut sections: Vec<Value> = Vec::new();
        let summary = report.summary.first();
        let counts_of = |id: &str| {
            summary
                .and_then(|s| s.steps.iter().find(|st| st.id == id))
                .map(|st| ser(&st.counts))
        };
        let short = wb.guide.sections(Form::Short);
        let mut steps: Vec<_> = wb.guide.sections(Form::Full);
        steps.sort_by_key(|s| !focus.contains(&s.id));
        for s in short.iter().chain(steps.iter()) {
            sections.push(context! {
                id => s.id.clone(), heading => s.heading(), href => format!("{}/s/{}", pop_href(slug), percent_encode(&s.id)),
                focus => focus.contains(&s.id), counts => counts_of(&s.id),
                short => s.number == 0,
            });
        }
        let short_counts = check_report_form(wb, slug, Form::Short);
        self.page(
            200,
            "population.html",
            context! {
                title => title(wb), pop => ser(&full), href => pop_href(slug),
                sections => sections, problems => ser(&problems),
                counts => summary.map(|s| ser(&s.counts)),
                short_counts => short_counts,
                session => session.map(|s| ser(&s)),
            },
        )
    }

    fn section(&self, slug: &str, id: &str, query: &[(String, String)]) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let Some(section) = wb.guide.section(id) else {
            return not_found();
        };
        let form = if section.number == 0 {
            Form::Short
        } else {
            Form::Full
        };
        let view = builder(&wb.guide, form).population(1, &pop);
        let Some(sv) = view.sections.iter().find(|s| s.id == id) else {
            return not_found();
        };
        let report = check_report(&self.root, vec![slug.to_string()]);
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let problems = problems(&report, |f| f.file.as_deref() == Some(file.as_str()));
        let saved = field(query, "saved").map(str::to_string);
        let session_note = field(query, "session").map(str::to_string);
        self.page(
            200,
            "section.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                section => ser(sv), problems => ser(&problems), saved => saved,
                session_note => session_note,
                errors => count(&report.findings, Severity::Error),
                print => format!("/print/{}/{}", percent_encode(slug), form.as_str()),
                process_map => if id == "population" || section.questions.iter().any(|q| q.kind == crate::guide::QuestionKind::ProcessMap) { view.process_map.as_ref().map(ser) } else { None },
            },
        )
    }

    fn print(&self, slug: &str, form: &str) -> Reply {
        let Some(form) = Form::parse(form) else {
            return not_found();
        };
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let options = render::Options {
            form,
            flavor: Flavor::Html,
            paper: Paper::A4,
            title: title(wb),
            organisation: wb.config.organisation.clone(),
            today: crate::date::today(),
            revision: crate::git::revision(&self.root).map(|r| r.describe()),
            large_print: false,
            register: false,
        };
        // The built-in templates: a site's own are for `covalue render`.
        let templates = match render::Templates::load(None) {
            Ok(t) => t,
            Err(e) => return error_page(500, "The report cannot be made", &e.to_string()),
        };
        let mut out = Vec::new();
        let subject = render::Subject::Workbook(vec![&pop]);
        match render::render(&templates, &wb.guide, &subject, &options, &mut out, &|| {}) {
            Ok(_) => {
                let mut reply = Reply::html(200, String::from_utf8_lossy(&out).into_owned());
                // The report's own policy: its style is inline; still nothing runs or loads.
                reply.csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
                reply
            }
            Err(e) => error_page(
                500,
                "The report cannot be made",
                &crate::diagnose::message(&e),
            ),
        }
    }
}

pub(super) fn pop_href(slug: &str) -> String {
    format!("/p/{}", percent_encode(slug))
}

pub(super) fn title(wb: &Workbook<'_>) -> String {
    match wb.config.title.trim() {
        "" => wb.guide.title.clone(),
        t => t.to_string(),
    }
}

/// Whether a finding is a problem to fix (open questions are progress, shown by their status).
fn is_problem(f: &Finding) -> bool {
    f.kind == crate::finding::Kind::Problem
}

/// How many problems of a severity.
fn count(findings: &[Finding], severity: Severity) -> usize {
    findings
        .iter()
        .filter(|f| is_problem(f) && f.severity == severity)
        .count()
}

/// What `covalue check` reports on the workbook as it is on disk now,
/// privacy lint included.
fn check_report(root: &Path, populations: Vec<String>) -> crate::check::Report {
    let options = crate::check::Options {
        form: Form::Full,
        populations,
        today: crate::date::today(),
    };
    match Workbook::open(Loader::disk(root)) {
        Ok(wb) => crate::check::check_on_disk(root, wb, &options),
        Err(_) => crate::check::Report {
            form: Form::Full,
            findings: Vec::new(),
            summary: Vec::new(),
        },
    }
}

/// The problems of a report that `keep` keeps, as the pages show them.
fn problems(report: &crate::check::Report, keep: impl Fn(&Finding) -> bool) -> Vec<Problem> {
    report
        .findings
        .iter()
        .filter(|f| is_problem(f) && keep(f))
        .map(problem)
        .collect()
}

fn check_report_form(wb: &Workbook<'_>, slug: &str, form: Form) -> Option<Value> {
    let pop = wb.populations(&[slug.to_string()]).into_iter().next()?;
    let s = crate::check::summarise(&wb.guide, &pop, form);
    Some(ser(&s.counts))
}

pub(super) fn builder(guide: &Guide, form: Form) -> render::model::Builder<'_> {
    render::model::Builder {
        guide,
        form,
        flavor: Flavor::Html,
        today: crate::date::today(),
        footer_title: String::new(),
        footer_line: String::new(),
        scale: render::svg::Scale::NORMAL,
    }
}

/// The report stylesheet, for the screen.
/// The report's style as served: the document engine's base, then the
/// reports' own.
fn report_css() -> String {
    render::Templates::load(None)
        .and_then(|t| {
            let ctx = context! { paper => "A4", form => "full", blank => false, large => false };
            Ok(format!(
                "{}\n{}",
                t.render("base.css", ctx.clone())?,
                t.render("style.css", ctx)?
            ))
        })
        .unwrap_or_default()
}

pub(super) fn not_found() -> Reply {
    Reply::html(
        404,
        plain_page(
            "There is no such page",
            "Go back to the list of populations.",
        ),
    )
}

/// A page that says what went wrong. Below 500 the detail is for the room
/// (what to fix); from 500 on, the page says only its title (which names a
/// file by its place in the workbook, at most) and the detail, which may name
/// places on this computer, goes to the terminal running the server.
pub(super) fn error_page(status: u16, title: &str, detail: &str) -> Reply {
    if status < 500 {
        return Reply::html(status, plain_page(title, detail));
    }
    let mut reply = Reply::html(
        status,
        plain_page(
            title,
            "What went wrong is written in the window where `covalue serve` runs.",
        ),
    );
    reply.trouble = Some(format!("{title}: {detail}").into());
    reply
}

/// A value of the workbook's model, for a template.
pub(super) fn ser<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
