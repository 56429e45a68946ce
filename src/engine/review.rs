//! What the progress review shows, as plain numbers and words: planned against done load by
//! week in one metric, PROM scores per measure with their baseline and smallest detectable
//! change, adherence and pain reports in words. Pure functions of the plan's status; the read
//! model computes them once per plan revision and day.

use chrono::NaiveDate;

use super::chart::unit_factor;
use super::{Adherence, Metric, PainPoint, Projection, Status};
use crate::model::{LoadUnit, Plan, Prom, PromScore, fmt_num};

/// How many of the plan's `weeks` have begun by `today`: 0 before the start date (or without
/// one), all of them once the plan is over.
pub fn weeks_begun(plan: &Plan, weeks: usize, today: NaiveDate) -> usize {
    super::week_of(plan, today).map_or(0, |w| (w as usize).min(weeks))
}

/// One metric by week: the plan's figure for every week, the logged figure for the weeks that
/// have begun, already in the display unit.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadSeries {
    pub metric: Metric,
    pub unit: LoadUnit,
    /// Week numbers, one per projected week.
    pub weeks: Vec<u32>,
    /// Planned figure of every week (all its sessions).
    pub planned: Vec<f64>,
    /// Done figure of each week that has begun (as long as `weeks_begun`, so never ahead of
    /// today).
    pub actual: Vec<f64>,
    /// The week today falls in while the plan runs: its done figure is still growing.
    pub current_week: Option<u32>,
}

/// Planned against done `metric` per week from a status, the done figures for the first
/// `weeks_begun` weeks only.
pub fn load_series(
    status: &Status,
    weeks_begun: usize,
    metric: Metric,
    unit: LoadUnit,
) -> LoadSeries {
    let k = unit_factor(metric, unit);
    LoadSeries {
        metric,
        unit,
        weeks: status.weeks.iter().map(|w| w.week).collect(),
        planned: status
            .weeks
            .iter()
            .map(|w| w.planned.get(metric) * k)
            .collect(),
        actual: status
            .weeks
            .iter()
            .take(weeks_begun)
            .map(|w| w.actual.get(metric) * k)
            .collect(),
        current_week: status.current_week,
    }
}

/// The first metric (in chart order) any exercise of the plan counts in: a body-weight plan has
/// no volume load.
pub fn default_metric(projection: &Projection) -> Metric {
    Metric::ALL
        .into_iter()
        .find(|m| !projection.included(*m).is_empty())
        .unwrap_or(Metric::Sessions)
}

/// One PROM measure's scores in date order, with its baseline (the first score) and the
/// smallest detectable change for one person, where the clinical summary gives one.
#[derive(Debug, Clone, PartialEq)]
pub struct PromSeries {
    pub measure: Prom,
    /// (date, score), oldest first; scores on the same date in the order entered.
    pub points: Vec<(NaiveDate, f64)>,
    /// The first score.
    pub baseline: f64,
    /// (lowest, highest) smallest detectable change in points.
    pub sdc: Option<(f64, f64)>,
}

/// The scores of each measure that has any, in `Prom::ALL` order.
pub fn prom_series(proms: &[PromScore]) -> Vec<PromSeries> {
    Prom::ALL
        .into_iter()
        .filter_map(|measure| {
            let mut points: Vec<(NaiveDate, f64)> = proms
                .iter()
                .filter(|p| p.measure == measure)
                .map(|p| (p.date, p.score))
                .collect();
            points.sort_by_key(|p| p.0);
            let baseline = points.first()?.1;
            Some(PromSeries {
                measure,
                points,
                baseline,
                sdc: measure.individual_sdc(),
            })
        })
        .collect()
}

/// The source of the HAGOS smallest detectable change.
pub const SDC_SOURCE: &str = "Thorborg 2011";

/// What a score's change from the baseline means against the smallest detectable change:
/// `+15 points from the baseline: inside the smallest detectable change (17.7-33.8), may be
/// measurement error (Thorborg 2011)`.
pub fn change_words(series: &PromSeries, score: f64) -> String {
    let change = score - series.baseline;
    let sign = if change > 0.0 { "+" } else { "" };
    let head = format!("{sign}{} points from the baseline", fmt_points(change));
    match series.sdc {
        None => format!("{head} (no smallest detectable change in the clinical summary)"),
        Some((low, high)) => {
            let size = change.abs();
            let range = format!("{}-{}", fmt_points(low), fmt_points(high));
            let verdict = if size < low {
                format!(
                    "inside the smallest detectable change ({range}): may be measurement error ({SDC_SOURCE})"
                )
            } else if size < high {
                format!(
                    "beyond the lowest smallest detectable change ({range}) but inside the highest: may still be measurement error for some subscales ({SDC_SOURCE})"
                )
            } else {
                format!(
                    "beyond the smallest detectable change ({range}): more than measurement error ({SDC_SOURCE})"
                )
            };
            format!("{head}: {verdict}")
        }
    }
}

/// A score or a change in points: at most one decimal, no trailing `.0`.
pub fn fmt_points(x: f64) -> String {
    fmt_num((x * 10.0).round() / 10.0)
}

