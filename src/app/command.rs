//! Every user intent as a value. Panels push `Command`s; the app applies them after the frame,
//! so each edit is undoable, testable without a window and never half-applied. Plan edits
//! (`Edit`) carry their own undo label and know how to apply themselves to a plan.

use std::path::PathBuf;

use crate::model::{
    Decision, Exercise, Phase, Plan, Prescription, PromScore, SessionLog, Thresholds, WeekRange,
};

/// The plan's descriptive fields, edited together in the details form.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMeta {
    pub title: String,
    pub athlete: String,
    pub clinician: String,
    pub condition: String,
    pub goal: String,
    pub start_date: Option<chrono::NaiveDate>,
    pub weeks: u32,
    pub notes: String,
}

impl PlanMeta {
    /// The descriptive fields of `plan`.
    pub fn of(plan: &Plan) -> PlanMeta {
        PlanMeta {
            title: plan.title.clone(),
            athlete: plan.athlete.clone(),
            clinician: plan.clinician.clone(),
            condition: plan.condition.clone(),
            goal: plan.goal.clone(),
            start_date: plan.start_date,
            weeks: plan.weeks,
            notes: plan.notes.clone(),
        }
    }
}

/// A change to the plan. Applying one pushes an undo step.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(PlanMeta),
    SetThresholds(Thresholds),
    /// Adds a prescription of `exercise` (copied into the plan if new) with its default dose.
    AddPrescription {
        exercise: Exercise,
        weeks: Option<WeekRange>,
    },
    /// Replaces the prescription with the same id.
    UpdatePrescription(Prescription),
    RemovePrescription(u32),
    DuplicatePrescription(u32),
    /// Moves a prescription to a position in the list.
    MovePrescription {
        id: u32,
        to_index: usize,
    },
    /// Swaps a prescription's exercise (easier or harder variation), keeping its dose.
    SwapExercise {
        id: u32,
        exercise: Exercise,
    },
    AddPhase(Phase),
    UpdatePhase(Phase),
    RemovePhase(u32),
    /// Replaces (or adds) the log of the session on the log's date and slot; a log with
    /// nothing recorded removes it. Never touches a prescription.
    LogSession(SessionLog),
    /// Adds a PROM score (kept in date order).
    AddProm(PromScore),
    /// Removes the PROM score at this index.
    RemoveProm(usize),
    /// Records (or, with `None`, clears) the clinician's decision on the adjustment of one
    /// prescription's session.
    Decide {
        prescription: u32,
        date: chrono::NaiveDate,
        slot: u32,
        decision: Option<Decision>,
        /// The proposal decided on (the decision lapses when the proposal changes).
        proposed: Option<crate::model::Dose>,
    },
}

