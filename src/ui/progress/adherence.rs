//! Adherence: sessions done of those due, overall and week by week up to the current week, and
//! the supervised sessions counted toward the recommended number.

use egui::accesskit::Role;
use egui::{Sense, Stroke, WidgetInfo};

use super::ProgressData;
use crate::engine::review::{adherence_summary, fmt_pct};

/// Words for the supervised sessions: `4 supervised done + 6 planned ahead = 10 of the
/// recommended 12` (athlete mode: `4 sessions with your physio done, 6 more planned; 12
/// recommended`).
pub fn supervised_words(done: u32, ahead: u32, target: u32, athlete: bool) -> String {
    if athlete {
        format!(
            "{done} session{} with your physio done, {ahead} more planned; {target} recommended",
            if done == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{done} supervised done + {ahead} planned ahead = {} of the recommended {target}",
            done + ahead
        )
    }
}

/// The overall figures, the supervised sessions and the table of weeks.
pub fn adherence_ui(ui: &mut egui::Ui, data: &ProgressData<'_>, athlete: bool) {
    let status = &data.status;
    ui.heading(if athlete {
        "Sessions done"
    } else {
        "Adherence"
    });
    ui.label(adherence_summary(&status.overall)).on_hover_text(
        "Sessions due: those planned before today, and today's once something of it is \
         logged. Done: every exercise checked off; partly done: some; missed: a past session \
         with nothing checked off. The percentage counts exercises checked off of those due.",
    );
    supervised_ui(ui, data, athlete);
    if data.weeks_begun == 0 {
        return;
    }
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("progress_weeks_scroll")
        .max_height(170.0)
        .auto_shrink([false, true])
        .show(ui, |ui| weeks_grid(ui, data, athlete));
}

fn supervised_ui(ui: &mut egui::Ui, data: &ProgressData<'_>, athlete: bool) {
    let s = &data.status;
    let (done, ahead, target) = (
        s.supervised_done,
        s.supervised_planned_ahead,
        s.supervised_target,
    );
    let words = supervised_words(done, ahead, target, athlete);
    ui.horizontal_wrapped(|ui| {
        if target > 0 {
            supervised_bar(ui, done, ahead, target, &words);
        }
        ui.label(&words).on_hover_text(
            "Sessions done with the clinician, counted toward the recommended number \
             (clinical summary: at least 12 supervised sessions)",
        );
    });
}

/// A bar: supervised sessions done (solid), planned ahead (light), the recommended number
/// (a mark).
fn supervised_bar(ui: &mut egui::Ui, done: u32, ahead: u32, target: u32, words: &str) {
    let width = 220.0_f32.min(ui.available_width());
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 16.0), Sense::hover());
    let label = format!("Supervised sessions: {words}");
    response.widget_info(|| WidgetInfo::labeled(Role::ProgressIndicator, true, label.clone()));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let full = f64::from(target.max(done + ahead).max(1));
    let x_of = |n: u32| rect.left() + (f64::from(n) / full) as f32 * rect.width();
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    let solid = visuals.selection.bg_fill;
    let done_rect = egui::Rect::from_min_max(rect.min, egui::pos2(x_of(done), rect.max.y));
    painter.rect_filled(done_rect, 3.0, solid);
    let ahead_rect = egui::Rect::from_min_max(
        egui::pos2(x_of(done), rect.min.y),
        egui::pos2(x_of(done + ahead), rect.max.y),
    );
    // Planned ahead: stripes of the same colour, so it reads as "not yet" on both themes.
    let mut x = ahead_rect.left() + 2.0;
    while x < ahead_rect.right() {
        painter.line_segment(
            [
                egui::pos2(x, ahead_rect.top() + 2.0),
                egui::pos2(x, ahead_rect.bottom() - 2.0),
            ],
            Stroke::new(1.5, solid),
        );
        x += 4.0;
    }
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    let tx = x_of(target);
    painter.line_segment(
        [
            egui::pos2(tx, rect.top() - 2.0),
            egui::pos2(tx, rect.bottom() + 2.0),
        ],
        Stroke::new(2.0, visuals.strong_text_color()),
    );
    response.on_hover_text(format!(
        "Solid: done; striped: planned ahead; mark: {target} recommended"
    ));
}

/// Week, done/due, partly, missed, exercises checked off, supervised; up to the current week.
fn weeks_grid(ui: &mut egui::Ui, data: &ProgressData<'_>, athlete: bool) {
    let status = &data.status;
    egui::Grid::new("progress_weeks_grid")
        .striped(true)
        .num_columns(6)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for head in [
                "Week",
                "Done / due",
                "Partly done",
                "Missed",
                "Exercises done",
                if athlete {
                    "With your physio"
                } else {
                    "Supervised"
                },
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for w in status.weeks.iter().take(data.weeks_begun) {
                let a = &w.adherence;
                if status.current_week == Some(w.week) {
                    ui.label(format!("{} (this week)", w.week));
                } else {
                    ui.label(w.week.to_string());
                }
                ui.label(format!("{} / {}", a.done, a.due));
                ui.label(a.partial.to_string());
                ui.label(a.missed.to_string());
                ui.label(a.pct().map_or_else(|| "-".to_owned(), fmt_pct));
                ui.label(w.supervised_done.to_string());
                ui.end_row();
            }
        });
}
