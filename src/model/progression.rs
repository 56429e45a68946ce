//! Progression rules: how a prescription's dose changes week by week. Several rules apply to
//! one prescription, in order. The engine (`engine::project`) gives them their meaning:
//!
//! - `Add` raises (or lowers) load, reps, sets or hold time by an amount or a percentage every
//!   `every_weeks` weeks, up to `cap`; the exact value is kept and rounded only when shown, so
//!   small percentages still add up to the next plate.
//! - `NextVariation` moves to the first harder variation on the ladder every `after_weeks`.
//! - `Table` sets explicit values for listed weeks (the Nordic protocol table); a row's values
//!   carry on to later weeks until another row or rule changes them.
//! - `Deload` lowers volume and/or load in some weeks without moving the progression on.
//! - `Hold` freezes progression in the listed weeks.
//!
//! Weights in rules are kilograms, like every weight in the file (a cap of 22.68 is 50 lb);
//! a plan in pounds shows, adds and rounds them in pounds ([`Target::unit_for`]).

use serde::{Deserialize, Serialize};

use super::dose::{Load, LoadUnit, Reps};

/// The variable an `Add` rule changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// External load (kg, band level or %1RM; no effect on body weight).
    Load,
    Reps,
    Sets,
    /// Hold seconds.
    Hold,
    /// Minutes per set (conditioning, running).
    Minutes,
}

impl Target {
    /// Every target, in display order.
    pub const ALL: [Target; 5] = [
        Target::Load,
        Target::Reps,
        Target::Sets,
        Target::Hold,
        Target::Minutes,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Target::Load => "load",
            Target::Reps => "reps",
            Target::Sets => "sets",
            Target::Hold => "hold time",
            Target::Minutes => "minutes",
        }
    }

    /// The unit of this target's amounts, caps and rounding for a dose loaded with `load`,
    /// in a plan in `unit`: `kg`/`lb`, `levels`, `%1RM`, `reps`, `s`, ...; and whether the
    /// stored numbers are kilograms shown in `unit` (an external weight).
    pub fn unit_for(self, load: &Load, unit: LoadUnit) -> (&'static str, bool) {
        match self {
            Target::Load => match load {
                Load::Band(_) => ("levels", false),
                Load::PercentOneRm(_) => ("%1RM", false),
                Load::Rpe(_) => ("RPE", false),
                Load::Rir(_) => ("RIR", false),
                Load::Rm(_) => ("RM", false),
                Load::Kg(_) | Load::None | Load::BodyWeight => (unit.symbol(), true),
            },
            Target::Reps => ("reps", false),
            Target::Sets => ("sets", false),
            Target::Hold => ("s", false),
            Target::Minutes => ("min", false),
        }
    }
}

/// How much an `Add` rule changes its target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Amount {
    /// In the target's own unit (kg, reps, sets, seconds, minutes).
    Absolute(f64),
    /// Percent of the current value.
    Percent(f64),
}

/// One explicit week of a `Table` rule. Absent fields keep their current value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    pub week: u32,
    /// Sessions in that week (replaces the schedule with N sessions per week).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps: Option<Reps>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_secs: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_kg: Option<f64>,
    /// The load as a repetition maximum that week (15 = 15RM; format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rm: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
}

/// A progression rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Rule {
    Add {
        target: Target,
        amount: Amount,
        /// Apply every N weeks of the prescription (1 = every week).
        #[serde(default = "one")]
        every_weeks: u32,
        /// Value the target never goes past (a ceiling when adding, a floor when removing).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap: Option<f64>,
        /// Round what is shown to this increment (e.g. 1 kg or 2.5 kg plates; 5 s holds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        round_to: Option<f64>,
        /// First plan week the rule may apply in.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_week: Option<u32>,
        /// Last plan week the rule may apply in.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until_week: Option<u32>,
    },
    NextVariation {
        /// Move one step up the ladder every N weeks.
        after_weeks: u32,
        /// Start the harder variation again from the prescription's starting dose.
        #[serde(default)]
        reset_dose: bool,
    },
    Table {
        #[serde(deserialize_with = "super::limits::at_most::<super::limits::WeekList, _, _>")]
        rows: Vec<TableRow>,
        /// The published protocol the table reproduces ("Petersen et al. 2011"): a rise it
        /// prescribes is reported as a note naming it, not as a warning.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    Deload {
        /// Every N-th plan week is a deload week (4 = weeks 4, 8, 12, ...).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        every_weeks: Option<u32>,
        /// Listed plan weeks that are deload weeks.
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "super::limits::at_most::<super::limits::WeekList, _, _>"
        )]
        weeks: Vec<u32>,
        /// Percent by which volume (sets, or reps/hold/minutes when there is one set) drops.
        #[serde(default)]
        volume_pct: f64,
        /// Percent by which external load drops.
        #[serde(default)]
        load_pct: f64,
    },
    Hold {
        #[serde(deserialize_with = "super::limits::at_most::<super::limits::WeekList, _, _>")]
        weeks: Vec<u32>,
    },
}

