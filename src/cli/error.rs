//! Why a subcommand failed, as a type. Each variant's message is the one line `main` prints
//! after `loadplan: error: `: what failed, where (the file, and line:column when known) and
//! what to do. Errors of the io layer and the library keep their own messages.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::io::PlanFileError;
use crate::io::export::ExportError;
use crate::library::LibraryError;

use super::words::day_words;
use crate::model::quote::shown;

/// What went wrong running a subcommand (wrong usage is clap's, before any of this).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A plan file or a built-in template could not be read, or a plan could not be saved.
    #[error(transparent)]
    PlanFile(#[from] PlanFileError),
    /// An export could not be made or written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The built-in exercise library could not be read.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// Your exercise library could not be read or written.
    #[error(transparent)]
    Personal(#[from] crate::io::PersonalError),
    /// A file to import could not be read or does not fit (with its line and column).
    #[error(transparent)]
    Import(#[from] crate::library::ImportError),
    /// A file to import could not be read as text (the message names it).
    #[error("{0}")]
    ImportText(String),
    /// `new --template ID` names no built-in template.
    #[error("no template `{}`; choose one of: {}", shown(.id), .known.join(", "))]
    UnknownTemplate {
        /// The id given.
        id: String,
        /// The ids there are.
        known: Vec<&'static str>,
    },
    /// `new -o FILE` would overwrite a file without `--force`.
    #[error(
        "{} already exists; choose another name or pass --force to overwrite it",
        crate::model::quote::path(.path)
    )]
    OutputExists {
        /// The file that exists.
        path: PathBuf,
    },
    /// `show --week N` asks for a week the plan does not have.
    #[error(
        "week {week} is not in the plan (it has weeks 1 to {weeks}): {}",
        crate::model::quote::path(.path)
    )]
    NoSuchWeek {
        /// The week asked for.
        week: u32,
        /// How many weeks the plan has.
        weeks: usize,
        /// The plan file.
        path: PathBuf,
    },
    /// A flag's value is out of range or not of the right kind (checked before any file is
    /// read or written).
    #[error("{flag} {} {problem}", shown(.value))]
    InvalidArgument {
        /// The flag, e.g. `--pain-during`.
        flag: &'static str,
        /// The value as the user gave it (quoted when it is not a number).
        value: String,
        /// What is wrong and what to give instead.
        problem: &'static str,
    },
    /// A whole-number flag was given something else (`2.5`, `three`).
    #[error("{flag}: {rule}: {} is not", shown(.value))]
    NotWholeNumber {
        /// The flag, e.g. `--pain-during`.
        flag: &'static str,
        /// The value as the user gave it.
        value: String,
        /// What the flag takes, e.g. `pain is a whole number from 0 to 10`.
        rule: &'static str,
    },
    /// `log --date` is after today: a session is logged once it is done.
    #[error(
        "--date {date} is after today ({today}): a session is logged once it is done; check the \
         date"
    )]
    FutureDate {
        /// The date given.
        date: NaiveDate,
        /// Today (the system's date, or `--today`).
        today: NaiveDate,
    },
    /// `log` on a day (or `--slot`) with no planned session of the exercise, without `--extra`.
    #[error(
        "no session of `{}` is planned on {}{}; {planned}; pass --extra to record an \
         extra session",
        shown(.exercise),
        day_words(*.date, Some(*.week)),
        slot_words(*.slot)
    )]
    NotPlanned {
        /// The exercise id given.
        exercise: String,
        /// The day given.
        date: NaiveDate,
        /// Its plan week.
        week: u32,
        /// The `--slot` given, if any.
        slot: Option<u32>,
        /// What is planned that day.
        planned: PlannedThatDay,
    },
    /// `export -o OUT` names the plan file itself.
    #[error(
        "{} is the plan file itself; an export never replaces the plan: choose another name \
         for the export, e.g. plan.pdf",
        crate::model::quote::path(.path)
    )]
    ExportOntoPlan {
        /// The output file given.
        path: PathBuf,
    },
    /// `log` needs session dates, and the plan has no start date.
    #[error(
        "{}: the plan has no start date, so its sessions have no dates; set one in the \
         window (plan details, Start date) or add `start_date: \"YYYY-MM-DD\",` to the file",
        crate::model::quote::path(.path)
    )]
    Undated {
        /// The plan file.
        path: PathBuf,
    },
    /// `log` on a plan without weeks.
    #[error("{}: the plan has no weeks yet", crate::model::quote::path(.path))]
    NoWeeks {
        /// The plan file.
        path: PathBuf,
    },
    /// `log --date` is before the plan's first or after its last day.
    #[error("{date} is not in the plan: it runs from {start} to {last} ({weeks} weeks)")]
    DateOutsidePlan {
        /// The date given.
        date: NaiveDate,
        /// The plan's first day.
        start: NaiveDate,
        /// The plan's last day.
        last: NaiveDate,
        /// How many weeks the plan has.
        weeks: usize,
    },
    /// `log --exercise ID` is in the plan, but neither planned that day nor prescribed that
    /// week.
    #[error(
        "no session of `{}` on {}, and it is not prescribed that week; {planned}",
        shown(.exercise),
        day_words(*.date, *.week)
    )]
    NoMatchingSession {
        /// The exercise id given.
        exercise: String,
        /// The day given.
        date: NaiveDate,
        /// Its plan week, when it is in the plan.
        week: Option<u32>,
        /// What is planned that day.
        planned: PlannedThatDay,
    },
    /// `log --exercise ID` names no exercise of the plan.
    #[error(
        "`{}` is not an exercise of this plan (`loadplan show FILE --json` lists the \
         exercise_id of each week); on {} {planned}",
        shown(.exercise),
        day_words(*.date, *.week)
    )]
    UnknownExercise {
        /// The exercise id given.
        exercise: String,
        /// The day given.
        date: NaiveDate,
        /// Its plan week, when it is in the plan.
        week: Option<u32>,
        /// What is planned that day.
        planned: PlannedThatDay,
    },
    /// `fit` cannot fit the prescription (unknown id, nothing to fit, ...).
    #[error("{}: {source}", crate::model::quote::path(.path))]
    Fit {
        /// The plan file.
        path: PathBuf,
        /// Why.
        source: crate::engine::FitError,
    },
    /// The log entry just written cannot be found again (a bug).
    #[error("the log entry was not recorded (a bug; please report it)")]
    NotRecorded,
    /// Standard output could not be written or flushed. (Files are written by the io layer,
    /// whose errors are [`CliError::PlanFile`] and [`CliError::Export`]; every plain
    /// `std::io::Error` here comes from the output.)
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

