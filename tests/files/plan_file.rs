//! Plan files: save and load round trips, the backup, hand-written files, and the error
//! messages a physio sees for broken files (with the right line and column).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loadplan::io::{PlanFileError, load_plan, parse_plan, plan_to_string, save_plan};
use loadplan::model::{
    AdjustmentDecision, Amount, Category, Decision, Dose, Exercise, FORMAT_VERSION, Load,
    NextMorning, Phase, Plan, Prescription, Prom, PromScore, Region, Reps, Rule, Schedule, Side,
    TableRow, Target, Tempo, WeekRange, Weekday,
};
use proptest::prelude::*;

fn exercise(id: &str, name: &str, load: Load) -> Exercise {
    Exercise {
        id: id.to_owned(),
        name: name.to_owned(),
        aliases: vec![format!("{name} (alias)")],
        category: Category::Strength,
        eccentric: true,
        regions: vec![Region::Thigh, Region::Hip],
        muscles: vec!["biceps femoris".to_owned(), "semitendinosus".to_owned()],
        equipment: Vec::new(),
        laterality: Default::default(),
        dose_kind: Default::default(),
        default_dose: Dose {
            sets: 2,
            reps: Some(Reps::Fixed(6)),
            load,
            ..Dose::default()
        },
        tempo: None,
        cues: vec!["Keep the hips \"extended\"".to_owned()],
        easier: Vec::new(),
        harder: Vec::new(),
        cautions: Vec::new(),
        illustration: None,
        drawn_as: None,
        photos: Vec::new(),
        source: Some("test".to_owned()),
    }
}

/// A plan using every kind of value the file format has.
fn sample_plan() -> Plan {
    let mut plan = Plan {
        title: "Left hamstring, return to running".to_owned(),
        athlete: "A. Runner".to_owned(),
        clinician: "P. Physio".to_owned(),
        condition: "Proximal hamstring tendinopathy".to_owned(),
        goal: "Run 10 km without pain".to_owned(),
        start_date: NaiveDate::from_ymd_opt(2026, 1, 5),
        weeks: 12,
        notes: "Pain up to 3/10 is acceptable.\nStop if it lingers.".to_owned(),
        phases: vec![
            Phase {
                id: 0,
                name: "Isometrics".to_owned(),
                weeks: WeekRange::new(1, 4),
                goal: "Settle pain".to_owned(),
                criteria: vec!["Pain at most 3/10 the next morning".to_owned()],
            },
            Phase {
                id: 0,
                name: "Strength".to_owned(),
                weeks: WeekRange::new(5, 12),
                goal: String::new(),
                criteria: Vec::new(),
            },
        ],
        exercises: vec![
            exercise("nordic", "Nordic curl", Load::BodyWeight),
            exercise("sl_deadlift_db", "Single-leg deadlift", Load::Kg(4.5)),
            exercise("glute_bridge", "Glute bridge", Load::Band(2)),
            exercise("split_squat", "Split squat", Load::PercentOneRm(60.0)),
            exercise("clams", "Clams", Load::Rir(2)),
            exercise("side_plank", "Side plank", Load::None),
        ],
        prescriptions: vec![
            nordic_prescription(),
            deadlift_prescription(),
            bridge_prescription(),
        ],
        ..Plan::default()
    };
    plan.assign_ids();
    plan
}

/// Nordics with a per-week table and a move up the ladder.
fn nordic_prescription() -> Prescription {
    Prescription {
        id: 0,
        exercise: "nordic".to_owned(),
        weeks: WeekRange::new(1, 12),
        schedule: Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]),
        supervised_per_week: 1,
        dose: Dose {
            sets: 2,
            reps: Some(Reps::Range(6, 8)),
            load: Load::BodyWeight,
            tempo: Some(Tempo {
                eccentric_secs: 3.0,
                pause_secs: 0.0,
                concentric_secs: 1.5,
            }),
            rest_secs: Some(120),
            rom: Some("to just before pain".to_owned()),
            ..Dose::default()
        },
        rules: vec![
            Rule::Table {
                source: None,
                rows: vec![
                    TableRow {
                        week: 1,
                        sessions: Some(1),
                        sets: Some(2),
                        reps: Some(Reps::Fixed(5)),
                        ..TableRow::default()
                    },
                    TableRow {
                        week: 3,
                        sessions: Some(2),
                        reps: Some(Reps::Range(6, 8)),
                        hold_secs: Some(2.5),
                        load_kg: Some(0.0),
                        rm: None,
                        minutes: None,
                        sets: None,
                    },
                ],
            },
            Rule::NextVariation {
                after_weeks: 4,
                reset_dose: true,
            },
        ],
        notes: "Partner holds the ankles".to_owned(),
    }
}

