//! The prescriptions panel: the plan's prescriptions in order (select, move, duplicate,
//! delete; drop an exercise from the library to add it) and the editor of the selected one
//! (weeks, schedule, supervision, the whole dose, notes and its progression rules). It reads
//! the plan and its projection and pushes `Command::Edit`s; it never changes the plan itself.
//! The list is in [`list`], the editor in [`editor`] (dose fields in `ui::widgets::dose`,
//! schedule in `schedule`), the rule editor in [`crate::ui::rules`].

mod editor;
mod fit;
mod list;
mod schedule;

use egui_extras::{Size, StripBuilder};

use crate::command::{Command, Edit};
use crate::model::Plan;
use crate::ui::rules::RulesEditor;
use crate::ui::{ExerciseDrag, Selection, View};

/// Width from which the list and the editor sit side by side. Narrower, the list shows until
/// a prescription is picked, then its editor with a way back to the list: stacking them left
/// neither usable on a laptop screen.
const SIDE_BY_SIDE_WIDTH: f32 = 560.0;

/// State of the prescriptions panel: which rule of the selected prescription is open.
#[derive(Debug, Clone, Default)]
pub struct PrescriptionsPanel {
    rules: RulesEditor,
}

impl PrescriptionsPanel {
    /// Draws the list of prescriptions and the editor of the selected one. Clicking a row
    /// changes `selection`; every change to the plan is pushed to `cmds`. Loads are shown in
    /// the view's unit (the plan keeps kilograms).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        selection: &mut Selection,
        cmds: &mut Vec<Command>,
    ) {
        let names = row_names(view.plan());
        let width = ui.available_width();
        if width >= SIDE_BY_SIDE_WIDTH {
            let list_width = (width * 0.36).clamp(240.0, 440.0);
            StripBuilder::new(ui)
                .size(Size::exact(list_width))
                .size(Size::exact(6.0))
                .size(Size::remainder())
                .horizontal(|mut strip| {
                    strip.cell(|ui| list::list_ui(ui, view, selection, &names, cmds));
                    strip.cell(|ui| {
                        ui.add(egui::Separator::default().vertical());
                    });
                    strip.cell(|ui| self.editor_ui(ui, view, selection, &names, cmds));
                });
        } else if selection.prescription.is_some() {
            if ui
                .button("Back to all prescriptions")
                .on_hover_text("Back to the list of prescriptions")
                .clicked()
            {
                selection.prescription = None;
            }
            self.editor_ui(ui, view, selection, &names, cmds);
        } else {
            list::list_ui(ui, view, selection, &names, cmds);
        }
    }

    fn editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        selection: &Selection,
        names: &[String],
        cmds: &mut Vec<Command>,
    ) {
        let plan = view.plan();
        let selected = selection
            .prescription
            .and_then(|id| plan.prescriptions.iter().position(|p| p.id == id));
        match selected {
            Some(i) => {
                let rx = &plan.prescriptions[i];
                let previewing = selection.preview_fit == Some(rx.id);
                editor::editor_ui(ui, &mut self.rules, view, rx, &names[i], previewing, cmds);
            }
            None if plan.prescriptions.is_empty() => {
                ui.weak("The plan has no exercises yet.");
            }
            None => {
                ui.weak("Select a prescription in the list to edit it.");
            }
        }
    }
}

/// The edit that dropping `drag` on the list makes: add a prescription of that exercise with
/// its default dose over the whole plan. `None` when the exercise is unknown.
pub fn drop_edit(view: &View<'_>, drag: &ExerciseDrag) -> Option<Edit> {
    view.exercise(&drag.0)
        .map(|exercise| Edit::AddPrescription {
            exercise: exercise.clone(),
            weeks: None,
        })
}

/// The name each prescription is shown under: its exercise's name, numbered "(2)", "(3)"
/// when the plan prescribes the same exercise more than once, so labels stay unique.
pub fn row_names(plan: &Plan) -> Vec<String> {
    let base: Vec<String> = plan
        .prescriptions
        .iter()
        .map(|rx| plan.exercise_name(&rx.exercise).into_owned())
        .collect();
    base.iter()
        .enumerate()
        .map(|(i, name)| {
            let total = base.iter().filter(|n| *n == name).count();
            if total > 1 {
                let nth = base[..=i].iter().filter(|n| *n == name).count();
                format!("{name} ({nth})")
            } else {
                name.clone()
            }
        })
        .collect()
}
