//! The command line's own words: a day with its plan week, for messages about sessions. Every
//! domain word (exercise names, pain zones, adjustment status and reasons) comes from the
//! engine, as in the window.

use chrono::NaiveDate;

use crate::engine::{Adjustment, Audience};
use crate::model::Plan;

/// `load reduced from 7.5 kg to 6 kg — pain 6/10 during on 3 Dec (proposed, pending review)`:
/// what changes first, then why, then where the physio stands.
pub(super) fn adjustment_line(plan: &Plan, a: &Adjustment) -> String {
    format!(
        "{} — {} ({})",
        a.reason.what(plan.unit, plan),
        a.reason.why(),
        a.status_words(Audience::Physio)
    )
}

/// `2026-03-03 (Tue, week 1)`, or `2026-03-03 (Tue)` outside the plan.
pub(super) fn day_words(date: NaiveDate, week: Option<u32>) -> String {
    match week {
        Some(w) => format!("{date} ({}, week {w})", date.format("%a")),
        None => format!("{date} ({})", date.format("%a")),
    }
}
