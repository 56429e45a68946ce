//! The open document: a plan, where it lives on disk, whether it has unsaved changes, and what
//! is derived from it (projection and findings), recomputed only when the plan changes.

use std::path::{Path, PathBuf};

use crate::engine::{self, Adjustment, Finding, Projection};
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

/// The open plan with its derived data.
pub struct Document {
    plan: Plan,
    origin: Origin,
    /// Bumped on every change of the plan.
    revision: u64,
    /// The revision last saved or opened.
    saved_revision: u64,
    projection: Projection,
    findings: Vec<Finding>,
    /// Dose adjustments the log calls for (pain-guided progression).
    adjustments: Vec<Adjustment>,
    derived_revision: u64,
}

impl Document {
    /// A document for `plan` that has not been changed since it was opened.
    pub fn new(plan: Plan, origin: Origin) -> Document {
        let projection = engine::project(&plan);
        let findings = engine::check(&plan, &projection);
        let adjustments = engine::adjustments(&plan, &projection);
        let revision = next_revision();
        Document {
            plan,
            origin,
            revision,
            saved_revision: revision,
            projection,
            findings,
            adjustments,
            derived_revision: revision,
        }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
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

    /// Changes the plan; the projection is recomputed once, on the next `refresh`.
    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = plan;
        self.revision = next_revision();
    }

    /// Plan revision (changes whenever the plan does).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the plan has changes not saved to its file.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the plan was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.origin = Origin::File(path);
        self.saved_revision = self.revision;
    }

    /// Recomputes projection and findings if the plan changed since the last time.
    pub fn refresh(&mut self) {
        if self.derived_revision != self.revision {
            self.projection = engine::project(&self.plan);
            self.findings = engine::check(&self.plan, &self.projection);
            self.adjustments = engine::adjustments(&self.plan, &self.projection);
            self.derived_revision = self.revision;
        }
    }

    /// The projection of the current plan (call `refresh` after changes).
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The guardrail findings of the current plan.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The dose adjustments the log calls for.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
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
        format!("{mark}{} - {title} - loadplan", self.display_name())
    }
}
