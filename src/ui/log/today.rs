//! The athlete's Today view: the next session due, the morning-after question for the last
//! session, and the sessions missed in the last week.

use chrono::NaiveDate;

use crate::command::{Command, Edit};
use crate::engine::SessionState;
use crate::model::NextMorning;
use crate::ui::{View, style};

use super::pain::next_morning_picker;
use super::{SessionPanel, exercise_name};

impl SessionPanel {
    /// The Today view: the next session due, ready to check off.
    pub fn today_ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .id_salt("today_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let big = view.athlete();
                if big {
                    style::athlete_style(ui);
                }
                ui.heading(format!("Today, {}", view.today().format("%A %-d %B %Y")));
                let Some(start) = view.plan().start_date else {
                    ui.label(
                        "This plan has no start date, so its sessions have no dates yet. The physio sets it in Plan details.",
                    );
                    return;
                };
                let Some(due) = next_due(view) else {
                    ui.label(plan_over_words(view));
                    return;
                };
                if view.today() < start {
                    ui.label(format!(
                        "The plan starts on {}. Here is the first session.",
                        start.format("%A %-d %B")
                    ));
                } else if due > view.today() {
                    let today_done = view.read.sessions_on(view.today()).next().is_some();
                    ui.label(if today_done {
                        format!(
                            "Today's session is done. Next session: {}.",
                            due.format("%A %-d %B")
                        )
                    } else {
                        format!("Rest day. Next session: {}.", due.format("%A %-d %B"))
                    });
                }
                missed_line(ui, view, cmds);
                morning_after_ui(ui, view, cmds);
                ui.add_space(6.0);
                self.day_ui(ui, view, due, cmds);
            });
    }
}

/// What Today says once no session is left: when the plan ended and how much of it was done,
/// praise only when all of it was.
fn plan_over_words(view: &View<'_>) -> String {
    let last = view
        .read
        .projection()
        .sessions
        .iter()
        .rev()
        .find_map(|s| s.date);
    let ended = match last {
        Some(d) if d < view.today() => format!("This plan ended on {}.", d.format("%A %-d %B %Y")),
        _ => "There are no sessions left in this plan.".to_owned(),
    };
    let a = &view.read.status().overall;
    if a.due == 0 {
        return format!("{ended} Ask your physio for the next plan.");
    }
    if a.done == a.due {
        return format!("{ended} You did all {} sessions. Well done!", a.due);
    }
    format!(
        "{ended} You logged {} of its {} sessions. Ask your physio what comes next.",
        a.done + a.partial,
        a.due
    )
}

/// The next date with a session not yet done, from today on (today's first).
pub fn next_due(view: &View<'_>) -> Option<NaiveDate> {
    let from = view
        .plan()
        .start_date
        .map_or(view.today(), |s| s.max(view.today()));
    // Sessions are in date order: start at `from` rather than at the plan's first week.
    let sessions = &view.read.projection().sessions;
    let first = sessions.partition_point(|s| s.date.is_some_and(|d| d < from));
    sessions[first..].iter().find_map(|s| {
        let d = s.date?;
        (d >= from && !matches!(view.read.session_state(s), SessionState::Done)).then_some(d)
    })
}

/// "The morning after Wednesday": the next-morning pain of the last session logged in the
/// past three days, for the exercises done without it (the 24-hour response decides most).
fn morning_after_ui(ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
    let since = view.today() - chrono::Duration::days(3);
    let Some(last) = view.plan().log.iter().rev().find(|l| {
        l.date < view.today()
            && l.date >= since
            && l.exercises
                .iter()
                .any(|e| e.done && e.pain_next_morning.is_none())
    }) else {
        return;
    };
    let mut log = last.clone();
    let mut changed = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(format!(
            "The morning after {}: how is the pain now?",
            last.date.format("%A %-d %B")
        ));
        for entry in log
            .exercises
            .iter_mut()
            .filter(|e| e.done && e.pain_next_morning.is_none())
        {
            let name = exercise_name(view, &entry.exercise);
            let label = format!("Pain next morning after {name}");
            ui.push_id(("morning", entry.prescription), |ui| {
                ui.label(&name);
                let (mut rating, mut settled) = (None, false);
                if next_morning_picker(
                    ui,
                    &label,
                    &mut rating,
                    &mut settled,
                    view.plan().pain_limits,
                ) {
                    entry.pain_next_morning = if settled {
                        Some(NextMorning::Settled)
                    } else {
                        rating.map(NextMorning::Pain)
                    };
                    changed = true;
                }
            });
        }
    });
    if changed {
        cmds.push(Command::Edit(Edit::LogSession(log)));
    }
}

/// "Missed in the last 7 days: Mon 16 Nov, Wed 18 Nov" with a link to each.
fn missed_line(ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
    let week_ago = view.today() - chrono::Duration::days(7);
    let mut missed: Vec<NaiveDate> = view
        .read
        .projection()
        .sessions
        .iter()
        .filter_map(|s| {
            let d = s.date?;
            (d >= week_ago
                && d < view.today()
                && view.read.session_state(s) == SessionState::Missed)
                .then_some(d)
        })
        .collect();
    missed.dedup();
    if missed.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Not logged in the last 7 days:");
        for d in missed {
            if ui
                .link(d.format("%a %-d %b").to_string())
                .on_hover_text("Open this day in the calendar to log it")
                .clicked()
            {
                cmds.push(Command::SelectDate(d));
            }
        }
    });
}
