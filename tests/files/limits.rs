//! The documented maximums of a plan file (`loadplan::model::limits`, README "Limits"): a plan
//! at each one loads, one just past it is refused with the file's line:column and what to do;
//! the size cap holds before and while reading; no number wraps; messages stay one line of
//! readable length whatever the file holds; a plan at every maximum at once loads, projects
//! and checks.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use loadplan::engine::{check, project};
use loadplan::io::{PlanFileError, load_plan, parse_plan, plan_to_string, save_plan};
use loadplan::model::limits::*;
use loadplan::model::*;
use proptest::prelude::*;

use super::cli::{loadplan, stderr, temp_dir};
use super::max_plan::max_plan;

const FILE: &str = "plan.ron";

/// A small sound plan: one library exercise over the whole plan, dated.
fn small_plan() -> Plan {
    let mut plan = Plan {
        title: "Limits".into(),
        weeks: 12,
        start_date: NaiveDate::from_ymd_opt(2026, 1, 5),
        prescriptions: vec![prescription(1)],
        ..Plan::default()
    };
    loadplan::library::fill_missing(&mut plan, loadplan::library::builtin().expect("library"));
    plan
}

fn prescription(id: u32) -> Prescription {
    Prescription {
        id,
        exercise: "sl_deadlift_db".into(),
        weeks: WeekRange::new(1, 12),
        schedule: Schedule::PerWeek(2),
        supervised_per_week: 0,
        dose: Dose {
            sets: 3,
            reps: Some(Reps::Fixed(10)),
            load: Load::Kg(5.0),
            ..Dose::default()
        },
        rules: vec![],
        notes: String::new(),
    }
}

/// The plan's file text (as loadplan writes it, without checking it).
fn text_of(plan: &Plan) -> String {
    plan_to_string(plan).expect("serialise")
}

/// `plan` reads back from its file text.
fn loads(what: &str, plan: &Plan) -> Plan {
    parse_plan(&text_of(plan), Path::new(FILE))
        .unwrap_or_else(|e| panic!("{what} at its maximum must load: {e}"))
}

/// `plan` is refused: one line naming `plan.ron:LINE:COLUMN`, saying `says`, and the line it
/// points at holds `line_holds`. Returns the message.
fn refused(what: &str, plan: &Plan, says: &str, line_holds: &str) -> String {
    let text = text_of(plan);
    refused_text(what, &text, says, line_holds)
}

fn refused_text(what: &str, text: &str, says: &str, line_holds: &str) -> String {
    let err = parse_plan(text, Path::new(FILE)).expect_err(what);
    let message = err.to_string();
    assert!(!message.contains('\n'), "{what}: one line: {message}");
    assert!(message.contains(says), "{what}: {message}");
    let position = err
        .position()
        .unwrap_or_else(|| panic!("{what}: no line:column in {message}"));
    assert!(
        message.starts_with(&format!("{FILE}:{position}: ")),
        "{what}: {message}"
    );
    // What is written from the position on (the rest of its line and the next three).
    let mut lines = text.lines().skip(position.line - 1);
    let mut from: String = lines
        .next()
        .unwrap_or_default()
        .chars()
        .skip(position.column - 1)
        .collect();
    for line in lines.take(3) {
        from.push('\n');
        from.push_str(line);
    }
    assert!(
        from.contains(line_holds),
        "{what}: {message} points at {}:{}: {:?}",
        position.line,
        position.column,
        from.chars().take(300).collect::<String>()
    );
    message
}

#[test]
fn weeks_at_and_past_the_maximum() {
    let mut plan = small_plan();
    plan.weeks = MAX_WEEKS;
    plan.prescriptions[0].weeks = WeekRange::new(1, MAX_WEEKS);
    loads("weeks", &plan);
    plan.weeks = MAX_WEEKS + 1;
    refused(
        "weeks",
        &plan,
        "weeks is 521, more than the 520 allowed",
        "weeks: 521",
    );
    plan.weeks = u32::MAX;
    refused(
        "weeks",
        &plan,
        "more than the 520 allowed",
        "weeks: 4294967295",
    );
}

