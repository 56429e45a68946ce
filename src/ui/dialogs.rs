//! The unsaved-changes question, the offer to restore unsaved changes after loadplan closed
//! without saving them, and the status bar that reports what happened (saved, or why a file
//! could not be opened or saved).

use crate::command::{Command, RecoveryChoice, UnsavedChoice};

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

/// What the restore dialog says about unsaved work loadplan found at start.
pub struct RecoveryOffer {
    /// The plan's name ("runner.ron", "New plan").
    pub name: String,
    /// "at 14:02", or "on Fri 27 Nov 2026 at 14:02" for another day.
    pub when: String,
    /// Where a save of the restored plan writes, if it has a file.
    pub path: Option<String>,
    /// How many more are waiting after this one.
    pub more: usize,
}

/// "Restore unsaved changes?": asked at start for the unsaved work of a window that closed
/// without saving it (a crash, a kill, a power cut). Stays until answered.
pub fn recovery_ui(ctx: &egui::Context, offer: &RecoveryOffer, cmds: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("restore_unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Restore unsaved changes?");
        ui.add_space(4.0);
        ui.label(format!(
            "loadplan closed without saving changes to \"{}\" {}. Restore them?",
            offer.name, offer.when
        ));
        ui.add_space(2.0);
        let (place, saves) = match &offer.path {
            Some(path) => (
                format!("The plan's file: {path}"),
                format!("Save writes them to {path}"),
            ),
            None => (
                "The plan was never saved to a file.".to_owned(),
                "Save asks where to keep them".to_owned(),
            ),
        };
        ui.weak(place);
        if offer.more > 0 {
            let more = if offer.more == 1 {
                "1 more set of unsaved changes is waiting after this one.".to_owned()
            } else {
                format!(
                    "{} more sets of unsaved changes are waiting after this one.",
                    offer.more
                )
            };
            ui.weak(more);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text(format!(
                    "Open the plan with these changes. They stay unsaved until you save: {saves}."
                ))
                .clicked()
            {
                cmds.push(Command::Recover(RecoveryChoice::Restore));
            }
            if ui
                .button("Discard")
                .on_hover_text(
                    "Delete these changes for good. The plan's file stays as it was last saved.",
                )
                .clicked()
            {
                cmds.push(Command::Recover(RecoveryChoice::Discard));
            }
            if ui
                .button("Not now")
                .on_hover_text(
                    "Keep these changes aside and ask again the next time loadplan starts",
                )
                .clicked()
            {
                cmds.push(Command::Recover(RecoveryChoice::Later));
            }
        });
    });
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
