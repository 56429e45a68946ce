//! Pain-guided progression (docs/clinical.md#pain-monitoring, Silbernagel 2007). Each logged
//! exercise is classified green, amber or red from pain during and the next morning; amber
//! holds the next session of that exercise at the dose just done, red reduces one variable of
//! it, green lets the plan go on. The result is a list of proposed adjustments: the plan is
//! never changed, and the clinician accepts, changes or dismisses each one.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Decision, Dose, ExerciseLog, Load, NextMorning, PainLimits, Plan, Reps};

use super::projection::{Item, Projection};
use super::words::{Change, Reason, Trigger};

/// The traffic light of one logged exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Response {
    /// Pain during 0-2 and settled by the next morning: progress as planned.
    Green,
    /// Pain during 3-5 and settled by the next morning: hold the dose.
    Amber,
    /// Pain during above 5, or not settled (or worse) the next morning: reduce the dose.
    Red,
}

impl Response {
    /// Lower-case name.
    pub fn label(self) -> &'static str {
        match self {
            Response::Green => "green",
            Response::Amber => "amber",
            Response::Red => "red",
        }
    }
}

/// Classifies one exercise's pain report; `None` when nothing was reported.
///
/// docs/clinical.md#pain-monitoring: pain during 0-2 is safe, 3-5 acceptable, >5 too much (the
/// plan's `limits` may lower them), and pain must settle by the next morning. The next morning is settled when reported so, or when its
/// rating is back in the safe zone (0-2); a higher rating (not settled, or worse) is red
/// whatever the pain during, as the 24-hour response matters most. Without a next-morning
/// report (not known yet) the pain during decides.
pub fn classify(
    limits: PainLimits,
    during: Option<u8>,
    next: Option<NextMorning>,
) -> Option<Response> {
    if during.is_none() && next.is_none() {
        return None;
    }
    // One table for the whole program: the zones the pickers, the chart and the calendar
    // colour by; the verdict is the worse of pain during and the next morning.
    let during_zone = super::PainZone::during(during.unwrap_or(0), limits);
    let next_zone = match next {
        Some(NextMorning::Settled) | None => super::PainZone::Green,
        Some(NextMorning::Pain(n)) => super::PainZone::next_morning(n, limits),
    };
    Some(match during_zone.max(next_zone) {
        super::PainZone::Green => Response::Green,
        super::PainZone::Amber => Response::Amber,
        super::PainZone::Red => Response::Red,
    })
}

/// The response of a logged exercise entry (only entries marked done count).
pub fn response_of(limits: PainLimits, entry: &ExerciseLog) -> Option<Response> {
    if !entry.done {
        return None;
    }
    classify(limits, entry.pain_during, entry.pain_next_morning)
}

/// What an adjustment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AdjustmentKind {
    /// Keep the dose just done instead of progressing (amber).
    Hold,
    /// Reduce one variable of the dose just done (red).
    Reduce,
}

/// Where the clinician stands on an adjustment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AdjustmentStatus {
    /// Proposed, not yet reviewed: shown to the athlete as proposed.
    Pending,
    Accepted,
    /// Accepted with a dose the clinician chose.
    Changed,
    /// The planned dose stands.
    Dismissed,
}

impl AdjustmentStatus {
    /// Lower-case name.
    pub fn label(self) -> &'static str {
        match self {
            AdjustmentStatus::Pending => "pending",
            AdjustmentStatus::Accepted => "accepted",
            AdjustmentStatus::Changed => "changed",
            AdjustmentStatus::Dismissed => "dismissed",
        }
    }
}

/// A proposed change to the next session of one prescription, following a logged session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    pub prescription_id: u32,
    /// The session adjusted: its week, date and slot.
    pub week: u32,
    pub date: NaiveDate,
    pub slot: u32,
    /// The logged session the adjustment follows from.
    pub basis_date: NaiveDate,
    pub basis_slot: u32,
    pub response: Response,
    pub kind: AdjustmentKind,
    /// The exercise and dose the plan has for the session.
    pub planned_exercise: String,
    pub planned: Dose,
    /// The exercise and dose the engine proposes.
    pub exercise: String,
    pub proposed: Dose,
    pub status: AdjustmentStatus,
    /// What the athlete does: the proposed dose (pending or accepted), the clinician's
    /// (changed) or the planned one (dismissed).
    pub effective: Dose,
    /// Why: the pain report it follows and the change it calls for (each view words it:
    /// "pain 6/10 during on 3 Dec: load reduced from 7.5 kg to 6 kg"). In JSON as
    /// `reason_detail`, beside the words a reader gives as `reason`.
    #[serde(rename = "reason_detail")]
    pub reason: Reason,
    /// The adjusted session has been logged already (the adjustment is history).
    pub past: bool,
}

