//! The body: segment lengths and thicknesses as fractions of standing height H (Drillis &
//! Contini 1966), and forward kinematics from joint angles to the positions of the body's
//! points. The skeleton is posed in three dimensions and seen by an orthographic camera looking
//! along -z (x right, y up, z towards the viewer), so a side view and a front view are the same
//! skeleton turned differently; the floor stays y = 0 whatever the turn.
//!
//! Angles are degrees. The body's own axes are `a` (anterior: where the chest faces), `s`
//! (superior: pelvis to neck) and `r` (the body's right side). Unturned, the body stands facing
//! +x with its right side towards the viewer.

use crate::model::Limb;

use super::pose::{Arm, BodyPoint, Leg, Position};

/// Lengths, as fractions of standing height.
pub mod len {
    /// Hip joint to knee joint.
    pub const THIGH: f32 = 0.245;
    /// Knee joint to ankle joint.
    pub const SHANK: f32 = 0.246;
    /// Shoulder joint to elbow.
    pub const UPPER_ARM: f32 = 0.186;
    /// Elbow to wrist.
    pub const FOREARM: f32 = 0.146;
    /// Wrist to the middle of the hand (the hand is 0.108 H to the finger tips).
    pub const HAND: f32 = 0.062;
    /// Hip joints to the base of the neck (shoulder height).
    pub const TRUNK: f32 = 0.29;
    /// Base of the neck to the centre of the head.
    pub const NECK: f32 = 0.115;
    /// Height of the ankle joint above the sole.
    pub const ANKLE_HEIGHT: f32 = 0.039;
    /// Ankle to the back of the heel, along the sole.
    pub const HEEL_BACK: f32 = 0.025 + super::radius::FOOT;
    /// Ankle to the tip of the toes, along the sole (heel to toe 0.152 H).
    pub const TOE_FRONT: f32 = 0.152 - HEEL_BACK;
    /// Half the distance between the hip joints.
    pub const HIP_HALF_WIDTH: f32 = 0.055;
    /// Half the distance between the shoulder joints.
    pub const SHOULDER_HALF_WIDTH: f32 = 0.1;
    /// Shoulder joints below the base of the neck.
    pub const SHOULDER_DROP: f32 = 0.03;
}

/// Half thicknesses of the segments drawn as capsules, as fractions of standing height.
pub mod radius {
    /// Trunk, front to back (its depth seen from the side).
    pub const TRUNK_DEPTH: f32 = 0.068;
    /// Trunk, side to side (its width seen from the front).
    pub const TRUNK_WIDTH: f32 = 0.1;
    pub const HEAD: f32 = 0.065;
    pub const NECK: f32 = 0.03;
    pub const THIGH: f32 = 0.045;
    pub const SHANK: f32 = 0.034;
    pub const FOOT: f32 = 0.02;
    pub const UPPER_ARM: f32 = 0.03;
    pub const FOREARM: f32 = 0.025;
    pub const HAND: f32 = 0.021;
}

/// A point or direction in space.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct V3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

impl V3 {
    pub const fn new(x: f32, y: f32, z: f32) -> V3 {
        V3 { x, y, z }
    }

    fn add(self, o: V3) -> V3 {
        V3::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }

    fn scale(self, k: f32) -> V3 {
        V3::new(self.x * k, self.y * k, self.z * k)
    }

    /// `self + d * k`.
    fn along(self, d: V3, k: f32) -> V3 {
        self.add(d.scale(k))
    }

    fn rot_x(self, deg: f32) -> V3 {
        let (s, c) = deg.to_radians().sin_cos();
        V3::new(self.x, self.y * c - self.z * s, self.y * s + self.z * c)
    }

    fn rot_y(self, deg: f32) -> V3 {
        let (s, c) = deg.to_radians().sin_cos();
        V3::new(self.x * c + self.z * s, self.y, -self.x * s + self.z * c)
    }

    fn rot_z(self, deg: f32) -> V3 {
        let (s, c) = deg.to_radians().sin_cos();
        V3::new(self.x * c - self.y * s, self.x * s + self.y * c, self.z)
    }

    /// The point as the camera sees it.
    pub fn xy(self) -> [f32; 2] {
        [self.x, self.y]
    }
}

/// The axes of the body or of one segment: anterior, superior (towards the proximal joint
/// for a limb segment: the segment runs along -s) and the right side.
#[derive(Debug, Clone, Copy)]
struct Frame {
    a: V3,
    s: V3,
    r: V3,
}

