//! Engine behaviour: progression rules, schedules, metrics and guardrails.

use crate::common::*;
use loadplan::engine::{Metric, Severity, check, project};
use loadplan::model::*;

fn item_week(plan: &Plan, week: u32, rx_id: u32) -> loadplan::engine::Item {
    let p = project(plan);
    p.week(week)
        .and_then(|w| w.items.iter().find(|i| i.prescription_id == rx_id))
        .cloned()
        .expect("item")
}

#[test]
fn percent_load_progression_keeps_exact_values_and_rounds_what_is_shown() {
    let mut plan = base_plan(12);
    let rule = Rule::Add {
        target: Target::Load,
        amount: Amount::Percent(5.0),
        every_weeks: 1,
        cap: None,
        round_to: Some(0.5),
        from_week: None,
        until_week: None,
    };
    plan.prescriptions = vec![rx(1, "sldl", 1, 12, dose(3, 10, Load::Kg(4.5)), vec![rule])];
    // Week 4: 4.5 * 1.05^3 = 5.209 -> shown 5.0 (nearest 0.5 kg).
    let it = item_week(&plan, 4, 1);
    assert_eq!(it.dose.load, Load::Kg(5.0));
    assert_eq!(it.sets().len(), 3);
    assert!(
        it.sets()
            .iter()
            .all(|s| s.reps == Some(10) && s.load_kg == Some(5.0))
    );
    // Week 12: 4.5 * 1.05^11 = 7.697 -> 7.5: small steps add up, not stuck at 4.5.
    assert_eq!(item_week(&plan, 12, 1).dose.load, Load::Kg(7.5));
    // Volume load week 4 = 3 sessions x 3 sets x 10 reps x 5 kg.
    assert!((it.metrics.volume_load_kg - 450.0).abs() < 1e-9);
}

#[test]
fn caps_are_respected() {
    let mut plan = base_plan(20);
    let rules = vec![
        Rule::Add {
            target: Target::Reps,
            amount: Amount::Absolute(2.0),
            every_weeks: 1,
            cap: Some(15.0),
            round_to: None,
            from_week: None,
            until_week: None,
        },
        Rule::Add {
            target: Target::Load,
            amount: Amount::Absolute(1.0),
            every_weeks: 2,
            cap: Some(10.0),
            round_to: Some(1.0),
            from_week: None,
            until_week: None,
        },
    ];
    plan.prescriptions = vec![rx(1, "sldl", 1, 20, dose(3, 8, Load::Kg(5.0)), rules)];
    let p = project(&plan);
    for w in &p.weeks {
        let it = &w.items[0];
        assert!(it.sets().iter().all(|s| s.reps.unwrap_or(0) <= 15));
        assert!(it.dose.load_number().unwrap_or(0.0) <= 10.0);
    }
    assert_eq!(
        p.week(20).map(|w| w.items[0].dose.load.clone()),
        Some(Load::Kg(10.0))
    );
    // every 2 weeks: week 3 is +1 kg, week 2 is not.
    assert_eq!(item_week(&plan, 2, 1).dose.load, Load::Kg(5.0));
    assert_eq!(item_week(&plan, 3, 1).dose.load, Load::Kg(6.0));
}

#[test]
fn ranges_and_per_set_lists_survive_progression() {
    let mut plan = base_plan(4);
    let rule = Rule::add(Target::Reps, Amount::Absolute(1.0));
    let mut d1 = dose(3, 1, Load::BodyWeight);
    d1.reps = Some(Reps::Range(6, 8));
    let mut d2 = dose(3, 1, Load::BodyWeight);
    d2.reps = Some(Reps::PerSet(vec![12, 10, 8]));
    plan.prescriptions = vec![
        rx(1, "sldl", 1, 4, d1, vec![rule.clone()]),
        rx(2, "sldl", 1, 4, d2, vec![rule]),
    ];
    assert_eq!(item_week(&plan, 3, 1).dose.reps, Some(Reps::Range(8, 10)));
    assert_eq!(
        item_week(&plan, 3, 2).dose.reps,
        Some(Reps::PerSet(vec![14, 12, 10]))
    );
    let it = item_week(&plan, 3, 1);
    assert_eq!(
        (
            it.sets()[0].reps_min,
            it.sets()[0].reps_max,
            it.sets()[0].reps
        ),
        (Some(8), Some(10), None)
    );
}

