//! Your own exercises in the window, end to end: make one with a photo in the exercise editor,
//! find it (without its accents), use it in a plan, edit it, undo, save the plan, start again
//! (the library and the plan both survive), keep or take the library's version of a changed
//! copy, print the handout, delete with a question first. The library lives in a temp folder.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, LibraryEdit};
use loadplan::library::Origin;
use loadplan::model::{Photo, PhotoFormat};

use crate::app::{send_and_wait, wait_for_files};
use crate::support::{app_harness, click, open_plan, send};

const NAME: &str = "Pont fessier à une jambe sur marche";

/// The window with its library kept in `folder`, once the library has been read.
fn window(folder: &Path) -> Harness<'static, LoadplanApp> {
    let app = LoadplanApp::with_library_folder(Prefs::default(), folder.to_path_buf());
    let mut h = app_harness(app, vec2(1280.0, 860.0));
    h.run();
    until(&mut h, "the library is read", |h| h.state().library_ready());
    h
}

/// Steps the window until `done` holds; fails after 10 s.
fn until(
    h: &mut Harness<'_, LoadplanApp>,
    what: &str,
    done: impl Fn(&Harness<'_, LoadplanApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what}: not within 10 s (message: {:?})",
            h.state().message()
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Applies `cmd` as a panel would and draws one frame: the work it starts off the frame (a
/// write, an export) reports back in later frames, which `until` waits for.
fn post(h: &mut Harness<'_, LoadplanApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().send(cmd, &ctx);
    h.step();
}

/// Clicks as `click` does, but draws one frame after: the click starts a write of the library
/// that reports back in later frames (`written` waits for it).
fn click_to_write(h: &mut Harness<'_, LoadplanApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.step();
}

/// The library as written in `folder`, once it holds what `done` asks for.
fn written(
    h: &mut Harness<'_, LoadplanApp>,
    folder: &Path,
    done: impl Fn(&loadplan::library::PersonalLibrary) -> bool,
) -> loadplan::library::PersonalLibrary {
    until(h, "the library is written", |h| {
        !h.state().library_writes_pending()
            && loadplan::io::load_personal(folder).is_ok_and(|l| done(&l))
    });
    loadplan::io::load_personal(folder).expect("reads")
}

fn png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 24, 16);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("png header");
    let pixels: Vec<u8> = (0..24 * 16 * 3).map(|i| (i * 5 % 256) as u8).collect();
    writer.write_image_data(&pixels).expect("png data");
    writer.finish().expect("png done");
    out
}

/// Types `text` in the one-line text box labelled `label`, over what is there.
fn type_into(h: &mut Harness<'_, LoadplanApp>, label: &str, text: &str) {
    type_in(h, Role::TextInput, label, text);
}

/// Types `text` in the one-item-per-line box labelled `label`.
fn type_lines(h: &mut Harness<'_, LoadplanApp>, label: &str, text: &str) {
    type_in(h, Role::MultilineTextInput, label, text);
}

fn type_in(h: &mut Harness<'_, LoadplanApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Makes the exercise in the editor as a physio does, with a photo.
fn make_exercise(h: &mut Harness<'_, LoadplanApp>) {
    click(h, Role::Button, "New exercise...");
    assert!(
        h.query_by_label("The name is empty: give the exercise a name")
            .is_some()
            || h.query_by_label_contains("The name is empty").is_some(),
        "an empty exercise says what is missing"
    );
    type_into(h, "Name", NAME);
    type_lines(h, "Muscles", "gluteus maximus\nhamstrings");
    h.get_by_role_and_label(Role::CheckBox, "Region Hip")
        .click();
    h.run();
    // The file dialog is not opened in tests: its answer is sent as the dialog would.
    send(
        h,
        Command::EditorPhotosPicked {
            photos: vec![Photo {
                caption: "top position".to_owned(),
                format: PhotoFormat::Png,
                data: png(),
            }],
            problems: Vec::new(),
        },
    );
    click_to_write(h, Role::Button, "Save new exercise");
}

#[test]
fn a_new_exercise_with_a_photo_is_used_in_a_plan_saved_reopened_and_printed() {
    let data = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let plan_path = files.path().join("my plan.ron");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    make_exercise(&mut h);

    let personal = written(&mut h, data.path(), |l| l.exercises.len() == 1);
    let mine = &personal.exercises[0];
    assert_eq!(mine.name, NAME);
    assert_eq!(
        mine.id, "my_pont_fessier_a_une_jambe_sur_marche",
        "made from the name"
    );
    assert_eq!(mine.muscles, ["gluteus maximus", "hamstrings"]);
    assert_eq!(mine.regions, [loadplan::model::Region::Hip]);
    assert_eq!(mine.photos.len(), 1);
    let id = mine.id.clone();
    let library = h.state().library().expect("library");
    assert_eq!(library.origin(&id), Some(Origin::Yours));

    // Found without its accents and in other case, then added to the plan.
    type_into(&mut h, "Search exercises", "PONT fessier a une");
    click(&mut h, Role::Button, &format!("Add {NAME}"));
    let plan = open_plan(&h);
    assert_eq!(plan.prescriptions.len(), 1);
    assert_eq!(plan.prescriptions[0].exercise, id);
    let copy = plan.exercise(&id).expect("the plan carries a copy");
    assert_eq!(copy.photos.len(), 1, "the photo goes with the copy");

    send_and_wait(&mut h, Command::SaveTo(plan_path.clone()));
    assert!(plan_path.exists());

    // Printing: the handout's card names it and shows its photo.
    let pdf = files.path().join("handout.pdf");
    post(&mut h, Command::ExportTo(pdf.clone()));
    until(&mut h, "the handout is written", |_| {
        std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 0)
    });
    wait_for_files(&mut h);
    let bytes = std::fs::read(&pdf).expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Pont fessier"),
        "the handout names it: {text}"
    );
    assert!(
        String::from_utf8_lossy(&bytes).contains("/Subtype/Image"),
        "the photo is on its card"
    );
    drop(h);

    // Next week: loadplan starts again; the exercise is still in the library and the plan
    // opens with it.
    let mut h = window(data.path());
    assert_eq!(
        h.state().library().and_then(|l| l.origin(&id)),
        Some(Origin::Yours)
    );
    send_and_wait(&mut h, Command::OpenPath(plan_path.clone()));
    assert!(h.state().plan_copies_differ().is_empty(), "nothing to ask");
    let plan = open_plan(&h);
    assert_eq!(plan.prescriptions[0].exercise, id);
    type_into(&mut h, "Search exercises", "pont");
    assert!(
        h.query_by_role_and_label(Role::Button, &format!("Add {NAME}"))
            .is_some(),
        "found again"
    );
}

