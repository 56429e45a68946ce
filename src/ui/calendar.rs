//! The calendar: the plan's dated sessions by month or by week, each day showing its state
//! (planned, done, partly done, missed, rest day), today outlined. Picking a day shows its
//! sessions below, ready to log.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::command::Command;
use crate::engine::{PainZone, SessionState};
use crate::ui::Selection;
use crate::ui::View;
use crate::ui::log::SessionPanel;
use crate::ui::style::{self, state_color};

/// Month grid or one week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CalendarMode {
    #[default]
    Month,
    Week,
}

/// The calendar's own state: month or week, and the day the view is anchored on (the
/// selected day unless the user browsed away).
#[derive(Default)]
pub struct CalendarPanel {
    pub mode: CalendarMode,
    /// First day of the month or week shown, when browsed away from the selected day.
    anchor: Option<NaiveDate>,
}

impl CalendarPanel {
    /// Draws the calendar and, below it, the picked day's sessions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        selection: &Selection,
        sessions: &mut SessionPanel,
        cmds: &mut Vec<Command>,
    ) {
        let Some(start) = view.plan().start_date else {
            ui.label(
                "This plan has no start date, so its sessions have no dates yet: set one in Plan details.",
            );
            return;
        };
        let last = start + Duration::days(i64::from(view.plan().length_weeks().max(1)) * 7 - 1);
        let picked = selection
            .date
            .unwrap_or_else(|| view.today().clamp(start, last));
        let days = Days {
            states: view.read.day_states(),
            pain: crate::engine::review::day_pain(
                &view.read.status().pain,
                view.plan().pain_limits,
            ),
            picked,
            today: view.today(),
        };
        if view.athlete() {
            crate::ui::style::athlete_style(ui);
        }
        let wide = ui.available_width() >= 900.0;
        let calendar_width = if wide {
            (ui.available_width() * 0.4).clamp(400.0, 600.0)
        } else {
            ui.available_width()
        };
        let mut calendar = |ui: &mut egui::Ui, cmds: &mut Vec<Command>| {
            ui.set_width(calendar_width);
            let anchor = self.anchor.unwrap_or(picked);
            let shown = self.header_ui(ui, anchor, view.today(), start, last, cmds);
            match self.mode {
                CalendarMode::Month => {
                    month_grid(ui, shown, &days, cmds);
                }
                CalendarMode::Week => {
                    week_rows(ui, view, shown, &days, cmds);
                }
            }
            legend(ui);
        };
        if wide {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("calendar_scroll")
                        .auto_shrink([true, false])
                        .show(ui, |ui| calendar(ui, cmds));
                });
                ui.separator();
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("calendar_day_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| sessions.day_ui(ui, view, picked, cmds));
                });
            });
        } else {
            egui::ScrollArea::vertical()
                .id_salt("calendar_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    calendar(ui, cmds);
                    ui.separator();
                    sessions.day_ui(ui, view, picked, cmds);
                });
        }
        // Picking a day re-centres the view on it.
        if cmds.iter().any(|c| matches!(c, Command::SelectDate(_))) {
            self.anchor = None;
        }
    }

    /// Month/week switch, previous/next, Today. Returns the first day shown.
    fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        anchor: NaiveDate,
        today: NaiveDate,
        start: NaiveDate,
        last: NaiveDate,
        cmds: &mut Vec<Command>,
    ) -> NaiveDate {
        let first = match self.mode {
            CalendarMode::Month => anchor.with_day(1).unwrap_or(anchor),
            CalendarMode::Week => crate::engine::monday_of(anchor),
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.mode, CalendarMode::Month, "Month")
                .on_hover_text("Show a month at a time");
            ui.selectable_value(&mut self.mode, CalendarMode::Week, "Week")
                .on_hover_text("Show a week at a time, with each session's exercises");
            ui.separator();
            let (prev, next) = match self.mode {
                CalendarMode::Month => (add_months(first, -1), add_months(first, 1)),
                CalendarMode::Week => (first - Duration::days(7), first + Duration::days(7)),
            };
            let unit = match self.mode {
                CalendarMode::Month => "month",
                CalendarMode::Week => "week",
            };
            if nav_button(ui, "<", &format!("Previous {unit}")).clicked() {
                self.anchor = Some(prev);
            }
            ui.strong(match self.mode {
                CalendarMode::Month => first.format("%B %Y").to_string(),
                CalendarMode::Week => format!(
                    "{} - {}",
                    first.format("%-d %b"),
                    (first + Duration::days(6)).format("%-d %b %Y")
                ),
            });
            if nav_button(ui, ">", &format!("Next {unit}")).clicked() {
                self.anchor = Some(next);
            }
            if ui.button("Today").on_hover_text("Go to today").clicked() {
                cmds.push(Command::SelectDate(today));
            }
        });
        ui.weak(format!(
            "Plan: {} to {}",
            start.format("%-d %b %Y"),
            last.format("%-d %b %Y")
        ));
        first
    }
}

/// A small arrow button whose accessible name says what it does.
fn nav_button(ui: &mut egui::Ui, arrow: &str, name: &str) -> egui::Response {
    let response = ui.button(arrow);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.on_hover_text(name)
}

fn add_months(first_of_month: NaiveDate, months: i32) -> NaiveDate {
    let total = first_of_month.year() * 12 + first_of_month.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(first_of_month)
}

