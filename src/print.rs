//! Printing findings and summaries: one printer for people (in the shape of
//! rustc's diagnostics, drawn by `annotate-snippets`, coloured on a terminal
//! only) and one for JSON.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use anstyle::Style;

pub mod ci;

use crate::check::{PopulationSummary, Report};
use crate::finding::{Code, Finding, Kind, Severity};
use crate::{escape, palette, width};

const BOLD: Style = palette::EMPHASIS;
const BLUE: Style = palette::GUTTER;

/// The most characters of a line shown in a snippet, unless the finding
/// points further along (then the line is shown up to a little past it).
const SHOWN_CHARS: usize = 160;
/// The most characters underlined.
const MARKED_CHARS: usize = 160;
/// Characters shown after the mark when a long line is cut.
const CONTEXT_CHARS: usize = 20;

fn severity_style(severity: Severity) -> Style {
    palette::severity(severity)
}

/// Treats output cut short by a closed pipe (`covalue check | head -1`) as
/// done: the reader has what it wanted, nothing more is written, and the
/// command's exit code still says what it found. Any other error stays.
pub fn unless_closed_pipe(written: io::Result<()>) -> io::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// How a check report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people, in the shape of compiler diagnostics.
    #[value(alias = "human")]
    Text,
    /// One JSON document (see docs/check.md).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// GitLab's Code Quality report (JSON), for merge requests.
    Gitlab,
    /// SARIF 2.1.0 (JSON), for code scanning.
    Sarif,
}

/// Prints a check report in `format`. A reader that stops early (`covalue
/// check | head -1`) is no error: writing stops, and the exit code still
/// says what was found.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    human: &Human<'_>,
) -> io::Result<()> {
    let anchor = || ci::Anchor::new(human.root, human.prefix);
    unless_closed_pipe(match format {
        Format::Text => self::report(out, report, human),
        Format::Json => report_json(out, report),
        Format::Github => ci::github(out, report, &anchor()),
        Format::Gitlab => ci::gitlab(out, report, &anchor()),
        Format::Sarif => ci::sarif(out, report, &anchor()),
    })
}

