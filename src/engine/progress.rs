//! Week-by-week progression of one prescription. The exact (unrounded) values are carried
//! from week to week so that small steps add up; rounding happens only in what is shown.

use crate::model::limits::{MAX_REPS, MAX_SETS, MAX_WEEKS};
use crate::model::{
    Amount, Dose, Load, LoadUnit, Plan, Prescription, Reps, Rule, TableRow, Target,
};

/// Reps with exact values, in the shape the prescription gave them.
#[derive(Debug, Clone, PartialEq)]
enum RepsF {
    Fixed(f64),
    Range(f64, f64),
    PerSet(Vec<f64>),
}

impl RepsF {
    fn from_reps(reps: &Reps) -> RepsF {
        match reps {
            Reps::Fixed(n) => RepsF::Fixed(f64::from(*n)),
            Reps::Range(a, b) => RepsF::Range(f64::from(*a), f64::from(*b)),
            Reps::PerSet(list) => RepsF::PerSet(list.iter().map(|n| f64::from(*n)).collect()),
        }
    }

    fn map(&mut self, mut f: impl FnMut(f64) -> f64) {
        match self {
            RepsF::Fixed(a) => *a = f(*a),
            RepsF::Range(a, b) => {
                *a = f(*a);
                *b = f(*b);
            }
            RepsF::PerSet(list) => list.iter_mut().for_each(|x| *x = f(*x)),
        }
    }

    fn to_reps(&self) -> Reps {
        match self {
            RepsF::Fixed(a) => Reps::Fixed(whole(*a)),
            RepsF::Range(a, b) => {
                let (lo, hi) = (whole(*a), whole(*b));
                Reps::Range(lo.min(hi), lo.max(hi))
            }
            RepsF::PerSet(list) => Reps::PerSet(list.iter().map(|x| whole(*x)).collect()),
        }
    }
}

/// A non-negative whole number from an exact value (NaN -> 0, huge -> [`MAX_REPS`], the
/// largest count a plan may give).
pub(crate) fn whole(x: f64) -> u32 {
    if x.is_finite() && x > 0.0 {
        x.round().min(f64::from(MAX_REPS)) as u32
    } else {
        0
    }
}

/// A finite, non-negative value (NaN and negatives become 0, infinities a large cap).
pub(crate) fn clean(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        0.0
    } else {
        x.min(1.0e7)
    }
}

fn round_to(x: f64, step: Option<f64>, default_step: f64) -> f64 {
    let step = step
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(default_step);
    clean((x / step).round() * step)
}

/// The progressing state of one prescription.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub exercise: String,
    sets: f64,
    reps: Option<RepsF>,
    hold_secs: Option<f64>,
    minutes: Option<f64>,
    /// The load's number; a load in kilograms in the plan's unit (`unit`), so rules add,
    /// cap and round in the unit the physio works in (10 lb stays 10 lb).
    load_value: Option<f64>,
    /// The plan's unit of weight.
    unit: LoadUnit,
    /// Sessions in the week, when a table row set them.
    pub sessions: Option<u32>,
    base: Dose,
    load_step: Option<f64>,
    hold_step: Option<f64>,
    minutes_step: Option<f64>,
    /// What the rules say about each week, looked up once.
    weeks: RuleWeeks,
}

/// What a prescription's rules say about each of its weeks: the table row that sets it, a
/// hold, a deload. Built once per prescription, so a week's lookup costs the same however many
/// rules, rows and listed weeks there are (asking every rule about every week would multiply
/// their lengths).
#[derive(Debug, Clone, Default)]
struct RuleWeeks {
    /// The prescription's first week (index 0 below).
    first: u32,
    /// (rule, row) of the table row of each week: the first table listing the week, its first
    /// row for it.
    rows: Vec<Option<(usize, usize)>>,
    hold: Vec<bool>,
    /// (volume percent, load percent): the largest of the deload rules of the week.
    deload: Vec<Option<(f64, f64)>>,
}

