//! The window's colours for things that carry meaning, taken from the engine's palette so the
//! window and the PDF agree, and athlete mode's larger type.

use egui::Color32;

use crate::engine::palette::{self, Rgb};
use crate::engine::{PainZone, SessionState};

const fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// Deload weeks.
pub const DELOAD: Color32 = color(palette::DELOAD);

/// Green: pain 0-2, sessions done.
pub const GREEN: Color32 = color(palette::GREEN);
/// Amber: pain 3-5, sessions partly done, adjusted doses.
pub const AMBER: Color32 = color(palette::AMBER);
/// Red: too much pain, sessions missed.
pub const RED: Color32 = color(palette::RED);

/// The colour of a pain zone.
pub fn zone(zone: PainZone) -> Color32 {
    color(zone.color())
}

/// The colour of a session's state: green, amber, red, neutral.
pub fn state_color(ui: &egui::Ui, state: SessionState) -> Color32 {
    match state {
        SessionState::Done => GREEN,
        SessionState::Partial => AMBER,
        SessionState::Missed => RED,
        SessionState::Planned => ui.visuals().hyperlink_color,
        SessionState::Rest => ui.visuals().weak_text_color(),
    }
}

/// Larger text and check boxes for athlete mode.
pub fn athlete_style(ui: &mut egui::Ui) {
    let style = ui.style_mut();
    style.spacing.icon_width = 26.0;
    style.spacing.icon_width_inner = 16.0;
    style.spacing.interact_size.y = 30.0;
    style.spacing.item_spacing.y = 8.0;
    for (text_style, font) in &mut style.text_styles {
        match text_style {
            egui::TextStyle::Body | egui::TextStyle::Button => font.size = 18.0,
            egui::TextStyle::Heading => font.size = 26.0,
            _ => {}
        }
    }
}
