//! Changes to your exercise library. They are not plan edits: they change the personal library
//! (kept in its own file), never the open plan. Each knows its undo label and how to apply
//! itself to the merged library, giving the personal library after it or why it cannot be
//! done; the app keeps the personal library before it as one undo step.

use crate::library::{Merged, Origin, PersonalLibrary, exercise_problems, used_by};
use crate::model::Exercise;

/// A change to your exercise library.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryEdit {
    /// Saves an exercise: a new one (`new`: its id must be free), or a change of the one with
    /// its id (a built-in exercise changed becomes your edit of it).
    Save { exercise: Box<Exercise>, new: bool },
    /// Deletes your exercise (or an imported one) with this id; your edit of a built-in
    /// exercise goes, and the built-in comes back.
    Delete(String),
    /// Adds imported exercises (their ids free).
    Import(Vec<Exercise>),
}

impl LibraryEdit {
    /// What the change does, for the Edit menu ("Undo Add exercise My bridge").
    pub fn label(&self, library: &Merged) -> String {
        match self {
            LibraryEdit::Save {
                exercise,
                new: true,
            } => format!("Add exercise {}", exercise.name),
            LibraryEdit::Save { exercise, .. } => format!("Edit exercise {}", exercise.name),
            LibraryEdit::Delete(id) => {
                let name = library.get(id).map_or(id.as_str(), |e| e.name.as_str());
                match library.origin(id) {
                    Some(Origin::Edited) => format!("Back to the built-in {name}"),
                    _ => format!("Delete exercise {name}"),
                }
            }
            LibraryEdit::Import(list) => format!(
                "Import {}",
                crate::engine::words::counted(list.len(), "exercise")
            ),
        }
    }

    /// The personal library of `library` with this change made, or why it cannot be made
    /// (one sentence saying what to do).
    pub fn apply(self, library: &Merged) -> Result<PersonalLibrary, String> {
        let mut personal = library.personal().clone();
        match self {
            LibraryEdit::Save { exercise, new } => {
                let problems = exercise_problems(library, &exercise, new);
                if let Some(first) = problems.first() {
                    return Err(format!("{} cannot be saved. {first}", exercise.name));
                }
                save(library, &mut personal, *exercise, new);
            }
            LibraryEdit::Delete(id) => delete(library, &mut personal, &id)?,
            LibraryEdit::Import(list) => {
                if let Some(taken) = list.iter().find(|e| library.get(&e.id).is_some()) {
                    return Err(format!(
                        "{} cannot be imported: the id \"{}\" is taken; import the file again",
                        taken.name, taken.id
                    ));
                }
                personal.imported.extend(list);
            }
        }
        Ok(personal)
    }
}

fn save(library: &Merged, personal: &mut PersonalLibrary, exercise: Exercise, new: bool) {
    if new {
        personal.exercises.push(exercise);
        return;
    }
    match library.origin(&exercise.id) {
        Some(Origin::BuiltIn) => personal.exercises.push(exercise),
        Some(Origin::Edited) if library.builtin_version(&exercise.id) == Some(&exercise) => {
            // Changed back to exactly the built-in: no edit left to keep.
            personal.remove(&exercise.id);
        }
        _ => {
            if let Some(slot) = personal.get_mut(&exercise.id) {
                *slot = exercise;
            }
        }
    }
}

fn delete(library: &Merged, personal: &mut PersonalLibrary, id: &str) -> Result<(), String> {
    let name = library.get(id).map_or(id, |e| e.name.as_str());
    match library.origin(id) {
        None => Err(format!("There is no exercise \"{id}\" to delete")),
        Some(Origin::BuiltIn) => Err(format!(
            "{name} is built into loadplan and cannot be deleted; edit it to make it yours"
        )),
        Some(Origin::Edited) => {
            personal.remove(id);
            Ok(())
        }
        Some(Origin::Yours | Origin::Imported) => {
            let users = used_by(library, id);
            if !users.is_empty() {
                let names: Vec<&str> = users.iter().map(|e| e.name.as_str()).collect();
                return Err(format!(
                    "{name} cannot be deleted: it is a variation of {}; take it off their ladders first",
                    names.join(", ")
                ));
            }
            personal.remove(id);
            Ok(())
        }
    }
}