impl Edit {
    /// What the edit does, for the Edit menu ("Undo Edit Nordic hamstring curl").
    pub fn label(&self, plan: &Plan) -> String {
        let rx_name = |id: &u32| {
            plan.prescription(*id)
                .and_then(|p| plan.exercise(&p.exercise))
                .map_or_else(|| format!("prescription {id}"), |e| e.name.clone())
        };
        let phase_name = |id: &u32| {
            plan.phases
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| format!("phase {id}"), |p| p.name.clone())
        };
        match self {
            Edit::SetMeta(_) => "Edit plan details".to_owned(),
            Edit::SetThresholds(_) => "Edit guardrail thresholds".to_owned(),
            Edit::AddPrescription { exercise, .. } => format!("Add {}", exercise.name),
            Edit::UpdatePrescription(rx) => format!("Edit {}", rx_name(&rx.id)),
            Edit::RemovePrescription(id) => format!("Delete {}", rx_name(id)),
            Edit::DuplicatePrescription(id) => format!("Duplicate {}", rx_name(id)),
            Edit::MovePrescription { id, .. } => format!("Move {}", rx_name(id)),
            Edit::SwapExercise { exercise, .. } => format!("Swap to {}", exercise.name),
            Edit::AddPhase(p) => format!("Add phase {}", p.name),
            Edit::UpdatePhase(p) => format!("Edit phase {}", p.name),
            Edit::RemovePhase(id) => format!("Delete phase {}", phase_name(id)),
            Edit::LogSession(log) => format!("Log session of {}", log.date.format("%-d %b %Y")),
            Edit::AddProm(p) => format!("Add {} score", p.measure.label()),
            Edit::RemoveProm(_) => "Delete PROM score".to_owned(),
            Edit::Decide {
                prescription,
                decision,
                ..
            } => {
                let verb = match decision {
                    Some(Decision::Accept) => "Accept",
                    Some(Decision::Change(_)) => "Change",
                    Some(Decision::Dismiss) => "Dismiss",
                    None => "Reopen",
                };
                format!("{verb} adjustment of {}", rx_name(prescription))
            }
        }
    }

    /// Edits with the same key, one right after the other, merge into one undo step (a drag
    /// or typing in one field is one step, not one per frame).
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Edit::SetMeta(_) => Some("meta".to_owned()),
            Edit::SetThresholds(_) => Some("thresholds".to_owned()),
            Edit::UpdatePrescription(rx) => Some(format!("rx{}", rx.id)),
            Edit::UpdatePhase(p) => Some(format!("phase{}", p.id)),
            Edit::LogSession(log) => Some(format!("log{}/{}", log.date, log.slot)),
            _ => None,
        }
    }

    /// Applies the edit to `plan`. Returns false when it does not apply (unknown id): the
    /// plan is then unchanged.
    pub fn apply(self, plan: &mut Plan) -> bool {
        match self {
            Edit::SetMeta(m) => {
                plan.title = m.title;
                plan.athlete = m.athlete;
                plan.clinician = m.clinician;
                plan.condition = m.condition;
                plan.goal = m.goal;
                plan.start_date = m.start_date;
                plan.weeks = m.weeks.min(crate::model::MAX_WEEKS);
                plan.notes = m.notes;
                true
            }
            Edit::SetThresholds(t) => {
                plan.thresholds = t;
                true
            }
            Edit::AddPrescription { exercise, weeks } => {
                let weeks = weeks.unwrap_or_else(|| WeekRange::new(1, plan.length_weeks().max(1)));
                let rx = Prescription {
                    id: plan.next_prescription_id(),
                    exercise: exercise.id.clone(),
                    weeks,
                    schedule: crate::model::Schedule::PerWeek(3),
                    supervised_per_week: 0,
                    dose: exercise.default_dose.clone(),
                    rules: Vec::new(),
                    notes: String::new(),
                };
                ensure_exercise(plan, exercise);
                plan.prescriptions.push(rx);
                true
            }
            Edit::UpdatePrescription(rx) => {
                match plan.prescriptions.iter_mut().find(|p| p.id == rx.id) {
                    Some(slot) => {
                        *slot = rx;
                        true
                    }
                    None => false,
                }
            }
            Edit::RemovePrescription(id) => {
                let before = plan.prescriptions.len();
                plan.prescriptions.retain(|p| p.id != id);
                plan.prescriptions.len() != before
            }
            Edit::DuplicatePrescription(id) => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                let mut copy = plan.prescriptions[i].clone();
                copy.id = plan.next_prescription_id();
                plan.prescriptions.insert(i + 1, copy);
                true
            }
            Edit::MovePrescription { id, to_index } => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                let rx = plan.prescriptions.remove(i);
                let to = to_index.min(plan.prescriptions.len());
                plan.prescriptions.insert(to, rx);
                i != to
            }
            Edit::SwapExercise { id, exercise } => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                plan.prescriptions[i].exercise = exercise.id.clone();
                ensure_exercise(plan, exercise);
                true
            }
            Edit::AddPhase(mut phase) => {
                phase.id = plan.next_phase_id();
                plan.phases.push(phase);
                plan.phases.sort_by_key(|p| (p.weeks.first, p.id));
                true
            }
            Edit::UpdatePhase(phase) => match plan.phases.iter_mut().find(|p| p.id == phase.id) {
                Some(slot) => {
                    *slot = phase;
                    plan.phases.sort_by_key(|p| (p.weeks.first, p.id));
                    true
                }
                None => false,
            },
            Edit::RemovePhase(id) => {
                let before = plan.phases.len();
                plan.phases.retain(|p| p.id != id);
                plan.phases.len() != before
            }
            Edit::LogSession(log) => {
                let empty = log.exercises.iter().all(|e| {
                    !e.done
                        && !e.has_actuals()
                        && e.pain_during.is_none()
                        && e.pain_next_morning.is_none()
                }) && log.rpe.is_none()
                    && log.minutes.is_none()
                    && !log.supervised
                    && log.note.trim().is_empty();
                if empty {
                    plan.log
                        .retain(|s| !(s.date == log.date && s.slot == log.slot));
                } else {
                    let (date, slot) = (log.date, log.slot);
                    *plan.session_log_mut(date, slot) = log;
                }
                true
            }
            Edit::AddProm(score) => {
                let at = plan.proms.partition_point(|p| p.date <= score.date);
                plan.proms.insert(at, score);
                true
            }
            Edit::RemoveProm(index) => {
                if index < plan.proms.len() {
                    plan.proms.remove(index);
                    true
                } else {
                    false
                }
            }
            Edit::Decide {
                prescription,
                date,
                slot,
                decision,
                proposed,
            } => {
                plan.adjustments.retain(|d| {
                    !(d.prescription == prescription && d.date == date && d.slot == slot)
                });
                if let Some(decision) = decision {
                    plan.adjustments.push(crate::model::AdjustmentDecision {
                        prescription,
                        date,
                        slot,
                        decision,
                        proposed,
                    });
                    plan.adjustments
                        .sort_by_key(|d| (d.date, d.slot, d.prescription));
                }
                true
            }
        }
    }
}

