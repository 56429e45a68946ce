//! Where `loadplan log` writes: the plan's dates, and the prescription and session a
//! `--date`/`--exercise` pair means — the session planned that day with that exercise, else
//! (with `--extra` only) an extra session of a prescription active that week — or an error
//! listing what is planned.

use std::path::Path;

use chrono::NaiveDate;

use crate::engine::{self, Projection};
use crate::model::Plan;

use crate::cli::{CliError, PlannedThatDay};

/// Where a log entry goes: the prescription, the session (slot) and the exercise done.
pub(super) struct LogTarget {
    pub(super) prescription: u32,
    pub(super) slot: u32,
    pub(super) week: u32,
    /// The exercise as the user named it.
    pub(super) exercise: String,
    /// The exercise the plan has for that week (a ladder rule may have moved it on).
    pub(super) planned_exercise: String,
    /// False for an extra session: the prescription is active that week, not on that day.
    pub(super) planned: bool,
}

/// The first and last day of a dated plan; `file` names the plan in the error.
pub(super) fn plan_dates(
    plan: &Plan,
    p: &Projection,
    file: &Path,
) -> Result<(NaiveDate, NaiveDate), CliError> {
    let start = plan.start_date.ok_or_else(|| CliError::Undated {
        path: file.to_path_buf(),
    })?;
    let days = p.weeks.len() as u64 * 7;
    let last = start
        .checked_add_days(chrono::Days::new(days.saturating_sub(1)))
        .unwrap_or(start);
    if days == 0 {
        return Err(CliError::NoWeeks {
            path: file.to_path_buf(),
        });
    }
    Ok((start, last))
}

/// Finds the prescription `loadplan log --exercise ID` means on `date`: the one whose session
/// that day (in `slot`, when given) has the exercise (as resolved that week, or as
/// prescribed), else, when `extra` allows an extra session, one active that week.
pub(super) fn find_log_target(
    plan: &Plan,
    p: &Projection,
    date: NaiveDate,
    id: &str,
    slot: Option<u32>,
    extra: bool,
) -> Result<LogTarget, CliError> {
    let matches = |rx_id: u32, resolved: &str| {
        resolved == id || plan.prescription(rx_id).is_some_and(|rx| rx.exercise == id)
    };
    let day: Vec<&engine::Session> = p.sessions.iter().filter(|s| s.date == Some(date)).collect();
    for s in day.iter().filter(|s| slot.is_none_or(|n| s.slot == n)) {
        if let Some(item) = s
            .items
            .iter()
            .find(|i| matches(i.prescription_id, &i.exercise_id))
        {
            return Ok(LogTarget {
                prescription: item.prescription_id,
                slot: s.slot,
                week: s.week,
                exercise: id.to_owned(),
                planned_exercise: item.exercise_id.to_string(),
                planned: true,
            });
        }
    }
    let week = engine::week_of(plan, date);
    if let Some(w) = week
        && let Some(item) = p.week(w).and_then(|wp| {
            wp.items
                .iter()
                .find(|i| matches(i.prescription_id, &i.exercise_id))
        })
    {
        if !extra {
            return Err(CliError::NotPlanned {
                exercise: id.to_owned(),
                date,
                week: w,
                slot,
                planned: planned_that_day(&day),
            });
        }
        return Ok(LogTarget {
            prescription: item.prescription_id,
            slot: slot.unwrap_or(0),
            week: w,
            exercise: id.to_owned(),
            planned_exercise: resolved_in(p, item.prescription_id, w, id),
            planned: false,
        });
    }
    Err(not_found(plan, &day, date, week, id))
}

/// The exercise prescription `rx_id` has in week `w` (`id` when the week does not have it).
fn resolved_in(p: &Projection, rx_id: u32, w: u32, id: &str) -> String {
    p.week(w)
        .and_then(|wp| wp.items.iter().find(|i| i.prescription_id == rx_id))
        .map_or_else(|| id.to_owned(), |i| i.exercise_id.clone())
}

/// Why exercise `id` cannot be logged on `date`: not planned nor prescribed then, or not in the
/// plan at all; with what is planned that day.
fn not_found(
    plan: &Plan,
    day: &[&engine::Session],
    date: NaiveDate,
    week: Option<u32>,
    id: &str,
) -> CliError {
    let planned = planned_that_day(day);
    let exercise = id.to_owned();
    let known =
        plan.exercise(id).is_some() || plan.prescriptions.iter().any(|rx| rx.exercise == id);
    if known {
        CliError::NoMatchingSession {
            exercise,
            date,
            week,
            planned,
        }
    } else {
        CliError::UnknownExercise {
            exercise,
            date,
            week,
            planned,
        }
    }
}

/// The exercises planned in `day`'s sessions, each once.
fn planned_that_day(day: &[&engine::Session]) -> PlannedThatDay {
    let mut planned: Vec<String> = Vec::new();
    for s in day {
        for i in &s.items {
            if !planned.iter().any(|e| **e == *i.exercise_id) {
                planned.push(i.exercise_id.to_string());
            }
        }
    }
    PlannedThatDay(planned)
}
