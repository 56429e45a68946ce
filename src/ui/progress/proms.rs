//! PROM scores the clinician enters: a date, a measure and a score of 0-100 points, added with
//! `Edit::AddProm`; the scores entered so far, each with a delete button (`Edit::RemoveProm`).
//! Physio mode only.

use chrono::NaiveDate;

use crate::command::{Command, Edit};
use crate::model::{Plan, Prom, PromScore};

use crate::engine::review::{fmt_points, long_date};

/// The entry form's own state.
#[derive(Debug, Clone, PartialEq)]
pub struct PromForm {
    /// The score's date (`None`: today).
    pub date: Option<NaiveDate>,
    pub measure: Prom,
    pub score: f64,
}

impl Default for PromForm {
    fn default() -> Self {
        PromForm {
            date: None,
            measure: Prom::HagosSymptoms,
            score: 0.0,
        }
    }
}

/// Why a score cannot be added, if it cannot.
pub fn problem(plan: &Plan, score: &PromScore, today: NaiveDate) -> Option<String> {
    if !score.score.is_finite() || !(0.0..=100.0).contains(&score.score) {
        return Some("A score is between 0 and 100 points.".to_owned());
    }
    if score.date > today {
        return Some("The date is after today: scores are entered once measured.".to_owned());
    }
    if plan
        .proms
        .iter()
        .any(|p| p.date == score.date && p.measure == score.measure)
    {
        return Some(format!(
            "There is already a {} score on {}: delete it below to enter another.",
            score.measure.label(),
            long_date(score.date)
        ));
    }
    None
}

/// Accessible name of the delete button of a score.
pub fn delete_label(p: &PromScore) -> String {
    format!(
        "Delete {} score of {} ({} points)",
        p.measure.label(),
        long_date(p.date),
        fmt_points(p.score)
    )
}

/// The entry form: date, measure, score and "Add score".
pub fn form_ui(
    ui: &mut egui::Ui,
    form: &mut PromForm,
    plan: &Plan,
    today: NaiveDate,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("PROM date");
        let mut date = form.date.unwrap_or(today);
        if let Some(mut picked) = to_jiff(date) {
            let r = ui
                .add(
                    egui_extras::DatePickerButton::new(&mut picked)
                        .id_salt("prom_date_picker")
                        .calendar_week(true)
                        .show_icon(false),
                )
                .labelled_by(label.id)
                .on_hover_text("The day the athlete filled in the questionnaire");
            if r.changed()
                && let Some(d) = from_jiff(picked)
            {
                date = d;
                form.date = Some(d);
            }
        } else {
            ui.label(long_date(date));
        }
        ui.add_space(8.0);
        let label = ui.label("PROM measure");
        egui::ComboBox::from_id_salt("prom_measure")
            .selected_text(form.measure.label())
            .width(200.0)
            .show_ui(ui, |ui| {
                for m in Prom::ALL {
                    let tip = match m.individual_sdc() {
                        Some((low, high)) => format!(
                            "Smallest detectable change for one person: {}-{} points (Thorborg 2011)",
                            fmt_points(low),
                            fmt_points(high)
                        ),
                        None => "No smallest detectable change in the clinical summary".to_owned(),
                    };
                    ui.selectable_value(&mut form.measure, m, m.label())
                        .on_hover_text(tip);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Which questionnaire or subscale the score is of");
        ui.add_space(8.0);
        let label = ui.label("PROM score");
        ui.add(
            egui::DragValue::new(&mut form.score)
                .range(0.0..=100.0)
                .speed(0.5)
                .max_decimals(1)
                .suffix(" points"),
        )
        .labelled_by(label.id)
        .on_hover_text("0-100 points, higher is better");
        ui.add_space(8.0);
        let score = PromScore {
            date,
            measure: form.measure,
            score: form.score,
        };
        let trouble = problem(plan, &score, today);
        let r = ui
            .add_enabled(trouble.is_none(), egui::Button::new("Add score"))
            .on_hover_text("Adds the score to the plan (undo with Edit > Undo)");
        if r.clicked() {
            cmds.push(Command::Edit(Edit::AddProm(score)));
            // The subscales of one questionnaire are entered in a row: move on to the next.
            form.measure = next_measure(form.measure);
        }
        if let Some(why) = trouble {
            ui.colored_label(ui.visuals().warn_fg_color, why);
        }
    });
}

/// The scores entered so far, newest first, each with its delete button.
pub fn list_ui(ui: &mut egui::Ui, plan: &Plan, cmds: &mut Vec<Command>) {
    if plan.proms.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Scores entered ({})", plan.proms.len()))
        .id_salt("prom_scores_list")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("prom_scores_scroll")
                .max_height(160.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("prom_scores_grid")
                        .striped(true)
                        .num_columns(4)
                        .spacing([18.0, 4.0])
                        .show(ui, |ui| {
                            for (i, p) in plan.proms.iter().enumerate().rev() {
                                ui.label(long_date(p.date));
                                ui.label(p.measure.label());
                                ui.label(format!("{} points", fmt_points(p.score)));
                                let r = ui
                                    .button("Delete")
                                    .accessible_name(delete_label(p))
                                    .on_hover_text("Delete this score (undo with Edit > Undo)");
                                if r.clicked() {
                                    cmds.push(Command::Edit(Edit::RemoveProm(i)));
                                }
                                ui.end_row();
                            }
                        });
                });
        });
}

/// The measure after `m` in `Prom::ALL` (the first after the last).
pub fn next_measure(m: Prom) -> Prom {
    let i = Prom::ALL.iter().position(|p| *p == m).unwrap_or(0);
    Prom::ALL[(i + 1) % Prom::ALL.len()]
}

fn to_jiff(d: NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike;
    jiff::civil::Date::new(
        i16::try_from(d.year()).ok()?,
        i8::try_from(d.month()).ok()?,
        i8::try_from(d.day()).ok()?,
    )
    .ok()
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}
