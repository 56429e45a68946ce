//! The three progress charts, drawn with egui_plot from the read model's figures: planned
//! against done load by week (`load`), pain during and the next morning over time on the green,
//! amber and red bands of the pain-monitoring model (`pain`), and PROM scores over time with the
//! smallest-detectable-change band around each measure's baseline (`prom`). Each chart has a
//! heading, a legend row above it (so no legend covers data), axis labels with units and a hover
//! text. This module holds what they share: names, axes, the static plot and its description.

mod load;
mod pain;
mod prom;
mod style;

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use egui::WidgetInfo;
use egui::accesskit::Role;
use egui_plot::{GridInput, GridMark, HoverPosition, Plot};

use super::data::{date_of_day, day_number, short_date, spans_years};

pub use load::load_chart;
pub use pain::pain_chart;
pub use prom::{PromView, no_sdc_words, prom_chart};
pub use style::prom_color;

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

/// The x range that shows every date and today, with a little room either side.
pub(super) fn date_range(dates: impl Iterator<Item = NaiveDate>, today_x: f64) -> (f64, f64) {
    let (lo, hi) = dates
        .map(day_number)
        .fold((today_x, today_x), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let pad = ((hi - lo) * 0.04).max(2.0);
    (lo - pad, hi + pad)
}

/// Grid steps along a date axis: days, weeks (Mondays), 4 weeks, quarters, years.
pub(super) fn day_steps(input: GridInput) -> [f64; 3] {
    const STEPS: [f64; 7] = [1.0, 7.0, 28.0, 91.0, 364.0, 1820.0, 3640.0];
    let i = STEPS
        .iter()
        .position(|s| *s >= input.base_step_size)
        .unwrap_or(STEPS.len())
        .min(STEPS.len() - 3);
    [STEPS[i], STEPS[i + 1], STEPS[i + 2]]
}

/// Tick text on a date axis: `12 Jan` (with the year when the axis spans two).
pub(super) fn date_tick(mark: GridMark, range: &RangeInclusive<f64>) -> String {
    let v = mark.value.round();
    if (mark.value - v).abs() > 1e-6 {
        return String::new();
    }
    date_of_day(v).map_or_else(String::new, |d| {
        short_date(d, spans_years(*range.start(), *range.end()))
    })
}

/// Integer ticks on the pain axis.
pub(super) fn pain_tick(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    let v = mark.value.round();
    if (0.0..=10.0).contains(&v) && (mark.value - v).abs() < 1e-6 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// A static plot (hover only: the page scrolls under the wheel, nothing pans by accident).
pub(super) fn static_plot(id: &str) -> Plot<'_> {
    // Reset every frame: the plot cannot be zoomed, so it always fits today's data (egui would
    // otherwise keep the bounds of the first plan it showed, even across runs).
    Plot::new(id)
        .reset()
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
}

/// Gives a plot its accessible name (a screen reader hears what the chart shows).
pub(super) fn describe(response: &egui::Response, words: String) {
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, words.clone()));
}

/// The x of a hover position.
pub(super) fn hover_x(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.x
        }
    }
}

/// The y of a hover position.
pub(super) fn hover_y(pos: &HoverPosition<'_>) -> f64 {
    match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
            position.y
        }
    }
}