/// Single-leg deadlifts with percent progression, deloads and a hold.
fn deadlift_prescription() -> Prescription {
    Prescription {
        id: 0,
        exercise: "sl_deadlift_db".to_owned(),
        weeks: WeekRange::new(5, 12),
        schedule: Schedule::PerWeek(3),
        supervised_per_week: 0,
        dose: Dose {
            sets: 3,
            reps: Some(Reps::PerSet(vec![12, 10, 8])),
            load: Load::Kg(4.5),
            side: Side::Each,
            ..Dose::default()
        },
        rules: vec![
            Rule::Add {
                target: Target::Load,
                amount: Amount::Percent(5.0),
                every_weeks: 1,
                cap: Some(20.0),
                round_to: Some(1.0),
                from_week: Some(6),
                until_week: Some(11),
            },
            Rule::Deload {
                every_weeks: Some(4),
                weeks: vec![10],
                volume_pct: 40.0,
                load_pct: 10.0,
            },
            Rule::Hold { weeks: vec![7, 8] },
        ],
        notes: String::new(),
    }
}

/// Timed bridge holds every other day.
fn bridge_prescription() -> Prescription {
    Prescription {
        id: 0,
        exercise: "glute_bridge".to_owned(),
        weeks: WeekRange::new(1, 6),
        schedule: Schedule::EveryNDays(2),
        supervised_per_week: 0,
        dose: Dose {
            sets: 3,
            hold_secs: Some(30.0),
            load: Load::Rpe(6.5),
            rpe: Some(5.0),
            ..Dose::default()
        },
        rules: vec![Rule::add(Target::Hold, Amount::Absolute(5.0))],
        notes: String::new(),
    }
}

fn error_of(text: &str, path: &Path) -> PlanFileError {
    match parse_plan(text, path) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

/// The last lines of `text`, for failure messages.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

#[test]
fn save_then_load_gives_back_an_equal_plan() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("plan.ron");
    let plan = sample_plan();
    save_plan(&plan, &path).expect("plan saves");
    let loaded = load_plan(&path).expect("plan loads");
    assert_eq!(loaded, plan);
}

#[test]
fn saved_text_is_readable_ron() {
    let text = plan_to_string(&sample_plan()).expect("plan serialises");
    assert!(text.starts_with("#![enable(implicit_some)]\n"), "{text}");
    assert!(text.contains("    format_version: 1,\n"), "{text}");
    // Optional values are written bare, short groups on one line, floats with a point.
    assert!(text.contains("    start_date: \"2026-01-05\",\n"), "{text}");
    assert!(text.contains("weeks: (first: 1, last: 12),"), "{text}");
    assert!(text.contains("reps: PerSet([12, 10, 8]),"), "{text}");
    assert!(text.contains("schedule: Weekdays([Mon, Thu]),"), "{text}");
    assert!(text.contains("load: Kg(4.5),"), "{text}");
    assert!(text.contains("hold_secs: 30.0,"), "{text}");
    assert!(!text.contains("Some("), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
    // Plain ron (no extension given) reads it too, thanks to the attribute.
    let plain: Plan = ron::from_str(&text).expect("plain ron reads the saved text");
    // The file holds the lowest version that can read it (1: no log); loading makes it the
    // newest in memory.
    assert_eq!(plain.format_version, 1);
    assert_eq!(
        Plan {
            format_version: sample_plan().format_version,
            ..plain
        },
        sample_plan()
    );
}

#[test]
fn saving_over_a_file_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("plan.ron");
    let mut plan = sample_plan();
    save_plan(&plan, &path).expect("plan saves");
    let first = fs::read(&path).expect("file reads");
    assert!(!dir.path().join("plan.ron.bak").exists());

    plan.title = "Second version".to_owned();
    save_plan(&plan, &path).expect("plan saves");
    assert_eq!(
        fs::read(dir.path().join("plan.ron.bak")).expect("file reads"),
        first
    );
    assert_eq!(
        load_plan(&path).expect("plan loads").title,
        "Second version"
    );

    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("folder lists")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    // The lock file stays: empty, hidden and harmless.
    assert_eq!(names, [".plan.ron.lock", "plan.ron", "plan.ron.bak"]);
}

