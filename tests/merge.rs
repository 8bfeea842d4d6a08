//! Teams editing one workbook on two branches: `covalue git-setup` makes
//! real `git merge`, `git rebase` and `git cherry-pick` merge workbook files
//! by meaning (records by id and field, answers by question and persona
//! part), leave a conflict only where both sides changed one value, where
//! `check` reports it at its line; and git keeps working when covalue
//! cannot be run.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_dir, manifest_dir, read, write};

const MAP: &str = "populations/ms/process-map.toml";
const REGISTER: &str = "populations/ms/improvements.toml";
const ACCESS: &str = "populations/ms/answers/access.md";

/// git in `root` with a home of its own, a fixed author, no colour and no
/// editor; `path` replaces the PATH when given. Exit code, stdout, stderr.
fn git_with_path(root: &Path, path: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let home = root.parent().unwrap_or(root);
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(root)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("GIT_AUTHOR_NAME", "Team")
        .env("GIT_AUTHOR_EMAIL", "team@example.invalid")
        .env("GIT_COMMITTER_NAME", "Team")
        .env("GIT_COMMITTER_EMAIL", "team@example.invalid")
        .env("GIT_EDITOR", "true")
        .env("NO_COLOR", "1");
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("git: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// git in `root`, which must succeed; its stdout.
fn git(root: &Path, args: &[&str]) -> String {
    let (code, out, err) = git_with_path(root, None, args);
    assert_eq!(code, 0, "git {args:?}: {err}{out}");
    out
}

/// `covalue ARGS` in `root` (the binary `bin`), which must succeed; its stdout.
fn covalue_ok(bin: &Path, root: &Path, args: &[&str]) -> String {
    let out = Command::new(bin)
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("COVALUE_TODAY", common::TODAY)
        .output()
        .unwrap_or_else(|e| panic!("covalue: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "covalue {args:?}: {err}");
    String::from_utf8_lossy(&out.stdout).to_string() + &err
}

/// `root/rel` with its first `from` replaced by `to`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let text = read(&root.join(rel));
    assert!(text.contains(from), "{rel} has no {from:?}");
    write(&root.join(rel), text.replacen(from, to, 1));
}

/// A persona's part of the access walk-through in the lakeside example.
fn persona_part(root: &Path, heading: &str) -> String {
    let text = read(&root.join(ACCESS));
    let start = text.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let end = text[start + 1..]
        .find("\n#")
        .map_or(text.len(), |e| start + 1 + e + 1);
    text[start..end].to_string()
}

/// The lakeside example in `dir/wb`, set up by `covalue git-setup` and
/// committed on `main`, with Birgitta's and Göran's parts of the access
/// walk-through not yet written. Returns the root and those two parts.
fn repository(dir: &Path) -> (PathBuf, String, String) {
    let root = dir.join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &root);
    git(&root, &["init", "-q", "-b", "main"]);
    covalue_ok(common::bin_path(), &root, &["git-setup", "-q"]);
    let (goran, birgitta) = (
        persona_part(&root, "### Göran"),
        persona_part(&root, "### Birgitta"),
    );
    edit(&root, ACCESS, &goran, "");
    edit(&root, ACCESS, &birgitta, "");
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "session 1"]);
    (root, goran, birgitta)
}

/// The two branches' edits: `a` changes a step's title, adds the
/// improvement `peer-contact` and writes Göran's part; `main` changes the
/// same step's actors, adds `nurse-call` and writes Birgitta's part.
/// All three meet line by line, so git's own merge would stop at each.
fn edit_in_parallel(root: &Path, goran: &str, birgitta: &str) {
    git(root, &["checkout", "-q", "-b", "a"]);
    edit(
        root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"Hearing the diagnosis, with a nurse\"",
    );
    let bin = common::bin_path();
    covalue_ok(
        bin,
        root,
        &[
            "new",
            "-q",
            "improvement",
            "ms",
            "peer-contact",
            "--title",
            "A peer contact after the diagnosis",
        ],
    );
    let lena = "### Lena";
    edit(root, ACCESS, lena, &format!("{goran}{lena}"));
    git(root, &["commit", "-qam", "a: title, improvement, Göran"]);

    git(root, &["checkout", "-q", "main"]);
    edit(
        root,
        MAP,
        "actors = [\"person with MS\", \"neurologist\", \"MS nurse\", \"partner or family\"]",
        "actors = [\"person with MS\", \"neurologist\", \"MS nurse\", \"partner\"]",
    );
    covalue_ok(
        bin,
        root,
        &[
            "new",
            "-q",
            "improvement",
            "ms",
            "nurse-call",
            "--title",
            "A nurse call within a week",
        ],
    );
    edit(root, ACCESS, lena, &format!("{birgitta}{lena}"));
    git(
        root,
        &["commit", "-qam", "main: actors, improvement, Birgitta"],
    );
}

