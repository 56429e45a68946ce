//! Load metrics, computed honestly (docs/clinical.md#load-metrics): volume load only for exercises
//! with an external load in kilograms, time under tension only for strength and isometric work
//! with a tempo or a hold time, session-RPE only where an effort and a duration are given.
//! Nothing is invented.

use serde::Serialize;

use crate::model::{Category, Dose, Load};

use super::progress::clean;

/// One load metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Metric {
    Sessions,
    Reps,
    VolumeLoadKg,
    TutSecs,
    SrpeAu,
}

impl Metric {
    /// Every metric, in display order.
    pub const ALL: [Metric; 5] = [
        Metric::VolumeLoadKg,
        Metric::TutSecs,
        Metric::Reps,
        Metric::Sessions,
        Metric::SrpeAu,
    ];

    /// The metrics that measure load (the spike guardrails watch these).
    pub const LOADS: [Metric; 4] = [
        Metric::VolumeLoadKg,
        Metric::TutSecs,
        Metric::Reps,
        Metric::SrpeAu,
    ];

    /// Name with unit.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Sessions => "Sessions",
            Metric::Reps => "Reps",
            Metric::VolumeLoadKg => "Volume load (kg)",
            Metric::TutSecs => "Time under tension (s)",
            Metric::SrpeAu => "Session-RPE load (AU)",
        }
    }

    /// The metric in words, lower case, for a sentence: `volume load`, `time under tension`.
    pub fn noun(self) -> &'static str {
        match self {
            Metric::Sessions => "sessions",
            Metric::Reps => "reps",
            Metric::VolumeLoadKg => "volume load",
            Metric::TutSecs => "time under tension",
            Metric::SrpeAu => "session-RPE load",
        }
    }

    /// The unit of the metric's figures: `kg`, `s`, `reps`, `sessions`, `AU`.
    pub fn unit(self) -> &'static str {
        match self {
            Metric::Sessions => "sessions",
            Metric::Reps => "reps",
            Metric::VolumeLoadKg => "kg",
            Metric::TutSecs => "s",
            Metric::SrpeAu => "AU",
        }
    }

    /// Which exercises the metric includes, in words (the chart's note, followed there by the
    /// plan's exercises it includes; short enough for two lines).
    pub fn includes(self) -> &'static str {
        match self {
            Metric::Sessions => {
                "Every scheduled session. A session counts once whatever its exercises; each of the two on a twice-a-day day counts."
            }
            Metric::Reps => {
                "Every set with reps, of any kind of exercise: both sides for each-side work, a range at its midpoint. Holds, minutes and distances are left out."
            }
            Metric::VolumeLoadKg => {
                "Only exercises with an external load in kg (sets x reps x kg). Body-weight, band, %1RM, RM- and effort-dosed work is left out: no kilograms are invented."
            }
            Metric::TutSecs => {
                "Only strength and isometric exercises with a tempo or a hold: reps x (seconds per rep + hold), or the hold of each set. Stretches, nerve glides, plyometrics, conditioning and running are left out."
            }
            Metric::SrpeAu => {
                "Only exercises with both a planned effort (RPE, CR-10) and minutes: RPE x minutes x sets (Foster 2001)."
            }
        }
    }

    /// Whether work of `category` has time under tension: strength and isometric work does;
    /// stretches and other mobility work, nerve glides, plyometrics, conditioning and running
    /// are dosed in reps, minutes or distance and do not.
    pub fn counts_tension(category: Option<Category>) -> bool {
        matches!(category, Some(Category::Strength | Category::Isometric))
    }
}

/// Load figures for a week, an exercise or a session.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Metrics {
    pub sessions: u32,
    pub reps: f64,
    pub volume_load_kg: f64,
    pub tut_secs: f64,
    pub srpe_au: f64,
}

impl Metrics {
    /// The value of one metric.
    pub fn get(&self, metric: Metric) -> f64 {
        match metric {
            Metric::Sessions => f64::from(self.sessions),
            Metric::Reps => self.reps,
            Metric::VolumeLoadKg => self.volume_load_kg,
            Metric::TutSecs => self.tut_secs,
            Metric::SrpeAu => self.srpe_au,
        }
    }

    /// Adds `other` to these figures.
    pub fn add(&mut self, other: &Metrics) {
        self.sessions = self.sessions.saturating_add(other.sessions);
        self.reps += other.reps;
        self.volume_load_kg += other.volume_load_kg;
        self.tut_secs += other.tut_secs;
        self.srpe_au += other.srpe_au;
    }

    /// The figures of `sessions` sessions of a single-session figure.
    pub fn times_sessions(&self, sessions: u32) -> Metrics {
        let k = f64::from(sessions);
        Metrics {
            sessions,
            reps: self.reps * k,
            volume_load_kg: self.volume_load_kg * k,
            tut_secs: self.tut_secs * k,
            srpe_au: self.srpe_au * k,
        }
    }
}

