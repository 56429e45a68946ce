//! Library benchmarks (issue 14). Search per keystroke over a library of about 1,500 exercises
//! (the built-in ones, the whole free-exercise-db and 600 of your own, many with accented or
//! Cyrillic names) - aim: under 1 ms a keystroke; and importing the whole free-exercise-db (873
//! entries: reading and mapping the JSON, the preview's duplicate check against the library,
//! and giving the chosen entries their ids) - aim: under 100 ms. Also rebuilding the merged
//! library after a change (what one save in the exercise editor costs).
//!
//! The whole window too: one keystroke in the library panel's search field with that library
//! (filter, then lay out the visible rows), headless through egui_kittest, which keeps AccessKit
//! on (the window does only while an assistive tool listens).
//!
//! The data set is `benches/data/free-exercise-db/exercises.json` (see the README there).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::Command;
use loadplan::library::{Merged, PersonalLibrary, Query, builtin, preview, read_import, take};
use loadplan::model::Exercise;

const FEDB: &str = include_str!("data/free-exercise-db/exercises.json");

/// Names of your own exercises, in several languages, varied by number.
const STEMS: [&str; 6] = [
    "Pont fessier à une jambe",
    "Élévation du bassin",
    "Приседания у стены",
    "Affondo con manubri",
    "Nordic curl mit Partner",
    "Sentadilla búlgara",
];

fn own_exercises(n: usize) -> Vec<Exercise> {
    let template = builtin()
        .expect("built-in")
        .get("glute_bridge")
        .expect("glute bridge")
        .clone();
    (0..n)
        .map(|i| {
            let mut e = template.clone();
            e.id = format!("my_{i}");
            e.name = format!("{} {}", STEMS[i % STEMS.len()], i / STEMS.len() + 1);
            e.aliases = vec![format!("variante {i}")];
            e.easier.clear();
            e.harder.clear();
            e
        })
        .collect()
}

/// The library of about 1,500 exercises.
fn big_library() -> Merged {
    let file = read_import("exercises.json", FEDB).expect("the data set imports");
    let empty = Merged::new(builtin().expect("built-in"), PersonalLibrary::default());
    let all = preview(&empty, &file);
    let personal = PersonalLibrary {
        exercises: own_exercises(600),
        imported: take(&empty, &all),
    };
    Merged::new(builtin().expect("built-in"), personal)
}

fn bench(c: &mut Criterion) {
    let library = big_library();
    let total = library.exercises.len();
    assert!(total >= 1500, "{total} exercises");
    println!("library: {total} exercises");

    // Typing "nordic ham" one key at a time, and an accented word typed without its accents.
    for typed in ["n", "nord", "nordic ham", "elevation", "приседания", "é"] {
        let found = library.search(&Query::new(typed, None)).len();
        c.bench_function(
            &format!("library search, {total} exercises, {typed:?} ({found} found)"),
            |b| {
                b.iter(|| {
                    library
                        .search_with_origin(&Query::new(black_box(typed), None))
                        .len()
                })
            },
        );
    }
    c.bench_function(
        &format!("library search, {total} exercises, \"bridge\" + muscle glutes"),
        |b| {
            b.iter(|| {
                library
                    .search_with_origin(&Query::new(black_box("bridge"), Some("glutes")))
                    .len()
            })
        },
    );

    let base = Merged::new(builtin().expect("built-in"), PersonalLibrary::default());
    c.bench_function(
        "import free-exercise-db (873 entries): read, preview, take",
        |b| {
            b.iter(|| {
                let file = read_import("exercises.json", black_box(FEDB)).expect("imports");
                let candidates = preview(&base, &file);
                take(&base, candidates.iter().filter(|c| c.duplicate.is_none())).len()
            })
        },
    );

    let personal = library.personal().clone();
    c.bench_function(
        &format!("merged library rebuilt ({total} exercises, after a change)"),
        |b| {
            b.iter(|| {
                Merged::new(builtin().expect("built-in"), black_box(personal.clone()))
                    .exercises
                    .len()
            })
        },
    );
}

/// The window with `personal` as your library, a new plan open, the search field focused.
fn window(personal: &PersonalLibrary, folder: &std::path::Path) -> Harness<'static, LoadplanApp> {
    loadplan::io::save_personal(folder, personal).expect("library written");
    let app = LoadplanApp::with_library_folder(Prefs::default(), folder.to_path_buf());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app);
    let start = std::time::Instant::now();
    while !h.state().library_ready() {
        assert!(start.elapsed().as_secs() < 20, "the library was not read");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    let ctx = h.ctx.clone();
    h.state_mut().send(Command::NewEmpty, &ctx);
    for _ in 0..4 {
        h.step();
    }
    h.get_by_role_and_label(Role::TextInput, "Search exercises")
        .click();
    for _ in 0..4 {
        h.step();
    }
    h
}

fn bench_window(c: &mut Criterion) {
    let library = big_library();
    let total = library.exercises.len();
    let folder = tempfile::tempdir().expect("temp dir");
    let mut h = window(library.personal(), folder.path());
    // The keystrokes timed below do filter the list.
    let found = library.search(&Query::new("n", None)).len();
    h.get_by_role_and_label(Role::TextInput, "Search exercises")
        .type_text("n");
    h.step();
    h.step();
    h.get_by_label(&format!("{found} of {total} exercises"));
    h.key_press(egui::Key::Backspace);
    h.step();
    h.step();
    h.get_by_label(&format!("{total} of {total} exercises"));
    c.bench_function(
        &format!("window frame per keystroke in the search, {total} exercises (n, then backspace)"),
        |b| {
            let mut typed = false;
            b.iter(|| {
                if typed {
                    h.key_press(egui::Key::Backspace);
                } else {
                    h.get_by_role_and_label(Role::TextInput, "Search exercises")
                        .type_text("n");
                }
                typed = !typed;
                h.step();
            });
        },
    );
}

criterion_group!(benches, bench, bench_window);
criterion_main!(benches);
