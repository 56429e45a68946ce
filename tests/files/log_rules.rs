//! What `loadplan log` accepts and says: no session in the future, extra sessions only when
//! asked for, whole numbers said to be whole numbers, verdicts "so far" until the next
//! morning, which session decides the next dose, pounds in a plan in pounds; and `status
//! --today` reporting the plan as it was known on that day.

use std::path::Path;

use crate::cli::{json_of, loadplan, log_ok, runner_plan, stderr, stdout, temp_dir};

/// `loadplan log FILE ARGS` expecting failure: the one line on stderr, the file unchanged.
fn log_refused(file: &str, args: &[&str]) -> String {
    let before = std::fs::read(file).expect("file");
    let o = loadplan(&[&["log", file][..], args].concat());
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(file).expect("file"), before, "{args:?}");
    err.trim_end()
        .strip_prefix("loadplan: error: ")
        .unwrap_or(&err)
        .to_owned()
}

const DEADLIFT_MONDAY: [&str; 4] = ["--date", "2026-03-02", "--exercise", "sl_deadlift_db"];

#[test]
fn a_session_after_today_is_refused() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let err = log_refused(
        &f,
        &[
            "--date",
            "2026-03-05",
            "--exercise",
            "nordic_partial",
            "--today",
            "2026-03-04",
        ],
    );
    assert_eq!(
        err,
        "--date 2026-03-05 is after today (2026-03-04): a session is logged once it is done; \
         check the date"
    );
    let out = log_ok(
        &f,
        &[
            "--date",
            "2026-03-04",
            "--exercise",
            "sl_deadlift_db",
            "--today",
            "2026-03-04",
        ],
    );
    assert!(out.starts_with("recorded "), "{out}");
}

#[test]
fn a_slot_not_planned_needs_extra_and_a_huge_slot_is_out_of_range() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let err = log_refused(&f, &[&DEADLIFT_MONDAY[..], &["--slot", "1"]].concat());
    assert_eq!(
        err,
        "no session of `sl_deadlift_db` is planned on 2026-03-02 (Mon, week 1) as session 2 of \
         the day; planned that day: sl_deadlift_db, side_plank_bench, nordic_partial; pass \
         --extra to record an extra session"
    );
    for slot in ["4294967295", "6", "99999999999999999999"] {
        let err = log_refused(
            &f,
            &[&DEADLIFT_MONDAY[..], &["--slot", slot, "--extra"]].concat(),
        );
        assert_eq!(
            err,
            format!(
                "--slot {slot} is out of range: a day has at most 6 sessions, so the session of \
                 the day is 0 (the first) to 5 (the sixth)"
            )
        );
    }
    let out = log_ok(
        &f,
        &[&DEADLIFT_MONDAY[..], &["--slot", "1", "--extra"]].concat(),
    );
    assert!(
        out.contains("(week 1, session 2 of the day, an extra session)"),
        "{out}"
    );
}

#[test]
fn whole_number_options_say_what_they_take() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let cases = [
        (
            ["--pain-during", "2.5"],
            "--pain-during: pain is a whole number from 0 to 10: 2.5 is not",
        ),
        (
            ["--pain-next", "2.5"],
            "--pain-next: pain is a whole number from 0 to 10: 2.5 is not",
        ),
        (
            ["--sets", "2.5"],
            "--sets: give a whole number from 1 to 50: 2.5 is not",
        ),
        (
            ["--reps", "ten"],
            "--reps: give a whole number from 1 to 10000: ten is not",
        ),
        (
            ["--slot", "1.5"],
            "--slot: the session of the day is a whole number: 0 the first, 1 the second, ...: \
             1.5 is not",
        ),
        (
            ["--sets", "99999999999"],
            "--sets 99999999999 is out of range: give a whole number of sets from 1 to 50 (the \
             most a dose may have)",
        ),
        (
            ["--sets", "51"],
            "--sets 51 is out of range: give a whole number of sets from 1 to 50 (the most a \
             dose may have)",
        ),
        (
            ["--reps", "4294967295"],
            "--reps 4294967295 is out of range: give a whole number of reps from 1 to 10000 (the \
             most a set may have)",
        ),
    ];
    for (args, expected) in cases {
        let err = log_refused(&f, &[&DEADLIFT_MONDAY[..], &args[..]].concat());
        assert_eq!(err, expected, "{args:?}");
    }
}

