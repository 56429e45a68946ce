//! Importing open exercise data: the free-exercise-db JSON and its forks ([`fedb`]), a CSV
//! with a header row ([`csv`]), or a library file written by `loadplan library export`. Each
//! entry is mapped onto our [`Exercise`] (category, body regions from the muscles, dose kind)
//! and nothing is invented: the default dose says "body weight" only where no equipment is
//! needed, and a muscle we cannot place gives no region. A file that does not read is refused
//! whole with the line and column of the problem. [`preview`] then says which entries would
//! duplicate an exercise of the library, and [`take`] gives the chosen ones ids of their own.

mod csv;
mod fedb;

use std::collections::HashSet;

use crate::model::{Category, Dose, DoseKind, Exercise, Load, Region};

use super::fold::fold;
use super::{LibraryError, Merged};

/// What kind of file was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// free-exercise-db JSON or a fork of it.
    FreeExerciseDb,
    /// A CSV with a header row.
    Csv,
    /// A loadplan library file (`loadplan library export`).
    Library,
}

impl ImportKind {
    /// What the file is, in words.
    pub fn label(self) -> &'static str {
        match self {
            ImportKind::FreeExerciseDb => "free-exercise-db JSON",
            ImportKind::Csv => "CSV",
            ImportKind::Library => "loadplan library",
        }
    }
}

/// One entry of an imported file, mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub exercise: Exercise,
    /// The category as the file gave it.
    pub from_category: String,
}

/// A file read for import: its entries, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportFile {
    pub kind: ImportKind,
    pub entries: Vec<Entry>,
    /// Columns of a CSV that were not read (every column but name, category, muscles,
    /// equipment and instructions).
    pub ignored_columns: Vec<String>,
}

/// Why a file cannot be imported: where, and what is wrong. Nothing of it is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{file}:{line}:{column}: {message}; correct the file there and import it again (nothing was imported)"
)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads `text`, the content of the file named `file`, for import: JSON (`.json`, or text
/// starting with `[`), a loadplan library (`.ron`, or text starting with `(` or `#`), else a
/// CSV.
pub fn read_import(file: &str, text: &str) -> Result<ImportFile, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = file.to_lowercase();
    let first = text.trim_start().chars().next();
    if lower.ends_with(".json") || (!lower.ends_with(".csv") && first == Some('[')) {
        fedb::read(text, file)
    } else if lower.ends_with(".ron") || matches!(first, Some('(' | '#')) {
        read_library(text, file)
    } else {
        csv::read(text, file)
    }
}

fn read_library(text: &str, file: &str) -> Result<ImportFile, ImportError> {
    let library = super::parse_personal(text).map_err(|e| {
        let (line, column) = match &e {
            LibraryError::Parse { line, column, .. } => (*line, *column),
            _ => (1, 1),
        };
        ImportError {
            file: file.to_owned(),
            line,
            column,
            message: e.to_string(),
        }
    })?;
    let entries = library
        .exercises
        .into_iter()
        .chain(library.imported)
        .map(|exercise| Entry {
            from_category: exercise.category.label().to_owned(),
            exercise,
        })
        .collect();
    Ok(ImportFile {
        kind: ImportKind::Library,
        entries,
        ignored_columns: Vec::new(),
    })
}

/// Maps the free-exercise-db JSON (an array of exercises) into our exercises, in file order.
/// Ids become `fedb_` plus the lower-cased original id.
pub fn import_free_exercise_db(json: &str) -> Result<Vec<Exercise>, LibraryError> {
    fedb::read(json, "free-exercise-db JSON")
        .map(|file| file.entries.into_iter().map(|e| e.exercise).collect())
        .map_err(|e| LibraryError::ImportJson {
            line: e.line,
            column: e.column,
            message: e.message,
        })
}

/// The category words an import takes (any case).
pub(super) const CATEGORY_WORDS: &str = "strength, powerlifting, olympic weightlifting, \
     strongman, isometric, stretching, mobility, nerve glide, plyometrics, cardio, \
     conditioning, running";

/// Our category for a category word of free-exercise-db or a CSV.
fn category(name: &str) -> Option<Category> {
    match name.trim().to_lowercase().as_str() {
        "strength" | "powerlifting" | "olympic weightlifting" | "strongman" => {
            Some(Category::Strength)
        }
        "isometric" => Some(Category::Isometric),
        "stretching" | "mobility" => Some(Category::Mobility),
        "nerve glide" | "nerveglide" => Some(Category::NerveGlide),
        "plyometrics" | "plyometric" => Some(Category::Plyometric),
        "cardio" | "conditioning" => Some(Category::Conditioning),
        "running" => Some(Category::Running),
        _ => None,
    }
}

