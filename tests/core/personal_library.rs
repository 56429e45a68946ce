//! Your own exercises: importing open data (free-exercise-db and its forks, CSV), duplicates,
//! the checks an exercise passes before it is saved, the personal library's file, and search
//! over the merged library (accents and case ignored).

use loadplan::command::LibraryEdit;
use loadplan::library::{
    self, Duplicate, ImportKind, Merged, Origin, PersonalLibrary, Query, exercise_problems,
    read_import,
};
use loadplan::model::{Category, DoseKind, Exercise, Load, Region};

fn builtin() -> &'static library::Library {
    library::builtin().expect("built-in library")
}

fn merged(personal: PersonalLibrary) -> Merged {
    Merged::new(builtin(), personal)
}

fn sample_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/free-exercise-db/exercises.json"
    );
    std::fs::read_to_string(path).expect("fixture")
}

/// A fork of free-exercise-db as some publish it: extra fields (a translation block, video
/// links, a numeric id), names and instructions in Russian, Italian and French.
const FORK: &str = r#"[
  {"id": "Prisedaniya", "name": "Приседания с собственным весом", "force": "push",
   "level": "beginner", "mechanic": "compound", "equipment": "body only",
   "primaryMuscles": ["quadriceps"], "secondaryMuscles": ["glutes"],
   "instructions": ["Встаньте прямо, ноги на ширине плеч.", "Опуститесь, сгибая колени."],
   "category": "strength", "images": [], "video": "https://example.org/v/1",
   "translations": {"en": {"name": "Bodyweight squat"}}, "rank": 3},
  {"id": "Affondo_manubri", "name": "Affondo con manubri", "force": "push",
   "equipment": ["dumbbell"], "primaryMuscles": ["quadriceps"], "secondaryMuscles": null,
   "instructions": "Fai un passo avanti e piega entrambe le ginocchia.",
   "category": "Strength", "aliases_it": ["affondi"]},
  {"name": "Élévation du bassin, une jambe", "force": "static", "equipment": null,
   "primaryMuscles": ["glutes"], "instructions": ["Tenez la position, hanches hautes."],
   "category": "strength", "difficulté": "débutant"}
]"#;

#[test]
fn the_sample_of_free_exercise_db_imports_whole_and_in_order() {
    let text = sample_text();
    let file = read_import("exercises.json", &text).expect("imports");
    assert_eq!(file.kind, ImportKind::FreeExerciseDb);
    assert_eq!(file.entries.len(), 45);
    let json: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
    for (entry, raw) in file.entries.iter().zip(&json) {
        assert_eq!(entry.exercise.name, raw["name"].as_str().expect("name"));
        assert_eq!(entry.from_category, raw["category"].as_str().expect("cat"));
        // Nothing invented: body weight only where no equipment is needed, else no load.
        let no_equipment = entry.exercise.equipment.is_empty();
        let load = &entry.exercise.default_dose.load;
        assert_eq!(
            *load == Load::BodyWeight,
            no_equipment,
            "{}",
            entry.exercise.name
        );
        assert!(matches!(load, Load::BodyWeight | Load::None), "{load:?}");
    }
}

#[test]
fn a_fork_with_extra_fields_and_other_languages_keeps_its_text_intact() {
    let file = read_import("fork.json", FORK).expect("the fork imports");
    let names: Vec<&str> = file
        .entries
        .iter()
        .map(|e| e.exercise.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Приседания с собственным весом",
            "Affondo con manubri",
            "Élévation du bassin, une jambe"
        ]
    );
    let squat = &file.entries[0].exercise;
    assert_eq!(squat.id, "fedb_prisedaniya");
    assert_eq!(
        squat.cues,
        [
            "Встаньте прямо, ноги на ширине плеч.",
            "Опуститесь, сгибая колени."
        ]
    );
    assert_eq!(squat.regions, [Region::Thigh]);
    assert_eq!(squat.muscles, ["quadriceps", "glutes"]);
    assert!(squat.equipment.is_empty(), "body only is no equipment");
    assert_eq!(squat.default_dose.load, Load::BodyWeight);

    let lunge = &file.entries[1].exercise;
    assert_eq!(lunge.equipment, ["dumbbell"]);
    assert_eq!(lunge.default_dose.load, Load::None, "no load is made up");
    assert_eq!(
        lunge.cues,
        ["Fai un passo avanti e piega entrambe le ginocchia."]
    );
    assert_eq!(lunge.category, Category::Strength);

    // No id: one is made from the name, its letters kept; a static hold is timed.
    let bridge = &file.entries[2].exercise;
    assert_eq!(bridge.id, "fedb_elevation_du_bassin_une_jambe");
    assert_eq!(bridge.dose_kind, DoseKind::TimedHold);
    assert_eq!(bridge.cues, ["Tenez la position, hanches hautes."]);
}

