//! The domain's words, in one home: the pain-monitoring zones (their ranges, names and colours),
//! the verdict of a logged exercise, where the clinician stands on an adjustment, and why an
//! adjustment was proposed - each worded for the athlete or for the physio. The window, the
//! command line, the CSV and the PDF all take their words from here, so they say the same fact
//! the same way.

use chrono::{Datelike, NaiveDate};

use super::palette::{self, Rgb};
use super::{Adjustment, AdjustmentStatus, Response};
use crate::model::{Dose, LoadUnit, PainLimits, Plan, Reps, fmt_num};

/// Who reads the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// The clinician (and anyone reading a report): precise, third person.
    #[default]
    Physio,
    /// The athlete: plain words, second person.
    Athlete,
}

/// A zone of the pain-monitoring model (Silbernagel et al. 2007) for one 0-10 rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PainZone {
    Green,
    Amber,
    Red,
}

impl PainZone {
    /// Every zone, green first.
    pub const ALL: [PainZone; 3] = [PainZone::Green, PainZone::Amber, PainZone::Red];

    /// The zone of a pain-during rating: 0-2 green, 3-5 amber, above 5 red (with the usual
    /// limits; a plan may lower them).
    pub fn during(pain: u8, limits: PainLimits) -> PainZone {
        if pain <= limits.safe_max {
            PainZone::Green
        } else if pain <= limits.acceptable_max {
            PainZone::Amber
        } else {
            PainZone::Red
        }
    }

    /// The zone of a next-morning rating: settled (0-2) green, anything above red - the
    /// 24-hour response decides (there is no amber the next morning).
    pub fn next_morning(pain: u8, limits: PainLimits) -> PainZone {
        if pain <= limits.safe_max {
            PainZone::Green
        } else {
            PainZone::Red
        }
    }

    /// The ratings of the zone during exercise: `0-2`, `3-5`, `6-10`.
    pub fn range(self, limits: PainLimits) -> String {
        let (safe, ok) = (limits.safe_max, limits.acceptable_max);
        match self {
            PainZone::Green => format!("0-{safe}"),
            PainZone::Amber if ok == safe + 1 => ok.to_string(),
            PainZone::Amber => format!("{}-{ok}", safe + 1),
            PainZone::Red if ok >= 9 => "10".to_owned(),
            PainZone::Red => format!("{}-10", ok + 1),
        }
    }

    /// The zone's name: `safe`, `acceptable`, `too much` (the athlete reads `fine` for safe).
    pub fn name(self, audience: Audience) -> &'static str {
        match (self, audience) {
            (PainZone::Green, Audience::Physio) => "safe",
            (PainZone::Green, Audience::Athlete) => "fine",
            (PainZone::Amber, _) => "acceptable",
            (PainZone::Red, _) => "too much",
        }
    }

    /// `3-5: acceptable`.
    pub fn label(self, limits: PainLimits, audience: Audience) -> String {
        format!("{}: {}", self.range(limits), self.name(audience))
    }

    /// What the zone means, in a sentence (tooltips and guides).
    pub fn meaning(self, limits: PainLimits) -> String {
        match self {
            PainZone::Green => format!(
                "Pain {} during exercise is safe (pain-monitoring model, Silbernagel 2007)",
                self.range(limits)
            ),
            PainZone::Amber => format!(
                "Pain {} during exercise is acceptable, if it has settled by the next morning",
                self.range(limits)
            ),
            PainZone::Red => format!(
                "Pain above {}, or not settled the next morning (above {}), is too much: the \
                 next session is made easier",
                limits.acceptable_max, limits.safe_max
            ),
        }
    }

    /// The zone's colour.
    pub fn color(self) -> Rgb {
        match self {
            PainZone::Green => palette::GREEN,
            PainZone::Amber => palette::AMBER,
            PainZone::Red => palette::RED,
        }
    }
}

impl Response {
    /// True when the verdict can no longer change: the next morning's pain is known, or it is
    /// red already (the next morning can only make a verdict worse, never better).
    pub fn is_final(self, next_morning_known: bool) -> bool {
        next_morning_known || self == Response::Red
    }

