//! The plan model: exercises, plans, doses, schedules and progression rules. Plain data with
//! serde, free of any UI or file-system code, so every other layer can build on it.

pub mod dose;
pub mod exercise;
pub mod limits;
pub mod log;
pub mod merge;
pub mod photo;
pub mod plan;
pub mod problem;
pub mod progression;
pub mod quote;
pub mod schedule;
pub mod validate;

pub use dose::{Dose, Limb, Load, LoadUnit, Reps, Side, Tempo, fmt_num};
pub use exercise::{Category, DoseKind, Exercise, Laterality, Region};
pub use limits::MAX_WEEKS;
pub use log::{
    AdjustmentDecision, Decision, ExerciseLog, NextMorning, Prom, PromScore, SessionLog,
};
pub use photo::{MAX_PHOTO_BYTES, MAX_PHOTOS, Photo, PhotoFormat};
pub use plan::{FORMAT_VERSION, LoadStep, PainLimits, Phase, Plan, Prescription, Thresholds};
pub use progression::{Amount, Rule, TableRow, Target};
pub use schedule::{MAX_TIMES_PER_DAY, Schedule, WeekRange, Weekday};
pub use validate::{Anchor, Problem, validate};
