//! Fitting the tools teams already use: shell completions, man pages, JSON
//! Schema for editors (validated with taplo when it is installed), help
//! examples, version, and the pre-commit hooks file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_dir, manifest_dir};

/// git in a fixture repository that is its own home folder.
fn git(dir: &Path, args: &[&str]) -> String {
    common::git(dir, dir, args)
}

/// `covalue`, started in the project's folder (with the shared test settings).
fn covalue() -> assert_cmd::Command {
    common::covalue(&manifest_dir())
}

/// Runs a command: its exit code, standard output and standard error.
fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run covalue: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// The names of the sub-commands, read from `covalue --help`.
fn subcommands() -> Vec<String> {
    let (code, help, _) = run(covalue().arg("--help"));
    assert_eq!(code, 0);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// A new workbook in `root` with one population, `ms`, as `init` and `new` write them.
fn scaffolded(root: &Path) {
    assert_eq!(
        run(covalue()
            .current_dir(root)
            .args(["init", "-q", "--title", "T"]))
        .0,
        0
    );
    assert_eq!(
        run(covalue()
            .current_dir(root)
            .args(["new", "-q", "population", "ms"]))
        .0,
        0
    );
}

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    let commands = subcommands();
    assert!(commands.len() >= 8, "{commands:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = run(covalue().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        for c in &commands {
            assert!(
                script.contains(c.as_str()),
                "{shell} completion does not mention `{c}`"
            );
        }
    }
    let (code, _, err) = run(covalue().args(["completions", "tcsh"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("bash"),
        "the error should list the shells: {err}"
    );
}

#[test]
fn completions_leave_out_hidden_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = run(covalue().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        for hidden in ["git-driver", "git-textconv"] {
            assert!(
                !script.contains(hidden),
                "{shell} completion offers the hidden --{hidden}"
            );
        }
    }
}

/// The completion script for `shell`, written into a fresh folder as `file`.
fn completion_script(shell: &str, file: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, script, err) = run(covalue().args(["completions", shell]));
    assert_eq!(code, 0, "{shell}: {err}");
    let path = dir.path().join(file);
    std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// The words a shell offers, sorted.
fn sorted(words: impl Iterator<Item = String>) -> Vec<String> {
    let mut words: Vec<String> = words.collect();
    words.sort();
    words.dedup();
    words
}

const FORMATS: [&str; 4] = ["html", "json", "md", "text"];
const KINDS: [&str; 4] = ["carer", "family", "patient", "professional"];

#[test]
fn fish_loads_the_script_and_offers_formats_and_kinds() {
    if !have_tool("fish", "fish") {
        return;
    }
    let (_dir, script) = completion_script("fish", "covalue.fish");
    let offered = |line: &str| {
        let out = Command::new("fish")
            .arg("--no-config")
            .arg("-c")
            .arg(format!("source {}; complete -C '{line}'", script.display()))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            out.status.success() && err.is_empty(),
            "fish cannot load the script: {err}"
        );
        sorted(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.split('\t').next())
                .map(str::to_string),
        )
    };
    assert_eq!(offered("covalue diff --format "), FORMATS);
    assert_eq!(offered("covalue new persona ms ann --kind "), KINDS);
    assert!(
        !offered("covalue diff --")
            .iter()
            .any(|o| o == "--git-driver"),
        "fish offers the hidden --git-driver"
    );
}

#[test]
fn bash_offers_formats_and_kinds() {
    if !have_tool("bash", "bash") {
        return;
    }
    let (_dir, script) = completion_script("bash", "covalue.bash");
    let offered = |words: &[&str]| {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let current = words.len() - 1;
        let previous = words[current - 1];
        let out = Command::new("bash")
            .arg("--norc")
            .arg("-c")
            .arg(format!(
                "source {}; COMP_WORDS=({}); COMP_CWORD={current}; COMP_LINE='{}'; \
                 COMP_POINT=${{#COMP_LINE}}; _covalue covalue '{}' '{previous}'; \
                 printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                script.display(),
                quoted.join(" "),
                words.join(" "),
                words[current],
            ))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        sorted(
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .map(str::to_string),
        )
    };
    assert_eq!(offered(&["covalue", "diff", "--format", ""]), FORMATS);
    assert_eq!(
        offered(&["covalue", "new", "persona", "ms", "ann", "--kind", ""]),
        KINDS
    );
    assert!(
        !offered(&["covalue", "diff", "--"])
            .iter()
            .any(|o| o == "--git-driver"),
        "bash offers the hidden --git-driver"
    );
}

