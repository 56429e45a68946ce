//! Commands that replace, close or write the document. Replacing or closing asks "Save changes?"
//! first when there are unsaved changes, and waits while a save or an open is in flight. Plan
//! files are read and written on the file thread (`tasks::FileJob`); the result comes back as
//! `Command::Saved` or `Command::Opened`, and only then does the document change. A save
//! sends the file as it was opened (or last written) along: what was logged in the file
//! meanwhile is merged in, and a save that would drop changes made there is refused
//! (`io::save_plan_from`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::LoadplanApp;
use super::document::{Document, Origin};
use super::tasks::{DialogKind, FileJob};
use crate::command::UnsavedChoice;
use crate::io::{FileBase, SaveOutcome, SaveReport};
use crate::model::Plan;
use crate::ui::Message;

/// A command that replaces or closes the document.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Replace {
    NewEmpty,
    NewFromTemplate(String),
    OpenSample,
    OpenDialog,
    OpenPath(PathBuf),
    Close,
    Quit,
}

/// A file job on the file thread the app waits for.
#[derive(Debug)]
pub(super) enum InFlight {
    Save {
        path: PathBuf,
        revision: u64,
        /// The plan sent (to merge edits made meanwhile with what the save merged in).
        sent: Arc<Plan>,
    },
    Open {
        path: PathBuf,
        /// The document's revision when the open was asked for (none without a document).
        since: Option<u64>,
    },
}

/// A command waiting for the file jobs in flight to report back.
#[derive(Debug)]
pub(super) struct AfterJobs {
    cmd: Replace,
    /// Asks "Save changes?" first (not when the user already answered).
    ask: bool,
}

impl LoadplanApp {
    /// A save or an open is in flight (its result comes back on a later frame).
    pub fn is_busy(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Replaces or closes the document, asking first when there are unsaved changes. While a
    /// save or an open is in flight, waits for it (a save may leave nothing unsaved).
    pub(super) fn guard(&mut self, cmd: Replace, ctx: &egui::Context) {
        self.show_welcome = false;
        if self.is_busy() {
            self.after_jobs(cmd, true);
        } else if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.pending = Some(cmd);
        } else {
            self.perform(cmd, ctx);
        }
    }

    /// Runs `cmd` once the file jobs in flight have reported back. A waiting Quit is not
    /// given up for another command.
    fn after_jobs(&mut self, cmd: Replace, ask: bool) {
        if !matches!(
            self.after_jobs,
            Some(AfterJobs {
                cmd: Replace::Quit,
                ..
            })
        ) {
            self.after_jobs = Some(AfterJobs { cmd, ask });
        }
    }

