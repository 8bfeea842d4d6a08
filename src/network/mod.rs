//! A network of sites (`network.toml`): a community of practice whose sites
//! each keep their workbook in their own git repository. This module reads
//! and checks the network file; `cache.rs` says where the network's cache
//! is (in the user's cache folder, never in the network folder) and keeps
//! it covalue's own; `fetch.rs` copies each site's repository into it with
//! git and sums up the revision it reads,
//! `summary.rs` says what a site's workbook holds, `report.rs` lays the
//! sites side by side, and `status.rs` says who is behind. `sessions.rs`
//! keeps the community's own session records, and `pack.rs` prints the
//! pack for one.

pub mod cache;
pub mod fetch;
pub mod pack;
pub mod report;
pub mod sessions;
pub mod status;
pub mod summary;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::finding::{Code, Finding, Loc};
use crate::node::Node;
use crate::read_error::ReadError;
use crate::source::Source;
use crate::spec;
use crate::workbook::layout::is_slug;

/// The network's file.
pub const NETWORK_FILE: &str = "network.toml";
/// The folder, inside the network folder, where covalue kept its cache
/// before it moved to the user's cache folder ([`cache`]). `network init`
/// keeps it out of git; covalue never reads it.
pub const CACHE_DIR: &str = ".covalue";
/// The schema file `network init` writes, and the line that names it.
pub const SCHEMA_FILE: &str = "schemas/network.schema.json";

/// A network, as `network.toml` describes it.
#[derive(Debug, Clone, Serialize)]
pub struct Network {
    /// The folder holding `network.toml`.
    #[serde(skip)]
    pub root: PathBuf,
    /// The network's name.
    pub name: String,
    /// The sites, in file order.
    pub sites: Vec<Site>,
    /// The shared measure domains.
    pub domains: Vec<Domain>,
    /// The answers and improvements the coordinator marks as exemplars.
    pub exemplars: Vec<Exemplar>,
    /// The language of the network's pages (`language`), when set.
    pub language: Option<String>,
}

impl Network {
    /// The language of the network's pages: `--lang` when given, else
    /// `language` of `network.toml`, else English (an unknown language is
    /// reported by `check` and read as English).
    pub fn lang(&self, chosen: Option<crate::i18n::Lang>) -> crate::i18n::Lang {
        chosen.unwrap_or_else(|| {
            self.language
                .as_deref()
                .and_then(|l| crate::i18n::Lang::parse(l).ok())
                .unwrap_or_default()
        })
    }
}

/// One site of a network.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// Its short name (a slug).
    pub name: String,
    /// Its country.
    pub country: Option<String>,
    /// The git address of its workbook.
    pub address: String,
    /// The branch, tag or commit to read (None: the default branch).
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Why the site cannot be fetched as written (a `network.toml` problem).
    #[serde(skip)]
    pub problem: Option<String>,
    /// Where it is written.
    #[serde(skip)]
    pub loc: Loc,
}

impl Site {
    /// The ref as shown: the one written, or "default branch".
    pub fn shown_ref(&self) -> &str {
        self.reference.as_deref().unwrap_or("default branch")
    }
}

/// A shared measure domain.
#[derive(Debug, Clone, Serialize)]
pub struct Domain {
    /// Its id, as measures name it.
    pub id: String,
    /// What it measures.
    pub name: String,
    /// How to read it.
    pub description: Option<String>,
}

/// An answer or improvement of a site that the coordinator marks as an
/// exemplar for the others (`[[exemplar]]` in `network.toml`).
#[derive(Debug, Clone, Serialize)]
pub struct Exemplar {
    /// The site.
    pub site: String,
    /// The population's folder name, when given.
    pub population: Option<String>,
    /// The question whose answer it is.
    pub question: Option<String>,
    /// The improvement it is.
    pub improvement: Option<String>,
    /// Why others could learn from it, in the coordinator's words.
    pub note: Option<String>,
}

