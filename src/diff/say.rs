//! A sentence of the diff's handouts from the catalogue: one message,
//! its names and ids put in as pieces of a [`Line`] (shown strong, as code)
//! rather than as message text, so that a language orders them as it must
//! and a team's text cannot pose as a piece of the sentence.

use super::model::VersionSource;
use super::view::{Inline, Line};
use crate::i18n::{Arg, Catalogue};

/// A line's words as plain text.
pub fn plain_text(line: &Line) -> String {
    line.0
        .iter()
        .map(|piece| match piece {
            Inline::Text(s)
            | Inline::Code(s)
            | Inline::Name(s)
            | Inline::Value(s)
            | Inline::Question(s)
            | Inline::Plain(s) => s.as_str(),
            _ => "",
        })
        .collect()
}

/// Marks a slot of a message: the private-use characters around a slot's
/// number, taken out of every text given to a message first, so that no
/// workbook text can make one.
pub(super) const SLOT_OPEN: char = '\u{E020}';
const SLOT_CLOSE: char = '\u{E021}';

/// Text given to a message: without slot marks.
fn plain(text: &str) -> Arg {
    Arg::Text(text.replace([SLOT_OPEN, SLOT_CLOSE], ""))
}

/// A value of a message: plain words or a number put in as the language
/// writes it, or a line of pieces (a name, an id) kept as they are.
pub(super) enum Val {
    Arg(Arg),
    Line(Line),
}

impl From<&str> for Val {
    fn from(text: &str) -> Val {
        Val::Arg(plain(text))
    }
}

impl From<String> for Val {
    fn from(text: String) -> Val {
        Val::Arg(plain(&text))
    }
}

impl From<usize> for Val {
    fn from(n: usize) -> Val {
        Val::Arg(Arg::from(n))
    }
}

impl From<Line> for Val {
    fn from(line: Line) -> Val {
        Val::Line(line)
    }
}

impl From<Inline> for Val {
    fn from(inline: Inline) -> Val {
        Val::Line(Line(vec![inline]))
    }
}

/// The words of the report's language: every sentence is one message of
/// the catalogue (`i18n/LANG/diff.ftl`), its names and ids put in as pieces.
pub struct Say<'a> {
    c: &'a Catalogue,
}

impl<'a> Say<'a> {
    /// The words of `c`.
    pub fn new(c: &'a Catalogue) -> Say<'a> {
        Say { c }
    }

    /// A message as plain text.
    pub(super) fn text(&self, id: &str, args: Vec<(&str, Val)>) -> String {
        plain_text(&self.line(id, args))
    }

    /// A message as a line: its words as text, each line value in its place.
    pub(super) fn line(&self, id: &str, args: Vec<(&str, Val)>) -> Line {
        let mut slots: Vec<Line> = Vec::new();
        let args: Vec<(&str, Arg)> = args
            .into_iter()
            .map(|(name, v)| match v {
                Val::Arg(arg) => (name, arg),
                Val::Line(line) => {
                    slots.push(line);
                    (
                        name,
                        Arg::Text(format!("{SLOT_OPEN}{}{SLOT_CLOSE}", slots.len() - 1)),
                    )
                }
            })
            .collect();
        // The built-in catalogues are complete (tests/languages.rs); a
        // site's message that cannot be made shows as its id.
        let text = self.c.text(id, &args);
        let mut line = Line::default();
        let mut rest = text.as_str();
        while let Some(start) = rest.find(SLOT_OPEN) {
            if start > 0 {
                line = line.text(&rest[..start]);
            }
            let after = &rest[start + SLOT_OPEN.len_utf8()..];
            let (number, next) = after.split_once(SLOT_CLOSE).unwrap_or((after, ""));
            if let Some(slot) = number.parse::<usize>().ok().and_then(|i| slots.get(i)) {
                line = line.extend(slot.clone());
            }
            rest = next;
        }
        if !rest.is_empty() {
            line = line.text(rest.replace([SLOT_OPEN, SLOT_CLOSE], ""));
        }
        line
    }

    /// A list in words: "a, b and c".
    pub(super) fn and_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => self.text(
                "diff-list-and",
                vec![
                    ("first", rest.join(", ").into()),
                    ("last", last.clone().into()),
                ],
            ),
        }
    }

    /// How a page names a version: a tag or branch for `HEAD~1` or a
    /// hash, else "the last commit (1a2b3c4)" or "commit 1a2b3c4"; "the
    /// working tree"; a name or a folder as given.
    pub fn shown(&self, info: &super::model::VersionInfo) -> String {
        plain_text(&self.version(info))
    }

    /// The name of a version as pieces, names and commits isolated.
    pub(super) fn version(&self, info: &super::model::VersionInfo) -> Line {
        let named = |name: &str| Line(vec![Inline::Plain(name.to_string())]);
        if info.source == VersionSource::WorkingTree {
            return self.line("diff-working-tree", vec![]);
        }
        let Some(commit) = &info.commit else {
            return named(&info.label);
        };
        if !super::model::is_relative_revision(&info.label, commit) {
            return named(&info.label);
        }
        let short = commit.get(..7).unwrap_or(commit);
        match (&info.name, info.label.as_str()) {
            (Some(name), _) => named(name),
            (None, "HEAD" | "@") => {
                self.line("diff-last-commit", vec![("commit", named(short).into())])
            }
            (None, _) => self.line("diff-commit", vec![("commit", named(short).into())]),
        }
    }
}