/// What every merged result holds: both sides' changes, no marker, and a
/// `check` that finds no conflict.
fn assert_both_sides(root: &Path, goran: &str, birgitta: &str) {
    let map = read(&root.join(MAP));
    assert!(
        map.contains("title = \"Hearing the diagnosis, with a nurse\"\nactors = [\"person with MS\", \"neurologist\", \"MS nurse\", \"partner\"]\n"),
        "both fields of the step:\n{map}"
    );
    let register = read(&root.join(REGISTER));
    let (peer, nurse) = (
        register.find("id = \"peer-contact\""),
        register.find("id = \"nurse-call\""),
    );
    assert!(
        matches!((nurse, peer), (Some(n), Some(p)) if n < p),
        "both new improvements, in the order of their ids:\n{register}"
    );
    let access = read(&root.join(ACCESS));
    assert!(
        access.contains(&format!("{birgitta}{goran}### Lena")),
        "both persona parts:\n{access}"
    );
    for file in [MAP, REGISTER, ACCESS] {
        assert!(!read(&root.join(file)).contains("<<<<<<<"), "{file}");
    }
    let (run, report) = common::check_json(root, &[]);
    let found = common::findings(&report);
    assert!(
        common::with_code(&found, "CV045").is_empty() && !run.stderr.contains("error"),
        "{found:?}\n{}",
        run.stderr
    );
}

#[test]
fn parallel_edits_merge_by_meaning_in_merge_rebase_and_cherry_pick() {
    let mut registers = Vec::new();
    for how in ["merge", "merge-the-other-way", "rebase", "cherry-pick"] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (root, goran, birgitta) = repository(dir.path());
        edit_in_parallel(&root, &goran, &birgitta);
        let (code, out, err) = match how {
            "merge" => git_with_path(&root, None, &["merge", "-q", "--no-edit", "a"]),
            "merge-the-other-way" => {
                git(&root, &["checkout", "-q", "a"]);
                git_with_path(&root, None, &["merge", "-q", "--no-edit", "main"])
            }
            "rebase" => {
                git(&root, &["checkout", "-q", "a"]);
                git_with_path(&root, None, &["rebase", "-q", "main"])
            }
            _ => git_with_path(&root, None, &["cherry-pick", "a"]),
        };
        assert_eq!(code, 0, "git {how}: {out}{err}");
        assert_both_sides(&root, &goran, &birgitta);
        registers.push(read(&root.join(REGISTER)));
    }
    // The same register whichever side was merged into the other.
    assert!(registers.windows(2).all(|w| w[0] == w[1]), "{registers:#?}");
}

#[test]
fn a_value_both_sides_changed_is_the_one_conflict_and_check_shows_its_line() {
    for how in ["merge", "rebase", "cherry-pick"] {
        a_true_conflict(how);
    }
}

