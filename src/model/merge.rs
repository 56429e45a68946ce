//! Two writers, one plan file. The window may hold a plan for hours while the athlete logs
//! sessions into the same file with `loadplan log`. When the window saves, the file may no
//! longer be the version it opened: [`merge`] combines the version both started from (`base`),
//! the one in the file (`theirs`) and the one about to be saved (`mine`), entry by entry.
//!
//! The athlete's part of a plan (the session log, PROM scores and the physio's decisions on
//! adjustments) is a list of entries with a key each (a session's date and slot, a score's
//! date and measure, a decision's prescription, date and slot). An entry only one side changed
//! takes that side's version; an entry both changed the same way is kept once; a session both
//! changed is merged exercise by exercise. The rest of the plan (the prescription) is one
//! piece: it merges only when at most one side changed it. Anything both sides changed
//! differently is a [`Conflict`]: nothing is guessed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;

use super::log::{AdjustmentDecision, ExerciseLog, Prom, PromScore, SessionLog};
use super::plan::Plan;

/// A plan made of this writer's version and what the other wrote meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    /// Log entries (sessions, or exercises of a session both changed; PROM scores; decisions)
    /// the other writer added, changed or removed, kept as it left them.
    pub kept_from_theirs: usize,
    /// The prescription part is the other writer's (this one did not change it).
    pub plan_from_theirs: bool,
}

/// What both writers changed differently, so neither version can be kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Both changed the plan itself (not only the log).
    Plan,
    /// Both changed the same session (the same exercise of it, or its effort, minutes,
    /// supervision or note).
    Session { date: NaiveDate, slot: u32 },
    /// Both entered a score of the same measure on the same day.
    Prom { date: NaiveDate, measure: Prom },
    /// Both decided on the same adjustment.
    Decision { prescription: u32, date: NaiveDate },
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::Plan => f.write_str("its plan was changed there too, not only its log"),
            Conflict::Session { date, slot: 0 } => {
                write!(f, "the session of {date} was logged differently there")
            }
            Conflict::Session { date, slot } => write!(
                f,
                "session {} of {date} was logged differently there",
                slot.saturating_add(1)
            ),
            Conflict::Prom { date, measure } => write!(
                f,
                "a {} score of {date} was entered differently there",
                measure.label()
            ),
            Conflict::Decision { prescription, date } => write!(
                f,
                "the adjustment of {date} (prescription {prescription}) was decided differently \
                 there"
            ),
        }
    }
}

/// Combines `mine` (this writer's version, made from `base`) with `theirs` (the version
/// another writer left, also made from `base`). See the module documentation for the rules.
pub fn merge(base: &Plan, theirs: &Plan, mine: &Plan) -> Result<Merged, Conflict> {
    let (base_part, theirs_part, mine_part) = (plan_part(base), plan_part(theirs), plan_part(mine));
    let plan_from_theirs = mine_part == base_part && theirs_part != base_part;
    if !plan_from_theirs && theirs_part != base_part && theirs_part != mine_part {
        return Err(Conflict::Plan);
    }
    let (log, sessions) = merge_keyed(
        &base.log,
        &theirs.log,
        &mine.log,
        |s| (s.date, s.slot),
        merge_sessions,
    )
    .map_err(|(date, slot)| Conflict::Session { date, slot })?;
    let (proms, scores) = merge_keyed(
        &base.proms,
        &theirs.proms,
        &mine.proms,
        prom_key,
        |_, _, _| None,
    )
    .map_err(|(date, measure)| Conflict::Prom { date, measure })?;
    let (adjustments, decisions) = merge_keyed(
        &base.adjustments,
        &theirs.adjustments,
        &mine.adjustments,
        decision_key,
        |_, _, _| None,
    )
    .map_err(|(prescription, date, _)| Conflict::Decision { prescription, date })?;
    let part = if plan_from_theirs { theirs } else { mine };
    Ok(Merged {
        plan: Plan {
            log,
            proms,
            adjustments,
            ..plan_part(part)
        },
        kept_from_theirs: sessions + scores + decisions,
        plan_from_theirs,
    })
}

/// The plan without its log, PROM scores and decisions: the part only the physio writes.
fn plan_part(plan: &Plan) -> Plan {
    let mut part = plan.clone();
    part.log.clear();
    part.proms.clear();
    part.adjustments.clear();
    part
}

fn prom_key(p: &PromScore) -> (NaiveDate, Prom) {
    (p.date, p.measure)
}

fn decision_key(d: &AdjustmentDecision) -> (u32, NaiveDate, u32) {
    (d.prescription, d.date, d.slot)
}

