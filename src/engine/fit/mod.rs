//! Fitting a progression to the weekly threshold. The guardrails warn when a load metric of an
//! exercise rises more than the plan's weekly threshold (10 % unless the plan says otherwise),
//! and a physio progressing a 4.5 kg dumbbell finds that every 0.5 kg step from there is +11 %.
//! [`fit`] proposes, for one prescription, a week-by-week progression on the loads the
//! equipment has in which no weekly rise of any load metric passes the threshold, towards the
//! dose the plan ends on. A rise is what [`rise`] says it is (the usual weekly
//! frequency, comparable weeks, deload weeks skipped): the fit and the guardrails agree.
//!
//! How it fits:
//! - **Load steps**: the step the plan gives for the exercise's equipment
//!   ([`Plan::load_step_kg`]), else [`DEFAULT_LOAD_STEP_KG`]. After the first week every load
//!   is a multiple of the step (the first week keeps the prescription's load). Loads are kept
//!   to the hundredth of a kilogram a plan file shows, rounded down.
//! - **Double progression**: reps climb through a range, then the load goes up one step with
//!   the reps back at the bottom. A range in the dose (`8-12`) is the range; the fitted weeks
//!   prescribe one number in it. Fixed reps `n` become a range `n..=n+k`: the fit tries every
//!   `k` from 0 (the load alone) to `n / 2` (at least 1, at most 10) and keeps the best (see
//!   below). With few reps one more is a big rise (8 to 9 is +12.5 %), so a range can be
//!   useless and the load alone is then the way up; with light loads it is the other way round
//!   (4.5 to 5 kg is +11 %, 10 to 11 reps +10 %). Reps may rise by more than one in a week when
//!   the threshold allows it; the load rises one step at a time, and only from the top of the
//!   range.
//! - **The goal** is the prescription's last-week dose as planned (without a deload): the end
//!   load, then at that load the reps the end dose has (more than the range's top if the plan
//!   asks for more), and the fit never goes past it. When it can be reached, the fitted
//!   progression is the gentlest that reaches it: its largest weekly rise is as small as the
//!   steps allow, and the steps are spread evenly over the weeks. When it cannot, the fit
//!   climbs as fast as the threshold allows and says how far it gets. Of the ranges tried, the
//!   one that gets closest wins (the end dose first, then the heaviest load, most sets, most
//!   reps), then the gentlest, then the first tried.
//! - **Sets** go up only as a last resort: only when the plan's end dose has more sets than its
//!   start, only once the end load and reps are reached (an extra set never stands in for the
//!   load the plan asks for), and a whole set at a time, only when that is within the
//!   threshold (+33 % for a fourth set, so rarely). Cutting reps to make room for a set would
//!   change the dose's character, which is the clinician's call, not the fit's.
//! - **Deload and hold weeks** keep the dose of the week before (the deload rule still lowers
//!   it); the week after a deload is compared with the last full week, as the guardrails do.
//! - **What the new prescription keeps**: id, exercise, weeks, schedule, supervision, dose and
//!   notes, and its `Deload` and `Hold` rules. Its `Add` rules and any table give way to one
//!   `Table` (no source) with a row in the first week and in every week the dose changes.
//! - **A ladder rule** (`NextVariation`) that moves the prescription to another exercise within
//!   its weeks is refused ([`FitError::ChangesExercise`]): the loads of two exercises are not
//!   one progression, so split the prescription where the exercise changes and fit each part.
//!   A ladder rule that never moves it (no harder variation in the plan, or not before its last
//!   week) is kept as it is; one that only a table row in every week held back goes, as the
//!   fitted table would let it move.
//! - **Loads not in kilograms** (body weight, band, %1RM, RPE, RIR, RM) are not stepped: the
//!   reps and sets progress at the prescription's load. Without reps there is nothing to step
//!   ([`FitError::NotKilograms`]). A per-set list of reps (`12/10/8`) is kept; only the load
//!   moves. A prescription whose hold time, minutes, distance or sessions a week change over
//!   its weeks is refused ([`FitError::OtherProgression`]): the fit steps load, reps and sets.
//!
//! The result is checked before it is returned: the plan with the fitted prescription is
//! projected and every rise of [`rise::steps`] compared with the threshold. Fitting one
//! prescription of a 104-week plan takes well under a millisecond (README, benchmarks).

mod ladder;

use serde::Serialize;

use crate::model::{Dose, Load, LoadUnit, MAX_WEEKS, Plan, Prescription, Reps, Rule, TableRow};

