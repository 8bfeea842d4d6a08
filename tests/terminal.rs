//! Workbook text never drives the terminal: escape sequences, C1 controls
//! and bidi overrides written into answers, names, titles and file names are
//! shown, not obeyed, by every verb that prints to a terminal, whatever the
//! colour setting.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::{COMPLETE, covalue, example, git, read, write};

/// Sequences a hostile workbook plants: a window title (OSC 0), the
/// clipboard (OSC 52), clear screen, concealed text (which covalue never
/// uses for its own colours), a C1 CSI, DCS, and a right-to-left override.
const PLANTED: &[&str] = &[
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{1b}[2J",
    "\u{1b}[8m",
    "\u{9b}31m",
    "\u{1b}P1$r\u{1b}\\",
    "\u{202e}",
    "\r",
];

/// Every planted sequence, one after another, as TOML would write it.
fn planted_toml() -> String {
    PLANTED
        .iter()
        .flat_map(|s| s.chars())
        .map(|c| {
            if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) {
                format!("\\u{:04X}", u32::from(c))
            } else if c == '\\' {
                "\\\\".to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// What must never reach a terminal: any control character other than line
/// feed and tab, and any bidi override, except the escape that starts one of
/// covalue's own colour codes (`ESC [ digits m`).
fn assert_safe(what: &str, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' {
            let mut j = i + 1;
            let sgr = chars.get(j) == Some(&'[') && {
                j += 1;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || *c == ';')
                {
                    j += 1;
                }
                chars.get(j) == Some(&'m')
            };
            assert!(
                sgr,
                "{what}: a raw escape sequence reached the terminal at {i}:\n{text:?}"
            );
            let code: String = chars[i..=j].iter().collect();
            assert_ne!(
                code, "\u{1b}[8m",
                "{what}: the workbook's concealed text came through"
            );
            i = j + 1;
            continue;
        }
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "{what}: {c:?} reached the terminal at {i}:\n{text:?}");
        i += 1;
    }
}

/// The complete example with the planted sequences in a step's title, a
/// persona's name, an answer, a persona id that `check` quotes, and a file
/// name; committed to git as `before`, then changed again in the working tree.
fn hostile() -> (tempfile::TempDir, tempfile::TempDir) {
    let wb = example(COMPLETE);
    let home = tempfile::tempdir().expect("home");
    let root = wb.path();
    let ms = root.join("populations/ms");
    git(home.path(), root, &["init", "-q"]);
    git(home.path(), root, &["add", "-A"]);
    git(home.path(), root, &["commit", "-q", "-m", "before"]);
    git(home.path(), root, &["tag", "before"]);

    let toml = planted_toml();
    let map = ms.join("process-map.toml");
    let text = read(&map)
        .replacen(
            "title = \"Noticing first symptoms and seeing primary care\"",
            &format!("title = \"Noticing {toml} symptoms\""),
            1,
        )
        .replacen(
            "personas = [\"asa\"]",
            &format!("personas = [\"asa{toml}\"]"),
            1,
        );
    write(&map, text);
    let raw: String = PLANTED.concat();
    let persona = ms.join("personas/asa.md");
    write(
        &persona,
        read(&persona).replacen("name: Åsa", &format!("name: \"Åsa{toml}\""), 1),
    );
    let chain = ms.join("answers/chain.md");
    write(
        &chain,
        read(&chain).replacen(
            "The infusion chain works well",
            &format!("The infusion {raw} chain works well"),
            1,
        ),
    );
    write(
        &ms.join(format!("personas/x{raw}.md")),
        "---\nname: X\nkind: patient\n---\n",
    );
    (wb, home)
}

