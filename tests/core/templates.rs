//! Each template checked against the paper or account it follows (docs/clinical.md, protocol
//! templates): the doses, sides, frequencies and restrictions its source gives.

use loadplan::engine::project;
use loadplan::model::{Limb, Load, PainLimits, Plan, Reps, Schedule, Side};

fn template(id: &str) -> Plan {
    match loadplan::templates::load(id) {
        Some(Ok(plan)) => plan,
        other => panic!("template {id}: {other:?}"),
    }
}

fn rx<'a>(plan: &'a Plan, exercise: &str) -> &'a loadplan::model::Prescription {
    plan.prescriptions
        .iter()
        .find(|p| p.exercise == exercise)
        .unwrap_or_else(|| panic!("{exercise} is prescribed"))
}

#[test]
fn askling_works_the_injured_side_only_at_the_protocols_frequencies() {
    // Askling et al. 2014: extender 3 x 12 twice a day, diver 3 x 6 every other day, glider
    // 3 x 4 every third day, on the injured leg, to just before pain.
    let plan = template("askling_l_protocol");
    for (id, sets, reps, schedule) in [
        ("askling_extender", 3, 12, Schedule::TimesPerDay(2)),
        ("askling_diver", 3, 6, Schedule::EveryNDays(2)),
        ("askling_glider", 3, 4, Schedule::EveryNDays(3)),
    ] {
        let p = rx(&plan, id);
        assert_eq!(p.dose.side, Side::Affected, "{id} is for the injured side");
        assert_eq!(p.dose.sets, sets, "{id}");
        assert_eq!(p.dose.reps, Some(Reps::Fixed(reps)), "{id}");
        assert_eq!(p.schedule, schedule, "{id}");
        assert_eq!(p.dose.rom.as_deref(), Some("to just before pain"), "{id}");
        assert!(
            p.rules.is_empty(),
            "{id}: progresses by range and speed, not dose"
        );
    }
    // Worded for the athlete once the physio says which side.
    assert_eq!(
        Side::Affected.words(Some(Limb::Left)),
        "your left leg, the injured side"
    );
}

#[test]
fn tendinopathy_writes_heavy_slow_resistance_in_repetition_maximums_and_allows_3_of_10() {
    // Goom et al. 2016: pain at most 3/10. Beyer et al. 2015: 15RM week 1, 12RM weeks 2-3,
    // 10RM weeks 4-5, 8RM weeks 6-8, 6RM weeks 9-12; 3 sets, then 4; 3 s up, 3 s down; 2-3
    // minutes' rest. HSR week 1 is plan week 4.
    let plan = template("proximal_hamstring_tendinopathy");
    assert_eq!(
        plan.pain_limits,
        PainLimits {
            safe_max: 2,
            acceptable_max: 3
        }
    );
    let projection = project(&plan);
    let expected: [(u32, u32, u32); 12] = [
        (4, 15, 3),
        (5, 12, 3),
        (6, 12, 3),
        (7, 10, 4),
        (8, 10, 4),
        (9, 8, 4),
        (10, 8, 4),
        (11, 8, 4),
        (12, 6, 4),
        (13, 6, 4),
        (14, 6, 4),
        (15, 6, 4),
    ];
    for id in ["leg_curl_machine", "hip_thrust"] {
        let p = rx(&plan, id);
        for (week, rm, sets) in expected {
            let item = projection
                .week(week)
                .and_then(|w| w.items.iter().find(|i| i.prescription_id == p.id))
                .unwrap_or_else(|| panic!("{id} in week {week}"));
            assert_eq!(item.dose.load, Load::Rm(rm), "{id} week {week}");
            assert_eq!(item.dose.sets, sets, "{id} week {week}");
            assert_eq!(item.dose.reps, Some(Reps::Fixed(rm)), "{id} week {week}");
            assert_eq!(item.sessions, 3, "{id} week {week}: three times a week");
            let tempo = item.dose.tempo.expect("a tempo");
            assert_eq!((tempo.eccentric_secs, tempo.concentric_secs), (3.0, 3.0));
            assert!((120..=180).contains(&item.dose.rest_secs.unwrap_or(0)));
            assert_eq!(item.metrics.volume_load_kg, 0.0, "no kilograms invented");
        }
    }
}