#[test]
fn deload_week_is_lower_than_the_week_before_and_progression_resumes() {
    let mut plan = base_plan(8);
    let rules = vec![
        Rule::add(Target::Load, Amount::Absolute(1.0)),
        Rule::Deload {
            every_weeks: Some(4),
            weeks: vec![],
            volume_pct: 40.0,
            load_pct: 10.0,
        },
    ];
    plan.prescriptions = vec![rx(1, "sldl", 1, 8, dose(3, 10, Load::Kg(10.0)), rules)];
    let p = project(&plan);
    let vol = |w: u32| p.week(w).map_or(0.0, |w| w.totals.volume_load_kg);
    assert!(p.week(4).is_some_and(|w| w.deload));
    assert!(vol(4) < vol(3), "{} !< {}", vol(4), vol(3));
    assert_eq!(item_week(&plan, 4, 1).dose.sets, 2);
    assert_eq!(item_week(&plan, 4, 1).dose.load, Load::Kg(10.8));
    // No progression in the deload week: week 5 continues from week 3's 12 kg.
    assert_eq!(item_week(&plan, 5, 1).dose.load, Load::Kg(13.0));
}

#[test]
fn hold_weeks_freeze_progression() {
    let mut plan = base_plan(6);
    let rules = vec![
        Rule::add(Target::Load, Amount::Absolute(1.0)),
        Rule::Hold { weeks: vec![3, 4] },
    ];
    plan.prescriptions = vec![rx(1, "sldl", 1, 6, dose(3, 10, Load::Kg(10.0)), rules)];
    let loads: Vec<Load> = (1..=6).map(|w| item_week(&plan, w, 1).dose.load).collect();
    let kg: Vec<f64> = loads.iter().filter_map(Load::kg).collect();
    assert_eq!(kg, vec![10.0, 11.0, 11.0, 11.0, 12.0, 13.0]);
}

#[test]
fn next_variation_climbs_the_ladder() {
    let mut plan = base_plan(9);
    let mut a = exercise("bridge", Category::Strength, false, &[Region::Hip]);
    let mut b = exercise("bridge_sl", Category::Strength, false, &[Region::Hip]);
    let c = exercise("thrust", Category::Strength, false, &[Region::Hip]);
    a.harder = vec!["bridge_sl".into()];
    b.easier = vec!["bridge".into()];
    b.harder = vec!["thrust".into()];
    plan.exercises.extend([a, b, c]);
    let rules = vec![Rule::NextVariation {
        after_weeks: 3,
        reset_dose: false,
    }];
    plan.prescriptions = vec![rx(1, "bridge", 1, 9, dose(3, 10, Load::BodyWeight), rules)];
    let ids: Vec<String> = (1..=9)
        .map(|w| item_week(&plan, w, 1).exercise_id)
        .collect();
    assert_eq!(
        ids,
        [
            "bridge",
            "bridge",
            "bridge",
            "bridge_sl",
            "bridge_sl",
            "bridge_sl",
            "thrust",
            "thrust",
            "thrust"
        ]
    );
}

#[test]
fn table_rows_set_values_that_carry_forward() {
    let mut plan = base_plan(6);
    let rows = vec![
        TableRow {
            week: 1,
            sessions: Some(1),
            sets: Some(2),
            reps: Some(Reps::Fixed(5)),
            ..TableRow::default()
        },
        TableRow {
            week: 3,
            sessions: Some(3),
            sets: Some(3),
            reps: Some(Reps::Range(6, 8)),
            ..TableRow::default()
        },
    ];
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        6,
        dose(3, 10, Load::BodyWeight),
        vec![Rule::Table { rows, source: None }],
    )];
    let p = project(&plan);
    let sessions: Vec<u32> = p.weeks.iter().map(|w| w.items[0].sessions).collect();
    assert_eq!(sessions, vec![1, 1, 3, 3, 3, 3]);
    assert_eq!(item_week(&plan, 2, 1).dose.reps, Some(Reps::Fixed(5)));
    assert_eq!(item_week(&plan, 6, 1).dose.reps, Some(Reps::Range(6, 8)));
}

#[test]
fn schedules_give_dated_sessions() {
    let mut plan = base_plan(2);
    let mut a = rx(1, "sldl", 1, 2, dose(3, 12, Load::BodyWeight), vec![]);
    a.schedule = Schedule::TimesPerDay(2);
    let mut b = rx(2, "sldl", 1, 2, dose(3, 6, Load::BodyWeight), vec![]);
    b.schedule = Schedule::EveryNDays(2);
    let mut c = rx(3, "sldl", 1, 2, dose(3, 4, Load::BodyWeight), vec![]);
    c.schedule = Schedule::EveryNDays(3);
    let mut d = rx(
        4,
        "plank",
        1,
        2,
        Dose {
            sets: 3,
            hold_secs: Some(30.0),
            ..Dose::default()
        },
        vec![],
    );
    d.schedule = Schedule::Weekdays(vec![Weekday::Tue, Weekday::Fri]);
    d.supervised_per_week = 1;
    plan.prescriptions = vec![a, b, c, d];
    let p = project(&plan);
    let w1 = p.week(1).expect("week 1");
    let sessions: Vec<u32> = w1.items.iter().map(|i| i.sessions).collect();
    assert_eq!(sessions, vec![14, 4, 3, 2]);
    // Days 0..14, two slots a day: 28 sessions in two weeks.
    assert_eq!(p.sessions.len(), 28);
    assert_eq!(
        p.sessions[0].date,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
    );
    // Tuesday 6 Jan holds the side plank, supervised.
    let tue = p
        .sessions
        .iter()
        .find(|s| s.day == 1 && s.slot == 0)
        .expect("tuesday");
    assert!(
        tue.items
            .iter()
            .any(|i| i.prescription_id == 4 && i.supervised)
    );
    assert_eq!(p.supervised_sessions, 2);
    // Hold-only isometric: time under tension = sets x hold.
    assert_eq!(w1.items[3].metrics.tut_secs, 2.0 * 3.0 * 30.0);
}

