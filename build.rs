//! Passes the built-in guide's version to the binary (for `--version`), and
//! lists the built-in guide texts it embeds: every `guide/co-value*.toml`
//! (translations included) and every released text in `guide/history/`;
//! and joins each language's message catalogue, `i18n/LANG/*.ftl`.

fn main() {
    println!("cargo:rerun-if-changed=guide/co-value.toml");
    let text = std::fs::read_to_string("guide/co-value.toml").unwrap_or_default();
    let version = text
        .lines()
        .map(str::trim)
        .find_map(|l| {
            l.strip_prefix("version").map(|r| {
                r.trim_start()
                    .trim_start_matches('=')
                    .trim()
                    .trim_matches('"')
                    .to_string()
            })
        })
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=COVALUE_GUIDE_VERSION={version}");
    builtin_texts();
    catalogues();
}

/// Writes `$OUT_DIR/catalogues.rs`: a function giving each language's built-in
/// catalogue, every `i18n/LANG/*.ftl` of it joined in file-name order.
fn catalogues() {
    println!("cargo:rerun-if-changed=i18n");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut code = String::from(
        "/// Every file of the language's catalogue, joined.\nfn catalogue_text(tag: &str) -> &'static str {\n    match tag {\n",
    );
    for lang in ["en", "sv", "he", "es"] {
        println!("cargo:rerun-if-changed=i18n/{lang}");
        let mut files: Vec<String> = std::fs::read_dir(format!("i18n/{lang}"))
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .filter(|n| n.ends_with(".ftl"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let parts: Vec<String> = files
            .iter()
            .map(|f| {
                format!(
                    "include_str!({:?}), \"\\n\"",
                    format!("{manifest}/i18n/{lang}/{f}")
                )
            })
            .collect();
        code.push_str(&format!(
            "        {lang:?} => concat!({}),\n",
            parts.join(", ")
        ));
    }
    code.push_str("        _ => \"\",\n    }\n}\n");
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let _ = std::fs::write(format!("{out}/catalogues.rs"), code);
}

/// Writes `$OUT_DIR/builtin_guides.rs`: `&[(name, text)]` of every built-in
/// guide text, sorted by name, each embedded with `include_str!`.
fn builtin_texts() {
    println!("cargo:rerun-if-changed=guide");
    println!("cargo:rerun-if-changed=guide/history");
    let mut names = Vec::new();
    for dir in ["guide", "guide/history"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let wanted =
                name.ends_with(".toml") && (dir != "guide" || name.starts_with("co-value"));
            if wanted {
                names.push(format!("{dir}/{name}"));
            }
        }
    }
    names.sort();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut code = String::from("&[\n");
    for name in names {
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            format!("{manifest}/{name}")
        ));
    }
    code.push_str("]\n");
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let _ = std::fs::write(format!("{out}/builtin_guides.rs"), code);
}
