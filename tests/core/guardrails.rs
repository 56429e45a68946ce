//! The guardrail corpus: small hand-written plans (`tests/fixtures/guardrails`, each saying at
//! its top what it is), each with the findings it must raise and must not raise (for rises: the
//! exercise and the load metric too); and every built-in template with its findings listed in
//! full, so a change in what the guardrails say about a shipped plan is a reviewed change.

use std::path::Path;

use loadplan::engine::{Finding, Metric, Severity, check, project};
use loadplan::model::{Limb, Plan};

/// The load-rise and acute:chronic codes.
const SPIKES: [&str; 5] = [
    "weekly-increase",
    "two-week-increase",
    "plan-weekly-increase",
    "plan-two-week-increase",
    "acwr-high",
];

fn fixture(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/guardrails")
        .join(format!("{name}.ron"));
    loadplan::io::load_plan(&path)
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

fn template(id: &str) -> Plan {
    loadplan::templates::load(id)
        .expect("template exists")
        .expect("template reads")
}

fn findings(plan: &Plan) -> Vec<Finding> {
    check(plan, &project(plan))
}

/// A finding a plan must (or must not) raise: the code, and whichever of the week, exercise,
/// metric, severity and words are given.
#[derive(Debug, Clone, Copy)]
struct Want {
    code: &'static str,
    week: Option<u32>,
    exercise: Option<&'static str>,
    whole_plan: bool,
    metric: Option<Metric>,
    severity: Option<Severity>,
    says: Option<&'static str>,
}

fn want(code: &'static str) -> Want {
    Want {
        code,
        week: None,
        exercise: None,
        whole_plan: false,
        metric: None,
        severity: None,
        says: None,
    }
}

impl Want {
    fn week(self, week: u32) -> Want {
        Want {
            week: Some(week),
            ..self
        }
    }
    fn exercise(self, id: &'static str) -> Want {
        Want {
            exercise: Some(id),
            ..self
        }
    }
    /// About the whole plan, no exercise.
    fn whole_plan(self) -> Want {
        Want {
            whole_plan: true,
            ..self
        }
    }
    fn metric(self, metric: Metric) -> Want {
        Want {
            metric: Some(metric),
            ..self
        }
    }
    fn warning(self) -> Want {
        Want {
            severity: Some(Severity::Warning),
            ..self
        }
    }
    fn note(self) -> Want {
        Want {
            severity: Some(Severity::Note),
            ..self
        }
    }
    fn says(self, words: &'static str) -> Want {
        Want {
            says: Some(words),
            ..self
        }
    }

    fn matches(&self, f: &Finding) -> bool {
        f.code == self.code
            && self.week.is_none_or(|w| f.week == Some(w))
            && self
                .exercise
                .is_none_or(|id| f.exercise_id.as_deref() == Some(id))
            && (!self.whole_plan || f.exercise_id.is_none())
            && self.metric.is_none_or(|m| f.metric == Some(m))
            && self.severity.is_none_or(|s| f.severity == s)
            && self.says.is_none_or(|w| f.message.contains(w))
    }
}

/// Every code of `codes`, any week, exercise and metric: for "must not raise".
fn any_of(codes: &[&'static str]) -> Vec<Want> {
    codes.iter().map(|c| want(c)).collect()
}

fn assert_findings(name: &str, plan: &Plan, must: &[Want], must_not: &[Want]) {
    let found = findings(plan);
    let list = || {
        found
            .iter()
            .map(|f| format!("  {}", compact(f)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for w in must {
        assert!(
            found.iter().any(|f| w.matches(f)),
            "{name}: missing {w:?}; found:\n{}",
            list()
        );
    }
    for w in must_not {
        let hits: Vec<&Finding> = found.iter().filter(|f| w.matches(f)).collect();
        assert!(
            hits.is_empty(),
            "{name}: must not raise {w:?}, raised {hits:#?}"
        );
    }
}

/// `W weekly-increase w3 sl_deadlift_db VolumeLoadKg`: severity, code, week, exercise, metric.
fn compact(f: &Finding) -> String {
    let mut parts = vec![
        match f.severity {
            Severity::Error => "E",
            Severity::Warning => "W",
            Severity::Note => "N",
        }
        .to_owned(),
        f.code.to_owned(),
    ];
    if let Some(w) = f.week {
        parts.push(format!("w{w}"));
    }
    if let Some(id) = &f.exercise_id {
        parts.push(id.clone());
    }
    if let Some(m) = f.metric {
        parts.push(format!("{m:?}"));
    }
    parts.join(" ")
}

/// The acute:chronic ratio of `metric` in each week.
fn ratios(plan: &Plan, metric: Metric) -> Vec<Option<f64>> {
    project(plan)
        .weeks
        .iter()
        .map(|w| w.acwr.get(metric))
        .collect()
}

#[test]
fn a_flat_plan_has_no_rise_and_a_ratio_of_exactly_one_from_week_4() {
    let plan = fixture("flat");
    assert_findings("flat", &plan, &[want("flat-plan").note()], &any_of(&SPIKES));
    for metric in [Metric::VolumeLoadKg, Metric::TutSecs, Metric::Reps] {
        let r = ratios(&plan, metric);
        assert!(r[..3].iter().all(Option::is_none), "{metric:?}: {r:?}");
        assert!(r[3..].iter().all(|x| *x == Some(1.0)), "{metric:?}: {r:?}");
    }
    // No session-RPE load in the plan: no ratio.
    assert!(ratios(&plan, Metric::SrpeAu).iter().all(Option::is_none));
}

#[test]
fn a_plan_rising_9_percent_a_week_raises_nothing() {
    let plan = fixture("rising_9_percent");
    assert_findings("rising_9_percent", &plan, &[], &any_of(&SPIKES));
    for metric in Metric::LOADS {
        for r in ratios(&plan, metric).into_iter().flatten() {
            assert!(r < 1.2, "{metric:?}: {r}");
        }
    }
}

#[test]
fn unchanged_every_other_day_schedules_are_not_rises() {
    let plan = fixture("every_other_day");
    // The calendar does alternate: 4 then 3 bridge sessions.
    let p = project(&plan);
    let bridge: Vec<u32> = p.weeks[..2].iter().map(|w| w.items[0].sessions).collect();
    assert_eq!(bridge, vec![4, 3]);
    assert_findings("every_other_day", &plan, &[], &any_of(&SPIKES));
    for metric in Metric::LOADS {
        let r = ratios(&plan, metric);
        assert!(r[3..].iter().all(|x| *x == Some(1.0)), "{metric:?}: {r:?}");
    }
}

#[test]
fn a_dumbbell_rising_20_percent_beside_a_heavy_lift_is_caught_in_week_2() {
    let plan = fixture("dumbbell_beside_heavy");
    assert_findings(
        "dumbbell_beside_heavy",
        &plan,
        &[want("weekly-increase")
            .week(2)
            .exercise("sl_deadlift_db")
            .metric(Metric::VolumeLoadKg)
            .warning()
            .says("volume load +20 % from week 1")],
        &[
            // The plan total rises about 3 % a week: not the whole plan's rise.
            want("plan-weekly-increase").week(2),
            want("weekly-increase").exercise("romanian_deadlift"),
            want("weekly-increase").exercise("side_plank"),
            want("acwr-high"),
        ],
    );
}

#[test]
fn body_weight_reps_rising_20_percent_beside_others_are_caught() {
    let plan = fixture("bodyweight_reps");
    assert_findings(
        "bodyweight_reps",
        &plan,
        &[
            want("weekly-increase")
                .week(2)
                .exercise("glute_bridge")
                .metric(Metric::Reps)
                .warning()
                .says("reps +20 % from week 1"),
            want("weekly-increase")
                .week(2)
                .exercise("glute_bridge")
                .metric(Metric::TutSecs),
        ],
        &[
            // No kilograms for body weight.
            want("weekly-increase").metric(Metric::VolumeLoadKg),
            want("weekly-increase").exercise("clams"),
            want("weekly-increase").exercise("side_plank"),
            want("weekly-increase").exercise("hip_thrust"),
            want("weekly-increase").exercise("nordic"),
        ],
    );
}

#[test]
fn leg_swings_and_the_diver_are_not_hip_or_trunk_strengthening() {
    let plan = fixture("leg_swings_and_diver");
    assert_findings(
        "leg_swings_and_diver",
        &plan,
        &[want("no-hip-trunk")
            .warning()
            .says("Leg swings, stretches and other mobility drills, the Askling extender, diver and glider")],
        &[],
    );
    // A side plank is.
    assert_findings("flat", &fixture("flat"), &[], &[want("no-hip-trunk")]);
}

#[test]
fn a_plan_whose_exercises_stop_at_week_8_is_too_short_and_names_the_empty_weeks() {
    let plan = fixture("stops_at_week_8");
    assert_findings(
        "stops_at_week_8",
        &plan,
        &[
            want("plan-too-short")
                .warning()
                .says("The plan's exercises run for 8 weeks"),
            want("empty-weeks")
                .week(9)
                .warning()
                .says("Weeks 9-12 have nothing prescribed"),
        ],
        &[],
    );
    let plan = fixture("gap_in_week_6");
    assert_findings(
        "gap_in_week_6",
        &plan,
        &[want("empty-weeks")
            .week(6)
            .says("Week 6 has nothing prescribed")],
        &[want("plan-too-short")],
    );
}

#[test]
fn stretch_holds_and_nerve_glides_have_no_time_under_tension() {
    let plan = fixture("stretch_holds");
    let p = project(&plan);
    for week in &p.weeks {
        for item in &week.items {
            let tension = item.metrics.tut_secs;
            match item.exercise_id.as_str() {
                "hamstring_stretch_gentle" | "sciatic_nerve_glide" => {
                    assert_eq!(tension, 0.0, "week {}: {}", week.week, item.exercise_id)
                }
                _ => assert!(tension > 0.0, "week {}: {}", week.week, item.exercise_id),
            }
        }
    }
    assert_findings(
        "stretch_holds",
        &plan,
        // The glides' reps still count.
        &[want("weekly-increase")
            .week(5)
            .exercise("sciatic_nerve_glide")
            .metric(Metric::Reps)],
        &[
            want("weekly-increase").metric(Metric::TutSecs),
            want("two-week-increase").metric(Metric::TutSecs),
            want("plan-weekly-increase").metric(Metric::TutSecs),
            want("weekly-increase").exercise("hamstring_stretch_gentle"),
        ],
    );
}

#[test]
fn a_table_without_a_source_still_warns() {
    let plan = fixture("own_table");
    assert_findings(
        "own_table",
        &plan,
        &[
            want("weekly-increase")
                .week(2)
                .exercise("nordic")
                .metric(Metric::Reps)
                .warning(),
            want("two-week-increase")
                .week(3)
                .exercise("nordic")
                .metric(Metric::Reps)
                .warning(),
            want("acwr-high").week(4).metric(Metric::Reps).warning(),
            want("several-variables").week(2).warning(),
        ],
        &SPIKES.iter().map(|c| want(c).note()).collect::<Vec<_>>(),
    );
}

#[test]
fn a_cited_table_is_a_note_and_the_plan_total_a_note_only_when_only_it_rose() {
    let plan = fixture("cited_table_beside_progression");
    let petersen = "as the Petersen et al. 2011 table prescribes";
    let mut must_not: Vec<Want> = ["weekly-increase", "two-week-increase"]
        .iter()
        .map(|c| want(c).exercise("nordic").warning())
        .collect();
    must_not.push(want("weekly-increase").exercise("side_plank"));
    must_not.push(want("plan-weekly-increase").week(2).warning());
    assert_findings(
        "cited_table_beside_progression",
        &plan,
        &[
            want("weekly-increase")
                .week(2)
                .exercise("nordic")
                .metric(Metric::Reps)
                .note()
                .says(petersen),
            want("two-week-increase")
                .week(3)
                .exercise("nordic")
                .metric(Metric::TutSecs)
                .note(),
            // Only the Nordic rose in week 2: a note. In week 3 the clams rose too: a warning.
            want("plan-weekly-increase")
                .week(2)
                .whole_plan()
                .metric(Metric::Reps)
                .note()
                .says(petersen),
            want("plan-weekly-increase")
                .week(3)
                .whole_plan()
                .metric(Metric::Reps)
                .warning(),
            want("weekly-increase")
                .week(3)
                .exercise("clams")
                .metric(Metric::Reps)
                .warning(),
            want("several-variables")
                .week(3)
                .exercise("nordic")
                .note()
                .says(petersen),
        ],
        &must_not,
    );
}

#[test]
fn a_dose_for_the_injured_side_needs_the_plans_injured_side() {
    let mut plan = fixture("injured_side_unknown");
    let note = want("injured-side-unknown")
        .says("Single-leg deadlift")
        .note();
    assert_findings("injured_side_unknown", &plan, &[note], &[]);
    plan.injured_side = Some(Limb::Left);
    assert_findings("injured side given", &plan, &[], &[note]);
}

#[test]
fn the_nordic_template_has_protocol_notes_not_warnings() {
    let plan = template("nordic_hamstring");
    let mut must_not: Vec<Want> = SPIKES.iter().map(|c| want(c).warning()).collect();
    must_not.push(want("several-variables").warning());
    assert_findings(
        "nordic_hamstring",
        &plan,
        &[
            want("weekly-increase")
                .week(2)
                .exercise("nordic")
                .metric(Metric::Reps)
                .note()
                .says("reps +140 % from week 1 (10 -> 24 reps a week), as the Petersen et al. 2011 table prescribes"),
            want("acwr-high")
                .week(4)
                .metric(Metric::Reps)
                .note()
                .says("as the Petersen et al. 2011 table prescribes"),
            // The clinical rule the protocol alone does not meet stays.
            want("no-hip-trunk").warning(),
        ],
        &must_not,
    );
    // Weeks 6-10 repeat week 5 and week 12 week 11: still the table's dose.
    let p = project(&plan);
    for week in &p.weeks {
        assert_eq!(
            week.items[0].table_source.as_deref(),
            Some("Petersen et al. 2011"),
            "week {}",
            week.week
        );
    }
}

/// What the guardrails say about each built-in template, in full. Each finding here is one a
/// clinician can be shown: the Nordic programme's prescribed build-up is notes naming its
/// source; the rises listed are the templates' own progressions above 10 % a week (a rep or a
/// set more on a small number, the runner's +1 kg every two weeks on 4.5 kg, the doubled runs of
/// the post-operative course), the heavy-slow-resistance ladder of the tendinopathy template is
/// a table without a source (so its step from 3 x 12 to 4 x 10 warns), and the new exercises
/// of a week show only in the acute:chronic ratio.
const TEMPLATE_FINDINGS: [(&str, &[&str]); 5] = [
    (
        "nordic_hamstring",
        &[
            "W no-hip-trunk",
            "N no-start-date",
            "N weekly-increase w2 nordic TutSecs",
            "N weekly-increase w2 nordic Reps",
            "N several-variables w2 nordic",
            "N weekly-increase w3 nordic TutSecs",
            "N two-week-increase w3 nordic TutSecs",
            "N weekly-increase w3 nordic Reps",
            "N two-week-increase w3 nordic Reps",
            "N several-variables w3 nordic",
            "N acwr-high w4 TutSecs",
            "N acwr-high w4 Reps",
            "N weekly-increase w4 nordic TutSecs",
            "N two-week-increase w4 nordic TutSecs",
            "N weekly-increase w4 nordic Reps",
            "N two-week-increase w4 nordic Reps",
            "N weekly-increase w5 nordic TutSecs",
            "N two-week-increase w5 nordic TutSecs",
            "N weekly-increase w5 nordic Reps",
            "N two-week-increase w5 nordic Reps",
        ],
    ),
    (
        // The three L-protocol exercises at their fixed doses; running adds 2 minutes a
        // week to 20 (at most 10 %). The template itself says to add hip and trunk work.
        "askling_l_protocol",
        // The L-protocol exercises are for the injured side: the physio says which one.
        &[
            "W no-hip-trunk",
            "N no-start-date",
            "N injured-side-unknown",
        ],
    ),
    (
        "proximal_hamstring_tendinopathy",
        &[
            // The HSR ladder's 3 x 12 -> 4 x 10 is the Beyer et al. 2015 table's (notes below);
            // the plan's time under tension also has the side plank's longer hold that week.
            "W plan-weekly-increase w7 TutSecs",
            // Stage 3 and 4: a rep more on 5-8, a set more on 2.
            "W weekly-increase w18 nordic TutSecs",
            "W weekly-increase w18 nordic Reps",
            "W plan-weekly-increase w19 Reps",
            "W weekly-increase w19 romanian_deadlift TutSecs",
            "W weekly-increase w19 romanian_deadlift Reps",
            "W weekly-increase w20 nordic TutSecs",
            "W weekly-increase w20 nordic Reps",
            "W plan-weekly-increase w21 Reps",
            "W acwr-high w21 Reps",
            "W weekly-increase w21 nordic TutSecs",
            "W two-week-increase w21 nordic TutSecs",
            "W weekly-increase w21 nordic Reps",
            "W two-week-increase w21 nordic Reps",
            "W weekly-increase w21 sl_deadlift_db TutSecs",
            "W weekly-increase w21 sl_deadlift_db Reps",
            "W plan-weekly-increase w22 Reps",
            "W weekly-increase w22 nordic TutSecs",
            "W two-week-increase w22 nordic TutSecs",
            "W weekly-increase w22 nordic Reps",
            "W two-week-increase w22 nordic Reps",
            "W weekly-increase w22 romanian_deadlift TutSecs",
            "W weekly-increase w22 romanian_deadlift Reps",
            "W weekly-increase w22 sl_deadlift_db TutSecs",
            "W two-week-increase w22 sl_deadlift_db TutSecs",
            "W weekly-increase w22 sl_deadlift_db Reps",
            "W two-week-increase w22 sl_deadlift_db Reps",
            "W plan-weekly-increase w24 Reps",
            "W weekly-increase w24 romanian_deadlift TutSecs",
            "W weekly-increase w24 romanian_deadlift Reps",
            "W weekly-increase w24 sl_deadlift_db TutSecs",
            "W two-week-increase w24 sl_deadlift_db TutSecs",
            "W weekly-increase w24 sl_deadlift_db Reps",
            "W two-week-increase w24 sl_deadlift_db Reps",
            // +10 % a week rounded to whole minutes: 24 -> 27 minutes.
            "W weekly-increase w24 run_walk_intervals SrpeAu",
            "N no-start-date",
            "N plan-weekly-increase w7 Reps",
            "N weekly-increase w7 leg_curl_machine TutSecs",
            "N weekly-increase w7 leg_curl_machine Reps",
            "N weekly-increase w7 hip_thrust TutSecs",
            "N weekly-increase w7 hip_thrust Reps",
        ],
    ),
    (
        "runners_glute",
        // Its own progression keeps within 10 % a week (reps, then 0.5 kg; the Nordic's
        // longer lever at the same reps).
        &["N no-start-date"],
    ),
    (
        "post_op_hamstring_syndrome",
        &[
            "W few-supervised-sessions",
            "W no-eccentric",
            // At the four-week mark the seated nerve glides (daily) and hip-flexor lifts start
            // together: many more reps a week than the four weeks before (a heuristic).
            "W acwr-high w5 Reps",
            // One jog in week 10, two in week 11, then 2 minutes longer.
            "W weekly-increase w11 run_walk_intervals SrpeAu",
            "W weekly-increase w12 run_walk_intervals SrpeAu",
            "W two-week-increase w12 run_walk_intervals SrpeAu",
            "N no-start-date",
        ],
    ),
];

#[test]
fn every_templates_findings_are_listed() {
    let expected = TEMPLATE_FINDINGS;
    assert_eq!(
        expected.len(),
        loadplan::templates::ids().count(),
        "every template is listed"
    );
    for (id, want) in expected {
        let got: Vec<String> = findings(&template(id)).iter().map(compact).collect();
        assert_eq!(got, want, "{id}:\n{got:#?}");
    }
}

#[test]
fn the_post_op_stretch_holds_no_longer_make_a_time_under_tension_rise() {
    // The four-week mark (week 5) adds gentle stretching (3 x 30 s holds a day, each side): no
    // time under tension.
    let plan = template("post_op_hamstring_syndrome");
    let p = project(&plan);
    let stretch = p.weeks[4]
        .items
        .iter()
        .find(|i| i.exercise_id == "hamstring_stretch_gentle")
        .expect("stretch in week 5");
    assert_eq!(stretch.metrics.tut_secs, 0.0);
    assert_findings(
        "post_op_hamstring_syndrome",
        &plan,
        &[],
        &[want("weekly-increase").metric(Metric::TutSecs)],
    );
}
