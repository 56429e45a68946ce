//! Tests of the load chart: its data for the built-in templates (pure `chart_data`) and the
//! panel driven through kittest by role and label.

use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use loadplan::command::Edit;
use loadplan::engine::chart::{ChartData, chart_data, spike_weeks};
use loadplan::engine::{self, Finding, Metric, Severity};
use loadplan::model::LoadUnit;
use loadplan::model::Plan;
use loadplan::ui::Selection;
use loadplan::ui::chart::ChartPanel;

use crate::support::{Doc, close};

#[test]
fn volume_load_follows_the_projection_and_leaves_out_body_weight_work() {
    let plan = crate::support::runner_before();
    let projection = engine::project(&plan);
    let data = chart_data(&plan, &projection, Metric::VolumeLoadKg, LoadUnit::Kg);
    assert_eq!(data.metric, Metric::VolumeLoadKg);
    assert_eq!(data.weeks, (1..=12).collect::<Vec<u32>>());
    assert_eq!(data.total.len(), projection.weeks.len());
    for (i, wp) in projection.weeks.iter().enumerate() {
        assert!(
            close(data.total[i], wp.totals.volume_load_kg),
            "week {}",
            wp.week
        );
    }
    // Only the dumbbell single-leg deadlift has kilograms; the side planks and the partial
    // Nordic are body-weight work and must not appear.
    let ids: Vec<u32> = data.series.iter().map(|s| s.prescription_id).collect();
    assert_eq!(ids, vec![1]);
    let sld = &data.series[0];
    assert_eq!(sld.values.len(), 12);
    assert!(sld.active.iter().all(|a| *a));
    // Week 1: 3 sessions x 3 sets x 10 reps x 2 sides x 4.5 kg.
    assert!(
        close(sld.values[0], 3.0 * 3.0 * 10.0 * 2.0 * 4.5),
        "{}",
        sld.values[0]
    );
    assert_eq!(data.deload_weeks, vec![8]);
    let phases: Vec<(String, u32, u32)> = plan
        .phases
        .iter()
        .map(|p| (p.name.clone(), p.weeks.first, p.weeks.last))
        .collect();
    assert_eq!(data.phase_bands, phases);
    assert_eq!(data.phase_bands[0], ("Foundation".to_owned(), 1, 5));
}

#[test]
fn volume_load_converts_to_pounds() {
    let plan = crate::support::runner_before();
    let projection = engine::project(&plan);
    let kg = chart_data(&plan, &projection, Metric::VolumeLoadKg, LoadUnit::Kg);
    let lb = chart_data(&plan, &projection, Metric::VolumeLoadKg, LoadUnit::Lb);
    assert_eq!(lb.unit, LoadUnit::Lb);
    for (a, b) in kg.total.iter().zip(&lb.total) {
        assert!(close(*b, a / LoadUnit::KG_PER_LB));
    }
    assert!(close(lb.series[0].values[0], 810.0 / LoadUnit::KG_PER_LB));
    // Other metrics do not change with the unit.
    let reps_kg = chart_data(&plan, &projection, Metric::Reps, LoadUnit::Kg);
    let reps_lb = chart_data(&plan, &projection, Metric::Reps, LoadUnit::Lb);
    assert_eq!(reps_kg.total, reps_lb.total);
}

#[test]
fn reps_include_body_weight_work_and_totals_match() {
    let plan = crate::support::runner_before();
    let projection = engine::project(&plan);
    let data = chart_data(&plan, &projection, Metric::Reps, LoadUnit::Kg);
    let ids: Vec<u32> = data.series.iter().map(|s| s.prescription_id).collect();
    // The side plank on the bench is held, not repeated: it has no reps.
    assert_eq!(ids, vec![1, 3, 4]);
    for (i, wp) in projection.weeks.iter().enumerate() {
        let sum: f64 = data.series.iter().map(|s| s.values[i]).sum();
        assert!(close(sum, wp.totals.reps), "week {}", wp.week);
        assert!(close(data.total[i], wp.totals.reps));
    }
    // The leg-lift side plank starts in week 6.
    let leg_lift = &data.series[1];
    assert!(!leg_lift.active[4] && leg_lift.active[5]);
    assert_eq!(leg_lift.values[4], 0.0);
}

#[test]
fn series_names_are_unique() {
    let mut plan = crate::support::runner_before();
    assert!(Edit::DuplicatePrescription(1).apply(&mut plan));
    let projection = engine::project(&plan);
    let data = chart_data(&plan, &projection, Metric::VolumeLoadKg, LoadUnit::Kg);
    let names: Vec<&str> = data.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert_eq!(names[1], format!("{} (2)", names[0]));
}

fn finding(code: &'static str, week: Option<u32>, metric: Option<Metric>) -> Finding {
    Finding {
        severity: Severity::Warning,
        code,
        week,
        prescription_id: None,
        exercise_id: None,
        metric,
        message: format!("{code} in week {week:?}"),
        source: "test",
        heuristic: true,
    }
}

