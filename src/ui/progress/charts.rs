//! The three progress charts, drawn with egui_plot from the cached [`ProgressData`]: planned
//! against done load by week, pain during and the next morning over time on the green, amber
//! and red bands of the pain-monitoring model, and PROM scores over time with the
//! smallest-detectable-change band around each measure's baseline. Each chart has a heading, a
//! legend row above it (so no legend covers data), axis labels with units and a hover text.
//! Only plot items are built per frame.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Color32, Stroke, WidgetInfo};
use egui_plot::{
    AxisHints, Bar, BarChart, FilledArea, GridInput, GridMark, HoverPosition, Line, LineStyle,
    MarkerShape, Plot, PlotPoint, PlotPoints, PlotUi, Points, Span, Text, VLine,
    uniform_grid_spacer,
};

use crate::model::{Plan, Prom};
use crate::ui::chart::{metric_label, metric_unit, week_grid, week_x_axis};

use super::data::{
    LoadSeries, ProgressData, PromSeries, change_words, date_of_day, day_number, fmt_pct,
    fmt_points, long_date, pain_band, pain_words, short_date, spans_years,
};

/// Height of each chart, in points.
pub const CHART_HEIGHT: f32 = 230.0;

/// Legend name of the planned bars.
pub const PLANNED_NAME: &str = "Planned";
/// Legend name of the done line.
pub const DONE_NAME: &str = "Done";
/// Legend name of the pain-during line.
pub const DURING_NAME: &str = "Pain during";
/// Legend name of the next-morning line.
pub const NEXT_NAME: &str = "Pain next morning";
/// What the smallest-detectable-change band means.
pub const BAND_MEANING: &str = "changes inside the band may be measurement error (Thorborg 2011)";

/// The plot points of the cached data, built once per cache refresh.
pub struct Drawn {
    /// (week, planned) per week.
    planned: Vec<(f64, f64)>,
    done_pts: Vec<PlotPoint>,
    load_top: f64,
    load_tips: Vec<String>,
    /// x of today on the week axis, while the plan runs.
    today_week_x: Option<f64>,
    during_pts: Vec<PlotPoint>,
    next_pts: Vec<PlotPoint>,
    /// x range of the date charts (pain, PROM), with today.
    pain_range: (f64, f64),
    prom_range: (f64, f64),
    today_x: f64,
    /// Per PROM series, its points.
    prom_pts: Vec<Vec<PlotPoint>>,
    /// Per PROM series, the x range its band covers.
    band_xs: Vec<[f64; 2]>,
}

impl Drawn {
    /// The plot points of `data` (`plan` dates the weeks).
    pub fn new(plan: &Plan, data: &ProgressData) -> Drawn {
        let load = &data.load;
        let planned: Vec<(f64, f64)> = load
            .weeks
            .iter()
            .zip(&load.planned)
            .map(|(w, v)| (f64::from(*w), *v))
            .collect();
        let done_pts: Vec<PlotPoint> = load
            .weeks
            .iter()
            .zip(&load.actual)
            .map(|(w, v)| PlotPoint::new(f64::from(*w), *v))
            .collect();
        let highest = load
            .planned
            .iter()
            .chain(&load.actual)
            .fold(0.0_f64, |a, b| a.max(*b));
        let today = data.status.today;
        let today_week_x = match (plan.start_date, load.current_week) {
            (Some(start), Some(_)) => Some((today - start).num_days() as f64 / 7.0 + 0.5),
            _ => None,
        };
        let pain = &data.status.pain;
        let during_pts = pain
            .iter()
            .filter_map(|p| Some(PlotPoint::new(day_number(p.date), f64::from(p.during?))))
            .collect();
        let next_pts = pain
            .iter()
            .filter_map(|p| {
                Some(PlotPoint::new(
                    day_number(p.date),
                    f64::from(p.next_morning?),
                ))
            })
            .collect();
        let today_x = day_number(today);
        let pain_range = date_range(pain.iter().map(|p| p.date), today_x);
        let prom_range = date_range(
            data.proms.iter().flat_map(|s| s.points.iter().map(|p| p.0)),
            today_x,
        );
        let prom_pts = data
            .proms
            .iter()
            .map(|s| {
                s.points
                    .iter()
                    .map(|(d, v)| PlotPoint::new(day_number(*d), *v))
                    .collect()
            })
            .collect();
        let band_xs = data
            .proms
            .iter()
            .map(|s| {
                let first = s.points.first().map_or(today_x, |p| day_number(p.0));
                let last = s.points.last().map_or(today_x, |p| day_number(p.0));
                [first - 2.0, last.max(first) + 2.0]
            })
            .collect();
        Drawn {
            load_tips: load_tips(load),
            planned,
            done_pts,
            load_top: if highest > 0.0 { highest * 1.15 } else { 1.0 },
            today_week_x,
            during_pts,
            next_pts,
            pain_range,
            prom_range,
            today_x,
            prom_pts,
            band_xs,
        }
    }
}

