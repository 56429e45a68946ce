//! Drawing the load chart with egui_plot from cached `ChartData`: phase bands and names behind,
//! deload marks, the selected week, per-exercise lines or stacked areas, the total line and
//! the load-spike markers, with a hover text per week. Only plot items are built per frame.

use egui::Color32;
use std::collections::BTreeSet;

use egui_plot::{
    AxisHints, FilledArea, GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, PlotUi, Points, Span, Text, VLine, uniform_grid_spacer,
};

use super::legend::{Entry, Mark, legend_ui};
use crate::engine::chart::{
    ChartData, DELOAD_NAME, SPIKE_CODES, SPIKE_NAME, TOTAL_NAME, metric_label, spike_weeks,
    week_tooltip,
};
use crate::engine::{Finding, Projection};

/// The plot's geometry for one frame, from the read model's chart data: points of each line,
/// edges of each stacked area, the top of the plot.
pub(super) struct Drawn<'a> {
    pub data: &'a ChartData,
    /// Week numbers as x values.
    xs: Vec<f64>,
    total_pts: Vec<PlotPoint>,
    /// Per series, its points in the weeks it is active.
    line_pts: Vec<Vec<PlotPoint>>,
    /// Per series, (lower, upper) edge of its stacked area in every week.
    stack: Vec<(Vec<f64>, Vec<f64>)>,
    /// Top of the plot: room above the highest value for the phase names.
    y_top: f64,
    /// A prescription's fitted progression previewed as a dashed line: (legend name, colour
    /// index of its series, points).
    preview: Option<(String, usize, Vec<[f64; 2]>)>,
}

/// What a fitted plot depends on: the document, the metric, the unit, the number of weeks and
/// the top of the data (as bits, so it can be compared exactly).
pub(super) type ExtentKey = (
    u64,
    crate::engine::Metric,
    crate::model::LoadUnit,
    usize,
    u64,
);

impl<'a> Drawn<'a> {
    /// The key of this chart's extent in document `document`.
    pub fn extent_key(&self, document: u64) -> ExtentKey {
        (
            document,
            self.data.metric,
            self.data.unit,
            self.xs.len(),
            self.y_top.to_bits(),
        )
    }

    /// The geometry of `data`.
    pub fn new(data: &'a ChartData, preview: Option<(u32, Vec<f64>)>) -> Drawn<'a> {
        let xs: Vec<f64> = data.weeks.iter().map(|w| f64::from(*w)).collect();
        let total_pts = xs
            .iter()
            .zip(&data.total)
            .map(|(x, y)| PlotPoint::new(*x, *y))
            .collect();
        let line_pts = data
            .series
            .iter()
            .map(|s| {
                xs.iter()
                    .zip(s.values.iter().zip(&s.active))
                    .filter(|(_, (_, active))| **active)
                    .map(|(x, (y, _))| PlotPoint::new(*x, *y))
                    .collect()
            })
            .collect();
        let mut base = vec![0.0; xs.len()];
        let mut stack = Vec::with_capacity(data.series.len());
        for s in &data.series {
            let upper: Vec<f64> = base.iter().zip(&s.values).map(|(b, v)| b + v).collect();
            stack.push((base, upper.clone()));
            base = upper;
        }
        let preview = preview.map(|(id, values)| {
            let index = data
                .series
                .iter()
                .position(|s| s.prescription_id == id)
                .unwrap_or(data.series.len());
            let name = data
                .series
                .get(index)
                .map_or_else(|| "Fitted".to_owned(), |s| format!("{} fitted", s.name));
            let pts: Vec<[f64; 2]> = xs
                .iter()
                .zip(&values)
                .filter(|(_, v)| **v > 0.0)
                .map(|(x, v)| [*x, *v])
                .collect();
            (name, index, pts)
        });
        let preview_top = preview
            .iter()
            .flat_map(|(_, _, pts)| pts.iter().map(|p| p[1]))
            .fold(0.0_f64, f64::max);
        let highest = data
            .total
            .iter()
            .chain(&base)
            .fold(preview_top, |a, b| a.max(*b));
        let y_top = if highest > 0.0 { highest * 1.18 } else { 1.0 };
        Drawn {
            data,
            preview,
            xs,
            total_pts,
            line_pts,
            stack,
            y_top,
        }
    }
}

/// Colour of series `i` (golden-ratio hues, as egui_plot picks them).
fn series_color(i: usize) -> Color32 {
    let h = (i as f32 * 0.618_034).fract();
    egui::ecolor::Hsva::new(h, 0.85, 0.5, 1.0).into()
}

/// Soft fill of phase band `i` (a little stronger on a dark background).
fn phase_color(i: usize, dark: bool) -> Color32 {
    const HUES: [(u8, u8, u8); 6] = [
        (66, 133, 244),
        (52, 168, 83),
        (251, 188, 5),
        (171, 71, 188),
        (0, 172, 193),
        (255, 112, 67),
    ];
    let (r, g, b) = HUES[i % HUES.len()];
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 40 } else { 26 })
}