/// Whether findings are drawn with colour: not with `--color never` or
/// `NO_COLOR`. Where colour is on but the output is no terminal, the
/// `anstream` stream written to drops the styles.
fn colour_wanted() -> bool {
    match anstream::ColorChoice::global() {
        anstream::ColorChoice::Never => false,
        anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi => true,
        anstream::ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// The renderer of findings: covalue's colours, or none at all.
fn renderer(colour: bool) -> Renderer {
    if colour {
        Renderer::styled()
            .error(severity_style(Severity::Error))
            .warning(severity_style(Severity::Warning))
            .info(severity_style(Severity::Info))
            .note(severity_style(Severity::Info))
            .help(BOLD)
            .line_num(BLUE)
            .emphasis(BOLD)
    } else {
        Renderer::plain()
    }
}

/// The title of a finding: problems by their severity (`error`,
/// `warning`, `info`); progress never as an error, but as `open` (a
/// question still open) or `note` (another step still to take).
fn level(f: &Finding) -> Level<'static> {
    match (f.kind, f.severity) {
        (Kind::Progress, _) if f.code == Code::CV010 => Level::NOTE.with_name("open"),
        (Kind::Progress, _) => Level::NOTE,
        (Kind::Problem, Severity::Error) => Level::ERROR,
        (Kind::Problem, Severity::Warning) => Level::WARNING,
        (Kind::Problem, Severity::Info) => Level::INFO,
    }
}

/// The byte offset of the `n`th character (0-based) of a line, or its end.
fn byte_of_char(line: &str, n: usize) -> usize {
    line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
}

/// The part of a line to show and the byte range to underline in it, for a
/// mark at 1-based character `column`, `width` characters wide. A long line
/// is cut a little after the mark (and marked `…`); what comes before the
/// mark is kept, so the column `annotate-snippets` counts stays right.
fn shown(line: &str, column: usize, width: usize) -> (Cow<'_, str>, Range<usize>) {
    let first = column.saturating_sub(1);
    let width = width.clamp(1, MARKED_CHARS);
    let keep = SHOWN_CHARS.max(first + width + CONTEXT_CHARS);
    let start = byte_of_char(line, first);
    let cut = byte_of_char(line, keep);
    let end = byte_of_char(line, first + width).min(cut);
    if cut < line.len() {
        (Cow::Owned(format!("{}…", &line[..cut])), start..end)
    } else {
        (Cow::Borrowed(line), start..end)
    }
}

/// A workbook file's path as people see it: `prefix` (the way to the
/// workbook from where covalue was started, as the system writes it) then
/// the file, with the system's separator throughout, so that on Windows it
/// reads `wb\populations\ms\access.md` as typed there, not half with `/`.
pub fn shown_path(prefix: &str, file: &str) -> String {
    let joined = format!("{prefix}{file}");
    if std::path::MAIN_SEPARATOR == '/' {
        joined
    } else {
        joined.replace('/', std::path::MAIN_SEPARATOR_STR)
    }
}

/// A finding as rustc draws a diagnostic: `error[CV012]: message`, then
/// `--> file:line:col`, the line with the place underlined, and `= help:`.
/// `prefix` is put before file paths. No trailing newline.
pub fn render_finding(f: &Finding, prefix: &str, colour: bool) -> String {
    let code = f.code.to_string();
    // Everything quoted from a workbook is shown, never obeyed, by the terminal.
    let path = f
        .file
        .as_ref()
        .map(|file| escape::terminal(&shown_path(prefix, file)).into_owned());
    let snippet = match (&f.snippet, f.column) {
        (Some(snippet), Some(column)) => Some(visible_snippet(snippet, column, f.width)),
        _ => None,
    };
    let source = match (&snippet, f.line) {
        (Some((snippet, column, width)), Some(line)) => Some((snippet, line, *column, *width)),
        _ => None,
    };
    let visible = source.map(|(snippet, _, column, width)| shown(snippet, column, width));
    let message = escape::terminal(&f.message);
    let mut group = Group::with_title(level(f).primary_title(message.as_ref()).id(code));
    match (&path, source, &visible) {
        (Some(path), Some((_, line, _, _)), Some((text, span))) => {
            group = group.element(
                Snippet::source(text.as_ref())
                    .line_start(line)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(span.clone())),
            );
        }
        (Some(path), _, _) => {
            let mut origin = Origin::path(path.as_str());
            if let Some(line) = f.line {
                origin = origin.line(line);
                if let Some(column) = f.column {
                    origin = origin.char_column(column);
                }
            }
            group = group.element(origin);
        }
        (None, _, _) => {}
    }
    let help = f.help.as_deref().map(escape::terminal);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    renderer(colour).render(&[group])
}

/// A snippet's line made safe for a terminal ([`escape::terminal`]), with
/// the 1-based character column and width of its mark moved to where they
/// fall in the escaped line.
fn visible_snippet(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let first = byte_of_char(line, column.saturating_sub(1));
    let last = first + byte_of_char(&line[first..], width.max(1));
    let (before, marked, after) = (&line[..first], &line[first..last], &line[last..]);
    let before = escape::terminal(before);
    let marked = escape::terminal(marked);
    let column = before.chars().count() + 1;
    let width = if width == 0 {
        0
    } else {
        marked.chars().count()
    };
    (
        format!("{before}{marked}{}", escape::terminal(after)),
        column,
        width,
    )
}

/// Writes one finding for people, followed by a blank line. `prefix` is put
/// before file paths (the workbook's folder as seen from where covalue was
/// started).
pub fn finding(out: &mut dyn Write, f: &Finding, prefix: &str) -> io::Result<()> {
    writeln!(out, "{}\n", render_finding(f, prefix, colour_wanted()))
}

/// Writes every finding, then a count.
pub fn findings(out: &mut dyn Write, findings: &[Finding], prefix: &str) -> io::Result<()> {
    for f in findings {
        finding(out, f, prefix)?;
    }
    Ok(())
}

/// The problems by severity ("2 errors, 1 warning", or "no problems
/// found"), then what is still open ("; 24 questions open").
pub fn tally(report: &Report) -> String {
    let problems: Vec<&Finding> = report.findings.iter().filter(|f| f.is_problem()).collect();
    let count = |s: Severity| problems.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "note"),
    ]
    .into_iter()
    .map(|(s, word)| (count(s), word))
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| plural(n, word))
    .collect();
    let mut text = if parts.is_empty() {
        "no problems found".to_string()
    } else {
        parts.join(", ")
    };
    let open: usize = report.summary.iter().map(|s| s.counts.open).sum();
    let open = if report.summary.is_empty() {
        // No summary (the guide cannot be used): count the findings.
        report
            .findings
            .iter()
            .filter(|f| f.code == Code::CV010)
            .count()
    } else {
        open
    };
    if open > 0 {
        text.push_str(&format!("; {} open", plural(open, "question")));
    }
    text
}

