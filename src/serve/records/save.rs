//! The saves of the records: a record's fields merged with what is on
//! disk, a new record, a record moved or removed. Each new text is read by
//! the workbook loader (through a view of the files with the new text in
//! place) before it is written.

use crate::serve::words::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::additions::{
    editable, field_values, population_additions, removable, session_additions, sub_record,
};
use super::values::{
    Decision, Plain, decide, disk_plain, fp, merge, note_names, note_on_disk, plain_of,
    plain_of_form, toml_literal, yaml_literal,
};
use super::{FIGURES, Kind, Shape, Spec, State, note_field};
use crate::finding::Severity;
use crate::node::{self, Node};
use crate::serve::Reply;
use crate::serve::auth::field;
use crate::serve::edit::{self, EditError, Field};
use crate::serve::pages::{Site, error_page, not_found, pop_href};
use crate::serve::splice;
use crate::source::ReadError;
use crate::workbook::{Disk, Files, Loader, Population, Workbook, layout};

/// The workbook's files with one file's text replaced (or added): what
/// the loader would read after a save.
struct WithFile {
    disk: Disk,
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Files for WithFile {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        match path == self.path {
            true => Ok(self.bytes.clone()),
            false => self.disk.read(path),
        }
    }

    fn list_dir(&self, path: &Path) -> std::io::Result<Vec<String>> {
        let mut names = self.disk.list_dir(path)?;
        if self.path.parent() == Some(path) {
            if let Some(name) = self.path.file_name().and_then(|n| n.to_str()) {
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
        }
        Ok(names)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.disk.is_dir(path)
    }

    fn exists(&self, path: &Path) -> bool {
        path == self.path || self.disk.exists(path)
    }

    fn is_symlink(&self, path: &Path) -> bool {
        self.disk.is_symlink(path)
    }
}

impl Site {
    /// Errors the loader finds in `file` with `text` in it that it does
    /// not find now: the first, said with its place, or None.
    pub(super) fn loader_refuses(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        file: &str,
        text: &str,
    ) -> Option<String> {
        let errors = |p: &Population| -> Vec<crate::finding::Finding> {
            p.findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.file.as_deref() == Some(file))
                .cloned()
                .collect()
        };
        let before = errors(pop);
        let files = WithFile {
            disk: Disk::at(&self.root),
            path: self.root.join(file),
            bytes: text.as_bytes().to_vec(),
        };
        let loader = Loader::new(&files, &self.root);
        let after = match file.starts_with(layout::SESSIONS_DIR) {
            true => {
                let mut findings = Vec::new();
                loader.sessions(&wb.guide, &mut findings);
                Population {
                    findings,
                    ..pop.clone()
                }
            }
            false => loader.population(&pop.slug, &wb.guide),
        };
        let new = errors(&after)
            .into_iter()
            .find(|e| !before.iter().any(|b| b.message == e.message))?;
        let (message, help) = (new.message, new.help);
        let place = match (new.line, new.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_string(),
        };
        let help = help.map(|h| format!(" ({h})")).unwrap_or_default();
        Some(t(
            "serve-not-saved-unreadable",
            &[
                ("place", place.into()),
                ("problem", format!("{message}{help}").into()),
            ],
        ))
    }

    /// What a record belongs to: its population, or, for a session
    /// record, a population standing in for the session (named by it,
    /// holding nothing but the findings on its file).
    pub(super) fn subject(
        &self,
        wb: &Workbook<'_>,
        kind: Kind,
        slug: &str,
    ) -> Result<Population, Reply> {
        if kind != Kind::Session {
            return self.population_of(wb, slug);
        }
        let (sessions, findings) = wb.sessions();
        let session = sessions
            .into_iter()
            .find(|s| s.name == slug)
            .ok_or_else(not_found)?;
        Ok(Population {
            slug: session.name,
            dir: layout::SESSIONS_DIR.to_string(),
            info: None,
            personas: Vec::new(),
            process_map: None,
            compass: None,
            answers: Vec::new(),
            improvements: None,
            findings: findings
                .into_iter()
                .filter(|f| f.file.as_deref() == Some(session.file.as_str()))
                .collect(),
        })
    }

