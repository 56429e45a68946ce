//! Guardrails: what a careful colleague would point out about a plan, each finding with a
//! severity, the week, exercise and load metric it concerns, a message a physio can act on and
//! the source it rests on (docs/clinical.md#guardrails). Heuristics say so.
//!
//! - `plan`: length, empty weeks, supervision, eccentric and hip/trunk work, progression, dates,
//!   the injured side.
//! - `values`: values that cannot be carried out.
//! - `rises`: weekly and two-week rises of each exercise's load and of the plan total.
//! - `ratio`: the acute:chronic ratio.
//! - `variables`: one variable at a time.

use serde::Serialize;

use crate::model::{Plan, Prescription, fmt_num};

use super::metrics::Metric;
use super::projection::{Item, Projection};

mod plan;
mod ratio;
mod rises;
mod values;
mod variables;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// Impossible values: the plan cannot be done as written.
    Error,
    /// Against a clinical rule or a load guardrail.
    Warning,
    /// Worth a look.
    Note,
}

impl Severity {
    /// Lower-case name.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One guardrail finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable machine-readable code (`plan-too-short`, `weekly-increase`, ...).
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prescription_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise_id: Option<String>,
    /// The load metric a load finding concerns (rises and the acute:chronic ratio).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    pub message: String,
    /// The evidence or rule the finding rests on.
    pub source: &'static str,
    /// The rule is a heuristic, not a proven injury predictor.
    pub heuristic: bool,
}

/// The sources findings cite.
pub mod sources {
    /// The clinical summary behind the product.
    pub const SUMMARY: &str = "Clinical summary 'Management of hamstring pain during physical therapy': at least 3 months and 12 supervised sessions, eccentric and hip/trunk strengthening, referral if there is no improvement after 2-3 weeks";
    /// The 10 % rule.
    pub const TEN_PERCENT: &str =
        "'10 % per week' rule: no strong evidence (Buist et al. 2008); a default threshold";
    /// Two-week increase.
    pub const TWO_WEEKS: &str = "Nielsen et al. 2014: increases above 30 % over two weeks";
    /// Acute:chronic ratio.
    pub const ACWR: &str = "Gabbett 2016; rolling-average (coupled) form, Williams et al. 2017; questioned by Impellizzeri et al. 2020 - a spike heuristic, not an injury predictor";
    /// One variable at a time.
    pub const ONE_VARIABLE: &str = "Silbernagel et al. 2007: change one variable at a time";
    /// Dated sessions.
    pub const DATES: &str = "loadplan: sessions are dated from the plan's start date";
    /// Validity of values.
    pub const VALIDITY: &str = "loadplan: values an athlete cannot carry out";
    /// Progressive loading.
    pub const PROGRESSION: &str =
        "Clinical summary: progressive loading, gradual increases across 3 months; ACSM 2009";
    /// The injured side.
    pub const SIDES: &str = "loadplan: a dose for the injured or the other side names its leg from the plan's injured side";
}

/// A rise within this many percentage points of a threshold is not above it (rounding).
const EPS: f64 = 1e-9;

struct Out<'a> {
    plan: &'a Plan,
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        week: Option<u32>,
        rx: Option<&Prescription>,
        message: String,
        source: &'static str,
    ) -> &mut Finding {
        self.findings.push(Finding {
            severity,
            code,
            week,
            prescription_id: rx.map(|r| r.id),
            exercise_id: rx.map(|r| r.exercise.clone()),
            metric: None,
            message,
            source,
            heuristic: false,
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    fn name(&self, id: &str) -> String {
        self.plan.exercise_name(id).into_owned()
    }
}

/// Every guardrail finding of `plan`, errors first, then by week.
pub fn check(plan: &Plan, projection: &Projection) -> Vec<Finding> {
    let mut out = Out {
        plan,
        findings: Vec::new(),
    };
    plan::plan_rules(&mut out, projection);
    for rx in &plan.prescriptions {
        values::impossible_values(&mut out, rx);
    }
    values::resolved_values(&mut out, projection);
    rises::rises(&mut out, projection);
    ratio::acute_chronic(&mut out, projection);
    variables::one_variable(&mut out, projection);
    let mut findings = out.findings;
    findings.sort_by(|a, b| {
        (
            a.severity,
            a.week.unwrap_or(0),
            a.prescription_id.unwrap_or(0),
        )
            .cmp(&(
                b.severity,
                b.week.unwrap_or(0),
                b.prescription_id.unwrap_or(0),
            ))
    });
    findings
}

fn item_rx<'a>(plan: &'a Plan, item: &Item) -> Option<&'a Prescription> {
    plan.prescription(item.prescription_id)
}

/// `12 %`.
fn fmt_pct(x: f64) -> String {
    format!("{:.0} %", x)
}

/// A figure for a message: at most one decimal, no trailing `.0`.
fn fmt_fig(x: f64) -> String {
    fmt_num((x * 10.0).round() / 10.0)
}

/// `Week 5`, `Weeks 9-12`, `Weeks 3, 9-12` (sorted week numbers).
fn fmt_weeks(weeks: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &w in weeks {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == w => *last = w,
            _ => runs.push((w, w)),
        }
    }
    let text: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    let word = if weeks.len() == 1 { "Week" } else { "Weeks" };
    format!("{word} {}", text.join(", "))
}

/// `as the Petersen et al. 2011 table prescribes` for the sources of the tables behind a rise.
fn as_prescribed(sources: &[&str]) -> String {
    let mut list: Vec<&str> = sources.to_vec();
    list.sort_unstable();
    list.dedup();
    let tables = if list.len() == 1 { "table" } else { "tables" };
    format!("as the {} {tables} prescribes", list.join(" and "))
        .replace("tables prescribes", "tables prescribe")
}

/// The sources of the tables behind every item of `rose`, when each has one.
fn all_table_sources<'a>(rose: &[&'a Item]) -> Option<Vec<&'a str>> {
    if rose.is_empty() {
        return None;
    }
    rose.iter().map(|i| i.table_source.as_deref()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_written_as_runs() {
        assert_eq!(fmt_weeks(&[5]), "Week 5");
        assert_eq!(fmt_weeks(&[9, 10, 11, 12]), "Weeks 9-12");
        assert_eq!(fmt_weeks(&[3, 9, 10]), "Weeks 3, 9-10");
        assert_eq!(
            as_prescribed(&["Petersen et al. 2011"]),
            "as the Petersen et al. 2011 table prescribes"
        );
        assert_eq!(
            as_prescribed(&["B", "A", "B"]),
            "as the A and B tables prescribe"
        );
    }
}
