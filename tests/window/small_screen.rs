//! A 1024x700 laptop screen: every physio panel stays usable. The editor of a picked
//! prescription is on screen, with the library shown or hidden; the chart can be hidden and
//! shown again, and it gives the tabs their room.

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::ui::prescriptions::row_names;

use crate::support::{app_with_plan, click, default_today, runner_before};

const LAPTOP: egui::Vec2 = vec2(1024.0, 700.0);

/// Whether the node `label` of `role` lies inside the window, not merely somewhere in a
/// scroll area's content.
fn on_screen(h: &Harness<'_, LoadplanApp>, role: Role, label: &str) -> bool {
    let rect = h.get_by_role_and_label(role, label).rect();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, LAPTOP);
    screen.contains_rect(rect)
}

fn laptop(prefs: Prefs) -> Harness<'static, LoadplanApp> {
    app_with_plan(runner_before(), prefs, default_today(), LAPTOP)
}

/// The first prescription's row (clicked where it is, without scrolling anything).
fn first_row(h: &Harness<'_, LoadplanApp>) -> String {
    let plan = h.state().document().expect("a plan").plan().clone();
    row_names(&plan).remove(0)
}

#[test]
fn the_editor_is_reachable_on_a_laptop_screen_with_or_without_the_library() {
    for hide_library in [false, true] {
        let mut h = laptop(Prefs {
            hide_library,
            ..Prefs::default()
        });
        let row = first_row(&h);
        assert!(on_screen(&h, Role::Button, &row), "the list shows");
        h.get_by_role_and_label(Role::Button, &row).click();
        h.run();
        // The editor's first fields are in view, without scrolling the window.
        for field in ["First week", "Last week"] {
            assert!(
                on_screen(&h, Role::SpinButton, field),
                "{field} on screen (library shown: {})",
                !hide_library
            );
        }
        // And the findings are there too, below.
        assert!(h.query_by_label_contains("warnings").is_some());
    }
}

#[test]
fn hiding_the_chart_gives_the_tabs_its_height_and_showing_it_brings_it_back() {
    let mut h = laptop(Prefs::default());
    let row = first_row(&h);
    h.get_by_role_and_label(Role::Button, &row).click();
    h.run();
    let top_with_chart = h
        .get_by_role_and_label(Role::SpinButton, "First week")
        .rect()
        .top();
    assert!(h.state().panels().chart.shown_bounds().is_some());

    click(&mut h, Role::Button, "Hide chart");
    assert!(h.state().prefs().hide_chart, "kept in the preferences");
    assert!(
        h.query_by_label("Chart metric").is_none(),
        "the chart is gone"
    );
    let top_without = h
        .get_by_role_and_label(Role::SpinButton, "First week")
        .rect()
        .top();
    assert!(
        top_without < top_with_chart - 100.0,
        "the editor moves up: {top_with_chart} -> {top_without}"
    );

    click(&mut h, Role::Button, "Show chart");
    assert!(!h.state().prefs().hide_chart);
    assert!(
        h.query_by_label("Chart metric").is_some(),
        "the chart is back"
    );
}

#[test]
fn a_narrow_window_shows_the_list_then_the_editor_with_a_way_back() {
    let narrow = vec2(760.0, 600.0);
    let mut h = app_with_plan(runner_before(), Prefs::default(), default_today(), narrow);
    let row = first_row(&h);
    click(&mut h, Role::Button, &row);
    assert!(h.query_by_label("First week").is_some(), "the editor shows");
    assert!(
        h.query_by_role_and_label(Role::Button, &row).is_none(),
        "the list makes room for the editor"
    );
    click(&mut h, Role::Button, "Back to all prescriptions");
    assert!(
        h.query_by_role_and_label(Role::Button, &row).is_some(),
        "back to the list"
    );
    assert!(h.query_by_label("First week").is_none());
}
