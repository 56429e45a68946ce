//! The dose of one exercise in one week: sets, reps (a number, a range or a per-set list),
//! hold time, external load, tempo, rest, side. Optional parts stay empty rather than being
//! invented, as the clinical summary asks.

use serde::{Deserialize, Serialize};

/// Repetitions per set. A range such as 6-8 stays a range; a per-set list such as 12, 10, 8
/// stays a list; progression keeps the shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reps {
    /// The same number in every set.
    Fixed(u32),
    /// A range, lowest and highest (inclusive), the same in every set.
    Range(u32, u32),
    /// One number per set; the number of entries is the number of sets.
    PerSet(
        #[serde(deserialize_with = "super::limits::at_most::<super::limits::PerSetList, _, _>")]
        Vec<u32>,
    ),
}

impl Reps {
    /// Reps of set `index` (0-based) as (lowest, highest).
    pub fn for_set(&self, index: usize) -> (u32, u32) {
        match self {
            Reps::Fixed(n) => (*n, *n),
            Reps::Range(a, b) => (*a, *b),
            Reps::PerSet(list) => {
                let n = list
                    .get(index)
                    .or_else(|| list.last())
                    .copied()
                    .unwrap_or(0);
                (n, n)
            }
        }
    }

    /// Short text: `10`, `6-8`, `12/10/8`.
    pub fn label(&self) -> String {
        match self {
            Reps::Fixed(n) => n.to_string(),
            Reps::Range(a, b) => format!("{a}-{b}"),
            Reps::PerSet(list) => list
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join("/"),
        }
    }
}

/// External load or effort target.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Load {
    /// No load given.
    #[default]
    None,
    /// Body weight only: never converted to kilograms.
    BodyWeight,
    /// External load in kilograms (dumbbell, barbell, added weight).
    Kg(f64),
    /// Elastic band, by the level printed on it (1 = lightest).
    Band(u32),
    /// Percent of one-repetition maximum.
    PercentOneRm(f64),
    /// Effort target on the CR-10 / RPE scale.
    Rpe(f64),
    /// Reps in reserve.
    Rir(u32),
    /// A repetition maximum: the load the athlete can lift this many times with good form
    /// (15RM, ..., 6RM), as heavy slow resistance is written. The athlete finds the kilograms;
    /// none are invented.
    Rm(u32),
}

impl Load {
    /// True for `Load::None` (no load given).
    pub fn is_none(&self) -> bool {
        *self == Load::None
    }

    /// External kilograms, when the load is given in kilograms.
    pub fn kg(&self) -> Option<f64> {
        match self {
            Load::Kg(kg) => Some(*kg),
            _ => None,
        }
    }

    /// Short text with unit: `4.5 kg`, `body weight`, `band 2`, `70 %1RM`, `RPE 7`, `RIR 2`.
    pub fn label(&self) -> String {
        match self {
            Load::None => String::new(),
            Load::BodyWeight => "body weight".to_owned(),
            Load::Kg(kg) => format!("{} kg", fmt_num(*kg)),
            Load::Band(level) => format!("band {level}"),
            Load::PercentOneRm(p) => format!("{} %1RM", fmt_num(*p)),
            Load::Rpe(r) => format!("RPE {}", fmt_num(*r)),
            Load::Rir(r) => format!("RIR {r}"),
            Load::Rm(n) => format!("{n}RM"),
        }
    }
}

/// Seconds per phase of one repetition: lowering (eccentric), pause, lifting (concentric).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tempo {
    pub eccentric_secs: f64,
    #[serde(default)]
    pub pause_secs: f64,
    pub concentric_secs: f64,
}

impl Tempo {
    /// Seconds one repetition takes.
    pub fn rep_secs(&self) -> f64 {
        self.eccentric_secs + self.pause_secs + self.concentric_secs
    }

    /// `3-0-3` style text.
    pub fn label(&self) -> String {
        format!(
            "{}-{}-{}",
            fmt_num(self.eccentric_secs),
            fmt_num(self.pause_secs),
            fmt_num(self.concentric_secs)
        )
    }
}

/// A leg (or arm): the plan's injured side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limb {
    Left,
    Right,
}

impl Limb {
    /// `left`, `right`.
    pub fn label(self) -> &'static str {
        match self {
            Limb::Left => "left",
            Limb::Right => "right",
        }
    }

    /// The other one.
    pub fn other(self) -> Limb {
        match self {
            Limb::Left => Limb::Right,
            Limb::Right => Limb::Left,
        }
    }
}

