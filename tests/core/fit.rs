//! Fitting a progression to the weekly threshold (`engine::fit`): the fitted weeks never rise
//! more than the threshold by the guardrails' own definition (`rise::steps` on the projection
//! of the plan with the fitted prescription), climb by double progression on the equipment's
//! load steps, and never end above the planned end dose.

use crate::common::*;
use loadplan::engine::{FitError, Fitted, Metric, fit, project, rise};
use loadplan::model::*;
use proptest::prelude::*;

/// The runner's glute template as it was before its own progression was fitted to 10 % a week
/// (a copy in tests/fixtures/fit).
fn runner() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fit/runners_glute_before.ron");
    loadplan::io::load_plan(&path).expect("the fixture reads")
}

/// The plan with the fitted prescription in place of the old one.
fn with_fitted(plan: &Plan, fitted: &Fitted) -> Plan {
    let mut plan = plan.clone();
    let id = fitted.prescription.id;
    let slot = plan
        .prescriptions
        .iter_mut()
        .find(|p| p.id == id)
        .expect("prescription");
    *slot = fitted.prescription.clone();
    plan
}

/// The largest weekly rise of any load metric of prescription `id`, by `rise::steps`.
fn largest_rise(plan: &Plan, id: u32) -> f64 {
    let projection = project(plan);
    rise::steps(&projection, id)
        .iter()
        .flat_map(|s| Metric::LOADS.map(|m| s.rise_pct(m)))
        .flatten()
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Reps and kilograms of each week's fitted dose.
fn reps_and_kg(fitted: &Fitted) -> Vec<(u32, Option<Reps>, f64)> {
    fitted
        .weeks
        .iter()
        .map(|w| {
            (
                w.week,
                w.after.reps.clone(),
                w.after.load.kg().unwrap_or(-1.0),
            )
        })
        .collect()
}

#[test]
fn the_runners_deadlift_fits_within_ten_percent_and_says_how_far_it_gets() {
    let plan = runner();
    // As planned (+1 kg every two weeks from 4.5 kg) the deadlift rises up to 22 % a week.
    assert!(largest_rise(&plan, 1) > 20.0);
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    let fitted_plan = with_fitted(&plan, &fitted);
    let rise = largest_rise(&fitted_plan, 1);
    assert!(rise <= 10.0 + 1e-9, "{rise}");
    assert!(
        fitted
            .largest_rise_after_pct
            .is_some_and(|r| (r - rise).abs() < 1e-9)
    );
    assert!(fitted.largest_rise_before_pct.is_some_and(|r| r > 20.0));

    // The end dose as planned is 3 x 10 @ 9.5 kg each side; within 10 % a week it cannot be
    // reached in 12 weeks, and the result says so.
    assert_eq!(fitted.planned_end.load, Load::Kg(9.5));
    assert!(!fitted.reached);
    assert_eq!(fitted.reached_week, None);
    assert_eq!(fitted.fitted_end.load, Load::Kg(7.0));
    assert_eq!(
        fitted.summary,
        "Single-leg deadlift with dumbbell: reaches 3 x 10 @ 7 kg each side by week 12; the \
         plan had 3 x 10 @ 9.5 kg each side (more would rise more than 10 % in a week)"
    );
    // Double progression 10-11 reps on 0.5 kg steps (no step in the plan: the default).
    assert_eq!(fitted.reps_range, Some((10, 11)));
    assert_eq!(fitted.load_step_kg, Some(0.5));
    assert!(!fitted.load_step_from_plan);
    for w in &fitted.weeks {
        let kg = w.after.load.kg().expect("kg");
        assert!(
            kg == 4.5 || ((kg / 0.5) - (kg / 0.5).round()).abs() < 1e-9,
            "{kg}"
        );
    }
    // Week 8 is still the deload week (fewer sets), and it is not compared.
    let w8 = &fitted.weeks[7];
    assert!(w8.deload && w8.after.sets < 3 && w8.rise_after_pct.is_none());

    // The new prescription: same id, exercise, weeks, schedule and dose; a table with no
    // source, and the deload rule kept; the Add rule is gone.
    let rx = &fitted.prescription;
    let old = plan.prescription(1).expect("rx");
    assert_eq!(
        (&rx.exercise, rx.weeks, &rx.schedule, &rx.dose),
        (&old.exercise, old.weeks, &old.schedule, &old.dose)
    );
    assert!(matches!(&rx.rules[0], Rule::Table { source: None, rows } if rows[0].week == 1));
    assert!(rx.rules.iter().any(|r| matches!(r, Rule::Deload { .. })));
    assert!(!rx.rules.iter().any(|r| matches!(r, Rule::Add { .. })));
    // The whole plan still checks without a weekly-increase warning for the deadlift.
    let findings = loadplan::engine::check(&fitted_plan, &project(&fitted_plan));
    assert!(
        !findings
            .iter()
            .any(|f| f.code == "weekly-increase" && f.prescription_id == Some(1)),
        "{findings:#?}"
    );
}

#[test]
fn a_light_dumbbell_with_fixed_reps_climbs_reps_first_then_the_next_step_with_reps_down() {
    let mut plan = base_plan(8);
    plan.exercises[0].equipment = vec!["dumbbell".to_owned()];
    let add = Rule::Add {
        target: Target::Load,
        amount: Amount::Absolute(0.5),
        every_weeks: 2,
        cap: None,
        round_to: None,
        from_week: None,
        until_week: None,
    };
    plan.prescriptions = vec![rx(1, "sldl", 1, 8, dose(3, 10, Load::Kg(4.5)), vec![add])];
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    let weeks = reps_and_kg(&fitted);
    // 4.5 -> 5 kg at 10 reps is +11 %: first 11 reps (+10 %), then 5 kg with 10 reps.
    assert_eq!(weeks[0], (1, Some(Reps::Fixed(10)), 4.5));
    let first_move = weeks
        .iter()
        .find(|w| w.2 != 4.5 || w.1 != Some(Reps::Fixed(10)));
    assert_eq!(
        first_move.map(|w| (&w.1, w.2)),
        Some((&Some(Reps::Fixed(11)), 4.5))
    );
    let at_five = weeks.iter().find(|w| w.2 == 5.0).expect("reaches 5 kg");
    assert_eq!(at_five.1, Some(Reps::Fixed(10)));
    assert!(largest_rise(&with_fitted(&plan, &fitted), 1) <= 10.0 + 1e-9);
    // The plan ends on 3 x 10 @ 6 kg (4.5 + 3 x 0.5): reached in time, as planned.
    assert!(fitted.reached, "{}", fitted.summary);
    assert_eq!(fitted.fitted_end.load, Load::Kg(6.0));
    assert!(
        fitted.summary.starts_with(
            "Single-leg deadlift: reaches the planned end dose, 3 x 10 @ 6 kg, by week"
        ),
        "{}",
        fitted.summary
    );
    assert!(
        !fitted.summary.contains("the plan as it is"),
        "{}",
        fitted.summary
    );
}

#[test]
fn the_plans_load_step_for_the_equipment_is_used() {
    let mut plan = base_plan(16);
    plan.exercises[0].equipment = vec!["barbell".to_owned()];
    plan.load_steps = vec![LoadStep {
        equipment: "Barbell".to_owned(),
        step_kg: 2.5,
    }];
    let add = Rule::Add {
        target: Target::Load,
        amount: Amount::Absolute(2.5),
        every_weeks: 1,
        cap: Some(50.0),
        round_to: None,
        from_week: None,
        until_week: None,
    };
    plan.prescriptions = vec![rx(1, "sldl", 1, 16, dose(3, 8, Load::Kg(40.0)), vec![add])];
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    assert_eq!(fitted.load_step_kg, Some(2.5));
    assert!(fitted.load_step_from_plan);
    for (_, _, kg) in reps_and_kg(&fitted) {
        assert!(((kg / 2.5) - (kg / 2.5).round()).abs() < 1e-9, "{kg}");
    }
    // 40 -> 50 kg in 2.5 kg steps (+6 % at most) in 16 weeks: reached, gently.
    assert!(fitted.reached, "{}", fitted.summary);
    assert!(fitted.largest_rise_after_pct.is_some_and(|r| r <= 6.26));
    // The plan's own +2.5 kg a week (+6.25 % at most) keeps within 10 % already: it says so.
    assert!(
        fitted
            .summary
            .ends_with("the plan as it is keeps within 10 % too (largest 6.2 %)"),
        "{}",
        fitted.summary
    );
    assert!(largest_rise(&with_fitted(&plan, &fitted), 1) <= 10.0 + 1e-9);
}

#[test]
fn a_range_dose_walks_the_range_and_the_default_threshold_is_the_callers() {
    let mut plan = base_plan(12);
    let mut d = dose(3, 0, Load::Kg(20.0));
    d.reps = Some(Reps::Range(10, 12));
    let add = Rule::Add {
        target: Target::Load,
        amount: Amount::Absolute(1.0),
        every_weeks: 3,
        cap: None,
        round_to: None,
        from_week: None,
        until_week: None,
    };
    plan.prescriptions = vec![rx(1, "sldl", 1, 12, d, vec![add])];
    let fitted = fit(&plan, 1, 5.0).expect("fits");
    assert!(largest_rise(&with_fitted(&plan, &fitted), 1) <= 5.0 + 1e-9);
    for w in &fitted.weeks {
        assert!(
            matches!(w.after.reps, Some(Reps::Fixed(r)) if (10..=12).contains(&r)),
            "{:?}",
            w.after.reps
        );
    }
}

#[test]
fn errors_are_typed_and_clear() {
    let plan = runner();
    let e = fit(&plan, 99, 10.0).expect_err("no such id");
    assert!(matches!(e, FitError::UnknownPrescription { id: 99, .. }));
    let text = e.to_string();
    assert!(text.starts_with("no prescription 99 in the plan"), "{text}");
    assert!(
        text.contains("1 (Single-leg deadlift with dumbbell)"),
        "{text}"
    );

    for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(fit(&plan, 1, bad), Err(FitError::BadThreshold(_))));
    }

    // The side plank ladder: body weight, held in seconds, moving up its ladder.
    let e = fit(&plan, 2, 10.0).expect_err("ladder");
    assert!(
        matches!(e, FitError::ChangesExercise { week: 3, .. }),
        "{e}"
    );

    // A body-weight hold without reps to progress.
    let mut plan = base_plan(8);
    let hold = Dose {
        sets: 3,
        hold_secs: Some(30.0),
        load: Load::BodyWeight,
        ..Dose::default()
    };
    plan.prescriptions = vec![rx(
        1,
        "plank",
        1,
        8,
        hold,
        vec![Rule::add(Target::Sets, Amount::Absolute(1.0))],
    )];
    let e = fit(&plan, 1, 10.0).expect_err("body weight");
    assert!(matches!(e, FitError::NotKilograms { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "Side plank (prescription 1) is dosed at body weight, not in kilograms, and has no \
         reps to progress; the fit steps kilograms, reps and sets"
    );

    // Nothing to fit: a dose that never changes.
    plan.prescriptions = vec![rx(1, "sldl", 1, 8, dose(3, 10, Load::Kg(10.0)), vec![])];
    let e = fit(&plan, 1, 10.0).expect_err("flat");
    assert!(matches!(e, FitError::NothingToFit { .. }), "{e}");

    // A hold time that progresses is not the fit's to change.
    let mut d = dose(3, 10, Load::Kg(10.0));
    d.hold_secs = Some(2.0);
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        8,
        d,
        vec![
            Rule::add(Target::Hold, Amount::Absolute(1.0)),
            Rule::add(Target::Load, Amount::Absolute(1.0)),
        ],
    )];
    let e = fit(&plan, 1, 10.0).expect_err("hold");
    assert!(
        matches!(
            e,
            FitError::OtherProgression {
                what: "hold time",
                week: 2,
                ..
            }
        ),
        "{e}"
    );
    for e in [e, FitError::BadThreshold(0.0)] {
        assert!(!e.to_string().contains('\n'));
    }
}

