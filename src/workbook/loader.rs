//! Reading a workbook's files: `covalue.toml`, the guide it names and each
//! population folder, from the disk (through the workbook's jail, see
//! `confine.rs`) or from a tree held in memory (a git revision), with a
//! finding for everything that cannot be read or does not fit the guide.
//! Every file covalue reads from a workbook is read here.

use std::any::Any;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::layout::{
    ANSWERS_DIR, COMPASS_FILE, IMPROVEMENTS_FILE, PERSONAS_DIR, POPULATION_ENTRIES,
    POPULATION_FILE, POPULATIONS_DIR, PROCESS_MAP_FILE, SESSIONS_DIR, example_slug, is_slug,
    population_dir,
};
use super::{
    AnswerFile, CONFIG_FILE, Compass, Config, Disk, Files, LoadError, Loc, Persona, Population,
    PopulationInfo, ProcessMap, Session, SourceHook, answers, read_error_finding,
};
use crate::finding::{Code, Finding};
use crate::guide::{Form, Guide};
use crate::node::{self, Node};
use crate::source::Source;
use crate::spec::{self, Vocabularies};

/// Where a loader reads from: the disk, or files the caller holds.
enum Store<'a> {
    Disk(Disk),
    Borrowed(&'a dyn Files),
}

/// Reads one workbook's files: from the disk under its root, or from a tree
/// in memory. A hook, when given, sees every text file as it is read (the
/// privacy lint uses it).
pub struct Loader<'a> {
    store: Store<'a>,
    root: PathBuf,
    hook: Option<SourceHook<'a>>,
    memo: Option<&'a Memo>,
    /// Whether populations are loaded without their register of improvements.
    without_register: bool,
}

/// What was made of each file, by its path and bytes, for loaders that read
/// two versions of one workbook with the same guide (`covalue diff`): a file
/// that is the same on both sides is parsed and checked once, and the second
/// reading gets the same record and the same findings (once: a record is
/// handed over, not kept).
#[derive(Default)]
pub struct Memo {
    seen: Mutex<HashMap<String, Parsed>>,
    /// The files handed over: the same bytes on both sides.
    same: Mutex<BTreeSet<String>>,
}

impl Memo {
    /// The files (as findings show them) that were the same bytes on both
    /// sides, so that what was made of them is the same.
    pub fn same_files(&self) -> BTreeSet<String> {
        std::mem::take(&mut *self.same.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// One file's bytes, and the record and findings made of them.
type Parsed = (Vec<u8>, Box<dyn Any + Send>, Vec<Finding>);

impl Loader<'static> {
    /// Reads the workbook whose root folder (holding `covalue.toml`) is `root`.
    pub fn disk(root: &Path) -> Loader<'static> {
        Loader {
            store: Store::Disk(Disk::at(root)),
            root: root.to_path_buf(),
            hook: None,
            memo: None,
            without_register: false,
        }
    }
}

impl<'a> Loader<'a> {
    /// Reads a workbook from `files`, whose paths start at `root`.
    pub fn new(files: &'a dyn Files, root: &Path) -> Loader<'a> {
        Loader {
            store: Store::Borrowed(files),
            root: root.to_path_buf(),
            hook: None,
            memo: None,
            without_register: false,
        }
    }

    /// The same loader, showing every text file it reads to `hook`.
    pub fn with_hook<'b>(self, hook: SourceHook<'b>) -> Loader<'b>
    where
        'a: 'b,
    {
        Loader {
            store: match self.store {
                Store::Disk(d) => Store::Disk(d),
                Store::Borrowed(f) => Store::Borrowed(f),
            },
            root: self.root,
            hook: Some(hook),
            memo: self.memo,
            without_register: self.without_register,
        }
    }

    /// The same loader, taking what `memo` already made of a file with the
    /// same path and bytes instead of parsing it again, and keeping what it
    /// makes there. Only for loaders with the same guide: a record depends
    /// on the guide it is checked against. Files given from a memo are not
    /// shown to a hook.
    pub fn with_memo(self, memo: &'a Memo) -> Loader<'a> {
        Loader {
            memo: Some(memo),
            ..self
        }
    }

    /// The same loader, leaving each population's register of improvements
    /// unread (`improvements` is None): for a diff of two versions whose
    /// registers are the same bytes, which has nothing to say about them
    /// and needs nothing else from them.
    pub fn without_register(self) -> Loader<'a> {
        Loader {
            without_register: true,
            ..self
        }
    }

