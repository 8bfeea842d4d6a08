//! Every template of every document, rendered by the real binary: the
//! reports (short, full, register, and blank worksheets), the session pack,
//! the network report, the diff page and the served pages, for both
//! examples, an empty scaffold and a hostile workbook. Templates are strict
//! (a field the model lacks is an error), so this fails when a template
//! asks for something its model does not have. Each page must come out
//! with no script, a `<main>` landmark, and its language and direction set.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{TODAY, bin_path, copy_dir, git, manifest_dir, read, run, write};
use tempfile::TempDir;

/// What every page of covalue must be.
fn assert_page(what: &str, html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{what}: a script got through");
    assert!(html.contains("<main"), "{what}: no <main> landmark");
    let tag = html
        .split("<html")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or("");
    assert!(
        tag.contains(" lang=\"") && tag.contains(" dir=\""),
        "{what}: lang and dir are not set: <html{tag}>"
    );
    assert!(!html.contains("undefined value"), "{what}: {html}");
}

/// A workbook in a git repository of its own, committed.
fn committed(dir: &Path) {
    let home = dir.join(".home");
    std::fs::create_dir_all(&home).expect("home");
    git(&home, dir, &["init", "-q", "-b", "main"]);
    git(&home, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(&home, dir, &["commit", "-q", "-m", "workbook"]);
}

fn commit(dir: &Path, message: &str) {
    let home = dir.join(".home");
    git(&home, dir, &["add", "-A", "--", ".", ":(exclude).home"]);
    git(
        &home,
        dir,
        &["commit", "-q", "--allow-empty", "-m", message],
    );
}

/// An example, copied and committed.
fn example(name: &str) -> TempDir {
    let tmp = TempDir::new().expect("temporary folder");
    copy_dir(&manifest_dir().join("examples").join(name), tmp.path());
    committed(tmp.path());
    tmp
}

/// A new workbook with one empty population, committed.
fn scaffold() -> TempDir {
    let tmp = TempDir::new().expect("temporary folder");
    run(tmp.path(), &["init", "--title", "A new workbook"]).assert_code(0);
    run(tmp.path(), &["new", "population", "people"]).assert_code(0);
    committed(tmp.path());
    tmp
}

/// Text that tries to run a script, to be a template, and to drive a terminal.
const HOSTILE: &str = "<script>alert(1)</script> {{ 7 * 7 }} {% if true %}x{% endif %} \u{1b}[31mred\u{202e}evil \u{9b}2J";

/// The Harbour example with hostile text in its title, its population's name
/// and its answers.
fn hostile() -> TempDir {
    let tmp = TempDir::new().expect("temporary folder");
    let dir = tmp.path();
    copy_dir(&manifest_dir().join("examples/harbour-heart-failure"), dir);
    let toml = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\u{1b}', "\\u001b")
            .replace('\u{9b}', "\\u009b")
    };
    let config = dir.join("covalue.toml");
    let text = read(&config).replace(
        "title = \"Heart failure care at Harbour Community Health\"",
        &format!("title = \"{}\"", toml(HOSTILE)),
    );
    write(&config, text);
    let population = dir.join("populations/heart-failure/population.toml");
    let text = read(&population).replacen(
        "name = \"Adults living with heart failure\"",
        &format!("name = \"{}\"", toml(HOSTILE)),
        1,
    );
    write(&population, text);
    for step in ["chain", "shop", "short-form"] {
        let answers = dir.join(format!("populations/heart-failure/answers/{step}.md"));
        let text = read(&answers);
        write(
            &answers,
            format!("{text}\n{HOSTILE}\n\n<img src=x onerror=alert(1)>\n"),
        );
    }
    committed(dir);
    tmp
}

/// The reports of `render`, each form, filled and blank.
fn reports(dir: &Path) {
    for (form, blank) in [
        ("short", false),
        ("full", false),
        ("register", false),
        ("short", true),
        ("full", true),
    ] {
        let out = format!("out/{form}-{blank}.html");
        let mut args = vec!["render", "--form", form, "-o", &out];
        if blank {
            args.push("--blank");
        }
        run(dir, &args).assert_code(0);
        assert_page(
            &format!("render {form} blank={blank}"),
            &read(&dir.join(&out)),
        );
    }
}

