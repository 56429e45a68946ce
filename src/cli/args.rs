//! Argument values that need more than clap's own parsing: dates (a usage error, exit 2),
//! the paper size and the load unit (each a [`clap::ValueEnum`], so `--help` lists them), and
//! the numbers of
//! `log`, which are checked here so that an out-of-range value is refused with a
//! [`CliError::InvalidArgument`] naming the flag, before any file is read.

use chrono::{Datelike, NaiveDate};

use crate::io::export::Paper;
use crate::model::limits::{FIRST_YEAR, LAST_YEAR, MAX_REPS, MAX_SETS, year_allowed};
use crate::model::quote::shown;
use crate::model::{LoadUnit, MAX_TIMES_PER_DAY, NextMorning};

use super::CliError;

/// Parses `YYYY-MM-DD` for clap (an error here is wrong usage).
pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!(
            "`{}` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05",
            shown(s)
        )
    })?;
    if !year_allowed(date.year()) {
        return Err(format!(
            "{date} is not between the years {FIRST_YEAR} and {LAST_YEAR} a plan's dates may \
             be in; check the year"
        ));
    }
    Ok(date)
}

/// `export --paper`: the paper size of a PDF handout, as the command line spells it. It maps
/// onto [`Paper`], which knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 x 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    #[value(alias = "us-letter")]
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Paper {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// `export --unit`: the unit a PDF prints loads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum UnitArg {
    /// Kilograms.
    #[default]
    Kg,
    /// Pounds.
    Lb,
}

impl From<UnitArg> for crate::model::LoadUnit {
    fn from(u: UnitArg) -> crate::model::LoadUnit {
        match u {
            UnitArg::Kg => crate::model::LoadUnit::Kg,
            UnitArg::Lb => crate::model::LoadUnit::Lb,
        }
    }
}

fn invalid(flag: &'static str, value: String, problem: &'static str) -> CliError {
    CliError::InvalidArgument {
        flag,
        value,
        problem,
    }
}

/// What a whole-number option takes, for its messages.
pub(super) struct Whole {
    min: i64,
    max: i64,
    /// `pain is a whole number from 0 to 10`: said when the value is no whole number.
    rule: &'static str,
    /// `is out of range: ...`: said when it is one, outside `min..=max`.
    out_of_range: &'static str,
}

/// A pain rating: 0 (none) to 10 (worst imaginable).
pub(super) const PAIN: Whole = Whole {
    min: 0,
    max: 10,
    rule: "pain is a whole number from 0 to 10",
    out_of_range: "is out of range: pain is rated from 0 (none) to 10 (worst imaginable)",
};

/// Sets: 1 to [`MAX_SETS`].
pub(super) const SETS: Whole = Whole {
    min: 1,
    max: MAX_SETS as i64,
    rule: "give a whole number from 1 to 50",
    out_of_range: "is out of range: give a whole number of sets from 1 to 50 (the most a dose \
                   may have)",
};

/// Reps: 1 to [`MAX_REPS`].
pub(super) const REPS: Whole = Whole {
    min: 1,
    max: MAX_REPS as i64,
    rule: "give a whole number from 1 to 10000",
    out_of_range: "is out of range: give a whole number of reps from 1 to 10000 (the most a \
                   set may have)",
};

// The words above give the limits as numbers.
const _: () = assert!(MAX_SETS == 50 && MAX_REPS == 10_000);

/// The session of the day: 0 (the first) to 5 (the sixth; a schedule has at most six a day).
pub(super) const SLOT: Whole = Whole {
    min: 0,
    max: MAX_TIMES_PER_DAY as i64 - 1,
    rule: "the session of the day is a whole number: 0 the first, 1 the second, ...",
    out_of_range: "is out of range: a day has at most 6 sessions, so the session of the day \
                   is 0 (the first) to 5 (the sixth)",
};

/// A whole number within `w`'s range, given as `text`: not "invalid digit", but what the flag
/// takes (`--pain-during: pain is a whole number from 0 to 10: 2.5 is not`), or that it is out
/// of range (a number too large for any type is out of range too, never wrapped).
pub(super) fn whole_value(flag: &'static str, text: &str, w: &Whole) -> Result<i64, CliError> {
    let t = text.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CliError::NotWholeNumber {
            flag,
            value: t.to_owned(),
            rule: w.rule,
        });
    }
    t.parse::<i64>()
        .ok()
        .filter(|n| (w.min..=w.max).contains(n))
        .ok_or_else(|| invalid(flag, t.to_owned(), w.out_of_range))
}

/// [`whole_value`] of an option given or not, as a `u32` (every range here fits one).
pub(super) fn whole_option(
    flag: &'static str,
    text: Option<&str>,
    w: &Whole,
) -> Result<Option<u32>, CliError> {
    text.map(|t| {
        whole_value(flag, t, w).and_then(|n| {
            u32::try_from(n).map_err(|_| invalid(flag, t.trim().to_owned(), w.out_of_range))
        })
    })
    .transpose()
}

/// A pain rating of `--pain-during`.
pub(super) fn pain_value(flag: &'static str, text: &str) -> Result<u8, CliError> {
    let n = whole_value(flag, text, &PAIN)?;
    u8::try_from(n).map_err(|_| invalid(flag, text.trim().to_owned(), PAIN.out_of_range))
}