/// Copies `exercise` into the plan unless the plan already carries one with its id.
fn ensure_exercise(plan: &mut Plan, exercise: Exercise) {
    if plan.exercise(&exercise.id).is_none() {
        plan.exercises.push(exercise);
    }
}

/// Light, dark or follow the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// Unit loads are shown in (plans always store kilograms); kept in the model so every
/// layer words a dose the same way.
pub use crate::model::LoadUnit;

/// Something the user asked for.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the plan (undoable).
    Edit(Edit),
    Undo,
    Redo,
    /// Start a new empty plan (asks first when there are unsaved changes).
    NewEmpty,
    /// Start a new plan from a built-in template.
    NewFromTemplate(String),
    /// Open the built-in sample plan.
    OpenSample,
    /// Show the file dialog to open a plan.
    OpenDialog,
    /// Open the plan at a path (from the dialog, recent files or a test).
    OpenPath(PathBuf),
    /// Save to the current file, or ask where when there is none.
    Save,
    /// Show the file dialog to save under a new name.
    SaveAsDialog,
    /// Save to a path (from the dialog or a test).
    SaveTo(PathBuf),
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Go back to the welcome screen (asks first when there are unsaved changes).
    CloseDocument,
    /// Answer to the unsaved-changes question.
    Resolve(UnsavedChoice),
    /// Select a prescription and/or week (findings, chart, lists).
    Select {
        prescription: Option<u32>,
        week: Option<u32>,
    },
    /// Pick a day in the calendar (its sessions show for logging).
    SelectDate(chrono::NaiveDate),
    /// Switch between the physio's view (everything) and athlete mode (logging only).
    SetAthleteMode(bool),
    SetTheme(ThemeChoice),
    SetLoadUnit(LoadUnit),
    /// Forget a recent file (it no longer opens).
    ForgetRecent(PathBuf),
    /// Show the file dialog to export the plan in a format.
    ExportDialog(crate::io::export::ExportFormat),
    /// Export the plan to a path; the format comes from its extension (runs off the frame).
    ExportTo(PathBuf),
    /// Write the PDF handout to a temporary file and open it in the system's viewer.
    Print,
    /// An export finished on its thread: what to tell the user.
    ExportDone {
        message: String,
        is_error: bool,
    },
    /// Paper size of PDF handouts.
    SetPaper(crate::io::export::Paper),
    /// Dismiss the message shown in the status area.
    DismissMessage,
}

/// The answers to "Save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// A menu action: its label, tooltip and keyboard shortcut live here and nowhere else.
pub struct Action {
    pub label: &'static str,
    pub tooltip: &'static str,
    pub shortcut: Option<egui::KeyboardShortcut>,
}

const fn key(modifiers: egui::Modifiers, key: egui::Key) -> Option<egui::KeyboardShortcut> {
    Some(egui::KeyboardShortcut::new(modifiers, key))
}

const CMD: egui::Modifiers = egui::Modifiers::COMMAND;
const CMD_SHIFT: egui::Modifiers = egui::Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// New empty plan.
pub const NEW: Action = Action {
    label: "New empty plan",
    tooltip: "Start a new plan with no exercises",
    shortcut: key(CMD, egui::Key::N),
};
/// Open.
pub const OPEN: Action = Action {
    label: "Open...",
    tooltip: "Open a plan file (.ron)",
    shortcut: key(CMD, egui::Key::O),
};
/// Save.
pub const SAVE: Action = Action {
    label: "Save",
    tooltip: "Save the plan to its file (keeps the previous version as .bak)",
    shortcut: key(CMD, egui::Key::S),
};
/// Save as.
pub const SAVE_AS: Action = Action {
    label: "Save as...",
    tooltip: "Save the plan under a new name",
    shortcut: key(CMD_SHIFT, egui::Key::S),
};
/// Undo.
pub const UNDO: Action = Action {
    label: "Undo",
    tooltip: "Undo the last change",
    shortcut: key(CMD, egui::Key::Z),
};
/// Redo.
pub const REDO: Action = Action {
    label: "Redo",
    tooltip: "Redo the change just undone",
    shortcut: key(CMD_SHIFT, egui::Key::Z),
};
/// Redo, second shortcut.
pub const REDO_Y: Action = Action {
    label: "Redo",
    tooltip: "Redo the change just undone",
    shortcut: key(CMD, egui::Key::Y),
};
/// Close the plan.
pub const CLOSE: Action = Action {
    label: "Close plan",
    tooltip: "Close this plan and go back to the welcome screen",
    shortcut: key(CMD, egui::Key::W),
};
/// Print.
pub const PRINT: Action = Action {
    label: "Print...",
    tooltip: "Write the PDF handout and open it in the system's PDF viewer to print it",
    shortcut: key(CMD, egui::Key::P),
};
/// Quit.
pub const QUIT: Action = Action {
    label: "Quit",
    tooltip: "Close loadplan",
    shortcut: key(CMD, egui::Key::Q),
};

impl Action {
    /// The shortcut as text for the menu ("Ctrl+S").
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcut
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}