/// Body region of a muscle group, when it is one we can place (free-exercise-db's groups and
/// the common English names); none otherwise.
fn region(muscle: &str) -> Option<Region> {
    let m = fold(muscle);
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    if has(&["glute", "abductor", "adductor", "hip"]) {
        Some(Region::Hip)
    } else if has(&[
        "abdomin",
        "lower back",
        "oblique",
        "erector",
        "quadratus",
        "core",
    ]) {
        Some(Region::Trunk)
    } else if has(&["hamstring", "quadricep", "thigh"]) {
        Some(Region::Thigh)
    } else if has(&[
        "calf",
        "calves",
        "soleus",
        "gastrocnemius",
        "tibialis",
        "shin",
    ]) {
        Some(Region::LowerLeg)
    } else if has(&["foot", "feet", "toe"]) {
        Some(Region::Foot)
    } else if has(&[
        "shoulder",
        "chest",
        "bicep",
        "tricep",
        "forearm",
        "lats",
        "middle back",
        "upper back",
        "traps",
        "neck",
        "pectoral",
        "deltoid",
        "rotator",
    ]) {
        Some(Region::UpperBody)
    } else {
        None
    }
}

/// A name in lower case with underscores, for ids (letters of every script kept).
fn slug(name: &str) -> String {
    let s: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    s.split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// What an importer read of one entry.
struct Parts {
    id: String,
    name: String,
    category: Category,
    /// The entry says the exercise is held (free-exercise-db's `force: static`).
    static_hold: bool,
    primary: Vec<String>,
    secondary: Vec<String>,
    equipment: Vec<String>,
    cues: Vec<String>,
    source: String,
}

/// The exercise made of what an importer read: regions from the primary muscles, the dose
/// kind from the category (minutes for conditioning and running, a timed hold for mobility,
/// isometric and static work, else reps), and no load but "body weight" where no equipment is
/// needed.
fn exercise(p: Parts) -> Exercise {
    let dose_kind = match p.category {
        Category::Conditioning | Category::Running => DoseKind::Minutes,
        Category::Mobility | Category::Isometric => DoseKind::TimedHold,
        _ if p.static_hold => DoseKind::TimedHold,
        _ => DoseKind::Reps,
    };
    let default_dose = Dose {
        sets: if dose_kind == DoseKind::Minutes {
            1
        } else {
            Dose::default().sets
        },
        load: if p.equipment.is_empty() {
            Load::BodyWeight
        } else {
            Load::None
        },
        ..Dose::default()
    };
    let mut regions: Vec<Region> = Vec::new();
    for region in p.primary.iter().filter_map(|m| region(m)) {
        if !regions.contains(&region) {
            regions.push(region);
        }
    }
    let mut muscles: Vec<String> = Vec::new();
    for m in p.primary.into_iter().chain(p.secondary) {
        if !muscles.contains(&m) {
            muscles.push(m);
        }
    }
    Exercise {
        regions,
        muscles,
        equipment: p.equipment,
        dose_kind,
        default_dose,
        cues: p.cues,
        source: Some(p.source),
        ..Exercise::new(p.id, p.name, p.category)
    }
}

/// What an entry would duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// An exercise of the library has its id (named here).
    SameId { id: String, name: String },
    /// An exercise of the library has its name (case and accents ignored).
    SameName { id: String, name: String },
    /// An earlier entry of the file has its id or name (1-based entry number).
    InFile { entry: usize },
}

impl Duplicate {
    /// What it duplicates, in words.
    pub fn describe(&self) -> String {
        match self {
            Duplicate::SameId { name, .. } => format!("same id as {name}"),
            Duplicate::SameName { name, .. } => format!("same name as {name}"),
            Duplicate::InFile { entry } => format!("same as entry {entry} of the file"),
        }
    }
}

/// An entry of the file as the preview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub entry: Entry,
    pub duplicate: Option<Duplicate>,
}

/// The entries of `file` with what each would duplicate in `library`.
pub fn preview(library: &Merged, file: &ImportFile) -> Vec<Candidate> {
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(file.entries.len());
    for (i, entry) in file.entries.iter().enumerate() {
        let e = &entry.exercise;
        let folded = fold(e.name.trim());
        let duplicate = if let Some(other) = library.get(&e.id) {
            Some(Duplicate::SameId {
                id: other.id.clone(),
                name: other.name.clone(),
            })
        } else if let Some(other) = library.same_name(&e.name, None) {
            Some(Duplicate::SameName {
                id: other.id.clone(),
                name: other.name.clone(),
            })
        } else {
            ids.get(e.id.as_str())
                .or_else(|| names.get(&folded))
                .map(|&j| Duplicate::InFile { entry: j + 1 })
        };
        ids.entry(e.id.as_str()).or_insert(i);
        names.entry(folded).or_insert(i);
        out.push(Candidate {
            entry: entry.clone(),
            duplicate,
        });
    }
    out
}

/// The exercises of the chosen candidates, ready to go into `library`: each with an id no
/// exercise of the library (nor another chosen one) has, numbered when needed.
pub fn take<'a>(
    library: &Merged,
    chosen: impl IntoIterator<Item = &'a Candidate>,
) -> Vec<Exercise> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for candidate in chosen {
        let mut exercise = candidate.entry.exercise.clone();
        exercise.id = super::check::unique_id(library, &exercise.id, |id| taken.contains(id));
        taken.insert(exercise.id.clone());
        out.push(exercise);
    }
    out
}
