//! An exercise's picture ([`crate::figure::Drawing`]) drawn as vectors into a box on a card:
//! limbs as thick lines with round ends, heads and balls as circles, props as outlined
//! polygons, lines, arrow heads and short labels, scaled to fit the box and centred in it. The
//! tones are shades of grey, so the picture reads the same printed in black and white: the near
//! side dark, the far side mid grey behind it, the start position light grey, props outlined.

use crate::figure::{Drawing, Shape, Tone};

use super::canvas::{Canvas, El, Pen, Rgb, TextStyle};
use super::fonts::Fonts;

/// Room kept free inside the box, so round ends and outlines stay in it.
const INSET: f32 = 4.0;
/// The smallest label size, in points (labels stay readable however small the picture).
const MIN_LABEL: f32 = 10.0;

/// The grey of a tone: (fill, outline).
fn tone(t: Tone) -> (Rgb, Rgb) {
    match t {
        Tone::Near => (Rgb(40, 40, 40), Rgb(40, 40, 40)),
        Tone::Far => (Rgb(135, 135, 135), Rgb(135, 135, 135)),
        Tone::Ghost => (Rgb(205, 205, 205), Rgb(190, 190, 190)),
        Tone::Prop => (Rgb(228, 228, 228), Rgb(70, 70, 70)),
        Tone::Mark => (Rgb(15, 15, 15), Rgb(15, 15, 15)),
        // The card is white: the rim that keeps a limb apart from what is behind it.
        Tone::Paper => (Rgb(255, 255, 255), Rgb(255, 255, 255)),
    }
}

/// How figure units map onto the page: scale, and the page point of the frame's origin.
struct Fit {
    scale: f32,
    /// Page x of figure x = 0.
    x0: f32,
    /// Page y of figure y = 0 (the floor); figure y grows upwards, page y downwards.
    y0: f32,
}

impl Fit {
    fn new(d: &Drawing, (x, y, w, h): (f32, f32, f32, f32)) -> Option<Fit> {
        let (bw, bh) = (w - 2.0 * INSET, h - 2.0 * INSET);
        let ok = |v: f32| v.is_finite() && v > 0.0;
        if !(ok(d.width) && ok(d.height) && ok(bw) && ok(bh)) {
            return None;
        }
        let scale = (bw / d.width).min(bh / d.height);
        let (dw, dh) = (d.width * scale, d.height * scale);
        Some(Fit {
            scale,
            x0: x + INSET + (bw - dw) / 2.0,
            y0: y + INSET + (bh - dh) / 2.0 + dh,
        })
    }

    fn at(&self, p: [f32; 2]) -> (f32, f32) {
        (self.x0 + p[0] * self.scale, self.y0 - p[1] * self.scale)
    }

    fn len(&self, v: f32) -> f32 {
        v * self.scale
    }
}

/// True when every number of the shape is finite (a bad pose is left out, not drawn wild).
fn finite(shape: &Shape) -> bool {
    let pts = |p: &[[f32; 2]]| p.iter().all(|q| q[0].is_finite() && q[1].is_finite());
    match shape {
        Shape::Capsule { a, b, radius, .. } => pts(&[*a, *b]) && radius.is_finite(),
        Shape::Circle { centre, radius, .. } => pts(&[*centre]) && radius.is_finite(),
        Shape::Polygon { points, .. } => pts(points),
        Shape::Line { points, width, .. } => pts(points) && width.is_finite(),
        Shape::ArrowHead {
            tip,
            direction,
            size,
            ..
        } => pts(&[*tip, *direction]) && size.is_finite(),
        Shape::Text { at, size, .. } => pts(&[*at]) && size.is_finite(),
    }
}

/// Draws `drawing` scaled to fit the box `(x, y, w, h)` (page points, y down), centred in it.
/// Returns whether anything was drawn.
pub(super) fn draw(
    canvas: &mut Canvas,
    fonts: &Fonts,
    drawing: &Drawing,
    bounds: (f32, f32, f32, f32),
) -> bool {
    let Some(fit) = Fit::new(drawing, bounds) else {
        return false;
    };
    let mut drawn = false;
    for shape in drawing.shapes.iter().filter(|s| finite(s)) {
        drawn |= draw_shape(canvas, fonts, &fit, shape, bounds);
    }
    drawn
}