#[test]
fn spike_findings_give_their_weeks_for_the_metric_shown() {
    let volume = Some(Metric::VolumeLoadKg);
    let mut note = finding("weekly-increase", Some(8), volume);
    note.severity = Severity::Note;
    let findings = vec![
        finding("weekly-increase", Some(6), volume),
        finding("acwr-high", Some(6), volume),
        finding("two-week-increase", Some(3), volume),
        finding("plan-weekly-increase", Some(4), volume),
        finding("plan-too-short", Some(2), None),
        finding("acwr-high", None, volume),
        // Another metric's spike, and a protocol's prescribed rise (a note), are not marked.
        finding("weekly-increase", Some(5), Some(Metric::Reps)),
        note,
    ];
    assert_eq!(spike_weeks(&findings, Metric::VolumeLoadKg), vec![3, 4, 6]);
    assert_eq!(spike_weeks(&findings, Metric::Reps), vec![5]);
    assert_eq!(spike_weeks(&findings, Metric::TutSecs), Vec::<u32>::new());
}

struct State {
    panel: ChartPanel,
    doc: Doc,
    selection: Selection,
}

/// The chart data the panel shows now (none for a plan without prescriptions).
fn shown(s: &State) -> Option<ChartData> {
    let read = s.doc.read();
    (!s.doc.plan().prescriptions.is_empty())
        .then(|| read.chart(s.panel.metric(read), s.doc.unit).clone())
}

fn harness(plan: Plan) -> Harness<'static, State> {
    harness_sized(plan, egui::vec2(1280.0, 800.0))
}

fn harness_sized(plan: Plan, size: egui::Vec2) -> Harness<'static, State> {
    let state = State {
        panel: ChartPanel::default(),
        doc: Doc::new(plan),
        selection: Selection::default(),
    };
    let mut h = Harness::builder().with_size(size).build_ui_state(
        |ui, s: &mut State| s.panel.ui(ui, &s.doc.view(), &mut s.selection),
        state,
    );
    h.run();
    h
}

#[test]
fn choosing_reps_changes_the_metric_and_the_data() {
    let mut h = harness(crate::support::runner_before());
    let data = shown(h.state());
    assert_eq!(data.map(|d| d.metric), Some(Metric::VolumeLoadKg));
    h.get_by_label("Chart metric").click();
    h.run();
    h.get_by_label("Reps").click();
    h.run();
    assert_eq!(h.state().panel.metric, Some(Metric::Reps));
    let s = h.state();
    let data = shown(s);
    let Some(data) = data else {
        panic!("the chart drew no data");
    };
    assert_eq!(data.metric, Metric::Reps);
    assert!(close(
        data.total[3],
        s.doc.read().projection().weeks[3].totals.reps
    ));
    // The line under the selector says what the metric counts.
    assert!(h.query_by_label_contains("Every set with reps").is_some());
}

#[test]
fn the_chart_follows_unit_and_revision() {
    let mut h = harness(crate::support::runner_before());
    let kg_week4 = shown(h.state()).map(|d| d.total[3]);
    h.state_mut().doc.unit = LoadUnit::Lb;
    h.run();
    let lb_week4 = shown(h.state()).map(|d| d.total[3]);
    assert!(close(
        lb_week4.unwrap_or(0.0),
        kg_week4.unwrap_or(0.0) / LoadUnit::KG_PER_LB
    ));
    let combo = h.get_by_role_and_label(Role::ComboBox, "Chart metric");
    assert_eq!(
        combo.accesskit_node().value().as_deref(),
        Some("Volume load (lb)"),
        "{combo:?}"
    );
    // A new plan revision: the dose of week 4 changes and the chart follows.
    let s = h.state_mut();
    let mut rx = s.doc.plan().prescriptions[0].clone();
    rx.dose.sets = 4;
    assert!(s.doc.apply(Edit::UpdatePrescription(rx)));
    h.run();
    let s = h.state();
    let now = shown(s).map(|d| d.total[3]).unwrap_or(0.0);
    assert!(close(
        now,
        s.doc.read().projection().weeks[3].totals.volume_load_kg / LoadUnit::KG_PER_LB
    ));
    assert!(now > lb_week4.unwrap_or(0.0));
}

#[test]
fn legend_and_controls_are_reachable() {
    let mut h = harness(crate::support::runner_before());
    // Legend entries are check boxes that hide and show their series.
    let total = h.get_by_role_and_label(Role::CheckBox, "Total");
    assert_eq!(total.accesskit_node().toggled(), Some(Toggled::True));
    total.click();
    h.run();
    let total = h.get_by_role_and_label(Role::CheckBox, "Total");
    assert_eq!(total.accesskit_node().toggled(), Some(Toggled::False));
    assert!(
        h.query_by_role_and_label(Role::CheckBox, "Deload")
            .is_some()
    );
    let stacked = h.get_by_role_and_label(Role::CheckBox, "Stacked");
    stacked.click();
    h.run();
    assert!(h.state().panel.stacked);
}

