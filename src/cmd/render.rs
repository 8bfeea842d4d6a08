//! `covalue render`: print the short form, the full form or blank worksheets
//! as one self-contained HTML file, as Markdown, or as PDF through a local
//! Chromium. Writes one file, atomically, and never a workbook source file.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cmd::{Context, Outcome, user_error};
use crate::guide::{Form, Guide};
use crate::render::{self, Flavor, Notice, Paper, Subject, pdf};
use crate::workbook::{self, Workbook};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One self-contained HTML file, ready to print (or to turn into PDF with --pdf).
    Html,
    /// Markdown that reads well on a git forge.
    Md,
}

/// Arguments of `covalue render`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue render --form short\n  covalue render --form full --pdf\n  covalue render --form short --blank --paper letter\n  covalue render --form full --format md -o report.md\n\nThe report is written to out/ in the workbook unless -o says otherwise; see docs/render.md."
)]
pub struct Args {
    /// The form to print (default: the workbook's form, else full).
    #[arg(long, value_enum)]
    pub form: Option<Form>,
    /// Print blank worksheets to fill in by hand; works without a workbook.
    #[arg(long)]
    pub blank: bool,
    /// Print only this population (repeatable); with --blank, a name to print on the worksheet.
    #[arg(long = "population", short = 'p', value_name = "SLUG")]
    pub populations: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Paper size.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Where to write the report (default: out/<form>.<ext> in the workbook).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Print to PDF with a local Chromium or Chrome.
    #[arg(long)]
    pub pdf: bool,
    /// The Chromium or Chrome to print with (default: $COVALUE_BROWSER, then PATH).
    #[arg(long, value_name = "PATH", requires = "pdf")]
    pub browser: Option<PathBuf>,
}

/// What the report is made from, once loaded.
struct Loaded {
    root: Option<PathBuf>,
    workbook: Option<Workbook>,
    guide: Guide,
    title: String,
    organisation: Option<String>,
    templates: Option<String>,
    form: Form,
}

fn load(args: &Args, ctx: &Context) -> anyhow::Result<Loaded> {
    let root = match workbook::discover(&ctx.dir) {
        Ok(root) => Some(root),
        Err(workbook::LoadError::NotFound(_)) if args.blank => None,
        Err(_) => Some(ctx.root()?),
    };
    let Some(root) = root else {
        let guide = Guide::builtin().map_err(|f| anyhow::Error::new(crate::cmd::GuideError(f)))?;
        return Ok(Loaded {
            root: None,
            workbook: None,
            title: guide.title.clone(),
            organisation: None,
            templates: None,
            form: Form::Full,
            guide,
        });
    };
    // Blank worksheets need the workbook's populations only to print their names.
    let (config, guide, workbook) = if args.blank && args.populations.is_empty() {
        let mut ignored = Vec::new();
        let config = workbook::load_config(&root, None, &mut ignored);
        // main prints the guide's findings.
        let guide = workbook::load_guide(&root, &config.guide)
            .map_err(|f| anyhow::Error::new(crate::cmd::GuideError(f)))?;
        (config, guide, None)
    } else {
        let workbook = ctx.load(None)?;
        (
            workbook.config.clone(),
            workbook.guide.clone(),
            Some(workbook),
        )
    };
    let title = if config.title.trim().is_empty() {
        guide.title.clone()
    } else {
        config.title.clone()
    };
    Ok(Loaded {
        root: Some(root),
        guide,
        title,
        organisation: config.organisation,
        templates: config.templates,
        form: config.form,
        workbook,
    })
}

/// The populations to print, in workbook order.
fn select<'a>(
    workbook: &'a Workbook,
    slugs: &[String],
) -> anyhow::Result<Vec<&'a workbook::Population>> {
    for slug in slugs {
        if !workbook.populations.iter().any(|p| &p.slug == slug) {
            let known: Vec<&str> = workbook
                .populations
                .iter()
                .map(|p| p.slug.as_str())
                .collect();
            return Err(user_error(
                format!("there is no population `{slug}` in this workbook"),
                if known.is_empty() {
                    "the workbook has no population yet; add one with `covalue new population SLUG`"
                        .to_string()
                } else {
                    format!("the populations are: {}", known.join(", "))
                },
            ));
        }
    }
    Ok(workbook
        .populations
        .iter()
        .filter(|p| slugs.is_empty() || slugs.contains(&p.slug))
        .collect())
}