/// Writes the line that opens a population's summary.
fn summary_header(out: &mut dyn Write, s: &PopulationSummary, form: &str) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} ({}): {} of {} questions settled, {form} form",
        escape::terminal(&s.name),
        escape::terminal(&s.slug),
        s.counts.done(),
        s.counts.total
    )
}

/// The columns of the completeness table after the step titles.
const COUNT_COLUMNS: &str = "  answered  with problems  n/a  deferred  open  total";
/// The fewest columns a step title is cut to on a narrow terminal.
const TITLE_MIN: usize = 16;

/// Writes the completeness table of one population, and a blank line. The
/// titles are padded by their display width (a CJK title takes two columns
/// a character) and, on a terminal too narrow for the table, cut with `…`.
fn table(out: &mut dyn Write, s: &PopulationSummary) -> io::Result<()> {
    let titles: Vec<String> = s
        .steps
        .iter()
        .map(|st| escape::terminal(&st.title).into_owned())
        .collect();
    let widest = titles
        .iter()
        .map(|t| width::display(t))
        .max()
        .unwrap_or(10)
        .max(5);
    let room = width::terminal().map(|columns| {
        columns
            .saturating_sub(2 + COUNT_COLUMNS.len())
            .max(TITLE_MIN)
    });
    let width = room.map_or(widest, |room| widest.min(room));
    writeln!(out, "  {}{COUNT_COLUMNS}", " ".repeat(width))?;
    for (st, title) in s.steps.iter().zip(&titles) {
        let c = &st.counts;
        let title = width::pad(&width::fit(title, width), width);
        let style = if c.open + c.with_problems > 0 {
            palette::CHANGED
        } else {
            Style::new()
        };
        writeln!(
            out,
            "  {style}{title}  {:>8}  {:>13}  {:>3}  {:>8}  {:>4}  {:>5}{style:#}",
            c.answered, c.with_problems, c.not_applicable, c.deferred, c.open, c.total
        )?;
    }
    let c = &s.counts;
    writeln!(
        out,
        "  {BOLD}{}  {:>8}  {:>13}  {:>3}  {:>8}  {:>4}  {:>5}{BOLD:#}",
        width::pad("total", width),
        c.answered,
        c.with_problems,
        c.not_applicable,
        c.deferred,
        c.open,
        c.total
    )?;
    writeln!(out)
}

/// How a check report is printed for people.
#[derive(Debug, Clone, Copy)]
pub struct Human<'a> {
    /// The workbook's folder (or the network's) on disk.
    pub root: &'a std::path::Path,
    /// Put before file paths (the workbook's folder as seen from where
    /// covalue was started).
    pub prefix: &'a str,
    /// List every open question in full (`--verbose`), not one line per step.
    pub open: bool,
    /// Leave out the progress lines and completeness tables (`--quiet`).
    pub quiet: bool,
}

/// The most characters of question ids listed on a step's progress line.
const IDS_SHOWN: usize = 72;

/// "a, b, c, …": as many ids as fit in [`IDS_SHOWN`] characters.
fn id_list(ids: &[String]) -> String {
    let mut text = String::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 && text.len() + id.len() > IDS_SHOWN {
            text.push_str(", …");
            break;
        }
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(id);
    }
    text
}

