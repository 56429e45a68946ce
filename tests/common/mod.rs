//! Helpers shared by the integration tests: small exercises and plans built in code.
#![allow(dead_code)]

use loadplan::model::*;

/// An exercise with the given id, category, eccentric flag and regions.
pub fn exercise(id: &str, category: Category, eccentric: bool, regions: &[Region]) -> Exercise {
    Exercise {
        eccentric,
        regions: regions.to_vec(),
        dose_kind: if category == Category::Isometric {
            DoseKind::TimedHold
        } else {
            DoseKind::Reps
        },
        ..Exercise::new(id, format!("Exercise {id}"), category)
    }
}

/// A reps dose: sets x reps @ load.
pub fn dose(sets: u32, reps: u32, load: Load) -> Dose {
    Dose {
        sets,
        reps: Some(Reps::Fixed(reps)),
        load,
        ..Dose::default()
    }
}

/// A prescription of `exercise` over weeks `first..=last`, 3 per week.
pub fn rx(
    id: u32,
    exercise: &str,
    first: u32,
    last: u32,
    dose: Dose,
    rules: Vec<Rule>,
) -> Prescription {
    Prescription {
        id,
        exercise: exercise.to_owned(),
        weeks: WeekRange::new(first, last),
        schedule: Schedule::PerWeek(3),
        supervised_per_week: 0,
        dose,
        rules,
        notes: String::new(),
    }
}

/// A plan with a loaded eccentric hip exercise "sldl" and a body-weight trunk exercise "plank".
pub fn base_plan(weeks: u32) -> Plan {
    let mut sldl = exercise("sldl", Category::Strength, true, &[Region::Hip]);
    sldl.name = "Single-leg deadlift".to_owned();
    sldl.muscles = vec![
        "hamstrings".into(),
        "gluteus maximus".into(),
        "gluteus medius".into(),
    ];
    let mut plank = exercise("plank", Category::Isometric, false, &[Region::Trunk]);
    plank.name = "Side plank".to_owned();
    plank.muscles = vec!["obliques".into(), "gluteus medius".into()];
    Plan {
        title: "Test plan".to_owned(),
        weeks,
        start_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5),
        exercises: vec![sldl, plank],
        ..Plan::default()
    }
}

/// An adjustment's reason in words, loads in kg.
pub fn reason(a: &loadplan::engine::Adjustment) -> String {
    a.reason.words(LoadUnit::Kg, &Plan::default())
}

/// The names of the files in `dir`, sorted (none when the folder is not there).
pub fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| {
                    e.expect("folder entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
