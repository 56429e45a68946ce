//! What "the load rose" means, defined once for the guardrails and for fitting a progression:
//! one prescription's figure in one metric, at the schedule's usual frequency
//! ([`Item::usual_week`]: every other day counts 3.5 sessions every week, so the calendar's
//! alternating 4 and 3 is not a rise), compared with the last earlier week the prescription was
//! done that was not a deload week. A deload week is compared with nothing (it drops on
//! purpose), and the week after it is compared with the last full week before it.

use super::metrics::Metric;
use super::projection::{Item, Projection};

/// Two comparable weeks of one prescription: `now` and the week it is compared with.
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    /// The earlier week and the prescription's item in it.
    pub before_week: u32,
    pub before: &'a Item,
    /// The week compared and the prescription's item in it.
    pub week: u32,
    pub now: &'a Item,
}

impl Step<'_> {
    /// The rise of `metric` in percent; `None` when the earlier week had none of it.
    pub fn rise_pct(&self, metric: Metric) -> Option<f64> {
        rise_pct(self.before.usual_week(metric), self.now.usual_week(metric))
    }
}

/// `now` against `before` in percent; `None` when `before` is not above zero.
pub fn rise_pct(before: f64, now: f64) -> Option<f64> {
    (before > 0.0 && before.is_finite() && now.is_finite()).then(|| (now - before) / before * 100.0)
}

/// Every comparable pair of weeks of prescription `id`, in week order.
pub fn steps(projection: &Projection, id: u32) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    let mut last: Option<(u32, &Item)> = None;
    for wp in &projection.weeks {
        let Some(item) = wp.items.iter().find(|i| i.prescription_id == id) else {
            continue;
        };
        if item.deload {
            continue;
        }
        if let Some((before_week, before)) = last {
            out.push(Step {
                before_week,
                before,
                week: wp.week,
                now: item,
            });
        }
        last = Some((wp.week, item));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dose, Load, Plan, Prescription, Reps, Rule, Schedule, WeekRange};

    fn plan(schedule: Schedule, rules: Vec<Rule>) -> Plan {
        let mut plan = Plan {
            weeks: 6,
            ..Plan::default()
        };
        plan.exercises
            .push(crate::library::builtin().expect("library").exercises[0].clone());
        plan.prescriptions.push(Prescription {
            id: 1,
            exercise: plan.exercises[0].id.clone(),
            weeks: WeekRange::new(1, 6),
            schedule,
            supervised_per_week: 0,
            dose: Dose {
                sets: 3,
                reps: Some(Reps::Fixed(10)),
                load: Load::Kg(10.0),
                ..Dose::default()
            },
            rules,
            notes: String::new(),
        });
        plan
    }

    #[test]
    fn every_other_day_is_not_a_rise() {
        let plan = plan(Schedule::EveryNDays(2), vec![]);
        let projection = crate::engine::project(&plan);
        let counts: Vec<u32> = projection.weeks.iter().map(|w| w.totals.sessions).collect();
        assert_eq!(counts[..2], [4, 3], "the calendar alternates");
        let steps = steps(&projection, 1);
        assert_eq!(steps.len(), 5);
        for s in steps {
            for m in Metric::LOADS {
                assert!(
                    s.rise_pct(m).is_none_or(|p| p.abs() < 1e-9),
                    "{m:?} week {}",
                    s.week
                );
            }
        }
    }

    #[test]
    fn a_deload_week_is_skipped_and_the_next_compared_with_the_week_before_it() {
        let deload = Rule::Deload {
            every_weeks: None,
            weeks: vec![3],
            volume_pct: 50.0,
            load_pct: 0.0,
        };
        let plan = plan(Schedule::PerWeek(3), vec![deload]);
        let projection = crate::engine::project(&plan);
        let pairs: Vec<(u32, u32)> = steps(&projection, 1)
            .iter()
            .map(|s| (s.before_week, s.week))
            .collect();
        assert_eq!(pairs, vec![(1, 2), (2, 4), (4, 5), (5, 6)]);
        assert_eq!(rise_pct(0.0, 5.0), None);
        assert_eq!(rise_pct(10.0, 11.0).map(|p| p.round()), Some(10.0));
    }
}