/// The pack of a session, with what changed since the one before; and the
/// diff page of that change.
fn pack_and_diff(dir: &Path) {
    run(dir, &["session", "new", "--date", "2026-11-02"]).assert_code(0);
    commit(dir, "session 1");
    run(dir, &["session", "new", "--date", "2026-12-18"]).assert_code(0);
    let chain = dir
        .join("populations")
        .join(first_population(dir))
        .join("answers/chain.md");
    if chain.is_file() {
        let text = read(&chain);
        write(&chain, format!("{text}\nA **new** line of the answer.\n"));
    }
    run(dir, &["session", "pack", "-o", "out/pack.html"]).assert_code(0);
    assert_page("session pack", &read(&dir.join("out/pack.html")));
    let diff = run(dir, &["diff", "HEAD", "--format", "html"]);
    assert_page("diff", &diff.stdout);
    let stat = run(dir, &["diff", "HEAD", "--format", "html", "--stat"]);
    assert_page("diff --stat", &stat.stdout);
}

fn first_population(dir: &Path) -> String {
    let mut slugs: Vec<String> = std::fs::read_dir(dir.join("populations"))
        .expect("populations")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    slugs.into_iter().next().expect("a population")
}

/// The network report of a network whose one site is this workbook.
fn network(dir: &Path, tmp: &Path) {
    let net = tmp.join("net");
    let cache = tmp.join("cache");
    let covalue = |args: &[&str], at: &Path| {
        let out = Command::new(bin_path())
            .current_dir(at)
            .env("COVALUE_CACHE_DIR", &cache)
            .env("HOME", tmp)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("covalue");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = covalue(&["network", "init", "net", "--name", "A network"], tmp);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = covalue(
        &[
            "network",
            "add",
            "site",
            &dir.to_string_lossy(),
            "--ref",
            "main",
        ],
        &net,
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = covalue(&["network", "fetch"], &net);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    let (code, page, err) = covalue(&["network", "report", "--format", "html"], &net);
    assert_eq!(code, Some(0), "{err}");
    assert_page("network report", &page);
}

/// A running `covalue serve`, stopped when dropped (also when a check fails).
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Every page `covalue serve` links to from its first page, two links deep
/// and more, each fetched once.
fn served_pages(dir: &Path) {
    let mut server = Server(
        Command::new(bin_path())
            .current_dir(dir)
            .args(["serve", "--port", "0"])
            .env("COVALUE_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env_remove("BROWSER")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start covalue serve"),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address");
    let url = line
        .trim()
        .strip_prefix("serving the workbook at http://")
        .unwrap_or_default()
        .to_string();
    let (host, token) = url
        .split_once("/?token=")
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let port = host.rsplit(':').next().unwrap_or("");
    let cookie = format!("covalue-token-{port}={token}");
    let get = |path: &str| -> (u16, String) {
        let mut stream = TcpStream::connect(host).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let status = raw
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = raw
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec!["/".to_string()];
    while let Some(path) = queue.pop() {
        if !seen.insert(path.clone()) || seen.len() > 300 {
            continue;
        }
        let (status, body) = get(&path);
        assert_eq!(status, 200, "{path}: {body}");
        if path.starts_with("/print/") {
            continue;
        }
        assert_page(&format!("serve {path}"), &body);
        for link in body.replace("&#x2f;", "/").split("href=\"").skip(1) {
            let link = link.split('"').next().unwrap_or("").replace("&amp;", "&");
            let link = link.split('#').next().unwrap_or("").to_string();
            if link.starts_with('/') && !link.starts_with("//") && !link.starts_with("/static/") {
                queue.push(link);
            }
        }
    }
    assert!(seen.len() > 3, "serve showed too few pages: {seen:?}");
}

fn every_document(tmp: TempDir) {
    let dir = tmp.path().to_path_buf();
    let outside = TempDir::new().expect("temporary folder");
    reports(&dir);
    served_pages(&dir);
    pack_and_diff(&dir);
    commit(&dir, "session 2");
    network(&dir, outside.path());
}

#[test]
fn every_document_of_the_ms_example_renders() {
    every_document(example("lakeside-ms"));
}

#[test]
fn every_document_of_the_heart_failure_example_renders() {
    every_document(example("harbour-heart-failure"));
}

#[test]
fn every_document_of_an_empty_scaffold_renders() {
    every_document(scaffold());
}

#[test]
fn every_document_of_a_hostile_workbook_renders_and_runs_nothing() {
    let tmp = hostile();
    // What the workbook wrote is shown as text: not run, not a template.
    run(
        tmp.path(),
        &["render", "--form", "full", "-o", "out/check.html"],
    )
    .assert_code(0);
    let full = read(&tmp.path().join("out/check.html"));
    assert!(full.contains("&lt;script&gt;alert(1)"), "{full}");
    assert!(full.contains("{{ 7 * 7 }}"), "{full}");
    assert!(!full.contains('\u{1b}') && !full.contains('\u{9b}'));
    every_document(tmp);
}