/// One value per metric that may be absent (change from last week, acute:chronic ratio).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct MetricChanges {
    pub sessions: Option<f64>,
    pub reps: Option<f64>,
    pub volume_load_kg: Option<f64>,
    pub tut_secs: Option<f64>,
    pub srpe_au: Option<f64>,
}

impl MetricChanges {
    /// The value of one metric.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        match metric {
            Metric::Sessions => self.sessions,
            Metric::Reps => self.reps,
            Metric::VolumeLoadKg => self.volume_load_kg,
            Metric::TutSecs => self.tut_secs,
            Metric::SrpeAu => self.srpe_au,
        }
    }

    fn set(&mut self, metric: Metric, value: Option<f64>) {
        let slot = match metric {
            Metric::Sessions => &mut self.sessions,
            Metric::Reps => &mut self.reps,
            Metric::VolumeLoadKg => &mut self.volume_load_kg,
            Metric::TutSecs => &mut self.tut_secs,
            Metric::SrpeAu => &mut self.srpe_au,
        };
        *slot = value;
    }

    /// Per metric, `f(metric)`.
    pub fn from_fn(mut f: impl FnMut(Metric) -> Option<f64>) -> MetricChanges {
        let mut out = MetricChanges::default();
        for m in Metric::ALL {
            out.set(m, f(m).filter(|v| v.is_finite()));
        }
        out
    }
}

/// Percent change from `before` to `now`; none when there was nothing before.
pub(crate) fn change_pct(before: f64, now: f64) -> Option<f64> {
    (before > 0.0).then(|| (now - before) / before * 100.0)
}

/// Figures of one session of a dose (sessions = 1) of an exercise of `category` (time under
/// tension only for strength and isometric work, see [`Metric::counts_tension`]).
pub(crate) fn session_metrics(
    dose: &Dose,
    tempo_fallback: Option<crate::model::Tempo>,
    category: Option<Category>,
) -> Metrics {
    let sides = dose.side.multiplier();
    let tempo_secs = dose.tempo.or(tempo_fallback).map(|t| clean(t.rep_secs()));
    let kg = match dose.load {
        Load::Kg(kg) => Some(clean(kg)),
        _ => None,
    };
    let hold = dose.hold_secs.map(clean);
    let tension = Metric::counts_tension(category);
    let mut m = Metrics {
        sessions: 1,
        ..Metrics::default()
    };
    for set in 0..dose.sets as usize {
        match &dose.reps {
            Some(reps) => {
                let (lo, hi) = reps.for_set(set);
                let n = (f64::from(lo) + f64::from(hi)) / 2.0 * sides;
                m.reps += n;
                if let Some(kg) = kg {
                    m.volume_load_kg += n * kg;
                }
                if tension {
                    let per_rep = tempo_secs.unwrap_or(0.0) + hold.unwrap_or(0.0);
                    m.tut_secs += n * per_rep;
                }
            }
            None => {
                if let Some(h) = hold.filter(|_| tension) {
                    m.tut_secs += h * sides;
                }
            }
        }
    }
    let rpe = dose.rpe.or(match dose.load {
        Load::Rpe(r) => Some(r),
        _ => None,
    });
    if let (Some(rpe), Some(minutes)) = (rpe, dose.minutes) {
        m.srpe_au = clean(rpe).min(10.0) * clean(minutes) * f64::from(dose.sets) * sides;
    }
    m
}

/// Days of load the chronic window needs before a ratio is reported.
pub const ACWR_MIN_DAYS: u32 = 28;