impl Adjustment {
    /// The adjustment still needs the clinician's review.
    pub fn is_pending(&self) -> bool {
        self.status == AdjustmentStatus::Pending && !self.past
    }
}

/// A log entry: (date, slot, the entry).
type Logged<'a> = (NaiveDate, u32, &'a ExerciseLog);

/// Every adjustment the log calls for, in date order of the adjusted sessions.
pub fn adjustments(plan: &Plan, projection: &Projection) -> Vec<Adjustment> {
    let mut out = Vec::new();
    if plan.log.is_empty() {
        return out;
    }
    // Done entries per prescription, and each prescription's dated sessions, in order: one
    // pass over each, so a year of logs on a big plan stays cheap.
    let mut done: HashMap<u32, Vec<Logged>> = HashMap::new();
    for s in &plan.log {
        for e in s.exercises.iter().filter(|e| e.done) {
            done.entry(e.prescription)
                .or_default()
                .push((s.date, s.slot, e));
        }
    }
    for list in done.values_mut() {
        list.sort_by_key(|&(d, slot, _)| (d, slot));
    }
    let last_logged = done
        .values()
        .filter_map(|l| l.last().map(|&(d, s, _)| (d, s)))
        .max();
    let mut sessions: HashMap<u32, Vec<(NaiveDate, u32, u32)>> = HashMap::new();
    for s in &projection.sessions {
        let Some(d) = s.date else { continue };
        for item in &s.items {
            if done.contains_key(&item.prescription_id) {
                sessions
                    .entry(item.prescription_id)
                    .or_default()
                    .push((d, s.slot, s.week));
            }
        }
    }
    let no_sessions = Vec::new();
    for rx in &plan.prescriptions {
        let Some(logged) = done.get(&rx.id) else {
            continue;
        };
        let rx_sessions = sessions.get(&rx.id).unwrap_or(&no_sessions);
        for (i, &(date, slot, entry)) in logged.iter().enumerate() {
            let Some(response) = response_of(plan.pain_limits, entry) else {
                continue;
            };
            if response == Response::Green {
                continue;
            }
            let Some((week, next_date, next_slot)) =
                next_session(rx_sessions, logged, last_logged, date, slot)
            else {
                continue;
            };
            // A later log before the adjusted session supersedes this one.
            let later = logged.get(i + 1).map(|&(d, s, _)| (d, s));
            if later.is_some_and(|l| l < (next_date, next_slot)) {
                continue;
            }
            let Some(basis_item) = week_of(plan, date).and_then(|w| item_on(projection, rx.id, w))
            else {
                continue;
            };
            let Some(planned_item) = item_on(projection, rx.id, week) else {
                continue;
            };
            let basis = done_dose(&basis_item.dose, entry);
            let Some(proposal) = propose(response, &basis, entry, planned_item) else {
                continue;
            };
            // A decision holds for the proposal it was made on: when a later report changes
            // the proposal, it is proposed (pending) again.
            let decision = plan.adjustments.iter().find(|d| {
                d.prescription == rx.id
                    && d.date == next_date
                    && d.slot == next_slot
                    && d.proposed.as_ref().is_none_or(|p| *p == proposal.dose)
            });
            let (status, effective) = match decision.map(|d| &d.decision) {
                None => (AdjustmentStatus::Pending, proposal.dose.clone()),
                Some(Decision::Accept) => (AdjustmentStatus::Accepted, proposal.dose.clone()),
                Some(Decision::Change(dose)) => (AdjustmentStatus::Changed, dose.clone()),
                Some(Decision::Dismiss) => (AdjustmentStatus::Dismissed, planned_item.dose.clone()),
            };
            // History once the adjusted session is logged, or once the athlete has logged a
            // later session of the exercise (the adjusted one was missed).
            let past = logged
                .last()
                .is_some_and(|&(d, s, _)| (d, s) >= (next_date, next_slot) && later.is_some());
            out.push(Adjustment {
                prescription_id: rx.id,
                week,
                date: next_date,
                slot: next_slot,
                basis_date: date,
                basis_slot: slot,
                response,
                kind: proposal.kind,
                planned_exercise: planned_item.exercise_id.clone(),
                planned: planned_item.dose.clone(),
                exercise: proposal.exercise,
                proposed: proposal.dose,
                status,
                effective,
                reason: Reason {
                    trigger: trigger(plan.pain_limits, entry),
                    date,
                    change: proposal.change,
                },
                past,
            });
        }
    }
    // Adjustments are large: sort their order, then move each once.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].date, out[i].slot, out[i].prescription_id));
    let mut slots: Vec<Option<Adjustment>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The adjustment in force for prescription `id`'s session on `date`/`slot`, if any.
pub fn adjustment_for(
    adjustments: &[Adjustment],
    id: u32,
    date: NaiveDate,
    slot: u32,
) -> Option<&Adjustment> {
    adjustments
        .iter()
        .find(|a| a.prescription_id == id && a.date == date && a.slot == slot)
}

struct Proposal {
    kind: AdjustmentKind,
    exercise: String,
    dose: Dose,
    /// What changes.
    change: Change,
}

/// The proposal for the next session, or `None` when the planned dose already is no higher
/// than what the response allows.
fn propose(
    response: Response,
    basis: &Dose,
    entry: &ExerciseLog,
    planned: &Item,
) -> Option<Proposal> {
    let same_exercise = planned.exercise_id == entry.exercise;
    // Holding: never more than was just done, variable by variable. When the ladder moves
    // on to a harder variation, stay on the one just done, at the dose just done.
    let held = if same_exercise {
        no_higher(&planned.dose, basis)
    } else {
        basis.clone()
    };
    match response {
        Response::Green => None,
        Response::Amber => {
            if same_exercise && held == planned.dose {
                return None;
            }
            let change = if same_exercise {
                Change::Held {
                    dose: held.clone(),
                    planned: planned.dose.clone(),
                }
            } else {
                Change::StayOn {
                    exercise: entry.exercise.clone(),
                    dose: held.clone(),
                    planned_exercise: planned.exercise_id.to_string(),
                }
            };
            Some(Proposal {
                kind: AdjustmentKind::Hold,
                exercise: entry.exercise.clone(),
                dose: held,
                change,
            })
        }
        Response::Red => {
            let (reduced, change) = reduce_one(basis);
            let dose = no_higher(&held, &reduced);
            if same_exercise && dose == planned.dose {
                return None;
            }
            Some(Proposal {
                kind: AdjustmentKind::Reduce,
                exercise: entry.exercise.clone(),
                dose,
                change,
            })
        }
    }
}

/// The pain report an adjustment follows: the next morning when it was not settled (it decides
/// most), else the pain during.
fn trigger(limits: PainLimits, entry: &ExerciseLog) -> Trigger {
    let during = entry.pain_during.unwrap_or(0);
    match entry.pain_next_morning {
        Some(NextMorning::Pain(n)) if n > limits.safe_max && during <= limits.acceptable_max => {
            Trigger::NextMorning {
                pain: n,
                worse: n > during,
            }
        }
        _ => Trigger::During { pain: during },
    }
}

/// The dose as done: the week's planned dose with whatever the athlete recorded instead.
pub fn done_dose(planned: &Dose, entry: &ExerciseLog) -> Dose {
    let mut dose = planned.clone();
    if let Some(sets) = entry.sets {
        dose.sets = sets;
    }
    if let Some(reps) = entry.reps {
        dose.reps = Some(Reps::Fixed(reps));
    }
    if let Some(kg) = entry.load_kg {
        dose.load = Load::Kg(kg);
    }
    if let Some(hold) = entry.hold_secs {
        dose.hold_secs = Some(hold);
    }
    dose
}

/// `planned`, with every dose variable lowered to `cap`'s where `cap`'s is lower.
fn no_higher(planned: &Dose, cap: &Dose) -> Dose {
    let mut out = planned.clone();
    out.sets = out.sets.min(cap.sets);
    if let (Some(p), Some(c)) = (&planned.reps, &cap.reps)
        && reps_total(c, cap.sets) < reps_total(p, cap.sets)
    {
        out.reps = Some(c.clone());
    }
    if let (Load::Kg(p), Load::Kg(c)) = (&planned.load, &cap.load)
        && c < p
    {
        out.load = Load::Kg(*c);
    }
    out.hold_secs = min_opt(planned.hold_secs, cap.hold_secs);
    out.minutes = min_opt(planned.minutes, cap.minutes);
    out
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, _) => a,
    }
}

