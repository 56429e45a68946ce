//! The physio's photos: attached to an exercise (as the file dialog's thread hands them over),
//! shown in the editor and on the athlete's session, removed, undone; a file that could not be
//! used is said plainly.

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::kittest::Queryable;
use loadplan::app::prefs::Prefs;
use loadplan::command::Command;
use loadplan::model::{Photo, PhotoFormat};
use loadplan::ui::prescriptions::row_names;

use crate::support::{app_with_plan, click, default_today, open_plan, runner_before, send};

/// A small PNG written with the png crate.
fn photo(caption: &str) -> Photo {
    let mut data = Vec::new();
    let mut encoder = png::Encoder::new(&mut data, 32, 24);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("png header");
    writer
        .write_image_data(&vec![180; 32 * 24 * 3])
        .expect("png data");
    writer.finish().expect("png done");
    Photo {
        caption: caption.to_owned(),
        format: PhotoFormat::Png,
        data,
    }
}

#[test]
fn photos_are_attached_shown_removed_and_undone() {
    let mut h = app_with_plan(
        runner_before(),
        Prefs::default(),
        default_today(),
        vec2(1280.0, 900.0),
    );
    let plan = open_plan(&h);
    let rx = &plan.prescriptions[0];
    let row = row_names(&plan).remove(0);
    click(&mut h, Role::Button, &row);
    assert!(h.query_by_label("Attach photos...").is_some());

    send(
        &mut h,
        Command::PhotosPicked {
            exercise: rx.exercise.clone(),
            photos: vec![photo("start position"), photo("end position")],
            problems: vec![
                "notes.txt: not a PNG or JPEG image; save it as one and attach it again".to_owned(),
            ],
        },
    );
    let kept = open_plan(&h);
    let copy = kept.exercise(&rx.exercise).expect("the plan's copy");
    assert_eq!(copy.photos.len(), 2);
    assert!(
        h.query_by_label("start position").is_some(),
        "shown in the editor"
    );
    let message = h.state().message().expect("the refused file is told");
    assert!(message.is_error && message.text.contains("notes.txt"));
    assert_eq!(kept.required_format_version(), 3);

    click(
        &mut h,
        Role::Button,
        &format!("Remove photo 1 of {}", copy.name),
    );
    let after = open_plan(&h);
    let photos = &after.exercise(&rx.exercise).expect("copy").photos;
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].caption, "end position");

    send(&mut h, Command::Undo);
    send(&mut h, Command::Undo);
    assert!(
        open_plan(&h)
            .exercise(&rx.exercise)
            .is_none_or(|e| e.photos.is_empty()),
        "both steps undone"
    );
}

#[test]
fn the_athlete_sees_the_photos_on_the_session() {
    let mut plan = runner_before();
    plan.start_date = Some(default_today());
    let id = plan.prescriptions[0].exercise.clone();
    let mut copy = loadplan::library::builtin()
        .expect("library")
        .get(&id)
        .cloned()
        .expect("a library exercise");
    copy.photos = vec![photo("how to hold the dumbbell")];
    plan.exercises.retain(|e| e.id != id);
    plan.exercises.push(copy);
    let prefs = Prefs {
        athlete_mode: true,
        ..Prefs::default()
    };
    let h = app_with_plan(plan, prefs, default_today(), vec2(1280.0, 900.0));
    assert!(
        h.query_by_role_and_label(Role::Image, "how to hold the dumbbell")
            .is_some()
    );
    assert!(h.query_by_label("Attach photos...").is_none(), "read-only");
}
