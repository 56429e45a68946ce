//! The menu bar: File, Edit, View. Labels, tooltips and shortcuts come from `app::command`'s
//! actions, so the menu and the keyboard always agree.

use crate::app::command::{self as c, Action, Command, LoadUnit, ThemeChoice};
use crate::app::prefs::Prefs;

/// What the menu needs to know about the app.
pub struct MenuState<'a> {
    pub has_doc: bool,
    pub dirty: bool,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub prefs: &'a Prefs,
    pub show_library: bool,
}

fn item(
    ui: &mut egui::Ui,
    action: &Action,
    label: Option<String>,
    enabled: bool,
    cmd: Command,
    cmds: &mut Vec<Command>,
) {
    let text = label.unwrap_or_else(|| action.label.to_owned());
    let button = egui::Button::new(text).shortcut_text(action.shortcut_text(ui.ctx()));
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip)
        .clicked()
    {
        cmds.push(cmd);
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    state: &MenuState,
    show_library: &mut bool,
    cmds: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, cmds));
        ui.menu_button("Edit", |ui| {
            let undo = state.undo.map(|l| format!("Undo {l}"));
            item(
                ui,
                &c::UNDO,
                undo,
                state.undo.is_some(),
                Command::Undo,
                cmds,
            );
            let redo = state.redo.map(|l| format!("Redo {l}"));
            item(
                ui,
                &c::REDO,
                redo,
                state.redo.is_some(),
                Command::Redo,
                cmds,
            );
        });
        ui.menu_button("View", |ui| {
            let mut athlete = state.prefs.athlete_mode;
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
                !state.prefs.athlete_mode,
                egui::Checkbox::new(show_library, "Exercise library panel"),
            )
            .on_hover_text("Show or hide the exercise library on the left");
            ui.separator();
            ui.label("Theme");
            for (t, label) in [
                (ThemeChoice::System, "Follow system"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ] {
                if ui.radio(state.prefs.theme == t, label).clicked() {
                    cmds.push(Command::SetTheme(t));
                }
            }
            ui.separator();
            ui.label("Show loads in");
            for (u, label) in [
                (LoadUnit::Kg, "Kilograms (kg)"),
                (LoadUnit::Lb, "Pounds (lb)"),
            ] {
                if ui
                    .radio(state.prefs.load_unit == u, label)
                    .on_hover_text("Plans always store kilograms")
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
    item(ui, &c::NEW, None, true, Command::NewEmpty, cmds);
    ui.menu_button("New from template", |ui| {
        for id in crate::templates::ids() {
            if let Some(Ok(plan)) = crate::templates::load(id) {
                let label = format!("{} ({} weeks)", plan.title, plan.length_weeks());
                if ui.button(label).on_hover_text(&plan.citation).clicked() {
                    cmds.push(Command::NewFromTemplate(id.to_owned()));
                }
            }
        }
    });
    if ui
        .button("Open sample plan")
        .on_hover_text("Open the built-in example plan")
        .clicked()
    {
        cmds.push(Command::OpenSample);
    }
    item(ui, &c::OPEN, None, true, Command::OpenDialog, cmds);
    ui.menu_button("Open recent", |ui| {
        if state.prefs.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        for path in &state.prefs.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                cmds.push(Command::OpenPath(path.clone()));
            }
        }
    });
    ui.separator();
    item(ui, &c::SAVE, None, state.has_doc, Command::Save, cmds);
    item(
        ui,
        &c::SAVE_AS,
        None,
        state.has_doc,
        Command::SaveAsDialog,
        cmds,
    );
    ui.separator();
    ui.add_enabled_ui(state.has_doc, |ui| {
        ui.menu_button("Export", |ui| {
            use crate::io::export::{ExportFormat, Paper};
            for (format, label, tip) in [
                (ExportFormat::Pdf, "PDF handout...", "The printable plan: cover, load chart, schedule, exercise cards, pain rules, log sheets"),
                (ExportFormat::Csv, "CSV spreadsheet...", "One row per session and exercise, for a spreadsheet"),
                (ExportFormat::Ics, "Calendar (.ics)...", "One event per session, for a calendar program"),
            ] {
                if ui.button(label).on_hover_text(tip).clicked() {
                    cmds.push(Command::ExportDialog(format));
                }
            }
            ui.separator();
            ui.label("Paper size of the PDF");
            for paper in [Paper::A4, Paper::Letter] {
                if ui.radio(state.prefs.paper == paper, paper.label()).clicked() {
                    cmds.push(Command::SetPaper(paper));
                }
            }
        });
    });
    item(ui, &c::PRINT, None, state.has_doc, Command::Print, cmds);
    ui.separator();
    item(
        ui,
        &c::CLOSE,
        None,
        state.has_doc,
        Command::CloseDocument,
        cmds,
    );
    item(ui, &c::QUIT, None, true, Command::Quit, cmds);
}