    /// `so far: green - answer next morning's pain to confirm`: a verdict before the next
    /// morning's answer, which may still turn it red.
    pub fn so_far(self) -> String {
        format!(
            "so far: {} - answer next morning's pain to confirm",
            self.label()
        )
    }

    /// The pain zone of the verdict.
    pub fn zone(self) -> PainZone {
        match self {
            Response::Green => PainZone::Green,
            Response::Amber => PainZone::Amber,
            Response::Red => PainZone::Red,
        }
    }

    /// The verdict and what follows from it.
    pub fn verdict(self, limits: PainLimits, audience: Audience) -> String {
        let (safe, ok, much) = (
            PainZone::Green.range(limits),
            PainZone::Amber.range(limits),
            limits.acceptable_max,
        );
        match (self, audience) {
            (Response::Green, Audience::Athlete) => {
                "Green: fine, the plan goes on as written.".to_owned()
            }
            (Response::Amber, Audience::Athlete) => {
                "Amber: acceptable; the next session stays at this dose.".to_owned()
            }
            (Response::Red, Audience::Athlete) => {
                "Red: too much; the next session is made easier.".to_owned()
            }
            (Response::Green, Audience::Physio) => {
                format!("Green (pain {safe}, settled): progress as planned.")
            }
            (Response::Amber, Audience::Physio) => {
                format!("Amber (pain {ok}, settled): hold the dose.")
            }
            (Response::Red, Audience::Physio) => format!(
                "Red (pain above {much}, or not settled next morning): reduce one variable."
            ),
        }
    }
}

impl Response {
    /// The verdict before the next-morning answer: red is red already (pain during was too
    /// much), green and amber hold only so far, since a sore next morning turns them red.
    pub fn verdict_so_far(self, limits: PainLimits, audience: Audience) -> String {
        let safe = PainZone::Green.range(limits);
        let ok = PainZone::Amber.range(limits);
        match (self, audience) {
            (Response::Red, _) => self.verdict(limits, audience),
            (Response::Green, Audience::Athlete) => {
                "So far green: fine. How it feels tomorrow morning decides.".to_owned()
            }
            (Response::Amber, Audience::Athlete) => {
                "So far amber: acceptable. How it feels tomorrow morning decides.".to_owned()
            }
            (Response::Green, Audience::Physio) => {
                format!("So far green (pain {safe} during): final once next-morning pain is in.")
            }
            (Response::Amber, Audience::Physio) => {
                format!("So far amber (pain {ok} during): final once next-morning pain is in.")
            }
        }
    }
}

impl AdjustmentStatus {
    /// Where the clinician stands, for `audience`.
    pub fn words(self, audience: Audience) -> &'static str {
        match (self, audience) {
            (AdjustmentStatus::Pending, Audience::Athlete) => {
                "proposed, your physio will review it"
            }
            (AdjustmentStatus::Pending, Audience::Physio) => "proposed, pending review",
            (AdjustmentStatus::Accepted, Audience::Athlete) => "agreed with your physio",
            (AdjustmentStatus::Accepted, Audience::Physio) => "accepted",
            (AdjustmentStatus::Changed, Audience::Athlete) => "set by your physio",
            (AdjustmentStatus::Changed, Audience::Physio) => "changed by the physio",
            (AdjustmentStatus::Dismissed, Audience::Athlete) => "your physio kept the plan",
            (AdjustmentStatus::Dismissed, Audience::Physio) => "dismissed: the planned dose stands",
        }
    }
}

impl Adjustment {
    /// Its status in words, noting when the adjusted session is already logged.
    pub fn status_words(&self, audience: Audience) -> String {
        let words = self.status.words(audience);
        if self.past {
            format!("{words}; that session is logged")
        } else {
            words.to_owned()
        }
    }
}

/// The pain report an adjustment follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trigger {
    /// Pain during the session, 0-10.
    During { pain: u8 },
    /// Pain the next morning above the safe zone: not settled, or worse than during.
    NextMorning { pain: u8, worse: bool },
}

