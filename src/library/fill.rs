//! Copying library exercises into a plan. A plan file is self-contained: it carries a copy of
//! every exercise its prescriptions use, including the harder variations a "next variation"
//! rule will move to. This fills in what is missing without touching what the plan has.

use crate::model::{Plan, Prescription, Rule};

use super::Library;

/// Copies into `plan.exercises` every exercise a prescription refers to that the plan does
/// not carry yet, and, for prescriptions with a `NextVariation` rule, the harder variations
/// the rule reaches along `harder[0]` within the prescription's weeks. Copies are appended in
/// prescription order; exercises the plan already has are never removed or changed (and a
/// ladder is followed through the plan's own copy where there is one).
///
/// Returns the ids found neither in the plan nor in `lib`, each once, in the order met.
pub fn fill_missing(plan: &mut Plan, lib: &Library) -> Vec<String> {
    let wanted: Vec<(String, u32)> = plan
        .prescriptions
        .iter()
        .map(|rx| (rx.exercise.clone(), ladder_steps(rx)))
        .collect();
    let mut unknown = Vec::new();
    for (first, steps) in wanted {
        let mut current = first;
        for step in 0..=steps {
            let next = ensure(plan, lib, &current, &mut unknown);
            match next {
                Some(next) if step < steps => current = next,
                _ => break,
            }
        }
    }
    unknown
}

/// How many steps up the ladder the prescription's `NextVariation` rules can take within its
/// weeks. The engine moves one step in every week `first + k * after_weeks` (k >= 1) up to the
/// last week, so a prescription of `n` weeks takes at most `(n - 1) / after_weeks` steps.
fn ladder_steps(rx: &Prescription) -> u32 {
    let weeks = rx.weeks.len();
    rx.rules
        .iter()
        .filter_map(|rule| match rule {
            Rule::NextVariation { after_weeks, .. } => {
                Some(weeks.saturating_sub(1) / (*after_weeks).max(1))
            }
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Makes sure the plan carries exercise `id`, copying it from the library when needed, and
/// returns the id of its first harder variation. Records `id` in `unknown` when neither the
/// plan nor the library has it.
fn ensure(plan: &mut Plan, lib: &Library, id: &str, unknown: &mut Vec<String>) -> Option<String> {
    if let Some(ex) = plan.exercise(id) {
        return ex.harder.first().cloned();
    }
    match lib.get(id) {
        Some(ex) => {
            plan.exercises.push(ex.clone());
            ex.harder.first().cloned()
        }
        None => {
            if !unknown.iter().any(|u| u == id) {
                unknown.push(id.to_owned());
            }
            None
        }
    }
}