#[test]
fn an_edit_is_one_undo_step_and_a_plan_with_an_older_copy_asks_which_to_keep() {
    let data = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let plan_path = files.path().join("plan.ron");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    make_exercise(&mut h);
    written(&mut h, data.path(), |l| l.exercises.len() == 1);
    type_into(&mut h, "Search exercises", "pont fessier");
    click(&mut h, Role::Button, &format!("Add {NAME}"));
    send_and_wait(&mut h, Command::SaveTo(plan_path.clone()));

    // Edit it: select it in the library (its name is in the plan's list too), Edit..., add a
    // cue, save with Ctrl+Enter.
    h.get_all_by_role_and_label(Role::Button, NAME)
        .next()
        .expect("listed in the library")
        .click();
    h.run();
    click(&mut h, Role::Button, &format!("Edit {NAME}"));
    type_lines(&mut h, "Cues", "Push through the heel");
    // Ctrl+Enter saves, as the button does.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.step();
    assert!(
        h.query_by_label("Save changes").is_none(),
        "the editor closed"
    );
    let after = written(&mut h, data.path(), |l| {
        l.exercises.first().is_some_and(|e| !e.cues.is_empty())
    });
    assert_eq!(after.exercises[0].cues, ["Push through the heel"]);
    assert!(
        open_plan(&h).exercises[0].cues.is_empty(),
        "the plan keeps its copy until asked"
    );

    // One undo step takes the edit back (and writes the library), redo brings it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    written(&mut h, data.path(), |l| {
        l.exercises.first().is_some_and(|e| e.cues.is_empty())
    });
    post(&mut h, Command::Redo);
    written(&mut h, data.path(), |l| {
        l.exercises.first().is_some_and(|e| !e.cues.is_empty())
    });
    drop(h);

    // The plan's copy is now older than the library's: opening it asks.
    let mut h = window(data.path());
    send_and_wait(&mut h, Command::OpenPath(plan_path.clone()));
    assert_eq!(h.state().plan_copies_differ().len(), 1);
    assert!(
        h.query_by_label("This plan's exercises differ from your library")
            .is_some()
    );
    click(&mut h, Role::Button, "Keep the plan's copies");
    assert!(h.state().plan_copies_differ().is_empty());
    assert!(open_plan(&h).exercises[0].cues.is_empty(), "kept as it was");

    // Opened again, the other answer takes the library's version into the plan (undoable).
    send_and_wait(&mut h, Command::OpenPath(plan_path));
    click(&mut h, Role::Button, "Use my library's versions");
    let plan = open_plan(&h);
    assert_eq!(plan.exercises[0].cues, ["Push through the heel"]);
    assert_eq!(plan.exercises[0].photos.len(), 1);
}

