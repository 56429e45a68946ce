//! PROM scores over time, one line per measure, with the smallest-detectable-change band
//! around each measure's baseline in two shades (lowest and highest SDC).

use chrono::NaiveDate;
use egui::{Color32, Stroke};
use egui_plot::{
    AxisHints, FilledArea, HoverPosition, Line, LineStyle, MarkerShape, PlotPoint, PlotPoints,
    PlotUi, Points, Text, VLine, uniform_grid_spacer,
};

use crate::engine::review::{PromSeries, change_words, fmt_points, long_date};
use crate::model::Prom;

use super::super::ProgressData;
use super::super::data::day_number;
use super::style::{Swatch, legend_row, prom_color};
use super::{
    BAND_MEANING, date_range, date_tick, day_steps, describe, hover_x, hover_y, static_plot,
};

/// The chart's geometry for one frame: the x range, each series' points and band.
struct Drawn {
    /// x range that shows every score and today.
    range: (f64, f64),
    today_x: f64,
    /// Per series, its points.
    points: Vec<Vec<PlotPoint>>,
    /// Per series, the x range its band covers.
    band_xs: Vec<[f64; 2]>,
}

impl Drawn {
    fn new(proms: &[PromSeries], today: NaiveDate) -> Drawn {
        let today_x = day_number(today);
        let range = date_range(
            proms.iter().flat_map(|s| s.points.iter().map(|p| p.0)),
            today_x,
        );
        let points = proms
            .iter()
            .map(|s| {
                s.points
                    .iter()
                    .map(|(d, v)| PlotPoint::new(day_number(*d), *v))
                    .collect()
            })
            .collect();
        let band_xs = proms
            .iter()
            .map(|s| {
                let first = s.points.first().map_or(today_x, |p| day_number(p.0));
                let last = s.points.last().map_or(today_x, |p| day_number(p.0));
                [first - 2.0, last.max(first) + 2.0]
            })
            .collect();
        Drawn {
            range,
            today_x,
            points,
            band_xs,
        }
    }
}

/// Which PROM measures the chart shows: all, or one.
pub type PromView = Option<Prom>;

/// The PROM chart: one line per measure, the smallest-detectable-change band around each
/// measure's baseline in two shades (lowest and highest SDC).
pub fn prom_chart(ui: &mut egui::Ui, data: &ProgressData<'_>, view: PromView, athlete: bool) {
    let dark = ui.visuals().dark_mode;
    let shown: Vec<usize> = (0..data.proms.len())
        .filter(|i| view.is_none_or(|m| data.proms[*i].measure == m))
        .collect();
    prom_legend(ui, data.proms, &shown, dark, athlete);
    let proms = data.proms;
    let drawn = Drawn::new(proms, data.status.today);
    let (lo, hi) = drawn.range;
    let response = static_plot("progress_prom_plot")
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label("Date")
                .formatter(date_tick)
                .label_spacing(52.0..=70.0),
        ])
        .y_axis_label("Score (points, 0-100)")
        .default_x_bounds(lo, hi)
        .default_y_bounds(-2.0, 102.0)
        .x_grid_spacer(uniform_grid_spacer(day_steps))
        .y_grid_spacer(uniform_grid_spacer(|_| [10.0, 50.0, 100.0]))
        .label_formatter(|pos| prom_hover(proms, &drawn, &shown, pos))
        .show(ui, |plot_ui| {
            prom_items(plot_ui, proms, &drawn, &shown, dark)
        });
    let words: Vec<String> = shown
        .iter()
        .map(|i| {
            let s = &proms[*i];
            let last = s.points.last().map_or(s.baseline, |p| p.1);
            format!(
                "{} from {} to {} points",
                s.measure.label(),
                fmt_points(s.baseline),
                fmt_points(last)
            )
        })
        .collect();
    describe(
        &response.response,
        format!(
            "Chart of {} over time: {}",
            if athlete {
                "your questionnaire scores"
            } else {
                "PROM scores"
            },
            words.join("; ")
        ),
    );
}

/// The legend row of the PROM chart: the measures shown and the two shades of the band.
fn prom_legend(
    ui: &mut egui::Ui,
    proms: &[PromSeries],
    shown: &[usize],
    dark: bool,
    athlete: bool,
) {
    let band_hover = format!(
        "Smallest detectable change for one person around the first (baseline) score: darker within the lowest, lighter within the highest reported value; {BAND_MEANING}"
    );
    let mut entries: Vec<(Swatch, &str, &str)> = shown
        .iter()
        .map(|i| {
            let s = &proms[*i];
            (
                Swatch::Line(prom_color(s.measure, dark), false),
                s.measure.label(),
                "",
            )
        })
        .collect();
    let banded = shown.iter().find(|i| proms[**i].sdc.is_some());
    let band_color = banded.map(|i| prom_color(proms[*i].measure, dark));
    if let Some(c) = band_color {
        entries.push((
            Swatch::Fill(c.gamma_multiply(0.35)),
            if athlete {
                "May be measurement error (narrow band)"
            } else {
                "Smallest detectable change (lowest)"
            },
            band_hover.as_str(),
        ));
        entries.push((
            Swatch::Fill(c.gamma_multiply(0.15)),
            if athlete { "(wide band)" } else { "(highest)" },
            band_hover.as_str(),
        ));
    }
    legend_row(ui, &entries);
}

