//! `covalue check --format github|gitlab|sarif`: paths named from the root
//! of the git repository, only files that exist, GitHub's annotation limits,
//! and GitLab's and SARIF's published schemas (shipped in
//! `tests/data/schemas/`, see the README there).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use tempfile::TempDir;

/// The workbook's folder inside the repository.
const SUB: &str = "sites/harbour";

/// A git repository holding the half-done example in `sites/harbour`.
fn repository() -> (TempDir, PathBuf) {
    let repo = empty_dir();
    let home = empty_dir();
    git(home.path(), repo.path(), &["init", "-q"]);
    let wb = repo.path().join(SUB);
    copy_dir(&manifest_dir().join("examples").join(HALF_DONE), &wb);
    (repo, wb)
}

/// The `key=value` properties of a workflow command.
fn properties(line: &str) -> BTreeMap<String, String> {
    let head = line
        .strip_prefix("::")
        .and_then(|l| l.split_once("::"))
        .map_or("", |(head, _)| head);
    let props = head.split_once(' ').map_or("", |(_, p)| p);
    props
        .split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.replace("%3A", ":").replace("%2C", ",")))
        .collect()
}

/// The findings of `check --format json`, run in the workbook.
fn json_findings(wb: &Path) -> Vec<Value> {
    let (_, report) = check_json(wb, &[]);
    report["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn github_paths_start_at_the_repository_root_and_name_files_that_exist() {
    let (repo, wb) = repository();
    // The example has findings about files that do not exist (an answer
    // file of a step not started) and about folders: without them this
    // test could not fail.
    let elsewhere: Vec<String> = json_findings(&wb)
        .iter()
        .filter_map(|f| f["file"].as_str())
        .filter(|file| !wb.join(file).is_file())
        .map(str::to_string)
        .collect();
    assert!(
        !elsewhere.is_empty(),
        "every finding names a file that exists"
    );

    // From a folder inside the workbook, and from the repository's root with -C.
    let inside = wb.join("populations/heart-failure");
    for (dir, args) in [
        (inside.as_path(), vec!["check", "--format", "github"]),
        (repo.path(), vec!["-C", SUB, "check", "--format", "github"]),
    ] {
        let run = run(dir, &args);
        run.assert_code(1);
        let files: Vec<String> = run
            .stdout
            .lines()
            .filter_map(|l| properties(l).get("file").cloned())
            .collect();
        assert!(files.len() > 10, "{}", run.stdout);
        for file in &files {
            assert!(file.starts_with("sites/harbour/"), "{file}\n{}", run.stdout);
            assert!(repo.path().join(file).is_file(), "not a file: {file}");
        }
        // A finding about a folder or a missing file points at the
        // population's record, with no line, and names what it is about.
        let record = format!("{SUB}/populations/heart-failure/population.toml");
        assert!(
            run.stdout.lines().any(|l| {
                let p = properties(l);
                p.get("file") == Some(&record)
                    && !p.contains_key("line")
                    && l.contains("(in sites/harbour/populations/heart-failure")
            }),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn github_keeps_within_its_limits_and_says_how_many_are_not_shown() {
    let (repo, wb) = repository();
    let total = json_findings(&wb).len();
    let run = run(repo.path(), &["-C", SUB, "check", "--format", "github"]);
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &annotations {
        let kind = l[2..].split([' ', ':']).next().unwrap_or_default();
        *per_kind.entry(kind).or_default() += 1;
    }
    assert!(per_kind.values().all(|n| *n <= 10), "{per_kind:?}");
    assert!(annotations.len() <= 50);
    assert!(
        total > annotations.len(),
        "the example fits: this test could not fail"
    );
    let summary = annotations.last().expect("annotations");
    let hidden = total - (annotations.len() - 1);
    assert!(
        summary.starts_with("::notice ")
            && summary.contains(&format!("{hidden} more findings are not shown"))
            && summary.contains(&format!("covalue -C {SUB} check --verbose")),
        "{summary}"
    );
    // The command it gives shows them all.
    let all = common::run(repo.path(), &["-C", SUB, "check", "--verbose"]);
    let shown = all.stdout.matches("[CV").count();
    assert_eq!(shown, total, "{}", all.stdout);
}

#[test]
fn a_hostile_folder_name_is_quoted_in_the_command_given() {
    let repo = empty_dir();
    let home = empty_dir();
    git(home.path(), repo.path(), &["init", "-q"]);
    let sub = "it's $(touch pwned)";
    copy_dir(
        &manifest_dir().join("examples").join(HALF_DONE),
        &repo.path().join(sub),
    );
    let run = run(repo.path(), &["-C", sub, "check", "--format", "github"]);
    let summary = run
        .stdout
        .lines()
        .rfind(|l| l.starts_with("::notice "))
        .unwrap_or_default();
    let command = summary.split('`').nth(1).expect("a command in backquotes");
    assert_eq!(
        command,
        r"covalue -C 'it'\''s $(touch pwned)' check --verbose"
    );
    // Pasted into a shell, it checks that folder and runs nothing else.
    let pasted = command.replacen("covalue", &format!("'{}'", bin_path().display()), 1);
    let out = std::process::Command::new("sh")
        .args(["-c", &pasted])
        .current_dir(repo.path())
        .output()
        .expect("sh");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!repo.path().join("pwned").exists());
}

/// A validator for a schema in `tests/data/schemas/`, formats included.
fn validator(name: &str) -> jsonschema::Validator {
    let path = manifest_dir().join("tests/data/schemas").join(name);
    let schema: Value = serde_json::from_str(&read(&path)).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

/// Every way `instance` breaks the schema, one per line.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> String {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn gitlab_code_quality_follows_gitlab_s_schema() {
    let (repo, wb) = repository();
    let total = json_findings(&wb).len();
    let run = run(repo.path(), &["-C", SUB, "check", "--format", "gitlab"]);
    run.assert_code(1);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let items = report.as_array().expect("an array");
    assert_eq!(items.len(), total);
    let schema = validator("gitlab-codequality.json");
    let mut fingerprints = std::collections::HashSet::new();
    for item in items {
        let problems = errors(&schema, item);
        assert!(problems.is_empty(), "{problems}\n{item}");
        let severity = item["severity"].as_str().unwrap_or_default();
        assert!(
            ["info", "minor", "major", "critical", "blocker"].contains(&severity),
            "{item}"
        );
        let path = item["location"]["path"].as_str().unwrap_or_default();
        assert!(path.starts_with("sites/harbour/"), "{item}");
        assert!(repo.path().join(path).is_file(), "{item}");
        assert!(item["location"]["lines"]["begin"].as_u64() >= Some(1));
        assert!(
            fingerprints.insert(item["fingerprint"].to_string()),
            "{item}"
        );
    }
    // Something a GitLab reviewer would see: the process map's warning at its line.
    assert!(items.iter().any(|i| i["check_name"] == "CV012"
        && i["severity"] == "minor"
        && i["location"]["path"] == "sites/harbour/populations/heart-failure/process-map.toml"));
    // The same run gives the same fingerprints.
    let again = common::run(repo.path(), &["-C", SUB, "check", "--format", "gitlab"]);
    assert_eq!(again.stdout, run.stdout);
}

#[test]
fn sarif_follows_the_sarif_2_1_0_schema() {
    let (repo, wb) = repository();
    let total = json_findings(&wb).len();
    let run = run(&wb, &["check", "--format", "sarif"]);
    run.assert_code(1);
    let log: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let problems = errors(&validator("sarif-schema-2.1.0.json"), &log);
    assert!(problems.is_empty(), "{problems}");
    // The schema is strict about unknown properties: a misspelt one fails.
    let mut broken = log.clone();
    broken["runs"][0]["result"] = Value::Null;
    assert!(!errors(&validator("sarif-schema-2.1.0.json"), &broken).is_empty());

    let run0 = &log["runs"][0];
    assert_eq!(run0["properties"]["format_version"], 1);
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), total);
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("every result has a file");
        assert!(uri.starts_with("sites/harbour/"), "{r}");
        assert!(repo.path().join(uri).is_file(), "{r}");
    }
    assert!(results.iter().any(|r| r["ruleId"] == "CV012"
        && r["level"] == "warning"
        && r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(1)));
}

