//! Progress at a glance, from the log: each session's and day's state (planned, done, partly
//! done, missed, rest), adherence per week and overall, supervised sessions against the
//! target, pain over time, planned against actual load, and the flags a clinician acts on.
//! `today` is always a parameter, so the figures are reproducible; a report on a past day
//! reads the plan as it was known then ([`as_of`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Plan, Prom, SessionLog};

use super::adapt::{Adjustment, done_dose, week_of};
use super::check::{Severity, sources};
use super::metrics::{Metrics, session_metrics};
use super::projection::{Projection, Session};

/// The state of one planned session, or of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SessionState {
    /// Nothing planned that day.
    Rest,
    /// Due today or later, nothing checked off yet.
    Planned,
    /// Every exercise checked off.
    Done,
    /// Some exercises checked off.
    Partial,
    /// In the past and nothing checked off.
    Missed,
}

impl SessionState {
    /// Words for the calendar.
    pub fn label(self) -> &'static str {
        match self {
            SessionState::Rest => "rest day",
            SessionState::Planned => "planned",
            SessionState::Done => "done",
            SessionState::Partial => "partly done",
            SessionState::Missed => "missed",
        }
    }
}

/// How many of a planned session's exercises the log checks off.
pub fn exercises_done(session: &Session, log: Option<&SessionLog>) -> usize {
    let Some(log) = log else {
        return 0;
    };
    session
        .items
        .iter()
        .filter(|i| log.exercise(i.prescription_id).is_some_and(|e| e.done))
        .count()
}

/// The state of a planned session on `today`.
pub fn session_state(plan: &Plan, session: &Session, today: NaiveDate) -> SessionState {
    let log = session.date.and_then(|d| plan.session_log(d, session.slot));
    state_with(session, log, today)
}

/// The state of a planned session with its log (if any) already looked up.
fn state_with(session: &Session, log: Option<&SessionLog>, today: NaiveDate) -> SessionState {
    let Some(date) = session.date else {
        return SessionState::Planned;
    };
    let done = exercises_done(session, log);
    if done > 0 && done >= session.items.len() {
        SessionState::Done
    } else if done > 0 {
        SessionState::Partial
    } else if date < today {
        SessionState::Missed
    } else {
        SessionState::Planned
    }
}

/// The logged sessions by (date, slot), looked up once instead of searched per session.
fn log_index(plan: &Plan) -> HashMap<(NaiveDate, u32), &SessionLog> {
    plan.log.iter().map(|l| ((l.date, l.slot), l)).collect()
}

/// The state of a day from the states of its sessions (and a log on a day without one).
pub fn day_state(states: &[SessionState], logged_extra: bool) -> SessionState {
    if states.is_empty() {
        return if logged_extra {
            SessionState::Done
        } else {
            SessionState::Rest
        };
    }
    if states.iter().all(|s| *s == SessionState::Done) {
        SessionState::Done
    } else if states
        .iter()
        .any(|s| matches!(s, SessionState::Done | SessionState::Partial))
    {
        SessionState::Partial
    } else if states.iter().all(|s| *s == SessionState::Missed) {
        SessionState::Missed
    } else {
        SessionState::Planned
    }
}

/// The state of every dated day that has a session or a log, by date.
pub fn day_states(
    plan: &Plan,
    projection: &Projection,
    today: NaiveDate,
) -> BTreeMap<NaiveDate, SessionState> {
    let index = log_index(plan);
    let mut by_day: BTreeMap<NaiveDate, Vec<SessionState>> = BTreeMap::new();
    for s in &projection.sessions {
        if let Some(date) = s.date {
            let log = index.get(&(date, s.slot)).copied();
            by_day
                .entry(date)
                .or_default()
                .push(state_with(s, log, today));
        }
    }
    let mut out: BTreeMap<NaiveDate, SessionState> = by_day
        .into_iter()
        .map(|(d, states)| (d, day_state(&states, false)))
        .collect();
    for log in &plan.log {
        if log.exercises.iter().any(|e| e.done) {
            out.entry(log.date).or_insert(SessionState::Done);
        }
    }
    out
}

