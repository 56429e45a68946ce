//! A plan at every documented maximum at once (`loadplan::model::limits`): the longest plan,
//! the most prescriptions, each with the most rules, sets and reps a set, tables of a row a
//! week, deload and hold rules listing every week, the most phases, exercises and logged
//! sessions, and as many scheduled exercise sessions as a plan may have. Shared by the limit
//! tests (tests/files/limits.rs) and the benchmark (benches/limits.rs).
#![allow(dead_code)]

use chrono::NaiveDate;
use loadplan::library;
use loadplan::model::limits::*;
use loadplan::model::*;

/// Prescriptions scheduled twice a week; the rest are once a week. 180 x 2 + 20 x 1 sessions
/// a week for 520 weeks is 197,600 exercise sessions, just under the 200,000 allowed.
const TWICE_A_WEEK: usize = 180;

/// The plan at every maximum (see the module's doc).
pub fn max_plan() -> Plan {
    let lib = library::builtin().expect("library");
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let mut plan = Plan {
        title: "T".repeat(MAX_NAME_CHARS),
        athlete: "Max Imum".into(),
        weeks: MAX_WEEKS,
        start_date: Some(start),
        notes: "n".repeat(MAX_TEXT_CHARS),
        ..Plan::default()
    };
    plan.phases = (1..=MAX_WEEKS)
        .map(|w| Phase {
            id: w,
            name: format!("Week {w}"),
            weeks: WeekRange::new(w, w),
            goal: String::new(),
            criteria: vec![],
        })
        .collect();
    // The plan carries the most exercises: copies of the library's under their own ids.
    plan.exercises = lib
        .exercises
        .iter()
        .cycle()
        .take(MAX_EXERCISES)
        .enumerate()
        .map(|(i, ex)| Exercise {
            id: format!("{}_{i}", ex.id),
            ..ex.clone()
        })
        .collect();
    plan.prescriptions = (0..MAX_PRESCRIPTIONS)
        .map(|i| prescription(&plan, i))
        .collect();
    plan.log = log(&plan, start);
    plan
}

fn prescription(plan: &Plan, i: usize) -> Prescription {
    let exercise = plan.exercises[i % plan.exercises.len()].id.clone();
    let per_set = Reps::PerSet((0..MAX_SETS).map(|k| 8 + k % 5).collect());
    let every_week: Vec<u32> = (1..=MAX_WEEKS).collect();
    let mut rules = if i.is_multiple_of(2) {
        // A protocol table of a row a week, then rules the table leaves nothing to do.
        vec![Rule::Table {
            source: Some("Max et al. 2026".into()),
            rows: (1..=MAX_WEEKS)
                .map(|w| TableRow {
                    week: w,
                    sets: Some(MAX_SETS - w % 3),
                    reps: Some(Reps::Fixed(8 + w % 5)),
                    load_kg: Some(10.0 + f64::from(w % 40) / 4.0),
                    ..TableRow::default()
                })
                .collect(),
        }]
    } else {
        vec![
            Rule::Deload {
                every_weeks: Some(4),
                weeks: every_week.iter().copied().filter(|w| w % 7 == 0).collect(),
                volume_pct: 40.0,
                load_pct: 10.0,
            },
            Rule::Hold {
                weeks: every_week.iter().copied().filter(|w| w % 9 == 0).collect(),
            },
        ]
    };
    // Each list at its maximum: a hold rule listing every week (the same weeks again).
    rules.push(Rule::Hold { weeks: every_week });
    while rules.len() < MAX_RULES {
        rules.push(Rule::Add {
            target: Target::Load,
            amount: Amount::Percent(1.0),
            every_weeks: 1 + rules.len() as u32,
            cap: Some(200.0),
            round_to: Some(0.5),
            from_week: None,
            until_week: None,
        });
    }
    Prescription {
        id: i as u32 + 1,
        exercise,
        weeks: WeekRange::new(1, MAX_WEEKS),
        schedule: Schedule::PerWeek(if i < TWICE_A_WEEK { 2 } else { 1 }),
        supervised_per_week: 1,
        dose: Dose {
            sets: MAX_SETS,
            reps: Some(per_set),
            load: Load::Kg(10.0),
            ..Dose::default()
        },
        rules,
        notes: String::new(),
    }
}

/// The most logged sessions: every day from the start, six sessions a day (the most a day
/// has), each with four exercises.
fn log(plan: &Plan, start: NaiveDate) -> Vec<SessionLog> {
    (0..MAX_LOG_ENTRIES)
        .map(|n| {
            let date = start + chrono::Days::new((n / 6) as u64);
            let mut session = SessionLog::new(date, (n % 6) as u32);
            for k in 0..4 {
                let rx = &plan.prescriptions[(n * 4 + k) % plan.prescriptions.len()];
                let e = session.exercise_mut(rx.id, &rx.exercise);
                e.done = true;
                e.sets = Some(3);
                e.pain_during = Some((n % 8) as u8);
            }
            session.rpe = Some(5.0);
            session
        })
        .collect()
}
