//! The projected load chart: one metric by week (volume load, time under tension, reps,
//! sessions, session-RPE load), the total and each exercise as lines or stacked areas, phase
//! bands behind, deload weeks and load-spike findings marked, the selected week highlighted.
//! It says which exercises the metric includes, so no one reads kilograms into body-weight work.
//!
//! The legend sits beside the plot (a plan with dozens of exercises would cover the plot with
//! it): a scrolling list of check boxes that hide and show each series.
//!
//! What is drawn comes from the read model's chart data (computed once per plan revision,
//! metric and unit); a frame only builds plot items from it.

mod legend;
mod plot;

pub(crate) use plot::{week_grid, week_x_axis};

use std::collections::BTreeSet;

use crate::engine::chart::metric_label;
use crate::engine::{Metric, ReadModel};
use crate::model::LoadUnit;

use super::{Selection, View};

/// The chart panel's own state: the metric, lines or stacked areas, the hidden series.
#[derive(Debug, Default)]
pub struct ChartPanel {
    /// The metric chosen (`None`: the plan's default, the first one it has figures for).
    pub metric: Option<Metric>,
    /// Each exercise as a stacked area (true) or as its own line (false).
    pub stacked: bool,
    /// Names of the series the legend hides (names are unique within a chart).
    pub hidden: BTreeSet<String>,
    /// What the plot was last fitted to (document, metric, unit, extent): the user's zoom
    /// lasts until it changes.
    fitted_to: Option<plot::ExtentKey>,
    /// The bounds the plot showed last (x min, x max, y min, y max).
    bounds: Option<[f64; 4]>,
}

impl ChartPanel {
    /// Whether the plot must be fitted to its data this frame (its key changed); remembers it.
    fn fit_to(&mut self, key: plot::ExtentKey) -> bool {
        let changed = self.fitted_to != Some(key);
        self.fitted_to = Some(key);
        changed
    }

    /// The bounds the plot showed in its last frame: x min, x max, y min, y max (`None`
    /// before it was drawn).
    pub fn shown_bounds(&self) -> Option<[f64; 4]> {
        self.bounds
    }

    /// The metric shown for the plan of `read`.
    pub fn metric(&self, read: &ReadModel) -> Metric {
        self.metric.unwrap_or_else(|| read.default_metric())
    }

    /// Draws the metric selector, the "Stacked" switch, what the metric includes, the
    /// chart and its legend. Clicking the chart selects the nearest week (`selection.week`).
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, selection: &mut Selection) {
        let (plan, read) = (view.plan(), view.read);
        if plan.prescriptions.is_empty() || read.projection().weeks.is_empty() {
            ui.label(
                "No exercises in this plan yet: add one from the library to see its load by week.",
            );
            return;
        }
        let mut metric = self.metric(read);
        self.controls_ui(ui, &mut metric, view.unit);
        if metric != self.metric(read) {
            self.metric = Some(metric);
        }
        includes_ui(ui, read.includes(metric, view.unit));
        let preview = selection.preview_fit.and_then(|id| {
            let values = read.fit(id).series(id, metric, view.unit)?;
            Some((id, values))
        });
        if preview.is_some() {
            ui.colored_label(
                ui.visuals().hyperlink_color,
                "Preview: the dashed line is the fitted progression. Apply or cancel it in the prescription's editor.",
            );
        }
        let drawn = plot::Drawn::new(read.chart(metric, view.unit), preview);
        let plot_view = plot::View {
            projection: read.projection(),
            findings: read.findings(),
            stacked: self.stacked,
            selected_week: selection.week,
            refit: self.fit_to(drawn.extent_key(read.document())),
        };
        let shown = plot::chart_ui(ui, &drawn, &plot_view, &mut self.hidden);
        if let Some(week) = shown.clicked {
            selection.week = week;
        }
        self.bounds = Some(shown.shown);
    }

    /// The metric selector and the "Stacked" switch.
    fn controls_ui(&mut self, ui: &mut egui::Ui, metric: &mut Metric, unit: LoadUnit) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Chart metric");
            egui::ComboBox::from_id_salt("chart_metric")
                .selected_text(metric_label(*metric, unit))
                .show_ui(ui, |ui| {
                    for m in Metric::ALL {
                        ui.selectable_value(metric, m, metric_label(m, unit))
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
