//! A dose in the patient's words, for the handout and the athlete's view in the window: "3 sets of 10 on your left leg, the injured
//! side, holding a 4.5 kg dumbbell; 3 seconds down, 2 seconds up; rest 90 seconds between sets;
//! 3 times a week: Monday, Wednesday, Friday". Loads in the unit asked for, the side named from
//! the plan's injured side ([`Side::words`]), the schedule as days of the week, "twice a day" or
//! "every other day". The numbers stay the engine's; only the wording is made here.

use crate::model::{Dose, Limb, Load, LoadUnit, Reps, Schedule, Side, Tempo, Weekday, fmt_num};

/// The full name of a weekday: `Monday`.
pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// `1 second`, `3 seconds`, `1.5 seconds`.
pub fn seconds(secs: f64) -> String {
    let n = fmt_num(secs);
    if n == "1" {
        "1 second".to_owned()
    } else {
        format!("{n} seconds")
    }
}

/// `1 minute`, `20 minutes`.
pub fn minutes(mins: f64) -> String {
    let n = fmt_num(mins);
    if n == "1" {
        "1 minute".to_owned()
    } else {
        format!("{n} minutes")
    }
}

/// `90 seconds`, `2 minutes`, `2.5 minutes` (a rest).
fn rest_time(secs: u32) -> String {
    if secs >= 120 && secs.is_multiple_of(30) {
        minutes(f64::from(secs) / 60.0)
    } else {
        seconds(f64::from(secs))
    }
}

/// `1 set`, `3 sets`.
fn sets(n: u32) -> String {
    if n == 1 {
        "1 set".to_owned()
    } else {
        format!("{n} sets")
    }
}

/// `12, 10 and 8`.
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// How much: `3 sets of 10`, `3 sets of 6 to 8`, `3 sets: 12, 10 and 8`, `5 holds of 30
/// seconds`, `3 sets of 10, holding each for 3 seconds`, `20 minutes`, `3 sets of 80 metres`.
pub fn amount(dose: &Dose) -> String {
    let n = dose.sets;
    let mut s = match (&dose.reps, dose.hold_secs, dose.minutes, dose.distance_m) {
        (Some(Reps::Fixed(r)), ..) => format!("{} of {r}", sets(n)),
        (Some(Reps::Range(a, b)), ..) => format!("{} of {a} to {b}", sets(n)),
        (Some(Reps::PerSet(list)), ..) => {
            let reps: Vec<String> = list.iter().map(u32::to_string).collect();
            format!("{}: {}", sets(list.len() as u32), listed(&reps))
        }
        (None, Some(hold), ..) if n == 1 => format!("1 hold of {}", seconds(hold)),
        (None, Some(hold), ..) => format!("{n} holds of {}", seconds(hold)),
        (None, None, Some(m), _) if n == 1 => minutes(m),
        (None, None, Some(m), _) => format!("{} of {}", sets(n), minutes(m)),
        (None, None, None, Some(d)) if n == 1 => format!("{} metres", fmt_num(d)),
        (None, None, None, Some(d)) => format!("{} of {} metres", sets(n), fmt_num(d)),
        (None, None, None, None) => sets(n),
    };
    if dose.reps.is_some()
        && let Some(hold) = dose.hold_secs
    {
        s.push_str(&format!(", holding each for {}", seconds(hold)));
    }
    if dose.reps.is_some() || dose.hold_secs.is_some() {
        if let Some(m) = dose.minutes {
            s.push_str(&format!(", {} each", minutes(m)));
        }
        if let Some(d) = dose.distance_m {
            s.push_str(&format!(", {} metres each", fmt_num(d)));
        }
    }
    s
}

/// A weight in `unit`, to a tenth: `4.5 kg`, `9.9 lb`.
pub fn weight(kg: f64, unit: LoadUnit) -> String {
    let v = (unit.from_kg(kg) * 10.0).round() / 10.0;
    format!("{} {}", fmt_num(v), unit.symbol())
}

/// The load in words: `holding a 4.5 kg dumbbell`, `with no added weight`, `with an elastic
/// band, level 2`, `at an effort of 7 out of 10`; `None` when no load is given. The kind of
/// weight comes from the exercise's equipment (`dumbbell`, `kettlebell`, `ankle weight`).
pub fn load(load: &Load, unit: LoadUnit, equipment: &[String]) -> Option<String> {
    Some(match load {
        Load::None => return None,
        Load::BodyWeight => "with no added weight".to_owned(),
        Load::Kg(kg) => {
            let w = weight(*kg, unit);
            let has = |word: &str| equipment.iter().any(|e| e.to_lowercase().starts_with(word));
            if has("dumbbell") {
                format!("holding a {w} dumbbell")
            } else if has("kettlebell") {
                format!("holding a {w} kettlebell")
            } else if has("ankle weight") {
                format!("with a {w} ankle weight")
            } else if has("weight vest") {
                format!("wearing a {w} weight vest")
            } else {
                format!("with {w} of added weight")
            }
        }
        Load::Band(level) => format!("with an elastic band, level {level}"),
        Load::PercentOneRm(p) => format!("at {} % of the most you can lift once", fmt_num(*p)),
        Load::Rpe(r) => format!("at an effort of about {} out of 10", fmt_num(*r)),
        Load::Rir(n) if *n == 1 => "stopping when you could do 1 more".to_owned(),
        Load::Rir(n) => format!("stopping when you could do {n} more"),
        Load::Rm(n) => format!("with a weight you can lift at most {n} times with good form"),
    })
}