    /// Carries out a command that replaces or closes the document (the user agreed, or there
    /// was nothing unsaved).
    fn perform(&mut self, cmd: Replace, ctx: &egui::Context) {
        match cmd {
            Replace::NewEmpty => {
                let plan = Plan {
                    title: "New plan".to_owned(),
                    weeks: 12,
                    unit: self.prefs.load_unit,
                    ..Plan::default()
                };
                self.open_document(plan, Origin::Unsaved("New plan".to_owned()));
            }
            Replace::NewFromTemplate(id) => match crate::templates::load(&id) {
                Some(Ok(plan)) => {
                    let name = format!("New from {id}");
                    self.open_document(plan, Origin::Unsaved(name));
                }
                Some(Err(e)) => self.message = Some(Message::error(e.to_string())),
                None => self.message = Some(Message::error(format!("no template `{id}`"))),
            },
            Replace::OpenSample => match crate::templates::sample() {
                Ok(mut plan) => {
                    // The sample starts on this week's Monday, so Today, the calendar and the
                    // athlete's views show it under way rather than long over.
                    plan.start_date = Some(crate::engine::monday_of(self.today));
                    self.open_document(plan, Origin::Unsaved("Sample plan".to_owned()));
                }
                Err(e) => self.message = Some(Message::error(e.to_string())),
            },
            Replace::OpenDialog => {
                let folder = self.document_folder();
                if let Err(e) = self
                    .tasks
                    .dialog(DialogKind::Open, String::new(), folder, ctx)
                {
                    self.message = Some(Message::error(e));
                }
            }
            Replace::OpenPath(path) => self.open_path(path, ctx),
            Replace::Close => {
                self.doc = None;
                self.plan_copies.clear();
                self.history.clear();
            }
            Replace::Quit if self.is_busy() => {
                // A save still writing is not cut off: close when it is done.
                self.after_jobs(Replace::Quit, false);
            }
            Replace::Quit => {
                self.allow_close = true;
                self.recovery_closing(ctx);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The answer to "Save changes?".
    pub(super) fn resolve(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        match choice {
            UnsavedChoice::Cancel => {
                self.pending = None;
                self.save_then_continue = false;
            }
            UnsavedChoice::Discard => {
                self.save_then_continue = false;
                if let Some(cmd) = self.pending.take() {
                    self.perform(cmd, ctx);
                }
            }
            UnsavedChoice::Save => {
                // The save that starts next (at once to a known file, or after the Save-as
                // dialog's answer) takes the pending command along: it runs once the save has
                // reported back (`save_to`).
                self.save_then_continue = true;
                self.save(ctx);
            }
        }
    }

    /// Saves to the document's file, or asks where when it has none.
    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.as_ref().and_then(|d| d.path().map(PathBuf::from)) {
            Some(path) => self.save_to(path, ctx),
            None => self.save_as_dialog(ctx),
        }
    }

    /// Asks where to save, on the dialog thread; the answer comes back as `SaveTo`.
    pub(super) fn save_as_dialog(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let suggested = suggested_file_name(doc);
        let folder = self.document_folder();
        if let Err(e) = self
            .tasks
            .dialog(DialogKind::SaveAs, suggested, folder, ctx)
        {
            self.message = Some(Message::error(e));
        }
    }

    /// Starts saving the plan as it is now to `path` on the file thread. A command waiting for
    /// "Save changes?" -> Save goes along and runs when the save has reported back.
    pub(super) fn save_to(&mut self, path: PathBuf, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let revision = doc.revision();
        let sent = doc.shared_plan();
        let job = FileJob::Save {
            plan: Arc::clone(&sent),
            path: path.clone(),
            revision,
            base: doc.base().cloned(),
        };
        let continue_after = std::mem::take(&mut self.save_then_continue);
        match self.tasks.file_job(job, ctx) {
            Ok(()) => {
                self.in_flight.push(InFlight::Save {
                    path,
                    revision,
                    sent,
                });
                self.show_progress();
                if continue_after && let Some(cmd) = self.pending.take() {
                    self.after_jobs(cmd, true);
                }
            }
            Err(e) => self.message = Some(Message::error(format!("Could not save. {e}"))),
        }
    }

    /// Starts opening the plan file at `path` on the file thread.
    pub(super) fn open_path(&mut self, path: PathBuf, ctx: &egui::Context) {
        let since = self.doc.as_ref().map(Document::revision);
        match self
            .tasks
            .file_job(FileJob::Open { path: path.clone() }, ctx)
        {
            Ok(()) => {
                self.in_flight.push(InFlight::Open { path, since });
                self.show_progress();
            }
            Err(e) => self.message = Some(Message::error(format!("Could not open the plan. {e}"))),
        }
    }

    /// A save reported back. Only now is the document marked saved, at the revision that was
    /// written: edits made meanwhile stay unsaved. A failed save leaves it as it was.
    pub(super) fn saved(
        &mut self,
        path: PathBuf,
        revision: u64,
        result: Result<Box<SaveReport>, String>,
        ctx: &egui::Context,
    ) {
        let job = self.in_flight.iter().position(
            |j| matches!(j, InFlight::Save { path: p, revision: r, .. } if *p == path && *r == revision),
        );
        let sent = match job.map(|i| self.in_flight.remove(i)) {
            Some(InFlight::Save { sent, .. }) => Some(sent),
            _ => None,
        };
        match result {
            Ok(report) => {
                let mut text = format!("Saved {}.", path.display());
                for note in report.notes() {
                    text.push(' ');
                    text.push_str(&note);
                }
                self.prefs.remember(&path);
                // Not when another document was opened meanwhile.
                if self.doc.as_ref().is_some_and(|d| d.has_revision(revision))
                    && self.take_saved(*report, revision, sent)
                {
                    text.push_str(" Earlier edits can no longer be undone.");
                }
                self.message = Some(Message::info(text));
            }
            Err(e) => self.message = Some(Message::error(format!("Could not save. {e}"))),
        }
        self.jobs_done(ctx);
    }

    /// Marks the document saved as `report` says. After a merge, the document takes what was
    /// merged in from the file (on top of edits made while saving), and the undo history
    /// starts afresh, since undoing to a plan without those entries would drop them at the
    /// next save; returns true then.
    fn take_saved(&mut self, report: SaveReport, revision: u64, sent: Option<Arc<Plan>>) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        if report.outcome == SaveOutcome::Saved {
            doc.mark_saved(report.base, revision);
            self.history.seal();
            return false;
        }
        if doc.revision() == revision {
            doc.adopt_saved(report.base);
        } else {
            // Edited while saving: those edits go on top of what the save merged in.
            let merged = sent.and_then(|sent| {
                crate::model::merge::merge(&sent, report.base.plan(), doc.plan()).ok()
            });
            if let Some(m) = merged {
                doc.set_plan(m.plan);
            }
            doc.mark_saved(report.base, revision);
        }
        self.history.clear();
        true
    }

    /// An open reported back: the document is replaced now. A file that fails to open leaves
    /// the current plan as it was and shows why. When the plan was edited while the file was
    /// being read, those edits are not dropped: the open is asked about again.
    pub(super) fn opened(
        &mut self,
        path: PathBuf,
        result: Result<Box<FileBase>, String>,
        ctx: &egui::Context,
    ) {
        let current = self.doc.as_ref().map(Document::revision);
        let job = self
            .in_flight
            .iter()
            .position(|j| matches!(j, InFlight::Open { path: p, .. } if *p == path));
        let since = match job.map(|i| self.in_flight.remove(i)) {
            Some(InFlight::Open { since, .. }) => since,
            _ => current,
        };
        match result {
            Ok(_) if since != current => {
                self.message = None;
                self.after_jobs(Replace::OpenPath(path), true);
            }
            Ok(base) => {
                self.prefs.remember(&path);
                self.message = None;
                self.show_document(Document::from_file(*base, self.today));
                self.check_plan_copies();
            }
            Err(e) => self.message = Some(Message::error(format!("Could not open the plan. {e}"))),
        }
        self.jobs_done(ctx);
    }

    /// After a job reported back: the command waiting for the jobs runs once none is left;
    /// otherwise the status bar goes on saying what is still running (unless it shows an
    /// error to read).
    fn jobs_done(&mut self, ctx: &egui::Context) {
        if self.is_busy() {
            if !self.message.as_ref().is_some_and(|m| m.is_error) {
                self.show_progress();
            }
        } else if let Some(AfterJobs { cmd, ask }) = self.after_jobs.take() {
            if ask {
                self.guard(cmd, ctx);
            } else {
                self.perform(cmd, ctx);
            }
        }
    }

    /// "Saving NAME ..." or "Opening NAME ..." for the first job in flight.
    fn show_progress(&mut self) {
        let text = match self.in_flight.first() {
            Some(InFlight::Save { path, .. }) => format!("Saving {} ...", file_name(path)),
            Some(InFlight::Open { path, .. }) => format!("Opening {} ...", file_name(path)),
            None => return,
        };
        self.message = Some(Message::info(text));
    }

    /// Makes `plan` the open document: the chart and progress metrics go back to the plan's
    /// default, the history and selection start afresh.
    fn open_document(&mut self, plan: Plan, origin: Origin) {
        self.show_document(Document::new(plan, origin, self.today));
    }

    /// Makes `doc` the open document (see `open_document`).
    pub(super) fn show_document(&mut self, doc: Document) {
        self.doc = Some(doc);
        self.plan_copies.clear();
        self.panels.chart.metric = None;
        self.panels.progress.metric = None;
        self.history.clear();
        self.selection = Default::default();
        self.pending = None;
    }

    /// The folder of the document's file, where file dialogs start.
    pub(super) fn document_folder(&self) -> Option<PathBuf> {
        self.doc
            .as_ref()
            .and_then(|d| d.path())
            .and_then(Path::parent)
            .map(PathBuf::from)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The file name Save as and Export suggest: the document's, or one made from its title.
pub(super) fn suggested_file_name(doc: &Document) -> String {
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