/// Shown in the plot when no exercise of the plan counts in the metric.
const NOTHING_TO_SHOW: &str =
    "No exercise in this plan counts in this metric: choose another one above.";

/// Colour of the deload marks.
const DELOAD_COLOR: Color32 = crate::ui::style::DELOAD;

/// The x axis of a chart by week: labelled "Week", whole weeks from 1 only (shared by the
/// load chart and the progress chart).
pub(crate) fn week_x_axis() -> Vec<AxisHints<'static>> {
    vec![
        AxisHints::new_x()
            .label("Week")
            .formatter(week_tick)
            .label_spacing(24.0..=40.0),
    ]
}

/// Grid lines along a week axis: whole weeks only.
pub(crate) fn week_grid() -> impl Fn(GridInput) -> Vec<GridMark> {
    uniform_grid_spacer(week_steps)
}

/// Grid steps along the week axis: whole weeks only.
fn week_steps(input: GridInput) -> [f64; 3] {
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|s| *s >= input.base_step_size)
        .unwrap_or(100.0);
    [step, step * 5.0, step * 10.0]
}

/// Tick text on the week axis: whole weeks from 1, nothing in between.
fn week_tick(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let w = mark.value.round();
    if w >= 1.0 && (mark.value - w).abs() < 1e-6 {
        format!("{w:.0}")
    } else {
        String::new()
    }
}

/// The week nearest to x, if it is one of the `n` weeks.
fn week_at(x: f64, n: usize) -> Option<u32> {
    let w = x.round();
    (w >= 1.0 && w <= n as f64).then_some(w as u32)
}

/// The hover text at a position: the week's figures, and the load-spike findings of the week.
fn hover_text(
    drawn: &Drawn<'_>,
    projection: &Projection,
    findings: &[Finding],
    pos: &HoverPosition<'_>,
) -> Option<String> {
    let x = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.x
        }
    };
    let week = week_at(x, drawn.xs.len())?;
    let mut text = week_tooltip(drawn.data, projection, week as usize - 1)?;
    for f in findings
        .iter()
        .filter(|f| f.week == Some(week) && SPIKE_CODES.contains(&f.code))
    {
        text.push_str(&format!("\nLoad spike (heuristic): {}", f.message));
    }
    Some(text)
}

/// What the plot shows this frame besides the cached data.
pub(super) struct View<'a> {
    pub projection: &'a Projection,
    pub findings: &'a [Finding],
    pub stacked: bool,
    pub selected_week: u32,
    /// Fit the plot to the data this frame (forgetting the user's zoom): the plan, the metric,
    /// the unit or the data's extent changed.
    pub refit: bool,
}

/// Width of the legend beside the plot: room for its longest name (`longest` characters),
/// at most a quarter of the width (longer names end in "…").
fn legend_width(available: f32, longest: usize) -> f32 {
    // Colour mark, check box and scroll bar besides the name.
    const EXTRAS: f32 = 64.0;
    let wanted = longest.max(12) as f32 * CHAR_WIDTH_PX as f32 + EXTRAS;
    wanted.min(available * 0.3).max(140.0)
}

/// Draws the plot with its legend on the right; returns the week clicked, if any. `hidden`
/// names the series the legend hides.
pub(super) fn chart_ui(
    ui: &mut egui::Ui,
    drawn: &Drawn<'_>,
    view: &View<'_>,
    hidden: &mut BTreeSet<String>,
) -> PlotShown {
    let height = ui.available_height().max(80.0);
    let size = egui::vec2(ui.available_width(), height);
    let layout = egui::Layout::right_to_left(egui::Align::Min);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        // The legend first (at the right), so the plot can highlight the entry under the pointer.
        let spikes = spike_points(drawn, view.findings);
        let entries = legend_entries(ui, drawn, !spikes.is_empty());
        let longest = entries
            .iter()
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(0);
        let legend_size = egui::vec2(legend_width(size.x, longest), height);
        let legend = ui
            .allocate_ui_with_layout(
                legend_size,
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_size(legend_size);
                    legend_ui(ui, &entries, hidden)
                },
            )
            .inner;
        let show = Shown {
            hidden,
            highlight: legend.hovered.as_deref(),
        };
        plot_ui(ui, drawn, view, &spikes, &show)
    })
    .inner
}

