//! The double-progression ladder of one prescription and the climb up it. A rung is one dose
//! (sets, reps, kilograms); the ladder lists them from the first week's dose to the end dose in
//! the order double progression takes them: reps up through the range, then the next load
//! step with reps back at the bottom, and at the end load the reps (and, last of all, the sets)
//! the end dose asks for. Rungs of one load and one number of sets form a group.
//!
//! One week's move goes up any number of rungs within a group (more than one rep at a time
//! when the threshold allows, as in high-rep work), or from the top of a group to the first
//! rung of the next (one load step, or one set), never further. A move is allowed when no load
//! metric rises more than the threshold ([`rise::rise_pct`] of the usual-week figures, as the
//! guardrails compare). Higher rungs always reach at least as far, so climbing as fast as
//! allowed gets furthest, and whether the last rung can be reached in `n` moves is a threshold
//! on the rung one stands on: both facts the search below relies on.

use crate::engine::rise::rise_pct;

use super::TOLERANCE_PCT;

/// Rungs the ladder holds at most (a range of thousands of reps is cut there).
const MAX_RUNGS: usize = 20_000;

/// Halvings of the threshold when looking for the gentlest climb that still reaches the end
/// (the result is within 2^-48 of the threshold of the best one).
const BISECTIONS: u32 = 48;

/// One dose of the ladder with its usual-week load figures.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rung {
    /// Rungs of one load and number of sets share a group.
    pub group: u32,
    pub sets: u32,
    /// Reps per set; `None` keeps the prescription's own (a per-set list, or none).
    pub reps: Option<u32>,
    /// Kilograms; `None` keeps the prescription's load (not in kilograms).
    pub kg: Option<f64>,
    /// The usual-week figure of each of `Metric::LOADS`, in that order.
    pub usual: [f64; 4],
}

/// How the reps move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum RepsPlan {
    /// Through `lo..=hi` (from `start` at the first load), then at the end load up to `goal`.
    Climb {
        start: u32,
        lo: u32,
        hi: u32,
        goal: u32,
    },
    /// As prescribed, unchanged (a per-set list, or no reps).
    Keep,
}

/// Loads from `start` to `end` in steps of `step`, in the plan's unit of weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LoadPlan {
    pub start: f64,
    pub end: f64,
    pub step: f64,
}

/// What a ladder is built from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Spec {
    pub sets: u32,
    pub end_sets: u32,
    pub reps: RepsPlan,
    /// `None` when the load is not in kilograms (it stays as it is).
    pub load: Option<LoadPlan>,
    /// Groups worth building: one more than the weeks that can move (each group costs one).
    pub max_groups: usize,
}

/// `kg` to the hundredth of a kilogram a plan file shows, never above it (a fitted load is
/// never heavier than the load it stands for).
pub(super) fn hundredths_down(kg: f64) -> f64 {
    (kg * 100.0 + 1e-6).floor() / 100.0
}

/// The loads of the ladder: the start, then the multiples of the step above it up to the end
/// (at most `max_groups`), and whether the last of them is the end load. All are kept to the
/// hundredth ([`hundredths_down`]).
fn loads(lp: &LoadPlan, max_groups: usize) -> (Vec<f64>, bool) {
    let start = hundredths_down(lp.start);
    let end = hundredths_down(lp.end);
    let mut out = vec![start];
    if end <= start + 1e-9 {
        return (out, (end - start).abs() < 1e-6);
    }
    let mut m = (lp.start / lp.step + 1e-9).floor() + 1.0;
    let last = (lp.end / lp.step + 1e-9).floor();
    while m <= last && out.len() < max_groups.max(1) {
        out.push(hundredths_down(m * lp.step));
        m += 1.0;
    }
    let exact = out.last().is_some_and(|kg| (kg - end).abs() < 1e-6);
    (out, exact)
}