use super::metrics::{Metric, session_metrics};
use super::progress::State;
use super::projection::{Projection, project};
use super::rise;
use super::sessions::usual_sessions_per_week;

use ladder::{LoadPlan, RepsPlan, Rung, Spec};

/// The load step assumed when the plan gives none for the exercise's equipment: the smallest
/// common dumbbell step.
pub const DEFAULT_LOAD_STEP_KG: f64 = 0.5;

/// The load step assumed for a plan in pounds when it gives none: 2.5 lb.
pub const DEFAULT_LOAD_STEP_LB: f64 = 2.5;

/// The default load step of a plan in `unit`, in kilograms.
pub fn default_load_step_kg(unit: LoadUnit) -> f64 {
    match unit {
        LoadUnit::Kg => DEFAULT_LOAD_STEP_KG,
        LoadUnit::Lb => unit.to_kg(DEFAULT_LOAD_STEP_LB),
    }
}

/// A rise counts as within the threshold up to this much above it, the margin the guardrails
/// allow: floating point makes 10 reps to 11 a rise of 10.000000000000002 %.
pub const TOLERANCE_PCT: f64 = 1e-9;

/// One week of the prescription, before and after the fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FitWeek {
    pub week: u32,
    pub deload: bool,
    /// Progression held this week.
    pub hold: bool,
    /// The dose as planned now (deload applied), and its label.
    pub before: Dose,
    pub before_label: String,
    /// The dose as fitted (deload applied), and its label.
    pub after: Dose,
    pub after_label: String,
    /// The largest rise of a load metric against the comparable earlier week ([`rise::steps`]),
    /// before and after; `None` for the first week, deload weeks and rises from nothing.
    pub rise_before_pct: Option<f64>,
    pub rise_after_pct: Option<f64>,
}

/// A fitted progression of one prescription.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fitted {
    /// The new prescription: same id, exercise, weeks, schedule and dose; the progression as a
    /// table, with the prescription's deload and hold rules.
    pub prescription: Prescription,
    pub exercise_name: String,
    /// The largest weekly rise allowed, in percent.
    pub threshold_pct: f64,
    /// The load step used (kilograms; `None` when the load is not in kilograms).
    pub load_step_kg: Option<f64>,
    /// The plan's unit of weight: every label and the summary show loads in it.
    pub unit: LoadUnit,
    /// The step is the plan's for the exercise's equipment (else the default).
    pub load_step_from_plan: bool,
    /// The reps range of the double progression, lowest and highest, when reps climb.
    pub reps_range: Option<(u32, u32)>,
    /// How the dose climbs, in words.
    pub method: String,
    pub weeks: Vec<FitWeek>,
    /// The prescription's last week, and its dose as planned and as fitted (no deload).
    pub end_week: u32,
    pub planned_end: Dose,
    pub fitted_end: Dose,
    /// The fitted progression reaches the planned end dose, and from which week.
    pub reached: bool,
    pub reached_week: Option<u32>,
    /// The largest weekly rise of a load metric, as planned and as fitted.
    pub largest_rise_before_pct: Option<f64>,
    pub largest_rise_after_pct: Option<f64>,
    /// One line: what the fit reaches and when, against the plan.
    pub summary: String,
}

/// Why a prescription cannot be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// The threshold is not a number above zero.
    #[error("the threshold must be a percentage above 0 (got {0})")]
    BadThreshold(f64),
    /// No prescription has this id.
    #[error("no prescription {id} in the plan; its prescriptions are {known}")]
    UnknownPrescription { id: u32, known: String },
    /// The planned end dose is not above the first week's.
    #[error(
        "{exercise} (prescription {id}) has nothing to fit: it ends on {end}, no more than its \
         first week's {start}"
    )]
    NothingToFit {
        id: u32,
        exercise: String,
        start: String,
        end: String,
    },
    /// The load is not in kilograms and there are no reps to progress instead.
    #[error(
        "{exercise} (prescription {id}) is dosed at {load}, not in kilograms, and {why}; the \
         fit steps kilograms, reps and sets"
    )]
    NotKilograms {
        id: u32,
        exercise: String,
        load: String,
        why: &'static str,
    },
    /// A ladder rule moves the prescription to another exercise.
    #[error(
        "{exercise} (prescription {id}) moves up its ladder to {next} in week {week}; the fit \
         does not span two exercises: split the prescription at week {week} (or drop its \
         next-variation rule) and fit each part"
    )]
    ChangesExercise {
        id: u32,
        exercise: String,
        next: String,
        week: u32,
    },
    /// Something the fit does not step changes over the weeks.
    #[error(
        "{exercise} (prescription {id}) changes its {what} in week {week}; the fit steps load, \
         reps and sets only"
    )]
    OtherProgression {
        id: u32,
        exercise: String,
        what: &'static str,
        week: u32,
    },
    /// The fitted progression breaks the threshold after all (a bug).
    #[error(
        "the fitted progression rises {rise_pct:.2} % in week {week}, above {threshold_pct} % \
         (a bug; please report it)"
    )]
    Unverified {
        week: u32,
        rise_pct: f64,
        threshold_pct: f64,
    },
}

