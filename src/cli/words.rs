//! The command line's wording of adjustments, exercises and days, kept together in this one
//! module because it is to be replaced by the engine's shared domain wording (the window words
//! the same things): when that lands, these functions go and their callers switch over.

use chrono::NaiveDate;

use crate::engine::{self, AdjustmentStatus};
use crate::model::Plan;

/// The exercise's name in `plan`, or its id when the plan does not have it.
pub(super) fn exercise_name(plan: &Plan, id: &str) -> String {
    plan.exercise(id)
        .map_or_else(|| id.to_owned(), |e| e.name.clone())
}

/// `pending review`, `accepted`, ... for the week table.
pub(super) fn short_status(a: &engine::Adjustment) -> String {
    let status = match a.status {
        AdjustmentStatus::Pending => "proposed, pending review",
        AdjustmentStatus::Accepted => "accepted",
        AdjustmentStatus::Changed => "changed by the physio",
        AdjustmentStatus::Dismissed => "dismissed",
    };
    if a.past {
        format!("{status}; done")
    } else {
        status.to_owned()
    }
}

/// `pending the physio's review`, `accepted by the physio`, ...
pub(super) fn adjustment_status_words(a: &engine::Adjustment) -> String {
    if a.past {
        return format!("{}, and that session is logged already", a.status.label());
    }
    match a.status {
        AdjustmentStatus::Pending => "pending the physio's review".to_owned(),
        AdjustmentStatus::Accepted => "accepted by the physio".to_owned(),
        AdjustmentStatus::Changed => format!(
            "changed by the physio to {}",
            engine::dose_label(&a.effective)
        ),
        AdjustmentStatus::Dismissed => {
            "dismissed by the physio: the planned dose stands".to_owned()
        }
    }
}

/// `load reduced from 7.5 kg to 6 kg — pain 6/10 during on 3 Dec`: the engine's reason
/// (`pain ...: what`) turned round, what changes first.
pub(super) fn adjustment_words(a: &engine::Adjustment) -> String {
    match a.reason.split_once(": ") {
        Some((why, what)) => format!("{what} — {why}"),
        None => a.reason.clone(),
    }
}

/// `2026-03-03 (Tue, week 1)`, or `2026-03-03 (Tue)` outside the plan.
pub(super) fn day_words(date: NaiveDate, week: Option<u32>) -> String {
    match week {
        Some(w) => format!("{date} ({}, week {w})", date.format("%a")),
        None => format!("{date} ({})", date.format("%a")),
    }
}
