//! The community's own sessions: one record per webinar, in-person meeting
//! or coaching call under `sessions/` in the network folder. The record is
//! the team session's ([`Session`]), read by the same loader and checked
//! against its own shape (`spec::COMMUNITY_SESSION`: the kind of meeting,
//! the sites present, each attendee's site, what each site presented).
//! `network session new` writes one, after the agenda this module
//! proposes: actions overdue and still open from earlier sessions, and what
//! changed at each site since the last session (from the cache).

use std::path::Path;

use serde::Serialize;

use super::Network;
use super::status::SiteStatus;
use crate::date::{self, Date};
use crate::finding::Finding;
use crate::fsutil::Created;
use crate::scaffold::toml_string;
use crate::spec::{self, SESSION_KINDS};
use crate::workbook::{Loader, Session, layout};

/// The schema of a community session record, in the network's `schemas/`.
pub const SCHEMA_FILE: &str = "community-session.schema.json";
/// The kind a new session is when none is named.
pub const DEFAULT_KIND: &str = "webinar";

/// Reads the community session records of the network folder `root`, sorted
/// by file name, with every problem met reading them (jailed in the
/// folder, size-bounded, shape-checked with the built-in guide's roles and
/// `coordinator`).
pub fn load(root: &Path) -> (Vec<Session>, Vec<Finding>) {
    let mut findings = Vec::new();
    let guide = crate::guide::Guide::builtin();
    let vocab: &dyn spec::Vocabularies = match &guide {
        Ok(guide) => guide,
        Err(_) => &spec::BaseVocab,
    };
    let sessions = Loader::disk(root).community_sessions(vocab, &mut findings);
    (sessions, findings)
}

/// An action of an earlier session not yet done.
#[derive(Debug, Clone, Serialize)]
pub struct OpenAction {
    /// The session that agreed it.
    pub session: String,
    /// What will be done.
    pub what: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// By when (YYYY-MM-DD).
    pub due: Option<String>,
    /// Whether its date has passed.
    pub overdue: bool,
}

/// What a site's fetched workbook says now, against the last session.
#[derive(Debug, Clone, Serialize)]
pub struct SiteChange {
    /// The site's name.
    pub site: String,
    /// Its country.
    pub country: Option<String>,
    /// The commit fetched (short), or None when never fetched.
    pub commit: Option<String>,
    /// The commit's date.
    pub date: Option<String>,
    /// `changed`, `unchanged`, `new` (no earlier session to compare with)
    /// or `not-fetched`.
    pub state: &'static str,
    /// The last session's date (YYYY-MM-DD), or its name when it has none;
    /// None when there is no earlier session.
    pub since: Option<String>,
    /// Why the site could not be fetched, as the fetch said.
    pub failure: Option<String>,
    /// Settled questions, of all.
    pub settled: Option<usize>,
    /// All questions.
    pub total: Option<usize>,
    /// Open questions.
    pub open: Option<usize>,
    /// Problems `check` found.
    pub problems: Option<usize>,
}

/// What a community session has to take on.
#[derive(Debug, Clone, Serialize)]
pub struct Agenda {
    /// The last session before this one (its name and date).
    pub last: Option<(String, String)>,
    /// Actions of earlier sessions not done, overdue first.
    pub actions: Vec<OpenAction>,
    /// Each site, as fetched, against the last session.
    pub sites: Vec<SiteChange>,
}

/// The session before `day` (the latest dated before it, other than
/// `except`).
pub fn previous<'a>(sessions: &'a [Session], day: Date, except: &str) -> Option<&'a Session> {
    sessions
        .iter()
        .filter(|s| s.name != except && s.date.is_some_and(|d| d < day))
        .max_by_key(|s| s.date)
}

/// The agenda of a session on `day` (named `except`, when it is already
/// written): the actions of earlier sessions not done, and what changed at
/// each site since the last session, from the sites' statuses in the cache.
pub fn agenda(sessions: &[Session], statuses: &[SiteStatus], day: Date, except: &str) -> Agenda {
    let last = previous(sessions, day, except);
    let mut actions: Vec<OpenAction> = sessions
        .iter()
        .filter(|s| s.name != except && s.date.is_none_or(|d| d <= day))
        .flat_map(|s| {
            s.actions.iter().filter(|a| !a.done).map(|a| OpenAction {
                session: s.name.clone(),
                what: a.what.clone(),
                owner: a.owner.clone(),
                due: a.due.map(date::format),
                overdue: a.due.is_some_and(|d| d < day),
            })
        })
        .collect();
    actions.sort_by_key(|a| !a.overdue);
    let sites = statuses.iter().map(|st| site_change(st, last)).collect();
    Agenda {
        last: last.map(|s| (s.name.clone(), s.date.map(date::format).unwrap_or_default())),
        actions,
        sites,
    }
}

