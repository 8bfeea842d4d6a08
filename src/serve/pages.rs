//! The pages of `covalue serve` and what each form does. Every request
//! opens the workbook afresh through the usual loader (confined to the
//! workbook), builds the same views as the reports (`render::model`), and
//! fills the serve templates (`templates/`, embedded at build time). A save
//! checks the file's fingerprint against the one the form was made from
//! (a conflict is refused with both versions shown), splices the change
//! (`edit`), writes atomically through the workbook's jail, and shows the
//! new check result.

use std::path::PathBuf;

use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::Reply;
use super::auth::{field, percent_encode};
use super::edit::{self, EditError, Field};
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
    ("step.html", include_str!("templates/step.html")),
    ("persona.html", include_str!("templates/persona.html")),
    ("measure.html", include_str!("templates/measure.html")),
    ("conflict.html", include_str!("templates/conflict.html")),
    ("check.html", include_str!("templates/check.html")),
    ("plain.html", include_str!("templates/plain.html")),
];

/// The serve stylesheet, after the report's.
const SERVE_CSS: &str = include_str!("templates/serve.css");

/// The templates, with HTML escaping everywhere.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_filter("urlencode", |text: String| percent_encode(&text));
    for (name, text) in TEMPLATES {
        // The templates are ours and tested; one that does not compile shows as an error page.
        let _ = env.add_template(name, text);
    }
    env
}

/// A page with a title and one line of help (refusals, errors).
pub(crate) fn plain_page(title: &str, help: &str) -> String {
    environment()
        .get_template("plain.html")
        .and_then(|t| t.render(context! { title => title, help => help, css => false }))
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
    root: PathBuf,
    session: Option<String>,
    env: Environment<'static>,
}

/// What one request sees of the workbook.
struct Loaded {
    workbook: Workbook<'static>,
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

