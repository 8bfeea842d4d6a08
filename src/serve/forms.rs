//! The answer forms of `covalue serve` and what saving each one does: an
//! answer with its status (the records, steps, measures, improvements and
//! personas, are in `records.rs`). Every save
//! compares the file's fingerprint with the one the form was made from (a
//! conflict is refused with both versions shown), splices only what changed
//! (`edit`), writes atomically through the workbook's jail, and says which
//! files it wrote.

use super::words::t;
use minijinja::{Value, context};

use super::Reply;
use super::auth::{field, percent_encode};
use super::edit;
use super::pages::{Site, check_report, error_page, findings_at, not_found, pop_href, ser, title};
use super::parts::Refused;
use crate::guide::{QuestionKind, Text};
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
        let wording = wb.guide.mark(Text::Question(question));
        self.page(
            if refused_status { 422 } else { 200 },
            "question.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                section => context!{ id => section.id.clone(), heading => section.heading(), href => format!("{}/s/{}", pop_href(slug), percent_encode(&section.id)) },
                question => context!{ id => question.id.clone(), text => question.text.clone(), help => question.help.clone(), kind => question.kind.as_str(), wording => crate::render::model::mark_words(&wb.guide, &super::words::catalogue(), Text::Question(question)), published => wording.published, help_note => crate::render::model::mark_words(&wb.guide, &super::words::catalogue(), Text::Help(question)) },
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
            Err(e) => return refuse(t("serve-not-saved", &[("reason", e.in_words().into())])),
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
            return refuse(super::parts::stray_problem(stray, id));
        }
        let bytes = current.clone().unwrap_or_default();
        let Ok(text) = String::from_utf8(bytes) else {
            return error_page(
                422,
                &t("http-not-text", &[("file", file.as_str().into())]),
                &t("http-fix-in-editor", &[]),
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
            let what = t(
                "serve-conflict-answer",
                &[("question", question.text.as_str().into())],
            );
            return self.conflict(
                slug,
                &file,
                &what,
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
        // A save that changed nothing (the same text, the same status)
        // answered nothing in this session.
        let changed = !written.is_empty();
        if answer.status != "open" && changed {
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
        // The names for the page's bar.
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
}