#[test]
fn body_weight_reps_progress_alone_and_sets_only_as_a_last_resort() {
    // The partial Nordic: 2 x 5 at body weight, the plan going to 3 x 8. One more rep is
    // +20 % and one more set +50 %: within 10 % it cannot move, and says so.
    let plan = runner();
    let fitted = fit(&plan, 4, 10.0).expect("fits");
    assert!(!fitted.reached);
    assert!(
        fitted
            .weeks
            .iter()
            .all(|w| w.deload || w.after_label == "2 x 5 @ body weight")
    );
    assert!(
        fitted.summary.contains("the plan had 3 x 8"),
        "{}",
        fitted.summary
    );
    // Within 50 % a week it climbs the reps first, then adds the set.
    let fitted = fit(&plan, 4, 50.0).expect("fits");
    assert!(fitted.reached, "{}", fitted.summary);
    assert!(largest_rise(&with_fitted(&plan, &fitted), 4) <= 50.0 + 1e-9);
    let sets: Vec<u32> = fitted
        .weeks
        .iter()
        .filter(|w| !w.deload)
        .map(|w| w.after.sets)
        .collect();
    let first_three = sets.iter().position(|&s| s == 3).expect("a third set");
    assert!(
        fitted
            .weeks
            .iter()
            .filter(|w| !w.deload)
            .nth(first_three - 1)
            .is_some_and(|w| w.after.reps == Some(Reps::Fixed(8))),
        "the set comes after the reps"
    );
}

