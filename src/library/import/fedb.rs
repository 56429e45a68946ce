//! Reading the free-exercise-db JSON (an array of about 870 public-domain gym exercises) and
//! its forks. Forks add fields (ignored), and some carry names and instructions in other
//! languages (kept exactly as written). A field may be a list or a single text, and may be
//! `null`; an entry without an id gets one from its name. Anything that does not fit (no
//! name, a category we cannot map) is an error at its line and column, and nothing is
//! imported.

use serde::{Deserialize, Deserializer};

use crate::model::Category;

use super::{Entry, ImportError, ImportFile, ImportKind};

/// Prefix of the ids given to imported exercises, so they never clash with built-in ones.
pub(super) const ID_PREFIX: &str = "fedb_";

/// Where imported exercises come from, as recorded in their `source`.
const SOURCE: &str = "free-exercise-db (public domain)";

/// One entry of the JSON, as far as the importer reads it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
    #[serde(default)]
    id: Option<String>,
    name: String,
    #[serde(default)]
    force: Option<String>,
    #[serde(default, deserialize_with = "texts")]
    equipment: Vec<String>,
    #[serde(default, deserialize_with = "texts")]
    primary_muscles: Vec<String>,
    #[serde(default, deserialize_with = "texts")]
    secondary_muscles: Vec<String>,
    #[serde(default, deserialize_with = "texts")]
    instructions: Vec<String>,
    category: FedbCategory,
}

/// A category as the data set spells it, with ours.
struct FedbCategory {
    name: String,
    category: Category,
}

impl<'de> Deserialize<'de> for FedbCategory {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        match super::category(&name) {
            Some(category) => Ok(FedbCategory { name, category }),
            None => Err(serde::de::Error::custom(format!(
                "category \"{name}\" is not one loadplan can map (it takes {})",
                super::CATEGORY_WORDS
            ))),
        }
    }
}

/// A list of texts, a single text, or null (none).
fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<Option<String>>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(list)) => list.into_iter().flatten().collect(),
    }
    .into_iter()
    .map(|s| s.trim().to_owned())
    .filter(|s| !s.is_empty())
    .collect())
}

/// Reads the JSON text of free-exercise-db or a fork of it.
pub(super) fn read(json: &str, file: &str) -> Result<ImportFile, ImportError> {
    let raw: Vec<Raw> = serde_json::from_str(json).map_err(|e| ImportError {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let entries = raw.into_iter().map(entry).collect();
    Ok(ImportFile {
        kind: ImportKind::FreeExerciseDb,
        entries,
        ignored_columns: Vec::new(),
    })
}

/// serde_json's message without the position it appends (given separately).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn entry(raw: Raw) -> Entry {
    let id = match raw.id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => format!("{ID_PREFIX}{}", id.to_lowercase()),
        _ => format!("{ID_PREFIX}{}", super::slug(&raw.name)),
    };
    let equipment: Vec<String> = raw
        .equipment
        .into_iter()
        .filter(|e| e != "body only")
        .collect();
    let static_hold = raw.force.as_deref() == Some("static");
    let exercise = super::exercise(super::Parts {
        id,
        name: raw.name.trim().to_owned(),
        category: raw.category.category,
        static_hold,
        primary: raw.primary_muscles,
        secondary: raw.secondary_muscles,
        equipment,
        cues: raw.instructions,
        source: SOURCE.to_owned(),
    });
    Entry {
        exercise,
        from_category: raw.category.name,
    }
}