/// What an adjustment changes in the next session.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The load, reduced by about a fifth.
    Load { from_kg: f64, to_kg: f64 },
    /// The reps, reduced by about a fifth.
    Reps { from: Reps, to: Reps },
    /// The hold time, reduced by about a fifth.
    Hold { from_secs: f64, to_secs: f64 },
    /// The minutes, reduced by about a fifth.
    Minutes { from: f64, to: f64 },
    /// One set fewer.
    Sets { from: u32, to: u32 },
    /// Red at the smallest dose already: held there.
    Smallest,
    /// Amber: the dose just done, instead of the planned rise.
    Held { dose: Dose, planned: Dose },
    /// Amber while the ladder moves on: stay on the exercise just done, at the dose just done.
    StayOn {
        exercise: String,
        dose: Dose,
        planned_exercise: String,
    },
}

/// Why an adjustment was proposed: the pain report (on the day of the session it follows) and
/// the change it calls for. Each view words it with [`Reason::why`] and [`Reason::what`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reason {
    pub trigger: Trigger,
    /// The day of the session the report is about.
    pub date: NaiveDate,
    pub change: Change,
}

/// `3 Dec`.
fn day(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", date.day(), MONTHS[date.month0() as usize])
}

/// A load in `unit`: `7.5 kg`, `16.5 lb`.
fn load_words(kg: f64, unit: LoadUnit) -> String {
    format!(
        "{} {}",
        fmt_num((unit.from_kg(kg) * 10.0).round() / 10.0),
        unit.symbol()
    )
}

/// The dose without side words: `3 x 10 @ 7.5 kg`.
fn short_dose(dose: &Dose, unit: LoadUnit) -> String {
    let mut d = dose.clone();
    d.side = crate::model::Side::Both;
    d.label(unit)
}

impl Reason {
    /// The report: `pain 6/10 during on 3 Dec`, `pain worse next morning (5/10) after 3 Dec`.
    pub fn why(&self) -> String {
        let day = day(self.date);
        match self.trigger {
            Trigger::During { pain } => format!("pain {pain}/10 during on {day}"),
            Trigger::NextMorning { pain, worse } => {
                let word = if worse { "worse" } else { "not settled" };
                format!("pain {word} next morning ({pain}/10) after {day}")
            }
        }
    }

    /// The change: `load reduced from 7.5 kg to 6 kg`, `load held at 10 kg (planned 3 x 10 @
    /// 11 kg)`; exercises by their names in `plan`.
    pub fn what(&self, unit: LoadUnit, plan: &Plan) -> String {
        self.what_for(unit, plan, Audience::Physio)
    }

    /// The change in `audience`'s words: doses in the physio's notation (`3 x 10 @ 11 kg`) or
    /// in the athlete's plain words (`3 sets of 10, 11 kg`).
    pub fn what_for(&self, unit: LoadUnit, plan: &Plan, audience: Audience) -> String {
        let dose_words = |dose: &Dose| match audience {
            Audience::Physio => short_dose(dose, unit),
            Audience::Athlete => super::plain::short(dose, unit, plan.injured_side),
        };
        match &self.change {
            Change::Load { from_kg, to_kg } => format!(
                "load reduced from {} to {}",
                load_words(*from_kg, unit),
                load_words(*to_kg, unit)
            ),
            Change::Reps { from, to } => {
                format!("reps reduced from {} to {}", from.label(), to.label())
            }
            Change::Hold { from_secs, to_secs } => format!(
                "hold reduced from {} s to {} s",
                fmt_num(*from_secs),
                fmt_num(*to_secs)
            ),
            Change::Minutes { from, to } => format!(
                "time reduced from {} min to {} min",
                fmt_num(*from),
                fmt_num(*to)
            ),
            Change::Sets { from, to } => format!("sets reduced from {from} to {to}"),
            Change::Smallest => "already at the smallest dose: held".to_owned(),
            Change::Held { dose, planned } => {
                let held = match dose.load {
                    crate::model::Load::Kg(kg) => format!("load held at {}", load_words(kg, unit)),
                    _ => format!("dose held at {}", dose_words(dose)),
                };
                format!("{held} (planned {})", dose_words(planned))
            }
            Change::StayOn {
                exercise,
                dose,
                planned_exercise,
            } => format!(
                "stay on {} at {} (planned: move on to {})",
                plan.exercise_name(exercise),
                dose_words(dose),
                plan.exercise_name(planned_exercise)
            ),
        }
    }

