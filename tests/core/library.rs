//! Tests of the built-in exercise library (data/exercises.ron), search, `fill_missing` and the
//! free-exercise-db importer.

use std::collections::HashSet;

use loadplan::library::{self, Library, LibraryError};
use loadplan::model::{
    Category, DoseKind, Laterality, Load, Plan, Prescription, Region, Reps, Rule, Schedule, Side,
    WeekRange,
};

const FIXED_IDS: &[&str] = &[
    "nordic_band_assisted",
    "nordic_partial",
    "nordic",
    "nordic_weighted",
    "sl_deadlift_supported",
    "sl_deadlift_bw",
    "sl_deadlift_db",
    "side_plank_bench",
    "side_plank_knees",
    "side_plank",
    "side_plank_leg_lift",
    "glute_bridge",
    "glute_bridge_marching",
    "glute_bridge_single_leg",
    "glute_bridge_long_lever",
    "hip_thrust",
    "askling_extender",
    "askling_diver",
    "askling_glider",
    "bridge_hold_isometric",
    "leg_curl_isometric",
    "leg_curl_machine",
    "romanian_deadlift",
    "clams",
    "side_lying_hip_abduction",
    "split_squat",
    "walking_lunge",
    "sciatic_nerve_glide",
    "leg_swings",
    "tva_activation",
    "dead_bug",
    "hip_flexor_strengthening",
    "slider_curl_eccentric",
    "calf_raise",
    "run_walk_intervals",
    "elliptical",
    "aqua_jogging",
    "glute_squeeze_isometric",
    "quad_sets",
    "straight_leg_raise",
    "arm_bike",
    "hamstring_stretch_gentle",
    "swimming",
    "pogo_hops",
    "a_skips",
    "strides",
    "copenhagen_plank_short",
];

const LADDERS: &[&[&str]] = &[
    &["sl_deadlift_supported", "sl_deadlift_bw", "sl_deadlift_db"],
    &[
        "side_plank_bench",
        "side_plank_knees",
        "side_plank",
        "side_plank_leg_lift",
    ],
    &[
        "glute_bridge",
        "glute_bridge_marching",
        "glute_bridge_single_leg",
        "glute_bridge_long_lever",
        "hip_thrust",
    ],
    &[
        "nordic_band_assisted",
        "nordic_partial",
        "nordic",
        "nordic_weighted",
    ],
];

fn lib() -> &'static Library {
    library::builtin().expect("the built-in library parses")
}

fn ids<'a>(found: &[&'a loadplan::model::Exercise]) -> Vec<&'a str> {
    found.iter().map(|e| e.id.as_str()).collect()
}

fn prescription(exercise: &str, weeks: WeekRange, rules: Vec<Rule>) -> Prescription {
    Prescription {
        id: 0,
        exercise: exercise.to_owned(),
        weeks,
        schedule: Schedule::PerWeek(3),
        supervised_per_week: 0,
        dose: Default::default(),
        rules,
        notes: String::new(),
    }
}

#[test]
fn builtin_parses_with_at_least_30_exercises() {
    let lib = lib();
    assert!(
        lib.exercises.len() >= 30,
        "{} exercises",
        lib.exercises.len()
    );
    let unique: HashSet<&str> = lib.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(unique.len(), lib.exercises.len(), "ids are unique");
}

#[test]
fn builtin_text_reads_with_plain_ron_too() {
    // The file starts with `#![enable(implicit_some)]`, so a reader without the default
    // extension reads it the same way.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/exercises.ron"))
        .expect("read data/exercises.ron");
    let value: ron::Value = ron::from_str(&text).expect("plain ron reads the library");
    assert!(matches!(value, ron::Value::Map(_)));
}

