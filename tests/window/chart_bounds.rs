//! The planner's chart always fits the plan, its metric and its unit: a new or opened plan, a
//! template, another metric or unit starts fitted; the user's panning lasts until then.

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::Command;
use loadplan::model::LoadUnit;

use crate::support::{app_harness, click, send};

fn bounds(h: &Harness<'_, LoadplanApp>) -> [f64; 4] {
    h.state()
        .panels()
        .chart
        .shown_bounds()
        .expect("the chart was drawn")
}

/// The highest total of the chart the window shows.
fn top(h: &Harness<'_, LoadplanApp>) -> f64 {
    let chart = h.state().shown_chart().expect("a chart");
    chart.total.iter().fold(0.0, |a: f64, b| a.max(*b))
}

/// Whether the y axis shows all of the data with a sensible margin.
fn fits_y(h: &Harness<'_, LoadplanApp>) -> bool {
    let [_, _, y0, y1] = bounds(h);
    let top = top(h);
    y0 <= 0.0 && y1 >= top && y1 <= top * 1.5 + 1.0
}

/// Drags the plot by `dx` points, as a person pans it.
fn pan(h: &mut Harness<'_, LoadplanApp>, dx: f32) {
    let from = egui::pos2(700.0, 300.0);
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for k in 1..=5 {
        h.hover_at(from + vec2(dx * k as f32 / 5.0, 0.0));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: from + vec2(dx, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

#[test]
fn the_chart_fits_each_plan_metric_and_unit_and_keeps_panning_until_they_change() {
    let mut h = app_harness(LoadplanApp::new(Prefs::default()), vec2(1280.0, 800.0));
    h.run();
    send(&mut h, Command::OpenSample);
    let [x0, x1, ..] = bounds(&h);
    assert!(
        (x0 - 0.5).abs() < 1e-6 && (x1 - 16.5).abs() < 1e-6,
        "16 weeks: {x0}..{x1}"
    );
    assert!(fits_y(&h), "{:?}, top {}", bounds(&h), top(&h));

    // Panning moves the axis, and it stays moved over further frames.
    pan(&mut h, -200.0);
    let panned = bounds(&h);
    assert!(panned[0] > 1.0, "panned: {panned:?}");
    h.run();
    assert_eq!(bounds(&h), panned);

    // A template of 12 weeks: fitted again.
    send(
        &mut h,
        Command::NewFromTemplate("nordic_hamstring".to_owned()),
    );
    let [x0, x1, ..] = bounds(&h);
    assert!(
        (x0 - 0.5).abs() < 1e-6 && (x1 - 12.5).abs() < 1e-6,
        "12 weeks: {x0}..{x1}"
    );
    assert!(fits_y(&h), "{:?}, top {}", bounds(&h), top(&h));

    // Another metric: fitted to its figures.
    click(&mut h, Role::ComboBox, "Chart metric");
    click(&mut h, Role::Button, "Reps");
    assert!(fits_y(&h), "reps: {:?}, top {}", bounds(&h), top(&h));

    // Back to the sample, in pounds: the volume load axis is in pounds.
    send(&mut h, Command::OpenSample);
    let kg_top = bounds(&h)[3];
    send(&mut h, Command::SetLoadUnit(LoadUnit::Lb));
    assert!(fits_y(&h), "lb: {:?}, top {}", bounds(&h), top(&h));
    assert!(
        bounds(&h)[3] > kg_top * 2.0,
        "{} lb against {kg_top} kg",
        bounds(&h)[3]
    );
}
