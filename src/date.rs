//! Today's date: deferrals compare against it and reports print it.
//! `COVALUE_TODAY=YYYY-MM-DD` fixes it (for tests and for reproducible
//! reports). Dates are `jiff`'s calendar dates, written YYYY-MM-DD
//! ([`parse_date`] is the one rule for reading them).

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A calendar date.
pub type Date = jiff::civil::Date;

/// Today's date (UTC), or `COVALUE_TODAY` when set to a valid date.
pub fn today() -> Date {
    if let Some(date) = std::env::var("COVALUE_TODAY")
        .ok()
        .and_then(|v| parse_date(&v))
    {
        return date;
    }
    TimeZone::UTC.to_datetime(Timestamp::now()).date()
}

/// Parses a YYYY-MM-DD date (exactly four, two and two digits), checking
/// the calendar.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i16 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let m: i8 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let d: i8 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    jiff::civil::Date::new(y, m, d).ok()
}

/// Formats a date as YYYY-MM-DD.
pub fn format(date: Date) -> String {
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_iso() {
        assert_eq!(format(jiff::civil::date(2000, 2, 29)), "2000-02-29");
        assert_eq!(format(jiff::civil::date(999, 1, 5)), "0999-01-05");
    }

    #[test]
    fn dates_read_only_as_yyyy_mm_dd_on_the_calendar() {
        assert_eq!(
            parse_date("2024-02-29"),
            Some(jiff::civil::date(2024, 2, 29))
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("1900-02-29"), None);
        assert_eq!(
            parse_date("2000-02-29"),
            Some(jiff::civil::date(2000, 2, 29))
        );
        assert_eq!(parse_date("2025-04-31"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("2025-00-10"), None);
        assert_eq!(parse_date("2025-1-10"), None);
    }
}
