//! The list of prescriptions in plan order: one compact row per prescription with its
//! exercise, weeks, schedule, first-week dose and a tag when rules progress it; buttons move,
//! duplicate and delete it. The list is also where exercises dragged from the library drop.
//! Rows are all the same height (a summary too long for the row ends in "…" and shows whole on
//! hover), so only the rows in view are laid out, however long the plan.

use crate::command::{Command, Edit};
use crate::engine::Projection;
use crate::model::LoadUnit;
use crate::model::{Plan, Prescription};
use crate::ui::{ExerciseDrag, Selection, View};

use super::drop_edit;
use crate::ui::widgets::fields::{Icon, icon_button};

/// Width kept for the four buttons at the end of a row.
const BUTTONS_WIDTH: f32 = 100.0;

/// The heading, then the scrollable list inside a drop zone for library exercises.
pub(super) fn list_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    selection: &mut Selection,
    names: &[String],
    cmds: &mut Vec<Command>,
) {
    let (plan, projection, unit) = (view.plan(), view.read.projection(), view.unit);
    ui.horizontal(|ui| {
        ui.strong("Prescriptions");
        ui.weak(format!("{} in the plan", plan.prescriptions.len()));
    });
    let frame = egui::Frame::new()
        .inner_margin(4.0)
        .corner_radius(4.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke);
    let (_, dropped) = ui.dnd_drop_zone::<ExerciseDrag, _>(frame, |ui| {
        let scroll = egui::ScrollArea::vertical()
            .id_salt("prescription_list_scroll")
            .auto_shrink([false, false]);
        if plan.prescriptions.is_empty() {
            scroll.show(ui, |ui| {
                ui.add_space(8.0);
                ui.weak("Add exercises from the library (click Add or drag one here)");
            });
            return;
        }
        let inner_height = row_inner_height(ui);
        let row_height = inner_height + ROW_MARGIN.sum().y;
        let count = plan.prescriptions.len();
        scroll.show_rows(ui, row_height, count, |ui, rows| {
            for i in rows {
                let (Some(rx), Some(name)) = (plan.prescriptions.get(i), names.get(i)) else {
                    break;
                };
                ui.push_id(rx.id, |ui| {
                    let row = Row {
                        plan,
                        projection,
                        rx,
                        index: i,
                        name,
                        unit,
                    };
                    row.ui(ui, selection, inner_height, cmds);
                });
            }
        });
    });
    if let Some(drag) = dropped
        && let Some(edit) = drop_edit(view, &drag)
    {
        selection.prescription = Some(plan.next_prescription_id());
        cmds.push(Command::Edit(edit));
    }
}

/// Space around the content of a row, inside its (selection) fill.
const ROW_MARGIN: egui::Margin = egui::Margin::symmetric(4, 3);

/// Height of a row's content: the name and buttons, then the summary line.
fn row_inner_height(ui: &egui::Ui) -> f32 {
    2.0 * ui.spacing().interact_size.y + ui.spacing().item_spacing.y
}

/// One row of the list and what it shows.
struct Row<'a> {
    plan: &'a Plan,
    projection: &'a Projection,
    rx: &'a Prescription,
    index: usize,
    name: &'a str,
    unit: LoadUnit,
}

impl Row<'_> {
    fn ui(
        &self,
        ui: &mut egui::Ui,
        selection: &mut Selection,
        inner_height: f32,
        cmds: &mut Vec<Command>,
    ) {
        let selected = selection.prescription == Some(self.rx.id);
        let fill = if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            egui::Color32::TRANSPARENT
        };
        egui::Frame::new()
            .fill(fill)
            .inner_margin(ROW_MARGIN)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_height(inner_height);
                ui.horizontal(|ui| {
                    let name_width = (ui.available_width() - BUTTONS_WIDTH).max(60.0);
                    let name = egui::RichText::new(self.name).strong();
                    let response = ui
                        .scope(|ui| {
                            ui.set_max_width(name_width);
                            ui.add(egui::Button::selectable(selected, name).truncate())
                        })
                        .inner
                        .on_hover_text(format!("Edit {}", self.name));
                    if response.clicked() {
                        selection.prescription = Some(self.rx.id);
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.buttons_ui(ui, selection, cmds);
                    });
                });
                ui.horizontal(|ui| {
                    if !self.rx.rules.is_empty() {
                        let n = self.rx.rules.len();
                        let tag = if n == 1 {
                            "1 rule".to_owned()
                        } else {
                            format!("{n} rules")
                        };
                        egui::Frame::new()
                            .fill(ui.visuals().faint_bg_color)
                            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                            .corner_radius(3.0)
                            .inner_margin(egui::Margin::symmetric(4, 0))
                            .show(ui, |ui| ui.small(tag))
                            .response
                            .on_hover_ui(|ui| {
                                // Written only while the tooltip shows.
                                let tip: Vec<String> = self
                                    .rx
                                    .rules
                                    .iter()
                                    .map(|r| r.summary(&self.rx.dose.load, self.unit))
                                    .collect();
                                ui.label(tip.join("\n"));
                            });
                    }
                    ui.add(egui::Label::new(egui::RichText::new(self.summary()).weak()).truncate());
                });
            });
    }

    fn buttons_ui(&self, ui: &mut egui::Ui, selection: &mut Selection, cmds: &mut Vec<Command>) {
        let (id, i, name) = (self.rx.id, self.index, self.name);
        let last = self.plan.prescriptions.len().saturating_sub(1);
        // Right to left: delete at the far right, then duplicate, down, up (up shows first).
        let delete_tip = format!("Delete {name} from the plan (Ctrl+Z undoes it)");
        if icon_button(
            ui,
            Icon::Delete,
            true,
            &format!("Delete {name}"),
            &delete_tip,
        )
        .clicked()
        {
            if selection.prescription == Some(id) {
                selection.prescription = None;
            }
            cmds.push(Command::Edit(Edit::RemovePrescription(id)));
        }
        let dup_tip = format!("Duplicate {name} (dose, schedule and rules) below it");
        if icon_button(
            ui,
            Icon::Duplicate,
            true,
            &format!("Duplicate {name}"),
            &dup_tip,
        )
        .clicked()
        {
            selection.prescription = Some(self.plan.next_prescription_id());
            cmds.push(Command::Edit(Edit::DuplicatePrescription(id)));
        }
        let down_tip = format!("Move {name} down the list");
        let down = icon_button(
            ui,
            Icon::Down,
            i < last,
            &format!("Move {name} down"),
            &down_tip,
        );
        if down.clicked() {
            cmds.push(Command::Edit(Edit::MovePrescription {
                id,
                to_index: i + 1,
            }));
        }
        let up = icon_button(
            ui,
            Icon::Up,
            i > 0,
            &format!("Move {name} up"),
            &format!("Move {name} up the list"),
        );
        if up.clicked() {
            cmds.push(Command::Edit(Edit::MovePrescription {
                id,
                to_index: i - 1,
            }));
        }
    }

    /// "wk 1-12 · Mon, Wed, Fri · 3 x 10 @ 4.5 kg each side": the first week's dose as the
    /// projection resolves it.
    fn summary(&self) -> String {
        let rx = self.rx;
        let week = rx.weeks.first.max(1);
        let dose = self
            .projection
            .week(week)
            .and_then(|w| w.items.iter().find(|item| item.prescription_id == rx.id))
            .map_or_else(
                || rx.dose.label(self.unit),
                |item| item.dose.label(self.unit),
            );
        format!(
            "wk {}-{} · {} · {dose}",
            rx.weeks.first,
            rx.weeks.last,
            rx.schedule.label()
        )
    }
}
