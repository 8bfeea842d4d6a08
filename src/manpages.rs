//! Man pages for covalue and each sub-command, generated from the argument
//! definitions (`covalue man`).

/// Every page: (file name, roff text): covalue.1, then one page per visible
/// sub-command at every depth (covalue-new.1, covalue-new-persona.1, …), so
/// every page a SEE ALSO or COMMANDS list names exists.
pub fn pages(cli: clap::Command) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut root = without_help_subcommands(cli);
    root.build();
    let date = today();
    let mut pages = Vec::new();
    add_pages(&root, "covalue", &date, &mut pages)?;
    Ok(pages)
}

/// Renders the page of `cmd` under `name`, then the pages of its sub-commands.
fn add_pages(
    cmd: &clap::Command,
    name: &str,
    date: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let cmd = cmd
        .clone()
        .display_name(name.to_string())
        .bin_name(name.to_string());
    let synopsis = synopsis(&cmd, name);
    let after = after_help(&cmd);
    let page = cmd.clone().override_usage(synopsis);
    let man = clap_mangen::Man::new(page.clone())
        .date(date)
        .source(format!("covalue {}", env!("CARGO_PKG_VERSION")));
    let mut text = Vec::new();
    man.render_title(&mut text)?;
    man.render_name_section(&mut text)?;
    man.render_synopsis_section(&mut text)?;
    man.render_description_section(&mut text)?;
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut text)?;
    }
    if page.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut text)?;
    }
    text.extend(own_sections(&after).to_roff().into_bytes());
    if page
        .get_version()
        .or_else(|| page.get_long_version())
        .is_some()
    {
        man.render_version_section(&mut text)?;
    }
    pages.push((format!("{name}.1"), without_empty_paragraphs(text)));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add_pages(sub, &format!("{name}-{}", sub.get_name()), date, pages)?;
    }
    Ok(())
}

/// What a command's help says after its options, as plain text.
fn after_help(cmd: &clap::Command) -> String {
    cmd.get_after_long_help()
        .or_else(|| cmd.get_after_help())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// EXIT STATUS, EXAMPLES (the `Examples:` lines of the help) and NOTES
/// (the rest of the help's closing text), each a section of its own.
fn own_sections(after: &str) -> clap_mangen::roff::Roff {
    use clap_mangen::roff::{Roff, roman};
    let mut examples = Vec::new();
    let mut notes = Vec::new();
    let mut in_examples = false;
    for line in after.lines() {
        let trimmed = line.trim();
        if trimmed == "Examples:" {
            in_examples = true;
        } else if trimmed.starts_with("Exit codes:") {
            // Said in EXIT STATUS on every page.
        } else if in_examples && line.starts_with("  ") && !trimmed.is_empty() {
            examples.push(trimmed.to_string());
        } else if !trimmed.is_empty() {
            in_examples = false;
            notes.push(trimmed.to_string());
        }
    }
    let mut roff = Roff::default();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        ("0", "Success."),
        (
            "1",
            "Findings or differences: check found a problem at the --fail-on level, diff found changes, a site could not be fetched.",
        ),
        (
            "2",
            "A usage or environment error: a bad option, no workbook here, a file that cannot be read or written.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([roman(code)]);
        roff.text([roman(meaning)]);
    }
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        roff.control("nf", []);
        for example in &examples {
            roff.text([roman(example.as_str())]);
        }
        roff.control("fi", []);
    }
    if !notes.is_empty() {
        roff.control("SH", ["NOTES"]);
        roff.text([roman(notes.join(" "))]);
    }
    roff
}

/// The command with no `help` sub-command at any depth: `--help` says the
/// same, and a page would be needed for each.
fn without_help_subcommands(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names
        .iter()
        .fold(cmd.disable_help_subcommand(true), |cmd, name| {
            cmd.mut_subcommand(name, without_help_subcommands)
        })
}

/// The SYNOPSIS line with the value names that clap_mangen leaves out:
/// `covalue-check [-C DIR] [--form FORM] … [-p|--population SLUG]…`.
fn synopsis(cmd: &clap::Command, name: &str) -> String {
    let mut line = name.to_string();
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("-{s}|--{l}"),
            (Some(s), None) => format!("-{s}"),
            (None, Some(l)) => format!("--{l}"),
            (None, None) => String::new(),
        };
        let value = if arg.get_action().takes_values() {
            value_names(arg)
        } else {
            String::new()
        };
        let word = match (flag.is_empty(), value.is_empty()) {
            (true, _) => value,
            (false, true) => flag,
            (false, false) => format!("{flag} {value}"),
        };
        let repeats = matches!(
            arg.get_action(),
            clap::ArgAction::Append | clap::ArgAction::Count
        );
        let dots = if repeats { "..." } else { "" };
        if arg.is_required_set() {
            line.push_str(&format!(" {word}{dots}"));
        } else {
            line.push_str(&format!(" [{word}]{dots}"));
        }
    }
    if cmd.has_subcommands() {
        line.push_str(" <COMMAND>");
    }
    line
}

/// The value names of an argument, `DIR` or `<SLUG>` for a positional.
fn value_names(arg: &clap::Arg) -> String {
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    };
    let names = names.join(" ");
    if arg.is_positional() && arg.is_required_set() {
        format!("<{names}>")
    } else {
        names
    }
}

/// clap_mangen puts an empty line (an implied `.sp`) between two `.br`
/// before a list of possible values; one paragraph break says the same and
/// keeps `mandoc -T lint` quiet.
fn without_empty_paragraphs(text: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(text) {
        Ok(text) => text.replace("\n.br\n\n.br\n", "\n.sp\n").into_bytes(),
        Err(err) => err.into_bytes(),
    }
}

/// The date in the footer: `SOURCE_DATE_EPOCH` when set (for reproducible
/// packages), else today (`COVALUE_TODAY` or the clock), as YYYY-MM-DD.
pub fn today() -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok());
    let date = match epoch {
        Some(at) => jiff::tz::TimeZone::UTC.to_datetime(at).date(),
        None => crate::date::today(),
    };
    crate::date::format(date)
}