/// Which side does the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Side {
    /// Both legs together (or not applicable).
    #[default]
    Both,
    /// Each side in turn: the dose is done once per side.
    Each,
    Left,
    Right,
    /// The injured side only (the plan says which one it is).
    Affected,
    /// The side that is not injured only.
    Unaffected,
}

impl Side {
    /// Every side, in the order an editor lists them.
    pub const ALL: [Side; 6] = [
        Side::Both,
        Side::Each,
        Side::Affected,
        Side::Unaffected,
        Side::Left,
        Side::Right,
    ];

    /// How many times the dose is done: twice for `Each`, once otherwise.
    pub fn multiplier(self) -> f64 {
        match self {
            Side::Each => 2.0,
            _ => 1.0,
        }
    }

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Side::Both => "both",
            Side::Each => "each side",
            Side::Left => "left",
            Side::Right => "right",
            Side::Affected => "injured side",
            Side::Unaffected => "other side",
        }
    }

    /// The limb a one-sided dose is for, when known: left, right, or the injured or other
    /// side of a plan that says which side is injured.
    pub fn limb(self, injured: Option<Limb>) -> Option<Limb> {
        match self {
            Side::Left => Some(Limb::Left),
            Side::Right => Some(Limb::Right),
            Side::Affected => injured,
            Side::Unaffected => injured.map(Limb::other),
            Side::Both | Side::Each => None,
        }
    }

    /// The side in words for the athlete, given the plan's injured side: `your left leg, the
    /// injured side`, `your right leg (not the injured one)`, `each leg`, `the injured side`.
    pub fn words(self, injured: Option<Limb>) -> String {
        match (self, self.limb(injured)) {
            (Side::Both, _) => "both legs".to_owned(),
            (Side::Each, _) => "each leg".to_owned(),
            (_, Some(limb)) if Some(limb) == injured => {
                format!("your {} leg, the injured side", limb.label())
            }
            (_, Some(limb)) if injured.is_some() => {
                format!("your {} leg (not the injured one)", limb.label())
            }
            (_, Some(limb)) => format!("your {} leg", limb.label()),
            (Side::Affected, None) => "the injured side".to_owned(),
            (_, None) => "the other side (not the injured one)".to_owned(),
        }
    }
}

/// A dose. Every optional field may be absent in a file; absent means "not prescribed".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    pub sets: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps: Option<Reps>,
    /// Seconds held: per rep when reps are given, per set otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_secs: Option<f64>,
    /// Minutes per set, for conditioning and running (a 20-minute ride is 1 set of 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
    /// Metres per set, for distance-dosed work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    #[serde(skip_serializing_if = "Load::is_none")]
    pub load: Load,
    /// Planned session effort (CR-10), used with `minutes` for session-RPE load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tempo: Option<Tempo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest_secs: Option<u32>,
    /// Range-of-motion instruction ("to just before pain", "hip near neutral").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rom: Option<String>,
    pub side: Side,
}

impl Dose {
    /// The load's number, whatever its unit (kg, band level, %1RM, RPE, RIR).
    pub fn load_number(&self) -> Option<f64> {
        match self.load {
            Load::None | Load::BodyWeight => None,
            Load::Kg(x) | Load::PercentOneRm(x) | Load::Rpe(x) => Some(x),
            Load::Band(n) | Load::Rir(n) | Load::Rm(n) => Some(f64::from(n)),
        }
    }
}

impl Default for Dose {
    fn default() -> Self {
        Dose {
            sets: 3,
            reps: None,
            hold_secs: None,
            minutes: None,
            distance_m: None,
            load: Load::None,
            rpe: None,
            tempo: None,
            rest_secs: None,
            rom: None,
            side: Side::Both,
        }
    }
}

/// Unit loads are shown in (plans always store kilograms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LoadUnit {
    #[default]
    Kg,
    Lb,
}

impl LoadUnit {
    /// Both units, kilograms first.
    pub const ALL: [LoadUnit; 2] = [LoadUnit::Kg, LoadUnit::Lb];

    /// Kilograms per pound.
    pub const KG_PER_LB: f64 = 0.453_592_37;

    /// `kg` in this unit.
    pub fn from_kg(self, kg: f64) -> f64 {
        match self {
            LoadUnit::Kg => kg,
            LoadUnit::Lb => kg / Self::KG_PER_LB,
        }
    }

