//! Crash recovery in the window. While the document has unsaved changes, a copy goes to this
//! window's recovery file (`io::RecoverySlot`) a few seconds after the last edit (debounced on
//! the frames' clock, so typing does not write on every key, yet a long stretch of edits is
//! written at least every `MAX_WAIT_SECS`); the file is removed once nothing is unsaved (saved,
//! undone back to the saved plan, changes discarded) and when the window closes cleanly. Both
//! happen on the file thread, in order with saves. At start, the recovery files of windows that
//! are gone are offered, one at a time: Restore opens the plan as it was, unsaved and belonging
//! to its file, so Save writes it where it belongs.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use super::LoadplanApp;
use super::document::{Document, Origin};
use super::tasks::FileJob;
use crate::command::RecoveryChoice;
use crate::io::{Found, Recovered, RecoverySlot};
use crate::ui::Message;
use crate::ui::dialogs::RecoveryOffer;

/// Seconds after the last edit before unsaved changes are written for recovery.
pub const RECOVERY_DELAY_SECS: f64 = 3.0;
/// Unsaved changes wait at most this long to be written, however often they change.
const MAX_WAIT_SECS: f64 = 30.0;

/// The window's recovery state.
pub(super) struct Recovery {
    slot: Arc<RecoverySlot>,
    delay_secs: f64,
    /// The revision seen last, and the frame time it was first seen.
    seen: Option<(u64, f64)>,
    /// The frame time the oldest unsaved change not yet written was seen.
    waiting_since: Option<f64>,
    /// The revision the recovery file holds (`None`: there is no file).
    written: Option<u64>,
    /// Unsaved work of windows that are gone, to offer (the first one is asked about).
    offers: VecDeque<Recovered>,
}

impl LoadplanApp {
    /// Keeps unsaved work in recovery files in `dir` (`io::recovery_dir()` in the program;
    /// a temporary folder in tests), and looks there (off the frame) for what windows that
    /// closed without saving left, to offer it.
    pub fn enable_recovery(&mut self, dir: PathBuf, ctx: &egui::Context) {
        let slot = Arc::new(RecoverySlot::new(dir));
        let job = FileJob::FindRecovery {
            slot: Arc::clone(&slot),
        };
        self.recovery = Some(Recovery {
            slot,
            delay_secs: RECOVERY_DELAY_SECS,
            seen: None,
            waiting_since: None,
            written: None,
            offers: VecDeque::new(),
        });
        if let Err(e) = self.tasks.file_job(job, ctx) {
            self.message = Some(Message::error(format!(
                "Could not look for unsaved changes to restore. {e}"
            )));
        }
    }

    /// Sets how long after the last edit unsaved changes are written (tests use a short one).
    pub fn set_recovery_delay(&mut self, secs: f64) {
        if let Some(r) = &mut self.recovery {
            r.delay_secs = secs.max(0.0);
        }
    }

