//! `network fetch`: copies each site's repository into the network's cache
//! (`sites/NAME.git` in the network's folder of the user's cache, see
//! `cache.rs`; bare, nothing checked out) with `git fetch`, several sites at
//! a time, then reads the revision asked for the way `diff` reads a
//! revision (one `git cat-file --batch`, into memory), checks it and keeps
//! its summary (`sites/NAME.json`). A cached repository is checked before
//! git runs in it, and made again from scratch when anything in it is not
//! as covalue made it. A site whose commit did not change keeps its
//! summary, unread. A site that fails is reported by name; the others go on.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::cache::{self, Cache, CacheError};
use super::summary::{self, SiteSummary};
use super::{Network, Site};
use crate::diff::DiffError;
use crate::diff::version::{Fetch, Version};
use crate::git::{self, GitError, Repo};
use crate::workbook::{LoadError, Loader, Workbook};

/// Where the default branch of a site is kept when network.toml names no ref.
const DEFAULT_REF: &str = "refs/covalue/default";

/// The config of every cached repository, written before each fetch and
/// read, so that git runs nothing a config could name.
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
    /// What covalue found in the site's cache that it did not make, and
    /// removed (to be told as warnings).
    pub notes: Vec<String>,
}

impl Fetched {
    /// Whether fetching the site failed. A site fetched whose workbook has
    /// problems did not fail: it is "fetched, N problems".
    pub fn failed(&self) -> bool {
        self.outcome.is_err()
    }

    /// How many problems `check` found in the site's workbook, once fetched.
    pub fn problems(&self) -> usize {
        self.outcome.as_ref().map_or(0, |s| s.problem_count)
    }
}

impl Fetched {
    /// What to tell the user: a status line (verb, text) for a site
    /// fetched, saying how many problems its workbook has and the first,
    /// or the error line naming a site that could not be fetched.
    pub fn line(&self) -> Result<(&'static str, String), String> {
        match &self.outcome {
            Err(e) => Err(format!("site {} {e}", self.site)),
            Ok(s) => {
                let problems = match s.problem_count {
                    0 => String::new(),
                    n => {
                        let first = s
                            .problems
                            .first()
                            .map(|p| format!(" (first: {} {} {})", p.code, p.place(), p.message))
                            .unwrap_or_default();
                        format!(
                            ", {n} problem{} in its workbook{first}",
                            if n == 1 { "" } else { "s" }
                        )
                    }
                };
                Ok((
                    if self.changed { "fetched" } else { "unchanged" },
                    format!(
                        "{} at {}{problems}",
                        self.site,
                        s.commit.get(..7).unwrap_or(&s.commit)
                    ),
                ))
            }
        }
    }
}

/// Fetches every site, `options.jobs` at a time, calling `done` as each
/// one ends; the results in network.toml's order.
pub fn fetch_all(
    network: &Network,
    options: &Options,
    done: &(dyn Fn(&Fetched) + Sync),
) -> Result<Vec<Fetched>, CacheError> {
    let cache = Cache::create(&network.root)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .build()
        .map_err(|e| CacheError::Io {
            path: cache.dir().to_path_buf(),
            why: e.to_string(),
        })?;
    Ok(pool.install(|| {
        network
            .sites
            .par_iter()
            .map(|site| {
                let fetched = fetch_site(&cache, &network.root, site, options);
                done(&fetched);
                fetched
            })
            .collect()
    }))
}

/// Fetches and reads one site.
pub fn fetch_site(cache: &Cache, root: &Path, site: &Site, options: &Options) -> Fetched {
    let mut changed = false;
    let mut notes = Vec::new();
    let outcome = fetch_and_read(cache, root, site, options, &mut changed, &mut notes);
    // Keep why it failed, for the report and status; forget it once it works.
    if let Some(file) = cache.site_failure_file(&site.name) {
        let _ = match &outcome {
            Err(e) => crate::fsutil::write_atomic(&file, e.to_string().as_bytes()),
            Ok(_) => cache::remove_entry(&file),
        };
    }
    Fetched {
        site: site.name.clone(),
        outcome,
        changed,
        notes,
    }
}