/// What the calendar shows of each day: its sessions' state and its worst pain.
struct Days<'a> {
    states: &'a BTreeMap<NaiveDate, SessionState>,
    /// The worst pain zone of each day with pain logged, and the rating behind it.
    pain: BTreeMap<NaiveDate, (PainZone, String)>,
    picked: NaiveDate,
    today: NaiveDate,
}

impl Days<'_> {
    fn state(&self, date: NaiveDate) -> SessionState {
        self.states
            .get(&date)
            .copied()
            .unwrap_or(SessionState::Rest)
    }

    /// The day's pain when it is worth a mark: acceptable (amber) or too much (red).
    fn pain(&self, date: NaiveDate) -> Option<&(PainZone, String)> {
        self.pain.get(&date).filter(|(z, _)| *z != PainZone::Green)
    }
}

/// A short mark for a state, so it does not rest on colour alone.
fn state_mark(state: SessionState) -> &'static str {
    match state {
        SessionState::Done => "done",
        SessionState::Partial => "partly",
        SessionState::Missed => "missed",
        SessionState::Planned => "planned",
        SessionState::Rest => "",
    }
}

/// One clickable day: its number, its state's mark, a dot in the pain's colour when it was
/// amber or red, today outlined, the picked day filled.
fn day_button(
    ui: &mut egui::Ui,
    days: &Days<'_>,
    date: NaiveDate,
    size: egui::Vec2,
    dimmed: bool,
) -> egui::Response {
    let (state, picked, today) = (days.state(date), date == days.picked, date == days.today);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let visuals = ui.visuals();
    let color = state_color(ui, state);
    let painter = ui.painter_at(rect);
    let fill = if picked {
        visuals.selection.bg_fill
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else if state == SessionState::Rest {
        egui::Color32::TRANSPARENT
    } else {
        color.gamma_multiply(0.18)
    };
    painter.rect_filled(rect.shrink(1.0), 4.0, fill);
    if today {
        painter.rect_stroke(
            rect.shrink(1.5),
            4.0,
            egui::Stroke::new(2.0, visuals.strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    let text_color = if dimmed {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    };
    painter.text(
        rect.left_top() + egui::vec2(6.0, 4.0),
        egui::Align2::LEFT_TOP,
        date.day().to_string(),
        egui::FontId::proportional(14.0),
        text_color,
    );
    painter.text(
        rect.left_bottom() + egui::vec2(6.0, -4.0),
        egui::Align2::LEFT_BOTTOM,
        state_mark(state),
        egui::FontId::proportional(11.0),
        color,
    );
    let pain = days.pain(date);
    if let Some((zone, _)) = pain {
        let centre = rect.right_top() + egui::vec2(-9.0, 9.0);
        painter.circle_filled(centre, 4.5, style::zone(*zone));
    }
    let pain_words = pain.map_or_else(String::new, |(zone, words)| {
        format!(", {words} ({})", zone.name(crate::engine::Audience::Physio))
    });
    let label = format!(
        "{}{}: {}{pain_words}",
        date.format("%A %-d %B %Y"),
        if today { " (today)" } else { "" },
        state.label()
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, picked, &label));
    response.on_hover_text(format!(
        "{}: {}{pain_words}",
        date.format("%a %-d %b"),
        state.label()
    ))
}

fn month_grid(ui: &mut egui::Ui, first: NaiveDate, days: &Days<'_>, cmds: &mut Vec<Command>) {
    let grid_start = crate::engine::monday_of(first);
    let width = ((ui.available_width() - 6.0 * 4.0 - 8.0) / 7.0).clamp(44.0, 90.0);
    let size = egui::vec2(width, (width * 0.6).clamp(38.0, 50.0));
    egui::Grid::new("month_grid")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for name in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
                ui.weak(name);
            }
            ui.end_row();
            for week in 0..6 {
                let row_start = grid_start + Duration::days(week * 7);
                if week > 3 && row_start.month() != first.month() {
                    break;
                }
                for d in 0..7 {
                    let date = row_start + Duration::days(d);
                    let dimmed = date.month() != first.month();
                    if day_button(ui, days, date, size, dimmed).clicked() {
                        cmds.push(Command::SelectDate(date));
                    }
                }
                ui.end_row();
            }
        });
}

fn week_rows(
    ui: &mut egui::Ui,
    view: &View<'_>,
    first: NaiveDate,
    days: &Days<'_>,
    cmds: &mut Vec<Command>,
) {
    let size = egui::vec2(90.0, 40.0);
    for d in 0..7 {
        let date = first + Duration::days(d);
        ui.horizontal(|ui| {
            if day_button(ui, days, date, size, false).clicked() {
                cmds.push(Command::SelectDate(date));
            }
            ui.vertical(|ui| {
                ui.strong(date.format("%A").to_string());
                let mut any = false;
                for s in view.read.sessions_on(date) {
                    any = true;
                    let names: Vec<String> = s
                        .items
                        .iter()
                        .map(|i| view.plan().exercise_name(&i.exercise_id).into_owned())
                        .collect();
                    ui.label(names.join(", "));
                }
                if !any {
                    ui.weak("Rest day");
                }
            });
        });
    }
}

fn legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for state in [
            SessionState::Planned,
            SessionState::Done,
            SessionState::Partial,
            SessionState::Missed,
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, state_color(ui, state));
            ui.label(state.label());
            ui.add_space(8.0);
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (zone, words) in [
            (PainZone::Amber, "pain acceptable"),
            (PainZone::Red, "pain too much"),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, style::zone(zone));
            ui.label(words);
            ui.add_space(8.0);
        }
    });
    ui.weak("Today is outlined. Pick a day to see and log its sessions.");
}
