//! Changes to the plan. Each `Edit` carries its own undo label, knows how to apply itself to a
//! plan and whether it merges with the edit before it into one undo step.

use crate::model::{
    Decision, Exercise, Limb, LoadStep, LoadUnit, PainLimits, Phase, Plan, Prescription, PromScore,
    SessionLog, Thresholds, WeekRange,
};

/// The plan's descriptive fields, edited together in the details form.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMeta {
    pub title: String,
    pub athlete: String,
    pub clinician: String,
    pub condition: String,
    pub goal: String,
    pub start_date: Option<chrono::NaiveDate>,
    pub weeks: u32,
    pub notes: String,
    /// The injured side, when one side is.
    pub injured_side: Option<Limb>,
}

impl PlanMeta {
    /// The descriptive fields of `plan`.
    pub fn of(plan: &Plan) -> PlanMeta {
        PlanMeta {
            title: plan.title.clone(),
            athlete: plan.athlete.clone(),
            clinician: plan.clinician.clone(),
            condition: plan.condition.clone(),
            goal: plan.goal.clone(),
            start_date: plan.start_date,
            weeks: plan.weeks,
            notes: plan.notes.clone(),
            injured_side: plan.injured_side,
        }
    }
}

/// A change to the plan. Applying one pushes an undo step.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(PlanMeta),
    SetThresholds(Thresholds),
    /// The pain the plan accepts during exercise.
    SetPainLimits(PainLimits),
    /// The unit of weight the plan is written and shown in.
    SetUnit(LoadUnit),
    /// The load steps of the athlete's equipment.
    SetLoadSteps(Vec<LoadStep>),
    /// Adds a prescription of `exercise` (copied into the plan if new) with its default dose.
    AddPrescription {
        exercise: Exercise,
        weeks: Option<WeekRange>,
    },
    /// Sets the photos of the plan's copy of `exercise` (copied into the plan first if it is
    /// not there yet); `label` says what changed ("Attach 2 photos to ...").
    SetPhotos {
        exercise: Box<Exercise>,
        photos: Vec<crate::model::Photo>,
        label: String,
    },
    /// Replaces the plan's copies of these exercises (by id) with these versions, from your
    /// library; a copy's photos stay when the library's version has none.
    UseLibraryVersions(Vec<Exercise>),
    /// Replaces the prescription with the same id.
    UpdatePrescription(Prescription),
    /// Replaces the prescription with the same id by its progression fitted to a weekly
    /// threshold (as `UpdatePrescription`, with its own undo label).
    ApplyFit {
        prescription: Prescription,
        threshold_pct: f64,
    },
    RemovePrescription(u32),
    DuplicatePrescription(u32),
    /// Moves a prescription to a position in the list.
    MovePrescription {
        id: u32,
        to_index: usize,
    },
    /// Swaps a prescription's exercise (easier or harder variation), keeping its dose.
    SwapExercise {
        id: u32,
        exercise: Exercise,
    },
    AddPhase(Phase),
    UpdatePhase(Phase),
    RemovePhase(u32),
    /// Replaces (or adds) the log of the session on the log's date and slot; a log with
    /// nothing recorded removes it. Never touches a prescription.
    LogSession(SessionLog),
    /// Adds a PROM score (kept in date order).
    AddProm(PromScore),
    /// Removes the PROM score at this index.
    RemoveProm(usize),
    /// Records (or, with `None`, clears) the clinician's decision on the adjustment of one
    /// prescription's session.
    Decide {
        prescription: u32,
        date: chrono::NaiveDate,
        slot: u32,
        decision: Option<Decision>,
        /// The proposal decided on (the decision lapses when the proposal changes).
        proposed: Option<crate::model::Dose>,
    },
}

