//! Check digits and calendar dates shared by several scanners: the Luhn
//! check (Swedish personnummer, Israeli ID) and whether numbers form a real
//! date (personnummer, dates of birth, and dates that are not phone numbers).

use super::text::ascii_number;

/// The Luhn (mod 10) check, doubling every second digit from the right.
pub(super) fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            let d = u32::from(d);
            match (k % 2 == 1, d * 2) {
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
                (false, _) => d,
            }
        })
        .sum();
    !digits.is_empty() && sum % 10 == 0
}

/// Whether `year`-`month`-`day` is a day of the (proleptic Gregorian) calendar.
pub(super) fn is_calendar_date(year: u32, month: u32, day: u32) -> bool {
    match (i16::try_from(year), i8::try_from(month), i8::try_from(day)) {
        (Ok(year), Ok(month), Ok(day)) => jiff::civil::Date::new(year, month, day).is_ok(),
        _ => false,
    }
}

/// A real calendar date with a plausible year of birth.
pub(super) fn is_valid_date(year: u32, month: u32, day: u32) -> bool {
    (1850..=2100).contains(&year) && is_calendar_date(year, month, day)
}

/// Whether three numbers written with one separator form a date:
/// `yyyy-mm-dd`, `dd-mm-yyyy` or `mm-dd-yyyy`.
pub(super) fn forms_date(first: &[u8], second: &[u8], third: &[u8]) -> bool {
    let short = |s: &[u8]| (1..=2).contains(&s.len());
    let (a, b, c) = (
        ascii_number(first),
        ascii_number(second),
        ascii_number(third),
    );
    if first.len() == 4 && short(second) && short(third) {
        is_valid_date(a, b, c)
    } else if short(first) && short(second) && third.len() == 4 {
        is_valid_date(c, b, a) || is_valid_date(c, a, b)
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::luhn_valid;
    use crate::privacy::testing::digits_of;

    #[test]
    fn luhn_matches_known_values() {
        assert!(luhn_valid(&digits_of("8112189876")));
        assert!(!luhn_valid(&digits_of("8112189875")));
        assert!(luhn_valid(&digits_of("000000018")));
        assert!(luhn_valid(&digits_of("123456782")));
        assert!(!luhn_valid(&digits_of("123456789")));
        assert!(!luhn_valid(&[]));
    }
}
