//! What stopped or misled a physio in their first hour, each fixed and kept fixed: undoing back
//! to the saved plan leaves nothing unsaved, a new plan's title says its name once, counts agree
//! with their nouns, a deletion can be undone from the status bar.

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, Edit};

use crate::support::{app_harness, click, open_plan, send};

fn sample() -> egui_kittest::Harness<'static, LoadplanApp> {
    let mut h = app_harness(LoadplanApp::new(Prefs::default()), vec2(1280.0, 800.0));
    h.run();
    send(&mut h, Command::OpenSample);
    h
}

fn dirty(h: &egui_kittest::Harness<'_, LoadplanApp>) -> bool {
    h.state().document().expect("a plan").is_dirty()
}

#[test]
fn undoing_back_to_the_saved_plan_leaves_nothing_unsaved() {
    let mut h = sample();
    assert!(!dirty(&h));
    let mut rx = open_plan(&h).prescriptions[0].clone();
    rx.dose.sets += 1;
    send(&mut h, Command::Edit(Edit::UpdatePrescription(rx)));
    assert!(dirty(&h));
    assert!(
        h.state()
            .document()
            .expect("a plan")
            .window_title()
            .starts_with("* ")
    );
    send(&mut h, Command::Undo);
    assert!(!dirty(&h), "undone back to the plan as opened");
    assert!(
        !h.state()
            .document()
            .expect("a plan")
            .window_title()
            .starts_with('*')
    );
    send(&mut h, Command::Redo);
    assert!(dirty(&h));
}

#[test]
fn a_new_plans_title_says_its_name_once() {
    let mut h = sample();
    send(&mut h, Command::NewEmpty);
    let title = h.state().document().expect("a plan").window_title();
    assert_eq!(title, "New plan - loadplan");
}

#[test]
fn counts_agree_with_their_nouns() {
    assert_eq!(loadplan::engine::words::counted(1, "warning"), "1 warning");
    assert_eq!(loadplan::engine::words::counted(0, "note"), "0 notes");
    let h = sample();
    let label = h
        .query_by_label_contains("error")
        .and_then(|n| n.accesskit_node().label())
        .unwrap_or_default();
    assert!(
        !label.contains("1 warnings") && !label.contains("1 errors"),
        "{label}"
    );
}

#[test]
fn a_deleted_prescription_can_be_undone_from_the_status_bar() {
    let mut h = sample();
    let before = open_plan(&h).prescriptions.len();
    let name = open_plan(&h)
        .exercise_name(&open_plan(&h).prescriptions[0].exercise)
        .into_owned();
    click(&mut h, Role::Button, &format!("Delete {name}"));
    assert_eq!(open_plan(&h).prescriptions.len(), before - 1);
    let message = h
        .state()
        .message()
        .expect("the deletion is reported")
        .clone();
    assert!(message.undo && message.text.contains(&name), "{message:?}");
    click(&mut h, Role::Button, "Undo");
    assert_eq!(open_plan(&h).prescriptions.len(), before);
    assert!(h.state().message().is_none());
    assert!(!dirty(&h));
}
