//! Pain during and the next morning over time, on the green, amber and red bands of the
//! pain-monitoring model. The bands are pain during's; the next morning has its own, stricter
//! limit (above the safe range is red), drawn as a red dashed line, and a next-morning mark
//! above it is red.

use egui_plot::{
    AxisHints, HLine, Line, LineStyle, MarkerShape, PlotPoints, PlotUi, Points, Span, VLine,
    uniform_grid_spacer,
};

use crate::engine::review::{long_date, pain_words};
use crate::engine::{Audience, PainZone};
use crate::model::PainLimits;

use super::super::ProgressData;
use super::super::data::{date_of_day, day_number};
use super::style::{Palette, Swatch, legend_row};
use super::{
    DURING_NAME, NEXT_NAME, date_range, date_tick, day_steps, describe, hover_x, hover_y,
    pain_tick, static_plot,
};

/// The pain chart: during and next morning per logged session on the traffic-light bands.
pub fn pain_chart(ui: &mut egui::Ui, data: &ProgressData<'_>, limits: PainLimits, athlete: bool) {
    let p = Palette::of(ui);
    pain_legend(ui, &p, limits, athlete);
    let pain = &data.status.pain;
    let today_x = day_number(data.status.today);
    let (lo, hi) = date_range(pain.iter().map(|p| p.date), today_x);
    let during_pts: Vec<[f64; 2]> = pain
        .iter()
        .filter_map(|p| Some([day_number(p.date), f64::from(p.during?)]))
        .collect();
    let next_pts: Vec<[f64; 2]> = pain
        .iter()
        .filter_map(|p| Some([day_number(p.date), f64::from(p.next_morning?)]))
        .collect();
    let response = static_plot("progress_pain_plot")
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label("Date")
                .formatter(date_tick)
                .label_spacing(52.0..=70.0),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y().label("Pain (0-10)").formatter(pain_tick),
        ])
        .default_x_bounds(lo, hi)
        .default_y_bounds(-0.4, 10.4)
        .x_grid_spacer(uniform_grid_spacer(day_steps))
        .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .label_formatter(|pos| {
            let date = date_of_day(hover_x(pos))?;
            if let Some(words) = pain_words(pain, date, limits) {
                return Some(words);
            }
            let y = hover_y(pos).round();
            (0.0..=10.0).contains(&y).then(|| {
                format!(
                    "{}\nPain {}",
                    long_date(date),
                    PainZone::during(y as u8, limits).label(limits, Audience::Physio)
                )
            })
        })
        .show(ui, |plot_ui| {
            bands(plot_ui, &p, limits);
            plot_ui.vline(
                VLine::new("", today_x)
                    .color(p.today)
                    .style(LineStyle::dashed_loose())
                    .width(1.0)
                    .allow_hover(false),
            );
            plot_ui.line(
                Line::new(DURING_NAME, PlotPoints::new(during_pts.clone()))
                    .color(p.during)
                    .width(2.0)
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new(DURING_NAME, PlotPoints::new(during_pts))
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .filled(true)
                    .color(p.during),
            );
            plot_ui.line(
                Line::new(NEXT_NAME, PlotPoints::new(next_pts.clone()))
                    .color(p.next)
                    .width(1.5)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            let next_limit = f64::from(limits.safe_max) + 0.5;
            plot_ui.hline(
                HLine::new(NEXT_LIMIT_NAME, next_limit)
                    .color(p.red)
                    .style(LineStyle::dashed_dense())
                    .width(1.5)
                    .allow_hover(false),
            );
            let (too_much, fine): (Vec<[f64; 2]>, Vec<[f64; 2]>) =
                next_pts.into_iter().partition(|pt| pt[1] > next_limit);
            for (points, color) in [(fine, p.next), (too_much, p.red)] {
                plot_ui.points(
                    Points::new(NEXT_NAME, PlotPoints::new(points))
                        .shape(MarkerShape::Square)
                        .radius(4.0)
                        .filled(true)
                        .color(color),
                );
            }
        });
    let latest = pain.last().map_or_else(String::new, |last| {
        pain_words(pain, last.date, limits).map_or_else(String::new, |w| format!("; latest {w}"))
    });
    describe(
        &response.response,
        format!(
            "Chart of pain during and next morning over {} logged sessions{latest}",
            pain.len()
        ),
    );
}

/// The legend row of the pain chart.
fn pain_legend(ui: &mut egui::Ui, p: &Palette, limits: PainLimits, athlete: bool) {
    let audience = if athlete {
        Audience::Athlete
    } else {
        Audience::Physio
    };
    let zone = |z: PainZone| (z.label(limits, audience), z.meaning(limits));
    let [(safe, safe_tip), (ok, ok_tip), (much, much_tip)] = PainZone::ALL.map(zone);
    let next_tip = format!(
        "The bands are for pain during. The next morning, pain above {}/10 is too much (red) and the next session is made easier",
        limits.safe_max
    );
    legend_row(
        ui,
        &[
            (
                Swatch::Line(p.during, false),
                DURING_NAME,
                "The highest pain during the session's exercises, 0-10",
            ),
            (
                Swatch::Line(p.next, true),
                NEXT_NAME,
                "The highest pain the next morning, 0-10 (settled counts as 0)",
            ),
            (Swatch::Fill(p.green), &safe, &safe_tip),
            (Swatch::Fill(p.amber), &ok, &ok_tip),
            (Swatch::Fill(p.red), &much, &much_tip),
            (Swatch::Line(p.red, true), NEXT_LIMIT_NAME, &next_tip),
        ],
    );
}

/// The legend name of the next morning's limit.
pub const NEXT_LIMIT_NAME: &str = "Next-morning limit";

/// The green, amber and red bands of the pain-monitoring model behind the pain chart.
fn bands(plot_ui: &mut PlotUi<'_>, p: &Palette, limits: PainLimits) {
    // Band edges halfway between the last rating of one zone and the first of the next.
    let safe = f64::from(limits.safe_max) + 0.5;
    let acceptable = f64::from(limits.acceptable_max) + 0.5;
    for (range, color) in [
        (-1.0..=safe, p.green),
        (safe..=acceptable, p.amber),
        (acceptable..=11.0, p.red),
    ] {
        plot_ui.span(Span::new("", range).axis(egui_plot::Axis::Y).fill(color));
    }
}
