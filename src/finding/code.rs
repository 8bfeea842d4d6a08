//! The registry of finding codes: every code covalue reports is defined here
//! once, with its title and, where it never varies, its severity.
//! `covalue explain` and the test that keeps docs/findings.md in step read
//! this list; a check names a code as `Code::CV012`, never as a string.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::{Kind, Severity};

/// Declares the codes: each with the title of its section in
/// docs/findings.md and its severity, or `None` where it depends on what
/// was found.
macro_rules! codes {
    ($($code:ident => $severity:expr, $title:literal;)*) => {
        /// A finding code such as `CV012`, explained in docs/findings.md and by
        /// `covalue explain CV012`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", stringify!($code), "`: ", $title, ".")]
                $code,
            )*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// The code as it is printed, such as `"CV012"`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// What the code is about, in a few words: the title of its
            /// section in docs/findings.md.
            pub const fn title(self) -> &'static str {
                match self {
                    $(Code::$code => $title,)*
                }
            }

            /// The severity every finding with this code has, or `None` when
            /// it depends on what was found (a missing title is a warning, a
            /// missing persona name an error).
            pub const fn severity(self) -> Option<Severity> {
                match self {
                    $(Code::$code => $severity,)*
                }
            }
        }
    };
}

const ERROR: Option<Severity> = Some(Severity::Error);
const WARNING: Option<Severity> = Some(Severity::Warning);
const INFO: Option<Severity> = Some(Severity::Info);
const VARIES: Option<Severity> = None;

codes! {
    CV001 => ERROR, "a file cannot be read";
    CV002 => ERROR, "a file has a syntax error";
    CV003 => ERROR, "unknown key";
    CV004 => ERROR, "a value has the wrong type";
    CV005 => ERROR, "a value is not allowed";
    CV006 => VARIES, "a required key is missing";
    CV007 => VARIES, "a required file or population is missing";
    CV008 => VARIES, "something unexpected in the workbook";
    CV009 => WARNING, "a name is not a valid slug";
    CV010 => ERROR, "a question is open";
    CV011 => WARNING, "a deferral is overdue";
    CV012 => WARNING, "the process map has fewer or more steps than the guide suggests";
    CV013 => ERROR, "an id is used twice";
    CV014 => WARNING, "no active coproduction in the process map";
    CV015 => WARNING, "no improvement opportunity in the process map";
    CV016 => ERROR, "a process step names a persona that does not exist";
    CV017 => WARNING, "a heading's id is not a question of this step";
    CV018 => ERROR, "a status line is incomplete";
    CV019 => ERROR, "a question is answered twice";
    CV020 => ERROR, "no persona of a required kind";
    CV021 => INFO, "no persona of a suggested kind";
    CV022 => ERROR, "a persona is not marked composite";
    CV023 => WARNING, "a persona is not walked through a configuration";
    CV024 => WARNING, "a compass quadrant has no measure";
    CV025 => WARNING, "too few or too many measures";
    CV026 => ERROR, "a measure has no operational definition";
    CV027 => VARIES, "a walk-through names a persona that does not exist";
    CV028 => WARNING, "the team has no patient or family partner";
    CV029 => INFO, "no value compass yet";
    CV030 => ERROR, "a likely personal identifier";
    CV031 => WARNING, "a heading has lost its question id";
    CV032 => ERROR, "a session names a step or population that does not exist";
    CV033 => WARNING, "a session's action is past due";
    CV034 => WARNING, "no patient or family partner at a session";
    CV035 => ERROR, "an improvement names something that does not exist";
    CV036 => ERROR, "dates out of order or in the future";
    CV037 => INFO, "an opportunity is not in the register of improvements";
    CV038 => WARNING, "a measure is due a new value";
    CV040 => ERROR, "the guide cannot be used";
    CV041 => ERROR, "a network lists the same site twice";
    CV042 => ERROR, "a site's git address cannot be used";
    CV043 => ERROR, "a site's ref cannot be used";
    CV044 => ERROR, "a network lists the same measure domain twice";
    CV045 => ERROR, "an unresolved merge conflict";
    CV046 => WARNING, "a code block or comment is never closed";
    CV047 => WARNING, "a temporary file left by an interrupted save";
    CV048 => INFO, "a schema in schemas/ is out of date";
    CV049 => WARNING, "an improvement names a persona who is on none of its steps";
    CV050 => WARNING, "an adopted improvement has no measure value since it started";
    CV051 => WARNING, "the personas' shares add up to more than 100 %";
    CV052 => WARNING, "a measure's values do not come as often as its frequency";
    CV053 => VARIES, "a measure's kind and quadrant do not agree";
    CV054 => INFO, "a scaffolded prompt belongs to another version of the guide";
    CV055 => INFO, "an answer kept for a question this version of the guide does not have";
    CV056 => WARNING, "an answer under a question id the guide renamed";
    CV057 => ERROR, "a community session names a site the network does not list";
    CV058 => WARNING, "a community session's dates do not agree";
    CV059 => WARNING, "a site at a community session is not listed as present";
    CV061 => WARNING, "a site's wording names a message covalue does not have";
    CV062 => ERROR, "a site's message uses a value it is not given";
    CV063 => WARNING, "a site's wording cannot be read";
    CV066 => ERROR, "a network's exemplar names no site of the network, or not one question or improvement";
}

impl Code {
    /// Whether findings with this code are problems (the workbook is wrong)
    /// or progress (work the team has still to do: a question open, a
    /// walk-through not written, a deferral due, a persona or compass not
    /// made yet). Every code not listed here is a problem.
    pub const fn kind(self) -> Kind {
        match self {
            Code::CV010 // a question is open
            | Code::CV011 // a deferral is overdue
            | Code::CV020 // no persona of a required kind yet
            | Code::CV021 // no persona of a suggested kind yet
            | Code::CV023 // a persona not walked through yet
            | Code::CV029 // no value compass yet
            | Code::CV033 // a session's action past due
            | Code::CV037 // an opportunity not in the register yet
            | Code::CV038 // a measure due a new value
            => Kind::Progress,
            _ => Kind::Problem,
        }
    }

    /// Reads a code as a user types it: `CV012`, `cv012` or ` CV012 `.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of reading a string that is no finding code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "there is no finding code \"{}\"", self.0)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::parse(s).ok_or_else(|| UnknownCode(s.to_string()))
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_in_order_and_unique() {
        for pair in Code::ALL.windows(2) {
            assert!(pair[0].as_str() < pair[1].as_str(), "{pair:?}");
        }
    }

    #[test]
    fn a_code_reads_back_whatever_its_case() {
        for &code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert_eq!(code.as_str().to_lowercase().parse(), Ok(code));
        }
        assert_eq!(Code::parse(" cv012\n"), Some(Code::CV012));
        assert_eq!(Code::parse("CV12"), None);
        assert_eq!(Code::parse("CV0120"), None);
        assert!("CV999".parse::<Code>().is_err());
    }

    #[test]
    fn a_code_is_written_as_a_string_in_json() {
        assert_eq!(
            serde_json::to_string(&Code::CV030).ok().as_deref(),
            Some("\"CV030\"")
        );
    }
}
