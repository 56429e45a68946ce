//! Logging a session: each exercise checked off (or the whole session at once), what was
//! actually done, pain during and the next morning, session effort and duration, supervised,
//! a note. Shows each exercise's dose for that session as the athlete should do it: the
//! planned dose, or the adjusted one with its reason. In the physio's view each adjustment
//! can be accepted, changed or dismissed. Every change is one `Edit::LogSession`.

use chrono::NaiveDate;

use crate::command::{Command, Edit};
use crate::engine::{self, Adjustment, AdjustmentStatus, Item, Response, Session, SessionState};
use crate::model::LoadUnit;
use crate::model::{Decision, Dose, ExerciseLog, Load, NextMorning, Reps, SessionLog, fmt_num};
use crate::ui::View;

/// The name of exercise `id` in the plan.
fn exercise_name(view: &View<'_>, id: &str) -> String {
    view.plan().exercise_name(id).into_owned()
}

/// The session panel's own state: which adjustment is being changed, and its draft dose.
#[derive(Default)]
pub struct SessionPanel {
    changing: Option<(u32, NaiveDate, u32, Dose)>,
}

impl SessionPanel {
    /// The Today view: the next session due, ready to check off.
    pub fn today_ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .id_salt("today_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let big = view.athlete();
                if big {
                    athlete_style(ui);
                }
                ui.heading(format!("Today, {}", view.today().format("%A %-d %B %Y")));
                let Some(start) = view.plan().start_date else {
                    ui.label(
                        "This plan has no start date, so its sessions have no dates yet. The physio sets it in Plan details.",
                    );
                    return;
                };
                let Some(due) = next_due(view) else {
                    ui.label("There are no sessions left in this plan. Well done!");
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
        for session in sessions {
            ui.push_id(("session", date, session.slot), |ui| {
                self.session_ui(ui, view, session, many, cmds);
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
        let mut log = logged
            .cloned()
            .unwrap_or_else(|| SessionLog::new(date, session.slot));
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
                    changed |= self.exercise_ui(ui, view, week_item, adjustment, entry, date, cmds);
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
    #[allow(clippy::too_many_arguments)]
    fn exercise_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        item: &Item,
        adjustment: Option<&Adjustment>,
        entry: &mut ExerciseLog,
        date: NaiveDate,
        cmds: &mut Vec<Command>,
    ) -> bool {
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
        ui.label(dose_details(dose, view.unit));
        if let Some(a) = adjustment {
            self.adjustment_ui(ui, view, a, cmds);
        }
        let pain_label = format!("Pain during {name}");
        changed |= pain_picker(ui, &pain_label, &mut entry.pain_during);
        let mut next = entry.pain_next_morning;
        let next_label = format!("Pain next morning after {name}");
        let next_open = entry.done || next.is_some();
        if next_open && (date < view.today() || next.is_some()) {
            let mut rating = next.map(NextMorning::value);
            let mut settled = next == Some(NextMorning::Settled);
            if next_morning_picker(ui, &next_label, &mut rating, &mut settled) {
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
        if let Some(response) = engine::response_of(entry) {
            ui.label(response_text(ui, response, view.athlete()));
        }
        changed |= actuals_ui(ui, view, dose, entry, &name);
        changed
    }

    /// The adjustment of this session: what and why, and (physio) accept / change / dismiss.
    fn adjustment_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        a: &Adjustment,
        cmds: &mut Vec<Command>,
    ) {
        let color = egui::Color32::from_rgb(0xd0, 0x80, 0x00);
        let status = match (a.status, view.athlete()) {
            (AdjustmentStatus::Pending, true) => "proposed, your physio will review it",
            (AdjustmentStatus::Pending, false) => "proposed, waiting for your review",
            (AdjustmentStatus::Accepted, true) => "agreed with your physio",
            (AdjustmentStatus::Accepted, false) => "accepted",
            (AdjustmentStatus::Changed, true) => "set by your physio",
            (AdjustmentStatus::Changed, false) => "changed by you",
            (AdjustmentStatus::Dismissed, true) => "your physio kept the plan",
            (AdjustmentStatus::Dismissed, false) => "dismissed: the planned dose stands",
        };
        let planned = a.planned.label(view.unit);
        let proposed = a.proposed.label(view.unit);
        ui.colored_label(
            color,
            format!("Planned {planned}; adjusted to {proposed} ({status})."),
        );
        ui.label(format!("Why: {}.", a.reason));
        if view.athlete() {
            return;
        }
        let key = (a.prescription_id, a.date, a.slot);
        ui.horizontal(|ui| {
            decision_buttons(ui, a, cmds);
            if ui
                .button("Change...")
                .on_hover_text("Choose the dose for this session yourself")
                .clicked()
            {
                self.changing = Some((key.0, key.1, key.2, a.effective.clone()));
            }
        });
        if let Some((id, date, slot, draft)) = &mut self.changing
            && (*id, *date, *slot) == key
        {
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
    }
}

/// Accept / Dismiss (and Reopen once decided) for one adjustment.
fn decision_buttons(ui: &mut egui::Ui, a: &Adjustment, cmds: &mut Vec<Command>) {
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
        if ui
            .button("Accept")
            .on_hover_text("Use the adjusted dose for this session")
            .clicked()
        {
            cmds.push(decide(Some(Decision::Accept)));
        }
        if ui
            .button("Dismiss")
            .on_hover_text("Keep the planned dose for this session")
            .clicked()
        {
            cmds.push(decide(Some(Decision::Dismiss)));
        }
    } else if ui
        .button("Reopen")
        .on_hover_text("Undo the decision: the adjustment is proposed again")
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

/// The physio's list of adjustments to review (pending first), with their decisions.
pub fn review_ui(ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
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
                ui.weak(format!("({})", a.reason));
                decision_buttons(ui, a, cmds);
            });
        });
    }
    ui.separator();
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
                if next_morning_picker(ui, &label, &mut rating, &mut settled) {
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

/// Larger text and check boxes for athlete mode.
pub fn athlete_style(ui: &mut egui::Ui) {
    let style = ui.style_mut();
    style.spacing.icon_width = 26.0;
    style.spacing.icon_width_inner = 16.0;
    style.spacing.interact_size.y = 30.0;
    style.spacing.item_spacing.y = 8.0;
    for (text_style, font) in &mut style.text_styles {
        match text_style {
            egui::TextStyle::Body | egui::TextStyle::Button => font.size = 18.0,
            egui::TextStyle::Heading => font.size = 26.0,
            _ => {}
        }
    }
}

/// The colour of a state or response: green, amber, red, neutral.
pub fn state_color(ui: &egui::Ui, state: SessionState) -> egui::Color32 {
    match state {
        SessionState::Done => GREEN,
        SessionState::Partial => AMBER,
        SessionState::Missed => RED,
        SessionState::Planned => ui.visuals().hyperlink_color,
        SessionState::Rest => ui.visuals().weak_text_color(),
    }
}

/// Traffic-light colours, readable on light and dark backgrounds.
pub const GREEN: egui::Color32 = egui::Color32::from_rgb(0x2e, 0x9d, 0x4a);
pub const AMBER: egui::Color32 = egui::Color32::from_rgb(0xd9, 0x8c, 0x00);
pub const RED: egui::Color32 = egui::Color32::from_rgb(0xd4, 0x35, 0x35);

fn state_text(ui: &egui::Ui, state: SessionState) -> egui::RichText {
    egui::RichText::new(state.label()).color(state_color(ui, state))
}

fn response_text(_ui: &egui::Ui, response: Response, athlete: bool) -> egui::RichText {
    let (color, text) = match (response, athlete) {
        (Response::Green, true) => (GREEN, "Green: fine, the plan goes on as written."),
        (Response::Amber, true) => (
            AMBER,
            "Amber: acceptable; the next session stays at this dose.",
        ),
        (Response::Red, true) => (RED, "Red: too much; the next session is made easier."),
        (Response::Green, false) => (GREEN, "Green (pain 0-2, settled): progress as planned."),
        (Response::Amber, false) => (AMBER, "Amber (pain 3-5, settled): hold the dose."),
        (Response::Red, false) => (
            RED,
            "Red (pain above 5 or worse next morning): reduce one variable.",
        ),
    };
    egui::RichText::new(text).color(color)
}

fn pain_color(n: u8) -> egui::Color32 {
    if n <= engine::PAIN_SAFE_MAX {
        GREEN
    } else if n <= engine::PAIN_ACCEPTABLE_MAX {
        AMBER
    } else {
        RED
    }
}

/// A row of 0-10 buttons in traffic-light colours, and "clear". Each button's accessible
/// label is `{label}: N`. Returns true when the value changed.
fn pain_picker(ui: &mut egui::Ui, label: &str, value: &mut Option<u8>) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Pain during (0-10):")
            .on_hover_text("0-2 safe, 3-5 acceptable, above 5 too much (Silbernagel 2007)");
        changed |= pain_buttons(ui, label, value);
    });
    changed
}

