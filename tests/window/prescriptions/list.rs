//! The list of prescriptions: delete, duplicate, move, the empty-plan hint, dropping an
//! exercise from the library, and the layout at 1280x800 and narrower.

use super::*;
use crate::support::Doc;

#[test]
fn delete_and_duplicate_prescriptions() {
    let mut h = harness(State::new(crate::support::runner_before()));
    h.run();
    let n = h.state().doc.plan().prescriptions.len();
    h.get_by_label(&format!("Duplicate {SLD}")).click();
    h.run();
    let plan = h.state().doc.plan();
    assert_eq!(plan.prescriptions.len(), n + 1);
    assert_eq!(plan.prescriptions[1].exercise, "sl_deadlift_db");
    assert_eq!(plan.prescriptions[1].dose, plan.prescriptions[0].dose);
    assert_ne!(plan.prescriptions[1].id, plan.prescriptions[0].id);
    // The copy is selected, and the two rows have distinct names.
    assert_eq!(
        h.state().selection.prescription,
        Some(plan.prescriptions[1].id)
    );
    h.get_by_label(&format!("Delete {SLD} (1)"));
    h.get_by_label(&format!("Delete {SLD} (2)")).click();
    h.run();
    assert_eq!(h.state().doc.plan().prescriptions.len(), n);
    assert_eq!(h.state().selection.prescription, None);
    h.get_by_label(&format!("Delete {PARTIAL_NORDIC}")).click();
    h.run();
    assert!(
        h.state()
            .doc
            .plan()
            .prescriptions
            .iter()
            .all(|p| p.exercise != "nordic_partial")
    );
    assert!(
        h.query_by_label(&format!("Delete {PARTIAL_NORDIC}"))
            .is_none()
    );
}

#[test]
fn move_buttons_reorder_the_list() {
    let mut h = harness(State::new(crate::support::runner_before()));
    h.run();
    let order = |h: &Harness<'_, State>| {
        h.state()
            .doc
            .plan()
            .prescriptions
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&h), vec![1, 2, 3, 4]);
    h.get_by_label(&format!("Move {SLD} down")).click();
    h.run();
    assert_eq!(order(&h), vec![2, 1, 3, 4]);
    h.get_by_label(&format!("Move {SLD} up")).click();
    h.run();
    assert_eq!(order(&h), vec![1, 2, 3, 4]);
}

#[test]
fn empty_plan_shows_the_hint() {
    let mut h = harness(State::new(Plan::default()));
    h.run();
    h.get_by_label("Add exercises from the library (click Add or drag one here)");
}

#[test]
fn dropping_an_exercise_adds_it() {
    let mut h = harness(State::new(Plan::default()));
    h.run();
    let hint = h
        .get_by_label("Add exercises from the library (click Add or drag one here)")
        .rect()
        .center();
    // What the library's drag source does when a drag starts.
    egui::DragAndDrop::set_payload(&h.ctx, ExerciseDrag("nordic".to_owned()));
    h.hover_at(hint);
    h.run();
    h.drop_at(hint);
    h.run();
    let plan = h.state().doc.plan();
    assert_eq!(plan.prescriptions.len(), 1);
    assert_eq!(plan.prescriptions[0].exercise, "nordic");
    assert_eq!(
        h.state().selection.prescription,
        Some(plan.prescriptions[0].id)
    );
    h.get_by_role_and_label(Role::Button, NORDIC);
}

#[test]
fn drop_edit_looks_up_the_library_and_the_plan() {
    let plan = crate::support::runner_before();
    match drop_edit(
        &Doc::new(plan.clone()).view(),
        &ExerciseDrag("nordic".to_owned()),
    ) {
        Some(Edit::AddPrescription { exercise, weeks }) => {
            assert_eq!(exercise.name, NORDIC);
            assert_eq!(weeks, None);
        }
        other => panic!("expected an AddPrescription, got {other:?}"),
    }
    let mut custom = plan.clone();
    custom.exercises.push(loadplan::model::Exercise {
        id: "own_exercise".to_owned(),
        name: "Own exercise".to_owned(),
        ..plan.exercises[0].clone()
    });
    assert!(
        drop_edit(
            &Doc::new(custom).view(),
            &ExerciseDrag("own_exercise".to_owned())
        )
        .is_some()
    );
    assert_eq!(
        drop_edit(
            &Doc::new(plan.clone()).view(),
            &ExerciseDrag("no_such_exercise".to_owned())
        ),
        None
    );
}

#[test]
fn panel_fits_1280_by_800() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, vec2(1280.0, 800.0));
    for label in ["Sets", "First week", "Supervised per week", "Load"] {
        let rect = h.get_by_role_and_label(Role::SpinButton, label).rect();
        assert!(
            screen.contains_rect(rect),
            "{label} at {rect:?} is off screen"
        );
    }
    for label in [format!("Delete {SLD}"), "Add rule".to_owned()] {
        let node = h.get_by_label(&label);
        node.scroll_to_me();
        h.run();
        let rect = h.get_by_label(&label).rect();
        assert!(
            screen.contains_rect(rect),
            "{label} at {rect:?} is off screen"
        );
    }
    // Narrow: the list sits above the editor.
    h.set_size(vec2(640.0, 800.0));
    h.run();
    let list = h.get_by_role_and_label(Role::Button, SLD).rect();
    let sets = h.get_by_role_and_label(Role::SpinButton, "Sets").rect();
    assert!(list.max.x <= 640.0 && sets.max.x <= 640.0);
}
