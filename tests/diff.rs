//! `covalue diff`, run as a user would: fixture repositories are made in
//! temporary folders with the `git` command (init, commit, tag), and the
//! real binary compares their revisions, folders and working trees.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{copy_dir, git, manifest_dir as project};
use tempfile::TempDir;

const EXAMPLE: &str = "examples/harbour-heart-failure";
const POP: &str = "populations/heart-failure";

/// A temporary folder with a workbook kept in git.
struct Fixture {
    tmp: TempDir,
    /// The workbook's root (the repository's root, unless made in a sub-folder).
    root: PathBuf,
}

impl Fixture {
    /// The Harbour example in a fresh repository, committed and tagged `session-1`.
    fn new() -> Fixture {
        Fixture::in_subfolder("")
    }

    /// The same, with the workbook in a sub-folder of the repository.
    fn in_subfolder(sub: &str) -> Fixture {
        let tmp = TempDir::new().unwrap();
        let repo = tmp.path().join("repo");
        let root = if sub.is_empty() {
            repo.clone()
        } else {
            repo.join(sub)
        };
        copy_dir(&project().join(EXAMPLE), &root);
        let f = Fixture { tmp, root };
        f.git(&["init", "-q"]);
        f.git(&["config", "user.name", "Test"]);
        f.git(&["config", "user.email", "test@example.invalid"]);
        f.git(&["config", "commit.gpgsign", "false"]);
        f.commit("session 1", "session-1");
        f
    }

    fn repo(&self) -> PathBuf {
        self.tmp.path().join("repo")
    }

    fn git(&self, args: &[&str]) -> String {
        git(self.tmp.path(), &self.repo(), args)
    }