#[test]
fn text_is_the_format_for_people_and_human_still_works() {
    let wb = example(HALF_DONE);
    let text = run(wb.path(), &["check", "--format", "text"]);
    let human = run(wb.path(), &["check", "--format", "human"]);
    text.assert_code(1);
    assert_eq!(text.stdout, human.stdout);
    assert!(text.stdout.contains("warning[CV012]"));
    let help = run(wb.path(), &["check", "--help"]);
    assert!(
        help.stdout.contains("text") && !help.stdout.contains("human"),
        "{}",
        help.stdout
    );
}

/// The YAML blocks of docs/ci.md.
fn ci_doc_yaml() -> Vec<String> {
    let doc = read(&manifest_dir().join("docs/ci.md"));
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim()) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap_or_default()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// The folder of this build's `covalue`, to put first on PATH.
fn path_with_covalue() -> std::ffi::OsString {
    let dir = bin_path().parent().expect("bin folder").to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&rest))).expect("PATH")
}

#[test]
fn the_gitlab_script_in_the_docs_prints_the_form_even_when_check_fails() {
    let script: Vec<String> = ci_doc_yaml()
        .iter()
        .filter_map(|b| serde_yaml::from_str::<serde_yaml::Value>(b).ok())
        .filter_map(|v| v.get("covalue")?.get("script")?.as_sequence().cloned())
        .flatten()
        .filter_map(|line| line.as_str().map(str::to_string))
        .filter(|line| !line.starts_with("cargo install"))
        .collect();
    assert!(script.len() >= 3, "{script:?}");
    // GitLab runs the lines in one shell that stops at the first failure.
    let body = script.join("\n");
    for (example, code) in [(HALF_DONE, 1), ("lakeside-ms", 0)] {
        let (repo, wb) = {
            let repo = empty_dir();
            let home = empty_dir();
            git(home.path(), repo.path(), &["init", "-q"]);
            let wb = repo.path().to_path_buf();
            copy_dir(&manifest_dir().join("examples").join(example), &wb);
            (repo, wb)
        };
        let out = std::process::Command::new("bash")
            .args(["-e", "-o", "pipefail", "-c", &body])
            .current_dir(&wb)
            .env("PATH", path_with_covalue())
            .env("NO_COLOR", "1")
            .output()
            .expect("bash");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(code), "{example}: {stdout}");
        assert!(
            wb.join("out/short-form.html").is_file(),
            "{example}: no form"
        );
        let report: Value =
            serde_json::from_str(&read(&wb.join("gl-code-quality-report.json"))).expect("JSON");
        let schema = validator("gitlab-codequality.json");
        for item in report.as_array().expect("an array") {
            let problems = errors(&schema, item);
            assert!(problems.is_empty(), "{problems}");
        }
        if code == 1 {
            assert!(
                stdout.contains("error[CV016]"),
                "the job's log says why: {stdout}"
            );
        }
        drop(repo);
    }
}