/// Drives an interactive zsh through zpty: loads `_covalue` from `fpath`,
/// types `$2` and a tab, and prints what zsh shows.
const ZSH_TAB: &str = r#"
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; LISTMAX=1000"
zpty -w z "echo READY"
zpty -r z line '*READY*'
zpty -n -w z "$2"$'\t'
out=''
for i in {1..100}; do
  while zpty -r -t z chunk; do out+=$chunk; done
  [[ $out == *"$3"* ]] && break
  sleep 0.1
done
sleep 0.3
while zpty -r -t z chunk; do out+=$chunk; done
print -r -- "$out"
zpty -d z
"#;

#[test]
fn zsh_offers_formats_and_kinds() {
    if !have_tool("zsh", "zsh") {
        return;
    }
    let (dir, _) = completion_script("zsh", "_covalue");
    let offered = |line: &str, last: &str| {
        let out = Command::new("zsh")
            .arg("-f")
            .arg("-c")
            .arg(ZSH_TAB)
            .arg("zsh")
            .arg(dir.path())
            .arg(line)
            .arg(last)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        // Candidates are listed as `value  -- help`; drop terminal escapes first.
        let plain: String = strip_escapes(&text);
        sorted(
            plain
                .split(['\r', '\n'])
                .filter(|l| l.contains(" -- "))
                .filter_map(|l| l.split_whitespace().next())
                .map(str::to_string),
        )
    };
    assert_eq!(offered("covalue diff --format ", "text"), FORMATS);
    assert_eq!(
        offered("covalue new persona ms ann --kind ", "professional"),
        KINDS
    );
}

/// Text without ANSI escape sequences (ESC [ … letter).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        }
    }
    out
}