fn pain_buttons(ui: &mut egui::Ui, label: &str, value: &mut Option<u8>) -> bool {
    let mut changed = false;
    for n in 0..=10u8 {
        let selected = *value == Some(n);
        let text = egui::RichText::new(n.to_string()).color(if selected {
            egui::Color32::WHITE
        } else {
            pain_color(n)
        });
        let mut button = egui::Button::new(text).selected(selected);
        if selected {
            button = button.fill(pain_color(n));
        }
        let response = ui.add(button);
        let name = format!("{label}: {n}");
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
        if response.clicked() {
            *value = if selected { None } else { Some(n) };
            changed = true;
        }
    }
    changed
}

/// "Settled" or a 0-10 rating for the next morning.
fn next_morning_picker(
    ui: &mut egui::Ui,
    label: &str,
    rating: &mut Option<u8>,
    settled: &mut bool,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Next morning:")
            .on_hover_text("Pain should settle by the next morning; worse next morning means the next session is made easier");
        let mut button = egui::Button::new(egui::RichText::new("Settled").color(if *settled {
            egui::Color32::WHITE
        } else {
            GREEN
        }))
        .selected(*settled);
        if *settled {
            button = button.fill(GREEN);
        }
        let response = ui
            .add(button)
            .on_hover_text("Back to the usual level by the next morning");
        let name = format!("{label}: settled");
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, *settled, &name)
        });
        if response.clicked() {
            *settled = !*settled;
            *rating = None;
            changed = true;
        }
        let mut value = if *settled { None } else { *rating };
        if pain_buttons(ui, label, &mut value) {
            *rating = value;
            *settled = false;
            changed = true;
        }
    });
    changed
}

