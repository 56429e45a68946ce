//! A picture of an exercise in the window: a [`Drawing`] scaled into a rectangle and painted
//! with the painter, on a card the colour of paper in the current theme, its tones in the
//! theme's colours (near limbs in the strongest text colour, far limbs and the faint start
//! position blended towards the card, arrows in the accent colour), so it reads in dark and
//! light mode alike.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape as Paint, Stroke, Vec2};

use crate::figure::{Drawing, OUTLINE, Shape, Tone, svg};

/// The colour of `tone` on a card of colour `paper`.
pub fn tone_color(visuals: &egui::Visuals, paper: Color32, tone: Tone) -> Color32 {
    let ink = visuals.strong_text_color();
    match tone {
        Tone::Near => ink,
        Tone::Far => ink.lerp_to_gamma(paper, 0.5),
        Tone::Ghost => ink.lerp_to_gamma(paper, 0.8),
        Tone::Prop => visuals.text_color().lerp_to_gamma(paper, 0.4),
        Tone::Mark => visuals.hyperlink_color,
        Tone::Paper => paper,
    }
}

/// Draws `drawing` `width` wide (as tall as its aspect makes it) on a paper-coloured card;
/// `alt` names the picture for screen readers and as its tooltip.
pub fn figure_ui(ui: &mut egui::Ui, drawing: &Drawing, width: f32, alt: &str) -> egui::Response {
    let aspect = drawing.height / drawing.width.max(1e-3);
    let size = Vec2::new(width, width * aspect);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let paper = visuals.extreme_bg_color;
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, paper);
        // A little inset so the floor line, centred on the frame's bottom edge, shows whole.
        paint(&painter, rect.shrink(4.0), drawing, |t| {
            tone_color(visuals, paper, t)
        });
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, alt));
    response.on_hover_text(alt)
}

/// The pictures of `exercise` as `dose` prescribes it, in a row `height` points tall: the
/// program's drawing (its side and hold time) and the physio's photos beside it.
pub fn exercise_pictures_ui(
    ui: &mut egui::Ui,
    exercise: &crate::model::Exercise,
    dose: &crate::model::Dose,
    injured: Option<crate::model::Limb>,
    height: f32,
) {
    let drawing = crate::figure::figure_for_dose(exercise, dose, injured);
    if drawing.is_none() && exercise.photos.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(d) = &drawing {
            let width = height * d.width / d.height.max(1e-3);
            figure_ui(ui, d, width, &format!("Picture of {}", exercise.name));
        }
        crate::ui::widgets::photos::photos_ui(ui, exercise, height);
    });
}

/// Paints `drawing` scaled to fit `rect` (y up in the drawing, down on screen), each tone in
/// the colour `color` gives it.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    drawing: &Drawing,
    color: impl Fn(Tone) -> Color32,
) {
    let k = (rect.width() / drawing.width).min(rect.height() / drawing.height);
    let origin = Pos2::new(
        rect.center().x - drawing.width * k / 2.0,
        rect.center().y + drawing.height * k / 2.0,
    );
    let at = |p: [f32; 2]| Pos2::new(origin.x + p[0] * k, origin.y - p[1] * k);
    for shape in &drawing.shapes {
        match shape {
            Shape::Capsule { a, b, radius, tone } => {
                let c = color(*tone);
                let r = radius * k;
                painter.line_segment([at(*a), at(*b)], Stroke::new(2.0 * r, c));
                painter.circle_filled(at(*a), r, c);
                painter.circle_filled(at(*b), r, c);
            }
            Shape::Circle {
                centre,
                radius,
                tone,
                filled,
            } => {
                let c = color(*tone);
                if *filled {
                    painter.circle_filled(at(*centre), radius * k, c);
                } else {
                    painter.circle_stroke(at(*centre), radius * k, Stroke::new(OUTLINE * k, c));
                }
            }
            Shape::Polygon {
                points,
                tone,
                filled,
            } => {
                let c = color(*tone);
                let points: Vec<Pos2> = points.iter().map(|p| at(*p)).collect();
                if *filled {
                    painter.add(Paint::convex_polygon(points, c, Stroke::NONE));
                } else {
                    painter.add(Paint::closed_line(points, Stroke::new(OUTLINE * k, c)));
                }
            }
            Shape::Line {
                points,
                width,
                tone,
            } => {
                let c = color(*tone);
                let w = width * k;
                let points: Vec<Pos2> = points.iter().map(|p| at(*p)).collect();
                // Round ends and joints, as the other renderers draw them.
                for p in &points {
                    painter.circle_filled(*p, w / 2.0, c);
                }
                painter.line(points, Stroke::new(w, c));
            }
            Shape::ArrowHead {
                tip,
                direction,
                size,
                tone,
            } => {
                let corners = svg::arrow_head(*tip, *direction, *size);
                let points = corners.iter().map(|p| at(*p)).collect();
                painter.add(Paint::convex_polygon(points, color(*tone), Stroke::NONE));
            }
            Shape::Text {
                at: pos,
                text,
                size,
                tone,
            } => {
                // `at` is the left end of the baseline; egui anchors at the text's box.
                let font = FontId::proportional(size * k);
                let baseline = at(*pos) + Vec2::new(0.0, 0.22 * size * k);
                painter.text(baseline, Align2::LEFT_BOTTOM, text, font, color(*tone));
            }
        }
    }
}
