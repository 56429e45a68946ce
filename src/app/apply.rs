//! Applying commands to the app: plan edits through the undo history, file commands guarded by
//! the unsaved-changes question, preferences and selection.

use std::path::PathBuf;

use super::LoadplanApp;
use super::document::{Document, Origin};
use super::tasks::DialogKind;
use crate::command::{Command, Edit, UnsavedChoice};
use crate::model::Plan;
use crate::ui::Message;

impl LoadplanApp {
    /// Applies one command. `now` is the UI clock in seconds (for merging undo steps).
    pub(crate) fn apply(&mut self, cmd: Command, ctx: &egui::Context, now: f64) {
        match cmd {
            Command::Edit(edit) => {
                if self.prefs.athlete_mode && !matches!(edit, Edit::LogSession(_)) {
                    // Athlete mode only logs sessions: the plan itself stays as the physio
                    // wrote it.
                    self.message = Some(Message::error(
                        "The plan is read-only in athlete mode: switch it off in the View menu to edit",
                    ));
                    return;
                }
                if let Some(doc) = &mut self.doc {
                    let mut plan = doc.plan().clone();
                    let label = edit.label(doc.plan());
                    let key = edit.merge_key();
                    // A new prescription is selected and shown in the editor.
                    let new_rx = matches!(
                        edit,
                        Edit::AddPrescription { .. } | Edit::DuplicatePrescription(_)
                    )
                    .then(|| doc.plan().next_prescription_id());
                    if edit.apply(&mut plan) && plan != *doc.plan() {
                        self.history.record(doc.plan(), label, key, now);
                        doc.set_plan(plan);
                        if new_rx.is_some() {
                            self.selection.prescription = new_rx;
                            self.tab = super::Tab::Prescriptions;
                        }
                    }
                }
            }
            Command::Undo | Command::Redo => {
                let undo = cmd == Command::Undo;
                let label = if undo {
                    self.history.undo_label()
                } else {
                    self.history.redo_label()
                };
                if self.prefs.athlete_mode && label.is_some_and(|l| !l.starts_with("Log session")) {
                    self.message = Some(Message::error(
                        "Only logged sessions can be undone in athlete mode: switch it off in the View menu",
                    ));
                    return;
                }
                self.step_history(undo);
            }
            Command::Save => match self.doc.as_ref().and_then(|d| d.path().map(PathBuf::from)) {
                Some(path) => self.save_to(path),
                None => self.apply(Command::SaveAsDialog, ctx, now),
            },
            Command::SaveAsDialog => {
                let Some(doc) = &self.doc else { return };
                let suggested = suggested_file_name(doc);
                let folder = doc.path().and_then(|p| p.parent()).map(PathBuf::from);
                if let Err(e) = self
                    .tasks
                    .dialog(DialogKind::SaveAs, suggested, folder, ctx)
                {
                    self.message = Some(Message::error(e));
                }
            }
            Command::SaveTo(path) => self.save_to(path),
            Command::Resolve(choice) => self.resolve(choice, ctx, now),
            Command::Select { prescription, week } => {
                if prescription.is_some() {
                    self.selection.prescription = prescription;
                }
                if let Some(w) = week {
                    self.selection.week = w.max(1);
                }
            }
            Command::SelectDate(date) => {
                self.selection.date = Some(date);
                if let Some(w) = self
                    .doc
                    .as_ref()
                    .and_then(|d| crate::engine::week_of(d.plan(), date))
                {
                    self.selection.week = w.max(1);
                }
            }
            Command::SetAthleteMode(on) => {
                self.prefs.athlete_mode = on;
                self.tab = if on {
                    super::Tab::Today
                } else {
                    super::Tab::Prescriptions
                };
            }
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::SetLoadUnit(unit) => self.prefs.load_unit = unit,
            Command::ForgetRecent(path) => self.prefs.forget(&path),
            Command::SetPaper(paper) => self.prefs.paper = paper,
            Command::ExportDialog(format) => {
                let Some(doc) = &self.doc else { return };
                let stem = suggested_file_name(doc);
                let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
                let suggested = format!("{stem}.{}", format.extension());
                let folder = doc.path().and_then(|p| p.parent()).map(PathBuf::from);
                if let Err(e) =
                    self.tasks
                        .dialog(DialogKind::Export(format), suggested, folder, ctx)
                {
                    self.message = Some(Message::error(e));
                }
            }
            Command::ExportTo(path) => self.export(path, false, ctx),
            Command::Print => {
                let Some(doc) = &self.doc else { return };
                let stem = suggested_file_name(doc);
                let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
                let path = std::env::temp_dir().join(format!("{stem}-handout.pdf"));
                self.export(path, true, ctx);
            }
            Command::ExportDone { message, is_error } => {
                self.message = Some(Message {
                    text: message,
                    is_error,
                });
            }
            Command::DismissMessage => self.message = None,
            guarded => {
                self.show_welcome = false;
                if self.doc.as_ref().is_some_and(Document::is_dirty) {
                    self.pending = Some(guarded);
                } else {
                    self.perform(guarded, ctx);
                }
            }
        }
    }