/// The ladder of `spec`; `usual` gives the usual-week figures of a dose (sets, reps, kg).
pub(super) fn build(
    spec: &Spec,
    usual: impl Fn(u32, Option<u32>, Option<f64>) -> [f64; 4],
) -> Vec<Rung> {
    let (kgs, exact): (Vec<Option<f64>>, bool) = match &spec.load {
        Some(lp) => {
            let (v, exact) = loads(lp, spec.max_groups);
            (v.into_iter().map(Some).collect(), exact)
        }
        None => (vec![None], true),
    };
    let mut rungs: Vec<Rung> = Vec::new();
    let push = |rungs: &mut Vec<Rung>, group: u32, sets: u32, reps: Option<u32>, kg| {
        if rungs.len() < MAX_RUNGS {
            rungs.push(Rung {
                group,
                sets,
                reps,
                kg,
                usual: usual(sets, reps, kg),
            });
        }
    };
    let last = kgs.len() - 1;
    for (j, &kg) in kgs.iter().enumerate() {
        let group = j as u32;
        let at_goal = j == last && exact;
        let sets = if at_goal && j > 0 {
            spec.sets.min(spec.end_sets)
        } else {
            spec.sets
        };
        match spec.reps {
            RepsPlan::Keep => push(&mut rungs, group, sets, None, kg),
            RepsPlan::Climb {
                start,
                lo,
                hi,
                goal,
            } => {
                let from = match (j, at_goal) {
                    (0, _) => start,
                    (_, true) => lo.min(goal),
                    (_, false) => lo,
                };
                // At the end load the reps go to the end's; at the last load short of an end
                // load off the grid, as far as the range or the end's reps go.
                let to = match (at_goal, j == last) {
                    (true, _) => goal,
                    (false, true) => hi.max(goal),
                    (false, false) => hi,
                }
                .max(from);
                for r in from..=to {
                    if rungs.len() >= MAX_RUNGS {
                        break;
                    }
                    push(&mut rungs, group, sets, Some(r), kg);
                }
            }
        }
    }
    // Sets as a last resort: only when the end dose has more sets than the start, and only on
    // top of the end load and reps (a whole set at a time, which few thresholds allow).
    let Some(top) = rungs.last().cloned() else {
        return rungs;
    };
    let reps_done = match spec.reps {
        RepsPlan::Climb { goal, .. } => top.reps == Some(goal),
        RepsPlan::Keep => true,
    };
    if exact && reps_done {
        for (i, sets) in (top.sets + 1..=spec.end_sets)
            .take(spec.max_groups)
            .enumerate()
        {
            push(&mut rungs, top.group + 1 + i as u32, sets, top.reps, top.kg);
        }
    }
    rungs
}

/// Whether going from `a` to `b` keeps every load metric's rise within `threshold` percent.
fn within(a: &Rung, b: &Rung, threshold: f64) -> bool {
    a.usual
        .iter()
        .zip(&b.usual)
        .all(|(&x, &y)| rise_pct(x, y).is_none_or(|p| p <= threshold + TOLERANCE_PCT))
}

/// The highest rung one week's move from rung `c` may reach.
fn reach(rungs: &[Rung], c: usize, threshold: f64) -> usize {
    let Some(next) = rungs.get(c + 1) else {
        return c;
    };
    if next.group != rungs[c].group {
        return if within(&rungs[c], next, threshold) {
            c + 1
        } else {
            c
        };
    }
    let mut best = c;
    for (j, r) in rungs.iter().enumerate().skip(c + 1) {
        if r.group != rungs[c].group || !within(&rungs[c], r, threshold) {
            break;
        }
        best = j;
    }
    best
}

/// The rung `moves` moves as fast as allowed end on.
fn fastest(rungs: &[Rung], moves: usize, threshold: f64) -> usize {
    let mut pos = 0;
    for _ in 0..moves {
        let next = reach(rungs, pos, threshold);
        if next == pos {
            break;
        }
        pos = next;
    }
    pos
}

/// A climb: the rung after each move, and the gentlest threshold that reaches the last rung
/// (when one does).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Climb {
    pub path: Vec<usize>,
    pub gentlest_pct: Option<f64>,
}

