//! Progress at a glance: the flags a clinician acts on, adherence (sessions done of those due,
//! overall and week by week, supervised sessions toward the recommended number), and three
//! charts: planned against done load by week, pain during and the next morning over time on the
//! pain-monitoring model's bands, and PROM scores over time with the smallest-detectable-change
//! band. The clinician enters PROM scores here. In athlete mode: plain words, no flags and no
//! PROM entry.
//!
//! What is shown comes from the read model (status, load by week, PROM series: computed once
//! per plan revision and day); a frame only builds plot items from it.

mod adherence;
mod charts;
mod data;
mod proms;

pub use adherence::supervised_words;
pub use charts::{BAND_MEANING, DONE_NAME, DURING_NAME, NEXT_NAME, PLANNED_NAME, prom_color};
pub use data::{DAY_ZERO, date_of_day, day_number};
pub use proms::{PromForm, delete_label, next_measure, problem};

use crate::command::Command;
use crate::engine::chart::metric_label;
use crate::engine::review::{LoadSeries, PromSeries};
use crate::engine::{Metric, Severity, Status};
use crate::model::Prom;

use super::View;
use charts::PromView;

/// What the progress tab shows this frame, borrowed from the read model.
#[derive(Debug, Clone, Copy)]
pub struct ProgressData<'a> {
    /// The engine's progress report as of `status.today`.
    pub status: &'a Status,
    /// Weeks of the plan that have begun by today (0 before the start or without a start date).
    pub weeks_begun: usize,
    /// Planned against done load per week.
    pub load: &'a LoadSeries,
    /// One series per measure with scores, in `Prom::ALL` order.
    pub proms: &'a [PromSeries],
}

impl<'a> ProgressData<'a> {
    /// The figures of the plan in `view`, the load in `metric`.
    pub fn of(view: &View<'a>, metric: Metric) -> ProgressData<'a> {
        let read = view.read;
        ProgressData {
            status: read.status(),
            weeks_begun: read.weeks_begun(),
            load: read.load_done(metric, view.unit),
            proms: read.proms(),
        }
    }
}

/// The progress tab's own state: the load metric, which PROM measures the chart shows and the
/// PROM entry form.
#[derive(Debug, Default)]
pub struct ProgressPanel {
    /// The metric of the load chart (`None`: the first one the plan has figures for).
    pub metric: Option<Metric>,
    /// The PROM chart's measure (`None`: every measure with scores).
    pub prom_view: Option<Prom>,
    /// The PROM entry form.
    pub form: PromForm,
}

impl ProgressPanel {
    /// The load chart's metric for the plan in `view`: sessions for the athlete (no load
    /// jargon), else the one chosen or the first the plan has figures for.
    pub fn metric(&self, view: &View<'_>) -> Metric {
        if view.athlete() {
            return Metric::Sessions;
        }
        self.metric.unwrap_or_else(|| view.read.default_metric())
    }

    /// Draws the progress tab.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .id_salt("progress_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let athlete = view.athlete();
                if athlete {
                    crate::ui::style::athlete_style(ui);
                }
                let so_far = ProgressData::of(view, self.metric(view));
                if !athlete {
                    flags_ui(ui, so_far.status);
                }
                sessions_ui(ui, view, &so_far);
                notes_ui(ui, view);
                ui.separator();
                let shows_load = self.load_metric_ui(ui, view);
                // The metric may have changed just now: show the new one in this frame.
                let data = ProgressData::of(view, self.metric(view));
                if shows_load {
                    load_ui(ui, view, &data);
                }
                ui.separator();
                pain_ui(ui, view, &data);
                ui.separator();
                self.proms_ui(ui, view, &data, cmds);
            });
    }
}

/// The flags for the clinician, each in its severity's colour, the source on hover.
fn flags_ui(ui: &mut egui::Ui, status: &Status) {
    let flags = &status.flags;
    if flags.is_empty() {
        return;
    }
    for (i, f) in flags.iter().enumerate() {
        ui.push_id(("progress_flag", f.code, i), |ui| {
            ui.horizontal_wrapped(|ui| {
                let color = match f.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Note => ui.visuals().weak_text_color(),
                };
                ui.colored_label(color, f.severity.label());
                ui.add(egui::Label::new(&f.message).wrap())
                    .on_hover_text(format!("Source: {}", f.source));
            });
        });
    }
    ui.separator();
}

/// Adherence and supervised sessions, or why there is nothing to count.
fn sessions_ui(ui: &mut egui::Ui, view: &View<'_>, data: &ProgressData<'_>) {
    let (plan, today, athlete) = (view.plan(), view.today(), view.athlete());
    let Some(start) = plan.start_date else {
        ui.heading(if athlete {
            "Sessions done"
        } else {
            "Adherence"
        });
        ui.label(if athlete {
            "This plan has no start date yet, so its sessions have no dates: ask your \
                 physio to set one."
        } else {
            "Set the plan's start date in Plan details to date its sessions."
        });
        return;
    };
    adherence::adherence_ui(ui, data, athlete);
    if today < start {
        ui.label(format!(
            "The plan starts on {}: no session is due yet.",
            crate::engine::review::long_date(start)
        ));
    } else if plan.log.is_empty() {
        ui.label(if athlete {
            "Nothing logged yet: check off a session in the Today or Calendar tab and it \
                 shows here."
        } else {
            "Nothing logged yet: sessions checked off in the Calendar tab (or by the \
                 athlete in athlete mode) show here."
        });
    }
}

