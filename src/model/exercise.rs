//! Exercises as the library and plan files describe them: what the movement is, what it
//! loads, how it is dosed by default and where it sits on its ladder of easier and harder
//! variations. Plain data; the engine reads it, the UI shows it.

use serde::{Deserialize, Serialize};

use super::dose::{Dose, Tempo};

/// What kind of work an exercise is. Drives filters, guardrails and which load metrics apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    Strength,
    Isometric,
    Mobility,
    NerveGlide,
    Plyometric,
    Conditioning,
    Running,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 7] = [
        Category::Strength,
        Category::Isometric,
        Category::Mobility,
        Category::NerveGlide,
        Category::Plyometric,
        Category::Conditioning,
        Category::Running,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Category::Strength => "Strength",
            Category::Isometric => "Isometric",
            Category::Mobility => "Mobility",
            Category::NerveGlide => "Nerve glide",
            Category::Plyometric => "Plyometric",
            Category::Conditioning => "Conditioning",
            Category::Running => "Running",
        }
    }
}

/// Body region an exercise works; an exercise lists its main region first. A strength or
/// isometric exercise whose main region is `Hip` or `Trunk` and that works a gluteal or trunk
/// muscle satisfies the hip/trunk guardrail ([`Exercise::is_hip_or_trunk`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    Hip,
    Trunk,
    Thigh,
    Knee,
    LowerLeg,
    Foot,
    UpperBody,
    WholeBody,
}

impl Region {
    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Region::Hip => "Hip",
            Region::Trunk => "Trunk",
            Region::Thigh => "Thigh",
            Region::Knee => "Knee",
            Region::LowerLeg => "Lower leg",
            Region::Foot => "Foot",
            Region::UpperBody => "Upper body",
            Region::WholeBody => "Whole body",
        }
    }
}

/// Whether the exercise is done with both limbs together, each side in turn or alternating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Laterality {
    #[default]
    Bilateral,
    EachSide,
    Alternating,
}

impl Laterality {
    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Laterality::Bilateral => "Both sides together",
            Laterality::EachSide => "Each side in turn",
            Laterality::Alternating => "Alternating sides",
        }
    }
}

/// How the exercise is dosed: counted reps, a timed hold, minutes of activity or a distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DoseKind {
    #[default]
    Reps,
    TimedHold,
    Minutes,
    Distance,
}

impl DoseKind {
    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            DoseKind::Reps => "Reps",
            DoseKind::TimedHold => "Timed hold",
            DoseKind::Minutes => "Minutes",
            DoseKind::Distance => "Distance",
        }
    }
}

/// One exercise of the library. Plan files carry a copy of each exercise they use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable identifier, lower-case with underscores (`nordic_full`). Never shown as a name.
    pub id: String,
    /// Name shown to physios and athletes.
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub aliases: Vec<String>,
    pub category: Category,
    /// Eccentric emphasis: satisfies the "eccentric work must never be omitted" guardrail.
    #[serde(default)]
    pub eccentric: bool,
    /// Body regions worked, the main one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub regions: Vec<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub muscles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub equipment: Vec<String>,
    #[serde(default)]
    pub laterality: Laterality,
    #[serde(default)]
    pub dose_kind: DoseKind,
    /// The dose a new prescription of this exercise starts from.
    #[serde(default)]
    pub default_dose: Dose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempo: Option<Tempo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub cues: Vec<String>,
    /// Easier variations (ids), nearest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub easier: Vec<String>,
    /// Harder variations (ids), nearest first. "Next variation" rules take the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub harder: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub cautions: Vec<String>,
    /// A path to a picture, as older plan files gave it. Never read: a plan file does not make
    /// the program read other files. Attach the picture as a photo instead (`photos`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustration: Option<String>,
    /// The physio's photos of the exercise, kept in the plan file itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub photos: Vec<super::photo::Photo>,
    /// Where the exercise or its description comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The library exercise whose drawing pictures this one, by id: a copy of a built-in
    /// exercise keeps its original's picture. Without it the exercise is drawn by its own id,
    /// when there is a drawing for it. (Format version 4.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawn_as: Option<String>,
}

impl Exercise {
    /// An exercise with only its id, name and category: no regions, muscles, equipment, cues
    /// or variations, both sides together, dosed in reps (the default dose), nothing else set.
    pub fn new(id: impl Into<String>, name: impl Into<String>, category: Category) -> Exercise {
        Exercise {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            category,
            eccentric: false,
            regions: Vec::new(),
            muscles: Vec::new(),
            equipment: Vec::new(),
            laterality: Laterality::Bilateral,
            dose_kind: DoseKind::Reps,
            default_dose: super::dose::Dose::default(),
            tempo: None,
            cues: Vec::new(),
            easier: Vec::new(),
            harder: Vec::new(),
            cautions: Vec::new(),
            illustration: None,
            photos: Vec::new(),
            source: None,
            drawn_as: None,
        }
    }

    /// True when the exercise is hip or trunk strengthening, what the hip/trunk guardrail asks
    /// for: a strength or isometric exercise whose main body region (the first listed) is the
    /// hip or the trunk and whose muscles include gluteus medius, maximus or minimus or a trunk
    /// muscle ([`HIP_TRUNK_MUSCLES`]). Mobility drills (leg swings, stretches), nerve glides,
    /// plyometrics, conditioning and running do not count, nor do hamstring exercises that only
    /// also involve the gluteus maximus (the Askling diver and glider: main region the thigh),
    /// nor hip-flexor work.
    pub fn is_hip_or_trunk(&self) -> bool {
        matches!(self.category, Category::Strength | Category::Isometric)
            && matches!(self.regions.first(), Some(Region::Hip | Region::Trunk))
            && self.muscles.iter().any(|m| is_hip_trunk_muscle(m))
    }

    /// Case-insensitive match of a muscle name (substring).
    pub fn works_muscle(&self, muscle: &str) -> bool {
        let needle = muscle.trim().to_lowercase();
        self.muscles
            .iter()
            .any(|m| m.to_lowercase().contains(&needle))
    }
}

/// Muscles whose strengthening counts as hip or trunk strengthening, as written in muscle
/// names (lower case, matched as part of the name): the gluteal muscles (`gluteus medius`,
/// `gluteus maximus`, `gluteus minimus`; the importer's `glutes` and `abductors`) and the trunk
/// muscles (transversus and rectus abdominis, the importer's `abdominals`, the obliques,
/// quadratus lumborum, erector spinae and the importer's `lower back`).
pub const HIP_TRUNK_MUSCLES: [&str; 7] = [
    "glute",
    "abductor",
    "abdomin",
    "oblique",
    "quadratus lumborum",
    "erector spinae",
    "lower back",
];

/// Whether `muscle` is one of [`HIP_TRUNK_MUSCLES`].
pub fn is_hip_trunk_muscle(muscle: &str) -> bool {
    let m = muscle.to_lowercase();
    HIP_TRUNK_MUSCLES.iter().any(|k| m.contains(k))
}
