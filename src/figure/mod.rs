//! Pictures of exercises, drawn by the program from pose data (`data/poses.ron`): a human
//! figure of body segments posed by joint angles, in its start and end position (or the key
//! position of a hold), with the props the exercise needs. The result is a [`Drawing`]: plain
//! shapes in a frame, free of any drawing library, so the window (egui), the PDF (krilla) and
//! the contact sheet (SVG) draw the same picture the same way.
//!
//! Coordinates are in figure units with y up: the floor is y = 0, the frame runs from
//! `(0, 0)` to `(width, height)`.

use crate::model::{Exercise, Limb, Side};

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
    /// A head, a ball, a weight plate.
    Circle {
        centre: [f32; 2],
        radius: f32,
        tone: Tone,
        filled: bool,
    },
    /// A closed outline (bench, box, step), filled or not.
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
    /// An arrow head at `tip`, pointing along `direction`.
    ArrowHead {
        tip: [f32; 2],
        direction: [f32; 2],
        size: f32,
        tone: Tone,
    },
    /// A short label ("hold 30 s").
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
/// when there is no pose for it.
pub fn figure(exercise: &Exercise, side: Side, injured: Option<Limb>) -> Option<Drawing> {
    let _ = (exercise, side, injured);
    None
}
