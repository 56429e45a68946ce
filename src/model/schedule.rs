//! When a prescription is done: weeks active and how often. Protocols need more than
//! "N sessions per week" (the Askling L-protocol asks for twice a day, every other day and
//! every third day), so all four forms are first-class.

use serde::{Deserialize, Serialize};

/// Day of the week, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// Every day, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> u32 {
        self as u32
    }

    /// Three-letter name.
    pub fn label(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }
}

/// The most sessions a day a schedule may have (`TimesPerDay(6)`); a day's sessions are
/// numbered by slot, 0 to `MAX_TIMES_PER_DAY - 1`.
pub const MAX_TIMES_PER_DAY: u32 = 6;

/// How often a prescription is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Schedule {
    /// N sessions in each week, spread evenly over the week.
    PerWeek(u32),
    /// On the listed weekdays.
    Weekdays(
        #[serde(deserialize_with = "super::limits::at_most::<super::limits::Weekdays, _, _>")]
        Vec<Weekday>,
    ),
    /// Every day, N times a day.
    TimesPerDay(u32),
    /// Every N days (2 = every other day), counted from the prescription's first day.
    EveryNDays(u32),
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::PerWeek(3)
    }
}

impl Schedule {
    /// The most sessions a calendar week of this schedule has (as the engine clamps it: 14 a
    /// week, six a day, every 1 to 28 days): every other day has 4 in some weeks.
    pub fn most_sessions_a_week(&self) -> u32 {
        match self {
            Schedule::PerWeek(n) => (*n).min(14),
            Schedule::Weekdays(days) => {
                let mut seen = [false; 7];
                for d in days {
                    seen[d.index() as usize] = true;
                }
                seen.iter().filter(|s| **s).count() as u32
            }
            Schedule::TimesPerDay(n) => 7 * (*n).clamp(1, MAX_TIMES_PER_DAY),
            Schedule::EveryNDays(n) => 7_u32.div_ceil((*n).clamp(1, 28)),
        }
    }

    /// Short text: `3x/week`, `Mon, Thu`, `2x/day`, `every 3rd day`.
    pub fn label(&self) -> String {
        match self {
            Schedule::PerWeek(n) => format!("{n}x/week"),
            Schedule::Weekdays(days) => days
                .iter()
                .map(|d| d.label())
                .collect::<Vec<_>>()
                .join(", "),
            Schedule::TimesPerDay(1) => "daily".to_owned(),
            Schedule::TimesPerDay(n) => format!("{n}x/day"),
            Schedule::EveryNDays(1) => "daily".to_owned(),
            Schedule::EveryNDays(2) => "every other day".to_owned(),
            Schedule::EveryNDays(3) => "every 3rd day".to_owned(),
            Schedule::EveryNDays(n) => format!("every {n} days"),
        }
    }
}

/// Weeks a prescription or phase covers, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekRange {
    pub first: u32,
    pub last: u32,
}

impl WeekRange {
    /// A range from `first` to `last` inclusive.
    pub fn new(first: u32, last: u32) -> Self {
        WeekRange { first, last }
    }

    /// True when `week` lies in the range.
    pub fn contains(&self, week: u32) -> bool {
        week >= self.first && week <= self.last
    }

    /// Number of weeks (0 when the range is reversed).
    pub fn len(&self) -> u32 {
        self.last.saturating_add(1).saturating_sub(self.first)
    }

    /// True when the range holds no week.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