#[test]
fn imported_names_in_other_scripts_are_found_without_accents_or_case() {
    let file = read_import("fork.json", FORK).expect("imports");
    let candidates = library::preview(&merged(PersonalLibrary::default()), &file);
    let taken = library::take(&merged(PersonalLibrary::default()), &candidates);
    let lib = merged(PersonalLibrary {
        imported: taken,
        ..PersonalLibrary::default()
    });
    let names = |text: &str| -> Vec<String> {
        lib.search(&Query::new(text, None))
            .into_iter()
            .map(|e| e.name.clone())
            .collect()
    };
    assert_eq!(
        names("elevation bassin"),
        ["Élévation du bassin, une jambe"]
    );
    assert_eq!(names("ÉLÉVATION"), ["Élévation du bassin, une jambe"]);
    assert_eq!(names("приседания"), ["Приседания с собственным весом"]);
    assert_eq!(names("ПРИСЕДАНИЯ"), ["Приседания с собственным весом"]);
    assert_eq!(names("affondo"), ["Affondo con manubri"]);
    let nordic = names("Nordic");
    assert!(
        nordic.contains(&"Nordic hamstring curl".to_owned()),
        "{nordic:?}"
    );
    assert_eq!(nordic, names("nordic"));
    assert_eq!(lib.origin("fedb_prisedaniya"), Some(Origin::Imported));
}

#[test]
fn a_json_file_that_does_not_read_is_refused_whole_at_its_line_and_column() {
    let bad = "[\n  {\"name\": \"Ok\", \"category\": \"strength\"},\n  {\"name\": \"Broken\", \"category\": }\n]";
    let err = read_import("broken.json", bad).expect_err("refused");
    assert_eq!(
        (err.line, err.column),
        (3, 34),
        "at the }} where a value belongs: {err}"
    );
    let text = err.to_string();
    assert!(text.starts_with("broken.json:3:34: "), "{text}");
    assert!(text.contains("nothing was imported"), "{text}");

    let no_name = "[{\"category\": \"strength\"}]";
    let err = read_import("x.json", no_name).expect_err("no name");
    assert!(err.message.contains("name"), "{err}");
}

const CSV: &str = "Name,Category,Muscles,Equipment,Instructions,Level,Video\n\
\"Bridge, single leg\",strength,\"glutes; hamstrings\",,\"Lie on your back.\nLift the hips.\",beginner,\n\
Copenhagen plank,isometric,adductors,bench,\"Hold the \"\"top\"\" position.\",advanced,x\n\
Calf raise,Strength,calves,\"step, dumbbell\",,beginner,\n";

#[test]
fn a_csv_reads_quoted_cells_and_lists_the_columns_it_ignores() {
    let file = read_import("mine.csv", CSV).expect("imports");
    assert_eq!(file.kind, ImportKind::Csv);
    assert_eq!(file.ignored_columns, ["Level", "Video"]);
    let names: Vec<&str> = file
        .entries
        .iter()
        .map(|e| e.exercise.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Bridge, single leg", "Copenhagen plank", "Calf raise"]
    );
    let bridge = &file.entries[0].exercise;
    assert_eq!(bridge.id, "csv_bridge_single_leg");
    assert_eq!(bridge.muscles, ["glutes", "hamstrings"]);
    assert_eq!(bridge.regions, [Region::Hip, Region::Thigh]);
    assert_eq!(bridge.cues, ["Lie on your back.", "Lift the hips."]);
    assert_eq!(bridge.default_dose.load, Load::BodyWeight);
    let plank = &file.entries[1].exercise;
    assert_eq!(plank.category, Category::Isometric);
    assert_eq!(plank.dose_kind, DoseKind::TimedHold);
    assert_eq!(plank.cues, ["Hold the \"top\" position."]);
    assert_eq!(plank.default_dose.load, Load::None);
    let calf = &file.entries[2].exercise;
    assert_eq!(calf.equipment, ["step", "dumbbell"]);
    assert_eq!(calf.regions, [Region::LowerLeg]);
}