    /// A value in this unit, in kilograms.
    pub fn to_kg(self, value: f64) -> f64 {
        match self {
            LoadUnit::Kg => value,
            LoadUnit::Lb => value * Self::KG_PER_LB,
        }
    }

    /// `kg` or `lb`.
    pub fn symbol(self) -> &'static str {
        match self {
            LoadUnit::Kg => "kg",
            LoadUnit::Lb => "lb",
        }
    }
}

impl Dose {
    /// The dose in words, loads in `unit`: `3 x 10 @ 4.5 kg each side`, `3 sets: 12/10/8`,
    /// `3 x 20 s hold @ body weight`, `1 x 20 min`, `3 x 6-8 (3 s hold) @ band 2 (left)`.
    /// The one wording of a dose everywhere (window, command line, handout, calendar).
    pub fn label(&self, unit: LoadUnit) -> String {
        self.label_with(unit, None)
    }

    /// [`Dose::label`], the side named as a leg when the plan says which side is injured:
    /// `3 x 6 @ body weight (left leg, the injured side)`.
    pub fn label_with(&self, unit: LoadUnit, injured: Option<Limb>) -> String {
        let hold = self.hold_secs.map(|h| format!("{} s hold", fmt_num(h)));
        let minutes = self.minutes.map(|m| format!("{} min", fmt_num(m)));
        let distance = self.distance_m.map(|d| format!("{} m", fmt_num(d)));
        let mut amounts = [hold, minutes, distance].into_iter().flatten();
        let mut s = match &self.reps {
            Some(r @ Reps::PerSet(_)) => format!("{} sets: {}", self.sets, r.label()),
            Some(r) => format!("{} x {}", self.sets, r.label()),
            None => match amounts.next() {
                Some(amount) => format!("{} x {amount}", self.sets),
                None => format!("{} sets", self.sets),
            },
        };
        for extra in amounts {
            s.push_str(&format!(" ({extra})"));
        }
        let load = self.load.label_in(unit);
        if !load.is_empty() {
            s.push_str(&format!(" @ {load}"));
        }
        match self.side {
            Side::Each => s.push_str(" each side"),
            Side::Affected | Side::Unaffected if injured.is_some() => {
                let limb = self.side.limb(injured).map_or("", Limb::label);
                let which = if self.side == Side::Affected {
                    "the injured side"
                } else {
                    "not the injured side"
                };
                s.push_str(&format!(" ({limb} leg, {which})"));
            }
            Side::Left | Side::Right | Side::Affected | Side::Unaffected => {
                s.push_str(&format!(" ({})", self.side.label()));
            }
            Side::Both => {}
        }
        s
    }
}

impl Load {
    /// Short text with the unit, kilograms shown in `unit`: `9.92 lb`, `body weight`.
    pub fn label_in(&self, unit: LoadUnit) -> String {
        match self {
            Load::Kg(kg) => format!("{} {}", fmt_num(unit.from_kg(*kg)), unit.symbol()),
            other => other.label(),
        }
    }
}

/// Formats a number without a trailing `.0`, with at most two decimals.
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "-".to_owned();
    }
    let rounded = (x * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let s = format!("{rounded:.2}");
        s.trim_end_matches('0').to_owned()
    }
}

#[cfg(test)]
mod side_tests {
    use super::*;

    #[test]
    fn a_dose_for_the_injured_side_names_the_leg_once_the_plan_knows_it() {
        let dose = Dose {
            sets: 3,
            reps: Some(Reps::Fixed(6)),
            load: Load::BodyWeight,
            side: Side::Affected,
            ..Dose::default()
        };
        assert_eq!(
            dose.label(LoadUnit::Kg),
            "3 x 6 @ body weight (injured side)"
        );
        assert_eq!(
            dose.label_with(LoadUnit::Kg, Some(Limb::Left)),
            "3 x 6 @ body weight (left leg, the injured side)"
        );
        let other = Dose {
            side: Side::Unaffected,
            ..dose
        };
        assert_eq!(
            other.label_with(LoadUnit::Kg, Some(Limb::Left)),
            "3 x 6 @ body weight (right leg, not the injured side)"
        );
        assert_eq!(
            Side::Unaffected.words(Some(Limb::Right)),
            "your left leg (not the injured one)"
        );
        assert_eq!(Side::Each.multiplier(), 2.0);
        assert_eq!(Side::Affected.multiplier(), 1.0);
    }
}
