//! The "when" part of the prescription editor: the weeks it is active, how often it is done
//! (sessions per week, chosen weekdays, times a day or every N days, each with its own
//! fields) and how many of each week's sessions are supervised.

use crate::model::{MAX_WEEKS, Prescription, Schedule, Weekday};

use crate::ui::widgets::fields::{Field, drag_row};

/// The four forms a schedule takes, for the "Schedule" selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    PerWeek,
    Weekdays,
    TimesPerDay,
    EveryNDays,
}

impl Kind {
    const ALL: [Kind; 4] = [
        Kind::PerWeek,
        Kind::Weekdays,
        Kind::TimesPerDay,
        Kind::EveryNDays,
    ];

    fn of(schedule: &Schedule) -> Kind {
        match schedule {
            Schedule::PerWeek(_) => Kind::PerWeek,
            Schedule::Weekdays(_) => Kind::Weekdays,
            Schedule::TimesPerDay(_) => Kind::TimesPerDay,
            Schedule::EveryNDays(_) => Kind::EveryNDays,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::PerWeek => "Sessions per week",
            Kind::Weekdays => "Specific weekdays",
            Kind::TimesPerDay => "Times a day",
            Kind::EveryNDays => "Every N days",
        }
    }

    fn tip(self) -> &'static str {
        match self {
            Kind::PerWeek => "A number of sessions each week, spread evenly over the week",
            Kind::Weekdays => "On chosen days of the week (e.g. Mon, Wed, Fri)",
            Kind::TimesPerDay => "Every day, one or more times a day (e.g. twice a day)",
            Kind::EveryNDays => "Every other day, every third day, ...",
        }
    }

    /// A schedule of this kind close to `from` (about as many sessions a week).
    fn convert(self, from: &Schedule) -> Schedule {
        let per_week = sessions_per_week(from).clamp(1, 7);
        match self {
            Kind::PerWeek => Schedule::PerWeek(sessions_per_week(from).clamp(1, 14)),
            Kind::Weekdays => {
                let days: &[Weekday] = match per_week {
                    1 => &[Weekday::Mon],
                    2 => &[Weekday::Mon, Weekday::Thu],
                    3 => &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
                    4 => &[Weekday::Mon, Weekday::Tue, Weekday::Thu, Weekday::Fri],
                    _ => &Weekday::ALL[..per_week as usize],
                };
                Schedule::Weekdays(days.to_vec())
            }
            Kind::TimesPerDay => Schedule::TimesPerDay((sessions_per_week(from) / 7).clamp(1, 6)),
            Kind::EveryNDays => Schedule::EveryNDays((7 / per_week).clamp(1, 28)),
        }
    }
}

/// Most sessions the schedule gives in one week.
pub(super) fn sessions_per_week(schedule: &Schedule) -> u32 {
    match schedule {
        Schedule::PerWeek(n) => *n,
        Schedule::Weekdays(days) => days.len() as u32,
        Schedule::TimesPerDay(n) => n.saturating_mul(7),
        Schedule::EveryNDays(n) => 7_u32.div_ceil((*n).max(1)),
    }
}

/// Grid rows: first and last week, schedule kind and its fields, supervised sessions.
pub(super) fn when_ui(ui: &mut egui::Ui, rx: &mut Prescription) {
    egui::Grid::new("rx_when_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(crate::ui::widgets::fields::LABEL_WIDTH)
        .show(ui, |ui| {
            weeks_rows(ui, rx);
            let before = rx.schedule.clone();
            schedule_rows(ui, &mut rx.schedule);
            let max = sessions_per_week(&rx.schedule);
            if rx.schedule != before {
                rx.supervised_per_week = rx.supervised_per_week.min(max);
            }
            let field = Field::new(
                "Supervised per week",
                "How many of each week's sessions the clinician supervises (the first ones of the week)",
            )
            .suffix("/week")
            .speed(0.05);
            drag_row(ui, &field, &mut rx.supervised_per_week, 0..=max);
        });
}

fn weeks_rows(ui: &mut egui::Ui, rx: &mut Prescription) {
    let first = Field::new("First week", "The plan week this exercise starts in").speed(0.05);
    if drag_row(ui, &first, &mut rx.weeks.first, 1..=MAX_WEEKS) && rx.weeks.last < rx.weeks.first {
        rx.weeks.last = rx.weeks.first;
    }
    let last = Field::new("Last week", "The last plan week this exercise is done in").speed(0.05);
    if drag_row(ui, &last, &mut rx.weeks.last, 1..=MAX_WEEKS) && rx.weeks.first > rx.weeks.last {
        rx.weeks.first = rx.weeks.last;
    }
}

fn schedule_rows(ui: &mut egui::Ui, schedule: &mut Schedule) {
    let label = ui.label("Schedule");
    let kind = Kind::of(schedule);
    let mut chosen = kind;
    egui::ComboBox::from_id_salt("rx_schedule_kind")
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for k in Kind::ALL {
                ui.selectable_value(&mut chosen, k, k.label())
                    .on_hover_text(k.tip());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("How often the exercise is done");
    ui.end_row();
    if chosen != kind {
        *schedule = chosen.convert(schedule);
    }
    match schedule {
        Schedule::PerWeek(n) => {
            let field = Field::new(
                "Sessions per week",
                "Sessions each week, spread evenly over the week",
            )
            .suffix("/week")
            .speed(0.05);
            drag_row(ui, &field, n, 1..=14);
        }
        Schedule::Weekdays(days) => {
            ui.label("Days");
            ui.horizontal(|ui| weekdays_ui(ui, days));
            ui.end_row();
        }
        Schedule::TimesPerDay(n) => {
            let field = Field::new("Times a day", "Sessions each day, every day of the week")
                .suffix("x/day")
                .speed(0.05);
            drag_row(ui, &field, n, 1..=6);
        }
        Schedule::EveryNDays(n) => {
            let field = Field::new(
                "Every N days",
                "Days from one session to the next: 2 is every other day, 3 every third day",
            )
            .prefix("every ")
            .suffix(" days")
            .speed(0.05);
            drag_row(ui, &field, n, 1..=28);
        }
    }
}

/// One toggle per weekday; at least one day stays chosen.
fn weekdays_ui(ui: &mut egui::Ui, days: &mut Vec<Weekday>) {
    for day in Weekday::ALL {
        let on = days.contains(&day);
        let tip = if on && days.len() == 1 {
            format!(
                "Done on {}s (the only day left: choose another day first)",
                day.label()
            )
        } else if on {
            format!("Done on {}s: click to leave the day out", day.label())
        } else {
            format!("Click to do it on {}s too", day.label())
        };
        if ui
            .selectable_label(on, day.label())
            .on_hover_text(tip)
            .clicked()
        {
            if on && days.len() > 1 {
                days.retain(|d| *d != day);
            } else if !on {
                days.push(day);
                days.sort();
            }
        }
    }
}