#[test]
fn every_fixed_id_exists() {
    let lib = lib();
    let missing: Vec<&str> = FIXED_IDS
        .iter()
        .copied()
        .filter(|id| lib.get(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing ids: {missing:?}");
}

#[test]
fn ladders_are_exactly_as_specified() {
    let lib = lib();
    for ladder in LADDERS {
        let mut walked = vec![ladder[0]];
        let mut current = lib.get(ladder[0]).expect("first step exists");
        assert!(
            current.easier.is_empty(),
            "{} is the bottom step",
            current.id
        );
        while let Some(next) = current.harder.first() {
            current = lib.get(next).expect("harder step exists");
            walked.push(current.id.as_str());
            assert!(walked.len() <= ladder.len(), "ladder too long: {walked:?}");
        }
        assert_eq!(&walked, ladder);
        for (i, id) in ladder.iter().enumerate() {
            let ex = lib.get(id).expect("step exists");
            let easier: Vec<&str> = ex.easier.iter().map(String::as_str).collect();
            let harder: Vec<&str> = ex.harder.iter().map(String::as_str).collect();
            let prev: Vec<&str> = ladder[..i].last().copied().into_iter().collect();
            let next: Vec<&str> = ladder.get(i + 1).copied().into_iter().collect();
            assert_eq!(easier, prev, "easier of {id}");
            assert_eq!(harder, next, "harder of {id}");
        }
    }
}

#[test]
fn every_ladder_reference_resolves_and_is_symmetric() {
    let lib = lib();
    for ex in &lib.exercises {
        for id in ex.easier.iter().chain(&ex.harder) {
            assert!(lib.get(id).is_some(), "{} refers to unknown {id}", ex.id);
            assert_ne!(id, &ex.id, "{} refers to itself", ex.id);
        }
        for id in &ex.harder {
            let up = lib.get(id).expect("resolves");
            assert!(
                up.easier.contains(&ex.id),
                "{id} should list {} as easier",
                ex.id
            );
        }
        for id in &ex.easier {
            let down = lib.get(id).expect("resolves");
            assert!(
                down.harder.contains(&ex.id),
                "{id} should list {} as harder",
                ex.id
            );
        }
    }
}

#[test]
fn exercises_are_described_consistently() {
    for ex in &lib().exercises {
        let dose = &ex.default_dose;
        assert!(!ex.name.trim().is_empty(), "{} has a name", ex.id);
        assert!(
            (2..=4).contains(&ex.cues.len()),
            "{} has {} cues",
            ex.id,
            ex.cues.len()
        );
        assert!(!ex.regions.is_empty(), "{} has regions", ex.id);
        for m in &ex.muscles {
            assert_eq!(
                m,
                &m.to_lowercase(),
                "{}: muscle names are lower-case",
                ex.id
            );
        }
        assert!(dose.sets >= 1, "{} has sets", ex.id);
        match ex.dose_kind {
            DoseKind::Reps => assert!(dose.reps.is_some(), "{} has reps", ex.id),
            DoseKind::TimedHold => {
                assert!(dose.hold_secs.is_some(), "{} has hold_secs", ex.id);
                assert!(dose.reps.is_none(), "{}: hold without reps", ex.id);
            }
            DoseKind::Minutes => {
                assert_eq!(dose.sets, 1, "{}: one bout", ex.id);
                assert!(dose.minutes.is_some(), "{} has minutes", ex.id);
                assert!(dose.rpe.is_some(), "{} has a session RPE", ex.id);
            }
            DoseKind::Distance => assert!(dose.distance_m.is_some(), "{} has metres", ex.id),
        }
        if matches!(ex.category, Category::Conditioning | Category::Running) {
            assert!(matches!(
                ex.dose_kind,
                DoseKind::Minutes | DoseKind::Distance
            ));
        }
        if ex.category == Category::Isometric {
            assert_eq!(ex.dose_kind, DoseKind::TimedHold, "{}", ex.id);
        }
        if ex.laterality != Laterality::Bilateral
            && matches!(ex.dose_kind, DoseKind::Reps | DoseKind::TimedHold)
        {
            assert_eq!(dose.side, Side::Each, "{}: each side", ex.id);
        }
        if ex.category == Category::Strength {
            assert!(ex.tempo.is_some(), "{} has a tempo", ex.id);
            assert_eq!(ex.tempo, dose.tempo, "{}: same tempo in both places", ex.id);
        }
        if ex.equipment.is_empty() && ex.dose_kind == DoseKind::Reps {
            assert_eq!(dose.load, Load::BodyWeight, "{}", ex.id);
        }
    }
}

#[test]
fn builtin_exercises_pass_plan_validation() {
    let plan = Plan {
        exercises: lib().exercises.clone(),
        ..Plan::default()
    };
    let problems = loadplan::model::validate(&plan);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn eccentric_and_hip_trunk_flags() {
    let lib = lib();
    for id in [
        "nordic_band_assisted",
        "nordic_partial",
        "nordic",
        "nordic_weighted",
        "slider_curl_eccentric",
        "askling_extender",
        "askling_diver",
        "askling_glider",
        "romanian_deadlift",
        "sl_deadlift_supported",
        "sl_deadlift_bw",
        "sl_deadlift_db",
    ] {
        assert!(
            lib.get(id).is_some_and(|e| e.eccentric),
            "{id} is eccentric"
        );
    }
    for id in [
        "clams",
        "glute_bridge",
        "calf_raise",
        "side_plank",
        "leg_curl_machine",
    ] {
        assert!(
            lib.get(id).is_some_and(|e| !e.eccentric),
            "{id} is not eccentric"
        );
    }
    for id in [
        "clams",
        "glute_bridge",
        "side_plank",
        "hip_thrust",
        "sl_deadlift_db",
        "dead_bug",
        "tva_activation",
        "side_lying_hip_abduction",
        "copenhagen_plank_short",
        "glute_squeeze_isometric",
        "bridge_hold_isometric",
        "romanian_deadlift",
    ] {
        assert!(
            lib.get(id).is_some_and(|e| e.is_hip_or_trunk()),
            "{id} is hip/trunk"
        );
    }
    // Hip/trunk strengthening is strength or isometric work mainly for the hip or trunk that
    // works a gluteal or trunk muscle: not mobility drills (leg swings, stretches), not the
    // Askling exercises (hamstring exercises that only also involve the gluteus maximus), not
    // hip-flexor work, not conditioning.
    for id in [
        "leg_swings",
        "hamstring_stretch_gentle",
        "askling_extender",
        "askling_diver",
        "askling_glider",
        "hip_flexor_strengthening",
        "straight_leg_raise",
        "nordic",
        "leg_curl_machine",
        "sciatic_nerve_glide",
        "elliptical",
        "run_walk_intervals",
    ] {
        assert!(
            lib.get(id).is_some_and(|e| !e.is_hip_or_trunk()),
            "{id} is not hip/trunk strengthening"
        );
    }
}

#[test]
fn protocol_doses() {
    let lib = lib();
    let dose = |id: &str| &lib.get(id).expect("exists").default_dose;
    let check = |id: &str, sets: u32, reps: u32, load: Load, side: Side| {
        let d = dose(id);
        assert_eq!(d.sets, sets, "{id} sets");
        assert_eq!(d.reps, Some(Reps::Fixed(reps)), "{id} reps");
        assert_eq!(d.load, load, "{id} load");
        assert_eq!(d.side, side, "{id} side");
    };
    check("sl_deadlift_db", 3, 10, Load::Kg(4.5), Side::Each);
    check("side_plank_leg_lift", 3, 10, Load::BodyWeight, Side::Each);
    check("askling_extender", 3, 12, Load::BodyWeight, Side::Each);
    check("askling_diver", 3, 6, Load::BodyWeight, Side::Each);
    check("askling_glider", 3, 4, Load::BodyWeight, Side::Each);
    for id in ["askling_extender", "askling_diver", "askling_glider"] {
        let ex = lib.get(id).expect("exists");
        assert!(ex.source.as_deref().is_some_and(|s| s.contains("Askling")));
        assert!(!ex.cautions.is_empty(), "{id} has cautions");
    }
    assert!(!lib.get("nordic").expect("exists").cautions.is_empty());
}

#[test]
fn search_finds_nordic_variations() {
    let found = lib().search("nordic", None);
    let found = ids(&found);
    for id in [
        "nordic_band_assisted",
        "nordic_partial",
        "nordic",
        "nordic_weighted",
    ] {
        assert!(found.contains(&id), "{id} in {found:?}");
    }
}

#[test]
fn search_by_muscle_finds_clams_and_side_plank() {
    let found = lib().search("", Some("gluteus medius"));
    let found_ids = ids(&found);
    assert!(found_ids.contains(&"clams"), "{found_ids:?}");
    assert!(found_ids.contains(&"side_plank"), "{found_ids:?}");
    let names: Vec<String> = found.iter().map(|e| e.name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
    assert!(found.iter().all(|e| e.works_muscle("gluteus medius")));
}

#[test]
fn empty_search_returns_everything_sorted() {
    let lib = lib();
    let all = lib.search("  ", None);
    assert_eq!(all.len(), lib.exercises.len());
}

#[test]
fn filter_helpers_are_sorted_and_unique() {
    let lib = lib();
    let muscles = lib.muscles();
    assert!(muscles.windows(2).all(|w| w[0] < w[1]));
    assert!(muscles.contains(&"gluteus medius"));
    let equipment = lib.equipment();
    assert!(equipment.windows(2).all(|w| w[0] < w[1]));
    assert!(equipment.contains(&"dumbbell"));
    let categories = lib.categories();
    assert!(categories.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(categories, Category::ALL.to_vec(), "every category is used");
}

#[test]
fn fill_missing_copies_referenced_exercises() {
    let mut plan = Plan::default();
    plan.prescriptions.push(prescription(
        "sl_deadlift_db",
        WeekRange::new(1, 12),
        Vec::new(),
    ));
    let unknown = library::fill_missing(&mut plan, lib());
    assert!(unknown.is_empty(), "{unknown:?}");
    let plan_ids: Vec<&str> = plan.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(plan_ids, ["sl_deadlift_db"]);
    assert_eq!(plan.exercise("sl_deadlift_db"), lib().get("sl_deadlift_db"));

    // A second call changes nothing.
    let before = plan.clone();
    assert!(library::fill_missing(&mut plan, lib()).is_empty());
    assert_eq!(plan, before);
}

#[test]
fn fill_missing_reports_unknown_ids() {
    let mut plan = Plan::default();
    plan.prescriptions.push(prescription(
        "no_such_exercise",
        WeekRange::new(1, 4),
        Vec::new(),
    ));
    plan.prescriptions
        .push(prescription("clams", WeekRange::new(1, 4), Vec::new()));
    plan.prescriptions.push(prescription(
        "no_such_exercise",
        WeekRange::new(5, 8),
        Vec::new(),
    ));
    let unknown = library::fill_missing(&mut plan, lib());
    assert_eq!(unknown, ["no_such_exercise"]);
    let plan_ids: Vec<&str> = plan.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(plan_ids, ["clams"]);
}

#[test]
fn fill_missing_follows_next_variation_rules() {
    let mut plan = Plan::default();
    // 12 weeks, a step every 4 weeks: weeks 5 and 9 move up, so two harder variations.
    plan.prescriptions.push(prescription(
        "glute_bridge",
        WeekRange::new(1, 12),
        vec![Rule::NextVariation {
            after_weeks: 4,
            reset_dose: true,
        }],
    ));
    plan.prescriptions
        .push(prescription("nordic", WeekRange::new(1, 10), Vec::new()));
    let unknown = library::fill_missing(&mut plan, lib());
    assert!(unknown.is_empty(), "{unknown:?}");
    let plan_ids: Vec<&str> = plan.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        plan_ids,
        [
            "glute_bridge",
            "glute_bridge_marching",
            "glute_bridge_single_leg",
            "nordic"
        ]
    );
}

#[test]
fn fill_missing_keeps_the_plans_own_copies() {
    let lib = lib();
    let mut own = lib.get("side_plank").expect("exists").clone();
    own.name = "My side plank".to_owned();
    own.harder = vec!["custom_step".to_owned()];
    let mut plan = Plan {
        exercises: vec![own.clone()],
        ..Plan::default()
    };
    plan.prescriptions.push(prescription(
        "side_plank",
        WeekRange::new(1, 8),
        vec![Rule::NextVariation {
            after_weeks: 2,
            reset_dose: false,
        }],
    ));
    let unknown = library::fill_missing(&mut plan, lib);
    assert_eq!(unknown, ["custom_step"]);
    assert_eq!(plan.exercises, vec![own]);
}

/// The trimmed sample of the public-domain free-exercise-db kept with the tests (its README
/// says where it comes from and how its entries were chosen).
const FEDB_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/free-exercise-db/exercises.json"
);

fn fedb_sample() -> (String, Vec<serde_json::Value>) {
    let json = std::fs::read_to_string(FEDB_SAMPLE).expect("read the free-exercise-db sample");
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&json).expect("the sample is a JSON array");
    (json, entries)
}

/// A string field of a raw free-exercise-db entry (`None` for null).
fn field<'a>(entry: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    entry[key].as_str()
}

/// A list-of-strings field of a raw free-exercise-db entry.
fn list(entry: &serde_json::Value, key: &str) -> Vec<String> {
    entry[key]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn import_free_exercise_db() {
    let (json, raw) = fedb_sample();
    assert!(raw.len() >= 40, "the sample has {} entries", raw.len());
    let exercises = library::import_free_exercise_db(&json).expect("imports");
    assert_eq!(exercises.len(), raw.len(), "one exercise per entry");
    let unique: HashSet<&str> = exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(unique.len(), raw.len(), "unique ids");
    assert!(exercises.iter().all(|e| e.id.starts_with("fedb_")));
    assert!(exercises.iter().all(|e| e.id == e.id.to_lowercase()));
    for (ex, entry) in exercises.iter().zip(&raw) {
        let id = field(entry, "id").expect("an id");
        assert_eq!(ex.id, format!("fedb_{}", id.to_lowercase()), "file order");
        assert_eq!(Some(ex.name.as_str()), field(entry, "name"));
    }
    assert!(
        exercises
            .iter()
            .all(|e| e.source.as_deref() == Some("free-exercise-db (public domain)"))
    );
    assert!(
        exercises
            .iter()
            .all(|e| !e.equipment.iter().any(|q| q == "body only"))
    );

    let bridge = exercises
        .iter()
        .find(|e| e.id == "fedb_butt_lift_bridge")
        .expect("Butt Lift (Bridge) is in the set");
    assert_eq!(bridge.category, Category::Strength);
    assert!(bridge.is_hip_or_trunk());
    assert!(bridge.equipment.is_empty());
    assert_eq!(bridge.default_dose.load, Load::BodyWeight);
    assert!(!bridge.cues.is_empty());

    let nordic = exercises
        .iter()
        .find(|e| e.id == "fedb_natural_glute_ham_raise")
        .expect("Natural Glute Ham Raise is in the set");
    assert_eq!(nordic.regions, [Region::Thigh]);
    assert!(nordic.works_muscle("hamstrings"));

    // An imported set is a library of its own: it passes the same checks.
    let imported = Library { exercises };
    imported.check().expect("imported set is consistent");
    for category in [
        Category::Strength,
        Category::Mobility,
        Category::Plyometric,
        Category::Conditioning,
    ] {
        assert!(imported.categories().contains(&category), "{category:?}");
    }
}

/// Every mapping of the importer, entry by entry against the raw JSON, and the sample holds
/// every kind of entry the importer distinguishes (so each branch runs).
#[test]
fn import_maps_every_field_of_the_sample() {
    let (json, raw) = fedb_sample();
    let exercises = library::import_free_exercise_db(&json).expect("imports");
    let mut seen: HashSet<String> = HashSet::new();
    for (ex, entry) in exercises.iter().zip(&raw) {
        let id = field(entry, "id").expect("an id");
        let category = field(entry, "category").expect("a category");
        let force = field(entry, "force");
        let equipment = field(entry, "equipment");
        for (key, value) in [
            ("category", Some(category)),
            ("level", field(entry, "level")),
            ("force", force),
            ("mechanic", field(entry, "mechanic")),
            ("equipment", equipment),
        ] {
            seen.insert(format!("{key}={}", value.unwrap_or("null")));
        }
        let expected_category = match category {
            "strength" | "powerlifting" | "olympic weightlifting" | "strongman" => {
                Category::Strength
            }
            "stretching" => Category::Mobility,
            "plyometrics" => Category::Plyometric,
            "cardio" => Category::Conditioning,
            other => panic!("{id}: unexpected category {other}"),
        };
        assert_eq!(ex.category, expected_category, "{id}");
        let expected_kind = if category == "cardio" {
            DoseKind::Minutes
        } else if category == "stretching" || force == Some("static") {
            DoseKind::TimedHold
        } else {
            DoseKind::Reps
        };
        assert_eq!(ex.dose_kind, expected_kind, "{id}");
        seen.insert(format!("kind={expected_kind:?}"));
        let sets = if expected_kind == DoseKind::Minutes {
            1
        } else {
            3
        };
        assert_eq!(ex.default_dose.sets, sets, "{id}");
        match equipment {
            None | Some("body only") => {
                assert!(ex.equipment.is_empty(), "{id}");
                assert_eq!(ex.default_dose.load, Load::BodyWeight, "{id}");
            }
            Some(kind) => {
                assert_eq!(ex.equipment, [kind], "{id}");
                assert_eq!(ex.default_dose.load, Load::None, "{id}: no load invented");
            }
        }
        let primary = list(entry, "primaryMuscles");
        let secondary = list(entry, "secondaryMuscles");
        let mut muscles: Vec<String> = Vec::new();
        for m in primary.iter().chain(&secondary) {
            if !muscles.contains(m) {
                muscles.push(m.clone());
            }
        }
        assert_eq!(
            ex.muscles, muscles,
            "{id}: primary then secondary, each once"
        );
        if primary.iter().any(|m| secondary.contains(m)) {
            seen.insert("muscle both primary and secondary".to_owned());
        }
        for m in &primary {
            seen.insert(format!("primary={m}"));
            let region = match m.as_str() {
                "glutes" | "abductors" | "adductors" => Region::Hip,
                "abdominals" | "lower back" => Region::Trunk,
                "hamstrings" | "quadriceps" => Region::Thigh,
                "calves" => Region::LowerLeg,
                _ => Region::UpperBody,
            };
            assert!(ex.regions.contains(&region), "{id}: {m} -> {region:?}");
        }
        assert_eq!(ex.cues, list(entry, "instructions"), "{id}");
        if ex.cues.is_empty() {
            seen.insert("no instructions".to_owned());
        }
        assert!(!ex.eccentric && ex.easier.is_empty() && ex.harder.is_empty());
        assert_eq!(ex.laterality, Laterality::Bilateral);
    }
    let mut wanted: Vec<String> = Vec::new();
    for category in [
        "strength",
        "powerlifting",
        "olympic weightlifting",
        "strongman",
        "stretching",
        "plyometrics",
        "cardio",
    ] {
        wanted.push(format!("category={category}"));
    }
    for level in ["beginner", "intermediate", "expert"] {
        wanted.push(format!("level={level}"));
    }
    for force in ["pull", "push", "static", "null"] {
        wanted.push(format!("force={force}"));
    }
    for mechanic in ["compound", "isolation", "null"] {
        wanted.push(format!("mechanic={mechanic}"));
    }
    for equipment in [
        "null",
        "body only",
        "dumbbell",
        "barbell",
        "bands",
        "machine",
    ] {
        wanted.push(format!("equipment={equipment}"));
    }
    for muscle in [
        "glutes",
        "abductors",
        "adductors",
        "abdominals",
        "lower back",
        "hamstrings",
        "quadriceps",
        "calves",
        "shoulders",
    ] {
        wanted.push(format!("primary={muscle}"));
    }
    for kind in ["Reps", "TimedHold", "Minutes"] {
        wanted.push(format!("kind={kind}"));
    }
    wanted.push("muscle both primary and secondary".to_owned());
    wanted.push("no instructions".to_owned());
    let missing: Vec<&String> = wanted.iter().filter(|w| !seen.contains(*w)).collect();
    assert!(missing.is_empty(), "the sample lacks {missing:?}");
}

/// No entry of the data set has more than one primary muscle, so the sample cannot show it:
/// regions come from every primary muscle, each region once.
#[test]
fn import_takes_regions_from_every_primary_muscle() {
    let json = r#"[{"id": "Made_Up", "name": "Made up", "force": null, "equipment": null,
        "primaryMuscles": ["glutes", "abductors", "hamstrings"],
        "secondaryMuscles": ["hamstrings", "calves"], "instructions": [], "category": "strength"}]"#;
    let exercises = library::import_free_exercise_db(json).expect("imports");
    assert_eq!(exercises.len(), 1);
    assert_eq!(exercises[0].id, "fedb_made_up");
    assert_eq!(exercises[0].regions, [Region::Hip, Region::Thigh]);
    assert_eq!(
        exercises[0].muscles,
        ["glutes", "abductors", "hamstrings", "calves"]
    );
}

