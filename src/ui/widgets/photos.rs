//! The physio's photos of an exercise, as thumbnails (larger on hover): in the prescription
//! editor with "Attach photos..." and a remove button on each, and read-only wherever the
//! athlete reads a session. Each photo is decoded once into a texture kept in egui's memory,
//! keyed by a digest of its bytes, so edits elsewhere in the plan never decode it again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::command::{Command, Edit};
use crate::model::{Exercise, MAX_PHOTOS, Photo};

/// Textures of the photos shown so far, by digest (or why one cannot be shown).
#[derive(Clone, Default)]
struct Textures(HashMap<u64, Result<egui::TextureHandle, String>>);

/// A digest of a photo's bytes: its length and its first and last 4 KB, enough to tell
/// photos apart, cheap enough for every frame.
fn digest(photo: &Photo) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let d = &photo.data;
    d.len().hash(&mut h);
    d[..d.len().min(4096)].hash(&mut h);
    d[d.len().saturating_sub(4096)..].hash(&mut h);
    h.finish()
}

/// The texture of `photo`, decoding it the first time it is shown.
fn texture(ctx: &egui::Context, photo: &Photo) -> Result<egui::TextureHandle, String> {
    let key = digest(photo);
    let id = egui::Id::unique("photo_textures");
    if let Some(found) = ctx.data(|d| {
        d.get_temp::<Textures>(id)
            .and_then(|t| t.0.get(&key).cloned())
    }) {
        return found;
    }
    let made = crate::io::photo_pixels(photo).map(|(w, h, rgba)| {
        let image = egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba);
        ctx.load_texture(
            format!("photo-{key:x}"),
            image,
            egui::TextureOptions::LINEAR,
        )
    });
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Textures>(id)
            .0
            .insert(key, made.clone())
    });
    made
}

/// One photo `height` points tall, the whole of it on hover; a photo that cannot be decoded
/// says so in its place.
fn photo_ui(ui: &mut egui::Ui, photo: &Photo, height: f32) -> egui::Response {
    match texture(ui.ctx(), photo) {
        Ok(tex) => {
            let size = tex.size_vec2();
            let scale = height / size.y.max(1.0);
            let shown = egui::Image::new((tex.id(), size * scale));
            let caption = if photo.caption.is_empty() {
                "Photo".to_owned()
            } else {
                photo.caption.clone()
            };
            let r = ui.add(shown).on_hover_ui(|ui| {
                let big = (360.0 / size.x.max(size.y)).min(1.0);
                ui.add(egui::Image::new((tex.id(), size * big)));
                ui.label(&caption);
            });
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &caption));
            r
        }
        Err(why) => ui.colored_label(
            ui.visuals().error_fg_color,
            format!("This photo cannot be shown ({why}): remove it and attach it again."),
        ),
    }
}

/// The photos of `exercise`, read-only (the athlete's session), `height` points tall.
pub fn photos_ui(ui: &mut egui::Ui, exercise: &Exercise, height: f32) {
    if exercise.photos.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (i, photo) in exercise.photos.iter().enumerate() {
            ui.push_id(("photo", i), |ui| photo_ui(ui, photo, height));
        }
    });
}

/// The photos of `exercise` with a remove button on each and "Attach photos..." (the physio's
/// editor of a plan's exercise). Removing is one undo step; the photos are kept in the plan.
pub fn photos_editor_ui(ui: &mut egui::Ui, exercise: &Exercise, cmds: &mut Vec<Command>) {
    let tip = "Attach PNG or JPEG photos of this exercise: they are kept in the plan file (scaled to 1200 px) and print on the handout's card in place of the drawing";
    let attach = Command::AttachPhotos(exercise.id.clone());
    if let Some(i) = strip_ui(ui, &exercise.name, &exercise.photos, tip, attach, cmds) {
        let mut photos = exercise.photos.clone();
        photos.remove(i);
        cmds.push(Command::Edit(Edit::SetPhotos {
            exercise: Box::new(exercise.clone()),
            photos,
            label: format!("Remove photo {} of {}", i + 1, exercise.name),
        }));
    }
}

/// The photos of the exercise open in the exercise editor, with a remove button on each and
/// "Attach photos..." (its photos are saved with it in your library).
pub fn draft_photos_ui(ui: &mut egui::Ui, draft: &mut Exercise, cmds: &mut Vec<Command>) {
    let tip = "Attach PNG or JPEG photos of this exercise: they are kept with it in your library (scaled to 1200 px) and copied into a plan with the exercise";
    let name = if draft.name.trim().is_empty() {
        "this exercise".to_owned()
    } else {
        draft.name.clone()
    };
    let attach = Command::AttachEditorPhotos;
    if let Some(i) = strip_ui(ui, &name, &draft.photos, tip, attach, cmds) {
        draft.photos.remove(i);
    }
}

/// The photos with a remove button on each, then "Attach photos..." (sending `attach`) with
/// tooltip `tip`. Returns the index of the photo whose remove button was clicked.
fn strip_ui(
    ui: &mut egui::Ui,
    name: &str,
    photos: &[Photo],
    tip: &str,
    attach: Command,
    cmds: &mut Vec<Command>,
) -> Option<usize> {
    let mut removed = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Photos");
        for (i, photo) in photos.iter().enumerate() {
            ui.push_id(("photo", i), |ui| {
                ui.vertical(|ui| {
                    photo_ui(ui, photo, 72.0);
                    let label = format!("Remove photo {} of {name}", i + 1);
                    let remove = ui.small_button("Remove").on_hover_text(&label);
                    remove.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    if remove.clicked() {
                        removed = Some(i);
                    }
                });
            });
        }
        let room = photos.len() < MAX_PHOTOS;
        let tip = if room {
            tip
        } else {
            "An exercise keeps at most 6 photos: remove one first"
        };
        ui.add_enabled(room, egui::Button::new("Attach photos..."))
            .on_hover_text(tip)
            .on_disabled_hover_text(tip)
            .clicked()
            .then(|| cmds.push(attach));
    });
    removed
}
