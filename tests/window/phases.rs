//! The phase timeline, driven through egui_kittest by role and label: selecting weeks and
//! bands, editing a phase, adding one and resizing a band by dragging its edge; plus the pure
//! geometry behind the drags.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::command::{Command, Edit};
use loadplan::model::{MAX_WEEKS, Phase, Plan, WeekRange};
use loadplan::ui::Selection;
use loadplan::ui::phases::PhaseTimeline;
use loadplan::ui::phases::geometry::{DragMode, Ruler, dragged_range, lanes, next_free_range};

use crate::support::Doc;

struct State {
    panel: PhaseTimeline,
    doc: Doc,
    selection: Selection,
    cmds: Vec<Command>,
    /// How many of `cmds` were applied to `plan` (as the app does after each frame).
    applied: usize,
}

fn runners_glute() -> Plan {
    crate::support::runner_before()
}

fn harness(plan: Plan) -> Harness<'static, State> {
    let state = State {
        panel: PhaseTimeline::default(),
        doc: Doc::new(plan),
        selection: Selection::default(),
        cmds: Vec::new(),
        applied: 0,
    };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 400.0))
        .build_ui_state(
            |ui, state: &mut State| {
                state
                    .panel
                    .ui(ui, &state.doc.view(), &mut state.selection, &mut state.cmds);
                state.doc.apply_commands(&state.cmds[state.applied..]);
                state.applied = state.cmds.len();
            },
            state,
        )
}

/// The phase edits pushed so far.
fn phase_updates(state: &State) -> Vec<&Phase> {
    state
        .cmds
        .iter()
        .filter_map(|c| match c {
            Command::Edit(Edit::UpdatePhase(p)) => Some(p),
            _ => None,
        })
        .collect()
}

#[test]
fn clicking_a_week_selects_it() {
    let mut harness = harness(runners_glute());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Week 7")
        .click();
    harness.run();
    assert_eq!(harness.state().selection.week, 7);
    assert!(harness.state().cmds.is_empty());
}

#[test]
fn clicking_a_band_selects_it_and_renaming_pushes_update_phase() {
    let mut harness = harness(runners_glute());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Foundation")
        .click();
    harness.run();
    assert_eq!(harness.state().panel.selected_phase, Some(1));
    harness.get_by_label("Delete phase Foundation");
    harness.get_by_label("Phase name").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Phase name").type_text("Base");
    harness.run();
    let state = harness.state();
    let updates = phase_updates(state);
    let last = updates.last().expect("an UpdatePhase was pushed");
    assert_eq!(last.id, 1);
    assert_eq!(last.name, "Base");
    assert_eq!(last.weeks, WeekRange::new(1, 5));
    assert_eq!(state.doc.plan().phases[0].name, "Base");
    // The band now carries the new name.
    harness.get_by_role_and_label(Role::Button, "Base");
}

#[test]
fn editor_fields_move_the_phase_and_criteria_are_one_per_line() {
    let mut harness = harness(runners_glute());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Consolidate")
        .click();
    harness.run();
    harness.get_by_label("Last week").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Last week").type_text("14");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let state = harness.state();
    let last = phase_updates(state)
        .last()
        .copied()
        .cloned()
        .expect("UpdatePhase");
    assert_eq!(last.weeks, WeekRange::new(10, 14));

    harness.get_by_label("Criteria to move on").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Criteria to move on")
        .type_text("Run 30 min\n\nNo pain next morning\n");
    harness.run();
    let phase = &harness.state().doc.plan().phases[2];
    assert_eq!(phase.criteria, vec!["Run 30 min", "No pain next morning"]);
}

#[test]
fn add_phase_pushes_a_phase_after_the_last_one() {
    let mut harness = harness(runners_glute());
    harness.run();
    harness.get_by_label("Add phase").click();
    harness.run();
    let state = harness.state();
    let added: Vec<&Phase> = state
        .cmds
        .iter()
        .filter_map(|c| match c {
            Command::Edit(Edit::AddPhase(p)) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].name, "Phase 4");
    assert_eq!(added[0].weeks, WeekRange::new(13, 16));
    // The new phase is selected for editing.
    assert_eq!(state.panel.selected_phase, Some(4));
    harness.get_by_label("Delete phase Phase 4");
}

#[test]
fn delete_button_pushes_remove_phase() {
    let mut harness = harness(runners_glute());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Build").click();
    harness.run();
    harness.get_by_label("Delete phase Build").click();
    harness.run();
    let state = harness.state();
    assert!(state.cmds.contains(&Command::Edit(Edit::RemovePhase(2))));
    assert_eq!(state.panel.selected_phase, None);
    assert_eq!(state.doc.plan().phases.len(), 2);
}

