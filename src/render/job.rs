//! One run of `covalue render`, from what was asked to the file written:
//! what to load (a workbook, or only its settings and guide for blank
//! worksheets, or nothing but the built-in guide), where the report may go
//! ([`crate::confine::report_target`]), which templates to use, the progress
//! bar, and the route through a browser for PDF. The command only turns its
//! arguments into a [`Job`] and prints what [`run`] says was written.

use std::path::{Path, PathBuf};

use crate::confine::{self, Jail};
use crate::finding::Severity;
use crate::guide::{Form, Guide, GuideError};
use crate::render::{self, Flavor, Notice, Paper, RenderError, Subject, Templates, pdf};
use crate::shell::{Progress, Shell};
use crate::source::ReadError;
use crate::workbook::{self, LoadError, Loader, Population, Workbook};

/// What to print, and where.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where covalue runs (relative paths are taken from here).
    pub dir: PathBuf,
    /// The form (default: the workbook's form, else full).
    pub form: Option<Form>,
    /// The register of improvements handout instead of a form.
    pub register: bool,
    /// Blank worksheets instead of the workbook's answers.
    pub blank: bool,
    /// Only these populations; with `blank`, the names to print on worksheets.
    pub populations: Vec<String>,
    /// HTML or Markdown.
    pub flavor: Flavor,
    /// The paper size.
    pub paper: Paper,
    /// Where to write (default: `out/<form>.<ext>` in the workbook).
    pub output: Option<PathBuf>,
    /// Print the HTML to PDF with a browser.
    pub pdf: bool,
    /// The browser to print with (default: the environment, then PATH).
    pub browser: Option<PathBuf>,
    /// Large print: body text at 16 pt, nothing under 14 pt, pictures to match.
    pub large_print: bool,
    /// `--lang`: the language of the report, over the workbook's.
    pub lang: Option<crate::i18n::Lang>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file, as the user would write it.
    pub path: String,
    /// The form printed.
    pub form: Form,
    /// What it holds: "1 population", "3 blank worksheets", …
    pub contents: String,
}

/// How many populations make a progress bar worth showing.
const PROGRESS_FROM: usize = 20;

/// What the report is made from, once loaded.
struct Loaded {
    root: Option<PathBuf>,
    /// Whether a workbook was opened (not for blank worksheets outside one).
    opened: bool,
    populations: Vec<Population>,
    guide: Guide,
    title: String,
    organisation: Option<String>,
    templates: Option<String>,
    form: Form,
    /// What reading the workbook found (a merge conflict stops the report).
    findings: Vec<crate::finding::Finding>,
    /// The report's language: `--lang`, else the workbook's.
    lang: crate::i18n::Lang,
    /// Whether a language was chosen (`--lang` or `language`).
    language_chosen: bool,
}

/// Makes the report `job` asks for and writes it, atomically; warnings and
/// the progress bar go through `shell`.
pub fn run(job: &Job, shell: &Shell) -> Result<Written, RenderError> {
    if job.pdf && job.flavor == Flavor::Markdown {
        return Err(RenderError::PdfOfMarkdown);
    }
    let loaded = load(job)?;
    if let Some(conflicts) = RenderError::conflicts(&loaded.findings) {
        return Err(conflicts);
    }
    let form = job.form.unwrap_or(loaded.form);
    let subject = subject(job, &loaded)?;
    let ext = if job.pdf {
        "pdf"
    } else {
        job.flavor.extension()
    };
    let blank = if job.blank { "-blank" } else { "" };
    let name = match job.register {
        true => "register",
        false => form.as_str(),
    };
    let default = format!("{name}{blank}.{ext}");
    if job.output.as_deref() == Some(std::path::Path::new("-")) {
        return to_stdout(job, shell, &loaded, form, &subject);
    }
    let out = match (&job.output, &loaded.root) {
        (Some(path), _) => job.dir.join(path),
        (None, Some(root)) => root.join(confine::REPORT_DIR).join(&default),
        (None, None) => job.dir.join(format!("covalue-{default}")),
    };
    let out = confine::report_target(&out, loaded.root.as_deref()).map_err(|why| {
        RenderError::Refused {
            path: shown(&out),
            why,
            default: default.clone(),
        }
    })?;
    let browser = if job.pdf {
        let env = std::env::var_os(pdf::BROWSER_ENV);
        Some(pdf::find_browser(job.browser.as_deref(), env)?)
    } else {
        None
    };
    let templates = Templates::load(templates_dir(shell, &loaded).as_deref())?;
    warn_of_problems(shell, job, &loaded);
    let options = options(job, &loaded, form);
    let progress = match subject.len() {
        n if n >= PROGRESS_FROM => shell.progress(n, "populations", "rendering"),
        _ => Progress::hidden(),
    };
    let make = |w: &mut dyn std::io::Write| {
        render::render(&templates, &loaded.guide, &subject, &options, w, &|| {
            progress.inc()
        })
    };
    let written = |source| RenderError::Write {
        path: shown(&out),
        source,
    };
    let notices = match &browser {
        None => crate::fsutil::write_atomic_with(&out, make).map_err(|e| match e {
            RenderError::Io(source) => written(source),
            other => other,
        })?,
        Some(browser) => {
            let mut html = Vec::new();
            let notices = make(&mut html)?;
            progress.set_message("printing to PDF");
            let bytes = pdf::print(browser, &html)?;
            crate::fsutil::write_atomic(&out, &bytes).map_err(written)?;
            notices
        }
    };
    drop(progress);
    for notice in notices {
        shell.warn(notice_text(&notice));
    }
    Ok(Written {
        path: shown(&out),
        form,
        contents: contents(&subject),
    })
}