fn draw_shape(
    canvas: &mut Canvas,
    fonts: &Fonts,
    fit: &Fit,
    shape: &Shape,
    (bx, by, bw, bh): (f32, f32, f32, f32),
) -> bool {
    match shape {
        Shape::Capsule {
            a,
            b,
            radius,
            tone: t,
        } => {
            let width = (2.0 * fit.len(*radius)).max(0.8);
            let (pa, pb) = (fit.at(*a), fit.at(*b));
            if pa == pb {
                canvas.circle(pa, width / 2.0, Some(tone(*t).0), None);
            } else {
                canvas.path(
                    vec![El::Move(pa.0, pa.1), El::Line(pb.0, pb.1)],
                    None,
                    Some(Pen::round(tone(*t).0, width)),
                );
            }
        }
        Shape::Circle {
            centre,
            radius,
            tone: t,
            filled,
        } => {
            let (f, o) = tone(*t);
            let r = fit.len(*radius).max(0.5);
            let outline = Some(Pen::round(o, 1.2));
            canvas.circle(fit.at(*centre), r, filled.then_some(f), outline);
        }
        Shape::Polygon {
            points,
            tone: t,
            filled,
        } => {
            if points.len() < 2 {
                return false;
            }
            let (f, o) = tone(*t);
            let mut els = path_through(fit, points);
            els.push(El::Close);
            canvas.path(els, filled.then_some(f), Some(Pen::round(o, 1.2)));
        }
        Shape::Line {
            points,
            width,
            tone: t,
        } => {
            if points.len() < 2 {
                return false;
            }
            let pen = Pen::round(tone(*t).1, fit.len(*width).max(0.6));
            canvas.path(path_through(fit, points), None, Some(pen));
        }
        Shape::ArrowHead {
            tip,
            direction,
            size,
            tone: t,
        } => {
            let (dx, dy) = (direction[0], -direction[1]);
            let norm = (dx * dx + dy * dy).sqrt();
            if norm <= f32::EPSILON {
                return false;
            }
            let (ux, uy) = (dx / norm, dy / norm);
            let s = fit.len(*size).max(3.0);
            let (tx, ty) = fit.at(*tip);
            let (cx, cy) = (tx - ux * s, ty - uy * s);
            let (nx, ny) = (-uy * s * 0.5, ux * s * 0.5);
            let els = vec![
                El::Move(tx, ty),
                El::Line(cx + nx, cy + ny),
                El::Line(cx - nx, cy - ny),
                El::Close,
            ];
            let c = tone(*t).1;
            canvas.path(els, Some(c), Some(Pen::round(c, 0.8)));
        }
        Shape::Text {
            at,
            text,
            size,
            tone: t,
        } => {
            let style = TextStyle::plain(fit.len(*size).max(MIN_LABEL)).color(tone(*t).1);
            let text = fonts.fit(text, style.size, false, bw);
            let w = fonts.width(&text, style.size);
            let (x, y) = fit.at(*at);
            let x = x.clamp(bx, bx + bw - w);
            let y = y.clamp(by + style.size, by + bh - style.size * 0.25);
            canvas.text(x, y, style, text);
        }
    }
    true
}

