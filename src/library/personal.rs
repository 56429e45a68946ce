//! Your own exercises: the ones you made (new, or copies of others), your edits of built-in
//! exercises (kept under the built-in's id, so they take its place) and the exercises you
//! imported. Plain data and its text form (RON, `format_version: 1`); where the file lives and
//! how it is written is the io layer's business (`io::personal`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::Exercise;

use super::LibraryError;

/// The personal library's file format this version reads and writes.
pub const PERSONAL_FORMAT_VERSION: u32 = 1;

/// Your exercises and the ones you imported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonalLibrary {
    /// Yours: exercises you made, and your edits of built-in ones (same id as the built-in).
    pub exercises: Vec<Exercise>,
    /// Exercises imported from open data (free-exercise-db JSON, a CSV, another library).
    pub imported: Vec<Exercise>,
}

impl PersonalLibrary {
    /// True when there is nothing of yours.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty() && self.imported.is_empty()
    }

    /// Every exercise of yours, then every imported one.
    pub fn all(&self) -> impl Iterator<Item = &Exercise> {
        self.exercises.iter().chain(&self.imported)
    }

    /// The exercise with id `id`, mutable, wherever it is kept.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Exercise> {
        self.exercises
            .iter_mut()
            .chain(self.imported.iter_mut())
            .find(|e| e.id == id)
    }

    /// Removes the exercise with id `id`; true when there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.exercises.len() + self.imported.len();
        self.exercises.retain(|e| e.id != id);
        self.imported.retain(|e| e.id != id);
        self.exercises.len() + self.imported.len() != before
    }

    /// Ids present and unique over both lists.
    pub fn check(&self) -> Result<(), LibraryError> {
        let mut seen = HashSet::new();
        for (i, ex) in self.all().enumerate() {
            if ex.id.trim().is_empty() {
                return Err(LibraryError::EmptyId { position: i + 1 });
            }
            if !seen.insert(ex.id.as_str()) {
                return Err(LibraryError::DuplicateId { id: ex.id.clone() });
            }
        }
        Ok(())
    }
}

/// Reads a personal library from its RON text. Parse errors carry the line and column.
pub fn parse_personal(text: &str) -> Result<PersonalLibrary, LibraryError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: PersonalFileIn = options.from_str(text).map_err(|e| LibraryError::Parse {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.format_version > PERSONAL_FORMAT_VERSION {
        return Err(LibraryError::NewerFormat {
            found: file.format_version,
            supported: PERSONAL_FORMAT_VERSION,
        });
    }
    let library = PersonalLibrary {
        exercises: file.exercises,
        imported: file.imported,
    };
    library.check()?;
    Ok(library)
}

/// The file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonalFileIn {
    format_version: u32,
    #[serde(default)]
    exercises: Vec<Exercise>,
    #[serde(default)]
    imported: Vec<Exercise>,
}

/// The RON text of `library`, as the personal library file and `loadplan library export`
/// write it.
pub fn personal_to_string(library: &PersonalLibrary) -> Result<String, LibraryError> {
    let config = ron::ser::PrettyConfig::new()
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .struct_names(false);
    let file = PersonalFileOut {
        format_version: PERSONAL_FORMAT_VERSION,
        exercises: &library.exercises,
        imported: &library.imported,
    };
    ron::ser::to_string_pretty(&file, config).map_err(|e| LibraryError::Parse {
        line: 0,
        column: 0,
        message: e.to_string(),
    })
}

#[derive(Serialize)]
struct PersonalFileOut<'a> {
    format_version: u32,
    exercises: &'a [Exercise],
    imported: &'a [Exercise],
}

/// Your library as the file should hold it when it was changed elsewhere meanwhile (another
/// loadplan window, `loadplan library import`): `base` as this window last read or wrote it,
/// `ours` as this window has it now, `theirs` as the file holds it now. Exercise by exercise
/// (by id): changed, added or deleted on one side only, that side's; changed on both, ours;
/// deleted here but changed there, theirs (nothing edited is lost). Ours keep their order;
/// exercises only they added follow.
pub fn merge_personal(
    base: &PersonalLibrary,
    ours: &PersonalLibrary,
    theirs: &PersonalLibrary,
) -> PersonalLibrary {
    let mut taken = HashSet::new();
    let exercises = merge_list(
        &base.exercises,
        &ours.exercises,
        &theirs.exercises,
        &mut taken,
    );
    let imported = merge_list(&base.imported, &ours.imported, &theirs.imported, &mut taken);
    PersonalLibrary {
        exercises,
        imported,
    }
}

fn merge_list(
    base: &[Exercise],
    ours: &[Exercise],
    theirs: &[Exercise],
    taken: &mut HashSet<String>,
) -> Vec<Exercise> {
    let find = |list: &'_ [Exercise], id: &str| list.iter().position(|e| e.id == id);
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    let mut keep = |e: &Exercise, out: &mut Vec<Exercise>| {
        if taken.insert(e.id.clone()) {
            out.push(e.clone());
        }
    };
    for o in ours {
        let unchanged_here = find(base, &o.id).is_some_and(|b| base[b] == *o);
        match (unchanged_here, find(theirs, &o.id)) {
            (true, Some(t)) => keep(&theirs[t], &mut out),
            (true, None) => {} // deleted there
            (false, _) => keep(o, &mut out),
        }
    }
    for t in theirs {
        if find(ours, &t.id).is_some() {
            continue;
        }
        match find(base, &t.id) {
            // Deleted here: gone, unless changed there meanwhile.
            Some(b) if base[b] == *t => {}
            _ => keep(t, &mut out),
        }
    }
    out
}