/// What changed at one site since `last`: its fetched commit against the
/// one the last session recorded, or, when it recorded none, the commit's
/// date against the session's.
fn site_change(st: &SiteStatus, last: Option<&Session>) -> SiteChange {
    let short = st
        .commit
        .as_deref()
        .map(|c| c.chars().take(7).collect::<String>());
    let since = last.map(|last| {
        last.date
            .map(date::format)
            .unwrap_or_else(|| last.name.clone())
    });
    let state = match (&st.commit, last) {
        (None, _) => "not-fetched",
        (Some(_), None) => "new",
        (Some(commit), Some(last)) => {
            let recorded = last.revisions.iter().find(|(s, _)| *s == st.site);
            let changed = match recorded {
                Some((_, before)) => before != commit,
                None => match (st.date.as_deref().and_then(date::parse_date), last.date) {
                    (Some(at), Some(then)) => at > then,
                    _ => true,
                },
            };
            if changed { "changed" } else { "unchanged" }
        }
    };
    SiteChange {
        site: st.site.clone(),
        country: st.country.clone(),
        commit: short,
        date: st.date.clone(),
        state,
        since,
        failure: st.failure.clone(),
        settled: st.settled,
        total: st.total,
        open: st.open,
        problems: st.problems,
    }
}

impl SiteChange {
    /// What changed, in English words, for the terminal's agenda (the pack
    /// words it from the catalogue in the network's language).
    pub fn english(&self) -> String {
        let counts = match (self.settled, self.total, self.open, self.problems) {
            (Some(settled), Some(total), Some(open), Some(problems)) => format!(
                "{settled}/{total} settled, {open} open, {problems} problem{}",
                if problems == 1 { "" } else { "s" }
            ),
            _ => String::new(),
        };
        let since = self.since.as_deref().unwrap_or("");
        match self.state {
            "not-fetched" => match &self.failure {
                Some(why) => format!("not fetched: {why}"),
                None => "not fetched yet: run `covalue network fetch` before the session".into(),
            },
            "new" => format!("no earlier session to compare with; now {counts}"),
            "changed" => format!(
                "new work since {since} (commit {} of {}); now {counts}",
                self.commit.as_deref().unwrap_or(""),
                self.date.as_deref().unwrap_or("an unknown day")
            ),
            _ => format!("nothing new since {since}; {counts}"),
        }
    }
}

/// A new community session, as asked for on the command line and checked.
#[derive(Debug, Clone)]
pub struct NewCommunitySession {
    /// The day.
    pub date: Date,
    /// The kind of meeting.
    pub kind: String,
    /// What it is about.
    pub title: Option<String>,
    /// Each site's fetched commit now.
    pub revisions: Vec<(String, String)>,
}

impl NewCommunitySession {
    /// The record asked for: a real date (today when None) and a known
    /// kind; the error is what is wrong and what to do.
    pub fn from_asked(
        date: Option<&str>,
        kind: Option<&str>,
        title: Option<String>,
        statuses: &[SiteStatus],
    ) -> Result<NewCommunitySession, (String, String)> {
        let date = match date {
            Some(text) => spec::parse_date(text).ok_or_else(|| {
                (
                    format!("--date {}: not a date", crate::escape::terminal(text)),
                    "write the date as YYYY-MM-DD, for example --date 2026-12-03".to_string(),
                )
            })?,
            None => date::today(),
        };
        let kind = kind.unwrap_or(DEFAULT_KIND);
        if !SESSION_KINDS.contains(&kind) {
            let list = SESSION_KINDS.join(", ");
            let hint = match spec::suggest(kind, SESSION_KINDS.iter().copied()) {
                Some(better) => format!("did you mean `{better}`? The kinds are: {list}"),
                None => format!("the kinds are: {list}"),
            };
            return Err((
                format!(
                    "--kind {}: not a kind of session",
                    crate::escape::terminal(kind)
                ),
                hint,
            ));
        }
        let revisions = statuses
            .iter()
            .filter_map(|s| {
                let commit = s.commit.as_ref()?;
                commit
                    .chars()
                    .all(|c| c.is_ascii_hexdigit())
                    .then(|| (s.site.clone(), commit.clone()))
            })
            .collect();
        Ok(NewCommunitySession {
            date,
            kind: kind.to_string(),
            title,
            revisions,
        })
    }

