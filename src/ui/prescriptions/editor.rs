//! The editor of the selected prescription: heading with the exercise and its ladder (swap to
//! the easier or harder variation), then "When" (weeks, schedule, supervision), "Dose",
//! "Progression" (the rules) and notes. It edits a copy and pushes one
//! `Edit::UpdatePrescription` when anything changed.

use crate::command::{Command, Edit};
use crate::model::{Exercise, Prescription};
use crate::ui::View;
use crate::ui::rules::RulesEditor;

use super::schedule;
use crate::ui::widgets::dose;

/// The editor, in its own scroll area.
pub(super) fn editor_ui(
    ui: &mut egui::Ui,
    rules: &mut RulesEditor,
    view: &View<'_>,
    rx: &Prescription,
    name: &str,
    previewing: bool,
    cmds: &mut Vec<Command>,
) {
    let mut copy = rx.clone();
    let exercise = view.exercise(&rx.exercise);
    egui::ScrollArea::vertical()
        .id_salt("prescription_editor_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.push_id(rx.id, |ui| {
                heading_ui(ui, view, rx, name, exercise, cmds);
                section(ui, "When");
                schedule::when_ui(ui, &mut copy);
                section(ui, "Dose");
                dose::dose_ui(ui, &mut copy.dose, exercise, view.unit);
                ui.add_space(6.0);
                ui.separator();
                rules.ui(ui, &mut copy, view);
                ui.add_space(6.0);
                super::fit::fit_ui(ui, view, rx, previewing, cmds);
                ui.add_space(8.0);
                let label = ui.strong("Notes");
                ui.add(
                    egui::TextEdit::multiline(&mut copy.notes)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text("Technique, cues, what to do when it hurts"),
                )
                .labelled_by(label.id)
                .on_hover_text("Notes for the athlete about this exercise");
                ui.add_space(8.0);
            });
        });
    if copy != *rx {
        cmds.push(Command::Edit(Edit::UpdatePrescription(copy)));
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(6.0);
    ui.separator();
    ui.strong(title);
}

/// The exercise's name and kind, and the buttons that swap it along its ladder.
fn heading_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rx: &Prescription,
    name: &str,
    exercise: Option<&Exercise>,
    cmds: &mut Vec<Command>,
) {
    let Some(exercise) = exercise else {
        ui.heading(name);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "The exercise \"{}\" is neither in the plan nor in the library.",
                rx.exercise
            ),
        );
        return;
    };
    let mut kind = vec![exercise.category.label(), exercise.dose_kind.label()];
    if exercise.eccentric {
        kind.push("eccentric");
    }
    // The drawing as this prescription doses it sits beside the name, so it costs the fields
    // below no height; the photos, editable, come under the swap buttons.
    let injured = view.plan().injured_side;
    let drawing = crate::figure::figure_for_dose(exercise, &rx.dose, injured);
    ui.horizontal_top(|ui| {
        if let Some(d) = &drawing {
            let alt = format!("Picture of {}", exercise.name);
            crate::ui::figure::figure_ui(ui, d, 96.0, &alt);
        }
        ui.vertical(|ui| {
            ui.heading(name);
            ui.weak(kind.join(" · "));
            swap_buttons_ui(ui, view, rx, exercise, cmds);
        });
    });
    crate::ui::widgets::photos::photos_editor_ui(ui, exercise, cmds);
}

/// "Swap to easier/harder: ..." for the exercise's nearest variations.
fn swap_buttons_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rx: &Prescription,
    exercise: &Exercise,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let steps = [
            ("easier", exercise.easier.first()),
            ("harder", exercise.harder.first()),
        ];
        for (direction, next) in steps {
            let Some(next) = next.and_then(|id| view.exercise(id)) else {
                continue;
            };
            let text = format!("Swap to {direction}: {}", next.name);
            let tip = format!(
                "Do {} instead, keeping the dose, schedule and rules (Ctrl+Z undoes it)",
                next.name
            );
            if ui.button(text).on_hover_text(tip).clicked() {
                cmds.push(Command::Edit(Edit::SwapExercise {
                    id: rx.id,
                    exercise: next.clone(),
                }));
            }
        }
        if exercise.easier.is_empty() && exercise.harder.is_empty() {
            ui.weak("No easier or harder variation in the library.");
        }
    });
}
