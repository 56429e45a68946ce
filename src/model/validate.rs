//! Structural validation of a plan, run whenever a plan is loaded: what must hold for the plan
//! to mean anything (week ranges in order, known exercises, schedules that can happen, finite
//! numbers). Clinical judgement (too short, too steep, zero sets) is the guardrails' job in
//! `engine::check`, so a plan with a clinical error still opens and can be fixed.

use std::collections::HashSet;

use super::dose::Dose;
use super::limits::{self, MAX_WEEKS};
use super::plan::{FORMAT_VERSION, Plan};
pub use super::problem::{Anchor, Problem};
use super::progression::Rule;
use super::quote::quote;
use super::schedule::{MAX_TIMES_PER_DAY, Schedule, WeekRange};

/// Every structural problem of `plan`; empty when the plan is sound. A plan past one of the
/// limits ([`limits::problems`]) gets only those problems: the rest would walk lists too long
/// to walk.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = limits::problems(plan);
    if !out.is_empty() {
        return out;
    }
    if plan.format_version > FORMAT_VERSION {
        out.push(Problem {
            anchor: Anchor::Field("format_version"),
            field: None,
            message: format!(
                "format_version {} was written by a newer loadplan (this one reads up to {FORMAT_VERSION}); update loadplan to open it",
                plan.format_version
            ),
        });
    }
    if plan.weeks > MAX_WEEKS {
        out.push(Problem {
            anchor: Anchor::Field("weeks"),
            field: None,
            message: format!("weeks is {}, more than the {MAX_WEEKS} allowed", plan.weeks),
        });
    }
    let limits = plan.pain_limits;
    if limits.safe_max >= limits.acceptable_max || limits.acceptable_max > 10 {
        out.push(Problem {
            anchor: Anchor::Field("pain_limits"),
            field: None,
            message: format!(
                "pain_limits: safe_max ({}) must be below acceptable_max ({}), and acceptable_max at most 10 (e.g. safe_max: 2, acceptable_max: 5)",
                limits.safe_max, limits.acceptable_max
            ),
        });
    }
    for step in &plan.load_steps {
        if !(step.step_kg.is_finite() && step.step_kg > 0.0 && step.step_kg <= 50.0) {
            out.push(problem(
                Anchor::Field("load_steps"),
                format!(
                    "load_steps: the step of {} is {}; give a step above 0 and at most 50 kg",
                    quote(&step.equipment),
                    step.step_kg
                ),
            ));
        }
        if step.equipment.trim().is_empty() {
            out.push(problem(
                Anchor::Field("load_steps"),
                "load_steps: a step names no equipment; write e.g. equipment: \"dumbbell\""
                    .to_owned(),
            ));
        }
    }
    check_exercises(plan, &mut out);
    for (i, phase) in plan.phases.iter().enumerate() {
        check_weeks(
            phase.weeks,
            &format!("phase {}", quote(&phase.name)),
            Anchor::Phase(i),
            &mut out,
        );
    }
    for i in 0..plan.prescriptions.len() {
        check_prescription(plan, i, &mut out);
    }
    check_log(plan, &mut out);
    out
}

/// Unique non-empty ids, sound default doses, photos within their limits.
fn check_exercises(plan: &Plan, out: &mut Vec<Problem>) {
    let mut ids = HashSet::new();
    for (i, ex) in plan.exercises.iter().enumerate() {
        let id = quote(&ex.id);
        if ex.id.trim().is_empty() {
            out.push(problem(
                Anchor::Exercise(i),
                format!("exercise {} has an empty id", i + 1),
            ));
        } else if !ids.insert(ex.id.as_str()) {
            out.push(problem(
                Anchor::Exercise(i),
                format!("exercise id {id} appears twice; ids must be unique"),
            ));
        }
        check_dose(
            &ex.default_dose,
            &format!("exercise {id} default dose"),
            Anchor::Exercise(i),
            out,
        );
        if ex.photos.len() > super::photo::MAX_PHOTOS {
            out.push(problem(
                Anchor::Exercise(i),
                format!(
                    "exercise {id} has {} photos; keep at most {}",
                    ex.photos.len(),
                    super::photo::MAX_PHOTOS
                ),
            ));
        }
        for (k, photo) in ex.photos.iter().enumerate() {
            if let Some(what) = photo.problem() {
                out.push(problem(
                    Anchor::Exercise(i),
                    format!("exercise {id} photo {}: {what}", k + 1),
                ));
            }
        }
    }
}

