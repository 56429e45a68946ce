//! The report's projected load chart, drawn as vectors: phase bands behind, deload weeks
//! shaded where the plotted metric actually drops, axes with ticks and week labels, the weekly
//! total as a thick grey line when two or more exercises count (so a single exercise is never
//! hidden under it), one line per prescription on top, then a legend and what the metric
//! counts (`Metric::includes`). Volume load is in the unit asked for.

use crate::engine::chart::{metric_label, unit_factor};
use crate::engine::{Metric, Projection};
use crate::model::{Plan, fmt_num};

use super::Ctx;
use super::canvas::{BLACK, GREY, Pen, RULE, Rgb, TextStyle};
use super::flow::Flow;
use super::{exercise_name, phase_runs};

/// Colour of the total's line: grey, so the exercises' lines drawn over it stay visible.
const TOTAL: Rgb = Rgb(150, 150, 150);

/// Height of the plot area in points.
const PLOT_HEIGHT: f32 = 250.0;
/// Room left of the plot for the value labels.
const AXIS_LEFT: f32 = 46.0;
/// Colour of deload weeks.
const DELOAD: Rgb = Rgb::of(crate::engine::palette::DELOAD);
/// Phase band hues, as in the window's chart.
const PHASE_HUES: [Rgb; 6] = [
    Rgb(66, 133, 244),
    Rgb(52, 168, 83),
    Rgb(251, 188, 5),
    Rgb(171, 71, 188),
    Rgb(0, 172, 193),
    Rgb(255, 112, 67),
];

/// One prescription's figures by week (`None` where it is not active).
struct Series {
    name: String,
    values: Vec<Option<f64>>,
}

