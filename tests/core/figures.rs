//! Pictures of exercises (src/figure, data/poses.ron): every built-in exercise has one; what
//! the body rests on touches it; nothing sinks into the floor or into what it rests on; the
//! picture fits its frame; the start and end positions differ; knees and elbows bend the right
//! way; left and right follow the dose. The contact sheet of every picture,
//! docs/contact_sheet.svg, is compared with what the program draws now:
//! `UPDATE_CONTACT_SHEET=1 cargo test --test core figures` writes it after a deliberate change
//! (look at it first).

use std::path::Path;

use loadplan::figure::{self, Drawing, Part, Placed, Scene, Shape, Target, Tone, svg};
use loadplan::library;
use loadplan::model::{DoseKind, Exercise, Laterality, Limb, Side};

/// How far a contact may miss, or a body sink, as a fraction of body height (1 cm in 1.75 m).
const TOLERANCE: f32 = 0.006;

fn exercises() -> &'static [Exercise] {
    &library::builtin().expect("built-in library").exercises
}

fn exercise(id: &str) -> &'static Exercise {
    exercises()
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no exercise {id}"))
}

fn scene(e: &Exercise, side: Side, injured: Option<Limb>) -> Scene {
    figure::scene(e, side, injured, e.default_dose.hold_secs)
        .unwrap_or_else(|| panic!("{}: no picture", e.id))
}

/// Every drawn position of every exercise (start, end, partner), with its exercise.
fn placed() -> Vec<(&'static Exercise, Scene)> {
    exercises()
        .iter()
        .map(|e| (e, scene(e, e.default_dose.side, None)))
        .collect()
}

fn bodies(s: &Scene) -> impl Iterator<Item = (&'static str, &Placed)> {
    let names = ["start", "end"];
    let n = s.positions.len();
    s.positions
        .iter()
        .enumerate()
        .map(move |(i, p)| (names[2 - n + i], p))
        .chain(s.partner.iter().map(|p| ("partner", p)))
}

#[test]
fn poses_load() {
    figure::poses().expect("data/poses.ron loads");
}