/// The dose with its details: `3 x 10 @ 7.5 kg each side, rest 90 s, tempo 3-0-3`.
pub fn dose_details(dose: &Dose, unit: LoadUnit) -> String {
    let mut s = dose.label(unit);
    if let Some(t) = dose.tempo {
        s.push_str(&format!(", tempo {}", t.label()));
    }
    if let Some(r) = dose.rest_secs {
        s.push_str(&format!(", rest {r} s"));
    }
    if let Some(rom) = dose.rom.as_deref().filter(|r| !r.is_empty()) {
        s.push_str(&format!(", {rom}"));
    }
    s
}

/// "What I actually did": sets, reps, load, hold, prefilled with the dose; a value becomes
/// recorded once changed. Returns true when anything changed.
fn actuals_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    dose: &Dose,
    entry: &mut ExerciseLog,
    name: &str,
) -> bool {
    let mut changed = false;
    let heading = if view.athlete() {
        "What I actually did"
    } else {
        "What was actually done"
    };
    egui::CollapsingHeader::new(format!("{heading}: {name}"))
        .id_salt("actuals")
        .default_open(entry.has_actuals())
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut sets = entry.sets.unwrap_or(dose.sets);
                if crate::ui::widgets::number_u32(
                    ui,
                    &format!("Sets done: {name}"),
                    &mut sets,
                    0..=50,
                    "",
                ) {
                    entry.sets = Some(sets);
                    changed = true;
                }
                if dose.reps.is_some() || entry.reps.is_some() {
                    let planned = dose.reps.as_ref().map_or(0, |r| r.for_set(0).1);
                    let mut reps = entry.reps.unwrap_or(planned);
                    if crate::ui::widgets::number_u32(
                        ui,
                        &format!("Reps per set: {name}"),
                        &mut reps,
                        0..=500,
                        "",
                    ) {
                        entry.reps = Some(reps);
                        changed = true;
                    }
                }
                if matches!(dose.load, Load::Kg(_) | Load::BodyWeight | Load::None)
                    || entry.load_kg.is_some()
                {
                    let planned = dose.load.kg().unwrap_or(0.0);
                    let mut v = view.unit.from_kg(entry.load_kg.unwrap_or(planned));
                    if crate::ui::widgets::number_f64(
                        ui,
                        &format!("Added load: {name}"),
                        &mut v,
                        0.0..=500.0,
                        0.25,
                        view.unit.symbol(),
                    ) {
                        entry.load_kg = Some(view.unit.to_kg(v));
                        changed = true;
                    }
                }
                if dose.hold_secs.is_some() || entry.hold_secs.is_some() {
                    let mut h = entry.hold_secs.or(dose.hold_secs).unwrap_or(0.0);
                    if crate::ui::widgets::number_f64(
                        ui,
                        &format!("Hold: {name}"),
                        &mut h,
                        0.0..=600.0,
                        0.5,
                        "s",
                    ) {
                        entry.hold_secs = Some(h);
                        changed = true;
                    }
                }
                if entry.has_actuals()
                    && ui
                        .button("As planned")
                        .on_hover_text("Forget these numbers: it was done as prescribed")
                        .clicked()
                {
                    entry.sets = None;
                    entry.reps = None;
                    entry.load_kg = None;
                    entry.hold_secs = None;
                    changed = true;
                }
            });
        });
    changed
}