/// The x range that shows every date and today, with a little room either side.
fn date_range(dates: impl Iterator<Item = NaiveDate>, today_x: f64) -> (f64, f64) {
    let (lo, hi) = dates
        .map(day_number)
        .fold((today_x, today_x), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let pad = ((hi - lo) * 0.04).max(2.0);
    (lo - pad, hi + pad)
}

/// Hover text of each week: `Week 3 (this week, so far): planned 540 kg, done 420 kg (78 %)`.
fn load_tips(load: &LoadSeries) -> Vec<String> {
    let unit = metric_unit(load.metric, load.unit);
    let value = |v: f64| format!("{} {unit}", fmt_points(v));
    load.weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let planned = load.planned[i];
            let now = if load.current_week == Some(*week) {
                " (this week, so far)"
            } else {
                ""
            };
            match load.actual.get(i) {
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
            }
        })
        .collect()
}

/// Colours that read on both themes.
struct Palette {
    planned: Color32,
    done: Color32,
    during: Color32,
    next: Color32,
    today: Color32,
    green: Color32,
    amber: Color32,
    red: Color32,
}

impl Palette {
    fn of(ui: &egui::Ui) -> Palette {
        let dark = ui.visuals().dark_mode;
        let band = |r, g, b| Color32::from_rgba_unmultiplied(r, g, b, if dark { 46 } else { 40 });
        Palette {
            planned: Color32::from_rgb(112, 144, 196),
            done: if dark {
                Color32::from_rgb(255, 160, 60)
            } else {
                Color32::from_rgb(214, 96, 0)
            },
            during: if dark {
                Color32::from_rgb(110, 175, 255)
            } else {
                Color32::from_rgb(20, 90, 200)
            },
            next: if dark {
                Color32::from_rgb(215, 150, 240)
            } else {
                Color32::from_rgb(125, 40, 160)
            },
            today: ui.visuals().weak_text_color(),
            green: band(67, 160, 71),
            amber: band(255, 179, 0),
            red: band(229, 57, 53),
        }
    }
}

/// Colour of PROM measure `m` (fixed per measure, so a measure keeps its colour).
pub fn prom_color(m: Prom, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 9] = [
        (31, 119, 180),
        (214, 39, 40),
        (44, 140, 44),
        (148, 103, 189),
        (200, 100, 0),
        (140, 86, 75),
        (0, 150, 170),
        (200, 70, 160),
        (90, 90, 90),
    ];
    const DARK: [(u8, u8, u8); 9] = [
        (100, 170, 240),
        (255, 110, 110),
        (110, 210, 110),
        (190, 160, 240),
        (255, 170, 70),
        (210, 160, 140),
        (60, 210, 230),
        (245, 140, 210),
        (200, 200, 200),
    ];
    let i = Prom::ALL.iter().position(|p| *p == m).unwrap_or(0);
    let (r, g, b) = if dark { DARK[i] } else { LIGHT[i] };
    Color32::from_rgb(r, g, b)
}

/// How a legend entry's swatch looks.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// A filled box (bars, bands).
    Fill(Color32),
    /// A line, dashed or not, with a marker.
    Line(Color32, bool),
}

/// A row of legend entries (swatch and words, the explanation on hover) above a chart, so the
/// legend never covers the data.
pub fn legend_row(ui: &mut egui::Ui, entries: &[(Swatch, &str, &str)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (swatch, label, hover) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 12.0), egui::Sense::hover());
            let painter = ui.painter();
            match *swatch {
                Swatch::Fill(c) => {
                    painter.rect_filled(rect, 2.0, c);
                    painter.rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.0, c.to_opaque().gamma_multiply(0.8)),
                        egui::StrokeKind::Inside,
                    );
                }
                Swatch::Line(c, dashed) => {
                    let y = rect.center().y;
                    if dashed {
                        for (a, b) in [(0.0, 6.0), (8.0, 12.0), (14.0, 20.0)] {
                            painter.line_segment(
                                [
                                    egui::pos2(rect.left() + a, y),
                                    egui::pos2(rect.left() + b, y),
                                ],
                                Stroke::new(2.0, c),
                            );
                        }
                    } else {
                        painter.line_segment(
                            [rect.left_center(), rect.right_center()],
                            Stroke::new(2.0, c),
                        );
                    }
                    painter.circle_filled(rect.center(), 3.0, c);
                }
            }
            let r = ui.label(*label);
            if !hover.is_empty() {
                r.on_hover_text(*hover);
            }
            ui.add_space(10.0);
        }
    });
}

