//! The toolchain and the crates covalue is built from: the `rust-version`
//! in Cargo.toml is one every locked dependency builds with, README says the
//! same, deny.toml allows every locked crate's licence, and
//! THIRD-PARTY-LICENSES.md is the notice the lock file gives today
//! (`COVALUE_BLESS=1 cargo test --test toolchain` writes it again).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use serde_json::Value;

/// `cargo metadata` for this machine's platform, from Cargo.lock as it is.
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host =
        std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .arg("-vV")
            .output()
            .expect("rustc -vV");
    let host = String::from_utf8_lossy(&host.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("host");
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            &host,
        ])
        .current_dir(manifest_dir())
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("metadata is JSON")
}

/// A Rust version as numbers (`1.89` and `1.89.0` are the same).
fn version(v: &str) -> (u32, u32, u32) {
    let mut parts = v.split('.').map(|p| p.parse().unwrap_or(0));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

/// covalue's package and every other package in the resolve.
fn packages(meta: &Value) -> (Value, Vec<Value>) {
    let root = meta["resolve"]["root"].clone();
    let all = meta["packages"].as_array().cloned().unwrap_or_default();
    let (mine, others): (Vec<Value>, Vec<Value>) = all.into_iter().partition(|p| p["id"] == root);
    (mine.into_iter().next().expect("covalue"), others)
}

#[test]
fn no_locked_dependency_needs_a_newer_rust_than_rust_version() {
    let meta = metadata();
    let (covalue, others) = packages(&meta);
    let ours = covalue["rust_version"]
        .as_str()
        .expect("Cargo.toml has rust-version");
    let too_new: Vec<String> = others
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            (version(needs) > version(ours))
                .then(|| format!("{} {} needs Rust {needs}", p["name"], p["version"]))
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "Cargo.toml says rust-version = {ours}, but:\n{}\nraise rust-version (and README.md) or lock older versions",
        too_new.join("\n")
    );
    // The test reads real numbers: some dependency states one.
    assert!(others.iter().any(|p| p["rust_version"].is_string()));
    let readme = read(&manifest_dir().join("README.md"));
    let short = ours.trim_end_matches(".0");
    assert!(
        readme.contains(&format!("Rust {short} or later")),
        "README.md should say \"Rust {short} or later\""
    );
}

/// Whether an SPDX expression (`MIT OR Apache-2.0`, `(A OR B) AND C`, the
/// old `MIT/Apache-2.0`) is satisfied by the licences allowed.
fn satisfied(expression: &str, allowed: &[String]) -> bool {
    let spaced = expression
        .replace('/', " OR ")
        .replace('(', " ( ")
        .replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut at = 0;
    let ok = or(&tokens, &mut at, allowed);
    ok && at == tokens.len()
}

fn or(t: &[&str], at: &mut usize, allowed: &[String]) -> bool {
    let mut any = and(t, at, allowed);
    while t.get(*at) == Some(&"OR") {
        *at += 1;
        any |= and(t, at, allowed);
    }
    any
}

fn and(t: &[&str], at: &mut usize, allowed: &[String]) -> bool {
    let mut all = one(t, at, allowed);
    while t.get(*at) == Some(&"AND") {
        *at += 1;
        all &= one(t, at, allowed);
    }
    all
}

fn one(t: &[&str], at: &mut usize, allowed: &[String]) -> bool {
    match t.get(*at) {
        Some(&"(") => {
            *at += 1;
            let inner = or(t, at, allowed);
            *at += 1; // ")"
            inner
        }
        Some(id) => {
            *at += 1;
            let mut name = id.to_string();
            if t.get(*at) == Some(&"WITH") {
                name = format!("{name} WITH {}", t.get(*at + 1).unwrap_or(&""));
                *at += 2;
            }
            allowed.contains(&name)
        }
        None => false,
    }
}

#[test]
fn deny_toml_allows_the_licence_of_every_locked_crate() {
    let deny: toml::Table = read(&manifest_dir().join("deny.toml"))
        .parse()
        .expect("deny.toml");
    let allowed: Vec<String> = deny["licenses"]["allow"]
        .as_array()
        .expect("licenses.allow")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert!(!satisfied("GPL-3.0-only", &allowed), "the check can fail");
    assert!(satisfied("(MIT OR Apache-2.0) AND Unicode-3.0", &allowed));
    let (_, others) = packages(&metadata());
    let refused: Vec<String> = others
        .iter()
        .filter(|p| !satisfied(p["license"].as_str().unwrap_or(""), &allowed))
        .map(|p| format!("{} {}: {}", p["name"], p["version"], p["license"]))
        .collect();
    assert!(
        refused.is_empty(),
        "licences deny.toml does not allow:\n{}",
        refused.join("\n")
    );
}

