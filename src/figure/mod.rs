//! Pictures of exercises, drawn by the program from pose data (`data/poses.ron`): a human
//! figure of body segments posed by joint angles, in its start and end position (or the key
//! position of a hold), with the props the exercise needs. The result is a [`Drawing`]: plain
//! shapes in a frame, free of any drawing library, so the window (egui), the PDF (krilla) and
//! the contact sheet (SVG) draw the same picture the same way.
//!
//! Coordinates are in figure units with y up: the floor is y = 0 (what the body rests on; the
//! floor line is drawn just above it, inside the frame), the frame runs from `(0, 0)` to
//! `(width, height)` ([`WIDTH`] x [`HEIGHT`], 4:3), and every shape lies inside it.
//!
//! Left and right follow the dose: the working limb is always the one nearest the viewer,
//! drawn dark. The pose data pictures the right side working (the figure faces right in a
//! side view); a dose for the left side (`Side::Left`, or the injured or other side resolved
//! with the plan's injured side) is drawn as the mirror image, the left side nearest, and a
//! small "L" or "R" label in the top right corner names the side. A dose for both sides or
//! each side in turn shows the right side, without a label.
//!
//! How to draw the shapes (the window, the PDF and the SVG contact sheet do the same): every
//! shape is filled in its tone's colour ([`Tone::grey`] on white paper); a capsule is a thick
//! line with round ends; an unfilled circle or polygon is an outline [`OUTLINE`] wide; an arrow
//! head is a filled triangle; text is sans-serif, `at` being the left end of its baseline.
//! Shapes come back to front: props, the start position, far limbs, trunk and head, near
//! limbs, arrows and labels; [`Tone::Paper`] capsules just wider than a limb, drawn before it,
//! keep overlapping limbs apart.

mod body;
pub mod pose;
mod props;
mod render;
mod solve;
pub mod svg;

use crate::model::{Dose, DoseKind, Exercise, Limb, Side};

pub use body::{Capsule, Part};
pub use pose::{BodyPoint, PoseBook, PoseError, builtin as poses};
pub use props::Rect;
pub use render::{LABEL_SIZE, Placed, PlacedContact, Scene, Target, bounds, text_width};

/// Width of the frame every drawing is laid out in, figure units.
pub const WIDTH: f32 = 160.0;
/// Height of the frame, figure units (4:3).
pub const HEIGHT: f32 = 120.0;
/// Width of the outline of an unfilled circle or polygon, figure units.
pub const OUTLINE: f32 = 1.2;

/// How a shape is shaded, so the picture reads in black and white: the limbs on the near side
/// dark, the far side lighter and behind, the start position faint, props as outlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Body segments on the near side, and the trunk and head.
    Near,
    /// Body segments on the far side (drawn first, behind).
    Far,
    /// The start position, drawn faint behind the end position.
    Ghost,
    /// Floor, bench, step, box, ball, band, dumbbell, partner.
    Prop,
    /// The arrow showing the direction of movement, and any label.
    Mark,
    /// The paper (the background): a rim drawn just outside a limb before it, so a limb in
    /// front of another, or of the trunk, stays apart from it. Draw it in the colour of what
    /// the picture is drawn on.
    Paper,
}

impl Tone {
    /// The grey (0 black - 255 white) this tone is printed in on white paper, so the picture
    /// reads in black and white.
    pub fn grey(self) -> u8 {
        match self {
            Tone::Near => 0x1e,
            Tone::Far => 0x8c,
            Tone::Ghost => 0xd2,
            Tone::Prop => 0x6e,
            Tone::Mark => 0x00,
            Tone::Paper => 0xff,
        }
    }
}

/// One shape of a drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A limb or trunk segment: a line from `a` to `b` with round ends, `radius` thick.
    Capsule {
        a: [f32; 2],
        b: [f32; 2],
        radius: f32,
        tone: Tone,
    },
    /// A head, a ball, a weight plate. Unfilled, an outline [`OUTLINE`] wide.
    Circle {
        centre: [f32; 2],
        radius: f32,
        tone: Tone,
        filled: bool,
    },
    /// A closed outline (bench, box, step), filled or not; filled polygons are convex.
    Polygon {
        points: Vec<[f32; 2]>,
        tone: Tone,
        filled: bool,
    },
    /// An open line (floor, band, arrow shaft) `width` thick.
    Line {
        points: Vec<[f32; 2]>,
        width: f32,
        tone: Tone,
    },
    /// An arrow head at `tip`, pointing along `direction` (a unit vector): a filled triangle
    /// `size` long and `size` wide at its base.
    ArrowHead {
        tip: [f32; 2],
        direction: [f32; 2],
        size: f32,
        tone: Tone,
    },
    /// A short label ("hold 30 s"): `at` is the left end of its baseline, `size` the font
    /// size, both in figure units.
    Text {
        at: [f32; 2],
        text: String,
        size: f32,
        tone: Tone,
    },
}

/// A picture of an exercise: shapes in back-to-front order inside a `width` x `height` frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
}

/// The picture of `exercise` as dosed for `side` (left/right follows the dose: a dose for the
/// injured side of a plan whose left side is injured shows the left leg working), or `None`
/// when there is no pose for it. A hold is labelled with the exercise's default hold time; use
/// [`figure_for_dose`] to label it with a prescription's.
pub fn figure(exercise: &Exercise, side: Side, injured: Option<Limb>) -> Option<Drawing> {
    scene(exercise, side, injured, exercise.default_dose.hold_secs).map(|s| s.drawing)
}

/// The picture of `exercise` as `dose` prescribes it: the side it works and, for a hold, its
/// hold time.
pub fn figure_for_dose(exercise: &Exercise, dose: &Dose, injured: Option<Limb>) -> Option<Drawing> {
    let hold = dose.hold_secs.or(exercise.default_dose.hold_secs);
    scene(exercise, dose.side, injured, hold).map(|s| s.drawing)
}

/// The id of the drawing that pictures `exercise`: the one it is drawn as, else its own.
pub fn drawing_id(exercise: &Exercise) -> &str {
    exercise.drawn_as.as_deref().unwrap_or(&exercise.id)
}

/// Whether there is a drawing with this id (every built-in exercise has one).
pub fn has_drawing(id: &str) -> bool {
    pose::builtin().is_ok_and(|book| book.get(id).is_some())
}

/// The limb a dose for `side` works, drawn near and labelled; `None` for both sides or each
/// side in turn (the picture then shows the right side, unlabelled).
pub fn working_limb(side: Side, injured: Option<Limb>) -> Option<Limb> {
    side.limb(injured)
}

/// The picture of `exercise` with where its body points and contacts ended up (for checks),
/// `hold` seconds printed on a hold.
pub fn scene(
    exercise: &Exercise,
    side: Side,
    injured: Option<Limb>,
    hold: Option<f64>,
) -> Option<Scene> {
    let pose = pose::builtin().ok()?.get(drawing_id(exercise))?;
    let limb = working_limb(side, injured);
    let hold = if exercise.dose_kind == DoseKind::TimedHold {
        hold
    } else {
        None
    };
    Some(render::scene(pose, limb == Some(Limb::Left), limb, hold))
}
