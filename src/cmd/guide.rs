//! `covalue guide`: print the guide's questions without a workbook.

use clap::ValueEnum;

use crate::cmd::{Context, Error, Outcome, usage};
use crate::guide::{Form, Guide, GuideError, print};

/// How to print the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for the terminal.
    Text,
    /// Markdown, to print or put on a wiki.
    Md,
    /// JSON, for other tools.
    Json,
    /// The guide file itself, as a start for a site's adapted guide.
    Toml,
}

/// Arguments of `covalue guide`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue guide --form short\n  covalue guide --format md > guide.md\n  covalue guide --format toml > guide/site-guide.toml"
)]
pub struct Args {
    /// Which form (default: both).
    #[arg(long, value_enum)]
    pub form: Option<Form>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The workbook's guide inside a workbook, else the built-in one; in the
/// language of `--lang`, else the workbook's `language`, when it is the
/// built-in guide (a site's own guide is as the site wrote it).
pub fn current_guide(ctx: &Context) -> Result<Guide, Error> {
    match crate::workbook::discover(&ctx.dir) {
        Ok(root) => {
            let mut ignored = Vec::new();
            let loader = crate::workbook::Loader::disk(&root);
            let config = loader.config(&mut ignored);
            loader.guide_in(&config.guide, ctx.lang.unwrap_or(config.lang()))
        }
        Err(_) => match ctx.lang.and_then(|l| l.guide_tag()) {
            Some(tag) => Guide::builtin_for(tag).unwrap_or_else(Guide::builtin),
            None => Guide::builtin(),
        },
    }
    .map_err(|findings| GuideError(findings).into())
}

/// The site's guide file as written, read again through the workbook's jail.
fn site_guide_text(ctx: &Context, guide: &Guide) -> Result<String, Error> {
    let root = ctx.root()?;
    let bytes = crate::confine::Jail::at(&root)
        .read(&root.join(&guide.origin))
        .map_err(|e| {
            usage(
                format!("cannot read {}: {}", guide.origin, e.describe()),
                "check that the guide file covalue.toml names is there and readable",
            )
        })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Prints the guide: the workbook's guide inside a workbook, else the built-in one.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let guide = current_guide(ctx)?;
    let forms: Vec<Form> = match args.form {
        Some(f) => vec![f],
        None => vec![Form::Full, Form::Short],
    };
    let text = match args.format {
        Format::Text => print::text(&guide, &forms),
        Format::Md => print::markdown(&guide, &forms),
        // Escaped as JSON, so that the shell's sanitiser finds nothing to show.
        Format::Json => crate::escape::json(&print::json(&guide, &forms)).into_owned(),
        Format::Toml => match crate::guide::builtin_text(&guide.origin) {
            Some(text) => text.to_string(),
            None => site_guide_text(ctx, &guide)?,
        },
    };
    ctx.shell.print(text)?;
    Ok(Outcome::Success)
}