#[test]
fn short_hand_written_plan_gets_its_exercise_from_the_library() {
    let text = r#"#![enable(implicit_some)]
(
    title: "Nordics only",
    prescriptions: [
        (
            exercise: "nordic",
            weeks: (first: 1, last: 6),
            dose: (sets: 2, reps: Range(4, 6)),
        ),
    ],
)
"#;
    let plan = parse_plan(text, Path::new("short.ron")).expect("plan parses");
    assert_eq!(plan.title, "Nordics only");
    assert_eq!(plan.format_version, loadplan::model::FORMAT_VERSION);
    assert_eq!(plan.prescriptions.len(), 1);
    assert_eq!(plan.prescriptions[0].id, 1);
    assert_eq!(plan.prescriptions[0].dose.reps, Some(Reps::Range(4, 6)));
    let copied = plan
        .exercise("nordic")
        .expect("nordic copied from the library");
    assert!(!copied.name.is_empty());
    assert_eq!(plan.exercises.len(), 1);
}

#[test]
fn wrong_type_points_at_the_value() {
    let text = r#"#![enable(implicit_some)]
(
    title: "Typo",
    prescriptions: [
        (
            exercise: "nordic",
            weeks: (first: 1, last: 6),
            dose: (
                sets: "three",
                reps: Fixed(5),
            ),
        ),
    ],
)
"#;
    let err = error_of(text, Path::new("plan.ron"));
    assert!(matches!(err, PlanFileError::Parse { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        r#"plan.ron:9:23: expected a whole number for `sets`, found "three""#
    );
}

#[test]
fn common_mistakes_read_clearly() {
    let base = |dose: &str| {
        format!(
            "(\n    prescriptions: [\n        (\n            exercise: \"nordic\",\n            \
             weeks: (first: 1, last: 6),\n            {dose}\n        ),\n    ],\n)\n"
        )
    };
    let cases = [
        (
            base("dose: (reps: 10),"),
            "p.ron:6:26: expected a name for `reps`, found 10; write `Fixed(10)`, `Range(6, 8)` \
             or `PerSet([12, 10, 8])`",
        ),
        (
            base("schedule: PerWek(3),"),
            "p.ron:6:23: unknown schedule `PerWek` for `schedule` (did you mean `PerWeek`?); use \
             one of `PerWeek`, `Weekdays`, `TimesPerDay` or `EveryNDays`",
        ),
        (
            base("dose: (sets: 3.5),"),
            "p.ron:6:26: expected a whole number for `sets`, found 3.5",
        ),
        (
            base("dose: (sets: 3 reps: Fixed(5)),"),
            "p.ron:6:28: a comma is missing before `reps`; separate entries with `,`",
        ),
        (
            base("dose: (side: each),"),
            "p.ron:6:26: unknown side `each` for `side` (did you mean `Each`?); use one of \
             `Both`, `Each`, `Left`, `Right`, `Affected` or `Unaffected`",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            error_of(&text, Path::new("p.ron")).to_string(),
            expected,
            "{text}"
        );
    }
    let text = "(\n    title: \"x\",\n    start_date: \"2026-13-01\",\n)\n";
    assert_eq!(
        error_of(text, Path::new("p.ron")).to_string(),
        "p.ron:3:17: invalid value for `start_date`: input is out of range; write the date as \
         \"2026-01-05\" (year-month-day)"
    );
    let text = "(\n    prescriptions: [\n        (exercise: \"nordic\"),\n    ],\n)\n";
    assert_eq!(
        error_of(text, Path::new("p.ron")).to_string(),
        "p.ron:3:28: missing field `weeks` in prescription; add `weeks: ...` before the closing `)`"
    );
}

#[test]
fn truncated_file_reports_where_it_stops() {
    let full = plan_to_string(&sample_plan()).expect("plan serialises");
    let mut cuts: Vec<usize> = (1..full.trim_end().len()).step_by(5).collect();
    cuts.push(full.len() / 2);
    for cut in cuts {
        let mut cut = cut;
        while !full.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &full[..cut];
        if text.trim().is_empty() || text.trim() == "#![enable(implicit_some)]" {
            continue;
        }
        let err = error_of(text, Path::new("cut.ron"));
        let last_line = text.trim_end().lines().count();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("cut.ron:{last_line}:")),
            "cut at {cut}: {message}\n---\n{}",
            tail(text)
        );
        assert!(matches!(err, PlanFileError::Parse { .. }), "{err:?}");
    }
}