/// Writes one line per step of a population that has work left: how many
/// questions are open and which, those answered with problems, and (unless
/// they are printed in full) the other progress findings of the step.
fn progress_lines(
    out: &mut dyn Write,
    s: &PopulationSummary,
    progress: &[&Finding],
    h: &Human<'_>,
) -> io::Result<()> {
    let notes = |step: usize| {
        progress
            .iter()
            .filter(move |f| f.code != Code::CV010 && f.place.0 == step && !h.open)
    };
    let note = |out: &mut dyn Write, f: &Finding| -> io::Result<()> {
        let at = match (&f.file, f.line) {
            (Some(file), Some(line)) => format!(" ({}:{line})", shown_path(h.prefix, file)),
            (Some(file), None) => format!(" ({})", shown_path(h.prefix, file)),
            _ => String::new(),
        };
        writeln!(
            out,
            "      - {}{}",
            escape::terminal(&f.message),
            escape::terminal(&at)
        )
    };
    for (i, st) in s.steps.iter().enumerate() {
        let c = &st.counts;
        let mut parts = Vec::new();
        if c.open > 0 {
            parts.push(format!(
                "{} of {} open: {}",
                c.open,
                c.total,
                id_list(&st.open)
            ));
        }
        if c.with_problems > 0 {
            parts.push(format!(
                "answered, with problems: {}",
                id_list(&st.with_problems)
            ));
        }
        let mut step_notes = notes(i + 1).peekable();
        if parts.is_empty() && step_notes.peek().is_none() {
            continue;
        }
        if parts.is_empty() {
            parts.push("nothing open".to_string());
        }
        writeln!(
            out,
            "  {}: {}",
            escape::terminal(&st.title),
            escape::terminal(&parts.join("; "))
        )?;
        for f in step_notes {
            note(out, f)?;
        }
    }
    for f in notes(0).chain(notes(crate::finding::UNPLACED.0)) {
        note(out, f)?;
    }
    Ok(())
}

/// Writes a check report for people: the problems in full, in the guide's
/// order; then for each population a line per step with work left and its
/// completeness table (not with `quiet`); then a tally.
pub fn report(out: &mut dyn Write, report: &Report, h: &Human<'_>) -> io::Result<()> {
    for f in report.findings.iter().filter(|f| f.is_problem() || h.open) {
        finding(out, f, h.prefix)?;
    }
    if !h.quiet {
        let mut progress: std::collections::HashMap<&str, Vec<&Finding>> =
            std::collections::HashMap::new();
        for f in report.findings.iter().filter(|f| !f.is_problem()) {
            if let Some(slug) = f.population_slug() {
                progress.entry(slug).or_default().push(f);
            }
        }
        for s in &report.summary {
            summary_header(out, s, report.form.as_str())?;
            let mine = progress.get(s.slug.as_str()).map_or(&[][..], Vec::as_slice);
            progress_lines(out, s, mine, h)?;
            table(out, s)?;
        }
        // Work left outside the populations (a session's action past due),
        // one line each; `--verbose` has printed them in full above.
        let outside: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| !f.is_problem() && f.population_slug().is_none())
            .collect();
        if !outside.is_empty() && !h.open {
            writeln!(out, "Sessions:")?;
            for f in outside {
                let place = match (&f.file, f.line) {
                    (Some(file), Some(line)) => {
                        format!("{}:{line}: ", shown_path(h.prefix, file))
                    }
                    (Some(file), None) => format!("{}: ", shown_path(h.prefix, file)),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "  {}{}",
                    escape::terminal(&place),
                    escape::terminal(&f.message)
                )?;
            }
            writeln!(out)?;
        }
    }
    let style = if report
        .findings
        .iter()
        .any(|f| f.is_problem() && f.severity == Severity::Error)
    {
        severity_style(Severity::Error)
    } else {
        BOLD
    };
    let open = report.summary.iter().any(|s| s.counts.open > 0);
    let hint = if open && !h.open {
        " (`covalue check --verbose` lists them with their lines)"
    } else {
        ""
    };
    writeln!(out, "{style}check:{style:#} {}{hint}", tally(report))
}

/// The version of `check --format json`'s shape, its `format_version`:
/// raised when a field changes meaning or goes (not when one is added).
pub const FORMAT_VERSION: u32 = 1;

/// A JSON document with its `format_version` first.
#[derive(serde::Serialize)]
pub struct Versioned<'a, T: serde::Serialize> {
    /// The version of the document's shape.
    pub format_version: u32,
    /// The document.
    #[serde(flatten)]
    pub document: &'a T,
}