#[test]
fn change_pct_and_totals() {
    let mut plan = base_plan(3);
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        3,
        dose(3, 10, Load::Kg(10.0)),
        vec![Rule::add(Target::Load, Amount::Percent(10.0))],
    )];
    let p = project(&plan);
    assert_eq!(p.weeks[0].change_pct.volume_load_kg, None);
    let c = p.weeks[1].change_pct.volume_load_kg.unwrap_or(0.0);
    assert!((c - 10.0).abs() < 1e-6, "{c}");
    assert_eq!(p.weeks[1].change_pct.reps, Some(0.0));
    assert_eq!(p.totals.sessions, 9);
}

fn codes(plan: &Plan) -> Vec<(&'static str, Severity)> {
    check(plan, &project(plan))
        .into_iter()
        .map(|f| (f.code, f.severity))
        .collect()
}

#[test]
fn guardrails_flag_short_unsupervised_plans_without_eccentric_or_hip_work() {
    let mut plan = base_plan(8);
    plan.exercises.push(exercise(
        "calf",
        Category::Strength,
        false,
        &[Region::LowerLeg],
    ));
    plan.prescriptions = vec![rx(1, "calf", 1, 8, dose(3, 10, Load::BodyWeight), vec![])];
    let c = codes(&plan);
    for code in [
        "plan-too-short",
        "few-supervised-sessions",
        "no-eccentric",
        "no-hip-trunk",
        "flat-plan",
    ] {
        assert!(
            c.iter().any(|(k, _)| *k == code),
            "{code} missing from {c:?}"
        );
    }
    assert!(!c.iter().any(|(_, s)| *s == Severity::Error));
    // A complete plan clears them.
    let mut good = base_plan(12);
    let mut r = rx(
        1,
        "sldl",
        1,
        12,
        dose(3, 10, Load::Kg(10.0)),
        vec![Rule::add(Target::Load, Amount::Percent(2.0))],
    );
    r.supervised_per_week = 1;
    good.prescriptions = vec![r];
    let c = codes(&good);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn guardrails_flag_load_spikes_and_several_variables() {
    let mut plan = base_plan(12);
    let rules = vec![
        Rule::add(Target::Load, Amount::Percent(20.0)),
        Rule::add(Target::Reps, Amount::Absolute(1.0)),
    ];
    plan.prescriptions = vec![rx(1, "sldl", 1, 12, dose(3, 10, Load::Kg(10.0)), rules)];
    let findings = check(&plan, &project(&plan));
    let weekly = findings
        .iter()
        .find(|f| f.code == "weekly-increase" && f.metric == Some(Metric::VolumeLoadKg))
        .expect("weekly");
    assert_eq!(weekly.week, Some(2));
    assert_eq!(
        (weekly.prescription_id, weekly.exercise_id.as_deref()),
        (Some(1), Some("sldl"))
    );
    assert!(
        weekly.heuristic && weekly.message.contains("volume load +32 % from week 1"),
        "{}",
        weekly.message
    );
    assert!(findings.iter().any(|f| f.code == "two-week-increase"));
    let several = findings
        .iter()
        .find(|f| f.code == "several-variables")
        .expect("several");
    assert_eq!(several.severity, Severity::Warning);
    assert_eq!(several.prescription_id, Some(1));
    assert!(several.message.contains("reps") && several.message.contains("load"));
}

#[test]
fn acute_chronic_spike_is_flagged_as_a_heuristic() {
    let mut plan = base_plan(12);
    plan.prescriptions = vec![
        rx(1, "sldl", 1, 12, dose(3, 10, Load::Kg(10.0)), vec![]),
        rx(2, "sldl", 10, 12, dose(6, 10, Load::Kg(20.0)), vec![]),
    ];
    let findings = check(&plan, &project(&plan));
    let acwr = findings
        .iter()
        .find(|f| f.code == "acwr-high")
        .expect("acwr");
    assert_eq!(acwr.week, Some(10));
    assert!(acwr.heuristic && acwr.source.contains("Impellizzeri"));
    let ratio = project(&plan)
        .week(10)
        .and_then(|w| w.acwr.get(Metric::VolumeLoadKg))
        .unwrap_or(0.0);
    assert!(ratio >= 1.5, "{ratio}");
    // Too little history in weeks 1-3 for a ratio.
    assert_eq!(project(&plan).weeks[2].acwr.volume_load_kg, None);
}

#[test]
fn impossible_values_are_errors() {
    let mut plan = base_plan(12);
    let mut timed_on_reps = dose(3, 10, Load::BodyWeight);
    timed_on_reps.reps = None;
    timed_on_reps.hold_secs = Some(30.0);
    plan.prescriptions = vec![
        rx(1, "sldl", 1, 12, dose(0, 10, Load::Kg(5.0)), vec![]),
        rx(2, "sldl", 1, 12, dose(3, 10, Load::Kg(-5.0)), vec![]),
        rx(3, "sldl", 1, 12, timed_on_reps, vec![]),
    ];
    let errors: Vec<(&str, Option<u32>)> = check(&plan, &project(&plan))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code, f.prescription_id))
        .collect();
    assert!(errors.contains(&("zero-sets", Some(1))), "{errors:?}");
    assert!(errors.contains(&("negative-load", Some(2))), "{errors:?}");
    assert!(
        errors.contains(&("hold-on-reps-exercise", Some(3))),
        "{errors:?}"
    );
}

