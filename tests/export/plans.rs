//! Plans for the export tests: the shipped sample and templates, a long plan with many
//! prescriptions (the handout's worst case), the sample with a log, and reading a PDF back:
//! its text, its font sizes and its drawing operations.
#![allow(dead_code)]

use chrono::NaiveDate;
use loadplan::engine::{self, Finding, Projection};
use loadplan::library;
use loadplan::model::*;

/// The shipped sample plan (16 weeks, dated).
pub fn sample() -> Plan {
    loadplan::templates::sample().expect("sample plan reads")
}

/// A built-in template, with a start date.
pub fn template(id: &str) -> Plan {
    let mut plan = loadplan::templates::load(id)
        .expect("template exists")
        .expect("template reads");
    plan.start_date = NaiveDate::from_ymd_opt(2026, 3, 2);
    plan
}

/// The plan, its projection and its findings.
pub fn resolved(plan: &Plan) -> (Projection, Vec<Finding>) {
    let projection = engine::project(plan);
    let findings = engine::check(plan, &projection);
    (projection, findings)
}

/// A 52-week plan with 20 prescriptions, six phases with long names, every schedule kind
/// (twice a day included), ladders, tables, deloads and long notes: the largest handout.
pub fn long_plan() -> Plan {
    let lib = library::builtin().expect("library");
    let ids = [
        "nordic_band_assisted",
        "sl_deadlift_supported",
        "side_plank_bench",
        "glute_bridge",
        "askling_extender",
        "bridge_hold_isometric",
        "leg_curl_isometric",
        "romanian_deadlift",
        "clams",
        "side_lying_hip_abduction",
        "split_squat",
        "walking_lunge",
        "sciatic_nerve_glide",
        "leg_swings",
        "dead_bug",
        "hip_flexor_strengthening",
        "slider_curl_eccentric",
        "calf_raise",
        "run_walk_intervals",
        "copenhagen_plank_short",
    ];
    let phases = long_phases();
    let prescriptions = ids
        .iter()
        .enumerate()
        .map(|(i, id)| long_prescription(i as u32, id))
        .collect();
    let mut plan = Plan {
        title: "Long plan: fifty-two weeks of progressive loading for proximal hamstring tendinopathy with a very long title".to_owned(),
        athlete: "Jordan Example-Longname".to_owned(),
        clinician: "Dr Casey Physio".to_owned(),
        condition: "Proximal hamstring tendinopathy, both sides".to_owned(),
        goal: "Return to competitive running.".to_owned(),
        start_date: NaiveDate::from_ymd_opt(2026, 1, 5),
        weeks: 52,
        citation: "Test citation: Author A, Author B. A long-plan protocol. J Test 2026;1:1-10.".to_owned(),
        disclaimer: "For testing only: not a clinical protocol.".to_owned(),
        phases,
        prescriptions,
        ..Plan::default()
    };
    let unknown = library::fill_missing(&mut plan, lib);
    assert!(unknown.is_empty(), "unknown ids {unknown:?}");
    plan
}

/// Six phases with long names over 52 weeks.
fn long_phases() -> Vec<Phase> {
    let phase_names = [
        "Settle the pain and activate the glutes and hamstrings gently",
        "Build basic strength",
        "Eccentric loading and single-leg control",
        "Strength",
        "Speed and return to running",
        "Return to sport",
    ];
    phase_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let first = i as u32 * 9 + 1;
            Phase {
                id: i as u32 + 1,
                name: (*name).to_owned(),
                weeks: WeekRange::new(first, if i == 5 { 52 } else { first + 8 }),
                goal: format!("Goal of phase {}: {}", i + 1, "progress the load gradually while pain stays at most 3/10 and settles by the next morning."),
                criteria: vec!["Pain at most 3/10 during and settled next morning".to_owned(), "All sessions of the last week done".to_owned()],
            }
        })
        .collect()
}

