//! The plan-details form: title, athlete, clinician, condition, goal, start date (date picker),
//! length, notes and the guardrail thresholds.

use crate::command::{Command, Edit, PlanMeta};
use crate::engine::{Audience, PainZone};
use crate::model::{Limb, LoadStep, LoadUnit, MAX_WEEKS, PainLimits, Thresholds};
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
                        changed |= injured_side_row(ui, &mut meta.injured_side);
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
                                        .calendar_week(true)
                                        // The calendar glyph is not in the bundled fonts.
                                        .show_icon(false)
                                        .format("%a %-d %b %Y"),
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
                pain_limits_ui(ui, plan.pain_limits, cmds);
                ui.add_space(12.0);
                load_steps_ui(ui, &plan.load_steps, view.unit, cmds);
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
        row(ui, "Acute:chronic ratio flag", &mut t.acwr_high, 1.0..=3.0, "", "Flag weeks whose acute:chronic ratio (the last 7 days against the last 28, rolling averages of daily load) reaches this (default 1.5; a heuristic, not an injury predictor)");
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

/// The injured side: none, left or right. Returns true when it changed.
fn injured_side_row(ui: &mut egui::Ui, side: &mut Option<Limb>) -> bool {
    let label = ui.label("Injured side");
    let before = *side;
    let name = |s: Option<Limb>| match s {
        None => "Not one side",
        Some(Limb::Left) => "Left",
        Some(Limb::Right) => "Right",
    };
    egui::ComboBox::from_id_salt("injured_side")
        .selected_text(name(*side))
        .show_ui(ui, |ui| {
            for s in [None, Some(Limb::Left), Some(Limb::Right)] {
                ui.selectable_value(side, s, name(s));
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "Which side is injured: doses \"for the injured side\" or \"the other side\" are then worded as the left or right leg",
        );
    ui.end_row();
    *side != before
}

/// The pain the plan accepts during exercise (the pain-monitoring model's zones).
fn pain_limits_ui(ui: &mut egui::Ui, current: PainLimits, cmds: &mut Vec<Command>) {
    ui.strong("Pain limits");
    ui.weak("The pain accepted during exercise; classification, the pain guide and the charts use them. Some programmes allow less (at most 3/10 for proximal hamstring tendinopathy, Goom et al. 2016).");
    let mut limits = current;
    egui::Grid::new("pain_limits")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label("Safe (green) up to");
            ui.add(
                egui::DragValue::new(&mut limits.safe_max)
                    .range(0..=8)
                    .speed(0.05)
                    .suffix(" /10"),
            )
            .labelled_by(l.id)
            .on_hover_text(PainZone::Green.meaning(limits));
            ui.weak(PainZone::Green.label(limits, Audience::Physio));
            ui.end_row();
            let l = ui.label("Acceptable (amber) up to");
            ui.add(
                egui::DragValue::new(&mut limits.acceptable_max)
                    .range(1..=9)
                    .speed(0.05)
                    .suffix(" /10"),
            )
            .labelled_by(l.id)
            .on_hover_text(PainZone::Amber.meaning(limits));
            ui.weak(PainZone::Amber.label(limits, Audience::Physio));
            ui.end_row();
        });
    if !current.is_default()
        && ui
            .button("Back to 0-2 safe, 3-5 acceptable")
            .on_hover_text("The pain-monitoring model's usual limits (Silbernagel et al. 2007)")
            .clicked()
    {
        limits = PainLimits::default();
    }
    if limits != current {
        cmds.push(Command::Edit(Edit::SetPainLimits(limits)));
    }
}

/// The load steps of the athlete's equipment (dumbbells in 0.5 kg steps, ...): progressions
/// are fitted to them.
fn load_steps_ui(ui: &mut egui::Ui, current: &[LoadStep], unit: LoadUnit, cmds: &mut Vec<Command>) {
    ui.strong("Equipment load steps");
    let default = crate::engine::fit::default_load_step_kg(unit);
    ui.weak(format!(
        "The smallest load change the athlete's equipment allows; fitting a progression uses it ({} {} when none is given).",
        crate::model::fmt_num(unit.from_kg(default)),
        unit.symbol()
    ));
    let mut steps = current.to_vec();
    let mut remove = None;
    egui::Grid::new("load_steps")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (i, step) in steps.iter_mut().enumerate() {
                ui.push_id(i, |ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut step.equipment)
                            .desired_width(140.0)
                            .hint_text("e.g. dumbbell"),
                    )
                    .on_hover_text(
                        "Equipment as the exercises name it: dumbbell, barbell, kettlebell",
                    );
                });
                let mut shown = unit.from_kg(step.step_kg);
                if ui
                    .add(
                        egui::DragValue::new(&mut shown)
                            .range(unit.from_kg(0.1)..=unit.from_kg(50.0))
                            .speed(0.05)
                            .max_decimals(2)
                            .suffix(format!(" {}", unit.symbol())),
                    )
                    .on_hover_text(format!("The smallest load step of {}", step.equipment))
                    .changed()
                {
                    step.step_kg = unit.to_kg(shown);
                }
                if ui
                    .small_button(format!("Remove the {} step", step.equipment))
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        steps.remove(i);
    }
    if ui
        .button("Add a load step")
        .on_hover_text("Add a piece of equipment and its smallest load step")
        .clicked()
    {
        let step_kg = match unit {
            LoadUnit::Kg => 0.5,
            LoadUnit::Lb => unit.to_kg(2.5),
        };
        steps.push(LoadStep {
            equipment: "dumbbell".to_owned(),
            step_kg,
        });
    }
    if steps != current {
        cmds.push(Command::Edit(Edit::SetLoadSteps(steps)));
    }
}
