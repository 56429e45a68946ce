//! Importer for the public-domain free-exercise-db (a JSON array of about 870 gym exercises).
//! It maps each entry onto our `Exercise`: category, body regions from the primary muscles,
//! muscles, equipment and its instructions as cues. It invents no dose: the default dose only
//! says "body weight" when the entry needs no equipment.

use serde::Deserialize;

use crate::model::{Category, Dose, DoseKind, Exercise, Laterality, Load, Region};

use super::LibraryError;

/// Prefix of the ids given to imported exercises, so they never clash with built-in ones.
const ID_PREFIX: &str = "fedb_";

/// Where imported exercises come from, as recorded in their `source`.
const SOURCE: &str = "free-exercise-db (public domain)";

/// One entry of the free-exercise-db JSON, as far as the importer reads it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    id: String,
    name: String,
    #[serde(default)]
    force: Option<String>,
    #[serde(default)]
    equipment: Option<String>,
    #[serde(default)]
    primary_muscles: Vec<String>,
    #[serde(default)]
    secondary_muscles: Vec<String>,
    #[serde(default)]
    instructions: Vec<String>,
    category: String,
}

/// Maps the free-exercise-db JSON (an array of exercises) into our exercises, in file order.
/// Ids become `fedb_` plus the lower-cased original id.
pub fn import_free_exercise_db(json: &str) -> Result<Vec<Exercise>, LibraryError> {
    let entries: Vec<Entry> = serde_json::from_str(json).map_err(|e| LibraryError::ImportJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    entries.into_iter().map(convert).collect()
}

fn convert(entry: Entry) -> Result<Exercise, LibraryError> {
    let category = category(&entry.category).ok_or_else(|| LibraryError::ImportCategory {
        id: entry.id.clone(),
        category: entry.category.clone(),
    })?;
    let dose_kind = match (category, entry.force.as_deref()) {
        (Category::Conditioning, _) => DoseKind::Minutes,
        (Category::Mobility, _) | (_, Some("static")) => DoseKind::TimedHold,
        _ => DoseKind::Reps,
    };
    let equipment: Vec<String> = entry
        .equipment
        .filter(|e| !e.trim().is_empty() && e != "body only")
        .into_iter()
        .collect();
    let default_dose = Dose {
        sets: if dose_kind == DoseKind::Minutes {
            1
        } else {
            Dose::default().sets
        },
        load: if equipment.is_empty() {
            Load::BodyWeight
        } else {
            Load::None
        },
        ..Dose::default()
    };
    let mut regions: Vec<Region> = Vec::new();
    for region in entry.primary_muscles.iter().map(|m| region(m)) {
        if !regions.contains(&region) {
            regions.push(region);
        }
    }
    let mut muscles: Vec<String> = Vec::new();
    for m in entry
        .primary_muscles
        .into_iter()
        .chain(entry.secondary_muscles)
    {
        if !muscles.contains(&m) {
            muscles.push(m);
        }
    }
    Ok(Exercise {
        id: format!("{ID_PREFIX}{}", entry.id.to_lowercase()),
        name: entry.name,
        aliases: Vec::new(),
        category,
        eccentric: false,
        regions,
        muscles,
        equipment,
        laterality: Laterality::Bilateral,
        dose_kind,
        default_dose,
        tempo: None,
        cues: entry.instructions,
        easier: Vec::new(),
        harder: Vec::new(),
        cautions: Vec::new(),
        illustration: None,
        photos: Vec::new(),
        source: Some(SOURCE.to_owned()),
    })
}

/// Our category for a free-exercise-db category.
fn category(name: &str) -> Option<Category> {
    match name {
        "strength" | "powerlifting" | "olympic weightlifting" | "strongman" => {
            Some(Category::Strength)
        }
        "stretching" => Some(Category::Mobility),
        "plyometrics" => Some(Category::Plyometric),
        "cardio" => Some(Category::Conditioning),
        _ => None,
    }
}

/// Body region of a free-exercise-db muscle group.
fn region(muscle: &str) -> Region {
    match muscle {
        "glutes" | "abductors" | "adductors" => Region::Hip,
        "abdominals" | "lower back" => Region::Trunk,
        "hamstrings" | "quadriceps" => Region::Thigh,
        "calves" => Region::LowerLeg,
        _ => Region::UpperBody,
    }
}
