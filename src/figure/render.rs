//! From a solved pose to a [`Drawing`]: poses the body (forward kinematics), lays out the
//! props, the faint start position, the far limbs, the trunk and head and the near limbs, the
//! arrows, then scales everything into the frame, mirrors it for the left side and adds the
//! labels. Also keeps where every body point and contact ended up ([`Scene`]), so tests can
//! check the picture's geometry by name.

use crate::model::{Limb, fmt_num};

use super::body::{Capsule, POINTS, Skeleton, radius};
use super::pose::{Arrow, BodyPoint, ExercisePose, Position, Support};
use super::props::{self, Rect, Upright, surfaces};
use super::{Drawing, HEIGHT, Shape, Tone, WIDTH};

/// Gap between a limb and what lies behind it (drawn in the paper's colour).
const HALO: f32 = 0.013;
/// Width of an arrow's shaft and the size of its head.
const ARROW_WIDTH: f32 = 0.012;
const ARROW_HEAD: f32 = 0.05;
/// Length of an arrow pressing on a body point.
const PUSH_ARROW: f32 = 0.13;
/// Shortest straight arrow, so a small movement still shows.
const MIN_ARROW: f32 = 0.17;
/// Width of the partner's outline.
const PARTNER_LINE: f32 = 0.009;
/// Width of the floor line, in frame units; it lies just above y = 0, inside the frame.
const FLOOR_WIDTH: f32 = 1.6;
/// About how high the floor line reaches, in body units (the rim of a limb stops above it).
const FLOOR_LINE: f32 = 0.012;
/// Margins of the frame, in frame units: the sides, above the figure (room for the labels)
/// and below it when there is no floor.
const MARGIN: f32 = 6.0;
const TOP: f32 = 17.0;
/// Size of the labels, in frame units.
pub const LABEL_SIZE: f32 = 10.0;

/// Where something ends up: a picture with the positions and contacts it shows, in frame
/// units, named as the athlete's body (after mirroring, the data's right limbs are the
/// left ones).
#[derive(Debug, Clone)]
pub struct Scene {
    pub drawing: Drawing,
    /// The leg (and arm) drawn near and dark: the working one.
    pub working: Limb,
    /// The side the label names ("L" or "R"), when the dose says which side works.
    pub label: Option<Limb>,
    /// Frame units per body height.
    pub unit: f32,
    /// Whether the picture has a floor (at y = 0).
    pub floor: bool,
    /// The positions drawn: the start (faint) when there is one, then the end.
    pub positions: Vec<Placed>,
    /// The partner, when there is one.
    pub partner: Option<Placed>,
}

/// One position as drawn.
#[derive(Debug, Clone)]
pub struct Placed {
    points: [[f32; 2]; POINTS],
    /// The body's capsules (the head is a circle of `head_radius` round
    /// [`BodyPoint::Head`]).
    pub capsules: Vec<Capsule>,
    /// Radius of the head, in frame units.
    pub head_radius: f32,
    /// What the position rests on.
    pub contacts: Vec<PlacedContact>,
    /// The solid parts of the props the position rests on.
    pub solids: Vec<Rect>,
    knees: [f32; 2],
    elbows: [f32; 2],
}

impl Placed {
    /// Where body point `p` is in the frame.
    pub fn at(&self, p: BodyPoint) -> [f32; 2] {
        self.points[p.index()]
    }

    /// Knee flexion of leg `l`, degrees.
    pub fn knee(&self, l: Limb) -> f32 {
        self.knees[side_index(l)]
    }

    /// Elbow flexion of arm `l`, degrees.
    pub fn elbow(&self, l: Limb) -> f32 {
        self.elbows[side_index(l)]
    }
}

fn side_index(l: Limb) -> usize {
    match l {
        Limb::Right => 0,
        Limb::Left => 1,
    }
}