#[test]
fn truncated_half_file_says_it_ends_too_early() {
    let full = plan_to_string(&sample_plan()).expect("plan serialises");
    let half = &full[..full[..full.len() / 2]
        .rfind('\n')
        .expect("a line break in the first half")
        + 1];
    let message = error_of(half, Path::new("cut.ron")).to_string();
    let last_line = half.trim_end().lines().count();
    assert!(
        message.starts_with(&format!("cut.ron:{last_line}:")),
        "{message}"
    );
    assert!(message.contains("ends too early"), "{message}");
}

#[test]
fn reversed_weeks_point_at_the_prescription() {
    let text = r#"#![enable(implicit_some)]
(
    title: "Reversed",
    prescriptions: [
        (
            exercise: "nordic",
            weeks: (first: 1, last: 6),
            dose: (sets: 2, reps: Fixed(5)),
        ),
        ( // a comment with a ( bracket
            exercise: "glute_bridge",
            notes: "nested (brackets [ and \" quotes",
            dose: (sets: 2, reps: PerSet([5, 4]), tempo: (eccentric_secs: 3.0, concentric_secs: 1.0)),
            weeks: (first: 5, last: 2),
        ),
    ],
)
"#;
    let err = error_of(text, Path::new("plan.ron"));
    assert!(matches!(err, PlanFileError::Invalid { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "plan.ron:10:9: prescription 2 (glute_bridge): last week 2 comes before first week 5"
    );
    assert_eq!(err.position().map(|p| p.line), Some(10));
}

#[test]
fn unknown_exercise_is_named() {
    let text = "(\n    prescriptions: [\n        (\n            exercise: \"nordik\",\n            weeks: (first: 1, last: 4),\n        ),\n    ],\n)\n";
    let err = error_of(text, Path::new("plan.ron"));
    let PlanFileError::UnknownExercises { ids, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(ids, &["nordik"]);
    let message = err.to_string();
    assert!(
        message.starts_with("plan.ron:4:23: unknown exercise \"nordik\""),
        "{message}"
    );
}

#[test]
fn newer_format_is_refused() {
    let text = "#![enable(implicit_some)]\n(\n    format_version: 99,\n    title: \"From the future\",\n    new_thing: Whatever(1, 2),\n)\n";
    let err = error_of(text, Path::new("new.ron"));
    let message = err.to_string();
    assert!(message.starts_with("new.ron:3:21: "), "{message}");
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn loading_never_changes_the_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let good = dir.path().join("good.ron");
    save_plan(&sample_plan(), &good).expect("plan saves");
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(\n    title: 3,\n)\n").expect("file writes");
    for path in [&good, &bad] {
        let before = fs::read(path).expect("file reads");
        let mtime = fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("modification time");
        let _ = load_plan(path);
        assert_eq!(fs::read(path).expect("file reads"), before);
        assert_eq!(
            fs::metadata(path)
                .and_then(|m| m.modified())
                .expect("modification time"),
            mtime
        );
    }
    // The two plans and the lock file the save of the good one left.
    assert_eq!(fs::read_dir(dir.path()).expect("folder lists").count(), 3);
}

#[test]
fn missing_file_says_so() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("nothing.ron");
    let err = load_plan(&path).expect_err("loading must fail");
    assert!(matches!(err, PlanFileError::Read { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: cannot open the plan: the file does not exist; check its name and folder",
            path.display()
        )
    );
}

#[test]
fn saving_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder: PathBuf = dir.path().join("no_such_folder");
    let path = folder.join("plan.ron");
    let err = save_plan(&sample_plan(), &path).expect_err("saving must fail");
    assert!(matches!(err, PlanFileError::Write { .. }), "{err:?}");
    assert!(
        err.to_string().contains("the folder does not exist"),
        "{err}"
    );
    assert!(!folder.exists());
    assert_eq!(fs::read_dir(dir.path()).expect("folder lists").count(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_survives_save_and_load(
        title in any::<String>(),
        notes in "[\"\\\\\n\r\t a-zé漢😀/*#(){}\\[\\],:'r]{0,60}",
        rx_notes in "[\"\\\\\n /*(\\]]{0,20}",
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        let mut plan = sample_plan();
        plan.title = title;
        plan.notes = notes;
        plan.prescriptions[1].notes = rx_notes;
        save_plan(&plan, &path).expect("plan saves");
        prop_assert_eq!(load_plan(&path).expect("plan loads"), plan);
    }
}

#[test]
fn shipped_plans_survive_a_save_and_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut seen = 0;
    for folder in ["examples", "templates"] {
        for entry in fs::read_dir(root.join(folder)).expect("data folder lists") {
            let path = entry.expect("folder entry").path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let plan = load_plan(&path).expect("shipped plan loads");
            let text = plan_to_string(&plan).expect("plan serialises");
            let again = parse_plan(&text, &path).expect("saved text parses");
            assert_eq!(again, plan, "{}", path.display());
            assert_eq!(plan_to_string(&again).expect("plan serialises"), text);
            seen += 1;
        }
    }
    assert!(seen > 0, "no plan files found under {}", root.display());
}

/// `sample_plan` with a log (two sessions, one twice-a-day slot, every kind of value), PROM
/// scores and adjustment decisions of each kind.
fn logged_plan() -> Plan {
    let mut plan = sample_plan();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).expect("valid date");
    let nordic = plan.prescriptions[0].id;
    let bridge = plan.prescriptions[2].id;
    let monday = plan.session_log_mut(day(5), 0);
    monday.rpe = Some(6.5);
    monday.minutes = Some(40.0);
    monday.supervised = true;
    monday.note = "Felt \"tight\" at the start,\nfine after the warm-up".to_owned();
    let entry = monday.exercise_mut(nordic, "nordic");
    entry.done = true;
    entry.sets = Some(2);
    entry.reps = Some(5);
    entry.pain_during = Some(6);
    entry.pain_next_morning = Some(NextMorning::Pain(4));
    let entry = monday.exercise_mut(bridge, "glute_bridge");
    entry.done = true;
    entry.hold_secs = Some(27.5);
    entry.load_kg = Some(0.0);
    entry.pain_during = Some(0);
    entry.pain_next_morning = Some(NextMorning::Settled);
    // A second session the same day, the bridge not done.
    plan.session_log_mut(day(5), 1)
        .exercise_mut(bridge, "glute_bridge")
        .done = false;
    plan.proms = vec![
        PromScore {
            date: day(5),
            measure: Prom::HagosPain,
            score: 45.0,
        },
        PromScore {
            date: day(5),
            measure: Prom::VisaH,
            score: 52.5,
        },
    ];
    plan.adjustments = vec![
        AdjustmentDecision {
            prescription: nordic,
            date: day(8),
            slot: 0,
            decision: Decision::Change(Dose {
                sets: 2,
                reps: Some(Reps::Range(3, 4)),
                load: Load::BodyWeight,
                ..Dose::default()
            }),
            proposed: Some(Dose {
                sets: 2,
                ..Dose::default()
            }),
        },
        AdjustmentDecision {
            prescription: bridge,
            date: day(7),
            slot: 1,
            decision: Decision::Accept,
            proposed: None,
        },
        AdjustmentDecision {
            prescription: bridge,
            date: day(9),
            slot: 0,
            decision: Decision::Dismiss,
            proposed: None,
        },
    ];
    plan
}

#[test]
fn a_plan_with_a_log_round_trips() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("plan.ron");
    let plan = logged_plan();
    save_plan(&plan, &path).expect("plan saves");
    let text = fs::read_to_string(&path).expect("file reads");
    assert!(text.contains("    format_version: 2,\n"), "{text}");
    assert!(text.contains("pain_next_morning: Pain(4),"), "{text}");
    assert!(text.contains("pain_next_morning: Settled,"), "{text}");
    assert!(text.contains("decision: Dismiss,"), "{text}");
    assert!(text.contains("measure: VisaH,"), "{text}");
    assert!(!text.contains("Some("), "{text}");
    let loaded = load_plan(&path).expect("plan loads");
    assert_eq!(loaded, plan);
    assert_eq!(loaded.log.len(), 2);
    assert_eq!(loaded.log[0].exercises[0].pain_during, Some(6));
    // Saving what was loaded gives the same text again.
    assert_eq!(plan_to_string(&loaded).expect("plan serialises"), text);
    // Plain ron reads it too.
    let plain: Plan = ron::from_str(&text).expect("plain ron reads the saved text");
    assert_eq!(plain.log, plan.log);
}

#[test]
fn a_plan_without_a_log_is_still_written_as_version_1() {
    assert_eq!(FORMAT_VERSION, 4);
    let version = |plan: &Plan| {
        let text = plan_to_string(plan).expect("plan serialises");
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("format_version:"))
            .expect("a format_version line")
            .to_owned();
        (line.trim().to_owned(), text)
    };
    let mut plan = logged_plan();
    assert_eq!(version(&plan).0, "format_version: 2,");
    // Each of log, PROM scores and decisions alone needs version 2.
    let (log, proms, decisions) = (
        plan.log.clone(),
        plan.proms.clone(),
        plan.adjustments.clone(),
    );
    plan.proms.clear();
    plan.adjustments.clear();
    assert_eq!(version(&plan).0, "format_version: 2,");
    plan.log.clear();
    plan.proms = proms;
    assert_eq!(version(&plan).0, "format_version: 2,");
    plan.proms.clear();
    plan.adjustments = decisions;
    assert_eq!(version(&plan).0, "format_version: 2,");
    // Without any of them: version 1, and no trace of the new fields.
    plan.adjustments.clear();
    let (line, text) = version(&plan);
    assert_eq!(line, "format_version: 1,", "{text}");
    for field in ["log:", "proms:", "adjustments:"] {
        assert!(!text.contains(field), "{field} in\n{text}");
    }
    // Whatever the version in memory (a new plan says 3).
    assert_eq!(Plan::default().format_version, FORMAT_VERSION);
    assert_eq!(version(&Plan::default()).0, "format_version: 1,");
    // The log emptied again: back to version 1.
    plan.log = log;
    assert_eq!(version(&plan).0, "format_version: 2,");
    plan.log.clear();
    assert_eq!(version(&plan).0, "format_version: 1,");
}

