//! Argument values that need more than clap's own parsing: dates (a usage error, exit 2),
//! the paper size and the load unit (each a [`clap::ValueEnum`], so `--help` lists them), and
//! the numbers of
//! `log`, which are checked here so that an out-of-range value is refused with a
//! [`CliError::InvalidArgument`] naming the flag, before any file is read.

use chrono::NaiveDate;

use crate::io::export::Paper;
use crate::model::NextMorning;

use super::CliError;

/// Parses `YYYY-MM-DD` for clap (an error here is wrong usage).
pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05"))
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

/// A pain rating: 0 (none) to 10 (worst imaginable).
pub(super) fn pain_value(flag: &'static str, n: i64) -> Result<u8, CliError> {
    u8::try_from(n).ok().filter(|n| *n <= 10).ok_or_else(|| {
        invalid(
            flag,
            n.to_string(),
            "is out of range: pain is rated from 0 (none) to 10 (worst imaginable)",
        )
    })
}

/// `--pain-next`: a pain rating or `settled` (any case, spaces around ignored).
pub(super) fn next_morning_value(text: Option<&str>) -> Result<Option<NextMorning>, CliError> {
    let Some(t) = text.map(str::trim) else {
        return Ok(None);
    };
    if t.eq_ignore_ascii_case("settled") {
        return Ok(Some(NextMorning::Settled));
    }
    match t.parse::<i64>() {
        Ok(n) => Ok(Some(NextMorning::Pain(pain_value("--pain-next", n)?))),
        Err(_) => Err(invalid(
            "--pain-next",
            format!("`{t}`"),
            "is not a pain rating: give a number from 0 to 10, or `settled`",
        )),
    }
}

/// A count of 1 or more.
pub(super) fn count_value(flag: &'static str, n: Option<i64>) -> Result<Option<u32>, CliError> {
    n.map(|n| {
        u32::try_from(n).ok().filter(|n| *n >= 1).ok_or_else(|| {
            invalid(
                flag,
                n.to_string(),
                "is not possible: give a whole number of 1 or more",
            )
        })
    })
    .transpose()
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

/// `--load-kg`: 0 kg or more.
pub(super) fn load_value(kg: Option<f64>) -> Result<(), CliError> {
    match kg {
        Some(kg) if !(kg.is_finite() && kg >= 0.0) => Err(invalid(
            "--load-kg",
            kg.to_string(),
            "is not possible: give the load in kg, 0 or more",
        )),
        _ => Ok(()),
    }
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
        let e = pain_value("--pain-during", 11).expect_err("11");
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
        assert!(count_value("--sets", Some(0)).is_err());
        assert_eq!(count_value("--reps", Some(8)).ok(), Some(Some(8)));
        assert!(positive_value("--minutes", Some(-5.0)).is_err());
        assert!(rpe_value(Some(10.5)).is_err() && rpe_value(Some(0.0)).is_ok());
        assert!(load_value(Some(-2.5)).is_err() && load_value(Some(0.0)).is_ok());
    }
}
