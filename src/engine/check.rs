//! Guardrails: what a careful colleague would point out about a plan, each finding with a
//! severity, the week and exercise it concerns, a message a physio can act on and the source
//! it rests on (docs/clinical.md#guardrails). Heuristics say so.

use serde::Serialize;

use crate::model::{DoseKind, Load, Plan, Prescription, Rule, Target};

use super::metrics::Metric;
use super::projection::{Item, Projection};

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
    pub const ACWR: &str = "Gabbett 2016; EWMA form Williams et al. 2017; questioned by Impellizzeri et al. 2020 - a spike heuristic, not an injury predictor";
    /// One variable at a time.
    pub const ONE_VARIABLE: &str = "Silbernagel et al. 2007: change one variable at a time";
    /// Dated sessions.
    pub const DATES: &str = "loadplan: sessions are dated from the plan's start date";
    /// Validity of values.
    pub const VALIDITY: &str = "loadplan: values an athlete cannot carry out";
    /// Progressive loading.
    pub const PROGRESSION: &str =
        "Clinical summary: progressive loading, gradual increases across 3 months; ACSM 2009";
}

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
    ) {
        self.findings.push(Finding {
            severity,
            code,
            week,
            prescription_id: rx.map(|r| r.id),
            exercise_id: rx.map(|r| r.exercise.clone()),
            message,
            source,
            heuristic: false,
        });
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
    plan_rules(&mut out, projection);
    for rx in &plan.prescriptions {
        impossible_values(&mut out, rx);
    }
    resolved_values(&mut out, projection);
    load_spikes(&mut out, projection);
    one_variable(&mut out, projection);
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

fn plan_rules(out: &mut Out, projection: &Projection) {
    let plan = out.plan;
    let t = &plan.thresholds;
    let weeks = plan.length_weeks();
    if weeks < t.min_weeks {
        out.push(
            Severity::Warning,
            "plan-too-short",
            None,
            None,
            format!(
                "The plan lasts {weeks} weeks; programmes shorter than {} weeks (3 months) show worse outcomes and 14-63 % recurrence. Extend the plan.",
                t.min_weeks
            ),
            sources::SUMMARY,
        );
    }
    if projection.supervised_sessions < t.min_supervised_sessions {
        out.push(
            Severity::Warning,
            "few-supervised-sessions",
            None,
            None,
            format!(
                "{} supervised sessions planned; aim for at least {}. Mark sessions as supervised (supervised per week) on a prescription.",
                projection.supervised_sessions, t.min_supervised_sessions
            ),
            sources::SUMMARY,
        );
    }
    let used: Vec<&str> = projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(|i| i.exercise_id.as_str()))
        .collect();
    let any = |f: &dyn Fn(&crate::model::Exercise) -> bool| {
        used.iter().any(|id| plan.exercise(id).is_some_and(f))
    };
    if !plan.prescriptions.is_empty() && !any(&|e| e.eccentric) {
        out.push(
            Severity::Warning,
            "no-eccentric",
            None,
            None,
            "No exercise with an eccentric emphasis: eccentric strengthening is the most critical component and must not be omitted. Add e.g. the Nordic hamstring curl or the Askling diver.".to_owned(),
            sources::SUMMARY,
        );
    }
    if !plan.prescriptions.is_empty() && !any(&|e| e.is_hip_or_trunk()) {
        out.push(
            Severity::Warning,
            "no-hip-trunk",
            None,
            None,
            "No hip or trunk exercise: hip and trunk strengthening (gluteus medius) must be included. Add e.g. side plank, clams or glute bridges.".to_owned(),
            sources::SUMMARY,
        );
    }
    if !plan.prescriptions.is_empty() && plan.prescriptions.iter().all(|rx| rx.rules.is_empty()) {
        out.push(
            Severity::Note,
            "flat-plan",
            None,
            None,
            "No prescription has a progression rule: the dose stays the same for the whole plan. Add progression (load, reps, sets, hold or a harder variation).".to_owned(),
            sources::PROGRESSION,
        );
    }
    if plan.start_date.is_none() && !plan.prescriptions.is_empty() {
        out.push(
            Severity::Note,
            "no-start-date",
            None,
            None,
            "No start date: sessions are counted by day but not dated. Set a start date to print dated sessions and calendars.".to_owned(),
            sources::DATES,
        );
    }
}