/// The path as the user would write it, relative to where covalue runs.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Where the report may be written: the path asked for, with every link on
/// the way resolved, or an error saying why not.
fn output_target(out: &Path, loaded: &Loaded, default: &str) -> anyhow::Result<PathBuf> {
    use crate::confine::{OutputRefusal, REPORT_DIR};
    crate::confine::report_target(out, loaded.root.as_deref()).map_err(|why| {
        let help = match why {
            OutputRefusal::Folder => format!(
                "give -o a file name, for example {}",
                Path::new(&shown(out)).join(default).display()
            ),
            OutputRefusal::ReportDirLeaves(_) => format!(
                "remove the {REPORT_DIR} link and let covalue create the folder, or write elsewhere with -o"
            ),
            OutputRefusal::InsideWorkbook => format!(
                "choose another path with -o: under {REPORT_DIR}/ (for example -o {REPORT_DIR}/{default}) or outside the workbook"
            ),
            _ => format!("choose another path with -o, or leave -o out to write {REPORT_DIR}/{default}"),
        };
        let message = match why {
            OutputRefusal::Folder => format!("{} is a folder", shown(out)),
            _ => format!("refusing to write the report to {}: {why}", shown(out)),
        };
        user_error(message, help)
    })
}

/// The site's templates folder named in `covalue.toml`, when it is a folder
/// inside the workbook; otherwise a warning and the built-in templates.
fn templates_dir(ctx: &Context, loaded: &Loaded) -> Option<PathBuf> {
    let (Some(root), Some(name)) = (&loaded.root, &loaded.templates) else {
        return None;
    };
    let rel = match crate::confine::relative_name(name) {
        Ok(rel) => rel,
        Err(why) => {
            warn(
                ctx,
                &format!(
                    "covalue.toml names the templates folder \"{name}\", which covalue will not read ({why}); using the built-in templates"
                ),
            );
            return None;
        }
    };
    let dir = root.join(rel);
    match crate::confine::Jail::at(root).resolve(&dir) {
        Ok(real) if real.is_dir() => Some(real),
        Ok(_) | Err(crate::source::ReadError::Missing) => {
            warn(
                ctx,
                &format!(
                    "covalue.toml names the templates folder {}, which does not exist; using the built-in templates",
                    shown(&dir)
                ),
            );
            None
        }
        Err(err) => {
            warn(
                ctx,
                &format!(
                    "the templates folder {} is not used: {}; using the built-in templates",
                    shown(&dir),
                    err.describe()
                ),
            );
            None
        }
    }
}