/// The notes written with logged sessions, newest first, each with the day's highest pain:
/// what the athlete told the physio, without opening every day of the calendar.
fn notes_ui(ui: &mut egui::Ui, view: &View<'_>) {
    let mut notes: Vec<&crate::model::SessionLog> = view
        .plan()
        .log
        .iter()
        .filter(|l| !l.note.trim().is_empty())
        .collect();
    if notes.is_empty() {
        return;
    }
    notes.sort_by_key(|l| std::cmp::Reverse((l.date, l.slot)));
    ui.add_space(6.0);
    let heading = if view.athlete() {
        "Your notes"
    } else {
        "Notes from the log"
    };
    egui::CollapsingHeader::new(format!("{heading} ({})", notes.len()))
        .id_salt("progress_notes")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("progress_notes_scroll")
                .max_height(160.0)
                .show(ui, |ui| {
                    for log in notes {
                        let pain = log.exercises.iter().filter_map(|e| e.pain_during).max();
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(log.date.format("%a %-d %b").to_string());
                            if let Some(p) = pain {
                                ui.weak(format!("pain {p}/10 during"));
                            }
                            ui.label(log.note.trim());
                        });
                    }
                });
        });
}

/// The planned against done load chart.
fn load_ui(ui: &mut egui::Ui, view: &View<'_>, data: &ProgressData<'_>) {
    if !view.athlete() {
        ui.add(egui::Label::new(egui::RichText::new(data.load.metric.includes()).weak()).wrap());
    }
    charts::load_chart(ui, data, view.plan());
}

/// The pain chart, or why there is none.
fn pain_ui(ui: &mut egui::Ui, view: &View<'_>, data: &ProgressData<'_>) {
    let (plan, athlete) = (view.plan(), view.athlete());
    ui.heading(if athlete {
        "Your pain over time"
    } else {
        "Pain during and next morning"
    });
    if data.status.pain.is_empty() {
        ui.label(if plan.log.is_empty() {
            "Nothing logged yet, so no pain to show."
        } else {
            "No pain recorded yet: pain during and the next morning, when logged with a \
                 session, show here."
        });
        return;
    }
    if let Some(trend) = &data.status.pain_trend {
        ui.label(format!("Pain during: {}", trend.label()));
    }
    charts::pain_chart(ui, data, plan.pain_limits, athlete);
}

impl ProgressPanel {
    /// The heading and metric selector of the load chart. Returns false when the plan has no
    /// load to compare (it says why).
    fn load_metric_ui(&mut self, ui: &mut egui::Ui, view: &View<'_>) -> bool {
        let (plan, athlete, unit) = (view.plan(), view.athlete(), view.unit);
        ui.heading(if athlete {
            "Sessions you trained, week by week"
        } else {
            "Load: planned against done, by week"
        });
        if view.read.projection().weeks.is_empty() || plan.prescriptions.is_empty() {
            ui.label("No exercises in this plan yet, so there is no load to compare.");
            return false;
        }
        if plan.start_date.is_none() {
            ui.label("Without a start date no session is dated, so nothing counts as done yet.");
            return false;
        }
        if athlete {
            ui.weak("A session counts once any of its exercises is checked off.");
            return true;
        }
        let current = self.metric(view);
        let mut chosen = current;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Progress chart metric");
            egui::ComboBox::from_id_salt("progress_metric")
                .selected_text(metric_label(chosen, unit))
                .show_ui(ui, |ui| {
                    for m in Metric::ALL {
                        ui.selectable_value(&mut chosen, m, metric_label(m, unit))
                            .on_hover_text(m.includes());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Which load figure the chart compares, week by week");
        });
        if chosen != current {
            self.metric = Some(chosen);
        }
        true
    }

    /// The PROM chart, and in physio mode the entry form and the scores entered.
    fn proms_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        data: &ProgressData<'_>,
        cmds: &mut Vec<Command>,
    ) {
        let (plan, today, athlete) = (view.plan(), view.today(), view.athlete());
        ui.heading(if athlete {
            "Your questionnaire scores"
        } else {
            "PROM scores"
        });
        if data.proms.is_empty() {
            ui.label(if athlete {
                "No questionnaire scores yet: your physio enters them."
            } else {
                "No PROM scores yet: enter the first (baseline) score below."
            });
        } else {
            if self
                .prom_view
                .is_some_and(|m| !data.proms.iter().any(|s| s.measure == m))
            {
                self.prom_view = None;
            }
            prom_view_ui(ui, &mut self.prom_view, data.proms, athlete);
            let shown: PromView = self.prom_view;
            charts::prom_chart(ui, data, shown, athlete);
            let banded = data
                .proms
                .iter()
                .filter(|s| s.sdc.is_some() && shown.is_none_or(|m| s.measure == m))
                .count();
            if banded > 1 {
                ui.weak("Bands of several measures overlap: choose one measure above to see its band clearly.");
            }
            if let Some(words) = charts::no_sdc_words(data.proms, shown) {
                ui.add(egui::Label::new(egui::RichText::new(words).weak()).wrap());
            }
        }
        if !athlete {
            ui.add_space(6.0);
            ui.strong("Enter a PROM score");
            proms::form_ui(ui, &mut self.form, plan, today, cmds);
            proms::list_ui(ui, plan, cmds);
        }
    }
}

/// The selector of the PROM chart's measure: every measure, or one.
fn prom_view_ui(ui: &mut egui::Ui, view: &mut Option<Prom>, series: &[PromSeries], athlete: bool) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(if athlete {
            "Scores shown"
        } else {
            "PROM chart shows"
        });
        egui::ComboBox::from_id_salt("prom_chart_view")
            .selected_text(view.map_or("Every measure", Prom::label))
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(view, None, "Every measure");
                for s in series {
                    ui.selectable_value(view, Some(s.measure), s.measure.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Show one measure alone to see its band clearly");
    });
}
