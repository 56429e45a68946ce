//! Logging a session: each exercise checked off (or the whole session at once), what was
//! actually done, pain during and the next morning, session effort and duration, supervised,
//! a note. Shows each exercise's dose for that session as the athlete should do it: the
//! planned dose, or the adjusted one with its reason. In the physio's view each adjustment
//! can be accepted, changed or dismissed. Every change is one `Edit::LogSession`.
//!
//! `session` draws a day's sessions and each exercise's form, `today` the athlete's Today view,
//! `review` the adjustments with the physio's decisions, `pain` the pain pickers and verdicts,
//! `actuals` what was actually done and the session's effort, minutes and note.

mod actuals;
mod pain;
mod review;
mod session;
mod today;

pub use actuals::dose_details;
pub use today::next_due;

use chrono::NaiveDate;

use crate::model::Dose;
use crate::ui::View;

/// The name of exercise `id` in the plan.
fn exercise_name(view: &View<'_>, id: &str) -> String {
    view.plan().exercise_name(id).into_owned()
}

/// The session panel's own state: which adjustment is being changed, and its draft dose.
#[derive(Default)]
pub struct SessionPanel {
    changing: Option<(u32, NaiveDate, u32, Dose)>,
    /// A day after today the user chose to log anyway (asked first, so a mis-click on the
    /// calendar does not record a session that has not happened).
    early: Option<NaiveDate>,
}