#[test]
fn the_runners_programme_starts_as_the_account_says() {
    // Single-leg deadlift 3 x 10 each leg with a 10 lb (4.5 kg) dumbbell; side plank with leg
    // lift 3 x 10 each side.
    let plan = template("runners_glute");
    let sld = rx(&plan, "sl_deadlift_db");
    assert_eq!(sld.dose.sets, 3);
    assert_eq!(sld.dose.reps, Some(Reps::Fixed(10)));
    assert_eq!(sld.dose.load, Load::Kg(4.5));
    assert_eq!(sld.dose.side, Side::Each);
    // The account's side plank with leg lift, 3 x 10 each side, on a bench first.
    let bench = rx(&plan, "side_plank_leg_lift_bench");
    let floor = rx(&plan, "side_plank_leg_lift");
    for p in [bench, floor] {
        assert_eq!(
            (p.dose.sets, p.dose.reps.clone()),
            (3, Some(Reps::Fixed(10)))
        );
        assert_eq!(p.dose.side, Side::Each);
    }
    assert_eq!(floor.weeks.first, bench.weeks.last + 1);
}

#[test]
fn the_runners_own_progression_stays_within_10_percent_a_week() {
    use loadplan::engine::{Metric, rise};
    let plan = template("runners_glute");
    let projection = project(&plan);
    for p in &plan.prescriptions {
        for step in rise::steps(&projection, p.id) {
            for m in Metric::LOADS {
                let pct = step.rise_pct(m).unwrap_or(0.0);
                assert!(
                    pct <= plan.thresholds.weekly_increase_pct + 1e-9,
                    "{} week {} {m:?}: +{pct:.1} %",
                    p.exercise,
                    step.week
                );
            }
        }
    }
    // And the deadlift still climbs: 7 kg by week 12.
    let last = projection.weeks.last().expect("12 weeks");
    let sld = last
        .items
        .iter()
        .find(|i| i.exercise_id == "sl_deadlift_db")
        .expect("the deadlift in week 12");
    assert_eq!(sld.dose.load, Load::Kg(7.0));
}

/// Whether an exercise is done sitting (its name, equipment or cues say so).
fn seated(plan: &Plan, id: &str) -> bool {
    let lib = loadplan::library::builtin().expect("library");
    let e = loadplan::library::find(plan, lib, id).expect("exercise found");
    e.name.to_lowercase().contains("seated")
        || e.equipment.iter().any(|q| q.contains("chair"))
        || e.cues
            .iter()
            .any(|c| c.starts_with("Sit") && !c.contains("where sitting is allowed"))
}

/// Whether an exercise is a stretch.
fn stretch(plan: &Plan, id: &str) -> bool {
    let lib = loadplan::library::builtin().expect("library");
    let e = loadplan::library::find(plan, lib, id).expect("exercise found");
    e.name.to_lowercase().contains("stretch")
}

#[test]
fn after_surgery_nothing_seated_and_no_stretch_before_four_weeks_and_the_arms_only_swim_from_week_3()
 {
    let plan = template("post_op_hamstring_syndrome");
    // It says what its start date is.
    assert!(plan.notes.contains("Week 1 starts on the day of surgery"));
    let projection = project(&plan);
    for wp in projection.weeks.iter().take(4) {
        for item in &wp.items {
            assert!(
                !seated(&plan, &item.exercise_id),
                "week {}: {} is seated",
                wp.week,
                item.exercise_name
            );
            assert!(
                !stretch(&plan, &item.exercise_id),
                "week {}: {} is a stretch",
                wp.week,
                item.exercise_name
            );
        }
    }
    // Sitting and stretching come back at the four-week mark, as the account has them.
    let week5: Vec<&str> = projection.weeks[4]
        .items
        .iter()
        .map(|i| i.exercise_id.as_str())
        .collect();
    for id in [
        "hamstring_stretch_gentle",
        "sciatic_nerve_glide",
        "hip_flexor_strengthening",
        "elliptical",
    ] {
        assert!(week5.contains(&id), "{id} in week 5: {week5:?}");
    }
    let swim = rx(&plan, "swimming_pull_buoy");
    assert_eq!(swim.weeks.first, 3, "arms-only swimming from week 3");
    let lib = loadplan::library::builtin().expect("library");
    let card = loadplan::library::find(&plan, lib, "swimming_pull_buoy").expect("in the library");
    assert!(card.cues.iter().any(|c| c.contains("do not kick")));
}