    /// The workbook's root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the files are read from.
    pub fn files(&self) -> &dyn Files {
        match &self.store {
            Store::Disk(d) => d,
            Store::Borrowed(f) => *f,
        }
    }

    /// A path as findings show it: relative to the root, with `/`.
    fn display(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let shown = match relative.to_str() {
            Some(text) => text.to_string(),
            None => relative.display().to_string(),
        };
        match shown.contains('\\') {
            true => shown.replace('\\', "/"),
            false => shown,
        }
    }

    /// Reads a text file, shows it to the hook and makes something of it
    /// with `parse`; None when it cannot be read or used. With a memo, a file
    /// already made something of (same path, same bytes) is not parsed again.
    fn parse_file<T: Clone + Send + 'static>(
        &self,
        path: &Path,
        out: &mut Vec<Finding>,
        parse: impl FnOnce(&Source, &mut Vec<Finding>) -> Option<T>,
    ) -> Option<T> {
        let display = self.display(path);
        let bytes = match self.files().read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                out.push(read_error_finding(&display, &err));
                return None;
            }
        };
        if let Some(memo) = self.memo {
            // Each file is asked for once per side: what the first side
            // made is handed over, not copied.
            let mut seen = memo.seen.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get(&display).is_some_and(|(b, _, _)| *b == bytes) {
                if let Some((_, value, findings)) = seen.remove(&display) {
                    if let Ok(value) = value.downcast::<Option<T>>() {
                        out.extend(findings);
                        drop(seen);
                        let mut same = memo.same.lock().unwrap_or_else(|e| e.into_inner());
                        same.insert(display);
                        return *value;
                    }
                }
            }
        }
        let kept = self.memo.map(|_| bytes.clone());
        let source = match Source::from_bytes(bytes, &display) {
            Ok(source) => source,
            Err(err) => {
                out.push(read_error_finding(&display, &err));
                return None;
            }
        };
        let mut made = Vec::new();
        if let Some(hook) = self.hook {
            hook(&source, &mut made);
        }
        let value = parse(&source, &mut made);
        let conflicts = super::conflict::findings(&source);
        if !conflicts.is_empty() {
            // The markers are why such a file cannot be parsed: say that,
            // not the parser's bare complaint about them.
            made.retain(|f| f.code != Code::CV002);
            made.extend(conflicts);
        }
        if let (Some(memo), Some(bytes)) = (self.memo, kept) {
            let mut seen = memo.seen.lock().unwrap_or_else(|e| e.into_inner());
            seen.insert(display, (bytes, Box::new(value.clone()), made.clone()));
        }
        out.extend(made);
        value
    }

    /// Reads a TOML file, checks its shape and makes a record of it with
    /// `build`; None when it cannot be used.
    fn toml<T: Clone + Send + 'static>(
        &self,
        path: &Path,
        record: &spec::Record,
        vocab: &dyn Vocabularies,
        out: &mut Vec<Finding>,
        build: impl FnOnce(&Node, &Source) -> T,
    ) -> Option<T> {
        self.parse_file(path, out, |source, out| match node::parse_toml(source) {
            Ok(node) => {
                spec::validate(&node, record, vocab, source, &spec::KeyPath::Root, out);
                Some(build(&node, source))
            }
            Err(f) => {
                out.push(*f);
                None
            }
        })
    }

    /// Reads `covalue.toml`; the defaults when it cannot be read. Reports
    /// temporary files left at the top of the workbook.
    pub fn config(&self, out: &mut Vec<Finding>) -> Config {
        if let Ok(names) = self.files().list_dir(&self.root) {
            for name in names {
                stale_temp("", &name, out);
            }
        }
        self.toml(
            &self.root.join(CONFIG_FILE),
            &spec::CONFIG,
            &spec::BaseVocab,
            out,
            |node, _| Config {
                title: node.string("title").unwrap_or_default(),
                organisation: node.string("organisation"),
                guide: node.string("guide").unwrap_or_else(|| "builtin".into()),
                form: node.str("form").and_then(Form::parse).unwrap_or(Form::Full),
                templates: node.string("templates"),
                language: node.string("language"),
                privacy_allow: node
                    .get("privacy")
                    .map(|p| {
                        p.array("allow")
                            .iter()
                            .filter_map(|a| Some((a.string("value")?, a.string("reason")?)))
                            .collect()
                    })
                    .unwrap_or_default(),
            },
        )
        .unwrap_or_default()
    }

    /// Loads the guide a workbook names: `builtin`, `builtin@VERSION`, or a
    /// site's guide file inside the workbook.
    pub fn guide(&self, name: &str) -> Result<Guide, Vec<Finding>> {
        self.guide_in(name, crate::i18n::Lang::En)
    }

    /// The guide `covalue.toml` names, in `lang` when it is the built-in
    /// guide and covalue has it in that language (English otherwise). A
    /// site's own guide is in whatever language the site wrote it.
    pub fn guide_in(&self, name: &str, lang: crate::i18n::Lang) -> Result<Guide, Vec<Finding>> {
        if let Some(tag) = lang.guide_tag() {
            let builtin = name == "builtin"
                || name
                    .strip_prefix("builtin@")
                    .is_some_and(|v| Guide::builtin().is_ok_and(|g| g.version == v));
            if builtin {
                if let Some(translated) = Guide::builtin_for(tag) {
                    return translated;
                }
            }
        }
        self.guide_named(name)
    }

    /// The guide `covalue.toml` names, in English when built in.
    fn guide_named(&self, name: &str) -> Result<Guide, Vec<Finding>> {
        let builtin = Guide::builtin()?;
        if name == "builtin" {
            return Ok(builtin);
        }
        if let Some(version) = name.strip_prefix("builtin@") {
            if version == builtin.version {
                return Ok(builtin);
            }
            return Err(vec![Finding::error(
                Code::CV040,
                format!("covalue.toml asks for the built-in guide version {version}, but this covalue has version {}", builtin.version),
            )
            .in_file(CONFIG_FILE)
            .help(match Guide::builtin_version(version) {
                Some(_) => format!("run `covalue upgrade` to move the workbook to version {} (it refreshes the prompts, keeps every answer and sets guide = \"builtin@{}\"), or install the covalue that ships version {version}", builtin.version, builtin.version),
                None => format!("write guide = \"builtin@{}\" (or just \"builtin\"), or install the covalue that ships version {version}", builtin.version),
            })]);
        }
        let rel = match crate::confine::relative_name(name) {
            Ok(rel) => rel,
            Err(why) => {
                return Err(vec![
                    Finding::error(
                        Code::CV040,
                        format!("covalue.toml names the guide \"{name}\", which covalue will not read: {why}"),
                    )
                    .in_file(CONFIG_FILE)
                    .help("keep a site's guide inside the workbook and name it by a relative path, for example guide = \"guide/site-guide.toml\""),
                ]);
            }
        };
        let path = self.root.join(rel);
        let display = self.display(&path);
        let read = self
            .files()
            .read(&path)
            .and_then(|bytes| Source::from_bytes(bytes, &display));
        match read {
            Ok(source) => {
                let conflicts = super::conflict::findings(&source);
                match conflicts.is_empty() {
                    true => Guide::from_source(&source),
                    false => Err(conflicts),
                }
            }
            Err(err) => Err(vec![read_error_finding(&display, &err)]),
        }
    }

    /// The population folders, sorted by slug.
    pub fn population_slugs(&self, findings: &mut Vec<Finding>) -> Result<Vec<String>, LoadError> {
        let files = self.files();
        let dir = self.root.join(POPULATIONS_DIR);
        if !files.exists(&dir) {
            return Ok(Vec::new());
        }
        if !files.is_dir(&dir) {
            findings.push(
                Finding::error(
                    Code::CV008,
                    "`populations` is a file, but it should be the folder of populations",
                )
                .in_file(POPULATIONS_DIR)
                .help("move the file away; `covalue new population SLUG` creates the folder"),
            );
            return Ok(Vec::new());
        }
        let entries = files
            .list_dir(&dir)
            .map_err(|e| LoadError::Unreadable(dir.clone(), e))?;
        let mut slugs = Vec::new();
        for name in entries {
            if name.starts_with('.') {
                stale_temp(POPULATIONS_DIR, &name, findings);
                continue;
            }
            if !files.is_dir(&dir.join(&name)) {
                findings.push(
                    Finding::warning(Code::CV008, format!("{POPULATIONS_DIR}/{name} is a file; only population folders belong in {POPULATIONS_DIR}/"))
                        .in_file(population_dir(&name))
                        .help("move it elsewhere, or create a population with `covalue new population SLUG`"),
                );
                continue;
            }
            slugs.push(name);
        }
        slugs.sort();
        Ok(slugs)
    }

    /// Loads one population folder.
    pub fn population(&self, slug: &str, guide: &Guide) -> Population {
        let files = self.files();
        let dir = self.root.join(population_dir(slug));
        let rel = population_dir(slug);
        let mut findings = Vec::new();
        if !is_slug(slug) {
            findings.push(
                Finding::warning(
                    Code::CV009,
                    format!("the population folder name \"{slug}\" is not a valid slug"),
                )
                .in_file(&rel)
                .help(format!(
                    "rename the folder with lowercase letters, digits and hyphens, for example `{}`",
                    example_slug(slug, "heart-failure")
                )),
            );
        }
        let listed = self.check_entries(&dir, &rel, POPULATION_ENTRIES, &mut findings);
        // What is in the folder, from its listing (a link that leads nowhere
        // is listed too, and reported when read); probed when it cannot be listed.
        let optional_file = |files: &dyn Files, path: &Path| -> Option<PathBuf> {
            match (&listed, path.file_name().and_then(|n| n.to_str())) {
                (Some(names), Some(name)) => {
                    names.iter().any(|n| n == name).then(|| path.to_path_buf())
                }
                _ => optional_file(files, path),
            }
        };

        // A missing population.toml is reported by the check as CV007.
        let info = optional_file(files, &dir.join(POPULATION_FILE)).and_then(|p| {
            self.toml(&p, &spec::POPULATION, guide, &mut findings, |node, _| {
                PopulationInfo::from_node(node)
            })
        });
        let personas = self.personas(&dir.join(PERSONAS_DIR), guide, &mut findings);
        let process_map = optional_file(files, &dir.join(PROCESS_MAP_FILE)).and_then(|p| {
            self.toml(
                &p,
                &spec::PROCESS_MAP,
                guide,
                &mut findings,
                ProcessMap::from_node,
            )
        });
        let compass = optional_file(files, &dir.join(COMPASS_FILE))
            .and_then(|p| self.toml(&p, &spec::COMPASS, guide, &mut findings, Compass::from_node));
        let register = (!self.without_register)
            .then(|| optional_file(files, &dir.join(IMPROVEMENTS_FILE)))
            .flatten();
        let improvements = register.and_then(|p| {
            self.toml(
                &p,
                &spec::IMPROVEMENTS,
                guide,
                &mut findings,
                super::improvements::Improvements::from_node,
            )
        });
        let answers = self.answers(&dir.join(ANSWERS_DIR), guide, &mut findings);
        for f in &mut findings {
            f.population = Some(slug.to_string());
        }
        Population {
            slug: slug.to_string(),
            dir: rel,
            info,
            personas,
            process_map,
            compass,
            answers,
            improvements,
            findings,
        }
    }

    /// Reads the session records under `sessions/`, in the order of their
    /// file names (which start with the date).
    pub fn sessions(&self, guide: &Guide, findings: &mut Vec<Finding>) -> Vec<Session> {
        self.session_records(&spec::SESSION, guide, findings)
    }

    /// Reads the community session records under `sessions/` of a network
    /// folder (this loader's root), checked against their own shape with
    /// `vocab`'s roles; sorted by file name.
    pub fn community_sessions(
        &self,
        vocab: &dyn Vocabularies,
        findings: &mut Vec<Finding>,
    ) -> Vec<Session> {
        self.session_records(&spec::COMMUNITY_SESSION, vocab, findings)
    }

    /// The session records of `sessions/`, each checked against `record`.
    fn session_records(
        &self,
        record: &spec::Record,
        vocab: &dyn Vocabularies,
        findings: &mut Vec<Finding>,
    ) -> Vec<Session> {
        let dir = self.root.join(SESSIONS_DIR);
        let files = self.files();
        if !files.exists(&dir) && !files.is_symlink(&dir) {
            return Vec::new();
        }
        let mut sessions = Vec::new();
        for (name, path) in self.files_with(
            &dir,
            ".toml",
            &[".md"],
            "a session is a .toml file, and its notes a .md file of the same name",
            findings,
        ) {
            let session = self.toml(&path, record, vocab, findings, |node, source| {
                Session::from_node(node, source, &name)
            });
            sessions.extend(session);
        }
        sessions
    }

    /// Reports entries of a folder that covalue does not know; the entries,
    /// when the folder can be listed.
    fn check_entries(
        &self,
        dir: &Path,
        rel: &str,
        known: &[&str],
        findings: &mut Vec<Finding>,
    ) -> Option<Vec<String>> {
        let Ok(mut names) = self.files().list_dir(dir) else {
            return None;
        };
        names.sort();
        for name in &names {
            stale_temp(rel, name, findings);
            if name.starts_with('.') || known.contains(&name.as_str()) {
                continue;
            }
            let finding =
                Finding::warning(Code::CV008, format!("covalue does not know {rel}/{name}"))
                    .in_file(format!("{rel}/{name}"));
            findings.push(match spec::suggest(name, known.iter().copied()) {
                Some(better) => finding.help(format!(
                    "did you mean `{better}`? Rename it, or it is not read"
                )),
                None => finding.help(format!(
                    "a population folder holds {}; anything else is not read",
                    known.join(", ")
                )),
            });
        }
        Some(names)
    }

    /// Lists the `.md` files of a folder, sorted, reporting a file where the folder should be.
    fn markdown_files(&self, dir: &Path, findings: &mut Vec<Finding>) -> Vec<(String, PathBuf)> {
        self.files_with(dir, ".md", &[], "files here end in .md", findings)
    }

    /// Lists the files of a folder whose names end in `suffix`, sorted, by
    /// their names without it; reports a file where the folder should be,
    /// and files that end in neither `suffix` nor one of `also` (`hint`
    /// says what belongs there).
    fn files_with(
        &self,
        dir: &Path,
        suffix: &str,
        also: &[&str],
        hint: &str,
        findings: &mut Vec<Finding>,
    ) -> Vec<(String, PathBuf)> {
        let files = self.files();
        let rel = self.display(dir);
        if !files.exists(dir) {
            if files.is_symlink(dir) {
                findings.push(
                    Finding::error(
                        Code::CV001,
                        format!(
                            "the folder {rel} cannot be read: it is a link that loops or points nowhere"
                        ),
                    )
                    .in_file(&rel)
                    .help("repair the link, or replace it with the folder itself"),
                );
            }
            return Vec::new();
        }
        if !files.is_dir(dir) {
            findings.push(
                Finding::error(
                    Code::CV008,
                    format!("{rel} is a file, but it should be a folder"),
                )
                .in_file(&rel)
                .help("move the file away and create the folder in its place"),
            );
            return Vec::new();
        }
        let entries = match files.list_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                findings.push(
                    Finding::error(
                        Code::CV001,
                        format!("the folder {rel} cannot be read: {err}"),
                    )
                    .in_file(&rel)
                    .help(
                        "check its permissions; a workbook may link only to folders inside itself",
                    ),
                );
                return Vec::new();
            }
        };
        let mut found = Vec::new();
        for name in entries {
            if name.starts_with('.') {
                stale_temp(&rel, &name, findings);
                continue;
            }
            match name.strip_suffix(suffix) {
                Some(stem) => found.push((stem.to_string(), dir.join(&name))),
                None if also.iter().any(|a| name.ends_with(a)) => {}
                None => findings.push(
                    Finding::warning(
                        Code::CV008,
                        format!("{rel}/{name} does not end in {suffix} and is not read"),
                    )
                    .in_file(format!("{rel}/{name}"))
                    .help(hint.to_string()),
                ),
            }
        }
        found.sort();
        found
    }

    fn personas(&self, dir: &Path, guide: &Guide, findings: &mut Vec<Finding>) -> Vec<Persona> {
        let mut personas = Vec::new();
        for (slug, path) in self.markdown_files(dir, findings) {
            let display = self.display(&path);
            if !is_slug(&slug) {
                findings.push(
                    Finding::warning(Code::CV009, format!("the persona file name \"{slug}.md\" is not a valid slug"))
                        .in_file(&display)
                        .help(format!(
                            "rename it with lowercase letters, digits and hyphens, for example `{}.md`; steps and walk-throughs name personas by it",
                            example_slug(&slug, "sara")
                        )),
                );
            }
            let persona = self.parse_file(&path, findings, |source, findings| {
                let fm = match node::parse_front_matter(source) {
                    Ok(fm) => fm,
                    Err(f) => {
                        findings.push(*f);
                        return None;
                    }
                };
                if !fm.present {
                    findings.push(
                        Finding::error(Code::CV006, format!("the persona {slug} has no front matter"))
                            .at_line(source, 1, 1)
                            .help("start the file with `---`, then `name:`, `kind:` and `composite: true`, then `---`"),
                    );
                } else {
                    spec::validate(
                        &fm.node,
                        &spec::PERSONA,
                        guide,
                        source,
                        &spec::KeyPath::Root,
                        findings,
                    );
                }
                let body = source.text.get(fm.body_start..).unwrap_or("");
                Some(Persona::from_parts(
                    &slug,
                    &display,
                    &fm.node,
                    body,
                    Loc::of_line(source, 1),
                ))
            });
            personas.extend(persona);
        }
        personas
    }

    fn answers(&self, dir: &Path, guide: &Guide, findings: &mut Vec<Finding>) -> Vec<AnswerFile> {
        let found = self.markdown_files(dir, findings);
        let mut answers = Vec::new();
        for section in guide.all_sections() {
            let Some((_, path)) = found.iter().find(|(stem, _)| *stem == section.id) else {
                continue;
            };
            let parsed = self.parse_file(path, findings, |source, findings| {
                Some(answers::parse_with(
                    source,
                    section,
                    &guide.renamed,
                    findings,
                ))
            });
            answers.extend(parsed);
        }
        for (stem, path) in &found {
            if guide.section(stem).is_none() {
                let display = self.display(path);
                let ids: Vec<&str> = guide.all_sections().map(|s| s.id.as_str()).collect();
                let finding = Finding::warning(
                    Code::CV008,
                    format!("{display} does not match a step of the guide and is not read"),
                )
                .in_file(&display);
                findings.push(match spec::suggest(stem, ids.iter().copied()) {
                    Some(better) => finding.help(format!("did you mean `{better}.md`?")),
                    None => finding.help(format!(
                        "answer files are named after the guide's steps: {}",
                        ids.join(", ")
                    )),
                });
            }
        }
        answers
    }
}

/// The path when something is there (a file, or a folder reported as such later).
/// Reports `name` in the folder `rel` (relative to the workbook) when it is
/// a temporary file left by a save that was interrupted (CV047).
fn stale_temp(rel: &str, name: &str, findings: &mut Vec<Finding>) {
    if !super::layout::is_temp_file(name) {
        return;
    }
    let file = if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    };
    let target = super::layout::temp_target(name).unwrap_or("its file");
    findings.push(
        Finding::warning(
            Code::CV047,
            format!("{file} is a temporary file left when a save of {target} was interrupted"),
        )
        .in_file(&file)
        .help(format!(
            "check that {target} holds what you meant to save, then delete {name}; \
             covalue removes it the next time it saves {target}"
        )),
    );
}

fn optional_file(files: &dyn Files, path: &Path) -> Option<PathBuf> {
    (files.exists(path) || files.is_symlink(path)).then(|| path.to_path_buf())
}