#[test]
fn prescriptions_exercises_and_phases_at_and_past_the_maximum() {
    let mut plan = small_plan();
    plan.prescriptions = (1..=MAX_PRESCRIPTIONS as u32).map(prescription).collect();
    loads("prescriptions", &plan);
    plan.prescriptions
        .push(prescription(MAX_PRESCRIPTIONS as u32 + 1));
    refused(
        "prescriptions",
        &plan,
        "more than the 200 prescriptions a plan may have; split it into two plans",
        "id: 201",
    );

    let mut plan = small_plan();
    let template = plan.exercises[0].clone();
    plan.exercises = (0..MAX_EXERCISES)
        .map(|i| Exercise {
            id: if i == 0 {
                template.id.clone()
            } else {
                format!("copy_{i}")
            },
            ..template.clone()
        })
        .collect();
    loads("exercises", &plan);
    plan.exercises.push(Exercise {
        id: "one_too_many".into(),
        ..template
    });
    refused(
        "exercises",
        &plan,
        "more than the 1000 exercises a plan may carry",
        "id: \"one_too_many\"",
    );

    let mut plan = small_plan();
    plan.weeks = MAX_WEEKS;
    plan.phases = (1..=MAX_WEEKS)
        .map(|w| Phase {
            id: w,
            name: format!("Week {w}"),
            weeks: WeekRange::new(w, w),
            goal: String::new(),
            criteria: vec![],
        })
        .collect();
    loads("phases", &plan);
    plan.phases.push(Phase {
        id: 521,
        name: "Week 521".into(),
        weeks: WeekRange::new(520, 520),
        goal: String::new(),
        criteria: vec![],
    });
    refused(
        "phases",
        &plan,
        "more than the 520 phases a plan may have",
        "id: 521",
    );
}

#[test]
fn rules_tables_and_week_lists_at_and_past_the_maximum() {
    let mut plan = small_plan();
    plan.weeks = MAX_WEEKS;
    plan.prescriptions[0].weeks = WeekRange::new(1, MAX_WEEKS);
    plan.prescriptions[0].rules = vec![Rule::Hold { weeks: vec![2] }; MAX_RULES];
    loads("rules", &plan);
    plan.prescriptions[0]
        .rules
        .push(Rule::Hold { weeks: vec![3] });
    refused(
        "rules",
        &plan,
        "more than the 20 rules a prescription may have; join rules of the same kind",
        "Hold(weeks: [3])",
    );

    let row = |week| TableRow {
        week,
        sets: Some(3),
        ..TableRow::default()
    };
    let table = |n: u32| Rule::Table {
        rows: (1..=n).map(row).collect(),
        source: None,
    };
    plan.prescriptions[0].rules = vec![table(MAX_WEEKS)];
    loads("a table", &plan);
    let mut rows: Vec<TableRow> = (1..=MAX_WEEKS).map(row).collect();
    rows.push(row(520));
    plan.prescriptions[0].rules = vec![Rule::Table { rows, source: None }];
    refused(
        "a table",
        &plan,
        "more than the 520 weeks a rule may list (one a week); list each week once",
        "week: 520",
    );
    plan.prescriptions[0].rules = vec![Rule::Table {
        rows: vec![row(MAX_WEEKS + 1)],
        source: None,
    }];
    refused(
        "a table row",
        &plan,
        "a table row for week 521, past the 520 weeks a plan may have",
        "rules:",
    );

    for (kind, rule) in [
        ("hold", Rule::Hold { weeks: vec![] }),
        (
            "deload",
            Rule::Deload {
                every_weeks: None,
                weeks: vec![],
                volume_pct: 40.0,
                load_pct: 0.0,
            },
        ),
    ] {
        let with = |n: u32| match rule.clone() {
            Rule::Hold { .. } => Rule::Hold {
                weeks: (1..=n).collect(),
            },
            Rule::Deload {
                every_weeks,
                volume_pct,
                load_pct,
                ..
            } => Rule::Deload {
                every_weeks,
                weeks: (1..=n).collect(),
                volume_pct,
                load_pct,
            },
            other => other,
        };
        plan.prescriptions[0].rules = vec![with(MAX_WEEKS)];
        loads(kind, &plan);
        plan.prescriptions[0].rules = vec![with(MAX_WEEKS + 1)];
        let text = text_of(&plan);
        // The 521st week is the first entry past the maximum: the error points at it.
        refused_text(
            kind,
            &text,
            "more than the 520 weeks a rule may list",
            "521",
        );
    }
}