fn reps_total(reps: &Reps, sets: u32) -> u32 {
    (0..sets.max(1) as usize).map(|i| reps.for_set(i).1).sum()
}

/// Reduces one variable (one at a time: docs/clinical.md#pain-monitoring): the load by about a
/// fifth when it is in kg, else the reps, else the hold time, else the minutes, else a set.
fn reduce_one(dose: &Dose) -> (Dose, Change) {
    let mut out = dose.clone();
    if let Load::Kg(kg) = dose.load
        && kg > 0.0
    {
        let mut new = (kg * 0.8 * 2.0).round() / 2.0;
        if new >= kg {
            new = (kg - 0.5).max(0.0);
        }
        out.load = Load::Kg(new);
        let change = Change::Load {
            from_kg: kg,
            to_kg: new,
        };
        return (out, change);
    }
    if let Some(reps) = &dose.reps {
        let cut = |n: u32| {
            n.saturating_sub(((f64::from(n) * 0.2).round() as u32).max(1))
                .max(1)
        };
        let new = match reps {
            Reps::Fixed(n) => Reps::Fixed(cut(*n)),
            Reps::Range(a, b) => Reps::Range(cut(*a), cut(*b)),
            Reps::PerSet(list) => Reps::PerSet(list.iter().map(|&n| cut(n)).collect()),
        };
        if &new != reps {
            let change = Change::Reps {
                from: reps.clone(),
                to: new.clone(),
            };
            out.reps = Some(new);
            return (out, change);
        }
    }
    if let Some(h) = dose.hold_secs
        && h > 1.0
    {
        let new = (h * 0.8).round().min(h - 1.0).max(1.0);
        out.hold_secs = Some(new);
        let change = Change::Hold {
            from_secs: h,
            to_secs: new,
        };
        return (out, change);
    }
    if let Some(m) = dose.minutes
        && m > 1.0
    {
        let new = (m * 0.8).round().min(m - 1.0).max(1.0);
        out.minutes = Some(new);
        return (out, Change::Minutes { from: m, to: new });
    }
    if dose.sets > 1 {
        out.sets = dose.sets - 1;
        let change = Change::Sets {
            from: dose.sets,
            to: out.sets,
        };
        return (out, change);
    }
    (out, Change::Smallest)
}