/// A path through `points` (figure units), moved onto the page.
fn path_through(fit: &Fit, points: &[[f32; 2]]) -> Vec<El> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = fit.at(*p);
            if i == 0 {
                El::Move(x, y)
            } else {
                El::Line(x, y)
            }
        })
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::figure::{Drawing, Shape, Tone};
    use crate::io::export::pdf::Paper;
    use crate::io::export::pdf::canvas::{Geometry, Op};

    /// A person in a bridge, drawn by hand: every kind of shape.
    pub(crate) fn bridge() -> Drawing {
        let cap = |a, b, tone| Shape::Capsule {
            a,
            b,
            radius: 0.05,
            tone,
        };
        Drawing {
            width: 2.0,
            height: 1.0,
            shapes: vec![
                Shape::Line {
                    points: vec![[0.0, 0.0], [2.0, 0.0]],
                    width: 0.02,
                    tone: Tone::Prop,
                },
                cap([0.4, 0.1], [0.9, 0.1], Tone::Ghost),
                cap([1.2, 0.45], [1.5, 0.05], Tone::Far),
                cap([0.4, 0.1], [1.2, 0.45], Tone::Near),
                cap([1.2, 0.45], [1.55, 0.05], Tone::Near),
                Shape::Circle {
                    centre: [0.28, 0.12],
                    radius: 0.1,
                    tone: Tone::Near,
                    filled: true,
                },
                Shape::Polygon {
                    points: vec![[1.7, 0.0], [1.95, 0.0], [1.95, 0.2], [1.7, 0.2]],
                    tone: Tone::Prop,
                    filled: true,
                },
                Shape::Line {
                    points: vec![[0.9, 0.55], [0.9, 0.8]],
                    width: 0.015,
                    tone: Tone::Mark,
                },
                Shape::ArrowHead {
                    tip: [0.9, 0.85],
                    direction: [0.0, 1.0],
                    size: 0.06,
                    tone: Tone::Mark,
                },
                Shape::Text {
                    at: [1.0, 0.8],
                    text: "hold 30 s".to_owned(),
                    size: 0.08,
                    tone: Tone::Mark,
                },
            ],
        }
    }

    #[test]
    fn a_drawing_becomes_vector_paths_inside_its_box() {
        let fonts = Fonts::load().expect("fonts");
        let mut canvas = Canvas::new(Geometry::for_paper(Paper::A4));
        canvas.new_page();
        let bounds = (100.0, 200.0, 180.0, 120.0);
        assert!(draw(&mut canvas, &fonts, &bridge(), bounds));
        let ops = &canvas.pages()[0];
        let paths: Vec<&Op> = ops
            .iter()
            .filter(|o| matches!(o, Op::Path { .. }))
            .collect();
        assert_eq!(paths.len(), 9, "every shape but the label is a path");
        let round = paths
            .iter()
            .filter(|o| matches!(o, Op::Path { stroke: Some(p), .. } if p.round && p.width > 5.0))
            .count();
        assert_eq!(round, 4, "four limbs as thick round-capped strokes");
        let curves = paths
            .iter()
            .filter(|o| matches!(o, Op::Path { els, .. } if els.iter().any(|e| matches!(e, El::Cubic(_)))))
            .count();
        assert_eq!(curves, 1, "the head is a circle of curves");
        assert!(ops.iter().any(|o| matches!(o, Op::Text { text, style, .. } if text == "hold 30 s" && style.size >= MIN_LABEL)));
        for op in ops {
            let points: Vec<(f32, f32)> = match op {
                Op::Path { els, .. } => els.iter().flat_map(El::points).collect(),
                Op::Text { x, y, .. } => vec![(*x, *y)],
                _ => Vec::new(),
            };
            for (x, y) in points {
                assert!(
                    (100.0..=280.0).contains(&x) && (200.0..=320.0).contains(&y),
                    "({x}, {y}) outside the box"
                );
            }
        }
        // Near limbs are darker than far ones, the ghost lightest: it reads in grey.
        let grey = |t| tone(t).0.0;
        assert!(grey(Tone::Near) < grey(Tone::Far) && grey(Tone::Far) < grey(Tone::Ghost));
    }

    #[test]
    fn a_broken_drawing_draws_nothing_wild() {
        let fonts = Fonts::load().expect("fonts");
        let mut canvas = Canvas::new(Geometry::for_paper(Paper::A4));
        canvas.new_page();
        let empty = Drawing {
            width: 0.0,
            height: 1.0,
            shapes: bridge().shapes,
        };
        assert!(!draw(&mut canvas, &fonts, &empty, (0.0, 0.0, 100.0, 100.0)));
        let mut nan = bridge();
        nan.shapes = vec![Shape::Circle {
            centre: [f32::NAN, 0.0],
            radius: 1.0,
            tone: Tone::Near,
            filled: true,
        }];
        assert!(!draw(&mut canvas, &fonts, &nan, (0.0, 0.0, 100.0, 100.0)));
        assert!(canvas.pages()[0].is_empty());
    }
}