/// Both branches change one field and one persona's part; `how` brings
/// them together.
fn a_true_conflict(how: &str) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (root, _, _) = repository(dir.path());
    let base_map = read(&root.join(MAP));
    let asa = "Åsa accesses the health centre in Norrsjö";
    git(&root, &["checkout", "-q", "-b", "a"]);
    edit(
        &root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"The diagnosis\"",
    );
    edit(
        &root,
        ACCESS,
        asa,
        "Åsa now uses the health centre in Norrsjö",
    );
    git(&root, &["commit", "-qam", "a"]);
    git(&root, &["checkout", "-q", "main"]);
    edit(
        &root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"Being told\"",
    );
    edit(
        &root,
        MAP,
        "coproduction = \"none\"",
        "coproduction = \"shared-execution\"",
    );
    edit(
        &root,
        ACCESS,
        asa,
        "Åsa goes to the health centre in Norrsjö",
    );
    git(&root, &["commit", "-qam", "main"]);

    let (code, out, err) = match how {
        "merge" => git_with_path(&root, None, &["merge", "--no-edit", "a"]),
        "rebase" => {
            git(&root, &["checkout", "-q", "a"]);
            git_with_path(&root, None, &["rebase", "main"])
        }
        _ => git_with_path(&root, None, &["cherry-pick", "a"]),
    };
    assert_eq!(code, 1, "{how}: a conflict: {out}{err}");
    assert!(
        out.contains("CONFLICT") || err.contains("CONFLICT"),
        "{how}: {out}{err}"
    );

    // Only the title is in conflict; the other field is merged. (The
    // markers name the sides as git does, which differs by command.)
    let map: String = read(&root.join(MAP))
        .split_inclusive('\n')
        .map(|l| match l.get(..8) {
            Some("<<<<<<< ") => "<<<<<<<\n",
            Some(">>>>>>> ") => ">>>>>>>\n",
            _ => l,
        })
        .collect();
    // Ours is the branch being built on in all three: main.
    let (first, second) = ("Being told", "The diagnosis");
    let expected = base_map
        .replacen(
            "title = \"Hearing the diagnosis\"\n",
            &format!("<<<<<<<\ntitle = \"{first}\"\n=======\ntitle = \"{second}\"\n>>>>>>>\n"),
            1,
        )
        .replacen(
            "coproduction = \"none\"",
            "coproduction = \"shared-execution\"",
            1,
        );
    assert_eq!(map, expected, "{how}");
    let access = read(&root.join(ACCESS));
    assert_eq!(access.matches("<<<<<<<").count(), 1, "{access}");
    let (open, close) = (access.find("<<<<<<<"), access.find(">>>>>>>"));
    let conflict = match (open, close) {
        (Some(o), Some(c)) if o < c => &access[o..c],
        _ => panic!("no whole conflict:\n{access}"),
    };
    assert!(
        conflict.contains("Åsa goes to") && conflict.contains("Åsa now uses"),
        "the conflict holds both versions of Åsa's line:\n{access}"
    );
    let asa = access.find("### Åsa").unwrap_or(usize::MAX);
    let lena = access.find("### Lena").unwrap_or(0);
    assert!(
        (asa..lena).contains(&open.unwrap_or(0)) && (asa..lena).contains(&close.unwrap_or(0)),
        "the conflict is inside Åsa's part:\n{access}"
    );

    // check names each conflict at its first marker.
    let (_, report) = common::check_json(&root, &[]);
    let found = common::findings(&report);
    for file in [MAP, ACCESS] {
        let line = common::line_of(&root.join(file), "<<<<<<<");
        assert!(
            common::has_at(&found, "CV045", file, Some(line)),
            "CV045 at {file}:{line}: {found:#?}"
        );
    }
}

#[test]
fn a_side_that_does_not_parse_is_merged_by_lines_and_kept() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (root, _, _) = repository(dir.path());
    git(&root, &["checkout", "-q", "-b", "a"]);
    edit(
        &root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"Hearing the diagnosis",
    );
    git(&root, &["commit", "-qam", "a: an unclosed string"]);
    git(&root, &["checkout", "-q", "main"]);
    edit(
        &root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"Being told\"",
    );
    git(&root, &["commit", "-qam", "main"]);
    let (code, out, err) = git_with_path(&root, None, &["merge", "--no-edit", "a"]);
    assert_eq!(code, 1, "{out}{err}");
    let map = read(&root.join(MAP));
    assert!(
        map.contains("<<<<<<< HEAD\ntitle = \"Being told\"\n=======\ntitle = \"Hearing the diagnosis\n>>>>>>> a\n"),
        "git's line merge keeps both sides:\n{map}"
    );
}

/// A hard link to this build's covalue in a folder of its own (git-setup
/// records the path it was started from), named with a space and a quote
/// that the settings' shell must read as they are.
fn linked_covalue(dir: &Path) -> PathBuf {
    let bin_dir = dir.join("the team's $HOME bin");
    std::fs::create_dir_all(&bin_dir).unwrap_or_else(|e| panic!("{e}"));
    let link = bin_dir.join("covalue");
    if link.exists() {
        return link;
    }
    if std::fs::hard_link(common::bin_path(), &link).is_err() {
        std::fs::copy(common::bin_path(), &link).unwrap_or_else(|e| panic!("{e}"));
    }
    link
}

