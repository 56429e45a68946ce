//! The open document: a plan, where it lives on disk (and the file as it was read or last
//! written, so a save can tell what changed there meanwhile), whether it has unsaved changes,
//! and its read model (everything derived from it), rebuilt once per plan revision.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::engine::ReadModel;
use crate::io::FileBase;
use crate::model::Plan;

/// Where the open plan came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A file on disk (saving writes back to it).
    File(PathBuf),
    /// A template, the sample plan or an empty plan: saving asks for a name.
    Unsaved(String),
}

/// Revisions are unique across documents, so a cache keyed on a revision (the chart's) never
/// mistakes a newly opened plan for the one before it.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A key for a new document, unique within this run and (with the start time mixed in)
/// across runs, so what egui keeps between runs (a chart's zoom) never applies to another plan.
fn new_document_key() -> u64 {
    static RUN: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let run = *RUN.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    run.rotate_left(17) ^ next_revision()
}

/// The open plan with its read model.
pub struct Document {
    plan: Arc<Plan>,
    origin: Origin,
    /// The revision the document started at (every later one is greater).
    first_revision: u64,
    /// Which document this is (see `ReadModel::document`).
    key: u64,
    /// Bumped on every change of the plan.
    revision: u64,
    /// The plan as last saved or opened, when known: undoing back to it is not a change.
    saved_plan: Option<Arc<Plan>>,
    /// The plan differs from what was last saved or opened.
    dirty: bool,
    /// The file as it was opened or last written (none for a plan not read from a file).
    base: Option<FileBase>,
    /// Everything derived from the plan, as of `revision` once `refresh` ran.
    read: ReadModel,
}

impl Document {
    /// A document for `plan` that has not been changed since it was opened, read as of `today`.
    pub fn new(plan: Plan, origin: Origin, today: NaiveDate) -> Document {
        Document::with_plan(Arc::new(plan), origin, None, today)
    }

    /// A document for the plan file read as `base`.
    pub fn from_file(base: FileBase, today: NaiveDate) -> Document {
        let origin = Origin::File(base.path().to_path_buf());
        Document::with_plan(base.shared_plan(), origin, Some(base), today)
    }

    /// A document restored from a recovery file: `plan` has changes not saved to `origin`,
    /// whose file was opened or last saved as `base` (a save merges with what changed there
    /// since).
    pub fn restored(
        plan: Plan,
        origin: Origin,
        base: Option<FileBase>,
        today: NaiveDate,
    ) -> Document {
        let saved = base.as_ref().map(FileBase::shared_plan);
        let mut doc = Document::with_plan(Arc::new(plan), origin, base, today);
        doc.dirty = saved.as_deref() != Some(doc.plan.as_ref());
        doc.saved_plan = saved;
        doc
    }

    fn with_plan(
        plan: Arc<Plan>,
        origin: Origin,
        base: Option<FileBase>,
        today: NaiveDate,
    ) -> Document {
        let revision = next_revision();
        let key = new_document_key();
        Document {
            read: ReadModel::new(Arc::clone(&plan), revision, today).of_document(key),
            saved_plan: Some(Arc::clone(&plan)),
            plan,
            origin,
            first_revision: revision,
            key,
            revision,
            dirty: false,
            base,
        }
    }

    /// The file as it was opened or last written, if the plan came from one.
    pub fn base(&self) -> Option<&FileBase> {
        self.base.as_ref()
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan, shared with work off the frame (saving, exporting).
    pub fn shared_plan(&self) -> Arc<Plan> {
        Arc::clone(&self.plan)
    }

    /// Where the plan came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The file the plan is saved to, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Unsaved(_) => None,
        }
    }

    /// Changes the plan; the read model is rebuilt once, on the next `refresh`.
    pub fn set_plan(&mut self, plan: Plan) {
        // Back to the saved plan (undo, or an edit undone by hand) is no unsaved change.
        self.dirty = self.saved_plan.as_deref() != Some(&plan);
        self.plan = Arc::new(plan);
        self.revision = next_revision();
    }

    /// Plan revision (changes whenever the plan does).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when `revision` is one of this document's, not one of a document open before it
    /// (a save that reports back after the document was replaced).
    pub fn has_revision(&self, revision: u64) -> bool {
        (self.first_revision..=self.revision).contains(&revision)
    }

    /// True when the plan has changes not saved to its file.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Records that revision `revision` of the plan was saved as `base` (the file as written,
    /// its plan the one sent: nothing was merged in).
    pub fn mark_saved(&mut self, base: FileBase, revision: u64) {
        self.origin = Origin::File(base.path().to_path_buf());
        self.base = Some(base);
        if revision == self.revision {
            self.saved_plan = Some(Arc::clone(&self.plan));
            self.dirty = false;
        } else {
            // Edited while saving: what was saved is an older revision, whose plan is gone.
            self.saved_plan = None;
            self.dirty = true;
        }
    }

    /// Records a save that merged in what was written to the file meanwhile: the plan written
    /// (`base`'s) becomes the document's plan, saved.
    pub fn adopt_saved(&mut self, base: FileBase) {
        self.origin = Origin::File(base.path().to_path_buf());
        self.plan = base.shared_plan();
        self.saved_plan = Some(base.shared_plan());
        self.revision = next_revision();
        self.dirty = false;
        self.base = Some(base);
    }

    /// Brings the read model up to the plan's revision and to `today` (rebuilding only what
    /// changed).
    pub fn refresh(&mut self, today: NaiveDate) {
        if self.read.revision() == self.revision {
            self.read.on_day(today);
        } else {
            self.read =
                ReadModel::new(Arc::clone(&self.plan), self.revision, today).of_document(self.key);
        }
    }

    /// The read model (call `refresh` after changes).
    pub fn read(&self) -> &ReadModel {
        &self.read
    }

    /// Name for the title bar: the file name, or what the plan was made from.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Unsaved(name) => name.clone(),
        }
    }

    /// Window title: `* name - title - loadplan`, with `*` for unsaved changes.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "* " } else { "" };
        let title = if self.plan.title.is_empty() {
            "Untitled plan"
        } else {
            &self.plan.title
        };
        let name = self.display_name();
        if name == title {
            // A new plan is named after its title: say it once.
            format!("{mark}{title} - loadplan")
        } else {
            format!("{mark}{name} - {title} - loadplan")
        }
    }
}
