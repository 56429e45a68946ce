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

use chrono::{Datelike, NaiveDate};
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::dose::{Dose, Reps};
use super::plan::Plan;
use super::progression::Rule;
use super::quote::quote;
use super::validate::{Anchor, Problem};

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

/// Every limit `plan` is past, each anchored where it is written.
pub fn problems(plan: &Plan) -> Vec<Problem> {
    let mut out = Out(Vec::new());
    out.count::<Prescriptions>(Anchor::Field("prescriptions"), plan.prescriptions.len());
    out.count::<Exercises>(Anchor::Field("exercises"), plan.exercises.len());
    out.count::<Phases>(Anchor::Field("phases"), plan.phases.len());
    out.count::<LogEntries>(Anchor::Field("log"), plan.log.len());
    out.count::<LogEntries>(Anchor::Field("proms"), plan.proms.len());
    out.count::<LogEntries>(Anchor::Field("adjustments"), plan.adjustments.len());
    out.count::<Words>(Anchor::Field("load_steps"), plan.load_steps.len());
    if !out.0.is_empty() {
        // The rest would walk lists too long to walk.
        return out.0;
    }
    plan_texts(plan, &mut out);
    out.date(
        Anchor::Field("start_date"),
        None,
        "start_date",
        plan.start_date,
    );
    for (i, phase) in plan.phases.iter().enumerate() {
        let at = Anchor::Phase(i);
        out.name(at, "name", &phase.name);
        out.text(at, "goal", &phase.goal);
        out.words(at, "criteria", &phase.criteria, MAX_TEXT_CHARS);
    }
    for (i, ex) in plan.exercises.iter().enumerate() {
        exercise(&mut out, Anchor::Exercise(i), ex);
    }
    for (i, rx) in plan.prescriptions.iter().enumerate() {
        prescription(&mut out, Anchor::Prescription(i), rx);
    }
    out.sessions(plan);
    log(plan, &mut out);
    out.0
}

/// The plan's own texts.
fn plan_texts(plan: &Plan, out: &mut Out) {
    for (field, value) in [
        ("title", &plan.title),
        ("athlete", &plan.athlete),
        ("clinician", &plan.clinician),
        ("condition", &plan.condition),
    ] {
        out.name(Anchor::Field(field), field, value);
    }
    for (field, value) in [
        ("goal", &plan.goal),
        ("notes", &plan.notes),
        ("citation", &plan.citation),
        ("disclaimer", &plan.disclaimer),
    ] {
        out.text(Anchor::Field(field), field, value);
    }
    for step in &plan.load_steps {
        out.name(Anchor::Field("load_steps"), "equipment", &step.equipment);
    }
}

fn exercise(out: &mut Out, at: Anchor, ex: &super::exercise::Exercise) {
    out.name(at, "id", &ex.id);
    out.name(at, "name", &ex.name);
    for (field, list) in [
        ("aliases", &ex.aliases),
        ("muscles", &ex.muscles),
        ("equipment", &ex.equipment),
        ("easier", &ex.easier),
        ("harder", &ex.harder),
    ] {
        out.words(at, field, list, MAX_NAME_CHARS);
    }
    out.words(at, "cues", &ex.cues, MAX_TEXT_CHARS);
    out.words(at, "cautions", &ex.cautions, MAX_TEXT_CHARS);
    out.count_in::<Words>(at, "regions", ex.regions.len());
    for (field, value) in [("illustration", &ex.illustration), ("source", &ex.source)] {
        if let Some(value) = value {
            out.text(at, field, value);
        }
    }
    for photo in &ex.photos {
        out.name(at, "photos", &photo.caption);
    }
    out.dose(at, "default_dose", &ex.default_dose);
}