/// One week of the prescription as planned now, without a deload.
struct PlannedWeek {
    week: u32,
    dose: Dose,
    sessions: Option<u32>,
    deload: bool,
    hold: bool,
}

/// The prescription's weeks as planned, through the engine's own progression.
fn planned_weeks(plan: &Plan, rx: &Prescription) -> Vec<PlannedWeek> {
    let last = rx.weeks.last.min(plan.length_weeks().min(MAX_WEEKS));
    let first = rx.weeks.first.max(1);
    let mut state = State::new(rx, plan.unit);
    (first..=last)
        .map(|week| {
            state.advance(plan, rx, week);
            PlannedWeek {
                week,
                dose: state.resolve(None),
                sessions: state.sessions,
                deload: state.deload(week).is_some(),
                hold: week > first && state.is_hold(week),
            }
        })
        .collect()
}

/// The plan reduced to `rx`: same length, start and exercises (the prescription's and the
/// ladder above it), so its projection of `rx` is the whole plan's, at a fraction of the cost.
fn alone(plan: &Plan, rx: Prescription) -> Plan {
    let mut exercises: Vec<crate::model::Exercise> = Vec::new();
    let mut id = Some(rx.exercise.as_str());
    while let Some(e) = id.and_then(|id| plan.exercise(id)) {
        if exercises.iter().any(|x| x.id == e.id) {
            break;
        }
        exercises.push(e.clone());
        id = e.harder.first().map(String::as_str);
    }
    Plan {
        weeks: plan.length_weeks(),
        start_date: plan.start_date,
        exercises,
        prescriptions: vec![rx],
        ..Plan::default()
    }
}

/// Who an error is about.
struct Who {
    id: u32,
    exercise: String,
    /// The plan's unit of weight, for the labels of errors.
    unit: LoadUnit,
}

fn refuse_ladder_moves(before: &Projection, rx: &Prescription, who: &Who) -> Result<(), FitError> {
    let moved = before
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(move |i| (w.week, i)))
        .find(|(_, i)| i.prescription_id == rx.id && i.exercise_id != rx.exercise);
    match moved {
        Some((week, item)) => Err(FitError::ChangesExercise {
            id: who.id,
            exercise: who.exercise.clone(),
            next: item.exercise_name.clone(),
            week,
        }),
        None => Ok(()),
    }
}

fn refuse_other_progressions(planned: &[PlannedWeek], who: &Who) -> Result<(), FitError> {
    let Some(start) = planned.first() else {
        return Ok(());
    };
    for p in planned {
        let what = if p.dose.hold_secs != start.dose.hold_secs {
            "hold time"
        } else if p.dose.minutes != start.dose.minutes {
            "minutes"
        } else if p.dose.distance_m != start.dose.distance_m {
            "distance"
        } else if p.sessions != start.sessions {
            "sessions a week"
        } else {
            continue;
        };
        return Err(FitError::OtherProgression {
            id: who.id,
            exercise: who.exercise.clone(),
            what,
            week: p.week,
        });
    }
    Ok(())
}

/// Lowest and highest reps of a dose's sets.
fn reps_bounds(dose: &Dose) -> Option<(u32, u32)> {
    let reps = dose.reps.as_ref()?;
    let sets = (0..dose.sets.max(1) as usize).map(|i| reps.for_set(i));
    let lo = sets.clone().map(|s| s.0).min()?;
    let hi = sets.map(|s| s.1).max()?;
    Some((lo, hi))
}

/// `a` lies beyond `b` on the double-progression ladder: heavier, or as heavy with more sets,
/// or as heavy with as many sets and more reps (a range counts at its top). Loads not in
/// kilograms are not compared.
fn beyond(a: &Dose, b: &Dose) -> bool {
    if let (Some(x), Some(y)) = (a.load.kg(), b.load.kg())
        && (x - y).abs() > 1e-6
    {
        return x > y;
    }
    if a.sets != b.sets {
        return a.sets > b.sets;
    }
    let top = |d: &Dose| reps_bounds(d).map_or(0, |r| r.1);
    top(a) > top(b)
}