/// A contact as drawn: body point `point` (its centre `at`, resting with `radius`) on `on`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedContact {
    pub point: BodyPoint,
    pub at: [f32; 2],
    pub radius: f32,
    pub on: Target,
}

/// What a contact rests on, in frame units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A level surface at height `y` from `x0` to `x1`.
    Level { y: f32, x0: f32, x1: f32 },
    /// A wall's face at `x`, the wall extending towards `dir`.
    Face { x: f32, dir: f32 },
    /// A point held (a grip, another body point).
    Point([f32; 2]),
    /// A post held anywhere along it, at `x`.
    Post { x: f32 },
}

/// Scale, shift and mirror from body units (fractions of height) to the frame.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: f32,
    dx: f32,
    dy: f32,
    mirror: bool,
}

impl Fit {
    fn pt(&self, p: [f32; 2]) -> [f32; 2] {
        let x = self.dx + self.scale * p[0];
        [
            if self.mirror { WIDTH - x } else { x },
            self.dy + self.scale * p[1],
        ]
    }

    fn len(&self, l: f32) -> f32 {
        l * self.scale
    }

    fn dir(&self, d: [f32; 2]) -> [f32; 2] {
        if self.mirror { [-d[0], d[1]] } else { d }
    }

    fn shape(&self, s: &Shape) -> Shape {
        match s {
            Shape::Capsule { a, b, radius, tone } => Shape::Capsule {
                a: self.pt(*a),
                b: self.pt(*b),
                radius: self.len(*radius),
                tone: *tone,
            },
            Shape::Circle {
                centre,
                radius,
                tone,
                filled,
            } => Shape::Circle {
                centre: self.pt(*centre),
                radius: self.len(*radius),
                tone: *tone,
                filled: *filled,
            },
            Shape::Polygon {
                points,
                tone,
                filled,
            } => Shape::Polygon {
                points: points.iter().map(|p| self.pt(*p)).collect(),
                tone: *tone,
                filled: *filled,
            },
            Shape::Line {
                points,
                width,
                tone,
            } => Shape::Line {
                points: points.iter().map(|p| self.pt(*p)).collect(),
                width: self.len(*width),
                tone: *tone,
            },
            Shape::ArrowHead {
                tip,
                direction,
                size,
                tone,
            } => Shape::ArrowHead {
                tip: self.pt(*tip),
                direction: self.dir(*direction),
                size: self.len(*size),
                tone: *tone,
            },
            Shape::Text {
                at,
                text,
                size,
                tone,
            } => Shape::Text {
                at: self.pt(*at),
                text: text.clone(),
                size: *size,
                tone: *tone,
            },
        }
    }
}

/// The extent of `shapes`: `[x0, y0, x1, y1]`, or `None` for no shapes.
pub fn bounds(shapes: &[Shape]) -> Option<Rect> {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    let mut add = |p: [f32; 2], r: f32| {
        b[0] = b[0].min(p[0] - r);
        b[1] = b[1].min(p[1] - r);
        b[2] = b[2].max(p[0] + r);
        b[3] = b[3].max(p[1] + r);
    };
    for s in shapes {
        match s {
            Shape::Capsule { a, b, radius, .. } => {
                add(*a, *radius);
                add(*b, *radius);
            }
            Shape::Circle { centre, radius, .. } => add(*centre, *radius),
            Shape::Polygon { points, .. } => points.iter().for_each(|p| add(*p, 0.0)),
            Shape::Line { points, width, .. } => points.iter().for_each(|p| add(*p, width / 2.0)),
            Shape::ArrowHead { tip, size, .. } => add(*tip, *size),
            Shape::Text { at, text, size, .. } => {
                add(*at, 0.0);
                add([at[0] + text_width(text, *size), at[1] + size * 0.75], 0.0);
            }
        }
    }
    (b[0] <= b[2]).then_some(b)
}

/// A generous estimate of how wide `text` is at `size` (sans-serif).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.6
}