/// Whether `tool` runs; when not, says the test is skipped, except under
/// `CI=true`, where `.ci/run` has installed it and its absence fails.
fn have(tool: &str, install: &str) -> bool {
    let found = std::process::Command::new(tool)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var("CI").as_deref() == Ok("true") {
        panic!("{tool} is not installed; .ci/run installs it ({install})");
    }
    if !found {
        eprintln!("skipped: {tool} is not installed ({install})");
    }
    found
}

#[test]
fn pre_commit_accepts_the_config_in_the_docs_and_the_hooks_file() {
    if !have("pre-commit", "pip install pre-commit") {
        return;
    }
    let config = ci_doc_yaml()
        .into_iter()
        .find(|b| b.contains("repos:"))
        .expect("a .pre-commit-config.yaml in docs/ci.md");
    let dir = empty_dir();
    write(&dir.path().join(".pre-commit-config.yaml"), &config);
    let validate = |args: &[&str], dir: &Path| {
        let out = std::process::Command::new("pre-commit")
            .args(args)
            .current_dir(dir)
            .env("PRE_COMMIT_HOME", dir.join(".cache"))
            .output()
            .expect("pre-commit");
        (
            out.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    let (code, said) = validate(&["validate-config", ".pre-commit-config.yaml"], dir.path());
    assert_eq!(code, Some(0), "{config}\n{said}");
    // The unquoted hash of the old docs is refused: this test can fail.
    write(
        &dir.path().join(".pre-commit-config.yaml"),
        config.replace("rev: \"", "rev: ").replace("0\"", "0"),
    );
    let (code, said) = validate(&["validate-config", ".pre-commit-config.yaml"], dir.path());
    assert_eq!(code, Some(1), "{said}");
    let (code, said) = validate(
        &["validate-manifest", ".pre-commit-hooks.yaml"],
        &manifest_dir(),
    );
    assert_eq!(code, Some(0), "{said}");
}