/// The three-way choice for one entry (`None`: absent): the side that changed it, or either
/// when both changed it the same way, with 1 when the result is `theirs`' change. `None` when
/// both changed it differently.
fn pick<'a, U: PartialEq + ?Sized>(
    base: Option<&'a U>,
    theirs: Option<&'a U>,
    mine: Option<&'a U>,
) -> Option<(Option<&'a U>, usize)> {
    if mine == base {
        Some((theirs, usize::from(theirs != base)))
    } else if theirs == base || theirs == mine {
        Some((mine, 0))
    } else {
        None
    }
}

/// The entries of a list by key, each key's entries in list order (a hand-written list may
/// repeat a key).
type Groups<'a, K, T> = BTreeMap<K, Vec<&'a T>>;

fn grouped<'a, T, K: Ord>(list: &'a [T], key: &impl Fn(&T) -> K) -> Groups<'a, K, T> {
    let mut groups = Groups::new();
    for entry in list {
        groups.entry(key(entry)).or_default().push(entry);
    }
    groups
}

/// Merges three versions of a list entry by entry (entries grouped by `key`). Entries both
/// sides changed differently go to `both` (base, theirs, mine), which merges them or gives
/// up. Returns the list (`mine` when `theirs` changed nothing, `theirs` when only it changed,
/// else ordered by key) and how many entries came from `theirs`, or the key both changed.
fn merge_keyed<T, K>(
    base: &[T],
    theirs: &[T],
    mine: &[T],
    key: impl Fn(&T) -> K,
    both: impl Fn(Option<&[&T]>, &[&T], &[&T]) -> Option<(Vec<T>, usize)>,
) -> Result<(Vec<T>, usize), K>
where
    T: Clone + PartialEq,
    K: Ord + Clone,
{
    if theirs == base {
        return Ok((mine.to_vec(), 0));
    }
    let (b, t, m) = (
        grouped(base, &key),
        grouped(theirs, &key),
        grouped(mine, &key),
    );
    let keys: BTreeSet<&K> = b.keys().chain(t.keys()).chain(m.keys()).collect();
    let mut out = Vec::new();
    let mut kept = 0;
    for k in keys {
        let (bk, tk, mk) = (
            b.get(k).map(Vec::as_slice),
            t.get(k).map(Vec::as_slice),
            m.get(k).map(Vec::as_slice),
        );
        match pick(bk, tk, mk) {
            Some((entries, n)) => {
                out.extend(entries.unwrap_or_default().iter().map(|e| (*e).clone()));
                kept += n;
            }
            None => {
                let (entries, n) = both(bk, tk.unwrap_or_default(), mk.unwrap_or_default())
                    .ok_or_else(|| k.clone())?;
                out.extend(entries);
                kept += n;
            }
        }
    }
    if mine == base {
        out = theirs.to_vec();
    }
    Ok((out, kept))
}

/// A session both sides changed: merged exercise by exercise, with its effort, minutes,
/// supervision and note as one piece.
fn merge_sessions(
    base: Option<&[&SessionLog]>,
    theirs: &[&SessionLog],
    mine: &[&SessionLog],
) -> Option<(Vec<SessionLog>, usize)> {
    let (&[t], &[m]) = (theirs, mine) else {
        return None;
    };
    let empty = SessionLog::new(m.date, m.slot);
    let b = match base {
        None => &empty,
        Some(&[b]) => b,
        Some(_) => return None,
    };
    let (exercises, kept) = merge_keyed(
        &b.exercises,
        &t.exercises,
        &m.exercises,
        |e: &ExerciseLog| e.prescription,
        |_, _, _| None,
    )
    .ok()?;
    let sides = [b, t, m].map(SessionDetails::of);
    let (details, details_kept) = pick(Some(&sides[0]), Some(&sides[1]), Some(&sides[2]))?;
    let details = details?.clone();
    let session = SessionLog {
        exercises,
        rpe: details.rpe,
        minutes: details.minutes,
        supervised: details.supervised,
        note: details.note,
        ..m.clone()
    };
    Some((vec![session], kept + details_kept))
}

/// What a session records besides its exercises.
#[derive(Debug, Clone, PartialEq)]
struct SessionDetails {
    rpe: Option<f64>,
    minutes: Option<f64>,
    supervised: bool,
    note: String,
}

impl SessionDetails {
    fn of(s: &SessionLog) -> SessionDetails {
        SessionDetails {
            rpe: s.rpe,
            minutes: s.minutes,
            supervised: s.supervised,
            note: s.note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Prescription, WeekRange};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("a date in March")
    }

    fn base() -> Plan {
        Plan {
            title: "Runner".to_owned(),
            start_date: Some(day(2)),
            prescriptions: vec![Prescription {
                id: 1,
                exercise: "sl_deadlift_db".to_owned(),
                weeks: WeekRange::new(1, 4),
                schedule: Default::default(),
                supervised_per_week: 0,
                dose: Default::default(),
                rules: vec![],
                notes: String::new(),
            }],
            ..Plan::default()
        }
    }