#[test]
fn sets_reps_and_per_set_lists_at_and_past_the_maximum() {
    let mut plan = small_plan();
    plan.prescriptions[0].dose.sets = MAX_SETS;
    plan.prescriptions[0].dose.reps = Some(Reps::Fixed(MAX_REPS));
    loads("sets and reps", &plan);
    plan.prescriptions[0].dose.sets = MAX_SETS + 1;
    refused(
        "sets",
        &plan,
        "51 sets, more than the 50 a dose may have; give at most 50",
        "dose:",
    );
    plan.prescriptions[0].dose.sets = u32::MAX;
    refused("sets", &plan, "4294967295 sets, more than the 50", "dose:");
    plan.prescriptions[0].dose.sets = 3;
    plan.prescriptions[0].dose.reps = Some(Reps::Range(8, MAX_REPS + 1));
    refused(
        "reps",
        &plan,
        "10001 reps, more than the 10000 a set may have",
        "dose:",
    );

    plan.prescriptions[0].dose.reps = Some(Reps::PerSet(vec![10; MAX_SETS as usize]));
    plan.prescriptions[0].dose.sets = MAX_SETS;
    loads("a per-set list", &plan);
    plan.prescriptions[0].dose.reps = Some(Reps::PerSet(vec![10; MAX_SETS as usize + 1]));
    refused(
        "a per-set list",
        &plan,
        "more than the 50 sets a dose may have; give one number a set",
        "10,\n                ])",
    );
}

#[test]
fn log_entries_at_and_past_the_maximum() {
    let mut plan = small_plan();
    let start = plan.start_date.expect("dated");
    plan.log = (0..MAX_LOG_ENTRIES)
        .map(|n| SessionLog::new(start + chrono::Days::new((n / 6) as u64), (n % 6) as u32))
        .collect();
    loads("the log", &plan);
    plan.log.push(SessionLog::new(
        NaiveDate::from_ymd_opt(2200, 1, 1).expect("date"),
        0,
    ));
    refused(
        "the log",
        &plan,
        "more than the 25000 entries this list may have; keep the older log in a copy",
        "2200-01-01",
    );

    let mut plan = small_plan();
    let prom = |n: usize| PromScore {
        date: start + chrono::Days::new(n as u64),
        measure: Prom::HagosPain,
        score: 50.0,
    };
    plan.proms = (0..MAX_LOG_ENTRIES).map(prom).collect();
    loads("PROM scores", &plan);
    plan.proms.push(PromScore {
        score: 99.5,
        ..prom(0)
    });
    refused(
        "PROM scores",
        &plan,
        "invalid value for `proms`: more than the 25000 entries this list may have",
        "score: 99.5",
    );

    let mut plan = small_plan();
    let mut session = SessionLog::new(start, 0);
    plan.prescriptions = (1..=MAX_PRESCRIPTIONS as u32).map(prescription).collect();
    session.exercises = (1..=MAX_PRESCRIPTIONS as u32)
        .map(|id| ExerciseLog::new(id, "sl_deadlift_db"))
        .collect();
    plan.log = vec![session.clone()];
    loads("a logged session", &plan);
    session
        .exercises
        .push(ExerciseLog::new(7, "sl_deadlift_db"));
    plan.log = vec![session];
    refused(
        "a logged session",
        &plan,
        "more than the 200 exercises a logged session may have",
        "prescription: 7",
    );
}

#[test]
fn names_texts_and_word_lists_at_and_past_the_maximum() {
    let mut plan = small_plan();
    plan.title = "é".repeat(MAX_NAME_CHARS);
    plan.notes = "n".repeat(MAX_TEXT_CHARS);
    plan.exercises[0].cues = vec!["cue".into(); MAX_LIST_ITEMS];
    loads("names, texts and lists", &plan);

    let mut over = plan.clone();
    over.title.push('é');
    let message = refused(
        "a name",
        &over,
        "is longer than the 200 characters a name may have; shorten it",
        "title:",
    );
    // The text itself is shown cut.
    assert!(
        message.contains(&format!("title \"{}…\"", "é".repeat(60))),
        "{message}"
    );

    let mut over = plan.clone();
    over.notes.push('n');
    refused(
        "a text",
        &over,
        "is longer than the 50000 characters a text may have",
        "notes:",
    );

    let mut over = plan.clone();
    over.exercises[0].cues.push("one more".into());
    refused(
        "a list of words",
        &over,
        "more than the 100 entries a list may have; keep the most important ones",
        "one more",
    );

    let mut over = plan;
    over.prescriptions[0].schedule = Schedule::Weekdays(vec![Weekday::Mon; 8]);
    refused(
        "weekdays",
        &over,
        "more than the 7 days of the week; list each day once",
        "Mon])",
    );
}

