//! Undo and redo: an explicit history of plan snapshots, pushed on each edit, capped in length.
//! Consecutive edits with the same merge key (typing in one field, dragging one value) within a
//! short time form one step. Never saved to disk.

use crate::model::Plan;

/// Most undo steps kept.
pub const MAX_STEPS: usize = 200;

/// Seconds within which edits with the same merge key form one undo step.
pub const MERGE_SECS: f64 = 1.5;

struct Step {
    plan: Plan,
    label: String,
    key: Option<String>,
    time: f64,
}

/// Undo and redo stacks.
#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records that `before` is about to be replaced by an edit called `label`.
    pub fn record(&mut self, before: &Plan, label: String, key: Option<String>, now: f64) {
        self.redo.clear();
        if let (Some(top), Some(k)) = (self.undo.last_mut(), key.as_ref())
            && top.key.as_ref() == Some(k)
            && now - top.time <= MERGE_SECS
        {
            top.time = now;
            return;
        }
        self.undo.push(Step {
            plan: before.clone(),
            label,
            key,
            time: now,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Takes the plan before the last edit, storing `current` for redo.
    pub fn undo(&mut self, current: &Plan) -> Option<Plan> {
        let step = self.undo.pop()?;
        self.redo.push(Step {
            plan: current.clone(),
            label: step.label.clone(),
            key: None,
            time: 0.0,
        });
        Some(step.plan)
    }

    /// Takes the plan after the last undone edit, storing `current` for undo.
    pub fn redo(&mut self, current: &Plan) -> Option<Plan> {
        let step = self.redo.pop()?;
        self.undo.push(Step {
            plan: current.clone(),
            label: step.label.clone(),
            key: None,
            time: f64::NEG_INFINITY,
        });
        Some(step.plan)
    }

    /// Label of the edit Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the edit Redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Forgets everything (a different plan was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.key = None;
        }
    }
}
