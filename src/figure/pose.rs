//! Pose data: how each exercise is pictured, read from `data/poses.ron` (embedded in the
//! program) and parsed once. A picture is one or two positions of the body (start and end, or
//! the key position of a hold), the props it needs and the arrows that show the movement. A
//! position is data: where its root body point is, the body's turn, the joint angles, what the
//! body rests on (contacts) and which angles the contact solver may adjust so that the contacts
//! touch exactly.
//!
//! Every position is authored with the working limb on the body's right, the side the viewer
//! sees; a picture for the left side is the mirror image (see [`super::figure`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Limb;

/// Pose file format this version reads.
pub const POSES_FORMAT_VERSION: u32 = 1;

/// The text of the built-in poses, embedded in the program.
const POSES_RON: &str = include_str!("../../data/poses.ron");

/// A named point of the body. Limb points name their side (`Knee(Right)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum BodyPoint {
    /// Centre of the head.
    Head,
    /// Base of the neck, at shoulder height, on the trunk's axis.
    Neck,
    /// Front of the chest.
    Chest,
    /// Front of the lower belly.
    Belly,
    /// Between the hip joints, on the trunk's axis.
    Pelvis,
    /// Back of the pelvis.
    Buttock,
    /// Back of the trunk at the shoulder blades (what rests on a bench's edge).
    UpperBack,
    Shoulder(Limb),
    Elbow(Limb),
    Wrist(Limb),
    /// Middle of the hand (the palm).
    Hand(Limb),
    Hip(Limb),
    /// Middle of the thigh.
    Thigh(Limb),
    Knee(Limb),
    /// Middle of the shank.
    Shin(Limb),
    Ankle(Limb),
    /// Centre of the heel end of the sole.
    Heel(Limb),
    /// Centre of the toe end of the sole (the ball of the foot and the toes).
    Toe(Limb),
}

/// Angles of one leg, degrees.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Leg {
    /// Flexion (thigh forwards); negative is extension.
    pub hip: f32,
    /// Abduction (thigh out to the side); negative is adduction.
    pub abduct: f32,
    /// External rotation (knee turned out); negative is internal rotation.
    pub rotate: f32,
    /// Flexion (heel towards the buttock); never negative.
    pub knee: f32,
    /// Dorsiflexion (toes towards the shin); negative is plantarflexion (pointing the toes).
    pub ankle: f32,
}

/// Angles of one arm, degrees.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Arm {
    /// Flexion (arm forwards and up); negative is extension (arm back).
    pub shoulder: f32,
    /// Abduction (arm out to the side).
    pub abduct: f32,
    /// Flexion (hand towards the shoulder); never negative.
    pub elbow: f32,
}

/// Where the position is placed: body point `point` at `x` and, when given, `y`. Without `y`
/// the contacts decide the height (the body is lowered onto what it rests on).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Root {
    pub point: BodyPoint,
    #[serde(default)]
    pub x: f32,
    #[serde(default)]
    pub y: Option<f32>,
}

/// What a body point rests on or holds.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub enum Support {
    /// The floor, y = 0.
    Floor,
    /// The top of the exercise's bench, box or step.
    Top,
    /// The seat of the exercise's chair.
    Seat,
    /// The face of the exercise's wall, or its rail (held anywhere along it).
    Wall,
    /// A fixed point (a handle, a partner's grip): the body point's centre is there.
    At(f32, f32),
    /// Another body point (hands holding a thigh, feet together).
    Touch(BodyPoint),
}

/// A body point resting on (or holding) a support.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Contact(pub BodyPoint, pub Support);

/// One value of a position the contact solver may adjust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Dof {
    X,
    Y,
    Pitch,
    Roll,
    Neck,
    Hip(Limb),
    Abduct(Limb),
    Rotate(Limb),
    Knee(Limb),
    Ankle(Limb),
    Shoulder(Limb),
    ShoulderAbduct(Limb),
    Elbow(Limb),
}

impl Dof {
    /// The range the solver keeps this value in: knees and elbows never bend backwards nor
    /// fold flat, other joints stay within what a body does.
    pub fn limits(self) -> (f32, f32) {
        match self {
            Dof::X | Dof::Y | Dof::Pitch | Dof::Roll => (f32::MIN, f32::MAX),
            Dof::Neck => (-60.0, 60.0),
            Dof::Hip(_) => (-60.0, 150.0),
            Dof::Abduct(_) => (-40.0, 60.0),
            Dof::Rotate(_) => (-50.0, 60.0),
            Dof::Knee(_) | Dof::Elbow(_) => (0.0, 160.0),
            Dof::Ankle(_) => (-70.0, 40.0),
            Dof::Shoulder(_) => (-90.0, 190.0),
            Dof::ShoulderAbduct(_) => (-60.0, 180.0),
        }
    }
}