/// `-` for a value not recorded yet (drag or type to record it), else the number and unit.
fn unset_or(set: bool, value: f64, unit: &str) -> String {
    if set {
        format!("{}{unit}", fmt_num(value))
    } else {
        format!("-{unit}")
    }
}

/// Session effort, minutes, supervised and the note.
fn session_fields_ui(ui: &mut egui::Ui, view: &View<'_>, log: &mut SessionLog) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let rpe_label = ui
            .label("Session effort (RPE 0-10):")
            .on_hover_text("How hard the whole session felt, CR-10: 0 rest, 5 hard, 10 maximal");
        let mut rpe = log.rpe.unwrap_or(0.0);
        let rpe_set = log.rpe.is_some();
        let r = ui
            .add(
                egui::DragValue::new(&mut rpe)
                    .range(0.0..=10.0)
                    .speed(0.1)
                    .max_decimals(1)
                    .custom_formatter(move |v, _| unset_or(rpe_set, v, "")),
            )
            .labelled_by(rpe_label.id);
        if r.changed() {
            log.rpe = Some(rpe);
            changed = true;
        }
        let min_label = ui.label("Duration:");
        let mut minutes = log.minutes.unwrap_or(0.0);
        let minutes_set = log.minutes.is_some();
        let r = ui
            .add(
                egui::DragValue::new(&mut minutes)
                    .range(0.0..=600.0)
                    .speed(0.5)
                    .max_decimals(0)
                    .custom_formatter(move |v, _| unset_or(minutes_set, v, " min")),
            )
            .labelled_by(min_label.id);
        if r.changed() {
            log.minutes = Some(minutes);
            changed = true;
        }
        if let Some(load) = log.srpe_load() {
            ui.weak(format!("= {} AU session-RPE load", fmt_num(load)));
        }
        let supervised = if view.athlete() {
            "Done with my physio"
        } else {
            "Supervised"
        };
        changed |= ui.checkbox(&mut log.supervised, supervised).changed();
    });
    let note_label = ui.label("Note:");
    changed |= ui
        .add(
            egui::TextEdit::multiline(&mut log.note)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Anything worth telling the physio"),
        )
        .labelled_by(note_label.id)
        .changed();
    changed
}
