//! Where in the calendar a prescription's sessions fall: day offsets from the plan start and
//! a slot within the day (for "twice a day"). Items on the same day and slot share a session.

use crate::model::{Schedule, Weekday};

/// Day offsets within a week for 0..=7 evenly spread sessions.
const SPREAD: [&[u32]; 8] = [
    &[],
    &[0],
    &[0, 3],
    &[0, 2, 4],
    &[0, 1, 3, 4],
    &[0, 1, 2, 3, 4],
    &[0, 1, 2, 3, 4, 5],
    &[0, 1, 2, 3, 4, 5, 6],
];

/// The (day, slot) pairs of N evenly spread sessions in week 1.
#[cfg(test)]
fn spread(n: u32) -> Vec<(u32, u32)> {
    days_in_week(&Schedule::PerWeek(n), None, 1, 1, Weekday::Mon)
}

/// The (day offset from plan start, slot) of every session of one prescription in plan week
/// `week` (1-based). `sessions_override` replaces the schedule with N per week (table rows).
/// `start_weekday` is the weekday of the plan's first day (Monday when undated).
/// `first_week` is the prescription's first week (every-N-days counts from its first day).
#[cfg(test)]
pub(crate) fn days_in_week(
    schedule: &Schedule,
    sessions_override: Option<u32>,
    week: u32,
    first_week: u32,
    start_weekday: Weekday,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    fill_days_in_week(
        &mut out,
        schedule,
        sessions_override,
        week,
        first_week,
        start_weekday,
    );
    out
}

/// As `days_in_week`, writing into `out` (cleared first) so a caller can reuse one buffer.
/// How many sessions a week the schedule gives on average, with the table's override: every
/// other day is 3.5 a week although the calendar alternates 4 and 3. A rise that only the
/// calendar makes is not a rise; the guardrails compare weeks at this frequency.
pub(crate) fn usual_sessions_per_week(schedule: &Schedule, sessions_override: Option<u32>) -> f64 {
    match (sessions_override, schedule) {
        (Some(n), _) | (None, &Schedule::PerWeek(n)) => f64::from(n.min(14)),
        (None, Schedule::Weekdays(days)) => {
            let mut seen = [false; 7];
            for d in days {
                seen[d.index() as usize % 7] = true;
            }
            seen.iter().filter(|s| **s).count() as f64
        }
        (None, Schedule::TimesPerDay(n)) => 7.0 * f64::from((*n).clamp(1, 6)),
        (None, Schedule::EveryNDays(n)) => 7.0 / f64::from((*n).clamp(1, 28)),
    }
}

pub(crate) fn fill_days_in_week(
    out: &mut Vec<(u32, u32)>,
    schedule: &Schedule,
    sessions_override: Option<u32>,
    week: u32,
    first_week: u32,
    start_weekday: Weekday,
) {
    out.clear();
    let week_start = week.saturating_sub(1).saturating_mul(7);
    match (sessions_override, schedule) {
        (Some(n), _) | (None, &Schedule::PerWeek(n)) => {
            let n = n.min(14);
            let full_days = n / 7;
            for slot in 0..full_days {
                out.extend((0..7).map(|d| (week_start + d, slot)));
            }
            out.extend(
                SPREAD[(n % 7) as usize]
                    .iter()
                    .map(|&d| (week_start + d, full_days)),
            );
            out.sort_unstable();
        }
        (None, Schedule::Weekdays(days)) => {
            let mut seen = [false; 7];
            for d in days {
                seen[((d.index() + 7 - start_weekday.index()) % 7) as usize] = true;
            }
            out.extend(
                (0..7u32)
                    .filter(|&d| seen[d as usize])
                    .map(|d| (week_start + d, 0)),
            );
        }
        (None, Schedule::TimesPerDay(n)) => {
            let n = (*n).clamp(1, 6);
            out.extend((0..7).flat_map(|d| (0..n).map(move |s| (week_start + d, s))));
        }
        (None, Schedule::EveryNDays(n)) => {
            let n = (*n).clamp(1, 28);
            let first_day = first_week.saturating_sub(1).saturating_mul(7);
            out.extend(
                (0..7)
                    .map(|d| week_start + d)
                    .filter(|&day| day >= first_day && (day - first_day).is_multiple_of(n))
                    .map(|day| (day, 0)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_week_spreads_over_the_week() {
        assert_eq!(spread(3), vec![(0, 0), (2, 0), (4, 0)]);
        assert_eq!(spread(9).len(), 9);
        assert_eq!(spread(0), vec![]);
    }

    #[test]
    fn weekdays_follow_the_start_day() {
        let s = Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]);
        // Plan starts on a Wednesday: Thursday is day 1, Monday day 5 of each week.
        assert_eq!(
            days_in_week(&s, None, 2, 1, Weekday::Wed),
            vec![(8, 0), (12, 0)]
        );
    }

    #[test]
    fn every_third_day_runs_across_weeks() {
        let s = Schedule::EveryNDays(3);
        let w1 = days_in_week(&s, None, 1, 1, Weekday::Mon);
        let w2 = days_in_week(&s, None, 2, 1, Weekday::Mon);
        assert_eq!(w1, vec![(0, 0), (3, 0), (6, 0)]);
        assert_eq!(w2, vec![(9, 0), (12, 0)]);
    }

    #[test]
    fn twice_a_day_gives_two_slots() {
        let s = Schedule::TimesPerDay(2);
        let w = days_in_week(&s, None, 1, 1, Weekday::Mon);
        assert_eq!(w.len(), 14);
        assert!(w.contains(&(0, 1)));
    }
}

#[cfg(test)]
mod usual_tests {
    use super::*;
    use crate::model::Weekday;

    #[test]
    fn the_usual_frequency_is_the_schedules_average() {
        assert_eq!(usual_sessions_per_week(&Schedule::PerWeek(3), None), 3.0);
        assert_eq!(usual_sessions_per_week(&Schedule::EveryNDays(2), None), 3.5);
        assert_eq!(
            usual_sessions_per_week(&Schedule::TimesPerDay(2), None),
            14.0
        );
        let days = Schedule::Weekdays(vec![Weekday::Mon, Weekday::Wed, Weekday::Mon]);
        assert_eq!(usual_sessions_per_week(&days, None), 2.0);
        // A table row's sessions win.
        assert_eq!(
            usual_sessions_per_week(&Schedule::EveryNDays(2), Some(1)),
            1.0
        );
    }
}
