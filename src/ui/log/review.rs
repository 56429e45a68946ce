//! Adjustments: what changes in a session and why, and the physio's decision on it (accept,
//! change, dismiss), on the session and in the list of adjustments to review.

use crate::command::{Command, Edit};
use crate::engine::{Adjustment, AdjustmentStatus};
use crate::model::{Decision, Dose, Load, LoadUnit, Reps};
use crate::ui::{View, style};

use super::SessionPanel;

impl SessionPanel {
    /// The adjustment of this session: what and why, and (physio) accept / change / dismiss.
    pub(super) fn adjustment_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        a: &Adjustment,
        cmds: &mut Vec<Command>,
    ) {
        let color = style::AMBER;
        let status = a.status.words(view.audience());
        let text = if view.athlete() {
            // The dose to do is already above, in words: say what it replaces.
            let planned =
                crate::engine::plain::short(&a.planned, view.unit, view.plan().injured_side);
            format!("Changed from the plan's {planned} ({status}).")
        } else {
            let planned = a.planned.label(view.unit);
            let proposed = a.proposed.label(view.unit);
            format!("Planned {planned}; adjusted to {proposed} ({status}).")
        };
        ui.colored_label(color, text);
        let why = a.reason.words_for(view.unit, view.plan(), view.audience());
        ui.label(format!("Why: {why}."));
        if view.athlete() {
            return;
        }
        ui.horizontal(|ui| self.decision_ui(ui, view, a, cmds));
        self.change_ui(ui, view, a, cmds);
    }

    /// Accept, Change... and Dismiss (Reopen once decided).
    fn decision_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        a: &Adjustment,
        cmds: &mut Vec<Command>,
    ) {
        let who = format!(
            "{} {}",
            a.date.format("%a %-d %b"),
            view.plan().exercise_name(&a.exercise)
        );
        decision_buttons(ui, a, &who, cmds);
        let tip = "Choose the dose for this session yourself";
        if button(ui, "Change...", &who, tip).clicked() {
            self.changing = Some((a.prescription_id, a.date, a.slot, a.effective.clone()));
        }
    }

    /// The dose editor of the adjustment being changed, when it is `a`.
    fn change_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        a: &Adjustment,
        cmds: &mut Vec<Command>,
    ) {
        let key = (a.prescription_id, a.date, a.slot);
        let Some((id, date, slot, draft)) = &mut self.changing else {
            return;
        };
        if (*id, *date, *slot) != key {
            return;
        }
        let mut close = false;
        ui.horizontal_wrapped(|ui| {
            dose_editor(ui, draft, view.unit);
            if ui.button("Use this dose").clicked() {
                cmds.push(Command::Edit(Edit::Decide {
                    prescription: a.prescription_id,
                    date: a.date,
                    slot: a.slot,
                    decision: Some(Decision::Change(draft.clone())),
                    proposed: Some(a.proposed.clone()),
                }));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        if close {
            self.changing = None;
        }
    }

    /// The physio's list of adjustments to review (pending first), each with Accept,
    /// Change... and Dismiss.
    pub fn review_ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        let (plan, unit) = (view.plan(), view.unit);
        let pending: Vec<&Adjustment> = view
            .read
            .adjustments()
            .iter()
            .filter(|a| a.is_pending())
            .collect();
        if pending.is_empty() {
            return;
        }
        ui.heading(format!("Adjustments to review ({})", pending.len()))
            .on_hover_text(crate::engine::PAIN_MODEL);
        for a in pending {
            let name = plan.exercise_name(&a.exercise);
            ui.push_id(("review", a.prescription_id, a.date, a.slot), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(format!("{} - {name}:", a.date.format("%a %-d %b")));
                    ui.label(format!(
                        "{} -> {}",
                        a.planned.label(unit),
                        a.proposed.label(unit)
                    ));
                    ui.weak(format!("({})", a.reason.words(unit, plan)));
                    self.decision_ui(ui, view, a, cmds);
                });
                self.change_ui(ui, view, a, cmds);
            });
        }
        ui.separator();
    }
}

/// A decision button: it reads `text`, and names its session and exercise for a screen
/// reader (and tests), so the Accepts of two adjustments stay apart.
fn button(ui: &mut egui::Ui, text: &str, who: &str, tip: &str) -> egui::Response {
    let name = format!("{text}: {who}");
    let response = ui.button(text).on_hover_text(tip);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

/// Accept / Dismiss (and Reopen once decided) for one adjustment.
fn decision_buttons(ui: &mut egui::Ui, a: &Adjustment, who: &str, cmds: &mut Vec<Command>) {
    let decide = |decision: Option<Decision>| {
        Command::Edit(Edit::Decide {
            prescription: a.prescription_id,
            date: a.date,
            slot: a.slot,
            decision,
            proposed: Some(a.proposed.clone()),
        })
    };
    if a.status == AdjustmentStatus::Pending {
        if button(ui, "Accept", who, "Use the adjusted dose for this session").clicked() {
            cmds.push(decide(Some(Decision::Accept)));
        }
        if button(ui, "Dismiss", who, "Keep the planned dose for this session").clicked() {
            cmds.push(decide(Some(Decision::Dismiss)));
        }
    } else if button(
        ui,
        "Reopen",
        who,
        "Undo the decision: the adjustment is proposed again",
    )
    .clicked()
    {
        cmds.push(decide(None));
    }
}

/// Sets, reps, load and hold of a dose, editable (the clinician's own adjustment).
fn dose_editor(ui: &mut egui::Ui, dose: &mut Dose, unit: LoadUnit) {
    use crate::ui::widgets::{number_f64, number_u32};
    number_u32(ui, "Sets", &mut dose.sets, 1..=20, "");
    if let Some(Reps::Fixed(n)) = &mut dose.reps {
        number_u32(ui, "Reps", n, 1..=100, "");
    }
    if let Load::Kg(kg) = &mut dose.load {
        let mut v = unit.from_kg(*kg);
        if number_f64(ui, "Load", &mut v, 0.0..=500.0, 0.25, unit.symbol()) {
            *kg = unit.to_kg(v);
        }
    }
    if let Some(h) = &mut dose.hold_secs {
        number_f64(ui, "Hold", h, 1.0..=600.0, 0.5, "s");
    }
}
