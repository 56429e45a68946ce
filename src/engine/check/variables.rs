//! One variable at a time (Silbernagel et al. 2007): a prescription that raises more than one
//! of sessions, sets, reps, hold time, minutes, load and the variation from one week to the next.

use crate::model::Load;

use super::super::projection::{Item, Projection};
use super::{Out, Severity, as_prescribed, item_rx, sources};

pub(super) fn one_variable(out: &mut Out, projection: &Projection) {
    for pair in projection.weeks.windows(2) {
        let (before, now) = (&pair[0], &pair[1]);
        for item in &now.items {
            let Some(prev) = before
                .items
                .iter()
                .find(|p| p.prescription_id == item.prescription_id)
            else {
                continue;
            };
            if item.deload || prev.deload {
                continue;
            }
            let raised = raised_variables(prev, item);
            if raised.len() > 1 {
                // A published table (one with a source) was tested that way; a physio's own
                // table is judged like any other progression.
                let (severity, extra) = match item.table_source.as_deref() {
                    Some(source) if item.from_table => {
                        (Severity::Note, format!(" ({})", as_prescribed(&[source])))
                    }
                    _ => (Severity::Warning, "; raise one at a time".to_owned()),
                };
                let msg = format!(
                    "{} raises {} together{extra}.",
                    item.exercise_name,
                    raised.join(", ")
                );
                let rx = item_rx(out.plan, item);
                out.push(
                    severity,
                    "several-variables",
                    Some(now.week),
                    rx,
                    msg,
                    sources::ONE_VARIABLE,
                );
            }
        }
    }
}

fn raised_variables(prev: &Item, now: &Item) -> Vec<&'static str> {
    let mut raised = Vec::new();
    let (a, b) = (&prev.dose, &now.dose);
    if now.sessions > prev.sessions {
        raised.push("sessions");
    }
    if b.sets > a.sets {
        raised.push("sets");
    }
    let reps_sum = |d: &crate::model::Dose| -> u32 {
        d.reps.as_ref().map_or(0, |r| {
            (0..d.sets.max(1) as usize)
                .map(|i| r.for_set(i).1)
                .max()
                .unwrap_or(0)
        })
    };
    if reps_sum(b) > reps_sum(a) {
        raised.push("reps");
    }
    if b.hold_secs.unwrap_or(0.0) > a.hold_secs.unwrap_or(0.0) {
        raised.push("hold time");
    }
    if b.minutes.unwrap_or(0.0) > a.minutes.unwrap_or(0.0) {
        raised.push("minutes");
    }
    if b.load_number().unwrap_or(0.0) > a.load_number().unwrap_or(0.0)
        && !matches!(b.load, Load::Rir(_))
    {
        raised.push("load");
    }
    if now.exercise_id != prev.exercise_id {
        raised.push("variation");
    }
    raised
}
