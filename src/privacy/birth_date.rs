//! Dates of birth: a full date (day, month and four-digit year), written in
//! digits or with an English or Swedish month name, just after a cue such as
//! "born", "DOB", "född" or "נולדה".

use std::ops::Range;

use super::checks::{forms_date, is_valid_date};
use super::text::{
    byte_at, chars_back, chars_forward, digit_run, ends_token, find_cues, number_at, skip_byte,
    starts_token,
};
use super::{Candidate, IdentifierKind, Scan};

/// Words that say a date of birth follows (lower-case).
const DOB_CUES: &[&str] = &[
    "born",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
    "dob",
    "d.o.b",
    "född",
    "föddes",
    "födelsedatum",
    "födelsedag",
    "נולד",
    "נולדה",
    "תאריך לידה",
];

/// How many characters after a cue the date may start.
const DOB_WINDOW_CHARS: usize = 30;
/// The longest written date before its year ("September 30th, " is 16).
const DOB_DATE_CHARS: usize = 24;

/// English and Swedish month names and abbreviations, lower-case.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("januari", 1),
    ("jan", 1),
    ("february", 2),
    ("februari", 2),
    ("feb", 2),
    ("march", 3),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("maj", 5),
    ("june", 6),
    ("juni", 6),
    ("jun", 6),
    ("july", 7),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oktober", 10),
    ("oct", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub(super) fn scan_dates_of_birth(scan: &Scan) -> Vec<Candidate> {
    let text = scan.text;
    let bytes = text.as_bytes();
    // A date of birth has a four-digit year; look for cues only shortly
    // before such years, not across the whole text.
    let mut cues: Vec<Range<usize>> = Vec::new();
    let mut searched_to = 0;
    for &(p, run) in &scan.digit_runs {
        if run != 4 || !(1850..=2100).contains(&number_at(bytes, p..p + 4)) {
            continue;
        }
        let from = chars_back(text, p, DOB_WINDOW_CHARS + DOB_DATE_CHARS).max(searched_to);
        if from < p {
            cues.extend(find_cues(text, from..p, DOB_CUES));
            searched_to = p;
        }
    }
    cues.into_iter()
        .filter_map(|cue| {
            let window_end = chars_forward(text, cue.end, DOB_WINDOW_CHARS);
            (cue.end..window_end)
                .filter(|&p| starts_date(bytes, p))
                .find_map(|p| {
                    date_at(bytes, p)
                        .map(|end| Candidate::new(IdentifierKind::DateOfBirth, p..end, false))
                })
        })
        .collect()
}

/// A date may start at a digit that starts a number, or at a letter that starts a word.
fn starts_date(bytes: &[u8], p: usize) -> bool {
    match byte_at(bytes, p) {
        Some(b) if b.is_ascii_digit() => starts_token(bytes, p),
        Some(b) if b.is_ascii_alphabetic() => !p
            .checked_sub(1)
            .and_then(|k| byte_at(bytes, k))
            .is_some_and(|b| b.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// The end of a full date (day, month and four-digit year) starting at `p`.
fn date_at(bytes: &[u8], p: usize) -> Option<usize> {
    let end = numeric_date_at(bytes, p)
        .or_else(|| day_month_year_at(bytes, p))
        .or_else(|| month_day_year_at(bytes, p))?;
    ends_token(bytes, end).then_some(end)
}

/// `1987-03-14`, `14/03/1987`, `03/14/1987`, `14.03.1987`: one separator, used twice.
fn numeric_date_at(bytes: &[u8], p: usize) -> Option<usize> {
    let first = digit_run(bytes, p);
    let separator = byte_at(bytes, p + first).filter(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let q = p + first + 1;
    let second = digit_run(bytes, q);
    if byte_at(bytes, q + second) != Some(separator) {
        return None;
    }
    let r = q + second + 1;
    let third = digit_run(bytes, r);
    let parts = (
        bytes.get(p..p + first)?,
        bytes.get(q..q + second)?,
        bytes.get(r..r + third)?,
    );
    forms_date(parts.0, parts.1, parts.2).then_some(r + third)
}

/// `14 March 1987`, `14th March, 1987`, `14 mars 1987`, `14. Mar. 1987`.
fn day_month_year_at(bytes: &[u8], p: usize) -> Option<usize> {
    let (day, i) = day_at(bytes, p)?;
    let i = skip_byte(bytes, i, b'.');
    let i = skip_spaces(bytes, i)?;
    let (month, i) = month_word_at(bytes, i)?;
    let i = skip_byte(bytes, skip_byte(bytes, i, b'.'), b',');
    let i = skip_spaces(bytes, i)?;
    let (year, end) = year_at(bytes, i)?;
    is_valid_date(year, month, day).then_some(end)
}

/// `March 14, 1987`, `March 14th 1987`, `Mar. 14, 1987`.
fn month_day_year_at(bytes: &[u8], p: usize) -> Option<usize> {
    let (month, i) = month_word_at(bytes, p)?;
    let i = skip_spaces(bytes, skip_byte(bytes, i, b'.'))?;
    let (day, i) = day_at(bytes, i)?;
    let i = skip_spaces(bytes, skip_byte(bytes, i, b','))?;
    let (year, end) = year_at(bytes, i)?;
    is_valid_date(year, month, day).then_some(end)
}

/// A one- or two-digit day, with an English ordinal suffix skipped.
fn day_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    let len = digit_run(bytes, p);
    if !(1..=2).contains(&len) {
        return None;
    }
    Some((number_at(bytes, p..p + len), skip_ordinal(bytes, p + len)))
}

fn year_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    (digit_run(bytes, p) == 4).then(|| (number_at(bytes, p..p + 4), p + 4))
}

fn month_word_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    let len = bytes
        .get(p..)?
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = bytes.get(p..p + len)?.to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .find(|(name, _)| name.as_bytes() == word.as_slice())
        .map(|&(_, month)| (month, p + len))
}

fn skip_ordinal(bytes: &[u8], i: usize) -> usize {
    let suffix = bytes.get(i..i + 2).map(<[u8]>::to_ascii_lowercase);
    let is_ordinal = matches!(suffix.as_deref(), Some(b"st" | b"nd" | b"rd" | b"th"));
    let word_goes_on = byte_at(bytes, i + 2).is_some_and(|b| b.is_ascii_alphabetic());
    if is_ordinal && !word_goes_on {
        i + 2
    } else {
        i
    }
}

/// Skips one or more spaces; `None` when there is none.
fn skip_spaces(bytes: &[u8], i: usize) -> Option<usize> {
    let count = bytes
        .get(i..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count());
    (count > 0).then_some(i + count)
}

#[cfg(test)]
mod tests {
    use crate::privacy::IdentifierKind;
    use crate::privacy::testing::{assert_clean, assert_single};

    #[test]
    fn finds_dates_of_birth_after_cues() {
        use IdentifierKind::DateOfBirth as Dob;
        assert_single(
            "Anna, born 1987-03-14, lives in Jönköping.",
            Dob,
            "1987-03-14",
        );
        assert_single("DOB: 14/03/1987", Dob, "14/03/1987");
        assert_single("Date of birth: 03/14/1987", Dob, "03/14/1987");
        assert_single("D.O.B. 14.03.1987", Dob, "14.03.1987");
        assert_single("Född: 1987-03-14", Dob, "1987-03-14");
        assert_single("födelsedatum 14 mars 1987", Dob, "14 mars 1987");
        assert_single("She was born on 14 March 1987.", Dob, "14 March 1987");
        assert_single("born 14th March, 1987", Dob, "14th March, 1987");
        assert_single("Birthday: March 14, 1987", Dob, "March 14, 1987");
        assert_single("birthday Mar. 14th 1987", Dob, "Mar. 14th 1987");
        assert_single("born in Jönköping on 01.02.1987", Dob, "01.02.1987");
        assert_single("דנה נולדה ב-14.03.1987", Dob, "14.03.1987");
        assert_single("תאריך לידה: 1987-03-14", Dob, "1987-03-14");
        assert_single("born 29/02/1988", Dob, "29/02/1988");
    }

    #[test]
    fn dates_of_birth_need_cue_day_and_year() {
        assert_clean("born in 1987");
        assert_clean("born in the 1980s");
        assert_clean("born in March 1987");
        assert_clean("born 14 March");
        assert_clean("Meeting on 14/03/1987 and 2026-11-26.");
        assert_clean("born 31/02/1987");
        assert_clean("born 29/02/1987");
        assert_clean("stubborn 14/03/1987");
        assert_clean("born long ago, and on a very different day, 14/03/1987");
    }
}
