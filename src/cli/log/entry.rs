//! What `loadplan log` records: the given values, checked before the plan is read
//! ([`check_log_args`]), written into the log entry and its session with the rest left as it
//! was ([`apply_log`]), and said back in one sentence ([`describe_log`]).

use chrono::NaiveDate;

use crate::model::{ExerciseLog, LoadUnit, NextMorning, Plan, SessionLog, fmt_num};

use super::LogArgs;
use super::target::LogTarget;
use crate::cli::CliError;
use crate::cli::args::{
    REPS, SETS, SLOT, load_value, next_morning_value, pain_value, positive_value, rpe_value,
    whole_option,
};

/// The checked values of `loadplan log`: counts, pain ratings, the slot and the load in kg.
pub(super) struct LogValues {
    sets: Option<u32>,
    reps: Option<u32>,
    pain_during: Option<u8>,
    pain_next: Option<NextMorning>,
    load_kg: Option<f64>,
    /// `--slot`.
    pub(super) slot: Option<u32>,
}

/// Checks the values given to `loadplan log` (before the plan is even read): numbers in
/// range, and a date that is not after `today`.
pub(super) fn check_log_args(a: &LogArgs, today: NaiveDate) -> Result<LogValues, CliError> {
    if a.date > today {
        return Err(CliError::FutureDate {
            date: a.date,
            today,
        });
    }
    let pain_during = a
        .pain_during
        .as_deref()
        .map(|t| pain_value("--pain-during", t))
        .transpose()?;
    let pain_next = next_morning_value(a.pain_next.as_deref())?;
    rpe_value(a.rpe)?;
    positive_value("--hold-secs", a.hold_secs)?;
    positive_value("--minutes", a.minutes)?;
    Ok(LogValues {
        sets: whole_option("--sets", a.sets.as_deref(), &SETS)?,
        reps: whole_option("--reps", a.reps.as_deref(), &REPS)?,
        pain_during,
        pain_next,
        load_kg: load_value(a.load_kg, a.load_lb)?,
        slot: whole_option("--slot", a.slot.as_deref(), &SLOT)?,
    })
}

/// Writes the given values into the log entry (and its session); the rest stays as it was.
pub(super) fn apply_log(plan: &mut Plan, t: &LogTarget, a: &LogArgs, v: &LogValues) {
    let session = plan.session_log_mut(a.date, t.slot);
    let new = session.exercise(t.prescription).is_none();
    let entry = session.exercise_mut(t.prescription, &t.exercise);
    if a.not_done {
        entry.done = false;
    } else if a.done || new {
        entry.done = true;
    }
    if v.sets.is_some() {
        entry.sets = v.sets;
    }
    if v.reps.is_some() {
        entry.reps = v.reps;
    }
    if v.load_kg.is_some() {
        entry.load_kg = v.load_kg;
    }
    if a.hold_secs.is_some() {
        entry.hold_secs = a.hold_secs;
    }
    if v.pain_during.is_some() {
        entry.pain_during = v.pain_during;
    }
    if v.pain_next.is_some() {
        entry.pain_next_morning = v.pain_next;
    }
    if a.rpe.is_some() {
        session.rpe = a.rpe;
    }
    if a.minutes.is_some() {
        session.minutes = a.minutes;
    }
    if a.supervised {
        session.supervised = true;
    } else if a.not_supervised {
        session.supervised = false;
    }
    if let Some(note) = &a.note {
        session.note.clone_from(note);
    }
}

/// `done, 3 sets, 10 reps, 6 kg, pain 6/10 during`: the entry's values, loads in `unit`.
fn entry_words(entry: Option<&ExerciseLog>, unit: LoadUnit) -> Vec<String> {
    let done = entry.is_some_and(|e| e.done);
    let mut words = vec![if done { "done" } else { "not done" }.to_owned()];
    let Some(e) = entry else {
        return words;
    };
    if let Some(n) = e.sets {
        words.push(format!("{n} sets"));
    }
    if let Some(n) = e.reps {
        words.push(format!("{n} reps"));
    }
    if let Some(kg) = e.load_kg {
        words.push(format!("{} {}", fmt_num(unit.from_kg(kg)), unit.symbol()));
    }
    if let Some(s) = e.hold_secs {
        words.push(format!("{} s hold", fmt_num(s)));
    }
    if let Some(n) = e.pain_during {
        words.push(format!("pain {n}/10 during"));
    }
    if let Some(n) = e.pain_next_morning {
        words.push(format!("next morning {}", n.label()));
    }
    words
}

/// `RPE 6, 40 min, supervised`: the session's values.
fn session_words(session: &SessionLog) -> Vec<String> {
    let mut words = Vec::new();
    if let Some(r) = session.rpe {
        words.push(format!("RPE {}", fmt_num(r)));
    }
    if let Some(m) = session.minutes {
        words.push(format!("{} min", fmt_num(m)));
    }
    if session.supervised {
        words.push("supervised".to_owned());
    }
    if !session.note.is_empty() {
        words.push(format!("note \"{}\"", session.note));
    }
    words
}

/// `Single-leg deadlift on Mon 2 Mar 2026 (week 1): done, 3 sets, 10 reps, 6 kg, pain 6/10
/// during; session: RPE 6, 40 min, supervised`.
pub(super) fn describe_log(plan: &Plan, t: &LogTarget, session: &SessionLog) -> String {
    let words = entry_words(session.exercise(t.prescription), plan.unit);
    let session_words = session_words(session);
    let mut place = format!("week {}", t.week);
    if session.slot > 0 {
        place.push_str(&format!(
            ", session {} of the day",
            session.slot.saturating_add(1)
        ));
    }
    if !t.planned {
        place.push_str(", an extra session");
    }
    let mut name = plan.exercise_name(&t.exercise).into_owned();
    if t.exercise != t.planned_exercise {
        name.push_str(&format!(
            " (planned: {})",
            plan.exercise_name(&t.planned_exercise)
        ));
    }
    let mut text = format!(
        "{name} on {} ({place}): {}",
        session.date.format("%a %-d %b %Y"),
        words.join(", ")
    );
    if !session_words.is_empty() {
        text.push_str(&format!("; session: {}", session_words.join(", ")));
    }
    text
}