fn capsule(c: &Capsule, extra: f32, tone: Tone) -> Shape {
    Shape::Capsule {
        a: c.a,
        b: c.b,
        radius: c.radius + extra,
        tone,
    }
}

/// One limb chain (arm or leg): its halo in the paper's colour (never reaching down into the
/// floor line, which it would cut), then its capsules.
fn limb_shapes(chain: &[Capsule; 3], tone: Tone, halo: bool, out: &mut Vec<Shape>) {
    if halo {
        for c in chain {
            let lowest = c.a[1].min(c.b[1]);
            let extra = HALO.min(lowest - c.radius - FLOOR_LINE).max(0.0);
            out.push(capsule(c, extra, Tone::Paper));
        }
    }
    for c in chain {
        out.push(capsule(c, 0.0, tone));
    }
}

/// The body: far limbs, trunk and head, near limbs (the data's right side is near).
fn body_shapes(sk: &Skeleton, near: Tone, far: Tone, halo: bool, out: &mut Vec<Shape>) {
    let [far_arm, far_leg] = sk.limb(Limb::Left);
    limb_shapes(&far_leg, far, halo, out);
    limb_shapes(&far_arm, far, halo, out);
    out.push(capsule(&sk.trunk(), 0.0, near));
    out.push(capsule(&sk.neck(), 0.0, near));
    out.push(Shape::Circle {
        centre: sk.at(BodyPoint::Head),
        radius: radius::HEAD,
        tone: near,
        filled: true,
    });
    let [near_arm, near_leg] = sk.limb(Limb::Right);
    limb_shapes(&near_leg, near, halo, out);
    limb_shapes(&near_arm, near, halo, out);
}

/// The partner as an outline: the body in the prop's tone, then again in the paper's colour
/// a line's width thinner.
fn partner_shapes(sk: &Skeleton, out: &mut Vec<Shape>) {
    for (tone, inset) in [(Tone::Prop, 0.0), (Tone::Paper, PARTNER_LINE)] {
        for c in sk.capsules() {
            out.push(capsule(&c, -inset, tone));
        }
        out.push(Shape::Circle {
            centre: sk.at(BodyPoint::Head),
            radius: radius::HEAD - inset,
            tone,
            filled: true,
        });
    }
}

fn sub(a: [f32; 2], b: [f32; 2]) -> [f32; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn norm(v: [f32; 2]) -> f32 {
    v[0].hypot(v[1])
}

fn unit(v: [f32; 2]) -> [f32; 2] {
    let n = norm(v).max(1e-6);
    [v[0] / n, v[1] / n]
}

/// An arrow along `points` with a head at the end (and at the start when `both`).
fn arrow(points: Vec<[f32; 2]>, both: bool, out: &mut Vec<Shape>) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let head = |tip: [f32; 2], from: [f32; 2]| Shape::ArrowHead {
        tip,
        direction: unit(sub(tip, from)),
        size: ARROW_HEAD,
        tone: Tone::Mark,
    };
    let mut shaft = points.clone();
    // The shaft stops inside the head, so its end does not poke through the tip.
    let pull = |tip: [f32; 2], from: [f32; 2]| {
        let d = unit(sub(tip, from));
        [
            tip[0] - d[0] * ARROW_HEAD * 0.7,
            tip[1] - d[1] * ARROW_HEAD * 0.7,
        ]
    };
    shaft[n - 1] = pull(points[n - 1], points[n - 2]);
    if both {
        shaft[0] = pull(points[0], points[1]);
    }
    out.push(Shape::Line {
        points: shaft,
        width: ARROW_WIDTH,
        tone: Tone::Mark,
    });
    out.push(head(points[n - 1], points[n - 2]));
    if both {
        out.push(head(points[0], points[1]));
    }
}

