//! The unsaved-changes question and the status bar that reports what happened (saved, or why
//! a file could not be opened or saved).

use crate::command::{Command, UnsavedChoice};

/// Asks "Save changes?" with Save / Discard / Cancel. Escape cancels.
pub fn unsaved_changes_ui(ctx: &egui::Context, name: &str, cmds: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "\"{name}\" has changes that are not saved. They are lost if you don't save them."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Save")
                .on_hover_text("Save, then continue")
                .clicked()
            {
                cmds.push(Command::Resolve(UnsavedChoice::Save));
            }
            if ui
                .button("Discard changes")
                .on_hover_text("Continue without saving")
                .clicked()
            {
                cmds.push(Command::Resolve(UnsavedChoice::Discard));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Go back to the plan")
                .clicked()
            {
                cmds.push(Command::Resolve(UnsavedChoice::Cancel));
            }
        });
    });
    if modal.should_close() && cmds.is_empty() {
        cmds.push(Command::Resolve(UnsavedChoice::Cancel));
    }
}

/// The status bar at the bottom of the window, shown while there is a message.
pub fn status_bar_ui(ui: &mut egui::Ui, message: Option<&Message>, cmds: &mut Vec<Command>) {
    let Some(message) = message else { return };
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Dismiss")
                .on_hover_text("Hide this message")
                .clicked()
            {
                cmds.push(Command::DismissMessage);
            }
            if message.undo
                && ui
                    .small_button("Undo")
                    .on_hover_text("Undo it (Ctrl+Z)")
                    .clicked()
            {
                cmds.push(Command::Undo);
                cmds.push(Command::DismissMessage);
            }
            let color = if message.is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(color, &message.text);
        });
    });
}

/// A message in the status bar: a success or an error the user should read.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
    /// The message reports an edit that can be undone: the status bar offers "Undo".
    pub undo: bool,
}

impl Message {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: true,
            undo: false,
        }
    }

    /// An informational message.
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: false,
            undo: false,
        }
    }

    /// An edit done, with "Undo" beside it (a deletion, so nothing is lost by a slip).
    pub fn undoable(text: impl Into<String>) -> Message {
        Message {
            undo: true,
            ..Message::info(text)
        }
    }
}

/// Says that the opened plan's copies of some exercises differ from your library's `versions`
/// and lets the physio keep either: the library's (one undoable plan edit) or the plan's.
/// Escape keeps the plan's.
pub fn plan_copies_ui(
    ctx: &egui::Context,
    versions: &[crate::model::Exercise],
    cmds: &mut Vec<Command>,
) {
    let names: Vec<&str> = versions.iter().map(|e| e.name.as_str()).collect();
    let modal = egui::Modal::new(egui::Id::unique("plan_copies_differ")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("This plan's exercises differ from your library");
        ui.label(format!(
            "The plan carries its own copy of {}, and your library has another version. \
             The plan opens the same anywhere with its copies; you can keep them, or take \
             your library's versions into the plan (Undo takes them back).",
            names.join(", ")
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Use my library's versions")
                .on_hover_text("Replace the plan's copies with your library's versions (the plan's photos stay when your version has none)")
                .clicked()
            {
                cmds.push(Command::Edit(crate::command::Edit::UseLibraryVersions(
                    versions.to_vec(),
                )));
                cmds.push(Command::KeepPlanCopies);
            }
            if ui
                .button("Keep the plan's copies")
                .on_hover_text("Leave the plan as it is; your library does not change either")
                .clicked()
            {
                cmds.push(Command::KeepPlanCopies);
            }
        });
    });
    if modal.should_close() && cmds.is_empty() {
        cmds.push(Command::KeepPlanCopies);
    }
}