/// Pain ratings 0-10, effort 0-10, finite non-negative numbers, one log per session.
fn check_log(plan: &Plan, out: &mut Vec<Problem>) {
    use super::log::NextMorning;
    let mut sessions = HashSet::new();
    for (i, log) in plan.log.iter().enumerate() {
        let anchor = Anchor::LogEntry(i);
        let what = format!("log of {}", log.date);
        if !sessions.insert((log.date, log.slot)) {
            out.push(problem(
                anchor,
                format!(
                    "{what}: session {} of that day is logged twice; merge the two entries",
                    log.slot.saturating_add(1)
                ),
            ));
        }
        if log.slot >= MAX_TIMES_PER_DAY {
            out.push(problem(
                anchor,
                format!(
                    "{what}: slot is {}; a day has at most {MAX_TIMES_PER_DAY} sessions (slot 0 \
                     for the first to {} for the last)",
                    log.slot,
                    MAX_TIMES_PER_DAY - 1
                ),
            ));
        }
        if let Some(r) = log.rpe
            && !(0.0..=10.0).contains(&r)
        {
            out.push(problem(
                anchor,
                format!("{what}: rpe is {r}; session effort is rated 0 to 10"),
            ));
        }
        if let Some(m) = log.minutes
            && !(m.is_finite() && m >= 0.0)
        {
            out.push(problem(
                anchor,
                format!("{what}: minutes must be 0 or more, not {m}"),
            ));
        }
        for e in &log.exercises {
            let what = format!("{what}, exercise {}", quote(&e.exercise));
            let next = match e.pain_next_morning {
                Some(NextMorning::Pain(n)) => Some(n),
                _ => None,
            };
            for (field, value) in [("pain_during", e.pain_during), ("pain_next_morning", next)] {
                if let Some(v) = value
                    && v > 10
                {
                    out.push(problem(
                        anchor,
                        format!("{what}: {field} is {v}; pain is rated 0 to 10"),
                    ));
                }
            }
            for (field, value) in [("load_kg", e.load_kg), ("hold_secs", e.hold_secs)] {
                if let Some(v) = value
                    && !(v.is_finite() && v >= 0.0)
                {
                    out.push(problem(
                        anchor,
                        format!("{what}: {field} must be 0 or more, not {v}"),
                    ));
                }
            }
        }
    }
    for (i, p) in plan.proms.iter().enumerate() {
        if !(p.score.is_finite() && (0.0..=100.0).contains(&p.score)) {
            out.push(problem(
                Anchor::Prom(i),
                format!(
                    "{} score on {} is {}; scores run from 0 to 100",
                    p.measure.label(),
                    p.date,
                    p.score
                ),
            ));
        }
    }
}

fn problem(anchor: Anchor, message: String) -> Problem {
    Problem {
        anchor,
        field: None,
        message,
    }
}

fn check_weeks(weeks: WeekRange, what: &str, anchor: Anchor, out: &mut Vec<Problem>) {
    if weeks.first == 0 {
        out.push(problem(anchor, format!("{what}: weeks start at 1, not 0")));
    }
    if weeks.last < weeks.first {
        out.push(problem(
            anchor,
            format!(
                "{what}: last week {} comes before first week {}",
                weeks.last, weeks.first
            ),
        ));
    }
    if weeks.last > MAX_WEEKS {
        out.push(problem(
            anchor,
            format!("{what}: last week {} is past week {MAX_WEEKS}", weeks.last),
        ));
    }
}

fn check_number(
    value: Option<f64>,
    field: &str,
    what: &str,
    anchor: Anchor,
    out: &mut Vec<Problem>,
) {
    if let Some(v) = value
        && !v.is_finite()
    {
        out.push(problem(
            anchor,
            format!("{what}: {field} must be a number, not {v}"),
        ));
    }
}

fn check_dose(dose: &Dose, what: &str, anchor: Anchor, out: &mut Vec<Problem>) {
    check_number(dose.hold_secs, "hold_secs", what, anchor, out);
    check_number(dose.minutes, "minutes", what, anchor, out);
    check_number(dose.distance_m, "distance_m", what, anchor, out);
    check_number(dose.rpe, "rpe", what, anchor, out);
    check_number(dose.load_number(), "load", what, anchor, out);
    if let Some(t) = dose.tempo {
        for v in [t.eccentric_secs, t.pause_secs, t.concentric_secs] {
            check_number(Some(v), "tempo", what, anchor, out);
        }
    }
}

