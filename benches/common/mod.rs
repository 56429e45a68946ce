//! Plans shared by the benchmarks.

use loadplan::library;
use loadplan::model::*;

/// A 104-week plan with 40 prescriptions drawn from the built-in library, every rule kind.
/// With `table_rows`, each prescription also carries a 104-row per-week table and long notes
/// (a plan file of about 1 MB).
pub fn big_plan(table_rows: bool) -> Plan {
    let lib = library::builtin().expect("library");
    let mut plan = Plan {
        title: "Benchmark plan".into(),
        athlete: "Bench Mark".into(),
        weeks: 104,
        start_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5),
        ..Plan::default()
    };
    for (i, ex) in lib.exercises.iter().cycle().take(40).enumerate() {
        let i = i as u32;
        let mut rules = vec![
            Rule::Add {
                target: Target::Load,
                amount: Amount::Percent(2.5),
                every_weeks: 1,
                cap: Some(60.0),
                round_to: Some(0.5),
                from_week: None,
                until_week: None,
            },
            Rule::add(Target::Reps, Amount::Absolute(1.0)),
            Rule::Deload {
                every_weeks: Some(5),
                weeks: vec![],
                volume_pct: 40.0,
                load_pct: 10.0,
            },
            Rule::Hold {
                weeks: vec![20, 21, 50],
            },
            Rule::NextVariation {
                after_weeks: 8,
                reset_dose: true,
            },
        ];
        if table_rows {
            rules.push(Rule::Table {
                source: None,
                rows: (1..=104)
                    .map(|w| TableRow {
                        week: w,
                        sets: Some(3),
                        reps: Some(Reps::PerSet(vec![12, 10, 8])),
                        load_kg: Some(10.0 + f64::from(w) / 4.0),
                        ..TableRow::default()
                    })
                    .collect(),
            });
        }
        plan.prescriptions.push(Prescription {
            id: i + 1,
            exercise: ex.id.clone(),
            weeks: WeekRange::new(1 + i % 3, 104),
            schedule: match i % 4 {
                0 => Schedule::PerWeek(3),
                1 => Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]),
                2 => Schedule::EveryNDays(2),
                _ => Schedule::TimesPerDay(2),
            },
            supervised_per_week: 1,
            dose: Dose {
                sets: 3,
                reps: Some(Reps::Range(8, 10)),
                load: Load::Kg(10.0),
                rpe: Some(5.0),
                minutes: Some(5.0),
                ..Dose::default()
            },
            rules,
            notes: "Keep the pelvis level; stop before pain rises above 5/10. "
                .repeat(if table_rows { 200 } else { 20 }),
        });
    }
    library::fill_missing(&mut plan, lib);
    plan
}
