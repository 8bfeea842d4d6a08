//! `network fetch`: copies each site's repository into the network's cache
//! (`.covalue/sites/NAME.git`, bare, nothing checked out) with `git fetch`,
//! several sites at a time, then reads the revision asked for the way
//! `diff` reads a revision (one `git cat-file --batch`, into memory),
//! checks it and keeps its summary (`.covalue/sites/NAME.json`). A site
//! whose commit did not change keeps its summary, unread. A site that
//! fails is reported by name; the others go on.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::summary::{self, SiteSummary};
use super::{CACHE_DIR, Network, Site, cache_dir, site_failure_file, site_repo, site_summary_file};
use crate::diff::DiffError;
use crate::diff::version::{Fetch, Version};
use crate::git::{self, GitError, Repo};
use crate::workbook::{LoadError, Loader, Workbook};

/// Where the default branch of a site is kept when network.toml names no ref.
const DEFAULT_REF: &str = "refs/covalue/default";

/// The config of every cached repository, written before each fetch so
/// that nothing planted in the cache (a committed `.covalue/`) can set
/// what git runs.
const CACHE_CONFIG: &str = "[core]\n\trepositoryformatversion = 0\n\tbare = true\n";

/// How a fetch runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Sites fetched at a time.
    pub jobs: usize,
    /// The longest one site's `git fetch` may take.
    pub timeout: Duration,
}

/// Why a site could not be fetched or read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SiteError {
    /// network.toml says something about it that cannot be used.
    #[error("{0} (see network.toml)")]
    NotUsable(String),
    /// git could not fetch from its address.
    #[error("cannot be fetched: {0}")]
    Unreachable(String),
    /// git took too long.
    #[error("did not answer within {0} seconds")]
    TimedOut(u64),
    /// The ref is not in its repository.
    #[error("has no `{0}` (no such branch, tag or commit)")]
    MissingRef(String),
    /// The revision holds no workbook that can be read.
    #[error("has no workbook covalue can read at `{0}`: {1}")]
    NoWorkbook(String, String),
    /// The cache cannot be written.
    #[error("cannot be kept in the cache: {0}")]
    Cache(String),
}

/// What happened to one site.
#[derive(Debug)]
pub struct Fetched {
    /// The site's name.
    pub site: String,
    /// Its summary, or why there is none.
    pub outcome: Result<SiteSummary, SiteError>,
    /// Whether its commit changed since the last fetch.
    pub changed: bool,
}

impl Fetched {
    /// Whether the site failed: not fetched, or its workbook has problems.
    pub fn failed(&self) -> bool {
        match &self.outcome {
            Ok(summary) => summary.problem_count > 0,
            Err(_) => true,
        }
    }
}

impl Fetched {
    /// What to tell the user: a status line (verb, text) for a site read
    /// without problems, or the error line naming the site.
    pub fn line(&self) -> Result<(&'static str, String), String> {
        match &self.outcome {
            Err(e) => Err(format!("site {} {e}", self.site)),
            Ok(s) if s.problem_count > 0 => {
                let first = s
                    .problems
                    .first()
                    .map(|p| format!(": {} {} {}", p.code, p.place(), p.message))
                    .unwrap_or_default();
                Err(format!(
                    "site {} has {} problem(s) in its workbook{first}",
                    self.site, s.problem_count
                ))
            }
            Ok(s) => Ok((
                if self.changed { "fetched" } else { "unchanged" },
                format!(
                    "{} at {}",
                    self.site,
                    s.commit.get(..7).unwrap_or(&s.commit)
                ),
            )),
        }
    }
}

/// Fetches every site, `options.jobs` at a time, calling `done` as each
/// one ends; the results in network.toml's order.
pub fn fetch_all(
    network: &Network,
    options: &Options,
    done: &(dyn Fn(&Fetched) + Sync),
) -> Result<Vec<Fetched>, SiteError> {
    prepare_cache(&network.root)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .build()
        .map_err(|e| SiteError::Cache(e.to_string()))?;
    Ok(pool.install(|| {
        network
            .sites
            .par_iter()
            .map(|site| {
                let fetched = fetch_site(&network.root, site, options);
                done(&fetched);
                fetched
            })
            .collect()
    }))
}

