//! Small widgets shared by panels: labelled number fields with units, so every number shows
//! its unit and is reachable by its label (AccessKit); the editors' form controls in `fields`;
//! the dose editor in `dose` (with its load rows in `load`); an exercise's photos in `photos`.

pub(crate) mod dose;
pub(crate) mod fields;
pub(crate) mod load;
pub mod photos;

/// A labelled drag value with a unit suffix. Returns true when the value changed.
/// `label` must be unique on screen (e.g. "Sets of Nordic hamstring curl").
pub fn number_u32(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
) -> bool {
    let text = ui.label(label);
    let mut dv = egui::DragValue::new(value).range(range).speed(0.1);
    if !unit.is_empty() {
        dv = dv.suffix(format!(" {unit}"));
    }
    ui.add(dv).labelled_by(text.id).changed()
}

/// A labelled drag value for a decimal with a unit suffix. Returns true when it changed.
pub fn number_f64(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
    unit: &str,
) -> bool {
    let text = ui.label(label);
    let mut dv = egui::DragValue::new(value)
        .range(range)
        .speed(speed)
        .max_decimals(2);
    if !unit.is_empty() {
        dv = dv.suffix(format!(" {unit}"));
    }
    ui.add(dv).labelled_by(text.id).changed()
}