#[test]
fn import_refuses_an_unknown_category() {
    let json = r#"[{"id": "X", "name": "X", "category": "yoga"}]"#;
    let err = library::import_free_exercise_db(json).expect_err("unknown category");
    let LibraryError::ImportJson {
        line,
        column,
        message,
    } = err
    else {
        panic!("expected a JSON error at a position, got {err:?}");
    };
    // serde_json points just past the value it could not take: the end of "yoga".
    assert_eq!((line, column), (1, 45), "at the category: {message}");
    assert!(message.contains("category \"yoga\""), "{message}");
}

#[test]
fn import_reports_bad_json_with_position() {
    let err = library::import_free_exercise_db("[{\"id\": 3}").expect_err("bad json");
    assert!(matches!(err, LibraryError::ImportJson { .. }), "{err:?}");
}

fn has_line_column(text: &str) -> bool {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(1))
        .any(|i| bytes[i] == b':' && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit())
}

#[test]
fn malformed_library_reports_line_and_column() {
    let text = "#![enable(implicit_some)]\n(\n    format_version: 1,\n    exercises: [\n        ( id: \"x\", name: \"X\", category: Strenth ),\n    ],\n)\n";
    let err = library::parse_library(text).expect_err("misspelt category");
    let message = err.to_string();
    assert!(has_line_column(&message), "{message}");
    match err {
        LibraryError::Parse { line, .. } => assert_eq!(line, 5),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn library_checks_ids_and_ladders() {
    let dup = "(format_version: 1, exercises: [\n (id: \"a\", name: \"A\", category: Strength),\n (id: \"a\", name: \"B\", category: Mobility),\n])";
    assert_eq!(
        library::parse_library(dup),
        Err(LibraryError::DuplicateId { id: "a".to_owned() })
    );
    let dangling = "(format_version: 1, exercises: [ (id: \"a\", name: \"A\", category: Strength, harder: [\"b\"]) ])";
    assert!(matches!(
        library::parse_library(dangling),
        Err(LibraryError::UnknownVariation {
            direction: "harder",
            ..
        })
    ));
    let newer = "(format_version: 2, exercises: [])";
    assert!(matches!(
        library::parse_library(newer),
        Err(LibraryError::NewerFormat { found: 2, .. })
    ));
}

#[test]
fn one_lookup_the_plans_copy_then_the_library_and_one_name_fallback() {
    let lib = library::builtin().expect("built-in library");
    let mut plan = loadplan::model::Plan::default();
    // Not in the plan: the library's.
    let nordic = library::find(&plan, lib, "nordic").expect("in the library");
    assert_eq!(nordic.name, "Nordic hamstring curl");
    // The plan's own copy wins over the library's.
    let mut own = nordic.clone();
    own.name = "Nordic curl, our clinic's way".to_owned();
    plan.exercises.push(own);
    assert_eq!(
        library::find(&plan, lib, "nordic").map(|e| e.name.as_str()),
        Some("Nordic curl, our clinic's way")
    );
    assert_eq!(
        library::exercise_name(&plan, lib, "nordic"),
        "Nordic curl, our clinic's way"
    );
    // Found nowhere: the id with spaces, the same in the plan alone and with the library.
    assert_eq!(plan.exercise_name("no_such_thing"), "no such thing");
    assert_eq!(
        library::exercise_name(&plan, lib, "no_such_thing"),
        "no such thing"
    );
}
