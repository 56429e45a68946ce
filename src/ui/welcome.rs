//! The welcome screen: start a new plan from a template or empty, open a file, a recent file or
//! the sample plan.

use std::path::PathBuf;

use crate::command::Command;
use crate::command::action::{self, Action};

/// The welcome screen (it keeps no state: the templates are read once by `templates`).
#[derive(Default)]
pub struct WelcomePanel;

/// A button for `action`, its tooltip with the shortcut.
fn action_button(ui: &mut egui::Ui, action: &Action, cmds: &mut Vec<Command>) {
    let tip = action.tooltip_with_shortcut(ui.ctx());
    if ui.button(action.label).on_hover_text(tip).clicked() {
        cmds.push(action.command());
    }
}

impl WelcomePanel {
    /// Draws the welcome screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, recent: &[PathBuf], cmds: &mut Vec<Command>) {
        let templates = crate::templates::catalogue();
        egui::ScrollArea::vertical().id_salt("welcome_scroll").show(ui, |ui| {
            ui.add_space(16.0);
            ui.heading("loadplan");
            ui.label("Plan progressive loading rehabilitation: exercises, doses, progression and the projected load.");
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                for a in [&action::NEW, &action::OPEN, &action::OPEN_SAMPLE] {
                    action_button(ui, a, cmds);
                }
            });
            ui.add_space(16.0);
            ui.strong("New from a template");
            ui.add_space(4.0);
            for t in templates.iter() {
                ui.push_id(t.id, |ui| {
                    if ui.button(t.label()).on_hover_text("Start a new plan from this template").clicked() {
                        cmds.push(Command::NewFromTemplate(t.id.to_owned()));
                    }
                    ui.add(egui::Label::new(egui::RichText::new(&t.citation).color(ui.visuals().text_color())).wrap());
                    ui.add_space(6.0);
                });
            }
            ui.add_space(16.0);
            ui.strong("Recent files");
            if recent.is_empty() {
                ui.weak("Plans you open or save appear here.");
            }
            for path in recent {
                ui.horizontal(|ui| {
                    if ui.link(path.display().to_string()).on_hover_text("Open this plan").clicked() {
                        cmds.push(Command::OpenPath(path.clone()));
                    }
                    if ui.small_button(format!("Remove {} from the list", file_name(path))).clicked() {
                        cmds.push(Command::ForgetRecent(path.clone()));
                    }
                });
            }
        });
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