/// Drags from `from` to `to` in small steps, as a mouse would.
fn drag(harness: &mut Harness<'_, State>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

fn week_width(harness: &Harness<'_, State>) -> f32 {
    harness
        .get_by_role_and_label(Role::Button, "Week 1")
        .rect()
        .width()
}

#[test]
fn dragging_the_right_edge_one_week_lengthens_the_phase() {
    let mut harness = harness(runners_glute());
    harness.run();
    let col = week_width(&harness);
    let band = harness
        .get_by_role_and_label(Role::Button, "Foundation")
        .rect();
    let from = egui::pos2(band.right() - 2.0, band.center().y);
    drag(&mut harness, from, from + egui::vec2(col, 0.0));
    let state = harness.state();
    let last = phase_updates(state)
        .last()
        .copied()
        .cloned()
        .expect("UpdatePhase");
    assert_eq!(last.id, 1);
    assert_eq!(last.weeks, WeekRange::new(1, 6));
    assert_eq!(state.doc.plan().phases[0].weeks, WeekRange::new(1, 6));
    assert_eq!(phase_updates(state).len(), 1, "one edit per week crossed");
}

#[test]
fn dragging_the_left_edge_and_the_body() {
    let mut harness = harness(runners_glute());
    harness.run();
    let col = week_width(&harness);
    let band = harness.get_by_role_and_label(Role::Button, "Build").rect();
    let from = egui::pos2(band.left() + 2.0, band.center().y);
    drag(&mut harness, from, from - egui::vec2(2.0 * col, 0.0));
    assert_eq!(
        harness.state().doc.plan().phases[1].weeks,
        WeekRange::new(4, 9)
    );

    let band = harness.get_by_role_and_label(Role::Button, "Build").rect();
    let from = band.center();
    drag(&mut harness, from, from + egui::vec2(3.0 * col, 0.0));
    assert_eq!(
        harness.state().doc.plan().phases[1].weeks,
        WeekRange::new(7, 12)
    );
    assert_eq!(harness.state().panel.selected_phase, Some(2));
}

#[test]
fn renders_at_1280x800_and_with_a_long_plan() {
    let mut plan = runners_glute();
    plan.weeks = 104;
    let mut harness = harness(plan);
    harness.set_size(egui::vec2(1280.0, 800.0));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Week 104");
    harness
        .get_by_role_and_label(Role::Button, "Consolidate")
        .click();
    harness.run();
    harness.get_by_label("Phase goal");
}

#[test]
fn ruler_maps_x_to_weeks() {
    let ruler = Ruler {
        left: 100.0,
        col_width: 20.0,
        weeks: 12,
    };
    assert_eq!(ruler.week_at(100.0), 1);
    assert_eq!(ruler.week_at(119.9), 1);
    assert_eq!(ruler.week_at(120.0), 2);
    assert_eq!(ruler.week_at(50.0), 1);
    assert_eq!(ruler.week_at(10_000.0), 12);
    assert_eq!(ruler.week_at(f32::NAN), 1);
    assert_eq!(ruler.x_of(3), 140.0);
    assert_eq!(ruler.span(WeekRange::new(2, 3)), (120.0, 160.0));
    assert_eq!(ruler.weeks_moved(29.0), 1);
    assert_eq!(ruler.weeks_moved(-31.0), -2);
    assert_eq!(ruler.weeks_moved(9.0), 0);
}

#[test]
fn drags_snap_clamp_and_keep_first_before_last() {
    let r = WeekRange::new(3, 6);
    assert_eq!(dragged_range(DragMode::End, r, 1), WeekRange::new(3, 7));
    assert_eq!(dragged_range(DragMode::End, r, -10), WeekRange::new(3, 3));
    assert_eq!(dragged_range(DragMode::Start, r, 10), WeekRange::new(6, 6));
    assert_eq!(dragged_range(DragMode::Start, r, -10), WeekRange::new(1, 6));
    assert_eq!(dragged_range(DragMode::Move, r, -10), WeekRange::new(1, 4));
    assert_eq!(dragged_range(DragMode::Move, r, 2), WeekRange::new(5, 8));
    let end = dragged_range(DragMode::Move, r, i64::from(MAX_WEEKS));
    assert_eq!(end, WeekRange::new(MAX_WEEKS - 3, MAX_WEEKS));
    // A reversed range from a hand-edited file is repaired, not made worse.
    let bad = WeekRange::new(5, 2);
    let fixed = dragged_range(DragMode::Move, bad, 0);
    assert!(fixed.first <= fixed.last);
}

#[test]
fn overlapping_phases_get_their_own_lanes() {
    let ranges = [
        WeekRange::new(1, 4),
        WeekRange::new(5, 8),
        WeekRange::new(3, 6),
        WeekRange::new(9, 12),
    ];
    let (lane, count) = lanes(&ranges);
    assert_eq!(count, 2);
    assert_eq!(lane, vec![0, 0, 1, 0]);
    assert_eq!(lanes(&[]).1, 1);
}

#[test]
fn next_free_range_follows_the_last_phase() {
    assert_eq!(next_free_range(&[]), WeekRange::new(1, 4));
    let plan = runners_glute();
    assert_eq!(next_free_range(&plan.phases), WeekRange::new(13, 16));
}