impl Frame {
    /// Rotation about `r`: positive moves the distal end (-s) towards `a` (hip, shoulder and
    /// elbow flexion, ankle dorsiflexion of the toes towards the shin).
    fn flex(self, deg: f32) -> Frame {
        let (sn, c) = deg.to_radians().sin_cos();
        Frame {
            a: self.a.scale(c).along(self.s, sn),
            s: self.s.scale(c).along(self.a, -sn),
            r: self.r,
        }
    }

    /// Rotation about `a`: positive moves the distal end away from the midline (`side` is
    /// +1 for a right limb, -1 for a left one).
    fn abduct(self, deg: f32, side: f32) -> Frame {
        let (sn, c) = deg.to_radians().sin_cos();
        Frame {
            a: self.a,
            s: self.s.scale(c).along(self.r, -side * sn),
            r: self.r.scale(c).along(self.s, side * sn),
        }
    }

    /// Rotation about `s`: positive turns the front of the limb outwards (external rotation).
    fn rotate(self, deg: f32, side: f32) -> Frame {
        let (sn, c) = deg.to_radians().sin_cos();
        Frame {
            a: self.a.scale(c).along(self.r, side * sn),
            s: self.s,
            r: self.r.scale(c).along(self.a, -side * sn),
        }
    }
}

/// Number of named body points.
pub const POINTS: usize = 7 + 2 * LIMB_POINTS;
const LIMB_POINTS: usize = 11;

impl BodyPoint {
    /// Index into [`Skeleton::points`].
    pub fn index(self) -> usize {
        let limb = |limb: Limb, i: usize| {
            7 + i
                + match limb {
                    Limb::Right => 0,
                    Limb::Left => LIMB_POINTS,
                }
        };
        match self {
            BodyPoint::Head => 0,
            BodyPoint::Neck => 1,
            BodyPoint::Chest => 2,
            BodyPoint::Belly => 3,
            BodyPoint::Pelvis => 4,
            BodyPoint::Buttock => 5,
            BodyPoint::UpperBack => 6,
            BodyPoint::Shoulder(l) => limb(l, 0),
            BodyPoint::Elbow(l) => limb(l, 1),
            BodyPoint::Wrist(l) => limb(l, 2),
            BodyPoint::Hand(l) => limb(l, 3),
            BodyPoint::Hip(l) => limb(l, 4),
            BodyPoint::Thigh(l) => limb(l, 5),
            BodyPoint::Knee(l) => limb(l, 6),
            BodyPoint::Shin(l) => limb(l, 7),
            BodyPoint::Ankle(l) => limb(l, 8),
            BodyPoint::Heel(l) => limb(l, 9),
            BodyPoint::Toe(l) => limb(l, 10),
        }
    }

    /// Every body point, in index order.
    pub fn all() -> [BodyPoint; POINTS] {
        let mut out = [BodyPoint::Head; POINTS];
        let trunk = [
            BodyPoint::Head,
            BodyPoint::Neck,
            BodyPoint::Chest,
            BodyPoint::Belly,
            BodyPoint::Pelvis,
            BodyPoint::Buttock,
            BodyPoint::UpperBack,
        ];
        for p in trunk {
            out[p.index()] = p;
        }
        for l in [Limb::Right, Limb::Left] {
            for p in BodyPoint::limb_points(l) {
                out[p.index()] = p;
            }
        }
        out
    }

    fn limb_points(l: Limb) -> [BodyPoint; LIMB_POINTS] {
        [
            BodyPoint::Shoulder(l),
            BodyPoint::Elbow(l),
            BodyPoint::Wrist(l),
            BodyPoint::Hand(l),
            BodyPoint::Hip(l),
            BodyPoint::Thigh(l),
            BodyPoint::Knee(l),
            BodyPoint::Shin(l),
            BodyPoint::Ankle(l),
            BodyPoint::Heel(l),
            BodyPoint::Toe(l),
        ]
    }

    /// The same point on the other side of the body (trunk points stay).
    pub fn mirrored(self) -> BodyPoint {
        match self {
            BodyPoint::Shoulder(l) => BodyPoint::Shoulder(l.other()),
            BodyPoint::Elbow(l) => BodyPoint::Elbow(l.other()),
            BodyPoint::Wrist(l) => BodyPoint::Wrist(l.other()),
            BodyPoint::Hand(l) => BodyPoint::Hand(l.other()),
            BodyPoint::Hip(l) => BodyPoint::Hip(l.other()),
            BodyPoint::Thigh(l) => BodyPoint::Thigh(l.other()),
            BodyPoint::Knee(l) => BodyPoint::Knee(l.other()),
            BodyPoint::Shin(l) => BodyPoint::Shin(l.other()),
            BodyPoint::Ankle(l) => BodyPoint::Ankle(l.other()),
            BodyPoint::Heel(l) => BodyPoint::Heel(l.other()),
            BodyPoint::Toe(l) => BodyPoint::Toe(l.other()),
            other => other,
        }
    }
}

