//! The plan-details form: title, athlete, clinician, condition, goal, start date (date picker),
//! length, notes and the guardrail thresholds.

use crate::command::{Command, Edit, PlanMeta};
use crate::model::{MAX_WEEKS, Thresholds};
use crate::ui::View;

/// Plan-details form state (none beyond the plan itself).
#[derive(Default)]
pub struct DetailsPanel;

fn to_jiff(d: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike;
    jiff::civil::Date::new(
        i16::try_from(d.year()).ok()?,
        i8::try_from(d.month()).ok()?,
        i8::try_from(d.day()).ok()?,
    )
    .ok()
}

fn from_jiff(d: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    multiline: bool,
    hint: &str,
) -> bool {
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    let changed = ui
        .add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .changed();
    ui.end_row();
    changed
}

impl DetailsPanel {
    /// Draws the form; changes push `Edit::SetMeta` / `Edit::SetThresholds`.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        let plan = view.plan();
        let mut meta = PlanMeta::of(plan);
        let mut changed = false;
        egui::ScrollArea::vertical()
            .id_salt("details_scroll")
            .show(ui, |ui| {
                egui::Grid::new("plan_details")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        changed |= text_row(
                            ui,
                            "Title",
                            &mut meta.title,
                            false,
                            "e.g. Hamstring return to running",
                        );
                        changed |= text_row(
                            ui,
                            "Athlete",
                            &mut meta.athlete,
                            false,
                            "Name of the person the plan is for",
                        );
                        changed |= text_row(
                            ui,
                            "Clinician",
                            &mut meta.clinician,
                            false,
                            "Who wrote the plan",
                        );
                        changed |= text_row(
                            ui,
                            "Condition",
                            &mut meta.condition,
                            false,
                            "e.g. Proximal hamstring tendinopathy, right",
                        );
                        changed |= text_row(
                            ui,
                            "Goal",
                            &mut meta.goal,
                            true,
                            "What the plan should achieve",
                        );
                        ui.label("Start date");
                        ui.horizontal(|ui| {
                            let mut dated = meta.start_date.is_some();
                            if ui
                                .checkbox(&mut dated, "Dated")
                                .on_hover_text("Date the sessions from a start day")
                                .changed()
                            {
                                meta.start_date = if dated { Some(view.today()) } else { None };
                                changed = true;
                            }
                            if let Some(mut date) = meta.start_date.and_then(to_jiff) {
                                let r = ui.add(
                                    egui_extras::DatePickerButton::new(&mut date)
                                        .id_salt("start_date_picker")
                                        .calendar_week(true),
                                );
                                if r.changed() {
                                    meta.start_date = from_jiff(date);
                                    changed = true;
                                }
                            } else {
                                ui.weak("not dated");
                            }
                        });
                        ui.end_row();
                        ui.label("Plan length");
                        ui.horizontal(|ui| {
                            let l = ui.label("Weeks");
                            let mut weeks = plan.length_weeks();
                            let r = ui
                                .add(
                                    egui::DragValue::new(&mut weeks)
                                        .range(1..=MAX_WEEKS)
                                        .speed(0.1)
                                        .suffix(" weeks"),
                                )
                                .labelled_by(l.id);
                            if r.changed() {
                                meta.weeks = weeks;
                                changed = true;
                            }
                            r.on_hover_text(
                                "The plan also lasts as long as its longest phase or prescription",
                            );
                        });
                        ui.end_row();
                        changed |= text_row(
                            ui,
                            "Notes",
                            &mut meta.notes,
                            true,
                            "Anything the athlete or a colleague should know",
                        );
                    });
                if changed {
                    cmds.push(Command::Edit(Edit::SetMeta(meta)));
                }
                if !plan.citation.is_empty() {
                    ui.add_space(8.0);
                    ui.strong("Source");
                    ui.label(&plan.citation);
                }
                if !plan.disclaimer.is_empty() {
                    ui.colored_label(ui.visuals().warn_fg_color, &plan.disclaimer);
                }
                ui.add_space(12.0);
                thresholds_ui(ui, &plan.thresholds, cmds);
            });
    }
}

fn thresholds_ui(ui: &mut egui::Ui, current: &Thresholds, cmds: &mut Vec<Command>) {
    ui.strong("Guardrail thresholds");
    let mut t = current.clone();
    let mut changed = false;
    egui::Grid::new("thresholds").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let mut row = |ui: &mut egui::Ui, label: &str, value: &mut f64, range: std::ops::RangeInclusive<f64>, suffix: &str, tip: &str| {
            let l = ui.label(label);
            changed |= ui
                .add(egui::DragValue::new(value).range(range).speed(0.1).max_decimals(2).suffix(suffix))
                .labelled_by(l.id)
                .on_hover_text(tip)
                .changed();
            ui.end_row();
        };
        row(ui, "Weekly increase warning", &mut t.weekly_increase_pct, 1.0..=100.0, " %", "Warn when a load metric rises more than this from one week to the next (default 10 %)");
        row(ui, "Two-week increase alert", &mut t.two_week_increase_pct, 1.0..=300.0, " %", "Alert when a load metric rises more than this over two weeks (default 30 %)");
        row(ui, "Acute:chronic ratio flag", &mut t.acwr_high, 1.0..=3.0, "", "Flag weeks whose acute:chronic ratio (7 against 28 days) reaches this (default 1.5; a heuristic)");
        let mut weeks = f64::from(t.min_weeks);
        row(ui, "Minimum plan length", &mut weeks, 1.0..=104.0, " weeks", "Warn when the plan is shorter (default 12 weeks)");
        t.min_weeks = weeks.round() as u32;
        let mut sup = f64::from(t.min_supervised_sessions);
        row(ui, "Minimum supervised sessions", &mut sup, 0.0..=200.0, "", "Warn when fewer sessions are supervised (default 12)");
        t.min_supervised_sessions = sup.round() as u32;
    });
    if changed {
        cmds.push(Command::Edit(Edit::SetThresholds(t)));
    }
}
