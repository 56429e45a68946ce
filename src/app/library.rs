//! Your exercise library in the app: read from its folder on the file thread at start, changed
//! by `LibraryEdit`s (each one undo step in the one history, see `history`), written back on
//! the file thread after every change; the import of a file (read off the frame, then shown in
//! the preview); photos for the exercise editor; and the question asked when an opened plan's
//! copies of your exercises differ from your library.
//!
//! Without a folder (`LoadplanApp::new`, the tests of other things) your library lives for the
//! run only: nothing is read or written.

use std::path::PathBuf;

use super::LoadplanApp;
use super::history::Snapshot;
use super::tasks::{DialogKind, FileJob};
use crate::command::LibraryEdit;
use crate::library::{Merged, PersonalLibrary};
use crate::model::Exercise;
use crate::ui::{LibraryStatus, Message};

/// Where your library is kept and whether it can be changed now.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Personal {
    /// The folder of `exercises.ron`; none: your library lives for this run only.
    pub folder: Option<PathBuf>,
    pub state: State,
    /// The library as the file holds it once the writes asked for are done: what a write
    /// merges with when the file was changed elsewhere meanwhile.
    pub on_disk: PersonalLibrary,
    /// Writes asked of the file thread that have not reported back yet.
    pub writes_pending: usize,
}

/// How far reading your library has come.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum State {
    /// Not asked for yet (the first frame asks).
    NotRead,
    /// Being read on the file thread.
    Reading,
    /// Read (or nothing to read): changes are made and written.
    Ready,
    /// The file cannot be read: nothing is changed or written until it is corrected.
    Unreadable(String),
}

impl Personal {
    pub(super) fn new(folder: Option<PathBuf>) -> Personal {
        Personal {
            state: if folder.is_some() {
                State::NotRead
            } else {
                State::Ready
            },
            folder,
            on_disk: PersonalLibrary::default(),
            writes_pending: 0,
        }
    }

    /// What the panels are told.
    pub(super) fn status(&self) -> LibraryStatus {
        match self.state {
            State::NotRead | State::Reading => LibraryStatus::Reading,
            State::Ready => LibraryStatus::Ready,
            State::Unreadable(_) => LibraryStatus::Unreadable,
        }
    }
}

impl LoadplanApp {
    /// The app as `new` makes it, with your exercise library kept in `folder` (read off the
    /// frame from the first frame on, written after every change).
    pub fn with_library_folder(prefs: super::Prefs, folder: PathBuf) -> LoadplanApp {
        let mut app = LoadplanApp::new(prefs);
        app.personal = Personal::new(Some(folder));
        app
    }

    /// True once your library has been read (or there is none to read) and can be changed.
    pub fn library_ready(&self) -> bool {
        self.personal.state == State::Ready
    }

    /// True while a write of your library has not reported back (it runs off the frame).
    pub fn library_writes_pending(&self) -> bool {
        self.personal.writes_pending > 0
    }

    /// The library the window works with: built-in, yours and imported.
    pub fn library(&self) -> Option<&Merged> {
        self.library.as_ref().ok()
    }

    /// Starts reading your library on the file thread, once.
    pub(super) fn read_library(&mut self, ctx: &egui::Context) {
        if self.personal.state != State::NotRead {
            return;
        }
        let Some(folder) = self.personal.folder.clone() else {
            return;
        };
        self.personal.state = State::Reading;
        if let Err(e) = self.tasks.file_job(FileJob::LoadLibrary { folder }, ctx) {
            self.personal.state = State::Unreadable(e.clone());
            self.message = Some(Message::error(format!(
                "Your exercise library cannot be read: {e}"
            )));
        }
    }

    /// Your library was read (or not).
    pub(super) fn library_loaded(&mut self, result: Result<Box<PersonalLibrary>, String>) {
        match result {
            Ok(personal) => {
                self.personal.state = State::Ready;
                self.personal.on_disk = (*personal).clone();
                self.set_personal(*personal, None);
                self.check_plan_copies();
            }
            Err(e) => {
                self.message = Some(Message::error(format!(
                    "{e}. Until then your own exercises are not shown and nothing is written to it."
                )));
                self.personal.state = State::Unreadable(e);
            }
        }
    }

