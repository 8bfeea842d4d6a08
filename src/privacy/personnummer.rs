//! Swedish personnummer and samordningsnummer, with or without the century
//! and the separator; a number written without a separator needs a valid
//! Luhn check digit.

use super::checks::{is_calendar_date, luhn_valid};
use super::text::{byte_at, digit_run, digit_values, ends_token};
use super::{Candidate, IdentifierKind, Scan};

pub(super) fn scan_personnummer(scan: &Scan) -> Vec<Candidate> {
    let bytes = scan.text.as_bytes();
    scan.number_starts
        .iter()
        .copied()
        .filter_map(|i| personnummer_at(bytes, i))
        .collect()
}

/// `YYMMDD-NNNN`, `YYMMDD+NNNN` and `YYYYMMDD-NNNN` are reported whatever
/// their check digit; `YYMMDDNNNN` and `YYYYMMDDNNNN` only with a valid one.
fn personnummer_at(bytes: &[u8], start: usize) -> Option<Candidate> {
    let run = digit_run(bytes, start);
    let separator = byte_at(bytes, start + run);
    let four_after_separator = digit_run(bytes, start + run + 1) == 4;
    let (end, separated) = match (run, separator) {
        (6, Some(b'-' | b'+')) if four_after_separator => (start + 11, true),
        (8, Some(b'-')) if four_after_separator => (start + 13, true),
        (10 | 12, _) => (start + run, false),
        _ => return None,
    };
    if !ends_token(bytes, end) {
        return None;
    }
    let digits = digit_values(bytes, start..end);
    let (century, ten) = digits.split_at(digits.len().saturating_sub(10));
    if ten.len() != 10 || !personnummer_date_valid(century, ten) {
        return None;
    }
    let checksum_valid = luhn_valid(ten);
    (separated || checksum_valid).then(|| {
        Candidate::new(
            IdentifierKind::SwedishPersonnummer,
            start..end,
            checksum_valid,
        )
    })
}

/// The birth date in a personnummer: a real month and day, where the day may
/// carry +60 for a samordningsnummer. Without a century, 29 February is allowed.
fn personnummer_date_valid(century: &[u8], ten: &[u8]) -> bool {
    let value = |d: &[u8]| d.iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    let (Some(yy), Some(mm), Some(dd)) = (ten.get(0..2), ten.get(2..4), ten.get(4..6)) else {
        return false;
    };
    let year = if century.is_empty() {
        2000
    } else {
        value(century) * 100 + value(yy)
    };
    if !century.is_empty() && !(1800..=2099).contains(&year) {
        return false;
    }
    let day = match value(dd) {
        d if d > 60 => d - 60,
        d => d,
    };
    is_calendar_date(year, value(mm), day)
}

#[cfg(test)]
mod tests {
    use crate::privacy::testing::{assert_clean, assert_single, with_luhn_digit};
    use crate::privacy::{IdentifierKind, scan};

    #[test]
    fn finds_personnummer_in_every_form() {
        use IdentifierKind::SwedishPersonnummer as Pnr;
        assert_single("Personnummer: 811218-9876.", Pnr, "811218-9876");
        assert_single("811218+9876", Pnr, "811218+9876");
        assert_single("pnr 19811218-9876", Pnr, "19811218-9876");
        assert_single("198112189876", Pnr, "198112189876");
        assert_single("8112189876", Pnr, "8112189876");
        assert!(scan("811218-9876")[0].checksum_valid);
    }

    #[test]
    fn finds_samordningsnummer() {
        let number = with_luhn_digit("811278987");
        let text = format!("{}-{}", &number[..6], &number[6..]);
        assert_single(&text, IdentifierKind::SwedishPersonnummer, &text);
        assert_single(&number, IdentifierKind::SwedishPersonnummer, &number);
    }

    #[test]
    fn hyphenated_personnummer_with_bad_check_digit_is_still_reported() {
        let m = scan("811218-9875");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, IdentifierKind::SwedishPersonnummer);
        assert!(!m[0].checksum_valid);
    }

    #[test]
    fn unseparated_personnummer_needs_valid_check_digit_and_date() {
        assert_clean("8112189875");
        assert_clean("198112189875");
        assert_clean("811318-9876"); // month 13
        assert_clean("810230-9876"); // 30 February
        assert_clean("17811218-9876"); // century 17
        assert_clean("811218-98765");
    }
}