#[test]
fn git_keeps_working_when_covalue_is_not_on_path_or_is_gone() {
    // In the target folder, so that the hard link is on the binary's disk.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("wb");
    copy_dir(&manifest_dir().join("examples/lakeside-ms"), &root);
    // What an earlier git-setup wrote is completed in place.
    write(
        &root.join(".gitattributes"),
        "*.pdf binary\ncovalue.toml diff=covalue\npopulations/**/*.toml diff=covalue\n",
    );
    git(&root, &["init", "-q", "-b", "main"]);
    let bin = linked_covalue(dir.path());
    let said = covalue_ok(&bin, &root, &["git-setup"]);
    let shown = std::fs::canonicalize(&bin).unwrap_or(bin.clone());
    assert!(
        said.contains(&format!("calls        {}", shown.display())),
        "says which binary: {said}"
    );
    assert_eq!(
        read(&root.join(".gitattributes")),
        "*.pdf binary\ncovalue.toml diff=covalue merge=covalue\npopulations/**/*.toml diff=covalue merge=covalue\npopulations/**/*.md diff=covalue merge=covalue\nsessions/*.toml diff=covalue merge=covalue\n"
    );
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "session 1"]);
    git(&root, &["checkout", "-q", "-b", "a"]);
    edit(
        &root,
        MAP,
        "title = \"Hearing the diagnosis\"",
        "title = \"The diagnosis\"",
    );
    git(&root, &["commit", "-qam", "a"]);
    git(&root, &["checkout", "-q", "main"]);
    edit(
        &root,
        MAP,
        "coproduction = \"none\"",
        "coproduction = \"shared-execution\"",
    );

    // A PATH without covalue (a GUI client, a cron job, a colleague's shell).
    let path = "/usr/local/bin:/usr/bin:/bin";
    let diff = |root: &Path| {
        let (code, out, err) = git_with_path(root, Some(path), &["diff", "--", MAP]);
        assert_eq!(code, 0, "git diff: {err}");
        assert!(!err.contains("died") && !err.contains("fatal"), "{err}");
        out
    };
    for mode in ["textconv", "external"] {
        let bin = linked_covalue(dir.path());
        covalue_ok(&bin, &root, &["git-setup", "-q", "--mode", mode]);
        let by_meaning = diff(&root);
        assert!(
            by_meaning.contains("shared-execution") && !by_meaning.contains("+coproduction = "),
            "{mode}: covalue runs by its path:\n{by_meaning}"
        );
        // covalue gone: git's own line diff.
        std::fs::remove_file(&bin).unwrap_or_else(|e| panic!("{e}"));
        let plain = diff(&root);
        assert!(
            plain.contains("+coproduction = \"shared-execution\""),
            "{mode}: git's own line diff:\n{plain}"
        );
    }
    // And git's own merge.
    git(&root, &["commit", "-qam", "main"]);
    let (code, out, err) = git_with_path(&root, Some(path), &["merge", "--no-edit", "a"]);
    assert_eq!(code, 0, "git's own merge of lines apart: {out}{err}");
    let map = read(&root.join(MAP));
    assert!(
        map.contains("title = \"The diagnosis\"") && map.contains("\"shared-execution\""),
        "{map}"
    );
}

