//! Properties of the load guardrails: a plan in which every exercise rises at most the weekly
//! threshold (in every load metric, at its usual frequency) raises no rise warning, weekly,
//! two-week or plan total; and a flat plan (constant doses, any schedules) raises no
//! acute:chronic warning, its ratio never above 1 and exactly 1 while every exercise runs.

use loadplan::engine::{Severity, check, project};
use loadplan::model::*;
use proptest::prelude::*;

const RISES: [&str; 4] = [
    "weekly-increase",
    "two-week-increase",
    "plan-weekly-increase",
    "plan-two-week-increase",
];

fn any_schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (1u32..=7).prop_map(Schedule::PerWeek),
        prop::collection::vec(prop::sample::select(Weekday::ALL.to_vec()), 1..4)
            .prop_map(Schedule::Weekdays),
        (1u32..=3).prop_map(Schedule::TimesPerDay),
        (1u32..=28).prop_map(Schedule::EveryNDays),
    ]
}

fn any_side() -> impl Strategy<Value = Side> {
    prop::sample::select(vec![Side::Both, Side::Each, Side::Left])
}

/// What a prescription is dosed in, and the one variable its progression raises.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// Reps at a kilogram load, the load rising (volume load).
    Kg,
    /// Reps at body weight (or kilograms), the reps rising (reps, time under tension, volume).
    Reps,
    /// A timed hold, the hold rising (time under tension).
    Hold,
    /// Minutes at an effort, the minutes rising (session-RPE load).
    Minutes,
}

prop_compose! {
    /// A prescription whose figures rise at most 10 % from one comparable week to the next: one
    /// variable of at least 10 (kg, reps, seconds or minutes, whole numbers, so no rounding adds
    /// to it) rises by 1 every few weeks, with deloads and hold weeks thrown in.
    fn rising_rx(weeks: u32)(
        kind in prop::sample::select(vec![Kind::Kg, Kind::Reps, Kind::Hold, Kind::Minutes]),
        exercise in prop::sample::select(vec![
            "sl_deadlift_db", "glute_bridge", "clams", "hip_thrust", "nordic", "side_plank",
            "run_walk_intervals", "pogo_hops", "hamstring_stretch_gentle",
        ]),
        first in 1u32..=weeks,
        len in 0u32..weeks,
        schedule in any_schedule(),
        sets in 1u32..=5,
        base in 10u32..=40,
        loaded in any::<bool>(),
        every in 1u32..=3,
        cap in prop::option::of(12.0..60.0f64),
        deload in prop::option::of((2u32..=6, 0.0..60.0f64, 0.0..60.0f64)),
        hold_weeks in prop::collection::vec(1u32..=weeks, 0..3),
        side in any_side(),
        rpe in 1u32..=10,
    ) -> (Kind, Prescription) {
        let base_f = f64::from(base);
        let (dose, target) = match kind {
            Kind::Kg => (
                Dose { sets, reps: Some(Reps::Fixed(8)), load: Load::Kg(base_f), side, ..Dose::default() },
                Target::Load,
            ),
            Kind::Reps => (
                Dose {
                    sets,
                    reps: Some(Reps::Fixed(base)),
                    load: if loaded { Load::Kg(12.5) } else { Load::BodyWeight },
                    side,
                    ..Dose::default()
                },
                Target::Reps,
            ),
            Kind::Hold => (
                Dose { sets, hold_secs: Some(base_f), load: Load::BodyWeight, side, ..Dose::default() },
                Target::Hold,
            ),
            Kind::Minutes => (
                Dose { sets: 1, minutes: Some(base_f), rpe: Some(f64::from(rpe)), side, ..Dose::default() },
                Target::Minutes,
            ),
        };
        let mut rules = vec![Rule::Add {
            target,
            amount: Amount::Absolute(1.0),
            every_weeks: every,
            cap,
            round_to: None,
            from_week: None,
            until_week: None,
        }];
        if let Some((every_weeks, volume_pct, load_pct)) = deload {
            rules.push(Rule::Deload { every_weeks: Some(every_weeks), weeks: vec![], volume_pct, load_pct });
        }
        if !hold_weeks.is_empty() {
            rules.push(Rule::Hold { weeks: hold_weeks });
        }
        (kind, Prescription {
            id: 0,
            exercise: exercise.to_owned(),
            weeks: WeekRange::new(first, (first + len).min(weeks)),
            schedule,
            supervised_per_week: 1,
            dose,
            rules,
            notes: String::new(),
        })
    }
}