/// Makes the cache folder, with a `.gitignore` that keeps it out of git;
/// refuses a cache that is a link (it could lead anywhere).
fn prepare_cache(root: &Path) -> Result<(), SiteError> {
    let cache = root.join(CACHE_DIR);
    let sites = cache_dir(root);
    for dir in [&cache, &sites] {
        if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(SiteError::Cache(format!(
                "{} is a link; remove it and fetch again",
                dir.display()
            )));
        }
    }
    std::fs::create_dir_all(&sites).map_err(|e| SiteError::Cache(e.to_string()))?;
    let ignore = cache.join(".gitignore");
    if !ignore.exists() {
        crate::fsutil::write_atomic(
            &ignore,
            b"# covalue's cache of the sites' repositories\n*\n",
        )
        .map_err(|e| SiteError::Cache(e.to_string()))?;
    }
    Ok(())
}

/// Fetches and reads one site.
pub fn fetch_site(root: &Path, site: &Site, options: &Options) -> Fetched {
    let mut changed = false;
    let outcome = fetch_and_read(root, site, options, &mut changed);
    // Keep why it failed, for the report and status; forget it once it works.
    if let Some(file) =
        site_failure_file(root, &site.name).filter(|_| root.join(CACHE_DIR).is_dir())
    {
        let _ = match &outcome {
            Err(e) => crate::fsutil::write_atomic(&file, e.to_string().as_bytes()),
            Ok(_) if file.exists() => std::fs::remove_file(&file),
            Ok(_) => Ok(()),
        };
    }
    Fetched {
        site: site.name.clone(),
        outcome,
        changed,
    }
}

fn fetch_and_read(
    root: &Path,
    site: &Site,
    options: &Options,
    changed: &mut bool,
) -> Result<SiteSummary, SiteError> {
    if let Some(problem) = &site.problem {
        return Err(SiteError::NotUsable(problem.clone()));
    }
    let (Some(repo_dir), Some(summary_file)) = (
        site_repo(root, &site.name),
        site_summary_file(root, &site.name),
    ) else {
        return Err(SiteError::NotUsable(format!(
            "`{}` is not a valid site name",
            site.name
        )));
    };
    init_repo(root, &repo_dir)?;
    run_fetch(root, &repo_dir, site, options.timeout)?;
    read_site(site, &repo_dir, &summary_file, changed)
}

/// Reads the site's revision from its repository in the cache, unless the
/// summary kept is of the same commit; keeps the new summary.
fn read_site(
    site: &Site,
    repo_dir: &Path,
    summary_file: &Path,
    changed: &mut bool,
) -> Result<SiteSummary, SiteError> {
    let rev = site.reference.as_deref().unwrap_or(DEFAULT_REF);
    let repo = Repo::bare(repo_dir);
    let mut objects = repo.objects().map_err(git_failed)?;
    let commit = objects.resolve(rev).map_err(|e| match e {
        GitError::UnknownRevision { .. } => SiteError::MissingRef(site.shown_ref().to_string()),
        other => git_failed(other),
    })?;
    if let Some(kept) = cached(summary_file) {
        if kept.commit == commit && kept.reference == site.shown_ref() {
            return Ok(kept);
        }
    }
    *changed = true;
    let (date, time) = commit_time(&mut objects, &commit);
    drop(objects);
    let mut summary = read_revision(&repo, &commit, site.shown_ref())?;
    summary.date = date;
    summary.time = time;
    let json = serde_json::to_vec(&summary).map_err(|e| SiteError::Cache(e.to_string()))?;
    crate::fsutil::write_atomic(summary_file, &json)
        .map_err(|e| SiteError::Cache(e.to_string()))?;
    Ok(summary)
}

/// The summary of a site from the cache alone (no fetch): the one kept, or,
/// when there is none of this covalue's shape, read again from the site's
/// repository in the cache. None when the site was never fetched.
pub fn from_cache(root: &Path, site: &Site) -> Option<SiteSummary> {
    let summary_file = site_summary_file(root, &site.name)?;
    if let Some(kept) = cached(&summary_file).filter(|s| s.reference == site.shown_ref()) {
        return Some(kept);
    }
    let repo_dir = site_repo(root, &site.name)?;
    if site.problem.is_some() || !repo_dir.join("HEAD").is_file() || prepare_cache(root).is_err() {
        return None;
    }
    // covalue's own config, whatever was left there.
    init_repo(root, &repo_dir).ok()?;
    read_site(site, &repo_dir, &summary_file, &mut false).ok()
}

