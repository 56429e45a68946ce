//! The findings panel: the guardrails' results for the plan as it is now, errors first, each
//! with its source. Clicking a finding selects the prescription and week it concerns.

use crate::app::command::Command;
use crate::engine::{Finding, Severity};
use crate::model::Plan;

use super::Selection;

/// Draws the list of findings.
pub fn findings_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    findings: &[Finding],
    selection: &Selection,
    cmds: &mut Vec<Command>,
) {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    ui.horizontal(|ui| {
        ui.strong("Findings");
        ui.label(format!(
            "{} errors, {} warnings, {} notes",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        ));
        if findings.is_empty() {
            ui.weak("- the plan meets every guardrail");
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("findings_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, f) in findings.iter().enumerate() {
                ui.push_id(("finding", f.code, f.week, f.prescription_id, i), |ui| {
                    finding_row(ui, plan, f, selection, cmds)
                });
            }
        });
}

fn finding_row(
    ui: &mut egui::Ui,
    plan: &Plan,
    f: &Finding,
    selection: &Selection,
    cmds: &mut Vec<Command>,
) {
    let color = match f.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Note => ui.visuals().weak_text_color(),
    };
    let mut place = String::new();
    if let Some(w) = f.week {
        place.push_str(&format!("Week {w}"));
    }
    if let Some(id) = &f.exercise_id {
        let name = plan.exercise(id).map_or(id.as_str(), |e| e.name.as_str());
        place.push_str(&format!(
            "{}{name}",
            if place.is_empty() { "" } else { ", " }
        ));
    }
    let selected = f.week.is_some_and(|w| w == selection.week)
        && (f.prescription_id.is_none() || f.prescription_id == selection.prescription);
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(color, f.severity.label());
        let text = if f.heuristic {
            format!("{} (heuristic)", f.message)
        } else {
            f.message.clone()
        };
        let text = if place.is_empty() {
            text
        } else {
            format!("{place}: {text}")
        };
        let r = ui.selectable_label(selected, text).on_hover_text(format!(
            "Source: {}\nClick to show the week and exercise it concerns.",
            f.source
        ));
        if r.clicked() && (f.week.is_some() || f.prescription_id.is_some()) {
            cmds.push(Command::Select {
                prescription: f.prescription_id,
                week: f.week,
            });
        }
    });
}
