//! Phone numbers in international and common national formats. A number
//! must open with `+`, `0` or `(`, or have the North American shape, and
//! dates, times, thousands and references (ISBN, DOI) are turned away.

use std::ops::Range;

use super::checks::forms_date;
use super::text::{
    ascii_number, byte_at, digit_run, ends_token, has_cue_before, is_digit_at, skip_byte,
    starts_token,
};
use super::{Candidate, IdentifierKind, Scan};

/// Words after which a number is a bibliographic reference, not a phone (lower-case).
const REFERENCE_CUES: &[&str] = &["isbn", "issn", "doi", "pmid", "arxiv", "orcid"];

/// How many characters before a number a reference cue may stand.
const REFERENCE_CUE_WINDOW_CHARS: usize = 12;

/// More groups than this is not a phone number.
const MAX_PHONE_GROUPS: usize = 8;

/// The longest phone numbers (E.164) have 15 digits.
const MAX_PHONE_DIGITS: usize = 15;

/// A run of digits in a phone number, maybe in parentheses like `(0)` or `(603)`.
struct PhoneGroup {
    digits: Range<usize>,
    end: usize,
    parenthesised: bool,
    separator_before: Option<u8>,
}

/// What trying to read a phone number at one position gave.
enum PhoneAttempt {
    /// A phone number ending here.
    Found(usize),
    /// A run of digit groups too long to be a phone, ending here; skip all of it.
    TooLong(usize),
    /// Nothing; try the next position.
    Nothing,
}

pub(super) fn scan_phones(scan: &Scan) -> Vec<Candidate> {
    let text = scan.text;
    // Only a digit, `+` or `(` can open a phone number: try just those places.
    let mut opens: Vec<usize> = scan.digit_runs.iter().map(|&(start, _)| start).collect();
    opens.extend(memchr::memchr2_iter(b'+', b'(', text.as_bytes()));
    opens.sort_unstable();
    let mut found = Vec::new();
    let mut next_free = 0;
    for i in opens {
        if i < next_free {
            continue;
        }
        match phone_at(text, i) {
            PhoneAttempt::Found(end) => {
                found.push(Candidate::new(IdentifierKind::Phone, i..end, false));
                next_free = end;
            }
            PhoneAttempt::TooLong(end) => next_free = end.max(i + 1),
            PhoneAttempt::Nothing => {}
        }
    }
    found
}

/// The phone number starting at `start`. Trailing groups are dropped one at
/// a time until the rest reads as a phone, so a count written after a number
/// does not spoil it; but a run of groups with more digits than any phone
/// number (an account or reference number) is skipped whole.
fn phone_at(text: &str, start: usize) -> PhoneAttempt {
    let bytes = text.as_bytes();
    let Some(first) = byte_at(bytes, start) else {
        return PhoneAttempt::Nothing;
    };
    let opens = match first {
        b'+' => is_digit_at(bytes, start + 1),
        b'(' => true,
        b => b.is_ascii_digit(),
    };
    if !opens || !starts_token(bytes, start) {
        return PhoneAttempt::Nothing;
    }
    let groups = read_phone_groups(bytes, start);
    let digit_count: usize = groups.iter().map(|g| g.digits.len()).sum();
    if digit_count > MAX_PHONE_DIGITS {
        return PhoneAttempt::TooLong(groups.last().map_or(start, |g| g.end));
    }
    let longest = (1..=groups.len()).rev().find_map(|count| {
        let kept = groups.get(..count)?;
        let end = kept.last()?.end;
        (ends_token(bytes, end) && plausible_phone(bytes, first == b'+', kept)).then_some(end)
    });
    match longest {
        Some(end) if !follows_reference_cue(text, start) => PhoneAttempt::Found(end),
        _ => PhoneAttempt::Nothing,
    }
}

fn follows_reference_cue(text: &str, pos: usize) -> bool {
    has_cue_before(text, pos, REFERENCE_CUE_WINDOW_CHARS, REFERENCE_CUES)
}

/// Digit groups joined by at most one separator each (space, no-break space,
/// hyphen or dot), or directly after a parenthesised group.
fn read_phone_groups(bytes: &[u8], start: usize) -> Vec<PhoneGroup> {
    let mut groups = Vec::new();
    let mut pos = skip_byte(bytes, start, b'+');
    let mut separator = None;
    while groups.len() < MAX_PHONE_GROUPS {
        let Some(group) = phone_group_at(bytes, pos, separator) else {
            break;
        };
        (pos, separator) = phone_separator_at(bytes, group.end);
        groups.push(group);
    }
    groups
}