#[test]
fn clicking_the_plot_selects_a_week() {
    let mut h = harness(crate::support::runner_before());
    assert_eq!(h.state().selection.week, 1);
    // The plot fills the window below the controls, left of the legend; click in its right
    // part.
    let pos = egui::pos2(800.0, 450.0);
    h.hover_at(pos);
    h.run();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let week = h.state().selection.week;
    assert!((8..=12).contains(&week), "selected week {week}");
}

#[test]
fn an_empty_plan_shows_a_message() {
    let h = harness(Plan::default());
    assert!(
        h.query_by_label_contains("No exercises in this plan yet")
            .is_some()
    );
    assert!(shown(h.state()).is_none());
}

#[test]
fn hovering_shows_the_week_figures() {
    let mut h = harness(crate::support::runner_before());
    h.hover_at(egui::pos2(700.0, 450.0));
    h.run();
    let tip = h.get_by_label_contains(": total ");
    let text = tip.accesskit_node().value().unwrap_or_default();
    assert!(text.starts_with("Week "), "{text}");
    assert!(text.contains(" kg"), "{text}");
}

/// A 52-week plan with 30 loaded prescriptions of library exercises (some exercises twice).
fn many_exercises() -> Plan {
    use loadplan::model::{Dose, Load, Prescription, Reps, Schedule, WeekRange};
    let lib = loadplan::library::builtin().expect("library");
    let mut plan = Plan {
        title: "Many exercises".into(),
        weeks: 52,
        ..Plan::default()
    };
    for (i, ex) in lib.exercises.iter().cycle().take(50).skip(20).enumerate() {
        plan.prescriptions.push(Prescription {
            id: i as u32 + 1,
            exercise: ex.id.clone(),
            weeks: WeekRange::new(1, 52),
            schedule: Schedule::PerWeek(2),
            supervised_per_week: 1,
            dose: Dose {
                sets: 3,
                reps: Some(Reps::Fixed(10)),
                load: Load::Kg(10.0 + i as f64),
                ..Dose::default()
            },
            rules: vec![],
            notes: String::new(),
        });
    }
    loadplan::library::fill_missing(&mut plan, lib);
    plan
}

/// Labels of the legend's check boxes now in the accessibility tree ("Stacked" is not one).
fn legend_labels(h: &Harness<'_, State>) -> Vec<String> {
    h.query_all_by_role(Role::CheckBox)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l != "Stacked")
        .collect()
}

#[test]
fn a_long_legend_sits_beside_the_plot_and_scrolls() {
    // As high as the chart is in the window.
    let mut h = harness_sized(many_exercises(), egui::vec2(1000.0, 360.0));
    let series: Vec<String> = shown(h.state())
        .map(|d| d.series.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default();
    assert_eq!(series.len(), 30);
    let shown = legend_labels(&h);
    assert_eq!(shown.first().map(String::as_str), Some("Total"));
    assert!(
        shown.len() < 31,
        "only the rows in view are laid out: {shown:?}"
    );
    let mut unique = shown.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        shown.len(),
        "legend labels are unique: {shown:?}"
    );

    // The plot reaches the legend and nothing covers it: just left of the legend, at the height
    // of its entries, the pointer is over the plot and shows the week's figures.
    let total = h.get_by_role_and_label(Role::CheckBox, "Total").rect();
    h.hover_at(egui::pos2(total.left() - 40.0, total.bottom() + 120.0));
    h.run();
    assert!(h.query_by_label_contains(": total ").is_some());

    // Scrolling the legend reaches the last exercise, which can be hidden there.
    let last = series.last().cloned().unwrap_or_default();
    assert!(h.query_by_role_and_label(Role::CheckBox, &last).is_none());
    h.hover_at(egui::pos2(total.center().x, total.bottom() + 60.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -5000.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // Wheel scrolling glides for a few frames.
    h.run_steps(10);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, &last).click();
    h.run();
    assert!(h.state().panel.hidden.contains(&last));
    assert!(h.query_by_role_and_label(Role::CheckBox, "Total").is_none());
}

#[test]
fn every_series_can_be_hidden_and_shown_again() {
    let mut h = harness(many_exercises());
    h.get_by_label("Hide every series").click();
    h.run();
    let hidden = h.state().panel.hidden.clone();
    assert!(hidden.contains("Total"));
    let data = shown(h.state()).expect("chart data");
    assert!(data.series.iter().all(|s| hidden.contains(&s.name)));
    let total = h.get_by_role_and_label(Role::CheckBox, "Total");
    assert_eq!(total.accesskit_node().toggled(), Some(Toggled::False));
    total.click();
    h.run();
    assert!(!h.state().panel.hidden.contains("Total"));
    h.get_by_label("Show every series").click();
    h.run();
    assert!(h.state().panel.hidden.is_empty());
}
