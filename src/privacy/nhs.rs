//! UK NHS numbers: ten digits, alone or grouped 3-3-4, with a valid mod 11
//! check digit.

use super::text::{byte_at, digit_run, digit_values, ends_token};
use super::{Candidate, IdentifierKind, Scan};

pub(super) fn scan_nhs_numbers(scan: &Scan) -> Vec<Candidate> {
    let bytes = scan.text.as_bytes();
    scan.number_starts
        .iter()
        .copied()
        .filter_map(|i| nhs_number_at(bytes, i))
        .collect()
}

/// Ten digits, alone or grouped 3-3-4 with spaces or hyphens, with a valid check digit.
fn nhs_number_at(bytes: &[u8], start: usize) -> Option<Candidate> {
    let end = match digit_run(bytes, start) {
        10 => start + 10,
        3 if grouped_3_3_4(bytes, start) => start + 12,
        _ => return None,
    };
    let valid = ends_token(bytes, end) && nhs_check_valid(&digit_values(bytes, start..end));
    valid.then(|| Candidate::new(IdentifierKind::UkNhsNumber, start..end, true))
}

fn grouped_3_3_4(bytes: &[u8], start: usize) -> bool {
    let separator = byte_at(bytes, start + 3);
    matches!(separator, Some(b' ' | b'-'))
        && digit_run(bytes, start + 4) == 3
        && byte_at(bytes, start + 7) == separator
        && digit_run(bytes, start + 8) == 4
}

/// The NHS mod 11 check: weights 10 down to 2, check = 11 − (sum mod 11).
fn nhs_check_valid(digits: &[u8]) -> bool {
    let [body @ .., check] = digits else {
        return false;
    };
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip((2..=10).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => *check == 0,
        10 => false,
        expected => u32::from(*check) == expected,
    }
}

#[cfg(test)]
mod tests {
    use super::nhs_check_valid;
    use crate::privacy::testing::{assert_clean, assert_single, digits_of, found};
    use crate::privacy::{IdentifierKind, scan};

    /// `body` followed by its NHS check digit, if it has one.
    fn with_nhs_digit(body: &str) -> Option<String> {
        (0..=9)
            .map(|d| format!("{body}{d}"))
            .find(|s| nhs_check_valid(&digits_of(s)))
    }

    #[test]
    fn finds_nhs_numbers() {
        use IdentifierKind::UkNhsNumber as Nhs;
        assert_single("NHS number 943 476 5919", Nhs, "943 476 5919");
        assert_single("943-476-5919", Nhs, "943-476-5919");
        assert_single("(9434765919)", Nhs, "9434765919");
        let generated = with_nhs_digit("401023213").unwrap_or_else(|| panic!("no NHS check digit"));
        assert_single(&generated, Nhs, &generated);
        assert!(scan("943 476 5919")[0].checksum_valid);
    }

    #[test]
    fn nhs_number_needs_valid_check_digit() {
        assert_clean("943 476 5918");
        assert_clean("9434765918");
        assert!(
            found("943-476-5918")
                .iter()
                .all(|(k, _)| *k != IdentifierKind::UkNhsNumber)
        );
        assert_clean("943 476-5919"); // mixed separators
        // A body whose check digit would be 10 has no valid NHS number.
        let body = (100_000_000u32..)
            .map(|n| n.to_string())
            .find(|b| with_nhs_digit(b).is_none())
            .unwrap_or_else(|| panic!("every body has a check digit"));
        for d in 0..=9 {
            assert!(
                found(&format!("{body}{d}"))
                    .iter()
                    .all(|(k, _)| *k != IdentifierKind::UkNhsNumber)
            );
        }
    }

    #[test]
    fn nhs_check_digit_matches_known_values() {
        assert!(nhs_check_valid(&digits_of("9434765919")));
        assert!(!nhs_check_valid(&digits_of("9434765918")));
        assert!(!nhs_check_valid(&[]));
    }
}