/// The bands, today's line and the lines of the PROM chart.
fn prom_items<'a>(
    plot_ui: &mut PlotUi<'a>,
    proms: &'a [PromSeries],
    drawn: &'a Drawn,
    shown: &[usize],
    dark: bool,
) {
    let (lo, hi) = drawn.range;
    // Several bands on top of each other: lighter, so the lines stay readable.
    let banded = shown.iter().filter(|i| proms[**i].sdc.is_some()).count();
    let spread = (banded.max(1) as f32).sqrt();
    for i in shown {
        let s = &proms[*i];
        let c = prom_color(s.measure, dark);
        if let Some((low, high)) = s.sdc {
            let xs = &drawn.band_xs[*i];
            for (sdc, alpha) in [(high, 0.15 / spread), (low, 0.22 / spread)] {
                let lower = (s.baseline - sdc).max(0.0);
                let upper = (s.baseline + sdc).min(100.0);
                plot_ui.add(
                    FilledArea::new("", xs, &[lower, lower], &[upper, upper])
                        .fill_color(c.gamma_multiply(alpha))
                        .stroke(Stroke::NONE)
                        .allow_hover(false),
                );
            }
        }
    }
    plot_ui.vline(
        VLine::new("", drawn.today_x)
            .color(ui_weak(plot_ui))
            .style(LineStyle::dashed_loose())
            .width(1.0)
            .allow_hover(false),
    );
    for i in shown {
        let s = &proms[*i];
        let c = prom_color(s.measure, dark);
        let pts = &drawn.points[*i];
        plot_ui.line(
            Line::new(s.measure.label(), PlotPoints::Borrowed(pts))
                .color(c)
                .width(2.0)
                .allow_hover(false),
        );
        plot_ui.points(
            Points::new(s.measure.label(), PlotPoints::Borrowed(pts))
                .shape(MarkerShape::Circle)
                .radius(4.0)
                .filled(true)
                .color(c),
        );
    }
    if shown.is_empty() {
        let at = PlotPoint::new((lo + hi) / 2.0, 50.0);
        plot_ui.text(Text::new("", at, "No scores for this measure"));
    }
}

fn ui_weak(plot_ui: &PlotUi<'_>) -> Color32 {
    plot_ui.ctx().global_style().visuals.weak_text_color()
}

/// Hover text of the PROM chart: a score and what its change means, or the band under the
/// pointer.
fn prom_hover(
    proms: &[PromSeries],
    drawn: &Drawn,
    shown: &[usize],
    pos: &HoverPosition<'_>,
) -> Option<String> {
    // Only the markers are hoverable (a line would report its segment's first point).
    if let HoverPosition::NearDataPoint {
        plot_name, index, ..
    } = pos
        && let Some(s) = shown
            .iter()
            .map(|i| &proms[*i])
            .find(|s| s.measure.label() == *plot_name)
        && let Some((date, score)) = s.points.get(*index)
    {
        let change = if *index == 0 {
            "The baseline (first score): later changes are measured from it".to_owned()
        } else {
            change_words(s, *score)
        };
        return Some(format!(
            "{}, {}: {} points\n{change}",
            s.measure.label(),
            long_date(*date),
            fmt_points(*score)
        ));
    }
    let (x, y) = (hover_x(pos), hover_y(pos));
    let bands: Vec<String> = shown
        .iter()
        .filter_map(|i| {
            let s = &proms[*i];
            let (low, high) = s.sdc?;
            let [a, b] = drawn.band_xs[*i];
            ((a..=b).contains(&x) && (y - s.baseline).abs() <= high).then(|| {
                format!(
                    "{}: baseline {} points, smallest detectable change {}-{} points",
                    s.measure.label(),
                    fmt_points(s.baseline),
                    fmt_points(low),
                    fmt_points(high)
                )
            })
        })
        .collect();
    if bands.is_empty() {
        return None;
    }
    Some(format!(
        "{}\nInside the band: {BAND_MEANING}",
        bands.join("\n")
    ))
}

/// The words under the PROM chart for measures with no smallest detectable change.
pub fn no_sdc_words(proms: &[PromSeries], view: PromView) -> Option<String> {
    let names: Vec<&str> = proms
        .iter()
        .filter(|s| s.sdc.is_none() && view.is_none_or(|m| s.measure == m))
        .map(|s| s.measure.label())
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "{}: the clinical summary gives no smallest detectable change, so no band is drawn.",
            names.join(", ")
        )
    })
}