impl RuleWeeks {
    fn new(rx: &Prescription) -> RuleWeeks {
        let first = rx.weeks.first.max(1);
        let last = rx.weeks.last.min(MAX_WEEKS);
        let n = last.saturating_add(1).saturating_sub(first) as usize;
        let mut weeks = RuleWeeks {
            first,
            rows: vec![None; n],
            hold: vec![false; n],
            deload: vec![None; n],
        };
        for (r, rule) in rx.rules.iter().enumerate() {
            match rule {
                Rule::Table { rows, .. } => {
                    for (k, row) in rows.iter().enumerate() {
                        if let Some(slot) = weeks.index(row.week).map(|i| &mut weeks.rows[i])
                            && slot.is_none()
                        {
                            *slot = Some((r, k));
                        }
                    }
                }
                Rule::Hold { weeks: listed } => {
                    for &w in listed {
                        if let Some(i) = weeks.index(w) {
                            weeks.hold[i] = true;
                        }
                    }
                }
                Rule::Deload {
                    every_weeks,
                    weeks: listed,
                    volume_pct,
                    load_pct,
                } => {
                    let cut = (clean(*volume_pct), clean(*load_pct));
                    let every = every_weeks
                        .filter(|n| *n > 0)
                        .map(|n| (first.div_ceil(n).max(1)..).map_while(move |k| k.checked_mul(n)))
                        .into_iter()
                        .flatten()
                        .take_while(|w| *w <= last);
                    for w in listed.iter().copied().chain(every) {
                        if let Some(i) = weeks.index(w) {
                            let d = &mut weeks.deload[i];
                            *d = Some(d.map_or(cut, |(v, l)| (v.max(cut.0), l.max(cut.1))));
                        }
                    }
                }
                Rule::Add { .. } | Rule::NextVariation { .. } => {}
            }
        }
        weeks
    }

    fn index(&self, week: u32) -> Option<usize> {
        let i = week.checked_sub(self.first)? as usize;
        (i < self.rows.len()).then_some(i)
    }
}

/// Which variables a week's progression touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Touched {
    /// The week's values came from an explicit table row.
    pub from_table: bool,
}

impl State {
    pub fn new(rx: &Prescription, unit: LoadUnit) -> State {
        let mut st = State {
            unit,
            exercise: rx.exercise.clone(),
            sets: 0.0,
            reps: None,
            hold_secs: None,
            minutes: None,
            load_value: None,
            sessions: None,
            base: rx.dose.clone(),
            load_step: None,
            hold_step: None,
            minutes_step: None,
            weeks: RuleWeeks::new(rx),
        };
        st.reset_dose();
        for rule in &rx.rules {
            if let Rule::Add {
                target, round_to, ..
            } = rule
                && round_to.is_some()
            {
                match target {
                    // Rule weights are kilograms; the state counts in the plan's unit.
                    Target::Load => st.load_step = round_to.map(|r| st.weight_in_unit(r)),
                    Target::Hold => st.hold_step = *round_to,
                    Target::Minutes => st.minutes_step = *round_to,
                    Target::Reps | Target::Sets => {}
                }
            }
        }
        st
    }

    fn reset_dose(&mut self) {
        let base = &self.base;
        self.sets = clean(f64::from(base.sets));
        self.reps = base.reps.as_ref().map(RepsF::from_reps);
        self.hold_secs = base.hold_secs.map(clean);
        self.minutes = base.minutes.map(clean);
        self.load_value = match base.load {
            Load::Kg(kg) => Some(clean(self.unit.from_kg(kg))),
            _ => base.load_number().map(clean),
        };
    }