/// ` as session 2 of the day` for `--slot 1`.
fn slot_words(slot: Option<u32>) -> String {
    slot.map_or_else(String::new, |n| {
        format!(" as session {} of the day", n.saturating_add(1))
    })
}

/// The exercise ids planned on one day, in the words of a `log` error: `planned that day:
/// a, b`, or that it is a rest day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlannedThatDay(pub Vec<String>);

impl fmt::Display for PlannedThatDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("nothing is planned that day (a rest day)")
        } else {
            let ids: Vec<String> = self.0.iter().map(|id| shown(id)).collect();
            write!(f, "planned that day: {}", ids.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn messages_are_one_line_and_name_the_flag_or_file() {
        let errors = [
            CliError::InvalidArgument {
                flag: "--sets",
                value: "0".to_owned(),
                problem: "is not possible: give a whole number of 1 or more",
            },
            CliError::NoSuchWeek {
                week: 99,
                weeks: 12,
                path: PathBuf::from("plan.ron"),
            },
            CliError::NoMatchingSession {
                exercise: "clams".to_owned(),
                date: date("2026-03-05"),
                week: Some(1),
                planned: PlannedThatDay(vec!["nordic_partial".to_owned()]),
            },
            CliError::UnknownExercise {
                exercise: "nordik".to_owned(),
                date: date("2026-03-08"),
                week: None,
                planned: PlannedThatDay::default(),
            },
        ];
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(texts.iter().all(|t| !t.contains('\n')), "{texts:?}");
        assert_eq!(
            texts[0],
            "--sets 0 is not possible: give a whole number of 1 or more"
        );
        assert_eq!(
            texts[1],
            "week 99 is not in the plan (it has weeks 1 to 12): plan.ron"
        );
        assert_eq!(
            texts[2],
            "no session of `clams` on 2026-03-05 (Thu, week 1), and it is not prescribed that \
             week; planned that day: nordic_partial"
        );
        assert!(
            texts[3].ends_with("on 2026-03-08 (Sun) nothing is planned that day (a rest day)"),
            "{}",
            texts[3]
        );
    }
}
