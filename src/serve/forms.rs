//! The forms of `covalue serve` and what saving each one does: an answer
//! with its status, a process-map step, a persona, a measure. Every save
//! compares the file's fingerprint with the one the form was made from (a
//! conflict is refused with both versions shown), splices only what changed
//! (`edit`), writes atomically through the workbook's jail, and says which
//! files it wrote.

use minijinja::{Value, context};

use super::Reply;
use super::auth::{field, percent_encode};
use super::edit::{self, EditError, Field};
use super::pages::{Site, check_report, error_page, findings_at, not_found, pop_href, ser, title};
use super::parts::Refused;
use crate::guide::QuestionKind;
use crate::session::import;
use crate::workbook::{Workbook, answers, layout};

/// What was typed into a question's form when its save was refused: shown
/// again as typed, with why, and with the fingerprint the form was first
/// made from (so that a change on disk in between is still a conflict).
pub(super) struct Typed<'a> {
    pub(super) form: &'a edit::AnswerForm,
    pub(super) hash: &'a str,
    /// The status the question had when the form was first made.
    pub(super) was: &'a str,
    pub(super) why: String,
}

impl Site {
    /// A question's page after a save of a persona's part (`saved`, its
    /// id), or with a part's refused text shown again (`refused`).
    pub(super) fn question_page(
        &self,
        slug: &str,
        id: &str,
        csrf: &str,
        saved: Option<&str>,
        refused: Option<&Refused<'_>>,
    ) -> Reply {
        self.question_with(slug, id, csrf, None, saved, refused)
    }

    /// A question's page with a refused save's fields as they were typed.
    fn question_refused(&self, slug: &str, id: &str, csrf: &str, typed: &Typed<'_>) -> Reply {
        self.question_with(slug, id, csrf, Some(typed), None, None)
    }