#[test]
fn deleting_an_exercise_asks_first_and_undo_brings_it_back() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    make_exercise(&mut h);
    written(&mut h, data.path(), |l| l.exercises.len() == 1);
    type_into(&mut h, "Search exercises", "pont");
    click(&mut h, Role::Button, NAME);
    click(
        &mut h,
        Role::Button,
        &format!("Delete {NAME} from my library"),
    );
    // Asked first: Cancel keeps it.
    assert!(h.query_by_label(&format!("Delete {NAME}?")).is_some());
    click(&mut h, Role::Button, &format!("Keep {NAME}"));
    assert_eq!(
        loadplan::io::load_personal(data.path())
            .expect("reads")
            .exercises
            .len(),
        1
    );
    click(
        &mut h,
        Role::Button,
        &format!("Delete {NAME} from my library"),
    );
    click_to_write(&mut h, Role::Button, &format!("Confirm delete {NAME}"));
    written(
        &mut h,
        data.path(),
        loadplan::library::PersonalLibrary::is_empty,
    );
    post(&mut h, Command::Undo);
    written(&mut h, data.path(), |l| l.exercises.len() == 1);
}

#[test]
fn a_built_in_exercise_edited_is_marked_yours_and_goes_back_to_the_built_in() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    let mut nordic = h
        .state()
        .library()
        .and_then(|l| l.get("nordic"))
        .expect("nordic")
        .clone();
    nordic.cautions.push("Stop at sharp pain".to_owned());
    post(
        &mut h,
        Command::Library(LibraryEdit::Save {
            exercise: Box::new(nordic),
            new: false,
        }),
    );
    written(&mut h, data.path(), |l| l.exercises.len() == 1);
    assert_eq!(
        h.state().library().and_then(|l| l.origin("nordic")),
        Some(Origin::Edited)
    );
    // The origin filter shows yours only.
    h.get_by_role_and_label(Role::ComboBox, "Origin filter")
        .click();
    h.run();
    click(&mut h, Role::Button, "Yours");
    assert!(
        h.query_by_role_and_label(Role::Button, "Add Nordic hamstring curl")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Add Short-lever Copenhagen plank")
            .is_none()
    );
    click(&mut h, Role::Button, "Nordic hamstring curl");
    click(
        &mut h,
        Role::Button,
        "Back to the built-in Nordic hamstring curl",
    );
    click_to_write(
        &mut h,
        Role::Button,
        "Confirm back to the built-in Nordic hamstring curl",
    );
    written(
        &mut h,
        data.path(),
        loadplan::library::PersonalLibrary::is_empty,
    );
    assert_eq!(
        h.state().library().and_then(|l| l.origin("nordic")),
        Some(Origin::BuiltIn)
    );
}

