//! Reading characters that look alike as one, before the scan.
//!
//! A reader sees `１９８１１２１８－９８７６`, `19811218‑9876` (with a
//! non-breaking hyphen), `070 123 45 67` (with thin spaces) and `anna＠example.org`
//! as the identifiers they are, and so must the scanner, which reads ASCII
//! digits, hyphens and spaces. [`normalise_text`] rewrites a text
//! (see `rewrite.rs`) so that:
//!
//! - compatibility forms become what they stand for (Unicode NFKC: full-width
//!   letters, digits and signs, circled and mathematical digits, ligatures);
//! - every dash and minus sign (Unicode `Pd`, and U+2212) becomes `-`;
//! - every space separator (Unicode `Zs`: no-break, thin, figure spaces, …)
//!   becomes a space;
//! - format characters (Unicode `Cf`: soft hyphen, zero-width space and
//!   joiners, word joiner, bidi marks, byte-order mark) and the other
//!   characters Unicode says to show as nothing (variation selectors, the
//!   combining grapheme joiner, Hangul fillers) are dropped;
//! - a decimal digit of any script (Unicode `Nd`: Arabic-Indic, Devanagari,
//!   Thai, …) becomes its ASCII digit.
//!
//! Each character (with the combining marks that follow it) is rewritten on
//! its own, so a match maps back to exactly the characters it was written
//! with. ASCII text, which nothing here changes, is passed over at once.

use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::rewrite::{Builder, Rewritten};

/// The zero of every run of ten decimal digits (Unicode `Nd`) outside
/// ASCII, in order; each run goes from its zero to nine in code point order.
const DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11DE0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The most bytes a character (with its marks) may become: enough for a
/// parenthesised digit (`⑴` is `(1)`) or a ligature (`ﬃ`).
const MAX_SEGMENT_BYTES: usize = 4;

/// `text` with look-alike characters read as one (see the module's
/// comment); `None` when nothing changes, as for any ASCII text.
pub(super) fn normalise_text(text: &str) -> Option<Rewritten> {
    if text.is_ascii() {
        return None;
    }
    let mut out = Builder::new(text);
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = next_non_ascii(bytes, from) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let after = at + c.len_utf8();
        if is_common_letter(c) && bytes.get(after).is_none_or(u8::is_ascii) {
            from = after;
            continue;
        }
        // A combining mark belongs with the (ASCII) character before it.
        let start = if at > from && joins_previous(c) {
            at - 1
        } else {
            at
        };
        let mut end = at + c.len_utf8();
        while let Some(next) = text
            .get(end..)
            .and_then(|rest| rest.chars().next())
            .filter(|&n| joins_previous(n))
        {
            end += next.len_utf8();
        }
        let alone = start == at && end == after;
        if alone && fold(c) != Some(c) {
            // A dash, space, invisible character or digit: no table needed.
            out.replace_char(start..end, fold(c));
        } else if let Some(segment) = text.get(start..end)
            && let Some(new) = normalise_segment(segment)
        {
            out.replace(start..end, &new);
        }
        from = end;
    }
    out.finish()
}

/// Where the next byte outside ASCII is, from `from`. Prose is mostly
/// ASCII even in Swedish or German, so eight bytes are tested at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut offset = from;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH_BITS;
        if high != 0 {
            return Some(offset + high.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| offset + k)
}

/// A whole (short) string with look-alike characters read as one, for
/// values that have no place in a file: names, the allow list.
pub(super) fn normalise_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.nfkc().filter_map(fold).collect()
}

/// Letters and quotes that nothing here changes and that combine with
/// nothing before them, met often in workbooks (Latin-1 letters as in
/// Swedish, German or French; Hebrew letters; curly quotes): passed over
/// without the Unicode tables.
fn is_common_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{ff}' | '\u{5d0}'..='\u{5ea}' | '\u{2018}'..='\u{201f}')
}

/// Whether `c` may change or combine with the character before it under
/// NFKC (a combining mark, a Hangul vowel), so that both are read together.
fn joins_previous(c: char) -> bool {
    canonical_combining_class(c) != 0 || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Maybe
}

