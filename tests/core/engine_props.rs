//! Property tests: whatever the plan, the engine gives finite, non-negative figures, respects
//! caps, deloads below the week before, and gives the same output for the same input.

use crate::common::*;
use loadplan::engine::{Metric, check, project};
use loadplan::model::*;
use proptest::prelude::*;

fn any_amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        (-50.0..50.0f64).prop_map(Amount::Absolute),
        (-80.0..200.0f64).prop_map(Amount::Percent),
        Just(Amount::Absolute(f64::NAN)),
        Just(Amount::Percent(f64::INFINITY)),
    ]
}

fn any_target() -> impl Strategy<Value = Target> {
    prop::sample::select(Target::ALL.to_vec())
}

fn any_rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (
            any_target(),
            any_amount(),
            0u32..5,
            prop::option::of(-10.0..100.0f64),
            prop::option::of(0.0..5.0f64)
        )
            .prop_map(|(target, amount, every_weeks, cap, round_to)| Rule::Add {
                target,
                amount,
                every_weeks,
                cap,
                round_to,
                from_week: None,
                until_week: None,
            }),
        (0u32..4, any::<bool>()).prop_map(|(after_weeks, reset_dose)| Rule::NextVariation {
            after_weeks,
            reset_dose
        }),
        (
            prop::option::of(0u32..6),
            prop::collection::vec(0u32..30, 0..3),
            -10.0..120.0f64,
            -10.0..120.0f64
        )
            .prop_map(|(every_weeks, weeks, volume_pct, load_pct)| Rule::Deload {
                every_weeks,
                weeks,
                volume_pct,
                load_pct
            }),
        prop::collection::vec(0u32..30, 0..4).prop_map(|weeks| Rule::Hold { weeks }),
        prop::collection::vec(
            (
                0u32..30,
                prop::option::of(0u32..20),
                prop::option::of(0u32..8),
                prop::option::of(0.0..200.0f64)
            ),
            0..4
        )
        .prop_map(|rows| Rule::Table {
            source: None,
            rows: rows
                .into_iter()
                .map(|(week, sessions, sets, load_kg)| TableRow {
                    week,
                    sessions,
                    sets,
                    load_kg,
                    ..TableRow::default()
                })
                .collect(),
        }),
    ]
}

fn any_load() -> impl Strategy<Value = Load> {
    prop_oneof![
        Just(Load::None),
        Just(Load::BodyWeight),
        (-20.0..200.0f64).prop_map(Load::Kg),
        (0u32..8).prop_map(Load::Band),
        (0.0..120.0f64).prop_map(Load::PercentOneRm),
        (0.0..12.0f64).prop_map(Load::Rpe),
        Just(Load::Kg(f64::NAN)),
    ]
}

fn any_reps() -> impl Strategy<Value = Option<Reps>> {
    prop_oneof![
        Just(None),
        (0u32..30).prop_map(|n| Some(Reps::Fixed(n))),
        (0u32..20, 0u32..20).prop_map(|(a, b)| Some(Reps::Range(a, b))),
        prop::collection::vec(0u32..20, 0..5).prop_map(|v| Some(Reps::PerSet(v))),
    ]
}

fn any_schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (0u32..20).prop_map(Schedule::PerWeek),
        prop::collection::vec(prop::sample::select(Weekday::ALL.to_vec()), 0..4)
            .prop_map(Schedule::Weekdays),
        (0u32..8).prop_map(Schedule::TimesPerDay),
        (0u32..30).prop_map(Schedule::EveryNDays),
    ]
}

prop_compose! {
    fn any_rx()(
        id in 1u32..5,
        exercise in prop::sample::select(vec!["sldl", "plank", "missing"]),
        first in 0u32..20,
        len in 0u32..20,
        schedule in any_schedule(),
        sets in 0u32..8,
        reps in any_reps(),
        hold in prop::option::of(-5.0..120.0f64),
        minutes in prop::option::of(-5.0..60.0f64),
        rpe in prop::option::of(-1.0..12.0f64),
        load in any_load(),
        supervised in 0u32..4,
        rules in prop::collection::vec(any_rule(), 0..4),
    ) -> Prescription {
        Prescription {
            id,
            exercise: exercise.to_owned(),
            weeks: WeekRange::new(first, first + len),
            schedule,
            supervised_per_week: supervised,
            dose: Dose { sets, reps, hold_secs: hold, minutes, rpe, load, ..Dose::default() },
            rules,
            notes: String::new(),
        }
    }
}

