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
        // The guide's JSON is at 2: each text has its own source since a
        // step's `source` became its title's (`title_source`).
        let expected = if args[0] == "guide" { 2 } else { 1 };
        assert_eq!(doc["format_version"], expected, "{args:?}: {}", run.stdout);
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

/// The lakeside example on a site guide whose first and third steps have
/// Japanese titles.
fn with_cjk_titles() -> tempfile::TempDir {
    let wb = example("lakeside-ms");
    let guide = run(wb.path(), &["guide", "--format", "toml"]);
    let text = guide.stdout.replacen(
        "title = \"Preparation\"",
        "title = \"準備と患者の声を聞く\"",
        1,
    );
    let text = match text.rfind("title = \"Value chain\"") {
        Some(at) => format!(
            "{}title = \"価値連鎖\"{}",
            &text[..at],
            &text[at + "title = \"Value chain\"".len()..]
        ),
        None => text,
    };
    write(&wb.path().join("guide.toml"), text);
    let config = wb.path().join("covalue.toml");
    write(
        &config,
        read(&config).replace("guide = \"builtin\"", "guide = \"guide.toml\""),
    );
    wb
}

/// The lines of check's completeness table.
fn table_lines(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip_while(|l| !l.contains("answered  with problems"))
        .take_while(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x3000..=0x9FFF | 0xFF00..=0xFFEF => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn check_s_table_aligns_wide_titles_and_fits_the_terminal() {
    let wb = with_cjk_titles();
    let wide = covalue(wb.path())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .arg("check")
        .output()
        .expect("run");
    let lines = table_lines(&String::from_utf8_lossy(&wide.stdout));
    assert!(
        lines.iter().any(|l| l.contains("準備と患者の声を聞く")),
        "{lines:?}"
    );
    // Every row ends at the same column on the screen.
    let ends: Vec<usize> = lines.iter().map(|l| columns(l)).collect();
    assert!(
        ends.windows(2).all(|w| w[0] == w[1]),
        "{lines:#?}\n{ends:?}"
    );
    assert!(
        ends[0] > 80,
        "the table is wider than 80 columns: this test could not fail"
    );

    let narrow = covalue(wb.path())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .arg("check")
        .output()
        .expect("run");
    let lines = table_lines(&String::from_utf8_lossy(&narrow.stdout));
    assert!(lines.len() > 5, "{lines:?}");
    for l in &lines {
        assert!(columns(l) <= 80, "wider than 80 columns: {l}");
    }
    assert!(lines.iter().any(|l| l.contains('…')), "{lines:#?}");
    let ends: Vec<usize> = lines.iter().map(|l| columns(l)).collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{lines:#?}");
}

/// Runs covalue with `stdin` on standard input.
fn with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let out = covalue(dir)
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run");
    as_run(out)
}

fn as_run(out: std::process::Output) -> Run {
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn import_dash_reads_the_notes_from_standard_input() {
    let wb = example(HALF_DONE);
    let answers = wb.path().join("populations/heart-failure/answers/shop.md");
    let before = read(&answers);
    let notes = "## What problems do people bring? {#shop-problems}\n\nBreathlessness at night, swollen ankles.\n";
    let run = with_stdin(wb.path(), &["import", "-"], notes);
    run.assert_code(0);
    let after = read(&answers);
    assert_ne!(before, after);
    assert!(after.contains("Breathlessness at night"), "{after}");
    // Nothing on standard input that is not UTF-8: a clear refusal.
    let out = covalue(wb.path())
        .args(["import", "-"])
        .write_stdin(vec![0xff, 0xfe, b'#'])
        .output()
        .expect("run");
    let bad = as_run(out);
    bad.assert_code(2);
    assert!(
        bad.stderr.contains("standard input is not UTF-8"),
        "{}",
        bad.stderr
    );
}

#[test]
fn import_suggests_replacing_with_the_c_it_was_run_with() {
    let parent = empty_dir();
    let folder = "Team's workbook $(touch pwned)";
    copy_dir(
        &manifest_dir().join("examples/lakeside-ms"),
        &parent.path().join(folder),
    );
    let notes = "## Systems {#access-systems}\n\nA different answer.\n";
    let run = with_stdin(
        parent.path(),
        &["-C", folder, "import", "-", "--population", "ms"],
        notes,
    );
    run.assert_code(1);
    let command = run
        .stdout
        .lines()
        .find_map(|l| {
            l.split_once("To replace them: ")
                .map(|(_, c)| c.to_string())
        })
        .unwrap_or_else(|| panic!("no suggestion:\n{}", run.stdout));
    assert_eq!(
        command,
        r"covalue -C 'Team'\''s workbook $(touch pwned)' import - --population ms --replace"
    );
    // Pasted into a shell, with the notes again, it replaces the answer there.
    let pasted = command.replacen("covalue", &format!("'{}'", bin_path().display()), 1);
    let out = std::process::Command::new("sh")
        .args(["-c", &format!("printf '%s' \"$NOTES\" | {pasted}")])
        .env("NOTES", notes)
        .current_dir(parent.path())
        .output()
        .expect("sh");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!parent.path().join("pwned").exists());
    let answers = read(
        &parent
            .path()
            .join(folder)
            .join("populations/ms/answers/access.md"),
    );
    assert!(answers.contains("A different answer."), "{answers}");
}

#[test]
fn render_dash_o_dash_writes_the_report_to_standard_output() {
    let wb = example("lakeside-ms");
    for (format, start) in [("md", "# "), ("html", "<!DOCTYPE html>")] {
        let run = run(
            wb.path(),
            &["render", "--form", "short", "--format", format, "-o", "-"],
        );
        run.assert_code(0);
        assert!(
            run.stdout.starts_with(start),
            "{format}: {}",
            &run.stdout[..run.stdout.len().min(200)]
        );
        assert!(!run.stdout.contains("wrote "), "{format}");
        assert!(!wb.path().join("-").exists() && !wb.path().join("out").exists());
    }
}
