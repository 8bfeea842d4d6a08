//! What a hostile or unlucky run must not do to the computer it runs on:
//! leave temporary files or a browser behind when interrupted, read files
//! outside a site's templates folder, run forever on a site's template, let
//! a repository's config make git run a program, or change its exit code
//! because the reader of its output went away.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{HALF_DONE, bin_path, covalue, example, run};
#[cfg(unix)]
use common::{clone_population, git};

/// Starts `covalue ARGS` in `dir` without waiting, as the tests above a
/// pipe or a signal need it.
fn spawn(dir: &Path, args: &[&str], stdout: Stdio) -> Child {
    Command::new(bin_path())
        .args(args)
        .current_dir(dir)
        .env("COVALUE_TODAY", common::TODAY)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("covalue starts")
}

/// Waits for a child, killing it (and failing) after `limit`.
fn wait_within(child: &mut Child, limit: Duration) -> Option<i32> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("covalue did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Waits until `found` says yes, for at most `limit`.
#[cfg(unix)]
fn wait_for(limit: Duration, mut found: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if found() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[cfg(unix)]
fn signal(child: &Child, name: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(ok.success(), "kill -{name} failed");
}

/// The names in `dir` that look like covalue's temporary files.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.contains(".covalue-") && n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// A copy of the complete example with `count` populations.
#[cfg(unix)]
fn big_workbook(count: usize) -> tempfile::TempDir {
    let tmp = example(common::COMPLETE);
    for i in 0..count {
        clone_population(tmp.path(), "ms", &format!("ms-{i:04}"));
    }
    tmp
}

// ---------------------------------------------------------------------------
// Interrupted runs
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn an_interrupted_render_leaves_no_temporary_file_and_the_old_report() {
    let wb = big_workbook(300);
    let out = wb.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    std::fs::write(out.join("full.html"), "the old report").expect("old report");
    for sig in ["TERM", "INT", "HUP"] {
        let mut child = spawn(
            wb.path(),
            &["render", "--form", "full", "-q"],
            Stdio::null(),
        );
        let writing = wait_for(Duration::from_secs(60), || !temp_files(&out).is_empty());
        assert!(
            writing,
            "the render never started writing its temporary file"
        );
        signal(&child, sig);
        let code = wait_within(&mut child, Duration::from_secs(30));
        let number = match sig {
            "TERM" => 15,
            "INT" => 2,
            _ => 1,
        };
        assert_eq!(code, Some(128 + number), "exit code after SIG{sig}");
        assert_eq!(temp_files(&out), Vec::<String>::new(), "after SIG{sig}");
        assert_eq!(
            std::fs::read_to_string(out.join("full.html")).expect("report"),
            "the old report",
            "after SIG{sig}"
        );
    }
}

// ---------------------------------------------------------------------------
// Site templates
// ---------------------------------------------------------------------------

/// The complete example with a templates folder holding `files`.
fn with_templates(files: &[(&str, &str)]) -> tempfile::TempDir {
    let wb = example(common::COMPLETE);
    let config = wb.path().join("covalue.toml");
    let text = std::fs::read_to_string(&config).expect("config") + "templates = \"templates\"\n";
    std::fs::write(&config, text).expect("config");
    std::fs::create_dir_all(wb.path().join("templates")).expect("templates");
    for (name, text) in files {
        std::fs::write(wb.path().join("templates").join(name), text).expect("template");
    }
    wb
}

/// Renders the short form with a 30-second limit; a template that runs away
/// fails the test instead of hanging it.
fn render_short(wb: &Path) -> common::Run {
    let out = covalue(wb)
        .args(["render", "--form", "short", "-o", "out/r.html"])
        .timeout(Duration::from_secs(30))
        .output()
        .expect("covalue runs");
    common::Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn an_include_that_links_out_of_the_templates_folder_is_refused() {
    let secret = tempfile::TempDir::new().expect("tmp");
    std::fs::write(secret.path().join("key.txt"), "SECRET-KEY-42").expect("secret");
    let wb = with_templates(&[(
        "short-population.html",
        "<section>{% include \"x.txt\" %}</section>",
    )]);
    std::os::unix::fs::symlink(
        secret.path().join("key.txt"),
        wb.path().join("templates/x.txt"),
    )
    .expect("link");
    let run = render_short(wb.path());
    run.assert_code(2);
    assert!(
        run.stderr.contains("outside the templates folder"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("SECRET-KEY-42"));
    let report = std::fs::read_to_string(wb.path().join("out/r.html")).unwrap_or_default();
    assert!(!report.contains("SECRET-KEY-42"));

    // A link inside the folder is fine.
    std::fs::remove_file(wb.path().join("templates/x.txt")).expect("unlink");
    std::fs::write(wb.path().join("templates/real.txt"), "SITE-NOTE").expect("note");
    std::os::unix::fs::symlink("real.txt", wb.path().join("templates/x.txt")).expect("link");
    render_short(wb.path()).assert_code(0);
    let report = std::fs::read_to_string(wb.path().join("out/r.html")).expect("report");
    assert!(report.contains("SITE-NOTE"));
}

#[cfg(unix)]
#[test]
fn a_site_template_that_links_out_of_the_folder_is_refused() {
    let secret = tempfile::TempDir::new().expect("tmp");
    std::fs::write(
        secret.path().join("short.html"),
        "SECRET-KEY-42 {{ doc.body }}",
    )
    .expect("secret");
    let wb = with_templates(&[]);
    std::os::unix::fs::symlink(
        secret.path().join("short.html"),
        wb.path().join("templates/short.html"),
    )
    .expect("link");
    let run = render_short(wb.path());
    run.assert_code(2);
    assert!(
        run.stderr.contains("templates/short.html"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("outside the templates folder"),
        "{}",
        run.stderr
    );
    assert!(!wb.path().join("out/r.html").exists());
}

/// Asserts that a site's population template stops with exit 2 and an
/// error that names it, quickly, and leaves no report or temporary file.
fn assert_stopped(template: &str, expect: &str) {
    let wb = with_templates(&[("short-population.html", template)]);
    let started = Instant::now();
    let run = render_short(wb.path());
    run.assert_code(2);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        run.stderr.contains("templates/short-population.html"),
        "the error names the template: {}",
        run.stderr
    );
    assert!(run.stderr.contains(expect), "{}", run.stderr);
    assert!(!wb.path().join("out/r.html").exists());
    assert_eq!(temp_files(&wb.path().join("out")), Vec::<String>::new());
}

#[test]
fn a_template_that_loops_too_long_runs_out_of_fuel() {
    assert_stopped(
        "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}.{% endfor %}{% endfor %}{% endfor %}",
        "more work than a report needs",
    );
}

#[test]
fn a_template_that_doubles_a_string_is_stopped_before_memory_runs_out() {
    assert_stopped(
        "{% set ns = namespace(s=\"xxxxxxxx\") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "more work than a report needs",
    );
    let mut doubling = String::from("{% set s = \"xxxxxxxx\" %}");
    doubling.push_str(&"{% set s = s ~ s %}".repeat(48));
    doubling.push_str("{{ s|length }}");
    assert_stopped(&doubling, "more work than a report needs");
    assert_stopped(
        "{{ (\"x\" * 100000000000)|length }}",
        "more work than a report needs",
    );
}

#[test]
fn a_template_that_recurses_without_end_is_stopped() {
    assert_stopped(
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
        "deep",
    );
}

// ---------------------------------------------------------------------------
// git
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn git_never_runs_the_repositorys_fsmonitor_or_hooks() {
    use std::os::unix::fs::PermissionsExt;
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let home = tempfile::TempDir::new().expect("home");
    let wb = example(HALF_DONE);
    let marker = home.path().join("marker");
    let script = home.path().join("evil.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$0 $*\" >> '{}'\n", marker.display()),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    git(home.path(), wb.path(), &["init", "-q"]);
    git(home.path(), wb.path(), &["add", "-A"]);
    git(home.path(), wb.path(), &["commit", "-q", "-m", "session 1"]);
    let hooks = home.path().join("hooks");
    std::fs::create_dir_all(&hooks).expect("hooks");
    for hook in [
        "post-index-change",
        "post-checkout",
        "pre-commit",
        "reference-transaction",
    ] {
        std::os::unix::fs::symlink(&script, hooks.join(hook)).expect("hook");
        std::os::unix::fs::symlink(&script, wb.path().join(".git/hooks").join(hook)).expect("hook");
    }
    let script_text = script.to_string_lossy().to_string();
    let hooks_text = hooks.to_string_lossy().to_string();
    git(
        home.path(),
        wb.path(),
        &["config", "core.fsmonitor", &script_text],
    );
    git(
        home.path(),
        wb.path(),
        &["config", "core.hooksPath", &hooks_text],
    );
    // A change, so that status and diff have something to look at.
    let answers = wb
        .path()
        .join("populations/heart-failure/answers/short-form.md");
    let text = std::fs::read_to_string(&answers).unwrap_or_default() + "\nOne more line.\n";
    std::fs::write(&answers, text).expect("edit");

    // The fixture works: plain git status runs the fsmonitor program.
    git(home.path(), wb.path(), &["status", "--porcelain"]);
    assert!(
        marker.exists(),
        "the fsmonitor script of the fixture did not run"
    );
    std::fs::remove_file(&marker).expect("reset marker");

    let render = covalue(wb.path())
        .env("HOME", home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["render", "--form", "short", "-q", "-o", "out/r.html"])
        .output()
        .expect("render runs");
    assert_eq!(render.status.code(), Some(0));
    let report = std::fs::read_to_string(wb.path().join("out/r.html")).expect("report");
    assert!(report.contains("uncommitted changes"), "git status ran");
    let diff = covalue(wb.path())
        .env("HOME", home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["diff", "HEAD"])
        .output()
        .expect("diff runs");
    assert_eq!(diff.status.code(), Some(1), "diff HEAD sees the change");
    assert!(
        !marker.exists(),
        "git ran a program the repository named: {}",
        std::fs::read_to_string(&marker).unwrap_or_default()
    );

    // And a diff whose reader goes away still says that something changed.
    let mut child = spawn(wb.path(), &["diff", "HEAD"], Stdio::piped());
    drop(child.stdout.take());
    assert_eq!(wait_within(&mut child, Duration::from_secs(60)), Some(1));
}

// ---------------------------------------------------------------------------
// A closed pipe
// ---------------------------------------------------------------------------

/// Runs `covalue ARGS` with its output read by a reader that stops after
/// `lines` lines (none: the pipe is closed before covalue writes); its code.
fn code_with_closed_pipe(dir: &Path, args: &[&str], lines: usize) -> Option<i32> {
    let mut child = spawn(dir, args, Stdio::piped());
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::new(stdout);
        for _ in 0..lines {
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
        }
    }
    let code = wait_within(&mut child, Duration::from_secs(60));
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut stderr, &mut err);
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    code
}

#[test]
fn a_closed_pipe_does_not_change_checks_exit_code() {
    let wb = example(HALF_DONE);
    let expected = run(wb.path(), &["check"]).code;
    assert_eq!(expected, Some(1), "the half-done example has findings");
    for format in ["human", "json", "github"] {
        for lines in [0, 1] {
            let code = code_with_closed_pipe(wb.path(), &["check", "--format", format], lines);
            assert_eq!(
                code,
                Some(1),
                "check --format {format}, reader gone after {lines} line(s)"
            );
        }
    }
    let complete = example(common::COMPLETE);
    assert_eq!(run(complete.path(), &["check"]).code, Some(0));
    assert_eq!(
        code_with_closed_pipe(complete.path(), &["check"], 0),
        Some(0)
    );
    let render = code_with_closed_pipe(complete.path(), &["render", "--form", "short"], 0);
    assert_eq!(
        render,
        Some(0),
        "render's exit code does not depend on its reader"
    );
}

// ---------------------------------------------------------------------------
// The browser
// ---------------------------------------------------------------------------

/// The command lines of the processes running now that mention `text`.
#[cfg(unix)]
fn processes_mentioning(text: &str) -> Vec<String> {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    procs
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
        .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
        .filter(|c| c.contains(text))
        .collect()
}

/// A browser to print with, or None (with the reason printed) outside CI.
#[cfg(unix)]
fn browser() -> Option<PathBuf> {
    let found = covalue::render::pdf::find_browser(None, std::env::var_os("COVALUE_BROWSER")).ok();
    match found {
        Some(b) if Path::new("/proc/self/cmdline").exists() => Some(b),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true: the browser tests need chromium (.ci/run installs it) and /proc")
        }
        _ => {
            eprintln!("skipped: no Chromium/Chrome (apt-get install chromium) or no /proc");
            None
        }
    }
}

/// Starts `render --pdf` of a big workbook with its own temporary folder,
/// and waits until the browser runs; the child, the workbook and that folder.
#[cfg(unix)]
fn printing() -> Option<(Child, tempfile::TempDir, tempfile::TempDir)> {
    browser()?;
    let wb = big_workbook(40);
    let tmp = tempfile::TempDir::new().expect("tmp");
    let child = Command::new(bin_path())
        .args(["render", "--form", "full", "--pdf", "-q"])
        .current_dir(wb.path())
        .env("TMPDIR", tmp.path())
        .env("COVALUE_TODAY", common::TODAY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("covalue starts");
    let folder = tmp.path().to_string_lossy().to_string();
    let started = wait_for(Duration::from_secs(120), || {
        !processes_mentioning(&folder).is_empty()
    });
    assert!(started, "the browser never started");
    Some((child, wb, tmp))
}

#[cfg(unix)]
#[test]
fn a_stopped_pdf_render_stops_the_browser_and_removes_its_folder() {
    use std::os::unix::fs::PermissionsExt;
    let Some((mut child, _wb, tmp)) = printing() else {
        return;
    };
    let folder = tmp.path().to_string_lossy().to_string();
    let run_dir = std::fs::read_dir(tmp.path())
        .expect("tmp")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("covalue-pdf-"))
        .expect("the browser's folder")
        .path();
    let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode(&run_dir).ok(), Some(0o700), "the folder is private");
    assert_eq!(
        mode(&run_dir.join("report.html")).ok(),
        Some(0o600),
        "the report is private"
    );
    signal(&child, "TERM");
    assert_eq!(wait_within(&mut child, Duration::from_secs(30)), Some(143));
    let gone = wait_for(Duration::from_secs(10), || {
        processes_mentioning(&folder).is_empty()
    });
    assert!(gone, "left running: {:?}", processes_mentioning(&folder));
    assert!(!run_dir.exists(), "the browser's folder is removed");
}

#[cfg(target_os = "linux")]
#[test]
fn a_killed_pdf_render_takes_the_browser_with_it() {
    let Some((mut child, _wb, tmp)) = printing() else {
        return;
    };
    let folder = tmp.path().to_string_lossy().to_string();
    signal(&child, "KILL");
    let _ = wait_within(&mut child, Duration::from_secs(30));
    let gone = wait_for(Duration::from_secs(20), || {
        processes_mentioning(&folder).is_empty()
    });
    assert!(gone, "left running: {:?}", processes_mentioning(&folder));
}