#[test]
fn man_writes_a_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(covalue().args(["man", "-q"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let main = std::fs::read_to_string(dir.path().join("covalue.1")).unwrap_or_default();
    assert!(main.contains(".TH covalue 1"), "{main}");
    for c in subcommands() {
        let page =
            std::fs::read_to_string(dir.path().join(format!("covalue-{c}.1"))).unwrap_or_default();
        assert!(
            page.contains(".SH NAME"),
            "covalue-{c}.1 is missing or empty"
        );
    }
    let (code, text, _) = run(covalue().arg("man"));
    assert_eq!(code, 0);
    assert!(
        text.contains(".TH covalue 1") && text.contains("covalue\\-check"),
        "man to standard output"
    );
}

/// Whether `tool` can be started; when not, prints why the test is skipped,
/// except under `CI=true`, where a missing tool fails the test.
fn have_tool(tool: &str, package: &str) -> bool {
    // With nothing on standard input, each of them starts and ends at once.
    let found = Command::new(tool)
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok();
    if found {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{tool} is not installed; .ci/run installs it (apt-get install {package})");
    }
    eprintln!("skipped: {tool} is not installed (apt-get install {package})");
    false
}

#[test]
fn man_pages_name_only_pages_that_exist_and_show_the_version_and_value_names() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(covalue().args(["man", "-q"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    for nested in ["covalue-new-population.1", "covalue-new-persona.1"] {
        assert!(
            names.iter().any(|n| n == nested),
            "{nested} missing: {names:?}"
        );
    }
    let version = env!("CARGO_PKG_VERSION");
    for name in &names {
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
        let title = page.lines().find(|l| l.starts_with(".TH")).unwrap_or("");
        assert!(
            title.contains(&format!("\"covalue {version}\"")),
            "{name}: the footer should show covalue's version: {title}"
        );
        // Every `covalue-…(1)` the page names is written too.
        for word in page.split(|c: char| c.is_whitespace()) {
            if let Some(target) = word.strip_suffix("(1)") {
                let file = format!("{}.1", target.replace("\\-", "-"));
                assert!(
                    names.contains(&file),
                    "{name} refers to {target}(1), but {file} was not written"
                );
            }
        }
    }
    let check = std::fs::read_to_string(dir.path().join("covalue-check.1")).unwrap_or_default();
    let synopsis = check
        .lines()
        .skip_while(|l| *l != ".SH SYNOPSIS")
        .nth(1)
        .unwrap_or("");
    for part in ["-C DIR", "--form FORM", "--population SLUG"] {
        assert!(
            synopsis.replace("\\-", "-").contains(part),
            "the synopsis should keep value names ({part}): {synopsis}"
        );
    }
}

#[test]
fn mandoc_lint_finds_no_warnings_in_the_man_pages() {
    if !have_tool("mandoc", "mandoc") {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(covalue().args(["man", "-q"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    pages.sort();
    assert!(pages.len() > 10, "{pages:?}");
    let out = Command::new("mandoc")
        .args(["-T", "lint", "-W", "warning"])
        .args(&pages)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let report =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "mandoc -T lint -W warning:\n{report}"
    );
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    for c in subcommands() {
        let (code, help, _) = run(covalue().args([c.as_str(), "--help"]));
        assert_eq!(code, 0);
        let tail: Vec<&str> = help.trim_end().lines().rev().take(4).collect();
        assert!(
            help.contains("Examples:")
                && tail.iter().any(|l| l.trim_start().starts_with("covalue")),
            "`covalue {c} --help` should end with examples:\n{help}"
        );
    }
}

#[test]
fn version_names_the_builtin_guide() {
    let (code, out, _) = run(covalue().arg("--version"));
    assert_eq!(code, 0);
    assert!(
        out.contains("covalue ") && out.contains("guide: CO-VALUE 1.1"),
        "{out}"
    );
}

#[test]
fn schemas_carry_the_guides_allowed_values() {
    let (code, out, err) = run(covalue().arg("schema"));
    assert_eq!(code, 0, "{err}");
    let all: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    for name in [
        "covalue",
        "population",
        "process-map",
        "value-compass",
        "persona",
    ] {
        assert!(
            all.get(format!("{name}.schema.json")).is_some(),
            "no schema for {name}"
        );
    }
    let step = &all["process-map.schema.json"]["properties"]["step"]["items"];
    let levels = step["properties"]["coproduction"]["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        levels,
        [
            "none",
            "civil-discourse",
            "shared-planning",
            "shared-execution"
        ]
    );
    assert_eq!(step["additionalProperties"], false);
    let required = step["required"].as_array().cloned().unwrap_or_default();
    assert!(required.iter().any(|r| r == "coproduction"));
}

#[test]
fn init_and_new_write_schemas_and_schema_lines() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    scaffolded(root);
    for name in [
        "covalue",
        "population",
        "process-map",
        "value-compass",
        "persona",
    ] {
        assert!(
            root.join(format!("schemas/{name}.schema.json")).is_file(),
            "schemas/{name}.schema.json"
        );
    }
    let first_line = |p: &Path| {
        std::fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        first_line(&root.join("covalue.toml")),
        "#:schema ./schemas/covalue.schema.json"
    );
    assert_eq!(
        first_line(&root.join("populations/ms/process-map.toml")),
        "#:schema ../../schemas/process-map.schema.json"
    );
    // Every schema line points at a file that exists.
    for file in [
        "covalue.toml",
        "populations/ms/population.toml",
        "populations/ms/process-map.toml",
        "populations/ms/value-compass.toml",
    ] {
        let line = first_line(&root.join(file));
        let target = line.trim_start_matches("#:schema ").to_string();
        let base = root
            .join(file)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        assert!(base.join(&target).is_file(), "{file}: {line}");
    }
}

/// taplo from PATH or from `COVALUE_TAPLO`; None (with a printed reason) when absent outside CI.
fn taplo() -> Option<PathBuf> {
    let candidate = std::env::var_os("COVALUE_TAPLO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("taplo"));
    // `taplo --version` prints its version but may exit 1: look at what it says.
    if Command::new(&candidate)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("taplo"))
    {
        return Some(candidate);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("taplo is not installed; .ci/run installs it (npm @taplo/cli)");
    }
    eprintln!("skipped: taplo is not installed (npm install -g @taplo/cli)");
    None
}

#[test]
fn taplo_accepts_the_examples_and_rejects_a_broken_file() {
    let Some(taplo) = taplo() else { return };
    for example in ["lakeside-ms", "harbour-heart-failure"] {
        let dir = manifest_dir().join("examples").join(example);
        let out = Command::new(&taplo)
            .arg("check")
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "taplo rejects {example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    scaffolded(root);
    let map = root.join("populations/ms/process-map.toml");
    let text = std::fs::read_to_string(&map).unwrap_or_default()
        + "\n[[step]]\nid = \"first-visit\"\ntitle = \"First visit\"\ncoproduction = \"sometimes\"\n";
    std::fs::write(&map, text).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(&taplo)
        .arg("check")
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !out.status.success(),
        "taplo should reject coproduction = \"sometimes\""
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("sometimes"));
}

#[test]
fn pre_commit_hooks_run_covalue_check() {
    let text =
        std::fs::read_to_string(manifest_dir().join(".pre-commit-hooks.yaml")).unwrap_or_default();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let hooks = hooks.as_sequence().cloned().unwrap_or_default();
    assert!(!hooks.is_empty());
    for hook in hooks {
        let entry = hook["entry"].as_str().unwrap_or("");
        assert!(entry.starts_with("covalue check"), "{entry}");
        assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
        // The entry is a valid command line on the complete example.
        let args: Vec<&str> = entry.split_whitespace().skip(1).collect();
        let (code, _, err) = run(covalue()
            .current_dir(manifest_dir().join("examples/lakeside-ms"))
            .args(&args));
        assert_eq!(code, 0, "{entry}: {err}");
    }
}

#[test]
fn git_diff_shows_workbook_files_by_meaning_after_git_setup() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &root);
    git(&root, &["init", "-q"]);
    let (code, out, err) = run(covalue().current_dir(&root).arg("git-setup"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".gitattributes"), "{out}");
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap_or_default();
    assert!(
        attributes.contains("populations/**/*.toml diff=covalue"),
        "{attributes}"
    );
    let setting = |key: &str| git_with_driver(dir.path(), &root, &["config", "--get", key]).1;
    // textconv by default; external on request, which removes the other.
    // This covalue, by its absolute path.
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_covalue"))
        .unwrap_or_else(|e| panic!("{e}"))
        .display()
        .to_string();
    let textconv = setting("diff.covalue.textconv");
    assert!(
        textconv.contains(&bin) && textconv.contains("diff --git-textconv"),
        "{textconv}"
    );
    let merge = setting("merge.covalue.driver");
    assert!(
        merge.contains(&bin) && merge.contains("merge-driver"),
        "{merge}"
    );
    assert_eq!(setting("diff.covalue.command"), "");
    let external = ["git-setup", "--mode", "external"];
    assert_eq!(run(covalue().current_dir(&root).args(external)).0, 0);
    let command = setting("diff.covalue.command");
    assert!(
        command.contains(&bin) && command.contains("diff --git-driver"),
        "{command}"
    );
    assert_eq!(setting("diff.covalue.textconv"), "");
    // Running it again adds nothing.
    assert_eq!(run(covalue().current_dir(&root).args(external)).0, 0);
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes")).unwrap_or_default(),
        attributes
    );

    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "session 1"]);
    let map = root.join("populations/ms/process-map.toml");
    let text = std::fs::read_to_string(&map).unwrap_or_default();
    let changed = text.replacen(
        "coproduction = \"none\"",
        "coproduction = \"shared-execution\"",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&map, changed).unwrap_or_else(|e| panic!("{e}"));

    // git runs the driver found on PATH: this build's covalue comes first.
    let (code, shown, err) = git_with_driver(
        dir.path(),
        &root,
        &["diff", "--", "populations/ms/process-map.toml"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        shown.contains("coproduction none → shared-execution"),
        "git diff should show the field change:\n{shown}"
    );
    assert!(!shown.contains("@@"), "not a line diff:\n{shown}");
}

#[test]
fn git_driver_falls_back_to_a_line_diff_outside_populations() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    std::fs::write(&old, "a\nb\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&new, "a\nc\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(covalue()
        .current_dir(dir.path())
        .args(["diff", "--git-driver", "notes.txt"])
        .arg(&old)
        .args(["0", "100644"])
        .arg(&new)
        .args(["0", "100644"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("-b") && out.contains("+c"), "{out}");
}

/// The YAML blocks of a Markdown file.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim()) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_ci_workflows_in_the_docs_parse_and_their_covalue_commands_run() {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/ci.md")).unwrap_or_default();
    let blocks = yaml_blocks(&doc);
    assert!(
        blocks.len() >= 3,
        "docs/ci.md should hold the GitHub, GitLab and pre-commit examples"
    );
    let mut commands = Vec::new();
    for block in &blocks {
        let value: serde_yaml::Value =
            serde_yaml::from_str(block).unwrap_or_else(|e| panic!("{e}:\n{block}"));
        // GitHub: jobs.*.steps[].run; GitLab: *.script[].
        let mut runs = Vec::new();
        if let Some(jobs) = value.get("jobs").and_then(|j| j.as_mapping()) {
            for (_, job) in jobs {
                for step in job
                    .get("steps")
                    .and_then(|s| s.as_sequence())
                    .into_iter()
                    .flatten()
                {
                    runs.extend(step.get("run").and_then(|r| r.as_str()).map(str::to_string));
                }
            }
        }
        if let Some(map) = value.as_mapping() {
            for (_, job) in map {
                for line in job
                    .get("script")
                    .and_then(|s| s.as_sequence())
                    .into_iter()
                    .flatten()
                {
                    runs.extend(line.as_str().map(str::to_string));
                }
            }
        }
        commands.extend(runs.into_iter().filter(|r| r.starts_with("covalue ")));
    }
    assert!(
        commands.iter().any(|c| c.contains("--format github")),
        "{commands:?}"
    );
    assert!(
        commands.iter().any(|c| c.starts_with("covalue render")),
        "{commands:?}"
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &root);
    for command in commands {
        // `> file` redirections and `|| true` are the shell's; covalue gets the words before them.
        let command = command.trim_end_matches("|| true").trim_end().to_string();
        let (words, redirect) = match command.split_once(" > ") {
            Some((words, file)) => (words.to_string(), Some(file.trim().to_string())),
            None => (command.clone(), None),
        };
        let args: Vec<&str> = words.split_whitespace().skip(1).collect();
        let (code, out, err) = run(covalue().current_dir(&root).args(&args));
        assert_eq!(code, 0, "`{command}` on the complete example: {err}");
        if let Some(file) = redirect {
            let parsed: serde_json::Value =
                serde_json::from_str(&out).unwrap_or_else(|e| panic!("`{command}`: {e}"));
            // covalue's report, or GitLab's Code Quality report (an array).
            assert!(
                parsed.get("findings").is_some() || parsed.is_array(),
                "{file}"
            );
        }
    }
    assert!(
        root.join("out/short-form.html").is_file(),
        "the artefact the workflow uploads"
    );
}

/// `git` in `root` with this build's covalue first on PATH (git runs the
/// diff driver from PATH), a home folder of its own and no colour.
fn git_with_driver(home: &Path, root: &Path, args: &[&str]) -> (i32, String, String) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_covalue"));
    let path = format!(
        "{}:{}",
        bin.parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// What git shows through the configured filter or driver, for one mode of
/// `covalue git-setup`: the lines that tell the two apart.
struct Expect {
    mode: &'static str,
    /// In `git diff` of the process map's change, and in `git log -p`
    /// (textconv) or `git log -p --ext-diff` (external).
    meaning: &'static str,
    /// The option that turns the mode on where git leaves it off.
    on: &'static str,
    /// The option that turns it off, for a patch.
    off: &'static str,
}

const TEXTCONV: Expect = Expect {
    mode: "textconv",
    meaning: "+  coproduction: shared-execution",
    on: "--textconv",
    off: "--no-textconv",
};

const EXTERNAL: Expect = Expect {
    mode: "external",
    meaning: "coproduction none → shared-execution",
    on: "--ext-diff",
    off: "--no-ext-diff",
};

/// The plain line git shows for the process map's change.
const RAW: &str = "+coproduction = \"shared-execution\"";

/// Writes `text` to `root/rel`.
fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join(rel), text).unwrap_or_else(|e| panic!("{rel}: {e}"));
}

/// `root/rel` with its first `from` replaced by `to`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    assert!(text.contains(from), "{rel} has no {from:?}");
    write(root, rel, &text.replacen(from, to, 1));
}

const MAP: &str = "populations/ms/process-map.toml";
const PERSONAS: &str = "populations/ms/personas";

/// Runs git through the configured driver and expects it to succeed.
fn git_ok(home: &Path, root: &Path, args: &[&str]) -> String {
    let (code, out, err) = git_with_driver(home, root, args);
    assert_eq!(code, 0, "git {args:?}: {err}");
    assert!(!err.contains("external diff died"), "git {args:?}: {err}");
    out
}

/// The lakeside example, committed, in a repository set up by `covalue
/// git-setup --mode MODE`; then every kind of change git knows, through the
/// configured filter or driver.
fn git_in_mode(expect: &Expect) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let home = dir.path();
    let root = dir.path().join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &root);
    git(&root, &["init", "-q"]);
    let (code, _, err) =
        run(covalue()
            .current_dir(&root)
            .args(["git-setup", "-q", "--mode", expect.mode]));
    assert_eq!(code, 0, "{err}");
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "session 1"]);

    // Rename (with a change), copy, delete, add, mode change and a field
    // changed, all in one staged change.
    git(
        &root,
        &[
            "mv",
            &format!("{PERSONAS}/asa.md"),
            &format!("{PERSONAS}/asa-b.md"),
        ],
    );
    edit(
        &root,
        &format!("{PERSONAS}/asa-b.md"),
        "Åsa is 34",
        "Åsa is 35",
    );
    let per = std::fs::read_to_string(root.join(format!("{PERSONAS}/per.md"))).unwrap_or_default();
    write(&root, &format!("{PERSONAS}/per-copy.md"), &per);
    git(&root, &["rm", "-q", &format!("{PERSONAS}/goran.md")]);
    write(
        &root,
        &format!("{PERSONAS}/nora.md"),
        "---\nname: Nora\nkind: patient\ncomposite: true\n---\n\nNora is 52.\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = root.join("populations/ms/population.toml");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    edit(
        &root,
        MAP,
        "coproduction = \"none\"",
        "coproduction = \"shared-execution\"",
    );
    git(&root, &["add", "-A"]);
    let shown = git_ok(
        home,
        &root,
        &["diff", "--cached", "-M", "-C", "--find-copies-harder"],
    );
    assert!(shown.contains(expect.meaning), "{}:\n{shown}", expect.mode);
    for name in [
        "asa-b.md",
        "per-copy.md",
        "goran.md",
        "nora.md",
        "population.toml",
    ] {
        assert!(
            shown.contains(name),
            "{}: {name} missing:\n{shown}",
            expect.mode
        );
    }
    #[cfg(unix)]
    assert!(shown.contains("new mode 100755"), "{shown}");
    if expect.mode == "textconv" {
        // git's own headers, and hunks of covalue's lines.
        for line in [
            "rename from populations/ms/personas/asa.md",
            "copy from populations/ms/personas/per.md",
            "deleted file mode 100644",
            "+name: Nora",
            "-name: Göran",
            "+Åsa is 35 and lives",
            // The hunk header names the record the change is in.
            "@@ [step first-symptoms]",
        ] {
            assert!(shown.contains(line), "{line:?} missing:\n{shown}");
        }
    } else {
        assert!(
            shown.contains("a/populations/ms/personas/asa.md → b/populations/ms/personas/asa-b.md"),
            "{shown}"
        );
        assert!(!shown.contains("rename from"), "{shown}");
    }
    let stat = git_ok(home, &root, &["diff", "--cached", "-M", "--stat"]);
    assert!(stat.contains("asa.md => asa-b.md"), "{stat}");
    git(&root, &["commit", "-qm", "session 2"]);

    // git log -p: textconv applies by itself; an external diff needs --ext-diff.
    let log = git_ok(home, &root, &["log", "-p", "-M", "-1"]);
    if expect.mode == "textconv" {
        assert!(log.contains(expect.meaning), "{log}");
    } else {
        assert!(log.contains(RAW) && !log.contains(expect.meaning), "{log}");
        let log = git_ok(home, &root, &["log", "-p", "-M", "-1", "--ext-diff"]);
        assert!(log.contains(expect.meaning), "{log}");
    }
    let show = git_ok(home, &root, &["show", expect.on, "-M", "HEAD"]);
    assert!(show.contains(expect.meaning), "{show}");

    // git stash show -p is plain in both modes, unless asked.
    edit(
        &root,
        MAP,
        "coproduction = \"civil-discourse\"",
        "coproduction = \"shared-planning\"",
    );
    git(&root, &["stash", "-q"]);
    let plain = git_ok(home, &root, &["stash", "show", "-p"]);
    assert!(
        plain.contains("+coproduction = \"shared-planning\""),
        "{plain}"
    );
    let asked = git_ok(home, &root, &["stash", "show", "-p", expect.on]);
    assert!(
        !asked.contains("+coproduction = \"shared-planning\"") && asked.contains("shared-planning"),
        "{asked}"
    );
    git(&root, &["stash", "pop", "-q"]);

    // A patch: `git diff > x.patch` is covalue's view, which git apply
    // refuses; with the mode turned off it is a patch that applies.
    let changed = std::fs::read_to_string(root.join(MAP)).unwrap_or_default();
    let view = git_ok(home, &root, &["diff"]);
    let patch = git_ok(home, &root, &["diff", expect.off]);
    write(&root, "../view.patch", &view);
    write(&root, "../x.patch", &patch);
    git(&root, &["checkout", "-q", "--", MAP]);
    let (code, _, _) = git_with_driver(home, &root, &["apply", "../view.patch"]);
    assert_ne!(code, 0, "{} view applied as a patch:\n{view}", expect.mode);
    git_ok(home, &root, &["apply", "../x.patch"]);
    assert_eq!(
        std::fs::read_to_string(root.join(MAP)).unwrap_or_default(),
        changed
    );
    // git format-patch never uses either: its patch applies.
    git(&root, &["commit", "-qam", "session 3"]);
    let mail = git_ok(home, &root, &["format-patch", "-1", "--stdout"]);
    assert!(
        mail.contains("+coproduction = \"shared-planning\""),
        "{mail}"
    );
    write(&root, "../mail.patch", &mail);
    git(&root, &["reset", "-q", "--hard", "HEAD~1"]);
    git_ok(home, &root, &["apply", "../mail.patch"]);
    assert_eq!(
        std::fs::read_to_string(root.join(MAP)).unwrap_or_default(),
        changed
    );
    git(&root, &["checkout", "-q", "--", MAP]);

    // A process map that no longer parses: git diff still works, and the
    // line being fixed is there as written, not a parse error.
    let text = std::fs::read_to_string(root.join(MAP)).unwrap_or_default();
    write(&root, MAP, &format!("{text}step = [\n"));
    let out = git_ok(home, &root, &["diff"]);
    assert!(out.contains("+step = ["), "{out}");
    assert!(!out.contains("process-map.toml/populations"), "{out}");
    assert!(!out.contains("CV002"), "{out}");
}