/// A part of the body drawn as a capsule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Trunk,
    Neck,
    UpperArm(Limb),
    Forearm(Limb),
    Hand(Limb),
    Thigh(Limb),
    Shank(Limb),
    Foot(Limb),
}

impl Part {
    /// The limb the part belongs to; `None` for the trunk and neck.
    pub fn limb(self) -> Option<Limb> {
        match self {
            Part::Trunk | Part::Neck => None,
            Part::UpperArm(l)
            | Part::Forearm(l)
            | Part::Hand(l)
            | Part::Thigh(l)
            | Part::Shank(l)
            | Part::Foot(l) => Some(l),
        }
    }

    /// The same part on the other side of the body.
    pub fn mirrored(self) -> Part {
        match self {
            Part::Trunk => Part::Trunk,
            Part::Neck => Part::Neck,
            Part::UpperArm(l) => Part::UpperArm(l.other()),
            Part::Forearm(l) => Part::Forearm(l.other()),
            Part::Hand(l) => Part::Hand(l.other()),
            Part::Thigh(l) => Part::Thigh(l.other()),
            Part::Shank(l) => Part::Shank(l.other()),
            Part::Foot(l) => Part::Foot(l.other()),
        }
    }
}

/// A part of the body as the camera sees it: a capsule from `a` to `b`, `radius` thick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capsule {
    pub a: [f32; 2],
    pub b: [f32; 2],
    pub radius: f32,
    pub part: Part,
}

/// The parts of one limb, proximal first: `[arm, leg]`, each as (part, from, to, radius).
pub fn limb_parts(l: Limb) -> [[(Part, BodyPoint, BodyPoint, f32); 3]; 2] {
    [
        [
            (
                Part::UpperArm(l),
                BodyPoint::Shoulder(l),
                BodyPoint::Elbow(l),
                radius::UPPER_ARM,
            ),
            (
                Part::Forearm(l),
                BodyPoint::Elbow(l),
                BodyPoint::Wrist(l),
                radius::FOREARM,
            ),
            (
                Part::Hand(l),
                BodyPoint::Wrist(l),
                BodyPoint::Hand(l),
                radius::HAND,
            ),
        ],
        [
            (
                Part::Thigh(l),
                BodyPoint::Hip(l),
                BodyPoint::Knee(l),
                radius::THIGH,
            ),
            (
                Part::Shank(l),
                BodyPoint::Knee(l),
                BodyPoint::Ankle(l),
                radius::SHANK,
            ),
            (
                Part::Foot(l),
                BodyPoint::Heel(l),
                BodyPoint::Toe(l),
                radius::FOOT,
            ),
        ],
    ]
}

/// How far the trunk reaches below the hip joints (the crotch, the seat) and above the base
/// of the neck (the top of the shoulders).
const TRUNK_BELOW_HIPS: f32 = 0.06;
const TRUNK_ABOVE_NECK: f32 = 0.04;

/// A posed body: where every body point is, as the camera sees it (x, y) and how near it is
/// (z), with the trunk's thickness as seen.
#[derive(Debug, Clone)]
pub struct Skeleton {
    pub points: [V3; POINTS],
    /// Half the trunk's thickness across its long axis as the camera sees it.
    pub trunk_radius: f32,
}

impl Skeleton {
    /// Where `p` is, as the camera sees it.
    pub fn at(&self, p: BodyPoint) -> [f32; 2] {
        self.points[p.index()].xy()
    }