/// Why the network file cannot be used at all (exit 2, or its findings).
#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    /// No `network.toml` here or above.
    #[error("no network here: there is no {NETWORK_FILE} in {} or any folder above it", .0.display())]
    NotFound(PathBuf),
    /// `network.toml` cannot be read.
    #[error("{NETWORK_FILE} cannot be read: {0}")]
    Unreadable(String),
    /// `network.toml` has errors; its findings say which.
    #[error("{NETWORK_FILE} has {} problem(s) (above); fix them first", .0.len())]
    Broken(Vec<Finding>),
}

impl crate::diagnose::Diagnose for NetworkError {
    fn help(&self) -> Option<String> {
        match self {
            NetworkError::NotFound(_) => Some(
                "run covalue inside a network folder, use `-C FOLDER`, or start one with `covalue network init`".into(),
            ),
            NetworkError::Unreadable(_) => {
                Some("check that the file exists and that you may read it".into())
            }
            NetworkError::Broken(_) => Some("`covalue check` in the network folder lists them with their places".into()),
        }
    }

    fn findings(&self) -> &[Finding] {
        match self {
            NetworkError::Broken(f) => f,
            _ => &[],
        }
    }

    fn exit_code(&self) -> u8 {
        match self {
            NetworkError::Broken(_) => 1,
            _ => 2,
        }
    }
}

