//! Details of the exercise selected in the library panel: what it is, how it is dosed, its
//! ladder of easier and harder variations, a picture of it, its cues and cautions, and where it
//! comes from; and what can be done with it in your library: edit it, copy it as your own,
//! delete it (or go back to the built-in version), take your library's version into the plan.

use super::Catalogue;
use super::editor::ExerciseEditor;
use super::list::{add_command, origin_mark};
use crate::command::{Command, Edit, LibraryEdit};
use crate::library::Origin;
use crate::model::Exercise;
use crate::model::LoadUnit;
use crate::ui::{LibraryStatus, View};

/// The exercise shown: as the plan sees it, whether the plan prescribes it and where it comes
/// from (none: only in the plan).
pub(super) struct Shown<'a> {
    pub exercise: &'a Exercise,
    pub in_plan: bool,
    pub origin: Option<Origin>,
}

/// What was clicked in the details.
pub(super) enum Clicked {
    /// A variation, to be selected next.
    Variation(String),
    /// Edit, Copy as my own or Add to my library: the editor to open.
    Editor(Box<ExerciseEditor>),
    /// Delete (or Back to built-in): the exercise to ask about before it goes.
    AskDelete(String),
}

/// Draws the details of the exercise shown in a scroll area filling the rest of the panel.
pub(super) fn details_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    catalogue: &Catalogue<'_>,
    view: &View<'_>,
    cmds: &mut Vec<Command>,
) -> Option<Clicked> {
    let exercise = shown.exercise;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("library_details_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.push_id(("library_details", &exercise.id), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.heading(&exercise.name);
                    origin_mark(ui, shown.origin);
                });
                if !exercise.aliases.is_empty() {
                    ui.weak(format!("Also: {}", exercise.aliases.join(", ")));
                }
                let add = ui
                    .button(format!("Add {} to the plan", exercise.name))
                    .on_hover_text("Add a prescription of this exercise with its default dose");
                if add.clicked() {
                    cmds.push(add_command(exercise));
                }
                if shown.in_plan {
                    ui.weak("The plan already prescribes this exercise.");
                }
                if let Some(action) = library_actions_ui(ui, shown, view, cmds) {
                    clicked = Some(action);
                }
                facts_ui(ui, exercise, view.unit);
                if let Some(next) = ladder_ui(ui, exercise, catalogue) {
                    clicked = Some(Clicked::Variation(next));
                }
                picture_ui(ui, exercise);
                bullets_ui(ui, "Cues", &exercise.cues, None);
                let warn = ui.visuals().warn_fg_color;
                bullets_ui(ui, "Cautions", &exercise.cautions, Some(warn));
                if let Some(source) = &exercise.source {
                    ui.add_space(4.0);
                    ui.strong("Source");
                    ui.label(source);
                }
            });
        });
    clicked
}

/// Edit, Copy as my own, Delete (or Back to the built-in), Add to my library; and, when the
/// plan's copy differs from your library's version, a way to take that version into the plan.
fn library_actions_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    view: &View<'_>,
    cmds: &mut Vec<Command>,
) -> Option<Clicked> {
    let exercise = shown.exercise;
    let library = view.library;
    let version = library.get(&exercise.id);
    if let Some(version) = version
        && shown.origin.is_some_and(Origin::is_personal)
        && version != exercise
    {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The plan has its own copy of this exercise, which differs from your library's.",
        );
        if ui
            .button(format!("Use your library's {} in this plan", exercise.name))
            .on_hover_text(
                "Replace the plan's copy with your library's version (Undo takes it back)",
            )
            .clicked()
        {
            cmds.push(Command::Edit(Edit::UseLibraryVersions(vec![
                version.clone(),
            ])));
        }
    }
    let ready = view.library_status == LibraryStatus::Ready;
    let mut open = None;
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(ready, |ui| {
            let name = &exercise.name;
            match (shown.origin, version) {
                (Some(origin), Some(version)) => {
                    let tip = match origin {
                        Origin::BuiltIn => "Change this built-in exercise: your version is kept in your library and takes its place",
                        _ => "Change this exercise in your library",
                    };
                    if ui
                        .button("Edit...")
                        .accessible_name(format!("Edit {name}"))
                        .on_hover_text(tip)
                        .clicked()
                    {
                        open = Some(Clicked::Editor(Box::new(ExerciseEditor::edit(
                            version, origin,
                        ))));
                    }
                    if ui
                        .button("Copy as my own...")
                        .accessible_name(format!("Copy {name} as my own"))
                        .on_hover_text("Make a new exercise of your own starting from this one")
                        .clicked()
                    {
                        open = Some(Clicked::Editor(Box::new(ExerciseEditor::copy_of(
                            library, version,
                        ))));
                    }
                    if delete_button_ui(ui, name, origin) {
                        open = Some(Clicked::AskDelete(exercise.id.clone()));
                    }
                }
                _ => {
                    if ui
                        .button("Add to my library...")
                        .accessible_name(format!("Add {name} to my library"))
                        .on_hover_text("Keep this plan's exercise in your library too")
                        .clicked()
                    {
                        open = Some(Clicked::Editor(Box::new(ExerciseEditor::adopt(exercise))));
                    }
                }
            }
        });
    });
    open
}