/// Which side: `on your left leg, the injured side`, `on each side`; `None` for both legs.
pub fn side(side: Side, injured: Option<Limb>) -> Option<String> {
    match side {
        Side::Both => None,
        Side::Each => Some("on each side".to_owned()),
        one => Some(format!("on {}", one.words(injured))),
    }
}

/// The tempo: `3 seconds down, 2 seconds up`, `3 seconds down, pause 1 second, 2 seconds up`.
pub fn tempo(t: &Tempo) -> String {
    let mut parts = vec![format!("{} down", seconds(t.eccentric_secs))];
    if t.pause_secs > 0.0 {
        parts.push(format!("pause {}", seconds(t.pause_secs)));
    }
    parts.push(format!("{} up", seconds(t.concentric_secs)));
    parts.join(", ")
}

/// `3 times a week: Monday, Wednesday, Friday`, `twice a day, every day`, `every other day`.
/// `sessions` is how many the week has and `days` the weekday of each (one entry per session).
pub fn how_often(schedule: &Schedule, sessions: u32, days: &[Weekday]) -> String {
    let times = |n: u32| match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    };
    match schedule {
        Schedule::TimesPerDay(1) | Schedule::EveryNDays(1) => return "every day".to_owned(),
        Schedule::TimesPerDay(n) => return format!("{} a day, every day", times(*n)),
        Schedule::EveryNDays(2) => return "every other day".to_owned(),
        Schedule::EveryNDays(3) => return "every third day".to_owned(),
        Schedule::EveryNDays(n) => return format!("every {n} days"),
        Schedule::PerWeek(_) | Schedule::Weekdays(_) => {}
    }
    if sessions == 0 {
        return "not this week".to_owned();
    }
    let mut named: Vec<String> = Vec::new();
    for day in Weekday::ALL {
        let n = days.iter().filter(|d| **d == day).count() as u32;
        match n {
            0 => {}
            1 => named.push(day_name(day).to_owned()),
            n => named.push(format!("{} ({})", day_name(day), times(n))),
        }
    }
    let head = format!("{} a week", times(sessions));
    if named.is_empty() {
        head
    } else {
        format!("{head}: {}", named.join(", "))
    }
}

/// A dose in words, part by part, for a card or a table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoseWords {
    /// How much, on which side, with what load: `3 sets of 10 on each side, holding a 6 kg
    /// dumbbell`.
    pub what: String,
    /// `3 seconds down, 2 seconds up`.
    pub tempo: Option<String>,
    /// `rest 90 seconds between sets`.
    pub rest: Option<String>,
    /// How often in the week.
    pub often: String,
    /// The range of motion, as the clinician wrote it.
    pub range: Option<String>,
}

impl DoseWords {
    /// The words of `dose` (with `tempo`, the dose's or the exercise's), done `often`.
    pub fn new(
        dose: &Dose,
        tempo_used: Option<&Tempo>,
        unit: LoadUnit,
        injured: Option<Limb>,
        equipment: &[String],
        often: String,
    ) -> DoseWords {
        let mut what = amount(dose);
        if let Some(s) = side(dose.side, injured) {
            what.push(' ');
            what.push_str(&s);
        }
        if let Some(l) = load(&dose.load, unit, equipment) {
            what.push_str(if dose.side == Side::Both { " " } else { ", " });
            what.push_str(&l);
        }
        if let Some(rpe) = dose.rpe {
            what.push_str(&format!(
                ", at an effort of about {} out of 10",
                fmt_num(rpe)
            ));
        }
        DoseWords {
            what,
            tempo: tempo_used.map(tempo),
            rest: dose
                .rest_secs
                .filter(|r| *r > 0 && dose.sets > 1)
                .map(|r| format!("rest {} between sets", rest_time(r))),
            often,
            range: dose
                .rom
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
        }
    }

    /// How to do one session: what, speed, rest and range of motion, apart by semicolons
    /// (how often is the plan's business, not the session's).
    pub fn session(&self) -> String {
        let mut parts = vec![self.what.clone()];
        parts.extend(self.tempo.clone());
        parts.extend(self.rest.clone());
        parts.extend(self.range.as_ref().map(|r| format!("range of motion: {r}")));
        parts.join("; ")
    }

