//! Tests of the week view: what the athlete does in a week, driven through kittest by role and
//! label, and the pure `week_sessions` / `Dose::label` it draws.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::engine;
use loadplan::model::LoadUnit;
use loadplan::model::{Dose, Load, Plan, Reps, Side};
use loadplan::ui::Selection;
use loadplan::ui::week::{WeekPanel, week_sessions};

use crate::support::{Doc, template};

struct State {
    panel: WeekPanel,
    doc: Doc,
    selection: Selection,
}

fn harness(plan: Plan, week: u32) -> Harness<'static, State> {
    let state = State {
        panel: WeekPanel::default(),
        doc: Doc::new(plan),
        selection: Selection {
            week,
            ..Selection::default()
        },
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, s: &mut State| {
                s.panel.ui(ui, &s.doc.view(), &mut s.selection);
            },
            state,
        );
    h.run();
    h
}

#[test]
fn nordic_week_3_has_three_sessions_of_3_x_6_8() {
    let plan = template("nordic_hamstring");
    let projection = engine::project(&plan);
    // Grouped: the supervised first session, then the other two together.
    let groups = week_sessions(&projection, 3, LoadUnit::Kg, true);
    let days: Vec<Vec<String>> = groups.iter().map(|g| g.when.clone()).collect();
    assert_eq!(
        days,
        vec![
            vec!["Day 1".to_owned()],
            vec!["Day 3".to_owned(), "Day 5".to_owned()]
        ]
    );
    assert!(groups[0].supervised && !groups[1].supervised);
    for g in &groups {
        assert_eq!(g.lines.len(), 1);
        assert_eq!(g.lines[0].name, "Nordic hamstring curl");
        assert_eq!(g.lines[0].dose, "3 x 6-8 @ body weight");
    }
    // One entry per session when not grouped.
    assert_eq!(week_sessions(&projection, 3, LoadUnit::Kg, false).len(), 3);
}

#[test]
fn the_week_view_shows_each_session_of_week_3() {
    let mut h = harness(template("nordic_hamstring"), 3);
    assert!(h.query_by_label("Week 3").is_some());
    assert!(h.query_by_label("Phase: Build-up").is_some());
    assert!(h.query_by_label("Day 1").is_some());
    assert!(h.query_by_label("Day 3, Day 5").is_some());
    assert!(h.query_by_label("supervised").is_some());
    assert!(
        h.query_by_label_contains("Week totals: 3 sessions")
            .is_some()
    );
    // Every session on its own: three sessions, each with the Nordic at 3 x 6-8.
    h.get_by_role_and_label(Role::CheckBox, "Group identical sessions")
        .click();
    h.run();
    assert!(!h.state().panel.group_identical);
    assert_eq!(h.query_all_by_label("Nordic hamstring curl").count(), 3);
    assert_eq!(h.query_all_by_label_contains("3 x 6-8").count(), 3);
    for day in ["Day 1", "Day 3", "Day 5"] {
        assert!(h.query_by_label(day).is_some(), "{day}");
    }
}

#[test]
fn next_week_twice_from_week_3_shows_the_per_set_list() {
    let mut h = harness(template("nordic_hamstring"), 3);
    assert_eq!(h.query_all_by_label_contains("12/10/8").count(), 0);
    h.get_by_role_and_label(Role::Button, "Next week").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Next week").click();
    h.run();
    assert_eq!(h.state().selection.week, 5);
    assert!(h.query_by_label("Week 5").is_some());
    assert_eq!(h.query_all_by_label_contains("3 sets: 12/10/8").count(), 2);
    h.get_by_role_and_label(Role::Button, "Previous week")
        .click();
    h.run();
    assert_eq!(h.state().selection.week, 4);
    assert!(h.query_all_by_label_contains("3 x 8-10").count() > 0);
}

#[test]
fn a_dated_plan_shows_dates() {
    let mut plan = template("nordic_hamstring");
    plan.start_date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5);
    let h = harness(plan, 3);
    assert!(h.query_by_label("Mon 19 Jan").is_some());
    assert!(h.query_by_label("Wed 21 Jan, Fri 23 Jan").is_some());
    assert!(h.query_by_label_contains("Day ").is_none());
}

