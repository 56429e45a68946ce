//! The library the program works with: the built-in exercises, yours (new ones, and your edits
//! taking the place of built-in ones) and the imported ones, as one [`Library`] (it derefs to
//! it, so [`super::find`] searches them all) with what the window needs to search a thousand
//! and more exercises as you type: each exercise's origin, its folded search text and its place
//! in name order, computed once when the library changes, never per keystroke.

use std::collections::HashMap;

use crate::model::Exercise;

use super::fold::{fold, fold_into};
use super::{Library, PersonalLibrary};

/// Where an exercise of the library comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Shipped with loadplan.
    BuiltIn,
    /// A built-in exercise as you edited it.
    Edited,
    /// Made by you.
    Yours,
    /// Imported from open data or another library.
    Imported,
}

impl Origin {
    /// The mark shown beside the exercise.
    pub fn label(self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::Edited => "yours (edited)",
            Origin::Yours => "yours",
            Origin::Imported => "imported",
        }
    }

    /// A sentence on the origin, for tooltips.
    pub fn describe(self) -> &'static str {
        match self {
            Origin::BuiltIn => "Built into loadplan",
            Origin::Edited => "A built-in exercise as you edited it, kept in your library",
            Origin::Yours => "Your own exercise, kept in your library",
            Origin::Imported => "Imported from open exercise data, kept in your library",
        }
    }

    /// Whether the exercise is kept in your library (yours, edited or imported).
    pub fn is_personal(self) -> bool {
        self != Origin::BuiltIn
    }
}

/// What the library panel filters by: words to find and a muscle worked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    words: Vec<String>,
    muscle: Option<String>,
}

impl Query {
    /// A query for `text` (every word must occur in the name, an alias, the id or a muscle;
    /// case and accents do not matter) and, when given, a muscle worked.
    pub fn new(text: &str, muscle: Option<&str>) -> Query {
        Query {
            words: super::fold::words(text),
            muscle: muscle.map(fold).filter(|m| !m.trim().is_empty()),
        }
    }

    /// True when the query matches everything.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.muscle.is_none()
    }
}

/// What is precomputed per exercise for search.
#[derive(Debug, Clone)]
struct Key {
    /// Name, aliases, id and muscles, folded, one per line.
    text: String,
    /// Muscles folded, one per line.
    muscles: String,
}

/// The merged library (see the module's documentation).
#[derive(Debug, Clone)]
pub struct Merged {
    library: Library,
    origins: Vec<Origin>,
    keys: Vec<Key>,
    index: HashMap<String, usize>,
    /// Positions in name order (folded name, then id).
    order: Vec<usize>,
    muscles: Vec<String>,
    equipment: Vec<String>,
    builtin: Library,
    personal: PersonalLibrary,
}

impl std::ops::Deref for Merged {
    type Target = Library;

    fn deref(&self) -> &Library {
        &self.library
    }
}

impl Merged {
    /// The built-in exercises with `personal` merged in: your edit of a built-in exercise
    /// takes its place; your other exercises, then the imported ones, follow. An exercise
    /// whose id is already taken is left out (a personal library is checked when read).
    pub fn new(builtin: &Library, personal: PersonalLibrary) -> Merged {
        let mut exercises: Vec<Exercise> = builtin.exercises.clone();
        let mut origins = vec![Origin::BuiltIn; exercises.len()];
        let mut index: HashMap<String, usize> = HashMap::with_capacity(
            exercises.len() + personal.exercises.len() + personal.imported.len(),
        );
        for (i, e) in exercises.iter().enumerate() {
            index.entry(e.id.clone()).or_insert(i);
        }
        let own = personal.exercises.iter().map(|e| (e, Origin::Yours));
        let imported = personal.imported.iter().map(|e| (e, Origin::Imported));
        for (exercise, origin) in own.chain(imported) {
            match index.get(&exercise.id) {
                Some(&i) if origin == Origin::Yours && origins[i] == Origin::BuiltIn => {
                    exercises[i] = exercise.clone();
                    origins[i] = Origin::Edited;
                }
                Some(_) => {}
                None => {
                    index.insert(exercise.id.clone(), exercises.len());
                    exercises.push(exercise.clone());
                    origins.push(origin);
                }
            }
        }
        let keys: Vec<Key> = exercises.iter().map(key).collect();
        let names: Vec<String> = exercises.iter().map(|e| fold(&e.name)).collect();
        let mut order: Vec<usize> = (0..exercises.len()).collect();
        order.sort_by(|&a, &b| {
            (names[a].as_str(), exercises[a].id.as_str())
                .cmp(&(names[b].as_str(), exercises[b].id.as_str()))
        });
        let library = Library { exercises };
        let muscles = library.muscles().into_iter().map(str::to_owned).collect();
        let equipment = library.equipment().into_iter().map(str::to_owned).collect();
        Merged {
            library,
            origins,
            keys,
            index,
            order,
            muscles,
            equipment,
            builtin: builtin.clone(),
            personal,
        }
    }

