//! The user's actions as the menu, the keyboard and the welcome screen offer them. Each action
//! is defined once: its label, tooltip, keyboard shortcuts, the command it sends and when it is
//! enabled, so the menu, the shortcuts and the welcome screen always agree.

use crate::io::export::ExportFormat;

use super::Command;

/// What an action needs before it can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Always available.
    Nothing,
    /// An open plan.
    Document,
    /// Something to undo.
    Undo,
    /// Something to redo.
    Redo,
    /// The physio's view: making plans is not for athlete mode.
    Planning,
}

/// What the app can do right now; decides which actions are enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppState {
    pub has_doc: bool,
    /// Athlete mode: the plan is the physio's, only the log is written.
    pub athlete: bool,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One user action.
#[derive(Debug)]
pub struct Action {
    /// Menu and button label.
    pub label: &'static str,
    /// What it does, in a sentence (tooltips).
    pub tooltip: &'static str,
    /// Keyboard shortcuts, the first one shown in the menu.
    pub shortcuts: &'static [egui::KeyboardShortcut],
    /// The command the action sends.
    command: Command,
    /// When it is enabled.
    pub needs: Needs,
}

const CMD: egui::Modifiers = egui::Modifiers::COMMAND;
const CMD_SHIFT: egui::Modifiers = egui::Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

const fn key(modifiers: egui::Modifiers, key: egui::Key) -> egui::KeyboardShortcut {
    egui::KeyboardShortcut::new(modifiers, key)
}

/// New empty plan.
pub const NEW: Action = Action {
    label: "New empty plan",
    tooltip: "Start a new 12-week plan with no exercises",
    shortcuts: &[key(CMD, egui::Key::N)],
    command: Command::NewEmpty,
    needs: Needs::Planning,
};
/// Open a plan file.
pub const OPEN: Action = Action {
    label: "Open...",
    tooltip: "Open a plan file (.ron)",
    shortcuts: &[key(CMD, egui::Key::O)],
    command: Command::OpenDialog,
    needs: Needs::Nothing,
};
/// Open the built-in sample plan.
pub const OPEN_SAMPLE: Action = Action {
    label: "Open the sample plan",
    tooltip: "A 16-week example plan for a runner",
    shortcuts: &[],
    command: Command::OpenSample,
    needs: Needs::Planning,
};
/// Save.
pub const SAVE: Action = Action {
    label: "Save",
    tooltip: "Save the plan to its file (keeps the previous version as .bak)",
    shortcuts: &[key(CMD, egui::Key::S)],
    command: Command::Save,
    needs: Needs::Document,
};
/// Save under a new name.
pub const SAVE_AS: Action = Action {
    label: "Save as...",
    tooltip: "Save the plan under a new name",
    shortcuts: &[key(CMD_SHIFT, egui::Key::S)],
    command: Command::SaveAsDialog,
    needs: Needs::Document,
};
/// Undo.
pub const UNDO: Action = Action {
    label: "Undo",
    tooltip: "Undo the last change",
    shortcuts: &[key(CMD, egui::Key::Z)],
    command: Command::Undo,
    needs: Needs::Undo,
};
/// Redo.
pub const REDO: Action = Action {
    label: "Redo",
    tooltip: "Redo the change just undone",
    shortcuts: &[key(CMD_SHIFT, egui::Key::Z), key(CMD, egui::Key::Y)],
    command: Command::Redo,
    needs: Needs::Redo,
};
/// Export the PDF handout.
pub const EXPORT_PDF: Action = Action {
    label: "PDF handout...",
    tooltip: "For the patient: what the plan is for, your week, one card per exercise with its picture and dose, the pain guide, the schedule and log sheets",
    shortcuts: &[],
    command: Command::ExportDialog(ExportFormat::Pdf),
    needs: Needs::Document,
};
/// Export the clinician report.
pub const EXPORT_REPORT: Action = Action {
    label: "Clinician report (PDF)...",
    tooltip: "For the clinician: load chart, guardrail findings with their sources, weekly load, and from the log adherence, pain, PROM scores and adjustments",
    shortcuts: &[],
    command: Command::ReportDialog,
    needs: Needs::Document,
};
/// Export a CSV spreadsheet.
pub const EXPORT_CSV: Action = Action {
    label: "CSV spreadsheet...",
    tooltip: "One row per session and exercise, for a spreadsheet",
    shortcuts: &[],
    command: Command::ExportDialog(ExportFormat::Csv),
    needs: Needs::Document,
};
/// Export a calendar file.
pub const EXPORT_ICS: Action = Action {
    label: "Calendar (.ics)...",
    tooltip: "One event per session, for a calendar program",
    shortcuts: &[],
    command: Command::ExportDialog(ExportFormat::Ics),
    needs: Needs::Document,
};
/// Print.
pub const PRINT: Action = Action {
    label: "Print...",
    tooltip: "Write the PDF handout and open it in the system's PDF viewer to print it",
    shortcuts: &[key(CMD, egui::Key::P)],
    command: Command::Print,
    needs: Needs::Document,
};
/// Close the plan.
pub const CLOSE: Action = Action {
    label: "Close plan",
    tooltip: "Close this plan and go back to the welcome screen",
    shortcuts: &[key(CMD, egui::Key::W)],
    command: Command::CloseDocument,
    needs: Needs::Document,
};
/// Quit.
pub const QUIT: Action = Action {
    label: "Quit",
    tooltip: "Close loadplan",
    shortcuts: &[key(CMD, egui::Key::Q)],
    command: Command::Quit,
    needs: Needs::Nothing,
};