    /// Moves the state to plan week `week` (a week after the prescription's first, or the
    /// first itself), applying the rules that fire in it. Returns what happened.
    pub fn advance(&mut self, plan: &Plan, rx: &Prescription, week: u32) -> Touched {
        let mut touched = Touched::default();
        if let Some(row) = self.table_row(rx, week) {
            self.apply_row(row);
            touched.from_table = true;
            return touched;
        }
        if week <= rx.weeks.first || self.is_hold(week) || self.deload(week).is_some() {
            return touched;
        }
        let since = week - rx.weeks.first;
        for rule in &rx.rules {
            match rule {
                Rule::Add {
                    target,
                    amount,
                    every_weeks,
                    cap,
                    from_week,
                    until_week,
                    ..
                } => {
                    let every = (*every_weeks).max(1);
                    let in_window =
                        from_week.is_none_or(|f| week >= f) && until_week.is_none_or(|u| week <= u);
                    if in_window && since.is_multiple_of(every) {
                        self.add(*target, *amount, *cap);
                    }
                }
                Rule::NextVariation {
                    after_weeks,
                    reset_dose,
                } => {
                    let after = (*after_weeks).max(1);
                    if since.is_multiple_of(after) {
                        let next = plan
                            .exercise(&self.exercise)
                            .and_then(|e| e.harder.first())
                            .filter(|id| plan.exercise(id).is_some())
                            .cloned();
                        if let Some(next) = next {
                            let kind_of = |id: &str| plan.exercise(id).map(|e| e.dose_kind);
                            let changes_kind = kind_of(&self.exercise) != kind_of(&next);
                            let next_default = plan.exercise(&next).map(|e| e.default_dose.clone());
                            let load_kind_changes = next_default.as_ref().is_some_and(|d| {
                                std::mem::discriminant(&d.load)
                                    != std::mem::discriminant(&self.base.load)
                            });
                            self.exercise = next;
                            if let Some(default) =
                                next_default.filter(|_| changes_kind || load_kind_changes)
                            {
                                // A variation dosed differently (a hold becoming reps, body weight
                                // becoming kilograms) starts from its own default dose.
                                self.base = Dose {
                                    side: self.base.side,
                                    ..default
                                };
                                self.reset_dose();
                            } else if *reset_dose {
                                self.reset_dose();
                            }
                        }
                    }
                }
                Rule::Table { .. } | Rule::Deload { .. } | Rule::Hold { .. } => {}
            }
        }
        touched
    }

