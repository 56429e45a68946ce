//! The findings panel: the guardrails' results for the plan as it is now, errors first, each
//! with its source. Clicking a finding selects the prescription and week it concerns.
//!
//! A usual plan's findings wrap, so each reads whole. A big plan can have well over a thousand:
//! past [`WRAP_UP_TO`] each is one line of the same height (long ones end in "…"; the tooltip
//! has the whole text) and only the rows in view are laid out.

use crate::command::Command;
use crate::engine::{Finding, Severity};
use crate::model::Plan;

use super::{Selection, View};

/// Width of the severity column, so the messages line up.
const SEVERITY_WIDTH: f32 = 64.0;

/// Findings wrap up to this many; more are one line each.
pub const WRAP_UP_TO: usize = 200;

/// Draws the list of findings.
pub fn findings_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    selection: &Selection,
    cmds: &mut Vec<Command>,
) {
    let (plan, findings) = (view.plan(), view.read.findings());
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    ui.horizontal(|ui| {
        ui.strong("Findings");
        ui.label(format!(
            "{}, {}, {}",
            crate::engine::words::counted(count(Severity::Error), "error"),
            crate::engine::words::counted(count(Severity::Warning), "warning"),
            crate::engine::words::counted(count(Severity::Note), "note")
        ));
        if findings.is_empty() {
            ui.weak("- the plan meets every guardrail");
        }
    });
    if findings.is_empty() {
        return;
    }
    let row_height = ui.spacing().interact_size.y;
    let scroll = egui::ScrollArea::vertical()
        .id_salt("findings_scroll")
        .auto_shrink([false, false]);
    let mut row = |ui: &mut egui::Ui, i: usize, f: &Finding, wrap: bool| {
        ui.push_id(("finding", f.code, f.week, f.prescription_id, i), |ui| {
            finding_row(ui, plan, f, selection, row_height, wrap, cmds)
        });
    };
    if findings.len() <= WRAP_UP_TO {
        scroll.show(ui, |ui| {
            for (i, f) in findings.iter().enumerate() {
                row(ui, i, f, true);
            }
        });
    } else {
        scroll.show_rows(ui, row_height, findings.len(), |ui, rows| {
            for i in rows {
                let Some(f) = findings.get(i) else { break };
                row(ui, i, f, false);
            }
        });
    }
}

/// `Week 4, Nordic hamstring curl: message (heuristic)`.
fn finding_text(plan: &Plan, f: &Finding) -> String {
    let mut text = String::new();
    if let Some(w) = f.week {
        text.push_str(&format!("Week {w}"));
    }
    if let Some(id) = &f.exercise_id {
        let name = plan.exercise_name(id);
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&name);
    }
    if !text.is_empty() {
        text.push_str(": ");
    }
    text.push_str(&f.message);
    if f.heuristic {
        text.push_str(" (heuristic)");
    }
    text
}

fn finding_row(
    ui: &mut egui::Ui,
    plan: &Plan,
    f: &Finding,
    selection: &Selection,
    row_height: f32,
    wrap: bool,
    cmds: &mut Vec<Command>,
) {
    let color = match f.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Note => ui.visuals().weak_text_color(),
    };
    let selected = f.week.is_some_and(|w| w == selection.week)
        && (f.prescription_id.is_none() || f.prescription_id == selection.prescription);
    ui.horizontal_top(|ui| {
        let column = egui::vec2(SEVERITY_WIDTH, row_height);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(column, layout, |ui| {
            ui.set_min_width(SEVERITY_WIDTH);
            ui.colored_label(color, f.severity.label());
        });
        let text = finding_text(plan, f);
        let tip = format!(
            "{text}\nSource: {}\nClick to show the week and exercise it concerns.",
            f.source
        );
        // A rise of one exercise can be fitted: the button sits at the row's end.
        let fittable = f.severity == Severity::Warning
            && matches!(f.code, "weekly-increase" | "two-week-increase");
        let fit = fittable.then_some(f.prescription_id).flatten();
        let fit_button = |ui: &mut egui::Ui, cmds: &mut Vec<Command>| {
            let Some(id) = fit else { return };
            let label = format!(
                "Fit to {} %",
                crate::model::fmt_num(plan.thresholds.weekly_increase_pct)
            );
            if ui
                .small_button(label)
                .on_hover_text(
                    "Propose a progression for this exercise that stays within the weekly threshold; preview it before applying",
                )
                .clicked()
            {
                cmds.push(Command::Select {
                    prescription: Some(id),
                    week: f.week,
                });
                cmds.push(Command::PreviewFit(Some(id)));
            }
        };
        if wrap {
            // Wrapped text: the button sits before it, where a long message cannot push it.
            fit_button(ui, cmds);
        } else if fit.is_some() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                fit_button(ui, cmds);
                finding_button(ui, selected, wrap, &text, &tip, f, cmds);
            });
            return;
        }
        finding_button(ui, selected, wrap, &text, &tip, f, cmds);
    });
}

/// The finding's text as a button that shows its week and exercise.
fn finding_button(
    ui: &mut egui::Ui,
    selected: bool,
    wrap: bool,
    text: &str,
    tip: &str,
    f: &Finding,
    cmds: &mut Vec<Command>,
) {
    {
        let button = egui::Button::selectable(selected, text);
        let button = if wrap {
            button.wrap()
        } else {
            button.truncate()
        };
        let r = ui.add(button).on_hover_text(tip);
        if r.clicked() && (f.week.is_some() || f.prescription_id.is_some()) {
            cmds.push(Command::Select {
                prescription: f.prescription_id,
                week: f.week,
            });
        }
    }
}
