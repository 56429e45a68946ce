//! Values an athlete cannot carry out: errors in a prescription's starting dose, and doses
//! progression takes to zero sets.

use crate::model::{DoseKind, Load, Prescription, Rule, Target};

use super::super::projection::Projection;
use super::{Out, Severity, item_rx, sources};

pub(super) fn impossible_values(out: &mut Out, rx: &Prescription) {
    let name = out.name(&rx.exercise);
    let first = Some(rx.weeks.first);
    let d = &rx.dose;
    let err = |out: &mut Out, code, msg: String| {
        out.push(
            Severity::Error,
            code,
            first,
            Some(rx),
            msg,
            sources::VALIDITY,
        );
    };
    if d.sets == 0 {
        err(
            out,
            "zero-sets",
            format!("{name}: 0 sets. Give at least 1 set."),
        );
    }
    let negative = match d.load {
        Load::Kg(x) | Load::PercentOneRm(x) | Load::Rpe(x) => x < 0.0,
        _ => false,
    };
    if negative {
        err(
            out,
            "negative-load",
            format!(
                "{name}: the load {} is negative. Use 0 or more, or body weight.",
                d.load.label()
            ),
        );
    }
    if matches!(d.load, Load::Rpe(x) if x > 10.0)
        || d.rpe.is_some_and(|r| !(0.0..=10.0).contains(&r))
    {
        err(
            out,
            "rpe-out-of-range",
            format!("{name}: RPE must be between 0 and 10 (CR-10 scale)."),
        );
    }
    if matches!(d.load, Load::PercentOneRm(x) if x > 100.0) {
        err(
            out,
            "over-one-rm",
            format!(
                "{name}: {} is more than one-repetition maximum.",
                d.load.label()
            ),
        );
    }
    if d.hold_secs.is_some_and(|h| h <= 0.0) {
        err(
            out,
            "zero-hold",
            format!("{name}: hold time must be more than 0 s."),
        );
    }
    if let Some(reps) = &d.reps
        && (0..d.sets as usize).any(|i| reps.for_set(i).1 == 0)
    {
        err(out, "zero-reps", format!("{name}: a set has 0 reps."));
    }
    if let Some(ex) = out.plan.exercise(&rx.exercise) {
        match ex.dose_kind {
            DoseKind::Reps if d.hold_secs.is_some() && d.reps.is_none() => err(
                out,
                "hold-on-reps-exercise",
                format!(
                    "{name} is dosed in reps, but a hold time is given without reps. Give reps (and a hold per rep if wanted), or choose an isometric exercise."
                ),
            ),
            DoseKind::TimedHold if d.hold_secs.is_none() => err(
                out,
                "missing-hold",
                format!("{name} is a timed hold, but no hold time is given. Set the hold seconds."),
            ),
            DoseKind::Reps if d.reps.is_none() => err(
                out,
                "missing-reps",
                format!("{name} is dosed in reps, but no reps are given. Set the reps."),
            ),
            _ => {}
        }
        let load_rule = rx.rules.iter().any(|r| {
            matches!(
                r,
                Rule::Add {
                    target: Target::Load,
                    ..
                }
            )
        });
        if load_rule && d.load_number().is_none() {
            out.push(
                Severity::Note,
                "load-rule-without-load",
                first,
                Some(rx),
                format!("{name}: a load progression rule has no effect on {} work. Progress reps, hold time or the variation instead.", if d.load == Load::None { "unloaded".to_owned() } else { d.load.label() }),
                sources::PROGRESSION,
            );
        }
    }
    if rx.weeks.last > out.plan.length_weeks() {
        out.push(
            Severity::Warning,
            "past-plan-end",
            first,
            Some(rx),
            format!("{name} runs past the plan's last week."),
            sources::VALIDITY,
        );
    }
}

pub(super) fn resolved_values(out: &mut Out, projection: &Projection) {
    for wp in &projection.weeks {
        for item in &wp.items {
            if item.dose.sets == 0 && item_rx(out.plan, item).is_some_and(|rx| rx.dose.sets > 0) {
                let rx = item_rx(out.plan, item);
                let msg = format!(
                    "{}: progression takes the dose to 0 sets. Check the rules' amounts and caps.",
                    item.exercise_name
                );
                out.push(
                    Severity::Error,
                    "zero-sets",
                    Some(wp.week),
                    rx,
                    msg,
                    sources::VALIDITY,
                );
            }
        }
    }
}