    /// The table row that sets `week`'s values, if any.
    pub fn table_row<'r>(&self, rx: &'r Prescription, week: u32) -> Option<&'r TableRow> {
        let (r, k) = (*self.weeks.rows.get(self.weeks.index(week)?)?)?;
        match rx.rules.get(r)? {
            Rule::Table { rows, .. } => rows.get(k),
            _ => None,
        }
    }

    /// The source of the table whose row sets `week`'s values, when it has one.
    pub fn table_source<'r>(&self, rx: &'r Prescription, week: u32) -> Option<&'r str> {
        let (r, _) = (*self.weeks.rows.get(self.weeks.index(week)?)?)?;
        match rx.rules.get(r)? {
            Rule::Table {
                source: Some(source),
                ..
            } => Some(source.as_str()).filter(|s| !s.trim().is_empty()),
            _ => None,
        }
    }

    /// True when `week` is a hold week of the prescription.
    pub fn is_hold(&self, week: u32) -> bool {
        self.weeks.index(week).is_some_and(|i| self.weeks.hold[i])
    }

    /// The deload reduction of `week` as (volume percent, load percent): the largest of the
    /// prescription's deload rules that apply that week.
    pub fn deload(&self, week: u32) -> Option<(f64, f64)> {
        self.weeks.deload[self.weeks.index(week)?]
    }

    fn apply_row(&mut self, row: &TableRow) {
        if let Some(n) = row.sessions {
            self.sessions = Some(n);
        }
        if let Some(n) = row.sets {
            self.sets = f64::from(n.min(MAX_SETS));
        }
        if let Some(r) = &row.reps {
            self.reps = Some(RepsF::from_reps(r));
        }
        if let Some(h) = row.hold_secs {
            self.hold_secs = Some(clean(h));
        }
        if let Some(kg) = row.load_kg {
            self.load_value = Some(clean(self.unit.from_kg(kg)));
        }
        if let Some(rm) = row.rm {
            self.load_value = Some(f64::from(rm));
        }
        if let Some(m) = row.minutes {
            self.minutes = Some(clean(m));
        }
    }

    /// A rule's number for the load, in the state's terms: kilograms in the plan's unit when
    /// the load is a weight, other loads (levels, %1RM, RPE) as they are.
    fn weight_in_unit(&self, v: f64) -> f64 {
        match Target::Load.unit_for(&self.base.load, self.unit) {
            (_, true) => self.unit.from_kg(v),
            (_, false) => v,
        }
    }

    fn add(&mut self, target: Target, amount: Amount, cap: Option<f64>) {
        let (amount, cap) = if target == Target::Load {
            let amount = match amount {
                Amount::Absolute(a) => Amount::Absolute(self.weight_in_unit(a)),
                percent => percent,
            };
            (amount, cap.map(|c| self.weight_in_unit(c)))
        } else {
            (amount, cap)
        };
        let step = |x: f64| -> f64 {
            let next = match amount {
                Amount::Absolute(a) => x + finite(a),
                Amount::Percent(p) => x * (1.0 + finite(p) / 100.0),
            };
            let capped = match cap.filter(|c| c.is_finite()) {
                // A cap stops the change at the cap; values already past it stay where they are.
                Some(c) if next > x => next.min(c.max(x)),
                Some(c) if next < x => next.max(c.min(x)),
                _ => next,
            };
            clean(capped)
        };
        match target {
            Target::Load => self.load_value = self.load_value.map(step),
            Target::Reps => {
                if let Some(r) = &mut self.reps {
                    r.map(step);
                }
            }
            Target::Sets => self.sets = step(self.sets),
            Target::Hold => self.hold_secs = self.hold_secs.map(step),
            Target::Minutes => self.minutes = self.minutes.map(step),
        }
    }

    /// The dose shown for this state, with deload reductions applied when `deload` is given
    /// as (volume percent, load percent).
    pub fn resolve(&self, deload: Option<(f64, f64)>) -> Dose {
        let base = &self.base;
        let mut sets = whole(self.sets).min(MAX_SETS);
        let mut reps = self.reps.clone();
        let mut hold = self.hold_secs;
        let mut minutes = self.minutes;
        let mut load_value = self.load_value;
        if let Some((volume_pct, load_pct)) = deload {
            let keep = 1.0 - clean(volume_pct).min(100.0) / 100.0;
            if keep < 1.0 {
                let fewer = whole(f64::from(sets) * keep).max(1);
                if fewer < sets {
                    sets = fewer;
                } else {
                    let shrink = |x: f64| {
                        let y = (x * keep).round();
                        if y >= x && x > 1.0 {
                            x - 1.0
                        } else {
                            y.max(1.0)
                        }
                    };
                    if let Some(r) = &mut reps {
                        r.map(|x| shrink(x.round()));
                    } else if let Some(h) = hold {
                        hold = Some(shrink(h.round()));
                    } else if let Some(m) = minutes {
                        minutes = Some(shrink(m.round()));
                    }
                }
            }
            let keep_load = 1.0 - clean(load_pct).min(100.0) / 100.0;
            load_value = load_value.map(|v| v * keep_load);
        }
        let load = match (&base.load, load_value) {
            (Load::Kg(_), Some(v)) => {
                Load::Kg(clean(self.unit.to_kg(round_to(v, self.load_step, 0.01))))
            }
            (Load::PercentOneRm(_), Some(v)) => {
                Load::PercentOneRm(round_to(v, self.load_step, 0.5))
            }
            (Load::Rpe(_), Some(v)) => Load::Rpe(round_to(v, self.load_step, 0.5).min(10.0)),
            (Load::Band(_), Some(v)) => Load::Band(whole(v)),
            (Load::Rir(_), Some(v)) => Load::Rir(whole(v)),
            (Load::Rm(_), Some(v)) => Load::Rm(whole(v).max(1)),
            (other, _) => other.clone(),
        };
        Dose {
            sets,
            reps: reps.map(|r| r.to_reps()),
            hold_secs: hold.map(|h| round_to(h, self.hold_step, 1.0)),
            minutes: minutes.map(|m| round_to(m, self.minutes_step, 0.5)),
            distance_m: base.distance_m.map(clean),
            load,
            rpe: base.rpe.map(|r| clean(r).min(10.0)),
            tempo: base.tempo,
            rest_secs: base.rest_secs,
            rom: base.rom.clone(),
            side: base.side,
        }
    }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}
