//! The command line, run as a user runs it: the real binary, its output and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn loadplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loadplan"))
        .args(args)
        .output()
        .expect("run loadplan")
}

fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir() -> tempfile::TempDir {
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