/// The folder holding `network.toml`: `start` or a folder above it.
pub fn discover(start: &Path) -> Result<PathBuf, NetworkError> {
    let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = Some(absolute.as_path());
    while let Some(d) = dir {
        if d.join(NETWORK_FILE).is_file() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Err(NetworkError::NotFound(absolute))
}

/// Reads and checks `network.toml` in `root`: the network (None when the
/// file cannot be parsed) and every problem found, with its place.
pub fn read(root: &Path) -> Result<(Option<Network>, Vec<Finding>), NetworkError> {
    let bytes = crate::confine::Jail::at(root)
        .read(&root.join(NETWORK_FILE))
        .map_err(|e: ReadError| NetworkError::Unreadable(e.describe()))?;
    let source = Source::from_bytes(bytes, NETWORK_FILE)
        .map_err(|e| NetworkError::Unreadable(e.describe()))?;
    Ok(parse(root, &source))
}

/// Reads `network.toml`, refusing one with errors.
pub fn open(root: &Path) -> Result<(Network, Vec<Finding>), NetworkError> {
    let (network, findings) = read(root)?;
    let errors: Vec<Finding> = findings
        .iter()
        .filter(|f| f.severity == crate::finding::Severity::Error && f.code != Code::CV041)
        // A site with a bad address or ref fails alone; an exemplar that
        // cannot be placed is left out of the report.
        .filter(|f| !matches!(f.code, Code::CV042 | Code::CV043 | Code::CV066))
        .cloned()
        .collect();
    match network {
        Some(network) if errors.is_empty() => Ok((network, findings)),
        _ => Err(NetworkError::Broken(if errors.is_empty() {
            findings
        } else {
            errors
        })),
    }
}

/// The coordinator's `[[exemplar]]` tables: each names a site of the
/// network and one question or one improvement (CV066 otherwise; such an
/// exemplar is left out of the report).
fn exemplars(
    node: &Node,
    source: &Source,
    sites: &[Site],
    findings: &mut Vec<Finding>,
) -> Vec<Exemplar> {
    let mut kept = Vec::new();
    for entry in node.array("exemplar") {
        let Some(site) = entry.string("site") else {
            continue;
        };
        let at = |key: &str| {
            entry
                .get(key)
                .map_or(entry.span.clone(), |n| n.span.clone())
        };
        let (question, improvement) = (entry.string("question"), entry.string("improvement"));
        let problem = if !sites.iter().any(|s| s.name == site) {
            Some((
                "site",
                format!("the exemplar names the site `{site}`, which the network does not list"),
                "name a site of a `[[site]]` table, or add the site with `covalue network add`"
                    .to_string(),
            ))
        } else if question.is_some() == improvement.is_some() {
            Some((
                "site",
                format!("the exemplar of site `{site}` must name either one question or one improvement"),
                "write `question = \"…\"` (a question's id, such as `assessment-next-steps`) or `improvement = \"…\"` (an improvement's id in the site's register), not both".to_string(),
            ))
        } else {
            None
        };
        if let Some((key, message, help)) = problem {
            findings.push(
                Finding::error(Code::CV066, message)
                    .at(source, at(key))
                    .help(help),
            );
            continue;
        }
        kept.push(Exemplar {
            site,
            population: entry.string("population"),
            question,
            improvement,
            note: entry.string("note").filter(|n| !n.trim().is_empty()),
        });
    }
    kept
}

/// Parses and checks a network file.
pub fn parse(root: &Path, source: &Source) -> (Option<Network>, Vec<Finding>) {
    let mut findings = Vec::new();
    let node = match crate::node::parse_toml(source) {
        Ok(node) => node,
        Err(finding) => return (None, vec![*finding]),
    };
    spec::validate(
        &node,
        &spec::NETWORK,
        &spec::BaseVocab,
        source,
        &spec::KeyPath::Root,
        &mut findings,
    );
    let mut sites: Vec<Site> = Vec::new();
    for entry in node.array("site") {
        let (Some(name), Some(address)) = (entry.string("name"), entry.string("address")) else {
            continue;
        };
        let at = |key: &str| {
            entry
                .get(key)
                .map_or(entry.span.clone(), |n| n.span.clone())
        };
        let mut site = Site {
            name: name.clone(),
            country: entry.string("country").filter(|c| !c.trim().is_empty()),
            address: address.clone(),
            reference: entry.string("ref"),
            problem: None,
            loc: Loc::of_span(source, at("name")),
        };
        if !is_slug(&name) {
            // Reported by the shape check (CV005); never a cache path.
            site.problem = Some(format!("`{name}` is not a valid site name"));
        } else if sites.iter().any(|s| s.name == name) {
            findings.push(
                Finding::error(Code::CV041, format!("the site `{name}` is listed twice"))
                    .at(source, at("name"))
                    .help("give each site its own name; only the first one is fetched"),
            );
            continue;
        }
        if let Err(why) = check_address(&address) {
            findings.push(
                Finding::error(Code::CV042, format!("the address of site `{name}` cannot be used: {why}"))
                    .at(source, at("address"))
                    .help("write an https://, ssh://, git:// or file:// address, user@host:path, or a local path"),
            );
            site.problem = Some(format!("its address cannot be used: {why}"));
        }
        if let Some(reference) = &site.reference {
            if let Err(why) = check_ref(reference) {
                findings.push(
                    Finding::error(Code::CV043, format!("the ref of site `{name}` cannot be used: {why}"))
                        .at(source, at("ref"))
                        .help("name a branch (main), a tag (session-3) or a commit id; leave `ref` out for the default branch"),
                );
                site.problem = Some(format!("its ref cannot be used: {why}"));
            }
        }
        sites.push(site);
    }
    let mut domains: Vec<Domain> = Vec::new();
    for entry in node.array("domain") {
        let (Some(id), Some(name)) = (entry.string("id"), entry.string("name")) else {
            continue;
        };
        if domains.iter().any(|d| d.id == id) {
            let span = entry
                .get("id")
                .map_or(entry.span.clone(), |n| n.span.clone());
            findings.push(
                Finding::error(
                    Code::CV044,
                    format!("the measure domain `{id}` is listed twice"),
                )
                .at(source, span)
                .help("give each shared measure domain its own id"),
            );
            continue;
        }
        domains.push(Domain {
            id,
            name,
            description: entry.string("description"),
        });
    }
    let exemplars = exemplars(&node, source, &sites, &mut findings);
    let network = Network {
        root: root.to_path_buf(),
        name: node.string("name").unwrap_or_default(),
        sites,
        domains,
        exemplars,
        language: node.string("language"),
    };
    crate::finding::sort(&mut findings);
    (Some(network), findings)
}

/// Whether git may be handed an address: one of the transports covalue
/// allows, never an option (`-…`), a `transport::` helper or a line break.
pub fn check_address(address: &str) -> Result<(), String> {
    let address = address.trim();
    if address.is_empty() {
        return Err("it is empty".into());
    }
    if address.starts_with('-') {
        return Err("it starts with `-`, which git would read as an option".into());
    }
    if address.chars().any(char::is_control) {
        return Err("it holds a line break or another control character".into());
    }
    if address.contains("::") {
        return Err("`transport::address` runs a helper program; covalue allows only https, ssh, git and local paths".into());
    }
    if let Some((scheme, _)) = address.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        if !matches!(
            scheme.as_str(),
            "https" | "http" | "ssh" | "git" | "file" | "git+ssh" | "ssh+git"
        ) {
            return Err(format!("covalue does not fetch over `{scheme}://`"));
        }
    }
    Ok(())
}