    /// `plan` with prescription `rx` logged on `date` with `pain` during.
    fn logged(mut plan: Plan, date: NaiveDate, rx: u32, pain: u8) -> Plan {
        let entry = plan
            .session_log_mut(date, 0)
            .exercise_mut(rx, "sl_deadlift_db");
        entry.done = true;
        entry.pain_during = Some(pain);
        plan
    }

    #[test]
    fn entries_logged_on_either_side_are_all_kept() {
        let base = logged(base(), day(2), 1, 3);
        let theirs = logged(base.clone(), day(4), 1, 2);
        let mut mine = logged(base.clone(), day(6), 1, 1);
        mine.title = "Runner, edited".to_owned();
        let m = merge(&base, &theirs, &mine).expect("merges");
        let days: Vec<NaiveDate> = m.plan.log.iter().map(|s| s.date).collect();
        assert_eq!(days, [day(2), day(4), day(6)]);
        assert_eq!(m.plan.title, "Runner, edited");
        assert_eq!((m.kept_from_theirs, m.plan_from_theirs), (1, false));
    }

    #[test]
    fn one_session_changed_on_both_sides_merges_by_exercise() {
        let base = logged(base(), day(2), 1, 3);
        let theirs = logged(base.clone(), day(2), 2, 5);
        let mut mine = base.clone();
        mine.session_log_mut(day(2), 0).rpe = Some(6.0);
        let m = merge(&base, &theirs, &mine).expect("merges");
        let s = &m.plan.log[0];
        assert_eq!(s.exercises.len(), 2);
        assert_eq!(s.exercise(2).and_then(|e| e.pain_during), Some(5));
        assert_eq!(s.rpe, Some(6.0));
        assert_eq!(m.kept_from_theirs, 1);
    }

    #[test]
    fn the_same_entry_changed_differently_is_a_conflict() {
        let base = logged(base(), day(2), 1, 3);
        let theirs = logged(base.clone(), day(2), 1, 4);
        let mine = logged(base.clone(), day(2), 1, 6);
        assert_eq!(
            merge(&base, &theirs, &mine),
            Err(Conflict::Session {
                date: day(2),
                slot: 0
            })
        );
        // Changed the same way: no conflict.
        assert!(merge(&base, &theirs, &theirs).is_ok());
    }

    #[test]
    fn the_plan_changed_on_both_sides_is_a_conflict_and_on_one_side_is_kept() {
        let base = base();
        let mut theirs = logged(base.clone(), day(4), 1, 2);
        theirs.prescriptions[0].weeks = WeekRange::new(1, 6);
        let mut mine = base.clone();
        mine.title = "Renamed".to_owned();
        assert_eq!(merge(&base, &theirs, &mine), Err(Conflict::Plan));
        assert!(Conflict::Plan.to_string().contains("not only its log"));
        // This side only logged: the other side's plan is kept, with both logs.
        let mine = logged(base.clone(), day(6), 1, 1);
        let m = merge(&base, &theirs, &mine).expect("merges");
        assert!(m.plan_from_theirs);
        assert_eq!(m.plan.prescriptions[0].weeks, WeekRange::new(1, 6));
        assert_eq!(m.plan.log.len(), 2);
    }

    #[test]
    fn scores_and_decisions_merge_like_sessions() {
        let base = base();
        let mut theirs = base.clone();
        theirs.proms.push(PromScore {
            date: day(3),
            measure: Prom::VisaH,
            score: 60.0,
        });
        let mut mine = base.clone();
        mine.adjustments.push(AdjustmentDecision {
            prescription: 1,
            date: day(4),
            slot: 0,
            decision: Decision::Dismiss,
            proposed: None,
        });
        let m = merge(&base, &theirs, &mine).expect("merges");
        assert_eq!((m.plan.proms.len(), m.plan.adjustments.len()), (1, 1));
        let mut other = mine.clone();
        other.proms.push(PromScore {
            date: day(3),
            measure: Prom::VisaH,
            score: 55.0,
        });
        assert_eq!(
            merge(&base, &theirs, &other),
            Err(Conflict::Prom {
                date: day(3),
                measure: Prom::VisaH
            })
        );
    }

    #[test]
    fn nothing_changed_on_their_side_keeps_this_version_exactly() {
        let base = logged(base(), day(2), 1, 3);
        let mine = logged(base.clone(), day(4), 1, 2);
        let m = merge(&base, &base, &mine).expect("merges");
        assert_eq!(m.plan, mine);
        assert_eq!(m.kept_from_theirs, 0);
    }
}