/// Sessions due, done, partly done and missed.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Adherence {
    /// Sessions planned before today, and today's once something of it is logged.
    pub due: u32,
    pub done: u32,
    pub partial: u32,
    pub missed: u32,
    /// Exercises due and checked off in those sessions.
    pub exercises_due: u32,
    pub exercises_done: u32,
}

impl Adherence {
    /// Exercises checked off as a percent of those due (`None` when nothing was due).
    pub fn pct(&self) -> Option<f64> {
        (self.exercises_due > 0)
            .then(|| 100.0 * f64::from(self.exercises_done) / f64::from(self.exercises_due))
    }

    fn add(&mut self, other: &Adherence) {
        self.due += other.due;
        self.done += other.done;
        self.partial += other.partial;
        self.missed += other.missed;
        self.exercises_due += other.exercises_due;
        self.exercises_done += other.exercises_done;
    }
}

/// One week's adherence and load, planned against done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekStatus {
    pub week: u32,
    pub adherence: Adherence,
    pub supervised_done: u32,
    /// The week's planned load (all sessions).
    pub planned: Metrics,
    /// The load logged as done (recorded actuals where given, else the planned dose);
    /// session-RPE load from the sessions' recorded effort and minutes.
    pub actual: Metrics,
}

/// Pain of one logged session: the highest pain during and next morning over its exercises.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PainPoint {
    pub date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub during: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_morning: Option<u8>,
}

/// How pain moved between the first and the last week of logs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PainTrend {
    /// Mean pain during over the first 7 days with pain logged.
    pub first_mean: f64,
    /// Mean pain during over the last 7 days with pain logged.
    pub last_mean: f64,
    /// Days between the first and the last pain report.
    pub days: i64,
}

impl PainTrend {
    /// Words: "better (4.5 -> 2.0 /10)".
    pub fn label(&self) -> String {
        let word = if self.improved() {
            "better"
        } else if self.last_mean >= self.first_mean + 1.0 {
            "worse"
        } else {
            "no clear change"
        };
        format!(
            "{word} ({:.1} -> {:.1} /10 over {} days)",
            self.first_mean, self.last_mean, self.days
        )
    }

    /// Improved: down by at least one point, or in the safe zone (0-2) throughout.
    pub fn improved(&self) -> bool {
        self.last_mean <= self.first_mean - 1.0 || (self.first_mean <= 2.0 && self.last_mean <= 2.0)
    }
}

/// A flag for the clinician.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub severity: Severity,
    /// `consider-referral`, `supervised-short`, `adjustments-pending`.
    pub code: &'static str,
    pub message: String,
    pub source: &'static str,
}

/// Everything `loadplan status` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub today: NaiveDate,
    /// The plan week today falls in, if the plan has started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_week: Option<u32>,
    pub overall: Adherence,
    pub weeks: Vec<WeekStatus>,
    /// Logged supervised sessions so far.
    pub supervised_done: u32,
    /// Supervised sessions still planned after today.
    pub supervised_planned_ahead: u32,
    pub supervised_target: u32,
    pub pain: Vec<PainPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pain_trend: Option<PainTrend>,
    pub pending_adjustments: Vec<Adjustment>,
    pub flags: Vec<Flag>,
}

/// Days of logged sessions after which no improvement means "consider referral".
pub const REFERRAL_AFTER_DAYS: i64 = 21;

/// The plan as it was known on `today`: log entries and PROM scores dated after it are left
/// out, so a report on a past day counts nothing logged later (pain, supervised sessions,
/// load done, the trend, flags, the adjustments then proposed). Borrowed when nothing is
/// later.
pub fn as_of(plan: &Plan, today: NaiveDate) -> Cow<'_, Plan> {
    let later_log = plan.log.iter().any(|l| l.date > today);
    let later_prom = plan.proms.iter().any(|p| p.date > today);
    if !later_log && !later_prom {
        return Cow::Borrowed(plan);
    }
    let mut known = plan.clone();
    known.log.retain(|l| l.date <= today);
    known.proms.retain(|p| p.date <= today);
    Cow::Owned(known)
}