/// The segment as the scanner should read it, or `None` when it is read as written.
fn normalise_segment(segment: &str) -> Option<String> {
    let new: String = if is_nfkc_quick(segment.chars()) == IsNormalized::Yes {
        // Already NFKC (as dashes, spaces and digits are): only fold.
        if segment.chars().all(|c| fold(c) == Some(c)) {
            return None;
        }
        segment.chars().filter_map(fold).collect()
    } else if let Some(new) = decompose_alone(segment) {
        new?
    } else {
        segment.nfkc().filter_map(fold).collect()
    };
    // A few characters stand for whole words (U+FDFA for eighteen letters):
    // none is part of an identifier, and the text must not grow much.
    let grows = new.len() > segment.len().max(MAX_SEGMENT_BYTES);
    (new != segment && !grows).then_some(new)
}

/// NFKC of a segment that is one character whose compatibility
/// decomposition has no combining mark (so nothing recomposes), without the
/// cost of the full algorithm: `Some(None)` when it becomes too long to be
/// part of an identifier, `None` when the full algorithm is needed.
fn decompose_alone(segment: &str) -> Option<Option<String>> {
    let mut chars = segment.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let mut new = String::new();
    let mut marks = false;
    decompose_compatible(c, |d| {
        marks |= canonical_combining_class(d) != 0;
        if new.len() <= MAX_SEGMENT_BYTES
            && let Some(d) = fold(d)
        {
            new.push(d);
        }
    });
    if new.len() > MAX_SEGMENT_BYTES.max(segment.len()) {
        return Some(None);
    }
    (!marks).then_some(Some(new))
}

/// One character after NFKC: dashes as `-`, spaces as a space, digits as
/// ASCII digits, invisible characters as nothing.
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        Some(c)
    } else if is_dash(c) {
        Some('-')
    } else if is_space(c) {
        Some(' ')
    } else if is_invisible(c) {
        None
    } else {
        Some(decimal_digit(c).unwrap_or(c))
    }
}

/// A dash or minus sign: Unicode `Pd` (hyphens, en and em dashes, the
/// Hebrew maqaf, …) and the minus sign U+2212.
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{58a}' | '\u{5be}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{2e17}'
                | '\u{2e1a}'
                | '\u{2e3a}'
                | '\u{2e3b}'
                | '\u{2e40}'
                | '\u{2e5d}'
                | '\u{301c}'
                | '\u{3030}'
                | '\u{30a0}'
                | '\u{fe31}'
                | '\u{fe32}'
                | '\u{fe58}'
                | '\u{fe63}'
                | '\u{ff0d}'
                | '\u{10ead}'
    )
}

