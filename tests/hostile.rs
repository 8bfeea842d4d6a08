//! Hostile workbooks: a workbook from another site is untrusted input. Each
//! test builds a workbook that tries to make covalue write, read or hang
//! outside it, runs the real binary, and checks that covalue refuses with a
//! clear message and that nothing outside the workbook changed or was shown.

#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{COMPLETE, copy_dir, manifest_dir, read, run, tree, write};

/// A temporary folder holding `outside/` (files a workbook must not reach,
/// with a secret in them) and `wb/`, a copy of the complete example.
struct Scene {
    _tmp: tempfile::TempDir,
    outside: PathBuf,
    wb: PathBuf,
}

const SECRET: &str = "TOP-SECRET-7f3a9c";

fn scene() -> Scene {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let outside = tmp.path().join("outside");
    write(
        &outside.join("secret.txt"),
        format!("{SECRET}\nsecond line\n"),
    );
    write(&outside.join("victim.txt"), "precious data\n");
    write(&outside.join("guide.toml"), format!("# {SECRET}\n"));
    let wb = tmp.path().join("wb");
    copy_dir(&manifest_dir().join("examples").join(COMPLETE), &wb);
    Scene {
        _tmp: tmp,
        outside,
        wb,
    }
}

impl Scene {
    /// Asserts that nothing outside the workbook changed (bytes and times).
    fn outside_is_untouched(
        &self,
        before: &std::collections::BTreeMap<PathBuf, (Vec<u8>, Option<std::time::SystemTime>)>,
    ) {
        assert_eq!(
            &tree(&self.outside),
            before,
            "something outside the workbook changed"
        );
    }

    fn set_config(&self, extra: &str) {
        let config = self.wb.join("covalue.toml");
        let text = read(&config);
        let text = text
            .lines()
            .filter(|l| !l.starts_with("guide") && !l.starts_with("templates"))
            .collect::<Vec<_>>()
            .join("\n");
        // Top-level keys must come before any table.
        let (head, tail) = match text.find("\n[") {
            Some(i) => text.split_at(i),
            None => (text.as_str(), ""),
        };
        write(&config, format!("{head}\n{extra}\n{tail}\n"));
    }
}

fn no_secret(out: &common::Run, what: &str) {
    assert!(
        !out.stdout.contains(SECRET) && !out.stderr.contains(SECRET),
        "{what} showed a file from outside the workbook:\n{}\n{}",
        out.stdout,
        out.stderr
    );
}