#[test]
fn a_csv_with_a_bad_row_is_refused_whole_at_that_row() {
    // Line 3 has an unquoted comma in its name: one cell too many.
    let text = "name,category,muscles\nBridge,strength,glutes\nSide plank, long lever,isometric,obliques\n";
    let err = read_import("bad.csv", text).expect_err("refused");
    assert_eq!(err.line, 3, "{err}");
    assert!(err.message.contains("4 cells"), "{err}");
    assert!(err.to_string().starts_with("bad.csv:3:"), "{err}");

    let text = "name,category\nBridge,strength\nDownward dog,yoga\n";
    let err = read_import("bad.csv", text).expect_err("unknown category");
    assert_eq!((err.line, err.column), (3, 2), "{err}");
    assert!(err.message.contains("\"yoga\""), "{err}");

    let err = read_import("bad.csv", "title,kind\nBridge,strength\n").expect_err("no name");
    assert!(err.message.contains("\"name\" column"), "{err}");
}

#[test]
fn duplicates_of_the_library_and_of_the_file_are_marked_and_taken_under_new_ids() {
    let text =
        "name,category\nNordic hamstring curl,strength\nMy bridge,strength\nMY BRÍDGE,strength\n";
    let file = read_import("dups.csv", text).expect("imports");
    let lib = merged(PersonalLibrary::default());
    let candidates = library::preview(&lib, &file);
    assert!(
        matches!(&candidates[0].duplicate, Some(Duplicate::SameName { id, .. }) if id == "nordic"),
        "{:?}",
        candidates[0].duplicate
    );
    assert_eq!(candidates[1].duplicate, None);
    assert_eq!(
        candidates[2].duplicate,
        Some(Duplicate::InFile { entry: 2 })
    );
    assert_eq!(
        candidates[0].duplicate.as_ref().map(Duplicate::describe),
        Some("same name as Nordic hamstring curl".to_owned())
    );
    let taken = library::take(&lib, &candidates);
    let ids: Vec<&str> = taken.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 3);
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 3, "{ids:?}");
    assert!(ids.iter().all(|id| lib.get(id).is_none()), "{ids:?}");

    // Importing the same file again: every entry is now a duplicate of what was taken.
    let after = merged(PersonalLibrary {
        imported: taken,
        ..PersonalLibrary::default()
    });
    let again = library::preview(&after, &file);
    assert!(again.iter().all(|c| c.duplicate.is_some()), "{again:?}");
}

fn my_exercise(id: &str, name: &str) -> Exercise {
    let mut e = builtin().get("clams").expect("clams").clone();
    e.id = id.to_owned();
    e.name = name.to_owned();
    e.easier.clear();
    e.harder.clear();
    e
}

#[test]
fn an_exercise_is_checked_for_taken_ids_and_names_and_its_ladder() {
    let lib = merged(PersonalLibrary::default());
    let ok = my_exercise("my_bridge", "My bridge");
    assert_eq!(exercise_problems(&lib, &ok, true), Vec::<String>::new());

    let taken_id = my_exercise("nordic", "Something new");
    let problems = exercise_problems(&lib, &taken_id, true);
    assert!(
        problems.iter().any(|p| p.contains("\"nordic\" is taken")),
        "{problems:?}"
    );

    let taken_name = my_exercise("my_nordic", "nordic HAMSTRING curl");
    let problems = exercise_problems(&lib, &taken_name, true);
    assert!(
        problems.iter().any(|p| p.contains("is taken by another")),
        "{problems:?}"
    );

    let mut missing = my_exercise("my_bridge", "My bridge");
    missing.harder = vec!["no_such_exercise".to_owned()];
    let problems = exercise_problems(&lib, &missing, true);
    assert!(
        problems.iter().any(|p| p.contains("no_such_exercise")),
        "{problems:?}"
    );

    let mut itself = my_exercise("my_bridge", "My bridge");
    itself.easier = vec!["my_bridge".to_owned()];
    let problems = exercise_problems(&lib, &itself, true);
    assert!(
        problems.iter().any(|p| p.contains("itself")),
        "{problems:?}"
    );
}

