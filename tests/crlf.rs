//! A workbook checked out by git for Windows, whose default is
//! `core.autocrlf=true`, has CRLF line endings in every text file. covalue
//! must read it exactly as the same workbook checked out with LF: `check`,
//! `diff`, `import` and `serve` say the same things, in the same places, and
//! what covalue writes into it keeps CRLF, so that git sees only the change.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use tempfile::TempDir;

const POP: &str = "populations/heart-failure";

/// One repository holding the half-done example, cloned twice into a folder
/// named `wb`: as git checks it out by default (LF) and as git for Windows
/// does (CRLF).
struct Checkouts {
    home: TempDir,
    _origin: TempDir,
    lf: TempDir,
    crlf: TempDir,
}

impl Checkouts {
    fn new() -> Checkouts {
        let home = empty_dir();
        let origin = example(HALF_DONE);
        git(home.path(), origin.path(), &["init", "-q"]);
        git(home.path(), origin.path(), &["add", "-A"]);
        git(home.path(), origin.path(), &["commit", "-qm", "Session 1"]);
        git(home.path(), origin.path(), &["tag", "session-1"]);
        let clone = |extra: &[&str]| {
            let parent = empty_dir();
            let mut args = vec!["clone", "-q"];
            args.extend_from_slice(extra);
            let from = origin.path().to_string_lossy().into_owned();
            args.extend_from_slice(&[&from, "wb"]);
            git(home.path(), parent.path(), &args);
            parent
        };
        let lf = clone(&["-c", "core.autocrlf=false"]);
        let crlf = clone(&["-c", "core.autocrlf=true"]);
        let sample = read(&crlf.path().join("wb").join(POP).join("population.toml"));
        assert!(
            sample.contains("\r\n") && !sample.replace("\r\n", "").contains('\n'),
            "git did not check the workbook out with CRLF"
        );
        Checkouts {
            home,
            _origin: origin,
            lf,
            crlf,
        }
    }

    /// Both checkouts' parent folders, LF first.
    fn parents(&self) -> [&Path; 2] {
        [self.lf.path(), self.crlf.path()]
    }

    fn git(&self, parent: &Path, args: &[&str]) -> String {
        git(self.home.path(), &parent.join("wb"), args)
    }
}

/// Runs `covalue -C wb ARGS` from each checkout's parent: the LF run, then
/// the CRLF run.
fn both(c: &Checkouts, args: &[&str]) -> [Run; 2] {
    c.parents().map(|parent| {
        let mut all = vec!["-C", "wb"];
        all.extend_from_slice(args);
        run(parent, &all)
    })
}

/// Asserts that the two runs printed the same and ended the same.
fn same(what: &str, [lf, crlf]: &[Run; 2]) {
    assert_eq!(
        lf.code, crlf.code,
        "{what}: exit codes differ\nLF:\n{}{}\nCRLF:\n{}{}",
        lf.stdout, lf.stderr, crlf.stdout, crlf.stderr
    );
    assert_eq!(lf.stdout, crlf.stdout, "{what}: standard output differs");
    assert_eq!(lf.stderr, crlf.stderr, "{what}: standard error differs");
}

#[test]
fn check_reads_a_crlf_checkout_as_the_lf_one_and_points_where_the_user_typed() {
    let c = Checkouts::new();
    let human = both(&c, &["check"]);
    same("check", &human);
    let [lf, _] = &human;
    lf.assert_code(1);
    // Findings point into the folder as it was typed after -C, at a line
    // and column, and show the line without a stray carriage return.
    let at = format!(
        "--> wb{0}populations{0}heart-failure{0}personas{0}dolores.md:1:1",
        std::path::MAIN_SEPARATOR
    );
    assert!(lf.stdout.contains(&at), "{}", lf.stdout);
    for run in &human {
        assert!(
            !run.stdout.contains('\r') && !run.stdout.contains("\\r"),
            "{}",
            run.stdout
        );
    }
    same(
        "check --format json",
        &both(&c, &["check", "--format", "json"]),
    );
    same("check --open", &both(&c, &["check", "--open"]));
}

#[test]
fn a_crlf_checkout_has_no_changes_and_the_same_edit_diffs_the_same() {
    let c = Checkouts::new();
    // Nothing changed since the commit, whatever the line endings on disk.
    let unchanged = both(&c, &["diff"]);
    same("diff with no change", &unchanged);
    unchanged[0].assert_code(0);

    // The same edit, each in its file's own line ending.
    for (parent, eol) in c.parents().into_iter().zip(["\n", "\r\n"]) {
        let file = parent.join("wb").join(POP).join("answers/short-form.md");
        let text = read(&file);
        assert_eq!(text.contains("\r\n"), eol == "\r\n");
        let line = format!("{eol}The nurse line now also calls back within a day.{eol}");
        write(&file, format!("{text}{line}"));
    }
    let changed = both(&c, &["diff", "session-1"]);
    same("diff session-1", &changed);
    changed[0].assert_code(1);
    assert!(
        changed[0].stdout.contains("calls back within a day"),
        "{}",
        changed[0].stdout
    );
    same(
        "diff --format json",
        &both(&c, &["diff", "session-1", "--format", "json"]),
    );
}

