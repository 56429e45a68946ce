//! Load rises (docs/clinical.md#the-load-rise-rules): for each prescription and each load
//! metric, its week at the schedule's usual frequency against its last earlier week that was
//! not a deload week ([`rise::steps`]: what a rise means, defined once), and against the
//! comparable week before that (the two-week rule); and the plan total of the prescriptions
//! compared in that week, so an exercise added this week is not a rise of the existing load.
//! A rise a cited protocol table prescribes is a note naming the protocol.

use std::collections::BTreeMap;

use crate::model::{Prescription, fmt_num};

use super::super::chart::{metric_unit, unit_factor};
use super::super::metrics::Metric;
use super::super::projection::{Item, Projection};
use super::super::rise::{self, rise_pct};
use super::{EPS, Out, Severity, all_table_sources, as_prescribed, fmt_fig, fmt_pct, sources};

/// One prescription in one compared week: the week's item, the comparable week before it and,
/// when there is one, the comparable week before that.
struct Pair<'a> {
    rx: &'a Prescription,
    before_week: u32,
    before: &'a Item,
    two_back: Option<(u32, &'a Item)>,
    now: &'a Item,
}

/// The weekly or the two-week rule.
#[derive(Clone, Copy)]
enum Span {
    Week,
    TwoWeeks,
}

impl Span {
    fn threshold(self, out: &Out) -> f64 {
        let t = &out.plan.thresholds;
        match self {
            Span::Week => t.weekly_increase_pct,
            Span::TwoWeeks => t.two_week_increase_pct,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Span::Week => sources::TEN_PERCENT,
            Span::TwoWeeks => sources::TWO_WEEKS,
        }
    }

    /// `+20 % from week 4`, `+45 % over two weeks, from week 3`; `+10.4 %` where a whole
    /// number would not show the rise is above `threshold`.
    fn rise(self, pct: f64, threshold: f64, from: &str) -> String {
        let pct = if pct.round() <= threshold {
            format!("{pct:.1} %")
        } else {
            fmt_pct(pct)
        };
        match self {
            Span::Week => format!("+{pct} from {from}"),
            Span::TwoWeeks => format!("+{pct} over two weeks, from {from}"),
        }
    }

    /// What the rise breaks and what to do about it.
    fn advice(self, threshold: f64) -> String {
        match self {
            Span::Week => format!(
                "More than {} in a week: spread the increase over more weeks.",
                fmt_pct(threshold)
            ),
            Span::TwoWeeks => format!(
                "More than {} over two weeks: hold the load for a week or two before raising it again.",
                fmt_pct(threshold)
            ),
        }
    }

    fn code(self, total: bool) -> &'static str {
        match (self, total) {
            (Span::Week, false) => "weekly-increase",
            (Span::TwoWeeks, false) => "two-week-increase",
            (Span::Week, true) => "plan-weekly-increase",
            (Span::TwoWeeks, true) => "plan-two-week-increase",
        }
    }
}

pub(super) fn rises(out: &mut Out, projection: &Projection) {
    let mut by_week: BTreeMap<u32, Vec<Pair>> = BTreeMap::new();
    for rx in &out.plan.prescriptions {
        let steps = rise::steps(projection, rx.id);
        for (k, step) in steps.iter().enumerate() {
            let pair = Pair {
                rx,
                before_week: step.before_week,
                before: step.before,
                two_back: k
                    .checked_sub(1)
                    .map(|j| (steps[j].before_week, steps[j].before)),
                now: step.now,
            };
            for metric in Metric::LOADS {
                exercise_rise(out, &pair, step.week, metric, Span::Week);
                exercise_rise(out, &pair, step.week, metric, Span::TwoWeeks);
            }
            by_week.entry(step.week).or_default().push(pair);
        }
    }
    for (week, pairs) in &by_week {
        for metric in Metric::LOADS {
            total_rise(out, pairs, *week, metric, Span::Week);
            total_rise(out, pairs, *week, metric, Span::TwoWeeks);
        }
    }
}

/// The earlier week a span compares with.
fn earlier<'a>(pair: &Pair<'a>, span: Span) -> Option<(u32, &'a Item)> {
    match span {
        Span::Week => Some((pair.before_week, pair.before)),
        Span::TwoWeeks => pair.two_back,
    }
}

/// ` at the schedule's usual 3.5 sessions a week` when the calendar gives another number.
fn usual_note(items: &[&Item]) -> String {
    match items.first() {
        Some(first)
            if items
                .iter()
                .any(|i| (f64::from(i.sessions) - i.usual_sessions).abs() > 1e-9) =>
        {
            let same = items
                .iter()
                .all(|i| (i.usual_sessions - first.usual_sessions).abs() < 1e-9);
            if same {
                format!(
                    " at the schedule's usual {} sessions a week",
                    fmt_num(first.usual_sessions)
                )
            } else {
                " at the schedules' usual frequency".to_owned()
            }
        }
        _ => String::new(),
    }
}

