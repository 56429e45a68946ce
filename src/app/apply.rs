//! Applying commands to the app: plan edits through the undo history, file commands (`files`),
//! preferences and selection. Every command is matched by name: a new one does not compile
//! until it is handled here.

use std::path::PathBuf;

use super::LoadplanApp;
use super::files::{Replace, suggested_file_name};
use super::tasks::DialogKind;
use crate::command::{Command, Edit};
use crate::io::export::PdfKind;
use crate::ui::Message;

impl LoadplanApp {
    /// Applies one command. `now` is the UI clock in seconds (for merging undo steps).
    pub(crate) fn apply(&mut self, cmd: Command, ctx: &egui::Context, now: f64) {
        match cmd {
            Command::Edit(edit) => self.edit(edit, now),
            Command::Undo => self.undo_or_redo(true, ctx),
            Command::Redo => self.undo_or_redo(false, ctx),
            Command::NewEmpty => self.guard(Replace::NewEmpty, ctx),
            Command::NewFromTemplate(id) => self.guard(Replace::NewFromTemplate(id), ctx),
            Command::OpenSample => self.guard(Replace::OpenSample, ctx),
            Command::OpenDialog => self.guard(Replace::OpenDialog, ctx),
            Command::OpenPath(path) => self.guard(Replace::OpenPath(path), ctx),
            Command::CloseDocument => self.guard(Replace::Close, ctx),
            Command::Quit => self.guard(Replace::Quit, ctx),
            Command::Opened { path, result } => self.opened(path, result, ctx),
            Command::Save => self.save(ctx),
            Command::SaveAsDialog => self.save_as_dialog(ctx),
            Command::SaveTo(path) => self.save_to(path, ctx),
            Command::Saved {
                path,
                revision,
                result,
            } => self.saved(path, revision, result, ctx),
            Command::Resolve(choice) => self.resolve(choice, ctx),
            Command::Select { prescription, week } => {
                if prescription.is_some() {
                    self.selection.prescription = prescription;
                }
                if let Some(w) = week {
                    self.selection.week = w.max(1);
                }
            }
            Command::SelectDate(date) => self.select_date(date),
            Command::PreviewFit(id) => {
                self.selection.preview_fit = id;
                if let Some(id) = id {
                    self.selection.prescription = Some(id);
                    self.tab = super::Tab::Prescriptions;
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
            Command::SetLoadUnit(unit) => {
                // New plans start in it; the open plan is written and shown in it.
                self.prefs.load_unit = unit;
                if self.doc.as_ref().is_some_and(|d| d.plan().unit != unit) {
                    self.edit(Edit::SetUnit(unit), now);
                }
            }
            Command::ForgetRecent(path) => self.prefs.forget(&path),
            Command::SetPaper(paper) => self.prefs.paper = paper,
            Command::ExportDialog(format) => self.export_dialog(format, ctx),
            Command::ExportTo(path) => self.export(path, false, PdfKind::Handout, ctx),
            Command::ReportDialog => self.report_dialog(ctx),
            Command::ReportTo(path) => self.export(path, false, PdfKind::Report, ctx),
            Command::Print => self.print(ctx),
            Command::AttachPhotos(exercise) => {
                let folder = self.document_folder();
                if let Err(e) = self.tasks.photos_dialog(exercise, folder, ctx) {
                    self.message = Some(Message::error(e));
                }
            }
            Command::PhotosPicked {
                exercise,
                photos,
                problems,
            } => self.attach_photos(&exercise, photos, problems, now),
            Command::ExportDone { message, is_error } => {
                self.message = Some(if is_error {
                    Message::error(message)
                } else {
                    Message::info(message)
                });
            }
            Command::DismissMessage => self.message = None,
            Command::RecoveryFound(found) => self.recovery_found(*found),
            Command::RecoveryFailed(why) => self.recovery_failed(&why),
            Command::Recover(choice) => self.recover(choice, ctx, now),
            Command::Library(edit) => self.library_edit(edit, ctx, now),
            Command::LibraryLoaded(result) => self.library_loaded(result),
            Command::LibrarySaved(result) => self.library_saved(result),
            Command::ImportDialog => self.import_dialog(ctx),
            Command::ImportPath(path) => self.import_path(path, ctx),
            Command::ImportRead { path, result } => self.import_read(path, result),
            Command::AttachEditorPhotos => self.editor_photos_dialog(ctx),
            Command::EditorPhotosPicked { photos, problems } => {
                self.editor_photos(photos, problems);
            }
            Command::KeepPlanCopies => self.plan_copies.clear(),
        }
    }

    /// Adds `photos` to exercise `id` of the plan (up to the most an exercise keeps) as one
    /// undo step, and says what could not be attached.
    fn attach_photos(
        &mut self,
        id: &str,
        photos: Vec<crate::model::Photo>,
        mut problems: Vec<String>,
        now: f64,
    ) {
        let Some(doc) = &self.doc else { return };
        let found = match &self.library {
            Ok(library) => crate::library::find(doc.plan(), library, id),
            Err(_) => doc.plan().exercise(id),
        };
        let Some(exercise) = found.cloned() else {
            self.message = Some(Message::error(format!(
                "No exercise \"{id}\" to attach photos to"
            )));
            return;
        };
        let mut all = exercise.photos.clone();
        let room = crate::model::MAX_PHOTOS.saturating_sub(all.len());
        if photos.len() > room {
            problems.push(format!(
                "{} photo(s) left out: an exercise keeps at most {}",
                photos.len() - room,
                crate::model::MAX_PHOTOS
            ));
        }
        let added = photos.len().min(room);
        all.extend(photos.into_iter().take(room));
        if added > 0 {
            let label = format!(
                "Attach {} to {}",
                crate::engine::words::counted(added, "photo"),
                exercise.name
            );
            self.edit(
                Edit::SetPhotos {
                    exercise: Box::new(exercise),
                    photos: all,
                    label,
                },
                now,
            );
        }
        if !problems.is_empty() {
            self.message = Some(Message::error(problems.join("; ")));
        }
    }

    /// Applies a plan edit through the undo history.
    fn edit(&mut self, edit: Edit, now: f64) {
        if self.prefs.athlete_mode && !matches!(edit, Edit::LogSession(_)) {
            // Athlete mode only logs sessions: the plan itself stays as the physio wrote it.
            self.message = Some(Message::error(
                "The plan is read-only in athlete mode: switch it off in the View menu to edit",
            ));
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        let mut plan = doc.plan().clone();
        let label = edit.label(doc.plan());
        let key = edit.merge_key();
        // A new prescription is selected and shown in the editor.
        let new_rx = matches!(
            edit,
            Edit::AddPrescription { .. } | Edit::DuplicatePrescription(_)
        )
        .then(|| doc.plan().next_prescription_id());
        let deletes = matches!(edit, Edit::RemovePrescription(_) | Edit::RemovePhase(_));
        if matches!(edit, Edit::ApplyFit { .. }) {
            // Applied: the preview has served its purpose.
            self.selection.preview_fit = None;
        }
        if edit.apply(&mut plan) && plan != *doc.plan() {
            if deletes {
                self.message = Some(Message::undoable(format!(
                    "{label}: done. Undo brings it back (Ctrl+Z)."
                )));
            }
            self.history.record(doc.plan(), label, key, now);
            doc.set_plan(plan);
            if new_rx.is_some() {
                self.selection.prescription = new_rx;
                self.tab = super::Tab::Prescriptions;
            }
        }
    }

    fn undo_or_redo(&mut self, undo: bool, ctx: &egui::Context) {
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
        self.step_history(undo, ctx);
    }

    fn select_date(&mut self, date: chrono::NaiveDate) {
        self.selection.date = Some(date);
        if let Some(w) = self
            .doc
            .as_ref()
            .and_then(|d| crate::engine::week_of(d.plan(), date))
        {
            self.selection.week = w.max(1);
        }
    }

    /// Asks where to export the plan in `format`, on the dialog thread.
    fn export_dialog(&mut self, format: crate::io::export::ExportFormat, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let stem = suggested_file_name(doc);
        let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
        let suggested = format!("{stem}.{}", format.extension());
        let folder = self.document_folder();
        if let Err(e) = self
            .tasks
            .dialog(DialogKind::Export(format), suggested, folder, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }

    /// Asks where to export the clinician report, on the dialog thread.
    fn report_dialog(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let stem = suggested_file_name(doc);
        let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
        let suggested = format!("{stem}-report.pdf");
        let folder = self.document_folder();
        if let Err(e) = self
            .tasks
            .dialog(DialogKind::Report, suggested, folder, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }

    /// Writes the PDF handout to a temporary file and opens it in the system's viewer.
    fn print(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let stem = suggested_file_name(doc);
        let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
        let path = std::env::temp_dir().join(format!("{stem}-handout.pdf"));
        self.export(path, true, PdfKind::Handout, ctx);
    }

    /// Starts exporting the open plan to `path` off the frame (the chart's metric, the load
    /// unit and the preferred paper size for a PDF; `kind` says which PDF).
    fn export(&mut self, path: PathBuf, open_after: bool, kind: PdfKind, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        if doc
            .path()
            .is_some_and(|plan| crate::io::same_file(plan, &path))
        {
            self.message = Some(Message::error(format!(
                "Could not export. {} is the plan file itself; an export never replaces the \
                 plan: choose another name for the export",
                path.display()
            )));
            return;
        }
        let options = crate::io::export::PdfOptions {
            paper: self.prefs.paper,
            metric: self.panels.chart.metric(doc.read()),
            unit: doc.plan().unit,
            kind,
            ..Default::default()
        };
        self.message = Some(Message::info(format!("Exporting {} ...", path.display())));
        if let Err(e) = self
            .tasks
            .export(doc.shared_plan(), path, options, open_after, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }
}