/// Acute:chronic ratio at the end of each week, the rolling-average ("coupled") form of
/// Williams et al. 2017: acute = the mean daily load of the last 7 days (the week itself),
/// chronic = the mean daily load of the last 28 days (the week and the three before it, so the
/// chronic window includes the acute week). `daily` holds one load per day from the plan's first
/// day. Nothing before 28 days of load exist (counted from the first day with any load), and
/// nothing while the chronic load is zero. An unchanging load gives exactly 1.0. A spike
/// heuristic only (Impellizzeri et al. 2020), not an injury predictor.
pub(crate) fn rolling_acwr(daily: &[f64], weeks: usize) -> Vec<Option<f64>> {
    let mut out = vec![None; weeks];
    let Some(first) = daily.iter().position(|&x| x > 0.0) else {
        return out;
    };
    // Each week's sum, added in day order (identical weeks give identical sums).
    let sums: Vec<f64> = (0..weeks)
        .map(|w| daily.iter().skip(w * 7).take(7).sum())
        .collect();
    for (w, slot) in out.iter_mut().enumerate() {
        let end = w * 7 + 7; // days up to and including this week
        if w < 3 || end > daily.len() || end < first + ACWR_MIN_DAYS as usize {
            continue;
        }
        let acute = sums[w];
        // Pairwise, so four equal weeks sum to exactly four times one.
        let chronic = (sums[w - 3] + sums[w - 2]) + (sums[w - 1] + sums[w]);
        if chronic > 1e-9 {
            // (acute / 7) / (chronic / 28)
            let ratio = 4.0 * acute / chronic;
            *slot = ratio.is_finite().then_some(ratio);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reps, Side, Tempo};

    #[test]
    fn body_weight_work_has_no_kilograms() {
        let dose = Dose {
            sets: 3,
            reps: Some(Reps::Fixed(10)),
            load: Load::BodyWeight,
            ..Dose::default()
        };
        let m = session_metrics(&dose, None, Some(Category::Strength));
        assert_eq!(m.reps, 30.0);
        assert_eq!(m.volume_load_kg, 0.0);
        assert_eq!(m.tut_secs, 0.0);
    }

    #[test]
    fn each_side_counts_both_sides() {
        let dose = Dose {
            sets: 3,
            reps: Some(Reps::Fixed(10)),
            load: Load::Kg(4.5),
            side: Side::Each,
            tempo: Some(Tempo {
                eccentric_secs: 3.0,
                pause_secs: 0.0,
                concentric_secs: 1.0,
            }),
            ..Dose::default()
        };
        let m = session_metrics(&dose, None, Some(Category::Strength));
        assert_eq!(m.reps, 60.0);
        assert!((m.volume_load_kg - 270.0).abs() < 1e-9);
        assert_eq!(m.tut_secs, 240.0);
    }

    #[test]
    fn ranges_count_at_their_midpoint_and_lists_per_set() {
        let range = Dose {
            sets: 3,
            reps: Some(Reps::Range(6, 8)),
            ..Dose::default()
        };
        assert_eq!(
            session_metrics(&range, None, Some(Category::Strength)).reps,
            21.0
        );
        let list = Dose {
            sets: 3,
            reps: Some(Reps::PerSet(vec![12, 10, 8])),
            ..Dose::default()
        };
        assert_eq!(
            session_metrics(&list, None, Some(Category::Strength)).reps,
            30.0
        );
    }

    #[test]
    fn stretches_and_other_work_have_no_time_under_tension() {
        let hold = Dose {
            sets: 3,
            hold_secs: Some(30.0),
            side: Side::Each,
            ..Dose::default()
        };
        assert_eq!(
            session_metrics(&hold, None, Some(Category::Isometric)).tut_secs,
            180.0
        );
        for category in [
            Category::Mobility,
            Category::NerveGlide,
            Category::Plyometric,
            Category::Conditioning,
            Category::Running,
        ] {
            assert_eq!(session_metrics(&hold, None, Some(category)).tut_secs, 0.0);
        }
        let tempo = Tempo {
            eccentric_secs: 2.0,
            pause_secs: 0.0,
            concentric_secs: 1.0,
        };
        let reps = Dose {
            sets: 2,
            reps: Some(Reps::Fixed(10)),
            ..Dose::default()
        };
        let glide = session_metrics(&reps, Some(tempo), Some(Category::NerveGlide));
        assert_eq!((glide.reps, glide.tut_secs), (20.0, 0.0));
        let curl = session_metrics(&reps, Some(tempo), Some(Category::Strength));
        assert_eq!(curl.tut_secs, 60.0);
    }

    #[test]
    fn acwr_is_exactly_one_for_a_steady_load_and_rises_with_a_spike() {
        let steady = vec![100.0 / 7.0; 7 * 12];
        let r = rolling_acwr(&steady, 12);
        assert!(r[..3].iter().all(Option::is_none), "{r:?}");
        assert!(r[3..].iter().all(|x| *x == Some(1.0)), "{r:?}");
        let mut spike = steady.clone();
        for d in spike.iter_mut().skip(7 * 11) {
            *d = 300.0 / 7.0;
        }
        let r = rolling_acwr(&spike, 12);
        // 300 against (100 + 100 + 100 + 300) / 4 = 150.
        assert!((r[11].unwrap_or(0.0) - 2.0).abs() < 1e-12, "{r:?}");
    }

    #[test]
    fn acwr_waits_for_28_days_of_load_and_the_chronic_window_includes_the_acute_week() {
        // Nothing in weeks 1-2, then 100 a week: the first ratio is at the end of week 6.
        let mut daily = vec![0.0; 7 * 8];
        for d in daily.iter_mut().skip(14) {
            *d = 10.0;
        }
        let r = rolling_acwr(&daily, 8);
        assert!(r[..5].iter().all(Option::is_none), "{r:?}");
        assert_eq!(r[5], Some(1.0));
        // A plan rising 9 % a week stays far below 1.5: 4 x 1.09^3 / (1 + 1.09 + 1.09^2 + 1.09^3).
        let rising: Vec<f64> = (0..7 * 12).map(|d| 10.0 * 1.09_f64.powi(d / 7)).collect();
        let r = rolling_acwr(&rising, 12);
        let expected = 4.0 * 1.09_f64.powi(3) / (1.0 + 1.09 + 1.09_f64.powi(2) + 1.09_f64.powi(3));
        for x in r[3..].iter().flatten() {
            assert!((x - expected).abs() < 1e-9, "{x} {expected}");
        }
        assert!(expected < 1.14);
    }
}
