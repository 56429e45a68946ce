//! A plan: who it is for, its phases, the exercises it uses (copied in, so the file is
//! self-contained) and the prescriptions that say what is done when. This is the document
//! a physio edits and an athlete opens.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dose::{Dose, LoadUnit};

fn is_kg(unit: &LoadUnit) -> bool {
    *unit == LoadUnit::Kg
}
use super::exercise::Exercise;
use super::log::{AdjustmentDecision, PromScore, SessionLog};
use super::progression::Rule;
use super::schedule::{Schedule, WeekRange};

/// Newest plan file format this version reads and writes. Files with a higher number are
/// refused. Version 2 added the athlete's log, PROM scores and adjustment decisions; version 3
/// the injured side (and doses for the injured or other side), the plan's pain limits, load
/// steps, repetition-maximum loads and the source of a protocol table; version 4 an exercise
/// drawn as another (`drawn_as`: a copy of a built-in exercise keeps its picture). A plan is
/// written in the lowest version that holds it, so older programs keep opening what they can
/// read.
pub const FORMAT_VERSION: u32 = 4;

/// The pain a plan accepts during exercise (the pain-monitoring model, Silbernagel et al.
/// 2007: 0-2 safe, 3-5 acceptable). Some programmes set a lower ceiling: at most 3/10 for
/// proximal hamstring tendinopathy (Goom et al. 2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainLimits {
    /// Pain during at or below this is safe (green).
    pub safe_max: u8,
    /// Pain during at or below this is acceptable (amber), above it too much (red).
    pub acceptable_max: u8,
}

impl Default for PainLimits {
    fn default() -> Self {
        PainLimits {
            safe_max: 2,
            acceptable_max: 5,
        }
    }
}

impl PainLimits {
    /// True for the model's usual limits (0-2, 3-5).
    pub fn is_default(&self) -> bool {
        *self == PainLimits::default()
    }
}

/// The smallest load step available for a piece of equipment (dumbbells in 0.5 kg steps,
/// plates in 2.5 kg): progressions are fitted to what can be held in the hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadStep {
    /// Equipment as the exercises name it (`dumbbell`, `barbell`, `kettlebell`).
    pub equipment: String,
    pub step_kg: f64,
}

/// Guardrail thresholds a plan may change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Warn when a load metric rises more than this percent from one week to the next.
    pub weekly_increase_pct: f64,
    /// Alert when a load metric rises more than this percent over two weeks.
    pub two_week_increase_pct: f64,
    /// Acute:chronic ratio (7-day against 28-day rolling average) at or above which a week is
    /// flagged (a heuristic).
    pub acwr_high: f64,
    /// Minimum plan length in weeks.
    pub min_weeks: u32,
    /// Minimum number of supervised sessions over the plan.
    pub min_supervised_sessions: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            weekly_increase_pct: 10.0,
            two_week_increase_pct: 30.0,
            acwr_high: 1.5,
            min_weeks: 12,
            min_supervised_sessions: 12,
        }
    }
}

/// A named block of weeks with its goal and the criteria to move on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable id within the plan (assigned on load when absent).
    #[serde(default)]
    pub id: u32,
    pub name: String,
    pub weeks: WeekRange,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// Criteria to move on to the next phase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub criteria: Vec<String>,
}

