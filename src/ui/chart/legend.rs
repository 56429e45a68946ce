//! The chart's legend, beside the plot rather than over it: one check box per series (the total,
//! each exercise, the deload marks and the load-spike markers) with its colour, to hide or show
//! it, and buttons to show or hide them all. A plan with dozens of exercises gets a scrolling
//! list of which only the rows in view are laid out.

use std::collections::BTreeSet;

use egui::{Color32, Sense, Stroke};

/// How a series is drawn, as its legend entry shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// A line (or a stacked area's edge).
    Line,
    /// Dashed vertical lines.
    Dashed,
    /// Triangle markers.
    Triangle,
}

/// One legend entry: the series' unique name, its colour and mark.
pub(super) struct Entry<'a> {
    pub name: &'a str,
    pub color: Color32,
    pub mark: Mark,
}

/// What the legend did this frame.
#[derive(Default)]
pub(super) struct LegendOutput {
    /// The entry under the pointer, whose series the plot highlights.
    pub hovered: Option<String>,
}

/// Width of the colour mark before each check box.
const SWATCH_WIDTH: f32 = 14.0;

/// Draws the legend in the space `ui` offers; `hidden` holds the names of hidden series.
pub(super) fn legend_ui(
    ui: &mut egui::Ui,
    entries: &[Entry<'_>],
    hidden: &mut BTreeSet<String>,
) -> LegendOutput {
    let mut out = LegendOutput::default();
    ui.horizontal(|ui| {
        ui.strong("Legend");
        let all_shown = hidden.is_empty();
        let show = ui
            .add_enabled(!all_shown, egui::Button::new("All").small())
            .accessible_name("Show every series")
            .on_hover_text("Show every series");
        if show.clicked() {
            hidden.clear();
        }
        let all_hidden = entries.iter().all(|e| hidden.contains(e.name));
        let hide = ui
            .add_enabled(!all_hidden, egui::Button::new("None").small())
            .accessible_name("Hide every series")
            .on_hover_text("Hide every series");
        if hide.clicked() {
            hidden.extend(entries.iter().map(|e| e.name.to_owned()));
        }
    });
    let row_height = ui.spacing().interact_size.y;
    // A bar that shows without hovering says there are more entries below.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::thin();
    egui::ScrollArea::vertical()
        .id_salt("chart_legend_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, entries.len(), |ui, rows| {
            // Long exercise names end in "…" rather than widen the legend.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for entry in entries.get(rows).unwrap_or_default() {
                let r = entry_ui(ui, entry, hidden, row_height);
                if r.hovered() {
                    out.hovered = Some(entry.name.to_owned());
                }
            }
        });
    out
}

/// A colour mark and a check box named after the series.
fn entry_ui(
    ui: &mut egui::Ui,
    entry: &Entry<'_>,
    hidden: &mut BTreeSet<String>,
    row_height: f32,
) -> egui::Response {
    ui.horizontal(|ui| {
        let mut shown = !hidden.contains(entry.name);
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(SWATCH_WIDTH, row_height), Sense::hover());
        let color = if shown {
            entry.color
        } else {
            entry.color.gamma_multiply(0.3)
        };
        paint_mark(ui.painter(), rect, entry.mark, color);
        let r = ui
            .checkbox(&mut shown, entry.name)
            .on_hover_text(format!("Show or hide {} in the chart", entry.name));
        if r.changed() {
            if shown {
                hidden.remove(entry.name);
            } else {
                hidden.insert(entry.name.to_owned());
            }
        }
        r
    })
    .inner
}

/// The colour mark of an entry, centred in `rect`.
fn paint_mark(painter: &egui::Painter, rect: egui::Rect, mark: Mark, color: Color32) {
    let c = rect.center();
    let (left, right) = (rect.left() + 1.0, rect.right() - 1.0);
    match mark {
        Mark::Line => {
            painter.line_segment(
                [egui::pos2(left, c.y), egui::pos2(right, c.y)],
                Stroke::new(3.0, color),
            );
        }
        Mark::Dashed => {
            let shapes = egui::Shape::dashed_line(
                &[egui::pos2(c.x, c.y - 6.0), egui::pos2(c.x, c.y + 6.0)],
                Stroke::new(1.5, color),
                3.0,
                2.0,
            );
            painter.extend(shapes);
        }
        Mark::Triangle => {
            let points = vec![
                egui::pos2(c.x, c.y - 5.0),
                egui::pos2(c.x + 5.0, c.y + 4.0),
                egui::pos2(c.x - 5.0, c.y + 4.0),
            ];
            painter.add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
        }
    }
}