#[test]
fn body_weight_work_never_gets_kilograms() {
    let mut plan = base_plan(4);
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        4,
        dose(3, 10, Load::BodyWeight),
        vec![Rule::add(Target::Load, Amount::Percent(10.0))],
    )];
    let p = project(&plan);
    assert!(p.weeks.iter().all(|w| w.totals.volume_load_kg == 0.0));
    assert!(p.included(Metric::VolumeLoadKg).is_empty());
    assert_eq!(p.included(Metric::Reps), vec!["sldl".to_owned()]);
    let c = codes(&plan);
    assert!(
        c.contains(&("load-rule-without-load", Severity::Note)),
        "{c:?}"
    );
}

#[test]
fn a_variation_dosed_differently_starts_from_its_own_default_dose() {
    let mut plan = base_plan(4);
    let mut hold = exercise("plank_floor", Category::Isometric, false, &[Region::Trunk]);
    hold.harder = vec!["plank_lift".into()];
    let mut lift = exercise("plank_lift", Category::Strength, false, &[Region::Trunk]);
    lift.default_dose = dose(3, 10, Load::BodyWeight);
    plan.exercises.extend([hold, lift]);
    let start = Dose {
        sets: 3,
        hold_secs: Some(30.0),
        load: Load::BodyWeight,
        ..Dose::default()
    };
    plan.prescriptions = vec![rx(
        1,
        "plank_floor",
        1,
        4,
        start,
        vec![Rule::NextVariation {
            after_weeks: 2,
            reset_dose: false,
        }],
    )];
    let w2 = item_week(&plan, 2, 1);
    assert_eq!(
        (w2.exercise_id.as_str(), w2.dose.hold_secs),
        ("plank_floor", Some(30.0))
    );
    let w3 = item_week(&plan, 3, 1);
    assert_eq!(w3.exercise_id, "plank_lift");
    assert_eq!(
        (w3.dose.reps.clone(), w3.dose.hold_secs),
        (Some(Reps::Fixed(10)), None)
    );
}

#[test]
fn the_week_after_a_deload_is_compared_with_the_last_full_week() {
    let mut plan = base_plan(12);
    let rules = vec![
        Rule::add(Target::Load, Amount::Percent(5.0)),
        Rule::Deload {
            every_weeks: Some(4),
            weeks: vec![],
            volume_pct: 40.0,
            load_pct: 0.0,
        },
    ];
    let mut r = rx(1, "sldl", 1, 12, dose(3, 10, Load::Kg(20.0)), rules);
    r.supervised_per_week = 1;
    plan.prescriptions = vec![r];
    let findings = check(&plan, &project(&plan));
    let spikes: Vec<_> = findings
        .iter()
        .filter(|f| f.code.contains("increase"))
        .collect();
    assert!(spikes.is_empty(), "{spikes:?}");
}

#[test]
fn distance_work_shows_its_metres() {
    let d = Dose {
        sets: 4,
        distance_m: Some(80.0),
        load: Load::BodyWeight,
        ..Dose::default()
    };
    assert_eq!(loadplan::engine::dose_label(&d), "4 x 80 m @ body weight");
}