/// One exercise prescribed over some weeks: schedule, dose and how the dose progresses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    /// Stable id within the plan (assigned on load when absent).
    #[serde(default)]
    pub id: u32,
    /// Id of the exercise (one of the plan's `exercises`).
    pub exercise: String,
    pub weeks: WeekRange,
    #[serde(default)]
    pub schedule: Schedule,
    /// How many of each week's sessions are supervised by the clinician (the first ones).
    #[serde(default)]
    pub supervised_per_week: u32,
    #[serde(default)]
    pub dose: Dose,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Rules, _, _>")]
    pub rules: Vec<Rule>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// The plan document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub title: String,
    pub athlete: String,
    pub clinician: String,
    pub condition: String,
    pub goal: String,
    /// Monday (or any day) the plan starts; sessions are dated from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// Plan length in weeks; 0 means "as long as its phases and prescriptions".
    pub weeks: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Published source the plan follows (templates carry one).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub citation: String,
    /// Caveat printed with the plan (e.g. "one patient's account, not a protocol").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub disclaimer: String,
    pub thresholds: Thresholds,
    /// The unit of weight the plan is written and shown in (format version 3): loads are
    /// stored in kilograms, but a plan in pounds shows, rounds, progresses and exports in
    /// pounds (10 lb stays 10 lb, dumbbells in 2.5 or 5 lb steps).
    #[serde(skip_serializing_if = "is_kg")]
    pub unit: LoadUnit,
    /// The injured side, when one side is (format version 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured_side: Option<super::dose::Limb>,
    /// The pain the plan accepts during exercise (format version 3).
    #[serde(skip_serializing_if = "PainLimits::is_default")]
    pub pain_limits: PainLimits,
    /// Load steps of the equipment available to the athlete (format version 3).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Words, _, _>")]
    pub load_steps: Vec<LoadStep>,
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Phases, _, _>")]
    pub phases: Vec<Phase>,
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Exercises, _, _>")]
    pub exercises: Vec<Exercise>,
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::Prescriptions, _, _>")]
    pub prescriptions: Vec<Prescription>,
    /// Sessions the athlete logged, by date (format version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::LogEntries, _, _>")]
    pub log: Vec<SessionLog>,
    /// PROM scores the clinician entered (format version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::LogEntries, _, _>")]
    pub proms: Vec<PromScore>,
    /// The clinician's decisions on proposed dose adjustments (format version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::limits::at_most::<super::limits::LogEntries, _, _>")]
    pub adjustments: Vec<AdjustmentDecision>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            format_version: FORMAT_VERSION,
            title: String::new(),
            athlete: String::new(),
            clinician: String::new(),
            condition: String::new(),
            goal: String::new(),
            start_date: None,
            weeks: 0,
            notes: String::new(),
            citation: String::new(),
            disclaimer: String::new(),
            thresholds: Thresholds::default(),
            unit: LoadUnit::Kg,
            injured_side: None,
            pain_limits: PainLimits::default(),
            load_steps: Vec::new(),
            phases: Vec::new(),
            exercises: Vec::new(),
            prescriptions: Vec::new(),
            log: Vec::new(),
            proms: Vec::new(),
            adjustments: Vec::new(),
        }
    }
}

impl Plan {
    /// Length in weeks: the explicit `weeks`, or the last week any phase or prescription uses.
    pub fn length_weeks(&self) -> u32 {
        let phases = self.phases.iter().map(|p| p.weeks.last);
        let rx = self.prescriptions.iter().map(|p| p.weeks.last);
        phases.chain(rx).fold(self.weeks, u32::max)
    }

    /// The plan's copy of exercise `id`.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The name exercise `id` is shown under: its name in the plan, else its id with spaces
    /// for underscores (a plan file always carries its exercises, so this is rare). The one
    /// name fallback every view uses.
    pub fn exercise_name<'a>(&'a self, id: &'a str) -> std::borrow::Cow<'a, str> {
        match self.exercise(id) {
            Some(e) => std::borrow::Cow::Borrowed(e.name.as_str()),
            None => std::borrow::Cow::Owned(id.replace('_', " ")),
        }
    }

    /// The prescription with stable id `id`.
    pub fn prescription(&self, id: u32) -> Option<&Prescription> {
        self.prescriptions.iter().find(|p| p.id == id)
    }

    /// Name of the phase that contains `week` (the first one, when phases overlap).
    pub fn phase_of(&self, week: u32) -> Option<&Phase> {
        self.phases.iter().find(|p| p.weeks.contains(week))
    }

    /// Gives every phase and prescription without an id (0), or with the id of one before
    /// it, a fresh unique one (never 0, whatever ids the file gave: see [`fresh_id`]).
    pub fn assign_ids(&mut self) {
        unique_ids(self.phases.iter_mut().map(|p| &mut p.id));
        unique_ids(self.prescriptions.iter_mut().map(|rx| &mut rx.id));
    }