    /// The file name: `sessions/2026-12-03-webinar.toml`.
    pub fn file_name(&self) -> String {
        format!(
            "{}/{}-{}.toml",
            layout::SESSIONS_DIR,
            date::format(self.date),
            self.kind
        )
    }

    /// The text of the record.
    pub fn record_text(&self, network: &Network) -> String {
        let names: Vec<&str> = network.sites.iter().map(|s| s.name.as_str()).collect();
        let roles = crate::guide::Guide::builtin()
            .map(|g| g.role_list())
            .unwrap_or_default();
        let mut s = format!("#:schema ../schemas/{SCHEMA_FILE}\n");
        s.push_str("# A community session. `covalue check` in the network folder checks this\n");
        s.push_str("# file; `covalue network session pack` prints the pack for it.\n");
        s.push_str(&format!("date = {}\n", date::format(self.date)));
        s.push_str(&format!(
            "kind = {}    # {}\n",
            toml_string(&self.kind),
            SESSION_KINDS.join(", ")
        ));
        if let Some(title) = &self.title {
            s.push_str(&format!("title = {}\n", toml_string(title)));
        }
        s.push_str("facilitator = \"\"\nnote_taker = \"\"\n");
        s.push_str(&format!(
            "\n# The sites that came (of: {}).\nsites = []\n",
            names.join(", ")
        ));
        if !self.revisions.is_empty() {
            let pairs: Vec<String> = self
                .revisions
                .iter()
                .map(|(site, commit)| format!("{site} = {}", toml_string(commit)))
                .collect();
            s.push_str(
                "# Each site's fetched commit when this was written (for what changed next time).\n",
            );
            s.push_str(&format!("revisions = {{ {} }}\n", pairs.join(", ")));
        }
        s.push_str("\n# What the community decided, one line each.\ndecisions = []\n");
        s.push_str(&format!(
            "\n# Who came, each with a role ({roles}, coordinator) and their site.\n"
        ));
        s.push_str("# [[attendees]]\n# name = \"\"\n# role = \"patient-partner\"\n# site = \"\"\n");
        s.push_str("\n# What a site presented, about which question or improvement.\n");
        s.push_str(
            "# [[presented]]\n# site = \"\"\n# title = \"\"\n# question = \"\"\n# improvement = \"\"\n",
        );
        s.push_str("\n# What someone will do, by when; add done = true when it is done.\n");
        s.push_str("# [[actions]]\n# what = \"\"\n# owner = \"\"\n# due = YYYY-MM-DD\n");
        s
    }
}

/// Writes a new community session record (and the network's schemas for
/// it), never replacing one (`LeftAlone` then).
pub fn create(
    root: &Path,
    network: &Network,
    new: &NewCommunitySession,
) -> std::io::Result<Created> {
    for (name, text) in spec::network_schema_files() {
        crate::fsutil::write_atomic(&root.join("schemas").join(name), text.as_bytes())?;
    }
    crate::scaffold::create_inside(root, &root.join(new.file_name()), &new.record_text(network))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_record_reads_back_as_a_community_session() {
        let new = NewCommunitySession {
            date: jiff::civil::date(2026, 12, 3),
            kind: "webinar".into(),
            title: Some("Walking \"measures\"".into()),
            revisions: vec![("lakeside".into(), "abc123".into())],
        };
        assert_eq!(new.file_name(), "sessions/2026-12-03-webinar.toml");
        let network = Network {
            root: std::path::PathBuf::new(),
            name: "CoP".into(),
            sites: Vec::new(),
            domains: Vec::new(),
            exemplars: Vec::new(),
            language: None,
        };
        let source = crate::source::Source::new("sessions/x.toml", new.record_text(&network));
        let node = crate::node::parse_toml(&source).expect("the record parses");
        let mut findings = Vec::new();
        spec::validate(
            &node,
            &spec::COMMUNITY_SESSION,
            &spec::BaseVocab,
            &source,
            &spec::KeyPath::Root,
            &mut findings,
        );
        assert!(findings.is_empty(), "{findings:?}");
        let read = Session::from_node(&node, &source, "x");
        assert_eq!(read.kind.as_deref(), Some("webinar"));
        assert_eq!(read.title.as_deref(), Some("Walking \"measures\""));
        assert_eq!(
            read.revisions,
            vec![("lakeside".to_string(), "abc123".to_string())]
        );
    }
}
