//! Passes the built-in guide's version to the binary (for `--version`).

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
}