    /// A record's file and tree as on disk: a TOML record, or a persona's
    /// front matter (its body is the story). None when there is no such record.
    pub(super) fn on_disk(
        &self,
        pop: &Population,
        kind: Kind,
        id: &str,
    ) -> Result<Option<(String, Node)>, Reply> {
        let file = match kind {
            Kind::Persona => match pop.persona(id) {
                Some(p) => p.file.clone(),
                None => return Ok(None),
            },
            _ => kind.file(&pop.slug),
        };
        let Some(bytes) = self.read(&file)? else {
            return Ok(None);
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let source = crate::source::Source::new(&file, text.clone());
        if kind == Kind::Persona {
            let Ok(front) = node::parse_front_matter(&source) else {
                return Ok(None);
            };
            let story = text
                .get(front.body_start..)
                .unwrap_or("")
                .trim()
                .to_string();
            let mut node = front.node;
            if let node::Value::Table(entries) = &mut node.value {
                // The story as one more field, for the form.
                entries.push((
                    node::Key {
                        name: "story".into(),
                        span: 0..0,
                    },
                    Node {
                        value: node::Value::Str(story),
                        span: 0..0,
                    },
                ));
            }
            return Ok(Some((text, node)));
        }
        let Ok(root) = node::parse_toml(&source) else {
            return Ok(None);
        };
        Ok(edit::record(&root, kind.array(), id)
            .cloned()
            .map(|n| (text, n)))
    }

    /// POST of a record's page: the fields, merged with what is on disk.
    pub(in crate::serve) fn save_record(
        &self,
        slug: &str,
        kind: Kind,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let refuse = |why: String, status: u16| {
            let state = State {
                fields: self.typed(wb, &pop, kind, form),
                problem: Some(why),
                conflict: false,
                ..State::default()
            };
            self.record_page(wb, &pop, kind, Some(id), state, form, csrf, status)
        };
        if kind == Kind::Persona && pop.persona(id).is_none() {
            // Not a persona of the workbook (a link out of it is none).
            return not_found();
        }
        let Some((text, node)) = or_reply!(self.on_disk(&pop, kind, id)) else {
            return refuse(
                t(
                    "serve-not-saved-gone",
                    &[("kind", kind.name().into()), ("id", id.into())],
                ),
                409,
            );
        };
        let on_disk = |k: &str| disk_plain(kind, &text, &node, k);
        let mut wanted = Vec::new();
        for &spec in kind.fields() {
            let choices = self.choices(wb, &pop, kind, spec.0);
            match plain_of_form(form, kind, spec, &choices, &on_disk(spec.0)) {
                Ok(p) => wanted.push((spec, p)),
                Err(why) => return refuse(not_saved(why), 422),
            }
        }
        let merged = merge(wanted, &on_disk, form);
        // A step's note for each perspective, merged the same way.
        let mut note_writes = Vec::new();
        let mut note_clashes = BTreeMap::new();
        let mut note_theirs = BTreeMap::new();
        for name in note_names(&pop, kind, &node) {
            let Some(typed) = field(form, &note_field(&name)) else {
                continue; // A form without the box leaves the note alone.
            };
            let typed =
                Some(typed.replace("\r\n", "\n").trim().to_string()).filter(|t| !t.is_empty());
            let current = note_on_disk(&text, &node, &name);
            match decide(
                &current,
                &typed,
                field(form, &format!("fp.{}", note_field(&name))),
            ) {
                Decision::Write => note_writes.push((name, typed)),
                Decision::Clash => {
                    note_clashes.insert(name, current);
                }
                Decision::TheirsKept => {
                    note_theirs.insert(name, current);
                }
                Decision::Nothing => {}
            }
        }
        // A persona's composite mark: a box, compared like a field.
        let mut composite_write: Option<Plain> = None;
        if let (Kind::Persona, Some(seen)) = (kind, field(form, "fp.composite")) {
            let current = plain_of(&text, node.get("composite"));
            let typed = match (field(form, "composite").is_some(), &current) {
                (true, _) => Some("true".to_string()),
                (false, None) => None,
                (false, Some(_)) => Some("false".to_string()),
            };
            match decide(&current, &typed, Some(seen)) {
                Decision::Write => composite_write = Some(typed),
                Decision::Clash => {
                    return refuse(t("serve-not-saved-composite", &[]), 409);
                }
                Decision::TheirsKept | Decision::Nothing => {}
            }
        }
        if !merged.clashes.is_empty() || !note_clashes.is_empty() {
            let mut fields = self.typed(wb, &pop, kind, form);
            for f in &mut fields {
                if let Some(theirs) = merged.clashes.get(f.key) {
                    f.theirs = Some(theirs.clone().unwrap_or_default().replace('\n', ", "));
                    f.fp = fp(theirs);
                }
                if let Some(theirs) = merged.theirs_kept.get(f.key) {
                    let commas = kind
                        .fields()
                        .iter()
                        .any(|s| s.0 == f.key && s.2 == Shape::Commas);
                    let plain = theirs.clone().unwrap_or_default();
                    f.value = match commas {
                        true => plain.split('\n').collect::<Vec<_>>().join(", "),
                        false => plain,
                    };
                    f.values = theirs
                        .iter()
                        .flat_map(|v| v.split('\n'))
                        .map(str::to_string)
                        .collect();
                    f.fp = fp(theirs);
                }
            }
            let mut names: Vec<String> = kind
                .fields()
                .iter()
                .filter(|s| merged.clashes.contains_key(s.0))
                .map(|s| kind.label(s.0))
                .collect();
            names.extend(
                note_clashes
                    .keys()
                    .map(|n| t("http-what-sees", &[("perspective", n.as_str().into())])),
            );
            let state = State {
                note_clashes,
                note_theirs,
                fields,
                problem: Some(t(
                    "serve-not-saved-clash",
                    &[
                        ("fields", names.join(", ").into()),
                        ("kind", kind.name().into()),
                    ],
                )),
                conflict: true,
            };
            return self.record_page(wb, &pop, kind, Some(id), state, form, csrf, 409);
        }
        let file = match kind {
            Kind::Persona => pop.persona(id).map(|p| p.file.clone()).unwrap_or_default(),
            _ => kind.file(slug),
        };
        let new = self
            .apply(kind, id, &file, &text, &merged.writes, form)
            .and_then(|mut new| {
                for (name, note) in &note_writes {
                    let literal = note.as_deref().map(edit::toml_string);
                    new = splice::set_sub_field(
                        &new,
                        &file,
                        kind.array(),
                        id,
                        "perspectives",
                        name,
                        literal.as_deref(),
                    )?;
                }
                if let Some(mark) = &composite_write {
                    new = splice::set_front_matter_top(&new, &file, "composite", mark.as_deref())?;
                }
                Ok(new)
            });
        let new = match new {
            Ok(new) => new,
            Err(e) => return refuse(not_saved(e.in_words()), 422),
        };
        self.finish(
            wb,
            &pop,
            &file,
            &text,
            &new,
            &kind.anchor(slug, id),
            &refuse,
        )
    }

    /// Checks a new text with the loader, writes it, and sends the browser on.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        file: &str,
        old: &str,
        new: &str,
        back: &str,
        refuse: &dyn Fn(String, u16) -> Reply,
    ) -> Reply {
        let mut reply = Reply::redirect(back);
        if new == old {
            return reply;
        }
        if let Some(why) = self.loader_refuses(wb, pop, file, new) {
            return refuse(why, 422);
        }
        if let Err(r) = self.write(file, new) {
            return r;
        }
        reply.written.push(file.to_string());
        reply
    }