    fn commit(&self, message: &str, tag: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        if !tag.is_empty() {
            self.git(&["tag", tag]);
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Replaces text in a file; the text must be there.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// `covalue` run in the workbook.
    fn covalue(&self) -> Command {
        covalue_in(self.tmp.path(), &self.root)
    }

    fn diff(&self, args: &[&str]) -> (i32, String, String) {
        run(self.covalue().arg("diff").args(args))
    }
}

fn covalue_in(home: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_covalue"));
    cmd.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn identical_versions_print_only_a_summary_line() {
    let f = Fixture::new();
    for args in [&[][..], &["session-1"], &["session-1", "HEAD"]] {
        let (code, out, err) = f.diff(args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        assert_eq!(out.lines().count(), 1, "{args:?}: {out}");
        assert!(out.starts_with("No changes between"), "{out}");
        assert!(err.is_empty(), "{err}");
    }
}

#[test]
fn a_moved_step_is_reported_as_a_move() {
    let f = Fixture::new();
    let map = f.read(&format!("{POP}/process-map.toml"));
    // Take the block of `routine-visits` and put it at the end.
    let start = map.find("[[step]]\nid = \"routine-visits\"").unwrap();
    let end = start + map[start..].find("\n[[step]]").unwrap() + 1;
    let block = map[start..end].to_string();
    let moved = format!("{}{}\n{}", &map[..start], &map[end..], block.trim_end());
    f.write(&format!("{POP}/process-map.toml"), &format!("{moved}\n"));
    f.commit("move a step", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("↕ Moved step Routine primary care visits and lab work (routine-visits) from place 3 to place 8"),
        "{out}"
    );
    assert!(!out.contains("Added step"), "{out}");
    assert!(!out.contains("Removed step"), "{out}");
    assert_eq!(out.matches("Moved step").count(), 1, "{out}");
}

#[test]
fn a_changed_field_is_shown_before_and_after() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/process-map.toml"),
        "id = \"routine-visits\"\ntitle = \"Routine primary care visits and lab work\"\nactors = [\"patient\", \"primary care provider\", \"medical assistant\", \"lab\"]\ncoproduction = \"none\"",
        "id = \"routine-visits\"\ntitle = \"Routine primary care visits and lab work\"\nactors = [\"patient\", \"primary care provider\", \"medical assistant\", \"lab\"]\ncoproduction = \"shared-planning\"",
    );
    f.edit(
        &format!("{POP}/personas/markus.md"),
        "share_percent: 30",
        "share_percent: 35",
    );
    let (code, out, _) = f.diff(&[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Step Routine primary care visits and lab work (routine-visits): coproduction none → shared-planning"),
        "{out}"
    );
    assert!(
        out.contains("Persona Markus (markus): figures.share_percent 30 → 35"),
        "{out}"
    );
}

#[test]
fn personas_added_and_removed_are_matched_by_slug() {
    let f = Fixture::new();
    fs::remove_file(f.path(&format!("{POP}/personas/dolores.md"))).unwrap();
    f.write(
        &format!("{POP}/personas/ana.md"),
        "---\nname: Ana\nkind: family\ncomposite: true\n---\n\nAna is Markus's daughter.\n",
    );
    f.commit("personas", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("+ Added persona Ana (ana)"), "{out}");
    assert!(out.contains("- Removed persona Dolores (dolores)"), "{out}");
    assert!(!out.contains("Persona Markus"), "{out}");
}

#[test]
fn a_reworded_answer_shows_the_changed_words_not_the_paragraph() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "we reach about 60 % of patients within 7 days",
        "we reach about 72 % of patients within 7 days",
    );
    let (code, out, _) = f.diff(&["session-1"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[-60-] {+72+}"), "{out}");
    assert!(out.contains("(chain-processes)"), "{out}");
    // Context around the change, not the whole answer.
    assert!(!out.contains("The main standard processes"), "{out}");
    assert!(!out.contains("discharge medicine list"), "{out}");
    assert!(out.contains('…'), "{out}");
}

#[test]
fn walk_through_entries_are_matched_by_persona() {
    let f = Fixture::new();
    let file = format!("{POP}/answers/chain.md");
    f.edit(
        &file,
        "leaves the hospital. We could measure",
        "leaves the hospital, and a pharmacist call on day two. We could measure",
    );
    f.edit(
        &file,
        "\n## Where in the chain",
        "\n### Dolores {#dolores}\n\nDolores meets the chain at her lab visits.\n\n## Where in the chain",
    );
    let (code, out, _) = f.diff(&[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("+ Added the Value chain walk-through of Dolores (dolores)"),
        "{out}"
    );
    assert!(
        out.contains("{+Dolores meets the chain at her lab visits.+}"),
        "{out}"
    );
    assert!(
        out.contains("~ The Value chain walk-through of Markus (markus)"),
        "{out}"
    );
    assert!(
        out.contains("[-hospital.-] {+hospital, and a pharmacist call on day two.+}"),
        "{out}"
    );
}

#[test]
fn rewrapping_an_answer_is_no_change() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "General, the 7-day follow-up visit at our nurse clinic, home health referrals,\nlab monitoring",
        "General, the 7-day follow-up visit at our nurse clinic,\nhome health referrals, lab monitoring",
    );
    let (code, out, _) = f.diff(&[]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_deferred_question_shows_its_status_and_reason() {
    let f = Fixture::new();
    let file = format!("{POP}/answers/chain.md");
    let text = f.read(&file);
    let heading = text
        .lines()
        .find(|l| l.ends_with("{#chain-processes}"))
        .unwrap()
        .to_string();
    let start = text.find(&heading).unwrap() + heading.len();
    let end = start + text[start..].find("\n## ").unwrap();
    let deferred = format!(
        "{}\n\nDeferred: we wait for the discharge data from Bayside.\nOwner: care management\nUntil: 2027-03-31\n{}",
        &text[..start],
        &text[end..]
    );
    f.write(&file, &deferred);
    f.commit("defer", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Answered → Deferred: we wait for the discharge data from Bayside. (owner: care management, until 2027-03-31)"),
        "{out}"
    );
    // Completeness before and after: one fewer settled, one more deferred.
    let numbers = |text: &str| -> Vec<usize> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let line = out
        .lines()
        .find(|l| l.contains("questions settled"))
        .unwrap();
    let settled = numbers(line);
    assert_eq!(settled[1] + 1, settled[0], "{line}");
    let deferred = numbers(&line[line.find("deferred ").unwrap()..]);
    assert_eq!(deferred[1], deferred[0] + 1, "{line}");
    // The old answer is not printed as removed words.
    assert!(!out.contains("[-The main"), "{out}");
}

/// An answer file that did not change can still change status: a question
/// answered by the process map is settled only while the map has steps.
#[test]
fn an_unchanged_answer_changes_status_with_its_record() {
    let f = Fixture::new();
    let map = format!("{POP}/process-map.toml");
    let text = f.read(&map);
    let first_step = text.find("[[step]]").unwrap();
    f.write(&map, &text[..first_step]);
    f.commit("no steps yet", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    let line = out
        .lines()
        .position(|l| l.contains("(population-process)"))
        .unwrap_or_else(|| panic!("no change to population-process: {out}"));
    let change = out
        .lines()
        .skip(line)
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(change.contains("Answered → Open"), "{change}");
}

#[test]
fn a_new_population_is_summarised() {
    let f = Fixture::new();
    let (code, _, err) = run(f.covalue().args([
        "new",
        "population",
        "copd",
        "--name",
        "Adults living with COPD",
    ]));
    assert_eq!(code, 0, "{err}");
    f.commit("copd", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Adults living with COPD (copd)"), "{out}");
    assert!(out.contains("New population with"), "{out}");
    assert!(out.contains("1 population added"), "{out}");
    // The other population did not change and is not listed.
    assert!(!out.contains("Adults living with heart failure"), "{out}");
}

#[test]
fn a_file_broken_on_one_side_is_reported_and_the_rest_compared() {
    let f = Fixture::new();
    f.write(
        &format!("{POP}/value-compass.toml"),
        "[[measure]\nid = \"broken\"\n",
    );
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 % of patients",
        "about 65 % of patients",
    );
    f.commit("break", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("In session-2, this file is not compared"),
        "{out}"
    );
    assert!(out.contains("error[CV002]"), "{out}");
    assert!(
        out.contains("session-2:populations/heart-failure/value-compass.toml:1:"),
        "{out}"
    );
    // The broken compass is not reported as measures removed …
    assert!(!out.contains("Removed measure"), "{out}");
    assert!(!out.contains("(population-value)"), "{out}");
    // … and the rest is still compared.
    assert!(out.contains("[-60-] {+65+}"), "{out}");
}

#[test]
fn an_unknown_revision_is_an_error() {
    let f = Fixture::new();
    let (code, out, err) = f.diff(&["session-9"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("`session-9` is not a revision of this repository"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
    let (code, _, err) = f.diff(&["--", "--output=x"]);
    assert_eq!(code, 2, "{err}");
    assert!(!f.path("x").exists());
}

#[test]
fn outside_a_repository_revisions_are_an_error() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("wb");
    copy_dir(&project().join(EXAMPLE), &root);
    let (code, out, err) = run(covalue_in(tmp.path(), &root)
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .arg("diff"));
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("is not in a git repository"), "{err}");
    assert!(err.contains("covalue diff OLD-FOLDER NEW-FOLDER"), "{err}");
}

#[test]
fn without_git_revisions_are_an_error_but_folders_work() {
    let f = Fixture::new();
    let empty = f.tmp.path().join("no-tools");
    fs::create_dir_all(&empty).unwrap();
    let (code, _, err) = run(f.covalue().env("PATH", &empty).arg("diff"));
    assert_eq!(code, 2);
    assert!(err.contains("git is not installed"), "{err}");
    let (code, out, err) = run(f.covalue().env("PATH", &empty).args(["diff", ".", "."]));
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn folders_can_be_compared_instead_of_revisions() {
    let tmp = TempDir::new().unwrap();
    let old = tmp.path().join("old");
    let new = tmp.path().join("new");
    copy_dir(&project().join(EXAMPLE), &old);
    copy_dir(&project().join(EXAMPLE), &new);
    let (code, out, _) = run(covalue_in(tmp.path(), tmp.path()).args(["diff", "old", "new"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "No changes between old and new.");
    let compass = new.join(POP).join("value-compass.toml");
    let text = fs::read_to_string(&compass).unwrap();
    fs::write(&compass, format!("{text}\n[[measure]]\nid = \"weight-checks\"\nquadrant = \"clinical\"\nname = \"Daily weight checks\"\ndefinition = \"Share of days with a weight sent in.\"\n")).unwrap();
    let (code, out, _) = run(covalue_in(tmp.path(), tmp.path()).args(["diff", "old", "new"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "+ Added measure Daily weight checks (weight-checks) in the clinical quadrant"
        ),
        "{out}"
    );
    // A folder that holds no workbook.
    let (code, _, err) = run(covalue_in(tmp.path(), tmp.path()).args(["diff", "old", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("holds no workbook"), "{err}");
}

#[test]
fn a_version_compared_with_itself_is_empty_for_every_example() {
    for example in fs::read_dir(project().join("examples")).unwrap() {
        let example = example.unwrap().path();
        let name = example.file_name().unwrap().to_string_lossy().to_string();
        // As folders.
        let (code, out, err) = run(covalue_in(&example, &project()).args([
            "diff",
            example.to_str().unwrap(),
            example.to_str().unwrap(),
        ]));
        assert_eq!(code, 0, "{name}: {out}{err}");
        assert_eq!(out.lines().count(), 1, "{name}: {out}");
        // As revisions, and a revision against its own working tree.
        let tmp = TempDir::new().unwrap();
        let root = tmp.path().join("repo");
        copy_dir(&example, &root);
        git(tmp.path(), &root, &["init", "-q"]);
        git(tmp.path(), &root, &["add", "-A"]);
        git(
            tmp.path(),
            &root,
            &[
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.invalid",
                "commit",
                "-q",
                "-m",
                "one",
            ],
        );
        git(tmp.path(), &root, &["tag", "a"]);
        for args in [
            &["a", "a"][..],
            &["a"],
            &[],
            &["--format", "json", "a", "a"],
        ] {
            let (code, out, err) = run(covalue_in(tmp.path(), &root).arg("diff").args(args));
            assert_eq!(code, 0, "{name} {args:?}: {out}{err}");
            if args.len() < 4 {
                assert_eq!(out.lines().count(), 1, "{name} {args:?}: {out}");
            }
        }
    }
}

#[test]
fn the_workbook_may_live_in_a_subfolder_of_the_repository() {
    let f = Fixture::in_subfolder("docs/workbook");
    f.edit(
        &format!("{POP}/population.toml"),
        "people = 640",
        "people = 655",
    );
    f.commit("count", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("size.people 640 → 655"), "{out}");
    // Run from the top of the repository with -C.
    let (code, out, _) =
        run(covalue_in(f.tmp.path(), &f.repo()).args(["-C", "docs/workbook", "diff", "session-1"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("size.people 640 → 655"), "{out}");
}

#[test]
fn nothing_is_checked_out_and_the_index_is_untouched() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/population.toml"),
        "people = 640",
        "people = 650",
    );
    f.commit("count", "session-2");
    f.edit(
        &format!("{POP}/population.toml"),
        "people = 650",
        "people = 660",
    );
    // `git status` may refresh the index: read it after that.
    let status = f.git(&["status", "--porcelain"]);
    let head = f.git(&["rev-parse", "HEAD"]);
    let index = f.repo().join(".git/index");
    let before = (
        fs::read(&index).unwrap(),
        fs::metadata(&index).unwrap().modified().unwrap(),
    );
    for args in [&["session-1", "session-2"][..], &["session-1"], &[]] {
        let (code, _, err) = f.diff(args);
        assert_eq!(code, 1, "{err}");
    }
    assert_eq!(fs::read(&index).unwrap(), before.0);
    assert_eq!(fs::metadata(&index).unwrap().modified().unwrap(), before.1);
    assert_eq!(f.git(&["status", "--porcelain"]), status);
    assert_eq!(f.git(&["rev-parse", "HEAD"]), head);
    assert!(
        f.read(&format!("{POP}/population.toml"))
            .contains("people = 660")
    );
}

#[test]
fn stat_prints_one_line_per_population() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 %",
        "about 70 %",
    );
    fs::remove_file(f.path(&format!("{POP}/personas/dolores.md"))).unwrap();
    run(f
        .covalue()
        .args(["new", "population", "copd", "--name", "COPD"]));
    let (code, out, _) = f.diff(&["--stat"]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("copd ") && lines[0].contains("new population"),
        "{out}"
    );
    assert!(lines[1].starts_with("heart-failure"), "{out}");
    assert!(
        lines[1].contains("1 removed") && lines[1].contains("1 answer"),
        "{out}"
    );
    // --population keeps one; an unknown one is an error.
    let (code, out, _) = f.diff(&["--stat", "--population", "copd"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    let (code, _, err) = f.diff(&["--population", "asthma"]);
    assert_eq!(code, 2);
    assert!(err.contains("there is no population `asthma`"), "{err}");
    assert!(err.contains("copd, heart-failure"), "{err}");
}

#[test]
fn markdown_handout_of_a_small_change() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 %",
        "about 72 %",
    );
    f.edit(
        &format!("{POP}/process-map.toml"),
        "coproduction = \"none\"\nconfigurations = [\"chain\"]\npersonas = [\"dolores\"]",
        "coproduction = \"civil-discourse\"\nconfigurations = [\"chain\"]\npersonas = [\"dolores\"]",
    );
    f.commit("session 2", "session-2");
    let (code, out, _) = f.diff(&["session-1", "session-2", "--format", "md"]);
    assert_eq!(code, 1);
    insta::with_settings!({filters => vec![
        (r"commit [0-9a-f]{7}", "commit [COMMIT]"),
        (r"/tmp/[^\s`]+", "[TMP]"),
    ]}, {
        insta::assert_snapshot!(out);
    });
}

#[test]
fn json_has_the_documented_fields() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 %",
        "about 72 %",
    );
    f.edit(
        &format!("{POP}/population.toml"),
        "people = 640",
        "people = 700",
    );
    f.write(
        &format!("{POP}/personas/ana.md"),
        "---\nname: Ana\nkind: family\ncomposite: true\n---\nAna.\n",
    );
    let (code, out, _) = f.diff(&["session-1", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["old"]["label"], "session-1");
    assert_eq!(json["old"]["source"], "revision");
    assert_eq!(json["old"]["commit"].as_str().map(str::len), Some(40));
    assert_eq!(json["new"]["source"], "working-tree");
    assert_eq!(json["form"], "full");
    assert!(json["workbook"].is_array());
    assert!(json["findings"].is_array());
    assert_eq!(json["summary"]["changed"], true);
    assert_eq!(json["summary"]["populations_changed"], 1);
    let pop = &json["populations"][0];
    assert_eq!(pop["slug"], "heart-failure");
    assert_eq!(pop["state"], "changed");
    assert!(pop["completeness"]["before"]["total"].is_u64());
    assert!(pop["stat"]["answers"].is_u64());
    let kinds: Vec<&str> = pop["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["population-changed", "persona-added", "answer-changed"]
    );
    let field = &pop["changes"][0]["fields"][0];
    assert_eq!(field["field"], "size.people");
    assert_eq!(field["before"], "640");
    assert_eq!(field["after"], "700");
    let answer = &pop["changes"][2];
    assert_eq!(answer["step"], "chain");
    assert_eq!(answer["question"], "chain-processes");
    let ops: Vec<&str> = answer["text"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["op"].as_str().unwrap())
        .collect();
    assert!(
        ops.contains(&"removed") && ops.contains(&"added") && ops.contains(&"gap"),
        "{ops:?}"
    );
}

#[test]
fn html_is_self_contained_and_escapes_what_teams_write() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 %",
        "about <script>alert(1)</script> 60 %",
    );
    let (code, out, _) = f.diff(&["--format", "html"]);
    assert_eq!(code, 1);
    assert!(out.to_lowercase().starts_with("<!doctype html>"), "{out}");
    assert!(out.contains("Content-Security-Policy"), "{out}");
    assert!(!out.to_lowercase().contains("<script"), "{out}");
    assert!(out.contains("&lt;script&gt;"), "{out}");
    assert!(
        !out.contains("http://") && !out.contains("https://"),
        "{out}"
    );
    assert!(out.contains("<ins dir=\"auto\">"), "{out}");
}

#[test]
fn the_html_page_has_page_setup_a_footer_names_revisions_and_shows_no_raw_markdown() {
    let f = Fixture::new();
    f.edit(
        &format!("{POP}/answers/chain.md"),
        "about 60 %",
        "about **sixty** per cent of *them*",
    );
    f.commit("session 2", "");
    let full = f.git(&["rev-parse", "HEAD~1"]);
    let (code, out, _) = f.diff(&[
        "HEAD~1",
        "HEAD",
        "--format",
        "html",
        "--paper",
        "letter",
        "--large-print",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("<html lang=\"en\" dir=\"ltr\">"), "{out}");
    assert!(out.contains("size: letter;"));
    assert!(out.contains("large-print"));
    assert!(out.contains("<main>"));
    assert!(out.contains("\"page \" counter(page) \" of \" counter(pages)"));
    // HEAD~1 is tagged, HEAD is a branch: the page names them so, not by
    // HEAD~1 or a hash.
    assert!(
        out.contains("<title>What changed from session-1 to "),
        "{out}"
    );
    assert!(!out.contains("HEAD"), "{out}");
    assert!(!out.contains("HEAD~1"), "{out}");
    assert!(!out.contains(full.trim()), "a whole commit id: {out}");
    assert!(out.contains("sixty"));
    assert!(!out.contains("**"), "raw Markdown: {out}");

    let Some(browser) = common::print_browser() else {
        return;
    };
    let html = f.tmp.path().join("diff.html");
    let pdf = f.tmp.path().join("diff.pdf");
    fs::write(&html, &out).unwrap();
    let printed = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!(
            "--user-data-dir={}",
            f.tmp.path().join("profile").display()
        ))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(pdf.is_file(), "{printed:?}");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("page 1 of 1"), "{text}");
    assert!(text.contains("What changed from session-1 to"), "{text}");
}

/// Every document of the toml-test corpus (valid and invalid) as the
/// records of a population on one side: covalue reports or compares, and
/// never panics.
#[test]
fn any_toml_on_one_side_is_reported_or_compared_without_a_panic() {
    let documents: Vec<Vec<u8>> = ["valid", "invalid"]
        .into_iter()
        .flat_map(common::toml_corpus)
        .map(|doc| doc.bytes.into_owned())
        .collect();
    assert!(documents.len() > 500, "{}", documents.len());
    let tmp = TempDir::new().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    for root in [&old, &new] {
        fs::create_dir_all(root).unwrap();
        fs::write(root.join("covalue.toml"), "title = \"Corpus\"\n").unwrap();
    }
    for (i, doc) in documents.iter().enumerate() {
        let before = old.join(format!("populations/t{i}"));
        fs::create_dir_all(before.join("personas")).unwrap();
        fs::write(
            before.join("population.toml"),
            "name = \"T\"\ndescription = \"A test population.\"\n",
        )
        .unwrap();
        fs::write(
            before.join("process-map.toml"),
            "[[step]]\nid = \"a\"\ntitle = \"A\"\ncoproduction = \"none\"\n",
        )
        .unwrap();
        fs::write(
            before.join("personas/p.md"),
            "---\nname: P\nkind: patient\ncomposite: true\n---\nP.\n",
        )
        .unwrap();
        let after = new.join(format!("populations/t{i}"));
        fs::create_dir_all(after.join("personas")).unwrap();
        for file in ["population.toml", "process-map.toml", "value-compass.toml"] {
            fs::write(after.join(file), doc).unwrap();
        }
        let mut persona = b"---\n".to_vec();
        persona.extend_from_slice(doc);
        persona.extend_from_slice(b"\n---\nP.\n");
        fs::write(after.join("personas/p.md"), persona).unwrap();
    }
    for format in ["json", "html"] {
        let (code, out, err) = run(
            covalue_in(tmp.path(), tmp.path()).args(["diff", "old", "new", "--format", format])
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(!err.contains("panicked"), "{format}: {err}");
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(
                json["summary"]["populations_changed"].as_u64(),
                Some(documents.len() as u64)
            );
        }
    }
}

/// `git-setup` adds lines to `.gitattributes`; left uncommitted, they would
/// mark the next report "+ uncommitted changes". It says to commit the file,
/// with a command that, run as printed, leaves nothing uncommitted.
#[test]
fn git_setup_says_to_commit_gitattributes_with_a_command_that_works() {
    let f = Fixture::in_subfolder("care team");
    let (code, out, err) = run(covalue_in(f.tmp.path(), &f.root).arg("git-setup"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Next: commit .gitattributes, so that your next report is not marked \"+ uncommitted changes\":"
        ),
        "{out}"
    );
    let advice = out
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("git add "))
        .unwrap_or_else(|| panic!("no git command in:\n{out}"));
    assert_eq!(
        advice,
        "git add .gitattributes && git commit -m \"Show workbook files by meaning in git diff\""
    );
    assert!(!f.git(&["status", "--porcelain"]).is_empty());
    let status = std::process::Command::new("sh")
        .args(["-c", advice])
        .current_dir(&f.root)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", f.tmp.path())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert_eq!(f.git(&["status", "--porcelain"]), "");
    // Once committed, running it again asks for nothing.
    let (code, again, err) = run(covalue_in(f.tmp.path(), &f.root).arg("git-setup"));
    assert_eq!(code, 0, "{err}");
    assert!(!again.contains("Next: commit"), "{again}");
    assert!(again.contains("left alone"), "{again}");
}

/// Two revisions of a workbook with many populations (read from git a few
/// at a time) are reported exactly as the same two versions in folders:
/// every change, in the populations' order, none lost or doubled.
#[test]
fn revisions_of_many_populations_read_as_their_folders() {
    let f = Fixture::new();
    let slugs: Vec<String> = (1..=40).map(|i| format!("p{i:02}")).collect();
    for slug in &slugs {
        common::clone_population(&f.root, "heart-failure", slug);
    }
    f.commit("many", "many-1");
    let folders = TempDir::new().unwrap();
    copy_dir(&f.root, &folders.path().join("old"));
    for (i, slug) in slugs.iter().enumerate() {
        let pop = format!("populations/{slug}");
        match i % 4 {
            0 => f.edit(
                &format!("{pop}/population.toml"),
                "name = \"Adults",
                &format!("name = \"Team {slug}: adults"),
            ),
            1 => {
                let chain = format!("{pop}/answers/chain.md");
                let text = f.read(&chain);
                f.write(
                    &chain,
                    &format!("{text}\nThe team of {slug} adds a measure.\n"),
                );
            }
            _ => {}
        }
        // Every fifth register moves an improvement on (with or without
        // another change): a register is compared whenever it changed.
        if i % 5 == 0 {
            f.edit(
                &format!("{pop}/improvements.toml"),
                "state = \"testing\"\ndate = 2026-10-20\n",
                "state = \"testing\"\ndate = 2026-10-20\n\n[[improvement.status]]\nstate = \"adopted\"\ndate = 2026-11-20\n",
            );
        }
    }
    fs::remove_dir_all(f.path("populations/p07")).unwrap();
    common::clone_population(&f.root, "heart-failure", "p99");
    f.commit("many changed", "many-2");
    copy_dir(&f.root, &folders.path().join("new"));

    let json = |out: &str| -> serde_json::Value { serde_json::from_str(out).unwrap() };
    let (code, revisions, err) = f.diff(&["many-1", "many-2", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let (code, in_folders, err) =
        run(covalue_in(folders.path(), folders.path())
            .args(["diff", "old", "new", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let (revisions, in_folders) = (json(&revisions), json(&in_folders));
    assert_eq!(revisions["populations"], in_folders["populations"]);
    assert_eq!(revisions["summary"], in_folders["summary"]);
    let listed: Vec<&str> = revisions["populations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    let mut expected: Vec<String> = slugs
        .iter()
        .enumerate()
        .filter(|(i, s)| i % 4 < 2 || i % 5 == 0 || s.as_str() == "p07")
        .map(|(_, s)| s.clone())
        .collect();
    expected.push("p99".into());
    assert_eq!(listed, expected);
    // p11 changed its register only, p01 its name and its register.
    let (_, text, _) = f.diff(&["many-1", "many-2", "--population", "p11"]);
    assert!(text.contains("status testing → adopted"), "{text}");
    let (_, text, _) = f.diff(&["many-1", "many-2", "--population", "p01"]);
    assert!(text.contains("status testing → adopted"), "{text}");
    assert!(text.contains("Team p01"), "{text}");
}

#[test]
fn a_file_larger_than_32_mib_in_a_revision_is_a_cv001_as_on_disk() {
    let f = Fixture::new();
    // 382 MiB in the report that found this; 40 MiB shows the same.
    let mut text = String::from("---\nname: Big\nkind: patient\n---\n");
    text.push_str(&format!("{}\n", "x".repeat(1023)).repeat(40 << 10));
    f.write(&format!("{POP}/personas/big.md"), &text);
    drop(text);
    f.commit("a large persona", "session-2");
    let said = "populations/heart-failure/personas/big.md is not read: it is 41 MiB, larger than the 32 MiB covalue reads";
    let (code, out, err) = f.diff(&["session-1", "session-2"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("error[CV001]") && out.contains(said),
        "{out}{err}"
    );
    // The same file on disk, as `check` reads it, says the same.
    let (_, out, err) = run(f.covalue().arg("check"));
    assert!(
        out.contains("error[CV001]") && out.contains(said),
        "{out}{err}"
    );
    let (code, json_out, err) = f.diff(&["session-1", "session-2", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        json_out.contains("CV001") && json_out.contains(said),
        "{json_out}"
    );
}