/// Makes the report and writes it to standard output (`-o -`): HTML or
/// Markdown shown, not obeyed, by a terminal; a PDF as its bytes.
fn to_stdout(
    job: &Job,
    shell: &Shell,
    loaded: &Loaded,
    form: Form,
    subject: &Subject<'_>,
) -> Result<Written, RenderError> {
    let browser = match job.pdf {
        true => Some(pdf::find_browser(
            job.browser.as_deref(),
            std::env::var_os(pdf::BROWSER_ENV),
        )?),
        false => None,
    };
    let templates = Templates::load(templates_dir(shell, loaded).as_deref())?;
    warn_of_problems(shell, job, loaded);
    let options = options(job, loaded, form);
    let mut page = Vec::new();
    let notices = render::render(
        &templates,
        &loaded.guide,
        subject,
        &options,
        &mut page,
        &|| {},
    )?;
    let bytes = match &browser {
        Some(browser) => pdf::print(browser, &page)?,
        None => crate::escape::terminal(&String::from_utf8_lossy(&page))
            .into_owned()
            .into_bytes(),
    };
    shell.write(&bytes).map_err(RenderError::Io)?;
    for notice in notices {
        shell.warn(notice_text(&notice));
    }
    Ok(Written {
        path: STDOUT.to_string(),
        form,
        contents: contents(subject),
    })
}

/// How the report is made: the form, flavour, page and the workbook's names.
fn options(job: &Job, loaded: &Loaded, form: Form) -> render::Options {
    render::Options {
        form,
        flavor: job.flavor,
        paper: job.paper,
        title: loaded.title.clone(),
        organisation: loaded.organisation.clone(),
        today: crate::date::today(),
        revision: loaded
            .root
            .as_deref()
            .and_then(crate::git::revision)
            .map(|r| r.describe()),
        large_print: job.large_print,
        register: job.register,
        catalogue: std::sync::Arc::new(crate::i18n::site::catalogue(
            loaded.root.as_deref(),
            loaded.lang,
        )),
        language_chosen: loaded.language_chosen,
        findings: std::sync::Arc::new(loaded.findings.clone()),
    }
}

/// What [`Written::path`] says for `-o -`.
pub const STDOUT: &str = "standard output";

fn load(job: &Job) -> Result<Loaded, RenderError> {
    let root = match workbook::discover(&job.dir) {
        Ok(root) => root,
        Err(LoadError::NotFound(_)) if job.blank => {
            let lang = job.lang.unwrap_or_default();
            let guide = match lang.guide_tag().and_then(Guide::builtin_for) {
                Some(translated) => translated,
                None => Guide::builtin(),
            }
            .map_err(GuideError)?;
            return Ok(Loaded {
                root: None,
                opened: false,
                populations: Vec::new(),
                title: guide.title.clone(),
                organisation: None,
                templates: None,
                form: Form::Full,
                guide,
                findings: Vec::new(),
                lang,
                language_chosen: job.lang.is_some(),
            });
        }
        Err(err) => return Err(err.into()),
    };
    // Blank worksheets need the workbook's populations only to print their names.
    let mut findings = Vec::new();
    let (config, guide, workbook) = if job.blank && job.populations.is_empty() {
        let loader = Loader::disk(&root);
        let config = loader.config(&mut findings);
        let lang = job.lang.unwrap_or(config.lang());
        let guide = loader.guide_in(&config.guide, lang).map_err(GuideError)?;
        (config, guide, None)
    } else {
        let mut workbook = Workbook::open(Loader::disk(&root))?;
        // `--lang` over the workbook's language: the built-in guide in it.
        if let Some(lang) = job.lang.filter(|l| *l != workbook.config.lang()) {
            workbook.guide = workbook
                .loader()
                .guide_in(&workbook.config.guide, lang)
                .map_err(GuideError)?;
        }
        (
            workbook.config.clone(),
            workbook.guide.clone(),
            Some(workbook),
        )
    };
    let lang = job.lang.unwrap_or(config.lang());
    let language_chosen = job.lang.is_some() || config.language.is_some();
    let title = match config.title.trim() {
        "" => guide.title.clone(),
        _ => config.title.clone(),
    };
    let opened = workbook.is_some();
    let populations = match workbook {
        Some(workbook) => {
            // The privacy lint sees every file read, as in `check`: what it
            // finds in an answer counts that answer "with problems" in the
            // report's summaries, as `check` counts it.
            let lint = crate::check::privacy::Lint::new(&config.privacy_allow);
            let hook = |source: &crate::source::Source, out: &mut Vec<crate::finding::Finding>| {
                lint.scan_source(source, out)
            };
            let workbook = workbook.with_hook(&hook);
            let populations = workbook.populations(&[]);
            findings.extend(workbook::load_findings(&workbook, &populations));
            populations
        }
        None => Vec::new(),
    };
    Ok(Loaded {
        root: Some(root),
        guide,
        title,
        organisation: config.organisation,
        templates: config.templates,
        form: config.form,
        populations,
        opened,
        findings,
        lang,
        language_chosen,
    })
}

