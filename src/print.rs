//! Printing findings and summaries: one printer for people (in the shape of
//! rustc's diagnostics, coloured on a terminal only) and one for JSON.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};

use crate::check::{PopulationSummary, Report};
use crate::finding::{Finding, Severity};

const BOLD: Style = Style::new().effects(Effects::BOLD);
const BLUE: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Severity::Warning => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
        Severity::Info => AnsiColor::Cyan.on_default().effects(Effects::BOLD),
    }
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

/// Writes one finding for people. `prefix` is put before file paths (the
/// workbook's folder as seen from where covalue was started).
pub fn finding(out: &mut dyn Write, f: &Finding, prefix: &str) -> io::Result<()> {
    let style = severity_style(f.severity);
    writeln!(
        out,
        "{style}{}[{}]{style:#}{BOLD}: {}{BOLD:#}",
        f.severity, f.code, f.message
    )?;
    let line_no = f.line.map(|l| l.to_string()).unwrap_or_default();
    let gutter = " ".repeat(line_no.len().max(1));
    if let Some(file) = &f.file {
        let place = match (f.line, f.column) {
            (Some(l), Some(c)) => format!("{prefix}{file}:{l}:{c}"),
            (Some(l), None) => format!("{prefix}{file}:{l}"),
            _ => format!("{prefix}{file}"),
        };
        writeln!(out, "{gutter}{BLUE}-->{BLUE:#} {place}")?;
    }
    if let (Some(snippet), Some(line), Some(column)) = (&f.snippet, f.line, f.column) {
        let shown: String = snippet
            .chars()
            .take(160)
            .collect::<String>()
            .replace('\t', "    ");
        let before: String = snippet
            .chars()
            .take(column.saturating_sub(1))
            .collect::<String>()
            .replace('\t', "    ");
        let pad = " ".repeat(before.chars().count().min(160));
        let width = f.width.clamp(1, 160usize.saturating_sub(pad.len()).max(1));
        writeln!(out, "{gutter} {BLUE}|{BLUE:#}")?;
        writeln!(out, "{BLUE}{line}{BLUE:#} {BLUE}|{BLUE:#} {shown}")?;
        writeln!(
            out,
            "{gutter} {BLUE}|{BLUE:#} {pad}{style}{}{style:#}",
            "^".repeat(width)
        )?;
    }
    if let Some(help) = &f.help {
        writeln!(out, "{gutter} {BLUE}={BLUE:#} {BOLD}help{BOLD:#}: {help}")?;
    }
    writeln!(out)
}

/// Writes every finding, then a count.
pub fn findings(out: &mut dyn Write, findings: &[Finding], prefix: &str) -> io::Result<()> {
    for f in findings {
        finding(out, f, prefix)?;
    }
    Ok(())
}

/// "2 errors, 1 warning", or "no problems found".
pub fn tally(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "note"),
    ]
    .into_iter()
    .map(|(s, word)| (count(s), word))
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}{}", if n == 1 { "" } else { "s" }))
    .collect();
    if parts.is_empty() {
        "no problems found".to_string()
    } else {
        parts.join(", ")
    }
}

/// Writes the completeness table of one population.
pub fn summary(out: &mut dyn Write, s: &PopulationSummary, form: &str) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} ({}): {} of {} questions settled, {form} form",
        s.name,
        s.slug,
        s.counts.done(),
        s.counts.total
    )?;
    let width = s
        .steps
        .iter()
        .map(|st| st.title.chars().count())
        .max()
        .unwrap_or(10)
        .max(5);
    writeln!(out, "  {:width$}  answered  n/a  deferred  open  total", "")?;
    for st in &s.steps {
        let c = &st.counts;
        let title = format!("{:width$}", st.title);
        let style = if c.open > 0 {
            AnsiColor::Yellow.on_default()
        } else {
            Style::new()
        };
        writeln!(
            out,
            "  {style}{title}  {:>8}  {:>3}  {:>8}  {:>4}  {:>5}{style:#}",
            c.answered, c.not_applicable, c.deferred, c.open, c.total
        )?;
    }
    let c = &s.counts;
    writeln!(
        out,
        "  {BOLD}{:width$}  {:>8}  {:>3}  {:>8}  {:>4}  {:>5}{BOLD:#}",
        "total", c.answered, c.not_applicable, c.deferred, c.open, c.total
    )?;
    writeln!(out)
}

/// Writes a check report for people.
pub fn report(out: &mut dyn Write, report: &Report, prefix: &str) -> io::Result<()> {
    findings(out, &report.findings, prefix)?;
    for s in &report.summary {
        summary(out, s, report.form.as_str())?;
    }
    let style = if report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        severity_style(Severity::Error)
    } else {
        BOLD
    };
    writeln!(out, "{style}check:{style:#} {}", tally(&report.findings))
}

/// Writes a check report as one JSON document.
pub fn report_json(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes findings as GitHub Actions workflow annotations.
pub fn report_github(out: &mut dyn Write, report: &Report, prefix: &str) -> io::Result<()> {
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(file) = &f.file {
            props.push(format!(
                "file={}",
                escape_property(&format!("{prefix}{file}"))
            ));
        }
        if let Some(line) = f.line {
            props.push(format!("line={line}"));
        }
        if let Some(col) = f.column {
            props.push(format!("col={col}"));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("covalue {}", f.code))
        ));
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            escape_data(&message)
        )?;
    }
    writeln!(out, "check: {}", tally(&report.findings))
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
