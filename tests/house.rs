//! The house rules of the source (docs/architecture.md): every source file
//! stays under 900 lines before its tests, and no two modules import each
//! other, directly or round a longer loop. A file that grows past the limit
//! becomes a folder of files, one concept each.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MOST_LINES: usize = 900;

/// Every `.rs` file under `src/`, by module path (`render::svg::compass`).
fn modules() -> BTreeMap<String, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut folders = vec![src.clone()];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ can be listed") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(&src)
                .expect("under src/")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
            {
                parts.pop();
            }
            out.insert(parts.join("::"), path);
        }
    }
    out
}

/// The lines of a file before its unit tests.
fn lines_before_tests(text: &str) -> usize {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .count()
}

#[test]
fn every_source_file_stays_under_900_lines_before_its_tests() {
    let too_long: Vec<String> = modules()
        .values()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).expect("a source file is text");
            let n = lines_before_tests(&text);
            (n >= MOST_LINES).then(|| format!("{} has {n} lines", path.display()))
        })
        .collect();
    assert!(
        too_long.is_empty(),
        "split these by concept into a folder of files:\n{}",
        too_long.join("\n")
    );
}

/// The modules a file names as `crate::…` (the longest known module path
/// of each), outside its unit tests.
fn imports(text: &str, known: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    let code: String = text[..text.find("#[cfg(test)]").unwrap_or(text.len())]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        while !parts.is_empty() {
            let candidate = parts.join("::");
            if known.contains_key(&candidate) {
                out.insert(candidate);
                break;
            }
            parts.pop();
        }
    }
    out
}

/// Whether one module is the other or holds it (a folder's own file and
/// its sub-files may use each other).
fn related(a: &str, b: &str) -> bool {
    a.is_empty()
        || b.is_empty()
        || a == b
        || b.starts_with(&format!("{a}::"))
        || a.starts_with(&format!("{b}::"))
}

#[test]
fn no_two_modules_import_each_other() {
    let known = modules();
    let edges: BTreeMap<&str, BTreeSet<String>> = known
        .iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(path).expect("a source file is text");
            let to = imports(&text, &known)
                .into_iter()
                .filter(|other| !related(name, other))
                .collect();
            (name.as_str(), to)
        })
        .collect();
    // A loop is a path back to where it started.
    let mut loops = Vec::new();
    for start in edges.keys() {
        let mut stack: Vec<Vec<&str>> = vec![vec![start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = path[path.len() - 1];
            for next in edges.get(last).into_iter().flatten() {
                if next == start {
                    let mut shown = path.clone();
                    shown.push(start);
                    loops.push(shown.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
    loops.sort();
    loops.dedup();
    assert!(
        loops.is_empty(),
        "modules that import each other (move what both need into a module of its own):\n{}",
        loops.join("\n")
    );
}
