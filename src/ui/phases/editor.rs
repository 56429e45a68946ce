//! The editor row of the selected phase: name, first and last week, goal, criteria to move
//! on, and delete. It is also the keyboard way to move and resize a band.

use super::PhaseTimeline;
use crate::command::{Command, Edit};
use crate::model::{MAX_WEEKS, Phase};

/// Width of the labels of the one-line fields, so the fields line up.
const LABEL_WIDTH: f32 = 130.0;

/// Draws the editor of `phase`; pushes `UpdatePhase` when a field changed and `RemovePhase`
/// when the delete button is clicked.
pub(super) fn editor_ui(
    panel: &mut PhaseTimeline,
    ui: &mut egui::Ui,
    phase: &Phase,
    cmds: &mut Vec<Command>,
) {
    let mut copy = phase.clone();
    ui.push_id(("phase_editor", phase.id), |ui| {
        row(ui, "Phase name", |ui, label| {
            ui.add(egui::TextEdit::singleline(&mut copy.name).desired_width(200.0))
                .labelled_by(label)
                .on_hover_text("Name shown on the band, the chart and the printed plan");
            let delete = ui
                .button(format!("Delete phase {}", phase.name))
                .on_hover_text("Remove this phase (its prescriptions stay)");
            if delete.clicked() {
                cmds.push(Command::Edit(Edit::RemovePhase(phase.id)));
                panel.selected_phase = None;
            }
            let close = ui
                .button("Close phase editor")
                .on_hover_text("Hide this editor");
            if close.clicked() {
                panel.selected_phase = None;
            }
        });
        row(ui, "First week", |ui, label| weeks_ui(ui, label, &mut copy));
        let label = ui.label("Phase goal");
        ui.add(
            egui::TextEdit::multiline(&mut copy.goal)
                .desired_rows(2)
                .desired_width(ui.available_width()),
        )
        .labelled_by(label.id)
        .on_hover_text("What this phase is for");
        let label = ui.label("Criteria to move on");
        criteria_ui(panel, ui, label.id, &mut copy);
    });
    if copy != *phase && panel.selected_phase == Some(phase.id) {
        cmds.push(Command::Edit(Edit::UpdatePhase(copy)));
    }
}

/// One row of one-line fields: a label of fixed width, then `add_contents` given the label's
/// id; wraps when the panel is narrow.
fn row(ui: &mut egui::Ui, label: &str, add_contents: impl FnOnce(&mut egui::Ui, egui::Id)) {
    ui.horizontal_wrapped(|ui| {
        let label = ui
            .allocate_ui_with_layout(
                egui::vec2(LABEL_WIDTH, ui.spacing().interact_size.y),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(LABEL_WIDTH);
                    ui.label(label)
                },
            )
            .inner;
        add_contents(ui, label.id);
    });
}

/// First and last week as drag values; first never passes last.
fn weeks_ui(ui: &mut egui::Ui, first_label: egui::Id, copy: &mut Phase) {
    let last = copy.weeks.last.clamp(1, MAX_WEEKS);
    ui.add(
        egui::DragValue::new(&mut copy.weeks.first)
            .range(1..=last)
            .speed(0.1)
            .suffix(" wk"),
    )
    .labelled_by(first_label)
    .on_hover_text("First week of the phase (drag or type; also by dragging the band's left edge)");
    let label = ui.label("Last week");
    let first = copy.weeks.first.clamp(1, MAX_WEEKS);
    ui.add(
        egui::DragValue::new(&mut copy.weeks.last)
            .range(first..=MAX_WEEKS)
            .speed(0.1)
            .suffix(" wk"),
    )
    .labelled_by(label.id)
    .on_hover_text("Last week of the phase (drag or type; also by dragging the band's right edge)");
    let n = copy.weeks.len();
    ui.weak(if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    });
}

/// The criteria, one per line. While the field has focus its raw text (blank lines too) is
/// kept in the panel; the plan gets the non-empty lines.
fn criteria_ui(panel: &mut PhaseTimeline, ui: &mut egui::Ui, label: egui::Id, copy: &mut Phase) {
    let mut text = match &panel.criteria_text {
        Some((id, text)) if *id == copy.id => text.clone(),
        _ => copy.criteria.join("\n"),
    };
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(ui.available_width())
                .hint_text("One criterion per line"),
        )
        .labelled_by(label)
        .on_hover_text("What the athlete must manage before the next phase, one per line");
    if response.changed() {
        copy.criteria = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
    }
    panel.criteria_text = response.has_focus().then_some((copy.id, text));
}
