//! The week view: pick a week and read exactly what the athlete does in it, as the projection
//! resolves it - the phase and deload mark, then each session (date or day, second session of
//! the day, supervised) with each exercise as sets x reps @ load, holds, tempo, rest, side and
//! range of motion, loads in the user's unit, then the week's totals. Sessions with the same
//! content may be listed once with all their days; nothing else is left out. A session the
//! pain log adjusts shows the dose to do now in place of the planned one, with the change and
//! its reason beside it (such a session is never grouped with others).

use std::collections::BTreeSet;

use crate::engine::{Adjustment, Audience, Item, Metrics, Projection, Session, WeekPlan};
use crate::model::LoadUnit;
use crate::model::{Plan, fmt_num};

use super::{Selection, View};

/// One exercise as done in a session.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseLine {
    /// Stable id of the prescription.
    pub prescription_id: u32,
    /// Name of the exercise done this week (a ladder rule may have moved it on).
    pub name: String,
    /// `3 x 6-8 @ body weight`, `3 sets: 12/10/8`, `3 x 10 @ 9.92 lb each side`.
    pub dose: String,
    /// Tempo, rest, planned effort, range of motion, deload, held progression, supervision.
    pub details: Vec<String>,
    /// The pain log changed this session's dose: `dose` is the one to do now, and this says
    /// from what and why.
    pub adjusted: Option<String>,
}

/// Sessions of one week with the same content (or a single session).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionGroup {
    /// Day offset from the plan start of the first session (a stable id for the group).
    pub day: u32,
    /// Slot within the day (0 first session, 1 second, ...).
    pub slot: u32,
    /// When: `Mon 5 Jan` when the plan is dated, else `Day 3` (day of the plan week).
    pub when: Vec<String>,
    /// `1st session`, `2nd session`, ... on days with more than one session.
    pub slot_label: Option<String>,
    /// A clinician supervises these sessions.
    pub supervised: bool,
    /// The exercises, in session order.
    pub lines: Vec<ExerciseLine>,
}

impl SessionGroup {
    /// `Mon 5 Jan, Wed 7 Jan (2nd session)`.
    pub fn title(&self) -> String {
        let mut t = self.when.join(", ");
        if let Some(s) = &self.slot_label {
            t.push_str(&format!(" ({s})"));
        }
        t
    }
}

/// `rest 60 s`, `rest 2 min`.
fn rest_text(secs: u32) -> String {
    if secs >= 120 && secs.is_multiple_of(60) {
        format!("rest {} min", secs / 60)
    } else {
        format!("rest {secs} s")
    }
}

/// The line of one exercise; `supervised` marks it when only some of a session is supervised.
fn exercise_line(item: &Item, unit: LoadUnit, supervised: bool) -> ExerciseLine {
    let dose = &item.dose;
    let mut details = Vec::new();
    if let Some(t) = item.tempo {
        details.push(format!("tempo {} s", t.label()));
    }
    if let Some(r) = dose.rest_secs {
        details.push(rest_text(r));
    }
    if let Some(rpe) = dose.rpe {
        details.push(format!("effort RPE {}", fmt_num(rpe)));
    }
    if let Some(rom) = dose.rom.as_deref().filter(|r| !r.is_empty()) {
        details.push(format!("range: {rom}"));
    }
    if item.deload {
        details.push("deload".to_owned());
    }
    if item.hold {
        details.push("progression held this week".to_owned());
    }
    if supervised {
        details.push("supervised".to_owned());
    }
    ExerciseLine {
        prescription_id: item.prescription_id,
        name: item.exercise_name.clone(),
        dose: dose.label(unit),
        details,
        adjusted: None,
    }
}

/// The adjustments a week view shows in its sessions, and how to word them.
#[derive(Clone, Copy)]
pub struct Adjusted<'a> {
    pub adjustments: &'a [Adjustment],
    pub plan: &'a Plan,
    pub audience: Audience,
}