#[test]
fn git_through_the_textconv_filter() {
    git_in_mode(&TEXTCONV);
}

#[test]
fn git_through_the_external_driver() {
    git_in_mode(&EXTERNAL);
}

#[test]
fn textconv_prints_a_file_it_cannot_render_as_it_is() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let broken = "title = \"half\nstep = [\n\u{1}";
    std::fs::write(dir.path().join("a.toml"), broken).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("b.md"), b"\xff\xfe not text").unwrap_or_else(|e| panic!("{e}"));
    for (file, expected) in [
        ("a.toml", broken.as_bytes()),
        ("b.md", b"\xff\xfe not text"),
    ] {
        let out = covalue()
            .current_dir(dir.path())
            .args(["diff", "--git-textconv", file])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0), "{file}");
        assert_eq!(out.stdout, expected, "{file}");
    }
    // Not a regular file: one line saying so, and still exit 0.
    let (code, out, _) =
        run(covalue()
            .current_dir(dir.path())
            .args(["diff", "--git-textconv", "."]));
    assert_eq!(code, 0);
    assert!(out.starts_with("(covalue cannot read this file"), "{out}");
    // A link is not followed, and a guide the file names is not read.
    #[cfg(unix)]
    {
        let secret = dir.path().join("secret.md");
        std::fs::write(&secret, "the secret\n").unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&secret, dir.path().join("link.md"))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            dir.path().join("covalue.toml"),
            "title = \"T\"\nguide = \"secret.md\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for file in ["link.md", "covalue.toml"] {
            let (code, out, _) =
                run(covalue()
                    .current_dir(dir.path())
                    .args(["diff", "--git-textconv", file]));
            assert_eq!(code, 0, "{file}");
            assert!(!out.contains("the secret"), "{file}: {out}");
        }
    }
}

