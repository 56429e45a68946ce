//! `project`: the whole plan resolved week by week and day by day, with its load metrics.
//! The UI and the command line only ever read a `Projection`; they never compute doses.

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use crate::model::{Category, Dose, Load, MAX_WEEKS, Plan, Reps, Tempo, Weekday};

use super::metrics::{self, Metric, MetricChanges, Metrics};
use super::progress::State;
use super::sessions::{fill_days_in_week, usual_sessions_per_week};

/// One set as the athlete does it: what `show --json` lists per set. Made from the dose when
/// asked for ([`Item::sets`]), never stored: a plan's weeks would otherwise hold a record per
/// set.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SetDose {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps_min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps_max: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_secs: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_kg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
}

/// One prescription in one week, resolved. In JSON it also lists its `sets` (see
/// [`Item::sets`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub prescription_id: u32,
    /// The exercise done this week (a ladder rule may have moved it on).
    pub exercise_id: String,
    pub exercise_name: String,
    /// Sessions of this exercise in the week.
    pub sessions: u32,
    pub supervised_sessions: u32,
    /// The full resolved dose (load unit, tempo, rest, side, ...).
    pub dose: Dose,
    /// Tempo used for time under tension (the dose's, else the exercise's).
    pub tempo: Option<Tempo>,
    /// The week's figures for this exercise (all its sessions).
    pub metrics: Metrics,
    /// The figures of one session.
    pub per_session: Metrics,
    /// Sessions a week the schedule gives on average (3.5 for every other day, whose weeks
    /// alternate 4 and 3): the guardrails compare weeks at this frequency, so a rise the
    /// calendar alone makes is not a rise.
    pub usual_sessions: f64,
    pub deload: bool,
    /// Progression held this week.
    pub hold: bool,
    /// Values came from an explicit per-week table.
    pub from_table: bool,
    /// The published protocol a table rule reproduces (the table's `source`), when this week's
    /// dose is that table's: set in a week the table lists, and kept in the weeks after it for
    /// as long as the dose stays what the table gave. A rise it prescribes is reported as a note
    /// naming it. Not written to JSON.
    pub table_source: Option<String>,
    /// Category of the exercise done this week (time under tension counts only strength and
    /// isometric work). Not written to JSON.
    pub category: Option<Category>,
}

impl Item {
    /// Each set as the athlete does it, made from the dose (the projection keeps no record
    /// per set).
    pub fn sets(&self) -> Vec<SetDose> {
        sets_of(&self.dose).collect()
    }

    /// The week's figure of `metric` at the schedule's usual frequency (`per_session` x
    /// `usual_sessions`): what the guardrails compare from week to week.
    pub fn usual_week(&self, metric: Metric) -> f64 {
        match metric {
            Metric::Sessions => self.usual_sessions,
            _ => self.per_session.get(metric) * self.usual_sessions,
        }
    }

    /// `3 x 10 @ 4.5 kg`, `5 x 45 s`, `3 x 12/10/8`, `1 x 20 min`, with side.
    pub fn dose_label(&self) -> String {
        dose_label(&self.dose)
    }
}

/// The JSON of an item: its fields in order, with `sets` (one record per set, made while
/// writing) after `supervised_sessions`, and without `table_source` and `category`.
impl Serialize for Item {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            prescription_id: u32,
            exercise_id: &'a str,
            exercise_name: &'a str,
            sessions: u32,
            supervised_sessions: u32,
            sets: Sets<'a>,
            dose: &'a Dose,
            #[serde(skip_serializing_if = "Option::is_none")]
            tempo: Option<&'a Tempo>,
            metrics: &'a Metrics,
            per_session: &'a Metrics,
            usual_sessions: f64,
            deload: bool,
            hold: bool,
            from_table: bool,
        }
        // Destructured so that a new field fails to compile here until it is written or
        // left out on purpose.
        let Item {
            prescription_id,
            exercise_id,
            exercise_name,
            sessions,
            supervised_sessions,
            dose,
            tempo,
            metrics,
            per_session,
            usual_sessions,
            deload,
            hold,
            from_table,
            table_source: _,
            category: _,
        } = self;
        Json {
            prescription_id: *prescription_id,
            exercise_id,
            exercise_name,
            sessions: *sessions,
            supervised_sessions: *supervised_sessions,
            sets: Sets(dose),
            dose,
            tempo: tempo.as_ref(),
            metrics,
            per_session,
            usual_sessions: *usual_sessions,
            deload: *deload,
            hold: *hold,
            from_table: *from_table,
        }
        .serialize(serializer)
    }
}

/// The sets of a dose as a JSON list, made one at a time while writing.
struct Sets<'a>(&'a Dose);

impl Serialize for Sets<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(sets_of(self.0))
    }
}

