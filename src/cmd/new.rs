//! `covalue new population`, `covalue new persona` and `covalue new
//! improvement`: stubs from the guide. Nothing is replaced; an improvement
//! is added at the end of the population's register.

use clap::Subcommand;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::guide::GuideError;
use crate::scaffold;

/// Arguments of `covalue new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  covalue new population heart-failure --name \"People living with heart failure\"\n  covalue new persona heart-failure markus --name Markus --kind patient\n  covalue new improvement heart-failure weight-line --title \"A nurse line for rising weight\" --step worsening-at-home"
)]
pub struct Args {
    /// What to add.
    #[command(subcommand)]
    pub what: What,
}

/// What `covalue new` adds.
#[derive(Debug, Subcommand)]
pub enum What {
    /// A population folder with every file stubbed from the guide.
    #[command(
        after_help = "Examples:\n  covalue new population heart-failure --name \"People living with heart failure\""
    )]
    Population {
        /// The folder name: lowercase letters, digits and hyphens.
        slug: String,
        /// The population's name.
        #[arg(long)]
        name: Option<String>,
    },
    /// A persona in a population.
    #[command(
        after_help = "Examples:\n  covalue new persona heart-failure markus --name Markus --kind patient\n  covalue new persona heart-failure dr-lind --name \"Dr Lind\" --kind professional"
    )]
    Persona {
        /// The population's slug.
        population: String,
        /// The persona's file name: lowercase letters, digits and hyphens.
        slug: String,
        /// The persona's name.
        #[arg(long)]
        name: String,
        /// Who this is: patient, professional, family or carer (the guide's kinds).
        #[arg(long)]
        kind: String,
    },
    /// An improvement in a population's register (improvements.toml).
    #[command(
        after_help = "Examples:\n  covalue new improvement heart-failure weight-line --title \"A nurse line for rising weight\" --step worsening-at-home"
    )]
    Improvement {
        /// The population's slug.
        population: String,
        /// The improvement's id: lowercase letters, digits and hyphens.
        slug: String,
        /// What it is, in a few words.
        #[arg(long)]
        title: String,
        /// Its cluster of opportunity (the guide's clusters; repeatable when
        /// it touches several) [default: the first].
        #[arg(long)]
        cluster: Vec<String>,
        /// A process-map step it concerns (repeatable).
        #[arg(long, value_name = "STEP")]
        step: Vec<String>,
    },
}

/// Creates the stubs, never replacing a file.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let root = ctx.root()?;
    let mut findings = Vec::new();
    let loader = crate::workbook::Loader::disk(&root);
    let config = loader.config(&mut findings);
    // Scaffolded in the language of the workbook's pages: a Swedish
    // workbook's answer files have the Swedish guide's headings and prompts.
    let lang = ctx.lang.unwrap_or(config.lang());
    let guide = loader.guide_in(&config.guide, lang).map_err(GuideError)?;
    match args.what {
        What::Population { slug, name } => {
            let name = name.unwrap_or_else(|| slug.replace('-', " "));
            let created = scaffold::add_population(&root, &guide, &slug, &name).map_err(refused)?;
            crate::cmd::init::report(&created, &root, ctx)?;
            ctx.shell.say(format_args!(
                "\nNext: covalue new persona {slug} SLUG --name NAME --kind patient"
            ))?;
        }
        What::Persona {
            population,
            slug,
            name,
            kind,
        } => {
            let created = scaffold::add_persona(&root, &guide, &population, &slug, &name, &kind)
                .map_err(refused)?;
            crate::cmd::init::report(&[created], &root, ctx)?;
        }
        What::Improvement {
            population,
            slug,
            title,
            cluster,
            step,
        } => {
            let workbook = crate::workbook::Workbook::open(crate::workbook::Loader::disk(&root))?;
            let new = scaffold::NewImprovement {
                population: &population,
                slug: &slug,
                title: &title,
                cluster,
                steps: &step,
            };
            let rel = scaffold::add_improvement(&workbook, &new, crate::date::today())
                .map_err(refused)?;
            ctx.shell.status("added", format_args!("{slug} to {rel}"))?;
        }
    }
    Ok(Outcome::Success)
}

/// A refusal of the scaffolder, as the command's error.
fn refused(refusal: scaffold::Refusal) -> Error {
    match refusal {
        scaffold::Refusal::Usage(message, help) => usage(message, help),
        scaffold::Refusal::Io(what, err) => {
            file_error(what, "check that you may write in the workbook")(err)
        }
    }
}
