//! The prescription editor: dose, reps kinds, load units, schedule, weeks and the ladder.

use super::*;

#[test]
fn typing_sets_changes_the_prescription() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    assert_eq!(h.state().selection.prescription, Some(1));
    type_into_drag_value(&mut h, "Sets", "4");
    assert_eq!(h.state().rx(SLD).dose.sets, 4);
    // One kind of edit only: the prescription, merged into one undo step by the app.
    assert!(
        h.state()
            .applied
            .iter()
            .all(|e| matches!(e, Edit::UpdatePrescription(rx) if rx.id == 1))
    );
}

#[test]
fn reps_kind_range_then_8_to_12() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    choose(&mut h, "Reps kind", "Range");
    assert!(matches!(h.state().rx(SLD).dose.reps, Some(Reps::Range(..))));
    type_into_drag_value(&mut h, "Reps from", "8");
    type_into_drag_value(&mut h, "Reps to", "12");
    assert_eq!(h.state().rx(SLD).dose.reps, Some(Reps::Range(8, 12)));
    // The range stays ordered: a "from" above "to" drags "to" along.
    type_into_drag_value(&mut h, "Reps from", "15");
    assert_eq!(h.state().rx(SLD).dose.reps, Some(Reps::Range(15, 15)));
}

#[test]
fn per_set_reps_follow_the_number_of_sets() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    choose(&mut h, "Reps kind", "Per set");
    assert_eq!(
        h.state().rx(SLD).dose.reps,
        Some(Reps::PerSet(vec![10, 10, 10]))
    );
    type_into_drag_value(&mut h, "Reps set 3", "8");
    type_into_drag_value(&mut h, "Sets", "4");
    assert_eq!(
        h.state().rx(SLD).dose.reps,
        Some(Reps::PerSet(vec![10, 10, 8, 8]))
    );
    h.get_by_role_and_label(Role::SpinButton, "Reps set 4");
    type_into_drag_value(&mut h, "Sets", "2");
    assert_eq!(
        h.state().rx(SLD).dose.reps,
        Some(Reps::PerSet(vec![10, 10]))
    );
    assert!(h.query_by_label("Reps set 3").is_none());
}

#[test]
fn load_is_shown_and_typed_in_pounds() {
    let mut state = State::new(crate::support::runner_before());
    state.doc.unit = LoadUnit::Lb;
    let mut h = harness(state);
    h.run();
    h.get_by_role_and_label(Role::Button, SLD).click();
    h.run();
    let load = h.get_by_role_and_label(Role::SpinButton, "Load");
    assert_eq!(load.value().as_deref(), Some("9.92 lb"), "4.5 kg in lb");
    // The list shows the first week's dose in pounds too.
    h.get_by_label_contains("3 x 10 @ 9.92 lb each side");
    type_into_drag_value(&mut h, "Load", "10");
    let Load::Kg(kg) = h.state().rx(SLD).dose.load else {
        panic!("load stays in kilograms");
    };
    assert!(
        (kg - 4.535_923_7).abs() < 1e-9,
        "10 lb stored as kg, got {kg}"
    );
}

#[test]
fn schedule_kind_and_weekdays() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    h.get_by_role_and_label(Role::Button, "Tue").click();
    h.run();
    let expected = vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Fri];
    assert_eq!(h.state().rx(SLD).schedule, Schedule::Weekdays(expected));
    choose(&mut h, "Schedule", "Sessions per week");
    assert_eq!(h.state().rx(SLD).schedule, Schedule::PerWeek(4));
    type_into_drag_value(&mut h, "Sessions per week", "2");
    assert_eq!(h.state().rx(SLD).schedule, Schedule::PerWeek(2));
    // Supervision never exceeds the sessions.
    type_into_drag_value(&mut h, "Supervised per week", "5");
    assert_eq!(h.state().rx(SLD).supervised_per_week, 2);
}

#[test]
fn first_week_never_passes_last_week() {
    let mut h = select_plan(
        crate::support::runner_before(),
        "Side plank, elbow on a bench",
    );
    type_into_drag_value(&mut h, "First week", "9");
    let weeks = h.state().rx("Side plank, elbow on a bench").weeks;
    assert_eq!((weeks.first, weeks.last), (9, 9));
}

#[test]
fn swap_to_easier_variation() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    h.get_by_label_contains("Swap to easier: ").click();
    h.run();
    let plan = h.state().doc.plan();
    assert_eq!(plan.prescriptions[0].exercise, "sl_deadlift_bw");
    assert!(
        plan.exercise("sl_deadlift_bw").is_some(),
        "the variation is copied into the plan"
    );
}

/// Opening every prescription and every rule of every template, in kg and in lb, shows the
/// plan without changing it: no edit (and so no undo step or unsaved mark) from looking.
#[test]
fn looking_at_every_prescription_and_rule_changes_nothing() {
    for id in loadplan::templates::ids() {
        for unit in [LoadUnit::Kg, LoadUnit::Lb] {
            let mut state = State::new(template(id));
            state.doc.unit = unit;
            let mut h = harness(state);
            h.run();
            let plan = h.state().doc.plan().clone();
            for (name, rx) in row_names(&plan).iter().zip(&plan.prescriptions) {
                h.get_by_role_and_label(Role::Button, name).scroll_to_me();
                h.run();
                h.get_by_role_and_label(Role::Button, name).click();
                h.run();
                // The first rule opens by itself; open the others one by one.
                for (i, rule) in rx.rules.iter().enumerate().skip(1) {
                    let header = format!(
                        "{}. {}: {}",
                        i + 1,
                        rule.kind_label(),
                        rule.summary(&rx.dose.load, unit)
                    );
                    h.get_by_role_and_label(Role::Button, &header)
                        .scroll_to_me();
                    h.run();
                    h.get_by_role_and_label(Role::Button, &header).click();
                    h.run();
                }
            }
            assert!(
                h.state().applied.is_empty(),
                "{id} ({unit:?}): looking pushed {:?}",
                h.state().applied
            );
            assert_eq!(*h.state().doc.plan(), plan);
        }
    }
}

#[test]
fn optional_fields_side_and_text() {
    let mut h = select_plan(crate::support::runner_before(), SLD);
    h.get_by_role_and_label(Role::CheckBox, "Hold time").click();
    h.run();
    assert_eq!(
        h.state().rx(SLD).dose.hold_secs,
        Some(5.0),
        "a hold per rep starts at 5 s"
    );
    type_into_drag_value(&mut h, "Hold", "3");
    assert_eq!(h.state().rx(SLD).dose.hold_secs, Some(3.0));
    h.get_by_role_and_label(Role::CheckBox, "Tempo").click();
    h.run();
    assert_eq!(h.state().rx(SLD).dose.tempo, None);
    assert!(h.query_by_label("Eccentric").is_none());
    choose(&mut h, "Side", "left");
    assert_eq!(h.state().rx(SLD).dose.side, Side::Left);
    type_into_text(&mut h, "Range of motion", "to just before pain");
    assert_eq!(
        h.state().rx(SLD).dose.rom.as_deref(),
        Some("to just before pain")
    );
    type_into_text(&mut h, "Range of motion", "");
    assert_eq!(
        h.state().rx(SLD).dose.rom,
        None,
        "an empty field leaves it out"
    );
}
