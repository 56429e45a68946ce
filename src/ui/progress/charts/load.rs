//! Planned against done load by week: the planned figure of every week as bars, the done figure
//! of the weeks begun as a line, today as a dashed line.

use egui::Stroke;
use egui_plot::{Bar, BarChart, Line, LineStyle, MarkerShape, PlotPoints, Points, VLine};

use crate::engine::chart::{metric_label, metric_unit};
use crate::engine::review::{LoadSeries, fmt_pct, fmt_points};
use crate::model::Plan;
use crate::ui::chart::{week_grid, week_x_axis};

use super::super::ProgressData;
use super::style::{Palette, Swatch, legend_row};
use super::{DONE_NAME, PLANNED_NAME, describe, hover_x, static_plot};

/// The legend name of this week's figure so far, and what it means.
pub const SO_FAR_NAME: &str = "This week so far";
const SO_FAR_HOVER: &str = "This week is not over: what is logged so far, not a drop in training";

/// Hover text of week `index`: `Week 3 (this week, so far): planned 540 kg, done 420 kg (78 %)`.
fn week_tip(load: &LoadSeries, index: usize) -> Option<String> {
    let week = *load.weeks.get(index)?;
    let planned = *load.planned.get(index)?;
    let unit = metric_unit(load.metric, load.unit);
    let value = |v: f64| format!("{} {unit}", fmt_points(v));
    let now = if load.current_week == Some(week) {
        " (this week, so far)"
    } else {
        ""
    };
    Some(match load.actual.get(index) {
        Some(done) => {
            let pct = if planned > 0.0 {
                format!(" ({} of planned)", fmt_pct(100.0 * done / planned))
            } else {
                String::new()
            };
            format!(
                "Week {week}{now}: planned {}, done {}{pct}",
                value(planned),
                value(*done)
            )
        }
        None => format!("Week {week}: planned {}; not begun yet", value(planned)),
    })
}

/// The done figure of each week begun, as points; this week's apart (it is not over: its
/// figure so far is a hollow mark beside the line, not a drop at its end).
fn done_points(load: &LoadSeries) -> (Vec<[f64; 2]>, Option<[f64; 2]>) {
    let all: Vec<[f64; 2]> = load
        .weeks
        .iter()
        .zip(&load.actual)
        .map(|(w, v)| [f64::from(*w), *v])
        .collect();
    match (load.current_week, all.split_last()) {
        (Some(week), Some((last, before))) if last[0] == f64::from(week) => {
            (before.to_vec(), Some(*last))
        }
        _ => (all, None),
    }
}

/// The done line and marks, and this week's figure so far as a hollow mark.
fn draw_done(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    color: egui::Color32,
    done: Vec<[f64; 2]>,
    so_far: Option<[f64; 2]>,
) {
    plot_ui.line(
        Line::new(DONE_NAME, PlotPoints::new(done.clone()))
            .color(color)
            .width(2.5)
            .allow_hover(false),
    );
    plot_ui.points(
        Points::new(DONE_NAME, PlotPoints::new(done))
            .shape(MarkerShape::Circle)
            .radius(4.0)
            .filled(true)
            .color(color),
    );
    if let Some(now) = so_far {
        plot_ui.points(
            Points::new(SO_FAR_NAME, PlotPoints::new(vec![now]))
                .shape(MarkerShape::Circle)
                .radius(5.0)
                .filled(false)
                .color(color),
        );
    }
}

/// The planned against done load chart (`plan` dates the weeks, for today's line).
pub fn load_chart(ui: &mut egui::Ui, data: &ProgressData<'_>, plan: &Plan) {
    let p = Palette::of(ui);
    let load = data.load;
    let unit = metric_unit(load.metric, load.unit);
    let planned_hover = format!(
        "Planned {} of each week (all its sessions)",
        metric_label(load.metric, load.unit)
    );
    let done_hover = "Logged as done: each checked-off exercise at its recorded dose (the planned dose where nothing was recorded); only weeks that have begun";
    let today_week_x = match (plan.start_date, load.current_week) {
        (Some(start), Some(_)) => Some((data.status.today - start).num_days() as f64 / 7.0 + 0.5),
        _ => None,
    };
    let mut entries = vec![
        (
            Swatch::Fill(p.planned.gamma_multiply(0.55)),
            PLANNED_NAME,
            planned_hover.as_str(),
        ),
        (Swatch::Line(p.done, false), DONE_NAME, done_hover),
    ];
    if today_week_x.is_some() {
        entries.push((Swatch::Line(p.today, true), "Today", ""));
    }
    let (done_pts, so_far) = done_points(load);
    if so_far.is_some() {
        entries.push((Swatch::Line(p.done, true), SO_FAR_NAME, SO_FAR_HOVER));
    }
    legend_row(ui, &entries);
    let highest = load
        .planned
        .iter()
        .chain(&load.actual)
        .fold(0.0_f64, |a, b| a.max(*b));
    let n = load.weeks.len();
    let response = static_plot("progress_load_plot")
        .custom_x_axes(week_x_axis())
        .y_axis_label(metric_label(load.metric, load.unit))
        .default_x_bounds(0.4, n as f64 + 0.6)
        .default_y_bounds(0.0, if highest > 0.0 { highest * 1.15 } else { 1.0 })
        .x_grid_spacer(week_grid())
        .label_formatter(|pos| {
            let w = hover_x(pos).round();
            (w >= 1.0 && w <= n as f64).then(|| week_tip(load, w as usize - 1))?
        })
        .show(ui, |plot_ui| {
            let bars = load
                .weeks
                .iter()
                .zip(&load.planned)
                .map(|(w, v)| {
                    Bar::new(f64::from(*w), *v)
                        .width(0.6)
                        .fill(p.planned.gamma_multiply(0.55))
                        .stroke(Stroke::new(1.0, p.planned))
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(PLANNED_NAME, bars)
                    .color(p.planned)
                    .allow_hover(false),
            );
            if let Some(x) = today_week_x {
                plot_ui.vline(
                    VLine::new("", x)
                        .color(p.today)
                        .style(LineStyle::dashed_loose())
                        .width(1.0)
                        .allow_hover(false),
                );
            }
            draw_done(plot_ui, p.done, done_pts, so_far);
        });
    let done: f64 = load.actual.iter().sum();
    let planned: f64 = load.planned.iter().take(load.actual.len()).sum();
    describe(
        &response.response,
        format!(
            "Chart of planned against done {} by week: {} {unit} done of {} {unit} planned in the weeks begun",
            metric_label(load.metric, load.unit).to_lowercase(),
            fmt_points(done),
            fmt_points(planned)
        ),
    );
}
