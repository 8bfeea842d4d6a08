//! Findings for CI services: GitHub Actions workflow annotations, GitLab's
//! Code Quality report and SARIF 2.1.0 (code scanning). All three name
//! files from the root of the git repository that holds the workbook, and
//! point only at files that exist: a finding about a file not written yet
//! (an answer file of a step not started) or about a folder points at the
//! population's record instead, else at the workbook's `covalue.toml`.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

use crate::check::Report;
use crate::escape;
use crate::finding::{Finding, Kind, Severity};
use crate::workbook::layout;

/// The version of covalue's own fields in these reports (SARIF's
/// `properties.format_version`); raised when one changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// GitHub keeps this many annotations of each kind (error, warning,
/// notice) from one step; the rest are dropped without a word.
pub const GITHUB_PER_KIND: usize = 10;

/// Where the files of findings are, as a CI service names them.
#[derive(Debug, Clone)]
pub struct Anchor {
    /// The workbook's folder (or the network's) on disk.
    root: PathBuf,
    /// Put before a workbook path to name it from the repository's root
    /// (`""`, or `"sites/lakeside/"` for a workbook in a subfolder).
    prefix: String,
}

impl Anchor {
    /// Anchors the paths of a workbook at `root` at the root of the git
    /// repository that holds it (the nearest folder above with a `.git`);
    /// outside a repository, at `fallback` (the workbook as seen from where
    /// covalue was started).
    pub fn new(root: &Path, fallback: &str) -> Anchor {
        let prefix = match repository_root(root) {
            Some(repo) => {
                let inner = root.strip_prefix(&repo).unwrap_or(Path::new(""));
                let parts: Vec<String> = inner
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                parts.iter().map(|p| format!("{p}/")).collect()
            }
            // GitHub names files with `/`, whatever the runner's system.
            None if cfg!(windows) => fallback.replace('\\', "/"),
            None => fallback.to_string(),
        };
        Anchor {
            root: root.to_path_buf(),
            prefix,
        }
    }

    /// The workbook's folder named from the repository's root, for `-C`
    /// (`""` when the workbook is the repository).
    fn folder(&self) -> &str {
        self.prefix.trim_end_matches('/')
    }

    /// The command that prints every finding with its place.
    pub fn command(&self) -> String {
        match self.folder() {
            "" => "covalue check --verbose".to_string(),
            dir => format!("covalue -C {} check --verbose", escape::shell(dir)),
        }
    }

    /// Whether `file` (relative to the workbook, `/` separated) is a
    /// regular file inside it. Only a name of plain parts is looked up:
    /// nothing outside the workbook is asked about.
    fn is_file(&self, file: &str) -> bool {
        let rel = Path::new(file);
        if file.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return false;
        }
        self.root.join(rel).is_file()
    }

    /// Where a finding is shown: its own file and place when the file
    /// exists, else the population's record or `covalue.toml` with no
    /// line (and the file it was about, to say in the message), else
    /// nowhere in particular.
    pub fn place(&self, f: &Finding) -> Place {
        if let Some(file) = f.file.as_deref()
            && self.is_file(file)
        {
            return Place {
                file: Some(format!("{}{file}", self.prefix)),
                line: f.line,
                column: f.column,
                about: None,
            };
        }
        let record = f.population_slug().map(|slug| {
            format!(
                "{}/{}",
                layout::population_dir(slug),
                layout::POPULATION_FILE
            )
        });
        let file = record
            .into_iter()
            .chain([layout::CONFIG_FILE.to_string()])
            .find(|candidate| self.is_file(candidate))
            .map(|found| format!("{}{found}", self.prefix));
        Place {
            file,
            line: None,
            column: None,
            about: f
                .file
                .as_ref()
                .map(|about| format!("{}{about}", self.prefix)),
        }
    }
}

/// The nearest folder at or above `dir` that holds a `.git` (a folder, or
/// the file of a worktree or submodule).
fn repository_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").symlink_metadata().is_ok())
        .map(Path::to_path_buf)
}

/// Where a finding is shown by a CI service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A file that exists, named from the repository's root.
    pub file: Option<String>,
    /// 1-based line in it, when the finding's own file is shown.
    pub line: Option<usize>,
    /// 1-based column (characters).
    pub column: Option<usize>,
    /// The file or folder the finding is about, when another is shown.
    pub about: Option<String>,
}