#[test]
fn a_ladder_that_leads_back_to_the_exercise_is_refused() {
    // A is easier than B in the library; B made harder than... A again would loop.
    let mut a = my_exercise("my_a", "My A");
    a.harder = vec!["my_b".to_owned()];
    let b = my_exercise("my_b", "My B");
    let lib = merged(PersonalLibrary {
        exercises: vec![a, b.clone()],
        ..PersonalLibrary::default()
    });
    let mut looped = b;
    looped.harder = vec!["my_a".to_owned()];
    let problems = exercise_problems(&lib, &looped, false);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("The ladder loops") && p.contains("My B -> My A -> My B")),
        "{problems:?}"
    );
}

#[test]
fn library_edits_save_edit_and_delete_and_an_edit_of_a_built_in_takes_its_place() {
    let lib = merged(PersonalLibrary::default());
    let new = my_exercise("my_bridge", "My bridge");
    let personal = LibraryEdit::Save {
        exercise: Box::new(new.clone()),
        new: true,
    }
    .apply(&lib)
    .expect("saved");
    assert_eq!(personal.exercises, std::slice::from_ref(&new));
    let lib = merged(personal);
    assert_eq!(lib.origin("my_bridge"), Some(Origin::Yours));

    // Saving it as new again: the id is taken.
    let err = LibraryEdit::Save {
        exercise: Box::new(new),
        new: true,
    }
    .apply(&lib)
    .expect_err("taken");
    assert!(err.contains("taken"), "{err}");

    let mut nordic = lib.get("nordic").expect("nordic").clone();
    nordic.cues.push("Slower on the way down".to_owned());
    let personal = LibraryEdit::Save {
        exercise: Box::new(nordic.clone()),
        new: false,
    }
    .apply(&lib)
    .expect("edited");
    let lib = merged(personal);
    assert_eq!(lib.origin("nordic"), Some(Origin::Edited));
    assert_eq!(lib.get("nordic"), Some(&nordic));
    assert_eq!(lib.exercises.len(), builtin().exercises.len() + 1);

    // A built-in cannot be deleted; your edit of it goes back to the built-in.
    let err = LibraryEdit::Delete("clams".to_owned())
        .apply(&lib)
        .expect_err("built-in");
    assert!(err.contains("built into loadplan"), "{err}");
    let personal = LibraryEdit::Delete("nordic".to_owned())
        .apply(&lib)
        .expect("back");
    let lib = merged(personal);
    assert_eq!(lib.origin("nordic"), Some(Origin::BuiltIn));
    assert_eq!(lib.get("nordic"), builtin().get("nordic"));

    let personal = LibraryEdit::Delete("my_bridge".to_owned())
        .apply(&lib)
        .expect("deleted");
    assert!(personal.is_empty());
}

#[test]
fn an_exercise_on_another_ones_ladder_is_not_deleted() {
    let base = my_exercise("my_easy", "My easy");
    let mut hard = my_exercise("my_hard", "My hard");
    hard.easier = vec!["my_easy".to_owned()];
    let lib = merged(PersonalLibrary {
        exercises: vec![base, hard],
        ..PersonalLibrary::default()
    });
    let err = LibraryEdit::Delete("my_easy".to_owned())
        .apply(&lib)
        .expect_err("used");
    assert!(err.contains("My hard"), "{err}");
}

#[test]
fn the_personal_library_file_round_trips_and_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        loadplan::io::load_personal(dir.path()).expect("no file yet"),
        PersonalLibrary::default()
    );
    let file = read_import("fork.json", FORK).expect("imports");
    let mut personal = PersonalLibrary {
        exercises: vec![my_exercise("my_bridge", "Mon pont fessier à une jambe")],
        imported: file.entries.into_iter().map(|e| e.exercise).collect(),
    };
    personal.exercises[0].photos.clear();
    let path = loadplan::io::save_personal(dir.path(), &personal).expect("written");
    assert_eq!(path, dir.path().join("exercises.ron"));
    assert_eq!(
        loadplan::io::load_personal(dir.path()).expect("read"),
        personal
    );
    // Written again over the old file: still one file, no temporary left behind.
    loadplan::io::save_personal(dir.path(), &personal).expect("written again");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".bak"))
        .collect();
    assert_eq!(names, ["exercises.ron"]);
}

