//! The engine turns a plan into what the athlete does and what it costs: the resolved dose of
//! every prescription in every week, every dated session, the load metrics per week, exercise
//! and in total, and the guardrail findings. Pure functions of the plan: deterministic, no NaN,
//! no panics, whatever the input.

mod adapt;
pub mod chart;
mod check;
pub mod fit;
mod metrics;
pub mod palette;
pub mod plain;
mod progress;
mod projection;
mod read_model;
pub mod review;
pub mod rise;
mod sessions;
mod status;
pub mod words;

pub use adapt::{
    Adjustment, AdjustmentKind, AdjustmentStatus, Response, adjustment_for, adjustments, classify,
    done_dose, response_of, week_of,
};
pub use check::{Finding, Severity, check, sources};
pub use fit::{FitError, FitWeek, Fitted, fit};
pub use metrics::{ACWR_MIN_DAYS, Metric, MetricChanges, Metrics};
pub use projection::{
    Item, Projection, Session, SessionItem, SetDose, WeekPlan, dose_label, monday_of, project,
};
pub use read_model::{FitOutcome, ReadModel};
pub use status::{
    Adherence, Flag, PAIN_MODEL, PainPoint, PainTrend, REFERRAL_AFTER_DAYS, SessionState, Status,
    WeekStatus, actual_metrics, as_of, day_state, day_states, exercises_done, pain_points,
    pain_trend, session_state, status,
};
pub use words::{Audience, Change, PainZone, Reason, Trigger};
