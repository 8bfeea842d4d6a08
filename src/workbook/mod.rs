//! The workbook as it is on disk: finding it, reading `covalue.toml`, the
//! guide it names, and every population folder, keeping the position of each
//! item so that findings can point at it.

pub mod answers;
pub mod comments;
pub mod conflict;
pub mod files;
pub mod improvements;
pub mod layout;
pub mod loader;
pub mod progress;
pub mod records;
pub mod session;
pub mod status_words;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

pub use crate::finding::Loc;
use crate::finding::{Code, Finding};
use crate::guide::{Form, Guide};
use crate::read_error::ReadError;
use crate::source::Source;

pub use answers::{Answer, AnswerFile, Status};
pub use files::{Disk, Files, MemTree};
pub use loader::Loader;
pub use records::{Compass, Measure, Persona, PopulationInfo, ProcessMap, ProcessStep};
pub use session::Session;

pub use layout::CONFIG_FILE;

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
    /// The language of printed and served pages (`language`), when set.
    pub language: Option<String>,
    /// Values the privacy check accepts.
    pub privacy_allow: Vec<(String, String)>,
}

impl Config {
    /// The language of the workbook's pages (`language`; English when it
    /// is not set, or not one covalue knows, which `check` reports).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language
            .as_deref()
            .and_then(|l| crate::i18n::Lang::parse(l).ok())
            .unwrap_or_default()
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: String::new(),
            organisation: None,
            guide: "builtin".into(),
            form: Form::Full,
            templates: None,
            language: None,
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
    /// The register of improvements, when there is one.
    pub improvements: Option<improvements::Improvements>,
    /// Problems met while reading the folder.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

impl Population {
    /// Whether a file of the folder (`process-map.toml`, …) is there but
    /// cannot be read; its own finding (CV001 or CV002) says why.
    pub fn cannot_read(&self, name: &str) -> bool {
        let file = format!("{}/{name}", self.dir);
        self.findings
            .iter()
            .any(|f| f.is_unreadable() && f.file.as_deref() == Some(file.as_str()))
    }

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

    /// The name a persona's part of a walk-through is shown under, by every
    /// verb: the persona's name, or the part's own heading when no persona
    /// of the population has its id.
    pub fn part_name<'a>(&'a self, part: &'a answers::WalkEntry) -> &'a str {
        self.persona(&part.persona)
            .map_or(part.heading.as_str(), |p| p.name.as_str())
    }

    /// The persona parts of a walk-through that hold text, in file order.
    pub fn written_parts<'a>(
        &'a self,
        answer: &'a Answer,
    ) -> impl Iterator<Item = &'a answers::WalkEntry> + 'a {
        answer
            .walkthrough
            .iter()
            .filter(|w| !answers::strip_comments(&w.body).trim().is_empty())
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

/// A workbook, opened: its settings, its guide and the names of its
/// populations, with the loader that reads the populations when asked.
pub struct Workbook<'a> {
    loader: Loader<'a>,
    /// The folder holding `covalue.toml`.
    pub root: PathBuf,
    /// `covalue.toml`.
    pub config: Config,
    /// The guide it answers.
    pub guide: Guide,
    /// The slugs of its population folders, sorted.
    pub slugs: Vec<String>,
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

impl<'a> Workbook<'a> {
    /// The session records under `sessions/`, in date order, with the
    /// problems met reading them.
    pub fn sessions(&self) -> (Vec<Session>, Vec<Finding>) {
        let mut findings = Vec::new();
        let sessions = self.loader.sessions(&self.guide, &mut findings);
        (sessions, findings)
    }

    /// Opens the workbook `loader` reads: its settings and guide, and the
    /// list of its populations (read later, one at a time or all at once).
    pub fn open(loader: Loader<'a>) -> Result<Workbook<'a>, LoadError> {
        Workbook::open_in(loader, None)
    }

    /// Opens the workbook as [`Workbook::open`] does, with the built-in
    /// guide in `lang` when it is given (`--lang`), over the workbook's
    /// `language`: the pages of a verb speak one language, guide included.
    pub fn open_in(
        loader: Loader<'a>,
        lang: Option<crate::i18n::Lang>,
    ) -> Result<Workbook<'a>, LoadError> {
        let mut findings = Vec::new();
        let config = loader.config(&mut findings);
        let lang = lang.unwrap_or(config.lang());
        let guide = loader.guide_in(&config.guide, lang).map_err(|mut f| {
            f.extend(findings.clone());
            LoadError::Guide(f)
        })?;
        let slugs = loader.population_slugs(&mut findings)?;
        Ok(Workbook {
            root: loader.root().to_path_buf(),
            loader,
            config,
            guide,
            slugs,
            findings,
        })
    }

    /// The same workbook, showing every file it reads from now on to `hook`
    /// (the files read to open it, `covalue.toml` and the guide, are not
    /// shown again).
    pub fn with_hook<'b>(self, hook: SourceHook<'b>) -> Workbook<'b>
    where
        'a: 'b,
    {
        Workbook {
            loader: self.loader.with_hook(hook),
            root: self.root,
            config: self.config,
            guide: self.guide,
            slugs: self.slugs,
            findings: self.findings,
        }
    }

    /// The loader the workbook reads its files with.
    pub fn loader(&self) -> &Loader<'a> {
        &self.loader
    }