    /// Applies a change of your library as one undo step, and writes the library.
    pub(super) fn library_edit(&mut self, edit: LibraryEdit, ctx: &egui::Context, now: f64) {
        if self.prefs.athlete_mode {
            self.message = Some(Message::error(
                "Exercises are not edited in athlete mode: switch it off in the View menu",
            ));
            return;
        }
        match &self.personal.state {
            State::Ready => {}
            State::NotRead | State::Reading => {
                self.message = Some(Message::error(
                    "Your exercise library is still being read: try again in a moment",
                ));
                return;
            }
            State::Unreadable(e) => {
                self.message = Some(Message::error(format!(
                    "Your exercise library is not changed while its file cannot be read: {e}"
                )));
                return;
            }
        }
        let Ok(library) = &self.library else { return };
        let label = edit.label(library);
        let deletes = matches!(edit, LibraryEdit::Delete(_));
        match edit.apply(library) {
            Ok(personal) if personal != *library.personal() => {
                self.history
                    .record_library(library.personal(), label.clone(), now);
                if deletes {
                    self.message = Some(Message::undoable(format!(
                        "{label}: done. Undo brings it back (Ctrl+Z)."
                    )));
                }
                self.set_personal(personal, Some(ctx));
            }
            Ok(_) => {}
            Err(e) => self.message = Some(Message::error(e)),
        }
    }

    /// Makes `personal` your library (rebuilding the merged library); with a context (`write`),
    /// writes it on the file thread.
    pub(super) fn set_personal(
        &mut self,
        personal: PersonalLibrary,
        write: Option<&egui::Context>,
    ) {
        let Ok(builtin) = crate::library::builtin() else {
            return;
        };
        let merged = Merged::new(builtin, personal);
        if let (Some(ctx), Some(folder)) = (write, self.personal.folder.clone()) {
            let base = std::mem::replace(&mut self.personal.on_disk, merged.personal().clone());
            let job = FileJob::SaveLibrary {
                folder,
                base: Box::new(base),
                library: Box::new(merged.personal().clone()),
            };
            match self.tasks.file_job(job, ctx) {
                Ok(()) => self.personal.writes_pending += 1,
                Err(e) => {
                    self.message = Some(Message::error(format!(
                        "Your exercise library could not be written: {e}"
                    )));
                }
            }
        }
        self.library = Ok(merged);
    }

    /// Your library was written (or not). When the file had been changed elsewhere meanwhile
    /// (another window, `loadplan library import`), what was written is the merge: the window
    /// takes it too and says so.
    pub(super) fn library_saved(&mut self, result: Result<Box<crate::io::PersonalSaved>, String>) {
        self.personal.writes_pending = self.personal.writes_pending.saturating_sub(1);
        match result {
            Ok(saved) if saved.merged => {
                if self.personal.on_disk == saved.asked {
                    // No write asked for since: the file holds the merge.
                    self.personal.on_disk = saved.library.clone();
                }
                if let Ok(current) = self.library.as_ref().map(|l| l.personal().clone()) {
                    // What changed here since the write was asked for stays; what was changed
                    // elsewhere comes in; undo and redo replay your steps over it.
                    let window =
                        crate::library::merge_personal(&saved.asked, &current, &saved.library);
                    if window != current {
                        self.history.rebase_library(|step| {
                            crate::library::merge_personal(&current, step, &window)
                        });
                        self.set_personal(window, None);
                    }
                }
                self.message = Some(Message::info(format!(
                    "Your exercise library had been changed elsewhere meanwhile (another window or loadplan library import): both sets of changes are kept in {}",
                    saved.path.display()
                )));
            }
            Ok(_) => {}
            Err(e) => self.message = Some(Message::error(e)),
        }
    }