/// Points of an arc about `c` of radius `r` from angle `a0` sweeping `sweep` (radians).
fn arc(c: [f32; 2], r: f32, a0: f32, sweep: f32) -> Vec<[f32; 2]> {
    let steps = ((sweep.abs() / 0.08).ceil() as usize).clamp(4, 64);
    (0..=steps)
        .map(|i| {
            let t = a0 + sweep * i as f32 / steps as f32;
            [c[0] + r * t.cos(), c[1] + r * t.sin()]
        })
        .collect()
}

fn arrow_shapes(
    a: &Arrow,
    start: Option<&Skeleton>,
    end: &Skeleton,
    floor: bool,
    out: &mut Vec<Shape>,
) {
    match *a {
        Arrow::Move {
            point,
            pivot,
            offset,
            both,
        } => {
            let Some(start) = start else { return };
            let (p0, p1) = (start.at(point), end.at(point));
            match pivot {
                Some(pivot) => {
                    let c = end.at(pivot);
                    let r = norm(sub(p1, c)) + offset;
                    let a0 = (p0[1] - c[1]).atan2(p0[0] - c[0]);
                    let a1 = (p1[1] - c[1]).atan2(p1[0] - c[0]);
                    let mut sweep = a1 - a0;
                    if sweep > std::f32::consts::PI {
                        sweep -= std::f32::consts::TAU;
                    } else if sweep < -std::f32::consts::PI {
                        sweep += std::f32::consts::TAU;
                    }
                    let trim = 0.12 * sweep;
                    arrow(arc(c, r, a0 + trim, sweep - 2.0 * trim), both, out);
                }
                None => {
                    // Straight, at least MIN_ARROW long, centred on the path.
                    let d = sub(p1, p0);
                    let u = unit(d);
                    let left = [-u[1], u[0]];
                    let half = (0.35 * norm(d)).max(MIN_ARROW / 2.0);
                    let mid = [
                        (p0[0] + p1[0]) / 2.0 + left[0] * offset,
                        (p0[1] + p1[1]) / 2.0 + left[1] * offset,
                    ];
                    let at = |k: f32| [mid[0] + u[0] * k, mid[1] + u[1] * k];
                    arrow(vec![at(-half), at(half)], both, out);
                }
            }
        }
        Arrow::Push { point, angle, lead } => {
            let p = end.at(point);
            let (s, c) = angle.to_radians().sin_cos();
            let gap = end.contact_radius(point).max(0.02) + 0.02;
            let tip = [p[0] - c * gap, p[1] - s * gap];
            // Pushing up from below, the arrow stops short of the floor.
            let room = if floor && s > 0.1 {
                (tip[1] - 0.015) / s
            } else {
                f32::MAX
            };
            if lead || room < ARROW_HEAD * 1.5 {
                // No room below: the arrow leads away from the point instead ("hips up").
                let tail = [p[0] + c * gap, p[1] + s * gap];
                let head = [tail[0] + c * PUSH_ARROW, tail[1] + s * PUSH_ARROW];
                arrow(vec![tail, head], false, out);
            } else {
                let length = PUSH_ARROW.min(room);
                let tail = [tip[0] - c * length, tip[1] - s * length];
                arrow(vec![tail, tip], false, out);
            }
        }
        Arrow::Curl {
            point,
            pivot,
            sweep,
            offset,
        } => {
            let (p, c) = (end.at(point), end.at(pivot));
            let r = norm(sub(p, c)) + offset;
            let a0 = (p[1] - c[1]).atan2(p[0] - c[0]);
            arrow(arc(c, r, a0, sweep.to_radians()), false, out);
        }
        Arrow::Line { from, to, both } => arrow(vec![[from.0, from.1], [to.0, to.1]], both, out),
        Arrow::Turn {
            centre,
            radius,
            from,
            to,
        } => {
            let (a0, a1) = (from.to_radians(), to.to_radians());
            arrow(arc([centre.0, centre.1], radius, a0, a1 - a0), false, out);
        }
    }
}