/// A plan file as loadplan wrote it before the log existed (format version 1).
const VERSION_1_FILE: &str = r#"#![enable(implicit_some)]
(
    format_version: 1,
    title: "Hamstring, before the log",
    athlete: "A. Runner",
    clinician: "",
    condition: "",
    goal: "",
    start_date: "2026-01-05",
    weeks: 12,
    thresholds: (
        weekly_increase_pct: 10.0,
        two_week_increase_pct: 30.0,
        acwr_high: 1.5,
        min_weeks: 12,
        min_supervised_sessions: 12,
    ),
    phases: [
        (
            id: 1,
            name: "Strength",
            weeks: (first: 1, last: 12),
        ),
    ],
    exercises: [],
    prescriptions: [
        (
            id: 1,
            exercise: "nordic",
            weeks: (first: 1, last: 12),
            schedule: Weekdays([Mon, Thu]),
            supervised_per_week: 1,
            dose: (sets: 2, reps: Range(6, 8), load: BodyWeight, side: Both),
        ),
    ],
)
"#;

#[test]
fn a_version_1_file_from_before_the_log_still_opens() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("old.ron");
    fs::write(&path, VERSION_1_FILE).expect("file writes");
    let plan = load_plan(&path).expect("a version 1 plan loads");
    // Read as the newest format in memory (it is saved back as version 1 while it has no log).
    assert_eq!(plan.format_version, loadplan::model::FORMAT_VERSION);
    assert_eq!(plan.title, "Hamstring, before the log");
    assert!(plan.log.is_empty() && plan.proms.is_empty() && plan.adjustments.is_empty());
    assert_eq!(plan.prescriptions.len(), 1);
    // Saved again without a log: still version 1, so the older program opens it.
    save_plan(&plan, &path).expect("plan saves");
    let text = fs::read_to_string(&path).expect("file reads");
    assert!(text.contains("    format_version: 1,\n"), "{text}");
    // Logging a session makes it version 2, and it loads again with the log.
    let mut plan = load_plan(&path).expect("plan loads");
    let day = NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid date");
    let entry = plan.session_log_mut(day, 0).exercise_mut(1, "nordic");
    entry.done = true;
    entry.pain_during = Some(3);
    save_plan(&plan, &path).expect("plan saves");
    let text = fs::read_to_string(&path).expect("file reads");
    assert!(text.contains("    format_version: 2,\n"), "{text}");
    let again = load_plan(&path).expect("plan loads");
    assert_eq!(again.log, plan.log);
    assert_eq!(
        again.prescriptions, plan.prescriptions,
        "the prescription is untouched"
    );
}

