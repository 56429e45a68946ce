//! Work off the frame: native file dialogs and exports on named background threads, and reading
//! and writing plan files on one file thread, job after job, so two saves never race on one file.
//! Each answer comes back as a `Command` through a channel; the thread wakes the UI when it is
//! done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::command::Command;
use crate::io::RecoverySlot;
use crate::io::export::{ExportFormat, PdfOptions, export_with};
use crate::model::Plan;

/// What a dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    SaveAs,
    Export(ExportFormat),
    /// The clinician report (a PDF).
    Report,
    /// A file of exercises to import.
    Import,
}

/// Work on a plan file, done on the file thread in the order it was asked for.
#[derive(Debug)]
pub enum FileJob {
    /// Write `plan`, revision `revision` of the document, to `path`, which was read (or last
    /// written) as `base`; answers `Command::Saved`.
    Save {
        plan: Arc<Plan>,
        path: PathBuf,
        revision: u64,
        base: Option<crate::io::FileBase>,
    },
    /// Read and check the plan file at `path`; answers `Command::Opened`.
    Open { path: PathBuf },
    /// Write the unsaved `plan` (called `name`; its file `path`, opened or last saved as
    /// `base`) to this window's recovery file; answers only when that fails
    /// (`Command::RecoveryFailed`).
    WriteRecovery {
        slot: Arc<RecoverySlot>,
        name: String,
        plan: Arc<Plan>,
        path: Option<PathBuf>,
        base: Option<crate::io::FileBase>,
    },
    /// Delete this window's recovery file (nothing is unsaved any more); answers only when
    /// that fails.
    RemoveRecovery { slot: Arc<RecoverySlot> },
    /// Look for the recovery files of windows that are gone; answers
    /// `Command::RecoveryFound`.
    FindRecovery { slot: Arc<RecoverySlot> },
    /// Delete the recovery file `file` of a window that is gone (restored or discarded);
    /// answers only when that fails.
    DiscardRecovery { file: PathBuf },
    /// Read your exercise library kept in `folder`; answers `Command::LibraryLoaded`.
    LoadLibrary { folder: PathBuf },
    /// Write your exercise library to `folder` (`base`: as last read or written there, to
    /// merge with changes made there meanwhile); answers `Command::LibrarySaved`.
    SaveLibrary {
        folder: PathBuf,
        base: Box<crate::library::PersonalLibrary>,
        library: Box<crate::library::PersonalLibrary>,
    },
    /// Read the file at `path` for import; answers `Command::ImportRead`.
    ReadImport { path: PathBuf },
}

/// The file thread: takes jobs in order until its queue is dropped.
struct FileWorker {
    jobs: Sender<(FileJob, egui::Context)>,
    thread: std::thread::JoinHandle<()>,
}

/// Runs dialogs, exports and file jobs off the frame and collects their answers.
pub struct Tasks {
    tx: Sender<Command>,
    rx: Receiver<Command>,
    /// A dialog is open (a second one is not started).
    busy: Arc<AtomicBool>,
    /// Started on the first file job.
    files: Option<FileWorker>,
}

impl Default for Tasks {
    fn default() -> Self {
        let (tx, rx) = channel();
        Tasks {
            tx,
            rx,
            busy: Arc::default(),
            files: None,
        }
    }
}

impl Drop for Tasks {
    /// Lets the file thread finish the jobs it was given (a save in flight is never cut off
    /// when the app goes away).
    fn drop(&mut self) {
        if let Some(FileWorker { jobs, thread }) = self.files.take() {
            drop(jobs);
            let _ = thread.join();
        }
    }
}