#[test]
fn dates_from_1900_to_2200() {
    let mut plan = small_plan();
    for (y, m, d) in [(1900, 1, 1), (2200, 12, 31)] {
        plan.start_date = NaiveDate::from_ymd_opt(y, m, d);
        loads("a start date", &plan);
    }
    for (y, m, d, says) in [
        (
            1899,
            12,
            31,
            "start_date 1899-12-31 is not between the years 1900 and 2200",
        ),
        (
            2201,
            1,
            1,
            "start_date 2201-01-01 is not between the years 1900 and 2200",
        ),
        (9999, 1, 1, "start_date 9999-01-01 is not between"),
        (-5000, 1, 1, "start_date -5000-01-01 is not between"),
    ] {
        plan.start_date = NaiveDate::from_ymd_opt(y, m, d);
        refused("a start date", &plan, says, "start_date:");
    }
    // A logged session far in the future is refused where it is written.
    let mut plan = small_plan();
    plan.log = vec![SessionLog::new(
        NaiveDate::from_ymd_opt(9999, 12, 31).expect("date"),
        0,
    )];
    refused(
        "a logged date",
        &plan,
        "date 9999-12-31 is not between",
        "9999-12-31",
    );
}

#[test]
fn scheduled_sessions_at_and_past_the_maximum() {
    // 200 prescriptions of 520 weeks: 1.92 sessions a week on average is the most.
    let mut plan = small_plan();
    plan.weeks = MAX_WEEKS;
    plan.prescriptions = (1..=MAX_PRESCRIPTIONS as u32)
        .map(|id| Prescription {
            weeks: WeekRange::new(1, MAX_WEEKS),
            schedule: Schedule::PerWeek(if id <= 184 { 2 } else { 1 }),
            ..prescription(id)
        })
        .collect();
    // 184 x 2 x 520 + 16 x 520 = 199,680.
    loads("scheduled sessions", &plan);
    plan.prescriptions[199].schedule = Schedule::PerWeek(3);
    refused(
        "scheduled sessions",
        &plan,
        "the plan schedules more than the 200000 exercise sessions a plan may have",
        "weeks: (first: 1, last: 520)",
    );
}