    /// Reads the populations (only those named in `only`, when it is not
    /// empty) on all cores and maps each with `f` as soon as it is read, so
    /// that a caller that keeps only a summary never holds them all. The
    /// results keep the order of the populations.
    pub fn map_populations<T: Send>(
        &self,
        only: &[String],
        f: impl Fn(Population) -> T + Sync,
    ) -> Vec<T> {
        let slugs: Vec<&String> = self
            .slugs
            .iter()
            .filter(|s| only.is_empty() || only.contains(s))
            .collect();
        let (loader, guide) = (&self.loader, &self.guide);
        // One population is read on this thread: starting the pool would
        // cost more than it saves.
        if slugs.len() < 2 {
            return slugs
                .iter()
                .map(|slug| f(loader.population(slug, guide)))
                .collect();
        }
        slugs
            .par_iter()
            .map(|slug| f(loader.population(slug, guide)))
            .collect()
    }

    /// The first of `asked` that is not a population of the workbook, as
    /// what is wrong and what to do (the populations there are).
    pub fn unknown_population<'s>(
        &self,
        asked: impl IntoIterator<Item = &'s str>,
    ) -> Option<(String, String)> {
        let unknown = asked
            .into_iter()
            .find(|p| !self.slugs.iter().any(|s| s == p))?;
        let help = if self.slugs.is_empty() {
            "the workbook has no population yet; create one with `covalue new population SLUG --name \"Name\"`".to_string()
        } else {
            format!("the populations are: {}", self.slugs.join(", "))
        };
        Some((format!("there is no population `{unknown}`"), help))
    }

    /// Reads the populations (only those named in `only`, when it is not empty).
    pub fn populations(&self, only: &[String]) -> Vec<Population> {
        self.map_populations(only, |p| p)
    }
}

/// Every finding met while loading: the workbook's, then each population's.
pub fn load_findings(workbook: &Workbook<'_>, populations: &[Population]) -> Vec<Finding> {
    let mut all = workbook.findings.clone();
    for p in populations {
        all.extend(p.findings.iter().cloned());
    }
    all
}

/// Whether a persona holds more than its scaffolded placeholder: its story
/// has some text outside HTML comments (`covalue new persona` writes only a
/// comment with prompts).
pub fn persona_is_written(persona: &Persona) -> bool {
    let mut rest = persona.body.as_str();
    loop {
        let (before, after) = match rest.split_once("<!--") {
            Some(parts) => parts,
            None => return !rest.trim().is_empty(),
        };
        if !before.trim().is_empty() {
            return true;
        }
        match after.split_once("-->") {
            Some((_, tail)) => rest = tail,
            // An unclosed comment hides the rest, as it does in a report.
            None => return false,
        }
    }
}

impl Population {
    /// Whether and how a question of the guide is answered in this population.
    ///
    /// A question answered by a record (personas, process map, value compass)
    /// is answered when the record has content; a status line under its
    /// heading (not applicable, deferred) still counts. Personas count only
    /// when written ([`persona_is_written`]). A record the guide
    /// marks optional (`record_optional`) does not answer its question: the
    /// words under the heading do.
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
        let record_has_content = match question.answer_kind() {
            QuestionKind::Personas => self.personas.iter().any(persona_is_written),
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
