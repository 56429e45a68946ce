//! A plan in pounds works in pounds: loads, rule steps, caps and rounding stay whole pounds
//! (10 lb stays 10 lb), and every label, export and rule summary says lb.

use crate::common::*;
use loadplan::engine::project;
use loadplan::io::export::{csv_columns, csv_string, ics_string};
use loadplan::model::*;

const LB: LoadUnit = LoadUnit::Lb;

/// A 6-week plan in pounds: a single-leg deadlift from 10 lb, +5 lb a week up to 25 lb,
/// shown to the nearest 2.5 lb. Every weight is stored in kilograms, as the file keeps them.
fn plan_in_pounds() -> Plan {
    let mut plan = base_plan(6);
    plan.unit = LB;
    let rule = Rule::Add {
        target: Target::Load,
        amount: Amount::Absolute(LB.to_kg(5.0)),
        every_weeks: 1,
        cap: Some(LB.to_kg(25.0)),
        round_to: Some(LB.to_kg(2.5)),
        from_week: None,
        until_week: None,
    };
    plan.prescriptions = vec![rx(
        1,
        "sldl",
        1,
        6,
        dose(3, 10, Load::Kg(LB.to_kg(10.0))),
        vec![rule],
    )];
    plan
}

fn labels(plan: &Plan) -> Vec<String> {
    project(plan)
        .weeks
        .iter()
        .map(|w| w.items[0].dose.label(plan.unit))
        .collect()
}

#[test]
fn ten_pounds_stays_ten_pounds_and_climbs_in_whole_pounds() {
    let plan = plan_in_pounds();
    assert_eq!(
        labels(&plan),
        [
            "3 x 10 @ 10 lb",
            "3 x 10 @ 15 lb",
            "3 x 10 @ 20 lb",
            "3 x 10 @ 25 lb",
            "3 x 10 @ 25 lb",
            "3 x 10 @ 25 lb"
        ]
    );
    let rule = &plan.prescriptions[0].rules[0];
    assert_eq!(
        rule.summary(&plan.prescriptions[0].dose.load, LB),
        "+5 lb load every week, cap 25 lb, round to 2.5 lb"
    );
}

#[test]
fn the_same_plan_in_kilograms_rounds_in_kilograms() {
    let mut plan = plan_in_pounds();
    plan.unit = LoadUnit::Kg;
    // 10 lb is 4.54 kg: in a plan in kilograms the rule's 2.27 kg step and 1.13 kg rounding
    // show as kilograms, and nothing claims to be a whole pound.
    let shown = labels(&plan);
    assert!(shown.iter().all(|l| l.ends_with(" kg")), "{shown:?}");
    let rule = &plan.prescriptions[0].rules[0];
    assert_eq!(
        rule.summary(&plan.prescriptions[0].dose.load, LoadUnit::Kg),
        "+2.27 kg load every week, cap 11.34 kg, round to 1.13 kg"
    );
}

#[test]
fn exports_of_a_plan_in_pounds_say_pounds() {
    let plan = plan_in_pounds();
    let projection = project(&plan);
    let text = csv_string(&plan, &projection).expect("CSV");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, csv_columns(LB));
    let load = headers
        .iter()
        .position(|h| h == "load_lb")
        .expect("load_lb");
    assert!(headers.iter().any(|h| h == "actual_load_lb"));
    assert!(!headers.iter().any(|h| h.ends_with("_kg")));
    let loads: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[load].to_owned())
        .collect();
    assert_eq!(loads.first().map(String::as_str), Some("10"));
    assert_eq!(loads.last().map(String::as_str), Some("25"));

    let ics = ics_string(&plan, &projection).expect("calendar");
    assert!(ics.contains("10 lb"), "{ics}");
    assert!(!ics.contains(" kg"), "{ics}");
}

#[test]
fn a_plan_in_pounds_reads_back_in_pounds() {
    let plan = plan_in_pounds();
    let text = loadplan::io::plan_to_string(&plan).expect("RON");
    assert!(text.contains("unit: Lb"), "{text}");
    let back = loadplan::io::parse_plan(&text, std::path::Path::new("lb.ron")).expect("reads back");
    assert_eq!(back.unit, LB);
    assert_eq!(labels(&back), labels(&plan));
}
