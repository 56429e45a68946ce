//! Crash recovery in the window: unsaved changes go to a recovery file a few seconds after the
//! last edit (the frames' clock, driven here by the harness's steps of 0.25 s), and it goes
//! when they are saved or given up. A window that is gone (here: a harness dropped without
//! closing, as after a crash or a kill) leaves its file, and the next start offers it: Restore
//! opens the plan as it was, unsaved and belonging to its file; Discard deletes it. Everything
//! is written in temporary folders, never in the user's.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::app::LoadplanApp;
use loadplan::app::document::Origin;
use loadplan::command::{Command, Edit, PlanMeta, UnsavedChoice};
use loadplan::io::{PlanFileError, load_plan, save_plan, update_plan};

use crate::app::{send_and_wait, set_first_sets, welcome};
use crate::common::names_in;
use crate::support::{open_plan as plan, runner_before, send};

/// A window keeping unsaved changes in `dir`, with nothing open.
fn window(dir: &Path) -> Harness<'static, LoadplanApp> {
    let mut h = welcome();
    let ctx = h.ctx.clone();
    h.state_mut().enable_recovery(dir.to_path_buf(), &ctx);
    h.run();
    h
}

/// A folder for the plan, one for recovery files, and the runner's plan saved in the first.
fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().expect("temp dir");
    let recovery = root.path().join("recovery");
    let path = root.path().join("runner.ron");
    let mut runner = runner_before();
    runner.start_date = "2026-03-02".parse().ok();
    save_plan(&runner, &path).expect("written");
    (root, recovery, path)
}

/// Waits (for work on the file thread) until `done`, stepping the window; fails after 10 s.
fn wait_until(h: &mut Harness<'_, LoadplanApp>, what: &str, done: impl Fn(&LoadplanApp) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what}: not within 10 s (status: {:?})",
            h.state().message()
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Lets `secs` pass on the window's clock.
fn pass(h: &mut Harness<'_, LoadplanApp>, secs: f32) {
    for _ in 0..(secs / 0.25).ceil() as usize {
        h.step();
    }
}

fn own_file(h: &Harness<'_, LoadplanApp>) -> PathBuf {
    h.state().recovery_file().expect("recovery is on")
}

/// A window on `path`, edited (the first prescription's sets to 4), whose recovery file has
/// been written.
fn edited_window(recovery: &Path, path: &Path) -> Harness<'static, LoadplanApp> {
    let mut h = window(recovery);
    send_and_wait(&mut h, Command::OpenPath(path.to_path_buf()));
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    pass(&mut h, 3.5);
    let file = own_file(&h);
    wait_until(&mut h, "the recovery file is written", |_| file.exists());
    h
}