fn prescription(out: &mut Out, at: Anchor, rx: &super::plan::Prescription) {
    out.name(at, "exercise", &rx.exercise);
    out.text(at, "notes", &rx.notes);
    out.dose(at, "dose", &rx.dose);
    if let super::schedule::Schedule::Weekdays(days) = &rx.schedule {
        out.count_in::<Weekdays>(at, "schedule", days.len());
    }
    out.count_in::<Rules>(at, "rules", rx.rules.len());
    for rule in rx.rules.iter().take(MAX_RULES) {
        match rule {
            Rule::Table { rows, source } => {
                out.count_in::<WeekList>(at, "rules", rows.len());
                if let Some(source) = source {
                    out.name(at, "rules", source);
                }
                for row in rows.iter().take(MAX_TABLE_ROWS) {
                    out.sets(at, "rules", row.sets);
                    if let Some(reps) = &row.reps {
                        out.reps(at, "rules", reps);
                    }
                    if row.week > MAX_WEEKS {
                        out.push(
                            at,
                            Some("rules"),
                            format!(
                                "a table row for week {}, past the {MAX_WEEKS} weeks a plan may have; remove the row",
                                row.week
                            ),
                        );
                    }
                }
            }
            Rule::Deload { weeks, .. } | Rule::Hold { weeks } => {
                out.count_in::<WeekList>(at, "rules", weeks.len());
            }
            Rule::Add { .. } | Rule::NextVariation { .. } => {}
        }
    }
}

fn log(plan: &Plan, out: &mut Out) {
    for (i, session) in plan.log.iter().enumerate() {
        let at = Anchor::LogEntry(i);
        out.date(at, Some("date"), "date", Some(session.date));
        out.text(at, "note", &session.note);
        out.count_in::<SessionExercises>(at, "exercises", session.exercises.len());
        for e in session.exercises.iter().take(MAX_PRESCRIPTIONS) {
            out.name(at, "exercises", &e.exercise);
            out.sets(at, "exercises", e.sets);
            if let Some(n) = e.reps {
                out.reps(at, "exercises", &Reps::Fixed(n));
            }
        }
    }
    for (i, prom) in plan.proms.iter().enumerate() {
        out.date(Anchor::Prom(i), Some("date"), "date", Some(prom.date));
    }
    for (i, decision) in plan.adjustments.iter().enumerate() {
        let at = Anchor::Adjustment(i);
        out.date(at, Some("date"), "date", Some(decision.date));
        if let super::log::Decision::Change(dose) = &decision.decision {
            out.dose(at, "decision", dose);
        }
        if let Some(dose) = &decision.proposed {
            out.dose(at, "proposed", dose);
        }
    }
}

/// The problems found so far.
struct Out(Vec<Problem>);

impl Out {
    fn push(&mut self, anchor: Anchor, field: Option<&'static str>, message: String) {
        self.0.push(Problem {
            anchor,
            field,
            message,
        });
    }

    /// A top-level list of `n` entries.
    fn count<L: Limit>(&mut self, anchor: Anchor, n: usize) {
        if n > L::MAX {
            let Anchor::Field(field) = anchor else {
                return;
            };
            self.push(anchor, None, format!("{field}: {}", too_many::<L>()));
        }
    }

    /// A list `field` of `n` entries inside the entry at `anchor`.
    fn count_in<L: Limit>(&mut self, anchor: Anchor, field: &'static str, n: usize) {
        if n > L::MAX {
            self.push(anchor, Some(field), format!("{field}: {}", too_many::<L>()));
        }
    }

    fn long(&mut self, anchor: Anchor, field: &'static str, value: &str, max: usize) {
        // Counting stops past the limit: a text of a million characters is not counted out.
        if value.len() > max && value.chars().nth(max).is_some() {
            let what = if max == MAX_NAME_CHARS {
                "a name"
            } else {
                "a text"
            };
            self.push(
                anchor,
                Some(field),
                format!(
                    "{field} {} is longer than the {max} characters {what} may have; shorten it",
                    quote(value)
                ),
            );
        }
    }