/// Moves an arrow up, if need be, so that it clears the floor line.
fn lift_above_floor(marks: &mut [Shape]) {
    let lowest = bounds(marks).map_or(f32::MAX, |b| b[1]);
    let lift = (2.0 * FLOOR_LINE - lowest).max(0.0);
    if lift == 0.0 {
        return;
    }
    for m in marks {
        match m {
            Shape::Line { points, .. } => points.iter_mut().for_each(|p| p[1] += lift),
            Shape::ArrowHead { tip, .. } => tip[1] += lift,
            _ => {}
        }
    }
}

/// Lays out `pose` as a picture. `mirror` draws the data's right side as the athlete's left;
/// `label` names the working side; `hold` is the hold time to print, seconds.
pub fn scene(pose: &ExercisePose, mirror: bool, label: Option<Limb>, hold: Option<f64>) -> Scene {
    let end = super::body::pose(&pose.end);
    let start = pose.start.as_ref().map(super::body::pose);
    let partner = pose.partner().map(super::body::pose);

    let prop_shapes = props::shapes(&pose.props, &end);
    let mut shapes = prop_shapes.back;
    if let Some(p) = &partner {
        partner_shapes(p, &mut shapes);
    }
    if let Some(s) = &start {
        body_shapes(s, Tone::Ghost, Tone::Ghost, false, &mut shapes);
    }
    body_shapes(&end, Tone::Near, Tone::Far, true, &mut shapes);
    shapes.extend(prop_shapes.front);
    for a in &pose.arrows {
        let mut marks = Vec::new();
        arrow_shapes(a, start.as_ref(), &end, pose.floor, &mut marks);
        if pose.floor {
            lift_above_floor(&mut marks);
        }
        shapes.extend(marks);
    }

    let fit = fit(&shapes, pose.floor, mirror);
    let mut out: Vec<Shape> = Vec::with_capacity(shapes.len() + 3);
    if pose.floor {
        // Drawn from the figure's back to its front, like every mirrored line.
        let h = FLOOR_WIDTH / 2.0;
        let mut points = vec![[h, h], [WIDTH - h, h]];
        if mirror {
            points.reverse();
        }
        out.push(Shape::Line {
            points,
            width: FLOOR_WIDTH,
            tone: Tone::Prop,
        });
    }
    out.extend(shapes.iter().map(|s| fit.shape(s)));
    let baseline = HEIGHT - MARGIN - LABEL_SIZE * 0.75;
    if let Some(h) = hold {
        out.push(Shape::Text {
            at: [MARGIN, baseline],
            text: format!("hold {} s", fmt_num(h)),
            size: LABEL_SIZE,
            tone: Tone::Mark,
        });
    }
    if let Some(l) = label {
        let text = match l {
            Limb::Left => "L",
            Limb::Right => "R",
        };
        out.push(Shape::Text {
            at: [WIDTH - MARGIN - text_width(text, LABEL_SIZE), baseline],
            text: text.to_owned(),
            size: LABEL_SIZE,
            tone: Tone::Mark,
        });
    }

    let found = surfaces(&pose.props);
    let place = |pos: &Position, sk: &Skeleton| placed(pos, sk, pose, &found, &fit);
    let mut positions = Vec::new();
    if let (Some(p), Some(sk)) = (&pose.start, &start) {
        positions.push(place(p, sk));
    }
    positions.push(place(&pose.end, &end));
    let partner = pose
        .partner()
        .zip(partner.as_ref())
        .map(|(p, sk)| placed(p, sk, pose, &props::Surfaces::default(), &fit));
    Scene {
        drawing: Drawing {
            width: WIDTH,
            height: HEIGHT,
            shapes: out,
        },
        working: if mirror { Limb::Left } else { Limb::Right },
        label,
        unit: fit.scale,
        floor: pose.floor,
        positions,
        partner,
    }
}

