//! The welcome screen: start a new plan from a template or empty, open a file, a recent file or
//! the sample plan.

use std::path::PathBuf;

use crate::app::command::Command;

/// A template as listed on the welcome screen.
#[derive(Debug, Clone)]
struct TemplateEntry {
    id: &'static str,
    title: String,
    weeks: u32,
    citation: String,
}

/// Welcome screen state: the templates, read once.
#[derive(Default)]
pub struct WelcomePanel {
    templates: Option<Vec<TemplateEntry>>,
}

impl WelcomePanel {
    /// Draws the welcome screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, recent: &[PathBuf], cmds: &mut Vec<Command>) {
        let templates = self.templates.get_or_insert_with(|| {
            crate::templates::ids()
                .filter_map(|id| {
                    let plan = crate::templates::load(id)?.ok()?;
                    Some(TemplateEntry {
                        id,
                        title: plan.title.clone(),
                        weeks: plan.length_weeks(),
                        citation: plan.citation.clone(),
                    })
                })
                .collect()
        });
        egui::ScrollArea::vertical().id_salt("welcome_scroll").show(ui, |ui| {
            ui.add_space(16.0);
            ui.heading("loadplan");
            ui.label("Plan progressive loading rehabilitation: exercises, doses, progression and the projected load.");
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button("New empty plan").on_hover_text("Start a 12-week plan with no exercises (Ctrl+N)").clicked() {
                    cmds.push(Command::NewEmpty);
                }
                if ui.button("Open...").on_hover_text("Open a plan file (Ctrl+O)").clicked() {
                    cmds.push(Command::OpenDialog);
                }
                if ui.button("Open the sample plan").on_hover_text("A 16-week example plan for a runner").clicked() {
                    cmds.push(Command::OpenSample);
                }
            });
            ui.add_space(16.0);
            ui.strong("New from a template");
            ui.add_space(4.0);
            for t in templates.iter() {
                ui.push_id(t.id, |ui| {
                    let label = format!("{} ({} weeks)", t.title, t.weeks);
                    if ui.button(&label).on_hover_text("Start a new plan from this template").clicked() {
                        cmds.push(Command::NewFromTemplate(t.id.to_owned()));
                    }
                    ui.add(egui::Label::new(egui::RichText::new(&t.citation).small().weak()).wrap());
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
