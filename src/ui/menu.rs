//! The menu bar: File, Edit, View. Labels, tooltips, shortcuts and when an entry is enabled
//! come from the actions in `command::action`, so the menu, the keyboard and the welcome screen
//! always agree.

use std::path::PathBuf;

use crate::command::action::{self as a, Action, AppState};
use crate::command::{Command, ThemeChoice};
use crate::io::export::{ExportFormat, Paper};
use crate::model::LoadUnit;

/// What the menu needs to know about the app.
pub struct MenuState<'a> {
    /// Which actions are enabled.
    pub app: AppState,
    pub dirty: bool,
    /// What undo and redo would undo or redo ("Edit Nordic hamstring curl").
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub theme: ThemeChoice,
    pub load_unit: LoadUnit,
    pub paper: Paper,
    pub athlete_mode: bool,
    /// Most recent first.
    pub recent_files: &'a [PathBuf],
    pub panes: Panes,
}

/// Which of the physio's optional panes show (kept in the preferences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The exercise library on the left.
    pub library: bool,
    /// The planning chart above the tabs.
    pub chart: bool,
}

/// One menu entry for `action`, with an optional label in place of the action's.
fn item(
    ui: &mut egui::Ui,
    action: &Action,
    label: Option<String>,
    state: &MenuState,
    cmds: &mut Vec<Command>,
) {
    let text = label.unwrap_or_else(|| action.label.to_owned());
    let button = egui::Button::new(text).shortcut_text(action.shortcut_text(ui.ctx()));
    if ui
        .add_enabled(action.enabled(&state.app), button)
        .on_hover_text(action.tooltip)
        .clicked()
    {
        cmds.push(action.command());
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    state: &MenuState,
    panes: &mut Panes,
    cmds: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, cmds));
        ui.menu_button("Edit", |ui| {
            let undo = state.undo.map(|l| format!("Undo {l}"));
            item(ui, &a::UNDO, undo, state, cmds);
            let redo = state.redo.map(|l| format!("Redo {l}"));
            item(ui, &a::REDO, redo, state, cmds);
        });
        ui.menu_button("View", |ui| {
            let mut athlete = state.athlete_mode;
            if ui
                .checkbox(&mut athlete, "Athlete mode")
                .on_hover_text(
                    "Today's session first, big check boxes, and the plan read-only so it cannot be changed by accident",
                )
                .changed()
            {
                cmds.push(Command::SetAthleteMode(athlete));
            }
            ui.add_enabled(
                !state.athlete_mode,
                egui::Checkbox::new(&mut panes.library, "Exercise library panel"),
            )
            .on_hover_text("Show or hide the exercise library on the left");
            ui.add_enabled(
                !state.athlete_mode,
                egui::Checkbox::new(&mut panes.chart, "Load chart"),
            )
            .on_hover_text(
                "Show or hide the projected-load chart above the tabs (on a small screen the tabs get its height)",
            );
            ui.separator();
            ui.label("Theme");
            for (t, label) in [
                (ThemeChoice::System, "Follow system"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ] {
                if ui.radio(state.theme == t, label).clicked() {
                    cmds.push(Command::SetTheme(t));
                }
            }
            ui.separator();
            ui.label("Weights in");
            for (u, label) in [
                (LoadUnit::Kg, "Kilograms (kg)"),
                (LoadUnit::Lb, "Pounds (lb)"),
            ] {
                let tip = if state.athlete_mode {
                    "Your physio chose the plan's unit"
                } else {
                    "The unit this plan is written, shown, rounded and exported in (new plans start in it too)"
                };
                if ui
                    .add_enabled(
                        !state.athlete_mode,
                        egui::RadioButton::new(state.load_unit == u, label),
                    )
                    .on_hover_text(tip)
                    .on_disabled_hover_text(tip)
                    .clicked()
                {
                    cmds.push(Command::SetLoadUnit(u));
                }
            }
        });
        if state.dirty {
            ui.weak("Unsaved changes").on_hover_text("Save with Ctrl+S");
        }
    });
}

fn file_menu(ui: &mut egui::Ui, state: &MenuState, cmds: &mut Vec<Command>) {
    // Plans are made in the physio's view; athlete mode opens and logs them.
    if !state.athlete_mode {
        item(ui, &a::NEW, None, state, cmds);
        ui.menu_button("New from template", |ui| {
            for t in crate::templates::catalogue() {
                if ui.button(t.label()).on_hover_text(&t.citation).clicked() {
                    cmds.push(Command::NewFromTemplate(t.id.to_owned()));
                }
            }
        });
        item(ui, &a::OPEN_SAMPLE, None, state, cmds);
    }
    item(ui, &a::OPEN, None, state, cmds);
    ui.menu_button("Open recent", |ui| {
        if state.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        for path in state.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                cmds.push(Command::OpenPath(path.clone()));
            }
        }
    });
    ui.separator();
    item(ui, &a::SAVE, None, state, cmds);
    item(ui, &a::SAVE_AS, None, state, cmds);
    ui.separator();
    ui.add_enabled_ui(state.app.has_doc, |ui| {
        ui.menu_button("Export", |ui| {
            for format in [ExportFormat::Pdf, ExportFormat::Csv, ExportFormat::Ics] {
                item(ui, a::export(format), None, state, cmds);
            }
            item(ui, &a::EXPORT_REPORT, None, state, cmds);
            ui.separator();
            ui.label("Paper size of the PDF");
            for paper in [Paper::A4, Paper::Letter] {
                if ui.radio(state.paper == paper, paper.label()).clicked() {
                    cmds.push(Command::SetPaper(paper));
                }
            }
        });
    });
    item(ui, &a::PRINT, None, state, cmds);
    if !state.athlete_mode {
        ui.separator();
        item(ui, &a::IMPORT_EXERCISES, None, state, cmds);
    }
    ui.separator();
    item(ui, &a::CLOSE, None, state, cmds);
    item(ui, &a::QUIT, None, state, cmds);
}
