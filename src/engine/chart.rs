//! What a load chart shows, as plain numbers and words: one metric by week, the total and one
//! series per prescription, deload weeks and phase bands, the weeks a load-spike guardrail
//! flags, what the metric includes and the hover text of a week. Pure functions of the plan and
//! its projection: the read model computes them once per plan revision, metric and unit, and the
//! window and the PDF draw them.

use std::collections::{BTreeSet, HashSet};

use super::{Finding, Metric, Projection, Severity};
use crate::model::{LoadUnit, Plan, fmt_num};

/// Legend name of the total line.
pub const TOTAL_NAME: &str = "Total";
/// Legend name of the deload marks.
pub const DELOAD_NAME: &str = "Deload";
/// Legend name of the guardrail markers.
pub const SPIKE_NAME: &str = "Load spike (heuristic)";
/// Finding codes marked on the chart: the load-spike guardrails (each exercise's weekly and
/// two-week rise, the plan total's, and the acute:chronic ratio).
pub const SPIKE_CODES: [&str; 5] = [
    "weekly-increase",
    "two-week-increase",
    "plan-weekly-increase",
    "plan-two-week-increase",
    "acwr-high",
];

/// One prescription's figures by week.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Stable id of the prescription.
    pub prescription_id: u32,
    /// Legend name: the exercise's name, with " (2)", " (3)", ... when already taken.
    pub name: String,
    /// The metric in each week of `ChartData::weeks` (0 where the prescription is not active).
    pub values: Vec<f64>,
    /// Whether the prescription is active in each week of `ChartData::weeks`.
    pub active: Vec<bool>,
}

/// Everything the chart draws for one metric, already in the display unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The metric shown.
    pub metric: Metric,
    /// The unit volume load is shown in.
    pub unit: LoadUnit,
    /// Week numbers (1-based), one per projected week.
    pub weeks: Vec<u32>,
    /// The week's total of the metric, one per week.
    pub total: Vec<f64>,
    /// One series per prescription that contributes to the metric, in plan order.
    /// Prescriptions with nothing to count (body-weight work in volume load) are left out.
    pub series: Vec<Series>,
    /// Weeks in which any prescription deloads.
    pub deload_weeks: Vec<u32>,
    /// (phase name, first week, last week) of each phase, in plan order.
    pub phase_bands: Vec<(String, u32, u32)>,
}

/// Factor from the engine's figure to the display unit (only volume load changes with it).
pub fn unit_factor(metric: Metric, unit: LoadUnit) -> f64 {
    match metric {
        Metric::VolumeLoadKg => unit.from_kg(1.0),
        _ => 1.0,
    }
}

/// Unit of a metric's figures: `kg`/`lb`, `s`, `reps`, `sessions`, `AU`.
pub fn metric_unit(metric: Metric, unit: LoadUnit) -> &'static str {
    match metric {
        Metric::VolumeLoadKg => unit.symbol(),
        Metric::TutSecs => "s",
        Metric::Reps => "reps",
        Metric::Sessions => "sessions",
        Metric::SrpeAu => "AU",
    }
}

/// Name of a metric with its unit, for the axis and the selector: `Volume load (lb)`.
pub fn metric_label(metric: Metric, unit: LoadUnit) -> String {
    match metric {
        Metric::VolumeLoadKg => format!("Volume load ({})", unit.symbol()),
        _ => metric.label().to_owned(),
    }
}

/// A figure for display: at most one decimal, no trailing `.0`.
pub fn fmt_value(x: f64) -> String {
    fmt_num((x * 10.0).round() / 10.0)
}

