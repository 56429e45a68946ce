//! The exercise-library side panel, driven through egui_kittest by role and label: search,
//! category filter, adding an exercise, details and ladder navigation.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use loadplan::command::{Command, Edit};
use loadplan::library::{Library, builtin};
use loadplan::model::{Category, Plan};
use loadplan::ui::ExerciseDrag;
use loadplan::ui::library::LibraryPanel;

use crate::support::Doc;

struct State {
    panel: LibraryPanel,
    doc: Doc,
    cmds: Vec<Command>,
}

fn library() -> &'static Library {
    builtin().expect("built-in library loads")
}

fn plan() -> Plan {
    crate::support::runner_before()
}

fn harness(plan: Plan) -> Harness<'static, State> {
    let state = State {
        panel: LibraryPanel::default(),
        doc: Doc::new(plan),
        cmds: Vec::new(),
    };
    Harness::builder()
        .with_size(egui::vec2(320.0, 800.0))
        .build_ui_state(
            |ui, state: &mut State| {
                state.panel.ui(ui, &state.doc.view(), &mut state.cmds);
            },
            state,
        )
}

/// Types `text` into "Search exercises".
fn search(harness: &mut Harness<'_, State>, text: &str) {
    harness.get_by_label("Search exercises").focus();
    harness.run();
    harness.get_by_label("Search exercises").type_text(text);
    harness.run();
}

/// Names of the exercises listed (from their "Add <name>" buttons).
fn listed(harness: &Harness<'_, State>) -> Vec<String> {
    let mut names: Vec<String> = harness
        .get_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|l| {
            l.strip_prefix("Add ")
                .filter(|rest| !rest.ends_with(" to the plan"))
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn typing_in_search_narrows_to_the_nordic_ladder() {
    let mut harness = harness(Plan::default());
    harness.run();
    let total = library().exercises.len();
    harness.get_by_label(&format!("{total} of {total} exercises"));
    search(&mut harness, "nordic");
    harness.run();
    let mut expected = vec![
        "Band-assisted Nordic hamstring curl",
        "Nordic hamstring curl",
        "Partial-range Nordic hamstring curl",
        "Weighted Nordic hamstring curl",
    ];
    expected.sort_unstable();
    assert_eq!(listed(&harness), expected);
    harness.get_by_label(&format!("4 of {total} exercises"));
    assert!(harness.state().cmds.is_empty());
}

#[test]
fn category_filter_lists_isometric_exercises_only() {
    let mut harness = harness(Plan::default());
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Category filter")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Isometric")
        .click();
    harness.run();
    assert_eq!(harness.state().panel.category, Some(Category::Isometric));
    let mut expected: Vec<String> = library()
        .exercises
        .iter()
        .filter(|e| e.category == Category::Isometric)
        .map(|e| e.name.clone())
        .collect();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(listed(&harness), expected);
    // Clearing the filters shows everything again.
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert_eq!(harness.state().panel.category, None);
}

#[test]
fn no_match_offers_to_clear_filters() {
    let mut harness = harness(Plan::default());
    harness.run();
    search(&mut harness, "zzzz");
    harness.run();
    harness.get_by_label("No exercise matches");
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert!(harness.state().panel.search.is_empty());
}

#[test]
fn add_button_pushes_add_prescription() {
    let mut harness = harness(Plan::default());
    harness.run();
    search(&mut harness, "deadlift");
    harness.run();
    harness
        .get_by_label("Add Single-leg deadlift with dumbbell")
        .click();
    harness.run();
    let cmds = &harness.state().cmds;
    assert_eq!(cmds.len(), 1, "one click adds once: {cmds:?}");
    let Command::Edit(
        edit @ Edit::AddPrescription {
            exercise,
            weeks: None,
        },
    ) = &cmds[0]
    else {
        panic!("expected AddPrescription, got {cmds:?}");
    };
    assert_eq!(exercise.id, "sl_deadlift_db");
    let mut plan = Plan::default();
    assert!(edit.clone().apply(&mut plan));
    assert_eq!(plan.prescriptions.len(), 1);
    assert_eq!(plan.prescriptions[0].exercise, "sl_deadlift_db");
    assert!(plan.exercise("sl_deadlift_db").is_some());
}

#[test]
fn selecting_shows_cues_and_ladder_and_harder_link_selects_it() {
    let mut harness = harness(plan());
    harness.run();
    search(&mut harness, "nordic");
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Nordic hamstring curl")
        .click();
    harness.run();
    assert_eq!(harness.state().panel.selected.as_deref(), Some("nordic"));
    harness.get_by_label_contains("Fall forward as slowly as you can");
    harness.get_by_label_contains("Expect muscle soreness");
    harness.get_by_label("Easier variations");
    harness.get_by_role_and_label(Role::Link, "Partial-range Nordic hamstring curl");
    harness
        .get_by_role_and_label(Role::Link, "Weighted Nordic hamstring curl")
        .click();
    harness.run();
    assert_eq!(
        harness.state().panel.selected.as_deref(),
        Some("nordic_weighted")
    );
    harness.get_by_label_contains("Hug a light plate");
    // The details' add button adds the shown exercise.
    harness
        .get_by_label("Add Weighted Nordic hamstring curl to the plan")
        .click();
    harness.run();
    let cmds = &harness.state().cmds;
    assert!(matches!(
        cmds.as_slice(),
        [Command::Edit(Edit::AddPrescription { exercise, .. })] if exercise.id == "nordic_weighted"
    ));
}

#[test]
fn in_plan_tag_and_plan_only_exercises() {
    let mut plan = plan();
    let mut custom = library().get("glute_bridge").expect("glute bridge").clone();
    custom.id = "clinic_bridge".to_owned();
    custom.name = "Clinic bridge variant".to_owned();
    plan.exercises.push(custom);
    let total = library().exercises.len() + 1;
    let mut harness = harness(plan);
    harness.run();
    harness.get_by_label(&format!("{total} of {total} exercises"));
    search(&mut harness, "clinic");
    harness.run();
    assert_eq!(listed(&harness), vec!["Clinic bridge variant".to_owned()]);
    harness.state_mut().panel.search = "single-leg deadlift with".to_owned();
    harness.run();
    harness.get_by_label("In plan");
}

#[test]
fn renders_at_1280x800_without_panicking() {
    let mut harness = harness(plan());
    harness.set_size(egui::vec2(1280.0, 800.0));
    harness.state_mut().panel.selected = Some("sl_deadlift_db".to_owned());
    harness.run();
    harness.get_by_label("Add Single-leg deadlift with dumbbell to the plan");
}

#[test]
fn dragging_a_name_carries_the_exercise() {
    let mut harness = harness(Plan::default());
    harness.run();
    search(&mut harness, "side plank with leg");
    let start = harness
        .get_by_role_and_label(Role::Button, "Side plank with leg lift")
        .rect()
        .center();
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start + egui::vec2(60.0, 200.0));
    harness.run();
    let payload = egui::DragAndDrop::payload::<ExerciseDrag>(&harness.ctx);
    assert_eq!(
        payload.as_deref(),
        Some(&ExerciseDrag("side_plank_leg_lift".to_owned()))
    );
    harness.drop_at(start + egui::vec2(60.0, 200.0));
    harness.run();
    // Dropping outside a drop zone adds nothing and selects nothing.
    assert!(harness.state().cmds.is_empty());
}