    /// How far below point `p` the surface of the body is: the radius a contact at `p` rests
    /// on a surface with (surface points such as the chest rest with 0).
    pub fn contact_radius(&self, p: BodyPoint) -> f32 {
        match p {
            BodyPoint::Head => radius::HEAD,
            // The drawn trunk's lowest point near its end: its full thickness lying down, less
            // sitting on its trimmed end.
            BodyPoint::Pelvis => {
                self.trunk_radius - (self.trunk().a[1] - self.at(BodyPoint::Pelvis)[1]).max(0.0)
            }
            BodyPoint::Neck => {
                self.trunk_radius - (self.trunk().b[1] - self.at(BodyPoint::Neck)[1]).max(0.0)
            }
            BodyPoint::Chest | BodyPoint::Belly | BodyPoint::Buttock | BodyPoint::UpperBack => 0.0,
            BodyPoint::Shoulder(_) => radius::UPPER_ARM,
            // A joint rests on the thicker of the two capsules that meet there.
            BodyPoint::Elbow(_) => radius::UPPER_ARM,
            BodyPoint::Wrist(_) => radius::FOREARM,
            BodyPoint::Hand(_) => radius::HAND,
            BodyPoint::Hip(_) | BodyPoint::Thigh(_) => radius::THIGH,
            BodyPoint::Knee(_) => radius::THIGH,
            BodyPoint::Shin(_) | BodyPoint::Ankle(_) => radius::SHANK,
            BodyPoint::Heel(_) | BodyPoint::Toe(_) => radius::FOOT,
        }
    }

    /// A capsule from body point `a` to `b`.
    fn capsule(&self, part: Part, a: BodyPoint, b: BodyPoint, radius: f32) -> Capsule {
        Capsule {
            a: self.at(a),
            b: self.at(b),
            radius,
            part,
        }
    }

    /// The trunk, from just below the hip joints to the top of the shoulders: its round ends
    /// are trimmed so they stop there however thick the trunk looks.
    pub fn trunk(&self) -> Capsule {
        let (p, n) = (self.at(BodyPoint::Pelvis), self.at(BodyPoint::Neck));
        let d = [n[0] - p[0], n[1] - p[1]];
        let len = d[0].hypot(d[1]).max(1e-6);
        let u = [d[0] / len, d[1] / len];
        let r = self.trunk_radius;
        let low = (r - TRUNK_BELOW_HIPS).max(0.0).min(len / 2.0);
        let high = (r - TRUNK_ABOVE_NECK).max(0.0).min(len / 2.0);
        Capsule {
            a: [p[0] + u[0] * low, p[1] + u[1] * low],
            b: [n[0] - u[0] * high, n[1] - u[1] * high],
            radius: r,
            part: Part::Trunk,
        }
    }

    /// The neck, from the base of the neck to the centre of the head (the head is a circle
    /// of [`radius::HEAD`] round [`BodyPoint::Head`]).
    pub fn neck(&self) -> Capsule {
        self.capsule(Part::Neck, BodyPoint::Neck, BodyPoint::Head, radius::NECK)
    }

    /// The capsules of one limb's arm and leg, proximal first: `[arm, leg]`.
    pub fn limb(&self, l: Limb) -> [[Capsule; 3]; 2] {
        limb_parts(l).map(|chain| chain.map(|(part, a, b, r)| self.capsule(part, a, b, r)))
    }

    /// Every capsule of the body: trunk, neck and the four limbs.
    pub fn capsules(&self) -> Vec<Capsule> {
        let mut out = vec![self.trunk(), self.neck()];
        for l in [Limb::Right, Limb::Left] {
            for chain in self.limb(l) {
                out.extend(chain);
            }
        }
        out
    }
}

/// The body's axes for the position's turn: pitch (leaning forwards), then roll (onto the
/// right side), then yaw (turning left, seen from above), about the world's axes.
fn body_frame(p: &Position) -> Frame {
    let turn = |v: V3| v.rot_z(-p.pitch).rot_x(p.roll).rot_y(p.yaw);
    Frame {
        a: turn(V3::new(1.0, 0.0, 0.0)),
        s: turn(V3::new(0.0, 1.0, 0.0)),
        r: turn(V3::new(0.0, 0.0, 1.0)),
    }
}

/// Support of an ellipse with semi-axes `da` along `a` and `dr` along `r`, in direction `u`.
fn ellipse_support(f: &Frame, u: V3, da: f32, dr: f32) -> f32 {
    let dot = |v: V3| v.x * u.x + v.y * u.y + v.z * u.z;
    ((da * dot(f.a)).powi(2) + (dr * dot(f.r)).powi(2)).sqrt()
}

