//! Drawing and interaction of the week ruler and the phase bands.

use egui::{
    Color32, CursorIcon, Rect, Sense, Stroke, StrokeKind, Vec2, WidgetInfo, accesskit::Role, pos2,
    vec2,
};

use super::geometry::{DragMode, Ruler, dragged_range, lanes};
use super::{BandDrag, PhaseTimeline};
use crate::command::{Command, Edit};
use crate::model::{Phase, Plan, WeekRange};
use crate::ui::Selection;

/// Fewest week columns shown, so short plans still read as a timeline.
const MIN_WEEKS: u32 = 12;
/// Narrowest week column; wider plans scroll sideways.
const MIN_COL_WIDTH: f32 = 22.0;
const RULER_HEIGHT: f32 = 20.0;
const LANE_HEIGHT: f32 = 26.0;
/// Width of the grab area at each end of a band.
const EDGE_WIDTH: f32 = 6.0;

/// Soft band colours, readable with dark text in light and dark themes; picked by position.
const PALETTE: [Color32; 6] = [
    Color32::from_rgb(164, 198, 234),
    Color32::from_rgb(170, 214, 168),
    Color32::from_rgb(240, 204, 146),
    Color32::from_rgb(228, 174, 198),
    Color32::from_rgb(198, 184, 230),
    Color32::from_rgb(156, 212, 206),
];
const BAND_TEXT: Color32 = Color32::from_gray(28);

/// The colour of the phase at position `index` in the plan (the chart can use it for its
/// phase bands, so both match).
pub fn phase_color(index: usize) -> Color32 {
    PALETTE[index % PALETTE.len()]
}

/// Draws the ruler and bands, scrolling sideways when the weeks do not fit.
pub(super) fn timeline_ui(
    panel: &mut PhaseTimeline,
    ui: &mut egui::Ui,
    plan: &Plan,
    selection: &mut Selection,
    cmds: &mut Vec<Command>,
) {
    // What each band shows: its weeks as last pushed while it is dragged, else the plan's.
    let ranges: Vec<WeekRange> = plan
        .phases
        .iter()
        .map(|p| match panel.drag {
            Some(d) if d.phase == p.id => d.sent,
            _ => p.weeks,
        })
        .collect();
    let last_drawn = ranges.iter().map(|r| r.last).max().unwrap_or(0);
    let weeks = plan.length_weeks().max(MIN_WEEKS).max(last_drawn);
    let (lane_of, lane_count) = lanes(&ranges);
    let col_width = (ui.available_width() / weeks as f32).max(MIN_COL_WIDTH);
    let size = vec2(
        col_width * weeks as f32,
        RULER_HEIGHT + LANE_HEIGHT * lane_count as f32 + 2.0,
    );
    egui::ScrollArea::horizontal()
        .id_salt("phase_timeline_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
            let ruler = Ruler {
                left: rect.left(),
                col_width,
                weeks,
            };
            ruler_ui(ui, rect, &ruler, selection);
            for (index, phase) in plan.phases.iter().enumerate() {
                let top = rect.top() + RULER_HEIGHT + LANE_HEIGHT * lane_of[index] as f32;
                let (x0, x1) = ruler.span(ranges[index]);
                let band =
                    Rect::from_min_max(pos2(x0, top + 1.0), pos2(x1, top + LANE_HEIGHT - 1.0))
                        .shrink2(vec2(1.0, 0.0));
                ui.push_id(("phase_band", phase.id), |ui| {
                    band_ui(panel, ui, band, &ruler, phase, index, cmds);
                });
            }
            // The selected week, outlined over the bands.
            if selection.week <= weeks {
                let x = ruler.x_of(selection.week);
                let column =
                    Rect::from_min_max(pos2(x, rect.top()), pos2(x + col_width, rect.bottom()));
                let stroke = Stroke::new(1.5, ui.visuals().selection.stroke.color);
                ui.painter()
                    .rect_stroke(column, 2.0, stroke, StrokeKind::Inside);
            }
        });
}

/// Week numbers, one clickable cell per week, with the selected week's column highlighted.
fn ruler_ui(ui: &mut egui::Ui, rect: Rect, ruler: &Ruler, selection: &mut Selection) {
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let label_every = match ruler.col_width {
        w if w >= 24.0 => 1,
        w if w >= 12.0 => 2,
        _ => 5,
    };
    for week in 1..=ruler.weeks {
        let x = ruler.x_of(week);
        let column = Rect::from_min_max(
            pos2(x, rect.top()),
            pos2(x + ruler.col_width, rect.bottom()),
        );
        let cell = Rect::from_min_size(column.min, vec2(ruler.col_width, RULER_HEIGHT));
        let selected = selection.week == week;
        if selected {
            painter.rect_filled(cell, 2.0, visuals.selection.bg_fill);
        } else if week % 2 == 0 {
            painter.rect_filled(column, 0.0, visuals.faint_bg_color);
        }
        let response = ui
            .interact(
                cell,
                ui.make_persistent_id(("phase_ruler_week", week)),
                Sense::click(),
            )
            .on_hover_text(format!("Show week {week}"));
        response.widget_info(|| {
            WidgetInfo::selected(Role::Button, true, selected, format!("Week {week}"))
        });
        if response.hovered() {
            painter.rect_stroke(
                cell,
                2.0,
                visuals.widgets.hovered.bg_stroke,
                StrokeKind::Inside,
            );
        }
        if response.clicked() {
            selection.week = week;
        }
        if week == 1 || week % label_every == 0 || selected {
            let color = if selected {
                visuals.strong_text_color()
            } else {
                visuals.text_color()
            };
            painter.text(
                cell.center(),
                egui::Align2::CENTER_CENTER,
                week.to_string(),
                egui::FontId::proportional(13.0),
                color,
            );
        }
    }
}