/// The summary kept from the last fetch, when it has this covalue's shape.
pub fn cached(file: &Path) -> Option<SiteSummary> {
    let bytes = std::fs::read(file).ok()?;
    let summary: SiteSummary = serde_json::from_slice(&bytes).ok()?;
    (summary.format == summary::FORMAT).then_some(summary)
}

/// Makes the site's bare repository on the first fetch, and writes its
/// config (covalue's own, whatever was there).
fn init_repo(root: &Path, repo_dir: &Path) -> Result<(), SiteError> {
    if std::fs::symlink_metadata(repo_dir).is_ok_and(|m| !m.is_dir()) {
        return Err(SiteError::Cache(format!(
            "{} is not a folder",
            repo_dir.display()
        )));
    }
    if !repo_dir.join("HEAD").is_file() {
        let out = git::command(&cache_dir(root))
            .args(["init", "--bare", "--quiet", "--end-of-options"])
            .arg(repo_dir)
            .stdout(Stdio::null())
            .output()
            .map_err(|e| SiteError::Cache(e.to_string()))?;
        if !out.status.success() {
            return Err(SiteError::Cache(first_line(&out.stderr)));
        }
    }
    // Objects are read only from the repository itself.
    let alternates = repo_dir.join("objects/info/alternates");
    if alternates.exists() || alternates.is_symlink() {
        std::fs::remove_file(&alternates).map_err(|e| SiteError::Cache(e.to_string()))?;
    }
    crate::fsutil::write_atomic(&repo_dir.join("config"), CACHE_CONFIG.as_bytes())
        .map_err(|e| SiteError::Cache(e.to_string()))
}

/// The address as git should get it: a relative local path is taken
/// from the network's folder, not from the cache.
fn resolved_address(root: &Path, address: &str) -> std::ffi::OsString {
    let address = address.trim();
    let scp_like = match (address.find(':'), address.find('/')) {
        (Some(colon), Some(slash)) => colon < slash,
        (Some(_), None) => true,
        _ => false,
    };
    let local = !address.contains("://") && !scp_like;
    if local && Path::new(address).is_relative() {
        root.join(address).into_os_string()
    } else {
        address.into()
    }
}

/// Runs `git fetch` of the site's branches and tags (and its default
/// branch when no ref is named) into its bare repository, within `timeout`.
fn run_fetch(
    root: &Path,
    repo_dir: &Path,
    site: &Site,
    timeout: Duration,
) -> Result<(), SiteError> {
    let mut cmd = git::fetch_command(repo_dir);
    cmd.args([
        "fetch",
        "--quiet",
        "--no-tags",
        "--prune",
        "--no-recurse-submodules",
        "--no-write-fetch-head",
        "--end-of-options",
    ])
    .arg(resolved_address(root, &site.address))
    .args(["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]);
    if site.reference.is_none() {
        cmd.arg(format!("+HEAD:{DEFAULT_REF}"));
    }
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = crate::cleanup::Child::spawn(&mut cmd).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            SiteError::Unreachable("git is not installed".into())
        } else {
            SiteError::Unreachable(e.to_string())
        }
    })?;
    let mut stderr = child.stderr();
    // git writes little with --quiet; read it on a thread so that a chatty
    // remote cannot fill the pipe and stall the fetch.
    let reader = std::thread::spawn(move || {
        let mut said = Vec::new();
        if let Some(err) = stderr.as_mut() {
            let _ = err.take(64 * 1024).read_to_end(&mut said);
        }
        said
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                child.kill();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(SiteError::Unreachable(e.to_string())),
        }
    };
    let said = reader.join().unwrap_or_default();
    match status {
        None => Err(SiteError::TimedOut(timeout.as_secs())),
        Some(status) if status.success() => Ok(()),
        Some(_) => {
            let line = first_line(&said);
            Err(SiteError::Unreachable(if line.is_empty() {
                "git fetch failed".into()
            } else {
                line
            }))
        }
    }
}