prop_compose! {
    fn any_plan()(weeks in 0u32..30, rxs in prop::collection::vec(any_rx(), 0..6), dated in any::<bool>()) -> Plan {
        let mut plan = base_plan(weeks);
        plan.exercises[0].harder = vec!["plank".into()];
        if !dated { plan.start_date = None; }
        plan.prescriptions = rxs;
        plan
    }
}

fn finite_non_negative(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn figures_are_finite_and_non_negative(plan in any_plan()) {
        let p = project(&plan);
        prop_assert_eq!(p.weeks.len() as u32, plan.length_weeks());
        for w in &p.weeks {
            for m in Metric::ALL {
                prop_assert!(finite_non_negative(w.totals.get(m)), "week {} {:?} = {}", w.week, m, w.totals.get(m));
                if let Some(c) = w.change_pct.get(m) { prop_assert!(c.is_finite()); }
                if let Some(r) = w.acwr.get(m) { prop_assert!(finite_non_negative(r)); }
            }
            for item in &w.items {
                for s in &item.sets() {
                    for v in [s.hold_secs, s.load_kg, s.minutes].into_iter().flatten() {
                        prop_assert!(finite_non_negative(v));
                    }
                }
                if let Some(v) = item.dose.load_number() { prop_assert!(finite_non_negative(v)); }
            }
        }
        // Guardrails run on anything without panicking, and messages are never empty.
        for f in check(&plan, &p) {
            prop_assert!(!f.message.is_empty());
        }
    }

    #[test]
    fn same_input_same_output(plan in any_plan()) {
        prop_assert_eq!(project(&plan), project(&plan));
        let p = project(&plan);
        prop_assert_eq!(check(&plan, &p), check(&plan, &p));
    }

    #[test]
    fn caps_hold_for_rising_rules(start in 1.0..50.0f64, step in 0.1..30.0f64, percent in any::<bool>(), headroom in 0.0..40.0f64, weeks in 2u32..40) {
        let cap = start + headroom;
        let amount = if percent { Amount::Percent(step) } else { Amount::Absolute(step) };
        let rule = Rule::Add { target: Target::Load, amount, every_weeks: 1, cap: Some(cap), round_to: None, from_week: None, until_week: None };
        let mut plan = base_plan(weeks);
        plan.prescriptions = vec![rx(1, "sldl", 1, weeks, dose(3, 10, Load::Kg(start)), vec![rule])];
        for w in &project(&plan).weeks {
            let kg = w.items[0].dose.load.kg().unwrap_or(f64::NAN);
            prop_assert!(kg <= cap + 0.01, "week {}: {} > cap {}", w.week, kg, cap);
            prop_assert!(kg >= start - 0.01);
        }
    }

    #[test]
    fn a_deload_week_is_lower_than_the_week_before(
        sets in 1u32..6, reps in 2u32..20, kg in 1.0..100.0f64, volume_pct in 10.0..90.0f64,
        load_pct in 0.0..50.0f64, deload_week in 3u32..12, step in 0.0..10.0f64,
    ) {
        let rules = vec![
            Rule::add(Target::Load, Amount::Percent(step)),
            Rule::Deload { every_weeks: None, weeks: vec![deload_week], volume_pct, load_pct },
        ];
        let mut plan = base_plan(12);
        plan.prescriptions = vec![rx(1, "sldl", 1, 12, dose(sets, reps, Load::Kg(kg)), rules)];
        let p = project(&plan);
        let now = p.week(deload_week).map_or(0.0, |w| w.totals.volume_load_kg);
        let before = p.week(deload_week - 1).map_or(0.0, |w| w.totals.volume_load_kg);
        prop_assert!(now < before, "deload week {}: {} !< {}", deload_week, now, before);
        let reps_now = p.week(deload_week).map_or(0.0, |w| w.totals.reps);
        let reps_before = p.week(deload_week - 1).map_or(0.0, |w| w.totals.reps);
        prop_assert!(reps_now < reps_before);
    }
}