/// What the document holds: the populations asked for, or blank worksheets.
fn subject<'a>(job: &Job, loaded: &'a Loaded) -> Result<Subject<'a>, RenderError> {
    if job.blank {
        if job.populations.is_empty() {
            return Ok(Subject::Blank(vec![String::new()]));
        }
        let name = |slug: &String| {
            loaded
                .populations
                .iter()
                .find(|p| &p.slug == slug)
                .map_or_else(|| slug.clone(), |p| p.name().to_string())
        };
        return Ok(Subject::Blank(job.populations.iter().map(name).collect()));
    }
    if !loaded.opened {
        return Err(RenderError::NoWorkbook);
    }
    let populations = &loaded.populations;
    if let Some(slug) = job
        .populations
        .iter()
        .find(|slug| !populations.iter().any(|p| &p.slug == *slug))
    {
        return Err(RenderError::UnknownPopulation {
            slug: slug.clone(),
            known: populations.iter().map(|p| p.slug.clone()).collect(),
        });
    }
    Ok(Subject::Workbook(
        populations
            .iter()
            .filter(|p| job.populations.is_empty() || job.populations.contains(&p.slug))
            .collect(),
    ))
}

/// The path as the user would write it, relative to where covalue runs.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The site's templates folder named in `covalue.toml`, when it is a folder
/// inside the workbook; otherwise a warning and the built-in templates.
fn templates_dir(shell: &Shell, loaded: &Loaded) -> Option<PathBuf> {
    let (Some(root), Some(name)) = (&loaded.root, &loaded.templates) else {
        return None;
    };
    let rel = match confine::relative_name(name) {
        Ok(rel) => rel,
        Err(why) => {
            shell.warn(format_args!(
                "covalue.toml names the templates folder \"{name}\", which covalue will not read ({why}); using the built-in templates"
            ));
            return None;
        }
    };
    let dir = root.join(rel);
    match Jail::at(root).resolve(&dir) {
        Ok(real) if real.is_dir() => Some(real),
        Ok(_) | Err(ReadError::Missing) => {
            shell.warn(format_args!(
                "covalue.toml names the templates folder {}, which does not exist; using the built-in templates",
                shown(&dir)
            ));
            None
        }
        Err(err) => {
            shell.warn(format_args!(
                "the templates folder {} is not used: {}; using the built-in templates",
                shown(&dir),
                err.describe()
            ));
            None
        }
    }
}

/// Says when the report will leave out what could not be read.
fn warn_of_problems(shell: &Shell, job: &Job, loaded: &Loaded) {
    if !loaded.opened {
        return;
    }
    let problems = loaded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if problems > 0 && !job.blank {
        shell.warn(format_args!(
            "the workbook has {problems} problem(s) that `covalue check` explains; the report shows what could be read"
        ));
    }
}

fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::NoPopulationsInTemplate(name) => format!(
            "the site's template {name} has no {{{{ doc.body }}}}, so the populations are left out"
        ),
        Notice::NoContentSecurityPolicy(name) => format!(
            "the site's template {name} has no Content-Security-Policy; keep the <meta http-equiv=\"Content-Security-Policy\"> line of the built-in layout.html"
        ),
    }
}

fn contents(subject: &Subject<'_>) -> String {
    match subject {
        Subject::Workbook(p) if p.len() == 1 => "1 population".to_string(),
        Subject::Workbook(p) => format!("{} populations", p.len()),
        Subject::Blank(n) if n.len() == 1 => "blank worksheet".to_string(),
        Subject::Blank(n) => format!("{} blank worksheets", n.len()),
    }
}