    /// Everything in one sentence, parts apart by semicolons; the range of motion last.
    pub fn sentence(&self) -> String {
        let mut parts = vec![self.what.clone()];
        parts.extend(self.tempo.clone());
        parts.extend(self.rest.clone());
        parts.push(self.often.clone());
        let mut s = parts.join("; ");
        if let Some(r) = &self.range {
            s.push_str(&format!("; range of motion: {r}"));
        }
        s
    }
}

/// A load in a few words, for tables: `6 kg`, `band level 2`, `effort 7/10`; `None` for body
/// weight or no load.
pub fn short_load(load: &Load, unit: LoadUnit) -> Option<String> {
    Some(match load {
        Load::None | Load::BodyWeight => return None,
        Load::Kg(kg) => weight(*kg, unit),
        Load::Band(level) => format!("band level {level}"),
        Load::PercentOneRm(p) => format!("{} % of your 1-rep max", fmt_num(*p)),
        Load::Rpe(r) => format!("effort {}/10", fmt_num(*r)),
        Load::Rir(n) => format!("{n} more left in you"),
        Load::Rm(n) => format!("a weight you can lift {n} times"),
    })
}

/// A dose in a few words, for tables and log sheets: `3 sets of 10 each side, 6 kg`, `5 holds
/// of 30 seconds, effort 7/10`, `2 sets of 10, right leg`.
pub fn short(dose: &Dose, unit: LoadUnit, injured: Option<Limb>) -> String {
    let mut s = amount(dose);
    match dose.side {
        Side::Both => {}
        Side::Each => s.push_str(" each side"),
        one => {
            let limb = one.limb(injured).map(|l| format!("{} leg", l.label()));
            let which = match one {
                Side::Affected => "injured side",
                _ => "other side",
            };
            s.push_str(&format!(", {}", limb.unwrap_or_else(|| which.to_owned())));
        }
    }
    if let Some(l) = short_load(&dose.load, unit) {
        s.push_str(&format!(", {l}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sldl() -> Dose {
        Dose {
            sets: 3,
            reps: Some(Reps::Fixed(10)),
            load: Load::Kg(4.5),
            tempo: Some(Tempo {
                eccentric_secs: 3.0,
                pause_secs: 0.0,
                concentric_secs: 2.0,
            }),
            rest_secs: Some(90),
            side: Side::Affected,
            ..Dose::default()
        }
    }

    #[test]
    fn the_brief_sentence() {
        let dose = sldl();
        let days = [Weekday::Mon, Weekday::Wed, Weekday::Fri];
        let often = how_often(&Schedule::PerWeek(3), 3, &days);
        let words = DoseWords::new(
            &dose,
            dose.tempo.as_ref(),
            LoadUnit::Kg,
            Some(Limb::Left),
            &["dumbbell".to_owned()],
            often,
        );
        assert_eq!(
            words.sentence(),
            "3 sets of 10 on your left leg, the injured side, holding a 4.5 kg dumbbell; 3 seconds down, 2 seconds up; rest 90 seconds between sets; 3 times a week: Monday, Wednesday, Friday"
        );
    }

    #[test]
    fn pounds_schedules_and_amounts() {
        assert_eq!(
            load(&Load::Kg(4.536), LoadUnit::Lb, &["dumbbell".to_owned()]).as_deref(),
            Some("holding a 10 lb dumbbell")
        );
        assert_eq!(
            how_often(&Schedule::TimesPerDay(2), 14, &[]),
            "twice a day, every day"
        );
        assert_eq!(
            how_often(&Schedule::EveryNDays(2), 4, &[]),
            "every other day"
        );
        assert_eq!(how_often(&Schedule::TimesPerDay(1), 7, &[]), "every day");
        assert_eq!(
            how_often(
                &Schedule::Weekdays(vec![Weekday::Mon, Weekday::Thu]),
                2,
                &[Weekday::Mon, Weekday::Thu]
            ),
            "twice a week: Monday, Thursday"
        );
        let hold = Dose {
            sets: 5,
            hold_secs: Some(30.0),
            ..Dose::default()
        };
        assert_eq!(amount(&hold), "5 holds of 30 seconds");
        let list = Dose {
            sets: 3,
            reps: Some(Reps::PerSet(vec![12, 10, 8])),
            ..Dose::default()
        };
        assert_eq!(amount(&list), "3 sets: 12, 10 and 8");
        let run = Dose {
            sets: 1,
            minutes: Some(20.0),
            ..Dose::default()
        };
        assert_eq!(amount(&run), "20 minutes");
        assert_eq!(
            side(Side::Right, Some(Limb::Left)).as_deref(),
            Some("on your right leg (not the injured one)")
        );
        let t = Tempo {
            eccentric_secs: 3.0,
            pause_secs: 1.0,
            concentric_secs: 1.0,
        };
        assert_eq!(tempo(&t), "3 seconds down, pause 1 second, 1 second up");
        assert_eq!(rest_time(120), "2 minutes");
    }
}
