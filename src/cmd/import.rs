//! `covalue import NOTES.md`: typed-up paper notes back into the answer
//! files, by the `{#id}` of each heading. Open questions are filled; an
//! answered one only with `--replace`; nothing is written when an id is
//! unknown. Exit 1 when an answer was left out.

use std::path::PathBuf;

use crate::cmd::{Context, Error, Outcome, file_error, usage};
use crate::session::import::{self, Action};

/// Arguments of `covalue import`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The notes are Markdown: each answer under a heading that ends in the question's id, as the worksheets print it, for example `## Which systems are accessed? {#access-systems}`. A session's notes kept as sessions/DATE-NAME.md go to that session's population.\n\nExamples:\n  covalue import notes.md --dry-run\n  xclip -o | covalue import - --population ms\n  covalue import notes.md --population ms\n  covalue import sessions/2026-12-03-access.md --replace"
)]
pub struct Args {
    /// The notes file, or `-` for standard input.
    #[arg(value_name = "NOTES")]
    pub notes: PathBuf,
    /// The population the notes are about [default: the only one, or the session's].
    #[arg(long, short = 'p', value_name = "SLUG")]
    pub population: Option<String>,
    /// Replace answers that are already written.
    #[arg(long)]
    pub replace: bool,
    /// Say what would go where, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Merges the notes.
pub fn execute(args: Args, ctx: &Context) -> Result<Outcome, Error> {
    let workbook = ctx.open()?;
    let from_stdin = args.notes.as_os_str() == "-";
    let path = ctx.dir.join(&args.notes);
    let read = match from_stdin {
        true => read_stdin(),
        false => crate::confine::read_regular_file(&path),
    };
    let text = read
        .map_err(|e| {
            usage(
                format!("cannot read {}: {}", name_of(&args), e.describe()),
                "give the path of a Markdown notes file, or `-` and the notes on standard input",
            )
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| {
                usage(
                    format!("{} is not UTF-8 text", name_of(&args)),
                    "save the notes as UTF-8 text",
                )
            })
        })?;
    let population = import::population(&workbook, args.population.as_deref(), &path)
        .map_err(|(message, help)| usage(message, help))?;
    let (notes, unknown) = import::parse(&text, &workbook.guide);
    if !unknown.is_empty() {
        let lines: Vec<String> = unknown
            .iter()
            .map(|u| match &u.suggestion {
                Some(s) => format!("line {}: {{#{}}} (did you mean {{#{s}}}?)", u.line, u.id),
                None => format!("line {}: {{#{}}}", u.line, u.id),
            })
            .collect();
        return Err(usage(
            format!(
                "{} names question ids the guide does not have, so nothing was imported: {}",
                args.notes.display(),
                lines.join("; ")
            ),
            "correct the ids (`covalue guide` lists them), then import again",
        ));
    }
    let conflicts =
        crate::workbook::conflict::findings(&crate::source::Source::new(&args.notes, text.clone()));
    if let Some(conflict) = conflicts.first() {
        return Err(usage(
            format!(
                "{} holds an unresolved merge conflict at line {}, so nothing was imported: git left its markers there when two changes met",
                args.notes.display(),
                conflict.line.unwrap_or(1)
            ),
            "keep the right version of the lines between `<<<<<<<` and `>>>>>>>`, delete the marker lines, then import again",
        ));
    }
    let stray = import::stray_headings(&notes, &workbook.guide);
    if let Some((under, heading)) = stray.first() {
        let more = match stray.len() {
            1 => String::new(),
            n => format!(" ({} such headings in all)", n),
        };
        return Err(usage(
            format!(
                "{}{more}, so nothing was imported",
                heading.refusal(
                    under,
                    &format!("line {} of {}", heading.line, args.notes.display())
                ),
            ),
            heading.help(),
        ));
    }
    if notes.is_empty() {
        return Err(usage(
            format!("{} has no heading with a question id", args.notes.display()),
            "end each answer's heading with the question's id, for example `## … {#access-systems}`",
        ));
    }
    let files = crate::workbook::Disk::at(&workbook.root);
    let plan = import::plan(
        &files,
        &workbook.root,
        &workbook.guide,
        &population,
        &notes,
        args.replace,
    );
    let mut left_out = 0;
    for step in &plan.steps {
        let (word, what) = match step.action {
            Action::Fill => ("filled", "answered".to_string()),
            Action::Replace if step.was == "answered" => {
                ("replaced", "answer replaced".to_string())
            }
            Action::Replace => ("replaced", format!("was {}, now answered", step.was)),
            Action::Same => ("unchanged", "the same answer is already there".to_string()),
            Action::Empty => (
                "skipped",
                "nothing written under it in the notes".to_string(),
            ),
            Action::LeaveOut => {
                left_out += 1;
                (
                    "left out",
                    format!("already {}; --replace would replace it", step.was),
                )
            }
        };
        let whose = match &step.part {
            Some((persona, name)) => format!(", {name}'s part {{#{persona}}}"),
            None => String::new(),
        };
        ctx.shell.status(
            word,
            format_args!("{{#{}}}{whose} in {}: {what}", step.note.id, step.file),
        )?;
    }
    if args.dry_run {
        ctx.shell.say("Dry run: nothing was written.")?;
    } else {
        for (file, text) in &plan.writes {
            import::write(&workbook.root, file, text).map_err(|e| {
                file_error(
                    format!("cannot write {file}"),
                    "check that you may write in the workbook",
                )(e)
            })?;
        }
    }
    if left_out > 0 {
        ctx.shell.say(format_args!(
            "{left_out} answer(s) left out. To replace them: {}",
            replace_command(ctx, &args, &population)
        ))?;
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Success)
}

/// The notes as named in messages: the file, or standard input.
fn name_of(args: &Args) -> String {
    match args.notes.as_os_str() == "-" {
        true => "standard input".to_string(),
        false => args.notes.display().to_string(),
    }
}

/// The notes from standard input, at most the size of a workbook file.
fn read_stdin() -> Result<Vec<u8>, crate::read_error::ReadError> {
    use std::io::Read;
    let limit = crate::read_error::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(crate::read_error::ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(crate::read_error::ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The command that imports the same notes replacing what is written,
/// with the `-C` this one was given, each word quoted for the shell.
fn replace_command(ctx: &Context, args: &Args, population: &str) -> String {
    let mut words = vec!["covalue".to_string()];
    if let Some(dir) = &ctx.chdir {
        words.push("-C".into());
        words.push(crate::escape::shell(&dir.to_string_lossy()).into_owned());
    }
    words.push("import".into());
    words.push(crate::escape::shell(&args.notes.to_string_lossy()).into_owned());
    words.push("--population".into());
    words.push(crate::escape::shell(population).into_owned());
    words.push("--replace".into());
    words.join(" ")
}