/// Reads the workbook of a revision into memory and sums it up.
fn read_revision(repo: &Repo, commit: &str, reference: &str) -> Result<SiteSummary, SiteError> {
    let no_workbook = |why: String| SiteError::NoWorkbook(reference.to_string(), why);
    let mut version = Version::of_repo(repo, commit).map_err(|e| match e {
        DiffError::NoWorkbookInRevision { .. } => {
            no_workbook("there is no covalue.toml at the top of the repository".into())
        }
        other => no_workbook(crate::diagnose::message(&other)),
    })?;
    version
        .fetch(&Fetch::Everything)
        .map_err(|e| no_workbook(crate::diagnose::message(&e)))?;
    let root = PathBuf::new();
    let loader = Loader::new(version.files(), &root);
    let workbook = Workbook::open(loader).map_err(|e| match e {
        LoadError::Guide(findings) => no_workbook(format!(
            "its guide cannot be used{}",
            findings
                .first()
                .map(|f| format!(" ({}: {})", f.file.as_deref().unwrap_or(""), f.message))
                .unwrap_or_default()
        )),
        other => no_workbook(crate::diagnose::message(&other)),
    })?;
    Ok(summary::summarise(&workbook, commit, reference))
}

/// The committer date (YYYY-MM-DD, in the commit's own time zone) and time of a commit.
fn commit_time(objects: &mut git::Objects, commit: &str) -> (Option<String>, Option<i64>) {
    let Ok(mut read) = objects.read(&[commit.to_string()]) else {
        return (None, None);
    };
    let Some(object) = read.pop().flatten() else {
        return (None, None);
    };
    let text = String::from_utf8_lossy(&object.data);
    let Some(line) = text
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.starts_with("committer "))
    else {
        return (None, None);
    };
    let mut parts = line.rsplitn(3, ' ');
    let (Some(zone), Some(seconds)) = (parts.next(), parts.next()) else {
        return (None, None);
    };
    let Ok(seconds) = seconds.parse::<i64>() else {
        return (None, None);
    };
    let offset = parse_zone(zone).unwrap_or(0);
    let date = jiff::Timestamp::from_second(seconds)
        .ok()
        .and_then(|t| {
            let offset = jiff::tz::Offset::from_seconds(offset).ok()?;
            Some(offset.to_datetime(t).date())
        })
        .map(crate::date::format);
    (date, Some(seconds))
}

/// `+0130` → 5400 seconds.
fn parse_zone(zone: &str) -> Option<i32> {
    let (sign, digits) = match zone.split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    if digits.len() != 4 {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    Some(sign * (hours * 3600 + minutes * 60))
}

fn git_failed(e: GitError) -> SiteError {
    SiteError::Cache(crate::diagnose::message(&e))
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(300)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_local_paths_are_taken_from_the_network_folder() {
        let root = Path::new("/net");
        assert_eq!(resolved_address(root, "../sites/a"), "/net/../sites/a");
        assert_eq!(resolved_address(root, "/srv/a.git"), "/srv/a.git");
        assert_eq!(
            resolved_address(root, "git@example.org:a.git"),
            "git@example.org:a.git"
        );
        assert_eq!(
            resolved_address(root, "https://example.org/a.git"),
            "https://example.org/a.git"
        );
    }

    #[test]
    fn git_itself_refuses_transports_that_run_commands() {
        // Even past network.toml's own check, and with a git configuration
        // that allows `ext::`, the fetch uses only the allowed transports.
        let tmp = tempfile::tempdir().expect("temporary folder");
        let root = tmp.path();
        let marker = root.join("ran");
        std::fs::create_dir_all(cache_dir(root)).expect("cache");
        let repo = cache_dir(root).join("evil.git");
        if init_repo(root, &repo).is_err() {
            return; // no git on this machine
        }
        let fetch = |restricted: bool| {
            let mut cmd = match restricted {
                true => git::fetch_command(&repo),
                false => std::process::Command::new("git"),
            };
            cmd.env("GIT_DIR", &repo)
                .env("GIT_CONFIG_COUNT", "1")
                .env("GIT_CONFIG_KEY_0", "protocol.ext.allow")
                .env("GIT_CONFIG_VALUE_0", "always")
                .args(["fetch", "--quiet"])
                .arg(format!("ext::sh -c touch% {}", marker.display()))
                .stderr(Stdio::null())
                .status()
        };
        assert!(fetch(true).is_ok_and(|s| !s.success()));
        assert!(!marker.exists(), "ext:: ran a command");
        // The same fetch without covalue's restriction does run it: the
        // test would catch the restriction going away.
        let _ = fetch(false);
        assert!(marker.exists());
    }

    #[test]
    fn time_zones_are_read() {
        assert_eq!(parse_zone("+0130"), Some(5400));
        assert_eq!(parse_zone("-0500"), Some(-18000));
        assert_eq!(parse_zone("0500"), None);
    }
}
