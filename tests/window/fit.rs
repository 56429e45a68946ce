//! "Fit to 10 % a week" in the window: the fitted progression is previewed in the editor and on
//! the chart, applied as one undoable edit, and after it no weekly rise passes the threshold.

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::kittest::Queryable;
use loadplan::app::prefs::Prefs;
use loadplan::command::Command;
use loadplan::engine::{Metric, project, rise};
use loadplan::model::Rule;

use crate::support::{app_with_plan, click, open_plan, runner_before, send};

const SLD: &str = "Single-leg deadlift with dumbbell";

#[test]
fn a_fitted_progression_is_previewed_then_applied_as_one_undo_step() {
    // The runner's plan before its progression was fitted: the deadlift rises up to 22 % a week.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let mut h = app_with_plan(
        runner_before(),
        Prefs::default(),
        today,
        vec2(1280.0, 900.0),
    );
    click(&mut h, Role::Button, SLD);
    let id = h.state().selection().prescription.expect("selected");
    let before = open_plan(&h);
    click(&mut h, Role::Button, "Fit to 10 % a week");
    // Previewed: the summary and the weeks in the editor, the dashed line on the chart.
    assert_eq!(h.state().selection().preview_fit, Some(id));
    assert!(h.query_by_label_contains("by week 12").is_some());
    assert!(
        h.query_by_label_contains("Preview: the dashed line")
            .is_some()
    );
    assert_eq!(open_plan(&h), before, "nothing changes before Apply");

    click(&mut h, Role::Button, "Apply the fitted progression");
    let after = open_plan(&h);
    let rx = after.prescription(id).expect("still there");
    assert!(rx.rules.iter().any(|r| matches!(r, Rule::Table { .. })));
    assert_eq!(h.state().selection().preview_fit, None);
    // No weekly rise of that exercise passes 10 % any more.
    let projection = project(&after);
    for step in rise::steps(&projection, id) {
        for m in Metric::LOADS {
            let pct = step.rise_pct(m).unwrap_or(0.0);
            assert!(pct <= 10.0 + 1e-9, "week {} {m:?} +{pct} %", step.week);
        }
    }
    // One undo step, named for what it did.
    let (undo, _) = h.state().undo_redo_labels();
    assert_eq!(undo, Some(format!("Fit {SLD} to 10 % a week").as_str()));
    send(&mut h, Command::Undo);
    assert_eq!(open_plan(&h), before);
}

#[test]
fn cancelling_the_fit_changes_nothing() {
    // The runner's plan before its progression was fitted: the deadlift rises up to 22 % a week.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let mut h = app_with_plan(
        runner_before(),
        Prefs::default(),
        today,
        vec2(1280.0, 900.0),
    );
    click(&mut h, Role::Button, SLD);
    let before = open_plan(&h);
    click(&mut h, Role::Button, "Fit to 10 % a week");
    click(&mut h, Role::Button, "Cancel the fit");
    assert_eq!(h.state().selection().preview_fit, None);
    assert_eq!(open_plan(&h), before);
    assert!(
        h.query_by_label_contains("Preview: the dashed line")
            .is_none()
    );
}

#[test]
fn a_rise_finding_offers_the_fit_for_its_exercise() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let mut h = app_with_plan(
        runner_before(),
        Prefs::default(),
        today,
        vec2(1280.0, 900.0),
    );
    let button = h
        .query_all_by_label("Fit to 10 %")
        .next()
        .expect("a rise finding offers the fit");
    button.click();
    h.run();
    let id = h
        .state()
        .selection()
        .preview_fit
        .expect("the fit is previewed");
    assert_eq!(h.state().selection().prescription, Some(id));
    assert!(
        h.query_by_label_contains("Preview: the dashed line")
            .is_some()
    );
    assert!(h.query_by_label("Apply the fitted progression").is_some());
}
