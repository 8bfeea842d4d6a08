//! What a save leaves behind: a temporary file of a save that was killed is
//! ignored by git in a new workbook, reported by `check` and removed by the
//! next save of the same file; a file that is saved keeps its permissions.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{HALF_DONE, check_json, empty_dir, example, findings, git, read, run, write};

const ANSWERS: &str = "populations/heart-failure/answers";
const LEFT: &str = ".chain.md.covalue-Ab12Cd.tmp";

/// Notes that answer one open question of the half-done example.
fn import_one(root: &Path) {
    write(
        &root.join("notes.md"),
        "## Coproduction {#chain-coproduction}\n\nNurses and patients share the weight log.\n",
    );
    let done = run(root, &["import", "notes.md"]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
}

/// Leaves a temporary file, as a save killed outright would, `age` old.
fn leave_temp(root: &Path, age: Duration) -> std::path::PathBuf {
    let left = root.join(ANSWERS).join(LEFT);
    write(&left, "## half a save of answer text\n");
    let file = fs::File::options().write(true).open(&left).expect("open");
    file.set_modified(SystemTime::now() - age)
        .expect("set its time");
    left
}

#[test]
fn check_reports_a_temporary_file_left_by_a_killed_save() {
    let wb = example(HALF_DONE);
    leave_temp(wb.path(), Duration::from_secs(3600));
    let (run, report) = check_json(wb.path(), &[]);
    let found = findings(&report);
    let left: Vec<_> = found.iter().filter(|f| f.code == "CV047").collect();
    assert_eq!(left.len(), 1, "{found:#?}");
    assert_eq!(left[0].file.as_deref(), Some(&*format!("{ANSWERS}/{LEFT}")));
    assert!(left[0].message.contains("chain.md"), "{}", left[0].message);
    assert_eq!(left[0].severity, "warning");
    assert!(run.code.is_some(), "{}", run.stderr);
}

#[test]
fn the_next_save_of_the_file_removes_an_old_temporary_file_but_not_a_fresh_one() {
    let wb = example(HALF_DONE);
    let left = leave_temp(wb.path(), Duration::from_secs(3600));
    let other = wb.path().join(ANSWERS).join(".shop.md.covalue-Zz99Yy.tmp");
    write(&other, "another file's save\n");
    import_one(wb.path());
    assert!(
        !left.exists(),
        "the old temporary file of chain.md is still there"
    );
    assert!(
        other.exists(),
        "a temporary file of another file was removed"
    );

    // One written seconds ago may belong to a covalue still saving.
    let fresh = leave_temp(wb.path(), Duration::from_secs(1));
    write(
        &wb.path().join("notes.md"),
        "## Measures {#chain-measures}\n\nWeight and breathlessness.\n",
    );
    assert_eq!(run(wb.path(), &["import", "notes.md"]).code, Some(0));
    assert!(fresh.exists(), "a fresh temporary file was removed");
}

#[test]
fn a_new_workbook_keeps_temporary_files_out_of_git() {
    let tmp = empty_dir();
    let home = empty_dir();
    let made = run(tmp.path(), &["init", "wb", "--title", "T"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let root = tmp.path().join("wb");
    assert!(read(&root.join(".gitignore")).contains(".*.covalue-*.tmp"));
    write(
        &root.join(".covalue.toml.covalue-Ab12Cd.tmp"),
        "title = \"half\"\n",
    );
    git(home.path(), &root, &["init", "-q"]);
    git(home.path(), &root, &["add", "-A"]);
    let staged = git(home.path(), &root, &["diff", "--cached", "--name-only"]);
    assert!(staged.contains("covalue.toml"), "{staged}");
    assert!(
        !staged.contains(".tmp"),
        "git add -A took a temporary file:\n{staged}"
    );
}

#[test]
fn a_saved_file_keeps_its_permissions() {
    let wb = example(HALF_DONE);
    let chain = wb.path().join(ANSWERS).join("chain.md");
    fs::set_permissions(&chain, fs::Permissions::from_mode(0o600)).expect("chmod");
    import_one(wb.path());
    assert!(read(&chain).contains("weight log"));
    let mode = fs::metadata(&chain).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the save made chain.md {mode:o}");
}
