//! The projected load chart: one metric by week (volume load, time under tension, reps,
//! sessions, session-RPE load), the total and each exercise as lines or stacked areas, phase
//! bands behind, deload weeks and load-spike findings marked, the selected week highlighted.
//! It says which exercises the metric includes, so no one reads kilograms into body-weight work.
//!
//! The legend sits beside the plot (a plan with dozens of exercises would cover the plot with
//! it): a scrolling list of check boxes that hide and show each series.
//!
//! What is drawn is computed by the pure [`chart_data`] and cached per plan revision; a frame
//! only builds plot items from the cache.

mod data;
mod legend;
mod plot;

pub(crate) use plot::{week_grid, week_x_axis};

use std::collections::BTreeSet;

pub use data::{
    ChartData, DELOAD_NAME, SPIKE_CODES, SPIKE_NAME, Series, TOTAL_NAME, chart_data, includes_text,
    metric_label, metric_unit, spike_weeks,
};

use crate::engine::{Finding, Metric, Projection};
use crate::model::LoadUnit;
use crate::model::Plan;

use super::Selection;

/// The chart panel's own state: the metric, lines or stacked areas, and the cached chart.
pub struct ChartPanel {
    /// The metric shown.
    pub metric: Metric,
    /// Each exercise as a stacked area (true) or as its own line (false).
    pub stacked: bool,
    /// Names of the series the legend hides (names are unique within a chart).
    pub hidden: BTreeSet<String>,
    cache: Option<plot::Drawn>,
}

impl Default for ChartPanel {
    fn default() -> Self {
        ChartPanel {
            metric: Metric::VolumeLoadKg,
            stacked: false,
            hidden: BTreeSet::new(),
            cache: None,
        }
    }
}

impl std::fmt::Debug for ChartPanel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChartPanel")
            .field("metric", &self.metric)
            .field("stacked", &self.stacked)
            .field("hidden", &self.hidden)
            .finish_non_exhaustive()
    }
}

impl ChartPanel {
    /// The data the panel drew last (`None` before the first frame with a non-empty plan).
    pub fn last_data(&self) -> Option<&ChartData> {
        self.cache.as_ref().map(|d| &d.data)
    }

    /// Draws the metric selector, the "Stacked" switch, what the metric includes, the
    /// chart and its legend. Clicking the chart selects the nearest week (`selection.week`).
    ///
    /// `revision` must change whenever the plan (and so the projection) changes, including
    /// when another plan is opened: the chart's data is recomputed only when the revision,
    /// the metric or the unit changes.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        projection: &Projection,
        findings: &[Finding],
        selection: &mut Selection,
        unit: LoadUnit,
        revision: u64,
    ) {
        if plan.prescriptions.is_empty() || projection.weeks.is_empty() {
            ui.label(
                "No exercises in this plan yet: add one from the library to see its load by week.",
            );
            return;
        }
        self.controls_ui(ui, unit);
        let key = (
            revision,
            self.metric,
            unit,
            plan.prescriptions.len(),
            projection.weeks.len(),
        );
        if self.cache.as_ref().map(|d| d.key) != Some(key) {
            self.cache = Some(plot::Drawn::new(key, plan, projection));
        }
        let Some(drawn) = &self.cache else {
            return;
        };
        includes_ui(ui, &drawn.includes);
        let view = plot::View {
            projection,
            findings,
            stacked: self.stacked,
            selected_week: selection.week,
        };
        if let Some(week) = plot::chart_ui(ui, drawn, &view, &mut self.hidden) {
            selection.week = week;
        }
    }

    /// The metric selector and the "Stacked" switch.
    fn controls_ui(&mut self, ui: &mut egui::Ui, unit: LoadUnit) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Chart metric");
            egui::ComboBox::from_id_salt("chart_metric")
                .selected_text(metric_label(self.metric, unit))
                .show_ui(ui, |ui| {
                    for m in Metric::ALL {
                        ui.selectable_value(&mut self.metric, m, metric_label(m, unit))
                            .on_hover_text(m.includes());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Which load figure the chart shows, week by week");
            ui.add_space(12.0);
            ui.checkbox(&mut self.stacked, "Stacked").on_hover_text(
                "Show the exercises as stacked areas (in plan order) instead of one line each; \
                 the total line stays. Untick a legend entry to hide its series.",
            );
        });
    }
}

/// What the metric includes, in at most two lines: a plan with dozens of exercises names them
/// all, and the chart needs the room (the whole text shows on hover).
fn includes_ui(ui: &mut egui::Ui, text: &str) {
    let text = egui::WidgetText::from(egui::RichText::new(text).weak());
    let mut job = std::sync::Arc::unwrap_or_clone(text.into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Min,
    ));
    job.wrap.max_rows = 2;
    ui.add(egui::Label::new(job).wrap());
}
