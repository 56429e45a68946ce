//! One card per exercise the plan uses (ladder steps included), in order of first use: its
//! name, its picture (the physio's own photo kept in the plan, else drawn as vectors from
//! [`crate::figure`]) beside the dose in plain words - how much, on which side, with what weight, how fast,
//! the rest, how often and the range of motion - then how to do it, a table of the dose for
//! every week it changes, what to take care of and the clinician's notes. The start of a card
//! is kept on one page, and a card that fits on a page is not split.

use krilla::image::Image;

use crate::engine::Item;
use crate::model::{Dose, Photo, PhotoFormat};

use super::Ctx;
use super::canvas::{ACCENT, GREY, Pen, RULE, TextStyle};
use super::dose_table;
use super::flow::{BODY, Flow, LEADING};
use super::{exercise_name, find_exercise};
use crate::engine::plain::DoseWords;

/// The picture's box, in points.
const PICTURE: (f32, f32) = (200.0, 150.0);
/// Room between the picture and the text beside it.
const GUTTER: f32 = 14.0;

/// What a card shows in its picture box.
enum Picture {
    Drawing(crate::figure::Drawing),
    Image(Image, f32, f32),
}

/// The exercise ids the plan's weeks use, in order of first use.
fn used_ids<'p>(ctx: &Ctx<'p>) -> Vec<&'p str> {
    let mut seen = std::collections::HashSet::new();
    ctx.projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter())
        .filter(|i| i.sessions > 0)
        .map(|i| i.exercise_id.as_str())
        .filter(|id| seen.insert(*id))
        .collect()
}

/// Every week that does exercise `id`, with its item, in week order.
pub(super) fn uses<'p>(ctx: &Ctx<'p>, id: &str) -> Vec<(u32, &'p Item)> {
    ctx.projection
        .weeks
        .iter()
        .flat_map(|w| w.items.iter().map(move |i| (w.week, i)))
        .filter(|(_, i)| i.exercise_id == id && i.sessions > 0)
        .collect()
}

/// A photo scaled into the picture box; `None` when its bytes do not read as its format (a
/// damaged photo leaves the card with its drawing, and never fails the export).
fn photo_image(photo: &Photo) -> Option<(Image, f32, f32)> {
    let bytes = photo.data.clone().into();
    let image = match photo.format {
        PhotoFormat::Png => Image::from_png(bytes, true).ok()?,
        PhotoFormat::Jpeg => Image::from_jpeg(bytes, true).ok()?,
    };
    let (pw, ph) = image.size();
    if pw == 0 || ph == 0 {
        return None;
    }
    let scale = (PICTURE.0 / pw as f32).min(PICTURE.1 / ph as f32);
    Some((image, pw as f32 * scale, ph as f32 * scale))
}

/// The picture of exercise `id` as `dose` prescribes it: the physio's first photo that reads,
/// else the drawing.
fn picture(ctx: &Ctx<'_>, id: &str, dose: &Dose) -> Option<Picture> {
    let photo = find_exercise(ctx.plan, id).and_then(|e| e.photos.iter().find_map(photo_image));
    if let Some((image, w, h)) = photo {
        return Some(Picture::Image(image, w, h));
    }
    ctx.figure(id, dose).map(Picture::Drawing)
}

/// Whether any card of the handout has a picture.
pub(super) fn any_picture(ctx: &Ctx<'_>) -> bool {
    used_ids(ctx).into_iter().any(|id| {
        uses(ctx, id)
            .first()
            .is_some_and(|(_, i)| picture(ctx, id, &i.dose).is_some())
    })
}

/// (label, words) of the dose beside the picture.
fn dose_lines(words: &DoseWords) -> Vec<(&'static str, String)> {
    let mut out = vec![("How much", words.what.clone())];
    if let Some(t) = &words.tempo {
        out.push(("How fast", t.clone()));
    }
    if let Some(r) = &words.rest {
        out.push(("Rest", r.trim_start_matches("rest ").to_owned()));
    }
    out.push(("How often", words.often.clone()));
    if let Some(r) = &words.range {
        out.push(("How far", r.clone()));
    }
    out
}

/// Height of the dose lines at `width`.
fn dose_height(flow: &Flow<'_>, lines: &[(&str, String)], width: f32, title: &str) -> f32 {
    let line_h = BODY * LEADING;
    let mut n = flow.fonts.wrap(title, 12.0, true, width).len() as f32 * 12.0 * LEADING + 4.0;
    for (_, text) in lines {
        n += line_h * (1.0 + flow.fonts.wrap(text, BODY, false, width - 8.0).len() as f32) + 3.0;
    }
    n
}

/// Draws the dose lines at `x`, `width` wide, from `flow.y`; returns the bottom.
fn draw_dose(flow: &mut Flow<'_>, lines: &[(&str, String)], x: f32, width: f32, title: &str) {
    let t = flow.fonts.wrap(title, 12.0, true, width);
    flow.lines(&t, TextStyle::bold(12.0).color(ACCENT), x);
    flow.y += 4.0;
    for (label, text) in lines {
        flow.lines(&[(*label).to_owned()], TextStyle::bold(BODY), x);
        let wrapped = flow.fonts.wrap(text, BODY, false, width - 8.0);
        flow.lines(&wrapped, TextStyle::plain(BODY), x + 8.0);
        flow.y += 3.0;
    }
}

/// The height of a bullet list with its heading.
fn list_height(flow: &Flow<'_>, items: &[String]) -> f32 {
    if items.is_empty() {
        return 0.0;
    }
    let w = flow.width() - 14.0;
    let lines: usize = items
        .iter()
        .map(|i| flow.fonts.wrap(i, BODY, false, w).len())
        .sum();
    12.0 * LEADING + 6.0 + lines as f32 * BODY * LEADING
}