#[test]
fn a_damaged_personal_library_is_reported_with_its_position_and_not_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("exercises.ron");
    std::fs::write(&path, "(format_version: 1, exercises: [ (id: \"x\", ]").expect("write");
    let err = loadplan::io::load_personal(dir.path()).expect_err("damaged");
    let text = err.to_string();
    assert!(text.contains("exercises.ron:1:"), "{text}");
    std::fs::write(&path, "(format_version: 99)").expect("write");
    let err = loadplan::io::load_personal(dir.path()).expect_err("newer");
    assert!(err.to_string().contains("update loadplan"), "{err}");
}

#[test]
fn an_exported_library_imports_back_as_it_was() {
    let personal = PersonalLibrary {
        exercises: vec![my_exercise("my_bridge", "My bridge")],
        imported: Vec::new(),
    };
    let text = library::personal_to_string(&personal).expect("text");
    let file = read_import("mine.ron", &text).expect("reads");
    assert_eq!(file.kind, ImportKind::Library);
    assert_eq!(file.entries.len(), 1);
    assert_eq!(file.entries[0].exercise, personal.exercises[0]);
}

#[test]
fn changes_made_elsewhere_meanwhile_merge_exercise_by_exercise() {
    let a = my_exercise("my_a", "My A");
    let b = my_exercise("my_b", "My B");
    let c = my_exercise("my_c", "My C");
    let base = PersonalLibrary {
        exercises: vec![a.clone(), b.clone(), c.clone()],
        imported: Vec::new(),
    };
    // Here: A changed, C deleted, D added.
    let mut a_here = a.clone();
    a_here.cues = vec!["here".to_owned()];
    let d = my_exercise("my_d", "My D");
    let ours = PersonalLibrary {
        exercises: vec![a_here.clone(), b.clone(), d.clone()],
        imported: Vec::new(),
    };
    // Elsewhere (another window, `library import`): A and B changed, C changed, X imported.
    let mut a_there = a.clone();
    a_there.cues = vec!["there".to_owned()];
    let mut b_there = b.clone();
    b_there.cautions = vec!["there".to_owned()];
    let mut c_there = c.clone();
    c_there.cues = vec!["kept".to_owned()];
    let x = my_exercise("fedb_x", "Imported X");
    let theirs = PersonalLibrary {
        exercises: vec![a_there, b_there.clone(), c_there.clone()],
        imported: vec![x.clone()],
    };
    let merged = library::merge_personal(&base, &ours, &theirs);
    // A changed on both sides: ours. B changed there only: theirs. D added here, X added
    // there: both. C deleted here but changed there: kept, nothing edited is lost.
    assert_eq!(merged.exercises, [a_here, b_there, d, c_there]);
    assert_eq!(merged.imported, [x]);

    // Nothing changed elsewhere: ours exactly.
    assert_eq!(library::merge_personal(&base, &ours, &base), ours);
    // Nothing changed here: theirs exactly.
    assert_eq!(library::merge_personal(&base, &base, &theirs), theirs);
}

#[test]
fn a_write_over_a_file_changed_meanwhile_keeps_both_sides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = PersonalLibrary {
        exercises: vec![my_exercise("my_a", "My A")],
        imported: Vec::new(),
    };
    loadplan::io::save_personal(dir.path(), &base).expect("written");
    // `loadplan library import` adds an exercise meanwhile.
    let mut theirs = base.clone();
    theirs.imported.push(my_exercise("csv_row", "Row"));
    loadplan::io::save_personal(dir.path(), &theirs).expect("written");
    // This window adds one of its own, knowing only `base`.
    let mut ours = base.clone();
    ours.exercises.push(my_exercise("my_b", "My B"));
    let saved = loadplan::io::save_personal_over(dir.path(), &base, &ours).expect("saved");
    assert!(saved.merged);
    let on_disk = loadplan::io::load_personal(dir.path()).expect("read");
    assert_eq!(on_disk, saved.library);
    assert_eq!(on_disk.exercises.len(), 2);
    assert_eq!(on_disk.imported.len(), 1);
    // Written again with nothing changed elsewhere: no merge.
    let again = loadplan::io::save_personal_over(dir.path(), &on_disk, &on_disk).expect("saved");
    assert!(!again.merged);
}