impl Edit {
    /// What the edit does, for the Edit menu ("Undo Edit Nordic hamstring curl").
    pub fn label(&self, plan: &Plan) -> String {
        let rx_name = |id: &u32| {
            plan.prescription(*id)
                .and_then(|p| plan.exercise(&p.exercise))
                .map_or_else(|| format!("prescription {id}"), |e| e.name.clone())
        };
        let phase_name = |id: &u32| {
            plan.phases
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| format!("phase {id}"), |p| p.name.clone())
        };
        match self {
            Edit::SetMeta(_) => "Edit plan details".to_owned(),
            Edit::SetThresholds(_) => "Edit guardrail thresholds".to_owned(),
            Edit::SetPainLimits(_) => "Edit pain limits".to_owned(),
            Edit::SetUnit(unit) => format!("Show loads in {}", unit.symbol()),
            Edit::SetLoadSteps(_) => "Edit equipment load steps".to_owned(),
            Edit::AddPrescription { exercise, .. } => format!("Add {}", exercise.name),
            Edit::SetPhotos { label, .. } => label.clone(),
            Edit::UseLibraryVersions(list) => match list.as_slice() {
                [one] => format!("Use your library's {}", one.name),
                _ => format!(
                    "Use your library's version of {}",
                    crate::engine::words::counted(list.len(), "exercise")
                ),
            },
            Edit::UpdatePrescription(rx) => format!("Edit {}", rx_name(&rx.id)),
            Edit::ApplyFit {
                prescription,
                threshold_pct,
            } => format!(
                "Fit {} to {} % a week",
                rx_name(&prescription.id),
                crate::model::fmt_num(*threshold_pct)
            ),
            Edit::RemovePrescription(id) => format!("Delete {}", rx_name(id)),
            Edit::DuplicatePrescription(id) => format!("Duplicate {}", rx_name(id)),
            Edit::MovePrescription { id, .. } => format!("Move {}", rx_name(id)),
            Edit::SwapExercise { exercise, .. } => format!("Swap to {}", exercise.name),
            Edit::AddPhase(p) => format!("Add phase {}", p.name),
            Edit::UpdatePhase(p) => format!("Edit phase {}", p.name),
            Edit::RemovePhase(id) => format!("Delete phase {}", phase_name(id)),
            Edit::LogSession(log) => format!("Log session of {}", log.date.format("%-d %b %Y")),
            Edit::AddProm(p) => format!("Add {} score", p.measure.label()),
            Edit::RemoveProm(_) => "Delete PROM score".to_owned(),
            Edit::Decide {
                prescription,
                decision,
                ..
            } => {
                let verb = match decision {
                    Some(Decision::Accept) => "Accept",
                    Some(Decision::Change(_)) => "Change",
                    Some(Decision::Dismiss) => "Dismiss",
                    None => "Reopen",
                };
                format!("{verb} adjustment of {}", rx_name(prescription))
            }
        }
    }

    /// Edits with the same key, one right after the other, merge into one undo step (a drag
    /// or typing in one field is one step, not one per frame).
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Edit::SetMeta(_) => Some("meta".to_owned()),
            Edit::SetThresholds(_) => Some("thresholds".to_owned()),
            Edit::SetPainLimits(_) => Some("pain limits".to_owned()),
            Edit::SetLoadSteps(_) => Some("load steps".to_owned()),
            Edit::UpdatePrescription(rx) => Some(format!("rx{}", rx.id)),
            Edit::UpdatePhase(p) => Some(format!("phase{}", p.id)),
            Edit::LogSession(log) => Some(format!("log{}/{}", log.date, log.slot)),
            _ => None,
        }
    }

    /// Applies the edit to `plan`. Returns false when it does not apply (unknown id): the
    /// plan is then unchanged.
    pub fn apply(self, plan: &mut Plan) -> bool {
        match self {
            Edit::SetMeta(m) => {
                plan.title = m.title;
                plan.athlete = m.athlete;
                plan.clinician = m.clinician;
                plan.condition = m.condition;
                plan.goal = m.goal;
                plan.start_date = m.start_date;
                plan.weeks = m.weeks.min(crate::model::MAX_WEEKS);
                plan.notes = m.notes;
                plan.injured_side = m.injured_side;
                true
            }
            Edit::SetThresholds(t) => {
                plan.thresholds = t;
                true
            }
            Edit::SetPainLimits(limits) => {
                // Keep the zones in order whatever the fields say: safe below acceptable.
                let acceptable_max = limits.acceptable_max.clamp(1, 10);
                plan.pain_limits = PainLimits {
                    safe_max: limits.safe_max.min(acceptable_max - 1),
                    acceptable_max,
                };
                true
            }
            Edit::SetLoadSteps(steps) => {
                plan.load_steps = steps;
                true
            }
            Edit::SetUnit(unit) => {
                plan.unit = unit;
                true
            }
            Edit::SetPhotos {
                exercise, photos, ..
            } => {
                let id = exercise.id.clone();
                ensure_exercise(plan, *exercise);
                match plan.exercises.iter_mut().find(|e| e.id == id) {
                    Some(copy) if copy.photos != photos => {
                        copy.photos = photos;
                        true
                    }
                    _ => false,
                }
            }
            Edit::UseLibraryVersions(list) => {
                let mut changed = false;
                for version in list {
                    if let Some(copy) = plan.exercises.iter_mut().find(|e| e.id == version.id) {
                        let photos = if version.photos.is_empty() {
                            std::mem::take(&mut copy.photos)
                        } else {
                            version.photos.clone()
                        };
                        let new = Exercise { photos, ..version };
                        changed |= *copy != new;
                        *copy = new;
                    }
                }
                changed
            }
            Edit::AddPrescription { exercise, weeks } => {
                let weeks = weeks.unwrap_or_else(|| WeekRange::new(1, plan.length_weeks().max(1)));
                let rx = Prescription {
                    id: plan.next_prescription_id(),
                    exercise: exercise.id.clone(),
                    weeks,
                    schedule: crate::model::Schedule::PerWeek(3),
                    supervised_per_week: 0,
                    dose: exercise.default_dose.clone(),
                    rules: Vec::new(),
                    notes: String::new(),
                };
                ensure_exercise(plan, exercise);
                plan.prescriptions.push(rx);
                true
            }
            Edit::ApplyFit { prescription, .. } => {
                Edit::UpdatePrescription(prescription).apply(plan)
            }
            Edit::UpdatePrescription(rx) => {
                match plan.prescriptions.iter_mut().find(|p| p.id == rx.id) {
                    Some(slot) => {
                        *slot = rx;
                        true
                    }
                    None => false,
                }
            }
            Edit::RemovePrescription(id) => {
                let before = plan.prescriptions.len();
                plan.prescriptions.retain(|p| p.id != id);
                plan.prescriptions.len() != before
            }
            Edit::DuplicatePrescription(id) => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                let mut copy = plan.prescriptions[i].clone();
                copy.id = plan.next_prescription_id();
                plan.prescriptions.insert(i + 1, copy);
                true
            }
            Edit::MovePrescription { id, to_index } => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                let rx = plan.prescriptions.remove(i);
                let to = to_index.min(plan.prescriptions.len());
                plan.prescriptions.insert(to, rx);
                i != to
            }
            Edit::SwapExercise { id, exercise } => {
                let Some(i) = plan.prescriptions.iter().position(|p| p.id == id) else {
                    return false;
                };
                plan.prescriptions[i].exercise = exercise.id.clone();
                ensure_exercise(plan, exercise);
                true
            }
            Edit::AddPhase(mut phase) => {
                phase.id = plan.next_phase_id();
                plan.phases.push(phase);
                plan.phases.sort_by_key(|p| (p.weeks.first, p.id));
                true
            }
            Edit::UpdatePhase(phase) => match plan.phases.iter_mut().find(|p| p.id == phase.id) {
                Some(slot) => {
                    *slot = phase;
                    plan.phases.sort_by_key(|p| (p.weeks.first, p.id));
                    true
                }
                None => false,
            },
            Edit::RemovePhase(id) => {
                let before = plan.phases.len();
                plan.phases.retain(|p| p.id != id);
                plan.phases.len() != before
            }
            Edit::LogSession(log) => {
                let empty = log.exercises.iter().all(|e| {
                    !e.done
                        && !e.has_actuals()
                        && e.pain_during.is_none()
                        && e.pain_next_morning.is_none()
                }) && log.rpe.is_none()
                    && log.minutes.is_none()
                    && !log.supervised
                    && log.note.trim().is_empty();
                if empty {
                    plan.log
                        .retain(|s| !(s.date == log.date && s.slot == log.slot));
                } else {
                    let (date, slot) = (log.date, log.slot);
                    *plan.session_log_mut(date, slot) = log;
                }
                true
            }
            Edit::AddProm(score) => {
                let at = plan.proms.partition_point(|p| p.date <= score.date);
                plan.proms.insert(at, score);
                true
            }
            Edit::RemoveProm(index) => {
                if index < plan.proms.len() {
                    plan.proms.remove(index);
                    true
                } else {
                    false
                }
            }
            Edit::Decide {
                prescription,
                date,
                slot,
                decision,
                proposed,
            } => {
                plan.adjustments.retain(|d| {
                    !(d.prescription == prescription && d.date == date && d.slot == slot)
                });
                if let Some(decision) = decision {
                    plan.adjustments.push(crate::model::AdjustmentDecision {
                        prescription,
                        date,
                        slot,
                        decision,
                        proposed,
                    });
                    plan.adjustments
                        .sort_by_key(|d| (d.date, d.slot, d.prescription));
                }
                true
            }
        }
    }
}

/// Copies `exercise` into the plan unless the plan already carries one with its id.
fn ensure_exercise(plan: &mut Plan, exercise: Exercise) {
    if plan.exercise(&exercise.id).is_none() {
        plan.exercises.push(exercise);
    }
}
