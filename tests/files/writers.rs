//! Writers of plan files: many `loadplan log`s at once, a window's save that finds the file
//! changed since it was opened, and writes that go only where they should (never over a
//! read-only file, through a symbolic link or over the plan itself; no temporary leftovers).
//! A hand-written file keeps its line endings, and its comments in `FILE.orig`.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use loadplan::io::{PlanFileError, SaveOutcome, load_plan, open_plan, save_plan_from, update_plan};

use crate::cli::{loadplan, log_ok, runner_plan, stderr, temp_dir};
use crate::common::names_in;

/// Sixteen exercises planned in the runner's first two weeks (from Monday 2 March 2026).
const SIXTEEN: [(&str, &str); 16] = [
    ("2026-03-02", "sl_deadlift_db"),
    ("2026-03-02", "side_plank_bench"),
    ("2026-03-02", "nordic_partial"),
    ("2026-03-04", "sl_deadlift_db"),
    ("2026-03-04", "side_plank_bench"),
    ("2026-03-05", "nordic_partial"),
    ("2026-03-06", "sl_deadlift_db"),
    ("2026-03-06", "side_plank_bench"),
    ("2026-03-09", "sl_deadlift_db"),
    ("2026-03-09", "side_plank_bench"),
    ("2026-03-09", "nordic_partial"),
    ("2026-03-11", "sl_deadlift_db"),
    ("2026-03-11", "side_plank_bench"),
    ("2026-03-12", "nordic_partial"),
    ("2026-03-13", "sl_deadlift_db"),
    ("2026-03-13", "side_plank_bench"),
];

/// (date, exercise) of every exercise the runner's plan schedules, in order.
pub(crate) fn planned(file: &str) -> Vec<(String, String)> {
    let plan = load_plan(Path::new(file)).expect("the plan reads");
    loadplan::engine::project(&plan)
        .sessions
        .iter()
        .filter_map(|s| s.date.map(|d| (d, &s.items)))
        .flat_map(|(d, items)| {
            items
                .iter()
                .map(move |i| (d.to_string(), i.exercise_id.to_string()))
        })
        .collect()
}