    fn name(&mut self, anchor: Anchor, field: &'static str, value: &str) {
        self.long(anchor, field, value, MAX_NAME_CHARS);
    }

    fn text(&mut self, anchor: Anchor, field: &'static str, value: &str) {
        self.long(anchor, field, value, MAX_TEXT_CHARS);
    }

    /// A list of words: at most [`MAX_LIST_ITEMS`], each at most `max` characters.
    fn words(&mut self, anchor: Anchor, field: &'static str, list: &[String], max: usize) {
        self.count_in::<Words>(anchor, field, list.len());
        for word in list.iter().take(MAX_LIST_ITEMS) {
            self.long(anchor, field, word, max);
        }
    }

    fn sets(&mut self, anchor: Anchor, field: &'static str, sets: Option<u32>) {
        if let Some(n) = sets.filter(|n| *n > MAX_SETS) {
            self.push(
                anchor,
                Some(field),
                format!(
                    "{n} sets, more than the {MAX_SETS} a dose may have; give at most {MAX_SETS}"
                ),
            );
        }
    }

    fn reps(&mut self, anchor: Anchor, field: &'static str, reps: &Reps) {
        let most = match reps {
            Reps::Fixed(n) => *n,
            Reps::Range(a, b) => (*a).max(*b),
            Reps::PerSet(list) => {
                if list.len() > MAX_SETS as usize {
                    self.push(
                        anchor,
                        Some(field),
                        format!("reps: {}", too_many::<PerSetList>()),
                    );
                }
                list.iter().copied().max().unwrap_or(0)
            }
        };
        if most > MAX_REPS {
            self.push(
                anchor,
                Some(field),
                format!(
                    "{most} reps, more than the {MAX_REPS} a set may have; give at most {MAX_REPS}"
                ),
            );
        }
    }

    fn dose(&mut self, anchor: Anchor, field: &'static str, dose: &Dose) {
        self.sets(anchor, field, Some(dose.sets));
        if let Some(reps) = &dose.reps {
            self.reps(anchor, field, reps);
        }
        if let Some(rom) = &dose.rom {
            self.name(anchor, field, rom);
        }
    }

    fn date(
        &mut self,
        anchor: Anchor,
        field: Option<&'static str>,
        name: &str,
        date: Option<NaiveDate>,
    ) {
        if let Some(d) = date.filter(|d| !(FIRST_YEAR..=LAST_YEAR).contains(&d.year())) {
            self.push(
                anchor,
                field,
                format!(
                    "{name} {d} is not between the years {FIRST_YEAR} and {LAST_YEAR}; check the year"
                ),
            );
        }
    }

    /// The exercise sessions the plan schedules, at most [`MAX_EXERCISE_SESSIONS`].
    fn sessions(&mut self, plan: &Plan) {
        let mut total: u64 = 0;
        for (i, rx) in plan.prescriptions.iter().enumerate() {
            let last = rx.weeks.last.min(MAX_WEEKS);
            let weeks = u64::from((last.saturating_add(1)).saturating_sub(rx.weeks.first.max(1)));
            let table_most = rx
                .rules
                .iter()
                .filter_map(|r| match r {
                    Rule::Table { rows, .. } => rows.iter().filter_map(|row| row.sessions).max(),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let a_week = rx.schedule.most_sessions_a_week().max(table_most.min(14));
            total = total.saturating_add(weeks.saturating_mul(u64::from(a_week)));
            if total > MAX_EXERCISE_SESSIONS {
                self.push(
                    Anchor::Prescription(i),
                    Some("weeks"),
                    format!(
                        "the plan schedules more than the {MAX_EXERCISE_SESSIONS} exercise sessions \
                         a plan may have in all (counting each prescription's weeks at its most \
                         sessions a week) by this prescription; shorten it or split the plan"
                    ),
                );
                return;
            }
        }
    }
}

/// True when `year` is one a plan's dates may have.
pub fn year_allowed(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

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