/// One position of the body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub root: Root,
    /// Forward lean of the whole body, degrees: 0 upright, 90 face down with the head towards
    /// +x, -90 on the back with the head towards -x.
    #[serde(default)]
    pub pitch: f32,
    /// Roll onto the right side, degrees (after the pitch): 90 lies on the right side.
    #[serde(default)]
    pub roll: f32,
    /// Turn about the vertical, degrees (last): -90 turns the front of the body towards the
    /// viewer (a front view).
    #[serde(default)]
    pub yaw: f32,
    /// Neck flexion (chin to chest); negative looks up.
    #[serde(default)]
    pub neck: f32,
    #[serde(default)]
    pub right_leg: Leg,
    #[serde(default)]
    pub left_leg: Leg,
    #[serde(default)]
    pub right_arm: Arm,
    #[serde(default)]
    pub left_arm: Arm,
    /// What the body rests on; the solver makes these touch.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Values the solver may adjust (besides the height, when `root.y` is not given).
    #[serde(default)]
    pub free: Vec<Dof>,
}

impl Position {
    /// The leg on side `l`.
    pub fn leg(&self, l: Limb) -> &Leg {
        match l {
            Limb::Right => &self.right_leg,
            Limb::Left => &self.left_leg,
        }
    }

    /// The arm on side `l`.
    pub fn arm(&self, l: Limb) -> &Arm {
        match l {
            Limb::Right => &self.right_arm,
            Limb::Left => &self.left_arm,
        }
    }

    /// The value of `dof`.
    pub fn get(&self, dof: Dof) -> f32 {
        match dof {
            Dof::X => self.root.x,
            Dof::Y => self.root.y.unwrap_or(0.0),
            Dof::Pitch => self.pitch,
            Dof::Roll => self.roll,
            Dof::Neck => self.neck,
            Dof::Hip(l) => self.leg(l).hip,
            Dof::Abduct(l) => self.leg(l).abduct,
            Dof::Rotate(l) => self.leg(l).rotate,
            Dof::Knee(l) => self.leg(l).knee,
            Dof::Ankle(l) => self.leg(l).ankle,
            Dof::Shoulder(l) => self.arm(l).shoulder,
            Dof::ShoulderAbduct(l) => self.arm(l).abduct,
            Dof::Elbow(l) => self.arm(l).elbow,
        }
    }

    /// The value of `dof`, to change.
    pub fn value_mut(&mut self, dof: Dof) -> &mut f32 {
        fn leg(p: &mut Position, l: Limb) -> &mut Leg {
            match l {
                Limb::Right => &mut p.right_leg,
                Limb::Left => &mut p.left_leg,
            }
        }
        match dof {
            Dof::X => &mut self.root.x,
            Dof::Y => self.root.y.get_or_insert(0.0),
            Dof::Pitch => &mut self.pitch,
            Dof::Roll => &mut self.roll,
            Dof::Neck => &mut self.neck,
            Dof::Hip(l) => &mut leg(self, l).hip,
            Dof::Abduct(l) => &mut leg(self, l).abduct,
            Dof::Rotate(l) => &mut leg(self, l).rotate,
            Dof::Knee(l) => &mut leg(self, l).knee,
            Dof::Ankle(l) => &mut leg(self, l).ankle,
            Dof::Shoulder(l) => &mut self.arm_mut(l).shoulder,
            Dof::ShoulderAbduct(l) => &mut self.arm_mut(l).abduct,
            Dof::Elbow(l) => &mut self.arm_mut(l).elbow,
        }
    }

    fn arm_mut(&mut self, l: Limb) -> &mut Arm {
        match l {
            Limb::Right => &mut self.right_arm,
            Limb::Left => &mut self.left_arm,
        }
    }
}

/// A prop: equipment, furniture, water or a partner. Lengths are fractions of the athlete's
/// height; `x` positions are in the same frame as the positions' roots.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Prop {
    /// A bench or plinth: a padded top `height` high from `x` to `x + width`, on two legs.
    Bench { x: f32, width: f32, height: f32 },
    /// A box or step: solid from the floor up to `height`, from `x` to `x + width`.
    Box { x: f32, width: f32, height: f32 },
    /// A chair facing +x, the front edge of its seat at `x`.
    Chair { x: f32 },
    /// A wall whose face is at `x`; the wall lies on the side of `x` away from 0.
    Wall { x: f32 },
    /// A post to hold (a rail, a wall bar) at `x`, `height` high; hands holding it (`Wall`
    /// contacts) are on it at any height.
    Rail { x: f32, height: f32 },
    /// A rolled towel on the floor, centred at `x`.
    Towel { x: f32 },
    /// Sliders under both heels.
    Sliders,
    /// A dumbbell held in a hand.
    Dumbbell(Limb),
    /// A barbell seen end on: a plate around the bar at a body point.
    Barbell(BodyPoint),
    /// A weight plate held at a body point (hugged to the chest).
    Plate(BodyPoint),
    /// An elastic band from a body point to a fixed anchor.
    Band { from: BodyPoint, to: (f32, f32) },
    /// A towel or strap from the hands around a foot.
    Strap { from: BodyPoint, to: BodyPoint },
    /// A partner (drawn as an outline) in this position: holding the ankles in a Nordic curl.
    Partner(Position),
    /// Water up to `level` (pool work); the picture has no floor.
    Water { level: f32 },
    /// A buoyancy belt round the waist.
    Belt,
    /// A pull buoy between the thighs.
    PullBuoy,
    /// A leg-curl machine's roller pad behind the ankles and its lever from the knee.
    LegCurlPad,
    /// An elliptical trainer: pedals under the feet, handles at the hands, a frame in front.
    Elliptical,
    /// An arm ergometer: a column with a crank at `height`, its centre at `x`.
    ArmBike { x: f32, height: f32 },
}