    /// A fresh prescription id.
    pub fn next_prescription_id(&self) -> u32 {
        fresh_id(self.prescriptions.iter().map(|p| p.id))
    }

    /// The lowest file format that can hold this plan: 4 with an exercise drawn as another, 3
    /// with what version 3 added, 2 with a log, PROM scores or adjustment decisions, 1 without
    /// (so programs from before the log still open it).
    pub fn required_format_version(&self) -> u32 {
        if self.exercises.iter().any(|e| e.drawn_as.is_some()) {
            4
        } else if self.uses_version_3() {
            3
        } else if self.log.is_empty() && self.proms.is_empty() && self.adjustments.is_empty() {
            1
        } else {
            2
        }
    }

    /// Whether the plan uses anything format version 3 added.
    fn uses_version_3(&self) -> bool {
        use super::dose::{Load, Side};
        use super::progression::{Rule, TableRow};
        let dose_v3 = |d: &Dose| {
            matches!(d.load, Load::Rm(_)) || matches!(d.side, Side::Affected | Side::Unaffected)
        };
        let row_v3 = |r: &TableRow| r.rm.is_some();
        self.injured_side.is_some()
            || self.unit != LoadUnit::Kg
            || !self.pain_limits.is_default()
            || !self.load_steps.is_empty()
            || self
                .exercises
                .iter()
                .any(|e| dose_v3(&e.default_dose) || !e.photos.is_empty())
            || self.prescriptions.iter().any(|rx| {
                dose_v3(&rx.dose)
                    || rx.rules.iter().any(|rule| match rule {
                        Rule::Table { rows, source } => source.is_some() || rows.iter().any(row_v3),
                        _ => false,
                    })
            })
    }

    /// The load step of `equipment` the plan says is available, if any.
    pub fn load_step_kg(&self, equipment: &[String]) -> Option<f64> {
        self.load_steps
            .iter()
            .find(|s| {
                equipment
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(&s.equipment))
            })
            .map(|s| s.step_kg)
    }

    /// The logged session on `date`, slot `slot`.
    pub fn session_log(&self, date: NaiveDate, slot: u32) -> Option<&SessionLog> {
        self.log.iter().find(|s| s.date == date && s.slot == slot)
    }

    /// The logged session on `date`, slot `slot`, added (empty, in date order) when missing.
    pub fn session_log_mut(&mut self, date: NaiveDate, slot: u32) -> &mut SessionLog {
        let index = match self
            .log
            .iter()
            .position(|s| s.date == date && s.slot == slot)
        {
            Some(i) => i,
            None => {
                let at = self
                    .log
                    .partition_point(|s| (s.date, s.slot) < (date, slot));
                self.log.insert(at, SessionLog::new(date, slot));
                at
            }
        };
        &mut self.log[index]
    }

    /// A fresh phase id.
    pub fn next_phase_id(&self) -> u32 {
        fresh_id(self.phases.iter().map(|p| p.id))
    }
}

/// An id none of `ids` has, never 0: one more than the largest, or when the largest is
/// `u32::MAX` (a file may say so), the smallest free one.
pub fn fresh_id(ids: impl Iterator<Item = u32> + Clone) -> u32 {
    let largest = ids.clone().max().unwrap_or(0);
    largest.checked_add(1).unwrap_or_else(|| {
        let taken: std::collections::HashSet<u32> = ids.collect();
        // Fewer ids than u32::MAX exist, so a free one is found.
        (1..=u32::MAX).find(|id| !taken.contains(id)).unwrap_or(1)
    })
}

/// Gives each id that is 0 or repeats an earlier one a fresh one.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a mut u32>) {
    let mut ids: Vec<&mut u32> = ids.collect();
    let mut seen = std::collections::HashSet::new();
    let repeated: Vec<usize> = (0..ids.len())
        .filter(|&i| *ids[i] == 0 || !seen.insert(*ids[i]))
        .collect();
    for i in repeated {
        let id = fresh_id(seen.iter().copied());
        seen.insert(id);
        *ids[i] = id;
    }
}