#[test]
fn a_hand_written_log_reads_and_a_mistake_in_it_is_pointed_at() {
    let log = r#"    log: [
        (
            date: "2026-01-05",
            exercises: [
                (prescription: 1, exercise: "nordic", done: true, pain_during: 4,
                 pain_next_morning: Settled),
            ],
            rpe: 5.0,
        ),
    ],
    adjustments: [
        (prescription: 1, date: "2026-01-08", decision: Change((sets: 2, reps: Fixed(5)))),
    ],
)
"#;
    let text = VERSION_1_FILE
        .replace("format_version: 1", "format_version: 2")
        .trim_end()
        .trim_end_matches(')')
        .to_owned()
        + log;
    let plan = parse_plan(&text, Path::new("log.ron")).expect("hand-written log parses");
    assert_eq!(plan.log.len(), 1);
    assert_eq!(plan.log[0].slot, 0);
    assert_eq!(
        plan.log[0].exercises[0].pain_next_morning,
        Some(NextMorning::Settled)
    );
    assert!(matches!(
        plan.adjustments[0].decision,
        Decision::Change(Dose { sets: 2, .. })
    ));
    // A misspelt field in a log entry names the line it is on.
    let bad = text.replace("pain_during: 4", "pain_durng: 4");
    let line = bad
        .lines()
        .position(|l| l.contains("pain_durng"))
        .expect("the line")
        + 1;
    let message = error_of(&bad, Path::new("log.ron")).to_string();
    assert!(
        message.starts_with(&format!("log.ron:{line}:")),
        "{message}"
    );
    assert!(message.contains("pain_durng"), "{message}");
}