    /// Carries out a command that replaces or closes the document (the user agreed, or there
    /// was nothing unsaved).
    fn perform(&mut self, cmd: Command, ctx: &egui::Context) {
        match cmd {
            Command::NewEmpty => {
                let plan = Plan {
                    title: "New plan".to_owned(),
                    weeks: 12,
                    ..Plan::default()
                };
                self.open_document(plan, Origin::Unsaved("New plan".to_owned()));
            }
            Command::NewFromTemplate(id) => match crate::templates::load(&id) {
                Some(Ok(plan)) => {
                    let name = format!("New from {id}");
                    self.open_document(plan, Origin::Unsaved(name));
                }
                Some(Err(e)) => self.message = Some(Message::error(e.to_string())),
                None => self.message = Some(Message::error(format!("no template `{id}`"))),
            },
            Command::OpenSample => match crate::templates::sample() {
                Ok(plan) => self.open_document(plan, Origin::Unsaved("Sample plan".to_owned())),
                Err(e) => self.message = Some(Message::error(e.to_string())),
            },
            Command::OpenDialog => {
                let folder = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.path())
                    .and_then(|p| p.parent())
                    .map(PathBuf::from);
                if let Err(e) = self
                    .tasks
                    .dialog(DialogKind::Open, String::new(), folder, ctx)
                {
                    self.message = Some(Message::error(e));
                }
            }
            Command::OpenPath(path) => self.open_path(path),
            Command::CloseDocument => {
                self.doc = None;
                self.history.clear();
            }
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            other => self.apply(other, ctx, 0.0),
        }
    }

    fn resolve(&mut self, choice: UnsavedChoice, ctx: &egui::Context, now: f64) {
        match choice {
            UnsavedChoice::Cancel => self.pending = None,
            UnsavedChoice::Discard => {
                if let Some(cmd) = self.pending.take() {
                    self.perform(cmd, ctx);
                }
            }
            UnsavedChoice::Save => {
                // Saving to a known file continues at once; otherwise the pending command waits
                // for the Save-as dialog's answer (`save_to` then queues it).
                self.save_then_continue = true;
                self.apply(Command::Save, ctx, now);
                if let Some(cmd) = self.perform_after_save.take() {
                    self.perform(cmd, ctx);
                }
            }
        }
    }

    /// Starts exporting the open plan to `path` off the frame (the chart's metric and the
    /// preferred paper size for a PDF).
    fn export(&mut self, path: PathBuf, open_after: bool, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let options = crate::io::export::PdfOptions {
            paper: self.prefs.paper,
            metric: self.panels.chart.metric(doc.read()),
            image_dir: doc.path().and_then(|p| p.parent()).map(PathBuf::from),
        };
        self.message = Some(Message::info(format!("Exporting {} ...", path.display())));
        if let Err(e) = self
            .tasks
            .export(doc.shared_plan(), path, options, open_after, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }

    fn step_history(&mut self, undo: bool) {
        let Some(doc) = &mut self.doc else { return };
        let plan = if undo {
            self.history.undo(doc.plan())
        } else {
            self.history.redo(doc.plan())
        };
        if let Some(plan) = plan {
            doc.set_plan(plan);
        }
    }

    /// Makes `plan` the open document: the chart and progress metrics go back to the plan's
    /// default, the history and selection start afresh.
    fn open_document(&mut self, plan: Plan, origin: Origin) {
        self.doc = Some(Document::new(plan, origin, self.today));
        self.panels.chart.metric = None;
        self.panels.progress.metric = None;
        self.history.clear();
        self.selection = Default::default();
        self.pending = None;
    }

    /// Opens the plan file at `path`. A file that fails to open leaves the current plan as it
    /// was and shows why.
    pub(crate) fn open_path(&mut self, path: PathBuf) {
        match crate::io::load_plan(&path) {
            Ok(plan) => {
                self.prefs.remember(&path);
                self.message = None;
                self.open_document(plan, Origin::File(path));
            }
            Err(e) => self.message = Some(Message::error(format!("Could not open the plan. {e}"))),
        }
    }

    fn save_to(&mut self, path: PathBuf) {
        let Some(doc) = &mut self.doc else { return };
        match crate::io::save_plan(doc.plan(), &path) {
            Ok(()) => {
                self.message = Some(Message::info(format!("Saved {}", path.display())));
                self.prefs.remember(&path);
                let revision = doc.revision();
                doc.mark_saved(path, revision);
                self.history.seal();
                if self.save_then_continue {
                    self.save_then_continue = false;
                    self.perform_after_save = self.pending.take();
                }
            }
            Err(e) => {
                self.save_then_continue = false;
                self.message = Some(Message::error(format!("Could not save. {e}")));
            }
        }
    }
}

fn suggested_file_name(doc: &Document) -> String {
    if let Some(name) = doc.path().and_then(|p| p.file_name()) {
        return name.to_string_lossy().into_owned();
    }
    let base: String = doc
        .plan()
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let base = base.trim_matches('_');
    format!("{}.ron", if base.is_empty() { "plan" } else { base })
}