/// Short text of a dose, loads in kg: `Dose::label` (the one wording of a dose).
pub fn dose_label(dose: &Dose) -> String {
    dose.label(crate::model::LoadUnit::Kg)
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekPlan {
    pub week: u32,
    pub phase: Option<String>,
    /// Any prescription deloads this week.
    pub deload: bool,
    pub items: Vec<Item>,
    pub totals: Metrics,
    /// Percent change of each total from the week before (none when last week had none).
    pub change_pct: MetricChanges,
    /// Acute:chronic ratio of each metric at the week's end, rolling-average ("coupled") form:
    /// the mean daily load of the last 7 days over the mean daily load of the last 28 days
    /// (which include those 7), the daily loads taken at the schedules' usual frequency. None
    /// before 28 days of load. A spike heuristic only, not an injury predictor.
    pub acwr: MetricChanges,
}

/// One exercise in one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionItem {
    pub prescription_id: u32,
    /// Shared with the other sessions of the same week (a plan has thousands of sessions).
    pub exercise_id: std::sync::Arc<str>,
    pub supervised: bool,
}

/// One session: a day (and slot, for twice-a-day work) with the exercises done in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    /// Calendar date, when the plan has a start date.
    pub date: Option<NaiveDate>,
    /// Days from the plan's first day (0-based).
    pub day: u32,
    pub week: u32,
    /// 0 for the first session of the day, 1 for the second, ...
    pub slot: u32,
    pub supervised: bool,
    pub items: Vec<SessionItem>,
}

/// The plan resolved: every week, every session, and plan totals.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Projection {
    pub weeks: Vec<WeekPlan>,
    pub sessions: Vec<Session>,
    pub totals: Metrics,
    pub supervised_sessions: u32,
}

impl Projection {
    /// The week with number `week` (1-based).
    pub fn week(&self, week: u32) -> Option<&WeekPlan> {
        self.weeks.get(week.checked_sub(1)? as usize)
    }

