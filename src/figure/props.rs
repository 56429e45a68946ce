//! Props: the equipment, furniture and water a picture needs, as simple outlines in the prop
//! tone; the surfaces a body rests on (bench tops, chair seats, walls, handles) for the contact
//! solver and the tests; and the solid parts a resting body must not sink into. Lengths are
//! fractions of the athlete's height, like the body's.

use crate::model::Limb;

use super::body::{Skeleton, radius};
use super::pose::{BodyPoint, Prop, Support};
use super::{Shape, Tone};

/// Width of a prop's outline.
pub const LINE: f32 = 0.011;
/// Thickness of a bench's padded top.
const PAD: f32 = 0.055;
/// Height of a chair's seat, its depth, and the top of its backrest.
const SEAT: f32 = 0.26;
const SEAT_DEPTH: f32 = 0.25;
const CHAIR_BACK: f32 = 0.58;
/// Thickness of a wall and how high it is drawn.
const WALL: f32 = 0.05;
const WALL_HEIGHT: f32 = 1.1;
/// Radius of a rolled towel.
const TOWEL: f32 = 0.036;

/// A horizontal surface a body can rest on, `y` high from `x0` to `x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ledge {
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
}

/// Something upright a hand rests on or holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Upright {
    /// The face of a wall at `x`, the wall extending towards `dir` (+1 or -1).
    Face { x: f32, dir: f32 },
    /// A post held anywhere along it, at `x`.
    Post { x: f32 },
}

/// The surfaces of a picture's props that contacts can name.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Surfaces {
    pub top: Option<Ledge>,
    pub seat: Option<Ledge>,
    pub wall: Option<Upright>,
}

/// The surfaces of `props`: the first bench, box or towel top, chair seat and wall or rail.
pub fn surfaces(props: &[Prop]) -> Surfaces {
    let mut out = Surfaces::default();
    for prop in props {
        match *prop {
            Prop::Bench { x, width, height } | Prop::Box { x, width, height } => {
                out.top.get_or_insert(Ledge {
                    y: height,
                    x0: x,
                    x1: x + width,
                });
            }
            Prop::Towel { x } => {
                out.top.get_or_insert(Ledge {
                    y: 2.0 * TOWEL,
                    x0: x - TOWEL,
                    x1: x + TOWEL,
                });
            }
            Prop::Chair { x } => {
                out.seat.get_or_insert(Ledge {
                    y: SEAT,
                    x0: x - SEAT_DEPTH,
                    x1: x,
                });
            }
            Prop::Wall { x } => {
                out.wall.get_or_insert(Upright::Face {
                    x,
                    dir: if x >= 0.0 { 1.0 } else { -1.0 },
                });
            }
            Prop::Rail { x, .. } => {
                out.wall.get_or_insert(Upright::Post { x });
            }
            _ => {}
        }
    }
    out
}

/// An axis-aligned rectangle: `[x0, y0, x1, y1]`.
pub type Rect = [f32; 4];

/// The solid parts of the props under `support` that a body resting on it must not sink
/// into: a bench's padded top, a box, a chair's seat, a wall.
pub fn solids(props: &[Prop], support: Support) -> Vec<Rect> {
    let mut out = Vec::new();
    for prop in props {
        match (prop, support) {
            (&Prop::Bench { x, width, height }, Support::Top) => {
                out.push([x, height - PAD, x + width, height]);
            }
            (&Prop::Box { x, width, height }, Support::Top) => {
                out.push([x, 0.0, x + width, height]);
            }
            (&Prop::Chair { x }, Support::Seat) => {
                out.push([x - SEAT_DEPTH, SEAT - 0.03, x, SEAT]);
            }
            (&Prop::Wall { x }, Support::Wall) => {
                let far = if x >= 0.0 { x + WALL } else { x - WALL };
                out.push([x.min(far), 0.0, x.max(far), WALL_HEIGHT]);
            }
            _ => {}
        }
    }
    out
}

/// A prop's shapes: behind the body, and in front of it (bands, straps, the water's surface).
#[derive(Debug, Default)]
pub struct PropShapes {
    pub back: Vec<Shape>,
    pub front: Vec<Shape>,
}

fn line(points: Vec<[f32; 2]>, width: f32) -> Shape {
    Shape::Line {
        points,
        width,
        tone: Tone::Prop,
    }
}

