//! The built-in guide's texts: the guide in use (`guide/co-value.toml`),
//! any translation of it shipped as `guide/co-value*.toml`, and each
//! released version's text kept in `guide/history/`, all embedded at build
//! time. `check` reads them to tell a prompt scaffolded by another version
//! (CV054), and `covalue upgrade` to refresh it.

use std::sync::OnceLock;

use super::Guide;
use crate::source::Source;

/// Every built-in guide text, by its path in covalue's sources, sorted.
pub const BUILTIN_TEXTS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_guides.rs"));

impl Guide {
    /// Every built-in guide text that loads, parsed once per run: the guide
    /// in use, its translations and the released versions. A text that does
    /// not load is left out (a test loads each one).
    pub fn builtin_texts() -> &'static [Guide] {
        static TEXTS: OnceLock<Vec<Guide>> = OnceLock::new();
        TEXTS.get_or_init(|| {
            BUILTIN_TEXTS
                .iter()
                .filter_map(|(name, text)| {
                    Guide::from_source(&Source::new(*name, (*text).to_string())).ok()
                })
                .collect()
        })
    }

    /// The built-in guide as a version shipped it, in its first language:
    /// the guide in use when it is that version, else its text kept in
    /// `guide/history/`.
    pub fn builtin_version(version: &str) -> Option<&'static Guide> {
        let history = format!("guide/history/co-value-{version}.toml");
        Guide::builtin_texts().iter().find(|g| {
            g.version == version && (g.origin == "guide/co-value.toml" || g.origin == history)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_text_loads_and_names_its_version() {
        assert!(
            BUILTIN_TEXTS
                .iter()
                .any(|(n, _)| *n == "guide/co-value.toml")
        );
        assert_eq!(Guide::builtin_texts().len(), BUILTIN_TEXTS.len());
        let current = Guide::builtin().expect("the built-in guide");
        assert!(Guide::builtin_version(&current.version).is_some());
        assert!(Guide::builtin_version("1.0").is_some());
        assert!(Guide::builtin_version("0.9").is_none());
    }
}