/// The message of a finding with its help, and the file it is about when
/// another is shown.
fn full_message(f: &Finding, place: &Place) -> String {
    let mut message = f.message.clone();
    if let Some(about) = &place.about {
        message.push_str(&format!(" (in {about})"));
    }
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    message
}

/// The GitHub annotation kind of a finding.
fn github_level(f: &Finding) -> &'static str {
    match (f.kind, f.severity) {
        (Kind::Progress, _) => "notice",
        (Kind::Problem, Severity::Error) => "error",
        (Kind::Problem, Severity::Warning) => "warning",
        (Kind::Problem, Severity::Info) => "notice",
    }
}

/// Writes findings as GitHub Actions workflow annotations, at most
/// [`GITHUB_PER_KIND`] of each kind; when some are left out, a last notice
/// says how many and the command that shows them all.
pub fn github(out: &mut dyn Write, report: &Report, anchor: &Anchor) -> io::Result<()> {
    let mut total: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.findings {
        *total.entry(github_level(f)).or_default() += 1;
    }
    let overflows = total.values().any(|n| *n > GITHUB_PER_KIND);
    // The summary is a notice too: it takes the last notice's place.
    let budget = |level: &str| match level {
        "notice" if overflows => GITHUB_PER_KIND - 1,
        _ => GITHUB_PER_KIND,
    };
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hidden = 0;
    for f in &report.findings {
        let level = github_level(f);
        let count = shown.entry(level).or_default();
        if *count >= budget(level) {
            hidden += 1;
            continue;
        }
        *count += 1;
        let place = anchor.place(f);
        annotation(
            out,
            level,
            &place,
            &format!("covalue {}", f.code),
            &full_message(f, &place),
        )?;
    }
    if hidden > 0 {
        let message = format!(
            "{hidden} more finding{} not shown here: GitHub shows at most {GITHUB_PER_KIND} annotations of each kind from one step. Run `{}` to see them all.",
            if hidden == 1 { " is" } else { "s are" },
            anchor.command()
        );
        let place = Place {
            file: None,
            line: None,
            column: None,
            about: None,
        };
        annotation(out, "notice", &place, "covalue: more findings", &message)?;
    }
    writeln!(out, "check: {}", super::tally(report))
}

/// Writes one workflow command (`::error file=…,line=…::message`).
fn annotation(
    out: &mut dyn Write,
    level: &str,
    place: &Place,
    title: &str,
    message: &str,
) -> io::Result<()> {
    let mut props = Vec::new();
    if let Some(file) = &place.file {
        props.push(format!("file={}", escape_property(file)));
    }
    if let Some(line) = place.line {
        props.push(format!("line={line}"));
    }
    if let Some(col) = place.column {
        props.push(format!("col={col}"));
    }
    props.push(format!("title={}", escape_property(title)));
    writeln!(
        out,
        "::{level} {}::{}",
        escape::terminal(&props.join(",")),
        escape::terminal(&escape_data(message))
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A stable 128-bit fingerprint (two FNV-1a hashes) of the parts that make
/// a finding itself, as 32 hex digits: the same finding in the next run
/// has the same fingerprint, so a merge request shows only what changed.
fn fingerprint(parts: &[&str]) -> String {
    let hash = |seed: u64| {
        let mut h = seed;
        for part in parts {
            for b in part.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    };
    format!(
        "{:016x}{:016x}",
        hash(0xcbf2_9ce4_8422_2325),
        hash(0x6c62_272e_07bb_0142)
    )
}

/// The parts of a finding that identify it across runs.
fn identity(f: &Finding) -> [String; 4] {
    [
        f.code.to_string(),
        f.file.clone().unwrap_or_default(),
        f.line.map(|l| l.to_string()).unwrap_or_default(),
        f.message.clone(),
    ]
}

/// GitLab's severity of a finding (`info`, `minor`, `major`, `critical`,
/// `blocker`).
fn gitlab_severity(f: &Finding) -> &'static str {
    match (f.kind, f.severity) {
        (Kind::Progress, _) => "info",
        (Kind::Problem, Severity::Error) => "major",
        (Kind::Problem, Severity::Warning) => "minor",
        (Kind::Problem, Severity::Info) => "info",
    }
}

/// Writes findings as GitLab's Code Quality report: one JSON array, an
/// object per finding. GitLab requires a file for each, so a finding with
/// none names the workbook's `covalue.toml`.
pub fn gitlab(out: &mut dyn Write, report: &Report, anchor: &Anchor) -> io::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::new();
    for f in &report.findings {
        let place = anchor.place(f);
        let id = identity(f);
        let mut print = fingerprint(&id.each_ref().map(String::as_str));
        // Two findings alike in every part still need two fingerprints.
        let mut n = 1;
        while !seen.insert(print.clone()) {
            n += 1;
            print = fingerprint(&[&print, &n.to_string()]);
        }
        let path = place
            .file
            .clone()
            .unwrap_or_else(|| format!("{}{}", anchor.prefix, layout::CONFIG_FILE));
        items.push(json!({
            "description": format!("{}: {}", f.code, full_message(f, &place)),
            "check_name": f.code.to_string(),
            "fingerprint": print,
            "severity": gitlab_severity(f),
            "categories": [if f.kind == Kind::Progress { "Progress" } else { "Bug Risk" }],
            "location": {
                "path": path,
                "lines": { "begin": place.line.unwrap_or(1) },
            },
        }));
    }
    write_json(out, &Value::Array(items))
}

/// SARIF's level of a finding (`error`, `warning`, `note`).
fn sarif_level(f: &Finding) -> &'static str {
    match (f.kind, f.severity) {
        (Kind::Progress, _) => "note",
        (Kind::Problem, Severity::Error) => "error",
        (Kind::Problem, Severity::Warning) => "warning",
        (Kind::Problem, Severity::Info) => "note",
    }
}