/// The hooks of `.pre-commit-hooks.yaml`: (id, entry, language).
fn pre_commit_hooks() -> Vec<(String, String, String)> {
    let text =
        std::fs::read_to_string(manifest_dir().join(".pre-commit-hooks.yaml")).unwrap_or_default();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let field = |hook: &serde_yaml::Value, key: &str| hook[key].as_str().unwrap_or("").to_string();
    hooks
        .as_sequence()
        .into_iter()
        .flatten()
        .map(|h| (field(h, "id"), field(h, "entry"), field(h, "language")))
        .collect()
}

#[test]
fn pre_commit_hooks_use_the_installed_covalue_and_have_rust_variants() {
    let hooks = pre_commit_hooks();
    let find = |id: &str| hooks.iter().find(|(i, _, _)| i == id).cloned();
    for id in ["covalue-check", "covalue-check-privacy"] {
        assert!(find(id).is_some(), "no hook {id}");
    }
    for (id, entry, language) in hooks.iter().filter(|(i, _, _)| !i.ends_with("-rust")) {
        assert_eq!(language, "system", "{id} should run the covalue on PATH");
        let rust = find(&format!("{id}-rust")).unwrap_or_else(|| panic!("no {id}-rust"));
        assert_eq!(&rust.1, entry, "{id}-rust should run what {id} runs");
        assert_eq!(rust.2, "rust");
    }
    let privacy = find("covalue-check-privacy").unwrap_or_default();
    assert!(privacy.1.contains("--only privacy"), "{}", privacy.1);
}