/// A space separator (Unicode `Zs`) other than the ASCII space.
pub(super) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// A format character (Unicode `Cf`) or another character shown as nothing
/// (Unicode's default-ignorable code points: the combining grapheme joiner,
/// Hangul fillers, variation selectors, tags).
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}' | '\u{891}' | '\u{8e2}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// The ASCII digit a decimal digit of another script stands for.
fn decimal_digit(c: char) -> Option<char> {
    let code = u32::from(c);
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= code);
    let zero = DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let value = code - zero;
    (value < 10).then(|| char::from(b'0' + value as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised text, and the raw text each match of `needle` in it maps to.
    fn normalised_and_raw(raw: &str, needle: &str) -> (String, String) {
        let n = normalise_text(raw).unwrap_or_else(|| panic!("nothing changed in {raw:?}"));
        let start = n
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text));
        let span = n.raw_span(start..start + needle.len());
        (n.text.clone(), raw[span].to_string())
    }

    #[test]
    fn every_dash_and_minus_becomes_a_hyphen() {
        for dash in [
            '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}', '\u{fe63}',
            '\u{ff0d}', '\u{5be}', '\u{207b}',
        ] {
            let raw = format!("pnr 19811218{dash}9876.");
            let (text, written) = normalised_and_raw(&raw, "19811218-9876");
            assert_eq!(text, "pnr 19811218-9876.", "{dash:?}");
            assert_eq!(written, format!("19811218{dash}9876"));
        }
    }

    #[test]
    fn spaces_become_spaces_and_invisible_characters_go() {
        let raw = "070\u{a0}123\u{2009}45\u{202f}67, 0701\u{200b}23\u{ad}45\u{2060}67\u{feff}";
        let (text, written) = normalised_and_raw(raw, "070 123 45 67");
        assert_eq!(text, "070 123 45 67, 0701234567");
        assert_eq!(written, "070\u{a0}123\u{2009}45\u{202f}67");
        let (_, written) = normalised_and_raw(raw, "0701234567");
        assert_eq!(written, "0701\u{200b}23\u{ad}45\u{2060}67");
        let (text, _) = normalised_and_raw("a\u{202e}b\u{200f}c\u{fe0f}d\u{34f}e", "abcde");
        assert_eq!(text, "abcde");
    }

    #[test]
    fn compatibility_forms_and_digits_of_any_script_become_ascii() {
        let (text, written) = normalised_and_raw("mejla anna＠example．org nu", "anna@example.org");
        assert_eq!(text, "mejla anna@example.org nu");
        assert_eq!(written, "anna＠example．org");
        let (text, _) = normalised_and_raw("１９８１１２１８－９８７６", "19811218-9876");
        assert_eq!(text, "19811218-9876");
        // Arabic-Indic, Extended Arabic-Indic, Devanagari, Thai, Bengali.
        let (text, _) = normalised_and_raw("٠١٢٣٤٥٦٧٨٩ ۰۹ ०९ ๐๙ ০৯", "0123456789");
        assert_eq!(text, "0123456789 09 09 09 09");
        let (text, _) = normalised_and_raw("①② 𝟗 ⁴", "12");
        assert_eq!(text, "12 9 4");
    }

    #[test]
    fn letters_of_other_scripts_are_left_alone() {
        for text in [
            "Jönköping, Åsa Öberg",
            "ת.ז נולדה",
            "Ελληνικά",
            "日本語のテキスト",
            "🙂 ✓",
        ] {
            assert_eq!(normalise_text(text), None, "{text}");
        }
        assert_eq!(normalise_text("plain ASCII 070-123 45 67"), None);
    }

    #[test]
    fn combining_marks_compose_with_the_letter_before() {
        let (text, written) = normalised_and_raw("a\u{301}sa@x.se", "\u{e1}sa");
        assert_eq!(text, "\u{e1}sa@x.se");
        assert_eq!(written, "a\u{301}sa");
    }

    #[test]
    fn every_digit_run_is_ten_numeric_characters() {
        for &zero in DIGIT_ZEROS {
            for value in 0..10u32 {
                let c = char::from_u32(zero + value).unwrap_or_else(|| panic!("{zero:x}"));
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(decimal_digit(c), char::from_digit(value, 10), "{c:?}");
            }
        }
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        // Numeric but not decimal digits: fractions, Roman numerals, superscripts.
        for c in ['½', 'Ⅻ', '²', '௰'] {
            assert_eq!(decimal_digit(c), None, "{c:?}");
        }
    }

    #[test]
    fn offsets_map_back_in_mixed_text() {
        let raw = "é１ö\u{200b}x－ü";
        let n = normalise_text(raw).unwrap_or_else(|| panic!("normalised"));
        assert_eq!(n.text, "é1öx-ü");
        let pieces: Vec<&str> = n
            .text
            .char_indices()
            .map(|(i, c)| &raw[n.raw_span(i..i + c.len_utf8())])
            .collect();
        assert_eq!(pieces, ["é", "１", "ö", "x", "－", "ü"]);
    }

    #[test]
    fn the_next_byte_outside_ascii_is_found_from_any_place() {
        let bytes = "abcdefghijklmnopqrstuvwxyzö0123456789é!".as_bytes();
        for from in 0..=bytes.len() {
            let naive = bytes[from..]
                .iter()
                .position(|b| !b.is_ascii())
                .map(|k| from + k);
            assert_eq!(next_non_ascii(bytes, from), naive, "from {from}");
        }
        assert_eq!(next_non_ascii(b"abc", 9), None);
    }

    #[test]
    fn common_letters_are_truly_left_alone() {
        let common = ('\u{0}'..='\u{3000}').filter(|&c| is_common_letter(c));
        for c in common {
            let alone = c.to_string();
            assert_eq!(normalise_segment(&alone), None, "{c:?}");
            assert!(!joins_previous(c), "{c:?}");
        }
    }

    #[test]
    fn characters_that_stand_for_words_are_left_alone() {
        assert_eq!(normalise_text("x \u{fdfa} y"), None);
        let (text, _) = normalised_and_raw("⑴ ﬃ", "(1)");
        assert_eq!(text, "(1) ffi");
    }

    #[test]
    fn whole_values_normalise_too() {
        assert_eq!(normalise_str("０７０‑１２３"), "070-123");
        assert_eq!(normalise_str("plain"), "plain");
    }
}