/// (date, exercise) of every logged exercise in the plan file, sorted.
fn logged(file: &str) -> Vec<(String, String)> {
    let plan = load_plan(Path::new(file)).expect("the plan reads");
    let mut out: Vec<(String, String)> = plan
        .log
        .iter()
        .flat_map(|s| {
            s.exercises
                .iter()
                .map(move |e| (s.date.to_string(), e.exercise.clone()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn sixteen_logs_at_once_keep_every_entry() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    // All started before any is waited for: they run at the same time.
    let children: Vec<_> = SIXTEEN
        .iter()
        .map(|(date, exercise)| {
            Command::new(env!("CARGO_BIN_EXE_loadplan"))
                .args(["log", &f, "--date", date, "--exercise", exercise])
                .args(["--pain-during", "1", "--today", "2026-03-31"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("run loadplan")
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().expect("loadplan runs");
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let mut expected: Vec<(String, String)> = SIXTEEN
        .iter()
        .map(|(d, e)| ((*d).to_owned(), (*e).to_owned()))
        .collect();
    expected.sort();
    assert_eq!(logged(&f), expected);
    // Nothing left behind but the backups and the (empty) lock file.
    assert_eq!(
        names_in(dir.path()),
        [
            ".runner.ron.lock",
            "runner.ron",
            "runner.ron.bak",
            "runner.ron.orig"
        ]
    );
}

#[test]
fn eight_writers_logging_five_entries_each_lose_none() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let planned = planned(&f);
    assert!(planned.len() >= 40, "{} planned", planned.len());
    let planned = &planned[..40];
    // Eight writers at the same time, each logging its five entries one after the other.
    std::thread::scope(|scope| {
        for (w, five) in planned.chunks(5).enumerate() {
            let f = &f;
            scope.spawn(move || {
                for (date, exercise) in five {
                    let o = Command::new(env!("CARGO_BIN_EXE_loadplan"))
                        .args(["log", f, "--date", date, "--exercise", exercise])
                        .args(["--done", "--today", "2026-06-30"])
                        .stdout(Stdio::null())
                        .output()
                        .expect("run loadplan");
                    assert!(o.status.success(), "writer {w}: {}", stderr(&o));
                }
            });
        }
    });
    let mut expected = planned.to_vec();
    expected.sort();
    expected.dedup();
    assert_eq!(expected.len(), 40, "40 different entries");
    assert_eq!(logged(&f), expected);
    assert_eq!(
        names_in(dir.path()),
        [
            ".runner.ron.lock",
            "runner.ron",
            "runner.ron.bak",
            "runner.ron.orig"
        ]
    );
}

#[test]
fn a_save_keeps_what_was_logged_in_the_file_meanwhile() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let path = PathBuf::from(&f);
    let opened = open_plan(&path).expect("the plan opens");
    let mut edited = opened.plan().clone();
    edited.title = "Runner, edited".to_owned();
    // Meanwhile the athlete logs two sessions.
    log_ok(
        &f,
        &["--date", "2026-03-02", "--exercise", "sl_deadlift_db"],
    );
    log_ok(
        &f,
        &["--date", "2026-03-04", "--exercise", "side_plank_bench"],
    );
    let report = save_plan_from(&edited, &path, Some(&opened)).expect("the save merges");
    assert_eq!(
        report.outcome,
        SaveOutcome::Merged {
            kept_from_disk: 2,
            plan_from_disk: false
        }
    );
    assert!(
        report.notes()[0].contains("2 log entries made there are kept"),
        "{:?}",
        report.notes()
    );
    let saved = load_plan(&path).expect("the plan reads");
    assert_eq!(saved.title, "Runner, edited");
    assert_eq!(saved.log.len(), 2);
    assert_eq!(report.base.plan(), &saved);
    // Saved again from what was written: nothing changed there, a plain save.
    let again = save_plan_from(&saved, &path, Some(&report.base)).expect("saves");
    assert_eq!(again.outcome, SaveOutcome::Saved);
}

#[test]
fn a_save_over_changes_to_the_plan_itself_is_refused_and_writes_nothing() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let path = PathBuf::from(&f);
    let opened = open_plan(&path).expect("the plan opens");
    let mut edited = opened.plan().clone();
    edited.title = "Runner, edited".to_owned();
    // Another writer changes a prescription.
    update_plan(&path, |plan| {
        plan.prescriptions[0].dose.sets = 4;
        Ok::<_, PlanFileError>(())
    })
    .expect("the other writer saves");
    let before = fs::read(&path).expect("file");
    let err = save_plan_from(&edited, &path, Some(&opened)).expect_err("refused");
    assert!(matches!(err, PlanFileError::Conflict { .. }), "{err:?}");
    let text = err.to_string();
    assert!(!text.contains('\n'), "{text}");
    assert!(
        text.starts_with(&format!(
            "{f}: not saved: the file was changed since it was opened"
        )),
        "{text}"
    );
    assert!(
        text.contains(
            "its plan was changed there too, not only its log; reopen it to see those \
             changes, or save under another name (Save as)"
        ),
        "{text}"
    );
    assert_eq!(fs::read(&path).expect("file"), before);
    // A save that only logged takes the other writer's plan along.
    let mut athlete = opened.plan().clone();
    let entry = athlete
        .session_log_mut("2026-03-02".parse().expect("date"), 0)
        .exercise_mut(1, "sl_deadlift_db");
    entry.done = true;
    let report = save_plan_from(&athlete, &path, Some(&opened)).expect("merges");
    assert_eq!(
        report.outcome,
        SaveOutcome::Merged {
            kept_from_disk: 0,
            plan_from_disk: true
        }
    );
    let saved = load_plan(&path).expect("reads");
    assert_eq!((saved.prescriptions[0].dose.sets, saved.log.len()), (4, 1));
}

#[cfg(unix)]
#[test]
fn a_read_only_plan_is_refused_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let f = runner_plan(&dir);
    fs::set_permissions(&f, fs::Permissions::from_mode(0o444)).expect("permissions");
    let before = fs::read(&f).expect("file");
    let o = loadplan(&[
        "log",
        &f,
        "--date",
        "2026-03-02",
        "--exercise",
        "sl_deadlift_db",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "loadplan: error: {f}: cannot save the plan: the file is read-only; make it writable"
        )),
        "{err}"
    );
    assert_eq!(fs::read(&f).expect("file"), before);
    let mode = fs::metadata(&f).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
    assert!(!PathBuf::from(format!("{f}.bak")).exists());
    // The window's save too.
    let path = PathBuf::from(&f);
    let opened = open_plan(&path).expect("opens");
    let err = save_plan_from(opened.plan(), &path, Some(&opened)).expect_err("refused");
    assert!(err.to_string().contains("the file is read-only"), "{err}");
}

#[cfg(unix)]
#[test]
fn export_and_new_never_write_through_a_link() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let other = dir.path().join("other.ron");
    fs::copy(&f, &other).expect("copied");
    let before = fs::read(&other).expect("file");
    let out = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&other, &out).expect("link");
    let o = loadplan(&["export", &f, "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "cannot write the export: it is a symbolic link, and loadplan does not replace the \
             file a link points to; remove the link or choose another name"
        ),
        "{err}"
    );
    let link = dir.path().join("new.ron");
    std::os::unix::fs::symlink(&other, &link).expect("link");
    let o = loadplan(&[
        "new",
        "--template",
        "runners_glute",
        "-o",
        &link.display().to_string(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "it is a symbolic link, and loadplan does not replace the file a link points to"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&other).expect("file"), before);
    assert!(
        !dir.path().join(".new.ron.lock").exists(),
        "refused before locking"
    );
    for l in [&out, &link] {
        assert!(
            fs::symlink_metadata(l)
                .expect("link")
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn export_onto_the_plan_itself_is_refused() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let csv_plan = dir.path().join("plan.csv").display().to_string();
    fs::copy(&f, &csv_plan).expect("copied");
    let same = dir.path().join(".").join("plan.csv").display().to_string();
    for (plan, out) in [(&f, &f), (&csv_plan, &same)] {
        let before = fs::read(plan).expect("file");
        let o = loadplan(&["export", plan, "-o", out]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            stderr(&o).trim(),
            format!(
                "loadplan: error: {out} is the plan file itself; an export never replaces the \
                 plan: choose another name for the export, e.g. plan.pdf"
            )
        );
        assert_eq!(fs::read(plan).expect("file"), before);
    }
}

#[test]
fn a_log_removes_what_an_interrupted_save_left_behind() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let make = |name: &str, age: Duration| {
        let file = File::create(dir.path().join(name)).expect("file created");
        file.set_modified(SystemTime::now() - age)
            .expect("time set");
    };
    make(".runner.ron.a1B2c3.tmp", Duration::from_secs(600));
    make(".runner.ron.d4E5f6.bak.tmp", Duration::from_secs(600));
    // Just left by a writer killed a moment ago: no writer can be writing it now, since a
    // write of the plan holds the plan's lock, so it goes too.
    make(".runner.ron.g7H8i9.tmp", Duration::ZERO);
    make("runner.ron.tmp", Duration::from_secs(600)); // not of our naming
    make(".other.ron.j1K2l3.tmp", Duration::from_secs(600)); // another file's
    log_ok(
        &f,
        &["--date", "2026-03-02", "--exercise", "sl_deadlift_db"],
    );
    assert_eq!(
        names_in(dir.path()),
        [
            ".other.ron.j1K2l3.tmp",
            ".runner.ron.lock",
            "runner.ron",
            "runner.ron.bak",
            "runner.ron.orig",
            "runner.ron.tmp"
        ]
    );
}

#[test]
fn the_windows_save_removes_what_an_interrupted_save_left_behind() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let path = PathBuf::from(&f);
    let opened = open_plan(&path).expect("the plan opens");
    // As a save killed a moment ago leaves them: the new version and the backup's copy.
    for name in [".runner.ron.Xy12Zq.tmp", ".runner.ron.Ab34Cd.bak.tmp"] {
        fs::write(dir.path().join(name), "(title: \"half wri").expect("file written");
    }
    let mut plan = opened.plan().clone();
    plan.title = "Saved again".to_owned();
    save_plan_from(&plan, &path, Some(&opened)).expect("the plan saves");
    assert_eq!(load_plan(&path).expect("reads").title, "Saved again");
    assert_eq!(
        names_in(dir.path()),
        [
            ".runner.ron.lock",
            "runner.ron",
            "runner.ron.bak",
            "runner.ron.orig"
        ]
    );
}

#[test]
fn an_export_error_names_the_destination_not_a_temporary_file() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let not_a_folder = dir.path().join("notes.txt");
    fs::write(&not_a_folder, "notes").expect("written");
    let out = not_a_folder.join("handout.pdf").display().to_string();
    let o = loadplan(&["export", &f, "-o", &out]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("loadplan: error: cannot write the export: "),
        "{err}"
    );
    assert!(err.trim_end().ends_with(&format!(": {out}")), "{err}");
    assert!(
        err.contains("part of the path is a file, not a folder"),
        "{err}"
    );
    // (The temporary file would be `.handout.pdf.XXXXXX.tmp`.)
    assert!(!err.contains(".handout.pdf."), "{err}");
}

#[test]
fn a_hand_written_file_keeps_its_line_endings_and_its_comments_in_orig() {
    let dir = temp_dir();
    let f = runner_plan(&dir);
    let crlf = fs::read_to_string(&f).expect("file").replace('\n', "\r\n");
    assert!(crlf.contains("// "), "the fixture has comments");
    fs::write(&f, &crlf).expect("written");
    let out = log_ok(
        &f,
        &["--date", "2026-03-02", "--exercise", "sl_deadlift_db"],
    );
    assert!(
        out.ends_with(&format!(
            "note: {f} had comments, which loadplan does not keep when it rewrites a plan; the \
             file as it was is kept as {f}.orig\n"
        )),
        "{out}"
    );
    let orig = format!("{f}.orig");
    assert_eq!(fs::read_to_string(&orig).expect("orig"), crlf);
    let text = fs::read_to_string(&f).expect("file");
    assert!(!text.contains("// "), "{text}");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    // Said once: the rewritten file has no comments left to lose.
    let out = log_ok(
        &f,
        &["--date", "2026-03-04", "--exercise", "sl_deadlift_db"],
    );
    assert!(!out.contains("note:"), "{out}");
    assert_eq!(fs::read_to_string(&orig).expect("orig"), crlf);
    assert!(fs::read_to_string(&f).expect("file").contains("\r\n"));
}
