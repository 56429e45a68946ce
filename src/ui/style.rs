//! The window's colours for things that carry meaning, taken from the engine's palette so the
//! window and the PDF agree.

use egui::Color32;

use crate::engine::palette::{self, Rgb};

const fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// Deload weeks.
pub const DELOAD: Color32 = color(palette::DELOAD);