/// A fork of free-exercise-db with extra fields and names in other languages.
const FORK: &str = r#"[
  {"id": "Prisedaniya", "name": "Приседания у стены", "equipment": "body only",
   "primaryMuscles": ["quadriceps"], "instructions": ["Спина прижата к стене."],
   "category": "strength", "video": "https://example.org/1", "lang": "ru"},
  {"id": "Ponte", "name": "Ponte glutei su una gamba", "equipment": null,
   "primaryMuscles": ["glutes"], "category": "strength", "lang": "it"},
  {"id": "Nordic", "name": "Nordic Hamstring Curl", "equipment": ["partner"],
   "primaryMuscles": ["hamstrings"], "category": "strength"}
]"#;

/// Draws the window into `name`.png under `LOADPLAN_REVIEW_DIR`, when it is set: for looking
/// at a screen a test reached (`LOADPLAN_REVIEW_DIR=/tmp cargo test --test window import`).
fn review(h: &mut Harness<'_, LoadplanApp>, name: &str) {
    if let Some(dir) = std::env::var_os("LOADPLAN_REVIEW_DIR") {
        let image = h.render().expect("renders");
        image
            .save(Path::new(&dir).join(format!("{name}.png")))
            .expect("saved");
    }
}

#[test]
fn an_import_previews_each_entry_marks_duplicates_and_takes_the_ticked_ones() {
    let data = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let fork = files.path().join("fork.json");
    std::fs::write(&fork, FORK).expect("written");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    post(&mut h, Command::ImportPath(fork));
    until(&mut h, "the preview opens", |h| {
        h.query_by_label("Import exercises").is_some()
    });
    review(&mut h, "import_preview");
    // The duplicate of the built-in Nordic curl is marked and not ticked; the others are.
    assert!(
        h.query_by_label("same name as Nordic hamstring curl")
            .is_some()
    );
    assert_eq!(
        h.query_all_by_label("strength -> Strength").count(),
        3,
        "each entry shows how its category maps"
    );
    // Untick the Italian one: one exercise is taken.
    h.get_by_role_and_label(Role::CheckBox, "Take Ponte glutei su una gamba")
        .click();
    h.run();
    click_to_write(&mut h, Role::Button, "Import 1 exercise");
    let personal = written(&mut h, data.path(), |l| !l.imported.is_empty());
    let names: Vec<&str> = personal.imported.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Приседания у стены"]);
    assert_eq!(personal.imported[0].cues, ["Спина прижата к стене."]);
    // Marked as imported in the panel, and found by the origin filter.
    h.get_by_role_and_label(Role::ComboBox, "Origin filter")
        .click();
    h.run();
    click(&mut h, Role::Button, "Imported");
    assert!(
        h.query_by_role_and_label(Role::Button, "Add Приседания у стены")
            .is_some()
    );
    assert!(h.query_by_label("imported").is_some(), "the mark shows");
    assert!(
        h.query_by_role_and_label(Role::Button, "Add Nordic hamstring curl")
            .is_none()
    );
    // One undo step takes the import back.
    post(&mut h, Command::Undo);
    written(
        &mut h,
        data.path(),
        loadplan::library::PersonalLibrary::is_empty,
    );
}

#[test]
fn a_malformed_file_says_where_and_imports_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let csv = files.path().join("mine.csv");
    std::fs::write(
        &csv,
        "name,category,muscles\n\"Bridge, single leg\",strength,glutes\nSide plank, long,isometric,obliques\n",
    )
    .expect("written");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    post(&mut h, Command::ImportPath(csv));
    until(&mut h, "the file is read", |h| {
        h.state().message().is_some_and(|m| m.is_error)
    });
    let message = h.state().message().expect("message").text.clone();
    assert!(message.contains("mine.csv:3:"), "{message}");
    assert!(message.contains("nothing was imported"), "{message}");
    assert!(h.query_by_label("Import exercises").is_none(), "no preview");
    assert!(
        loadplan::io::load_personal(data.path())
            .expect("reads")
            .is_empty()
    );
}