/// The overall adherence in words: `9 of 12 sessions done (81 % of exercises checked off),
/// 2 partly done, 1 missed`; `No sessions due yet` before the first one.
pub fn adherence_summary(a: &Adherence) -> String {
    if a.due == 0 {
        return "No sessions due yet".to_owned();
    }
    let pct = a
        .pct()
        .map(|p| format!(" ({} of exercises checked off)", fmt_pct(p)))
        .unwrap_or_default();
    format!(
        "{} of {} sessions done{pct}, {} partly done, {} missed",
        a.done, a.due, a.partial, a.missed
    )
}

/// `81 %`.
pub fn fmt_pct(p: f64) -> String {
    format!("{:.0} %", p)
}

/// `Mon 12 Jan 2026`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Hover words for the pain reports on one date: `Mon 12 Jan 2026: pain during 4/10
/// (3-5: acceptable), next morning 2/10`.
pub fn pain_words(
    points: &[PainPoint],
    date: NaiveDate,
    limits: crate::model::PainLimits,
) -> Option<String> {
    let lines: Vec<String> = points
        .iter()
        .filter(|p| p.date == date)
        .map(|p| {
            let during = p.during.map_or_else(
                || "pain during not recorded".to_owned(),
                |d| {
                    let zone =
                        super::PainZone::during(d, limits).label(limits, super::Audience::Physio);
                    format!("pain during {d}/10 ({zone})")
                },
            );
            let next = p.next_morning.map_or_else(
                || "next morning not recorded".to_owned(),
                |n| {
                    if n == 0 {
                        "next morning 0/10 or settled".to_owned()
                    } else {
                        // The next morning has its own rule: above the safe limit is red.
                        let zone = super::PainZone::next_morning(n, limits);
                        format!(
                            "next morning {n}/10 ({})",
                            zone.name(super::Audience::Physio)
                        )
                    }
                },
            );
            format!("{during}, {next}")
        })
        .collect();
    (!lines.is_empty()).then(|| format!("{}: {}", long_date(date), lines.join("; ")))
}

/// The worst pain of each day with pain logged, by the pain-monitoring model's zones (pain
/// during by its limits, the next morning by its own stricter one), with the rating behind it
/// in words: `pain 6/10 during`, `4/10 next morning`.
pub fn day_pain(
    points: &[PainPoint],
    limits: crate::model::PainLimits,
) -> std::collections::BTreeMap<NaiveDate, (super::PainZone, String)> {
    use super::PainZone;
    let mut days: std::collections::BTreeMap<NaiveDate, (PainZone, String)> =
        std::collections::BTreeMap::new();
    for p in points {
        let during = p
            .during
            .map(|d| (PainZone::during(d, limits), format!("pain {d}/10 during")));
        let next = p.next_morning.map(|n| {
            (
                PainZone::next_morning(n, limits),
                format!("{n}/10 next morning"),
            )
        });
        for (zone, words) in during.into_iter().chain(next) {
            let worse = days.get(&p.date).is_none_or(|(z, _)| zone > *z);
            if worse {
                days.insert(p.date, (zone, words));
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PromScore;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("valid date")
    }

    #[test]
    fn prom_series_sort_by_date_and_take_the_first_as_baseline() {
        let score = |date, measure, score| PromScore {
            date,
            measure,
            score,
        };
        let proms = vec![
            score(d(2, 1), Prom::VisaH, 70.0),
            score(d(1, 5), Prom::HagosPain, 40.0),
            score(d(1, 5), Prom::VisaH, 50.0),
            score(d(2, 1), Prom::HagosPain, 62.5),
        ];
        let series = prom_series(&proms);
        let measures: Vec<Prom> = series.iter().map(|s| s.measure).collect();
        assert_eq!(measures, vec![Prom::HagosPain, Prom::VisaH]);
        assert_eq!(series[1].points, vec![(d(1, 5), 50.0), (d(2, 1), 70.0)]);
        assert_eq!(series[1].baseline, 50.0);
        assert_eq!(series[1].sdc, None);
        assert_eq!(series[0].sdc, Some((17.7, 33.8)));
        assert!(change_words(&series[0], 50.0).contains("may be measurement error"));
        assert!(change_words(&series[0], 62.5).contains("+22.5 points"));
        assert!(change_words(&series[0], 62.5).contains("some subscales"));
        assert!(change_words(&series[0], 80.0).contains("more than measurement error"));
        assert!(change_words(&series[1], 70.0).contains("no smallest detectable change"));
    }

    #[test]
    fn adherence_words() {
        let a = Adherence {
            due: 6,
            done: 4,
            partial: 1,
            missed: 1,
            exercises_due: 12,
            exercises_done: 9,
        };
        assert_eq!(
            adherence_summary(&a),
            "4 of 6 sessions done (75 % of exercises checked off), 1 partly done, 1 missed"
        );
        assert_eq!(
            adherence_summary(&Adherence::default()),
            "No sessions due yet"
        );
    }
}