/// Prescription `i` of the long plan, of exercise `id`.
fn long_prescription(i: u32, id: &str) -> Prescription {
    let schedule = match i % 5 {
        0 => Schedule::PerWeek(3),
        1 => Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]),
        2 => Schedule::TimesPerDay(if i == 2 { 2 } else { 1 }),
        3 => Schedule::EveryNDays(2),
        _ => Schedule::PerWeek(2),
    };
    let dose = Dose {
        sets: 3,
        reps: Some(if i.is_multiple_of(3) {
            Reps::Range(6, 8)
        } else if i % 3 == 1 {
            Reps::PerSet(vec![12, 10, 8])
        } else {
            Reps::Fixed(10)
        }),
        hold_secs: i.is_multiple_of(4).then_some(5.0),
        load: if i.is_multiple_of(2) {
            Load::Kg(7.5)
        } else {
            Load::BodyWeight
        },
        tempo: Some(Tempo {
            eccentric_secs: 3.0,
            pause_secs: 1.0,
            concentric_secs: 2.0,
        }),
        rest_secs: Some(90),
        side: if i.is_multiple_of(3) {
            Side::Each
        } else {
            Side::Both
        },
        ..Dose::default()
    };
    let mut rules = vec![
        Rule::Add {
            target: Target::Load,
            amount: Amount::Percent(5.0),
            every_weeks: 1,
            cap: Some(40.0),
            round_to: Some(0.5),
            from_week: None,
            until_week: None,
        },
        Rule::Deload {
            every_weeks: Some(6),
            weeks: vec![],
            volume_pct: 40.0,
            load_pct: 10.0,
        },
    ];
    if i < 4 {
        rules.push(Rule::NextVariation {
            after_weeks: 10,
            reset_dose: false,
        });
    }
    Prescription {
        id: i + 1,
        exercise: id.to_owned(),
        weeks: WeekRange::new(1 + (i % 3) * 2, 52),
        schedule,
        supervised_per_week: u32::from(i % 4 == 1),
        dose,
        rules,
        notes: format!(
            "Notes for prescription {}: keep the movement slow and controlled; stop if pain goes above 5/10 or has not settled by the next morning.",
            i + 1
        ),
    }
}

/// The text of each page of a PDF (read back with lopdf), whitespace collapsed to single
/// spaces: each line of text becomes a word group of its own.
pub fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("PDF parses");
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    numbers
        .iter()
        .map(|n| {
            let text = doc.extract_text(&[*n]).expect("PDF text extracts");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The operators and operands of each page's content stream (read back with lopdf).
pub fn page_operations(bytes: &[u8]) -> Vec<Vec<lopdf::content::Operation>> {
    let doc = lopdf::Document::load_mem(bytes).expect("PDF parses");
    doc.get_pages()
        .values()
        .map(|id| {
            let content = doc.get_page_content(*id).expect("page content");
            lopdf::content::Content::decode(&content)
                .expect("content decodes")
                .operations
        })
        .collect()
}

/// Every font size the PDF sets text in (the `Tf` operator's size), in points.
pub fn font_sizes(bytes: &[u8]) -> Vec<f32> {
    page_operations(bytes)
        .iter()
        .flatten()
        .filter(|op| op.operator == "Tf")
        .filter_map(|op| op.operands.get(1).and_then(|o| o.as_float().ok()))
        .collect()
}

/// How many operations of `page` draw curves (`c`, `v`, `y`) and fill or stroke paths.
pub fn curves_and_paints(ops: &[lopdf::content::Operation]) -> (usize, usize) {
    let curves = ops
        .iter()
        .filter(|o| matches!(o.operator.as_str(), "c" | "v" | "y"))
        .count();
    let paints = ops
        .iter()
        .filter(|o| {
            matches!(
                o.operator.as_str(),
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*"
            )
        })
        .count();
    (curves, paints)
}

/// The sample plan with a log of its first weeks (pain reported, some exercises missed, a red
/// response the engine adjusts for), a decision on the first adjustment and two PROM scores.
pub fn logged_sample() -> Plan {
    let mut plan = sample();
    let projection = engine::project(&plan);
    for (n, s) in projection.sessions.iter().take(14).enumerate() {
        let date = s.date.expect("the sample is dated");
        let log = plan.session_log_mut(date, s.slot);
        log.supervised = s.supervised;
        for (i, item) in s.items.iter().enumerate() {
            let e = log.exercise_mut(item.prescription_id, &item.exercise_id);
            e.done = !(n == 3 && i == 1);
            e.pain_during = Some(if n == 6 { 7 } else { 2 + (n % 3) as u8 });
            e.pain_next_morning = Some(if n == 6 {
                NextMorning::Pain(5)
            } else {
                NextMorning::Settled
            });
        }
    }
    let adjustments = engine::adjustments(&plan, &engine::project(&plan));
    let first = adjustments
        .first()
        .expect("the log calls for an adjustment");
    plan.adjustments.push(AdjustmentDecision {
        prescription: first.prescription_id,
        date: first.date,
        slot: first.slot,
        decision: Decision::Accept,
        proposed: Some(first.proposed.clone()),
    });
    for (d, score) in [(5, 40.0), (26, 62.5)] {
        plan.proms.push(PromScore {
            date: NaiveDate::from_ymd_opt(2026, 1, d).expect("date"),
            measure: Prom::HagosPain,
            score,
        });
    }
    plan
}

/// The day the logged sample's report counts up to.
pub fn report_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 28).expect("date")
}