fn plan_of(weeks: u32, prescriptions: Vec<Prescription>) -> Plan {
    let mut plan = Plan {
        title: "Property plan".to_owned(),
        weeks,
        start_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5),
        prescriptions,
        ..Plan::default()
    };
    plan.assign_ids();
    loadplan::library::fill_missing(&mut plan, loadplan::library::builtin().expect("library"));
    plan
}

fn rising_plan() -> impl Strategy<Value = Plan> {
    (4u32..=20).prop_flat_map(|weeks| {
        prop::collection::vec(rising_rx(weeks), 1..=5)
            .prop_map(move |rxs| plan_of(weeks, rxs.into_iter().map(|(_, rx)| rx).collect()))
    })
}

prop_compose! {
    /// A flat plan: constant doses of any kind on any schedule, every prescription from the same
    /// first week, each to its own last week.
    fn flat_plan()(weeks in 4u32..=24)(
        weeks in Just(weeks),
        first in 1u32..=3,
        rxs in prop::collection::vec(
            (
                prop::sample::select(vec![
                    "sl_deadlift_db", "glute_bridge", "side_plank", "nordic",
                    "run_walk_intervals", "clams",
                ]),
                any_schedule(),
                1u32..=5,
                5u32..=40,
                1.0..60.0f64,
                any_side(),
                0u32..weeks,
            ),
            1..=5,
        ),
    ) -> (Plan, u32) {
        let first = first.min(weeks);
        let prescriptions: Vec<Prescription> = rxs
            .into_iter()
            .map(|(exercise, schedule, sets, reps, amount, side, extra)| {
                let dose = match exercise {
                    "side_plank" => Dose { sets, hold_secs: Some(amount), load: Load::BodyWeight, side, ..Dose::default() },
                    "run_walk_intervals" => Dose { sets: 1, minutes: Some(amount), rpe: Some(5.0), side, ..Dose::default() },
                    _ => Dose { sets, reps: Some(Reps::Fixed(reps)), load: Load::Kg(amount), side, ..Dose::default() },
                };
                Prescription {
                    id: 0,
                    exercise: exercise.to_owned(),
                    weeks: WeekRange::new(first, (first + extra).min(weeks)),
                    schedule,
                    supervised_per_week: 1,
                    dose,
                    rules: vec![],
                    notes: String::new(),
                }
            })
            .collect();
        let all_run_to = prescriptions.iter().map(|rx| rx.weeks.last).min().unwrap_or(first);
        (plan_of(weeks, prescriptions), all_run_to)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rises_of_at_most_the_threshold_raise_no_rise_warning(plan in rising_plan()) {
        let p = project(&plan);
        let findings = check(&plan, &p);
        let rises: Vec<String> = findings
            .iter()
            .filter(|f| RISES.contains(&f.code) && f.severity == Severity::Warning)
            .map(|f| format!("{} week {:?} {:?}: {}", f.code, f.week, f.exercise_id, f.message))
            .collect();
        prop_assert!(rises.is_empty(), "{:#?}\n{:#?}", rises, plan.prescriptions);
    }

    #[test]
    fn a_flat_plan_raises_no_acute_chronic_warning((plan, all_run_to) in flat_plan()) {
        let p = project(&plan);
        let findings = check(&plan, &p);
        prop_assert!(
            !findings.iter().any(|f| f.code == "acwr-high"),
            "{:#?}", findings.iter().filter(|f| f.code == "acwr-high").collect::<Vec<_>>()
        );
        for wp in &p.weeks {
            for m in loadplan::engine::Metric::ALL {
                if let Some(r) = wp.acwr.get(m) {
                    prop_assert!(r <= 1.0 + 1e-12, "week {} {:?}: {}", wp.week, m, r);
                    if wp.week <= all_run_to {
                        prop_assert!(r == 1.0, "week {} {:?}: {}", wp.week, m, r);
                    }
                }
            }
        }
    }
}