fn phone_group_at(bytes: &[u8], pos: usize, separator_before: Option<u8>) -> Option<PhoneGroup> {
    match byte_at(bytes, pos)? {
        b'(' => {
            let len = digit_run(bytes, pos + 1);
            let closed = (1..=4).contains(&len) && byte_at(bytes, pos + 1 + len) == Some(b')');
            closed.then(|| PhoneGroup {
                digits: pos + 1..pos + 1 + len,
                end: pos + len + 2,
                parenthesised: true,
                separator_before,
            })
        }
        b if b.is_ascii_digit() => {
            let len = digit_run(bytes, pos);
            Some(PhoneGroup {
                digits: pos..pos + len,
                end: pos + len,
                parenthesised: false,
                separator_before,
            })
        }
        _ => None,
    }
}

/// The position after one separator at `pos`, and which one (a no-break space counts as a space).
fn phone_separator_at(bytes: &[u8], pos: usize) -> (usize, Option<u8>) {
    match byte_at(bytes, pos) {
        Some(b @ (b' ' | b'-' | b'.')) => (pos + 1, Some(b)),
        Some(0xC2) if byte_at(bytes, pos + 1) == Some(0xA0) => (pos + 2, Some(b' ')),
        _ => (pos, None),
    }
}

fn group_digits<'a>(bytes: &'a [u8], group: &PhoneGroup) -> &'a [u8] {
    bytes.get(group.digits.clone()).unwrap_or_default()
}

fn plausible_phone(bytes: &[u8], international: bool, groups: &[PhoneGroup]) -> bool {
    let Some(first) = groups.first() else {
        return false;
    };
    let ends_in_single_digit = groups.last().is_some_and(|g| g.digits.len() < 2);
    if ends_in_single_digit || looks_like_date_or_time(bytes, groups) {
        return false;
    }
    let digits: Vec<u8> = groups
        .iter()
        .flat_map(|g| group_digits(bytes, g).iter().copied())
        .collect();
    if international {
        plausible_international(bytes, groups, &digits)
    } else if first.parenthesised {
        plausible_parenthesised(bytes, groups, &digits)
    } else {
        plausible_national(groups, &digits) || plausible_north_american(bytes, groups)
    }
}

/// Dates (`01.02.1987`, `03.2021`) and times (`08.30-09.15`) written with phone separators.
fn looks_like_date_or_time(bytes: &[u8], groups: &[PhoneGroup]) -> bool {
    let dotted = groups.iter().any(|g| g.separator_before == Some(b'.'));
    if dotted && groups.iter().all(|g| g.digits.len() <= 2) {
        return true;
    }
    let joined =
        |g: &PhoneGroup| matches!(g.separator_before, Some(b'-' | b'.')) && !g.parenthesised;
    let date_triple = groups.windows(3).any(|w| {
        joined(&w[1])
            && joined(&w[2])
            && !w[0].parenthesised
            && w[1].separator_before == w[2].separator_before
            && forms_date(
                group_digits(bytes, &w[0]),
                group_digits(bytes, &w[1]),
                group_digits(bytes, &w[2]),
            )
    });
    let month_year = groups.windows(2).any(|w| {
        let (month, year) = (group_digits(bytes, &w[0]), group_digits(bytes, &w[1]));
        joined(&w[1])
            && !w[0].parenthesised
            && month.len() <= 2
            && (1..=12).contains(&ascii_number(month))
            && year.len() == 4
            && (1900..=2099).contains(&ascii_number(year))
    });
    date_triple || month_year
}

/// `+46 36 555 01 00`, `+1 (603) 555-0123`, `+44 (0)20 7946 0958`, `+46701234567`.
fn plausible_international(bytes: &[u8], groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let [country, rest @ ..] = groups else {
        return false;
    };
    let code = group_digits(bytes, country);
    let code_ok = !country.parenthesised
        && code.first().is_some_and(|&d| d != b'0')
        && (rest.is_empty() || (1..=3).contains(&code.len()));
    code_ok && (8..=MAX_PHONE_DIGITS).contains(&digits.len())
}

/// `(603) 555-0123` or a national area code in parentheses, `(036) 555 01 00`, `(0)20 7946 0958`.
fn plausible_parenthesised(bytes: &[u8], groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let [area, rest @ ..] = groups else {
        return false;
    };
    if rest.is_empty() || rest.iter().any(|g| g.parenthesised) {
        return false;
    }
    let area_digits = group_digits(bytes, area);
    if area_digits.first() == Some(&b'0') {
        return (8..=12).contains(&digits.len());
    }
    let [exchange, line] = rest else {
        return false;
    };
    north_american_shape(
        area_digits,
        group_digits(bytes, exchange),
        group_digits(bytes, line),
    )
}

/// National numbers with a trunk `0`: `036-555 01 00`, `020 7946 0958`,
/// `07700 900123`, `03-555-1234`, `0701234567`, or `00` and a country code.
fn plausible_national(groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let Some(first) = groups.first() else {
        return false;
    };
    if digits.first() != Some(&b'0')
        || digits.starts_with(b"000")
        || groups.iter().any(|g| g.parenthesised)
    {
        return false;
    }
    let count = digits.len();
    let length_ok = if digits.starts_with(b"00") {
        (10..=MAX_PHONE_DIGITS).contains(&count)
    } else if groups.len() == 1 {
        (9..=11).contains(&count)
    } else {
        (8..=12).contains(&count)
    };
    first.digits.len() >= 2 && length_ok
}