/// `c` mixed with white: `amount` 0 is white, 1 is `c`.
fn tint(c: Rgb, amount: f32) -> Rgb {
    let mix = |v: u8| (255.0 - (255.0 - f32::from(v)) * amount).round() as u8;
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

/// Colour of series `i`: golden-ratio hues, as the window's chart picks them.
fn series_color(i: usize) -> Rgb {
    let h = (i as f32 * 0.618_034).fract() * 6.0;
    let (s, v) = (0.85_f32, 0.55_f32);
    let c = v * s;
    let x = c * (1.0 - ((h % 2.0) - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let to = |f: f32| ((f + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb(to(r), to(g), to(b))
}

/// A round step near `raw`: 1, 2 or 5 times a power of ten.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

fn series(plan: &Plan, projection: &Projection, metric: Metric, k: f64) -> Vec<Series> {
    plan.prescriptions
        .iter()
        .filter_map(|rx| {
            let values: Vec<Option<f64>> = projection
                .weeks
                .iter()
                .map(|wp| {
                    wp.items
                        .iter()
                        .find(|i| i.prescription_id == rx.id)
                        .map(|i| i.metrics.get(metric) * k)
                })
                .collect();
            values.iter().flatten().any(|v| *v > 0.0).then(|| Series {
                name: exercise_name(plan, &rx.exercise),
                values,
            })
        })
        .collect()
}

/// Where the plot sits on the page and how values map onto it.
struct Frame {
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    /// Width of one week.
    slot: f32,
    weeks: usize,
    y_max: f64,
    step: f64,
}

impl Frame {
    /// x of the middle of week `week` (1-based).
    fn x(&self, week: usize) -> f32 {
        self.x0 + (week as f32 - 0.5) * self.slot
    }

    /// y of value `v`.
    fn y(&self, v: f64) -> f32 {
        self.bottom - (v / self.y_max) as f32 * PLOT_HEIGHT
    }
}

/// Draws the chart section (on a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>, metric: Metric) {
    let (plan, projection) = (ctx.plan, ctx.projection);
    flow.section("Projected load");
    flow.paragraph(
        &format!("{} per week, as planned", metric_label(metric, ctx.unit)),
        TextStyle::bold(11.0),
        0.0,
    );
    flow.gap(16.0);
    let k = unit_factor(metric, ctx.unit);
    let all = series(plan, projection, metric, k);
    let total: Vec<f64> = projection
        .weeks
        .iter()
        .map(|w| w.totals.get(metric) * k)
        .collect();
    let drops: Vec<u32> = projection
        .weeks
        .iter()
        .enumerate()
        .filter(|(i, w)| w.deload && *i > 0 && total[*i] < total[*i - 1] - 1e-9)
        .map(|(_, w)| w.week)
        .collect();
    let highest = total.iter().copied().fold(0.0_f64, f64::max);
    // Headroom above the highest week keeps the lines clear of the phase names.
    let step = nice_step(highest * 1.12 / 6.0);
    let weeks = projection.weeks.len().max(1);
    let (x0, x1) = (flow.left() + AXIS_LEFT, flow.canvas.geo.right - 4.0);
    let frame = Frame {
        x0,
        x1,
        top: flow.y,
        bottom: flow.y + PLOT_HEIGHT,
        slot: (x1 - x0) / weeks as f32,
        weeks,
        y_max: if highest > 0.0 {
            (highest * 1.12 / step).ceil() * step
        } else {
            5.0
        },
        step,
    };
    bands(flow, &frame, projection, &drops);
    axes(flow, &frame);
    let show_total = all.len() >= 2;
    lines(flow, &frame, &all, show_total.then_some(&total[..]));
    if highest <= 0.0 {
        let msg = "No exercise in this plan counts in this metric.";
        let w = flow.fonts.width(msg, 10.0);
        flow.canvas.text(
            (x0 + x1 - w) / 2.0,
            frame.top + PLOT_HEIGHT / 2.0,
            TextStyle::plain(10.0).color(GREY),
            msg,
        );
    }
    flow.y = frame.bottom + 34.0;
    legend(flow, &all, show_total, !drops.is_empty());

    flow.gap(6.0);
    let note = TextStyle::plain(8.5).color(GREY);
    flow.paragraph(
        &format!("What this counts: {}", metric.includes()),
        note,
        0.0,
    );
    if !all.is_empty() {
        let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
        flow.paragraph(&format!("Counted here: {}.", names.join(", ")), note, 0.0);
    }
}

/// Phase bands, the deload weeks where the metric drops, and the phases' names on top.
fn bands(flow: &mut Flow<'_>, f: &Frame, projection: &Projection, drops: &[u32]) {
    let label = TextStyle::plain(7.5).color(GREY);
    let mut names = Vec::new();
    for (i, run) in phase_runs(projection).iter().enumerate() {
        let Some(name) = &run.name else { continue };
        let bx = f.x0 + (run.first - 1) as f32 * f.slot;
        let bw = (run.last - run.first + 1) as f32 * f.slot;
        let color = tint(PHASE_HUES[i % PHASE_HUES.len()], 0.13);
        flow.canvas
            .rect(bx, f.top, bw, PLOT_HEIGHT, Some(color), None);
        if bw > 24.0 {
            names.push((bx + 2.0, flow.fonts.fit(name, label.size, false, bw - 4.0)));
        }
    }
    for week in drops {
        let bx = f.x0 + (week - 1) as f32 * f.slot;
        flow.canvas.rect(
            bx,
            f.top,
            f.slot,
            PLOT_HEIGHT,
            Some(tint(DELOAD, 0.28)),
            None,
        );
    }
    for (x, name) in names {
        flow.canvas.text(x, f.top + 9.0, label, name);
    }
}

/// Value grid with labels, week ticks with labels, the axes and their title.
fn axes(flow: &mut Flow<'_>, f: &Frame) {
    let small = TextStyle::plain(7.5);
    let mut v = 0.0;
    while v <= f.y_max + f.step * 0.01 {
        let y = f.y(v);
        flow.canvas
            .line((f.x0, y), (f.x1, y), Pen::solid(RULE, 0.4));
        let text = fmt_num(v);
        let w = flow.fonts.width(&text, small.size);
        flow.canvas.text(f.x0 - 4.0 - w, y + 2.5, small, text);
        v += f.step;
    }
    let every = match f.weeks {
        0..=20 => 1,
        21..=40 => 2,
        41..=80 => 4,
        n => n.div_ceil(20),
    };
    for week in 1..=f.weeks {
        let x = f.x(week);
        let long = week == 1 || week % every == 0;
        let tick = if long { 4.0 } else { 2.0 };
        flow.canvas
            .line((x, f.bottom), (x, f.bottom + tick), Pen::solid(BLACK, 0.5));
        if long {
            let text = week.to_string();
            let w = flow.fonts.width(&text, small.size);
            flow.canvas.text(x - w / 2.0, f.bottom + 12.0, small, text);
        }
    }
    let axis = Pen::solid(BLACK, 0.8);
    flow.canvas.line((f.x0, f.top), (f.x0, f.bottom), axis);
    flow.canvas.line((f.x0, f.bottom), (f.x1, f.bottom), axis);
    let title = "Week";
    let w = flow.fonts.width(title, 8.5);
    flow.canvas.text(
        (f.x0 + f.x1 - w) / 2.0,
        f.bottom + 24.0,
        TextStyle::plain(8.5),
        title,
    );
}

/// The total as a thick grey line (when given), then one line per prescription on top of it.
fn lines(flow: &mut Flow<'_>, f: &Frame, all: &[Series], total: Option<&[f64]>) {
    if let Some(total) = total {
        let mut points: Vec<(f32, f32)> = total
            .iter()
            .enumerate()
            .map(|(i, v)| (f.x(i + 1), f.y(*v)))
            .collect();
        flush(flow, &mut points, Pen::solid(TOTAL, 3.2));
    }
    for (i, s) in all.iter().enumerate() {
        let pen = Pen::solid(series_color(i), 1.1);
        let mut run: Vec<(f32, f32)> = Vec::new();
        for (week, value) in s.values.iter().enumerate() {
            match value {
                Some(v) => run.push((f.x(week + 1), f.y(*v))),
                None => flush(flow, &mut run, pen),
            }
        }
        flush(flow, &mut run, pen);
    }
}

/// Draws a finished run of points (a dot for a single week) and empties it.
fn flush(flow: &mut Flow<'_>, run: &mut Vec<(f32, f32)>, pen: Pen) {
    if run.len() == 1 {
        let (x, y) = run[0];
        flow.canvas
            .rect(x - 1.5, y - 1.5, 3.0, 3.0, Some(pen.color), None);
    }
    flow.canvas.polyline(std::mem::take(run), pen);
}

/// The legend: total, deload weeks and each prescription, wrapped over as many lines as needed.
fn legend(flow: &mut Flow<'_>, all: &[Series], total: bool, deload: bool) {
    let style = TextStyle::plain(8.0);
    let line_h = 12.0;
    let mut entries: Vec<(String, Rgb, f32, bool)> = Vec::new();
    if total {
        entries.push(("Total".to_owned(), TOTAL, 3.2, false));
    }
    if deload {
        entries.push((
            "Deload week (load drops)".to_owned(),
            tint(DELOAD, 0.28),
            0.0,
            true,
        ));
    }
    for (i, s) in all.iter().enumerate() {
        entries.push((s.name.clone(), series_color(i), 1.1, false));
    }
    let right = flow.canvas.geo.right;
    let mut x = flow.left();
    flow.ensure(line_h);
    for (name, color, width, swatch) in entries {
        let text = flow.fonts.fit(&name, style.size, false, 170.0);
        let w = 20.0 + flow.fonts.width(&text, style.size) + 12.0;
        if x + w > right && x > flow.left() {
            flow.y += line_h;
            flow.ensure(line_h);
            x = flow.left();
        }
        let y = flow.y + line_h / 2.0;
        if swatch {
            flow.canvas.rect(x, y - 4.0, 16.0, 8.0, Some(color), None);
        } else {
            flow.canvas
                .line((x, y), (x + 16.0, y), Pen::solid(color, width));
        }
        flow.canvas.text(x + 20.0, y + 3.0, style, text);
        x += w;
    }
    flow.y += line_h;
}
