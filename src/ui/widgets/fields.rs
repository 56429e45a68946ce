//! Small labelled controls the prescription and rule editors share: drag values with their
//! label and unit, optional values switched on by a checkbox, and text fields that edit a value
//! through a parsed text form (showing what is wrong in red instead of changing the plan).
//! Every control gets an accessible name that is unique on screen and a tooltip.

use std::ops::RangeInclusive;

use egui::emath::Numeric;
use egui::{DragValue, Id, Response, TextEdit, Ui};

/// Width of the label column of the editor's forms, so their fields line up.
pub(crate) const LABEL_WIDTH: f32 = 130.0;

/// A number field: its visible label, unit text, tooltip and drag speed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field<'a> {
    pub label: &'a str,
    pub tip: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    pub speed: f64,
}

impl<'a> Field<'a> {
    /// A field labelled `label` with tooltip `tip`, no unit, speed 0.1 per pixel.
    pub(crate) fn new(label: &'a str, tip: &'a str) -> Self {
        Field {
            label,
            tip,
            prefix: "",
            suffix: "",
            speed: 0.1,
        }
    }

    /// The unit shown after the number (with its leading space: " kg").
    pub(crate) fn suffix(mut self, suffix: &'a str) -> Self {
        self.suffix = suffix;
        self
    }

    /// Text shown before the number ("RPE ").
    pub(crate) fn prefix(mut self, prefix: &'a str) -> Self {
        self.prefix = prefix;
        self
    }

    /// Change per pixel dragged.
    pub(crate) fn speed(mut self, speed: f64) -> Self {
        self.speed = speed;
        self
    }

    fn drag_value<'v, N: Numeric>(
        &self,
        value: &'v mut N,
        range: RangeInclusive<N>,
    ) -> DragValue<'v> {
        let dv = DragValue::new(value)
            .range(range)
            // Showing a value never changes it; only what the user types or drags is clamped.
            .clamp_existing_to_range(false)
            .speed(self.speed)
            .prefix(self.prefix.to_owned())
            .suffix(self.suffix.to_owned());
        if N::INTEGRAL {
            dv.fixed_decimals(0)
        } else {
            // As few decimals as the value needs (at most two): "1 reps", "4.5 kg", "9.92 lb".
            dv.custom_formatter(|x, _| crate::model::fmt_num(x))
        }
    }
}

/// The label and drag value of `field` (no grid row end). Returns true when the value changed.
pub(crate) fn drag<N: Numeric>(
    ui: &mut Ui,
    field: &Field<'_>,
    value: &mut N,
    range: RangeInclusive<N>,
) -> bool {
    let label = ui.label(field.label);
    ui.add(field.drag_value(value, range))
        .labelled_by(label.id)
        .on_hover_text(field.tip)
        .changed()
}

/// A grid row: the label, then the drag value. Returns true when the value changed.
pub(crate) fn drag_row<N: Numeric>(
    ui: &mut Ui,
    field: &Field<'_>,
    value: &mut N,
    range: RangeInclusive<N>,
) -> bool {
    let changed = drag(ui, field, value, range);
    ui.end_row();
    changed
}

/// A grid row for an optional number: the label, a checkbox named `toggle` that sets or clears
/// the value (starting from `default`), then the drag value while it is set.
pub(crate) fn optional_row<N: Numeric>(
    ui: &mut Ui,
    field: &Field<'_>,
    toggle: &str,
    value: &mut Option<N>,
    default: N,
    range: RangeInclusive<N>,
) -> bool {
    let label = ui.label(field.label);
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut on = value.is_some();
        if ui
            .checkbox(&mut on, "")
            .accessible_name(toggle)
            .on_hover_text(format!("{toggle}: tick to set it, untick to leave it out"))
            .changed()
        {
            *value = on.then_some(default);
            changed = true;
        }
        match value {
            Some(v) => {
                changed |= ui
                    .add(field.drag_value(v, range))
                    .labelled_by(label.id)
                    .on_hover_text(field.tip)
                    .changed();
            }
            None => {
                ui.weak("not set");
            }
        }
    });
    ui.end_row();
    changed
}

