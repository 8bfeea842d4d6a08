//! The workbook as it is on disk: finding it, reading `covalue.toml`, the
//! guide it names, and every population folder, keeping the position of each
//! item so that findings can point at it.

pub mod answers;
pub mod files;
pub mod records;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use crate::finding::Loc;
use crate::finding::{Code, Finding};
use crate::guide::{Form, Guide};
use crate::node::{self, Node};
use crate::source::{ReadError, Source};
use crate::spec::{self, Vocabularies};

pub use answers::{Answer, AnswerFile, Status};
pub use files::{Disk, Files, MemTree};
pub use records::{Compass, Measure, Persona, PopulationInfo, ProcessMap, ProcessStep};

/// The name of the file that marks a workbook's root.
pub const CONFIG_FILE: &str = "covalue.toml";

/// `covalue.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// The workbook's title.
    pub title: String,
    /// The site.
    pub organisation: Option<String>,
    /// Which guide: `builtin`, `builtin@VERSION` or a path.
    pub guide: String,
    /// The form kept.
    pub form: Form,
    /// A folder of templates overriding the built-in ones.
    pub templates: Option<String>,
    /// Values the privacy check accepts.
    pub privacy_allow: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: String::new(),
            organisation: None,
            guide: "builtin".into(),
            form: Form::Full,
            templates: None,
            privacy_allow: Vec::new(),
        }
    }
}

/// One population folder.
#[derive(Debug, Clone, Serialize)]
pub struct Population {
    /// The folder's name.
    pub slug: String,
    /// The folder, relative to the workbook.
    pub dir: String,
    /// `population.toml`, when it could be read.
    pub info: Option<PopulationInfo>,
    /// The personas, by slug.
    pub personas: Vec<Persona>,
    /// The process map, when there is one.
    pub process_map: Option<ProcessMap>,
    /// The value compass, when there is one.
    pub compass: Option<Compass>,
    /// The answer files found, in guide order.
    pub answers: Vec<AnswerFile>,
    /// Problems met while reading the folder.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

impl Population {
    /// The population's name, or its slug when it has none.
    pub fn name(&self) -> &str {
        self.info
            .as_ref()
            .map(|i| i.name.as_str())
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.slug)
    }

    /// A persona by slug.
    pub fn persona(&self, slug: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.slug == slug)
    }

    /// The answer file of a section.
    pub fn answer_file(&self, section: &str) -> Option<&AnswerFile> {
        self.answers.iter().find(|a| a.section == section)
    }

    /// The written answer to a question, if its heading is there.
    pub fn answer(&self, section: &str, question: &str) -> Option<&Answer> {
        self.answer_file(section).and_then(|f| f.answer(question))
    }
}

/// A workbook, loaded.
#[derive(Debug)]
pub struct Workbook {
    /// The folder holding `covalue.toml`.
    pub root: PathBuf,
    /// `covalue.toml`.
    pub config: Config,
    /// The guide it answers.
    pub guide: Guide,
    /// The slugs of its population folders, sorted.
    pub slugs: Vec<String>,
    /// Its populations, by slug (empty after [`Workbook::open`]).
    pub populations: Vec<Population>,
    /// Problems met while reading outside the populations (config, guide, folders).
    pub findings: Vec<Finding>,
}

/// Why no workbook could be loaded at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No `covalue.toml` here or in any parent folder.
    #[error("no workbook here: there is no {} in {} or any folder above it", CONFIG_FILE, .0.display())]
    NotFound(PathBuf),
    /// The folder cannot be read.
    #[error("cannot read {}", .0.display())]
    Unreadable(PathBuf, #[source] std::io::Error),
    /// The guide the workbook names cannot be used; its findings say why.
    #[error("the workbook's guide cannot be used ({} problem(s) above)", .0.len())]
    Guide(Vec<Finding>),
}

impl crate::diagnose::Diagnose for LoadError {
    fn help(&self) -> Option<String> {
        Some(match self {
            LoadError::NotFound(_) => {
                "run covalue inside a workbook, use `-C FOLDER`, or start one with `covalue init`"
                    .into()
            }
            LoadError::Unreadable(..) => {
                "check that the folder exists and that you may read it".into()
            }
            LoadError::Guide(_) => return None,
        })
    }

    fn findings(&self) -> &[Finding] {
        match self {
            LoadError::Guide(findings) => findings,
            _ => &[],
        }
    }
}

