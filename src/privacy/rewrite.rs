//! A text rewritten for the scanner, with a map back to where it was written.
//!
//! Each step of reading a file as its readers see it (decoding escapes in
//! `decode.rs`, normalising characters in `normalise.rs`, opening up link
//! paths in `links.rs`) replaces some spans of its input with other text. A
//! [`Rewritten`] keeps, for every replacement, where it is in the new text
//! and where it was in the old, so that a span found in the new text maps
//! back, step by step, to where it starts and ends in the file as written.
//!
//! A file may hold millions of replacements (a hostile one, 32 MiB of
//! no-break spaces or `&#64;`), so a run of replacements of the same sizes
//! is kept as one entry (which still maps each of them exactly), and past
//! [`EXACT_REPLACEMENTS`] entries, nearby replacements are kept together:
//! a match in such a file is then placed at most [`COARSE_BLOCK_BYTES`]
//! before where it starts.

use std::ops::Range;

/// How many entries a rewrite keeps before it keeps nearby replacements together.
const EXACT_REPLACEMENTS: usize = 1 << 16;

/// How long (in the old text) one entry that keeps nearby replacements together may grow.
const COARSE_BLOCK_BYTES: usize = 4 << 10;

/// A text with some spans replaced, and where each replacement came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The new text.
    pub text: String,
    /// One entry per replacement, in order; the text between two
    /// replacements is the same in both.
    replacements: Vec<Replacement>,
}

/// One replacement, or a run of them: its place in the new text and in the old.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replacement {
    new: Range<usize>,
    old: Range<usize>,
    /// For a run of replacements that each took `.0` old bytes and gave
    /// `.1` new ones, those sizes; `None` for nearby replacements kept
    /// together, which map back only as a whole.
    unit: Option<(usize, usize)>,
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
            Some(e) if d < e.new.end => match e.unit {
                Some((old, new)) if new > 0 => e.old.start + (d - e.new.start) / new * old,
                _ => e.old.start,
            },
            Some(e) => e.old.end + (d - e.new.end),
            None => d,
        }
    }

    /// The old offset just past the new text that ends at `d`.
    fn raw_end(&self, d: usize) -> usize {
        let i = self.replacements.partition_point(|e| e.new.start < d);
        match i.checked_sub(1).and_then(|k| self.replacements.get(k)) {
            Some(e) if d <= e.new.end => match e.unit {
                Some((old, new)) if new > 0 => e.old.start + (d - e.new.start).div_ceil(new) * old,
                _ => e.old.end,
            },
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
        let new = start..self.text.len();
        self.done = raw.end;
        let unit = (raw.len(), with.len());
        let many = self.replacements.len() >= EXACT_REPLACEMENTS;
        if let Some(last) = self.replacements.last_mut() {
            if before.is_empty() && last.unit == Some(unit) {
                last.old.end = raw.end;
                last.new.end = new.end;
                return;
            }
            if many && raw.end - last.old.start <= COARSE_BLOCK_BYTES {
                last.old.end = raw.end;
                last.new.end = new.end;
                last.unit = None;
                return;
            }
        }
        self.replacements.push(Replacement {
            new,
            old: raw,
            unit: Some(unit),
        });
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
    fn a_run_of_same_sized_replacements_is_one_entry_that_maps_exactly() {
        let raw = "x &#49;&#57;&#56;&#49; y\u{a0}\u{a0}z";
        let mut b = Builder::new(raw);
        for (k, digit) in ["1", "9", "8", "1"].iter().enumerate() {
            let at = 2 + 5 * k;
            b.replace(at..at + 5, digit);
        }
        let nbsp = raw.find('\u{a0}').unwrap_or_default();
        b.replace(nbsp..nbsp + 2, " ");
        b.replace(nbsp + 2..nbsp + 4, " ");
        let r = b.finish().unwrap_or_else(|| panic!("replaced"));
        assert_eq!(r.text, "x 1981 y  z");
        assert_eq!(r.replacements.len(), 2);
        assert_eq!(&raw[r.raw_span(3..5)], "&#57;&#56;");
        assert_eq!(&raw[r.raw_span(2..6)], "&#49;&#57;&#56;&#49;");
        assert_eq!(&raw[r.raw_span(9..10)], "\u{a0}");
        assert_eq!(&raw[r.raw_span(8..11)], "\u{a0}\u{a0}z");
    }

    #[test]
    fn many_replacements_are_kept_together_near_each_other() {
        let raw = "\u{a0}a".repeat(EXACT_REPLACEMENTS * 2);
        let mut b = Builder::new(&raw);
        for k in 0..EXACT_REPLACEMENTS * 2 {
            b.replace(3 * k..3 * k + 2, " ");
        }
        let r = b.finish().unwrap_or_else(|| panic!("replaced"));
        assert!(
            r.replacements.len()
                < EXACT_REPLACEMENTS + EXACT_REPLACEMENTS * 6 / COARSE_BLOCK_BYTES + 2
        );
        // Early ones map exactly, later ones to at most a block before.
        assert_eq!(r.raw_span(1..2), 2..3);
        let late = 2 * (EXACT_REPLACEMENTS * 2 - 1) + 1;
        let span = r.raw_span(late..late + 1);
        assert!(span.end == raw.len() && raw.len() - span.start <= COARSE_BLOCK_BYTES + 3);
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