    /// The built-in library alone, merged once and shared (no personal library).
    pub fn builtin() -> Result<&'static Merged, super::LibraryError> {
        static MERGED: std::sync::OnceLock<Result<Merged, super::LibraryError>> =
            std::sync::OnceLock::new();
        MERGED
            .get_or_init(|| {
                super::builtin().map(|lib| Merged::new(lib, PersonalLibrary::default()))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The exercise with id `id` (found through an index, not by walking the list).
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.index.get(id).map(|&i| &self.library.exercises[i])
    }

    /// Where the exercise with id `id` comes from.
    pub fn origin(&self, id: &str) -> Option<Origin> {
        self.index.get(id).map(|&i| self.origins[i])
    }

    /// The built-in version of exercise `id`, when loadplan ships one.
    pub fn builtin_version(&self, id: &str) -> Option<&Exercise> {
        self.builtin.get(id)
    }

    /// The built-in exercises (without your edits).
    pub fn builtin_library(&self) -> &Library {
        &self.builtin
    }

    /// Your exercises and the imported ones, as kept in your library file.
    pub fn personal(&self) -> &PersonalLibrary {
        &self.personal
    }

    /// The exercises matching `query`, in name order (case and accents ignored). No text is
    /// folded here but the query's: each exercise's search text was folded when the library
    /// was built.
    pub fn search(&self, query: &Query) -> Vec<&Exercise> {
        self.search_with_origin(query)
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    /// [`Merged::search`], each exercise with its origin.
    pub fn search_with_origin(&self, query: &Query) -> Vec<(&Exercise, Origin)> {
        self.order
            .iter()
            .filter(|&&i| self.matches_at(i, query))
            .map(|&i| (&self.library.exercises[i], self.origins[i]))
            .collect()
    }

    fn matches_at(&self, i: usize, query: &Query) -> bool {
        self.keys[i].matches(query)
    }

    /// Every muscle named by some exercise, sorted, each once.
    pub fn muscle_names(&self) -> &[String] {
        &self.muscles
    }

    /// Every piece of equipment named by some exercise, sorted, each once.
    pub fn equipment_names(&self) -> &[String] {
        &self.equipment
    }

    /// The exercise whose name folds to the same text as `name` (case and accents ignored),
    /// other than `except`.
    pub fn same_name(&self, name: &str, except: Option<&str>) -> Option<&Exercise> {
        let folded = fold(name);
        let folded = folded.trim();
        self.library
            .exercises
            .iter()
            .zip(&self.keys)
            .find(|(e, k)| {
                except != Some(e.id.as_str())
                    && k.text
                        .split('\n')
                        .next()
                        .is_some_and(|n| n.trim() == folded)
            })
            .map(|(e, _)| e)
    }
}

/// True when `exercise` matches `query` (for exercises outside the library: a plan's own).
pub fn matches(exercise: &Exercise, query: &Query) -> bool {
    key(exercise).matches(query)
}

impl Key {
    /// Every word of `query` in the folded text, and its muscle among the folded muscles.
    fn matches(&self, query: &Query) -> bool {
        query.words.iter().all(|w| self.text.contains(w.as_str()))
            && query
                .muscle
                .as_ref()
                .is_none_or(|m| self.muscles.contains(m.as_str()))
    }
}

fn key(e: &Exercise) -> Key {
    let mut text = String::with_capacity(e.name.len() + e.id.len() + 32);
    fold_into(&mut text, &e.name);
    for alias in &e.aliases {
        text.push('\n');
        fold_into(&mut text, alias);
    }
    text.push('\n');
    fold_into(&mut text, &e.id);
    let mut muscles = String::new();
    for m in &e.muscles {
        muscles.push('\n');
        fold_into(&mut muscles, m);
    }
    text.push_str(&muscles);
    Key { text, muscles }
}
