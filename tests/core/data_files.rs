//! Every protocol template and example plan under `data/` loads, carries what it must (a title;
//! a citation for templates) and projects to its full length without a non-finite number. The
//! Nordic template is checked week by week against the published table (Mjolsnes 2004,
//! Petersen 2011), so a change to the data or to the engine that alters the protocol fails here.

use std::path::{Path, PathBuf};

use loadplan::engine::{Projection, SetDose, Severity, WeekPlan, check, project};
use loadplan::model::Plan;

fn data_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(sub)
}

/// Every `*.ron` file in `data/<sub>`, sorted by name.
fn ron_files(sub: &str) -> Vec<PathBuf> {
    let dir = data_dir(sub);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Plan {
    loadplan::io::load_plan(path)
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

fn set_is_finite(set: &SetDose) -> bool {
    [set.hold_secs, set.load_kg, set.minutes]
        .into_iter()
        .flatten()
        .all(f64::is_finite)
}

fn week_is_finite(week: &WeekPlan) -> bool {
    let t = &week.totals;
    let totals = [t.reps, t.volume_load_kg, t.tut_secs, t.srpe_au]
        .into_iter()
        .all(f64::is_finite);
    let items = week.items.iter().all(|item| {
        let m = &item.metrics;
        [m.reps, m.volume_load_kg, m.tut_secs, m.srpe_au]
            .into_iter()
            .all(f64::is_finite)
            && item.sets().iter().all(set_is_finite)
    });
    totals && items
}

/// Loads, checks and projects one file; returns the plan and its projection.
fn check_file(path: &Path) -> (Plan, Projection) {
    let plan = load(path);
    let name = path.display();
    assert!(!plan.title.trim().is_empty(), "{name}: empty title");
    assert!(!plan.prescriptions.is_empty(), "{name}: no prescriptions");
    let projection = project(&plan);
    assert_eq!(
        projection.weeks.len(),
        plan.length_weeks() as usize,
        "{name}: projection length"
    );
    for (i, week) in projection.weeks.iter().enumerate() {
        assert_eq!(week.week as usize, i + 1, "{name}: week numbering");
        assert!(
            week_is_finite(week),
            "{name}: non-finite number in week {}",
            week.week
        );
    }
    let t = &projection.totals;
    for v in [t.reps, t.volume_load_kg, t.tut_secs, t.srpe_au] {
        assert!(v.is_finite(), "{name}: non-finite plan total");
    }
    // Warnings may stay when they are clinically true (the pure Nordic protocol has no hip
    // work); errors mean the plan cannot be carried out as written.
    let errors: Vec<String> = check(&plan, &projection)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.code, f.message))
        .collect();
    assert!(errors.is_empty(), "{name}: guardrail errors: {errors:#?}");
    (plan, projection)
}

#[test]
fn every_template_loads_cites_its_source_and_projects() {
    let files = ron_files("templates");
    assert!(
        files.len() >= 5,
        "expected at least 5 templates, found {}",
        files.len()
    );
    for path in &files {
        let (plan, _) = check_file(path);
        assert!(
            !plan.citation.trim().is_empty(),
            "{}: a template needs a citation",
            path.display()
        );
        assert!(
            plan.start_date.is_none(),
            "{}: templates leave the start date out",
            path.display()
        );
    }
}

#[test]
fn every_example_loads_and_projects() {
    let files = ron_files("examples");
    assert!(!files.is_empty(), "expected at least 1 example plan");
    for path in &files {
        check_file(path);
    }
}

#[test]
fn sample_plan_is_a_full_dated_plan() {
    let path = data_dir("examples").join("sample_plan.ron");
    let (plan, projection) = check_file(&path);
    assert_eq!(plan.athlete, "Alex Morgan");
    assert_eq!(plan.length_weeks(), 16);
    assert!(plan.start_date.is_some());
    assert!(
        projection.supervised_sessions >= 12,
        "sample plan: supervised sessions"
    );
    assert!(
        projection.weeks.iter().any(|w| w.deload),
        "sample plan: a deload week"
    );
    assert!(
        projection.weeks.iter().all(|w| w.phase.is_some()),
        "sample plan: every week in a phase"
    );
}

/// One week of the published Nordic table: sessions, and (lowest, highest) reps of each set.
struct Row {
    sessions: u32,
    reps: &'static [(u32, u32)],
}

const SET_12_10_8: &[(u32, u32)] = &[(12, 12), (10, 10), (8, 8)];

fn nordic_table(week: u32) -> Row {
    match week {
        1 => Row {
            sessions: 1,
            reps: &[(5, 5), (5, 5)],
        },
        2 => Row {
            sessions: 2,
            reps: &[(6, 6), (6, 6)],
        },
        3 => Row {
            sessions: 3,
            reps: &[(6, 8), (6, 8), (6, 8)],
        },
        4 => Row {
            sessions: 3,
            reps: &[(8, 10), (8, 10), (8, 10)],
        },
        5..=10 => Row {
            sessions: 3,
            reps: SET_12_10_8,
        },
        _ => Row {
            sessions: 1,
            reps: SET_12_10_8,
        },
    }
}

/// (lowest, highest) reps of a set: a fixed number, or a range kept as a range.
fn reps_of(set: &SetDose, week: u32) -> (u32, u32) {
    match (set.reps, set.reps_min, set.reps_max) {
        (Some(n), None, None) => (n, n),
        (None, Some(lo), Some(hi)) => (lo, hi),
        other => panic!("week {week}: a set should have fixed reps or a range, got {other:?}"),
    }
}

#[test]
fn nordic_template_follows_the_published_table() {
    let path = data_dir("templates").join("nordic_hamstring.ron");
    let (plan, projection) = check_file(&path);
    assert!(
        plan.length_weeks() >= 12,
        "Nordic template: maintenance to week 12 at least"
    );
    let mut sessions_1_to_10 = 0;
    for week in &projection.weeks {
        let nordic: Vec<_> = week
            .items
            .iter()
            .filter(|i| i.exercise_id == "nordic")
            .collect();
        assert_eq!(nordic.len(), 1, "week {}: one Nordic item", week.week);
        let item = nordic[0];
        let row = nordic_table(week.week);
        assert_eq!(item.sessions, row.sessions, "week {}: sessions", week.week);
        assert_eq!(
            item.sets().len(),
            row.reps.len(),
            "week {}: sets",
            week.week
        );
        let reps: Vec<(u32, u32)> = item.sets().iter().map(|s| reps_of(s, week.week)).collect();
        assert_eq!(reps, row.reps, "week {}: reps per set", week.week);
        if week.week <= 10 {
            sessions_1_to_10 += item.sessions;
        }
    }
    assert_eq!(sessions_1_to_10, 27, "27 sessions in weeks 1-10");
    // The projection's own session list agrees with the per-week counts.
    let listed = projection
        .sessions
        .iter()
        .filter(|s| s.week <= 10 && s.items.iter().any(|i| &*i.exercise_id == "nordic"))
        .count();
    assert_eq!(listed, 27, "dated sessions in weeks 1-10");
}