/// Grid steps along a date axis: days, weeks (Mondays), 4 weeks, quarters, years.
fn day_steps(input: GridInput) -> [f64; 3] {
    const STEPS: [f64; 7] = [1.0, 7.0, 28.0, 91.0, 364.0, 1820.0, 3640.0];
    let i = STEPS
        .iter()
        .position(|s| *s >= input.base_step_size)
        .unwrap_or(STEPS.len())
        .min(STEPS.len() - 3);
    [STEPS[i], STEPS[i + 1], STEPS[i + 2]]
}

/// Tick text on a date axis: `12 Jan` (with the year when the axis spans two).
fn date_tick(mark: GridMark, range: &RangeInclusive<f64>) -> String {
    let v = mark.value.round();
    if (mark.value - v).abs() > 1e-6 {
        return String::new();
    }
    date_of_day(v).map_or_else(String::new, |d| {
        short_date(d, spans_years(*range.start(), *range.end()))
    })
}

/// Integer ticks on the pain axis.
fn pain_tick(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    let v = mark.value.round();
    if (0.0..=10.0).contains(&v) && (mark.value - v).abs() < 1e-6 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// A static plot (hover only: the page scrolls under the wheel, nothing pans by accident).
fn static_plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
}

/// Gives a plot its accessible name (a screen reader hears what the chart shows).
fn describe(response: &egui::Response, words: String) {
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, words.clone()));
}