#[test]
fn every_exercise_has_a_picture_and_every_pose_an_exercise() {
    let book = figure::poses().expect("poses load");
    let missing: Vec<&str> = exercises()
        .iter()
        .filter(|e| book.get(&e.id).is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(missing.is_empty(), "exercises without a pose: {missing:?}");
    let orphans: Vec<&str> = book
        .poses()
        .iter()
        .filter(|p| exercises().iter().all(|e| e.id != p.id))
        .map(|p| p.id.as_str())
        .collect();
    assert!(orphans.is_empty(), "poses of no exercise: {orphans:?}");
    for e in exercises() {
        for side in Side::ALL {
            for injured in [None, Some(Limb::Left), Some(Limb::Right)] {
                let d = figure::figure(e, side, injured);
                assert!(
                    d.is_some_and(|d| !d.shapes.is_empty()),
                    "{}: {side:?}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn holds_show_one_position_and_the_hold_time_and_reps_two() {
    for (e, s) in placed() {
        let texts: Vec<&str> = s
            .drawing
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        match e.dose_kind {
            DoseKind::TimedHold => {
                assert_eq!(s.positions.len(), 1, "{}: a hold shows one position", e.id);
                let secs = e.default_dose.hold_secs.expect("a hold has a hold time");
                let label = format!("hold {} s", loadplan::model::fmt_num(secs));
                assert!(texts.contains(&label.as_str()), "{}: {texts:?}", e.id);
            }
            DoseKind::Reps => {
                assert_eq!(s.positions.len(), 2, "{}: start and end", e.id);
                assert!(texts.is_empty(), "{}: {texts:?}", e.id);
            }
            DoseKind::Minutes | DoseKind::Distance => {
                assert!(texts.is_empty(), "{}: {texts:?}", e.id);
            }
        }
        let arrows = s
            .drawing
            .shapes
            .iter()
            .filter(|sh| matches!(sh, Shape::ArrowHead { .. }))
            .count();
        let steady = e.id == "aqua_jogging" || e.id == "hamstring_stretch_gentle";
        assert!(steady || arrows > 0, "{}: no arrow", e.id);
    }
}

#[test]
fn supports_touch_what_they_rest_on() {
    let mut bad = Vec::new();
    for (e, s) in placed() {
        let tol = TOLERANCE * s.unit;
        for (name, body) in bodies(&s) {
            for c in &body.contacts {
                let miss = match c.on {
                    Target::Level { y, x0, x1 } => {
                        let dy = (c.at[1] - c.radius - y).abs();
                        let dx = (x0 - c.at[0]).max(c.at[0] - x1).max(0.0);
                        dy.max(dx)
                    }
                    Target::Face { x, dir } => (c.at[0] + dir * c.radius - x).abs(),
                    Target::Post { x } => (c.at[0] - x).abs(),
                    Target::Point(p) => (c.at[0] - p[0]).hypot(c.at[1] - p[1]),
                };
                if miss > tol {
                    bad.push(format!(
                        "{} {name}: {:?} misses by {:.3} H",
                        e.id,
                        c.point,
                        miss / s.unit
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Distance from point `p` to rectangle `r` (0 inside).
fn rect_distance(p: [f32; 2], r: [f32; 4]) -> f32 {
    let dx = (r[0] - p[0]).max(p[0] - r[2]).max(0.0);
    let dy = (r[1] - p[1]).max(p[1] - r[3]).max(0.0);
    dx.hypot(dy)
}

/// Samples of the segment from `a` to `b`.
fn samples(a: [f32; 2], b: [f32; 2]) -> impl Iterator<Item = [f32; 2]> {
    (0..=24).map(move |i| {
        let t = i as f32 / 24.0;
        [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
    })
}

#[test]
fn nothing_sinks_into_the_floor_or_into_what_it_rests_on() {
    let mut bad = Vec::new();
    for (e, s) in placed() {
        let tol = TOLERANCE * s.unit;
        for (name, body) in bodies(&s) {
            let head = body.at(figure::BodyPoint::Head);
            let mut round: Vec<(String, [f32; 2], [f32; 2], f32)> = body
                .capsules
                .iter()
                .map(|c| (format!("{:?}", c.part), c.a, c.b, c.radius))
                .collect();
            round.push(("head".to_owned(), head, head, body.head_radius));
            for (part, a, b, r) in &round {
                if s.floor && a[1].min(b[1]) - r < -tol {
                    bad.push(format!(
                        "{} {name}: {part} sinks {:.3} H into the floor",
                        e.id,
                        (r - a[1].min(b[1])) / s.unit
                    ));
                }
                for solid in &body.solids {
                    let d = samples(*a, *b)
                        .map(|p| rect_distance(p, *solid))
                        .fold(f32::MAX, f32::min);
                    if d < r - tol {
                        bad.push(format!(
                            "{} {name}: {part} sinks {:.3} H into what it rests on",
                            e.id,
                            (r - d) / s.unit
                        ));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_picture_fits_its_frame() {
    for e in exercises() {
        for side in [Side::Right, Side::Left, Side::Each] {
            let s = scene(e, side, None);
            let d = &s.drawing;
            assert_eq!(d.width / d.height, 4.0 / 3.0, "{}", e.id);
            // A body may touch the floor within the tolerance.
            let slack = TOLERANCE * s.unit;
            let outside: Vec<&Shape> = d
                .shapes
                .iter()
                .filter(|shape| {
                    let b = figure::bounds(std::slice::from_ref(*shape)).expect("a shape");
                    b[0] < -slack
                        || b[1] < -slack
                        || b[2] > d.width + slack
                        || b[3] > d.height + slack
                })
                .collect();
            assert!(
                outside.is_empty(),
                "{} ({side:?}) overflows its frame: {outside:?}",
                e.id
            );
        }
    }
}

#[test]
fn the_start_and_end_positions_differ() {
    for (e, s) in placed() {
        if let [start, end] = s.positions.as_slice() {
            let moved = figure::BodyPoint::all()
                .iter()
                .map(|&p| {
                    let (a, b) = (start.at(p), end.at(p));
                    (a[0] - b[0]).hypot(a[1] - b[1])
                })
                .fold(0.0, f32::max);
            assert!(moved > 0.05 * s.unit, "{}: nothing moves", e.id);
        }
    }
}

#[test]
fn knees_and_elbows_never_bend_backwards() {
    for (e, s) in placed() {
        for (name, body) in bodies(&s) {
            for l in [Limb::Right, Limb::Left] {
                let (knee, elbow) = (body.knee(l), body.elbow(l));
                assert!(
                    (0.0..=160.0).contains(&knee),
                    "{} {name}: knee {knee}",
                    e.id
                );
                assert!(
                    (0.0..=160.0).contains(&elbow),
                    "{} {name}: elbow {elbow}",
                    e.id
                );
            }
        }
    }
}

/// The capsules of `d` in tone `tone`, as (a, b, radius).
fn capsules(d: &Drawing, tone: Tone) -> Vec<([f32; 2], [f32; 2], f32)> {
    d.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Capsule {
                a,
                b,
                radius,
                tone: t,
            } if *t == tone => Some((*a, *b, *radius)),
            _ => None,
        })
        .collect()
}

/// Whether `d` draws the thigh of leg `l` (as `s` placed it) in tone `tone`.
fn thigh_drawn(s: &Scene, l: Limb, tone: Tone) -> bool {
    let end = s.positions.last().expect("an end position");
    let thigh = end
        .capsules
        .iter()
        .find(|c| c.part == Part::Thigh(l))
        .expect("a thigh");
    capsules(&s.drawing, tone)
        .iter()
        .any(|(a, b, r)| *a == thigh.a && *b == thigh.b && (*r - thigh.radius).abs() < 1e-4)
}

fn texts(d: &Drawing) -> Vec<String> {
    d.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// `d` without its labels, mirrored left to right.
fn mirrored(d: &Drawing) -> Vec<Shape> {
    let m = |p: &[f32; 2]| [d.width - p[0], p[1]];
    d.shapes
        .iter()
        .filter_map(|s| {
            Some(match s {
                Shape::Capsule { a, b, radius, tone } => Shape::Capsule {
                    a: m(a),
                    b: m(b),
                    radius: *radius,
                    tone: *tone,
                },
                Shape::Circle {
                    centre,
                    radius,
                    tone,
                    filled,
                } => Shape::Circle {
                    centre: m(centre),
                    radius: *radius,
                    tone: *tone,
                    filled: *filled,
                },
                Shape::Polygon {
                    points,
                    tone,
                    filled,
                } => Shape::Polygon {
                    points: points.iter().map(m).collect(),
                    tone: *tone,
                    filled: *filled,
                },
                Shape::Line {
                    points,
                    width,
                    tone,
                } => Shape::Line {
                    points: points.iter().map(m).collect(),
                    width: *width,
                    tone: *tone,
                },
                Shape::ArrowHead {
                    tip,
                    direction,
                    size,
                    tone,
                } => Shape::ArrowHead {
                    tip: m(tip),
                    direction: [-direction[0], direction[1]],
                    size: *size,
                    tone: *tone,
                },
                Shape::Text { .. } => return None,
            })
        })
        .collect()
}

fn close(a: &[Shape], b: &[Shape]) -> bool {
    let near =
        |p: &[f32; 2], q: &[f32; 2]| (p[0] - q[0]).abs() < 1e-3 && (p[1] - q[1]).abs() < 1e-3;
    let all = |p: &[[f32; 2]], q: &[[f32; 2]]| {
        p.len() == q.len() && p.iter().zip(q).all(|(x, y)| near(x, y))
    };
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (
                Shape::Capsule { a, b, radius, tone },
                Shape::Capsule {
                    a: a2,
                    b: b2,
                    radius: r2,
                    tone: t2,
                },
            ) => near(a, a2) && near(b, b2) && (radius - r2).abs() < 1e-3 && tone == t2,
            (
                Shape::Circle {
                    centre,
                    radius,
                    tone,
                    filled,
                },
                Shape::Circle {
                    centre: c2,
                    radius: r2,
                    tone: t2,
                    filled: f2,
                },
            ) => near(centre, c2) && (radius - r2).abs() < 1e-3 && tone == t2 && filled == f2,
            (
                Shape::Polygon {
                    points,
                    tone,
                    filled,
                },
                Shape::Polygon {
                    points: p2,
                    tone: t2,
                    filled: f2,
                },
            ) => all(points, p2) && tone == t2 && filled == f2,
            (
                Shape::Line {
                    points,
                    width,
                    tone,
                },
                Shape::Line {
                    points: p2,
                    width: w2,
                    tone: t2,
                },
            ) => all(points, p2) && (width - w2).abs() < 1e-3 && tone == t2,
            (
                Shape::ArrowHead {
                    tip,
                    direction,
                    size,
                    tone,
                },
                Shape::ArrowHead {
                    tip: t2,
                    direction: d2,
                    size: s2,
                    tone: tone2,
                },
            ) => near(tip, t2) && near(direction, d2) && (size - s2).abs() < 1e-3 && tone == tone2,
            _ => false,
        })
}

#[test]
fn a_left_leg_dose_draws_the_left_leg_working_nearest_and_labelled() {
    let e = exercise("split_squat");
    let left = scene(e, Side::Left, None);
    assert_eq!(left.working, Limb::Left);
    assert!(
        thigh_drawn(&left, Limb::Left, Tone::Near),
        "left thigh dark"
    );
    assert!(
        thigh_drawn(&left, Limb::Right, Tone::Far),
        "right thigh grey"
    );
    assert_eq!(texts(&left.drawing), ["L"]);
    // Facing left: the working foot's toes are left of its heel.
    let end = left.positions.last().expect("end");
    let (heel, toe) = (
        end.at(figure::BodyPoint::Heel(Limb::Left)),
        end.at(figure::BodyPoint::Toe(Limb::Left)),
    );
    assert!(toe[0] < heel[0], "the figure faces left");

    let right = scene(e, Side::Right, None);
    assert_eq!(right.working, Limb::Right);
    assert!(thigh_drawn(&right, Limb::Right, Tone::Near));
    assert!(thigh_drawn(&right, Limb::Left, Tone::Far));
    assert_eq!(texts(&right.drawing), ["R"]);
}

#[test]
fn left_and_right_follow_the_dose_for_every_exercise() {
    for e in exercises() {
        let right = figure::figure(e, Side::Right, None).expect("picture");
        let left = figure::figure(e, Side::Left, None).expect("picture");
        assert!(
            close(&mirrored(&right), &mirrored(&mirrored_drawing(&left))),
            "{}: the left side is not the mirror image of the right",
            e.id
        );
        // The injured or other side, once the plan says which side is injured.
        let injured_left = figure::figure(e, Side::Affected, Some(Limb::Left)).expect("picture");
        assert_eq!(injured_left, left, "{}", e.id);
        let other_of_left = figure::figure(e, Side::Unaffected, Some(Limb::Left)).expect("picture");
        assert_eq!(other_of_left, right, "{}", e.id);
        // Both sides, each side in turn, or an unknown injured side: the right side, unlabelled.
        for side in [Side::Both, Side::Each, Side::Affected] {
            let d = figure::figure(e, side, None).expect("picture");
            assert!(texts(&d).iter().all(|t| t != "L" && t != "R"), "{}", e.id);
            let unlabelled: Vec<Shape> = right
                .shapes
                .iter()
                .filter(|s| !matches!(s, Shape::Text { text, .. } if text == "R"))
                .cloned()
                .collect();
            assert_eq!(d.shapes, unlabelled, "{} {side:?}", e.id);
        }
        if e.laterality != Laterality::Bilateral {
            let s = scene(e, Side::Left, None);
            assert!(thigh_drawn(&s, Limb::Left, Tone::Near), "{}", e.id);
        }
    }
}

/// `d` mirrored, as a drawing (labels dropped).
fn mirrored_drawing(d: &Drawing) -> Drawing {
    Drawing {
        width: d.width,
        height: d.height,
        shapes: mirrored(d),
    }
}

#[test]
fn a_prescription_s_hold_time_is_printed() {
    let e = exercise("side_plank");
    let dose = loadplan::model::Dose {
        hold_secs: Some(45.0),
        side: Side::Left,
        ..e.default_dose.clone()
    };
    let d = figure::figure_for_dose(e, &dose, None).expect("picture");
    assert_eq!(texts(&d), ["hold 45 s", "L"]);
}

#[test]
fn drawing_a_picture_is_fast() {
    let start = std::time::Instant::now();
    let mut shapes = 0;
    for _ in 0..4 {
        for e in exercises() {
            shapes += figure::figure(e, Side::Left, None).map_or(0, |d| d.shapes.len());
        }
    }
    let per = start.elapsed() / (4 * exercises().len() as u32);
    assert!(shapes > 0);
    // Well under 0.1 ms in a release build; the bound here is for an unoptimised test build
    // on a busy machine, to catch work that does not belong in drawing (parsing, solving).
    assert!(per.as_micros() < 2000, "{per:?} per picture");
}

#[test]
fn the_figure_module_is_plain_rust() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/figure");
    for entry in std::fs::read_dir(&dir).expect("src/figure") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("source");
        for word in [
            "egui",
            "eframe",
            "krilla",
            "std::fs",
            "crate::ui",
            "crate::io",
        ] {
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(!code.contains(word), "{} uses {word}", path.display());
        }
    }
}

#[test]
fn contact_sheet_is_current() {
    let items: Vec<(String, figure::Drawing)> = exercises()
        .iter()
        .map(|e| {
            let d = figure::figure(e, e.default_dose.side, None).expect("a picture");
            (e.name.clone(), d)
        })
        .collect();
    let sheet = svg::contact_sheet(&items, 5);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/contact_sheet.svg");
    if std::env::var_os("UPDATE_CONTACT_SHEET").is_some() {
        std::fs::write(&path, &sheet).expect("write the contact sheet");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        same_but_rounding(&committed, &sheet),
        "docs/contact_sheet.svg is not what the program draws now; look at the pictures, then \
         run `UPDATE_CONTACT_SHEET=1 cargo test --test core figures` to write it"
    );
}

/// For authoring poses: prints where the capsules and contacts of exercise `$FIG` ended up
/// (`FIG=clams cargo test --test core figures::dump -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump() {
    let id = std::env::var("FIG").unwrap_or_default();
    let e = exercise(&id);
    let s = scene(e, e.default_dose.side, None);
    for (name, b) in bodies(&s) {
        println!("{name}: solids {:?}", b.solids);
        for c in &b.capsules {
            println!("  {:?} a {:?} b {:?} r {}", c.part, c.a, c.b, c.radius);
        }
        for c in &b.contacts {
            println!(
                "  contact {:?} at {:?} r {} on {:?}",
                c.point, c.at, c.radius, c.on
            );
        }
        println!("  knees {} {}", b.knee(Limb::Right), b.knee(Limb::Left));
    }
    println!("unit {}", s.unit);
}

/// Whether two SVG texts are the same but for numbers that differ in their last rounded digit
/// (sines and cosines may round differently on another machine).
fn same_but_rounding(a: &str, b: &str) -> bool {
    /// The text split into runs of non-number text and numbers.
    fn tokens(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut in_number = false;
        for (i, c) in s.char_indices() {
            let numeric = c.is_ascii_digit() || c == '.' || c == '-';
            if numeric != in_number && i > start {
                out.push((in_number, &s[start..i]));
                start = i;
            }
            in_number = numeric;
        }
        out.push((in_number, &s[start..]));
        out
    }
    let (ta, tb) = (tokens(a), tokens(b));
    ta.len() == tb.len()
        && ta.iter().zip(&tb).all(|((na, x), (nb, y))| {
            na == nb
                && (x == y
                    || (*na
                        && match (x.parse::<f64>(), y.parse::<f64>()) {
                            (Ok(p), Ok(q)) => (p - q).abs() <= 0.11,
                            _ => false,
                        }))
        })
}