fn all_output_files(dir: &Path) -> String {
    let mut all = String::new();
    for (path, (bytes, _)) in tree(dir) {
        if path.starts_with("out") {
            all.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    all
}

// ---------------------------------------------------------------------------
// Writes outside the workbook
// ---------------------------------------------------------------------------

/// git's external diff driver: seven arguments, the old and new file as git
/// wrote them.
fn drive(wb: &Path, path: &str, old: &Path, new: &Path) -> common::Run {
    let mut cmd = common::covalue(wb);
    cmd.args(["diff", "--git-driver", path])
        .arg(old)
        .args(["0000000", "100644"])
        .arg(new)
        .args(["0000000", "100644"]);
    let out = cmd.output().expect("covalue runs");
    common::Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn the_git_diff_driver_never_writes_where_the_guide_points() {
    let s = scene();
    let answer = s.wb.join("populations/ms/answers/chain.md");
    let old = s.outside.join("../old.md");
    write(&old, read(&answer));
    write(&answer, read(&answer).replacen("the", "THE", 1));
    let victim = s.outside.join("victim.txt");
    // An absolute guide path, and one that climbs out through a committed link.
    symlink(&s.outside, s.wb.join("lnk")).expect("link");
    for guide in [
        victim.display().to_string(),
        "lnk/../../outside/victim.txt".to_string(),
        "lnk/victim.txt".to_string(),
    ] {
        s.set_config(&format!("guide = {guide:?}"));
        let before = tree(&s.outside);
        let out = drive(&s.wb, "populations/ms/answers/chain.md", &old, &answer);
        out.assert_no_panic("git driver");
        assert_eq!(
            out.code,
            Some(0),
            "git expects the driver to exit 0: {}",
            out.stderr
        );
        s.outside_is_untouched(&before);
        assert_eq!(read(&victim), "precious data\n");
    }
}

#[test]
fn render_never_writes_onto_workbook_files_through_dot_dot() {
    let s = scene();
    let before = tree(&s.wb);
    write(&s.wb.join("schemas/x.json"), "{}");
    std::fs::create_dir_all(s.wb.join(".git")).expect("folder");
    write(&s.wb.join(".git/config"), "[core]\n");
    write(&s.wb.join(".gitignore"), "out/\n");
    let before = {
        let mut b = before;
        b.extend(tree(&s.wb));
        b
    };
    for target in [
        "out/new/../../populations/ms/answers/chain.md",
        "out/new/../../covalue.toml",
        ".gitignore",
        "schemas/x.json",
        ".git/config",
        "populations/ms/report.html",
        "handout.html",
    ] {
        let out = run(&s.wb, &["render", "--form", "short", "-o", target]);
        out.assert_code(2);
        assert!(
            out.stderr.contains("refusing to write the report to"),
            "{target}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("help:"), "{target}: {}", out.stderr);
    }
    let after = tree(&s.wb);
    for (path, (bytes, _)) in &before {
        if path.starts_with("out") {
            continue;
        }
        assert_eq!(
            after.get(path).map(|(b, _)| b),
            Some(bytes),
            "{} changed",
            path.display()
        );
    }
    // A report folder made on the way holds no stray file either.
    assert!(!s.wb.join("handout.html").exists());
    // Reports still go to out/ and outside the workbook.
    run(&s.wb, &["render", "--form", "short", "-o", "out/a/b.html"]).assert_code(0);
    let elsewhere = s.outside.join("report.html");
    run(
        &s.wb,
        &[
            "render",
            "--form",
            "short",
            "-o",
            &elsewhere.display().to_string(),
        ],
    )
    .assert_code(0);
    assert!(read(&elsewhere).contains("<html"));
}

#[test]
fn render_never_replaces_a_link_a_fifo_or_a_device() {
    let s = scene();
    let before = tree(&s.outside);
    std::fs::create_dir_all(s.wb.join("out")).expect("out");
    symlink(s.outside.join("victim.txt"), s.wb.join("out/short.html")).expect("link");
    let out = run(&s.wb, &["render", "--form", "short"]);
    out.assert_code(2);
    assert!(out.stderr.contains("is a link"), "{}", out.stderr);
    s.outside_is_untouched(&before);
    assert!(
        s.wb.join("out/short.html").is_symlink(),
        "the link itself is left alone"
    );

    let fifo = s.outside.join("pipe");
    let c = std::ffi::CString::new(fifo.display().to_string()).expect("path");
    // SAFETY: mkfifo reads a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let started = Instant::now();
    let out = run(
        &s.wb,
        &[
            "render",
            "--form",
            "short",
            "-o",
            &fifo.display().to_string(),
        ],
    );
    out.assert_code(2);
    assert!(out.stderr.contains("named pipe"), "{}", out.stderr);
    assert!(started.elapsed() < Duration::from_secs(20));
    // `-o /dev/null` is refused the same way (see confine.rs's unit tests);
    // it is not tried here, where a regression would replace the device.
}

#[test]
fn a_committed_out_link_does_not_redirect_the_report() {
    let s = scene();
    let before = tree(&s.outside);
    symlink(&s.outside, s.wb.join("out")).expect("link");
    let out = run(&s.wb, &["render", "--form", "short"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("out/ folder is a link that leads outside the workbook"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("wrote"), "{}", out.stdout);
    s.outside_is_untouched(&before);
}

#[test]
fn new_persona_stays_in_the_workbook() {
    let s = scene();
    let before = tree(&s.outside);
    let outside = s.outside.display().to_string();
    for population in ["../..", &outside, "../../outside", "ms/../.."] {
        let out = run(
            &s.wb,
            &[
                "new", "persona", population, "eve", "--name", "Eve", "--kind", "patient",
            ],
        );
        out.assert_code(2);
        assert!(out.stderr.contains("help:"), "{population}: {}", out.stderr);
    }
    // A population folder that is a link out of the workbook.
    symlink(&s.outside, s.wb.join("populations/away")).expect("link");
    let out = run(
        &s.wb,
        &[
            "new", "persona", "away", "eve", "--name", "Eve", "--kind", "patient",
        ],
    );
    out.assert_code(2);
    assert!(
        out.stderr.contains("outside the workbook"),
        "{}",
        out.stderr
    );
    let out = run(&s.wb, &["new", "population", "away"]);
    out.assert_no_panic("new population through a link");
    s.outside_is_untouched(&before);
}

// ---------------------------------------------------------------------------
// Reads outside the workbook
// ---------------------------------------------------------------------------

#[test]
fn a_persona_linked_outside_is_neither_printed_nor_rendered() {
    let s = scene();
    let personas = s.wb.join("populations/ms/personas");
    symlink(s.outside.join("secret.txt"), personas.join("leak.md")).expect("link");
    symlink("/proc/self/environ", personas.join("environ.md")).expect("link");
    let out = common::covalue(&s.wb)
        .env("COVALUE_TEST_SECRET", SECRET)
        .args(["check"])
        .output()
        .expect("runs");
    let out = common::Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    out.assert_code(1);
    no_secret(&out, "check");
    assert!(
        out.stdout
            .contains("populations/ms/personas/leak.md is not read: it leads outside the workbook"),
        "{}",
        out.stdout
    );
    let out = run(&s.wb, &["render", "--form", "full"]);
    out.assert_no_panic("render");
    no_secret(&out, "render");
    assert!(
        !all_output_files(&s.wb).contains(SECRET),
        "the report embeds an outside file"
    );
    let out = run(&s.wb, &["diff", "--format", "json", ".", "."]);
    no_secret(&out, "diff");
}

#[test]
fn a_guide_outside_the_workbook_is_refused() {
    let s = scene();
    let absolute = s.outside.join("guide.toml").display().to_string();
    for guide in [
        absolute.as_str(),
        "../outside/guide.toml",
        "/proc/self/environ",
        "/dev/stdin",
    ] {
        s.set_config(&format!("guide = {guide:?}"));
        let out = run(&s.wb, &["check"]);
        out.assert_code(1);
        no_secret(&out, guide);
        assert!(out.stdout.contains("CV040"), "{guide}: {}", out.stdout);
        assert!(
            out.stdout.contains("which covalue will not read"),
            "{guide}: {}",
            out.stdout
        );
        for args in [
            &["render", "--form", "short"][..],
            &["guide", "--format", "toml"],
            &["diff", "--format", "json", ".", "."],
        ] {
            let out = run(&s.wb, args);
            out.assert_no_panic(guide);
            no_secret(&out, guide);
        }
    }
    // Through a link inside the workbook that leads out.
    symlink(&s.outside, s.wb.join("guides")).expect("link");
    s.set_config("guide = \"guides/guide.toml\"");
    let out = run(&s.wb, &["check"]);
    out.assert_code(1);
    no_secret(&out, "guide through a link");
    assert!(
        out.stdout.contains("leads outside the workbook"),
        "{}",
        out.stdout
    );
    // A guide inside the workbook, reached through a link inside it, still works.
    std::fs::create_dir_all(s.wb.join("site")).expect("folder");
    write(&s.wb.join("site/guide.toml"), covalue_guide_text());
    symlink("site", s.wb.join("site-link")).expect("link");
    s.set_config("guide = \"site-link/guide.toml\"");
    let out = run(&s.wb, &["check"]);
    out.assert_no_panic("guide inside");
    assert!(!out.stdout.contains("CV040"), "{}", out.stdout);
}

fn covalue_guide_text() -> String {
    let out = run(&manifest_dir(), &["guide", "--format", "toml"]);
    out.assert_code(0);
    out.stdout
}

#[test]
fn a_templates_folder_outside_the_workbook_is_not_used() {
    let s = scene();
    write(
        &s.outside.join("tpl/short.html"),
        format!("{SECRET}{{{{ doc.body }}}}"),
    );
    for templates in [
        s.outside.join("tpl").display().to_string(),
        "../outside/tpl".to_string(),
    ] {
        s.set_config(&format!("templates = {templates:?}"));
        let out = run(&s.wb, &["render", "--form", "short"]);
        out.assert_code(0);
        assert!(
            out.stderr.contains("which covalue will not read"),
            "{}",
            out.stderr
        );
        assert!(!all_output_files(&s.wb).contains(SECRET));
    }
    symlink(s.outside.join("tpl"), s.wb.join("tpl")).expect("link");
    s.set_config("templates = \"tpl\"");
    let out = run(&s.wb, &["render", "--form", "short"]);
    out.assert_code(0);
    assert!(
        out.stderr.contains("leads outside the workbook"),
        "{}",
        out.stderr
    );
    assert!(!all_output_files(&s.wb).contains(SECRET));
}

// ---------------------------------------------------------------------------
// Hangs and exhaustion
// ---------------------------------------------------------------------------

#[test]
fn devices_fifos_and_huge_files_are_reported_not_read() {
    let s = scene();
    let answers = s.wb.join("populations/ms/answers");
    std::fs::remove_file(answers.join("chain.md")).expect("remove");
    symlink("/dev/zero", answers.join("chain.md")).expect("link");
    let fifo = answers.join("shop.md");
    std::fs::remove_file(&fifo).expect("remove");
    let c = std::ffi::CString::new(fifo.display().to_string()).expect("path");
    // SAFETY: mkfifo reads a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    // A sparse file larger than covalue reads.
    let big = std::fs::File::create(answers.join("network.md")).expect("create");
    big.set_len(64 << 20).expect("grow");
    let started = Instant::now();
    let out = run(&s.wb, &["check"]);
    out.assert_code(1);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "check took {:?}",
        started.elapsed()
    );
    assert!(
        out.stdout.contains("answers/chain.md is not read"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("answers/shop.md is not read: it is a named pipe (FIFO)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("answers/network.md is not read: it is 64 MiB"),
        "{}",
        out.stdout
    );
    let out = run(&s.wb, &["render", "--form", "full"]);
    out.assert_no_panic("render");
    let out = run(&s.wb, &["diff", "--format", "json", ".", "."]);
    out.assert_no_panic("diff");
}

#[test]
fn deeply_nested_front_matter_is_refused_quickly() {
    let s = scene();
    let persona = s.wb.join("populations/ms/personas/deep.md");
    let depth = 80_000;
    write(
        &persona,
        format!(
            "---\nname: {}{}\n---\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    write(
        &s.wb.join("populations/ms/personas/dashes.md"),
        format!("---\nname: x\nfigures:\n  {}x\n---\n", "- ".repeat(5_000)),
    );
    let started = Instant::now();
    let out = run(&s.wb, &["check"]);
    out.assert_code(1);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "check took {:?}",
        started.elapsed()
    );
    assert!(
        out.stdout.contains("nests lists or maps more than"),
        "{}",
        out.stdout
    );
}
