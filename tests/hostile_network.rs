//! A network's cache under attack. The network folder is the user's own git
//! repository, into which a partner commits what would once have been
//! cache (`.covalue/sites/…` with a `commondir` to an evil config or to the
//! user's own `.git`); the real cache (in `COVALUE_CACHE_DIR`, here inside
//! the temporary folder) gets the same plants, links for `refs` and
//! `objects`, a failure note linked to a secret file or to
//! `/proc/self/environ`, and summaries that are a link to `/dev/zero` or a
//! FIFO. Each time: nothing runs, nothing outside changes, nothing leaks,
//! nothing hangs, and the user is told. A site whose revision holds a file
//! larger than 32 MiB gets a CV001, as on disk.

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use common::{Run, copy_dir, covalue, git, manifest_dir, tree};
use tempfile::TempDir;

/// A network folder (itself a git repository, branch `main`) with two
/// sites kept as local bare repositories.
struct Net {
    tmp: TempDir,
}

impl Net {
    fn new() -> Net {
        let net = Net {
            tmp: TempDir::new().expect("temporary folder"),
        };
        net.site("lakeside", "lakeside-ms", |_| {});
        net.site("harbour", "lakeside-ms", |_| {});
        covalue(net.path())
            .args(["network", "init", "net", "--name", "Hostile network"])
            .assert()
            .success();
        for name in ["lakeside", "harbour"] {
            let address = format!("../sites/{name}.git");
            covalue(&net.net())
                .args(["network", "add", name, &address, "--ref", "main"])
                .assert()
                .success();
        }
        net.git(&["init", "-q", "-b", "main"]);
        net.git(&["add", "-A"]);
        net.git(&["commit", "-q", "-m", "the network"]);
        net
    }

    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn net(&self) -> PathBuf {
        self.path().join("net")
    }

    fn cache(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// git in the network folder.
    fn git(&self, args: &[&str]) -> String {
        git(self.path(), &self.net(), args)
    }

    /// A site: an example workbook, changed by `edit`, committed on `main`
    /// and cloned bare into `sites/NAME.git`.
    fn site(&self, name: &str, example: &str, edit: impl FnOnce(&Path)) {
        let work = self.path().join("work").join(name);
        copy_dir(&manifest_dir().join("examples").join(example), &work);
        edit(&work);
        git(self.path(), &work, &["init", "-q", "-b", "main"]);
        git(self.path(), &work, &["add", "-A"]);
        git(self.path(), &work, &["commit", "-q", "-m", "workbook"]);
        std::fs::create_dir_all(self.path().join("sites")).expect("sites folder");
        let bare = self.path().join("sites").join(format!("{name}.git"));
        git(
            self.path(),
            self.path(),
            &[
                "clone",
                "-q",
                "--bare",
                &work.to_string_lossy(),
                &bare.to_string_lossy(),
            ],
        );
    }

    /// Adds a site to network.toml.
    fn add(&self, name: &str, address: &str) {
        covalue(&self.net())
            .args(["network", "add", name, address])
            .assert()
            .success();
    }

    /// Runs covalue in the network folder with the cache in the temporary folder.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// The same, with more environment variables.
    fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = covalue(&self.net());
        cmd.env("COVALUE_CACHE_DIR", self.cache()).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("covalue could not be started");
        let run = Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        run.assert_no_panic(&format!("{args:?}"));
        run
    }

    /// The network's folder in the cache.
    fn cached(&self) -> PathBuf {
        let networks = self.cache().join("networks");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&networks)
            .expect("the cache has a networks folder")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    /// A site's entry in the cache (`lakeside.git`, `gone.failed`, …).
    fn entry(&self, name: &str) -> PathBuf {
        self.cached().join("sites").join(name)
    }

    /// The branches of the network's own repository, with their commits.
    fn branches(&self) -> String {
        self.git(&["for-each-ref", "--format=%(refname) %(objectname)"])
    }

    /// A git config that would run a program (which makes a marker file)
    /// as ssh, as a credential helper and as fsmonitor, in `dir/config`;
    /// the marker's path.
    fn evil_config(&self, dir: &Path) -> PathBuf {
        let marker = self.path().join("ran");
        for sub in ["objects", "refs/heads"] {
            std::fs::create_dir_all(dir.join(sub)).expect("evil folder");
        }
        let program = dir.join("evil.sh");
        std::fs::write(
            &program,
            format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
        )
        .expect("evil program");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let run = program.display();
        std::fs::write(
            dir.join("config"),
            format!(
                "[core]\n\trepositoryformatversion = 0\n\tbare = true\n\tsshCommand = {run}\n\tfsmonitor = {run}\n\
                 [credential]\n\thelper = !{run}\n"
            ),
        )
        .expect("evil config");
        marker
    }

