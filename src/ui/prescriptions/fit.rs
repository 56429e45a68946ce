//! "Fit to 10 % a week" in the prescription editor: the engine proposes a progression in which
//! no weekly rise passes the plan's threshold (the equipment's load steps, reps up within a
//! range before the load), the editor shows it week by week beside the planned one while the
//! chart previews it, and one click applies it as one undoable edit.

use crate::command::{Command, Edit};
use crate::model::{Prescription, fmt_num};
use crate::ui::View;

/// The fit button, and while this prescription's fit is previewed, its outcome with Apply and
/// Cancel.
pub(super) fn fit_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rx: &Prescription,
    previewing: bool,
    cmds: &mut Vec<Command>,
) {
    let threshold = fmt_num(view.plan().thresholds.weekly_increase_pct);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Weekly rises");
        let label = format!("Fit to {threshold} % a week");
        let tip = format!(
            "Propose a progression in which no load figure of this exercise rises more than \
             {threshold} % in a week: reps up within a range, then the next load step the \
             equipment has (Plan details). It is shown here and on the chart before you apply it."
        );
        if ui
            .add_enabled(!previewing, egui::Button::new(label))
            .on_hover_text(tip)
            .clicked()
        {
            cmds.push(Command::PreviewFit(Some(rx.id)));
        }
    });
    if !previewing {
        return;
    }
    let outcome = view.read.fit(rx.id);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        match &outcome.result {
            Err(e) => {
                ui.colored_label(ui.visuals().warn_fg_color, format!("Cannot fit: {e}."));
                if ui.button("Close the fit").clicked() {
                    cmds.push(Command::PreviewFit(None));
                }
            }
            Ok(fitted) => {
                ui.label(&fitted.summary);
                ui.weak("The chart shows the fitted progression as a dashed line.");
                weeks_table(ui, fitted);
                ui.horizontal(|ui| {
                    if ui
                        .button("Apply the fitted progression")
                        .on_hover_text("Replace this prescription's progression (Ctrl+Z undoes it)")
                        .clicked()
                    {
                        cmds.push(Command::Edit(Edit::ApplyFit {
                            prescription: fitted.prescription.clone(),
                            threshold_pct: outcome.threshold_pct,
                        }));
                    }
                    if ui
                        .button("Cancel the fit")
                        .on_hover_text("Keep the progression as it is")
                        .clicked()
                    {
                        cmds.push(Command::PreviewFit(None));
                    }
                });
            }
        }
    });
}

/// Week, planned dose and its rise, fitted dose and its rise: the weeks whose dose changes.
fn weeks_table(ui: &mut egui::Ui, fitted: &crate::engine::Fitted) {
    let rise = |r: Option<f64>| r.map_or_else(|| "-".to_owned(), |p| format!("{p:+.0} %"));
    egui::ScrollArea::vertical()
        .id_salt("fit_weeks_scroll")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("fit_weeks")
                .striped(true)
                .num_columns(5)
                .spacing([12.0, 2.0])
                .show(ui, |ui| {
                    for h in ["Week", "Planned", "Rise", "Fitted", "Rise"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for w in &fitted.weeks {
                        ui.label(if w.deload {
                            format!("{} (deload)", w.week)
                        } else {
                            w.week.to_string()
                        });
                        ui.label(&w.before_label);
                        ui.label(rise(w.rise_before_pct));
                        ui.label(&w.after_label);
                        ui.label(rise(w.rise_after_pct));
                        ui.end_row();
                    }
                });
        });
}