/// An arrow showing the movement or the effort.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Arrow {
    /// The path of a body point from the start to the end position: an arc about `pivot`
    /// when given, else straight; moved `offset` away from the body (an arc: outwards; a
    /// straight arrow: to its left); with heads at both ends when `both`.
    Move {
        point: BodyPoint,
        #[serde(default)]
        pivot: Option<BodyPoint>,
        #[serde(default)]
        offset: f32,
        #[serde(default)]
        both: bool,
    },
    /// A short arrow pressing on a body point (of the end position) in direction `angle`
    /// (degrees from +x, counter-clockwise): the effort of a hold. With `lead` (or when there is
    /// no room below the point) it starts at the point and leads away from it instead.
    Push {
        point: BodyPoint,
        angle: f32,
        #[serde(default)]
        lead: bool,
    },
    /// An arc about `pivot` starting at `point` (of the end position) and turning `sweep`
    /// degrees (counter-clockwise positive), `offset` outside it: the effort of a hold that
    /// would turn a joint.
    Curl {
        point: BodyPoint,
        pivot: BodyPoint,
        sweep: f32,
        #[serde(default)]
        offset: f32,
    },
    /// A straight arrow between two fixed points (the direction of travel).
    Line {
        from: (f32, f32),
        to: (f32, f32),
        #[serde(default)]
        both: bool,
    },
    /// A circular arrow about `centre` from angle `from` to `to` (degrees, counter-clockwise
    /// from +x; `to` < `from` turns clockwise).
    Turn {
        centre: (f32, f32),
        radius: f32,
        from: f32,
        to: f32,
    },
}

/// How one exercise is pictured.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExercisePose {
    /// The exercise's id in the library.
    pub id: String,
    /// Whether the picture has a floor (not for pool work).
    #[serde(default = "yes")]
    pub floor: bool,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// The start position, drawn faint; none for a hold or a steady activity.
    #[serde(default)]
    pub start: Option<Position>,
    /// The end position (or the one position), drawn solid.
    pub end: Position,
    #[serde(default)]
    pub arrows: Vec<Arrow>,
}

fn yes() -> bool {
    true
}

impl ExercisePose {
    /// The positions, start first.
    pub fn positions(&self) -> impl Iterator<Item = &Position> {
        self.start.iter().chain(std::iter::once(&self.end))
    }

    /// The partner's position, when the picture has one.
    pub fn partner(&self) -> Option<&Position> {
        self.props.iter().find_map(|p| match p {
            Prop::Partner(pos) => Some(pos),
            _ => None,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PoseFile {
    format_version: u32,
    poses: Vec<ExercisePose>,
}

/// Every exercise's pose, by exercise id, with the contacts solved.
#[derive(Debug, Clone, Default)]
pub struct PoseBook {
    poses: Vec<ExercisePose>,
    by_id: HashMap<String, usize>,
}

impl PoseBook {
    /// The pose of exercise `id`.
    pub fn get(&self, id: &str) -> Option<&ExercisePose> {
        self.by_id.get(id).map(|&i| &self.poses[i])
    }

    /// Every pose, in file order.
    pub fn poses(&self) -> &[ExercisePose] {
        &self.poses
    }
}

/// What can go wrong reading pose data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoseError {
    #[error("poses, at {line}:{column}: {message}; correct the text at that line and column")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "poses have format_version {found}, but this loadplan reads up to {supported}; update loadplan"
    )]
    NewerFormat { found: u32, supported: u32 },
    #[error("poses: exercise \"{id}\" has more than one pose; keep one")]
    DuplicateId { id: String },
}

/// Reads pose data from RON text and solves every position's contacts.
pub fn parse_poses(text: &str) -> Result<PoseBook, PoseError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: PoseFile = options.from_str(text).map_err(|e| PoseError::Parse {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.format_version > POSES_FORMAT_VERSION {
        return Err(PoseError::NewerFormat {
            found: file.format_version,
            supported: POSES_FORMAT_VERSION,
        });
    }
    let mut book = PoseBook::default();
    for mut pose in file.poses {
        if book.by_id.contains_key(&pose.id) {
            return Err(PoseError::DuplicateId { id: pose.id });
        }
        super::solve::solve_pose(&mut pose);
        book.by_id.insert(pose.id.clone(), book.poses.len());
        book.poses.push(pose);
    }
    Ok(book)
}

/// The built-in poses, parsed and solved once on first use and shared afterwards.
pub fn builtin() -> Result<&'static PoseBook, PoseError> {
    static BUILTIN: OnceLock<Result<PoseBook, PoseError>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| parse_poses(POSES_RON))
        .as_ref()
        .map_err(Clone::clone)
}
