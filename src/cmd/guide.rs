//! `covalue guide`: print the guide's questions without a workbook.

use std::fmt::Write as _;

use clap::ValueEnum;

use crate::cmd::{Context, GuideError, Outcome};
use crate::guide::{Form, Guide, Section};

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

/// The workbook's guide inside a workbook, else the built-in one; a broken
/// guide's findings are printed to standard error.
pub fn current_guide(ctx: &Context) -> anyhow::Result<Guide> {
    match crate::workbook::discover(&ctx.dir) {
        Ok(root) => {
            let mut ignored = Vec::new();
            let config = crate::workbook::load_config(&root, None, &mut ignored);
            crate::workbook::load_guide(&root, &config.guide)
        }
        Err(_) => Guide::builtin(),
    }
    .map_err(|f| anyhow::Error::new(GuideError(f)))
}

/// Prints the guide: the workbook's guide inside a workbook, else the built-in one.
pub fn execute(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let guide = current_guide(ctx)?;
    let forms: Vec<Form> = match args.form {
        Some(f) => vec![f],
        None => vec![Form::Full, Form::Short],
    };
    let text = match args.format {
        Format::Text => text(&guide, &forms),
        Format::Md => markdown(&guide, &forms),
        Format::Json => {
            let sections: Vec<&Section> = forms.iter().flat_map(|f| guide.sections(*f)).collect();
            let value = serde_json::json!({
                "id": guide.id, "title": guide.title, "version": guide.version,
                "sources": guide.sources, "sections": sections,
            });
            serde_json::to_string_pretty(&value)? + "\n"
        }
        Format::Toml => {
            if guide.origin == crate::guide::BUILTIN_NAME {
                crate::guide::BUILTIN_TEXT.to_string()
            } else {
                // The site's guide, as written, read again through the workbook's jail.
                let root = crate::workbook::discover(&ctx.dir)
                    .map_err(|e| anyhow::anyhow!(e.to_string()))?;
                let path = root.join(&guide.origin);
                let bytes = crate::confine::Jail::at(&root).read(&path).map_err(|e| {
                    anyhow::anyhow!("cannot read {}: {}", guide.origin, e.describe())
                })?;
                String::from_utf8_lossy(&bytes).into_owned()
            }
        }
    };
    crate::cmd::say(text)?;
    Ok(Outcome::Success)
}

fn source_note(guide: &Guide, id: &str) -> &'static str {
    match guide.citation(id) {
        Some(c) if c.published => "published wording",
        _ => "draft prompt",
    }
}

fn text(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("{} (version {})\n\n", guide.title, guide.version);
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(
                s,
                "{}\n{}",
                section.heading(),
                "=".repeat(section.heading().chars().count())
            );
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {}\n   [{}] {}",
                    i + 1,
                    q.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    s.push_str("Sources:\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "  [{}] {}",
            c.id,
            c.citation.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    s
}

fn markdown(guide: &Guide, forms: &[Form]) -> String {
    let mut s = format!("# {}\n\nVersion {}.\n\n", guide.title, guide.version);
    for form in forms {
        for section in guide.sections(*form) {
            let _ = writeln!(s, "## {}\n", section.heading());
            if !section.intro.is_empty() {
                let _ = writeln!(s, "{}\n", section.intro.trim());
            }
            for (i, q) in section.questions.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}. {} `{}` *({})*",
                    i + 1,
                    q.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    q.id,
                    source_note(guide, &q.source)
                );
            }
            s.push('\n');
        }
    }
    s.push_str("## Sources\n\n");
    for c in &guide.sources {
        let _ = writeln!(
            s,
            "- **{}**: {}",
            c.id,
            c.citation.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    s
}
