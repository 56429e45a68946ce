//! Undo and redo: an explicit history of snapshots, pushed on each edit, capped in length.
//! Consecutive edits with the same merge key (typing in one field, dragging one value) within a
//! short time form one step. Never saved to disk.
//!
//! One history holds two kinds of step: plan edits (a snapshot of the plan) and changes of your
//! exercise library (a snapshot of the personal library, which is small). Ctrl+Z undoes the
//! last change of either kind, as the user made them. Opening or closing a plan forgets the
//! plan's steps but keeps the library's: your library is the same whatever plan is open.

use crate::library::PersonalLibrary;
use crate::model::Plan;

/// Most undo steps kept.
pub const MAX_STEPS: usize = 200;

/// Seconds within which edits with the same merge key form one undo step.
pub const MERGE_SECS: f64 = 1.5;

/// What a step brings back.
#[derive(Debug, Clone, PartialEq)]
pub enum Snapshot {
    /// The plan as it was.
    Plan(Box<Plan>),
    /// Your exercise library as it was.
    Library(PersonalLibrary),
}

impl Snapshot {
    fn is_plan(&self) -> bool {
        matches!(self, Snapshot::Plan(_))
    }
}

struct Step {
    snapshot: Snapshot,
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
        self.push(Snapshot::Plan(Box::new(before.clone())), label, key, now);
    }

    /// Records that your library `before` is about to be changed by a change called `label`
    /// (each change is one step).
    pub fn record_library(&mut self, before: &PersonalLibrary, label: String, now: f64) {
        self.redo.clear();
        self.push(Snapshot::Library(before.clone()), label, None, now);
    }

    /// Changes every library snapshot with `change` (when changes made elsewhere were merged
    /// into your library, so that undoing a step of yours keeps them).
    pub fn rebase_library(&mut self, change: impl Fn(&PersonalLibrary) -> PersonalLibrary) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if let Snapshot::Library(library) = &mut step.snapshot {
                *library = change(library);
            }
        }
    }

    fn push(&mut self, snapshot: Snapshot, label: String, key: Option<String>, time: f64) {
        self.undo.push(Step {
            snapshot,
            label,
            key,
            time,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Takes what the last edit replaced, storing the current state of the same kind (`plan`
    /// or `library`) for redo. A plan step without a plan open stays where it is.
    pub fn undo(&mut self, plan: Option<&Plan>, library: &PersonalLibrary) -> Option<Snapshot> {
        let current = current(self.undo.last()?, plan, library)?;
        let step = self.undo.pop()?;
        self.redo.push(Step {
            snapshot: current,
            label: step.label.clone(),
            key: None,
            time: 0.0,
        });
        Some(step.snapshot)
    }

    /// Takes what the last undone edit made, storing the current state for undo.
    pub fn redo(&mut self, plan: Option<&Plan>, library: &PersonalLibrary) -> Option<Snapshot> {
        let current = current(self.redo.last()?, plan, library)?;
        let step = self.redo.pop()?;
        self.undo.push(Step {
            snapshot: current,
            label: step.label.clone(),
            key: None,
            time: f64::NEG_INFINITY,
        });
        Some(step.snapshot)
    }

    /// Label of the edit Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the edit Redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Forgets the plan's steps (a different plan was opened); your library's stay.
    pub fn clear(&mut self) {
        self.undo.retain(|s| !s.snapshot.is_plan());
        self.redo.retain(|s| !s.snapshot.is_plan());
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.key = None;
        }
    }
}

/// The current state of the kind `step` brings back.
fn current(step: &Step, plan: Option<&Plan>, library: &PersonalLibrary) -> Option<Snapshot> {
    match step.snapshot {
        Snapshot::Plan(_) => plan.map(|p| Snapshot::Plan(Box::new(p.clone()))),
        Snapshot::Library(_) => Some(Snapshot::Library(library.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_and_library_steps_undo_in_the_order_made() {
        let mut h = History::default();
        let plan = Plan::default();
        let empty = PersonalLibrary::default();
        h.record(&plan, "Edit plan".into(), None, 0.0);
        h.record_library(&empty, "Add exercise X".into(), 1.0);
        assert_eq!(h.undo_label(), Some("Add exercise X"));
        let mut now = PersonalLibrary::default();
        now.exercises
            .push(crate::library::builtin().expect("library").exercises[0].clone());
        assert_eq!(
            h.undo(Some(&plan), &now),
            Some(Snapshot::Library(empty.clone()))
        );
        assert_eq!(h.redo_label(), Some("Add exercise X"));
        assert_eq!(h.undo_label(), Some("Edit plan"));
        // A new plan forgets the plan's steps only.
        h.clear();
        assert_eq!(h.undo_label(), None);
        assert_eq!(h.redo(None, &empty), Some(Snapshot::Library(now)));
    }
}