/// Finds the workbook root: `covalue.toml` in `start` or a parent folder.
pub fn discover(start: &Path) -> Result<PathBuf, LoadError> {
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    let absolute =
        std::path::absolute(start).map_err(|e| LoadError::Unreadable(start.to_path_buf(), e))?;
    if let Err(err) = fs::metadata(&absolute) {
        return Err(LoadError::Unreadable(absolute, err));
    }
    let mut dir = Some(absolute.as_path());
    while let Some(d) = dir {
        if d.join(CONFIG_FILE).exists() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Err(LoadError::NotFound(absolute))
}

/// Called for every text file read, e.g. to scan it for identifiers.
pub type SourceHook<'a> = &'a (dyn Fn(&Source, &mut Vec<Finding>) + Sync);

/// A finding for a file that could not be read.
pub fn read_error_finding(display: &str, err: &ReadError) -> Finding {
    let f = Finding::error(Code::CV001, String::new()).in_file(display);
    match err {
        ReadError::Missing => Finding { message: format!("{display} is missing"), ..f }.help("create it (`covalue new` writes a starting version)"),
        ReadError::IsFolder => Finding { message: format!("{display} is a folder, but it should be a file"), ..f }
            .help("move the folder away and put the file in its place"),
        ReadError::Io(e) => Finding { message: format!("{display} cannot be read: {e}"), ..f }
            .help("check that the file exists, is not a broken or looping link, and that you may read it"),
        ReadError::Outside(_) => Finding { message: format!("{display} is not read: {}", err.describe()), ..f }
            .help("a workbook may use links only to places inside its own folder; replace the link with the file itself"),
        ReadError::NotAFile(_) => Finding { message: format!("{display} is not read: {}", err.describe()), ..f }
            .help("put a text file in its place"),
        ReadError::TooLarge(_) => Finding { message: format!("{display} is not read: {}", err.describe()), ..f }
            .help("split the text into smaller files, or move large material out of the workbook and link to it"),
        ReadError::NotUtf8 { line, column } => Finding {
            message: format!("{display} is not UTF-8 text"),
            line: Some(*line),
            column: Some(*column),
            ..f
        }
        .help("save the file as UTF-8 in your editor (most editors offer it under \"Save with encoding\")"),
    }
}

fn display_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Reads a text file through `files`.
fn read_source(files: &dyn Files, path: &Path, display: &str) -> Result<Source, ReadError> {
    Source::from_bytes(files.read(path)?, display)
}

/// Reads a TOML file and checks its shape; None when it cannot be used.
fn read_toml(
    files: &dyn Files,
    root: &Path,
    path: &Path,
    record: &spec::Record,
    vocab: &dyn Vocabularies,
    hook: Option<SourceHook<'_>>,
    out: &mut Vec<Finding>,
) -> Option<(Node, Source)> {
    let display = display_of(root, path);
    let source = match read_source(files, path, &display) {
        Ok(s) => s,
        Err(err) => {
            out.push(read_error_finding(&display, &err));
            return None;
        }
    };
    if let Some(hook) = hook {
        hook(&source, out);
    }
    match node::parse_toml(&source) {
        Ok(node) => {
            spec::validate(&node, record, vocab, &source, &spec::KeyPath::Root, out);
            Some((node, source))
        }
        Err(f) => {
            out.push(*f);
            None
        }
    }
}

/// Reads `covalue.toml`.
pub fn load_config(root: &Path, hook: Option<SourceHook<'_>>, out: &mut Vec<Finding>) -> Config {
    load_config_from(&Disk::at(root), root, hook, out)
}

/// Reads `covalue.toml` from `files`.
pub fn load_config_from(
    files: &dyn Files,
    root: &Path,
    hook: Option<SourceHook<'_>>,
    out: &mut Vec<Finding>,
) -> Config {
    let Some((node, _)) = read_toml(
        files,
        root,
        &root.join(CONFIG_FILE),
        &spec::CONFIG,
        &spec::BaseVocab,
        hook,
        out,
    ) else {
        return Config::default();
    };
    Config {
        title: node.string("title").unwrap_or_default(),
        organisation: node.string("organisation"),
        guide: node.string("guide").unwrap_or_else(|| "builtin".into()),
        form: node.str("form").and_then(Form::parse).unwrap_or(Form::Full),
        templates: node.string("templates"),
        privacy_allow: node
            .get("privacy")
            .map(|p| {
                p.array("allow")
                    .iter()
                    .filter_map(|a| Some((a.string("value")?, a.string("reason")?)))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Loads the guide a workbook names.
pub fn load_guide(root: &Path, name: &str) -> Result<Guide, Vec<Finding>> {
    load_guide_from(&Disk::at(root), root, name)
}

/// Loads the guide a workbook names, reading a site's guide file from `files`.
pub fn load_guide_from(files: &dyn Files, root: &Path, name: &str) -> Result<Guide, Vec<Finding>> {
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
        .help(format!("write guide = \"builtin@{}\" (or just \"builtin\"), or install the covalue that ships version {version}", builtin.version))]);
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
    let path = root.join(rel);
    let display = display_of(root, &path);
    match read_source(files, &path, &display) {
        Ok(source) => Guide::from_source(&source),
        Err(err) => Err(vec![read_error_finding(&display, &err)]),
    }
}

impl Workbook {
    /// Opens the workbook at `root` (the folder holding `covalue.toml`):
    /// reads its settings and guide and lists its populations, without
    /// reading them yet (see [`Workbook::map_populations`]).
    pub fn open(root: &Path, hook: Option<SourceHook<'_>>) -> Result<Workbook, LoadError> {
        Workbook::open_from(&Disk::at(root), root, hook)
    }

    /// Opens the workbook at `root`, reading its files from `files`.
    pub fn open_from(
        files: &dyn Files,
        root: &Path,
        hook: Option<SourceHook<'_>>,
    ) -> Result<Workbook, LoadError> {
        let mut findings = Vec::new();
        let config = load_config_from(files, root, hook, &mut findings);
        let guide = load_guide_from(files, root, &config.guide).map_err(|mut f| {
            f.extend(findings.clone());
            LoadError::Guide(f)
        })?;
        let slugs = population_dirs(files, root, &mut findings)?;
        Ok(Workbook {
            root: root.to_path_buf(),
            config,
            guide,
            slugs,
            populations: Vec::new(),
            findings,
        })
    }

    /// Loads the workbook at `root` with every population in memory.
    pub fn load(root: &Path, hook: Option<SourceHook<'_>>) -> Result<Workbook, LoadError> {
        Workbook::load_from(&Disk::at(root), root, hook)
    }

    /// Loads the workbook at `root`, reading its files from `files`.
    pub fn load_from(
        files: &dyn Files,
        root: &Path,
        hook: Option<SourceHook<'_>>,
    ) -> Result<Workbook, LoadError> {
        let mut workbook = Workbook::open_from(files, root, hook)?;
        workbook.populations = workbook.map_populations_from(files, &[], hook, |p| p);
        Ok(workbook)
    }

    /// Reads the populations from disk (only those named in `only`, when it
    /// is not empty) on all cores and maps each with `f` as soon as it is
    /// read, so that a caller that keeps only a summary never holds them
    /// all. The results keep the order of the populations.
    pub fn map_populations<T: Send>(
        &self,
        only: &[String],
        hook: Option<SourceHook<'_>>,
        f: impl Fn(Population) -> T + Sync,
    ) -> Vec<T> {
        self.map_populations_from(&Disk::at(&self.root), only, hook, f)
    }

    /// [`Workbook::map_populations`], reading from `files`.
    pub fn map_populations_from<T: Send>(
        &self,
        files: &dyn Files,
        only: &[String],
        hook: Option<SourceHook<'_>>,
        f: impl Fn(Population) -> T + Sync,
    ) -> Vec<T> {
        let slugs: Vec<&String> = self
            .slugs
            .iter()
            .filter(|s| only.is_empty() || only.contains(s))
            .collect();
        let (root, guide) = (self.root.as_path(), &self.guide);
        crate::parallel::map_ordered(&slugs, |slug| {
            f(load_population_from(files, root, slug, guide, hook))
        })
    }

    /// Every finding met while loading, populations included.
    pub fn load_findings(&self) -> Vec<Finding> {
        let mut all = self.findings.clone();
        for p in &self.populations {
            all.extend(p.findings.iter().cloned());
        }
        all
    }
}

/// The population folders, sorted by slug.
pub fn population_dirs(
    files: &dyn Files,
    root: &Path,
    findings: &mut Vec<Finding>,
) -> Result<Vec<String>, LoadError> {
    let dir = root.join("populations");
    if !files.exists(&dir) {
        return Ok(Vec::new());
    }
    if !files.is_dir(&dir) {
        findings.push(
            Finding::error(
                Code::CV008,
                "`populations` is a file, but it should be the folder of populations",
            )
            .in_file("populations")
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
            continue;
        }
        if !files.is_dir(&dir.join(&name)) {
            findings.push(
                Finding::warning(Code::CV008, format!("populations/{name} is a file; only population folders belong in populations/"))
                    .in_file(format!("populations/{name}"))
                    .help("move it elsewhere, or create a population with `covalue new population SLUG`"),
            );
            continue;
        }
        slugs.push(name);
    }
    slugs.sort();
    Ok(slugs)
}

const POPULATION_ENTRIES: &[&str] = &[
    "population.toml",
    "personas",
    "process-map.toml",
    "value-compass.toml",
    "answers",
    "README.md",
];

/// A valid slug made from a name, or `fallback` when none can be made.
fn example_slug(name: &str, fallback: &str) -> String {
    let slug = crate::scaffold::suggest_slug(name);
    if spec::is_slug(&slug) {
        slug
    } else {
        fallback.to_string()
    }
}

/// Loads one population folder.
pub fn load_population(
    root: &Path,
    slug: &str,
    guide: &Guide,
    hook: Option<SourceHook<'_>>,
) -> Population {
    load_population_from(&Disk::at(root), root, slug, guide, hook)
}

/// Loads one population folder, reading its files from `files`.
pub fn load_population_from(
    files: &dyn Files,
    root: &Path,
    slug: &str,
    guide: &Guide,
    hook: Option<SourceHook<'_>>,
) -> Population {
    let dir = root.join("populations").join(slug);
    let rel = format!("populations/{slug}");
    let mut findings = Vec::new();
    if !spec::is_slug(slug) {
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
    check_entries(files, &dir, &rel, POPULATION_ENTRIES, &mut findings);

    // A missing population.toml is reported by the check as CV007.
    let info = optional_file(files, &dir.join("population.toml"))
        .and_then(|p| {
            read_toml(
                files,
                root,
                &p,
                &spec::POPULATION,
                guide,
                hook,
                &mut findings,
            )
        })
        .map(|(node, _)| PopulationInfo::from_node(&node));
    let personas = load_personas(
        files,
        root,
        &dir.join("personas"),
        guide,
        hook,
        &mut findings,
    );
    let process_map = optional_file(files, &dir.join("process-map.toml"))
        .and_then(|p| {
            read_toml(
                files,
                root,
                &p,
                &spec::PROCESS_MAP,
                guide,
                hook,
                &mut findings,
            )
        })
        .map(|(node, source)| ProcessMap::from_node(&node, &source));
    let compass = optional_file(files, &dir.join("value-compass.toml"))
        .and_then(|p| read_toml(files, root, &p, &spec::COMPASS, guide, hook, &mut findings))
        .map(|(node, source)| Compass::from_node(&node, &source));
    let answers = load_answers(
        files,
        root,
        &dir.join("answers"),
        guide,
        hook,
        &mut findings,
    );
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
        findings,
    }
}

/// The path when something is there (a file, or a folder reported as such later).
fn optional_file(files: &dyn Files, path: &Path) -> Option<PathBuf> {
    (files.exists(path) || files.is_symlink(path)).then(|| path.to_path_buf())
}

/// Reports entries of a folder that covalue does not know.
fn check_entries(
    files: &dyn Files,
    dir: &Path,
    rel: &str,
    known: &[&str],
    findings: &mut Vec<Finding>,
) {
    let Ok(mut names) = files.list_dir(dir) else {
        return;
    };
    names.sort();
    for name in names {
        if name.starts_with('.') || known.contains(&name.as_str()) {
            continue;
        }
        let finding = Finding::warning(Code::CV008, format!("covalue does not know {rel}/{name}"))
            .in_file(format!("{rel}/{name}"));
        findings.push(match spec::suggest(&name, known.iter().copied()) {
            Some(better) => finding.help(format!(
                "did you mean `{better}`? Rename it, or it is not read"
            )),
            None => finding.help(format!(
                "a population folder holds {}; anything else is not read",
                known.join(", ")
            )),
        });
    }
}

/// Lists the `.md` files of a folder, sorted, reporting a file where the folder should be.
fn markdown_files(
    files: &dyn Files,
    root: &Path,
    dir: &Path,
    findings: &mut Vec<Finding>,
) -> Vec<(String, PathBuf)> {
    let rel = display_of(root, dir);
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
                .help("check its permissions; a workbook may link only to folders inside itself"),
            );
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for name in entries {
        if name.starts_with('.') {
            continue;
        }
        match name.strip_suffix(".md") {
            Some(stem) => found.push((stem.to_string(), dir.join(&name))),
            None => findings.push(
                Finding::warning(
                    Code::CV008,
                    format!("{rel}/{name} is not a Markdown file and is not read"),
                )
                .in_file(format!("{rel}/{name}"))
                .help("files here end in .md"),
            ),
        }
    }
    found.sort();
    found
}

fn load_personas(
    files: &dyn Files,
    root: &Path,
    dir: &Path,
    guide: &Guide,
    hook: Option<SourceHook<'_>>,
    findings: &mut Vec<Finding>,
) -> Vec<Persona> {
    let mut personas = Vec::new();
    for (slug, path) in markdown_files(files, root, dir, findings) {
        let display = display_of(root, &path);
        if !spec::is_slug(&slug) {
            findings.push(
                Finding::warning(Code::CV009, format!("the persona file name \"{slug}.md\" is not a valid slug"))
                    .in_file(&display)
                    .help(format!(
                        "rename it with lowercase letters, digits and hyphens, for example `{}.md`; steps and walk-throughs name personas by it",
                        example_slug(&slug, "sara")
                    )),
            );
        }
        let source = match read_source(files, &path, &display) {
            Ok(s) => s,
            Err(err) => {
                findings.push(read_error_finding(&display, &err));
                continue;
            }
        };
        if let Some(hook) = hook {
            hook(&source, findings);
        }
        let fm = match node::parse_front_matter(&source) {
            Ok(fm) => fm,
            Err(f) => {
                findings.push(*f);
                continue;
            }
        };
        if !fm.present {
            findings.push(
                Finding::error(Code::CV006, format!("the persona {slug} has no front matter"))
                    .at_line(&source, 1, 1)
                    .help("start the file with `---`, then `name:`, `kind:` and `composite: true`, then `---`"),
            );
        } else {
            spec::validate(
                &fm.node,
                &spec::PERSONA,
                guide,
                &source,
                &spec::KeyPath::Root,
                findings,
            );
        }
        let body = source.text.get(fm.body_start..).unwrap_or("");
        personas.push(Persona::from_parts(
            &slug,
            &display,
            &fm.node,
            body,
            Loc::of_line(&source, 1),
        ));
    }
    personas
}

fn load_answers(
    files: &dyn Files,
    root: &Path,
    dir: &Path,
    guide: &Guide,
    hook: Option<SourceHook<'_>>,
    findings: &mut Vec<Finding>,
) -> Vec<AnswerFile> {
    let found = markdown_files(files, root, dir, findings);
    let mut answers = Vec::new();
    for section in guide.all_sections() {
        let Some((_, path)) = found.iter().find(|(stem, _)| *stem == section.id) else {
            continue;
        };
        let display = display_of(root, path);
        match read_source(files, path, &display) {
            Ok(source) => {
                if let Some(hook) = hook {
                    hook(&source, findings);
                }
                answers.push(answers::parse(&source, section, findings));
            }
            Err(err) => findings.push(read_error_finding(&display, &err)),
        }
    }
    for (stem, path) in &found {
        if guide.section(stem).is_none() {
            let display = display_of(root, path);
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

impl Population {
    /// Whether and how a question of the guide is answered in this population.
    ///
    /// A question answered by a record (personas, process map, value compass)
    /// is answered when the record has content; a status line under its
    /// heading (not applicable, deferred) still counts.
    pub fn status(
        &self,
        section: &crate::guide::Section,
        question: &crate::guide::Question,
    ) -> Status {
        use crate::guide::QuestionKind;
        let written = self.answer(&section.id, &question.id);
        let status = written.map_or(Status::Open, |a| a.status.clone());
        if !matches!(status, Status::Open | Status::Answered) {
            return status;
        }
        let record_has_content = match question.kind {
            QuestionKind::Personas => !self.personas.is_empty(),
            QuestionKind::ProcessMap => self
                .process_map
                .as_ref()
                .is_some_and(|m| !m.steps.is_empty()),
            QuestionKind::ValueCompass => self
                .compass
                .as_ref()
                .is_some_and(|c| !c.measures.is_empty()),
            QuestionKind::Text | QuestionKind::Walkthrough => return status,
        };
        if record_has_content {
            Status::Answered
        } else {
            Status::Open
        }
    }
}