/// Whether a ref can be asked of git: a branch, a tag or a commit id.
pub fn check_ref(reference: &str) -> Result<(), String> {
    if reference.is_empty() {
        return Err("it is empty".into());
    }
    if reference.starts_with(['-', '/']) || reference.ends_with('/') {
        return Err("it starts or ends with `-` or `/`".into());
    }
    if reference.contains("..") || reference.contains("//") {
        return Err("it holds `..` or `//`".into());
    }
    if !reference
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    {
        return Err("use only letters, digits, `-`, `_`, `.` and `/`".into());
    }
    Ok(())
}

/// The text of a new `network.toml`.
pub fn new_file(name: &str) -> String {
    format!(
        "#:schema ./{SCHEMA_FILE}\n# A network of sites: see `covalue network --help` and docs/network.md.\nname = {}\n",
        crate::scaffold::toml_string(name)
    )
}

/// The `[[site]]` table that `network add` appends.
pub fn site_table(
    name: &str,
    address: &str,
    reference: Option<&str>,
    country: Option<&str>,
) -> String {
    let mut text = format!(
        "\n[[site]]\nname = {}\n",
        crate::scaffold::toml_string(name)
    );
    if let Some(country) = country {
        text.push_str(&format!(
            "country = {}\n",
            crate::scaffold::toml_string(country)
        ));
    }
    text.push_str(&format!(
        "address = {}\n",
        crate::scaffold::toml_string(address)
    ));
    if let Some(reference) = reference {
        text.push_str(&format!(
            "ref = {}\n",
            crate::scaffold::toml_string(reference)
        ));
    }
    text
}

/// Finds a site's node by name (for `network add`: the same site twice is refused).
pub fn has_site(node: &Node, name: &str) -> bool {
    node.array("site")
        .iter()
        .any(|s| s.str("name") == Some(name))
}

/// Why `network init` or `network add` cannot do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// What was asked cannot be done; the help says what to do.
    #[error("{0}")]
    Refused(String, String),
    /// A file cannot be read or written.
    #[error("cannot write {0}")]
    Io(String, #[source] std::io::Error),
}

/// What `network init` wrote.
#[derive(Debug)]
pub struct Started {
    /// The files written, relative to the network folder.
    pub written: Vec<String>,
    /// Files that were already there and were left alone.
    pub left: Vec<String>,
}

/// Starts a network folder: `network.toml` (never replacing one), its
/// schema, and a `.gitignore` that keeps `.covalue/` (where older versions
/// kept their cache) out of git.
pub fn init(dir: &Path, name: &str) -> Result<Started, EditError> {
    use crate::fsutil::{Created, create_new, write_atomic};
    if dir.join(NETWORK_FILE).exists() {
        return Err(EditError::Refused(
            format!("{} already has a {NETWORK_FILE}", dir.display()),
            "covalue never replaces it: add sites with `covalue network add NAME ADDRESS`".into(),
        ));
    }
    let io = |what: &str| {
        let what = what.to_string();
        move |e| EditError::Io(what, e)
    };
    std::fs::create_dir_all(dir).map_err(io(&dir.display().to_string()))?;
    let mut started = Started {
        written: Vec::new(),
        left: Vec::new(),
    };
    for (file, text) in [
        (NETWORK_FILE, new_file(name)),
        (
            ".gitignore",
            format!(
                "# where older covalue versions kept their cache; covalue never reads it\n/{CACHE_DIR}/\n"
            ),
        ),
    ] {
        match create_new(&dir.join(file), &text).map_err(io(file))? {
            Created::Written(_) => started.written.push(file.to_string()),
            Created::LeftAlone(_) => started.left.push(file.to_string()),
        }
    }
    for (name, text) in spec::network_schema_files() {
        let file = format!("schemas/{name}");
        write_atomic(&dir.join(&file), text.as_bytes()).map_err(io(&file))?;
        started.written.push(file);
    }
    Ok(started)
}