impl<'a> Adjusted<'a> {
    /// The adjustment of prescription `id` in session `s`, when one changes its dose.
    fn of(&self, s: &Session, id: u32) -> Option<&'a Adjustment> {
        let date = s.date?;
        self.adjustments.iter().find(|a| {
            a.prescription_id == id
                && a.date == date
                && a.slot == s.slot
                && a.effective != a.planned
        })
    }

    /// `line` in the athlete's words: the dose to do (`adjusted` or planned) in plain words,
    /// speed, rest and range as its details, no jargon.
    fn plainly(
        &self,
        mut line: ExerciseLine,
        item: &Item,
        adjusted: Option<&Adjustment>,
        unit: LoadUnit,
    ) -> ExerciseLine {
        let (id, dose) = adjusted.map_or((&item.exercise_id, &item.dose), |a| {
            (&a.exercise, &a.effective)
        });
        let equipment = self
            .plan
            .exercise(id)
            .map_or(&[][..], |e| e.equipment.as_slice());
        let words = crate::engine::plain::DoseWords::new(
            dose,
            dose.tempo.as_ref().or(item.tempo.as_ref()),
            unit,
            self.plan.injured_side,
            equipment,
            String::new(),
        );
        line.dose = words.what;
        line.details = words
            .tempo
            .into_iter()
            .chain(words.rest)
            .chain(words.range.map(|r| format!("range of motion: {r}")))
            .chain(item.deload.then(|| "a lighter week".to_owned()))
            .chain(
                line.details
                    .iter()
                    .any(|d| d == "supervised")
                    .then(|| "with your physio".to_owned()),
            )
            .collect();
        line
    }

    /// `line` with the adjusted dose and, beside it, from what and why.
    fn apply(&self, mut line: ExerciseLine, a: &Adjustment, unit: LoadUnit) -> ExerciseLine {
        if a.exercise != a.planned_exercise {
            line.name = self.plan.exercise_name(&a.exercise).into_owned();
        }
        line.dose = a.effective.label(unit);
        let planned = match self.audience {
            Audience::Physio => a.planned.label(unit),
            Audience::Athlete => {
                crate::engine::plain::short(&a.planned, unit, self.plan.injured_side)
            }
        };
        line.adjusted = Some(format!(
            "Changed from {planned}: {} ({})",
            a.reason.words_for(unit, self.plan, self.audience),
            a.status_words(self.audience)
        ));
        line
    }
}

/// `Mon 5 Jan` for a dated session, `Day 3` (day of the plan week) otherwise.
fn when_text(s: &Session) -> String {
    match s.date {
        Some(d) => d.format("%a %-d %b").to_string(),
        None => format!("Day {}", s.day % 7 + 1),
    }
}

/// `2nd session` and so on; the first session is named only on days with more than one.
fn slot_text(slot: u32, day_has_more: bool) -> Option<String> {
    let n = slot + 1;
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    (slot > 0 || day_has_more).then(|| format!("{n}{suffix} session"))
}

/// What makes two sessions of a week the same: (prescription, exercise, supervised) of each item.
type SessionKey<'a> = Vec<(u32, &'a str, bool)>;

/// The sessions of `week` as the athlete reads them, in calendar order. With `group`,
/// sessions with the same exercises, slot and supervision are listed once with all their days.
pub fn week_sessions(
    projection: &Projection,
    week: u32,
    unit: LoadUnit,
    group: bool,
) -> Vec<SessionGroup> {
    week_sessions_adjusted(projection, week, unit, group, None)
}