/// Writes findings as one SARIF 2.1.0 log with one run: a rule per code
/// found (its title, and `covalue explain CODE` as help), a result per
/// finding with its place named from the repository's root.
pub fn sarif(out: &mut dyn Write, report: &Report, anchor: &Anchor) -> io::Result<()> {
    let mut codes: Vec<_> = report.findings.iter().map(|f| f.code).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "id": code.to_string(),
                "name": code.to_string(),
                "shortDescription": { "text": code.title() },
                "help": { "text": format!("Run `covalue explain {code}` for what it means and what to do.") },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let place = anchor.place(f);
            let mut result = json!({
                "ruleId": f.code.to_string(),
                "ruleIndex": codes.binary_search(&f.code).unwrap_or(0),
                "level": sarif_level(f),
                "message": { "text": full_message(f, &place) },
                "partialFingerprints": {
                    "covalueFinding/v1": fingerprint(&identity(f).each_ref().map(String::as_str)),
                },
                "properties": { "kind": f.kind.as_str() },
            });
            if let Some(file) = &place.file {
                let mut physical = json!({ "artifactLocation": { "uri": uri(file) } });
                if let Some(line) = place.line {
                    let mut region = json!({ "startLine": line });
                    if let Some(column) = place.column {
                        region["startColumn"] = json!(column);
                    }
                    physical["region"] = region;
                }
                result["locations"] = json!([{ "physicalLocation": physical }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "covalue",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": { "format_version": FORMAT_VERSION },
        }],
    });
    write_json(out, &log)
}

/// A relative path as a URI reference: each part percent-encoded where
/// URIs need it (spaces, `%`, `#`, `?`, non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn write_json(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    writeln!(out, "{}", escape::json(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_differ() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["ab", ""]));
        assert_eq!(fingerprint(&["x"]).len(), 32);
    }

    #[test]
    fn uris_encode_what_uris_must() {
        assert_eq!(
            uri("populations/ms/answers/01.md"),
            "populations/ms/answers/01.md"
        );
        assert_eq!(uri("a b/Jö#?.md"), "a%20b/J%C3%B6%23%3F.md");
    }

    #[test]
    fn the_command_keeps_the_folder_and_quotes_it() {
        let at = |prefix: &str| Anchor {
            root: PathBuf::from("/nowhere"),
            prefix: prefix.into(),
        };
        assert_eq!(at("").command(), "covalue check --verbose");
        assert_eq!(
            at("sites/a/").command(),
            "covalue -C sites/a check --verbose"
        );
        assert_eq!(
            at("my sites/a/").command(),
            "covalue -C 'my sites/a' check --verbose"
        );
    }
}