/// Adds a site at the end of `network.toml`: its name checked like a
/// slug, its address and ref like network.toml's own rules; the same
/// name twice is refused.
pub fn add(
    root: &Path,
    name: &str,
    address: &str,
    reference: Option<&str>,
    country: Option<&str>,
) -> Result<(), EditError> {
    crate::workbook::layout::check_slug("site", name).map_err(|m| {
        EditError::Refused(m, "site names are also folder names in the cache".into())
    })?;
    check_address(address).map_err(|why| {
        EditError::Refused(
            format!("the address `{address}` cannot be used: {why}"),
            "give an https://, ssh://, git:// or file:// address, user@host:path, or a local path"
                .into(),
        )
    })?;
    if let Some(r) = reference {
        check_ref(r).map_err(|why| {
            EditError::Refused(
                format!("the ref `{r}` cannot be used: {why}"),
                "name a branch, a tag or a commit id".into(),
            )
        })?;
    }
    let path = root.join(NETWORK_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| EditError::Io(NETWORK_FILE.into(), e))?;
    let source = Source::new(NETWORK_FILE, text.clone());
    let node = crate::node::parse_toml(&source).map_err(|f| {
        EditError::Refused(
            format!("{NETWORK_FILE} cannot be read: {}", f.message),
            "fix it first; `covalue check` shows where".into(),
        )
    })?;
    if has_site(&node, name) {
        return Err(EditError::Refused(
            format!("the site `{name}` is already in {NETWORK_FILE}"),
            "each site is listed once; edit its entry to change its address or ref".into(),
        ));
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(&site_table(name, address, reference, country));
    crate::fsutil::write_atomic(&path, new.as_bytes())
        .map_err(|e| EditError::Io(NETWORK_FILE.into(), e))
}

/// What `network remove` did with a site.
#[derive(Debug)]
pub struct Removed {
    /// The lines removed from `network.toml` (first and last, 1-based).
    pub lines: (usize, usize),
}

/// The byte range of a site's `[[site]]` table in `text`: from its header
/// line to the end of the line holding its last value, with the one blank
/// line before the header that `network add` writes. Comments after the
/// table's last value (and everything else) stay. None when the site is not
/// listed as a `[[site]]` table.
pub fn site_range(text: &str, node: &Node, name: &str) -> Option<std::ops::Range<usize>> {
    let index = node
        .array("site")
        .iter()
        .position(|s| s.str("name") == Some(name))?;
    let entry = node.array("site").get(index)?;
    // The start of each line, and the `[[site]]` headers among them.
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let headers: Vec<usize> = starts
        .iter()
        .copied()
        .filter(|&at| {
            let line = text[at..].lines().next().unwrap_or("");
            let line = line.split('#').next().unwrap_or("").trim();
            line.strip_prefix("[[")
                .and_then(|l| l.strip_suffix("]]"))
                .is_some_and(|inner| inner.trim() == "site")
        })
        .collect();
    if headers.len() != node.array("site").len() {
        // `site = [{ … }]` written inline: not edited by hand here.
        return None;
    }
    let start = *headers.get(index)?;
    let last = entry
        .entries()
        .iter()
        .map(|(k, v)| k.span.end.max(v.span.end))
        .max()
        .unwrap_or(start)
        .max(start);
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    // The blank line `network add` puts before the table.
    let before = &text[..start];
    let blank = match (before.ends_with("\r\n\r\n"), before.ends_with("\n\n")) {
        (true, _) => 2,
        (false, true) => 1,
        _ => 0,
    };
    Some(start - blank..end)
}

/// Removes a site from `network.toml`: only the bytes of its `[[site]]`
/// table (see [`site_range`]); comments and the other sites stay as they
/// are.
pub fn remove(root: &Path, name: &str) -> Result<Removed, EditError> {
    let path = root.join(NETWORK_FILE);
    let bytes = crate::confine::Jail::at(root).read(&path).map_err(|e| {
        EditError::Refused(
            format!("{NETWORK_FILE} cannot be read: {}", e.describe()),
            "check that the file exists and that you may read it".into(),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        EditError::Refused(
            format!("{NETWORK_FILE} is not UTF-8 text"),
            "save it as UTF-8 and try again".into(),
        )
    })?;
    let source = Source::new(NETWORK_FILE, text.clone());
    let node = crate::node::parse_toml(&source).map_err(|f| {
        EditError::Refused(
            format!("{NETWORK_FILE} cannot be read: {}", f.message),
            "fix it first; `covalue check` shows where".into(),
        )
    })?;
    if !has_site(&node, name) {
        let names: Vec<String> = node
            .array("site")
            .iter()
            .filter_map(|s| s.string("name"))
            .collect();
        let help = match spec::suggest(name, names.iter().map(String::as_str)) {
            Some(better) => format!(
                "did you mean `{better}`? The sites are: {}",
                names.join(", ")
            ),
            None if names.is_empty() => "the network has no sites yet".to_string(),
            None => format!("the sites are: {}", names.join(", ")),
        };
        return Err(EditError::Refused(
            format!("there is no site `{name}` in {NETWORK_FILE}"),
            help,
        ));
    }
    let Some(range) = site_range(&text, &node, name) else {
        return Err(EditError::Refused(
            format!("the site `{name}` is not written as a [[site]] table in {NETWORK_FILE}"),
            "remove it by hand in an editor".into(),
        ));
    };
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    let lines = (line(range.start), line(range.end.saturating_sub(1)));
    let mut new = String::with_capacity(text.len());
    new.push_str(&text[..range.start]);
    new.push_str(&text[range.end..]);
    crate::fsutil::write_atomic(&path, new.as_bytes())
        .map_err(|e| EditError::Io(NETWORK_FILE.into(), e))?;
    Ok(Removed { lines })
}

/// The folder a local address names (relative ones from the network
/// folder), or None for an address git fetches over the network.
pub fn local_path(root: &Path, address: &str) -> Option<PathBuf> {
    let address = address.trim();
    if let Some(rest) = address.strip_prefix("file://") {
        return Some(PathBuf::from(rest));
    }
    let scp_like = match (address.find(':'), address.find('/')) {
        (Some(colon), Some(slash)) => colon < slash,
        (Some(_), None) => true,
        _ => false,
    };
    match address.contains("://") || scp_like {
        true => None,
        false => Some(root.join(address)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_could_run_a_program_are_refused() {
        for bad in [
            "",
            "-uhack",
            "--upload-pack=touch x",
            "ext::sh -c touch% /tmp/x",
            "fd::3",
            "ftp://example.org/x.git",
            "https://example.org/x.git\n-u",
        ] {
            assert!(check_address(bad).is_err(), "{bad:?} passed");
        }
        for good in [
            "https://example.org/x.git",
            "ssh://git@example.org/x.git",
            "git@example.org:site/x.git",
            "/srv/git/x.git",
            "../sites/lakeside",
            "file:///srv/x.git",
        ] {
            assert!(check_address(good).is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn refs_are_branch_tag_or_commit_names() {
        for bad in ["", "-all", "a..b", "main:x", "v1 ", "HEAD@{1}", "/x"] {
            assert!(check_ref(bad).is_err(), "{bad:?} passed");
        }
        for good in ["main", "session-3", "release/2026", "1a2b3c4d"] {
            assert!(check_ref(good).is_ok(), "{good:?} refused");
        }
    }
}