/// The planned against done load chart.
pub fn load_chart(ui: &mut egui::Ui, data: &ProgressData, drawn: &Drawn) {
    let p = Palette::of(ui);
    let load = &data.load;
    let unit = metric_unit(load.metric, load.unit);
    let planned_hover = format!(
        "Planned {} of each week (all its sessions)",
        metric_label(load.metric, load.unit)
    );
    let done_hover = "Logged as done: each checked-off exercise at its recorded dose (the planned dose where nothing was recorded); only weeks that have begun";
    let mut entries = vec![
        (
            Swatch::Fill(p.planned.gamma_multiply(0.55)),
            PLANNED_NAME,
            planned_hover.as_str(),
        ),
        (Swatch::Line(p.done, false), DONE_NAME, done_hover),
    ];
    if drawn.today_week_x.is_some() {
        entries.push((Swatch::Line(p.today, true), "Today", ""));
    }
    legend_row(ui, &entries);
    let n = load.weeks.len();
    let response = static_plot("progress_load_plot")
        .custom_x_axes(week_x_axis())
        .y_axis_label(metric_label(load.metric, load.unit))
        .default_x_bounds(0.4, n as f64 + 0.6)
        .default_y_bounds(0.0, drawn.load_top)
        .x_grid_spacer(week_grid())
        .label_formatter(|pos| {
            let x = hover_x(pos);
            let w = x.round();
            (w >= 1.0 && w <= n as f64).then(|| drawn.load_tips[w as usize - 1].clone())
        })
        .show(ui, |plot_ui| {
            let bars = drawn
                .planned
                .iter()
                .map(|(w, v)| {
                    Bar::new(*w, *v)
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
            if let Some(x) = drawn.today_week_x {
                plot_ui.vline(
                    VLine::new("", x)
                        .color(p.today)
                        .style(LineStyle::dashed_loose())
                        .width(1.0)
                        .allow_hover(false),
                );
            }
            plot_ui.line(
                Line::new(DONE_NAME, PlotPoints::Borrowed(&drawn.done_pts))
                    .color(p.done)
                    .width(2.5)
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new(DONE_NAME, PlotPoints::Borrowed(&drawn.done_pts))
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .filled(true)
                    .color(p.done),
            );
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

/// The x of a hover position.
fn hover_x(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.x
        }
    }
}

/// The y of a hover position.
fn hover_y(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.y
        }
    }
}

/// The pain chart: during and next morning per logged session on the traffic-light bands.
pub fn pain_chart(ui: &mut egui::Ui, data: &ProgressData, drawn: &Drawn, athlete: bool) {
    let p = Palette::of(ui);
    pain_legend(ui, &p, athlete);
    let pain = &data.status.pain;
    let (lo, hi) = drawn.pain_range;
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
            if let Some(words) = pain_words(pain, date) {
                return Some(words);
            }
            let y = hover_y(pos).round();
            (0.0..=10.0)
                .contains(&y)
                .then(|| format!("{}\nPain {}", long_date(date), pain_band(y as u8)))
        })
        .show(ui, |plot_ui| {
            bands(plot_ui, &p);
            plot_ui.vline(
                VLine::new("", drawn.today_x)
                    .color(p.today)
                    .style(LineStyle::dashed_loose())
                    .width(1.0)
                    .allow_hover(false),
            );
            plot_ui.line(
                Line::new(DURING_NAME, PlotPoints::Borrowed(&drawn.during_pts))
                    .color(p.during)
                    .width(2.0)
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new(DURING_NAME, PlotPoints::Borrowed(&drawn.during_pts))
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .filled(true)
                    .color(p.during),
            );
            plot_ui.line(
                Line::new(NEXT_NAME, PlotPoints::Borrowed(&drawn.next_pts))
                    .color(p.next)
                    .width(1.5)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new(NEXT_NAME, PlotPoints::Borrowed(&drawn.next_pts))
                    .shape(MarkerShape::Square)
                    .radius(4.0)
                    .filled(true)
                    .color(p.next),
            );
        });
    let latest = pain.last().map_or_else(String::new, |last| {
        pain_words(pain, last.date).map_or_else(String::new, |w| format!("; latest {w}"))
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
fn pain_legend(ui: &mut egui::Ui, p: &Palette, athlete: bool) {
    let (safe, ok, much) = if athlete {
        (
            "Pain 0-2: fine",
            "Pain 3-5: acceptable",
            "Pain 6-10: too much",
        )
    } else {
        ("0-2 safe", "3-5 acceptable", "6-10 too much")
    };
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
            (
                Swatch::Fill(p.green),
                safe,
                "Pain-monitoring model (Silbernagel 2007): 0-2 is safe",
            ),
            (
                Swatch::Fill(p.amber),
                ok,
                "3-5 is acceptable during exercise, if it settles by the next morning",
            ),
            (
                Swatch::Fill(p.red),
                much,
                "Above 5, or not settled the next morning: too much; the next session is reduced",
            ),
        ],
    );
}

/// The green, amber and red bands of the pain-monitoring model behind the pain chart.
fn bands(plot_ui: &mut PlotUi<'_>, p: &Palette) {
    // Band edges halfway between the last rating of one zone and the first of the next.
    let safe = f64::from(crate::engine::PAIN_SAFE_MAX) + 0.5;
    let acceptable = f64::from(crate::engine::PAIN_ACCEPTABLE_MAX) + 0.5;
    for (range, color) in [
        (-1.0..=safe, p.green),
        (safe..=acceptable, p.amber),
        (acceptable..=11.0, p.red),
    ] {
        plot_ui.span(Span::new("", range).axis(egui_plot::Axis::Y).fill(color));
    }
}

/// Which PROM measures the chart shows: all, or one.
pub type PromView = Option<Prom>;

/// The PROM chart: one line per measure, the smallest-detectable-change band around each
/// measure's baseline in two shades (lowest and highest SDC).
pub fn prom_chart(
    ui: &mut egui::Ui,
    data: &ProgressData,
    drawn: &Drawn,
    view: PromView,
    athlete: bool,
) {
    let dark = ui.visuals().dark_mode;
    let shown: Vec<usize> = (0..data.proms.len())
        .filter(|i| view.is_none_or(|m| data.proms[*i].measure == m))
        .collect();
    prom_legend(ui, &data.proms, &shown, dark, athlete);
    let (lo, hi) = drawn.prom_range;
    let proms = &data.proms;
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
        .label_formatter(|pos| prom_hover(proms, drawn, &shown, pos))
        .show(ui, |plot_ui| {
            prom_items(plot_ui, proms, drawn, &shown, dark)
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
    let (lo, hi) = drawn.prom_range;
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
        let pts = &drawn.prom_pts[*i];
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