#[test]
fn loads_are_shown_in_the_users_unit_with_their_details() {
    let plan = crate::support::runner_before();
    let projection = engine::project(&plan);
    let groups = week_sessions(&projection, 1, LoadUnit::Lb, true);
    let sld = groups
        .iter()
        .flat_map(|g| &g.lines)
        .find(|l| l.prescription_id == 1);
    let Some(sld) = sld else {
        panic!("week 1 has the single-leg deadlift");
    };
    assert_eq!(sld.dose, "3 x 10 @ 9.92 lb each side");
    assert!(
        sld.details.contains(&"tempo 3-0-2 s".to_owned()),
        "{:?}",
        sld.details
    );
    assert!(sld.details.contains(&"rest 60 s".to_owned()));
    // The partial Nordic carries its range of motion; rest 120 s reads as 2 min.
    let nordic = groups
        .iter()
        .flat_map(|g| &g.lines)
        .find(|l| l.prescription_id == 4);
    let Some(nordic) = nordic else {
        panic!("week 1 has the partial Nordic");
    };
    assert!(
        nordic.details.contains(&"rest 2 min".to_owned()),
        "{:?}",
        nordic.details
    );
    assert!(
        nordic
            .details
            .iter()
            .any(|d| d.starts_with("range: upper part"))
    );
    // Week 8 deloads.
    let deload = week_sessions(&projection, 8, LoadUnit::Kg, true);
    assert!(
        deload
            .iter()
            .flat_map(|g| &g.lines)
            .any(|l| l.details.contains(&"deload".to_owned()))
    );
    // The Monday session is supervised, the others are not: never merged.
    assert!(groups.iter().any(|g| g.supervised) && groups.iter().any(|g| !g.supervised));
}

#[test]
fn the_week_view_converts_totals_to_pounds() {
    let mut h = harness(crate::support::runner_before(), 1);
    assert!(h.query_by_label_contains("kg volume load").is_some());
    h.state_mut().doc.unit = LoadUnit::Lb;
    h.run();
    assert!(h.query_by_label_contains("lb volume load").is_some());
    assert!(h.query_all_by_label_contains("@ 9.92 lb each side").count() > 0);
    assert!(h.query_by_label("Deload week").is_none());
    h.state_mut().selection.week = 8;
    h.run();
    assert!(h.query_by_label("Deload week").is_some());
}

#[test]
fn twice_a_day_sessions_are_named() {
    let plan = template("askling_l_protocol");
    let projection = engine::project(&plan);
    let groups = week_sessions(&projection, 1, LoadUnit::Kg, true);
    assert!(
        groups
            .iter()
            .any(|g| g.slot_label.as_deref() == Some("2nd session"))
    );
    assert!(groups.iter().any(|g| g.title().ends_with("(1st session)")));
    // Nothing is lost by grouping: as many sessions as the projection has.
    let listed: usize = groups.iter().map(|g| g.when.len()).sum();
    let sessions = projection.sessions.iter().filter(|s| s.week == 1).count();
    assert_eq!(listed, sessions);
}

#[test]
fn doses_read_as_prescribed() {
    let mut d = Dose {
        sets: 3,
        reps: Some(Reps::PerSet(vec![12, 10, 8])),
        ..Dose::default()
    };
    assert_eq!(d.label(LoadUnit::Kg), "3 sets: 12/10/8");
    d.reps = Some(Reps::Range(6, 8));
    d.hold_secs = Some(3.0);
    d.load = Load::Band(2);
    d.side = Side::Left;
    assert_eq!(d.label(LoadUnit::Kg), "3 x 6-8 (3 s hold) @ band 2 (left)");
    d.reps = None;
    d.load = Load::BodyWeight;
    d.side = Side::Each;
    assert_eq!(
        d.label(LoadUnit::Kg),
        "3 x 3 s hold @ body weight each side"
    );
    let run = Dose {
        sets: 1,
        minutes: Some(20.0),
        load: Load::Rpe(4.0),
        ..Dose::default()
    };
    assert_eq!(run.label(LoadUnit::Lb), "1 x 20 min @ RPE 4");
}

#[test]
fn a_plan_without_weeks_shows_a_message() {
    let h = harness(Plan::default(), 1);
    assert!(h.query_by_label_contains("no weeks yet").is_some());
}