/// The session of a prescription an adjustment following `date`/`slot` is for: the next
/// dated session of it (`sessions`, in order), skipping those the athlete passed over (not
/// checked off although a later session of the plan is logged), so a reduction after a
/// painful session is not lost on a skipped one. `logged`: the prescription's done entries in
/// order. (week, date, slot).
fn next_session(
    sessions: &[(NaiveDate, u32, u32)],
    logged: &[Logged],
    last_logged: Option<(NaiveDate, u32)>,
    date: NaiveDate,
    slot: u32,
) -> Option<(u32, NaiveDate, u32)> {
    let from = sessions.partition_point(|&(d, s, _)| (d, s) <= (date, slot));
    sessions[from..].iter().find_map(|&(d, s, week)| {
        let done = logged
            .binary_search_by_key(&(d, s), |&(ld, ls, _)| (ld, ls))
            .is_ok();
        let passed_over = !done && last_logged.is_some_and(|last| (d, s) < last);
        (!passed_over).then_some((week, d, s))
    })
}

/// The plan week `date` falls in (1-based), or `None` before the plan's start or without a
/// start date.
pub fn week_of(plan: &Plan, date: NaiveDate) -> Option<u32> {
    let days = (date - plan.start_date?).num_days();
    if days < 0 {
        return None;
    }
    u32::try_from(days / 7 + 1).ok()
}

fn item_on(projection: &Projection, id: u32, week: u32) -> Option<&Item> {
    projection
        .week(week)?
        .items
        .iter()
        .find(|i| i.prescription_id == id)
}