/// Forward kinematics: the body in position `p` with its pelvis at the origin.
pub fn pose_at_origin(p: &Position) -> Skeleton {
    let body = body_frame(p);
    let mut points = [V3::default(); POINTS];
    let mut put = |bp: BodyPoint, v: V3| points[bp.index()] = v;

    let pelvis = V3::default();
    let neck = pelvis.along(body.s, len::TRUNK);
    let head_dir = body.flex(p.neck).s;
    put(BodyPoint::Pelvis, pelvis);
    put(BodyPoint::Neck, neck);
    put(BodyPoint::Head, neck.along(head_dir, len::NECK));
    put(
        BodyPoint::Chest,
        neck.along(body.s, -0.1).along(body.a, radius::TRUNK_DEPTH),
    );
    put(
        BodyPoint::Belly,
        pelvis
            .along(body.s, 0.09)
            .along(body.a, radius::TRUNK_DEPTH),
    );
    put(
        BodyPoint::Buttock,
        pelvis.along(body.a, -radius::TRUNK_DEPTH),
    );
    put(
        BodyPoint::UpperBack,
        neck.along(body.s, -0.07)
            .along(body.a, -radius::TRUNK_DEPTH),
    );
    for (limb, leg, arm) in [
        (Limb::Right, &p.right_leg, &p.right_arm),
        (Limb::Left, &p.left_leg, &p.left_arm),
    ] {
        let side = match limb {
            Limb::Right => 1.0,
            Limb::Left => -1.0,
        };
        let hip = pelvis.along(body.r, side * len::HIP_HALF_WIDTH);
        leg_points(body, hip, leg, limb, side, &mut put);
        let shoulder = neck
            .along(body.s, -len::SHOULDER_DROP)
            .along(body.r, side * len::SHOULDER_HALF_WIDTH);
        arm_points(body, shoulder, arm, limb, side, &mut put);
    }

    // The trunk as the camera sees it: an elliptical cross-section, deep front to back and
    // wide side to side.
    let axis = [body.s.x, body.s.y];
    let n = (axis[0] * axis[0] + axis[1] * axis[1]).sqrt();
    let across = if n > 1e-3 {
        V3::new(-axis[1] / n, axis[0] / n, 0.0)
    } else {
        V3::new(1.0, 0.0, 0.0)
    };
    let trunk_radius = ellipse_support(&body, across, radius::TRUNK_DEPTH, radius::TRUNK_WIDTH);
    Skeleton {
        points,
        trunk_radius,
    }
}

fn leg_points(
    body: Frame,
    hip: V3,
    leg: &Leg,
    limb: Limb,
    side: f32,
    put: &mut impl FnMut(BodyPoint, V3),
) {
    let thigh = body
        .flex(leg.hip)
        .abduct(leg.abduct, side)
        .rotate(leg.rotate, side);
    let knee = hip.along(thigh.s, -len::THIGH);
    let shank = thigh.flex(-leg.knee);
    let ankle = knee.along(shank.s, -len::SHANK);
    let foot = shank.flex(leg.ankle);
    let sole = ankle.along(foot.s, -(len::ANKLE_HEIGHT - radius::FOOT));
    put(BodyPoint::Hip(limb), hip);
    put(
        BodyPoint::Thigh(limb),
        hip.along(thigh.s, -len::THIGH / 2.0),
    );
    put(BodyPoint::Knee(limb), knee);
    put(
        BodyPoint::Shin(limb),
        knee.along(shank.s, -len::SHANK / 2.0),
    );
    put(BodyPoint::Ankle(limb), ankle);
    put(
        BodyPoint::Heel(limb),
        sole.along(foot.a, -(len::HEEL_BACK - radius::FOOT)),
    );
    put(
        BodyPoint::Toe(limb),
        sole.along(foot.a, len::TOE_FRONT - radius::FOOT),
    );
}

fn arm_points(
    body: Frame,
    shoulder: V3,
    arm: &Arm,
    limb: Limb,
    side: f32,
    put: &mut impl FnMut(BodyPoint, V3),
) {
    let upper = body.flex(arm.shoulder).abduct(arm.abduct, side);
    let elbow = shoulder.along(upper.s, -len::UPPER_ARM);
    let fore = upper.flex(arm.elbow);
    let wrist = elbow.along(fore.s, -len::FOREARM);
    put(BodyPoint::Shoulder(limb), shoulder);
    put(BodyPoint::Elbow(limb), elbow);
    put(BodyPoint::Wrist(limb), wrist);
    put(BodyPoint::Hand(limb), wrist.along(fore.s, -len::HAND));
}

/// Forward kinematics with the root point where the position puts it (its `y` taken as 0
/// when the position leaves it to the contacts and they have not been solved yet).
pub fn pose(p: &Position) -> Skeleton {
    let mut sk = pose_at_origin(p);
    let root = sk.points[p.root.point.index()];
    let shift = V3::new(p.root.x - root.x, p.root.y.unwrap_or(0.0) - root.y, 0.0);
    for v in &mut sk.points {
        *v = v.add(shift);
    }
    sk
}