/// `fitted` is the planned end dose: the same sets and load, and reps within the end's.
fn same_dose(fitted: &Dose, end: &Dose) -> bool {
    let load = match (fitted.load.kg(), end.load.kg()) {
        (Some(x), Some(y)) => {
            (ladder::hundredths_down(x) - ladder::hundredths_down(y)).abs() < 1e-6
        }
        _ => fitted.load == end.load,
    };
    let reps = match (&fitted.reps, reps_bounds(end)) {
        (Some(Reps::Fixed(r)), Some((lo, hi))) => (lo..=hi).contains(r),
        (r, _) => *r == end.reps,
    };
    load && reps && fitted.sets == end.sets
}

/// Indices of the planned weeks in which the dose may move: full weeks (no deload, no hold)
/// with an earlier full week to be compared with.
fn move_weeks(planned: &[PlannedWeek]) -> Vec<usize> {
    let mut seen_full = false;
    let mut out = Vec::new();
    for (i, p) in planned.iter().enumerate() {
        if p.deload {
            continue;
        }
        if seen_full && !p.hold {
            out.push(i);
        }
        seen_full = true;
    }
    out
}

/// Fits the progression of prescription `prescription_id` so that no weekly rise of a load
/// metric passes `threshold_pct` percent (see the module documentation for how).
pub fn fit(plan: &Plan, prescription_id: u32, threshold_pct: f64) -> Result<Fitted, FitError> {
    if !(threshold_pct.is_finite() && threshold_pct > 0.0) {
        return Err(FitError::BadThreshold(threshold_pct));
    }
    let rx = plan
        .prescription(prescription_id)
        .ok_or_else(|| FitError::UnknownPrescription {
            id: prescription_id,
            known: known_ids(plan),
        })?;
    let who = Who {
        id: rx.id,
        exercise: plan.exercise_name(&rx.exercise).into_owned(),
        unit: plan.unit,
    };
    let before = project(&alone(plan, rx.clone()));
    refuse_ladder_moves(&before, rx, &who)?;
    let planned = planned_weeks(plan, rx);
    refuse_other_progressions(&planned, &who)?;
    let (Some(start), Some(end)) = (planned.first(), planned.last()) else {
        return Err(nothing_to_fit(&who, &rx.dose, &rx.dose));
    };
    let (start, end) = (&start.dose, &end.dose);
    let climbs = matches!(start.reps, Some(Reps::Fixed(_) | Reps::Range(..)));
    if start.load.kg().is_none() && !climbs {
        return Err(not_kilograms(&who, start, "has no reps to progress"));
    }
    if !beyond(end, start) {
        if start.load.kg().is_none() && end.load != start.load {
            return Err(not_kilograms(&who, start, "its reps and sets do not rise"));
        }
        return Err(nothing_to_fit(&who, start, end));
    }
    let fitter = Fitter::new(plan, rx, &planned, threshold_pct);
    let best = fitter.best();
    if best.rungs.len() < 2 {
        return Err(nothing_to_fit(&who, start, end));
    }
    fitter.finish(plan, &before, best, who)
}

fn known_ids(plan: &Plan) -> String {
    let ids: Vec<String> = plan
        .prescriptions
        .iter()
        .map(|p| format!("{} ({})", p.id, plan.exercise_name(&p.exercise)))
        .collect();
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.join(", ")
    }
}

fn nothing_to_fit(who: &Who, start: &Dose, end: &Dose) -> FitError {
    FitError::NothingToFit {
        id: who.id,
        exercise: who.exercise.clone(),
        start: start.label(who.unit),
        end: end.label(who.unit),
    }
}

fn not_kilograms(who: &Who, start: &Dose, why: &'static str) -> FitError {
    let load = match start.load {
        Load::None => "no load".to_owned(),
        ref other => other.label(),
    };
    FitError::NotKilograms {
        id: who.id,
        exercise: who.exercise.clone(),
        load,
        why,
    }
}

/// One candidate fit: a ladder (for one reps range) and the climb up it.
struct Candidate {
    range: Option<(u32, u32)>,
    rungs: Vec<Rung>,
    climb: ladder::Climb,
}

impl Candidate {
    /// The rung the climb ends on.
    fn end(&self) -> &Rung {
        let i = self.climb.path.last().copied().unwrap_or(0);
        &self.rungs[i.min(self.rungs.len().saturating_sub(1))]
    }
}

