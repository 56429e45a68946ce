//! The command line, run as a user runs it: the real binary, its output and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary with `args`. Its data folder (your exercise library) is an empty temp
/// folder of this test run, never the real user's.
pub(crate) fn loadplan(args: &[&str]) -> Output {
    static DATA: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let data = DATA.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    Command::new(env!("CARGO_BIN_EXE_loadplan"))
        .args(args)
        .env(
            loadplan::io::DATA_DIR_VAR,
            data.path().join("no library yet"),
        )
        .output()
        .expect("run loadplan")
}

pub(crate) fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub(crate) fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn templates_lists_every_template_with_weeks_and_citation() {
    let o = loadplan(&["templates"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for id in [
        "nordic_hamstring",
        "askling_l_protocol",
        "proximal_hamstring_tendinopathy",
        "runners_glute",
        "post_op_hamstring_syndrome",
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} missing:\n{out}"));
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{line}");
        assert!(cols[2].ends_with(" weeks"), "{line}");
        assert!(!cols[3].trim().is_empty(), "{line}");
    }
    assert!(out.contains("Am J Sports Med 2011"));
}

#[test]
fn new_from_template_writes_a_plan_that_shows_and_checks() {
    let dir = temp_dir();
    let file = dir.path().join("anna.ron");
    let f = file.display().to_string();
    let o = loadplan(&[
        "new",
        "--template",
        "nordic_hamstring",
        "--start",
        "2026-03-02",
        "--athlete",
        "Anna K",
        "-o",
        &f,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("athlete: \"Anna K\""), "{text}");
    assert!(text.contains("start_date: \"2026-03-02\""));
    // The plan carries its exercises: it opens on any machine.
    assert!(text.contains("name: \"Nordic hamstring curl\""));
    // Refuses to overwrite without --force.
    let again = loadplan(&["new", "--template", "nordic_hamstring", "-o", &f]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let show = loadplan(&["show", &f, "--week", "3"]);
    assert!(show.status.success());
    let out = stdout(&show);
    assert!(out.contains("Week 3") && out.contains("3 x 6-8"), "{out}");
    assert!(out.contains("from 2026-03-16"), "{out}");
}

#[test]
fn unknown_template_and_bad_date_are_clear_errors() {
    let dir = temp_dir();
    let f = dir.path().join("x.ron").display().to_string();
    let o = loadplan(&["new", "--template", "nope", "-o", &f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no template `nope`") && stderr(&o).contains("nordic_hamstring"));
    let o = loadplan(&[
        "new",
        "--template",
        "nordic_hamstring",
        "--start",
        "5/3/2026",
        "-o",
        &f,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
    assert!(!PathBuf::from(&f).exists());
}

#[test]
fn show_json_has_the_documented_schema() {
    let o = loadplan(&[
        "show",
        &data("data/templates/nordic_hamstring.ron"),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let weeks = v["weeks"].as_array().expect("weeks");
    assert!(weeks.len() >= 12);
    let w3 = &weeks[2];
    assert_eq!(w3["week"], 3);
    assert!(w3["phase"].is_string());
    let item = &w3["items"][0];
    assert_eq!(item["exercise_id"], "nordic");
    assert_eq!(item["sessions"], 3);
    let sets = item["sets"].as_array().expect("sets");
    assert_eq!(sets.len(), 3);
    assert_eq!(
        (sets[0]["reps_min"].as_u64(), sets[0]["reps_max"].as_u64()),
        (Some(6), Some(8))
    );
    assert!(sets[0].get("reps").is_none());
    for key in ["volume_load_kg", "tut_secs"] {
        assert!(item["metrics"][key].is_number(), "{key}");
    }
    for key in ["sessions", "reps", "volume_load_kg", "tut_secs"] {
        assert!(w3["totals"][key].is_number(), "{key}");
    }
    assert!(w3["change_pct"].is_object());
    assert!(weeks[0]["change_pct"]["reps"].is_null());
    assert!(w3["change_pct"]["reps"].is_number());
    // Week 5: per-set list 12, 10, 8.
    let reps: Vec<u64> = weeks[4]["items"][0]["sets"]
        .as_array()
        .expect("sets")
        .iter()
        .filter_map(|s| s["reps"].as_u64())
        .collect();
    assert_eq!(reps, vec![12, 10, 8]);
}

#[test]
fn show_one_week_and_a_week_out_of_range() {
    let f = data("data/templates/runners_glute.ron");
    let o = loadplan(&["show", &f, "--week", "4", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["weeks"].as_array().map(Vec::len), Some(1));
    let o = loadplan(&["show", &f, "--week", "99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("week 99 is not in the plan"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_exits_0_with_warnings_and_1_with_errors() {
    let o = loadplan(&["check", &data("data/templates/nordic_hamstring.ron")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No hip or trunk exercise"));
    let dir = temp_dir();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(title: \"Bad\", weeks: 12, prescriptions: [(exercise: \"nordic\", weeks: (first: 1, last: 12), dose: (sets: 0, reps: Fixed(5), load: BodyWeight))])",
    )
    .expect("write");
    let o = loadplan(&["check", &bad.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("error") && stdout(&o).contains("0 sets"),
        "{}",
        stdout(&o)
    );
    let o = loadplan(&["check", &bad.display().to_string(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .any(|f| f["severity"] == "Error" && f["code"] == "zero-sets")
    );
}

#[test]
fn invalid_files_exit_1_with_one_clear_line_and_no_panic() {
    let dir = temp_dir();
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(\n  title: \"Broken\",\n  weeks: \"twelve\",\n)\n").expect("write");
    for cmd in ["show", "check"] {
        let o = loadplan(&[cmd, &bad.display().to_string()]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("broken.ron:3:"), "{err}");
        assert!(!err.contains("panicked"));
    }
    let o = loadplan(&[
        "check",
        &dir.path().join("missing.ron").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn wrong_usage_exits_2() {
    assert_eq!(loadplan(&["show"]).status.code(), Some(2));
    assert_eq!(loadplan(&["frobnicate", "x", "y"]).status.code(), Some(2));
    assert_eq!(
        loadplan(&["check", "a.ron", "--bogus"]).status.code(),
        Some(2)
    );
}

#[test]
fn library_search_and_muscle_filter() {
    let o = loadplan(&["library", "--search", "nordic"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("nordic_band_assisted") && out.contains("nordic_weighted"),
        "{out}"
    );
    let o = loadplan(&["library", "--muscle", "gluteus medius", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"clams") && ids.contains(&"side_plank"),
        "{ids:?}"
    );
    let o = loadplan(&["library", "--search", "zzzz-nothing"]);
    assert!(stdout(&o).contains("0 exercises"));
}

/// The runner's plan from 2 Mar 2026 (a Monday) in a temporary folder, as the template was
/// before its progression was fitted to 10 % a week (tests/fixtures/fit): Mon, Wed, Fri
/// single-leg deadlift (3 x 10 @ 4.5 kg each side in week 1, +1 kg every two weeks, the Monday
/// one supervised) with the side plank, and Mon, Thu partial Nordics.
pub(crate) fn runner_plan(dir: &tempfile::TempDir) -> String {
    let f = dir.path().join("runner.ron");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fit/runners_glute_before.ron");
    let text = std::fs::read_to_string(fixture).expect("the fixture reads");
    let dated = text.replacen(
        "    weeks: 12,\n",
        "    start_date: \"2026-03-02\",\n    weeks: 12,\n",
        1,
    );
    assert_ne!(dated, text, "the fixture has a weeks line");
    std::fs::write(&f, dated).expect("write the plan");
    f.display().to_string()
}

pub(crate) fn log_ok(file: &str, args: &[&str]) -> String {
    let mut all = vec!["log", file];
    all.extend_from_slice(args);
    let o = loadplan(&all);
    assert!(o.status.success(), "{all:?}: {}", stderr(&o));
    stdout(&o)
}

pub(crate) fn json_of(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("json")
}

#[test]
fn log_records_a_session_and_proposes_the_adjustment() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let out = log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "sl_deadlift_db",
            "--done",
            "--pain-during",
            "6",
            "--rpe",
            "6",
            "--minutes",
            "40",
            "--supervised",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    // The fixture is hand-written with comments: the first rewrite says where it is kept.
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        lines[2],
        format!(
            "note: {f} had comments, which loadplan does not keep when it rewrites a plan; the \
             file as it was is kept as {f}.orig"
        )
    );
    assert!(
        lines[0].starts_with("recorded Single-leg deadlift"),
        "{out}"
    );
    assert!(lines[0].contains("Mon 2 Mar 2026 (week 1)"), "{out}");
    assert!(lines[0].contains("pain 6/10 during"), "{out}");
    assert!(lines[0].contains("RPE 6, 40 min, supervised"), "{out}");
    assert_eq!(
        lines[1],
        "next session 4 Mar: load reduced from 4.5 kg to 3.5 kg — pain 6/10 during on 2 Mar \
         (proposed, pending review)"
    );
    let text = std::fs::read_to_string(&f).expect("saved");
    assert!(text.contains("    format_version: 2,\n"), "{text}");
    assert!(text.contains("pain_during: 6,"), "{text}");
    assert!(
        PathBuf::from(format!("{f}.bak")).exists(),
        "saving keeps a backup"
    );

    // The next morning: only the new field changes.
    let out = log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "sl_deadlift_db",
            "--pain-next",
            "3",
        ],
    );
    assert!(out.contains("pain 6/10 during, next morning 3/10"), "{out}");
    assert!(out.contains("RPE 6, 40 min, supervised"), "{out}");
    let text = std::fs::read_to_string(&f).expect("saved");
    assert!(text.contains("pain_next_morning: Pain(3),"), "{text}");
    // The same again changes nothing and says so.
    let out = log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "sl_deadlift_db",
            "--pain-next",
            "3",
        ],
    );
    assert!(out.starts_with("nothing new to record"), "{out}");

    // A green exercise: no adjustment.
    let out = log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "side_plank_bench",
            "--pain-during",
            "1",
            "--pain-next",
            "settled",
        ],
    );
    assert!(
        out.contains("pain response green: the next session, 4 Mar, goes ahead as planned"),
        "{out}"
    );
}

/// The runner's plan with Monday 2 March done (the deadlift with pain 6/10, supervised) and
/// only the plank on Wednesday 4 March.
fn runner_plan_with_a_week_logged(dir: &tempfile::TempDir) -> String {
    let f = runner_plan(dir);
    for ex in ["sl_deadlift_db", "side_plank_bench", "nordic_partial"] {
        log_ok(&f, &["--date", "2026-03-02", "--exercise", ex, "--done"]);
    }
    log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "sl_deadlift_db",
            "--pain-during",
            "6",
            "--supervised",
        ],
    );
    // Wednesday: the plank only (partly done).
    log_ok(
        &f,
        &[
            "--date",
            "2026-03-04",
            "--exercise",
            "side_plank_bench",
            "--done",
        ],
    );
    f
}

#[test]
fn log_then_status_json() {
    let dir = temp_dir();
    let f = runner_plan_with_a_week_logged(&dir);
    let o = loadplan(&["status", &f, "--json", "--today", "2026-03-04"]);
    let v = json_of(&o);
    assert_eq!(v["today"], "2026-03-04");
    assert_eq!(v["current_week"], 1);
    let overall = &v["overall"];
    assert_eq!(
        (
            overall["due"].as_u64(),
            overall["done"].as_u64(),
            overall["partial"].as_u64(),
            overall["missed"].as_u64()
        ),
        (Some(2), Some(1), Some(1), Some(0)),
        "{overall}"
    );
    assert_eq!(
        (
            overall["exercises_due"].as_u64(),
            overall["exercises_done"].as_u64()
        ),
        (Some(5), Some(4))
    );
    assert_eq!(overall["pct"].as_f64(), Some(80.0));
    // Weeks so far only.
    let weeks = v["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 1);
    assert_eq!(weeks[0]["week"], 1);
    assert_eq!(weeks[0]["from"], "2026-03-02");
    assert_eq!(weeks[0]["supervised_done"], 1);
    assert!(weeks[0]["actual"]["volume_load_kg"].as_f64() > Some(0.0));
    assert_eq!(v["supervised_done"], 1);
    assert_eq!(v["supervised_target"], 12);
    assert_eq!(v["supervised_planned_ahead"], 11);
    assert_eq!(v["supervised_projected"], 12);
    assert_eq!(v["pain"][0]["date"], "2026-03-02");
    assert_eq!(v["pain"][0]["during"], 6);
    let pending = v["pending_adjustments"].as_array().expect("pending");
    assert_eq!(pending.len(), 1, "{pending:?}");
    let a = &pending[0];
    assert_eq!(a["date"], "2026-03-04");
    assert_eq!(a["basis_date"], "2026-03-02");
    assert_eq!(a["prescription_id"], 1);
    assert_eq!(a["status"], "Pending");
    assert_eq!(a["effective"]["load"]["Kg"].as_f64(), Some(3.5));
    assert_eq!(a["planned_label"], "3 x 10 @ 4.5 kg each side");
    assert_eq!(a["effective_label"], "3 x 10 @ 3.5 kg each side");
    assert_eq!(a["exercise_name"], "Single-leg deadlift with dumbbell");
    assert!(
        a["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("pain 6/10 during on 2 Mar")),
        "{a}"
    );
    let codes: Vec<&str> = v["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["adjustments-pending"]);
    assert_eq!(v["flags"][0]["severity"], "Note");
    assert!(
        v["flags"][0]["source"]
            .as_str()
            .is_some_and(|s| s.contains("Silbernagel"))
    );
}

#[test]
fn status_as_text() {
    let dir = temp_dir();
    let f = runner_plan_with_a_week_logged(&dir);
    let o = loadplan(&["status", &f, "--today", "2026-03-04"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Status on 2026-03-04 (week 1 of 12)"), "{out}");
    let all = out
        .lines()
        .find(|l| l.trim_start().starts_with("All"))
        .expect("an All row");
    let cols: Vec<&str> = all.split_whitespace().collect();
    assert_eq!(cols, ["All", "2", "1", "1", "0", "4/5", "80", "%"], "{out}");
    assert!(
        out.contains("Supervised sessions: 1 done + 11 planned ahead = 12 of 12 recommended"),
        "{out}"
    );
    assert!(out.contains("Pending adjustments (1)"), "{out}");
    assert!(
        out.contains("3 x 10 @ 3.5 kg each side instead of 3 x 10 @ 4.5 kg each side"),
        "{out}"
    );
    assert!(out.contains("adjustments-pending"), "{out}");
}

#[test]
fn log_extra_session_on_a_day_the_exercise_is_not_planned() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    // Tuesday 3 March is a rest day, but the deadlift is prescribed in week 1: recorded as an
    // extra session only when asked to.
    let rest_day = [
        "--date",
        "2026-03-03",
        "--exercise",
        "sl_deadlift_db",
        "--done",
    ];
    let before = std::fs::read(&f).expect("file");
    let o = loadplan(&[&["log", f.as_str()][..], &rest_day[..]].concat());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "loadplan: error: no session of `sl_deadlift_db` is planned on 2026-03-03 (Tue, week 1); \
         nothing is planned that day (a rest day); pass --extra to record an extra session"
    );
    assert_eq!(std::fs::read(&f).expect("file"), before);
    let out = log_ok(&f, &[&rest_day[..], &["--extra"]].concat());
    assert!(out.contains("an extra session"), "{out}");
    // The leg-lift side plank only starts in week 6.
    let before = std::fs::read(&f).expect("file");
    let o = loadplan(&[
        "log",
        &f,
        "--date",
        "2026-03-05",
        "--exercise",
        "side_plank_leg_lift",
        "--done",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "loadplan: error: no session of `side_plank_leg_lift` on 2026-03-05 (Thu, week 1), and \
         it is not prescribed that week; planned that day: nordic_partial"
    );
    assert_eq!(std::fs::read(&f).expect("file"), before);
}

#[test]
fn log_refuses_bad_input_and_leaves_the_file_untouched() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read(&f).expect("file");
    let cases: [(&[&str], &str); 9] = [
        (
            &["--date", "2026-03-02", "--exercise", "nordik"],
            "`nordik` is not an exercise of this plan",
        ),
        (
            &["--date", "2026-03-02", "--exercise", "nordik"],
            "planned that day: sl_deadlift_db, side_plank_bench, nordic_partial",
        ),
        (
            &["--date", "2026-01-05", "--exercise", "sl_deadlift_db"],
            "2026-01-05 is not in the plan: it runs from 2026-03-02 to 2026-05-24 (12 weeks)",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--pain-during",
                "11",
            ],
            "--pain-during 11 is out of range: pain is rated from 0 (none) to 10",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--pain-during",
                "-1",
            ],
            "--pain-during -1 is out of range",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--pain-next",
                "worse",
            ],
            "--pain-next `worse` is not a pain rating: give a number from 0 to 10, or `settled`",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--rpe",
                "12",
            ],
            "--rpe 12 is out of range",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--sets",
                "0",
            ],
            "--sets 0 is out of range: give a whole number of sets from 1 to 50",
        ),
        (
            &[
                "--date",
                "2026-03-02",
                "--exercise",
                "sl_deadlift_db",
                "--load-kg",
                "-2.5",
            ],
            "--load-kg -2.5 is not possible",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["log", f.as_str()];
        all.extend_from_slice(args);
        let o = loadplan(&all);
        assert_eq!(o.status.code(), Some(1), "{all:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{all:?}:\n{err}");
        assert_eq!(std::fs::read(&f).expect("file"), before, "{all:?}");
    }
    assert!(!PathBuf::from(format!("{f}.bak")).exists());
}

#[test]
fn log_wrong_usage_exits_2_and_leaves_the_file_untouched() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read(&f).expect("file");
    // A date that is no date, both --done and --not-done.
    let no_date = ["--date", "2/3/2026", "--exercise", "sl_deadlift_db"];
    let both = [
        "--date",
        "2026-03-02",
        "--exercise",
        "sl_deadlift_db",
        "--done",
        "--not-done",
    ];
    for args in [&no_date[..], &both[..]] {
        let mut all = vec!["log", f.as_str()];
        all.extend_from_slice(args);
        assert_eq!(loadplan(&all).status.code(), Some(2), "{all:?}");
    }
    assert_eq!(std::fs::read(&f).expect("file"), before);
}

#[test]
fn log_needs_a_dated_plan() {
    let dir = temp_dir();
    let f = dir.path().join("undated.ron").display().to_string();
    let o = loadplan(&["new", "--template", "runners_glute", "-o", &f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(&f).expect("file");
    let o = loadplan(&[
        "log",
        &f,
        "--date",
        "2026-03-02",
        "--exercise",
        "sl_deadlift_db",
        "--done",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("the plan has no start date"), "{err}");
    assert!(err.contains("start_date: \"YYYY-MM-DD\""), "{err}");
    assert_eq!(std::fs::read(&f).expect("file"), before);
}

#[test]
fn show_json_includes_the_adjustment_after_a_red_log() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    // Without a log, the weeks are the engine's projection, unchanged.
    let plan = loadplan::io::load_plan(Path::new(&f)).expect("plan loads");
    let projection = loadplan::engine::project(&plan);
    let v = json_of(&loadplan(&["show", &f, "--json"]));
    // (Both through text, so that floats are parsed back the same way.)
    let weeks = serde_json::to_string(&projection.weeks).expect("json");
    let expected: serde_json::Value = serde_json::from_str(&weeks).expect("json");
    assert!(
        v["weeks"] == expected,
        "show --json weeks differ from the projection"
    );

    log_ok(
        &f,
        &[
            "--date",
            "2026-03-02",
            "--exercise",
            "sl_deadlift_db",
            "--pain-during",
            "7",
        ],
    );
    let v = json_of(&loadplan(&["show", &f, "--json", "--week", "1"]));
    let items = v["weeks"][0]["items"].as_array().expect("items");
    let deadlift = items
        .iter()
        .find(|i| i["exercise_id"] == "sl_deadlift_db")
        .expect("deadlift");
    let adjustments = deadlift["adjustments"].as_array().expect("adjustments");
    assert_eq!(adjustments.len(), 1, "{adjustments:?}");
    let a = &adjustments[0];
    assert_eq!(a["date"], "2026-03-04");
    assert_eq!(a["planned"]["load"]["Kg"].as_f64(), Some(4.5));
    assert_eq!(a["adjusted"]["load"]["Kg"].as_f64(), Some(3.5));
    assert_eq!(a["planned_label"], "3 x 10 @ 4.5 kg each side");
    assert_eq!(a["adjusted_label"], "3 x 10 @ 3.5 kg each side");
    assert_eq!(a["status"], "Pending");
    assert_eq!(a["response"], "Red");
    assert_eq!(
        a["reason"],
        "pain 7/10 during on 2 Mar: load reduced from 4.5 kg to 3.5 kg"
    );
    assert!(a.get("exercise_id").is_none(), "same exercise: {a}");
    // The planned dose itself is unchanged; other items carry no adjustments.
    assert_eq!(deadlift["dose"]["load"]["Kg"].as_f64(), Some(4.5));
    assert!(
        items
            .iter()
            .filter(|i| i["exercise_id"] != "sl_deadlift_db")
            .all(|i| i.get("adjustments").is_none())
    );
    // The week table marks it, with the reason.
    let o = loadplan(&["show", &f, "--week", "1"]);
    let out = stdout(&o);
    assert!(
        out.contains(
            "    * adjusted Wed 4 Mar: 3 x 10 @ 3.5 kg each side (proposed, pending review) - \
             pain 7/10 during on 2 Mar: load reduced from 4.5 kg to 3.5 kg"
        ),
        "{out}"
    );

    // Dismissed by the physio: the planned dose stands and nothing is marked.
    let text = std::fs::read_to_string(&f).expect("file");
    let body = text.trim_end().strip_suffix(')').expect("plan ends with )");
    let dismissed = format!(
        "{body}    adjustments: [\n        (prescription: 1, date: \"2026-03-04\", decision: Dismiss),\n    ],\n)\n"
    );
    std::fs::write(&f, dismissed).expect("write");
    let v = json_of(&loadplan(&["show", &f, "--json", "--week", "1"]));
    assert!(
        v["weeks"][0]["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i.get("adjustments").is_none()),
        "{v}"
    );
    let v = json_of(&loadplan(&[
        "status",
        &f,
        "--json",
        "--today",
        "2026-03-03",
    ]));
    assert_eq!(v["pending_adjustments"].as_array().map(Vec::len), Some(0));
}

#[test]
fn export_help_lists_the_paper_sizes() {
    let o = loadplan(&["export", "--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let paper = out
        .find("--paper")
        .map(|i| &out[i..])
        .unwrap_or_else(|| panic!("no --paper in:\n{out}"));
    assert!(
        paper.contains("a4") && paper.contains("letter"),
        "the sizes are listed:\n{out}"
    );
    assert!(paper.contains("[default: a4]"), "{out}");
}

#[test]
fn an_unknown_paper_size_is_refused_with_the_valid_ones() {
    let dir = temp_dir();
    let pdf = dir.path().join("h.pdf");
    let o = loadplan(&[
        "export",
        &data("data/examples/sample_plan.ron"),
        "-o",
        &pdf.display().to_string(),
        "--paper",
        "a3",
    ]);
    assert_eq!(o.status.code(), Some(2), "wrong usage");
    let err = stderr(&o);
    assert!(err.contains("'a3'"), "{err}");
    assert!(err.contains("[possible values: a4, letter]"), "{err}");
    assert!(!pdf.exists());
    // Any case, and the old spelling `us-letter`, still work.
    for paper in ["LETTER", "us-letter", "A4"] {
        let o = loadplan(&[
            "export",
            &data("data/examples/sample_plan.ron"),
            "-o",
            &pdf.display().to_string(),
            "--paper",
            paper,
        ]);
        assert!(o.status.success(), "{paper}: {}", stderr(&o));
    }
}

#[test]
fn templates_check_and_library_print_json() {
    let v = json_of(&loadplan(&["templates", "--json"]));
    let list = v.as_array().expect("array");
    let nordic = list
        .iter()
        .find(|t| t["id"] == "nordic_hamstring")
        .expect("nordic_hamstring");
    assert!(nordic["title"].is_string() && nordic["citation"].is_string());
    assert!(nordic["weeks"].as_u64() >= Some(12), "{nordic}");
    assert_eq!(
        list.len(),
        stdout(&loadplan(&["templates"])).lines().count()
    );

    let o = loadplan(&[
        "check",
        &data("data/templates/nordic_hamstring.ron"),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = v.as_array().expect("array");
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["severity", "code", "message", "source"] {
            assert!(f[key].is_string(), "{key}: {f}");
        }
        assert_eq!(
            f.get("exercise_id").is_some(),
            f.get("exercise_name").is_some(),
            "{f}"
        );
    }
    assert!(
        findings
            .iter()
            .any(|f| f["exercise_name"] == "Nordic hamstring curl"),
        "{v}"
    );

    let v = json_of(&loadplan(&["library", "--search", "nordic", "--json"]));
    let first = &v.as_array().expect("array")[0];
    for key in ["id", "name", "category", "muscles"] {
        assert!(first.get(key).is_some(), "{key}: {first}");
    }
}

#[test]
fn json_flag_is_global_and_every_subcommand_has_json() {
    let f = data("data/templates/runners_glute.ron");
    // Before or after the subcommand.
    for args in [
        &["--json", "show", f.as_str(), "--week", "2"][..],
        &["show", "--json", f.as_str(), "--week", "2"][..],
        &["--json", "status", f.as_str(), "--today", "2026-03-04"][..],
        &["status", f.as_str(), "--today", "2026-03-04", "--json"][..],
        &["--json", "templates"][..],
        &["--json", "library", "--muscle", "gluteus medius"][..],
    ] {
        let o = loadplan(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&o.stdout);
        assert!(parsed.is_ok(), "{args:?}:\n{}", stdout(&o));
    }
    let v = json_of(&loadplan(&["--json", "show", &f, "--week", "2"]));
    assert_eq!(v["weeks"][0]["week"], 2);

    // --json without a subcommand (the window) and a plan file before a subcommand are wrong
    // usage.
    assert_eq!(loadplan(&["--json"]).status.code(), Some(2));
    let o = loadplan(&[&f, "show", &f]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn new_export_and_log_say_what_they_did_in_json() {
    let dir = temp_dir();
    let f = dir.path().join("runner.ron").display().to_string();
    let v = json_of(&loadplan(&[
        "new",
        "--template",
        "runners_glute",
        "--start",
        "2026-03-02",
        "--athlete",
        "Ben",
        "-o",
        &f,
        "--json",
    ]));
    assert_eq!(v["written"], f.as_str());
    assert_eq!(v["template"], "runners_glute");
    assert_eq!(
        (v["athlete"].as_str(), v["weeks"].as_u64()),
        (Some("Ben"), Some(12))
    );
    assert_eq!(v["start_date"], "2026-03-02");

    let csv = dir.path().join("runner.csv").display().to_string();
    let v = json_of(&loadplan(&["export", &f, "-o", &csv, "--json"]));
    assert_eq!(v["written"], csv.as_str());
    assert_eq!(v["format"], "csv");
    assert!(v["count"].as_u64() > Some(0), "{v}");
    assert!(v.get("paper").is_none(), "{v}");
    let pdf = dir.path().join("runner.pdf").display().to_string();
    let v = json_of(&loadplan(&[
        "--json", "export", &f, "-o", &pdf, "--paper", "letter",
    ]));
    assert_eq!(
        (v["format"].as_str(), v["paper"].as_str()),
        (Some("pdf"), Some("Letter"))
    );

    let log = [
        "log",
        f.as_str(),
        "--date",
        "2026-03-02",
        "--exercise",
        "sl_deadlift_db",
        "--pain-during",
        "6",
        "--json",
    ];
    let v = json_of(&loadplan(&log));
    assert_eq!(v["recorded"], true);
    assert_eq!(v["session"]["date"], "2026-03-02");
    assert_eq!(v["session"]["exercises"][0]["pain_during"], 6);
    assert_eq!(v["response"], "Red");
    assert_eq!(v["adjustment"]["date"], "2026-03-04");
    assert_eq!(
        v["adjustment"]["effective_label"],
        "3 x 10 @ 3.5 kg each side"
    );
    assert!(
        v["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Single-leg deadlift")),
        "{v}"
    );
    assert!(
        v["next"]
            .as_str()
            .is_some_and(|s| s.starts_with("next session 4 Mar:")),
        "{v}"
    );
    // The same again: nothing new, and it says so.
    let v = json_of(&loadplan(&log));
    assert_eq!(v["recorded"], false);
}

#[test]
fn typed_errors_are_one_line_and_exit_1() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.ron").display().to_string();
    let f = runner_plan(&dir);
    let cases: [&[&str]; 4] = [
        &["show", &missing],
        &["--json", "show", &missing],
        &[
            "log",
            &f,
            "--date",
            "2026-03-02",
            "--exercise",
            "x",
            "--sets",
            "0",
        ],
        &["export", &f, "-o", "plan.docx"],
    ];
    for args in cases {
        let o = loadplan(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("loadplan: error: "), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", stdout(&o));
    }
    let o = loadplan(&["show", &missing]);
    assert!(stderr(&o).contains("missing.ron"), "{}", stderr(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let o = Command::new(env!("CARGO_BIN_EXE_loadplan"))
        .args([
            "show",
            &data("data/templates/nordic_hamstring.ron"),
            "--json",
        ])
        .stdout(full)
        .output()
        .expect("run loadplan");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("loadplan: error: cannot write output: "),
        "{err}"
    );
}

#[test]
fn fit_prints_the_fitted_weeks_beside_the_planned_ones_and_changes_nothing() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read(&f).expect("read");
    let o = loadplan(&["fit", &f, "--prescription", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("Single-leg deadlift with dumbbell (prescription 1, weeks 1-12)")
            && lines[0].ends_with("at most 10 % a week"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("double progression: reps 10 to 11"),
        "{out}"
    );
    let head: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(head, ["week", "before", "rise", "after", "rise"]);
    // Week 3: the plan's +1 kg is +22 %; the fit steps 0.5 kg with reps back to 10.
    let week3 = lines[5];
    assert!(
        week3
            .trim_start()
            .starts_with("3  3 x 10 @ 5.5 kg each side"),
        "{out}"
    );
    assert!(
        week3.contains("+22.2 %") && week3.contains("3 x 10 @ 5 kg each side"),
        "{out}"
    );
    assert!(lines[10].ends_with("deload"), "{out}");
    assert!(
        out.contains(
            "reaches 3 x 10 @ 7 kg each side by week 12; the plan had 3 x 10 @ 9.5 kg each side"
        ),
        "{out}"
    );
    assert!(out.contains("nothing written; pass --write"), "{out}");
    // Without --write the file is untouched and no backup appears.
    assert_eq!(std::fs::read(&f).expect("read"), before);
    assert!(!dir.path().join("runner.ron.bak").exists());

    // A threshold of its own.
    let o = loadplan(&["fit", &f, "--prescription", "1", "--threshold", "25"]);
    assert!(stdout(&o).contains("at most 25 % a week"), "{}", stdout(&o));
}

#[test]
fn fit_json_has_the_weeks_the_prescription_and_the_summary() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read(&f).expect("read");
    let v = json_of(&loadplan(&["--json", "fit", &f, "--prescription", "1"]));
    assert_eq!(v["file"], f.as_str());
    assert_eq!(v["written"], false);
    assert_eq!(v["threshold_pct"], 10.0);
    assert_eq!(v["load_step_kg"], 0.5);
    assert_eq!(v["reps_range"], serde_json::json!([10, 11]));
    assert_eq!(v["reached"], false);
    assert_eq!(v["end_week"], 12);
    assert_eq!(v["prescription"]["id"], 1);
    assert!(
        v["prescription"]["rules"][0]["Table"]["rows"].is_array(),
        "{v}"
    );
    let weeks = v["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[1]["after_label"], "3 x 11 @ 4.5 kg each side");
    assert!(weeks[0]["rise_after_pct"].is_null());
    for w in weeks {
        assert!(
            w["rise_after_pct"]
                .as_f64()
                .is_none_or(|r| r <= 10.0 + 1e-9),
            "{w}"
        );
    }
    assert!(
        v["summary"]
            .as_str()
            .is_some_and(|s| s.contains("the plan had"))
    );
    assert_eq!(std::fs::read(&f).expect("read"), before);
}

#[test]
fn fit_write_saves_the_fitted_prescription_and_keeps_a_backup() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read_to_string(&f).expect("read");
    let o = loadplan(&["fit", &f, "--prescription", "1", "--write"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("wrote "), "{}", stdout(&o));
    let bak = dir.path().join("runner.ron.bak");
    assert_eq!(std::fs::read_to_string(&bak).expect("backup"), before);
    let after = std::fs::read_to_string(&f).expect("read");
    assert_ne!(after, before);
    assert!(
        after.contains("(week: 2, sets: 3, reps: Fixed(11), load_kg: 4.5)"),
        "{after}"
    );

    // It reads back: the shown plan has the fitted doses, and fitting again reaches the end
    // dose it now has, as planned.
    let v = json_of(&loadplan(&["--json", "show", &f, "--week", "12"]));
    let item = &v["weeks"][0]["items"][0];
    assert_eq!(item["prescription_id"], 1);
    assert_eq!(
        (
            &item["dose"]["sets"],
            &item["dose"]["reps"],
            &item["dose"]["load"]
        ),
        (
            &serde_json::json!(3),
            &serde_json::json!({ "Fixed": 10 }),
            &serde_json::json!({ "Kg": 7.0 })
        )
    );
    let v = json_of(&loadplan(&["--json", "fit", &f, "--prescription", "1"]));
    assert_eq!(v["reached"], true, "{v}");
    let v = json_of(&loadplan(&[
        "--json",
        "fit",
        &f,
        "--prescription",
        "1",
        "--write",
    ]));
    assert_eq!(v["written"], true);
}

#[test]
fn fit_errors_are_one_line_and_exit_1() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let before = std::fs::read(&f).expect("read");
    for (args, expected) in [
        (
            &["fit", f.as_str(), "--prescription", "9"][..],
            "no prescription 9 in the plan; its prescriptions are 1 (Single-leg deadlift",
        ),
        (
            &["fit", f.as_str(), "--prescription", "9", "--write"][..],
            "no prescription 9 in the plan",
        ),
        (
            &["--json", "fit", f.as_str(), "--prescription", "2"][..],
            "moves up its ladder to Side plank on the knees in week 3",
        ),
        (
            &["fit", f.as_str(), "--prescription", "1", "--threshold", "0"][..],
            "--threshold 0 is not possible: give a number above 0",
        ),
    ] {
        let o = loadplan(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("loadplan: error: "), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", stdout(&o));
    }
    assert_eq!(std::fs::read(&f).expect("read"), before);
    // No --prescription is wrong usage.
    assert_eq!(loadplan(&["fit", &f]).status.code(), Some(2));
}
