//! One vocabulary across the verbs: `--format text|json` wherever there is
//! a choice, a `format_version` in every JSON document, and output cut
//! short by a reader (`| head -c1`) ending quietly.

mod common;

use std::path::Path;

use common::*;

/// A network folder listing `sites` sites, none fetched.
fn network(sites: usize) -> tempfile::TempDir {
    let tmp = empty_dir();
    run(
        tmp.path(),
        &["network", "init", "net", "--name", "Community"],
    )
    .assert_code(0);
    let toml = tmp.path().join("net/network.toml");
    let mut text = read(&toml);
    for i in 0..sites {
        text.push_str(&format!(
            "\n[[site]]\nname = \"site-{i}\"\naddress = \"../site-{i}.git\"\n"
        ));
    }
    write(&toml, text);
    tmp
}

#[test]
fn network_status_prints_one_json_object_with_format_json_and_json() {
    let tmp = network(2);
    let net = tmp.path().join("net");
    let json = run(&net, &["network", "status", "--format", "json"]);
    json.assert_code(0);
    let doc = json.json();
    assert_eq!(doc["format_version"], 1, "{}", json.stdout);
    let sites = doc["sites"].as_array().expect("sites");
    assert_eq!(sites.len(), 2);
    assert_eq!(sites[1]["site"], "site-1");
    assert!(sites[0]["commit"].is_null());
    // The older spelling means the same.
    let alias = run(&net, &["network", "status", "--json"]);
    assert_eq!(alias.stdout, json.stdout);
    let text = run(&net, &["network", "status", "--format", "text"]);
    assert!(text.stdout.contains("site-0") && !text.stdout.contains('{'));
}

/// Runs `covalue ARGS | head -c1` in `dir` through bash; covalue's
/// standard error and exit code (with `pipefail`, the pipe's code is
/// covalue's when it fails).
fn into_head(dir: &Path, args: &str) -> (String, Option<i32>) {
    let script = format!(
        "set -o pipefail; '{}' {args} | head -c1 >/dev/null",
        bin_path().display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("bash");
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn network_status_into_head_ends_quietly() {
    // More than a pipe holds (64 KiB), so covalue is still writing when
    // head has gone.
    let tmp = network(800);
    let net = tmp.path().join("net");
    let full = run(&net, &["network", "status", "--format", "json"]);
    assert!(full.stdout.len() > 200_000, "{}", full.stdout.len());
    for args in ["network status --json", "network status"] {
        let (stderr, code) = into_head(&net, args);
        assert!(stderr.is_empty(), "{args}: {stderr}");
        assert_eq!(code, Some(0), "{args}");
    }
}

#[test]
fn every_json_document_has_a_format_version() {
    let wb = example("lakeside-ms");
    let tmp = network(1);
    let net = tmp.path().join("net");
    for (dir, args) in [
        (wb.path(), vec!["check", "--format", "json"]),
        (wb.path(), vec!["diff", "--format", "json", ".", "."]),
        (wb.path(), vec!["guide", "--format", "json"]),
        (net.as_path(), vec!["network", "report", "--format", "json"]),
        (net.as_path(), vec!["network", "status", "--format", "json"]),
    ] {
        let run = run(dir, &args);
        run.assert_no_panic(&args.join(" "));
        let doc = run.json();
        assert_eq!(doc["format_version"], 1, "{args:?}: {}", run.stdout);
        let first = run.stdout.lines().nth(1).unwrap_or_default();
        assert!(
            first.contains("\"format_version\""),
            "{args:?}: not first: {first}"
        );
    }
}

/// Every page `covalue man` writes, by name (`covalue-network-status.1`).
fn man_pages() -> (tempfile::TempDir, Vec<String>) {
    let dir = empty_dir();
    run(dir.path(), &["man", "pages"]).assert_code(0);
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("pages"))
        .expect("pages")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (dir, names)
}

#[test]
fn every_verb_and_sub_verb_help_ends_with_examples() {
    let (_dir, pages) = man_pages();
    let verbs: Vec<Vec<String>> = pages
        .iter()
        .filter_map(|p| p.strip_suffix(".1"))
        .map(|p| p.split('-').skip(1).map(str::to_string).collect::<Vec<_>>())
        .collect();
    // Pages are named by verb; `git-setup` is one verb with a hyphen.
    let nested = verbs
        .iter()
        .filter(|v| v.len() >= 2 && v[0] != "git")
        .count();
    assert!(nested >= 10, "{verbs:?}");
    for verb in verbs {
        let words: Vec<String> = match verb.first().map(String::as_str) {
            Some("git") => vec!["git-setup".into()],
            _ => verb,
        };
        let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
        args.push("--help");
        let help = run(&manifest_dir(), &args);
        help.assert_code(0);
        let tail: Vec<&str> = help.stdout.trim_end().lines().rev().take(4).collect();
        assert!(
            help.stdout.contains("Examples:")
                && tail.iter().any(|l| l.trim_start().starts_with("covalue")),
            "`covalue {}` should end with examples:\n{}",
            args.join(" "),
            help.stdout
        );
    }
}

#[test]
fn man_pages_have_exit_status_and_examples_sections() {
    let (dir, pages) = man_pages();
    for page in &pages {
        let text = read(&dir.path().join("pages").join(page));
        assert!(!text.contains(".SH EXTRA"), "{page}");
        let exit = text
            .find(".SH \"EXIT STATUS\"")
            .or_else(|| text.find(".SH EXIT STATUS"));
        let examples = text.find(".SH EXAMPLES");
        assert!(exit.is_some() && examples.is_some(), "{page}:\n{text}");
        assert!(exit < examples, "{page}");
        assert!(text.contains("covalue"), "{page}");
    }
    let check = read(&dir.path().join("pages/covalue-check.1"));
    let examples = &check[check.find(".SH EXAMPLES").unwrap_or(0)..];
    assert!(
        examples.contains("covalue check \\-\\-verbose"),
        "{examples}"
    );
}

#[test]
fn new_says_it_adds_improvements_and_check_says_verbose() {
    let top = run(&manifest_dir(), &["--help"]);
    let new_line = top
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("new "))
        .unwrap_or_default();
    assert!(new_line.contains("improvement"), "{new_line}");
    let check = run(&manifest_dir(), &["check", "--help"]);
    assert!(check.stdout.contains("-v, --verbose"), "{}", check.stdout);
    // The old spelling still works, and `serve --open` keeps its meaning.
    let wb = example("lakeside-ms");
    let old = run(wb.path(), &["check", "--open"]);
    let new = run(wb.path(), &["check", "--verbose"]);
    assert_eq!(old.stdout, new.stdout);
    let serve = run(&manifest_dir(), &["serve", "--help"]);
    assert!(serve.stdout.contains("--open"));
}
