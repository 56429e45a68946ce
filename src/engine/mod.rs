//! The engine turns a plan into what the athlete does and what it costs: the resolved dose of
//! every prescription in every week, every dated session, the load metrics per week, exercise
//! and in total, and the guardrail findings. Pure functions of the plan: deterministic, no NaN,
//! no panics, whatever the input.

mod check;
mod metrics;
mod progress;
mod projection;
mod sessions;

pub use check::{Finding, Severity, check, sources};
pub use metrics::{ACWR_MIN_DAYS, Metric, MetricChanges, Metrics};
pub use projection::{
    Item, Projection, Session, SessionItem, SetDose, WeekPlan, dose_label, project,
};
