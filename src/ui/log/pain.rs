//! Pain pickers: 0-10 buttons in the colours of their zone (during, or the next morning, where
//! anything above settled is red), and "Settled".

use crate::engine::{Audience, PainZone};
use crate::model::PainLimits;
use crate::ui::style;

/// A row of 0-10 buttons in traffic-light colours, and "clear". Each button's accessible
/// label is `{label}: N`. Returns true when the value changed.
pub(super) fn pain_picker(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<u8>,
    limits: PainLimits,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let zones: Vec<String> = PainZone::ALL
            .iter()
            .map(|z| z.label(limits, Audience::Physio))
            .collect();
        ui.label("Pain during (0-10):").on_hover_text(format!(
            "{} (pain-monitoring model, Silbernagel 2007)",
            zones.join(", ")
        ));
        changed |= pain_buttons(ui, label, value, &|n| PainZone::during(n, limits));
    });
    changed
}

/// The buttons 0-10, each in the colour of its zone (`zone`: during or next morning).
fn pain_buttons(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<u8>,
    zone: &dyn Fn(u8) -> PainZone,
) -> bool {
    let mut changed = false;
    for n in 0..=10u8 {
        let selected = *value == Some(n);
        let color = style::zone(zone(n));
        let text = egui::RichText::new(n.to_string()).color(if selected {
            egui::Color32::WHITE
        } else {
            color
        });
        let mut button = egui::Button::new(text).selected(selected);
        if selected {
            button = button.fill(color);
        }
        let response = ui.add(button);
        let name = format!("{label}: {n}");
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
        if response.clicked() {
            *value = if selected { None } else { Some(n) };
            changed = true;
        }
    }
    changed
}

/// "Settled" or a 0-10 rating for the next morning.
pub(super) fn next_morning_picker(
    ui: &mut egui::Ui,
    label: &str,
    rating: &mut Option<u8>,
    settled: &mut bool,
    limits: PainLimits,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Next morning:")
            .on_hover_text(format!(
                "Pain should have settled (back to {}) by the next morning; above that, the next session is made easier",
                PainZone::Green.range(limits)
            ));
        let mut button = egui::Button::new(egui::RichText::new("Settled").color(if *settled {
            egui::Color32::WHITE
        } else {
            style::GREEN
        }))
        .selected(*settled);
        if *settled {
            button = button.fill(style::GREEN);
        }
        let response = ui
            .add(button)
            .on_hover_text("Back to the usual level by the next morning");
        let name = format!("{label}: settled");
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, *settled, &name)
        });
        if response.clicked() {
            *settled = !*settled;
            *rating = None;
            changed = true;
        }
        let mut value = if *settled { None } else { *rating };
        if pain_buttons(ui, label, &mut value, &|n| PainZone::next_morning(n, limits)) {
            *rating = value;
            *settled = false;
            changed = true;
        }
    });
    changed
}