    fn load(&self) -> Result<Loaded, Reply> {
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

    fn page(&self, status: u16, name: &str, ctx: Value) -> Reply {
        let base = context! { page => ctx, css => true };
        match self.env.get_template(name).and_then(|t| t.render(base)) {
            Ok(html) => Reply::html(status, html),
            Err(e) => error_page(500, "This page cannot be shown", &e.to_string()),
        }
    }

    fn read(&self, file: &str) -> Result<Option<Vec<u8>>, Reply> {
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
    fn write(&self, file: &str, text: &str) -> Result<(), Reply> {
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
    fn session_record(&self, workbook: &Workbook<'_>) -> Option<workbook::Session> {
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
            ["p", pop, "q", question] => self.question(pop, question, csrf, None),
            ["p", pop, "step", step] => self.step(pop, step, csrf, None),
            ["p", pop, "persona", persona] => self.persona(pop, persona, csrf, None),
            ["p", pop, "measure", measure] => self.measure(pop, measure, csrf, None),
            ["print", pop, form] => self.print(pop, form),
            _ => not_found(),
        }
    }

    /// Answers a POST (the CSRF token is already checked).
    pub(crate) fn post(&self, path: &[&str], form: &[(String, String)], csrf: &str) -> Reply {
        match path {
            ["p", pop, "q", question] => self.save_answer(pop, question, form, csrf),
            ["p", pop, "step", step] => self.save_step(pop, step, form, csrf),
            ["p", pop, "persona", persona] => self.save_persona(pop, persona, form, csrf),
            ["p", pop, "measure", measure] => self.save_measure(pop, measure, form, csrf),
            _ => not_found(),
        }
    }

    fn index(&self) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let report = check_report(wb, Vec::new());
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
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let report = check_report(&loaded.workbook, Vec::new());
        let problems: Vec<Problem> = report
            .findings
            .iter()
            .filter(|f| is_problem(f))
            .map(problem)
            .collect();
        self.page(
            200,
            "check.html",
            context! { title => title(&loaded.workbook), problems => ser(&problems) },
        )
    }

    fn population_of(&self, wb: &Workbook<'_>, slug: &str) -> Result<Population, Reply> {
        if !wb.slugs.iter().any(|s| s == slug) {
            return Err(not_found());
        }
        wb.populations(&[slug.to_string()])
            .into_iter()
            .next()
            .ok_or_else(not_found)
    }

    fn population(&self, slug: &str) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let full = builder(&wb.guide, Form::Full).population(1, &pop);
        let report = check_report(wb, vec![slug.to_string()]);
        let problems: Vec<Problem> = report
            .findings
            .iter()
            .filter(|f| is_problem(f))
            .map(problem)
            .collect();
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
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
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
        let report = check_report(wb, vec![slug.to_string()]);
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let problems: Vec<Problem> = report
            .findings
            .iter()
            .filter(|f| is_problem(f) && f.file.as_deref() == Some(file.as_str()))
            .map(problem)
            .collect();
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

    fn question(&self, slug: &str, id: &str, csrf: &str, problem: Option<String>) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some((section, question)) = wb.guide.question(id) else {
            return not_found();
        };
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let bytes = match self.read(&file) {
            Ok(b) => b.unwrap_or_default(),
            Err(r) => return r,
        };
        let answer = pop.answer(&section.id, id);
        let text = String::from_utf8_lossy(&bytes);
        let form = edit::answer_form(
            answer,
            crate::session::import::raw_answer(&text, id).unwrap_or(""),
        );
        self.page(
            if problem.is_some() { 422 } else { 200 },
            "question.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                section => context!{ id => section.id.clone(), heading => section.heading(), href => format!("{}/s/{}", pop_href(slug), percent_encode(&section.id)) },
                question => context!{ id => question.id.clone(), text => question.text.clone(), help => question.help.clone(), kind => question.kind.as_str() },
                form => context!{ status => form.status, text => form.text, reason => form.reason, owner => form.owner, until => form.until },
                file => file, hash => edit::fingerprint(&bytes), csrf => csrf, problem => problem,
                action => format!("{}/q/{}", pop_href(slug), percent_encode(id)),
            },
        )
    }

    fn save_answer(&self, slug: &str, id: &str, form: &[(String, String)], csrf: &str) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        if !wb.slugs.iter().any(|s| s == slug) {
            return not_found();
        }
        let Some((section, question)) = wb.guide.question(id) else {
            return not_found();
        };
        let get = |k: &str| field(form, k).unwrap_or("").to_string();
        let answer = edit::AnswerForm {
            status: get("status"),
            text: get("text"),
            reason: get("reason"),
            owner: get("owner"),
            until: get("until"),
        };
        let body = match edit::answer_body(&answer) {
            Ok(b) => b,
            Err(e) => return self.question(slug, id, csrf, Some(e.to_string())),
        };
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let current = match self.read(&file) {
            Ok(b) => b,
            Err(r) => return r,
        };
        let bytes = current.clone().unwrap_or_default();
        if edit::fingerprint(&bytes) != get("hash") {
            let theirs = wb
                .populations(&[slug.to_string()])
                .first()
                .and_then(|p| p.answer(&section.id, id).map(|a| a.body.clone()))
                .unwrap_or_default();
            return self.conflict(
                slug,
                &file,
                &question.text,
                &theirs,
                &body,
                form,
                &bytes,
                csrf,
            );
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return error_page(
                422,
                &format!("{file} is not UTF-8 text"),
                "fix it in an editor",
            );
        };
        let text = match current {
            Some(_) => text,
            None => crate::scaffold::answer_file_text(&wb.guide, section),
        };
        let heading = crate::workbook::answers::heading_text(&question.text);
        let unchanged = crate::session::import::raw_answer(&text, id)
            .is_some_and(|raw| raw.replace("\r\n", "\n") == body.trim_end());
        let new = edit::put_answer(&text, id, &heading, &body);
        let mut written = Vec::new();
        if !unchanged && new != text {
            if let Err(r) = self.write(&file, &new) {
                return r;
            }
            written.push(file.clone());
        }
        let mut target = format!(
            "{}/s/{}?saved={}",
            pop_href(slug),
            percent_encode(&section.id),
            percent_encode(id)
        );
        if answer.status != "open" {
            match self.record_in_session(wb, id) {
                Ok(Some((file, wrote))) => {
                    target.push_str(&format!("&session={}", percent_encode(&file)));
                    if wrote {
                        written.push(file);
                    }
                }
                Ok(None) => {}
                Err(r) => return r,
            }
        }
        target.push_str(&format!("#q-{}", percent_encode(id)));
        let mut reply = Reply::redirect(&target);
        reply.written = written;
        reply
    }

    /// Lists a saved question in the session record's `answered`, once.
    fn record_in_session(
        &self,
        wb: &Workbook<'_>,
        id: &str,
    ) -> Result<Option<(String, bool)>, Reply> {
        let Some(session) = self.session_record(wb) else {
            return Ok(None);
        };
        let Some(bytes) = self.read(&session.file)? else {
            return Ok(None);
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let source = crate::source::Source::new(&session.file, text.clone());
        if let Ok(node) = crate::node::parse_toml(&source) {
            if node.strings("answered").iter().any(|q| q == id) {
                return Ok(Some((session.file, false)));
            }
        }
        match edit::append_to_list(&text, &session.file, "answered", &edit::toml_string(id)) {
            Ok(new) => {
                self.write(&session.file, &new)?;
                Ok(Some((session.file, true)))
            }
            // The answer is saved; a session record that cannot take the
            // id is left as it is.
            Err(_) => Ok(None),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn conflict(
        &self,
        slug: &str,
        file: &str,
        what: &str,
        theirs: &str,
        yours: &str,
        form: &[(String, String)],
        bytes: &[u8],
        csrf: &str,
    ) -> Reply {
        let fields: Vec<Value> = form
            .iter()
            .filter(|(k, _)| k != "hash" && k != "csrf")
            .map(|(k, v)| context! { name => k, value => v })
            .collect();
        // The names for the page's bar (the file is what matters here).
        let (title, name) = match self.load() {
            Ok(l) => (
                title(&l.workbook),
                l.workbook
                    .populations(&[slug.to_string()])
                    .first()
                    .map(|p| p.name().to_string()),
            ),
            Err(_) => (String::new(), None),
        };
        self.page(
            409,
            "conflict.html",
            context! {
                title => title, pop => context!{ slug => slug, name => name, href => pop_href(slug) },
                file => file, what => what, theirs => theirs, yours => yours, fields => fields,
                hash => edit::fingerprint(bytes), csrf => csrf,
            },
        )
    }

    fn step(&self, slug: &str, id: &str, csrf: &str, problem: Option<String>) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some(step) = pop
            .process_map
            .as_ref()
            .and_then(|m| m.steps.iter().find(|s| s.id == id))
        else {
            return not_found();
        };
        let file = format!(
            "{}/{}",
            layout::population_dir(slug),
            layout::PROCESS_MAP_FILE
        );
        let bytes = match self.read(&file) {
            Ok(b) => b.unwrap_or_default(),
            Err(r) => return r,
        };
        self.page(
            if problem.is_some() { 422 } else { 200 },
            "step.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                step => ser(step),
                actors => step.actors.join(", "),
                levels => ser(&wb.guide.coproduction_levels),
                configurations => ser(&wb.guide.configurations),
                file => file, hash => edit::fingerprint(&bytes), csrf => csrf, problem => problem,
                action => format!("{}/step/{}", pop_href(slug), percent_encode(id)),
            },
        )
    }

    fn save_step(&self, slug: &str, id: &str, form: &[(String, String)], csrf: &str) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
        let level = get("coproduction");
        if !wb.guide.coproduction_levels.iter().any(|l| l.id == level) {
            return self.step(
                slug,
                id,
                csrf,
                Some(format!(
                    "`{level}` is not a level of coproduction of the guide"
                )),
            );
        }
        let title = get("title");
        if title.is_empty() {
            return self.step(slug, id, csrf, Some("a step needs a title".into()));
        }
        let opportunity = get("opportunity");
        let mut actors: Vec<String> = get("actors")
            .split([',', '\n'])
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        let mut configurations: Vec<String> = form
            .iter()
            .filter(|(k, _)| k == "configurations")
            .map(|(_, v)| v.trim().to_string())
            .collect();
        // The boxes come in the guide's order: the same ones keep the file's order.
        let step = self.population_of(wb, slug).ok().and_then(|p| {
            p.process_map
                .and_then(|m| m.steps.into_iter().find(|s| s.id == id))
        });
        // An actor whose name holds a comma stays one actor while the text is unchanged.
        if let Some(step) = &step {
            if step.actors.join(", ") == get("actors") {
                actors = step.actors.clone();
            }
        }
        if let Some(current) = step.map(|s| s.configurations) {
            let (mut a, mut b) = (current.clone(), configurations.clone());
            a.sort();
            b.sort();
            if a == b {
                configurations = current;
            }
        }
        if let Some(bad) = configurations
            .iter()
            .find(|c| !wb.guide.configurations.iter().any(|t| &t.id == *c))
        {
            let why = format!("`{bad}` is not a value configuration of the guide");
            return self.step(slug, id, csrf, Some(why));
        }
        let file = format!(
            "{}/{}",
            layout::population_dir(slug),
            layout::PROCESS_MAP_FILE
        );
        let changes = [
            ("title", Some(edit::toml_string(&title))),
            ("coproduction", Some(edit::toml_string(&level))),
            (
                "opportunity",
                (!opportunity.is_empty()).then(|| edit::toml_string(&opportunity)),
            ),
            (
                "actors",
                (!actors.is_empty()).then(|| edit::toml_list(&actors)),
            ),
            (
                "configurations",
                (!configurations.is_empty()).then(|| edit::toml_list(&configurations)),
            ),
        ];
        self.save_toml(
            slug,
            &file,
            form,
            csrf,
            &format!("step `{id}`"),
            |text| {
                let mut text = text.to_string();
                for (key, literal) in &changes {
                    let f = Field {
                        array: "step",
                        id,
                        key,
                    };
                    let current = current_toml(&text, &file, f);
                    if current.as_deref() != literal.as_deref() {
                        text = edit::set_toml_field(&text, &file, f, literal.as_deref())?;
                    }
                }
                Ok(text)
            },
            &format!("{}#step-{}", pop_href(slug), percent_encode(id)),
        )
    }

    /// A TOML save: conflict check, splice, write, then off to `back`.
    #[allow(clippy::too_many_arguments)]
    fn save_toml(
        &self,
        slug: &str,
        file: &str,
        form: &[(String, String)],
        csrf: &str,
        what: &str,
        change: impl Fn(&str) -> Result<String, EditError>,
        back: &str,
    ) -> Reply {
        let bytes = match self.read(file) {
            Ok(Some(b)) => b,
            Ok(None) => return not_found(),
            Err(r) => return r,
        };
        let Ok(text) = String::from_utf8(bytes.clone()) else {
            return error_page(
                422,
                &format!("{file} is not UTF-8 text"),
                "fix it in an editor",
            );
        };
        let yours: String = form
            .iter()
            .filter(|(k, _)| k != "hash" && k != "csrf")
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect();
        if edit::fingerprint(&bytes) != field(form, "hash").unwrap_or("") {
            return self.conflict(slug, file, what, &text, &yours, form, &bytes, csrf);
        }
        let new = match change(&text) {
            Ok(new) => new,
            Err(e) => return error_page(422, "Nothing was saved", &e.to_string()),
        };
        let mut reply = Reply::redirect(back);
        if new != text {
            if let Err(r) = self.write(file, &new) {
                return r;
            }
            reply.written.push(file.to_string());
        }
        reply
    }

    fn persona(&self, slug: &str, id: &str, csrf: &str, problem: Option<String>) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some(persona) = pop.persona(id) else {
            return not_found();
        };
        let bytes = match self.read(&persona.file) {
            Ok(b) => b.unwrap_or_default(),
            Err(r) => return r,
        };
        let text = String::from_utf8_lossy(&bytes);
        let source = crate::source::Source::new(&persona.file, text.to_string());
        let front = crate::node::parse_front_matter(&source).ok();
        let story = front
            .as_ref()
            .map(|f| text[f.body_start..].trim().to_string())
            .unwrap_or_default();
        // A figure as written in the file (so that an unchanged save keeps it),
        // else as the loader read it.
        let figure = |key: &str, v: Option<f64>| {
            front
                .as_ref()
                .and_then(|f| f.node.get("figures"))
                .and_then(|n| n.get(key))
                .and_then(|n| text.get(n.span.clone()))
                .map(str::trim)
                .filter(|raw| raw.parse::<f64>().is_ok())
                .map(str::to_string)
                .or_else(|| v.map(|n| n.to_string()))
                .unwrap_or_default()
        };
        self.page(
            if problem.is_some() { 422 } else { 200 },
            "persona.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                persona => context!{ name => persona.name.clone(), slug => persona.slug.clone(), story => story,
                    share_percent => figure("share_percent", persona.figures.share_percent),
                    contacts_per_year => figure("contacts_per_year", persona.figures.contacts_per_year),
                    annual_cost => figure("annual_cost", persona.figures.annual_cost) },
                file => persona.file.clone(), hash => edit::fingerprint(&bytes), csrf => csrf, problem => problem,
                action => format!("{}/persona/{}", pop_href(slug), percent_encode(id)),
            },
        )
    }

    fn save_persona(&self, slug: &str, id: &str, form: &[(String, String)], csrf: &str) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some(persona) = pop.persona(id) else {
            return not_found();
        };
        let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
        let mut figures = Vec::new();
        for key in ["share_percent", "contacts_per_year", "annual_cost"] {
            let v = get(key);
            if !v.is_empty() && v.parse::<f64>().map_or(true, |n| !n.is_finite()) {
                return self.persona(
                    slug,
                    id,
                    csrf,
                    Some(format!(
                        "`{v}` is not a number: write digits, such as 21 or 3.5"
                    )),
                );
            }
            figures.push((key, v));
        }
        let story = field(form, "story").unwrap_or("").to_string();
        let file = persona.file.clone();
        let old = persona.figures.clone();
        self.save_toml(
            slug,
            &file,
            form,
            csrf,
            &format!("persona {}", persona.name),
            |text| {
                let mut text = edit::set_body(text, &file, &story)?;
                for (key, v) in &figures {
                    let before = match *key {
                        "share_percent" => old.share_percent,
                        "contacts_per_year" => old.contacts_per_year,
                        _ => old.annual_cost,
                    };
                    if before == v.parse::<f64>().ok() {
                        continue;
                    }
                    let literal = (!v.is_empty()).then_some(v.as_str());
                    text = edit::set_front_matter_field(&text, &file, "figures", key, literal)?;
                }
                Ok(text)
            },
            &format!("{}#persona-{}", pop_href(slug), percent_encode(id)),
        )
    }

    fn measure(&self, slug: &str, id: &str, csrf: &str, problem: Option<String>) -> Reply {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some(measure) = pop
            .compass
            .as_ref()
            .and_then(|c| c.measures.iter().find(|m| m.id == id))
        else {
            return not_found();
        };
        let file = format!("{}/{}", layout::population_dir(slug), layout::COMPASS_FILE);
        let bytes = match self.read(&file) {
            Ok(b) => b.unwrap_or_default(),
            Err(r) => return r,
        };
        self.page(
            if problem.is_some() { 422 } else { 200 },
            "measure.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                measure => ser(measure), today => crate::date::format(crate::date::today()),
                file => file, hash => edit::fingerprint(&bytes), csrf => csrf, problem => problem,
                action => format!("{}/measure/{}", pop_href(slug), percent_encode(id)),
            },
        )
    }

    fn save_measure(&self, slug: &str, id: &str, form: &[(String, String)], csrf: &str) -> Reply {
        let get = |k: &str| field(form, k).unwrap_or("").trim().to_string();
        let (date, value, note) = (get("date"), get("value"), get("note"));
        let texts = [("baseline", get("baseline")), ("target", get("target"))];
        let mut lines = Vec::new();
        if !value.is_empty() {
            if crate::spec::parse_date(&date).is_none() {
                let why = format!("`{date}` is not a date: write it as YYYY-MM-DD");
                return self.measure(slug, id, csrf, Some(why));
            }
            if value.parse::<f64>().map_or(true, |n| !n.is_finite()) {
                let why = format!("`{value}` is not a number: write digits, such as 58 or 2.4");
                return self.measure(slug, id, csrf, Some(why));
            }
            lines = vec![("date", date), ("value", value)];
            if !note.is_empty() {
                lines.push(("note", edit::toml_string(&note)));
            }
        }
        let file = format!("{}/{}", layout::population_dir(slug), layout::COMPASS_FILE);
        let change = |text: &str| -> Result<String, EditError> {
            let mut text = text.to_string();
            for (key, v) in &texts {
                let f = Field {
                    array: "measure",
                    id,
                    key,
                };
                let literal = (!v.is_empty()).then(|| edit::toml_string(v));
                if current_toml(&text, &file, f) != literal {
                    text = edit::set_toml_field(&text, &file, f, literal.as_deref())?;
                }
            }
            if !lines.is_empty() {
                text = edit::append_subtable(&text, &file, "measure", id, "value", &lines)?;
            }
            Ok(text)
        };
        let back = format!("{}#measure-{}", pop_href(slug), percent_encode(id));
        let what = format!("measure `{id}`");
        self.save_toml(slug, &file, form, csrf, &what, change, &back)
    }

    fn print(&self, slug: &str, form: &str) -> Reply {
        let Some(form) = Form::parse(form) else {
            return not_found();
        };
        let loaded = match self.load() {
            Ok(l) => l,
            Err(r) => return r,
        };
        let wb = &loaded.workbook;
        let pop = match self.population_of(wb, slug) {
            Ok(p) => p,
            Err(r) => return r,
        };
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

/// The current literal of a TOML field, to leave alone what did not change.
fn current_toml(text: &str, file: &str, f: Field<'_>) -> Option<String> {
    let node = crate::node::parse_toml(&crate::source::Source::new(file, text.to_string())).ok()?;
    let record = node
        .array(f.array)
        .iter()
        .find(|n| n.str("id") == Some(f.id))?;
    match &record.get(f.key)?.value {
        crate::node::Value::Str(s) => Some(edit::toml_string(s)),
        crate::node::Value::Array(_) => Some(edit::toml_list(&record.strings(f.key))),
        _ => None,
    }
}

fn pop_href(slug: &str) -> String {
    format!("/p/{}", percent_encode(slug))
}

fn title(wb: &Workbook<'_>) -> String {
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

fn check_report(wb: &Workbook<'_>, populations: Vec<String>) -> crate::check::Report {
    crate::check::check(
        wb,
        &crate::check::Options {
            form: Form::Full,
            populations,
            today: crate::date::today(),
        },
    )
}

fn check_report_form(wb: &Workbook<'_>, slug: &str, form: Form) -> Option<Value> {
    let pop = wb.populations(&[slug.to_string()]).into_iter().next()?;
    let s = crate::check::summarise(&wb.guide, &pop, form);
    Some(ser(&s.counts))
}

fn builder(guide: &Guide, form: Form) -> render::model::Builder<'_> {
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
fn report_css() -> String {
    render::Templates::load(None)
        .and_then(|t| {
            t.render(
                "style.css",
                context! { paper => "A4", form => "full", blank => false, large => false },
            )
        })
        .unwrap_or_default()
}

fn not_found() -> Reply {
    Reply::html(
        404,
        plain_page(
            "There is no such page",
            "Go back to the list of populations.",
        ),
    )
}

fn error_page(status: u16, title: &str, detail: &str) -> Reply {
    Reply::html(status, plain_page(title, detail))
}

/// A value of the workbook's model, for a template.
fn ser<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