fn click(h: &mut Harness<'_, LoadplanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

#[test]
fn unsaved_changes_are_written_after_a_pause_and_removed_when_saved() {
    let (_root, recovery, path) = folders();
    let mut h = window(&recovery);
    send_and_wait(&mut h, Command::OpenPath(path.clone()));
    let file = own_file(&h);
    // A longer pause than the usual 3 s, so the frames that settle an edit stay well within it.
    h.state_mut().set_recovery_delay(10.0);
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    // Eight seconds after the edit, nothing yet (the file thread would have written it by the
    // time this short wait is over).
    pass(&mut h, 8.0);
    std::thread::sleep(Duration::from_millis(200));
    h.step();
    assert!(!file.exists(), "written before the pause was over");
    pass(&mut h, 2.5);
    wait_until(&mut h, "the recovery file is written", |_| file.exists());
    assert!(
        names_in(&recovery).iter().all(|n| !n.ends_with(".tmp")),
        "{:?}",
        names_in(&recovery)
    );

    send_and_wait(&mut h, Command::Save);
    assert!(!h.state().document().expect("doc").is_dirty());
    wait_until(&mut h, "the recovery file goes after the save", |_| {
        !file.exists()
    });
    assert_eq!(
        load_plan(&path).expect("saved").prescriptions[0].dose.sets,
        4
    );
    drop(h);
    // A window that closed with nothing unsaved leaves nothing behind, not even its lock.
    assert_eq!(names_in(&recovery), Vec::<String>::new());
}

#[test]
fn edits_that_never_pause_are_still_written_within_half_a_minute() {
    let (_root, recovery, path) = folders();
    let mut h = window(&recovery);
    send_and_wait(&mut h, Command::OpenPath(path));
    let file = own_file(&h);
    h.state_mut().set_recovery_delay(5.0);
    // An edit every second or two (the frames that settle an edit count too), for at least
    // 30 s: never the 5 s pause.
    let start = h.ctx.input(|i| i.time);
    loop {
        let elapsed = h.ctx.input(|i| i.time) - start;
        if elapsed >= 33.0 {
            break;
        }
        if elapsed < 29.0 {
            assert!(
                !file.exists(),
                "written after {elapsed} s of edits with no pause"
            );
        }
        // 4 and 5 sets in turn: never the saved 3, so always unsaved.
        let sets = if plan(&h).prescriptions[0].dose.sets == 4 {
            5
        } else {
            4
        };
        let edit = set_first_sets(&h, sets);
        send(&mut h, edit);
        pass(&mut h, 1.0);
    }
    // No pause has come (and no frame is drawn now): the write was asked for by the 30 s limit.
    let waited = Instant::now();
    while !file.exists() {
        assert!(
            waited.elapsed() < Duration::from_secs(10),
            "not written within 30 s of edits"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn after_a_crash_the_next_start_offers_the_changes_and_restore_keeps_them_unsaved() {
    let (_root, recovery, path) = folders();
    let h = edited_window(&recovery, &path);
    let edited = plan(&h);
    let crashed = own_file(&h);
    drop(h); // the window is gone without closing: a crash

    let mut h = window(&recovery);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    assert!(
        h.query_by_label_contains("loadplan closed without saving changes to \"runner.ron\" at ")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&format!("The plan's file: {}", path.display()))
            .is_some()
    );
    click(&mut h, "Restore");
    assert!(!h.state().is_offering_recovery());
    let doc = h.state().document().expect("the restored plan is open");
    assert!(doc.is_dirty(), "restored changes are unsaved");
    assert_eq!(doc.path(), Some(path.as_path()));
    assert_eq!(*doc.plan(), edited);
    let m = h.state().message().expect("a message").clone();
    assert!(!m.is_error, "{}", m.text);
    assert!(
        m.text
            .starts_with("Restored the unsaved changes to runner.ron.")
            && m.text
                .contains(&format!("Save writes them to {}", path.display())),
        "{}",
        m.text
    );
    // This window keeps them now; the crashed window's file goes.
    let own = own_file(&h);
    wait_until(&mut h, "the old file goes, the new one is written", |_| {
        own.exists() && !crashed.exists()
    });

    // Save writes where the plan belongs, and nothing is left to recover.
    send_and_wait(&mut h, Command::Save);
    assert_eq!(load_plan(&path).expect("saved"), edited);
    wait_until(&mut h, "the recovery file goes", |_| !own.exists());
}

#[test]
fn a_restored_plan_saved_keeps_what_was_logged_in_its_file_after_the_crash() {
    let (_root, recovery, path) = folders();
    drop(edited_window(&recovery, &path));
    // The athlete logs a session into the file (`loadplan log`) before the window restarts.
    update_plan(&path, |p| {
        let date = "2026-03-02".parse().expect("date");
        p.session_log_mut(date, 0)
            .exercise_mut(1, "sl_deadlift_db")
            .done = true;
        Ok::<_, PlanFileError>(())
    })
    .expect("logged");

    let mut h = window(&recovery);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    click(&mut h, "Restore");
    send_and_wait(&mut h, Command::Save);
    let m = h.state().message().expect("a message").clone();
    assert!(
        !m.is_error && m.text.contains("1 log entry made there are kept"),
        "{}",
        m.text
    );
    let saved = load_plan(&path).expect("saved");
    assert_eq!(saved.prescriptions[0].dose.sets, 4, "the restored edit");
    assert_eq!(saved.log.len(), 1, "the entry logged after the crash");
}

#[test]
fn discard_deletes_the_changes_and_the_plan_file_stays_as_saved() {
    let (_root, recovery, path) = folders();
    let before = std::fs::read(&path).expect("file");
    let h = edited_window(&recovery, &path);
    let crashed = own_file(&h);
    drop(h);

    let mut h = window(&recovery);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    click(&mut h, "Discard");
    assert!(!h.state().is_offering_recovery());
    wait_until(&mut h, "the file goes", |_| !crashed.exists());
    assert!(h.state().document().is_none(), "nothing was opened");
    assert_eq!(std::fs::read(&path).expect("file"), before);
    drop(h);
    assert_eq!(names_in(&recovery), Vec::<String>::new());
}

#[test]
fn an_unsaved_new_plan_is_restored_without_a_file() {
    let root = tempfile::tempdir().expect("temp dir");
    let recovery = root.path().join("recovery");
    let mut h = window(&recovery);
    send(&mut h, Command::NewEmpty);
    let mut meta = PlanMeta::of(&plan(&h));
    meta.title = "Knee plan for Sam".to_owned();
    send(&mut h, Command::Edit(Edit::SetMeta(meta)));
    pass(&mut h, 3.5);
    let file = own_file(&h);
    wait_until(&mut h, "written", |_| file.exists());
    drop(h);

    let mut h = window(&recovery);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    assert!(
        h.query_by_label_contains("changes to \"New plan\"")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("The plan was never saved to a file.")
            .is_some()
    );
    click(&mut h, "Restore");
    let doc = h.state().document().expect("restored");
    assert!(doc.is_dirty());
    assert_eq!(doc.origin(), &Origin::Unsaved("New plan".to_owned()));
    assert_eq!(doc.plan().title, "Knee plan for Sam");
}

#[test]
fn a_running_windows_changes_are_not_offered_and_a_gone_ones_are() {
    let (root, recovery, path) = folders();
    let other = root.path().join("other.ron");
    save_plan(&runner_before(), &other).expect("written");
    let gone = edited_window(&recovery, &other);
    drop(gone);
    let running = edited_window(&recovery, &path);

    let mut h = window(&recovery);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    assert!(
        h.query_by_label_contains("changes to \"other.ron\"")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("more set").is_none(),
        "only one offer"
    );
    click(&mut h, "Not now");
    assert!(!h.state().is_offering_recovery());
    // Kept for the next start; the running window's file is untouched.
    assert!(own_file(&running).exists());
    assert_eq!(
        names_in(&recovery)
            .iter()
            .filter(|n| n.ends_with(".recovery"))
            .count(),
        2
    );
}

#[test]
fn quitting_without_saving_removes_the_changes_kept_for_recovery() {
    let (_root, recovery, path) = folders();
    let mut h = edited_window(&recovery, &path);
    let file = own_file(&h);
    send(&mut h, Command::Quit);
    assert!(h.state().is_asking_to_save());
    send(&mut h, Command::Resolve(UnsavedChoice::Discard));
    wait_until(&mut h, "the file goes", |_| !file.exists());
}

#[test]
fn a_damaged_recovery_file_is_reported_and_kept_aside() {
    let root = tempfile::tempdir().expect("temp dir");
    let recovery = root.path().join("recovery");
    std::fs::create_dir_all(&recovery).expect("folder");
    let name = "loadplan-4242-1700000000000.recovery";
    std::fs::write(recovery.join(name), "(loadplan_recovery: 1, plan: \"(tit").expect("w");
    let mut h = window(&recovery);
    wait_until(&mut h, "the message", |app| app.message().is_some());
    let m = h.state().message().expect("message").clone();
    assert!(m.is_error);
    assert!(
        m.text.starts_with(
            "Unsaved changes from an earlier session cannot be restored: their recovery file is \
             damaged ("
        ) && m.text.contains(&format!("{name}.unreadable")),
        "{}",
        m.text
    );
    assert!(!h.state().is_offering_recovery());
    assert_eq!(names_in(&recovery), [format!("{name}.unreadable")]);
}

#[test]
fn the_question_about_lost_changes_comes_before_the_welcome_window() {
    let (_root, recovery, path) = folders();
    let h = edited_window(&recovery, &path);
    drop(h); // a crash

    // The program starting with no file: the sample plan and the welcome window over it.
    let mut h = window(&recovery);
    let ctx = h.ctx.clone();
    h.state_mut().start_with(None, &ctx);
    wait_until(&mut h, "the offer", LoadplanApp::is_offering_recovery);
    assert!(h.query_by_label("Restore unsaved changes?").is_some());
    assert!(
        h.query_by_label("Welcome to loadplan").is_none(),
        "the welcome window waits behind the question"
    );
    click(&mut h, "Not now");
    assert!(
        h.query_by_label("Welcome to loadplan").is_some(),
        "once answered, the welcome window shows"
    );
}