/// Progress of `plan` as of `today` (pass [`as_of`]`(plan, today)` for a day before the last
/// log entry).
pub fn status(
    plan: &Plan,
    projection: &Projection,
    adjustments: &[Adjustment],
    today: NaiveDate,
) -> Status {
    let mut weeks: Vec<WeekStatus> = projection
        .weeks
        .iter()
        .map(|w| WeekStatus {
            week: w.week,
            adherence: Adherence::default(),
            supervised_done: 0,
            planned: w.totals,
            actual: Metrics::default(),
        })
        .collect();
    let mut supervised_planned_ahead = 0;
    let index = log_index(plan);
    for s in &projection.sessions {
        let Some(date) = s.date else { continue };
        let log = index.get(&(date, s.slot)).copied();
        let done = exercises_done(s, log);
        // Today's session counts as due once something of it is logged; until then it is
        // still ahead (adherence does not drop every morning).
        let logged_today = date == today && done > 0;
        if date > today || (date == today && !logged_today) {
            supervised_planned_ahead += u32::from(s.supervised);
            continue;
        }
        let Some(week) = weeks.get_mut(s.week as usize - 1) else {
            continue;
        };
        let a = &mut week.adherence;
        a.due += 1;
        a.exercises_due += s.items.len() as u32;
        a.exercises_done += done as u32;
        match state_with(s, log, today) {
            SessionState::Done => a.done += 1,
            SessionState::Partial => a.partial += 1,
            SessionState::Missed => a.missed += 1,
            SessionState::Planned | SessionState::Rest => {}
        }
    }
    let mut supervised_done = 0;
    for log in &plan.log {
        let any_done = log.exercises.iter().any(|e| e.done);
        if log.supervised && any_done {
            supervised_done += 1;
        }
        let Some(week) = week_of(plan, log.date).and_then(|w| weeks.get_mut(w as usize - 1)) else {
            continue;
        };
        week.supervised_done += u32::from(log.supervised && any_done);
        week.actual.add(&actual_metrics(plan, projection, log));
    }
    let mut overall = Adherence::default();
    for w in &weeks {
        overall.add(&w.adherence);
    }
    let pain = pain_points(plan);
    let pain_trend = pain_trend(&pain);
    let pending: Vec<Adjustment> = adjustments
        .iter()
        .filter(|a| a.is_pending())
        .cloned()
        .collect();
    let mut flags = Vec::new();
    if let Some(flag) = referral_flag(plan, pain_trend.as_ref()) {
        flags.push(flag);
    }
    let target = plan.thresholds.min_supervised_sessions;
    let projected = supervised_done + supervised_planned_ahead;
    if !plan.log.is_empty() && projected < target {
        flags.push(Flag {
            severity: Severity::Warning,
            code: "supervised-short",
            message: format!(
                "{supervised_done} supervised session{} logged and {supervised_planned_ahead} still planned: {projected} by the end of the plan, fewer than the {target} recommended",
                if supervised_done == 1 { "" } else { "s" }
            ),
            source: sources::SUMMARY,
        });
    }
    if !pending.is_empty() {
        flags.push(Flag {
            severity: Severity::Note,
            code: "adjustments-pending",
            message: format!(
                "{} dose adjustment{} from the pain log waiting for review",
                pending.len(),
                if pending.len() == 1 { "" } else { "s" }
            ),
            source: PAIN_MODEL,
        });
    }
    Status {
        today,
        current_week: week_of(plan, today).filter(|w| *w as usize <= projection.weeks.len()),
        overall,
        weeks,
        supervised_done,
        supervised_planned_ahead,
        supervised_target: target,
        pain,
        pain_trend,
        pending_adjustments: pending,
        flags,
    }
}

/// The source of the pain rules.
pub const PAIN_MODEL: &str = "Pain-monitoring model (Silbernagel et al., Am J Sports Med 2007)";