#[test]
fn a_ladder_rule_that_never_moves_is_kept() {
    let mut plan = base_plan(8);
    let next = Rule::NextVariation {
        after_weeks: 2,
        reset_dose: false,
    };
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        8,
        dose(3, 10, Load::Kg(20.0)),
        vec![Rule::add(Target::Load, Amount::Absolute(1.0)), next.clone()],
    )];
    // "sldl" has no harder variation in the plan: the rule never moves it.
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    assert!(fitted.prescription.rules.contains(&next));

    // With a harder variation, a table row in every week holds the rule back; the fitted
    // table has gaps, so the rule goes rather than move the exercise on.
    let mut harder = plan.exercises[0].clone();
    harder.id = "sldl_heavy".to_owned();
    plan.exercises[0].harder = vec![harder.id.clone()];
    plan.exercises.push(harder);
    let rows = (1..=8)
        .map(|week| TableRow {
            week,
            load_kg: Some(20.0 + f64::from(week) / 4.0),
            ..TableRow::default()
        })
        .collect();
    plan.prescriptions[0].rules = vec![Rule::Table { rows, source: None }, next.clone()];
    let fitted = fit(&plan, 1, 10.0).expect("fits");
    assert!(!fitted.prescription.rules.contains(&next));
    let fitted_plan = with_fitted(&plan, &fitted);
    let projection = project(&fitted_plan);
    assert!(
        projection
            .weeks
            .iter()
            .flat_map(|w| &w.items)
            .all(|i| i.exercise_id == "sldl")
    );
}

