//! The built-in guide's text is pinned to its version: every
//! `guide/co-value*.toml` (translations included) and every released text in
//! `guide/history/` has a hash per version in `guide/versions.lock`, and this
//! test fails when a text changes while its `version` stays the same, or
//! when a released version's text is not kept in `guide/history/`.
//! `COVALUE_BLESS=1 cargo test --test guide_versions` writes the lock again
//! (after a new version, never to hide a change).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::manifest_dir;

const LOCK: &str = "guide/versions.lock";

/// FNV-1a, 64 bits, of the text with CRLF read as LF (a Windows checkout
/// is the same text).
fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.replace("\r\n", "\n").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The `version` under `[guide]` of a guide text.
fn version(name: &str, text: &str) -> String {
    let doc: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{name} is not TOML: {e}"));
    doc.get("guide")
        .and_then(|g| g.get("version"))
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("{name} has no [guide] version"))
        .to_string()
}

/// Every built-in guide text: (path, version, hash).
fn texts(root: &Path) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for dir in ["guide", "guide/history"] {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
            .expect(dir)
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".toml") && (dir != "guide" || n.starts_with("co-value")))
            .collect();
        names.sort();
        for name in names {
            let path = format!("{dir}/{name}");
            let text = std::fs::read_to_string(root.join(&path)).expect("a guide text");
            out.push((path.clone(), version(&path, &text), hash(&text)));
        }
    }
    out
}

/// The lock: (path, version) → hash.
fn read_lock(root: &Path) -> BTreeMap<(String, String), String> {
    let text = std::fs::read_to_string(root.join(LOCK)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            Some((
                (parts.next()?.to_string(), parts.next()?.to_string()),
                parts.next()?.to_string(),
            ))
        })
        .collect()
}

fn write_lock(root: &Path, lock: &BTreeMap<(String, String), String>) {
    let mut text = String::from(
        "# The built-in guide's texts, one hash per file and version (FNV-1a 64 of\n\
         # the text, CRLF read as LF). Checked by `cargo test --test guide_versions`;\n\
         # after bumping `version` in a guide file and keeping its released text in\n\
         # guide/history/, write it again with COVALUE_BLESS=1.\n",
    );
    for ((path, version), h) in lock {
        text.push_str(&format!("{path} {version} {h}\n"));
    }
    std::fs::write(root.join(LOCK), text).expect("write the lock");
}

/// `guide/co-value.sv.toml` at 1.0 is kept as `guide/history/co-value.sv-1.0.toml`.
fn history_name(path: &str, version: &str) -> String {
    let stem = path
        .strip_prefix("guide/")
        .and_then(|p| p.strip_suffix(".toml"))
        .unwrap_or(path);
    format!("guide/history/{stem}-{version}.toml")
}

#[test]
fn each_built_in_guide_text_is_pinned_to_its_version() {
    let root = manifest_dir();
    let now = texts(&root);
    let mut lock = read_lock(&root);
    if std::env::var_os("COVALUE_BLESS").is_some() {
        for (path, version, h) in &now {
            lock.insert((path.clone(), version.clone()), h.clone());
        }
        write_lock(&root, &lock);
        return;
    }
    let mut problems = Vec::new();
    for (path, version, h) in &now {
        match lock.get(&(path.clone(), version.clone())) {
            Some(pinned) if pinned == h => {}
            Some(_) if path.starts_with("guide/history/") => problems.push(format!(
                "{path} is the released text of version {version} and changed: restore it (`git checkout {path}`); a released text is never edited"
            )),
            Some(_) => problems.push(format!(
                "the text of {path} changed but its version is still {version}: bump `version` in {path} (for example to the next minor version), keep the text of {version} as {}, then run `COVALUE_BLESS=1 cargo test --test guide_versions`",
                history_name(path, version)
            )),
            None => problems.push(format!(
                "{path} at version {version} is not in {LOCK}: run `COVALUE_BLESS=1 cargo test --test guide_versions` to pin it"
            )),
        }
    }
    // Each released version of a guide file is kept, unchanged, in history.
    for ((path, version), h) in &lock {
        if path.starts_with("guide/history/") {
            continue;
        }
        let current = now.iter().find(|(p, _, _)| p == path);
        if current.is_some_and(|(_, v, _)| v == version) {
            continue;
        }
        let kept = history_name(path, version);
        match now.iter().find(|(p, _, _)| *p == kept) {
            Some((_, v, kept_hash)) if v == version && kept_hash == h => {}
            Some(_) => problems.push(format!(
                "{kept} is not the text of {path} as version {version} was released"
            )),
            None => problems.push(format!(
                "version {version} of {path} was released: keep its text as {kept} (`git show` it from the last commit at {version})"
            )),
        }
    }
    // A history file is named for the version it holds.
    for (path, version, _) in &now {
        if let Some(name) = path.strip_prefix("guide/history/") {
            assert!(
                name.ends_with(&format!("-{version}.toml")),
                "{path} holds version {version}: name it after that version"
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_first_release_is_kept_and_the_guide_shipped_now_is_a_newer_version() {
    let root = manifest_dir();
    let now = texts(&root);
    let current = now
        .iter()
        .find(|(p, _, _)| p == "guide/co-value.toml")
        .expect("the built-in guide");
    assert_ne!(
        current.1, "1.0",
        "the wording changed after 1.0 was released"
    );
    assert!(
        now.iter()
            .any(|(p, v, _)| p == "guide/history/co-value-1.0.toml" && v == "1.0")
    );
    // The hash tells texts apart.
    assert_ne!(hash("a"), hash("b"));
    assert_eq!(hash("a\r\nb"), hash("a\nb"));
}