#[test]
fn versions_3_and_4_only_for_what_they_added() {
    use loadplan::model::{Limb, LoadStep, PainLimits, Side};
    let version = |plan: &Plan| {
        let text = plan_to_string(plan).expect("plan serialises");
        let v = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("format_version: "))
            .expect("a format_version line")
            .trim_end_matches(',')
            .to_owned();
        (v, text)
    };
    let base = logged_plan();
    let mut plan = base.clone();
    plan.log.clear();
    plan.proms.clear();
    plan.adjustments.clear();
    assert_eq!(version(&plan).0, "1");
    type Change = Box<dyn Fn(&mut Plan)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "injured side",
            Box::new(|p: &mut Plan| p.injured_side = Some(Limb::Left)),
        ),
        (
            "pain limits",
            Box::new(|p: &mut Plan| {
                p.pain_limits = PainLimits {
                    safe_max: 2,
                    acceptable_max: 3,
                }
            }),
        ),
        (
            "load steps",
            Box::new(|p: &mut Plan| {
                p.load_steps.push(LoadStep {
                    equipment: "dumbbell".to_owned(),
                    step_kg: 0.5,
                })
            }),
        ),
        (
            "a repetition maximum",
            Box::new(|p: &mut Plan| p.prescriptions[0].dose.load = Load::Rm(15)),
        ),
        (
            "a dose for the injured side",
            Box::new(|p: &mut Plan| p.prescriptions[0].dose.side = Side::Affected),
        ),
    ];
    for (what, change) in cases {
        let mut p = plan.clone();
        change(&mut p);
        let (v, text) = version(&p);
        assert_eq!(v, "3", "{what} needs version 3:\n{text}");
        // It reads back as written.
        let path = std::env::temp_dir().join(format!(
            "loadplan-v3-{}-{}.ron",
            std::process::id(),
            what.replace(' ', "_")
        ));
        std::fs::write(&path, &text).expect("write");
        assert_eq!(load_plan(&path).expect("reads back"), p, "{what}");
        let _ = std::fs::remove_file(&path);
    }
    // An exercise drawn as another needs version 4, and reads back as written.
    let mut p = plan.clone();
    p.exercises[0].drawn_as = Some("glute_bridge".to_owned());
    let (v, text) = version(&p);
    assert_eq!(v, "4", "drawn_as needs version 4:\n{text}");
    assert!(text.contains("drawn_as: \"glute_bridge\""), "{text}");
    assert_eq!(
        parse_plan(&text, Path::new("v4.ron")).expect("reads back"),
        p
    );
    // A newer file than this program's version is refused, naming the version.
    let text = version(&plan)
        .1
        .replace("format_version: 1,", "format_version: 5,");
    let err = parse_plan(&text, Path::new("new.ron")).expect_err("version 5 is refused");
    assert!(err.to_string().contains("format_version 5"), "{err}");
}

