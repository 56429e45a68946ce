//! What the athlete did: logged sessions (each exercise checked off, what was actually done,
//! pain during and the next morning), session effort, PROM scores the clinician enters, and
//! the clinician's decisions on the adjustments the engine proposes. Stored in the plan file
//! beside the prescriptions; logging never changes a prescription.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dose::Dose;

/// Pain the next morning: back to usual ("settled"), or a 0-10 rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextMorning {
    /// Pain settled back to its usual level by the next morning.
    Settled,
    /// Pain the next morning on a 0-10 scale.
    Pain(u8),
}

impl NextMorning {
    /// `settled` or `4/10`.
    pub fn label(self) -> String {
        match self {
            NextMorning::Settled => "settled".to_owned(),
            NextMorning::Pain(n) => format!("{n}/10"),
        }
    }

    /// The rating as a number (settled counts as 0) for charts and trends.
    pub fn value(self) -> u8 {
        match self {
            NextMorning::Settled => 0,
            NextMorning::Pain(n) => n,
        }
    }
}

/// One exercise of a logged session: whether it was done, what was done, how much it hurt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseLog {
    /// The prescription this is for (its stable id).
    pub prescription: u32,
    /// The exercise done (the prescription's, or the variation its ladder moved on to).
    pub exercise: String,
    #[serde(default)]
    pub done: bool,
    /// What was actually done, when it differs from (or confirms) the prescription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_kg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_secs: Option<f64>,
    /// Pain during the exercise, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_during: Option<u8>,
    /// Pain the next morning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_next_morning: Option<NextMorning>,
}

impl ExerciseLog {
    /// An entry for `prescription` doing `exercise`, nothing recorded yet.
    pub fn new(prescription: u32, exercise: &str) -> Self {
        ExerciseLog {
            prescription,
            exercise: exercise.to_owned(),
            done: false,
            sets: None,
            reps: None,
            load_kg: None,
            hold_secs: None,
            pain_during: None,
            pain_next_morning: None,
        }
    }

    /// True when anything was recorded besides the check mark.
    pub fn has_actuals(&self) -> bool {
        self.sets.is_some()
            || self.reps.is_some()
            || self.load_kg.is_some()
            || self.hold_secs.is_some()
    }
}

/// One logged session: a date (and slot, for twice-a-day work) and its exercises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionLog {
    pub date: NaiveDate,
    /// 0 for the first session of the day, 1 for the second, ...
    #[serde(default, skip_serializing_if = "is_zero")]
    pub slot: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::SessionExercises, _, _>")]
    pub exercises: Vec<ExerciseLog>,
    /// Session effort on the CR-10 scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    /// Session duration in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
    /// Done with the clinician.
    #[serde(default, skip_serializing_if = "is_false")]
    pub supervised: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl SessionLog {
    /// An empty log for the session on `date`, slot `slot`.
    pub fn new(date: NaiveDate, slot: u32) -> Self {
        SessionLog {
            date,
            slot,
            exercises: Vec::new(),
            rpe: None,
            minutes: None,
            supervised: false,
            note: String::new(),
        }
    }

    /// The entry for prescription `id`, if logged.
    pub fn exercise(&self, id: u32) -> Option<&ExerciseLog> {
        self.exercises.iter().find(|e| e.prescription == id)
    }

    /// The entry for prescription `id`, added (not done) when missing.
    pub fn exercise_mut(&mut self, id: u32, exercise: &str) -> &mut ExerciseLog {
        let index = match self.exercises.iter().position(|e| e.prescription == id) {
            Some(i) => i,
            None => {
                self.exercises.push(ExerciseLog::new(id, exercise));
                self.exercises.len() - 1
            }
        };
        &mut self.exercises[index]
    }

    /// Session-RPE load (CR-10 x minutes), when both were recorded.
    pub fn srpe_load(&self) -> Option<f64> {
        Some(self.rpe? * self.minutes?)
    }
}

/// A patient-reported outcome measure the clinician records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Prom {
    HagosSymptoms,
    HagosPain,
    HagosAdl,
    HagosSport,
    HagosActivity,
    HagosQol,
    Ihot12,
    Ihot33,
    VisaH,
}

impl Prom {
    /// Every measure, in display order.
    pub const ALL: [Prom; 9] = [
        Prom::HagosSymptoms,
        Prom::HagosPain,
        Prom::HagosAdl,
        Prom::HagosSport,
        Prom::HagosActivity,
        Prom::HagosQol,
        Prom::Ihot12,
        Prom::Ihot33,
        Prom::VisaH,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Prom::HagosSymptoms => "HAGOS symptoms",
            Prom::HagosPain => "HAGOS pain",
            Prom::HagosAdl => "HAGOS daily living",
            Prom::HagosSport => "HAGOS sport and recreation",
            Prom::HagosActivity => "HAGOS physical activity",
            Prom::HagosQol => "HAGOS quality of life",
            Prom::Ihot12 => "iHOT-12",
            Prom::Ihot33 => "iHOT-33",
            Prom::VisaH => "VISA-H",
        }
    }

    /// The smallest detectable change for one person, as (lowest, highest) reported, in
    /// points; `None` where the clinical summary gives none. HAGOS: 17.7 to 33.8 points
    /// depending on the subscale (Thorborg et al. 2011).
    pub fn individual_sdc(self) -> Option<(f64, f64)> {
        match self {
            Prom::HagosSymptoms
            | Prom::HagosPain
            | Prom::HagosAdl
            | Prom::HagosSport
            | Prom::HagosActivity
            | Prom::HagosQol => Some((17.7, 33.8)),
            Prom::Ihot12 | Prom::Ihot33 | Prom::VisaH => None,
        }
    }
}

/// One PROM score (0-100, higher is better) on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromScore {
    pub date: NaiveDate,
    pub measure: Prom,
    pub score: f64,
}

/// What the clinician decided about a proposed adjustment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Decision {
    /// Use the proposed dose.
    Accept,
    /// Use this dose instead of the proposed one.
    Change(Dose),
    /// Keep the planned dose.
    Dismiss,
}

/// A decision on the adjustment of one prescription's session (identified by its date and
/// slot; the adjustment follows from the log, the decision is what the clinician said).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustmentDecision {
    pub prescription: u32,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub slot: u32,
    pub decision: Decision,
    /// The proposed dose the decision was made on; when a later report changes the proposal,
    /// the decision no longer applies and the new proposal is pending. Absent: any proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<Dose>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}
