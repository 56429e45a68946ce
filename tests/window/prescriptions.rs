//! Kittest tests of the prescriptions panel and its rule editor, driven by role and label like
//! a person (or a screen reader) would. The harness state applies the pushed edits to its plan
//! and re-projects it at the end of every frame, as the app does, so the panel sees its own
//! changes on the next frame.

use egui::accesskit::Role;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::command::{Command, Edit};
use loadplan::model::LoadUnit;
use loadplan::model::{Amount, Load, Plan, Reps, Rule, Schedule, Side, Target, Weekday};
use loadplan::ui::prescriptions::{PrescriptionsPanel, drop_edit, row_names};
use loadplan::ui::rules::parse::{parse_reps, parse_weeks};
use loadplan::ui::{ExerciseDrag, Selection};

use crate::support::Doc;
use crate::support::type_into_drag_value;

const SLD: &str = "Single-leg deadlift with dumbbell";
const NORDIC: &str = "Nordic hamstring curl";
const PARTIAL_NORDIC: &str = "Partial-range Nordic hamstring curl";

struct State {
    panel: PrescriptionsPanel,
    doc: Doc,
    selection: Selection,
    /// Commands pushed this frame (applied at its end).
    cmds: Vec<Command>,
    /// Every edit applied so far, in order.
    applied: Vec<Edit>,
}

impl State {
    fn new(plan: Plan) -> State {
        State {
            panel: PrescriptionsPanel::default(),
            doc: Doc::new(plan),
            selection: Selection::default(),
            cmds: Vec::new(),
            applied: Vec::new(),
        }
    }

    /// What the app does after a frame: apply the edits and rebuild the read model.
    fn apply_commands(&mut self) {
        for cmd in self.cmds.drain(..) {
            if let Command::Edit(edit) = cmd {
                self.applied.push(edit.clone());
                self.doc.apply(edit);
            }
        }
    }

    fn rx(&self, name: &str) -> &loadplan::model::Prescription {
        let names = row_names(self.doc.plan());
        let i = names
            .iter()
            .position(|n| n == name)
            .expect("prescription shown");
        &self.doc.plan().prescriptions[i]
    }
}

fn template(id: &str) -> Plan {
    loadplan::templates::load(id)
        .expect("template exists")
        .expect("template parses")
}

fn harness(state: State) -> Harness<'static, State> {
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, s: &mut State| {
                s.panel.ui(ui, &s.doc.view(), &mut s.selection, &mut s.cmds);
                s.apply_commands();
            },
            state,
        )
}

/// A harness on `template` with the prescription called `name` selected by clicking it.
fn select(template_id: &str, name: &str) -> Harness<'static, State> {
    select_plan(template(template_id), name)
}

/// A harness on `plan` with the prescription called `name` selected by clicking it.
fn select_plan(plan: Plan, name: &str) -> Harness<'static, State> {
    let mut h = harness(State::new(plan));
    h.run();
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
    h
}

/// Replaces the text of the text field (when `text` is empty: clears it) named `label` with `text`.
fn type_into_text(h: &mut Harness<'_, State>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    if text.is_empty() {
        h.key_press(Key::Backspace);
    } else {
        // One text event replaces the selection: no half-typed state in between.
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
    }
    h.run();
}

/// Scrolls to the widget whose label contains `label` and clicks it.
fn click_contains(h: &mut Harness<'_, State>, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    h.run();
    h.get_by_label_contains(label).click();
    h.run();
}

/// Opens the combo box `combo` and clicks its option `option`.
fn choose(h: &mut Harness<'_, State>, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_role(Role::ListBox)
        .get_by_role_and_label(Role::Button, option)
        .click();
    h.run();
}

// The tests, by area (folder files, not separate test binaries).
mod editor;
mod list;
mod rules;
