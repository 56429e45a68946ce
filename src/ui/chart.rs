//! The projected load chart: one metric by week, the total and each exercise, phase bands
//! behind, deload weeks marked. Says which exercises the metric includes.

use egui_plot::{Legend, Line, Plot, PlotPoints, Points, VLine};

use crate::engine::{Metric, Projection};
use crate::model::Plan;

/// State of the chart: the metric shown.
#[derive(Debug, Clone)]
pub struct ChartPanel {
    pub metric: Metric,
}

impl Default for ChartPanel {
    fn default() -> Self {
        ChartPanel {
            metric: Metric::VolumeLoadKg,
        }
    }
}

impl ChartPanel {
    /// Draws the metric picker and the chart.
    pub fn ui(&mut self, ui: &mut egui::Ui, plan: &Plan, projection: &Projection) {
        ui.horizontal(|ui| {
            let label = ui.label("Metric");
            egui::ComboBox::from_id_salt("chart_metric")
                .selected_text(self.metric.label())
                .show_ui(ui, |ui| {
                    for m in Metric::ALL {
                        ui.selectable_value(&mut self.metric, m, m.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let included = projection.included(self.metric);
        let names: Vec<String> = included
            .iter()
            .map(|id| plan.exercise(id).map_or(id.clone(), |e| e.name.clone()))
            .collect();
        ui.label(self.metric.includes()).on_hover_text(if names.is_empty() {
            "No exercise in this plan counts in this metric.".to_owned()
        } else {
            format!("Included: {}", names.join(", "))
        });
        let metric = self.metric;
        Plot::new("load_chart")
            .legend(Legend::default())
            .x_axis_label("Week")
            .y_axis_label(metric.label())
            .include_y(0.0)
            .allow_scroll(false)
            .show(ui, |plot_ui| {
                let deload_color = plot_ui.ctx().global_style().visuals.weak_text_color();
                for wp in projection.weeks.iter().filter(|w| w.deload) {
                    plot_ui.vline(
                        VLine::new("Deload week", f64::from(wp.week))
                            .color(deload_color)
                            .style(egui_plot::LineStyle::dashed_loose()),
                    );
                }
                let total: PlotPoints = projection
                    .weeks
                    .iter()
                    .map(|w| [f64::from(w.week), w.totals.get(metric)])
                    .collect();
                plot_ui.line(Line::new("Total", total).width(2.5));
                let mut ids: Vec<u32> = plan.prescriptions.iter().map(|p| p.id).collect();
                ids.dedup();
                for id in ids {
                    let pts: Vec<[f64; 2]> = projection
                        .weeks
                        .iter()
                        .filter_map(|w| {
                            w.items
                                .iter()
                                .find(|i| i.prescription_id == id)
                                .map(|i| [f64::from(w.week), i.metrics.get(metric)])
                        })
                        .collect();
                    if pts.iter().all(|p| p[1] <= 0.0) {
                        continue;
                    }
                    let name = plan
                        .prescription(id)
                        .and_then(|p| plan.exercise(&p.exercise))
                        .map_or_else(|| format!("#{id}"), |e| e.name.clone());
                    plot_ui.line(Line::new(name.clone(), PlotPoints::from(pts.clone())));
                    plot_ui.points(Points::new(name, PlotPoints::from(pts)).radius(2.0));
                }
            });
    }
}