    /// The splices of a save: the fields, then a new value or status.
    pub(super) fn apply(
        &self,
        kind: Kind,
        id: &str,
        file: &str,
        text: &str,
        writes: &[(Spec, Plain)],
        form: &[(String, String)],
    ) -> Result<String, EditError> {
        let mut text = text.to_string();
        for ((key, _, shape), plain) in writes {
            text = match kind {
                Kind::Persona if *key == "story" => {
                    edit::set_body(&text, file, plain.as_deref().unwrap_or(""))?
                }
                Kind::Persona if FIGURES.contains(key) => {
                    let literal = plain.as_deref().map(|p| yaml_literal(*shape, p));
                    edit::set_front_matter_field(&text, file, "figures", key, literal.as_deref())?
                }
                Kind::Persona => {
                    let literal = plain.as_deref().map(|p| yaml_literal(*shape, p));
                    splice::set_front_matter_top(&text, file, key, literal.as_deref())?
                }
                Kind::Population if key.starts_with("size.") => {
                    let sub = key.trim_start_matches("size.");
                    if sub == "people"
                        && plain
                            .as_deref()
                            .is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit()))
                    {
                        return Err(EditError::BadValue(t("http-people-whole", &[])));
                    }
                    let literal = plain.as_deref().map(|p| toml_literal(*shape, p));
                    edit::set_table_field(&text, file, "size", sub, literal.as_deref())?
                }
                _ => {
                    let f = Field {
                        array: kind.array(),
                        id,
                        key,
                    };
                    let literal = plain.as_deref().map(|p| toml_literal(*shape, p));
                    edit::set_toml_field(&text, file, f, literal.as_deref())?
                }
            };
        }
        // Items changed in place (a figure's label or value, a team
        // member's name): found by their bytes as the page showed them, so
        // the indices are those of the text before anything else changes.
        let before = text.clone();
        for &(array, key, required) in editable(kind) {
            let prefix = format!("{array}.{key}.");
            for (name, typed) in form.iter().filter(|(k, _)| k.starts_with(&prefix)) {
                let seen = &name[prefix.len()..];
                let typed = typed.trim();
                let was = field(form, &format!("was.{name}")).unwrap_or("").trim();
                let removing = removable(kind)
                    .iter()
                    .any(|(a, b, _)| *a == array && field_values(form, b).any(|v| v == seen));
                if typed == was || removing {
                    continue;
                }
                if typed.is_empty() && required {
                    return Err(EditError::BadValue(t(
                        "http-figure-needs",
                        &[("key", key.into())],
                    )));
                }
                let at = splice::item_texts(&before, file, array)
                    .iter()
                    .position(|t| edit::fingerprint(t.as_bytes()) == seen)
                    .ok_or_else(|| {
                        EditError::BadValue(t(
                            "http-item-changed-gone",
                            &[("item", array.into()), ("file", file.into())],
                        ))
                    })?;
                let literal = (!typed.is_empty()).then(|| edit::toml_string(typed));
                text = edit::set_item_field(&text, file, array, at, key, literal.as_deref())?;
            }
        }
        for (array, box_name, noun) in removable(kind) {
            for seen in form.iter().filter(|(k, _)| k == box_name).map(|(_, v)| v) {
                let written = splice::item_texts(&text, file, array)
                    .into_iter()
                    .find(|t| edit::fingerprint(t.as_bytes()) == *seen)
                    .ok_or_else(|| {
                        EditError::BadValue(t(
                            "http-item-gone",
                            &[("item", (*array).into()), ("file", file.into())],
                        ))
                    })?;
                text = splice::remove_item(&text, file, array, &written, noun)?;
            }
        }
        if kind == Kind::Session {
            // An action ticked done (and not also ticked to remove).
            for seen in form
                .iter()
                .filter(|(k, _)| k == "done_action")
                .map(|(_, v)| v)
            {
                if form.iter().any(|(k, v)| k == "remove_action" && v == seen) {
                    continue;
                }
                let at = splice::item_texts(&text, file, "actions")
                    .iter()
                    .position(|t| edit::fingerprint(t.as_bytes()) == *seen)
                    .ok_or_else(|| {
                        EditError::BadValue(t("http-action-gone", &[("file", file.into())]))
                    })?;
                text = edit::set_item_field(&text, file, "actions", at, "done", Some("true"))?;
            }
            for (array, lines) in session_additions(form)? {
                text = splice::append_record(&text, file, array, &lines, &[])?;
            }
        }
        if kind == Kind::Population {
            for (array, lines) in population_additions(form)? {
                text = splice::append_record(&text, file, array, &lines, &[])?;
            }
        }
        if let Some(lines) = sub_record(kind, form)? {
            let sub = if kind == Kind::Measure {
                "value"
            } else {
                "status"
            };
            if splice::record_is_inline(&text, file, kind.name(), id) {
                return Err(EditError::BadValue(t(
                    "http-inline-sub",
                    &[("kind", kind.name().into()), ("file", file.into())],
                )));
            }
            text = edit::append_subtable(&text, file, kind.name(), id, sub, &lines)?;
        }
        Ok(text)
    }

    /// POST of a record's order form: moves it up or down in its file, or
    /// removes it, when it is still as the page showed it.
    pub(in crate::serve) fn arrange(
        &self,
        slug: &str,
        kind: Kind,
        id: &str,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        if kind == Kind::Persona {
            return self.remove_persona(slug, id, form, csrf);
        }
        if !kind.arranged() {
            return not_found();
        }
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let file = kind.file(slug);
        let refuse = |why: String, status: u16| {
            self.refused_as_on_disk(wb, &pop, (kind, id), csrf, why, status)
        };
        let text = match self.read(&file) {
            Ok(Some(b)) => String::from_utf8_lossy(&b).into_owned(),
            Ok(None) => return not_found(),
            Err(r) => return r,
        };
        let Some(now) = splice::record_text(&text, &file, kind.array(), id) else {
            return error_page(
                409,
                &t(
                    "http-record-gone",
                    &[
                        ("kind", kind.name().into()),
                        ("id", id.into()),
                        ("file", file.as_str().into()),
                    ],
                ),
                &t("http-record-gone-help", &[]),
            );
        };
        if field(form, "fp.record") != Some(edit::fingerprint(now.as_bytes()).as_str()) {
            return refuse(t("serve-not-moved", &[("kind", kind.name().into())]), 409);
        }
        let (new, back) = match field(form, "do") {
            Some("up") | Some("down") => (
                splice::move_record(
                    &text,
                    &file,
                    kind.array(),
                    id,
                    field(form, "do") == Some("up"),
                ),
                kind.anchor(slug, id),
            ),
            Some("remove") if field(form, "sure") == Some("yes") => (
                splice::remove_record(&text, &file, kind.array(), id),
                match kind {
                    Kind::Improvement => format!("{}/improvements", pop_href(slug)),
                    _ => pop_href(slug),
                },
            ),
            Some("remove") => {
                return refuse(
                    t("serve-not-removed-tick", &[("kind", kind.name().into())]),
                    422,
                );
            }
            // No button named: nothing asked, nothing done.
            _ => return Reply::redirect(&kind.anchor(slug, id)),
        };
        let new = match new {
            Ok(t) => t,
            Err(e) => {
                return refuse(
                    t("serve-not-changed", &[("reason", e.in_words().into())]),
                    422,
                );
            }
        };
        self.finish(wb, &pop, &file, &text, &new, &back, &refuse)
    }

    /// A record's page showing the record as it is on disk now, with why
    /// a move or a removal was refused.
    fn refused_as_on_disk(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        (kind, id): (Kind, &str),
        csrf: &str,
        why: String,
        status: u16,
    ) -> Reply {
        let fields = match self.on_disk(pop, kind, id) {
            Ok(Some((text, node))) => {
                self.shown(wb, pop, kind, &|k| disk_plain(kind, &text, &node, k))
            }
            _ => self.shown(wb, pop, kind, &|_| None),
        };
        let state = State {
            fields,
            problem: Some(why),
            ..State::default()
        };
        self.record_page(wb, pop, kind, Some(id), state, &[], csrf, status)
    }

    /// POST of a persona's remove form: its file is deleted when the box
    /// is ticked, the file is still as the page showed it, and no step or
    /// improvement names the persona any more.
    fn remove_persona(&self, slug: &str, id: &str, form: &[(String, String)], csrf: &str) -> Reply {
        let kind = Kind::Persona;
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let Some(file) = pop.persona(id).map(|p| p.file.clone()) else {
            return not_found();
        };
        let refuse = |why: String, status: u16| {
            self.refused_as_on_disk(wb, &pop, (kind, id), csrf, why, status)
        };
        let bytes = match self.read(&file) {
            Ok(Some(b)) => b,
            Ok(None) => return not_found(),
            Err(r) => return r,
        };
        if field(form, "do") != Some("remove") {
            return Reply::redirect(&kind.anchor(slug, id));
        }
        if field(form, "sure") != Some("yes") {
            return refuse(
                t("serve-not-removed-tick", &[("kind", "persona".into())]),
                422,
            );
        }
        if field(form, "fp.record") != Some(edit::fingerprint(&bytes).as_str()) {
            return refuse(t("serve-not-removed-changed", &[]), 409);
        }
        let mut naming: Vec<String> = Vec::new();
        for step in pop.process_map.iter().flat_map(|m| &m.steps) {
            if step.personas.iter().any(|r| r.slug == id) {
                naming.push(format!("step `{}`", step.id));
            }
        }
        for imp in pop.improvements.iter().flat_map(|i| &i.improvements) {
            if imp.personas.iter().any(|r| r.name == id) {
                naming.push(format!("improvement `{}`", imp.id));
            }
        }
        if !naming.is_empty() {
            return refuse(
                t(
                    "serve-not-removed-named",
                    &[
                        ("names", naming.join(", ").into()),
                        ("count", naming.len().into()),
                    ],
                ),
                422,
            );
        }
        or_reply!(self.delete(&file));
        Reply::redirect(&pop_href(slug))
    }

    /// POST of a new record.
    pub(in crate::serve) fn add_record(
        &self,
        slug: &str,
        kind: Kind,
        form: &[(String, String)],
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let refuse = |why: String, status: u16| {
            let state = State {
                fields: self.typed(wb, &pop, kind, form),
                problem: Some(why),
                conflict: false,
                ..State::default()
            };
            self.record_page(wb, &pop, kind, None, state, form, csrf, status)
        };
        let mut plains = Vec::new();
        for &spec in kind.fields() {
            let choices = self.choices(wb, &pop, kind, spec.0);
            match plain_of_form(form, kind, spec, &choices, &None) {
                Ok(p) => plains.push((spec, p)),
                Err(why) => return refuse(not_saved(why), 422),
            }
        }
        let typed_id = field(form, "id").unwrap_or("").trim().to_string();
        let id = match typed_id.is_empty() {
            true => layout::suggest_slug(
                plains
                    .iter()
                    .find_map(|(s, p)| (s.2 == Shape::Required).then_some(p.clone()).flatten())
                    .as_deref()
                    .unwrap_or(""),
            ),
            false => typed_id,
        };
        if layout::check_slug(kind.name(), &id).is_err() {
            let example = Some(layout::suggest_slug(&id))
                .filter(|s| layout::check_slug(kind.name(), s).is_ok())
                .unwrap_or_else(|| format!("{}-1", kind.name()));
            let why = t(
                "http-bad-id",
                &[("id", id.as_str().into()), ("example", example.into())],
            );
            return refuse(not_saved(why), 422);
        }
        let taken = match kind {
            Kind::Persona => pop.persona(&id).is_some(),
            _ => {
                self.choices(wb, &pop, kind, &format!("{}s", kind.name()))
                    .iter()
                    .any(|c| c.id == id)
                    || (kind == Kind::Improvement
                        && pop
                            .improvements
                            .iter()
                            .flat_map(|r| &r.improvements)
                            .any(|i| i.id == id))
            }
        };
        if taken {
            return refuse(
                t(
                    "serve-not-saved-taken",
                    &[("kind", kind.name().into()), ("id", id.as_str().into())],
                ),
                422,
            );
        }
        if kind == Kind::Persona {
            return self.add_persona(wb, &pop, &id, &plains, form, &refuse);
        }
        let file = kind.file(slug);
        let old = match self.read(&file) {
            Ok(Some(b)) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(_) => {
                    return refuse(
                        t(
                            "serve-not-saved-not-text",
                            &[("file", file.as_str().into())],
                        ),
                        422,
                    );
                }
            },
            Ok(None) if kind == Kind::Improvement => String::new(),
            Ok(None) => {
                return refuse(
                    t("serve-not-saved-no-file", &[("file", file.as_str().into())]),
                    422,
                );
            }
            Err(r) => return r,
        };
        let base = match old.is_empty() {
            true => crate::scaffold::improvements_header(),
            false => old.clone(),
        };
        let mut lines: Vec<splice::Line<'_>> = vec![("id", edit::toml_string(&id))];
        for ((key, _, shape), plain) in &plains {
            if let Some(p) = plain {
                lines.push((key, toml_literal(*shape, p)));
            }
        }
        let subs = match sub_record(kind, form) {
            Ok(Some(sub)) => vec![(
                if kind == Kind::Measure {
                    "value"
                } else {
                    "status"
                },
                sub,
            )],
            Ok(None) => Vec::new(),
            Err(e) => return refuse(not_saved(e.in_words()), 422),
        };
        let new = match splice::append_record(&base, &file, kind.name(), &lines, &subs) {
            Ok(t) => t,
            Err(e) => return refuse(not_saved(e.in_words()), 422),
        };
        self.finish(
            wb,
            &pop,
            &file,
            &old,
            &new,
            &kind.anchor(slug, &id),
            &refuse,
        )
    }

    pub(super) fn add_persona(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        id: &str,
        plains: &[(Spec, Plain)],
        form: &[(String, String)],
        refuse: &dyn Fn(String, u16) -> Reply,
    ) -> Reply {
        let file = format!("{}/{id}.md", Kind::Persona.file(&pop.slug));
        // A file the loader did not take (a link out of the workbook, a
        // file it cannot read) is not written over, nor through.
        if !matches!(self.read(&file), Ok(None)) {
            return refuse(
                t(
                    "serve-not-saved-file-taken",
                    &[("file", file.as_str().into())],
                ),
                422,
            );
        }
        let mut top = Vec::new();
        let mut figures = Vec::new();
        let mut story = String::new();
        for ((key, _, shape), plain) in plains {
            let Some(p) = plain else { continue };
            match *key {
                "story" => story = p.clone(),
                k if FIGURES.contains(&k) => figures.push((*key, yaml_literal(*shape, p))),
                _ => top.push((*key, yaml_literal(*shape, p))),
            }
        }
        top.push((
            "composite",
            (field(form, "composite").is_some()).to_string(),
        ));
        let text = splice::persona_file(&top, &figures, &story);
        let back = Kind::Persona.anchor(&pop.slug, id);
        self.finish(wb, pop, &file, "", &text, &back, refuse)
    }
}

/// "Nothing was saved: WHY." in the page's language.
fn not_saved(why: String) -> String {
    t("serve-not-saved", &[("reason", why.into())])
}