/// Import exercises into your library.
pub const IMPORT_EXERCISES: Action = Action {
    label: "Import exercises...",
    tooltip: "Add exercises to your library from open exercise data: free-exercise-db JSON (or a fork), a CSV with a header row (name, category, muscles, equipment, instructions), or a library file; a preview shows each one first",
    shortcuts: &[],
    command: Command::ImportDialog,
    needs: Needs::Planning,
};

/// Every action, for the keyboard.
pub const ALL: [&Action; 15] = [
    &NEW,
    &OPEN,
    &OPEN_SAMPLE,
    &SAVE,
    &SAVE_AS,
    &UNDO,
    &REDO,
    &EXPORT_PDF,
    &EXPORT_REPORT,
    &EXPORT_CSV,
    &EXPORT_ICS,
    &PRINT,
    &IMPORT_EXERCISES,
    &CLOSE,
    &QUIT,
];

/// The export action of `format`.
pub fn export(format: ExportFormat) -> &'static Action {
    match format {
        ExportFormat::Pdf => &EXPORT_PDF,
        ExportFormat::Csv => &EXPORT_CSV,
        ExportFormat::Ics => &EXPORT_ICS,
    }
}

impl Action {
    /// The command the action sends.
    pub fn command(&self) -> Command {
        self.command.clone()
    }

    /// Whether the action can run in `state`.
    pub fn enabled(&self, state: &AppState) -> bool {
        match self.needs {
            Needs::Nothing => true,
            Needs::Document => state.has_doc,
            Needs::Undo => state.has_doc && state.can_undo,
            Needs::Redo => state.has_doc && state.can_redo,
            Needs::Planning => !state.athlete,
        }
    }

    /// The first shortcut as text for the menu ("Ctrl+S"), or nothing.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcuts
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// The tooltip with the shortcut, for buttons that do not show it ("... (Ctrl+O)").
    pub fn tooltip_with_shortcut(&self, ctx: &egui::Context) -> String {
        match self.shortcuts.first() {
            Some(s) => format!("{} ({})", self.tooltip, ctx.format_shortcut(s)),
            None => self.tooltip.to_owned(),
        }
    }
}

/// The commands of the shortcuts pressed this frame, for the actions enabled in `state`. A
/// shortcut with more modifiers is matched first, so Ctrl+Shift+S is not taken for Ctrl+S.
pub fn shortcut_commands(input: &mut egui::InputState, state: &AppState) -> Vec<Command> {
    let mut shortcuts: Vec<(&egui::KeyboardShortcut, &Action)> = ALL
        .iter()
        .flat_map(|a| a.shortcuts.iter().map(move |s| (s, *a)))
        .collect();
    shortcuts.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
    let mut cmds = Vec::new();
    for (shortcut, action) in shortcuts {
        if action.enabled(state) && input.consume_shortcut(shortcut) {
            cmds.push(action.command());
        }
    }
    cmds
}

fn modifier_count(m: egui::Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut_or_a_label() {
        let mut seen = std::collections::HashSet::new();
        for a in ALL {
            for s in a.shortcuts {
                assert!(seen.insert((s.modifiers.command, s.modifiers.shift, s.logical_key)));
            }
        }
        let labels: std::collections::HashSet<&str> = ALL.iter().map(|a| a.label).collect();
        assert_eq!(labels.len(), ALL.len());
    }

    #[test]
    fn enabled_follows_the_state() {
        let none = AppState::default();
        let doc = AppState {
            has_doc: true,
            ..AppState::default()
        };
        assert!(NEW.enabled(&none) && QUIT.enabled(&none) && OPEN.enabled(&none));
        assert!(!SAVE.enabled(&none) && SAVE.enabled(&doc));
        assert!(!UNDO.enabled(&doc) && !REDO.enabled(&doc));
        let athlete = AppState {
            athlete: true,
            ..doc
        };
        assert!(!NEW.enabled(&athlete) && !OPEN_SAMPLE.enabled(&athlete));
        assert!(OPEN.enabled(&athlete) && SAVE.enabled(&athlete));
        let undo = AppState {
            can_undo: true,
            ..doc
        };
        assert!(UNDO.enabled(&undo) && !REDO.enabled(&undo));
    }
}
