//! The documented maximums of a plan, in one place. A plan file is the user's, hand-edited or
//! sent by someone else, so nothing in it may make the program run out of memory or time, or
//! wrap a number: every list, text, number and date has a limit far above any real plan, and
//! a plan past one is refused when it is read, with the line and column and what to do.
//!
//! The limits on lists are kept while the file is parsed ([`at_most`]: a list stops at its
//! maximum, before it fills memory); the rest once it is read ([`problems`], run by
//! [`super::validate()`], and before any plan is written, so a file loadplan writes always
//! opens again). The engine never takes a dose past them either (a progression of +1 set a
//! week stops at [`MAX_SETS`]).

use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};

mod problems;

pub use problems::problems;

/// Largest plan file read, in bytes (64 MB; photos are most of a large plan).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Longest plan, in weeks (ten years).
pub const MAX_WEEKS: u32 = 520;
/// Most prescriptions in a plan.
pub const MAX_PRESCRIPTIONS: usize = 200;
/// Most exercises a plan carries (its copies of the library's and its own).
pub const MAX_EXERCISES: usize = 1000;
/// Most phases in a plan (one a week).
pub const MAX_PHASES: usize = MAX_WEEKS as usize;
/// Most progression rules of one prescription.
pub const MAX_RULES: usize = 20;
/// Most rows of one per-week table, and most weeks a deload or hold rule lists (one a week).
pub const MAX_TABLE_ROWS: usize = MAX_WEEKS as usize;
/// Most sets of a dose; a per-set list of reps has at most one entry a set.
pub const MAX_SETS: u32 = 50;
/// Most reps of one set.
pub const MAX_REPS: u32 = 10_000;
/// Most exercise sessions a plan schedules in all (each session of each prescription,
/// counted at the most sessions a week its schedule or table gives): 20 exercises every day
/// of ten years is 72,800.
pub const MAX_EXERCISE_SESSIONS: u64 = 200_000;
/// Most logged sessions, and most PROM scores and adjustment decisions: every session of
/// the longest plan at six a day (21,840) can be logged.
pub const MAX_LOG_ENTRIES: usize = 25_000;
/// Most entries of a list of words: cues, cautions, criteria, aliases, muscles, equipment,
/// easier and harder variations, load steps.
pub const MAX_LIST_ITEMS: usize = 100;
/// Longest name, in characters: titles, names, ids, equipment, muscles, captions, range of
/// motion, a table's source.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest text, in characters: notes, goals, cues, cautions, criteria, citations (about
/// twenty printed pages).
pub const MAX_TEXT_CHARS: usize = 50_000;
/// Earliest year of a date in a plan (start, logged sessions, PROM scores, decisions).
pub const FIRST_YEAR: i32 = 1900;
/// Latest year of a date in a plan.
pub const LAST_YEAR: i32 = 2200;

/// A list with a maximum length: what it holds, and what to do when a list is too long.
pub trait Limit {
    /// Most entries.
    const MAX: usize;
    /// The entries, with what they belong to: `prescriptions a plan may have`.
    const WHAT: &'static str;
    /// What to do instead.
    const ADVICE: &'static str;
}

macro_rules! limits {
    ($($(#[$doc:meta])* $name:ident = $max:expr, $what:literal, $advice:literal;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug)]
            pub struct $name;
            impl Limit for $name {
                const MAX: usize = $max;
                const WHAT: &'static str = $what;
                const ADVICE: &'static str = $advice;
            }
        )*
    };
}

limits! {
    /// The prescriptions of a plan.
    Prescriptions = MAX_PRESCRIPTIONS, "prescriptions a plan may have", "split it into two plans";
    /// The exercises a plan carries.
    Exercises = MAX_EXERCISES, "exercises a plan may carry", "remove the exercises no prescription uses";
    /// The phases of a plan.
    Phases = MAX_PHASES, "phases a plan may have", "join some phases";
    /// The rules of a prescription.
    Rules = MAX_RULES, "rules a prescription may have", "join rules of the same kind";
    /// The rows of a table, the weeks of a deload or hold rule.
    WeekList = MAX_TABLE_ROWS, "weeks a rule may list (one a week)", "list each week once";
    /// The reps of a per-set list.
    PerSetList = MAX_SETS as usize, "sets a dose may have", "give one number a set";
    /// The days of a weekday schedule.
    Weekdays = 7, "days of the week", "list each day once";
    /// The logged sessions, PROM scores or decisions.
    LogEntries = MAX_LOG_ENTRIES, "entries this list may have", "keep the older log in a copy of the plan";
    /// The exercises of one logged session.
    SessionExercises = MAX_PRESCRIPTIONS, "exercises a logged session may have (one a prescription)", "log each prescription once";
    /// A list of words.
    Words = MAX_LIST_ITEMS, "entries a list may have", "keep the most important ones";
}

/// The message for a list with more than `L::MAX` entries: `more than the 200 prescriptions
/// a plan may have; split it into two plans`.
pub fn too_many<L: Limit>() -> String {
    format!("more than the {} {}; {}", L::MAX, L::WHAT, L::ADVICE)
}

/// Reads a list of at most `L::MAX` entries (for `#[serde(deserialize_with)]`): a longer list
/// stops the parse at the entry after the last one allowed, before it fills memory.
pub fn at_most<'de, L: Limit, T: serde::Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    struct Bounded<L, T>(PhantomData<(L, T)>);
    impl<'de, L: Limit, T: serde::Deserialize<'de>> Visitor<'de> for Bounded<L, T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a list of at most {} entries", L::MAX)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(L::MAX).min(64));
            while let Some(value) = seq.next_element()? {
                if out.len() == L::MAX {
                    return Err(serde::de::Error::custom(too_many::<L>()));
                }
                out.push(value);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Bounded::<L, T>(PhantomData))
}

/// True when `year` is one a plan's dates may have.
pub fn year_allowed(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;
    use chrono::NaiveDate;

    #[derive(Debug, serde::Deserialize)]
    struct Three {
        #[serde(deserialize_with = "at_most::<Weekdays, _, _>")]
        days: Vec<u32>,
    }

    #[test]
    fn a_list_stops_at_its_maximum() {
        let ok: Three = ron::from_str("(days: [1, 2, 3, 4, 5, 6, 7])").expect("seven days read");
        assert_eq!(ok.days.len(), 7);
        let err = ron::from_str::<Three>("(days: [1, 2, 3, 4, 5, 6, 7, 8])").expect_err("eight");
        assert!(
            err.to_string()
                .contains("more than the 7 days of the week; list each day once"),
            "{err}"
        );
    }

    #[test]
    fn a_plan_within_the_limits_has_no_problem() {
        let plan = Plan {
            title: "t".repeat(MAX_NAME_CHARS),
            notes: "n".repeat(MAX_TEXT_CHARS),
            start_date: NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31),
            ..Plan::default()
        };
        assert!(problems(&plan).is_empty());
        let over = Plan {
            title: "é".repeat(MAX_NAME_CHARS + 1),
            start_date: NaiveDate::from_ymd_opt(FIRST_YEAR - 1, 12, 31),
            ..plan
        };
        let found = problems(&over);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].message.starts_with("title \"ééé"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .message
                .ends_with("longer than the 200 characters a name may have; shorten it")
        );
        assert_eq!(
            found[1].message,
            "start_date 1899-12-31 is not between the years 1900 and 2200; check the year"
        );
    }
}
