//! `network status`: one line per site from the cache: the revision
//! fetched, its age, and what `check` said of it, so a coordinator sees
//! who is behind. Reads only the cached summaries; runs no git.

use std::io::{self, Write};

use serde::Serialize;

use super::Network;
use super::cache::Cache;
use super::fetch::{self, FromCache};

/// One site's line.
#[derive(Debug, Clone, Serialize)]
pub struct SiteStatus {
    /// The site's name.
    pub site: String,
    /// Its country.
    pub country: Option<String>,
    /// The ref network.toml names.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The commit fetched (None: not fetched yet, or fetched for another ref).
    pub commit: Option<String>,
    /// The commit's date.
    pub date: Option<String>,
    /// Days from the commit to today.
    pub age_days: Option<i64>,
    /// Problems `check` found.
    pub problems: Option<usize>,
    /// Open questions.
    pub open: Option<usize>,
    /// Questions put off.
    pub deferred: Option<usize>,
    /// Settled questions, of all.
    pub settled: Option<usize>,
    /// All questions.
    pub total: Option<usize>,
    /// Why the last fetch failed, when it did.
    pub failure: Option<String>,
}

/// The status of every site, from the cache (`cache` None: nothing was
/// ever fetched).
pub fn status(network: &Network, cache: Option<&Cache>) -> Vec<SiteStatus> {
    let today = crate::date::today();
    network
        .sites
        .iter()
        .map(|site| {
            let FromCache {
                summary: kept,
                failure,
            } = fetch::from_cache(cache, site);
            SiteStatus {
                site: site.name.clone(),
                country: site.country.clone(),
                reference: site.shown_ref().to_string(),
                commit: kept.as_ref().map(|s| s.commit.clone()),
                date: kept.as_ref().and_then(|s| s.date.clone()),
                age_days: kept
                    .as_ref()
                    .and_then(|s| crate::date::parse_date(s.date.as_deref()?))
                    .and_then(|d| d.until(today).ok())
                    .map(|span| i64::from(span.get_days()).max(0)),
                problems: kept.as_ref().map(|s| s.problem_count),
                open: kept.as_ref().map(|s| s.open),
                deferred: kept.as_ref().map(|s| s.deferred),
                settled: kept.as_ref().map(|s| s.settled),
                total: kept.as_ref().map(|s| s.total),
                failure,
            }
        })
        .collect()
}

/// The version of the JSON status's shape (its `format_version`).
pub const FORMAT_VERSION: u32 = 1;

/// Prints the lines as one JSON object (docs/network.md):
/// `{"format_version": 1, "sites": [...]}`.
pub fn write_json(out: &mut dyn Write, lines: &[SiteStatus]) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        format_version: u32,
        sites: &'a [SiteStatus],
    }
    let document = Document {
        format_version: FORMAT_VERSION,
        sites: lines,
    };
    // A site's text may hold controls the serializer leaves raw.
    let json = serde_json::to_string_pretty(&document).map_err(io::Error::other)?;
    writeln!(out, "{}", crate::escape::json(&json))
}

/// Prints one line per site.
pub fn write_text(out: &mut dyn Write, lines: &[SiteStatus]) -> io::Result<()> {
    let width = lines
        .iter()
        .map(|l| crate::width::display(&l.site))
        .max()
        .unwrap_or(4);
    for l in lines {
        // What a site or the cache says is shown, never obeyed.
        let failure = l.failure.as_deref().map(crate::escape::terminal);
        let reference = crate::escape::terminal(&l.reference);
        let Some(commit) = &l.commit else {
            match &failure {
                Some(f) => writeln!(out, "{:width$}  not fetched ({reference}): {f}", l.site)?,
                None => writeln!(
                    out,
                    "{:width$}  not fetched yet ({reference}): run `covalue network fetch`",
                    l.site
                )?,
            }
            continue;
        };
        let short: String = commit.chars().take(7).collect();
        let age = match l.age_days {
            Some(0) => "today".to_string(),
            Some(1) => "1 day ago".to_string(),
            Some(d) => format!("{d} days ago"),
            None => "date unknown".to_string(),
        };
        let check = match l.problems {
            Some(0) | None => "no problems".to_string(),
            Some(1) => "1 problem".to_string(),
            Some(n) => format!("{n} problems"),
        };
        let failed = match &failure {
            Some(f) => format!(" (last fetch failed: {f})"),
            None => String::new(),
        };
        writeln!(
            out,
            "{:width$}  {short}  {}  {}  {check}, {} open, {} deferred, {}/{} settled{failed}",
            l.site,
            l.date.as_deref().unwrap_or("????-??-??"),
            age,
            l.open.unwrap_or(0),
            l.deferred.unwrap_or(0),
            l.settled.unwrap_or(0),
            l.total.unwrap_or(0),
        )?;
    }
    Ok(())
}