    /// This window's recovery file (it exists only while unsaved changes are kept there).
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery.as_ref().map(|r| r.slot.file())
    }

    /// True while the restore dialog is shown.
    pub fn is_offering_recovery(&self) -> bool {
        self.recovery.as_ref().is_some_and(|r| !r.offers.is_empty())
    }

    /// What the restore dialog says, while it shows.
    pub(super) fn recovery_offer(&self) -> Option<RecoveryOffer> {
        let r = self.recovery.as_ref()?;
        let offer = r.offers.front()?;
        let local = offer.written.with_timezone(&chrono::Local);
        let when = if local.date_naive() == chrono::Local::now().date_naive() {
            format!("at {}", local.format("%H:%M"))
        } else {
            format!(
                "on {} at {}",
                local.format("%a %-d %b %Y"),
                local.format("%H:%M")
            )
        };
        Some(RecoveryOffer {
            name: offer.name.clone(),
            when,
            path: offer.path.as_ref().map(|p| p.display().to_string()),
            more: r.offers.len() - 1,
        })
    }

    /// What the look into the recovery folder found.
    pub(super) fn recovery_found(&mut self, found: Found) {
        if let Some(r) = &mut self.recovery {
            r.offers.extend(found.recovered);
        }
        if let Some(first) = found.unreadable.first() {
            let others = match found.unreadable.len() - 1 {
                0 => String::new(),
                1 => " (and 1 more, kept beside it)".to_owned(),
                n => format!(" (and {n} more, kept beside it)"),
            };
            self.message = Some(Message::error(format!(
                "Unsaved changes from an earlier session cannot be restored: their recovery file \
                 {}. It was kept as {}{others}; no plan was changed.",
                first.reason,
                first.kept_as.display()
            )));
        }
    }

    /// Writing or deleting a recovery file failed.
    pub(super) fn recovery_failed(&mut self, why: &str) {
        self.message = Some(Message::error(format!(
            "Unsaved changes could not be kept for recovery after a crash: {why}. Save the plan \
             to keep them."
        )));
    }

    /// The answer to the restore dialog.
    pub(super) fn recover(&mut self, choice: RecoveryChoice, ctx: &egui::Context, now: f64) {
        if choice == RecoveryChoice::Restore && self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.message = Some(Message::error(
                "Save or discard the changes to the open plan first, then restore.".to_owned(),
            ));
            return;
        }
        let Some(offer) = self.recovery.as_mut().and_then(|r| r.offers.pop_front()) else {
            return;
        };
        match choice {
            RecoveryChoice::Later => {}
            RecoveryChoice::Discard => {
                self.discard_offer(offer.file, ctx);
                self.message = Some(Message::info(format!(
                    "Deleted the unsaved changes to {}.",
                    offer.name
                )));
            }
            RecoveryChoice::Restore => {
                let origin = match &offer.path {
                    Some(path) => Origin::File(path.clone()),
                    None => Origin::Unsaved(offer.name.clone()),
                };
                let file = offer.file;
                let doc = Document::restored(offer.plan, origin, offer.base, self.today);
                let saves_to = match doc.path() {
                    Some(p) => format!("Save writes them to {}.", p.display()),
                    None => "Save asks where to keep them.".to_owned(),
                };
                let name = doc.display_name();
                self.show_document(doc);
                self.show_welcome = false;
                // This window keeps them from now on: its own copy first, then the old one goes.
                if let Some(r) = &mut self.recovery {
                    r.seen = None;
                    r.waiting_since = Some(f64::NEG_INFINITY);
                }
                self.recovery_tick(ctx, now);
                self.discard_offer(file, ctx);
                self.message = Some(Message::info(format!(
                    "Restored the unsaved changes to {name}. They are not saved yet: {saves_to}"
                )));
            }
        }
    }

    fn discard_offer(&mut self, file: PathBuf, ctx: &egui::Context) {
        if let Err(e) = self.tasks.file_job(FileJob::DiscardRecovery { file }, ctx) {
            self.recovery_failed(&e);
        }
    }

    /// After each frame's commands: writes the unsaved changes once they have rested for the
    /// delay, or removes the recovery file once nothing is unsaved.
    pub(super) fn recovery_tick(&mut self, ctx: &egui::Context, now: f64) {
        let Some(r) = &mut self.recovery else { return };
        let job = match self.doc.as_ref().filter(|d| d.is_dirty()) {
            Some(doc) => {
                let revision = doc.revision();
                if r.written == Some(revision) {
                    return;
                }
                let since = match r.seen {
                    Some((seen, at)) if seen == revision => at,
                    _ => {
                        r.seen = Some((revision, now));
                        now
                    }
                };
                let waiting = *r.waiting_since.get_or_insert(now);
                let wait = (r.delay_secs - (now - since)).min(MAX_WAIT_SECS - (now - waiting));
                if wait > 0.0 {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
                    return;
                }
                r.written = Some(revision);
                r.waiting_since = None;
                FileJob::WriteRecovery {
                    slot: Arc::clone(&r.slot),
                    name: doc.display_name(),
                    plan: doc.shared_plan(),
                    path: doc.path().map(PathBuf::from),
                    base: doc.base().cloned(),
                }
            }
            None => {
                r.seen = None;
                r.waiting_since = None;
                if r.written.take().is_none() {
                    return;
                }
                FileJob::RemoveRecovery {
                    slot: Arc::clone(&r.slot),
                }
            }
        };
        if let Err(e) = self.tasks.file_job(job, ctx) {
            self.recovery_failed(&e);
        }
    }

    /// The window closes cleanly (the user saved or gave up the changes): the recovery file
    /// goes, and nothing more is written.
    pub(super) fn recovery_closing(&mut self, ctx: &egui::Context) {
        if let Some(r) = self.recovery.take()
            && let Err(e) = self
                .tasks
                .file_job(FileJob::RemoveRecovery { slot: r.slot }, ctx)
        {
            self.recovery_failed(&e);
        }
    }
}
