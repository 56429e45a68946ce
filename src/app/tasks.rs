//! Native file dialogs, run on named background threads so the frame never blocks. A dialog's
//! answer comes back as a `Command` through a channel; the thread wakes the UI when it is done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::command::Command;

/// What a dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    SaveAs,
}

/// Runs dialogs off the frame and collects their answers.
pub struct Tasks {
    tx: Sender<Command>,
    rx: Receiver<Command>,
    /// A dialog is open (a second one is not started).
    busy: Arc<AtomicBool>,
}

impl Default for Tasks {
    fn default() -> Self {
        let (tx, rx) = channel();
        Tasks {
            tx,
            rx,
            busy: Arc::default(),
        }
    }
}

impl Tasks {
    /// Opens a file dialog on a background thread. `suggested` names the file for Save as.
    /// Returns an error message when the thread cannot start.
    pub fn dialog(&self, kind: DialogKind, suggested: String, folder: Option<PathBuf>, ctx: &egui::Context) -> Result<(), String> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let busy = self.busy.clone();
        let name = match kind {
            DialogKind::Open => "open-dialog",
            DialogKind::SaveAs => "save-dialog",
        };
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().add_filter("loadplan plan", &["ron"]);
                if let Some(dir) = folder {
                    dialog = dialog.set_directory(dir);
                }
                let answer = match kind {
                    DialogKind::Open => dialog.set_title("Open plan").pick_file().map(Command::OpenPath),
                    DialogKind::SaveAs => dialog
                        .set_title("Save plan as")
                        .set_file_name(suggested)
                        .save_file()
                        .map(|p| Command::SaveTo(with_ron_extension(p))),
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

    /// Answers that arrived since the last frame.
    pub fn drain(&self) -> Vec<Command> {
        self.rx.try_iter().collect()
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