/// Climbs the ladder in `moves` moves under `threshold`. When the last rung can be reached,
/// the climb is the gentlest that reaches it: the smallest threshold that still does, with the
/// rungs spread evenly over the moves. Otherwise it climbs as fast as allowed.
pub(super) fn climb(rungs: &[Rung], moves: usize, threshold: f64) -> Climb {
    let last = rungs.len().saturating_sub(1);
    if fastest(rungs, moves, threshold) < last {
        let mut pos = 0;
        let path = (0..moves)
            .map(|_| {
                pos = reach(rungs, pos, threshold);
                pos
            })
            .collect();
        return Climb {
            path,
            gentlest_pct: None,
        };
    }
    let (mut lo, mut hi) = (0.0, threshold);
    for _ in 0..BISECTIONS {
        let mid = (lo + hi) / 2.0;
        if fastest(rungs, moves, mid) >= last {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Climb {
        path: paced(rungs, moves, hi),
        gentlest_pct: Some(hi),
    }
}

/// The climb to the last rung in `moves` moves under `threshold` (which must allow it), as
/// close as allowed to an even pace: after move `i`, rung `last * i / moves`.
fn paced(rungs: &[Rung], moves: usize, threshold: f64) -> Vec<usize> {
    let last = rungs.len().saturating_sub(1);
    // need[i]: the lowest rung from which the last one is still reachable in moves - i moves.
    let mut need = vec![0; moves + 1];
    need[moves] = last;
    for i in (1..moves).rev() {
        let target = need[i + 1];
        let (mut a, mut b) = (0, target);
        while a < b {
            let m = (a + b) / 2;
            if reach(rungs, m, threshold) >= target {
                b = m;
            } else {
                a = m + 1;
            }
        }
        need[i] = a;
    }
    let mut pos = 0;
    (1..=moves)
        .map(|i| {
            let ideal = (2 * last * i + moves) / (2 * moves);
            let lower = pos.max(need[i]);
            pos = ideal.max(lower).min(reach(rungs, pos, threshold));
            pos
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Volume-like figures: sets x reps x kg (reps counted as 1 when kept).
    fn volume(sets: u32, reps: Option<u32>, kg: Option<f64>) -> [f64; 4] {
        let reps = f64::from(sets * reps.unwrap_or(1));
        [reps * kg.unwrap_or(1.0), 0.0, reps, 0.0]
    }

    fn spec(lo: u32, hi: u32, start: f64, end: f64) -> Spec {
        Spec {
            sets: 3,
            end_sets: 3,
            reps: RepsPlan::Climb {
                start: lo,
                lo,
                hi,
                goal: lo,
            },
            load: Some(LoadPlan {
                start,
                end,
                step: 0.5,
            }),
            max_groups: 100,
        }
    }

    fn doses(rungs: &[Rung], path: &[usize]) -> Vec<(Option<u32>, Option<f64>)> {
        path.iter().map(|&i| (rungs[i].reps, rungs[i].kg)).collect()
    }

    #[test]
    fn the_ladder_climbs_reps_then_steps_the_load_with_reps_back_down() {
        let rungs = build(&spec(10, 11, 4.5, 5.5), volume);
        let labels: Vec<(Option<u32>, Option<f64>)> =
            rungs.iter().map(|r| (r.reps, r.kg)).collect();
        assert_eq!(
            labels,
            [
                (Some(10), Some(4.5)),
                (Some(11), Some(4.5)),
                (Some(10), Some(5.0)),
                (Some(11), Some(5.0)),
                (Some(10), Some(5.5)),
            ]
        );
        // Four moves are just enough; 10 -> 11 reps (+10 %) is the largest step.
        let c = climb(&rungs, 4, 10.0);
        assert_eq!(c.path, [1, 2, 3, 4]);
        assert!(c.gentlest_pct.is_some_and(|t| (t - 10.0).abs() < 1e-6));
        // Eight moves: the same rungs, spread out.
        let c = climb(&rungs, 8, 10.0);
        assert_eq!(c.path.last(), Some(&4));
        assert!(c.path.windows(2).all(|w| w[1] <= w[0] + 1), "{:?}", c.path);
    }

    #[test]
    fn out_of_reach_it_climbs_as_fast_as_allowed() {
        let rungs = build(&spec(10, 11, 4.5, 9.5), volume);
        let c = climb(&rungs, 4, 10.0);
        assert_eq!(c.gentlest_pct, None);
        assert_eq!(
            doses(&rungs, &c.path),
            [
                (Some(11), Some(4.5)),
                (Some(10), Some(5.0)),
                (Some(11), Some(5.0)),
                (Some(10), Some(5.5))
            ]
        );
        // 4.5 -> 5 kg at 10 reps is +11 %: without reps to climb it never moves.
        let rungs = build(&spec(10, 10, 4.5, 9.5), volume);
        assert_eq!(climb(&rungs, 4, 10.0).path, [0, 0, 0, 0]);
    }

    #[test]
    fn loads_are_multiples_of_the_step_and_the_end_may_be_off_the_grid() {
        let lp = LoadPlan {
            start: 4.5,
            end: 9.5,
            step: 2.5,
        };
        assert_eq!(loads(&lp, 100), (vec![4.5, 5.0, 7.5], false));
        let lp = LoadPlan { end: 10.0, ..lp };
        assert_eq!(loads(&lp, 100), (vec![4.5, 5.0, 7.5, 10.0], true));
        assert_eq!(loads(&lp, 2), (vec![4.5, 5.0], false));
    }

    #[test]
    fn sets_come_last_and_only_when_the_end_asks_for_them() {
        let mut s = spec(10, 10, 20.0, 20.0);
        s.end_sets = 4;
        s.reps = RepsPlan::Climb {
            start: 10,
            lo: 10,
            hi: 10,
            goal: 12,
        };
        let rungs = build(&s, volume);
        let shape: Vec<(u32, Option<u32>)> = rungs.iter().map(|r| (r.sets, r.reps)).collect();
        assert_eq!(
            shape,
            [(3, Some(10)), (3, Some(11)), (3, Some(12)), (4, Some(12))]
        );
        // A fourth set is +33 %: not within 10 %, within 40 %.
        assert_eq!(climb(&rungs, 6, 10.0).path.last(), Some(&2));
        assert_eq!(climb(&rungs, 6, 40.0).path.last(), Some(&3));
    }
}