/// Runs `covalue merge-driver` as git would on three files in `dir`
/// (`base`, `ours`, `theirs`, holding the given texts), for the workbook
/// path `path`: its exit code, the merged `ours`, and what it printed.
fn drive(dir: &Path, path: &str, texts: [&[u8]; 3]) -> (i32, Vec<u8>, String) {
    for (name, text) in ["base", "ours", "theirs"].iter().zip(texts) {
        write(&dir.join(name), text);
    }
    let out = common::covalue(dir)
        .args([
            "merge-driver",
            "base",
            "ours",
            "theirs",
            "7",
            path,
            "base",
            "HEAD",
            "other",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let merged = std::fs::read(dir.join("ours")).unwrap_or_default();
    (
        out.status.code().unwrap_or(-1),
        merged,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn the_driver_keeps_line_endings_and_what_neither_side_touched() {
    let dir = common::empty_dir();
    let base = read(&manifest_dir().join("examples/lakeside-ms").join(MAP)).replace('\n', "\r\n");
    let ours = base.replacen(
        "coproduction = \"none\"",
        "coproduction = \"shared-execution\"",
        1,
    );
    let theirs = base.replacen(
        "title = \"Hearing the diagnosis\"",
        "title = \"Being told\"",
        1,
    );
    let (code, merged, err) = drive(
        dir.path(),
        MAP,
        [base.as_bytes(), ours.as_bytes(), theirs.as_bytes()],
    );
    assert_eq!(code, 0, "{err}");
    let expected = ours.replacen(
        "title = \"Hearing the diagnosis\"",
        "title = \"Being told\"",
        1,
    );
    assert_eq!(String::from_utf8_lossy(&merged), expected);
    // A value both sides changed: exit 1, and the driver says where to look.
    let theirs = base.replacen(
        "coproduction = \"none\"",
        "coproduction = \"civil-discourse\"",
        1,
    );
    let (code, merged, err) = drive(
        dir.path(),
        MAP,
        [base.as_bytes(), ours.as_bytes(), theirs.as_bytes()],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("1 conflict") && err.contains("covalue check"),
        "{err}"
    );
    let merged = String::from_utf8_lossy(&merged).to_string();
    assert!(
        merged.contains("<<<<<<< HEAD\r\ncoproduction = \"shared-execution\"\r\n=======\r\ncoproduction = \"civil-discourse\"\r\n>>>>>>> other\r\n"),
        "{merged}"
    );
}

#[test]
fn hostile_files_are_merged_by_lines_and_nothing_else_is_read_or_written() {
    let dir = common::empty_dir();
    // The path git names is only looked at for its kind, never opened.
    let outside = dir.path().join("outside.toml");
    write(&outside, "secret = 1\n");
    let sub = dir.path().join("repo");
    std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("{e}"));

    // Not UTF-8: git's line merge, both sides kept.
    let base: &[u8] = b"# Q {#q}\n\n\xff one\n\ntwo\n\nthree\n";
    let ours: &[u8] = b"# Q {#q}\n\n\xff ONE\n\ntwo\n\nthree\n";
    let theirs: &[u8] = b"# Q {#q}\n\n\xff one\n\ntwo\n\nTHREE\n";
    let (code, merged, err) = drive(&sub, "../outside.md", [base, ours, theirs]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, b"# Q {#q}\n\n\xff ONE\n\ntwo\n\nTHREE\n");

    // Far more fields than a workbook file has: merged by lines, within bounds.
    let many: String = (0..30_000).map(|i| format!("k{i} = {i}\n")).collect();
    let ours = many.replacen("k5 = 5\n", "k5 = 55\n", 1);
    let theirs = many.replacen("k29000 = 29000\n", "k29000 = 1\n", 1);
    let (code, merged, err) = drive(
        &sub,
        "../outside.toml",
        [many.as_bytes(), ours.as_bytes(), theirs.as_bytes()],
    );
    assert_eq!(code, 0, "{err}");
    let merged = String::from_utf8_lossy(&merged);
    assert!(merged.contains("k5 = 55\n") && merged.contains("k29000 = 1\n"));

    // A value that never ends (an unclosed array) on one side.
    let open = format!("x = 1\n\n\na = [\n{}", "1,\n".repeat(5000));
    let (code, merged, err) = drive(
        &sub,
        "../outside.toml",
        [
            b"x = 1\n\n\na = []\n",
            open.as_bytes(),
            b"x = 2\n\n\na = []\n",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        String::from_utf8_lossy(&merged),
        open.replacen("x = 1", "x = 2", 1)
    );

    assert_eq!(read(&outside), "secret = 1\n");
    let mut names: Vec<String> = std::fs::read_dir(&sub)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .collect();
    names.sort();
    assert_eq!(names, ["base", "ours", "theirs"], "no file left behind");
}

#[test]
fn the_driver_without_its_arguments_is_a_usage_error() {
    let dir = common::empty_dir();
    let out = common::covalue(dir.path())
        .args(["merge-driver", "base"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lists_and_entries_without_ids_merge_by_value() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (root, _, _) = repository(dir.path());
    let session = "sessions/2026-03-01-access.toml";
    let base = "date = 2026-03-01\ndecisions = [\n  \"Agree a referral checklist\",\n]\n\n[[actions]]\nwhat = \"Draft the checklist\"\nowner = \"Lena\"\ndue = 2026-04-01\n\n[[actions]]\nwhat = \"Ask the MS society\"\ndue = 2026-04-15\n";
    write(&root.join(session), base);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "session record"]);
    let personas = "personas = [\"asa\"]";
    git(&root, &["checkout", "-q", "-b", "a"]);
    edit(&root, MAP, personas, "personas = [\"asa\", \"lena\"]");
    edit(
        &root,
        session,
        "due = 2026-04-01\n",
        "due = 2026-04-01\ndone = true\n",
    );
    edit(
        &root,
        session,
        "  \"Agree a referral checklist\",\n",
        "  \"Agree a referral checklist\",\n  \"Send a letter\",\n",
    );
    git(&root, &["commit", "-qam", "a"]);
    git(&root, &["checkout", "-q", "main"]);
    edit(&root, MAP, personas, "personas = [\"asa\", \"goran\"]");
    edit(
        &root,
        session,
        "owner = \"Lena\"\ndue = 2026-04-01",
        "owner = \"Lena\"\ndue = 2026-05-01",
    );
    edit(
        &root,
        session,
        "  \"Agree a referral checklist\",\n",
        "  \"Agree a referral checklist\",\n  \"Offer a nurse call\",\n",
    );
    git(&root, &["commit", "-qam", "main"]);

    let (code, out, err) = git_with_path(&root, None, &["merge", "--no-edit", "a"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        read(&root.join(MAP)).contains("personas = [\"asa\", \"goran\", \"lena\"]\n"),
        "both personas added to the first step"
    );
    assert_eq!(
        read(&root.join(session)),
        "date = 2026-03-01\ndecisions = [\n  \"Agree a referral checklist\",\n  \"Offer a nurse call\",\n  \"Send a letter\",\n]\n\n[[actions]]\nwhat = \"Draft the checklist\"\nowner = \"Lena\"\ndue = 2026-05-01\ndone = true\n\n[[actions]]\nwhat = \"Ask the MS society\"\ndue = 2026-04-15\n",
        "one action, with the new date and done"
    );
}

/// Merges three texts with the library's merge, as the driver does, for a
/// file named `path`: the result and its number of conflicts.
fn merge_texts(dir: &Path, path: &str, base: &str, ours: &str, theirs: &str) -> (String, usize) {
    let files: Vec<PathBuf> = ["base", "ours", "theirs"]
        .iter()
        .map(|n| dir.join(n))
        .collect();
    for (file, text) in files.iter().zip([base, ours, theirs]) {
        write(file, text);
    }
    let labels = covalue::merge::Labels::default();
    let merged = covalue::merge::merge(&files[0], &files[1], &files[2], path, &labels)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    (read(&files[1]), merged.conflicts)
}

#[test]
fn every_toml_document_is_cut_without_losing_a_byte_and_one_sided_changes_merge_as_they_are() {
    let dir = common::empty_dir();
    let mut cut = 0;
    for doc in common::toml_corpus("valid") {
        let Ok(text) = std::str::from_utf8(&doc.bytes) else {
            continue;
        };
        if let Ok(parts) = covalue::merge::toml::parts(text) {
            let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, text, "{}", doc.name);
            cut += 1;
        }
        let ours = format!("{text}\n# ours\n");
        let (merged, conflicts) = merge_texts(dir.path(), "x.toml", text, &ours, text);
        assert_eq!(
            (merged.as_str(), conflicts),
            (ours.as_str(), 0),
            "{}",
            doc.name
        );
    }
    assert!(cut > 100, "only {cut} documents were cut by meaning");
}

#[test]
fn both_sides_changes_to_every_example_file_are_kept() {
    let dir = common::empty_dir();
    let mut files = Vec::new();
    let mut stack = vec![manifest_dir().join("examples")];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            match path.extension().and_then(|e| e.to_str()) {
                _ if path.is_dir() => stack.push(path),
                Some("toml" | "md") => files.push(path),
                _ => {}
            }
        }
    }
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let name = file.display().to_string();
        let base = read(&file);
        let (ours, theirs) = if name.ends_with(".toml") {
            (format!("{base}\n# ours\n"), format!("# theirs\n{base}"))
        } else {
            let at = base.rfind("\n## ").unwrap_or(0);
            let theirs = format!("{}\nA line of theirs.\n{}", &base[..at], &base[at..]);
            (format!("{base}\nA paragraph of ours.\n"), theirs)
        };
        let (merged, conflicts) = merge_texts(dir.path(), &name, &base, &ours, &theirs);
        assert_eq!(conflicts, 0, "{name}:\n{merged}");
        assert!(
            merged.contains("ours") && merged.contains("theirs"),
            "{name}:\n{merged}"
        );
        let expected = if name.ends_with(".toml") {
            format!("# theirs\n{base}\n# ours\n")
        } else {
            format!("{theirs}\nA paragraph of ours.\n")
        };
        assert_eq!(merged, expected, "{name}");
    }
}

#[test]
fn two_registers_started_on_two_branches_become_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("wb");
    std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("{e}"));
    let bin = common::bin_path();
    covalue_ok(bin, &root, &["init", "-q", "--title", "T"]);
    covalue_ok(bin, &root, &["new", "-q", "population", "ms"]);
    git(&root, &["init", "-q", "-b", "main"]);
    covalue_ok(bin, &root, &["git-setup", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "new workbook"]);
    assert!(!root.join(REGISTER).exists());
    for (branch, id) in [("a", "peer-contact"), ("main", "nurse-call")] {
        if branch == "a" {
            git(&root, &["checkout", "-q", "-b", "a"]);
        } else {
            git(&root, &["checkout", "-q", "main"]);
        }
        covalue_ok(
            bin,
            &root,
            &["new", "-q", "improvement", "ms", id, "--title", id],
        );
        git(&root, &["add", "-A"]);
        git(&root, &["commit", "-qm", id]);
    }
    let (code, out, err) = git_with_path(&root, None, &["merge", "--no-edit", "a"]);
    assert_eq!(code, 0, "{out}{err}");
    let register = read(&root.join(REGISTER));
    assert_eq!(register.matches("#:schema").count(), 1, "{register}");
    let ids: Vec<&str> = register
        .lines()
        .filter(|l| l.starts_with("id = "))
        .collect();
    assert_eq!(
        ids,
        ["id = \"nurse-call\"", "id = \"peer-contact\""],
        "{register}"
    );
    let (_, report) = common::check_json(&root, &[]);
    let found = common::findings(&report);
    assert!(
        found
            .iter()
            .all(|f| f.file.as_deref() != Some(REGISTER) || f.severity != "error"),
        "{found:#?}"
    );
}

