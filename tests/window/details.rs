//! The plan-details form: the injured side, the plan's pain limits and the equipment's load
//! steps, each one undoable edit, driven by role and label.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::command::{Command, Edit};
use loadplan::model::{Limb, PainLimits};
use loadplan::ui::details::DetailsPanel;

use crate::support::type_into_drag_value as type_into;
use crate::support::{Doc, template};

struct State {
    panel: DetailsPanel,
    doc: Doc,
    edits: Vec<Edit>,
}

fn harness() -> Harness<'static, State> {
    let state = State {
        panel: DetailsPanel,
        doc: Doc::new(template("proximal_hamstring_tendinopathy")),
        edits: Vec::new(),
    };
    Harness::builder()
        .with_size(egui::vec2(900.0, 1400.0))
        .build_ui_state(
            |ui, s: &mut State| {
                let mut cmds = Vec::new();
                s.panel.ui(ui, &s.doc.view(), &mut cmds);
                for cmd in cmds {
                    if let Command::Edit(edit) = cmd {
                        s.edits.push(edit.clone());
                        s.doc.apply(edit);
                    }
                }
            },
            state,
        )
}

#[test]
fn the_injured_side_is_chosen_from_a_list() {
    let mut h = harness();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Injured side")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Left").click();
    h.run();
    assert_eq!(h.state().doc.plan().injured_side, Some(Limb::Left));
    assert!(
        h.state()
            .edits
            .iter()
            .all(|e| matches!(e, Edit::SetMeta(m) if m.injured_side == Some(Limb::Left)))
    );
}

#[test]
fn pain_limits_can_be_lowered_and_reset() {
    let mut h = harness();
    h.run();
    type_into(&mut h, "Acceptable (amber) up to", "3");
    let limits = h.state().doc.plan().pain_limits;
    assert_eq!(limits.acceptable_max, 3, "{limits:?}");
    // The zones say so.
    assert!(h.query_by_label("3: acceptable").is_some());
    h.get_by_label("Back to 0-2 safe, 3-5 acceptable").click();
    h.run();
    assert_eq!(h.state().doc.plan().pain_limits, PainLimits::default());
}

#[test]
fn a_load_step_is_added_and_removed() {
    let mut h = harness();
    h.run();
    h.get_by_label("Add a load step").click();
    h.run();
    let steps = h.state().doc.plan().load_steps.clone();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].equipment, "dumbbell");
    assert_eq!(steps[0].step_kg, 0.5);
    h.get_by_label("Remove the dumbbell step").click();
    h.run();
    assert!(h.state().doc.plan().load_steps.is_empty());
}
