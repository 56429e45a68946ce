//! Image snapshots of the main screens, rendered on the CPU (wgpu on Mesa's lavapipe). A
//! change in how a screen looks fails the test; `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` writes new reference images after a deliberate change (look at them first).

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::app::LoadplanApp;
use loadplan::app::command::{Command, ThemeChoice};
use loadplan::app::prefs::Prefs;

fn harness(theme: ThemeChoice) -> Harness<'static, LoadplanApp> {
    let app = LoadplanApp::new(Prefs {
        theme,
        ..Prefs::default()
    });
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app)
}

fn send(h: &mut Harness<'_, LoadplanApp>, cmd: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().send(cmd, &ctx);
    h.run();
}

#[test]
fn welcome_screen() {
    let mut h = harness(ThemeChoice::Light);
    h.run();
    h.snapshot("welcome");
}

#[test]
fn editor_with_chart() {
    let mut h = harness(ThemeChoice::Dark);
    h.run();
    send(&mut h, Command::OpenSample);
    h.get_by_role_and_label(Role::Button, "Single-leg deadlift with dumbbell")
        .click();
    h.run();
    h.snapshot("editor_with_chart");
}

#[test]
fn week_view() {
    let mut h = harness(ThemeChoice::Light);
    h.run();
    send(
        &mut h,
        Command::NewFromTemplate("nordic_hamstring".to_owned()),
    );
    h.get_by_role_and_label(Role::Button, "Week view").click();
    h.run();
    send(
        &mut h,
        Command::Select {
            prescription: None,
            week: Some(3),
        },
    );
    h.snapshot("week_view");
}