/// Writes a check report as one JSON document.
pub fn report_json(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let versioned = Versioned {
        format_version: FORMAT_VERSION,
        document: report,
    };
    let json = serde_json::to_string_pretty(&versioned).map_err(io::Error::from)?;
    writeln!(out, "{}", escape::json(&json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    /// A finding on `line` (line 3 of `file.toml`) marking `marked`, the
    /// first place `marked` occurs.
    fn marking(line: &str, marked: &str) -> Finding {
        let at = line.find(marked).unwrap_or(0);
        let mut f = Finding::error(Code::CV002, "something is wrong here")
            .in_file("file.toml")
            .help("fix it");
        f.line = Some(3);
        f.column = Some(line[..at].chars().count() + 1);
        f.snippet = Some(line.to_string());
        f.width = marked.chars().count();
        f
    }

    /// How many terminal columns come before the caret, counted from the
    /// `|` of the gutter, and how many carets there are.
    fn caret(rendered: &str) -> (usize, usize) {
        let line = rendered
            .lines()
            .find(|l| l.contains('^'))
            .unwrap_or_default();
        let bar = line.find('|').unwrap_or(0) + 2;
        let first = line.find('^').unwrap_or(0);
        (first - bar, line.matches('^').count())
    }

    #[test]
    fn the_shape_is_rustc_s() {
        let line = "steps = 8";
        let text = render_finding(&marking(line, "8"), "wb/", false);
        assert_eq!(
            text,
            "error[CV002]: something is wrong here\n --> wb/file.toml:3:9\n  |\n3 | steps = 8\n  |         ^\n  |\n  = help: fix it"
        );
    }

    #[test]
    fn the_caret_is_under_the_right_character_after_hebrew_with_points() {
        // שָׁלוֹם: four letters and three vowel points, which take no column.
        let line = "name = \"\u{5E9}\u{5B8}\u{5C1}\u{5DC}\u{5D5}\u{5B9}\u{5DD}\" # 050-1234567";
        let text = render_finding(&marking(line, "050-1234567"), "", false);
        assert!(text.contains("--> file.toml:3:20"), "{text}");
        assert_eq!(caret(&text), (8 + 4 + 4, 11), "{text}");
    }

    #[test]
    fn the_caret_is_under_the_right_character_after_cjk_and_emoji() {
        // 患者 and 🙂 take two columns each; é is e and a combining accent.
        let line = "title = \"患者 🙂 e\u{301}\" = oops";
        let text = render_finding(&marking(line, "oops"), "", false);
        assert!(text.contains("--> file.toml:3:21"), "{text}");
        assert_eq!(caret(&text), (9 + 4 + 1 + 2 + 1 + 1 + 1 + 3, 4), "{text}");
        let text = render_finding(&marking(line, "🙂"), "", false);
        assert_eq!(caret(&text), (9 + 4 + 1, 2), "{text}");
    }

    #[test]
    fn a_finding_about_a_whole_file_shows_just_the_file() {
        let f = Finding::warning(Code::CV008, "no professional persona")
            .in_file("populations/ms/personas")
            .help("consider one");
        assert_eq!(
            render_finding(&f, "", false),
            "warning[CV008]: no professional persona\n --> populations/ms/personas\n  = help: consider one"
        );
        let f = Finding::info(Code::CV007, "no population yet");
        assert_eq!(
            render_finding(&f, "", false),
            "info[CV007]: no population yet"
        );
    }

    #[test]
    fn a_long_line_is_cut_after_the_mark() {
        let line = "x".repeat(10_000);
        let f = marking(&line, "x");
        let text = render_finding(&f, "", false);
        assert!(text.len() < 1000, "{text}");
        let mut far = marking(&line, "x");
        far.column = Some(5000);
        let text = render_finding(&far, "", false);
        assert!(text.len() < 1000, "{text}");
        assert!(text.contains(":3:5000"), "{text}");
        let mut wide = marking(&line, "x");
        wide.width = 10_000;
        let text = render_finding(&wide, "", false);
        assert!(text.len() < 1000, "{text}");
    }

    #[test]
    fn progress_is_never_printed_as_an_error() {
        let f = Finding::error(Code::CV010, "question `x` is not answered yet");
        assert_eq!(
            render_finding(&f, "", false),
            "open[CV010]: question `x` is not answered yet"
        );
        let f = Finding::warning(Code::CV011, "a deferral is due");
        assert_eq!(
            render_finding(&f, "", false),
            "note[CV011]: a deferral is due"
        );
    }

    #[test]
    fn colour_is_left_out_when_it_is_off() {
        let f = marking("a = 1", "1");
        assert!(!render_finding(&f, "", false).contains('\u{1b}'));
        assert!(render_finding(&f, "", true).contains('\u{1b}'));
    }
}
