//! Reading digits and words out of a text: runs of ASCII digits, where a
//! number starts and ends as a token of its own, character-counted windows,
//! and cue words such as "born" or "ID" that several scanners look for.

use std::ops::Range;

/// Every run of ASCII digits in one pass: (start, length). Prose has few
/// digits, so eight bytes at a time are skipped while none of them is one.
pub(super) fn digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(word);
            if !has_ascii_digit(u64::from_le_bytes(chunk)) {
                i += 8;
                continue;
            }
        }
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

/// Whether any of the eight bytes of `x` is an ASCII digit (a byte strictly
/// between 0x2F and 0x3A; bytes of 0x80 and above never count).
fn has_ascii_digit(x: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const LOW7: u64 = ONES * 127;
    const HIGH: u64 = ONES * 128;
    let low = x & LOW7;
    let below_3a = (ONES * (127 + 0x3A)).wrapping_sub(low);
    let above_2f = low.wrapping_add(ONES * (127 - 0x2F));
    (below_3a & !x & above_2f & HIGH) != 0
}

// ---------------------------------------------------------------------------
// Byte helpers

pub(super) fn byte_at(bytes: &[u8], i: usize) -> Option<u8> {
    bytes.get(i).copied()
}

pub(super) fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    byte_at(bytes, i).is_some_and(|b| b.is_ascii_digit())
}

/// How many ASCII digits follow in a row from `i`.
pub(super) fn digit_run(bytes: &[u8], i: usize) -> usize {
    bytes.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// The value of the ASCII digits in `digits` (other bytes are skipped).
pub(super) fn ascii_number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0u32, |acc, b| {
            acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        })
}

pub(super) fn number_at(bytes: &[u8], range: Range<usize>) -> u32 {
    ascii_number(bytes.get(range).unwrap_or_default())
}

/// The digits in `range` as values 0–9, separators left out.
pub(super) fn digit_values(bytes: &[u8], range: Range<usize>) -> Vec<u8> {
    bytes
        .get(range)
        .unwrap_or_default()
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a number may start at `i`: not glued to a word, and not the tail
/// of a longer number such as `10.1093`, `1,450` or `2019-2023`.
pub(super) fn starts_token(bytes: &[u8], i: usize) -> bool {
    let Some(prev_at) = i.checked_sub(1) else {
        return true;
    };
    let Some(prev) = byte_at(bytes, prev_at) else {
        return true;
    };
    let before = prev_at.checked_sub(1).and_then(|k| byte_at(bytes, k));
    match prev {
        b if is_word_byte(b) => false,
        b'-' | b'.' | b'/' | b'+' => !before.is_some_and(|b| b.is_ascii_alphanumeric()),
        b',' | b':' => !before.is_some_and(|b| b.is_ascii_digit()),
        _ => true,
    }
}

/// Whether a number may end at `end`: not glued to a word or a percent sign,
/// and not followed by more digits after a joining mark.
pub(super) fn ends_token(bytes: &[u8], end: usize) -> bool {
    let Some(next) = byte_at(bytes, end) else {
        return true;
    };
    if is_word_byte(next) || matches!(next, b'%' | b'@') {
        return false;
    }
    let joins_more_digits =
        matches!(next, b'-' | b'+' | b'.' | b'/' | b',' | b':') && is_digit_at(bytes, end + 1);
    !joins_more_digits
}

pub(super) fn skip_byte(bytes: &[u8], i: usize, wanted: u8) -> usize {
    if byte_at(bytes, i) == Some(wanted) {
        i + 1
    } else {
        i
    }
}

// ---------------------------------------------------------------------------
// Char-aware windows and cue words

/// The byte offset `chars` characters after `from` (or the end of the text).
pub(super) fn chars_forward(text: &str, from: usize, chars: usize) -> usize {
    text.get(from..)
        .and_then(|rest| rest.char_indices().nth(chars))
        .map_or(text.len(), |(k, _)| from + k)
}

/// The byte offset `chars` characters before `to` (or the start of the text).
pub(super) fn chars_back(text: &str, to: usize, chars: usize) -> usize {
    text.get(..to)
        .and_then(|head| head.char_indices().rev().take(chars).last())
        .map_or(to.min(text.len()), |(k, _)| k)
}

/// Latin cues must stand as whole words; Hebrew ones take attached prefixes.
fn needs_word_boundary(cue: &str) -> bool {
    cue.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn is_whole_word(text: &str, span: &Range<usize>) -> bool {
    let before = text.get(..span.start).and_then(|s| s.chars().next_back());
    let after = text.get(span.end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Spans of `cues` (lower-case) found in `within`, ignoring ASCII case, in order.
///
/// One pass over the window, comparing cues only where their first byte
/// stands; nothing is allocated but the result.
pub(super) fn find_cues(text: &str, within: Range<usize>, cues: &[&str]) -> Vec<Range<usize>> {
    let Some(window) = text.get(within.clone()) else {
        return Vec::new();
    };
    let bytes = window.as_bytes();
    let mut starts_a_cue = [false; 256];
    for cue in cues {
        if let Some(&b) = cue.as_bytes().first() {
            starts_a_cue[usize::from(b)] = true;
            starts_a_cue[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    let mut found = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if !starts_a_cue[usize::from(b)] {
            continue;
        }
        let b = b.to_ascii_lowercase();
        for cue in cues {
            let c = cue.as_bytes();
            if c.first() != Some(&b)
                || !bytes
                    .get(i..i + c.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(c))
            {
                continue;
            }
            let span = within.start + i..within.start + i + c.len();
            if !needs_word_boundary(cue) || is_whole_word(text, &span) {
                found.push(span);
            }
        }
    }
    found
}

pub(super) fn has_cue_before(text: &str, pos: usize, chars: usize, cues: &[&str]) -> bool {
    let from = chars_back(text, pos, chars);
    !find_cues(text, from..pos, cues).is_empty()
}

#[cfg(test)]
mod tests {

    #[test]
    fn digit_runs_match_a_plain_scan() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let len = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    [b'0', b'9', b'/', b':', b'a', 0xC3, 0xB6, b' ', b'5', 0xFF]
                        [(seed % 10) as usize]
                })
                .collect();
            let mut plain = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if n > 0 {
                    plain.push((i, n));
                    i += n;
                } else {
                    i += 1;
                }
            }
            assert_eq!(super::digit_runs(&bytes), plain, "{bytes:?}");
        }
    }
}
