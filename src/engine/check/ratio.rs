//! The acute:chronic ratio (docs/clinical.md#the-acutechronic-ratio): a week whose ratio of a
//! load metric reaches `acwr_high`. The ratio is the projection's (`WeekPlan::acwr`: rolling
//! averages of daily loads at the usual frequency, 7 against 28 days, from 28 days of load on).
//! A spike a cited protocol table prescribes is a note naming the protocol.

use super::super::metrics::Metric;
use super::super::projection::{Item, Projection};
use super::{Out, Severity, all_table_sources, as_prescribed, sources};

pub(super) fn acute_chronic(out: &mut Out, projection: &Projection) {
    let high = out.plan.thresholds.acwr_high;
    for (i, wp) in projection.weeks.iter().enumerate() {
        for metric in Metric::LOADS {
            let Some(ratio) = wp.acwr.get(metric).filter(|r| *r >= high - 1e-12) else {
                continue;
            };
            // The exercises whose load this week is above their own mean of the 28 days: what
            // pushed the ratio up, most first.
            let window = &projection.weeks[i.saturating_sub(3)..=i];
            let mut rose: Vec<(f64, &Item)> = wp
                .items
                .iter()
                .filter_map(|item| {
                    let now = item.usual_week(metric);
                    let mean = window
                        .iter()
                        .flat_map(|w| w.items.iter())
                        .filter(|x| x.prescription_id == item.prescription_id)
                        .map(|x| x.usual_week(metric))
                        .sum::<f64>()
                        / 4.0;
                    (now > mean + 1e-9).then_some((now - mean, item))
                })
                .collect();
            rose.sort_by(|p, q| q.0.total_cmp(&p.0));
            let mut names: Vec<&str> = rose.iter().map(|(_, i)| i.exercise_name.as_str()).collect();
            names.dedup();
            let head = format!(
                "acute:chronic ratio of {} {ratio:.2}: the week's mean daily load against the mean of the last 28 days (this week included), at or above {high:.1}; rising most: {}",
                metric.noun(),
                names.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            );
            let items: Vec<&Item> = rose.iter().map(|(_, i)| *i).collect();
            let (severity, message) = match all_table_sources(&items) {
                Some(sources) => (
                    Severity::Note,
                    format!(
                        "{head}, {}. A spike heuristic, not an injury predictor: keep to the protocol and watch how the athlete responds.",
                        as_prescribed(&sources)
                    ),
                ),
                None => (
                    Severity::Warning,
                    format!(
                        "{head}. A spike heuristic, not an injury predictor: consider a gentler step (spread the new load over more weeks)."
                    ),
                ),
            };
            let f = out.push(
                severity,
                "acwr-high",
                Some(wp.week),
                None,
                message,
                sources::ACWR,
            );
            f.metric = Some(metric);
            f.heuristic = true;
        }
    }
}