/// [`week_sessions`], each session the pain log adjusts showing the dose to do now.
pub fn week_sessions_adjusted(
    projection: &Projection,
    week: u32,
    unit: LoadUnit,
    group: bool,
    adjusted: Option<Adjusted<'_>>,
) -> Vec<SessionGroup> {
    let Some(wp) = projection.week(week) else {
        return Vec::new();
    };
    let sessions: Vec<&Session> = projection
        .sessions
        .iter()
        .filter(|s| s.week == week)
        .collect();
    let days_with_more: BTreeSet<u32> = sessions
        .iter()
        .filter(|s| s.slot > 0)
        .map(|s| s.day)
        .collect();
    let mut groups: Vec<(SessionKey, SessionGroup)> = Vec::new();
    for s in sessions {
        let key: SessionKey = s
            .items
            .iter()
            .map(|i| (i.prescription_id, &i.exercise_id[..], i.supervised))
            .collect();
        let slot_label = slot_text(s.slot, days_with_more.contains(&s.day));
        let same = |(k, g): &&mut (SessionKey, SessionGroup)| {
            *k == key && g.slot_label == slot_label && g.supervised == s.supervised
        };
        let changed = |si: &crate::engine::SessionItem| {
            adjusted.and_then(|adj| adj.of(s, si.prescription_id).map(|a| (adj, a)))
        };
        let alone = s.items.iter().any(|si| changed(si).is_some());
        let earlier_alone =
            |(_, g): &&mut (SessionKey, SessionGroup)| g.lines.iter().any(|l| l.adjusted.is_some());
        if group
            && !alone
            && let Some((_, g)) = groups.iter_mut().filter(|e| !earlier_alone(e)).find(same)
        {
            g.when.push(when_text(s));
            continue;
        }
        let mixed = s.items.iter().any(|i| i.supervised) && s.items.iter().any(|i| !i.supervised);
        let lines = s
            .items
            .iter()
            .filter_map(|si| {
                let item = wp
                    .items
                    .iter()
                    .find(|it| it.prescription_id == si.prescription_id)?;
                let line = exercise_line(item, unit, mixed && si.supervised);
                let line = match changed(si) {
                    Some((adj, a)) => adj.apply(line, a, unit),
                    None => line,
                };
                Some(match adjusted.filter(|a| a.audience == Audience::Athlete) {
                    Some(adj) => adj.plainly(line, item, changed(si).map(|(_, a)| a), unit),
                    None => line,
                })
            })
            .collect();
        groups.push((
            key,
            SessionGroup {
                day: s.day,
                slot: s.slot,
                when: vec![when_text(s)],
                slot_label,
                supervised: s.supervised,
                lines,
            },
        ));
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// `Week totals: 3 sessions · 63 reps · 945 s under tension`, with units; zero figures are
/// left out (a body-weight week has no volume load to show).
pub fn totals_text(t: &Metrics, unit: LoadUnit) -> String {
    let v = |x: f64| fmt_num((x * 10.0).round() / 10.0);
    let mut parts = vec![format!(
        "{} session{}",
        t.sessions,
        if t.sessions == 1 { "" } else { "s" }
    )];
    if t.reps > 0.0 {
        parts.push(format!("{} reps", v(t.reps)));
    }
    if t.volume_load_kg > 0.0 {
        parts.push(format!(
            "{} {} volume load",
            v(unit.from_kg(t.volume_load_kg)),
            unit.symbol()
        ));
    }
    if t.tut_secs > 0.0 {
        parts.push(format!("{} s under tension", v(t.tut_secs)));
    }
    if t.srpe_au > 0.0 {
        parts.push(format!("{} AU session-RPE load", v(t.srpe_au)));
    }
    format!("Week totals: {}", parts.join(" · "))
}

/// State of the week view: whether identical sessions are listed once. The week shown is
/// `Selection::week`, shared with the chart.
#[derive(Debug, Clone)]
pub struct WeekPanel {
    /// List sessions with the same content once, with all their days.
    pub group_identical: bool,
}

impl Default for WeekPanel {
    fn default() -> Self {
        WeekPanel {
            group_identical: true,
        }
    }
}

impl WeekPanel {
    /// Draws the week picker and the selected week: phase, sessions, totals.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, selection: &mut Selection) {
        let (plan, projection, unit) = (view.plan(), view.read.projection(), view.unit);
        let adjustments = view.read.adjustments();
        let n = projection.weeks.len() as u32;
        if n == 0 {
            ui.label("This plan has no weeks yet: add an exercise from the library.");
            return;
        }
        selection.week = selection.week.clamp(1, n);
        self.picker_ui(ui, selection, n);
        let Some(wp) = projection.week(selection.week) else {
            return;
        };
        header_ui(ui, wp);
        let adjusted = Adjusted {
            adjustments,
            plan,
            audience: view.audience(),
        };
        let groups = week_sessions_adjusted(
            projection,
            selection.week,
            unit,
            self.group_identical,
            Some(adjusted),
        );
        egui::ScrollArea::vertical()
            .id_salt(("week_view_scroll", view.read.document()))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if view.athlete() {
                    crate::ui::style::athlete_style(ui);
                }
                if groups.is_empty() {
                    ui.label("No sessions this week.");
                }
                for g in &groups {
                    ui.push_id(("session", g.day, g.slot), |ui| group_ui(ui, g, view));
                }
                ui.add_space(4.0);
                if view.athlete() {
                    ui.label(format!(
                        "This week: {}",
                        crate::engine::words::counted(wp.totals.sessions as usize, "session")
                    ));
                } else {
                    ui.label(totals_text(&wp.totals, unit));
                }
            });
    }

    /// Week number, previous/next buttons and the grouping switch.
    fn picker_ui(&mut self, ui: &mut egui::Ui, selection: &mut Selection, n: u32) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Week");
            ui.add(
                egui::DragValue::new(&mut selection.week)
                    .range(1..=n)
                    .speed(0.05),
            )
            .labelled_by(label.id)
            .on_hover_text("The week shown here and highlighted in the chart (drag or type)");
            ui.label(format!("of {n}"));
            let prev = ui
                .add_enabled(selection.week > 1, egui::Button::new("Previous week"))
                .on_hover_text("Show the week before");
            if prev.clicked() {
                selection.week -= 1;
            }
            let next = ui
                .add_enabled(selection.week < n, egui::Button::new("Next week"))
                .on_hover_text("Show the week after");
            if next.clicked() {
                selection.week += 1;
            }
            ui.checkbox(&mut self.group_identical, "Group identical sessions")
                .on_hover_text("List sessions with the same exercises once, with all their days");
        });
    }
}