/// Computes what the chart draws for `metric`, volume load converted to `unit`.
pub fn chart_data(
    plan: &Plan,
    projection: &Projection,
    metric: Metric,
    unit: LoadUnit,
) -> ChartData {
    let k = unit_factor(metric, unit);
    let n = projection.weeks.len();
    let mut taken: HashSet<String> = [TOTAL_NAME, DELOAD_NAME, SPIKE_NAME]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let mut series = Vec::new();
    for rx in &plan.prescriptions {
        let mut values = vec![0.0; n];
        let mut active = vec![false; n];
        let mut first_name = None;
        for (i, wp) in projection.weeks.iter().enumerate() {
            if let Some(item) = wp.items.iter().find(|it| it.prescription_id == rx.id) {
                values[i] = item.metrics.get(metric) * k;
                active[i] = true;
                first_name.get_or_insert(&item.exercise_name);
            }
        }
        if !values.iter().any(|v| *v > 0.0) {
            continue;
        }
        let base = plan
            .exercise(&rx.exercise)
            .map(|e| e.name.clone())
            .or_else(|| first_name.cloned())
            .unwrap_or_else(|| plan.exercise_name(&rx.exercise).into_owned());
        series.push(Series {
            prescription_id: rx.id,
            name: unique_name(&mut taken, base),
            values,
            active,
        });
    }
    ChartData {
        metric,
        unit,
        weeks: projection.weeks.iter().map(|w| w.week).collect(),
        total: projection
            .weeks
            .iter()
            .map(|w| w.totals.get(metric) * k)
            .collect(),
        series,
        deload_weeks: projection
            .weeks
            .iter()
            .filter(|w| w.deload)
            .map(|w| w.week)
            .collect(),
        phase_bands: plan
            .phases
            .iter()
            .map(|p| (p.name.clone(), p.weeks.first, p.weeks.last))
            .collect(),
    }
}

/// `base`, or `base (2)`, `base (3)`, ... whichever is not taken yet; marks it taken.
fn unique_name(taken: &mut HashSet<String>, base: String) -> String {
    let mut name = base.clone();
    let mut k = 2;
    while taken.contains(&name) {
        name = format!("{base} ({k})");
        k += 1;
    }
    taken.insert(name.clone());
    name
}

/// Weeks in which a load-spike guardrail (weekly or two-week increase of an exercise or the
/// plan total, acute:chronic ratio) warns about `metric`, sorted, each once. Spikes of other
/// metrics are not marked, nor the notes on rises a cited protocol's table prescribes.
pub fn spike_weeks(findings: &[Finding], metric: Metric) -> Vec<u32> {
    let mut weeks: Vec<u32> = findings
        .iter()
        .filter(|f| {
            SPIKE_CODES.contains(&f.code)
                && f.metric == Some(metric)
                && f.severity == Severity::Warning
        })
        .filter_map(|f| f.week)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks
}

/// The one-line note under the selector: what the metric counts, and which of this plan's
/// exercises that is (the exercises with a non-zero figure in some week, by id).
pub fn includes_text(plan: &Plan, projection: &Projection, metric: Metric) -> String {
    // As `Projection::included`, without cloning an id per week and item.
    let ids: BTreeSet<&str> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter())
        .filter(|i| i.metrics.get(metric) > 0.0)
        .map(|i| i.exercise_id.as_str())
        .collect();
    let names: Vec<std::borrow::Cow<'_, str>> =
        ids.into_iter().map(|id| plan.exercise_name(id)).collect();
    let which = if names.is_empty() {
        "No exercise in this plan counts here.".to_owned()
    } else {
        format!("Here: {}.", names.join(", "))
    };
    format!("{} {which}", metric.includes())
}

/// Hover text of the week at `index` in `data.weeks`: `Week 4 (Foundation): total 540 kg` and
/// one line per exercise active that week. Made when the pointer is over the week, not ahead.
pub fn week_tooltip(data: &ChartData, projection: &Projection, index: usize) -> Option<String> {
    let week = data.weeks.get(index)?;
    let unit = metric_unit(data.metric, data.unit);
    let wp = projection.weeks.get(index);
    let mut notes: Vec<&str> = Vec::new();
    if let Some(phase) = wp.and_then(|w| w.phase.as_deref()) {
        notes.push(phase);
    }
    if wp.is_some_and(|w| w.deload) {
        notes.push("deload");
    }
    let mut text = format!("Week {week}");
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join(", ")));
    }
    let total = data.total.get(index).copied().unwrap_or(0.0);
    text.push_str(&format!(": total {} {unit}", fmt_value(total)));
    for s in data
        .series
        .iter()
        .filter(|s| s.active.get(index) == Some(&true))
    {
        let v = s.values.get(index).copied().unwrap_or(0.0);
        text.push_str(&format!("\n{}: {} {unit}", s.name, fmt_value(v)));
    }
    Some(text)
}