fn exercise_rise(out: &mut Out, pair: &Pair, week: u32, metric: Metric, span: Span) {
    let Some((from_week, before)) = earlier(pair, span) else {
        return;
    };
    let (a, b) = (before.usual_week(metric), pair.now.usual_week(metric));
    if matches!(span, Span::TwoWeeks) && b <= pair.before.usual_week(metric) + 1e-9 {
        // Completed by a week that holds (or lowers) the level: last week's finding said it.
        return;
    }
    let threshold = span.threshold(out);
    let Some(pct) = rise_pct(a, b).filter(|p| *p > threshold + EPS) else {
        return;
    };
    let figures = format!(
        "({} -> {} {} a week{})",
        fmt_fig(in_unit(metric, a, out)),
        fmt_fig(in_unit(metric, b, out)),
        metric_unit(metric, out.plan.unit),
        usual_note(&[before, pair.now])
    );
    let head = format!(
        "{} {} {figures}",
        metric.noun(),
        span.rise(pct, threshold, &format!("week {from_week}"))
    );
    // A cited table prescribes the rise when this week's dose is the table's (and, over two
    // weeks, last week's too: the whole climb is the table's).
    let source = match span {
        Span::Week => pair.now.table_source.as_deref(),
        Span::TwoWeeks => pair
            .now
            .table_source
            .as_deref()
            .filter(|_| pair.before.table_source.is_some()),
    };
    let (severity, message) = match source {
        Some(source) => (
            Severity::Note,
            format!(
                "{head}, {}. Keep to the protocol's steps, and hold a step the athlete does not tolerate.",
                as_prescribed(&[source])
            ),
        ),
        None => (
            Severity::Warning,
            format!("{head}. {}", span.advice(threshold)),
        ),
    };
    let f = out.push(
        severity,
        span.code(false),
        Some(week),
        Some(pair.rx),
        message,
        span.source(),
    );
    f.exercise_id = Some(pair.now.exercise_id.clone());
    f.metric = Some(metric);
    f.heuristic = true;
}

/// The plan total of `metric` over the prescriptions compared in `week` (each against its own
/// comparable week), when at least two of them count in the metric: with one, the total is that
/// exercise's own figure and its own finding says it.
fn total_rise(out: &mut Out, pairs: &[Pair], week: u32, metric: Metric, span: Span) {
    let compared: Vec<(u32, &Item, &Item)> = pairs
        .iter()
        .filter_map(|p| earlier(p, span).map(|(w, before)| (w, before, p.now)))
        .filter(|(_, before, now)| before.usual_week(metric) > 0.0 || now.usual_week(metric) > 0.0)
        .collect();
    if compared.len() < 2 {
        return;
    }
    let a: f64 = compared.iter().map(|(_, b, _)| b.usual_week(metric)).sum();
    let b: f64 = compared.iter().map(|(_, _, n)| n.usual_week(metric)).sum();
    if matches!(span, Span::TwoWeeks) {
        // The same exercises' total in the week before: a week that holds the level after a
        // rise completes a two-week rise already reported.
        let last: f64 = pairs
            .iter()
            .filter(|p| p.two_back.is_some())
            .map(|p| p.before.usual_week(metric))
            .sum();
        if b <= last + 1e-9 {
            return;
        }
    }
    let threshold = span.threshold(out);
    let Some(pct) = rise_pct(a, b).filter(|p| *p > threshold + EPS) else {
        return;
    };
    let mut from: Vec<u32> = compared.iter().map(|(w, ..)| *w).collect();
    from.sort_unstable();
    from.dedup();
    let from = match from.as_slice() {
        [w] => format!("week {w}"),
        _ => "each exercise's last full week".to_owned(),
    };
    // The exercises whose load rose, most first.
    let mut rose: Vec<(f64, &Item, f64)> = compared
        .iter()
        .filter_map(|(_, before, now)| {
            let (x, y) = (before.usual_week(metric), now.usual_week(metric));
            (y > x + 1e-9).then(|| (y - x, *now, rise_pct(x, y).unwrap_or(f64::INFINITY)))
        })
        .collect();
    rose.sort_by(|p, q| q.0.total_cmp(&p.0));
    let named: Vec<String> = rose
        .iter()
        .take(3)
        .map(|(_, item, pct)| {
            if pct.is_finite() {
                format!("{} +{}", item.exercise_name, fmt_pct(*pct))
            } else {
                item.exercise_name.clone()
            }
        })
        .collect();
    let items: Vec<&Item> = compared.iter().flat_map(|(_, b, n)| [*b, *n]).collect();
    let head = format!(
        "whole plan ({} exercises done in both weeks; exercises new this week are not counted): {} {} ({} -> {} {} a week{}); rising most: {}",
        compared.len(),
        metric.noun(),
        span.rise(pct, threshold, &from),
        fmt_fig(in_unit(metric, a, out)),
        fmt_fig(in_unit(metric, b, out)),
        metric_unit(metric, out.plan.unit),
        usual_note(&items),
        named.join(", ")
    );
    let rose_items: Vec<&Item> = rose.iter().map(|(_, item, _)| *item).collect();
    let (severity, message) = match all_table_sources(&rose_items) {
        Some(sources) => (
            Severity::Note,
            format!(
                "{head}, {}. Keep to the protocol's steps.",
                as_prescribed(&sources)
            ),
        ),
        None => (
            Severity::Warning,
            format!("{head}. {}", span.advice(threshold)),
        ),
    };
    let f = out.push(
        severity,
        span.code(true),
        Some(week),
        None,
        message,
        span.source(),
    );
    f.metric = Some(metric);
    f.heuristic = true;
}

/// A figure of `metric` in the plan's unit of weight (volume load in kg or lb).
fn in_unit(metric: Metric, value: f64, out: &Out) -> f64 {
    value * unit_factor(metric, out.plan.unit)
}