/// `Week 3  Build-up  Deload week`.
fn header_ui(ui: &mut egui::Ui, wp: &WeekPlan) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Week {}", wp.week));
        match &wp.phase {
            Some(p) => ui.label(format!("Phase: {p}")),
            None => ui.weak("No phase"),
        };
        if wp.deload {
            let names: Vec<&str> = wp
                .items
                .iter()
                .filter(|i| i.deload)
                .map(|i| i.exercise_name.as_str())
                .collect();
            ui.colored_label(crate::ui::style::DELOAD, "Deload week")
                .on_hover_text(format!("Deloaded this week: {}", names.join(", ")));
        }
    });
}

/// One session (or group of identical sessions) in a frame.
fn group_ui(ui: &mut egui::Ui, g: &SessionGroup, view: &View<'_>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(g.title());
            if g.when.len() > 1 {
                ui.weak(format!("{} sessions", g.when.len()));
            }
            if g.supervised {
                let color = ui.visuals().selection.stroke.color;
                let words = if view.athlete() {
                    "with your physio"
                } else {
                    "supervised"
                };
                ui.colored_label(color, words)
                    .on_hover_text("A clinician or coach supervises this session");
            }
        });
        for line in &g.lines {
            ui.push_id(line.prescription_id, |ui| line_ui(ui, line, view.plan()));
        }
    });
    ui.add_space(4.0);
}

/// `Nordic hamstring curl   3 x 6-8 @ body weight`, details below.
fn line_ui(ui: &mut egui::Ui, line: &ExerciseLine, plan: &Plan) {
    ui.horizontal_wrapped(|ui| {
        let name = ui.label(egui::RichText::new(&line.name).strong());
        let notes = plan
            .prescription(line.prescription_id)
            .map(|rx| rx.notes.as_str())
            .filter(|n| !n.is_empty());
        if let Some(notes) = notes {
            name.on_hover_text(notes);
        }
        ui.label(&line.dose);
    });
    if let Some(adjusted) = &line.adjusted {
        ui.indent("adjusted", |ui| {
            ui.add(
                egui::Label::new(egui::RichText::new(adjusted).color(crate::ui::style::AMBER))
                    .wrap(),
            );
        });
    }
    if !line.details.is_empty() {
        ui.indent("details", |ui| {
            ui.add(egui::Label::new(egui::RichText::new(line.details.join(" · ")).weak()).wrap());
        });
    }
}