/// The load one logged session did: each checked-off exercise at its recorded dose (the
/// planned dose where nothing was recorded), plus session-RPE from the recorded effort.
pub fn actual_metrics(plan: &Plan, projection: &Projection, log: &SessionLog) -> Metrics {
    let mut total = Metrics::default();
    let week = week_of(plan, log.date).and_then(|w| projection.week(w));
    let mut any_done = false;
    for entry in log.exercises.iter().filter(|e| e.done) {
        any_done = true;
        let Some(item) = week.and_then(|w| {
            w.items
                .iter()
                .find(|i| i.prescription_id == entry.prescription)
        }) else {
            continue;
        };
        let mut m = session_metrics(&done_dose(&item.dose, entry), item.tempo, item.category);
        m.sessions = 0;
        m.srpe_au = 0.0;
        total.add(&m);
    }
    if any_done {
        total.sessions = 1;
        total.srpe_au = log.srpe_load().unwrap_or(0.0);
    }
    total
}

/// Pain of every logged session with a pain report, in date order.
pub fn pain_points(plan: &Plan) -> Vec<PainPoint> {
    let mut out: Vec<PainPoint> = plan
        .log
        .iter()
        .filter_map(|log| {
            let during = log.exercises.iter().filter_map(|e| e.pain_during).max();
            let next = log
                .exercises
                .iter()
                .filter_map(|e| e.pain_next_morning.map(|n| n.value()))
                .max();
            (during.is_some() || next.is_some()).then_some(PainPoint {
                date: log.date,
                during,
                next_morning: next,
            })
        })
        .collect();
    out.sort_by_key(|p| p.date);
    out
}

/// First and last week's mean pain during, when pain was logged over at least two dates.
pub fn pain_trend(points: &[PainPoint]) -> Option<PainTrend> {
    let with: Vec<(NaiveDate, f64)> = points
        .iter()
        .filter_map(|p| Some((p.date, f64::from(p.during?))))
        .collect();
    let (first, last) = (with.first()?.0, with.last()?.0);
    if first == last {
        return None;
    }
    let mean = |it: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = it.fold((0.0, 0.0), |(s, n), x| (s + x, n + 1.0));
        sum / n
    };
    let first_mean = mean(
        &mut with
            .iter()
            .filter(|(d, _)| (*d - first).num_days() < 7)
            .map(|p| p.1),
    );
    let last_mean = mean(
        &mut with
            .iter()
            .filter(|(d, _)| (last - *d).num_days() < 7)
            .map(|p| p.1),
    );
    Some(PainTrend {
        first_mean,
        last_mean,
        days: (last - first).num_days(),
    })
}

/// Whether a PROM measure improved from its first to its latest score.
fn prom_improved(plan: &Plan) -> Option<bool> {
    let mut any_pair = false;
    for measure in Prom::ALL {
        let mut scores: Vec<_> = plan.proms.iter().filter(|p| p.measure == measure).collect();
        if scores.len() < 2 {
            continue;
        }
        scores.sort_by_key(|p| p.date);
        any_pair = true;
        if scores[scores.len() - 1].score > scores[0].score {
            return Some(true);
        }
    }
    any_pair.then_some(false)
}

/// "Consider specialist referral" when, after 3 weeks of logged sessions, neither pain nor any
/// PROM score has improved (docs/clinical.md#referral-and-other-flags: escalate after 2-3 weeks).
fn referral_flag(plan: &Plan, trend: Option<&PainTrend>) -> Option<Flag> {
    let dates = plan
        .log
        .iter()
        .filter(|l| l.exercises.iter().any(|e| e.done))
        .map(|l| l.date);
    let (first, last) = dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })?;
    let days = (last - first).num_days();
    if days < REFERRAL_AFTER_DAYS {
        return None;
    }
    let pain_better = trend.map(PainTrend::improved);
    let prom_better = prom_improved(plan);
    if pain_better == Some(true) || prom_better == Some(true) {
        return None;
    }
    if pain_better.is_none() && prom_better.is_none() {
        return None;
    }
    let pain_words = trend.map_or_else(
        || "no pain reports".to_owned(),
        |t| format!("pain {}", t.label()),
    );
    let prom_words = match prom_better {
        Some(false) => "PROM scores not improved",
        _ => "no PROM scores to compare",
    };
    Some(Flag {
        severity: Severity::Warning,
        code: "consider-referral",
        message: format!(
            "No improvement after {} weeks of logged sessions ({pain_words}; {prom_words}): consider specialist referral",
            days / 7
        ),
        source: sources::SUMMARY,
    })
}
