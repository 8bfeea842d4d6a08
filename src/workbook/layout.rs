//! Where things are in a workbook, in one place: the names of its folders
//! and files, and the rule for slugs (the names of population folders and
//! persona files). The loader, the scaffolder, `diff` and the privacy lint
//! all take these names from here.

/// The file that marks a workbook's root.
pub const CONFIG_FILE: &str = "covalue.toml";
/// The folder holding one folder per population.
pub const POPULATIONS_DIR: &str = "populations";
/// A population's description, in its folder.
pub const POPULATION_FILE: &str = "population.toml";
/// A population's personas, one Markdown file each.
pub const PERSONAS_DIR: &str = "personas";
/// A population's process map.
pub const PROCESS_MAP_FILE: &str = "process-map.toml";
/// A population's value compass.
pub const COMPASS_FILE: &str = "value-compass.toml";
/// A population's register of improvements.
pub const IMPROVEMENTS_FILE: &str = "improvements.toml";
/// A population's answers to the guide, one file per step.
pub const ANSWERS_DIR: &str = "answers";
/// A population's own notes for the team (not read by the check).
pub const README_FILE: &str = "README.md";
/// The JSON Schemas for editors, at the workbook's root.
pub const SCHEMA_DIR: &str = "schemas";
/// The session records, one TOML file per session, at the workbook's root.
pub const SESSIONS_DIR: &str = "sessions";
/// Where reports go, at the workbook's root (kept out of git).
pub const REPORT_DIR: &str = "out";

/// What a population folder may hold.
pub const POPULATION_ENTRIES: &[&str] = &[
    POPULATION_FILE,
    PERSONAS_DIR,
    PROCESS_MAP_FILE,
    COMPASS_FILE,
    IMPROVEMENTS_FILE,
    ANSWERS_DIR,
    README_FILE,
];

/// A population's folder, relative to the workbook: `populations/<slug>`.
/// What covalue's temporary files are called: `.NAME.covalue-RANDOM.tmp`,
/// beside the file `NAME` being written.
pub const TEMP_INFIX: &str = ".covalue-";
/// The end of a temporary file's name.
pub const TEMP_SUFFIX: &str = ".tmp";
/// The pattern of covalue's temporary files, for `.gitignore`.
pub const TEMP_PATTERN: &str = ".*.covalue-*.tmp";

/// Whether a name is one of covalue's temporary files, as left behind when
/// covalue was killed while writing (`.access.md.covalue-Ab12Cd.tmp`).
pub fn is_temp_file(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX) && name.contains(TEMP_INFIX)
}

/// The file a temporary file was being written for (`access.md`).
pub fn temp_target(name: &str) -> Option<&str> {
    let inner = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    inner.rfind(TEMP_INFIX).map(|at| &inner[..at])
}

pub fn population_dir(slug: &str) -> String {
    format!("{POPULATIONS_DIR}/{slug}")
}

/// The slug of the population a workbook path names: the population folder
/// itself (`populations/<slug>`) or anything inside it.
pub fn population_in(path: &str) -> Option<&str> {
    let rest = path.strip_prefix(POPULATIONS_DIR)?.strip_prefix('/')?;
    rest.split('/').next().filter(|s| !s.is_empty())
}

/// The slug of the population a workbook path belongs to
/// (`populations/<slug>/…`), when it lies inside one.
pub fn population_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix(POPULATIONS_DIR)?.strip_prefix('/')?;
    let (slug, inner) = rest.split_once('/')?;
    (!inner.is_empty()).then_some(slug)
}

/// Whether a string is a valid slug: lowercase ASCII letters, digits and
/// single hyphens, starting and ending with a letter or digit.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Names that cannot be slugs (reserved by some file systems).
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3",
];

/// Checks a slug given by the user; the error says what a valid one looks like.
pub fn check_slug(what: &str, slug: &str) -> Result<(), String> {
    if RESERVED.contains(&slug) {
        return Err(format!(
            "\"{slug}\" cannot be used as a {what} name: some systems reserve it. Choose another, for example \"{what}-1\""
        ));
    }
    if is_slug(slug) {
        return Ok(());
    }
    let example = suggest_slug(slug);
    let hint = if example.is_empty() || !is_slug(&example) {
        "heart-failure".to_string()
    } else {
        example
    };
    Err(format!(
        "\"{slug}\" is not a valid {what} name: use lowercase letters, digits and single hyphens (no spaces, slashes or dots), for example \"{hint}\""
    ))
}

/// Turns a name into a slug suggestion: "Heart Failure" → "heart-failure".
pub fn suggest_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'å' | 'ä' | 'Å' | 'Ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'Ö' | 'ø' | 'Ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'ü' | 'ú' | 'Ü' => 'u',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(64)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// A valid slug made from a name, or `fallback` when none can be made.
pub fn example_slug(name: &str, fallback: &str) -> String {
    let slug = suggest_slug(name);
    if is_slug(&slug) {
        slug
    } else {
        fallback.to_string()
    }
}