/// The packages built into the binary: covalue's normal dependencies (and
/// theirs), for this platform, without dev- and build-dependencies.
fn shipped(meta: &Value) -> Vec<Value> {
    let nodes: BTreeMap<String, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| (n["id"].as_str().unwrap_or_default().to_string(), n))
        .collect();
    let root = meta["resolve"]["root"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![root.clone()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        for dep in nodes
            .get(&id)
            .and_then(|n| n["deps"].as_array())
            .into_iter()
            .flatten()
        {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    let mut packages: Vec<Value> = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["id"] != root.as_str() && seen.contains(p["id"].as_str().unwrap_or_default()))
        .cloned()
        .collect();
    packages.sort_by_key(|p| (p["name"].to_string(), p["version"].to_string()));
    packages
}

/// The licence files a package ships (LICENSE*, LICENCE*, COPYING*,
/// UNLICENSE*, NOTICE*), by name.
fn licence_files(manifest: &Path) -> Vec<(String, String)> {
    let dir = manifest.parent().expect("package folder");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let upper = n.to_uppercase();
            ["LICENSE", "LICENCE", "COPYING", "UNLICENSE", "NOTICE"]
                .iter()
                .any(|p| upper.starts_with(p))
        })
        .map(|n| {
            let text = String::from_utf8_lossy(&std::fs::read(dir.join(&n)).unwrap_or_default())
                .replace("\r\n", "\n");
            (n, text.trim_end().to_string())
        })
        .collect();
    files.sort();
    files
}

/// THIRD-PARTY-LICENSES.md as the lock file gives it.
fn notice(meta: &Value) -> String {
    let packages = shipped(meta);
    let mut text = String::from(
        "# Third-party licences\n\n\
         The covalue binary is built from these crates (for Linux on x86-64 and\n\
         similar platforms; the list is covalue's dependencies in Cargo.lock that\n\
         are compiled into the binary, not those used only by its tests). Each is\n\
         used under the licence shown; their licence texts follow, each text once\n\
         with the crates it comes with.\n\n\
         Made from Cargo.lock by `COVALUE_BLESS=1 cargo test --test toolchain`;\n\
         the same test fails when this file is out of date.\n\n\
         | crate | version | licence |\n|---|---|---|\n",
    );
    let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &packages {
        let name = p["name"].as_str().unwrap_or_default();
        let version = p["version"].as_str().unwrap_or_default();
        let licence = p["license"].as_str().unwrap_or("see its licence file");
        text.push_str(&format!("| {name} | {version} | {licence} |\n"));
        let manifest = Path::new(p["manifest_path"].as_str().unwrap_or_default());
        for (_, body) in licence_files(manifest) {
            texts
                .entry(body)
                .or_default()
                .push(format!("{name} {version}"));
        }
    }
    let mut ordered: Vec<(Vec<String>, String)> = texts
        .into_iter()
        .map(|(body, users)| (users, body))
        .collect();
    ordered.sort();
    for (users, body) in ordered {
        text.push_str(&format!(
            "\n## {}\n\n```text\n{}\n```\n",
            users.join(", "),
            body.replace("```", "'''")
        ));
    }
    text
}

#[test]
fn the_third_party_licence_notice_is_current() {
    let meta = metadata();
    let made = notice(&meta);
    let path = manifest_dir().join("THIRD-PARTY-LICENSES.md");
    if std::env::var("COVALUE_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, &made).expect("write THIRD-PARTY-LICENSES.md");
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    // Every shipped crate is named, and the file is what the lock file gives.
    for p in shipped(&meta) {
        let row = format!(
            "| {} | {} |",
            p["name"].as_str().unwrap_or_default(),
            p["version"].as_str().unwrap_or_default()
        );
        assert!(
            kept.contains(&row),
            "THIRD-PARTY-LICENSES.md lacks {row}: run `COVALUE_BLESS=1 cargo test --test toolchain`"
        );
    }
    assert!(
        kept == made,
        "THIRD-PARTY-LICENSES.md is out of date: run `COVALUE_BLESS=1 cargo test --test toolchain`"
    );
}