/// The legend's entries: the total, each exercise, then the marks that the plan has.
fn legend_entries<'a>(ui: &egui::Ui, drawn: &Drawn<'a>, spikes: bool) -> Vec<Entry<'a>> {
    let data = drawn.data;
    let visuals = ui.visuals();
    let mut entries = vec![Entry {
        name: TOTAL_NAME,
        color: visuals.strong_text_color(),
        mark: Mark::Line,
    }];
    entries.extend(data.series.iter().enumerate().map(|(i, s)| Entry {
        name: s.name.as_str(),
        color: series_color(i),
        mark: Mark::Line,
    }));
    if !data.deload_weeks.is_empty() {
        entries.push(Entry {
            name: DELOAD_NAME,
            color: DELOAD_COLOR,
            mark: Mark::Dashed,
        });
    }
    if spikes {
        entries.push(Entry {
            name: SPIKE_NAME,
            color: visuals.warn_fg_color,
            mark: Mark::Triangle,
        });
    }
    entries
}

/// Which series are drawn, and which one is highlighted.
struct Shown<'a> {
    hidden: &'a BTreeSet<String>,
    highlight: Option<&'a str>,
}

impl Shown<'_> {
    fn shows(&self, name: &str) -> bool {
        !self.hidden.contains(name)
    }

    fn highlights(&self, name: &str) -> bool {
        self.highlight == Some(name)
    }
}

/// The load-spike markers: each flagged week at its total.
fn spike_points(drawn: &Drawn<'_>, findings: &[Finding]) -> Vec<[f64; 2]> {
    let total = &drawn.data.total;
    spike_weeks(findings, drawn.data.metric)
        .into_iter()
        .filter_map(|w| Some([f64::from(w), *total.get(w.checked_sub(1)? as usize)?]))
        .collect()
}

/// Draws the plot in the width `ui` has left; returns the week clicked, if any.
fn plot_ui(
    ui: &mut egui::Ui,
    drawn: &Drawn<'_>,
    view: &View<'_>,
    spikes: &[[f64; 2]],
    show: &Shown<'_>,
) -> PlotShown {
    let data = drawn.data;
    let n = drawn.xs.len();
    let (projection, findings) = (view.projection, view.findings);
    let mut plot = Plot::new("load_chart");
    if view.refit {
        plot = plot.reset();
    }
    let response = plot
        .custom_x_axes(week_x_axis())
        .y_axis_label(metric_label(data.metric, data.unit))
        .default_x_bounds(0.5, n as f64 + 0.5)
        .default_y_bounds(0.0, drawn.y_top)
        .x_grid_spacer(week_grid())
        .allow_scroll(false)
        .width(ui.available_width())
        .height(ui.available_height())
        .label_formatter(move |pos| hover_text(drawn, projection, findings, pos))
        .show(ui, |plot_ui| {
            backdrop(plot_ui, drawn, view.selected_week, show);
            figures(plot_ui, drawn, view.stacked, spikes, show);
        });
    let bounds = response.transform.bounds();
    let shown = [
        bounds.min()[0],
        bounds.max()[0],
        bounds.min()[1],
        bounds.max()[1],
    ];
    let r = &response.response;
    let clicked = r
        .clicked()
        .then(|| r.interact_pointer_pos())
        .flatten()
        .and_then(|pos| week_at(response.transform.value_from_position(pos).x, n));
    PlotShown { clicked, shown }
}

/// What the plot did this frame: the week clicked, and the bounds it showed
/// (x min, x max, y min, y max).
pub(super) struct PlotShown {
    pub clicked: Option<u32>,
    pub shown: [f64; 4],
}

/// Approximate width of one character of body text, in points.
const CHAR_WIDTH_PX: f64 = 7.5;

/// `name` shortened with "…" to fit `width_px`, or none when not even a few letters fit.
fn fit_to_width(name: &str, width_px: f64) -> Option<String> {
    let fits = (width_px / CHAR_WIDTH_PX).floor().max(0.0) as usize;
    let len = name.chars().count();
    if len <= fits {
        Some(name.to_owned())
    } else if fits >= 4 {
        Some(
            name.chars()
                .take(fits - 1)
                .chain(std::iter::once('…'))
                .collect(),
        )
    } else {
        None
    }
}