fn impossible_values(out: &mut Out, rx: &Prescription) {
    let name = out.name(&rx.exercise);
    let first = Some(rx.weeks.first);
    let d = &rx.dose;
    let err = |out: &mut Out, code, msg: String| {
        out.push(
            Severity::Error,
            code,
            first,
            Some(rx),
            msg,
            sources::VALIDITY,
        );
    };
    if d.sets == 0 {
        err(
            out,
            "zero-sets",
            format!("{name}: 0 sets. Give at least 1 set."),
        );
    }
    let negative = match d.load {
        Load::Kg(x) | Load::PercentOneRm(x) | Load::Rpe(x) => x < 0.0,
        _ => false,
    };
    if negative {
        err(
            out,
            "negative-load",
            format!(
                "{name}: the load {} is negative. Use 0 or more, or body weight.",
                d.load.label()
            ),
        );
    }
    if matches!(d.load, Load::Rpe(x) if x > 10.0)
        || d.rpe.is_some_and(|r| !(0.0..=10.0).contains(&r))
    {
        err(
            out,
            "rpe-out-of-range",
            format!("{name}: RPE must be between 0 and 10 (CR-10 scale)."),
        );
    }
    if matches!(d.load, Load::PercentOneRm(x) if x > 100.0) {
        err(
            out,
            "over-one-rm",
            format!(
                "{name}: {} is more than one-repetition maximum.",
                d.load.label()
            ),
        );
    }
    if d.hold_secs.is_some_and(|h| h <= 0.0) {
        err(
            out,
            "zero-hold",
            format!("{name}: hold time must be more than 0 s."),
        );
    }
    if let Some(reps) = &d.reps
        && (0..d.sets as usize).any(|i| reps.for_set(i).1 == 0)
    {
        err(out, "zero-reps", format!("{name}: a set has 0 reps."));
    }
    if let Some(ex) = out.plan.exercise(&rx.exercise) {
        match ex.dose_kind {
            DoseKind::Reps if d.hold_secs.is_some() && d.reps.is_none() => err(
                out,
                "hold-on-reps-exercise",
                format!(
                    "{name} is dosed in reps, but a hold time is given without reps. Give reps (and a hold per rep if wanted), or choose an isometric exercise."
                ),
            ),
            DoseKind::TimedHold if d.hold_secs.is_none() => err(
                out,
                "missing-hold",
                format!("{name} is a timed hold, but no hold time is given. Set the hold seconds."),
            ),
            DoseKind::Reps if d.reps.is_none() => err(
                out,
                "missing-reps",
                format!("{name} is dosed in reps, but no reps are given. Set the reps."),
            ),
            _ => {}
        }
        let load_rule = rx.rules.iter().any(|r| {
            matches!(
                r,
                Rule::Add {
                    target: Target::Load,
                    ..
                }
            )
        });
        if load_rule && d.load_number().is_none() {
            out.push(
                Severity::Note,
                "load-rule-without-load",
                first,
                Some(rx),
                format!("{name}: a load progression rule has no effect on {} work. Progress reps, hold time or the variation instead.", if d.load == Load::None { "unloaded".to_owned() } else { d.load.label() }),
                sources::PROGRESSION,
            );
        }
    }
    if rx.weeks.last > out.plan.length_weeks() {
        out.push(
            Severity::Warning,
            "past-plan-end",
            first,
            Some(rx),
            format!("{name} runs past the plan's last week."),
            sources::VALIDITY,
        );
    }
}

fn resolved_values(out: &mut Out, projection: &Projection) {
    for wp in &projection.weeks {
        for item in &wp.items {
            if item.dose.sets == 0 && item_rx(out.plan, item).is_some_and(|rx| rx.dose.sets > 0) {
                let rx = item_rx(out.plan, item);
                let msg = format!(
                    "{}: progression takes the dose to 0 sets. Check the rules' amounts and caps.",
                    item.exercise_name
                );
                out.push(
                    Severity::Error,
                    "zero-sets",
                    Some(wp.week),
                    rx,
                    msg,
                    sources::VALIDITY,
                );
            }
        }
    }
}

fn item_rx<'a>(plan: &'a Plan, item: &Item) -> Option<&'a Prescription> {
    plan.prescription(item.prescription_id)
}

fn fmt_pct(x: f64) -> String {
    format!("{:.0} %", x)
}