#[test]
fn a_verdict_before_the_next_morning_is_so_far() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let out = log_ok(
        &f,
        &[&DEADLIFT_MONDAY[..], &["--pain-during", "1"]].concat(),
    );
    assert!(
        out.contains(
            "\npain response so far: green - answer next morning's pain to confirm; the next \
             session, 4 Mar, goes ahead as planned\n"
        ),
        "{out}"
    );
    let out = log_ok(
        &f,
        &[&DEADLIFT_MONDAY[..], &["--pain-next", "settled"]].concat(),
    );
    assert!(
        out.ends_with("\npain response green: the next session, 4 Mar, goes ahead as planned\n"),
        "{out}"
    );
    // Red is red whatever the next morning says: final at once.
    let red = [
        "--date",
        "2026-03-02",
        "--exercise",
        "nordic_partial",
        "--pain-during",
        "7",
        "--json",
    ];
    let v = json_of(&loadplan(&[&["log", f.as_str()][..], &red[..]].concat()));
    assert_eq!(
        (v["response"].as_str(), v["provisional"].as_bool()),
        (Some("Red"), Some(false))
    );
    let amber = [
        "--date",
        "2026-03-02",
        "--exercise",
        "side_plank_bench",
        "--pain-during",
        "4",
    ];
    let v = json_of(&loadplan(
        &[&["log", f.as_str()][..], &amber[..], &["--json"]].concat(),
    ));
    assert_eq!(v["provisional"], true, "{v}");
    assert!(
        v["next"]
            .as_str()
            .is_some_and(|n| n.starts_with("pain response so far: amber")),
        "{v}"
    );
}

#[test]
fn logging_an_older_session_says_which_one_decides_the_next_dose() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    log_ok(
        &f,
        &[
            "--date",
            "2026-03-04",
            "--exercise",
            "sl_deadlift_db",
            "--pain-during",
            "1",
        ],
    );
    let out = log_ok(
        &f,
        &[&DEADLIFT_MONDAY[..], &["--pain-during", "7"]].concat(),
    );
    assert!(
        out.contains("\npain response red; the next dose follows your latest session, on 4 Mar\n"),
        "{out}"
    );
    assert!(
        !out.contains("next session"),
        "no adjustment from an older session: {out}"
    );
    // Without a pain report, the line says only that.
    log_ok(
        &f,
        &["--date", "2026-03-06", "--exercise", "side_plank_bench"],
    );
    let out = log_ok(
        &f,
        &["--date", "2026-03-04", "--exercise", "side_plank_bench"],
    );
    assert!(
        out.contains("\nthe next dose follows your latest session, on 6 Mar\n"),
        "{out}"
    );
}

#[test]
fn a_plan_in_pounds_takes_and_shows_pounds() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let text = std::fs::read_to_string(&f).expect("file");
    let in_lb = text.replacen("    weeks: 12,\n", "    weeks: 12,\n    unit: Lb,\n", 1);
    assert_ne!(in_lb, text);
    std::fs::write(&f, in_lb).expect("written");
    let out = log_ok(&f, &[&DEADLIFT_MONDAY[..], &["--load-lb", "10"]].concat());
    assert!(out.contains("(week 1): done, 10 lb"), "{out}");
    let plan = loadplan::io::load_plan(Path::new(&f)).expect("reads");
    let kg = plan.log[0].exercises[0].load_kg.expect("a load");
    assert!((kg - 4.535_923_7).abs() < 1e-9, "{kg}");
    let out = log_ok(&f, &[&DEADLIFT_MONDAY[..], &["--load-kg", "4.5"]].concat());
    assert!(out.contains("done, 9.92 lb"), "{out}");
    let both = [
        &["log", f.as_str()][..],
        &DEADLIFT_MONDAY[..],
        &["--load-lb", "10", "--load-kg", "4"],
    ]
    .concat();
    let o = loadplan(&both);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("'--load-lb <LB>' cannot be used with '--load-kg <KG>'"));
    let err = log_refused(&f, &[&DEADLIFT_MONDAY[..], &["--load-lb", "-5"]].concat());
    assert_eq!(
        err,
        "--load-lb -5 is not possible: give the load, 0 or more"
    );
}

#[test]
fn status_on_a_past_day_counts_nothing_logged_after_it() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    log_ok(
        &f,
        &[
            &DEADLIFT_MONDAY[..],
            &["--pain-during", "6", "--supervised"],
        ]
        .concat(),
    );
    for (date, more) in [("2026-03-16", None), ("2026-03-23", Some("--supervised"))] {
        let args = [
            "--date",
            date,
            "--exercise",
            "sl_deadlift_db",
            "--pain-during",
            "2",
        ];
        log_ok(&f, &[&args[..], more.as_slice()].concat());
    }
    let status = |today: &str| json_of(&loadplan(&["status", &f, "--json", "--today", today]));
    let early = status("2026-03-04");
    assert_eq!(early["pain"].as_array().map(Vec::len), Some(1), "{early}");
    assert_eq!(early["supervised_done"], 1);
    assert!(early["pain_trend"].is_null(), "{early}");
    let pending = early["pending_adjustments"].as_array().expect("pending");
    assert_eq!(pending.len(), 1, "{pending:?}");
    assert_eq!(pending[0]["basis_date"], "2026-03-02");
    let week_1 = &early["weeks"][0]["actual"]["volume_load_kg"];
    assert!(week_1.as_f64() > Some(0.0), "{early}");
    // Later, everything counts.
    let late = status("2026-03-31");
    assert_eq!(late["pain"].as_array().map(Vec::len), Some(3), "{late}");
    assert_eq!(late["supervised_done"], 2);
    assert!(late["pain_trend"].is_object(), "{late}");
    let text = stdout(&loadplan(&["status", &f, "--today", "2026-03-04"]));
    assert!(
        text.contains("Pain (highest during / next morning, 0-10): 2 Mar 6/-\n"),
        "{text}"
    );
}