/// The outline of a rectangle as a closed line.
fn outline(r: Rect) -> Shape {
    let [x0, y0, x1, y1] = r;
    line(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], LINE)
}

fn disc(centre: [f32; 2], r: f32) -> Shape {
    Shape::Circle {
        centre,
        radius: r,
        tone: Tone::Prop,
        filled: true,
    }
}

/// A circle's outline as a closed line (so every renderer draws it the same width).
pub fn ring(centre: [f32; 2], r: f32, width: f32) -> Shape {
    let points = (0..=32)
        .map(|i| {
            let t = i as f32 / 32.0 * std::f32::consts::TAU;
            [centre[0] + r * t.cos(), centre[1] + r * t.sin()]
        })
        .collect();
    line(points, width)
}

fn sub(a: [f32; 2], b: [f32; 2]) -> [f32; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn unit(v: [f32; 2]) -> [f32; 2] {
    let n = v[0].hypot(v[1]).max(1e-6);
    [v[0] / n, v[1] / n]
}

/// A point `k` along `d` from `p`.
fn along(p: [f32; 2], d: [f32; 2], k: f32) -> [f32; 2] {
    [p[0] + d[0] * k, p[1] + d[1] * k]
}

/// The shapes of `props`; props held by or attached to the body follow the end position
/// `end`. The partner is drawn with the body (see the renderer).
pub fn shapes(props: &[Prop], end: &Skeleton) -> PropShapes {
    let mut out = PropShapes::default();
    for prop in props {
        prop_shapes(prop, end, &mut out);
    }
    out
}

fn prop_shapes(prop: &Prop, end: &Skeleton, out: &mut PropShapes) {
    match *prop {
        Prop::Bench { x, width, height } => {
            out.back.push(outline([x, height - PAD, x + width, height]));
            let inset = 0.05_f32.min(width / 4.0);
            for lx in [x + inset, x + width - inset] {
                out.back
                    .push(line(vec![[lx, height - PAD], [lx, 0.9 * LINE]], 1.8 * LINE));
            }
        }
        Prop::Box { x, width, height } => {
            out.back.push(outline([x, LINE / 2.0, x + width, height]));
        }
        Prop::Chair { x } => chair(x, &mut out.back),
        Prop::Wall { x } => wall(x, &mut out.back),
        Prop::Rail { x, height } => {
            let base = 1.2 * LINE;
            out.back
                .push(line(vec![[x, base], [x, height]], 2.4 * LINE));
            out.back
                .push(line(vec![[x - 0.07, base], [x + 0.07, base]], 2.4 * LINE));
            out.back.push(disc([x, height], 0.02));
        }
        Prop::Towel { x } => out.front.push(disc([x, TOWEL], TOWEL)),
        Prop::Sliders => {
            // A flat disc under each heel, in front so the legs do not hide it.
            for l in [Limb::Right, Limb::Left] {
                let heel = end.at(BodyPoint::Heel(l));
                out.front.push(Shape::Polygon {
                    points: vec![
                        [heel[0] - 0.06, 0.0],
                        [heel[0] + 0.06, 0.0],
                        [heel[0] + 0.05, 0.016],
                        [heel[0] - 0.05, 0.016],
                    ],
                    tone: Tone::Prop,
                    filled: true,
                });
            }
        }
        Prop::Dumbbell(l) => {
            let hand = end.at(BodyPoint::Hand(l));
            out.back.push(disc(hand, 0.045));
        }
        Prop::Barbell(p) => {
            let c = end.at(p);
            out.back.push(ring(c, 0.1, 1.6 * LINE));
            out.back.push(ring(c, 0.08, LINE));
            out.front.push(disc(c, 0.016));
        }
        Prop::Plate(p) => plate(end, p, &mut out.front),
        Prop::Band { from, to } => {
            let p = end.at(from);
            out.front.push(line(vec![p, [to.0, to.1]], 1.3 * LINE));
            out.back.push(Shape::Polygon {
                points: vec![
                    [to.0 - 0.03, to.1 - 0.015],
                    [to.0 + 0.03, to.1 - 0.015],
                    [to.0 + 0.03, to.1 + 0.015],
                    [to.0 - 0.03, to.1 + 0.015],
                ],
                tone: Tone::Prop,
                filled: true,
            });
        }
        Prop::Strap { from, to } => {
            let hand = end.at(from);
            out.front.push(line(
                vec![hand, end.at(to), end.at(BodyPoint::Toe(foot_of(to)))],
                1.3 * LINE,
            ));
        }
        Prop::Partner(_) => {}
        Prop::Water { level } => water(level, end, &mut out.front),
        Prop::Belt => belt(end, &mut out.front),
        Prop::PullBuoy => {
            let c = end.at(BodyPoint::Thigh(Limb::Right));
            let d = unit(sub(end.at(BodyPoint::Knee(Limb::Right)), c));
            out.front.push(Shape::Capsule {
                a: along(c, d, -0.05),
                b: along(c, d, 0.04),
                radius: radius::THIGH + 0.006,
                tone: Tone::Prop,
            });
        }
        Prop::LegCurlPad => leg_curl_pad(end, &mut out.back),
        Prop::Elliptical => elliptical(end, &mut out.back),
        Prop::ArmBike { x, height } => arm_bike(x, height, end, &mut out.back),
    }
}

/// The leg a strap's foot point belongs to.
fn foot_of(p: BodyPoint) -> Limb {
    match p {
        BodyPoint::Heel(l) | BodyPoint::Toe(l) | BodyPoint::Ankle(l) => l,
        _ => Limb::Right,
    }
}

fn chair(x: f32, back: &mut Vec<Shape>) {
    let rear = x - SEAT_DEPTH;
    back.push(line(
        vec![[rear, SEAT - 0.012], [x, SEAT - 0.012]],
        2.2 * LINE,
    ));
    back.push(line(
        vec![[x - 0.015, SEAT - 0.02], [x - 0.015, 0.9 * LINE]],
        1.8 * LINE,
    ));
    back.push(line(
        vec![
            [rear + 0.015, 0.9 * LINE],
            [rear + 0.015, SEAT],
            [rear - 0.01, CHAIR_BACK],
        ],
        1.8 * LINE,
    ));
}

fn wall(x: f32, back: &mut Vec<Shape>) {
    let far = if x >= 0.0 { x + WALL } else { x - WALL };
    let (x0, x1) = (x.min(far), x.max(far));
    back.push(outline([x0, LINE / 2.0, x1, WALL_HEIGHT]));
    let mut y = 0.06;
    while y < WALL_HEIGHT {
        back.push(line(
            vec![[x0, y], [x1, (y + WALL).min(WALL_HEIGHT)]],
            0.6 * LINE,
        ));
        y += 0.09;
    }
}

/// A weight plate hugged to the chest: seen edge on, a thick bar in front of it.
fn plate(end: &Skeleton, p: BodyPoint, front: &mut Vec<Shape>) {
    let c = end.at(p);
    let up = unit(sub(end.at(BodyPoint::Neck), end.at(BodyPoint::Pelvis)));
    let fwd = unit(sub(c, end.at(BodyPoint::Neck)));
    let centre = along(c, fwd, 0.02);
    let (h, t) = (0.1, 0.016);
    let corner = |u: f32, v: f32| {
        [
            centre[0] + up[0] * u + up[1] * v,
            centre[1] + up[1] * u - up[0] * v,
        ]
    };
    front.push(Shape::Polygon {
        points: vec![corner(-h, -t), corner(h, -t), corner(h, t), corner(-h, t)],
        tone: Tone::Prop,
        filled: true,
    });
}

/// The water's surface: a wavy line across the picture, in front of the swimmer.
fn water(level: f32, end: &Skeleton, front: &mut Vec<Shape>) {
    let xs = end.points.iter().map(|p| p.x);
    let (lo, hi) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (x0, x1) = (lo - 0.25, hi + 0.25);
    let n = 48;
    let points = (0..=n)
        .map(|i| {
            let x = x0 + (x1 - x0) * i as f32 / n as f32;
            [x, level + 0.012 * (x * 40.0).sin()]
        })
        .collect();
    front.push(line(points, 1.4 * LINE));
    for (dy, inset) in [(0.16, 0.15), (0.34, 0.3)] {
        let n = 36;
        let points = (0..=n)
            .map(|i| {
                let x = x0 + inset + (x1 - x0 - 2.0 * inset) * i as f32 / n as f32;
                [x, level - dy + 0.008 * (x * 40.0 + 1.0).sin()]
            })
            .collect();
        front.push(line(points, 0.7 * LINE));
    }
}

/// A buoyancy belt: a band round the waist.
fn belt(end: &Skeleton, front: &mut Vec<Shape>) {
    let pelvis = end.at(BodyPoint::Pelvis);
    let up = unit(sub(end.at(BodyPoint::Neck), pelvis));
    let c = along(pelvis, up, 0.07);
    let across = [up[1], -up[0]];
    let half = end.trunk_radius + 0.018;
    front.push(Shape::Capsule {
        a: along(c, across, -half),
        b: along(c, across, half),
        radius: 0.028,
        tone: Tone::Prop,
    });
}

/// A leg-curl machine's roller pad behind the ankle of the working leg, and its lever from
/// the knee.
fn leg_curl_pad(end: &Skeleton, back: &mut Vec<Shape>) {
    let knee = end.at(BodyPoint::Knee(Limb::Right));
    let ankle = end.at(BodyPoint::Ankle(Limb::Right));
    let toe = end.at(BodyPoint::Toe(Limb::Right));
    let d = unit(sub(ankle, knee));
    let mut n = [-d[1], d[0]];
    let to_toe = sub(toe, ankle);
    if n[0] * to_toe[0] + n[1] * to_toe[1] > 0.0 {
        n = [-n[0], -n[1]];
    }
    let pad_r = 0.042;
    let pad = along(along(ankle, d, -0.03), n, radius::SHANK + pad_r);
    back.push(line(vec![knee, pad], 2.4 * LINE));
    back.push(disc(pad, pad_r));
    back.push(ring(knee, 0.03, LINE));
}

/// An elliptical trainer: pedals under the feet on arms running back to a flywheel, a
/// front column with handles at the hands.
fn elliptical(end: &Skeleton, back: &mut Vec<Shape>) {
    let feet = [Limb::Right, Limb::Left].map(|l| {
        (
            end.at(BodyPoint::Heel(l)),
            end.at(BodyPoint::Toe(l)),
            end.at(BodyPoint::Hand(l)),
        )
    });
    let front_x = feet.iter().map(|f| f.1[0]).fold(f32::MIN, f32::max) + 0.22;
    let rear_x = feet.iter().map(|f| f.0[0]).fold(f32::MAX, f32::min) - 0.2;
    let base = 0.02;
    back.push(line(
        vec![[rear_x - 0.08, base], [front_x + 0.08, base]],
        2.2 * LINE,
    ));
    let wheel = [rear_x, 0.13];
    back.push(ring(wheel, 0.11, 1.6 * LINE));
    back.push(line(vec![wheel, [wheel[0], base]], 1.6 * LINE));
    let column_top = [front_x, 0.62];
    back.push(line(vec![[front_x, base], column_top], 2.2 * LINE));
    back.push(outline([front_x - 0.03, 0.62, front_x + 0.05, 0.7]));
    for (heel, toe, hand) in feet {
        let y = heel[1].min(toe[1]) - radius::FOOT - 0.012;
        back.push(line(
            vec![[heel[0] - 0.03, y], [toe[0] + 0.02, y]],
            2.0 * LINE,
        ));
        back.push(line(vec![[heel[0] - 0.02, y], wheel], 1.4 * LINE));
        back.push(line(vec![[toe[0], y], [front_x, 0.3], hand], 1.4 * LINE));
    }
}

/// An arm ergometer: a column with a crank; the handles are where the hands are.
fn arm_bike(x: f32, height: f32, end: &Skeleton, back: &mut Vec<Shape>) {
    let base = 1.25 * LINE;
    back.push(line(
        vec![[x + 0.04, base], [x + 0.04, height - 0.04]],
        3.0 * LINE,
    ));
    back.push(line(vec![[x - 0.12, base], [x + 0.2, base]], 2.5 * LINE));
    back.push(outline([x - 0.01, height - 0.07, x + 0.1, height + 0.07]));
    for l in [Limb::Right, Limb::Left] {
        back.push(line(
            vec![[x, height], end.at(BodyPoint::Hand(l))],
            1.8 * LINE,
        ));
    }
    back.push(disc([x, height], 0.025));
}
