//! One card per exercise the plan uses (ladder variations it reaches included): its name, the
//! illustration when the file is there (PNG or JPEG), how to do it, the dose at the start of
//! each phase, easier and harder variations, cautions and the clinician's notes. A card is kept
//! on one page whenever it fits on one.

use std::path::Path;

use krilla::image::Image;

use crate::engine::Projection;
use crate::model::{Exercise, Plan};

use super::canvas::{GREY, TextStyle};
use super::flow::{Flow, LEADING};
use super::{exercise_name, find_exercise, illustration_path, phase_runs};

/// Largest illustration box, in points.
const IMAGE_BOX: (f32, f32) = (220.0, 150.0);

/// A piece of a card.
enum Block {
    Heading(String, f32),
    Para(String, TextStyle),
    Bullets(Vec<String>, TextStyle),
    Image(Image, f32, f32),
    Gap(f32),
    Rule,
}

impl Block {
    fn height(&self, flow: &Flow<'_>) -> f32 {
        let w = flow.width();
        match self {
            Block::Heading(t, size) => {
                flow.fonts.wrap(t, *size, true, w).len() as f32 * size * LEADING + 6.0
            }
            Block::Para(t, st) => {
                flow.fonts.wrap(t, st.size, st.bold, w).len() as f32 * st.size * LEADING
            }
            Block::Bullets(items, st) => items
                .iter()
                .map(|i| {
                    flow.fonts.wrap(i, st.size, st.bold, w - 4.0 - 10.0).len() as f32
                        * st.size
                        * LEADING
                })
                .sum(),
            Block::Image(_, _, h) => h + 6.0,
            Block::Gap(h) => *h,
            Block::Rule => 6.0,
        }
    }

    fn draw(self, flow: &mut Flow<'_>) {
        match self {
            Block::Heading(t, size) => flow.heading(&t, size, size * 2.0),
            Block::Para(t, st) => flow.paragraph(&t, st, 0.0),
            Block::Bullets(items, st) => flow.bullets(&items, st, 4.0),
            Block::Image(image, w, h) => {
                flow.ensure(h + 6.0);
                let (x, y) = (flow.left(), flow.y + 3.0);
                flow.canvas.image(x, y, w, h, image);
                flow.y += h + 6.0;
            }
            Block::Gap(h) => flow.gap(h),
            Block::Rule => flow.rule(),
        }
    }
}

/// The illustration of `exercise`, scaled into [`IMAGE_BOX`], when its file reads as PNG or JPEG.
fn illustration(exercise: &Exercise, dir: Option<&Path>) -> Option<(Image, f32, f32)> {
    let file = exercise.illustration.as_deref()?;
    let bytes = std::fs::read(illustration_path(file, dir)).ok()?;
    let image = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        Image::from_png(bytes.into(), true).ok()?
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        Image::from_jpeg(bytes.into(), true).ok()?
    } else {
        return None;
    };
    let (pw, ph) = image.size();
    if pw == 0 || ph == 0 {
        return None;
    }
    let scale = (IMAGE_BOX.0 / pw as f32).min(IMAGE_BOX.1 / ph as f32);
    Some((image, pw as f32 * scale, ph as f32 * scale))
}

/// The exercise ids the plan's weeks use, in order of first use.
fn used_ids(projection: &Projection) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter())
        .map(|i| i.exercise_id.as_str())
        .filter(|id| seen.insert(*id))
        .collect()
}

fn card(plan: &Plan, projection: &Projection, id: &str, dir: Option<&Path>) -> Vec<Block> {
    let body = TextStyle::plain(9.0);
    let mut blocks = vec![Block::Heading(exercise_name(plan, id), 13.0)];
    let exercise = find_exercise(plan, id);
    if let Some(e) = exercise {
        let mut about = vec![e.category.label().to_owned()];
        let regions: Vec<&str> = e.regions.iter().map(|r| r.label()).collect();
        if !regions.is_empty() {
            about.push(regions.join(", "));
        }
        if !e.equipment.is_empty() {
            about.push(format!("equipment: {}", e.equipment.join(", ")));
        }
        blocks.push(Block::Para(
            about.join(" · "),
            TextStyle::plain(8.5).color(GREY),
        ));
        if let Some((image, w, h)) = illustration(e, dir) {
            blocks.push(Block::Image(image, w, h));
        }
        if !e.cues.is_empty() {
            blocks.push(Block::Heading("How to do it".to_owned(), 9.5));
            blocks.push(Block::Bullets(e.cues.clone(), body));
        }
    }
    let mut doses = Vec::new();
    for run in phase_runs(projection) {
        let found = (run.first..=run.last).find_map(|w| {
            let wp = projection.week(w)?;
            wp.items
                .iter()
                .find(|i| i.exercise_id == id)
                .map(|i| (w, i))
        });
        if let Some((week, item)) = found {
            let phase = run.name.clone().unwrap_or_else(|| run.caption());
            doses.push(format!(
                "{phase} (from week {week}): {}, {}x/week",
                item.dose_label(),
                item.sessions
            ));
        }
    }
    if !doses.is_empty() {
        blocks.push(Block::Heading("Dose by phase".to_owned(), 9.5));
        blocks.push(Block::Bullets(doses, body));
    }
    if let Some(e) = exercise {
        let names = |ids: &[String]| {
            ids.iter()
                .map(|i| exercise_name(plan, i))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut variations = Vec::new();
        if !e.easier.is_empty() {
            variations.push(format!("Easier: {}", names(&e.easier)));
        }
        if !e.harder.is_empty() {
            variations.push(format!("Harder: {}", names(&e.harder)));
        }
        if !variations.is_empty() {
            blocks.push(Block::Heading("Variations".to_owned(), 9.5));
            blocks.push(Block::Bullets(variations, body));
        }
        if !e.cautions.is_empty() {
            blocks.push(Block::Heading("Take care".to_owned(), 9.5));
            blocks.push(Block::Bullets(e.cautions.clone(), body));
        }
    }
    let notes: Vec<String> = plan
        .prescriptions
        .iter()
        .filter(|rx| !rx.notes.trim().is_empty())
        .filter(|rx| {
            projection
                .weeks
                .iter()
                .flat_map(|w| w.items.iter())
                .any(|i| i.prescription_id == rx.id && i.exercise_id == id)
        })
        .map(|rx| rx.notes.trim().to_owned())
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::Heading("Notes from your clinician".to_owned(), 9.5));
        blocks.push(Block::Bullets(notes, body));
    }
    blocks.push(Block::Gap(4.0));
    blocks.push(Block::Rule);
    blocks.push(Block::Gap(4.0));
    blocks
}

/// Draws the exercise cards (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, plan: &Plan, projection: &Projection, dir: Option<&Path>) {
    flow.section("Your exercises");
    let ids = used_ids(projection);
    if ids.is_empty() {
        flow.paragraph(
            "The plan has no exercises yet.",
            TextStyle::plain(10.0),
            0.0,
        );
        return;
    }
    for id in ids {
        let blocks = card(plan, projection, id, dir);
        let height: f32 = blocks.iter().map(|b| b.height(flow)).sum();
        if height > flow.room() && height <= flow.page_height() {
            flow.new_page();
        }
        for block in blocks {
            block.draw(flow);
        }
    }
}
