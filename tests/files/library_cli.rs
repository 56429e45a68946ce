//! `loadplan library import FILE` and `library export FILE`, run as a user runs them, the
//! library kept in a temp folder (`--library-dir` or `LOADPLAN_DATA_DIR`).

use std::path::Path;

use crate::cli::{data, json_of, loadplan, stderr, stdout, temp_dir};

fn import(library: &Path, file: &str, extra: &[&str]) -> std::process::Output {
    let dir = library.display().to_string();
    let mut args = vec!["library", "import", file, "--library-dir", dir.as_str()];
    args.extend_from_slice(extra);
    loadplan(&args)
}

const SAMPLE: &str = "tests/fixtures/free-exercise-db/exercises.json";

#[test]
fn import_takes_what_duplicates_nothing_and_a_second_import_takes_nothing() {
    let lib = temp_dir();
    let o = import(lib.path(), &data(SAMPLE), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("(free-exercise-db JSON): took 41 exercises, skipped 4"),
        "{out}"
    );
    assert!(out.contains("took    fedb_atlas_stones"), "{out}");
    // A built-in exercise under the same name is not imported twice.
    assert!(
        out.contains("skipped Romanian Deadlift (same name as"),
        "{out}"
    );
    let personal = loadplan::io::load_personal(lib.path()).expect("written");
    assert_eq!(personal.imported.len(), 41);
    assert!(personal.exercises.is_empty());

    let o = import(lib.path(), &data(SAMPLE), &["--json"]);
    let v = json_of(&o);
    assert_eq!(v["took"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["skipped"].as_array().map(Vec::len), Some(45));
    assert_eq!(
        loadplan::io::load_personal(lib.path())
            .expect("read")
            .imported
            .len(),
        41
    );

    // --all takes the duplicates too, each under an id of its own.
    let o = import(lib.path(), &data(SAMPLE), &["--all", "--json"]);
    let v = json_of(&o);
    assert_eq!(v["took"].as_array().map(Vec::len), Some(45));
    let personal = loadplan::io::load_personal(lib.path()).expect("read");
    assert_eq!(personal.imported.len(), 86);
}

#[test]
fn imported_exercises_are_searched_with_their_origin_and_without_accents() {
    let lib = temp_dir();
    let file = lib.path().join("fork.json");
    std::fs::write(
        &file,
        r#"[{"name": "Élévation du bassin", "category": "strength", "primaryMuscles": ["glutes"],
             "equipment": "body only", "translations": {"en": "Glute bridge"}},
            {"name": "Тяга к поясу", "category": "strength", "primaryMuscles": ["middle back"],
             "equipment": ["cable"], "instructions": ["Тяните к поясу."]}]"#,
    )
    .expect("written");
    let o = import(lib.path(), &file.display().to_string(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = lib.path().display().to_string();
    let o = loadplan(&["library", "--search", "elevation", "--library-dir", &dir]);
    let out = stdout(&o);
    assert!(out.contains("Élévation du bassin"), "{out}");
    assert!(out.contains("imported"), "{out}");
    assert!(out.ends_with("1 exercises\n"), "{out}");
    let v = json_of(&loadplan(&[
        "--json",
        "library",
        "--search",
        "ТЯГА",
        "--library-dir",
        &dir,
    ]));
    assert_eq!(v[0]["name"], "Тяга к поясу");
    assert_eq!(v[0]["cues"][0], "Тяните к поясу.");
    assert_eq!(
        v[0]["default_dose"].get("load"),
        None,
        "no load is made up for a cable row: {}",
        v[0]["default_dose"]
    );
}

#[test]
fn a_csv_with_a_bad_row_is_refused_at_its_line_and_nothing_is_written() {
    let lib = temp_dir();
    let file = lib.path().join("mine.csv");
    std::fs::write(
        &file,
        "name,category,muscles,notes\n\"Bridge, single leg\",strength,glutes,x\nPlank,isometric\n",
    )
    .expect("written");
    let o = import(lib.path(), &file.display().to_string(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("mine.csv:3:"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(!lib.path().join("exercises.ron").exists());

    std::fs::write(
        &file,
        "name,category,muscles,notes\n\"Bridge, single leg\",strength,glutes,x\n",
    )
    .expect("written");
    let o = import(lib.path(), &file.display().to_string(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("columns not read: notes"), "{out}");
    assert!(out.contains("Bridge, single leg"), "{out}");
}

#[test]
fn export_writes_your_library_and_it_imports_elsewhere_as_it_was() {
    let lib = temp_dir();
    let o = import(lib.path(), &data(SAMPLE), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out_file = lib.path().join("shared").join("my exercises.ron");
    std::fs::create_dir_all(out_file.parent().expect("parent")).expect("dir");
    let dir = lib.path().display().to_string();
    let o = loadplan(&[
        "library",
        "export",
        &out_file.display().to_string(),
        "--library-dir",
        &dir,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("41 imported"), "{}", stdout(&o));

    // Another computer: its library (LOADPLAN_DATA_DIR) takes the exported file.
    let other = temp_dir();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_loadplan"))
        .args(["library", "import", &out_file.display().to_string()])
        .env(loadplan::io::DATA_DIR_VAR, other.path())
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("(loadplan library): took 41 exercises, skipped 0"),
        "{}",
        stdout(&o)
    );
    let mine = loadplan::io::load_personal(lib.path()).expect("read");
    let theirs = loadplan::io::load_personal(other.path()).expect("read");
    assert_eq!(theirs.imported, mine.imported);
}

#[test]
fn a_file_that_is_not_there_or_not_text_is_refused() {
    let lib = temp_dir();
    let o = import(lib.path(), "/no/such/file.json", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot be read"), "{}", stderr(&o));
    let file = lib.path().join("latin1.csv");
    std::fs::write(
        &file,
        b"name,category\nPont fessier \xe0 une jambe,strength\n",
    )
    .expect("w");
    let o = import(lib.path(), &file.display().to_string(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("latin1.csv:2:14: this is not UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_endless_file_is_refused_without_filling_memory() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let lib = temp_dir();
    let o = import(lib.path(), "/dev/zero", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is larger than 64 MB") && stderr(&o).contains("nothing was imported"),
        "{}",
        stderr(&o)
    );
}