/// `--pain-next`: a pain rating or `settled` (any case, spaces around ignored).
pub(super) fn next_morning_value(text: Option<&str>) -> Result<Option<NextMorning>, CliError> {
    let Some(t) = text.map(str::trim) else {
        return Ok(None);
    };
    if t.eq_ignore_ascii_case("settled") {
        return Ok(Some(NextMorning::Settled));
    }
    if t.parse::<f64>().is_err() {
        return Err(invalid(
            "--pain-next",
            format!("`{t}`"),
            "is not a pain rating: give a number from 0 to 10, or `settled`",
        ));
    }
    Ok(Some(NextMorning::Pain(pain_value("--pain-next", t)?)))
}

/// A number above 0.
pub(super) fn positive_value(flag: &'static str, x: Option<f64>) -> Result<(), CliError> {
    match x {
        Some(x) if !(x.is_finite() && x > 0.0) => Err(invalid(
            flag,
            x.to_string(),
            "is not possible: give a number above 0",
        )),
        _ => Ok(()),
    }
}

/// `--rpe`: session effort on the CR-10 scale, 0 to 10.
pub(super) fn rpe_value(rpe: Option<f64>) -> Result<(), CliError> {
    match rpe {
        Some(r) if !(r.is_finite() && (0.0..=10.0).contains(&r)) => Err(invalid(
            "--rpe",
            r.to_string(),
            "is out of range: session effort is rated from 0 (rest) to 10 (maximal), CR-10",
        )),
        _ => Ok(()),
    }
}

/// `--load-kg` or `--load-lb`: the load in kg (given in either unit), 0 or more.
pub(super) fn load_value(kg: Option<f64>, lb: Option<f64>) -> Result<Option<f64>, CliError> {
    let (flag, value, unit) = match (kg, lb) {
        (Some(kg), _) => ("--load-kg", kg, LoadUnit::Kg),
        (None, Some(lb)) => ("--load-lb", lb, LoadUnit::Lb),
        (None, None) => return Ok(None),
    };
    if !(value.is_finite() && value >= 0.0) {
        return Err(invalid(
            flag,
            value.to_string(),
            "is not possible: give the load, 0 or more",
        ));
    }
    Ok(Some(unit.to_kg(value)))
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn paper_sizes_map_onto_the_export_paper() {
        assert_eq!(Paper::from(PaperArg::A4), Paper::A4);
        assert_eq!(Paper::from(PaperArg::Letter), Paper::Letter);
        let names: Vec<String> = PaperArg::value_variants()
            .iter()
            .filter_map(|p| p.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(names, ["a4", "letter"]);
        assert_eq!(PaperArg::from_str("us-letter", true), Ok(PaperArg::Letter));
        assert_eq!(PaperArg::from_str("A4", true), Ok(PaperArg::A4));
    }

    #[test]
    fn numbers_out_of_range_name_the_flag() {
        let e = pain_value("--pain-during", "11").expect_err("11");
        assert!(
            e.to_string()
                .starts_with("--pain-during 11 is out of range")
        );
        assert_eq!(
            next_morning_value(Some(" Settled ")).ok(),
            Some(Some(NextMorning::Settled))
        );
        let e = next_morning_value(Some("worse")).expect_err("worse");
        assert!(
            e.to_string()
                .starts_with("--pain-next `worse` is not a pain rating")
        );
        assert!(whole_option("--sets", Some("0"), &SETS).is_err());
        assert_eq!(whole_option("--reps", Some("8"), &REPS).ok(), Some(Some(8)));
        assert!(positive_value("--minutes", Some(-5.0)).is_err());
        assert!(rpe_value(Some(10.5)).is_err() && rpe_value(Some(0.0)).is_ok());
        assert!(load_value(Some(-2.5), None).is_err());
        assert_eq!(load_value(Some(0.0), None).ok(), Some(Some(0.0)));
        let kg = load_value(None, Some(10.0)).ok().flatten().expect("10 lb");
        assert!((kg - 4.535_923_7).abs() < 1e-9);
    }

    #[test]
    fn whole_numbers_say_what_the_flag_takes() {
        let e = pain_value("--pain-during", "2.5").expect_err("2.5");
        assert_eq!(
            e.to_string(),
            "--pain-during: pain is a whole number from 0 to 10: 2.5 is not"
        );
        let e = next_morning_value(Some("2.5")).expect_err("2.5");
        assert_eq!(
            e.to_string(),
            "--pain-next: pain is a whole number from 0 to 10: 2.5 is not"
        );
        let e = whole_option("--sets", Some("three"), &SETS).expect_err("three");
        assert_eq!(
            e.to_string(),
            "--sets: give a whole number from 1 to 50: three is not"
        );
        // Too large for any integer type: out of range, never wrapped.
        for huge in ["4294967295", "99999999999999999999999"] {
            let e = whole_option("--slot", Some(huge), &SLOT).expect_err(huge);
            assert!(
                e.to_string().starts_with(&format!(
                    "--slot {huge} is out of range: a day has at most 6"
                )),
                "{e}"
            );
        }
        assert_eq!(whole_option("--slot", Some("5"), &SLOT).ok(), Some(Some(5)));
        assert_eq!(pain_value("--pain-during", " 7 ").ok(), Some(7));
    }
}