#[test]
fn a_personas_front_matter_merges_key_by_key() {
    let dir = common::empty_dir();
    let base = read(&manifest_dir().join("examples/lakeside-ms/populations/ms/personas/asa.md"));
    // Neighbouring lines, which git's line merge would stop at.
    assert!(base.contains("  currency: SEK\ncomposite: true\n"));
    let ours = base.replacen("  currency: SEK\n", "  currency: EUR\n", 1);
    let theirs = base.replacen("composite: true\n", "composite: false\n", 1);
    let (merged, conflicts) = merge_texts(
        dir.path(),
        "populations/ms/personas/asa.md",
        &base,
        &ours,
        &theirs,
    );
    assert_eq!(conflicts, 0, "{merged}");
    assert_eq!(
        merged,
        base.replacen(
            "  currency: SEK\ncomposite: true\n",
            "  currency: EUR\ncomposite: false\n",
            1
        )
    );
}

#[test]
fn a_sites_own_guide_is_merged_by_meaning_too_and_an_odd_name_is_left_out() {
    let bin = common::bin_path();
    for (guide, listed) in [
        ("guide/site-guide.toml", true),
        ("../outside.toml", false),
        ("guide/*.toml", false),
        ("guide/a b.toml", false),
    ] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path().join("wb");
        write(
            &root.join("covalue.toml"),
            format!("title = \"T\"\nguide = \"{guide}\"\n"),
        );
        git(&root, &["init", "-q", "-b", "main"]);
        covalue_ok(bin, &root, &["git-setup", "-q"]);
        let attributes = read(&root.join(".gitattributes"));
        assert!(attributes.contains("sessions/*.toml diff=covalue merge=covalue\n"));
        assert_eq!(
            attributes.contains(&format!("/{guide} diff=covalue merge=covalue\n")),
            listed,
            "{guide}: {attributes}"
        );
        assert_eq!(
            attributes.lines().count(),
            if listed { 6 } else { 5 },
            "{attributes}"
        );
        if listed {
            let said = git(&root, &["check-attr", "merge", "diff", "--", guide]);
            assert_eq!(
                said,
                format!("{guide}: merge: covalue\n{guide}: diff: covalue\n")
            );
        }
    }
}
