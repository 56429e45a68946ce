//! The window's save when the file changed since it was opened: sessions the athlete logged
//! there meanwhile are kept (merged in), a change of the plan itself there is not overwritten
//! (the save is refused, with what to do), and a read-only file is left as it is.

use std::path::{Path, PathBuf};

use loadplan::command::Command;
use loadplan::io::{PlanFileError, load_plan, save_plan, update_plan};
use loadplan::model::Plan;

use crate::app::{send_and_wait, set_first_sets, welcome};
use crate::support::{open_plan as plan, runner_before, send};

/// The runner's plan, dated, saved in a temporary folder and opened in the window.
fn opened() -> (
    tempfile::TempDir,
    PathBuf,
    egui_kittest::Harness<'static, loadplan::app::LoadplanApp>,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("runner.ron");
    let mut runner = runner_before();
    runner.start_date = "2026-03-02".parse().ok();
    save_plan(&runner, &path).expect("written");
    let mut h = welcome();
    send_and_wait(&mut h, Command::OpenPath(path.clone()));
    assert_eq!(plan(&h).start_date, runner.start_date);
    (dir, path, h)
}

/// Another writer changes the file (as `loadplan log` does).
fn meanwhile(path: &Path, change: impl FnOnce(&mut Plan)) {
    update_plan(path, |p| {
        change(p);
        Ok::<_, PlanFileError>(())
    })
    .expect("the other writer saves");
}

fn message(h: &egui_kittest::Harness<'_, loadplan::app::LoadplanApp>) -> loadplan::ui::Message {
    h.state().message().expect("a message is shown").clone()
}

#[test]
fn a_save_keeps_sessions_logged_in_the_file_meanwhile() {
    let (_dir, path, mut h) = opened();
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    meanwhile(&path, |p| {
        let date = "2026-03-02".parse().expect("date");
        p.session_log_mut(date, 0)
            .exercise_mut(1, "sl_deadlift_db")
            .done = true;
    });
    send_and_wait(&mut h, Command::Save);
    let m = message(&h);
    assert!(!m.is_error, "{}", m.text);
    assert!(
        m.text.starts_with("Saved ")
            && m.text.contains("1 log entry made there are kept")
            && m.text.ends_with("Earlier edits can no longer be undone."),
        "{}",
        m.text
    );
    let shown = plan(&h);
    assert_eq!(shown.log.len(), 1, "the window shows the logged session");
    assert_eq!(shown.prescriptions[0].dose.sets, 4, "and keeps the edit");
    assert_eq!(load_plan(&path).expect("reads"), shown);
    let doc = h.state().document().expect("doc");
    assert!(!doc.is_dirty());
    assert_eq!(h.state().undo_redo_labels().0, None);
    // The next save starts from what was written: nothing to merge.
    let edit = set_first_sets(&h, 5);
    send(&mut h, edit);
    send_and_wait(&mut h, Command::Save);
    assert_eq!(message(&h).text, format!("Saved {}.", path.display()));
    assert_eq!(load_plan(&path).expect("reads").log.len(), 1);
}

#[test]
fn a_save_over_changes_to_the_plan_in_the_file_is_refused() {
    let (_dir, path, mut h) = opened();
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    meanwhile(&path, |p| p.title = "Changed elsewhere".to_owned());
    let before = std::fs::read(&path).expect("file");
    send_and_wait(&mut h, Command::Save);
    let m = message(&h);
    assert!(m.is_error, "{}", m.text);
    assert!(
        m.text.starts_with(&format!(
            "Could not save. {}: not saved: the file was changed since it was opened",
            path.display()
        )) && m
            .text
            .contains("reopen it to see those changes, or save under another name (Save as)"),
        "{}",
        m.text
    );
    assert!(!m.text.contains('\n'));
    assert_eq!(std::fs::read(&path).expect("file"), before);
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    assert_eq!(
        plan(&h).prescriptions[0].dose.sets,
        4,
        "the edit is still there"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_by_a_save() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, mut h) = opened();
    let edit = set_first_sets(&h, 4);
    send(&mut h, edit);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("mode");
    let before = std::fs::read(&path).expect("file");
    send_and_wait(&mut h, Command::Save);
    let m = message(&h);
    assert!(
        m.is_error && m.text.contains("the file is read-only; make it writable"),
        "{}",
        m.text
    );
    assert_eq!(std::fs::read(&path).expect("file"), before);
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
}

#[test]
fn an_export_onto_the_plan_file_is_refused() {
    let (_dir, path, mut h) = opened();
    let before = std::fs::read(&path).expect("file");
    send(&mut h, Command::ExportTo(path.clone()));
    let m = message(&h);
    assert!(
        m.is_error && m.text.contains("is the plan file itself"),
        "{}",
        m.text
    );
    assert_eq!(std::fs::read(&path).expect("file"), before);
}