fn load_spikes(out: &mut Out, projection: &Projection) {
    let t = out.plan.thresholds.clone();
    let weeks = &projection.weeks;
    for (i, wp) in weeks.iter().enumerate() {
        let mut weekly = Vec::new();
        let mut two_week = Vec::new();
        let mut ratios = Vec::new();
        // A deload week is not a baseline: the week after it is compared with the last full
        // week before it, so returning to the planned load is not reported as a spike.
        let mut earlier = weeks[..i].iter().rev().filter(|w| !w.deload);
        let (prev, prev2) = if wp.deload {
            (None, None)
        } else {
            (earlier.next(), earlier.next())
        };
        for metric in Metric::LOADS {
            let name = metric.label();
            let now = wp.totals.get(metric);
            let rise = |before: &crate::engine::WeekPlan| {
                let b = before.totals.get(metric);
                (b > 0.0).then(|| (now - b) / b * 100.0)
            };
            if let Some(pct) = prev.and_then(rise)
                && pct > t.weekly_increase_pct + 1e-9
            {
                weekly.push(format!("{name} +{}", fmt_pct(pct)));
            }
            if let Some(pct) = prev2.and_then(rise)
                && pct > t.two_week_increase_pct + 1e-9
            {
                two_week.push(format!("{name} +{}", fmt_pct(pct)));
            }
            if let Some(r) = wp.acwr.get(metric)
                && r >= t.acwr_high
            {
                ratios.push(format!("{name} {r:.2}"));
            }
        }
        let (prev_week, prev2_week) = (prev.map_or(0, |w| w.week), prev2.map_or(0, |w| w.week));
        let week = wp.week;
        let mut spike = |code, list: Vec<String>, message: String, source| {
            if !list.is_empty() {
                out.push(Severity::Warning, code, Some(week), None, message, source);
                if let Some(f) = out.findings.last_mut() {
                    f.heuristic = true;
                }
            }
        };
        spike(
            "weekly-increase",
            weekly.clone(),
            format!(
                "Load rises more than {} from week {prev_week}: {}. Spread the increase over more weeks.",
                fmt_pct(t.weekly_increase_pct),
                weekly.join(", ")
            ),
            sources::TEN_PERCENT,
        );
        spike(
            "two-week-increase",
            two_week.clone(),
            format!(
                "Alert: load is more than {} above week {prev2_week}: {}.",
                fmt_pct(t.two_week_increase_pct),
                two_week.join(", ")
            ),
            sources::TWO_WEEKS,
        );
        spike(
            "acwr-high",
            ratios.clone(),
            format!(
                "Acute:chronic ratio at or above {:.1}: {}. A spike heuristic, not an injury predictor: consider a gentler step.",
                t.acwr_high,
                ratios.join(", ")
            ),
            sources::ACWR,
        );
    }
}

fn one_variable(out: &mut Out, projection: &Projection) {
    for pair in projection.weeks.windows(2) {
        let (before, now) = (&pair[0], &pair[1]);
        for item in &now.items {
            let Some(prev) = before
                .items
                .iter()
                .find(|p| p.prescription_id == item.prescription_id)
            else {
                continue;
            };
            if item.deload || prev.deload {
                continue;
            }
            let raised = raised_variables(prev, item);
            if raised.len() > 1 {
                let (severity, extra) = if item.from_table {
                    (Severity::Note, " (as the protocol's table prescribes)")
                } else {
                    (Severity::Warning, "; raise one at a time")
                };
                let msg = format!(
                    "{} raises {} together{extra}.",
                    item.exercise_name,
                    raised.join(", ")
                );
                let rx = item_rx(out.plan, item);
                out.push(
                    severity,
                    "several-variables",
                    Some(now.week),
                    rx,
                    msg,
                    sources::ONE_VARIABLE,
                );
            }
        }
    }
}

fn raised_variables(prev: &Item, now: &Item) -> Vec<&'static str> {
    let mut raised = Vec::new();
    let (a, b) = (&prev.dose, &now.dose);
    if now.sessions > prev.sessions {
        raised.push("sessions");
    }
    if b.sets > a.sets {
        raised.push("sets");
    }
    let reps_sum = |d: &crate::model::Dose| -> u32 {
        d.reps.as_ref().map_or(0, |r| {
            (0..d.sets.max(1) as usize)
                .map(|i| r.for_set(i).1)
                .max()
                .unwrap_or(0)
        })
    };
    if reps_sum(b) > reps_sum(a) {
        raised.push("reps");
    }
    if b.hold_secs.unwrap_or(0.0) > a.hold_secs.unwrap_or(0.0) {
        raised.push("hold time");
    }
    if b.minutes.unwrap_or(0.0) > a.minutes.unwrap_or(0.0) {
        raised.push("minutes");
    }
    if b.load_number().unwrap_or(0.0) > a.load_number().unwrap_or(0.0)
        && !matches!(b.load, Load::Rir(_))
    {
        raised.push("load");
    }
    if now.exercise_id != prev.exercise_id {
        raised.push("variation");
    }
    raised
}