fn check_prescription(plan: &Plan, i: usize, out: &mut Vec<Problem>) {
    let rx = &plan.prescriptions[i];
    let anchor = Anchor::Prescription(i);
    let what = format!(
        "prescription {} ({})",
        i + 1,
        super::quote::shown(&rx.exercise)
    );
    if plan.exercise(&rx.exercise).is_none() {
        out.push(problem(
            anchor,
            format!(
                "{what}: unknown exercise {}; add it to the plan's exercises or use an id from `loadplan library`",
                quote(&rx.exercise)
            ),
        ));
    }
    check_weeks(rx.weeks, &what, anchor, out);
    match &rx.schedule {
        Schedule::PerWeek(n) if !(1..=14).contains(n) => {
            out.push(problem(
                anchor,
                format!("{what}: {n} sessions per week; use 1 to 14"),
            ));
        }
        Schedule::Weekdays(days) if days.is_empty() => {
            out.push(problem(
                anchor,
                format!("{what}: no weekday chosen; pick at least one"),
            ));
        }
        Schedule::TimesPerDay(n) if !(1..=MAX_TIMES_PER_DAY).contains(n) => {
            out.push(problem(
                anchor,
                format!("{what}: {n} times a day; use 1 to {MAX_TIMES_PER_DAY}"),
            ));
        }
        Schedule::EveryNDays(n) if !(1..=28).contains(n) => {
            out.push(problem(
                anchor,
                format!("{what}: every {n} days; use 1 to 28"),
            ));
        }
        _ => {}
    }
    check_dose(&rx.dose, &what, anchor, out);
    for rule in &rx.rules {
        check_rule(rule, &what, anchor, out);
    }
}

fn check_rule(rule: &Rule, what: &str, anchor: Anchor, out: &mut Vec<Problem>) {
    match rule {
        Rule::Add {
            amount,
            every_weeks,
            cap,
            round_to,
            ..
        } => {
            let value = match amount {
                super::progression::Amount::Absolute(a)
                | super::progression::Amount::Percent(a) => *a,
            };
            check_number(Some(value), "amount", what, anchor, out);
            check_number(*cap, "cap", what, anchor, out);
            check_number(*round_to, "round_to", what, anchor, out);
            if *every_weeks == 0 {
                out.push(problem(
                    anchor,
                    format!("{what}: every_weeks must be at least 1"),
                ));
            }
        }
        Rule::NextVariation { after_weeks, .. } if *after_weeks == 0 => {
            out.push(problem(
                anchor,
                format!("{what}: after_weeks must be at least 1"),
            ));
        }
        Rule::Table { rows, .. } => {
            for row in rows {
                if row.week == 0 {
                    out.push(problem(
                        anchor,
                        format!("{what}: table row with week 0; weeks start at 1"),
                    ));
                }
                if row.sessions.is_some_and(|n| n > 14) {
                    out.push(problem(
                        anchor,
                        format!("{what}: week {} has more than 14 sessions", row.week),
                    ));
                }
                check_number(row.hold_secs, "hold_secs", what, anchor, out);
                check_number(row.load_kg, "load_kg", what, anchor, out);
                check_number(row.minutes, "minutes", what, anchor, out);
                if row.rm == Some(0) {
                    out.push(problem(
                        anchor,
                        format!("{what}: week {} has rm 0; a repetition maximum is 1 or more (15 = 15RM)", row.week),
                    ));
                }
            }
        }
        Rule::Deload {
            volume_pct,
            load_pct,
            every_weeks,
            ..
        } => {
            for (name, v) in [("volume_pct", volume_pct), ("load_pct", load_pct)] {
                if !v.is_finite() || !(0.0..=100.0).contains(v) {
                    out.push(problem(
                        anchor,
                        format!("{what}: deload {name} is {v}; use 0 to 100"),
                    ));
                }
            }
            if *every_weeks == Some(0) {
                out.push(problem(
                    anchor,
                    format!("{what}: deload every_weeks must be at least 1"),
                ));
            }
        }
        _ => {}
    }
}