/// `603-555-0123`, `603.555.0123` or `1-603-555-0123`: one separator (hyphen or dot) throughout.
fn plausible_north_american(bytes: &[u8], groups: &[PhoneGroup]) -> bool {
    let groups = match groups {
        [trunk, rest @ ..] if rest.len() == 3 && group_digits(bytes, trunk) == b"1" => rest,
        _ => groups,
    };
    let [area, exchange, line] = groups else {
        return false;
    };
    let separator = exchange.separator_before;
    matches!(separator, Some(b'-' | b'.'))
        && line.separator_before == separator
        && groups.iter().all(|g| !g.parenthesised)
        && north_american_shape(
            group_digits(bytes, area),
            group_digits(bytes, exchange),
            group_digits(bytes, line),
        )
}

/// An area code of three digits not starting with 0 or 1, an exchange of
/// three and a line of four. Real exchanges do not start with 0 or 1 either,
/// but made-up and mistyped numbers such as `(555) 123-4567` are still
/// someone's number once written down, and the shape is distinctive enough.
fn north_american_shape(area: &[u8], exchange: &[u8], line: &[u8]) -> bool {
    area.len() == 3
        && exchange.len() == 3
        && line.len() == 4
        && area.first().is_some_and(|d| (b'2'..=b'9').contains(d))
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use crate::privacy::IdentifierKind;
    use crate::privacy::testing::{assert_clean, assert_single, found};

    #[test]
    fn finds_phone_numbers() {
        use IdentifierKind::Phone;
        let cases = [
            "+46 36 555 01 00",
            "+1 (603) 555-0123",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "+972-3-555-1234",
            "+46701234567",
            "0046 36 555 01 00",
            "(603) 555-0123",
            "603-555-0123",
            "603.555.0123",
            "1-603-555-0123",
            "036-555 01 00",
            "(036) 555 01 00",
            "070-123 45 67",
            "0701234567",
            "020 7946 0958",
            "07700 900123",
            "03-555-1234",
            "052-555-1234",
            "036\u{a0}555\u{a0}01\u{a0}00",
        ];
        for number in cases {
            assert_single(number, Phone, number);
            assert_single(&format!("Ring {number}."), Phone, number);
            assert_single(&format!("tel: {number}, then"), Phone, number);
        }
    }

    #[test]
    fn finds_north_american_numbers_with_any_exchange() {
        use IdentifierKind::Phone;
        for number in [
            "(555) 123-4567",
            "(555)123-4567",
            "555-123-4567",
            "555.123.4567",
            "+1 555 123 4567",
            "+1 (555) 123-4567",
            "1-555-123-4567",
        ] {
            assert_single(number, Phone, number);
            assert_single(&format!("Call her on {number}."), Phone, number);
        }
        // Still not phones: no area code that can be one, or spaces alone.
        for text in [
            "(155) 123-4567",
            "055-123-4567x",
            "555 123 4567",
            "(2019) 123-45",
        ] {
            assert!(
                found(text).iter().all(|(k, _)| *k != Phone),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn phone_keeps_number_and_drops_following_count() {
        assert_single(
            "call 070-123 45 67 2 times",
            IdentifierKind::Phone,
            "070-123 45 67",
        );
    }

    #[test]
    fn ignores_numbers_that_are_not_phones() {
        let texts = [
            "1,450 people",
            "360 000 residents",
            "2019–2023",
            "2019-2023",
            "SEK 48 000",
            "SEK 1 450 000",
            "MSIS-29",
            "ii48–ii54",
            "ii48-ii54",
            "doi:10.1093/intqhc/mzab072",
            "https://doi.org/10.1136/bmjqs-2019-010290",
            "ISBN 978-0-19-882146-2",
            "ISBN 0-19-852663-6",
            "ORCID 0000-0002-1825-0097",
            "2026",
            "2026-11-26",
            "26/11/2026",
            "Meeting 01.02.2026",
            "01-02-2026 03-04-2026",
            "03.2021-05.2023",
            "08.30-09.15",
            "09:30–10:15",
            "kl. 08.30",
            "12.5%",
            "0.75",
            "p < 0.001",
            "n = 1450",
            "version 1.12.3",
            "v0.10.2",
            "version 0.10.2",
            "pp. 1093-1102",
            "€48,000",
            "$1,234,567.89",
            "population 1 234 567",
            "1 234 567 890",
            "+12%",
            "+1 450 000 visits",
            "0-24 months",
            "(2019) 45 participants",
            "(2019) 1 450 000",
            "20261126",
            "123456789",
            "603 555 0123",
            "0123abc4567",
            "account 0123 456 789 012 345 678",
        ];
        for text in texts {
            assert_clean(text);
        }
    }
}