/// A tiny PNG's bytes, written with the png crate.
fn photo_bytes() -> Vec<u8> {
    let mut data = Vec::new();
    let mut encoder = png::Encoder::new(&mut data, 8, 8);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("png header");
    writer.write_image_data(&[90; 8 * 8 * 3]).expect("png data");
    writer.finish().expect("png done");
    data
}

#[test]
fn photos_are_kept_inside_the_plan_file_and_read_back_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("photos.ron");
    let mut plan = sample_plan();
    plan.exercises[0].photos = vec![loadplan::model::Photo {
        caption: "start position".to_owned(),
        format: loadplan::model::PhotoFormat::Png,
        data: photo_bytes(),
    }];
    save_plan(&plan, &path).expect("saved");
    let text = fs::read_to_string(&path).expect("text");
    assert!(text.contains("format_version: 3"), "photos need version 3");
    assert!(
        text.contains("data: \"iVBORw0KGgo"),
        "the bytes are base64 in the file"
    );
    assert_eq!(load_plan(&path).expect("read back"), plan);

    // Damaged data is an error with its line, and says what to do.
    let broken = text.replacen("data: \"iVBORw0KGgo", "data: \"iVBORw0KGgo!!", 1);
    let err = error_of(&broken, &path).to_string();
    assert!(err.contains("base64"), "{err}");
    assert!(err.contains("photos.ron:"), "{err}");
    let wrong = text.replacen("format: Png", "format: Jpeg", 1);
    let err = error_of(&wrong, &path).to_string();
    assert!(
        err.contains("photo 1") && err.contains("format: Png"),
        "{err}"
    );
}