    fn question_with(
        &self,
        slug: &str,
        id: &str,
        csrf: &str,
        typed: Option<&Typed<'_>>,
        saved: Option<&str>,
        refused: Option<&Refused<'_>>,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
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
        // A walk-through's lead text has its own form; each persona's part
        // has its own below it.
        let walkthrough = question.kind == QuestionKind::Walkthrough;
        let raw = match walkthrough {
            true => import::raw_lead(&text, section, id),
            false => import::raw_answer(&text, section, id),
        };
        let form = match (typed, walkthrough) {
            (Some(typed), _) => typed.form.clone(),
            (None, true) => edit::lead_form(answer, raw.unwrap_or("")),
            (None, false) => edit::answer_form(answer, raw.unwrap_or("")),
        };
        let (hash, was) = match typed {
            Some(typed) => (typed.hash.to_string(), typed.was.to_string()),
            None => (edit::question_fingerprint(raw), form.status.clone()),
        };
        let problem = typed.map(|t| t.why.clone());
        let parts = self.part_views(&wb.guide, &pop, section, question, &text, refused);
        let saved = saved
            .and_then(|s| parts.iter().find(|p| p.id == s))
            .map(|p| p.name.clone());
        let refused_status = typed.is_some() || refused.is_some();
        let report = check_report(self.root(), vec![slug.to_string()]);
        let findings = findings_at(self, wb, &report, &file, |q| q == id);
        self.page(
            if refused_status { 422 } else { 200 },
            "question.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                section => context!{ id => section.id.clone(), heading => section.heading(), href => format!("{}/s/{}", pop_href(slug), percent_encode(&section.id)) },
                question => context!{ id => question.id.clone(), text => question.text.clone(), help => question.help.clone(), kind => question.kind.as_str() },
                form => context!{ status => form.status, text => form.text, reason => form.reason, owner => form.owner, until => form.until },
                file => file, hash => hash, was => was, csrf => csrf, problem => problem,
                action => format!("{}/q/{}", pop_href(slug), percent_encode(id)),
                walkthrough => walkthrough, parts => ser(&parts), saved_part => saved,
                findings => ser(&findings),
            },
        )
    }

    pub(super) fn save_answer(
        &self,
        slug: &str,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        if !wb.slugs.iter().any(|s| s == slug) {
            return not_found();
        }
        let Some((section, question)) = wb.guide.question(id) else {
            return not_found();
        };
        let get = |k: &str| field(form, k).unwrap_or("").to_string();
        let mut answer = edit::AnswerForm {
            status: get("status"),
            text: get("text"),
            reason: get("reason"),
            owner: get("owner"),
            until: get("until"),
        };
        let file = format!("{}/{}", layout::population_dir(slug), section.answer_file());
        let current = or_reply!(self.read(&file));
        let walkthrough = question.kind == QuestionKind::Walkthrough;
        // Words typed into the box of a question that was open when its
        // form was made answer it (the form says how it was: the file may
        // have changed since, which the fingerprint below tells). A question
        // answered before and set to Open with its words left in the box is
        // refused instead: reopening it means emptying the box.
        let was = get("was");
        let was_open = match (was.as_str(), walkthrough) {
            ("", true) => {
                let on_disk = String::from_utf8_lossy(current.as_deref().unwrap_or_default());
                !edit::has_words(import::raw_lead(&on_disk, section, id).unwrap_or(""))
            }
            ("", false) => wb
                .populations(&[slug.to_string()])
                .first()
                .and_then(|p| p.answer(&section.id, id).map(|a| a.status.clone()))
                .is_none_or(|s| s == answers::Status::Open),
            (was, _) => was == "open",
        };
        let now_answered = was_open && answer.settle();
        let hash = get("hash");
        let refuse = |why: String| {
            let typed = Typed {
                form: &answer,
                hash: &hash,
                was: &was,
                why,
            };
            self.question_refused(slug, id, csrf, &typed)
        };
        let body = match edit::answer_body(&answer) {
            Ok(b) => b,
            Err(e) => return refuse(format!("Nothing was saved: {e}.")),
        };
        let is_question = |q: &str| wb.guide.question(q).is_some();
        let text_box = answer.text.replace("\r\n", "\n");
        if walkthrough {
            // The lead may not start a persona's part: each has its own box.
            let on_disk = current.as_deref().unwrap_or_default();
            let level = import::part_level(&String::from_utf8_lossy(on_disk), section, id);
            if let Some(why) = super::parts::part_problem(&text_box, level, id, &is_question) {
                return refuse(why);
            }
        }
        if let Some(stray) = answers::stray_headings(&text_box, &is_question).first() {
            let problem = format!(
                "{}. Nothing was saved: {}.",
                stray.refusal(id, &format!("line {} of the text", stray.line)),
                stray.help()
            );
            return refuse(problem);
        }
        let bytes = current.clone().unwrap_or_default();
        let Ok(text) = String::from_utf8(bytes) else {
            return error_page(
                422,
                &format!("{file} is not UTF-8 text"),
                "fix it in an editor",
            );
        };
        // A walk-through's form holds its lead text; the persona parts
        // after it are saved one at a time (`save_part`) and stay as written.
        let raw_of = |text: &str| match walkthrough {
            true => import::raw_lead(text, section, id).map(str::to_string),
            false => import::raw_answer(text, section, id).map(str::to_string),
        };
        let raw = raw_of(&text);
        // Only this question's own text changing on disk is a conflict:
        // another question of the same file saved meanwhile is kept.
        if edit::question_fingerprint(raw.as_deref()) != hash {
            let theirs = raw.clone().unwrap_or_default();
            return self.conflict(
                slug,
                &file,
                &question.text,
                &theirs,
                &body,
                form,
                theirs.as_bytes(),
                csrf,
            );
        }
        let text = match current {
            Some(_) => text,
            None => crate::scaffold::answer_file_text(&wb.guide, section),
        };
        let heading = crate::workbook::answers::heading_text(&question.text);
        let unchanged = raw.is_some_and(|raw| raw.replace("\r\n", "\n") == body.trim_end());
        let new = match walkthrough {
            true => import::put_lead(&text, section, id, &heading, &body),
            false => edit::put_answer(&text, section, id, &heading, &body),
        };
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
        if now_answered {
            target.push_str("&answered=1");
        }
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
    pub(super) fn record_in_session(
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
    pub(super) fn conflict(
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

    pub(super) fn step(&self, slug: &str, id: &str, csrf: &str, problem: Option<String>) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
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

    pub(super) fn save_step(
        &self,
        slug: &str,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
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

    pub(super) fn persona(
        &self,
        slug: &str,
        id: &str,
        csrf: &str,
        problem: Option<String>,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
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

    pub(super) fn save_persona(
        &self,
        slug: &str,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
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

    pub(super) fn measure(
        &self,
        slug: &str,
        id: &str,
        csrf: &str,
        problem: Option<String>,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
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

    pub(super) fn save_measure(
        &self,
        slug: &str,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
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