impl Tasks {
    /// Opens a file dialog on a background thread. `suggested` names the file for Save as.
    /// Returns an error message when the thread cannot start.
    pub fn dialog(
        &self,
        kind: DialogKind,
        suggested: String,
        folder: Option<PathBuf>,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let busy = self.busy.clone();
        let name = match kind {
            DialogKind::Open => "open-dialog",
            DialogKind::SaveAs => "save-dialog",
            DialogKind::Export(_) | DialogKind::Report => "export-dialog",
            DialogKind::Import => "import-dialog",
        };
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut dialog = match kind {
                    DialogKind::Export(format) => {
                        rfd::FileDialog::new().add_filter(format.label(), &[format.extension()])
                    }
                    DialogKind::Report => rfd::FileDialog::new().add_filter("PDF", &["pdf"]),
                    DialogKind::Open | DialogKind::SaveAs => {
                        rfd::FileDialog::new().add_filter("loadplan plan", &["ron"])
                    }
                    DialogKind::Import => rfd::FileDialog::new()
                        .add_filter(
                            "Exercises (free-exercise-db JSON, CSV, loadplan library)",
                            &["json", "csv", "ron", "JSON", "CSV"],
                        )
                        .add_filter("Any file", &["*"]),
                };
                if let Some(dir) = folder {
                    dialog = dialog.set_directory(dir);
                }
                let answer = match kind {
                    DialogKind::Export(format) => dialog
                        .set_title(format!("Export {}", format.label()))
                        .set_file_name(suggested)
                        .save_file()
                        .map(|p| Command::ExportTo(with_extension(p, format.extension()))),
                    DialogKind::Report => dialog
                        .set_title("Export the clinician report")
                        .set_file_name(suggested)
                        .save_file()
                        .map(|p| Command::ReportTo(with_extension(p, "pdf"))),
                    DialogKind::Open => dialog
                        .set_title("Open plan")
                        .pick_file()
                        .map(Command::OpenPath),
                    DialogKind::SaveAs => dialog
                        .set_title("Save plan as")
                        .set_file_name(suggested)
                        .save_file()
                        .map(|p| Command::SaveTo(with_ron_extension(p))),
                    DialogKind::Import => dialog
                        .set_title("Import exercises")
                        .pick_file()
                        .map(Command::ImportPath),
                };
                busy.store(false, Ordering::SeqCst);
                if let Some(cmd) = answer {
                    let _ = tx.send(cmd);
                }
                ctx.request_repaint();
            })
            .map(|_| ())
            .map_err(|e| {
                self.busy.store(false, Ordering::SeqCst);
                format!("cannot open the file dialog: {e}")
            })
    }

    /// Opens a dialog to pick image files for exercise `exercise`, then reads and scales each
    /// on the same thread; answers `Command::PhotosPicked` (nothing when the user cancels).
    pub fn photos_dialog(
        &self,
        exercise: String,
        folder: Option<PathBuf>,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        self.pick_photos(folder, ctx, move |photos, problems| Command::PhotosPicked {
            exercise,
            photos,
            problems,
        })
    }

    /// Opens a dialog to pick image files, then reads and scales each on the same thread; the
    /// photos and a message for each file that could not be used are sent back as `answer`
    /// makes them (nothing when the user cancels).
    pub fn pick_photos(
        &self,
        folder: Option<PathBuf>,
        ctx: &egui::Context,
        answer: impl FnOnce(Vec<crate::model::Photo>, Vec<String>) -> Command + Send + 'static,
    ) -> Result<(), String> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let (tx, ctx, busy) = (self.tx.clone(), ctx.clone(), self.busy.clone());
        std::thread::Builder::new()
            .name("photo-dialog".to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter(
                        "PNG or JPEG image",
                        &["png", "jpg", "jpeg", "PNG", "JPG", "JPEG"],
                    )
                    .set_title("Attach photos");
                if let Some(dir) = folder {
                    dialog = dialog.set_directory(dir);
                }
                let picked = dialog.pick_files();
                busy.store(false, Ordering::SeqCst);
                if let Some(paths) = picked {
                    let (mut photos, mut problems) = (Vec::new(), Vec::new());
                    for path in paths {
                        match crate::io::import_photo(&path) {
                            Ok(photo) => photos.push(photo),
                            Err(e) => problems.push(e.to_string()),
                        }
                    }
                    let _ = tx.send(answer(photos, problems));
                }
                ctx.request_repaint();
            })
            .map(|_| ())
            .map_err(|e| {
                self.busy.store(false, Ordering::SeqCst);
                format!("cannot open the file dialog: {e}")
            })
    }

    /// Exports `plan` to `path` on a background thread and reports back with
    /// `Command::ExportDone`; with `open_after`, opens the file in the system's viewer.
    pub fn export(
        &self,
        plan: std::sync::Arc<Plan>,
        path: PathBuf,
        options: PdfOptions,
        open_after: bool,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let done = match export_with(&plan, &path, &options) {
                    Ok(summary) if open_after => match open_in_viewer(&path) {
                        Ok(()) => Command::ExportDone {
                            message: format!("Opened the handout ({summary}) in the PDF viewer: {}", path.display()),
                            is_error: false,
                        },
                        Err(e) => Command::ExportDone {
                            message: format!("The handout was written to {}, but no PDF viewer could be opened ({e}); open the file to print it.", path.display()),
                            is_error: true,
                        },
                    },
                    Ok(summary) => Command::ExportDone {
                        message: format!("Exported {} ({summary})", path.display()),
                        is_error: false,
                    },
                    Err(e) => Command::ExportDone {
                        message: format!("Could not export. {e}"),
                        is_error: true,
                    },
                };
                let _ = tx.send(done);
                ctx.request_repaint();
            })
            .map(|_| ())
            .map_err(|e| format!("cannot start the export: {e}"))
    }

    /// Queues `job` on the file thread (started on first use). Its answer comes back through
    /// `drain`, and the UI is woken for it. Returns an error message when the thread cannot
    /// start.
    pub fn file_job(&mut self, job: FileJob, ctx: &egui::Context) -> Result<(), String> {
        let job = match &self.files {
            Some(worker) => match worker.jobs.send((job, ctx.clone())) {
                Ok(()) => return Ok(()),
                // The thread is gone (it only stops when its queue is dropped, so this is
                // not expected): start another one for the job.
                Err(std::sync::mpsc::SendError((job, _))) => job,
            },
            None => job,
        };
        let (jobs, queue) = channel::<(FileJob, egui::Context)>();
        let tx = self.tx.clone();
        let thread = std::thread::Builder::new()
            .name("plan-files".to_owned())
            .spawn(move || {
                for (job, ctx) in queue {
                    if let Some(answer) = run_file_job(job) {
                        if tx.send(answer).is_err() {
                            break;
                        }
                        ctx.request_repaint();
                    }
                }
            })
            .map_err(|e| format!("cannot start reading and writing files: {e}"))?;
        let worker = FileWorker { jobs, thread };
        worker
            .jobs
            .send((job, ctx.clone()))
            .map_err(|_| "the file thread stopped".to_owned())?;
        if let Some(old) = self.files.replace(worker) {
            let _ = old.thread.join();
        }
        Ok(())
    }

    /// Answers that arrived since the last frame.
    pub fn drain(&self) -> Vec<Command> {
        self.rx.try_iter().collect()
    }
}

