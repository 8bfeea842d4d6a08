//! Today's date: deferrals compare against it and reports print it.
//! `COVALUE_TODAY=YYYY-MM-DD` fixes it (for tests and for reproducible
//! reports). Dates are `jiff`'s calendar dates.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::spec::parse_date;

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
}