#[test]
fn the_privacy_hook_reports_identifiers_and_nothing_else() {
    let entry = pre_commit_hooks()
        .into_iter()
        .find(|(id, _, _)| id == "covalue-check-privacy")
        .map(|(_, entry, _)| entry)
        .unwrap_or_default();
    let args: Vec<&str> = entry.split_whitespace().skip(1).collect();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    // A new workbook: full of open questions, which the privacy hook leaves alone.
    scaffolded(root);
    let (code, out, err) = run(covalue()
        .current_dir(root)
        .args(&args)
        .args(["--format", "json"]));
    assert_eq!(code, 0, "{entry} on a new workbook: {out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(0),
        "{out}"
    );
    // The full check does fail on a new workbook, so the filter is what keeps it quiet.
    let (full, _, _) = run(covalue()
        .current_dir(root)
        .args(["check", "--fail-on", "open"]));
    assert_eq!(full, 1);
    std::fs::write(root.join("notes.txt"), "ring Jane on 07700 900123\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(covalue()
        .current_dir(root)
        .args(&args)
        .args(["--format", "json"]));
    assert_eq!(code, 1, "{entry} should stop the commit: {out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.is_empty(), "{out}");
    assert!(codes.iter().all(|c| *c == "CV030"), "{codes:?}");
}

#[test]
fn taplo_rejects_a_persona_that_is_not_composite() {
    let Some(taplo) = taplo() else { return };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    let (code, _, err) = run(covalue()
        .current_dir(root)
        .args(["schema", "-q", "--output", "schemas"]));
    assert_eq!(code, 0, "{err}");
    // taplo reads TOML only: the persona's front matter, written as TOML,
    // against the schema editors use for it.
    let persona = |composite: bool| {
        format!(
            "#:schema ./schemas/persona.schema.json\nname = \"Ann\"\nkind = \"patient\"\ncomposite = {composite}\n"
        )
    };
    for (composite, valid) in [(true, true), (false, false)] {
        let file = root.join(format!("persona-{composite}.toml"));
        std::fs::write(&file, persona(composite)).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new(&taplo)
            .arg("check")
            .arg(&file)
            .current_dir(root)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            out.status.success(),
            valid,
            "composite = {composite}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
