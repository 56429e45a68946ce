//! The plan as a spreadsheet: one row per session and exercise, with the planned dose and the
//! log columns (done, actuals, pain, RPE) from the athlete's log, empty where nothing is logged
//! yet. RFC 4180 quoting, ISO dates, numbers with a decimal point. Weights are in the plan's
//! unit, and the columns say which: `load_kg` or `load_lb`.

use crate::engine::{Item, Projection};
use crate::model::{Load, LoadUnit, Plan, Side, fmt_num};

use super::{ExportError, item_of};

/// The header row of a plan in kilograms, in order. The planned columns come first, then the
/// log columns. A plan in pounds has `load_lb` and `actual_load_lb` ([`csv_columns`]).
pub const CSV_COLUMNS: [&str; 25] = [
    "date",
    "day",
    "week",
    "phase",
    "exercise_id",
    "exercise_name",
    "sets",
    "reps",
    "load_kg",
    "hold_secs",
    "tempo",
    "rest_secs",
    "supervised",
    "minutes",
    "distance_m",
    "load",
    "side",
    "done",
    "actual_sets",
    "actual_reps",
    "actual_load_kg",
    "actual_hold_secs",
    "pain_during",
    "pain_next_morning",
    "rpe",
];

/// The header row of a plan in `unit`.
pub fn csv_columns(unit: LoadUnit) -> Vec<String> {
    CSV_COLUMNS
        .iter()
        .map(|c| match c.strip_suffix("_kg") {
            Some(stem) => format!("{stem}_{}", unit.symbol()),
            None => (*c).to_owned(),
        })
        .collect()
}

/// done, actual_sets, actual_reps, actual_load_kg, actual_hold_secs, pain_during,
/// pain_next_morning, rpe: what the log says about this exercise in this session (empty
/// columns where nothing was logged).
fn log_columns(
    log: Option<&crate::model::SessionLog>,
    prescription: u32,
    unit: LoadUnit,
) -> [String; 8] {
    let Some(log) = log else {
        return Default::default();
    };
    let num = |x: Option<f64>| x.map(fmt_num).unwrap_or_default();
    let entry = log.exercise(prescription);
    let int = |x: Option<u32>| x.map(|n| n.to_string()).unwrap_or_default();
    [
        entry.map_or_else(String::new, |e| {
            if e.done { "yes" } else { "no" }.to_owned()
        }),
        int(entry.and_then(|e| e.sets)),
        int(entry.and_then(|e| e.reps)),
        num(entry.and_then(|e| e.load_kg).map(|kg| unit.from_kg(kg))),
        num(entry.and_then(|e| e.hold_secs)),
        int(entry.and_then(|e| e.pain_during).map(u32::from)),
        entry
            .and_then(|e| e.pain_next_morning)
            .map(|n| match n {
                crate::model::NextMorning::Settled => "settled".to_owned(),
                crate::model::NextMorning::Pain(p) => p.to_string(),
            })
            .unwrap_or_default(),
        num(log.rpe),
    ]
}

/// The plan's sessions as CSV text: a header row, then one row per session and exercise, in
/// date order. `date` is empty when the plan has no start date; `day` counts from 1.
pub fn csv_string(plan: &Plan, projection: &Projection) -> Result<String, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Csv {
        message: e.to_string(),
    };
    writer.write_record(csv_columns(plan.unit)).map_err(fail)?;
    for session in &projection.sessions {
        let phase = projection
            .week(session.week)
            .and_then(|w| w.phase.clone())
            .unwrap_or_default();
        for si in &session.items {
            let item = item_of(projection, session, si.prescription_id);
            let name = item.map_or_else(
                || plan.exercise_name(&si.exercise_id).into_owned(),
                |i| i.exercise_name.clone(),
            );
            let mut row: Vec<String> = vec![
                session.date.map(|d| d.to_string()).unwrap_or_default(),
                (session.day + 1).to_string(),
                session.week.to_string(),
                phase.clone(),
                si.exercise_id.to_string(),
                name,
            ];
            row.extend(planned_columns(plan, item));
            row.insert(12, if si.supervised { "yes" } else { "no" }.to_owned());
            let logged = session.date.and_then(|d| plan.session_log(d, session.slot));
            row.extend(log_columns(logged, si.prescription_id, plan.unit));
            writer.write_record(&row).map_err(fail)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| ExportError::Csv {
        message: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv {
        message: e.to_string(),
    })
}

/// sets, reps, load_kg, hold_secs, tempo, rest_secs, minutes, distance_m, load, side (ten
/// columns; `supervised` is inserted between rest_secs and minutes by the caller).
fn planned_columns(plan: &Plan, item: Option<&Item>) -> [String; 10] {
    let Some(item) = item else {
        return Default::default();
    };
    let d = &item.dose;
    let num = |x: Option<f64>| x.map(fmt_num).unwrap_or_default();
    let load_text = match d.load {
        Load::Kg(_) => String::new(),
        ref other => other.label(),
    };
    let side = match d.side {
        Side::Both => String::new(),
        // The injured side as the limb it is, when the plan says: `right (injured side)`.
        Side::Affected | Side::Unaffected => match d.side.limb(plan.injured_side) {
            Some(limb) => format!("{} ({})", limb.label(), d.side.label()),
            None => d.side.label().to_owned(),
        },
        other => other.label().to_owned(),
    };
    [
        d.sets.to_string(),
        d.reps.as_ref().map(|r| r.label()).unwrap_or_default(),
        num(d.load.kg().map(|kg| plan.unit.from_kg(kg))),
        num(d.hold_secs),
        item.tempo.map(|t| t.label()).unwrap_or_default(),
        d.rest_secs.map(|r| r.to_string()).unwrap_or_default(),
        num(d.minutes),
        num(d.distance_m),
        load_text,
        side,
    ]
}
