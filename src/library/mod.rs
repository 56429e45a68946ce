//! The exercise library: the built-in exercises shipped inside the program
//! (`data/exercises.ron`, embedded at compile time), searching and filtering them, copying the
//! exercises a plan needs into the plan, and importing other collections (the public-domain
//! free-exercise-db JSON and its forks, a CSV). Your own exercises, your edits of built-in
//! ones and what you imported form your personal library ([`PersonalLibrary`]); merged with
//! the built-in one it is the [`Merged`] library the program searches, with [`find`] the one
//! lookup (the plan's copy, then the library). A plan file carries its own copy of every
//! exercise it uses, so the library is where new prescriptions start, not something a saved
//! plan depends on.

mod check;
mod fill;
mod fold;
mod import;
mod merged;
mod personal;

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::quote::quote;
use crate::model::{Category, Exercise, Plan};

pub use check::{copy_name, exercise_problems, free_id, unique_id, used_by};
pub use fill::fill_missing;
pub use fold::{fold, words};
pub use import::{
    Candidate, Duplicate, Entry, ImportError, ImportFile, ImportKind, import_free_exercise_db,
    preview, read_import, take,
};
pub use merged::{Merged, Origin, Query, matches};
pub use personal::{
    PERSONAL_FORMAT_VERSION, PersonalLibrary, merge_personal, parse_personal, personal_to_string,
};

/// Library file format this version reads. Files with a higher number are refused.
pub const LIBRARY_FORMAT_VERSION: u32 = 1;

/// The text of the built-in library, embedded in the program.
const BUILTIN_RON: &str = include_str!("../../data/exercises.ron");

/// What can go wrong reading an exercise library or importing one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// The library text is not valid RON or does not fit the exercise format.
    #[error(
        "exercise library, at {line}:{column}: {message}; correct the text at that line and column"
    )]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    /// The library was written for a newer loadplan.
    #[error(
        "exercise library has format_version {found}, but this loadplan reads up to {supported}; update loadplan"
    )]
    NewerFormat { found: u32, supported: u32 },
    /// An exercise has no id.
    #[error("exercise library: exercise {position} has an empty id; give it a unique id")]
    EmptyId {
        /// 1-based position of the exercise in the file.
        position: usize,
    },
    /// Two exercises share an id.
    #[error("exercise library: id {} appears more than once; ids must be unique", quote(.id))]
    DuplicateId { id: String },
    /// An `easier` or `harder` list names an exercise the library does not have.
    #[error(
        "exercise library: {} lists {direction} variation {}, which is not in the library; add it or fix the id",
        quote(.exercise),
        quote(.missing)
    )]
    UnknownVariation {
        exercise: String,
        /// `easier` or `harder`.
        direction: &'static str,
        missing: String,
    },
    /// The free-exercise-db JSON could not be read.
    #[error("free-exercise-db JSON, at {line}:{column}: {message}")]
    ImportJson {
        line: usize,
        column: usize,
        message: String,
    },
}

/// A collection of exercises: the built-in library, or one read from a file or importer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub exercises: Vec<Exercise>,
}

/// The library file as written: a format version and the exercises.
#[derive(Deserialize)]
struct LibraryFile {
    format_version: u32,
    exercises: Vec<Exercise>,
}

impl Library {
    /// The exercise with id `id`.
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Exercises matching `text` and, when given, `muscle`, as the library panel matches them
    /// ([`Query`]: every word in the name, an alias, the id or a muscle, case and accents
    /// ignored; empty text matches everything). Sorted by name.
    pub fn search(&self, text: &str, muscle: Option<&str>) -> Vec<&Exercise> {
        let query = Query::new(text, muscle);
        let mut found: Vec<&Exercise> = self
            .exercises
            .iter()
            .filter(|e| matches(e, &query))
            .collect();
        found.sort_by_cached_key(|e| (e.name.to_lowercase(), e.id.clone()));
        found
    }

    /// The categories the library uses, in display order, each once.
    pub fn categories(&self) -> Vec<Category> {
        let mut out: Vec<Category> = self.exercises.iter().map(|e| e.category).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every muscle named by some exercise, sorted, each once.
    pub fn muscles(&self) -> Vec<&str> {
        sorted_unique(self.exercises.iter().flat_map(|e| &e.muscles))
    }

    /// Every piece of equipment named by some exercise, sorted, each once.
    pub fn equipment(&self) -> Vec<&str> {
        sorted_unique(self.exercises.iter().flat_map(|e| &e.equipment))
    }

    /// Checks what must hold for the library to be usable: ids present and unique, and every
    /// `easier`/`harder` id naming an exercise of the library.
    pub fn check(&self) -> Result<(), LibraryError> {
        let mut seen = std::collections::HashSet::new();
        for (i, ex) in self.exercises.iter().enumerate() {
            if ex.id.trim().is_empty() {
                return Err(LibraryError::EmptyId { position: i + 1 });
            }
            if !seen.insert(ex.id.as_str()) {
                return Err(LibraryError::DuplicateId { id: ex.id.clone() });
            }
        }
        for ex in &self.exercises {
            for (direction, ids) in [("easier", &ex.easier), ("harder", &ex.harder)] {
                if let Some(missing) = ids.iter().find(|id| !seen.contains(id.as_str())) {
                    return Err(LibraryError::UnknownVariation {
                        exercise: ex.id.clone(),
                        direction,
                        missing: missing.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}

fn sorted_unique<'a>(items: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = items.map(String::as_str).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads a library from RON text (IMPLICIT_SOME on, so optional fields are written bare) and
/// checks it. Parse errors carry the line and column.
pub fn parse_library(text: &str) -> Result<Library, LibraryError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: LibraryFile = options.from_str(text).map_err(|e| LibraryError::Parse {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.format_version > LIBRARY_FORMAT_VERSION {
        return Err(LibraryError::NewerFormat {
            found: file.format_version,
            supported: LIBRARY_FORMAT_VERSION,
        });
    }
    let library = Library {
        exercises: file.exercises,
    };
    library.check()?;
    Ok(library)
}

/// The exercise `id` as `plan` sees it: the plan's own copy when it has one (a plan may carry
/// its own version of an exercise), else the library's. The one lookup every view uses.
pub fn find<'a>(plan: &'a Plan, library: &'a Library, id: &str) -> Option<&'a Exercise> {
    plan.exercise(id).or_else(|| library.get(id))
}

/// The name exercise `id` is shown under: as [`find`] finds it, else the plan's one fallback
/// (its id with spaces, [`Plan::exercise_name`]).
pub fn exercise_name<'a>(
    plan: &'a Plan,
    library: &'a Library,
    id: &'a str,
) -> std::borrow::Cow<'a, str> {
    match find(plan, library, id) {
        Some(e) => std::borrow::Cow::Borrowed(e.name.as_str()),
        None => plan.exercise_name(id),
    }
}

/// The built-in library, parsed once on first use and shared afterwards.
pub fn builtin() -> Result<&'static Library, LibraryError> {
    static BUILTIN: OnceLock<Result<Library, LibraryError>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| parse_library(BUILTIN_RON))
        .as_ref()
        .map_err(Clone::clone)
}