    /// Ids of the exercises a metric includes (those contributing a non-zero figure).
    pub fn included(&self, metric: Metric) -> Vec<String> {
        let mut ids: Vec<String> = self
            .weeks
            .iter()
            .flat_map(|w| w.items.iter())
            .filter(|i| i.metrics.get(metric) > 0.0)
            .map(|i| i.exercise_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The Monday of the week `date` falls in (weeks run Monday to Sunday, as plans do).
pub fn monday_of(date: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
}

fn to_weekday(d: chrono::Weekday) -> Weekday {
    Weekday::ALL[d.num_days_from_monday() as usize]
}

fn sets_of(dose: &Dose) -> impl ExactSizeIterator<Item = SetDose> + '_ {
    (0..dose.sets as usize).map(|i| {
        let (reps, reps_min, reps_max) = match &dose.reps {
            None => (None, None, None),
            Some(Reps::Range(a, b)) => (None, Some(*a), Some(*b)),
            Some(r) => (Some(r.for_set(i).0), None, None),
        };
        SetDose {
            reps,
            reps_min,
            reps_max,
            hold_secs: dose.hold_secs,
            load_kg: match dose.load {
                Load::Kg(kg) => Some(kg),
                _ => None,
            },
            minutes: dose.minutes,
        }
    })
}

fn session(date: Option<NaiveDate>, day: u32, slot: u32, items: Vec<SessionItem>) -> Session {
    Session {
        date,
        day,
        week: day / 7 + 1,
        slot,
        supervised: items.iter().any(|i| i.supervised),
        items,
    }
}

/// Each week's acute:chronic ratios (`WeekPlan::acwr`). Daily loads at the schedules' usual
/// frequency: each week's usual figures spread evenly over its 7 days, so a calendar that
/// alternates 4 and 3 sessions, or a session every two weeks, is not taken for a spike.
fn acute_chronic(weeks: &mut [WeekPlan]) {
    let ratios: Vec<Vec<Option<f64>>> = Metric::ALL
        .iter()
        .map(|&m| {
            let daily: Vec<f64> = weeks
                .iter()
                .flat_map(|wp| {
                    let usual: f64 = wp.items.iter().map(|i| i.usual_week(m)).sum();
                    std::iter::repeat_n(usual / 7.0, 7)
                })
                .collect();
            metrics::rolling_acwr(&daily, weeks.len())
        })
        .collect();
    for (w, wp) in weeks.iter_mut().enumerate() {
        wp.acwr = MetricChanges::from_fn(|m| {
            let k = Metric::ALL.iter().position(|x| *x == m)?;
            ratios[k][w]
        });
    }
}

/// Resolves the plan into weeks, sessions and load metrics. Deterministic; never panics.
pub fn project(plan: &Plan) -> Projection {
    let n_weeks = plan.length_weeks().min(MAX_WEEKS);
    let start_weekday = plan
        .start_date
        .map_or(Weekday::Mon, |d| to_weekday(d.weekday()));
    let mut weeks: Vec<WeekPlan> = (1..=n_weeks)
        .map(|w| WeekPlan {
            week: w,
            phase: plan.phase_of(w).map(|p| p.name.clone()),
            deload: false,
            items: Vec::with_capacity(plan.prescriptions.len()),
            totals: Metrics::default(),
            change_pct: MetricChanges::default(),
            acwr: MetricChanges::default(),
        })
        .collect();
    // Per day: (slot, item), built per prescription in plan order.
    let per_day = plan.prescriptions.len().clamp(1, 64);
    let mut days_items: Vec<Vec<(u32, SessionItem)>> = (0..n_weeks as usize * 7)
        .map(|_| Vec::with_capacity(per_day))
        .collect();
    let exercises: std::collections::HashMap<&str, &crate::model::Exercise> =
        plan.exercises.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut days: Vec<(u32, u32)> = Vec::with_capacity(16);

    for rx in &plan.prescriptions {
        let first = rx.weeks.first.max(1);
        let last = rx.weeks.last.min(n_weeks);
        if first > last {
            continue;
        }
        let mut state = State::new(rx, plan.unit);
        let mut shared_id: std::sync::Arc<str> = state.exercise.as_str().into();
        let mut exercise = exercises.get(state.exercise.as_str()).copied();
        // The sourced table this prescription's dose last came from, with that dose, the
        // sessions and the exercise: kept while the dose stays the table's.
        let mut table: Option<(String, Dose, Option<u32>, String)> = None;
        for week in first..=last {
            let touched = state.advance(plan, rx, week);
            let deload = state.deload(week);
            let dose = state.resolve(deload);
            if *shared_id != *state.exercise {
                // A ladder rule moved the prescription to another exercise.
                shared_id = state.exercise.as_str().into();
                exercise = exercises.get(state.exercise.as_str()).copied();
            }
            let tempo = dose.tempo.or(exercise.and_then(|e| e.tempo));
            fill_days_in_week(
                &mut days,
                &rx.schedule,
                state.sessions,
                week,
                first,
                start_weekday,
            );
            let sessions = days.len() as u32;
            let supervised = rx.supervised_per_week.min(sessions);
            let category = exercise.map(|e| e.category);
            let per_session = metrics::session_metrics(&dose, tempo, category);
            if touched.from_table {
                table = state.table_source(rx, week).map(|s| {
                    (
                        s.to_owned(),
                        dose.clone(),
                        state.sessions,
                        state.exercise.clone(),
                    )
                });
            } else if deload.is_none()
                && table.as_ref().is_some_and(|(_, d, n, id)| {
                    *d != dose || *n != state.sessions || *id != state.exercise
                })
            {
                table = None;
            }
            for (i, &(day, slot)) in days.iter().enumerate() {
                if let Some(list) = days_items.get_mut(day as usize) {
                    list.push((
                        slot,
                        SessionItem {
                            prescription_id: rx.id,
                            exercise_id: shared_id.clone(),
                            supervised: (i as u32) < supervised,
                        },
                    ));
                }
            }
            let item = Item {
                prescription_id: rx.id,
                exercise_id: state.exercise.clone(),
                exercise_name: exercise.map_or_else(
                    || plan.exercise_name(&state.exercise).into_owned(),
                    |e| e.name.clone(),
                ),
                sessions,
                supervised_sessions: supervised,
                tempo,
                metrics: per_session.times_sessions(sessions),
                per_session,
                usual_sessions: usual_sessions_per_week(&rx.schedule, state.sessions),
                deload: deload.is_some(),
                hold: week > first && state.is_hold(week),
                from_table: touched.from_table,
                table_source: table.as_ref().map(|(s, ..)| s.clone()),
                category,
                dose,
            };
            if let Some(wp) = weeks.get_mut(week as usize - 1) {
                wp.deload |= item.deload;
                wp.items.push(item);
            }
        }
    }

    let mut sessions: Vec<Session> = Vec::with_capacity(days_items.len());
    for (day, list) in days_items.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let day = day as u32;
        let date = plan
            .start_date
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
        // One session per slot (twice-a-day work has several), items kept in plan order:
        // the sort is stable.
        let mut list = list;
        list.sort_by_key(|(slot, _)| *slot);
        let mut items = list.into_iter().peekable();
        while let Some((slot, first)) = items.next() {
            let mut in_slot = vec![first];
            while let Some((_, item)) = items.next_if(|(s, _)| *s == slot) {
                in_slot.push(item);
            }
            sessions.push(session(date, day, slot, in_slot));
        }
    }

    let mut session_counts = vec![0u32; n_weeks as usize];
    for s in &sessions {
        if let Some(c) = session_counts.get_mut(s.week as usize - 1) {
            *c += 1;
        }
    }
    let mut totals = Metrics::default();
    for (i, wp) in weeks.iter_mut().enumerate() {
        let mut t = Metrics::default();
        for item in &wp.items {
            t.add(&item.metrics);
        }
        t.sessions = session_counts[i];
        wp.totals = t;
        totals.add(&t);
    }
    for i in 1..weeks.len() {
        let before = weeks[i - 1].totals;
        let now = weeks[i].totals;
        weeks[i].change_pct =
            MetricChanges::from_fn(|m| metrics::change_pct(before.get(m), now.get(m)));
    }
    acute_chronic(&mut weeks);
    let supervised_sessions = sessions.iter().filter(|s| s.supervised).count() as u32;
    Projection {
        weeks,
        sessions,
        totals,
        supervised_sessions,
    }
}
