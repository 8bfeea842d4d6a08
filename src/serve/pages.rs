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
use super::words::t;
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
    crate::i18n::template::register(&mut env);
    let _ = env.add_template("document.html", render::document::TEMPLATE);
    for (name, text) in TEMPLATES.iter().chain(super::records::TEMPLATES) {
        // The templates are ours and tested; one that does not compile shows as an error page.
        let _ = env.add_template(name, text);
    }
    env
}

/// The document engine's part of a served page: the language and
/// direction of the request's words ([`super::words`]).
fn served(title: &str, catalogue: &crate::i18n::Catalogue) -> Value {
    let doc = render::document::Document::new(
        "serve",
        title.to_string(),
        render::PageArgs::default(),
        &render::document::Footer::new(title),
        render::document::Language::from(catalogue.lang()),
        String::new(),
    );
    Value::from(minijinja::value::Serde(&doc))
}

/// A page with a title and one line of help (refusals, errors), in the
/// request's language, with the stylesheets and the workbook's name in
/// the top bar.
pub(crate) fn plain_page(title: &str, help: &str) -> String {
    let speaking = super::words::now();
    let name = match speaking.title.trim() {
        "" => "covalue".to_string(),
        name => name.to_string(),
    };
    environment()
        .get_template("plain.html")
        .and_then(|t| {
            t.render(context! {
                document => served(title, &speaking.catalogue),
                i18n => crate::i18n::template::value(speaking.catalogue.clone()),
                page => context! { title => name },
                title => title,
                help => help,
                css => true,
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
    /// `serve --lang`: the pages' language, over the workbook's.
    lang: Option<crate::i18n::Lang>,
    /// The address with its token, shown as a QR code on the home page
    /// (with `--host` only).
    pub(super) join: Option<String>,
}

/// What one request sees of the workbook.
pub(super) struct Loaded {
    pub(super) workbook: Workbook<'static>,
}

/// A finding of `covalue check`, as the served pages show it: every field
/// of `check --format json`, the place written as `file:line:col`, and the
/// question it is at, when it is at one.
#[derive(Debug, Serialize)]
pub(super) struct Shown {
    code: String,
    severity: &'static str,
    kind: &'static str,
    message: String,
    place: String,
    help: Option<String>,
    population: Option<String>,
    /// The id of the question the finding is at.
    question: Option<String>,
    /// The question's page.
    href: Option<String>,
}

fn shown(f: &Finding, question: Option<String>) -> Shown {
    let place = match (&f.file, f.line, f.column) {
        (Some(file), Some(line), Some(column)) => format!("{file}:{line}:{column}"),
        (Some(file), Some(line), None) => format!("{file}:{line}"),
        (Some(file), None, _) => file.clone(),
        _ => String::new(),
    };
    let href = match (&f.population, &question) {
        (Some(slug), Some(q)) => Some(format!("{}/q/{}", pop_href(slug), percent_encode(q))),
        _ => None,
    };
    Shown {
        code: f.code.to_string(),
        severity: f.severity.as_str(),
        kind: f.kind.as_str(),
        message: f.message.clone(),
        place,
        help: f.help.clone(),
        population: f.population.clone(),
        question,
        href,
    }
}

impl Site {
    pub(crate) fn new(
        root: PathBuf,
        session: Option<String>,
        lang: Option<crate::i18n::Lang>,
    ) -> Site {
        Site {
            root,
            session,
            lang,
            env: environment(),
            join: None,
        }
    }

    /// The workbook's root folder.
    pub(super) fn root(&self) -> &Path {
        &self.root
    }

    /// The language of the pages now (`--lang`, else the workbook's
    /// `language`, read afresh) and the workbook's name.
    pub(super) fn speaking(&self) -> super::words::Speaking {
        let config = Loader::disk(&self.root).config(&mut Vec::new());
        let lang = self.lang.unwrap_or(config.lang());
        super::words::Speaking {
            // covalue's words, with the site's own wording over them.
            catalogue: std::sync::Arc::new(crate::i18n::site::catalogue(Some(&self.root), lang)),
            title: config.title.trim().to_string(),
        }
    }

    pub(super) fn load(&self) -> Result<Loaded, Reply> {
        let cannot = |detail: String| {
            error_page(
                500,
                &super::words::t("serve-error-workbook-unreadable", &[]),
                &detail,
            )
        };
        let mut workbook = Workbook::open(Loader::disk(&self.root))
            .map_err(|e| cannot(crate::diagnose::message(&e)))?;
        // `--lang` over the workbook's language: the built-in guide in it.
        if let Some(lang) = self.lang.filter(|l| *l != workbook.config.lang()) {
            let guide = workbook.loader().guide_in(&workbook.config.guide, lang);
            workbook.guide = guide.map_err(|findings| {
                cannot(
                    findings
                        .iter()
                        .map(|f| f.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                )
            })?;
        }
        Ok(Loaded { workbook })
    }

    pub(super) fn page(&self, status: u16, name: &str, ctx: Value) -> Reply {
        let title = ctx
            .get_attr("title")
            .ok()
            .and_then(|t| t.as_str().map(str::to_string))
            .unwrap_or_default();
        let catalogue = super::words::catalogue();
        let base = context! {
            document => served(&title, &catalogue),
            i18n => crate::i18n::template::value(catalogue),
            page => ctx, css => true,
        };
        match self.env.get_template(name).and_then(|t| t.render(base)) {
            Ok(html) => Reply::html(status, html),
            Err(e) => error_page(500, &t("serve-error-page", &[]), &e.to_string()),
        }
    }

    pub(super) fn read(&self, file: &str) -> Result<Option<Vec<u8>>, Reply> {
        let jail = Jail::new(&self.root).map_err(|e| {
            error_page(
                500,
                &t("serve-error-workbook-unreadable", &[]),
                &e.to_string(),
            )
        })?;
        match jail.read(&self.root.join(file)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ReadError::Missing) => Ok(None),
            Err(e) => Err(error_page(
                500,
                &t("serve-error-file-unreadable", &[("file", file.into())]),
                &e.describe(),
            )),
        }
    }

    /// Writes a workbook file atomically, inside the workbook: an existing
    /// file where it really is (a link inside the workbook stays a link),
    /// a new one through the jail's write path.
    pub(super) fn write(&self, file: &str, text: &str) -> Result<(), Reply> {
        let failed = |why: String| {
            let title = t("serve-error-file-unwritable", &[("file", file.into())]);
            error_page(500, &title, &why)
        };
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

    /// Deletes a workbook file, inside the workbook: the path must resolve
    /// inside it, and a link is deleted itself, never what it points to.
    pub(super) fn delete(&self, file: &str) -> Result<(), Reply> {
        let failed = |why: String| {
            let title = t("serve-error-file-unremovable", &[("file", file.into())]);
            error_page(500, &title, &why)
        };
        let jail = Jail::new(&self.root).map_err(|e| failed(e.to_string()))?;
        let path = self.root.join(file);
        match jail.resolve(&path) {
            Ok(real) if real.is_file() => {
                std::fs::remove_file(&path).map_err(|e| failed(e.to_string()))
            }
            Ok(_) => Err(failed("it is not a regular file".into())),
            Err(e) => Err(failed(e.describe())),
        }
    }

    /// The session record in use: the one named, else the one `session
    /// pack` takes, whatever its date: the next (the first dated today or
    /// later), else the latest. It is looked for on each request, so a
    /// record made while serving (`covalue session new`) is taken from then on.
    pub(super) fn session_record(&self, workbook: &Workbook<'_>) -> Option<workbook::Session> {
        let (mut sessions, _) = workbook.sessions();
        match &self.session {
            Some(file) => sessions.into_iter().find(|s| &s.file == file),
            None => {
                sessions.sort_by(|a, b| (a.date, &a.name).cmp(&(b.date, &b.name)));
                crate::session::pack::pick(&sessions, None, crate::date::today()).cloned()
            }
        }
    }

    /// The file of the session record in use now, if any.
    pub(crate) fn session_in_use(&self) -> Option<String> {
        let loaded = self.load().ok()?;
        self.session_record(&loaded.workbook).map(|s| s.file)
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
            ["p", pop, "map"] => self.record(pop, Kind::Map, Some(""), csrf),
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
            ["p", pop, "map"] => self.save_record(pop, Kind::Map, "", form, csrf),
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
        let report = full_report(&self.root, Vec::new());
        // The problems as `/check` (and `covalue check`) counts them: on
        // the workbook's own form.
        let checked = check_report(&self.root, Vec::new());
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
        // The steps in focus by their headings in the guide's language.
        let focus: Vec<String> = session
            .as_ref()
            .map(|s| {
                s.focus
                    .iter()
                    .map(|f| {
                        wb.guide
                            .section(&f.name)
                            .map_or_else(|| f.name.clone(), |x| x.heading())
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.page(
            200,
            "index.html",
            context! {
                focus => focus,
                title => title(wb), guide => format!("{} v{}", wb.guide.title, wb.guide.version),
                populations => populations,
                errors => count(&checked.findings, Severity::Error),
                warnings => count(&checked.findings, Severity::Warning),
                open => report.summary.iter().map(|s| s.counts.open).sum::<usize>(),
                session => session.map(|s| ser(&s)),
                join => self.join.as_deref().and_then(|a| super::qr::svg(a, &t("http-qr-label", &[]))).map(Value::from_safe_string),
            },
        )
    }

    /// Everything `covalue check --format json` reports, in its order: each
    /// finding, problem or progress, with the question it is at, and the
    /// progress of each population.
    /// A workbook whose guide cannot be read has this page too: it says why.
    fn check_page(&self) -> Reply {
        let report = check_report(&self.root, Vec::new());
        let loaded = self.load().ok();
        let (findings, title) = match &loaded {
            Some(l) => (
                self.findings_placed(&l.workbook, &report.findings),
                title(&l.workbook),
            ),
            None => (
                report.findings.iter().map(|f| shown(f, None)).collect(),
                "covalue".to_string(),
            ),
        };
        let problems = report.findings.iter().filter(|f| is_problem(f)).count();
        self.page(
            200,
            "check.html",
            context! {
                title => title, findings => ser(&findings),
                problems => problems, progress => report.findings.len() - problems,
                errors => count(&report.findings, Severity::Error),
                warnings => count(&report.findings, Severity::Warning),
                form => report.form.as_str(),
                summary => ser(&report.summary),
            },
        )
    }

    /// Findings as shown, each with the question it is at: the question
    /// whose heading its line falls under in an answer file, else the
    /// question its message names.
    pub(super) fn findings_placed(&self, wb: &Workbook<'_>, findings: &[Finding]) -> Vec<Shown> {
        let mut files: std::collections::HashMap<String, String> = Default::default();
        findings
            .iter()
            .map(|f| {
                let question = self.question_of(wb, f, &mut files);
                shown(f, question)
            })
            .collect()
    }

    fn question_of(
        &self,
        wb: &Workbook<'_>,
        f: &Finding,
        files: &mut std::collections::HashMap<String, String>,
    ) -> Option<String> {
        let is_question = |q: &str| wb.guide.question(q).is_some();
        if let (Some(file), Some(line)) = (&f.file, f.line) {
            if file.ends_with(".md") && file.contains("/answers/") {
                if !files.contains_key(file) {
                    let text = self
                        .read(file)
                        .ok()
                        .flatten()
                        .map(|b| String::from_utf8_lossy(&b).into_owned())
                        .unwrap_or_default();
                    files.insert(file.clone(), text);
                }
                let text = files.get(file).map_or("", String::as_str);
                if let Some(q) = question_above(text, line, &is_question) {
                    return Some(q);
                }
            }
        }
        // A finding without a line may name its question: `id`.
        f.message
            .split('`')
            .skip(1)
            .step_by(2)
            .find(|word| is_question(word))
            .map(str::to_string)
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
        let report = full_report(&self.root, vec![slug.to_string()]);
        let mut full = builder(&wb.guide, Form::Full);
        full.findings = std::sync::Arc::new(report.findings.clone());
        let full = full.population(1, &pop);
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
        let short_counts =
            ser(&crate::check::summarise(&wb.guide, &pop, Form::Short, &report.findings).counts);
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
        // Each finding at one of this section's questions is shown under it;
        // the file's other problems above them all.
        let placed = self.findings_placed(wb, &report.findings);
        let mine = |q: &Option<String>| {
            q.as_deref()
                .is_some_and(|q| section.questions.iter().any(|sq| sq.id == q))
        };
        let mut at: std::collections::BTreeMap<String, Vec<&Shown>> = Default::default();
        for (shown, f) in placed.iter().zip(&report.findings) {
            if mine(&shown.question)
                && (f.file.as_deref() == Some(file.as_str()) || f.line.is_none())
            {
                at.entry(shown.question.clone().unwrap_or_default())
                    .or_default()
                    .push(shown);
            }
        }
        let problems: Vec<&Shown> = placed
            .iter()
            .zip(&report.findings)
            .filter(|(s, f)| {
                is_problem(f) && f.file.as_deref() == Some(file.as_str()) && !mine(&s.question)
            })
            .map(|(s, _)| s)
            .collect();
        let saved = field(query, "saved").map(str::to_string);
        let answered = field(query, "answered").is_some();
        let session_note = field(query, "session").map(str::to_string);
        self.page(
            200,
            "section.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                section => ser(sv), problems => ser(&problems), saved => saved,
                answered => answered, at => ser(&at),
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
            catalogue: super::words::catalogue(),
            language_chosen: self.lang.is_some() || wb.config.language.is_some(),
            // What the population page counts: `check`'s findings on it.
            findings: std::sync::Arc::new(full_report(&self.root, vec![slug.to_string()]).findings),
        };
        // The built-in templates: a site's own are for `covalue render`.
        let templates = match render::Templates::load(None) {
            Ok(t) => t,
            Err(e) => return error_page(500, &t("serve-error-report", &[]), &e.to_string()),
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
                &t("serve-error-report", &[]),
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

/// What `covalue check` reports on the workbook as it is on disk now, as
/// `covalue check` itself makes it: the workbook's own form, the privacy
/// lint, and a broken guide reported as a finding.
pub(super) fn check_report(root: &Path, populations: Vec<String>) -> crate::check::Report {
    match Workbook::open(Loader::disk(root)) {
        Ok(wb) => {
            let options = crate::check::Options {
                form: wb.config.form,
                populations,
                today: crate::date::today(),
            };
            crate::check::check_on_disk(root, wb, &options)
        }
        Err(workbook::LoadError::Guide(findings)) => crate::check::guide_unusable(root, findings),
        Err(_) => crate::check::Report {
            form: Form::Full,
            findings: Vec::new(),
            summary: Vec::new(),
        },
    }
}

/// The report on the full form, whatever `covalue.toml` says: the home
/// and population pages count every step's questions.
fn full_report(root: &Path, populations: Vec<String>) -> crate::check::Report {
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

/// The question whose heading `line` (from 1) of an answer file falls
/// under.
fn question_above(text: &str, line: usize, is_question: &dyn Fn(&str) -> bool) -> Option<String> {
    let outline = workbook::answers::outline(text.lines(), is_question);
    outline
        .headings
        .iter()
        .filter(|h| h.line <= line)
        .filter_map(|h| h.id.as_deref())
        .rfind(|id| is_question(id))
        .map(str::to_string)
}

/// The findings of `report` in `file` at the questions `keep` keeps, as
/// a question's or a step's page shows them.
pub(super) fn findings_at(
    site: &Site,
    wb: &Workbook<'_>,
    report: &crate::check::Report,
    file: &str,
    keep: impl Fn(&str) -> bool,
) -> Vec<Shown> {
    site.findings_placed(wb, &report.findings)
        .into_iter()
        .zip(&report.findings)
        .filter(|(s, f)| {
            s.question.as_deref().is_some_and(&keep)
                && (f.file.as_deref() == Some(file) || f.line.is_none())
        })
        .map(|(s, _)| s)
        .collect()
}

/// The problems of a report that `keep` keeps, as the pages show them.
fn problems(report: &crate::check::Report, keep: impl Fn(&Finding) -> bool) -> Vec<Shown> {
    report
        .findings
        .iter()
        .filter(|f| is_problem(f) && keep(f))
        .map(|f| shown(f, None))
        .collect()
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
        catalogue: super::words::catalogue(),
        findings: std::sync::Arc::default(),
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
        plain_page(&t("serve-not-found", &[]), &t("serve-not-found-help", &[])),
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
        plain_page(title, &t("serve-error-see-terminal", &[])),
    );
    reply.trouble = Some(format!("{title}: {detail}").into());
    reply
}

/// A value of the workbook's model, for a template.
pub(super) fn ser<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