    /// Runs git's own fetch in a planted copy, as covalue once did: the
    /// test would catch a plant that is not live.
    fn fetch_by_hand(&self, git_dir: &Path) {
        let _ = std::process::Command::new("git")
            .current_dir(self.path())
            .env("GIT_DIR", git_dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.path())
            .args(["fetch", "-q", "ssh://covalue.invalid/workbook.git"])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

fn all_output(run: &Run) -> String {
    format!("{}{}", run.stdout, run.stderr)
}

/// A bare repository's skeleton that sends git elsewhere with `commondir`.
fn planted_repo(dir: &Path, commondir: &str) {
    std::fs::create_dir_all(dir.join("refs")).expect("refs");
    std::fs::create_dir_all(dir.join("objects")).expect("objects");
    std::fs::write(dir.join("HEAD"), "ref: refs/heads/main\n").expect("HEAD");
    std::fs::write(dir.join("commondir"), format!("{commondir}\n")).expect("commondir");
}

#[test]
fn a_cache_committed_into_the_network_repository_is_never_read() {
    let net = Net::new();
    let marker = net.evil_config(&net.net().join(".covalue/evil"));
    net.add("partner", "ssh://covalue.invalid/workbook.git");
    // What once was the cache, committed by a partner: a copy of a site
    // whose commondir sends git to an evil config, one whose commondir is
    // the user's own .git (a fetch with --prune would replace its
    // branches), and a summary that claims to be lakeside's.
    let old = net.net().join(".covalue/sites");
    planted_repo(&old.join("partner.git"), "../../evil");
    planted_repo(&old.join("lakeside.git"), "../../../.git");
    std::fs::write(
        old.join("lakeside.json"),
        r#"{"format": 1, "title": "PLANTED", "commit": "0000000"}"#,
    )
    .expect("summary");
    std::fs::write(old.join("harbour.failed"), "PLANTED failure").expect("failure");
    net.git(&["add", "-f", "-A"]);
    net.git(&["commit", "-q", "-m", "a partner's cache"]);
    let branches = net.branches();
    let before = tree(&net.net());

    let status = net.run(&["network", "status"]);
    status.assert_code(0);
    assert!(
        !all_output(&status).contains("PLANTED"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("lakeside  not fetched yet (main)"),
        "{}",
        status.stdout
    );

    let fetched = net.run(&["network", "fetch"]);
    fetched.assert_code(1);
    let said = all_output(&fetched);
    assert!(said.contains("fetched      lakeside"), "{said}");
    assert!(said.contains("fetched      harbour"), "{said}");
    assert!(said.contains("site partner cannot be fetched"), "{said}");
    assert!(
        said.contains(".covalue/ in the network folder is not used"),
        "{said}"
    );
    assert!(!marker.exists(), "a planted config ran a command");
    // The user's own repository and folder are as they were.
    assert_eq!(net.branches(), branches);
    assert!(net.git(&["reflog", "main"]).contains("a partner's cache"));
    assert_eq!(tree(&net.net()), before, "the network folder changed");
    let report = net.run(&["network", "report", "--format", "json"]);
    report.assert_code(0);
    assert!(!report.stdout.contains("PLANTED"), "{}", report.stdout);
    assert_eq!(report.json()["sites"][0]["status"], "ok");

    // The plant is live: git itself, pointed at the committed copy, runs
    // the evil config's ssh command.
    net.fetch_by_hand(&old.join("partner.git"));
    assert!(marker.exists(), "the planted config is not live");
}

#[test]
fn a_cached_copy_that_sends_git_elsewhere_is_made_again_from_scratch() {
    let net = Net::new();
    net.run(&["network", "fetch"]).assert_code(0);
    net.git(&["branch", "draft"]);
    let branches = net.branches();
    // The user's branch `draft` would be deleted by --prune (and `main`
    // replaced by the site's, were it not checked out): commondir to the
    // network's own .git, by absolute path.
    let own_git = net.net().join(".git");
    std::fs::write(
        net.entry("lakeside.git/commondir"),
        format!("{}\n", own_git.display()),
    )
    .expect("commondir");
    // A site's copy whose commondir leads to an evil config.
    let marker = net.evil_config(&net.path().join("evil"));
    net.add("partner", "ssh://covalue.invalid/workbook.git");
    planted_repo(
        &net.entry("partner.git"),
        &net.path().join("evil").display().to_string(),
    );

    let fetched = net.run(&["network", "fetch"]);
    fetched.assert_code(1);
    let said = all_output(&fetched);
    for site in ["lakeside", "partner"] {
        assert!(
            said.contains(&format!("site {site}: the cached copy"))
                && said.contains("`commondir`, which would send git elsewhere"),
            "{said}"
        );
    }
    assert!(said.contains("made again from scratch"), "{said}");
    assert!(said.contains("fetched      lakeside"), "{said}");
    assert!(!marker.exists(), "a planted config ran a command");
    assert_eq!(net.branches(), branches, "the user's branches changed");
    assert!(!net.entry("lakeside.git/commondir").exists());
    assert!(!net.entry("partner.git/commondir").exists());
    // The copy made again is covalue's own: only for the user.
    let mode = std::fs::metadata(net.entry("lakeside.git"))
        .expect("copy")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "{mode:o}");

    // The plant was live: git itself, pointed at such a copy, runs it.
    let live = net.path().join("live.git");
    planted_repo(&live, &net.path().join("evil").display().to_string());
    net.fetch_by_hand(&live);
    assert!(marker.exists(), "the planted config is not live");
}

#[test]
fn links_in_a_cached_copy_are_never_written_through() {
    let net = Net::new();
    net.run(&["network", "fetch"]).assert_code(0);
    let outside = net.path().join("outside");
    for (name, target) in [("refs", "refs"), ("objects", "objects")] {
        let to = outside.join(target);
        std::fs::create_dir_all(to.join("heads")).expect("outside");
        std::fs::write(to.join("heads/keep"), "keep\n").expect("outside file");
        let site = if name == "refs" {
            "lakeside"
        } else {
            "harbour"
        };
        let at = net.entry(&format!("{site}.git/{name}"));
        std::fs::remove_dir_all(&at).expect("remove");
        symlink(&to, &at).expect("link");
    }
    let before = tree(&outside);
    let fetched = net.run(&["network", "fetch"]);
    fetched.assert_code(0);
    let said = all_output(&fetched);
    assert!(said.contains("`refs` is a link"), "{said}");
    assert!(said.contains("`objects` is a link"), "{said}");
    assert!(said.contains("fetched      lakeside"), "{said}");
    assert_eq!(tree(&outside), before, "a fetch wrote outside the cache");
    assert!(!net.entry("lakeside.git/refs").is_symlink());
    assert!(!net.entry("harbour.git/objects").is_symlink());
}

#[test]
fn failure_notes_that_link_to_secrets_are_not_printed() {
    let net = Net::new();
    net.add("gone", "../sites/nowhere.git");
    net.add("env", "../sites/nowhere-either.git");
    net.run(&["network", "fetch"]).assert_code(1);
    let secret = net.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-TOKEN-IN-A-FILE\n").expect("secret");
    for (site, to) in [
        ("gone", secret.as_path()),
        ("env", Path::new("/proc/self/environ")),
    ] {
        let note = net.entry(&format!("{site}.failed"));
        assert!(note.is_file(), "no failure note for {site}");
        std::fs::remove_file(&note).expect("remove");
        symlink(to, &note).expect("link");
    }
    let env = [("COVALUE_TEST_SECRET", "SECRET-TOKEN-IN-THE-ENVIRONMENT")];
    for args in [
        vec!["network", "status"],
        vec!["network", "status", "--json"],
        vec!["network", "report"],
        vec!["network", "report", "--format", "json"],
        vec!["network", "report", "--format", "md"],
        vec!["network", "report", "--format", "html"],
    ] {
        let run = net.run_with(&args, &env);
        run.assert_code(0);
        let said = all_output(&run);
        assert!(!said.contains("SECRET-TOKEN"), "{args:?} leaked:\n{said}");
        assert!(!said.contains("PATH="), "{args:?} leaked:\n{said}");
    }
    let status = net.run(&["network", "status"]);
    assert!(
        status
            .stdout
            .contains("its note of the last failure in the cache cannot be used (it is a link)"),
        "{}",
        status.stdout
    );
    // The next fetch removes the links and writes its own notes, never
    // through a link.
    let fetched = net.run(&["network", "fetch"]);
    fetched.assert_code(1);
    assert!(
        all_output(&fetched)
            .contains("gone.failed was not written by covalue (it is a link); removed"),
        "{}",
        all_output(&fetched)
    );
    assert_eq!(
        std::fs::read_to_string(&secret).expect("secret"),
        "SECRET-TOKEN-IN-A-FILE\n"
    );
    assert!(!net.entry("gone.failed").is_symlink());
    assert!(net.entry("gone.failed").is_file());
}

#[test]
fn summaries_that_are_devices_or_pipes_neither_hang_nor_fill_memory() {
    let net = Net::new();
    net.run(&["network", "fetch"]).assert_code(0);
    let zero = net.entry("lakeside.json");
    std::fs::remove_file(&zero).expect("remove");
    symlink("/dev/zero", &zero).expect("link");
    let pipe = net.entry("harbour.json");
    std::fs::remove_file(&pipe).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());

    // covalue's helper stops a run after two minutes: a hang fails here.
    let status = net.run(&["network", "status"]);
    status.assert_code(0);
    for site in ["lakeside", "harbour"] {
        assert!(
            status
                .stdout
                .lines()
                .any(|l| l.starts_with(site)
                    && l.contains("its summary in the cache cannot be used")),
            "{}",
            status.stdout
        );
    }
    assert!(
        status.stdout.contains("(it is a link)"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("(it is not a regular file)"),
        "{}",
        status.stdout
    );
    let report = net.run(&["network", "report", "--format", "json"]);
    report.assert_code(0);
    assert_eq!(report.json()["sites"][0]["status"], "not-fetched");

    // A fetch puts covalue's own summaries back.
    let fetched = net.run(&["network", "fetch"]);
    fetched.assert_code(0);
    assert!(net.entry("lakeside.json").is_file());
    assert!(!net.entry("lakeside.json").is_symlink());
    let report = net.run(&["network", "report", "--format", "json"]);
    assert_eq!(report.json()["sites"][1]["status"], "ok");
}

#[test]
fn a_cache_folder_that_is_not_covalues_own_is_refused() {
    let net = Net::new();
    net.run(&["network", "fetch"]).assert_code(0);
    let dir = net.cached();
    // A link in place of the network's folder in the cache.
    let elsewhere = net.path().join("elsewhere");
    std::fs::rename(&dir, &elsewhere).expect("move");
    symlink(&elsewhere, &dir).expect("link");
    let before: BTreeMap<_, _> = tree(&elsewhere);
    for args in [
        vec!["network", "fetch"],
        vec!["network", "status"],
        vec!["network", "report"],
    ] {
        let run = net.run(&args);
        run.assert_code(2);
        assert!(
            run.stderr.contains("is a link") && run.stderr.contains("COVALUE_CACHE_DIR"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(tree(&elsewhere), before, "covalue wrote through the link");
    std::fs::remove_file(&dir).expect("remove link");
    std::fs::rename(&elsewhere, &dir).expect("move back");

    // A folder others may write in.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let run = net.run(&["network", "fetch"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("may be changed by other users"),
        "{}",
        run.stderr
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    net.run(&["network", "fetch"]).assert_code(0);
}

#[test]
fn a_file_larger_than_32_mib_in_a_site_is_a_cv001_not_read() {
    let net = Net::new();
    net.site("big", "lakeside-ms", |w| {
        let mut text = String::from("---\nname: Big\nkind: patient\n---\n");
        let line = format!("{}\n", "x".repeat(1023));
        text.push_str(&line.repeat(40 << 10));
        std::fs::write(w.join("populations/ms/personas/big.md"), text).expect("big persona");
    });
    net.add("big", "../sites/big.git");
    let fetched = net.run(&["network", "fetch"]);
    // The site was fetched: its oversized file is a problem of its workbook.
    fetched.assert_code(0);
    let said = all_output(&fetched);
    assert!(
        said.contains("fetched      big at")
            && said.contains("1 problem in its workbook")
            && said.contains("CV001")
            && said.contains("populations/ms/personas/big.md is not read: it is 41 MiB, larger than the 32 MiB covalue reads"),
        "{said}"
    );
    assert!(said.contains("fetched      lakeside"), "{said}");
}

#[test]
fn what_a_site_wrote_is_shown_on_a_terminal_not_obeyed() {
    let net = Net::new();
    net.site("odd", "lakeside-ms", |w| {
        let config = w.join("covalue.toml");
        let text = std::fs::read_to_string(&config).expect("config").replacen(
            "title = \"MS care at Lakeside Regional MS Centre\"",
            // Clear the screen, set the clipboard (OSC 52), and reverse the
            // rest of the line.
            "title = \"Odd\\u001b[2J\\u001b]52;c;aGk=\\u0007 site \\u202eevil\"",
            1,
        );
        std::fs::write(&config, text).expect("config");
    });
    net.add("odd", "../sites/odd.git");
    net.run(&["network", "fetch"]).assert_code(0);
    let report = net.run(&["network", "report"]);
    report.assert_code(0);
    let out = &report.stdout;
    assert!(
        out.contains("Odd␛[2J␛]52;c;aGk=␇ site \\u{202e}evil"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out}"
    );
}