fn outputs(dir: &Path, args: &[&str], color: bool) -> (String, String) {
    let mut cmd = covalue(dir);
    if color {
        cmd.arg("--color").arg("always");
    }
    let out = cmd.args(args).output().expect("covalue runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "covalue {args:?} panicked:\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn no_verb_prints_a_workbooks_control_sequences() {
    let (wb, _home) = hostile();
    let root = wb.path();
    let verbs: &[&[&str]] = &[
        &["check"],
        &["check", "--open"],
        &["check", "--format", "json"],
        &["check", "--format", "github"],
        &["diff", "before"],
        &["diff", "before", "--stat"],
        &["diff", "before", "--format", "json"],
        &["diff", "before", "--format", "md"],
        &["diff", "--git-textconv", "populations/ms/process-map.toml"],
        &["diff", "--git-textconv", "populations/ms/answers/chain.md"],
    ];
    for args in verbs {
        for color in [false, true] {
            let (stdout, stderr) = outputs(root, args, color);
            let what = format!("covalue {args:?} (colour {color})");
            assert_safe(&format!("{what}, stdout"), &stdout);
            assert_safe(&format!("{what}, stderr"), &stderr);
        }
    }
    // The sequences are shown, so that a reader sees something is there.
    let (stdout, _) = outputs(root, &["check"], false);
    assert!(stdout.contains("␛]52;c;aGk="), "{stdout}");
    assert!(
        stdout.contains("\\u{9b}31m") && stdout.contains("\\u{202e}"),
        "{stdout}"
    );
}

#[test]
fn the_git_driver_shows_control_sequences_instead_of_obeying_them() {
    let (wb, _home) = hostile();
    let root = wb.path();
    let old = root.join("old-chain.md");
    std::fs::copy(root.join("populations/ms/answers/chain.md"), &old).expect("copy");
    let new = root.join("populations/ms/answers/chain.md");
    write(
        &new,
        read(&new).replacen("chain works well", "chain works \u{1b}[2J well", 1),
    );
    let name = format!("populations/ms/personas/x{}.md", PLANTED.concat());
    for (path, old, new) in [
        (
            "populations/ms/answers/chain.md",
            old.to_string_lossy().into_owned(),
            new.to_string_lossy().into_owned(),
        ),
        (
            name.as_str(),
            "/dev/null".to_string(),
            root.join(&name).to_string_lossy().into_owned(),
        ),
    ] {
        for color in [false, true] {
            let args = [
                "diff",
                "--git-driver",
                path,
                &old,
                "0000000",
                "100644",
                &new,
                "0000000",
                "100644",
            ];
            let (stdout, stderr) = outputs(root, &args, color);
            assert!(!stdout.is_empty(), "the driver printed nothing for {path}");
            assert_safe(&format!("the git driver on {path:?}, stdout"), &stdout);
            assert_safe(&format!("the git driver on {path:?}, stderr"), &stderr);
        }
    }
}

/// Control characters other than line feed and tab, and bidi embeddings
/// and overrides (which would reorder a printed line), in a page or handout.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{202a}'..='\u{202e}').contains(c)
        })
        .collect()
}

#[test]
fn pages_and_handouts_carry_no_control_characters() {
    let (wb, _home) = hostile();
    let root = wb.path();
    let runs: &[&[&str]] = &[
        &["render", "--form", "full", "-q"],
        &["render", "--form", "short", "-q"],
        &["render", "--form", "full", "--format", "md", "-q"],
        &["render", "--form", "full", "--blank", "-q"],
        &["session", "new", "-q"],
        &["session", "pack", "-q"],
        &["session", "pack", "--format", "md", "-q"],
    ];
    for args in runs {
        let out = covalue(root).args(*args).output().expect("covalue runs");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "covalue {args:?} panicked"
        );
    }
    let written: Vec<_> = std::fs::read_dir(root.join("out"))
        .expect("the reports are in out/")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(written.len() >= 6, "{written:?}");
    for page in written {
        let text = read(&page);
        let name = page.file_name().map(|n| n.to_string_lossy().into_owned());
        let holds_answers =
            name.is_some_and(|n| n.starts_with("full.") || n.starts_with("session-"));
        assert!(
            !holds_answers || text.contains("chain works well"),
            "{} lost the answer",
            page.display()
        );
        assert_eq!(controls(&text), Vec::<char>::new(), "{}", page.display());
    }
    let (html, _) = outputs(root, &["diff", "before", "--format", "html"], false);
    assert!(html.contains("<html"), "{html}");
    assert_eq!(controls(&html), Vec::<char>::new(), "diff --format html");
}