fn any_step() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![0.5, 1.0, 2.0, 2.5])
}

fn any_reps() -> impl Strategy<Value = Reps> {
    prop_oneof![
        (3u32..25).prop_map(Reps::Fixed),
        (3u32..20, 0u32..8).prop_map(|(a, k)| Reps::Range(a, a + k)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_fit_never_breaks_its_threshold_nor_ends_above_the_plan(
        start in 2.0..40.0f64,
        step in any_step(),
        reps in any_reps(),
        weeks in 4u32..=52,
        rise_kg in 0.0..30.0f64,
        every in 1u32..4,
        deload in prop::option::of(3u32..8),
        threshold in 5.0..20.0f64,
    ) {
        let mut plan = base_plan(weeks);
        plan.exercises[0].equipment = vec!["dumbbell".to_owned()];
        plan.load_steps = vec![LoadStep { equipment: "dumbbell".to_owned(), step_kg: step }];
        let start = (start * 10.0).round() / 10.0;
        let end = start + rise_kg;
        let mut rules = vec![Rule::Add {
            target: Target::Load,
            amount: Amount::Absolute(rise_kg / f64::from(weeks)),
            every_weeks: every,
            cap: Some(end),
            round_to: Some(step),
            from_week: None,
            until_week: None,
        }];
        if let Some(n) = deload {
            rules.push(Rule::Deload { every_weeks: Some(n), weeks: vec![], volume_pct: 40.0, load_pct: 10.0 });
        }
        let mut d = dose(3, 10, Load::Kg(start));
        d.reps = Some(reps);
        plan.prescriptions = vec![rx(1, "sldl", 1, weeks, d, rules)];
        let fitted = match fit(&plan, 1, threshold) {
            Ok(f) => f,
            Err(FitError::NothingToFit { .. }) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        let rise = largest_rise(&with_fitted(&plan, &fitted), 1);
        prop_assert!(rise <= threshold + 1e-9, "{} > {}", rise, threshold);
        // Never above the planned end: no heavier, and as heavy with no more sets or reps.
        let (f, p) = (&fitted.fitted_end, &fitted.planned_end);
        let (fk, pk) = (f.load.kg().unwrap_or(0.0), p.load.kg().unwrap_or(0.0));
        prop_assert!(fk <= pk + 1e-9, "{} kg > {} kg", fk, pk);
        if (fk - pk).abs() < 1e-9 {
            let top = |d: &Dose| d.reps.as_ref().map_or(0, |r| r.for_set(0).1);
            prop_assert!(f.sets <= p.sets && top(f) <= top(p), "{:?} above {:?}", f, p);
        }
        // Loads after the first week stay on the step.
        for w in fitted.weeks.iter().filter(|w| !w.deload) {
            let kg = w.after.load.kg().unwrap_or(0.0);
            let on_step = ((kg / step) - (kg / step).round()).abs() < 1e-6;
            prop_assert!(on_step || (kg - start).abs() < 1e-9, "{} kg", kg);
        }
    }
}

fn wild_rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (
            prop::sample::select(vec![Target::Load, Target::Reps, Target::Sets]),
            prop_oneof![
                (-5.0..10.0f64).prop_map(Amount::Absolute),
                (-20.0..50.0f64).prop_map(Amount::Percent)
            ],
            0u32..4,
            prop::option::of(0.0..60.0f64),
            prop::option::of(0.0..3.0f64),
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
        (
            prop::option::of(0u32..6),
            prop::collection::vec(0u32..30, 0..3),
            0.0..100.0f64,
            0.0..50.0f64
        )
            .prop_map(|(every_weeks, weeks, volume_pct, load_pct)| Rule::Deload {
                every_weeks,
                weeks,
                volume_pct,
                load_pct
            }),
        prop::collection::vec(0u32..30, 0..3).prop_map(|weeks| Rule::Hold { weeks }),
        prop::collection::vec(
            (
                1u32..30,
                prop::option::of(1u32..6),
                prop::option::of(1u32..20),
                prop::option::of(0.0..80.0f64)
            ),
            0..4
        )
        .prop_map(|rows| Rule::Table {
            source: None,
            rows: rows
                .into_iter()
                .map(|(week, sets, reps, load_kg)| TableRow {
                    week,
                    sets,
                    reps: reps.map(Reps::Fixed),
                    load_kg,
                    ..TableRow::default()
                })
                .collect(),
        }),
    ]
}

prop_compose! {
    fn wild_rx()(
        sets in 0u32..6,
        reps in prop_oneof![
            Just(None),
            (0u32..30).prop_map(|n| Some(Reps::Fixed(n))),
            (0u32..20, 0u32..20).prop_map(|(a, b)| Some(Reps::Range(a, b))),
            prop::collection::vec(0u32..20, 0..5).prop_map(|v| Some(Reps::PerSet(v))),
        ],
        load in prop_oneof![
            Just(Load::BodyWeight),
            (-5.0..100.0f64).prop_map(Load::Kg),
            (0u32..6).prop_map(Load::Band),
            Just(Load::Kg(f64::NAN)),
        ],
        first in 0u32..6,
        len in 0u32..30,
        schedule in prop_oneof![
            (0u32..8).prop_map(Schedule::PerWeek),
            (1u32..4).prop_map(Schedule::EveryNDays),
            (0u32..3).prop_map(Schedule::TimesPerDay),
        ],
        rules in prop::collection::vec(wild_rule(), 0..4),
    ) -> Prescription {
        let mut rx = rx(1, "sldl", first, first + len, Dose { sets, reps, load, ..Dose::default() }, rules);
        rx.schedule = schedule;
        rx
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the prescription, the fit never panics, and what it returns keeps to the
    /// threshold and never ends beyond the planned end load.
    #[test]
    fn a_fit_of_any_prescription_keeps_its_word(
        rx in wild_rx(),
        step in prop::sample::select(vec![0.5, 1.0, 2.5, 0.0, -1.0]),
        threshold in 0.5..50.0f64,
    ) {
        let mut plan = base_plan(0);
        plan.exercises[0].equipment = vec!["dumbbell".to_owned()];
        plan.load_steps = vec![LoadStep { equipment: "dumbbell".to_owned(), step_kg: step }];
        plan.prescriptions = vec![rx];
        match fit(&plan, 1, threshold) {
            Ok(fitted) => {
                let rise = largest_rise(&with_fitted(&plan, &fitted), 1);
                prop_assert!(rise <= threshold + 1e-9, "{} > {}", rise, threshold);
                let (f, p) = (&fitted.fitted_end, &fitted.planned_end);
                if let (Some(fk), Some(pk)) = (f.load.kg(), p.load.kg()) {
                    prop_assert!(fk <= pk + 1e-9, "{} kg > {} kg", fk, pk);
                }
                prop_assert!(!fitted.summary.contains('\n'));
            }
            Err(e @ FitError::Unverified { .. }) => {
                return Err(TestCaseError::fail(e.to_string()));
            }
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
        }
    }
}

#[test]
fn a_load_off_the_hundredth_grid_is_never_fitted_heavier() {
    // A round_to of 1.52 kg makes the planned load 98.876 kg: the fitted table, kept to the
    // hundredth a plan file shows, rounds it down, never up (found by the property above).
    let mut plan = base_plan(0);
    let mut rule = Rule::add(Target::Load, Amount::Absolute(0.0));
    if let Rule::Add { round_to, .. } = &mut rule {
        *round_to = Some(1.521_173_565_449_247);
    }
    let table = Rule::Table {
        rows: vec![TableRow {
            week: 2,
            sets: Some(1),
            ..TableRow::default()
        }],
        source: None,
    };
    let d = Dose {
        sets: 0,
        load: Load::Kg(98.195_185_136_026_35),
        ..Dose::default()
    };
    plan.prescriptions = vec![rx(1, "sldl", 0, 21, d, vec![table, rule])];
    let fitted = fit(&plan, 1, 0.5).expect("fits");
    let (f, p) = (&fitted.fitted_end, &fitted.planned_end);
    assert!(f.load.kg() <= p.load.kg(), "{f:?} above {p:?}");
    assert_eq!(f.load, Load::Kg(98.87));
}