/// Draws a heading and its bullet list (nothing when empty).
fn list(flow: &mut Flow<'_>, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    flow.heading(title, 12.0, BODY * LEADING * 2.0);
    flow.bullets(items, TextStyle::plain(BODY), 4.0);
}

/// The picture (when there is one) with the dose beside it, or the dose alone.
fn picture_and_dose(
    flow: &mut Flow<'_>,
    pic: Option<Picture>,
    lines: &[(&str, String)],
    title: &str,
    text_w: f32,
) {
    let y0 = flow.y;
    let x0 = flow.left();
    match pic {
        Some(p) => {
            flow.canvas.rect(
                x0,
                y0,
                PICTURE.0,
                PICTURE.1,
                None,
                Some(Pen::solid(RULE, 0.6)),
            );
            match p {
                Picture::Drawing(d) => {
                    super::figure::draw(
                        &mut flow.canvas,
                        flow.fonts,
                        &d,
                        (x0, y0, PICTURE.0, PICTURE.1),
                    );
                }
                Picture::Image(image, iw, ih) => {
                    let (ix, iy) = (x0 + (PICTURE.0 - iw) / 2.0, y0 + (PICTURE.1 - ih) / 2.0);
                    flow.canvas.image(ix, iy, iw, ih, image);
                }
            }
            draw_dose(flow, lines, x0 + PICTURE.0 + GUTTER, text_w, title);
            flow.y = flow.y.max(y0 + PICTURE.1) + 6.0;
        }
        None => {
            draw_dose(flow, lines, x0, text_w, title);
            flow.y += 4.0;
        }
    }
}

fn card(flow: &mut Flow<'_>, ctx: &Ctx<'_>, id: &str) {
    let uses = uses(ctx, id);
    let Some(&(first_week, first)) = uses.first() else {
        return;
    };
    let exercise = find_exercise(ctx.plan, id);
    let name = exercise_name(ctx.plan, id);
    let headline = ctx.dose_words(first_week, first);
    let rows = dose_table::rows(ctx, &uses, &headline);
    let last_week = uses.last().map_or(first_week, |u| u.0);
    let mut meta = vec![if first_week == last_week {
        format!("Week {first_week}")
    } else {
        format!("Weeks {first_week} to {last_week}")
    }];
    if let Some(e) = exercise
        && !e.equipment.is_empty()
    {
        meta.push(format!("You need: {}", e.equipment.join(", ")));
    }
    let title = if rows.len() > 1 {
        format!("Your dose in week {first_week}")
    } else {
        "Your dose, every week".to_owned()
    };
    let lines = dose_lines(&headline);
    let pic = picture(ctx, id, &first.dose);
    let cues = exercise.map(|e| e.cues.clone()).unwrap_or_default();
    let cautions = exercise.map(|e| e.cautions.clone()).unwrap_or_default();
    let notes = notes(ctx, id);

    // The card's top (name, picture and dose, how to do it) is kept on one page.
    let w = flow.width();
    let text_w = if pic.is_some() {
        w - PICTURE.0 - GUTTER
    } else {
        w
    };
    let name_h = flow.fonts.wrap(&name, 16.0, true, w).len() as f32 * 16.0 * LEADING + 6.0;
    let meta_h = flow.fonts.wrap(&meta.join("  ·  "), BODY, false, w).len() as f32 * BODY * LEADING;
    let dose_h = dose_height(flow, &lines, text_w, &title);
    let side_h = if pic.is_some() {
        dose_h.max(PICTURE.1)
    } else {
        dose_h
    };
    let top = name_h + meta_h + 10.0 + side_h + list_height(flow, &cues);
    let table_h = if rows.len() > 1 {
        dose_table::height(flow, &rows)
    } else {
        0.0
    };
    let whole = top + table_h + list_height(flow, &cautions) + list_height(flow, &notes) + 20.0;
    if whole <= flow.page_height() {
        flow.ensure(whole);
    } else {
        flow.ensure(top.min(flow.page_height()));
    }

    let style = TextStyle::bold(16.0).color(ACCENT);
    let name_lines = flow.fonts.wrap(&name, 16.0, true, w);
    flow.lines(&name_lines, style, flow.left());
    flow.paragraph(&meta.join("  ·  "), TextStyle::plain(BODY).color(GREY), 0.0);
    flow.gap(8.0);
    picture_and_dose(flow, pic, &lines, &title, text_w);
    list(flow, "How to do it", &cues);
    if rows.len() > 1 {
        flow.gap(4.0);
        flow.heading("Your dose, week by week", 12.0, 40.0);
        dose_table::draw(flow, rows);
    }
    list(flow, "Take care", &cautions);
    list(flow, "Notes from your clinician", &notes);
    flow.gap(8.0);
    flow.rule();
    flow.gap(8.0);
}

/// The clinician's notes of the prescriptions that do exercise `id`.
fn notes(ctx: &Ctx<'_>, id: &str) -> Vec<String> {
    ctx.plan
        .prescriptions
        .iter()
        .filter(|rx| !rx.notes.trim().is_empty())
        .filter(|rx| {
            ctx.projection
                .weeks
                .iter()
                .flat_map(|w| w.items.iter())
                .any(|i| i.prescription_id == rx.id && i.exercise_id == id)
        })
        .map(|rx| rx.notes.trim().to_owned())
        .collect()
}

/// Draws the exercise cards (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("Your exercises");
    let ids = used_ids(ctx);
    if ids.is_empty() {
        flow.paragraph(
            "The plan has no exercises yet.",
            TextStyle::plain(BODY),
            0.0,
        );
        return;
    }
    for id in ids {
        card(flow, ctx, id);
    }
}