/// What the fit works from.
struct Fitter<'a> {
    rx: &'a Prescription,
    planned: &'a [PlannedWeek],
    moves: Vec<usize>,
    threshold_pct: f64,
    step: f64,
    step_from_plan: bool,
    /// The plan's unit of weight (loads show and round in it).
    unit: LoadUnit,
    /// The first week's dose as the fitted prescription resolves it: every rung is this dose
    /// with its own sets, reps and load.
    base: Dose,
    tempo: Option<crate::model::Tempo>,
    /// The exercise's category (time under tension counts only strength and isometric work).
    category: Option<crate::model::Category>,
    usual_sessions: f64,
}

impl<'a> Fitter<'a> {
    fn new(
        plan: &Plan,
        rx: &'a Prescription,
        planned: &'a [PlannedWeek],
        threshold_pct: f64,
    ) -> Fitter<'a> {
        let exercise = plan.exercise(&rx.exercise);
        let plan_step = exercise
            .and_then(|e| plan.load_step_kg(&e.equipment))
            .filter(|s| s.is_finite() && *s > 0.0);
        let sessions = planned.first().and_then(|p| p.sessions);
        let mut fitter = Fitter {
            rx,
            planned,
            moves: move_weeks(planned),
            threshold_pct,
            step: plan_step.unwrap_or_else(|| default_load_step_kg(plan.unit)),
            unit: plan.unit,
            step_from_plan: plan_step.is_some(),
            base: Dose::default(),
            tempo: None,
            category: exercise.map(|e| e.category),
            usual_sessions: usual_sessions_per_week(&rx.schedule, sessions),
        };
        // Resolve the first week of a prescription that has only the first row, as the
        // projection will.
        let probe = fitter.prescription(vec![fitter.first_row(None)], false);
        let mut state = State::new(&probe, plan.unit);
        state.advance(plan, &probe, probe.weeks.first.max(1));
        fitter.base = state.resolve(None);
        fitter.tempo = fitter.base.tempo.or(exercise.and_then(|e| e.tempo));
        fitter
    }

    fn start(&self) -> &Dose {
        &self.planned[0].dose
    }

    fn end(&self) -> &Dose {
        &self.planned[self.planned.len() - 1].dose
    }

    /// The dose of a rung (its load in the plan's unit), as the projection resolves it from a
    /// table row.
    fn dose(&self, sets: u32, reps: Option<u32>, kg: Option<f64>) -> Dose {
        let mut dose = self.base.clone();
        dose.sets = sets;
        if let Some(r) = reps {
            dose.reps = Some(Reps::Fixed(r));
        }
        if let (Some(kg), Load::Kg(_)) = (kg, &dose.load) {
            // The engine shows the plan's unit to the hundredth (no rounding rule is left).
            let shown = (super::progress::clean(kg) / 0.01).round() * 0.01;
            dose.load = Load::Kg(super::progress::clean(self.unit.to_kg(shown)));
        }
        dose
    }

    fn usual(&self, sets: u32, reps: Option<u32>, kg: Option<f64>) -> [f64; 4] {
        let m = session_metrics(&self.dose(sets, reps, kg), self.tempo, self.category);
        Metric::LOADS.map(|metric| m.get(metric) * self.usual_sessions)
    }

    /// The reps ranges to try, best guess first: a dose's own range from its full width down
    /// to the load alone; fixed reps from the load alone up to `n..=n+k`.
    fn ranges(&self) -> Vec<Option<(u32, u32)>> {
        let single_load = self.start().load.kg().is_none_or(|s| {
            let end = self.end().load.kg().unwrap_or(s);
            end < (s / self.step + 1e-9).floor() * self.step + self.step - 1e-9
        });
        match self.start().reps {
            Some(Reps::Fixed(n)) if !single_load => {
                let k_max = (n / 2).clamp(1, 10);
                (0..=k_max).map(|k| Some((n, n + k))).collect()
            }
            Some(Reps::Range(a, b)) if !single_load => {
                let mut v: Vec<_> = (a..=b).rev().take(11).map(|hi| Some((a, hi))).collect();
                if b.saturating_sub(a) > 10 {
                    v.push(Some((a, a)));
                }
                v
            }
            Some(Reps::Fixed(n) | Reps::Range(n, _)) => vec![Some((n, n))],
            _ => vec![None],
        }
    }

    fn spec(&self, range: Option<(u32, u32)>) -> Spec {
        let (start, end) = (self.start(), self.end());
        let reps = match range {
            Some((lo, hi)) => RepsPlan::Climb {
                start: lo,
                lo,
                hi,
                goal: reps_bounds(end).map_or(lo, |r| r.0),
            },
            None => RepsPlan::Keep,
        };
        // The ladder climbs in the plan's unit, so a plan in pounds steps whole pounds.
        let load = start.load.kg().map(|kg| LoadPlan {
            start: self.unit.from_kg(kg),
            end: self.unit.from_kg(end.load.kg().unwrap_or(kg)),
            step: self.unit.from_kg(self.step),
        });
        Spec {
            sets: start.sets,
            end_sets: end.sets,
            reps,
            load,
            max_groups: self.moves.len() + 1,
        }
    }

    fn candidate(&self, range: Option<(u32, u32)>) -> Candidate {
        let rungs = ladder::build(&self.spec(range), |s, r, kg| self.usual(s, r, kg));
        let climb = ladder::climb(&rungs, self.moves.len(), self.threshold_pct);
        Candidate {
            range,
            rungs,
            climb,
        }
    }

    /// The best of the candidate ranges (see the module documentation).
    fn best(&self) -> Candidate {
        let mut best: Option<(Candidate, bool)> = None;
        for range in self.ranges() {
            let c = self.candidate(range);
            let r = c.end();
            let reached = same_dose(&self.dose(r.sets, r.reps, r.kg), self.end());
            let better = match &best {
                None => true,
                Some((b, b_reached)) => {
                    let (x, y) = (c.end(), b.end());
                    let key = |r: &Rung| (r.kg.unwrap_or(0.0), r.sets, r.reps.unwrap_or(0));
                    let (kx, ky) = (key(x), key(y));
                    if reached != *b_reached {
                        reached
                    } else if reached {
                        let g = |c: &Candidate| c.climb.gentlest_pct.unwrap_or(f64::INFINITY);
                        g(&c) < g(b) - TOLERANCE_PCT
                    } else if (kx.0 - ky.0).abs() > 1e-6 {
                        kx.0 > ky.0
                    } else {
                        (kx.1, kx.2) > (ky.1, ky.2)
                    }
                }
            };
            if better {
                best = Some((c, reached));
            }
        }
        match best {
            Some((c, _)) => c,
            None => self.candidate(None),
        }
    }

    /// The new prescription with the given table, and the prescription's ladder rules when
    /// `ladder`.
    fn prescription(&self, rows: Vec<TableRow>, ladder: bool) -> Prescription {
        let kept = self.rx.rules.iter().filter(|r| match r {
            Rule::Deload { .. } | Rule::Hold { .. } => true,
            Rule::NextVariation { .. } => ladder,
            Rule::Add { .. } | Rule::Table { .. } => false,
        });
        let rules = std::iter::once(Rule::Table { rows, source: None })
            .chain(kept.cloned())
            .collect();
        Prescription {
            rules,
            ..self.rx.clone()
        }
    }

    /// The first week's row: its rung (none: the planned start) and whatever else the first
    /// week had that the prescription's dose does not (from a table the fit replaces).
    fn first_row(&self, rung: Option<&Rung>) -> TableRow {
        let start = &self.planned[0];
        let dose = &self.rx.dose;
        let mut row = TableRow {
            week: start.week,
            sessions: start.sessions,
            sets: Some(start.dose.sets),
            reps: start.dose.reps.clone(),
            ..TableRow::default()
        };
        match start.dose.load {
            Load::Rm(n) if start.dose.load != dose.load => row.rm = Some(n),
            Load::Kg(kg) => row.load_kg = Some(kg),
            _ if start.dose.load != dose.load => row.load_kg = start.dose.load_number(),
            _ => {}
        }
        if start.dose.hold_secs != dose.hold_secs {
            row.hold_secs = start.dose.hold_secs;
        }
        if start.dose.minutes != dose.minutes {
            row.minutes = start.dose.minutes;
        }
        if let Some(r) = rung {
            row.sets = Some(r.sets);
            if let Some(reps) = r.reps {
                row.reps = Some(Reps::Fixed(reps));
            }
            if r.kg.is_some() {
                row.load_kg = r.kg.map(|v| self.unit.to_kg(v));
            }
        }
        row
    }

    /// The table of a climb: the first week, then every week the dose changes.
    fn rows(&self, c: &Candidate) -> (Vec<TableRow>, Vec<usize>) {
        let mut at = vec![0usize; self.planned.len()];
        let mut moves = self.moves.iter().zip(&c.climb.path).peekable();
        let mut rung = 0;
        for (i, slot) in at.iter_mut().enumerate() {
            if let Some((_, &to)) = moves.next_if(|(w, _)| **w == i) {
                rung = to;
            }
            *slot = rung;
        }
        let mut rows = vec![self.first_row(c.rungs.first())];
        for i in 1..at.len() {
            if at[i] != at[i - 1] {
                let r = &c.rungs[at[i]];
                rows.push(TableRow {
                    week: self.planned[i].week,
                    sets: Some(r.sets),
                    reps: r.reps.map(Reps::Fixed),
                    load_kg: r.kg.map(|v| self.unit.to_kg(v)),
                    ..TableRow::default()
                });
            }
        }
        (rows, at)
    }

    /// The fitted prescription, checked against the threshold, with its weeks and summary.
    fn finish(
        &self,
        plan: &Plan,
        before: &Projection,
        best: Candidate,
        who: Who,
    ) -> Result<Fitted, FitError> {
        let (rows, at) = self.rows(&best);
        let mut prescription = self.prescription(rows.clone(), true);
        let mut after = project(&alone(plan, prescription.clone()));
        let moved = |p: &Projection| {
            p.weeks
                .iter()
                .flat_map(|w| &w.items)
                .any(|i| i.prescription_id == self.rx.id && i.exercise_id != self.rx.exercise)
        };
        if moved(&after) {
            // The ladder rule never moved it before (a table row every week held it back):
            // without that table it would, so it goes.
            prescription = self.prescription(rows, false);
            after = project(&alone(plan, prescription.clone()));
        }
        let weeks = self.weeks(before, &after)?;
        let last = at.last().copied().unwrap_or(0);
        let top = &best.rungs[last];
        let fitted_end = self.dose(top.sets, top.reps, top.kg);
        let planned_end = self.end().clone();
        let reached = same_dose(&fitted_end, &planned_end);
        let reached_week = reached
            .then(|| at.iter().position(|&r| r == last))
            .flatten()
            .map(|i| self.planned[i].week);
        let largest = |f: fn(&FitWeek) -> Option<f64>| weeks.iter().filter_map(f).reduce(f64::max);
        let mut fitted = Fitted {
            prescription,
            exercise_name: who.exercise,
            threshold_pct: self.threshold_pct,
            load_step_kg: self.start().load.kg().map(|_| self.step),
            unit: self.unit,
            load_step_from_plan: self.step_from_plan,
            reps_range: best.range,
            method: self.method(&best),
            end_week: self.planned[self.planned.len() - 1].week,
            largest_rise_before_pct: largest(|w| w.rise_before_pct),
            largest_rise_after_pct: largest(|w| w.rise_after_pct),
            weeks,
            planned_end,
            fitted_end,
            reached,
            reached_week,
            summary: String::new(),
        };
        fitted.summary = summary(&fitted, last + 1 == best.rungs.len());
        Ok(fitted)
    }

    /// The weeks side by side, after checking every fitted rise against the threshold.
    fn weeks(&self, before: &Projection, after: &Projection) -> Result<Vec<FitWeek>, FitError> {
        let id = self.rx.id;
        let rises = |p: &Projection| -> Vec<(u32, f64)> {
            rise::steps(p, id)
                .iter()
                .filter_map(|s| {
                    let pct = Metric::LOADS
                        .iter()
                        .filter_map(|&m| s.rise_pct(m))
                        .reduce(f64::max)?;
                    Some((s.week, pct))
                })
                .collect()
        };
        let (rb, ra) = (rises(before), rises(after));
        if let Some(&(week, pct)) = ra
            .iter()
            .find(|(_, pct)| *pct > self.threshold_pct + TOLERANCE_PCT)
        {
            return Err(FitError::Unverified {
                week,
                rise_pct: pct,
                threshold_pct: self.threshold_pct,
            });
        }
        let item = |p: &Projection, week: u32| {
            p.week(week)
                .and_then(|w| w.items.iter().find(|i| i.prescription_id == id))
                .map(|i| i.dose.clone())
        };
        let rise_in =
            |list: &[(u32, f64)], week: u32| list.iter().find(|(w, _)| *w == week).map(|(_, p)| *p);
        Ok(self
            .planned
            .iter()
            .map(|p| {
                let before = item(before, p.week).unwrap_or_else(|| p.dose.clone());
                let after = item(after, p.week).unwrap_or_else(|| p.dose.clone());
                FitWeek {
                    week: p.week,
                    deload: p.deload,
                    hold: p.hold,
                    before_label: before.label(self.unit),
                    after_label: after.label(self.unit),
                    before,
                    after,
                    rise_before_pct: rise_in(&rb, p.week),
                    rise_after_pct: rise_in(&ra, p.week),
                }
            })
            .collect())
    }

    /// How the fitted dose climbs, in words.
    fn method(&self, best: &Candidate) -> String {
        let u = self.unit.symbol();
        let step = crate::model::fmt_num(self.unit.from_kg(self.step));
        let from = if self.step_from_plan {
            "the plan's step for this equipment".to_owned()
        } else {
            format!("no step in the plan for this equipment, {step} {u} assumed")
        };
        let kg = self.start().load.kg().is_some();
        let mut s = match (best.range, kg) {
            (Some((lo, hi)), true) if hi > lo => format!(
                "double progression: reps {lo} to {hi}, then {step} {u} more with reps back to \
                 {lo} ({from})"
            ),
            (Some((lo, _)), true) => {
                format!("{step} {u} at a time at {lo} reps ({from})")
            }
            (None, true) => format!("{step} {u} at a time ({from})"),
            (_, false) => format!("reps at {}", self.start().load.label()),
        };
        let sets_added = best
            .rungs
            .last()
            .is_some_and(|r| r.sets > self.start().sets);
        if sets_added {
            s.push_str(", then a set at a time");
        }
        s
    }
}