/// "Delete..." for your exercises and imported ones, "Back to built-in..." for your edit of a
/// built-in exercise; nothing for a built-in one. True when clicked (the panel then asks).
fn delete_button_ui(ui: &mut egui::Ui, name: &str, origin: Origin) -> bool {
    let (label, accessible, tip) = match origin {
        Origin::BuiltIn => return false,
        Origin::Edited => (
            "Back to built-in...",
            format!("Back to the built-in {name}"),
            "Drop your edit of this exercise: the built-in version comes back (asks first; Undo keeps your edit)",
        ),
        Origin::Yours | Origin::Imported => (
            "Delete...",
            format!("Delete {name} from my library"),
            "Delete this exercise from your library (asks first; plans keep their copies; Undo brings it back)",
        ),
    };
    ui.button(label)
        .accessible_name(accessible)
        .on_hover_text(tip)
        .clicked()
}

/// The question asked before exercise `id` leaves your library: Delete (Enter) or Cancel
/// (Escape). True when it is answered.
pub(super) fn confirm_delete_ui(
    ctx: &egui::Context,
    view: &View<'_>,
    id: &str,
    cmds: &mut Vec<Command>,
) -> bool {
    let library = view.library;
    let Some(exercise) = library.get(id) else {
        return true;
    };
    let name = &exercise.name;
    let edited = library.origin(id) == Some(Origin::Edited);
    let in_plan = view
        .read
        .plan()
        .prescriptions
        .iter()
        .any(|p| p.exercise == id);
    let mut answered = false;
    let modal = egui::Modal::new(egui::Id::unique("confirm_delete_exercise")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        if edited {
            ui.heading(format!("Go back to the built-in {name}?"));
            ui.label("Your edit of this exercise leaves your library and the built-in version comes back.");
        } else {
            ui.heading(format!("Delete {name}?"));
            ui.label("The exercise leaves your library.");
        }
        if in_plan {
            ui.label("This plan keeps its own copy, so it still opens and prints the same.");
        }
        ui.weak("Edit > Undo (Ctrl+Z) brings it back.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let (label, accessible) = if edited {
                ("Back to built-in", format!("Confirm back to the built-in {name}"))
            } else {
                ("Delete", format!("Confirm delete {name}"))
            };
            let confirm = ui
                .button(label)
                .accessible_name(accessible)
                .on_hover_text("Do it (Enter)");
            if confirm.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                cmds.push(Command::Library(LibraryEdit::Delete(id.to_owned())));
                answered = true;
            }
            if ui
                .button("Cancel")
                .accessible_name(format!("Keep {name}"))
                .on_hover_text("Keep the exercise (Escape)")
                .clicked()
            {
                answered = true;
            }
        });
    });
    answered || modal.should_close()
}

/// The exercise's properties as a two-column grid.
fn facts_ui(ui: &mut egui::Ui, exercise: &Exercise, unit: LoadUnit) {
    let join = |items: Vec<&str>| {
        if items.is_empty() {
            "-".to_owned()
        } else {
            items.join(", ")
        }
    };
    let rows = [
        ("Category", exercise.category.label().to_owned()),
        ("Dose kind", exercise.dose_kind.label().to_owned()),
        ("Laterality", exercise.laterality.label().to_owned()),
        (
            "Eccentric emphasis",
            if exercise.eccentric { "Yes" } else { "No" }.to_owned(),
        ),
        (
            "Regions",
            join(exercise.regions.iter().map(|r| r.label()).collect()),
        ),
        (
            "Muscles",
            join(exercise.muscles.iter().map(String::as_str).collect()),
        ),
        (
            "Equipment",
            join(exercise.equipment.iter().map(String::as_str).collect()),
        ),
        (
            "Default dose",
            match exercise.default_dose.rest_secs {
                Some(rest) => format!("{}, rest {rest} s", exercise.default_dose.label(unit)),
                None => exercise.default_dose.label(unit),
            },
        ),
        (
            "Tempo",
            exercise.tempo.map_or_else(
                || "-".to_owned(),
                |t| format!("{} s (lower-pause-lift)", t.label()),
            ),
        ),
    ];
    ui.add_space(4.0);
    egui::Grid::new("library_details_facts")
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for (name, value) in rows {
                ui.weak(name);
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
}

/// Easier and harder variations as links; returns the id of the one clicked.
fn ladder_ui(ui: &mut egui::Ui, exercise: &Exercise, catalogue: &Catalogue<'_>) -> Option<String> {
    let mut next = None;
    for (title, ids) in [("Easier", &exercise.easier), ("Harder", &exercise.harder)] {
        if ids.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.strong(format!("{title} variations"));
        for id in ids {
            let Some(variation) = catalogue.get(id) else {
                ui.weak(format!("{id} (not in the library)"));
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                let link = ui
                    .link(&variation.name)
                    .on_hover_text(format!("Show the details of {}", variation.name));
                if link.clicked() {
                    next = Some(variation.id.clone());
                }
            });
        }
    }
    next
}

/// The picture of the exercise with its default dose (the right side working for one-sided
/// work), as wide as the panel up to a limit; nothing for an exercise without a pose.
fn picture_ui(ui: &mut egui::Ui, exercise: &Exercise) {
    let Some(drawing) = crate::figure::figure(exercise, exercise.default_dose.side, None) else {
        return;
    };
    ui.add_space(6.0);
    let width = ui.available_width().clamp(120.0, 360.0);
    let alt = format!("Picture of {}", exercise.name);
    crate::ui::figure::figure_ui(ui, &drawing, width, &alt);
}

/// A titled bulleted list, optionally in one colour; nothing when `items` is empty.
fn bullets_ui(ui: &mut egui::Ui, title: &str, items: &[String], color: Option<egui::Color32>) {
    if items.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(title);
    for item in items {
        let text = egui::RichText::new(format!("• {item}"));
        let text = match color {
            Some(c) => text.color(c),
            None => text,
        };
        ui.add(egui::Label::new(text).wrap());
    }
}
