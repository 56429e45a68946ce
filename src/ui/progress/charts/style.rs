//! The progress charts' colours (readable on both themes) and their legend row.

use egui::{Color32, Stroke};

use crate::engine::PainZone;
use crate::model::Prom;

/// Colours that read on both themes.
pub(super) struct Palette {
    pub(super) planned: Color32,
    pub(super) done: Color32,
    pub(super) during: Color32,
    pub(super) next: Color32,
    pub(super) today: Color32,
    pub(super) green: Color32,
    pub(super) amber: Color32,
    pub(super) red: Color32,
}

impl Palette {
    pub(super) fn of(ui: &egui::Ui) -> Palette {
        let dark = ui.visuals().dark_mode;
        let band = |zone: PainZone| {
            let [r, g, b] = zone.color();
            Color32::from_rgba_unmultiplied(r, g, b, if dark { 46 } else { 40 })
        };
        Palette {
            planned: Color32::from_rgb(112, 144, 196),
            done: if dark {
                Color32::from_rgb(255, 160, 60)
            } else {
                Color32::from_rgb(214, 96, 0)
            },
            during: if dark {
                Color32::from_rgb(110, 175, 255)
            } else {
                Color32::from_rgb(20, 90, 200)
            },
            next: if dark {
                Color32::from_rgb(215, 150, 240)
            } else {
                Color32::from_rgb(125, 40, 160)
            },
            today: ui.visuals().weak_text_color(),
            green: band(PainZone::Green),
            amber: band(PainZone::Amber),
            red: band(PainZone::Red),
        }
    }
}

/// Colour of PROM measure `m` (fixed per measure, so a measure keeps its colour).
pub fn prom_color(m: Prom, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 9] = [
        (31, 119, 180),
        (214, 39, 40),
        (44, 140, 44),
        (148, 103, 189),
        (200, 100, 0),
        (140, 86, 75),
        (0, 150, 170),
        (200, 70, 160),
        (90, 90, 90),
    ];
    const DARK: [(u8, u8, u8); 9] = [
        (100, 170, 240),
        (255, 110, 110),
        (110, 210, 110),
        (190, 160, 240),
        (255, 170, 70),
        (210, 160, 140),
        (60, 210, 230),
        (245, 140, 210),
        (200, 200, 200),
    ];
    let i = Prom::ALL.iter().position(|p| *p == m).unwrap_or(0);
    let (r, g, b) = if dark { DARK[i] } else { LIGHT[i] };
    Color32::from_rgb(r, g, b)
}

/// How a legend entry's swatch looks.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// A filled box (bars, bands).
    Fill(Color32),
    /// A line, dashed or not, with a marker.
    Line(Color32, bool),
}

/// A row of legend entries (swatch and words, the explanation on hover) above a chart, so the
/// legend never covers the data.
pub fn legend_row(ui: &mut egui::Ui, entries: &[(Swatch, &str, &str)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (swatch, label, hover) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 12.0), egui::Sense::hover());
            let painter = ui.painter();
            match *swatch {
                Swatch::Fill(c) => {
                    painter.rect_filled(rect, 2.0, c);
                    painter.rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.0, c.to_opaque().gamma_multiply(0.8)),
                        egui::StrokeKind::Inside,
                    );
                }
                Swatch::Line(c, dashed) => {
                    let y = rect.center().y;
                    if dashed {
                        for (a, b) in [(0.0, 6.0), (8.0, 12.0), (14.0, 20.0)] {
                            painter.line_segment(
                                [
                                    egui::pos2(rect.left() + a, y),
                                    egui::pos2(rect.left() + b, y),
                                ],
                                Stroke::new(2.0, c),
                            );
                        }
                    } else {
                        painter.line_segment(
                            [rect.left_center(), rect.right_center()],
                            Stroke::new(2.0, c),
                        );
                    }
                    painter.circle_filled(rect.center(), 3.0, c);
                }
            }
            let r = ui.label(*label);
            if !hover.is_empty() {
                r.on_hover_text(*hover);
            }
            ui.add_space(10.0);
        }
    });
}