/// The one-line summary of a fit; `at_top`: the climb ended on the ladder's last rung.
fn summary(f: &Fitted, at_top: bool) -> String {
    let pct = |x: f64| format!("{} %", crate::model::fmt_num(x));
    let largest = f
        .largest_rise_after_pct
        .map_or_else(|| "none".to_owned(), |x| format!("{x:.1} %"));
    let name = &f.exercise_name;
    let end = f.fitted_end.label(f.unit);
    // A plan that already keeps within the threshold is said to, so the fit reads as an
    // alternative (the gentlest), not a correction.
    let already = match f.largest_rise_before_pct {
        Some(b) if b <= f.threshold_pct + TOLERANCE_PCT => format!(
            "; the plan as it is keeps within {} too (largest {b:.1} %)",
            pct(f.threshold_pct)
        ),
        _ => String::new(),
    };
    if f.reached {
        let week = f.reached_week.unwrap_or(f.end_week);
        return format!(
            "{name}: reaches the planned end dose, {end}, by week {week}, with no weekly rise \
             above {} (the largest is {largest}){already}",
            pct(f.threshold_pct)
        );
    }
    let why = match (at_top, f.load_step_kg) {
        (true, Some(step)) => format!(
            "the nearest dose in {} {} steps",
            crate::model::fmt_num(f.unit.from_kg(step)),
            f.unit.symbol()
        ),
        (true, None) => format!(
            "the fit does not change a load of {}",
            f.fitted_end.load.label()
        ),
        (false, _) => format!(
            "more would rise more than {} in a week",
            pct(f.threshold_pct)
        ),
    };
    format!(
        "{name}: reaches {end} by week {}; the plan had {} ({why}){already}",
        f.end_week,
        f.planned_end.label(f.unit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beyond_orders_by_load_then_sets_then_reps() {
        let d = |sets, reps, kg| Dose {
            sets,
            reps: Some(reps),
            load: Load::Kg(kg),
            ..Dose::default()
        };
        assert!(beyond(
            &d(3, Reps::Fixed(10), 5.0),
            &d(3, Reps::Fixed(12), 4.5)
        ));
        assert!(!beyond(
            &d(4, Reps::Fixed(10), 4.5),
            &d(3, Reps::Fixed(10), 5.0)
        ));
        assert!(beyond(
            &d(4, Reps::Fixed(8), 5.0),
            &d(3, Reps::Fixed(10), 5.0)
        ));
        assert!(!beyond(
            &d(3, Reps::Fixed(12), 5.0),
            &d(3, Reps::Range(8, 12), 5.0)
        ));
        assert!(same_dose(
            &d(3, Reps::Fixed(9), 5.0),
            &d(3, Reps::Range(8, 12), 5.0)
        ));
        assert!(!same_dose(
            &d(3, Reps::Fixed(13), 5.0),
            &d(3, Reps::Range(8, 12), 5.0)
        ));
    }

    #[test]
    fn moves_skip_the_first_full_week_deloads_and_holds() {
        let week = |week, deload, hold| PlannedWeek {
            week,
            dose: Dose::default(),
            sessions: None,
            deload,
            hold,
        };
        let planned = [
            week(1, true, false),
            week(2, false, false),
            week(3, false, false),
            week(4, false, true),
            week(5, true, false),
            week(6, false, false),
        ];
        assert_eq!(move_weeks(&planned), [2, 5]);
    }
}