/// One phase band: painted, clickable (selects the phase), draggable by its edges and body.
fn band_ui(
    panel: &mut PhaseTimeline,
    ui: &mut egui::Ui,
    band: Rect,
    ruler: &Ruler,
    phase: &Phase,
    index: usize,
    cmds: &mut Vec<Command>,
) {
    let weeks = match panel.drag {
        Some(d) if d.phase == phase.id => d.sent,
        _ => phase.weeks,
    };
    let body = ui.interact(band, ui.make_persistent_id("body"), Sense::click_and_drag());
    body.widget_info(|| WidgetInfo::labeled(Role::Button, true, &phase.name));
    let edge = EDGE_WIDTH.min(band.width() / 3.0);
    let left_rect = Rect::from_min_max(band.min, pos2(band.left() + edge, band.bottom()));
    let right_rect = Rect::from_min_max(pos2(band.right() - edge, band.top()), band.max);
    let left = ui.interact(left_rect, ui.make_persistent_id("start"), Sense::drag());
    let right = ui.interact(right_rect, ui.make_persistent_id("end"), Sense::drag());
    let selected = panel.selected_phase == Some(phase.id);
    paint_band(ui, band, phase, index, selected || body.hovered());

    let mut hover = format!("{}\nWeeks {}-{}", phase.name, weeks.first, weeks.last);
    if !phase.goal.is_empty() {
        hover.push_str(&format!("\n{}", phase.goal));
    }
    hover.push_str("\nClick to edit; drag the edges to resize, the middle to move");
    let body = body.on_hover_text(hover);
    if body.clicked() {
        panel.selected_phase = Some(phase.id);
    }
    for (response, mode) in [
        (&body, DragMode::Move),
        (&left, DragMode::Start),
        (&right, DragMode::End),
    ] {
        let cursor = match (mode, response.dragged()) {
            (DragMode::Move, true) => CursorIcon::Grabbing,
            (DragMode::Move, false) => CursorIcon::Grab,
            _ => CursorIcon::ResizeHorizontal,
        };
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(cursor);
        }
        drag_band(panel, ui, response, mode, ruler, phase, cmds);
    }
}

/// Starts, follows and ends a drag of one part of a band, pushing `UpdatePhase` each time
/// the weeks change (the app merges these into one undo step).
fn drag_band(
    panel: &mut PhaseTimeline,
    ui: &egui::Ui,
    response: &egui::Response,
    mode: DragMode,
    ruler: &Ruler,
    phase: &Phase,
    cmds: &mut Vec<Command>,
) {
    if response.drag_started() {
        let start_x = ui
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())
            .map_or(response.rect.center().x, |p| p.x);
        panel.selected_phase = Some(phase.id);
        panel.drag = Some(BandDrag {
            phase: phase.id,
            mode,
            origin: phase.weeks,
            start_x,
            col_width: ruler.col_width,
            sent: phase.weeks,
        });
    }
    let Some(mut drag) = panel.drag.filter(|d| d.phase == phase.id && d.mode == mode) else {
        return;
    };
    if response.dragged() || response.drag_stopped() {
        if let Some(pos) = response.interact_pointer_pos() {
            let moved = Ruler {
                col_width: drag.col_width,
                ..*ruler
            }
            .weeks_moved(pos.x - drag.start_x);
            let weeks = dragged_range(mode, drag.origin, moved);
            if weeks != drag.sent {
                drag.sent = weeks;
                cmds.push(Command::Edit(Edit::UpdatePhase(Phase {
                    weeks,
                    ..phase.clone()
                })));
            }
        }
        panel.drag = Some(drag);
    }
    if response.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
        panel.drag = None;
    }
}

/// Paints a band with its name, truncated with "…" when it does not fit.
fn paint_band(ui: &egui::Ui, band: Rect, phase: &Phase, index: usize, highlight: bool) {
    let painter = ui.painter();
    let fill = phase_color(index);
    painter.rect_filled(band, 4.0, fill);
    painter.rect_stroke(
        band,
        4.0,
        Stroke::new(1.0, fill.gamma_multiply(0.6)),
        StrokeKind::Inside,
    );
    if highlight {
        // Outside the band, so it contrasts with the background in either theme.
        let stroke = Stroke::new(2.0, ui.visuals().selection.stroke.color);
        painter.rect_stroke(band, 4.0, stroke, StrokeKind::Outside);
    }
    let inner = band.shrink2(Vec2::new(EDGE_WIDTH + 1.0, 0.0));
    if inner.width() < 8.0 {
        return;
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple_singleline(phase.name.clone(), font, BAND_TEXT);
    job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
    let galley = painter.layout_job(job);
    let pos = pos2(inner.left(), inner.center().y - galley.size().y / 2.0);
    painter.with_clip_rect(band).galley(pos, galley, BAND_TEXT);
}
