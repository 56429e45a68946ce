//! A day's sessions, each with its exercises to check off: the dose to do (planned or adjusted),
//! pain during and the next morning, the verdict, and what was actually done.

use chrono::NaiveDate;

use crate::command::{Command, Edit};
use crate::engine::{
    Adjustment, AdjustmentStatus, Audience, Item, Response, Session, SessionState,
};
use crate::model::{ExerciseLog, NextMorning, PainLimits, SessionLog};
use crate::ui::{View, style};

use super::actuals::{actuals_ui, dose_details, session_fields_ui};
use super::pain::{next_morning_picker, pain_picker};
use super::{SessionPanel, exercise_name};

/// One exercise of a session as planned: its week's dose, the adjustment in force, the day.
struct Planned<'a> {
    item: &'a Item,
    adjustment: Option<&'a Adjustment>,
    date: NaiveDate,
}

impl SessionPanel {
    /// Every session on `date` with its logging form.
    pub fn day_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        date: NaiveDate,
        cmds: &mut Vec<Command>,
    ) {
        let sessions: Vec<&Session> = view.read.sessions_on(date).collect();
        if sessions.is_empty() {
            ui.label(format!(
                "{}: rest day, no session planned.",
                date.format("%A %-d %B %Y")
            ));
            if let Some(log) = view.plan().log.iter().find(|l| l.date == date) {
                ui.label(format!(
                    "Logged anyway: {} exercise(s) done.",
                    log.exercises.iter().filter(|e| e.done).count()
                ));
            }
            return;
        }
        let many = sessions.len() > 1;
        let ahead = date > view.today() && self.early != Some(date);
        if ahead {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{} is after today: check it off on the day.",
                    date.format("%A %-d %B")
                ));
                if ui
                    .button("Log it now anyway")
                    .on_hover_text(
                        "Record this session before its day, for example when it was moved earlier",
                    )
                    .clicked()
                {
                    self.early = Some(date);
                }
            });
        }
        for session in sessions {
            ui.push_id(("session", date, session.slot), |ui| {
                ui.add_enabled_ui(!ahead, |ui| {
                    self.session_ui(ui, view, session, many, cmds);
                });
            });
            ui.add_space(8.0);
        }
    }

    fn session_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        session: &Session,
        many: bool,
        cmds: &mut Vec<Command>,
    ) {
        let Some(date) = session.date else { return };
        let plan = view.plan();
        let logged = plan.session_log(date, session.slot);
        // A session planned with the physio starts as done with them: the athlete unticks it
        // when they trained alone.
        let mut log = logged.cloned().unwrap_or_else(|| SessionLog {
            supervised: session.supervised,
            ..SessionLog::new(date, session.slot)
        });
        let state = view.read.session_state(session);
        let mut title = format!("{} - week {}", date.format("%A %-d %B %Y"), session.week);
        if many {
            title.push_str(&format!(", session {}", session.slot + 1));
        }
        if let Some(phase) = plan.phase_of(session.week) {
            title.push_str(&format!(" ({})", phase.name));
        }
        ui.horizontal_wrapped(|ui| {
            ui.strong(title);
            ui.label(state_text(ui, state));
            if session.supervised {
                ui.label(if view.athlete() {
                    "with your physio"
                } else {
                    "supervised"
                });
            }
        });
        let all_done = session
            .items
            .iter()
            .all(|i| log.exercise(i.prescription_id).is_some_and(|e| e.done));
        let mut changed = false;
        if !all_done
            && ui
                .button("Mark the whole session done")
                .on_hover_text("Check off every exercise of this session at once")
                .clicked()
        {
            for item in &session.items {
                log.exercise_mut(item.prescription_id, &item.exercise_id)
                    .done = true;
            }
            changed = true;
        }
        for item in &session.items {
            let Some(week_item) = view.read.item(session.week, item.prescription_id) else {
                continue;
            };
            let adjustment = view
                .read
                .adjustment_for(item.prescription_id, date, session.slot);
            ui.push_id(item.prescription_id, |ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let entry = log.exercise_mut(item.prescription_id, &item.exercise_id);
                    let planned = Planned {
                        item: week_item,
                        adjustment,
                        date,
                    };
                    changed |= self.exercise_ui(ui, view, &planned, entry, cmds);
                });
            });
        }
        changed |= session_fields_ui(ui, view, &mut log);
        // Exercises with nothing recorded are not written to the file.
        log.exercises.retain(|e| {
            e.done || e.has_actuals() || e.pain_during.is_some() || e.pain_next_morning.is_some()
        });
        if changed && logged != Some(&log) {
            cmds.push(Command::Edit(Edit::LogSession(log)));
        }
    }

    /// One exercise: check box, dose (planned or adjusted), pain, what was done.
    fn exercise_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        planned: &Planned<'_>,
        entry: &mut ExerciseLog,
        cmds: &mut Vec<Command>,
    ) -> bool {
        let Planned {
            item,
            adjustment,
            date,
        } = *planned;
        let mut changed = false;
        let name = exercise_name(
            view,
            adjustment
                .filter(|a| a.status != AdjustmentStatus::Dismissed)
                .map_or(&item.exercise_id, |a| &a.exercise),
        );
        changed |= ui
            .checkbox(&mut entry.done, format!("Done: {name}"))
            .on_hover_text("Check off this exercise")
            .changed();
        let dose = adjustment.map_or(&item.dose, |a| &a.effective);
        let shown = adjustment.map_or(&item.exercise_id, |a| &a.exercise);
        if let Some(e) = view.exercise(shown) {
            let height = if view.athlete() { 130.0 } else { 90.0 };
            let injured = view.plan().injured_side;
            crate::ui::figure::exercise_pictures_ui(ui, e, dose, injured, height);
        }
        if view.athlete() {
            let id = shown;
            let equipment = view
                .exercise(id)
                .map_or(&[][..], |e| e.equipment.as_slice());
            let words = crate::engine::plain::DoseWords::new(
                dose,
                dose.tempo.as_ref().or(item.tempo.as_ref()),
                view.unit,
                view.plan().injured_side,
                equipment,
                String::new(),
            );
            ui.label(words.session());
        } else {
            ui.label(dose_details(dose, view.unit, view.plan().injured_side));
        }
        if let Some(a) = adjustment {
            self.adjustment_ui(ui, view, a, cmds);
        }
        let pain_label = format!("Pain during {name}");
        let limits = view.plan().pain_limits;
        changed |= pain_picker(ui, &pain_label, &mut entry.pain_during, limits);
        let mut next = entry.pain_next_morning;
        let next_label = format!("Pain next morning after {name}");
        let next_open = entry.done || next.is_some();
        if next_open && (date < view.today() || next.is_some()) {
            let mut rating = next.map(NextMorning::value);
            let mut settled = next == Some(NextMorning::Settled);
            if next_morning_picker(ui, &next_label, &mut rating, &mut settled, limits) {
                next = if settled {
                    Some(NextMorning::Settled)
                } else {
                    rating.map(NextMorning::Pain)
                };
                entry.pain_next_morning = next;
                changed = true;
            }
        } else if entry.done {
            ui.weak("Pain the next morning: rate it tomorrow morning.");
        }
        if let Some(response) = crate::engine::response_of(limits, entry) {
            let settled = response.is_final(entry.pain_next_morning.is_some());
            ui.label(response_text(response, settled, limits, view.audience()));
        }
        changed |= actuals_ui(ui, view, dose, entry, &name);
        changed
    }
}

fn state_text(ui: &egui::Ui, state: SessionState) -> egui::RichText {
    egui::RichText::new(state.label()).color(style::state_color(ui, state))
}

/// The verdict of a logged exercise, in its zone's colour; only "so far" until the next
/// morning's pain is in (`morning`).
fn response_text(
    response: Response,
    morning: bool,
    limits: PainLimits,
    audience: Audience,
) -> egui::RichText {
    let words = if morning {
        response.verdict(limits, audience)
    } else {
        response.verdict_so_far(limits, audience)
    };
    egui::RichText::new(words).color(style::zone(response.zone()))
}
