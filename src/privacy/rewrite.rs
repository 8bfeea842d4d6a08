//! A text rewritten for the scanner, with a map back to where it was written.
//!
//! Each step of reading a file as its readers see it (decoding escapes in
//! `decode.rs`, normalising characters in `normalise.rs`, opening up link
//! paths in `links.rs`) replaces some spans of its input with other text. A
//! [`Rewritten`] keeps, for every replacement, where it is in the new text
//! and where it was in the old, so that a span found in the new text maps
//! back, step by step, to where it starts and ends in the file as written.

use std::ops::Range;

/// A text with some spans replaced, and where each replacement came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The new text.
    pub text: String,
    /// One entry per replacement, in order; the text between two
    /// replacements is the same in both.
    replacements: Vec<Replacement>,
}

/// One replacement: its place in the new text and in the old.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replacement {
    new: Range<usize>,
    old: Range<usize>,
}

impl Rewritten {
    /// The span of the old text that a span of the new text came from: a
    /// replacement partly inside the span counts whole.
    pub fn raw_span(&self, new: Range<usize>) -> Range<usize> {
        let start = self.raw_start(new.start);
        let end = self.raw_end(new.end).max(start);
        start..end
    }

    /// The old offset where the new character at `d` starts.
    fn raw_start(&self, d: usize) -> usize {
        let i = self.replacements.partition_point(|e| e.new.start <= d);
        match i.checked_sub(1).and_then(|k| self.replacements.get(k)) {
            Some(e) if d < e.new.end => e.old.start,
            Some(e) => e.old.end + (d - e.new.end),
            None => d,
        }
    }

    /// The old offset just past the new text that ends at `d`.
    fn raw_end(&self, d: usize) -> usize {
        let i = self.replacements.partition_point(|e| e.new.start < d);
        match i.checked_sub(1).and_then(|k| self.replacements.get(k)) {
            Some(e) if d <= e.new.end => e.old.end,
            Some(e) => e.old.end + (d - e.new.end),
            None => d,
        }
    }
}

/// The new text as it grows, with the replacements made so far.
pub(super) struct Builder<'a> {
    /// The old text.
    pub(super) raw: &'a str,
    text: String,
    replacements: Vec<Replacement>,
    /// How far the old text has been copied or replaced.
    done: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        Builder {
            raw,
            text: String::with_capacity(raw.len()),
            replacements: Vec::new(),
            done: 0,
        }
    }

    /// How far the old text has been copied or replaced.
    pub(super) fn done(&self) -> usize {
        self.done
    }

    /// Replaces the old span `raw` (which must not start before what is
    /// done) with `with`, copying the text before it.
    pub(super) fn replace(&mut self, raw: Range<usize>, with: &str) {
        let Some(before) = self.raw.get(self.done..raw.start) else {
            return;
        };
        if raw.end < raw.start || raw.end > self.raw.len() {
            return;
        }
        self.text.push_str(before);
        let start = self.text.len();
        self.text.push_str(with);
        self.replacements.push(Replacement {
            new: start..self.text.len(),
            old: raw.clone(),
        });
        self.done = raw.end;
    }

    /// Replaces the old span `raw` with one character, or with nothing.
    pub(super) fn replace_char(&mut self, raw: Range<usize>, with: Option<char>) {
        let mut buffer = [0u8; 4];
        let with = with.map_or("", |c| c.encode_utf8(&mut buffer));
        self.replace(raw, with);
    }

    /// The new text, or `None` when nothing was replaced.
    pub(super) fn finish(mut self) -> Option<Rewritten> {
        if self.replacements.is_empty() {
            return None;
        }
        self.text.push_str(self.raw.get(self.done..).unwrap_or(""));
        Some(Rewritten {
            text: self.text,
            replacements: self.replacements,
        })
    }
}

/// The steps a text went through, first to last; maps a span of the last
/// text back to the first.
pub(super) fn raw_span(steps: &[Option<Rewritten>], span: Range<usize>) -> Range<usize> {
    steps
        .iter()
        .rev()
        .flatten()
        .fold(span, |span, step| step.raw_span(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_through_replacements() {
        let raw = "a&#64;b  c";
        let mut b = Builder::new(raw);
        b.replace_char(1..6, Some('@'));
        b.replace_char(7..8, None);
        b.replace(8..8, "");
        let r = b.finish().unwrap_or_else(|| panic!("replaced"));
        assert_eq!(r.text, "a@b c");
        assert_eq!(r.raw_span(0..3), 0..7);
        assert_eq!(r.raw_span(1..2), 1..6);
        assert_eq!(r.raw_span(4..5), 9..10);
        assert_eq!(r.raw_span(3..5), 8..10, "the dropped space is left out");
        assert_eq!(r.raw_span(5..5), 10..10);
    }

    #[test]
    fn nothing_replaced_is_none_and_bad_spans_are_ignored() {
        let mut b = Builder::new("abc");
        let (start, end) = (2, 1);
        b.replace(start..end, "x");
        b.replace(1..9, "x");
        assert_eq!(b.finish(), None);
        assert_eq!(raw_span(&[None, None], 1..2), 1..2);
    }
}