    /// Undoes or redoes the last step of the history, plan or library.
    pub(super) fn step_history(&mut self, undo: bool, ctx: &egui::Context) {
        let personal = self
            .library
            .as_ref()
            .map(|l| l.personal().clone())
            .unwrap_or_default();
        let plan = self.doc.as_ref().map(super::Document::plan);
        let snapshot = if undo {
            self.history.undo(plan, &personal)
        } else {
            self.history.redo(plan, &personal)
        };
        match snapshot {
            Some(Snapshot::Plan(plan)) => {
                if let Some(doc) = &mut self.doc {
                    doc.set_plan(*plan);
                }
            }
            Some(Snapshot::Library(personal)) => self.set_personal(personal, Some(ctx)),
            None => {}
        }
    }

    /// Asks for a file to import, on the dialog thread.
    pub(super) fn import_dialog(&mut self, ctx: &egui::Context) {
        let folder = self.document_folder();
        if let Err(e) = self
            .tasks
            .dialog(DialogKind::Import, String::new(), folder, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }

    /// Starts reading `path` for import on the file thread.
    pub(super) fn import_path(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.message = Some(Message::info(format!("Reading {} ...", path.display())));
        if let Err(e) = self.tasks.file_job(FileJob::ReadImport { path }, ctx) {
            self.message = Some(Message::error(format!("Could not import. {e}")));
        }
    }

    /// A file to import was read: its preview opens (or the reason it cannot be imported shows).
    pub(super) fn import_read(
        &mut self,
        path: PathBuf,
        result: Result<Box<crate::library::ImportFile>, String>,
    ) {
        match (result, &self.library) {
            (Ok(file), Ok(library)) => {
                self.message = None;
                let candidates = crate::library::preview(library, &file);
                self.panels
                    .library
                    .show_import(path.display().to_string(), &file, candidates);
            }
            (Err(e), _) => self.message = Some(Message::error(format!("Could not import. {e}"))),
            (Ok(_), Err(e)) => self.message = Some(Message::error(e.clone())),
        }
    }

    /// Asks for photos for the exercise open in the exercise editor.
    pub(super) fn editor_photos_dialog(&mut self, ctx: &egui::Context) {
        let folder = self.document_folder();
        let answer =
            |photos, problems| crate::command::Command::EditorPhotosPicked { photos, problems };
        if let Err(e) = self.tasks.pick_photos(folder, ctx, answer) {
            self.message = Some(Message::error(e));
        }
    }

    /// Photos picked for the exercise editor: added to its exercise (up to the most kept).
    pub(super) fn editor_photos(
        &mut self,
        photos: Vec<crate::model::Photo>,
        problems: Vec<String>,
    ) {
        let mut problems = problems;
        if let Some(left_out) = self.panels.library.add_editor_photos(photos) {
            problems.push(format!(
                "{left_out} photo(s) left out: an exercise keeps at most {}",
                crate::model::MAX_PHOTOS
            ));
        }
        if !problems.is_empty() {
            self.message = Some(Message::error(problems.join("; ")));
        }
    }

    /// Your library's versions of the exercises whose copy in the open plan (a plan file)
    /// differs from them (photos aside): the question "keep which?" is asked when there are any.
    pub(super) fn check_plan_copies(&mut self) {
        let (Some(doc), Ok(library)) = (&self.doc, &self.library) else {
            return;
        };
        if doc.path().is_none() {
            return;
        }
        self.plan_copies = differing_copies(doc.plan(), library);
    }

    /// Your library's versions of the exercises whose copies in the opened plan differ from
    /// them, while the window asks which to keep.
    pub fn plan_copies_differ(&self) -> &[Exercise] {
        &self.plan_copies
    }
}

/// Your library's version of each exercise of `plan` that is kept in your library (yours,
/// edited or imported) and differs from the plan's copy, photos aside.
pub fn differing_copies(plan: &crate::model::Plan, library: &Merged) -> Vec<Exercise> {
    plan.exercises
        .iter()
        .filter(|copy| library.origin(&copy.id).is_some_and(|o| o.is_personal()))
        .filter_map(|copy| {
            let version = library.get(&copy.id)?;
            let same = Exercise {
                photos: copy.photos.clone(),
                ..version.clone()
            } == *copy;
            (!same).then(|| version.clone())
        })
        .collect()
}