fn fetch_and_read(
    cache: &Cache,
    root: &Path,
    site: &Site,
    options: &Options,
    changed: &mut bool,
    notes: &mut Vec<String>,
) -> Result<SiteSummary, SiteError> {
    if let Some(problem) = &site.problem {
        return Err(SiteError::NotUsable(problem.clone()));
    }
    let (Some(repo_dir), Some(summary_file), Some(failure_file)) = (
        cache.site_repo(&site.name),
        cache.site_summary_file(&site.name),
        cache.site_failure_file(&site.name),
    ) else {
        return Err(SiteError::NotUsable(format!(
            "`{}` is not a valid site name",
            site.name
        )));
    };
    // What covalue did not write is removed, never read or written through.
    for file in [&summary_file, &failure_file] {
        if let Some(why) = cache::foreign_file(file) {
            notes.push(format!(
                "{} was not written by covalue ({why}); removed",
                file.display()
            ));
            cache::remove_entry(file).map_err(|e| SiteError::Cache(e.to_string()))?;
        }
    }
    if std::fs::symlink_metadata(&repo_dir).is_ok() {
        if let Err(why) = cache::check_repo(&repo_dir) {
            notes.push(format!(
                "the cached copy {} was not as covalue made it ({why}); it is made again from scratch",
                repo_dir.display()
            ));
            cache::remove_entry(&repo_dir).map_err(|e| SiteError::Cache(e.to_string()))?;
            cache::remove_entry(&summary_file).map_err(|e| SiteError::Cache(e.to_string()))?;
        }
    }
    init_repo(&repo_dir)?;
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
    if let Ok(Some(kept)) = cached(summary_file) {
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

/// What the cache holds of a site, for the report and status.
#[derive(Debug, Clone, Default)]
pub struct FromCache {
    /// The summary of the revision read last (None: never fetched, or the
    /// cache cannot be used for it).
    pub summary: Option<SiteSummary>,
    /// Why the last fetch failed, or why the site's cache cannot be used.
    pub failure: Option<String>,
}

/// The summary of a site from the cache alone (no fetch): the one kept, or,
/// when there is none of this covalue's shape, read again from the site's
/// repository in the cache; and why its last fetch failed. Nothing covalue
/// did not make is read: a summary or failure note that is a link, a FIFO
/// or too large, or a repository that fails [`cache::check_repo`], is
/// said to be unusable instead.
pub fn from_cache(cache: Option<&Cache>, site: &Site) -> FromCache {
    let Some(cache) = cache else {
        return FromCache::default();
    };
    let mut failure = last_failure(cache, &site.name);
    let (Some(summary_file), Some(repo_dir)) = (
        cache.site_summary_file(&site.name),
        cache.site_repo(&site.name),
    ) else {
        return FromCache::default();
    };
    let unusable = |what: &str, why: String| {
        Some(format!(
            "its {what} in the cache cannot be used ({why}); run `covalue network fetch` to make it again"
        ))
    };
    match cached(&summary_file) {
        Ok(Some(kept)) if kept.reference == site.shown_ref() => {
            return FromCache {
                summary: Some(kept),
                failure,
            };
        }
        Ok(_) => {}
        Err(why) => {
            return FromCache {
                summary: None,
                failure: unusable("summary", why),
            };
        }
    }
    if site.problem.is_some() || std::fs::symlink_metadata(&repo_dir).is_err() {
        return FromCache {
            summary: None,
            failure,
        };
    }
    if let Err(why) = cache::check_repo(&repo_dir) {
        return FromCache {
            summary: None,
            failure: unusable("copy of the repository", why),
        };
    }
    // covalue's own config, whatever was left there.
    let summary = write_config(&repo_dir)
        .ok()
        .and_then(|()| read_site(site, &repo_dir, &summary_file, &mut false).ok());
    if summary.is_none() && failure.is_none() {
        failure = Some("its copy in the cache cannot be read; run `covalue network fetch`".into());
    }
    FromCache { summary, failure }
}

/// Why the site's last fetch failed, as kept in the cache (or why that
/// note cannot be read).
fn last_failure(cache: &Cache, name: &str) -> Option<String> {
    let file = cache.site_failure_file(name)?;
    match cache::read_entry(&file, cache::MAX_FAILURE_BYTES) {
        Ok(Some(bytes)) => {
            let text: String = String::from_utf8_lossy(&bytes)
                .chars()
                .filter(|c| !c.is_control())
                .take(500)
                .collect();
            (!text.trim().is_empty()).then_some(text)
        }
        Ok(None) => None,
        Err(why) => Some(format!(
            "its note of the last failure in the cache cannot be used ({why}); run `covalue network fetch`"
        )),
    }
}

/// The summary kept from the last fetch: None when there is none, or none
/// of this covalue's shape; an error when the file is not one covalue
/// wrote (a link, a FIFO, a device, too large).
pub fn cached(file: &Path) -> Result<Option<SiteSummary>, String> {
    let Some(bytes) = cache::read_entry(file, cache::MAX_SUMMARY_BYTES)? else {
        return Ok(None);
    };
    let summary: Option<SiteSummary> = serde_json::from_slice(&bytes).ok();
    Ok(summary.filter(|s| s.format == summary::FORMAT))
}

/// Makes the site's bare repository on the first fetch (its folder only
/// for the user), and writes its config (covalue's own, whatever was there).
fn init_repo(repo_dir: &Path) -> Result<(), SiteError> {
    if std::fs::symlink_metadata(repo_dir).is_err() {
        cache::make_repo_dir(repo_dir).map_err(|e| SiteError::Cache(e.to_string()))?;
        let out = git::bare_command(repo_dir)
            // No template: nothing from the user's `init.templateDir` either.
            .args(["init", "--bare", "--quiet", "--template="])
            .stdout(Stdio::null())
            .output()
            .map_err(|e| SiteError::Cache(e.to_string()))?;
        if !out.status.success() {
            return Err(SiteError::Cache(first_line(&out.stderr)));
        }
        cache::check_repo(repo_dir).map_err(SiteError::Cache)?;
    }
    write_config(repo_dir)
}

/// Writes covalue's own config into a cached repository.
fn write_config(repo_dir: &Path) -> Result<(), SiteError> {
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
        let repo = root.join("evil.git");
        if init_repo(&repo).is_err() {
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
