//! The findings panel: the guardrails' results, errors first, each with its source.

use crate::engine::{Finding, Severity};
use crate::model::Plan;

/// Draws the list of findings.
pub fn findings_ui(ui: &mut egui::Ui, plan: &Plan, findings: &[Finding]) {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    ui.horizontal(|ui| {
        ui.strong("Findings");
        ui.label(format!(
            "{} errors, {} warnings, {} notes",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        ));
    });
    egui::ScrollArea::vertical()
        .id_salt("findings_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, f) in findings.iter().enumerate() {
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
                    place.push_str(&format!("{}{name}", if place.is_empty() { "" } else { ", " }));
                }
                ui.push_id(i, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(color, f.severity.label());
                        if !place.is_empty() {
                            ui.strong(place);
                        }
                        let text = if f.heuristic {
                            format!("{} (heuristic)", f.message)
                        } else {
                            f.message.clone()
                        };
                        ui.label(text).on_hover_text(format!("Source: {}", f.source));
                    });
                });
            }
        });
}