#[test]
fn an_import_on_the_command_line_while_the_window_is_open_is_not_lost() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    make_exercise(&mut h);
    let before = written(&mut h, data.path(), |l| l.exercises.len() == 1);
    // `loadplan library import` adds an exercise to the file while the window is open.
    let mut theirs = before.clone();
    let mut imported = before.exercises[0].clone();
    imported.id = "csv_wall_sit".to_owned();
    imported.name = "Wall sit".to_owned();
    theirs.imported.push(imported);
    loadplan::io::save_personal(data.path(), &theirs).expect("written");
    // The window then edits its exercise: the write keeps both, and the window shows both.
    let mut mine = before.exercises[0].clone();
    mine.cues = vec!["Slowly".to_owned()];
    post(
        &mut h,
        Command::Library(LibraryEdit::Save {
            exercise: Box::new(mine),
            new: false,
        }),
    );
    let merged = written(&mut h, data.path(), |l| {
        l.imported.len() == 1 && l.exercises.first().is_some_and(|e| !e.cues.is_empty())
    });
    until(&mut h, "the window takes the merge", |h| {
        h.state()
            .library()
            .and_then(|l| l.get("csv_wall_sit"))
            .is_some()
    });
    let message = h.state().message().expect("said so").text.clone();
    assert!(message.contains("changed elsewhere"), "{message}");
    // Undoing the window's edit keeps the exercise imported elsewhere.
    post(&mut h, Command::Undo);
    let after = written(&mut h, data.path(), |l| {
        l.exercises.first().is_some_and(|e| e.cues.is_empty())
    });
    assert_eq!(after.imported, merged.imported);
}

#[test]
fn the_editor_refuses_a_taken_name_and_builds_a_ladder_from_the_library() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    click(&mut h, Role::Button, "New exercise...");
    // A name taken by a built-in exercise (case and accents aside) cannot be saved.
    type_into(&mut h, "Name", "nordic HAMSTRING cúrl");
    assert!(
        h.query_by_label_contains("is taken by another exercise (nordic)")
            .is_some()
    );
    assert!(
        h.get_by_role_and_label(Role::Button, "Save new exercise")
            .accesskit_node()
            .is_disabled()
    );
    type_into(&mut h, "Name", "Nordic on a slant board");
    // Variations are found by typing and chosen from the library.
    type_into(&mut h, "Find a variation", "partial nordic");
    click(
        &mut h,
        Role::Button,
        "Add Partial-range Nordic hamstring curl as easier variation",
    );
    type_into(&mut h, "Find a variation", "weighted nordic");
    click(
        &mut h,
        Role::Button,
        "Add Weighted Nordic hamstring curl as harder variation",
    );
    click_to_write(&mut h, Role::Button, "Save new exercise");
    let personal = written(&mut h, data.path(), |l| l.exercises.len() == 1);
    let mine = &personal.exercises[0];
    assert_eq!(mine.name, "Nordic on a slant board");
    assert_eq!(mine.easier, ["nordic_partial"]);
    assert_eq!(mine.harder, ["nordic_weighted"]);
    // The Edit menu says what Undo takes back.
    click(&mut h, Role::Button, "Edit");
    assert!(
        h.query_by_label_contains("Undo Add exercise Nordic on a slant board")
            .is_some()
    );
}

#[test]
fn a_copy_of_a_built_in_exercise_keeps_its_drawing() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = window(data.path());
    send(&mut h, Command::NewEmpty);
    click(&mut h, Role::Button, "Glute bridge");
    click(&mut h, Role::Button, "Copy Glute bridge as my own");
    let copy_name = h
        .state()
        .library()
        .map(|l| loadplan::library::copy_name(l, "Glute bridge"))
        .expect("library");
    assert!(
        h.query_by_role_and_label(Role::Image, &format!("Drawing of {copy_name}"))
            .is_some(),
        "the editor shows the copy's drawing"
    );
    // Saved with the editor's shortcut.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.step();
    let library = written(&mut h, data.path(), |l| l.exercises.len() == 1);
    let copy = &library.exercises[0];
    assert_ne!(copy.id, "glute_bridge");
    assert_eq!(copy.drawn_as.as_deref(), Some("glute_bridge"));
    let original = h
        .state()
        .library()
        .and_then(|l| l.get("glute_bridge"))
        .expect("glute bridge")
        .clone();
    assert_eq!(
        loadplan::figure::figure(copy, loadplan::model::Side::Both, None),
        loadplan::figure::figure(&original, loadplan::model::Side::Both, None),
        "drawn as its original"
    );
}
