//! Image snapshots of the main screens, rendered on the CPU (wgpu on Mesa's lavapipe). A
//! change in how a screen looks fails the test; `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` writes new reference images after a deliberate change (look at them first).

use crate::support::send;
use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use loadplan::app::LoadplanApp;
use loadplan::app::prefs::Prefs;
use loadplan::command::{Command, ThemeChoice};

fn harness(theme: ThemeChoice) -> Harness<'static, LoadplanApp> {
    let mut app = LoadplanApp::new(Prefs {
        theme,
        ..Prefs::default()
    });
    // The sample plan starts in the week of today: the same week every run.
    app.set_today(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid date"));
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app)
}

/// Compares the screen with its reference image. A few pixels may differ (one pixel of an
/// anti-aliased edge differs between Mesa builds); a real change of the screen (a moved or
/// changed label, another colour) changes hundreds.
fn snapshot(h: &mut Harness<'_, LoadplanApp>, name: &str) {
    let options = egui_kittest::SnapshotOptions::new().max_failed_pixels(16);
    h.snapshot_options(name, &options);
}

#[test]
fn welcome_screen() {
    let mut h = harness(ThemeChoice::Light);
    h.run();
    snapshot(&mut h, "welcome");
}

#[test]
fn editor_with_chart() {
    let mut h = harness(ThemeChoice::Dark);
    h.run();
    send(&mut h, Command::OpenSample);
    h.get_by_role_and_label(Role::Button, "Single-leg deadlift with dumbbell")
        .click();
    h.run();
    snapshot(&mut h, "editor_with_chart");
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
    snapshot(&mut h, "week_view");
}

/// The runner's programme from Mon 2 Nov 2026 with two weeks logged (the last session with
/// pain 6/10), seen on Fri 13 Nov in athlete mode.
fn logged_athlete(theme: ThemeChoice) -> Harness<'static, LoadplanApp> {
    use loadplan::model::NextMorning;
    let mut plan = crate::support::runner_before();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date");
    plan.start_date = Some(day(2));
    let sld = plan.prescriptions[0].id;
    for (d, pain, next) in [
        (2, 2, Some(NextMorning::Settled)),
        (4, 3, Some(NextMorning::Settled)),
        (6, 2, Some(NextMorning::Pain(1))),
        (9, 4, Some(NextMorning::Settled)),
        (11, 6, None),
    ] {
        let log = plan.session_log_mut(day(d), 0);
        let entry = log.exercise_mut(sld, "sl_deadlift_db");
        entry.done = true;
        entry.pain_during = Some(pain);
        entry.pain_next_morning = next;
        log.rpe = Some(5.0);
        log.minutes = Some(30.0);
    }
    let mut app = LoadplanApp::with_document(
        Prefs {
            theme,
            athlete_mode: true,
            ..Prefs::default()
        },
        plan,
        loadplan::app::document::Origin::Unsaved("runner".to_owned()),
    );
    app.set_today(day(13));
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut LoadplanApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn athlete_today() {
    let mut h = logged_athlete(ThemeChoice::Light);
    snapshot(&mut h, "athlete_today");
}

#[test]
fn athlete_calendar() {
    let mut h = logged_athlete(ThemeChoice::Dark);
    h.get_by_role_and_label(Role::Button, "Calendar").click();
    h.run();
    snapshot(&mut h, "athlete_calendar");
}

#[test]
fn athlete_progress() {
    let mut h = logged_athlete(ThemeChoice::Dark);
    h.get_by_role_and_label(Role::Button, "Progress").click();
    h.run();
    snapshot(&mut h, "athlete_progress");
}