    /// Both: `pain 6/10 during on 3 Dec: load reduced from 7.5 kg to 6 kg`.
    pub fn words(&self, unit: LoadUnit, plan: &Plan) -> String {
        self.words_for(unit, plan, Audience::Physio)
    }

    /// Both, in `audience`'s words (see [`Reason::what_for`]).
    pub fn words_for(&self, unit: LoadUnit, plan: &Plan, audience: Audience) -> String {
        format!("{}: {}", self.why(), self.what_for(unit, plan, audience))
    }
}

/// `1 warning`, `2 warnings`, `0 notes`: a count with its noun.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_follow_the_thresholds() {
        let usual = PainLimits::default();
        let during: Vec<PainZone> = (0..=10).map(|n| PainZone::during(n, usual)).collect();
        assert_eq!(during[2], PainZone::Green);
        assert_eq!(during[3], PainZone::Amber);
        assert_eq!(during[5], PainZone::Amber);
        assert_eq!(during[6], PainZone::Red);
        assert_eq!(PainZone::next_morning(2, usual), PainZone::Green);
        assert_eq!(PainZone::next_morning(3, usual), PainZone::Red);
        assert_eq!(
            PainZone::Amber.label(usual, Audience::Physio),
            "3-5: acceptable"
        );
        assert_eq!(PainZone::Green.label(usual, Audience::Athlete), "0-2: fine");
        assert_eq!(PainZone::Red.range(usual), "6-10");
        // A tendinopathy plan allows at most 3/10.
        let tendon = PainLimits {
            safe_max: 2,
            acceptable_max: 3,
        };
        assert_eq!(PainZone::during(3, tendon), PainZone::Amber);
        assert_eq!(PainZone::during(4, tendon), PainZone::Red);
        assert_eq!(PainZone::Amber.range(tendon), "3");
        assert_eq!(PainZone::Red.range(tendon), "4-10");
    }

    #[test]
    fn a_verdict_has_the_colour_of_its_zone() {
        for r in [Response::Green, Response::Amber, Response::Red] {
            assert_eq!(r.zone().color(), PainZone::ALL[r as usize].color());
            let verdict = r.verdict(PainLimits::default(), Audience::Athlete);
            assert!(verdict.starts_with(&r.label()[..1].to_uppercase()));
        }
    }

    #[test]
    fn reasons_read_in_the_unit_asked_for() {
        let reason = Reason {
            trigger: Trigger::During { pain: 6 },
            date: NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date"),
            change: Change::Load {
                from_kg: 7.5,
                to_kg: 6.0,
            },
        };
        let plan = Plan::default();
        assert_eq!(
            reason.words(LoadUnit::Kg, &plan),
            "pain 6/10 during on 3 Dec: load reduced from 7.5 kg to 6 kg"
        );
        assert_eq!(
            reason.what(LoadUnit::Lb, &plan),
            "load reduced from 16.5 lb to 13.2 lb"
        );
    }

    #[test]
    fn a_held_dose_is_in_notation_for_the_physio_and_in_words_for_the_athlete() {
        let planned = Dose {
            sets: 3,
            reps: Some(Reps::Fixed(10)),
            load: crate::model::Load::BodyWeight,
            ..Dose::default()
        };
        let held = Dose {
            sets: 2,
            ..planned.clone()
        };
        let reason = Reason {
            trigger: Trigger::During { pain: 6 },
            date: NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date"),
            change: Change::Held {
                dose: held,
                planned,
            },
        };
        let plan = Plan::default();
        let physio = reason.what_for(LoadUnit::Kg, &plan, Audience::Physio);
        let athlete = reason.what_for(LoadUnit::Kg, &plan, Audience::Athlete);
        assert!(physio.contains("(planned 3 x 10"), "{physio}");
        assert!(athlete.contains("(planned 3 sets of 10)"), "{athlete}");
        assert!(!athlete.contains(" x "), "{athlete}");
    }
}
