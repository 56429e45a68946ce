//! Progress at a glance: the flags a clinician acts on, adherence (sessions done of those due,
//! overall and week by week, supervised sessions toward the recommended number), and three
//! charts: planned against done load by week, pain during and the next morning over time on the
//! pain-monitoring model's bands, and PROM scores over time with the smallest-detectable-change
//! band. The clinician enters PROM scores here. In athlete mode: plain words, no flags and no
//! PROM entry.
//!
//! What is shown is computed by the pure [`progress_data`] and cached per plan revision, day,
//! metric and unit; an idle frame only builds plot items from the cache.

mod adherence;
mod charts;
mod data;
mod proms;

pub use adherence::supervised_words;
pub use charts::{BAND_MEANING, DONE_NAME, DURING_NAME, NEXT_NAME, PLANNED_NAME, prom_color};
pub use data::{
    DAY_ZERO, LoadSeries, ProgressData, PromSeries, adherence_summary, change_words, date_of_day,
    day_number, default_metric, load_series, pain_words, progress_data, prom_series, weeks_begun,
};
pub use proms::{PromForm, delete_label, next_measure, problem};

use chrono::NaiveDate;

use crate::command::Command;
use crate::engine::{Adjustment, Metric, Projection, Severity};
use crate::model::LoadUnit;
use crate::model::{Plan, Prom};
use crate::ui::chart::metric_label;

use charts::{Drawn, PromView};

/// What the panel keeps between frames, recomputed only when its key changes.
struct Cache {
    key: CacheKey,
    data: ProgressData,
    drawn: Drawn,
}

/// When the cache is stale: plan revision, today, metric, unit, and sizes as a safety net
/// (log entries, PROM scores, weeks).
type CacheKey = (u64, NaiveDate, Metric, LoadUnit, usize, usize, usize);

/// The progress tab's own state: the load metric, which PROM measures the chart shows, the PROM
/// entry form and the cached figures.
#[derive(Default)]
pub struct ProgressPanel {
    /// The metric of the load chart (`None`: the first one the plan has figures for).
    pub metric: Option<Metric>,
    /// The PROM chart's measure (`None`: every measure with scores).
    pub prom_view: Option<Prom>,
    /// The PROM entry form.
    pub form: PromForm,
    cache: Option<Cache>,
    computed: u64,
}

impl std::fmt::Debug for ProgressPanel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProgressPanel")
            .field("metric", &self.metric)
            .field("prom_view", &self.prom_view)
            .field("form", &self.form)
            .field("computed", &self.computed)
            .finish_non_exhaustive()
    }
}

impl ProgressPanel {
    /// The figures the panel drew last (`None` before its first frame).
    pub fn last_data(&self) -> Option<&ProgressData> {
        self.cache.as_ref().map(|c| &c.data)
    }

    /// How many times the figures were computed (they are cached between frames).
    pub fn times_computed(&self) -> u64 {
        self.computed
    }

    /// Recomputes the figures when the key changed.
    #[allow(clippy::too_many_arguments)]
    fn refresh(
        &mut self,
        plan: &Plan,
        projection: &Projection,
        adjustments: &[Adjustment],
        today: NaiveDate,
        unit: LoadUnit,
        revision: u64,
    ) {
        let metric = self.metric.unwrap_or_else(|| default_metric(projection));
        let key = (
            revision,
            today,
            metric,
            unit,
            plan.log.len(),
            plan.proms.len(),
            projection.weeks.len(),
        );
        if self.cache.as_ref().map(|c| c.key) != Some(key) {
            let data = progress_data(plan, projection, adjustments, today, metric, unit);
            let drawn = Drawn::new(plan, &data);
            self.cache = Some(Cache { key, data, drawn });
            self.computed += 1;
        }
    }

    /// Draws the progress tab.
    ///
    /// `revision` must change whenever the plan changes (including when another plan is
    /// opened): the figures are recomputed only when the revision, `today`, the metric or the
    /// unit changes.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        projection: &Projection,
        adjustments: &[Adjustment],
        today: NaiveDate,
        athlete: bool,
        unit: LoadUnit,
        revision: u64,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(plan, projection, adjustments, today, unit, revision);
        egui::ScrollArea::vertical()
            .id_salt("progress_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if athlete {
                    crate::ui::log::athlete_style(ui);
                } else {
                    self.flags_ui(ui);
                }
                self.sessions_ui(ui, plan, today, athlete);
                ui.separator();
                if self.load_ui(ui, plan, projection, athlete, unit) {
                    // A new metric: draw it this frame, not the next.
                    self.refresh(plan, projection, adjustments, today, unit, revision);
                }
                ui.separator();
                self.pain_ui(ui, plan, athlete);
                ui.separator();
                self.proms_ui(ui, plan, today, athlete, cmds);
            });
    }

    /// The flags for the clinician, each in its severity's colour, the source on hover.
    fn flags_ui(&self, ui: &mut egui::Ui) {
        let Some(cache) = &self.cache else { return };
        let flags = &cache.data.status.flags;
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
    fn sessions_ui(&self, ui: &mut egui::Ui, plan: &Plan, today: NaiveDate, athlete: bool) {
        let Some(cache) = &self.cache else { return };
        let data = &cache.data;
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
                data::long_date(start)
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

    /// The planned against done load chart and its metric selector. Returns true when the
    /// metric changed.
    fn load_ui(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        projection: &Projection,
        athlete: bool,
        unit: LoadUnit,
    ) -> bool {
        ui.heading(if athlete {
            "Training done against planned"
        } else {
            "Load: planned against done, by week"
        });
        if projection.weeks.is_empty() || plan.prescriptions.is_empty() {
            ui.label("No exercises in this plan yet, so there is no load to compare.");
            return false;
        }
        if plan.start_date.is_none() {
            ui.label("Without a start date no session is dated, so nothing counts as done yet.");
            return false;
        }
        let current = self.metric.unwrap_or_else(|| default_metric(projection));
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
        ui.add(egui::Label::new(egui::RichText::new(chosen.includes()).weak()).wrap());
        if chosen != current {
            self.metric = Some(chosen);
            return true;
        }
        if let Some(cache) = &self.cache {
            charts::load_chart(ui, &cache.data, &cache.drawn);
        }
        false
    }

    /// The pain chart, or why there is none.
    fn pain_ui(&self, ui: &mut egui::Ui, plan: &Plan, athlete: bool) {
        let Some(cache) = &self.cache else { return };
        let data = &cache.data;
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
        charts::pain_chart(ui, data, &cache.drawn, athlete);
    }

    /// The PROM chart, and in physio mode the entry form and the scores entered.
    fn proms_ui(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        today: NaiveDate,
        athlete: bool,
        cmds: &mut Vec<Command>,
    ) {
        let Some(cache) = &self.cache else { return };
        let data = &cache.data;
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
            prom_view_ui(ui, &mut self.prom_view, &data.proms, athlete);
            let view: PromView = self.prom_view;
            charts::prom_chart(ui, data, &cache.drawn, view, athlete);
            let banded = data
                .proms
                .iter()
                .filter(|s| s.sdc.is_some() && view.is_none_or(|m| s.measure == m))
                .count();
            if banded > 1 {
                ui.weak("Bands of several measures overlap: choose one measure above to see its band clearly.");
            }
            if let Some(words) = charts::no_sdc_words(&data.proms, view) {
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