#[test]
fn notes_import_into_a_crlf_checkout_as_into_the_lf_one_and_keep_crlf() {
    let c = Checkouts::new();
    let notes = "# Notes, 3 December\n\n\
## How is the chain coproduced? {#chain-coproduction}\n\n\
Patients weigh themselves daily and call the nurse line when weight rises.\n\n\
## {#interdependence-links}\n\nThe nurse line links the chain and the shop.\n";
    // Notes typed on Windows have CRLF too.
    write(&c.lf.path().join("notes.md"), notes);
    write(&c.crlf.path().join("notes.md"), notes.replace('\n', "\r\n"));
    let imported = c.parents().map(|parent| {
        run(
            parent,
            &[
                "-C",
                "wb",
                "import",
                "--population",
                "heart-failure",
                "../notes.md",
            ],
        )
    });
    same("import", &imported);
    imported[0].assert_code(0);

    // The same files changed, and git sees the same change in each.
    let [lf_status, crlf_status] = c.parents().map(|p| c.git(p, &["status", "--porcelain"]));
    assert_eq!(lf_status, crlf_status);
    assert!(lf_status.contains("chain.md"), "{lf_status}");
    let [lf_diff, crlf_diff] = c.parents().map(|p| c.git(p, &["diff"]));
    assert_eq!(lf_diff, crlf_diff);
    assert!(
        lf_diff.contains("+Patients weigh themselves daily"),
        "{lf_diff}"
    );

    // A file that was changed keeps its checkout's line ending throughout;
    // a file started anew has the same text in both.
    for entry in lf_status.lines() {
        let (state, changed) = entry.split_at(3.min(entry.len()));
        let lf = read(&c.lf.path().join("wb").join(changed));
        let crlf = read(&c.crlf.path().join("wb").join(changed));
        assert!(!lf.contains('\r'), "{changed} got a CR in the LF checkout");
        if state.trim() == "M" {
            assert_eq!(
                crlf,
                lf.replace('\n', "\r\n"),
                "{changed} in the CRLF checkout"
            );
        } else {
            assert_eq!(
                crlf.replace("\r\n", "\n"),
                lf,
                "{changed} in the CRLF checkout"
            );
        }
    }
}

/// `covalue serve` on a checkout: its address, and the server.
struct Served {
    child: std::process::Child,
    host: String,
    token: String,
}

impl Served {
    fn start(dir: &Path) -> Served {
        let mut child = Command::new(bin_path())
            .current_dir(dir)
            .args(["serve", "--port", "0"])
            .env("COVALUE_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env_remove("BROWSER")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start covalue serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let url = line
            .trim()
            .strip_prefix("serving the workbook at http://")
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let (host, token) = url.split_once("/?token=").expect("a token");
        Served {
            child,
            host: host.to_string(),
            token: token.to_string(),
        }
    }

    /// The body of `GET path`, with the token's cookie.
    fn get(&self, path: &str) -> String {
        let port = self.host.rsplit(':').next().unwrap_or("");
        let mut stream = TcpStream::connect(&self.host).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: covalue-token-{port}={}\r\nConnection: close\r\n\r\n",
            self.host, self.token
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        assert!(raw.starts_with("HTTP/1.1 200"), "GET {path}: {raw}");
        raw.split_once("\r\n\r\n")
            .map_or(raw.clone(), |(_, b)| b.to_string())
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A page with what differs from one server to the next taken out: the
/// server's tokens and the fingerprints of what is on disk (long runs of
/// hexadecimal digits), which differ with the bytes of a file.
fn steady(page: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for ch in page.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_hexdigit() {
            run.push(ch);
            continue;
        }
        if run.len() >= 16 {
            out.push_str("HEX");
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(ch);
    }
    out.pop();
    out
}

#[test]
fn serve_shows_a_crlf_checkout_as_the_lf_one() {
    let c = Checkouts::new();
    let pages: Vec<[String; 2]> = ["/", "/p/heart-failure"]
        .iter()
        .map(|path| {
            c.parents().map(|parent| {
                let served = Served::start(&parent.join("wb"));
                steady(&served.get(path))
            })
        })
        .collect();
    for [lf, crlf] in &pages {
        assert!(lf.contains("Heart failure"), "{lf}");
        assert_eq!(lf, crlf);
        assert!(!crlf.contains("&#13;") && !crlf.contains('\r'), "{crlf}");
    }
}

#[test]
fn git_setup_and_git_diff_read_a_crlf_checkout_as_the_lf_one() {
    let c = Checkouts::new();
    let setup = both(&c, &["git-setup"]);
    same("git-setup", &setup);
    setup[0].assert_code(0);
    // Set up again: the lines are found in either line ending, not added twice.
    same("git-setup again", &both(&c, &["git-setup"]));
    for parent in c.parents() {
        let attributes = read(&parent.join("wb/.gitattributes"));
        assert_eq!(
            attributes.matches("diff=covalue").count(),
            4,
            "{attributes}"
        );
        let file = parent.join("wb").join(POP).join("process-map.toml");
        let text = read(&file).replacen("title = \"Symptoms", "title = \"Renamed symptoms", 1);
        write(&file, text);
    }
    // `git diff` runs covalue as its textconv filter: the same lines.
    let path = std::env::join_paths(
        std::iter::once(bin_path().parent().expect("bin folder").to_path_buf()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ),
    )
    .expect("PATH");
    let [lf, crlf] = c.parents().map(|parent| {
        let out = Command::new("git")
            .args(["diff", "--", POP])
            .current_dir(parent.join("wb"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", c.home.path())
            .env("PATH", &path)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    });
    assert_eq!(lf, crlf);
    // covalue's lines (`title: …`), not the TOML's (`title = "…"`).
    assert!(lf.contains("+  title: Renamed symptoms"), "{lf}");
    assert!(!crlf.contains('\r'), "{crlf}");
}