fn one() -> u32 {
    1
}

impl Rule {
    /// A new rule adding `amount` to `target` every week, without cap or rounding.
    pub fn add(target: Target, amount: Amount) -> Rule {
        Rule::Add {
            target,
            amount,
            every_weeks: 1,
            cap: None,
            round_to: None,
            from_week: None,
            until_week: None,
        }
    }

    /// Short name of the rule's kind.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Rule::Add { .. } => "Add",
            Rule::NextVariation { .. } => "Next variation",
            Rule::Table { .. } => "Per-week table",
            Rule::Deload { .. } => "Deload",
            Rule::Hold { .. } => "Hold",
        }
    }

    /// One line describing the rule for a dose loaded with `load` in a plan in `unit`:
    /// `+5 % load every week (cap 20 kg, round to 1 kg)`.
    pub fn summary(&self, load: &Load, plan_unit: LoadUnit) -> String {
        use super::dose::fmt_num;
        match self {
            Rule::Add {
                target,
                amount,
                every_weeks,
                cap,
                round_to,
                from_week,
                until_week,
            } => {
                let (symbol, weight) = target.unit_for(load, plan_unit);
                let unit = format!(" {symbol}");
                let shown = |v: f64| if weight { plan_unit.from_kg(v) } else { v };
                let amt = match amount {
                    Amount::Absolute(a) => format!("{}{unit}", signed(shown(*a))),
                    Amount::Percent(p) => format!("{} % {}", signed(*p), target.label()),
                };
                let mut s = match (amount, target) {
                    (Amount::Absolute(_), Target::Load | Target::Hold) => {
                        format!("{amt} {}", target.label())
                    }
                    _ => amt,
                };
                if *every_weeks <= 1 {
                    s.push_str(" every week");
                } else {
                    s.push_str(&format!(" every {every_weeks} weeks"));
                }
                if let Some(c) = cap {
                    s.push_str(&format!(", cap {}{unit}", fmt_num(shown(*c))));
                }
                if let Some(r) = round_to {
                    s.push_str(&format!(", round to {}{unit}", fmt_num(shown(*r))));
                }
                match (from_week, until_week) {
                    (Some(a), Some(b)) => s.push_str(&format!(", weeks {a}-{b}")),
                    (Some(a), None) => s.push_str(&format!(", from week {a}")),
                    (None, Some(b)) => s.push_str(&format!(", until week {b}")),
                    (None, None) => {}
                }
                s
            }
            Rule::NextVariation {
                after_weeks,
                reset_dose,
            } => format!(
                "harder variation every {after_weeks} weeks{}",
                if *reset_dose { ", dose restarts" } else { "" }
            ),
            Rule::Table { rows, source } => match source {
                Some(source) => format!("explicit values for {} weeks ({source})", rows.len()),
                None => format!("explicit values for {} weeks", rows.len()),
            },
            Rule::Deload {
                every_weeks,
                weeks,
                volume_pct,
                load_pct,
            } => {
                let when = match (every_weeks, weeks.is_empty()) {
                    (Some(n), true) => format!("every {n}th week"),
                    (Some(n), false) => format!("every {n}th week and weeks {}", join_weeks(weeks)),
                    (None, _) => format!("weeks {}", join_weeks(weeks)),
                };
                format!(
                    "deload {when}: volume -{} %, load -{} %",
                    fmt_num(*volume_pct),
                    fmt_num(*load_pct)
                )
            }
            Rule::Hold { weeks } => format!("no progression in weeks {}", join_weeks(weeks)),
        }
    }
}

fn signed(x: f64) -> String {
    let s = super::dose::fmt_num(x);
    if x >= 0.0 { format!("+{s}") } else { s }
}

fn join_weeks(weeks: &[u32]) -> String {
    weeks
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