/// What a parsed text field did this frame.
pub(crate) struct Parsed<T> {
    pub response: Response,
    /// The new value, when the text was changed to something valid.
    pub value: Option<T>,
    /// Why the text is not valid (kept until it is corrected).
    pub error: Option<String>,
}

/// The text being typed into a parsed field, and the value text it was last in step with.
#[derive(Clone, Default)]
struct TextBuf {
    synced: String,
    text: String,
    error: Option<String>,
}

/// A single-line text field editing a value through its text form `current`. Valid text
/// returns the parsed value (and the field keeps what was typed); invalid text is shown in red
/// and returns the reason, leaving the value alone. When the value changes elsewhere (undo),
/// the field shows the new text.
pub(crate) fn parsed_text<T>(
    ui: &mut Ui,
    id: Id,
    current: String,
    width: f32,
    parse: impl Fn(&str) -> Result<T, String>,
    format: impl Fn(&T) -> String,
) -> Parsed<T> {
    let key = id.with("parsed_text");
    let mut buf: TextBuf = ui.data_mut(|d| d.get_temp(key)).unwrap_or_default();
    if buf.synced != current {
        buf = TextBuf {
            synced: current.clone(),
            text: current,
            error: None,
        };
    }
    let mut edit = TextEdit::singleline(&mut buf.text)
        .id(id)
        .desired_width(width);
    if buf.error.is_some() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized(egui::vec2(width, height), edit);
    let mut value = None;
    if response.changed() {
        match parse(&buf.text) {
            Ok(v) => {
                buf.synced = format(&v);
                buf.error = None;
                value = Some(v);
            }
            Err(e) => buf.error = Some(e),
        }
    }
    if !response.has_focus() && buf.error.is_none() && buf.text != buf.synced {
        buf.text = buf.synced.clone();
    }
    let error = buf.error.clone();
    ui.data_mut(|d| d.insert_temp(key, buf));
    Parsed {
        response,
        value,
        error,
    }
}

/// The small pictures drawn on icon buttons (the default fonts have no arrow glyphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Icon {
    Up,
    Down,
    Duplicate,
    Delete,
}

/// A small square button with a drawn icon, named `name` for screen readers and tests, with
/// tooltip `tip`. Disabled buttons are greyed out and do not react.
pub(crate) fn icon_button(
    ui: &mut Ui,
    icon: Icon,
    enabled: bool,
    name: &str,
    tip: &str,
) -> Response {
    let side = ui.spacing().interact_size.y;
    let response = ui
        .add_enabled(
            enabled,
            egui::Button::new("").min_size(egui::vec2(side, side)),
        )
        .accessible_name(name)
        .on_hover_text(tip);
    if ui.is_rect_visible(response.rect) {
        let color = if enabled {
            ui.style().interact(&response).fg_stroke.color
        } else {
            ui.visuals().weak_text_color()
        };
        paint_icon(ui.painter(), icon, response.rect.shrink(side * 0.28), color);
    }
    response
}

fn paint_icon(painter: &egui::Painter, icon: Icon, r: egui::Rect, color: egui::Color32) {
    use egui::{Shape, Stroke, pos2};
    let stroke = Stroke::new(1.4, color);
    match icon {
        Icon::Up => {
            let points = vec![
                pos2(r.center().x, r.top()),
                r.right_bottom(),
                r.left_bottom(),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
        Icon::Down => {
            let points = vec![r.left_top(), r.right_top(), pos2(r.center().x, r.bottom())];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
        Icon::Duplicate => {
            let w = r.width() * 0.68;
            let back = egui::Rect::from_min_size(r.left_top(), egui::vec2(w, w));
            let front =
                egui::Rect::from_min_size(r.right_bottom() - egui::vec2(w, w), egui::vec2(w, w));
            painter.rect_stroke(back, 1.0, stroke, egui::StrokeKind::Inside);
            painter.rect_filled(front, 1.0, color);
        }
        Icon::Delete => {
            painter.line_segment([r.left_top(), r.right_bottom()], stroke);
            painter.line_segment([r.right_top(), r.left_bottom()], stroke);
        }
    }
}