/// The scale and shift that fit `shapes` (body units) into the frame: centred across, the
/// floor on the frame's bottom edge (or a margin below when there is no floor), room for the
/// labels above.
fn fit(shapes: &[Shape], floor: bool, mirror: bool) -> Fit {
    let b = bounds(shapes).unwrap_or([0.0, 0.0, 1.0, 1.0]);
    let y0 = if floor { 0.0 } else { b[1] };
    let bottom = if floor { 0.0 } else { MARGIN };
    let w = (b[2] - b[0]).max(1e-3);
    let h = (b[3] - y0).max(1e-3);
    let scale = ((WIDTH - 2.0 * MARGIN) / w).min((HEIGHT - TOP - bottom) / h);
    Fit {
        scale,
        dx: WIDTH / 2.0 - scale * (b[0] + b[2]) / 2.0,
        dy: bottom - scale * y0,
        mirror,
    }
}

fn placed(
    pos: &Position,
    sk: &Skeleton,
    pose: &ExercisePose,
    found: &props::Surfaces,
    fit: &Fit,
) -> Placed {
    // Data names to the athlete's: mirrored, the data's right limbs are the left ones.
    let name = |p: BodyPoint| if fit.mirror { p.mirrored() } else { p };
    let limb = |l: Limb| if fit.mirror { l.other() } else { l };
    let mut points = [[0.0; 2]; POINTS];
    for p in BodyPoint::all() {
        points[name(p).index()] = fit.pt(sk.at(p));
    }
    let capsules = sk
        .capsules()
        .into_iter()
        .map(|c| Capsule {
            a: fit.pt(c.a),
            b: fit.pt(c.b),
            radius: fit.len(c.radius),
            part: if fit.mirror {
                c.part.mirrored()
            } else {
                c.part
            },
        })
        .collect();
    let mut contacts = Vec::new();
    let mut solids = Vec::new();
    for c in &pos.contacts {
        let on = match c.1 {
            Support::Floor => Some(Target::Level {
                y: fit.pt([0.0, 0.0])[1],
                x0: f32::MIN,
                x1: f32::MAX,
            }),
            Support::Top | Support::Seat => {
                let ledge = if c.1 == Support::Top {
                    found.top
                } else {
                    found.seat
                };
                ledge.map(|l| {
                    let (a, b) = (fit.pt([l.x0, l.y]), fit.pt([l.x1, l.y]));
                    Target::Level {
                        y: a[1],
                        x0: a[0].min(b[0]),
                        x1: a[0].max(b[0]),
                    }
                })
            }
            Support::Wall => found.wall.map(|w| match w {
                Upright::Face { x, dir } => Target::Face {
                    x: fit.pt([x, 0.0])[0],
                    dir: fit.dir([dir, 0.0])[0],
                },
                Upright::Post { x } => Target::Post {
                    x: fit.pt([x, 0.0])[0],
                },
            }),
            Support::At(x, y) => Some(Target::Point(fit.pt([x, y]))),
            Support::Touch(other) => Some(Target::Point(fit.pt(sk.at(other)))),
        };
        if let Some(on) = on {
            contacts.push(PlacedContact {
                point: name(c.0),
                at: fit.pt(sk.at(c.0)),
                radius: fit.len(sk.contact_radius(c.0)),
                on,
            });
        }
        for r in props::solids(&pose.props, c.1) {
            let (a, b) = (fit.pt([r[0], r[1]]), fit.pt([r[2], r[3]]));
            let rect = [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[0].max(b[0]),
                a[1].max(b[1]),
            ];
            if !solids.contains(&rect) {
                solids.push(rect);
            }
        }
    }
    let mut knees = [0.0; 2];
    let mut elbows = [0.0; 2];
    for l in [Limb::Right, Limb::Left] {
        knees[side_index(limb(l))] = pos.leg(l).knee;
        elbows[side_index(limb(l))] = pos.arm(l).elbow;
    }
    Placed {
        points,
        capsules,
        head_radius: fit.len(radius::HEAD),
        contacts,
        solids,
        knees,
        elbows,
    }
}
