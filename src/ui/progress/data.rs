//! Dates on the progress charts' x axes: days as whole numbers counted from a Monday, so weekly
//! grid lines fall on Mondays, and the tick labels.

use chrono::{Datelike, NaiveDate, TimeDelta};

/// Days are plotted as whole numbers counted from this Monday, so weekly grid lines fall on
/// Mondays.
pub const DAY_ZERO: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 3) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The x value of a date.
pub fn day_number(date: NaiveDate) -> f64 {
    (date - DAY_ZERO).num_days() as f64
}

/// The date at (the nearest whole day to) an x value, if it is a date.
pub fn date_of_day(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1.0e7 {
        return None;
    }
    DAY_ZERO.checked_add_signed(TimeDelta::try_days(x.round() as i64)?)
}

/// `12 Jan`, or `12 Jan 26` when `with_year`.
pub fn short_date(date: NaiveDate, with_year: bool) -> String {
    if with_year {
        date.format("%-d %b %y").to_string()
    } else {
        date.format("%-d %b").to_string()
    }
}

/// Whether two x values fall in different years (date axis labels then carry the year).
pub fn spans_years(from: f64, to: f64) -> bool {
    match (date_of_day(from), date_of_day(to)) {
        (Some(a), Some(b)) => a.year() != b.year(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("valid date")
    }

    #[test]
    fn days_round_trip_and_mondays_are_multiples_of_seven() {
        for date in [d(1, 5), d(2, 28), d(12, 31)] {
            assert_eq!(date_of_day(day_number(date)), Some(date));
        }
        assert_eq!(day_number(d(1, 5)) % 7.0, 0.0, "5 Jan 2026 is a Monday");
        assert_eq!(date_of_day(f64::NAN), None);
        assert_eq!(date_of_day(1.0e12), None);
    }
}