/// Prints the report.
pub fn execute(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    if args.pdf && args.format == Format::Md {
        return Err(user_error(
            "--pdf prints the HTML report; it cannot be used with --format md",
            "leave out --format md, or leave out --pdf",
        ));
    }
    let loaded = load(&args, ctx)?;
    let form = args.form.unwrap_or(loaded.form);
    let flavor = match args.format {
        Format::Html => Flavor::Html,
        Format::Md => Flavor::Markdown,
    };
    let subject = match (&loaded.workbook, args.blank) {
        (_, true) => Subject::Blank(if args.populations.is_empty() {
            vec![String::new()]
        } else {
            args.populations
                .iter()
                .map(|slug| {
                    loaded
                        .workbook
                        .as_ref()
                        .and_then(|w| w.populations.iter().find(|p| &p.slug == slug))
                        .map_or_else(|| slug.clone(), |p| p.name().to_string())
                })
                .collect()
        }),
        (Some(workbook), false) => Subject::Workbook(select(workbook, &args.populations)?),
        (None, false) => {
            return Err(user_error(
                "no workbook here",
                "run covalue inside a workbook, or print blank worksheets with --blank",
            ));
        }
    };

    let ext = if args.pdf { "pdf" } else { flavor.extension() };
    let default = format!(
        "{}{}.{ext}",
        form.as_str(),
        if args.blank { "-blank" } else { "" }
    );
    let out = match (&args.output, &loaded.root) {
        (Some(path), _) => ctx.dir.join(path),
        (None, Some(root)) => root.join("out").join(&default),
        (None, None) => ctx.dir.join(format!("covalue-{default}")),
    };
    let out = output_target(&out, &loaded, &default)?;

    let browser = if args.pdf {
        Some(
            pdf::find_browser(args.browser.as_deref(), std::env::var_os(pdf::BROWSER_ENV))
                .map_err(|e| user_error(e.to_string(), e.help()))?,
        )
    } else {
        None
    };

    let templates_dir = templates_dir(ctx, &loaded);
    let templates = render::Templates::load(templates_dir.as_deref())
        .map_err(|e| user_error(e.to_string(), e.help()))?;

    if let Some(workbook) = &loaded.workbook {
        let problems = workbook
            .load_findings()
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .count();
        if problems > 0 && !args.blank {
            warn(
                ctx,
                &format!(
                    "the workbook has {problems} problem(s) that `covalue check` explains; the report shows what could be read"
                ),
            );
        }
    }

    let options = render::Options {
        form,
        flavor,
        paper: args.paper,
        title: loaded.title.clone(),
        organisation: loaded.organisation.clone(),
        today: crate::date::today(),
        revision: loaded
            .root
            .as_deref()
            .and_then(crate::git::revision)
            .map(|r| r.describe()),
    };

    let bar = progress_bar(ctx, subject.len());
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let write_error = |e: render::RenderError| match e {
        render::RenderError::Template(t) => user_error(t.to_string(), t.help()),
        render::RenderError::Io(io) => user_error(
            format!("cannot write {}: {io}", shown(&out)),
            "check that the folder exists and that you may write in it",
        ),
    };
    let notices = match &browser {
        None => crate::fsutil::write_atomic_with(&out, |w| {
            render::render(&templates, &loaded.guide, &subject, &options, w, &tick)
        })
        .map_err(write_error)?,
        Some(browser) => {
            let mut html = Vec::new();
            let notices = render::render(
                &templates,
                &loaded.guide,
                &subject,
                &options,
                &mut html,
                &tick,
            )
            .map_err(write_error)?;
            if let Some(bar) = &bar {
                bar.set_message("printing to PDF");
            }
            let bytes =
                pdf::print(browser, &html).map_err(|e| user_error(e.to_string(), e.help()))?;
            crate::fsutil::write_atomic(&out, &bytes).map_err(|e| {
                user_error(
                    format!("cannot write {}: {e}", shown(&out)),
                    "check that the folder exists and that you may write in it",
                )
            })?;
            notices
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for notice in notices {
        let text = match notice {
            Notice::NoPopulationsInTemplate(name) => format!(
                "the site's template {name} has no {{{{ doc.body }}}}, so the populations are left out"
            ),
            Notice::NoContentSecurityPolicy(name) => format!(
                "the site's template {name} has no Content-Security-Policy; keep the <meta http-equiv=\"Content-Security-Policy\"> line of the built-in layout.html"
            ),
        };
        warn(ctx, &text);
    }
    if !ctx.quiet {
        let what = match &subject {
            Subject::Workbook(p) if p.len() == 1 => "1 population".to_string(),
            Subject::Workbook(p) => format!("{} populations", p.len()),
            Subject::Blank(n) if n.len() == 1 => "blank worksheet".to_string(),
            Subject::Blank(n) => format!("{} blank worksheets", n.len()),
        };
        anstream::println!("wrote {} ({} form, {what})", shown(&out), form.as_str());
    }
    Ok(Outcome::Success)
}

fn warn(ctx: &Context, text: &str) {
    if ctx.quiet {
        return;
    }
    let style = anstyle::AnsiColor::Yellow
        .on_default()
        .effects(anstyle::Effects::BOLD);
    anstream::eprintln!("{style}warning{style:#}: {text}");
}

/// How many populations make a progress bar worth showing.
const PROGRESS_FROM: usize = 20;

fn progress_bar(ctx: &Context, count: usize) -> Option<indicatif::ProgressBar> {
    if ctx.quiet || count < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(u64::try_from(count).unwrap_or(u64::MAX));
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg:>10} [{bar:30}] {pos}/{len} populations ({eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("rendering");
    Some(bar)
}
