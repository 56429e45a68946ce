//! Rules about the plan as a whole: its length measured to the last prescribed week, weeks with
//! nothing prescribed, supervised sessions, eccentric and hip/trunk strengthening, progression,
//! the start date and the injured side.

use crate::model::Side;

use super::super::projection::Projection;
use super::{Out, Severity, fmt_weeks, sources};

pub(super) fn plan_rules(out: &mut Out, projection: &Projection) {
    length(out, projection);
    let plan = out.plan;
    let t = &plan.thresholds;
    if projection.supervised_sessions < t.min_supervised_sessions {
        out.push(
            Severity::Warning,
            "few-supervised-sessions",
            None,
            None,
            format!(
                "{} supervised sessions planned; aim for at least {}. Mark sessions as supervised (supervised per week) on a prescription.",
                projection.supervised_sessions, t.min_supervised_sessions
            ),
            sources::SUMMARY,
        );
    }
    let used: Vec<&str> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_id.as_str()))
        .collect();
    let any = |f: &dyn Fn(&crate::model::Exercise) -> bool| {
        used.iter().any(|id| plan.exercise(id).is_some_and(f))
    };
    if !plan.prescriptions.is_empty() && !any(&|e| e.eccentric) {
        out.push(
            Severity::Warning,
            "no-eccentric",
            None,
            None,
            "No exercise with an eccentric emphasis: eccentric strengthening is the most critical component and must not be omitted. Add e.g. the Nordic hamstring curl or the Askling diver.".to_owned(),
            sources::SUMMARY,
        );
    }
    if !plan.prescriptions.is_empty() && !any(&|e| e.is_hip_or_trunk()) {
        out.push(
            Severity::Warning,
            "no-hip-trunk",
            None,
            None,
            "No hip or trunk exercise: hip and trunk strengthening (gluteus medius) must be included. What counts: a strength or isometric exercise mainly for the hip or trunk (its first body region) that works a gluteal muscle (medius, maximus, minimus) or a trunk muscle (transversus or rectus abdominis, obliques, quadratus lumborum, erector spinae). Leg swings, stretches and other mobility drills, the Askling extender, diver and glider, and hip-flexor work do not count. Add e.g. side plank, clams, glute bridges or hip thrusts.".to_owned(),
            sources::SUMMARY,
        );
    }
    if !plan.prescriptions.is_empty() && plan.prescriptions.iter().all(|rx| rx.rules.is_empty()) {
        out.push(
            Severity::Note,
            "flat-plan",
            None,
            None,
            "No prescription has a progression rule: the dose stays the same for the whole plan. Add progression (load, reps, sets, hold or a harder variation).".to_owned(),
            sources::PROGRESSION,
        );
    }
    if plan.start_date.is_none() && !plan.prescriptions.is_empty() {
        out.push(
            Severity::Note,
            "no-start-date",
            None,
            None,
            "No start date: sessions are counted by day but not dated. Set a start date to print dated sessions and calendars.".to_owned(),
            sources::DATES,
        );
    }
    if plan.injured_side.is_none() {
        // One note for the plan (a template for one side has several such doses).
        let one_sided: Vec<String> = plan
            .prescriptions
            .iter()
            .filter(|rx| matches!(rx.dose.side, Side::Affected | Side::Unaffected))
            .map(|rx| out.name(&rx.exercise))
            .collect();
        if !one_sided.is_empty() {
            out.push(
                Severity::Note,
                "injured-side-unknown",
                None,
                None,
                format!(
                    "{} dosed for the injured (or the other) side, but the plan does not say which side is injured, so the handout and calendar cannot name the leg. Set the injured side (left or right) in Plan details.",
                    match one_sided.as_slice() {
                        [one] => format!("{one} is"),
                        many => format!("{} are", many.join(", ")),
                    }
                ),
                sources::SIDES,
            );
        }
    }
}

/// The plan's length, measured to its last prescribed week (a week in which some exercise has
/// a session), and the declared weeks with nothing prescribed after the first prescribed week.
fn length(out: &mut Out, projection: &Projection) {
    let plan = out.plan;
    let min = plan.thresholds.min_weeks;
    let prescribed: Vec<u32> = projection
        .weeks
        .iter()
        .filter(|w| w.items.iter().any(|i| i.sessions > 0))
        .map(|w| w.week)
        .collect();
    let declared = plan.length_weeks();
    if plan.prescriptions.is_empty() {
        // Nothing written yet: the declared length is all there is.
        if declared < min {
            out.push(
                Severity::Warning,
                "plan-too-short",
                None,
                None,
                format!(
                    "The plan lasts {declared} weeks; programmes shorter than {min} weeks (3 months) show worse outcomes and 14-63 % recurrence. Plan at least {min} weeks."
                ),
                sources::SUMMARY,
            );
        }
        return;
    }
    let (Some(&first), Some(&last)) = (prescribed.first(), prescribed.last()) else {
        out.push(
            Severity::Warning,
            "plan-too-short",
            None,
            None,
            format!(
                "No week has a session: the plan's prescriptions give no exercise in any week. Give them sessions over at least {min} weeks (3 months)."
            ),
            sources::SUMMARY,
        );
        return;
    };
    if last < min {
        let declared_note = if declared > last {
            format!(
                " (the plan is declared as {declared} weeks, but nothing is prescribed after week {last})"
            )
        } else {
            String::new()
        };
        out.push(
            Severity::Warning,
            "plan-too-short",
            None,
            None,
            format!(
                "The plan's exercises run for {last} weeks{declared_note}; programmes shorter than {min} weeks (3 months) show worse outcomes and 14-63 % recurrence. Extend the prescriptions to week {min} at least."
            ),
            sources::SUMMARY,
        );
    }
    let empty: Vec<u32> = (first..=declared)
        .filter(|w| prescribed.binary_search(w).is_err())
        .collect();
    if let Some(&first_empty) = empty.first() {
        let trailing = empty.iter().any(|&w| w > last);
        let gaps = empty.iter().any(|&w| w < last);
        let verb = if empty.len() == 1 { "has" } else { "have" };
        let mut why = Vec::new();
        if trailing {
            why.push(format!(
                "the plan is declared as {declared} weeks but its exercises stop at week {last}, so the athlete is left without a programme and the plan's length counts only to week {last}"
            ));
        }
        if gaps {
            why.push(
                "the programme breaks off in between (rest should be relative, never complete for more than 48-72 hours)".to_owned(),
            );
        }
        let what = if trailing && !gaps {
            format!("Prescribe exercises for these weeks, or end the plan at week {last}.")
        } else {
            "Prescribe exercises for these weeks.".to_owned()
        };
        out.push(
            Severity::Warning,
            "empty-weeks",
            Some(first_empty),
            None,
            format!(
                "{} {verb} nothing prescribed: {}. {what}",
                fmt_weeks(&empty),
                why.join("; ")
            ),
            sources::SUMMARY,
        );
    }
}
