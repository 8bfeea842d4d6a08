//! The words of the served pages: the catalogue of the page's language
//! (`serve --lang`, else the workbook's `language`) and the workbook's
//! name for the top bar, set for the one request being answered.
//!
//! The server answers one request at a time, on one thread
//! ([`super::http::serve`]), so the language of the request being answered
//! is kept for that thread while it is answered ([`during`]): the pages,
//! the error pages and the notes about what a save did all take their
//! words from it, without handing a catalogue through every function.
//! Outside a request (a refusal made while a connection is read) the
//! language the server started in is used, unless the refusal sets the
//! workbook's for itself: it does for a request that showed the token
//! (`Door::refusal` in `mod.rs`).

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::i18n::{Arg, Catalogue, Lang};

/// The language and the workbook's name of the request being answered.
#[derive(Clone)]
pub(crate) struct Speaking {
    /// The page's words.
    pub catalogue: Arc<Catalogue>,
    /// The workbook's name, for the top bar of every page.
    pub title: String,
}

thread_local! {
    static NOW: RefCell<Option<Speaking>> = const { RefCell::new(None) };
}

/// The language the server started in, for refusals outside a request.
static STARTED: OnceLock<Speaking> = OnceLock::new();

/// Sets the language the server started in (the first call wins).
pub(crate) fn started(speaking: Speaking) {
    let _ = STARTED.set(speaking);
}

/// Runs `answer` with `speaking` as the request's language.
pub(crate) fn during<R>(speaking: Speaking, answer: impl FnOnce() -> R) -> R {
    let before = NOW.with(|now| now.replace(Some(speaking)));
    let out = answer();
    NOW.with(|now| *now.borrow_mut() = before);
    out
}

/// The language and workbook name in use now.
pub(crate) fn now() -> Speaking {
    NOW.with(|now| now.borrow().clone())
        .or_else(|| STARTED.get().cloned())
        .unwrap_or_else(|| Speaking {
            catalogue: Arc::new(Catalogue::builtin(Lang::En)),
            title: String::new(),
        })
}

/// The catalogue of the page being made.
pub(crate) fn catalogue() -> Arc<Catalogue> {
    now().catalogue
}

/// A message of the page's language as plain text (escaped where the page
/// prints it).
pub(crate) fn t(id: &str, args: &[(&str, Arg)]) -> String {
    catalogue().text(id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_speaks_its_language_and_the_next_the_servers() {
        let sv = Speaking {
            catalogue: Arc::new(Catalogue::builtin(Lang::Sv)),
            title: "Hjärtsvikt".into(),
        };
        let inside = during(sv, || (catalogue().lang(), now().title));
        assert_eq!(inside, (Lang::Sv, "Hjärtsvikt".to_string()));
        assert_ne!(catalogue().lang(), Lang::Sv);
    }
}