/// Does one file job and says how it went (recovery files answer only when something went
/// wrong). A panic while doing it is reported as an error, so the app never waits for an
/// answer that does not come.
fn run_file_job(job: FileJob) -> Option<Command> {
    fn caught<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
            .unwrap_or_else(|_| Err("internal error (see the terminal)".to_owned()))
    }
    match job {
        FileJob::Save {
            plan,
            path,
            revision,
            base,
        } => {
            let result = caught(|| {
                crate::io::save_plan_from(&plan, &path, base.as_ref())
                    .map(Box::new)
                    .map_err(|e| e.to_string())
            });
            Some(Command::Saved {
                path,
                revision,
                result,
            })
        }
        FileJob::Open { path } => {
            let result = caught(|| {
                crate::io::open_plan(&path)
                    .map(Box::new)
                    .map_err(|e| e.to_string())
            });
            Some(Command::Opened { path, result })
        }
        FileJob::WriteRecovery {
            slot,
            name,
            plan,
            path,
            base,
        } => caught(|| {
            slot.write(&name, &plan, path.as_deref(), base.as_ref())
                .map_err(|e| e.to_string())
        })
        .err()
        .map(Command::RecoveryFailed),
        FileJob::RemoveRecovery { slot } => caught(|| slot.remove().map_err(|e| e.to_string()))
            .err()
            .map(Command::RecoveryFailed),
        FileJob::FindRecovery { slot } => {
            let found = caught(|| Ok(crate::io::find_recovery(slot.dir(), Some(&slot))));
            Some(match found {
                Ok(found) => Command::RecoveryFound(Box::new(found)),
                Err(e) => Command::RecoveryFailed(e),
            })
        }
        FileJob::DiscardRecovery { file } => {
            caught(|| crate::io::discard_recovery(&file).map_err(|e| e.to_string()))
                .err()
                .map(Command::RecoveryFailed)
        }
        FileJob::LoadLibrary { folder } => Some(Command::LibraryLoaded(caught(|| {
            crate::io::load_personal(&folder)
                .map(Box::new)
                .map_err(|e| e.to_string())
        }))),
        FileJob::SaveLibrary {
            folder,
            base,
            library,
        } => Some(Command::LibrarySaved(caught(|| {
            crate::io::save_personal_over(&folder, &base, &library)
                .map(Box::new)
                .map_err(|e| e.to_string())
        }))),
        FileJob::ReadImport { path } => {
            let result = caught(|| {
                let text = crate::io::read_import_text(&path)?;
                crate::library::read_import(&path.display().to_string(), &text)
                    .map(Box::new)
                    .map_err(|e| e.to_string())
            });
            Some(Command::ImportRead { path, result })
        }
    }
}

/// Opens `path` with the desktop's default program (the PDF viewer for a handout).
fn open_in_viewer(path: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("{program}: {e}"))
}

/// `name` -> `name.ext` when the user typed no extension.
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

/// `plan` -> `plan.ron`; keeps an extension the user typed.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}
