//! Recovery files: offered only when their window is gone, removed without a trace, damaged
//! ones set aside.

use super::*;

fn plan(title: &str) -> Plan {
    Plan {
        title: title.to_owned(),
        weeks: 4,
        ..Plan::default()
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn a_running_windows_file_is_not_offered_and_a_gone_ones_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let running = RecoverySlot::new(dir.path().to_path_buf());
    running
        .write("New plan", &plan("Mine"), None, None)
        .expect("written");
    // Another window (this test plays it) does not see a running window's file.
    assert_eq!(find_recovery(dir.path(), None), Found::default());
    let file = running.file();
    drop(running); // as when the window is gone (the lock is released; a crash does too)
    let found = find_recovery(dir.path(), None);
    assert_eq!(found.recovered.len(), 1, "{found:?}");
    let r = &found.recovered[0];
    assert_eq!(
        (r.file.as_path(), r.name.as_str()),
        (file.as_path(), "New plan")
    );
    assert_eq!((r.plan.title.as_str(), r.path.as_ref()), ("Mine", None));
    assert_eq!(r.pid, std::process::id());
    discard_recovery(&r.file).expect("deleted");
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_removed_file_leaves_nothing_behind_when_the_window_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let slot = RecoverySlot::new(dir.path().to_path_buf());
    slot.write("x", &plan("A"), None, None).expect("written");
    slot.remove().expect("removed");
    slot.remove().expect("removing twice is fine");
    drop(slot);
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_damaged_file_is_reported_and_kept_aside_never_offered_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "loadplan-42-1700000000000.recovery";
    fs::write(
        dir.path().join(name),
        "(loadplan_recovery: 1, written: \"2026",
    )
    .expect("w");
    let found = find_recovery(dir.path(), None);
    assert!(found.recovered.is_empty());
    assert_eq!(found.unreadable.len(), 1, "{found:?}");
    let u = &found.unreadable[0];
    assert!(u.reason.starts_with("is damaged"), "{}", u.reason);
    assert_eq!(u.kept_as, dir.path().join(format!("{name}.unreadable")));
    assert_eq!(find_recovery(dir.path(), None), Found::default());
}

#[test]
fn other_names_are_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in [
        "notes.txt",
        "loadplan-x-1.recovery",
        "loadplan-1-2-3.recovery",
    ] {
        fs::write(dir.path().join(n), "x").expect("w");
    }
    assert_eq!(find_recovery(dir.path(), None), Found::default());
    assert_eq!(names(dir.path()).len(), 3);
}

#[test]
fn a_missing_folder_finds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        find_recovery(&dir.path().join("none"), None),
        Found::default()
    );
}