#[test]
fn a_file_past_the_size_cap_is_refused_before_it_is_read() {
    let dir = temp_dir();
    let big = dir.path().join("big.ron");
    // Sparse: the size is on record, no data is written (nor read).
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("size");
    let err = load_plan(&big).expect_err("too large");
    assert!(
        matches!(err, PlanFileError::TooLarge { bytes: Some(_), .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.ends_with(
            "big.ron: the file is 64.0 MB, more than the 64 MB a plan file may have; check that \
             it is a plan file (a plan is mostly its photos: remove some, or split the plan)"
        ),
        "{message}"
    );
    // A device that never ends is read only up to the cap.
    if Path::new("/dev/zero").exists() {
        let err = load_plan(Path::new("/dev/zero")).expect_err("endless");
        assert!(
            matches!(err, PlanFileError::TooLarge { bytes: None, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("the file is larger, more than the 64 MB")
        );
    }
    // The command line says the same, on one line.
    let o = loadplan(&["check", &big.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("more than the 64 MB a plan file may have"));
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_column() {
    let dir = temp_dir();
    let path = dir.path().join("latin1.ron");
    let mut text = text_of(&small_plan()).into_bytes();
    // "Limits" -> "Lümits" in Latin-1: one byte 0xfc, not UTF-8.
    let at = text.windows(6).position(|w| w == b"Limits").expect("title");
    text[at + 1] = 0xfc;
    std::fs::write(&path, &text).expect("write");
    let err = load_plan(&path).expect_err("not UTF-8");
    let line = 1 + text[..at].iter().filter(|b| **b == b'\n').count();
    let line_start = text[..at]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = at + 1 - line_start + 1;
    assert_eq!(
        err.to_string(),
        format!(
            "{}:{line}:{column}: byte 0xfc is not UTF-8 text; save the file as UTF-8 (in the \
             editor's Save as, choose the encoding UTF-8)",
            path.display()
        )
    );
}

#[test]
fn ids_never_wrap() {
    // Two prescriptions with the largest id: the second gets a fresh one, not 0.
    let mut plan = small_plan();
    plan.prescriptions = vec![prescription(u32::MAX), prescription(u32::MAX)];
    let loaded = loads("ids", &plan);
    let ids: Vec<u32> = loaded.prescriptions.iter().map(|rx| rx.id).collect();
    assert_eq!(ids[0], u32::MAX);
    assert!(ids[1] != 0 && ids[1] != u32::MAX, "{ids:?}");
    let next = loaded.next_prescription_id();
    assert!(next != 0 && !ids.contains(&next), "{next} {ids:?}");
    // One at the largest id: the next is free and not 0 either.
    plan.prescriptions = vec![prescription(u32::MAX)];
    let loaded = loads("ids", &plan);
    assert_eq!(loaded.next_prescription_id(), 1);
    assert_eq!(loaded.next_phase_id(), 1);
}

#[test]
fn the_command_line_never_wraps_a_number() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    save_plan(&small_plan(), &path).expect("save");
    let file = path.display().to_string();
    let before = std::fs::read(&path).expect("read");
    for (flag, value, says) in [
        ("--slot", "4294967295", "--slot 4294967295 is out of range"),
        ("--slot", "4294967296", "--slot 4294967296 is out of range"),
        ("--sets", "4294967295", "--sets 4294967295 is out of range"),
    ] {
        let o = loadplan(&[
            "log",
            &file,
            "--date",
            "2026-01-05",
            "--exercise",
            "sl_deadlift_db",
            "--today",
            "2026-01-06",
            flag,
            value,
        ]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{flag} {value}: {err}");
        assert!(err.contains(says), "{err}");
        assert!(!err.contains("session 0") && !super::cli::stdout(&o).contains("session 0"));
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }
    // Dates a plan may not have are refused as usage errors.
    for date in ["9999-01-01", "1899-12-31"] {
        let out = dir.path().join(format!("new-{date}.ron"));
        let o = loadplan(&[
            "new",
            "--template",
            "nordic_hamstring",
            "--start",
            date,
            "-o",
            &out.display().to_string(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("is not between the years 1900 and 2200"),
            "{}",
            stderr(&o)
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_plan_past_a_limit_is_never_written() {
    let dir = temp_dir();
    let path = dir.path().join("plan.ron");
    save_plan(&small_plan(), &path).expect("save");
    let before = std::fs::read(&path).expect("read");
    let mut plan = small_plan();
    plan.start_date = NaiveDate::from_ymd_opt(9999, 1, 1);
    let err = save_plan(&plan, &path).expect_err("not saved");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not saved: start_date 9999-01-01 is not between the years 1900 and 2200; check \
             the year (the file is unchanged)",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn messages_escape_and_cut_what_the_file_holds() {
    // A title with a NUL, a byte-order mark, a line break and a right-to-left override, far
    // too long.
    let mut plan = small_plan();
    plan.title = format!("a\0b\u{feff}c\nd\u{202e}e{}", "x".repeat(300));
    let message = refused("a strange title", &plan, "shorten it", "title:");
    assert!(
        message.contains("title \"a\\0b\\u{feff}c\\nd\\u{202e}exxx"),
        "{message}"
    );
    assert!(message.chars().count() < 250, "{message}");

    // An unknown exercise id with a line break, and a very long one.
    let mut plan = small_plan();
    plan.prescriptions[0].exercise = format!("no\nsuch{}", "_".repeat(1000));
    let message = refused(
        "an unknown exercise",
        &plan,
        "unknown exercise \"no\\nsuch",
        "\"no\\nsuch",
    );
    assert!(message.chars().count() < 400, "{message}");

    // A parse error quoting a long text full of control characters.
    let text = text_of(&small_plan()).replacen(
        "weeks: 12",
        &format!("weeks: \"{}\"", "\u{1b}[31m\r".repeat(10_000)),
        1,
    );
    let message = refused_text(
        "a text for a number",
        &text,
        "expected a whole number for `weeks`, found \"\\u{1b}[31m\\r",
        "\"\u{1b}[31m\r",
    );
    assert!(
        !message.contains('\u{1b}') && !message.contains('\r'),
        "{message}"
    );
    assert!(message.chars().count() < 300, "{message}");

    // An unexpected NUL between tokens.
    let text = text_of(&small_plan()).replacen("weeks: 12,", "weeks: 12,\0", 1);
    let message = refused_text("a NUL", &text, "found `\\0`", "\0\n");
    assert!(!message.contains('\0'));
}

#[test]
fn a_plan_at_every_maximum_loads_projects_and_checks() {
    let plan = max_plan();
    let text = text_of(&plan);
    assert!((text.len() as u64) < MAX_FILE_BYTES, "{} bytes", text.len());
    let started = Instant::now();
    let loaded = parse_plan(&text, Path::new(FILE)).expect("the plan at every maximum loads");
    let projection = project(&loaded);
    let findings = check(&loaded, &projection);
    let took = started.elapsed();
    assert_eq!(projection.weeks.len(), MAX_WEEKS as usize);
    assert_eq!(projection.weeks[0].items.len(), MAX_PRESCRIPTIONS);
    let planned: usize = projection.sessions.iter().map(|s| s.items.len()).sum();
    assert_eq!(planned, 197_600);
    // Sets are not stored per set: each item holds its dose, the sets are made when asked.
    assert_eq!(projection.weeks[2].items[1].sets().len(), MAX_SETS as usize);
    // A debug build, the machine shared: a loose bound (the benchmark measures the release
    // build: benches/limits.rs).
    assert!(took.as_secs() < 30, "{took:?}, {} findings", findings.len());
    // It saves and opens again.
    let dir = temp_dir();
    let path = dir.path().join("max.ron");
    save_plan(&loaded, &path).expect("save");
    let again = load_plan(&path).expect("opens again");
    assert_eq!(again.prescriptions.len(), MAX_PRESCRIPTIONS);
}

/// An error message is one line of bounded length (the file's name aside).
fn one_bounded_line(err: &PlanFileError, path: &Path) {
    let message = err.to_string();
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "{message:?}"
    );
    let rest = message.len() - path.display().to_string().len().min(message.len());
    assert!(rest <= 1200, "{} bytes: {message}", rest);
}

fn sample_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/sample_plan.ron"),
    )
    .expect("sample plan")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes at all: the loader answers with a plan or one bounded line, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let dir = temp_dir();
        let path = dir.path().join("any.ron");
        std::fs::write(&path, &bytes).expect("write");
        if let Err(err) = load_plan(&path) {
            one_bounded_line(&err, &path);
        }
    }

    /// The sample plan with bytes replaced, inserted, removed or a stretch repeated: a plan
    /// or one bounded line, never a panic.
    #[test]
    fn mutated_plans_never_panic(
        edits in proptest::collection::vec(
            (0usize..4, any::<proptest::sample::Index>(), any::<u8>(), 0usize..64),
            1..6,
        )
    ) {
        let mut bytes = sample_text().into_bytes();
        for (kind, at, byte, len) in edits {
            let i = at.index(bytes.len() + 1);
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 if i < bytes.len() => {
                    let end = (i + len).min(bytes.len());
                    bytes.drain(i..end);
                }
                _ => {
                    let end = (i + len).min(bytes.len());
                    let stretch: Vec<u8> = bytes[i..end].to_vec();
                    for _ in 0..(byte % 8) {
                        bytes.splice(i..i, stretch.iter().copied());
                    }
                }
            }
        }
        let path = Path::new("mutated.ron");
        match String::from_utf8(bytes) {
            Ok(text) => {
                if let Err(err) = parse_plan(&text, path) {
                    one_bounded_line(&err, path);
                }
            }
            Err(_) => {
                let dir = temp_dir();
                let file = dir.path().join("mutated.ron");
                let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("data/examples/sample_plan.ron")).expect("sample");
                let mut bytes = bytes;
                bytes.push(0xff);
                std::fs::write(&file, &bytes).expect("write");
                let err = load_plan(&file).expect_err("not UTF-8");
                one_bounded_line(&err, &file);
            }
        }
    }

    /// Numbers of any size in the places a plan counts with: refused or loaded, never
    /// wrapped, never a panic; what loads projects and checks.
    #[test]
    fn any_numbers_never_wrap(
        weeks in any::<u32>(),
        first in any::<u32>(),
        last in any::<u32>(),
        sets in any::<u32>(),
        reps in any::<u32>(),
        every in any::<u32>(),
        id in any::<u32>(),
        per_week in any::<u32>(),
    ) {
        let mut plan = small_plan();
        plan.prescriptions[0].rules = vec![Rule::Deload {
            every_weeks: Some(4),
            weeks: vec![],
            volume_pct: 50.0,
            load_pct: 0.0,
        }];
        let text = text_of(&plan)
            .replacen("weeks: 12,", &format!("weeks: {weeks},"), 1)
            .replacen("first: 1, last: 12", &format!("first: {first}, last: {last}"), 1)
            .replacen("sets: 3,", &format!("sets: {sets},"), 1)
            .replacen("Fixed(10)", &format!("Fixed({reps})"), 1)
            .replacen("PerWeek(2)", &format!("PerWeek({per_week})"), 1)
            .replacen("id: 1,", &format!("id: {id},"), 1)
            .replacen("every_weeks: 4", &format!("every_weeks: {every}"), 1);
        let path = Path::new(FILE);
        match parse_plan(&text, path) {
            Ok(plan) => {
                let projection = project(&plan);
                let _ = check(&plan, &projection);
                prop_assert!(plan.next_prescription_id() != 0);
            }
            Err(err) => one_bounded_line(&err, path),
        }
    }
}

#[test]
fn a_calendar_never_writes_a_year_past_four_digits() {
    use loadplan::io::export::ics_string;
    let mut plan = small_plan();
    plan.start_date = NaiveDate::from_ymd_opt(2200, 12, 31);
    let text = ics_string(&plan, &project(&plan)).expect("the last start date allowed");
    assert!(text.contains("DTSTART;VALUE=DATE:22001231"), "{text}");
    assert!(!text.contains(":+"), "{text}");
    for (y, m, d) in [(9999, 1, 1), (-5000, 1, 1), (1899, 12, 31)] {
        plan.start_date = NaiveDate::from_ymd_opt(y, m, d);
        let err = ics_string(&plan, &project(&plan)).expect_err("refused");
        assert!(
            err.to_string()
                .ends_with("not between the years 1900 and 2200; check the year of the start date"),
            "{err}"
        );
    }
}

/// Byte ranges of the runs of digits in `text`.
fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().enumerate().chain([(text.len(), b' ')]) {
        match (b.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// A number at or near an edge: 0, the maximums and one past, the largest integers.
fn edge_number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_owned()),
        Just("6".to_owned()),
        Just("50".to_owned()),
        Just("51".to_owned()),
        Just("520".to_owned()),
        Just("521".to_owned()),
        Just("10001".to_owned()),
        Just("2147483648".to_owned()),
        Just("4294967294".to_owned()),
        Just("4294967295".to_owned()),
        Just("4294967296".to_owned()),
        Just("1e308".to_owned()),
        any::<u32>().prop_map(|n| n.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// The sample plan (every rule and schedule kind, a log) with some of its numbers set to
    /// edge values: it loads or is refused in one bounded line; what loads projects, checks,
    /// adjusts, reports its status and exports to CSV and a calendar without a panic (a wrap
    /// is a panic in the test build).
    #[test]
    fn edge_numbers_anywhere_never_wrap(
        picks in proptest::collection::vec((any::<proptest::sample::Index>(), edge_number()), 1..8)
    ) {
        let sample = sample_text();
        let runs = digit_runs(&sample);
        let mut chosen: Vec<((usize, usize), String)> = picks
            .into_iter()
            .map(|(at, value)| (runs[at.index(runs.len())], value))
            .collect();
        chosen.sort_by_key(|((start, _), _)| std::cmp::Reverse(*start));
        chosen.dedup_by_key(|((start, _), _)| *start);
        let mut text = sample;
        for ((start, end), value) in chosen {
            text.replace_range(start..end, &value);
        }
        let path = Path::new(FILE);
        match parse_plan(&text, path) {
            Ok(plan) => {
                let projection = project(&plan);
                let _ = check(&plan, &projection);
                let adjusted = loadplan::engine::adjustments(&plan, &projection);
                let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
                let _ = loadplan::engine::status(&plan, &projection, &adjusted, today);
                let _ = loadplan::io::export::csv_string(&plan, &projection);
                let _ = loadplan::io::export::ics_string(&plan, &projection);
                prop_assert!(plan_to_string(&plan).is_ok());
            }
            Err(err) => one_bounded_line(&err, path),
        }
    }
}