/// Behind the data: phase bands with their names, deload marks, the selected week.
fn backdrop<'a>(
    plot_ui: &mut PlotUi<'a>,
    drawn: &'a Drawn<'_>,
    selected_week: u32,
    show: &Shown<'_>,
) {
    let data = drawn.data;
    let n = drawn.xs.len();
    let dark = plot_ui.ctx().global_style().visuals.dark_mode;
    for (i, (name, first, last)) in data.phase_bands.iter().enumerate() {
        let (a, b) = (f64::from(*first) - 0.5, f64::from(*last) + 0.5);
        plot_ui.span(Span::new("", a..=b).fill(phase_color(i, dark)));
        // Fit the name to the band: long names on narrow bands would run into each other.
        let band_px = (b - a) * plot_ui.transform().dpos_dvalue_x().abs();
        let Some(fitted) = fit_to_width(name, band_px - 8.0) else {
            continue;
        };
        let at = PlotPoint::new((a + b) / 2.0, drawn.y_top);
        let label = egui::RichText::new(fitted).text_style(egui::TextStyle::Body);
        plot_ui.text(Text::new("", at, label).anchor(egui::Align2::CENTER_TOP));
    }
    if show.shows(DELOAD_NAME) {
        let highlight = show.highlights(DELOAD_NAME);
        for week in &data.deload_weeks {
            plot_ui.vline(
                VLine::new(DELOAD_NAME, f64::from(*week))
                    .color(DELOAD_COLOR)
                    .width(1.5)
                    .style(LineStyle::dashed_loose())
                    .highlight(highlight),
            );
        }
    }
    if (1..=n).contains(&(selected_week as usize)) {
        let color = plot_ui.ctx().global_style().visuals.selection.bg_fill;
        plot_ui.vline(
            VLine::new("", f64::from(selected_week))
                .color(color)
                .width(2.0),
        );
    }
}

/// The data: per-exercise lines or stacked areas, the total line and the load-spike markers,
/// each unless the legend hides it.
fn figures<'a>(
    plot_ui: &mut PlotUi<'a>,
    drawn: &'a Drawn<'_>,
    stacked: bool,
    spikes: &[[f64; 2]],
    show: &Shown<'_>,
) {
    let data = drawn.data;
    let n = drawn.xs.len();
    if let Some((name, index, pts)) = &drawn.preview {
        plot_ui.line(
            Line::new(name.as_str(), PlotPoints::new(pts.clone()))
                .color(series_color(*index))
                .width(2.5)
                .style(LineStyle::dashed_dense()),
        );
    }
    for (i, s) in data.series.iter().enumerate() {
        if !show.shows(&s.name) {
            continue;
        }
        let color = series_color(i);
        let highlight = show.highlights(&s.name);
        if stacked {
            let (lower, upper) = &drawn.stack[i];
            plot_ui.add(
                FilledArea::new(s.name.as_str(), &drawn.xs, lower, upper)
                    .fill_color(color.gamma_multiply(0.45))
                    .stroke(egui::Stroke::new(1.0, color))
                    .highlight(highlight),
            );
        } else {
            let pts = PlotPoints::Borrowed(&drawn.line_pts[i]);
            plot_ui.line(
                Line::new(s.name.as_str(), pts)
                    .color(color)
                    .width(1.5)
                    .highlight(highlight),
            );
        }
    }
    if data.total.iter().all(|v| *v <= 0.0) {
        let at = PlotPoint::new(n as f64 / 2.0 + 0.5, drawn.y_top / 2.0);
        let text = egui::RichText::new(NOTHING_TO_SHOW).text_style(egui::TextStyle::Body);
        plot_ui.text(Text::new("", at, text));
    }
    if show.shows(TOTAL_NAME) {
        let total_color = plot_ui.ctx().global_style().visuals.strong_text_color();
        plot_ui.line(
            Line::new(TOTAL_NAME, PlotPoints::Borrowed(&drawn.total_pts))
                .color(total_color)
                .width(2.5)
                .highlight(show.highlights(TOTAL_NAME)),
        );
    }
    if !spikes.is_empty() && show.shows(SPIKE_NAME) {
        let warn = plot_ui.ctx().global_style().visuals.warn_fg_color;
        plot_ui.points(
            Points::new(SPIKE_NAME, spikes.to_vec())
                .shape(MarkerShape::Up)
                .radius(7.0)
                .filled(true)
                .color(warn)
                .highlight(show.highlights(SPIKE_NAME)),
        );
    }
}
