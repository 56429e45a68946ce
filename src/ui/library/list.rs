//! The library's result list: one row per matching exercise, with an add button, its name
//! (click to see the details), its category, where it comes from (built-in, yours, imported,
//! or only in the plan) and an "In plan" tag. Each name is a drag source
//! carrying an [`ExerciseDrag`] that the plan accepts as a drop.

use std::collections::HashSet;

use super::{LibraryPanel, Listed};
use crate::command::{Command, Edit};
use crate::library::Origin;
use crate::model::Exercise;
use crate::ui::ExerciseDrag;

/// Draws the rows of `found` in a scroll area at most `max_height` high. Only the visible rows
/// are laid out, so a library of thousands of exercises costs no more than one screenful.
pub(super) fn list_ui(
    panel: &mut LibraryPanel,
    ui: &mut egui::Ui,
    found: &[Listed<'_>],
    in_plan: &HashSet<&str>,
    max_height: f32,
    cmds: &mut Vec<Command>,
) {
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("library_list_scroll")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, found.len(), |ui, rows| {
            for (exercise, origin) in found.get(rows).unwrap_or_default() {
                ui.push_id(&exercise.id, |ui| {
                    let tagged = in_plan.contains(exercise.id.as_str());
                    row_ui(panel, ui, exercise, *origin, tagged, cmds);
                });
            }
        });
}

/// One row: "+" (add to the plan), then the draggable name, category, origin and tag.
fn row_ui(
    panel: &mut LibraryPanel,
    ui: &mut egui::Ui,
    exercise: &Exercise,
    origin: Option<Origin>,
    in_plan: bool,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let add = ui
            .small_button("+")
            .accessible_name(format!("Add {}", exercise.name))
            .on_hover_text(format!("Add {} to the plan", exercise.name));
        if add.clicked() {
            cmds.push(add_command(exercise));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Room for the scroll bar, which floats over the rows' right edge when shown.
            let scroll = &ui.spacing().scroll;
            ui.add_space(scroll.bar_width + scroll.bar_outer_margin);
            ui.weak(exercise.category.label());
            origin_mark(ui, origin);
            if in_plan {
                in_plan_tag(ui);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                name_ui(panel, ui, exercise);
            });
        });
    });
}

/// The exercise's name: click to show its details, drag it onto the plan to add it.
///
/// One widget senses both, so the click is not swallowed by a drag area laid over it (as
/// `Ui::dnd_drag_source` would do); the drag carries an [`ExerciseDrag`] payload.
fn name_ui(panel: &mut LibraryPanel, ui: &mut egui::Ui, exercise: &Exercise) {
    let selected = panel.selected.as_deref() == Some(exercise.id.as_str());
    let name = ui
        .add(
            egui::Button::selectable(selected, exercise.name.as_str())
                .truncate()
                .sense(egui::Sense::click_and_drag()),
        )
        .on_hover_text(format!(
            "Show the details of {}; drag it onto the plan to add it",
            exercise.name
        ));
    name.dnd_set_drag_payload(ExerciseDrag(exercise.id.clone()));
    if name.clicked() {
        panel.selected = Some(exercise.id.clone());
    }
    if name.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    if name.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        if let Some(pos) = ui.ctx().pointer_interact_pos() {
            egui::Area::new(egui::Id::unique("library_drag_ghost"))
                .order(egui::Order::Tooltip)
                .fixed_pos(pos + egui::vec2(12.0, 8.0))
                .interactable(false)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.label(format!("Add {}", exercise.name));
                    });
                });
        }
    }
}

/// Where the exercise comes from, in small type: built-in (faint), yours, imported, or only
/// in the plan; the tooltip says more.
pub(super) fn origin_mark(ui: &mut egui::Ui, origin: Option<Origin>) {
    let (text, tip) = match origin {
        Some(o) => (o.label(), o.describe()),
        None => (
            "plan only",
            "Only in this plan (copied in from another library); not in yours",
        ),
    };
    let visuals = ui.visuals();
    let color = match origin {
        Some(Origin::BuiltIn) => visuals.weak_text_color(),
        Some(Origin::Yours | Origin::Edited) => visuals.hyperlink_color,
        Some(Origin::Imported) => visuals.warn_fg_color,
        None => visuals.text_color(),
    };
    let short = match origin {
        Some(Origin::Edited) => "edited",
        _ => text,
    };
    ui.label(egui::RichText::new(short).small().color(color))
        .on_hover_text(tip);
}

/// The small "In plan" tag shown beside exercises the plan already prescribes.
fn in_plan_tag(ui: &mut egui::Ui) {
    let visuals = ui.visuals();
    let text = egui::RichText::new("In plan")
        .small()
        .color(visuals.strong_text_color());
    egui::Frame::new()
        .fill(visuals.selection.bg_fill.gamma_multiply(0.35))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(4, 0))
        .show(ui, |ui| ui.label(text))
        .response
        .on_hover_text("The plan already prescribes this exercise");
}

/// The command adding a prescription of `exercise` with its default dose.
pub(super) fn add_command(exercise: &Exercise) -> Command {
    Command::Edit(Edit::AddPrescription {
        exercise: exercise.clone(),
        weeks: None,
    })
}
